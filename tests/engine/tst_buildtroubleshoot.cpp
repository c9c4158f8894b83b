// The build troubleshooter's engine side against the emulator's `demo` profile: for each build
// failure the Fission simulator produces (build command fails, unknown build command, missing
// environment, namespace not watched, builder image not pullable), the session's timeline input
// assembles into the step and reason; a build is watched from pending to succeeded; and a function
// is called through the API server's service proxy to the router (200, and 404 for no route).
#include "EngineTestUtil.h"
#include "FissionFixture.h"

#include "engine/ClusterSession.h"
#include "fission/BuildTimeline.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::fission::BuildStep;
using fd::test::FissionFixture;
using fd::fission::BuildTimeline;

namespace {

constexpr int LongWait = 60000;

template<typename T>
std::optional<T> await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    watcher.setFuture(future);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, LongWait) || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

} // namespace

class TestBuildTroubleshoot : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<fd::test::ProfileCluster> m_cluster;
    std::unique_ptr<fd::engine::ClusterSession> m_session;

    // The timeline of ns/name as the session reads it now (steps empty when the package is unknown).
    BuildTimeline timeline(const QString &ns, const QString &name)
    {
        const auto input = await(m_session->buildTimelineInput(ns, name));
        if (!input || !*input)
            return {};
        return BuildTimeline::assemble(**input);
    }

    static QString describe(const BuildTimeline &t)
    {
        QString text = t.describe() + u" verdict="_s + fd::fission::buildVerdictId(t.verdict);
        if (const BuildStep *s = t.stopped())
            text += u"\nstopped at "_s + fd::fission::buildStepId(s->id) + u" ["_s + s->findingId + u"] "_s + s->explanation;
        return text;
    }

    // Waits until the package's timeline stops at `step` with `state`.
    bool stopsAt(const QString &ns, const QString &name, BuildStep::Id step, BuildStep::State state, BuildTimeline *out)
    {
        return QTest::qWaitFor(
            [&] {
                *out = timeline(ns, name);
                const BuildStep *s = out->stopped();
                return s && s->id == step && s->state == state;
            },
            LongWait);
    }

    bool create(const QJsonObject &object, const QString &plural)
    {
        const QString ns = object.value(u"metadata"_s).toObject().value(u"namespace"_s).toString();
        const auto result = m_cluster->sim().request(
            "POST", FissionFixture::fissionPath(ns, plural), QJsonDocument(object).toJson(QJsonDocument::Compact));
        if (result.status != 201)
            qWarning("create %s: %d %s", qPrintable(plural), result.status, result.body.constData());
        return result.status == 201;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<fd::test::ProfileCluster>(u"demo"_s);
        QVERIFY2(m_cluster->error().isEmpty(), qPrintable(m_cluster->error()));
        QString error;
        QVERIFY2(fd::test::ensureFailedBuild(m_cluster->sim(), u"team-a"_s, u"inventory-pkg"_s, &error), qPrintable(error));
        m_session = m_cluster->session(u"demo"_s);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->snapshot()->connection.state == fd::engine::ConnectionState::Live, LongWait);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_cluster.reset();
    }

    void buildCommandFailedShowsTheCompilerOutput()
    {
        BuildTimeline t;
        QVERIFY2(stopsAt(u"team-a"_s, u"inventory-pkg"_s, BuildStep::Id::Build, BuildStep::State::Failed, &t),
                 qPrintable(describe(t)));
        QCOMPARE(t.verdict, BuildTimeline::Verdict::Failed);
        QVERIFY2(!t.stopped()->output.isEmpty(), qPrintable(describe(t)));
        // The builder pod ran: the pod steps are done, with evidence from the real pod.
        QCOMPARE(t.step(BuildStep::Id::BuilderReady)->state, BuildStep::State::Done);
        QTRY_VERIFY_WITH_TIMEOUT(timeline(u"team-a"_s, u"inventory-pkg"_s).stopped()->findingId.startsWith(u"package-build-failed:"_s),
                                 LongWait);
    }

    void namespaceNotWatchedStopsBeforeBuildermgr()
    {
        QString name;
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->snapshot()->index.packages().inNamespace(u"test"_s).isEmpty(), LongWait);
        name = m_session->snapshot()->index.packages().inNamespace(u"test"_s).first()->name();
        BuildTimeline t;
        QVERIFY2(stopsAt(u"test"_s, name, BuildStep::Id::PickedUp, BuildStep::State::Failed, &t), qPrintable(describe(t)));
        QCOMPARE(t.verdict, BuildTimeline::Verdict::Stuck);
        QTRY_VERIFY_WITH_TIMEOUT(timeline(u"test"_s, name).stopped()->findingId.startsWith(u"namespace-not-watched:"_s), LongWait);
    }

    void missingEnvironmentFailsAtOnce()
    {
        QVERIFY(create(FissionFixture::sourcePackage(u"team-a"_s, u"orphan"_s, u"nope"_s), u"packages"_s));
        BuildTimeline t;
        QVERIFY2(stopsAt(u"team-a"_s, u"orphan"_s, BuildStep::Id::PickedUp, BuildStep::State::Failed, &t), qPrintable(describe(t)));
        QCOMPARE(t.verdict, BuildTimeline::Verdict::Failed);
        QVERIFY2(t.stopped()->explanation.contains(u"nope"_s), qPrintable(describe(t)));
    }

    void unknownBuildCommandFailsInTheBuildStep()
    {
        QVERIFY(create(FissionFixture::sourcePackage(u"team-a"_s, u"typo"_s, u"nodejs"_s, u"npmm install"_s), u"packages"_s));
        BuildTimeline t;
        QVERIFY2(stopsAt(u"team-a"_s, u"typo"_s, BuildStep::Id::Build, BuildStep::State::Failed, &t), qPrintable(describe(t)));
        QVERIFY2(t.stopped()->output.join(u'\n').contains(u"executable file not found"_s), qPrintable(describe(t)));
    }

    void builderImageNotPullableStopsAtThePull()
    {
        QVERIFY(create(FissionFixture::environment(u"team-a"_s, u"broken"_s, u"fission/node-env"_s,
                                                   u"registry.example/does-not-exist-builder"_s),
                       u"environments"_s));
        QVERIFY(create(FissionFixture::sourcePackage(u"team-a"_s, u"stuck"_s, u"broken"_s), u"packages"_s));
        BuildTimeline t;
        QVERIFY2(stopsAt(u"team-a"_s, u"stuck"_s, BuildStep::Id::ImagePulled, BuildStep::State::Failed, &t),
                 qPrintable(describe(t)));
        QVERIFY2(t.stopped()->explanation.contains(u"registry.example/does-not-exist-builder"_s), qPrintable(describe(t)));
        QCOMPARE(t.step(BuildStep::Id::PodScheduled)->state, BuildStep::State::Done);
    }

    void aNewBuildGoesFromPendingToSucceeded()
    {
        QVERIFY(create(FissionFixture::sourcePackage(u"team-a"_s, u"fresh"_s, u"nodejs"_s), u"packages"_s));
        BuildTimeline t;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         t = timeline(u"team-a"_s, u"fresh"_s);
                         return t.verdict == BuildTimeline::Verdict::Succeeded;
                     },
                     LongWait),
                 qPrintable(describe(t)));
        for (const BuildStep &s : t.steps)
            QVERIFY2(s.state == BuildStep::State::Done, qPrintable(describe(t)));
        QVERIFY(!t.stopped());
    }

    void unknownPackageHasNoTimeline()
    {
        const auto input = await(m_session->buildTimelineInput(u"team-a"_s, u"no-such-package"_s));
        QVERIFY(input);
        QVERIFY(!*input);
    }

    void callsAFunctionThroughTheRouter()
    {
        const QString routerNs = m_session->snapshot()->install.primary() ? m_session->snapshot()->install.primary()->releaseNamespace
                                                                          : u"fission"_s;
        fd::engine::ServiceCall call;
        call.namespaceName = routerNs;
        call.path = u"/hello"_s;
        std::optional<fd::engine::ServiceCallResult> result;
        // The function's pod specializes on the first call: the router may need a moment.
        QVERIFY(QTest::qWaitFor(
            [&] {
                result = await(m_session->callService(call));
                return result && result->answered && result->status == 200;
            },
            LongWait));
        QVERIFY(!result->body.isEmpty());
        QVERIFY(!result->headers.isEmpty());

        call.path = u"/no-such-route"_s;
        result = await(m_session->callService(call));
        QVERIFY(result);
        QVERIFY(result->answered);
        QCOMPARE(result->status, 404);
        QVERIFY2(result->body.contains("404 page not found"), result->body.constData());
    }

    void serviceCallRequestShape()
    {
        fd::engine::ServiceCall call;
        call.namespaceName = u"fission"_s;
        call.method = "post";
        call.path = u"/team-a/orders?x=1"_s;
        call.headers = {{"Content-Type", "application/json"}, {"X-Trace", "abc"}};
        call.body = "{}";
        const fd::kube::KubeRequest r = call.request();
        QCOMPARE(r.verb, QByteArray("POST"));
        QCOMPARE(r.path, u"/api/v1/namespaces/fission/services/router:80/proxy/team-a/orders"_s);
        QCOMPARE(r.query.toString(), u"x=1"_s);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QCOMPARE(r.headers.size(), 1);
        QVERIFY(!r.isIdempotent());
    }
};

QTEST_GUILESS_MAIN(TestBuildTroubleshoot)
#include "tst_buildtroubleshoot.moc"
