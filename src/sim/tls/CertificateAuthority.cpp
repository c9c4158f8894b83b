#include "sim/tls/CertificateAuthority.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QtEndian>

#include <memory>

namespace fd::sim {

namespace {

template<typename T, void (*Free)(T *)>
struct OpenSslDeleter {
    void operator()(T *p) const { Free(p); }
};

using PKeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using BigNumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BIGNUM, BN_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES, GENERAL_NAMES_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;

constexpr qint64 ClockSkewSeconds = 3600;

// The oldest queued OpenSSL error, so a failure says what went wrong inside the library.
QString openSslError(const QString &context)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return context;
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof buffer);
    return context + QStringLiteral(": ") + QString::fromLatin1(buffer);
}

Expected<PKeyPtr, QString> generateKey(KeyAlgorithm algorithm)
{
    EVP_PKEY *key = algorithm == KeyAlgorithm::Rsa2048 ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
    if (!key)
        return Unexpected(openSslError(QStringLiteral("cannot generate a private key")));
    return PKeyPtr(key);
}

Expected<QByteArray, QString> bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    if (length <= 0 || !data)
        return Unexpected(QStringLiteral("PEM encoding produced no output"));
    return QByteArray(data, static_cast<qsizetype>(length));
}

Expected<QByteArray, QString> certificateToPem(X509 *certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot PEM-encode the certificate")));
    return bioContents(bio.get());
}

Expected<QByteArray, QString> keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot PEM-encode the private key")));
    return bioContents(bio.get());
}

Expected<X509Ptr, QString> certificateFromPem(const QByteArray &pem)
{
    if (pem.isEmpty())
        return Unexpected(QStringLiteral("the CA certificate PEM is empty"));
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    X509 *certificate = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!certificate)
        return Unexpected(openSslError(QStringLiteral("cannot parse the CA certificate PEM")));
    return X509Ptr(certificate);
}

Expected<PKeyPtr, QString> keyFromPem(const QByteArray &pem)
{
    if (pem.isEmpty())
        return Unexpected(QStringLiteral("the CA private key PEM is empty"));
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    // An empty passphrase callback result: an encrypted key fails instead of prompting on a tty.
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr,
                                                  [](char *, int, int, void *) { return 0; }, nullptr)
                        : nullptr;
    if (!key)
        return Unexpected(openSslError(QStringLiteral("cannot parse the CA private key PEM")));
    return PKeyPtr(key);
}

// A positive random 159-bit serial, as RFC 5280 recommends (unpredictable, at most 20 octets).
Expected<void, QString> setRandomSerial(X509 *certificate)
{
    unsigned char bytes[20];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot draw a random serial number")));
    bytes[0] &= 0x7f;
    bytes[0] |= 0x01; // never zero, never a leading zero octet
    BigNumPtr number(BN_bin2bn(bytes, sizeof bytes, nullptr));
    if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate)))
        return Unexpected(openSslError(QStringLiteral("cannot set the serial number")));
    return {};
}

Expected<void, QString> setValidity(X509 *certificate, QDateTime notBefore, QDateTime notAfter)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!notBefore.isValid())
        notBefore = now.addSecs(-ClockSkewSeconds);
    if (!notAfter.isValid())
        notAfter = now.addDays(CertificateAuthority::DefaultValidityDays);
    if (notAfter <= notBefore)
        return Unexpected(QStringLiteral("notAfter (%1) must be later than notBefore (%2)")
                              .arg(notAfter.toString(Qt::ISODate), notBefore.toString(Qt::ISODate)));
    if (!ASN1_TIME_set(X509_getm_notBefore(certificate), static_cast<time_t>(notBefore.toSecsSinceEpoch()))
        || !ASN1_TIME_set(X509_getm_notAfter(certificate), static_cast<time_t>(notAfter.toSecsSinceEpoch())))
        return Unexpected(openSslError(QStringLiteral("cannot set the validity period")));
    return {};
}

