#include "LogWindow.h"

#include "engine/ClusterSession.h"
#include "engine/logs/LogFollow.h"
#include "ui/logs/LogViewerWidget.h"

namespace fd {
namespace ui {

LogWindow::LogWindow(QWidget *parent) : QMainWindow(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);
    m_viewer = new LogViewerWidget(this);
    setCentralWidget(m_viewer);
    resize(1100, 650);
}

bool LogWindow::follow(fd::engine::ClusterSession &session, const fd::engine::LogSource &source,
                       const fd::engine::LogFollowOptions &options)
{
    auto follow = fd::engine::followLogs(session, source, options);
    if (!follow)
        return false;
    setWindowTitle(tr("%1 — logs (%2)").arg(source.title(), session.contextName()));
    m_viewer->attach(std::move(follow));
    return true;
}

LogWindow *LogWindow::open(fd::engine::ClusterSession &session, const fd::engine::LogSource &source, QWidget *parent)
{
    auto *window = new LogWindow(parent);
    if (!window->follow(session, source)) {
        delete window;
        return nullptr;
    }
    window->show();
    return window;
}

} // namespace ui
} // namespace fd
