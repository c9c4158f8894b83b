#pragma once

#include "common/Expected.h"
#include "kube/config/ExecCredential.h"
#include "kube/config/Kubeconfig.h"
#include "kube/core/KubeError.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

// Runs one exec credential plugin (kube-protocol.md §2) the way client-go's exec authenticator
// does, but for a GUI: never interactively, off the calling thread, with a timeout.
//
//  - credential() returns a QFuture: a cached credential (ready at once) or the result of one
//    run of the plugin on a worker thread. Concurrent callers share that one run: the same
//    plugin never runs twice at the same time.
//  - The plugin gets the parent environment + `env[]` + KUBERNETES_EXEC_INFO
//    (interactive:false; the cluster only with provideClusterInfo); stdin is /dev/null.
//    interactiveMode Always fails at once with a clear message, without running anything.
//  - The command is found by ExecCommandResolver (PATH, the login shell's PATH, usual install
//    locations, the per-context override); "not found" names every path tried and the
//    installHint.
//  - stderr (device-code prompts) is forwarded while the plugin runs, through pluginStderr(),
//    and is part of the error message when the plugin fails (redacted).
//  - A credential is reused until shortly before it expires (refreshMargin(), 60 s, but at
//    most half its lifetime); one without expiry until invalidate(). After a 401 call
//    invalidate(generation): it drops the credential only if no other request has rotated it
//    yet, so a burst of 401s causes one refresh.
//  - Objects created for the same plugin (equal ExecPluginSpec::cacheKey(): command, args, env,
//    apiVersion, cluster) share one state — cache, in-flight run, clock, resolver and refresh
//    margin — even across threads, so two sessions of one user never run it twice at once
//    (think of two device-code prompts). The first object's timeout applies.
//
// Errors are KubeError{kind = Config, reason = one of ExecPluginError, message}; messages never
// contain the token, key or env values. Thread-safe; the signals are emitted in the thread
// this object lives in. Destroying the object kills a running plugin (without waiting).

namespace fd::kube {

class ExecCommandResolver;

// KubeError::reason values of exec plugin failures.
namespace ExecPluginError {
inline const QString NotFound = QStringLiteral("ExecPluginNotFound");
inline const QString NeedsTerminal = QStringLiteral("ExecPluginNeedsTerminal");
inline const QString StartFailed = QStringLiteral("ExecPluginStartFailed");
inline const QString Failed = QStringLiteral("ExecPluginFailed");      // non-zero exit or crash
inline const QString Timeout = QStringLiteral("ExecPluginTimeout");
inline const QString BadOutput = QStringLiteral("ExecPluginBadOutput"); // stdout is not a usable ExecCredential
inline const QString Cancelled = QStringLiteral("ExecPluginCancelled");
} // namespace ExecPluginError

struct ExecPluginSpec {
    QString contextName;                    // for messages only
    ExecConfig exec;                        // from the kubeconfig (ResolvedUser::exec)
    std::optional<ResolvedCluster> cluster; // for provideClusterInfo
    int timeoutMs = 60'000;
    qint64 maxOutputBytes = 1024 * 1024;    // stdout and stderr, each

    // One plugin instance per key (client-go: one authenticator per exec config + cluster).
    // A hash: it contains no secret.
    QString cacheKey() const;
};

using ExecResult = fd::Expected<ExecCredential, KubeError>;

class ExecCredentialPlugin : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    explicit ExecCredentialPlugin(ExecPluginSpec spec, QObject *parent = nullptr);
    ~ExecCredentialPlugin() override;

    const ExecPluginSpec &spec() const { return m_spec; }

    // Replaces the time source used for expiry decisions (tests step a fake clock).
    void setClock(Clock clock);
    void setCommandResolver(std::shared_ptr<const ExecCommandResolver> resolver);
    void setRefreshMargin(int seconds);

    // A valid credential: the cached one, or one fresh run (shared by concurrent callers).
    QFuture<ExecResult> credential();
    // The cached credential if it is still good to use (no run).
    std::optional<ExecCredential> cachedCredential() const;
    // After a 401 with the credential of `rejectedGeneration`: forget it unless it was
    // already replaced. True when it was dropped (the next credential() runs the plugin).
    bool invalidate(quint64 rejectedGeneration);
    // Forget the cached credential unconditionally.
    void invalidate();
    // How many times the plugin was started (or attempted), for diagnostics and tests.
    int runCount() const;

Q_SIGNALS:
    // A chunk of the plugin's stderr (redacted), as it arrives: device codes, prompts, warnings.
    void pluginStderr(const QString &text);
    void credentialRefreshed(quint64 generation, const QDateTime &expirationTimestamp);

public:
    struct State; // shared by every handle with the same ExecPluginSpec::cacheKey()

private:
    ExecPluginSpec m_spec;
    std::shared_ptr<State> m_state;
};

} // namespace fd::kube
