#include "kube/transport/ConnectionSettings.h"

#include "kube/config/Pem.h"
#include "kube/config/Redaction.h"
#include "kube/config/Tr.h"

#include <QHostAddress>
#include <QNetworkRequest>
#include <QProcessEnvironment>

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

namespace {

KubeError configError(const QString &message)
{
    KubeError error;
    error.kind = ErrorKind::Config;
    error.message = message;
    return error;
}

QString firstNonEmpty(const QProcessEnvironment &env, const char *upper, const char *lower)
{
    const QString value = env.value(QString::fromLatin1(upper));
    return value.isEmpty() ? env.value(QString::fromLatin1(lower)) : value;
}

bool isLoopback(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// One NO_PROXY entry against the target (Go's httpproxy.config.useProxy).
bool noProxyMatches(QString entry, const QString &host, int port)
{
    entry = entry.trimmed().toLower();
    if (entry.isEmpty())
        return false;
    if (entry == "*"_L1)
        return true;
    // CIDR or plain IP.
    if (entry.contains(u'/')) {
        const auto subnet = QHostAddress::parseSubnet(entry);
        const QHostAddress address(host);
        return !address.isNull() && subnet.first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol
            && address.isInSubnet(subnet);
    }
    int entryPort = -1;
    QString entryHost = entry;
    // host:port (an IPv6 literal has several colons and no port unless bracketed).
    const qsizetype colon = entry.lastIndexOf(u':');
    if (colon > 0 && entry.count(u':') == 1) {
        bool ok = false;
        entryPort = entry.mid(colon + 1).toInt(&ok);
        if (!ok)
            entryPort = -1;
        entryHost = entry.left(colon);
    }
    if (entryHost.startsWith(u'[') && entryHost.endsWith(u']'))
        entryHost = entryHost.mid(1, entryHost.size() - 2);
    if (entryPort >= 0 && entryPort != port)
        return false;
    const QHostAddress entryAddress(entryHost);
    if (!entryAddress.isNull())
        return entryAddress.isEqual(QHostAddress(host));
    const QString lowerHost = host.toLower();
    if (entryHost.startsWith(u'.'))
        return lowerHost.endsWith(entryHost) || lowerHost == entryHost.mid(1);
    if (entryHost.startsWith("*."_L1))
        return lowerHost.endsWith(entryHost.mid(1));
    return lowerHost == entryHost || lowerHost.endsWith(u'.' + entryHost);
}

QByteArray percentEncodeExtraKey(const QString &key)
{
    // client-go: Impersonate-Extra-<key> with the key percent-encoded (legal header chars kept).
    return QUrl::toPercentEncoding(key, "!#$&'*+-.^_`|~");
}

} // namespace

ProxyEnvironment ProxyEnvironment::fromProcess()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ProxyEnvironment result;
    result.httpsProxy = firstNonEmpty(env, "HTTPS_PROXY", "https_proxy");
    result.httpProxy = firstNonEmpty(env, "HTTP_PROXY", "http_proxy");
    result.noProxy = firstNonEmpty(env, "NO_PROXY", "no_proxy");
    return result;
}

QUrl ProxyEnvironment::proxyFor(const QUrl &target) const
{
    const QString host = target.host();
    if (host.isEmpty() || isLoopback(host))
        return {};
    const int port = target.port(target.scheme() == "https"_L1 ? 443 : 80);
    for (const QString &entry : noProxy.split(u',', Qt::SkipEmptyParts)) {
        if (noProxyMatches(entry, host, port))
            return {};
    }
    QString value = target.scheme() == "https"_L1 ? httpsProxy : httpProxy;
    value = value.trimmed();
    if (value.isEmpty())
        return {};
    // Go accepts "host:port" without a scheme and means http://.
    if (!value.contains("://"_L1))
        value.prepend("http://"_L1);
    return QUrl(value, QUrl::StrictMode);
}

