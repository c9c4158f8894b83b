#include "kube/config/ExecCredentialPlugin.h"

#include "kube/config/ExecCommandResolver.h"
#include "kube/config/Redaction.h"
#include "kube/config/Tr.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace fd::kube {

using detail::translate;

namespace {

constexpr int kSliceMs = 50;
constexpr qsizetype kStderrInMessage = 2000; // characters of stderr quoted in an error

QThreadPool &pluginPool()
{
    // Plugins mostly wait (for a browser login, a cloud API): a pool of their own so they
    // never starve QtConcurrent's global pool.
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(16);
        pool.setExpiryTimeout(30'000);
        return true;
    }();
    Q_UNUSED(configured)
    return pool;
}

KubeError execError(const QString &reason, const QString &message)
{
    KubeError error;
    error.kind = ErrorKind::Config;
    error.reason = reason;
    error.message = message;
    return error;
}

QString stderrTail(const QString &stderrText)
{
    QString text = stderrText.trimmed();
    if (text.size() > kStderrInMessage)
        text = QStringLiteral("…") + text.right(kStderrInMessage);
    return text;
}

} // namespace

QString ExecPluginSpec::cacheKey() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &value) {
        hash.addData(value.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    };
    add(exec.command);
    add(exec.commandOverride);
    add(exec.apiVersion);
    add(exec.provideClusterInfo ? QStringLiteral("1") : QStringLiteral("0"));
    add(QString::number(static_cast<int>(exec.interactiveMode)));
    for (const QString &arg : exec.args)
        add(arg);
    add(QStringLiteral("--env--"));
    for (const ExecEnvVar &var : exec.env) {
        add(var.name);
        add(var.value);
    }
    if (cluster) {
        add(cluster->server.toString());
        add(QString::fromLatin1(cluster->caPem));
        add(cluster->tlsServerName);
        add(cluster->proxyUrl.toString());
        add(cluster->insecureSkipTlsVerify ? QStringLiteral("1") : QStringLiteral("0"));
        add(cluster->disableCompression ? QStringLiteral("1") : QStringLiteral("0"));
    }
    return QString::fromLatin1(hash.result().toHex());
}

struct ExecCredentialPlugin::State {
    mutable QMutex mutex;
    ExecPluginSpec spec;
    Clock clock = [] { return QDateTime::currentDateTimeUtc(); };
    std::shared_ptr<const ExecCommandResolver> resolver;
    int refreshMarginSeconds = 60;
    std::optional<ExecCredential> cached;
    QFuture<ExecResult> inflight;
    bool hasInflight = false;
    quint64 generation = 0;
    int runs = 0;
    // The handles sharing this state; each removes itself (under mutex) when it dies. With
    // none left, a running plugin is stopped.
    QList<ExecCredentialPlugin *> owners;
    std::atomic<bool> cancelled{false};

    bool usable(const ExecCredential &credential, const QDateTime &now) const
    {
        if (!credential.expirationTimestamp.isValid())
            return true;
        const qint64 lifetime = credential.obtainedAt.isValid() ? credential.obtainedAt.secsTo(credential.expirationTimestamp) : 0;
        const qint64 margin = std::clamp<qint64>(lifetime / 2, 0, refreshMarginSeconds);
        return now < credential.expirationTimestamp.addSecs(-margin);
    }

    // Posts to each owner's thread. Called with the mutex NOT held.
    template<typename Fn>
    void notify(const Fn &fn)
    {
        QMutexLocker lock(&mutex);
        for (ExecCredentialPlugin *owner : std::as_const(owners))
            QMetaObject::invokeMethod(owner, [owner, fn] { fn(owner); }, Qt::QueuedConnection);
    }

    ExecResult run();
};

