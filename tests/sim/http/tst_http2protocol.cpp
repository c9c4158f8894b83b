#include "TestHttpHandler.h"

#include "sim/http/Http2Connection.h"
#include "sim/http/HttpServer.h"
#include "sim/tls/CertificateAuthority.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QtTest>

#include <nghttp2/nghttp2.h>

#include <map>
#include <vector>

using fd::sim::CertificateAuthority;
using fd::sim::Http2Connection;
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

template<typename Predicate>
bool waitUntil(Predicate predicate, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

// A frame-level HTTP/2 client (nghttp2's client session over QSslSocket): unlike Qt or
// curl it lets a test control windows, send RST_STREAM and see every frame.
class RawH2Client : public QObject {
public:
    struct StreamResult {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int dataFrames = 0;
        bool closed = false;
        uint32_t errorCode = 0;
    };

    std::map<int32_t, StreamResult> streams;
    bool goawayReceived = false;
    uint32_t goawayError = 0;
    bool settingsReceived = false;

    ~RawH2Client() override { nghttp2_session_del(m_session); }

    // streamWindow: the client's SETTINGS_INITIAL_WINDOW_SIZE. manualWindow: consume()
    // decides when WINDOW_UPDATEs go out.
    bool connectTo(quint16 port, const QSslCertificate &ca, int32_t streamWindow = 65535, bool manualWindow = false)
    {
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(callbacks, &RawH2Client::onHeader);
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &RawH2Client::onData);
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &RawH2Client::onFrame);
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &RawH2Client::onClose);
        nghttp2_option *options = nullptr;
        nghttp2_option_new(&options);
        nghttp2_option_set_no_auto_window_update(options, manualWindow ? 1 : 0);
        nghttp2_session_client_new2(&m_session, callbacks, this, options);
        nghttp2_option_del(options);
        nghttp2_session_callbacks_del(callbacks);
        const nghttp2_settings_entry settings[] = {{NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, uint32_t(streamWindow)},
                                                   {NGHTTP2_SETTINGS_ENABLE_PUSH, 0}};
        nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, 2);

        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({ca});
        ssl.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2});
        m_socket.setSslConfiguration(ssl);
        connect(&m_socket, &QSslSocket::readyRead, this, &RawH2Client::pump);
        connect(&m_socket, &QSslSocket::encrypted, this, &RawH2Client::pump);
        m_socket.connectToHostEncrypted(QStringLiteral("localhost"), port);
        return waitUntil([this] { return m_socket.isEncrypted(); })
            && m_socket.sslConfiguration().nextNegotiatedProtocol() == QSslConfiguration::ALPNProtocolHTTP2;
    }

    int32_t request(const QByteArray &method, const QByteArray &path, const std::vector<std::pair<QByteArray, QByteArray>> &extra = {})
    {
        std::vector<std::pair<QByteArray, QByteArray>> fields{
            {":method", method}, {":scheme", "https"}, {":authority", "localhost"}, {":path", path}};
        fields.insert(fields.end(), extra.begin(), extra.end());
        std::vector<nghttp2_nv> nva;
        for (auto &[name, value] : fields)
            nva.push_back({reinterpret_cast<uint8_t *>(name.data()), reinterpret_cast<uint8_t *>(value.data()),
                           size_t(name.size()), size_t(value.size()), NGHTTP2_NV_FLAG_NONE});
        const int32_t id = nghttp2_submit_request(m_session, nullptr, nva.data(), nva.size(), nullptr, this);
        streams[id];
        pump();
        return id;
    }

    void reset(int32_t id, uint32_t error = NGHTTP2_CANCEL)
    {
        nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, id, error);
        pump();
    }

    // Lets WINDOW_UPDATEs for everything received so far go out (manual window mode).
    void consumeAll(int32_t id)
    {
        const size_t pending = m_unconsumed[id];
        m_unconsumed[id] = 0;
        nghttp2_session_consume(m_session, id, pending);
        pump();
    }

    uint32_t remoteSetting(nghttp2_settings_id id) const { return nghttp2_session_get_remote_settings(m_session, id); }
    int32_t connectionWindowFromServer() const { return nghttp2_session_get_remote_window_size(m_session); }
    bool disconnected() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    void abortConnection() { m_socket.abort(); }

    void pump()
    {
        const QByteArray in = m_socket.readAll();
        if (!in.isEmpty())
            nghttp2_session_mem_recv(m_session, reinterpret_cast<const uint8_t *>(in.constData()), size_t(in.size()));
        for (;;) {
            const uint8_t *data = nullptr;
            const ssize_t length = nghttp2_session_mem_send(m_session, &data);
            if (length <= 0)
                break;
            m_socket.write(reinterpret_cast<const char *>(data), length);
        }
    }

