#include "SchemaTestSupport.h"

#include "sim/schema/CrdDefinition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;
using fd::Expected;
using fd::test::jsonObject;

class TestCrdDefinition : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validation_data();
    void validation();
    void messages_data();
    void messages();
    void notAnObject();
    void defaults();
    void resourceTypes();
    void status();
    void statusKeepsTransitionTimes();
    void nameConflicts_data();
    void nameConflicts();
    void conflictStatus();
};

namespace {

const char *const kBaseCrd = R"({
  "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
  "metadata": {"name": "widgets.example.com"},
  "spec": {
    "group": "example.com", "scope": "Namespaced",
    "names": {"plural": "widgets", "kind": "Widget", "shortNames": ["wd"], "categories": ["all"]},
    "versions": [{
      "name": "v1", "served": true, "storage": true,
      "schema": {"openAPIV3Schema": {"type": "object", "properties": {
        "spec": {"type": "object", "properties": {"color": {"type": "string"}, "size": {"type": "integer"}}},
        "status": {"type": "object", "properties": {"ready": {"type": "boolean"}}}}}},
      "subresources": {"status": {}}
    }]
  }
})";

// RFC 7386 merge patch, enough to describe each case as a change to the base CRD.
QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.toObject();
    const QJsonObject changes = patch.toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

QJsonObject crdWith(const QByteArray &patch)
{
    return mergePatch(jsonObject(kBaseCrd), jsonObject(patch.constData())).toObject();
}

QJsonObject withVersions(const char *versions)
{
    QJsonObject crd = jsonObject(kBaseCrd);
    QJsonObject spec = crd.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("versions"), fd::test::jsonValue(versions));
    crd.insert(QStringLiteral("spec"), spec);
    return crd;
}

QStringList reasonsAndFields(const FieldErrors &errors)
{
    QStringList list;
    for (const FieldError &error : errors)
        list << error.reason + QLatin1Char('|') + error.field;
    return list;
}

QByteArray schemaVersion(const char *schema)
{
    return QByteArray(R"([{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":)") + schema + "}}]";
}

} // namespace

