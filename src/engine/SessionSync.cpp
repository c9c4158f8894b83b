#include "engine/SessionSync.h"

#include "engine/EngineTr.h"
#include "kube/informer/RestListWatchSource.h"
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/DiscoveryCache.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine {

using fd::fission::ChangeSet;
using fd::fission::GroupResource;
using fd::fission::KindCoverage;
using fd::fission::KindInfo;
using detail::translate;

namespace {

constexpr int MaxRetryDelayMs = 30'000;
constexpr qint64 MaxTimerMs = 3'600'000; // rechecks further away are re-armed later

// Helm keeps releases in Secrets (and ConfigMaps with the configmap driver) labelled owner=helm:
// the domain reads no other Secrets, so the informers never hold anybody's credentials.
bool isHelmStorage(const fd::kube::ResourceKind &kind)
{
    return kind.group.isEmpty() && (kind.resource == u"secrets" || kind.resource == u"configmaps");
}

fd::fission::TenantModel::Change diffTenants(const fd::fission::TenantModel *before, const fd::fission::TenantModel &after)
{
    fd::fission::TenantModel::Change change;
    const QMap<QString, fd::fission::Tenant> empty;
    const auto &old = before ? before->tenants() : empty;
    const auto &now = after.tenants();
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto o = old.constFind(it.key());
        if (o == old.cend())
            change.added.append(it.key());
        else if (!(*o == *it))
            change.changed.append(it.key());
    }
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!now.contains(it.key()))
            change.removed.append(it.key());
    }
    return change;
}

fd::kube::WatchEventType eventType(fd::kube::Delta::Type type)
{
    switch (type) {
    case fd::kube::Delta::Type::Added:
        return fd::kube::WatchEventType::Added;
    case fd::kube::Delta::Type::Modified:
        return fd::kube::WatchEventType::Modified;
    case fd::kube::Delta::Type::Deleted:
        return fd::kube::WatchEventType::Deleted;
    }
    return fd::kube::WatchEventType::Modified;
}

} // namespace

SessionSync::SessionSync(fd::kube::KubeSession *session, Options options, QObject *parent)
    : QObject(parent), m_session(session), m_options(std::move(options))
{
    m_retryTimer.setSingleShot(true);
    m_recheckTimer.setSingleShot(true);
    m_publishTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SessionSync::discover);
    connect(&m_recheckTimer, &QTimer::timeout, this, [this] {
        if (!m_model)
            return;
        const QDateTime next = m_model->nextRecheck();
        if (next.isValid() && QDateTime::currentDateTimeUtc() < next) {
            scheduleRecheck(); // an early wake-up (the timer is capped): not yet
            return;
        }
        m_model->tick(QDateTime::currentDateTimeUtc());
        scheduleRecheck();
        schedulePublish();
    });
    connect(&m_publishTimer, &QTimer::timeout, this, &SessionSync::publish);
    m_clock.start();
    m_connection.since = QDateTime::currentDateTimeUtc();
}

SessionSync::~SessionSync()
{
    // The informers' reflectors use the session's RestClient: stop them while it exists.
    m_informers.reset();
}

void SessionSync::start()
{
    if (m_running)
        return;
    m_running = true;
    if (m_informers) {
        m_informers->start();
        onInformerStatus();
        return;
    }
    discover();
    fetchServerVersion();
}

void SessionSync::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_recheckTimer.stop();
    if (m_informers)
        m_informers->stop();
}

void SessionSync::refresh()
{
    if (!m_running)
        return;
    fetchServerVersion();
    if (!m_informers) {
        m_retryTimer.stop();
        m_retryDelayMs = 1000;
        discover();
        return;
    }
    m_informers->stop();
    m_informers->start();
    m_everything = true;
    onInformerStatus();
}

const fd::kube::ApiResource *SessionSync::resource(const GroupResource &gr) const
{
    const auto it = m_resources.constFind(gr);
    return it == m_resources.cend() ? nullptr : &*it;
}

void SessionSync::discover()
{
    if (!m_running || m_informers)
        return;
    m_session->discovery()->refresh(this, [this](const Expected<void, fd::kube::KubeError> &done) {
        if (!m_running)
            return;
        if (!done) {
            retryLater(done.error());
            return;
        }
        onDiscovered();
    });
}

