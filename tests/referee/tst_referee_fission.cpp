// Real helm v4 and kubectl against the `demo` profile over TLS: the chart generator matches
// `helm template` of the real fission-all 1.20.5 chart, the release records we store read as
// Helm's own (list, get values/manifest, history, upgrade --reuse-values, rollback), and the
// classic case — a function in an unwatched namespace — is repaired by a real helm upgrade.
#include "RefereeHarness.h"
#include "TestSupport.h"

#include "sim/cluster/SimCluster.h"
#include "sim/cluster/SimProfiles.h"
#include "sim/codec/YamlJson.h"
#include "sim/fissioninstall/ChartRenderer.h"
#include "sim/fissioninstall/ChartValues.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace fd::test;
using namespace Qt::StringLiterals;

namespace {

// "Kind namespace/name" with the release namespace filled in where a template names none and
// the pre-upgrade Job's random suffix (`randNumeric 3`) masked.
QString identity(const QJsonObject &object)
{
    static const QStringList clusterScoped{u"ClusterRole"_s, u"ClusterRoleBinding"_s, u"Namespace"_s,
                                           u"MutatingWebhookConfiguration"_s, u"ValidatingWebhookConfiguration"_s};
    const QJsonObject meta = object.value(u"metadata"_s).toObject();
    const QString kind = object.value(u"kind"_s).toString();
    QString name = meta.value(u"name"_s).toString();
    static const QRegularExpression random(u"^(fission-fission-all-v1\\.20\\.5)-\\d{3}$"_s);
    name.replace(random, u"\\1-NNN"_s);
    const QString ns = clusterScoped.contains(kind) ? QString() : meta.value(u"namespace"_s).toString(u"fission"_s);
    return kind + u" "_s + (ns.isEmpty() ? QString() : ns + u"/"_s) + name;
}

// What differs by nature between two renders: generated certificates and the Job suffix.
QJsonObject normalised(QJsonObject object)
{
    QJsonObject meta = object.value(u"metadata"_s).toObject();
    meta.remove(u"creationTimestamp"_s);
    if (object.value(u"kind"_s) == u"Job"_s)
        meta.insert(u"name"_s, identity(object).section(QLatin1Char('/'), -1));
    object.insert(u"metadata"_s, meta);
    if (object.value(u"kind"_s) == u"Secret"_s && meta.value(u"name"_s) == u"fission-webhook-certs"_s)
        object.insert(u"data"_s, QJsonObject{{u"certificates"_s, u"generated"_s}});
    if (object.value(u"kind"_s).toString().endsWith(u"WebhookConfiguration"_s)) {
        QJsonArray hooks = object.value(u"webhooks"_s).toArray();
        for (qsizetype i = 0; i < hooks.size(); ++i) {
            QJsonObject hook = hooks.at(i).toObject();
            QJsonObject client = hook.value(u"clientConfig"_s).toObject();
            client.insert(u"caBundle"_s, u"generated"_s);
            hook.insert(u"clientConfig"_s, client);
            hooks.replace(i, hook);
        }
        object.insert(u"webhooks"_s, hooks);
    }
    return object;
}

// The first difference between two JSON values, as a path.
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &path)
{
    if (a == b)
        return {};
    if (a.isObject() && b.isObject()) {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        QStringList keys = left.keys() + right.keys();
        keys.removeDuplicates();
        for (const QString &key : keys) {
            const QString found = firstDifference(left.value(key), right.value(key), path + u"."_s + key);
            if (!found.isEmpty())
                return found;
        }
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
            const QString found = firstDifference(left.at(i), right.at(i), path + u"["_s + QString::number(i) + u"]"_s);
            if (!found.isEmpty())
                return found;
        }
    }
    return path + u": ours "_s + QString::fromUtf8(QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact))
           + u" helm "_s + QString::fromUtf8(QJsonDocument(QJsonArray{b}).toJson(QJsonDocument::Compact));
}

} // namespace