void TestCrdDefinition::validation_data()
{
    QTest::addColumn<QJsonObject>("crd");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("valid") << jsonObject(kBaseCrd) << QStringList();
    QTest::addRow("group missing") << crdWith(R"({"spec":{"group":null},"metadata":{"name":"widgets."}})")
                                   << QStringList{QStringLiteral("FieldValueInvalid|metadata.name"),
                                                  QStringLiteral("FieldValueRequired|spec.group")};
    QTest::addRow("group without dot") << crdWith(R"({"spec":{"group":"example"},"metadata":{"name":"widgets.example"}})")
                                       << QStringList{QStringLiteral("FieldValueInvalid|spec.group")};
    QTest::addRow("group not a subdomain") << crdWith(R"({"spec":{"group":"Example.com"},"metadata":{"name":"widgets.Example.com"}})")
                                           << QStringList{QStringLiteral("FieldValueInvalid|metadata.name"),
                                                          QStringLiteral("FieldValueInvalid|spec.group")};
    QTest::addRow("scope missing") << crdWith(R"({"spec":{"scope":null}})") << QStringList{QStringLiteral("FieldValueRequired|spec.scope")};
    QTest::addRow("scope unknown") << crdWith(R"({"spec":{"scope":"Global"}})")
                                   << QStringList{QStringLiteral("FieldValueNotSupported|spec.scope")};
    QTest::addRow("name mismatch") << crdWith(R"({"metadata":{"name":"gadgets.example.com"}})")
                                   << QStringList{QStringLiteral("FieldValueInvalid|metadata.name")};
    QTest::addRow("name missing") << crdWith(R"({"metadata":{"name":null}})") << QStringList{QStringLiteral("FieldValueRequired|metadata.name")};
    QTest::addRow("no versions") << withVersions("[]") << QStringList{QStringLiteral("FieldValueInvalid|spec.versions")};
    QTest::addRow("versions not a list") << withVersions(R"("v1")") << QStringList{QStringLiteral("FieldValueInvalid|spec.versions")};
    QTest::addRow("two storage versions")
        << withVersions(R"([{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}},
                            {"name":"v2","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}}])")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.versions")};
    QTest::addRow("duplicate versions")
        << withVersions(R"([{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}},
                            {"name":"v1","served":true,"storage":false,"schema":{"openAPIV3Schema":{"type":"object"}}}])")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.versions")};
    QTest::addRow("version name invalid")
        << withVersions(R"([{"name":"V1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}}])")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.versions[0].name")};
    QTest::addRow("schema missing") << withVersions(R"([{"name":"v1","served":true,"storage":true}])")
                                    << QStringList{QStringLiteral("FieldValueRequired|spec.versions[0].schema.openAPIV3Schema")};
    QTest::addRow("root type missing") << withVersions(schemaVersion(R"({"properties":{}})"))
                                       << QStringList{QStringLiteral("FieldValueRequired|spec.versions[0].schema.openAPIV3Schema.type")};
    QTest::addRow("root type not object") << withVersions(schemaVersion(R"({"type":"string"})"))
                                          << QStringList{QStringLiteral("FieldValueInvalid|spec.versions[0].schema.openAPIV3Schema.type")};
    QTest::addRow("unknown type")
        << withVersions(schemaVersion(R"({"type":"object","properties":{"spec":{"type":"str"}}})"))
        << QStringList{QStringLiteral("FieldValueNotSupported|spec.versions[0].schema.openAPIV3Schema.properties[spec].type")};
    QTest::addRow("array without items")
        << withVersions(schemaVersion(R"({"type":"object","properties":{"l":{"type":"array"}}})"))
        << QStringList{QStringLiteral("FieldValueRequired|spec.versions[0].schema.openAPIV3Schema.properties[l].items")};
    QTest::addRow("object fields need a type")
        << withVersions(schemaVersion(R"({"type":"object","properties":{"o":{"properties":{"a":{"type":"string"}}}}})"))
        << QStringList{QStringLiteral("FieldValueRequired|spec.versions[0].schema.openAPIV3Schema.properties[o].type")};
    QTest::addRow("$ref")
        << withVersions(schemaVersion(R"({"type":"object","properties":{"o":{"$ref":"#/x"}}})"))
        << QStringList{QStringLiteral("FieldValueForbidden|spec.versions[0].schema.openAPIV3Schema.properties[o].$ref")};
    QTest::addRow("bad pattern")
        << withVersions(schemaVersion(R"({"type":"object","properties":{"s":{"type":"string","pattern":"(["}}})"))
        << QStringList{QStringLiteral("FieldValueInvalid|spec.versions[0].schema.openAPIV3Schema.properties[s].pattern")};
    QTest::addRow("kind equals listKind") << crdWith(R"({"spec":{"names":{"listKind":"Widget"}}})")
                                          << QStringList{QStringLiteral("FieldValueInvalid|spec.names.listKind")};
    QTest::addRow("plural not a label") << crdWith(R"({"spec":{"names":{"plural":"Widgets"}},"metadata":{"name":"Widgets.example.com"}})")
                                        << QStringList{QStringLiteral("FieldValueInvalid|metadata.name"),
                                                       QStringLiteral("FieldValueInvalid|spec.names.plural")};
    QTest::addRow("short name invalid") << crdWith(R"({"spec":{"names":{"shortNames":["ok","Not_OK"]}}})")
                                        << QStringList{QStringLiteral("FieldValueInvalid|spec.names.shortNames[1]")};
    QTest::addRow("category invalid") << crdWith(R"({"spec":{"names":{"categories":["all","-x"]}}})")
                                      << QStringList{QStringLiteral("FieldValueInvalid|spec.names.categories[1]")};
    QTest::addRow("kind missing") << crdWith(R"({"spec":{"names":{"kind":null}}})")
                                  << QStringList{QStringLiteral("FieldValueRequired|spec.names.singular"),
                                                 QStringLiteral("FieldValueRequired|spec.names.kind"),
                                                 QStringLiteral("FieldValueRequired|spec.names.listKind")};
    QTest::addRow("protected group") << crdWith(R"({"spec":{"group":"widgets.k8s.io"},"metadata":{"name":"widgets.widgets.k8s.io"}})")
                                     << QStringList{QStringLiteral("FieldValueRequired|metadata.annotations[api-approved.kubernetes.io]")};
    QTest::addRow("protected group approved")
        << crdWith(R"({"spec":{"group":"widgets.k8s.io"},"metadata":{"name":"widgets.widgets.k8s.io",
                       "annotations":{"api-approved.kubernetes.io":"approved"}}})")
        << QStringList();
    QTest::addRow("preserveUnknownFields") << crdWith(R"({"spec":{"preserveUnknownFields":true}})")
                                           << QStringList{QStringLiteral("FieldValueInvalid|spec.preserveUnknownFields")};
    QTest::addRow("conversion strategy") << crdWith(R"({"spec":{"conversion":{"strategy":"Magic"}}})")
                                         << QStringList{QStringLiteral("FieldValueNotSupported|spec.conversion.strategy")};
    QTest::addRow("scale paths")
        << withVersions(R"([{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}},
                            "subresources":{"scale":{"statusReplicasPath":".spec.replicas"}}}])")
        << QStringList{QStringLiteral("FieldValueRequired|spec.versions[0].subresources.scale.specReplicasPath"),
                       QStringLiteral("FieldValueInvalid|spec.versions[0].subresources.scale.statusReplicasPath")};
    QTest::addRow("selectable metadata field")
        << withVersions(R"([{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}},
                            "selectableFields":[{"jsonPath":".spec.color"},{"jsonPath":".metadata.name"},{}]}])")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.versions[0].selectableFields[1].jsonPath"),
                       QStringLiteral("FieldValueRequired|spec.versions[0].selectableFields[2].jsonPath")};
}

