#include "FissionFixture.h"

#include "sim/fission/FissionNames.h"

#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

namespace {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

QString nameOf(const QJsonObject &object)
{
    return metadataOf(object).value("name"_L1).toString();
}

QString uidOf(const QJsonObject &object)
{
    return metadataOf(object).value("uid"_L1).toString();
}

bool podReady(const QJsonObject &pod)
{
    for (const QJsonValue &condition : pod.value("status"_L1).toObject().value("conditions"_L1).toArray()) {
        const QJsonObject c = condition.toObject();
        if (c.value("type"_L1).toString() == "Ready"_L1)
            return c.value("status"_L1).toString() == "True"_L1;
    }
    return false;
}

} // namespace

// The executor: pools of warm pods per Environment, specialization on the first request,
// idle reaping, newdeploy Deployments, and what a new executor instance does to the objects
// of the old one.
class TestFissionExecutor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names();
    void initTestCase();
    void poolPerEnvironment();
    void serviceAccountCheckCreatesAccounts();
    void firstRequestSpecializesAWarmPod();
    void idleFunctionLosesItsPod();
    void newExecutorInstanceDeletesOldObjects();
    void newdeployFunctionScalesOnDemand();
    void adoptingExecutorKeepsFunctionPods();

private:
    QList<QJsonObject> pods(const QString &selector, const QString &ns = u"default"_s);
    QList<QJsonObject> pools(const QString &env, const QString &ns = u"default"_s);
    void createEnvWithFunction(FissionFixture &fission, const QString &env, const QString &fn, int idleTimeout = -1);

    std::unique_ptr<SimTestCluster> m_cluster;
    std::unique_ptr<FissionFixture> m_fission;
};

void TestFissionExecutor::names()
{
    using namespace fd::sim::fission;
    QCOMPARE(poolDeploymentName(u"nodejs"_s, u"default"_s, u"1234"_s), u"poolmgr-nodejs-default-1234"_s);
    QCOMPARE(poolDeploymentName(u"Python-Env"_s, u"Team"_s, u"9"_s), u"poolmgr-python-env-team-9"_s);
    // 20 + 17 characters reach 37: each is cut to 18.
    QCOMPARE(poolDeploymentName(u"a-very-long-env-name"_s, u"a-long-namespace1"_s, u"77"_s),
             u"poolmgr-a-very-long-env-na-a-long-namespace1-77"_s);
    QCOMPARE(functionObjectName(u"newdeploy"_s, u"hello"_s, u"default"_s, u"0b6f6a3e-5b3a-4c3e-9d1e-2c6f1d2b8a11"_s),
             u"newdeploy-hello-default-9d1e-2c6f1d2b8a11"_s);
    QCOMPARE(functionObjectName(u"newdeploy"_s, u"a-function-with-long-name"_s, u"namespace-also-long"_s, u"abc"_s),
             u"newdeploy-a-function-with-l-namespace-also-lo-abc"_s);
    QCOMPARE(builderName(u"go"_s, u"4711"_s), u"go-4711"_s);
}

void TestFissionExecutor::initTestCase()
{
    m_cluster = std::make_unique<SimTestCluster>(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    m_fission = std::make_unique<FissionFixture>(*m_cluster);
    QVERIFY(m_fission->installCrds());
    QVERIFY(m_fission->installControlPlane({}));
}

QList<QJsonObject> TestFissionExecutor::pods(const QString &selector, const QString &ns)
{
    return m_fission->list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns), selector);
}

QList<QJsonObject> TestFissionExecutor::pools(const QString &env, const QString &ns)
{
    return m_fission->list(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(ns),
                           u"executorType=poolmgr,environmentName="_s + env);
}

void TestFissionExecutor::createEnvWithFunction(FissionFixture &fission, const QString &env, const QString &fn,
                                                int idleTimeout)
{
    QCOMPARE(fission.create(FissionFixture::fissionPath(u"default"_s, u"environments"_s),
                            FissionFixture::environment(u"default"_s, env, u"fission/node-env"_s, {}, 2)).status,
             201);
    QCOMPARE(fission.create(FissionFixture::fissionPath(u"default"_s, u"packages"_s),
                            FissionFixture::deployPackage(u"default"_s, fn + u"-pkg"_s, env)).status,
             201);
    QJsonObject function = FissionFixture::function(u"default"_s, fn, env, fn + u"-pkg"_s);
    if (idleTimeout >= 0) {
        QJsonObject spec = function.value("spec"_L1).toObject();
        spec.insert(u"idletimeout"_s, idleTimeout);
        function.insert(u"spec"_s, spec);
    }
    QCOMPARE(fission.create(FissionFixture::fissionPath(u"default"_s, u"functions"_s), function).status, 201);
}

