// Reflectors and the informer set over the real transport against the in-process emulator: paging
// and an expired continue token, relist diffs, clean watch ends, bookmarks, 410, 429 Retry-After,
// RBAC fallback for the `developer` and `viewer` users, and watch-list. Each test gets its own
// emulator; faults are injected through POST /_sim/faults or in-process on the emulator's thread.
#include "InformerEmulator.h"

#include "kube/informer/InformerSet.h"
#include "kube/informer/Reflector.h"
#include "kube/informer/RestListWatchSource.h"
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"
#include "sim/api/ApiHandler.h"
#include "sim/api/ObjectService.h"
#include "sim/api/ObjectStore.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/cluster/SimCluster.h"

#include <QSignalSpy>
#include <QTest>

using namespace fd::kube;
using namespace fd::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 30'000;

const ResourceKind ConfigMaps = ResourceKind::core(u"configmaps"_s, u"ConfigMap"_s);
const ResourceKind Secrets = ResourceKind::core(u"secrets"_s, u"Secret"_s);

// Quick retries: these tests check which path is taken, not how long the waits are.
ReflectorOptions quickOptions()
{
    ReflectorOptions options;
    options.backoff.initialMs = 50;
    options.backoff.maxMs = 500;
    return options;
}

// Forwards to another source, running a hook after the first LIST page arrived and before the
// reflector sees it (to change the server between two pages).
class HookedSource : public ListWatchSource {
public:
    HookedSource(std::unique_ptr<ListWatchSource> inner, std::function<void()> afterFirstPage)
        : m_inner(std::move(inner)), m_afterFirstPage(std::move(afterFirstPage))
    {
    }
    std::unique_ptr<SourceCall> list(const ListPageOptions &options, ListCallback callback) override
    {
        return m_inner->list(options, [this, callback](const fd::Expected<ObjectList, KubeError> &page) {
            if (page && m_afterFirstPage) {
                std::exchange(m_afterFirstPage, {})();
            }
            callback(page);
        });
    }
    std::unique_ptr<SourceCall> watch(const WatchStreamOptions &options, WatchHandlers handlers) override
    {
        return m_inner->watch(options, std::move(handlers));
    }
    QString describe() const override { return m_inner->describe(); }

private:
    std::unique_ptr<ListWatchSource> m_inner;
    std::function<void()> m_afterFirstPage;
};

QString render(const QList<Delta> &deltas)
{
    QStringList parts;
    for (const Delta &d : deltas) {
        const QString type = d.type == Delta::Type::Added ? u"A"_s : d.type == Delta::Type::Modified ? u"M"_s : u"D"_s;
        parts.append(type + (d.finalStateUnknown ? u"?"_s : QString()) + u':' + d.object.key());
    }
    return parts.join(u' ');
}

} // namespace

class TestInformerEmulator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<InformerEmulator> m_emulator;
    std::unique_ptr<KubeSession> m_session;

    std::unique_ptr<Reflector> reflector(const ResourceKind &kind, const QString &ns, ReflectorOptions options = quickOptions())
    {
        return std::make_unique<Reflector>(std::make_unique<RestListWatchSource>(m_session->rest(), kind, ns), options);
    }

