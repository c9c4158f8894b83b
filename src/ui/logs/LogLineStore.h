#pragma once

#include "engine/logs/LogLine.h"
#include "ui/logs/LogSeverity.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace fd::ui {

// The viewer's lines, compact and bounded: texts are packed as UTF-8 into 1 MiB chunks, each line
// is a 24-byte record (stamp, chunk, offset, length, source, severity, flags), pod/container
// pairs are interned as source ids. Lines are kept merged by timestamp: a batch older than the
// newest stored line is merged into the tail (only records move, texts stay where they are).
//
// Memory is bounded by budgetBytes() (chunks + records); when it is exceeded the oldest lines
// are dropped and droppedCount() grows (the view shows a marker). Lines have absolute numbers
// (droppedCount() + index) that stay valid across drops, so filter results survive them.
//
// Single-threaded (the GUI thread); snapshot() gives an immutable copy for background filtering.
class LogLineStore
{
public:
    struct Record {
        qint64 stampNs = 0; // nanoseconds since the epoch (UTC)
        quint32 chunk = 0;  // chunk id (absolute)
        quint32 offset = 0;
        quint32 length = 0;
        quint16 source = 0;
        LogSeverity severity = LogSeverity::Unknown;
        quint8 flags = 0;
    };
    enum Flag : quint8 {
        Gap = 1,
        BuildSection = 2, // inside the START/END section of the package build being looked at
        BuildMarker = 4,  // a builder's START or END marker line
    };
    // Extra flags for a line as it is stored (e.g. BuildSectionMarker); lines are offered in
    // arrival order, which is each stream's own order.
    using LineMarker = std::function<quint8(quint16 source, QByteArrayView utf8)>;

    // Read-only view for a worker thread: records and the chunks they point into.
    struct Snapshot {
        std::vector<Record> records;
        std::vector<QByteArray> chunks; // index = chunk id - firstChunk
        quint32 firstChunk = 0;
        qint64 firstAbsolute = 0; // absolute number of records[0]
        QByteArrayView text(const Record &r) const
        {
            return QByteArrayView(chunks[r.chunk - firstChunk]).sliced(r.offset, r.length);
        }
    };

    struct AppendResult {
        qsizetype firstRewritten = 0; // index of the first existing line that moved (== old size: none)
        qsizetype added = 0;
    };

    explicit LogLineStore(qint64 budgetBytes = 256ll * 1024 * 1024);

    // Appends (merging by time); does not enforce the budget (see overBudgetCount/dropFront,
    // so a model can announce the insert and the removal separately).
    AppendResult append(const fd::engine::LogLines &lines);
    // Where append(lines) will start rewriting (size() when it only appends).
    qsizetype mergePosition(const fd::engine::LogLines &lines) const;
    // How many of the oldest lines must go to fit the budget.
    qsizetype overBudgetCount() const;
    void dropFront(qsizetype count);
    // append + dropFront(overBudgetCount()).
    void appendAndTrim(const fd::engine::LogLines &lines);
    void clear();

    qsizetype size() const { return qsizetype(m_records.size()); }
    qint64 droppedCount() const { return m_dropped; }
    qint64 firstAbsolute() const { return m_dropped; }
    qint64 endAbsolute() const { return m_dropped + size(); }

    const Record &record(qsizetype index) const { return m_records[size_t(index)]; }
    QByteArrayView textUtf8(qsizetype index) const;
    QString text(qsizetype index) const { return QString::fromUtf8(textUtf8(index)); }
    QDateTime time(qsizetype index) const;
    QString pod(qsizetype index) const { return m_sources[record(index).source].pod; }
    QString container(qsizetype index) const { return m_sources[record(index).source].container; }
    bool isGap(qsizetype index) const { return record(index).flags & Gap; }
    int sourceCount() const { return int(m_sources.size()); }
    QString sourcePod(quint16 source) const { return m_sources[source].pod; }
    QString sourceContainer(quint16 source) const { return m_sources[source].container; }
    // The id of a pod/container, created if no line of it arrived yet (ids never change).
    quint16 internSource(const QString &pod, const QString &container) { return sourceId(pod, container); }
    // The first line stamped at or after `stampNs` (size() when none).
    qsizetype lowerBound(qint64 stampNs) const;
    void setLineMarker(LineMarker marker) { m_marker = std::move(marker); }

    void setBudgetBytes(qint64 bytes) { m_budget = bytes; }
    qint64 budgetBytes() const { return m_budget; }
    qint64 bytesUsed() const; // chunks (allocated) + records
    qint64 rawBytes() const { return m_rawBytes; } // text bytes of the lines held

    Snapshot snapshot(qsizetype from = 0) const;

private:
    struct Source {
        QString pod;
        QString container;
    };
    struct Chunk {
        QByteArray data;
        qint64 lines = 0; // live records pointing into it
    };

    Record store(const fd::engine::LogLine &line);
    quint16 sourceId(const QString &pod, const QString &container);
    void releaseChunks();

    std::deque<Record> m_records;
    std::deque<Chunk> m_chunks;
    quint32 m_firstChunk = 0; // id of m_chunks.front()
    std::vector<Source> m_sources;
    QHash<QString, quint16> m_sourceIds;
    qint64 m_dropped = 0;
    qint64 m_budget = 0;
    qint64 m_rawBytes = 0;
    LineMarker m_marker;
};

qint64 stampNs(const fd::engine::LogLine &line);

} // namespace fd::ui
