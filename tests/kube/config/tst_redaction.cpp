#include "kube/config/Redaction.h"

#include <QTest>

using namespace fd::kube;

namespace {
const QString kJwt = QStringLiteral("eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJlLXBhcnQ");
const QString kSecret = QStringLiteral("s3cr3t-VALUE-9f8e7d");
} // namespace

class TestRedaction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every row: the input, and a secret that must not survive (empty: nothing to remove),
    // and a fragment that must survive.
    void scrubs_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("kept");

        QTest::addRow("http header") << QStringLiteral("Authorization: Bearer %1").arg(kSecret) << kSecret
                                     << QStringLiteral("Authorization: Bearer [REDACTED]");
        QTest::addRow("header lower case") << QStringLiteral("authorization: bearer %1\n").arg(kSecret) << kSecret
                                           << QStringLiteral("authorization: bearer");
        QTest::addRow("basic header") << QStringLiteral("Authorization: Basic YWxpY2U6cGFzc3dvcmQ=") << QStringLiteral("YWxpY2U6cGFzc3dvcmQ=")
                                      << QStringLiteral("Basic");
        QTest::addRow("go header map") << QStringLiteral("headers: map[Authorization:[Bearer %1] Accept:[application/json]]").arg(kSecret)
                                       << kSecret << QStringLiteral("Accept:[application/json]");
        QTest::addRow("proxy authorization") << QStringLiteral("Proxy-Authorization: Basic dXNlcjpwYXNz") << QStringLiteral("dXNlcjpwYXNz")
                                             << QStringLiteral("Proxy-Authorization");
        QTest::addRow("bearer in prose") << QStringLiteral("sending Bearer %1 to the server").arg(kSecret) << kSecret
                                         << QStringLiteral("to the server");
        QTest::addRow("yaml token") << QStringLiteral("users:\n- name: a\n  user:\n    token: %1\n").arg(kSecret) << kSecret
                                    << QStringLiteral("    token: [REDACTED]");
        QTest::addRow("yaml quoted token") << QStringLiteral("    token: \"%1\"\n").arg(kSecret) << kSecret
                                           << QStringLiteral("token: \"[REDACTED]\"");
        QTest::addRow("yaml password with spaces") << QStringLiteral("  password: correct horse battery staple\n")
                                                   << QStringLiteral("horse battery") << QStringLiteral("password:");
        QTest::addRow("json token") << QStringLiteral("{\"status\":{\"token\":\"%1\",\"expirationTimestamp\":\"2030-01-01T00:00:00Z\"}}").arg(kSecret)
                                    << kSecret << QStringLiteral("\"expirationTimestamp\":\"2030-01-01T00:00:00Z\"");
        QTest::addRow("json spaced") << QStringLiteral("{ \"token\" : \"%1\" }").arg(kSecret) << kSecret << QStringLiteral("\"token\"");
        QTest::addRow("escaped json") << QStringLiteral("output: {\\\"token\\\":\\\"%1\\\"}").arg(kSecret) << kSecret
                                      << QStringLiteral("\\\"token\\\"");
        QTest::addRow("client key data") << QStringLiteral("    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=\n")
                                         << QStringLiteral("LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=") << QStringLiteral("client-key-data:");
        QTest::addRow("client cert data") << QStringLiteral("client-certificate-data: QUJDREVGR0hJSktMTU5PUA==")
                                          << QStringLiteral("QUJDREVGR0hJSktMTU5PUA==") << QStringLiteral("client-certificate-data");
        QTest::addRow("exec credential camel") << QStringLiteral("{\"clientKeyData\":\"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE\\n-----END EC PRIVATE KEY-----\"}")
                                               << QStringLiteral("MHcCAQEE") << QStringLiteral("clientKeyData");
        QTest::addRow("pem private key") << QStringLiteral("key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\ndone")
                                         << QStringLiteral("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC") << QStringLiteral("done");
        QTest::addRow("pem cut off") << QStringLiteral("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA") << QStringLiteral("MIIEowIBAAKCAQEA")
                                     << QStringLiteral("-----BEGIN RSA PRIVATE KEY-----");
        QTest::addRow("base64 pem key") << QStringLiteral("blob LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2 end")
                                        << QStringLiteral("LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2") << QStringLiteral("end");
        QTest::addRow("proxy url password") << QStringLiteral("proxy-url: http://alice:%1@proxy.corp:3128").arg(kSecret) << kSecret
                                            << QStringLiteral("http://alice:[REDACTED]@proxy.corp:3128");
        QTest::addRow("socks url password") << QStringLiteral("socks5://bob:%1@10.0.0.1:1080").arg(kSecret) << kSecret
                                            << QStringLiteral("socks5://bob:");
        QTest::addRow("exec env yaml") << QStringLiteral("      env:\n      - name: VAULT_TOKEN_FOR_X\n        value: %1\n").arg(kSecret) << kSecret
                                       << QStringLiteral("name: VAULT_TOKEN_FOR_X");
        QTest::addRow("exec env harmless name") << QStringLiteral("env:\n- name: PROFILE\n  value: %1\n").arg(kSecret) << kSecret
                                                << QStringLiteral("name: PROFILE");
        QTest::addRow("exec env json") << QStringLiteral("\"env\":[{\"name\":\"AWS_PROFILE\",\"value\":\"%1\"}]").arg(kSecret) << kSecret
                                       << QStringLiteral("\"name\":\"AWS_PROFILE\"");
        QTest::addRow("exec env flow") << QStringLiteral("env: [{name: X, value: %1}]").arg(kSecret) << kSecret << QStringLiteral("name: X");
        QTest::addRow("shell assignment") << QStringLiteral("AWS_SECRET_ACCESS_KEY=%1 aws eks get-token").arg(kSecret) << kSecret
                                          << QStringLiteral("aws eks get-token");
        QTest::addRow("session token env") << QStringLiteral("export AWS_SESSION_TOKEN='%1'").arg(kSecret) << kSecret
                                           << QStringLiteral("export AWS_SESSION_TOKEN=");
        QTest::addRow("id-token") << QStringLiteral("        id-token: %1\n").arg(kJwt) << kJwt << QStringLiteral("id-token:");
        QTest::addRow("refresh-token") << QStringLiteral("        refresh-token: %1\n").arg(kSecret) << kSecret << QStringLiteral("refresh-token:");
        QTest::addRow("client-secret") << QStringLiteral("client-secret: %1").arg(kSecret) << kSecret << QStringLiteral("client-secret:");
        QTest::addRow("bare jwt") << QStringLiteral("the token was %1, rejected").arg(kJwt) << kJwt << QStringLiteral(", rejected");
        QTest::addRow("aws eks token") << QStringLiteral("got k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9u ok")
                                       << QStringLiteral("aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9u") << QStringLiteral("k8s-aws-v1.[REDACTED] ok");
        QTest::addRow("google access token") << QStringLiteral("ya29.a0AfH6SMBx3kLmNopQrStUvWxYz012345") << QStringLiteral("a0AfH6SMBx3kLmNopQrStUvWxYz012345")
                                             << QStringLiteral("ya29.");
        QTest::addRow("bootstrap token") << QStringLiteral("join with abcdef.0123456789abcdef now") << QStringLiteral("abcdef.0123456789abcdef")
                                         << QStringLiteral("now");
        QTest::addRow("flag equals") << QStringLiteral("kubectl --token=%1 get pods").arg(kSecret) << kSecret << QStringLiteral("get pods");
        QTest::addRow("flag space") << QStringLiteral("kubectl --token %1 get pods").arg(kSecret) << kSecret << QStringLiteral("kubectl --token");
        QTest::addRow("flag password") << QStringLiteral("login --password=%1 --user alice").arg(kSecret) << kSecret << QStringLiteral("--user alice");
        QTest::addRow("query access_token") << QStringLiteral("GET https://h/x?access_token=%1&watch=true").arg(kSecret) << kSecret
                                            << QStringLiteral("&watch=true");
        QTest::addRow("presigned url") << QStringLiteral("https://sts.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Signature=%1").arg(kSecret)
                                       << kSecret << QStringLiteral("Action=GetCallerIdentity");
        QTest::addRow("key=value") << QStringLiteral("config: password=%1; user=bob").arg(kSecret) << kSecret << QStringLiteral("user=bob");
    }
    void scrubs()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        QFETCH(QString, kept);
        const QString output = redactSecrets(input);
        if (!secret.isEmpty())
            QVERIFY2(!output.contains(secret), qPrintable(output));
        QVERIFY2(output.contains(kept), qPrintable(output));
        // Idempotent.
        QCOMPARE(redactSecrets(output), output);
    }

    void leavesNonSecretsIntact_data()
    {
        QTest::addColumn<QString>("input");
        const QStringList texts = {
            QStringLiteral("tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token"),
            QStringLiteral("    client-key: /home/alice/.kube/alice.key"),
            QStringLiteral("    client-certificate: certs/alice.crt"),
            QStringLiteral("    certificate-authority: /etc/ca.pem"),
            QStringLiteral("server: https://10.0.0.1:6443/k8s/clusters/c-abc12"),
            QStringLiteral("https://alice@example.com/path"),
            QStringLiteral("the bearer token expired; log in again"),
            QStringLiteral("Basic auth was removed from the apiserver"),
            QStringLiteral("password authentication failed for user alice"),
            QStringLiteral("error: You must be logged in to the server (Unauthorized)"),
            QStringLiteral("users[2] \"alice\": client-key: file /x/alice.key does not exist"),
            QStringLiteral("exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/v1beta1"),
            QStringLiteral("expirationTimestamp: 2030-01-01T10:00:00Z"),
            QStringLiteral("- name: AWS_PROFILE"),
            QStringLiteral("command: aws\nargs: [eks, get-token, --cluster-name, prod]"),
            QStringLiteral("certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM="),
            QStringLiteral("namespace: fission-tenant-a"),
            QStringLiteral("as: system:serviceaccount:ci:deployer"),
            QStringLiteral("Kubernetes v1.32.4 at 192.168.49.2:8443"),
            QStringLiteral("Open https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate."),
            QStringLiteral("GET https://h/api/v1/pods?limit=500&resourceVersion=0"),
            QStringLiteral("kubectl get pods --namespace=dev --context prod"),
            QStringLiteral("Zugangsdaten für „Cluster“ fehlen 🚫"),
        };
        for (const QString &text : texts)
            QTest::addRow("%s", qPrintable(text.left(40))) << text;
    }
    void leavesNonSecretsIntact()
    {
        QFETCH(QString, input);
        QCOMPARE(redactSecrets(input), input);
    }

    void knownSecrets()
    {
        const QString text = QStringLiteral("plugin said: abc%1xyz and again %1; short: ab").arg(kSecret);
        const QString out = redactKnownSecrets(text, {kSecret, QStringLiteral("ab"), QString()});
        QVERIFY(!out.contains(kSecret));
        QVERIFY(out.contains(QStringLiteral("short: ab"))); // too short to be replaced safely
        QCOMPARE(out.count(kRedacted), 2);
        // Longest first: a secret containing another is removed whole.
        const QString nested = redactKnownSecrets(QStringLiteral("x=prefix-SECRETVALUE"), {QStringLiteral("SECRETVALUE"), QStringLiteral("prefix-SECRETVALUE")});
        QCOMPARE(nested, QStringLiteral("x=[REDACTED]"));
        QCOMPARE(redactAll(QStringLiteral("v=%1 token: other-secret-1234").arg(kSecret), {kSecret}),
                 QStringLiteral("v=[REDACTED] token: [REDACTED]"));
    }

    void urls()
    {
        QCOMPARE(redactUrl(QUrl(QStringLiteral("http://u:p4ssw0rd@proxy:3128"))), QStringLiteral("http://u:[REDACTED]@proxy:3128"));
        QCOMPARE(redactUrl(QUrl(QStringLiteral("https://api.example.com:6443/k8s"))), QStringLiteral("https://api.example.com:6443/k8s"));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
