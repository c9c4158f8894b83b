#pragma once

#include "common/Expected.h"
#include "engine/ClusterSession.h"
#include "engine/ContextSettings.h"
#include "kube/config/Kubeconfig.h"
#include "kube/config/KubeconfigLoader.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace fd::sim {
class SimHost;
}

namespace fd::engine {

// Every cluster the user works with: one ClusterSession per kubeconfig context (a broken entry
// becomes a Failed session carrying the loader's message, the others work), plus the built-in
// demo clusters. Lives on the GUI thread.
class Engine : public QObject
{
    Q_OBJECT

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    // Sessions start as soon as they are added (default), or when the caller starts them.
    // A hidden context (ContextSettings::hidden) is never started: it does not connect.
    void setAutoStart(bool autoStart) { m_autoStart = autoStart; }

    // The per-context settings (exec plugin override, namespaces, hidden). Default: the
    // application's QSettings. Set another (not owned) before loading; its settingsChanged
    // applies at once (applyContextSettings()).
    void setContextSettingsStore(ContextSettingsStore *store);
    ContextSettingsStore *contextSettings() const { return m_settings; }
    // Applies the stored settings of a context to its session: hidden → stopped (it does not
    // connect), shown again → started; a changed exec plugin override or namespace list makes the
    // session again (sessionRemoved, then sessionAdded) so it reconnects with them. Call it after
    // writing the settings elsewhere (the View → Clusters menu writes "hidden" itself).
    void applyContextSettings(const QString &contextName);
    // The engine started this session and it is not hidden (connecting or connected).
    bool isSessionActive(const QString &contextName) const;

    // Loads the kubeconfig (options.explicitFile, else KUBECONFIG, else ~/.kube/config) and adds
    // a session per context, replacing the sessions of an earlier load (demo sessions stay).
    // Does file I/O and may run the login shell once to find exec plugins: the GUI calls it at
    // start-up or from a "reload" action. Returns the set, for its file-level problems.
    const fd::kube::KubeconfigSet &loadKubeconfig(const fd::kube::LoadOptions &options = {});
    const fd::kube::KubeconfigSet &kubeconfig() const { return m_kubeconfig; }

    // Starts the in-process emulator with `profiles` (each on its own thread) and adds their
    // contexts, named after the profiles. Blocks while the profiles are applied (about a second).
    Expected<void, QString> startDemo(const QStringList &profiles = {QStringLiteral("demo"), QStringLiteral("demo-modern")});
    bool isDemoRunning() const { return !m_demoHosts.empty(); }

    QList<ClusterSession *> sessions() const;
    ClusterSession *session(const QString &contextName) const;
    // Adds a session made elsewhere (tests); the engine owns it.
    ClusterSession *addSession(std::unique_ptr<ClusterSession> session);
    void removeSession(const QString &contextName);

Q_SIGNALS:
    void sessionAdded(fd::engine::ClusterSession *session);
    // Emitted before the session is destroyed.
    void sessionRemoved(fd::engine::ClusterSession *session);

private:
    using SessionFactory = std::function<std::unique_ptr<ClusterSession>(const ContextSettings &)>;
    struct Entry {
        std::unique_ptr<ClusterSession> session;
        bool demo = false;
        SessionFactory make;      // makes the session again with new settings; null: cannot (tests)
        ContextSettings applied;  // what the session was made and started with
        bool started = false;
    };
    ClusterSession *add(std::unique_ptr<ClusterSession> session, bool demo, SessionFactory make = {});
    std::unique_ptr<ClusterSession> makeKubeconfigSession(const QString &contextName, const ContextSettings &settings);
    Entry *find(const QString &contextName);
    const Entry *find(const QString &contextName) const;
    void startUnlessHidden(Entry &entry);

    bool m_autoStart = true;
    ContextSettingsStore m_ownSettings;
    ContextSettingsStore *m_settings = nullptr;
    fd::kube::LoadOptions m_loadOptions; // of the last loadKubeconfig(), to resolve a context again
    fd::kube::KubeconfigSet m_kubeconfig;
    std::vector<Entry> m_sessions;
    std::vector<std::unique_ptr<fd::sim::SimHost>> m_demoHosts;
};

} // namespace fd::engine
