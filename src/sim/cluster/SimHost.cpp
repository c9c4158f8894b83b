#include "sim/cluster/SimHost.h"

namespace fd::sim {

SimHost::SimHost(const SimClusterOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
}

SimHost::~SimHost()
{
    stop();
}

Expected<void, QString> SimHost::start(const Setup &setup)
{
    if (m_thread)
        return Unexpected(QStringLiteral("already started"));
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("sim-") + m_options.name);
    // A context object living on the new thread runs the construction there: the cluster's
    // sockets, timers and children must belong to that thread.
    auto *context = new QObject;
    context->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, context, &QObject::deleteLater);
    m_thread->start();
    Expected<void, QString> outcome;
    QMetaObject::invokeMethod(
        context,
        [this, setup, &outcome] {
            m_cluster = new SimCluster(m_options);
            outcome = m_cluster->start();
            if (outcome && setup)
                outcome = setup(*m_cluster);
            if (outcome) {
                m_url = m_cluster->url();
                m_users = m_cluster->users();
                m_caPem = m_cluster->caCertificatePem();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!outcome)
        stop();
    return outcome;
}

void SimHost::run(const std::function<void(SimCluster &)> &work) const
{
    if (!m_cluster)
        return;
    QMetaObject::invokeMethod(m_cluster, [this, &work] { work(*m_cluster); }, Qt::BlockingQueuedConnection);
}

void SimHost::stop()
{
    if (!m_thread)
        return;
    if (m_cluster) {
        SimCluster *cluster = m_cluster;
        m_cluster = nullptr;
        QMetaObject::invokeMethod(cluster, [cluster] { delete cluster; }, Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

} // namespace fd::sim

#include "moc_SimHost.cpp"
