#include "PatchTestUtil.h"

#include "sim/patch/FieldSet.h"
#include "sim/patch/ManagedFields.h"

#include <QJsonArray>
#include <QTest>

using fd::sim::FieldPath;
using fd::sim::FieldSet;
using fd::test::jsonObject;

class TestFieldSet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripsFieldsV1_data();
    void roundTripsFieldsV1();
    void rejectsBadFieldsV1_data();
    void rejectsBadFieldsV1();
    void pathStrings_data();
    void pathStrings();
    void setOperations();
    void decodesManagedFields_data();
    void decodesManagedFields();
    void sortsAndCapsEntries();
};

void TestFieldSet::roundTripsFieldsV1_data()
{
    QTest::addColumn<QByteArray>("fields");
    // As kube-apiserver writes them for `kubectl create deployment` and `apply --server-side`.
    QTest::addRow("update entry") << QByteArray(R"({"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},)"
                                                R"("f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}},)"
                                                R"("f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},)"
                                                R"("f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}})");
    QTest::addRow("set items") << QByteArray(R"({"f:metadata":{"f:finalizers":{".":{},"v:\"a\"":{},"v:\"b\"":{}}}})");
    QTest::addRow("empty") << QByteArray("{}");
}

void TestFieldSet::roundTripsFieldsV1()
{
    QFETCH(QByteArray, fields);
    const auto set = FieldSet::fromFieldsV1(jsonObject(fields));
    QVERIFY2(set.hasValue(), qPrintable(set.hasValue() ? QString() : set.error()));
    FD_COMPARE_JSON(set.value().toFieldsV1(), jsonObject(fields));
}

void TestFieldSet::rejectsBadFieldsV1_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addRow("short key") << QByteArray(R"({"f":{}})");
    QTest::addRow("missing colon") << QByteArray(R"({"fx":{}})");
    QTest::addRow("bad key json") << QByteArray(R"({"k:{bad":{}})");
    QTest::addRow("key not an object") << QByteArray(R"({"k:[1]":{}})");
    QTest::addRow("value not an object") << QByteArray(R"({"f:a":1})");
    QTest::addRow("bad index") << QByteArray(R"({"i:x":{}})");
}

void TestFieldSet::rejectsBadFieldsV1()
{
    QFETCH(QByteArray, fields);
    QVERIFY(!FieldSet::fromFieldsV1(jsonObject(fields)).hasValue());
}

void TestFieldSet::pathStrings_data()
{
    QTest::addColumn<FieldPath>("path");
    QTest::addColumn<QString>("text");
    QTest::addRow("fields") << FieldPath{fd::sim::fieldElement(QStringLiteral("spec")), fd::sim::fieldElement(QStringLiteral("replicas"))}
                            << QStringLiteral(".spec.replicas");
    QTest::addRow("keyed item") << FieldPath{fd::sim::fieldElement(QStringLiteral("containers")),
                                             fd::sim::keyElement(jsonObject(R"({"name":"nginx"})")),
                                             fd::sim::fieldElement(QStringLiteral("image"))}
                                << QStringLiteral(".containers[name=\"nginx\"].image");
    QTest::addRow("two keys") << FieldPath{fd::sim::keyElement(jsonObject(R"({"protocol":"TCP","containerPort":80})"))}
                              << QStringLiteral("[containerPort=80,protocol=\"TCP\"]");
    QTest::addRow("set item") << FieldPath{fd::sim::valueElement(QJsonValue(QStringLiteral("a")))} << QStringLiteral("[=\"a\"]");
}

void TestFieldSet::pathStrings()
{
    QFETCH(FieldPath, path);
    QFETCH(QString, text);
    QCOMPARE(fd::sim::fieldPathString(path), text);
}

