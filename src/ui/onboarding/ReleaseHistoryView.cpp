#include "ReleaseHistoryView.h"

#include "DiffView.h"
#include "ui/StatusIcons.h"
#include "ui/YamlHighlighter.h"

#include "engine/onboarding/RevisionCompare.h"
#include "helm/HelmCommands.h"
#include "kube/config/Redaction.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace onb = fd::engine::onboarding;

namespace fd {
namespace ui {

namespace {

QString statusIconFor(fd::helm::ReleaseStatus status)
{
    switch (status) {
    case fd::helm::ReleaseStatus::Deployed: return u"ok"_s;
    case fd::helm::ReleaseStatus::Failed: return u"error"_s;
    case fd::helm::ReleaseStatus::PendingInstall:
    case fd::helm::ReleaseStatus::PendingUpgrade:
    case fd::helm::ReleaseStatus::PendingRollback: return u"pending"_s;
    case fd::helm::ReleaseStatus::Superseded: return u"info"_s;
    default: return u"unknown"_s;
    }
}

} // namespace

ReleaseHistoryView::ReleaseHistoryView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"releaseHistory"_s);
    confirm = askWithMessageBox(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter, 1);

    m_tree = new QTreeWidget(splitter);
    m_tree->setObjectName(u"historyTree"_s);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setColumnCount(6);
    m_tree->setHeaderLabels({tr("Revision"), tr("Updated"), tr("Status"), tr("Chart"), tr("App version"), tr("Description")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    splitter->addWidget(m_tree);

    m_tabs = new QTabWidget(splitter);
    m_values = new QPlainTextEdit(m_tabs);
    m_values->setObjectName(u"revisionValues"_s);
    m_values->setReadOnly(true);
    m_values->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_values->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new YamlHighlighter(m_values->document());
    m_highlighter->updateColors(palette());
    m_tabs->addTab(m_values, tr("Values of the revision"));
    auto *diffPage = new QWidget(m_tabs);
    auto *diffLayout = new QVBoxLayout(diffPage);
    auto *choiceRow = new QHBoxLayout;
    m_from = new QComboBox(diffPage);
    m_from->setObjectName(u"diffFrom"_s);
    m_to = new QComboBox(diffPage);
    m_to->setObjectName(u"diffTo"_s);
    choiceRow->addWidget(new QLabel(tr("Compare"), diffPage));
    choiceRow->addWidget(m_from);
    choiceRow->addWidget(new QLabel(tr("with"), diffPage));
    choiceRow->addWidget(m_to);
    choiceRow->addStretch(1);
    diffLayout->addLayout(choiceRow);
    m_diff = new DiffView(diffPage);
    diffLayout->addWidget(m_diff, 1);
    m_tabs->addTab(diffPage, tr("Diff"));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QHBoxLayout;
    m_rollback = new QPushButton(tr("Roll back to this revision…"), this);
    m_rollback->setObjectName(u"rollbackToRevision"_s);
    m_rollback->setEnabled(false);
    buttons->addWidget(m_rollback);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    buttons->addWidget(m_busy);
    m_status = new QLabel(this);
    m_status->setObjectName(u"historyStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ReleaseHistoryView::showSelected);
    connect(m_from, &QComboBox::currentIndexChanged, this, &ReleaseHistoryView::showChosenDiff);
    connect(m_to, &QComboBox::currentIndexChanged, this, &ReleaseHistoryView::showChosenDiff);
    connect(m_rollback, &QPushButton::clicked, this, &ReleaseHistoryView::rollBackToSelected);
}

ReleaseHistoryView::~ReleaseHistoryView()
{
    if (m_job)
        m_job->cancel();
}

void ReleaseHistoryView::setRevisions(const fd::helm::ReleaseRevisions &revisions)
{
    const int selected = selectedRevision();
    m_revisions = revisions;
    fillTree();
    fillChoices();
    if (selected > 0 && m_revisions->revision(selected))
        selectRevision(selected);
    else if (const fd::helm::Release *latest = m_revisions->latest())
        selectRevision(latest->version);
}

void ReleaseHistoryView::setEditedValues(const QString &text)
{
    m_edited = text;
    if (!m_haveEdited) {
        m_haveEdited = true;
        fillChoices();
    } else if (m_from->currentData().toInt() == EditedValues || m_to->currentData().toInt() == EditedValues) {
        showChosenDiff();
    }
}

void ReleaseHistoryView::fillTree()
{
    m_tree->clear();
    if (!m_revisions)
        return;
    const QLocale locale;
    for (qsizetype i = m_revisions->revisions.size() - 1; i >= 0; --i) {
        const fd::helm::Release &release = m_revisions->revisions.at(i);
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, QString::number(release.version));
        item->setData(0, Qt::UserRole, release.version);
        item->setText(1, release.info.lastDeployed ? locale.toString(release.info.lastDeployed->toLocalTime(), QLocale::ShortFormat)
                                                   : QString());
        item->setText(2, release.info.statusText);
        item->setIcon(2, statusIcon(statusIconFor(release.info.status)));
        item->setText(3, release.chart.metadata.name + u'-' + release.chart.metadata.version);
        item->setText(4, release.chart.metadata.appVersion);
        item->setText(5, release.info.description);
        item->setToolTip(5, release.info.description);
    }
}

void ReleaseHistoryView::fillChoices()
{
    const QVariant from = m_from->currentData();
    const QVariant to = m_to->currentData();
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->clear();
    m_to->clear();
    if (m_revisions) {
        for (qsizetype i = m_revisions->revisions.size() - 1; i >= 0; --i) {
            const int version = m_revisions->revisions.at(i).version;
            m_from->addItem(labelOf(version), version);
            m_to->addItem(labelOf(version), version);
        }
    }
    if (m_haveEdited) {
        m_from->addItem(labelOf(EditedValues), EditedValues);
        m_to->addItem(labelOf(EditedValues), EditedValues);
    }
    if (from.isValid() && m_from->findData(from) >= 0)
        m_from->setCurrentIndex(m_from->findData(from));
    if (to.isValid() && m_to->findData(to) >= 0)
        m_to->setCurrentIndex(m_to->findData(to));
    showChosenDiff();
}

QString ReleaseHistoryView::labelOf(int choice) const
{
    if (choice == EditedValues)
        return tr("the edited values");
    QString label = tr("revision %1").arg(choice);
    if (m_revisions) {
        if (const fd::helm::Release *release = m_revisions->revision(choice))
            label += u" ("_s + release->info.statusText + u')';
    }
    return label;
}

QString ReleaseHistoryView::textOf(int choice) const
{
    if (choice == EditedValues)
        return m_edited;
    if (m_revisions) {
        if (const fd::helm::Release *release = m_revisions->revision(choice))
            return onb::revisionValuesText(*release);
    }
    return {};
}

void ReleaseHistoryView::selectRevision(int version)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toInt() == version) {
            m_tree->setCurrentItem(item);
            return;
        }
    }
}

