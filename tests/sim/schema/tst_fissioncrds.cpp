#include "SchemaTestSupport.h"
#include "TestSupport.h"

#include "sim/schema/CrdDefinition.h"
#include "sim/schema/Discovery.h"
#include "sim/schema/OpenApiV3.h"
#include "sim/schema/StructuralSchema.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;
using fd::Expected;
using fd::test::jsonObject;

// The real Fission v1.20.5 CRDs (../shared/fixtures) through the whole module: definition,
// discovery, OpenAPI, and the structural schema applied to custom resources.
class TestFissionCrds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyCrdIsAccepted();
    void discoveryListsThem();
    void openApiDocument();
    void packageBuildStatusDefault();
    void packageStrictUnknownFields();
    void packageValidation_data();
    void packageValidation();
    void environmentDefaultsInsideArrays();
    void environmentQuantities_data();
    void environmentQuantities();

private:
    std::optional<CrdDefinition> definition(const QString &kind) const;
    StructuralSchema schemaOf(const QString &kind) const;

    QList<std::pair<QString, QJsonObject>> m_crds;
    QList<CrdDefinition> m_definitions;
};

void TestFissionCrds::initTestCase()
{
    const auto crds = fd::test::fissionCrds();
    if (!crds)
        FD_SKIP_LOUDLY(QStringLiteral("../shared/fixtures/crds/fission-v1.20.5 is not available"));
    m_crds = *crds;
    QCOMPARE(m_crds.size(), 8);
    for (const auto &[file, json] : std::as_const(m_crds)) {
        const Expected<CrdDefinition, FieldErrors> crd = CrdDefinition::fromJson(json);
        if (!crd) {
            QStringList problems;
            for (const FieldError &error : crd.error())
                problems << error.toString();
            QFAIL(qPrintable(file + QStringLiteral(": ") + problems.join(QLatin1Char('\n'))));
        }
        m_definitions << crd.value();
    }
}

std::optional<CrdDefinition> TestFissionCrds::definition(const QString &kind) const
{
    for (const CrdDefinition &crd : m_definitions) {
        if (crd.names().kind == kind)
            return crd;
    }
    return std::nullopt;
}

StructuralSchema TestFissionCrds::schemaOf(const QString &kind) const
{
    const std::optional<CrdDefinition> crd = definition(kind);
    if (!crd)
        qFatal("no CRD for %s", qPrintable(kind));
    const Expected<StructuralSchema, QString> schema = StructuralSchema::fromJson(crd->version(QStringLiteral("v1"))->schema);
    if (!schema)
        qFatal("schema of %s rejected: %s", qPrintable(kind), qPrintable(schema.error()));
    return schema.value();
}

void TestFissionCrds::everyCrdIsAccepted()
{
    QList<ResourceType> served = fd::test::sampleBuiltinTypes();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const CrdDefinition &crd : std::as_const(m_definitions)) {
        QCOMPARE(crd.group(), QStringLiteral("fission.io"));
        QCOMPARE(crd.storageVersion(), QStringLiteral("v1"));
        QVERIFY(crd.namespaced());
        const CrdNameCheck names = crd.checkNames(served);
        QVERIFY2(names.accepted, qPrintable(crd.name() + QStringLiteral(": ") + names.message));
        const QJsonObject status = crd.status(names, {}, now);
        QCOMPARE(status.value(QStringLiteral("conditions")).toArray().at(1).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("InitialNamesAccepted"));
        const QList<ResourceType> types = crd.resourceTypes(names.acceptedNames);
        QCOMPARE(types.size(), 1);
        QVERIFY(types.first().preferred);
        QVERIFY(!types.first().schema.isEmpty());
        QVERIFY2(StructuralSchema::fromJson(types.first().schema), qPrintable(crd.name()));
        served << types;
    }
    const std::optional<CrdDefinition> packages = definition(QStringLiteral("Package"));
    QVERIFY(packages);
    QCOMPARE(packages->names().shortNames, QStringList{QStringLiteral("pkg")});
    QVERIFY(!packages->version(QStringLiteral("v1"))->hasStatus);
    QVERIFY(definition(QStringLiteral("Environment"))->version(QStringLiteral("v1"))->hasStatus);
    // A second copy of an installed CRD's names conflicts (here: a CRD claiming "fn").
    QJsonObject clash = jsonObject(R"({"metadata":{"name":"fns.fission.io"},"spec":{"group":"fission.io","scope":"Namespaced",
        "names":{"plural":"fns","kind":"Fn","shortNames":["fn"]},
        "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}}]}})");
    const CrdNameCheck check = CrdDefinition::fromJson(clash)->checkNames(served);
    QVERIFY(!check.accepted);
    QCOMPARE(check.reason, QStringLiteral("ShortNamesConflict"));
    QCOMPARE(check.message, QStringLiteral("\"fn\" is already in use"));
}

