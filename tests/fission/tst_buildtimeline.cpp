// The build timeline (src/fission/BuildTimeline): for each way a Fission build fails or stalls,
// a hand-built cluster, the rules' findings over it, and the step where the timeline says the
// build stopped, with the explanation (the diagnostic's when one matched) and the evidence.
#include "RuleTestUtil.h"

#include "fission/BuildTimeline.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

ControlPlaneOptions options()
{
    ControlPlaneOptions o;
    o.additionalNamespaces = {u"team-a"_s};
    return o;
}

KubeObject sourcePackage(const QString &ns, const QString &name, const QString &env, const std::optional<QString> &status,
                         const QDateTime &lastUpdate = {}, const QString &log = {}, const QString &buildCommand = {})
{
    PackageOptions p;
    p.environment = env;
    p.sourceLiteral = u"UEsDBBQAAAAIAAAAIQBoZWxsbw=="_s;
    p.buildStatus = status;
    p.lastUpdate = lastUpdate;
    p.buildLog = log;
    p.buildCommand = buildCommand;
    return package(ns, name, p);
}

PodState notReady(const QString &phase, const QString &reason, const QString &message = {})
{
    PodState s;
    s.phase = phase;
    s.ready = false;
    s.waitingReason = reason;
    s.waitingMessage = message;
    return s;
}

const QString goCompileLog = u"go: downloading github.com/fission/fission v1.20.5\n"
                             "./main.go:12:2: undefined: handlerr\n"
                             "error building source package: exit status 1\n"_s;

// Each scenario: the cluster's objects and the package the timeline is about (team-a/<name>, or
// test/hello-pkg for the unwatched namespace).
struct Scenario {
    QList<KubeObject> objects;
    QString namespaceName = u"team-a"_s;
    QString package;
};

