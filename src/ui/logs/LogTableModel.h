#pragma once

#include "ui/logs/LogFilter.h"
#include "ui/logs/LogLineStore.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <memory>
#include <optional>
#include <vector>

namespace fd {
namespace ui {

// The rows of a log viewer: the store's lines (all, or those passing the filter), preceded by a
// marker row once old lines were dropped for the memory budget. Batches are applied with one
// insert (when lines arrived late, the tail from the merge point is removed and re-inserted in
// its new order) and one removal at the front for dropped lines; the model never resets for new lines (only when a filter
// result replaces the row set).
//
// The filter runs on the thread pool over a snapshot of the store; lines that arrive meanwhile
// are filtered on the GUI thread when the result comes (they are few).
class LogTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, PodColumn, ContainerColumn, MessageColumn, ColumnCount };
    enum Role { LineNumberRole = Qt::UserRole + 1, SeverityRole, IsMarkerRole, IsGapRole, SearchMatchRole, BuildSectionRole };

    explicit LogTableModel(QObject *parent = nullptr);
    ~LogTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendLines(const fd::engine::LogLines &lines);
    void clear();

    const LogLineStore &store() const { return m_store; }
    void setMemoryBudget(qint64 bytes);
    // The id of a pod/container for LogFilterSpec::hiddenSources (created when unseen yet).
    quint16 sourceId(const QString &pod, const QString &container) { return m_store.internSource(pod, container); }
    // The colour a source is tagged with (pod/container cells, the viewer's source list).
    static QColor sourceColour(quint16 source);
    // Marks the START/END section of this package's builds in the builder lines that arrive
    // from now on (see BuildSectionMarker).
    void setBuildPackage(const QString &packageName);

    // The first row whose line is stamped at or after `stampNs` (-1 when none).
    int firstRowAtOrAfter(qint64 stampNs) const;

    // Filtering (asynchronous). filterApplied() when the rows match `spec`.
    void setFilter(const LogFilterSpec &spec);
    const LogFilterSpec &filter() const { return m_pendingSpec; }
    bool isFiltering() const { return m_job != nullptr; }
    QString filterError() const { return m_filterError; }

    // Search highlighting (case-insensitive text) and navigation.
    void setSearchText(const QString &text);
    const QString &searchText() const { return m_search; }
    bool rowMatchesSearch(int row) const;
    // The next/previous row matching the search after/before `row` (wrapping), or -1.
    int findRow(int fromRow, bool forward) const;

    // Store index of a row; -1 for the marker row.
    qsizetype storeIndex(int row) const;
    bool hasMarkerRow() const { return m_markerShown; }
    // The rows' lines as store indexes (visible = the filtered rows).
    std::vector<qsizetype> visibleStoreIndexes() const;

Q_SIGNALS:
    void filterApplied();

private:
    int firstLineRow() const { return hasMarkerRow() ? 1 : 0; }
    int lineRowCount() const;
    void onFilterFinished();

    LogLineStore m_store;
    bool m_filtered = false;
    std::shared_ptr<const LogFilter> m_filter; // the filter the rows reflect
    std::vector<qint64> m_rows;                // absolute line numbers when m_filtered
    LogFilterSpec m_pendingSpec;
    QFutureWatcher<std::vector<qint64>> *m_job = nullptr;
    std::shared_ptr<const LogFilter> m_jobFilter;
    qint64 m_jobEnd = 0;       // absolute end of the job's snapshot
    qint64 m_rewrittenFrom = -1; // absolute: lowest merged line since the job started
    quint64 m_jobGeneration = 0;
    QString m_filterError;
    QString m_search;
    std::unique_ptr<LogFilter> m_searchFilter;
    bool m_markerShown = false;
    qsizetype m_rowLimit = -1; // >= 0 while a merged tail is out of the view
};

} // namespace ui
} // namespace fd