void TestFieldSet::setOperations()
{
    const QString a = fd::sim::fieldElement(QStringLiteral("a"));
    const QString b = fd::sim::fieldElement(QStringLiteral("b"));
    const QString c = fd::sim::fieldElement(QStringLiteral("c"));
    FieldSet left;
    left.insert({a});
    left.insert({a, b});
    FieldSet right;
    right.insert({a, b});
    right.insert({c});

    QVERIFY(left.united(right).has({c}));
    QVERIFY(left.united(right).has({a}));
    const FieldSet both = left.intersected(right);
    QVERIFY(both.has({a, b}));
    QVERIFY(!both.has({a}));
    const FieldSet rest = left.subtracted(right);
    QVERIFY(rest.has({a}));
    QVERIFY(!rest.has({a, b}));
    QVERIFY(left.subtracted(left).isEmpty());
    QCOMPARE(left.united(right).paths().size(), 3);
    // "." marks a member that also has children.
    FD_COMPARE_JSON(left.toFieldsV1(), jsonObject(R"({"f:a":{".":{},"f:b":{}}})"));
}

void TestFieldSet::decodesManagedFields_data()
{
    QTest::addColumn<QByteArray>("entries");
    QTest::addColumn<QString>("error");
    QTest::addRow("valid") << QByteArray(R"({"m":[{"manager":"m","operation":"Apply","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:a":{}}}]})")
                           << QString();
    QTest::addRow("bad operation") << QByteArray(R"({"m":[{"manager":"m","operation":"Patch","apiVersion":"v1","fieldsType":"FieldsV1"}]})")
                                   << QStringLiteral("operation must be `Apply` or `Update`");
    QTest::addRow("no apiVersion") << QByteArray(R"({"m":[{"manager":"m","operation":"Apply","fieldsType":"FieldsV1"}]})")
                                   << QStringLiteral("apiVersion must not be empty");
    QTest::addRow("no fieldsType") << QByteArray(R"({"m":[{"manager":"m","operation":"Apply","apiVersion":"v1"}]})")
                                   << QStringLiteral("missing fieldsType in managed fields entry 0");
    QTest::addRow("bad fieldsType") << QByteArray(R"({"m":[{"manager":"m","operation":"Apply","apiVersion":"v1","fieldsType":"FieldsV2"}]})")
                                    << QStringLiteral("invalid fieldsType \"FieldsV2\" in managed fields entry 0");
    QTest::addRow("not a list") << QByteArray(R"({"m":{}})") << QStringLiteral("managedFields must be a list");
}

void TestFieldSet::decodesManagedFields()
{
    QFETCH(QByteArray, entries);
    QFETCH(QString, error);
    const auto decoded = fd::sim::decodeManagedFields(jsonObject(entries).value(QStringLiteral("m")));
    if (error.isEmpty()) {
        QVERIFY(decoded.hasValue());
        QCOMPARE(decoded.value().size(), 1);
    } else {
        QVERIFY(!decoded.hasValue());
        QCOMPARE(decoded.error(), error);
    }
}

void TestFieldSet::sortsAndCapsEntries()
{
    QList<fd::sim::ManagedFieldsEntry> entries;
    FieldSet fields;
    fields.insert({fd::sim::fieldElement(QStringLiteral("x"))});
    for (int i = 0; i < 12; ++i) {
        entries.append({QStringLiteral("m%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Update"), QStringLiteral("v1"),
                        QStringLiteral("2024-01-01T00:00:%1Z").arg(i, 2, 10, QLatin1Char('0')), QString(), fields});
    }
    entries.append({QStringLiteral("applier"), QStringLiteral("Apply"), QStringLiteral("v1"), QStringLiteral("2024-01-02T00:00:00Z"),
                    QString(), fields});
    fd::sim::capUpdateManagers(entries, 10);
    const QJsonArray encoded = fd::sim::encodeManagedFields(entries);
    QCOMPARE(encoded.size(), 11); // 10 updaters (one of them the bucket) + the applier
    QCOMPARE(encoded.at(0).toObject().value(QStringLiteral("operation")).toString(), QStringLiteral("Apply"));
    QCOMPARE(encoded.at(1).toObject().value(QStringLiteral("manager")).toString(), QStringLiteral("ancient-changes"));
    QCOMPARE(encoded.at(2).toObject().value(QStringLiteral("manager")).toString(), QStringLiteral("m03"));
}

QTEST_GUILESS_MAIN(TestFieldSet)
#include "tst_fieldset.moc"
