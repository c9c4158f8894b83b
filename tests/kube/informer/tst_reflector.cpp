// The Reflector's state machine against a scripted source and a fake clock: every request it makes
// is checked for its parameters, every answer is the test's, and no test sleeps.
#include "FakeListWatchSource.h"

#include "kube/informer/Reflector.h"

#include <QSignalSpy>
#include <QTest>

using namespace fd::kube;
using namespace fd::kube::test;
using namespace Qt::StringLiterals;

namespace {

struct FakeTime {
    qint64 now = 1'000'000;
    QList<qint64> wakeups;
    Reflector::Timing timing()
    {
        return Reflector::Timing{[this] { return now; }, [this](qint64 delay) { wakeups.append(delay); }};
    }
};

QString render(const QList<Delta> &deltas)
{
    QStringList parts;
    for (const Delta &d : deltas) {
        const QString type = d.type == Delta::Type::Added ? u"A"_s : d.type == Delta::Type::Modified ? u"M"_s : u"D"_s;
        parts.append(type + (d.finalStateUnknown ? u"?"_s : QString()) + u':' + d.object.key() + u'@'
                     + d.object.resourceVersion());
    }
    return parts.join(u' ');
}

ReflectorOptions deterministic()
{
    ReflectorOptions options;
    options.random = [] { return 0.0; };
    return options;
}

// One reflector on a scripted endpoint.
struct Harness {
    std::shared_ptr<FakeEndpoint> endpoint = std::make_shared<FakeEndpoint>();
    FakeTime time;
    std::unique_ptr<Reflector> reflector;
    QList<Delta> deltas;
    QList<ReflectorStatus> statuses;

    explicit Harness(ReflectorOptions options = deterministic())
    {
        reflector = std::make_unique<Reflector>(std::make_unique<FakeListWatchSource>(endpoint, u"configmaps"_s),
                                                std::move(options), time.timing());
        QObject::connect(reflector.get(), &Reflector::changed, reflector.get(),
                         [this](const QList<Delta> &d) { deltas.append(d); });
        QObject::connect(reflector.get(), &Reflector::statusChanged, reflector.get(),
                         [this](const ReflectorStatus &s) { statuses.append(s); });
    }

    // Start and answer the first LIST with one page.
    void sync(const QList<KubeObject> &items, const QString &rv)
    {
        reflector->start();
        endpoint->lastList()->reply(page(items, rv));
    }
    // Let the pending backoff elapse.
    void elapse()
    {
        QVERIFY(!time.wakeups.isEmpty());
        time.now += time.wakeups.last();
        reflector->wake();
    }
    QString takeDeltas() { return render(std::exchange(deltas, {})); }
    QStringList storeContent() const
    {
        QStringList keys;
        for (const KubeObject &o : reflector->store().items())
            keys.append(o.key() + u'@' + o.resourceVersion());
        keys.sort();
        return keys;
    }
};

} // namespace

