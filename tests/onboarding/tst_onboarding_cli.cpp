// fission-desk-cli plan/onboard/offboard as a user runs them: usage errors exit 2 with a clear
// message before anything is contacted; against the emulator's demo-modern profile the commands
// onboard and offboard FissionTenants.
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::test::OnboardingCluster;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestOnboardingCli : public QObject {
    Q_OBJECT
private:
    QString m_cli;
    std::unique_ptr<OnboardingCluster> m_cluster;

    CliRun cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, u"C"_s);
        env.insert(u"LC_ALL"_s, u"C"_s);
        env.insert(u"KUBECONFIG"_s, u"/nonexistent/kubeconfig"_s);
        process.setProcessEnvironment(env);
        process.start(m_cli, arguments);
        if (!process.waitForStarted(30000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        // Run while the test's event loop serves nothing the CLI needs: the emulator runs on
        // its own thread.
        if (!process.waitForFinished(300000))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    QStringList clusterArgs() const
    {
        return {u"--kubeconfig"_s, m_cluster->kubeconfigPath(), u"--context"_s, u"referee"_s};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("FD_BINARY_DIR") + u"/src/app/fission-desk-cli"_s;
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    }

    void invalidNamespaceNameIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plan uppercase") << QStringList{u"plan"_s, u"Bad_Name"_s} << u"\"Bad_Name\" is not a valid namespace name"_s;
        QTest::addRow("onboard dot") << QStringList{u"onboard"_s, u"team.a"_s, u"--yes"_s} << u"\"team.a\" is not a valid namespace name"_s;
        QTest::addRow("offboard too long") << QStringList{u"offboard"_s, QString(64, u'a'), u"--yes"_s}
                                          << u"is not a valid namespace name"_s;
        QTest::addRow("no namespace") << QStringList{u"onboard"_s, u"--yes"_s} << u"name at least one namespace"_s;
        QTest::addRow("bad format") << QStringList{u"plan"_s, u"test"_s, u"-o"_s, u"yaml"_s} << u"unknown output format"_s;
        QTest::addRow("json without yes") << QStringList{u"onboard"_s, u"test"_s, u"-o"_s, u"json"_s} << u"needs --yes"_s;
        QTest::addRow("--at in the past") << QStringList{u"onboard"_s, u"test"_s, u"--yes"_s, u"--at"_s, u"2020-01-01T00:00"_s}
                                          << u"in the past"_s;
        QTest::addRow("--at not a time") << QStringList{u"offboard"_s, u"test"_s, u"--yes"_s, u"--at"_s, u"tonight"_s}
                                         << u"is not a time"_s;
        QTest::addRow("--at 24:00") << QStringList{u"onboard"_s, u"test"_s, u"--yes"_s, u"--at"_s, u"24:00"_s} << u"is not a time"_s;
        QTest::addRow("--at without yes") << QStringList{u"onboard"_s, u"test"_s, u"--at"_s, u"23:59"_s} << u"--at needs --yes"_s;
    }

    void invalidNamespaceNameIsAUsageError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void helpListsTheCommands()
    {
        const CliRun run = cli({u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        for (const QString &command : {u"plan"_s, u"onboard"_s, u"offboard"_s})
            QVERIFY2(run.out.contains(command), qPrintable(run.out));
    }

    void modernOnboardAndOffboard()
    {
        m_cluster = std::make_unique<OnboardingCluster>(u"demo-modern"_s);
        QString error;
        QVERIFY2(m_cluster->start(&error), qPrintable(error));

        CliRun plan = cli(QStringList{u"plan"_s, u"team-e"_s, u"-o"_s, u"json"_s} + clusterArgs());
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.err));
        const QJsonObject json = QJsonDocument::fromJson(plan.out.toUtf8()).object();
        QCOMPARE(json.value(u"world"_s).toString(), u"dynamic"_s);
        QCOMPARE(json.value(u"onboard"_s).toArray().first().toString(), u"team-e"_s);
        QVERIFY(!m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-e"_s)); // plan changes nothing

        // Declined at the prompt: nothing happens.
        const CliRun declined = cli(QStringList{u"onboard"_s, u"team-e"_s} + clusterArgs(), "n\n");
        QCOMPARE(declined.exitCode, 1);
        QVERIFY(!m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-e"_s));

        const CliRun onboard = cli(QStringList{u"onboard"_s, u"team-e"_s, u"--yes"_s} + clusterArgs());
        QVERIFY2(onboard.exitCode == 0, qPrintable(onboard.err));
        QVERIFY2(onboard.err.contains(u"Ready=True"_s), qPrintable(onboard.err));
        QVERIFY(m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-e"_s));

        const CliRun refused = cli(QStringList{u"offboard"_s, u"team-b"_s, u"--yes"_s} + clusterArgs());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"team-b"_s), qPrintable(refused.err));

        const CliRun offboard = cli(QStringList{u"offboard"_s, u"team-e"_s, u"--yes"_s} + clusterArgs());
        QVERIFY2(offboard.exitCode == 0, qPrintable(offboard.err));
        QVERIFY(!m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-e"_s));
    }

    // --at waits (printing for what) and then runs as without it; --label onboards by label in
    // dynamic mode. Runs on the demo-modern cluster of modernOnboardAndOffboard.
    void atWaitsThenRunsAndLabelOnboards()
    {
        QVERIFY(m_cluster);
        QElapsedTimer timer;
        timer.start();
        const QString at = QDateTime::currentDateTime().addSecs(3).toString(Qt::ISODate);
        const CliRun later = cli(QStringList{u"onboard"_s, u"team-w"_s, u"--yes"_s, u"--at"_s, at} + clusterArgs());
        QVERIFY2(later.exitCode == 0, qPrintable(later.err));
        QVERIFY2(later.err.contains(u"Waiting until"_s) && later.err.contains(u"onboard team-w"_s), qPrintable(later.err));
        QVERIFY2(timer.elapsed() >= 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(later.err.indexOf(u"Waiting until"_s) < later.err.indexOf(u"Ready=True"_s));
        QVERIFY(m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-w"_s));

        const CliRun label = cli(QStringList{u"onboard"_s, u"team-lbl"_s, u"--label"_s, u"--yes"_s} + clusterArgs());
        QVERIFY2(label.exitCode == 0, qPrintable(label.err));
        QVERIFY2(label.out.contains(u"label namespace team-lbl fission.io/enabled=true"_s), qPrintable(label.out));
        QVERIFY2(label.err.contains(u"Ready=True"_s), qPrintable(label.err));
        const auto ns = m_cluster->getJson(u"/api/v1/namespaces/team-lbl"_s);
        QVERIFY(ns);
        QCOMPARE(ns->value(u"metadata"_s)[u"labels"_s][u"fission.io/enabled"_s].toString(), u"true"_s);
    }

    // The legacy plan through the CLI, rendered by real helm with the chart stored in the
    // deployed release (no chart repository needed), and with a chart the user gives.
    void legacyPlanAsJson()
    {
        const QString helm = fd::test::findHelm();
        if (helm.isEmpty())
            FD_SKIP_LOUDLY(u"helm v4 not found (FD_TOOLS_DIR; scripts/install-deps.sh fetches it)"_s);
        OnboardingCluster legacy(u"demo"_s);
        QString error;
        QVERIFY2(legacy.start(&error), qPrintable(error));
        const auto plan = [&](const QStringList &extra) {
            return cli(QStringList{u"plan"_s, u"test"_s, u"-o"_s, u"json"_s, u"--kubeconfig"_s, legacy.kubeconfigPath(), u"--context"_s,
                                   u"referee"_s, u"--helm"_s, helm}
                       + extra);
        };
        const CliRun run = plan({});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(u"world"_s).toString(), u"helm"_s);
        QCOMPARE(json.value(u"chartSource"_s).toString(), u"release"_s);
        QCOMPARE(json.value(u"added"_s).toArray().first().toString(), u"test"_s);
        QStringList rolling;
        for (const QJsonValue &workload : json.value(u"impact"_s)[u"workloads"_s].toArray())
            rolling.append(workload[u"name"_s].toString());
        QVERIFY2(rolling.contains(u"executor"_s), qPrintable(rolling.join(u',')));
        QVERIFY(json.value(u"adoptAlternative"_s).isObject());

        // A chart directory that is not a chart: a clear refusal, exit 1.
        const CliRun badChart = plan({u"--chart"_s, legacy.kubeconfigPath() + u".nochart"_s});
        QCOMPARE(badChart.exitCode, 1);
        QVERIFY2(badChart.err.contains(u"chart"_s, Qt::CaseInsensitive), qPrintable(badChart.err));

        const QString chart = fd::test::realFissionChart();
        if (chart.isEmpty())
            FD_SKIP_LOUDLY(u"../shared/fixtures (the real fission-all chart) is absent: the user-chart case is not run"_s);
        const CliRun withChart = plan({u"--chart"_s, chart});
        QVERIFY2(withChart.exitCode == 0, qPrintable(withChart.err));
        QCOMPARE(QJsonDocument::fromJson(withChart.out.toUtf8()).object().value(u"chartSource"_s).toString(), u"user"_s);
    }

    void cleanupTestCase() { m_cluster.reset(); }
};

QTEST_GUILESS_MAIN(TestOnboardingCli)
#include "tst_onboarding_cli.moc"