Expected<void, QString> addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    // RFC 5280 upper bounds: 64 characters for CN and O.
    if (utf8.isEmpty() || value.size() > 64)
        return Unexpected(QStringLiteral("subject %1 must have 1 to 64 characters, got \"%2\"")
                              .arg(QLatin1String(field), value));
    const auto *bytes = reinterpret_cast<const unsigned char *>(utf8.constData());
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, bytes, static_cast<int>(utf8.size()), -1, 0) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot add subject %1").arg(QLatin1String(field))));
    return {};
}

// Host names as a certificate can carry them: ASCII labels (IDNs must be given as
// punycode), an optional leading "*." wildcard.
bool isValidDnsName(const QString &name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    for (const QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'.' || c == u'*';
        if (!ok)
            return false;
    }
    return !name.contains(QStringLiteral("..")) && name.lastIndexOf(u'*') <= 0
        && (!name.startsWith(u'*') || name.startsWith(QStringLiteral("*.")));
}

Expected<void, QString> addSubjectAltNames(X509 *certificate, const QStringList &dnsNames,
                                           const QList<QHostAddress> &addresses)
{
    if (dnsNames.isEmpty() && addresses.isEmpty())
        return {};
    GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    if (!names)
        return Unexpected(openSslError(QStringLiteral("cannot allocate subjectAltName")));
    auto append = [&names](int type, ASN1_STRING *value) -> bool {
        GENERAL_NAME *entry = GENERAL_NAME_new();
        if (!entry) {
            ASN1_STRING_free(value);
            return false;
        }
        GENERAL_NAME_set0_value(entry, type, value);
        if (sk_GENERAL_NAME_push(names.get(), entry) <= 0) {
            GENERAL_NAME_free(entry);
            return false;
        }
        return true;
    };
    for (const QString &dnsName : dnsNames) {
        if (!isValidDnsName(dnsName))
            return Unexpected(QStringLiteral("\"%1\" is not a valid DNS name for a certificate").arg(dnsName));
        const QByteArray ascii = dnsName.toLatin1();
        ASN1_IA5STRING *value = ASN1_IA5STRING_new();
        if (!value || ASN1_STRING_set(value, ascii.constData(), static_cast<int>(ascii.size())) != 1
            || !append(GEN_DNS, value))
            return Unexpected(openSslError(QStringLiteral("cannot add DNS name %1").arg(dnsName)));
    }
    for (const QHostAddress &address : addresses) {
        QByteArray octets;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 networkOrder = qToBigEndian(address.toIPv4Address());
            octets = QByteArray(reinterpret_cast<const char *>(&networkOrder), sizeof networkOrder);
        } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            const Q_IPV6ADDR v6 = address.toIPv6Address();
            octets = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
        } else {
            return Unexpected(QStringLiteral("\"%1\" is not an IPv4 or IPv6 address").arg(address.toString()));
        }
        ASN1_OCTET_STRING *value = ASN1_OCTET_STRING_new();
        if (!value || ASN1_OCTET_STRING_set(value, reinterpret_cast<const unsigned char *>(octets.constData()),
                                            static_cast<int>(octets.size())) != 1
            || !append(GEN_IPADD, value))
            return Unexpected(openSslError(QStringLiteral("cannot add IP address %1").arg(address.toString())));
    }
    if (X509_add1_ext_i2d(certificate, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot add the subjectAltName extension")));
    return {};
}

// Adds one extension written in OpenSSL's configuration syntax (fixed strings only, never
// user input). The context links subject and issuer for the key identifier extensions.
Expected<void, QString> addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot add extension %1 = %2")
                                           .arg(QLatin1String(OBJ_nid2sn(nid)), QLatin1String(value))));
    return {};
}

struct Extension {
    int nid;
    const char *value;
};

Expected<void, QString> addExtensions(X509 *certificate, X509 *issuer, std::initializer_list<Extension> extensions)
{
    for (const Extension &extension : extensions) {
        auto added = addExtension(certificate, issuer, extension.nid, extension.value);
        if (!added)
            return added;
    }
    return {};
}