private:
    static RawH2Client *self(void *user) { return static_cast<RawH2Client *>(user); }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t nameLength,
                        const uint8_t *value, size_t valueLength, uint8_t, void *user)
    {
        const QByteArray fieldName(reinterpret_cast<const char *>(name), qsizetype(nameLength));
        const QByteArray fieldValue(reinterpret_cast<const char *>(value), qsizetype(valueLength));
        StreamResult &stream = self(user)->streams[frame->hd.stream_id];
        if (fieldName == ":status")
            stream.status = fieldValue.toInt();
        else
            stream.headers.append({fieldName, fieldValue});
        return 0;
    }

    static int onData(nghttp2_session *, uint8_t, int32_t id, const uint8_t *data, size_t length, void *user)
    {
        self(user)->streams[id].body.append(reinterpret_cast<const char *>(data), qsizetype(length));
        self(user)->m_unconsumed[id] += length;
        return 0;
    }

    static int onFrame(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        if (frame->hd.type == NGHTTP2_GOAWAY) {
            self(user)->goawayReceived = true;
            self(user)->goawayError = frame->goaway.error_code;
        } else if (frame->hd.type == NGHTTP2_SETTINGS && !(frame->hd.flags & NGHTTP2_FLAG_ACK)) {
            self(user)->settingsReceived = true;
        } else if (frame->hd.type == NGHTTP2_DATA && frame->hd.length > 0) {
            ++self(user)->streams[frame->hd.stream_id].dataFrames;
        }
        return 0;
    }

    static int onClose(nghttp2_session *, int32_t id, uint32_t errorCode, void *user)
    {
        auto &stream = self(user)->streams[id];
        stream.closed = true;
        stream.errorCode = errorCode;
        return 0;
    }

    QSslSocket m_socket;
    nghttp2_session *m_session = nullptr;
    std::map<int32_t, size_t> m_unconsumed;
};

} // namespace

// Frame-level behaviour of Http2Connection: settings, flow control, resets, GOAWAY.
class TestHttp2Protocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void advertisesApiserverSettings();
    void eachWriteBecomesDataFrames();
    void respectsClientFlowControlWindow();
    void resetStreamClosesResponderAndStopsWriting();
    void malformedPathResetsStream();
    void headRequestGetsNoBody();
    void responseHeadersAreValidForHttp2();
    void connectionLossClosesEveryResponder();
    void idleConnectionGetsGoaway();
    void serverShutdownSendsGoaway();
    void garbageInsteadOfPrefaceClosesConnection();

private:
    std::optional<CertificateAuthority> m_ca;
    IssuedCertificate m_serverCertificate;
    std::unique_ptr<TestHttpHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
};

void TestHttp2Protocol::initTestCase()
{
    m_ca = valueOrFail(CertificateAuthority::generate(QStringLiteral("h2-protocol-ca")));
    m_serverCertificate = valueOrFail(m_ca->issueServerCertificate());
}

void TestHttp2Protocol::init()
{
    m_handler = std::make_unique<TestHttpHandler>();
    m_server = std::make_unique<HttpServer>(m_handler.get());
    m_server->setTlsIdentity(TlsServerIdentity{m_serverCertificate.certificate(), m_serverCertificate.privateKey(), {}});
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
}

