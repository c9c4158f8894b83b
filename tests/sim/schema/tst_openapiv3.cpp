#include "SchemaTestSupport.h"

#include "sim/schema/OpenApiV2.h"
#include "sim/schema/OpenApiV3.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMultiMap>
#include <QTest>

using namespace fd::sim;
using fd::test::jsonObject;

class TestOpenApiV3 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelNames_data();
    void modelNames();
    void everyResourceHasValidatingPatch();
    void patchNeverOffersStrategicMerge();
    void everyOperationIsTagged();
    void refsResolve();
    void explainPods();
    void explainDeploymentSpec();
    void pathsFollowScope();
    void createOnlyKinds();
    void customResourceDocument();
    void embeddedResourcesGetMeta();
    void rootAndHashes();
    void cachePerGeneration();
    void emptyV2Document();
};

namespace {

CatalogSnapshot sampleSnapshot(int generation = 1)
{
    return {fd::test::sampleBuiltinTypes(), fd::test::sampleGroupOrder(), generation};
}

QJsonObject gvk(const QString &group, const QString &version, const QString &kind)
{
    return {{QStringLiteral("group"), group}, {QStringLiteral("kind"), kind}, {QStringLiteral("version"), version}};
}

const QStringList kMethods{QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"), QStringLiteral("delete"),
                           QStringLiteral("patch")};

bool hasQueryParameter(const QJsonObject &operation, const QString &name)
{
    const QJsonArray parameters = operation.value(QStringLiteral("parameters")).toArray();
    for (const QJsonValue &parameter : parameters) {
        const QJsonObject object = parameter.toObject();
        if (object.value(QStringLiteral("name")).toString() == name && object.value(QStringLiteral("in")).toString() == QLatin1String("query"))
            return true;
    }
    return false;
}

QJsonObject resolve(const QJsonObject &document, QJsonObject schema)
{
    for (int i = 0; i < 10 && schema.contains(QStringLiteral("$ref")); ++i) {
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        schema = document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject()
                     .value(ref.mid(QStringLiteral("#/components/schemas/").size())).toObject();
    }
    return schema;
}

// What `kubectl explain <resource>.<fields>` does with a v3 document (plaintext template):
// the GVK of the resource's list/get operation, the component schema carrying that GVK,
// then properties, items and refs down the field path. Returns the schema reached.
std::optional<QJsonObject> explain(const QJsonObject &document, const QString &prefix, const QString &version,
                                   const QString &resource, const QStringList &fieldPath)
{
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    QJsonObject found;
    for (const QString &path : {prefix + QLatin1Char('/') + version + QLatin1Char('/') + resource,
                                prefix + QLatin1Char('/') + version + QLatin1Char('/') + resource + QStringLiteral("/{name}"),
                                prefix + QLatin1Char('/') + version + QStringLiteral("/namespaces/{namespace}/") + resource,
                                prefix + QLatin1Char('/') + version + QStringLiteral("/namespaces/{namespace}/") + resource
                                    + QStringLiteral("/{name}")}) {
        for (const QString &method : kMethods) {
            const QJsonObject operation = paths.value(path).toObject().value(method).toObject();
            if (found.isEmpty() && operation.contains(QStringLiteral("x-kubernetes-group-version-kind")))
                found = operation.value(QStringLiteral("x-kubernetes-group-version-kind")).toObject();
        }
    }
    if (found.isEmpty())
        return std::nullopt;
    QJsonObject schema;
    const QJsonObject schemas = document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
    for (auto it = schemas.begin(); it != schemas.end() && schema.isEmpty(); ++it) {
        if (it.value().toObject().value(QStringLiteral("x-kubernetes-group-version-kind")).toArray().contains(found))
            schema = it.value().toObject();
    }
    if (schema.isEmpty())
        return std::nullopt;
    for (const QString &field : fieldPath) {
        schema = resolve(document, schema);
        while (schema.contains(QStringLiteral("items")))
            schema = resolve(document, schema.value(QStringLiteral("items")).toObject());
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        if (!properties.contains(field))
            return std::nullopt;
        schema = properties.value(field).toObject();
    }
    schema = resolve(document, schema);
    while (schema.contains(QStringLiteral("items")))
        schema = resolve(document, schema.value(QStringLiteral("items")).toObject());
    return schema;
}

void collectRefs(const QJsonValue &value, QStringList &refs)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                refs << it.value().toString();
            else
                collectRefs(it.value(), refs);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &entry : value.toArray())
            collectRefs(entry, refs);
    }
}

