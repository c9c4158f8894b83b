#include "helm/HelmRunner.h"

#include "helm/HelmTr.h"
#include "kube/config/Redaction.h"

#include <QDir>
#include <QFutureWatcher>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace fd::helm {

using detail::translate;

namespace {

QString installHint()
{
    return translate("fd::helm", "Install Helm 3 or 4 (https://helm.sh/docs/intro/install/, e.g. the official "
                                 "get-helm script, a package manager, or the release archive) and make sure `helm` "
                                 "is on your PATH, or set its path in the settings.");
}

// A line longer than this (an endless line on stderr) is passed on in pieces.
constexpr qsizetype kMaxLineBytes = 1024 * 1024;

// What the worker thread found; plain strings so that the QFuture needs nothing special.
struct Resolution {
    QString path;
    QString foundVia;
    QString childPath;
    QString error;
};

QString quoteArgument(const QString &argument)
{
    if (!argument.isEmpty() && !argument.contains(QRegularExpression(u"[\\s'\"\\\\$`]"_s)))
        return argument;
    QString quoted = argument;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + quoted + u"'"_s;
}

} // namespace

HelmInvocation HelmInvocation::fixed(QStringList arguments, bool usesCluster)
{
    HelmInvocation invocation;
    invocation.arguments = [arguments](const HelmBinary &) { return arguments; };
    invocation.usesCluster = usesCluster;
    return invocation;
}

std::optional<HelmBinary> parseHelmVersion(const QByteArray &output)
{
    static const QRegularExpression pattern(u"v(\\d+)\\.(\\d+)\\.(\\d+)[^\\s]*"_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(output));
    if (!match.hasMatch())
        return std::nullopt;
    HelmBinary binary;
    binary.version = match.captured(0);
    binary.major = match.captured(1).toInt();
    binary.minor = match.captured(2).toInt();
    binary.patch = match.captured(3).toInt();
    return binary;
}

HelmError helmErrorFromOutput(int exitCode, const QStringList &errorLines)
{
    HelmError error;
    error.exitCode = exitCode;
    error.details = errorLines.mid(std::max<qsizetype>(0, errorLines.size() - 20)).join(u'\n');
    for (const QString &line : errorLines) {
        if (line.startsWith("Error: "_L1)) {
            error.helmMessage = line.mid(7).trimmed();
            break;
        }
    }
    if (error.helmMessage.isEmpty()) {
        for (auto it = errorLines.crbegin(); it != errorLines.crend(); ++it) {
            if (!it->trimmed().isEmpty()) {
                error.helmMessage = it->trimmed();
                break;
            }
        }
    }
    const QString lower = error.helmMessage.toLower();
    if (lower.contains("another operation (install/upgrade/rollback) is in progress"_L1)) {
        error.kind = HelmErrorKind::OperationInProgress;
        error.message = translate("fd::helm", "Another Helm operation on this release is in progress, or one crashed "
                                              "and left it pending: %1")
                            .arg(error.helmMessage);
    } else if (lower.contains("release: not found"_L1) || lower.contains("has no deployed releases"_L1)) {
        error.kind = HelmErrorKind::ReleaseNotFound;
        error.message = translate("fd::helm", "Helm found no such release: %1").arg(error.helmMessage);
    } else if (lower.contains("kubernetes cluster unreachable"_L1)) {
        error.kind = HelmErrorKind::ClusterUnreachable;
        error.message = translate("fd::helm", "Helm could not reach the cluster: %1").arg(error.helmMessage);
    } else if (lower.contains("context deadline exceeded"_L1) || lower.contains("timed out waiting"_L1)) {
        error.kind = HelmErrorKind::HelmTimedOut;
        error.message = translate("fd::helm", "Helm gave up waiting (its --timeout ran out): %1").arg(error.helmMessage);
    } else {
        error.kind = HelmErrorKind::Failed;
        error.message = error.helmMessage.isEmpty()
            ? translate("fd::helm", "helm failed with exit code %1.").arg(exitCode)
            : translate("fd::helm", "helm failed: %1").arg(error.helmMessage);
    }
    return error;
}

// ---- HelmJob ---------------------------------------------------------------------------------

HelmJob::HelmJob(HelmInvocation invocation, HelmRunner *runner)
    : QObject(runner), m_invocation(std::move(invocation)), m_runner(runner)
{
    const HelmRunnerSettings &settings = runner->settings();
    m_knownSecrets = settings.knownSecrets;
    m_maxOutputBytes = settings.maxOutputBytes;
    m_keptErrorLines = settings.keptErrorLines;
    m_graceMs = settings.terminateGraceMs;
}

