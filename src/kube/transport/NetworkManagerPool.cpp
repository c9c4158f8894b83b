#include "kube/transport/NetworkManagerPool.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace fd::kube {

NetworkManagerPool::NetworkManagerPool(const QNetworkProxy &proxy, QObject *parent)
    : QObject(parent), m_proxy(proxy)
{
}

NetworkManagerPool::~NetworkManagerPool()
{
    // The managers are our children; their replies (children of the managers) go with them.
}

QNetworkAccessManager *NetworkManagerPool::create(Use use)
{
    auto *manager = new QNetworkAccessManager(this);
    manager->setProxy(m_proxy);
    // Redirects are not part of the Kubernetes API; an auth proxy redirecting to a login
    // page must surface as an error, not as HTML parsed as JSON.
    manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_entries.append({manager, use, 0, false});
    return manager;
}

NetworkManagerPool::Entry *NetworkManagerPool::find(QNetworkAccessManager *manager)
{
    for (Entry &entry : m_entries) {
        if (entry.manager == manager)
            return &entry;
    }
    return nullptr;
}

QNetworkAccessManager *NetworkManagerPool::acquire(Use use)
{
    Entry *chosen = nullptr;
    for (Entry &entry : m_entries) {
        if (entry.retired || entry.use != use)
            continue;
        if (use == Use::Call || entry.active < m_streamsPerManager) {
            chosen = &entry;
            break;
        }
    }
    QNetworkAccessManager *manager = chosen ? chosen->manager : create(use);
    ++find(manager)->active;
    return manager;
}

void NetworkManagerPool::release(QNetworkAccessManager *manager)
{
    Entry *entry = find(manager);
    if (!entry)
        return;
    entry->active = qMax(0, entry->active - 1);
    dropIfIdle(manager);
}

void NetworkManagerPool::dropIfIdle(QNetworkAccessManager *manager)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        if (entry.manager != manager)
            continue;
        // Idle stream managers beyond the first go too: after a burst of streams ends, the
        // pool shrinks back instead of holding connections open.
        const bool surplusStream = entry.use == Use::Stream && entry.active == 0 && streamManagerCount() > 1;
        if (entry.active == 0 && (entry.retired || surplusStream)) {
            // Later: the reply that released it may still be on the stack.
            entry.manager->deleteLater();
            m_entries.removeAt(i);
        }
        return;
    }
}

void NetworkManagerPool::retireAll()
{
    QList<QNetworkAccessManager *> idle;
    for (Entry &entry : m_entries) {
        entry.retired = true;
        if (entry.active == 0)
            idle.append(entry.manager);
    }
    for (QNetworkAccessManager *manager : idle)
        dropIfIdle(manager);
}

int NetworkManagerPool::streamManagerCount() const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.use == Use::Stream && !entry.retired ? 1 : 0;
    return count;
}

int NetworkManagerPool::activeStreams() const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.use == Use::Stream ? entry.active : 0;
    return count;
}

int NetworkManagerPool::activeCalls() const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.use == Use::Call ? entry.active : 0;
    return count;
}

} // namespace fd::kube

#include "moc_NetworkManagerPool.cpp"
