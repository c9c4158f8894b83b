#pragma once

#include "engine/ClusterSnapshot.h"
#include "fission/ClusterState.h"
#include "fission/FissionModel.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>

// Test helper: a cluster's objects in a MemoryClusterState, run through the Fission domain
// model, published as ClusterSnapshots with the SnapshotChange an engine session would send.

namespace fd::ui::test {

class SnapshotMaker
{
public:
    explicit SnapshotMaker(const QString &contextName);
    ~SnapshotMaker();

    fd::fission::MemoryClusterState &state() { return m_state; }
    void setConnection(const fd::engine::ConnectionStatus &connection) { m_connection = connection; }

    // The next snapshot after the state changed in `namespaces` (all on the first call).
    struct Published {
        fd::engine::ClusterSnapshotPtr snapshot;
        fd::engine::SnapshotChange change;
    };
    Published publish(const QSet<QString> &namespaces = {});

private:
    QString m_context;
    fd::fission::MemoryClusterState m_state;
    std::unique_ptr<fd::fission::FissionModel> m_model;
    fd::engine::ConnectionStatus m_connection;
    quint64 m_generation = 0;
};

} // namespace fd::ui::test
