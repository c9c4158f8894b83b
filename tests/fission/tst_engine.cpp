// The diagnostics engine and the incremental model: rules re-run only on the deltas that concern
// them, findings keep stable ids so "new", "resolved" and "changed" can be computed, incomplete
// evidence is said rather than guessed, and the JSON format is stable.
#include "RuleTestUtil.h"

#include "fission/FissionJson.h"
#include "kube/store/ObjectStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

ControlPlaneOptions options(const QStringList &additional = {u"team-a"_s})
{
    ControlPlaneOptions o;
    o.additionalNamespaces = additional;
    return o;
}

KubeObject failedPackage()
{
    PackageOptions p;
    p.sourceLiteral = u"UEsD"_s;
    p.buildStatus = u"failed"_s;
    p.buildLog = u"error: compile failed\n"_s;
    p.lastUpdate = testNow().addSecs(-600);
    return package(u"team-a"_s, u"broken"_s, p);
}

QList<KubeObject> classic()
{
    return controlPlane(options()) + healthyTenant(u"team-a"_s) + unwatchedTenantContent(u"test"_s)
        + QList<KubeObject>{failedPackage()};
}

void loadClassic(MemoryClusterState &state)
{
    fill(state, classic());
    state.setNotServed(kinds::fissionTenants().gr);
}

// What a `helm upgrade --set additionalFissionNamespaces={team-a,test}` leaves after the rollout:
// new templates, new pods (old ones gone).
ChangeSet rollOut(MemoryClusterState &state, const QStringList &additional)
{
    ChangeSet changes;
    const ControlPlaneOptions next = options(additional);
    for (const KubeObject &old : state.listInNamespace(kinds::pods(), u"fission"_s)) {
        state.remove(kinds::pods().gr, u"fission"_s, old.name());
        changes.add(kinds::pods().gr, old);
    }
    for (const QString &c : controlPlaneComponents(next)) {
        const KubeObject d = controlPlaneDeployment(next, c);
        const KubeObject p = controlPlanePod(next, c, c + u"-new-pod"_s);
        state.upsert(d);
        state.upsert(p);
        changes.add(d);
        changes.add(p);
    }
    return changes;
}

