#include "LogViewerWidget.h"

#include "engine/logs/LogFollow.h"
#include "ui/logs/LogTableModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace fd {
namespace ui {

LogViewerWidget::LogViewerWidget(QWidget *parent) : QWidget(parent)
{
    m_model = new LogTableModel(this);
    buildUi();
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LogViewerWidget::onRowsInserted);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogViewerWidget::onRowsInserted);
    connect(m_model, &LogTableModel::filterApplied, this, &LogViewerWidget::updateStatus);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LogViewerWidget::onScrolled);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_following)
            onRowsInserted();
    });
}

LogViewerWidget::~LogViewerWidget() = default;

void LogViewerWidget::buildUi()
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("logFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter lines"));
    m_filterEdit->setClearButtonEnabled(true);
    m_regexBox = new QCheckBox(tr("Regex"), this);
    m_regexBox->setObjectName(QStringLiteral("logRegex"));
    m_excludeBox = new QCheckBox(tr("Exclude"), this);
    m_excludeBox->setObjectName(QStringLiteral("logExclude"));
    m_severityBox = new QComboBox(this);
    m_severityBox->setObjectName(QStringLiteral("logSeverity"));
    for (LogSeverity severity : {LogSeverity::Unknown, LogSeverity::Debug, LogSeverity::Info, LogSeverity::Warning,
                                 LogSeverity::Error, LogSeverity::Fatal})
        m_severityBox->addItem(severityDisplay(severity), int(severity));
    m_severityBox->setToolTip(tr("Minimum severity"));

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("logSearch"));
    m_searchEdit->setPlaceholderText(tr("Search"));
    m_searchEdit->setClearButtonEnabled(true);
    auto *previous = new QToolButton(this);
    previous->setObjectName(QStringLiteral("logSearchPrevious"));
    previous->setText(tr("Previous"));
    auto *next = new QToolButton(this);
    next->setObjectName(QStringLiteral("logSearchNext"));
    next->setText(tr("Next"));

    m_followButton = new QToolButton(this);
    m_followButton->setObjectName(QStringLiteral("logFollow"));
    m_followButton->setText(tr("Follow"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("logCopy"));
    copy->setText(tr("Copy"));
    auto *save = new QToolButton(this);
    save->setObjectName(QStringLiteral("logExport"));
    save->setText(tr("Export…"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 2);
    bar->addWidget(m_regexBox);
    bar->addWidget(m_excludeBox);
    bar->addWidget(m_severityBox);
    bar->addSpacing(12);
    bar->addWidget(m_searchEdit, 1);
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addSpacing(12);
    bar->addWidget(m_followButton);
    bar->addWidget(copy);
    bar->addWidget(save);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true); // a million rows lay out without measuring each
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setColumnWidth(LogTableModel::TimeColumn, 190);
    m_view->setColumnWidth(LogTableModel::PodColumn, 220);
    m_view->setColumnWidth(LogTableModel::ContainerColumn, 100);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("logStatus"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(150); // filter as you type, not on every keystroke
    connect(m_filterTimer, &QTimer::timeout, this, &LogViewerWidget::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &LogViewerWidget::scheduleFilter);
    connect(m_regexBox, &QCheckBox::toggled, this, &LogViewerWidget::scheduleFilter);
    connect(m_excludeBox, &QCheckBox::toggled, this, &LogViewerWidget::scheduleFilter);
    connect(m_severityBox, &QComboBox::currentIndexChanged, this, &LogViewerWidget::scheduleFilter);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) { m_model->setSearchText(text); });
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &LogViewerWidget::findNext);
    connect(previous, &QToolButton::clicked, this, &LogViewerWidget::findPrevious);
    connect(next, &QToolButton::clicked, this, &LogViewerWidget::findNext);
    connect(m_followButton, &QToolButton::toggled, this, &LogViewerWidget::setFollowing);
    connect(copy, &QToolButton::clicked, this, &LogViewerWidget::copySelection);
    connect(save, &QToolButton::clicked, this, &LogViewerWidget::exportInteractively);
    connect(m_view->header(), &QHeaderView::customContextMenuRequested, this, &LogViewerWidget::showColumnMenu);
    auto *copyShortcut = new QShortcut(QKeySequence::Copy, m_view);
    connect(copyShortcut, &QShortcut::activated, this, &LogViewerWidget::copySelection);
    auto *findShortcut = new QShortcut(QKeySequence::FindNext, this);
    connect(findShortcut, &QShortcut::activated, this, &LogViewerWidget::findNext);
    auto *endShortcut = new QShortcut(QKeySequence(Qt::Key_End), m_view);
    connect(endShortcut, &QShortcut::activated, this, [this] { setFollowing(true); });
    updateStatus();
}

void LogViewerWidget::attach(std::unique_ptr<fd::engine::LogFollow> follow)
{
    m_follow = std::move(follow);
    if (!m_follow)
        return;
    connect(m_follow.get(), &fd::engine::LogFollow::linesArrived, this, &LogViewerWidget::appendLines);
    connect(m_follow.get(), &fd::engine::LogFollow::problem, this, [this](const QString &message) {
        m_problem = message;
        updateStatus();
    });
    connect(m_follow.get(), &fd::engine::LogFollow::streamsChanged, this, &LogViewerWidget::updateStatus);
}

void LogViewerWidget::appendLines(const QList<fd::engine::LogLine> &lines)
{
    m_model->appendLines(lines);
    updateStatus();
}

