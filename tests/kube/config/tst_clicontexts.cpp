// End-to-end tests of `fission-desk-cli contexts`: the built binary, real files, real plugins.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray kGood = "apiVersion: v1\nkind: Config\ncurrent-context: dev\n"
                         "clusters:\n- name: dev-cluster\n  cluster:\n    server: https://dev.example.com:6443\n"
                         "- name: prod-cluster\n  cluster:\n    server: https://prod.example.com/k8s/clusters/c-1\n"
                         "users:\n- name: dev-user\n  user:\n    token: dev-token-123456\n"
                         "- name: prod-user\n  user:\n    token: prod-token-654321\n"
                         "contexts:\n- name: dev\n  context: {cluster: dev-cluster, user: dev-user, namespace: apps}\n"
                         "- name: production-eu-west\n  context: {cluster: prod-cluster, user: prod-user}\n";

const QByteArray kBroken = "clusters:\n- name: c\n  cluster:\n    server: https://broken.example.com\n"
                           "users:\n- name: alice\n  user:\n    client-certificate: /nonexistent/alice.crt\n    client-key: /nonexistent/alice.key\n"
                           "contexts:\n- name: broken\n  context: {cluster: c, user: alice}\n"
                           "- name: dangling\n  context: {cluster: c, user: nobody}\n";

} // namespace

