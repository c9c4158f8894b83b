#include "LogTableModel.h"

#include "ui/logs/BuildSection.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace fd {
namespace ui {

LogTableModel::LogTableModel(QObject *parent) : QAbstractTableModel(parent) {}

LogTableModel::~LogTableModel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job->waitForFinished();
    }
}

int LogTableModel::lineRowCount() const
{
    if (m_filtered)
        return int(m_rows.size());
    return int(m_rowLimit >= 0 ? m_rowLimit : m_store.size());
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : firstLineRow() + lineRowCount();
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qsizetype LogTableModel::storeIndex(int row) const
{
    const int line = row - firstLineRow();
    if (line < 0 || line >= lineRowCount())
        return -1;
    return m_filtered ? qsizetype(m_rows[size_t(line)] - m_store.firstAbsolute()) : line;
}

std::vector<qsizetype> LogTableModel::visibleStoreIndexes() const
{
    std::vector<qsizetype> out;
    out.reserve(size_t(lineRowCount()));
    for (int row = firstLineRow(); row < rowCount(); ++row)
        out.push_back(storeIndex(row));
    return out;
}

QColor LogTableModel::sourceColour(quint16 source)
{
    // Golden-ratio hue steps: neighbouring sources get clearly different pale colours.
    const int hue = int((source * 137.508)) % 360;
    return QColor::fromHsv(hue, 50, 245);
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (hasMarkerRow() && index.row() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == MessageColumn)
                return tr("… %n older line(s) dropped to stay within the memory budget", nullptr,
                          int(std::min<qint64>(m_store.droppedCount(), INT_MAX)));
            return {};
        case Qt::ForegroundRole:
            return QColor(Qt::darkGray);
        case IsMarkerRole:
            return true;
        default:
            return {};
        }
    }
    const qsizetype line = storeIndex(index.row());
    if (line < 0)
        return {};
    const LogLineStore::Record &record = m_store.record(line);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return m_store.time(line).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case PodColumn:
            return m_store.pod(line);
        case ContainerColumn:
            return m_store.container(line);
        case MessageColumn:
            return m_store.text(line);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(m_store.text(line)) : QVariant();
    case Qt::ForegroundRole:
        if (record.flags & LogLineStore::Gap)
            return QColor(0xb3, 0x58, 0x00);
        if (record.severity >= LogSeverity::Error)
            return QColor(0xb0, 0x00, 0x20);
        if (record.severity == LogSeverity::Warning)
            return QColor(0x8a, 0x6d, 0x00);
        return {};
    case Qt::FontRole:
        // A package build's section markers ("========= START =========", "… END …") stand out.
        if (index.column() == MessageColumn && m_store.textUtf8(line).startsWith("=========")) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (!m_search.isEmpty() && rowMatchesSearch(index.row()))
            return QColor(0xff, 0xf1, 0x76);
        if (index.column() == PodColumn || index.column() == ContainerColumn)
            return sourceColour(record.source);
        if (record.flags & LogLineStore::BuildSection)
            return QColor(0xdc, 0xea, 0xfb); // this package's build, among other packages' builds
        return {};
    case BuildSectionRole:
        return bool(record.flags & LogLineStore::BuildSection);
    case LineNumberRole:
        return m_store.firstAbsolute() + line;
    case SeverityRole:
        return int(record.severity);
    case IsMarkerRole:
        return false;
    case IsGapRole:
        return bool(record.flags & LogLineStore::Gap);
    case SearchMatchRole:
        return rowMatchesSearch(index.row());
    default:
        return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time (UTC)");
    case PodColumn: return tr("Pod");
    case ContainerColumn: return tr("Container");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

void LogTableModel::appendLines(const fd::engine::LogLines &lines)
{
    if (lines.isEmpty())
        return;
    const qsizetype oldSize = m_store.size();
    LogLineStore::AppendResult result;
    if (!m_filtered) {
        // Late lines are merged in: the rows from the merge point on are taken out and put back
        // in their new order (views keep everything before, and usually the tail is short).
        const qsizetype at = m_store.mergePosition(lines);
        if (at < oldSize) {
            beginRemoveRows({}, firstLineRow() + int(at), firstLineRow() + int(oldSize) - 1);
            m_rowLimit = at;
            endRemoveRows();
        }
        const int first = firstLineRow() + int(at);
        beginInsertRows({}, first, first + int(oldSize - at + lines.size()) - 1);
        result = m_store.append(lines);
        m_rowLimit = -1;
        endInsertRows();
    } else {
        result = m_store.append(lines);
        const qint64 rewrittenAbs = m_store.firstAbsolute() + result.firstRewritten;
        const auto from = std::lower_bound(m_rows.begin(), m_rows.end(), rewrittenAbs);
        if (from != m_rows.end()) {
            const int fromRow = firstLineRow() + int(from - m_rows.begin());
            beginRemoveRows({}, fromRow, firstLineRow() + int(m_rows.size()) - 1);
            m_rows.erase(from, m_rows.end());
            endRemoveRows();
        }
        const std::vector<qint64> hits = filterRange(m_store, result.firstRewritten, m_store.size(), *m_filter);
        if (!hits.empty()) {
            const int first = firstLineRow() + int(m_rows.size());
            beginInsertRows({}, first, first + int(hits.size()) - 1);
            m_rows.insert(m_rows.end(), hits.begin(), hits.end());
            endInsertRows();
        }
    }
    if (m_job && result.firstRewritten < oldSize) {
        const qint64 abs = m_store.firstAbsolute() + result.firstRewritten;
        m_rewrittenFrom = m_rewrittenFrom < 0 ? abs : std::min(m_rewrittenFrom, abs);
    }

    const qsizetype drop = m_store.overBudgetCount();
    if (drop <= 0)
        return;
    const qint64 newFirst = m_store.firstAbsolute() + drop;
    const int removeCount = m_filtered ? int(std::lower_bound(m_rows.begin(), m_rows.end(), newFirst) - m_rows.begin())
                                       : int(drop);
    if (removeCount > 0)
        beginRemoveRows({}, firstLineRow(), firstLineRow() + removeCount - 1);
    if (m_filtered)
        m_rows.erase(m_rows.begin(), m_rows.begin() + removeCount);
    m_store.dropFront(drop);
    if (removeCount > 0)
        endRemoveRows();
    if (!m_markerShown) {
        beginInsertRows({}, 0, 0);
        m_markerShown = true;
        endInsertRows();
    } else {
        Q_EMIT dataChanged(index(0, 0), index(0, ColumnCount - 1));
    }
}