ResourceType widgetType()
{
    ResourceType widgets = fd::test::sampleType(QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("Widget"),
                                                QStringLiteral("widgets"), true);
    widgets.custom = true;
    widgets.hasStatus = true;
    widgets.hasScale = true;
    widgets.schema = jsonObject(R"({"type":"object","description":"A widget.","properties":{
        "metadata":{"type":"object"},
        "spec":{"type":"object","properties":{"color":{"type":"string","description":"Paint colour."}}},
        "status":{"type":"object"}}})");
    return widgets;
}

} // namespace

void TestOpenApiV3::modelNames_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("custom");
    QTest::addColumn<QString>("expected");
    QTest::addRow("core") << "" << "v1" << "Pod" << false << "io.k8s.api.core.v1.Pod";
    QTest::addRow("apps") << "apps" << "v1" << "Deployment" << false << "io.k8s.api.apps.v1.Deployment";
    QTest::addRow("rbac") << "rbac.authorization.k8s.io" << "v1" << "Role" << false << "io.k8s.api.rbac.v1.Role";
    QTest::addRow("autoscaling v2") << "autoscaling" << "v2" << "HorizontalPodAutoscaler" << false
                                    << "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler";
    QTest::addRow("crd kind") << "apiextensions.k8s.io" << "v1" << "CustomResourceDefinition" << false
                              << "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition";
    QTest::addRow("fission") << "fission.io" << "v1" << "Package" << true << "io.fission.v1.Package";
    QTest::addRow("deep group") << "widgets.example.com" << "v1beta1" << "Widget" << true << "com.example.widgets.v1beta1.Widget";
}

void TestOpenApiV3::modelNames()
{
    QFETCH(QString, group);
    QFETCH(QString, version);
    QFETCH(QString, kind);
    QFETCH(bool, custom);
    QFETCH(QString, expected);
    QCOMPARE(OpenApiV3::modelName(group, version, kind, custom), expected);
}

void TestOpenApiV3::everyResourceHasValidatingPatch()
{
    CatalogSnapshot snapshot = sampleSnapshot();
    snapshot.types << widgetType();
    for (const ResourceType &type : snapshot.types) {
        if (!type.allows(QStringLiteral("patch")))
            continue;
        const QJsonObject document = OpenApiV3::buildDocument(snapshot, type.group, type.version);
        const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
        // cli-runtime takes the first PATCH operation with the kind's GVK, in map order,
        // so every one of them must offer fieldValidation.
        int matching = 0;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject patch = it.value().toObject().value(QStringLiteral("patch")).toObject();
            if (patch.value(QStringLiteral("x-kubernetes-group-version-kind")).toObject() != gvk(type.group, type.version, type.kind))
                continue;
            ++matching;
            QVERIFY2(hasQueryParameter(patch, QStringLiteral("fieldValidation")), qPrintable(it.key()));
            QVERIFY2(hasQueryParameter(patch, QStringLiteral("fieldManager")), qPrintable(it.key()));
            QVERIFY2(hasQueryParameter(patch, QStringLiteral("dryRun")), qPrintable(it.key()));
            QVERIFY2(hasQueryParameter(patch, QStringLiteral("force")), qPrintable(it.key()));
            QCOMPARE(patch.value(QStringLiteral("x-kubernetes-action")).toString(), QStringLiteral("patch"));
        }
        QVERIFY2(matching >= 1, qPrintable(type.qualifiedName()));
        QCOMPARE(matching, type.hasStatus ? 2 : 1);
    }
}

void TestOpenApiV3::patchNeverOffersStrategicMerge()
{
    CatalogSnapshot snapshot = sampleSnapshot();
    snapshot.types << widgetType();
    for (const QString &group : snapshot.groups()) {
        for (const QString &version : snapshot.versionsOf(group)) {
            const QJsonObject paths = OpenApiV3::buildDocument(snapshot, group, version).value(QStringLiteral("paths")).toObject();
            for (auto it = paths.begin(); it != paths.end(); ++it) {
                const QJsonObject patch = it.value().toObject().value(QStringLiteral("patch")).toObject();
                if (patch.isEmpty())
                    continue;
                const QJsonObject content = patch.value(QStringLiteral("requestBody")).toObject().value(QStringLiteral("content")).toObject();
                QCOMPARE(content.keys(), (QStringList{QStringLiteral("application/apply-patch+yaml"), QStringLiteral("application/json-patch+json"),
                                                      QStringLiteral("application/merge-patch+json")}));
            }
        }
    }
}