class TestRefereeFission : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RefereeHarness> m_harness;
    QString m_helm;
    QString m_kubectl;
    QString m_chart;

    CommandResult helm(const QStringList &arguments, int timeoutMs = 300000) { return m_harness->run(m_helm, arguments, timeoutMs); }
    CommandResult kubectl(const QStringList &arguments) { return m_harness->run(m_kubectl, arguments, 60000); }

    QJsonValue helmJson(const QStringList &arguments)
    {
        const CommandResult result = helm(arguments + QStringList{u"-o"_s, u"json"_s});
        if (result.exitCode != 0)
            qWarning("%s", qPrintable(result.describe()));
        return QJsonDocument::fromJson(result.out).isArray() ? QJsonValue(QJsonDocument::fromJson(result.out).array())
                                                              : QJsonValue(QJsonDocument::fromJson(result.out).object());
    }

    QString executorNamespaces()
    {
        const CommandResult result = kubectl({u"get"_s, u"deployment"_s, u"executor"_s, u"-n"_s, u"fission"_s, u"-o"_s,
                                              u"jsonpath={.spec.template.spec.containers[0].env[?(@.name==\"FISSION_RESOURCE_NAMESPACES\")].value}"_s});
        return QString::fromUtf8(result.out).trimmed();
    }

    CommandResult routerGet(const QString &path)
    {
        return kubectl({u"get"_s, u"--raw"_s, u"/api/v1/namespaces/fission/services/router:80/proxy"_s + path});
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString tools = qEnvironmentVariable("FD_TOOLS_DIR", sourceDir() + u"/build/tools"_s);
        m_helm = QFileInfo(tools + u"/helm"_s).isExecutable() ? tools + u"/helm"_s : findTool(u"helm"_s);
        m_kubectl = QFileInfo(tools + u"/kubectl"_s).isExecutable() ? tools + u"/kubectl"_s : findTool(u"kubectl"_s);
        if (m_helm.isEmpty() || m_kubectl.isEmpty())
            FD_SKIP_LOUDLY(u"helm v4 or kubectl not found (scripts/install-deps.sh fetches both)"_s);
        const QString shared = sharedDir();
        if (!shared.isEmpty())
            m_chart = shared + u"/fixtures/charts/fission-all-v1.20.5"_s;
        m_harness = std::make_unique<RefereeHarness>(true);
        QString error;
        QVERIFY2(m_harness->start(&error), qPrintable(error));
        m_harness->host().run([&error](fd::sim::SimCluster &cluster) {
            const auto applied = fd::sim::applyProfile(u"demo"_s, cluster);
            if (!applied)
                error = applied.error();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Our generator against `helm template` of the real chart with the same values.
    void generatorMatchesHelmTemplate()
    {
        if (m_chart.isEmpty())
            FD_SKIP_LOUDLY(u"../shared/fixtures is absent: the chart generator is not refereed against the real chart"_s);
        const CommandResult result = helm({u"template"_s, u"fission"_s, m_chart, u"-n"_s, u"fission"_s, u"--set"_s,
                                           u"additionalFissionNamespaces={team-a}"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const auto documents = fd::sim::yamlDocumentsToJson(result.out);
        QVERIFY2(documents, documents ? "" : qPrintable(documents.error()));
        QMap<QString, QJsonObject> theirs;
        for (const QJsonValue &document : *documents)
            theirs.insert(identity(document.toObject()), normalised(document.toObject()));

        using namespace fd::sim::fissioninstall;
        const auto values = FissionChartValues::fromEffectiveValues(
            coalesceValues(chartDefaultValues(FissionFlavor::V1_20), {{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s}}}),
            u"fission"_s, u"fission"_s);
        const RenderedChart chart = renderFissionChart(FissionFlavor::V1_20, values);
        QMap<QString, QJsonObject> ours;
        for (const ChartObject &object : chart.manifests + chart.hooks)
            ours.insert(identity(object.object), normalised(object.object));

        QCOMPARE(ours.keys(), theirs.keys());
        for (auto it = ours.begin(); it != ours.end(); ++it) {
            const QString difference = firstDifference(it.value(), theirs.value(it.key()), it.key());
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        // Helm's install order, as `helm template` prints the non-hook documents.
        QStringList theirOrder;
        for (const QJsonValue &document : *documents) {
            const QJsonObject annotations = document.toObject().value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
            if (!annotations.contains(u"helm.sh/hook"_s))
                theirOrder << identity(document.toObject());
        }
        QStringList ourOrder;
        for (const ChartObject &object : chart.manifests)
            ourOrder << identity(object.object);
        QCOMPARE(ourOrder, theirOrder);
    }

    void helmSeesTheRelease()
    {
        const QJsonArray releases = helmJson({u"list"_s, u"-A"_s}).toArray();
        QCOMPARE(releases.size(), 1);
        const QJsonObject release = releases.first().toObject();
        QCOMPARE(release.value(u"name"_s).toString(), u"fission"_s);
        QCOMPARE(release.value(u"namespace"_s).toString(), u"fission"_s);
        QCOMPARE(release.value(u"status"_s).toString(), u"deployed"_s);
        QCOMPARE(release.value(u"chart"_s).toString(), u"fission-all-v1.20.5"_s);
        QCOMPARE(release.value(u"app_version"_s).toString(), u"v1.20.5"_s);
        QCOMPARE(release.value(u"revision"_s).toString(), u"2"_s);

        QCOMPARE(helmJson({u"get"_s, u"values"_s, u"fission"_s, u"-n"_s, u"fission"_s}).toObject(),
                 (QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s}}}));
        const QJsonObject all = helmJson({u"get"_s, u"values"_s, u"fission"_s, u"-n"_s, u"fission"_s, u"-a"_s}).toObject();
        QCOMPARE(all.value(u"defaultNamespace"_s).toString(), u"default"_s);
        QCOMPARE(all.value(u"executor"_s).toObject().value(u"adoptExistingResources"_s).toBool(true), false);

        const QJsonArray history = helmJson({u"history"_s, u"fission"_s, u"-n"_s, u"fission"_s}).toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).toObject().value(u"status"_s).toString(), u"superseded"_s);
        QCOMPARE(history.at(0).toObject().value(u"description"_s).toString(), u"Install complete"_s);
        QCOMPARE(history.at(1).toObject().value(u"status"_s).toString(), u"deployed"_s);
        QCOMPARE(history.at(1).toObject().value(u"description"_s).toString(), u"Upgrade complete"_s);

        const CommandResult manifest = helm({u"get"_s, u"manifest"_s, u"fission"_s, u"-n"_s, u"fission"_s});
        QVERIFY2(manifest.exitCode == 0, qPrintable(manifest.describe()));
        QVERIFY(manifest.out.contains("# Source: fission-all/templates/executor/deployment.yaml"));
        QVERIFY(manifest.out.contains("default,team-a"));
        const CommandResult status = helm({u"status"_s, u"fission"_s, u"-n"_s, u"fission"_s});
        QVERIFY2(status.exitCode == 0 && status.out.contains("STATUS: deployed"), qPrintable(status.describe()));
    }

    void kubectlSeesTheContent()
    {
        const CommandResult result = kubectl({u"get"_s, u"functions,packages"_s, u"-A"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        for (const char *expected : {"thumbnail", "inventory", "orders", "hello-pkg", "inventory-pkg", "team-a", "test"})
            QVERIFY2(result.out.contains(expected), expected);
        const CommandResult crds = kubectl({u"get"_s, u"crd"_s, u"-l"_s, u"group=fission.io"_s, u"-o"_s, u"name"_s});
        QCOMPARE(crds.out.count('\n'), 8);
        const CommandResult shortName = kubectl({u"get"_s, u"pkg"_s, u"-n"_s, u"team-a"_s, u"-o"_s, u"name"_s});
        QVERIFY2(shortName.exitCode == 0 && shortName.out.contains("package.fission.io/orders-pkg"), qPrintable(shortName.describe()));
    }

    // The classic case, then its repair with a real helm upgrade of the real chart.
    void classicCaseRepairedByHelmUpgrade()
    {
        // Watched: the router serves default's function once its package is built.
        QTRY_VERIFY2_WITH_TIMEOUT(routerGet(u"/fission-function/hello"_s).exitCode == 0,
                                  qPrintable(routerGet(u"/fission-function/hello"_s).describe()), 120000);
        // team-a's broken Go package fails to build, with the compiler's complaint kept.
        const auto buildStatus = [this](const QString &ns, const QString &package) {
            return kubectl({u"get"_s, u"package"_s, package, u"-n"_s, ns, u"-o"_s, u"jsonpath={.status.buildstatus}"_s}).out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(buildStatus(u"team-a"_s, u"inventory-pkg"_s), QByteArray("failed"), 120000);
        QVERIFY(!kubectl({u"get"_s, u"package"_s, u"inventory-pkg"_s, u"-n"_s, u"team-a"_s, u"-o"_s, u"jsonpath={.status.buildlog}"_s})
                     .out.isEmpty());
        // The unwatched package keeps what Fission's webhook wrote: pending, never timestamped.
        QCOMPARE(buildStatus(u"test"_s, u"hello-pkg"_s), QByteArray("pending"));
        // Not watched: 404.
        const CommandResult missing = routerGet(u"/fission-function/test/hello"_s);
        QVERIFY2(missing.exitCode != 0 && (missing.err.contains("NotFound") || missing.err.contains("404")),
                 qPrintable(missing.describe()));

        if (m_chart.isEmpty())
            FD_SKIP_LOUDLY(u"../shared/fixtures is absent: helm upgrade needs the real fission-all chart"_s);
        CommandResult upgrade = helm({u"upgrade"_s, u"fission"_s, m_chart, u"-n"_s, u"fission"_s, u"--reuse-values"_s, u"--set"_s,
                                      u"additionalFissionNamespaces={team-a,test}"_s, u"--wait"_s, u"--timeout"_s, u"300s"_s});
        QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.describe()));
        QCOMPARE(helmJson({u"get"_s, u"values"_s, u"fission"_s, u"-n"_s, u"fission"_s}).toObject(),
                 (QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s, u"test"_s}}}));
        QCOMPARE(executorNamespaces(), u"default,team-a,test"_s);
        QCOMPARE(kubectl({u"get"_s, u"rolebinding"_s, u"fission-executor-fission-cr"_s, u"-n"_s, u"test"_s}).exitCode, 0);

        // Once the control plane rolled, test's package builds and the router serves it.
        QTRY_VERIFY2_WITH_TIMEOUT(routerGet(u"/fission-function/test/hello"_s).exitCode == 0,
                                  qPrintable(routerGet(u"/fission-function/test/hello"_s).describe()), 180000);
        const CommandResult built = kubectl({u"get"_s, u"package"_s, u"hello-pkg"_s, u"-n"_s, u"test"_s, u"-o"_s,
                                             u"jsonpath={.status.buildstatus}"_s});
        QCOMPARE(built.out, QByteArray("succeeded"));
    }

    // Rolling back to our stored first revision (never applied by a real helm before).
    void rollbackToTheFirstRevision()
    {
        const QJsonArray before = helmJson({u"history"_s, u"fission"_s, u"-n"_s, u"fission"_s}).toArray();
        const CommandResult rollback = helm({u"rollback"_s, u"fission"_s, u"1"_s, u"-n"_s, u"fission"_s, u"--wait"_s,
                                             u"--timeout"_s, u"300s"_s});
        QVERIFY2(rollback.exitCode == 0, qPrintable(rollback.describe()));
        const QJsonArray history = helmJson({u"history"_s, u"fission"_s, u"-n"_s, u"fission"_s}).toArray();
        QCOMPARE(history.size(), before.size() + 1);
        QCOMPARE(history.last().toObject().value(u"status"_s).toString(), u"deployed"_s);
        QCOMPARE(history.last().toObject().value(u"description"_s).toString(), u"Rollback to 1"_s);
        QCOMPARE(executorNamespaces(), u"default"_s);
        QVERIFY(helmJson({u"get"_s, u"values"_s, u"fission"_s, u"-n"_s, u"fission"_s}).toObject().isEmpty());
        // team-a's Roles went with the revision that had them.
        QVERIFY(kubectl({u"get"_s, u"rolebinding"_s, u"fission-executor-fission-cr"_s, u"-n"_s, u"team-a"_s}).exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestRefereeFission)
#include "tst_referee_fission.moc"
