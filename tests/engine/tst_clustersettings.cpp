// The Engine applies the per-context settings (issue 4, issue 7), against the in-process emulator:
//  - a user whose RBAC can list neither cluster-wide nor namespaces sees the namespaces set for
//    the context (changing them reconnects the session) and the snapshot says why;
//  - an exec plugin that is not found works once its path is set for the context;
//  - a hidden context does not connect; shown again it does, hidden again it stops.
#include "EngineTestUtil.h"
#include "TestSupport.h"

#include "engine/ContextSettings.h"
#include "engine/Engine.h"
#include "fission/Kinds.h"
#include "kube/config/ExecCommandResolver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine;

namespace {

constexpr int LongWait = 120'000;

bool writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions = {})
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(content);
    file.close();
    return permissions == QFile::Permissions{} || file.setPermissions(permissions);
}

// Lets `user` read everything (Fission's kinds too) in `ns` only.
bool grantView(fd::test::SimTestCluster &sim, const QString &ns, const QString &user)
{
    const QJsonObject role{
        {u"apiVersion"_s, u"rbac.authorization.k8s.io/v1"_s},
        {u"kind"_s, u"Role"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, u"read-all"_s}, {u"namespace"_s, ns}}},
        {u"rules"_s, QJsonArray{QJsonObject{{u"apiGroups"_s, QJsonArray{u"*"_s}},
                                            {u"resources"_s, QJsonArray{u"*"_s}},
                                            {u"verbs"_s, QJsonArray{u"get"_s, u"list"_s, u"watch"_s}}}}},
    };
    if (sim.post(u"/apis/rbac.authorization.k8s.io/v1/namespaces/%1/roles"_s.arg(ns), role).status != 201)
        return false;
    const QJsonObject binding{
        {u"apiVersion"_s, u"rbac.authorization.k8s.io/v1"_s},
        {u"kind"_s, u"RoleBinding"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, u"view-"_s + user}, {u"namespace"_s, ns}}},
        {u"roleRef"_s, QJsonObject{{u"apiGroup"_s, u"rbac.authorization.k8s.io"_s}, {u"kind"_s, u"Role"_s}, {u"name"_s, u"read-all"_s}}},
        {u"subjects"_s, QJsonArray{QJsonObject{{u"apiGroup"_s, u"rbac.authorization.k8s.io"_s}, {u"kind"_s, u"User"_s}, {u"name"_s, user}}}},
    };
    return sim.post(u"/apis/rbac.authorization.k8s.io/v1/namespaces/%1/rolebindings"_s.arg(ns), binding).status == 201;
}

bool isLive(const ClusterSession *session)
{
    return session && session->snapshot()->connection.state == ConnectionState::Live;
}

QSet<QString> functionNamespaces(const ClusterSession *session)
{
    QSet<QString> namespaces;
    for (const auto &f : session->snapshot()->index.functions().items())
        namespaces.insert(f.namespaceName());
    return namespaces;
}

// A resolver that finds nothing by itself (no PATH, no login shell, no usual locations): only
// the per-context override can make a plugin found.
std::shared_ptr<const fd::kube::ExecCommandResolver> isolatedResolver(const QString &home)
{
    fd::kube::CommandSearchPaths paths;
    paths.homeDir = home;
    paths.loginShellPath = [] { return QStringList(); };
    paths.usualLocations = {home + u"/nothing-here"_s};
    return std::make_shared<const fd::kube::ExecCommandResolver>(paths);
}

} // namespace

class TestClusterSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namespacesSetForTheContextAreWatched()
    {
        fd::test::ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        const QString developer = cluster.userEndingWith(u"developer"_s);
        if (developer.isEmpty())
            FD_SKIP_LOUDLY(u"the emulator has no developer token user"_s);
        QVERIFY(grantView(cluster.sim(), u"team-a"_s, developer));

        QTemporaryDir dir;
        const QString config = dir.filePath(u"config"_s);
        QVERIFY(writeFile(config, QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: %1\n"
                                                 "contexts:\n- name: dev\n  context:\n    cluster: sim\n    user: dev\n    namespace: default\n"
                                                 "users:\n- name: dev\n  user:\n    token: %2\ncurrent-context: dev\n")
                                      .arg(cluster.sim().url(), cluster.sim().token(developer))
                                      .toUtf8()));
        ContextSettingsStore store(dir.filePath(u"settings.ini"_s));
        Engine engine;
        engine.setContextSettingsStore(&store);
        fd::kube::LoadOptions options;
        options.explicitFile = config;
        engine.loadKubeconfig(options);

        // Without settings: the context's namespace only, and the snapshot says why.
        ClusterSession *first = engine.session(u"dev"_s);
        QVERIFY(first);
        QTRY_VERIFY2_WITH_TIMEOUT(isLive(first), qPrintable(first->snapshot()->connection.message), LongWait);
        const auto pods = fd::fission::kinds::pods().gr;
        const auto functions = fd::fission::kinds::functions().gr;
        QCOMPARE(first->snapshot()->coverage.value(pods).namespaces, QSet<QString>{u"default"_s});
        QVERIFY(!first->snapshot()->coverage.value(functions).namespaces.contains(u"team-a"_s));
        QVERIFY(!functionNamespaces(first).contains(u"team-a"_s));
        QVERIFY2(first->snapshot()->scopeNote.contains(u"Cannot list namespaces"_s), qPrintable(first->snapshot()->scopeNote));

        // Setting the namespaces reconnects the session, and team-a's functions appear.
        QSignalSpy removed(&engine, &Engine::sessionRemoved);
        QSignalSpy added(&engine, &Engine::sessionAdded);
        const auto saved = store.setSettings(u"dev"_s, ContextSettings{{}, {u"team-a"_s}, false});
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error()));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(added.size(), 1);
        ClusterSession *second = engine.session(u"dev"_s);
        QVERIFY(second);
        QVERIFY(engine.isSessionActive(u"dev"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(isLive(second) && second->snapshot()->coverage.value(pods).namespaces.contains(u"team-a"_s)
                                      && second->snapshot()->coverage.value(functions).namespaces.contains(u"team-a"_s),
                                  qPrintable(second->snapshot()->connection.message), LongWait);
        QTRY_VERIFY_WITH_TIMEOUT(functionNamespaces(second).contains(u"team-a"_s), LongWait);
        const QString note = second->snapshot()->scopeNote;
        QVERIFY2(note.contains(u"team-a"_s) && note.contains(u"set for this context"_s), qPrintable(note));
        QCOMPARE(engine.sessions().size(), 1);
    }

    void execPluginFoundThroughTheOverride()
    {
        fd::test::ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        QTemporaryDir dir;
        const QString config = dir.filePath(u"config"_s);
        QVERIFY(writeFile(config, QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: %1\n"
                                                 "contexts:\n- name: sso\n  context:\n    cluster: sim\n    user: sso\n"
                                                 "users:\n- name: sso\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                                                 "      command: fd-test-login\n      interactiveMode: Never\n"
                                                 "      installHint: install fd-test-login\n")
                                      .arg(cluster.sim().url())
                                      .toUtf8()));
        ContextSettingsStore store(dir.filePath(u"settings.ini"_s));
        Engine engine;
        engine.setContextSettingsStore(&store);
        fd::kube::LoadOptions options;
        options.explicitFile = config;
        options.commandResolver = isolatedResolver(dir.path());
        engine.loadKubeconfig(options);
        ClusterSession *notFound = engine.session(u"sso"_s);
        QVERIFY(notFound);
        QCOMPARE(notFound->snapshot()->connection.state, ConnectionState::Failed);
        QVERIFY2(notFound->snapshot()->connection.message.contains(u"fd-test-login"_s),
                 qPrintable(notFound->snapshot()->connection.message));

        // The plugin lives where nothing looks; its path set for the context makes it work.
        const QString pluginDir = dir.filePath(u"tools"_s);
        QVERIFY(QDir().mkpath(pluginDir));
        const QByteArray credential = "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                                      "\"status\":{\"token\":\""
            + cluster.sim().token().toUtf8() + "\"}}";
        QVERIFY(writeFile(pluginDir + u"/fd-test-login"_s, "#!/bin/sh\ncat <<'EOF'\n" + credential + "\nEOF\n",
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const auto saved = store.setSettings(u"sso"_s, ContextSettings{pluginDir + u"/fd-test-login"_s, {}, false});
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error()));
        ClusterSession *found = engine.session(u"sso"_s);
        QVERIFY(found);
        QVERIFY(!found->isFailed());
        QTRY_VERIFY2_WITH_TIMEOUT(isLive(found), qPrintable(found->snapshot()->connection.message), LongWait);
        QVERIFY(!found->snapshot()->tenants.tenants().isEmpty());
        QCOMPARE(engine.kubeconfig().context(u"sso"_s)->user->exec->commandOverride, pluginDir + u"/fd-test-login"_s);
    }

    void hiddenContextsDoNotConnect()
    {
        fd::test::ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        QTemporaryDir dir;
        const QString config = dir.filePath(u"config"_s);
        QVERIFY(writeFile(config, QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: %1\n"
                                                 "contexts:\n- name: shown\n  context:\n    cluster: sim\n    user: admin\n"
                                                 "- name: hidden\n  context:\n    cluster: sim\n    user: admin\n"
                                                 "users:\n- name: admin\n  user: {}\ncurrent-context: shown\n")
                                      .arg(cluster.sim().url())
                                      .toUtf8()));
        ContextSettingsStore store(dir.filePath(u"settings.ini"_s));
        store.setHidden(u"hidden"_s, true);
        Engine engine;
        engine.setContextSettingsStore(&store);
        fd::kube::LoadOptions options;
        options.explicitFile = config;
        engine.loadKubeconfig(options);
        QCOMPARE(engine.sessions().size(), 2); // still listed, so that it can be shown again
        ClusterSession *shown = engine.session(u"shown"_s);
        ClusterSession *hidden = engine.session(u"hidden"_s);
        QVERIFY(shown && hidden);
        QVERIFY(engine.isSessionActive(u"shown"_s));
        QVERIFY(!engine.isSessionActive(u"hidden"_s));
        fd::test::SnapshotRecorder hiddenSnapshots(hidden);
        QTRY_VERIFY_WITH_TIMEOUT(isLive(shown), LongWait);
        // While the other context went live, the hidden one never published: it did not start.
        QCoreApplication::processEvents();
        QVERIFY(hiddenSnapshots.snapshots.isEmpty());
        QCOMPARE(hidden->snapshot()->generation, quint64(0));

        // Shown again: it connects (the same session, no reconnect of the others).
        QSignalSpy added(&engine, &Engine::sessionAdded);
        store.setHidden(u"hidden"_s, false);
        QVERIFY(engine.isSessionActive(u"hidden"_s));
        QCOMPARE(engine.session(u"hidden"_s), hidden);
        QTRY_VERIFY_WITH_TIMEOUT(isLive(hidden), LongWait);
        QCOMPARE(added.size(), 0);

        // Hidden again (as the View menu does: the key written elsewhere, then applied): stopped.
        {
            ContextSettingsStore elsewhere(dir.filePath(u"settings.ini"_s));
            elsewhere.setHidden(u"hidden"_s, true);
        }
        QVERIFY(engine.isSessionActive(u"hidden"_s)); // not applied yet
        engine.applyContextSettings(u"hidden"_s);
        QVERIFY(!engine.isSessionActive(u"hidden"_s));
        QVERIFY(engine.isSessionActive(u"shown"_s));
    }
};

QTEST_GUILESS_MAIN(TestClusterSettings)
#include "tst_clustersettings.moc"
