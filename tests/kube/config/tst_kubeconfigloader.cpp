#include "TestCerts.h"

#include "kube/config/ExecCommandResolver.h"
#include "kube/config/KubeconfigLoader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace fd::kube;
using fd::test::cachedPair;
using fd::test::TestKeyType;

namespace {

QString b64(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64());
}

QString indent(const QString &text, int spaces)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (!line.isEmpty())
            line.prepend(QString(spaces, QLatin1Char(' ')));
    }
    return lines.join(QLatin1Char('\n'));
}

// A one-cluster, one-user, one-context kubeconfig ("bad" by default).
QString kubeconfig(const QString &clusterBody, const QString &userBody, const QString &contextBody = {},
                   const QString &contextName = QStringLiteral("bad"))
{
    return QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n%1\nusers:\n- name: u\n  user:\n%2\n"
                          "contexts:\n- name: %4\n  context:\n%3\n")
        .arg(indent(clusterBody, 4), indent(userBody, 4),
             indent(contextBody.isEmpty() ? QStringLiteral("cluster: c\nuser: u") : contextBody, 4), contextName);
}

const QString kGoodFile = QStringLiteral(
    "apiVersion: v1\nkind: Config\ncurrent-context: good\n"
    "clusters:\n- name: good-cluster\n  cluster:\n    server: https://good.example.com:6443\n"
    "users:\n- name: good-user\n  user:\n    token: good-token-123456\n"
    "contexts:\n- name: good\n  context:\n    cluster: good-cluster\n    user: good-user\n    namespace: apps\n");

