#include "kube/transport/RequestDriver.h"

#include "kube/store/Decode.h"
#include "kube/transport/NetworkErrors.h"
#include "kube/transport/NetworkManagerPool.h"
#include "kube/transport/RestClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace fd::kube {

using namespace Qt::StringLiterals;

RequestDriver::RequestDriver(RestClient *client, const KubeRequest &request, Mode mode, QObject *parent)
    : QObject(parent), m_client(client), m_request(request), m_mode(mode)
{
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &RequestDriver::onDeadline);
    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, this, &RequestDriver::onIdle);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &RequestDriver::beginAttempt);
    client->track(this);
}

RequestDriver::~RequestDriver()
{
    releaseReply();
    if (m_client)
        m_client->untrack(this);
}

void RequestDriver::start()
{
    QMetaObject::invokeMethod(this, &RequestDriver::beginAttempt, Qt::QueuedConnection);
}

void RequestDriver::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    releaseReply(); // disconnects first: the abort must not come back through onFinished()
    NetworkFailureInput input;
    input.cancelled = true;
    finish(Unexpected(classifyNetworkFailure(input).error));
}

void RequestDriver::detach()
{
    m_done = true;
    m_retryTimer->stop();
    releaseReply();
    if (m_client)
        m_client->untrack(this);
    m_client = nullptr;
}

void RequestDriver::releaseReply()
{
    m_deadline->stop();
    m_idle->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    if (m_manager) {
        if (m_client)
            m_client->pool()->release(m_manager);
        m_manager = nullptr;
    }
}

void RequestDriver::beginAttempt()
{
    if (m_done || !m_client)
        return;
    if (m_cancelled) {
        cancel();
        return;
    }
    CredentialProvider *credentials = m_client->credentials();
    if (!credentials) {
        sendWith(Credential{});
        return;
    }
    // May call back at once (a token at hand) or after the exec plugin ran.
    credentials->acquire(this, [this](const CredentialResult &credential) { sendWith(credential); });
}