Expected<ClientCertificate, QString> ClientCertificate::fromPem(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    ClientCertificate result;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull())
        return Unexpected(translate("fd::kube", "the client certificate is not a PEM certificate"));
    result.certificate = certificates.first();
    result.chain = certificates;

    const auto algorithm = parsePrivateKeyPem(keyPem);
    if (!algorithm)
        return Unexpected(translate("fd::kube", "the client key does not load: %1").arg(algorithm.error()));
    QSsl::KeyAlgorithm qtAlgorithm = QSsl::Opaque;
    switch (*algorithm) {
    case KeyAlgorithm::Rsa:
        qtAlgorithm = QSsl::Rsa;
        break;
    case KeyAlgorithm::Ec:
        qtAlgorithm = QSsl::Ec;
        break;
    case KeyAlgorithm::Ed25519:
    case KeyAlgorithm::Other:
    case KeyAlgorithm::Unknown:
        return Unexpected(translate("fd::kube", "the client key is a %1 key; Qt's TLS supports RSA and EC client keys only")
                              .arg(keyAlgorithmName(*algorithm)));
    }
    result.key = QSslKey(keyPem, qtAlgorithm, QSsl::Pem, QSsl::PrivateKey);
    if (result.key.isNull())
        return Unexpected(translate("fd::kube", "the %1 client key could not be loaded by the TLS library")
                              .arg(keyAlgorithmName(*algorithm)));
    return result;
}

