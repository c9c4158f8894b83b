#include "engine/Engine.h"

#include "engine/EngineTr.h"
#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/KubeSession.h"
#include "sim/cluster/SimHost.h"
#include "sim/cluster/SimProfiles.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine {

using detail::translate;

Engine::Engine(QObject *parent) : QObject(parent) {}

Engine::~Engine()
{
    // Sessions first: they talk to the demo clusters.
    while (!m_sessions.empty()) {
        Entry entry = std::move(m_sessions.back());
        m_sessions.pop_back();
        Q_EMIT sessionRemoved(entry.session.get());
    }
    m_demoHosts.clear();
}

const fd::kube::KubeconfigSet &Engine::loadKubeconfig(const fd::kube::LoadOptions &options)
{
    for (qsizetype i = qsizetype(m_sessions.size()) - 1; i >= 0; --i) {
        if (!m_sessions[size_t(i)].demo)
            removeSession(m_sessions[size_t(i)].session->contextName());
    }
    m_kubeconfig = fd::kube::KubeconfigLoader::load(options);
    for (const fd::kube::ContextEntry &context : m_kubeconfig.contexts)
        add(std::make_unique<ClusterSession>(context), false);
    return m_kubeconfig;
}

Expected<void, QString> Engine::startDemo(const QStringList &profiles)
{
    for (const QString &profile : profiles) {
        if (!fd::sim::isKnownProfile(profile))
            return Unexpected(translate("fd::engine", "Unknown demo profile \"%1\".").arg(profile));
        if (session(profile))
            continue;
        fd::sim::SimClusterOptions options;
        options.name = profile;
        auto host = std::make_unique<fd::sim::SimHost>(options);
        const auto started = host->start([profile](fd::sim::SimCluster &cluster) { return fd::sim::applyProfile(profile, cluster); });
        if (!started)
            return Unexpected(translate("fd::engine", "The demo cluster \"%1\" did not start: %2").arg(profile, started.error()));
        fd::kube::ConnectionSettings settings;
        settings.setServer(host->url());
        // Cleartext: the emulator treats requests without credentials as the administrator.
        fd::kube::ResolvedUser user;
        user.name = u"admin"_s;
        auto kube = std::make_unique<fd::kube::KubeSession>(profile, settings, user);
        m_demoHosts.push_back(std::move(host));
        add(std::make_unique<ClusterSession>(profile, std::move(kube)), true);
    }
    return {};
}

QList<ClusterSession *> Engine::sessions() const
{
    QList<ClusterSession *> list;
    for (const Entry &entry : m_sessions)
        list.append(entry.session.get());
    return list;
}

ClusterSession *Engine::session(const QString &contextName) const
{
    for (const Entry &entry : m_sessions) {
        if (entry.session->contextName() == contextName)
            return entry.session.get();
    }
    return nullptr;
}

ClusterSession *Engine::addSession(std::unique_ptr<ClusterSession> session)
{
    return add(std::move(session), false);
}

ClusterSession *Engine::add(std::unique_ptr<ClusterSession> session, bool demo)
{
    // One session per context name: a later one (a reload) replaces the earlier.
    removeSession(session->contextName());
    ClusterSession *raw = session.get();
    m_sessions.push_back(Entry{std::move(session), demo});
    Q_EMIT sessionAdded(raw);
    if (m_autoStart)
        raw->start();
    return raw;
}

void Engine::removeSession(const QString &contextName)
{
    const auto it = std::find_if(m_sessions.begin(), m_sessions.end(),
                                 [&](const Entry &e) { return e.session->contextName() == contextName; });
    if (it == m_sessions.end())
        return;
    Entry entry = std::move(*it);
    m_sessions.erase(it);
    Q_EMIT sessionRemoved(entry.session.get());
}

} // namespace fd::engine
