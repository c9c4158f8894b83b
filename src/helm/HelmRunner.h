#pragma once

#include "common/Expected.h"
#include "kube/config/ExecCommandResolver.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QProcess;
class QTimer;

// Runs the real `helm` binary for the app: asynchronously (QProcess and signals; nothing here
// blocks the calling thread), never interactively (stdin is /dev/null, so kubeconfig exec
// plugins cannot prompt), with a timeout and cancellation, against the user's kubeconfig
// file(s) (KUBECONFIG) and context (--kube-context).
//
//  - The binary is the configured path (a file, or a directory holding `helm`), else `helm` on
//    this process' PATH, the login shell's PATH and the usual install locations (the lookup of
//    kube/config/ExecCommandResolver, run on a worker thread). Its absence is a NotFound error
//    that says how to install Helm. `helm version --short` decides Helm 3 vs 4 once per runner;
//    commands are built afterwards for that version (HelmInvocation::arguments).
//  - helm's PATH is the resolver's child PATH (login shell entries added), so the exec credential
//    plugins of the kubeconfig (aws, gke-gcloud-auth-plugin, kubelogin) are found as in a shell.
//  - Output is read line by line. outputLine() carries each line with credentials redacted
//    (kube/config/Redaction, plus HelmRunnerSettings::knownSecrets) — safe for a log view.
//    HelmOutput::standardOutput keeps stdout raw for parsing (`get values` prints values that
//    may be secrets): never log it.
//  - helm's own error text ("Error: UPGRADE FAILED: …", the first such line) becomes a typed
//    HelmError; the few conditions the app reacts to (another operation in progress, release
//    not found, cluster unreachable, helm's own --timeout) are recognised from helm's words,
//    which are stable across Helm 3 and 4 but not an API: anything else is Failed with the text.
//  - Timeout and cancel send SIGTERM (helm install/upgrade then fail the release instead of
//    leaving it pending, where they still can) and SIGKILL after a grace period.
//
// A runner and its jobs live in one thread (the one that created them).

namespace fd::helm {

struct HelmBinary {
    QString path;
    QString version; // as `helm version --short` prints it, e.g. "v4.1.4+g05fa379"
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString foundVia; // ExecCommandResolver's "override", "PATH", "login shell PATH", …
    QString childPathVariable;

    bool isHelm4() const { return major >= 4; }
};

enum class HelmErrorKind {
    NotFound,            // no helm binary
    UnsupportedVersion,  // `helm version` unreadable, or Helm 2
    StartFailed,         // the process did not start
    Failed,              // helm exited non-zero (message: its error text)
    ReleaseNotFound,     // "release: not found", "has no deployed releases"
    OperationInProgress, // "another operation (install/upgrade/rollback) is in progress"
    ClusterUnreachable,  // "Kubernetes cluster unreachable"
    HelmTimedOut,        // helm's own --timeout ran out ("context deadline exceeded", …)
    Timeout,             // the runner's timeout killed helm
    Cancelled,           // cancel()
    OutputTooLarge,      // more output than HelmRunnerSettings::maxOutputBytes
    BadOutput,           // output that should be JSON is not
};

struct HelmError {
    HelmErrorKind kind = HelmErrorKind::Failed;
    QString message;     // translated, for the user; redacted
    QString helmMessage; // helm's own error line without "Error: " (redacted), when there is one
    QString details;     // the last lines of helm's stderr (redacted)
    int exitCode = -1;
};

struct HelmOutput {
    int exitCode = 0;
    QByteArray standardOutput; // raw; may contain secret values: parse, never log
    QStringList errorLines;    // stderr, redacted
    HelmBinary binary;
};

using HelmResult = fd::Expected<HelmOutput, HelmError>;

struct HelmRunnerSettings {
    QString helmPath;            // configured binary (file or directory); empty = search
    QStringList kubeconfigFiles; // KUBECONFIG for helm; empty = inherit the environment's
    QString kubeContext;         // --kube-context; empty = the kubeconfig's current context
    QStringList knownSecrets;    // exact values to redact from output (tokens the app holds)
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    fd::kube::CommandSearchPaths searchPaths = fd::kube::CommandSearchPaths::fromSystem();
    int versionTimeoutMs = 30'000;
    int terminateGraceMs = 5'000;
    qint64 maxOutputBytes = qint64(256) * 1024 * 1024;
    int keptErrorLines = 400; // stderr lines kept in HelmOutput/HelmError
};

struct HelmInvocation {
    // The arguments after `helm`, built once the binary (and so its major version) is known.
    // Global flags (--kube-context) are added by the runner.
    std::function<QStringList(const HelmBinary &)> arguments;
    bool usesCluster = true;           // false: no kubeconfig/context (helm version, template)
    int timeoutMs = 10 * 60 * 1000;    // the runner's limit; keep it above helm's --timeout
    QString workingDirectory;          // empty: the process' current directory
    QString description;               // "helm upgrade fission" for progress displays

