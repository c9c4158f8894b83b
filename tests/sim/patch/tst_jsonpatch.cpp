#include "PatchTestUtil.h"

#include "sim/patch/JsonPatch.h"

#include <QTest>

using fd::sim::PatchErrorKind;
using fd::test::jsonObject;

namespace {
const QByteArray kDocument = R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null})";
}

class TestJsonPatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void applies_data();
    void applies();
    void failsOperation_data();
    void failsOperation();
    void rejectsBody_data();
    void rejectsBody();
    void limitsOperationCount();
};

void TestJsonPatch::applies_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("add key") << QByteArray(R"([{"op":"add","path":"/spec","value":{"r":1}}])")
                             << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null,"spec":{"r":1}})");
    QTest::addRow("add replaces an existing key") << QByteArray(R"([{"op":"add","path":"/metadata/name","value":"y"}])")
                                                  << QByteArray(R"({"metadata":{"name":"y","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null})");
    QTest::addRow("add at index") << QByteArray(R"([{"op":"add","path":"/list/1","value":9}])")
                                  << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,9,2,3],"nul":null})");
    QTest::addRow("add at end index") << QByteArray(R"([{"op":"add","path":"/list/3","value":9}])")
                                      << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3,9],"nul":null})");
    QTest::addRow("add dash appends") << QByteArray(R"([{"op":"add","path":"/list/-","value":9}])")
                                      << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3,9],"nul":null})");
    QTest::addRow("add negative index counts from the end") << QByteArray(R"([{"op":"add","path":"/list/-1","value":9}])")
                                                            << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3,9],"nul":null})");
    QTest::addRow("add without value adds null") << QByteArray(R"([{"op":"add","path":"/z"}])")
                                                 << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null,"z":null})");
    QTest::addRow("remove escaped ~1") << QByteArray(R"([{"op":"remove","path":"/metadata/labels/k~1x"}])")
                                       << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","t~y":"3"}},"list":[1,2,3],"nul":null})");
    QTest::addRow("remove escaped ~0") << QByteArray(R"([{"op":"remove","path":"/metadata/labels/t~0y"}])")
                                       << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2"}},"list":[1,2,3],"nul":null})");
    QTest::addRow("remove array item") << QByteArray(R"([{"op":"remove","path":"/list/0"}])")
                                       << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[2,3],"nul":null})");
    QTest::addRow("replace") << QByteArray(R"([{"op":"replace","path":"/list/2","value":"z"}])")
                             << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,"z"],"nul":null})");
    QTest::addRow("replace of a missing key adds it (json-patch v4)")
        << QByteArray(R"([{"op":"replace","path":"/metadata/uid","value":"u"}])")
        << QByteArray(R"({"metadata":{"name":"x","uid":"u","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null})");
    QTest::addRow("replace the whole document") << QByteArray(R"([{"op":"replace","path":"","value":{"n":1}}])")
                                                << QByteArray(R"({"n":1})");
    QTest::addRow("move") << QByteArray(R"([{"op":"move","from":"/metadata/name","path":"/title"}])")
                          << QByteArray(R"({"metadata":{"labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null,"title":"x"})");
    QTest::addRow("move within an array") << QByteArray(R"([{"op":"move","from":"/list/0","path":"/list/-"}])")
                                          << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[2,3,1],"nul":null})");
    QTest::addRow("copy") << QByteArray(R"([{"op":"copy","from":"/metadata/labels","path":"/l2"}])")
                          << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null,"l2":{"a":"1","k/x":"2","t~y":"3"}})");
    QTest::addRow("copy of a missing key copies null") << QByteArray(R"([{"op":"copy","from":"/missing","path":"/c"}])")
                                                       << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null,"c":null})");
    QTest::addRow("test then replace") << QByteArray(R"([{"op":"test","path":"/metadata/name","value":"x"},{"op":"replace","path":"/metadata/name","value":"y"}])")
                                       << QByteArray(R"({"metadata":{"name":"y","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null})");
    QTest::addRow("test structured value") << QByteArray(R"([{"op":"test","path":"/list","value":[1,2,3]}])") << kDocument;
    QTest::addRow("test missing key against null") << QByteArray(R"([{"op":"test","path":"/missing","value":null}])") << kDocument;
    QTest::addRow("test null value without value") << QByteArray(R"([{"op":"test","path":"/nul"}])") << kDocument;
    QTest::addRow("test negative index") << QByteArray(R"([{"op":"test","path":"/list/-1","value":3}])") << kDocument;
    QTest::addRow("null body is an empty patch") << QByteArray("null") << kDocument;
    QTest::addRow("empty patch") << QByteArray("[]") << kDocument;
    QTest::addRow("path without leading slash ignores its first token")
        << QByteArray(R"([{"op":"add","path":"ignored/top","value":1}])")
        << QByteArray(R"({"metadata":{"name":"x","labels":{"a":"1","k/x":"2","t~y":"3"}},"list":[1,2,3],"nul":null,"top":1})");
}