class TestCliContexts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_binary;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(content);
        file.close();
        return path;
    }

    CliRun run(const QStringList &args, const QString &kubeconfigEnv = {}, const QString &locale = QStringLiteral("C.UTF-8"))
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The CLI follows the user's locale; the texts below are the English ones unless a test
        // asks for another language.
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LC_ALL"), locale);
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home"))); // never the real ~/.kube
        if (kubeconfigEnv.isEmpty())
            env.remove(QStringLiteral("KUBECONFIG"));
        else
            env.insert(QStringLiteral("KUBECONFIG"), kubeconfigEnv);
        process.setProcessEnvironment(env);
        process.start(m_binary, args);
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
        }
        CliRun result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    QString execPlugin(const QString &name, const QByteArray &body)
    {
        const QString path = write(QStringLiteral("plugins/") + name, "#!/bin/sh\n" + body);
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
        return path;
    }

    static QString stateOf(const QString &table, const QString &context)
    {
        const QStringList lines = table.split(QLatin1Char('\n'));
        const qsizetype stateColumn = lines.first().indexOf(QLatin1String("STATE"));
        for (const QString &line : lines) {
            if (line.startsWith(context + QLatin1Char(' ')))
                return line.mid(stateColumn);
        }
        return QStringLiteral("<no row for %1>").arg(context);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_binary = qEnvironmentVariable("FD_BINARY_DIR") + QStringLiteral("/src/app/fission-desk-cli");
        QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
    }

    void goodKubeconfigTable()
    {
        const QString path = write(QStringLiteral("good.yaml"), kGood);
        const CliRun r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QLatin1String("NAME ")));
        // Aligned columns: every header word starts where its values start.
        for (const char *header : {"CLUSTER", "USER", "NAMESPACE", "CURRENT", "STATE"}) {
            const qsizetype column = lines.at(0).indexOf(QLatin1String(header));
            QVERIFY(column > 0);
            for (int i = 1; i < lines.size(); ++i) {
                QVERIFY2(lines.at(i).at(column - 1) == QLatin1Char(' '), qPrintable(lines.at(i)));
                if (QByteArray(header) != "CURRENT")
                    QVERIFY2(lines.at(i).at(column) != QLatin1Char(' '), qPrintable(QLatin1String(header) + QLatin1Char('\n') + r.out));
            }
        }
        QVERIFY(lines.at(1).startsWith(QLatin1String("dev ")));
        QVERIFY(lines.at(1).contains(QLatin1String(" apps ")));
        QVERIFY(lines.at(1).contains(QLatin1String(" * ")));
        QVERIFY(lines.at(2).contains(QLatin1String(" default ")));
        QCOMPARE(stateOf(r.out, QStringLiteral("dev")), QStringLiteral("ok"));
        QCOMPARE(stateOf(r.out, QStringLiteral("production-eu-west")), QStringLiteral("ok"));
        QVERIFY(!r.out.contains(QLatin1String("dev-token-123456")));
    }

    void brokenKubeconfig()
    {
        const QString path = write(QStringLiteral("broken.yaml"), kBroken);
        const CliRun r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), path});
        QCOMPARE(r.exitCode, 1);
        const QString broken = stateOf(r.out, QStringLiteral("broken"));
        QVERIFY2(broken.startsWith(QStringLiteral("broken: %1:8:25: users[0] \"alice\": client-certificate: file /nonexistent/alice.crt does not exist").arg(path)),
                 qPrintable(broken));
        QVERIFY(broken.endsWith(QLatin1String("(+1 more)")));
        QVERIFY2(stateOf(r.out, QStringLiteral("dangling")).contains(QLatin1String("contexts[1] \"dangling\": user \"nobody\" was not found")),
                 qPrintable(r.out));
    }

    void speaksTheUsersLanguage()
    {
        // The first users read Chinese: with a zh_CN locale the same broken entry is explained in
        // Chinese, while the kubeconfig's own names and paths stay as they are.
        const QString path = write(QStringLiteral("broken-zh.yaml"), kBroken);
        const CliRun r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), path}, {}, QStringLiteral("zh_CN.UTF-8"));
        QCOMPARE(r.exitCode, 1);
        const QString broken = stateOf(r.out, QStringLiteral("broken"));
        QVERIFY2(!broken.startsWith(QLatin1String("broken: ")), qPrintable(broken));
        QVERIFY2(broken.contains(QLatin1String("/nonexistent/alice.crt")), qPrintable(broken));
        QVERIFY2(std::any_of(broken.begin(), broken.end(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; }),
                 qPrintable(broken));
    }

    void mixedKubeconfigsViaEnvironment()
    {
        const QString good = write(QStringLiteral("mixed/good.yaml"), kGood);
        const QString broken = write(QStringLiteral("mixed/broken.yaml"), kBroken);
        const QString syntax = write(QStringLiteral("mixed/syntax.yaml"), "contexts: [\n");
        const CliRun r = run({QStringLiteral("contexts")}, QStringList{good, broken, syntax, m_dir.filePath(QStringLiteral("missing"))}.join(QLatin1Char(':')));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(stateOf(r.out, QStringLiteral("dev")), QStringLiteral("ok"));
        QVERIFY(stateOf(r.out, QStringLiteral("broken")).startsWith(QLatin1String("broken: ")));
        QVERIFY2(r.err.contains(QStringLiteral("error: %1:2:1: YAML syntax error").arg(syntax)), qPrintable(r.err));
    }

    void json()
    {
        const QString good = write(QStringLiteral("json/good.yaml"), kGood);
        const QString broken = write(QStringLiteral("json/broken.yaml"), kBroken);
        const CliRun r = run({QStringLiteral("contexts"), QStringLiteral("-o"), QStringLiteral("json")}, good + QLatin1Char(':') + broken);
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QStringLiteral("kind")).toString(), QStringLiteral("ContextList"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("files")).toArray().size(), 2);
        QCOMPARE(root.value(QStringLiteral("currentContext")).toString(), QStringLiteral("dev"));
        const QJsonArray contexts = root.value(QStringLiteral("contexts")).toArray();
        QCOMPARE(contexts.size(), 4);
        const QJsonObject dev = contexts.at(0).toObject();
        QCOMPARE(dev.value(QStringLiteral("name")).toString(), QStringLiteral("dev"));
        QCOMPARE(dev.value(QStringLiteral("cluster")).toString(), QStringLiteral("dev-cluster"));
        QCOMPARE(dev.value(QStringLiteral("user")).toString(), QStringLiteral("dev-user"));
        QCOMPARE(dev.value(QStringLiteral("namespace")).toString(), QStringLiteral("apps"));
        QCOMPARE(dev.value(QStringLiteral("current")).toBool(), true);
        QCOMPARE(dev.value(QStringLiteral("usable")).toBool(), true);
        QCOMPARE(dev.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
        QCOMPARE(dev.value(QStringLiteral("auth")).toString(), QStringLiteral("token"));
        QCOMPARE(dev.value(QStringLiteral("server")).toString(), QStringLiteral("https://dev.example.com:6443"));
        QCOMPARE(dev.value(QStringLiteral("sourceFile")).toString(), good);
        QVERIFY(dev.value(QStringLiteral("exec")).isNull());
        QCOMPARE(dev.value(QStringLiteral("problems")).toArray().size(), 0);
        const QJsonObject brokenContext = contexts.at(2).toObject();
        QCOMPARE(brokenContext.value(QStringLiteral("name")).toString(), QStringLiteral("broken"));
        QCOMPARE(brokenContext.value(QStringLiteral("usable")).toBool(), false);
        QCOMPARE(brokenContext.value(QStringLiteral("state")).toString(), QStringLiteral("broken"));
        const QJsonObject problem = brokenContext.value(QStringLiteral("problems")).toArray().first().toObject();
        QCOMPARE(problem.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(problem.value(QStringLiteral("file")).toString(), broken);
        QCOMPARE(problem.value(QStringLiteral("line")).toInt(), 8);
        QCOMPARE(problem.value(QStringLiteral("entry")).toString(), QStringLiteral("users[0] \"alice\""));
        QVERIFY(problem.value(QStringLiteral("message")).toString().contains(QLatin1String("/nonexistent/alice.crt")));
        QVERIFY(!r.out.contains(QLatin1String("dev-token-123456")));
    }

    void execPlugins()
    {
        const QString ok = execPlugin(QStringLiteral("ok-plugin"),
                                      "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
                                      "\"status\":{\"token\":\"exec-token-secret\",\"expirationTimestamp\":\"2030-01-01T10:00:00Z\"}}'\n");
        const QString failing = execPlugin(QStringLiteral("failing-plugin"), "echo 'token expired, run: login --sso' >&2\nexit 3\n");
        const QString text = QStringLiteral(
                                 "clusters: [{name: c, cluster: {server: 'https://h'}}]\n"
                                 "users:\n"
                                 "- name: ok\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: %1}\n"
                                 "- name: ok2\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: %1}\n"
                                 "- name: failing\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: %2, interactiveMode: Never}\n"
                                 "contexts:\n- {name: exec-ok, context: {cluster: c, user: ok}}\n"
                                 "- {name: exec-ok-again, context: {cluster: c, user: ok2}}\n"
                                 "- {name: exec-failing, context: {cluster: c, user: failing}}\n")
                                 .arg(ok, failing);
        const QString path = write(QStringLiteral("exec.yaml"), text.toUtf8());
        CliRun r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(stateOf(r.out, QStringLiteral("exec-ok")), QStringLiteral("exec: credential ok (expires 2030-01-01T10:00:00Z)"));
        QCOMPARE(stateOf(r.out, QStringLiteral("exec-ok-again")), QStringLiteral("exec: credential ok (expires 2030-01-01T10:00:00Z)"));
        QCOMPARE(stateOf(r.out, QStringLiteral("exec-failing")),
                 QStringLiteral("exec: exec plugin failing-plugin failed with exit code 3; stderr: token expired, run: login --sso"));
        QVERIFY(!r.out.contains(QLatin1String("exec-token-secret")));

        r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), path, QStringLiteral("--no-exec")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(stateOf(r.out, QStringLiteral("exec-failing")), QStringLiteral("exec: not checked"));

        r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), path, QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonArray contexts = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("contexts")).toArray();
        const QJsonObject exec = contexts.at(0).toObject().value(QStringLiteral("exec")).toObject();
        QCOMPARE(exec.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(exec.value(QStringLiteral("expirationTimestamp")).toString(), QStringLiteral("2030-01-01T10:00:00Z"));
        QCOMPARE(exec.value(QStringLiteral("command")).toString(), ok);
        QVERIFY(exec.value(QStringLiteral("error")).isNull());
        const QJsonObject failed = contexts.at(2).toObject();
        QCOMPARE(failed.value(QStringLiteral("state")).toString(), QStringLiteral("exec-error"));
        QCOMPARE(failed.value(QStringLiteral("usable")).toBool(), false);
        QVERIFY(failed.value(QStringLiteral("exec")).toObject().value(QStringLiteral("error")).toString().contains(QLatin1String("exit code 3")));
    }

    void execTimeout()
    {
        const QString slow = execPlugin(QStringLiteral("slow-plugin"), "sleep 30\n");
        const QString path = write(QStringLiteral("slow.yaml"),
                                   QStringLiteral("clusters: [{name: c, cluster: {server: 'https://h'}}]\n"
                                                  "users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: %1}}}]\n"
                                                  "contexts: [{name: slow, context: {cluster: c, user: u}}]\n")
                                       .arg(slow)
                                       .toUtf8());
        const CliRun r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), path, QStringLiteral("--exec-timeout"), QStringLiteral("0.5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(stateOf(r.out, QStringLiteral("slow")).contains(QLatin1String("did not finish within 0.5 s")), qPrintable(r.out));
    }

    void noKubeconfig()
    {
        CliRun r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), m_dir.filePath(QStringLiteral("absent.yaml"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("does not exist")));
        r = run({QStringLiteral("contexts")}); // HOME without .kube/config, no KUBECONFIG
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no kubeconfig")), qPrintable(r.err));
        r = run({QStringLiteral("contexts"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("contexts")).toArray().isEmpty());
        r = run({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), write(QStringLiteral("empty.yaml"), QByteArray())});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("no contexts")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addRow("no command") << QStringList{} << QStringLiteral("Usage:");
        QTest::addRow("unknown command") << QStringList{QStringLiteral("bogus")} << QStringLiteral("unknown command \"bogus\"");
        QTest::addRow("unknown option") << QStringList{QStringLiteral("contexts"), QStringLiteral("--bogus")} << QStringLiteral("Unknown option");
        QTest::addRow("bad output") << QStringList{QStringLiteral("contexts"), QStringLiteral("-o"), QStringLiteral("yaml")}
                                    << QStringLiteral("unknown output format \"yaml\"");
        QTest::addRow("missing value") << QStringList{QStringLiteral("contexts"), QStringLiteral("--kubeconfig")} << QStringLiteral("Missing value");
        QTest::addRow("extra argument") << QStringList{QStringLiteral("contexts"), QStringLiteral("extra")} << QStringLiteral("unexpected argument: extra");
        QTest::addRow("bad timeout") << QStringList{QStringLiteral("contexts"), QStringLiteral("--exec-timeout"), QStringLiteral("soon")}
                                     << QStringLiteral("--exec-timeout");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void help()
    {
        CliRun r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("contexts")));
        r = run({QStringLiteral("contexts"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--kubeconfig")));
    }
};

QTEST_GUILESS_MAIN(TestCliContexts)
#include "tst_clicontexts.moc"
