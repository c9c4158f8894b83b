#pragma once

#include "engine/logs/LogLine.h"
#include "engine/logs/LogSource.h"
#include "kube/store/Delta.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QTimer;

namespace fd::kube {
class KubeSession;
class PodLogStream;
class Reflector;
}

namespace fd::engine {

struct LogFollowOptions {
    bool follow = true;                // keep streams open and attach pods as they appear
    std::optional<QDateTime> since;    // only lines from this time on
    std::optional<int> tailLines;      // the last N lines of each container at attach time
    int batchIntervalMs = 50;          // coalescing of linesArrived
    // Read the previous (crashed or restarted) instance of each wanted container that has one
    // (the log API's previous=true) instead of the current one. Implies !follow: a previous
    // instance has ended, its log is read once.
    bool previous = false;
};

// A container of a followed pod, as the viewer lists it (to toggle it, and to offer its previous
// log when it has restarted).
struct LogContainer {
    QString namespaceName;
    QString pod;
    QString container;
    int restartCount = 0;
    bool operator==(const LogContainer &) const = default;
};
using LogContainers = QList<LogContainer>;

// Follows a LogSource on the session thread: a Reflector per pod query keeps the matching pods,
// each wanted container of each pod gets a PodLogStream as soon as the container has started
// (running or terminated), restarted containers get a stream for their new instance. Streams
// resume after drops by themselves (PodLogStream: sinceTime + skipping what was delivered, so
// no duplicates); a stream that gives up leaves a gap marker. Lines of ended pods stay with the
// consumer (nothing is withdrawn). Lines are coalesced, ordered by timestamp within a batch, and
// emitted at most every batchIntervalMs.
//
// Without `follow` each container's current log is read once, and finished() is emitted when
// every pod known at the first sync has been read.
//
// Lives on the session thread (LogFollow moves it there); becomes a child of the KubeSession on
// start() so it never outlives the connection it uses.
class LogFollower : public QObject
{
    Q_OBJECT
public:
    LogFollower(fd::kube::KubeSession *session, LogSource source, LogFollowOptions options = {},
                QObject *parent = nullptr);
    ~LogFollower() override;

    const LogSource &source() const { return m_source; }
    int streamsOpened() const { return m_streamsOpened; }
    int reconnects() const { return m_reconnects; }

    // Session thread.
    void start();
    void stop();

Q_SIGNALS:
    void linesArrived(const fd::engine::LogLines &lines);
    // Pods attached / streams open (for a status line).
    void streamsChanged(int openStreams, int podsSeen);
    // Wanted containers seen for the first time or with a new restart count.
    void containersSeen(const fd::engine::LogContainers &containers);
    // A query could not be listed (e.g. forbidden): translated.
    void problem(const QString &message);
    // Only without follow: everything has been read.
    void finished();

private:
    struct StreamKey {
        QString podUid;
        QString container;
        int restartCount = 0;
        bool operator==(const StreamKey &) const = default;
    };
    friend size_t qHash(const StreamKey &key, size_t seed) noexcept
    {
        return qHashMulti(seed, key.podUid, key.container, key.restartCount);
    }

    void onPodDeltas(int query, const QList<fd::kube::Delta> &deltas);
    void onSynced(int query);
    void attach(const QString &ns, const QString &pod, const StreamKey &key);
    void onStreamLines(const QString &pod, const QString &container, const QStringList &lines);
    void onStreamFinished(fd::kube::PodLogStream *stream, const QString &pod, const QString &container);
    void flush();
    void checkFinished();

    QPointer<fd::kube::KubeSession> m_session;
    LogSource m_source;
    LogFollowOptions m_options;
    QList<fd::kube::Reflector *> m_reflectors;
    QSet<int> m_synced;                 // queries whose first list arrived
    QSet<StreamKey> m_attached;         // every container instance ever attached
    QSet<QString> m_podsSeen;
    QHash<QString, int> m_restartCounts; // "podUid/container" → restartCount last reported
    QSet<fd::kube::PodLogStream *> m_open;
    LogLines m_pending;
    QTimer *m_flushTimer = nullptr;
    int m_streamsOpened = 0;
    int m_reconnects = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace fd::engine

Q_DECLARE_METATYPE(fd::engine::LogContainer)
Q_DECLARE_METATYPE(fd::engine::LogContainers)