void SessionSync::fetchServerVersion()
{
    m_session->rest()->send(fd::kube::KubeRequest::get(u"/version"_s), this, [this](const fd::kube::KubeResult &result) {
        if (!result)
            return; // not essential: discovery reports the connection problem
        const QString version = QJsonDocument::fromJson(result->body).object().value("gitVersion"_L1).toString();
        if (version != m_serverVersion) {
            m_serverVersion = version;
            schedulePublish();
        }
    });
}

// Errors that waiting does not cure: the user has to change something first (the kubeconfig,
// a CA, a DNS entry, a login), then refresh. Retrying them would only hide the cause behind
// "retrying in N s" forever.
QString SessionSync::unfixableByRetry(const fd::kube::KubeError &error) const
{
    switch (error.kind) {
    case fd::kube::ErrorKind::Config:
        return translate("fd::engine", "The kubeconfig entry cannot be used: %1. Fix the kubeconfig, then refresh (F5).")
            .arg(error.message);
    case fd::kube::ErrorKind::Tls:
        return translate("fd::engine",
                         "The cluster's TLS certificate was rejected: %1. Check the cluster's certificate-authority in the "
                         "kubeconfig (or the server address), then refresh (F5).")
            .arg(error.message);
    case fd::kube::ErrorKind::Unauthorized: {
        // A token file or an exec plugin can hand out new credentials: then a 401 may pass.
        const fd::kube::CredentialProvider *credentials = m_session->credentials();
        if (credentials && credentials->canRefresh())
            return {};
        return translate("fd::engine",
                         "The cluster rejected the credentials: %1. Log in again or update the kubeconfig user, then "
                         "refresh (F5).")
            .arg(error.message);
    }
    case fd::kube::ErrorKind::Transport:
        if (error.reason == "HostNotFound"_L1 /* set by kube/transport/NetworkErrors.cpp */)
            return translate("fd::engine",
                             "The server's name is unknown: %1. Check the server address in the kubeconfig, your DNS or "
                             "VPN, then refresh (F5).")
                .arg(error.message);
        return {};
    default:
        return {};
    }
}

void SessionSync::retryLater(const fd::kube::KubeError &error)
{
    ConnectionStatus status = m_connection;
    const QString unfixable = unfixableByRetry(error);
    if (!unfixable.isEmpty()) {
        status.state = ConnectionState::Failed;
        status.message = unfixable;
        m_retryTimer.stop();
    } else {
        // A failed attempt is no longer "connecting": the state says we lost (or never had) the
        // cluster, the message the last error and when the next attempt comes.
        status.state = ConnectionState::Reconnecting;
        status.message = translate("fd::engine", "Cannot reach the cluster: %1. Retrying in %2 s.")
                             .arg(error.message)
                             .arg(m_retryDelayMs / 1000);
        m_retryTimer.start(m_retryDelayMs);
        m_retryDelayMs = std::min(m_retryDelayMs * 2, MaxRetryDelayMs);
    }
    if (status.state != m_connection.state)
        status.since = QDateTime::currentDateTimeUtc();
    m_connection = status;
    schedulePublish();
}

