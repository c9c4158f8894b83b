#include "RawHttp1Client.h"
#include "TestHttpHandler.h"

#include "sim/http/HttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using fd::sim::HttpServer;
using fd::test::RawHttp1Client;
using fd::test::RawResponse;
using fd::test::TestHttpHandler;

class TestHttp1Connection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keepAliveServesSequentialRequests();
    void requestIsDecodedForTheHandler();
    void pipelinedRequestsAreAnsweredInOrder();
    void chunkedStreamArrivesIncrementally();
    void headRequestGetsHeadersOnly();
    void connectionCloseIsHonoured();
    void malformedRequestGets400_data();
    void malformedRequestGets400();
    void oversizedBodyGets413_data();
    void oversizedBodyGets413();
    void clientDisconnectClosesResponder();

private:
    std::unique_ptr<TestHttpHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
};

void TestHttp1Connection::init()
{
    m_handler = std::make_unique<TestHttpHandler>();
    m_server = std::make_unique<HttpServer>(m_handler.get());
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
}

void TestHttp1Connection::cleanup()
{
    m_server.reset();
    m_handler.reset();
}

void TestHttp1Connection::keepAliveServesSequentialRequests()
{
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    for (int i = 0; i < 3; ++i) {
        client.send("GET /fixed HTTP/1.1\r\nHost: localhost\r\n\r\n");
        auto response = client.nextResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("hello fixed"));
        QCOMPARE(response->header("content-length"), QByteArray("11"));
        QVERIFY(!response->header("date").isEmpty());
    }
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_server->openConnectionCount(), 1);
    QCOMPARE(m_handler->requests.size(), 3);
}

void TestHttp1Connection::requestIsDecodedForTheHandler()
{
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("POST /echo?labelSelector=app%3Dweb%2Cowner%3Dhelm&q=a+b HTTP/1.1\r\nHost: localhost:1\r\n"
                "Content-Type: Application/JSON\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
    auto response = client.nextResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("{\"a\":1}"));
    QCOMPARE(m_handler->requests.size(), 1);
    const fd::sim::HttpRequest &request = m_handler->requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.protocol, QByteArray("HTTP/1.1"));
    QCOMPARE(request.path, QStringLiteral("/echo"));
    QCOMPARE(request.target, QByteArray("/echo?labelSelector=app%3Dweb%2Cowner%3Dhelm&q=a+b"));
    QCOMPARE(request.queryValue(QStringLiteral("labelSelector")), QStringLiteral("app=web,owner=helm"));
    QCOMPARE(request.queryValue(QStringLiteral("q")), QStringLiteral("a b"));
    QCOMPARE(request.header("content-type"), QByteArray("Application/JSON")); // names lower-cased, values kept
    QCOMPARE(request.header("host"), QByteArray("localhost:1"));
    QVERIFY(!request.overTls);
    QVERIFY(request.peerCertificates.isEmpty());
}

void TestHttp1Connection::pipelinedRequestsAreAnsweredInOrder()
{
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    // The first answer is the slowest; the others must still wait for it.
    client.send("GET /hold?ms=150 HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /fixed HTTP/1.1\r\nHost: x\r\n\r\n"
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nthird"
                "GET /stream?n=2&ms=10 HTTP/1.1\r\nHost: x\r\n\r\n");
    const QList<QByteArray> expected{"held", "hello fixed", "third", "chunk 0\nchunk 1\n"};
    for (const QByteArray &body : expected) {
        auto response = client.nextResponse();
        QVERIFY2(response, body.constData());
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, body);
    }
    QCOMPARE(m_handler->requests.size(), 4);
    QCOMPARE(m_handler->maxHeldAtOnce, 1);
}

