#include "kube/transport/CredentialProvider.h"

#include "kube/config/ExecCredentialPlugin.h"
#include "kube/config/Tr.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>

#include <utility>

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

CredentialProvider::CredentialProvider(const ResolvedUser &user, const std::optional<ResolvedCluster> &cluster,
                                       const QString &contextName, QObject *parent)
    : QObject(parent), m_method(user.primaryAuthMethod()), m_userName(user.name)
{
    switch (m_method) {
    case AuthMethod::Token:
        m_token = user.token;
        break;
    case AuthMethod::TokenFile:
        m_token = user.token; // the content at load; refreshed from the file on use
        m_tokenFile = user.tokenFile;
        break;
    case AuthMethod::Basic:
        m_basic = "Basic " + (user.basicAuth->username + u':' + user.basicAuth->password).toUtf8().toBase64();
        break;
    case AuthMethod::Oidc:
        // Legacy auth-provider: the id-token is the bearer; refreshing it needs the IdP, which
        // the kubeconfig loader reports when the token has expired.
        m_token = user.oidcIdToken;
        break;
    case AuthMethod::Exec: {
        ExecPluginSpec spec;
        spec.contextName = contextName;
        spec.exec = *user.exec;
        spec.cluster = cluster;
        m_plugin = new ExecCredentialPlugin(spec, this);
        break;
    }
    case AuthMethod::ClientCertificate:
    case AuthMethod::None:
        break;
    }
    // A client certificate together with an exec plugin: ResolvedUser disables the plugin
    // (client-go's precedence), so only one of them is ever in effect here.
}

CredentialProvider::~CredentialProvider() = default;

bool CredentialProvider::canRefresh() const
{
    return m_method == AuthMethod::Exec || m_method == AuthMethod::TokenFile;
}

void CredentialProvider::readTokenFileIfChanged(bool force)
{
    const QFileInfo info(m_tokenFile);
    if (!info.exists())
        return; // keep the last token: a file being replaced may be briefly absent
    const QDateTime mtime = info.lastModified();
    if (!force && mtime == m_tokenFileMtime && info.size() == m_tokenFileSize)
        return;
    QFile file(m_tokenFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QString token = QString::fromUtf8(file.read(64 * 1024)).trimmed();
    m_tokenFileMtime = mtime;
    m_tokenFileSize = info.size();
    if (token.isEmpty())
        return; // half-written; the next use looks again
    if (token != m_token) {
        m_token = token;
        ++m_generation;
    }
}

CredentialResult CredentialProvider::staticCredential()
{
    if (m_method == AuthMethod::TokenFile)
        readTokenFileIfChanged(false);
    Credential credential;
    credential.generation = m_generation;
    switch (m_method) {
    case AuthMethod::TokenFile:
    case AuthMethod::Token:
    case AuthMethod::Oidc:
        if (!m_token.isEmpty())
            credential.authorization = "Bearer " + m_token.toUtf8();
        break;
    case AuthMethod::Basic:
        credential.authorization = m_basic;
        break;
    case AuthMethod::ClientCertificate:
    case AuthMethod::None:
    case AuthMethod::Exec:
        break;
    }
    return credential;
}

Credential CredentialProvider::fromExec(const ExecCredential &execCredential) const
{
    Credential credential;
    if (!execCredential.token.isEmpty())
        credential.authorization = "Bearer " + execCredential.token.toUtf8();
    credential.clientCertificatePem = execCredential.clientCertificatePem;
    credential.clientKeyPem = execCredential.clientKeyPem;
    credential.generation = execCredential.generation;
    return credential;
}

void CredentialProvider::acquire(QObject *context, Callback callback)
{
    if (m_method != AuthMethod::Exec) {
        callback(staticCredential());
        return;
    }
    if (m_waiters.isEmpty() && !m_watcher) {
        if (auto cached = m_plugin->cachedCredential()) {
            callback(fromExec(*cached));
            return;
        }
    }
    m_waiters.append({QPointer<QObject>(context), std::move(callback)});
    if (!m_watcher)
        startPluginWait();
}

void CredentialProvider::startPluginWait()
{
    // credential() starts (or joins) the one run of this plugin on a worker thread; the
    // watcher tells us on this thread when it is done, so the event loop keeps running.
    m_watcher = new QFutureWatcher<ExecResult>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &CredentialProvider::pluginFinished);
    m_watcher->setFuture(m_plugin->credential());
}

void CredentialProvider::pluginFinished()
{
    QFutureWatcher<ExecResult> *watcher = m_watcher;
    m_watcher = nullptr;
    watcher->deleteLater();
    CredentialResult result = [&]() -> CredentialResult {
        const QFuture<ExecResult> future = watcher->future();
        if (future.isCanceled() || future.resultCount() == 0) {
            KubeError error;
            error.kind = ErrorKind::Config;
            error.reason = ExecPluginError::Cancelled;
            error.message = translate("fd::kube", "the exec credential plugin of user %1 was stopped").arg(m_userName);
            return Unexpected(error);
        }
        const ExecResult &execResult = future.result();
        if (!execResult)
            return Unexpected(execResult.error());
        return fromExec(*execResult);
    }();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(result);
    }
}

bool CredentialProvider::invalidate(quint64 generation)
{
    switch (m_method) {
    case AuthMethod::Exec:
        // Drops the credential unless another request already replaced it; either way the
        // next acquire() yields a credential other than the rejected one (or runs the plugin).
        m_plugin->invalidate(generation);
        return true;
    case AuthMethod::TokenFile: {
        readTokenFileIfChanged(true);
        return m_generation != generation;
    }
    default:
        return false;
    }
}

} // namespace fd::kube

#include "moc_CredentialProvider.cpp"