void LogViewerWidget::setFollowing(bool follow)
{
    if (m_followButton->isChecked() != follow)
        m_followButton->setChecked(follow); // re-enters through toggled
    if (m_following == follow) {
        if (follow)
            onRowsInserted();
        return;
    }
    m_following = follow;
    if (follow)
        onRowsInserted();
    updateStatus();
    Q_EMIT followingChanged(follow);
}

void LogViewerWidget::onRowsInserted()
{
    if (!m_following)
        return;
    m_autoScrolling = true;
    m_view->scrollToBottom();
    m_autoScrolling = false;
}

void LogViewerWidget::onScrolled(int value)
{
    // The user scrolled away from the bottom: stop following so the lines stay put.
    if (m_autoScrolling || !m_following)
        return;
    if (value < m_view->verticalScrollBar()->maximum())
        setFollowing(false);
}

void LogViewerWidget::scheduleFilter()
{
    m_filterTimer->start();
}

void LogViewerWidget::applyFilter()
{
    LogFilterSpec spec;
    spec.text = m_filterEdit->text();
    spec.regex = m_regexBox->isChecked();
    spec.exclude = m_excludeBox->isChecked();
    spec.minimumSeverity = LogSeverity(m_severityBox->currentData().toInt());
    if (spec == m_model->filter() && !m_model->isFiltering())
        return;
    m_model->setFilter(spec);
    updateStatus();
}

void LogViewerWidget::find(bool forward)
{
    if (m_searchEdit->text().isEmpty())
        return;
    m_model->setSearchText(m_searchEdit->text());
    const QModelIndex current = m_view->currentIndex();
    const int row = m_model->findRow(current.isValid() ? current.row() : -1, forward);
    if (row < 0) {
        m_status->setText(tr("No match for “%1”").arg(m_searchEdit->text()));
        return;
    }
    setFollowing(false); // looking at a match: do not scroll it away
    const QModelIndex index = m_model->index(row, LogTableModel::MessageColumn);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void LogViewerWidget::findNext()
{
    find(true);
}

void LogViewerWidget::findPrevious()
{
    find(false);
}

QString LogViewerWidget::selectedText() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : rows) {
        const qsizetype line = m_model->storeIndex(row);
        if (line >= 0)
            lines << formatLogLine(m_model->store(), line, LogExportFormat::PlainText);
    }
    return lines.join(QLatin1Char('\n'));
}

void LogViewerWidget::copySelection() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

Expected<void, QString> LogViewerWidget::exportTo(const QString &path, LogExportFormat format, ExportScope scope) const
{
    std::vector<qsizetype> indexes;
    if (scope == ExportScope::Visible) {
        indexes = m_model->visibleStoreIndexes();
    } else {
        indexes.resize(size_t(m_model->store().size()));
        for (size_t i = 0; i < indexes.size(); ++i)
            indexes[i] = qsizetype(i);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected(tr("cannot write %1: %2").arg(path, file.errorString()));
    auto written = writeLogLines(file, m_model->store(), indexes, format);
    if (!written)
        return written;
    if (!file.commit())
        return Unexpected(tr("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

void LogViewerWidget::exportInteractively()
{
    QString selectedFilter;
    const QString plain = tr("Plain text (*.log *.txt)");
    const QString json = tr("JSON lines (*.jsonl)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export log"), {}, plain + QStringLiteral(";;") + json,
                                                      &selectedFilter);
    if (path.isEmpty())
        return;
    const bool filtered = !m_model->filter().isEmpty();
    ExportScope scope = ExportScope::All;
    if (filtered) {
        const auto answer = QMessageBox::question(this, tr("Export log"), tr("Export only the lines the filter shows?"),
                                                  QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel)
            return;
        scope = answer == QMessageBox::Yes ? ExportScope::Visible : ExportScope::All;
    }
    const auto result = exportTo(path, selectedFilter == json ? LogExportFormat::JsonLines : LogExportFormat::PlainText, scope);
    if (!result)
        QMessageBox::warning(this, tr("Export log"), result.error());
}

void LogViewerWidget::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (int column = 0; column < LogTableModel::ColumnCount; ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        action->setEnabled(column != LogTableModel::MessageColumn);
        connect(action, &QAction::toggled, this, [this, column](bool shown) { m_view->setColumnHidden(column, !shown); });
    }
    menu.exec(m_view->header()->mapToGlobal(pos));
}

void LogViewerWidget::updateStatus()
{
    const LogLineStore &store = m_model->store();
    QString text = tr("%n line(s)", nullptr, int(std::min<qsizetype>(store.size(), INT_MAX)));
    if (!m_model->filter().isEmpty())
        text += QStringLiteral(" · ") + tr("%n shown", nullptr, m_model->rowCount() - (m_model->hasMarkerRow() ? 1 : 0));
    if (m_model->isFiltering())
        text += QStringLiteral(" · ") + tr("filtering…");
    if (!m_model->filterError().isEmpty())
        text += QStringLiteral(" · ") + tr("invalid pattern: %1").arg(m_model->filterError());
    if (!m_following)
        text += QStringLiteral(" · ") + tr("paused (press Follow or End to resume)");
    if (!m_problem.isEmpty())
        text += QStringLiteral(" · ") + m_problem;
    m_status->setText(text);
}

} // namespace ui
} // namespace fd
