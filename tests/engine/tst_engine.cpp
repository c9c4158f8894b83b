// Engine: one session per kubeconfig context (a broken entry is a Failed session with the
// loader's message while the others work), the in-process demo clusters, added/removed signals.
#include "EngineTestUtil.h"

#include "engine/Engine.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine;

class TestEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kubeconfigContextsBecomeSessions()
    {
        fd::test::ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: %1\n"
                                  "contexts:\n- name: good\n  context:\n    cluster: sim\n    user: admin\n"
                                  "- name: broken\n  context:\n    cluster: nowhere\n    user: admin\n"
                                  "users:\n- name: admin\n  user: {}\ncurrent-context: good\n")
                       .arg(cluster.sim().url())
                       .toUtf8());
        file.close();

        Engine engine;
        QSignalSpy added(&engine, &Engine::sessionAdded);
        fd::kube::LoadOptions options;
        options.explicitFile = path;
        engine.loadKubeconfig(options);
        QCOMPARE(added.size(), 2);
        QCOMPARE(engine.sessions().size(), 2);
        ClusterSession *broken = engine.session(u"broken"_s);
        QVERIFY(broken);
        QVERIFY(broken->isFailed());
        QCOMPARE(broken->snapshot()->connection.state, ConnectionState::Failed);
        QVERIFY2(broken->snapshot()->connection.message.contains(u"nowhere"_s), qPrintable(broken->snapshot()->connection.message));
        ClusterSession *good = engine.session(u"good"_s);
        QVERIFY(good);
        QTRY_COMPARE_WITH_TIMEOUT(good->snapshot()->connection.state, ConnectionState::Live, 90'000);
        QTRY_VERIFY_WITH_TIMEOUT(good->snapshot()->tenants.tenant(u"test"_s) != nullptr, 90'000);

        // A reload replaces the kubeconfig's sessions.
        QSignalSpy removed(&engine, &Engine::sessionRemoved);
        engine.loadKubeconfig(options);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(engine.sessions().size(), 2);
    }

    void demoClusters()
    {
        Engine engine;
        QSignalSpy added(&engine, &Engine::sessionAdded);
        const auto started = engine.startDemo();
        QVERIFY2(started, started ? "" : qPrintable(started.error()));
        QCOMPARE(added.size(), 2);
        QVERIFY(engine.isDemoRunning());
        for (const QString &name : {u"demo"_s, u"demo-modern"_s}) {
            ClusterSession *session = engine.session(name);
            QVERIFY2(session, qPrintable(name));
            QTRY_COMPARE_WITH_TIMEOUT(session->snapshot()->connection.state, ConnectionState::Live, 90'000);
            QVERIFY(!session->snapshot()->tenants.tenants().isEmpty());
        }
        QTRY_VERIFY_WITH_TIMEOUT(fd::test::problemIds(engine.session(u"demo"_s)->snapshot())
                                     .contains(u"namespace-not-watched:Namespace/test"_s),
                                 90'000);
        QVERIFY(!engine.startDemo({u"no-such-profile"_s}));
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
