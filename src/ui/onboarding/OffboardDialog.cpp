#include "OffboardDialog.h"

#include "ui/StatusIcons.h"
#include "ui/onboarding/RunStepTree.h"

#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/MaintenanceQueue.h"
#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/OnboardingRun.h"
#include "engine/onboarding/RevisionCompare.h"
#include "engine/onboarding/TenantRun.h"
#include "fission/InstallDetection.h"
#include "helm/Values.h"
#include "kube/config/Redaction.h"
#include "kube/transport/KubeSession.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace onb = fd::engine::onboarding;

namespace fd {
namespace ui {

OffboardDialog::OffboardDialog(const OnboardingEnvironment &environment, const QString &namespaceName, QWidget *parent)
    : QDialog(parent)
    , m_environment(environment)
    , m_namespace(namespaceName)
{
    setObjectName(u"OffboardDialog"_s);
    setWindowTitle(tr("Offboard namespace %1 — %2").arg(namespaceName, environment.contextName));
    confirm = askWithMessageBox(this);
    buildUi();
    resize(820, 680);
    QTimer::singleShot(0, this, &OffboardDialog::startProbe);
}

OffboardDialog::~OffboardDialog()
{
    delete m_watch.data();
    delete m_helmRun.data();
    delete m_tenantRun.data();
    delete m_planner.data();
    delete m_previewReader.data();
    delete m_probe.data();
    m_session.reset();
}

void OffboardDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(tr("Reading the cluster…"), this);
    m_intro->setObjectName(u"offboardIntro"_s);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"offboardSummary"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_previewTree = new QTreeWidget(this);
    m_previewTree->setObjectName(u"offboardPreview"_s);
    m_previewTree->setHeaderHidden(true);
    m_previewTree->setUniformRowHeights(true);
    layout->addWidget(m_previewTree, 3);

    m_deleteNamespace = new QCheckBox(tr("Also delete the namespace %1 and everything in it").arg(m_namespace), this);
    m_deleteNamespace->setObjectName(u"deleteNamespace"_s);
    layout->addWidget(m_deleteNamespace);

    auto *confirmRow = new QHBoxLayout;
    m_confirmLabel = new QLabel(tr("Type <b>%1</b> to confirm:").arg(m_namespace.toHtmlEscaped()), this);
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(u"confirmNamespace"_s);
    m_confirmEdit->setPlaceholderText(m_namespace);
    m_confirmLabel->setBuddy(m_confirmEdit);
    confirmRow->addWidget(m_confirmLabel);
    confirmRow->addWidget(m_confirmEdit, 1);
    layout->addLayout(confirmRow);

    auto *busyRow = new QHBoxLayout;
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    busyRow->addWidget(m_busy);
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    busyRow->addWidget(m_status, 1);
    layout->addLayout(busyRow);

    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"QLabel { color: #b3261e; }"_s);
    m_error->hide();
    layout->addWidget(m_error);

    m_stepTree = new QTreeWidget(this);
    m_stepTree->setObjectName(u"steps"_s);
    m_stepTree->setColumnCount(2);
    m_stepTree->setHeaderLabels({tr("Step"), tr("Details")});
    m_stepTree->setRootIsDecorated(false);
    m_stepTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_stepTree->hide();
    layout->addWidget(m_stepTree, 2);