void TestCrdDefinition::validation()
{
    QFETCH(QJsonObject, crd);
    QFETCH(QStringList, expected);
    const Expected<CrdDefinition, FieldErrors> result = CrdDefinition::fromJson(crd);
    if (expected.isEmpty()) {
        QVERIFY2(result, qPrintable(result ? QString() : reasonsAndFields(result.error()).join(QLatin1Char('\n'))));
        return;
    }
    QVERIFY(!result);
    QCOMPARE(reasonsAndFields(result.error()), expected);
}

void TestCrdDefinition::messages_data()
{
    QTest::addColumn<QJsonObject>("crd");
    QTest::addColumn<QString>("expected"); // toString() of the first error

    QTest::addRow("group dot") << crdWith(R"({"spec":{"group":"example"},"metadata":{"name":"widgets.example"}})")
                               << R"(spec.group: Invalid value: "example": should be a domain with at least one dot)";
    QTest::addRow("scope") << crdWith(R"({"spec":{"scope":"Global"}})")
                           << R"(spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced")";
    QTest::addRow("name") << crdWith(R"({"metadata":{"name":"gadgets.example.com"}})")
                          << R"(metadata.name: Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group)";
    QTest::addRow("storage") << withVersions("[]")
                             << "spec.versions: Invalid value: []: must have exactly one version marked as storage version";
    QTest::addRow("version name")
        << withVersions(R"([{"name":"V1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}}])")
        << R"(spec.versions[0].name: Invalid value: "V1": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'))";
    QTest::addRow("kind case") << crdWith(R"({"spec":{"names":{"kind":"Wid_get","singular":"widget","listKind":"WidgetList"}}})")
                               << R"(spec.names.kind: Invalid value: "Wid_get": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'))";
    QTest::addRow("schema required") << withVersions(R"([{"name":"v1","served":true,"storage":true}])")
                                     << "spec.versions[0].schema.openAPIV3Schema: Required value";
    QTest::addRow("root type") << withVersions(schemaVersion(R"({"properties":{}})"))
                               << "spec.versions[0].schema.openAPIV3Schema.type: Required value: must not be empty at the root";
}