void SessionSync::onDiscovered()
{
    m_retryDelayMs = 1000;
    fd::kube::InformerSet::Options options;
    options.scope.contextNamespace = m_options.contextNamespace;
    options.scope.namespaces = m_options.configuredNamespaces;
    options.batchIntervalMs = m_options.batchIntervalMs;
    fd::kube::RestClient *rest = m_session->rest();
    m_informers = std::make_unique<fd::kube::InformerSet>(
        [rest](const fd::kube::ResourceKind &kind, const QString &ns) {
            fd::kube::ListWatchSelectors selectors;
            if (isHelmStorage(kind))
                selectors.labelSelector = u"owner=helm"_s;
            return std::make_unique<fd::kube::RestListWatchSource>(rest, kind, ns, selectors);
        },
        options);

    const fd::kube::DiscoveryCache *discovery = m_session->discovery();
    for (const KindInfo &info : fd::fission::kinds::all()) {
        auto entry = std::make_unique<KindEntry>();
        entry->info = info;
        entry->store = std::make_unique<fd::kube::ObjectStore>();
        // The version the domain reads when served, else the server's preferred one.
        std::optional<fd::kube::ApiResource> found = discovery->findResource(info.gr.group, info.gr.resource, info.version);
        if (!found)
            found = discovery->findResource(info.gr.group, info.gr.resource);
        if (found && found->supports(u"list"_s) && found->supports(u"watch"_s)) {
            entry->served = true;
            entry->kind = fd::kube::ResourceKind::grouped(found->group, found->version, found->resource, found->kind,
                                                          found->namespaced);
            m_resources.insert(info.gr, *found);
            m_byId.insert(entry->kind.id(), entry.get());
            m_informers->addKind(entry->kind);
        } else {
            entry->coverage.state = KindCoverage::State::NotServed;
        }
        m_state.setStore(info.gr, entry->store.get(), entry->coverage);
        m_kinds.push_back(std::move(entry));
    }

    connect(m_informers->batcher(), &fd::kube::DeltaBatcher::batchReady, this, &SessionSync::onBatch);
    connect(m_informers.get(), &fd::kube::InformerSet::statusChanged, this, &SessionSync::onInformerStatus);
    connect(m_informers.get(), &fd::kube::InformerSet::scopeChanged, this, &SessionSync::onInformerStatus);

    m_model = std::make_unique<fd::fission::FissionModel>(m_state);
    m_model->setHelmReader(&m_helm);
    m_model->refresh(QDateTime::currentDateTimeUtc());
    m_everything = true;
    if (m_running)
        m_informers->start();
    onInformerStatus();
}

void SessionSync::onBatch(const fd::kube::DeltaBatch &batch)
{
    ChangeSet changes;
    for (const fd::kube::DeltaGroup &group : batch.groups) {
        KindEntry *entry = m_byId.value(group.source.section(u'/', 0, 0));
        if (!entry)
            continue;
        for (const fd::kube::Delta &delta : group.deltas) {
            fd::kube::WatchEvent event;
            event.type = eventType(delta.type);
            event.object = delta.object;
            entry->store->apply(event);
        }
        changes.add(entry->info.gr, group.deltas);
    }
    applyChanges(changes);
    schedulePublish();
}

void SessionSync::onInformerStatus()
{
    if (!m_informers)
        return;
    // Deltas of a list that just completed may still wait in the batcher: apply them before
    // the kind counts as complete, or the model would briefly conclude "there are none".
    m_informers->batcher()->flush();
    ChangeSet changes;
    updateCoverage(changes);
    applyChanges(changes);
    updateConnection();
    schedulePublish();
}

KindCoverage SessionSync::coverageOf(const KindEntry &entry) const
{
    KindCoverage coverage;
    if (!entry.served) {
        coverage.state = KindCoverage::State::NotServed;
        return coverage;
    }
    const fd::kube::InformerScope scope = m_informers->scope(entry.kind);
    const QList<const fd::kube::Reflector *> reflectors = m_informers->reflectors(entry.kind);
    auto reasonOf = [](const fd::kube::Reflector *r) {
        return r->status().lastError ? r->status().lastError->message : QString();
    };
    if (scope.mode == fd::kube::InformerScope::Mode::Pending) {
        coverage.reason = scope.clusterWideError ? scope.clusterWideError->message : QString();
        return coverage;
    }
    if (scope.mode == fd::kube::InformerScope::Mode::ClusterWide) {
        if (reflectors.size() != 1)
            return coverage;
        const fd::kube::ReflectorStatus &status = reflectors.first()->status();
        if (status.synced)
            coverage.state = KindCoverage::State::Complete;
        else if (status.phase == fd::kube::ReflectorPhase::Forbidden)
            coverage.state = KindCoverage::State::Forbidden;
        coverage.reason = reasonOf(reflectors.first());
        return coverage;
    }
    // Per namespace: reflectors() come ordered by namespace name.
    QStringList namespaces = scope.namespaces;
    namespaces.sort();
    if (namespaces.size() != reflectors.size())
        return coverage;
    bool anySynced = false;
    for (qsizetype i = 0; i < reflectors.size(); ++i) {
        if (reflectors.at(i)->status().synced) {
            coverage.namespaces.insert(namespaces.at(i));
            anySynced = true;
        }
    }
    coverage.reason = scope.clusterWideError ? scope.clusterWideError->message : QString();
    coverage.state = anySynced || reflectors.isEmpty() ? KindCoverage::State::Partial : KindCoverage::State::Unknown;
    if (!anySynced && !reflectors.isEmpty()
        && std::all_of(reflectors.cbegin(), reflectors.cend(),
                       [](const fd::kube::Reflector *r) { return r->status().phase == fd::kube::ReflectorPhase::Forbidden; }))
        coverage.state = KindCoverage::State::Forbidden;
    return coverage;
}

