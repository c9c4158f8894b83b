#include "TestHttpHandler.h"
#include "TestSupport.h"

#include "sim/http/Http2Connection.h"
#include "sim/http/HttpServer.h"
#include "sim/tls/CertificateAuthority.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QtTest>

using fd::sim::CertificateAuthority;
using fd::sim::HttpServer;
using fd::sim::IssuedCertificate;
using fd::sim::TlsServerIdentity;
using fd::test::TestHttpHandler;

namespace {

template<typename T>
T valueOrFail(fd::Expected<T, QString> expected)
{
    if (!expected.hasValue())
        qFatal("%s", qPrintable(expected.error()));
    return std::move(expected).value();
}

bool waitFinished(QNetworkReply *reply, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!reply->isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    return reply->isFinished();
}

} // namespace

// HttpServer in TLS mode against Qt's own HTTP/2 client (QNetworkAccessManager, as the
// desktop app uses it) and, when installed, curl.
class TestHttp2Connection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void http2IsNegotiatedAndRequestMapped();
    void largeBodiesBothWays();
    void concurrentRequestsBeyondStreamLimit();
    void coldBurstBeyondStreamLimitNeverHangs();
    void streamingResponseArrivesInPieces();
    void abortingReplyClosesResponder();
    void emptyFinishAnswers200();
    void http1WhenClientDisablesHttp2();
    void clientCertificateReachesHandler_data();
    void clientCertificateReachesHandler();
    void badServerCertificateIsRefused_data();
    void badServerCertificateIsRefused();
    void oversizedBodyGets413AndConnectionSurvives();
    void curlSpeaksHttp2();

private:
    QNetworkRequest request(const QString &pathAndQuery, bool http2 = true) const;
    std::unique_ptr<HttpServer> startServer(const IssuedCertificate &certificate, TestHttpHandler *handler) const;

    std::optional<CertificateAuthority> m_ca;
    IssuedCertificate m_serverCertificate;
    IssuedCertificate m_clientCertificate;
    std::unique_ptr<TestHttpHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

void TestHttp2Connection::initTestCase()
{
    m_ca = valueOrFail(CertificateAuthority::generate(QStringLiteral("http2-test-ca")));
    m_serverCertificate = valueOrFail(m_ca->issueServerCertificate());
    m_clientCertificate = valueOrFail(
        m_ca->issueClientCertificate(QStringLiteral("alice"), {QStringLiteral("system:masters")}));
}

std::unique_ptr<HttpServer> TestHttp2Connection::startServer(const IssuedCertificate &certificate,
                                                             TestHttpHandler *handler) const
{
    auto server = std::make_unique<HttpServer>(handler);
    server->setTlsIdentity(TlsServerIdentity{certificate.certificate(), certificate.privateKey(), {m_ca->certificate()}});
    if (!server->listen(QHostAddress::LocalHost, 0))
        qFatal("listen failed: %s", qPrintable(server->errorString()));
    return server;
}

void TestHttp2Connection::init()
{
    m_handler = std::make_unique<TestHttpHandler>();
    m_server = startServer(m_serverCertificate, m_handler.get());
    m_manager = std::make_unique<QNetworkAccessManager>();
}

void TestHttp2Connection::cleanup()
{
    m_manager.reset();
    m_server.reset();
    m_handler.reset();
}

QNetworkRequest TestHttp2Connection::request(const QString &pathAndQuery, bool http2) const
{
    QUrl url = m_server->url();
    const qsizetype query = pathAndQuery.indexOf(u'?');
    url.setPath(query < 0 ? pathAndQuery : pathAndQuery.left(query));
    if (query >= 0)
        url.setQuery(pathAndQuery.mid(query + 1));
    QNetworkRequest request(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({m_ca->certificate()});
    request.setSslConfiguration(ssl);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, http2);
    return request;
}

