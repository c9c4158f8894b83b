#include "LogViewerWidget.h"

#include "engine/logs/LogFollow.h"
#include "ui/logs/LogTableModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
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
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace fd {
namespace ui {

namespace {

enum SourceRole { PodRole = Qt::UserRole + 1, ContainerRole, NamespaceRole, RestartsRole };
constexpr auto kTimeFormat = "yyyy-MM-dd HH:mm:ss.zzz";

QString sourceKey(const QString &pod, const QString &container)
{
    return pod + QChar(u'\0') + container;
}

QIcon colourSwatch(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(colour);
    QPainter painter(&pixmap);
    painter.setPen(colour.darker(140));
    painter.drawRect(0, 0, 11, 11);
    return QIcon(pixmap);
}

QDateTimeEdit *timeEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QLatin1String(kTimeFormat));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

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

    auto *columns = new QToolButton(this);
    columns->setObjectName(QStringLiteral("logColumns"));
    columns->setText(tr("Columns"));
    columns->setPopupMode(QToolButton::InstantPopup);
    m_columnMenu = new QMenu(columns);
    const char *const columnNames[] = {"logColumnTime", "logColumnPod", "logColumnContainer"};
    for (int column = 0; column < LogTableModel::MessageColumn; ++column) {
        QAction *action = m_columnMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QLatin1String(columnNames[column]));
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, [this, column](bool shown) { setColumnVisible(column, shown); });
        m_columnActions.append(action);
    }
    columns->setMenu(m_columnMenu);
    bar->addWidget(columns);

    // Second bar: time range and jump to time.
    m_timeRangeBox = new QCheckBox(tr("Time range"), this);
    m_timeRangeBox->setObjectName(QStringLiteral("logTimeRange"));
    m_fromEdit = timeEdit(QStringLiteral("logTimeFrom"), this);
    m_toEdit = timeEdit(QStringLiteral("logTimeTo"), this);
    m_fromEdit->setEnabled(false);
    m_toEdit->setEnabled(false);
    m_fromEdit->setToolTip(tr("Show lines from this time on (UTC)"));
    m_toEdit->setToolTip(tr("Show lines up to this time (UTC)"));
    m_jumpEdit = timeEdit(QStringLiteral("logJumpTime"), this);
    m_jumpEdit->setToolTip(tr("Jump to the first line at or after this time (UTC)"));
    auto *jump = new QToolButton(this);
    jump->setObjectName(QStringLiteral("logJump"));
    jump->setText(tr("Jump to time"));
    auto *timeBar = new QHBoxLayout;
    timeBar->addWidget(m_timeRangeBox);
    timeBar->addWidget(m_fromEdit);
    timeBar->addWidget(new QLabel(QStringLiteral("–"), this));
    timeBar->addWidget(m_toEdit);
    timeBar->addSpacing(24);
    timeBar->addWidget(m_jumpEdit);
    timeBar->addWidget(jump);
    timeBar->addStretch(1);

    // The sources: one item per pod, its containers below, in their colours.
    m_sourceTree = new QTreeWidget(this);
    m_sourceTree->setObjectName(QStringLiteral("logSources"));
    m_sourceTree->setColumnCount(2);
    m_sourceTree->setHeaderLabels({tr("Source"), tr("Restarts")});
    m_sourceTree->setRootIsDecorated(true);
    m_sourceTree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_sourceTree->header()->setStretchLastSection(false);
    m_sourceTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_sourceTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_previousButton = new QToolButton(this);
    m_previousButton->setObjectName(QStringLiteral("logPreviousLog"));
    m_previousButton->setText(tr("Previous log"));
    m_previousButton->setToolTip(tr("Open the log of the selected container's previous (restarted) instance"));
    m_previousButton->setEnabled(false);
    auto *sourcePanel = new QWidget(this);
    auto *sourceLayout = new QVBoxLayout(sourcePanel);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    sourceLayout->addWidget(m_sourceTree, 1);
    sourceLayout->addWidget(m_previousButton);

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

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("logSplitter"));
    splitter->addWidget(sourcePanel);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({230, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(timeBar);
    layout->addWidget(splitter, 1);
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
    connect(m_sourceTree, &QTreeWidget::itemChanged, this, &LogViewerWidget::onSourceItemChanged);
    connect(m_sourceTree, &QTreeWidget::currentItemChanged, this, &LogViewerWidget::updatePreviousButton);
    connect(m_sourceTree, &QTreeWidget::customContextMenuRequested, this, &LogViewerWidget::showSourceMenu);
    connect(m_previousButton, &QToolButton::clicked, this, &LogViewerWidget::requestPreviousLog);
    connect(m_timeRangeBox, &QCheckBox::toggled, this, &LogViewerWidget::onTimeRangeToggled);
    const auto onRangeEdited = [this] {
        m_rangeEdited = true;
        if (m_timeRangeBox->isChecked())
            scheduleFilter();
    };
    connect(m_fromEdit, &QDateTimeEdit::dateTimeChanged, this, onRangeEdited);
    connect(m_toEdit, &QDateTimeEdit::dateTimeChanged, this, onRangeEdited);
    connect(jump, &QToolButton::clicked, this, [this] { jumpToTime(m_jumpEdit->dateTime()); });
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
    connect(m_follow.get(), &fd::engine::LogFollow::containersSeen, this, &LogViewerWidget::addContainers);
}

void LogViewerWidget::appendLines(const QList<fd::engine::LogLine> &lines)
{
    m_model->appendLines(lines);
    syncSources();
    if (!m_timeEditsInitialised && m_model->store().size() > 0)
        initialiseTimeEdits();
    updateStatus();
}

void LogViewerWidget::initialiseTimeEdits()
{
    // Start the pickers at the lines' own times, not at 2000-01-01.
    m_timeEditsInitialised = true;
    const LogLineStore &store = m_model->store();
    const QDateTime first = store.time(0);
    const QDateTime last = store.time(store.size() - 1);
    const QSignalBlocker blockFrom(m_fromEdit);
    const QSignalBlocker blockTo(m_toEdit);
    m_fromEdit->setDateTime(first);
    m_toEdit->setDateTime(last);
    m_jumpEdit->setDateTime(first);
}

void LogViewerWidget::onTimeRangeToggled(bool on)
{
    m_fromEdit->setEnabled(on);
    m_toEdit->setEnabled(on);
    if (on && !m_rangeEdited && m_model->store().size() > 0) {
        // Untouched pickers: the range starts as every line so far.
        const LogLineStore &store = m_model->store();
        const QSignalBlocker blockFrom(m_fromEdit);
        const QSignalBlocker blockTo(m_toEdit);
        m_fromEdit->setDateTime(store.time(0));
        m_toEdit->setDateTime(store.time(store.size() - 1));
    }
    scheduleFilter();
}

QTreeWidgetItem *LogViewerWidget::sourceItem(const QString &pod, const QString &container)
{
    const QString key = sourceKey(pod, container);
    if (QTreeWidgetItem *item = m_containerItems.value(key))
        return item;
    const bool wasPopulating = std::exchange(m_populatingSources, true);
    QTreeWidgetItem *podItem = m_podItems.value(pod);
    if (!podItem) {
        podItem = new QTreeWidgetItem(m_sourceTree, QStringList{pod});
        podItem->setData(0, PodRole, pod);
        podItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        podItem->setCheckState(0, Qt::Checked);
        podItem->setToolTip(0, pod);
        podItem->setExpanded(true);
        m_podItems.insert(pod, podItem);
    }
    // A pod hidden as a whole hides its new containers too. Asked before the child exists: an
    // auto-tristate parent derives its state from its children, and a new child has none yet.
    const bool podHidden = podItem->childCount() > 0 && podItem->checkState(0) == Qt::Unchecked;
    auto *item = new QTreeWidgetItem(QStringList{container});
    item->setData(0, PodRole, pod);
    item->setData(0, ContainerRole, container);
    item->setData(0, RestartsRole, 0);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(0, podHidden ? Qt::Unchecked : Qt::Checked);
    podItem->addChild(item);
    item->setIcon(0, colourSwatch(LogTableModel::sourceColour(m_model->sourceId(pod, container))));
    item->setToolTip(0, pod + u'/' + container);
    m_containerItems.insert(key, item);
    podItem->setExpanded(true);
    m_populatingSources = wasPopulating;
    return item;
}

void LogViewerWidget::syncSources()
{
    const LogLineStore &store = m_model->store();
    for (; m_sourcesListed < store.sourceCount(); ++m_sourcesListed) {
        const auto id = quint16(m_sourcesListed);
        sourceItem(store.sourcePod(id), store.sourceContainer(id));
    }
}

void LogViewerWidget::addContainers(const fd::engine::LogContainers &containers)
{
    for (const fd::engine::LogContainer &container : containers) {
        QTreeWidgetItem *item = sourceItem(container.pod, container.container);
        const bool wasPopulating = std::exchange(m_populatingSources, true);
        item->setData(0, NamespaceRole, container.namespaceName);
        item->setData(0, RestartsRole, container.restartCount);
        item->setText(1, container.restartCount > 0 ? QString::number(container.restartCount) : QString());
        if (container.restartCount > 0)
            item->setToolTip(1, tr("Restarted %n time(s): its previous log can be opened", nullptr, container.restartCount));
        m_populatingSources = wasPopulating;
    }
    syncSources();
    updatePreviousButton();
}

void LogViewerWidget::onSourceItemChanged(QTreeWidgetItem *item)
{
    Q_UNUSED(item)
    if (m_populatingSources)
        return;
    scheduleFilter(); // a pod's check box changes each of its containers: filter once
}

void LogViewerWidget::setSourceVisible(const QString &pod, const QString &container, bool visible)
{
    sourceItem(pod, container)->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
}

std::optional<fd::engine::LogContainer> LogViewerWidget::restartedContainer() const
{
    const QTreeWidgetItem *item = m_sourceTree->currentItem();
    if (!item || item->data(0, ContainerRole).toString().isEmpty())
        return std::nullopt;
    fd::engine::LogContainer container{item->data(0, NamespaceRole).toString(), item->data(0, PodRole).toString(),
                                       item->data(0, ContainerRole).toString(), item->data(0, RestartsRole).toInt()};
    if (container.restartCount <= 0 || container.namespaceName.isEmpty())
        return std::nullopt;
    return container;
}

void LogViewerWidget::updatePreviousButton()
{
    m_previousButton->setEnabled(restartedContainer().has_value());
}

void LogViewerWidget::requestPreviousLog()
{
    if (const auto container = restartedContainer())
        Q_EMIT previousLogRequested(*container);
}

void LogViewerWidget::showSourceMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_sourceTree->itemAt(pos);
    if (!item)
        return;
    m_sourceTree->setCurrentItem(item);
    QMenu menu(this);
    QAction *previous = menu.addAction(tr("Previous log"), this, &LogViewerWidget::requestPreviousLog);
    previous->setEnabled(restartedContainer().has_value());
    const QString pod = item->data(0, PodRole).toString();
    menu.addAction(tr("Show only this source"), this, [this, item] {
        const bool wasPopulating = std::exchange(m_populatingSources, true);
        for (QTreeWidgetItem *podItem : std::as_const(m_podItems))
            podItem->setCheckState(0, Qt::Unchecked);
        item->setCheckState(0, Qt::Checked);
        m_populatingSources = wasPopulating;
        applyFilter();
    });
    menu.addAction(tr("Show all sources"), this, [this] {
        const bool wasPopulating = std::exchange(m_populatingSources, true);
        for (QTreeWidgetItem *podItem : std::as_const(m_podItems))
            podItem->setCheckState(0, Qt::Checked);
        m_populatingSources = wasPopulating;
        applyFilter();
    });
    menu.exec(m_sourceTree->viewport()->mapToGlobal(pos));
}

