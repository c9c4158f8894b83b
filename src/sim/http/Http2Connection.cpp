#include "sim/http/Http2Connection.h"

#include "sim/http/HttpRequestTarget.h"
#include "sim/http/HttpStatusBody.h"

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace fd::sim {

namespace {

// RFC 9113 §8.2.2: these describe the HTTP/1.1 connection and make an HTTP/2 message
// malformed; handlers written for both protocols may still set them.
bool isConnectionSpecific(const QByteArray &lowerName)
{
    return lowerName == "connection" || lowerName == "keep-alive" || lowerName == "proxy-connection"
        || lowerName == "transfer-encoding" || lowerName == "upgrade";
}

bool isValidFieldValue(const QByteArray &value)
{
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

QByteArray httpDate()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

nghttp2_nv makeNv(QByteArray &name, QByteArray &value)
{
    return nghttp2_nv{reinterpret_cast<uint8_t *>(name.data()), reinterpret_cast<uint8_t *>(value.data()),
                      static_cast<size_t>(name.size()), static_cast<size_t>(value.size()), NGHTTP2_NV_FLAG_NONE};
}

} // namespace

struct Http2Connection::Stream {
    explicit Stream(std::int32_t streamId) : id(streamId) {}

    std::int32_t id;
    HttpRequest request;
    QByteArray authority;
    qint64 headerListBytes = 0;
    bool headersTooLarge = false;
    bool requestComplete = false; // the peer sent END_STREAM
    bool queued = false;          // on m_readyStreams (complete, or to be rejected)
    int rejectStatus = 0;
    Http2Responder *responder = nullptr;
};

// The answer channel of one stream. Written data waits in m_pending until nghttp2 pulls it
// (Callbacks::readData) within the peer's flow-control window.
class Http2Responder final : public HttpResponder {
public:
    Http2Responder(Http2Connection *connection, std::int32_t streamId, bool headRequest)
        : HttpResponder(connection), m_connection(connection), m_streamId(streamId), m_headRequest(headRequest)
    {
    }

    void start(int status, const HttpHeaders &headers) override { submit(status, headers); }

    void write(const QByteArray &data) override
    {
        if (!isOpen() || !m_submitted || data.isEmpty() || m_headRequest)
            return;
        m_pending.append(data);
        m_connection->resumeStream(m_streamId);
    }

    void finish() override
    {
        if (!isOpen())
            return;
        // Like Go's server: a handler that returns without writing has answered 200.
        if (!m_submitted)
            submit(200, {});
        m_finished = true;
        if (m_connection)
            m_connection->resumeStream(m_streamId);
    }

    bool isOpen() const override { return !m_finished && !m_gone && m_connection; }

    // Moves up to `length` buffered bytes into nghttp2's frame buffer.
    size_t take(uint8_t *buffer, size_t length, bool &endOfStream)
    {
        const auto available = static_cast<size_t>(m_pending.size() - m_offset);
        const size_t count = std::min(available, length);
        if (count > 0)
            std::memcpy(buffer, m_pending.constData() + m_offset, count);
        m_offset += static_cast<qsizetype>(count);
        if (m_offset == m_pending.size()) {
            m_pending.clear();
            m_offset = 0;
        } else if (m_offset > 1024 * 1024) {
            m_pending.remove(0, m_offset);
            m_offset = 0;
        }
        endOfStream = m_finished && m_pending.isEmpty();
        return count;
    }

    // The stream is gone (reset, closed or connection lost): no frame may be sent any more.
    void detach() { m_gone = true; }

    void emitClosedIfUnfinished()
    {
        if (m_finished || m_closedEmitted)
            return;
        m_closedEmitted = true;
        Q_EMIT closed();
    }

protected:
    void startFixed(int status, const HttpHeaders &headers) override { submit(status, headers); }

private:
    void submit(int status, const HttpHeaders &headers)
    {
        if (m_submitted || !isOpen())
            return;
        m_submitted = m_connection->submitResponse(m_streamId, status, headers);
        if (!m_submitted)
            m_gone = true;
    }

    QPointer<Http2Connection> m_connection;
    std::int32_t m_streamId;
    bool m_headRequest;
    QByteArray m_pending;
    qsizetype m_offset = 0;
    bool m_submitted = false;
    bool m_finished = false;
    bool m_gone = false;
    bool m_closedEmitted = false;
};

// nghttp2 calls these from inside mem_recv/mem_send. They only record what happened;
// handlers and closed() signals run afterwards (processEvents), outside the library.
struct Http2Connection::Callbacks {
    static Http2Connection *connection(void *userData) { return static_cast<Http2Connection *>(userData); }

    static void enqueue(Http2Connection *self, Stream &stream)
    {
        if (stream.queued)
            return;
        stream.queued = true;
        self->m_readyStreams.append(stream.id);
    }

    static void markRejected(Http2Connection *self, Stream &stream, int status)
    {
        if (stream.rejectStatus != 0)
            return;
        stream.rejectStatus = status;
        stream.request.body.clear();
        enqueue(self, stream);
    }

    static int onBeginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *userData)
    {
        if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
            return 0;
        Http2Connection *self = connection(userData);
        auto stream = std::make_unique<Stream>(frame->hd.stream_id);
        stream->request.protocol = QByteArrayLiteral("HTTP/2");
        stream->request.overTls = self->m_overTls;
        stream->request.peerCertificates = self->m_peerCertificates;
        self->m_streams[frame->hd.stream_id] = std::move(stream);
        self->updateIdleTimer();
        return 0;
    }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t nameLength,
                        const uint8_t *value, size_t valueLength, uint8_t, void *userData)
    {
        Http2Connection *self = connection(userData);
        Stream *stream = self->stream(frame->hd.stream_id);
        // Trailers (HCAT_HEADERS) carry nothing the API layer reads.
        if (!stream || frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
            return 0;
        // RFC 9113 §6.5.2 counts 32 octets of overhead per field.
        stream->headerListBytes += static_cast<qint64>(nameLength + valueLength + 32);
        if (stream->headerListBytes > static_cast<qint64>(MaxHeaderListBytes)) {
            stream->headersTooLarge = true;
            return 0;
        }
        const QByteArray fieldName(reinterpret_cast<const char *>(name), static_cast<qsizetype>(nameLength));
        QByteArray fieldValue(reinterpret_cast<const char *>(value), static_cast<qsizetype>(valueLength));
        if (fieldName == ":method")
            stream->request.method = std::move(fieldValue);
        else if (fieldName == ":path")
            stream->request.target = std::move(fieldValue);
        else if (fieldName == ":authority")
            stream->authority = std::move(fieldValue);
        else if (!fieldName.startsWith(':'))
            stream->request.headers.append({fieldName, std::move(fieldValue)});
        return 0;
    }

    static int onFrameRecv(nghttp2_session *, const nghttp2_frame *frame, void *userData)
    {
        if (frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
            return 0;
        Http2Connection *self = connection(userData);
        Stream *stream = self->stream(frame->hd.stream_id);
        if (!stream)
            return 0;
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
            bool numeric = false;
            const qint64 contentLength = stream->request.header(QByteArrayLiteral("content-length")).toLongLong(&numeric);
            if (stream->headersTooLarge)
                markRejected(self, *stream, 431);
            else if (numeric && contentLength > self->m_maxBodyBytes)
                markRejected(self, *stream, 413); // refuse before the body arrives
        }
        if (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) {
            stream->requestComplete = true;
            enqueue(self, *stream);
        }
        return 0;
    }

    static int onDataChunkRecv(nghttp2_session *, uint8_t, int32_t streamId, const uint8_t *data, size_t length,
                               void *userData)
    {
        Http2Connection *self = connection(userData);
        Stream *stream = self->stream(streamId);
        if (!stream || stream->rejectStatus != 0)
            return 0;
        if (stream->request.body.size() + static_cast<qint64>(length) > self->m_maxBodyBytes) {
            markRejected(self, *stream, 413);
            return 0;
        }
        stream->request.body.append(reinterpret_cast<const char *>(data), static_cast<qsizetype>(length));
        return 0;
    }

    static int onFrameSend(nghttp2_session *session, const nghttp2_frame *frame, void *userData)
    {
        if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
            || !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            return 0;
        // The response is complete but the peer is still uploading (e.g. after 413): tell it
        // to stop, as RFC 9113 §8.1 suggests, instead of reading a body nobody wants.
        Stream *stream = connection(userData)->stream(frame->hd.stream_id);
        if (stream && !stream->requestComplete)
            nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, frame->hd.stream_id, NGHTTP2_NO_ERROR);
        return 0;
    }

    static int onStreamClose(nghttp2_session *, int32_t streamId, uint32_t, void *userData)
    {
        Http2Connection *self = connection(userData);
        const auto it = self->m_streams.find(streamId);
        if (it == self->m_streams.end())
            return 0;
        if (Http2Responder *responder = it->second->responder) {
            responder->detach();
            self->m_goneResponders.append(responder);
        }
        self->m_streams.erase(it);
        self->updateIdleTimer();
        return 0;
    }

    static ssize_t readData(nghttp2_session *, int32_t streamId, uint8_t *buffer, size_t length,
                            uint32_t *dataFlags, nghttp2_data_source *, void *userData)
    {
        Stream *stream = connection(userData)->stream(streamId);
        if (!stream || !stream->responder)
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE; // resets this stream only
        bool endOfStream = false;
        const size_t count = stream->responder->take(buffer, length, endOfStream);
        if (endOfStream)
            *dataFlags |= NGHTTP2_DATA_FLAG_EOF;
        else if (count == 0)
            return NGHTTP2_ERR_DEFERRED; // resumed by the next write() or finish()
        return static_cast<ssize_t>(count);
    }
};