void TestJsonPatch::applies()
{
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto result = fd::sim::applyJsonPatch(jsonObject(kDocument), patch);
    QVERIFY2(result.hasValue(), qPrintable(result.hasValue() ? QString() : result.error().detail));
    FD_COMPARE_JSON(result.value(), jsonObject(expected));
}

void TestJsonPatch::failsOperation_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("detail");

    QTest::addRow("test mismatch") << QByteArray(R"([{"op":"test","path":"/metadata/name","value":"nope"}])")
                                   << QStringLiteral("testing value /metadata/name failed: test failed");
    QTest::addRow("test null against a value") << QByteArray(R"([{"op":"test","path":"/nul","value":1}])")
                                               << QStringLiteral("testing value /nul failed: test failed");
    QTest::addRow("test value without expected value") << QByteArray(R"([{"op":"test","path":"/metadata/name"}])")
                                                       << QStringLiteral("testing value /metadata/name failed: test failed");
    QTest::addRow("test whole document") << QByteArray(R"([{"op":"test","path":"","value":{}}])")
                                         << QStringLiteral("testing value  failed: test failed");
    QTest::addRow("add below a missing parent") << QByteArray(R"([{"op":"add","path":"/spec/replicas","value":1}])")
                                                << QStringLiteral("add operation does not apply: doc is missing path: \"/spec/replicas\": missing value");
    QTest::addRow("add below a scalar") << QByteArray(R"([{"op":"add","path":"/metadata/name/x","value":1}])")
                                        << QStringLiteral("add operation does not apply: doc is missing path: \"/metadata/name/x\": missing value");
    QTest::addRow("add below null") << QByteArray(R"([{"op":"add","path":"/nul/x","value":1}])")
                                    << QStringLiteral("add operation does not apply: doc is missing path: \"/nul/x\": missing value");
    QTest::addRow("add past the end") << QByteArray(R"([{"op":"add","path":"/list/5","value":1}])")
                                      << QStringLiteral("error in add for path: '/list/5': Unable to access invalid index: 5: invalid index referenced");
    QTest::addRow("add at a bad index") << QByteArray(R"([{"op":"add","path":"/list/x","value":1}])")
                                        << QStringLiteral("error in add for path: '/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax");
    QTest::addRow("add to the root") << QByteArray(R"([{"op":"add","path":"","value":1}])")
                                     << QStringLiteral("add operation does not apply: doc is missing path: \"\": missing value");
    QTest::addRow("remove missing key") << QByteArray(R"([{"op":"remove","path":"/metadata/uid"}])")
                                        << QStringLiteral("error in remove for path: '/metadata/uid': Unable to remove nonexistent key: uid: missing value");
    QTest::addRow("remove past the end") << QByteArray(R"([{"op":"remove","path":"/list/3"}])")
                                         << QStringLiteral("error in remove for path: '/list/3': Unable to access invalid index: 3: invalid index referenced");
    QTest::addRow("replace past the end") << QByteArray(R"([{"op":"replace","path":"/list/7","value":1}])")
                                          << QStringLiteral("replace operation does not apply: doc is missing key: /list/7: missing value");
    QTest::addRow("replace root with a scalar") << QByteArray(R"([{"op":"replace","path":"","value":1}])")
                                                << QStringLiteral("replace operation value must be object or array");
    QTest::addRow("move from a missing key") << QByteArray(R"([{"op":"move","from":"/nope","path":"/x"}])")
                                             << QStringLiteral("error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value");
    QTest::addRow("move without from") << QByteArray(R"([{"op":"move","path":"/x"}])")
                                       << QStringLiteral("move operation failed to decode from: operation, missing from field: missing value");
    QTest::addRow("copy to a missing parent") << QByteArray(R"([{"op":"copy","from":"/list","path":"/a/b"}])")
                                              << QStringLiteral("copy operation does not apply: doc is missing destination path: /a/b: missing value");
    QTest::addRow("unknown op") << QByteArray(R"([{"op":"bogus","path":"/x"}])") << QStringLiteral("Unexpected kind: bogus");
    QTest::addRow("missing op") << QByteArray(R"([{"path":"/x"}])") << QStringLiteral("Unexpected kind: unknown");
    QTest::addRow("null operation") << QByteArray(R"([null])") << QStringLiteral("Unexpected kind: unknown");
    QTest::addRow("missing path") << QByteArray(R"([{"op":"add","value":1}])")
                                  << QStringLiteral("add operation failed to decode path: missing value");
    QTest::addRow("path is a number") << QByteArray(R"([{"op":"replace","path":5,"value":1}])")
                                      << QStringLiteral("replace operation failed to decode path: json: cannot unmarshal number into Go value of type string");
    QTest::addRow("second op fails after the first applied")
        << QByteArray(R"([{"op":"add","path":"/a","value":1},{"op":"test","path":"/a","value":2}])")
        << QStringLiteral("testing value /a failed: test failed");
}