HelmJob::~HelmJob()
{
    if (m_process) {
        // Destroying a running job must not leave helm behind, nor wait for it to exit cleanly.
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning)
            m_process->kill();
    }
}

QString HelmJob::redact(const QString &text) const
{
    return fd::kube::redactAll(text, m_knownSecrets);
}

void HelmJob::startWith(const fd::Expected<HelmBinary, HelmError> &binary)
{
    if (m_result)
        return; // cancelled while helm was being located
    if (!binary) {
        finish(fd::Unexpected(binary.error()));
        return;
    }
    m_binary = binary.value();
    HelmRunner *runner = m_runner.data();
    if (!runner) {
        finish(fd::Unexpected(HelmError{HelmErrorKind::Cancelled, translate("fd::helm", "Cancelled."), {}, {}, -1}));
        return;
    }
    const HelmRunnerSettings &settings = runner->settings();
    QStringList arguments = m_invocation.arguments ? m_invocation.arguments(m_binary) : QStringList();
    QProcessEnvironment environment = settings.environment;
    if (!m_binary.childPathVariable.isEmpty())
        environment.insert(u"PATH"_s, m_binary.childPathVariable);
    if (m_invocation.usesCluster) {
        if (!settings.kubeconfigFiles.isEmpty())
            environment.insert(u"KUBECONFIG"_s, settings.kubeconfigFiles.join(QDir::listSeparator()));
        if (!settings.kubeContext.isEmpty())
            arguments.prepend(u"--kube-context="_s + settings.kubeContext);
    }

    m_process = new QProcess(this);
    m_process->setProgram(m_binary.path);
    m_process->setArguments(arguments);
    m_process->setProcessEnvironment(environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    if (!m_invocation.workingDirectory.isEmpty())
        m_process->setWorkingDirectory(m_invocation.workingDirectory);

    QStringList shown{m_binary.path};
    for (const QString &argument : std::as_const(arguments))
        shown.append(quoteArgument(argument));
    m_commandLine = redact(shown.join(u' '));

    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { readStream(Stream::Output); });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { readStream(Stream::Error); });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onProcessFinished(exitCode, status == QProcess::CrashExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || m_result)
            return;
        HelmError failure;
        failure.kind = HelmErrorKind::StartFailed;
        failure.message = translate("fd::helm", "helm (%1) could not be started: %2").arg(m_binary.path, m_process->errorString());
        finish(fd::Unexpected(failure));
    });

    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] { stop(HelmErrorKind::Timeout); });
    if (m_invocation.timeoutMs > 0)
        m_timeout->start(m_invocation.timeoutMs);

    Q_EMIT started(m_commandLine);
    m_process->start(QIODevice::ReadOnly);
}

void HelmJob::readStream(Stream stream)
{
    if (!m_process)
        return;
    if (stream == Stream::Output) {
        const QByteArray chunk = m_process->readAllStandardOutput();
        if (m_stdout.size() + chunk.size() > m_maxOutputBytes) {
            stop(HelmErrorKind::OutputTooLarge);
            return;
        }
        m_stdout += chunk;
        m_stdoutPending += chunk;
        emitLines(stream, m_stdoutPending, false);
    } else {
        m_stderrPending += m_process->readAllStandardError();
        emitLines(stream, m_stderrPending, false);
        // stderr is only kept line by line (bounded); one endless line is cut into pieces.
        if (m_stderrPending.size() > kMaxLineBytes)
            emitLines(stream, m_stderrPending, true);
    }
}

void HelmJob::emitLines(Stream stream, QByteArray &buffer, bool flush)
{
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = buffer.indexOf('\n', start);
        if (newline < 0)
            break;
        QByteArray raw = buffer.mid(start, newline - start);
        if (raw.endsWith('\r'))
            raw.chop(1);
        start = newline + 1;
        const QString line = redact(QString::fromUtf8(raw));
        if (stream == Stream::Error) {
            m_errorLines.append(line);
            if (m_errorLines.size() > m_keptErrorLines)
                m_errorLines.removeFirst();
        }
        Q_EMIT outputLine(stream, line);
    }
    buffer.remove(0, start);
    if (flush && !buffer.isEmpty()) {
        const QString line = redact(QString::fromUtf8(buffer));
        if (stream == Stream::Error) {
            m_errorLines.append(line);
            if (m_errorLines.size() > m_keptErrorLines)
                m_errorLines.removeFirst();
        }
        buffer.clear();
        Q_EMIT outputLine(stream, line);
    }
}