// Everything both the CA and the leaves need: version 3, serial, validity, subject, key.
Expected<X509Ptr, QString> newCertificate(EVP_PKEY *subjectKey, const QDateTime &notBefore,
                                          const QDateTime &notAfter, const QString &commonName,
                                          const QStringList &organizations)
{
    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot create a certificate")));
    if (auto serial = setRandomSerial(certificate.get()); !serial)
        return Unexpected(serial.error());
    if (auto validity = setValidity(certificate.get(), notBefore, notAfter); !validity)
        return Unexpected(validity.error());
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    for (const QString &organization : organizations) {
        if (auto added = addNameEntry(subject, "O", organization); !added)
            return Unexpected(added.error());
    }
    if (auto added = addNameEntry(subject, "CN", commonName); !added)
        return Unexpected(added.error());
    if (X509_set_pubkey(certificate.get(), subjectKey) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot set the public key")));
    return certificate;
}

Expected<IssuedCertificate, QString> toIssued(X509 *certificate, EVP_PKEY *key, KeyAlgorithm algorithm)
{
    auto certificatePem = certificateToPem(certificate);
    if (!certificatePem)
        return Unexpected(certificatePem.error());
    auto keyPem = keyToPem(key);
    if (!keyPem)
        return Unexpected(keyPem.error());
    return IssuedCertificate{std::move(certificatePem.value()), std::move(keyPem.value()), algorithm};
}

KeyAlgorithm algorithmOf(EVP_PKEY *key)
{
    return EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA ? KeyAlgorithm::Rsa2048 : KeyAlgorithm::EcP256;
}

} // namespace

QSslCertificate IssuedCertificate::certificate() const
{
    return QSslCertificate(certificatePem, QSsl::Pem);
}

QSslKey IssuedCertificate::privateKey() const
{
    return QSslKey(privateKeyPem, keyAlgorithm == KeyAlgorithm::Rsa2048 ? QSsl::Rsa : QSsl::Ec, QSsl::Pem);
}