Scenario scenario(const QString &name)
{
    Scenario s;
    s.objects = controlPlane(options()) + healthyTenant(u"team-a"_s);
    const QDateTime tenMinutesAgo = testNow().addSecs(-600);
    if (name == u"succeeded") {
        s.package = u"hello-pkg"_s;
    } else if (name == u"pending, builder ready, fresh") {
        s.objects << sourcePackage(u"team-a"_s, u"p"_s, u"nodejs"_s, u"pending"_s, testNow().addSecs(-60));
        s.package = u"p"_s;
    } else if (name == u"running, builder ready, fresh") {
        s.objects << sourcePackage(u"team-a"_s, u"p"_s, u"nodejs"_s, u"running"_s, testNow().addSecs(-60));
        s.package = u"p"_s;
    } else if (name == u"namespace not watched") {
        s.objects << unwatchedTenantContent(u"test"_s);
        s.namespaceName = u"test"_s;
        s.package = u"hello-pkg"_s;
    } else if (name == u"environment missing, pending") {
        s.objects << sourcePackage(u"team-a"_s, u"p"_s, u"ghost"_s, u"pending"_s, tenMinutesAgo);
        s.package = u"p"_s;
    } else if (name == u"environment missing, failed") {
        s.objects << sourcePackage(u"team-a"_s, u"p"_s, u"ghost"_s, u"failed"_s, tenMinutesAgo,
                                   u"environment does not exist: ghost"_s);
        s.package = u"p"_s;
    } else if (name == u"environment without builder") {
        s.objects << environment(u"team-a"_s, u"plain"_s, QString(), 1, u"500"_s)
                  << sourcePackage(u"team-a"_s, u"p"_s, u"plain"_s, u"pending"_s, tenMinutesAgo);
        s.package = u"p"_s;
    } else if (name == u"no builder deployment") {
        s.objects << environment(u"team-a"_s, u"python"_s, u"ghcr.io/fission/python-builder"_s, 3, u"300"_s)
                  << sourcePackage(u"team-a"_s, u"p"_s, u"python"_s, u"pending"_s, testNow().addSecs(-1200));
        s.package = u"p"_s;
    } else if (name == u"builder image not pullable") {
        s.objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder:bad"_s, 3, u"400"_s)
                  << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0)
                  << builderPod(u"team-a"_s, u"go"_s, u"400"_s,
                                notReady(u"Pending"_s, u"ImagePullBackOff"_s,
                                         u"Back-off pulling image ghcr.io/fission/go-builder:bad"_s))
                  << sourcePackage(u"team-a"_s, u"p"_s, u"go"_s, u"running"_s, testNow().addSecs(-2400));
        s.package = u"p"_s;
    } else if (name == u"no service account" || name == u"quota") {
        const QString message = name == u"quota"
            ? u"pods \"go-400-6f8d9c7b5-x\" is forbidden: exceeded quota: team-a-quota, requested: cpu=1"_s
            : u"pods \"go-400-6f8d9c7b5-x\" is forbidden: error looking up service account team-a/fission-builder: "
              "serviceaccount \"fission-builder\" not found"_s;
        s.objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder"_s, 3, u"400"_s)
                  << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0)
                  << event(u"team-a"_s, u"go-400-6f8d9c7b5.1"_s, u"ReplicaSet"_s, u"go-400-6f8d9c7b5"_s,
                           u"FailedCreate"_s, message)
                  << sourcePackage(u"team-a"_s, u"p"_s, u"go"_s, u"running"_s, testNow().addSecs(-2400));
        s.package = u"p"_s;
    } else if (name == u"unschedulable") {
        PodState st = notReady(u"Pending"_s, QString());
        st.unschedulable = true;
        st.unschedulableMessage = u"0/3 nodes are available: 3 Insufficient memory."_s;
        s.objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder"_s, 3, u"400"_s)
                  << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0)
                  << builderPod(u"team-a"_s, u"go"_s, u"400"_s, st)
                  << sourcePackage(u"team-a"_s, u"p"_s, u"go"_s, u"running"_s, testNow().addSecs(-2400));
        s.package = u"p"_s;
    } else if (name == u"builder crashing") {
        PodState st = notReady(u"Running"_s, u"CrashLoopBackOff"_s);
        st.restarts = 5;
        s.objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder"_s, 3, u"400"_s)
                  << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0)
                  << builderPod(u"team-a"_s, u"go"_s, u"400"_s, st)
                  << sourcePackage(u"team-a"_s, u"p"_s, u"go"_s, u"running"_s, testNow().addSecs(-2400));
        s.package = u"p"_s;
    } else if (name == u"builder not ready timeout") {
        s.objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder:bad"_s, 3, u"400"_s)
                  << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0)
                  << builderPod(u"team-a"_s, u"go"_s, u"400"_s, notReady(u"Pending"_s, u"ErrImagePull"_s))
                  << sourcePackage(u"team-a"_s, u"p"_s, u"go"_s, u"failed"_s, tenMinutesAgo,
                                   u"Build timeout due to environment builder not ready"_s);
        s.package = u"p"_s;
    } else if (name == u"build command failed") {
        s.objects << sourcePackage(u"team-a"_s, u"p"_s, u"nodejs"_s, u"failed"_s, tenMinutesAgo, goCompileLog,
                                   u"./build.sh"_s);
        s.package = u"p"_s;
    } else if (name == u"environment's build command failed") {
        s.objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder"_s, 3, u"400"_s)
                  << sourcePackage(u"team-a"_s, u"p"_s, u"go"_s, u"failed"_s, tenMinutesAgo, goCompileLog);
        s.package = u"p"_s;
    } else if (name == u"archive missing after pruning") {
        PackageOptions p;
        p.environment = u"nodejs"_s;
        p.sourceUrl = u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Ffission-functions%2Fgone"_s;
        p.buildStatus = u"failed"_s;
        p.lastUpdate = tenMinutesAgo;
        p.buildLog = u"error fetching source package: 404 Not Found"_s;
        s.objects << package(u"team-a"_s, u"p"_s, p);
        s.package = u"p"_s;
    } else if (name == u"upload failed") {
        s.objects << sourcePackage(u"team-a"_s, u"p"_s, u"nodejs"_s, u"failed"_s, tenMinutesAgo,
                                   u"Error uploading deployment package: EOF"_s);
        s.package = u"p"_s;
    } else if (name == u"deployment archive only") {
        PackageOptions p;
        p.environment = u"nodejs"_s;
        p.deploymentLiteral = u"UEsDBBQAAAAIAAAAIQBoZWxsbw=="_s;
        p.buildStatus = u"none"_s;
        s.objects << package(u"team-a"_s, u"p"_s, p);
        s.package = u"p"_s;
    }
    return s;
}