void TestHttp2Connection::http2IsNegotiatedAndRequestMapped()
{
    QNetworkReply *reply = m_manager->get(request(QStringLiteral("/fixed?labelSelector=app%3Dweb&limit=500")));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    QCOMPARE(reply->readAll(), QByteArray("hello fixed"));
    QCOMPARE(reply->rawHeader("content-type"), QByteArray("text/plain"));
    QVERIFY(!reply->rawHeader("date").isEmpty());

    QCOMPARE(m_handler->requests.size(), 1);
    const fd::sim::HttpRequest &seen = m_handler->requests.first();
    QCOMPARE(seen.protocol, QByteArray("HTTP/2"));
    QCOMPARE(seen.method, QByteArray("GET"));
    QVERIFY(seen.overTls);
    QCOMPARE(seen.path, QStringLiteral("/fixed"));
    QCOMPARE(seen.target, QByteArray("/fixed?labelSelector=app%3Dweb&limit=500"));
    QCOMPARE(seen.queryValue(QStringLiteral("labelSelector")), QStringLiteral("app=web"));
    QCOMPARE(seen.queryValue(QStringLiteral("limit")), QStringLiteral("500"));
    QCOMPARE(seen.header("host"), QStringLiteral("127.0.0.1:%1").arg(m_server->port()).toLatin1());
    for (const auto &[name, value] : seen.headers)
        QCOMPARE(name, name.toLower());
    QVERIFY(seen.peerCertificates.isEmpty());
    reply->deleteLater();
}

void TestHttp2Connection::largeBodiesBothWays()
{
    // Both exceed the 256 KiB stream window and Qt's 64 KiB one: only WINDOW_UPDATEs in
    // both directions get them through.
    const QByteArray upload = TestHttpHandler::bigBody(1024 * 1024 + 7);
    QNetworkRequest post = request(QStringLiteral("/echo"));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *echo = m_manager->post(post, upload);
    QNetworkReply *big = m_manager->get(request(QStringLiteral("/big?bytes=5000000")));
    QVERIFY(waitFinished(echo, 20000));
    QVERIFY(waitFinished(big, 20000));
    QCOMPARE(echo->error(), QNetworkReply::NoError);
    QVERIFY(echo->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    QCOMPARE(echo->readAll(), upload);
    QCOMPARE(big->error(), QNetworkReply::NoError);
    QCOMPARE(big->readAll(), TestHttpHandler::bigBody(5000000));
    echo->deleteLater();
    big->deleteLater();
}

void TestHttp2Connection::concurrentRequestsBeyondStreamLimit()
{
    // Warm up: once the server's SETTINGS are known, Qt queues what exceeds 100 streams.
    QNetworkReply *first = m_manager->get(request(QStringLiteral("/fixed")));
    QVERIFY(waitFinished(first));
    QCOMPARE(first->error(), QNetworkReply::NoError);
    first->deleteLater();

    constexpr int Count = 150;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < Count; ++i)
        replies.append(m_manager->get(request(QStringLiteral("/hold?ms=300"))));
    int ok = 0;
    for (QNetworkReply *reply : std::as_const(replies)) {
        QVERIFY(waitFinished(reply, 30000));
        if (reply->error() == QNetworkReply::NoError && reply->readAll() == "held"
            && reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool())
            ++ok;
        else
            qWarning() << "failed:" << reply->errorString();
        reply->deleteLater();
    }
    QCOMPARE(ok, Count);
    QVERIFY2(m_handler->maxHeldAtOnce <= int(fd::sim::Http2Connection::MaxConcurrentStreams),
             qPrintable(QString::number(m_handler->maxHeldAtOnce)));
    QVERIFY2(m_handler->maxHeldAtOnce > 50, qPrintable(QString::number(m_handler->maxHeldAtOnce)));
    QCOMPARE(m_server->openConnectionCount(), 1); // all on one connection
}

void TestHttp2Connection::coldBurstBeyondStreamLimitNeverHangs()
{
    // On a fresh connection Qt sends requests before the server's SETTINGS arrive. Qt 6.4
    // then assumes 100 concurrent streams, the same as our limit, so none is refused; with
    // a lower limit nghttp2 (like Go's server) would answer the excess with REFUSED_STREAM
    // until its SETTINGS are acknowledged, and Qt 6.4 would fail those replies with
    // ProtocolFailure instead of retrying. Either way, every reply must finish.
    constexpr int Count = 150;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < Count; ++i)
        replies.append(m_manager->get(request(QStringLiteral("/hold?ms=200"))));
    int ok = 0;
    int refused = 0;
    for (QNetworkReply *reply : std::as_const(replies)) {
        QVERIFY(waitFinished(reply, 30000));
        if (reply->error() == QNetworkReply::NoError)
            ++ok;
        else if (reply->error() == QNetworkReply::ProtocolFailure)
            ++refused;
        else
            QFAIL(qPrintable(reply->errorString()));
        reply->deleteLater();
    }
    QCOMPARE(ok + refused, Count);
    QVERIFY(ok >= int(fd::sim::Http2Connection::MaxConcurrentStreams));
    QVERIFY(m_handler->maxHeldAtOnce <= int(fd::sim::Http2Connection::MaxConcurrentStreams));
    qInfo("cold burst: %d answered, %d refused by the stream limit", ok, refused);
}

