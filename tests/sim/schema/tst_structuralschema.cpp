#include "SchemaTestSupport.h"

#include "sim/schema/StructuralSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;
using fd::Expected;
using fd::test::jsonObject;

class TestStructuralSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void prune_data();
    void prune();
    void defaults_data();
    void defaults();
    void dropNulls_data();
    void dropNulls();
    void validate_data();
    void validate();
    void coerceOrder();
    void malformedSchemaIsHarmless();
    void schemaDepthLimit();
    void deepValuesDoNotOverflow();
    void errorCountIsBounded();
    void cache();
};

namespace {

QStringList render(const FieldErrors &errors)
{
    QStringList lines;
    for (const FieldError &error : errors)
        lines << error.reason + QLatin1Char('|') + error.field + QLatin1Char('|') + error.message;
    return lines;
}

StructuralSchema schemaFrom(const QByteArray &json)
{
    const Expected<StructuralSchema, QString> schema = StructuralSchema::fromJson(jsonObject(json.constData()));
    if (!schema)
        qFatal("schema rejected: %s", qPrintable(schema.error()));
    return schema.value();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QByteArray kSpecAB = R"({"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}}}}})";

} // namespace

void TestStructuralSchema::prune_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("unknown");

    QTest::addRow("unknown fields, meta kept")
        << kSpecAB << QByteArray(R"({"apiVersion":"x/v1","kind":"K","metadata":{"name":"n","bogus":1},"spec":{"a":"1","b":2},"extra":true})")
        << QByteArray(R"({"apiVersion":"x/v1","kind":"K","metadata":{"name":"n","bogus":1},"spec":{"a":"1"}})")
        << QStringList{QStringLiteral("extra"), QStringLiteral("spec.b")};
    QTest::addRow("unknown subtree reported once")
        << kSpecAB << QByteArray(R"({"spec":{"b":{"c":{"d":1}}}})") << QByteArray(R"({"spec":{}})") << QStringList{QStringLiteral("spec.b")};
    QTest::addRow("nothing to prune") << kSpecAB << QByteArray(R"({"spec":{"a":"x"}})") << QByteArray(R"({"spec":{"a":"x"}})")
                                      << QStringList();
    QTest::addRow("preserve-unknown-fields keeps unknown, prunes known")
        << QByteArray(R"({"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
                          "properties":{"known":{"type":"object","properties":{"x":{"type":"string"}}}}}}})")
        << QByteArray(R"({"spec":{"other":{"deep":1},"known":{"x":"1","y":2}}})")
        << QByteArray(R"({"spec":{"other":{"deep":1},"known":{"x":"1"}}})") << QStringList{QStringLiteral("spec.known.y")};
    QTest::addRow("array items")
        << QByteArray(R"({"type":"object","properties":{"spec":{"type":"object","properties":{"list":{"type":"array",
                          "items":{"type":"object","properties":{"name":{"type":"string"}}}}}}}})")
        << QByteArray(R"({"spec":{"list":[{"name":"a"},{"name":"b","bogus":true}]}})")
        << QByteArray(R"({"spec":{"list":[{"name":"a"},{"name":"b"}]}})") << QStringList{QStringLiteral("spec.list[1].bogus")};
    QTest::addRow("additionalProperties schema")
        << QByteArray(R"({"type":"object","properties":{"spec":{"type":"object","properties":{"m":{"type":"object",
                          "additionalProperties":{"type":"object","properties":{"v":{"type":"string"}}}}}}}})")
        << QByteArray(R"({"spec":{"m":{"k1":{"v":"1","junk":2},"k2":{}}}})")
        << QByteArray(R"({"spec":{"m":{"k1":{"v":"1"},"k2":{}}}})") << QStringList{QStringLiteral("spec.m.k1.junk")};
    QTest::addRow("additionalProperties true keeps keys, not nested maps")
        << QByteArray(R"({"type":"object","properties":{"m":{"type":"object","additionalProperties":true}}})")
        << QByteArray(R"({"m":{"a":1,"b":{"c":1}}})") << QByteArray(R"({"m":{"a":1,"b":{}}})") << QStringList{QStringLiteral("m.b.c")};
    QTest::addRow("embedded resource keeps its meta")
        << QByteArray(R"({"type":"object","properties":{"spec":{"type":"object","properties":{"template":{"type":"object",
                          "x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object"}}}}}}})")
        << QByteArray(R"({"spec":{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{},"junk":1}}})")
        << QByteArray(R"({"spec":{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{}}}})")
        << QStringList{QStringLiteral("spec.template.junk")};
    QTest::addRow("nested meta names are ordinary fields")
        << kSpecAB << QByteArray(R"({"spec":{"a":"1","kind":"x"}})") << QByteArray(R"({"spec":{"a":"1"}})")
        << QStringList{QStringLiteral("spec.kind")};
    QTest::addRow("root preserve-unknown-fields")
        << QByteArray(R"({"type":"object","x-kubernetes-preserve-unknown-fields":true})")
        << QByteArray(R"({"spec":{"anything":[1,{"x":2}]}})") << QByteArray(R"({"spec":{"anything":[1,{"x":2}]}})") << QStringList();
    QTest::addRow("empty schema prunes all but meta")
        << QByteArray("{}") << QByteArray(R"({"apiVersion":"a/v1","kind":"K","metadata":{},"spec":{"x":1},"status":{}})")
        << QByteArray(R"({"apiVersion":"a/v1","kind":"K","metadata":{}})") << QStringList{QStringLiteral("spec"), QStringLiteral("status")};
    QTest::addRow("arrays without item schema lose maps")
        << QByteArray(R"({"type":"object","properties":{"l":{"type":"array"}}})") << QByteArray(R"({"l":[1,{"a":1},[{"b":2}]]})")
        << QByteArray(R"({"l":[1,{},[{}]]})") << QStringList{QStringLiteral("l[1].a"), QStringLiteral("l[2][0].b")};
}