void TestCrdDefinition::messages()
{
    QFETCH(QJsonObject, crd);
    QFETCH(QString, expected);
    const Expected<CrdDefinition, FieldErrors> result = CrdDefinition::fromJson(crd);
    QVERIFY(!result);
    QCOMPARE(result.error().first().toString(), expected);
}

void TestCrdDefinition::notAnObject()
{
    const Expected<CrdDefinition, FieldErrors> result = CrdDefinition::fromJson(QJsonObject{{QStringLiteral("spec"), 5}});
    QVERIFY(!result);
    QVERIFY(result.error().size() >= 5);
}

void TestCrdDefinition::defaults()
{
    const Expected<CrdDefinition, FieldErrors> crd = CrdDefinition::fromJson(jsonObject(kBaseCrd));
    QVERIFY(crd);
    QCOMPARE(crd->names().singular, QStringLiteral("widget"));
    QCOMPARE(crd->names().listKind, QStringLiteral("WidgetList"));
    const QJsonObject spec = crd->defaultedObject().value(QStringLiteral("spec")).toObject();
    QCOMPARE(spec.value(QStringLiteral("names")).toObject().value(QStringLiteral("singular")).toString(), QStringLiteral("widget"));
    QCOMPARE(spec.value(QStringLiteral("names")).toObject().value(QStringLiteral("listKind")).toString(), QStringLiteral("WidgetList"));
    QCOMPARE(spec.value(QStringLiteral("conversion")).toObject().value(QStringLiteral("strategy")).toString(), QStringLiteral("None"));
    QCOMPARE(crd->name(), QStringLiteral("widgets.example.com"));
    QCOMPARE(crd->storageVersion(), QStringLiteral("v1"));
}

void TestCrdDefinition::resourceTypes()
{
    const Expected<CrdDefinition, FieldErrors> crd = CrdDefinition::fromJson(withVersions(R"([
        {"name":"v1alpha1","served":true,"storage":false,"schema":{"openAPIV3Schema":{"type":"object"}}},
        {"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","description":"v1 schema"}},
         "subresources":{"status":{},"scale":{"specReplicasPath":".spec.replicas","statusReplicasPath":".status.replicas"}},
         "selectableFields":[{"jsonPath":".spec.color"}]},
        {"name":"v2beta1","served":false,"storage":false,"schema":{"openAPIV3Schema":{"type":"object"}}}])"));
    QVERIFY(crd);
    QCOMPARE(crd->preferredVersion(), QStringLiteral("v1"));
    const QList<ResourceType> types = crd->resourceTypes();
    QCOMPARE(types.size(), 2);
    const ResourceType &alpha = types.at(0);
    const ResourceType &v1 = types.at(1);
    QCOMPARE(alpha.version, QStringLiteral("v1alpha1"));
    QVERIFY(!alpha.preferred);
    QVERIFY(!alpha.hasStatus);
    QCOMPARE(v1.version, QStringLiteral("v1"));
    QVERIFY(v1.preferred);
    QVERIFY(v1.hasStatus);
    QVERIFY(v1.hasScale);
    QVERIFY(v1.custom);
    QVERIFY(v1.usesGeneration);
    QVERIFY(v1.namespaced);
    QCOMPARE(v1.group, QStringLiteral("example.com"));
    QCOMPARE(v1.kind, QStringLiteral("Widget"));
    QCOMPARE(v1.plural, QStringLiteral("widgets"));
    QCOMPARE(v1.singular, QStringLiteral("widget"));
    QCOMPARE(v1.shortNames, QStringList{QStringLiteral("wd")});
    QCOMPARE(v1.categories, QStringList{QStringLiteral("all")});
    QCOMPARE(v1.verbs, (QStringList{QStringLiteral("delete"), QStringLiteral("deletecollection"), QStringLiteral("get"),
                                    QStringLiteral("list"), QStringLiteral("patch"), QStringLiteral("create"),
                                    QStringLiteral("update"), QStringLiteral("watch")}));
    QCOMPARE(v1.schema.value(QStringLiteral("description")).toString(), QStringLiteral("v1 schema"));
    QCOMPARE(v1.selectableFields, QStringList{QStringLiteral("spec.color")});
    QCOMPARE(crd->version(QStringLiteral("v1"))->scale->specReplicasPath, QStringLiteral(".spec.replicas"));
    QVERIFY(!crd->version(QStringLiteral("v9")));

    const Expected<CrdDefinition, FieldErrors> cluster = CrdDefinition::fromJson(crdWith(R"({"spec":{"scope":"Cluster"}})"));
    QVERIFY(cluster);
    QVERIFY(!cluster->resourceTypes().first().namespaced);
}

