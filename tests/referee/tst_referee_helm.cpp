// Real helm v4 against fission-desk-sim: the full release lifecycle on a chart of our own
// (Deployments, Services, RBAC, a CRD in crds/, hooks) and the real Fission 1.20.5 chart.
#include "RefereeHarness.h"
#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fd::test;

class TestRefereeHelm : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RefereeHarness> m_harness;
    QString m_helm;
    QString m_kubectl;

    CommandResult helm(const QStringList &arguments, int timeoutMs = 180000)
    {
        return m_harness->run(m_helm, arguments, timeoutMs);
    }

    CommandResult kubectl(const QStringList &arguments)
    {
        return m_harness->run(m_kubectl, arguments, 60000);
    }

    static QString testChart() { return sourceDir() + QStringLiteral("/tests/referee/charts/fd-testchart"); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString tools = qEnvironmentVariable("FD_TOOLS_DIR", sourceDir() + QStringLiteral("/build/tools"));
        m_helm = QFileInfo(tools + QStringLiteral("/helm")).isExecutable() ? tools + QStringLiteral("/helm") : findTool(QStringLiteral("helm"));
        m_kubectl = QFileInfo(tools + QStringLiteral("/kubectl")).isExecutable() ? tools + QStringLiteral("/kubectl")
                                                                                   : findTool(QStringLiteral("kubectl"));
        if (m_helm.isEmpty() || m_kubectl.isEmpty())
            FD_SKIP_LOUDLY(QStringLiteral("helm v4 or kubectl not found (scripts/install-deps.sh fetches both)"));
        m_harness = std::make_unique<RefereeHarness>(true);
        QString error;
        QVERIFY2(m_harness->start(&error), qPrintable(error));
        QVERIFY(kubectl({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("apps")}).exitCode == 0);
    }

    void installUpgradeRollbackUninstall()
    {
        CommandResult result = helm({QStringLiteral("install"), QStringLiteral("web"), testChart(), QStringLiteral("-n"),
                                     QStringLiteral("apps"), QStringLiteral("--wait"), QStringLiteral("--timeout"), QStringLiteral("120s")});
        QVERIFY2(result.exitCode == 0 && result.out.contains("STATUS: deployed"), qPrintable(result.describe()));

        result = helm({QStringLiteral("list"), QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QJsonArray releases = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(releases.size(), 1);
        QCOMPARE(releases.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("deployed"));

        result = helm({QStringLiteral("upgrade"), QStringLiteral("web"), testChart(), QStringLiteral("-n"), QStringLiteral("apps"),
                       QStringLiteral("--set"), QStringLiteral("message=bye"), QStringLiteral("--set"),
                       QStringLiteral("watchedNamespaces={team-a,test}"), QStringLiteral("--wait"), QStringLiteral("--timeout"),
                       QStringLiteral("120s")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = helm({QStringLiteral("get"), QStringLiteral("values"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("apps"),
                       QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QLatin1String("message")).toString(), QStringLiteral("bye"));
        result = kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("web-settings"), QStringLiteral("-n"),
                          QStringLiteral("apps"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.message}")});
        QCOMPARE(result.out, QByteArray("bye"));
        // The post-upgrade hook ran.
        result = kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("web-post-upgrade-marker"),
                          QStringLiteral("-n"), QStringLiteral("apps")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));

        result = helm({QStringLiteral("history"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("apps"),
                       QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 2);

        result = helm({QStringLiteral("rollback"), QStringLiteral("web"), QStringLiteral("1"), QStringLiteral("-n"),
                       QStringLiteral("apps"), QStringLiteral("--wait")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("web-settings"), QStringLiteral("-n"),
                          QStringLiteral("apps"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.message}")});
        QCOMPARE(result.out, QByteArray("hello"));

        result = helm({QStringLiteral("uninstall"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("apps"),
                       QStringLiteral("--wait")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("web-web"), QStringLiteral("-n"),
                          QStringLiteral("apps")});
        QVERIFY(result.exitCode != 0);
    }

    void realFissionChartInstalls()
    {
        const QString shared = sharedDir();
        if (shared.isEmpty())
            FD_SKIP_LOUDLY(QStringLiteral("../shared/fixtures is absent: the real Fission chart cannot be tested here"));
        const QString crds = shared + QStringLiteral("/fixtures/crds/fission-v1.20.5");
        const QString chart = shared + QStringLiteral("/fixtures/charts/fission-all-v1.20.5");
        CommandResult result = kubectl({QStringLiteral("create"), QStringLiteral("-k"), crds});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(kubectl({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("fission")}).exitCode == 0);
        QVERIFY(kubectl({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("team-a")}).exitCode == 0);
        result = helm({QStringLiteral("install"), QStringLiteral("fission"), chart, QStringLiteral("-n"), QStringLiteral("fission"),
                       QStringLiteral("--set"), QStringLiteral("additionalFissionNamespaces={team-a}"), QStringLiteral("--wait"),
                       QStringLiteral("--timeout"), QStringLiteral("180s")}, 240000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("executor"), QStringLiteral("-n"),
                          QStringLiteral("fission"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(result.out.contains("FISSION_RESOURCE_NAMESPACES"));
        result = kubectl({QStringLiteral("get"), QStringLiteral("rolebindings"), QStringLiteral("-n"), QStringLiteral("team-a")});
        QVERIFY2(result.exitCode == 0 && result.out.contains("fission-"), qPrintable(result.describe()));
    }
};

QTEST_GUILESS_MAIN(TestRefereeHelm)
#include "tst_referee_helm.moc"