void TestOpenApiV3::everyOperationIsTagged()
{
    const QJsonObject document = OpenApiV3::buildDocument(sampleSnapshot(), QString(), QStringLiteral("v1"));
    QCOMPARE(document.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.0"));
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    QVERIFY(paths.size() > 10);
    QSet<QString> operationIds;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        QVERIFY2(item.contains(QStringLiteral("parameters")), qPrintable(it.key()));
        for (const QString &method : kMethods) {
            if (!item.contains(method))
                continue;
            const QJsonObject operation = item.value(method).toObject();
            QVERIFY2(operation.value(QStringLiteral("x-kubernetes-group-version-kind")).isObject(), qPrintable(it.key()));
            QVERIFY2(!operation.value(QStringLiteral("x-kubernetes-action")).toString().isEmpty(), qPrintable(it.key()));
            const QString id = operation.value(QStringLiteral("operationId")).toString();
            QVERIFY2(!operationIds.contains(id), qPrintable(id));
            operationIds.insert(id);
        }
    }
    for (const QString &id : {QStringLiteral("listCoreV1NamespacedPod"), QStringLiteral("listCoreV1PodForAllNamespaces"),
                              QStringLiteral("createCoreV1NamespacedPod"), QStringLiteral("readCoreV1NamespacedPodStatus"),
                              QStringLiteral("patchCoreV1Namespace"), QStringLiteral("deleteCoreV1CollectionNamespacedConfigMap")})
        QVERIFY2(operationIds.contains(id), qPrintable(id));
}