void Http2Connection::SessionDeleter::operator()(nghttp2_session *session) const
{
    nghttp2_session_del(session);
}

Http2Connection::Http2Connection(QTcpSocket *socket, HttpHandler *handler, qint64 maxBodyBytes, QObject *parent,
                                 std::uint32_t maxConcurrentStreams)
    : QObject(parent), m_socket(socket), m_handler(handler), m_maxBodyBytes(maxBodyBytes),
      m_idleTimer(new QTimer(this))
{
    socket->setParent(this);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        m_overTls = true;
        m_peerCertificates = ssl->peerCertificateChain();
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &Http2Connection::sendPending);
    }
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(DefaultIdleTimeout);
    connect(m_idleTimer, &QTimer::timeout, this, &Http2Connection::shutdown);

    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_option *options = nullptr;
    nghttp2_session *session = nullptr;
    int rv = nghttp2_session_callbacks_new(&callbacks);
    if (rv == 0)
        rv = nghttp2_option_new(&options);
    if (rv == 0) {
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, &Callbacks::onBeginHeaders);
        nghttp2_session_callbacks_set_on_header_callback(callbacks, &Callbacks::onHeader);
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Callbacks::onFrameRecv);
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &Callbacks::onDataChunkRecv);
        nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, &Callbacks::onFrameSend);
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &Callbacks::onStreamClose);
        rv = nghttp2_session_server_new2(&session, callbacks, this, options);
    }
    nghttp2_option_del(options);
    nghttp2_session_callbacks_del(callbacks);
    m_session.reset(session);

    if (rv == 0) {
        const nghttp2_settings_entry settings[] = {
            {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, maxConcurrentStreams},
            {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, static_cast<std::uint32_t>(StreamWindowBytes)},
            {NGHTTP2_SETTINGS_MAX_FRAME_SIZE, MaxFrameBytes},
            {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, MaxHeaderListBytes},
        };
        rv = nghttp2_submit_settings(session, NGHTTP2_FLAG_NONE, settings, std::size(settings));
    }
    if (rv == 0)
        rv = nghttp2_session_set_local_window_size(session, NGHTTP2_FLAG_NONE, 0, ConnectionWindowBytes);
    if (rv != 0) {
        // Out of memory inside nghttp2: nothing sensible can be said on this connection.
        m_session.reset();
        m_fatal = true;
    }

    connect(socket, &QTcpSocket::readyRead, this, &Http2Connection::readAvailable);
    connect(socket, &QTcpSocket::bytesWritten, this, &Http2Connection::sendPending);
    connect(socket, &QTcpSocket::disconnected, this, &Http2Connection::connectionLost);
    connect(socket, &QTcpSocket::errorOccurred, this, &Http2Connection::connectionLost);
    updateIdleTimer();
    sendPending();
    // The client's preface may already sit in the socket's buffer (read during the handshake).
    QMetaObject::invokeMethod(this, &Http2Connection::readAvailable, Qt::QueuedConnection);
}

