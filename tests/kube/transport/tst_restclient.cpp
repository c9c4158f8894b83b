#include "TransportTestUtil.h"

#include "kube/config/ExecCredentialPlugin.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"
#include "sim/api/ApiHandler.h"
#include "sim/api/ObjectStore.h"
#include "sim/auth/Authenticator.h"
#include "sim/cluster/KubeconfigWriter.h"
#include "sim/tls/CertificateAuthority.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace fd::kube;
using namespace fd::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject bodyOf(const KubeResult &result)
{
    return result ? QJsonDocument::fromJson(result->body).object() : QJsonObject();
}

// Who the server thinks we are (SelfSubjectReview).
QString whoAmI(RestClient *client)
{
    const KubeResult result = postJson(client, u"/apis/authentication.k8s.io/v1/selfsubjectreviews"_s,
                                       {{u"apiVersion"_s, u"authentication.k8s.io/v1"_s}, {u"kind"_s, u"SelfSubjectReview"_s}});
    if (!result)
        return u"error: "_s + result.error().message;
    return bodyOf(result).value("status"_L1).toObject().value("userInfo"_L1).toObject().value("username"_L1).toString();
}

} // namespace

class TestRestClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimTestCluster> m_http;
    std::unique_ptr<SimTestCluster> m_tls;
    QTemporaryDir m_dir;
    int m_scripts = 0;

    std::unique_ptr<KubeSession> session(SimTestCluster &sim, const ResolvedUser &user)
    {
        auto s = makeSession(sim, user);
        // Quick backoff for the tests (the policy's shape is unit-tested).
        RetryLimits limits;
        limits.initialBackoffMs = 20;
        limits.maxBackoffMs = 200;
        s->rest()->setRetryPolicy(RetryPolicy(limits));
        return s;
    }

    // An exec plugin printing an ExecCredential whose status comes from $DIR/status.json.
    QString execPlugin(const QByteArray &status)
    {
        const QString dir = m_dir.filePath(u"plugin-%1"_s.arg(++m_scripts));
        QDir().mkpath(dir);
        writeFile(dir + u"/status.json"_s, status);
        const QString path = dir + u"/plugin"_s;
        writeFile(path, "#!/bin/sh\n"
                        "n=$(cat \"$0.count\" 2>/dev/null || echo 0); echo $((n+1)) > \"$0.count\"\n"
                        "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":%s}' "
                        "\"$(cat \"$(dirname \"$0\")/status.json\")\"\n");
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
        return path;
    }

    static void writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

    static ResolvedUser execUser(const QString &command)
    {
        ResolvedUser user;
        user.name = u"exec-user"_s;
        ExecConfig exec;
        exec.command = command;
        exec.apiVersion = u"client.authentication.k8s.io/v1"_s;
        exec.interactiveMode = ExecInteractiveMode::Never;
        user.exec = exec;
        return user;
    }

    void addToken(SimTestCluster &sim, const QString &token, const QString &name)
    {
        onSim(sim, [token, name](fd::sim::SimCluster &c) {
            c.authenticator()->addToken(token, fd::sim::UserInfo{name, {}, {u"system:masters"_s}, {}});
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_http = startSim(false);
        QVERIFY(m_http);
        m_tls = startSim(true);
        QVERIFY(m_tls);
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_tls.reset();
    }

    void httpWithToken()
    {
        auto s = session(*m_http, tokenUser(*m_http, u"admin"_s));
        const KubeResult version = get(s->rest(), u"/version"_s);
        QVERIFY2(version, qPrintable(errorText(version)));
        QCOMPARE(version->status, 200);
        QVERIFY(!version->http2); // cleartext stays HTTP/1.1
        QCOMPARE(bodyOf(version).value("gitVersion"_L1).toString(), u"v1.33.1"_s);
        QCOMPARE(whoAmI(s->rest()), u"admin"_s);
        QVERIFY(s->securityWarning().isEmpty());
    }

    void tlsClientCertificateOverHttp2()
    {
        auto s = session(*m_tls, certificateUser(*m_tls));
        const KubeResult namespaces = get(s->rest(), u"/api/v1/namespaces"_s);
        QVERIFY2(namespaces, qPrintable(errorText(namespaces)));
        QVERIFY2(namespaces->http2, "the emulator offers h2 through ALPN: Qt should have used it");
        QCOMPARE(whoAmI(s->rest()), u"admin"_s);
    }

    void tlsTokenUser()
    {
        auto s = session(*m_tls, tokenUser(*m_tls, u"viewer"_s));
        QCOMPARE(whoAmI(s->rest()), u"viewer"_s);
    }

    void unknownCaIsRefused()
    {
        auto otherCa = fd::sim::CertificateAuthority::generate(u"some-other-ca"_s);
        QVERIFY(otherCa.hasValue());
        ResolvedCluster cluster = simCluster(*m_tls);
        cluster.caPem = otherCa->certificatePem();
        const ResolvedUser user = tokenUser(*m_tls, u"viewer"_s);
        auto settings = ConnectionSettings::fromKubeconfig(cluster, user, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        KubeSession s(u"sim"_s, *settings, user, cluster);
        const KubeResult result = get(s.rest(), u"/version"_s);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Tls);
        QVERIFY2(result.error().message.contains(u"not trusted"_s), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(u"127.0.0.1"_s));
        QCOMPARE(s.rest()->statistics().requests, 1); // not retried
    }

    void hostNameMismatchIsRefused()
    {
        ResolvedCluster cluster = simCluster(*m_tls);
        cluster.tlsServerName = u"not-the-server.example"_s;
        const ResolvedUser user = tokenUser(*m_tls, u"viewer"_s);
        auto settings = ConnectionSettings::fromKubeconfig(cluster, user, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        KubeSession s(u"sim"_s, *settings, user, cluster);
        const KubeResult result = get(s.rest(), u"/version"_s);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Tls);
        QVERIFY2(result.error().message.contains(u"host name mismatch"_s), qPrintable(result.error().message));
        // And with the right name it works: tls-server-name is what gets checked.
        cluster.tlsServerName = u"localhost"_s;
        auto good = ConnectionSettings::fromKubeconfig(cluster, user, ProxyEnvironment{});
        KubeSession s2(u"sim"_s, *good, user, cluster);
        const KubeResult ok = get(s2.rest(), u"/version"_s);
        QVERIFY2(ok, qPrintable(errorText(ok)));
    }

    void insecureSkipVerifyWorksWithAWarning()
    {
        ResolvedCluster cluster = simCluster(*m_tls);
        cluster.caPem.clear(); // the emulator's CA is unknown to the system roots
        cluster.insecureSkipTlsVerify = true;
        const ResolvedUser user = tokenUser(*m_tls, u"viewer"_s);
        auto settings = ConnectionSettings::fromKubeconfig(cluster, user, ProxyEnvironment{});
        QVERIFY(settings.hasValue());
        KubeSession s(u"sim"_s, *settings, user, cluster);
        const KubeResult result = get(s.rest(), u"/version"_s);
        QVERIFY2(result, qPrintable(errorText(result)));
        QVERIFY(!s.securityWarning().isEmpty());
        QVERIFY(s.securityWarning().contains(u"127.0.0.1"_s));
    }

    void kubeconfigEndToEnd()
    {
        fd::sim::KubeconfigCluster entry{u"e2e"_s, m_tls->host().url(), m_tls->host().caCertificatePem(), m_tls->host().users()};
        const QString path = m_dir.filePath(u"kubeconfig"_s);
        writeFile(path, fd::sim::writeKubeconfig({entry}));
        LoadOptions options;
        options.explicitFile = path;
        options.checkExecCommands = false;
        const KubeconfigSet set = KubeconfigLoader::load(options);
        const ContextEntry *admin = set.context(u"e2e"_s);
        QVERIFY(admin);
        auto created = KubeSession::fromContext(*admin, ProxyEnvironment{});
        QVERIFY2(created.hasValue(), qPrintable(created.hasValue() ? QString() : created.error().message));
        QCOMPARE(whoAmI((*created)->rest()), u"admin"_s);
        const ContextEntry *viewer = set.context(u"e2e-viewer"_s);
        QVERIFY(viewer);
        auto viewerSession = KubeSession::fromContext(*viewer, ProxyEnvironment{});
        QVERIFY(viewerSession.hasValue());
        QCOMPARE(whoAmI((*viewerSession)->rest()), u"viewer"_s);
    }

    void typedErrors()
    {
        auto admin = session(*m_tls, certificateUser(*m_tls));
        RestClient *rest = admin->rest();
        const QString configMaps = u"/api/v1/namespaces/default/configmaps"_s;

        const KubeResult missing = get(rest, configMaps + u"/does-not-exist"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QCOMPARE(missing.error().httpStatus, 404);

        QVERIFY(postJson(rest, configMaps, configMap(u"typed"_s)));
        const KubeResult again = postJson(rest, configMaps, configMap(u"typed"_s));
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorKind::AlreadyExists);

        const KubeResult current = get(rest, configMaps + u"/typed"_s);
        QVERIFY(current);
        QJsonObject stale = bodyOf(current);
        stale.insert(u"data"_s, QJsonObject{{u"k"_s, u"1"_s}});
        const QByteArray staleBody = QJsonDocument(stale).toJson(QJsonDocument::Compact);
        QVERIFY(call(rest, KubeRequest::withBody("PUT", configMaps + u"/typed"_s, staleBody)));
        const KubeResult conflict = call(rest, KubeRequest::withBody("PUT", configMaps + u"/typed"_s, staleBody));
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);

        const KubeResult invalid = postJson(rest, configMaps, configMap(u"Not_Valid"_s));
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().kind, ErrorKind::Invalid);
        QVERIFY(!invalid.error().causes.isEmpty());
        QCOMPARE(invalid.error().causes.first().field, u"metadata.name"_s);

        auto viewer = session(*m_tls, tokenUser(*m_tls, u"viewer"_s));
        const KubeResult forbidden = postJson(viewer->rest(), configMaps, configMap(u"nope"_s));
        QVERIFY(!forbidden);
        QCOMPARE(forbidden.error().kind, ErrorKind::Forbidden);
        QVERIFY2(forbidden.error().message.contains(u"viewer"_s), qPrintable(forbidden.error().message));
        QVERIFY(forbidden.error().message.contains(u"cannot create"_s));

        // 410: a watch from a compacted resourceVersion is refused at once.
        onSim(*m_tls, [](fd::sim::SimCluster &c) { c.store()->compact(); });
        QUrlQuery query;
        query.addQueryItem(u"watch"_s, u"true"_s);
        query.addQueryItem(u"resourceVersion"_s, u"1"_s);
        KubeStream *watch = rest->openStream(KubeRequest::get(configMaps, query));
        QVERIFY(waitUntil([watch] { return watch->isFinished(); }));
        QVERIFY(!watch->result());
        QCOMPARE(watch->result().error().kind, ErrorKind::Gone);
        delete watch;
    }

    void tooManyRequestsHonoursRetryAfter()
    {
        auto s = session(*m_http, tokenUser(*m_http, u"admin"_s));
        QVERIFY(postJson(s->rest(), u"/api/v1/namespaces/default/configmaps"_s, configMap(u"throttled"_s)));
        onSim(*m_http, [](fd::sim::SimCluster &c) {
            auto &faults = c.api()->faults();
            faults.failNextRequests = 2;
            faults.failStatus = 429;
            faults.retryAfterSeconds = 1;
            faults.failOnlyPathContaining = u"configmaps/throttled"_s;
        });
        QElapsedTimer elapsed;
        elapsed.start();
        const KubeResult result = get(s->rest(), u"/api/v1/namespaces/default/configmaps/throttled"_s);
        QVERIFY2(result, qPrintable(errorText(result)));
        QCOMPARE(result->attempts, 3);
        // Both Retry-After waits happened (a lower bound cannot flake on a slow machine).
        QVERIFY2(elapsed.elapsed() >= 1900, qPrintable(QString::number(elapsed.elapsed())));
        int left = -1;
        onSim(*m_http, [&left](fd::sim::SimCluster &c) { left = c.api()->faults().failNextRequests; });
        QCOMPARE(left, 0);

        // A POST throttled by the server was not processed: it is sent again too.
        onSim(*m_http, [](fd::sim::SimCluster &c) {
            auto &faults = c.api()->faults();
            faults.failNextRequests = 1;
            faults.failStatus = 429;
            faults.retryAfterSeconds = 0;
            faults.failOnlyPathContaining = u"/configmaps"_s;
        });
        const KubeResult created = postJson(s->rest(), u"/api/v1/namespaces/default/configmaps"_s, configMap(u"throttled-post"_s));
        QVERIFY2(created, qPrintable(errorText(created)));
        QCOMPARE(created->attempts, 2);

        // 503 with Retry-After: a GET waits as told and tries again.
        onSim(*m_http, [](fd::sim::SimCluster &c) {
            auto &faults = c.api()->faults();
            faults.failNextRequests = 1;
            faults.failStatus = 503;
            faults.retryAfterSeconds = 1;
            faults.failOnlyPathContaining = u"configmaps/throttled"_s;
        });
        elapsed.restart();
        const KubeResult unavailable = get(s->rest(), u"/api/v1/namespaces/default/configmaps/throttled"_s);
        QVERIFY2(unavailable, qPrintable(errorText(unavailable)));
        QCOMPARE(unavailable->attempts, 2);
        QVERIFY2(elapsed.elapsed() >= 900, qPrintable(QString::number(elapsed.elapsed())));
    }

    void clientTimeoutIsFinal()
    {
        auto s = session(*m_http, tokenUser(*m_http, u"admin"_s));
        onSim(*m_http, [](fd::sim::SimCluster &c) { c.api()->faults().latencyMs = 3000; });
        KubeRequest request = KubeRequest::get(u"/api/v1/namespaces"_s);
        request.timeoutMs = 200;
        const KubeResult result = call(s->rest(), request);
        onSim(*m_http, [](fd::sim::SimCluster &c) { c.api()->faults().latencyMs = 0; });
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Timeout);
        QVERIFY(result.error().message.contains(u"127.0.0.1"_s));
        QCOMPARE(s->rest()->statistics().requests, 1); // the caller chose how long to wait: no retry
    }

    void serverErrorRetriedForGetNotForPost()
    {
        auto s = session(*m_http, tokenUser(*m_http, u"admin"_s));
        const auto inject = [this](int count) {
            onSim(*m_http, [count](fd::sim::SimCluster &c) {
                auto &faults = c.api()->faults();
                faults.failNextRequests = count;
                faults.failStatus = 500;
                faults.failOnlyPathContaining = u"/configmaps"_s;
            });
        };
        const auto remaining = [this] {
            int left = -1;
            onSim(*m_http, [&left](fd::sim::SimCluster &c) { left = c.api()->faults().failNextRequests; });
            return left;
        };
        inject(2);
        const KubeResult list = get(s->rest(), u"/api/v1/namespaces/default/configmaps"_s);
        QVERIFY2(list, qPrintable(errorText(list)));
        QCOMPARE(list->attempts, 3);
        QCOMPARE(remaining(), 0);

        inject(2);
        const KubeResult post = postJson(s->rest(), u"/api/v1/namespaces/default/configmaps"_s, configMap(u"once"_s));
        QVERIFY(!post);
        QCOMPARE(post.error().kind, ErrorKind::ServerError);
        QCOMPARE(post.error().httpStatus, 500);
        QCOMPARE(remaining(), 1); // exactly one attempt reached the server
        onSim(*m_http, [](fd::sim::SimCluster &c) { c.api()->faults().failNextRequests = 0; });
        QVERIFY(!get(s->rest(), u"/api/v1/namespaces/default/configmaps/once"_s)); // not created

        // Persistent 5xx: bounded attempts, then the error.
        inject(100);
        const KubeResult exhausted = get(s->rest(), u"/api/v1/namespaces/default/configmaps"_s);
        QVERIFY(!exhausted);
        QCOMPARE(exhausted.error().kind, ErrorKind::ServerError);
        QCOMPARE(remaining(), 100 - 1 - s->rest()->retryPolicy().limits().maxRetries);
        onSim(*m_http, [](fd::sim::SimCluster &c) { c.api()->faults().failNextRequests = 0; });
    }

    void warningHeadersAreSurfaced()
    {
        auto s = session(*m_tls, certificateUser(*m_tls));
        QVERIFY(installWidgetCrd(s->rest()));
        QSignalSpy warnings(s->rest(), &RestClient::warningReceived);
        // The server prunes unknown fields of custom resources and, with fieldValidation=Warn,
        // says so in Warning headers.
        const QJsonObject widget{{u"apiVersion"_s, u"example.fission-desk.io/v1"_s},
                                 {u"kind"_s, u"Widget"_s},
                                 {u"metadata"_s, QJsonObject{{u"name"_s, u"warned"_s}}},
                                 {u"spec"_s, QJsonObject{{u"size"_s, 3}, {u"bogus"_s, 1}, {u"other"_s, u"x"_s}}}};
        const QString path = u"/apis/example.fission-desk.io/v1/namespaces/default/widgets"_s;
        KubeRequest request = KubeRequest::withBody("POST", path, QJsonDocument(widget).toJson(QJsonDocument::Compact));
        request.query.addQueryItem(u"fieldValidation"_s, u"Warn"_s);
        const KubeResult result = call(s->rest(), request);
        QVERIFY2(result, qPrintable(errorText(result)));
        QCOMPARE(result->warnings, (QStringList{u"unknown field \"spec.bogus\""_s, u"unknown field \"spec.other\""_s}));
        QCOMPARE(warnings.count(), 2);
        QCOMPARE(warnings.first().at(0).toString(), u"unknown field \"spec.bogus\""_s);
        QCOMPARE(warnings.first().at(1).toString(), u"POST "_s + path);
    }

    void expiredTokenRefreshesTheExecPlugin()
    {
        addToken(*m_tls, u"exec-token-1"_s, u"exec-user"_s);
        const QString plugin = execPlugin("{\"token\":\"exec-token-1\"}");
        auto s = session(*m_tls, execUser(plugin));
        QCOMPARE(whoAmI(s->rest()), u"exec-user"_s);
        ExecCredentialPlugin *execPlugin = s->credentials()->execPlugin();
        QVERIFY(execPlugin);
        QCOMPARE(execPlugin->runCount(), 1);
        QVERIFY(get(s->rest(), u"/api/v1/namespaces"_s)); // cached: no second run
        QCOMPARE(execPlugin->runCount(), 1);

        // The token expires on the server; the plugin would now hand out a new one.
        addToken(*m_tls, u"exec-token-2"_s, u"exec-user"_s);
        writeFile(QFileInfo(plugin).absolutePath() + u"/status.json"_s, "{\"token\":\"exec-token-2\"}");
        onSim(*m_tls, [](fd::sim::SimCluster &c) { c.authenticator()->expireToken(u"exec-token-1"_s); });

        // A burst of requests: all get 401, the plugin runs once, every request is resent once.
        QList<KubeReply *> replies;
        for (int i = 0; i < 5; ++i)
            replies.append(s->rest()->send(KubeRequest::get(u"/api/v1/namespaces"_s)));
        QVERIFY(waitUntil([&replies] {
            return std::all_of(replies.begin(), replies.end(), [](KubeReply *r) { return r->isFinished(); });
        }));
        for (KubeReply *reply : std::as_const(replies)) {
            QVERIFY2(reply->result(), qPrintable(errorText(reply->result())));
            delete reply;
        }
        QCOMPARE(execPlugin->runCount(), 2);
        QVERIFY(s->rest()->statistics().unauthorizedRetries >= 1);
    }

    void expiredStaticTokenIsUnauthorized()
    {
        addToken(*m_tls, u"static-token"_s, u"static-user"_s);
        ResolvedUser user;
        user.name = u"static"_s;
        user.token = u"static-token"_s;
        auto s = session(*m_tls, user);
        QVERIFY(get(s->rest(), u"/api"_s));
        onSim(*m_tls, [](fd::sim::SimCluster &c) { c.authenticator()->expireToken(u"static-token"_s); });
        const KubeResult result = get(s->rest(), u"/api/v1/namespaces"_s);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Unauthorized);
        QCOMPARE(s->rest()->statistics().unauthorizedRetries, 0);
        QVERIFY(!result.error().message.contains(u"static-token"_s));
    }

    void execPluginClientCertificate()
    {
        const ResolvedUser admin = certificateUser(*m_tls);
        QJsonObject status{{u"clientCertificateData"_s, QString::fromLatin1(admin.clientCertPem)},
                           {u"clientKeyData"_s, QString::fromLatin1(admin.clientKeyPem)}};
        const QString plugin = execPlugin(QJsonDocument(status).toJson(QJsonDocument::Compact));
        auto s = session(*m_tls, execUser(plugin));
        QCOMPARE(whoAmI(s->rest()), u"admin"_s);
        QCOMPARE(s->credentials()->execPlugin()->runCount(), 1);
    }

    void tokenFileIsFollowed()
    {
        addToken(*m_tls, u"file-token-1"_s, u"file-user-1"_s);
        addToken(*m_tls, u"file-token-2"_s, u"file-user-2"_s);
        const QString path = m_dir.filePath(u"token-file"_s);
        writeFile(path, "file-token-1\n");
        ResolvedUser user;
        user.name = u"file"_s;
        user.token = u"file-token-1"_s;
        user.tokenFile = path;
        auto s = session(*m_tls, user);
        QCOMPARE(whoAmI(s->rest()), u"file-user-1"_s);
        // Rotated with a different size, so the change is seen whatever the mtime resolution.
        writeFile(path, "file-token-2\n\n");
        QCOMPARE(whoAmI(s->rest()), u"file-user-2"_s);
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