void TestStructuralSchema::prune()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, object);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, unknown);
    QJsonObject value = jsonObject(object.constData());
    QCOMPARE(schemaFrom(schema).prune(value), unknown);
    QCOMPARE(compact(value), compact(jsonObject(expected.constData())));
}

void TestStructuralSchema::defaults_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray replicas = R"({"type":"object","properties":{"spec":{"type":"object","properties":{
                                    "replicas":{"type":"integer","default":1},"mode":{"type":"string","default":"fast"},
                                    "opt":{"type":"string","nullable":true,"default":"x"}}}}})";
    QTest::addRow("absent fields defaulted") << replicas << QByteArray(R"({"spec":{}})")
                                             << QByteArray(R"({"spec":{"mode":"fast","opt":"x","replicas":1}})");
    QTest::addRow("present values kept") << replicas << QByteArray(R"({"spec":{"replicas":3,"mode":"slow","opt":"y"}})")
                                         << QByteArray(R"({"spec":{"replicas":3,"mode":"slow","opt":"y"}})");
    QTest::addRow("absent parent stays absent") << replicas << QByteArray(R"({"metadata":{}})") << QByteArray(R"({"metadata":{}})");
    QTest::addRow("null replaced unless nullable") << replicas << QByteArray(R"({"spec":{"mode":null,"opt":null}})")
                                                   << QByteArray(R"({"spec":{"mode":"fast","opt":null,"replicas":1}})");
    QTest::addRow("defaulted parent gets nested defaults")
        << QByteArray(R"({"type":"object","properties":{"spec":{"type":"object","default":{},"properties":{
                          "mode":{"type":"string","default":"fast"}}}}})")
        << QByteArray("{}") << QByteArray(R"({"spec":{"mode":"fast"}})");
    QTest::addRow("inside items")
        << QByteArray(R"({"type":"object","properties":{"ports":{"type":"array","items":{"type":"object","properties":{
                          "protocol":{"type":"string","default":"TCP"}}}}}})")
        << QByteArray(R"({"ports":[{},{"protocol":"UDP"}]})") << QByteArray(R"({"ports":[{"protocol":"TCP"},{"protocol":"UDP"}]})");
    QTest::addRow("null items take the item default")
        << QByteArray(R"({"type":"object","properties":{"l":{"type":"array","items":{"type":"string","default":"d"}}}})")
        << QByteArray(R"({"l":["a",null]})") << QByteArray(R"({"l":["a","d"]})");
    QTest::addRow("inside additionalProperties")
        << QByteArray(R"({"type":"object","properties":{"m":{"type":"object","additionalProperties":{"type":"object",
                          "default":{"x":0},"properties":{"x":{"type":"integer","default":1}}}}}})")
        << QByteArray(R"({"m":{"a":{},"b":null}})") << QByteArray(R"({"m":{"a":{"x":1},"b":{"x":0}}})");
    QTest::addRow("object default") << QByteArray(R"({"type":"object","properties":{"s":{"type":"object","default":{"a":[1,2]}}}})")
                                    << QByteArray("{}") << QByteArray(R"({"s":{"a":[1,2]}})");
}

