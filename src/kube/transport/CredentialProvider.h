#pragma once

#include "common/Expected.h"
#include "kube/config/Kubeconfig.h"
#include "kube/core/KubeError.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

template<typename T>
class QFutureWatcher;

// Puts the kubeconfig user's credentials on requests (kube-protocol.md §1–2):
//  - a static token or an OIDC id-token: `Authorization: Bearer …`;
//  - a token file: re-read whenever its modification time or size changes (checked on every
//    use: a stat is cheap), and once more after a 401; client-go re-reads it about every minute;
//  - basic auth: `Authorization: Basic …`;
//  - an exec plugin, through ExecCredentialPlugin (shared per plugin and cluster, cached until
//    shortly before expirationTimestamp, never run twice at once): the plugin runs on a worker
//    thread, and every request that asks meanwhile waits for that one run without blocking
//    this thread's event loop. Certificates it returns (clientCertificateData/clientKeyData)
//    come back in the Credential for the TLS layer.
// After a 401 the caller calls invalidate(generation); when it returns true a fresh credential
// may differ, and the caller retries once.
//
// Lives on the session thread; acquire() and invalidate() are called there. Never logs or
// returns credential values in error texts.

namespace fd::kube {

class ExecCredentialPlugin;
struct ExecCredential;

struct Credential {
    QByteArray authorization;        // full Authorization header value; empty = send none
    QByteArray clientCertificatePem; // from an exec plugin; empty = the kubeconfig's (if any)
    QByteArray clientKeyPem;
    quint64 generation = 0;          // changes whenever the credential changes
};

using CredentialResult = Expected<Credential, KubeError>;

class CredentialProvider : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialResult &)>;

    // `cluster` is passed to exec plugins with provideClusterInfo; `contextName` names the
    // context in plugin messages.
    CredentialProvider(const ResolvedUser &user, const std::optional<ResolvedCluster> &cluster,
                       const QString &contextName, QObject *parent = nullptr);
    ~CredentialProvider() override;

    // Calls `callback` with a usable credential: at once (before acquire() returns) when one is
    // at hand, else when the exec plugin's run finishes. The callback is dropped when `context`
    // is destroyed first.
    void acquire(QObject *context, Callback callback);

    // After a 401 answered a request that carried `generation`. True when trying again may help
    // (the exec plugin will run again, or the token file now holds another token).
    bool invalidate(quint64 generation);

    // Whether a 401 can ever be cured by asking again (exec plugin or token file).
    bool canRefresh() const;
    AuthMethod method() const { return m_method; }
    // The exec plugin (null for other methods), e.g. to show its stderr (device codes).
    ExecCredentialPlugin *execPlugin() const { return m_plugin; }

private:
    struct Waiter {
        QPointer<QObject> context;
        Callback callback;
    };

    CredentialResult staticCredential();
    void readTokenFileIfChanged(bool force);
    void startPluginWait();
    void pluginFinished();
    Credential fromExec(const ExecCredential &credential) const;

    AuthMethod m_method = AuthMethod::None;
    QString m_userName;
    QString m_token;           // current bearer (static, OIDC or from the token file)
    QString m_tokenFile;
    QDateTime m_tokenFileMtime;
    qint64 m_tokenFileSize = -1;
    QByteArray m_basic;        // "Basic …"
    quint64 m_generation = 1;  // for non-exec credentials
    ExecCredentialPlugin *m_plugin = nullptr; // child: moves to the session thread with us
    QFutureWatcher<Expected<ExecCredential, KubeError>> *m_watcher = nullptr;
    QList<Waiter> m_waiters;
};

} // namespace fd::kube
