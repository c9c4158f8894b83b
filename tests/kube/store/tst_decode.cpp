#include "tst_decode.h"

#include "kube/store/Decode.h"
#include "kube/store/SyntheticObjects.h"

#include "StoreTestUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace fd::kube;
using namespace fd::kube::test;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(fd::kube::ErrorKind)

namespace {

QByteArray page(const QByteArray &items, const QByteArray &metadata = R"({"resourceVersion":"7"})")
{
    return R"({"kind":"PodList","apiVersion":"v1","metadata":)" + metadata + R"(,"items":[)" + items + "]}";
}

const QByteArray okItem = R"({"metadata":{"name":"a","namespace":"n","resourceVersion":"1"}})";

} // namespace

void TestDecode::listEnvelope()
{
    const QByteArray json = page(okItem + "," + R"({"metadata":{"name":"b","namespace":"n"}})",
                                 R"({"resourceVersion":"99","continue":"tok","remainingItemCount":1234,"selfLink":"x"})");
    auto list = decodeList(json);
    QVERIFY2(list, list ? "" : qPrintable(list.error().message));
    QCOMPARE(list->kind, u"PodList"_s);
    QCOMPARE(list->apiVersion, u"v1"_s);
    QCOMPARE(list->resourceVersion, u"99"_s);
    QCOMPARE(list->continueToken, u"tok"_s);
    QCOMPARE(list->remainingItemCount, std::optional<qint64>(1234));
    QCOMPARE(list->items.size(), 2);
    for (const KubeObject &item : list->items) {
        QCOMPARE(item.kind(), u"Pod"_s);
        QCOMPARE(item.apiVersion(), u"v1"_s);
        QCOMPARE(item.stringAt(u"kind"), std::optional<QString>(u"Pod"_s));
    }
    QCOMPARE(list->items[1].name(), u"b"_s);
}

void TestDecode::emptyAndNullItems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("empty array") << QByteArray(R"({"kind":"PodList","apiVersion":"v1","metadata":{},"items":[]})");
    QTest::addRow("null items") << QByteArray(R"({"kind":"PodList","apiVersion":"v1","metadata":null,"items":null})");
    QTest::addRow("null continue") << QByteArray(
        R"({"kind":"PodList","metadata":{"continue":null,"remainingItemCount":null},"items":[]})");
}

void TestDecode::emptyAndNullItems()
{
    QFETCH(QByteArray, json);
    auto list = decodeList(json);
    QVERIFY2(list, list ? "" : qPrintable(list.error().message));
    QVERIFY(list->items.isEmpty());
    QVERIFY(list->continueToken.isEmpty());
    QVERIFY(!list->remainingItemCount.has_value());
}

void TestDecode::itemsKeepTheirOwnKind()
{
    const QByteArray json = R"({"kind":"FunctionList","apiVersion":"fission.io/v1","metadata":{},"items":[)"
                            R"({"apiVersion":"fission.io/v1","kind":"Function","metadata":{"name":"f"}},)"
                            R"({"metadata":{"name":"g"}}]})";
    auto list = decodeList(json);
    QVERIFY(list);
    QCOMPARE(list->items[0].kind(), u"Function"_s);
    QCOMPARE(list->items[0].json().count("\"kind\""), 1);
    QCOMPARE(list->items[1].kind(), u"Function"_s);
    QCOMPARE(list->items[1].apiVersion(), u"fission.io/v1"_s);
}

void TestDecode::kindAfterItems()
{
    // Not the apiserver's field order, but valid: items still get their type.
    const QByteArray json = R"({"items":[{"metadata":{"name":"a"}}],"apiVersion":"apps/v1","kind":"DeploymentList"})";
    auto list = decodeList(json);
    QVERIFY2(list, list ? "" : qPrintable(list.error().message));
    QCOMPARE(list->items[0].kind(), u"Deployment"_s);
    QCOMPARE(list->items[0].apiVersion(), u"apps/v1"_s);
    QVERIFY(list->items[0].json().contains(R"("kind":"Deployment")"));
    QCOMPARE(list->items[0].name(), u"a"_s);
}

