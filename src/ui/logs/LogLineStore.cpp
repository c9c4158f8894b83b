#include "ui/logs/LogLineStore.h"

#include <algorithm>

namespace fd::ui {

namespace {
constexpr qsizetype kChunkSize = 1 << 20;
}

qint64 stampNs(const fd::engine::LogLine &line)
{
    return line.time.toSecsSinceEpoch() * 1'000'000'000ll + line.nanos;
}

LogLineStore::LogLineStore(qint64 budgetBytes) : m_budget(budgetBytes) {}

quint16 LogLineStore::sourceId(const QString &pod, const QString &container)
{
    const QString key = pod + QChar(u'\0') + container;
    const auto it = m_sourceIds.constFind(key);
    if (it != m_sourceIds.cend())
        return *it;
    // More than 65535 distinct pod/containers in one viewer: the last id is shared.
    const quint16 id = quint16(std::min<size_t>(m_sources.size(), 0xffff));
    if (m_sources.size() < 0xffff)
        m_sources.push_back({pod, container});
    m_sourceIds.insert(key, id);
    return id;
}

LogLineStore::Record LogLineStore::store(const fd::engine::LogLine &line)
{
    const QByteArray utf8 = line.text.toUtf8();
    if (m_chunks.empty() || m_chunks.back().data.size() + utf8.size() > m_chunks.back().data.capacity()) {
        Chunk chunk;
        chunk.data.reserve(std::max(kChunkSize, utf8.size()));
        m_chunks.push_back(std::move(chunk));
    }
    Chunk &chunk = m_chunks.back();
    Record record;
    record.stampNs = stampNs(line);
    record.chunk = m_firstChunk + quint32(m_chunks.size() - 1);
    record.offset = quint32(chunk.data.size());
    record.length = quint32(utf8.size());
    record.source = sourceId(line.pod, line.container);
    record.severity = line.gap ? LogSeverity::Unknown : detectSeverity(utf8);
    record.flags = line.gap ? Gap : 0;
    if (m_marker && !line.gap)
        record.flags |= m_marker(record.source, utf8);
    chunk.data.append(utf8);
    ++chunk.lines;
    m_rawBytes += utf8.size();
    return record;
}

LogLineStore::AppendResult LogLineStore::append(const fd::engine::LogLines &lines)
{
    AppendResult result;
    result.firstRewritten = size();
    result.added = lines.size();
    if (lines.isEmpty())
        return result;
    std::vector<Record> incoming;
    incoming.reserve(size_t(lines.size()));
    for (const fd::engine::LogLine &line : lines)
        incoming.push_back(store(line));
    const auto byStamp = [](const Record &a, const Record &b) { return a.stampNs < b.stampNs; };
    std::stable_sort(incoming.begin(), incoming.end(), byStamp);
    // Lines equal in time keep arrival order: new ones go after the stored ones.
    const auto at = std::upper_bound(m_records.begin(), m_records.end(), incoming.front(), byStamp);
    if (at == m_records.end()) {
        m_records.insert(m_records.end(), incoming.begin(), incoming.end());
        return result;
    }
    result.firstRewritten = at - m_records.begin();
    std::vector<Record> tail(at, m_records.end());
    m_records.erase(at, m_records.end());
    std::merge(tail.begin(), tail.end(), incoming.begin(), incoming.end(), std::back_inserter(m_records), byStamp);
    return result;
}

qsizetype LogLineStore::mergePosition(const fd::engine::LogLines &lines) const
{
    if (lines.isEmpty())
        return size();
    qint64 oldest = stampNs(lines.first());
    for (const fd::engine::LogLine &line : lines)
        oldest = std::min(oldest, stampNs(line));
    const auto at = std::upper_bound(m_records.begin(), m_records.end(), oldest,
                                     [](qint64 stamp, const Record &r) { return stamp < r.stampNs; });
    return at - m_records.begin();
}

qint64 LogLineStore::bytesUsed() const
{
    // Summed, not tracked: a snapshot sharing the last chunk makes the next append detach it.
    qint64 chunkBytes = 0;
    for (const Chunk &chunk : m_chunks)
        chunkBytes += chunk.data.capacity();
    return chunkBytes + qint64(m_records.size() * sizeof(Record));
}

qsizetype LogLineStore::overBudgetCount() const
{
    const qint64 over = bytesUsed() - m_budget;
    if (over <= 0)
        return 0;
    // Walk from the front, counting what each dropped line frees (its record, plus its chunk
    // once the chunk has no line left).
    qint64 freed = 0;
    qsizetype count = 0;
    std::vector<qint64> remaining;
    remaining.reserve(m_chunks.size());
    for (const Chunk &chunk : m_chunks)
        remaining.push_back(chunk.lines);
    while (freed < over && count < size()) {
        const Record &r = m_records[size_t(count)];
        freed += sizeof(Record);
        qint64 &left = remaining[r.chunk - m_firstChunk];
        if (--left == 0)
            freed += m_chunks[r.chunk - m_firstChunk].data.capacity();
        ++count;
    }
    return count;
}

void LogLineStore::dropFront(qsizetype count)
{
    count = std::min(count, size());
    for (qsizetype i = 0; i < count; ++i) {
        const Record &r = m_records.front();
        Chunk &chunk = m_chunks[r.chunk - m_firstChunk];
        --chunk.lines;
        m_rawBytes -= r.length;
        m_records.pop_front();
    }
    m_dropped += count;
    releaseChunks();
}

void LogLineStore::releaseChunks()
{
    // Empty chunks free their memory; the front ones leave the deque (ids stay stable).
    for (Chunk &chunk : m_chunks) {
        if (chunk.lines == 0 && chunk.data.capacity() > 0 && &chunk != &m_chunks.back()) {
            chunk.data = QByteArray();
        }
    }
    while (m_chunks.size() > 1 && m_chunks.front().lines == 0) {
        m_chunks.pop_front();
        ++m_firstChunk;
    }
}

void LogLineStore::appendAndTrim(const fd::engine::LogLines &lines)
{
    append(lines);
    dropFront(overBudgetCount());
}

void LogLineStore::clear()
{
    m_dropped += size();
    m_records.clear();
    m_chunks.clear();
    m_rawBytes = 0;
    m_firstChunk = 0;
}

QByteArrayView LogLineStore::textUtf8(qsizetype index) const
{
    const Record &r = record(index);
    return QByteArrayView(m_chunks[r.chunk - m_firstChunk].data).sliced(r.offset, r.length);
}

qsizetype LogLineStore::lowerBound(qint64 stamp) const
{
    const auto at = std::lower_bound(m_records.begin(), m_records.end(), stamp,
                                     [](const Record &r, qint64 value) { return r.stampNs < value; });
    return at - m_records.begin();
}

QDateTime LogLineStore::time(qsizetype index) const
{
    return QDateTime::fromMSecsSinceEpoch(record(index).stampNs / 1'000'000, Qt::UTC);
}

LogLineStore::Snapshot LogLineStore::snapshot(qsizetype from) const
{
    Snapshot snapshot;
    from = std::clamp<qsizetype>(from, 0, size());
    snapshot.records.assign(m_records.begin() + from, m_records.end());
    snapshot.chunks.reserve(m_chunks.size());
    for (const Chunk &chunk : m_chunks)
        snapshot.chunks.push_back(chunk.data); // shared; the store's next append detaches its own
    snapshot.firstChunk = m_firstChunk;
    snapshot.firstAbsolute = m_dropped + from;
    return snapshot;
}

} // namespace fd::ui
