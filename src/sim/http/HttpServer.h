#pragma once

#include "sim/http/HttpMessage.h"

#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace fd::sim {

struct TlsServerIdentity {
    QSslCertificate certificate;
    QSslKey privateKey;
    QList<QSslCertificate> clientCaCertificates; // client certificates are checked against these
};

// Accepts connections on one port and hands every parsed request to an HttpHandler.
// Plain TCP speaks HTTP/1.1 (as kube-apiserver does for cleartext); with TLS it offers
// ALPN h2 and http/1.1 and picks the connection type the client negotiated.
class HttpServer : public QObject {
    Q_OBJECT
public:
    explicit HttpServer(HttpHandler *handler, QObject *parent = nullptr);
    ~HttpServer() override;

    void setTlsIdentity(const TlsServerIdentity &identity);
    // HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS of new connections (kube-apiserver: 100).
    void setHttp2MaxConcurrentStreams(quint32 streams) { m_http2MaxStreams = streams; }
    // Listens on address:port (port 0 = any free port). Returns false with errorString().
    bool listen(const QHostAddress &address, quint16 port);
    void close();

    quint16 port() const;
    QUrl url() const;
    QString errorString() const;
    bool usesTls() const { return m_tls.has_value(); }
    int openConnectionCount() const { return m_connections; }

    // Requests larger than this are answered 413 (kube-apiserver limits bodies to 3 MiB).
    static constexpr qint64 MaxRequestBodyBytes = 3 * 1024 * 1024;

private:
    void acceptPending();
    void startConnection(QTcpSocket *socket);

    HttpHandler *m_handler;
    std::unique_ptr<QTcpServer> m_server;
    std::optional<TlsServerIdentity> m_tls;
    QHostAddress m_address;
    int m_connections = 0;
    quint32 m_http2MaxStreams = 100;
};

} // namespace fd::sim