// Where managedFields sits decides which comma goes with it.
void TestDecode::managedFieldsStripped_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addRow("middle") << QByteArray(R"({"metadata":{"name":"a","managedFields":[{"m":1}],"uid":"u"},"spec":{}})");
    QTest::addRow("last") << QByteArray(R"({"metadata":{"name":"a","uid":"u","managedFields":[{"m":[1,{"x":"]"}]}]}})");
    QTest::addRow("first") << QByteArray(R"({"metadata":{"managedFields":[],"name":"a","uid":"u"}})");
    QTest::addRow("only member of metadata + name elsewhere")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"metadata":{"managedFields":[1]}}})");
    QTest::addRow("null") << QByteArray(R"({"metadata":{"name":"a","managedFields":null,"uid":"u"}})");
    QTest::addRow("object value") << QByteArray(R"({"metadata":{"name":"a","managedFields":{"x":[1]}}})");
    QTest::addRow("absent") << QByteArray(R"({"metadata":{"name":"a"}})");
    QTest::addRow("pretty printed") << QByteArray("{\n  \"metadata\" : {\n    \"name\" : \"a\" ,\n"
                                                  "    \"managedFields\" : [ { \"m\" : 1 } ] ,\n"
                                                  "    \"labels\" : { \"k\" : \"v w\" }\n  }\n}\n");
}

void TestDecode::managedFieldsStripped()
{
    QFETCH(QByteArray, item);
    auto list = decodeList(page(item));
    QVERIFY2(list, list ? "" : qPrintable(list.error().message));
    const KubeObject o = list->items.value(0);
    const QJsonObject stored = QJsonDocument::fromJson(o.json()).object();
    QVERIFY2(!stored.isEmpty(), o.json().constData());
    QJsonObject expected = withoutManagedFields(item);
    expected.insert(u"apiVersion"_s, u"v1"_s);
    expected.insert(u"kind"_s, u"Pod"_s);
    QCOMPARE(stored, expected);
    QCOMPARE(o.name(), u"a"_s);
    QVERIFY(!o.json().contains('\n'));
    if (item.contains("\"uid\""))
        QCOMPARE(o.uid(), u"u"_s);
    if (item.contains("\"labels\""))
        QCOMPARE(o.label(u"k"), std::optional<QString>(u"v w"_s));
}