int ReleaseHistoryView::selectedRevision() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : 0;
}

void ReleaseHistoryView::showSelected()
{
    const int version = selectedRevision();
    const fd::helm::Release *release = m_revisions && version > 0 ? m_revisions->revision(version) : nullptr;
    if (!release) {
        m_values->clear();
        m_rollback->setEnabled(false);
        return;
    }
    const QString text = onb::revisionValuesText(*release);
    m_values->setPlainText(text.isEmpty() ? tr("# no user-supplied values: the chart's defaults apply") : text);
    const fd::helm::Release *latest = m_revisions->latest();
    m_rollback->setEnabled(!isRollingBack() && latest && latest->version != version);
    // The diff follows the selection: what the selected revision changed against the one before it.
    int previous = 0;
    for (const fd::helm::Release &r : m_revisions->revisions) {
        if (r.version < version)
            previous = r.version;
    }
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    if (previous > 0)
        m_from->setCurrentIndex(m_from->findData(previous));
    m_to->setCurrentIndex(m_to->findData(version));
    showChosenDiff();
}

void ReleaseHistoryView::compare(int from, int to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setCurrentIndex(m_from->findData(from));
    m_to->setCurrentIndex(m_to->findData(to));
    showChosenDiff();
    m_tabs->setCurrentIndex(1);
}

