#include "TestCerts.h"

#include "kube/config/ExecCommandResolver.h"
#include "kube/config/ExecCredentialPlugin.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace fd::kube;

namespace {
const QString kV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");

ExecResult wait(QFuture<ExecResult> future)
{
    future.waitForFinished();
    return future.result();
}

QString errorText(const ExecResult &result)
{
    return result.hasValue() ? QStringLiteral("(no error)") : result.error().message;
}
} // namespace

class TestExecCredentialPlugin : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A plugin script in its own directory; `body` runs in /bin/sh with $DIR set to it.
    QString script(const QByteArray &body)
    {
        const QString dir = m_dir.filePath(QStringLiteral("plugin-%1").arg(++m_counter));
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/plugin");
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write("#!/bin/sh\nDIR='" + dir.toUtf8() + "'\n" + body);
        file.close();
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
        return path;
    }

    static QByteArray count() { return QByteArrayLiteral("n=$(cat \"$DIR/count\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$DIR/count\"\n"); }

    static int runsRecorded(const QString &pluginPath)
    {
        QFile file(QFileInfo(pluginPath).absolutePath() + QStringLiteral("/count"));
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return file.readAll().trimmed().toInt();
    }

    ExecPluginSpec spec(const QString &command, const QString &apiVersion = QStringLiteral("client.authentication.k8s.io/v1"))
    {
        ExecPluginSpec s;
        s.contextName = QStringLiteral("test");
        s.exec.command = command;
        s.exec.apiVersion = apiVersion;
        s.exec.interactiveMode = ExecInteractiveMode::Never;
        s.timeoutMs = 10'000;
        return s;
    }

    std::shared_ptr<const ExecCommandResolver> isolatedResolver()
    {
        CommandSearchPaths paths;
        paths.pathVariable = m_dir.filePath(QStringLiteral("empty-path"));
        paths.homeDir = m_dir.filePath(QStringLiteral("home"));
        paths.usualLocations = {m_dir.filePath(QStringLiteral("usual"))};
        return std::make_shared<const ExecCommandResolver>(paths);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void v1TokenWithEnvironmentAndNoStdin()
    {
        const QString path = script(QByteArrayLiteral(
            "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$DIR/info.json\"\n"
            "printf '%s' \"$MY_SETTING\" > \"$DIR/env.txt\"\n"
            "if read line; then echo 'stdin was readable' > \"$DIR/stdin.txt\"; fi\n"
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"token\":\"v1-token\",\"expirationTimestamp\":\"2030-01-01T10:00:00Z\"}}'\n"));
        ExecPluginSpec s = spec(path);
        s.exec.env = {{QStringLiteral("MY_SETTING"), QStringLiteral("from-kubeconfig")}};
        s.cluster = ResolvedCluster();
        s.cluster->server = QUrl(QStringLiteral("https://h:6443"));
        ExecCredentialPlugin plugin(s);
        const ExecResult result = wait(plugin.credential());
        QVERIFY2(result.hasValue(), qPrintable(errorText(result)));
        QCOMPARE(result->token, QStringLiteral("v1-token"));
        QCOMPARE(result->expirationTimestamp, QDateTime(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(result->generation, quint64(1));
        const QString dir = QFileInfo(path).absolutePath();
        QFile info(dir + QStringLiteral("/info.json"));
        QVERIFY(info.open(QIODevice::ReadOnly));
        const QJsonObject execInfo = QJsonDocument::fromJson(info.readAll()).object();
        QCOMPARE(execInfo.value(QStringLiteral("apiVersion")).toString(), kV1);
        QCOMPARE(execInfo.value(QStringLiteral("spec")).toObject().value(QStringLiteral("interactive")), QJsonValue(false));
        QVERIFY(!execInfo.value(QStringLiteral("spec")).toObject().contains(QStringLiteral("cluster"))); // no provideClusterInfo
        QFile env(dir + QStringLiteral("/env.txt"));
        QVERIFY(env.open(QIODevice::ReadOnly));
        QCOMPARE(env.readAll(), QByteArrayLiteral("from-kubeconfig"));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/stdin.txt")));
    }

    void v1beta1WithClusterInfo()
    {
        const QString path = script(QByteArrayLiteral(
            "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$DIR/info.json\"\n"
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"beta\"}}'\n"));
        ExecPluginSpec s = spec(path, kV1beta1);
        s.exec.provideClusterInfo = true;
        s.cluster = ResolvedCluster();
        s.cluster->server = QUrl(QStringLiteral("https://gke.example.com"));
        s.cluster->execClusterConfig = QJsonObject{{QStringLiteral("project"), QStringLiteral("p1")}};
        ExecCredentialPlugin plugin(s);
        const ExecResult result = wait(plugin.credential());
        QVERIFY2(result.hasValue(), qPrintable(errorText(result)));
        QCOMPARE(result->token, QStringLiteral("beta"));
        QVERIFY(!result->expirationTimestamp.isValid());
        QFile info(QFileInfo(path).absolutePath() + QStringLiteral("/info.json"));
        QVERIFY(info.open(QIODevice::ReadOnly));
        const QJsonObject cluster =
            QJsonDocument::fromJson(info.readAll()).object().value(QStringLiteral("spec")).toObject().value(QStringLiteral("cluster")).toObject();
        QCOMPARE(cluster.value(QStringLiteral("server")).toString(), QStringLiteral("https://gke.example.com"));
        QCOMPARE(cluster.value(QStringLiteral("config")).toObject().value(QStringLiteral("project")).toString(), QStringLiteral("p1"));
    }

    void clientCertificateReply()
    {
        const auto &pair = fd::test::cachedPair(fd::test::TestKeyType::Ec, QStringLiteral("plugin-cert"));
        const QJsonObject reply{{QStringLiteral("apiVersion"), kV1},
                                {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                                {QStringLiteral("status"), QJsonObject{{QStringLiteral("clientCertificateData"), QString::fromLatin1(pair.certPem)},
                                                                      {QStringLiteral("clientKeyData"), QString::fromLatin1(pair.keyPem)}}}};
        const QString dir = m_dir.filePath(QStringLiteral("cert-reply"));
        QDir().mkpath(dir);
        QFile replyFile(dir + QStringLiteral("/reply.json"));
        replyFile.open(QIODevice::WriteOnly);
        replyFile.write(QJsonDocument(reply).toJson());
        replyFile.close();
        ExecCredentialPlugin plugin(spec(script("cat '" + replyFile.fileName().toUtf8() + "'\n")));
        const ExecResult result = wait(plugin.credential());
        QVERIFY2(result.hasValue(), qPrintable(errorText(result)));
        QVERIFY(result->hasClientCertificate());
        QVERIFY(result->token.isEmpty());
        QCOMPARE(result->clientKeyPem, pair.keyPem);
    }

    void cachesUntilShortlyBeforeExpiry()
    {
        const QString path = script(count() + QByteArrayLiteral(
                                        "echo \"{\\\"apiVersion\\\":\\\"client.authentication.k8s.io/v1\\\",\\\"kind\\\":\\\"ExecCredential\\\","
                                        "\\\"status\\\":{\\\"token\\\":\\\"token-$n\\\",\\\"expirationTimestamp\\\":\\\"2030-01-01T11:00:00Z\\\"}}\"\n"));
        ExecCredentialPlugin plugin(spec(path));
        QDateTime now(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC);
        plugin.setClock([&now] { return now; });
        QCOMPARE(wait(plugin.credential())->token, QStringLiteral("token-1"));
        now = now.addSecs(30 * 60);
        QCOMPARE(wait(plugin.credential())->token, QStringLiteral("token-1")); // cached
        QVERIFY(plugin.cachedCredential());
        now = QDateTime(QDate(2030, 1, 1), QTime(10, 58, 59), Qt::UTC); // 61 s before expiry: still good
        QCOMPARE(wait(plugin.credential())->token, QStringLiteral("token-1"));
        now = now.addSecs(2); // 59 s before expiry: refresh
        QVERIFY(!plugin.cachedCredential());
        const ExecResult refreshed = wait(plugin.credential());
        QCOMPARE(refreshed->token, QStringLiteral("token-2"));
        QCOMPARE(refreshed->generation, quint64(2));
        QCOMPARE(runsRecorded(path), 2);
        QCOMPARE(plugin.runCount(), 2);
    }

    void shortLivedCredentialUsesHalfItsLifetime()
    {
        const QString path = script(count() + QByteArrayLiteral(
                                        "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                                        "\"status\":{\"token\":\"short\",\"expirationTimestamp\":\"2030-01-01T10:00:40Z\"}}'\n"));
        ExecCredentialPlugin plugin(spec(path));
        QDateTime now(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC);
        plugin.setClock([&now] { return now; });
        wait(plugin.credential());
        wait(plugin.credential());
        QCOMPARE(runsRecorded(path), 1); // a 40 s token is not refreshed on every request
        now = now.addSecs(21);
        wait(plugin.credential());
        QCOMPARE(runsRecorded(path), 2);
    }

    void invalidateAfter401()
    {
        const QString path = script(count() + QByteArrayLiteral(
                                        "echo \"{\\\"apiVersion\\\":\\\"client.authentication.k8s.io/v1\\\",\\\"kind\\\":\\\"ExecCredential\\\","
                                        "\\\"status\\\":{\\\"token\\\":\\\"token-$n\\\"}}\"\n"));
        ExecCredentialPlugin plugin(spec(path));
        const ExecResult first = wait(plugin.credential());
        QCOMPARE(first->token, QStringLiteral("token-1"));
        QCOMPARE(wait(plugin.credential())->token, QStringLiteral("token-1")); // no expiry: cached
        QVERIFY(plugin.invalidate(first->generation));
        const ExecResult second = wait(plugin.credential());
        QCOMPARE(second->token, QStringLiteral("token-2"));
        // A late 401 for the old credential does not throw away the new one.
        QVERIFY(!plugin.invalidate(first->generation));
        QCOMPARE(wait(plugin.credential())->token, QStringLiteral("token-2"));
        plugin.invalidate();
        QCOMPARE(wait(plugin.credential())->token, QStringLiteral("token-3"));
        QCOMPARE(runsRecorded(path), 3);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addRow("bad json") << QByteArray("echo 'this is not json'\n") << kV1 << ExecPluginError::BadOutput << QStringLiteral("not valid JSON");
        QTest::addRow("wrong apiVersion")
            << QByteArray("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'\n")
            << kV1 << ExecPluginError::BadOutput
            << QStringLiteral("configured to use API version client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/v1beta1");
        QTest::addRow("v1alpha1 reply")
            << QByteArray("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1alpha1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'\n")
            << kV1beta1 << ExecPluginError::BadOutput << QStringLiteral("plugin returned version client.authentication.k8s.io/v1alpha1");
        QTest::addRow("exit code with stderr") << QByteArray("echo 'error: you must run aws sso login first' >&2\nexit 3\n") << kV1
                                               << ExecPluginError::Failed << QStringLiteral("failed with exit code 3; stderr: error: you must run aws sso login first");
        QTest::addRow("killed") << QByteArray("kill -9 $$\n") << kV1 << ExecPluginError::Failed << QStringLiteral("crashed");
        QTest::addRow("no output") << QByteArray("exit 0\n") << kV1 << ExecPluginError::BadOutput << QStringLiteral("printed nothing");
    }
    void failures()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, apiVersion);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        ExecCredentialPlugin plugin(spec(script(body), apiVersion));
        const ExecResult result = wait(plugin.credential());
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, fd::kube::ErrorKind::Config);
        QCOMPARE(result.error().reason, reason);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QVERIFY(!plugin.cachedCredential());
    }

    void stderrIsRedacted()
    {
        ExecPluginSpec s = spec(script(QByteArrayLiteral("echo \"using secret $API_SECRET and token: abcdef-123456\" >&2\nexit 1\n")));
        s.exec.env = {{QStringLiteral("API_SECRET"), QStringLiteral("hunter2-very-secret")}};
        ExecCredentialPlugin plugin(s);
        const ExecResult result = wait(plugin.credential());
        QVERIFY(!result.hasValue());
        QVERIFY(!result.error().message.contains(QLatin1String("hunter2-very-secret")));
        QVERIFY(!result.error().message.contains(QLatin1String("abcdef-123456")));
        QVERIFY(result.error().message.contains(QLatin1String("using secret [REDACTED]")));
    }

    void timeout()
    {
        ExecPluginSpec s = spec(script(QByteArrayLiteral("echo 'waiting for browser login' >&2\nsleep 30\n")));
        s.timeoutMs = 400;
        ExecCredentialPlugin plugin(s);
        QElapsedTimer timer;
        timer.start();
        const ExecResult result = wait(plugin.credential());
        QVERIFY(timer.elapsed() < 10'000);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().reason, ExecPluginError::Timeout);
        QVERIFY2(result.error().message.contains(QLatin1String("did not finish within 0.4 s")), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QLatin1String("waiting for browser login")));
    }

    void notFoundShowsInstallHint()
    {
        ExecPluginSpec s = spec(QStringLiteral("fd-test-no-such-plugin"));
        s.exec.installHint = QStringLiteral("Install it with: brew install fd-test-no-such-plugin");
        ExecCredentialPlugin plugin(s);
        plugin.setCommandResolver(isolatedResolver());
        const ExecResult result = wait(plugin.credential());
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().reason, ExecPluginError::NotFound);
        QVERIFY(result.error().message.contains(QLatin1String("Install it with: brew install fd-test-no-such-plugin")));
        QVERIFY(result.error().message.contains(m_dir.filePath(QStringLiteral("empty-path/fd-test-no-such-plugin"))));
        QVERIFY(result.error().message.contains(m_dir.filePath(QStringLiteral("usual/fd-test-no-such-plugin"))));
    }

    void overridePathFromSettings()
    {
        const QString path = script(QByteArrayLiteral(
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"overridden\"}}'\n"));
        ExecPluginSpec s = spec(QStringLiteral("plugin"));
        s.exec.commandOverride = QFileInfo(path).absolutePath();
        ExecCredentialPlugin plugin(s);
        plugin.setCommandResolver(isolatedResolver());
        const ExecResult result = wait(plugin.credential());
        QVERIFY2(result.hasValue(), qPrintable(errorText(result)));
        QCOMPARE(result->token, QStringLiteral("overridden"));
    }

    void interactiveAlwaysIsNotRun()
    {
        const QString path = script(QByteArrayLiteral("touch \"$DIR/ran\"\n"));
        ExecPluginSpec s = spec(path);
        s.exec.interactiveMode = ExecInteractiveMode::Always;
        ExecCredentialPlugin plugin(s);
        const ExecResult result = wait(plugin.credential());
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().reason, ExecPluginError::NeedsTerminal);
        QVERIFY(result.error().message.contains(QLatin1String("needs a terminal")));
        QVERIFY(!QFile::exists(QFileInfo(path).absolutePath() + QStringLiteral("/ran")));
    }

    void concurrentRequestsShareOneRun()
    {
        const QString path = script(count() + QByteArrayLiteral(
                                        "sleep 0.5\n"
                                        "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"shared\"}}'\n"));
        ExecCredentialPlugin plugin(spec(path));
        QFuture<ExecResult> a = plugin.credential();
        QFuture<ExecResult> b = plugin.credential();
        // And from other threads at the same time.
        QFuture<ExecResult> c = QtConcurrent::run([&plugin] { return wait(plugin.credential()); });
        QFuture<ExecResult> d = QtConcurrent::run([&plugin] { return wait(plugin.credential()); });
        QCOMPARE(wait(a)->token, QStringLiteral("shared"));
        QCOMPARE(wait(b)->token, QStringLiteral("shared"));
        QCOMPARE(wait(c)->token, QStringLiteral("shared"));
        QCOMPARE(wait(d)->token, QStringLiteral("shared"));
        QCOMPARE(runsRecorded(path), 1);
        QCOMPARE(plugin.runCount(), 1);
    }

    void handlesForOnePluginShareOneState()
    {
        const QString path = script(count() + QByteArrayLiteral(
                                        "sleep 0.3\n"
                                        "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"one\"}}'\n"));
        ExecCredentialPlugin first(spec(path));
        auto second = std::make_unique<ExecCredentialPlugin>(spec(path)); // e.g. another session's
        QFuture<ExecResult> a = first.credential();
        QFuture<ExecResult> b = second->credential();
        QCOMPARE(wait(a)->token, QStringLiteral("one"));
        QCOMPARE(wait(b)->token, QStringLiteral("one"));
        QCOMPARE(runsRecorded(path), 1);
        second.reset(); // the other handle keeps the state (and the credential)
        QVERIFY(first.cachedCredential());
        ExecPluginSpec otherArgs = spec(path);
        otherArgs.exec.args = {QStringLiteral("--different")};
        ExecCredentialPlugin third(otherArgs);
        QVERIFY(!third.cachedCredential());
    }

    void stderrIsForwardedWhileRunning()
    {
        const QString path = script(QByteArrayLiteral(
            "echo 'To sign in, open https://microsoft.com/devicelogin and enter the code ABCD-EFGH.' >&2\n"
            "while [ ! -f \"$DIR/go\" ]; do sleep 0.05; done\n"
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"after-login\"}}'\n"));
        ExecCredentialPlugin plugin(spec(path));
        QSignalSpy stderrSpy(&plugin, &ExecCredentialPlugin::pluginStderr);
        QSignalSpy refreshedSpy(&plugin, &ExecCredentialPlugin::credentialRefreshed);
        QFuture<ExecResult> future = plugin.credential();
        // The prompt arrives while the plugin still waits for the "user".
        QTRY_VERIFY_WITH_TIMEOUT(!stderrSpy.isEmpty(), 10'000);
        QVERIFY(stderrSpy.first().first().toString().contains(QLatin1String("ABCD-EFGH")));
        QVERIFY(!future.isFinished());
        QFile go(QFileInfo(path).absolutePath() + QStringLiteral("/go"));
        go.open(QIODevice::WriteOnly);
        go.close();
        QCOMPARE(wait(future)->token, QStringLiteral("after-login"));
        QTRY_COMPARE(refreshedSpy.size(), 1);
        QCOMPARE(refreshedSpy.first().first().value<quint64>(), quint64(1));
    }

    void destroyingThePluginStopsTheProcess()
    {
        const QString path = script(QByteArrayLiteral("sleep 30\n"));
        auto plugin = std::make_unique<ExecCredentialPlugin>(spec(path));
        QFuture<ExecResult> future = plugin->credential();
        QTest::qWait(200);
        QElapsedTimer timer;
        timer.start();
        plugin.reset();
        const ExecResult result = wait(future);
        QVERIFY(timer.elapsed() < 10'000);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().reason, ExecPluginError::Cancelled);
    }

    void cacheKey()
    {
        ExecPluginSpec a = spec(QStringLiteral("aws"));
        a.exec.args = {QStringLiteral("eks"), QStringLiteral("get-token")};
        ExecPluginSpec b = a;
        QCOMPARE(a.cacheKey(), b.cacheKey());
        b.exec.env = {{QStringLiteral("AWS_PROFILE"), QStringLiteral("prod")}};
        QVERIFY(a.cacheKey() != b.cacheKey());
        QVERIFY(!b.cacheKey().contains(QLatin1String("prod")));
        ExecPluginSpec c = a;
        c.cluster = ResolvedCluster();
        c.cluster->server = QUrl(QStringLiteral("https://other"));
        QVERIFY(a.cacheKey() != c.cacheKey());
    }
};

QTEST_GUILESS_MAIN(TestExecCredentialPlugin)
#include "tst_execcredentialplugin.moc"