void TestOpenApiV3::refsResolve()
{
    CatalogSnapshot snapshot = sampleSnapshot();
    snapshot.types << widgetType();
    for (const QString &group : snapshot.groups()) {
        for (const QString &version : snapshot.versionsOf(group)) {
            const QJsonObject document = OpenApiV3::buildDocument(snapshot, group, version);
            const QJsonObject schemas = document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
            QStringList refs;
            collectRefs(document, refs);
            QVERIFY(!refs.isEmpty());
            for (const QString &ref : std::as_const(refs)) {
                QVERIFY2(ref.startsWith(QStringLiteral("#/components/schemas/")), qPrintable(ref));
                QVERIFY2(schemas.contains(ref.mid(21)), qPrintable(group + QLatin1Char('/') + version + QStringLiteral(": ") + ref));
            }
            for (const QString &model : {QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                                         QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Status"),
                                         QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Patch")}) {
                if (!snapshot.typesAt(group, version).first().allows(QStringLiteral("patch")))
                    continue;
                QVERIFY2(schemas.contains(model), qPrintable(model));
            }
        }
    }
}

void TestOpenApiV3::explainPods()
{
    const QJsonObject document = OpenApiV3::buildDocument(sampleSnapshot(), QString(), QStringLiteral("v1"));
    const std::optional<QJsonObject> pod = explain(document, QStringLiteral("/api"), QStringLiteral("v1"), QStringLiteral("pods"), {});
    QVERIFY(pod);
    QVERIFY(pod->value(QStringLiteral("description")).toString().contains(QStringLiteral("containers")));
    for (const QString &field : {QStringLiteral("apiVersion"), QStringLiteral("kind"), QStringLiteral("metadata"),
                                 QStringLiteral("spec"), QStringLiteral("status")})
        QVERIFY2(pod->value(QStringLiteral("properties")).toObject().contains(field), qPrintable(field));
    const std::optional<QJsonObject> image = explain(document, QStringLiteral("/api"), QStringLiteral("v1"), QStringLiteral("pods"),
                                                     {QStringLiteral("spec"), QStringLiteral("containers"), QStringLiteral("image")});
    QVERIFY(image);
    QCOMPARE(image->value(QStringLiteral("type")).toString(), QStringLiteral("string"));
    const std::optional<QJsonObject> phase = explain(document, QStringLiteral("/api"), QStringLiteral("v1"), QStringLiteral("pods"),
                                                     {QStringLiteral("status"), QStringLiteral("phase")});
    QVERIFY(phase);
    QVERIFY(phase->value(QStringLiteral("enum")).toArray().contains(QStringLiteral("Running")));
    for (const QString &resource : {QStringLiteral("services"), QStringLiteral("configmaps"), QStringLiteral("secrets"),
                                    QStringLiteral("namespaces"), QStringLiteral("serviceaccounts")})
        QVERIFY2(explain(document, QStringLiteral("/api"), QStringLiteral("v1"), resource, {QStringLiteral("metadata"), QStringLiteral("labels")}),
                 qPrintable(resource));
    QVERIFY(explain(document, QStringLiteral("/api"), QStringLiteral("v1"), QStringLiteral("services"),
                    {QStringLiteral("spec"), QStringLiteral("ports"), QStringLiteral("targetPort")}));
    QVERIFY(explain(document, QStringLiteral("/api"), QStringLiteral("v1"), QStringLiteral("secrets"), {QStringLiteral("stringData")}));
    QVERIFY(!explain(document, QStringLiteral("/api"), QStringLiteral("v1"), QStringLiteral("pods"), {QStringLiteral("nonsense")}));
}

void TestOpenApiV3::explainDeploymentSpec()
{
    const QJsonObject document = OpenApiV3::buildDocument(sampleSnapshot(), QStringLiteral("apps"), QStringLiteral("v1"));
    const std::optional<QJsonObject> spec =
        explain(document, QStringLiteral("/apis/apps"), QStringLiteral("v1"), QStringLiteral("deployments"), {QStringLiteral("spec")});
    QVERIFY(spec);
    const QJsonObject properties = spec->value(QStringLiteral("properties")).toObject();
    for (const QString &field : {QStringLiteral("replicas"), QStringLiteral("selector"), QStringLiteral("template"), QStringLiteral("strategy")})
        QVERIFY2(properties.contains(field), qPrintable(field));
    QVERIFY(explain(document, QStringLiteral("/apis/apps"), QStringLiteral("v1"), QStringLiteral("deployments"),
                    {QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers"),
                     QStringLiteral("resources"), QStringLiteral("limits")}));
    QVERIFY(explain(document, QStringLiteral("/apis/apps"), QStringLiteral("v1"), QStringLiteral("deployments"),
                    {QStringLiteral("status"), QStringLiteral("conditions"), QStringLiteral("reason")}));
}

void TestOpenApiV3::pathsFollowScope()
{
    const QJsonObject core = OpenApiV3::buildDocument(sampleSnapshot(), QString(), QStringLiteral("v1"))
                                 .value(QStringLiteral("paths")).toObject();
    QVERIFY(core.contains(QStringLiteral("/api/v1/pods")));
    QVERIFY(core.value(QStringLiteral("/api/v1/pods")).toObject().contains(QStringLiteral("get")));
    QVERIFY(!core.value(QStringLiteral("/api/v1/pods")).toObject().contains(QStringLiteral("post")));
    QVERIFY(core.contains(QStringLiteral("/api/v1/namespaces/{namespace}/pods/{name}/status")));
    QVERIFY(core.contains(QStringLiteral("/api/v1/namespaces/{name}")));
    QVERIFY(core.contains(QStringLiteral("/api/v1/namespaces/{name}/status")));
    QVERIFY(!core.contains(QStringLiteral("/api/v1/namespaces/{namespace}/namespaces")));
    QVERIFY(!core.contains(QStringLiteral("/api/v1/namespaces/{namespace}/configmaps/{name}/status")));
    const QJsonArray itemParams = core.value(QStringLiteral("/api/v1/namespaces/{namespace}/pods/{name}")).toObject()
                                      .value(QStringLiteral("parameters")).toArray();
    QStringList names;
    for (const QJsonValue &param : itemParams)
        names << param.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(names, (QStringList{QStringLiteral("name"), QStringLiteral("namespace"), QStringLiteral("pretty")}));

    const QJsonObject apps = OpenApiV3::buildDocument(sampleSnapshot(), QStringLiteral("apps"), QStringLiteral("v1"))
                                 .value(QStringLiteral("paths")).toObject();
    const QJsonObject scale = apps.value(QStringLiteral("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale")).toObject();
    QCOMPARE(scale.value(QStringLiteral("patch")).toObject().value(QStringLiteral("x-kubernetes-group-version-kind")).toObject(),
             gvk(QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")));
    QVERIFY(hasQueryParameter(scale.value(QStringLiteral("patch")).toObject(), QStringLiteral("fieldValidation")));
    const QJsonObject list = apps.value(QStringLiteral("/apis/apps/v1/namespaces/{namespace}/deployments")).toObject()
                                 .value(QStringLiteral("get")).toObject();
    QCOMPARE(list.value(QStringLiteral("x-kubernetes-action")).toString(), QStringLiteral("list"));
    QVERIFY(hasQueryParameter(list, QStringLiteral("watch")));
    QVERIFY(hasQueryParameter(list, QStringLiteral("sendInitialEvents")));
    QVERIFY(list.value(QStringLiteral("responses")).toObject().value(QStringLiteral("200")).toObject()
                .value(QStringLiteral("content")).toObject().contains(QStringLiteral("application/json;stream=watch")));
}

void TestOpenApiV3::createOnlyKinds()
{
    const QJsonObject document = OpenApiV3::buildDocument(sampleSnapshot(), QStringLiteral("authorization.k8s.io"), QStringLiteral("v1"));
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    QCOMPARE(paths.keys(), QStringList{QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")});
    const QJsonObject item = paths.constBegin().value().toObject();
    QVERIFY(item.contains(QStringLiteral("post")));
    QVERIFY(!item.contains(QStringLiteral("get")));
    QVERIFY(hasQueryParameter(item.value(QStringLiteral("post")).toObject(), QStringLiteral("fieldValidation")));
}

void TestOpenApiV3::customResourceDocument()
{
    CatalogSnapshot snapshot = sampleSnapshot();
    snapshot.types << widgetType();
    const QJsonObject document = OpenApiV3::buildDocument(snapshot, QStringLiteral("example.com"), QStringLiteral("v1"));
    const QJsonObject schemas = document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
    const QJsonObject widget = schemas.value(QStringLiteral("com.example.v1.Widget")).toObject();
    QCOMPARE(widget.value(QStringLiteral("description")).toString(), QStringLiteral("A widget."));
    QCOMPARE(widget.value(QStringLiteral("x-kubernetes-group-version-kind")).toArray(),
             QJsonArray{gvk(QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("Widget"))});
    const QJsonObject properties = widget.value(QStringLiteral("properties")).toObject();
    QCOMPARE(properties.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("$ref")).toString(),
             QStringLiteral("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
    QCOMPARE(properties.value(QStringLiteral("apiVersion")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("string"));
    QVERIFY(schemas.contains(QStringLiteral("com.example.v1.WidgetList")));
    QVERIFY(schemas.contains(QStringLiteral("io.k8s.api.autoscaling.v1.Scale")));
    const std::optional<QJsonObject> color = explain(document, QStringLiteral("/apis/example.com"), QStringLiteral("v1"),
                                                     QStringLiteral("widgets"), {QStringLiteral("spec"), QStringLiteral("color")});
    QVERIFY(color);
    QCOMPARE(color->value(QStringLiteral("description")).toString(), QStringLiteral("Paint colour."));

    // CRs are served as JSON and YAML only.
    const QJsonObject read = document.value(QStringLiteral("paths")).toObject()
                                 .value(QStringLiteral("/apis/example.com/v1/namespaces/{namespace}/widgets/{name}")).toObject()
                                 .value(QStringLiteral("get")).toObject();
    QCOMPARE(read.value(QStringLiteral("responses")).toObject().value(QStringLiteral("200")).toObject()
                 .value(QStringLiteral("content")).toObject().keys(),
             (QStringList{QStringLiteral("application/json"), QStringLiteral("application/yaml")}));

    ResourceType bare = widgetType();
    bare.schema = {};
    snapshot.types.last() = bare;
    const QJsonObject bareSchema = OpenApiV3::buildDocument(snapshot, QStringLiteral("example.com"), QStringLiteral("v1"))
                                       .value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject()
                                       .value(QStringLiteral("com.example.v1.Widget")).toObject();
    QCOMPARE(bareSchema.value(QStringLiteral("type")).toString(), QStringLiteral("object"));
    QVERIFY(!bareSchema.contains(QStringLiteral("properties")));
}

void TestOpenApiV3::embeddedResourcesGetMeta()
{
    CatalogSnapshot snapshot;
    ResourceType type = widgetType();
    type.schema = jsonObject(R"({"type":"object","properties":{"spec":{"type":"object","properties":{
        "template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}}})");
    snapshot.types << type;
    const QJsonObject widget = OpenApiV3::buildDocument(snapshot, QStringLiteral("example.com"), QStringLiteral("v1"))
                                   .value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject()
                                   .value(QStringLiteral("com.example.v1.Widget")).toObject();
    const QJsonObject tmpl = widget.value(QStringLiteral("properties")).toObject().value(QStringLiteral("spec")).toObject()
                                 .value(QStringLiteral("properties")).toObject().value(QStringLiteral("template")).toObject();
    QVERIFY(tmpl.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("metadata")));
    QCOMPARE(tmpl.value(QStringLiteral("required")).toArray(), (QJsonArray{QStringLiteral("kind"), QStringLiteral("apiVersion")}));
}

void TestOpenApiV3::rootAndHashes()
{
    OpenApiV3 openApi;
    openApi.update(sampleSnapshot());
    const OpenApiV3::Document root = openApi.root();
    const QJsonObject paths = QJsonDocument::fromJson(root.json).object().value(QStringLiteral("paths")).toObject();
    QCOMPARE(paths.keys(), (QStringList{QStringLiteral("api/v1"), QStringLiteral("apis/apiextensions.k8s.io/v1"),
                                        QStringLiteral("apis/apps/v1"), QStringLiteral("apis/authorization.k8s.io/v1"),
                                        QStringLiteral("apis/autoscaling/v1"), QStringLiteral("apis/autoscaling/v2")}));
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const std::optional<OpenApiV3::Document> document = openApi.document(it.key());
        QVERIFY(document);
        QCOMPARE(document->hash, QCryptographicHash::hash(document->json, QCryptographicHash::Sha512).toHex().toUpper());
        const QString url = it.value().toObject().value(QStringLiteral("serverRelativeURL")).toString();
        QCOMPARE(url, QStringLiteral("/openapi/v3/") + it.key() + QStringLiteral("?hash=") + QString::fromLatin1(document->hash));
        QCOMPARE(openApi.serverRelativeUrl(it.key()), url);
        QVERIFY(!QJsonDocument::fromJson(document->json).isNull());
    }
    QVERIFY(!openApi.document(QStringLiteral("apis/nope/v1")));
    QVERIFY(openApi.serverRelativeUrl(QStringLiteral("apis/nope/v1")).isEmpty());
    QCOMPARE(root.hash.size(), 128);
}

void TestOpenApiV3::cachePerGeneration()
{
    OpenApiV3 openApi;
    QVERIFY(openApi.root().json.contains("\"paths\":{}")); // nothing installed yet
    openApi.update(sampleSnapshot(1));
    const QByteArray first = openApi.root().hash;
    CatalogSnapshot changed = sampleSnapshot(1);
    changed.types << widgetType();
    openApi.update(changed); // same generation: ignored
    QCOMPARE(openApi.root().hash, first);
    QVERIFY(!openApi.document(QStringLiteral("apis/example.com/v1")));
    changed.generation = 2;
    openApi.update(changed);
    QVERIFY(openApi.root().hash != first);
    QVERIFY(openApi.document(QStringLiteral("apis/example.com/v1")));
}

namespace {

// Length-delimited fields of one protobuf message, by field number (enough for the v2 stub).
std::optional<QMultiMap<int, QByteArray>> protobufFields(const QByteArray &message)
{
    QMultiMap<int, QByteArray> fields;
    qsizetype at = 0;
    const auto varint = [&](quint64 &value) {
        value = 0;
        for (int shift = 0; at < message.size() && shift < 64; shift += 7) {
            const auto byte = static_cast<quint8>(message.at(at++));
            value |= static_cast<quint64>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    };
    while (at < message.size()) {
        quint64 key = 0;
        quint64 length = 0;
        if (!varint(key) || (key & 7) != 2 || !varint(length) || length > static_cast<quint64>(message.size() - at))
            return std::nullopt;
        fields.insert(static_cast<int>(key >> 3), message.mid(at, static_cast<qsizetype>(length)));
        at += static_cast<qsizetype>(length);
    }
    return fields;
}

} // namespace

void TestOpenApiV3::emptyV2Document()
{
    // client-go's mime parser rejects the '@' form clients send in Accept.
    QCOMPARE(OpenApiV2::contentType(), QByteArrayLiteral("application/com.github.proto-openapi.spec.v2.v1.0+protobuf"));
    const std::optional<QMultiMap<int, QByteArray>> document = protobufFields(OpenApiV2::emptyDocument("v1.33.0"));
    QVERIFY(document);
    QCOMPARE(document->value(1), QByteArrayLiteral("2.0"));
    QVERIFY(document->contains(8));
    QVERIFY(document->value(8).isEmpty());
    QVERIFY(!document->contains(9)); // no definitions: clients validate nothing with it
    const std::optional<QMultiMap<int, QByteArray>> info = protobufFields(document->value(2));
    QVERIFY(info);
    QCOMPARE(info->value(1), QByteArrayLiteral("Kubernetes"));
    QCOMPARE(info->value(2), QByteArrayLiteral("v1.33.0"));
}

QTEST_GUILESS_MAIN(TestOpenApiV3)
#include "tst_openapiv3.moc"
