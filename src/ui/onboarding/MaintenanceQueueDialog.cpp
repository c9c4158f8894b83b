#include "MaintenanceQueueDialog.h"
#include "OnboardingEnvironment.h"

#include "ui/StatusIcons.h"

#include "engine/onboarding/MaintenanceQueue.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace onb = fd::engine::onboarding;

namespace fd {
namespace ui {

namespace {

constexpr int ContextRole = Qt::UserRole;
constexpr int NamespaceRole = Qt::UserRole + 1;

} // namespace

MaintenanceQueueDialog::MaintenanceQueueDialog(onb::MaintenanceQueue *queue, const QStringList &knownContexts, QWidget *parent)
    : QDialog(parent)
    , m_queue(queue)
    , m_knownContexts(knownContexts)
{
    setObjectName(u"MaintenanceQueueDialog"_s);
    setWindowTitle(tr("Maintenance queue"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("On clusters whose namespaces are Helm values, each onboarding restarts the control plane. "
                                "Queued namespaces are applied together in one upgrade — now, or at a scheduled time — "
                                "so it restarts once."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"queue"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Cluster / namespace"), tr("Status")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        updateButtons();
        const QString context = selectedContext();
        if (!context.isEmpty())
            m_contextBox->setCurrentText(context);
        const onb::QueuedBatch batch = m_queue->batch(context);
        if (batch.scheduledAt)
            m_timeEdit->setDateTime(batch.scheduledAt->toLocalTime());
    });

    auto *entryRow = new QHBoxLayout;
    m_contextBox = new QComboBox(this);
    m_contextBox->setObjectName(u"context"_s);
    m_contextBox->setEditable(true);
    m_contextBox->setMinimumContentsLength(16);
    entryRow->addWidget(m_contextBox);
    m_namespacesEdit = new QLineEdit(this);
    m_namespacesEdit->setObjectName(u"namespaces"_s);
    m_namespacesEdit->setPlaceholderText(tr("namespaces, e.g. team-a team-b"));
    entryRow->addWidget(m_namespacesEdit, 1);
    m_queueAdd = new QPushButton(tr("Queue to &add"), this);
    m_queueAdd->setObjectName(u"queueAdd"_s);
    entryRow->addWidget(m_queueAdd);
    m_queueRemove = new QPushButton(tr("Queue to r&emove"), this);
    m_queueRemove->setObjectName(u"queueRemove"_s);
    entryRow->addWidget(m_queueRemove);
    layout->addLayout(entryRow);
    connect(m_queueAdd, &QPushButton::clicked, this, [this] { enqueue(true); });
    connect(m_queueRemove, &QPushButton::clicked, this, [this] { enqueue(false); });
    connect(m_namespacesEdit, &QLineEdit::returnPressed, this, [this] { enqueue(true); });

    auto *scheduleRow = new QHBoxLayout;
    m_dequeue = new QPushButton(tr("&Remove from queue"), this);
    m_dequeue->setObjectName(u"dequeue"_s);
    m_dequeue->setToolTip(tr("Take the selected namespace out of the batch (or the whole batch, when its cluster is selected)."));
    scheduleRow->addWidget(m_dequeue);
    scheduleRow->addStretch(1);
    scheduleRow->addWidget(new QLabel(tr("Apply at (local time):"), this));
    m_timeEdit = new QDateTimeEdit(this);
    m_timeEdit->setObjectName(u"time"_s);
    m_timeEdit->setCalendarPopup(true);
    m_timeEdit->setTimeSpec(Qt::LocalTime);
    m_timeEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    m_timeEdit->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    scheduleRow->addWidget(m_timeEdit);
    m_schedule = new QPushButton(tr("&Schedule"), this);
    m_schedule->setObjectName(u"schedule"_s);
    scheduleRow->addWidget(m_schedule);
    m_unschedule = new QPushButton(tr("&Unschedule"), this);
    m_unschedule->setObjectName(u"unschedule"_s);
    scheduleRow->addWidget(m_unschedule);
    layout->addLayout(scheduleRow);
    connect(m_dequeue, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem *item = m_tree->currentItem();
        if (!item)
            return;
        const QString context = item->data(0, ContextRole).toString();
        const QString ns = item->data(0, NamespaceRole).toString();
        if (ns.isEmpty())
            m_queue->clear(context);
        else
            m_queue->dequeue(context, ns);
    });
    connect(m_schedule, &QPushButton::clicked, this, [this] {
        showError({});
        const QString context = selectedContext();
        const auto scheduled = m_queue->schedule(context, m_timeEdit->dateTime());
        if (!scheduled)
            showError(tr("Cannot schedule %1: %2").arg(context, scheduled.error()));
    });
    connect(m_unschedule, &QPushButton::clicked, this, [this] { m_queue->unschedule(selectedContext()); });

    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"QLabel { color: #b3261e; }"_s);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    m_plan = new QPushButton(tr("&Plan the batch…"), this);
    m_plan->setObjectName(u"planBatch"_s);
    m_plan->setToolTip(tr("Open the onboarding dialog with one plan for every queued namespace of this cluster."));
    buttons->addWidget(m_plan);
    m_apply = new QPushButton(tr("Apply &now…"), this);
    m_apply->setObjectName(u"applyNow"_s);
    m_apply->setToolTip(tr("Plan the batch and upgrade once, after your confirmation."));
    buttons->addWidget(m_apply);
    buttons->addStretch(1);
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(m_plan, &QPushButton::clicked, this, [this] { Q_EMIT planRequested(selectedContext()); });
    connect(m_apply, &QPushButton::clicked, this, [this] { Q_EMIT applyRequested(selectedContext()); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);

    connect(m_queue, &onb::MaintenanceQueue::changed, this, &MaintenanceQueueDialog::rebuild);
    rebuild();
    resize(760, 480);
}

MaintenanceQueueDialog::~MaintenanceQueueDialog() = default;

QString MaintenanceQueueDialog::selectedContext() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, ContextRole).toString() : QString();
}

