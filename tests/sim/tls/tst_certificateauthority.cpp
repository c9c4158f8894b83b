#include "sim/tls/CertificateAuthority.h"

#include <QSslConfiguration>
#include <QSslCertificateExtension>
#include <QSslError>
#include <QtTest>

using fd::sim::CertificateAuthority;
using fd::sim::CertificatePurpose;
using fd::sim::CertificateRequest;
using fd::sim::IssuedCertificate;
using fd::sim::KeyAlgorithm;

Q_DECLARE_METATYPE(KeyAlgorithm)

namespace {

QVariant extensionValue(const QSslCertificate &certificate, const QString &name)
{
    const QList<QSslCertificateExtension> extensions = certificate.extensions();
    for (const QSslCertificateExtension &extension : extensions) {
        if (extension.name() == name)
            return extension.value();
    }
    return {};
}

bool extensionIsCritical(const QSslCertificate &certificate, const QString &name)
{
    const QList<QSslCertificateExtension> extensions = certificate.extensions();
    for (const QSslCertificateExtension &extension : extensions) {
        if (extension.name() == name)
            return extension.isCritical();
    }
    return false;
}

QList<QSslError::SslError> verificationErrors(const IssuedCertificate &leaf, const QString &hostName)
{
    QList<QSslError::SslError> errors;
    const QList<QSslError> found = QSslCertificate::verify({leaf.certificate()}, hostName);
    for (const QSslError &error : found)
        errors.append(error.error());
    return errors;
}

QStringList sanEntries(const QSslCertificate &certificate, QSsl::AlternativeNameEntryType type)
{
    return certificate.subjectAlternativeNames().values(type);
}

} // namespace

class TestCertificateAuthority : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void caIsSelfSignedAndMarkedAsCa_data();
    void caIsSelfSignedAndMarkedAsCa();
    void serverCertificateHasDefaultNamesAndServerAuth();
    void serverCertificateChainVerifies();
    void serverCertificateWithCustomNames();
    void clientCertificateCarriesUserAndGroups();
    void privateKeyMatchesCertificate_data();
    void privateKeyMatchesCertificate();
    void serialsAreRandomAndValidityIsAYear();
    void wrongHostCertificateFailsHostCheckOnly();
    void expiredCertificateIsRejected();
    void roundTripThroughPem();
    void fromPemRejectsBadInput_data();
    void fromPemRejectsBadInput();
    void issueRejectsBadRequests_data();
    void issueRejectsBadRequests();

private:
    std::optional<CertificateAuthority> m_ca;
    QSslConfiguration m_originalDefault;
};

void TestCertificateAuthority::initTestCase()
{
    auto ca = CertificateAuthority::generate(QStringLiteral("test-ca"));
    QVERIFY2(ca.hasValue(), qPrintable(ca.hasValue() ? QString() : ca.error()));
    m_ca = ca.value();
    // QSslCertificate::verify looks the root up in the default configuration.
    m_originalDefault = QSslConfiguration::defaultConfiguration();
    QSslConfiguration withCa = m_originalDefault;
    withCa.addCaCertificate(m_ca->certificate());
    QSslConfiguration::setDefaultConfiguration(withCa);
}

void TestCertificateAuthority::cleanupTestCase()
{
    QSslConfiguration::setDefaultConfiguration(m_originalDefault);
}

void TestCertificateAuthority::caIsSelfSignedAndMarkedAsCa_data()
{
    QTest::addColumn<KeyAlgorithm>("algorithm");
    QTest::addRow("ec-p256") << KeyAlgorithm::EcP256;
    QTest::addRow("rsa-2048") << KeyAlgorithm::Rsa2048;
}

