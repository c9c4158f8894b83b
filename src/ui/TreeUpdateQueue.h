#pragma once

#include "ClusterTreeModel.h"
#include "ShownTreeSpec.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>

// Keeps the GUI thread free while snapshots stream in: the wanted shape of a context's subtree
// is built on a worker (ClusterTreeModel::prepare), only the merge runs here. One build per
// context runs at a time; snapshots that arrive meanwhile are folded into one (the newest
// snapshot, the union of what changed since the build started), so a burst of snapshots costs
// one more build, not one each. A context's row appears at once (cheap); its tenants follow
// when the first build is done. The worker also drops the tenants whose rows did not change
// (ShownTreeSpec), so the merge on the GUI thread touches only what changed. The queue must be
// the only writer of its contexts' rows in the model (forget() a context before removing it).

namespace fd {
namespace ui {

class TreeUpdateQueue : public QObject
{
    Q_OBJECT
public:
    explicit TreeUpdateQueue(ClusterTreeModel *model, QObject *parent = nullptr);
    ~TreeUpdateQueue() override;

    void submit(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);
    // The context left the tree: what is queued or being built for it is dropped.
    void forget(const QString &contextName);
    // Nothing queued or being built (tests and benchmarks wait for it).
    bool isIdle() const;

Q_SIGNALS:
    // The model now shows `snapshot` (its rows exist, e.g. to select or expand them).
    void applied(const QString &contextName);

private:
    struct Pending {
        fd::engine::ClusterSnapshotPtr snapshot;
        fd::engine::SnapshotChange change;
        bool everything = false;
    };
    struct Context {
        std::unique_ptr<QFutureWatcher<ClusterTreeModel::Prepared>> building;
        std::optional<Pending> next;
        bool filled = false;             // a build with every tenant has been merged
        bool buildingEverything = false; // the running build has every tenant
        // Read and written only by the running build (one at a time per context).
        std::shared_ptr<ShownTreeSpec> shown = std::make_shared<ShownTreeSpec>();
    };

    void startBuild(const QString &contextName);
    static void fold(fd::engine::SnapshotChange &into, const fd::engine::SnapshotChange &later);

    ClusterTreeModel *m_model;
    std::map<QString, Context> m_contexts; // few entries; values own their watcher (move-only)
};

} // namespace ui
} // namespace fd
