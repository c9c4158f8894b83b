// Build rules: failed builds with the build log's relevant lines, builds stuck past a threshold
// and why (no builder Deployment, builder pod not Ready, buildermgr lost the build), builders
// that are not Ready (image pull, missing service account), source packages whose environment
// has no builder, archives the storage pruner may delete.
#include "RuleTestUtil.h"

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

QList<KubeObject> base()
{
    return controlPlane(options()) + healthyTenant(u"team-a"_s);
}

MemoryClusterState cluster(const QList<KubeObject> &objects)
{
    MemoryClusterState state;
    fill(state, objects);
    state.setNotServed(kinds::fissionTenants().gr);
    return state;
}

KubeObject sourcePackage(const QString &ns, const QString &name, const QString &env, const std::optional<QString> &status,
                         const QDateTime &lastUpdate = {}, const QString &log = {})
{
    PackageOptions p;
    p.environment = env;
    p.sourceLiteral = u"UEsDBBQAAAAIAAAAIQBoZWxsbw=="_s;
    p.buildStatus = status;
    p.lastUpdate = lastUpdate;
    p.buildLog = log;
    return package(ns, name, p);
}

const QString npmLog = u"Building with: npm install\n"
                       "npm WARN deprecated request@2.88.2\n"
                       "added 57 packages in 3s\n"
                       "> node build.js\n"
                       "Error: Cannot find module 'express'\n"
                       "    at Function.Module._resolveFilename (node:internal/modules/cjs/loader:1039:15)\n"
                       "npm ERR! code ELIFECYCLE\n"
                       "npm ERR! errno 1\n"
                       "error building source package: exit status 1\n"_s;

} // namespace

class TestBuildRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildFailed()
    {
        QList<KubeObject> objects = base();
        objects << sourcePackage(u"team-a"_s, u"broken"_s, u"nodejs"_s, u"failed"_s, testNow().addSecs(-600), npmLog);
        FunctionOptions fo;
        fo.package = u"broken"_s;
        objects << function(u"team-a"_s, u"uses-broken"_s, fo);
        const QList<Finding> findings = evaluate(cluster(objects));
        QCOMPARE(findings.size(), 1);
        const auto f = findFinding(findings, u"package-build-failed"_s, u"team-a/broken"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Error);
        QString log;
        for (const EvidenceField &field : f->evidence.first().fields) {
            if (field.path == u"status.buildlog")
                log = field.value;
        }
        QVERIFY(log.contains(u"Cannot find module 'express'"_s));
        QVERIFY(log.contains(u"exit status 1"_s));
        QVERIFY(!log.contains(u"added 57 packages"_s)); // only the relevant lines
        QVERIFY(f->explanation.contains(u"build command"_s));
        QCOMPARE(symptomIds(*f), QStringList{u"function-unbuilt"_s});
        QCOMPARE(f->symptoms.first().object.name, u"uses-broken"_s);
        const RebuildPackageAction *rebuild = fixOf<RebuildPackageAction>(*f);
        QVERIFY(rebuild);
        QCOMPARE(rebuild->name, u"broken"_s);
        const OpenLogsAction *logs = fixOf<OpenLogsAction>(*f);
        QVERIFY(logs);
        QCOMPARE(logs->selector, u"owner=buildermgr,envName=nodejs"_s);
        QCOMPARE(logs->container, u"builder"_s);
        QCOMPARE(logs->namespaceName, u"team-a"_s);
    }

    void buildFailureCauses_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QString>("expected");
        QTest::addRow("environment missing") << u"environment does not exist: nodejs"_s << u"does not exist"_s;
        QTest::addRow("builder not ready") << u"Build timeout due to environment builder not ready"_s << u"never became Ready"_s;
        QTest::addRow("fetch") << u"error fetching source package: 404 Not Found"_s << u"pruner"_s;
        QTest::addRow("upload") << u"Error uploading deployment package: EOF"_s << u"uploading"_s;
        QTest::addRow("empty") << u"Both source and deployment are empty"_s << u"neither a source nor"_s;
        QTest::addRow("no log") << QString() << u"build command"_s;
    }
    void buildFailureCauses()
    {
        QFETCH(QString, log);
        QFETCH(QString, expected);
        QList<KubeObject> objects = base();
        objects << sourcePackage(u"team-a"_s, u"p"_s, u"nodejs"_s, u"failed"_s, testNow(), log);
        const auto f = findFinding(evaluate(cluster(objects)), u"package-build-failed"_s);
        QVERIFY(f);
        QVERIFY2(f->explanation.contains(expected), qPrintable(f->explanation));
    }

    void stuckPendingWithReadyBuilder()
    {
        QList<KubeObject> objects = base();
        objects << sourcePackage(u"team-a"_s, u"slow"_s, u"nodejs"_s, u"pending"_s, testNow().addSecs(-600));
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto f = findFinding(findings, u"package-build-stuck"_s, u"team-a/slow"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(f->title.contains(u"10"_s));
        QVERIFY(f->explanation.contains(u"has not started the build"_s));
        QVERIFY(fixOf<RebuildPackageAction>(*f));
        QCOMPARE(fixOf<OpenLogsAction>(*f)->selector, u"svc=buildermgr"_s);
    }

    void notStuckBeforeThreshold()
    {
        QList<KubeObject> objects = base();
        objects << sourcePackage(u"team-a"_s, u"fresh"_s, u"nodejs"_s, u"pending"_s, testNow().addSecs(-120));
        const MemoryClusterState state = cluster(objects);
        FissionModel model(state);
        model.refresh(testNow());
        QVERIFY2(model.findings().isEmpty(), qPrintable(describe(model.findings())));
        QCOMPARE(model.nextRecheck(), testNow().addSecs(-120 + 300));
        // Time passes without any delta: the tick reports it.
        const FindingsDiff diff = model.tick(testNow().addSecs(240)).findings;
        QCOMPARE(diff.added.size(), 1);
        QCOMPARE(diff.added.first().ruleId, u"package-build-stuck"_s);
    }

    void stuckWithoutBuilderDeployment()
    {
        QList<KubeObject> objects = base();
        objects << environment(u"team-a"_s, u"python"_s, u"ghcr.io/fission/python-builder"_s, 3, u"300"_s);
        // main: nobody reconciled it, no status at all; created 20 minutes ago.
        PackageOptions p;
        p.environment = u"python"_s;
        p.sourceLiteral = u"UEsD"_s;
        p.created = testNow().addSecs(-1200);
        objects << package(u"team-a"_s, u"py"_s, p);
        const auto f = findFinding(evaluate(cluster(objects)), u"package-build-stuck"_s, u"team-a/py"_s);
        QVERIFY(f);
        QVERIFY2(f->explanation.contains(u"has not created a builder"_s), qPrintable(f->explanation));
        QVERIFY(f->explanation.contains(u"envName=python"_s));
    }

    void stuckWithBuilderPodNotReady()
    {
        QList<KubeObject> objects = base();
        objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder:bad"_s, 3, u"400"_s)
                << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0);
        PodState s;
        s.phase = u"Pending"_s;
        s.ready = false;
        s.waitingReason = u"ImagePullBackOff"_s;
        s.waitingMessage = u"Back-off pulling image \"ghcr.io/fission/go-builder:bad\""_s;
        objects << builderPod(u"team-a"_s, u"go"_s, u"400"_s, s)
                << sourcePackage(u"team-a"_s, u"gopkg"_s, u"go"_s, u"running"_s, testNow().addSecs(-2400));
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto stuck = findFinding(findings, u"package-build-stuck"_s, u"team-a/gopkg"_s);
        QVERIFY2(stuck, qPrintable(describe(findings)));
        QVERIFY(stuck->explanation.contains(u"cannot be pulled"_s));
        QVERIFY(fixOf<OpenLogsAction>(*stuck));

        const auto builder = findFinding(findings, u"builder-not-ready"_s, u"team-a/go"_s);
        QVERIFY(builder);
        QCOMPARE(builder->severity, Severity::Error);
        QVERIFY(builder->explanation.contains(u"cannot be pulled"_s));
        QCOMPARE(symptomIds(*builder), QStringList{u"build-blocked"_s});
        const OpenLogsAction *logs = fixOf<OpenLogsAction>(*builder);
        QVERIFY(logs);
        QCOMPARE(logs->container, u"builder"_s);
        QVERIFY(!logs->pod.isEmpty());
    }

    void stuckRunningWithReadyBuilder()
    {
        QList<KubeObject> objects = base();
        objects << sourcePackage(u"team-a"_s, u"lost"_s, u"nodejs"_s, u"running"_s, testNow().addSecs(-3000));
        const auto f = findFinding(evaluate(cluster(objects)), u"package-build-stuck"_s, u"team-a/lost"_s);
        QVERIFY(f);
        QVERIFY(f->explanation.contains(u"restarted"_s));

        // Running for 20 minutes is still within the threshold (1.20 waits up to ~27 min).
        QList<KubeObject> young = base();
        young << sourcePackage(u"team-a"_s, u"busy"_s, u"nodejs"_s, u"running"_s, testNow().addSecs(-1200));
        QVERIFY(!findFinding(evaluate(cluster(young)), u"package-build-stuck"_s));
    }

    void unwatchedPendingIsNotStuck()
    {
        QList<KubeObject> objects = base() + unwatchedTenantContent(u"test"_s);
        const QList<Finding> findings = evaluate(cluster(objects));
        QVERIFY(!findFinding(findings, u"package-build-stuck"_s));
        QVERIFY(findFinding(findings, u"namespace-not-watched"_s, u"/test"_s));
    }

    void builderMissingServiceAccount()
    {
        QList<KubeObject> objects = base();
        objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder"_s, 3, u"400"_s)
                << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0)
                << fd::fission::test::event(u"team-a"_s, u"go-400-5d8f7.17a"_s, u"ReplicaSet"_s, u"go-400-5d8f7"_s, u"FailedCreate"_s,
                         u"Error creating: pods \"go-400-5d8f7-\" is forbidden: error looking up service account "
                         u"team-a/fission-builder: serviceaccount \"fission-builder\" not found"_s);
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto f = findFinding(findings, u"builder-not-ready"_s, u"team-a/go"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(f->explanation.contains(u"service account"_s));
        bool sawEvent = false;
        for (const Evidence &e : f->evidence)
            sawEvent = sawEvent || e.object.kind == u"Event";
        QVERIFY(sawEvent);
    }

    void builderStartingIsNotAFinding()
    {
        QList<KubeObject> objects = base();
        objects << environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder"_s, 3, u"400"_s)
                << builderDeployment(u"team-a"_s, u"go"_s, u"400"_s, 0);
        Meta m;
        m.name = u"go-400-6f8d9c7b5-new"_s;
        m.namespaceName = u"team-a"_s;
        m.created = testNow().addSecs(-20);
        m.labels = {{u"owner"_s, u"buildermgr"_s}, {u"envName"_s, u"go"_s}, {u"envNamespace"_s, u"team-a"_s},
                    {u"envResourceVersion"_s, u"400"_s}};
        PodState starting;
        starting.phase = u"Pending"_s;
        starting.ready = false;
        objects << pod(m, {{u"builder"_s, u"ghcr.io/fission/go-builder"_s, {}}}, starting);
        const MemoryClusterState state = cluster(objects);
        FissionModel model(state);
        model.refresh(testNow());
        QVERIFY2(!findFinding(model.findings(), u"builder-not-ready"_s), qPrintable(describe(model.findings())));
        QCOMPARE(model.nextRecheck(), testNow().addSecs(-20 + 180));
    }

    void environmentWithoutBuilder()
    {
        QList<KubeObject> objects = base();
        objects << environment(u"team-a"_s, u"plain"_s) << sourcePackage(u"team-a"_s, u"needs-build"_s, u"plain"_s, u"pending"_s, testNow())
                << environment(u"team-a"_s, u"old"_s, u"ghcr.io/fission/builder"_s, 1)
                << sourcePackage(u"team-a"_s, u"old-pkg"_s, u"old"_s, u"pending"_s, testNow());
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto f = findFinding(findings, u"package-environment-without-builder"_s, u"team-a/needs-build"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(f->explanation.contains(u"no builder image"_s));
        QCOMPARE(fixOf<InspectObjectAction>(*f)->object.name, u"plain"_s);
        const auto v1 = findFinding(findings, u"package-environment-without-builder"_s, u"team-a/old-pkg"_s);
        QVERIFY(v1);
        QVERIFY(v1->explanation.contains(u"version 1"_s));

        // Deploy-only packages, and packages built earlier, need no builder.
        QList<KubeObject> fine = base();
        PackageOptions deployOnly;
        deployOnly.environment = u"plain"_s;
        deployOnly.deploymentLiteral = u"UEsD"_s;
        deployOnly.buildStatus = u"none"_s;
        fine << environment(u"team-a"_s, u"plain"_s) << package(u"team-a"_s, u"ready"_s, deployOnly);
        const QList<Finding> none = evaluate(cluster(fine));
        QVERIFY2(none.isEmpty(), qPrintable(describe(none)));
    }

    void archiveAtRisk()
    {
        QList<KubeObject> objects = base();
        PackageOptions big;
        big.sourceUrl = u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Ffission-functions%2Fbig-src"_s;
        big.buildStatus = u"pending"_s;
        objects << environment(u"test"_s, u"nodejs"_s, u"ghcr.io/fission/node-builder-22"_s) << package(u"test"_s, u"big"_s, big);
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto f = findFinding(findings, u"archive-at-risk"_s, u"Namespace/test"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Warning);
        QVERIFY(f->explanation.contains(u"pruner"_s));
        QCOMPARE(f->evidence.first().object.name, u"big"_s);
        QVERIFY(f->evidence.first().fields.first().value.contains(u"big-src"_s));
        const OnboardAction *onboard = fixOf<OnboardAction>(*f);
        QVERIFY(onboard);
        QCOMPARE(onboard->method, OnboardAction::Method::HelmUpgrade);
        // The healthy team-a package references storagesvc too, but is protected.
        QCOMPARE(countRule(findings, u"archive-at-risk"_s), 1);

        // Pruner off: no risk.
        ControlPlaneOptions off = options();
        off.prunerEnabled = false;
        QList<KubeObject> quiet = controlPlane(off);
        quiet << environment(u"test"_s, u"nodejs"_s) << package(u"test"_s, u"big"_s, big);
        QVERIFY(!findFinding(evaluate(cluster(quiet)), u"archive-at-risk"_s));
    }
};

QTEST_GUILESS_MAIN(TestBuildRules)
#include "tst_rules_build.moc"
