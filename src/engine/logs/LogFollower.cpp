#include "engine/logs/LogFollower.h"

#include "engine/EngineTr.h"
#include "kube/informer/Reflector.h"
#include "kube/informer/RestListWatchSource.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/PodLogStream.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

namespace fd::engine {

using namespace Qt::StringLiterals;
using detail::translate;

namespace {

struct ContainerState {
    bool started = false; // running or terminated: it has a log
    int restartCount = 0;
};

ContainerState containerState(const QJsonObject &status, const QString &container)
{
    ContainerState state;
    for (const QJsonValue &value : status.value("containerStatuses"_L1).toArray()) {
        const QJsonObject containerStatus = value.toObject();
        if (containerStatus.value("name"_L1).toString() != container)
            continue;
        const QJsonObject current = containerStatus.value("state"_L1).toObject();
        state.started = current.contains("running"_L1) || current.contains("terminated"_L1);
        state.restartCount = containerStatus.value("restartCount"_L1).toInt();
    }
    return state;
}

// "2026-12-07T03:04:05.123456789Z text" → time, nanos, text. Lines without a stamp (limitBytes
// cut) keep the arrival time.
LogLine parseLine(const QString &pod, const QString &container, const QString &raw)
{
    LogLine line;
    line.pod = pod;
    line.container = container;
    const qsizetype space = raw.indexOf(u' ');
    const QByteArray head = space > 0 ? QStringView(raw).first(space).toLatin1() : QByteArray();
    const auto stamp = space > 0 ? fd::kube::LogTimestamp::parse(head) : std::nullopt;
    if (stamp) {
        line.time = QDateTime::fromMSecsSinceEpoch(stamp->seconds * 1000 + stamp->nanos / 1'000'000, Qt::UTC);
        line.nanos = stamp->nanos;
        line.text = raw.mid(space + 1);
    } else {
        line.time = QDateTime::currentDateTimeUtc();
        line.nanos = line.time.time().msec() * 1'000'000;
        line.text = raw;
    }
    return line;
}

} // namespace

LogFollower::LogFollower(fd::kube::KubeSession *session, LogSource source, LogFollowOptions options, QObject *parent)
    : QObject(parent), m_session(session), m_source(std::move(source)), m_options(std::move(options))
{
    if (m_options.previous)
        m_options.follow = false; // an ended instance: read once, then finished()
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &LogFollower::flush);
}

LogFollower::~LogFollower() = default;

void LogFollower::start()
{
    if (m_started || !m_session)
        return;
    m_started = true;
    if (!parent())
        setParent(m_session); // dies with the connection, on its thread
    const fd::kube::ResourceKind pods = fd::kube::ResourceKind::core(u"pods"_s, u"Pod"_s);
    for (int i = 0; i < m_source.queries.size(); ++i) {
        const PodQuery &query = m_source.queries.at(i);
        auto listWatch = std::make_unique<fd::kube::RestListWatchSource>(
            m_session->rest(), pods, query.namespaceName,
            fd::kube::ListWatchSelectors{query.labelSelector, query.fieldSelector});
        auto *reflector = new fd::kube::Reflector(std::move(listWatch), {}, {}, this);
        connect(reflector, &fd::kube::Reflector::changed, this,
                [this, i](const QList<fd::kube::Delta> &deltas) { onPodDeltas(i, deltas); });
        connect(reflector, &fd::kube::Reflector::synced, this, [this, i] { onSynced(i); });
        connect(reflector, &fd::kube::Reflector::forbidden, this, [this](const fd::kube::KubeError &error) {
            Q_EMIT problem(translate("fd::engine", "cannot list the pods of this log: %1").arg(error.message));
        });
        m_reflectors.append(reflector);
        reflector->start();
    }
}

void LogFollower::stop()
{
    for (fd::kube::Reflector *reflector : std::as_const(m_reflectors))
        reflector->stop();
    const auto open = m_open;
    for (fd::kube::PodLogStream *stream : open)
        stream->cancel();
    flush();
}