    m_heldBox = new QGroupBox(tr("What holds the namespace"), this);
    auto *heldLayout = new QVBoxLayout(m_heldBox);
    m_heldSummary = new QLabel(m_heldBox);
    m_heldSummary->setWordWrap(true);
    heldLayout->addWidget(m_heldSummary);
    m_heldTree = new QTreeWidget(m_heldBox);
    m_heldTree->setObjectName(u"heldObjects"_s);
    m_heldTree->setColumnCount(2);
    m_heldTree->setHeaderLabels({tr("Object"), tr("Finalizers")});
    m_heldTree->setRootIsDecorated(false);
    heldLayout->addWidget(m_heldTree);
    m_removeFinalizers = new QPushButton(tr("Remove the finalizers of the selected object…"), m_heldBox);
    m_removeFinalizers->setObjectName(u"removeFinalizers"_s);
    m_removeFinalizers->setToolTip(tr("The controller that owns a finalizer normally removes it; remove it by hand only when that "
                                      "controller is gone."));
    heldLayout->addWidget(m_removeFinalizers, 0, Qt::AlignLeft);
    m_heldBox->hide();
    layout->addWidget(m_heldBox, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_offboardButton = new QPushButton(tr("&Offboard"), this);
    m_offboardButton->setObjectName(u"offboard"_s);
    m_offboardButton->setEnabled(false);
    buttons->addWidget(m_offboardButton);
    m_queueButton = new QPushButton(tr("Add to &queue"), this);
    m_queueButton->setObjectName(u"queue"_s);
    m_queueButton->setToolTip(tr("Queue removing the namespace from the Helm values for a maintenance window: queued changes are "
                                 "applied together in one upgrade, so the control plane restarts once (Tools → Maintenance "
                                 "queue…). The namespace itself is kept."));
    m_queueButton->hide();
    buttons->addWidget(m_queueButton);
    m_closeButton = new QPushButton(tr("Close"), this);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);

    connect(m_confirmEdit, &QLineEdit::textChanged, this, &OffboardDialog::updateOffboardButton);
    connect(m_deleteNamespace, &QCheckBox::toggled, this, &OffboardDialog::updateOffboardButton);
    connect(m_offboardButton, &QPushButton::clicked, this, &OffboardDialog::startOffboarding);
    connect(m_queueButton, &QPushButton::clicked, this, &OffboardDialog::addToQueue);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        if (m_succeeded)
            accept();
        else
            reject();
    });
    connect(m_heldTree, &QTreeWidget::currentItemChanged, this, [this] { m_removeFinalizers->setEnabled(m_heldTree->currentItem() != nullptr); });
    connect(m_removeFinalizers, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem *item = m_heldTree->currentItem();
        if (!item || !m_watch)
            return;
        const int index = item->data(0, Qt::UserRole).toInt();
        const QList<onb::HeldObject> &held = m_watch->state().heldObjects;
        if (index < 0 || index >= held.size())
            return;
        const onb::HeldObject object = held.at(index);
        if (!confirm(tr("Remove finalizers"),
                     tr("Remove the finalizers %1 from %2/%3? Whatever they protect is not cleaned up by its controller then.")
                         .arg(object.finalizers.join(u", "_s), object.kind, object.name)))
            return;
        m_watch->removeFinalizers(object, [this](const QString &error) {
            if (!error.isEmpty())
                showError(tr("Removing the finalizers failed: %1").arg(error));
        });
    });
    setPhase(Phase::Probing);
    setBusy(tr("Reading the cluster…"));
}

onb::StepRunner *OffboardDialog::run() const
{
    if (m_helmRun)
        return m_helmRun.data();
    return m_tenantRun.data();
}

std::optional<onb::NamespaceDeletionState> OffboardDialog::namespaceState() const
{
    if (!m_watch)
        return std::nullopt;
    return m_watch->state();
}

void OffboardDialog::setBusy(const QString &message)
{
    m_busy->setVisible(!message.isEmpty());
    m_status->setText(message);
}

void OffboardDialog::showError(const QString &message)
{
    m_failure = fd::kube::redactSecrets(message);
    m_error->setText(m_failure);
    m_error->setVisible(!m_failure.isEmpty());
}

void OffboardDialog::setPhase(Phase phase)
{
    const bool changed = phase != m_phase;
    m_phase = phase;
    const bool ready = phase == Phase::Ready;
    m_deleteNamespace->setEnabled(ready && m_preview && m_preview->namespaceExists);
    m_confirmEdit->setReadOnly(!ready);
    m_closeButton->setEnabled(phase != Phase::Planning && phase != Phase::Running);
    updateOffboardButton();
    if (changed)
        Q_EMIT phaseChanged(phase);
}

