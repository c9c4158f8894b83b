#include "tst_objectstore.h"

#include "kube/store/ObjectStore.h"
#include "kube/store/SyntheticObjects.h"

#include "StoreTestUtil.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <map>

using namespace fd::kube;
using namespace fd::kube::test;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(fd::kube::Delta::Type)

namespace {

KubeObject pod(const char *name, const char *rv, const char *ns = "default",
               QList<QPair<QByteArray, QByteArray>> labels = {}, QList<QByteArray> owners = {})
{
    PodSpec spec;
    spec.name = name;
    spec.rv = rv;
    spec.ns = ns;
    spec.uid = QByteArray("uid-") + name;
    spec.labels = std::move(labels);
    spec.owners = std::move(owners);
    return decodePod(spec);
}

WatchEvent watchEvent(WatchEventType type, const KubeObject &object)
{
    WatchEvent e;
    e.type = type;
    e.object = object;
    e.resourceVersion = object.resourceVersion();
    return e;
}

QStringList keysOf(const QList<KubeObject> &objects)
{
    QStringList keys;
    for (const KubeObject &o : objects)
        keys.append(o.key());
    keys.sort();
    return keys;
}

QString describe(const QList<Delta> &deltas)
{
    QStringList parts;
    for (const Delta &d : deltas) {
        const char *t = d.type == Delta::Type::Added ? "+" : d.type == Delta::Type::Modified ? "~" : "-";
        parts.append(QString::fromLatin1(t) + d.object.key() + u'@' + d.object.resourceVersion()
                     + (d.finalStateUnknown ? u"?"_s : QString()));
    }
    return parts.join(u' ');
}

} // namespace

void TestObjectStore::initialReplaceAddsEverything()
{
    ObjectStore store;
    QVERIFY(!store.hasSynced());
    const QList<Delta> deltas = store.replace({pod("a", "1"), pod("b", "2", "other"), pod("c", "3", "")}, u"10"_s);
    QCOMPARE(describe(deltas), u"+default/a@1 +other/b@2 +c@3"_s);
    QVERIFY(store.hasSynced());
    QCOMPARE(store.size(), 3);
    QCOMPARE(store.resourceVersion(), u"10"_s);
}

void TestObjectStore::relistDiff()
{
    ObjectStore store;
    store.replace({pod("a", "1"), pod("b", "2"), pod("c", "3"), pod("d", "4")}, u"10"_s);
    // a unchanged, b modified, c gone, d unchanged, e new.
    const QList<Delta> deltas = store.replace({pod("a", "1"), pod("b", "5"), pod("d", "4"), pod("e", "6")}, u"20"_s);
    QCOMPARE(describe(deltas), u"~default/b@5 +default/e@6 -default/c@3?"_s);
    QCOMPARE(store.resourceVersion(), u"20"_s);
    QCOMPARE(keysOf(store.items()), (QStringList{u"default/a"_s, u"default/b"_s, u"default/d"_s, u"default/e"_s}));
    QCOMPARE(store.get(u"default", u"b").resourceVersion(), u"5"_s);
    // The deleted delta carries the last state we had.
    QCOMPARE(deltas.last().object.uid(), u"uid-c"_s);
    // Relisting the same content again: nothing.
    QVERIFY(store.replace(store.items(), u"21"_s).isEmpty());
    // Everything gone.
    const QList<Delta> gone = store.replace({}, u"30"_s);
    QCOMPARE(gone.size(), 4);
    for (const Delta &d : gone) {
        QCOMPARE(d.type, Delta::Type::Deleted);
        QVERIFY(d.finalStateUnknown);
    }
    QVERIFY(store.isEmpty());
    QVERIFY(store.byNamespace(u"default").isEmpty());
}

void TestObjectStore::relistKeepsUnchangedInstances()
{
    ObjectStore store;
    const KubeObject first = pod("a", "1");
    store.replace({first}, u"1"_s);
    const KubeObject sameRv = pod("a", "1");
    QVERIFY(!sameRv.isSharedWith(first));
    QVERIFY(store.replace({sameRv}, u"2"_s).isEmpty());
    QVERIFY(store.get(u"default", u"a").isSharedWith(first)); // no churn for unchanged objects
}

void TestObjectStore::relistWithDuplicates()
{
    ObjectStore store;
    const QList<Delta> deltas = store.replace({pod("a", "1"), pod("a", "2")}, u"1"_s);
    QCOMPARE(describe(deltas), u"+default/a@1 ~default/a@2"_s);
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.get(u"default", u"a").resourceVersion(), u"2"_s);
}

