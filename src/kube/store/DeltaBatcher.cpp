#include "kube/store/DeltaBatcher.h"

#include <algorithm>

namespace fd::kube {

namespace {

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<fd::kube::KubeObject>();
        qRegisterMetaType<fd::kube::Delta>();
        qRegisterMetaType<fd::kube::DeltaBatch>();
        return true;
    }();
    Q_UNUSED(done);
}

QByteArray pendingKey(int source, const KubeObject &object)
{
    QByteArray key;
    const QByteArrayView ns = object.namespaceUtf8();
    const QByteArrayView name = object.nameUtf8();
    key.reserve(12 + ns.size() + name.size());
    key.append(QByteArray::number(source)).append('\0').append(ns).append('/').append(name);
    return key;
}

} // namespace

DeltaBatcher::DeltaBatcher(QObject *parent) : DeltaBatcher(50, Timing{}, parent) {}

DeltaBatcher::DeltaBatcher(int intervalMs, Timing timing, QObject *parent)
    : QObject(parent)
    , m_intervalMs(qMax(0, intervalMs))
    , m_timing(std::move(timing))
{
    registerMetaTypes();
    m_clock.start();
    if (!m_timing.nowMs)
        m_timing.nowMs = [this] { return m_clock.elapsed(); };
    if (!m_timing.wakeAfterMs) {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &DeltaBatcher::tick);
        m_timing.wakeAfterMs = [this](qint64 delay) { m_timer.start(int(std::clamp<qint64>(delay, 0, qint64(1) << 30))); };
    }
}

void DeltaBatcher::add(const QString &source, const Delta &delta)
{
    if (delta.object.isNull())
        return;
    int sourceIndex = m_sourceIndex.value(source, -1);
    if (sourceIndex < 0) {
        sourceIndex = int(m_sources.size());
        m_sources.append(source);
        m_sourceIndex.insert(source, sourceIndex);
    }
    const bool existsNow = delta.type != Delta::Type::Deleted;
    const QByteArray key = pendingKey(sourceIndex, delta.object);
    const auto it = m_byKey.constFind(key);
    if (it == m_byKey.constEnd()) {
        m_byKey.insert(key, qsizetype(m_pending.size()));
        // The first change tells what the consumer had: Added means it had nothing.
        m_pending.push_back(Pending{sourceIndex, delta.type != Delta::Type::Added, existsNow, delta.finalStateUnknown,
                                    delta.object});
    } else {
        Pending &p = m_pending[size_t(it.value())];
        p.existsNow = existsNow;
        p.finalStateUnknown = delta.finalStateUnknown;
        p.object = delta.object;
    }
    schedule();
}

void DeltaBatcher::add(const QString &source, const QList<Delta> &deltas)
{
    for (const Delta &delta : deltas)
        add(source, delta);
}

qsizetype DeltaBatcher::pendingCount() const
{
    qsizetype n = 0;
    for (const Pending &p : m_pending) {
        if (p.existedBefore || p.existsNow)
            ++n;
    }
    return n;
}

void DeltaBatcher::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    const qint64 now = m_timing.nowMs();
    const qint64 due = m_emittedOnce ? m_lastEmitMs + m_intervalMs : now;
    m_timing.wakeAfterMs(qMax<qint64>(0, due - now));
}

void DeltaBatcher::tick()
{
    if (!m_scheduled)
        return;
    const qint64 now = m_timing.nowMs();
    const qint64 due = m_emittedOnce ? m_lastEmitMs + m_intervalMs : now;
    if (now < due) {
        m_timing.wakeAfterMs(due - now);
        return;
    }
    flush();
}

void DeltaBatcher::flush()
{
    m_scheduled = false;
    if (m_pending.empty())
        return;
    DeltaBatch batch;
    std::vector<int> groupOf(size_t(m_sources.size()), -1);
    for (Pending &p : m_pending) {
        Delta delta;
        if (!p.existedBefore && p.existsNow)
            delta.type = Delta::Type::Added;
        else if (p.existedBefore && p.existsNow)
            delta.type = Delta::Type::Modified;
        else if (p.existedBefore && !p.existsNow)
            delta.type = Delta::Type::Deleted;
        else
            continue; // added and deleted within the interval: the consumer never needs to know
        delta.object = std::move(p.object);
        delta.finalStateUnknown = delta.type == Delta::Type::Deleted && p.finalStateUnknown;
        int &group = groupOf[size_t(p.source)];
        if (group < 0) {
            group = int(batch.groups.size());
            batch.groups.append(DeltaGroup{m_sources.at(p.source), {}});
        }
        batch.groups[group].deltas.append(std::move(delta));
    }
    m_pending.clear();
    m_byKey.clear();
    m_lastEmitMs = m_timing.nowMs();
    m_emittedOnce = true;
    if (!batch.isEmpty())
        Q_EMIT batchReady(batch);
}

} // namespace fd::kube

#include "moc_DeltaBatcher.cpp"