void OffboardDialog::updateOffboardButton()
{
    // Something must change: Fission serves the namespace, or it is to be deleted.
    const bool somethingToDo = m_served || (m_deleteNamespace->isChecked() && m_preview && m_preview->namespaceExists);
    const bool confirmed = m_phase == Phase::Ready && m_confirmEdit->text() == m_namespace;
    m_offboardButton->setEnabled(confirmed && somethingToDo);
    // Only the Helm values change can wait for a window; deleting the namespace cannot be queued.
    m_queueButton->setVisible(m_environment.queue && !m_modern && m_served && m_phase != Phase::Probing
                              && m_phase != Phase::ProbeFailed);
    m_queueButton->setEnabled(confirmed && !m_deleteNamespace->isChecked() && !isQueued());
}

bool OffboardDialog::isQueued() const
{
    return m_environment.queue && m_environment.queue->isQueued(m_environment.contextName, m_namespace);
}

void OffboardDialog::addToQueue()
{
    if (!m_environment.queue || m_phase != Phase::Ready || m_confirmEdit->text() != m_namespace)
        return;
    showError({});
    const auto queued = m_environment.queue->enqueue(m_environment.contextName, {}, {m_namespace});
    if (!queued) {
        showError(tr("Cannot queue: %1").arg(queued.error()));
        return;
    }
    const onb::QueuedBatch batch = m_environment.queue->batch(m_environment.contextName);
    m_status->setText(tr("Queued removing %1 for the next maintenance window of %2 (%n namespace(s) queued). "
                         "Tools → Maintenance queue… plans, applies or schedules the batch.",
                         nullptr, int(batch.add.size() + batch.remove.size()))
                          .arg(m_namespace, m_environment.contextName));
    updateOffboardButton();
}

void OffboardDialog::startProbe()
{
    showError({});
    setBusy(tr("Reading the cluster…"));
    if (!m_session) {
        auto session = m_environment.openSession ? m_environment.openSession()
                                                 : fd::Expected<std::unique_ptr<fd::kube::KubeSession>, QString>(
                                                       fd::Unexpected(tr("There is no connection to context %1.").arg(m_environment.contextName)));
        if (!session) {
            showError(tr("Cannot connect to context %1: %2").arg(m_environment.contextName, session.error()));
            setBusy({});
            setPhase(Phase::ProbeFailed);
            return;
        }
        m_session = std::move(session.value());
    }
    m_probe = new onb::ClusterProbe(m_session->rest(), this);
    connect(m_probe, &onb::ClusterProbe::finished, this, &OffboardDialog::onProbeFinished);
    m_probe->start();
}

void OffboardDialog::onProbeFinished()
{
    if (!m_probe->result()) {
        setBusy({});
        showError(tr("Reading the cluster failed: %1").arg(m_probe->result().error().message));
        setPhase(Phase::ProbeFailed);
        return;
    }
    m_facts = m_probe->result().value();
    m_probe->deleteLater();
    const fd::fission::FissionInstall *install = m_facts->install();
    if (install) {
        m_modern = !fd::fission::isHelmOnboarding(install->world);
        if (m_modern) {
            onb::TenantPlanInputs inputs;
            inputs.tenants = m_facts->tenants;
            inputs.offboard = {m_namespace};
            m_served = !onb::planTenants(inputs).offboard.isEmpty();
        } else if (m_facts->release && m_facts->release->upgradeBase()) {
            m_served = onb::servedNamespaces(*m_facts->release->upgradeBase()).contains(m_namespace);
        }
    }
    setBusy(tr("Listing what namespace %1 holds…").arg(m_namespace));
    m_previewReader = new onb::OffboardPreview(m_session->rest(), this);
    connect(m_previewReader, &onb::OffboardPreview::finished, this, &OffboardDialog::onPreviewFinished);
    m_previewReader->start(m_namespace);
}

