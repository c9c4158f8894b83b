#include "TestCerts.h"

#include "kube/config/ExecCredential.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fd::kube;

namespace {
const QString kV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
const QString kSecretToken = QStringLiteral("tok-SECRET-42");

QByteArray credentialJson(const QString &apiVersion, const QJsonObject &status)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                                     {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                                     {QStringLiteral("status"), status}})
        .toJson();
}
} // namespace

class TestExecCredential : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("error");  // empty: must parse
        QTest::addColumn<QString>("expiry"); // ISO, empty: none

        const QJsonObject token{{QStringLiteral("token"), kSecretToken}};
        QJsonObject withExpiry = token;
        withExpiry.insert(QStringLiteral("expirationTimestamp"), QStringLiteral("2030-01-01T10:00:00Z"));

        QTest::addRow("v1 token") << credentialJson(kV1, token) << kV1 << QString() << QString();
        QTest::addRow("v1beta1 with expiry") << credentialJson(kV1beta1, withExpiry) << kV1beta1 << QString() << QStringLiteral("2030-01-01T10:00:00Z");
        QJsonObject nanos = token;
        nanos.insert(QStringLiteral("expirationTimestamp"), QStringLiteral("2030-01-01T10:00:00.123456789Z"));
        QTest::addRow("fractional seconds") << credentialJson(kV1, nanos) << kV1 << QString() << QStringLiteral("2030-01-01T10:00:00.123Z");
        QJsonObject offset = token;
        offset.insert(QStringLiteral("expirationTimestamp"), QStringLiteral("2030-01-01T12:00:00+02:00"));
        QTest::addRow("offset") << credentialJson(kV1, offset) << kV1 << QString() << QStringLiteral("2030-01-01T10:00:00Z");
        QTest::addRow("yaml output") << QByteArray("apiVersion: client.authentication.k8s.io/v1\nkind: ExecCredential\nstatus:\n  token: ") + kSecretToken.toUtf8() + "\n"
                                     << kV1 << QString() << QString();
        QTest::addRow("trailing newline and spaces") << credentialJson(kV1, token) + "\n\n  " << kV1 << QString() << QString();

        QTest::addRow("wrong apiVersion") << credentialJson(kV1beta1, token) << kV1
                                          << QStringLiteral("configured to use API version client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/v1beta1")
                                          << QString();
        QTest::addRow("plugin replies v1alpha1") << credentialJson(QStringLiteral("client.authentication.k8s.io/v1alpha1"), token) << kV1beta1
                                                 << QStringLiteral("plugin returned version client.authentication.k8s.io/v1alpha1") << QString();
        QTest::addRow("configured v1alpha1") << credentialJson(kV1beta1, token) << QStringLiteral("client.authentication.k8s.io/v1alpha1")
                                             << QStringLiteral("is not supported") << QString();
        QTest::addRow("no kind") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"status\":{\"token\":\"x\"}}") << kV1
                                 << QStringLiteral("no apiVersion or kind") << QString();
        QTest::addRow("other kind") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"Status\"}") << kV1
                                    << QStringLiteral("returned a Status") << QString();
        QTest::addRow("no status") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\"}") << kV1
                                   << QStringLiteral("didn't return a status field") << QString();
        QTest::addRow("status not object") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":[]}")
                                           << kV1 << QStringLiteral("status is not an object") << QString();
        QTest::addRow("empty status") << credentialJson(kV1, {}) << kV1 << QStringLiteral("didn't return a token or cert/key pair") << QString();
        QTest::addRow("token not string") << credentialJson(kV1, {{QStringLiteral("token"), 42}}) << kV1 << QStringLiteral("status.token is not a string")
                                          << QString();
        QTest::addRow("cert without key") << credentialJson(kV1, {{QStringLiteral("clientCertificateData"), QStringLiteral("x")}}) << kV1
                                          << QStringLiteral("only certificate or key") << QString();
        QJsonObject badExpiry = token;
        badExpiry.insert(QStringLiteral("expirationTimestamp"), QStringLiteral("tomorrow"));
        QTest::addRow("bad expiry") << credentialJson(kV1, badExpiry) << kV1 << QStringLiteral("not an RFC 3339 time") << QString();
        QJsonObject localTime = token;
        localTime.insert(QStringLiteral("expirationTimestamp"), QStringLiteral("2030-01-01T10:00:00"));
        QTest::addRow("expiry without zone") << credentialJson(kV1, localTime) << kV1 << QStringLiteral("not an RFC 3339 time") << QString();
        QTest::addRow("not json") << QByteArray("Error: you are not logged in") << kV1 << QStringLiteral("not valid JSON") << QString();
        QTest::addRow("truncated json") << credentialJson(kV1, token).left(30) << kV1 << QStringLiteral("not valid JSON") << QString();
        QTest::addRow("json array") << QByteArray("[1,2]") << kV1 << QStringLiteral("not an object") << QString();
        QTest::addRow("empty") << QByteArray("  \n") << kV1 << QStringLiteral("printed nothing") << QString();

        const auto &pair = fd::test::cachedPair(fd::test::TestKeyType::Ec, QStringLiteral("exec-cert"));
        const auto &other = fd::test::cachedPair(fd::test::TestKeyType::Rsa, QStringLiteral("exec-other"));
        QTest::addRow("cert and key") << credentialJson(kV1, {{QStringLiteral("clientCertificateData"), QString::fromLatin1(pair.certPem)},
                                                              {QStringLiteral("clientKeyData"), QString::fromLatin1(pair.keyPem)}})
                                      << kV1 << QString() << QString();
        QTest::addRow("mismatched cert and key") << credentialJson(kV1, {{QStringLiteral("clientCertificateData"), QString::fromLatin1(pair.certPem)},
                                                                         {QStringLiteral("clientKeyData"), QString::fromLatin1(other.keyPem)}})
                                                 << kV1 << QStringLiteral("does not match") << QString();
        QTest::addRow("garbage key") << credentialJson(kV1, {{QStringLiteral("clientCertificateData"), QString::fromLatin1(pair.certPem)},
                                                             {QStringLiteral("clientKeyData"), QStringLiteral("not a key")}})
                                     << kV1 << QStringLiteral("clientKeyData is not usable") << QString();
    }
    void parse()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, configured);
        QFETCH(QString, error);
        QFETCH(QString, expiry);
        const auto result = parseExecCredential(output, configured);
        if (error.isEmpty()) {
            QVERIFY2(result.hasValue(), qPrintable(result.hasValue() ? QString() : result.error()));
            QVERIFY(!result->token.isEmpty() || result->hasClientCertificate());
            if (expiry.isEmpty())
                QVERIFY(!result->expirationTimestamp.isValid());
            else
                QCOMPARE(result->expirationTimestamp, QDateTime::fromString(expiry, Qt::ISODateWithMs));
            if (!result->token.isEmpty())
                QCOMPARE(result->token, kSecretToken);
        } else {
            QVERIFY(!result.hasValue());
            QVERIFY2(result.error().contains(error), qPrintable(result.error()));
            QVERIFY(!result.error().contains(kSecretToken));
        }
    }

    void execInfoWithoutCluster()
    {
        ExecConfig exec;
        exec.apiVersion = kV1;
        ResolvedCluster cluster;
        cluster.server = QUrl(QStringLiteral("https://h:6443"));
        const QJsonObject info = QJsonDocument::fromJson(buildExecInfo(exec, &cluster)).object();
        QCOMPARE(info.value(QStringLiteral("apiVersion")).toString(), kV1);
        QCOMPARE(info.value(QStringLiteral("kind")).toString(), QStringLiteral("ExecCredential"));
        const QJsonObject spec = info.value(QStringLiteral("spec")).toObject();
        QCOMPARE(spec.value(QStringLiteral("interactive")), QJsonValue(false));
        QVERIFY(!spec.contains(QStringLiteral("cluster")));
    }

    void execInfoWithCluster()
    {
        ExecConfig exec;
        exec.apiVersion = kV1beta1;
        exec.provideClusterInfo = true;
        ResolvedCluster cluster;
        cluster.server = QUrl(QStringLiteral("https://h:6443/prefix"));
        cluster.caPem = QByteArrayLiteral("-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n");
        cluster.tlsServerName = QStringLiteral("api.internal");
        cluster.proxyUrl = QUrl(QStringLiteral("http://proxy:3128"));
        cluster.disableCompression = true;
        cluster.execClusterConfig = QJsonObject{{QStringLiteral("audience"), QStringLiteral("x")}};
        const QJsonObject spec = QJsonDocument::fromJson(buildExecInfo(exec, &cluster)).object().value(QStringLiteral("spec")).toObject();
        const QJsonObject info = spec.value(QStringLiteral("cluster")).toObject();
        QCOMPARE(info.value(QStringLiteral("server")).toString(), QStringLiteral("https://h:6443/prefix"));
        QCOMPARE(QByteArray::fromBase64(info.value(QStringLiteral("certificate-authority-data")).toString().toLatin1()), cluster.caPem);
        QCOMPARE(info.value(QStringLiteral("tls-server-name")).toString(), QStringLiteral("api.internal"));
        QCOMPARE(info.value(QStringLiteral("proxy-url")).toString(), QStringLiteral("http://proxy:3128"));
        QCOMPARE(info.value(QStringLiteral("disable-compression")).toBool(), true);
        QVERIFY(!info.contains(QStringLiteral("insecure-skip-tls-verify")));
        QCOMPARE(info.value(QStringLiteral("config")).toObject().value(QStringLiteral("audience")).toString(), QStringLiteral("x"));
    }
};

QTEST_GUILESS_MAIN(TestExecCredential)
#include "tst_execcredential.moc"
