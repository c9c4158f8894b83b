#include "FissionFixture.h"
#include "SchemaTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

// The support case Fission Desk exists for, end to end through the API: Fission 1.20 watches
// `default` only; an Environment, a Package and a Function in `test` give a package stuck in
// `pending`, a router 404 and no pod with the function's UID. What helm upgrade does — every
// component's pod template env gains `test` — repairs it, but only after the control plane has
// rolled, and the new executor throws away the old pools (adoptExistingResources=false).
class TestFissionClassicCase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unwatchedNamespaceThenHelmUpgrade();
    void worksWithTheReal1205Crds();

private:
    QList<QJsonObject> pods(FissionFixture &fission, const QString &ns, const QString &selector);
};

namespace {

QString uidOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject().value("uid"_L1).toString();
}

QString nameOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject().value("name"_L1).toString();
}

} // namespace

QList<QJsonObject> TestFissionClassicCase::pods(FissionFixture &fission, const QString &ns, const QString &selector)
{
    return fission.list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns), selector);
}

void TestFissionClassicCase::unwatchedNamespaceThenHelmUpgrade()
{
    SimTestCluster cluster(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    FissionFixture fission(cluster);
    QVERIFY(fission.installCrds());
    QVERIFY(fission.createNamespace(u"test"_s));
    QVERIFY(fission.installControlPlane({}));

    // A watched twin in `default` proves the control plane is working while `test` is ignored.
    for (const QString &ns : {u"default"_s, u"test"_s}) {
        QCOMPARE(fission.create(FissionFixture::fissionPath(ns, u"environments"_s),
                                FissionFixture::environment(ns, u"nodejs"_s, u"fission/node-env"_s, u"fission/node-builder"_s)).status,
                 201);
        QCOMPARE(fission.create(FissionFixture::fissionPath(ns, u"packages"_s),
                                FissionFixture::sourcePackage(ns, u"hello-pkg"_s, u"nodejs"_s)).status,
                 201);
        QCOMPARE(fission.create(FissionFixture::fissionPath(ns, u"functions"_s),
                                FissionFixture::function(ns, u"hello"_s, u"nodejs"_s, u"hello-pkg"_s)).status,
                 201);
    }
    QTRY_COMPARE_WITH_TIMEOUT(fission.packageStatus(u"default"_s, u"hello-pkg"_s), u"succeeded"_s, 30000);
    QCOMPARE(fission.invoke(u"/fission-function/hello"_s).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(pods(fission, u"default"_s, u"executorType=poolmgr,managed=true,environmentName=nodejs"_s).size(),
                              3, 20000);
    QSet<QString> oldPoolPods;
    for (const QJsonObject &pod : pods(fission, u"default"_s, u"executorType=poolmgr"_s))
        oldPoolPods.insert(uidOf(pod));

    // The triad in `test`.
    const QJsonObject package = fission.get(FissionFixture::fissionPath(u"test"_s, u"packages"_s, u"hello-pkg"_s));
    QCOMPARE(package.value("status"_L1).toObject().value("buildstatus"_L1).toString(), u"pending"_s);
    QVERIFY(!package.value("status"_L1).toObject().contains("lastUpdateTimestamp"_L1));
    const HttpResult notFound = fission.invoke(u"/fission-function/test/hello"_s);
    QCOMPARE(notFound.status, 404);
    QCOMPARE(notFound.body, QByteArray("404 page not found\n"));
    const QString functionUid = uidOf(fission.get(FissionFixture::fissionPath(u"test"_s, u"functions"_s, u"hello"_s)));
    QVERIFY(fission.list(u"/api/v1/pods"_s, u"functionUid="_s + functionUid).isEmpty());
    QVERIFY(fission.list(u"/apis/apps/v1/namespaces/test/deployments"_s).isEmpty());

    // helm upgrade --set additionalFissionNamespaces={test}: every consumer rolls.
    const QString oldExecutor = uidOf(pods(fission, u"fission"_s, u"svc=executor"_s).first());
    QVERIFY(fission.setAdditionalNamespaces({u"test"_s}));
    QVERIFY(fission.waitForRollout());
    QVERIFY(uidOf(pods(fission, u"fission"_s, u"svc=executor"_s).first()) != oldExecutor);

    // After the rollout the package builds, the router serves the function, and a
    // specialized pod carries the function's UID.
    QTRY_COMPARE_WITH_TIMEOUT(fission.packageStatus(u"test"_s, u"hello-pkg"_s), u"succeeded"_s, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(fission.invoke(u"/fission-function/test/hello"_s).status, 200, 20000);
    const HttpResult answer = fission.invoke(u"/fission-function/test/hello"_s);
    QCOMPARE(answer.body, QByteArray("Hello, world!\n"));
    const auto specialized = fission.list(u"/api/v1/namespaces/test/pods"_s, u"functionUid="_s + functionUid);
    QCOMPARE(specialized.size(), 1);
    const QString log = fission.logs(u"test"_s, nameOf(specialized.first()), u"nodejs"_s);
    QVERIFY2(log.contains(u"\"GET / HTTP/1.1\" 200"_s), qPrintable(log));

    // The new executor (adoptExistingResources=false) deleted the old pools' pods.
    const auto oldPoolsGone = [&] {
        for (const QJsonObject &pod : pods(fission, u"default"_s, u"executorType=poolmgr"_s)) {
            if (oldPoolPods.contains(uidOf(pod)))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(oldPoolsGone(), 20000);
    // And the new control plane logs name both namespaces.
    const QString executorLog = fission.logs(u"fission"_s, nameOf(pods(fission, u"fission"_s, u"svc=executor"_s).first()),
                                             u"executor"_s);
    QVERIFY2(executorLog.contains(u"\"namespaces\":[\"default\",\"test\"]"_s), qPrintable(executorLog));
}

void TestFissionClassicCase::worksWithTheReal1205Crds()
{
    // The real definitions prune and validate what the components write (status fields,
    // deployment archives, packageref versions); the fixture's preserve-unknown-fields CRDs
    // would let a misspelt field through.
    const auto crds = fd::test::fissionCrds();
    if (!crds)
        FD_SKIP_LOUDLY(u"../shared/fixtures/crds/fission-v1.20.5 is not available"_s);
    SimTestCluster cluster(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    FissionFixture fission(cluster);
    QList<QJsonObject> definitions;
    for (const auto &[file, json] : *crds)
        definitions.append(json);
    QVERIFY(fission.installCrdObjects(definitions));
    QVERIFY(fission.createNamespace(u"test"_s));
    QVERIFY(fission.installControlPlane({}));
    for (const QString &ns : {u"default"_s, u"test"_s}) {
        QCOMPARE(fission.create(FissionFixture::fissionPath(ns, u"environments"_s),
                                FissionFixture::environment(ns, u"go"_s, u"ghcr.io/fission/go-env-1.23"_s,
                                                            u"ghcr.io/fission/go-builder-1.23"_s)).status,
                 201);
        QCOMPARE(fission.create(FissionFixture::fissionPath(ns, u"packages"_s),
                                FissionFixture::sourcePackage(ns, u"go-pkg"_s, u"go"_s)).status,
                 201);
        QCOMPARE(fission.create(FissionFixture::fissionPath(ns, u"functions"_s),
                                FissionFixture::function(ns, u"hello"_s, u"go"_s, u"go-pkg"_s)).status,
                 201);
    }
    // The CRD's own default and the webhook agree: pending, no timestamp, in `test`.
    QTRY_COMPARE_WITH_TIMEOUT(fission.packageStatus(u"default"_s, u"go-pkg"_s), u"succeeded"_s, 30000);
    const QJsonObject built = fission.get(FissionFixture::fissionPath(u"default"_s, u"packages"_s, u"go-pkg"_s));
    QVERIFY(built.value("status"_L1).toObject().value("buildlog"_L1).toString().contains(u"Build completed."_s));
    QVERIFY(built.value("spec"_L1).toObject().value("deployment"_L1).toObject().value("url"_L1).toString().startsWith(u"http://"_s));
    QVERIFY(!fission.get(FissionFixture::fissionPath(u"default"_s, u"functions"_s, u"hello"_s))
                 .value("spec"_L1).toObject().value("package"_L1).toObject().value("packageref"_L1).toObject()
                 .value("resourceversion"_L1).toString().isEmpty());
    QCOMPARE(fission.invoke(u"/fission-function/hello"_s).status, 200);
    const QJsonObject stuck = fission.get(FissionFixture::fissionPath(u"test"_s, u"packages"_s, u"go-pkg"_s));
    QCOMPARE(stuck.value("status"_L1).toObject().value("buildstatus"_L1).toString(), u"pending"_s);
    QVERIFY(!stuck.value("status"_L1).toObject().contains("lastUpdateTimestamp"_L1));
    QCOMPARE(fission.invoke(u"/fission-function/test/hello"_s).status, 404);
}

QTEST_GUILESS_MAIN(TestFissionClassicCase)
#include "tst_classiccase.moc"