Http2Connection::~Http2Connection()
{
    disconnect(m_socket, nullptr, this, nullptr);
    if (!m_lost && m_session && m_socket->state() == QAbstractSocket::ConnectedState) {
        // Best effort: tell the client why the connection ends before the socket goes.
        nghttp2_session_terminate_session(m_session.get(), NGHTTP2_NO_ERROR);
        m_inSession = true;
        for (;;) {
            const uint8_t *data = nullptr;
            const ssize_t length = nghttp2_session_mem_send(m_session.get(), &data);
            if (length <= 0)
                break;
            m_socket->write(reinterpret_cast<const char *>(data), length);
        }
        m_inSession = false;
        m_socket->flush();
    }
    m_lost = true;
    for (auto &[id, stream] : m_streams) {
        if (stream->responder) {
            stream->responder->detach();
            m_goneResponders.append(stream->responder);
        }
    }
    m_streams.clear();
    for (const QPointer<Http2Responder> &responder : std::exchange(m_goneResponders, {})) {
        if (responder)
            responder->emitClosedIfUnfinished();
    }
}

void Http2Connection::shutdown()
{
    if (m_lost || !m_session || m_goingAway)
        return;
    m_goingAway = true;
    nghttp2_submit_goaway(m_session.get(), NGHTTP2_FLAG_NONE,
                          nghttp2_session_get_last_proc_stream_id(m_session.get()), NGHTTP2_NO_ERROR, nullptr, 0);
    scheduleSend();
}

