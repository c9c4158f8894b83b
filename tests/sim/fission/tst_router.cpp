#include "FissionFixture.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

// The router behind the API server's service proxy (Service router:80 in the release
// namespace): Fission 1.20's routes, its 404s, and its answers when no pod can be had.
class TestFissionRouter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unknownFunctionIsGorillaNotFound();
    void defaultNamespaceFunctionsHaveTheShortRoute();
    void otherNamespacesHaveTheirOwnRoute();
    void unwatchedNamespaceIsNotRouted();
    void httpTriggerRoutesByPathAndMethod();
    void simulatedResponseFromAnnotations();
    void unbuiltPackageAnswers500();
    void healthAndVersion();
    void routerLogsRequests();
    void noRouterPodMeansNoEndpoints();

private:
    void createFunction(const QString &ns, const QString &name, bool built = true);

    std::unique_ptr<SimTestCluster> m_cluster;
    std::unique_ptr<FissionFixture> m_fission;
};

void TestFissionRouter::initTestCase()
{
    m_cluster = std::make_unique<SimTestCluster>(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    m_fission = std::make_unique<FissionFixture>(*m_cluster);
    QVERIFY(m_fission->installCrds());
    QVERIFY(m_fission->createNamespace(u"team-a"_s));
    QVERIFY(m_fission->createNamespace(u"test"_s));
    FissionFixture::ControlPlane plane;
    plane.additionalNamespaces = {u"team-a"_s};
    QVERIFY(m_fission->installControlPlane(plane));
    for (const QString &ns : {u"default"_s, u"team-a"_s, u"test"_s}) {
        QCOMPARE(m_fission->create(FissionFixture::fissionPath(ns, u"environments"_s),
                                   FissionFixture::environment(ns, u"nodejs"_s, u"fission/node-env"_s, {}, 1)).status,
                 201);
    }
}

void TestFissionRouter::createFunction(const QString &ns, const QString &name, bool built)
{
    QJsonObject package = FissionFixture::deployPackage(ns, name + u"-pkg"_s, u"nodejs"_s);
    if (!built) {
        // Neither source nor deployment: the webhook marks it failed at once.
        QJsonObject spec = package.value("spec"_L1).toObject();
        spec.remove(u"deployment"_s);
        package.insert(u"spec"_s, spec);
    }
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(ns, u"packages"_s), package).status, 201);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(ns, u"functions"_s),
                               FissionFixture::function(ns, name, u"nodejs"_s, name + u"-pkg"_s)).status,
             201);
}

void TestFissionRouter::unknownFunctionIsGorillaNotFound()
{
    const HttpResult answer = m_fission->invoke(u"/fission-function/nobody"_s);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, QByteArray("404 page not found\n"));
    QCOMPARE(answer.header("content-type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(m_fission->invoke(u"/some/where"_s).status, 404);
}

void TestFissionRouter::defaultNamespaceFunctionsHaveTheShortRoute()
{
    createFunction(u"default"_s, u"hello"_s);
    const HttpResult answer = m_fission->invoke(u"/fission-function/hello"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("Hello, world!\n"));
    QCOMPARE(m_fission->invoke(u"/fission-function/hello/deeper/path"_s).status, 200);
    // 1.20 never registers /fission-function/default/<name>.
    const HttpResult longForm = m_fission->invoke(u"/fission-function/default/hello"_s);
    QCOMPARE(longForm.status, 404);
    QCOMPARE(longForm.body, QByteArray("404 page not found\n"));
}

void TestFissionRouter::otherNamespacesHaveTheirOwnRoute()
{
    createFunction(u"team-a"_s, u"hi"_s);
    QCOMPARE(m_fission->invoke(u"/fission-function/team-a/hi"_s).status, 200);
    QCOMPARE(m_fission->invoke(u"/fission-function/hi"_s).status, 404);
}

void TestFissionRouter::unwatchedNamespaceIsNotRouted()
{
    createFunction(u"test"_s, u"lost"_s);
    const HttpResult answer = m_fission->invoke(u"/fission-function/test/lost"_s);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, QByteArray("404 page not found\n"));
    const QString uid = m_fission->get(FissionFixture::fissionPath(u"test"_s, u"functions"_s, u"lost"_s))
                            .value("metadata"_L1).toObject().value("uid"_L1).toString();
    QVERIFY(m_fission->list(u"/api/v1/pods"_s, u"functionUid="_s + uid).isEmpty());
}