void ReleaseHistoryView::compareEditedWithDeployed()
{
    if (!m_revisions || !m_revisions->upgradeBase())
        return;
    compare(m_revisions->upgradeBase()->version, EditedValues);
}

void ReleaseHistoryView::showChosenDiff()
{
    if (m_from->currentIndex() < 0 || m_to->currentIndex() < 0) {
        m_diff->clear();
        return;
    }
    const int from = m_from->currentData().toInt();
    const int to = m_to->currentData().toInt();
    m_diff->showDiff(textOf(from), textOf(to), labelOf(from), labelOf(to));
}

QString ReleaseHistoryView::rollbackQuestion(const fd::helm::Release &current, const fd::helm::Release &target) const
{
    const onb::RevisionChange change = onb::compareRevisions(current, target);
    QStringList lines;
    lines.append(tr("Roll release %1 in %2 back to revision %3? Helm records it as a new revision with the values and chart of revision %3.")
                     .arg(current.name, current.namespaceName)
                     .arg(target.version));
    if (change.namespacesBefore != change.namespacesAfter)
        lines.append(tr("Namespaces served: [%1] → [%2].").arg(change.namespacesBefore.join(u", "_s), change.namespacesAfter.join(u", "_s)));
    else
        lines.append(tr("The namespaces served stay [%1].").arg(change.namespacesAfter.join(u", "_s)));
    if (!change.manifestError.isEmpty())
        lines.append(tr("What restarts is unknown: a stored manifest cannot be read (%1).").arg(change.manifestError));
    else if (change.rolling.isEmpty() && change.created.isEmpty())
        lines.append(tr("No control-plane workload restarts."));
    else
        lines.append(tr("These workloads restart: %1.").arg((change.rolling + change.created).join(u", "_s)));
    if (!change.removed.isEmpty())
        lines.append(tr("These workloads are deleted: %1.").arg(change.removed.join(u", "_s)));
    return lines.join(u"\n\n"_s);
}

void ReleaseHistoryView::rollBackToSelected()
{
    if (isRollingBack() || !m_revisions)
        return;
    const int version = selectedRevision();
    const fd::helm::Release *target = m_revisions->revision(version);
    const fd::helm::Release *current = m_revisions->latest();
    if (!target || !current || current->version == version)
        return;
    m_lastQuestion = rollbackQuestion(*current, *target);
    if (!confirm(tr("Roll back the Fission release"), m_lastQuestion))
        return;
    if (!m_runner)
        m_runner = new fd::helm::HelmRunner(m_helm, this);
    fd::helm::RollbackRequest request;
    request.release = current->name;
    request.namespaceName = current->namespaceName;
    request.revision = version;
    request.wait = true;
    m_job = m_runner->start(fd::helm::commands::rollback(request));
    m_rollback->setEnabled(false);
    m_busy->show();
    m_status->setText(tr("Rolling back to revision %1…").arg(version));
    Q_EMIT rollbackStarted(version);
    connect(m_job, &fd::helm::HelmJob::outputLine, this, [this, version](fd::helm::HelmJob::Stream, const QString &line) {
        if (!line.trimmed().isEmpty())
            m_status->setText(tr("Rolling back to revision %1: %2").arg(version).arg(line.trimmed()));
    });
    const auto handle = [this, version] {
        if (!m_job)
            return;
        const fd::helm::HelmResult result = m_job->result();
        m_job->deleteLater();
        m_job = nullptr;
        m_busy->hide();
        const bool ok = result.hasValue();
        const QString message = ok ? tr("Rolled back to revision %1.").arg(version)
                                   : tr("The rollback to revision %1 failed: %2").arg(version).arg(result.error().message);
        m_status->setText(fd::kube::redactSecrets(message));
        m_status->setStyleSheet(ok ? QString() : u"QLabel { color: #b3261e; }"_s);
        showSelected();
        Q_EMIT rollbackFinished(ok, message);
    };
    if (m_job->isFinished())
        handle(); // helm could not even start (not found): the job finished inside start()
    else
        connect(m_job, &fd::helm::HelmJob::finished, this, handle);
}

QString ReleaseHistoryView::statusText() const
{
    return m_status->text();
}

} // namespace ui
} // namespace fd

#include "moc_ReleaseHistoryView.cpp"