void OffboardDialog::onPreviewFinished()
{
    setBusy({});
    if (!m_previewReader->result()) {
        showError(tr("Reading namespace %1 failed: %2").arg(m_namespace, m_previewReader->result().error().message));
        setPhase(Phase::ProbeFailed);
        return;
    }
    m_preview = m_previewReader->result().value();
    m_previewReader->deleteLater();
    showPreview();
    setPhase(Phase::Ready);
    m_confirmEdit->setFocus();
}

void OffboardDialog::showPreview()
{
    const fd::fission::FissionInstall *install = m_facts ? m_facts->install() : nullptr;
    QString intro;
    if (!install)
        intro = tr("No Fission control plane was found in context %1.").arg(m_environment.contextName.toHtmlEscaped());
    else if (!m_served)
        intro = tr("Fission does not serve namespace <b>%1</b> now; only deleting it is left to do.").arg(m_namespace.toHtmlEscaped());
    else if (m_modern)
        intro = tr("Offboarding deletes the FissionTenant of <b>%1</b>: Fission stops serving it. Nothing restarts.")
                    .arg(m_namespace.toHtmlEscaped());
    else
        intro = tr("Offboarding removes <b>%1</b> from the Helm values of release %2/%3 and upgrades it, which "
                   "<b>restarts control-plane Deployments</b>.")
                    .arg(m_namespace.toHtmlEscaped(), install->releaseNamespace.toHtmlEscaped(), install->releaseName.toHtmlEscaped());
    if (const QString queued = queuedNamespaceNote(m_environment, m_namespace); !queued.isEmpty())
        intro += u"<br>"_s + queued.toHtmlEscaped();
    m_intro->setText(intro);

    m_previewTree->clear();
    const onb::OffboardPreviewData &preview = *m_preview;
    if (!preview.namespaceExists) {
        m_summary->setText(tr("Namespace %1 does not exist.").arg(m_namespace));
        m_deleteNamespace->setChecked(false);
        return;
    }
    const int functions = preview.count(u"functions"_s);
    m_summary->setText(tr("Namespace %1 holds %n object(s) that Fission uses or that are lost with the namespace.", nullptr, preview.total())
                           .arg(m_namespace)
                       + (functions > 0 && m_served ? u" "_s + tr("%n function(s) stop being served.", nullptr, functions) : QString()));
    for (const onb::OffboardLossGroup &group : preview.groups) {
        auto *top = new QTreeWidgetItem(m_previewTree, QStringList{u"%1 (%2)"_s.arg(group.title).arg(group.names.size())});
        top->setData(0, Qt::UserRole, group.id);
        top->setIcon(0, statusIcon(group.names.isEmpty() ? u"ok"_s : u"warning"_s));
        QFont font = top->font(0);
        font.setBold(true);
        top->setFont(0, font);
        for (const QString &name : group.names)
            new QTreeWidgetItem(top, QStringList{name});
        top->setExpanded(!group.names.isEmpty() && group.names.size() <= 20);
    }
}