ExecResult ExecCredentialPlugin::State::run()
{
    ExecPluginSpec snapshot;
    std::shared_ptr<const ExecCommandResolver> commandResolver;
    {
        QMutexLocker lock(&mutex);
        snapshot = spec;
        commandResolver = resolver;
        ++runs;
    }
    const ExecConfig &exec = snapshot.exec;
    const QString name = QFileInfo(exec.command).fileName();
    const QStringList known = exec.secretValues();

    if (exec.interactiveMode == ExecInteractiveMode::Always) {
        return fd::Unexpected(execError(ExecPluginError::NeedsTerminal,
                                        translate("fd::kube", "exec plugin %1 has interactiveMode Always and needs a terminal, "
                                                              "which Fission Desk does not have; it was not run (set "
                                                              "interactiveMode to IfAvailable or Never)")
                                            .arg(name)));
    }
    if (!isSupportedExecApiVersion(exec.apiVersion)) {
        return fd::Unexpected(execError(ExecPluginError::BadOutput,
                                        translate("fd::kube", "exec plugin %1: apiVersion %2 is not supported (expected "
                                                              "client.authentication.k8s.io/v1 or v1beta1)")
                                            .arg(name, exec.apiVersion)));
    }
    if (!commandResolver)
        commandResolver = std::make_shared<const ExecCommandResolver>();
    const auto resolved = commandResolver->resolve(exec.command, exec.commandOverride, exec.installHint);
    if (!resolved)
        return fd::Unexpected(execError(ExecPluginError::NotFound, resolved.error()));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PATH"), resolved->childPathVariable);
    for (const ExecEnvVar &var : exec.env)
        environment.insert(var.name, var.value);
    environment.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
                       QString::fromUtf8(buildExecInfo(exec, snapshot.cluster ? &*snapshot.cluster : nullptr, false)));

    QProcess process;
    process.setProgram(resolved->path);
    process.setArguments(exec.args);
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer elapsed;
    elapsed.start();
    process.start();
    if (!process.waitForStarted(std::max(1000, snapshot.timeoutMs))) {
        return fd::Unexpected(execError(ExecPluginError::StartFailed, translate("fd::kube", "exec plugin %1 could not be started: %2")
                                                                          .arg(resolved->path, process.errorString())));
    }

    QString stderrText;
    QByteArray stdoutData;
    QByteArray pendingStderr;
    qint64 stderrBytes = 0;
    const auto drainStderr = [&](bool flushAll) {
        pendingStderr += process.readAllStandardError();
        // Forward whole lines (a device code prompt is one), or everything at the end.
        qsizetype cut = flushAll ? pendingStderr.size() : pendingStderr.lastIndexOf('\n') + 1;
        if (cut <= 0)
            return;
        const QString chunk = redactAll(QString::fromUtf8(pendingStderr.left(cut)), known);
        pendingStderr.remove(0, cut);
        stderrBytes += cut;
        if (stderrBytes <= snapshot.maxOutputBytes)
            stderrText += chunk;
        notify([chunk](ExecCredentialPlugin *owner) { Q_EMIT owner->pluginStderr(chunk); });
    };
    const auto stop = [&process] {
        process.kill();
        process.waitForFinished(2000);
    };

    enum class Outcome { Finished, TimedOut, Cancelled, TooMuchOutput };
    Outcome outcome = Outcome::Finished;
    while (true) {
        const bool finished = process.waitForFinished(kSliceMs);
        stdoutData += process.readAllStandardOutput();
        drainStderr(false);
        if (finished || process.state() == QProcess::NotRunning)
            break;
        if (cancelled.load()) {
            outcome = Outcome::Cancelled;
            break;
        }
        if (stdoutData.size() > snapshot.maxOutputBytes) {
            outcome = Outcome::TooMuchOutput;
            break;
        }
        if (elapsed.elapsed() > snapshot.timeoutMs) {
            outcome = Outcome::TimedOut;
            break;
        }
    }
    if (outcome != Outcome::Finished)
        stop();
    stdoutData += process.readAllStandardOutput();
    drainStderr(true);

    const QString tail = stderrTail(stderrText);
    const QString withStderr = tail.isEmpty() ? QString() : translate("fd::kube", "; stderr: %1").arg(tail);
    switch (outcome) {
    case Outcome::Cancelled:
        return fd::Unexpected(execError(ExecPluginError::Cancelled, translate("fd::kube", "exec plugin %1 was cancelled").arg(name)));
    case Outcome::TimedOut:
        return fd::Unexpected(execError(ExecPluginError::Timeout,
                                        translate("fd::kube", "exec plugin %1 did not finish within %2 s and was stopped")
                                                .arg(name)
                                                .arg(snapshot.timeoutMs / 1000.0)
                                            + withStderr));
    case Outcome::TooMuchOutput:
        return fd::Unexpected(execError(ExecPluginError::BadOutput,
                                        translate("fd::kube", "exec plugin %1 printed more than %2 bytes and was stopped")
                                            .arg(name)
                                            .arg(snapshot.maxOutputBytes)));
    case Outcome::Finished:
        break;
    }
    if (process.exitStatus() == QProcess::CrashExit) {
        return fd::Unexpected(execError(ExecPluginError::Failed,
                                        translate("fd::kube", "exec plugin %1 crashed").arg(name) + withStderr));
    }
    if (process.exitCode() != 0) {
        return fd::Unexpected(execError(ExecPluginError::Failed, translate("fd::kube", "exec plugin %1 failed with exit code %2")
                                                                         .arg(name)
                                                                         .arg(process.exitCode())
                                                                     + withStderr));
    }
    auto parsed = parseExecCredential(stdoutData, exec.apiVersion);
    if (!parsed) {
        return fd::Unexpected(execError(ExecPluginError::BadOutput,
                                        translate("fd::kube", "exec plugin %1: %2").arg(name, redactAll(parsed.error(), known))
                                            + withStderr));
    }
    ExecCredential credential = std::move(parsed).value();
    quint64 generationNow = 0;
    {
        QMutexLocker lock(&mutex);
        credential.obtainedAt = clock();
        credential.generation = ++generation;
        generationNow = credential.generation;
        cached = credential;
    }
    const QDateTime expiry = credential.expirationTimestamp;
    notify([generationNow, expiry](ExecCredentialPlugin *owner) { Q_EMIT owner->credentialRefreshed(generationNow, expiry); });
    return credential;
}

