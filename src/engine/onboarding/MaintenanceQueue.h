#pragma once

#include "common/Expected.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

// Maintenance windows and batches (issue 8): on a legacy cluster every onboarding is a Helm
// upgrade that restarts the control plane, so admins collect several namespaces and apply them
// in one upgrade, now or at a scheduled time. This class only keeps that list, per kubeconfig
// context: the namespaces to add, those to remove and an optional time (UTC). It persists every
// change at once to a small JSON file, so a queued plan survives an app restart. Only context
// names, namespace names, times and the last error are written — never a credential.
// Planning and running a batch is the existing planner/run's job (add=…, remove=…).

namespace fd::engine::onboarding {

struct QueuedBatch {
    QString context;
    QStringList add;    // in the order they were queued
    QStringList remove;
    std::optional<QDateTime> scheduledAt; // UTC; nullopt: applied by hand
    QString lastError;  // the last attempt's failure (translated); empty when none

    bool isEmpty() const { return add.isEmpty() && remove.isEmpty(); }
    bool contains(const QString &namespaceName) const { return add.contains(namespaceName) || remove.contains(namespaceName); }
};

class MaintenanceQueue : public QObject {
    Q_OBJECT
public:
    // Reads `filePath` if it exists. An unreadable file is kept aside (loadError() says so) and
    // the queue starts empty, so a broken file never stops the app.
    explicit MaintenanceQueue(QString filePath, QObject *parent = nullptr);
    ~MaintenanceQueue() override;

    // <AppDataLocation>/maintenance-queue.json
    static QString defaultFilePath();

    QString filePath() const { return m_filePath; }
    QString loadError() const { return m_loadError; }

    QStringList contexts() const; // with a non-empty batch, sorted
    QueuedBatch batch(const QString &context) const; // empty batch when nothing is queued
    bool isQueued(const QString &context, const QString &namespaceName) const;

    // Why these namespaces cannot be queued for `context` (translated), nullopt when they can:
    // not DNS-1123 labels, already queued, or added and removed in the same batch.
    std::optional<QString> validate(const QString &context, const QStringList &add, const QStringList &remove) const;
    // Queues them (after validate()); the error also covers a file that cannot be written.
    fd::Expected<void, QString> enqueue(const QString &context, const QStringList &add, const QStringList &remove);
    // Takes one namespace out of the batch (added or removed); false when it was not queued.
    bool dequeue(const QString &context, const QString &namespaceName);
    // Sets the time the batch runs at (converted to UTC). Refuses an empty batch and a time
    // before `now`.
    fd::Expected<void, QString> schedule(const QString &context, const QDateTime &at,
                                         const QDateTime &now = QDateTime::currentDateTimeUtc());
    void unschedule(const QString &context);
    // After a successful run, or when the admin discards the batch.
    void clear(const QString &context);
    // After a failed run: the batch stays, with the error, and no longer has a time (it would
    // otherwise count as missed at the next start).
    void setFailure(const QString &context, const QString &message);

    // The last write failed (translated), empty when it worked.
    QString saveError() const { return m_saveError; }

Q_SIGNALS:
    void changed(const QString &context);

private:
    void load();
    bool save();
    QueuedBatch *find(const QString &context);
    void dropEmpty();

    QString m_filePath;
    QString m_loadError;
    QString m_saveError;
    QList<QueuedBatch> m_batches;
};

// The time a scheduled run is wanted at, from what a user types (the CLI's --at, see README):
// an ISO 8601 date-time ("2026-05-01T02:00", with or without offset; local time without one)
// or "HH:MM" (local; today, or tomorrow when that time has passed). A time before `now` is an
// error (translated).
fd::Expected<QDateTime, QString> parseMaintenanceTime(const QString &text, const QDateTime &now = QDateTime::currentDateTime());

} // namespace fd::engine::onboarding