BuildTimeline timelineOf(const Scenario &s, const QString &builderLog = {})
{
    MemoryClusterState state;
    fill(state, s.objects);
    state.setNotServed(kinds::fissionTenants().gr);
    FissionModel model(state, RuleSettings{});
    model.refresh(testNow());
    auto input = collectBuildInput(state, model.index(), model.tenants(), model.install(), model.findings(), s.namespaceName,
                                   s.package, testNow());
    if (!input)
        return {};
    input->builderLog = builderLog;
    return BuildTimeline::assemble(*input);
}

QString describeStop(const BuildTimeline &t)
{
    QString text = t.describe();
    if (const BuildStep *s = t.stopped())
        text += u"\nstopped at "_s + buildStepId(s->id) + u" ("_s + s->findingId + u"): "_s + s->explanation;
    return text;
}

} // namespace

class TestBuildTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stopsWhereTheBuildStopped_data()
    {
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("stoppedAt"); // empty: nowhere (succeeded / nothing to build)
        QTest::addColumn<QString>("stopState");
        QTest::addColumn<QString>("finding");   // the rule whose explanation the step carries ("" = our own)
        QTest::addColumn<QString>("explains");  // a part of the explanation

        QTest::addRow("succeeded") << u"succeeded"_s << QString() << QString() << QString() << QString();
        QTest::addRow("deployment archive only") << u"no-build"_s << QString() << QString() << QString() << QString();
        QTest::addRow("pending, builder ready, fresh")
            << u"waiting"_s << u"picked-up"_s << u"current"_s << QString() << u"Waiting for buildermgr"_s;
        QTest::addRow("running, builder ready, fresh")
            << u"building"_s << u"fetch"_s << u"current"_s << QString() << u"in progress"_s;
        QTest::addRow("namespace not watched")
            << u"stuck"_s << u"picked-up"_s << u"failed"_s << u"namespace-not-watched"_s << u"test"_s;
        QTest::addRow("environment missing, pending")
            << u"stuck"_s << u"picked-up"_s << u"failed"_s << u"package-build-stuck"_s << u"does not exist"_s;
        QTest::addRow("environment missing, failed")
            << u"failed"_s << u"picked-up"_s << u"failed"_s << u"package-build-failed"_s << u"does not exist"_s;
        QTest::addRow("environment without builder") << u"stuck"_s << u"picked-up"_s << u"failed"_s
                                                     << u"package-environment-without-builder"_s << u"no builder"_s;
        QTest::addRow("no builder deployment")
            << u"stuck"_s << u"pod-scheduled"_s << u"failed"_s << u"package-build-stuck"_s << u"has not created a builder"_s;
        QTest::addRow("builder image not pullable")
            << u"stuck"_s << u"image-pulled"_s << u"failed"_s << u"builder-not-ready"_s << u"cannot be pulled"_s;
        QTest::addRow("no service account")
            << u"stuck"_s << u"pod-scheduled"_s << u"failed"_s << u"builder-not-ready"_s << u"service account"_s;
        QTest::addRow("quota") << u"stuck"_s << u"pod-scheduled"_s << u"failed"_s << u"builder-not-ready"_s << u"quota"_s;
        QTest::addRow("unschedulable")
            << u"stuck"_s << u"pod-scheduled"_s << u"failed"_s << u"builder-not-ready"_s << u"Insufficient memory"_s;
        QTest::addRow("builder crashing")
            << u"stuck"_s << u"builder-ready"_s << u"failed"_s << u"builder-not-ready"_s << u"keeps crashing"_s;
        QTest::addRow("builder not ready timeout")
            << u"failed"_s << u"image-pulled"_s << u"failed"_s << u"builder-not-ready"_s << u"cannot be pulled"_s;
        QTest::addRow("build command failed")
            << u"failed"_s << u"build"_s << u"failed"_s << u"package-build-failed"_s << u"./build.sh"_s;
        QTest::addRow("archive missing after pruning")
            << u"failed"_s << u"fetch"_s << u"failed"_s << u"package-build-failed"_s << u"pruner"_s;
        QTest::addRow("upload failed") << u"failed"_s << u"upload"_s << u"failed"_s << u"package-build-failed"_s << u"upload"_s;
    }

    void stopsWhereTheBuildStopped()
    {
        QFETCH(QString, verdict);
        QFETCH(QString, stoppedAt);
        QFETCH(QString, stopState);
        QFETCH(QString, finding);
        QFETCH(QString, explains);
        const Scenario s = scenario(QString::fromUtf8(QTest::currentDataTag()));
        QVERIFY(!s.package.isEmpty());
        const BuildTimeline t = timelineOf(s);
        QVERIFY2(!t.steps.isEmpty(), "no such package");
        QCOMPARE(t.steps.size(), 9);
        QCOMPARE(buildVerdictId(t.verdict), verdict);
        QCOMPARE(t.steps.first().state, BuildStep::State::Done); // created
        QVERIFY(t.steps.first().time.isValid());
        if (stoppedAt.isEmpty()) {
            QVERIFY2(!t.stopped(), qPrintable(describeStop(t)));
            return;
        }
        const BuildStep *stop = t.stopped();
        QVERIFY2(stop, qPrintable(describeStop(t)));
        QCOMPARE(buildStepId(stop->id), stoppedAt);
        QCOMPARE(buildStepStateId(stop->state), stopState);
        QVERIFY2(stop->findingId.startsWith(finding + u':') || (finding.isEmpty() && stop->findingId.isEmpty()),
                 qPrintable(describeStop(t)));
        QVERIFY2(stop->explanation.contains(explains, Qt::CaseInsensitive), qPrintable(describeStop(t)));
        // Every step before the stop is done (or skipped), every step after it not reached,
        // except the final "failed" of a failed build.
        for (qsizetype i = 0; i < t.stoppedAt; ++i) {
            const BuildStep &b = t.steps.at(i);
            QVERIFY2(b.state == BuildStep::State::Done || b.state == BuildStep::State::Current, qPrintable(describeStop(t)));
        }
        for (qsizetype i = t.stoppedAt + 1; i < t.steps.size(); ++i) {
            const BuildStep &a = t.steps.at(i);
            const bool finalFailure = a.id == BuildStep::Id::Finished && verdict == u"failed";
            QVERIFY2(a.state == (finalFailure ? BuildStep::State::Failed : BuildStep::State::NotReached),
                     qPrintable(describeStop(t)));
        }
    }

    void succeededBuildIsDoneEverywhere()
    {
        const BuildTimeline t = timelineOf(scenario(u"succeeded"_s));
        for (const BuildStep &s : t.steps)
            QVERIFY2(s.state == BuildStep::State::Done, qPrintable(t.describe()));
        QVERIFY(t.step(BuildStep::Id::Finished)->time.isValid());
        QVERIFY(t.step(BuildStep::Id::BuilderReady)->evidence.join(u'\n').contains(u"nodejs-100"_s));
    }

    void failedBuildCarriesTheCompilerOutput()
    {
        const BuildTimeline t = timelineOf(scenario(u"build command failed"_s));
        const BuildStep *build = t.step(BuildStep::Id::Build);
        QVERIFY(build);
        QVERIFY2(build->output.join(u'\n').contains(u"undefined: handlerr"_s), qPrintable(build->output.join(u'\n')));
        QVERIFY(!build->output.join(u'\n').contains(u"go: downloading"_s)); // only the relevant lines
        QVERIFY(t.step(BuildStep::Id::Finished)->time.isValid());
    }

    // A package without a build command of its own ran its environment's builder command: the
    // failed step names that one, where the package's empty field would say nothing.
    void failedBuildNamesTheEnvironmentsCommandWhenThePackageHasNone()
    {
        const BuildTimeline t = timelineOf(scenario(u"environment's build command failed"_s));
        QVERIFY2(t.stopped(), qPrintable(t.describe()));
        QCOMPARE(t.stopped()->id, BuildStep::Id::Build);
        const QString evidence = t.stopped()->evidence.join(u'\n');
        QVERIFY2(evidence.contains(u"Environment go: spec.builder.command: build"_s), qPrintable(evidence));

        const BuildTimeline own = timelineOf(scenario(u"build command failed"_s));
        QVERIFY(!own.stopped()->evidence.join(u'\n').contains(u"spec.builder.command"_s));
    }

    void imagePullEvidenceNamesTheImage()
    {
        const BuildTimeline t = timelineOf(scenario(u"builder image not pullable"_s));
        const BuildStep *pulled = t.step(BuildStep::Id::ImagePulled);
        const QString evidence = pulled->evidence.join(u'\n');
        QVERIFY2(evidence.contains(u"ImagePullBackOff"_s), qPrintable(evidence));
        QCOMPARE(t.step(BuildStep::Id::PodScheduled)->state, BuildStep::State::Done);
    }

    void serviceAccountEventIsEvidence()
    {
        const BuildTimeline t = timelineOf(scenario(u"no service account"_s));
        const QString evidence = t.step(BuildStep::Id::PodScheduled)->evidence.join(u'\n');
        QVERIFY2(evidence.contains(u"FailedCreate"_s), qPrintable(evidence));
    }

    void builderLogShowsHowFarARunningBuildGot()
    {
        const QString log = u"{\"msg\":\"fetcher received fetch request\"}\n{\"msg\":\"successfully placed\"}\n"
                            "{\"msg\":\"building source package\"}\n========= START =========\nnpm install\n"_s;
        const BuildTimeline t = timelineOf(scenario(u"running, builder ready, fresh"_s), log);
        QVERIFY2(t.stopped(), qPrintable(t.describe()));
        QCOMPARE(t.stopped()->id, BuildStep::Id::Build);
        QCOMPARE(t.step(BuildStep::Id::Fetch)->state, BuildStep::State::Done);
        QCOMPARE(t.stopped()->state, BuildStep::State::Current);
    }

    void withoutWorkloadsTheBuilderStepsSayTheyAreNotShown()
    {
        const Scenario s = scenario(u"builder image not pullable"_s);
        MemoryClusterState state;
        fill(state, s.objects);
        state.setNotServed(kinds::fissionTenants().gr);
        FissionModel model(state, RuleSettings{});
        model.refresh(testNow());
        auto input = collectBuildInput(model.index(), model.tenants(), model.install(), model.findings(), s.namespaceName,
                                       s.package, testNow());
        QVERIFY(input);
        const BuildTimeline t = BuildTimeline::assemble(*input);
        // The verdict still comes from the package's status and age.
        QCOMPARE(t.verdict, BuildTimeline::Verdict::Stuck);
        QCOMPARE(t.step(BuildStep::Id::ImagePulled)->state, BuildStep::State::NotReached);
        QVERIFY(!t.step(BuildStep::Id::ImagePulled)->evidence.isEmpty());
    }

    void unknownPackageGivesNothing()
    {
        MemoryClusterState state;
        fill(state, controlPlane(options()));
        FissionModel model(state, RuleSettings{});
        model.refresh(testNow());
        QVERIFY(!collectBuildInput(state, model.index(), model.tenants(), model.install(), model.findings(), u"team-a"_s,
                                   u"nope"_s, testNow()));
    }
};

QTEST_GUILESS_MAIN(TestBuildTimeline)
#include "tst_buildtimeline.moc"