void TestFissionCrds::discoveryListsThem()
{
    CatalogSnapshot snapshot{fd::test::sampleBuiltinTypes(), fd::test::sampleGroupOrder(), 1};
    for (const CrdDefinition &crd : std::as_const(m_definitions))
        snapshot.types << crd.resourceTypes();
    const std::optional<QJsonObject> list = Discovery::apiResourceList(snapshot, QStringLiteral("fission.io"), QStringLiteral("v1"));
    QVERIFY(list);
    QStringList names;
    for (const QJsonValue &resource : list->value(QStringLiteral("resources")).toArray())
        names << resource.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(names, (QStringList{QStringLiteral("canaryconfigs"), QStringLiteral("environments"), QStringLiteral("environments/status"),
                                 QStringLiteral("functions"), QStringLiteral("functions/status"), QStringLiteral("httptriggers"),
                                 QStringLiteral("httptriggers/status"), QStringLiteral("kuberneteswatchtriggers"),
                                 QStringLiteral("kuberneteswatchtriggers/status"), QStringLiteral("messagequeuetriggers"),
                                 QStringLiteral("packages"), QStringLiteral("timetriggers"), QStringLiteral("timetriggers/status")}));
    const QJsonObject groups = Discovery::apiGroupList(snapshot);
    const QJsonObject fission = groups.value(QStringLiteral("groups")).toArray().last().toObject();
    QCOMPARE(fission.value(QStringLiteral("name")).toString(), QStringLiteral("fission.io"));
    QCOMPARE(fission.value(QStringLiteral("preferredVersion")).toObject().value(QStringLiteral("groupVersion")).toString(),
             QStringLiteral("fission.io/v1"));
}

void TestFissionCrds::openApiDocument()
{
    CatalogSnapshot snapshot{fd::test::sampleBuiltinTypes(), fd::test::sampleGroupOrder(), 7};
    for (const CrdDefinition &crd : std::as_const(m_definitions))
        snapshot.types << crd.resourceTypes();
    OpenApiV3 openApi;
    openApi.update(snapshot);
    QElapsedTimer timer;
    timer.start();
    const std::optional<OpenApiV3::Document> document = openApi.document(QStringLiteral("apis/fission.io/v1"));
    QVERIFY(document);
    qInfo("rendered every document in %lld ms; fission.io/v1 is %lld bytes", static_cast<long long>(timer.elapsed()),
          static_cast<long long>(document->json.size()));
    QVERIFY(document->json.size() > 1000000); // the Environment schema alone is big

    const QJsonObject json = QJsonDocument::fromJson(document->json).object();
    const QJsonObject schemas = json.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
    const QJsonObject paths = json.value(QStringLiteral("paths")).toObject();
    for (const CrdDefinition &crd : std::as_const(m_definitions)) {
        const QString model = QStringLiteral("io.fission.v1.") + crd.names().kind;
        QVERIFY2(schemas.contains(model), qPrintable(model));
        QVERIFY2(schemas.contains(model + QStringLiteral("List")), qPrintable(model));
        const QJsonObject gvk{{QStringLiteral("group"), QStringLiteral("fission.io")},
                              {QStringLiteral("kind"), crd.names().kind},
                              {QStringLiteral("version"), QStringLiteral("v1")}};
        QVERIFY(schemas.value(model).toObject().value(QStringLiteral("x-kubernetes-group-version-kind")).toArray().contains(gvk));
        const QJsonObject patch = paths.value(QStringLiteral("/apis/fission.io/v1/namespaces/{namespace}/") + crd.names().plural
                                              + QStringLiteral("/{name}")).toObject().value(QStringLiteral("patch")).toObject();
        QCOMPARE(patch.value(QStringLiteral("x-kubernetes-group-version-kind")).toObject(), gvk);
        bool fieldValidation = false;
        for (const QJsonValue &parameter : patch.value(QStringLiteral("parameters")).toArray())
            fieldValidation |= parameter.toObject().value(QStringLiteral("name")).toString() == QLatin1String("fieldValidation");
        QVERIFY2(fieldValidation, qPrintable(crd.names().plural));
    }
    const QJsonObject packageSpec = schemas.value(QStringLiteral("io.fission.v1.Package")).toObject()
                                        .value(QStringLiteral("properties")).toObject().value(QStringLiteral("spec")).toObject();
    QVERIFY(packageSpec.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("buildcmd")));

    // Same generation: the cached bytes are handed out again.
    openApi.update(snapshot);
    QCOMPARE(openApi.document(QStringLiteral("apis/fission.io/v1"))->hash, document->hash);
}

