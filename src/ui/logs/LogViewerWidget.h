#pragma once

#include "common/Expected.h"
#include "ui/logs/LogExport.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;
class QTreeView;

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

Q_SIGNALS:
    void followingChanged(bool following);

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
    std::unique_ptr<fd::engine::LogFollow> m_follow;
    QString m_problem;
    bool m_following = true;
    bool m_autoScrolling = false;
};

} // namespace ui
} // namespace fd