void SessionSync::updateCoverage(ChangeSet &changes)
{
    for (const auto &entry : m_kinds) {
        const KindCoverage coverage = coverageOf(*entry);
        if (coverage.state == entry->coverage.state && coverage.namespaces == entry->coverage.namespaces) {
            if (coverage.reason != entry->coverage.reason) {
                entry->coverage.reason = coverage.reason;
                m_state.setCoverage(entry->info.gr, coverage);
            }
            continue;
        }
        entry->coverage = coverage;
        m_state.setCoverage(entry->info.gr, coverage);
        changes.addKind(entry->info.gr);
    }
}

void SessionSync::applyChanges(const ChangeSet &changes)
{
    if (changes.isEmpty() || !m_model)
        return;
    m_model->apply(changes, QDateTime::currentDateTimeUtc());
    for (const GroupResource &gr : changes.kinds()) {
        if (gr.group != fd::fission::FissionGroup)
            continue;
        if (changes.wholeKind(gr))
            m_everything = true;
        m_changedNamespaces.unite(changes.namespaces(gr));
    }
    scheduleRecheck();
}

void SessionSync::scheduleRecheck()
{
    if (!m_model)
        return;
    const QDateTime next = m_model->nextRecheck();
    if (!next.isValid()) {
        m_recheckTimer.stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(next), 0, MaxTimerMs);
    m_recheckTimer.start(static_cast<int>(wait));
}

bool SessionSync::allReadableLive() const
{
    // InformerSet::isLive() waits for every reflector, but a cluster-scoped kind that RBAC refuses
    // (Namespaces for a namespace-bound developer) can never be listed: the session is Live when
    // everything it may read is synced and watching; the coverage tells what it may not.
    if (!m_running || !m_informers)
        return false;
    for (const auto &entry : m_kinds) {
        if (!entry->served)
            continue;
        if (m_informers->scope(entry->kind).mode == fd::kube::InformerScope::Mode::Pending)
            return false;
        const QList<const fd::kube::Reflector *> reflectors = m_informers->reflectors(entry->kind);
        if (reflectors.isEmpty())
            return false;
        for (const fd::kube::Reflector *r : reflectors) {
            if (!r->status().isLive() && r->status().phase != fd::kube::ReflectorPhase::Forbidden)
                return false;
        }
    }
    return true;
}

// The scope is per kind, but the reason is the user's RBAC: one sentence for the cluster, from the
// narrowest mode any kind is in.
QString SessionSync::scopeNote() const
{
    if (!m_informers)
        return {};
    bool listed = false;
    for (const auto &entry : m_kinds) {
        if (!entry->served)
            continue;
        const fd::kube::InformerScope scope = m_informers->scope(entry->kind);
        if (scope.mode == fd::kube::InformerScope::Mode::ConfiguredNamespaces) {
            const QString reason = scope.namespaceListError ? scope.namespaceListError->message
                                                            : translate("fd::engine", "forbidden");
            const QStringList configured = m_options.configuredNamespaces;
            if (configured.isEmpty())
                return translate("fd::engine",
                                 "Cannot list namespaces (%1): watching only the context's namespace %2. Add the "
                                 "namespaces you work in under Cluster settings.")
                    .arg(reason, m_options.contextNamespace);
            return translate("fd::engine",
                             "Cannot list namespaces (%1): watching the context's namespace %2 and the %n "
                             "namespace(s) set for this context: %3.",
                             nullptr, int(configured.size()))
                .arg(reason, m_options.contextNamespace, configured.join(u", "_s));
        }
        listed = listed || scope.mode == fd::kube::InformerScope::Mode::ListedNamespaces;
    }
    if (listed)
        return translate("fd::engine", "Some kinds cannot be listed in all namespaces: they are watched in each namespace you can see.");
    return {};
}

