#include "FissionFixture.h"

#include <QCryptographicHash>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

// storagesvc behind the API server's service proxy (Service storagesvc:80 in the release
// namespace): multipart uploads as `fission package create` sends them, download and delete by
// id, and the builder fetching `url` source archives that point at it.
class TestFissionStorage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void uploadDownloadDelete();
    void uploadWithoutFilePartIsRefused();
    void urlSourceFromStorageBuilds();
    void uploadedSourceDecidesTheBuild();
    void wrongChecksumFailsTheFetch();
    void missingArchiveFailsTheFetch();
    void noStoragePodMeansNoEndpoints();

private:
    static QString proxy(const QString &rest) { return u"/api/v1/namespaces/fission/services/storagesvc:80/proxy"_s + rest; }
    // A multipart/form-data body written by hand (not by the code under test).
    HttpResult upload(const QByteArray &content, const QByteArray &field = "uploadfile");
    QString uploadId(const QByteArray &content);
    static QString archiveUrl(const QString &id)
    {
        return u"http://storagesvc.fission/v1/archive?id="_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
    }
    bool createUrlPackage(const QString &name, const QString &url, const QString &sha256);
    QString buildLog(const QString &name);

    std::unique_ptr<SimTestCluster> m_cluster;
    std::unique_ptr<FissionFixture> m_fission;
};

void TestFissionStorage::initTestCase()
{
    m_cluster = std::make_unique<SimTestCluster>(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    m_fission = std::make_unique<FissionFixture>(*m_cluster);
    QVERIFY(m_fission->installCrds());
    QVERIFY(m_fission->createNamespace(u"builds"_s));
    FissionFixture::ControlPlane plane;
    plane.additionalNamespaces = {u"builds"_s};
    QVERIFY(m_fission->installControlPlane(plane));
    const QJsonObject service{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Service"_s},
        {u"metadata"_s, QJsonObject{{u"namespace"_s, u"fission"_s}, {u"name"_s, u"storagesvc"_s}}},
        {u"spec"_s, QJsonObject{{u"selector"_s, QJsonObject{{u"svc"_s, u"storagesvc"_s}}},
                                {u"ports"_s, QJsonArray{QJsonObject{{u"port"_s, 80}, {u"targetPort"_s, 8000}}}}}}};
    QCOMPARE(m_fission->create(u"/api/v1/namespaces/fission/services"_s, service).status, 201);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"environments"_s),
                               FissionFixture::environment(u"builds"_s, u"python"_s, u"fission/python-env"_s,
                                                           u"fission/python-builder"_s, 1))
                 .status,
             201);
}

HttpResult TestFissionStorage::upload(const QByteArray &content, const QByteArray &field)
{
    const QByteArray boundary = "b0undary-for-tests";
    QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
        + "\"; filename=\"/tmp/hello.zip\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary
        + "--\r\n";
    return m_cluster->request("POST", proxy(u"/v1/archive"_s), body, "multipart/form-data; boundary=" + boundary, u"admin"_s,
                              {{"X-File-Size", QByteArray::number(content.size())}});
}

QString TestFissionStorage::uploadId(const QByteArray &content)
{
    const HttpResult r = upload(content);
    if (r.status != 200)
        qWarning("upload: %d %s", r.status, r.body.constData());
    return r.json().value("id"_L1).toString();
}

bool TestFissionStorage::createUrlPackage(const QString &name, const QString &url, const QString &sha256)
{
    QJsonObject package = FissionFixture::sourcePackage(u"builds"_s, name, u"python"_s);
    QJsonObject spec = package.value("spec"_L1).toObject();
    QJsonObject source{{u"type"_s, u"url"_s}, {u"url"_s, url}};
    if (!sha256.isEmpty())
        source.insert(u"checksum"_s, QJsonObject{{u"type"_s, u"sha256"_s}, {u"sum"_s, sha256}});
    spec.insert(u"source"_s, source);
    package.insert(u"spec"_s, spec);
    const HttpResult r = m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"packages"_s), package);
    if (r.status != 201)
        qWarning("package %s: %d %s", qPrintable(name), r.status, r.body.constData());
    return r.status == 201;
}

QString TestFissionStorage::buildLog(const QString &name)
{
    return m_fission->get(FissionFixture::fissionPath(u"builds"_s, u"packages"_s, name))
        .value("status"_L1).toObject().value("buildlog"_L1).toString();
}

static QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

