#pragma once

#include "kube/transport/CredentialProvider.h"
#include "kube/transport/KubeRequest.h"
#include "kube/transport/RetryPolicy.h"

#include <QObject>
#include <QPointer>
#include <QSslError>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Internal to the transport module (RestClient's engine; use RestClient, KubeReply, KubeStream).
// One request's life on the session thread: get a credential → send on a manager from the pool →
// classify the answer → retry (RetryPolicy; once more after a 401 with a refreshed credential)
// or finish. Buffered mode collects the body; streaming mode reports the head and the chunks as
// they come and never retries once the stream has opened.

namespace fd::kube {

class RestClient;

class RequestDriver : public QObject {
    Q_OBJECT
public:
    enum class Mode { Buffered, Streaming };

    RequestDriver(RestClient *client, const KubeRequest &request, Mode mode, QObject *parent);
    ~RequestDriver() override;

    // Starts on the next event loop pass (so no signal fires from within the caller).
    void start();
    // Ends it with ErrorKind::Cancelled; done() is emitted synchronously unless already done.
    void cancel();
    // The client is going away: abort without emitting anything.
    void detach();
    int attempts() const { return m_attempts; }

Q_SIGNALS:
    void opened(const fd::kube::KubeResponse &head);
    void chunk(const QByteArray &data);
    void done(const fd::kube::KubeResult &result);

private:
    void beginAttempt();
    void sendWith(const CredentialResult &credential);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onDeadline();
    void onIdle();
    void releaseReply();
    void finish(const KubeResult &result);
    void retryOrFinish(const AttemptOutcome &outcome);
    KubeResponse headOf(QNetworkReply *reply) const;
    void emitWarnings(const KubeResponse &response);

    QPointer<RestClient> m_client;
    KubeRequest m_request;
    Mode m_mode;
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_manager = nullptr;
    QTimer *m_deadline = nullptr;
    QTimer *m_idle = nullptr;
    QTimer *m_retryTimer = nullptr;
    QList<QSslError> m_sslErrors;
    QByteArray m_body;
    quint64 m_credentialGeneration = 0;
    RetryCounters m_retries;
    int m_attempts = 0;
    bool m_authRetried = false;
    bool m_opened = false;
    bool m_timedOut = false;
    bool m_idleTimedOut = false;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace fd::kube
