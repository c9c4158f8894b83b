#include "kube/store/DeltaBatcher.h"

#include "StoreTestUtil.h"

#include <QSignalSpy>
#include <QTest>
#include <QScopeGuard>
#include <QThread>

using namespace fd::kube;
using namespace fd::kube::test;
using namespace Qt::Literals::StringLiterals;

namespace {

KubeObject pod(const char *name, const char *rv)
{
    PodSpec spec;
    spec.name = name;
    spec.rv = rv;
    return decodePod(spec);
}

// A fake clock and a record of the wake-ups the batcher asked for.
struct FakeTime {
    qint64 now = 1000;
    QList<qint64> wakeups;
    DeltaBatcher::Timing timing()
    {
        return DeltaBatcher::Timing{[this] { return now; }, [this](qint64 delay) { wakeups.append(delay); }};
    }
};

Delta::Type typeOf(QChar c)
{
    return c == u'A' ? Delta::Type::Added : c == u'M' ? Delta::Type::Modified : Delta::Type::Deleted;
}

QString render(const DeltaBatch &batch)
{
    QStringList parts;
    for (const DeltaGroup &g : batch.groups) {
        for (const Delta &d : g.deltas) {
            const QChar t = d.type == Delta::Type::Added ? u'A' : d.type == Delta::Type::Modified ? u'M' : u'D';
            parts.append(g.source + u':' + t + d.object.name() + u'@' + d.object.resourceVersion()
                         + (d.finalStateUnknown ? u"?"_s : QString()));
        }
    }
    return parts.join(u' ');
}

} // namespace

class TestDeltaBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<fd::kube::DeltaBatch>(); }

    // Sequences of changes to one key within one interval, and what the consumer must see.
    void coalescing_data()
    {
        QTest::addColumn<QString>("changes"); // type letters, the nth change has rv n+1
        QTest::addColumn<QString>("expected");
        QTest::addRow("added") << u"A"_s << u"pods:Aa@1"_s;
        QTest::addRow("added+modified = added, last state") << u"AMM"_s << u"pods:Aa@3"_s;
        QTest::addRow("added+deleted = nothing") << u"AD"_s << QString();
        QTest::addRow("added+modified+deleted = nothing") << u"AMD"_s << QString();
        QTest::addRow("modified+modified = modified, last") << u"MM"_s << u"pods:Ma@2"_s;
        QTest::addRow("modified+deleted = deleted") << u"MD"_s << u"pods:Da@2"_s;
        QTest::addRow("deleted") << u"D"_s << u"pods:Da@1"_s;
        QTest::addRow("deleted+added = modified") << u"DA"_s << u"pods:Ma@2"_s;
        QTest::addRow("deleted+added+deleted = deleted") << u"DAD"_s << u"pods:Da@3"_s;
        QTest::addRow("added+deleted+added = added") << u"ADA"_s << u"pods:Aa@3"_s;
    }

    void coalescing()
    {
        QFETCH(QString, changes);
        QFETCH(QString, expected);
        FakeTime time;
        DeltaBatcher batcher(50, time.timing());
        QSignalSpy spy(&batcher, &DeltaBatcher::batchReady);
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const QByteArray rv = QByteArray::number(i + 1);
            batcher.add(u"pods"_s, Delta{typeOf(changes[i]), pod("a", rv.constData()), false});
        }
        batcher.tick();
        if (expected.isEmpty()) {
            QCOMPARE(spy.count(), 0); // nothing net: no signal at all
            return;
        }
        QCOMPARE(spy.count(), 1);
        QCOMPARE(render(spy.at(0).at(0).value<DeltaBatch>()), expected);
    }

    void orderAndGroups()
    {
        FakeTime time;
        DeltaBatcher batcher(50, time.timing());
        QSignalSpy spy(&batcher, &DeltaBatcher::batchReady);
        batcher.add(u"pods"_s, Delta{Delta::Type::Added, pod("b", "1"), false});
        batcher.add(u"functions"_s, Delta{Delta::Type::Added, pod("f", "1"), false});
        batcher.add(u"pods"_s, {Delta{Delta::Type::Added, pod("a", "2"), false},
                                Delta{Delta::Type::Modified, pod("b", "3"), false},
                                Delta{Delta::Type::Deleted, pod("c", "4"), true}});
        batcher.add(u"functions"_s, Delta{Delta::Type::Added, pod("b", "9"), false}); // same name, other source
        QCOMPARE(batcher.pendingCount(), 5);
        batcher.tick();
        QCOMPARE(spy.count(), 1);
        const DeltaBatch batch = spy.at(0).at(0).value<DeltaBatch>();
        QCOMPARE(render(batch), u"pods:Ab@3 pods:Aa@2 pods:Dc@4? functions:Af@1 functions:Ab@9"_s);
        QCOMPARE(batch.size(), 5);
        QCOMPARE(batch.deltasFor(u"functions").size(), 2);
        QVERIFY(batch.deltasFor(u"secrets").isEmpty());
        QCOMPARE(batcher.pendingCount(), 0);
    }

    void finalStateUnknownOnlyForDeletes()
    {
        FakeTime time;
        DeltaBatcher batcher(50, time.timing());
        QSignalSpy spy(&batcher, &DeltaBatcher::batchReady);
        batcher.add(u"pods"_s, Delta{Delta::Type::Deleted, pod("a", "1"), true});
        batcher.add(u"pods"_s, Delta{Delta::Type::Added, pod("a", "2"), false});
        batcher.add(u"pods"_s, Delta{Delta::Type::Modified, pod("b", "1"), false});
        batcher.add(u"pods"_s, Delta{Delta::Type::Deleted, pod("b", "2"), true});
        batcher.tick();
        QCOMPARE(render(spy.at(0).at(0).value<DeltaBatch>()), u"pods:Ma@2 pods:Db@2?"_s);
    }

    void throttledToTheInterval()
    {
        FakeTime time;
        DeltaBatcher batcher(50, time.timing());
        QSignalSpy spy(&batcher, &DeltaBatcher::batchReady);

        // First change after a quiet period: wake up at once.
        batcher.add(u"pods"_s, Delta{Delta::Type::Added, pod("a", "1"), false});
        QCOMPARE(time.wakeups, QList<qint64>{0});
        batcher.add(u"pods"_s, Delta{Delta::Type::Added, pod("b", "1"), false}); // already scheduled
        QCOMPARE(time.wakeups.size(), 1);
        batcher.tick();
        QCOMPARE(spy.count(), 1);

        // Within the interval: wait for the rest of it, whatever arrives meanwhile.
        time.now += 10;
        for (int i = 0; i < 1000; ++i)
            batcher.add(u"pods"_s, Delta{Delta::Type::Modified, pod("a", QByteArray::number(i + 2).constData()), false});
        QCOMPARE(time.wakeups.size(), 2);
        QCOMPARE(time.wakeups.last(), 40);
        time.now += 15;
        batcher.tick(); // too early (a timer may fire early): re-arms, no signal
        QCOMPARE(spy.count(), 1);
        QCOMPARE(time.wakeups.last(), 25);
        time.now += 25;
        batcher.tick();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(render(spy.at(1).at(0).value<DeltaBatch>()), u"pods:Ma@1001"_s);

        // A stray tick with nothing pending does nothing.
        time.now += 100;
        batcher.tick();
        QCOMPARE(spy.count(), 2);

        // Long after the last batch: immediate again.
        batcher.add(u"pods"_s, Delta{Delta::Type::Deleted, pod("b", "5"), false});
        QCOMPARE(time.wakeups.last(), 0);
        batcher.tick();
        QCOMPARE(spy.count(), 3);
    }

    void flushEmitsNow()
    {
        FakeTime time;
        DeltaBatcher batcher(50, time.timing());
        QSignalSpy spy(&batcher, &DeltaBatcher::batchReady);
        batcher.add(u"pods"_s, Delta{Delta::Type::Added, pod("a", "1"), false});
        batcher.tick();
        time.now += 1;
        batcher.add(u"pods"_s, Delta{Delta::Type::Added, pod("b", "1"), false});
        batcher.flush();
        QCOMPARE(spy.count(), 2);
        batcher.tick(); // the pending wake-up finds nothing
        QCOMPARE(spy.count(), 2);
        batcher.flush(); // nothing pending: no empty batch
        QCOMPARE(spy.count(), 2);
        batcher.add(u"pods"_s, Delta{}); // null objects are ignored
        QCOMPARE(batcher.pendingCount(), 0);
    }

    void realTimerAndQueuedAcrossThreads()
    {
        // The default timing (QTimer) on a worker thread, delivered to this thread by a queued
        // connection: the batch type must be a registered metatype.
        QThread worker;
        auto *batcher = new DeltaBatcher;
        batcher->setIntervalMs(5);
        batcher->moveToThread(&worker);
        connect(&worker, &QThread::finished, batcher, &QObject::deleteLater);
        QList<DeltaBatch> received;
        QThread *receivedOn = nullptr;
        connect(batcher, &DeltaBatcher::batchReady, this, [&](const DeltaBatch &b) {
            received.append(b);
            receivedOn = QThread::currentThread();
        }, Qt::QueuedConnection);
        worker.start();
        const auto stopWorker = qScopeGuard([&worker] {
            worker.quit();
            worker.wait();
        });
        QMetaObject::invokeMethod(batcher, [batcher] {
            for (int i = 0; i < 100; ++i)
                batcher->add(u"pods"_s, Delta{Delta::Type::Modified, pod("a", QByteArray::number(i + 1).constData()), false});
        });
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(render(received.first()), u"pods:Ma@100"_s);
        QCOMPARE(receivedOn, QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestDeltaBatcher)
#include "tst_deltabatcher.moc"
