#pragma once

#include "sim/api/ObjectStore.h"
#include "sim/controllers/ControllerContext.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace fd::sim {

// The work-queue half of a kube-controller-manager controller. Store commits only mark keys
// dirty (observe() never writes: it runs inside ObjectStore::committed, in the middle of
// someone else's write); a zero-delay timer then reconciles each dirty key once. A failed
// reconcile is retried with exponential back-off like client-go's rate-limited queue.
class Reconciler : public QObject {
    Q_OBJECT
public:
    Reconciler(ControllerContext *context, QObject *parent = nullptr);

    // Subscribes to the store and queues what already exists (initialKeys()).
    void start();
    void enqueue(const QString &key);
    void enqueueAfter(const QString &key, int delayMs);
    // Keys waiting to be reconciled; for tests and diagnostics.
    int pending() const { return static_cast<int>(m_queued.size()); }

protected:
    virtual void observe(const StoreEvent &event) = 0;
    virtual void reconcile(const QString &key) = 0;
    virtual QStringList initialKeys() const { return {}; }
    // Runs once in start() before the first commit is observed (e.g. to build an index).
    virtual void prime() {}

    // Reconcile `key` again later, backing off further on each consecutive failure.
    void retryLater(const QString &key);
    // A successful reconcile resets the back-off.
    void forgetFailures(const QString &key);
    // Ends a reconcile of `key`: resets the back-off after success, retries later otherwise.
    void settle(const QString &key, bool succeeded);

    ControllerContext *m_ctx;

private:
    void drain();

    QStringList m_queue;
    QSet<QString> m_queued;
    QHash<QString, int> m_failures;
    QTimer m_timer;
};

// "namespace/name" keys as the workqueue uses them (cluster-scoped: "name").
QString objectKey(const QString &namespaceName, const QString &name);
QString namespaceOfKey(const QString &key);
QString nameOfKey(const QString &key);

} // namespace fd::sim