void TestHttp2Connection::streamingResponseArrivesInPieces()
{
    QNetworkReply *reply = m_manager->get(request(QStringLiteral("/stream?n=5&ms=150")));
    QList<QByteArray> pieces;
    QElapsedTimer clock;
    clock.start();
    qint64 firstAt = -1;
    connect(reply, &QNetworkReply::readyRead, this, [&] {
        if (firstAt < 0)
            firstAt = clock.elapsed();
        pieces.append(reply->readAll());
    });
    QVERIFY(waitFinished(reply));
    pieces.append(reply->readAll());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    QCOMPARE(pieces.join(), QByteArray("chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n"));
    pieces.removeAll(QByteArray());
    // 150 ms apart: even a busy machine delivers most of them separately.
    QVERIFY2(pieces.size() >= 3, qPrintable(QString::number(pieces.size())));
    QVERIFY2(clock.elapsed() - firstAt >= 450, qPrintable(QString::number(clock.elapsed() - firstAt)));
    reply->deleteLater();
}

void TestHttp2Connection::abortingReplyClosesResponder()
{
    QNetworkReply *reply = m_manager->get(request(QStringLiteral("/forever?ms=20")));
    QByteArray received;
    connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("tick 2\n"), 10000);
    QVERIFY(m_handler->closedPaths.isEmpty());
    reply->abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_handler->closedPaths, QStringList{QStringLiteral("/forever")}, 5000);
    reply->deleteLater();

    // The connection itself lives on: the next request is served on it.
    QNetworkReply *next = m_manager->get(request(QStringLiteral("/fixed")));
    QVERIFY(waitFinished(next));
    QCOMPARE(next->error(), QNetworkReply::NoError);
    next->deleteLater();
}

void TestHttp2Connection::emptyFinishAnswers200()
{
    QNetworkReply *reply = m_manager->get(request(QStringLiteral("/empty-finish")));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().isEmpty());
    reply->deleteLater();
}

void TestHttp2Connection::http1WhenClientDisablesHttp2()
{
    QNetworkReply *reply = m_manager->get(request(QStringLiteral("/stream?n=3&ms=10"), false));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(!reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    QCOMPARE(reply->readAll(), QByteArray("chunk 0\nchunk 1\nchunk 2\n"));
    QCOMPARE(m_handler->requests.size(), 1);
    QCOMPARE(m_handler->requests.first().protocol, QByteArray("HTTP/1.1"));
    QVERIFY(m_handler->requests.first().overTls);
    reply->deleteLater();
}

void TestHttp2Connection::clientCertificateReachesHandler_data()
{
    QTest::addColumn<bool>("http2");
    QTest::addRow("h2") << true;
    QTest::addRow("http/1.1 over TLS") << false;
}

void TestHttp2Connection::clientCertificateReachesHandler()
{
    QFETCH(bool, http2);
    QNetworkRequest withCertificate = request(QStringLiteral("/fixed"), http2);
    QSslConfiguration ssl = withCertificate.sslConfiguration();
    ssl.setLocalCertificate(m_clientCertificate.certificate());
    ssl.setPrivateKey(m_clientCertificate.privateKey());
    withCertificate.setSslConfiguration(ssl);
    QNetworkReply *reply = m_manager->get(withCertificate);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool(), http2);
    QCOMPARE(m_handler->requests.size(), 1);
    const QList<QSslCertificate> chain = m_handler->requests.first().peerCertificates;
    QVERIFY(!chain.isEmpty());
    QCOMPARE(chain.first(), m_clientCertificate.certificate());
    QCOMPARE(chain.first().subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("alice")});
    QCOMPARE(chain.first().subjectInfo(QSslCertificate::Organization), QStringList{QStringLiteral("system:masters")});
    reply->deleteLater();
}

void TestHttp2Connection::badServerCertificateIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("wrong host") << QStringLiteral("wrong-host");
    QTest::addRow("expired") << QStringLiteral("expired");
    QTest::addRow("untrusted CA") << QStringLiteral("untrusted");
}

