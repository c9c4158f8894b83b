#include "kube/transport/RestClient.h"

#include "kube/config/Tr.h"
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/NetworkManagerPool.h"
#include "kube/transport/RequestDriver.h"

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

// ---- KubeReply -------------------------------------------------------------------------------

KubeReply::KubeReply(const KubeRequest &request, QObject *parent)
    : QObject(parent), m_request(request), m_result(KubeResponse{})
{
}

KubeReply::~KubeReply() = default;

void KubeReply::abort()
{
    if (!m_finished && m_driver)
        m_driver->cancel();
}

void KubeReply::complete(const KubeResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    Q_EMIT finished();
}

// ---- KubeStream ------------------------------------------------------------------------------

KubeStream::KubeStream(const KubeRequest &request, QObject *parent)
    : QObject(parent), m_request(request), m_result(KubeResponse{})
{
}

KubeStream::~KubeStream()
{
    if (m_driver)
        m_driver->detach();
}

void KubeStream::cancel()
{
    if (!m_finished && m_driver)
        m_driver->cancel();
}

void KubeStream::markOpened(const KubeResponse &head)
{
    m_open = true;
    m_head = head;
    Q_EMIT opened();
}

void KubeStream::deliver(const QByteArray &chunk)
{
    Q_EMIT dataReceived(chunk);
}

void KubeStream::complete(const KubeResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    Q_EMIT finished();
}

// ---- RestClient ------------------------------------------------------------------------------

RestClient::RestClient(const ConnectionSettings &settings, CredentialProvider *credentials, QObject *parent)
    : QObject(parent), m_settings(settings), m_credentials(credentials)
{
    m_pool = new NetworkManagerPool(settings.proxy(), this);
}

RestClient::~RestClient()
{
    // Stop every request before the pool (and with it the managers) goes away.
    const QSet<RequestDriver *> drivers = m_drivers;
    for (RequestDriver *driver : drivers)
        driver->detach();
    m_drivers.clear();
}

CredentialProvider *RestClient::credentials() const
{
    return m_credentials.data();
}

QByteArray RestClient::userAgent()
{
    return QByteArrayLiteral("fission-desk/" FD_VERSION);
}

void RestClient::track(RequestDriver *driver)
{
    m_drivers.insert(driver);
}

void RestClient::untrack(RequestDriver *driver)
{
    m_drivers.remove(driver);
}

KubeReply *RestClient::send(const KubeRequest &request)
{
    auto *reply = new KubeReply(request, this);
    auto *driver = new RequestDriver(this, request, RequestDriver::Mode::Buffered, reply);
    reply->m_driver = driver;
    connect(driver, &RequestDriver::done, reply, &KubeReply::complete);
    driver->start();
    return reply;
}

void RestClient::send(const KubeRequest &request, QObject *context, Callback callback)
{
    KubeReply *reply = send(request);
    QPointer<QObject> guard(context);
    // Destroying the context cancels the request (no one is left to hear the answer).
    connect(context, &QObject::destroyed, reply, [reply] {
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    });
    connect(reply, &KubeReply::finished, this, [reply, guard, callback = std::move(callback)] {
        const KubeResult result = reply->result();
        reply->deleteLater();
        if (!guard)
            return;
        QMetaObject::invokeMethod(guard.data(), [guard, callback, result] {
            if (guard)
                callback(result);
        }, Qt::AutoConnection);
    });
}

KubeStream *RestClient::openStream(const KubeRequest &request)
{
    auto *stream = new KubeStream(request, this);
    auto *driver = new RequestDriver(this, request, RequestDriver::Mode::Streaming, stream);
    stream->m_driver = driver;
    connect(driver, &RequestDriver::opened, stream, &KubeStream::markOpened);
    connect(driver, &RequestDriver::chunk, stream, &KubeStream::deliver);
    connect(driver, &RequestDriver::done, stream, &KubeStream::complete);
    driver->start();
    return stream;
}

Expected<ClientCertificate, KubeError> RestClient::certificateFor(const Credential &credential)
{
    if (credential.clientCertificatePem.isEmpty())
        return ClientCertificate{};
    if (credential.clientCertificatePem == m_execCertificatePem && !m_execCertificate.isNull())
        return m_execCertificate;
    auto certificate = ClientCertificate::fromPem(credential.clientCertificatePem, credential.clientKeyPem);
    if (!certificate) {
        KubeError error;
        error.kind = ErrorKind::Config;
        error.message = translate("fd::kube", "the exec credential plugin returned an unusable client certificate: %1")
                            .arg(certificate.error());
        return Unexpected(error);
    }
    const bool replacing = !m_execCertificatePem.isEmpty();
    m_execCertificatePem = credential.clientCertificatePem;
    m_execCertificate = *certificate;
    if (replacing) {
        // Qt reuses a connection whatever TLS configuration a request carries: only new
        // managers (new connections) present the new certificate. client-go closes all
        // connections at this point too.
        m_pool->retireAll();
    }
    return m_execCertificate;
}

} // namespace fd::kube

#include "moc_RestClient.cpp"
