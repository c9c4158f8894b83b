#include "sim/api/ObjectStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace fd::sim;

namespace {

QJsonObject object(const QString &ns, const QString &name, const QString &value = {})
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), ns);
    return {{QStringLiteral("metadata"), metadata}, {QStringLiteral("data"), value}};
}

QStringList keys(const std::map<QString, ObjectRef> &snapshot)
{
    QStringList result;
    for (const auto &[key, value] : snapshot)
        result << key + QLatin1Char('=') + value->object.value(QLatin1String("data")).toString();
    return result;
}

} // namespace

class TestObjectStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesStampGlobalResourceVersions()
    {
        ObjectStore store;
        QSignalSpy committed(&store, &ObjectStore::committed);
        const ObjectRef a = store.write(QStringLiteral("/configmaps"), object(QStringLiteral("ns"), QStringLiteral("a")));
        const ObjectRef b = store.write(QStringLiteral("/secrets"), object(QStringLiteral("ns"), QStringLiteral("b")));
        QCOMPARE(a->resourceVersion, 1u);
        QCOMPARE(b->resourceVersion, 2u);
        QCOMPARE(a->object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString(),
                 QStringLiteral("1"));
        QVERIFY(a->json.contains("\"resourceVersion\":\"1\""));
        QCOMPARE(committed.size(), 2);
        QCOMPARE(store.currentResourceVersion(), 2u);
    }

    void listsInKeyOrderPerNamespace()
    {
        ObjectStore store;
        const QString key = QStringLiteral("/pods");
        store.write(key, object(QStringLiteral("b"), QStringLiteral("x")));
        store.write(key, object(QStringLiteral("a"), QStringLiteral("y")));
        store.write(key, object(QStringLiteral("a-b"), QStringLiteral("z")));
        store.write(key, object(QStringLiteral("a"), QStringLiteral("b")));
        QStringList all;
        for (const ObjectRef &ref : store.list(key))
            all << ref->object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        QCOMPARE(all, (QStringList{QStringLiteral("z"), QStringLiteral("b"), QStringLiteral("y"), QStringLiteral("x")}));
        QCOMPARE(store.list(key, QStringLiteral("a")).size(), 2);
        QCOMPARE(store.list(key, QStringLiteral("c")).size(), 0);
    }

    void removeEmitsDeletedWithNewResourceVersion()
    {
        ObjectStore store;
        store.write(QStringLiteral("/pods"), object(QStringLiteral("ns"), QStringLiteral("a")));
        QSignalSpy committed(&store, &ObjectStore::committed);
        const ObjectRef last = store.remove(QStringLiteral("/pods"), QStringLiteral("ns"), QStringLiteral("a"));
        QVERIFY(last);
        QCOMPARE(last->resourceVersion, 2u);
        QCOMPARE(committed.size(), 1);
        const auto event = committed.first().first().value<StoreEvent>();
        QCOMPARE(event.type, StoreEventType::Deleted);
        QCOMPARE(event.previous->resourceVersion, 1u);
        QVERIFY(!store.get(QStringLiteral("/pods"), QStringLiteral("ns"), QStringLiteral("a")));
        QVERIFY(!store.remove(QStringLiteral("/pods"), QStringLiteral("ns"), QStringLiteral("a")));
    }

    void snapshotReconstructsEarlierState()
    {
        ObjectStore store;
        const QString key = QStringLiteral("/configmaps");
        store.write(key, object(QStringLiteral("ns"), QStringLiteral("a"), QStringLiteral("1")));
        store.write(key, object(QStringLiteral("ns"), QStringLiteral("b"), QStringLiteral("1")));
        const quint64 at = store.currentResourceVersion();
        store.write(key, object(QStringLiteral("ns"), QStringLiteral("a"), QStringLiteral("2")));
        store.remove(key, QStringLiteral("ns"), QStringLiteral("b"));
        store.write(key, object(QStringLiteral("ns"), QStringLiteral("c"), QStringLiteral("1")));
        bool more = false;
        auto then = store.snapshotAt(key, at, {}, {}, 0, &more);
        QVERIFY(then);
        QCOMPARE(keys(*then), (QStringList{QStringLiteral("ns/a=1"), QStringLiteral("ns/b=1")}));
        auto now = store.snapshotAt(key, store.currentResourceVersion(), {}, {}, 0, &more);
        QCOMPARE(keys(*now), (QStringList{QStringLiteral("ns/a=2"), QStringLiteral("ns/c=1")}));
    }

    void snapshotPagesAfterAKey()
    {
        ObjectStore store;
        const QString key = QStringLiteral("/configmaps");
        for (int i = 0; i < 5; ++i)
            store.write(key, object(QStringLiteral("ns"), QStringLiteral("o%1").arg(i), QStringLiteral("v")));
        bool more = false;
        auto page = store.snapshotAt(key, store.currentResourceVersion(), {}, {}, 2, &more);
        QCOMPARE(keys(*page), (QStringList{QStringLiteral("ns/o0=v"), QStringLiteral("ns/o1=v")}));
        QVERIFY(more);
        page = store.snapshotAt(key, store.currentResourceVersion(), {}, QStringLiteral("ns/o1"), 2, &more);
        QCOMPARE(keys(*page), (QStringList{QStringLiteral("ns/o2=v"), QStringLiteral("ns/o3=v")}));
        page = store.snapshotAt(key, store.currentResourceVersion(), {}, QStringLiteral("ns/o3"), 2, &more);
        QCOMPARE(keys(*page), (QStringList{QStringLiteral("ns/o4=v")}));
        QVERIFY(!more);
    }

    void compactionMakesOldSnapshotsUnavailable()
    {
        ObjectStore store;
        const QString key = QStringLiteral("/configmaps");
        store.write(key, object(QStringLiteral("ns"), QStringLiteral("a")));
        const quint64 before = store.currentResourceVersion();
        store.write(key, object(QStringLiteral("ns"), QStringLiteral("b")));
        store.compact();
        bool more = false;
        QVERIFY(!store.snapshotAt(key, before, {}, {}, 0, &more));
        QVERIFY(store.snapshotAt(key, store.currentResourceVersion(), {}, {}, 0, &more));
        QVERIFY(store.history().empty());
    }

    void historyIsBounded()
    {
        ObjectStore store;
        store.setHistoryLimit(3);
        for (int i = 0; i < 10; ++i)
            store.write(QStringLiteral("/configmaps"), object(QStringLiteral("ns"), QStringLiteral("a"), QString::number(i)));
        QCOMPARE(static_cast<int>(store.history().size()), 3);
        QCOMPARE(store.compactedThrough(), 7u);
    }
};

QTEST_GUILESS_MAIN(TestObjectStore)
#include "tst_objectstore.moc"
