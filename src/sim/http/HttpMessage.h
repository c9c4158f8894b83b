#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QUrlQuery>

namespace fd::sim {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One parsed HTTP request as the emulator's API layer sees it, whatever the wire protocol
// (HTTP/1.1 or HTTP/2) was. Header names are lower-cased.
struct HttpRequest {
    QByteArray method;
    QByteArray target;    // raw request target: path plus query, as sent
    QString path;         // percent-decoded path without the query
    QUrlQuery query;      // fully decoded query items
    HttpHeaders headers;
    QByteArray body;
    bool overTls = false;
    QByteArray protocol;  // "HTTP/1.1" or "HTTP/2"
    QList<QSslCertificate> peerCertificates; // client certificate chain (TLS only)

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        for (const auto &[name, value] : headers) {
            if (name == lowerCaseName)
                return value;
        }
        return {};
    }
    QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
    bool hasQuery(const QString &key) const { return query.hasQueryItem(key); }
};

// The answer channel for one request. Short answers use respond(); streams (watches,
// followed logs) call start() once, write() any number of times (each write reaches the
// client at once: chunk on HTTP/1.1, DATA frame on HTTP/2) and finish() at the end.
// The connection owns the responder; handlers keep a QPointer and stop writing after
// closed() (client went away).
class HttpResponder : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~HttpResponder() override = default;

    virtual void start(int status, const HttpHeaders &headers) = 0;
    virtual void write(const QByteArray &data) = 0;
    virtual void finish() = 0;
    virtual bool isOpen() const = 0;
    // Ends the response abnormally, as a network failure would (HTTP/1.1: the connection
    // is cut; HTTP/2: the stream is reset). Used by fault injection to drop watches.
    virtual void abort() { finish(); }

    // A complete response with Content-Length.
    void respond(int status, const HttpHeaders &headers, const QByteArray &body)
    {
        HttpHeaders all = headers;
        all.append({QByteArrayLiteral("content-length"), QByteArray::number(body.size())});
        startFixed(status, all);
        if (!body.isEmpty())
            write(body);
        finish();
    }

Q_SIGNALS:
    // The peer closed the connection or reset the stream; nothing more can be written.
    void closed();

protected:
    // Starts a response whose headers already carry content-length (no chunking).
    virtual void startFixed(int status, const HttpHeaders &headers) = 0;
};

// Whatever answers requests (the Kubernetes API layer) implements this. It is called on the
// thread the server lives on and must not block: long answers keep the responder.
class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    virtual void handle(const HttpRequest &request, HttpResponder *responder) = 0;
};

} // namespace fd::sim