void TestCertificateAuthority::caIsSelfSignedAndMarkedAsCa()
{
    QFETCH(KeyAlgorithm, algorithm);
    auto ca = CertificateAuthority::generate(QStringLiteral("my-ca"), algorithm);
    QVERIFY2(ca.hasValue(), qPrintable(ca.hasValue() ? QString() : ca.error()));
    QVERIFY(ca->certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(ca->privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
    const QSslCertificate certificate = ca->certificate();
    QVERIFY(!certificate.isNull());
    QVERIFY(certificate.isSelfSigned());
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("my-ca")});
    const QVariantMap basicConstraints = extensionValue(certificate, QStringLiteral("basicConstraints")).toMap();
    QCOMPARE(basicConstraints.value(QStringLiteral("ca")).toBool(), true);
    QVERIFY(extensionIsCritical(certificate, QStringLiteral("basicConstraints")));
    const QStringList keyUsage = extensionValue(certificate, QStringLiteral("keyUsage")).toStringList();
    QVERIFY2(keyUsage.contains(QStringLiteral("Certificate Sign")), qPrintable(keyUsage.join(u',')));
    QCOMPARE(certificate.publicKey().algorithm(), algorithm == KeyAlgorithm::Rsa2048 ? QSsl::Rsa : QSsl::Ec);

    // A leaf signed by an RSA CA verifies as well as one signed by an EC CA.
    auto leaf = ca->issueServerCertificate();
    QVERIFY2(leaf.hasValue(), qPrintable(leaf.hasValue() ? QString() : leaf.error()));
    QCOMPARE(leaf->certificate().issuerDisplayName(), QStringLiteral("my-ca"));
}

void TestCertificateAuthority::serverCertificateHasDefaultNamesAndServerAuth()
{
    auto server = m_ca->issueServerCertificate();
    QVERIFY2(server.hasValue(), qPrintable(server.hasValue() ? QString() : server.error()));
    const QSslCertificate certificate = server->certificate();
    QVERIFY(!certificate.isNull());
    QVERIFY(!certificate.isSelfSigned());
    QCOMPARE(sanEntries(certificate, QSsl::DnsEntry), QStringList{QStringLiteral("localhost")});
    QList<QHostAddress> addresses;
    const QStringList ipEntries = sanEntries(certificate, QSsl::IpAddressEntry);
    for (const QString &entry : ipEntries)
        addresses.append(QHostAddress(entry));
    QCOMPARE(addresses.size(), 2);
    QVERIFY(addresses.contains(QHostAddress(QHostAddress::LocalHost)));
    QVERIFY(addresses.contains(QHostAddress(QHostAddress::LocalHostIPv6)));
    const QStringList eku = extensionValue(certificate, QStringLiteral("extendedKeyUsage")).toStringList();
    QVERIFY2(eku.contains(QStringLiteral("TLS Web Server Authentication")), qPrintable(eku.join(u',')));
    QVERIFY(!eku.contains(QStringLiteral("TLS Web Client Authentication")));
    QCOMPARE(extensionValue(certificate, QStringLiteral("basicConstraints")).toMap().value(QStringLiteral("ca")).toBool(),
             false);
}

void TestCertificateAuthority::serverCertificateChainVerifies()
{
    auto server = m_ca->issueServerCertificate();
    QVERIFY(server.hasValue());
    QCOMPARE(verificationErrors(server.value(), QStringLiteral("localhost")), QList<QSslError::SslError>{});
    QCOMPARE(verificationErrors(server.value(), QStringLiteral("127.0.0.1")), QList<QSslError::SslError>{});

    // Signed by another CA that is not trusted: the chain must not verify.
    auto stranger = CertificateAuthority::generate(QStringLiteral("stranger"));
    QVERIFY(stranger.hasValue());
    auto foreign = stranger->issueServerCertificate();
    QVERIFY(foreign.hasValue());
    QVERIFY(!verificationErrors(foreign.value(), QStringLiteral("localhost")).isEmpty());
}

