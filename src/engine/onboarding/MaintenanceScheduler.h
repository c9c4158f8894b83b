#pragma once

#include <QDateTime>
#include <QObject>
#include <QHash>

#include <functional>

class QTimer;

// Tells when a queued batch's time has come (MaintenanceQueue). It never runs anything itself:
// the app plans and upgrades on due(), and asks the admin on missed().
//  - missed(context): at start(), a batch whose time passed while the app was not running. It
//    is never run late silently; it stays missed until rescheduled, applied or discarded.
//  - due(context): while running, once the clock reaches a batch's time (checked every
//    checkIntervalMs, so also after the machine slept). Each time fires once.
// The clock is injected so tests move time instead of waiting for it.

namespace fd::engine::onboarding {

class MaintenanceQueue;

class MaintenanceScheduler : public QObject {
    Q_OBJECT
public:
    explicit MaintenanceScheduler(MaintenanceQueue *queue, QObject *parent = nullptr);
    ~MaintenanceScheduler() override;

    // The current time (UTC). Tests replace it.
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    void setCheckInterval(int ms);

    // Reports missed batches, then checks periodically. Call once the receivers are connected.
    void start();
    // Looks at the queue now (the timer calls it too).
    void check();

Q_SIGNALS:
    void due(const QString &context);
    void missed(const QString &context);

private:
    void onQueueChanged(const QString &context);

    MaintenanceQueue *m_queue = nullptr;
    QTimer *m_timer = nullptr;
    bool m_started = false;
    // Contexts whose current time was already reported (missed or due), so it fires once;
    // forgotten when the batch gets another time or none.
    QHash<QString, QDateTime> m_reported;
};

} // namespace fd::engine::onboarding