void TestFissionRouter::httpTriggerRoutesByPathAndMethod()
{
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"team-a"_s, u"httptriggers"_s),
                               FissionFixture::httpTrigger(u"team-a"_s, u"greet"_s, u"hi"_s, u"/greet"_s, {u"GET"_s, u"PUT"_s})).status,
             201);
    QCOMPARE(m_fission->invoke(u"/greet"_s).status, 200);
    QCOMPARE(m_fission->invoke(u"/greet"_s, "PUT").status, 200);
    QCOMPARE(m_fission->invoke(u"/greet"_s, "POST").status, 405);
    QCOMPARE(m_fission->invoke(u"/greet/more"_s).status, 404);
    // A trigger in a namespace the router does not watch is not routed.
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"test"_s, u"httptriggers"_s),
                               FissionFixture::httpTrigger(u"test"_s, u"lost"_s, u"lost"_s, u"/lost"_s)).status,
             201);
    QCOMPARE(m_fission->invoke(u"/lost"_s).status, 404);
}

void TestFissionRouter::simulatedResponseFromAnnotations()
{
    QVERIFY(m_fission->update(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"hello"_s), [](QJsonObject &fn) {
        QJsonObject metadata = fn.value("metadata"_L1).toObject();
        metadata.insert(u"annotations"_s, QJsonObject{{u"sim.fission-desk.io/response"_s, u"{\"ok\":true}"_s},
                                                      {u"sim.fission-desk.io/status-code"_s, u"201"_s}});
        fn.insert(u"metadata"_s, metadata);
    }));
    const HttpResult answer = m_fission->invoke(u"/fission-function/hello"_s);
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.body, QByteArray("{\"ok\":true}"));
}

void TestFissionRouter::unbuiltPackageAnswers500()
{
    createFunction(u"default"_s, u"broken"_s, false);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"default"_s, u"broken-pkg"_s), u"failed"_s, 20000);
    const HttpResult answer = m_fission->invoke(u"/fission-function/broken"_s);
    QCOMPARE(answer.status, 500);
    QCOMPARE(answer.body, QByteArray("error sending request to function"));
    // The fetcher could not fetch: the chosen pod was deleted, none carries the function.
    const QString uid = m_fission->get(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"broken"_s))
                            .value("metadata"_L1).toObject().value("uid"_L1).toString();
    QTRY_VERIFY_WITH_TIMEOUT(m_fission->list(u"/api/v1/namespaces/default/pods"_s, u"functionUid="_s + uid).isEmpty(), 20000);
    const auto routers = m_fission->list(u"/api/v1/namespaces/fission/pods"_s, u"svc=router"_s);
    const QString log = m_fission->logs(u"fission"_s, routers.first().value("metadata"_L1).toObject().value("name"_L1).toString(),
                                        u"router"_s);
    QVERIFY2(log.contains(u"cannot fetch deployment: package build status was not \\\"succeeded\\\""_s), qPrintable(log));
}

void TestFissionRouter::healthAndVersion()
{
    QCOMPARE(m_fission->invoke(u"/router-healthz"_s).status, 200);
    QCOMPARE(m_fission->invoke(u"/"_s).status, 200);
    const HttpResult version = m_fission->invoke(u"/_version"_s);
    QCOMPARE(version.status, 200);
    QCOMPARE(version.json().value("Version"_L1).toString(), u"v1.20.5"_s);
}

void TestFissionRouter::routerLogsRequests()
{
    const auto routers = m_fission->list(u"/api/v1/namespaces/fission/pods"_s, u"svc=router"_s);
    const QString log = m_fission->logs(u"fission"_s, routers.first().value("metadata"_L1).toObject().value("name"_L1).toString(),
                                        u"router"_s);
    QVERIFY2(log.contains(u"\"msg\":\"request\",\"method\":\"GET\",\"path\":\"/\",\"function\":\"hi\",\"namespace\":\"team-a\""_s),
             qPrintable(log));
}

void TestFissionRouter::noRouterPodMeansNoEndpoints()
{
    QVERIFY(m_fission->scaleComponent(u"router"_s, 0));
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->invoke(u"/fission-function/hello"_s).status, 503, 20000);
    QVERIFY(m_fission->scaleComponent(u"router"_s, 1));
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->invoke(u"/router-healthz"_s).status, 200, 20000);
}

QTEST_GUILESS_MAIN(TestFissionRouter)
#include "tst_router.moc"
