#include "kube/store/Decode.h"
#include "kube/store/KubeObject.h"

#include "StoreFixtures.h"
#include "StoreTestUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <thread>

using namespace fd::kube;
namespace fixtures = fd::kube::fixtures;
using namespace Qt::Literals::StringLiterals;

namespace {

KubeObject decodeFull()
{
    auto o = decodeObject(fixtures::fullPod(), TypeMeta{QStringLiteral("v1"), QStringLiteral("Pod")});
    if (!o)
        qWarning("%s", qPrintable(o.error().message));
    return o ? o.value() : KubeObject();
}

} // namespace

class TestKubeObject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void header()
    {
        const KubeObject o = decodeFull();
        QVERIFY(!o.isNull());
        QCOMPARE(o.apiVersion(), QStringLiteral("v1"));
        QCOMPARE(o.kind(), QStringLiteral("Pod"));
        QCOMPARE(o.name(), QStringLiteral("web-1"));
        QCOMPARE(o.namespaceName(), QStringLiteral("shop"));
        QCOMPARE(o.key(), QStringLiteral("shop/web-1"));
        QCOMPARE(o.uid(), QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QCOMPARE(o.resourceVersion(), QStringLiteral("4242"));
        QCOMPARE(o.generation(), 3);
        QCOMPARE(o.creationTimestamp(), QStringLiteral("2025-10-01T10:00:00Z"));
        QVERIFY(o.hasDeletionTimestamp());
        QCOMPARE(o.labelCount(), 3);
        QCOMPARE(o.label(u"app"), std::optional<QString>(QStringLiteral("web")));
        QCOMPARE(o.label(u"empty"), std::optional<QString>(QString()));
        QCOMPARE(o.label(u"missing"), std::nullopt);
        const QList<std::pair<QString, QString>> expectedLabels{
            {QStringLiteral("app"), QStringLiteral("web")},
            {QStringLiteral("tier"), QStringLiteral("front")},
            {QStringLiteral("empty"), QString()}};
        QCOMPARE(o.labels(), expectedLabels);
        QCOMPARE(o.ownerUids(), (QStringList{QStringLiteral("owner-1"), QStringLiteral("owner-2")}));
        QCOMPARE(o.ownerUid(5), QString());
        QCOMPARE(o.labelKey(-1), QString());
    }

    void jsonDropsManagedFieldsAndAddsKind()
    {
        const KubeObject o = decodeFull();
        QVERIFY(!o.json().contains("managedFields"));
        QVERIFY(o.json().startsWith(R"({"apiVersion":"v1","kind":"Pod","metadata":)"));
        QJsonObject expected = fd::kube::test::withoutManagedFields(fixtures::fullPod());
        expected.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
        expected.insert(QStringLiteral("kind"), QStringLiteral("Pod"));
        QCOMPARE(o.toJsonObject(), expected);
        QCOMPARE(QJsonDocument::fromJson(o.json()).object(), expected);
    }

    void defaultClusterScopedAndNull()
    {
        const KubeObject null;
        QVERIFY(null.isNull());
        QCOMPARE(null.name(), QString());
        QCOMPARE(null.labelCount(), 0);
        QCOMPARE(null.json(), QByteArray());
        QCOMPARE(null.toJsonObject(), QJsonObject());
        QCOMPARE(null.stringAt(u"metadata.name"), std::nullopt);
        QCOMPARE(null.residentBytes(), 0);

        auto ns = decodeObject(R"({"kind":"Namespace","apiVersion":"v1","metadata":{"name":"prod","creationTimestamp":null}})");
        QVERIFY(ns);
        QCOMPARE(ns->key(), QStringLiteral("prod"));
        QCOMPARE(ns->namespaceName(), QString());
        QCOMPARE(ns->creationTimestamp(), QString());
        QCOMPARE(ns->generation(), 0);
        QVERIFY(!ns->hasDeletionTimestamp());
        QCOMPARE(ns->kind(), QStringLiteral("Namespace"));
    }

    void escapedAndUnicodeStrings()
    {
        // Escapes force arena copies; the JSON keeps its escaped form.
        const QByteArray json = fixtures::escapedConfigMap();
        auto o = decodeObject(json);
        QVERIFY2(o, o ? "" : qPrintable(o.error().message));
        QCOMPARE(o->name(), QStringLiteral("café-\"q\""));
        QCOMPARE(o->namespaceName(), QString::fromUtf8("nä"));
        QCOMPARE(o->label(u"k1"), std::optional<QString>(QStringLiteral("v\n1")));
        QCOMPARE(o->label(u"plain"), std::optional<QString>(QStringLiteral("ok")));
        QCOMPARE(o->label(QString::fromUtf8("ümlaut")), std::optional<QString>(QStringLiteral("wert")));
        QCOMPARE(o->ownerUid(0), QStringLiteral("u/1"));
        QCOMPARE(o->stringAt(u"data.emoji"), std::optional<QString>(QString::fromUtf8("😀")));
        QCOMPARE(o->toJsonObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("café-\"q\""));
    }

    void jsonPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QStringList>("segments");
        QTest::addRow("dotted") << u"status.phase"_s << true << QStringList{u"status"_s, u"phase"_s};
        QTest::addRow("leading dot") << u".metadata.name"_s << true << QStringList{u"metadata"_s, u"name"_s};
        QTest::addRow("index brackets") << u"spec.containers[0].image"_s << true
                                        << QStringList{u"spec"_s, u"containers"_s, u"0"_s, u"image"_s};
        QTest::addRow("index dotted") << u"spec.containers.0.image"_s << true
                                      << QStringList{u"spec"_s, u"containers"_s, u"0"_s, u"image"_s};
        QTest::addRow("quoted key") << u"metadata.labels['app.kubernetes.io/name']"_s << true
                                    << QStringList{u"metadata"_s, u"labels"_s, u"app.kubernetes.io/name"_s};
        QTest::addRow("double quoted key") << uR"(a["b.c"].d)"_s << true << QStringList{u"a"_s, u"b.c"_s, u"d"_s};
        QTest::addRow("escaped dot") << uR"(metadata.labels.app\.kubernetes\.io/name)"_s << true
                                     << QStringList{u"metadata"_s, u"labels"_s, u"app.kubernetes.io/name"_s};
        QTest::addRow("pointer") << u"/metadata/labels/app.kubernetes.io~1name"_s << true
                                 << QStringList{u"metadata"_s, u"labels"_s, u"app.kubernetes.io/name"_s};
        QTest::addRow("pointer tilde") << u"/a~0b/c"_s << true << QStringList{u"a~b"_s, u"c"_s};
        QTest::addRow("pointer empty segment") << u"/a//b"_s << true << QStringList{u"a"_s, u""_s, u"b"_s};
        QTest::addRow("empty") << u""_s << false << QStringList{};
        QTest::addRow("double dot") << u"a..b"_s << false << QStringList{};
        QTest::addRow("trailing dot") << u"a."_s << false << QStringList{};
        QTest::addRow("unclosed bracket") << u"a[0"_s << false << QStringList{};
        QTest::addRow("empty bracket") << u"a[]"_s << false << QStringList{};
        QTest::addRow("unclosed quote") << u"a['b]"_s << false << QStringList{};
        QTest::addRow("junk after bracket") << u"a[0]b"_s << false << QStringList{};
        QTest::addRow("trailing backslash") << u"a\\"_s << false << QStringList{};
        QTest::addRow("bad pointer escape") << u"/a~2"_s << false << QStringList{};
        QTest::addRow("dangling pointer tilde") << u"/a~"_s << false << QStringList{};
        QTest::addRow("too deep") << QString(QStringLiteral("a.").repeated(JsonPath::MaxSegments) + QStringLiteral("z"))
                                  << false << QStringList{};
    }

    void jsonPath()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QFETCH(QStringList, segments);
        const JsonPath p = JsonPath::parse(path);
        QCOMPARE(p.isValid(), valid);
        if (!valid)
            return;
        QStringList actual;
        for (const std::string &s : p.segments())
            actual.append(QString::fromStdString(s));
        QCOMPARE(actual, segments);
    }

    void stringAt_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("value");
        QTest::addRow("string") << u"status.phase"_s << true << u"Running"_s;
        QTest::addRow("pointer") << u"/spec/containers/0/image"_s << true << u"nginx:1.27"_s;
        QTest::addRow("array index") << u"spec.containers[0].ports[0].containerPort"_s << true << u"80"_s;
        QTest::addRow("bool") << u"status.ready"_s << true << u"true"_s;
        QTest::addRow("double") << u"status.ratio"_s << true << u"0.25"_s;
        QTest::addRow("int64") << u"status.big"_s << true << u"12345678901234"_s;
        QTest::addRow("generation") << u"metadata.generation"_s << true << u"3"_s;
        QTest::addRow("label via quoted key") << u"metadata.labels['tier']"_s << true << u"front"_s;
        QTest::addRow("kind added") << u"kind"_s << true << u"Pod"_s;
        QTest::addRow("null") << u"status.nothing"_s << false << u""_s;
        QTest::addRow("object") << u"spec"_s << false << u""_s;
        QTest::addRow("array") << u"status.conditions"_s << false << u""_s;
        QTest::addRow("missing") << u"status.nope"_s << false << u""_s;
        QTest::addRow("index out of range") << u"spec.containers[7].image"_s << false << u""_s;
        QTest::addRow("index on object") << u"spec[0]"_s << false << u""_s;
        QTest::addRow("key on array") << u"spec.containers.name"_s << false << u""_s;
        QTest::addRow("through scalar") << u"status.phase.x"_s << false << u""_s;
        QTest::addRow("managedFields are gone") << u"metadata.managedFields[0].manager"_s << false << u""_s;
        QTest::addRow("invalid path") << u"a["_s << false << u""_s;
        QTest::addRow("huge index") << u"spec.containers[99999999999999999999]"_s << false << u""_s;
        QTest::addRow("negative index") << u"spec.containers[-1]"_s << false << u""_s;
    }

    void stringAt()
    {
        QFETCH(QString, path);
        QFETCH(bool, found);
        QFETCH(QString, value);
        const KubeObject o = decodeFull();
        const std::optional<QString> actual = o.stringAt(path);
        QCOMPARE(actual.has_value(), found);
        if (found)
            QCOMPARE(*actual, value);
    }

    void stringsAtAndRawJson()
    {
        const KubeObject o = decodeFull();
        const std::vector<JsonPath> paths{JsonPath::parse(u"status.phase"), JsonPath::parse(u"nope"),
                                          JsonPath::parse(u"spec.nodeName"), JsonPath(),
                                          JsonPath::parse(u"status.containerStatuses[0].restartCount")};
        const auto values = o.stringsAt(paths);
        QCOMPARE(values.size(), paths.size());
        QCOMPARE(values[0], std::optional<QString>(QStringLiteral("Running")));
        QCOMPARE(values[1], std::nullopt);
        QCOMPARE(values[2], std::optional<QString>(QStringLiteral("n1")));
        QCOMPARE(values[3], std::nullopt);
        QCOMPARE(values[4], std::optional<QString>(QStringLiteral("2")));

        QCOMPARE(o.rawJsonAt(JsonPath::parse(u"spec.containers[0].ports")),
                 std::optional<QByteArray>(QByteArrayLiteral(R"([{"containerPort":80}])")));
        QCOMPARE(o.rawJsonAt(JsonPath::parse(u"status.nothing")), std::optional<QByteArray>(QByteArrayLiteral("null")));
        QCOMPARE(o.rawJsonAt(JsonPath::parse(u"status.zzz")), std::nullopt);
    }

    // Found by fuzz_kube_decode: the decoder keeps integers beyond 64 bits (valid JSON), which
    // simdjson's DOM refuses; every path lookup on such an object used to come back empty.
    void pathsWorkBesideIntegersBeyond64Bits()
    {
        auto o = decodeObject(R"({"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},)"
                              R"("spec":{"size":46112686018427387903,"color":"blue"}})");
        QVERIFY(o.hasValue());
        QCOMPARE(o->stringAt(u"spec.color"), std::optional<QString>(u"blue"_s));
        QCOMPARE(o->stringAt(u"metadata.name"), std::optional<QString>(u"w"_s));
        QVERIFY(o->rawJsonAt(JsonPath::parse(u"spec.size")).has_value());
        QCOMPARE(o->stringsAt({JsonPath::parse(u"spec.color")})[0], std::optional<QString>(u"blue"_s));
    }

    void copiesShareAndOutliveTheirSource()
    {
        KubeObject a = decodeFull();
        const qsizetype bytes = a.residentBytes();
        QVERIFY(bytes > a.json().size());
        KubeObject b = a;
        QVERIFY(b.isSharedWith(a));
        KubeObject c;
        c = b;
        QVERIFY(c.isSharedWith(a));
        KubeObject d = std::move(b);
        QVERIFY(b.isNull()); // NOLINT(bugprone-use-after-move): moved-from is null by contract
        QVERIFY(d.isSharedWith(a));
        a = KubeObject();
        c = KubeObject();
        QCOMPARE(d.name(), QStringLiteral("web-1"));
        // Self-assignment keeps the object (through a reference: Clang rejects a literal d = d).
        const KubeObject &self = d;
        d = self;
        QCOMPARE(d.name(), QStringLiteral("web-1"));
        QCOMPARE(d.residentBytes(), bytes);
    }

    void readFromOtherThreads()
    {
        const KubeObject o = decodeFull();
        std::vector<std::thread> threads;
        std::atomic<int> ok{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([o, &ok] {
                for (int i = 0; i < 200; ++i) {
                    KubeObject copy = o;
                    if (copy.stringAt(u"status.phase") == std::optional<QString>(QStringLiteral("Running"))
                        && copy.name() == QStringLiteral("web-1"))
                        ++ok;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(ok.load(), 800);
    }
};

QTEST_GUILESS_MAIN(TestKubeObject)
#include "tst_kubeobject.moc"