void OffboardDialog::startOffboarding()
{
    if (m_phase != Phase::Ready || m_confirmEdit->text() != m_namespace)
        return;
    showError({});
    m_deleting = m_deleteNamespace->isChecked() && m_preview && m_preview->namespaceExists;
    if (!m_served) {
        // Nothing to change in Fission: delete the namespace directly.
        if (!m_deleting)
            return;
        setPhase(Phase::Running);
        setBusy(tr("Deleting namespace %1…").arg(m_namespace));
        onb::deleteObject(m_session->rest(), this, onb::resourcePath({}, u"v1"_s, u"namespaces"_s, {}, m_namespace),
                          [this](const onb::DoneResult &result) {
                              if (!result && result.error().kind != fd::kube::ErrorKind::NotFound) {
                                  setBusy({});
                                  showError(tr("Deleting namespace %1 failed: %2").arg(m_namespace, result.error().message));
                                  setPhase(Phase::Finished);
                                  return;
                              }
                              watchNamespace();
                              setPhase(Phase::WaitingForNamespace);
                          });
        return;
    }
    if (m_modern) {
        onb::TenantPlanInputs inputs;
        inputs.kubeContext = m_environment.contextName;
        inputs.world = fd::fission::tenancyWorldId(m_facts->install()->world);
        inputs.tenants = m_facts->tenants;
        inputs.existingNamespaces = m_facts->namespaces;
        inputs.functionsPerNamespace = m_facts->functionsPerNamespace;
        inputs.offboard = {m_namespace};
        onb::TenantRunOptions options;
        // The preview listed the functions and the name was typed: that is the --force consent.
        options.force = true;
        options.deleteNamespaces = m_deleting;
        m_tenantRun = new onb::TenantRun(m_session->rest(), onb::planTenants(inputs), options, this);
        startRun(m_tenantRun);
        m_tenantRun->start();
        return;
    }
    onb::PlanRequest request;
    request.helm = m_environment.helm;
    request.report = m_facts->report;
    request.release = *m_facts->release->upgradeBase();
    request.latestRevision = m_facts->release->latest()->version;
    request.remove = {m_namespace};
    m_planner = new onb::OnboardingPlanner(m_session->rest(), this);
    connect(m_planner, &onb::OnboardingPlanner::progress, this, [this](const QString &message) { setBusy(message + u'…'); });
    connect(m_planner, &onb::OnboardingPlanner::finished, this, &OffboardDialog::onPlannerFinished);
    setBusy(tr("Planning the upgrade…"));
    setPhase(Phase::Planning);
    m_planner->start(request);
}

void OffboardDialog::onPlannerFinished()
{
    setBusy({});
    const auto &result = m_planner->result();
    if (!result) {
        showError(tr("Planning failed: %1").arg(result.error().message));
        setPhase(Phase::Ready);
        return;
    }
    const onb::Plan plan = result.value();
    QStringList lines;
    lines.append(tr("Upgrade release %1 in %2 so that Fission no longer serves %3?").arg(plan.releaseName, plan.releaseNamespace, m_namespace));
    const QStringList rolling = plan.impact.rollingNames();
    lines.append(rolling.isEmpty() ? tr("No control-plane workload restarts.") : tr("These workloads restart: %1.").arg(rolling.join(u", "_s)));
    if (plan.impact.functionPodsRecycled > 0)
        lines.append(tr("%1 of %2 function pods are recreated: their functions cold-start on the next request.")
                         .arg(plan.impact.functionPodsRecycled)
                         .arg(plan.impact.functionPodsTotal));
    if (m_deleting)
        lines.append(tr("Namespace %1 is deleted afterwards, with everything listed.").arg(m_namespace));
    if (!confirm(tr("Offboard %1").arg(m_namespace), lines.join(u"\n\n"_s))) {
        setPhase(Phase::Ready);
        return;
    }
    onb::RunOptions options;
    options.createMissingNamespaces = false;
    options.deleteRemovedNamespaces = m_deleting;
    m_helmRun = new onb::OnboardingRun(m_session->rest(), m_environment.helm, plan, options, this);
    startRun(m_helmRun);
    m_helmRun->start();
}

void OffboardDialog::startRun(onb::StepRunner *runner)
{
    m_stepTree->show();
    m_stepTree->clear();
    connect(runner, &onb::StepRunner::stepChanged, this, &OffboardDialog::refreshSteps);
    connect(runner, &onb::StepRunner::finished, this, &OffboardDialog::onRunFinished);
    if (m_deleting)
        watchNamespace();
    setPhase(Phase::Running);
    setBusy(tr("Offboarding…"));
    refreshSteps();
}