void TestFissionCrds::packageBuildStatusDefault()
{
    const StructuralSchema schema = schemaOf(QStringLiteral("Package"));
    QJsonObject package = jsonObject(R"({"apiVersion":"fission.io/v1","kind":"Package","metadata":{"name":"p","namespace":"default"},
        "spec":{"environment":{"name":"python","namespace":"default"},"deployment":{"type":"literal","literal":"aGVsbG8="}},
        "status":{}})");
    QVERIFY(schema.coerce(package).isEmpty());
    QCOMPARE(package.value(QStringLiteral("status")).toObject().value(QStringLiteral("buildstatus")).toString(), QStringLiteral("pending"));
    QVERIFY(schema.validate(package).isEmpty());

    // No status object, no default inside it (defaults never create absent parents).
    QJsonObject bare = jsonObject(R"({"apiVersion":"fission.io/v1","kind":"Package","metadata":{"name":"p"},
        "spec":{"environment":{"name":"python","namespace":"default"}}})");
    schema.coerce(bare);
    QVERIFY(!bare.contains(QStringLiteral("status")));

    // An explicit value stays; a null is replaced.
    QJsonObject explicitStatus = jsonObject(R"({"metadata":{},"spec":{"environment":{"name":"a","namespace":"b"}},
        "status":{"buildstatus":"succeeded","lastUpdateTimestamp":null}})");
    schema.coerce(explicitStatus);
    QCOMPARE(explicitStatus.value(QStringLiteral("status")).toObject(),
             jsonObject(R"({"buildstatus":"succeeded","lastUpdateTimestamp":null})"));
    QJsonObject nullStatus = jsonObject(R"({"metadata":{},"spec":{"environment":{"name":"a","namespace":"b"}},"status":{"buildstatus":null}})");
    schema.coerce(nullStatus);
    QCOMPARE(nullStatus.value(QStringLiteral("status")).toObject().value(QStringLiteral("buildstatus")).toString(), QStringLiteral("pending"));
}

void TestFissionCrds::packageStrictUnknownFields()
{
    const StructuralSchema schema = schemaOf(QStringLiteral("Package"));
    QJsonObject package = jsonObject(R"({"apiVersion":"fission.io/v1","kind":"Package","metadata":{"name":"p","labels":{"a":"b"}},
        "spec":{"environment":{"name":"python","namespace":"default","bogus":1},"foo":"bar",
                "deployment":{"type":"url","url":"http:\/\/x","checksum":{"type":"sha256","sum":"00","algo":"x"}}},
        "status":{"buildstatus":"failed","buildlog":"oops","extra":[1]}})");
    const QStringList unknown = schema.coerce(package);
    QCOMPARE(unknown, (QStringList{QStringLiteral("spec.deployment.checksum.algo"), QStringLiteral("spec.environment.bogus"),
                                   QStringLiteral("spec.foo"), QStringLiteral("status.extra")}));
    QVERIFY(!package.value(QStringLiteral("spec")).toObject().contains(QStringLiteral("foo")));
    QCOMPARE(package.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject().value(QStringLiteral("a")).toString(),
             QStringLiteral("b"));
}

void TestFissionCrds::packageValidation_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("valid") << QByteArray(R"({"environment":{"name":"python","namespace":"default"},"buildcmd":"./build.sh"})")
                           << QStringList();
    QTest::addRow("environment missing") << QByteArray(R"({"buildcmd":"./build.sh"})")
                                         << QStringList{QStringLiteral("spec.environment: Required value")};
    QTest::addRow("namespace missing")
        << QByteArray(R"({"environment":{"name":"python"}})") << QStringList{QStringLiteral("spec.environment.namespace: Required value")};
    QTest::addRow("buildcmd not a string")
        << QByteArray(R"({"environment":{"name":"python","namespace":"default"},"buildcmd":5})")
        << QStringList{QStringLiteral(R"(spec.buildcmd: Invalid value: "integer": spec.buildcmd in body must be of type string: "integer")")};
    QTest::addRow("literal not base64")
        << QByteArray(R"({"environment":{"name":"python","namespace":"default"},"source":{"type":"literal","literal":"%%%"}})")
        << QStringList{QStringLiteral(R"(spec.source.literal: Invalid value: "%%%": spec.source.literal in body must be of type byte: "%%%")")};
}

