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

Engine::Engine(QObject *parent) : QObject(parent)
{
    setContextSettingsStore(&m_ownSettings);
}

void Engine::setContextSettingsStore(ContextSettingsStore *store)
{
    if (m_settings)
        disconnect(m_settings, nullptr, this, nullptr);
    m_settings = store ? store : &m_ownSettings;
    connect(m_settings, &ContextSettingsStore::settingsChanged, this, &Engine::applyContextSettings);
}

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
    m_loadOptions = options;
    fd::kube::LoadOptions withSettings = options;
    const QHash<QString, QString> overrides = m_settings->execCommandOverrides();
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (!withSettings.execCommandOverrides.contains(it.key())) // the caller's own overrides win
            withSettings.execCommandOverrides.insert(it.key(), it.value());
    }
    m_kubeconfig = fd::kube::KubeconfigLoader::load(withSettings);
    for (const fd::kube::ContextEntry &context : m_kubeconfig.contexts) {
        ClusterSession::Options sessionOptions;
        sessionOptions.configuredNamespaces = m_settings->settings(context.name).namespaces;
        const QString name = context.name;
        add(std::make_unique<ClusterSession>(context, sessionOptions), false,
            [this, name](const ContextSettings &settings) { return makeKubeconfigSession(name, settings); });
    }
    return m_kubeconfig;
}

std::unique_ptr<ClusterSession> Engine::makeKubeconfigSession(const QString &contextName, const ContextSettings &settings)
{
    // Resolve the context again, with its new exec plugin override; the other contexts' sessions
    // keep running with what they were made from.
    fd::kube::LoadOptions options = m_loadOptions;
    if (!options.execCommandOverrides.contains(contextName) && !settings.execCommandOverride.isEmpty())
        options.execCommandOverrides.insert(contextName, settings.execCommandOverride);
    fd::kube::KubeconfigSet fresh = fd::kube::KubeconfigLoader::load(options);
    const fd::kube::ContextEntry *entry = fresh.context(contextName);
    if (!entry)
        return ClusterSession::failed(contextName, translate("fd::engine", "The context \"%1\" is no longer in the kubeconfig.").arg(contextName));
    for (fd::kube::ContextEntry &known : m_kubeconfig.contexts) {
        if (known.name == contextName)
            known = *entry;
    }
    ClusterSession::Options sessionOptions;
    sessionOptions.configuredNamespaces = settings.namespaces;
    return std::make_unique<ClusterSession>(*entry, sessionOptions);
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
        m_demoHosts.push_back(std::move(host));
        auto make = [profile, settings, user](const ContextSettings &contextSettings) {
            auto kube = std::make_unique<fd::kube::KubeSession>(profile, settings, user);
            ClusterSession::Options sessionOptions;
            sessionOptions.configuredNamespaces = contextSettings.namespaces;
            return std::make_unique<ClusterSession>(profile, std::move(kube), u"default"_s, sessionOptions);
        };
        add(make(m_settings->settings(profile)), true, make);
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

ClusterSession *Engine::add(std::unique_ptr<ClusterSession> session, bool demo, SessionFactory make)
{
    // One session per context name: a later one (a reload) replaces the earlier.
    removeSession(session->contextName());
    ClusterSession *raw = session.get();
    m_sessions.push_back(Entry{std::move(session), demo, std::move(make), m_settings->settings(raw->contextName()), false});
    Q_EMIT sessionAdded(raw);
    startUnlessHidden(m_sessions.back());
    return raw;
}

void Engine::startUnlessHidden(Entry &entry)
{
    if (!m_autoStart || entry.started || entry.applied.hidden)
        return;
    entry.started = true;
    entry.session->start();
}

const Engine::Entry *Engine::find(const QString &contextName) const
{
    const auto it = std::find_if(m_sessions.cbegin(), m_sessions.cend(),
                                 [&](const Entry &e) { return e.session->contextName() == contextName; });
    return it == m_sessions.cend() ? nullptr : &*it;
}

Engine::Entry *Engine::find(const QString &contextName)
{
    return const_cast<Entry *>(std::as_const(*this).find(contextName));
}

void Engine::applyContextSettings(const QString &contextName)
{
    Entry *entry = find(contextName);
    if (!entry)
        return;
    const ContextSettings settings = m_settings->settings(contextName);
    const bool remake = entry->make
        && (settings.execCommandOverride != entry->applied.execCommandOverride || settings.namespaces != entry->applied.namespaces);
    if (remake) {
        // The GUI drops the old session's handle on sessionRemoved and wraps the new one on
        // sessionAdded (the old one is gone from the list before either signal).
        const bool demo = entry->demo;
        SessionFactory make = std::move(entry->make);
        std::unique_ptr<ClusterSession> fresh = make(settings);
        std::unique_ptr<ClusterSession> old = std::move(entry->session);
        m_sessions.erase(m_sessions.begin() + (entry - m_sessions.data()));
        Q_EMIT sessionRemoved(old.get());
        old.reset();
        ClusterSession *raw = fresh.get();
        m_sessions.push_back(Entry{std::move(fresh), demo, std::move(make), settings, false});
        Q_EMIT sessionAdded(raw);
        if (Entry *added = find(contextName))
            startUnlessHidden(*added);
        return;
    }
    entry->applied = settings;
    if (settings.hidden && entry->started) {
        entry->started = false;
        entry->session->stop();
    } else {
        startUnlessHidden(*entry);
    }
}

bool Engine::isSessionActive(const QString &contextName) const
{
    const Entry *entry = find(contextName);
    return entry && entry->started;
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

#include "moc_Engine.cpp"
