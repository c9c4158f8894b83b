// Control-plane rules: Deployments that disagree on the namespace list, rollouts in progress and
// stuck, crash-looping pods, Deployments without an available pod, live env that differs from the
// Helm values (a failed upgrade), Helm operations pending or failed.
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

MemoryClusterState cluster(const QList<KubeObject> &objects)
{
    MemoryClusterState state;
    fill(state, objects);
    state.setNotServed(kinds::fissionTenants().gr);
    return state;
}

// The control plane with one component replaced by the given objects.
QList<KubeObject> controlPlaneWith(const ControlPlaneOptions &o, const QString &component, const QList<KubeObject> &replacement)
{
    QList<KubeObject> out;
    for (const QString &c : controlPlaneComponents(o)) {
        if (c == component) {
            out += replacement;
        } else {
            out.append(controlPlaneDeployment(o, c));
            out.append(controlPlanePod(o, c, {}));
        }
    }
    return out;
}

} // namespace

class TestControlPlaneRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deploymentsDisagree()
    {
        ControlPlaneOptions o = options();
        o.resourceNamespacesOverride.insert(u"buildermgr"_s, u"default"_s); // team-a missing
        const QList<Finding> findings = evaluate(cluster(controlPlane(o) + healthyTenant(u"team-a"_s)));
        const auto f = findFinding(findings, u"control-plane-env-disagree"_s, u"Namespace/fission"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Error);
        QVERIFY(f->explanation.contains(u"buildermgr watch default"_s));
        QCOMPARE(f->evidence.size(), 7);
        // team-a is then partially served: buildermgr does not build there.
        const auto partial = findFinding(findings, u"namespace-not-watched"_s, u"/team-a"_s);
        QVERIFY(partial);
        QCOMPARE(partial->severity, Severity::Warning);

        QVERIFY(!findFinding(evaluate(cluster(controlPlane(options()))), u"control-plane-env-disagree"_s));
    }

    void rolloutStuckOnCrashingPod()
    {
        ControlPlaneOptions before = options();
        ControlPlaneOptions after = before;
        after.additionalNamespaces = {u"team-a"_s, u"test"_s};
        PodState crashing;
        crashing.ready = false;
        crashing.waitingReason = u"CrashLoopBackOff"_s;
        crashing.restarts = 6;
        QList<KubeObject> objects = controlPlaneWith(
            before, u"executor"_s,
            {controlPlaneDeployment(after, u"executor"_s, 1, 1), controlPlanePod(before, u"executor"_s, u"executor-old"_s),
             controlPlanePod(after, u"executor"_s, u"executor-new"_s, crashing)});
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto rollout = findFinding(findings, u"control-plane-rollout"_s, u"Deployment/fission/executor"_s);
        QVERIFY2(rollout, qPrintable(describe(findings)));
        QCOMPARE(rollout->severity, Severity::Error);
        QVERIFY(rollout->explanation.contains(u"keeps crashing"_s));
        QVERIFY(rollout->explanation.contains(u"executor-old"_s));
        const OpenLogsAction *logs = fixOf<OpenLogsAction>(*rollout);
        QVERIFY(logs);
        QCOMPARE(logs->pod, u"executor-new"_s);
        QVERIFY(logs->previous);

        const auto failing = findFinding(findings, u"control-plane-pod-failing"_s, u"Deployment/fission/executor"_s);
        QVERIFY(failing);
        QVERIFY(failing->explanation.contains(u"no function pods are created"_s));
    }

    void rolloutProgressDeadline()
    {
        ControlPlaneOptions o = options();
        Meta m;
        m.name = u"router"_s;
        m.namespaceName = u"fission"_s;
        m.labels = {{u"svc"_s, u"router"_s}, {u"application"_s, u"fission-router"_s}, {u"chart"_s, o.chartLabel}};
        const KubeObject router = deployment(m, {{u"svc"_s, u"router"_s}, {u"application"_s, u"fission-router"_s}},
                                             {{u"router"_s, u"ghcr.io/fission/fission-bundle:v1.20.5"_s, namespaceEnv(o)}}, 2, 1,
                                             1, 1, true);
        const QList<Finding> findings =
            evaluate(cluster(controlPlaneWith(o, u"router"_s, {router, controlPlanePod(o, u"router"_s, {})})));
        const auto f = findFinding(findings, u"control-plane-rollout"_s, u"/router"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Error);
        QVERIFY(f->explanation.contains(u"progress deadline"_s));
    }

    void unavailableAfterGrace()
    {
        ControlPlaneOptions o = options();
        QList<KubeObject> objects = controlPlaneWith(o, u"buildermgr"_s, {controlPlaneDeployment(o, u"buildermgr"_s, 0)});
        const MemoryClusterState state = cluster(objects);
        const QList<Finding> findings = evaluate(state);
        const auto f = findFinding(findings, u"control-plane-unavailable"_s, u"/buildermgr"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(f->explanation.contains(u"no package is built"_s));
        QCOMPARE(fixOf<OpenLogsAction>(*f)->selector, u"svc=buildermgr"_s);

        // Within the grace period (the Available condition just turned False): nothing yet.
        RuleSettings patient;
        patient.controlPlaneUnavailable = std::chrono::hours(2);
        FissionModel model(state, patient);
        model.refresh(testNow());
        QVERIFY(!findFinding(model.findings(), u"control-plane-unavailable"_s));
        QVERIFY(model.nextRecheck().isValid());
    }

    void webhookCrashExplained()
    {
        ControlPlaneOptions o = options();
        PodState pull;
        pull.ready = false;
        pull.phase = u"Pending"_s;
        pull.waitingReason = u"ErrImagePull"_s;
        pull.waitingMessage = u"manifest unknown"_s;
        const QList<Finding> findings = evaluate(cluster(controlPlaneWith(
            o, u"webhook"_s, {controlPlaneDeployment(o, u"webhook"_s, 0), controlPlanePod(o, u"webhook"_s, {}, pull)})));
        const auto f = findFinding(findings, u"control-plane-pod-failing"_s, u"/webhook"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(f->explanation.contains(u"cannot be pulled"_s));
        QVERIFY(f->explanation.contains(u"failure policy"_s));
    }

    void helmValuesDriftAfterFailedUpgrade()
    {
        // The upgrade to [team-a, test] failed half way: templates already carry it.
        ControlPlaneOptions live = options();
        live.additionalNamespaces = {u"team-a"_s, u"test"_s};
        FakeHelmReader helm;
        HelmReleaseInfo r = helmRelease(u"fission"_s, u"fission"_s, 3, u"failed"_s, u"default"_s, {u"team-a"_s});
        r.history.last().description = u"Upgrade \"fission\" failed: context deadline exceeded"_s;
        helm.releases.append(r);
        const QList<Finding> findings = evaluate(cluster(controlPlane(live)), &helm);
        const auto drift = findFinding(findings, u"helm-values-drift"_s, u"HelmRelease/fission/fission"_s);
        QVERIFY2(drift, qPrintable(describe(findings)));
        QCOMPARE(drift->severity, Severity::Error);
        QVERIFY(drift->explanation.contains(u"default, team-a, test"_s));
        QVERIFY(drift->explanation.contains(u"failed"_s));
        const RollbackReleaseAction *rollback = fixOf<RollbackReleaseAction>(*drift);
        QVERIFY(rollback);
        QCOMPARE(rollback->revision, 2);

        const auto failed = findFinding(findings, u"helm-release-failed"_s);
        QVERIFY(failed);
        QCOMPARE(failed->severity, Severity::Warning);
        QVERIFY(failed->explanation.contains(u"context deadline exceeded"_s));

        // Values and env agree: no drift, no failure.
        FakeHelmReader good;
        good.releases.append(helmRelease(u"fission"_s, u"fission"_s, 2, u"deployed"_s, u"default"_s, {u"team-a"_s}));
        const QList<Finding> clean = evaluate(cluster(controlPlane(options())), &good);
        QVERIFY2(clean.isEmpty(), qPrintable(describe(clean)));
    }

    void helmPendingOperation()
    {
        ControlPlaneOptions live = options();
        live.additionalNamespaces = {u"team-a"_s, u"test"_s};
        HelmReleaseInfo r = helmRelease(u"fission"_s, u"fission"_s, 3, u"pending-upgrade"_s, u"default"_s, {u"team-a"_s});
        HelmValuesFacts next;
        next.defaultNamespace = u"default"_s;
        next.additionalNamespaces = {u"team-a"_s, u"test"_s};
        r.latestFacts = next;
        r.history.last().updated = testNow().addSecs(-60);
        FakeHelmReader helm;
        helm.releases.append(r);
        const MemoryClusterState state = cluster(controlPlane(live));
        FissionModel model(state);
        model.setHelmReader(&helm);
        model.refresh(testNow());
        // An upgrade in progress: informational, and the templates ahead of the deployed values
        // are not drift.
        const auto pending = findFinding(model.findings(), u"helm-release-pending"_s);
        QVERIFY2(pending, qPrintable(describe(model.findings())));
        QCOMPARE(pending->severity, Severity::Info);
        QVERIFY(!findFinding(model.findings(), u"helm-values-drift"_s));
        QVERIFY(pending->fixes.isEmpty());

        // Much later, still pending: the helm process is gone.
        const FindingsDiff diff = model.tick(testNow().addSecs(3600)).findings;
        QCOMPARE(diff.changed.size(), 1);
        QCOMPARE(diff.changed.first().severity, Severity::Error);
        QVERIFY(diff.changed.first().explanation.contains(u"another operation"_s));
        QCOMPARE(fixOf<RollbackReleaseAction>(diff.changed.first())->revision, 2);
    }
};

QTEST_GUILESS_MAIN(TestControlPlaneRules)
#include "tst_rules_controlplane.moc"
