#pragma once

#include "engine/logs/LogFollower.h"

#include <QMainWindow>

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

class LogViewerWidget;

// A log in a window of its own (several side by side), following `source` on `session` until
// closed. Deletes itself on close.
class LogWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit LogWindow(QWidget *parent = nullptr);
    // Follows `source`; false when the session cannot follow (failed session).
    bool follow(fd::engine::ClusterSession &session, const fd::engine::LogSource &source,
                const fd::engine::LogFollowOptions &options = {});
    LogViewerWidget *viewer() const { return m_viewer; }

    // Opens a window following `source` and shows it; null when the session cannot follow.
    static LogWindow *open(fd::engine::ClusterSession &session, const fd::engine::LogSource &source, QWidget *parent = nullptr);

private:
    LogViewerWidget *m_viewer = nullptr;
};

} // namespace ui
} // namespace fd