void TestStructuralSchema::defaults()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, object);
    QFETCH(QByteArray, expected);
    QJsonObject value = jsonObject(object.constData());
    schemaFrom(schema).applyDefaults(value);
    QCOMPARE(compact(value), compact(jsonObject(expected.constData())));
}

void TestStructuralSchema::dropNulls_data()
{
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("non-nullable without default dropped") << QByteArray(R"({"spec":{"a":null}})") << QByteArray(R"({"spec":{}})");
    QTest::addRow("nullable kept") << QByteArray(R"({"spec":{"n":null}})") << QByteArray(R"({"spec":{"n":null}})");
    QTest::addRow("defaulted kept for defaulting") << QByteArray(R"({"spec":{"d":null}})") << QByteArray(R"({"spec":{"d":null}})");
    QTest::addRow("unknown kept") << QByteArray(R"({"spec":{"zzz":null}})") << QByteArray(R"({"spec":{"zzz":null}})");
    QTest::addRow("map values") << QByteArray(R"({"spec":{"m":{"k":null}}})") << QByteArray(R"({"spec":{"m":{}}})");
}

void TestStructuralSchema::dropNulls()
{
    QFETCH(QByteArray, object);
    QFETCH(QByteArray, expected);
    const StructuralSchema schema = schemaFrom(R"({"type":"object","properties":{"spec":{"type":"object","properties":{
        "a":{"type":"string"},"n":{"type":"string","nullable":true},"d":{"type":"string","default":"x"},
        "m":{"type":"object","additionalProperties":{"type":"string"}}}}}})");
    QJsonObject value = jsonObject(object.constData());
    schema.dropNullsWithoutDefaults(value);
    QCOMPARE(compact(value), compact(jsonObject(expected.constData())));
}

