#include "engine/ClusterSession.h"

#include "engine/EngineTr.h"
#include "engine/SessionCommands.h"
#include "engine/SessionSync.h"
#include "kube/config/Redaction.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"

#include <QElapsedTimer>
#include <QPromise>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace fd::engine {

using detail::translate;

namespace {

template<typename T>
QFuture<T> finished(const T &value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(value);
    promise.finish();
    return promise.future();
}

CommandResult noSessionResult()
{
    return CommandResult::failure(translate("fd::engine", "This cluster is not connected: its kubeconfig entry cannot be used."));
}

void registerTypes()
{
    qRegisterMetaType<ClusterSnapshotPtr>();
    qRegisterMetaType<SnapshotChange>();
    qRegisterMetaType<CommandResult>();
}

} // namespace

ClusterSession::ClusterSession(const fd::kube::ContextEntry &context, QObject *parent)
    : ClusterSession(context, Options{}, parent)
{
}

ClusterSession::ClusterSession(const fd::kube::ContextEntry &context, Options options, QObject *parent)
    : QObject(parent), m_contextName(context.name)
{
    registerTypes();
    if (!context.isUsable()) {
        const auto problem = context.firstError();
        setFailedSnapshot(problem ? fd::kube::redactSecrets(problem->toString())
                                  : translate("fd::engine", "The kubeconfig entry of this context cannot be used."));
        return;
    }
    auto session = fd::kube::KubeSession::fromContext(context);
    if (!session) {
        setFailedSnapshot(fd::kube::redactSecrets(session.error().message));
        return;
    }
    init(std::move(session.value()), context.namespaceName, options);
}

ClusterSession::ClusterSession(const QString &contextName, std::unique_ptr<fd::kube::KubeSession> session,
                               const QString &contextNamespace, Options options, QObject *parent)
    : QObject(parent), m_contextName(contextName)
{
    registerTypes();
    init(std::move(session), contextNamespace, options);
}

std::unique_ptr<ClusterSession> ClusterSession::failed(const QString &contextName, const QString &message, QObject *parent)
{
    fd::kube::ContextEntry entry;
    entry.name = contextName;
    auto session = std::make_unique<ClusterSession>(entry, parent);
    session->setFailedSnapshot(message);
    return session;
}

ClusterSession::~ClusterSession()
{
    if (m_thread) {
        // Tear down on the session thread, where the informers and their requests live, before
        // the KubeSession (and its RestClient) goes.
        QMetaObject::invokeMethod(
            m_sync,
            [sync = m_sync, commands = m_commands] {
                delete commands;
                delete sync;
            },
            Qt::BlockingQueuedConnection);
        m_sync = nullptr;
        m_commands = nullptr;
        m_thread.reset();
    }
}

void ClusterSession::init(std::unique_ptr<fd::kube::KubeSession> session, const QString &contextNamespace, Options options)
{
    auto snapshot = makeClusterSnapshot();
    snapshot->contextName = m_contextName;
    snapshot->connection.since = QDateTime::currentDateTimeUtc();
    snapshot->securityWarning = session->securityWarning();
    m_snapshot = snapshot;

    fd::kube::KubeSession *kube = session.get();
    m_thread = std::make_unique<fd::kube::KubeSessionThread>(std::move(session));
    SessionSync::Options syncOptions;
    syncOptions.contextName = m_contextName;
    syncOptions.contextNamespace = contextNamespace.isEmpty() ? u"default"_s : contextNamespace;
    syncOptions.publishIntervalMs = options.publishIntervalMs;
    syncOptions.configuredNamespaces = options.configuredNamespaces;
    m_sync = new SessionSync(kube, syncOptions);
    m_sync->moveToThread(m_thread->thread());
    m_commands = new SessionCommands(kube);
    m_commands->moveToThread(m_thread->thread());
    connect(m_sync, &SessionSync::snapshotReady, this, &ClusterSession::onSnapshot, Qt::QueuedConnection);
}

void ClusterSession::setFailedSnapshot(const QString &message)
{
    auto snapshot = makeClusterSnapshot();
    snapshot->contextName = m_contextName;
    snapshot->connection.state = ConnectionState::Failed;
    snapshot->connection.message = message;
    snapshot->connection.since = QDateTime::currentDateTimeUtc();
    m_snapshot = snapshot;
}

