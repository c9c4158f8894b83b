#pragma once

#include "ui/ClusterHandle.h"

#include <QList>

// Test double of a cluster: publishes the snapshots the test makes, records the fixes run, and
// answers permission checks as configured.

namespace fd::ui::test {

class FakeClusterHandle : public fd::ui::ClusterHandle
{
    Q_OBJECT
public:
    explicit FakeClusterHandle(const QString &contextName, QObject *parent = nullptr);

    void publish(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);

    QString contextName() const override { return m_contextName; }
    fd::engine::ClusterSnapshotPtr snapshot() const override { return m_snapshot; }
    bool supports(const fd::fission::FixAction &action) const override;
    QFuture<CommandOutcome> runFix(const fd::fission::FixAction &action) override;
    QFuture<PermissionAnswer> checkPermission(const fd::fission::FixAction &action) override;
    QFuture<QList<EventRow>> listEvents(const fd::fission::ObjectRef &object) override;

    QList<fd::fission::FixAction> fixesRun;
    bool allowEverything = true;

private:
    QString m_contextName;
    fd::engine::ClusterSnapshotPtr m_snapshot;
};

} // namespace fd::ui::test