Expected<QNetworkProxy, QString> networkProxyFromUrl(const QUrl &proxyUrl)
{
    if (proxyUrl.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QString scheme = proxyUrl.scheme().toLower();
    QNetworkProxy proxy;
    if (scheme == "http"_L1) {
        proxy.setType(QNetworkProxy::HttpProxy);
    } else if (scheme == "socks5"_L1 || scheme == "socks5h"_L1) {
        proxy.setType(QNetworkProxy::Socks5Proxy);
    } else if (scheme == "https"_L1) {
        return Unexpected(translate("fd::kube", "proxy %1: proxies reached over TLS (https://) are not supported; use http:// or socks5://")
                              .arg(redactUrl(proxyUrl)));
    } else {
        return Unexpected(translate("fd::kube", "proxy %1: unsupported scheme \"%2\" (http:// or socks5://)")
                              .arg(redactUrl(proxyUrl), scheme));
    }
    if (proxyUrl.host().isEmpty())
        return Unexpected(translate("fd::kube", "proxy %1 names no host").arg(redactUrl(proxyUrl)));
    proxy.setHostName(proxyUrl.host());
    proxy.setPort(static_cast<quint16>(proxyUrl.port(scheme == "http"_L1 ? 80 : 1080)));
    if (!proxyUrl.userName().isEmpty()) {
        proxy.setUser(proxyUrl.userName(QUrl::FullyDecoded));
        proxy.setPassword(proxyUrl.password(QUrl::FullyDecoded));
    }
    return proxy;
}

Expected<ConnectionSettings, KubeError> ConnectionSettings::fromKubeconfig(const ResolvedCluster &cluster,
                                                                           const ResolvedUser &user,
                                                                           const ProxyEnvironment &environment)
{
    ConnectionSettings settings;
    const QString scheme = cluster.server.scheme().toLower();
    if (!cluster.server.isValid() || cluster.server.host().isEmpty() || (scheme != "https"_L1 && scheme != "http"_L1)) {
        return Unexpected(configError(translate("fd::kube", "cluster %1: server \"%2\" is not an http(s) URL")
                                          .arg(cluster.name, redactUrl(cluster.server))));
    }
    settings.m_server = cluster.server;
    settings.m_insecure = cluster.insecureSkipTlsVerify;
    settings.m_peerVerifyName = cluster.tlsServerName;
    settings.m_disableCompression = cluster.disableCompression;

    if (!cluster.caPem.isEmpty()) {
        settings.m_caCertificates = QSslCertificate::fromData(cluster.caPem, QSsl::Pem);
        if (settings.m_caCertificates.isEmpty()) {
            return Unexpected(configError(translate("fd::kube", "cluster %1: certificate-authority holds no PEM certificate")
                                              .arg(cluster.name)));
        }
    }

    if (user.hasClientCertificate()) {
        auto certificate = ClientCertificate::fromPem(user.clientCertPem, user.clientKeyPem);
        if (!certificate)
            return Unexpected(configError(translate("fd::kube", "user %1: %2").arg(user.name, certificate.error())));
        settings.m_clientCertificate = *certificate;
    }

    const QUrl proxyUrl = !cluster.proxyUrl.isEmpty() ? cluster.proxyUrl : environment.proxyFor(cluster.server);
    auto proxy = networkProxyFromUrl(proxyUrl);
    if (!proxy)
        return Unexpected(configError(translate("fd::kube", "cluster %1: %2").arg(cluster.name, proxy.error())));
    settings.m_proxy = *proxy;

    const Impersonation &as = user.impersonation;
    if (as.isSet()) {
        // Qt sends one header line per name, and the apiserver reads every Impersonate-Group
        // line as one group: a joined list would impersonate a group named "a, b". Refuse
        // rather than act as someone else.
        if (as.groups.size() > 1) {
            return Unexpected(configError(translate("fd::kube", "user %1: impersonating more than one group (as-groups) is not supported")
                                              .arg(user.name)));
        }
        settings.m_impersonation.append({"Impersonate-User", as.user.toUtf8()});
        if (!as.groups.isEmpty())
            settings.m_impersonation.append({"Impersonate-Group", as.groups.first().toUtf8()});
        if (!as.uid.isEmpty())
            settings.m_impersonation.append({"Impersonate-Uid", as.uid.toUtf8()});
        for (auto it = as.extra.cbegin(); it != as.extra.cend(); ++it) {
            if (it.value().size() > 1) {
                return Unexpected(configError(translate("fd::kube", "user %1: as-user-extra \"%2\" with more than one value is not supported")
                                                  .arg(user.name, it.key())));
            }
            if (!it.value().isEmpty())
                settings.m_impersonation.append({"Impersonate-Extra-" + percentEncodeExtraKey(it.key()), it.value().first().toUtf8()});
        }
    }
    return settings;
}

QUrl ConnectionSettings::apiUrl(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_server;
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    QString relative = path;
    if (!relative.startsWith(u'/'))
        relative.prepend(u'/');
    url.setPath(prefix + relative, QUrl::TolerantMode);
    // Every item percent-encoded here: Qt leaves '+' alone, which Go servers read as a space.
    QByteArray encoded;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    url.setQuery(encoded.isEmpty() ? QString() : QString::fromLatin1(encoded), QUrl::StrictMode);
    url.setFragment(QString());
    return url;
}

QSslConfiguration ConnectionSettings::sslConfiguration(const ClientCertificate &certificate) const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_caCertificates.isEmpty()) {
        // setCaCertificates() also stops Qt from loading system roots on demand: the
        // kubeconfig's CA is the only trust anchor, as in client-go.
        config.setCaCertificates(m_caCertificates);
    }
    if (m_insecure)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    else
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    const ClientCertificate &client = certificate.isNull() ? m_clientCertificate : certificate;
    if (!client.isNull()) {
        config.setLocalCertificateChain(client.chain);
        config.setPrivateKey(client.key);
    }
    return config;
}

QString ConnectionSettings::securityWarning() const
{
    if (m_insecure && usesTls()) {
        return translate("fd::kube", "The server certificate of %1 is not verified (insecure-skip-tls-verify): "
                                     "anyone on the network path can read and change this connection.")
            .arg(host());
    }
    return {};
}

void ConnectionSettings::applyTo(QNetworkRequest &request, const ClientCertificate &certificate) const
{
    if (usesTls()) {
        request.setSslConfiguration(sslConfiguration(certificate));
        if (!m_peerVerifyName.isEmpty())
            request.setPeerVerifyName(m_peerVerifyName);
    }
    for (const auto &[name, value] : m_impersonation)
        request.setRawHeader(name, value);
}

} // namespace fd::kube