void TestDecode::malformedLists_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // a part of the message

    QTest::addRow("empty input") << QByteArray() << u"list reply"_s;
    QTest::addRow("whitespace") << QByteArray("   \n") << u"list reply"_s;
    QTest::addRow("null") << QByteArray("null") << u"not a JSON object"_s;
    QTest::addRow("array") << QByteArray("[]") << u"not a JSON object"_s;
    QTest::addRow("string") << QByteArray(R"("PodList")") << u"not a JSON object"_s;
    QTest::addRow("truncated envelope") << QByteArray(R"({"kind":"PodList","items":[)") << u"list reply"_s;
    QTest::addRow("truncated item") << page(okItem).chopped(5) << u"list reply"_s;
    QTest::addRow("truncated string") << QByteArray(R"({"kind":"PodL)") << u"list reply"_s;
    QTest::addRow("no items") << QByteArray(R"({"kind":"PodList","apiVersion":"v1","metadata":{}})") << u"no items"_s;
    QTest::addRow("an object, not a list") << okItem << u"no items"_s;
    QTest::addRow("items is an object") << QByteArray(R"({"kind":"PodList","items":{}})") << u"items must be an array"_s;
    QTest::addRow("item is a number") << page("1") << u"item 0 of PodList: not a JSON object"_s;
    QTest::addRow("item is null") << page("null") << u"item 0 of PodList"_s;
    QTest::addRow("second item bad") << page(okItem + ",[]") << u"item 1 of PodList"_s;
    QTest::addRow("kind is a number") << QByteArray(R"({"kind":5,"items":[]})") << u"kind must be a string"_s;
    QTest::addRow("resourceVersion is a number") << page(okItem, R"({"resourceVersion":7})")
                                                 << u"metadata.resourceVersion must be a string"_s;
    QTest::addRow("remainingItemCount negative") << page(okItem, R"({"remainingItemCount":-1})")
                                                 << u"remainingItemCount"_s;
    QTest::addRow("remainingItemCount huge") << page(okItem, R"({"remainingItemCount":1e400})")
                                             << u"remainingItemCount"_s;
    QTest::addRow("missing metadata") << page(R"({"spec":{}})") << u"metadata.name is missing"_s;
    QTest::addRow("metadata is an array") << page(R"({"metadata":[]})") << u"metadata must be an object"_s;
    QTest::addRow("empty name") << page(R"({"metadata":{"name":""}})") << u"metadata.name is missing"_s;
    QTest::addRow("name is a number") << page(R"({"metadata":{"name":5}})") << u"metadata.name must be a string"_s;
    QTest::addRow("name is an object") << page(R"({"metadata":{"name":{}}})") << u"metadata.name must be a string"_s;
    QTest::addRow("namespace is bool") << page(R"({"metadata":{"name":"a","namespace":true}})")
                                       << u"metadata.namespace must be a string"_s;
    QTest::addRow("labels is an array") << page(R"({"metadata":{"name":"a","labels":["x"]}})")
                                        << u"metadata.labels must be an object"_s;
    QTest::addRow("label value is a number") << page(R"({"metadata":{"name":"a","labels":{"x":1}}})")
                                             << u"metadata.labels.x must be a string"_s;
    QTest::addRow("annotation value is an object") << page(R"({"metadata":{"name":"a","annotations":{"x":{}}}})")
                                                   << u"metadata.annotations.x must be a string"_s;
    QTest::addRow("generation is a string") << page(R"({"metadata":{"name":"a","generation":"1"}})")
                                            << u"metadata.generation must be a 64-bit integer"_s;
    QTest::addRow("generation is fractional") << page(R"({"metadata":{"name":"a","generation":1.5}})")
                                              << u"metadata.generation"_s;
    QTest::addRow("generation is huge") << page(R"({"metadata":{"name":"a","generation":99999999999999999999}})")
                                        << u"metadata.generation"_s;
    QTest::addRow("ownerReferences is an object") << page(R"({"metadata":{"name":"a","ownerReferences":{}}})")
                                                  << u"metadata.ownerReferences must be an array"_s;
    QTest::addRow("owner uid is a number") << page(R"({"metadata":{"name":"a","ownerReferences":[{"uid":1}]}})")
                                           << u"ownerReferences[].uid must be a string"_s;
    QTest::addRow("bad literal in spec") << page(R"({"metadata":{"name":"a"},"spec":{"x":tru}})") << u"spec"_s;
    QTest::addRow("bad number in status") << page(R"({"metadata":{"name":"a"},"status":{"x":01}})") << u"status"_s;
    QTest::addRow("out of range double") << page(R"({"metadata":{"name":"a"},"status":{"x":1e400}})") << u"status"_s;
    QTest::addRow("bad escape") << page(R"({"metadata":{"name":"a"},"spec":{"x":"\q"}})") << u"spec"_s;
    QTest::addRow("bad unicode escape") << page(R"({"metadata":{"name":"a\uZZZZ"}})") << u"metadata.name"_s;
    QTest::addRow("invalid utf-8") << page("{\"metadata\":{\"name\":\"a\xff\"}}") << u"list reply"_s;
    QTest::addRow("missing comma") << page(R"({"metadata":{"name":"a" "uid":"u"}})") << u"list reply"_s;
    QTest::addRow("mismatched brackets") << page(R"({"metadata":{"name":"a"},"spec":[1}})") << u"list reply"_s;
    // Found by fuzz_kube_decode: a plain string value followed by ':' was accepted.
    QTest::addRow("colon after a string value") << page(R"({"metadata":{"name":"p","":"":]}})") << u"list reply"_s;
    QTest::addRow("colon after a string in spec") << page(R"({"metadata":{"name":"p"},"spec":{"a":"b":"c"}})")
                                                  << u"list reply"_s;
    // Found by fuzz_kube_decode: only one managedFields span is cut, so a second copy stayed.
    QTest::addRow("managedFields twice") << page(R"({"metadata":{"name":"a","managedFields":[],"managedFields":[{}]}})")
                                         << u"metadata.managedFields appears more than once"_s;
    QTest::addRow("trailing garbage") << page(okItem) + "x" << u"list reply"_s;
    QTest::addRow("two documents") << page(okItem) + page(okItem) << u"list reply"_s;
    QTest::addRow("deep nesting") << page(R"({"metadata":{"name":"a"},"spec":)" + QByteArray(5000, '[')
                                          + QByteArray(5000, ']') + "}")
                                  << u"list reply"_s;
    QTest::addRow("deep nesting unclosed") << QByteArray(100000, '[') << u"list reply"_s;
}