private Q_SLOTS:
    void init()
    {
        m_emulator = std::make_unique<InformerEmulator>();
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
        m_session = m_emulator->session(m_emulator->anonymousUser());
    }

    void cleanup()
    {
        m_session.reset();
        m_emulator.reset();
    }

    void pagesThroughALargeList()
    {
        m_emulator->createNamespace(u"paging"_s);
        m_emulator->createConfigMaps(u"paging"_s, 1200);
        auto r = reflector(ConfigMaps, u"paging"_s);
        r->start();
        QTRY_VERIFY_WITH_TIMEOUT(r->status().isLive(), WaitMs);
        // 1200 + kube-root-ca.crt in pages of 500.
        QCOMPARE(r->counters().listRequests, 3);
        QCOMPARE(r->counters().lists, 1);
        QCOMPARE(keyVersions(r->store()), m_emulator->serverState(ConfigMaps, u"paging"_s));
        QCOMPARE(r->store().size(), 1201);
    }

    void restartsUnpagedWhenTheContinueTokenExpires()
    {
        m_emulator->createNamespace(u"paging"_s);
        m_emulator->createConfigMaps(u"paging"_s, 1200);
        InformerEmulator *emulator = m_emulator.get();
        // Between the first and second page: a write, then a compaction past the list's snapshot.
        auto source = std::make_unique<HookedSource>(
            std::make_unique<RestListWatchSource>(m_session->rest(), ConfigMaps, u"paging"_s), [emulator] {
                emulator->createConfigMap(u"paging"_s, u"late"_s);
                emulator->onSim([](fd::sim::SimCluster &cluster) { cluster.store()->compact(); });
            });
        Reflector r(std::move(source), quickOptions());
        r.start();
        QTRY_VERIFY_WITH_TIMEOUT(r.status().isLive(), WaitMs);
        // Page 1, page 2 (410: its snapshot is gone), then one unpaged LIST.
        QCOMPARE(r.counters().listRequests, 3);
        QCOMPARE(r.counters().lists, 1);
        QCOMPARE(r.counters().expiredContinues, 1);
        QCOMPARE(r.counters().failures, 0);
        QCOMPARE(r.store().size(), 1202);
        QVERIFY(r.store().get(u"paging"_s, u"late"_s).resourceVersion().size() > 0);
        QCOMPARE(keyVersions(r.store()), m_emulator->serverState(ConfigMaps, u"paging"_s));
    }

    void relistAfter410ReportsWhatWasMissed()
    {
        m_emulator->createNamespace(u"relist"_s);
        for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
            m_emulator->createConfigMap(u"relist"_s, name);
        auto r = reflector(ConfigMaps, u"relist"_s);
        QList<Delta> deltas;
        connect(r.get(), &Reflector::changed, this, [&deltas](const QList<Delta> &d) { deltas.append(d); });
        r->start();
        QTRY_VERIFY_WITH_TIMEOUT(r->status().isLive(), WaitMs);
        QCOMPARE(r->store().size(), 4);
        deltas.clear();

        // In one step on the emulator's thread: the watch drops, b is deleted and c changed while
        // nobody watches, and the history is compacted, so resuming from our RV answers 410.
        bool removed = false;
        bool changed = false;
        m_emulator->onSim([&removed, &changed](fd::sim::SimCluster &cluster) {
            cluster.api()->dropWatches();
            const auto type = cluster.catalog()->find(QString(), u"v1"_s, u"configmaps"_s);
            if (!type)
                return;
            removed = cluster.objects()->remove(*type, u"relist"_s, u"b"_s, {}).hasValue();
            changed = cluster.objects()->mutate(*type, u"relist"_s, u"c"_s, [](QJsonObject &object) {
                object.insert(u"data"_s, QJsonObject{{u"value"_s, u"changed"_s}});
                return true;
            }).hasValue();
            cluster.store()->compact();
        });
        QVERIFY(removed);
        QVERIFY(changed);
        QTRY_VERIFY_WITH_TIMEOUT(r->counters().lists == 2 && r->status().isLive(), WaitMs);
        QCOMPARE(render(deltas), u"M:relist/c D?:relist/b"_s);
        QVERIFY(r->counters().failures >= 1); // the 410 (and the drop, when it looked like a failure)
        QCOMPARE(keyVersions(r->store()), m_emulator->serverState(ConfigMaps, u"relist"_s));
    }

    void cleanWatchEndsWatchAgainWithoutRelisting()
    {
        m_emulator->createNamespace(u"rewatch"_s);
        ReflectorOptions options = quickOptions();
        options.minWatchTimeoutSeconds = 1;
        options.maxWatchTimeoutSeconds = 1;
        auto r = reflector(ConfigMaps, u"rewatch"_s, options);
        r->start();
        QTRY_VERIFY_WITH_TIMEOUT(r->counters().watchRequests >= 4, WaitMs);
        QCOMPARE(r->counters().lists, 1);
        QCOMPARE(r->counters().failures, 0);
        // Changes still arrive through the renewed watches.
        m_emulator->createConfigMap(u"rewatch"_s, u"later"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!r->store().get(u"rewatch"_s, u"later"_s).isNull(), WaitMs);
        QCOMPARE(r->counters().lists, 1);
    }

    void bookmarksAdvanceTheResourceVersion()
    {
        QCOMPARE(m_emulator->faults(QJsonObject{{u"bookmarkIntervalMs"_s, 100}}), 200);
        m_emulator->createNamespace(u"quiet"_s);
        m_emulator->createNamespace(u"busy"_s);
        auto r = reflector(ConfigMaps, u"quiet"_s);
        r->start();
        QTRY_VERIFY_WITH_TIMEOUT(r->status().isLive(), WaitMs);
        const QString listed = r->store().resourceVersion();
        // Changes elsewhere move the server's RV; only bookmarks can tell this reflector.
        for (int i = 0; i < 5; ++i)
            m_emulator->createConfigMap(u"busy"_s, u"cm-%1"_s.arg(i));
        const quint64 target = m_emulator->resourceVersion();
        QVERIFY(target > listed.toULongLong());
        QTRY_VERIFY_WITH_TIMEOUT(r->store().resourceVersion().toULongLong() >= target, WaitMs);
        QCOMPARE(r->store().size(), 1); // kube-root-ca.crt only
        QCOMPARE(r->counters().lists, 1);
    }

    void tooManyRequestsWaitsForRetryAfterWithoutRelisting()
    {
        // Let the 429 reach the reflector instead of being retried inside the transport.
        RetryLimits limits;
        limits.maxThrottleRetries = 0;
        m_session->rest()->setRetryPolicy(RetryPolicy(limits));
        m_emulator->createNamespace(u"throttled"_s);
        // Watches that end after a second: the renewal is the request that gets the 429.
        ReflectorOptions options = quickOptions();
        options.minWatchTimeoutSeconds = 1;
        options.maxWatchTimeoutSeconds = 1;
        auto r = reflector(ConfigMaps, u"throttled"_s, options);
        struct Seen {
            ReflectorStatus status;
            QDateTime at;
        };
        QList<Seen> throttled;
        connect(r.get(), &Reflector::statusChanged, this, [&throttled](const ReflectorStatus &status) {
            if (status.staleReason == StaleReason::Throttled)
                throttled.append(Seen{status, QDateTime::currentDateTimeUtc()});
        });
        r->start();
        QTRY_VERIFY_WITH_TIMEOUT(r->status().isLive(), WaitMs);

        QCOMPARE(m_emulator->faults(QJsonObject{{u"failNextRequests"_s, 1},
                                                {u"failStatus"_s, 429},
                                                {u"retryAfterSeconds"_s, 2},
                                                {u"failOnlyPathContaining"_s, u"watch=true"_s}}),
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(!throttled.isEmpty(), WaitMs);
        const Seen &seen = throttled.first();
        QCOMPARE(seen.status.phase, ReflectorPhase::Backoff);
        QVERIFY(seen.status.lastError.has_value());
        QCOMPARE(seen.status.lastError->kind, ErrorKind::TooManyRequests);
        QCOMPARE(seen.status.lastError->retryAfterSeconds, 2);
        // Scheduled no earlier than Retry-After (the status is emitted right after the decision).
        QVERIFY2(seen.at.msecsTo(seen.status.nextAttemptAt) >= 1900,
                 qPrintable(QString::number(seen.at.msecsTo(seen.status.nextAttemptAt))));
        QTRY_VERIFY_WITH_TIMEOUT(r->status().isLive(), WaitMs);
        QCOMPARE(r->counters().lists, 1);
    }

    void developerFallsBackToTheContextAndConfiguredNamespaces()
    {
        m_emulator->createNamespace(u"team-a"_s);
        m_emulator->createConfigMap(u"default"_s, u"mine"_s);
        m_emulator->createConfigMap(u"team-a"_s, u"theirs"_s);
        m_session = m_emulator->session(m_emulator->tokenUser(u"developer"_s));

        InformerSet::Options options;
        options.reflector = quickOptions();
        options.scope = InformerScopeSettings{u"default"_s, {u"team-a"_s}};
        RestClient *rest = m_session->rest();
        InformerSet set([rest](const ResourceKind &kind, const QString &ns) {
            return std::make_unique<RestListWatchSource>(rest, kind, ns);
        }, options);
        set.addKind(ConfigMaps);
        set.start();
        QTRY_VERIFY_WITH_TIMEOUT(set.isLive(), WaitMs);

        const InformerScope scope = set.scope(ConfigMaps);
        QCOMPARE(scope.mode, InformerScope::Mode::ConfiguredNamespaces);
        QCOMPARE(scope.namespaces, (QStringList{u"default"_s, u"team-a"_s}));
        QVERIFY(scope.clusterWideError.has_value());
        QCOMPARE(scope.clusterWideError->kind, ErrorKind::Forbidden);
        QVERIFY(scope.namespaceListError.has_value()); // developer may not list namespaces
        QVERIFY(!scope.explanation(u"configmaps"_s).isEmpty());
        QCOMPARE(keyVersions(set.items(ConfigMaps)), m_emulator->serverState(ConfigMaps, u"default"_s));
        int forbidden = 0;
        for (const Reflector *r : set.reflectors(ConfigMaps))
            forbidden += r->status().phase == ReflectorPhase::Forbidden;
        QCOMPARE(forbidden, 1); // team-a: edit in default only
    }

    void viewerFallsBackToEachListedNamespaceForSecrets()
    {
        m_emulator->createNamespace(u"team-a"_s);
        m_session = m_emulator->session(m_emulator->tokenUser(u"viewer"_s));
        InformerSet::Options options;
        options.reflector = quickOptions();
        RestClient *rest = m_session->rest();
        InformerSet set([rest](const ResourceKind &kind, const QString &ns) {
            return std::make_unique<RestListWatchSource>(rest, kind, ns);
        }, options);
        set.addKind(ConfigMaps);
        set.addKind(Secrets);
        set.start();
        QTRY_VERIFY_WITH_TIMEOUT(set.isLive(), WaitMs);
        QCOMPARE(set.scope(ConfigMaps).mode, InformerScope::Mode::ClusterWide);
        QCOMPARE(keyVersions(set.items(ConfigMaps)), m_emulator->serverState(ConfigMaps));
        // ClusterRole view has no secrets: per namespace, each refused and shown as such.
        const InformerScope scope = set.scope(Secrets);
        QCOMPARE(scope.mode, InformerScope::Mode::ListedNamespaces);
        QVERIFY(scope.namespaces.contains(u"default"_s));
        QVERIFY(scope.namespaces.contains(u"team-a"_s));
        QCOMPARE(set.reflectors(Secrets).size(), scope.namespaces.size());
        for (const Reflector *r : set.reflectors(Secrets))
            QCOMPARE(r->status().phase, ReflectorPhase::Forbidden);
        // A namespace created later gets its own reflector.
        m_emulator->createNamespace(u"team-b"_s);
        QTRY_VERIFY_WITH_TIMEOUT(set.scope(Secrets).namespaces.contains(u"team-b"_s), WaitMs);
    }

    void watchListSyncsWithoutAList()
    {
        m_emulator->createNamespace(u"streamed"_s);
        m_emulator->createConfigMaps(u"streamed"_s, 50);
        ReflectorOptions options = quickOptions();
        options.watchList = WatchListMode::Prefer;
        auto r = reflector(ConfigMaps, u"streamed"_s, options);
        r->start();
        QTRY_VERIFY_WITH_TIMEOUT(r->status().isLive(), WaitMs);
        QCOMPARE(r->counters().watchListSyncs, 1);
        QCOMPARE(r->counters().listRequests, 0);
        QCOMPARE(r->counters().watchRequests, 1);
        QCOMPARE(keyVersions(r->store()), m_emulator->serverState(ConfigMaps, u"streamed"_s));
        m_emulator->createConfigMap(u"streamed"_s, u"live"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!r->store().get(u"streamed"_s, u"live"_s).isNull(), WaitMs);
        QCOMPARE(r->counters().watchRequests, 1);
    }
};

QTEST_GUILESS_MAIN(TestInformerEmulator)
#include "tst_informer_emulator.moc"