class TestReflector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsInPagesThenWatchesFromTheListResourceVersion()
    {
        Harness h;
        h.reflector->start();
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Listing);
        QCOMPARE(h.reflector->status().staleReason, StaleReason::NotSynced);
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
        QCOMPARE(h.endpoint->lastList()->options.limit, 500);
        QVERIFY(h.endpoint->lastList()->options.continueToken.isEmpty());
        h.endpoint->lastList()->reply(page({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s, u"token-1"_s));
        QCOMPARE(h.endpoint->lists.size(), size_t(2));
        QCOMPARE(h.endpoint->lastList()->options.continueToken, u"token-1"_s);
        QCOMPARE(h.endpoint->lastList()->options.limit, 500);
        QVERIFY(h.deltas.isEmpty()); // nothing is published before the list is complete
        QVERIFY(h.endpoint->watches.empty());
        // A later page reports its own (ignored) RV: the snapshot is the first page's.
        h.endpoint->lastList()->reply(page({configMap(u"b"_s, u"two"_s, u"7"_s)}, u"11"_s));

        QCOMPARE(h.takeDeltas(), u"A:a/one@5 A:b/two@7"_s);
        QVERIFY(h.reflector->status().synced);
        QCOMPARE(h.reflector->store().resourceVersion(), u"10"_s);
        QCOMPARE(h.endpoint->watches.size(), size_t(1));
        const WatchStreamOptions &watch = h.endpoint->lastWatch()->options;
        QCOMPARE(watch.resourceVersion, u"10"_s);
        QVERIFY(watch.allowBookmarks);
        QVERIFY(!watch.sendInitialEvents);
        QVERIFY(watch.timeoutSeconds >= 300 && watch.timeoutSeconds <= 600);
        QCOMPARE(watch.idleTimeoutMs, (watch.timeoutSeconds + 30) * 1000);
        QCOMPARE(h.reflector->counters().lists, 1);
        QCOMPARE(h.reflector->counters().listRequests, 2);

        h.endpoint->lastWatch()->open();
        QVERIFY(h.reflector->status().isLive());
        h.endpoint->lastWatch()->send({added(configMap(u"a"_s, u"three"_s, u"12"_s)),
                                       modified(configMap(u"a"_s, u"one"_s, u"13"_s, u"changed"_s))});
        QCOMPARE(h.takeDeltas(), u"A:a/three@12 M:a/one@13"_s);
        QCOMPARE(h.reflector->store().resourceVersion(), u"13"_s);
    }

    void watchTimeoutsAreRandomWithinTheRange()
    {
        ReflectorOptions options = deterministic();
        options.random = [] { return 0.9999; };
        Harness h(options);
        h.sync({}, u"1"_s);
        QCOMPARE(h.endpoint->lastWatch()->options.timeoutSeconds, 600);
    }

    void expiredContinueTokenRestartsWithOneUnpagedList()
    {
        Harness h;
        h.reflector->start();
        h.endpoint->lastList()->reply(page({configMap(u"a"_s, u"old"_s, u"5"_s)}, u"10"_s, u"token-1"_s));
        h.endpoint->lastList()->fail(error(ErrorKind::Gone, 410));
        // No backoff: the pager starts over at once, unpaged, without a continue token.
        QCOMPARE(h.endpoint->lists.size(), size_t(3));
        QCOMPARE(h.endpoint->lastList()->options.limit, 0);
        QVERIFY(h.endpoint->lastList()->options.continueToken.isEmpty());
        QVERIFY(h.time.wakeups.isEmpty());
        QCOMPARE(h.reflector->counters().expiredContinues, 1);
        h.endpoint->lastList()->reply(page({configMap(u"a"_s, u"new"_s, u"20"_s)}, u"21"_s));
        // The pages of the expired snapshot were thrown away.
        QCOMPARE(h.takeDeltas(), u"A:a/new@20"_s);
        QCOMPARE(h.storeContent(), QStringList{u"a/new@20"_s});
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"21"_s);
        // The next relist is paged again.
        h.endpoint->lastWatch()->fail(error(ErrorKind::Gone, 410));
        h.elapse();
        QCOMPARE(h.endpoint->lastList()->options.limit, 500);
    }

    void relistReportsObjectsDeletedWhileNotWatchingAsFinalStateUnknown()
    {
        Harness h;
        h.sync({configMap(u"a"_s, u"stays"_s, u"5"_s), configMap(u"a"_s, u"goes"_s, u"6"_s),
                configMap(u"a"_s, u"changes"_s, u"7"_s)},
               u"10"_s);
        h.takeDeltas();
        h.endpoint->lastWatch()->send(errorEvent(error(ErrorKind::Gone, 410)));
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Backoff);
        QCOMPARE(h.reflector->status().staleReason, StaleReason::Expired);
        h.elapse();
        QCOMPARE(h.endpoint->lists.size(), size_t(2));
        h.endpoint->lastList()->reply(page({configMap(u"a"_s, u"stays"_s, u"5"_s),
                                            configMap(u"a"_s, u"changes"_s, u"30"_s, u"x"_s),
                                            configMap(u"a"_s, u"new"_s, u"31"_s)},
                                           u"40"_s));
        QCOMPARE(h.takeDeltas(), u"M:a/changes@30 A:a/new@31 D?:a/goes@6"_s);
        QCOMPARE(h.reflector->counters().lists, 2);
    }

    void cleanCloseWatchesAgainFromTheLastResourceVersionWithoutRelisting()
    {
        Harness h;
        h.sync({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s);
        h.endpoint->lastWatch()->open();
        h.endpoint->lastWatch()->send(modified(configMap(u"a"_s, u"one"_s, u"15"_s)));
        h.time.now += 300'000;
        h.endpoint->lastWatch()->end();
        QCOMPARE(h.endpoint->watches.size(), size_t(2));
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"15"_s);
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
        QVERIFY(h.time.wakeups.isEmpty()); // no backoff for a clean end
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Watching);
        QVERIFY(!h.reflector->status().isStale());
        // Again, after a quiet watch that lasted long enough.
        h.time.now += 300'000;
        h.endpoint->lastWatch()->end();
        QCOMPARE(h.endpoint->watches.size(), size_t(3));
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"15"_s);
        QCOMPARE(h.reflector->counters().lists, 1);
    }

    void bookmarksAdvanceTheResourceVersion()
    {
        Harness h;
        h.sync({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s);
        h.takeDeltas();
        h.endpoint->lastWatch()->send(bookmark(u"77"_s));
        QVERIFY(h.deltas.isEmpty());
        QCOMPARE(h.reflector->store().resourceVersion(), u"77"_s);
        h.time.now += 5000;
        h.endpoint->lastWatch()->fail(error(ErrorKind::Transport, 0));
        h.elapse();
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"77"_s);
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
    }

    void goneAtWatchOpenRelists()
    {
        Harness h;
        h.sync({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s);
        h.endpoint->lastWatch()->fail(error(ErrorKind::Gone, 410));
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Backoff);
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
        h.elapse();
        QCOMPARE(h.endpoint->lists.size(), size_t(2));
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Listing);
        QCOMPARE(h.reflector->status().staleReason, StaleReason::Expired);
        h.endpoint->lastList()->reply(page({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"50"_s));
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"50"_s);
        QVERIFY(h.deltas.size() == 1); // only the first sync's Added
    }

    void otherWatchErrorsWatchAgainWithoutRelisting_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("reason");
        QTest::addRow("500") << int(ErrorKind::ServerError) << 500 << int(StaleReason::ServerError);
        QTest::addRow("dropped connection") << int(ErrorKind::Transport) << 0 << int(StaleReason::Disconnected);
        QTest::addRow("idle timeout") << int(ErrorKind::Timeout) << 0 << int(StaleReason::Disconnected);
        QTest::addRow("401 after refresh") << int(ErrorKind::Unauthorized) << 401 << int(StaleReason::Unauthorized);
        QTest::addRow("undecodable stream") << int(ErrorKind::Decode) << 0 << int(StaleReason::ServerError);
    }
    void otherWatchErrorsWatchAgainWithoutRelisting()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, reason);
        Harness h;
        h.sync({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s);
        h.endpoint->lastWatch()->send(added(configMap(u"a"_s, u"two"_s, u"11"_s)));
        h.endpoint->lastWatch()->fail(error(ErrorKind(kind), status));
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Backoff);
        QCOMPARE(int(h.reflector->status().staleReason), reason);
        QVERIFY(h.reflector->status().lastError.has_value());
        QCOMPARE(h.time.wakeups, QList<qint64>{800});
        h.elapse();
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
        QCOMPARE(h.endpoint->watches.size(), size_t(2));
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"11"_s);
        h.endpoint->lastWatch()->open();
        QVERIFY(h.reflector->status().isLive());
        QVERIFY(!h.reflector->status().lastError.has_value());
    }

    void tooManyRequestsWaitsForRetryAfterAndDoesNotRelist()
    {
        Harness h;
        h.sync({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s);
        h.endpoint->lastWatch()->fail(error(ErrorKind::TooManyRequests, 429, 7));
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Backoff);
        QCOMPARE(h.reflector->status().staleReason, StaleReason::Throttled);
        QCOMPARE(h.time.wakeups, QList<qint64>{7000});
        QVERIFY(h.reflector->status().nextAttemptMs == std::optional<qint64>(h.time.now + 7000));
        QVERIFY(h.reflector->status().nextAttemptAt.isValid());
        // Woken early (a timer is never exact): it waits the rest.
        h.time.now += 3000;
        h.reflector->wake();
        QCOMPARE(h.time.wakeups.last(), qint64(4000));
        QCOMPARE(h.endpoint->watches.size(), size_t(1));
        h.elapse();
        QCOMPARE(h.endpoint->watches.size(), size_t(2));
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
        // A short Retry-After does not undercut the backoff.
        h.endpoint->lastWatch()->fail(error(ErrorKind::TooManyRequests, 429, 1));
        QCOMPARE(h.time.wakeups.last(), qint64(1600));
    }

    void tooManyRequestsDuringListRetriesTheList()
    {
        Harness h;
        h.reflector->start();
        h.endpoint->lastList()->fail(error(ErrorKind::TooManyRequests, 429, 2));
        QCOMPARE(h.time.wakeups, QList<qint64>{2000});
        QVERIFY(!h.reflector->status().synced);
        h.elapse();
        QCOMPARE(h.endpoint->lists.size(), size_t(2));
        QVERIFY(h.endpoint->watches.empty());
    }

    void backoffDoublesUpToTheCapWithJitter()
    {
        ReflectorOptions options = deterministic();
        double random = 0.0;
        options.random = [&random] { return random; };
        Harness h(options);
        h.reflector->start();
        QList<qint64> expected;
        for (qint64 d : {800, 1600, 3200, 6400, 12800, 25600, 30000, 30000})
            expected.append(d);
        for (int i = 0; i < expected.size(); ++i) {
            h.endpoint->lastList()->fail(error(ErrorKind::ServerError, 500));
            QCOMPARE(h.reflector->status().phase, ReflectorPhase::Backoff);
            h.elapse();
        }
        QCOMPARE(h.time.wakeups, expected);
        QCOMPARE(h.reflector->counters().failures, expected.size());
        // Jitter lengthens a delay by up to 100 %, never beyond cap × 2.
        random = 0.5;
        h.endpoint->lastList()->fail(error(ErrorKind::ServerError, 500));
        QCOMPARE(h.time.wakeups.last(), qint64(45000));
        h.elapse();
        random = 0.999;
        h.endpoint->lastList()->fail(error(ErrorKind::ServerError, 500));
        QVERIFY(h.time.wakeups.last() <= 60000);
        QVERIFY(h.time.wakeups.last() > 59000);
    }

    void backoffStartsOverAfterTwoMinutesOfHealthyWatching()
    {
        Harness h;
        h.reflector->start();
        for (int i = 0; i < 3; ++i) {
            h.endpoint->lastList()->fail(error(ErrorKind::ServerError, 500));
            h.elapse();
        }
        QCOMPARE(h.time.wakeups.last(), qint64(3200));
        h.endpoint->lastList()->reply(page({}, u"10"_s));
        h.endpoint->lastWatch()->open();
        // Healthy for one minute only: the backoff keeps growing.
        h.time.now += 60'000;
        h.endpoint->lastWatch()->fail(error(ErrorKind::Transport, 0));
        QCOMPARE(h.time.wakeups.last(), qint64(6400));
        h.elapse();
        h.endpoint->lastWatch()->open();
        h.time.now += 121'000;
        h.endpoint->lastWatch()->fail(error(ErrorKind::Transport, 0));
        QCOMPARE(h.time.wakeups.last(), qint64(800));
    }

    void forbiddenIsAStateAndRetriesOnlyWhenAllowed()
    {
        {
            Harness h;
            QSignalSpy forbidden(h.reflector.get(), &Reflector::forbidden);
            h.reflector->start();
            h.endpoint->lastList()->fail(error(ErrorKind::Forbidden, 403));
            QCOMPARE(h.reflector->status().phase, ReflectorPhase::Forbidden);
            QCOMPARE(h.reflector->status().staleReason, StaleReason::Forbidden);
            QCOMPARE(forbidden.count(), 1);
            QVERIFY(h.reflector->status().nextAttemptMs.has_value());
            h.elapse();
            QCOMPARE(h.endpoint->lists.size(), size_t(2));
        }
        {
            ReflectorOptions options = deterministic();
            options.retryForbidden = false;
            Harness h(options);
            h.reflector->start();
            h.endpoint->lastList()->fail(error(ErrorKind::Forbidden, 403));
            QCOMPARE(h.reflector->status().phase, ReflectorPhase::Forbidden);
            QVERIFY(!h.reflector->status().nextAttemptMs.has_value());
            QVERIFY(h.time.wakeups.isEmpty());
            QCOMPARE(h.endpoint->liveCalls(), 0);
            // The owner decides when to try again.
            h.reflector->start();
            QCOMPARE(h.endpoint->lists.size(), size_t(2));
        }
    }

    void idleOrEmptyShortWatchesBackOff()
    {
        Harness h;
        h.sync({}, u"10"_s);
        // Ended cleanly after 0.2 s with nothing: a failure, not a clean end.
        h.time.now += 200;
        h.endpoint->lastWatch()->end();
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Backoff);
        QCOMPARE(h.time.wakeups, QList<qint64>{800});
        h.elapse();
        QCOMPARE(h.endpoint->watches.size(), size_t(2));
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"10"_s);
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
        // A short watch that did deliver something is a normal end.
        h.endpoint->lastWatch()->send(bookmark(u"12"_s));
        h.endpoint->lastWatch()->end();
        QCOMPARE(h.endpoint->watches.size(), size_t(3));
        QCOMPARE(h.time.wakeups.size(), 1);
    }

    void watchListStreamsIntoATemporaryStoreUntilTheEndMarker()
    {
        ReflectorOptions options = deterministic();
        options.watchList = WatchListMode::Prefer;
        Harness h(options);
        h.reflector->start();
        QVERIFY(h.endpoint->lists.empty());
        QCOMPARE(h.endpoint->watches.size(), size_t(1));
        const WatchStreamOptions &watch = h.endpoint->lastWatch()->options;
        QVERIFY(watch.sendInitialEvents);
        QVERIFY(watch.allowBookmarks);
        QCOMPARE(watch.resourceVersionMatch, u"NotOlderThan"_s);
        QVERIFY(watch.resourceVersion.isEmpty());
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Listing);

        h.endpoint->lastWatch()->open();
        h.endpoint->lastWatch()->send({added(configMap(u"a"_s, u"one"_s, u"5"_s)), added(configMap(u"a"_s, u"two"_s, u"6"_s))});
        h.endpoint->lastWatch()->send(bookmark(u"8"_s)); // an ordinary bookmark is not the end
        QVERIFY(h.deltas.isEmpty());
        QVERIFY(h.reflector->store().isEmpty());
        QVERIFY(!h.reflector->status().synced);
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Listing);

        // The end marker and a live event in one chunk.
        h.endpoint->lastWatch()->send({bookmark(u"9"_s, true), modified(configMap(u"a"_s, u"one"_s, u"10"_s))});
        QCOMPARE(h.takeDeltas(), u"A:a/one@5 A:a/two@6 M:a/one@10"_s);
        QVERIFY(h.reflector->status().isLive());
        QCOMPARE(h.reflector->counters().watchListSyncs, 1);
        QCOMPARE(h.reflector->store().resourceVersion(), u"10"_s);
        QCOMPARE(h.endpoint->watches.size(), size_t(1)); // the same stream goes on

        // A clean end later re-watches normally from the RV.
        h.time.now += 400'000;
        h.endpoint->lastWatch()->end();
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"10"_s);
        QVERIFY(!h.endpoint->lastWatch()->options.sendInitialEvents);
        // A relist (410) tries the watch-list again, and its diff reports deletions.
        h.endpoint->lastWatch()->fail(error(ErrorKind::Gone, 410));
        h.elapse();
        QVERIFY(h.endpoint->lastWatch()->options.sendInitialEvents);
        h.endpoint->lastWatch()->send({added(configMap(u"a"_s, u"two"_s, u"6"_s)), bookmark(u"30"_s, true)});
        QCOMPARE(h.takeDeltas(), u"D?:a/one@10"_s);
        QCOMPARE(h.reflector->counters().lists, 0);
    }

    void watchListFallsBackToListWhenRefused()
    {
        ReflectorOptions options = deterministic();
        options.watchList = WatchListMode::Prefer;
        Harness h(options);
        h.reflector->start();
        h.endpoint->lastWatch()->fail(error(ErrorKind::Invalid, 422));
        // At once, without backoff.
        QVERIFY(h.time.wakeups.isEmpty());
        QCOMPARE(h.endpoint->lists.size(), size_t(1));
        h.endpoint->lastList()->reply(page({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s));
        QCOMPARE(h.takeDeltas(), u"A:a/one@5"_s);
        QCOMPARE(h.endpoint->lastWatch()->options.resourceVersion, u"10"_s);
        QVERIFY(!h.endpoint->lastWatch()->options.sendInitialEvents);

        // A stream that ends before the marker falls back as well.
        Harness h2(options);
        h2.reflector->start();
        h2.endpoint->lastWatch()->send(added(configMap(u"a"_s, u"one"_s, u"5"_s)));
        h2.time.now += 5000;
        h2.endpoint->lastWatch()->end();
        QCOMPARE(h2.endpoint->lists.size(), size_t(1));
        QVERIFY(h2.reflector->store().isEmpty());

        // Throttling is retried as a watch-list after the backoff.
        Harness h3(options);
        h3.reflector->start();
        h3.endpoint->lastWatch()->fail(error(ErrorKind::TooManyRequests, 429, 3));
        QCOMPARE(h3.time.wakeups, QList<qint64>{3000});
        h3.elapse();
        QVERIFY(h3.endpoint->lists.empty());
        QVERIFY(h3.endpoint->lastWatch()->options.sendInitialEvents);
    }

    void statusShowsStalenessWhileReconnecting()
    {
        Harness h;
        h.reflector->start();
        QCOMPARE(h.reflector->status().staleReason, StaleReason::NotSynced);
        h.endpoint->lastList()->reply(page({}, u"10"_s));
        // The watch was asked for but not confirmed yet: still stale.
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Watching);
        QVERIFY(h.reflector->status().isStale());
        h.endpoint->lastWatch()->open();
        QVERIFY(h.reflector->status().isLive());
        h.endpoint->lastWatch()->fail(error(ErrorKind::Transport, 0));
        QCOMPARE(h.reflector->status().staleReason, StaleReason::Disconnected);
        QVERIFY(h.reflector->status().synced);
        h.elapse();
        // Re-watching, still stale until the server accepted it (or sent something).
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Watching);
        QVERIFY(h.reflector->status().isStale());
        h.endpoint->lastWatch()->send(bookmark(u"11"_s));
        QVERIFY(h.reflector->status().isLive());
        QVERIFY(!h.statuses.isEmpty());
        QCOMPARE(h.statuses.last().phase, ReflectorPhase::Watching);
    }

    void stopCancelsAndIgnoresLateAnswers()
    {
        Harness h;
        h.sync({configMap(u"a"_s, u"one"_s, u"5"_s)}, u"10"_s);
        auto watch = h.endpoint->lastWatch();
        h.reflector->stop();
        QVERIFY(watch->cancelled);
        QCOMPARE(h.reflector->status().phase, ReflectorPhase::Stopped);
        QCOMPARE(h.reflector->status().staleReason, StaleReason::Stopped);
        QCOMPARE(h.reflector->store().size(), 1); // kept, stale

        // A backoff pending at stop() does not fire later.
        h.reflector->start();
        h.endpoint->lastList()->fail(error(ErrorKind::ServerError, 500));
        h.reflector->stop();
        h.time.now += 100'000;
        h.reflector->wake();
        QCOMPARE(h.endpoint->lists.size(), size_t(2));
        QCOMPARE(h.endpoint->liveCalls(), 0);

        // Restarting relists and diffs against what was kept.
        h.takeDeltas();
        h.reflector->start();
        h.endpoint->lastList()->reply(page({}, u"20"_s));
        QCOMPARE(h.takeDeltas(), u"D?:a/one@5"_s);
    }

    void destroyingTheReflectorCancelsItsCalls()
    {
        auto endpoint = std::make_shared<FakeEndpoint>();
        {
            Reflector reflector(std::make_unique<FakeListWatchSource>(endpoint), deterministic());
            reflector.start();
            endpoint->lastList()->reply(page({}, u"1"_s));
            QCOMPARE(endpoint->liveCalls(), 1);
        }
        QCOMPARE(endpoint->liveCalls(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReflector)
#include "tst_reflector.moc"
