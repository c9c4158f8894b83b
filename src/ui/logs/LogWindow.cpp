#include "LogWindow.h"

#include "engine/ClusterSession.h"
#include "engine/logs/LogFollow.h"
#include "ui/logs/LogViewerWidget.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

namespace fd {
namespace ui {

LogWindow::LogWindow(QWidget *parent) : QMainWindow(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);
    m_viewer = new LogViewerWidget(this);
    setCentralWidget(m_viewer);
    resize(1100, 650);
    connect(m_viewer, &LogViewerWidget::previousLogRequested, this,
            [this](const fd::engine::LogContainer &container) { openPreviousLog(container); });
}

bool LogWindow::follow(fd::engine::ClusterSession &session, const fd::engine::LogSource &source,
                       const fd::engine::LogFollowOptions &options)
{
    m_session = &session;
    m_source = source;
    if (source.kind == fd::engine::LogSource::Kind::PackageBuild && !m_buildLog) {
        // Before any line arrives: the section marking follows each builder stream from its start.
        m_viewer->setBuildPackage(source.name);
        auto *panel = new QWidget(this);
        auto *layout = new QVBoxLayout(panel);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *title = new QLabel(tr("Build log of package %1 (status.buildlog)").arg(source.name), panel);
        m_buildStatus = new QLabel(panel);
        m_buildStatus->setObjectName(QStringLiteral("packageBuildStatus"));
        m_buildLog = new QPlainTextEdit(panel);
        m_buildLog->setObjectName(QStringLiteral("packageBuildLog"));
        m_buildLog->setReadOnly(true);
        m_buildLog->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_buildLog->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_buildLog->setPlaceholderText(tr("No build log yet."));
        layout->addWidget(title);
        layout->addWidget(m_buildStatus);
        layout->addWidget(m_buildLog, 1);
        auto *splitter = new QSplitter(Qt::Horizontal, this);
        splitter->setObjectName(QStringLiteral("buildSplitter"));
        takeCentralWidget(); // the viewer moves into the splitter
        splitter->addWidget(m_viewer);
        splitter->addWidget(panel);
        splitter->setStretchFactor(0, 3);
        splitter->setStretchFactor(1, 2);
        setCentralWidget(splitter);
        resize(1500, 700);
        connect(&session, &fd::engine::ClusterSession::snapshotPublished, this,
                [this](const fd::engine::ClusterSnapshotPtr &snapshot) { showBuildLog(*snapshot); });
        showBuildLog(*session.snapshot());
    }
    auto follow = fd::engine::followLogs(session, source, options);
    if (!follow)
        return false;
    if (options.previous)
        setWindowTitle(tr("%1 — previous log (%2)").arg(source.title(), session.contextName()));
    else
        setWindowTitle(tr("%1 — logs (%2)").arg(source.title(), session.contextName()));
    m_viewer->attach(std::move(follow));
    return true;
}

void LogWindow::showBuildLog(const fd::engine::ClusterSnapshot &snapshot)
{
    const auto *package = snapshot.index.packages().get(m_source.namespaceName, m_source.name);
    const QString status = !package ? tr("The package is not in the cluster (any more).")
        : package->buildStatusText.isEmpty() ? tr("Build status: not reported yet")
                                             : tr("Build status: %1").arg(package->buildStatusText);
    m_buildStatus->setText(status);
    const QString log = package ? package->buildLog : QString();
    if (log == m_buildLog->toPlainText())
        return;
    m_buildLog->setPlainText(log);
}

LogWindow *LogWindow::openPreviousLog(const fd::engine::LogContainer &container)
{
    if (!m_session)
        return nullptr;
    auto source = fd::engine::LogSource::pod(container.namespaceName, container.pod);
    source.onlyContainers = {container.container};
    fd::engine::LogFollowOptions options;
    options.previous = true;
    // Beside this window, not owned by it: closing the live log keeps the previous one open.
    auto *window = new LogWindow(parentWidget());
    if (!window->follow(*m_session, source, options)) {
        delete window;
        return nullptr;
    }
    window->setWindowTitle(tr("%1/%2 — previous log (%3)").arg(container.pod, container.container, m_session->contextName()));
    window->show();
    Q_EMIT previousLogOpened(window);
    return window;
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

#include "moc_LogWindow.cpp"