void ClusterSession::start()
{
    if (m_sync)
        QMetaObject::invokeMethod(m_sync, [sync = m_sync] { sync->start(); }, Qt::QueuedConnection);
}

void ClusterSession::stop()
{
    if (m_sync)
        QMetaObject::invokeMethod(m_sync, [sync = m_sync] { sync->stop(); }, Qt::QueuedConnection);
}

void ClusterSession::refresh()
{
    if (m_sync)
        QMetaObject::invokeMethod(m_sync, [sync = m_sync] { sync->refresh(); }, Qt::QueuedConnection);
}

void ClusterSession::onSnapshot(const ClusterSnapshotPtr &snapshot, const SnapshotChange &change)
{
    m_snapshot = snapshot;
    Q_EMIT snapshotPublished(snapshot, change);
}

QFuture<CommandResult> ClusterSession::command(std::function<void(SessionCommands &, std::function<void(const CommandResult &)>)> work)
{
    if (!m_commands)
        return finished(noSessionResult());
    // Shared by the queued call and the request's callback; if the session dies first, the last
    // owner's destructor cancels the future instead of leaving it pending forever.
    auto promise = std::make_shared<QPromise<CommandResult>>();
    promise->start();
    QFuture<CommandResult> future = promise->future();
    QMetaObject::invokeMethod(
        m_commands,
        [commands = m_commands, promise, work = std::move(work)] {
            work(*commands, [promise](const CommandResult &result) {
                promise->addResult(result);
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<CommandResult> ClusterSession::rebuildPackage(const QString &ns, const QString &name)
{
    return command([ns, name](SessionCommands &c, auto done) { c.rebuildPackage(ns, name, std::move(done)); });
}

QFuture<CommandResult> ClusterSession::createObject(const QJsonObject &object, bool dryRun)
{
    return command([object, dryRun](SessionCommands &c, auto done) { c.createObject(object, std::move(done), dryRun); });
}

QFuture<CommandResult> ClusterSession::uploadArchive(const QString &fissionNamespace, const QByteArray &archive,
                                                     const QString &fileName)
{
    return command([fissionNamespace, archive, fileName](SessionCommands &c, auto done) {
        c.uploadArchive(fissionNamespace, archive, fileName, std::move(done));
    });
}

QFuture<CommandResult> ClusterSession::listNames(const fd::fission::GroupResource &gr, const QString &ns)
{
    return command([gr, ns](SessionCommands &c, auto done) { c.listNames(gr, ns, std::move(done)); });
}

QFuture<CommandResult> ClusterSession::replaceObject(const QJsonObject &object, bool dryRun)
{
    return command([object, dryRun](SessionCommands &c, auto done) { c.replaceObject(object, std::move(done), dryRun); });
}

QFuture<CommandResult> ClusterSession::deleteObject(const fd::fission::GroupResource &gr, const QString &ns, const QString &name)
{
    return command([gr, ns, name](SessionCommands &c, auto done) { c.deleteObject(gr, ns, name, std::move(done)); });
}

QFuture<CommandResult> ClusterSession::createNamespace(const QString &name)
{
    return command([name](SessionCommands &c, auto done) { c.createNamespace(name, std::move(done)); });
}

QFuture<CommandResult> ClusterSession::createTenant(const QString &namespaceName)
{
    return command([namespaceName](SessionCommands &c, auto done) { c.createTenant(namespaceName, std::move(done)); });
}

QFuture<CommandResult> ClusterSession::removeFinalizers(const fd::fission::GroupResource &gr, const QString &ns, const QString &name)
{
    return command([gr, ns, name](SessionCommands &c, auto done) { c.removeFinalizers(gr, ns, name, std::move(done)); });
}

QFuture<QList<fd::kube::KubeObject>> ClusterSession::listEvents(const fd::fission::GroupResource &gr, const QString &ns,
                                                                const QString &name)
{
    using Events = QList<fd::kube::KubeObject>;
    if (!m_commands)
        return finished(Events{});
    auto promise = std::make_shared<QPromise<Events>>();
    promise->start();
    QFuture<Events> future = promise->future();
    QMetaObject::invokeMethod(
        m_commands,
        [commands = m_commands, promise, gr, ns, name] {
            commands->listEvents(gr, ns, name, [promise](const Events &events) {
                promise->addResult(events);
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<bool> ClusterSession::canI(const QString &verb, const fd::fission::GroupResource &gr, const QString &ns)
{
    if (!m_commands)
        return finished(false);
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    QFuture<bool> future = promise->future();
    QMetaObject::invokeMethod(
        m_commands,
        [commands = m_commands, promise, verb, gr, ns] {
            commands->canI(verb, gr, ns, [promise](bool allowed) {
                promise->addResult(allowed);
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<std::optional<fd::fission::BuildTimelineInput>> ClusterSession::buildTimelineInput(const QString &ns,
                                                                                           const QString &name)
{
    using Result = std::optional<fd::fission::BuildTimelineInput>;
    const ClusterSnapshotPtr snapshot = m_snapshot;
    if (!m_sync)
        return finished(Result(fd::fission::collectBuildInput(snapshot->index, snapshot->tenants, snapshot->install,
                                                              snapshot->findings, ns, name,
                                                              QDateTime::currentDateTimeUtc())));
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    QFuture<Result> future = promise->future();
    // The stores belong to the session thread: read them there. The snapshot is immutable.
    QMetaObject::invokeMethod(
        m_sync,
        [sync = m_sync, promise, snapshot, ns, name] {
            promise->addResult(fd::fission::collectBuildInput(sync->state(), snapshot->index, snapshot->tenants,
                                                              snapshot->install, snapshot->findings, ns, name,
                                                              QDateTime::currentDateTimeUtc()));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<ServiceCallResult> ClusterSession::callService(const ServiceCall &call)
{
    if (!m_thread) {
        ServiceCallResult failedResult;
        failedResult.error = translate("fd::engine", "This cluster is not connected: its kubeconfig entry cannot be used.");
        return finished(failedResult);
    }
    auto promise = std::make_shared<QPromise<ServiceCallResult>>();
    promise->start();
    QFuture<ServiceCallResult> future = promise->future();
    QMetaObject::invokeMethod(
        m_commands,
        [commands = m_commands, session = m_thread->session(), promise, call] {
            auto clock = std::make_shared<QElapsedTimer>();
            clock->start();
            session->rest()->send(call.request(), commands, [promise, clock](const fd::kube::KubeResult &result) {
                promise->addResult(ServiceCallResult::from(result, clock->elapsed()));
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<CommandResult> ClusterSession::runFix(const fd::fission::FixAction &action)
{
    using namespace fd::fission;
    return std::visit(
        [this](const auto &a) -> QFuture<CommandResult> {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, RebuildPackageAction>) {
                return rebuildPackage(a.namespaceName, a.name);
            } else if constexpr (std::is_same_v<A, CreateNamespaceAction>) {
                return createNamespace(a.name);
            } else if constexpr (std::is_same_v<A, CreateTenantAction>) {
                return createTenant(a.namespaceName);
            } else if constexpr (std::is_same_v<A, RemoveFinalizersAction>) {
                const KindInfo *kind = kinds::forKind(a.object.group, a.object.kind);
                if (!kind)
                    return finished(CommandResult::failure(
                        translate("fd::engine", "Unknown kind %1: cannot remove its finalizers.").arg(a.object.kind)));
                return removeFinalizers(kind->gr, a.object.namespaceName, a.object.name);
            } else if constexpr (std::is_same_v<A, OnboardAction>) {
                if (m_onboardHandler)
                    return m_onboardHandler(a);
                return finished(CommandResult::failure(
                    translate("fd::engine", "Onboarding is not handled here: no onboarding module is connected.")));
            } else {
                return finished(CommandResult::failure(
                    translate("fd::engine", "This fix is not run by the cluster session: %1").arg(fixActionTitle(FixAction(a)))));
            }
        },
        action);
}

} // namespace fd::engine

#include "moc_ClusterSession.cpp"
