#include "kube/transport/KubeSession.h"

#include "kube/config/Tr.h"
#include "kube/transport/AccessReviewCache.h"
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/DiscoveryCache.h"
#include "kube/transport/PodLogStream.h"
#include "kube/transport/RestClient.h"

#include <QThread>

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

Expected<std::unique_ptr<KubeSession>, KubeError> KubeSession::fromContext(const ContextEntry &context,
                                                                           const ProxyEnvironment &environment)
{
    if (!context.isUsable()) {
        KubeError error;
        error.kind = ErrorKind::Config;
        const auto problem = context.firstError();
        error.message = problem ? problem->toString()
                                : translate("fd::kube", "context %1 has no usable cluster or user").arg(context.name);
        return Unexpected(error);
    }
    auto settings = ConnectionSettings::fromKubeconfig(*context.cluster, *context.user, environment);
    if (!settings)
        return Unexpected(settings.error());
    return std::make_unique<KubeSession>(context.name, *settings, *context.user, context.cluster);
}

KubeSession::KubeSession(const QString &name, const ConnectionSettings &settings, const ResolvedUser &user,
                         const std::optional<ResolvedCluster> &cluster, QObject *parent)
    : QObject(parent), m_name(name)
{
    m_credentials = new CredentialProvider(user, cluster, name, this);
    m_rest = new RestClient(settings, m_credentials, this);
    m_discovery = new DiscoveryCache(m_rest, this);
    m_accessReviews = new AccessReviewCache(m_rest, this);
}

KubeSession::~KubeSession()
{
    // Requests first: they refer to the credential provider and the pool.
    delete m_accessReviews;
    delete m_discovery;
    delete m_rest;
}

const ConnectionSettings &KubeSession::settings() const
{
    return m_rest->settings();
}

QString KubeSession::securityWarning() const
{
    return settings().securityWarning();
}

PodLogStream *KubeSession::openPodLog(const QString &namespaceName, const QString &pod, const PodLogOptions &options)
{
    return new PodLogStream(m_rest, namespaceName, pod, options, this);
}

KubeSessionThread::KubeSessionThread(std::unique_ptr<KubeSession> session)
    : m_thread(std::make_unique<QThread>())
{
    m_session = session.release();
    m_thread->setObjectName(u"kube:"_s + m_session->name());
    m_session->moveToThread(m_thread.get());
    m_thread->start();
}

KubeSessionThread::~KubeSessionThread()
{
    if (m_session) {
        // Destroyed on its own thread, where its managers and sockets live.
        QMetaObject::invokeMethod(m_session, [session = m_session] { delete session; }, Qt::BlockingQueuedConnection);
        m_session = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
}

void KubeSessionThread::post(std::function<void(KubeSession &)> work) const
{
    KubeSession *session = m_session;
    QMetaObject::invokeMethod(session, [session, work = std::move(work)] { work(*session); }, Qt::QueuedConnection);
}

} // namespace fd::kube

#include "moc_KubeSession.cpp"
