#include "FissionFixture.h"

#include "sim/cluster/SimCluster.h"
#include "sim/fission/ComponentInstance.h"
#include "sim/fission/ControlPlaneView.h"
#include "sim/fission/FissionSimulator.h"

#include <QTest>

using namespace fd::sim;
using namespace fd::sim::fission;
using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::SimTestCluster;

// How the simulated components find out who they are: the env of their own newest
// Running+Ready pod, nothing else.
class TestFissionControlPlane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seedNamespaces_data();
    void seedNamespaces();
    void namespaceRemapOnlyMovesDefault();
    void resolvesFieldAndSecretReferences();

    void initTestCase();
    void discoversComponentsFromTheirPods();
    void startupLogsNameTheWatchedNamespaces();
    void switchesOnlyAfterTheRollout();
    void stoppedComponentIsInactive();

private:
    QStringList watched(Component component);
    QString podUid(Component component);
    QString podOf(const QString &component);

    std::unique_ptr<SimTestCluster> m_cluster;
    std::unique_ptr<FissionFixture> m_fission;
};

namespace {

QJsonObject podWithEnv(const QJsonArray &env)
{
    return {{u"metadata"_s, QJsonObject{{u"name"_s, u"executor-1"_s}, {u"namespace"_s, u"fission"_s}, {u"uid"_s, u"u1"_s}}},
            {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"executor"_s},
                                                                             {u"args"_s, QJsonArray{u"--storageSvcUrl"_s, u"http://storagesvc.fission"_s}},
                                                                             {u"env"_s, env}}}}}},
            {u"status"_s, QJsonObject{{u"podIP"_s, u"10.244.0.7"_s}}}};
}

QJsonObject var(const QString &name, const QString &value)
{
    return {{u"name"_s, name}, {u"value"_s, value}};
}

} // namespace

void TestFissionControlPlane::seedNamespaces_data()
{
    QTest::addColumn<QString>("defaultNamespace");
    QTest::addColumn<QString>("resourceNamespaces");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("chart default") << u"default"_s << u"default"_s << QStringList{u"default"_s};
    QTest::addRow("additional") << u"default"_s << u"default,team-a,test"_s
                                << QStringList{u"default"_s, u"team-a"_s, u"test"_s};
    QTest::addRow("empty items skipped") << u"default"_s << u",team-a,,"_s << QStringList{u"default"_s, u"team-a"_s};
    QTest::addRow("default not repeated") << u"apps"_s << u"apps,apps,b"_s << QStringList{u"apps"_s, u"b"_s};
    QTest::addRow("both empty") << QString() << QString() << QStringList{u"default"_s};
    QTest::addRow("only resource list") << QString() << u"x"_s << QStringList{u"x"_s};
}

void TestFissionControlPlane::seedNamespaces()
{
    QFETCH(QString, defaultNamespace);
    QFETCH(QString, resourceNamespaces);
    QFETCH(QStringList, expected);
    const ComponentInstance instance = componentInstanceFromPod(
        podWithEnv({var(u"FISSION_DEFAULT_NAMESPACE"_s, defaultNamespace), var(u"FISSION_RESOURCE_NAMESPACES"_s, resourceNamespaces)}),
        {});
    QCOMPARE(instance.seedNamespaces(), expected);
    QVERIFY(instance.isActive());
    QCOMPARE(instance.tenancyMode(), TenancyMode::Legacy);
    QVERIFY(!instance.followsTenants());
}

void TestFissionControlPlane::namespaceRemapOnlyMovesDefault()
{
    const ComponentInstance remapped = componentInstanceFromPod(
        podWithEnv({var(u"FISSION_FUNCTION_NAMESPACE"_s, u"fission-function"_s), var(u"FISSION_BUILDER_NAMESPACE"_s, u"fission-builder"_s),
                    var(u"FISSION_TENANCY_MODE"_s, u"dynamic"_s)}),
        {});
    QCOMPARE(remapped.functionNamespaceFor(u"default"_s), u"fission-function"_s);
    QCOMPARE(remapped.builderNamespaceFor(u"default"_s), u"fission-builder"_s);
    QCOMPARE(remapped.functionNamespaceFor(u"team-a"_s), u"team-a"_s);
    QCOMPARE(remapped.builderNamespaceFor(u"team-a"_s), u"team-a"_s);
    QVERIFY(remapped.followsTenants());
    const ComponentInstance plain = componentInstanceFromPod(podWithEnv({var(u"FISSION_FUNCTION_NAMESPACE"_s, QString())}), {});
    QCOMPARE(plain.functionNamespaceFor(u"default"_s), u"default"_s);
    QCOMPARE(plain.argument(u"--storageSvcUrl"_s), u"http://storagesvc.fission"_s);
    QCOMPARE(plain.podIp, u"10.244.0.7"_s);
}

