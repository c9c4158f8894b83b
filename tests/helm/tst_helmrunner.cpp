// HelmRunner against a fake `helm` (a shell script): lookup, version detection, environment,
// redaction, errors, timeout and cancel. The real helm is exercised by tst_helm_referee.
#include "helm/HelmCommands.h"
#include "helm/HelmRunner.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::helm;

Q_DECLARE_METATYPE(fd::helm::HelmErrorKind)

namespace {

// Behaviour chosen by FAKE_HELM_MODE; `version` answers FAKE_HELM_VERSION.
const char *const kFakeHelm =
    "#!/bin/sh\n"
    "if [ \"$1\" = version ]; then echo \"${FAKE_HELM_VERSION:-v4.1.0+gabcdef0}\"; exit 0; fi\n"
    "case \"$FAKE_HELM_MODE\" in\n"
    "  echo) for a in \"$@\"; do echo \"arg:$a\"; done; echo \"KUBECONFIG=$KUBECONFIG\"; exit 0 ;;\n"
    "  fail) echo 'level=WARN msg=progress' >&2;\n"
    "        echo 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress' >&2; exit 1 ;;\n"
    "  secret) echo 'token: abcdefghijklmnop0123456789'; echo \"value $FAKE_SECRET here\";\n"
    "          echo \"Error: bad token $FAKE_SECRET\" >&2; exit 3 ;;\n"
    "  sleep) exec sleep 120 ;;\n"
    "  stdin) cat; echo 'stdin done'; exit 0 ;;\n"
    "  big) head -c 3000000 /dev/zero | tr '\\000' 'x'; exit 0 ;;\n"
    "  lines) printf 'a\\r\\nb\\n\\nno newline at end'; exit 0 ;;\n"
    "  *) echo \"unknown mode\" >&2; exit 2 ;;\n"
    "esac\n";

class Fixture {
public:
    Fixture()
    {
        m_helm = m_dir.filePath(u"bin/helm"_s);
        QDir(m_dir.path()).mkpath(u"bin"_s);
        QDir(m_dir.path()).mkpath(u"empty"_s);
        QFile file(m_helm);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(kFakeHelm);
            file.close();
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
    }

    HelmRunnerSettings settings(const QString &mode, const QString &version = {}) const
    {
        HelmRunnerSettings settings;
        settings.helmPath = m_helm;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"KUBECONFIG"_s);
        environment.insert(u"FAKE_HELM_MODE"_s, mode);
        if (!version.isEmpty())
            environment.insert(u"FAKE_HELM_VERSION"_s, version);
        settings.environment = environment;
        settings.searchPaths.pathVariable = environment.value(u"PATH"_s);
        settings.searchPaths.shell.clear();
        settings.searchPaths.loginShellPath = [] { return QStringList(); };
        settings.searchPaths.usualLocations = {m_dir.filePath(u"empty"_s)};
        return settings;
    }

    QString emptyDir() const { return m_dir.filePath(u"empty"_s); }
    QString helmPath() const { return m_helm; }

private:
    QTemporaryDir m_dir;
    QString m_helm;
};

// Runs a job to completion and returns it (owned by the runner).
HelmJob *runToEnd(HelmRunner &runner, const HelmInvocation &invocation, QStringList *lines = nullptr)
{
    HelmJob *job = runner.start(invocation);
    if (lines) {
        QObject::connect(job, &HelmJob::outputLine, job,
                         [lines](HelmJob::Stream, const QString &line) { lines->append(line); });
    }
    QSignalSpy finished(job, &HelmJob::finished);
    if (!finished.wait(60000) && !job->isFinished())
        qWarning("job did not finish");
    return job;
}

QStringList echoedArguments(const HelmResult &result)
{
    QStringList arguments;
    if (!result)
        return arguments;
    const QList<QByteArray> lines = result->standardOutput.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("arg:"))
            arguments.append(QString::fromUtf8(line.mid(4)));
    }
    return arguments;
}

} // namespace

class TestHelmRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void notFoundSaysHowToInstall()
    {
        Fixture fixture;
        HelmRunnerSettings settings = fixture.settings(u"echo"_s);
        settings.helmPath = fixture.emptyDir() + u"/nothing-here"_s;
        settings.searchPaths.pathVariable = fixture.emptyDir();
        HelmRunner runner(settings);
        HelmJob *job = runToEnd(runner, commands::history(u"fission"_s, u"fission"_s));
        QVERIFY(job->isFinished());
        QVERIFY(!job->result());
        QCOMPARE(job->result().error().kind, HelmErrorKind::NotFound);
        QVERIFY2(job->result().error().message.contains(u"helm.sh"_s), qPrintable(job->result().error().message));
        QVERIFY(runner.binary());
        QVERIFY(!*runner.binary());
    }

    void relocateFindsANewlyInstalledHelm()
    {
        Fixture fixture;
        QTemporaryDir later;
        HelmRunnerSettings settings = fixture.settings(u"echo"_s);
        settings.helmPath = later.path(); // a directory that will hold `helm`
        settings.searchPaths.pathVariable = fixture.emptyDir();
        HelmRunner runner(settings);
        QSignalSpy ready(&runner, &HelmRunner::binaryReady);
        runner.locate();
        QVERIFY(ready.wait(60000));
        QCOMPARE(runner.binary()->error().kind, HelmErrorKind::NotFound);

        QVERIFY(QFile::copy(fixture.helmPath(), later.filePath(u"helm"_s)));
        runner.relocate();
        QVERIFY(!runner.binary()); // unknown while looking again
        QVERIFY(ready.wait(60000));
        QVERIFY(runner.binary()->hasValue());
        QCOMPARE(runner.binary()->value().path, later.filePath(u"helm"_s));
    }

    void detectsTheVersion_data()
    {
        QTest::addColumn<QString>("printed");
        QTest::addColumn<int>("major");
        QTest::addColumn<bool>("usable");
        QTest::addRow("helm 4") << u"v4.1.4+g05fa379"_s << 4 << true;
        QTest::addRow("helm 3") << u"v3.14.2+gc309b6f"_s << 3 << true;
        QTest::addRow("helm 2") << u"Client: v2.17.0+ga690bad"_s << 2 << false;
        QTest::addRow("not helm") << u"hello"_s << 0 << false;
    }

    void detectsTheVersion()
    {
        QFETCH(QString, printed);
        QFETCH(int, major);
        QFETCH(bool, usable);
        Fixture fixture;
        HelmRunner runner(fixture.settings(u"echo"_s, printed));
        QSignalSpy ready(&runner, &HelmRunner::binaryReady);
        runner.locate();
        QVERIFY(ready.wait(60000));
        QVERIFY(runner.binary());
        QCOMPARE(runner.binary()->hasValue(), usable);
        if (usable) {
            QCOMPARE(runner.binary()->value().major, major);
            QCOMPARE(runner.binary()->value().version, printed);
            QCOMPARE(runner.binary()->value().foundVia, u"override"_s);
        } else {
            QCOMPARE(runner.binary()->error().kind, HelmErrorKind::UnsupportedVersion);
        }
    }

    void passesKubeconfigAndContext()
    {
        Fixture fixture;
        HelmRunnerSettings settings = fixture.settings(u"echo"_s);
        settings.kubeconfigFiles = {u"/tmp/a.yaml"_s, u"/tmp/b.yaml"_s};
        settings.kubeContext = u"prod-eu"_s;
        HelmRunner runner(settings);
        HelmJob *job = runToEnd(runner, commands::status(u"fission"_s, u"fission"_s));
        QVERIFY2(job->result(), qPrintable(job->result() ? QString() : job->result().error().message));
        QCOMPARE(echoedArguments(job->result()),
                 QStringList({u"--kube-context=prod-eu"_s, u"status"_s, u"--namespace=fission"_s, u"--output=json"_s,
                              u"--"_s, u"fission"_s}));
        QVERIFY(job->result()->standardOutput.contains("KUBECONFIG=/tmp/a.yaml:/tmp/b.yaml\n"));
        QVERIFY(job->commandLine().contains(u"--kube-context=prod-eu"_s));

        // An offline render gets neither.
        TemplateRequest request;
        request.release = u"r"_s;
        request.chart = u"/charts/x"_s;
        job = runToEnd(runner, commands::templateChart(request));
        QVERIFY(job->result());
        QVERIFY(!echoedArguments(job->result()).join(u' ').contains(u"kube-context"_s));
        QVERIFY(job->result()->standardOutput.contains("KUBECONFIG=\n"));
    }

    void linesAreRedacted()
    {
        Fixture fixture;
        HelmRunnerSettings settings = fixture.settings(u"secret"_s);
        const QString secret = u"s3cr3t-Value-42"_s;
        settings.environment.insert(u"FAKE_SECRET"_s, secret);
        settings.knownSecrets = {secret};
        HelmRunner runner(settings);
        QStringList lines;
        HelmJob *job = runToEnd(runner, commands::status(u"r"_s, u"n"_s), &lines);
        QVERIFY(!lines.isEmpty());
        const QString all = lines.join(u'\n');
        QVERIFY2(!all.contains(u"abcdefghijklmnop0123456789"_s), qPrintable(all));
        QVERIFY2(!all.contains(secret), qPrintable(all));
        QVERIFY(all.contains(u"[REDACTED]"_s));
        QVERIFY(!job->result());
        QCOMPARE(job->result().error().exitCode, 3);
        QVERIFY(!job->result().error().message.contains(secret));
        QVERIFY(!job->result().error().helmMessage.contains(secret));
    }

    void helmErrorsAreTyped()
    {
        Fixture fixture;
        HelmRunner runner(fixture.settings(u"fail"_s));
        UpgradeRequest request;
        request.release = u"fission"_s;
        request.chart = u"/charts/fission"_s;
        HelmJob *job = runToEnd(runner, commands::upgrade(request));
        QVERIFY(!job->result());
        const HelmError &error = job->result().error();
        QCOMPARE(error.kind, HelmErrorKind::OperationInProgress);
        QCOMPARE(error.exitCode, 1);
        QCOMPARE(error.helmMessage, u"UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress"_s);
        QVERIFY(error.details.contains(u"level=WARN"_s));
    }

    void errorClassification_data()
    {
        QTest::addColumn<QStringList>("errorLines");
        QTest::addColumn<HelmErrorKind>("kind");
        QTest::addColumn<QString>("helmMessage");
        QTest::addRow("not found") << QStringList{u"Error: release: not found"_s} << HelmErrorKind::ReleaseNotFound
                                   << u"release: not found"_s;
        QTest::addRow("no deployed releases") << QStringList{u"Error: UPGRADE FAILED: \"x\" has no deployed releases"_s}
                                              << HelmErrorKind::ReleaseNotFound
                                              << u"UPGRADE FAILED: \"x\" has no deployed releases"_s;
        QTest::addRow("unreachable")
            << QStringList{u"Error: Kubernetes cluster unreachable: Get \"https://x/version\": dial tcp: refused"_s}
            << HelmErrorKind::ClusterUnreachable
            << u"Kubernetes cluster unreachable: Get \"https://x/version\": dial tcp: refused"_s;
        QTest::addRow("helm's own timeout") << QStringList{u"Error: UPGRADE FAILED: context deadline exceeded"_s}
                                            << HelmErrorKind::HelmTimedOut << u"UPGRADE FAILED: context deadline exceeded"_s;
        QTest::addRow("other") << QStringList{u"warn"_s, u"Error: INSTALLATION FAILED: bad chart"_s, u"trailer"_s}
                               << HelmErrorKind::Failed << u"INSTALLATION FAILED: bad chart"_s;
        QTest::addRow("no Error: line") << QStringList{u"panic: boom"_s, u""_s} << HelmErrorKind::Failed << u"panic: boom"_s;
    }

    void errorClassification()
    {
        QFETCH(QStringList, errorLines);
        QFETCH(HelmErrorKind, kind);
        QFETCH(QString, helmMessage);
        const HelmError error = helmErrorFromOutput(1, errorLines);
        QCOMPARE(error.kind, kind);
        QCOMPARE(error.helmMessage, helmMessage);
        QVERIFY(error.message.contains(helmMessage));
    }

    void timeoutStopsHelm()
    {
        Fixture fixture;
        HelmRunnerSettings settings = fixture.settings(u"sleep"_s);
        settings.terminateGraceMs = 2000;
        HelmRunner runner(settings);
        HelmInvocation invocation = commands::history(u"r"_s, u"n"_s);
        invocation.timeoutMs = 500;
        HelmJob *job = runToEnd(runner, invocation);
        QVERIFY(job->isFinished());
        QVERIFY(!job->result());
        QCOMPARE(job->result().error().kind, HelmErrorKind::Timeout);
    }

    void cancelStopsHelm()
    {
        Fixture fixture;
        HelmRunner runner(fixture.settings(u"sleep"_s));
        HelmJob *job = runner.start(commands::history(u"r"_s, u"n"_s));
        QSignalSpy started(job, &HelmJob::started);
        QSignalSpy finished(job, &HelmJob::finished);
        QVERIFY(started.wait(60000));
        job->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job->result().error().kind, HelmErrorKind::Cancelled);
    }

    void cancelBeforeHelmIsFound()
    {
        Fixture fixture;
        HelmRunner runner(fixture.settings(u"echo"_s));
        HelmJob *job = runner.start(commands::history(u"r"_s, u"n"_s));
        QSignalSpy started(job, &HelmJob::started);
        job->cancel();
        QVERIFY(job->isFinished());
        QCOMPARE(job->result().error().kind, HelmErrorKind::Cancelled);
        QSignalSpy ready(&runner, &HelmRunner::binaryReady);
        QVERIFY(ready.wait(60000));
        QCOMPARE(started.size(), 0); // nothing ran
    }

    void stdinIsClosed()
    {
        // A helm (or an exec plugin it runs) that reads stdin must see EOF, not wait for a user.
        Fixture fixture;
        HelmRunner runner(fixture.settings(u"stdin"_s));
        HelmJob *job = runToEnd(runner, commands::history(u"r"_s, u"n"_s));
        QVERIFY2(job->result(), qPrintable(job->result() ? QString() : job->result().error().message));
        QCOMPARE(job->result()->standardOutput, QByteArray("stdin done\n"));
    }

    void outputIsBounded()
    {
        Fixture fixture;
        HelmRunnerSettings settings = fixture.settings(u"big"_s);
        settings.maxOutputBytes = 100000;
        HelmRunner runner(settings);
        HelmJob *job = runToEnd(runner, commands::getManifest(u"r"_s, u"n"_s));
        QVERIFY(!job->result());
        QCOMPARE(job->result().error().kind, HelmErrorKind::OutputTooLarge);
    }

    void outputArrivesLineByLine()
    {
        Fixture fixture;
        HelmRunner runner(fixture.settings(u"lines"_s));
        QStringList lines;
        HelmJob *job = runToEnd(runner, commands::getManifest(u"r"_s, u"n"_s), &lines);
        QVERIFY(job->result());
        QCOMPARE(lines, QStringList({u"a"_s, u"b"_s, QString(), u"no newline at end"_s}));
    }

    void commandsPerHelmVersion()
    {
        HelmBinary helm4;
        helm4.major = 4;
        HelmBinary helm3;
        helm3.major = 3;
        UpgradeRequest request;
        request.release = u"fission"_s;
        request.namespaceName = u"fission"_s;
        request.chart = u"/tmp/chart"_s;
        request.valuesFiles = {u"/tmp/a.yaml"_s, u"/tmp/b.yaml"_s};
        request.reuseValues = true;
        request.dryRun = DryRun::Server;
        request.historyMax = 5;
        request.wait = true;
        request.timeoutSeconds = 600;
        request.rollbackOnFailure = true;
        const HelmInvocation invocation = commands::upgrade(request);
        QCOMPARE(invocation.arguments(helm4),
                 QStringList({u"upgrade"_s, u"--namespace=fission"_s, u"--values=/tmp/a.yaml"_s, u"--values=/tmp/b.yaml"_s,
                              u"--reuse-values"_s, u"--dry-run=server"_s, u"--history-max=5"_s, u"--wait=watcher"_s,
                              u"--timeout=600s"_s, u"--rollback-on-failure"_s, u"--output=json"_s, u"--"_s,
                              u"fission"_s, u"/tmp/chart"_s}));
        const QStringList helm3Arguments = invocation.arguments(helm3);
        QVERIFY(helm3Arguments.contains(u"--wait"_s));
        QVERIFY(helm3Arguments.contains(u"--atomic"_s));
        QVERIFY(invocation.timeoutMs > 600 * 1000);

        RollbackRequest rollback;
        rollback.release = u"-odd-name"_s;
        rollback.namespaceName = u"n"_s;
        rollback.revision = 3;
        QCOMPARE(commands::rollback(rollback).arguments(helm4),
                 QStringList({u"rollback"_s, u"--namespace=n"_s, u"--timeout=300s"_s, u"--"_s, u"-odd-name"_s, u"3"_s}));
        QCOMPARE(commands::getValues(u"r"_s, u"n"_s, true, 2).arguments(helm4),
                 QStringList({u"get"_s, u"values"_s, u"--namespace=n"_s, u"--all"_s, u"--revision=2"_s,
                              u"--output=json"_s, u"--"_s, u"r"_s}));
    }

    void parsesJsonOutputs()
    {
        HelmOutput output;
        output.standardOutput =
            "[{\"revision\":1,\"updated\":\"2024-05-01T10:00:00.5+02:00\",\"status\":\"superseded\","
            "\"chart\":\"fission-all-v1.20.5\",\"app_version\":\"v1.20.5\",\"description\":\"Install complete\"},"
            "{\"revision\":2,\"updated\":\"2024-05-02T10:00:00Z\",\"status\":\"deployed\",\"chart\":\"fission-all-v1.20.5\","
            "\"app_version\":\"v1.20.5\",\"description\":\"Upgrade complete\"}]\n";
        const auto history = parseHistory(output);
        QVERIFY(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).status, ReleaseStatus::Superseded);
        QCOMPARE(history->at(0).updated->toUTC().time(), QTime(8, 0, 0, 500));
        QCOMPARE(history->at(1).description, u"Upgrade complete"_s);

        output.standardOutput = "null\n";
        QCOMPARE(parseValues(output).value(), QJsonObject());
        output.standardOutput = "{\"a\":1}";
        QCOMPARE(parseValues(output).value(), QJsonObject({{u"a"_s, 1}}));
        output.standardOutput = "Error-ish text";
        QCOMPARE(parseValues(output).error().kind, HelmErrorKind::BadOutput);
        QCOMPARE(parseHistory(output).error().kind, HelmErrorKind::BadOutput);
        output.standardOutput = "{\"name\":\"fission\",\"version\":4,\"namespace\":\"fission\",\"info\":{\"status\":\"deployed\"}}";
        const auto release = parseReleaseOutput(output);
        QVERIFY(release);
        QCOMPARE(release->version, 4);
        QCOMPARE(release->info.status, ReleaseStatus::Deployed);

        // parseJob passes errors through.
        HelmResult failed = fd::Unexpected(HelmError{HelmErrorKind::Cancelled, u"x"_s, {}, {}, -1});
        QCOMPARE(parseJob(failed, parseValues).error().kind, HelmErrorKind::Cancelled);
    }

    void versionParsing()
    {
        QCOMPARE(parseHelmVersion("v4.1.4+g05fa379\n")->minor, 1);
        QCOMPARE(parseHelmVersion("v3.14.2+gc309b6f")->patch, 2);
        QVERIFY(!parseHelmVersion("helm"));
    }
};

QTEST_GUILESS_MAIN(TestHelmRunner)
#include "tst_helmrunner.moc"