void TestFissionExecutor::poolPerEnvironment()
{
    createEnvWithFunction(*m_fission, u"nodejs"_s, u"hello"_s);
    const QJsonObject env = m_fission->get(FissionFixture::fissionPath(u"default"_s, u"environments"_s, u"nodejs"_s));
    QTRY_COMPARE_WITH_TIMEOUT(pools(u"nodejs"_s).size(), 1, 20000);
    const QJsonObject pool = pools(u"nodejs"_s).first();
    QCOMPARE(nameOf(pool), u"poolmgr-nodejs-default-"_s + metadataOf(env).value("resourceVersion"_L1).toString());
    const QJsonObject labels = metadataOf(pool).value("labels"_L1).toObject();
    QCOMPARE(labels.value("environmentNamespace"_L1).toString(), u"default"_s);
    QCOMPARE(labels.value("environmentUid"_L1).toString(), uidOf(env));
    QCOMPARE(labels.value("managed"_L1).toString(), u"true"_s);
    QCOMPARE(metadataOf(pool).value("annotations"_L1).toObject().value("executorInstanceId"_L1).toString().size(), 8);
    QCOMPARE(pool.value("spec"_L1).toObject().value("replicas"_L1).toInt(), 2);
    const QJsonObject podSpec = pool.value("spec"_L1).toObject().value("template"_L1).toObject().value("spec"_L1).toObject();
    QCOMPARE(podSpec.value("serviceAccountName"_L1).toString(), u"fission-fetcher"_s);
    const QJsonArray containers = podSpec.value("containers"_L1).toArray();
    QCOMPARE(containers.size(), 2);
    QCOMPARE(containers.at(0).toObject().value("name"_L1).toString(), u"nodejs"_s);
    QCOMPARE(containers.at(1).toObject().value("name"_L1).toString(), u"fetcher"_s);
    // Warm pods, Ready, without an instance id until one is chosen.
    QTRY_VERIFY_WITH_TIMEOUT(pods(u"environmentName=nodejs,managed=true"_s).size() == 2
                                 && podReady(pods(u"environmentName=nodejs,managed=true"_s).first())
                                 && podReady(pods(u"environmentName=nodejs,managed=true"_s).last()),
                             20000);
    QVERIFY(!metadataOf(pods(u"environmentName=nodejs,managed=true"_s).first()).value("annotations"_L1).toObject().contains(
        "executorInstanceId"_L1));
}

void TestFissionExecutor::serviceAccountCheckCreatesAccounts()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_fission->exists(u"/api/v1/namespaces/default/serviceaccounts/fission-fetcher"_s), 20000);
    QVERIFY(m_fission->exists(u"/api/v1/namespaces/default/serviceaccounts/fission-builder"_s));
}

void TestFissionExecutor::firstRequestSpecializesAWarmPod()
{
    const QJsonObject function = m_fission->get(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"hello"_s));
    const QString uid = uidOf(function);
    QVERIFY(pods(u"functionUid="_s + uid).isEmpty());
    const HttpResult answer = m_fission->invoke(u"/fission-function/hello"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("Hello, world!\n"));
    const auto specialized = pods(u"functionUid="_s + uid);
    QCOMPARE(specialized.size(), 1);
    const QJsonObject pod = specialized.first();
    const QJsonObject labels = metadataOf(pod).value("labels"_L1).toObject();
    QCOMPARE(labels.value("functionName"_L1).toString(), u"hello"_s);
    QCOMPARE(labels.value("functionNamespace"_L1).toString(), u"default"_s);
    QCOMPARE(labels.value("managed"_L1).toString(), u"false"_s);
    QCOMPARE(labels.value("executorType"_L1).toString(), u"poolmgr"_s);
    const QJsonObject annotations = metadataOf(pod).value("annotations"_L1).toObject();
    QCOMPARE(annotations.value("executorInstanceId"_L1).toString(),
             metadataOf(pools(u"nodejs"_s).first()).value("annotations"_L1).toObject().value("executorInstanceId"_L1).toString());
    QCOMPARE(annotations.value("svcHost"_L1).toString(), pod.value("status"_L1).toObject().value("podIP"_L1).toString() + u":8888"_s);
    QCOMPARE(annotations.value("functionResourceVersion"_L1).toString(),
             metadataOf(function).value("resourceVersion"_L1).toString());
    // It left the pool; the pool's ReplicaSet made a new warm pod.
    QVERIFY(metadataOf(pod).value("ownerReferences"_L1).toArray().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(pods(u"environmentName=nodejs,managed=true"_s).size(), 2, 20000);
    // A second request reuses it, and the function logged both.
    QCOMPARE(m_fission->invoke(u"/fission-function/hello/sub?x=1"_s).status, 200);
    QCOMPARE(pods(u"functionUid="_s + uid).size(), 1);
    const QString log = m_fission->logs(u"default"_s, nameOf(pod), u"nodejs"_s);
    QVERIFY2(log.contains(u"\"GET / HTTP/1.1\" 200 14"_s) && log.contains(u"\"GET /sub HTTP/1.1\" 200"_s), qPrintable(log));
    QVERIFY(m_fission->logs(u"default"_s, nameOf(pod), u"fetcher"_s).contains(u"specialize request done"_s));
}