void TestDecode::malformedLists()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    auto list = decodeList(json);
    QVERIFY2(!list, "decoded although malformed");
    QCOMPARE(list.error().kind, ErrorKind::Decode);
    QVERIFY2(list.error().message.contains(expected), qPrintable(list.error().message));
}

void TestDecode::acceptedOddities_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addRow("bigint in spec") << QByteArray(R"({"metadata":{"name":"a"},"spec":{"n":123456789012345678901234567890}})");
    QTest::addRow("negative bigint") << QByteArray(R"({"metadata":{"name":"a"},"spec":{"n":-123456789012345678901234567890}})");
    QTest::addRow("null metadata fields")
        << QByteArray(R"({"metadata":{"name":"a","namespace":null,"labels":null,"annotations":null,)"
                      R"("ownerReferences":null,"generation":null,"deletionTimestamp":null,"creationTimestamp":null}})");
    QTest::addRow("null label value") << QByteArray(R"({"metadata":{"name":"a","labels":{"k":null}}})");
    QTest::addRow("unicode everywhere") << QByteArray(R"({"metadata":{"name":"Ωmega","labels":{"ключ":"值"}},"x":"😀"})");
    QTest::addRow("duplicate label key") << QByteArray(R"({"metadata":{"name":"a","labels":{"k":"1","k":"2"}}})");
    QTest::addRow("owner without uid") << QByteArray(R"({"metadata":{"name":"a","ownerReferences":[{"name":"x"}]}})");
    QTest::addRow("empty strings and arrays")
        << QByteArray(R"({"metadata":{"name":"a","labels":{}},"spec":{"a":[],"b":{},"c":"","d":[[],[{}]]}})");
    QTest::addRow("nesting at the limit") << QByteArray(R"({"metadata":{"name":"a"},"spec":)" + QByteArray(150, '[')
                                                        + QByteArray(150, ']') + "}");
}

void TestDecode::acceptedOddities()
{
    QFETCH(QByteArray, item);
    auto list = decodeList(page(item));
    QVERIFY2(list, list ? "" : qPrintable(list.error().message));
    const KubeObject o = list->items.value(0);
    QVERIFY(!o.name().isEmpty());
    QVERIFY(!QJsonDocument::fromJson(o.json()).isNull());
    if (item.contains("ключ")) {
        QCOMPARE(o.label(QString::fromUtf8("ключ")), std::optional<QString>(QString::fromUtf8("值")));
        QCOMPARE(o.name(), QString::fromUtf8("Ωmega"));
    }
    if (item.contains("\"k\":null"))
        QCOMPARE(o.label(u"k"), std::optional<QString>(QString()));
    if (item.contains("\"k\":\"1\",\"k\":\"2\""))
        QCOMPARE(o.labelCount(), 2); // kept as sent; the store indexes them once
}

void TestDecode::statusBodyInsteadOfList()
{
    const QByteArray status = R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)"
                              R"("message":"pods is forbidden","reason":"Forbidden","code":403})";
    auto list = decodeList(status);
    QVERIFY(!list);
    QCOMPARE(list.error().kind, ErrorKind::Forbidden);
    QCOMPARE(list.error().message, u"pods is forbidden"_s);
}

