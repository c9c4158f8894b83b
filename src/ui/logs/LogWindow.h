#pragma once

#include "engine/ClusterSnapshot.h"
#include "engine/logs/LogFollower.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QPlainTextEdit;

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

class LogViewerWidget;

// A log in a window of its own (several side by side), following `source` on `session` until
// closed. Deletes itself on close.
//  - A package build shows the package's status.buildlog beside the builder's live log (kept up
//    to date from the session's snapshots) and marks the package's START/END section in it.
//  - "Previous log" of a restarted container opens another LogWindow reading that container's
//    previous instance.
class LogWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit LogWindow(QWidget *parent = nullptr);
    // Follows `source`; false when the session cannot follow (failed session).
    bool follow(fd::engine::ClusterSession &session, const fd::engine::LogSource &source,
                const fd::engine::LogFollowOptions &options = {});
    LogViewerWidget *viewer() const { return m_viewer; }
    // The package build's status.buildlog panel (null for other sources).
    QPlainTextEdit *buildLogView() const { return m_buildLog; }

    // Opens a window following `source` and shows it; null when the session cannot follow.
    static LogWindow *open(fd::engine::ClusterSession &session, const fd::engine::LogSource &source, QWidget *parent = nullptr);
    // Opens a window with the previous instance's log of a restarted container; null when the
    // session is gone or cannot follow.
    LogWindow *openPreviousLog(const fd::engine::LogContainer &container);

Q_SIGNALS:
    void previousLogOpened(fd::ui::LogWindow *window);

private:
    void showBuildLog(const fd::engine::ClusterSnapshot &snapshot);

    LogViewerWidget *m_viewer = nullptr;
    QPointer<fd::engine::ClusterSession> m_session;
    fd::engine::LogSource m_source;
    QPlainTextEdit *m_buildLog = nullptr;
    QLabel *m_buildStatus = nullptr;
};

} // namespace ui
} // namespace fd