void TestHttp2Protocol::cleanup()
{
    m_server.reset();
    m_handler.reset();
}

void TestHttp2Protocol::advertisesApiserverSettings()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    QVERIFY(waitUntil([&] { client.pump(); return client.settingsReceived; }));
    QCOMPARE(client.remoteSetting(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS), 100u);
    QCOMPARE(client.remoteSetting(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE), 256u * 1024);
    QCOMPARE(client.remoteSetting(NGHTTP2_SETTINGS_MAX_FRAME_SIZE), 256u * 1024);
    QCOMPARE(client.remoteSetting(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE), 1u << 20);
    // The connection window was raised to 100 x 256 KiB with a WINDOW_UPDATE on stream 0.
    QVERIFY(waitUntil([&] { client.pump(); return client.connectionWindowFromServer() == 100 * 256 * 1024; }));
}

void TestHttp2Protocol::eachWriteBecomesDataFrames()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t id = client.request("GET", "/stream?n=4&ms=60");
    QVERIFY(waitUntil([&] { return client.streams[id].closed; }));
    QCOMPARE(client.streams[id].status, 200);
    QCOMPARE(client.streams[id].errorCode, uint32_t(NGHTTP2_NO_ERROR));
    QCOMPARE(client.streams[id].body, QByteArray("chunk 0\nchunk 1\nchunk 2\nchunk 3\n"));
    // Written 60 ms apart: each write went out as its own frame, not batched at the end.
    QCOMPARE(client.streams[id].dataFrames, 4);
}

void TestHttp2Protocol::respectsClientFlowControlWindow()
{
    RawH2Client client;
    constexpr int32_t Window = 1000;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate(), Window, true));
    constexpr int Size = 200000;
    const int32_t id = client.request("GET", "/big?bytes=200000");
    QVERIFY(waitUntil([&] { return client.streams[id].body.size() >= Window; }));
    QTest::qWait(200);
    // Without a WINDOW_UPDATE the server may not send more than the window.
    QCOMPARE(client.streams[id].body.size(), Window);
    QVERIFY(!client.streams[id].closed);
    QVERIFY(waitUntil([&] {
        client.consumeAll(id);
        return client.streams[id].closed;
    }, 20000));
    QCOMPARE(client.streams[id].body, TestHttpHandler::bigBody(Size));
}

void TestHttp2Protocol::resetStreamClosesResponderAndStopsWriting()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t forever = client.request("GET", "/forever?ms=10");
    QVERIFY(waitUntil([&] { return client.streams[forever].body.contains("tick 3\n"); }));
    client.reset(forever);
    QTRY_COMPARE(m_handler->closedPaths, QStringList{QStringLiteral("/forever")});
    // The handler's timer saw the closed responder; nothing more goes out on that stream
    // and the connection still serves new streams.
    const qsizetype before = client.streams[forever].body.size();
    const int32_t next = client.request("GET", "/fixed");
    QVERIFY(waitUntil([&] { return client.streams[next].closed; }));
    QCOMPARE(client.streams[next].body, QByteArray("hello fixed"));
    QTest::qWait(100);
    client.pump();
    QCOMPARE(client.streams[forever].body.size(), before);
    QVERIFY(!client.goawayReceived);
}

void TestHttp2Protocol::malformedPathResetsStream()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t bad = client.request("GET", "/a%zz");
    QVERIFY(waitUntil([&] { return client.streams[bad].closed; }));
    QCOMPARE(client.streams[bad].errorCode, uint32_t(NGHTTP2_PROTOCOL_ERROR));
    QCOMPARE(client.streams[bad].status, 0);
    QVERIFY(m_handler->requests.isEmpty());
    const int32_t good = client.request("GET", "/fixed");
    QVERIFY(waitUntil([&] { return client.streams[good].closed; }));
    QCOMPARE(client.streams[good].status, 200);
}