void LogFollower::onPodDeltas(int query, const QList<fd::kube::Delta> &deltas)
{
    // Without follow only the pods of the first list are read.
    if (!m_options.follow && m_synced.contains(query))
        return;
    LogContainers seen;
    for (const fd::kube::Delta &delta : deltas) {
        if (delta.type == fd::kube::Delta::Type::Deleted)
            continue; // its streams end by themselves; its lines stay with the consumer
        const QJsonObject pod = delta.object.toJsonObject();
        const QString podName = delta.object.name();
        const QString ns = delta.object.namespaceName();
        const QString uid = delta.object.uid();
        const QJsonObject status = pod.value("status"_L1).toObject();
        const QJsonArray containers = pod.value("spec"_L1).toObject().value("containers"_L1).toArray();
        m_podsSeen.insert(uid);
        for (const QJsonValue &value : containers) {
            const QString container = value.toObject().value("name"_L1).toString();
            if (!m_source.wantsContainer(container))
                continue;
            const ContainerState state = containerState(status, container);
            const QString containerKey = uid + u'/' + container;
            const auto reported = m_restartCounts.constFind(containerKey);
            if (reported == m_restartCounts.cend() || *reported != state.restartCount) {
                m_restartCounts.insert(containerKey, state.restartCount);
                seen.append(LogContainer{ns, podName, container, state.restartCount});
            }
            if (m_options.previous) {
                // The previous instance exists once the container restarted, even while the
                // current one waits in CrashLoopBackOff. One read per container (key -1).
                if (state.restartCount == 0)
                    continue;
                const StreamKey key{uid, container, -1};
                if (!m_attached.contains(key))
                    attach(ns, podName, key);
                continue;
            }
            if (!state.started)
                continue;
            const StreamKey key{uid, container, state.restartCount};
            if (m_attached.contains(key))
                continue;
            attach(ns, podName, key);
        }
    }
    if (!seen.isEmpty())
        Q_EMIT containersSeen(seen);
    Q_EMIT streamsChanged(int(m_open.size()), int(m_podsSeen.size()));
}

void LogFollower::onSynced(int query)
{
    m_synced.insert(query);
    if (!m_options.follow && m_synced.size() == m_reflectors.size()) {
        for (fd::kube::Reflector *reflector : std::as_const(m_reflectors))
            reflector->stop();
        checkFinished();
    }
}

void LogFollower::attach(const QString &ns, const QString &pod, const StreamKey &key)
{
    m_attached.insert(key);
    fd::kube::PodLogOptions options;
    options.container = key.container;
    options.follow = m_options.follow;
    options.previous = m_options.previous;
    options.timestamps = true; // the merge orders by the kubelet's stamps
    options.tailLines = m_options.tailLines;
    if (m_options.since)
        options.sinceTime = m_options.since;
    fd::kube::PodLogStream *stream = m_session->openPodLog(ns, pod, options);
    stream->setParent(this);
    stream->setBatchInterval(m_options.batchIntervalMs);
    m_open.insert(stream);
    ++m_streamsOpened;
    const QString container = key.container;
    connect(stream, &fd::kube::PodLogStream::linesReceived, this,
            [this, pod, container](const QStringList &lines) { onStreamLines(pod, container, lines); });
    connect(stream, &fd::kube::PodLogStream::reconnecting, this, [this] { ++m_reconnects; });
    connect(stream, &fd::kube::PodLogStream::finished, this,
            [this, stream, pod, container] { onStreamFinished(stream, pod, container); });
    stream->start();
}

void LogFollower::onStreamLines(const QString &pod, const QString &container, const QStringList &lines)
{
    m_pending.reserve(m_pending.size() + lines.size());
    for (const QString &raw : lines)
        m_pending.append(parseLine(pod, container, raw));
    if (!m_flushTimer->isActive())
        m_flushTimer->start(m_options.batchIntervalMs);
}

void LogFollower::onStreamFinished(fd::kube::PodLogStream *stream, const QString &pod, const QString &container)
{
    m_open.remove(stream);
    const auto &error = stream->error();
    if (error && error->kind != fd::kube::ErrorKind::Cancelled && stream->linesDelivered() > 0) {
        // The stream gave up while the container ran: what follows may be missing.
        LogLine gap;
        gap.time = QDateTime::currentDateTimeUtc();
        gap.nanos = gap.time.time().msec() * 1'000'000;
        gap.pod = pod;
        gap.container = container;
        gap.gap = true;
        gap.text = translate("fd::engine", "log stream interrupted, lines may be missing: %1").arg(error->message);
        m_pending.append(gap);
        if (!m_flushTimer->isActive())
            m_flushTimer->start(m_options.batchIntervalMs);
    } else if (error && error->kind != fd::kube::ErrorKind::Cancelled) {
        Q_EMIT problem(translate("fd::engine", "cannot read the log of %1/%2: %3").arg(pod, container, error->message));
    }
    stream->deleteLater();
    Q_EMIT streamsChanged(int(m_open.size()), int(m_podsSeen.size()));
    checkFinished();
}

void LogFollower::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    LogLines lines = std::exchange(m_pending, {});
    std::stable_sort(lines.begin(), lines.end(), logLineBefore);
    Q_EMIT linesArrived(lines);
}

void LogFollower::checkFinished()
{
    if (m_options.follow || m_finished || m_synced.size() != m_reflectors.size() || !m_open.isEmpty())
        return;
    m_finished = true;
    flush();
    Q_EMIT finished();
}

} // namespace fd::engine

#include "moc_LogFollower.cpp"
