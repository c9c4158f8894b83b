// The chart stored in the demo release (our own templates, src/sim/fissioninstall/ChartTemplates)
// against real helm: rebuilt from the release with ChartWriter, `helm template` renders what
// ChartRenderer renders for the same values, and a real `helm upgrade` of the demo release
// with the rebuilt chart adds a namespace the Fission simulator then serves.
#include "RefereeHarness.h"
#include "TestSupport.h"

#include "helm/ChartWriter.h"
#include "helm/ReleaseDecoder.h"
#include "sim/codec/YamlJson.h"
#include "sim/cluster/SimCluster.h"
#include "sim/cluster/SimProfiles.h"
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

// "Kind namespace/name", the release namespace filled in where a template names none and the
// pre-upgrade Job's random suffix masked.
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
    if (object.value(u"kind"_s) == u"Job"_s)
        meta.insert(u"name"_s, identity(object).section(QLatin1Char('/'), -1));
    object.insert(u"metadata"_s, meta);
    if (object.value(u"kind"_s) == u"Secret"_s && meta.value(u"name"_s) == u"fission-webhook-certs"_s) {
        QJsonObject data = object.value(u"data"_s).toObject();
        for (auto it = data.begin(); it != data.end(); ++it)
            it.value() = it.value().toString().isEmpty() ? u"missing"_s : u"generated"_s;
        object.insert(u"data"_s, data);
    }
    if (object.value(u"kind"_s).toString().endsWith(u"WebhookConfiguration"_s)) {
        QJsonArray hooks = object.value(u"webhooks"_s).toArray();
        for (qsizetype i = 0; i < hooks.size(); ++i) {
            QJsonObject hook = hooks.at(i).toObject();
            QJsonObject client = hook.value(u"clientConfig"_s).toObject();
            client.insert(u"caBundle"_s, client.value(u"caBundle"_s).toString().isEmpty() ? u"missing"_s : u"generated"_s);
            hook.insert(u"clientConfig"_s, client);
            hooks.replace(i, hook);
        }
        object.insert(u"webhooks"_s, hooks);
    }
    return object;
}

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
    return path + u": renderer "_s + QString::fromUtf8(QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact))
           + u" helm "_s + QString::fromUtf8(QJsonDocument(QJsonArray{b}).toJson(QJsonDocument::Compact));
}

QString envOf(const QJsonObject &workload, const QString &name)
{
    const QJsonArray containers = workload.value(u"spec"_s)[u"template"_s][u"spec"_s][u"containers"_s].toArray();
    for (const QJsonValue &env : containers.at(0)[u"env"_s].toArray()) {
        if (env[u"name"_s].toString() == name)
            return env[u"value"_s].toString();
    }
    return {};
}

} // namespace

