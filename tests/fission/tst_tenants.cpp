// The tenant model: which namespaces are tenants, their state (served, not watched, partially
// served, pending onboarding, terminating, missing namespace), counts by kind, and incremental
// updates per namespace.
#include "FissionFixtures.h"

#include "fission/InstallDetection.h"
#include "fission/TenantModel.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

QList<KubeObject> legacyObjects()
{
    ControlPlaneOptions o;
    o.additionalNamespaces = {u"team-a"_s};
    return controlPlane(o) + healthyTenant(u"team-a"_s) + unwatchedTenantContent(u"test"_s);
}

MemoryClusterState legacyState()
{
    MemoryClusterState state;
    fill(state, legacyObjects());
    state.setNotServed(kinds::fissionTenants().gr);
    return state;
}

} // namespace

class TestTenants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void legacyTree()
    {
        const MemoryClusterState state = legacyState();
        const InstallReport install = InstallDetector::detect(state);
        TenantModel model;
        const TenantModel::Change change = model.rebuild(state, install);
        QCOMPARE(change.added, (QStringList{u"default"_s, u"team-a"_s, u"test"_s}));
        QCOMPARE(model.tenants().keys(), (QStringList{u"default"_s, u"team-a"_s, u"test"_s}));

        const Tenant *def = model.tenant(u"default"_s);
        QCOMPARE(def->state, Tenant::State::Served);
        QVERIFY(def->inWatchedSet);
        QVERIFY(!def->holdsObjects);
        QCOMPARE(def->objectCount(), 0);

        const Tenant *teamA = model.tenant(u"team-a"_s);
        QCOMPARE(teamA->state, Tenant::State::Served);
        QCOMPARE(teamA->counts.value(u"Environment"_s), 1);
        QCOMPARE(teamA->counts.value(u"Package"_s), 1);
        QCOMPARE(teamA->counts.value(u"Function"_s), 1);
        QCOMPARE(teamA->counts.value(u"HTTPTrigger"_s), 1);
        QCOMPARE(teamA->counts.value(u"TimeTrigger"_s), 1);
        QCOMPARE(teamA->objectCount(), 5);
        QVERIFY(teamA->namespaceKnown);
        QVERIFY(teamA->namespaceExists);

        const Tenant *test = model.tenant(u"test"_s);
        QCOMPARE(test->state, Tenant::State::NotWatched);
        QVERIFY(!test->inWatchedSet);
        QVERIFY(test->holdsObjects);
        QCOMPARE(test->objectCount(), 4);

        // The release namespace holds no Fission objects and is not watched: no tenant.
        QVERIFY(!model.tenant(u"fission"_s));
        // Rebuilding without changes reports nothing.
        QVERIFY(model.rebuild(state, install).isEmpty());
    }

    void incrementalUpdate()
    {
        MemoryClusterState state = legacyState();
        const InstallReport install = InstallDetector::detect(state);
        TenantModel model;
        model.rebuild(state, install);

        FunctionOptions f;
        f.package = u"hello-pkg"_s;
        state.upsert(function(u"team-a"_s, u"second"_s, f));
        TenantModel::Change change = model.update(state, install, {u"team-a"_s});
        QCOMPARE(change.changed, QStringList{u"team-a"_s});
        QVERIFY(change.added.isEmpty() && change.removed.isEmpty());
        QCOMPARE(model.tenant(u"team-a"_s)->counts.value(u"Function"_s), 2);

        // A namespace that gains objects becomes a tenant; one that loses all stops being one.
        state.upsert(environment(u"fresh"_s, u"python"_s));
        state.upsert(namespaceObject(u"fresh"_s));
        for (const KubeObject &o : state.listInNamespace(kinds::environments(), u"test"_s))
            state.remove(kinds::environments().gr, u"test"_s, o.name());
        for (const KindInfo &k : kinds::tenantContentKinds()) {
            for (const KubeObject &o : state.listInNamespace(k, u"test"_s))
                state.remove(k.gr, u"test"_s, o.name());
        }
        change = model.update(state, install, {u"fresh"_s, u"test"_s});
        QCOMPARE(change.added, QStringList{u"fresh"_s});
        QCOMPARE(change.removed, QStringList{u"test"_s});
        QCOMPARE(model.tenant(u"fresh"_s)->state, Tenant::State::NotWatched);

        // An untouched namespace is not recomputed into a change.
        QVERIFY(model.update(state, install, {u"default"_s}).isEmpty());
    }

    void rolloutMakesPartiallyServed()
    {
        ControlPlaneOptions before;
        ControlPlaneOptions after;
        after.additionalNamespaces = {u"test"_s};
        QList<KubeObject> objects = unwatchedTenantContent(u"test"_s);
        for (const QString &c : controlPlaneComponents(after)) {
            objects.append(controlPlaneDeployment(after, c, 1, 0));
            objects.append(controlPlanePod(c == u"router"_s ? before : after, c, {}));
        }
        MemoryClusterState state;
        fill(state, objects);
        TenantModel model;
        model.rebuild(state, InstallDetector::detect(state));
        const Tenant *test = model.tenant(u"test"_s);
        QCOMPARE(test->state, Tenant::State::PartiallyServed);
        QCOMPARE(test->serving.lackingComponents, QStringList{u"router"_s});
        QVERIFY(test->inWatchedSet);
    }

    void modernStates()
    {
        ControlPlaneOptions o;
        o.tenancyMode = u"dynamic"_s;
        o.tenantController = true;
        o.chartLabel = u"fission-all-1.27.0"_s;
        QList<KubeObject> objects = controlPlane(o);
        objects << fissionTenant(u"acme"_s, u"acme"_s, {condition(u"Ready"_s, u"True"_s, u"Onboarded"_s)}, u"helm"_s)
                << fissionTenant(u"ghost"_s, u"ghost"_s, {condition(u"Ready"_s, u"False"_s, u"NamespaceNotFound"_s)})
                << fissionTenant(u"fresh"_s, u"fresh"_s)
                << namespaceObject(u"acme"_s) << namespaceObject(u"fresh"_s)
                << namespaceObject(u"labelled"_s, {{u"fission.io/enabled"_s, u"true"_s}})
                << namespaceObject(u"leaving"_s, {}, true);
        objects += healthyTenant(u"acme"_s);
        objects << environment(u"leaving"_s, u"go"_s);
        MemoryClusterState state;
        fill(state, objects);
        TenantModel model;
        model.rebuild(state, InstallDetector::detect(state));

        QCOMPARE(model.tenant(u"acme"_s)->state, Tenant::State::Served);
        QVERIFY(model.tenant(u"acme"_s)->serving.viaTenant);
        QCOMPARE(model.tenant(u"acme"_s)->tenantObjects, QStringList{u"acme"_s});
        QCOMPARE(model.tenant(u"ghost"_s)->state, Tenant::State::MissingNamespace);
        QVERIFY(!model.tenant(u"ghost"_s)->namespaceExists);
        QCOMPARE(model.tenant(u"fresh"_s)->state, Tenant::State::PendingOnboarding);
        QCOMPARE(model.tenant(u"labelled"_s)->state, Tenant::State::PendingOnboarding);
        QCOMPARE(model.tenant(u"labelled"_s)->enabledLabel.value_or(QString()), u"true"_s);
        QCOMPARE(model.tenant(u"leaving"_s)->state, Tenant::State::Terminating);
        QVERIFY(model.tenant(u"leaving"_s)->namespaceTerminating);
    }

    void namespacesNotReadable()
    {
        MemoryClusterState state = legacyState();
        state.setForbidden(kinds::namespaces().gr);
        TenantModel model;
        model.rebuild(state, InstallDetector::detect(state));
        const Tenant *test = model.tenant(u"test"_s);
        QVERIFY(!test->namespaceKnown);
        QVERIFY(test->namespaceExists); // assumed: objects live in it
        QCOMPARE(test->state, Tenant::State::NotWatched);
    }

    void unknownInstall()
    {
        MemoryClusterState state = legacyState();
        state.setForbidden(kinds::deployments().gr);
        TenantModel model;
        model.rebuild(state, InstallDetector::detect(state));
        QCOMPARE(model.tenant(u"test"_s)->state, Tenant::State::Unknown);
        QCOMPARE(model.tenant(u"team-a"_s)->state, Tenant::State::Unknown);
        QCOMPARE(tenantStateId(Tenant::State::Unknown), u"unknown"_s);
    }
};

QTEST_GUILESS_MAIN(TestTenants)
#include "tst_tenants.moc"