QString SessionSync::reflectorProblem() const
{
    if (!m_informers)
        return {};
    for (const auto &entry : m_kinds) {
        if (!entry->served)
            continue;
        for (const fd::kube::Reflector *r : m_informers->reflectors(entry->kind)) {
            const fd::kube::ReflectorStatus &status = r->status();
            if (status.isLive() || status.phase == fd::kube::ReflectorPhase::Forbidden)
                continue;
            if (status.lastError) {
                return translate("fd::engine", "%1: %2 (%3)")
                    .arg(r->describe(), fd::kube::staleReasonText(status.staleReason), status.lastError->message);
            }
        }
    }
    return {};
}

void SessionSync::updateConnection()
{
    if (!m_informers)
        return;
    ConnectionStatus status = m_connection;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (allReadableLive()) {
        status.state = ConnectionState::Live;
        status.message.clear();
        status.dataAsOf = now;
        m_everLive = true;
    } else if (!m_running) {
        status.state = m_everLive ? ConnectionState::Reconnecting : ConnectionState::Syncing;
        status.message = translate("fd::engine", "Stopped.");
    } else if (m_everLive) {
        status.state = ConnectionState::Reconnecting;
        const QString problem = reflectorProblem();
        status.message = problem.isEmpty() ? translate("fd::engine", "Catching up with the cluster.") : problem;
    } else {
        status.state = ConnectionState::Syncing;
        status.message = reflectorProblem();
    }
    if (status.state != m_connection.state)
        status.since = now;
    m_connection = status;
}

void SessionSync::schedulePublish()
{
    if (m_publishTimer.isActive())
        return;
    const qint64 now = m_clock.elapsed();
    const qint64 wait = m_lastPublishMs < 0 ? 0 : std::max<qint64>(0, m_lastPublishMs + m_options.publishIntervalMs - now);
    m_publishTimer.start(static_cast<int>(wait));
}

void SessionSync::publish()
{
    m_lastPublishMs = m_clock.elapsed();
    updateConnection();
    if (m_connection.state == ConnectionState::Live)
        m_connection.dataAsOf = QDateTime::currentDateTimeUtc();

    auto snapshot = makeClusterSnapshot();
    snapshot->contextName = m_options.contextName;
    snapshot->generation = m_published ? m_published->generation + 1 : 1;
    snapshot->connection = m_connection;
    snapshot->serverVersion = m_serverVersion;
    snapshot->securityWarning = m_session->securityWarning();
    if (m_model) {
        snapshot->install = m_model->install();
        snapshot->tenants = m_model->tenants();
        snapshot->index = m_model->index();
        snapshot->findings = m_model->findings();
        fd::fission::sortFindings(snapshot->findings);
    }
    for (const auto &entry : m_kinds)
        snapshot->coverage.insert(entry->info.gr, entry->coverage);
    snapshot->scopeNote = scopeNote();

    SnapshotChange change;
    change.everything = m_everything || !m_published;
    change.connectionChanged = !m_published || m_published->connection.state != snapshot->connection.state
        || m_published->connection.message != snapshot->connection.message;
    change.installChanged = !m_published || !(m_published->install == snapshot->install);
    change.tenants = diffTenants(m_published ? &m_published->tenants : nullptr, snapshot->tenants);
    change.changedNamespaces = m_changedNamespaces;
    change.findings = fd::fission::diffFindings(m_published ? m_published->findings : QList<fd::fission::Finding>{},
                                                snapshot->findings);
    m_changedNamespaces.clear();
    m_everything = false;
    m_published = snapshot;
    Q_EMIT snapshotReady(snapshot, change);
}

} // namespace fd::engine

#include "moc_SessionSync.cpp"