// Every prefix of a valid page must fail cleanly (and never crash).
void TestDecode::everyTruncationFails()
{
    const QByteArray json = page(podJson(PodSpec{"p", "ns", "3", "u", {{"a", "b"}}, {"o"},
                                                 R"(,"spec":{"x":[1,2.5,true,null,"s"]})"}));
    QVERIFY(decodeList(json));
    ObjectDecoder decoder;
    for (qsizetype n = 0; n < json.size(); ++n) {
        auto list = decoder.decodeList(QByteArrayView(json).first(n));
        QVERIFY2(!list, qPrintable(u"prefix of %1 bytes decoded"_s.arg(n)));
        QCOMPARE(list.error().kind, ErrorKind::Decode);
    }
}

// Random byte corruption: anything may happen except a crash; successes must be valid JSON.
void TestDecode::randomCorruption()
{
    const QByteArray json = synthetic::podListPage(0, 3, 3);
    QRandomGenerator rng(4242);
    ObjectDecoder decoder;
    int decoded = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray mutated = json;
        const int edits = 1 + rng.bounded(4);
        for (int e = 0; e < edits; ++e)
            mutated[rng.bounded(int(mutated.size()))] = char(rng.bounded(256));
        auto list = decoder.decodeList(mutated);
        if (!list) {
            QCOMPARE(list.error().kind, ErrorKind::Decode);
            continue;
        }
        ++decoded;
        for (const KubeObject &item : list->items)
            QVERIFY(!QJsonDocument::fromJson(item.json()).isNull() || item.json().contains('\\'));
    }
    QVERIFY(decoded < 2000);
}

void TestDecode::syntheticPagesRoundTrip()
{
    for (const auto detail : {synthetic::Options::Detail::Lean, synthetic::Options::Detail::Full}) {
        synthetic::Options options;
        options.detail = detail;
        const QByteArray json = synthetic::podListPage(0, 50, 120, options);
        auto list = decodeList(json);
        QVERIFY2(list, list ? "" : qPrintable(list.error().message));
        QCOMPARE(list->items.size(), 50);
        QVERIFY(!list->continueToken.isEmpty());
        QCOMPARE(list->remainingItemCount, std::optional<qint64>(70));
        const QJsonArray items = QJsonDocument::fromJson(json).object().value(u"items"_s).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject expected = items.at(i).toObject();
            QJsonObject metadata = expected.value(u"metadata"_s).toObject();
            metadata.remove(u"managedFields"_s);
            expected.insert(u"metadata"_s, metadata);
            expected.insert(u"apiVersion"_s, u"v1"_s);
            expected.insert(u"kind"_s, u"Pod"_s);
            const KubeObject &o = list->items.at(i);
            QCOMPARE(o.toJsonObject(), expected);
            QCOMPARE(o.name(), metadata.value(u"name"_s).toString());
            QCOMPARE(o.uid(), metadata.value(u"uid"_s).toString());
            QCOMPARE(o.resourceVersion(), metadata.value(u"resourceVersion"_s).toString());
            QCOMPARE(o.labelCount(), metadata.value(u"labels"_s).toObject().size());
            QCOMPARE(o.ownerCount(), 1);
        }
        const QByteArray fn = synthetic::functionListPage(0, 5, 5);
        auto fns = decodeList(fn);
        QVERIFY(fns);
        QCOMPARE(fns->items.size(), 5);
        QCOMPARE(fns->items[0].kind(), u"Function"_s);
        QVERIFY(fns->items[0].generation() >= 1);
        QVERIFY(fns->continueToken.isEmpty());
    }
}