    static HelmInvocation fixed(QStringList arguments, bool usesCluster = true);
};

class HelmRunner;

class HelmJob : public QObject {
    Q_OBJECT
public:
    enum class Stream { Output, Error };
    Q_ENUM(Stream)

    ~HelmJob() override;

    bool isFinished() const { return m_result.has_value(); }
    // Valid once finished() was emitted.
    const HelmResult &result() const { return *m_result; }
    const HelmInvocation &invocation() const { return m_invocation; }
    // The command line as run, redacted (empty until started).
    QString commandLine() const { return m_commandLine; }

    // Stops the job: before start nothing runs; a running helm gets SIGTERM, then SIGKILL.
    // finished() follows with a Cancelled error (unless helm had already finished).
    void cancel();

Q_SIGNALS:
    void started(const QString &commandLine);
    void outputLine(fd::helm::HelmJob::Stream stream, const QString &line);
    void finished();

private:
    friend class HelmRunner;
    HelmJob(HelmInvocation invocation, HelmRunner *runner);

    void startWith(const fd::Expected<HelmBinary, HelmError> &binary);
    void readStream(Stream stream);
    void emitLines(Stream stream, QByteArray &buffer, bool flush);
    void stop(HelmErrorKind reason);
    void onProcessFinished(int exitCode, bool crashed);
    void finish(HelmResult result);
    QString redact(const QString &text) const;

    HelmInvocation m_invocation;
    QPointer<HelmRunner> m_runner;
    QStringList m_knownSecrets;
    qint64 m_maxOutputBytes = 0;
    int m_keptErrorLines = 0;
    int m_graceMs = 0;
    HelmBinary m_binary;
    QProcess *m_process = nullptr;
    QTimer *m_timeout = nullptr;
    QTimer *m_killTimer = nullptr;
    QString m_commandLine;
    QByteArray m_stdout;
    QByteArray m_stdoutPending; // an incomplete last line
    QByteArray m_stderrPending;
    QStringList m_errorLines;
    std::optional<HelmErrorKind> m_stopReason;
    std::optional<HelmResult> m_result;
};

class HelmRunner : public QObject {
    Q_OBJECT
public:
    explicit HelmRunner(HelmRunnerSettings settings, QObject *parent = nullptr);
    ~HelmRunner() override;

    const HelmRunnerSettings &settings() const { return m_settings; }

    // Finds helm and reads its version, once; binaryReady() reports it. Called by start() too.
    void locate();
    // Forgets the located binary (or the failure) and looks again: after the user installed helm
    // or changed PATH. No effect while a lookup runs.
    void relocate();
    // The located binary (or why there is none); nullopt while unknown.
    const std::optional<fd::Expected<HelmBinary, HelmError>> &binary() const { return m_binary; }

    // Starts `invocation` (after locate() finishes, when needed). The job is a child of the
    // runner: delete it (deleteLater) once its finished() has been handled.
    HelmJob *start(const HelmInvocation &invocation);

Q_SIGNALS:
    void binaryReady();

private:
    friend class HelmJob;
    void onResolved(const QString &path, const QString &foundVia, const QString &childPath, const QString &error);
    void onVersion(int exitCode, const QByteArray &output, const QString &failure);
    void setBinary(fd::Expected<HelmBinary, HelmError> binary);

    HelmRunnerSettings m_settings;
    bool m_locating = false;
    std::optional<fd::Expected<HelmBinary, HelmError>> m_binary;
    HelmBinary m_candidate;
    QList<QPointer<HelmJob>> m_waiting;
};

// Parses `helm version --short` ("v3.14.2+gc309b6f", "v4.1.4+g05fa379"); nullopt when unreadable.
std::optional<HelmBinary> parseHelmVersion(const QByteArray &output);

// The HelmError for a helm process that exited with `exitCode` and printed `errorLines`.
HelmError helmErrorFromOutput(int exitCode, const QStringList &errorLines);

} // namespace fd::helm
