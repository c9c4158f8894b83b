#include "sim/codec/YamlJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace fd::sim;

namespace {

QByteArray compact(const QJsonValue &value)
{
    // Wrapped in an array so that scalars serialise too.
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

QByteArray normalized(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad expected JSON in test: %s", json.constData());
    return doc.toJson(QJsonDocument::Compact);
}

QString describe(const fd::Expected<QJsonValue, QString> &result)
{
    return result.hasValue() ? QString::fromUtf8(compact(*result)) : result.error();
}

} // namespace

class TestYamlJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainScalars_data();
    void plainScalars();
    void taggedScalars_data();
    void taggedScalars();
    void structures_data();
    void structures();
    void duplicateKeys();
    void errors_data();
    void errors();
    void aliasBombIsRefused();
    void documents();
    void jsonToYaml_data();
    void jsonToYaml();
    void roundTrip_data();
    void roundTrip();
    void randomStringsRoundTrip();
    void garbageNeverCrashes();
    void largeDocumentsStayLinear();
};

void TestYamlJson::plainScalars_data()
{
    QTest::addColumn<QByteArray>("scalar");
    QTest::addColumn<QByteArray>("json");

    // YAML 1.1 as go-yaml v2 reads it (the apiserver's YAML decoder).
    const char *nulls[] = {"", "~", "null", "Null", "NULL"};
    for (const char *text : nulls)
        QTest::addRow("null '%s'", text) << QByteArray(text) << QByteArray("null");
    const char *trues[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "y", "Y", "on", "On", "ON"};
    for (const char *text : trues)
        QTest::addRow("true '%s'", text) << QByteArray(text) << QByteArray("true");
    const char *falses[] = {"false", "False", "FALSE", "no", "No", "NO", "n", "N", "off", "Off", "OFF"};
    for (const char *text : falses)
        QTest::addRow("false '%s'", text) << QByteArray(text) << QByteArray("false");
    QTest::addRow("odd case is a string") << QByteArray("yES") << QByteArray("\"yES\"");
    QTest::addRow("nULL is a string") << QByteArray("nULL") << QByteArray("\"nULL\"");

    QTest::addRow("int") << QByteArray("42") << QByteArray("42");
    QTest::addRow("negative") << QByteArray("-17") << QByteArray("-17");
    QTest::addRow("plus sign") << QByteArray("+5") << QByteArray("5");
    QTest::addRow("zero") << QByteArray("0") << QByteArray("0");
    QTest::addRow("octal 0777") << QByteArray("0777") << QByteArray("511");
    QTest::addRow("octal 0o17") << QByteArray("0o17") << QByteArray("15");
    QTest::addRow("hex") << QByteArray("0x1F") << QByteArray("31");
    QTest::addRow("hex upper prefix") << QByteArray("0X1f") << QByteArray("31");
    QTest::addRow("binary") << QByteArray("0b101") << QByteArray("5");
    QTest::addRow("negative binary") << QByteArray("-0b101") << QByteArray("-5");
    QTest::addRow("underscores") << QByteArray("1_000_000") << QByteArray("1000000");
    QTest::addRow("08 is a float") << QByteArray("08") << QByteArray("8");
    QTest::addRow("int64 max") << QByteArray("9223372036854775807") << QByteArray("9223372036854775807");
    QTest::addRow("int64 min") << QByteArray("-9223372036854775808") << QByteArray("-9223372036854775808");
    QTest::addRow("beyond int64") << QByteArray("18446744073709551615") << QByteArray("18446744073709551615.0");
    QTest::addRow("beyond uint64") << QByteArray("99999999999999999999") << QByteArray("1e20");
    QTest::addRow("float") << QByteArray("1.5") << QByteArray("1.5");
    QTest::addRow("negative float") << QByteArray("-0.25") << QByteArray("-0.25");
    QTest::addRow("exponent") << QByteArray("1e3") << QByteArray("1000");
    QTest::addRow("leading dot") << QByteArray(".5") << QByteArray("0.5");
    QTest::addRow("float overflow stays text") << QByteArray("1e400") << QByteArray("\"1e400\"");
    QTest::addRow("lone dot") << QByteArray(".") << QByteArray("\".\"");
    QTest::addRow("0x without digits") << QByteArray("0x") << QByteArray("\"0x\"");
    QTest::addRow("0b with bad digit") << QByteArray("0b2") << QByteArray("\"0b2\"");
    QTest::addRow("date stays string") << QByteArray("2001-12-14") << QByteArray("\"2001-12-14\"");
    QTest::addRow("timestamp stays string") << QByteArray("2001-12-14T21:59:43.10-05:00")
                                            << QByteArray("\"2001-12-14T21:59:43.10-05:00\"");
    QTest::addRow("sexagesimal stays string") << QByteArray("1:20") << QByteArray("\"1:20\"");
    QTest::addRow("version string") << QByteArray("1.2.3") << QByteArray("\"1.2.3\"");
    QTest::addRow("text") << QByteArray("hello world") << QByteArray("\"hello world\"");
    QTest::addRow("merge marker as value") << QByteArray("<<") << QByteArray("\"<<\"");
    QTest::addRow("double quoted") << QByteArray("\"true\"") << QByteArray("\"true\"");
    QTest::addRow("single quoted") << QByteArray("'42'") << QByteArray("\"42\"");
    QTest::addRow("quoted null") << QByteArray("\"\"") << QByteArray("\"\"");
    QTest::addRow("escapes") << QByteArray(R"("a\tb\u00e9")") << QByteArray("\"a\\tb\u00e9\"");
}

