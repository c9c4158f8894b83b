#include "engine/logs/LogFollow.h"

#include "engine/ClusterSession.h"
#include "kube/transport/KubeSession.h"

#include <QThread>

namespace fd::engine {

LogFollow::LogFollow(const LogSource &source, const LogFollowOptions &options, QObject *parent)
    : QObject(parent), m_source(source), m_options(options)
{
    qRegisterMetaType<fd::engine::LogLines>();
    qRegisterMetaType<fd::engine::LogContainers>();
}

LogFollow::~LogFollow()
{
    if (LogFollower *follower = m_follower.data()) {
        // Stop and delete it on its thread (it may be streaming right now).
        QMetaObject::invokeMethod(follower, [follower] {
            follower->stop();
            follower->deleteLater();
        }, Qt::QueuedConnection);
    }
}

std::unique_ptr<LogFollow> followLogs(ClusterSession &session, const LogSource &source, const LogFollowOptions &options,
                                      QObject *parent)
{
    fd::kube::KubeSessionThread *thread = session.kubeSessionThread();
    if (!thread || !thread->session())
        return nullptr;
    std::unique_ptr<LogFollow> follow(new LogFollow(source, options, parent));
    auto *follower = new LogFollower(thread->session(), source, options);
    follower->moveToThread(thread->thread());
    follow->m_follower = follower;
    LogFollow *handle = follow.get();
    QObject::connect(follower, &LogFollower::linesArrived, handle, [handle](const LogLines &lines) {
        handle->m_lines += lines.size();
        Q_EMIT handle->linesArrived(lines);
    });
    QObject::connect(follower, &LogFollower::streamsChanged, handle, &LogFollow::streamsChanged);
    QObject::connect(follower, &LogFollower::containersSeen, handle, &LogFollow::containersSeen);
    QObject::connect(follower, &LogFollower::problem, handle, &LogFollow::problem);
    QObject::connect(follower, &LogFollower::finished, handle, [handle] {
        handle->m_finished = true;
        Q_EMIT handle->finished();
    });
    QMetaObject::invokeMethod(follower, &LogFollower::start, Qt::QueuedConnection);
    return follow;
}

} // namespace fd::engine

#include "moc_LogFollow.cpp"
