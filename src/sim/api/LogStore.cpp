#include "sim/api/LogStore.h"

namespace fd::sim {

QString LogStore::keyOf(const QString &podUid, const QString &container)
{
    return podUid + QLatin1Char('/') + container;
}

void LogStore::start(const QString &podUid, const QString &container)
{
    ContainerLog &log = m_logs[keyOf(podUid, container)];
    log.started = true;
    log.terminated = false;
}

void LogStore::append(const QString &podUid, const QString &container, const QByteArray &text, const QDateTime &time)
{
    ContainerLog &log = m_logs[keyOf(podUid, container)];
    if (log.terminated)
        return;
    log.started = true;
    const LogLine line{time.toUTC(), text};
    log.current.append(line);
    if (log.current.size() > m_maxLines)
        log.current.remove(0, log.current.size() - m_maxLines);
    Q_EMIT appended(podUid, container, line);
}

void LogStore::terminate(const QString &podUid, const QString &container)
{
    ContainerLog &log = m_logs[keyOf(podUid, container)];
    if (log.terminated)
        return;
    log.terminated = true;
    Q_EMIT ended(podUid, container);
}

void LogStore::restart(const QString &podUid, const QString &container)
{
    ContainerLog &log = m_logs[keyOf(podUid, container)];
    if (!log.terminated) {
        log.terminated = true;
        Q_EMIT ended(podUid, container);
    }
    log.previous = std::move(log.current);
    log.current.clear();
    log.terminated = false;
    log.started = true;
    ++log.restarts;
}

void LogStore::forgetPod(const QString &podUid)
{
    const QString prefix = podUid + QLatin1Char('/');
    for (auto it = m_logs.begin(); it != m_logs.end();) {
        if (it.key().startsWith(prefix)) {
            const QString container = it.key().mid(prefix.size());
            const bool wasRunning = !it->terminated;
            it = m_logs.erase(it);
            if (wasRunning)
                Q_EMIT ended(podUid, container);
        } else {
            ++it;
        }
    }
}

const ContainerLog *LogStore::log(const QString &podUid, const QString &container) const
{
    const auto it = m_logs.constFind(keyOf(podUid, container));
    return it == m_logs.constEnd() ? nullptr : &it.value();
}

} // namespace fd::sim

#include "moc_LogStore.cpp"