void TestStructuralSchema::validate_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QStringList>("expected");

    const auto spec = [](const char *properties) {
        return QByteArray(R"({"type":"object","properties":{"spec":{"type":"object","properties":)") + properties + "}}}";
    };
    QTest::addRow("valid") << spec(R"({"s":{"type":"string"}})") << QByteArray(R"({"spec":{"s":"x"}})") << QStringList();
    QTest::addRow("type: integer for string")
        << spec(R"({"buildcmd":{"type":"string"}})") << QByteArray(R"({"spec":{"buildcmd":5}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.buildcmd|Invalid value: "integer": spec.buildcmd in body must be of type string: "integer")")};
    QTest::addRow("type: number for integer")
        << spec(R"({"i":{"type":"integer"}})") << QByteArray(R"({"spec":{"i":1.5}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.i|Invalid value: "number": spec.i in body must be of type integer: "number")")};
    QTest::addRow("type: integer is a number") << spec(R"({"n":{"type":"number"}})") << QByteArray(R"({"spec":{"n":5}})") << QStringList();
    QTest::addRow("type: object for array")
        << spec(R"({"l":{"type":"array","items":{"type":"string"}}})") << QByteArray(R"({"spec":{"l":{}}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.l|Invalid value: "object": spec.l in body must be of type array: "object")")};
    QTest::addRow("type: null not allowed")
        << spec(R"({"s":{"type":"string"}})") << QByteArray(R"({"spec":{"s":null}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.s|Invalid value: "null": spec.s in body must be of type string: "null")")};
    QTest::addRow("type: nullable null") << spec(R"({"s":{"type":"string","nullable":true,"format":"date-time"}})")
                                         << QByteArray(R"({"spec":{"s":null}})") << QStringList();
    QTest::addRow("item path")
        << spec(R"({"l":{"type":"array","items":{"type":"string"}}})") << QByteArray(R"({"spec":{"l":["a",true]}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.l[1]|Invalid value: "boolean": spec.l[1] in body must be of type string: "boolean")")};
    QTest::addRow("required")
        << QByteArray(R"({"type":"object","required":["spec"],"properties":{"spec":{"type":"object","required":["environment","b"]}}})")
        << QByteArray(R"({"spec":{"b":1}})") << QStringList{QStringLiteral("FieldValueRequired|spec.environment|Required value")};
    QTest::addRow("required at root") << QByteArray(R"({"type":"object","required":["spec"]})") << QByteArray(R"({"metadata":{}})")
                                      << QStringList{QStringLiteral("FieldValueRequired|spec|Required value")};
    QTest::addRow("enum of strings")
        << spec(R"({"mode":{"type":"string","enum":["a","b"]}})") << QByteArray(R"({"spec":{"mode":"x"}})")
        << QStringList{QStringLiteral(R"(FieldValueNotSupported|spec.mode|Unsupported value: "x": supported values: "a", "b")")};
    QTest::addRow("enum of numbers")
        << spec(R"({"n":{"type":"integer","enum":[1,2]}})") << QByteArray(R"({"spec":{"n":3}})")
        << QStringList{QStringLiteral(R"(FieldValueNotSupported|spec.n|Unsupported value: 3: supported values: "1", "2")")};
    QTest::addRow("enum match") << spec(R"({"n":{"type":"integer","enum":[1,2]}})") << QByteArray(R"({"spec":{"n":2}})") << QStringList();
    QTest::addRow("maxLength") << spec(R"({"name":{"type":"string","maxLength":3}})") << QByteArray(R"({"spec":{"name":"abcd"}})")
                               << QStringList{QStringLiteral("FieldValueTooLong|spec.name|Too long: may not be more than 3 bytes")};
    QTest::addRow("maxLength counts characters") << spec(R"({"name":{"type":"string","maxLength":3}})")
                                                 << QByteArray(R"({"spec":{"name":"äöü"}})") << QStringList();
    QTest::addRow("minLength")
        << spec(R"({"name":{"type":"string","minLength":2}})") << QByteArray(R"({"spec":{"name":"a"}})")
        << QStringList{QStringLiteral(R"(FieldValueInvalid|spec.name|Invalid value: "a": spec.name in body should be at least 2 chars long)")};
    QTest::addRow("pattern")
        << spec(R"({"q":{"type":"string","pattern":"^[0-9]+$"}})") << QByteArray(R"({"spec":{"q":"x1"}})")
        << QStringList{QStringLiteral(R"(FieldValueInvalid|spec.q|Invalid value: "x1": spec.q in body should match '^[0-9]+$')")};
    QTest::addRow("minimum")
        << spec(R"({"n":{"type":"integer","minimum":1}})") << QByteArray(R"({"spec":{"n":0}})")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.n|Invalid value: 0: spec.n in body should be greater than or equal to 1")};
    QTest::addRow("exclusive maximum")
        << spec(R"({"n":{"type":"number","maximum":10,"exclusiveMaximum":true}})") << QByteArray(R"({"spec":{"n":10}})")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.n|Invalid value: 10: spec.n in body should be less than 10")};
    QTest::addRow("multipleOf")
        << spec(R"({"n":{"type":"number","multipleOf":0.5}})") << QByteArray(R"({"spec":{"n":0.75}})")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.n|Invalid value: 0.75: spec.n in body should be a multiple of 0.5")};
    QTest::addRow("maxItems")
        << spec(R"({"l":{"type":"array","maxItems":2,"items":{"type":"integer"}}})") << QByteArray(R"({"spec":{"l":[1,2,3]}})")
        << QStringList{QStringLiteral("FieldValueTooMany|spec.l|Too many: 3: must have at most 2 items")};
    QTest::addRow("minItems")
        << spec(R"({"l":{"type":"array","minItems":2,"items":{"type":"integer"}}})") << QByteArray(R"({"spec":{"l":[1]}})")
        << QStringList{QStringLiteral("FieldValueInvalid|spec.l|Invalid value: 1: spec.l in body should have at least 2 items")};
    QTest::addRow("maxProperties")
        << spec(R"({"m":{"type":"object","maxProperties":1,"additionalProperties":{"type":"string"}}})")
        << QByteArray(R"({"spec":{"m":{"a":"1","b":"2"}}})")
        << QStringList{QStringLiteral("FieldValueTooMany|spec.m|Too many: 2: must have at most 1 item")};
    QTest::addRow("format date-time")
        << spec(R"({"t":{"type":"string","format":"date-time"}})") << QByteArray(R"({"spec":{"t":"yesterday"}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.t|Invalid value: "yesterday": spec.t in body must be of type date-time: "yesterday")")};
    QTest::addRow("format date-time valid") << spec(R"({"t":{"type":"string","format":"date-time"}})")
                                            << QByteArray(R"({"spec":{"t":"2024-05-01T12:00:00Z"}})") << QStringList();
    QTest::addRow("format byte")
        << spec(R"({"b":{"type":"string","format":"byte"}})") << QByteArray(R"({"spec":{"b":"not base64!"}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.b|Invalid value: "not base64!": spec.b in body must be of type byte: "not base64!")")};
    QTest::addRow("unknown format accepted") << spec(R"({"u":{"type":"string","format":"fancy"}})") << QByteArray(R"({"spec":{"u":"?"}})")
                                             << QStringList();
    QTest::addRow("int-or-string accepts both")
        << spec(R"({"a":{"x-kubernetes-int-or-string":true},"b":{"x-kubernetes-int-or-string":true}})")
        << QByteArray(R"({"spec":{"a":80,"b":"http"}})") << QStringList();
    QTest::addRow("int-or-string rejects boolean")
        << spec(R"({"a":{"x-kubernetes-int-or-string":true}})") << QByteArray(R"({"spec":{"a":true}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.a|Invalid value: "boolean": spec.a in body must be of type integer,string: "boolean")")};
    QTest::addRow("anyOf quantity passes")
        << spec(R"({"q":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}],"pattern":"^[0-9]+(m|Mi)?$"}})")
        << QByteArray(R"({"spec":{"q":"100m"}})") << QStringList();
    QTest::addRow("anyOf fails")
        << spec(R"({"x":{"anyOf":[{"type":"integer"},{"type":"string"}]}})") << QByteArray(R"({"spec":{"x":true}})")
        << QStringList{QStringLiteral(R"(FieldValueInvalid|spec.x|Invalid value: "": "spec.x" must validate at least one schema (anyOf))"),
                       QStringLiteral(R"(FieldValueTypeInvalid|spec.x|Invalid value: "boolean": spec.x in body must be of type integer: "boolean")")};
    QTest::addRow("oneOf fails with two matches")
        << spec(R"({"x":{"oneOf":[{"type":"integer"},{"minimum":0}]}})") << QByteArray(R"({"spec":{"x":1}})")
        << QStringList{QStringLiteral(R"(FieldValueInvalid|spec.x|Invalid value: "": "spec.x" must validate one and only one schema (oneOf). Found 2 valid alternatives)")};
    QTest::addRow("not")
        << spec(R"({"x":{"type":"string","not":{"enum":["forbidden"]}}})") << QByteArray(R"({"spec":{"x":"forbidden"}})")
        << QStringList{QStringLiteral(R"(FieldValueInvalid|spec.x|Invalid value: "": "spec.x" must not validate the schema (not))")};
    QTest::addRow("additionalProperties false")
        << spec(R"({"m":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}})")
        << QByteArray(R"({"spec":{"m":{"a":"1","z":"2"}}})")
        << QStringList{QStringLiteral(R"(FieldValueInvalid|spec.m|Invalid value: "z": spec.m.z in body is a forbidden property)")};
    QTest::addRow("map values validated")
        << spec(R"({"m":{"type":"object","additionalProperties":{"type":"string"}}})") << QByteArray(R"({"spec":{"m":{"k":1}}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.m.k|Invalid value: "integer": spec.m.k in body must be of type string: "integer")")};
    QTest::addRow("several errors")
        << spec(R"({"a":{"type":"string"},"b":{"type":"integer","maximum":5}})") << QByteArray(R"({"spec":{"a":1,"b":6}})")
        << QStringList{QStringLiteral(R"(FieldValueTypeInvalid|spec.a|Invalid value: "integer": spec.a in body must be of type string: "integer")"),
                       QStringLiteral("FieldValueInvalid|spec.b|Invalid value: 6: spec.b in body should be less than or equal to 5")};
    QTest::addRow("string quoting") << spec(R"({"mode":{"type":"string","enum":["a"]}})") << QByteArray(R"({"spec":{"mode":"q\"\n"}})")
                                    << QStringList{QStringLiteral(R"(FieldValueNotSupported|spec.mode|Unsupported value: "q\"\n": supported values: "a")")};
}