void TestObjectStore::applyEvents_data()
{
    QTest::addColumn<QString>("script"); // events: "A:name@rv", "M:name@rv", "D:name@rv"
    QTest::addColumn<QString>("deltas");
    QTest::addColumn<QString>("rv");
    QTest::addRow("added") << u"A:a@1"_s << u"+default/a@1"_s << u"1"_s;
    QTest::addRow("added twice, new rv") << u"A:a@1 A:a@2"_s << u"+default/a@1 ~default/a@2"_s << u"2"_s;
    QTest::addRow("same rv again") << u"A:a@1 M:a@1"_s << u"+default/a@1"_s << u"1"_s;
    QTest::addRow("modified unknown is added") << u"M:a@3"_s << u"+default/a@3"_s << u"3"_s;
    QTest::addRow("deleted") << u"A:a@1 D:a@4"_s << u"+default/a@1 -default/a@4"_s << u"4"_s;
    QTest::addRow("deleted unknown") << u"D:z@5"_s << QString() << u"5"_s;
    QTest::addRow("recreated") << u"A:a@1 D:a@2 A:a@3"_s << u"+default/a@1 -default/a@2 +default/a@3"_s << u"3"_s;
}

void TestObjectStore::applyEvents()
{
    QFETCH(QString, script);
    QFETCH(QString, deltas);
    QFETCH(QString, rv);
    ObjectStore store;
    store.replace({}, u"0"_s);
    QList<Delta> out;
    for (const QString &step : script.split(u' ')) {
        const QStringList parts = step.mid(2).split(u'@');
        const KubeObject o = pod(parts[0].toUtf8().constData(), parts[1].toUtf8().constData());
        const WatchEventType type = step[0] == u'A' ? WatchEventType::Added
            : step[0] == u'M'                       ? WatchEventType::Modified
                                                    : WatchEventType::Deleted;
        if (auto d = store.apply(watchEvent(type, o)))
            out.append(*d);
    }
    QCOMPARE(describe(out), deltas);
    QCOMPARE(store.resourceVersion(), rv);
    for (const Delta &d : out)
        QVERIFY(!d.finalStateUnknown);
}

void TestObjectStore::bookmarkAndErrorOnlyMoveTheVersion()
{
    ObjectStore store;
    store.replace({pod("a", "1")}, u"1"_s);
    WatchEvent bookmark;
    bookmark.type = WatchEventType::Bookmark;
    bookmark.resourceVersion = u"50"_s;
    QVERIFY(!store.apply(bookmark));
    QCOMPARE(store.resourceVersion(), u"50"_s);
    WatchEvent error;
    error.type = WatchEventType::Error;
    error.error.kind = ErrorKind::Gone;
    QVERIFY(!store.apply(error));
    QCOMPARE(store.resourceVersion(), u"50"_s);
    QCOMPARE(store.size(), 1);
    WatchEvent nullObject;
    nullObject.type = WatchEventType::Added;
    QVERIFY(!store.apply(nullObject));
}

void TestObjectStore::lookups()
{
    ObjectStore store;
    store.replace({pod("a", "1", "x"), pod("a", "2", "y"), pod("node-1", "3", "")}, u"1"_s);
    QCOMPARE(store.get(u"x", u"a").resourceVersion(), u"1"_s);
    QCOMPARE(store.get(u"y", u"a").resourceVersion(), u"2"_s);
    QVERIFY(store.get(u"z", u"a").isNull());
    QCOMPARE(store.getByKey(u"y/a").resourceVersion(), u"2"_s);
    QCOMPARE(store.getByKey(u"node-1").resourceVersion(), u"3"_s);
    QVERIFY(store.getByKey(u"node-2").isNull());
    QVERIFY(store.getByKey(u"").isNull());
    QCOMPARE(keysOf(store.byNamespace(u"")), QStringList{u"node-1"_s});
}