void MaintenanceQueueDialog::selectContext(const QString &context)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->data(0, ContextRole).toString() == context) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            return;
        }
    }
    m_contextBox->setCurrentText(context);
}

void MaintenanceQueueDialog::proposeReschedule(const QString &context)
{
    selectContext(context);
    m_timeEdit->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    m_timeEdit->setFocus();
}

void MaintenanceQueueDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void MaintenanceQueueDialog::enqueue(bool add)
{
    showError({});
    const QString context = m_contextBox->currentText().trimmed();
    const QStringList names = m_namespacesEdit->text().split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
    const auto queued = add ? m_queue->enqueue(context, names, {}) : m_queue->enqueue(context, {}, names);
    if (!queued) {
        showError(tr("Cannot queue: %1").arg(queued.error()));
        return;
    }
    m_namespacesEdit->clear();
    selectContext(context);
}

void MaintenanceQueueDialog::rebuild()
{
    const QString current = selectedContext();
    const QTreeWidgetItem *currentItem = m_tree->currentItem();
    const QString currentNamespace = currentItem ? currentItem->data(0, NamespaceRole).toString() : QString();
    m_tree->clear();
    QTreeWidgetItem *reselect = nullptr;
    for (const QString &context : m_queue->contexts()) {
        const onb::QueuedBatch batch = m_queue->batch(context);
        auto *top = new QTreeWidgetItem(m_tree, QStringList{context});
        top->setData(0, ContextRole, context);
        QString status = batch.scheduledAt ? tr("scheduled for %1").arg(maintenanceTimeText(*batch.scheduledAt)) : tr("not scheduled");
        if (!batch.lastError.isEmpty())
            status = tr("last attempt failed: %1").arg(batch.lastError);
        top->setText(1, status);
        top->setToolTip(1, status);
        top->setIcon(0, statusIcon(batch.lastError.isEmpty() ? u"pending"_s : u"error"_s));
        if (context == current && currentNamespace.isEmpty())
            reselect = top;
        const auto addChild = [&](const QString &ns, const QString &what) {
            auto *child = new QTreeWidgetItem(top, QStringList{ns, what});
            child->setData(0, ContextRole, context);
            child->setData(0, NamespaceRole, ns);
            if (context == current && ns == currentNamespace)
                reselect = child;
        };
        for (const QString &ns : batch.add)
            addChild(ns, tr("add"));
        for (const QString &ns : batch.remove)
            addChild(ns, tr("remove"));
        top->setExpanded(true);
    }
    if (!reselect && m_tree->topLevelItemCount() > 0) {
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
            if (m_tree->topLevelItem(i)->data(0, ContextRole).toString() == current)
                reselect = m_tree->topLevelItem(i);
        }
    }
    if (reselect)
        m_tree->setCurrentItem(reselect);

    QStringList contexts = m_knownContexts + m_queue->contexts();
    contexts.removeDuplicates();
    contexts.sort();
    const QString typed = m_contextBox->currentText();
    m_contextBox->clear();
    m_contextBox->addItems(contexts);
    m_contextBox->setCurrentText(typed.isEmpty() ? contexts.value(0) : typed);
    updateButtons();
}

void MaintenanceQueueDialog::updateButtons()
{
    const QString context = selectedContext();
    const onb::QueuedBatch batch = m_queue->batch(context);
    const bool selected = !context.isEmpty() && !batch.isEmpty();
    m_dequeue->setEnabled(selected);
    m_schedule->setEnabled(selected);
    m_unschedule->setEnabled(selected && batch.scheduledAt.has_value());
    m_plan->setEnabled(selected);
    m_apply->setEnabled(selected);
}

} // namespace ui
} // namespace fd

#include "moc_MaintenanceQueueDialog.cpp"