void TestFissionExecutor::idleFunctionLosesItsPod()
{
    createEnvWithFunction(*m_fission, u"python"_s, u"brief"_s, 1);
    const QString uid = uidOf(m_fission->get(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"brief"_s)));
    const auto executorLog = [this] {
        const auto executors = pods(u"svc=executor"_s, u"fission"_s);
        return executors.isEmpty() ? QString() : m_fission->logs(u"fission"_s, nameOf(executors.first()), u"executor"_s);
    };
    const auto specializations = [&executorLog] {
        int count = 0;
        for (const QString &line : executorLog().split(QLatin1Char('\n'))) {
            if (line.contains(u"\"msg\":\"chose pod\""_s) && line.contains(u"\"functionName\":\"brief\""_s))
                ++count;
        }
        return count;
    };
    QCOMPARE(m_fission->invoke(u"/fission-function/brief"_s).status, 200);
    QCOMPARE(specializations(), 1);
    // idletimeout: 1 s, then the reaper releases the pod.
    QTRY_VERIFY_WITH_TIMEOUT(pods(u"functionUid="_s + uid).isEmpty()
                                 && executorLog().contains(u"\"msg\":\"release idle function resources\",\"function\":\"brief\""_s),
                             20000);
    // The next request cold-starts again: another warm pod is specialized.
    QCOMPARE(m_fission->invoke(u"/fission-function/brief"_s).status, 200);
    QCOMPARE(specializations(), 2);
}

void TestFissionExecutor::newExecutorInstanceDeletesOldObjects()
{
    const QString uid = uidOf(m_fission->get(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"hello"_s)));
    if (pods(u"functionUid="_s + uid).isEmpty())
        QCOMPARE(m_fission->invoke(u"/fission-function/hello"_s).status, 200);
    const QString specializedPod = uidOf(pods(u"functionUid="_s + uid).first());
    const QJsonObject oldPool = pools(u"nodejs"_s).first();
    const QString oldInstance = metadataOf(oldPool).value("annotations"_L1).toObject().value("executorInstanceId"_L1).toString();
    QSet<QString> oldWarm;
    for (const QJsonObject &pod : pods(u"environmentName=nodejs,managed=true"_s))
        oldWarm.insert(uidOf(pod));
    // Any pod-template change restarts the executor (a helm upgrade does exactly this).
    QVERIFY(m_fission->updateComponentEnv(u"executor"_s, u"DEBUG_ENV"_s, u"true"_s));
    QVERIFY(m_fission->waitForRollout());
    QTRY_VERIFY_WITH_TIMEOUT(pools(u"nodejs"_s).size() == 1
                                 && metadataOf(pools(u"nodejs"_s).first()).value("annotations"_L1).toObject()
                                            .value("executorInstanceId"_L1).toString() != oldInstance,
                             20000);
    QVERIFY(uidOf(pools(u"nodejs"_s).first()) != uidOf(oldPool));
    // adoptExistingResources=false: the function pod and the old warm pods are gone.
    QTRY_VERIFY_WITH_TIMEOUT(pods(u"functionUid="_s + uid).isEmpty(), 20000);
    const auto onlyNewPoolPods = [&] {
        const auto current = pods(u"environmentName=nodejs"_s);
        for (const QJsonObject &pod : current) {
            if (oldWarm.contains(uidOf(pod)) || uidOf(pod) == specializedPod)
                return false;
        }
        return current.size() == 2;
    };
    QTRY_VERIFY_WITH_TIMEOUT(onlyNewPoolPods(), 20000);
    const auto executors = pods(u"svc=executor"_s, u"fission"_s);
    QCOMPARE(executors.size(), 1);
    const QString log = m_fission->logs(u"fission"_s, nameOf(executors.first()), u"executor"_s);
    QVERIFY2(log.contains(u"cleaning up deployment"_s) && log.contains(u"cleaning up pod"_s), qPrintable(log));
    // Cold start on the next request.
    QCOMPARE(m_fission->invoke(u"/fission-function/hello"_s).status, 200);
}