void TestCertificateAuthority::serverCertificateWithCustomNames()
{
    auto server = m_ca->issueServerCertificate({QStringLiteral("sim.example"), QStringLiteral("*.sim.example")},
                                               {QHostAddress(QStringLiteral("10.1.2.3"))});
    QVERIFY2(server.hasValue(), qPrintable(server.hasValue() ? QString() : server.error()));
    const QSslCertificate certificate = server->certificate();
    QCOMPARE(sanEntries(certificate, QSsl::DnsEntry).size(), 2);
    QVERIFY(sanEntries(certificate, QSsl::DnsEntry).contains(QStringLiteral("*.sim.example")));
    QCOMPARE(sanEntries(certificate, QSsl::IpAddressEntry), QStringList{QStringLiteral("10.1.2.3")});
    QCOMPARE(verificationErrors(server.value(), QStringLiteral("api.sim.example")), QList<QSslError::SslError>{});
    QCOMPARE(verificationErrors(server.value(), QStringLiteral("localhost")),
             QList<QSslError::SslError>{QSslError::HostNameMismatch});
}

void TestCertificateAuthority::clientCertificateCarriesUserAndGroups()
{
    const QStringList groups{QStringLiteral("system:masters"), QStringLiteral("fission-admins")};
    auto client = m_ca->issueClientCertificate(QStringLiteral("alice"), groups);
    QVERIFY2(client.hasValue(), qPrintable(client.hasValue() ? QString() : client.error()));
    const QSslCertificate certificate = client->certificate();
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("alice")});
    QStringList organizations = certificate.subjectInfo(QSslCertificate::Organization);
    organizations.sort();
    QStringList expected = groups;
    expected.sort();
    QCOMPARE(organizations, expected);
    const QStringList eku = extensionValue(certificate, QStringLiteral("extendedKeyUsage")).toStringList();
    QVERIFY2(eku.contains(QStringLiteral("TLS Web Client Authentication")), qPrintable(eku.join(u',')));
    QVERIFY(!eku.contains(QStringLiteral("TLS Web Server Authentication")));
    QVERIFY(certificate.subjectAlternativeNames().isEmpty());
    QCOMPARE(verificationErrors(client.value(), QString()), QList<QSslError::SslError>{});

    auto noGroups = m_ca->issueClientCertificate(QStringLiteral("bob"));
    QVERIFY(noGroups.hasValue());
    QVERIFY(noGroups->certificate().subjectInfo(QSslCertificate::Organization).isEmpty());
}

void TestCertificateAuthority::privateKeyMatchesCertificate_data()
{
    QTest::addColumn<KeyAlgorithm>("algorithm");
    QTest::addRow("ec-p256") << KeyAlgorithm::EcP256;
    QTest::addRow("rsa-2048") << KeyAlgorithm::Rsa2048;
}

void TestCertificateAuthority::privateKeyMatchesCertificate()
{
    QFETCH(KeyAlgorithm, algorithm);
    CertificateRequest request;
    request.commonName = QStringLiteral("localhost");
    request.dnsNames = {QStringLiteral("localhost")};
    request.keyAlgorithm = algorithm;
    auto issued = m_ca->issue(request);
    QVERIFY2(issued.hasValue(), qPrintable(issued.hasValue() ? QString() : issued.error()));
    const QSslKey key = issued->privateKey();
    QVERIFY(!key.isNull());
    QCOMPARE(key.type(), QSsl::PrivateKey);
    QCOMPARE(key.algorithm(), algorithm == KeyAlgorithm::Rsa2048 ? QSsl::Rsa : QSsl::Ec);
    QCOMPARE(key.length(), algorithm == KeyAlgorithm::Rsa2048 ? 2048 : 256);
    // fromPem checks that key and certificate belong together before it checks for a CA,
    // so "not a CA" proves the pair matches.
    auto asCa = CertificateAuthority::fromPem(issued->certificatePem, issued->privateKeyPem);
    QVERIFY(!asCa.hasValue());
    QVERIFY2(asCa.error().contains(QStringLiteral("not a CA")), qPrintable(asCa.error()));
}