void TestYamlJson::plainScalars()
{
    QFETCH(QByteArray, scalar);
    QFETCH(QByteArray, json);
    const auto result = yamlToJson("v: " + scalar + "\n");
    QVERIFY2(result.hasValue(), qPrintable(describe(result)));
    QCOMPARE(compact(result->toObject().value(QStringLiteral("v"))), normalized(json));
}

void TestYamlJson::taggedScalars_data()
{
    QTest::addColumn<QByteArray>("scalar");
    QTest::addColumn<QByteArray>("json"); // empty: an error containing `error`
    QTest::addColumn<QString>("error");

    QTest::addRow("!!str number") << QByteArray("!!str 123") << QByteArray("\"123\"") << QString();
    QTest::addRow("!!str bool") << QByteArray("!!str yes") << QByteArray("\"yes\"") << QString();
    QTest::addRow("!!int quoted") << QByteArray("!!int \"12\"") << QByteArray("12") << QString();
    QTest::addRow("!!float of int") << QByteArray("!!float 1") << QByteArray("1.0") << QString();
    QTest::addRow("!!bool yes") << QByteArray("!!bool yes") << QByteArray("true") << QString();
    QTest::addRow("!!null") << QByteArray("!!null ~") << QByteArray("null") << QString();
    QTest::addRow("!!binary") << QByteArray("!!binary aGVsbG8=") << QByteArray("\"hello\"") << QString();
    QTest::addRow("!!timestamp") << QByteArray("!!timestamp 2001-12-14") << QByteArray("\"2001-12-14\"") << QString();
    QTest::addRow("local tag") << QByteArray("!custom 5") << QByteArray("\"5\"") << QString();
    QTest::addRow("unknown !! tag") << QByteArray("!!foo 5") << QByteArray("\"5\"") << QString();
    QTest::addRow("empty !!str") << QByteArray("!!str") << QByteArray("\"\"") << QString();
    QTest::addRow("!!int of text") << QByteArray("!!int abc") << QByteArray()
                                   << QStringLiteral("cannot decode !!str `abc` as a !!int");
    QTest::addRow("!!bool of int") << QByteArray("!!bool 1") << QByteArray()
                                   << QStringLiteral("cannot decode !!int `1` as a !!bool");
    QTest::addRow("!!null of text") << QByteArray("!!null foo") << QByteArray()
                                    << QStringLiteral("cannot decode !!str `foo` as a !!null");
    QTest::addRow("!!timestamp of int") << QByteArray("!!timestamp 5") << QByteArray()
                                        << QStringLiteral("cannot decode !!int `5` as a !!timestamp");
    QTest::addRow("bad !!binary") << QByteArray("!!binary '@@@'") << QByteArray()
                                  << QStringLiteral("!!binary value contains invalid base64 data");
}

void TestYamlJson::taggedScalars()
{
    QFETCH(QByteArray, scalar);
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto result = yamlToJson("v: " + scalar + "\n");
    if (json.isEmpty()) {
        QVERIFY(!result.hasValue());
        QVERIFY2(result.error().contains(error), qPrintable(result.error()));
        QVERIFY2(result.error().startsWith(QLatin1String("yaml: line 1, column 4: ")), qPrintable(result.error()));
        return;
    }
    QVERIFY2(result.hasValue(), qPrintable(describe(result)));
    QCOMPARE(compact(result->toObject().value(QStringLiteral("v"))), normalized(json));
}