void HelmJob::cancel()
{
    if (m_result)
        return;
    if (!m_process) {
        finish(fd::Unexpected(HelmError{HelmErrorKind::Cancelled, translate("fd::helm", "Cancelled before helm started."),
                                        {}, {}, -1}));
        return;
    }
    stop(HelmErrorKind::Cancelled);
}

void HelmJob::stop(HelmErrorKind reason)
{
    if (m_stopReason || m_result || !m_process)
        return;
    m_stopReason = reason;
    m_timeout->stop();
    m_process->terminate();
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process && m_process->state() != QProcess::NotRunning)
            m_process->kill();
    });
    m_killTimer->start(m_graceMs);
}

void HelmJob::onProcessFinished(int exitCode, bool crashed)
{
    if (m_result)
        return;
    readStream(Stream::Output);
    readStream(Stream::Error);
    emitLines(Stream::Output, m_stdoutPending, true);
    emitLines(Stream::Error, m_stderrPending, true);
    if (m_timeout)
        m_timeout->stop();
    if (m_killTimer)
        m_killTimer->stop();

    if (m_stopReason) {
        HelmError error;
        error.kind = *m_stopReason;
        error.exitCode = crashed ? -1 : exitCode;
        error.details = m_errorLines.mid(std::max<qsizetype>(0, m_errorLines.size() - 20)).join(u'\n');
        switch (*m_stopReason) {
        case HelmErrorKind::Timeout:
            error.message = translate("fd::helm", "helm did not finish within %1 s and was stopped.")
                                .arg(m_invocation.timeoutMs / 1000.0, 0, 'f', 1);
            break;
        case HelmErrorKind::OutputTooLarge:
            error.message = translate("fd::helm", "helm printed more than %1 MiB and was stopped.")
                                .arg(m_maxOutputBytes / (1024 * 1024));
            break;
        default:
            error.message = translate("fd::helm", "Cancelled; helm was stopped.");
            break;
        }
        finish(fd::Unexpected(error));
        return;
    }
    if (crashed) {
        HelmError error = helmErrorFromOutput(-1, m_errorLines);
        error.kind = HelmErrorKind::Failed;
        error.message = translate("fd::helm", "helm crashed: %1").arg(m_process->errorString());
        finish(fd::Unexpected(error));
        return;
    }
    if (exitCode != 0) {
        finish(fd::Unexpected(helmErrorFromOutput(exitCode, m_errorLines)));
        return;
    }
    HelmOutput output;
    output.exitCode = exitCode;
    output.standardOutput = m_stdout;
    output.errorLines = m_errorLines;
    output.binary = m_binary;
    finish(output);
}

void HelmJob::finish(HelmResult result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    if (m_timeout)
        m_timeout->stop();
    Q_EMIT finished();
}

// ---- HelmRunner ------------------------------------------------------------------------------

HelmRunner::HelmRunner(HelmRunnerSettings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings)) {}

HelmRunner::~HelmRunner() = default;

void HelmRunner::locate()
{
    if (m_locating || m_binary)
        return;
    m_locating = true;
    const fd::kube::CommandSearchPaths paths = m_settings.searchPaths;
    const QString configured = m_settings.helmPath;
    const QString hint = installHint();
    auto *watcher = new QFutureWatcher<Resolution>(this);
    connect(watcher, &QFutureWatcher<Resolution>::finished, this, [this, watcher] {
        const Resolution resolution = watcher->result();
        watcher->deleteLater();
        onResolved(resolution.path, resolution.foundVia, resolution.childPath, resolution.error);
    });
    // The resolver may ask the login shell for its PATH (up to its timeout): not on this thread.
    watcher->setFuture(QtConcurrent::run([paths, configured, hint] {
        const fd::kube::ExecCommandResolver resolver(paths);
        const auto resolved = resolver.resolve(u"helm"_s, configured, hint);
        Resolution resolution;
        if (resolved) {
            resolution.path = resolved->path;
            resolution.foundVia = resolved->foundVia;
            resolution.childPath = resolved->childPathVariable;
            // helm runs the kubeconfig's exec credential plugins itself: give it the login shell's
            // PATH too, also when helm was found without asking the shell (a configured path).
            if (paths.loginShellPath) {
                QStringList dirs = resolution.childPath.split(QDir::listSeparator(), Qt::SkipEmptyParts);
                const QStringList login = paths.loginShellPath();
                for (const QString &dir : login) {
                    if (!dirs.contains(dir))
                        dirs.append(dir);
                }
                resolution.childPath = dirs.join(QDir::listSeparator());
            }
        } else {
            resolution.error = resolved.error();
        }
        return resolution;
    }));
}

