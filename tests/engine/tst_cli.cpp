// The CLI verbs over the engine (tenants, doctor, describe) as a user runs them: the built
// fission-desk-cli against the fission-desk-sim executable, bad arguments and an unreachable
// server (exit 2 with the reason).
#include "EngineTestUtil.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::test::CliRun;
using fd::test::runCli;

namespace {

QStringList findingIds(const QJsonObject &list)
{
    QStringList ids;
    for (const QJsonValue v : list.value(u"findings"_s).toArray())
        ids.append(v.toObject().value(u"id"_s).toString());
    return ids;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sim.start(u"demo,demo-modern"_s, &error), qPrintable(error));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{u"doctor"_s, u"--bogus"_s} << u"bogus"_s;
        QTest::newRow("output format") << QStringList{u"tenants"_s, u"-o"_s, u"yaml"_s} << u"yaml"_s;
        QTest::newRow("timeout") << QStringList{u"doctor"_s, u"--timeout"_s, u"soon"_s} << u"--timeout"_s;
        QTest::newRow("extra argument") << QStringList{u"tenants"_s, u"extra"_s} << u"extra"_s;
        QTest::newRow("describe what") << QStringList{u"describe"_s, u"function"_s, u"x"_s} << u"describe tenant"_s;
        QTest::newRow("describe no namespace") << QStringList{u"describe"_s, u"tenant"_s} << u"describe tenant"_s;
        QTest::newRow("no kubeconfig") << QStringList{u"doctor"_s, u"--kubeconfig"_s, u"/nonexistent/kubeconfig"_s}
                                       << u"kubeconfig"_s;
        QTest::newRow("no such context") << QStringList{u"tenants"_s, u"--context"_s, u"nowhere"_s, u"--kubeconfig"_s, QString()}
                                         << u"nowhere"_s;
    }

    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        for (QString &a : arguments) {
            if (a.isEmpty())
                a = m_sim.kubeconfig();
        }
        const CliRun run = runCli(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
    }

    void unreachableServer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"kubeconfig"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Port 1 on localhost: nothing listens there.
        file.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:1\n"
                   "contexts:\n- name: gone\n  context:\n    cluster: c\n    user: u\nusers:\n- name: u\n  user: {}\n"
                   "current-context: gone\n");
        file.close();
        for (const QString &verb : {u"doctor"_s, u"tenants"_s}) {
            const CliRun run = runCli({verb, u"--kubeconfig"_s, path, u"--timeout"_s, u"3"_s});
            QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
            QVERIFY2(run.err.contains("\"gone\""), qPrintable(run.describe()));
            QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        }
    }

    void tenantsTableAndJson()
    {
        CliRun run = runCli({u"tenants"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("1.20.5"), qPrintable(run.describe()));
        QVERIFY(run.out.contains("NAMESPACE"));
        QVERIFY(run.out.contains("test"));

        run = runCli({u"tenants"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo"_s, u"-o"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject list = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(list.value(u"kind"_s).toString(), u"TenantList"_s);
        QCOMPARE(list.value(u"version"_s).toInt(), 1);
        QCOMPARE(list.value(u"context"_s).toString(), u"demo"_s);
        QMap<QString, QString> states;
        for (const QJsonValue v : list.value(u"tenants"_s).toArray())
            states.insert(v.toObject().value(u"namespace"_s).toString(), v.toObject().value(u"state"_s).toString());
        QCOMPARE(states.value(u"test"_s), u"not-watched"_s);
        QCOMPARE(states.value(u"team-a"_s), u"served"_s);
    }

    void doctorFindsTheClassicCase()
    {
        // The failed build may take a moment after the emulator started: wait for it.
        QStringList ids;
        CliRun run;
        const bool found = QTest::qWaitFor([&] {
            run = runCli({u"doctor"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo"_s, u"-o"_s, u"json"_s});
            ids = findingIds(QJsonDocument::fromJson(run.out).object());
            return ids.contains(u"package-build-failed:fission.io/Package/team-a/inventory-pkg"_s);
        }, 120'000);
        QVERIFY2(found, qPrintable(run.describe()));
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QCOMPARE(ids, (QStringList{u"namespace-not-watched:Namespace/test"_s,
                                   u"package-build-failed:fission.io/Package/team-a/inventory-pkg"_s}));
        const QJsonObject list = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(list.value(u"kind"_s).toString(), u"FindingList"_s);
        QCOMPARE(list.value(u"counts"_s).toObject().value(u"error"_s).toInt(), 2);

        run = runCli({u"doctor"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY(run.out.contains("SEVERITY"));
        QVERIFY(run.out.contains("namespace-not-watched"));
        QVERIFY(run.out.contains("router-404"));
    }

    void describeTenant()
    {
        CliRun run = runCli({u"describe"_s, u"tenant"_s, u"test"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains("namespace-not-watched:Namespace/test"));
        QVERIFY(run.out.contains("router"));

        run = runCli({u"describe"_s, u"tenant"_s, u"test"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo"_s,
                      u"-o"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject d = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(d.value(u"kind"_s).toString(), u"TenantDescription"_s);
        QCOMPARE(d.value(u"tenant"_s).toObject().value(u"state"_s).toString(), u"not-watched"_s);
        QVERIFY(findingIds(d).contains(u"namespace-not-watched:Namespace/test"_s));
        QVERIFY(!findingIds(d).contains(u"package-build-failed:fission.io/Package/team-a/inventory-pkg"_s));

        run = runCli({u"describe"_s, u"tenant"_s, u"no-such-ns"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY(run.err.contains("no-such-ns"));
    }

    void doctorModern()
    {
        const CliRun run = runCli({u"doctor"_s, u"--kubeconfig"_s, m_sim.kubeconfig(), u"--context"_s, u"demo-modern"_s, u"-o"_s, u"json"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY(findingIds(QJsonDocument::fromJson(run.out).object()).contains(u"tenant-namespace-missing:fission.io/FissionTenant/team-ghost"_s));
    }

private:
    fd::test::SimProcess m_sim;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