void TestYamlJson::structures_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("json");

    QTest::addRow("kubernetes object") << QByteArray(
        "apiVersion: v1\n"
        "kind: ConfigMap\n"
        "metadata:\n"
        "  name: cfg   # a comment\n"
        "  labels: {app: web, tier: \"1\"}\n"
        "data:\n"
        "  script: |\n"
        "    #!/bin/sh\n"
        "    echo hi\n"
        "  folded: >-\n"
        "    one\n"
        "    two\n"
        "  ports:\n"
        "  - 80\n"
        "  - name: https\n"
        "    port: 443\n")
        << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","labels":{"app":"web","tier":"1"}},
                          "data":{"script":"#!/bin/sh\necho hi\n","folded":"one two",
                                  "ports":[80,{"name":"https","port":443}]}})");
    QTest::addRow("flow collections") << QByteArray("[1, [2, 3], {a: [], b: {}}]")
                                      << QByteArray(R"([1,[2,3],{"a":[],"b":{}}])");
    QTest::addRow("empty values are null") << QByteArray("a:\nb: ~\nc: []\n")
                                           << QByteArray(R"({"a":null,"b":null,"c":[]})");
    QTest::addRow("int key") << QByteArray("1: a\n") << QByteArray(R"({"1":"a"})");
    QTest::addRow("hex key") << QByteArray("0x10: a\n") << QByteArray(R"({"16":"a"})");
    QTest::addRow("bool key") << QByteArray("true: a\n") << QByteArray(R"({"true":"a"})");
    QTest::addRow("yes key") << QByteArray("yes: a\non: b\n") << QByteArray(R"({"true":"b"})");
    QTest::addRow("float key") << QByteArray("1.5: a\n") << QByteArray(R"({"1.5":"a"})");
    QTest::addRow("float key is float32") << QByteArray("3.14159265358979: a\n") << QByteArray(R"({"3.1415927":"a"})");
    QTest::addRow("big float key") << QByteArray("1e20: a\n") << QByteArray(R"({"1e+20":"a"})");
    QTest::addRow("quoted key") << QByteArray("\"1\": a\n") << QByteArray(R"({"1":"a"})");
    QTest::addRow("anchor and alias") << QByteArray("base: &b {x: 1}\ncopy: *b\nlist: [&v 7, *v]\n")
                                      << QByteArray(R"({"base":{"x":1},"copy":{"x":1},"list":[7,7]})");
    QTest::addRow("alias as key") << QByteArray("k: &k name\n*k : v\n") << QByteArray(R"({"k":"name","name":"v"})");
    QTest::addRow("merge") << QByteArray("base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  b: 3\n")
                           << QByteArray(R"({"base":{"a":1,"b":2},"m":{"a":1,"b":3}})");
    QTest::addRow("merge list, earlier wins")
        << QByteArray("p: &p {a: 1}\nq: &q {a: 2, b: 2}\nm:\n  <<: [*p, *q]\n")
        << QByteArray(R"({"p":{"a":1},"q":{"a":2,"b":2},"m":{"a":1,"b":2}})");
    QTest::addRow("y and n keys are booleans") << QByteArray("y: 1\nn: 2\n") << QByteArray(R"({"true":1,"false":2})");
    QTest::addRow("merge inline map") << QByteArray("m: {<<: {a: 1}, c: 3}\n") << QByteArray(R"({"m":{"a":1,"c":3}})");
    // go-yaml v2 applies a merge where it stands: it overrides keys set before it.
    QTest::addRow("merge after key overrides it") << QByteArray("m: {a: 1, <<: {a: 2}}\n") << QByteArray(R"({"m":{"a":2}})");
    QTest::addRow("explicit merge tag") << QByteArray("m: {!!merge <<: {a: 1}}\n") << QByteArray(R"({"m":{"a":1}})");
    QTest::addRow("quoted << is a key") << QByteArray("\"<<\": x\n") << QByteArray(R"({"<<":"x"})");
    QTest::addRow("last duplicate wins") << QByteArray("a: 1\na: 2\n") << QByteArray(R"({"a":2})");
    QTest::addRow("json is yaml") << QByteArray(R"({"a": [1, 2.5, "x", null, true], "b": {"c": "d"}})")
                                  << QByteArray(R"({"a":[1,2.5,"x",null,true],"b":{"c":"d"}})");
    QTest::addRow("scalar document") << QByteArray("just text\n") << QByteArray("\"just text\"");
    QTest::addRow("empty document") << QByteArray("") << QByteArray("null");
    QTest::addRow("comment only") << QByteArray("# nothing\n") << QByteArray("null");
    QTest::addRow("only the first document") << QByteArray("a: 1\n---\nb: 2\n") << QByteArray(R"({"a":1})");
}