void TestDecode::decodeObjectCases_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // kind on success, message part on failure
    QTest::addRow("with kind") << QByteArray(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"}})") << true
                               << u"Secret"_s;
    QTest::addRow("fallback kind") << QByteArray(R"({"metadata":{"name":"s"}})") << true << u"Fallback"_s;
    QTest::addRow("fallback only for the missing field")
        << QByteArray(R"({"kind":"Own","metadata":{"name":"s"}})") << true << u"Own"_s;
    QTest::addRow("kind null uses fallback") << QByteArray(R"({"kind":null,"metadata":{"name":"s"}})") << true
                                             << u"Fallback"_s;
    QTest::addRow("kind empty uses fallback") << QByteArray(R"({"kind":"","metadata":{"name":"s"}})") << true
                                              << u"Fallback"_s;
    QTest::addRow("no name") << QByteArray(R"({"kind":"Pod","metadata":{"generateName":"x-"}})") << false
                             << u"metadata.name is missing"_s;
    QTest::addRow("trailing content") << QByteArray(R"({"metadata":{"name":"s"}} {})") << false
                                      << u"unexpected content"_s;
    QTest::addRow("kind is a number") << QByteArray(R"({"kind":1,"metadata":{"name":"s"}})") << false
                                      << u"kind must be a string"_s;
    QTest::addRow("scalar") << QByteArray("42") << false << u"not a JSON object"_s;
    QTest::addRow("empty object") << QByteArray("{}") << false << u"metadata.name is missing"_s;
    // Found by fuzz_kube_decode: accepted, and stored as invalid JSON.
    QTest::addRow("colon after a string value") << QByteArray(R"({"metadata":{"name":"p","":"":]}})") << false
                                                << u"Could not decode"_s;
    QTest::addRow("colon after an unknown string") << QByteArray(R"({"metadata":{"name":"p"},"x":"y":1})") << false
                                                   << u"Could not decode"_s;
}

void TestDecode::decodeObjectCases()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    auto o = decodeObject(json, TypeMeta{u"test/v1"_s, u"Fallback"_s});
    QCOMPARE(bool(o), ok);
    if (ok) {
        QCOMPARE(o->kind(), expected);
        QCOMPARE(o->stringAt(u"kind"), std::optional<QString>(expected));
        QCOMPARE(o->stringAt(u"metadata.name"), std::optional<QString>(u"s"_s));
        // Found by fuzz_kube_decode: the stored JSON decodes again to the same bytes (an empty
        // kind after the prepended fallback once made every decode prepend it again).
        auto again = decodeObject(o->json(), TypeMeta{u"test/v1"_s, u"Fallback"_s});
        QVERIFY(again.hasValue());
        QCOMPARE(again->json(), o->json());
    } else {
        QCOMPARE(o.error().kind, ErrorKind::Decode);
        QVERIFY2(o.error().message.contains(expected), qPrintable(o.error().message));
    }
}

void TestDecode::tooLargeIsRefusedBeforeParsing()
{
    // A view claiming a huge size must be refused on its size alone (data is never read).
    const char byte = '{';
    ObjectDecoder decoder;
    auto list = decoder.decodeList(QByteArrayView(&byte, ObjectDecoder::MaxDocumentBytes + 1));
    QVERIFY(!list);
    QVERIFY(list.error().message.contains(u"too large"_s));
}

