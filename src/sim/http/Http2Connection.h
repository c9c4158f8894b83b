#pragma once

#include "sim/http/HttpMessage.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>

class QTcpSocket;
class QTimer;
struct nghttp2_session;

namespace fd::sim {

class Http2Responder;

// One HTTP/2 connection (negotiated with ALPN "h2" over TLS), served with nghttp2's server
// session. Every request stream gets its own Http2Responder; responses are DATA frames
// pulled from the responder's buffer as the peer's flow-control window and the socket allow,
// so a streaming response (watch, followed log) reaches the client write by write.
// Settings mirror kube-apiserver's (k8s.io/apiserver secure_serving.go): 100 concurrent
// streams, 256 KiB stream window and frame size, connection window = 100 x 256 KiB,
// 1 MiB header list, 90 s idle timeout. The connection owns the socket and deletes itself
// when the socket closes.
class Http2Connection : public QObject {
    Q_OBJECT
public:
    static constexpr std::uint32_t MaxConcurrentStreams = 100;
    static constexpr std::int32_t StreamWindowBytes = 256 * 1024;
    static constexpr std::int32_t ConnectionWindowBytes = StreamWindowBytes * static_cast<std::int32_t>(MaxConcurrentStreams);
    static constexpr std::uint32_t MaxFrameBytes = 256 * 1024;
    static constexpr std::uint32_t MaxHeaderListBytes = 1 << 20;
    static constexpr std::chrono::milliseconds DefaultIdleTimeout{90'000};
    // Stop producing frames while this much is still queued in the socket: a client that
    // does not read must not make the server buffer without bound.
    static constexpr qint64 SocketHighWaterBytes = 512 * 1024;

    // maxConcurrentStreams: SETTINGS_MAX_CONCURRENT_STREAMS (tests lower it to make a client
    // exceed it on a fresh connection, before the SETTINGS arrive: REFUSED_STREAM).
    Http2Connection(QTcpSocket *socket, HttpHandler *handler, qint64 maxBodyBytes,
                    QObject *parent = nullptr, std::uint32_t maxConcurrentStreams = MaxConcurrentStreams);
    ~Http2Connection() override;

    // Graceful close: GOAWAY(NO_ERROR) naming the last stream accepted; running streams may
    // finish, then the connection closes.
    void shutdown();
    // A connection without streams for this long is shut down (GOAWAY), as Go's server does.
    void setIdleTimeout(std::chrono::milliseconds timeout);
    int openStreamCount() const { return static_cast<int>(m_streams.size()); }

private:
    friend class Http2Responder;
    struct Callbacks;
    struct Stream;
    struct SessionDeleter {
        void operator()(nghttp2_session *session) const;
    };

    void readAvailable();
    void sendPending();
    void scheduleSend();
    void processEvents();
    void dispatch(Stream &stream);
    void reject(Stream &stream, int status, const QByteArray &reason, const QString &message);
    void connectionLost();
    void updateIdleTimer();
    void closeIfDone();
    qint64 socketBacklog() const;

    Stream *stream(std::int32_t id);
    bool submitResponse(std::int32_t streamId, int status, const HttpHeaders &headers);
    void resumeStream(std::int32_t streamId);

    QTcpSocket *m_socket;
    HttpHandler *m_handler;
    qint64 m_maxBodyBytes;
    std::unique_ptr<nghttp2_session, SessionDeleter> m_session;
    std::map<std::int32_t, std::unique_ptr<Stream>> m_streams;
    QList<std::int32_t> m_readyStreams;               // complete or rejected, not yet handed on
    QList<QPointer<Http2Responder>> m_goneResponders; // closed() still to be emitted
    QList<QSslCertificate> m_peerCertificates;
    QTimer *m_idleTimer;
    bool m_overTls = false;
    bool m_inSession = false;   // inside nghttp2_session_mem_recv/mem_send: no re-entry
    bool m_sendScheduled = false;
    bool m_goingAway = false;   // GOAWAY submitted by us
    bool m_fatal = false;       // protocol error: send what is queued (GOAWAY), then close
    bool m_closing = false;     // disconnectFromHost() called
    bool m_lost = false;        // socket gone: nothing can be sent any more
};

} // namespace fd::sim