void TestCrdDefinition::status()
{
    const Expected<CrdDefinition, FieldErrors> crd = CrdDefinition::fromJson(jsonObject(kBaseCrd));
    QVERIFY(crd);
    const CrdNameCheck names = crd->checkNames(fd::test::sampleBuiltinTypes());
    QVERIFY(names.accepted);
    const QDateTime now = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
    const QJsonObject status = crd->status(names, {}, now);
    QCOMPARE(status.value(QStringLiteral("acceptedNames")).toObject(),
             jsonObject(R"({"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList",
                            "shortNames":["wd"],"categories":["all"]})"));
    QCOMPARE(status.value(QStringLiteral("conditions")).toArray(), fd::test::jsonValue(R"([
        {"type":"NamesAccepted","status":"True","lastTransitionTime":"2025-01-02T03:04:05Z","reason":"NoConflicts","message":"no conflicts found"},
        {"type":"Established","status":"True","lastTransitionTime":"2025-01-02T03:04:05Z","reason":"InitialNamesAccepted",
         "message":"the initial names have been accepted"}])").toArray());
    QCOMPARE(status.value(QStringLiteral("storedVersions")).toArray(), fd::test::jsonValue(R"(["v1"])").toArray());
}

void TestCrdDefinition::statusKeepsTransitionTimes()
{
    const Expected<CrdDefinition, FieldErrors> crd = CrdDefinition::fromJson(jsonObject(kBaseCrd));
    QVERIFY(crd);
    const CrdNameCheck names = crd->checkNames({});
    const QDateTime first = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    QJsonObject previous = crd->status(names, {}, first);
    previous.insert(QStringLiteral("storedVersions"), fd::test::jsonValue(R"(["v0"])"));
    QJsonArray conditions = previous.value(QStringLiteral("conditions")).toArray();
    conditions.append(jsonObject(R"({"type":"NonStructuralSchema","status":"False"})"));
    previous.insert(QStringLiteral("conditions"), conditions);

    const QJsonObject next = crd->status(names, previous, first.addDays(1));
    const QJsonArray nextConditions = next.value(QStringLiteral("conditions")).toArray();
    QCOMPARE(nextConditions.size(), 3);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(nextConditions.at(i).toObject().value(QStringLiteral("lastTransitionTime")).toString(),
                 QStringLiteral("2025-01-01T00:00:00Z"));
    QCOMPARE(next.value(QStringLiteral("storedVersions")).toArray(), fd::test::jsonValue(R"(["v0","v1"])").toArray());
}