void TestStructuralSchema::validate()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, object);
    QFETCH(QStringList, expected);
    QCOMPARE(render(schemaFrom(schema).validate(jsonObject(object.constData()))), expected);
}

void TestStructuralSchema::coerceOrder()
{
    // Pruning runs before defaulting, so a default is never reported as unknown, and nulls
    // the schema cannot default are dropped instead of failing validation.
    const StructuralSchema schema = schemaFrom(R"({"type":"object","properties":{"spec":{"type":"object","properties":{
        "mode":{"type":"string","default":"fast"},"name":{"type":"string"}}}}})");
    QJsonObject object = jsonObject(R"({"spec":{"name":null,"bogus":1}})");
    QCOMPARE(schema.coerce(object), QStringList{QStringLiteral("spec.bogus")});
    QCOMPARE(compact(object), compact(jsonObject(R"({"spec":{"mode":"fast"}})")));
    QVERIFY(schema.validate(object).isEmpty());
}

void TestStructuralSchema::malformedSchemaIsHarmless()
{
    const Expected<StructuralSchema, QString> schema = StructuralSchema::fromJson(jsonObject(
        R"({"type":5,"properties":"x","items":[1],"required":"a","enum":"b","minimum":"1","pattern":"(","maxLength":-1,
            "additionalProperties":"yes","anyOf":{"type":"string"},"not":7,"default":null})"));
    QVERIFY(schema);
    QJsonObject object = jsonObject(R"({"kind":"K","spec":{"x":1}})");
    QVERIFY(schema->validate(object).isEmpty());
    QCOMPARE(schema->prune(object), QStringList{QStringLiteral("spec")});
    schema->applyDefaults(object);
    QCOMPARE(compact(object), compact(jsonObject(R"({"kind":"K"})")));

    // The constructor form falls back to the empty schema on failure.
    QJsonObject deep{{QStringLiteral("type"), QStringLiteral("object")}};
    for (int i = 0; i < 300; ++i)
        deep = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), QJsonObject{{QStringLiteral("x"), deep}}}};
    const StructuralSchema fallback(deep);
    QJsonObject value = jsonObject(R"({"x":{}})");
    QCOMPARE(fallback.prune(value), QStringList{QStringLiteral("x")});
}