void TestCertificateAuthority::serialsAreRandomAndValidityIsAYear()
{
    auto first = m_ca->issueServerCertificate();
    auto second = m_ca->issueServerCertificate();
    QVERIFY(first.hasValue() && second.hasValue());
    const QByteArray serial = first->certificate().serialNumber();
    QVERIFY(!serial.isEmpty());
    QVERIFY(serial != second->certificate().serialNumber());
    QVERIFY(serial != m_ca->certificate().serialNumber());

    const QSslCertificate certificate = first->certificate();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(certificate.effectiveDate() <= now);
    QVERIFY(certificate.effectiveDate() > now.addSecs(-2 * 3600));
    const qint64 days = certificate.effectiveDate().daysTo(certificate.expiryDate());
    QVERIFY2(days >= 365 && days <= 366, qPrintable(QString::number(days)));
}

void TestCertificateAuthority::wrongHostCertificateFailsHostCheckOnly()
{
    auto wrong = m_ca->issueWrongHostCertificate();
    QVERIFY2(wrong.hasValue(), qPrintable(wrong.hasValue() ? QString() : wrong.error()));
    QCOMPARE(verificationErrors(wrong.value(), QStringLiteral("localhost")),
             QList<QSslError::SslError>{QSslError::HostNameMismatch});
    QCOMPARE(verificationErrors(wrong.value(), QStringLiteral("127.0.0.1")),
             QList<QSslError::SslError>{QSslError::HostNameMismatch});
    QCOMPARE(verificationErrors(wrong.value(), QStringLiteral("wrong-host.invalid")), QList<QSslError::SslError>{});
}

void TestCertificateAuthority::expiredCertificateIsRejected()
{
    auto expired = m_ca->issueExpiredServerCertificate();
    QVERIFY2(expired.hasValue(), qPrintable(expired.hasValue() ? QString() : expired.error()));
    QVERIFY(expired->certificate().expiryDate() < QDateTime::currentDateTimeUtc());
    QCOMPARE(verificationErrors(expired.value(), QStringLiteral("localhost")),
             QList<QSslError::SslError>{QSslError::CertificateExpired});
}

void TestCertificateAuthority::roundTripThroughPem()
{
    auto reloaded = CertificateAuthority::fromPem(m_ca->certificatePem(), m_ca->privateKeyPem());
    QVERIFY2(reloaded.hasValue(), qPrintable(reloaded.hasValue() ? QString() : reloaded.error()));
    QCOMPARE(reloaded->certificate(), m_ca->certificate());
    auto leaf = reloaded->issueServerCertificate();
    QVERIFY(leaf.hasValue());
    QCOMPARE(verificationErrors(leaf.value(), QStringLiteral("localhost")), QList<QSslError::SslError>{});

    auto rsa = CertificateAuthority::generate(QStringLiteral("rsa-ca"), KeyAlgorithm::Rsa2048);
    QVERIFY(rsa.hasValue());
    auto rsaReloaded = CertificateAuthority::fromPem(rsa->certificatePem(), rsa->privateKeyPem());
    QVERIFY(rsaReloaded.hasValue());
    QVERIFY(rsaReloaded->issueClientCertificate(QStringLiteral("carol")).hasValue());
}

