#include "FakeClusterHandle.h"

#include "ui/FixActions.h"

using namespace Qt::StringLiterals;

namespace fd::ui::test {

FakeClusterHandle::FakeClusterHandle(const QString &contextName, QObject *parent)
    : fd::ui::ClusterHandle(parent), m_contextName(contextName)
{
}

void FakeClusterHandle::publish(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change)
{
    m_snapshot = snapshot;
    Q_EMIT snapshotPublished(snapshot, change);
}

bool FakeClusterHandle::supports(const fd::fission::FixAction &action) const
{
    return std::holds_alternative<fd::fission::RebuildPackageAction>(action)
        || std::holds_alternative<fd::fission::CreateTenantAction>(action);
}

QFuture<CommandOutcome> FakeClusterHandle::runFix(const fd::fission::FixAction &action)
{
    fixesRun.append(action);
    return QtFuture::makeReadyFuture(CommandOutcome{true, u"ran %1"_s.arg(fd::fission::fixActionType(action))});
}

QFuture<PermissionAnswer> FakeClusterHandle::checkPermission(const fd::fission::FixAction &action)
{
    const RequiredPermission needed = requiredPermission(action);
    return QtFuture::makeReadyFuture(PermissionAnswer{true, allowEverything, allowEverything ? QString() : needed.describe()});
}

QFuture<QList<EventRow>> FakeClusterHandle::listEvents(const fd::fission::ObjectRef &)
{
    return QtFuture::makeReadyFuture(QList<EventRow>());
}

} // namespace fd::ui::test