void TestDecode::statusMapping_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message"); // a part of it
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<int>("causes");

    auto status = [](int code, const char *reason, const char *message, const QByteArray &details = {}) {
        QByteArray s = R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":")"
            + QByteArray(message) + R"(","reason":")" + QByteArray(reason) + R"(","code":)" + QByteArray::number(code);
        if (!details.isEmpty())
            s += R"(,"details":)" + details;
        return s + "}";
    };
    QTest::addRow("404 NotFound") << 404 << status(404, "NotFound", "pods \\u0022x\\u0022 not found")
                                  << ErrorKind::NotFound << u"NotFound"_s << u"pods \"x\" not found"_s << 0 << 0;
    QTest::addRow("409 AlreadyExists") << 409 << status(409, "AlreadyExists", "exists") << ErrorKind::AlreadyExists
                                       << u"AlreadyExists"_s << u"exists"_s << 0 << 0;
    QTest::addRow("409 Conflict") << 409 << status(409, "Conflict", "the object has been modified")
                                  << ErrorKind::Conflict << u"Conflict"_s << u"modified"_s << 0 << 0;
    QTest::addRow("409 without reason") << 409 << status(409, "", "?") << ErrorKind::Conflict << QString() << u"?"_s
                                        << 0 << 0;
    QTest::addRow("410 Expired") << 410 << status(410, "Expired", "too old resource version: 1 (5)")
                                 << ErrorKind::Gone << u"Expired"_s << u"too old"_s << 0 << 0;
    QTest::addRow("410 Gone") << 410 << status(410, "Gone", "gone") << ErrorKind::Gone << u"Gone"_s << u"gone"_s << 0
                              << 0;
    QTest::addRow("500 too large RV (cause)")
        << 500
        << status(500, "InternalError", "Timeout: Too large resource version: 9, current: 5",
                  R"({"causes":[{"reason":"ResourceVersionTooLarge","message":"Too large resource version"}],"retryAfterSeconds":1})")
        << ErrorKind::Gone << u"InternalError"_s << u"Too large"_s << 1 << 1;
    QTest::addRow("504 too large RV (message only)")
        << 504 << status(504, "Timeout", "Timeout: Too large resource version: 9, current: 5") << ErrorKind::Gone
        << u"Timeout"_s << u"Too large"_s << 0 << 0;
    QTest::addRow("429 with retryAfterSeconds")
        << 429 << status(429, "TooManyRequests", "slow down", R"({"retryAfterSeconds":7})")
        << ErrorKind::TooManyRequests << u"TooManyRequests"_s << u"slow down"_s << 7 << 0;
    QTest::addRow("429 absurd retryAfter is bounded")
        << 429 << status(429, "TooManyRequests", "x", R"({"retryAfterSeconds":99999999999})")
        << ErrorKind::TooManyRequests << u"TooManyRequests"_s << u"x"_s << 86400 << 0;
    QTest::addRow("422 causes")
        << 422
        << status(422, "Invalid", "Pod is invalid",
                  R"({"name":"p","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers"},{"reason":"FieldValueInvalid","field":"metadata.name"},7]})")
        << ErrorKind::Invalid << u"Invalid"_s << u"Pod is invalid"_s << 0 << 2;
    QTest::addRow("403 Forbidden") << 403 << status(403, "Forbidden", "pods is forbidden") << ErrorKind::Forbidden
                                   << u"Forbidden"_s << u"forbidden"_s << 0 << 0;
    QTest::addRow("401 Unauthorized") << 401 << status(401, "Unauthorized", "Unauthorized") << ErrorKind::Unauthorized
                                      << u"Unauthorized"_s << u"Unauthorized"_s << 0 << 0;
    QTest::addRow("504 Timeout") << 504 << status(504, "Timeout", "timed out") << ErrorKind::Timeout << u"Timeout"_s
                                 << u"timed out"_s << 0 << 0;
    QTest::addRow("500 ServerTimeout") << 500 << status(500, "ServerTimeout", "try again") << ErrorKind::Timeout
                                       << u"ServerTimeout"_s << u"try again"_s << 0 << 0;
    QTest::addRow("500 InternalError") << 500 << status(500, "InternalError", "boom") << ErrorKind::ServerError
                                       << u"InternalError"_s << u"boom"_s << 0 << 0;
    QTest::addRow("415") << 415 << status(415, "UnsupportedMediaType", "the body of the request was in an unknown format")
                         << ErrorKind::UnsupportedMediaType << u"UnsupportedMediaType"_s << u"unknown format"_s << 0
                         << 0;
    QTest::addRow("405") << 405 << status(405, "MethodNotAllowed", "no") << ErrorKind::MethodNotAllowed
                         << u"MethodNotAllowed"_s << u"no"_s << 0 << 0;
    QTest::addRow("400 BadRequest") << 400 << status(400, "BadRequest", "strict decoding error") << ErrorKind::BadRequest
                                    << u"BadRequest"_s << u"strict decoding"_s << 0 << 0;
    QTest::addRow("unknown reason, code decides") << 400 << status(400, "Weird", "w") << ErrorKind::BadRequest
                                                  << u"Weird"_s << u"w"_s << 0 << 0;
    QTest::addRow("watch ERROR: http 0, Status code") << 0 << status(410, "Expired", "too old") << ErrorKind::Gone
                                                      << u"Expired"_s << u"too old"_s << 0 << 0;
    QTest::addRow("watch ERROR: no code, no reason") << 0 << QByteArray(R"({"kind":"Status","status":"Failure"})")
                                                     << ErrorKind::ServerError << QString() << u"without details"_s
                                                     << 0 << 0;
    QTest::addRow("reason beats http status") << 500 << status(404, "NotFound", "nf") << ErrorKind::NotFound
                                              << u"NotFound"_s << u"nf"_s << 0 << 0;
    QTest::addRow("html 502") << 502 << QByteArray("<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>")
                              << ErrorKind::ServerError << QString() << u"502 Bad Gateway"_s << 0 << 0;
    QTest::addRow("empty 404") << 404 << QByteArray() << ErrorKind::NotFound << QString() << u"HTTP 404"_s << 0 << 0;
    QTest::addRow("plain text 401") << 401 << QByteArray("Unauthorized\n") << ErrorKind::Unauthorized << QString()
                                    << u"Unauthorized"_s << 0 << 0;
    QTest::addRow("json but not a Status") << 404 << QByteArray(R"({"kind":"Pod","reason":"Forbidden"})")
                                           << ErrorKind::NotFound << QString() << u"HTTP 404"_s << 0 << 0;
    QTest::addRow("truncated Status") << 503 << QByteArray(R"({"kind":"Status","reason":"Forbidden")")
                                      << ErrorKind::ServerError << QString() << u"HTTP 503"_s << 0 << 0;
    QTest::addRow("408") << 408 << QByteArray() << ErrorKind::Timeout << QString() << u"408"_s << 0 << 0;
    QTest::addRow("418 other 4xx") << 418 << QByteArray() << ErrorKind::BadRequest << QString() << u"418"_s << 0 << 0;
    QTest::addRow("wrong types in Status")
        << 409 << QByteArray(R"({"kind":"Status","reason":5,"message":[],"code":"409","details":{"causes":{}}})")
        << ErrorKind::Conflict << QString() << u"HTTP 409"_s << 0 << 0;
}