QString problemsText(const QList<ConfigProblem> &problems)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << (problem.isError() ? QStringLiteral("E ") : QStringLiteral("W ")) + problem.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestKubeconfigLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bin; // PATH for exec plugin lookups

    QString write(const QString &relative, const QByteArray &content)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }
    QString write(const QString &relative, const QString &content) { return write(relative, content.toUtf8()); }

    LoadOptions options(const QStringList &files)
    {
        LoadOptions o;
        o.kubeconfigEnv = files.join(QDir::listSeparator());
        o.homeDir = m_dir.filePath(QStringLiteral("home"));
        CommandSearchPaths paths;
        paths.pathVariable = m_bin;
        paths.homeDir = o.homeDir;
        paths.usualLocations = {m_dir.filePath(QStringLiteral("nowhere"))};
        o.commandResolver = std::make_shared<const ExecCommandResolver>(paths);
        return o;
    }

    KubeconfigSet loadOne(const QString &content, const QString &name = QStringLiteral("config"))
    {
        return KubeconfigLoader::load(options({write(name, content)}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bin = m_dir.filePath(QStringLiteral("bin"));
        QDir().mkpath(m_bin);
        const QString plugin = write(QStringLiteral("bin/fake-plugin"), QByteArrayLiteral("#!/bin/sh\nexit 0\n"));
        QFile::setPermissions(plugin, QFile::permissions(plugin) | QFileDevice::ExeOwner);
    }

    // ---- which files ------------------------------------------------------------------------

    void explicitFileMustExist()
    {
        LoadOptions o = options({});
        o.explicitFile = m_dir.filePath(QStringLiteral("does-not-exist"));
        const KubeconfigSet set = KubeconfigLoader::load(o);
        QVERIFY(!set.hasAnyFile());
        QCOMPARE(set.problems.size(), 1);
        QVERIFY(set.problems.first().isError());
        QCOMPARE(set.problems.first().file, o.explicitFile);
        QVERIFY(set.problems.first().message.contains(QLatin1String("does not exist")));
    }

    void explicitFileIgnoresKubeconfigEnv()
    {
        const QString a = write(QStringLiteral("sel/a"), kGoodFile);
        const QString b = write(QStringLiteral("sel/b"), kubeconfig(QStringLiteral("server: https://b:1"), QStringLiteral("token: t"), {}, QStringLiteral("from-b")));
        LoadOptions o = options({a});
        o.explicitFile = b;
        const KubeconfigSet set = KubeconfigLoader::load(o);
        QCOMPARE(set.files, QStringList{b});
        QVERIFY(set.context(QStringLiteral("from-b")));
        QVERIFY(!set.context(QStringLiteral("good")));
    }

    void kubeconfigEnvListDedupesAndSkipsMissing()
    {
        const QString a = write(QStringLiteral("env/a"), kGoodFile);
        const QString missing = m_dir.filePath(QStringLiteral("env/missing"));
        LoadOptions o = options({});
        o.kubeconfigEnv = QStringList{a, missing, a, QString(), a}.join(QDir::listSeparator());
        const KubeconfigSet set = KubeconfigLoader::load(o);
        QCOMPARE(set.files, QStringList{a});
        QCOMPARE(set.missingFiles, QStringList{missing});
        QCOMPARE(set.contexts.size(), 1);
        QVERIFY2(set.allUsable(), qPrintable(problemsText(set.problems)));
    }

    void allKubeconfigFilesMissing()
    {
        LoadOptions o = options({m_dir.filePath(QStringLiteral("nope1")), m_dir.filePath(QStringLiteral("nope2"))});
        const KubeconfigSet set = KubeconfigLoader::load(o);
        QVERIFY(!set.hasAnyFile());
        QCOMPARE(set.missingFiles.size(), 2);
        QVERIFY(set.problems.first().message.contains(QLatin1String("KUBECONFIG")));
    }

    void homeDefault()
    {
        LoadOptions o = options({});
        o.kubeconfigEnv = QString(); // empty KUBECONFIG counts as unset
        o.homeDir = m_dir.filePath(QStringLiteral("home-default"));
        QCOMPARE(KubeconfigLoader::candidateFiles(o), QStringList{o.homeDir + QStringLiteral("/.kube/config")});
        KubeconfigSet set = KubeconfigLoader::load(o);
        QVERIFY(!set.hasAnyFile());
        QVERIFY(set.problems.first().message.contains(QLatin1String(".kube/config")));
        write(QStringLiteral("home-default/.kube/config"), kGoodFile);
        set = KubeconfigLoader::load(o);
        QCOMPARE(set.contexts.size(), 1);
        QCOMPARE(set.currentContext, QStringLiteral("good"));
    }

    // ---- merging ----------------------------------------------------------------------------

    void firstFileWinsWholeEntry()
    {
        const auto &ca = cachedPair(TestKeyType::Ec, QStringLiteral("merge-ca"));
        const QString first = write(QStringLiteral("merge/first"),
                                    QStringLiteral("clusters:\n- name: shared\n  cluster:\n    server: https://first:6443\n"
                                                   "users:\n- name: u1\n  user:\n    token: first-token\n"
                                                   "contexts:\n- name: ctx\n  context: {cluster: shared, user: u1}\n"
                                                   "preferences: {}\n"));
        const QString second = write(QStringLiteral("merge/second"),
                                     QStringLiteral("current-context: ctx\npreferences: {colors: true}\n"
                                                    "clusters:\n- name: shared\n  cluster:\n    server: https://second:6443\n"
                                                    "    certificate-authority-data: %1\n    tls-server-name: second\n"
                                                    "users:\n- name: u1\n  user:\n    token: second-token\n"
                                                    "contexts:\n- name: ctx\n  context: {cluster: shared, user: u1, namespace: other}\n"
                                                    "- name: only-second\n  context: {cluster: shared, user: u1}\n")
                                         .arg(b64(ca.certPem)));
        const KubeconfigSet set = KubeconfigLoader::load(options({first, second}));
        QCOMPARE(set.files, (QStringList{first, second}));
        QCOMPARE(set.currentContext, QStringLiteral("ctx")); // first non-empty
        QCOMPARE(set.preferences.value(QStringLiteral("colors")).toBool(), true);
        QCOMPARE(set.contexts.size(), 2);
        const ContextEntry *ctx = set.context(QStringLiteral("ctx"));
        QVERIFY(ctx && ctx->isUsable());
        QVERIFY(ctx->isCurrent);
        QCOMPARE(ctx->sourceFile, first);
        QCOMPARE(ctx->namespaceName, QStringLiteral("default")); // no field merge from the second file
        QCOMPARE(ctx->cluster->server, QUrl(QStringLiteral("https://first:6443")));
        QVERIFY(ctx->cluster->caPem.isEmpty());
        QVERIFY(ctx->cluster->tlsServerName.isEmpty());
        QCOMPARE(ctx->user->token, QStringLiteral("first-token"));
        QCOMPARE(set.context(QStringLiteral("only-second"))->sourceFile, second);
        QCOMPARE(set.context(QStringLiteral("only-second"))->cluster->sourceFile, first);
    }

    void relativePathsResolveAgainstDefiningFile()
    {
        const auto &pair = cachedPair(TestKeyType::Rsa, QStringLiteral("relative"));
        write(QStringLiteral("rel/sub/certs/ca.crt"), pair.certPem);
        write(QStringLiteral("rel/sub/certs/client.crt"), pair.certPem);
        write(QStringLiteral("rel/sub/certs/client.key"), pair.traditionalKeyPem);
        write(QStringLiteral("rel/sub/token"), QByteArrayLiteral("  file-token-value\n"));
        const QString plugin = write(QStringLiteral("rel/sub/plugins/my-plugin"), QByteArrayLiteral("#!/bin/sh\n"));
        QFile::setPermissions(plugin, QFile::permissions(plugin) | QFileDevice::ExeOwner);
        const QString path = write(QStringLiteral("rel/sub/kubeconfig"),
                                   QStringLiteral("clusters:\n- name: c\n  cluster:\n    server: https://h\n    certificate-authority: certs/ca.crt\n"
                                                  "users:\n- name: cert\n  user:\n    client-certificate: certs/client.crt\n    client-key: ./certs/client.key\n"
                                                  "- name: tokenfile\n  user:\n    tokenFile: token\n"
                                                  "- name: exec-rel\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                                                  "      command: plugins/my-plugin\n"
                                                  "- name: exec-path\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                                                  "      command: fake-plugin\n"
                                                  "contexts:\n- {name: cert, context: {cluster: c, user: cert}}\n"
                                                  "- {name: tokenfile, context: {cluster: c, user: tokenfile}}\n"
                                                  "- {name: exec-rel, context: {cluster: c, user: exec-rel}}\n"
                                                  "- {name: exec-path, context: {cluster: c, user: exec-path}}\n"));
        // Load through a relative KUBECONFIG entry from another working directory.
        const QString oldCwd = QDir::currentPath();
        QDir::setCurrent(m_dir.path());
        const KubeconfigSet set = KubeconfigLoader::load(options({QStringLiteral("rel/sub/kubeconfig")}));
        QDir::setCurrent(oldCwd);
        QCOMPARE(set.files, QStringList{path});
        const QString dir = QFileInfo(path).absolutePath();
        const ContextEntry *cert = set.context(QStringLiteral("cert"));
        QVERIFY2(cert && cert->isUsable(), qPrintable(problemsText(cert ? cert->problems : set.problems)));
        QCOMPARE(cert->cluster->caFile, dir + QStringLiteral("/certs/ca.crt"));
        QCOMPARE(cert->cluster->caPem, pair.certPem);
        QCOMPARE(cert->user->clientKeyFile, dir + QStringLiteral("/certs/client.key"));
        QCOMPARE(cert->user->clientKeyAlgorithm, KeyAlgorithm::Rsa);
        QCOMPARE(cert->user->primaryAuthMethod(), AuthMethod::ClientCertificate);
        const ContextEntry *tokenFile = set.context(QStringLiteral("tokenfile"));
        QVERIFY(tokenFile->isUsable());
        QCOMPARE(tokenFile->user->tokenFile, dir + QStringLiteral("/token"));
        QCOMPARE(tokenFile->user->token, QStringLiteral("file-token-value"));
        QCOMPARE(tokenFile->user->primaryAuthMethod(), AuthMethod::TokenFile);
        const ContextEntry *execRel = set.context(QStringLiteral("exec-rel"));
        QVERIFY2(execRel->isUsable(), qPrintable(problemsText(execRel->problems)));
        QCOMPARE(execRel->user->exec->command, dir + QStringLiteral("/plugins/my-plugin"));
        const ContextEntry *execPath = set.context(QStringLiteral("exec-path"));
        QVERIFY2(execPath->isUsable(), qPrintable(problemsText(execPath->problems)));
        QCOMPARE(execPath->user->exec->command, QStringLiteral("fake-plugin")); // PATH lookup at run time
        QCOMPARE(execPath->user->exec->interactiveMode, ExecInteractiveMode::IfAvailable); // v1beta1 default
    }

    void namespaceResolution()
    {
        const QString path = write(QStringLiteral("ns/config"),
                                   QStringLiteral("clusters: [{name: c, cluster: {server: 'https://h'}}]\n"
                                                  "users: [{name: u, user: {token: t}}]\n"
                                                  "contexts:\n- {name: with-ns, context: {cluster: c, user: u, namespace: team-a}}\n"
                                                  "- {name: without-ns, context: {cluster: c, user: u}}\n"));
        KubeconfigSet set = KubeconfigLoader::load(options({path}));
        QCOMPARE(set.context(QStringLiteral("with-ns"))->namespaceName, QStringLiteral("team-a"));
        QCOMPARE(set.context(QStringLiteral("without-ns"))->namespaceName, QStringLiteral("default"));
        LoadOptions o = options({path});
        o.namespaceOverride = QStringLiteral("override");
        set = KubeconfigLoader::load(o);
        QCOMPARE(set.context(QStringLiteral("with-ns"))->namespaceName, QStringLiteral("override"));
        QCOMPARE(set.context(QStringLiteral("with-ns"))->contextNamespace, QStringLiteral("team-a"));
    }

    // ---- every field ------------------------------------------------------------------------

    void clusterFields()
    {
        const auto &ca = cachedPair(TestKeyType::Rsa, QStringLiteral("cluster-ca"));
        const KubeconfigSet set = loadOne(
            QStringLiteral("clusters:\n- name: rancher\n  cluster:\n"
                           "    server: https://rancher.example.com/k8s/clusters/c-x1/\n"
                           "    certificate-authority-data: %1\n"
                           "    tls-server-name: api.internal\n"
                           "    proxy-url: socks5://proxy.corp:1080\n"
                           "    disable-compression: true\n"
                           "    extensions:\n"
                           "    - name: client.authentication.k8s.io/exec\n"
                           "      extension: {audience: sts, nested: {list: [1, two]}}\n"
                           "    - name: other\n      extension: hello\n"
                           "- name: insecure\n  cluster:\n    server: https://10.0.0.1:6443\n    insecure-skip-tls-verify: yes\n"
                           "users: [{name: u, user: {token: t}}]\n"
                           "contexts:\n- {name: r, context: {cluster: rancher, user: u}}\n- {name: i, context: {cluster: insecure, user: u}}\n")
                .arg(b64(ca.certPem)),
            QStringLiteral("cluster-fields"));
        const ContextEntry *r = set.context(QStringLiteral("r"));
        QVERIFY2(r && r->isUsable(), qPrintable(problemsText(r ? r->problems : set.problems)));
        const ResolvedCluster &cluster = *r->cluster;
        QCOMPARE(cluster.server.toString(), QStringLiteral("https://rancher.example.com/k8s/clusters/c-x1/"));
        QCOMPARE(cluster.apiUrl(QStringLiteral("/api/v1/namespaces?limit=500")).toString(),
                 QStringLiteral("https://rancher.example.com/k8s/clusters/c-x1/api/v1/namespaces?limit=500"));
        QCOMPARE(cluster.caPem, ca.certPem);
        QVERIFY(cluster.caFile.isEmpty());
        QCOMPARE(cluster.tlsServerName, QStringLiteral("api.internal"));
        QCOMPARE(cluster.proxyUrl, QUrl(QStringLiteral("socks5://proxy.corp:1080")));
        QVERIFY(cluster.disableCompression);
        QVERIFY(!cluster.insecureSkipTlsVerify);
        QVERIFY(cluster.execClusterConfig);
        QCOMPARE(cluster.execClusterConfig->toObject().value(QStringLiteral("audience")).toString(), QStringLiteral("sts"));
        QCOMPARE(cluster.extensions.value(QStringLiteral("other")).toString(), QStringLiteral("hello"));
        const ContextEntry *i = set.context(QStringLiteral("i"));
        QVERIFY(i->isUsable());
        QVERIFY(i->cluster->insecureSkipTlsVerify);
        QCOMPARE(i->cluster->apiUrl(QStringLiteral("version")).toString(), QStringLiteral("https://10.0.0.1:6443/version"));
    }

    void userFields()
    {
        const auto &rsa = cachedPair(TestKeyType::Rsa, QStringLiteral("alice"));
        const auto &ec = cachedPair(TestKeyType::Ec, QStringLiteral("bob"));
        const QString jwt = QStringLiteral("eyJhbGciOiJub25lIn0.") + QString::fromLatin1(QByteArray("{\"exp\":1893456000}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) + QStringLiteral(".sig");
        const KubeconfigSet set = loadOne(
            QStringLiteral("clusters: [{name: c, cluster: {server: 'https://h:6443'}}]\n"
                           "users:\n"
                           "- name: rsa\n  user:\n    client-certificate-data: %1\n    client-key-data: %2\n"
                           "- name: ec\n  user:\n    client-certificate-data: %3\n    client-key-data: %4\n"
                           "- name: ec-pkcs8\n  user:\n    client-certificate-data: %3\n    client-key-data: %5\n"
                           "- name: token\n  user:\n    token: static-token-1234\n"
                           "- name: basic\n  user:\n    username: admin\n    password: hunter2\n"
                           "- name: exec\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                           "      command: fake-plugin\n      args: [get-token, --cluster, prod]\n"
                           "      env:\n      - {name: AWS_PROFILE, value: prod}\n      - name: EMPTY\n"
                           "      installHint: install it\n      provideClusterInfo: true\n      interactiveMode: Never\n"
                           "- name: oidc\n  user:\n    auth-provider:\n      name: oidc\n      config:\n"
                           "        id-token: %6\n        refresh-token: r3fr3sh\n        idp-issuer-url: https://issuer\n"
                           "        client-id: kube\n        client-secret: s3cret\n"
                           "- name: imp\n  user:\n    token: t0k3n-imp\n    as: jane\n    as-uid: '1234'\n    as-groups: [dev, ops]\n"
                           "    as-user-extra: {reason: [debugging], scopes: [a, b]}\n"
                           "contexts:\n"
                           "- {name: rsa, context: {cluster: c, user: rsa}}\n- {name: ec, context: {cluster: c, user: ec}}\n"
                           "- {name: ec-pkcs8, context: {cluster: c, user: ec-pkcs8}}\n"
                           "- {name: token, context: {cluster: c, user: token}}\n- {name: basic, context: {cluster: c, user: basic}}\n"
                           "- {name: exec, context: {cluster: c, user: exec}}\n- {name: oidc, context: {cluster: c, user: oidc}}\n"
                           "- {name: imp, context: {cluster: c, user: imp}}\n")
                .arg(b64(rsa.certPem), b64(rsa.traditionalKeyPem), b64(ec.certPem), b64(ec.traditionalKeyPem), b64(ec.keyPem), jwt),
            QStringLiteral("user-fields"));
        for (const ContextEntry &context : set.contexts)
            QVERIFY2(context.isUsable(), qPrintable(context.name + QLatin1Char('\n') + problemsText(context.problems)));
        QCOMPARE(set.context(QStringLiteral("rsa"))->user->clientKeyAlgorithm, KeyAlgorithm::Rsa);
        QCOMPARE(set.context(QStringLiteral("rsa"))->user->clientCertPem, rsa.certPem);
        QCOMPARE(set.context(QStringLiteral("ec"))->user->clientKeyAlgorithm, KeyAlgorithm::Ec);
        QCOMPARE(set.context(QStringLiteral("ec-pkcs8"))->user->clientKeyAlgorithm, KeyAlgorithm::Ec);
        QVERIFY(set.context(QStringLiteral("ec"))->user->clientCertNotAfter > QDateTime::currentDateTimeUtc());
        QCOMPARE(set.context(QStringLiteral("token"))->user->token, QStringLiteral("static-token-1234"));
        QCOMPARE(set.context(QStringLiteral("token"))->user->primaryAuthMethod(), AuthMethod::Token);
        const ResolvedUser &basic = *set.context(QStringLiteral("basic"))->user;
        QCOMPARE(basic.basicAuth->username, QStringLiteral("admin"));
        QCOMPARE(basic.basicAuth->password, QStringLiteral("hunter2"));
        QCOMPARE(basic.primaryAuthMethod(), AuthMethod::Basic);
        const ExecConfig &exec = *set.context(QStringLiteral("exec"))->user->exec;
        QCOMPARE(exec.command, QStringLiteral("fake-plugin"));
        QCOMPARE(exec.args, (QStringList{QStringLiteral("get-token"), QStringLiteral("--cluster"), QStringLiteral("prod")}));
        QCOMPARE(exec.env.size(), 2);
        QCOMPARE(exec.env.at(0).name, QStringLiteral("AWS_PROFILE"));
        QCOMPARE(exec.env.at(0).value, QStringLiteral("prod"));
        QCOMPARE(exec.env.at(1).value, QString());
        QCOMPARE(exec.apiVersion, QStringLiteral("client.authentication.k8s.io/v1"));
        QCOMPARE(exec.installHint, QStringLiteral("install it"));
        QVERIFY(exec.provideClusterInfo);
        QCOMPARE(exec.interactiveMode, ExecInteractiveMode::Never);
        QCOMPARE(set.context(QStringLiteral("exec"))->user->primaryAuthMethod(), AuthMethod::Exec);
        const ResolvedUser &oidc = *set.context(QStringLiteral("oidc"))->user;
        QCOMPARE(oidc.oidcIdToken, jwt);
        QCOMPARE(oidc.oidc->refreshToken, QStringLiteral("r3fr3sh"));
        QCOMPARE(oidc.oidc->issuerUrl, QStringLiteral("https://issuer"));
        QCOMPARE(oidc.oidc->clientId, QStringLiteral("kube"));
        QCOMPARE(oidc.oidc->idTokenExpiry, QDateTime::fromSecsSinceEpoch(1893456000, Qt::UTC));
        QCOMPARE(oidc.primaryAuthMethod(), AuthMethod::Oidc);
        QVERIFY(oidc.secretValues().contains(QStringLiteral("s3cret")));
        const Impersonation &imp = set.context(QStringLiteral("imp"))->user->impersonation;
        QCOMPARE(imp.user, QStringLiteral("jane"));
        QCOMPARE(imp.uid, QStringLiteral("1234"));
        QCOMPARE(imp.groups, (QStringList{QStringLiteral("dev"), QStringLiteral("ops")}));
        QCOMPARE(imp.extra.value(QStringLiteral("scopes")), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(imp.extra.value(QStringLiteral("reason")), QStringList{QStringLiteral("debugging")});
    }

    void execDisabledByStaticCredentials()
    {
        const KubeconfigSet set = loadOne(kubeconfig(QStringLiteral("server: https://h"),
                                                     QStringLiteral("token: abc-123\nexec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n"
                                                                    "  command: not-installed-anywhere\n"),
                                                     {}, QStringLiteral("ctx")),
                                          QStringLiteral("exec-disabled"));
        const ContextEntry *ctx = set.context(QStringLiteral("ctx"));
        QVERIFY2(ctx->isUsable(), qPrintable(problemsText(ctx->problems)));
        QVERIFY(!ctx->user->exec);
        QCOMPARE(ctx->user->primaryAuthMethod(), AuthMethod::Token);
        QCOMPARE(ctx->warnings().size(), 1);
        QVERIFY(ctx->warnings().first().message.contains(QLatin1String("not used")));
    }

    void serverWithoutScheme()
    {
        const auto &ca = cachedPair(TestKeyType::Ec, QStringLiteral("scheme-ca"));
        const QString path = write(QStringLiteral("scheme/config"),
                                   QStringLiteral("clusters:\n- {name: plain, cluster: {server: '10.1.1.1:8080'}}\n"
                                                  "- {name: tls, cluster: {server: '10.1.1.1:6443', certificate-authority-data: %1}}\n"
                                                  "users: [{name: u, user: {token: t}}]\n"
                                                  "contexts:\n- {name: plain, context: {cluster: plain, user: u}}\n"
                                                  "- {name: tls, context: {cluster: tls, user: u}}\n")
                                       .arg(b64(ca.certPem)));
        const KubeconfigSet set = KubeconfigLoader::load(options({path}));
        QCOMPARE(set.context(QStringLiteral("plain"))->cluster->server.toString(), QStringLiteral("http://10.1.1.1:8080"));
        QCOMPARE(set.context(QStringLiteral("tls"))->cluster->server.toString(), QStringLiteral("https://10.1.1.1:6443"));
    }

    // ---- broken entries ---------------------------------------------------------------------

    void brokenEntry_data()
    {
        QTest::addColumn<QString>("clusterBody");
        QTest::addColumn<QString>("userBody");
        QTest::addColumn<QString>("contextBody");
        QTest::addColumn<QString>("entry");   // expected in the problem's entry
        QTest::addColumn<QString>("message"); // expected in the problem's message

        const QString server = QStringLiteral("server: https://h:6443");
        const QString token = QStringLiteral("token: abc-123");
        const QString usersU = QStringLiteral("users[0] \"u\"");
        const QString clustersC = QStringLiteral("clusters[0] \"c\"");
        const QString ctxBad = QStringLiteral("contexts[0] \"bad\"");
        const QString execV1beta1 = QStringLiteral("exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n");

        QTest::addRow("missing CA file") << server + QStringLiteral("\ncertificate-authority: %DIR%/missing-ca.crt") << token << QString() << clustersC
                                         << QStringLiteral("certificate-authority: file %DIR%/missing-ca.crt does not exist");
        QTest::addRow("CA with tilde") << server + QStringLiteral("\ncertificate-authority: ~/ca.crt") << token << QString() << clustersC
                                       << QStringLiteral("does not expand ~");
        QTest::addRow("CA data bad base64") << server + QStringLiteral("\ncertificate-authority-data: not*base64!") << token << QString()
                                            << clustersC << QStringLiteral("certificate-authority-data: is not valid base64");
        QTest::addRow("CA data raw PEM") << server + QStringLiteral("\ncertificate-authority-data: '-----BEGIN CERTIFICATE----- MIIB'") << token
                                         << QString() << clustersC << QStringLiteral("must hold base64-encoded PEM");
        QTest::addRow("CA data not PEM") << server + QStringLiteral("\ncertificate-authority-data: aGVsbG8gd29ybGQ=") << token << QString()
                                         << clustersC << QStringLiteral("it is not PEM");
        QTest::addRow("CA PEM does not parse") << server + QStringLiteral("\ncertificate-authority-data: %GARBAGECERT%") << token << QString()
                                               << clustersC << QStringLiteral("does not parse as X.509");
        QTest::addRow("CA is a key") << server + QStringLiteral("\ncertificate-authority-data: %KEY%") << token << QString() << clustersC
                                     << QStringLiteral("private key, not a certificate");
        QTest::addRow("insecure with CA") << server + QStringLiteral("\ncertificate-authority-data: %CERT%\ninsecure-skip-tls-verify: true") << token
                                          << QString() << clustersC << QStringLiteral("client-go refuses this combination");
        QTest::addRow("no server") << QStringLiteral("tls-server-name: x") << token << QString() << clustersC
                                   << QStringLiteral("server: the cluster has no server URL");
        QTest::addRow("ftp server") << QStringLiteral("server: ftp://h") << token << QString() << clustersC << QStringLiteral("unsupported scheme \"ftp\"");
        // The password of an invalid server URL used to be quoted in the message.
        QTest::addRow("invalid server with credentials") << QStringLiteral("server: 'https://admin:abc-123@bad host:6443'") << token
                                                         << QString() << clustersC << QStringLiteral("(a URL with credentials)\" is not a valid URL");
        QTest::addRow("bad proxy scheme") << server + QStringLiteral("\nproxy-url: ftp://proxy:21") << token << QString() << clustersC
                                          << QStringLiteral("proxy-url: unsupported scheme");
        QTest::addRow("server is a list") << QStringLiteral("server: [a, b]") << token << QString() << clustersC
                                          << QStringLiteral("server: expected a string, got a list");
        QTest::addRow("insecure not bool") << server + QStringLiteral("\ninsecure-skip-tls-verify: maybe") << token << QString() << clustersC
                                           << QStringLiteral("insecure-skip-tls-verify: expected true or false, got a string");
        QTest::addRow("cluster body scalar") << QString() << token << QString() << clustersC << QStringLiteral("cluster: expected a mapping, got a string");

        QTest::addRow("missing client key file") << server << QStringLiteral("client-certificate-data: %CERT%\nclient-key: %DIR%/gone.key") << QString()
                                                 << usersU << QStringLiteral("client-key: file %DIR%/gone.key does not exist");
        QTest::addRow("cert without key") << server << QStringLiteral("client-certificate-data: %CERT%") << QString() << usersU
                                          << QStringLiteral("client-key-data or client-key must be specified");
        QTest::addRow("client cert garbage") << server << QStringLiteral("client-certificate-data: %GARBAGECERT%\nclient-key-data: %KEY%") << QString()
                                             << usersU << QStringLiteral("client-certificate-data: not a usable client certificate");
        QTest::addRow("key does not match") << server << QStringLiteral("client-certificate-data: %CERT%\nclient-key-data: %OTHERKEY%") << QString()
                                            << usersU << QStringLiteral("does not match the certificate");
        QTest::addRow("cert and key swapped") << server << QStringLiteral("client-certificate-data: %KEY%\nclient-key-data: %CERT%") << QString()
                                              << usersU << QStringLiteral("swapped");
        QTest::addRow("encrypted key") << server << QStringLiteral("client-certificate-data: %CERT%\nclient-key-data: %ENCKEY%") << QString()
                                       << usersU << QStringLiteral("encrypted with a passphrase");
        QTest::addRow("key data bad base64") << server << QStringLiteral("client-certificate-data: %CERT%\nclient-key-data: '%%%'") << QString()
                                             << usersU << QStringLiteral("client-key-data: is not valid base64");
        QTest::addRow("token and basic") << server << QStringLiteral("token: t1\nusername: a\npassword: b") << QString() << usersU
                                         << QStringLiteral("more than one authentication method");
        QTest::addRow("token file missing") << server << QStringLiteral("tokenFile: %DIR%/no-token") << QString() << usersU
                                            << QStringLiteral("tokenFile: file %DIR%/no-token does not exist");
        QTest::addRow("exec and auth-provider") << server << execV1beta1 + QStringLiteral("  command: fake-plugin\nauth-provider: {name: oidc, config: {id-token: x}}")
                                                << QString() << usersU << QStringLiteral("auth-provider cannot be combined with an exec plugin");
        QTest::addRow("exec no command") << server << execV1beta1 << QString() << usersU << QStringLiteral("exec: command must be specified");
        QTest::addRow("exec no apiVersion") << server << QStringLiteral("exec:\n  command: fake-plugin") << QString() << usersU
                                            << QStringLiteral("exec: apiVersion must be specified");
        QTest::addRow("exec v1alpha1") << server << QStringLiteral("exec:\n  apiVersion: client.authentication.k8s.io/v1alpha1\n  command: fake-plugin")
                                       << QString() << usersU << QStringLiteral("v1alpha1 is no longer supported");
        QTest::addRow("exec v1 needs interactiveMode") << server << QStringLiteral("exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: fake-plugin")
                                                       << QString() << usersU << QStringLiteral("interactiveMode must be specified");
        QTest::addRow("exec bad interactiveMode") << server << execV1beta1 + QStringLiteral("  command: fake-plugin\n  interactiveMode: Sometimes")
                                                  << QString() << usersU << QStringLiteral("invalid interactiveMode \"Sometimes\"");
        QTest::addRow("exec Always") << server << execV1beta1 + QStringLiteral("  command: fake-plugin\n  interactiveMode: Always") << QString()
                                     << usersU << QStringLiteral("needs a terminal");
        QTest::addRow("exec env without name") << server << execV1beta1 + QStringLiteral("  command: fake-plugin\n  env: [{value: x}]") << QString()
                                               << usersU << QStringLiteral("env variable name must be specified");
        QTest::addRow("exec not found") << server << execV1beta1 + QStringLiteral("  command: kubelogin-missing\n  installHint: brew install kubelogin")
                                        << QString() << usersU << QStringLiteral("Install hint: brew install kubelogin");
        QTest::addRow("exec not found lists paths") << server << execV1beta1 + QStringLiteral("  command: kubelogin-missing") << QString() << usersU
                                                    << QStringLiteral("%DIR%/bin/kubelogin-missing");
        QTest::addRow("exec relative missing") << server << execV1beta1 + QStringLiteral("  command: ./tools/absent-plugin") << QString() << usersU
                                               << QStringLiteral("%DIR%/broken/tools/absent-plugin");
        QTest::addRow("gcp provider") << server << QStringLiteral("auth-provider: {name: gcp}") << QString() << usersU
                                      << QStringLiteral("gke-gcloud-auth-plugin");
        QTest::addRow("azure provider") << server << QStringLiteral("auth-provider: {name: azure}") << QString() << usersU << QStringLiteral("kubelogin");
        QTest::addRow("unknown provider") << server << QStringLiteral("auth-provider: {name: keystone}") << QString() << usersU
                                          << QStringLiteral("unknown provider \"keystone\"");
        QTest::addRow("oidc without tokens") << server << QStringLiteral("auth-provider: {name: oidc, config: {client-id: x}}") << QString() << usersU
                                             << QStringLiteral("neither id-token nor refresh-token");
        QTest::addRow("groups without as") << server << QStringLiteral("token: t\nas-groups: [a]") << QString() << usersU
                                           << QStringLiteral("without as");
        QTest::addRow("as-groups scalar") << server << QStringLiteral("token: t\nas: x\nas-groups: admins") << QString() << usersU
                                          << QStringLiteral("as-groups: expected a list of strings, got a string");
        QTest::addRow("user body is a string") << server << QString() << QString() << usersU << QStringLiteral("user: expected a mapping, got a string");

        QTest::addRow("unknown cluster") << server << token << QStringLiteral("cluster: nope\nuser: u") << ctxBad
                                         << QStringLiteral("cluster \"nope\" was not found");
        QTest::addRow("unknown user") << server << token << QStringLiteral("cluster: c\nuser: nobody") << ctxBad
                                      << QStringLiteral("user \"nobody\" was not found");
        QTest::addRow("no cluster in context") << server << token << QStringLiteral("user: u") << ctxBad
                                               << QStringLiteral("cluster was not specified");
        QTest::addRow("no user in context") << server << token << QStringLiteral("cluster: c") << ctxBad << QStringLiteral("user was not specified");
        QTest::addRow("bad namespace") << server << token << QStringLiteral("cluster: c\nuser: u\nnamespace: Not_Valid") << ctxBad
                                       << QStringLiteral("namespace \"Not_Valid\" is not a valid namespace name");
    }
    void brokenEntry()
    {
        QFETCH(QString, clusterBody);
        QFETCH(QString, userBody);
        QFETCH(QString, contextBody);
        QFETCH(QString, entry);
        QFETCH(QString, message);
        const auto &pair = cachedPair(TestKeyType::Ec, QStringLiteral("broken"));
        const auto &other = cachedPair(TestKeyType::Ec, QStringLiteral("other"));
        const QString dir = QDir(m_dir.path()).canonicalPath();
        const auto fill = [&](QString text) {
            QByteArray garbageCert = "-----BEGIN CERTIFICATE-----\nTUlJQm5vdGFjZXJ0aWZpY2F0ZQ==\n-----END CERTIFICATE-----\n";
            QByteArray encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI\n-----END ENCRYPTED PRIVATE KEY-----\n";
            return text.replace(QLatin1String("%CERT%"), b64(pair.certPem))
                .replace(QLatin1String("%KEY%"), b64(pair.keyPem))
                .replace(QLatin1String("%OTHERKEY%"), b64(other.keyPem))
                .replace(QLatin1String("%GARBAGECERT%"), b64(garbageCert))
                .replace(QLatin1String("%ENCKEY%"), b64(encrypted))
                .replace(QLatin1String("%DIR%"), dir);
        };
        QString bodyCluster = fill(clusterBody);
        QString bodyUser = fill(userBody);
        QString yaml = kubeconfig(bodyCluster.isEmpty() ? QStringLiteral("PLACEHOLDER") : bodyCluster,
                                  bodyUser.isEmpty() ? QStringLiteral("PLACEHOLDER") : bodyUser, fill(contextBody));
        yaml.replace(QStringLiteral("  cluster:\n    PLACEHOLDER"), QStringLiteral("  cluster: just-a-string"));
        yaml.replace(QStringLiteral("  user:\n    PLACEHOLDER"), QStringLiteral("  user: just-a-string"));
        const QString bad = write(QStringLiteral("broken/%1.yaml").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))), yaml);
        const QString good = write(QStringLiteral("broken/good.yaml"), kGoodFile);
        const QString oldCwd = QDir::currentPath();
        QDir::setCurrent(dir);
        const KubeconfigSet set = KubeconfigLoader::load(options({bad, good}));
        QDir::setCurrent(oldCwd);

        const ContextEntry *badContext = set.context(QStringLiteral("bad"));
        QVERIFY(badContext);
        QVERIFY2(!badContext->isUsable(), qPrintable(problemsText(badContext->problems)));
        const QString expected = fill(message);
        bool found = false;
        for (const ConfigProblem &problem : badContext->problems) {
            if (problem.isError() && problem.message.contains(expected)) {
                found = true;
                QCOMPARE(problem.entry, entry);
                QCOMPARE(QFileInfo(problem.file).canonicalFilePath(), QFileInfo(bad).canonicalFilePath());
                QVERIFY2(problem.line > 0, qPrintable(problem.toString()));
            }
        }
        QVERIFY2(found, qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(expected, problemsText(badContext->problems))));
        QVERIFY(badContext->firstError());
        QVERIFY(badContext->firstError()->toString().contains(QFileInfo(bad).fileName()));
        // The other contexts are not affected.
        const ContextEntry *goodContext = set.context(QStringLiteral("good"));
        QVERIFY(goodContext);
        QVERIFY2(goodContext->isUsable(), qPrintable(problemsText(goodContext->problems)));
        QCOMPARE(goodContext->namespaceName, QStringLiteral("apps"));
        // No credential value ever appears in a problem.
        for (const ConfigProblem &problem : badContext->problems) {
            QVERIFY(!problem.toString().contains(QLatin1String("abc-123")));
            QVERIFY(!problem.toString().contains(QLatin1String("good-token")));
        }
    }

    void entryLabelsAndLines()
    {
        const QString path = write(QStringLiteral("labels/config"),
                                   QStringLiteral("clusters:\n- name: c\n  cluster:\n    server: https://h\n"
                                                  "users:\n"
                                                  "- name: zero\n  user: {token: a}\n"
                                                  "- name: one\n  user: {token: b}\n"
                                                  "- name: alice\n  user:\n    client-key: /nonexistent/alice.key\n    client-certificate-data: %1\n"
                                                  "contexts:\n- {name: a, context: {cluster: c, user: alice}}\n")
                                       .arg(b64(cachedPair(TestKeyType::Ec, QStringLiteral("alice-label")).certPem)));
        const KubeconfigSet set = KubeconfigLoader::load(options({path}));
        const auto error = set.context(QStringLiteral("a"))->firstError();
        QVERIFY(error);
        QCOMPARE(error->entry, QStringLiteral("users[2] \"alice\""));
        QCOMPARE(error->line, 12);
        QCOMPARE(error->column, 17);
        QCOMPARE(error->toString(), path + QStringLiteral(":12:17: users[2] \"alice\": client-key: file /nonexistent/alice.key does not exist"));
    }

    // ---- files that are not what they should be --------------------------------------------

    void yamlSyntaxErrorKeepsEarlierEntries()
    {
        const QString broken = write(QStringLiteral("syntax/broken"),
                                     QStringLiteral("clusters:\n- name: c\n  cluster:\n    server: https://h\n"
                                                    "users:\n- name: u\n  user:\n    token: t\n"
                                                    "contexts:\n"
                                                    "- name: first\n  context:\n    cluster: c\n    user: u\n"
                                                    "- name: second\n  context:\n    cluster: c\n    user: u\n"
                                                    "- name: third\n  context:\n    cluster: c\n    user: [u\n"
                                                    "- name: fourth\n  context:\n    cluster: c\n    user: u\n"));
        const QString good = write(QStringLiteral("syntax/good"), kGoodFile);
        const KubeconfigSet set = KubeconfigLoader::load(options({broken, good}));
        QVERIFY2(set.context(QStringLiteral("first")) && set.context(QStringLiteral("first"))->isUsable(), qPrintable(problemsText(set.problems)));
        QVERIFY(set.context(QStringLiteral("second"))->isUsable());
        QVERIFY(!set.context(QStringLiteral("fourth")));
        if (const ContextEntry *third = set.context(QStringLiteral("third")))
            QVERIFY(!third->isUsable());
        QVERIFY(set.context(QStringLiteral("good"))->isUsable());
        const auto it = std::find_if(set.problems.begin(), set.problems.end(),
                                     [](const ConfigProblem &p) { return p.message.startsWith(QLatin1String("YAML syntax error")); });
        QVERIFY2(it != set.problems.end(), qPrintable(problemsText(set.problems)));
        QCOMPARE(it->file, broken);
        QVERIFY(it->line >= 20);
        QVERIFY(it->column > 0);
        QVERIFY(!set.allUsable());
    }

    void missingReferenceMentionsDamagedFile()
    {
        const QString damaged = write(QStringLiteral("damaged/users"), QByteArrayLiteral("users: [{name: u, user: {token: t}\n"));
        const QString contexts = write(QStringLiteral("damaged/contexts"),
                                       QByteArrayLiteral("clusters: [{name: c, cluster: {server: 'https://h'}}]\n"
                                                         "contexts: [{name: x, context: {cluster: c, user: u}}]\n"));
        const KubeconfigSet set = KubeconfigLoader::load(options({damaged, contexts}));
        const auto error = set.context(QStringLiteral("x"))->firstError();
        QVERIFY(error);
        QVERIFY2(error->message.contains(QLatin1String("could not be read completely")), qPrintable(error->toString()));
        QVERIFY(error->message.contains(damaged));
    }

    void notAKubeconfig_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("isError");
        QTest::addRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0garbage", 16) << QStringLiteral("binary data") << true;
        QTest::addRow("latin1") << QByteArray("clusters: []\nname: caf\xe9\n") << QStringLiteral("not UTF-8") << true;
        QTest::addRow("plain text") << QByteArray("Hello, this is my shopping list.\n") << QStringLiteral("the top level is a string") << true;
        QTest::addRow("a list") << QByteArray("- a\n- b\n") << QStringLiteral("the top level is a list") << true;
        QTest::addRow("a manifest") << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n")
                                    << QStringLiteral("its kind is Deployment") << true;
        QTest::addRow("wrong types") << QByteArray("clusters: 5\nusers: {a: b}\ncontexts: hello\n") << QStringLiteral("clusters: expected a list")
                                     << true;
        QTest::addRow("empty") << QByteArray() << QStringLiteral("is empty") << false;
        QTest::addRow("only comments") << QByteArray("# generated\n\n") << QStringLiteral("is empty") << false;
        QTest::addRow("two documents") << QByteArray("contexts: []\n---\ncontexts: []\n") << QStringLiteral("more than one YAML document") << false;
        QTest::addRow("unknown top-level key") << QByteArray("context:\n- name: typo\n") << QStringLiteral("unknown field \"context\"") << false;
        QTest::addRow("entry not a mapping") << QByteArray("contexts:\n- just-a-name\n") << QStringLiteral("expected a mapping with \"name\"") << true;
        QTest::addRow("entry without name") << QByteArray("contexts:\n- context: {cluster: c, user: u}\n") << QStringLiteral("has no name") << true;
        QTest::addRow("duplicate names") << QByteArray("clusters:\n- {name: c, cluster: {server: 'https://a'}}\n- {name: c, cluster: {server: 'https://b'}}\n")
                                         << QStringLiteral("duplicate name: clusters[0] already defines \"c\"") << false;
    }
    void notAKubeconfig()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QFETCH(bool, isError);
        const QString path = write(QStringLiteral("notkc/%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))), content);
        const QString good = write(QStringLiteral("notkc/good"), kGoodFile);
        const KubeconfigSet set = KubeconfigLoader::load(options({path, good}));
        const auto it = std::find_if(set.problems.begin(), set.problems.end(),
                                     [&](const ConfigProblem &p) { return p.message.contains(message); });
        QVERIFY2(it != set.problems.end(), qPrintable(problemsText(set.problems)));
        QCOMPARE(it->isError(), isError);
        QCOMPARE(it->file, path);
        QVERIFY(set.context(QStringLiteral("good")) && set.context(QStringLiteral("good"))->isUsable());
    }

    void duplicateNameFirstWins()
    {
        const KubeconfigSet set = loadOne(QStringLiteral("clusters:\n- {name: c, cluster: {server: 'https://first'}}\n"
                                                         "- {name: c, cluster: {server: 'https://second'}}\n"
                                                         "users: [{name: u, user: {token: t}}]\n"
                                                         "contexts:\n- {name: x, context: {cluster: c, user: u}}\n"
                                                         "- {name: x, context: {cluster: c, user: nobody}}\n"),
                                          QStringLiteral("dups"));
        QCOMPARE(set.contexts.size(), 1);
        QVERIFY(set.contexts.first().isUsable());
        QCOMPARE(set.contexts.first().cluster->server.host(), QStringLiteral("first"));
        QCOMPARE(std::count_if(set.problems.begin(), set.problems.end(),
                               [](const ConfigProblem &p) { return p.message.startsWith(QLatin1String("duplicate name")); }),
                 2);
    }

    void alternativeEncodingsAndFormats()
    {
        // JSON kubeconfig.
        const QString json = write(QStringLiteral("fmt/json"),
                                   QByteArrayLiteral("{\"clusters\":[{\"name\":\"c\",\"cluster\":{\"server\":\"https://h\"}}],"
                                                     "\"users\":[{\"name\":\"u\",\"user\":{\"token\":\"t\"}}],"
                                                     "\"contexts\":[{\"name\":\"j\",\"context\":{\"cluster\":\"c\",\"user\":\"u\"}}],"
                                                     "\"current-context\":\"j\"}"));
        KubeconfigSet set = KubeconfigLoader::load(options({json}));
        QVERIFY(set.context(QStringLiteral("j")) && set.context(QStringLiteral("j"))->isUsable());
        // UTF-16 with BOM (PowerShell redirection).
        auto encoder = QStringEncoder(QStringEncoder::Utf16LE);
        const QByteArray encoded = encoder.encode(kGoodFile);
        const QByteArray utf16 = QByteArray("\xFF\xFE", 2) + encoded;
        set = KubeconfigLoader::load(options({write(QStringLiteral("fmt/utf16"), utf16)}));
        QVERIFY2(set.context(QStringLiteral("good")) && set.context(QStringLiteral("good"))->isUsable(), qPrintable(problemsText(set.problems)));
        // UTF-8 with BOM.
        set = KubeconfigLoader::load(options({write(QStringLiteral("fmt/bom"), QByteArray("\xEF\xBB\xBF") + kGoodFile.toUtf8())}));
        QVERIFY(set.context(QStringLiteral("good")));
        // Anchors and merge keys.
        set = loadOne(QStringLiteral("clusters:\n- name: c\n  cluster: &base {server: 'https://h', insecure-skip-tls-verify: true}\n"
                                     "- name: d\n  cluster:\n    <<: *base\n    tls-server-name: d\n"
                                     "users: [{name: u, user: {token: t}}]\n"
                                     "contexts: [{name: d, context: {cluster: d, user: u}}]\n"),
                      QStringLiteral("fmt/anchors"));
        QVERIFY2(set.context(QStringLiteral("d"))->isUsable(), qPrintable(problemsText(set.context(QStringLiteral("d"))->problems)));
        QVERIFY(set.context(QStringLiteral("d"))->cluster->insecureSkipTlsVerify);
        QCOMPARE(set.context(QStringLiteral("d"))->cluster->tlsServerName, QStringLiteral("d"));
    }

    void directoryInsteadOfFile()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("a-directory")));
        const KubeconfigSet set = KubeconfigLoader::load(options({m_dir.filePath(QStringLiteral("a-directory"))}));
        QVERIFY(!set.hasAnyFile());
        QVERIFY(set.problems.first().message.contains(QLatin1String("directory")));
    }

    void currentContext()
    {
        const QString path = write(QStringLiteral("current/config"),
                                   QStringLiteral("current-context: missing\n"
                                                  "clusters: [{name: c, cluster: {server: 'https://h'}}]\n"
                                                  "users: [{name: u, user: {token: t}}]\n"
                                                  "contexts: [{name: a, context: {cluster: c, user: u}}, {name: b, context: {cluster: c, user: u}}]\n"));
        KubeconfigSet set = KubeconfigLoader::load(options({path}));
        QCOMPARE(set.currentContext, QStringLiteral("missing"));
        QVERIFY(!set.current());
        QVERIFY(!set.allUsable());
        QVERIFY(set.problems.first().message.contains(QLatin1String("current-context \"missing\" does not exist")));
        QCOMPARE(set.problems.first().line, 1);
        LoadOptions o = options({path});
        o.contextOverride = QStringLiteral("b");
        set = KubeconfigLoader::load(o);
        QCOMPARE(set.current()->name, QStringLiteral("b"));
        QVERIFY(set.context(QStringLiteral("b"))->isCurrent);
        QVERIFY(!set.context(QStringLiteral("a"))->isCurrent);
        QVERIFY(set.allUsable());
    }

    void unusedBrokenEntriesAreWarnings()
    {
        const KubeconfigSet set = loadOne(QStringLiteral("clusters:\n- {name: c, cluster: {server: 'https://h'}}\n- {name: unused, cluster: {tls-server-name: x}}\n"
                                                         "users:\n- {name: u, user: {token: t}}\n- {name: broken, user: {client-key: /nope}}\n"
                                                         "contexts: [{name: a, context: {cluster: c, user: u}}]\n"),
                                          QStringLiteral("unused"));
        QVERIFY2(set.allUsable(), qPrintable(problemsText(set.problems)));
        QCOMPARE(std::count_if(set.problems.begin(), set.problems.end(),
                               [](const ConfigProblem &p) { return p.message.contains(QLatin1String("no context uses this entry")); }),
                 2);
    }

    void warnings()
    {
        const auto expired = fd::test::makeSelfSigned(TestKeyType::Ec, QStringLiteral("old"), -30, -1);
        const KubeconfigSet set = loadOne(
            QStringLiteral("clusters:\n- name: c\n  cluster:\n    server: https://h\n    insecure-skip-tls-verify: \"true\"\n    sever: typo\n"
                           "users:\n- name: u\n  user:\n    client-certificate-data: %1\n    client-key-data: %2\n"
                           "contexts: [{name: a, context: {cluster: c, user: u}}]\n")
                .arg(b64(expired.certPem), b64(expired.keyPem)),
            QStringLiteral("warnings"));
        const ContextEntry *a = set.context(QStringLiteral("a"));
        QVERIFY2(a->isUsable(), qPrintable(problemsText(a->problems)));
        const QString all = problemsText(a->warnings());
        QVERIFY2(all.contains(QLatin1String("the client certificate expired on")), qPrintable(all));
        QVERIFY(all.contains(QLatin1String("the boolean is quoted")));
        QVERIFY(all.contains(QLatin1String("unknown field \"sever\"")));
        QVERIFY(a->cluster->insecureSkipTlsVerify);
    }

    // ---- scale, names, read-only ------------------------------------------------------------

    void fiveHundredContexts()
    {
        QString text = QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: ctx-250\nclusters:\n");
        const int count = 500;
        for (int i = 0; i < count; ++i)
            text += QStringLiteral("- name: cluster-%1\n  cluster:\n    server: https://api-%1.example.com:6443\n    insecure-skip-tls-verify: true\n").arg(i);
        text += QStringLiteral("users:\n");
        for (int i = 0; i < count; ++i)
            text += QStringLiteral("- name: user-%1\n  user:\n    token: token-%1-abcdef\n    as-groups: [g]\n    as: u%1\n").arg(i);
        text += QStringLiteral("contexts:\n");
        for (int i = 0; i < count; ++i)
            text += QStringLiteral("- name: ctx-%1\n  context:\n    cluster: cluster-%1\n    user: user-%1\n    namespace: ns-%1\n").arg(i);
        const QString path = write(QStringLiteral("many/config"), text);
        QElapsedTimer timer;
        timer.start();
        const KubeconfigSet set = KubeconfigLoader::load(options({path}));
        qInfo("loaded %lld contexts in %lld ms", static_cast<long long>(set.contexts.size()), static_cast<long long>(timer.elapsed()));
        QCOMPARE(set.contexts.size(), count);
        QVERIFY2(set.allUsable(), qPrintable(problemsText(set.problems)));
        QCOMPARE(set.contexts.at(499).name, QStringLiteral("ctx-499"));
        QCOMPARE(set.contexts.at(499).cluster->server.host(), QStringLiteral("api-499.example.com"));
        QCOMPARE(set.contexts.at(499).namespaceName, QStringLiteral("ns-499"));
        QCOMPARE(set.current()->name, QStringLiteral("ctx-250"));
    }

    void unicodeNames()
    {
        const KubeconfigSet set = loadOne(QStringLiteral("current-context: \"prod 🚀 東京\"\n"
                                                         "clusters: [{name: \"кластер\", cluster: {server: 'https://h'}}]\n"
                                                         "users: [{name: \"usuário\", user: {token: t}}]\n"
                                                         "contexts: [{name: \"prod 🚀 東京\", context: {cluster: \"кластер\", user: \"usuário\"}}]\n"),
                                          QStringLiteral("unicode"));
        const ContextEntry *ctx = set.current();
        QVERIFY(ctx);
        QVERIFY(ctx->isUsable());
        QCOMPARE(ctx->clusterName, QStringLiteral("кластер"));
        QCOMPARE(ctx->userName, QStringLiteral("usuário"));
        const KubeconfigSet broken = loadOne(QStringLiteral("contexts: [{name: \"ü\", context: {cluster: \"ß\", user: \"ø\"}}]\n"), QStringLiteral("unicode2"));
        QCOMPARE(broken.contexts.first().firstError()->entry, QStringLiteral("contexts[0] \"ü\""));
        QVERIFY(broken.contexts.first().firstError()->message.contains(QStringLiteral("cluster \"ß\" was not found")));
    }

    void neverWritesAnything()
    {
        const QString dir = m_dir.filePath(QStringLiteral("readonly"));
        const QString path = write(QStringLiteral("readonly/config"), kGoodFile + QStringLiteral("# trailing comment\n"));
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        const QDateTime modified = QFileInfo(path).lastModified();
        QFile::setPermissions(path, QFileDevice::ReadOwner);
        LoadOptions o = options({path});
        o.contextOverride = QStringLiteral("good");
        const KubeconfigSet set = KubeconfigLoader::load(o);
        QVERIFY(set.context(QStringLiteral("good"))->isUsable());
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{QStringLiteral("config")});
    }

    void loadAsync()
    {
        auto future = KubeconfigLoader::loadAsync(options({write(QStringLiteral("async/config"), kGoodFile)}));
        future.waitForFinished();
        QCOMPARE(future.result().contexts.size(), 1);
    }

    void dns1123()
    {
        QVERIFY(KubeconfigLoader::isDns1123Label(QStringLiteral("a")));
        QVERIFY(KubeconfigLoader::isDns1123Label(QStringLiteral("fission-tenant-1")));
        QVERIFY(!KubeconfigLoader::isDns1123Label(QStringLiteral("-a")));
        QVERIFY(!KubeconfigLoader::isDns1123Label(QStringLiteral("a.b")));
        QVERIFY(!KubeconfigLoader::isDns1123Label(QStringLiteral("A")));
        QVERIFY(!KubeconfigLoader::isDns1123Label(QString(64, QLatin1Char('a'))));
    }
};

QTEST_GUILESS_MAIN(TestKubeconfigLoader)
#include "tst_kubeconfigloader.moc"
