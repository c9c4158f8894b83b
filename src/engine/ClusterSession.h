#pragma once

#include "engine/ClusterSnapshot.h"
#include "engine/CommandResult.h"
#include "engine/troubleshoot/ServiceCall.h"
#include "fission/BuildTimeline.h"
#include "fission/Finding.h"
#include "fission/Kinds.h"
#include "kube/config/Kubeconfig.h"
#include "kube/store/KubeObject.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace fd::kube {
class KubeSession;
class KubeSessionThread;
}

namespace fd::engine {

class SessionCommands;
class SessionSync;

struct ClusterSessionOptions {
    int publishIntervalMs = 100; // snapshots at most this often
    // Watched when RBAC forbids listing a kind cluster-wide and listing namespaces, besides the
    // context's namespace (the user's ContextSettings::namespaces).
    QStringList configuredNamespaces;
};

// One configured cluster, as the GUI and the CLI use it. Created and used on the GUI (main)
// thread; its informers, model and requests run on a KubeSessionThread of its own. It publishes
// immutable snapshots (snapshotPublished, queued to this object's thread, at most one per 100 ms)
// and runs commands whose results come back as QFutures.
//
// A session that cannot even start (a broken kubeconfig entry) exists anyway, in state Failed
// with the loader's message, so the list of clusters shows every context.
class ClusterSession : public QObject
{
    Q_OBJECT

public:
    using Options = ClusterSessionOptions;

    // From a kubeconfig context; an unusable entry gives a Failed session.
    explicit ClusterSession(const fd::kube::ContextEntry &context, QObject *parent = nullptr);
    ClusterSession(const fd::kube::ContextEntry &context, Options options, QObject *parent = nullptr);
    // From a ready KubeSession (tests, the demo): `contextNamespace` for RBAC fallbacks.
    ClusterSession(const QString &contextName, std::unique_ptr<fd::kube::KubeSession> session,
                   const QString &contextNamespace = QStringLiteral("default"), Options options = {},
                   QObject *parent = nullptr);
    // A session that failed before it could start (`message` translated).
    static std::unique_ptr<ClusterSession> failed(const QString &contextName, const QString &message, QObject *parent = nullptr);
    ~ClusterSession() override;

    QString contextName() const { return m_contextName; }
    bool isFailed() const { return !m_thread; }
    void start();
    void stop();
    // Lists everything again now (the user's refresh, F5); no-op for a failed session.
    void refresh();

    // The latest snapshot received on this thread (never null: an initial Connecting/Failed one).
    ClusterSnapshotPtr snapshot() const { return m_snapshot; }

    // Commands. Each runs on the session thread; the future finishes with the result (it is
    // cancelled only when the session is destroyed first).
    QFuture<CommandResult> rebuildPackage(const QString &ns, const QString &name);
    // `dryRun`: validated and admitted by the server (dryRun=All), nothing persisted.
    QFuture<CommandResult> createObject(const QJsonObject &object, bool dryRun = false);
    QFuture<CommandResult> replaceObject(const QJsonObject &object, bool dryRun = false);
    QFuture<CommandResult> deleteObject(const fd::fission::GroupResource &gr, const QString &ns, const QString &name);
    QFuture<CommandResult> createNamespace(const QString &name);
    QFuture<CommandResult> createTenant(const QString &namespaceName);
    QFuture<CommandResult> removeFinalizers(const fd::fission::GroupResource &gr, const QString &ns, const QString &name);
    QFuture<QList<fd::kube::KubeObject>> listEvents(const fd::fission::GroupResource &gr, const QString &ns, const QString &name);
    QFuture<bool> canI(const QString &verb, const fd::fission::GroupResource &gr, const QString &ns = {});
    // What the build troubleshooter reads about Package ns/name: the latest snapshot's objects and
    // findings plus the builder Deployment, pods and events from the session's stores (nothing is
    // requested from the server). nullopt when the package is unknown.
    QFuture<std::optional<fd::fission::BuildTimelineInput>> buildTimelineInput(const QString &ns, const QString &name);
    // An HTTP request through the API server's service proxy (calling a function via the router).
    QFuture<ServiceCallResult> callService(const ServiceCall &call);
    // Archive upload to Fission's storage service through the service proxy, and the names of a
    // namespace's objects of one resource (see SessionCommands).
    QFuture<CommandResult> uploadArchive(const QString &fissionNamespace, const QByteArray &archive, const QString &fileName);
    QFuture<CommandResult> listNames(const fd::fission::GroupResource &gr, const QString &ns);

    // Runs a finding's fix: the actions the engine can do map to the commands above; onboarding
    // goes to the onboard handler (set by the onboarding module); actions that only show
    // something (logs, inspect) and Helm rollbacks are not run here and fail with a message.
    QFuture<CommandResult> runFix(const fd::fission::FixAction &action);
    using OnboardHandler = std::function<QFuture<CommandResult>(const fd::fission::OnboardAction &)>;
    void setOnboardHandler(OnboardHandler handler) { m_onboardHandler = std::move(handler); }

    // The connection's thread, for work that must live beside the session (the log follower,
    // src/engine/logs). Null for a failed session.
    fd::kube::KubeSessionThread *kubeSessionThread() const { return m_thread.get(); }

Q_SIGNALS:
    void snapshotPublished(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);

private:
    void init(std::unique_ptr<fd::kube::KubeSession> session, const QString &contextNamespace, Options options);
    void onSnapshot(const ClusterSnapshotPtr &snapshot, const SnapshotChange &change);
    QFuture<CommandResult> command(std::function<void(SessionCommands &, std::function<void(const CommandResult &)>)> work);
    void setFailedSnapshot(const QString &message);

    QString m_contextName;
    std::unique_ptr<fd::kube::KubeSessionThread> m_thread;
    SessionSync *m_sync = nullptr;         // lives on the session thread
    SessionCommands *m_commands = nullptr; // lives on the session thread
    ClusterSnapshotPtr m_snapshot;
    OnboardHandler m_onboardHandler;
};

} // namespace fd::engine