class TestRefereeDemoChart : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RefereeHarness> m_harness;
    QString m_helm;
    QString m_kubectl;
    QString m_chartDir;
    QJsonObject m_config;   // the deployed revision's user-supplied values

    CommandResult helm(const QStringList &arguments, int timeoutMs = 300000) { return m_harness->run(m_helm, arguments, timeoutMs); }
    CommandResult kubectl(const QStringList &arguments) { return m_harness->run(m_kubectl, arguments, 60000); }

    // The deployed revision of the demo release, read as any client reads it.
    std::optional<fd::helm::Release> deployedRelease()
    {
        const CommandResult result = kubectl({u"get"_s, u"secret"_s, u"-n"_s, u"fission"_s, u"-l"_s,
                                              u"owner=helm,name=fission,status=deployed"_s, u"-o"_s, u"json"_s});
        if (result.exitCode != 0) {
            qWarning("%s", qPrintable(result.describe()));
            return std::nullopt;
        }
        const QJsonArray items = QJsonDocument::fromJson(result.out).object().value(u"items"_s).toArray();
        if (items.size() != 1)
            return std::nullopt;
        const QByteArray field = items.first()[u"data"_s][u"release"_s].toString().toLatin1();
        auto decoded = fd::helm::ReleaseDecoder::decodeSecretField(field);
        if (!decoded) {
            qWarning("%s", qPrintable(decoded.error().message));
            return std::nullopt;
        }
        return std::move(decoded).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString tools = qEnvironmentVariable("FD_TOOLS_DIR", sourceDir() + u"/build/tools"_s);
        m_helm = QFileInfo(tools + u"/helm"_s).isExecutable() ? tools + u"/helm"_s : findTool(u"helm"_s);
        m_kubectl = QFileInfo(tools + u"/kubectl"_s).isExecutable() ? tools + u"/kubectl"_s : findTool(u"kubectl"_s);
        if (m_helm.isEmpty() || m_kubectl.isEmpty())
            FD_SKIP_LOUDLY(u"helm v4 or kubectl not found (scripts/install-deps.sh fetches both)"_s);
        m_harness = std::make_unique<RefereeHarness>(false);
        QString error;
        QVERIFY2(m_harness->start(&error), qPrintable(error));
        m_harness->host().run([&error](fd::sim::SimCluster &cluster) {
            const auto applied = fd::sim::applyProfile(u"demo"_s, cluster);
            if (!applied)
                error = applied.error();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The stored chart carries templates and rebuilds into a chart directory.
    void releaseCarriesTemplatesThatRebuild()
    {
        const auto release = deployedRelease();
        QVERIFY(release);
        QCOMPARE(release->chart.metadata.name, u"fission-all"_s);
        QCOMPARE(release->chart.metadata.version, u"v1.20.5"_s);
        QVERIFY(!release->chart.templates.isEmpty());
        QStringList names;
        for (const fd::helm::ChartFile &file : release->chart.templates)
            names << file.name;
        QVERIFY2(names.contains(u"templates/executor/deployment.yaml"_s), qPrintable(names.join(u',')));
        QVERIFY(!release->chart.values.isEmpty());
        // The manifest is still the renderer's, with its template paths.
        QVERIFY(release->manifest.contains(u"# Source: fission-all/templates/executor/deployment.yaml"_s));
        m_config = release->config;

        m_chartDir = m_harness->workDir() + u"/rebuilt-chart"_s;
        const auto written = fd::helm::writeChart(release->chart, m_chartDir);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QVERIFY(QFileInfo::exists(m_chartDir + u"/Chart.yaml"_s));
        const CommandResult lint = helm({u"lint"_s, m_chartDir});
        QVERIFY2(lint.exitCode == 0, qPrintable(lint.describe()));
    }

    void helmTemplateMatchesTheRenderer_data()
    {
        QTest::addColumn<QJsonObject>("overrides");
        QTest::newRow("demo values") << QJsonObject();
        QTest::newRow("two more namespaces, adopt")
            << QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s, u"test"_s, u"team-b"_s}},
                           {u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, true}}}};
        QTest::newRow("only the default namespace, other images")
            << QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray()},
                           {u"defaultNamespace"_s, u"apps"_s},
                           {u"imageTag"_s, u"v1.20.6"_s},
                           {u"fetcher"_s, QJsonObject{{u"imageTag"_s, QString()}}},
                           {u"repository"_s, QString()},
                           {u"analytics"_s, false},
                           {u"disableOwnerReference"_s, true}};
        QTest::newRow("function and builder namespaces")
            << QJsonObject{{u"functionNamespace"_s, u"fission-function"_s}, {u"builderNamespace"_s, u"fission-builder"_s},
                           {u"preUpgradeChecks"_s, QJsonObject{{u"enabled"_s, false}}}};
    }

    void helmTemplateMatchesTheRenderer()
    {
        QFETCH(QJsonObject, overrides);
        if (m_chartDir.isEmpty())
            QSKIP("the chart was not rebuilt (see releaseCarriesTemplatesThatRebuild)");
        using namespace fd::sim::fissioninstall;
        const QJsonObject userValues = coalesceValues(m_config, overrides);
        const QString valuesFile =
            m_harness->writeFile(u"values-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')).replace(QLatin1Char(','), QLatin1Char('-')) + u".json"_s,
                                 QJsonDocument(userValues).toJson());
        const CommandResult result =
            helm({u"template"_s, u"fission"_s, m_chartDir, u"-n"_s, u"fission"_s, u"-f"_s, valuesFile});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const auto documents = fd::sim::yamlDocumentsToJson(result.out);
        QVERIFY2(documents, documents ? "" : qPrintable(documents.error()));
        QMap<QString, QJsonObject> theirs;
        for (const QJsonValue &document : *documents) {
            if (document.isObject())
                theirs.insert(identity(document.toObject()), normalised(document.toObject()));
        }

        const auto values = FissionChartValues::fromEffectiveValues(
            coalesceValues(chartDefaultValues(FissionFlavor::V1_20), userValues), u"fission"_s, u"fission"_s);
        const RenderedChart chart = renderFissionChart(FissionFlavor::V1_20, values);
        QMap<QString, QJsonObject> ours;
        for (const ChartObject &object : chart.manifests + chart.hooks)
            ours.insert(identity(object.object), normalised(object.object));

        QCOMPARE(theirs.keys(), ours.keys());
        for (auto it = ours.begin(); it != ours.end(); ++it) {
            const QString difference = firstDifference(it.value(), theirs.value(it.key()), it.key());
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        // The tenancy values reach the control plane as they should.
        const QString executor = u"Deployment fission/executor"_s;
        QCOMPARE(envOf(theirs.value(executor), u"FISSION_RESOURCE_NAMESPACES"_s), values.watchedNamespaces().join(u','));
        QCOMPARE(envOf(theirs.value(executor), u"ADOPT_EXISTING_RESOURCES"_s),
                 values.adoptExistingResources ? u"true"_s : u"false"_s);
        for (const QString &ns : values.watchedNamespaces())
            QVERIFY2(theirs.contains(u"RoleBinding "_s + ns + u"/fission-executor-fission-cr"_s), qPrintable(ns));
    }

    // A real upgrade of the demo release with the chart rebuilt from it: namespace test joins,
    // the emulator rolls the control plane and the Fission simulator builds test's package.
    void upgradeWithTheRebuiltChartAddsANamespace()
    {
        if (m_chartDir.isEmpty())
            QSKIP("the chart was not rebuilt (see releaseCarriesTemplatesThatRebuild)");
        const auto buildStatus = [this](const QString &ns, const QString &package) {
            return kubectl({u"get"_s, u"package"_s, package, u"-n"_s, ns, u"-o"_s, u"jsonpath={.status.buildstatus}"_s}).out;
        };
        QCOMPARE(buildStatus(u"test"_s, u"hello-pkg"_s), QByteArray("pending"));
        QStringList namespaces;
        for (const QJsonValue &ns : m_config.value(u"additionalFissionNamespaces"_s).toArray())
            namespaces << ns.toString();
        namespaces << u"test"_s;
        const CommandResult upgrade =
            helm({u"upgrade"_s, u"fission"_s, m_chartDir, u"-n"_s, u"fission"_s, u"--reuse-values"_s, u"--set"_s,
                  u"additionalFissionNamespaces={%1}"_s.arg(namespaces.join(u',')), u"--wait"_s, u"--timeout"_s, u"300s"_s});
        QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.describe()));

        const CommandResult executor = kubectl({u"get"_s, u"deployment"_s, u"executor"_s, u"-n"_s, u"fission"_s, u"-o"_s, u"json"_s});
        QVERIFY2(executor.exitCode == 0, qPrintable(executor.describe()));
        QCOMPARE(envOf(QJsonDocument::fromJson(executor.out).object(), u"FISSION_RESOURCE_NAMESPACES"_s),
                 (QStringList{u"default"_s} + namespaces).join(u','));
        QCOMPARE(kubectl({u"get"_s, u"rolebinding"_s, u"fission-executor-fission-cr"_s, u"-n"_s, u"test"_s}).exitCode, 0);
        const auto release = deployedRelease();
        QVERIFY(release);
        QCOMPARE(release->version, 3);
        QVERIFY(!release->chart.templates.isEmpty());   // helm stores the rebuilt chart again

        // The control plane watches test now: its package builds.
        QTRY_COMPARE_WITH_TIMEOUT(buildStatus(u"test"_s, u"hello-pkg"_s), QByteArray("succeeded"), 240000);
    }
};

QTEST_GUILESS_MAIN(TestRefereeDemoChart)
#include "tst_referee_demochart.moc"