namespace {

// Plugin states by ExecPluginSpec::cacheKey(): every handle for the same plugin shares one
// state (cache, in-flight run), so two sessions for one user never run it twice at once.
QMutex &registryMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, std::weak_ptr<ExecCredentialPlugin::State>> &registry()
{
    static QHash<QString, std::weak_ptr<ExecCredentialPlugin::State>> states;
    return states;
}

} // namespace

ExecCredentialPlugin::ExecCredentialPlugin(ExecPluginSpec spec, QObject *parent) : QObject(parent), m_spec(std::move(spec))
{
    const QString key = m_spec.cacheKey();
    {
        QMutexLocker lock(&registryMutex());
        auto &states = registry();
        for (auto it = states.begin(); it != states.end();) {
            if (it->expired())
                it = states.erase(it);
            else
                ++it;
        }
        m_state = states.value(key).lock();
        if (!m_state) {
            m_state = std::make_shared<State>();
            m_state->spec = m_spec;
            states.insert(key, m_state);
        }
    }
    QMutexLocker lock(&m_state->mutex);
    m_state->owners.append(this);
    m_state->cancelled.store(false);
}

ExecCredentialPlugin::~ExecCredentialPlugin()
{
    State *state = m_state.get();
    if (!state)
        return;
    QMutexLocker lock(&state->mutex);
    state->owners.removeAll(this);
    if (state->owners.isEmpty())
        state->cancelled.store(true);
}

void ExecCredentialPlugin::setClock(Clock clock)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->clock = std::move(clock);
}

void ExecCredentialPlugin::setCommandResolver(std::shared_ptr<const ExecCommandResolver> resolver)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->resolver = std::move(resolver);
}

void ExecCredentialPlugin::setRefreshMargin(int seconds)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->refreshMarginSeconds = std::max(0, seconds);
}

QFuture<ExecResult> ExecCredentialPlugin::credential()
{
    QMutexLocker lock(&m_state->mutex);
    if (m_state->cached && m_state->usable(*m_state->cached, m_state->clock()))
        return QtFuture::makeReadyFuture(ExecResult(*m_state->cached));
    if (m_state->hasInflight && !m_state->inflight.isFinished())
        return m_state->inflight;
    std::shared_ptr<State> state = m_state;
    m_state->inflight = QtConcurrent::run(&pluginPool(), [state] { return state->run(); });
    m_state->hasInflight = true;
    return m_state->inflight;
}

std::optional<ExecCredential> ExecCredentialPlugin::cachedCredential() const
{
    QMutexLocker lock(&m_state->mutex);
    if (m_state->cached && m_state->usable(*m_state->cached, m_state->clock()))
        return m_state->cached;
    return std::nullopt;
}

bool ExecCredentialPlugin::invalidate(quint64 rejectedGeneration)
{
    QMutexLocker lock(&m_state->mutex);
    if (!m_state->cached || m_state->cached->generation != rejectedGeneration)
        return false;
    m_state->cached.reset();
    return true;
}

void ExecCredentialPlugin::invalidate()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->cached.reset();
}

int ExecCredentialPlugin::runCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->runs;
}

} // namespace fd::kube

#include "moc_ExecCredentialPlugin.cpp"