QStringList ids(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(f.id());
    return out;
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findingsResolveAfterOnboarding()
    {
        MemoryClusterState state;
        loadClassic(state);
        FissionModel model(state);
        const FissionModel::Update first = model.refresh(testNow());
        QVERIFY(first.installChanged);
        QCOMPARE(ids(first.findings.added),
                 (QStringList{u"namespace-not-watched:Namespace/test"_s, u"package-build-failed:fission.io/Package/team-a/broken"_s}));
        QCOMPARE(model.tenants().tenant(u"test"_s)->state, Tenant::State::NotWatched);

        // The upgrade rolls the control plane; buildermgr then builds the package in test.
        ChangeSet changes = rollOut(state, {u"team-a"_s, u"test"_s});
        PackageOptions built;
        built.sourceLiteral = u"UEsDBBQAAAAIAAAAIQBoZWxsbw=="_s;
        built.deploymentUrl = u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Fdeploy-test"_s;
        built.buildStatus = u"succeeded"_s;
        built.lastUpdate = testNow();
        const KubeObject pkg = package(u"test"_s, u"hello-pkg"_s, built);
        state.upsert(pkg);
        changes.add(pkg);
        const FissionModel::Update after = model.apply(changes, testNow().addSecs(60));
        QVERIFY(after.installChanged);
        QVERIFY(after.tenants.changed.contains(u"test"_s));
        QCOMPARE(model.tenants().tenant(u"test"_s)->state, Tenant::State::Served);
        QCOMPARE(ids(after.findings.resolved), QStringList{u"namespace-not-watched:Namespace/test"_s});
        QVERIFY2(after.findings.added.isEmpty(), qPrintable(describe(after.findings.added)));
        // The build failure stays.
        QCOMPARE(ids(model.findings()), QStringList{u"package-build-failed:fission.io/Package/team-a/broken"_s});
    }

    void changedContentKeepsTheId()
    {
        MemoryClusterState state;
        loadClassic(state);
        FissionModel model(state);
        model.refresh(testNow());
        FunctionOptions fo;
        fo.package = u"hello-pkg"_s;
        const KubeObject second = function(u"test"_s, u"second"_s, fo);
        state.upsert(second);
        ChangeSet changes;
        changes.add(second);
        const FindingsDiff diff = model.apply(changes, testNow()).findings;
        QVERIFY(diff.added.isEmpty());
        QVERIFY(diff.resolved.isEmpty());
        QCOMPARE(ids(diff.changed), QStringList{u"namespace-not-watched:Namespace/test"_s});
        QVERIFY(symptomIds(diff.changed.first()).count(u"router-404"_s) == 3);
    }

    void rerunsOnlyRulesThatDependOnTheChange()
    {
        MemoryClusterState state;
        loadClassic(state);
        FakeHelmReader helm;
        helm.releases.append(helmRelease(u"fission"_s, u"fission"_s, 1, u"deployed"_s, u"default"_s, {u"team-a"_s}));
        FissionModel model(state);
        model.setHelmReader(&helm);
        model.refresh(testNow());
        QCOMPARE(helm.reads, 1);

        // A function pod in a tenant namespace: no install re-detection, no Helm decoding, and only
        // the rules that read pods run.
        const KubeObject p = functionPod(u"team-a"_s, u"nodejs"_s, u"hello"_s, u"team-a-hello-uid"_s);
        state.upsert(p);
        ChangeSet podChange;
        podChange.add(p);
        const FissionModel::Update u = model.apply(podChange, testNow());
        QVERIFY(!u.installChanged);
        QCOMPARE(helm.reads, 1);
        const QStringList ran = model.engine().lastRun();
        QVERIFY(ran.contains(u"namespace-not-watched"_s));
        QVERIFY(ran.contains(u"builder-not-ready"_s));
        QVERIFY(!ran.contains(u"multiple-installs"_s));
        QVERIFY(!ran.contains(u"helm-values-drift"_s));
        QVERIFY(!ran.contains(u"function-missing-environment"_s));
        QVERIFY(!ran.contains(u"trigger-missing-function"_s));
        QVERIFY(u.findings.isEmpty());

        // A control-plane pod: the install is read again (Helm included), but it did not change.
        const KubeObject cp = controlPlanePod(options(), u"router"_s, u"router-second"_s);
        state.upsert(cp);
        ChangeSet cpChange;
        cpChange.add(cp);
        const FissionModel::Update v = model.apply(cpChange, testNow());
        QCOMPARE(helm.reads, 2);
        QVERIFY(v.installChanged); // a new pod is part of the report
        QVERIFY(model.engine().lastRun().contains(u"control-plane-rollout"_s));
    }

    void forbiddenKindGivesAGapNotAFalseFinding()
    {
        MemoryClusterState state;
        loadClassic(state);
        state.setForbidden(kinds::pods().gr, u"pods is forbidden: User \"dev\" cannot list resource \"pods\""_s);
        const QList<Finding> findings = evaluate(state);
        QVERIFY(!findFinding(findings, u"builder-not-ready"_s));
        QVERIFY(!findFinding(findings, u"package-build-stuck"_s));
        const auto gap = findFinding(findings, DiagnosticsEngine::evidenceIncompleteRuleId(), u"builder-not-ready"_s);
        QVERIFY2(gap, qPrintable(describe(findings)));
        QCOMPARE(gap->id(), u"evidence-incomplete:builder-not-ready"_s);
        QCOMPARE(gap->severity, Severity::Info);
        QVERIFY(gap->evidence.first().note.contains(u"forbidden"_s));
        // Rules that do not need pods still work.
        QVERIFY(findFinding(findings, u"package-build-failed"_s));
        QVERIFY(findFinding(findings, u"namespace-not-watched"_s));
    }

    void notSyncedKindKeepsPreviousFindings()
    {
        MemoryClusterState state;
        loadClassic(state);
        FissionModel model(state);
        model.refresh(testNow());
        QVERIFY(findFinding(model.findings(), u"package-build-failed"_s));
        // The package informer relists (not synced): no conclusions, nothing resolved.
        state.setCoverage(kinds::packages().gr, KindCoverage{});
        ChangeSet changes;
        changes.addKind(kinds::packages().gr);
        const FindingsDiff diff = model.apply(changes, testNow()).findings;
        QVERIFY2(diff.resolved.isEmpty(), qPrintable(describe(diff.resolved)));
        QVERIFY(findFinding(model.findings(), u"package-build-failed"_s));
    }

    void storeBackedStateAndDeltas()
    {
        fd::kube::ObjectStore environments;
        environments.replace({environment(u"team-a"_s, u"go"_s, {}, 3, u"10"_s), environment(u"team-b"_s, u"py"_s, {}, 3, u"11"_s)},
                             u"12"_s);
        fd::kube::ObjectStore pods;
        pods.replace({functionPod(u"team-a"_s, u"go"_s, u"f"_s, u"uid-1"_s)}, u"13"_s);
        StoreClusterState state;
        state.setStore(kinds::environments().gr, &environments, KindCoverage{KindCoverage::State::Complete, {}, {}});
        state.setStore(kinds::pods().gr, &pods, KindCoverage{KindCoverage::State::Partial, {u"team-a"_s}, u"forbidden"_s});
        QCOMPARE(state.list(kinds::environments()).size(), 2);
        QCOMPARE(state.listInNamespace(kinds::environments(), u"team-a"_s).size(), 1);
        QCOMPARE(state.listByLabel(kinds::pods(), u"functionUid"_s, u"uid-1"_s).size(), 1);
        QVERIFY(!state.get(kinds::environments(), u"team-b"_s, u"py"_s).isNull());
        QVERIFY(state.get(kinds::environments(), u"team-b"_s, u"nope"_s).isNull());
        QVERIFY(state.covers(kinds::pods(), u"team-a"_s));
        QVERIFY(!state.covers(kinds::pods(), u"team-b"_s));
        QCOMPARE(state.coverage(kinds::packages()).state, KindCoverage::State::Unknown);
        QVERIFY(state.list(kinds::packages()).isEmpty());

        // A relist's deltas become a ChangeSet: the namespaces touched, per kind.
        const QList<fd::kube::Delta> deltas = environments.replace({environment(u"team-a"_s, u"go"_s, {}, 3, u"20"_s)}, u"21"_s);
        QCOMPARE(deltas.size(), 2); // go modified, py deleted
        ChangeSet changes;
        changes.add(kinds::environments().gr, deltas);
        QVERIFY(changes.touches(kinds::environments().gr));
        QCOMPARE(changes.namespaces(kinds::environments().gr), (QSet<QString>{u"team-a"_s, u"team-b"_s}));
        QVERIFY(!changes.wholeKind(kinds::environments().gr));

        // And the model follows the store.
        FissionModel model(state);
        model.refresh(testNow());
        QCOMPARE(model.index().environments().items().size(), 1);
    }

    void diffSemantics()
    {
        Finding a;
        a.ruleId = u"r"_s;
        a.subject = u"Namespace/a"_s;
        a.title = u"A"_s;
        Finding b = a;
        b.subject = u"Namespace/b"_s;
        Finding a2 = a;
        a2.symptoms.append(Symptom{u"router-404"_s, {}, u"x"_s});
        const FindingsDiff d = diffFindings({a, b}, {a2});
        QCOMPARE(ids(d.changed), QStringList{u"r:Namespace/a"_s});
        QCOMPARE(ids(d.resolved), QStringList{u"r:Namespace/b"_s});
        QVERIFY(d.added.isEmpty());
        QVERIFY(diffFindings({a}, {a}).isEmpty());
    }

    void findingJson()
    {
        MemoryClusterState state;
        loadClassic(state);
        FakeHelmReader helm;
        helm.releases.append(helmRelease(u"fission"_s, u"fission"_s, 1, u"deployed"_s, u"default"_s, {u"team-a"_s}));
        FissionModel model(state);
        model.setHelmReader(&helm);
        model.refresh(testNow());
        const QJsonObject doc = json::findingList(model.findings(), testNow());
        QCOMPARE(doc.value(u"kind"_s).toString(), u"FindingList"_s);
        QCOMPARE(doc.value(u"version"_s).toInt(), 1);
        QCOMPARE(doc.value(u"evaluatedAt"_s).toString(), u"2026-03-02T12:00:00Z"_s);
        QCOMPARE(doc.value(u"counts"_s).toObject().value(u"error"_s).toInt(), 2);
        const QJsonArray findings = doc.value(u"findings"_s).toArray();
        QCOMPARE(findings.size(), 2);
        const QJsonObject first = findings.first().toObject();
        QCOMPARE(first.value(u"id"_s).toString(), u"namespace-not-watched:Namespace/test"_s);
        QCOMPARE(first.value(u"rule"_s).toString(), u"namespace-not-watched"_s);
        QCOMPARE(first.value(u"severity"_s).toString(), u"error"_s);
        const QJsonObject fix = first.value(u"fixes"_s).toArray().first().toObject();
        QCOMPARE(fix.value(u"type"_s).toString(), u"onboard"_s);
        QCOMPARE(fix.value(u"method"_s).toString(), u"helm-upgrade"_s);
        QCOMPARE(fix.value(u"world"_s).toString(), u"legacy"_s);
        QCOMPARE(fix.value(u"restarts"_s).toArray().size(), 7);
        QVERIFY(fix.value(u"coldStartsFunctions"_s).toBool());
        const QJsonArray symptoms = first.value(u"symptoms"_s).toArray();
        QVERIFY(!symptoms.isEmpty());
        QCOMPARE(symptoms.first().toObject().value(u"object"_s).toObject().value(u"group"_s).toString(), u"fission.io"_s);
        const QJsonObject evidence = first.value(u"evidence"_s).toArray().first().toObject();
        QCOMPARE(evidence.value(u"object"_s).toObject().value(u"kind"_s).toString(), u"Deployment"_s);
        QCOMPARE(evidence.value(u"object"_s).toObject().value(u"group"_s).toString(), u"apps"_s);
        QCOMPARE(evidence.value(u"fields"_s).toArray().first().toObject().value(u"path"_s).toString(),
                 u"spec.template.spec.containers[buildermgr].env.FISSION_RESOURCE_NAMESPACES"_s);

        const QJsonObject second = findings.at(1).toObject();
        QCOMPARE(second.value(u"rule"_s).toString(), u"package-build-failed"_s);
        QStringList fixTypes;
        for (const QJsonValue v : second.value(u"fixes"_s).toArray())
            fixTypes.append(v.toObject().value(u"type"_s).toString());
        QCOMPARE(fixTypes, (QStringList{u"rebuild-package"_s, u"open-logs"_s}));

        // Same input, same bytes.
        QCOMPARE(QJsonDocument(json::findingList(model.findings(), testNow())).toJson(), QJsonDocument(doc).toJson());

        const QJsonObject changes = json::findingChanges(diffFindings(model.findings(), {}), testNow());
        QCOMPARE(changes.value(u"kind"_s).toString(), u"FindingChanges"_s);
        QCOMPARE(changes.value(u"resolved"_s).toArray().size(), 2);
    }

    void tenantAndInstallJson()
    {
        MemoryClusterState state;
        loadClassic(state);
        FakeHelmReader helm;
        HelmReleaseInfo r = helmRelease(u"fission"_s, u"fission"_s, 1, u"deployed"_s, u"default"_s, {u"team-a"_s});
        r.deployedUserValues = QJsonObject{{u"internalAuth"_s, QJsonObject{{u"secret"_s, u"s3cr3t-value"_s}}}};
        helm.releases.append(r);
        FissionModel model(state);
        model.setHelmReader(&helm);
        model.refresh(testNow());
        const QJsonObject doc = json::tenantList(model.install(), model.tenants().tenants().values());
        QCOMPARE(doc.value(u"kind"_s).toString(), u"TenantList"_s);
        const QJsonObject install = doc.value(u"install"_s).toObject();
        QCOMPARE(install.value(u"state"_s).toString(), u"single"_s);
        const QJsonObject i = install.value(u"installs"_s).toArray().first().toObject();
        QCOMPARE(i.value(u"version"_s).toString(), u"1.20.5"_s);
        QCOMPARE(i.value(u"world"_s).toString(), u"legacy"_s);
        QCOMPARE(i.value(u"watchedNamespaces"_s).toArray().size(), 2);
        QCOMPARE(i.value(u"components"_s).toArray().size(), 8);
        QCOMPARE(i.value(u"helm"_s).toObject().value(u"deployedRevision"_s).toInt(), 1);
        // Helm values never reach the output.
        QVERIFY(!QJsonDocument(doc).toJson().contains("s3cr3t-value"));

        const QJsonArray tenants = doc.value(u"tenants"_s).toArray();
        QCOMPARE(tenants.size(), 3);
        const QJsonObject test = tenants.at(2).toObject();
        QCOMPARE(test.value(u"namespace"_s).toString(), u"test"_s);
        QCOMPARE(test.value(u"state"_s).toString(), u"not-watched"_s);
        QCOMPARE(test.value(u"counts"_s).toObject().value(u"Function"_s).toInt(), 1);
        QCOMPARE(test.value(u"objectCount"_s).toInt(), 4);
        QVERIFY(test.value(u"namespaceExists"_s).toBool());
        QCOMPARE(test.value(u"serving"_s).toObject().value(u"lackingComponents"_s).toArray().size(), 7);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