void Http2Connection::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimer->setInterval(timeout);
    updateIdleTimer();
}

Http2Connection::Stream *Http2Connection::stream(std::int32_t id)
{
    const auto it = m_streams.find(id);
    return it == m_streams.end() ? nullptr : it->second.get();
}

void Http2Connection::readAvailable()
{
    if (m_lost)
        return;
    if (m_inSession) {
        QMetaObject::invokeMethod(this, &Http2Connection::readAvailable, Qt::QueuedConnection);
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty() || !m_session || m_fatal)
        return;
    m_inSession = true;
    const ssize_t consumed = nghttp2_session_mem_recv(m_session.get(), reinterpret_cast<const uint8_t *>(data.constData()),
                                                      static_cast<size_t>(data.size()));
    m_inSession = false;
    if (consumed < 0) {
        // A protocol violation, a flood, or a client that does not speak HTTP/2 at all:
        // say so with GOAWAY (a no-op if nghttp2 has queued one already), then close.
        nghttp2_session_terminate_session(m_session.get(), NGHTTP2_PROTOCOL_ERROR);
        m_fatal = true;
    }
    processEvents();
    sendPending();
}

void Http2Connection::scheduleSend()
{
    if (m_sendScheduled || m_lost)
        return;
    m_sendScheduled = true;
    QMetaObject::invokeMethod(this, &Http2Connection::sendPending, Qt::QueuedConnection);
}

qint64 Http2Connection::socketBacklog() const
{
    qint64 backlog = m_socket->bytesToWrite();
    if (m_overTls)
        backlog += static_cast<QSslSocket *>(m_socket)->encryptedBytesToWrite();
    return backlog;
}

void Http2Connection::sendPending()
{
    m_sendScheduled = false;
    if (m_lost || m_inSession)
        return;
    if (m_session) {
        m_inSession = true;
        while (nghttp2_session_want_write(m_session.get()) && socketBacklog() < SocketHighWaterBytes) {
            const uint8_t *data = nullptr;
            const ssize_t length = nghttp2_session_mem_send(m_session.get(), &data);
            if (length < 0) {
                m_fatal = true;
                break;
            }
            if (length == 0)
                break;
            m_socket->write(reinterpret_cast<const char *>(data), length);
        }
        m_inSession = false;
    }
    processEvents();
    closeIfDone();
}

void Http2Connection::processEvents()
{
    while (!m_readyStreams.isEmpty() && !m_lost) {
        Stream *ready = stream(m_readyStreams.takeFirst());
        if (!ready || ready->responder)
            continue;
        if (ready->rejectStatus == 413)
            reject(*ready, 413, QByteArrayLiteral("RequestEntityTooLarge"), requestTooLargeMessage(m_maxBodyBytes));
        else if (ready->rejectStatus == 431)
            reject(*ready, 431, QByteArrayLiteral("RequestHeaderFieldsTooLarge"),
                   QStringLiteral("request header fields exceed %1 bytes").arg(MaxHeaderListBytes));
        else
            dispatch(*ready);
    }
    for (const QPointer<Http2Responder> &responder : std::exchange(m_goneResponders, {})) {
        if (!responder)
            continue;
        responder->emitClosedIfUnfinished();
        responder->deleteLater();
    }
}

