#include "FissionFixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

namespace {

QJsonObject tenant(const QString &name, const QString &ns)
{
    return {{u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"FissionTenant"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
            {u"spec"_s, QJsonObject{{u"namespace"_s, ns}}}};
}

QJsonObject conditionOf(const QJsonObject &object, const QString &type)
{
    for (const QJsonValue &value : object.value("status"_L1).toObject().value("conditions"_L1).toArray()) {
        if (value.toObject().value("type"_L1).toString() == type)
            return value.toObject();
    }
    return {};
}

QString tenantPath(const QString &name)
{
    return FissionFixture::fissionPath({}, u"fissiontenants"_s, name);
}

} // namespace

// main's tenant-lifecycle controller in dynamic mode, and the other components following the
// tenants live.
class TestFissionTenants : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tenantIsProvisioned();
    void componentsPickUpTheTenantWithoutRestart();
    void missingNamespaceAndRecovery();
    void labelledNamespaceOnboards();
    void deletionRunsTheCleanup();
    void clusterModeOnboardsEveryNamespace();
    void staticModeIgnoresTenants();

private:
    QString readyReason(const QString &name);

    std::unique_ptr<SimTestCluster> m_cluster;
    std::unique_ptr<FissionFixture> m_fission;
};

void TestFissionTenants::initTestCase()
{
    m_cluster = std::make_unique<SimTestCluster>(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    m_fission = std::make_unique<FissionFixture>(*m_cluster);
    QVERIFY(m_fission->installCrds(true, true));
    FissionFixture::ControlPlane plane;
    plane.image = u"ghcr.io/fission/fission-bundle:v1.27.0"_s;
    plane.tenancyMode = u"dynamic"_s;
    plane.tenantController = true;
    plane.internalAuth = true;
    QVERIFY(m_fission->installControlPlane(plane));
    QVERIFY(m_fission->createNamespace(u"team-x"_s));
}

QString TestFissionTenants::readyReason(const QString &name)
{
    return conditionOf(m_fission->get(tenantPath(name)), u"Ready"_s).value("reason"_L1).toString();
}

void TestFissionTenants::tenantIsProvisioned()
{
    QCOMPARE(m_fission->create(FissionFixture::fissionPath({}, u"fissiontenants"_s), tenant(u"team-x"_s, u"team-x"_s)).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(readyReason(u"team-x"_s), u"Onboarded"_s, 20000);
    const QJsonObject object = m_fission->get(tenantPath(u"team-x"_s));
    QVERIFY(object.value("metadata"_L1).toObject().value("finalizers"_L1).toArray().contains(u"fission.io/tenant-cleanup"_s));
    const QJsonObject ready = conditionOf(object, u"Ready"_s);
    QCOMPARE(ready.value("status"_L1).toString(), u"True"_s);
    QCOMPARE(ready.value("message"_L1).toString(), u"namespace \"team-x\" is onboarded"_s);
    QCOMPARE(ready.value("observedGeneration"_L1).toInt(), 1);
    QVERIFY(!ready.value("lastTransitionTime"_L1).toString().isEmpty());
    QCOMPARE(conditionOf(object, u"RBACProvisioned"_s).value("reason"_L1).toString(), u"RolesApplied"_s);
    QCOMPARE(conditionOf(object, u"ServiceAccountsReady"_s).value("status"_L1).toString(), u"True"_s);
    QCOMPARE(conditionOf(object, u"AuthKeyProvisioned"_s).value("reason"_L1).toString(), u"KeysDerived"_s);
    QCOMPARE(object.value("status"_L1).toObject().value("observedGeneration"_L1).toInt(), 1);
    for (const QString &account : {u"fission-fetcher"_s, u"fission-builder"_s})
        QVERIFY(m_fission->exists(u"/api/v1/namespaces/team-x/serviceaccounts/"_s + account));
    const auto bindings = m_fission->list(u"/apis/rbac.authorization.k8s.io/v1/namespaces/team-x/rolebindings"_s,
                                          u"app.kubernetes.io/managed-by=fission-tenant-controller"_s);
    QStringList names;
    for (const QJsonObject &binding : bindings)
        names.append(binding.value("metadata"_L1).toObject().value("name"_L1).toString());
    names.sort();
    QCOMPARE(names, (QStringList{u"fission-builder"_s, u"fission-buildermgr-workload"_s, u"fission-executor-workload"_s,
                                 u"fission-fetcher"_s, u"fission-fetcher-websocket"_s, u"fission-router-dataplane"_s}));
    const QJsonObject executorBinding =
        m_fission->get(u"/apis/rbac.authorization.k8s.io/v1/namespaces/team-x/rolebindings/fission-executor-workload"_s);
    QCOMPARE(executorBinding.value("roleRef"_L1).toObject().value("name"_L1).toString(), u"fission-executor-tenant-workload"_s);
    const QJsonObject subject = executorBinding.value("subjects"_L1).toArray().first().toObject();
    QCOMPARE(subject.value("name"_L1).toString(), u"fission-executor"_s);
    QCOMPARE(subject.value("namespace"_L1).toString(), u"fission"_s);
    const QJsonObject keys = m_fission->get(u"/api/v1/namespaces/team-x/secrets/fission-internal-auth-keys"_s);
    QCOMPARE(keys.value("data"_L1).toObject().keys(), (QStringList{u"builderKey"_s, u"fetcherKey"_s, u"storageKey"_s}));
    // The master never appears in what the controller writes.
    QVERIFY(!QJsonDocument(keys).toJson().contains(QByteArray("master-key-for-tests").toBase64()));
}

void TestFissionTenants::componentsPickUpTheTenantWithoutRestart()
{
    const auto executorsBefore = m_fission->list(u"/api/v1/namespaces/fission/pods"_s, u"svc=executor"_s);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"team-x"_s, u"environments"_s),
                               FissionFixture::environment(u"team-x"_s, u"nodejs"_s, u"fission/node-env"_s, {}, 1)).status,
             201);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"team-x"_s, u"packages"_s),
                               FissionFixture::deployPackage(u"team-x"_s, u"pkg"_s, u"nodejs"_s)).status,
             201);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"team-x"_s, u"functions"_s),
                               FissionFixture::function(u"team-x"_s, u"fn"_s, u"nodejs"_s, u"pkg"_s)).status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->list(u"/apis/apps/v1/namespaces/team-x/deployments"_s,
                                              u"executorType=poolmgr,environmentName=nodejs"_s).size(),
                              1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->invoke(u"/fission-function/team-x/fn"_s).status, 200, 20000);
    const auto executorsAfter = m_fission->list(u"/api/v1/namespaces/fission/pods"_s, u"svc=executor"_s);
    QCOMPARE(executorsAfter.size(), 1);
    QCOMPARE(executorsAfter.first().value("metadata"_L1).toObject().value("uid"_L1),
             executorsBefore.first().value("metadata"_L1).toObject().value("uid"_L1));
}

