#pragma once

#include "common/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace fd::sim {

enum class KeyAlgorithm { EcP256, Rsa2048 };

// Extended key usage of an issued leaf: serverAuth for the emulator's serving certificate,
// clientAuth for the user certificates that kube-apiserver's x509 authenticator accepts.
enum class CertificatePurpose { Server, Client };

// What to put into one leaf certificate. Empty validity means "from an hour ago
// (tolerates small clock skew) for a year".
struct CertificateRequest {
    QString commonName;
    QStringList organizations; // client certificates: one O per group, as kube-apiserver reads them
    QStringList dnsNames;      // subjectAltName DNS entries
    QList<QHostAddress> ipAddresses; // subjectAltName IP entries
    CertificatePurpose purpose = CertificatePurpose::Server;
    QDateTime notBefore;
    QDateTime notAfter;
    KeyAlgorithm keyAlgorithm = KeyAlgorithm::EcP256;
};

// A certificate with its private key, as PEM (what kubeconfig's *-data fields carry after
// base64) and as Qt objects.
struct IssuedCertificate {
    QByteArray certificatePem;
    QByteArray privateKeyPem; // PKCS#8
    KeyAlgorithm keyAlgorithm = KeyAlgorithm::EcP256;

    QSslCertificate certificate() const;
    QSslKey privateKey() const;
};

// A self-signed certificate authority for the emulator's TLS mode: it signs the serving
// certificate and the client certificates of emulated users, so a generated kubeconfig
// can carry certificate-authority-data / client-certificate-data / client-key-data.
// Copyable value; every failure is reported as an error string.
class CertificateAuthority {
public:
    static constexpr int DefaultValidityDays = 365;

    static Expected<CertificateAuthority, QString>
    generate(const QString &commonName = QStringLiteral("fission-desk-sim-ca"),
             KeyAlgorithm keyAlgorithm = KeyAlgorithm::EcP256);
    // Reloads a CA saved earlier (so kubeconfigs written in a previous run stay valid).
    static Expected<CertificateAuthority, QString> fromPem(const QByteArray &certificatePem,
                                                           const QByteArray &privateKeyPem);

    const QByteArray &certificatePem() const { return m_identity.certificatePem; }
    const QByteArray &privateKeyPem() const { return m_identity.privateKeyPem; }
    QSslCertificate certificate() const { return m_identity.certificate(); }

    Expected<IssuedCertificate, QString> issue(const CertificateRequest &request) const;

    static QStringList defaultServerDnsNames();
    static QList<QHostAddress> defaultServerAddresses();
    Expected<IssuedCertificate, QString>
    issueServerCertificate(const QStringList &dnsNames = defaultServerDnsNames(),
                           const QList<QHostAddress> &addresses = defaultServerAddresses()) const;
    // CN = user name, O = groups: kube-apiserver's client-certificate authentication.
    Expected<IssuedCertificate, QString> issueClientCertificate(const QString &userName,
                                                                const QStringList &groups = {}) const;

    // For tests of a client's certificate verification: correctly signed by this CA, but
    // valid only for the host name "wrong-host.invalid" (no IP addresses).
    Expected<IssuedCertificate, QString> issueWrongHostCertificate() const;
    // Correctly signed, default names, but expired yesterday.
    Expected<IssuedCertificate, QString> issueExpiredServerCertificate() const;

private:
    explicit CertificateAuthority(IssuedCertificate identity) : m_identity(std::move(identity)) {}

    IssuedCertificate m_identity;
};

} // namespace fd::sim
