#include "TestCerts.h"

#include <QHash>
#include <QMutex>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace fd::test {

namespace {

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray out(data, static_cast<qsizetype>(size));
    BIO_free(bio);
    return out;
}

} // namespace

TestKeyPair makeSelfSigned(TestKeyType type, const QString &commonName, int validFromDays, int validToDays)
{
    EVP_PKEY *key = type == TestKeyType::Rsa ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 4711);
    X509_gmtime_adj(X509_getm_notBefore(cert), static_cast<long>(validFromDays) * 86400);
    X509_gmtime_adj(X509_getm_notAfter(cert), static_cast<long>(validToDays) * 86400);
    X509_NAME *name = X509_get_subject_name(cert);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key);
    X509_sign(cert, key, EVP_sha256());

    TestKeyPair pair;
    BIO *certBio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(certBio, cert);
    pair.certPem = bioText(certBio);
    BIO *keyBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(keyBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    pair.keyPem = bioText(keyBio);
    BIO *traditionalBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey_traditional(traditionalBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    pair.traditionalKeyPem = bioText(traditionalBio);
    X509_free(cert);
    EVP_PKEY_free(key);
    return pair;
}

const TestKeyPair &cachedPair(TestKeyType type, const QString &commonName)
{
    static QMutex mutex;
    static QHash<QString, TestKeyPair> cache;
    QMutexLocker lock(&mutex);
    const QString key = (type == TestKeyType::Rsa ? QStringLiteral("rsa:") : QStringLiteral("ec:")) + commonName;
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, makeSelfSigned(type, commonName));
    return *it;
}

} // namespace fd::test