void TestDecode::statusMapping()
{
    QFETCH(int, http);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QFETCH(int, retryAfter);
    QFETCH(int, causes);
    const KubeError e = kubeErrorFromStatus(http, body);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.reason, reason);
    QVERIFY2(e.message.contains(message), qPrintable(e.message));
    QCOMPARE(e.retryAfterSeconds, retryAfter);
    QCOMPARE(e.causes.size(), causes);
    QVERIFY(e.httpStatus != 0 || http == 0);
}

void TestDecode::statusCausesAndLongBodies()
{
    const QByteArray body =
        R"({"kind":"Status","code":422,"reason":"Invalid","message":"bad","details":{"causes":[)"
        R"({"reason":"FieldValueRequired","message":"Required value","field":"spec.containers[0].image"}]}})";
    const KubeError e = kubeErrorFromStatus(422, body);
    QCOMPARE(e.causes.size(), 1);
    QCOMPARE(e.causes[0].reason, u"FieldValueRequired"_s);
    QCOMPARE(e.causes[0].message, u"Required value"_s);
    QCOMPARE(e.causes[0].field, u"spec.containers[0].image"_s);
    QCOMPARE(e.httpStatus, 422);

    const KubeError huge = kubeErrorFromStatus(500, QByteArray(100000, 'x'));
    QVERIFY(huge.message.size() < 1000);
    QCOMPARE(huge.kind, ErrorKind::ServerError);

    QByteArray manyCauses = R"({"kind":"Status","code":422,"details":{"causes":[)";
    for (int i = 0; i < 500; ++i)
        manyCauses += (i ? "," : "") + QByteArray(R"({"field":"f"})");
    manyCauses += "]}}";
    QCOMPARE(kubeErrorFromStatus(422, manyCauses).causes.size(), 100);
}

QTEST_GUILESS_MAIN(TestDecode)
