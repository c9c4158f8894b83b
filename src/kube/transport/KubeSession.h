#pragma once

#include "common/Expected.h"
#include "kube/config/Kubeconfig.h"
#include "kube/core/KubeError.h"
#include "kube/transport/ConnectionSettings.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

// One connection to one cluster: the composition root of the transport module.
//
// Threading: a KubeSession is a QObject that lives on ONE thread — normally a thread of its own,
// given to it by KubeSessionThread — and everything it owns (RestClient, the network managers,
// the credential provider, DiscoveryCache, AccessReviewCache, streams and log streams it opens)
// lives and is used on that thread only. Other threads talk to it with
// QMetaObject::invokeMethod(session, …) (or KubeSessionThread::post()), and get answers through
// callbacks with a context object of their own thread (RestClient::send) or queued signals.
// Network managers are created lazily on first use, so they are born on the session thread even
// when the session object was built elsewhere and moved.

namespace fd::kube {

class AccessReviewCache;
class CredentialProvider;
class DiscoveryCache;
class PodLogStream;
class RestClient;
struct PodLogOptions;

class KubeSession : public QObject {
    Q_OBJECT
public:
    // From a usable kubeconfig context (ContextEntry::isUsable()); Config error otherwise.
    static Expected<std::unique_ptr<KubeSession>, KubeError> fromContext(const ContextEntry &context,
                                                                         const ProxyEnvironment &environment = ProxyEnvironment::fromProcess());
    // From parts (tests, or a cluster that does not come from a kubeconfig).
    KubeSession(const QString &name, const ConnectionSettings &settings, const ResolvedUser &user,
                const std::optional<ResolvedCluster> &cluster = std::nullopt, QObject *parent = nullptr);
    ~KubeSession() override;

    const QString &name() const { return m_name; }
    const ConnectionSettings &settings() const;
    // Shown next to the cluster when its TLS is not verified (insecure-skip-tls-verify).
    QString securityWarning() const;

    RestClient *rest() const { return m_rest; }
    CredentialProvider *credentials() const { return m_credentials; }
    DiscoveryCache *discovery() const { return m_discovery; }
    AccessReviewCache *accessReviews() const { return m_accessReviews; }

    // GET pods/<pod>/log as a PodLogStream (a child of the session; start() it).
    PodLogStream *openPodLog(const QString &namespaceName, const QString &pod, const PodLogOptions &options);

private:
    QString m_name;
    CredentialProvider *m_credentials = nullptr;
    RestClient *m_rest = nullptr;
    DiscoveryCache *m_discovery = nullptr;
    AccessReviewCache *m_accessReviews = nullptr;
};

// Owns a KubeSession and the thread it runs on (used from the thread that created it).
// The destructor stops the thread; the session is destroyed on its own thread first, so its
// network managers die where they were born.
class KubeSessionThread {
public:
    explicit KubeSessionThread(std::unique_ptr<KubeSession> session);
    ~KubeSessionThread();
    KubeSessionThread(const KubeSessionThread &) = delete;
    KubeSessionThread &operator=(const KubeSessionThread &) = delete;

    // Only for QMetaObject::invokeMethod and queued connections from other threads.
    KubeSession *session() const { return m_session; }
    QThread *thread() const { return m_thread.get(); }
    // Runs `work` on the session thread (asynchronously).
    void post(std::function<void(KubeSession &)> work) const;

private:
    std::unique_ptr<QThread> m_thread;
    KubeSession *m_session = nullptr;
};

} // namespace fd::kube
