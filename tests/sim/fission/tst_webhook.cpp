#include "FissionFixture.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

// Fission's admission webhooks run in every namespace, watched or not, and with no control
// plane looking at the namespace at all: creating objects always "works", and a Package gets
// a status nobody will ever change.
class TestFissionWebhook : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sourcePackageIsPendingWithoutTimestamp();
    void deploymentPackageIsNone();
    void emptyPackageFails();
    void existingStatusIsKept();
    void updateWithoutStatusDefaultsAgain();
    void oversizedLiteralIsDenied();
    void functionReferencesMustStayInItsNamespace();
    void statusSubresourceDropsTheDefault();

private:
    QJsonObject package(const QString &name);

    std::unique_ptr<SimTestCluster> m_cluster;
    std::unique_ptr<FissionFixture> m_fission;
};

void TestFissionWebhook::initTestCase()
{
    m_cluster = std::make_unique<SimTestCluster>(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    m_fission = std::make_unique<FissionFixture>(*m_cluster);
    QVERIFY(m_fission->installCrds());
    QVERIFY(m_fission->createNamespace(u"test"_s));
}

QJsonObject TestFissionWebhook::package(const QString &name)
{
    return m_fission->get(FissionFixture::fissionPath(u"test"_s, u"packages"_s, name));
}

void TestFissionWebhook::sourcePackageIsPendingWithoutTimestamp()
{
    const HttpResult created = m_fission->create(FissionFixture::fissionPath(u"test"_s, u"packages"_s),
                                                 FissionFixture::sourcePackage(u"test"_s, u"src"_s, u"nodejs"_s));
    QCOMPARE(created.status, 201);
    // The webhook's answer is in the create response already.
    const QJsonObject status = created.json().value("status"_L1).toObject();
    QCOMPARE(status.value("buildstatus"_L1).toString(), u"pending"_s);
    QVERIFY(!status.contains("lastUpdateTimestamp"_L1));
    QVERIFY(!status.contains("buildlog"_L1));
    QCOMPARE(package(u"src"_s).value("status"_L1).toObject(), status);
}

void TestFissionWebhook::deploymentPackageIsNone()
{
    const HttpResult created = m_fission->create(FissionFixture::fissionPath(u"test"_s, u"packages"_s),
                                                 FissionFixture::deployPackage(u"test"_s, u"deploy"_s, u"nodejs"_s));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().value("status"_L1).toObject().value("buildstatus"_L1).toString(), u"none"_s);
}

void TestFissionWebhook::emptyPackageFails()
{
    QJsonObject empty = FissionFixture::sourcePackage(u"test"_s, u"empty"_s, u"nodejs"_s);
    QJsonObject spec = empty.value("spec"_L1).toObject();
    spec.remove(u"source"_s);
    empty.insert(u"spec"_s, spec);
    const HttpResult created = m_fission->create(FissionFixture::fissionPath(u"test"_s, u"packages"_s), empty);
    QCOMPARE(created.status, 201);
    const QJsonObject status = created.json().value("status"_L1).toObject();
    QCOMPARE(status.value("buildstatus"_L1).toString(), u"failed"_s);
    QCOMPARE(status.value("buildlog"_L1).toString(), u"Both source and deployment are empty"_s);
}

void TestFissionWebhook::existingStatusIsKept()
{
    QJsonObject built = FissionFixture::sourcePackage(u"test"_s, u"built"_s, u"nodejs"_s);
    built.insert(u"status"_s, QJsonObject{{u"buildstatus"_s, u"succeeded"_s}, {u"lastUpdateTimestamp"_s, u"2024-10-14T09:03:15Z"_s}});
    const HttpResult created = m_fission->create(FissionFixture::fissionPath(u"test"_s, u"packages"_s), built);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().value("status"_L1).toObject().value("buildstatus"_L1).toString(), u"succeeded"_s);
}

void TestFissionWebhook::updateWithoutStatusDefaultsAgain()
{
    QVERIFY(m_fission->update(FissionFixture::fissionPath(u"test"_s, u"packages"_s, u"built"_s),
                              [](QJsonObject &object) { object.remove(u"status"_s); }));
    QCOMPARE(package(u"built"_s).value("status"_L1).toObject().value("buildstatus"_L1).toString(), u"pending"_s);
}

void TestFissionWebhook::oversizedLiteralIsDenied()
{
    QJsonObject big = FissionFixture::sourcePackage(u"test"_s, u"big"_s, u"nodejs"_s);
    QJsonObject spec = big.value("spec"_L1).toObject();
    spec.insert(u"source"_s, QJsonObject{{u"type"_s, u"literal"_s},
                                         {u"literal"_s, QString::fromLatin1(QByteArray(256 * 1024 + 1, 'x').toBase64())}});
    big.insert(u"spec"_s, spec);
    const HttpResult denied = m_fission->create(FissionFixture::fissionPath(u"test"_s, u"packages"_s), big);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.json().value("reason"_L1).toString(), u"Forbidden"_s);
    QCOMPARE(denied.json().value("message"_L1).toString(),
             u"admission webhook \"vpackage.fission.io\" denied the request: Package literal larger than 262 kB"_s);
    QVERIFY(!m_fission->exists(FissionFixture::fissionPath(u"test"_s, u"packages"_s, u"big"_s)));
}

void TestFissionWebhook::functionReferencesMustStayInItsNamespace()
{
    QJsonObject function = FissionFixture::function(u"test"_s, u"fn"_s, u"nodejs"_s, u"src"_s);
    QJsonObject spec = function.value("spec"_L1).toObject();
    spec.insert(u"configmaps"_s, QJsonArray{QJsonObject{{u"namespace"_s, u"default"_s}, {u"name"_s, u"settings"_s}}});
    function.insert(u"spec"_s, spec);
    const HttpResult denied = m_fission->create(FissionFixture::fissionPath(u"test"_s, u"functions"_s), function);
    QCOMPARE(denied.status, 403);
    const QString message = denied.json().value("message"_L1).toString();
    QVERIFY2(message.startsWith(u"admission webhook \"vfunction.fission.io\" denied the request: Invalid fission Function object:"_s),
             qPrintable(message));
    QVERIFY2(message.contains(u"ConfigMap's [default] and function's Namespace [test] are different"_s), qPrintable(message));
    spec.insert(u"configmaps"_s, QJsonArray{QJsonObject{{u"namespace"_s, u"test"_s}, {u"name"_s, u"settings"_s}}});
    function.insert(u"spec"_s, spec);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"test"_s, u"functions"_s), function).status, 201);
}

void TestFissionWebhook::statusSubresourceDropsTheDefault()
{
    // main's Package CRD has /status: the API server drops what the webhook writes on create,
    // so a Package nobody reconciled has no status at all.
    SimTestCluster cluster(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    FissionFixture fission(cluster);
    QVERIFY(fission.installCrds(true));
    const HttpResult created = fission.create(FissionFixture::fissionPath(u"default"_s, u"packages"_s),
                                              FissionFixture::sourcePackage(u"default"_s, u"src"_s, u"nodejs"_s));
    QCOMPARE(created.status, 201);
    QVERIFY(!created.json().contains("status"_L1));
}

QTEST_GUILESS_MAIN(TestFissionWebhook)
#include "tst_webhook.moc"
