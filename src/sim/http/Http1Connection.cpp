#include "sim/http/Http1Connection.h"

#include "sim/http/HttpRequestTarget.h"
#include "sim/http/HttpStatusBody.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

namespace fd::sim {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace

// Writes one response on the connection. Chunked unless the handler gave a length.
class Http1Responder final : public HttpResponder {
public:
    Http1Responder(Http1Connection *connection, bool keepAlive, bool headRequest)
        : HttpResponder(connection), m_connection(connection), m_keepAlive(keepAlive),
          m_headRequest(headRequest)
    {
    }

    void start(int status, const HttpHeaders &headers) override
    {
        HttpHeaders all = headers;
        all.append({QByteArrayLiteral("transfer-encoding"), QByteArrayLiteral("chunked")});
        m_chunked = true;
        writeHead(status, all);
    }

    void write(const QByteArray &data) override
    {
        if (!isOpen() || data.isEmpty() || m_headRequest)
            return;
        QTcpSocket *socket = m_connection->m_socket;
        if (m_chunked) {
            socket->write(QByteArray::number(data.size(), 16) + "\r\n");
            socket->write(data);
            socket->write("\r\n");
        } else {
            socket->write(data);
        }
        socket->flush();
    }

    void finish() override
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_connection && m_connection->m_socket->isOpen()) {
            if (m_chunked && !m_headRequest)
                m_connection->m_socket->write("0\r\n\r\n");
            m_connection->m_socket->flush();
            m_connection->responseFinished(m_keepAlive);
        }
    }

    void abort() override
    {
        if (m_connection && m_connection->m_socket->isOpen()) {
            m_finished = true;
            m_connection->m_socket->abort();
        }
    }

    bool isOpen() const override
    {
        return !m_finished && !m_gone && m_connection && m_connection->m_socket->isOpen();
    }

    void markGone()
    {
        if (m_gone)
            return;
        m_gone = true;
        Q_EMIT closed();
    }

protected:
    void startFixed(int status, const HttpHeaders &headers) override { writeHead(status, headers); }

private:
    void writeHead(int status, const HttpHeaders &headers)
    {
        if (m_headWritten || !isOpen())
            return;
        m_headWritten = true;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
        bool hasDate = false;
        for (const auto &[name, value] : headers) {
            head += name + ": " + value + "\r\n";
            hasDate = hasDate || name == "date";
        }
        if (!hasDate)
            head += "date: " + QDateTime::currentDateTimeUtc().toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1() + "\r\n";
        if (!m_keepAlive)
            head += "connection: close\r\n";
        head += "\r\n";
        m_connection->m_socket->write(head);
    }

    QPointer<Http1Connection> m_connection;
    bool m_keepAlive;
    bool m_headRequest;
    bool m_chunked = false;
    bool m_headWritten = false;
    bool m_finished = false;
    bool m_gone = false;
};

Http1Connection::Http1Connection(QTcpSocket *socket, HttpHandler *handler, qint64 maxBodyBytes,
                                 QObject *parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_maxBodyBytes(maxBodyBytes)
{
    socket->setParent(this);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    http_parser_settings_init(&m_settings);
    m_settings.on_message_begin = &Http1Connection::onMessageBegin;
    m_settings.on_url = &Http1Connection::onUrl;
    m_settings.on_header_field = &Http1Connection::onHeaderField;
    m_settings.on_header_value = &Http1Connection::onHeaderValue;
    m_settings.on_headers_complete = &Http1Connection::onHeadersComplete;
    m_settings.on_body = &Http1Connection::onBody;
    m_settings.on_message_complete = &Http1Connection::onMessageComplete;

    connect(socket, &QTcpSocket::readyRead, this, &Http1Connection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, this, &Http1Connection::socketClosed);
    connect(socket, &QTcpSocket::errorOccurred, this, &Http1Connection::socketClosed);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &Http1Connection::readAvailable, Qt::QueuedConnection);
}

Http1Connection::~Http1Connection()
{
    if (m_active)
        m_active->markGone();
}

void Http1Connection::readAvailable()
{
    m_pending += m_socket->readAll();
    processBuffered();
}

