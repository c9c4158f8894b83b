#include "sim/http/HttpServer.h"

#include "sim/http/Http1Connection.h"
#include "sim/http/Http2Connection.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

namespace fd::sim {

HttpServer::HttpServer(HttpHandler *handler, QObject *parent)
    : QObject(parent), m_handler(handler)
{
}

HttpServer::~HttpServer() = default;

void HttpServer::setTlsIdentity(const TlsServerIdentity &identity)
{
    m_tls = identity;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    m_address = address;
    if (m_tls) {
        auto sslServer = std::make_unique<QSslServer>();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(m_tls->certificate);
        config.setPrivateKey(m_tls->privateKey);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        // Like kube-apiserver: a client certificate is optional (tokens work without one),
        // but when one is sent it must chain to the client CA.
        config.setPeerVerifyMode(QSslSocket::QueryPeer);
        config.setCaCertificates(m_tls->clientCaCertificates);
        // Server preference order decides: h2 whenever the client offers it, as Go's server.
        config.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2, QSslConfiguration::NextProtocolHttp1_1});
        sslServer->setSslConfiguration(config);
        connect(sslServer.get(), &QSslServer::errorOccurred, this,
                [](QSslSocket *socket, QAbstractSocket::SocketError) { socket->deleteLater(); });
        connect(sslServer.get(), &QSslServer::handshakeInterruptedOnError, this,
                [](QSslSocket *socket, QSslError) { socket->abort(); });
        m_server = std::move(sslServer);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    m_server->setMaxPendingConnections(1024);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    return m_server->listen(address, port);
}

void HttpServer::close()
{
    if (m_server)
        m_server->close();
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl HttpServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(port());
    return url;
}

QString HttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

void HttpServer::acceptPending()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (socket)
            startConnection(socket);
    }
}

void HttpServer::startConnection(QTcpSocket *socket)
{
    ++m_connections;
    connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    const bool http2 = ssl && ssl->sslConfiguration().nextNegotiatedProtocol() == QSslConfiguration::ALPNProtocolHTTP2;
    QObject *connection = http2 ? static_cast<QObject *>(new Http2Connection(socket, m_handler, MaxRequestBodyBytes,
                                                                                 nullptr, m_http2MaxStreams))
                                : new Http1Connection(socket, m_handler, MaxRequestBodyBytes);
    // The connection object owns the socket and deletes itself when the socket closes.
    connection->setParent(this);
}

} // namespace fd::sim

#include "moc_HttpServer.cpp"