void TestJsonPatch::failsOperation()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, detail);
    const auto result = fd::sim::applyJsonPatch(jsonObject(kDocument), patch);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().kind, PatchErrorKind::Invalid);
    QCOMPARE(result.error().httpStatus(), 422);
    // The apiserver answers with NewGenericServerResponse(422): a fixed message.
    QCOMPARE(result.error().message, QStringLiteral("the server rejected our request due to an error in our request"));
    QCOMPARE(result.error().detail, detail);
    QCOMPARE(result.error().toStatus().value(QStringLiteral("reason")).toString(), QStringLiteral("Invalid"));
}

void TestJsonPatch::rejectsBody_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<PatchErrorKind>("kind");
    QTest::addColumn<QString>("message");

    QTest::addRow("malformed") << QByteArray(R"([{"op":)") << PatchErrorKind::BadRequest << QStringLiteral("invalid JSON patch");
    QTest::addRow("empty") << QByteArray("") << PatchErrorKind::BadRequest << QStringLiteral("invalid JSON patch");
    QTest::addRow("object body") << QByteArray(R"({"op":"add"})") << PatchErrorKind::BadRequest
                                 << QStringLiteral("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    QTest::addRow("string element") << QByteArray(R"(["add"])") << PatchErrorKind::BadRequest
                                    << QStringLiteral("json: cannot unmarshal string into Go value of type jsonpatch.Operation");
    QTest::addRow("result is an array") << QByteArray(R"([{"op":"replace","path":"","value":[1]}])") << PatchErrorKind::Invalid
                                        << QStringLiteral(" \"\" is invalid: patch: Invalid value: \"[1]\": json: cannot unmarshal "
                                                          "array into Go value of type map[string]interface {}");
}

void TestJsonPatch::rejectsBody()
{
    QFETCH(QByteArray, patch);
    QFETCH(PatchErrorKind, kind);
    QFETCH(QString, message);
    const auto result = fd::sim::applyJsonPatch(jsonObject(kDocument), patch);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().kind, kind);
    QCOMPARE(result.error().message, message);
}

void TestJsonPatch::limitsOperationCount()
{
    QByteArray patch = "[";
    for (int i = 0; i < 10001; ++i)
        patch.append(i ? R"(,{"op":"test","path":"/list/0","value":1})" : R"({"op":"test","path":"/list/0","value":1})");
    patch.append("]");
    const auto result = fd::sim::applyJsonPatch(jsonObject(kDocument), patch);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().httpStatus(), 413);
    QCOMPARE(result.error().message, QStringLiteral("Request entity too large: The allowed maximum operations in a JSON "
                                                    "patch is 10000, got 10001"));

    // Copy cannot grow a document without bound: doubling a large value trips the limit.
    QByteArray big = R"({"v":")" + QByteArray(512 * 1024, 'x') + R"("})";
    QByteArray copies = "[";
    for (int i = 0; i < 8; ++i)
        copies.append(i ? "," : "").append(QStringLiteral(R"({"op":"copy","from":"/v","path":"/c%1"})").arg(i).toUtf8());
    copies.append("]");
    const auto copied = fd::sim::applyJsonPatch(jsonObject(big), copies);
    QVERIFY(!copied.hasValue());
    QVERIFY2(copied.error().detail.startsWith(QStringLiteral("Unable to complete the copy")), qPrintable(copied.error().detail));
}

QTEST_GUILESS_MAIN(TestJsonPatch)
#include "tst_jsonpatch.moc"