void TestHttp2Protocol::headRequestGetsNoBody()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t id = client.request("HEAD", "/fixed");
    QVERIFY(waitUntil([&] { return client.streams[id].closed; }));
    QCOMPARE(client.streams[id].status, 200);
    QCOMPARE(client.streams[id].errorCode, uint32_t(NGHTTP2_NO_ERROR));
    QVERIFY(client.streams[id].body.isEmpty());
}

void TestHttp2Protocol::responseHeadersAreValidForHttp2()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t id = client.request("GET", "/mixed-headers");
    QVERIFY(waitUntil([&] { return client.streams[id].closed; }));
    // nghttp2's client would reset the stream on an upper-case or connection-specific name.
    QCOMPARE(client.streams[id].errorCode, uint32_t(NGHTTP2_NO_ERROR));
    QCOMPARE(client.streams[id].status, 200);
    QCOMPARE(client.streams[id].body, QByteArray("ok"));
    QStringList names;
    for (const auto &[name, value] : client.streams[id].headers)
        names.append(QString::fromLatin1(name));
    QVERIFY2(names.contains(QStringLiteral("x-mixed-case")), qPrintable(names.join(u',')));
    QVERIFY(names.contains(QStringLiteral("date")));
    QVERIFY(names.contains(QStringLiteral("content-length")));
    QVERIFY(!names.contains(QStringLiteral("connection")));
    QVERIFY(!names.contains(QStringLiteral("keep-alive")));
    QVERIFY(!names.contains(QStringLiteral("x-bad-value")));
}

void TestHttp2Protocol::connectionLossClosesEveryResponder()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t first = client.request("GET", "/forever?ms=10");
    const int32_t second = client.request("GET", "/forever?ms=10");
    QVERIFY(waitUntil([&] {
        return client.streams[first].body.contains("tick 1\n") && client.streams[second].body.contains("tick 1\n");
    }));
    client.abortConnection();
    QTRY_COMPARE(m_handler->closedPaths.size(), 2);
    QTRY_COMPARE(m_server->openConnectionCount(), 0);
}

void TestHttp2Protocol::idleConnectionGetsGoaway()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t id = client.request("GET", "/fixed");
    QVERIFY(waitUntil([&] { return client.streams[id].closed; }));
    auto *connection = m_server->findChild<Http2Connection *>();
    QVERIFY(connection);
    connection->setIdleTimeout(std::chrono::milliseconds(150));
    QVERIFY(waitUntil([&] { client.pump(); return client.goawayReceived; }));
    QCOMPARE(client.goawayError, uint32_t(NGHTTP2_NO_ERROR));
    QVERIFY(waitUntil([&] { return client.disconnected(); }));
    QTRY_COMPARE(m_server->openConnectionCount(), 0);
}

void TestHttp2Protocol::serverShutdownSendsGoaway()
{
    RawH2Client client;
    QVERIFY(client.connectTo(m_server->port(), m_ca->certificate()));
    const int32_t forever = client.request("GET", "/forever?ms=10");
    QVERIFY(waitUntil([&] { return client.streams[forever].body.contains("tick 1\n"); }));
    m_server.reset(); // destroys the connections
    QCOMPARE(m_handler->closedPaths, QStringList{QStringLiteral("/forever")});
    QVERIFY(waitUntil([&] { client.pump(); return client.goawayReceived; }));
    QCOMPARE(client.goawayError, uint32_t(NGHTTP2_NO_ERROR));
}

void TestHttp2Protocol::garbageInsteadOfPrefaceClosesConnection()
{
    QSslSocket socket;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({m_ca->certificate()});
    ssl.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2});
    socket.setSslConfiguration(ssl);
    socket.connectToHostEncrypted(QStringLiteral("localhost"), m_server->port());
    QVERIFY(waitUntil([&] { return socket.isEncrypted(); }));
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(waitUntil([&] { return socket.state() == QAbstractSocket::UnconnectedState; }));
    QVERIFY(m_handler->requests.isEmpty());
    QTRY_COMPARE(m_server->openConnectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestHttp2Protocol)
#include "tst_http2protocol.moc"
