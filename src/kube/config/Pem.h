#pragma once

#include "common/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// PEM checks the loader runs before a connection is ever attempted, so that a broken
// certificate or key is reported as "users[2] "alice": client-key-data: …" instead of a TLS
// handshake failure later. Messages are English fragments the loader wraps; they never
// contain key material.

namespace fd::kube {

enum class KeyAlgorithm { Unknown, Rsa, Ec, Ed25519, Other };

QString keyAlgorithmName(KeyAlgorithm algorithm);

struct CertificateInfo {
    QString subject;    // e.g. "CN=alice,O=dev"
    QDateTime notBefore; // UTC
    QDateTime notAfter;  // UTC
};

struct CertificateBundle {
    QList<CertificateInfo> certificates; // at least one
    QStringList skipped;                 // blocks that were not certificates or did not parse
};

// Every CERTIFICATE block of a PEM text. Fails when none parses (as Go's
// AppendCertsFromPEM), naming what was found instead.
fd::Expected<CertificateBundle, QString> parseCertificatePem(const QByteArray &pem);

// One private key (PKCS#1 RSA, SEC1 EC, PKCS#8). Encrypted keys are refused (kubectl cannot
// use them either); a certificate given where a key belongs is recognised.
fd::Expected<KeyAlgorithm, QString> parsePrivateKeyPem(const QByteArray &pem);

// Whether the key belongs to the (first) certificate, as Go's tls.X509KeyPair checks.
fd::Expected<void, QString> checkKeyPair(const QByteArray &certificatePem, const QByteArray &keyPem);

// Base64 as Go's encoding/json decodes []byte (standard alphabet, padding required);
// whitespace and line breaks are tolerated. nullopt when it is not valid base64.
std::optional<QByteArray> decodeBase64Field(const QString &text);

// Unverified JWT `exp` claim (for "id-token expired" hints); invalid when absent.
QDateTime jwtExpiry(const QString &jwt);

} // namespace fd::kube