void TestCrdDefinition::nameConflicts_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("singular");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("shortNames");
    QTest::addColumn<bool>("custom");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");

    QTest::addRow("no overlap") << "example.com" << "gadgets" << "gadget" << "Gadget" << QStringList{QStringLiteral("gd")} << true
                                << "NoConflicts" << "no conflicts found";
    QTest::addRow("short name taken") << "example.com" << "gadgets" << "gadget" << "Gadget" << QStringList{QStringLiteral("wd")} << true
                                      << "ShortNamesConflict" << R"("wd" is already in use)";
    QTest::addRow("plural used as singular") << "example.com" << "gadgets" << "widgets" << "Gadget" << QStringList() << true
                                             << "PluralConflict" << R"("widgets" is already in use)";
    QTest::addRow("singular taken") << "example.com" << "gadgets" << "widget" << "Gadget" << QStringList() << true
                                    << "SingularConflict" << R"("widget" is already in use)";
    // Kind and list kind are checked in that order and the last conflict names the reason.
    QTest::addRow("kind taken") << "example.com" << "gadgets" << "gadget" << "Widget" << QStringList() << true << "ListKindConflict"
                                << R"("WidgetList" is already in use)";
    QTest::addRow("list kind taken") << "example.com" << "gadgets" << "gadget" << "WidgetList" << QStringList() << true
                                     << "ListKindConflict" << R"("WidgetList" is already in use)";
    QTest::addRow("other group") << "other.example.com" << "gadgets" << "widget" << "Widget" << QStringList{QStringLiteral("wd")}
                                 << true << "NoConflicts" << "no conflicts found";
    QTest::addRow("built-ins ignored") << "example.com" << "gadgets" << "widget" << "Widget" << QStringList{QStringLiteral("wd")}
                                       << false << "NoConflicts" << "no conflicts found";
    QTest::addRow("own types ignored") << "example.com" << "widgets" << "widget" << "Widget" << QStringList{QStringLiteral("wd")}
                                       << true << "NoConflicts" << "no conflicts found";
}

void TestCrdDefinition::nameConflicts()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QString, singular);
    QFETCH(QString, kind);
    QFETCH(QStringList, shortNames);
    QFETCH(bool, custom);
    QFETCH(QString, reason);
    QFETCH(QString, message);

    ResourceType existing = fd::test::sampleType(group, QStringLiteral("v1"), kind, plural, true);
    existing.singular = singular;
    existing.shortNames = shortNames;
    existing.custom = custom;
    const Expected<CrdDefinition, FieldErrors> crd = CrdDefinition::fromJson(jsonObject(kBaseCrd));
    QVERIFY(crd);
    const CrdNameCheck check = crd->checkNames({existing});
    QCOMPARE(check.reason, reason);
    QCOMPARE(check.message, message);
    QCOMPARE(check.accepted, reason == QLatin1String("NoConflicts"));
}

void TestCrdDefinition::conflictStatus()
{
    ResourceType other = fd::test::sampleType(QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("Widget"),
                                              QStringLiteral("gadgets"), true);
    other.custom = true;
    const Expected<CrdDefinition, FieldErrors> crd = CrdDefinition::fromJson(jsonObject(kBaseCrd));
    QVERIFY(crd);
    const CrdNameCheck check = crd->checkNames({other});
    QVERIFY(!check.accepted);
    QCOMPARE(check.acceptedNames.kind, QString());    // the conflicting name is not granted
    QCOMPARE(check.acceptedNames.plural, QStringLiteral("widgets"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject status = crd->status(check, {}, now);
    // Conflicting names (singular "widget", kind, list kind) stay unset; plural and kind are
    // always written, the rest only when set.
    QCOMPARE(status.value(QStringLiteral("acceptedNames")).toObject(),
             jsonObject(R"({"plural":"widgets","kind":"","shortNames":["wd"],"categories":["all"]})"));
    const QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    QCOMPARE(conditions.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("False"));
    QCOMPARE(conditions.at(0).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("ListKindConflict"));
    QCOMPARE(conditions.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("False"));
    QCOMPARE(conditions.at(1).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("NotAccepted"));

    // Once established, a CRD stays established even if a later name change conflicts.
    const QJsonObject established = crd->status(crd->checkNames({}), {}, now);
    const QJsonObject later = crd->status(check, established, now.addSecs(60));
    QCOMPARE(later.value(QStringLiteral("conditions")).toArray().at(1).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("True"));
}

QTEST_GUILESS_MAIN(TestCrdDefinition)
#include "tst_crddefinition.moc"
