#include "kube/transport/NetworkErrors.h"

#include "kube/config/Tr.h"

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

namespace {

bool isTrustError(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
    case QSslError::CertificateSignatureFailed:
    case QSslError::UnableToDecryptCertificateSignature:
    case QSslError::UnableToDecodeIssuerPublicKey:
    case QSslError::InvalidCaCertificate:
    case QSslError::PathLengthExceeded:
    case QSslError::AuthorityIssuerSerialNumberMismatch:
    case QSslError::SubjectIssuerMismatch:
        return true;
    default:
        return false;
    }
}

} // namespace

bool isRefusedStream(QNetworkReply::NetworkError code, const QString &errorString)
{
    return code == QNetworkReply::ProtocolFailure && errorString.contains("refused a stream"_L1, Qt::CaseInsensitive);
}

QString describeTlsErrors(const QList<QSslError> &errors, const QString &host)
{
    bool mismatch = false;
    bool untrusted = false;
    bool expired = false;
    bool notYetValid = false;
    for (const QSslError &error : errors) {
        const auto kind = error.error();
        if (kind == QSslError::HostNameMismatch)
            mismatch = true;
        else if (kind == QSslError::CertificateExpired)
            expired = true;
        else if (kind == QSslError::CertificateNotYetValid)
            notYetValid = true;
        else if (isTrustError(kind))
            untrusted = true;
    }
    // Trust first: a certificate from an unknown CA usually also names another host, and the
    // CA is what the user must fix (certificate-authority in the kubeconfig).
    if (untrusted) {
        return translate("fd::kube", "TLS: the certificate of %1 is not trusted (it is not signed by the cluster's certificate "
                                     "authority from the kubeconfig)")
            .arg(host);
    }
    if (mismatch) {
        return translate("fd::kube", "TLS: host name mismatch: the certificate presented by %1 is not valid for the name that was "
                                     "checked (the server URL's host, or tls-server-name)")
            .arg(host);
    }
    if (expired)
        return translate("fd::kube", "TLS: the certificate of %1 has expired").arg(host);
    if (notYetValid)
        return translate("fd::kube", "TLS: the certificate of %1 is not valid yet (check the clock)").arg(host);
    if (!errors.isEmpty())
        return translate("fd::kube", "TLS: the certificate of %1 was rejected: %2").arg(host, errors.first().errorString());
    return translate("fd::kube", "TLS: the handshake with %1 failed").arg(host);
}

TransportFailure classifyNetworkFailure(const NetworkFailureInput &input)
{
    TransportFailure failure;
    KubeError &error = failure.error;
    error.kind = ErrorKind::Transport;
    if (input.cancelled) {
        error.kind = ErrorKind::Cancelled;
        error.message = translate("fd::kube", "cancelled");
        return failure;
    }
    if (input.timedOut) {
        error.kind = ErrorKind::Timeout;
        error.message = translate("fd::kube", "%1 did not answer in time").arg(input.host);
        return failure;
    }
    if (input.idle) {
        error.kind = ErrorKind::Timeout;
        error.message = translate("fd::kube", "the stream from %1 stayed silent too long").arg(input.host);
        return failure;
    }
    if (!input.sslErrors.isEmpty()) {
        error.kind = ErrorKind::Tls;
        error.message = describeTlsErrors(input.sslErrors, input.host);
        failure.neverReachedServer = true;
        return failure;
    }
    if (isRefusedStream(input.code, input.errorString)) {
        error.message = translate("fd::kube", "%1 refused an HTTP/2 stream").arg(input.host);
        failure.neverReachedServer = true;
        failure.refusedStream = true;
        return failure;
    }
    switch (input.code) {
    case QNetworkReply::NoError:
        // Finished without an answer and without an error: Qt 6.4 ends the streams an HTTP/2
        // GOAWAY(NO_ERROR) names as unprocessed (above its last stream id) this way. The server
        // promised not to have acted on them.
        error.message = translate("fd::kube", "%1 closed the HTTP/2 connection before taking the request").arg(input.host);
        failure.neverReachedServer = true;
        break;
    case QNetworkReply::ConnectionRefusedError:
        error.message = translate("fd::kube", "%1 refused the connection").arg(input.host);
        failure.neverReachedServer = true;
        break;
    case QNetworkReply::HostNotFoundError:
        error.message = translate("fd::kube", "host %1 not found").arg(input.host);
        // No server sends this reason: it tells the session that retrying cannot help until
        // the user fixes the address, DNS or VPN (SessionSync reads it).
        error.reason = u"HostNotFound"_s;
        failure.neverReachedServer = true;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = ErrorKind::Tls;
        error.message = translate("fd::kube", "TLS: the handshake with %1 failed: %2").arg(input.host, input.errorString);
        failure.neverReachedServer = true;
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        error.message = translate("fd::kube", "the proxy for %1 failed: %2").arg(input.host, input.errorString);
        failure.neverReachedServer = true;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        error.kind = ErrorKind::Timeout;
        error.message = translate("fd::kube", "the connection to %1 timed out").arg(input.host);
        break;
    case QNetworkReply::OperationCanceledError:
        // Not ours (ours are flagged above): Qt's own transfer timeout or a manager going away.
        error.kind = ErrorKind::Timeout;
        error.message = translate("fd::kube", "the request to %1 was aborted").arg(input.host);
        break;
    case QNetworkReply::RemoteHostClosedError:
        error.message = translate("fd::kube", "%1 closed the connection").arg(input.host);
        break;
    default:
        error.message = translate("fd::kube", "network error talking to %1: %2").arg(input.host, input.errorString);
        break;
    }
    return failure;
}

} // namespace fd::kube
