#include "engine/onboarding/MaintenanceScheduler.h"

#include "engine/onboarding/MaintenanceQueue.h"

#include <QTimer>

namespace fd::engine::onboarding {

MaintenanceScheduler::MaintenanceScheduler(MaintenanceQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_timer(new QTimer(this))
{
    // Polling, not one timer per batch: a wall-clock time survives sleep and clock changes this way.
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &MaintenanceScheduler::check);
    connect(m_queue, &MaintenanceQueue::changed, this, &MaintenanceScheduler::onQueueChanged);
}

MaintenanceScheduler::~MaintenanceScheduler() = default;

void MaintenanceScheduler::setCheckInterval(int ms)
{
    m_timer->setInterval(ms);
}

void MaintenanceScheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    const QDateTime now = clock();
    for (const QString &context : m_queue->contexts()) {
        const QueuedBatch batch = m_queue->batch(context);
        if (batch.scheduledAt && *batch.scheduledAt <= now) {
            m_reported.insert(context, *batch.scheduledAt);
            Q_EMIT missed(context);
        }
    }
    m_timer->start();
}

void MaintenanceScheduler::check()
{
    if (!m_started)
        return;
    const QDateTime now = clock();
    for (const QString &context : m_queue->contexts()) {
        const QueuedBatch batch = m_queue->batch(context);
        if (!batch.scheduledAt || *batch.scheduledAt > now)
            continue;
        if (m_reported.value(context) == *batch.scheduledAt)
            continue;
        m_reported.insert(context, *batch.scheduledAt);
        Q_EMIT due(context);
    }
}

void MaintenanceScheduler::onQueueChanged(const QString &context)
{
    const QueuedBatch batch = m_queue->batch(context);
    if (!batch.scheduledAt || m_reported.value(context) != *batch.scheduledAt)
        m_reported.remove(context);
}

} // namespace fd::engine::onboarding

#include "moc_MaintenanceScheduler.cpp"