void TestStructuralSchema::schemaDepthLimit()
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("string")}};
    for (int i = 0; i < StructuralSchema::kMaxDepth + 5; ++i)
        schema = QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), schema}};
    const Expected<StructuralSchema, QString> result = StructuralSchema::fromJson(schema);
    QVERIFY(!result);
    QCOMPARE(result.error(), QStringLiteral("schema is nested deeper than 128 levels"));
}

void TestStructuralSchema::deepValuesDoNotOverflow()
{
    QJsonValue deep = QJsonObject{{QStringLiteral("leaf"), 1}};
    for (int i = 0; i < 3000; ++i)
        deep = QJsonArray{deep};
    QJsonObject object{{QStringLiteral("l"), deep}};
    const StructuralSchema schema = schemaFrom(R"({"type":"object","properties":{"l":{"type":"array"}}})");
    schema.prune(object); // stops at the depth limit instead of recursing 3000 levels
    schema.applyDefaults(object);
    schema.dropNullsWithoutDefaults(object);
    QVERIFY(schema.validate(object).isEmpty());
}

void TestStructuralSchema::errorCountIsBounded()
{
    const StructuralSchema schema = schemaFrom(R"({"type":"object","properties":{"l":{"type":"array","items":{"type":"string"}}}})");
    QJsonArray many;
    for (int i = 0; i < 5000; ++i)
        many.append(i);
    const FieldErrors errors = schema.validate(QJsonObject{{QStringLiteral("l"), many}});
    QCOMPARE(errors.size(), StructuralSchema::kMaxErrors);
}

void TestStructuralSchema::cache()
{
    StructuralSchemaCache cache;
    ResourceType type = fd::test::sampleType(QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("Widget"),
                                             QStringLiteral("widgets"), true);
    type.schema = jsonObject(kSpecAB.constData());
    const auto first = cache.get(type);
    QCOMPARE(cache.get(type).get(), first.get());
    type.schema = jsonObject(R"({"type":"object"})");
    const auto second = cache.get(type);
    QVERIFY(second.get() != first.get());
    QJsonObject value = jsonObject(R"({"spec":{}})");
    QCOMPARE(second->prune(value), QStringList{QStringLiteral("spec")});
}

QTEST_GUILESS_MAIN(TestStructuralSchema)
#include "tst_structuralschema.moc"