void TestFissionTenants::missingNamespaceAndRecovery()
{
    QCOMPARE(m_fission->create(FissionFixture::fissionPath({}, u"fissiontenants"_s), tenant(u"later"_s, u"later"_s)).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(readyReason(u"later"_s), u"NamespaceNotFound"_s, 20000);
    const QJsonObject ready = conditionOf(m_fission->get(tenantPath(u"later"_s)), u"Ready"_s);
    QCOMPARE(ready.value("status"_L1).toString(), u"False"_s);
    QCOMPARE(ready.value("message"_L1).toString(), u"namespace \"later\" does not exist"_s);
    QVERIFY(m_fission->createNamespace(u"later"_s));
    QTRY_COMPARE_WITH_TIMEOUT(readyReason(u"later"_s), u"Onboarded"_s, 20000);
    QVERIFY(m_fission->exists(u"/api/v1/namespaces/later/serviceaccounts/fission-fetcher"_s));
}

void TestFissionTenants::labelledNamespaceOnboards()
{
    QVERIFY(m_fission->createNamespace(u"labelled"_s, QJsonObject{{u"fission.io/enabled"_s, u"true"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(readyReason(u"labelled"_s), u"Onboarded"_s, 20000);
    const QJsonObject made = m_fission->get(tenantPath(u"labelled"_s));
    const QJsonObject metadata = made.value("metadata"_L1).toObject();
    QCOMPARE(metadata.value("annotations"_L1).toObject().value("fission.io/managed-by"_L1).toString(), u"label"_s);
    const QJsonObject owner = metadata.value("ownerReferences"_L1).toArray().first().toObject();
    QCOMPARE(owner.value("kind"_L1).toString(), u"Namespace"_s);
    QCOMPARE(owner.value("name"_L1).toString(), u"labelled"_s);
    QCOMPARE(made.value("spec"_L1).toObject().value("namespace"_L1).toString(), u"labelled"_s);
    // A namespace some tenant already covers gets no second one.
    QVERIFY(m_fission->update(u"/api/v1/namespaces/team-x"_s, [](QJsonObject &ns) {
        QJsonObject nsMetadata = ns.value("metadata"_L1).toObject();
        nsMetadata.insert(u"labels"_s, QJsonObject{{u"fission.io/enabled"_s, u"true"_s}});
        ns.insert(u"metadata"_s, nsMetadata);
    }));
    QVERIFY(m_fission->createNamespace(u"labelled-too"_s, QJsonObject{{u"fission.io/enabled"_s, u"true"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(readyReason(u"labelled-too"_s), u"Onboarded"_s, 20000);
    int coveringTeamX = 0;
    for (const QJsonObject &object : m_fission->list(FissionFixture::fissionPath({}, u"fissiontenants"_s))) {
        if (object.value("spec"_L1).toObject().value("namespace"_L1).toString() == "team-x"_L1)
            ++coveringTeamX;
    }
    QCOMPARE(coveringTeamX, 1);
}

void TestFissionTenants::deletionRunsTheCleanup()
{
    QVERIFY(m_fission->remove(tenantPath(u"later"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(!m_fission->exists(tenantPath(u"later"_s)), 20000);
    QVERIFY(m_fission->list(u"/apis/rbac.authorization.k8s.io/v1/namespaces/later/rolebindings"_s,
                            u"app.kubernetes.io/managed-by=fission-tenant-controller"_s).isEmpty());
    QVERIFY(!m_fission->exists(u"/api/v1/namespaces/later/serviceaccounts/fission-fetcher"_s));
    QVERIFY(!m_fission->exists(u"/api/v1/namespaces/later/secrets/fission-internal-auth-keys"_s));
    // The namespace itself and its own objects stay.
    QVERIFY(m_fission->exists(u"/api/v1/namespaces/later"_s));
    QVERIFY(m_fission->exists(u"/api/v1/namespaces/later/serviceaccounts/default"_s));
}

void TestFissionTenants::clusterModeOnboardsEveryNamespace()
{
    SimTestCluster cluster(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    FissionFixture fission(cluster);
    QVERIFY(fission.installCrds(true, true));
    QVERIFY(fission.createNamespace(u"apps"_s));
    FissionFixture::ControlPlane plane;
    plane.image = u"ghcr.io/fission/fission-bundle:v1.27.0"_s;
    plane.tenancyMode = u"cluster"_s;
    plane.tenantController = true;
    QVERIFY(fission.installControlPlane(plane));
    const auto reason = [&fission](const QString &name) {
        return conditionOf(fission.get(tenantPath(name)), u"Ready"_s).value("reason"_L1).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(reason(u"apps"_s), u"Onboarded"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(reason(u"default"_s), u"Onboarded"_s, 20000);
    // Cluster mode binds the control plane cluster-wide: no per-namespace executor binding.
    QVERIFY(fission.exists(u"/apis/rbac.authorization.k8s.io/v1/namespaces/apps/rolebindings/fission-fetcher"_s));
    QVERIFY(!fission.exists(u"/apis/rbac.authorization.k8s.io/v1/namespaces/apps/rolebindings/fission-executor-workload"_s));
    // No keys without internal auth.
    QVERIFY(conditionOf(fission.get(tenantPath(u"apps"_s)), u"AuthKeyProvisioned"_s).isEmpty());
    QVERIFY(!fission.exists(u"/api/v1/namespaces/apps/secrets/fission-internal-auth-keys"_s));
    // System namespaces and the release namespace stay out.
    for (const QString &excluded : {u"kube-system"_s, u"kube-public"_s, u"kube-node-lease"_s, u"fission"_s})
        QVERIFY2(!fission.exists(tenantPath(excluded)), qPrintable(excluded));
    // Opting out removes the controller-made tenant.
    QVERIFY(fission.update(u"/api/v1/namespaces/apps"_s, [](QJsonObject &ns) {
        QJsonObject nsMetadata = ns.value("metadata"_L1).toObject();
        nsMetadata.insert(u"labels"_s, QJsonObject{{u"fission.io/enabled"_s, u"false"_s}});
        ns.insert(u"metadata"_s, nsMetadata);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(!fission.exists(tenantPath(u"apps"_s)), 20000);
    QVERIFY(!fission.exists(u"/apis/rbac.authorization.k8s.io/v1/namespaces/apps/rolebindings/fission-fetcher"_s));
}

void TestFissionTenants::staticModeIgnoresTenants()
{
    SimTestCluster cluster(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    FissionFixture fission(cluster);
    QVERIFY(fission.installCrds(true, true));
    QVERIFY(fission.createNamespace(u"apps"_s));
    FissionFixture::ControlPlane plane;
    plane.image = u"ghcr.io/fission/fission-bundle:v1.27.0"_s;
    plane.tenancyMode = u"static"_s;
    QVERIFY(fission.installControlPlane(plane));
    // A tenant someone marked Ready by hand: static mode components do not look at it.
    QJsonObject ready = tenant(u"apps"_s, u"apps"_s);
    ready.insert(u"status"_s, QJsonObject{{u"conditions"_s, QJsonArray{QJsonObject{{u"type"_s, u"Ready"_s},
                                                                                  {u"status"_s, u"True"_s},
                                                                                  {u"reason"_s, u"Onboarded"_s}}}}});
    QCOMPARE(fission.create(FissionFixture::fissionPath({}, u"fissiontenants"_s), ready).status, 201);
    // The status subresource drops status on create; it is written separately.
    QJsonObject withStatus = fission.get(tenantPath(u"apps"_s));
    withStatus.insert(u"status"_s, ready.value("status"_L1));
    const QByteArray body = QJsonDocument(withStatus).toJson(QJsonDocument::Compact);
    QCOMPARE(fission.cluster().request("PUT", tenantPath(u"apps"_s) + u"/status"_s, body).status, 200);
    for (const QString &ns : {u"apps"_s, u"default"_s}) {
        QCOMPARE(fission.create(FissionFixture::fissionPath(ns, u"environments"_s),
                                FissionFixture::environment(ns, u"nodejs"_s, u"fission/node-env"_s, {}, 1)).status,
                 201);
    }
    QTRY_COMPARE_WITH_TIMEOUT(fission.list(u"/apis/apps/v1/namespaces/default/deployments"_s, u"executorType=poolmgr"_s).size(),
                              1, 20000);
    QVERIFY(fission.list(u"/apis/apps/v1/namespaces/apps/deployments"_s, u"executorType=poolmgr"_s).isEmpty());
    // Nothing reconciles the tenant either: no finalizer.
    QVERIFY(fission.get(tenantPath(u"apps"_s)).value("metadata"_L1).toObject().value("finalizers"_L1).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestFissionTenants)
#include "tst_tenants.moc"
