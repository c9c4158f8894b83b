#include "TestCerts.h"

#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/CredentialProvider.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QTest>

using namespace fd::kube;
using namespace Qt::StringLiterals;

namespace {

ResolvedCluster cluster(const QString &server)
{
    ResolvedCluster c;
    c.name = u"c1"_s;
    c.server = QUrl(server);
    return c;
}

} // namespace

class TestConnectionSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void customCaIsTheOnlyTrustAnchor()
    {
        const auto &ca = fd::test::cachedPair(fd::test::TestKeyType::Ec, u"test-ca"_s);
        ResolvedCluster c = cluster(u"https://api.example.com:6443"_s);
        c.caPem = ca.certPem;
        const auto settings = ConnectionSettings::fromKubeconfig(c, {}, ProxyEnvironment{});
        QVERIFY2(settings.hasValue(), qPrintable(settings.hasValue() ? QString() : settings.error().message));
        QVERIFY(settings->hasCustomCa());
        const QSslConfiguration ssl = settings->sslConfiguration();
        QCOMPARE(ssl.caCertificates().size(), 1);
        QCOMPARE(ssl.caCertificates().first().toPem(), QSslCertificate::fromData(ca.certPem).first().toPem());
        QCOMPARE(ssl.peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(settings->securityWarning().isEmpty());
    }

    void withoutCaTheSystemRootsApply()
    {
        const auto settings = ConnectionSettings::fromKubeconfig(cluster(u"https://api.example.com"_s), {}, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        QVERIFY(!settings->hasCustomCa());
        QCOMPARE(settings->sslConfiguration().caCertificates().size(),
                 QSslConfiguration::defaultConfiguration().caCertificates().size());
    }

    void brokenCaIsAConfigError()
    {
        ResolvedCluster c = cluster(u"https://api.example.com"_s);
        c.caPem = "not a certificate";
        const auto settings = ConnectionSettings::fromKubeconfig(c, {}, ProxyEnvironment{});
        QVERIFY(!settings.hasValue());
        QCOMPARE(settings.error().kind, ErrorKind::Config);
    }

    void insecureSkipVerifyWarns()
    {
        ResolvedCluster c = cluster(u"https://api.example.com"_s);
        c.insecureSkipTlsVerify = true;
        const auto settings = ConnectionSettings::fromKubeconfig(c, {}, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        QCOMPARE(settings->sslConfiguration().peerVerifyMode(), QSslSocket::VerifyNone);
        QVERIFY(settings->insecureSkipTlsVerify());
        QVERIFY(settings->securityWarning().contains(u"api.example.com"_s));
    }

    void tlsServerNameBecomesThePeerVerifyName()
    {
        ResolvedCluster c = cluster(u"https://10.0.0.1:6443"_s);
        c.tlsServerName = u"kubernetes.default.svc"_s;
        const auto settings = ConnectionSettings::fromKubeconfig(c, {}, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        QNetworkRequest request(settings->apiUrl(u"/version"_s));
        settings->applyTo(request);
        QCOMPARE(request.peerVerifyName(), u"kubernetes.default.svc"_s);
        QCOMPARE(request.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
    }

    void clientCertificates_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("traditional");
        QTest::addRow("rsa pkcs8") << int(fd::test::TestKeyType::Rsa) << false;
        QTest::addRow("rsa pkcs1") << int(fd::test::TestKeyType::Rsa) << true;
        QTest::addRow("ec pkcs8") << int(fd::test::TestKeyType::Ec) << false;
        QTest::addRow("ec sec1") << int(fd::test::TestKeyType::Ec) << true;
    }

    void clientCertificates()
    {
        QFETCH(int, type);
        QFETCH(bool, traditional);
        const auto keyType = static_cast<fd::test::TestKeyType>(type);
        const auto &pair = fd::test::cachedPair(keyType, u"alice"_s);
        ResolvedUser user;
        user.name = u"alice"_s;
        user.clientCertPem = pair.certPem;
        user.clientKeyPem = traditional ? pair.traditionalKeyPem : pair.keyPem;
        const auto settings = ConnectionSettings::fromKubeconfig(cluster(u"https://h"_s), user, ProxyEnvironment{});
        QVERIFY2(settings.hasValue(), qPrintable(settings.hasValue() ? QString() : settings.error().message));
        const QSslConfiguration ssl = settings->sslConfiguration();
        QCOMPARE(ssl.localCertificate().subjectInfo(QSslCertificate::CommonName), QStringList{u"alice"_s});
        QVERIFY(!ssl.privateKey().isNull());
        QCOMPARE(ssl.privateKey().algorithm(), keyType == fd::test::TestKeyType::Rsa ? QSsl::Rsa : QSsl::Ec);
    }

    void execCertificateReplacesTheKubeconfigOne()
    {
        const auto &kubeconfigPair = fd::test::cachedPair(fd::test::TestKeyType::Ec, u"from-kubeconfig"_s);
        const auto &execPair = fd::test::cachedPair(fd::test::TestKeyType::Rsa, u"from-plugin"_s);
        ResolvedUser user;
        user.clientCertPem = kubeconfigPair.certPem;
        user.clientKeyPem = kubeconfigPair.keyPem;
        const auto settings = ConnectionSettings::fromKubeconfig(cluster(u"https://h"_s), user, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        const auto exec = ClientCertificate::fromPem(execPair.certPem, execPair.keyPem);
        QVERIFY(exec.hasValue());
        QCOMPARE(settings->sslConfiguration(*exec).localCertificate().subjectInfo(QSslCertificate::CommonName),
                 QStringList{u"from-plugin"_s});
        QCOMPARE(settings->sslConfiguration().localCertificate().subjectInfo(QSslCertificate::CommonName),
                 QStringList{u"from-kubeconfig"_s});
    }

    void badClientKeyIsAConfigErrorWithoutKeyMaterial()
    {
        const auto &pair = fd::test::cachedPair(fd::test::TestKeyType::Ec, u"bob"_s);
        ResolvedUser user;
        user.name = u"bob"_s;
        user.clientCertPem = pair.certPem;
        user.clientKeyPem = "-----BEGIN PRIVATE KEY-----\nAAAAsecretsecretAAAA\n-----END PRIVATE KEY-----\n";
        const auto settings = ConnectionSettings::fromKubeconfig(cluster(u"https://h"_s), user, ProxyEnvironment{});
        QVERIFY(!settings.hasValue());
        QCOMPARE(settings.error().kind, ErrorKind::Config);
        QVERIFY(settings.error().message.contains(u"bob"_s));
        QVERIFY(!settings.error().message.contains(u"secretsecret"_s));
    }

    void apiUrlKeepsThePathPrefixAndEncodesTheQuery()
    {
        const auto settings =
            ConnectionSettings::fromKubeconfig(cluster(u"https://rancher.example.com/k8s/clusters/c-x1/"_s), {}, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        QUrlQuery query;
        query.addQueryItem(u"labelSelector"_s, u"app in (a,b),tier=web"_s);
        query.addQueryItem(u"sinceTime"_s, u"2024-01-01T10:00:00+01:00"_s);
        const QUrl url = settings->apiUrl(u"/api/v1/namespaces/x/pods"_s, query);
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 u"https://rancher.example.com/k8s/clusters/c-x1/api/v1/namespaces/x/pods"
                 "?labelSelector=app%20in%20%28a%2Cb%29%2Ctier%3Dweb&sinceTime=2024-01-01T10%3A00%3A00%2B01%3A00"_s);
        QCOMPARE(settings->apiUrl(u"version"_s).toString(), u"https://rancher.example.com/k8s/clusters/c-x1/version"_s);
    }

    void proxyUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addRow("http") << u"http://proxy.corp:3128"_s << int(QNetworkProxy::HttpProxy) << u"proxy.corp"_s << 3128;
        QTest::addRow("http default port") << u"http://proxy.corp"_s << int(QNetworkProxy::HttpProxy) << u"proxy.corp"_s << 80;
        QTest::addRow("socks5") << u"socks5://127.0.0.1:1080"_s << int(QNetworkProxy::Socks5Proxy) << u"127.0.0.1"_s << 1080;
    }

    void proxyUrl()
    {
        QFETCH(QString, url);
        QFETCH(int, type);
        QFETCH(QString, host);
        QFETCH(int, port);
        ResolvedCluster c = cluster(u"https://api.example.com"_s);
        c.proxyUrl = QUrl(url);
        const auto settings = ConnectionSettings::fromKubeconfig(c, {}, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        QCOMPARE(int(settings->proxy().type()), type);
        QCOMPARE(settings->proxy().hostName(), host);
        QCOMPARE(int(settings->proxy().port()), port);
    }

    void proxyCredentialsAreKeptButNeverShown()
    {
        ResolvedCluster c = cluster(u"https://api.example.com"_s);
        c.proxyUrl = QUrl(u"http://joe:pa55word@proxy.corp:3128"_s);
        const auto settings = ConnectionSettings::fromKubeconfig(c, {}, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        QCOMPARE(settings->proxy().user(), u"joe"_s);
        QCOMPARE(settings->proxy().password(), u"pa55word"_s);

        c.proxyUrl = QUrl(u"https://joe:pa55word@proxy.corp:3128"_s);
        const auto refused = ConnectionSettings::fromKubeconfig(c, {}, ProxyEnvironment{});
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().kind, ErrorKind::Config);
        QVERIFY(refused.error().message.contains(u"https://"_s));
        QVERIFY(!refused.error().message.contains(u"pa55word"_s));
    }

    void environmentProxy_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::addRow("https uses HTTPS_PROXY") << u"https://api.example.com:6443"_s << u"http://secure.corp:8443"_s;
        QTest::addRow("http uses HTTP_PROXY") << u"http://api.example.com"_s << u"http://plain.corp:8080"_s;
        QTest::addRow("domain suffix") << u"https://k8s.internal.corp"_s << QString();
        QTest::addRow("bare domain matches subdomains") << u"https://a.b.lab.local"_s << QString();
        QTest::addRow("cidr") << u"https://10.20.30.40:6443"_s << QString();
        QTest::addRow("host with port matches") << u"https://special.example.com:6443"_s << QString();
        QTest::addRow("host with other port does not") << u"https://special.example.com:443"_s << u"http://secure.corp:8443"_s;
        QTest::addRow("loopback never") << u"https://127.0.0.1:6443"_s << QString();
        QTest::addRow("localhost never") << u"https://localhost:6443"_s << QString();
    }

    void environmentProxy()
    {
        QFETCH(QString, target);
        QFETCH(QString, expected);
        ProxyEnvironment environment;
        environment.httpsProxy = u"secure.corp:8443"_s;
        environment.httpProxy = u"http://plain.corp:8080"_s;
        environment.noProxy = u".internal.corp, lab.local,10.0.0.0/8,special.example.com:6443"_s;
        QCOMPARE(environment.proxyFor(QUrl(target)).toString(), expected);
    }

    void noProxyStar()
    {
        ProxyEnvironment environment;
        environment.httpsProxy = u"http://p:1"_s;
        environment.noProxy = u"*"_s;
        QVERIFY(environment.proxyFor(QUrl(u"https://anything.example"_s)).isEmpty());
    }

    void environmentProxyBecomesTheManagersProxy()
    {
        ProxyEnvironment environment;
        environment.httpsProxy = u"http://proxy.corp:3128"_s;
        const auto settings = ConnectionSettings::fromKubeconfig(cluster(u"https://api.example.com"_s), {}, environment);
        QVERIFY(settings.hasValue());
        QCOMPARE(settings->proxy().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(settings->proxy().hostName(), u"proxy.corp"_s);
        // proxy-url wins over the environment.
        ResolvedCluster c = cluster(u"https://api.example.com"_s);
        c.proxyUrl = QUrl(u"socks5://other:1080"_s);
        const auto explicitProxy = ConnectionSettings::fromKubeconfig(c, {}, environment);
        QVERIFY(explicitProxy.hasValue());
        QCOMPARE(explicitProxy->proxy().hostName(), u"other"_s);
    }

    void impersonationHeaders()
    {
        ResolvedUser user;
        user.name = u"u"_s;
        user.impersonation.user = u"jane"_s;
        user.impersonation.groups = {u"devs"_s};
        user.impersonation.uid = u"42"_s;
        user.impersonation.extra.insert(u"scopes/x"_s, {u"view"_s});
        const auto settings = ConnectionSettings::fromKubeconfig(cluster(u"https://h"_s), user, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        QNetworkRequest request(settings->apiUrl(u"/api"_s));
        settings->applyTo(request);
        QCOMPARE(request.rawHeader("Impersonate-User"), QByteArray("jane"));
        QCOMPARE(request.rawHeader("Impersonate-Group"), QByteArray("devs"));
        QCOMPARE(request.rawHeader("Impersonate-Uid"), QByteArray("42"));
        QCOMPARE(request.rawHeader("Impersonate-Extra-scopes%2Fx"), QByteArray("view"));

        user.impersonation.groups = {u"a"_s, u"b"_s};
        const auto refused = ConnectionSettings::fromKubeconfig(cluster(u"https://h"_s), user, ProxyEnvironment{});
        QVERIFY(!refused.hasValue());
    }

    void rejectsNonHttpServers()
    {
        QVERIFY(!ConnectionSettings::fromKubeconfig(cluster(u"ftp://h"_s), {}, ProxyEnvironment{}).hasValue());
        QVERIFY(!ConnectionSettings::fromKubeconfig(cluster(u"https://"_s), {}, ProxyEnvironment{}).hasValue());
    }

    // CredentialProvider without a server: what goes into the Authorization header.
    void staticCredentials()
    {
        ResolvedUser token;
        token.token = u"abc.def"_s;
        CredentialProvider tokenProvider(token, std::nullopt, u"ctx"_s);
        QByteArray header;
        tokenProvider.acquire(this, [&header](const CredentialResult &r) { header = r->authorization; });
        QCOMPARE(header, QByteArray("Bearer abc.def"));
        QVERIFY(!tokenProvider.canRefresh());
        QVERIFY(!tokenProvider.invalidate(1));

        ResolvedUser basic;
        basic.basicAuth = BasicAuth{u"joe"_s, u"s3cret"_s};
        CredentialProvider basicProvider(basic, std::nullopt, u"ctx"_s);
        basicProvider.acquire(this, [&header](const CredentialResult &r) { header = r->authorization; });
        QCOMPARE(header, QByteArray("Basic ") + QByteArray("joe:s3cret").toBase64());

        CredentialProvider none(ResolvedUser{}, std::nullopt, u"ctx"_s);
        none.acquire(this, [&header](const CredentialResult &r) { header = r->authorization; });
        QVERIFY(header.isEmpty());
    }

    void tokenFileIsReadAgainWhenItChanges()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"token"_s);
        const auto write = [&path](const QByteArray &content, const QDateTime &mtime) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(content);
            file.close();
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
        };
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-100);
        write("first-token\n", t0);
        ResolvedUser user;
        user.token = u"first-token"_s;
        user.tokenFile = path;
        CredentialProvider provider(user, std::nullopt, u"ctx"_s);
        QVERIFY(provider.canRefresh());
        Credential seen;
        const auto acquire = [&] { provider.acquire(this, [&seen](const CredentialResult &r) { seen = *r; }); };
        acquire();
        QCOMPARE(seen.authorization, QByteArray("Bearer first-token"));
        const quint64 firstGeneration = seen.generation;

        // Rotated (as kubelet rotates projected service account tokens): the next use sees it.
        write("second-token\n", t0.addSecs(10));
        acquire();
        QCOMPARE(seen.authorization, QByteArray("Bearer second-token"));
        QVERIFY(seen.generation != firstGeneration);

        // A 401 re-reads the file even when the time stamp did not move; nothing new → no retry.
        QVERIFY(!provider.invalidate(seen.generation));
        write("third-token\n", t0.addSecs(10));
        QVERIFY(provider.invalidate(seen.generation));
        acquire();
        QCOMPARE(seen.authorization, QByteArray("Bearer third-token"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