void Http2Connection::dispatch(Stream &stream)
{
    auto target = parseRequestTarget(stream.request.target);
    if (!target) {
        // What Go's server does with an unparsable :path (a stream error, not a response).
        nghttp2_submit_rst_stream(m_session.get(), NGHTTP2_FLAG_NONE, stream.id, NGHTTP2_PROTOCOL_ERROR);
        scheduleSend();
        return;
    }
    HttpRequest request = std::move(stream.request);
    request.path = std::move(target->path);
    request.query = std::move(target->query);
    // HTTP/2 carries the host as :authority; give handlers the header they know.
    if (!stream.authority.isEmpty() && request.header(QByteArrayLiteral("host")).isEmpty())
        request.headers.append({QByteArrayLiteral("host"), stream.authority});
    auto *responder = new Http2Responder(this, stream.id, request.method == "HEAD");
    stream.responder = responder;
    m_handler->handle(request, responder);
}

void Http2Connection::reject(Stream &stream, int status, const QByteArray &reason, const QString &message)
{
    auto *responder = new Http2Responder(this, stream.id, false);
    stream.responder = responder;
    responder->respond(status, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}},
                       failureStatusBody(status, reason, message));
}

bool Http2Connection::submitResponse(std::int32_t streamId, int status, const HttpHeaders &headers)
{
    if (m_lost || !m_session || !stream(streamId))
        return false;
    // nghttp2 copies names and values during the call; these only have to outlive it.
    std::vector<QByteArray> storage;
    storage.reserve(static_cast<size_t>(headers.size()) * 2 + 4);
    std::vector<nghttp2_nv> fields;
    fields.reserve(static_cast<size_t>(headers.size()) + 2);
    auto add = [&](QByteArray name, QByteArray value) {
        storage.push_back(std::move(name));
        QByteArray &storedName = storage.back();
        storage.push_back(std::move(value));
        fields.push_back(makeNv(storedName, storage.back()));
    };
    add(QByteArrayLiteral(":status"), QByteArray::number(status));
    bool hasDate = false;
    for (const auto &[name, value] : headers) {
        const QByteArray lowerName = name.toLower();
        if (lowerName.isEmpty() || lowerName.startsWith(':') || isConnectionSpecific(lowerName)
            || !isValidFieldValue(value))
            continue;
        hasDate = hasDate || lowerName == "date";
        add(lowerName, value);
    }
    if (!hasDate)
        add(QByteArrayLiteral("date"), httpDate());

    nghttp2_data_provider provider{};
    provider.read_callback = &Callbacks::readData;
    if (nghttp2_submit_response(m_session.get(), streamId, fields.data(), fields.size(), &provider) != 0)
        return false;
    scheduleSend();
    return true;
}

void Http2Connection::resumeStream(std::int32_t streamId)
{
    if (m_lost || !m_session)
        return;
    // Fails harmlessly when the stream is not deferred (data already being pulled).
    nghttp2_session_resume_data(m_session.get(), streamId);
    scheduleSend();
}

void Http2Connection::updateIdleTimer()
{
    if (m_streams.empty() && !m_lost)
        m_idleTimer->start();
    else
        m_idleTimer->stop();
}

void Http2Connection::closeIfDone()
{
    if (m_lost || m_closing)
        return;
    const bool done = !m_session || m_fatal
        || (!nghttp2_session_want_read(m_session.get()) && !nghttp2_session_want_write(m_session.get()));
    if (!done)
        return;
    // After a fatal error the queued GOAWAY still has to go out; sendPending() stopped only
    // because the socket is full, and bytesWritten brings us back here.
    if (m_session && m_fatal && nghttp2_session_want_write(m_session.get())
        && socketBacklog() >= SocketHighWaterBytes)
        return;
    m_closing = true;
    m_socket->disconnectFromHost(); // writes what is buffered, then closes
}

void Http2Connection::connectionLost()
{
    if (m_lost)
        return;
    m_lost = true;
    m_idleTimer->stop();
    for (auto &[id, stream] : m_streams) {
        if (stream->responder) {
            stream->responder->detach();
            m_goneResponders.append(stream->responder);
        }
    }
    m_streams.clear();
    m_readyStreams.clear();
    processEvents();
    deleteLater();
}

} // namespace fd::sim

#include "moc_Http2Connection.cpp"
