#pragma once

#include "sim/http/HttpMessage.h"

#include <QObject>
#include <QPointer>

#include <http_parser.h>

#include <memory>

class QTcpSocket;

namespace fd::sim {

class Http1Responder;

// One HTTP/1.1 connection: parses requests with Node's http_parser (Debian's
// libhttp-parser), hands each to the handler, and writes fixed or chunked responses.
// Requests are answered in order; a pipelined request waits until the previous answer
// (possibly a long watch) has finished.
class Http1Connection : public QObject {
    Q_OBJECT
public:
    Http1Connection(QTcpSocket *socket, HttpHandler *handler, qint64 maxBodyBytes,
                    QObject *parent = nullptr);
    ~Http1Connection() override;

private:
    friend class Http1Responder;
    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);

    void readAvailable();
    void processBuffered();
    void dispatch();
    void responseFinished(bool keepAlive);
    void rejectAndClose(int status, const QString &message);
    void socketClosed();

    QTcpSocket *m_socket;
    HttpHandler *m_handler;
    qint64 m_maxBodyBytes;
    http_parser m_parser;
    http_parser_settings m_settings;
    QByteArray m_pending;          // bytes received while a response is still running
    HttpRequest m_request;         // request being parsed
    QByteArray m_headerField;
    QString m_targetError;         // set when the request target of m_request is malformed
    bool m_lastWasValue = false;
    bool m_requestReady = false;
    bool m_keepAlive = true;
    bool m_closing = false;
    bool m_bodyTooLarge = false;
    QPointer<Http1Responder> m_active;
};

} // namespace fd::sim