void RequestDriver::sendWith(const CredentialResult &credential)
{
    if (m_done || !m_client)
        return;
    if (m_cancelled) {
        cancel();
        return;
    }
    if (!credential) {
        finish(Unexpected(credential.error()));
        return;
    }
    const auto certificate = m_client->certificateFor(*credential);
    if (!certificate) {
        finish(Unexpected(certificate.error()));
        return;
    }
    m_credentialGeneration = credential->generation;

    const ConnectionSettings &settings = m_client->settings();
    QNetworkRequest request(settings.apiUrl(m_request.path, m_request.query));
    settings.applyTo(request, *certificate);
    request.setRawHeader("User-Agent", RestClient::userAgent());
    request.setRawHeader("Accept", m_request.accept.isEmpty() ? QByteArray("application/json") : m_request.accept);
    if (!m_request.contentType.isEmpty())
        request.setRawHeader("Content-Type", m_request.contentType);
    if (!credential->authorization.isEmpty())
        request.setRawHeader("Authorization", credential->authorization);
    if (settings.disableCompression())
        request.setRawHeader("Accept-Encoding", "identity");
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    ++m_attempts;
    ++m_client->m_statistics.requests;
    if (m_attempts > 1)
        ++m_client->m_statistics.retries;
    m_sslErrors.clear();
    m_body.clear();
    m_timedOut = false;
    m_idleTimedOut = false;

    m_manager = m_client->pool()->acquire(m_mode == Mode::Streaming ? NetworkManagerPool::Use::Stream
                                                                    : NetworkManagerPool::Use::Call);
    QNetworkReply *reply = m_manager->sendCustomRequest(request, m_request.verb, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(reply, &QNetworkReply::metaDataChanged, this, &RequestDriver::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &RequestDriver::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &RequestDriver::onFinished);
    if (m_request.timeoutMs > 0)
        m_deadline->start(m_request.timeoutMs);
}

KubeResponse RequestDriver::headOf(QNetworkReply *reply) const
{
    KubeResponse head;
    head.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    head.headers = reply->rawHeaderPairs();
    head.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    head.attempts = m_attempts;
    for (const auto &[name, value] : head.headers) {
        if (name.compare("Warning", Qt::CaseInsensitive) == 0)
            head.warnings += parseWarningHeader(value);
    }
    return head;
}

void RequestDriver::emitWarnings(const KubeResponse &response)
{
    if (!m_client)
        return;
    for (const QString &warning : response.warnings)
        Q_EMIT m_client->warningReceived(warning, m_request.describe());
}

void RequestDriver::onMetaData()
{
    if (m_mode != Mode::Streaming || m_opened || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300)
        return; // an error: its Status body is collected and decoded at the end
    m_opened = true;
    m_deadline->stop();
    if (m_request.idleTimeoutMs > 0)
        m_idle->start(m_request.idleTimeoutMs);
    const KubeResponse head = headOf(m_reply);
    if (head.http2 && m_client)
        ++m_client->m_statistics.http2Responses;
    emitWarnings(head);
    Q_EMIT opened(head); // may delete us (the stream's owner reacting): nothing after this
}

void RequestDriver::onReadyRead()
{
    if (!m_reply)
        return;
    const QPointer<RequestDriver> self(this);
    if (m_mode == Mode::Streaming && !m_opened) {
        onMetaData();
        if (!self || !m_reply)
            return;
    }
    if (m_mode == Mode::Streaming && m_opened) {
        const QByteArray data = m_reply->readAll();
        if (m_request.idleTimeoutMs > 0)
            m_idle->start(m_request.idleTimeoutMs);
        if (!data.isEmpty())
            Q_EMIT chunk(data);
        return;
    }
    m_body += m_reply->readAll();
}

void RequestDriver::onDeadline()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void RequestDriver::onIdle()
{
    if (!m_reply)
        return;
    m_idleTimedOut = true;
    m_reply->abort();
}

void RequestDriver::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    const QPointer<RequestDriver> self(this);
    if (m_mode == Mode::Streaming && !m_opened) {
        onMetaData();
        if (!self || m_done || !m_reply)
            return;
    }
    const bool streamingOpened = m_mode == Mode::Streaming && m_opened;
    if (!streamingOpened) {
        m_body += reply->readAll();
    } else if (reply->bytesAvailable() > 0) {
        Q_EMIT chunk(reply->readAll());
        if (!self || m_done || !m_reply) // a slot connected to chunk() cancelled or deleted us
            return;
    }

    const QNetworkReply::NetworkError code = reply->error();
    const QString errorString = reply->errorString();
    const KubeResponse head = headOf(reply);
    releaseReply();

    NetworkFailureInput input;
    input.code = code;
    input.errorString = errorString;
    input.sslErrors = m_sslErrors;
    input.host = m_client ? m_client->settings().host() : QString();
    input.timedOut = m_timedOut;
    input.idle = m_idleTimedOut;
    input.cancelled = m_cancelled;

    if (streamingOpened) {
        // Never retried: the consumer has seen data and resumes from its own position.
        if (code == QNetworkReply::NoError && !m_cancelled)
            finish(head);
        else
            finish(Unexpected(classifyNetworkFailure(input).error));
        return;
    }

    const bool hasStatus = head.status > 0 && !m_timedOut && !m_cancelled;
    if (!hasStatus || (head.status >= 200 && head.status < 300 && code != QNetworkReply::NoError)) {
        // No answer, or a 2xx whose body was cut off.
        const TransportFailure failure = classifyNetworkFailure(input);
        if (failure.error.kind == ErrorKind::Cancelled) {
            finish(Unexpected(failure.error));
            return;
        }
        AttemptOutcome outcome;
        outcome.error = failure.error;
        outcome.neverReachedServer = failure.neverReachedServer;
        outcome.refusedStream = failure.refusedStream;
        if (failure.refusedStream && m_client)
            ++m_client->m_statistics.refusedStreamRetries;
        retryOrFinish(outcome);
        return;
    }

    if (head.http2 && m_client)
        ++m_client->m_statistics.http2Responses;
    if (!streamingOpened)
        emitWarnings(head);

    if (head.status >= 200 && head.status < 300) {
        KubeResponse response = head;
        response.body = m_body;
        m_body.clear();
        finish(response);
        return;
    }

    KubeError error = kubeErrorFromStatus(head.status, m_body);
    if (const auto retryAfter = parseRetryAfter(head.header("Retry-After")))
        error.retryAfterSeconds = *retryAfter;
    m_body.clear();

    if (head.status == 401 && !m_authRetried && m_client && m_client->credentials()
        && m_client->credentials()->invalidate(m_credentialGeneration)) {
        // One more try with a refreshed credential (client-go re-runs the plugin but fails the
        // request; we resend it once, since the server rejected it before doing anything).
        m_authRetried = true;
        ++m_client->m_statistics.unauthorizedRetries;
        beginAttempt();
        return;
    }

    AttemptOutcome outcome;
    outcome.error = error;
    outcome.hasHttpStatus = true;
    retryOrFinish(outcome);
}

void RequestDriver::retryOrFinish(const AttemptOutcome &outcome)
{
    if (!m_client) {
        finish(Unexpected(outcome.error));
        return;
    }
    const RetryPolicy &policy = m_client->retryPolicy();
    int &counter = m_retries.of(RetryPolicy::budgetOf(outcome));
    const RetryDecision decision = policy.decide(outcome, m_request.isIdempotent(), counter);
    if (!decision.retry) {
        finish(Unexpected(outcome.error));
        return;
    }
    ++counter;
    m_retryTimer->start(decision.delayMs);
}

void RequestDriver::finish(const KubeResult &result)
{
    if (m_done)
        return;
    m_done = true;
    m_retryTimer->stop();
    releaseReply();
    Q_EMIT done(result);
}

} // namespace fd::kube

#include "moc_RequestDriver.cpp"