void OffboardDialog::refreshSteps()
{
    if (onb::StepRunner *runner = run())
        showRunSteps(m_stepTree, runner->steps());
}

void OffboardDialog::onRunFinished(bool success)
{
    refreshSteps();
    setBusy({});
    if (!success) {
        QString message = run()->failureMessage();
        if (message.isEmpty())
            message = tr("Offboarding stopped before it finished.");
        showError(message);
        setPhase(Phase::Finished);
        return;
    }
    if (m_deleting && !(m_watch && m_watch->state().gone)) {
        setBusy(tr("Waiting for namespace %1 to be gone…").arg(m_namespace));
        setPhase(Phase::WaitingForNamespace);
        return;
    }
    m_succeeded = true;
    m_status->setText(m_deleting ? tr("Done: Fission no longer serves %1 and the namespace is gone.").arg(m_namespace)
                                 : tr("Done: Fission no longer serves %1.").arg(m_namespace));
    setPhase(Phase::Finished);
}

void OffboardDialog::watchNamespace()
{
    if (m_watch)
        return;
    m_watch = new onb::NamespaceDeletionWatch(m_session->rest(), m_namespace, this);
    connect(m_watch, &onb::NamespaceDeletionWatch::changed, this, &OffboardDialog::refreshHeld);
    connect(m_watch, &onb::NamespaceDeletionWatch::gone, this, [this] {
        m_heldBox->hide();
        if (m_phase == Phase::WaitingForNamespace) {
            setBusy({});
            m_succeeded = true;
            m_status->setText(m_served ? tr("Done: Fission no longer serves %1 and the namespace is gone.").arg(m_namespace)
                                       : tr("Done: namespace %1 is gone.").arg(m_namespace));
            setPhase(Phase::Finished);
        }
    });
    m_watch->start();
}

void OffboardDialog::refreshHeld()
{
    const onb::NamespaceDeletionState &state = m_watch->state();
    if (state.gone || !state.terminating) {
        m_heldBox->hide();
        return;
    }
    m_heldBox->show();
    QStringList lines;
    if (!state.finalizers.isEmpty())
        lines.append(tr("Namespace finalizers: %1").arg(state.finalizers.join(u", "_s)));
    for (const QString &condition : state.conditions)
        lines.append(condition.toHtmlEscaped());
    if (state.heldObjects.isEmpty())
        lines.append(tr("No object with finalizers is left; the namespace controller is removing the rest."));
    if (!state.error.isEmpty())
        lines.append(tr("Last read failed: %1").arg(state.error.toHtmlEscaped()));
    m_heldSummary->setText(lines.join(u"<br>"_s));
    const int selected = m_heldTree->currentItem() ? m_heldTree->currentItem()->data(0, Qt::UserRole).toInt() : -1;
    m_heldTree->clear();
    for (qsizetype i = 0; i < state.heldObjects.size(); ++i) {
        const onb::HeldObject &held = state.heldObjects.at(i);
        auto *item = new QTreeWidgetItem(m_heldTree, QStringList{held.kind + u'/' + held.name, held.finalizers.join(u", "_s)});
        item->setData(0, Qt::UserRole, int(i));
        if (int(i) == selected)
            m_heldTree->setCurrentItem(item);
    }
    m_removeFinalizers->setEnabled(m_heldTree->currentItem() != nullptr);
}

void OffboardDialog::reject()
{
    onb::StepRunner *runner = run();
    if (runner && runner->isRunning() && !runner->isFinished()) {
        if (runner->canCancel())
            runner->cancel();
        else
            showError(tr("Helm is changing the release right now; wait for this step to finish."));
        return;
    }
    QDialog::reject();
}

void openOffboardDialog(QWidget *parent, const OnboardingEnvironment &environment, const QString &namespaceName)
{
    auto *dialog = new OffboardDialog(environment, namespaceName, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

} // namespace ui
} // namespace fd

#include "moc_OffboardDialog.cpp"