void LogViewerWidget::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= LogTableModel::MessageColumn)
        return; // the message always shows
    m_view->setColumnHidden(column, !visible);
    QAction *action = m_columnActions.value(column);
    if (action && action->isChecked() != visible)
        action->setChecked(visible);
}

bool LogViewerWidget::isColumnVisible(int column) const
{
    return !m_view->isColumnHidden(column);
}

bool LogViewerWidget::jumpToTime(const QDateTime &time)
{
    const qint64 stamp = time.toMSecsSinceEpoch() * 1'000'000;
    const int row = m_model->firstRowAtOrAfter(stamp);
    if (row < 0) {
        m_status->setText(tr("No line at or after %1").arg(time.toUTC().toString(QLatin1String(kTimeFormat))));
        return false;
    }
    setFollowing(false); // stay at that time
    const QModelIndex index = m_model->index(row, LogTableModel::MessageColumn);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
    return true;
}

void LogViewerWidget::setBuildPackage(const QString &packageName)
{
    m_model->setBuildPackage(packageName);
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
    for (QTreeWidgetItem *item : std::as_const(m_containerItems)) {
        if (item->checkState(0) == Qt::Unchecked)
            spec.hiddenSources.insert(m_model->sourceId(item->data(0, PodRole).toString(), item->data(0, ContainerRole).toString()));
    }
    if (m_timeRangeBox->isChecked()) {
        spec.fromNs = m_fromEdit->dateTime().toMSecsSinceEpoch() * 1'000'000;
        // Inclusive to the end of the millisecond shown.
        spec.toNs = m_toEdit->dateTime().toMSecsSinceEpoch() * 1'000'000 + 999'999;
    }
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
    m_columnMenu->exec(m_view->header()->mapToGlobal(pos));
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

#include "moc_LogViewerWidget.cpp"
