#pragma once

#include "engine/logs/LogFollower.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace fd::engine {

class ClusterSession;

// The GUI-thread (or CLI-thread) handle of a LogFollower running on a session thread: its
// signals arrive here queued; destroying the handle stops and deletes the follower on its own
// thread.
class LogFollow : public QObject
{
    Q_OBJECT
public:
    ~LogFollow() override;

    const LogSource &source() const { return m_source; }
    const LogFollowOptions &options() const { return m_options; }
    bool isFinished() const { return m_finished; }
    qint64 linesReceived() const { return m_lines; }

Q_SIGNALS:
    void linesArrived(const fd::engine::LogLines &lines);
    void streamsChanged(int openStreams, int podsSeen);
    void containersSeen(const fd::engine::LogContainers &containers);
    void problem(const QString &message);
    void finished();

private:
    friend std::unique_ptr<LogFollow> followLogs(ClusterSession &, const LogSource &, const LogFollowOptions &, QObject *);
    LogFollow(const LogSource &source, const LogFollowOptions &options, QObject *parent);

    LogSource m_source;
    LogFollowOptions m_options;
    QPointer<LogFollower> m_follower;
    qint64 m_lines = 0;
    bool m_finished = false;
};

// Starts following `source` on the session's thread. Null when the session failed (no
// connection to follow with).
std::unique_ptr<LogFollow> followLogs(ClusterSession &session, const LogSource &source, const LogFollowOptions &options = {},
                                      QObject *parent = nullptr);

} // namespace fd::engine