void TestYamlJson::structures()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);
    const auto result = yamlToJson(yaml);
    QVERIFY2(result.hasValue(), qPrintable(describe(result)));
    QCOMPARE(compact(*result), normalized(json));
}

void TestYamlJson::duplicateKeys()
{
    const QByteArray yaml = "a: 1\nb: 2\na: 3\n1: x\n\"1\": y\nb:\n  4\n";
    const auto lenient = yamlToJson(yaml);
    QVERIFY(lenient.hasValue());
    QCOMPARE(lenient->toObject().value(QStringLiteral("a")).toInteger(), 3);

    // Strict (fieldValidation=Strict) reports every duplicate with the line of its value,
    // worded as go-yaml does; 1 and "1" are different keys there.
    const auto strict = yamlToJson(yaml, YamlDuplicateKeys::Reject);
    QVERIFY(!strict.hasValue());
    QCOMPARE(strict.error(), QStringLiteral("yaml: unmarshal errors:\n  line 3: key \"a\" already set in map\n"
                                            "  line 7: key \"b\" already set in map"));

    // A merge that supplies an existing key counts as a duplicate too (go-yaml v2).
    const auto merged = yamlToJson("m:\n  a: 1\n  <<: {a: 2}\n", YamlDuplicateKeys::Reject);
    QVERIFY(!merged.hasValue());
    QVERIFY2(merged.error().contains(QLatin1String("key \"a\" already set in map")), qPrintable(merged.error()));
    QVERIFY(yamlToJson("m: {<<: {a: 1}, b: 2}\n", YamlDuplicateKeys::Reject).hasValue());
}

void TestYamlJson::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");

    QTest::addRow("unclosed flow") << QByteArray("a: [1, 2\n") << QStringLiteral("yaml: line ");
    QTest::addRow("mapping in scalar") << QByteArray("a: b: c\n") << QStringLiteral("yaml: line 1, column ");
    QTest::addRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << QStringLiteral("yaml: line 3");
    QTest::addRow("unknown alias") << QByteArray("a: *nope\n") << QStringLiteral("yaml: line 1, column 4");
    QTest::addRow("alias to itself") << QByteArray("a: &x [1, *x]\n") << QStringLiteral("anchor 'x' value contains itself");
    QTest::addRow("merge of scalar") << QByteArray("a:\n  <<: 5\n")
                                     << QStringLiteral("line 2, column 7: map merge requires map or sequence of maps");
    QTest::addRow("merge of list of scalars") << QByteArray("a: {<<: [1]}\n") << QStringLiteral("map merge requires");
    QTest::addRow("infinity") << QByteArray("a: .inf\n") << QStringLiteral("line 1, column 4: unsupported value .inf");
    QTest::addRow("nan") << QByteArray("- .NaN\n") << QStringLiteral("unsupported value .NaN");
    QTest::addRow("null key") << QByteArray("~: a\n") << QStringLiteral("line 1, column 1: unsupported map key null");
    QTest::addRow("empty key") << QByteArray(": a\n") << QStringLiteral("unsupported map key null");
    QTest::addRow("uint64 key") << QByteArray("18446744073709551615: a\n") << QStringLiteral("unsupported map key of type uint64");
    QTest::addRow("sequence key") << QByteArray("? [a]\n: b\n") << QStringLiteral("invalid map key");
    QTest::addRow("mapping key") << QByteArray("? {a: 1}\n: b\n") << QStringLiteral("invalid map key");
    QTest::addRow("deep nesting") << QByteArray(3000, '[') << QStringLiteral("nesting is too deep");
    QTest::addRow("bad tag value") << QByteArray("a:\n  - !!int x\n") << QStringLiteral("line 2, column 5: cannot decode");
    QTest::addRow("parser runaway later") << QByteArray("a: 1\n,: x\n") << QStringLiteral("yaml: line 2");
    QTest::addRow("tab indentation") << QByteArray("a:\n\tb: 1\n") << QStringLiteral("yaml: line 2");
}