void TestObjectStore::indexesFollowChanges()
{
    ObjectStore store;
    store.replace({pod("a", "1", "n1", {{"app", "web"}, {"tier", "fe"}}, {"rs-1"}),
                   pod("b", "1", "n1", {{"app", "web"}}, {"rs-1", "rs-2"}), pod("c", "1", "n2", {{"app", "db"}})},
                  u"1"_s);
    QCOMPARE(keysOf(store.byLabel(u"app", u"web")), (QStringList{u"n1/a"_s, u"n1/b"_s}));
    QCOMPARE(keysOf(store.byLabel(u"tier", u"fe")), QStringList{u"n1/a"_s});
    QCOMPARE(keysOf(store.byOwner(u"rs-1")), (QStringList{u"n1/a"_s, u"n1/b"_s}));
    QCOMPARE(keysOf(store.byOwner(u"rs-2")), QStringList{u"n1/b"_s});
    QCOMPARE(keysOf(store.byNamespace(u"n1")), (QStringList{u"n1/a"_s, u"n1/b"_s}));
    QVERIFY(store.byLabel(u"app", u"").isEmpty());
    QVERIFY(store.byLabel(u"app=web", u"").isEmpty());

    // a relabelled and re-owned, c deleted, d added with an empty label value.
    store.apply(watchEvent(WatchEventType::Modified, pod("a", "2", "n1", {{"app", "db"}}, {"rs-3"})));
    store.apply(watchEvent(WatchEventType::Deleted, pod("c", "2", "n2", {{"app", "db"}})));
    store.apply(watchEvent(WatchEventType::Added, pod("d", "3", "n2", {{"app", ""}})));
    QCOMPARE(keysOf(store.byLabel(u"app", u"web")), QStringList{u"n1/b"_s});
    QCOMPARE(keysOf(store.byLabel(u"app", u"db")), QStringList{u"n1/a"_s});
    QVERIFY(store.byLabel(u"tier", u"fe").isEmpty());
    QCOMPARE(keysOf(store.byLabel(u"app", u"")), QStringList{u"n2/d"_s});
    QCOMPARE(keysOf(store.byOwner(u"rs-1")), QStringList{u"n1/b"_s});
    QCOMPARE(keysOf(store.byOwner(u"rs-3")), QStringList{u"n1/a"_s});
    QCOMPARE(keysOf(store.byNamespace(u"n2")), QStringList{u"n2/d"_s});
    // Results carry the current objects.
    QCOMPARE(store.byLabel(u"app", u"db").value(0).resourceVersion(), u"2"_s);
}

void TestObjectStore::indexesMatchABruteForceModel_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("population"); // big populations exercise the bulk (rebuild) relist path
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("seed %u small", seed) << seed << 40;
    QTest::addRow("large") << quint32(99) << 1200;
}

void TestObjectStore::indexesMatchABruteForceModel()
{
    QFETCH(quint32, seed);
    QFETCH(int, population);
    QRandomGenerator rng{seed};
    ObjectStore store;
    std::map<QString, KubeObject> model;
    int rv = 1;
    auto randomPod = [&](int nameIndex) {
        const QByteArray name = "p" + QByteArray::number(nameIndex);
        const char *namespaces[] = {"n0", "n1", "n2", ""};
        QList<QPair<QByteArray, QByteArray>> labels;
        const int labelCount = rng.bounded(4);
        for (int i = 0; i < labelCount; ++i)
            labels.append({"k" + QByteArray::number(rng.bounded(3)), "v" + QByteArray::number(rng.bounded(3))});
        QList<QByteArray> owners;
        if (rng.bounded(2))
            owners.append("o" + QByteArray::number(rng.bounded(5)));
        return pod(name.constData(), QByteArray::number(++rv).constData(), namespaces[rng.bounded(4)], labels, owners);
    };
    auto check = [&] {
        QCOMPARE(store.size(), qsizetype(model.size()));
        QStringList expectedKeys;
        for (const auto &[key, object] : model)
            expectedKeys.append(key);
        expectedKeys.sort();
        QCOMPARE(keysOf(store.items()), expectedKeys);
        for (const char *ns : {"n0", "n1", "n2", ""}) {
            QStringList expected;
            for (const auto &[key, object] : model)
                if (object.namespaceName() == QLatin1String(ns))
                    expected.append(key);
            expected.sort();
            QCOMPARE(keysOf(store.byNamespace(QString::fromLatin1(ns))), expected);
        }
        for (int k = 0; k < 3; ++k) {
            for (int v = 0; v < 3; ++v) {
                const QString key = u"k"_s + QString::number(k);
                const QString value = u"v"_s + QString::number(v);
                QStringList expected;
                for (const auto &[objectKey, object] : model)
                    if (object.label(key) && object.labels().contains(std::pair<QString, QString>(key, value)))
                        expected.append(objectKey);
                expected.sort();
                QCOMPARE(keysOf(store.byLabel(key, value)), expected);
            }
        }
        for (int o = 0; o < 5; ++o) {
            const QString uid = u"o"_s + QString::number(o);
            QStringList expected;
            for (const auto &[key, object] : model)
                if (object.ownerUids().contains(uid))
                    expected.append(key);
            expected.sort();
            QCOMPARE(keysOf(store.byOwner(uid)), expected);
        }
        for (const auto &[key, object] : model)
            QVERIFY(store.getByKey(key).isSharedWith(object));
    };

    for (int round = 0; round < 12; ++round) {
        if (round % 4 == 0) {
            // Relist: keep some, change some, drop some, add some.
            QList<KubeObject> items;
            std::map<QString, KubeObject> next;
            QHash<QString, QString> keyByName;
            for (const auto &[k, o] : model)
                keyByName.insert(o.name(), k);
            for (int i = 0; i < population; ++i) {
                const int dice = rng.bounded(10);
                if (dice < 2)
                    continue;
                const QString key = keyByName.value(u"p"_s + QString::number(i));
                KubeObject o = (!key.isEmpty() && dice < 7) ? model[key] : randomPod(i);
                items.append(o);
                next[o.key()] = o;
            }
            store.replace(items, QString::number(++rv));
            // A new object may replace one with the same name in another namespace; both exist then.
            model = next;
        } else {
            for (int step = 0; step < population / 2; ++step) {
                const int i = rng.bounded(population);
                const KubeObject o = randomPod(i);
                if (rng.bounded(3) == 0) {
                    store.apply(watchEvent(WatchEventType::Deleted, o));
                    model.erase(o.key());
                } else {
                    store.apply(watchEvent(WatchEventType::Modified, o));
                    model[o.key()] = o;
                }
            }
        }
        check();
        if (QTest::currentTestFailed())
            return;
    }
}

