#include "kube/config/Pem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace fd::kube {

namespace {

struct BioDeleter {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct X509Deleter {
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct PkeyDeleter {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

// Never prompt on a terminal for a passphrase (OpenSSL's default callback would).
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

struct PemBlock {
    QString type;
    QByteArray text; // the whole block including BEGIN/END lines
};

QList<PemBlock> pemBlocks(const QByteArray &pem, bool *unterminated)
{
    static const QRegularExpression begin(QStringLiteral("-----BEGIN ([A-Z0-9 ]+)-----"));
    QList<PemBlock> blocks;
    const QString text = QString::fromLatin1(pem);
    qsizetype from = 0;
    *unterminated = false;
    while (true) {
        const QRegularExpressionMatch match = begin.match(text, from);
        if (!match.hasMatch())
            break;
        const QString type = match.captured(1);
        const QString endMarker = QStringLiteral("-----END ") + type + QStringLiteral("-----");
        const qsizetype end = text.indexOf(endMarker, match.capturedEnd(0));
        if (end < 0) {
            *unterminated = true;
            break;
        }
        const qsizetype blockEnd = end + endMarker.size();
        blocks.append({type, pem.mid(match.capturedStart(0), blockEnd - match.capturedStart(0)) + '\n'});
        from = blockEnd;
    }
    return blocks;
}

QDateTime asn1ToDateTime(const ASN1_TIME *time)
{
    if (!time)
        return {};
    struct tm parts = {};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QString subjectOf(X509 *cert)
{
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out)
        return {};
    X509_NAME_print_ex(out.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QString::fromUtf8(data, static_cast<qsizetype>(size));
}

QString typeList(const QList<PemBlock> &blocks)
{
    QStringList types;
    for (const PemBlock &block : blocks) {
        if (!types.contains(block.type))
            types.append(block.type);
    }
    return types.join(QStringLiteral(", "));
}

} // namespace

QString keyAlgorithmName(KeyAlgorithm algorithm)
{
    switch (algorithm) {
    case KeyAlgorithm::Rsa:
        return QStringLiteral("RSA");
    case KeyAlgorithm::Ec:
        return QStringLiteral("EC");
    case KeyAlgorithm::Ed25519:
        return QStringLiteral("Ed25519");
    case KeyAlgorithm::Other:
        return QStringLiteral("other");
    case KeyAlgorithm::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

fd::Expected<CertificateBundle, QString> parseCertificatePem(const QByteArray &pem)
{
    bool unterminated = false;
    const QList<PemBlock> blocks = pemBlocks(pem, &unterminated);
    CertificateBundle bundle;
    for (const PemBlock &block : blocks) {
        if (block.type != QLatin1String("CERTIFICATE")) {
            bundle.skipped.append(QStringLiteral("a %1 block").arg(block.type));
            continue;
        }
        BioPtr bio = memoryBio(block.text);
        X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
        ERR_clear_error();
        if (!cert) {
            bundle.skipped.append(QStringLiteral("a CERTIFICATE block that does not parse as X.509"));
            continue;
        }
        bundle.certificates.append({subjectOf(cert.get()), asn1ToDateTime(X509_get0_notBefore(cert.get())),
                                    asn1ToDateTime(X509_get0_notAfter(cert.get()))});
    }
    if (!bundle.certificates.isEmpty())
        return bundle;
    if (blocks.isEmpty()) {
        if (unterminated)
            return fd::Unexpected(QStringLiteral("the PEM block is cut off (no -----END line)"));
        if (pem.trimmed().isEmpty())
            return fd::Unexpected(QStringLiteral("it is empty"));
        return fd::Unexpected(QStringLiteral("it is not PEM (no -----BEGIN CERTIFICATE----- line)"));
    }
    if (!bundle.skipped.isEmpty() && typeList(blocks).contains(QLatin1String("PRIVATE KEY")))
        return fd::Unexpected(QStringLiteral("it contains a private key, not a certificate"));
    return fd::Unexpected(QStringLiteral("no certificate in it parses (found %1)").arg(bundle.skipped.join(QStringLiteral(", "))));
}

fd::Expected<KeyAlgorithm, QString> parsePrivateKeyPem(const QByteArray &pem)
{
    bool unterminated = false;
    const QList<PemBlock> blocks = pemBlocks(pem, &unterminated);
    const PemBlock *keyBlock = nullptr;
    for (const PemBlock &block : blocks) {
        if (block.type.endsWith(QLatin1String("PRIVATE KEY"))) {
            keyBlock = &block;
            break;
        }
    }
    if (!keyBlock) {
        if (!blocks.isEmpty() && typeList(blocks).contains(QLatin1String("CERTIFICATE")))
            return fd::Unexpected(QStringLiteral("it contains a certificate, not a private key "
                                                 "(are the certificate and the key swapped?)"));
        if (!blocks.isEmpty())
            return fd::Unexpected(QStringLiteral("it contains no private key (found %1)").arg(typeList(blocks)));
        if (unterminated)
            return fd::Unexpected(QStringLiteral("the PEM block is cut off (no -----END line)"));
        if (pem.trimmed().isEmpty())
            return fd::Unexpected(QStringLiteral("it is empty"));
        return fd::Unexpected(QStringLiteral("it is not PEM (no -----BEGIN … PRIVATE KEY----- line)"));
    }
    if (keyBlock->type.contains(QLatin1String("ENCRYPTED")) || keyBlock->text.contains("Proc-Type: 4,ENCRYPTED"))
        return fd::Unexpected(QStringLiteral("the private key is encrypted with a passphrase, which kubectl "
                                             "and Fission Desk cannot use"));
    BioPtr bio = memoryBio(keyBlock->text);
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (!key)
        return fd::Unexpected(QStringLiteral("the %1 block does not parse as a private key").arg(keyBlock->type));
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        return KeyAlgorithm::Rsa;
    case EVP_PKEY_EC:
        return KeyAlgorithm::Ec;
    case EVP_PKEY_ED25519:
        return KeyAlgorithm::Ed25519;
    default:
        return KeyAlgorithm::Other;
    }
}

fd::Expected<void, QString> checkKeyPair(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    BioPtr certBio = memoryBio(certificatePem);
    X509Ptr cert(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    BioPtr keyBio = memoryBio(keyPem);
    PkeyPtr key(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (!cert || !key)
        return fd::Unexpected(QStringLiteral("the certificate or the key does not parse"));
    const int matches = X509_check_private_key(cert.get(), key.get());
    ERR_clear_error();
    if (matches != 1)
        return fd::Unexpected(QStringLiteral("the private key does not match the certificate's public key"));
    return {};
}

std::optional<QByteArray> decodeBase64Field(const QString &text)
{
    QByteArray compact;
    compact.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            continue;
        if (c.unicode() > 127)
            return std::nullopt;
        compact.append(static_cast<char>(c.unicode()));
    }
    if (compact.size() % 4 != 0)
        return std::nullopt;
    auto result = QByteArray::fromBase64Encoding(compact, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

QDateTime jwtExpiry(const QString &jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    auto payload = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(),
                                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload)
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(*payload);
    const QJsonValue exp = document.object().value(QStringLiteral("exp"));
    if (!exp.isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(exp.toDouble()), Qt::UTC);
}

} // namespace fd::kube