void TestYamlJson::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    const auto result = yamlToJson(yaml);
    QVERIFY2(!result.hasValue(), qPrintable(describe(result)));
    QVERIFY2(result.error().contains(error), qPrintable(result.error()));
    const auto documents = yamlDocumentsToJson(yaml);
    QVERIFY(!documents.hasValue());
}

void TestYamlJson::aliasBombIsRefused()
{
    // "Billion laughs": nine levels of ten aliases each would expand to 10^9 nodes.
    QByteArray yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        const char previous = char(level - 1);
        yaml += QByteArray(1, level) + ": &" + level + " [";
        for (int i = 0; i < 10; ++i)
            yaml += QByteArray(i ? ", *" : "*") + previous;
        yaml += "]\n";
    }
    const auto result = yamlToJson(yaml);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error(), QStringLiteral("yaml: document contains excessive aliasing"));

    // Moderate reuse is fine.
    const auto small = yamlToJson("a: &a [1, 2]\nb: [*a, *a, *a]\n");
    QVERIFY(small.hasValue());
}

void TestYamlJson::documents()
{
    const QByteArray stream = "---\n"
                              "# first is empty\n"
                              "---\n"
                              "a: 1\n"
                              "...\n"
                              "---\n"
                              "~\n"
                              "---\n"
                              "- b\n"
                              "---\n";
    const auto documents = yamlDocumentsToJson(stream);
    QVERIFY2(documents.hasValue(), qPrintable(documents.hasValue() ? QString() : documents.error()));
    QCOMPARE(documents->size(), 2);
    QCOMPARE(compact(documents->at(0)), normalized(R"({"a":1})"));
    QCOMPARE(compact(documents->at(1)), normalized(R"(["b"])"));

    const auto first = yamlToJson(stream);
    QVERIFY(first.hasValue());
    QVERIFY(first->isNull()); // the first document is empty: the apiserver sees null

    const auto none = yamlDocumentsToJson(QByteArray());
    QVERIFY(none.hasValue());
    QVERIFY(none->isEmpty());

    // yaml-cpp 0.7 never finishes ",:" on its own; the event budget stops it.
    const auto runaway = yamlDocumentsToJson(",:");
    QVERIFY(!runaway.hasValue());
    QVERIFY2(runaway.error().contains(QLatin1String("malformed YAML")), qPrintable(runaway.error()));

    // An error in a later document fails the stream, naming its line.
    const auto broken = yamlDocumentsToJson("a: 1\n---\nb: [\n");
    QVERIFY(!broken.hasValue());
    QVERIFY2(broken.error().startsWith(QLatin1String("yaml: line ")), qPrintable(broken.error()));
}

