#include "sim/controllers/Reconciler.h"

#include <algorithm>
#include <utility>

namespace fd::sim {

Reconciler::Reconciler(ControllerContext *context, QObject *parent) : QObject(parent), m_ctx(context)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &Reconciler::drain);
}

void Reconciler::start()
{
    prime();
    connect(m_ctx->store(), &ObjectStore::committed, this, [this](const StoreEvent &event) { observe(event); });
    const QStringList keys = initialKeys();
    for (const QString &key : keys)
        enqueue(key);
}

void Reconciler::enqueue(const QString &key)
{
    if (m_queued.contains(key))
        return;
    m_queued.insert(key);
    m_queue.append(key);
    if (!m_timer.isActive())
        m_timer.start();
}

void Reconciler::enqueueAfter(const QString &key, int delayMs)
{
    if (delayMs <= 0) {
        enqueue(key);
        return;
    }
    QTimer::singleShot(delayMs, this, [this, key] { enqueue(key); });
}

void Reconciler::retryLater(const QString &key)
{
    const int failures = m_failures.value(key, 0);
    m_failures.insert(key, failures + 1);
    const qint64 delay = static_cast<qint64>(m_ctx->timing.retryBaseMs) << std::min(failures, 16);
    enqueueAfter(key, static_cast<int>(std::min<qint64>(delay, m_ctx->timing.retryMaxMs)));
}

void Reconciler::forgetFailures(const QString &key)
{
    m_failures.remove(key);
}

void Reconciler::settle(const QString &key, bool succeeded)
{
    if (succeeded)
        forgetFailures(key);
    else
        retryLater(key);
}

void Reconciler::drain()
{
    // Keys queued while this batch runs (our own writes echo back through observe())
    // wait for the next round, so one pass never loops on itself.
    const QStringList batch = std::exchange(m_queue, {});
    for (const QString &key : batch)
        m_queued.remove(key);
    for (const QString &key : batch)
        reconcile(key);
}

QString objectKey(const QString &namespaceName, const QString &name)
{
    return namespaceName.isEmpty() ? name : namespaceName + QLatin1Char('/') + name;
}

QString namespaceOfKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : key.left(slash);
}

QString nameOfKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return slash < 0 ? key : key.mid(slash + 1);
}

} // namespace fd::sim

#include "moc_Reconciler.cpp"
