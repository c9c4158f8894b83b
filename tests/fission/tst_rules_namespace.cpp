// Rules about namespaces and installs: the classic unwatched namespace with its three symptoms,
// the fix priced per tenancy world, rollouts, no and several control planes, namespaces stuck
// terminating — and nothing at all on healthy installs.
#include "RuleTestUtil.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

ControlPlaneOptions legacyOptions()
{
    ControlPlaneOptions o;
    o.additionalNamespaces = {u"team-a"_s};
    return o;
}

ControlPlaneOptions modernOptions(const QString &mode)
{
    ControlPlaneOptions o;
    o.tenancyMode = mode;
    o.tenantController = mode != u"static";
    o.chartLabel = u"fission-all-1.27.0"_s;
    o.imageTag = u"v1.27.0"_s;
    return o;
}

void legacyFill(MemoryClusterState &state, const QList<KubeObject> &objects)
{
    fill(state, objects);
    state.setNotServed(kinds::fissionTenants().gr);
    state.setNotServed(kinds::functionVersions().gr);
    state.setNotServed(kinds::workflows().gr);
}

FakeHelmReader legacyHelm()
{
    FakeHelmReader helm;
    helm.releases.append(helmRelease(u"fission"_s, u"fission"_s, 2, u"deployed"_s, u"default"_s, {u"team-a"_s}));
    return helm;
}

} // namespace

class TestNamespaceRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyLegacyInstallHasNoFindings()
    {
        MemoryClusterState state;
        legacyFill(state, controlPlane(legacyOptions()) + healthyTenant(u"team-a"_s) + healthyTenant(u"default"_s));
        FakeHelmReader helm = legacyHelm();
        const QList<Finding> findings = evaluate(state, &helm);
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    }

    void healthyModernInstallHasNoFindings()
    {
        MemoryClusterState state;
        QList<KubeObject> objects = controlPlane(modernOptions(u"dynamic"_s));
        objects += healthyTenant(u"default"_s);
        objects += healthyTenant(u"acme"_s);
        objects << fissionTenant(u"acme"_s, u"acme"_s,
                                 {condition(u"RBACProvisioned"_s, u"True"_s, u"RolesApplied"_s),
                                  condition(u"ServiceAccountsReady"_s, u"True"_s, u"ServiceAccountsReady"_s),
                                  condition(u"Ready"_s, u"True"_s, u"Onboarded"_s)});
        fill(state, objects);
        const QList<Finding> findings = evaluate(state);
        // The one thing said about a healthy dynamic install: storagesvc does not know tenants
        // onboarded at runtime, so their stored archives are exposed to its pruner (inferred
        // from Fission's source; informational).
        QVERIFY2(findings.size() == 1, qPrintable(describe(findings)));
        const auto f = findFinding(findings, u"archive-at-risk"_s, u"Namespace/acme"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Info);
        QVERIFY(f->explanation.contains(u"inferred"_s));
    }

    void classicUnwatchedNamespace()
    {
        MemoryClusterState state;
        legacyFill(state, controlPlane(legacyOptions()) + healthyTenant(u"team-a"_s) + unwatchedTenantContent(u"test"_s));
        FakeHelmReader helm = legacyHelm();
        const QList<Finding> findings = evaluate(state, &helm);
        // The one cause, and nothing false next to it.
        QCOMPARE(findings.size(), 1);
        const auto f = findFinding(findings, u"namespace-not-watched"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->subject, u"Namespace/test"_s);
        QCOMPARE(f->id(), u"namespace-not-watched:Namespace/test"_s);
        QCOMPARE(f->severity, Severity::Error);
        QVERIFY(f->explanation.contains(u"default, team-a"_s));
        QVERIFY(f->explanation.contains(u"additionalFissionNamespaces"_s));

        // The three symptoms, each tied to the object that shows it.
        const QStringList ids = symptomIds(*f);
        QCOMPARE(ids.count(u"router-404"_s), 2); // the function and the HTTP trigger
        QCOMPARE(ids.count(u"build-pending"_s), 1);
        QCOMPARE(ids.count(u"no-active-pods"_s), 1);
        bool sawFunctionUrl = false;
        bool sawNoPods = false;
        for (const Symptom &s : f->symptoms) {
            if (s.id == u"router-404" && s.object.kind == u"Function") {
                QVERIFY(s.text.contains(u"/fission-function/test/hello"_s));
                QVERIFY(s.text.contains(u"404 page not found"_s));
                sawFunctionUrl = true;
            }
            if (s.id == u"no-active-pods") {
                QVERIFY(s.text.contains(u"no active pods found for function in namespace test"_s));
                QCOMPARE(s.object.name, u"hello"_s);
                sawNoPods = true;
            }
            if (s.id == u"build-pending")
                QCOMPARE(s.object.kind, u"Package"_s);
        }
        QVERIFY(sawFunctionUrl && sawNoPods);

        // Evidence: what the control plane watches, from the Deployments and the Helm values.
        bool sawExecutorEnv = false;
        bool sawValues = false;
        for (const Evidence &e : f->evidence) {
            if (e.object.kind == u"Deployment" && e.object.name == u"executor") {
                QCOMPARE(e.fields.first().value, u"default,team-a"_s);
                sawExecutorEnv = true;
            }
            if (e.object.kind == u"Secret") {
                QCOMPARE(e.object.name, u"sh.helm.release.v1.fission.v2"_s);
                sawValues = true;
            }
        }
        QVERIFY(sawExecutorEnv && sawValues);

        // The fix: a Helm upgrade, with its cost.
        const OnboardAction *onboard = fixOf<OnboardAction>(*f);
        QVERIFY(onboard);
        QCOMPARE(onboard->method, OnboardAction::Method::HelmUpgrade);
        QCOMPARE(onboard->namespaceName, u"test"_s);
        QCOMPARE(onboard->world, TenancyWorld::Legacy);
        QCOMPARE(onboard->releaseName, u"fission"_s);
        QCOMPARE(onboard->restarts.size(), 7);
        QVERIFY(onboard->coldStartsFunctions);
        QVERIFY(fixActionTitle(f->fixes.first()).contains(u"test"_s));
    }

    void releaseNamespaceObjects()
    {
        MemoryClusterState state;
        legacyFill(state, controlPlane(legacyOptions()) + unwatchedTenantContent(u"fission"_s));
        const QList<Finding> findings = evaluate(state);
        const auto f = findFinding(findings, u"namespace-not-watched"_s, u"Namespace/fission"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(f->explanation.contains(u"where Fission itself runs"_s));
    }

    void fixDependsOnWorld_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("optOut");
        QTest::addColumn<int>("method");
        QTest::addRow("static") << u"static"_s << false << int(OnboardAction::Method::HelmUpgrade);
        QTest::addRow("dynamic") << u"dynamic"_s << false << int(OnboardAction::Method::CreateTenant);
        QTest::addRow("cluster, opted out") << u"cluster"_s << true << int(OnboardAction::Method::RemoveOptOutLabel);
    }
    void fixDependsOnWorld()
    {
        QFETCH(QString, mode);
        QFETCH(bool, optOut);
        QFETCH(int, method);
        QList<KubeObject> objects = controlPlane(modernOptions(mode));
        objects += unwatchedTenantContent(u"test"_s);
        if (optOut)
            objects << namespaceObject(u"test"_s, {{u"fission.io/enabled"_s, u"false"_s}});
        MemoryClusterState state;
        fill(state, objects);
        const QList<Finding> findings = evaluate(state);
        const auto f = findFinding(findings, u"namespace-not-watched"_s, u"/test"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        const OnboardAction *onboard = fixOf<OnboardAction>(*f);
        QVERIFY(onboard);
        QCOMPARE(int(onboard->method), method);
        QCOMPARE(onboard->restarts.isEmpty(), method != int(OnboardAction::Method::HelmUpgrade));
    }

    void partiallyServedDuringRollout()
    {
        ControlPlaneOptions before = legacyOptions();
        ControlPlaneOptions after = before;
        after.additionalNamespaces = {u"team-a"_s, u"test"_s};
        QList<KubeObject> objects = unwatchedTenantContent(u"test"_s);
        for (const QString &c : controlPlaneComponents(after)) {
            objects.append(controlPlaneDeployment(after, c, 1, c == u"router" ? 0 : 1));
            objects.append(controlPlanePod(c == u"router" ? before : after, c, {}));
        }
        MemoryClusterState state;
        legacyFill(state, objects);
        const QList<Finding> findings = evaluate(state);
        const auto f = findFinding(findings, u"namespace-not-watched"_s, u"/test"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Warning);
        QVERIFY(f->title.contains(u"rolls out"_s));
        const QStringList ids = symptomIds(*f);
        QVERIFY(ids.contains(u"router-404"_s));
        QVERIFY(!ids.contains(u"build-pending"_s)); // buildermgr already watches test
        QVERIFY(!fixOf<OnboardAction>(*f));         // nothing to do but wait
        // The rollout itself is reported as in progress, not as a problem.
        const auto rollout = findFinding(findings, u"control-plane-rollout"_s, u"/router"_s);
        QVERIFY2(rollout, qPrintable(describe(findings)));
        QCOMPARE(rollout->severity, Severity::Info);
    }

    void noActivePodsOnlyWhenNoPodCarriesTheUid()
    {
        QList<KubeObject> objects = controlPlane(legacyOptions()) + unwatchedTenantContent(u"test"_s);
        objects << functionPod(u"test"_s, u"nodejs"_s, u"hello"_s, u"test-hello-uid"_s);
        MemoryClusterState state;
        legacyFill(state, objects);
        const auto f = findFinding(evaluate(state), u"namespace-not-watched"_s);
        QVERIFY(f);
        QVERIFY(!symptomIds(*f).contains(u"no-active-pods"_s));

        // Pods not readable in the namespace: the symptom is not claimed.
        MemoryClusterState hidden;
        legacyFill(hidden, controlPlane(legacyOptions()) + unwatchedTenantContent(u"test"_s));
        hidden.setCoverage(kinds::pods().gr, KindCoverage{KindCoverage::State::Partial, {u"fission"_s}, {}});
        const auto g = findFinding(evaluate(hidden), u"namespace-not-watched"_s);
        QVERIFY(g);
        QVERIFY(!symptomIds(*g).contains(u"no-active-pods"_s));
        QVERIFY(symptomIds(*g).contains(u"router-404"_s));
    }

    void symptomsAreCapped()
    {
        QList<KubeObject> objects = controlPlane(legacyOptions());
        for (int i = 0; i < 12; ++i) {
            FunctionOptions fo;
            fo.package = u"p"_s;
            objects << function(u"big"_s, u"fn-%1"_s.arg(i), fo);
        }
        MemoryClusterState state;
        legacyFill(state, objects);
        RuleSettings settings;
        settings.maxSymptomsPerKind = 5;
        const auto f = findFinding(evaluate(state, nullptr, settings), u"namespace-not-watched"_s);
        QVERIFY(f);
        QCOMPARE(symptomIds(*f).count(u"router-404"_s), 6); // 5 + "… and 7 more"
        QVERIFY(f->symptoms.last().object.isNull());
        QVERIFY(f->symptoms.last().text.contains(u"7"_s));
    }

    void noControlPlane()
    {
        MemoryClusterState state;
        fill(state, unwatchedTenantContent(u"test"_s));
        const QList<Finding> findings = evaluate(state);
        QCOMPARE(findings.size(), 1);
        const auto f = findFinding(findings, u"no-control-plane"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->subject, u"Cluster/cluster"_s);
        QVERIFY(f->explanation.contains(u"test"_s));

        MemoryClusterState empty;
        empty.markAllComplete();
        QVERIFY(evaluate(empty).isEmpty());
    }

    void multipleInstalls()
    {
        ControlPlaneOptions a = legacyOptions();
        ControlPlaneOptions b;
        b.releaseNamespace = u"fission-b"_s;
        b.releaseName = u"fission-b"_s;
        b.defaultNamespace = u"team-b"_s;
        MemoryClusterState disjoint;
        legacyFill(disjoint, controlPlane(a) + controlPlane(b));
        const QList<Finding> findings = evaluate(disjoint);
        const auto f = findFinding(findings, u"multiple-installs"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Warning);

        b.additionalNamespaces = {u"team-a"_s};
        MemoryClusterState overlapping;
        legacyFill(overlapping, controlPlane(a) + controlPlane(b));
        const auto g = findFinding(evaluate(overlapping), u"multiple-installs"_s);
        QVERIFY(g);
        QCOMPARE(g->severity, Severity::Error);
        QVERIFY(g->explanation.contains(u"team-a"_s));

        MemoryClusterState single;
        legacyFill(single, controlPlane(a));
        QVERIFY(!findFinding(evaluate(single), u"multiple-installs"_s));
    }

    void namespaceStuckOnFinalizer()
    {
        QList<KubeObject> objects = controlPlane(legacyOptions());
        FunctionOptions fo;
        fo.finalizers = {u"fission.io/function-cleanup"_s};
        objects << function(u"leaving"_s, u"fn"_s, fo) << namespaceObject(u"leaving"_s, {}, true, testNow().addSecs(-30));
        MemoryClusterState state;
        legacyFill(state, objects);
        const QList<Finding> findings = evaluate(state);
        const auto f = findFinding(findings, u"namespace-terminating"_s, u"/leaving"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Error);
        const RemoveFinalizersAction *remove = fixOf<RemoveFinalizersAction>(*f);
        QVERIFY(remove);
        QCOMPARE(remove->object.name, u"fn"_s);
        QCOMPARE(remove->finalizers, QStringList{u"fission.io/function-cleanup"_s});
        // The terminating namespace is not also reported as "not watched".
        QVERIFY(!findFinding(findings, u"namespace-not-watched"_s, u"/leaving"_s));
    }

    void namespaceTerminatingThresholds()
    {
        // A served namespace that just started terminating: not (yet) a finding, but a recheck.
        ControlPlaneOptions o = legacyOptions();
        o.additionalNamespaces = {u"team-a"_s, u"leaving"_s};
        QList<KubeObject> objects = controlPlane(o);
        objects << environment(u"leaving"_s, u"go"_s) << namespaceObject(u"leaving"_s, {}, true, testNow().addSecs(-60));
        MemoryClusterState state;
        legacyFill(state, objects);
        FissionModel model(state);
        model.refresh(testNow());
        QVERIFY2(!findFinding(model.findings(), u"namespace-terminating"_s), qPrintable(describe(model.findings())));
        QCOMPARE(model.nextRecheck(), testNow().addSecs(-60 + 300));

        // Past the threshold it is stuck.
        const FindingsDiff later = model.tick(testNow().addSecs(600)).findings;
        QCOMPARE(later.added.size(), 1);
        QCOMPARE(later.added.first().ruleId, u"namespace-terminating"_s);
        QCOMPARE(later.added.first().severity, Severity::Warning);
    }
};

QTEST_GUILESS_MAIN(TestNamespaceRules)
#include "tst_rules_namespace.moc"