void TestHttp1Connection::chunkedStreamArrivesIncrementally()
{
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("GET /stream?n=4&ms=120 HTTP/1.1\r\nHost: x\r\n\r\n");
    QElapsedTimer clock;
    clock.start();
    QVERIFY(RawHttp1Client::waitUntil([&] { return client.received.contains("chunk 0\n"); }));
    const qint64 firstAt = clock.elapsed();
    // The first chunk is on the wire while the stream is still running.
    QVERIFY(!client.received.contains("0\r\n\r\n"));
    QVERIFY(!client.received.contains("chunk 3"));
    auto response = client.nextResponse();
    QVERIFY(response);
    QVERIFY(response->chunked);
    QCOMPARE(response->body, QByteArray("chunk 0\nchunk 1\nchunk 2\nchunk 3\n"));
    QVERIFY2(clock.elapsed() - firstAt >= 300, qPrintable(QString::number(clock.elapsed() - firstAt)));
    QCOMPARE(m_handler->finishedStreams, 1);
}

void TestHttp1Connection::headRequestGetsHeadersOnly()
{
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("HEAD /fixed HTTP/1.1\r\nHost: x\r\n\r\nGET /fixed HTTP/1.1\r\nHost: x\r\n\r\n");
    // The HEAD answer announces 11 bytes but carries none: what follows is the GET's answer.
    QVERIFY(RawHttp1Client::waitUntil([&] { return client.received.count("HTTP/1.1 200") == 2
                                                    && client.received.endsWith("hello fixed"); }));
    QCOMPARE(client.received.count("hello fixed"), 1);
}

void TestHttp1Connection::connectionCloseIsHonoured()
{
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("GET /fixed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    auto response = client.nextResponse();
    QVERIFY(response);
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnect());
}

void TestHttp1Connection::malformedRequestGets400_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addRow("header without colon") << QByteArray("GET /fixed HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n");
    QTest::addRow("unknown method") << QByteArray("G@T /fixed HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::addRow("not HTTP at all") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 hello\r\n\r\n");
    QTest::addRow("bad chunk size") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::addRow("bad escape in path") << QByteArray("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::addRow("HTTP/2 preface in cleartext") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
}

void TestHttp1Connection::malformedRequestGets400()
{
    QFETCH(QByteArray, request);
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(request);
    auto response = client.nextResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    const QJsonObject status = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(status.value(QStringLiteral("kind")).toString(), QStringLiteral("Status"));
    QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("BadRequest"));
    QCOMPARE(status.value(QStringLiteral("code")).toInt(), 400);
    QVERIFY2(status.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("malformed HTTP request")),
             response->body.constData());
    QVERIFY(client.waitForDisconnect());
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttp1Connection::oversizedBodyGets413_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body");
    const qint64 limit = HttpServer::MaxRequestBodyBytes;
    QTest::addRow("announced by content-length")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ") + QByteArray::number(limit + 1) + "\r\n\r\n"
        << QByteArray(); // refused before a byte of the body is sent
    const QByteArray chunk(1024 * 1024, 'x');
    QByteArray chunked;
    for (int i = 0; i < 4; ++i)
        chunked += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    QTest::addRow("chunked beyond the limit")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n") << chunked;
}

void TestHttp1Connection::oversizedBodyGets413()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(head + body);
    auto response = client.nextResponse(10000);
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    const QJsonObject status = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("RequestEntityTooLarge"));
    QCOMPARE(status.value(QStringLiteral("code")).toInt(), 413);
    QCOMPARE(status.value(QStringLiteral("message")).toString(),
             QStringLiteral("Request entity too large: limit is %1").arg(HttpServer::MaxRequestBodyBytes));
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttp1Connection::clientDisconnectClosesResponder()
{
    RawHttp1Client client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("GET /forever?ms=20 HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(RawHttp1Client::waitUntil([&] { return client.received.contains("tick 1\n"); }));
    QVERIFY(m_handler->closedPaths.isEmpty());
    client.socket.abort();
    QTRY_COMPARE(m_handler->closedPaths, QStringList{QStringLiteral("/forever")});
    QTRY_COMPARE(m_server->openConnectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestHttp1Connection)
#include "tst_http1connection.moc"
