#pragma once

#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/KubeReply.h"
#include "kube/transport/KubeRequest.h"
#include "kube/transport/RetryPolicy.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

// Sends Kubernetes API requests for one cluster (kube-protocol.md §3, §6). Lives on the session
// thread; every method is called there, and every signal and callback comes from there.
//
//  - Requests are relative to the API URL (a Rancher-style server path prefix is kept), with
//    `User-Agent: fission-desk/<version>`, `Accept: application/json` unless the request says
//    otherwise, the credential from the CredentialProvider, HTTP/2 allowed (used when the server
//    offers h2 through ALPN, i.e. over TLS), and gzip decoded by Qt (no Accept-Encoding is set,
//    or `identity` with disable-compression).
//  - Calls and streams use separate managers from a NetworkManagerPool, so open streams never
//    hold up calls or later streams.
//  - Answers: 2xx → KubeResponse; other statuses → KubeError from the Status body
//    (kubeErrorFromStatus: NotFound, Conflict, AlreadyExists, Forbidden with the reason,
//    Unauthorized, Gone, TooManyRequests, Invalid with causes, ServerError, Timeout), Retry-After
//    merged in; no answer → Transport, Tls ("not trusted" vs "host name mismatch", naming the
//    host) or Timeout.
//  - Retries follow RetryPolicy (429/503 Retry-After, backoff with jitter for idempotent
//    requests, refused HTTP/2 streams for any verb). A 401 invalidates the credential; when the
//    provider can refresh it (exec plugin, token file) the request is sent once more.
//  - `Warning: 299 - "…"` headers land in KubeResponse::warnings and in warningReceived().
//
// Destroying the client cancels everything still running (without callbacks or signals).

namespace fd::kube {

class CredentialProvider;
class NetworkManagerPool;
class RequestDriver;
struct Credential;

class RestClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const KubeResult &)>;

    // `credentials` may be null (no authentication); it is not owned and must outlive the client
    // or be deleted with it (the session owns both).
    RestClient(const ConnectionSettings &settings, CredentialProvider *credentials, QObject *parent = nullptr);
    ~RestClient() override;

    // A call; the reply is a child of this client (see KubeReply).
    KubeReply *send(const KubeRequest &request);
    // A call whose result goes to `callback`, invoked in `context`'s thread (queued when that is
    // another thread). Destroying `context` first cancels the request and drops the callback.
    void send(const KubeRequest &request, QObject *context, Callback callback);
    // A stream (watch, followed log); a child of this client (see KubeStream).
    KubeStream *openStream(const KubeRequest &request);

    const ConnectionSettings &settings() const { return m_settings; }
    CredentialProvider *credentials() const;
    NetworkManagerPool *pool() const { return m_pool; }
    RetryPolicy &retryPolicy() { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    static QByteArray userAgent();

    // Diagnostics, for tests and the connection panel.
    struct Statistics {
        int requests = 0;            // sent attempts (calls and streams)
        int retries = 0;             // attempts beyond the first
        int refusedStreamRetries = 0;
        int unauthorizedRetries = 0; // resent after a credential refresh
        int http2Responses = 0;      // answers that came over HTTP/2
    };
    const Statistics &statistics() const { return m_statistics; }

Q_SIGNALS:
    // A server warning (`Warning: 299 - "text"`) on any response; `request` is "VERB /path".
    void warningReceived(const QString &text, const QString &request);

private:
    friend class RequestDriver;
    // The client certificate for a credential: the exec plugin's when it brought one (parsed
    // once; a changed certificate retires every manager so new connections present it).
    Expected<ClientCertificate, KubeError> certificateFor(const Credential &credential);
    void track(RequestDriver *driver);
    void untrack(RequestDriver *driver);

    ConnectionSettings m_settings;
    QPointer<CredentialProvider> m_credentials;
    NetworkManagerPool *m_pool = nullptr;
    RetryPolicy m_retryPolicy;
    QByteArray m_execCertificatePem;
    ClientCertificate m_execCertificate;
    QSet<RequestDriver *> m_drivers;
    Statistics m_statistics;
};

} // namespace fd::kube