void Http1Connection::processBuffered()
{
    while (!m_active && !m_closing && !m_pending.isEmpty()) {
        const size_t parsed = http_parser_execute(&m_parser, &m_settings, m_pending.constData(),
                                                  static_cast<size_t>(m_pending.size()));
        const auto error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            // A complete request: the parser stopped right after it. Keep the rest.
            m_pending.remove(0, static_cast<qsizetype>(parsed));
            http_parser_pause(&m_parser, 0);
            if (!m_targetError.isEmpty()) {
                // Go's server answers an unparsable request URI with 400 and closes.
                rejectAndClose(400, QStringLiteral("malformed HTTP request: ") + m_targetError);
                return;
            }
            dispatch();
            continue;
        }
        if (m_bodyTooLarge) {
            rejectAndClose(413, requestTooLargeMessage(m_maxBodyBytes));
            return;
        }
        if (error != HPE_OK) {
            rejectAndClose(400, QStringLiteral("malformed HTTP request: ")
                                    + QString::fromLatin1(http_errno_description(error)));
            return;
        }
        m_pending.clear();
    }
}

void Http1Connection::dispatch()
{
    m_requestReady = false;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    request.overTls = ssl != nullptr;
    if (ssl)
        request.peerCertificates = ssl->peerCertificateChain();
    const bool headRequest = request.method == "HEAD";
    auto *responder = new Http1Responder(this, m_keepAlive, headRequest);
    m_active = responder;
    m_handler->handle(request, responder);
}

void Http1Connection::responseFinished(bool keepAlive)
{
    if (m_active)
        m_active->deleteLater();
    m_active = nullptr;
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_pending.isEmpty())
        QMetaObject::invokeMethod(this, &Http1Connection::processBuffered, Qt::QueuedConnection);
}

void Http1Connection::rejectAndClose(int status, const QString &message)
{
    m_closing = true;
    const QByteArray body = failureStatusBody(
        status, status == 413 ? QByteArrayLiteral("RequestEntityTooLarge") : QByteArrayLiteral("BadRequest"), message);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                    + "\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_socket->flush();
    m_socket->disconnectFromHost();
}

void Http1Connection::socketClosed()
{
    if (m_active)
        m_active->markGone();
    m_closing = true;
    deleteLater();
}

int Http1Connection::onMessageBegin(http_parser *parser)
{
    auto *self = static_cast<Http1Connection *>(parser->data);
    self->m_request = HttpRequest();
    self->m_request.protocol = QByteArrayLiteral("HTTP/1.1");
    self->m_headerField.clear();
    self->m_targetError.clear();
    self->m_lastWasValue = false;
    return 0;
}

int Http1Connection::onUrl(http_parser *parser, const char *at, size_t length)
{
    auto *self = static_cast<Http1Connection *>(parser->data);
    self->m_request.target.append(at, static_cast<qsizetype>(length));
    return 0;
}

int Http1Connection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    auto *self = static_cast<Http1Connection *>(parser->data);
    if (self->m_lastWasValue) {
        self->m_headerField.clear();
        self->m_lastWasValue = false;
    }
    self->m_headerField.append(at, static_cast<qsizetype>(length));
    return 0;
}

int Http1Connection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    auto *self = static_cast<Http1Connection *>(parser->data);
    if (!self->m_lastWasValue) {
        self->m_request.headers.append({self->m_headerField.toLower(), QByteArray()});
        self->m_lastWasValue = true;
    }
    self->m_request.headers.last().second.append(at, static_cast<qsizetype>(length));
    return 0;
}

int Http1Connection::onHeadersComplete(http_parser *parser)
{
    auto *self = static_cast<Http1Connection *>(parser->data);
    self->m_request.method = http_method_str(static_cast<http_method>(parser->method));
    self->m_keepAlive = http_should_keep_alive(parser) != 0;
    if (parser->content_length != ULLONG_MAX
        && parser->content_length > static_cast<quint64>(self->m_maxBodyBytes)) {
        self->m_bodyTooLarge = true;
        // Refuse before buffering an oversized body. Not 1 or 2: for on_headers_complete
        // those mean "skip the body", which would dispatch the request without it.
        return -1;
    }
    return 0;
}

int Http1Connection::onBody(http_parser *parser, const char *at, size_t length)
{
    auto *self = static_cast<Http1Connection *>(parser->data);
    if (self->m_request.body.size() + static_cast<qint64>(length) > self->m_maxBodyBytes) {
        self->m_bodyTooLarge = true;
        return 1;
    }
    self->m_request.body.append(at, static_cast<qsizetype>(length));
    return 0;
}

int Http1Connection::onMessageComplete(http_parser *parser)
{
    auto *self = static_cast<Http1Connection *>(parser->data);
    auto target = parseRequestTarget(self->m_request.target);
    if (target) {
        self->m_request.path = std::move(target->path);
        self->m_request.query = std::move(target->query);
    } else {
        self->m_targetError = target.error();
    }
    self->m_requestReady = true;
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace fd::sim

#include "moc_Http1Connection.cpp"
