#include "TreeUpdateQueue.h"

#include <QtConcurrent>

namespace fd {
namespace ui {

TreeUpdateQueue::TreeUpdateQueue(ClusterTreeModel *model, QObject *parent) : QObject(parent), m_model(model) {}

TreeUpdateQueue::~TreeUpdateQueue()
{
    // A build still running reads only its snapshot (shared, immutable): waiting for it keeps the
    // worker from outliving the watcher that would receive its result.
    for (auto &entry : m_contexts) {
        if (entry.second.building)
            entry.second.building->waitForFinished();
    }
}

void TreeUpdateQueue::submit(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change)
{
    if (!snapshot)
        return;
    const QString name = snapshot->contextName;
    Context &context = m_contexts[name];
    if (!context.filled && !context.building) {
        // The row itself costs nothing: show the cluster now, its tenants when built.
        m_model->applyContextRow(snapshot);
    }
    if (context.next) {
        fold(context.next->change, change);
        context.next->snapshot = snapshot;
    } else {
        context.next = Pending{snapshot, change, false};
    }
    // Until a build with every tenant is merged or running, the tree below the context is not
    // known to be complete: build them all.
    context.next->everything = context.next->everything || !(context.filled || context.buildingEverything);
    if (!context.building)
        startBuild(name);
}

void TreeUpdateQueue::startBuild(const QString &contextName)
{
    Context &context = m_contexts[contextName];
    if (!context.next)
        return;
    Pending pending = std::move(*context.next);
    context.next.reset();
    context.buildingEverything = pending.everything || pending.change.everything;
    context.building = std::make_unique<QFutureWatcher<ClusterTreeModel::Prepared>>();
    connect(context.building.get(), &QFutureWatcherBase::finished, this, [this, contextName] {
        auto it = m_contexts.find(contextName);
        if (it == m_contexts.end() || !it->second.building)
            return;
        Context &finished = it->second;
        std::unique_ptr<QFutureWatcher<ClusterTreeModel::Prepared>> done = std::move(finished.building);
        finished.filled = finished.filled || finished.buildingEverything;
        finished.buildingEverything = false;
        ClusterTreeModel::Prepared prepared = done->future().takeResult();
        done.release()->deleteLater(); // its own signal is being delivered
        m_model->applyPrepared(prepared);
        // Freeing a spec of thousands of rows takes time too: a worker does it.
        (void)QtConcurrent::run([spent = std::move(prepared)] { Q_UNUSED(spent); });
        Q_EMIT applied(contextName);
        startBuild(contextName);
    });
    context.building->setFuture(QtConcurrent::run([pending = std::move(pending), shown = context.shown] {
        ClusterTreeModel::Prepared prepared = ClusterTreeModel::prepare(pending.snapshot, pending.change, pending.everything);
        shown->prune(prepared.spec);
        return prepared;
    }));
}

void TreeUpdateQueue::forget(const QString &contextName)
{
    auto it = m_contexts.find(contextName);
    if (it == m_contexts.end())
        return;
    if (it->second.building) {
        it->second.building->disconnect(this);
        it->second.building->waitForFinished();
    }
    m_contexts.erase(it);
}

bool TreeUpdateQueue::isIdle() const
{
    for (const auto &entry : m_contexts) {
        if (entry.second.building || entry.second.next)
            return false;
    }
    return true;
}

void TreeUpdateQueue::fold(fd::engine::SnapshotChange &into, const fd::engine::SnapshotChange &later)
{
    into.everything = into.everything || later.everything;
    into.connectionChanged = into.connectionChanged || later.connectionChanged;
    into.installChanged = into.installChanged || later.installChanged;
    into.tenants.added += later.tenants.added;
    into.tenants.changed += later.tenants.changed;
    into.tenants.removed += later.tenants.removed;
    into.changedNamespaces.unite(later.changedNamespaces);
    into.findings.added += later.findings.added;
    into.findings.changed += later.findings.changed;
    into.findings.resolved += later.findings.resolved;
}

} // namespace ui
} // namespace fd

#include "moc_TreeUpdateQueue.cpp"
