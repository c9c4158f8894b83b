#pragma once

#include <QByteArray>
#include <QString>

// Throw-away keys and self-signed certificates for the config tests (OpenSSL).

namespace fd::test {

enum class TestKeyType { Rsa, Ec };

struct TestKeyPair {
    QByteArray certPem;
    QByteArray keyPem;            // PKCS#8 ("BEGIN PRIVATE KEY")
    QByteArray traditionalKeyPem; // "BEGIN RSA PRIVATE KEY" / "BEGIN EC PRIVATE KEY"
};

// validFromDays/validToDays are relative to now (negative = in the past).
TestKeyPair makeSelfSigned(TestKeyType type, const QString &commonName, int validFromDays = -1, int validToDays = 365);

// Cached pairs (generating RSA keys is slow): one per type and name.
const TestKeyPair &cachedPair(TestKeyType type, const QString &commonName);

} // namespace fd::test
