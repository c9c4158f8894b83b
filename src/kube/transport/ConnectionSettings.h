#pragma once

#include "common/Expected.h"
#include "kube/config/Kubeconfig.h"
#include "kube/core/KubeError.h"

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QPair>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

class QNetworkRequest;

// How to reach one cluster, derived once from a kubeconfig context (kube-protocol.md §1, §6):
// the API URL (keeping a Rancher-style path prefix), TLS (the kubeconfig's CA and nothing else,
// or the system roots; the client certificate; tls-server-name; insecure-skip-tls-verify), the
// proxy (proxy-url, else the environment as Go's ProxyFromEnvironment reads it) and the
// impersonation headers. A value type without secrets in its texts; copy it freely.

namespace fd::kube {

// HTTPS_PROXY / HTTP_PROXY / NO_PROXY (upper or lower case, upper wins), as Go's
// net/http.ProxyFromEnvironment reads them: the scheme of the target URL picks the variable,
// NO_PROXY lists hosts, domain suffixes (".example.com" or "example.com" both match
// subdomains), IPs, CIDRs, optional ":port", or "*"; loopback targets are never proxied.
struct ProxyEnvironment {
    QString httpsProxy;
    QString httpProxy;
    QString noProxy;

    static ProxyEnvironment fromProcess();
    // The proxy URL for `target`, or an empty URL for a direct connection.
    QUrl proxyFor(const QUrl &target) const;
};

// A client certificate with its key, ready for a QSslConfiguration. The chain holds
// intermediates that followed the leaf in the PEM.
struct ClientCertificate {
    ClientCertificate() = default; // not an aggregate: QSslCertificate's default constructor is explicit

    QSslCertificate certificate;
    QList<QSslCertificate> chain; // leaf first
    QSslKey key;

    bool isNull() const { return certificate.isNull() || key.isNull(); }
    // Parses PEM as kubeconfig and exec plugins carry it; RSA and EC keys (PKCS#1, SEC1,
    // PKCS#8). The error text is translated and never contains key material.
    static Expected<ClientCertificate, QString> fromPem(const QByteArray &certificatePem, const QByteArray &keyPem);
};

class ConnectionSettings {
public:
    ConnectionSettings() = default;

    // Fails (KubeError kind Config) when the URL is unusable, the CA or the client certificate
    // does not load, or the proxy scheme is not supported by Qt (https:// proxies).
    static Expected<ConnectionSettings, KubeError> fromKubeconfig(const ResolvedCluster &cluster, const ResolvedUser &user,
                                                                  const ProxyEnvironment &environment = ProxyEnvironment::fromProcess());

    // server + path (+ query), keeping the server's path prefix: apiUrl("/api/v1/pods").
    QUrl apiUrl(const QString &path, const QUrlQuery &query = {}) const;
    const QUrl &server() const { return m_server; }
    QString host() const { return m_server.host(); }
    bool usesTls() const { return m_server.scheme() == QLatin1String("https"); }

    // The TLS settings of every request; `certificate` (an exec plugin's) replaces the
    // kubeconfig's client certificate when it is not null.
    QSslConfiguration sslConfiguration(const ClientCertificate &certificate = {}) const;
    const QString &peerVerifyName() const { return m_peerVerifyName; }
    bool insecureSkipTlsVerify() const { return m_insecure; }
    // A translated warning the UI shows for this cluster (insecure-skip-tls-verify); empty when
    // the connection is verified.
    QString securityWarning() const;
    bool hasCustomCa() const { return !m_caCertificates.isEmpty(); }
    const QList<QSslCertificate> &caCertificates() const { return m_caCertificates; }
    const ClientCertificate &clientCertificate() const { return m_clientCertificate; }

    // The proxy every manager of this cluster uses (NoProxy for a direct connection).
    const QNetworkProxy &proxy() const { return m_proxy; }
    bool disableCompression() const { return m_disableCompression; }
    // Impersonate-User/-Group/-Uid/-Extra-* headers (kubeconfig `as`, `as-groups`, …).
    const QList<QPair<QByteArray, QByteArray>> &impersonationHeaders() const { return m_impersonation; }

    // Puts TLS settings, the peer name and the impersonation headers on a request (its URL and
    // the other headers are the caller's).
    void applyTo(QNetworkRequest &request, const ClientCertificate &certificate = {}) const;

    // For tests and settings screens that build a connection without a kubeconfig.
    void setServer(const QUrl &server) { m_server = server; }
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    void setInsecureSkipTlsVerify(bool insecure) { m_insecure = insecure; }
    void setPeerVerifyName(const QString &name) { m_peerVerifyName = name; }
    void setClientCertificate(const ClientCertificate &certificate) { m_clientCertificate = certificate; }
    void setProxy(const QNetworkProxy &proxy) { m_proxy = proxy; }

private:
    QUrl m_server;
    QList<QSslCertificate> m_caCertificates; // empty: the system roots
    bool m_insecure = false;
    QString m_peerVerifyName;                // tls-server-name; empty: the URL's host
    ClientCertificate m_clientCertificate;
    QNetworkProxy m_proxy{QNetworkProxy::NoProxy};
    bool m_disableCompression = false;
    QList<QPair<QByteArray, QByteArray>> m_impersonation;
};

// proxy-url or an environment proxy URL → QNetworkProxy (http:// and socks5:// only; Qt cannot
// speak TLS to a proxy). Credentials in the URL become the proxy's user and password.
Expected<QNetworkProxy, QString> networkProxyFromUrl(const QUrl &proxyUrl);

} // namespace fd::kube