void TestYamlJson::jsonToYaml_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("yaml");

    QTest::addRow("configmap") << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap",
            "metadata":{"name":"cfg","labels":{"app":"web"},"annotations":{}},
            "data":{"plain":"hello world","bool":"true","num":"42","empty":"","yes":"yes","dash":"- x",
                    "colon":"a: b","padded":" x ","script":"#!/bin/sh\necho hi\n","nonl":"a\nb","tab":"a\tb"}})")
        << QByteArray("apiVersion: v1\n"
                      "data:\n"
                      "  bool: \"true\"\n"
                      "  colon: 'a: b'\n"
                      "  dash: '- x'\n"
                      "  empty: \"\"\n"
                      "  nonl: |-\n"
                      "    a\n"
                      "    b\n"
                      "  num: \"42\"\n"
                      "  padded: ' x '\n"
                      "  plain: hello world\n"
                      "  script: |\n"
                      "    #!/bin/sh\n"
                      "    echo hi\n"
                      "  tab: \"a\\tb\"\n"
                      "  \"yes\": \"yes\"\n"
                      "kind: ConfigMap\n"
                      "metadata:\n"
                      "  annotations: {}\n"
                      "  labels:\n"
                      "    app: web\n"
                      "  name: cfg\n");
    QTest::addRow("lists") << QByteArray(R"({"containers":[{"name":"a","ports":[{"containerPort":80}],"args":[]},
                                             {"name":"b"}],"matrix":[[1,2],[]],"nulls":[null]})")
        << QByteArray("containers:\n"
                      "- args: []\n"
                      "  name: a\n"
                      "  ports:\n"
                      "  - containerPort: 80\n"
                      "- name: b\n"
                      "matrix:\n"
                      "- - 1\n"
                      "  - 2\n"
                      "- []\n"
                      "nulls:\n"
                      "- null\n");
    QTest::addRow("numbers") << QByteArray(R"({"int":3,"neg":-7,"float":1.5,"whole":2.0,"small":0.00001,"big":1e21,
                                               "mid":1234567.5})")
        << QByteArray("big: 1e+21\nfloat: 1.5\nint: 3\nmid: 1.2345675e+06\nneg: -7\nsmall: 1e-05\nwhole: 2\n");
    QTest::addRow("natural key order") << QByteArray(R"({"a10":1,"a2":2,"a1":3,"b":4,"_x":5,"A":6,"1":7})")
        << QByteArray("_x: 5\n\"1\": 7\nA: 6\na1: 3\na2: 2\na10: 1\nb: 4\n");
    QTest::addRow("merge-looking key") << QByteArray(R"({"<<":"x"})") << QByteArray("\"<<\": x\n");
    QTest::addRow("top-level scalar") << QByteArray(R"("text")") << QByteArray("text\n");
    QTest::addRow("top-level multiline") << QByteArray(R"("a\nb")") << QByteArray("|-\n  a\n  b\n");
    QTest::addRow("top-level empty object") << QByteArray("{}") << QByteArray("{}\n");
    QTest::addRow("top-level empty list") << QByteArray("[]") << QByteArray("[]\n");
    QTest::addRow("top-level null") << QByteArray("null") << QByteArray("null\n");
    QTest::addRow("top-level list") << QByteArray(R"([{"a":1},"b"])") << QByteArray("- a: 1\n- b\n");
    QTest::addRow("keep trailing newlines") << QByteArray(R"({"k":"a\n\n"})") << QByteArray("k: |+\n  a\n\n");
    QTest::addRow("blank line inside block") << QByteArray(R"({"k":"a\n\nb"})") << QByteArray("k: |-\n  a\n\n  b\n");
    QTest::addRow("leading space multiline") << QByteArray(R"({"k":" a\nb"})") << QByteArray("k: \" a\\nb\"\n");
    QTest::addRow("control character") << QByteArray(R"({"k":"a\u0001"})") << QByteArray("k: \"a\\x01\"\n");
    QTest::addRow("unicode kept") << QByteArray(R"({"k":"é ✓"})") << QByteArray("k: é ✓\n");
    QTest::addRow("single quote escaped") << QByteArray(R"({"k":"'x'"})") << QByteArray("k: '''x'''\n");
}

void TestYamlJson::jsonToYaml()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, yaml);
    const QJsonArray wrapped = QJsonDocument::fromJson("[" + json + "]").array();
    QVERIFY(!wrapped.isEmpty());
    QCOMPARE(fd::sim::jsonToYaml(wrapped.first()), yaml);
}

void TestYamlJson::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");

    const char *tricky[] = {"null", "~", "Null", "true", "yes", "On", "n", "0x1F", "0o7", "0777", "08", "1e3", ".5",
                            "1_000", "1:20", "-", "--", "---", "...", "- a", "-a", "?", "? a", ":", ":a", "a:",
                            "a: b", "a:b", "#x", "a #b", "a#b", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x",
                            "[x]", "{x}", "x,y", "'x", "\"x", "x'", "x\"", "\\", "trailing ", " leading", "  ",
                            "\t", "a\tb", "multi\nline", "multi\nline\n", "x\n\n", "\n", "\nx", "x \ny", "\r\n",
                            "é", "\u00a0", "\u2028", "\u0085", "\ufeff", "<<", "=", "1.5", "-.inf", ".nan",
                            "2001-01-01", "", " ", "0", "-0", "+1", "0b101", "1e400"};
    for (const char *text : tricky) {
        QJsonObject object;
        object.insert(QString::fromUtf8(text), QString::fromUtf8(text));
        object.insert(QStringLiteral("list"), QJsonArray{QString::fromUtf8(text), QJsonObject{{QString::fromUtf8(text), 1}}});
        QTest::addRow("%s", QJsonDocument(QJsonArray{QString::fromUtf8(text)}).toJson(QJsonDocument::Compact).constData())
            << QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    QTest::addRow("long key") << QByteArray("{\"" + QByteArray(200, 'k') + "\":{\"a\":[1,2]},\"" + QByteArray(150, 'j')
                                            + "\":[1],\"" + QByteArray(130, 'i') + "\":\"v\"}");
    QTest::addRow("numbers") << QByteArray(R"([0,-1,9223372036854775807,-9223372036854775808,0.1,-2.5e-10,1e300,123456.789])");
    QTest::addRow("nesting") << QByteArray(R"({"a":[[[{"b":[{"c":{}}]}]]],"d":[[],[{}],{"e":null}]})");
}

