// The chart generator: values, the control-plane objects fission-all renders and Helm's
// ordering. (The comparison with real `helm template` output is in tst_referee_fission.)
#include "SchemaTestSupport.h"
#include "TestSupport.h"

#include "sim/codec/YamlJson.h"
#include "sim/fissioninstall/ChartRenderer.h"
#include "sim/fissioninstall/ChartValues.h"
#include "sim/fissioninstall/HelmReleaseRecord.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;
using namespace fd::sim::fissioninstall;
using namespace Qt::StringLiterals;

namespace {

FissionChartValues valuesWith(FissionFlavor flavor, const QJsonObject &user)
{
    return FissionChartValues::fromEffectiveValues(coalesceValues(chartDefaultValues(flavor), user), u"fission"_s, u"fission"_s);
}

const ChartObject *find(const QList<ChartObject> &objects, const QString &kind, const QString &name, const QString &ns = {})
{
    for (const ChartObject &object : objects) {
        if (object.kind() == kind && object.name() == name && object.namespaceName() == ns)
            return &object;
    }
    return nullptr;
}

QString envOf(const QJsonObject &deployment, const QString &name)
{
    const QJsonArray containers = deployment.value(u"spec"_s).toObject().value(u"template"_s).toObject().value(u"spec"_s).toObject()
                                      .value(u"containers"_s).toArray();
    for (const QJsonValue &env : containers.at(0).toObject().value(u"env"_s).toArray()) {
        if (env.toObject().value(u"name"_s).toString() == name)
            return env.toObject().value(u"value"_s).toString(u"<valueFrom>"_s);
    }
    return u"<absent>"_s;
}

const QStringList kWatchingComponents{u"buildermgr"_s, u"executor"_s, u"kubewatcher"_s, u"mqtrigger-keda"_s,
                                      u"router"_s, u"storagesvc"_s, u"timer"_s};

} // namespace

class TestFissionInstallChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsMatchTheRealChart()
    {
        const QString shared = fd::test::sharedDir();
        if (shared.isEmpty())
            FD_SKIP_LOUDLY(u"../shared/fixtures is absent: our statement of the chart defaults is not refereed"_s);
        QFile file(shared + u"/fixtures/charts/fission-all-v1.20.5/values.yaml"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto values = yamlToJson(file.readAll());
        QVERIFY2(values, values ? "" : qPrintable(values.error()));
        QCOMPARE(chartDefaultValues(FissionFlavor::V1_20), values->toObject());
    }

    void coalescingReplacesListsAndDeletesNulls()
    {
        const QJsonObject defaults{{u"additionalFissionNamespaces"_s, QJsonArray{u"a"_s}},
                                   {u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, false}, {u"podReadyTimeout"_s, u"300s"_s}}},
                                   {u"analytics"_s, true}};
        const QJsonObject user{{u"additionalFissionNamespaces"_s, QJsonArray{u"b"_s, u"c"_s}},
                               {u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, true}}},
                               {u"analytics"_s, QJsonValue::Null}};
        const QJsonObject merged = coalesceValues(defaults, user);
        QCOMPARE(merged.value(u"additionalFissionNamespaces"_s).toArray(), (QJsonArray{u"b"_s, u"c"_s}));
        QCOMPARE(merged.value(u"executor"_s).toObject().value(u"adoptExistingResources"_s).toBool(), true);
        QCOMPARE(merged.value(u"executor"_s).toObject().value(u"podReadyTimeout"_s).toString(), u"300s"_s);
        QVERIFY(!merged.contains(u"analytics"_s));
    }

    void controlPlaneCarriesTheWatchedNamespaces_data()
    {
        QTest::addColumn<QJsonArray>("additional");
        QTest::addColumn<QString>("expected");
        QTest::addRow("defaults") << QJsonArray() << u"default"_s;
        QTest::addRow("team-a") << QJsonArray{u"team-a"_s} << u"default,team-a"_s;
        QTest::addRow("two more") << QJsonArray{u"team-a"_s, u"test"_s} << u"default,team-a,test"_s;
    }

    void controlPlaneCarriesTheWatchedNamespaces()
    {
        QFETCH(QJsonArray, additional);
        QFETCH(QString, expected);
        const RenderedChart chart =
            renderFissionChart(FissionFlavor::V1_20, valuesWith(FissionFlavor::V1_20, {{u"additionalFissionNamespaces"_s, additional}}));
        for (const QString &component : kWatchingComponents) {
            const ChartObject *deployment = find(chart.manifests, u"Deployment"_s, component);
            QVERIFY2(deployment, qPrintable(component));
            QCOMPARE(envOf(deployment->object, u"FISSION_RESOURCE_NAMESPACES"_s), expected);
            QCOMPARE(envOf(deployment->object, u"FISSION_DEFAULT_NAMESPACE"_s), u"default"_s);
            QCOMPARE(envOf(deployment->object, u"FISSION_FUNCTION_NAMESPACE"_s), QString());
            QCOMPARE(envOf(deployment->object, u"FISSION_BUILDER_NAMESPACE"_s), QString());
            QCOMPARE(envOf(deployment->object, u"FISSION_TENANCY_MODE"_s), u"<absent>"_s);
            const QJsonObject labels = deployment->object.value(u"metadata"_s).toObject().value(u"labels"_s).toObject();
            QCOMPARE(labels.value(u"chart"_s).toString(), u"fission-all-v1.20.5"_s);
        }
        // The webhook never watches namespaces.
        QCOMPARE(envOf(find(chart.manifests, u"Deployment"_s, u"webhook"_s)->object, u"FISSION_RESOURCE_NAMESPACES"_s),
                 u"<absent>"_s);
        // One Role pair set per watched namespace.
        for (const QString &ns : expected.split(QLatin1Char(','))) {
            QVERIFY2(find(chart.manifests, u"Role"_s, u"fission-executor-fission-cr"_s, ns), qPrintable(ns));
            QVERIFY2(find(chart.manifests, u"RoleBinding"_s, u"fission-fission-fetcher"_s, ns), qPrintable(ns));
        }
    }

    void componentLabelsAndImages()
    {
        const RenderedChart chart = renderFissionChart(FissionFlavor::V1_20, valuesWith(FissionFlavor::V1_20, {}));
        const ChartObject *router = find(chart.manifests, u"Deployment"_s, u"router"_s);
        QVERIFY(router);
        const QJsonObject templateLabels = router->object.value(u"spec"_s).toObject().value(u"template"_s).toObject()
                                               .value(u"metadata"_s).toObject().value(u"labels"_s).toObject();
        QCOMPARE(templateLabels, (QJsonObject{{u"svc"_s, u"router"_s}, {u"application"_s, u"fission-router"_s}}));
        const QJsonObject container = router->object.value(u"spec"_s).toObject().value(u"template"_s).toObject()
                                          .value(u"spec"_s).toObject().value(u"containers"_s).toArray().at(0).toObject();
        QCOMPARE(container.value(u"image"_s).toString(), u"ghcr.io/fission/fission-bundle:v1.20.5"_s);
        QCOMPARE(envOf(find(chart.manifests, u"Deployment"_s, u"executor"_s)->object, u"ADOPT_EXISTING_RESOURCES"_s), u"false"_s);
        const QJsonObject storage = find(chart.manifests, u"Deployment"_s, u"storagesvc"_s)->object;
        QCOMPARE(storage.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"application"_s).toString(),
                 u"fission-storage"_s);
        QVERIFY(find(chart.manifests, u"Service"_s, u"router"_s));
        QVERIFY(find(chart.manifests, u"PersistentVolumeClaim"_s, u"fission-storage-pvc"_s));
        QVERIFY(find(chart.manifests, u"ServiceAccount"_s, u"fission-fetcher"_s, u"default"_s));

        // Values reach the objects.
        const RenderedChart adopted = renderFissionChart(
            FissionFlavor::V1_20, valuesWith(FissionFlavor::V1_20, {{u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, true}}},
                                                                     {u"imageTag"_s, u"v1.20.4"_s}}));
        const QJsonObject executor = find(adopted.manifests, u"Deployment"_s, u"executor"_s)->object;
        QCOMPARE(envOf(executor, u"ADOPT_EXISTING_RESOURCES"_s), u"true"_s);
        QVERIFY(QJsonDocument(executor).toJson().contains("fission-bundle:v1.20.4"));
    }

    void deprecatedNamespaceRemap()
    {
        const RenderedChart chart = renderFissionChart(
            FissionFlavor::V1_20, valuesWith(FissionFlavor::V1_20, {{u"functionNamespace"_s, u"fission-function"_s},
                                                                     {u"builderNamespace"_s, u"fission-builder"_s}}));
        QVERIFY(find(chart.manifests, u"Namespace"_s, u"fission-function"_s));
        QVERIFY(find(chart.manifests, u"ServiceAccount"_s, u"fission-fetcher"_s, u"fission-function"_s));
        QVERIFY(find(chart.manifests, u"ServiceAccount"_s, u"fission-builder"_s, u"fission-builder"_s));
        QCOMPARE(envOf(find(chart.manifests, u"Deployment"_s, u"executor"_s)->object, u"FISSION_FUNCTION_NAMESPACE"_s),
                 u"fission-function"_s);
    }

    void helmOrderAndHooks()
    {
        const RenderedChart chart = renderFissionChart(FissionFlavor::V1_20, valuesWith(FissionFlavor::V1_20, {}));
        int last = -1;
        for (const ChartObject &object : chart.manifests) {
            QVERIFY(!object.isHook());
            const int order = installOrderOf(object.kind());
            QVERIFY2(order >= last, qPrintable(object.kind() + u" "_s + object.name()));
            last = order;
        }
        QCOMPARE(chart.manifests.first().kind(), u"ServiceAccount"_s);
        QCOMPARE(chart.manifests.last().kind(), u"ValidatingWebhookConfiguration"_s);
        QStringList hookNames;
        for (const ChartObject &hook : chart.hooks)
            hookNames << hook.kind() + u"/"_s + hook.name();
        QVERIFY(hookNames.contains(u"Job/fission-fission-all-v1.20.5"_s));
        QVERIFY(hookNames.contains(u"ServiceAccount/fission-preupgrade"_s));
        const ChartObject *install = nullptr;
        for (const ChartObject &hook : chart.hooks) {
            if (hook.hookEvents() == QStringList{u"post-install"_s})
                install = &hook;
        }
        QVERIFY(install);
        QCOMPARE(install->hookDeletePolicies(), QStringList{u"hook-succeeded"_s});
    }

    void manifestTextReadsBack()
    {
        const RenderedChart chart = renderFissionChart(FissionFlavor::V1_20, valuesWith(FissionFlavor::V1_20, {}));
        const QString text = manifestText(chart.manifests);
        QVERIFY(text.startsWith(u"---\n# Source: fission-all/templates/"_s));
        const auto documents = yamlDocumentsToJson(text.toUtf8());
        QVERIFY2(documents, documents ? "" : qPrintable(documents.error()));
        QCOMPARE(documents->size(), chart.manifests.size());
        for (qsizetype i = 0; i < documents->size(); ++i)
            QCOMPARE(documents->at(i).toObject(), chart.manifests.at(i).object);
    }

    void modernVariant()
    {
        const RenderedChart dynamic = renderFissionChart(
            FissionFlavor::Modern, valuesWith(FissionFlavor::Modern, {{u"tenancy"_s, QJsonObject{{u"mode"_s, u"dynamic"_s}}}}));
        const ChartObject *controller = find(dynamic.manifests, u"Deployment"_s, u"tenantcontroller"_s);
        QVERIFY(controller);
        QCOMPARE(controller->object.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"chart"_s).toString(),
                 u"fission-all-1.27.0"_s);
        for (const QString &component : kWatchingComponents + QStringList{u"tenantcontroller"_s})
            QCOMPARE(envOf(find(dynamic.manifests, u"Deployment"_s, component)->object, u"FISSION_TENANCY_MODE"_s), u"dynamic"_s);
        QCOMPARE(envOf(find(dynamic.manifests, u"Deployment"_s, u"executor"_s)->object, u"ADOPT_EXISTING_RESOURCES"_s), u"true"_s);
        QVERIFY(find(dynamic.manifests, u"Service"_s, u"router-internal"_s));
        QVERIFY(find(dynamic.manifests, u"Secret"_s, u"fission-internal-auth"_s, u"fission"_s));
        QVERIFY(find(dynamic.manifests, u"ClusterRole"_s, u"fission-executor-tenant-workload"_s));
        bool seed = false;
        for (const ChartObject &hook : dynamic.hooks)
            seed = seed || hook.name() == "fission-tenant-seed"_L1;
        QVERIFY(seed);

        const RenderedChart staticMode = renderFissionChart(FissionFlavor::Modern, valuesWith(FissionFlavor::Modern, {}));
        QVERIFY(!find(staticMode.manifests, u"Deployment"_s, u"tenantcontroller"_s));
        QCOMPARE(envOf(find(staticMode.manifests, u"Deployment"_s, u"router"_s)->object, u"FISSION_TENANCY_MODE"_s), u"static"_s);
    }
};

QTEST_GUILESS_MAIN(TestFissionInstallChart)
#include "tst_chart.moc"
