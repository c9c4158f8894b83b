#include "PatchTestUtil.h"

#include "sim/patch/JsonMergePatch.h"

#include <QTest>

using fd::sim::PatchErrorKind;
using fd::test::jsonObject;

class TestJsonMergePatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void merges_data();
    void merges();
    void rejects_data();
    void rejects();
    void leavesOriginalUntouched();
};

void TestJsonMergePatch::merges_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("adds a field") << QByteArray(R"({"a":1})") << QByteArray(R"({"b":2})") << QByteArray(R"({"a":1,"b":2})");
    QTest::addRow("replaces a scalar") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":"x"})") << QByteArray(R"({"a":"x"})");
    QTest::addRow("null deletes") << QByteArray(R"({"a":1,"b":2})") << QByteArray(R"({"a":null})") << QByteArray(R"({"b":2})");
    QTest::addRow("null for a missing key is a no-op") << QByteArray(R"({"a":1})") << QByteArray(R"({"z":null})")
                                                       << QByteArray(R"({"a":1})");
    QTest::addRow("nested objects merge")
        << QByteArray(R"({"metadata":{"labels":{"a":"1","b":"2"},"name":"x"}})")
        << QByteArray(R"({"metadata":{"labels":{"b":null,"c":"3"}}})")
        << QByteArray(R"({"metadata":{"labels":{"a":"1","c":"3"},"name":"x"}})");
    QTest::addRow("lists are replaced") << QByteArray(R"({"l":[1,2,3]})") << QByteArray(R"({"l":[4]})")
                                        << QByteArray(R"({"l":[4]})");
    QTest::addRow("new object drops its nulls") << QByteArray(R"({})") << QByteArray(R"({"o":{"a":null,"b":{"c":null,"d":1}}})")
                                                << QByteArray(R"({"o":{"b":{"d":1}}})");
    QTest::addRow("null list items stay") << QByteArray(R"({})") << QByteArray(R"({"l":[null,{"a":null,"b":1}]})")
                                          << QByteArray(R"({"l":[null,{"b":1}]})");
    QTest::addRow("object replaces a scalar, nulls pruned") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":{"x":null,"y":2}})")
                                                            << QByteArray(R"({"a":{"y":2}})");
    QTest::addRow("scalar replaces an object") << QByteArray(R"({"a":{"x":1}})") << QByteArray(R"({"a":true})")
                                               << QByteArray(R"({"a":true})");
    QTest::addRow("object value merges over a null one") << QByteArray(R"({"a":null})") << QByteArray(R"({"a":{"b":null,"c":1}})")
                                                         << QByteArray(R"({"a":{"c":1}})");
    QTest::addRow("empty patch") << QByteArray(R"({"a":1})") << QByteArray(R"({})") << QByteArray(R"({"a":1})");
    QTest::addRow("whitespace around the body") << QByteArray(R"({"a":1})") << QByteArray(" \n{\"a\":2}\n ")
                                                << QByteArray(R"({"a":2})");
}

void TestJsonMergePatch::merges()
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto result = fd::sim::applyMergePatch(jsonObject(original), patch);
    QVERIFY2(result.hasValue(), qPrintable(result.hasValue() ? QString() : result.error().message));
    FD_COMPARE_JSON(result.value(), jsonObject(expected));
}

void TestJsonMergePatch::rejects_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<PatchErrorKind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::addRow("malformed") << QByteArray(R"({"a":)") << PatchErrorKind::BadRequest << 400 << QStringLiteral("invalid JSON patch");
    QTest::addRow("empty body") << QByteArray() << PatchErrorKind::BadRequest << 400 << QStringLiteral("invalid JSON patch");
    QTest::addRow("two values") << QByteArray(R"({} {})") << PatchErrorKind::BadRequest << 400 << QStringLiteral("invalid JSON patch");
    QTest::addRow("null") << QByteArray("null") << PatchErrorKind::BadRequest << 400 << QStringLiteral("Invalid JSON Patch");
    QTest::addRow("string") << QByteArray(R"("x")") << PatchErrorKind::BadRequest << 400 << QStringLiteral("Invalid JSON Patch");
    QTest::addRow("number") << QByteArray("42") << PatchErrorKind::BadRequest << 400 << QStringLiteral("Invalid JSON Patch");
    QTest::addRow("array") << QByteArray(R"([1,2])") << PatchErrorKind::Invalid << 422
                           << QStringLiteral(" \"\" is invalid: patch: Invalid value: \"[1,2]\": json: cannot unmarshal array "
                                             "into Go value of type map[string]interface {}");
    QByteArray deep;
    for (int i = 0; i < 150; ++i)
        deep.append(R"({"a":)");
    deep.append("1");
    deep.append(QByteArray(150, '}'));
    QTest::addRow("too deep") << deep << PatchErrorKind::BadRequest << 400
                              << QStringLiteral("error decoding patch: nesting depth exceeds 100");
}

void TestJsonMergePatch::rejects()
{
    QFETCH(QByteArray, patch);
    QFETCH(PatchErrorKind, kind);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto result = fd::sim::applyMergePatch(jsonObject(R"({"a":1})"), patch);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().kind, kind);
    QCOMPARE(result.error().httpStatus(), status);
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().toStatus().value(QStringLiteral("code")).toInt(), status);
}

void TestJsonMergePatch::leavesOriginalUntouched()
{
    const QJsonObject original = jsonObject(R"({"a":{"b":1}})");
    const QJsonObject copy = original;
    const auto result = fd::sim::applyMergePatch(original, R"({"a":{"b":2}})");
    QVERIFY(result.hasValue());
    QCOMPARE(original, copy);
}

QTEST_GUILESS_MAIN(TestJsonMergePatch)
#include "tst_jsonmergepatch.moc"