void TestHttp2Connection::badServerCertificateIsRefused()
{
    QFETCH(QString, kind);
    IssuedCertificate certificate;
    QSslError::SslError expected = QSslError::NoError;
    if (kind == QStringLiteral("wrong-host")) {
        certificate = valueOrFail(m_ca->issueWrongHostCertificate());
        expected = QSslError::HostNameMismatch;
    } else if (kind == QStringLiteral("expired")) {
        certificate = valueOrFail(m_ca->issueExpiredServerCertificate());
        expected = QSslError::CertificateExpired;
    } else {
        auto stranger = valueOrFail(CertificateAuthority::generate(QStringLiteral("stranger")));
        certificate = valueOrFail(stranger.issueServerCertificate());
        expected = QSslError::UnableToGetLocalIssuerCertificate;
    }
    TestHttpHandler handler;
    auto server = startServer(certificate, &handler);
    QUrl url = server->url();
    url.setPath(QStringLiteral("/fixed"));
    QNetworkRequest refused = request(QStringLiteral("/fixed"));
    refused.setUrl(url);
    QNetworkReply *reply = m_manager->get(refused);
    QList<QSslError::SslError> errors;
    connect(reply, &QNetworkReply::sslErrors, this, [&](const QList<QSslError> &list) {
        for (const QSslError &error : list)
            errors.append(error.error());
    });
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    QVERIFY2(errors.contains(expected), qPrintable(reply->errorString()));
    QVERIFY(handler.requests.isEmpty());
    reply->deleteLater();
}

void TestHttp2Connection::oversizedBodyGets413AndConnectionSurvives()
{
    QNetworkRequest post = request(QStringLiteral("/echo"));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_manager->post(post, QByteArray(HttpServer::MaxRequestBodyBytes + 1, 'x'));
    QVERIFY(waitFinished(reply, 20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 413);
    QVERIFY(reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    const QJsonObject status = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("RequestEntityTooLarge"));
    QCOMPARE(status.value(QStringLiteral("code")).toInt(), 413);
    QVERIFY(m_handler->requests.isEmpty());
    reply->deleteLater();

    QNetworkReply *next = m_manager->get(request(QStringLiteral("/fixed")));
    QVERIFY(waitFinished(next));
    QCOMPARE(next->error(), QNetworkReply::NoError);
    QCOMPARE(m_server->openConnectionCount(), 1);
    next->deleteLater();
}

void TestHttp2Connection::curlSpeaksHttp2()
{
    const QString curl = fd::test::findTool(QStringLiteral("curl"));
    if (curl.isEmpty())
        FD_SKIP_LOUDLY(QStringLiteral("curl is not installed; HTTP/2 against curl not tested"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto writeFile = [&dir](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    };
    QVERIFY(writeFile(QStringLiteral("ca.pem"), m_ca->certificatePem()));
    QVERIFY(writeFile(QStringLiteral("client.pem"), m_clientCertificate.certificatePem));
    QVERIFY(writeFile(QStringLiteral("client-key.pem"), m_clientCertificate.privateKeyPem));

    const QString base = QStringLiteral("https://localhost:%1").arg(m_server->port());
    QProcess process;
    process.start(curl, {QStringLiteral("--http2"), QStringLiteral("--silent"), QStringLiteral("--show-error"),
                         QStringLiteral("--cacert"), dir.filePath(QStringLiteral("ca.pem")),
                         QStringLiteral("--cert"), dir.filePath(QStringLiteral("client.pem")),
                         QStringLiteral("--key"), dir.filePath(QStringLiteral("client-key.pem")),
                         QStringLiteral("--write-out"), QStringLiteral("\n%{http_version} %{http_code}\n"),
                         QStringLiteral("--data-binary"), QStringLiteral("posted by curl"),
                         base + QStringLiteral("/echo?x=1"),
                         QStringLiteral("--next"), QStringLiteral("--http2"),
                         QStringLiteral("--cacert"), dir.filePath(QStringLiteral("ca.pem")),
                         QStringLiteral("--write-out"), QStringLiteral("\n%{http_version} %{http_code}\n"),
                         base + QStringLiteral("/stream?n=3&ms=20")});
    // The server runs on this thread: wait without blocking its event loop.
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);
    const QByteArray output = process.readAllStandardOutput();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));
    QCOMPARE(output, QByteArray("posted by curl\n2 200\nchunk 0\nchunk 1\nchunk 2\n\n2 200\n"));
    QCOMPARE(m_handler->requests.size(), 2);
    QCOMPARE(m_handler->requests.at(0).protocol, QByteArray("HTTP/2"));
    QCOMPARE(m_handler->requests.at(0).body, QByteArray("posted by curl"));
    QCOMPARE(m_handler->requests.at(0).peerCertificates.value(0), m_clientCertificate.certificate());
    QCOMPARE(m_handler->requests.at(1).header("host"), QStringLiteral("localhost:%1").arg(m_server->port()).toLatin1());
}

QTEST_GUILESS_MAIN(TestHttp2Connection)
#include "tst_http2connection.moc"