void TestFissionExecutor::newdeployFunctionScalesOnDemand()
{
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"default"_s, u"functions"_s),
                               FissionFixture::function(u"default"_s, u"steady"_s, u"nodejs"_s, u"hello-pkg"_s, u"newdeploy"_s)).status,
             201);
    const QString uid = uidOf(m_fission->get(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"steady"_s)));
    const QString name = fd::sim::fission::functionObjectName(u"newdeploy"_s, u"steady"_s, u"default"_s, uid);
    const QString deploymentPath = u"/apis/apps/v1/namespaces/default/deployments/"_s + name;
    QTRY_VERIFY_WITH_TIMEOUT(m_fission->exists(deploymentPath), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_fission->exists(u"/api/v1/namespaces/default/services/"_s + name), 20000);
    const QJsonObject deployment = m_fission->get(deploymentPath);
    QCOMPARE(deployment.value("spec"_L1).toObject().value("replicas"_L1).toInt(), 0);
    QCOMPARE(metadataOf(deployment).value("labels"_L1).toObject().value("functionUid"_L1).toString(), uid);
    QCOMPARE(metadataOf(deployment).value("labels"_L1).toObject().value("executorType"_L1).toString(), u"newdeploy"_s);
    QCOMPARE(m_fission->invoke(u"/fission-function/steady"_s).status, 200);
    QCOMPARE(m_fission->get(deploymentPath).value("spec"_L1).toObject().value("replicas"_L1).toInt(), 1);
    QCOMPARE(pods(u"functionUid="_s + uid).size(), 1);
}

void TestFissionExecutor::adoptingExecutorKeepsFunctionPods()
{
    SimTestCluster cluster(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    FissionFixture fission(cluster);
    QVERIFY(fission.installCrds());
    FissionFixture::ControlPlane plane;
    plane.adoptExistingResources = true;
    QVERIFY(fission.installControlPlane(plane));
    createEnvWithFunction(fission, u"nodejs"_s, u"kept"_s);
    QCOMPARE(fission.invoke(u"/fission-function/kept"_s).status, 200);
    const QString uid = uidOf(fission.get(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"kept"_s)));
    const auto before = fission.list(u"/api/v1/namespaces/default/pods"_s, u"functionUid="_s + uid);
    QCOMPARE(before.size(), 1);
    const QString oldInstance = metadataOf(before.first()).value("annotations"_L1).toObject().value("executorInstanceId"_L1).toString();
    QVERIFY(fission.updateComponentEnv(u"executor"_s, u"DEBUG_ENV"_s, u"true"_s));
    QVERIFY(fission.waitForRollout());
    const auto adopted = [&] {
        const auto after = fission.list(u"/api/v1/namespaces/default/pods"_s, u"functionUid="_s + uid);
        return after.size() == 1 && uidOf(after.first()) == uidOf(before.first())
            && metadataOf(after.first()).value("annotations"_L1).toObject().value("executorInstanceId"_L1).toString()
            != oldInstance;
    };
    QTRY_VERIFY_WITH_TIMEOUT(adopted(), 20000);
    // The adopted pod serves at once.
    QCOMPARE(fission.invoke(u"/fission-function/kept"_s).status, 200);
    QCOMPARE(uidOf(fission.list(u"/api/v1/namespaces/default/pods"_s, u"functionUid="_s + uid).first()), uidOf(before.first()));
}

QTEST_GUILESS_MAIN(TestFissionExecutor)
#include "tst_executor.moc"