void TestFissionControlPlane::resolvesFieldAndSecretReferences()
{
    const QJsonArray env{
        QJsonObject{{u"name"_s, u"POD_NAMESPACE"_s},
                    {u"valueFrom"_s, QJsonObject{{u"fieldRef"_s, QJsonObject{{u"fieldPath"_s, u"metadata.namespace"_s}}}}}},
        QJsonObject{{u"name"_s, u"FISSION_INTERNAL_AUTH_SECRET"_s},
                    {u"valueFrom"_s, QJsonObject{{u"secretKeyRef"_s, QJsonObject{{u"name"_s, u"fission-internal-auth"_s},
                                                                               {u"key"_s, u"secret"_s}}}}}}};
    QString asked;
    const ComponentInstance instance = componentInstanceFromPod(
        podWithEnv(env), [&asked](const QString &kind, const QString &ns, const QString &name, const QString &key) {
            asked = kind + u" "_s + ns + u"/"_s + name + u":"_s + key;
            return std::optional<QString>(u"master"_s);
        });
    QCOMPARE(instance.value(u"POD_NAMESPACE"_s), u"fission"_s);
    QCOMPARE(instance.value(u"FISSION_INTERNAL_AUTH_SECRET"_s), u"master"_s);
    QCOMPARE(asked, u"/secrets fission/fission-internal-auth:secret"_s);
}

void TestFissionControlPlane::initTestCase()
{
    m_cluster = std::make_unique<SimTestCluster>(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    m_fission = std::make_unique<FissionFixture>(*m_cluster);
    QVERIFY(m_fission->installCrds());
    QVERIFY(m_fission->createNamespace(u"team-a"_s));
    QVERIFY(m_fission->installControlPlane({}));
}

QStringList TestFissionControlPlane::watched(Component component)
{
    QStringList result;
    m_cluster->host().run([&](SimCluster &cluster) { result = cluster.fission()->controlPlane()->watchedNamespaces(component); });
    return result;
}

QString TestFissionControlPlane::podUid(Component component)
{
    QString uid;
    m_cluster->host().run([&](SimCluster &cluster) { uid = cluster.fission()->controlPlane()->instance(component).podUid; });
    return uid;
}

QString TestFissionControlPlane::podOf(const QString &component)
{
    const auto pods = m_fission->list(u"/api/v1/namespaces/fission/pods"_s, u"svc="_s + component);
    return pods.isEmpty() ? QString() : pods.first().value("metadata"_L1).toObject().value("name"_L1).toString();
}

void TestFissionControlPlane::discoversComponentsFromTheirPods()
{
    for (Component component : allComponents()) {
        if (component == Component::TenantController) {
            QVERIFY(podUid(component).isEmpty()); // not installed: inactive
            continue;
        }
        QTRY_VERIFY_WITH_TIMEOUT(!podUid(component).isEmpty(), 20000);
        QCOMPARE(watched(component), QStringList{u"default"_s});
    }
    const auto pods = m_fission->list(u"/api/v1/namespaces/fission/pods"_s, u"svc=executor"_s);
    QCOMPARE(pods.size(), 1);
    QCOMPARE(podUid(Component::Executor), pods.first().value("metadata"_L1).toObject().value("uid"_L1).toString());
}

void TestFissionControlPlane::startupLogsNameTheWatchedNamespaces()
{
    const QString pod = podOf(u"executor"_s);
    QVERIFY(!pod.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_fission->logs(u"fission"_s, pod, u"executor"_s).contains(u"Starting executor"_s), 20000);
    const QString log = m_fission->logs(u"fission"_s, pod, u"executor"_s);
    QVERIFY2(log.contains(u"\"msg\":\"watching fission resource namespaces\",\"namespaces\":[\"default\"]"_s), qPrintable(log));
    QVERIFY2(log.contains(u"\"level\":\"info\""_s), qPrintable(log));
    // The router says the same about itself.
    QTRY_VERIFY_WITH_TIMEOUT(m_fission->logs(u"fission"_s, podOf(u"router"_s), u"router"_s).contains(u"starting router"_s), 20000);
}

void TestFissionControlPlane::switchesOnlyAfterTheRollout()
{
    const QString before = podUid(Component::Executor);
    QVERIFY(m_fission->setAdditionalNamespaces({u"team-a"_s}));
    QVERIFY(m_fission->waitForRollout());
    QTRY_COMPARE_WITH_TIMEOUT(watched(Component::Executor), (QStringList{u"default"_s, u"team-a"_s}), 20000);
    QVERIFY(podUid(Component::Executor) != before);
    QCOMPARE(watched(Component::Router), (QStringList{u"default"_s, u"team-a"_s}));
    QCOMPARE(watched(Component::BuilderManager), (QStringList{u"default"_s, u"team-a"_s}));
    const QString log = m_fission->logs(u"fission"_s, podOf(u"executor"_s), u"executor"_s);
    QVERIFY2(log.contains(u"\"namespaces\":[\"default\",\"team-a\"]"_s), qPrintable(log));
}

void TestFissionControlPlane::stoppedComponentIsInactive()
{
    QVERIFY(m_fission->scaleComponent(u"buildermgr"_s, 0));
    QTRY_VERIFY_WITH_TIMEOUT(podUid(Component::BuilderManager).isEmpty(), 20000);
    QVERIFY(watched(Component::BuilderManager).isEmpty());
    QVERIFY(m_fission->scaleComponent(u"buildermgr"_s, 1));
    QTRY_VERIFY_WITH_TIMEOUT(!podUid(Component::BuilderManager).isEmpty(), 20000);
}

QTEST_GUILESS_MAIN(TestFissionControlPlane)
#include "tst_controlplane.moc"
