// Tenancy rules (Fission 1.27+): FissionTenants not Ready and why, tenants naming a missing
// namespace, tenants and labels without effect in the static world, labelled namespaces without
// a tenant, and runtime tenancy without a tenant controller.
#include "RuleTestUtil.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

ControlPlaneOptions modern(const QString &mode, bool controller = true)
{
    ControlPlaneOptions o;
    o.tenancyMode = mode;
    o.tenantController = controller;
    o.chartLabel = u"fission-all-1.27.0"_s;
    o.imageTag = u"v1.27.0"_s;
    return o;
}

MemoryClusterState cluster(const QList<KubeObject> &objects)
{
    MemoryClusterState state;
    fill(state, objects);
    return state;
}

QJsonObject ready()
{
    return condition(u"Ready"_s, u"True"_s, u"Onboarded"_s);
}

} // namespace

class TestTenancyRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenantNamespaceMissing()
    {
        QList<KubeObject> objects = controlPlane(modern(u"dynamic"_s));
        objects << fissionTenant(u"ghost"_s, u"ghost"_s,
                                 {condition(u"Ready"_s, u"False"_s, u"NamespaceNotFound"_s, u"namespace ghost not found"_s)});
        const QList<Finding> findings = evaluate(cluster(objects));
        QCOMPARE(findings.size(), 1);
        const auto f = findFinding(findings, u"tenant-namespace-missing"_s, u"FissionTenant/ghost"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Warning);
        const CreateNamespaceAction *create = fixOf<CreateNamespaceAction>(*f);
        QVERIFY(create);
        QCOMPARE(create->name, u"ghost"_s);
        bool sawCondition = false;
        for (const EvidenceField &field : f->evidence.first().fields)
            sawCondition = sawCondition || (field.path == u"status.conditions[Ready]" && field.value.contains(u"NamespaceNotFound"_s));
        QVERIFY(sawCondition);

        // The namespace appears: resolved (the tenant becomes Ready later, through the controller).
        MemoryClusterState fixedState = cluster(objects);
        fixedState.upsert(namespaceObject(u"ghost"_s));
        QVERIFY(!findFinding(evaluate(fixedState), u"tenant-namespace-missing"_s));
    }

    void tenantNotReadyWithReason()
    {
        QList<KubeObject> objects = controlPlane(modern(u"dynamic"_s));
        objects << namespaceObject(u"locked"_s)
                << fissionTenant(u"locked"_s, u"locked"_s,
                                 {condition(u"RBACProvisioned"_s, u"False"_s, u"ProvisioningFailed"_s,
                                            u"rolebindings.rbac.authorization.k8s.io is forbidden"_s),
                                  condition(u"Ready"_s, u"False"_s, u"ProvisioningFailed"_s)});
        objects += healthyTenant(u"locked"_s);
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto f = findFinding(findings, u"tenant-not-ready"_s, u"FissionTenant/locked"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Error);
        QVERIFY(f->explanation.contains(u"RoleBindings"_s));
        QVERIFY(f->explanation.contains(u"forbidden"_s));
        QCOMPARE(symptomIds(*f), QStringList{u"namespace-not-served"_s});
        QCOMPARE(fixOf<OpenLogsAction>(*f)->selector, u"svc=tenantcontroller"_s);
        // The namespace is pending onboarding, which is the tenant rule's business, not
        // namespace-not-watched's.
        QVERIFY(!findFinding(findings, u"namespace-not-watched"_s));
    }

    void tenantPendingThreshold()
    {
        QList<KubeObject> objects = controlPlane(modern(u"dynamic"_s));
        objects << namespaceObject(u"new"_s) << fissionTenant(u"new"_s, u"new"_s, {}, {}, testNow().addSecs(-5));
        const MemoryClusterState state = cluster(objects);
        FissionModel model(state);
        model.refresh(testNow());
        QVERIFY2(model.findings().isEmpty(), qPrintable(describe(model.findings())));
        QCOMPARE(model.nextRecheck(), testNow().addSecs(-5 + 60));
        const FindingsDiff diff = model.tick(testNow().addSecs(120)).findings;
        QCOMPARE(diff.added.size(), 1);
        QCOMPARE(diff.added.first().ruleId, u"tenant-not-ready"_s);
        QCOMPARE(diff.added.first().severity, Severity::Warning);
    }

    void tenantControllerDown()
    {
        QList<KubeObject> objects = controlPlane(modern(u"dynamic"_s, false));
        objects << namespaceObject(u"new"_s) << fissionTenant(u"new"_s, u"new"_s)
                << namespaceObject(u"labelled"_s, {{u"fission.io/enabled"_s, u"true"_s}});
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto controller = findFinding(findings, u"tenant-controller-unavailable"_s);
        QVERIFY2(controller, qPrintable(describe(findings)));
        QCOMPARE(controller->severity, Severity::Error);
        QVERIFY(controller->explanation.contains(u"svc=tenantcontroller"_s));
        const auto tenant = findFinding(findings, u"tenant-not-ready"_s, u"/new"_s);
        QVERIFY(tenant);
        QVERIFY(tenant->explanation.contains(u"tenant controller"_s));
        const auto label = findFinding(findings, u"namespace-label-without-tenant"_s, u"/labelled"_s);
        QVERIFY(label);
        QCOMPARE(label->severity, Severity::Error);
        QCOMPARE(fixOf<CreateTenantAction>(*label)->namespaceName, u"labelled"_s);
    }

    void labelWithoutTenantWhileControllerRuns()
    {
        QList<KubeObject> objects = controlPlane(modern(u"dynamic"_s));
        objects << namespaceObject(u"labelled"_s, {{u"fission.io/enabled"_s, u"true"_s}});
        const auto f = findFinding(evaluate(cluster(objects)), u"namespace-label-without-tenant"_s);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);

        // Once the controller made the tenant: nothing.
        objects << fissionTenant(u"labelled"_s, u"labelled"_s, {ready()}, u"label"_s);
        const QList<Finding> none = evaluate(cluster(objects));
        QVERIFY2(none.isEmpty(), qPrintable(describe(none)));
    }

    void staticWorldIgnoresTenantsAndLabels()
    {
        QList<KubeObject> objects = controlPlane(modern(u"static"_s, false));
        objects << namespaceObject(u"acme"_s, {{u"fission.io/enabled"_s, u"true"_s}})
                << fissionTenant(u"acme"_s, u"acme"_s);
        objects += healthyTenant(u"acme"_s);
        const QList<Finding> findings = evaluate(cluster(objects));
        const auto inert = findFinding(findings, u"tenant-inert"_s, u"/acme"_s);
        QVERIFY2(inert, qPrintable(describe(findings)));
        QVERIFY(inert->explanation.contains(u"static"_s));
        QCOMPARE(fixOf<OnboardAction>(*inert)->method, OnboardAction::Method::HelmUpgrade);
        // Not pending onboarding: static mode does not onboard; the namespace is simply not watched.
        QVERIFY(findFinding(findings, u"namespace-not-watched"_s, u"/acme"_s));
        QVERIFY(!findFinding(findings, u"tenant-not-ready"_s));
        QVERIFY(!findFinding(findings, u"tenant-controller-unavailable"_s));
        // The label has no tenant object... it has one (inert); a labelled namespace without any
        // tenant is reported too.
        objects << namespaceObject(u"other"_s, {{u"fission.io/enabled"_s, u"true"_s}});
        QVERIFY(findFinding(evaluate(cluster(objects)), u"namespace-label-without-tenant"_s, u"/other"_s));
    }

    void staticTenantForWatchedNamespaceIsHarmless()
    {
        ControlPlaneOptions o = modern(u"static"_s, false);
        o.additionalNamespaces = {u"acme"_s};
        QList<KubeObject> objects = controlPlane(o);
        objects << fissionTenant(u"acme"_s, u"acme"_s);
        objects += healthyTenant(u"acme"_s);
        const QList<Finding> findings = evaluate(cluster(objects));
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    }

    void legacyClusterWithoutTenantKind()
    {
        ControlPlaneOptions o;
        o.additionalNamespaces = {u"team-a"_s};
        MemoryClusterState state = cluster(controlPlane(o) + healthyTenant(u"team-a"_s));
        state.setNotServed(kinds::fissionTenants().gr);
        state.upsert(namespaceObject(u"labelled"_s, {{u"fission.io/enabled"_s, u"true"_s}}));
        const QList<Finding> findings = evaluate(state);
        // The label means nothing to 1.20: said once, with the Helm fix.
        QCOMPARE(findings.size(), 1);
        const auto f = findFinding(findings, u"namespace-label-without-tenant"_s, u"/labelled"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(fixOf<OnboardAction>(*f));
    }
};

QTEST_GUILESS_MAIN(TestTenancyRules)
#include "tst_rules_tenancy.moc"
