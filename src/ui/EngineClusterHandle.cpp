#include "EngineClusterHandle.h"

#include "engine/logs/LogSource.h"
#include "ui/logs/LogWindow.h"

#include "engine/ClusterSession.h"
#include "fission/Kinds.h"
#include "FixActions.h"
#include "UiTr.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::ui::detail::translate;
namespace fis = fd::fission;

namespace fd {
namespace ui {

EngineClusterHandle::EngineClusterHandle(fd::engine::ClusterSession *session, QObject *parent)
    : ClusterHandle(parent), m_session(session), m_contextName(session->contextName())
{
    connect(session, &fd::engine::ClusterSession::snapshotPublished, this, &ClusterHandle::snapshotPublished);
}

fd::engine::ClusterSession *EngineClusterHandle::session() const
{
    return m_session;
}

QString EngineClusterHandle::contextName() const
{
    return m_contextName;
}

fd::engine::ClusterSnapshotPtr EngineClusterHandle::snapshot() const
{
    return m_session ? m_session->snapshot() : nullptr;
}

bool EngineClusterHandle::canRefresh() const
{
    return m_session && !m_session->isFailed();
}

void EngineClusterHandle::refresh()
{
    if (canRefresh())
        m_session->refresh();
}

bool EngineClusterHandle::supports(const fis::FixAction &action) const
{
    if (!m_session || m_session->isFailed())
        return false;
    // What ClusterSession::runFix carries out, plus the log window opened here; rollbacks and
    // inspection are not commands.
    return std::holds_alternative<fis::OpenLogsAction>(action)
        || std::holds_alternative<fis::RebuildPackageAction>(action) || std::holds_alternative<fis::CreateNamespaceAction>(action)
        || std::holds_alternative<fis::CreateTenantAction>(action) || std::holds_alternative<fis::RemoveFinalizersAction>(action)
        || (m_onboarding && std::holds_alternative<fis::OnboardAction>(action));
}

QFuture<CommandOutcome> EngineClusterHandle::runFix(const fis::FixAction &action)
{
    if (!m_session)
        return QtFuture::makeReadyFuture(CommandOutcome{false, translate("fd::ui", "The cluster was removed.")});
    if (const auto *logs = std::get_if<fis::OpenLogsAction>(&action))
        return QtFuture::makeReadyFuture(openLogs(*logs));
    return m_session->runFix(action).then([](const fd::engine::CommandResult &r) { return CommandOutcome{r.ok, r.message}; });
}

QFuture<PermissionAnswer> EngineClusterHandle::checkPermission(const fis::FixAction &action)
{
    const RequiredPermission needed = requiredPermission(action);
    if (!m_session || needed.resource.isEmpty())
        return QtFuture::makeReadyFuture(PermissionAnswer{});
    return m_session->canI(needed.verb, fis::GroupResource{needed.group, needed.resource}, needed.namespaceName)
        .then([needed](bool allowed) { return PermissionAnswer{true, allowed, allowed ? QString() : needed.describe()}; });
}

bool EngineClusterHandle::hasEvents() const
{
    return m_session && !m_session->isFailed();
}

QFuture<QList<EventRow>> EngineClusterHandle::listEvents(const fis::ObjectRef &object)
{
    const fis::KindInfo *kind = fis::kinds::forKind(object.group, object.kind);
    if (!m_session || !kind)
        return QtFuture::makeReadyFuture(QList<EventRow>());
    return m_session->listEvents(kind->gr, object.namespaceName, object.name).then([](const QList<fd::kube::KubeObject> &events) {
        QList<EventRow> rows;
        for (const fd::kube::KubeObject &e : events) {
            const QJsonObject json = e.toJsonObject();
            EventRow row;
            QString when = json.value(u"lastTimestamp"_s).toString();
            if (when.isEmpty())
                when = json.value(u"eventTime"_s).toString();
            if (when.isEmpty())
                when = e.creationTimestamp();
            row.lastSeen = fis::parseKubeTime(when);
            row.type = json.value(u"type"_s).toString();
            row.reason = json.value(u"reason"_s).toString();
            row.message = json.value(u"message"_s).toString();
            row.count = std::max(1, json.value(u"count"_s).toInt(1));
            rows.append(row);
        }
        std::sort(rows.begin(), rows.end(), [](const EventRow &a, const EventRow &b) { return a.lastSeen < b.lastSeen; });
        return rows;
    });
}

CommandOutcome EngineClusterHandle::openLogs(const fis::OpenLogsAction &action)
{
    // A finding points at one pod or at a label selector (a builder, a component): follow it in a
    // window of its own, like the tree's "Show logs…".
    fd::engine::LogSource source = action.pod.isEmpty()
        ? fd::engine::LogSource::selector(action.namespaceName, action.selector)
        : fd::engine::LogSource::pod(action.namespaceName, action.pod);
    if (!action.container.isEmpty())
        source.onlyContainers = {action.container};
    LogWindow *window = LogWindow::open(*m_session, source);
    if (!window)
        return {false, translate("fd::ui", "The logs cannot be followed on this cluster.")};
    return {true, translate("fd::ui", "Opened the logs of %1.").arg(source.title())};
}

} // namespace ui
} // namespace fd

#include "moc_EngineClusterHandle.cpp"