void TestFissionCrds::packageValidation()
{
    QFETCH(QByteArray, spec);
    QFETCH(QStringList, expected);
    QJsonObject package = jsonObject(R"({"apiVersion":"fission.io/v1","kind":"Package","metadata":{"name":"p"}})");
    package.insert(QStringLiteral("spec"), jsonObject(spec.constData()));
    const StructuralSchema schema = schemaOf(QStringLiteral("Package"));
    schema.coerce(package);
    QStringList errors;
    for (const FieldError &error : schema.validate(package))
        errors << error.toString();
    QCOMPARE(errors, expected);
}

void TestFissionCrds::environmentDefaultsInsideArrays()
{
    const StructuralSchema schema = schemaOf(QStringLiteral("Environment"));
    QJsonObject environment = jsonObject(R"({"apiVersion":"fission.io/v1","kind":"Environment","metadata":{"name":"python"},
        "spec":{"version":3,"poolsize":3,"runtime":{"image":"ghcr.io/fission/python-env",
          "podspec":{"containers":[{"name":"python","ports":[{"containerPort":8888},{"containerPort":53,"protocol":"UDP"}]}]}},
          "builder":{"image":"ghcr.io/fission/python-builder","command":"build"}}})");
    QVERIFY(schema.coerce(environment).isEmpty());
    const QJsonArray ports = environment.value(QStringLiteral("spec")).toObject().value(QStringLiteral("runtime")).toObject()
                                 .value(QStringLiteral("podspec")).toObject().value(QStringLiteral("containers")).toArray()
                                 .first().toObject().value(QStringLiteral("ports")).toArray();
    QCOMPARE(ports.at(0).toObject().value(QStringLiteral("protocol")).toString(), QStringLiteral("TCP"));
    QCOMPARE(ports.at(1).toObject().value(QStringLiteral("protocol")).toString(), QStringLiteral("UDP"));
    QVERIFY(schema.validate(environment).isEmpty());
}

void TestFissionCrds::environmentQuantities_data()
{
    QTest::addColumn<QJsonValue>("cpu");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("millicores") << QJsonValue(QStringLiteral("200m")) << QStringList();
    QTest::addRow("integer") << QJsonValue(2) << QStringList();
    QTest::addRow("binary suffix") << QJsonValue(QStringLiteral("1.5Gi")) << QStringList();
    QTest::addRow("not a quantity") << QJsonValue(QStringLiteral("lots"))
                                    << QStringList{QStringLiteral("FieldValueInvalid|spec.resources.limits.cpu")};
    QTest::addRow("boolean") << QJsonValue(true) << QStringList{QStringLiteral("FieldValueTypeInvalid|spec.resources.limits.cpu")};
}

void TestFissionCrds::environmentQuantities()
{
    QFETCH(QJsonValue, cpu);
    QFETCH(QStringList, expected);
    QJsonObject environment = jsonObject(R"({"apiVersion":"fission.io/v1","kind":"Environment","metadata":{"name":"e"},
        "spec":{"version":2,"runtime":{"image":"x"},"resources":{"limits":{}}}})");
    QJsonObject spec = environment.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("resources"), QJsonObject{{QStringLiteral("limits"), QJsonObject{{QStringLiteral("cpu"), cpu}}}});
    environment.insert(QStringLiteral("spec"), spec);
    const StructuralSchema schema = schemaOf(QStringLiteral("Environment"));
    QVERIFY(schema.coerce(environment).isEmpty());
    QStringList errors;
    for (const FieldError &error : schema.validate(environment)) {
        if (!errors.contains(error.reason + QLatin1Char('|') + error.field))
            errors << error.reason + QLatin1Char('|') + error.field;
    }
    if (expected.isEmpty() || errors.isEmpty()) {
        QCOMPARE(errors, expected);
        return;
    }
    QCOMPARE(errors.first(), expected.first());
}

QTEST_GUILESS_MAIN(TestFissionCrds)
#include "tst_fissioncrds.moc"
