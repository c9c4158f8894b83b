// ClusterSession against an in-process emulator: the live, threaded model of a cluster.
//  - demo: Live, tenants, `namespace-not-watched` for `test` with its three symptoms and the failed
//    build in team-a, and exactly these findings (no false positives);
//  - a watch drop: Reconnecting with the data's age kept, then Live again;
//  - commands: rebuild a failed package, create a namespace, 409 on a stale replace (the user's
//    object kept), 403 for a user who may only view, events, access checks, fixes;
//  - demo-modern: the FissionTenant whose namespace does not exist;
//  - a snapshot released last on the main thread is freed on a worker, elsewhere at once.
#include "EngineTestUtil.h"

#include "engine/ClusterSession.h"
#include "fission/FissionJson.h"
#include "sim/cluster/SimCluster.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QPromise>
#include <QSemaphore>
#include <QThreadPool>

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine;
using fd::test::ProfileCluster;
using fd::test::SnapshotRecorder;

namespace {

const QString kNotWatched = u"namespace-not-watched:Namespace/test"_s;
const QString kBuildFailed = u"package-build-failed:fission.io/Package/team-a/inventory-pkg"_s;
const QString kMissingTenant = u"tenant-namespace-missing:fission.io/FissionTenant/team-ghost"_s;
const QString kLedgerFailed = u"package-build-failed:fission.io/Package/team-b/ledger-pkg"_s;
constexpr int LongWait = 90'000;

template<typename T>
T await(QFuture<T> future)
{
    // The result arrives through this thread's event loop only for continuations; the future
    // itself is finished by the session thread, so waiting here while processing events is safe.
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, LongWait))
        qWarning("future did not finish");
    if (future.isCanceled() || future.resultCount() == 0)
        return T{};
    return future.result();
}

bool isLive(const ClusterSession &s)
{
    return s.snapshot()->connection.state == ConnectionState::Live;
}

QStringList symptomIds(const fd::fission::Finding &f)
{
    QStringList ids;
    for (const fd::fission::Symptom &s : f.symptoms)
        ids.append(s.id);
    return ids;
}

} // namespace

class TestClusterSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotReleasedOnTheMainThreadIsFreedOnAWorker()
    {
        // The snapshot's context name shares its text with `probe`: once the snapshot is freed,
        // the text is no longer shared.
        const QString probe = u"freed-where"_s + QString::number(QCoreApplication::applicationPid());
        auto isShared = [&] { return probe.data_ptr()->isShared(); };

        // Every worker of the global pool busy: a snapshot handed to it cannot be freed yet.
        QThreadPool *pool = QThreadPool::globalInstance();
        QSemaphore release;
        QSemaphore started;
        const int workers = pool->maxThreadCount();
        for (int i = 0; i < workers; ++i)
            pool->start([&] {
                started.release();
                release.acquire();
            });
        started.acquire(workers);
        {
            std::shared_ptr<ClusterSnapshot> snapshot = makeClusterSnapshot();
            snapshot->contextName = probe;
            QVERIFY(isShared());
        } // last reference dropped here, on the main thread
        QVERIFY2(isShared(), "freed on the main thread");
        release.release(workers);
        pool->waitForDone();
        QVERIFY(!isShared());

        // Anywhere else it is freed at once.
        std::shared_ptr<ClusterSnapshot> snapshot = makeClusterSnapshot();
        snapshot->contextName = probe;
        QThread *other = QThread::create([moved = std::move(snapshot)]() mutable { moved.reset(); });
        other->start();
        QVERIFY(other->wait(10'000));
        delete other;
        QVERIFY(!isShared());
    }

    void demoGoesLiveWithTheClassicCase()
    {
        ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        QString error;
        QVERIFY2(fd::test::ensureFailedBuild(cluster.sim(), u"team-a"_s, u"inventory-pkg"_s, &error), qPrintable(error));

        auto session = cluster.session(u"demo"_s);
        SnapshotRecorder recorder(session.get());
        QCOMPARE(session->snapshot()->connection.state, ConnectionState::Connecting);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(isLive(*session), LongWait);
        QTRY_COMPARE_WITH_TIMEOUT(fd::test::problemIds(session->snapshot()), (QStringList{kNotWatched, kBuildFailed}), LongWait);

        const ClusterSnapshotPtr s = session->snapshot();
        qInfo().noquote() << fd::test::describeFindings(s);
        // Nothing else is claimed: every finding, informational ones included, is one of these.
        QCOMPARE(fd::test::allIds(s), (QStringList{kNotWatched, kBuildFailed}));
        QCOMPARE(s->contextName, u"demo"_s);
        QVERIFY(!s->serverVersion.isEmpty());
        QVERIFY(s->connection.dataAsOf.isValid());
        QVERIFY(s->connection.message.isEmpty());
        QCOMPARE(s->install.state, fd::fission::InstallReport::State::Single);
        QCOMPARE(s->install.primary()->version(), u"1.20.5"_s);
        QVERIFY(s->install.primary()->helm);
        QCOMPARE(s->tenants.tenant(u"test"_s)->state, fd::fission::Tenant::State::NotWatched);
        QCOMPARE(s->tenants.tenant(u"team-a"_s)->state, fd::fission::Tenant::State::Served);
        QVERIFY(s->index.packages().get(u"team-a"_s, u"inventory-pkg"_s) != nullptr);

        const fd::fission::Finding *notWatched = nullptr;
        for (const fd::fission::Finding &f : s->findings) {
            if (f.id() == kNotWatched)
                notWatched = &f;
        }
        QVERIFY(notWatched);
        QStringList symptoms = symptomIds(*notWatched);
        symptoms.removeDuplicates();
        symptoms.sort();
        QCOMPARE(symptoms, (QStringList{u"build-pending"_s, u"no-active-pods"_s, u"router-404"_s}));

        // Published in order, generations growing by one, the first marked `everything`.
        QVERIFY(!recorder.snapshots.isEmpty());
        QVERIFY(recorder.changes.first().everything);
        for (qsizetype i = 1; i < recorder.snapshots.size(); ++i)
            QCOMPARE(recorder.snapshots.at(i)->generation, recorder.snapshots.at(i - 1)->generation + 1);
        QVERIFY(recorder.sawState(ConnectionState::Syncing));
        bool sawNotWatchedAdded = false;
        for (const SnapshotChange &c : recorder.changes) {
            for (const fd::fission::Finding &f : c.findings.added)
                sawNotWatchedAdded = sawNotWatchedAdded || f.id() == kNotWatched;
        }
        QVERIFY(sawNotWatchedAdded);
    }

    void watchDropReconnectsKeepingTheDataAge()
    {
        ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        auto session = cluster.session(u"demo"_s);
        SnapshotRecorder recorder(session.get());
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(isLive(*session), LongWait);
        const QDateTime liveAsOf = session->snapshot()->connection.dataAsOf;
        QVERIFY(liveAsOf.isValid());

        // Every watch drops, and the next attempts fail for a while: the session must say so.
        const auto faults = cluster.sim().post(u"/_sim/faults"_s,
                                               QJsonObject{{u"dropWatches"_s, true},
                                                           {u"failNextRequests"_s, 40},
                                                           {u"failStatus"_s, 500}});
        QCOMPARE(faults.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.sawState(ConnectionState::Reconnecting), LongWait);
        const ClusterSnapshotPtr reconnecting = recorder.lastWithState(ConnectionState::Reconnecting);
        QVERIFY(reconnecting->connection.dataAsOf.isValid());
        QVERIFY(reconnecting->connection.dataAsOf >= liveAsOf);
        QVERIFY(reconnecting->connection.dataAsOf <= reconnecting->connection.since);
        QVERIFY(!reconnecting->connection.message.isEmpty());
        // The model stays while reconnecting.
        QVERIFY(reconnecting->tenants.tenant(u"team-a"_s));

        QTRY_VERIFY_WITH_TIMEOUT(isLive(*session), LongWait);
        QVERIFY(session->snapshot()->connection.dataAsOf > reconnecting->connection.dataAsOf);
        QVERIFY(session->snapshot()->connection.message.isEmpty());
    }

    // Publication is coalesced but never starved: a steady stream of events (a namespace every
    // 20 ms for a few seconds) still publishes while it lasts, and every snapshot arrives in order.
    void steadyStreamStillPublishes()
    {
        ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        auto session = cluster.session(u"demo"_s);
        SnapshotRecorder recorder(session.get());
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(isLive(*session), LongWait);
        const qsizetype before = recorder.snapshots.size();
        for (int i = 0; i < 150; ++i) {
            cluster.sim().host().run([i](fd::sim::SimCluster &c) {
                c.apply(QJsonObject{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s},
                                    {u"metadata"_s, QJsonObject{{u"name"_s, u"churn-%1"_s.arg(i)},
                                                               {u"labels"_s, QJsonObject{{u"fission.io/enabled"_s, u"true"_s}}}}}});
            });
            QTest::qWait(20);
        }
        const qsizetype during = recorder.snapshots.size() - before;
        QVERIFY2(during >= 2, qPrintable(QString::number(during)));
        // Every namespace arrives in the end; the last one is a tenant (labelled for Fission).
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot()->tenants.tenant(u"churn-149"_s) != nullptr, LongWait);
        for (qsizetype i = 1; i < recorder.snapshots.size(); ++i)
            QCOMPARE(recorder.snapshots.at(i)->generation, recorder.snapshots.at(i - 1)->generation + 1);
    }

    void commands()
    {
        ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        QString error;
        QVERIFY2(fd::test::ensureFailedBuild(cluster.sim(), u"team-a"_s, u"inventory-pkg"_s, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(fd::test::packageStatus(cluster.sim(), u"team-a"_s, u"inventory-pkg"_s), u"failed"_s, LongWait);
        auto session = cluster.session(u"demo"_s);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(isLive(*session), LongWait);

        // Rebuild: a failed package goes back to pending (1.20: the object itself).
        CommandResult r = await(session->rebuildPackage(u"team-a"_s, u"inventory-pkg"_s));
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.object.value(u"status"_s).toObject().value(u"buildstatus"_s).toString(), u"pending"_s);
        QVERIFY(!r.message.isEmpty());
        // A package whose build succeeded is refused, as `fission package rebuild` refuses it.
        QTRY_COMPARE_WITH_TIMEOUT(fd::test::packageStatus(cluster.sim(), u"team-a"_s, u"orders-pkg"_s), u"succeeded"_s, LongWait);
        r = await(session->rebuildPackage(u"team-a"_s, u"orders-pkg"_s));
        QVERIFY(!r.ok);
        QVERIFY(!r.message.isEmpty());
        QCOMPARE(fd::test::packageStatus(cluster.sim(), u"team-a"_s, u"orders-pkg"_s), u"succeeded"_s);
        r = await(session->rebuildPackage(u"team-a"_s, u"no-such-package"_s));
        QVERIFY(!r.ok);
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, fd::kube::ErrorKind::NotFound);

        // createNamespace, then it is there; twice → AlreadyExists.
        r = await(session->createNamespace(u"engine-made"_s));
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(cluster.sim().get(u"/api/v1/namespaces/engine-made"_s).status, 200);
        r = await(session->createNamespace(u"engine-made"_s));
        QVERIFY(!r.ok);
        QCOMPARE(r.error->kind, fd::kube::ErrorKind::AlreadyExists);

        // A stale replace: 409, with a clear message and the user's object kept.
        const QJsonObject loaded = cluster.sim().get(u"/api/v1/namespaces/engine-made"_s).json();
        QJsonObject first = loaded;
        QJsonObject meta = first.value(u"metadata"_s).toObject();
        meta.insert(u"labels"_s, QJsonObject{{u"edited"_s, u"first"_s}});
        first.insert(u"metadata"_s, meta);
        r = await(session->replaceObject(first));
        QVERIFY2(r.ok, qPrintable(r.message));
        QJsonObject stale = loaded;
        meta = stale.value(u"metadata"_s).toObject();
        meta.insert(u"labels"_s, QJsonObject{{u"edited"_s, u"second"_s}});
        stale.insert(u"metadata"_s, meta);
        r = await(session->replaceObject(stale));
        QVERIFY(!r.ok);
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, fd::kube::ErrorKind::Conflict);
        QCOMPARE(r.object, stale);
        QVERIFY(r.message.contains(u"engine-made"_s));

        // createObject of a ConfigMap, deleteObject of it.
        const QJsonObject cm{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"ConfigMap"_s},
                             {u"metadata"_s, QJsonObject{{u"name"_s, u"made"_s}, {u"namespace"_s, u"engine-made"_s}}},
                             {u"data"_s, QJsonObject{{u"k"_s, u"v"_s}}}};
        r = await(session->createObject(cm));
        QVERIFY2(r.ok, qPrintable(r.message));
        r = await(session->deleteObject({QString(), u"configmaps"_s}, u"engine-made"_s, u"made"_s));
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(cluster.sim().get(u"/api/v1/namespaces/engine-made/configmaps/made"_s).status, 404);

        // removeFinalizers: a ConfigMap held by a finalizer goes once it is removed.
        QJsonObject held = cm;
        meta = held.value(u"metadata"_s).toObject();
        meta.insert(u"name"_s, u"held"_s);
        meta.insert(u"finalizers"_s, QJsonArray{u"example.com/hold"_s});
        held.insert(u"metadata"_s, meta);
        QVERIFY(await(session->createObject(held)).ok);
        QVERIFY(await(session->deleteObject({QString(), u"configmaps"_s}, u"engine-made"_s, u"held"_s)).ok);
        QCOMPARE(cluster.sim().get(u"/api/v1/namespaces/engine-made/configmaps/held"_s).status, 200);
        r = await(session->runFix(fd::fission::RemoveFinalizersAction{
            fd::fission::ObjectRef{QString(), u"ConfigMap"_s, u"engine-made"_s, u"held"_s, QString()}, {}}));
        QVERIFY2(r.ok, qPrintable(r.message));
        QTRY_COMPARE_WITH_TIMEOUT(cluster.sim().get(u"/api/v1/namespaces/engine-made/configmaps/held"_s).status, 404, LongWait);

        // Fixes the engine does not run say so; onboarding goes to the handler when there is one.
        r = await(session->runFix(fd::fission::OnboardAction{}));
        QVERIFY(!r.ok);
        QVERIFY(!r.message.isEmpty());
        session->setOnboardHandler([](const fd::fission::OnboardAction &a) {
            QPromise<CommandResult> p;
            p.start();
            p.addResult(CommandResult::success(u"onboarded "_s + a.namespaceName));
            p.finish();
            return p.future();
        });
        fd::fission::OnboardAction onboard;
        onboard.namespaceName = u"test"_s;
        r = await(session->runFix(onboard));
        QVERIFY(r.ok);
        QCOMPARE(r.message, u"onboarded test"_s);
        r = await(session->runFix(fd::fission::CreateNamespaceAction{u"engine-fix"_s}));
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(cluster.sim().get(u"/api/v1/namespaces/engine-fix"_s).status, 200);

        // Access checks and events.
        QVERIFY(await(session->canI(u"create"_s, {QString(), u"namespaces"_s})));
        const auto events = await(session->listEvents(fd::fission::kinds::packages().gr, u"team-a"_s, u"inventory-pkg"_s));
        Q_UNUSED(events); // the demo may or may not have events for it; the call must finish
    }

    void forbiddenForAViewer()
    {
        ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        const QString viewer = cluster.userEndingWith(u"viewer"_s);
        if (viewer.isEmpty())
            FD_SKIP_LOUDLY(u"the emulator has no viewer token user"_s);
        auto session = cluster.session(u"demo"_s, viewer);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot()->connection.state != ConnectionState::Connecting, LongWait);
        const CommandResult r = await(session->createNamespace(u"not-allowed"_s));
        QVERIFY(!r.ok);
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, fd::kube::ErrorKind::Forbidden);
        QVERIFY(!r.message.isEmpty());
        QVERIFY(!await(session->canI(u"create"_s, {QString(), u"namespaces"_s})));
        QVERIFY(await(session->canI(u"list"_s, fd::fission::kinds::pods().gr, u"team-a"_s)));
        QCOMPARE(cluster.sim().get(u"/api/v1/namespaces/not-allowed"_s).status, 404);
    }

    // A developer who may edit only `default` and cannot list namespaces: the informers fall back
    // to the context's namespace, the session still goes Live, the coverage says what it could
    // not read, and nothing is claimed about namespaces it cannot see.
    void developerWithOneNamespaceGetsAPartialLiveView()
    {
        ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        const QString developer = cluster.userEndingWith(u"developer"_s);
        if (developer.isEmpty())
            FD_SKIP_LOUDLY(u"the emulator has no developer token user"_s);
        auto session = cluster.session(u"demo"_s, developer);
        session->start();
        QTRY_VERIFY2_WITH_TIMEOUT(isLive(*session), qPrintable(session->snapshot()->connection.message), LongWait);
        const ClusterSnapshotPtr s = session->snapshot();
        using State = fd::fission::KindCoverage::State;
        const fd::fission::KindCoverage pods = s->coverage.value(fd::fission::kinds::pods().gr);
        QCOMPARE(pods.state, State::Partial);
        QCOMPARE(pods.namespaces, QSet<QString>{u"default"_s});
        QCOMPARE(s->coverage.value(fd::fission::kinds::namespaces().gr).state, State::Forbidden);
        QCOMPARE(s->coverage.value(fd::fission::kinds::functionVersions().gr).state, State::NotServed);
        qInfo().noquote() << fd::test::describeFindings(s);
        QVERIFY2(!fd::test::allIds(s).contains(kNotWatched), qPrintable(fd::test::describeFindings(s)));
        QVERIFY2(!fd::test::allIds(s).contains(kBuildFailed), qPrintable(fd::test::describeFindings(s)));
    }

    void demoModernMissingNamespaceTenant()
    {
        ProfileCluster cluster(u"demo-modern"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        auto session = cluster.session(u"demo-modern"_s);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(isLive(*session), LongWait);
        // The profile's team-b ledger package is meant to fail to build, too.
        const QStringList expected{kLedgerFailed, kMissingTenant};
        QTRY_VERIFY2_WITH_TIMEOUT(fd::test::problemIds(session->snapshot()) == expected,
                                  qPrintable(fd::test::describeFindings(session->snapshot())), LongWait);
        const ClusterSnapshotPtr s = session->snapshot();
        qInfo().noquote() << fd::test::describeFindings(s);
        QCOMPARE(fd::test::problemIds(s), expected);
        QCOMPARE(s->tenants.tenant(u"team-ghost"_s)->state, fd::fission::Tenant::State::MissingNamespace);
        QCOMPARE(s->install.primary()->world, fd::fission::TenancyWorld::Dynamic);

        // createTenant: the missing-namespace tenant's sibling for a new namespace.
        QVERIFY(await(session->createNamespace(u"team-new"_s)).ok);
        const CommandResult r = await(session->createTenant(u"team-new"_s));
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(cluster.sim().get(u"/apis/fission.io/v1/fissiontenants/team-new"_s).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot()->tenants.tenant(u"team-new"_s) != nullptr, LongWait);
    }

    void brokenContextIsAFailedSession()
    {
        fd::kube::ContextEntry entry;
        entry.name = u"broken"_s;
        fd::kube::ConfigProblem problem;
        problem.severity = fd::kube::ConfigProblem::Severity::Error;
        problem.message = u"cluster \"nowhere\" is not defined"_s;
        entry.problems.append(problem);
        ClusterSession session(entry);
        QVERIFY(session.isFailed());
        QCOMPARE(session.snapshot()->connection.state, ConnectionState::Failed);
        QVERIFY(session.snapshot()->connection.message.contains(u"nowhere"_s));
        session.start(); // nothing to start; must not crash
        const CommandResult r = await(session.createNamespace(u"x"_s));
        QVERIFY(!r.ok);
    }
};

QTEST_GUILESS_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
