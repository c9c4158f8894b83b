#pragma once

#include "ClusterHandle.h"

#include <QPointer>

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

// ClusterHandle over the engine's ClusterSession: forwards snapshots, maps fix actions to the
// session's commands and RBAC checks, and turns events into rows.
class EngineClusterHandle : public ClusterHandle
{
    Q_OBJECT
public:
    explicit EngineClusterHandle(fd::engine::ClusterSession *session, QObject *parent = nullptr);

    // Whether the session has an onboarding handler (the onboarding module sets one).
    void setOnboardingAvailable(bool available) { m_onboarding = available; }
    // The wrapped session, for the object forms (src/ui/forms); null once it is gone.
    fd::engine::ClusterSession *session() const;

    QString contextName() const override;
    fd::engine::ClusterSnapshotPtr snapshot() const override;
    bool supports(const fd::fission::FixAction &action) const override;
    QFuture<CommandOutcome> runFix(const fd::fission::FixAction &action) override;
    QFuture<PermissionAnswer> checkPermission(const fd::fission::FixAction &action) override;
    bool hasEvents() const override;
    QFuture<QList<EventRow>> listEvents(const fd::fission::ObjectRef &object) override;
    bool canRefresh() const override;
    void refresh() override;

private:
    CommandOutcome openLogs(const fd::fission::OpenLogsAction &action);
    QPointer<fd::engine::ClusterSession> m_session;
    QString m_contextName;
    bool m_onboarding = false;
};

} // namespace ui
} // namespace fd