void TestObjectStore::duplicateLabelsIndexedOnce()
{
    auto o = decodeObject(R"({"metadata":{"name":"a","namespace":"n","resourceVersion":"1","labels":{"k":"v","k":"v"},)"
                          R"("ownerReferences":[{"uid":"u"},{"uid":"u"}]}})");
    QVERIFY(o);
    ObjectStore store;
    store.replace({o.value()}, u"1"_s);
    QCOMPARE(store.byLabel(u"k", u"v").size(), 1);
    QCOMPARE(store.byOwner(u"u").size(), 1);
    store.apply(watchEvent(WatchEventType::Deleted, o.value()));
    QVERIFY(store.byLabel(u"k", u"v").isEmpty());
    QVERIFY(store.byOwner(u"u").isEmpty());
}

void TestObjectStore::memoryStaysBelowTheJson_data()
{
    QTest::addColumn<int>("detail");
    QTest::addRow("lean pods (~2.5 KB)") << int(synthetic::Options::Detail::Lean);
    QTest::addRow("full pods (~5.5 KB)") << int(synthetic::Options::Detail::Full);
}

void TestObjectStore::memoryStaysBelowTheJson()
{
    QFETCH(int, detail);
    synthetic::Options options;
    options.detail = synthetic::Options::Detail(detail);
    constexpr int Pods = 4000;
    ObjectStore store;
    ObjectDecoder decoder;
    qint64 jsonBytes = 0;
    QList<KubeObject> all;
    for (int first = 0; first < Pods; first += 500) {
        const QByteArray page = synthetic::podListPage(first, 500, Pods, options);
        jsonBytes += page.size();
        auto list = decoder.decodeList(page);
        QVERIFY(list);
        all.append(list->items);
    }
    store.replace(all, u"1"_s);
    all.clear();
    QCOMPARE(store.size(), Pods);
    const double ratio = double(store.residentBytes()) / double(jsonBytes);
    qInfo("store: %lld objects, %lld JSON bytes in, %lld resident (%.3fx), %lld stored JSON bytes",
          static_cast<long long>(store.size()), static_cast<long long>(jsonBytes),
          static_cast<long long>(store.residentBytes()), ratio, static_cast<long long>(store.jsonBytes()));
    QVERIFY2(ratio <= 1.1, qPrintable(u"resident/JSON = %1"_s.arg(ratio)));
    QVERIFY(store.jsonBytes() < jsonBytes); // managedFields are gone
    QVERIFY(store.residentBytes() > store.jsonBytes()); // and the accounting is not a fake
}

void TestObjectStore::residentBytesTracksContent()
{
    ObjectStore store;
    const qsizetype empty = store.residentBytes();
    QVERIFY(empty > 0);
    QList<KubeObject> items;
    for (int i = 0; i < 100; ++i)
        items.append(pod(QByteArray("p" + QByteArray::number(i)).constData(), "1", "n", {{"a", "b"}}, {"o"}));
    store.replace(items, u"1"_s);
    const qsizetype full = store.residentBytes();
    QVERIFY(full > empty + store.jsonBytes());
    qsizetype objects = 0;
    for (const KubeObject &o : items)
        objects += o.residentBytes();
    QVERIFY(full >= objects);
    store.replace({}, u"2"_s);
    QCOMPARE(store.jsonBytes(), 0);
    QVERIFY(store.residentBytes() < full - objects / 2);
}

void TestObjectStore::clear()
{
    ObjectStore store;
    store.replace({pod("a", "1", "n", {{"x", "y"}})}, u"5"_s);
    store.clear();
    QVERIFY(store.isEmpty());
    QVERIFY(!store.hasSynced());
    QVERIFY(store.resourceVersion().isEmpty());
    QVERIFY(store.byLabel(u"x", u"y").isEmpty());
    QVERIFY(store.get(u"n", u"a").isNull());
    store.replace({pod("a", "1", "n", {{"x", "y"}})}, u"6"_s);
    QCOMPARE(store.byLabel(u"x", u"y").size(), 1);
}

QTEST_GUILESS_MAIN(TestObjectStore)
