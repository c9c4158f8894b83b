#include "MaintenanceCoordinator.h"

#include "MaintenanceQueueDialog.h"

#include "ui/ClusterTreeModel.h"

#include "engine/onboarding/MaintenanceQueue.h"
#include "engine/onboarding/MaintenanceScheduler.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;
namespace onb = fd::engine::onboarding;

namespace fd {
namespace ui {

MaintenanceCoordinator::MaintenanceCoordinator(onb::MaintenanceQueue *queue, QWidget *window,
                                               std::function<std::optional<OnboardingEnvironment>(const QString &)> environmentFor,
                                               QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_scheduler(new onb::MaintenanceScheduler(queue, this))
    , m_window(window)
    , m_environmentFor(std::move(environmentFor))
{
    connect(m_scheduler, &onb::MaintenanceScheduler::due, this,
            [this](const QString &context) { runBatch(context, OnboardingDialog::BatchStart::Unattended); });
    connect(m_scheduler, &onb::MaintenanceScheduler::missed, this, &MaintenanceCoordinator::promptMissed);
}

MaintenanceCoordinator::~MaintenanceCoordinator() = default;

QMessageBox *MaintenanceCoordinator::missedPrompt(const QString &context) const
{
    return m_prompts.value(context).data();
}

void MaintenanceCoordinator::start()
{
    m_scheduler->start();
}

void MaintenanceCoordinator::markQueuedTenants(ClusterTreeModel *model)
{
    m_treeModel = model;
    connect(m_queue, &onb::MaintenanceQueue::changed, this, &MaintenanceCoordinator::updateTenantNotes,
            Qt::UniqueConnection);
    for (const QString &context : m_queue->contexts())
        updateTenantNotes(context);
}

void MaintenanceCoordinator::updateTenantNotes(const QString &context)
{
    if (!m_treeModel)
        return;
    const onb::QueuedBatch batch = m_queue->batch(context);
    const QString at = batch.scheduledAt ? maintenanceTimeText(*batch.scheduledAt) : QString();
    const QString onboard = at.isEmpty() ? tr("queued to onboard") : tr("queued to onboard at %1").arg(at);
    const QString offboard = at.isEmpty() ? tr("queued to offboard") : tr("queued to offboard at %1").arg(at);
    QHash<QString, QString> notes;
    for (const QString &namespaceName : batch.add)
        notes.insert(namespaceName, onboard);
    for (const QString &namespaceName : batch.remove)
        notes.insert(namespaceName, offboard);
    m_treeModel->setTenantNotes(context, notes);
}

MaintenanceQueueDialog *MaintenanceCoordinator::openQueue(const QString &context)
{
    if (!m_queueDialog) {
        m_queueDialog = new MaintenanceQueueDialog(m_queue, knownContexts ? knownContexts() : QStringList(), m_window);
        m_queueDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_queueDialog, &MaintenanceQueueDialog::planRequested, this,
                [this](const QString &name) { runBatch(name, OnboardingDialog::BatchStart::Plan); });
        connect(m_queueDialog, &MaintenanceQueueDialog::applyRequested, this,
                [this](const QString &name) { runBatch(name, OnboardingDialog::BatchStart::Apply); });
    }
    if (!context.isEmpty())
        m_queueDialog->selectContext(context);
    m_queueDialog->show();
    m_queueDialog->raise();
    m_queueDialog->activateWindow();
    return m_queueDialog;
}

OnboardingDialog *MaintenanceCoordinator::runBatch(const QString &context, OnboardingDialog::BatchStart start)
{
    if (OnboardingDialog *running = m_running.value(context)) {
        running->raise();
        running->activateWindow();
        return running;
    }
    const onb::QueuedBatch batch = m_queue->batch(context);
    if (batch.isEmpty())
        return nullptr;
    const std::optional<OnboardingEnvironment> environment = m_environmentFor ? m_environmentFor(context) : std::nullopt;
    if (!environment) {
        m_queue->setFailure(context, tr("Context %1 is not one of this app's clusters.").arg(context));
        return nullptr;
    }
    fd::fission::OnboardAction action;
    action.namespaceName = batch.add.join(u' ');
    auto *dialog = new OnboardingDialog(*environment, action, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setBatch(batch.add, batch.remove, start);
    m_running.insert(context, dialog);
    // Only what this run applied leaves the queue: the admin may queue more meanwhile.
    connect(dialog, &OnboardingDialog::batchFinished, this, [this, context, batch](bool success, const QString &message) {
        if (success) {
            for (const QString &ns : batch.add + batch.remove)
                m_queue->dequeue(context, ns);
        } else {
            m_queue->setFailure(context, message);
        }
    });
    // Non-modal: a scheduled run must not block the window the admin is working in.
    dialog->show();
    return dialog;
}

void MaintenanceCoordinator::promptMissed(const QString &context)
{
    const onb::QueuedBatch batch = m_queue->batch(context);
    if (batch.isEmpty() || !batch.scheduledAt || m_prompts.value(context))
        return;
    QStringList what;
    if (!batch.add.isEmpty())
        what.append(tr("add %1").arg(batch.add.join(u", "_s)));
    if (!batch.remove.isEmpty())
        what.append(tr("remove %1").arg(batch.remove.join(u", "_s)));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Maintenance window missed"),
                                tr("The maintenance window of %1 at %2 was missed: the app was not running. Nothing was applied.\n\n"
                                   "Queued: %3.\n\nApply the batch now (the control plane restarts), choose another time, or discard it?")
                                    .arg(context, maintenanceTimeText(*batch.scheduledAt),
                                         what.join(u"; "_s)),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(u"missedWindow"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *apply = box->addButton(tr("Apply now…"), QMessageBox::AcceptRole);
    apply->setObjectName(u"applyNow"_s);
    QPushButton *reschedule = box->addButton(tr("Reschedule…"), QMessageBox::ActionRole);
    reschedule->setObjectName(u"reschedule"_s);
    QPushButton *discard = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(u"discard"_s);
    QPushButton *later = box->addButton(tr("Decide later"), QMessageBox::RejectRole);
    later->setObjectName(u"later"_s);
    box->setDefaultButton(reschedule);
    m_prompts.insert(context, box);
    connect(box, &QMessageBox::buttonClicked, this, [this, context, apply, reschedule, discard](QAbstractButton *button) {
        if (button == apply) {
            // The admin is here: the dialog still shows the plan's cost and asks before upgrading.
            m_queue->unschedule(context);
            runBatch(context, OnboardingDialog::BatchStart::Apply);
        } else if (button == reschedule) {
            openQueue(context)->proposeReschedule(context);
        } else if (button == discard) {
            m_queue->clear(context);
        }
        // "Decide later": the batch keeps its past time and is offered again at the next start.
    });
    // open(), not exec(): no nested event loop while the engine keeps working.
    box->open();
}

} // namespace ui
} // namespace fd

#include "moc_MaintenanceCoordinator.cpp"