void HelmRunner::relocate()
{
    if (m_locating)
        return;
    m_binary.reset();
    locate();
}

void HelmRunner::onResolved(const QString &path, const QString &foundVia, const QString &childPath, const QString &error)
{
    if (!error.isEmpty() || path.isEmpty()) {
        HelmError failure;
        failure.kind = HelmErrorKind::NotFound;
        failure.message = error.isEmpty() ? translate("fd::helm", "helm was not found. %1").arg(installHint()) : error;
        setBinary(fd::Unexpected(failure));
        return;
    }
    m_candidate = HelmBinary{};
    m_candidate.path = path;
    m_candidate.foundVia = foundVia;
    m_candidate.childPathVariable = childPath;

    auto *process = new QProcess(this);
    process->setProgram(path);
    process->setArguments({u"version"_s, u"--short"_s});
    QProcessEnvironment environment = m_settings.environment;
    if (!childPath.isEmpty())
        environment.insert(u"PATH"_s, childPath);
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process] { process->kill(); });
    connect(process, &QProcess::finished, this, [this, process, timer](int exitCode, QProcess::ExitStatus status) {
        const bool timedOut = !timer->isActive();
        timer->stop();
        const QByteArray output = process->readAllStandardOutput() + process->readAllStandardError();
        process->deleteLater();
        QString failure;
        if (status == QProcess::CrashExit)
            failure = timedOut ? translate("fd::helm", "`helm version` did not answer in time.")
                               : translate("fd::helm", "`helm version` crashed.");
        onVersion(exitCode, output, failure);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError processError) {
        if (processError != QProcess::FailedToStart)
            return;
        const QString failure = translate("fd::helm", "helm (%1) could not be started: %2").arg(m_candidate.path, process->errorString());
        process->deleteLater();
        onVersion(-1, {}, failure);
    });
    timer->start(m_settings.versionTimeoutMs);
    process->start(QIODevice::ReadOnly);
}

void HelmRunner::onVersion(int exitCode, const QByteArray &output, const QString &failure)
{
    HelmError error;
    error.kind = HelmErrorKind::UnsupportedVersion;
    error.exitCode = exitCode;
    if (!failure.isEmpty()) {
        error.kind = HelmErrorKind::StartFailed;
        error.message = failure;
        setBinary(fd::Unexpected(error));
        return;
    }
    const std::optional<HelmBinary> parsed = exitCode == 0 ? parseHelmVersion(output) : std::nullopt;
    const QString printed = fd::kube::redactSecrets(QString::fromUtf8(output.left(300)).trimmed());
    if (!parsed) {
        error.message = translate("fd::helm", "%1 does not look like Helm: `helm version --short` printed \"%2\" "
                                              "(exit code %3). %4")
                            .arg(m_candidate.path, printed)
                            .arg(exitCode)
                            .arg(installHint());
        setBinary(fd::Unexpected(error));
        return;
    }
    if (parsed->major < 3) {
        error.message = translate("fd::helm", "%1 is Helm %2; Helm 3 or 4 is needed. %3")
                            .arg(m_candidate.path, parsed->version, installHint());
        setBinary(fd::Unexpected(error));
        return;
    }
    HelmBinary binary = m_candidate;
    binary.version = parsed->version;
    binary.major = parsed->major;
    binary.minor = parsed->minor;
    binary.patch = parsed->patch;
    setBinary(binary);
}

void HelmRunner::setBinary(fd::Expected<HelmBinary, HelmError> binary)
{
    m_locating = false;
    m_binary = std::move(binary);
    const QList<QPointer<HelmJob>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<HelmJob> &job : waiting) {
        if (job)
            job->startWith(*m_binary);
    }
    Q_EMIT binaryReady();
}

HelmJob *HelmRunner::start(const HelmInvocation &invocation)
{
    auto *job = new HelmJob(invocation, this);
    if (m_binary) {
        // Start on the next event-loop turn, so the caller can connect to the job first.
        QTimer::singleShot(0, job, [this, job] { job->startWith(*m_binary); });
    } else {
        m_waiting.append(job);
        locate();
    }
    return job;
}

} // namespace fd::helm

#include "moc_HelmRunner.cpp"