void TestYamlJson::roundTrip()
{
    QFETCH(QByteArray, json);
    const QJsonValue value = QJsonDocument::fromJson(json).isArray()
                                 ? QJsonValue(QJsonDocument::fromJson(json).array())
                                 : QJsonValue(QJsonDocument::fromJson(json).object());
    const QByteArray yaml = fd::sim::jsonToYaml(value);
    const auto back = yamlToJson(yaml);
    QVERIFY2(back.hasValue(), qPrintable(back.hasValue() ? QString() : back.error() + QStringLiteral("\n") + QString::fromUtf8(yaml)));
    QVERIFY2(compact(*back) == compact(value), yaml.constData());
}

void TestYamlJson::randomStringsRoundTrip()
{
    // Random strings over the characters that matter to YAML quoting.
    const QString alphabet = QStringLiteral(" \t\n\r-?:,[]{}#&*!|>'\"%@`\\<=~.0123456789eExXoObB+_aynNtTfF\u00e9\u00a0\u2028");
    QRandomGenerator random(7);
    for (int round = 0; round < 3000; ++round) {
        QString text;
        const int length = int(random.bounded(8));
        for (int i = 0; i < length; ++i)
            text += alphabet.at(random.bounded(alphabet.size()));
        const QJsonObject object{{text, text}, {QStringLiteral("l"), QJsonArray{text}}};
        const QByteArray yaml = fd::sim::jsonToYaml(object);
        const auto back = yamlToJson(yaml);
        QVERIFY2(back.hasValue(), qPrintable(QStringLiteral("%1 for %2").arg(back.hasValue() ? QString() : back.error(),
                                                                             QString::fromUtf8(yaml))));
        QVERIFY2(back->toObject() == object, yaml.constData());
    }
}

void TestYamlJson::garbageNeverCrashes()
{
    static const char kMutations[] = "[]{}:-&*!|>'\"#,? \n\tab01<";
    const QByteArray seed = "a: &a [1, {b: *a}]\nc: !!binary aGk=\n<<: {d: 1}\n- x\n\"q\": 'r'\n? [k]\n: v\n";
    QRandomGenerator random(99);
    for (int round = 0; round < 3000; ++round) {
        QByteArray yaml = seed;
        const int edits = 1 + int(random.bounded(5));
        for (int i = 0; i < edits; ++i)
            yaml[random.bounded(yaml.size())] = kMutations[random.bounded(qsizetype(sizeof(kMutations) - 1))];
        const auto single = yamlToJson(yaml, YamlDuplicateKeys::Reject);
        const auto many = yamlDocumentsToJson(yaml);
        if (!single.hasValue())
            QVERIFY(!single.error().isEmpty());
        if (!many.hasValue())
            QVERIFY(!many.error().isEmpty());
    }
}

namespace {
// Keys in descending order: inserting each at its sorted place would be quadratic.
QByteArray documentWithEntries(int entries)
{
    QByteArray yaml = "map:\n";
    for (int i = entries; i > 0; --i)
        yaml += "  k" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
    yaml += "list:\n";
    for (int i = 0; i < entries; ++i)
        yaml += "- x\n";
    return yaml;
}

} // namespace

void TestYamlJson::largeDocumentsStayLinear()
{
    const QByteArray large = documentWithEntries(40000);
    const auto result = yamlToJson(large);
    QVERIFY2(result.hasValue(), qPrintable(describe(result)));
    QCOMPARE(result->toObject().value(QStringLiteral("map")).toObject().size(), 40000);
    QCOMPARE(result->toObject().value(QStringLiteral("list")).toArray().size(), 40000);
    // A quadratic insertion would take minutes here and hit the test's timeout; how fast it is
    // belongs to the benchmarks, not to a timed assertion on a shared machine.
    QVERIFY(!fd::sim::jsonToYaml(*result).isEmpty());
}

QTEST_GUILESS_MAIN(TestYamlJson)
#include "tst_yamljson.moc"
