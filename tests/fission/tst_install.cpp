// Install detection: none / one / several control planes, version, tenancy world, the live
// watched set from templates and pods (rollouts), runtime tenancy membership, and the Helm
// release read from its storage Secrets through src/helm.
#include "FissionFixtures.h"

#include "fission/HelmStorageReader.h"
#include "fission/InstallDetection.h"
#include "helm/ReleaseDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

MemoryClusterState legacyCluster(const QStringList &additional = {u"team-a"_s})
{
    MemoryClusterState state;
    ControlPlaneOptions o;
    o.additionalNamespaces = additional;
    QList<KubeObject> objects = controlPlane(o);
    objects += healthyTenant(u"team-a"_s);
    fill(state, objects);
    state.setNotServed(kinds::fissionTenants().gr);
    state.setNotServed(kinds::functionVersions().gr);
    state.setNotServed(kinds::workflows().gr);
    return state;
}

// A release Secret as Helm stores it: data.release = base64(base64(gzip(JSON))).
KubeObject releaseSecret(const QString &ns, const QString &name, int revision, const QString &status,
                         const QStringList &additional, const QString &chartVersion = u"v1.20.5"_s)
{
    const QJsonObject release{
        {u"name"_s, name},
        {u"namespace"_s, ns},
        {u"version"_s, revision},
        {u"info"_s, QJsonObject{{u"status"_s, status},
                                {u"first_deployed"_s, u"2026-03-01T10:00:00Z"_s},
                                {u"last_deployed"_s, isoTime(testNow().addSecs(-3600 + revision * 60))},
                                {u"deleted"_s, QString()},
                                {u"description"_s, revision == 1 ? u"Install complete"_s : u"Upgrade complete"_s}}},
        {u"chart"_s, QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, u"fission-all"_s},
                                                             {u"version"_s, chartVersion},
                                                             {u"appVersion"_s, chartVersion}}},
                                 {u"values"_s, QJsonObject{{u"defaultNamespace"_s, u"default"_s},
                                                           {u"additionalFissionNamespaces"_s, QJsonArray{}},
                                                           {u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, false}}}}},
                                 {u"templates"_s, QJsonArray{}}}},
        {u"config"_s, QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray::fromStringList(additional)}}},
        {u"manifest"_s, u"---\n"_s}};
    const QByteArray helmText = fd::helm::encodeReleaseForStorage(QJsonDocument(release).toJson(QJsonDocument::Compact));
    Meta m;
    m.name = u"sh.helm.release.v1.%1.v%2"_s.arg(name).arg(revision);
    m.namespaceName = ns;
    m.labels = {{u"owner"_s, u"helm"_s}, {u"name"_s, name}, {u"status"_s, status}, {u"version"_s, QString::number(revision)}};
    return make(u"v1"_s, u"Secret"_s, m,
                QJsonObject{{u"type"_s, u"helm.sh/release.v1"_s},
                            {u"data"_s, QJsonObject{{u"release"_s, QString::fromLatin1(helmText.toBase64())}}}});
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownWithoutDeployments()
    {
        MemoryClusterState state;
        state.setForbidden(kinds::deployments().gr, u"deployments.apps is forbidden"_s);
        const InstallReport r = InstallDetector::detect(state);
        QCOMPARE(r.state, InstallReport::State::Unknown);
        QVERIFY(r.unknownReason.contains(u"forbidden"_s));
        QCOMPARE(r.serving(u"team-a"_s).state, NamespaceServing::State::Unknown);

        MemoryClusterState notSynced; // nothing listed yet
        QCOMPARE(InstallDetector::detect(notSynced).state, InstallReport::State::Unknown);
    }

    void partialDeploymentsWithoutControlPlaneIsUnknown()
    {
        MemoryClusterState state;
        fill(state, healthyTenant(u"default"_s));
        state.setCoverage(kinds::deployments().gr, KindCoverage{KindCoverage::State::Partial, {u"default"_s}, {}});
        QCOMPARE(InstallDetector::detect(state).state, InstallReport::State::Unknown);
    }

    void noneInstalled()
    {
        MemoryClusterState state;
        fill(state, unwatchedTenantContent(u"test"_s));
        const InstallReport r = InstallDetector::detect(state);
        QCOMPARE(r.state, InstallReport::State::None);
        QVERIFY(r.fissionKindsServed);
        QVERIFY(r.installs.isEmpty());
        QCOMPARE(r.serving(u"test"_s).state, NamespaceServing::State::NotWatched);

        MemoryClusterState bare;
        bare.markAllComplete();
        for (const KindInfo &k : kinds::tenantContentKinds())
            bare.setNotServed(k.gr);
        const InstallReport nothing = InstallDetector::detect(bare);
        QCOMPARE(nothing.state, InstallReport::State::None);
        QVERIFY(!nothing.fissionKindsServed);
    }

    void legacyInstall()
    {
        const MemoryClusterState state = legacyCluster();
        const InstallReport r = InstallDetector::detect(state);
        QCOMPARE(r.state, InstallReport::State::Single);
        const FissionInstall *i = r.primary();
        QVERIFY(i);
        QCOMPARE(i->releaseNamespace, u"fission"_s);
        QCOMPARE(i->releaseName, u"fission"_s);
        QCOMPARE(i->chartLabel, u"fission-all-v1.20.5"_s);
        QCOMPARE(i->chartVersion, u"1.20.5"_s);
        QCOMPARE(i->imageTag, u"v1.20.5"_s);
        QCOMPARE(i->version(), u"1.20.5"_s);
        QCOMPARE(i->world, TenancyWorld::Legacy);
        QVERIFY(!i->tenantKindServed);
        QVERIFY(!i->adoptExistingResources);
        QVERIFY(i->archivePrunerEnabled);
        QCOMPARE(i->components.size(), 8);
        QCOMPARE(i->consumers().size(), 7); // all but the webhook
        QCOMPARE(i->templateWatched(), (QStringList{u"default"_s, u"team-a"_s}));
        QCOMPARE(i->rolledByNamespaceChange(),
                 (QStringList{u"buildermgr"_s, u"executor"_s, u"kubewatcher"_s, u"mqtrigger-keda"_s, u"router"_s,
                              u"storagesvc"_s, u"timer"_s}));
        QVERIFY(i->component(u"executor"));
        QCOMPARE(i->component(u"executor")->pods.size(), 1);
        QVERIFY(i->component(u"executor")->podsOnOldEnv().isEmpty());
        QCOMPARE(r.serving(u"team-a"_s).state, NamespaceServing::State::Served);
        QCOMPARE(r.serving(u"default"_s).state, NamespaceServing::State::Served);
        const NamespaceServing test = r.serving(u"test"_s);
        QCOMPARE(test.state, NamespaceServing::State::NotWatched);
        QVERIFY(!test.inTemplateEnv);
        QCOMPARE(test.lackingComponents.size(), 7);
        // Deterministic: detecting twice gives the same report.
        QVERIFY(InstallDetector::detect(state) == r);
    }

    void modernWorlds_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("world");
        QTest::addRow("static") << u"static"_s << int(TenancyWorld::ModernStatic);
        QTest::addRow("dynamic") << u"dynamic"_s << int(TenancyWorld::Dynamic);
        QTest::addRow("cluster") << u"cluster"_s << int(TenancyWorld::Cluster);
        QTest::addRow("nonsense") << u"galactic"_s << int(TenancyWorld::Unknown);
    }
    void modernWorlds()
    {
        QFETCH(QString, mode);
        QFETCH(int, world);
        ControlPlaneOptions o;
        o.tenancyMode = mode;
        o.chartLabel = u"fission-all-1.27.0"_s;
        o.imageTag = u"v1.27.0"_s;
        o.tenantController = mode != u"static";
        MemoryClusterState state;
        fill(state, controlPlane(o));
        const InstallReport r = InstallDetector::detect(state);
        QCOMPARE(int(r.primary()->world), world);
        QCOMPARE(r.primary()->tenancyModeText, mode);
        QCOMPARE(r.primary()->chartVersion, u"1.27.0"_s);
        QVERIFY(r.primary()->tenantKindServed);
        QVERIFY(r.primary()->postTenantKinds);
        QCOMPARE(r.primary()->tenantControllerReady(), mode != u"static");
    }

    void dynamicMembership()
    {
        ControlPlaneOptions o;
        o.tenancyMode = u"dynamic"_s;
        o.tenantController = true;
        QList<KubeObject> objects = controlPlane(o);
        objects << fissionTenant(u"acme"_s, u"acme"_s, {condition(u"Ready"_s, u"True"_s, u"Onboarded"_s)})
                << fissionTenant(u"fresh"_s, u"fresh"_s)
                << namespaceObject(u"acme"_s) << namespaceObject(u"fresh"_s)
                << namespaceObject(u"labelled"_s, {{u"fission.io/enabled"_s, u"true"_s}})
                << namespaceObject(u"other"_s);
        MemoryClusterState state;
        fill(state, objects);
        const InstallReport r = InstallDetector::detect(state);
        const NamespaceServing acme = r.serving(u"acme"_s);
        QCOMPARE(acme.state, NamespaceServing::State::Served);
        QVERIFY(acme.viaTenant);
        QCOMPARE(r.serving(u"fresh"_s).state, NamespaceServing::State::PendingOnboarding);
        QCOMPARE(r.serving(u"labelled"_s).state, NamespaceServing::State::PendingOnboarding);
        QCOMPARE(r.serving(u"other"_s).state, NamespaceServing::State::NotWatched);
        QCOMPARE(r.serving(u"default"_s).state, NamespaceServing::State::Served); // env seed
        QVERIFY(!r.serving(u"default"_s).viaTenant);
        QVERIFY(r.primary()->allWatchedNamespaces().contains(u"fresh"_s));
    }

    void clusterEligibility()
    {
        ControlPlaneOptions o;
        o.tenancyMode = u"cluster"_s;
        o.tenantController = true;
        QList<KubeObject> objects = controlPlane(o);
        objects << namespaceObject(u"kube-system"_s) << namespaceObject(u"apps"_s)
                << namespaceObject(u"optout"_s, {{u"fission.io/enabled"_s, u"false"_s}})
                << fissionTenant(u"served"_s, u"served"_s, {condition(u"Ready"_s, u"True"_s, u"Onboarded"_s)}, u"label"_s)
                << namespaceObject(u"served"_s);
        MemoryClusterState state;
        fill(state, objects);
        const InstallReport report = InstallDetector::detect(state);
        const FissionInstall *i = report.primary();
        QVERIFY(i->clusterEligibleNamespaces.contains(u"apps"_s));
        QVERIFY(!i->clusterEligibleNamespaces.contains(u"kube-system"_s));
        QVERIFY(!i->clusterEligibleNamespaces.contains(u"optout"_s));
        QVERIFY(!i->clusterEligibleNamespaces.contains(u"fission"_s));
        QCOMPARE(i->serving(u"apps"_s).state, NamespaceServing::State::PendingOnboarding);
        QCOMPARE(i->serving(u"served"_s).state, NamespaceServing::State::Served);
        QCOMPARE(i->serving(u"optout"_s).state, NamespaceServing::State::NotWatched);
        QCOMPARE(i->serving(u"fission"_s).state, NamespaceServing::State::NotWatched);
    }

    void rolloutInProgress()
    {
        ControlPlaneOptions before;
        before.additionalNamespaces = {u"team-a"_s};
        ControlPlaneOptions after = before;
        after.additionalNamespaces = {u"team-a"_s, u"test"_s};
        QList<KubeObject> objects;
        // Every Deployment already carries the new list; the executor's pod still runs the old
        // one, the router has both (surge).
        for (const QString &c : controlPlaneComponents(after)) {
            objects.append(controlPlaneDeployment(after, c, 1, 0));
            if (c == u"executor") {
                objects.append(controlPlanePod(before, c, u"executor-old"_s));
            } else if (c == u"router") {
                objects.append(controlPlanePod(before, c, u"router-old"_s));
                objects.append(controlPlanePod(after, c, u"router-new"_s));
            } else {
                objects.append(controlPlanePod(after, c, {}));
            }
        }
        MemoryClusterState state;
        fill(state, objects);
        const InstallReport r = InstallDetector::detect(state);
        const FissionInstall *i = r.primary();
        QCOMPARE(i->component(u"executor")->podsOnOldEnv().size(), 1);
        QCOMPARE(i->component(u"router")->podsOnOldEnv().size(), 1);
        QCOMPARE(i->component(u"buildermgr")->podsOnOldEnv().size(), 0);
        const NamespaceServing test = r.serving(u"test"_s);
        QCOMPARE(test.state, NamespaceServing::State::PartiallyServed);
        QVERIFY(test.inTemplateEnv);
        QCOMPARE(test.lackingComponents, (QStringList{u"executor"_s, u"router"_s}));
        QVERIFY(test.servingComponents.contains(u"buildermgr"_s));
        QCOMPARE(r.serving(u"team-a"_s).state, NamespaceServing::State::Served);
    }

    void componentWithoutReadyPodsFallsBackToTemplate()
    {
        ControlPlaneOptions o;
        o.additionalNamespaces = {u"team-a"_s};
        QList<KubeObject> objects;
        for (const QString &c : controlPlaneComponents(o)) {
            objects.append(controlPlaneDeployment(o, c, c == u"executor" ? 0 : 1));
            if (c != u"executor")
                objects.append(controlPlanePod(o, c, {}));
        }
        MemoryClusterState state;
        fill(state, objects);
        const InstallReport r = InstallDetector::detect(state);
        QVERIFY(!r.primary()->component(u"executor")->hasReadyPods());
        QCOMPARE(r.serving(u"team-a"_s).state, NamespaceServing::State::Served);
    }

    void severalInstalls()
    {
        ControlPlaneOptions a;
        a.additionalNamespaces = {u"team-a"_s};
        ControlPlaneOptions b;
        b.releaseNamespace = u"fission-b"_s;
        b.releaseName = u"fission-b"_s;
        b.defaultNamespace = u"team-b"_s;
        MemoryClusterState state;
        fill(state, controlPlane(a) + controlPlane(b));
        const InstallReport r = InstallDetector::detect(state);
        QCOMPARE(r.state, InstallReport::State::Several);
        QCOMPARE(r.installs.size(), 2);
        QVERIFY(r.install(u"fission-b"));
        QCOMPARE(r.serving(u"team-b"_s).state, NamespaceServing::State::Served);
        QCOMPARE(r.serving(u"team-a"_s).state, NamespaceServing::State::Served);
        QCOMPARE(r.serving(u"nobody"_s).state, NamespaceServing::State::NotWatched);
    }

    void helmReleaseThroughReader()
    {
        MemoryClusterState state = legacyCluster();
        FakeHelmReader helm;
        helm.releases.append(helmRelease(u"fission"_s, u"fission"_s, 2, u"deployed"_s, u"default"_s, {u"team-a"_s}));
        const InstallReport r = InstallDetector::detect(state, &helm);
        QVERIFY(r.primary()->helm);
        QCOMPARE(r.primary()->helm->deployedRevision, 2);
        QCOMPARE(helm.reads, 1);
        // No reader: no release, still a complete report.
        QVERIFY(!InstallDetector::detect(state).primary()->helm);
    }

    void helmReleaseFromStorageSecrets()
    {
        MemoryClusterState state = legacyCluster();
        state.upsert(releaseSecret(u"fission"_s, u"fission"_s, 1, u"superseded"_s, {}));
        state.upsert(releaseSecret(u"fission"_s, u"fission"_s, 2, u"deployed"_s, {u"team-a"_s}));
        // Another release in the namespace does not disturb.
        state.upsert(releaseSecret(u"fission"_s, u"other"_s, 1, u"deployed"_s, {}));

        StoredHelmReleaseReader reader;
        const InstallReport r = InstallDetector::detect(state, &reader);
        QVERIFY(r.primary()->helm);
        const HelmReleaseInfo &h = *r.primary()->helm;
        QVERIFY2(h.decodeError.isEmpty(), qPrintable(h.decodeError));
        QCOMPARE(h.history.size(), 2);
        QCOMPARE(h.latestRevision, 2);
        QCOMPARE(h.latestStatus, u"deployed"_s);
        QCOMPARE(h.deployedRevision, 2);
        QCOMPARE(h.chartName, u"fission-all"_s);
        QCOMPARE(h.history.first().chart, u"fission-all-v1.20.5"_s);
        QVERIFY(h.deployedFacts);
        QCOMPARE(h.deployedFacts->defaultNamespace, u"default"_s); // chart default, coalesced
        QCOMPARE(h.deployedFacts->additionalNamespaces, QStringList{u"team-a"_s});
        QCOMPARE(h.deployedFacts->watchedNamespaces(), (QStringList{u"default"_s, u"team-a"_s}));
        QCOMPARE(h.deployedFacts->adoptExistingResources, std::optional<bool>(false));
        QVERIFY(!h.hasPendingOperation());
        QCOMPARE(reader.decodeCount(), 1);

        // Unchanged storage: no second decode.
        InstallDetector::detect(state, &reader);
        QCOMPARE(reader.decodeCount(), 1);

        // An upgrade starts: revision 3 pending-upgrade with the new list.
        state.upsert(releaseSecret(u"fission"_s, u"fission"_s, 3, u"pending-upgrade"_s, {u"team-a"_s, u"test"_s}));
        const InstallReport upgrading = InstallDetector::detect(state, &reader);
        QCOMPARE(reader.decodeCount(), 2);
        const HelmReleaseInfo &u = *upgrading.primary()->helm;
        QVERIFY(u.hasPendingOperation());
        QCOMPARE(u.deployedRevision, 2);
        QVERIFY(u.latestFacts);
        QCOMPARE(u.latestFacts->additionalNamespaces, (QStringList{u"team-a"_s, u"test"_s}));
        QVERIFY(!(upgrading == r));
    }

    void undecodableReleaseIsReported()
    {
        MemoryClusterState state = legacyCluster();
        Meta m;
        m.name = u"sh.helm.release.v1.fission.v1"_s;
        m.namespaceName = u"fission"_s;
        m.labels = {{u"owner"_s, u"helm"_s}, {u"name"_s, u"fission"_s}, {u"status"_s, u"deployed"_s}, {u"version"_s, u"1"_s}};
        state.upsert(make(u"v1"_s, u"Secret"_s, m,
                          QJsonObject{{u"type"_s, u"helm.sh/release.v1"_s},
                                      {u"data"_s, QJsonObject{{u"release"_s, u"bm90IGd6aXA="_s}}}}));
        StoredHelmReleaseReader reader;
        const InstallReport r = InstallDetector::detect(state, &reader);
        QVERIFY(r.primary()->helm);
        QVERIFY(!r.primary()->helm->decodeError.isEmpty());
        QVERIFY(!r.primary()->helm->deployedFacts);
    }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
