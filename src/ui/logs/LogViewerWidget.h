#pragma once

#include "common/Expected.h"
#include "engine/logs/LogFollower.h"
#include "ui/logs/LogExport.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;
class QTreeView;
class QTreeWidget;
class QTreeWidgetItem;

namespace fd::engine {
class LogFollow;
}

namespace fd {
namespace ui {

class LogTableModel;

// A log viewer: a uniform-row view over LogTableModel, a filter bar (text, regex, exclude,
// minimum severity; applied on the thread pool as the user types), search with next/previous
// and highlighting, follow mode (pauses as soon as the user scrolls away from the bottom,
// resumes with the Follow button or End), copy and export (plain or JSON lines, redacted).
// A second bar limits the lines to a time range and jumps to a time. A source list beside the
// lines shows every pod/container in its colour, with a check box to hide it and, for a
// container that restarted, "Previous log" (previousLogRequested: the owner opens it).
// Columns other than the message can be hidden (Columns menu, or the header's context menu).
// Feed it with attach(LogFollow) or appendLines().
class LogViewerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LogViewerWidget(QWidget *parent = nullptr);
    ~LogViewerWidget() override;

    // Takes the follow and shows its lines (and its problems in the status line).
    void attach(std::unique_ptr<fd::engine::LogFollow> follow);
    fd::engine::LogFollow *follow() const { return m_follow.get(); }
    void appendLines(const QList<fd::engine::LogLine> &lines);

    LogTableModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);

    enum class ExportScope { Visible, All };
    Expected<void, QString> exportTo(const QString &path, LogExportFormat format, ExportScope scope) const;
    // The selected rows as plain text (redacted), as copy puts them on the clipboard.
    QString selectedText() const;
    void copySelection() const;
    void findNext();
    void findPrevious();

    // Containers the follow reports (namespace and restart count: what "Previous log" needs).
    void addContainers(const fd::engine::LogContainers &containers);
    QTreeWidget *sourceList() const { return m_sourceTree; }
    // Shows or hides the lines of one pod/container (the source list's check box).
    void setSourceVisible(const QString &pod, const QString &container, bool visible);
    // The container of the source list's current item, when it has a previous log to open.
    std::optional<fd::engine::LogContainer> restartedContainer() const;
    void requestPreviousLog();

    void setColumnVisible(int column, bool visible);
    bool isColumnVisible(int column) const;
    QMenu *columnMenu() const { return m_columnMenu; }

    // Selects the first visible line stamped at or after `time` (pausing follow); false when none.
    bool jumpToTime(const QDateTime &time);

    // A package build's viewer: marks that package's START/END section in the builder's lines.
    void setBuildPackage(const QString &packageName);

Q_SIGNALS:
    void followingChanged(bool following);
    void previousLogRequested(const fd::engine::LogContainer &container);

private:
    void buildUi();
    void scheduleFilter();
    void applyFilter();
    void onRowsInserted();
    void onScrolled(int value);
    void find(bool forward);
    void exportInteractively();
    void showColumnMenu(const QPoint &pos);
    void updateStatus();
    void syncSources();
    QTreeWidgetItem *sourceItem(const QString &pod, const QString &container);
    void onSourceItemChanged(QTreeWidgetItem *item);
    void updatePreviousButton();
    void showSourceMenu(const QPoint &pos);
    void onTimeRangeToggled(bool on);
    void initialiseTimeEdits();

    LogTableModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_regexBox = nullptr;
    QCheckBox *m_excludeBox = nullptr;
    QComboBox *m_severityBox = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QToolButton *m_followButton = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTreeWidget *m_sourceTree = nullptr;
    QToolButton *m_previousButton = nullptr;
    QMenu *m_columnMenu = nullptr;
    QList<QAction *> m_columnActions;
    QCheckBox *m_timeRangeBox = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QDateTimeEdit *m_jumpEdit = nullptr;
    QHash<QString, QTreeWidgetItem *> m_podItems;       // pod → its item
    QHash<QString, QTreeWidgetItem *> m_containerItems; // pod + '\0' + container → its item
    int m_sourcesListed = 0;  // store sources already in the list
    bool m_populatingSources = false;
    bool m_timeEditsInitialised = false;
    bool m_rangeEdited = false; // the user chose a range (do not reset it to the lines' span)
    std::unique_ptr<fd::engine::LogFollow> m_follow;
    QString m_problem;
    bool m_following = true;
    bool m_autoScrolling = false;
};

} // namespace ui
} // namespace fd