void TestCertificateAuthority::fromPemRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("certificatePem");
    QTest::addColumn<QByteArray>("keyPem");
    QTest::addColumn<QString>("expectedError");

    auto other = CertificateAuthority::generate(QStringLiteral("other"));
    QVERIFY(other.hasValue());
    auto leaf = m_ca->issueServerCertificate();
    QVERIFY(leaf.hasValue());
    const QByteArray caPem = m_ca->certificatePem();
    const QByteArray keyPem = m_ca->privateKeyPem();

    QTest::addRow("empty certificate") << QByteArray() << keyPem << QStringLiteral("certificate PEM is empty");
    QTest::addRow("empty key") << caPem << QByteArray() << QStringLiteral("private key PEM is empty");
    QTest::addRow("garbage certificate") << QByteArray("not a pem") << keyPem
                                         << QStringLiteral("cannot parse the CA certificate");
    QTest::addRow("truncated certificate") << caPem.left(caPem.size() / 2) << keyPem
                                           << QStringLiteral("cannot parse the CA certificate");
    QTest::addRow("garbage key") << caPem << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
                                 << QStringLiteral("cannot parse the CA private key");
    QTest::addRow("key of another CA") << caPem << other->privateKeyPem()
                                       << QStringLiteral("does not belong to the CA certificate");
    QTest::addRow("leaf is not a CA") << leaf->certificatePem << leaf->privateKeyPem
                                      << QStringLiteral("not a CA");
}

void TestCertificateAuthority::fromPemRejectsBadInput()
{
    QFETCH(QByteArray, certificatePem);
    QFETCH(QByteArray, keyPem);
    QFETCH(QString, expectedError);
    auto ca = CertificateAuthority::fromPem(certificatePem, keyPem);
    QVERIFY(!ca.hasValue());
    QVERIFY2(ca.error().contains(expectedError), qPrintable(ca.error()));
}

void TestCertificateAuthority::issueRejectsBadRequests_data()
{
    QTest::addColumn<QString>("commonName");
    QTest::addColumn<QStringList>("dnsNames");
    QTest::addColumn<QStringList>("organizations");
    QTest::addColumn<int>("validityDays");
    QTest::addColumn<QString>("expectedError");

    const QString cn = QStringLiteral("localhost");
    QTest::addRow("empty common name") << QString() << QStringList() << QStringList() << 1 << QStringLiteral("CN must have");
    QTest::addRow("common name too long") << QString(65, u'x') << QStringList() << QStringList() << 1
                                          << QStringLiteral("CN must have");
    QTest::addRow("empty organization") << cn << QStringList() << QStringList{QString()} << 1
                                        << QStringLiteral("O must have");
    QTest::addRow("space in DNS name") << cn << QStringList{QStringLiteral("bad name")} << QStringList() << 1
                                       << QStringLiteral("not a valid DNS name");
    QTest::addRow("empty DNS name") << cn << QStringList{QString()} << QStringList() << 1
                                    << QStringLiteral("not a valid DNS name");
    QTest::addRow("empty label") << cn << QStringList{QStringLiteral("a..b")} << QStringList() << 1
                                 << QStringLiteral("not a valid DNS name");
    QTest::addRow("inner wildcard") << cn << QStringList{QStringLiteral("a.*.b")} << QStringList() << 1
                                    << QStringLiteral("not a valid DNS name");
    QTest::addRow("non-ASCII name") << cn << QStringList{QStringLiteral("b\u00fccher.example")} << QStringList() << 1
                                    << QStringLiteral("not a valid DNS name");
    QTest::addRow("comma injection") << cn << QStringList{QStringLiteral("a,IP:1.2.3.4")} << QStringList() << 1
                                     << QStringLiteral("not a valid DNS name");
    QTest::addRow("ends before it starts") << cn << QStringList() << QStringList() << -1
                                           << QStringLiteral("must be later than notBefore");
}

void TestCertificateAuthority::issueRejectsBadRequests()
{
    QFETCH(QString, commonName);
    QFETCH(QStringList, dnsNames);
    QFETCH(QStringList, organizations);
    QFETCH(int, validityDays);
    QFETCH(QString, expectedError);
    CertificateRequest request;
    request.commonName = commonName;
    request.dnsNames = dnsNames;
    request.organizations = organizations;
    request.notBefore = QDateTime::currentDateTimeUtc();
    request.notAfter = request.notBefore.addDays(validityDays);
    auto issued = m_ca->issue(request);
    QVERIFY(!issued.hasValue());
    QVERIFY2(issued.error().contains(expectedError), qPrintable(issued.error()));
}

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificateauthority.moc"