Expected<CertificateAuthority, QString> CertificateAuthority::generate(const QString &commonName,
                                                                       KeyAlgorithm keyAlgorithm)
{
    auto key = generateKey(keyAlgorithm);
    if (!key)
        return Unexpected(key.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto certificate = newCertificate(key->get(), now.addSecs(-ClockSkewSeconds), now.addDays(DefaultValidityDays),
                                      commonName, {});
    if (!certificate)
        return Unexpected(certificate.error());
    X509 *cert = certificate->get();
    if (X509_set_issuer_name(cert, X509_get_subject_name(cert)) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot set the CA issuer name")));
    auto extended = addExtensions(cert, cert,
                                  {{NID_basic_constraints, "critical,CA:TRUE"},
                                   {NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature"},
                                   {NID_subject_key_identifier, "hash"},
                                   {NID_authority_key_identifier, "keyid:always"}});
    if (!extended)
        return Unexpected(extended.error());
    if (X509_sign(cert, key->get(), EVP_sha256()) <= 0)
        return Unexpected(openSslError(QStringLiteral("cannot self-sign the CA certificate")));
    auto identity = toIssued(cert, key->get(), keyAlgorithm);
    if (!identity)
        return Unexpected(identity.error());
    return CertificateAuthority(std::move(identity.value()));
}

Expected<CertificateAuthority, QString> CertificateAuthority::fromPem(const QByteArray &certificatePem,
                                                                      const QByteArray &privateKeyPem)
{
    auto certificate = certificateFromPem(certificatePem);
    if (!certificate)
        return Unexpected(certificate.error());
    auto key = keyFromPem(privateKeyPem);
    if (!key)
        return Unexpected(key.error());
    if (X509_check_private_key(certificate->get(), key->get()) != 1) {
        ERR_clear_error();
        return Unexpected(QStringLiteral("the CA private key does not belong to the CA certificate"));
    }
    if (X509_check_ca(certificate->get()) != 1)
        return Unexpected(QStringLiteral("the certificate is not a CA (basicConstraints CA:TRUE missing)"));
    const int baseId = EVP_PKEY_get_base_id(key->get());
    if (baseId != EVP_PKEY_RSA && baseId != EVP_PKEY_EC)
        return Unexpected(QStringLiteral("the CA key must be RSA or EC"));
    return CertificateAuthority(IssuedCertificate{certificatePem, privateKeyPem, algorithmOf(key->get())});
}

Expected<IssuedCertificate, QString> CertificateAuthority::issue(const CertificateRequest &request) const
{
    auto caCertificate = certificateFromPem(m_identity.certificatePem);
    if (!caCertificate)
        return Unexpected(caCertificate.error());
    auto caKey = keyFromPem(m_identity.privateKeyPem);
    if (!caKey)
        return Unexpected(caKey.error());
    auto key = generateKey(request.keyAlgorithm);
    if (!key)
        return Unexpected(key.error());
    auto certificate = newCertificate(key->get(), request.notBefore, request.notAfter, request.commonName,
                                      request.organizations);
    if (!certificate)
        return Unexpected(certificate.error());
    X509 *cert = certificate->get();
    if (X509_set_issuer_name(cert, X509_get_subject_name(caCertificate->get())) != 1)
        return Unexpected(openSslError(QStringLiteral("cannot set the issuer name")));
    const bool server = request.purpose == CertificatePurpose::Server;
    // keyEncipherment only matters for RSA key exchange; Go's crypto/tls ignores key
    // usage anyway, OpenSSL-based clients do not.
    const char *keyUsage = request.keyAlgorithm == KeyAlgorithm::Rsa2048 ? "critical,digitalSignature,keyEncipherment"
                                                                          : "critical,digitalSignature";
    auto extended = addExtensions(cert, caCertificate->get(),
                                  {{NID_basic_constraints, "critical,CA:FALSE"},
                                   {NID_key_usage, keyUsage},
                                   {NID_ext_key_usage, server ? "serverAuth" : "clientAuth"},
                                   {NID_subject_key_identifier, "hash"},
                                   {NID_authority_key_identifier, "keyid:always"}});
    if (!extended)
        return Unexpected(extended.error());
    if (auto names = addSubjectAltNames(cert, request.dnsNames, request.ipAddresses); !names)
        return Unexpected(names.error());
    if (X509_sign(cert, caKey->get(), EVP_sha256()) <= 0)
        return Unexpected(openSslError(QStringLiteral("cannot sign the certificate")));
    return toIssued(cert, key->get(), request.keyAlgorithm);
}

QStringList CertificateAuthority::defaultServerDnsNames()
{
    return {QStringLiteral("localhost")};
}

QList<QHostAddress> CertificateAuthority::defaultServerAddresses()
{
    return {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)};
}

Expected<IssuedCertificate, QString> CertificateAuthority::issueServerCertificate(
    const QStringList &dnsNames, const QList<QHostAddress> &addresses) const
{
    if (dnsNames.isEmpty() && addresses.isEmpty())
        return Unexpected(QStringLiteral("a server certificate needs at least one DNS name or IP address"));
    CertificateRequest request;
    // Like kube-apiserver's self-signed serving certificates; clients only look at the SANs.
    request.commonName = dnsNames.isEmpty() ? QStringLiteral("fission-desk-sim") : dnsNames.first();
    request.dnsNames = dnsNames;
    request.ipAddresses = addresses;
    request.purpose = CertificatePurpose::Server;
    return issue(request);
}

Expected<IssuedCertificate, QString> CertificateAuthority::issueClientCertificate(const QString &userName,
                                                                                  const QStringList &groups) const
{
    if (userName.isEmpty())
        return Unexpected(QStringLiteral("a client certificate needs a user name (CN)"));
    CertificateRequest request;
    request.commonName = userName;
    request.organizations = groups;
    request.purpose = CertificatePurpose::Client;
    return issue(request);
}

Expected<IssuedCertificate, QString> CertificateAuthority::issueWrongHostCertificate() const
{
    return issueServerCertificate({QStringLiteral("wrong-host.invalid")}, {});
}

Expected<IssuedCertificate, QString> CertificateAuthority::issueExpiredServerCertificate() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CertificateRequest request;
    request.commonName = QStringLiteral("localhost");
    request.dnsNames = defaultServerDnsNames();
    request.ipAddresses = defaultServerAddresses();
    request.notBefore = now.addDays(-30);
    request.notAfter = now.addDays(-1);
    return issue(request);
}

} // namespace fd::sim
