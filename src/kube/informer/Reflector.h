#pragma once

#include "kube/informer/Backoff.h"
#include "kube/informer/ListWatchSource.h"
#include "kube/informer/ReflectorStatus.h"
#include "kube/store/Delta.h"
#include "kube/store/ObjectStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace fd::kube {

// Whether to sync with a watch-list (KEP-3157: one WATCH with sendInitialEvents=true streams
// the current state, then a BOOKMARK annotated k8s.io/initial-events-end, then changes) instead
// of a paged LIST. Servers that do not offer it refuse it (422) and the reflector falls back to
// LIST, decided afresh on every relist as client-go does. Off by default: a server older than
// 1.27 ignores the parameters and would never send the end marker (kube-protocol.md §4), so the
// caller turns it on when it knows the server (e.g. by its version).
enum class WatchListMode { Off, Prefer };

struct ReflectorOptions {
    int pageSize = 500; // client-go's pager and kubectl use 500
    WatchListMode watchList = WatchListMode::Off;
    BackoffPolicy backoff;
    // Each watch asks the server to end it cleanly after a random time in this range, so that
    // many clients do not reconnect in step (client-go: 5–10 minutes).
    int minWatchTimeoutSeconds = 300;
    int maxWatchTimeoutSeconds = 600;
    // A stream silent for timeoutSeconds + this margin is dead (the server would have ended it,
    // and it sends bookmarks in between): drop it and re-watch.
    int idleMarginSeconds = 30;
    // On 403: retry after the backoff (true), or stay Forbidden until start() is called again
    // (false; InformerSet narrows the scope instead of knocking on a closed door).
    bool retryForbidden = true;
    // Uniform in [0, 1): jitter and watch timeouts. Default: QRandomGenerator.
    std::function<double()> random;
};

// Observable totals, for tests and diagnostics.
struct ReflectorCounters {
    int listRequests = 0; // LIST pages requested
    int lists = 0;        // complete LISTs that replaced the store
    int expiredContinues = 0; // LISTs restarted unpaged because a continue token expired (410)
    int watchRequests = 0; // WATCH requests (including watch-lists)
    int watchListSyncs = 0; // watch-lists that reached the initial-events-end bookmark
    int failures = 0;     // attempts that ended in an error (each followed by a backoff)
};

// Keeps one ObjectStore equal to one collection on the server (client-go's Reflector, kube-rs's
// watcher; kube-protocol.md §4 "Our informer must"):
//
//   start ─► LIST pages (limit 500, follow continue; 410 on a continue token → one unpaged LIST)
//            └► store.replace(items, listRV): objects that vanished come out as deletes
//               (finalStateUnknown)
//        ─► WATCH from the list's RV (allowWatchBookmarks, timeoutSeconds random 300–600,
//            idle detection at timeoutSeconds + 30 s); every event, bookmarks included,
//            advances the RV
//            ├ clean end ────────────────► WATCH again from the RV (no relist)
//            ├ 410 / ERROR 410 / too large RV ─► backoff ─► LIST
//            ├ 429 ──────────────────────► wait max(Retry-After, backoff) ─► WATCH
//            ├ 403 ──────────────────────► Forbidden (retry after backoff, or wait for the owner)
//            └ other errors (5xx, 401 after the transport's credential refresh, transport,
//              idle, a watch that closed within 1 s without events) ─► backoff ─► WATCH
//
// With WatchListMode::Prefer the LIST step is a watch-list streamed into a temporary store and
// swapped in at the end marker; errors other than 429/transport fall back to LIST at once.
// Backoff: 800 ms ×2 with jitter, cap 30 s, reset after 2 min healthy (Backoff).
//
// Lives on the session thread with its source and store. Time and wake-ups are injectable, as in
// DeltaBatcher, so tests drive the state machine without sleeping.
class Reflector : public QObject
{
    Q_OBJECT

public:
    // `nowMs`: a monotonic clock; `wakeAfterMs(d)`: arrange for wake() to run after d ms
    // (the default uses a single-shot QTimer).
    struct Timing {
        std::function<qint64()> nowMs;
        std::function<void(qint64)> wakeAfterMs;
    };

    Reflector(std::unique_ptr<ListWatchSource> source, ReflectorOptions options = {}, Timing timing = {},
              QObject *parent = nullptr);
    ~Reflector() override;

    // Starts (or restarts from a fresh list, keeping the store's content for the diff).
    void start();
    // Cancels what is in flight; the store keeps its content (stale).
    void stop();
    // Forces a relist now (e.g. the user pressed refresh).
    void relist();

    const ObjectStore &store() const { return m_store; }
    const ReflectorStatus &status() const { return m_status; }
    const ReflectorCounters &counters() const { return m_counters; }
    const ReflectorOptions &options() const { return m_options; }
    QString describe() const;

    // The timer callback: runs the pending retry if its time has come.
    void wake();

Q_SIGNALS:
    // The store changed (a list's diff or watch events); never emitted with an empty list.
    void changed(const QList<fd::kube::Delta> &deltas);
    // The store was replaced by a complete list (first sync or a relist).
    void synced();
    void statusChanged(const fd::kube::ReflectorStatus &status);
    // A 403 on list or watch; the status is Forbidden.
    void forbidden(const fd::kube::KubeError &error);

private:
    enum class Next { List, Watch };

    void startSync();
    void startList();
    void requestPage();
    void onPage(quint64 generation, const Expected<ObjectList, KubeError> &page);
    void finishList();
    void startWatchList();
    void startWatch();
    void openWatch(const WatchStreamOptions &options);
    void onWatchOpened(quint64 generation);
    void onWatchEvents(quint64 generation, const QList<WatchEvent> &events);
    void onWatchClosed(quint64 generation, const std::optional<KubeError> &error);
    void watchFailed(const KubeError &error);
    void finishWatchList(const QString &resourceVersion);
    void fail(const KubeError &error, Next next);
    void cancelCall();
    void setPhase(ReflectorPhase phase, StaleReason reason);
    void becameLive();
    void publish(const QList<Delta> &deltas);
    void emitStatus();
    int randomWatchTimeoutSeconds();

    std::unique_ptr<ListWatchSource> m_source;
    ReflectorOptions m_options;
    Timing m_timing;
    QTimer m_timer{this};
    QElapsedTimer m_clock;
    Backoff m_backoff;
    ObjectStore m_store;
    ReflectorStatus m_status;
    ReflectorCounters m_counters;

    std::unique_ptr<SourceCall> m_call;
    // Bumped whenever m_call is replaced or dropped: callbacks of older calls are ignored even if
    // a source delivers one after cancellation.
    quint64 m_generation = 0;

    // LIST in progress: items of the pages so far, the snapshot RV of the first page.
    QList<KubeObject> m_listItems;
    QString m_listResourceVersion;
    QString m_continue;
    bool m_unpaged = false; // a continue token expired: one unpaged LIST (client-go's pager)

    // Watch-list in progress: events before the end marker go here, then replace the store.
    std::unique_ptr<ObjectStore> m_initialEvents;

    // The open watch: when it was opened and whether anything arrived (short-watch detection).
    qint64 m_watchStartedMs = 0;
    bool m_watchReceived = false;

    // Pending retry.
    Next m_next = Next::List;
    bool m_retryPending = false;
    qint64 m_retryAtMs = 0;
};

} // namespace fd::kube