void LogTableModel::clear()
{
    beginResetModel();
    m_store.clear();
    m_rows.clear();
    m_markerShown = false;
    endResetModel();
}

void LogTableModel::setMemoryBudget(qint64 bytes)
{
    m_store.setBudgetBytes(bytes); // the next batch trims to it
}

void LogTableModel::setBuildPackage(const QString &packageName)
{
    auto marker = std::make_shared<BuildSectionMarker>(packageName);
    m_store.setLineMarker([marker](quint16 source, QByteArrayView utf8) { return marker->mark(source, utf8); });
}

int LogTableModel::firstRowAtOrAfter(qint64 stampNs) const
{
    const qsizetype line = m_store.lowerBound(stampNs);
    if (line >= m_store.size())
        return -1;
    int row = -1;
    if (!m_filtered) {
        row = int(line);
        if (row >= lineRowCount())
            return -1;
    } else {
        // Filtered rows are ascending line numbers, so ascending in time too.
        const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), m_store.firstAbsolute() + line);
        if (it == m_rows.end())
            return -1;
        row = int(it - m_rows.begin());
    }
    return firstLineRow() + row;
}

void LogTableModel::setFilter(const LogFilterSpec &spec)
{
    m_pendingSpec = spec;
    ++m_jobGeneration;
    if (m_job) {
        QFutureWatcher<std::vector<qint64>> *old = std::exchange(m_job, nullptr);
        old->disconnect(this);
        old->cancel();
        old->deleteLater();
    }
    auto filter = std::make_shared<const LogFilter>(spec);
    m_filterError = filter->isValid() ? QString() : filter->errorString();
    if (spec.isEmpty()) {
        beginResetModel();
        m_filtered = false;
        m_rows.clear();
        m_filter.reset();
        endResetModel();
        Q_EMIT filterApplied();
        return;
    }
    auto snapshot = std::make_shared<const LogLineStore::Snapshot>(m_store.snapshot());
    m_jobEnd = m_store.endAbsolute();
    m_rewrittenFrom = -1;
    m_jobFilter = filter;
    m_job = new QFutureWatcher<std::vector<qint64>>(this);
    connect(m_job, &QFutureWatcher<std::vector<qint64>>::finished, this, &LogTableModel::onFilterFinished);
    m_job->setFuture(filterAsync(std::move(snapshot), filter));
}

void LogTableModel::onFilterFinished()
{
    QFutureWatcher<std::vector<qint64>> *job = std::exchange(m_job, nullptr);
    job->deleteLater();
    if (job->isCanceled())
        return;
    std::vector<qint64> rows = job->result();
    // Lines merged or added since the snapshot, and lines dropped since: redo / remove.
    qint64 redoFrom = m_jobEnd;
    if (m_rewrittenFrom >= 0)
        redoFrom = std::min(redoFrom, m_rewrittenFrom);
    redoFrom = std::max(redoFrom, m_store.firstAbsolute());
    rows.erase(std::lower_bound(rows.begin(), rows.end(), redoFrom), rows.end());
    rows.erase(rows.begin(), std::lower_bound(rows.begin(), rows.end(), m_store.firstAbsolute()));
    const std::vector<qint64> tail = filterRange(m_store, qsizetype(redoFrom - m_store.firstAbsolute()), m_store.size(), *m_jobFilter);
    rows.insert(rows.end(), tail.begin(), tail.end());
    beginResetModel();
    m_rows = std::move(rows);
    m_filter = m_jobFilter;
    m_filtered = true;
    endResetModel();
    Q_EMIT filterApplied();
}

void LogTableModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    LogFilterSpec spec;
    spec.text = text;
    m_searchFilter = text.isEmpty() ? nullptr : std::make_unique<LogFilter>(spec);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, SearchMatchRole});
}

bool LogTableModel::rowMatchesSearch(int row) const
{
    const qsizetype line = storeIndex(row);
    if (!m_searchFilter || line < 0 || m_store.isGap(line))
        return false;
    return m_searchFilter->matches(m_store.textUtf8(line), LogSeverity::Unknown, false);
}

int LogTableModel::findRow(int fromRow, bool forward) const
{
    const int rows = rowCount();
    if (!m_searchFilter || rows == 0)
        return -1;
    int row = fromRow < 0 ? (forward ? -1 : rows) : fromRow;
    for (int step = 0; step < rows; ++step) {
        row = forward ? (row + 1) % rows : (row - 1 + rows) % rows;
        if (rowMatchesSearch(row))
            return row;
    }
    return -1;
}

} // namespace ui
} // namespace fd

#include "moc_LogTableModel.cpp"
