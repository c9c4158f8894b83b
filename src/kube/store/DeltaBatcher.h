#pragma once

#include "kube/store/Delta.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

namespace fd::kube {

// Collects deltas from one or more stores and emits them as coalesced batches, at most once per
// interval (default 50 ms): one batchReady() per interval however many watch events arrived,
// never a signal per event. Per (source, key) the changes collapse to what the consumer needs to
// go from its last view to the current one: added+modified = added (last state),
// added+deleted = nothing, modified+deleted = deleted, deleted+added = modified.
//
// Lives on the session thread next to its stores; batchReady()'s argument is a value type that
// can be queued to the GUI thread. The first delta after a quiet period is emitted on the next
// event-loop turn (latency ~0), later ones wait for the interval to elapse.
class DeltaBatcher : public QObject
{
    Q_OBJECT

public:
    // Time and wake-ups, injectable for tests: `nowMs` is a monotonic clock, `wakeAfterMs(d)` must
    // arrange for tick() to be called after d ms (the default uses a single-shot QTimer).
    struct Timing {
        std::function<qint64()> nowMs;
        std::function<void(qint64)> wakeAfterMs;
    };

    explicit DeltaBatcher(QObject *parent = nullptr);
    DeltaBatcher(int intervalMs, Timing timing, QObject *parent = nullptr);

    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms) { m_intervalMs = qMax(0, ms); }

    void add(const QString &source, const Delta &delta);
    void add(const QString &source, const QList<Delta> &deltas);

    // Keys with a pending (not yet emitted) net change.
    qsizetype pendingCount() const;
    // Emits whatever is pending now (e.g. before the session changes scope); resets the interval.
    void flush();
    // The timer callback: emits if the interval has elapsed, otherwise re-arms.
    void tick();

Q_SIGNALS:
    void batchReady(const fd::kube::DeltaBatch &batch);

private:
    struct Pending {
        int source;         // index into m_sources
        bool existedBefore; // in the consumer's view at the last emit
        bool existsNow;
        bool finalStateUnknown;
        KubeObject object;  // last state
    };
    void schedule();

    int m_intervalMs = 50;
    Timing m_timing;
    QTimer m_timer{this}; // a child, so that moveToThread() takes it along
    QElapsedTimer m_clock;
    QStringList m_sources;
    QHash<QString, int> m_sourceIndex;
    std::vector<Pending> m_pending;        // in order of first change
    QHash<QByteArray, qsizetype> m_byKey;  // source index + key -> m_pending index
    qint64 m_lastEmitMs = 0;
    bool m_emittedOnce = false;
    bool m_scheduled = false;
};

} // namespace fd::kube