void TestFissionStorage::uploadDownloadDelete()
{
    QByteArray content(300 * 1024, 'x');
    content.prepend("PK\x03\x04");
    const HttpResult uploaded = upload(content);
    QCOMPARE(uploaded.status, 200);
    const QString id = uploaded.json().value("id"_L1).toString();
    QVERIFY2(id.startsWith(u"/fission/fission-functions/"_s), qPrintable(id));
    const QString query = u"/v1/archive?id="_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
    const HttpResult downloaded = m_cluster->get(proxy(query));
    QCOMPARE(downloaded.status, 200);
    QCOMPARE(downloaded.body, content);
    QCOMPARE(m_cluster->request("DELETE", proxy(query)).status, 200);
    QCOMPARE(m_cluster->get(proxy(query)).status, 404);
    QCOMPARE(m_cluster->request("DELETE", proxy(query)).status, 404);
    QCOMPARE(m_cluster->get(proxy(u"/v1/elsewhere"_s)).status, 404);
}

void TestFissionStorage::uploadWithoutFilePartIsRefused()
{
    QCOMPARE(upload("content", "notthefile").status, 400);
    QCOMPARE(m_cluster->request("POST", proxy(u"/v1/archive"_s), "plain body", "application/octet-stream").status, 400);
}

void TestFissionStorage::urlSourceFromStorageBuilds()
{
    const QByteArray content = "PK\x03\x04 print('hello from an upload')";
    const QString id = uploadId(content);
    QVERIFY(!id.isEmpty());
    QVERIFY(createUrlPackage(u"uploaded"_s, archiveUrl(id), sha256(content)));
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"uploaded"_s), u"succeeded"_s, 30000);
    // The build's deployment archive is in the storage service too, and matches its checksum.
    const QJsonObject deployment = m_fission->get(FissionFixture::fissionPath(u"builds"_s, u"packages"_s, u"uploaded"_s))
                                       .value("spec"_L1).toObject().value("deployment"_L1).toObject();
    const QUrl url(deployment.value("url"_L1).toString());
    const HttpResult built = m_cluster->get(proxy(u"/v1/archive?"_s + url.query(QUrl::FullyEncoded)));
    QCOMPARE(built.status, 200);
    QCOMPARE(sha256(built.body), deployment.value("checksum"_L1).toObject().value("sum"_L1).toString());
}

void TestFissionStorage::uploadedSourceDecidesTheBuild()
{
    // The builder reads the downloaded bytes: the demo's failure marker inside makes it fail.
    const QByteArray content = "PK\x03\x04 # fd-sim: build fails";
    const QString id = uploadId(content);
    QVERIFY(createUrlPackage(u"uploaded-broken"_s, archiveUrl(id), sha256(content)));
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"uploaded-broken"_s), u"failed"_s, 30000);
    QVERIFY(!buildLog(u"uploaded-broken"_s).contains(u"error fetching source package"_s));
}

void TestFissionStorage::wrongChecksumFailsTheFetch()
{
    const QString id = uploadId("PK\x03\x04 some source");
    QVERIFY(createUrlPackage(u"bad-sum"_s, archiveUrl(id), QString(64, u'0')));
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"bad-sum"_s), u"failed"_s, 30000);
    QVERIFY2(buildLog(u"bad-sum"_s).startsWith(u"error fetching source package: checksum"_s), qPrintable(buildLog(u"bad-sum"_s)));
}

void TestFissionStorage::missingArchiveFailsTheFetch()
{
    // As after storagesvc's pruner removed it.
    const QString id = uploadId("PK\x03\x04 pruned soon");
    QCOMPARE(m_cluster->request("DELETE", proxy(u"/v1/archive?id="_s + QString::fromLatin1(QUrl::toPercentEncoding(id)))).status, 200);
    QVERIFY(createUrlPackage(u"pruned"_s, archiveUrl(id), QString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"pruned"_s), u"failed"_s, 30000);
    QVERIFY2(buildLog(u"pruned"_s).contains(u"error fetching source package"_s) && buildLog(u"pruned"_s).contains(u"404"_s),
             qPrintable(buildLog(u"pruned"_s)));
}

void TestFissionStorage::noStoragePodMeansNoEndpoints()
{
    QVERIFY(m_fission->scaleComponent(u"storagesvc"_s, 0));
    QTRY_COMPARE_WITH_TIMEOUT(upload("late").status, 503, 30000);
    QVERIFY(m_fission->scaleComponent(u"storagesvc"_s, 1));
    QTRY_COMPARE_WITH_TIMEOUT(upload("back").status, 200, 30000);
}

QTEST_GUILESS_MAIN(TestFissionStorage)
#include "tst_storage.moc"
