// Backoff: client-go's reflector schedule (800 ms ×2, cap 30 s, jitter up to +100 %, reset after
// 2 minutes), computed exactly with an injected random source.
#include "kube/informer/Backoff.h"

#include <QTest>

using namespace fd::kube;

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void doublesUpToTheCap()
    {
        Backoff backoff({}, [] { return 0.0; });
        QList<qint64> delays;
        qint64 now = 0;
        for (int i = 0; i < 9; ++i) {
            delays.append(backoff.nextDelayMs(now));
            now += delays.last();
        }
        QCOMPARE(delays, (QList<qint64>{800, 1600, 3200, 6400, 12800, 25600, 30000, 30000, 30000}));
        QCOMPARE(backoff.failures(), 9);
    }

    void jitterLengthensEachDelayByUpToItsLength_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("capped");
        QTest::addRow("none") << 0.0 << qint64(800) << qint64(30000);
        QTest::addRow("half") << 0.5 << qint64(1200) << qint64(45000);
        QTest::addRow("almost all") << 0.99 << qint64(1592) << qint64(59700);
        QTest::addRow("out of range is clamped") << 7.0 << qint64(1600) << qint64(60000);
    }
    void jitterLengthensEachDelayByUpToItsLength()
    {
        QFETCH(double, random);
        QFETCH(qint64, first);
        QFETCH(qint64, capped);
        Backoff backoff({}, [random] { return random; });
        QCOMPARE(backoff.nextDelayMs(0), first);
        qint64 last = 0;
        for (int i = 0; i < 20; ++i)
            last = backoff.nextDelayMs(1000 * (i + 1));
        QCOMPARE(last, capped);
    }

    void startsOverAfterTwoQuietMinutes()
    {
        Backoff backoff({}, [] { return 0.0; });
        backoff.nextDelayMs(0);
        backoff.nextDelayMs(1000);
        QCOMPARE(backoff.nextDelayMs(2000), qint64(3200));
        QCOMPARE(backoff.nextDelayMs(2000 + 119'999), qint64(6400));
        QCOMPARE(backoff.nextDelayMs(2000 + 119'999 + 120'000), qint64(800));
    }

    void startsOverAfterTwoHealthyMinutes()
    {
        Backoff backoff({}, [] { return 0.0; });
        qint64 now = 0;
        for (int i = 0; i < 4; ++i)
            now += backoff.nextDelayMs(now);
        // Healthy for 100 s, then failing (but less than 2 minutes after the last failure?
        // no: the healthy span is what counts).
        backoff.markHealthy(now);
        backoff.markHealthy(now + 50'000); // the earliest time is kept
        QCOMPARE(backoff.nextDelayMs(now + 100'000), qint64(12800));
        now += 100'000;
        backoff.markHealthy(now);
        QCOMPARE(backoff.nextDelayMs(now + 120'000), qint64(800));
    }

    void customPolicy()
    {
        BackoffPolicy policy;
        policy.initialMs = 10;
        policy.factor = 3.0;
        policy.maxMs = 100;
        policy.jitter = 0.0;
        Backoff backoff(policy, [] { return 0.9; });
        QCOMPARE(backoff.nextDelayMs(0), qint64(10));
        QCOMPARE(backoff.nextDelayMs(1), qint64(30));
        QCOMPARE(backoff.nextDelayMs(2), qint64(90));
        QCOMPARE(backoff.nextDelayMs(3), qint64(100));
        for (int i = 0; i < 100; ++i)
            QCOMPARE(backoff.nextDelayMs(4 + i), qint64(100)); // no overflow however long it fails
        backoff.reset();
        QCOMPARE(backoff.nextDelayMs(200), qint64(10));
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
