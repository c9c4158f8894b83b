#include "OnboardingDialog.h"

#include "ReleaseHistoryView.h"
#include "ValuesEditor.h"
#include "ui/StatusIcons.h"
#include "ui/onboarding/RunStepTree.h"

#include "engine/onboarding/MaintenanceQueue.h"
#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/OnboardingRun.h"
#include "engine/onboarding/RevisionCompare.h"
#include "engine/onboarding/TenantRun.h"
#include "fission/InstallDetection.h"
#include "helm/ValuesDocument.h"
#include "kube/config/Redaction.h"
#include "kube/transport/KubeSession.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace onb = fd::engine::onboarding;

namespace fd {
namespace ui {

namespace {


QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &text, const QString &iconId = {})
{
    auto *item = new QTreeWidgetItem(parent, QStringList{text});
    if (!iconId.isEmpty())
        item->setIcon(0, statusIcon(iconId));
    return item;
}

QTreeWidgetItem *addTop(QTreeWidget *tree, const QString &text, const QString &iconId = {})
{
    auto *item = new QTreeWidgetItem(tree, QStringList{text});
    if (!iconId.isEmpty())
        item->setIcon(0, statusIcon(iconId));
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    return item;
}

} // namespace

OnboardingDialog::OnboardingDialog(const OnboardingEnvironment &environment, const fd::fission::OnboardAction &action,
                                   QWidget *parent)
    : QDialog(parent)
    , m_environment(environment)
    , m_action(action)
{
    setObjectName(u"OnboardingDialog"_s);
    setWindowTitle(tr("Onboard namespaces — %1").arg(environment.contextName));
    confirm = askWithMessageBox(this);
    buildUi();
    resize(980, 720);
    // Read the cluster once the dialog is up, so it shows its busy state instead of a delay.
    QTimer::singleShot(0, this, &OnboardingDialog::startProbe);
}

OnboardingDialog::~OnboardingDialog()
{
    // Everything that talks through the session goes first.
    delete m_helmRun.data();
    delete m_tenantRun.data();
    delete m_planner.data();
    delete m_probe.data();
    m_session.reset();
}

void OnboardingDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    m_intro = new QLabel(tr("Reading the cluster…"), this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    // Shown when the release got a revision after the values were read (someone else upgraded).
    m_staleBanner = new QWidget(this);
    auto *staleLayout = new QHBoxLayout(m_staleBanner);
    staleLayout->setContentsMargins(0, 0, 0, 0);
    m_staleLabel = new QLabel(m_staleBanner);
    m_staleLabel->setObjectName(u"stale"_s);
    m_staleLabel->setWordWrap(true);
    m_staleLabel->setStyleSheet(u"QLabel { color: #8a5a00; }"_s);
    staleLayout->addWidget(m_staleLabel, 1);
    m_rebaseButton = new QPushButton(tr("Rebase my edits"), m_staleBanner);
    m_rebaseButton->setObjectName(u"rebase"_s);
    m_rebaseButton->setToolTip(tr("Take the release's newest values and apply your namespace changes to them again."));
    staleLayout->addWidget(m_rebaseButton, 0, Qt::AlignTop);
    m_staleBanner->hide();
    layout->addWidget(m_staleBanner);
    connect(m_rebaseButton, &QPushButton::clicked, this, [this] { rebaseEdits(); });
    m_staleTimer = new QTimer(this);
    m_staleTimer->setInterval(5000);
    connect(m_staleTimer, &QTimer::timeout, this, [this] { checkForNewRevision(); });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"modes"_s);
    auto *onboardPage = new QWidget(m_tabs);
    auto *page = new QVBoxLayout(onboardPage);
    m_tabs->addTab(onboardPage, tr("Onboard"));
    layout->addWidget(m_tabs, 1);

    auto *form = new QFormLayout;
    m_namespacesEdit = new QLineEdit(m_action.namespaceName, this);
    m_namespacesEdit->setObjectName(u"namespaces"_s);
    m_namespacesEdit->setPlaceholderText(tr("e.g. team-a team-b"));
    m_namespacesEdit->setToolTip(tr("The namespaces Fission should serve, separated by spaces or commas."));
    form->addRow(tr("&Namespaces to add:"), m_namespacesEdit);

    m_chartRow = new QWidget(this);
    auto *chartLayout = new QHBoxLayout(m_chartRow);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartEdit = new QLineEdit(m_chartRow);
    m_chartEdit->setObjectName(u"chart"_s);
    m_chartEdit->setPlaceholderText(tr("the chart stored in the release"));
    m_chartEdit->setToolTip(tr("A chart directory, archive or reference to upgrade with. Leave empty to rebuild the chart Helm stored in the release."));
    m_chartBrowse = new QPushButton(tr("Choose…"), m_chartRow);
    chartLayout->addWidget(m_chartEdit, 1);
    chartLayout->addWidget(m_chartBrowse);
    m_chartLabel = new QLabel(tr("&Chart (optional):"), this);
    m_chartLabel->setBuddy(m_chartEdit);
    form->addRow(m_chartLabel, m_chartRow);
    page->addLayout(form);
    m_labelChoice = new QCheckBox(tr("Label the namespaces fission.io/enabled=true instead of creating FissionTenants "
                                     "(the tenant controller creates them)"),
                                  this);
    m_labelChoice->setObjectName(u"useLabel"_s);
    m_labelChoice->hide();
    page->addWidget(m_labelChoice);
    connect(m_labelChoice, &QCheckBox::toggled, this, [this] {
        if (m_modern && m_phase == Phase::Planned)
            showTenantPlan();
    });
    m_batchNote = new QLabel(this);
    m_batchNote->setObjectName(u"batchNote"_s);
    m_batchNote->setWordWrap(true);
    m_batchNote->hide();
    page->addWidget(m_batchNote);
    m_editedNote = new QLabel(tr("Plan and Upgrade use the values of the Edit values tab; the namespaces above are ignored."), this);
    m_editedNote->setObjectName(u"editedNote"_s);
    m_editedNote->setWordWrap(true);
    m_editedNote->hide();
    page->addWidget(m_editedNote);
    connect(m_chartBrowse, &QPushButton::clicked, this, &OnboardingDialog::chooseChart);

    auto *busyRow = new QHBoxLayout;
    m_planButton = new QPushButton(tr("&Plan"), this);
    m_planButton->setObjectName(u"plan"_s);
    m_planButton->setEnabled(false);
    busyRow->addWidget(m_planButton);
    m_queueButton = new QPushButton(tr("Add to &queue"), this);
    m_queueButton->setObjectName(u"queue"_s);
    m_queueButton->setToolTip(tr("Queue these namespaces for a maintenance window: queued namespaces are applied together in one "
                                 "upgrade, so the control plane restarts once (Tools → Maintenance queue…)."));
    m_queueButton->hide();
    busyRow->addWidget(m_queueButton);
    connect(m_queueButton, &QPushButton::clicked, this, [this] { addToQueue(); });
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    busyRow->addWidget(m_busy);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    busyRow->addWidget(m_status, 1);
    page->addLayout(busyRow);
    connect(m_planButton, &QPushButton::clicked, this, &OnboardingDialog::startPlanning);
    connect(m_namespacesEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_planButton->isEnabled())
            startPlanning();
    });

    auto *errorRow = new QHBoxLayout;
    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"QLabel { color: #b3261e; }"_s);
    m_error->hide();
    errorRow->addWidget(m_error, 1);
    m_errorChart = new QPushButton(tr("Choose a chart directory…"), this);
    m_errorChart->hide();
    errorRow->addWidget(m_errorChart, 0, Qt::AlignTop);
    layout->addLayout(errorRow);
    connect(m_errorChart, &QPushButton::clicked, this, &OnboardingDialog::chooseChart);

    m_planArea = new QWidget(this);
    auto *planLayout = new QVBoxLayout(m_planArea);
    planLayout->setContentsMargins(0, 0, 0, 0);
    m_planSummary = new QLabel(m_planArea);
    m_planSummary->setWordWrap(true);
    m_planSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    planLayout->addWidget(m_planSummary);
    m_createNamespaces = new QCheckBox(m_planArea);
    m_createNamespaces->setChecked(true);
    m_createNamespaces->hide();
    planLayout->addWidget(m_createNamespaces);

    auto makeTree = [](QWidget *parent) {
        auto *tree = new QTreeWidget(parent);
        tree->setHeaderHidden(true);
        tree->setColumnCount(1);
        tree->setUniformRowHeights(true);
        tree->setAlternatingRowColors(true);
        // Long env values scroll sideways instead of being cut off.
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        tree->header()->setStretchLastSection(false);
        return tree;
    };
    auto *variants = new QHBoxLayout;
    auto *choice = new QButtonGroup(this);
    m_standardBox = new QGroupBox(m_planArea);
    auto *standardLayout = new QVBoxLayout(m_standardBox);
    m_standardRadio = new QRadioButton(tr("As deployed"), m_standardBox);
    m_standardRadio->setChecked(true);
    choice->addButton(m_standardRadio);
    standardLayout->addWidget(m_standardRadio);
    m_impactTree = makeTree(m_standardBox);
    m_impactTree->setObjectName(u"impact"_s);
    standardLayout->addWidget(m_impactTree);
    variants->addWidget(m_standardBox, 1);
    m_adoptBox = new QGroupBox(m_planArea);
    auto *adoptLayout = new QVBoxLayout(m_adoptBox);
    m_adoptRadio = new QRadioButton(tr("Keep function pods running (also set executor.adoptExistingResources: true)"), m_adoptBox);
    choice->addButton(m_adoptRadio);
    adoptLayout->addWidget(m_adoptRadio);
    m_adoptTree = makeTree(m_adoptBox);
    m_adoptTree->setObjectName(u"impactAdopt"_s);
    adoptLayout->addWidget(m_adoptTree);
    variants->addWidget(m_adoptBox, 1);
    m_adoptBox->hide();
    planLayout->addLayout(variants, 1);
    connect(m_standardRadio, &QRadioButton::toggled, this, [this] { setPhase(m_phase); });
    m_warnings = new QLabel(m_planArea);
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->hide();
    planLayout->addWidget(m_warnings);
    m_planArea->hide();
    page->addWidget(m_planArea, 3);

    m_stepsBox = new QGroupBox(tr("Progress"), this);
    auto *stepsLayout = new QVBoxLayout(m_stepsBox);
    m_stepTree = new QTreeWidget(m_stepsBox);
    m_stepTree->setObjectName(u"steps"_s);
    m_stepTree->setColumnCount(2);
    m_stepTree->setHeaderLabels({tr("Step"), tr("Details")});
    m_stepTree->setRootIsDecorated(false);
    m_stepTree->setWordWrap(true);
    m_stepTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_stepTree->header()->setStretchLastSection(true);
    stepsLayout->addWidget(m_stepTree);
    m_stepsBox->hide();
    page->addWidget(m_stepsBox, 2);

    // Takes the free space while there is no plan and no run, so the form stays at the top.
    m_filler = new QWidget(this);
    page->addWidget(m_filler, 1);

    setupValuesTabs();

    auto *buttons = new QHBoxLayout;
    m_rollbackButton = new QPushButton(tr("&Roll back"), this);
    m_rollbackButton->setObjectName(u"rollback"_s);
    m_rollbackButton->hide();
    buttons->addWidget(m_rollbackButton);
    m_cancelRunButton = new QPushButton(tr("&Stop"), this);
    m_cancelRunButton->setToolTip(tr("Stop after the current step (not possible while helm changes the release)."));
    m_cancelRunButton->hide();
    buttons->addWidget(m_cancelRunButton);
    buttons->addStretch(1);
    m_startButton = new QPushButton(tr("&Upgrade…"), this);
    m_startButton->setObjectName(u"start"_s);
    m_startButton->setEnabled(false);
    buttons->addWidget(m_startButton);
    m_closeButton = new QPushButton(tr("Close"), this);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);
    connect(m_startButton, &QPushButton::clicked, this, &OnboardingDialog::startOnboarding);
    connect(m_rollbackButton, &QPushButton::clicked, this, &OnboardingDialog::rollBack);
    connect(m_cancelRunButton, &QPushButton::clicked, this, [this] {
        if (onb::StepRunner *r = run(); r && r->canCancel())
            r->cancel();
    });
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        if (m_succeeded)
            accept();
        else
            reject();
    });
    setPhase(Phase::Probing);
    setBusy(tr("Reading the cluster…"));
}

QStringList OnboardingDialog::namespaces() const
{
    QStringList names = m_namespacesEdit->text().split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
    names.removeDuplicates();
    return names;
}

onb::StepRunner *OnboardingDialog::run() const
{
    if (m_helmRun)
        return m_helmRun.data();
    return m_tenantRun.data();
}

void OnboardingDialog::setBusy(const QString &message)
{
    m_busy->setVisible(!message.isEmpty());
    m_status->setText(message);
}

void OnboardingDialog::showError(const QString &message, bool offerChart)
{
    m_failure = fd::kube::redactSecrets(message);
    m_error->setText(m_failure);
    m_error->show();
    m_errorChart->setVisible(offerChart);
}

void OnboardingDialog::clearError()
{
    m_failure.clear();
    m_error->clear();
    m_error->hide();
    m_errorChart->hide();
}

void OnboardingDialog::setPhase(Phase phase)
{
    const bool changed = phase != m_phase;
    m_phase = phase;
    const bool running = phase == Phase::Running;
    const bool editable = phase != Phase::Probing && phase != Phase::Planning && !running;
    m_namespacesEdit->setReadOnly(!editable);
    m_chartEdit->setReadOnly(!editable);
    m_chartBrowse->setEnabled(editable);
    m_chartLabel->setVisible(!m_modern);
    m_chartRow->setVisible(!m_modern);
    m_planButton->setVisible(!m_modern || phase == Phase::ProbeFailed);
    m_planButton->setText(phase == Phase::ProbeFailed ? tr("&Retry") : tr("&Plan"));
    m_planButton->setEnabled(phase == Phase::ProbeFailed || (editable && !m_succeeded && phase != Phase::Probing));
    m_queueButton->setVisible(!m_modern && m_environment.queue && !m_batch && phase != Phase::Probing && phase != Phase::ProbeFailed);
    m_queueButton->setEnabled(editable && !m_succeeded && !usesEditedValues());
    m_labelChoice->setVisible(m_modern && m_facts && m_facts->install() && m_facts->install()->world == fd::fission::TenancyWorld::Dynamic);
    m_labelChoice->setEnabled(editable);
    if (m_batch)
        m_namespacesEdit->setReadOnly(true); // the queue says what the batch is
    if (m_modern) {
        m_startButton->setText(tr("&Onboard…"));
        m_startButton->setEnabled(phase == Phase::Planned && m_tenantPlan
                                  && (!m_tenantPlan->onboard.isEmpty() || !m_tenantPlan->offboard.isEmpty()));
    } else {
        m_startButton->setText(tr("&Upgrade…"));
        m_startButton->setEnabled(phase == Phase::Planned && m_plan && !m_plan->isNoop());
    }
    m_startButton->setVisible(!m_succeeded);
    m_createNamespaces->setEnabled(phase == Phase::Planned);
    m_standardRadio->setEnabled(phase == Phase::Planned);
    m_adoptRadio->setEnabled(phase == Phase::Planned);
    onb::StepRunner *r = run();
    m_cancelRunButton->setVisible(running);
    m_cancelRunButton->setEnabled(running && r && r->canCancel());
    // After a failed rollback it can be tried again; after a successful one there is nothing to undo.
    m_rollbackButton->setVisible(m_helmRun && m_helmRun->canRollback() && !m_helmRun->rollbackSucceeded());
    m_closeButton->setEnabled(!running || (r && r->canCancel()));
    m_filler->setVisible(m_planArea->isHidden() && m_stepsBox->isHidden());
    const bool edited = usesEditedValues();
    m_editedNote->setVisible(edited);
    m_namespacesEdit->setEnabled(!edited);
    m_valuesEditor->textEdit()->setReadOnly(!editable);
    // Never upgrade from values read before the release's last revision.
    if (m_stale)
        m_startButton->setEnabled(false);
    if (changed)
        Q_EMIT phaseChanged(phase);
}

void OnboardingDialog::startProbe()
{
    clearError();
    setPhase(Phase::Probing);
    setBusy(tr("Reading the cluster…"));
    if (!m_session) {
        if (!m_environment.openSession) {
            showError(tr("There is no connection to context %1.").arg(m_environment.contextName));
            setBusy({});
            setPhase(Phase::ProbeFailed);
            return;
        }
        auto session = m_environment.openSession();
        if (!session) {
            showError(tr("Cannot connect to context %1: %2").arg(m_environment.contextName, session.error()));
            setBusy({});
            setPhase(Phase::ProbeFailed);
            return;
        }
        m_session = std::move(session.value());
    }
    delete m_probe.data();
    m_probe = new onb::ClusterProbe(m_session->rest(), this);
    connect(m_probe, &onb::ClusterProbe::finished, this, &OnboardingDialog::onProbeFinished);
    m_probe->start();
}

void OnboardingDialog::onProbeFinished()
{
    setBusy({});
    if (!m_probe->result()) {
        showError(tr("Reading the cluster failed: %1").arg(m_probe->result().error().message));
        setPhase(Phase::ProbeFailed);
        reportBatch(false, m_failure);
        return;
    }
    m_facts = m_probe->result().value();
    m_probe->deleteLater();
    const fd::fission::FissionInstall *install = m_facts->install();
    if (!install) {
        showError(tr("No Fission control plane was found in context %1.").arg(m_environment.contextName));
        setPhase(Phase::ProbeFailed);
        reportBatch(false, m_failure);
        return;
    }
    m_modern = !fd::fission::isHelmOnboarding(install->world);
    if (m_modern) {
        m_intro->setText(tr("Fission in context %1 serves namespaces through FissionTenant objects: onboarding creates one "
                            "per namespace. <b>Nothing restarts.</b>")
                             .arg(m_environment.contextName.toHtmlEscaped()));
        showTenantPlan();
        if (m_batch && m_batch->start != BatchStart::Plan)
            startOnboarding();
        return;
    }
    m_intro->setText(tr("Fission in context %1 reads the namespaces it serves from the Helm values of release %2/%3. "
                        "Onboarding upgrades that release, which <b>restarts control-plane Deployments</b>. "
                        "Plan first to see exactly what changes.")
                         .arg(m_environment.contextName.toHtmlEscaped(), install->releaseNamespace.toHtmlEscaped(),
                              install->releaseName.toHtmlEscaped()));
    if (m_facts->release && m_facts->release->upgradeBase()) {
        const fd::helm::Release &base = *m_facts->release->upgradeBase();
        m_knownLatest = m_facts->release->latest()->version;
        m_baseNamespaces = fd::helm::ValuesDocument(onb::revisionValuesText(base)).additionalNamespaces().value_or(QStringList());
        m_valuesEditor->setChartDefaultNamespace(base.chart.values.value(u"defaultNamespace"_s).toString(u"default"_s));
        m_valuesEditor->setClusterNamespaces(m_facts->namespaces, m_facts->functionsPerNamespace);
        m_valuesEditor->setBaseText(onb::revisionValuesText(base));
        m_history->setHelmSettings(m_environment.helm);
        m_history->setRevisions(*m_facts->release);
        m_tabs->setTabVisible(1, true);
        m_tabs->setTabVisible(2, true);
        m_staleTimer->start();
    }
    setPhase(Phase::Ready);
    m_namespacesEdit->setFocus();
    if (m_batch) {
        startPlanning();
        return;
    }
    // Opened for a namespace that already waits in the maintenance queue: say so before the
    // admin upgrades for it alone.
    if (const QString queued = queuedNamespaceNote(m_environment, m_action.namespaceName); !queued.isEmpty())
        m_status->setText(queued);
}

void OnboardingDialog::startPlanning()
{
    if (m_phase == Phase::ProbeFailed || !m_facts) {
        startProbe();
        return;
    }
    clearError();
    if (!m_modern && m_stale) {
        showError(tr("The release has a newer revision than the values shown; rebase your edits first."));
        return;
    }
    if (!m_modern && usesEditedValues()) {
        startPlanningEdited();
        return;
    }
    const QStringList names = namespaces();
    if (names.isEmpty() && !(m_batch && !m_batch->remove.isEmpty())) {
        showError(tr("Name at least one namespace."));
        return;
    }
    for (const QString &name : names) {
        const QString problem = fd::helm::dns1123LabelProblem(name);
        if (!problem.isEmpty()) {
            showError(tr("\"%1\" is not a valid namespace name: %2").arg(name, problem));
            return;
        }
    }
    m_plan.reset();
    m_tenantPlan.reset();
    m_planArea->hide();
    setPhase(m_phase); // the form moves back to the top
    if (m_modern) {
        showTenantPlan();
        return;
    }
    if (!m_facts->release || !m_facts->release->upgradeBase()) {
        showError(tr("The Helm release of the Fission install in namespace %1 was not found, so its values cannot be changed.")
                      .arg(m_facts->install()->releaseNamespace));
        return;
    }
    onb::PlanRequest request;
    request.latestRevision = m_facts->release->latest()->version;
    request.add = names;
    if (m_batch)
        request.remove = m_batch->remove;
    startPlanner(std::move(request));
}

void OnboardingDialog::startPlanner(onb::PlanRequest request)
{
    request.helm = m_environment.helm;
    request.report = m_facts->report;
    request.release = *m_facts->release->upgradeBase();
    request.chartReference = m_chartEdit->text().trimmed();
    delete m_planner.data();
    m_planner = new onb::OnboardingPlanner(m_session->rest(), this);
    connect(m_planner, &onb::OnboardingPlanner::progress, this, [this](const QString &message) { setBusy(message + u'…'); });
    connect(m_planner, &onb::OnboardingPlanner::finished, this, &OnboardingDialog::onPlannerFinished);
    setBusy(tr("Planning…"));
    setPhase(Phase::Planning);
    m_planner->start(request);
}

void OnboardingDialog::onPlannerFinished()
{
    setBusy({});
    const auto &result = m_planner->result();
    if (!result) {
        const onb::PlanError &error = result.error();
        QString message = error.message;
        if (error.kind == onb::PlanError::Kind::Chart)
            message += u"\n"_s + tr("Choose the Fission chart this release was installed from (a directory or archive), then plan again.");
        showError(message, error.kind == onb::PlanError::Kind::Chart);
        setPhase(Phase::Ready);
        reportBatch(false, message);
        return;
    }
    m_plan = result.value();
    showPlan();
    setPhase(Phase::Planned);
    if (m_batch && m_plan->isNoop())
        reportBatch(true, tr("Nothing to change: Fission already serves the queued namespaces as asked."));
    else if (m_batch && m_batch->start != BatchStart::Plan)
        startOnboarding();
}

void OnboardingDialog::fillImpact(QTreeWidget *tree, const onb::PlanImpact &impact)
{
    tree->clear();
    const QStringList rolling = impact.rollingNames();
    QTreeWidgetItem *restarts = addTop(tree, tr("Restart (%n workload(s))", nullptr, int(rolling.size())),
                                       rolling.isEmpty() ? u"ok"_s : u"warning"_s);
    for (const onb::WorkloadRoll &roll : impact.rolling) {
        QString label = u"%1/%2"_s.arg(roll.kind, roll.name);
        if (roll.created)
            label = tr("%1 (created)").arg(label);
        else if (roll.deleted)
            label = tr("%1 (deleted)").arg(label);
        QTreeWidgetItem *item = addItem(restarts, label);
        for (const onb::EnvChange &change : roll.envChanges) {
            const QString before = change.before ? *change.before : tr("(unset)");
            const QString after = change.after ? *change.after : tr("(unset)");
            addItem(item, tr("%1 in %2: %3 → %4").arg(change.name, change.container, before.isEmpty() ? u"\"\""_s : before,
                                                       after.isEmpty() ? u"\"\""_s : after));
        }
        for (const QString &other : roll.otherChanges)
            addItem(item, other);
        item->setExpanded(true);
    }
    restarts->setExpanded(true);

    // What the user weighs first: the cold starts and the hooks; the RBAC list is long and routine.
    addTop(tree, tr("Function pods recreated (cold start): %1 of %2").arg(impact.functionPodsRecycled).arg(impact.functionPodsTotal),
           impact.functionPodsRecycled > 0 ? u"warning"_s : u"ok"_s);
    if (!impact.hooks.isEmpty()) {
        QTreeWidgetItem *hooks = addTop(tree, tr("Hooks that run (%n)", nullptr, int(impact.hooks.size())), u"info"_s);
        for (const onb::HookStep &hook : impact.hooks)
            addItem(hooks, u"%1/%2 (%3)"_s.arg(hook.kind, hook.name, hook.events.join(u", "_s)));
        hooks->setExpanded(true);
    }

    QStringList rbacNamespaces;
    for (const onb::RbacChange &change : impact.rbac) {
        if (!rbacNamespaces.contains(change.namespaceName))
            rbacNamespaces.append(change.namespaceName);
    }
    for (const QString &ns : std::as_const(rbacNamespaces)) {
        const QList<onb::RbacChange> changes = impact.rbacIn(ns);
        QTreeWidgetItem *group = addTop(tree, tr("RBAC in %1 (%n change(s))", nullptr, int(changes.size())).arg(ns), u"info"_s);
        for (const onb::RbacChange &change : changes)
            addItem(group, (change.action == onb::RbacChange::Action::Create ? tr("create %1 %2") : tr("delete %1 %2"))
                               .arg(change.kind, change.name));
        group->setExpanded(false);
    }
}

void OnboardingDialog::showPlan()
{
    const onb::Plan &plan = *m_plan;
    QString summary = tr("Release <b>%1</b> in %2, revision %3, chart %4-%5.")
                          .arg(plan.releaseName.toHtmlEscaped(), plan.releaseNamespace.toHtmlEscaped())
                          .arg(plan.baseRevision)
                          .arg(plan.chartName.toHtmlEscaped(), plan.chartVersion.toHtmlEscaped());
    summary += u"<br>"_s
               + tr("Namespaces served: [%1] → <b>[%2]</b>")
                     .arg(plan.namespacesBefore.join(u", "_s).toHtmlEscaped(), plan.namespacesAfter.join(u", "_s).toHtmlEscaped());
    if (plan.isNoop())
        summary += u"<br>"_s + tr("Fission already serves these namespaces: nothing to change.");
    m_planSummary->setText(summary);
    if (plan.missingNamespaces.isEmpty()) {
        m_createNamespaces->hide();
    } else {
        m_createNamespaces->setText(tr("Create the missing namespace(s) %1 first (the upgrade fails without them)")
                                        .arg(plan.missingNamespaces.join(u", "_s)));
        m_createNamespaces->show();
    }
    fillImpact(m_impactTree, plan.impact);
    m_standardBox->setTitle(QString());
    m_standardRadio->setText(tr("As deployed (adoptExistingResources: %1)")
                                 .arg(plan.impact.adoptExistingResources ? u"true"_s : u"false"_s));
    m_standardRadio->setChecked(true);
    if (plan.adoptAlternative) {
        fillImpact(m_adoptTree, *plan.adoptAlternative);
        m_adoptBox->setTitle(QString());
        m_adoptBox->show();
        m_standardRadio->show();
    } else {
        m_adoptBox->hide();
        m_standardRadio->hide();
    }
    m_warnings->setVisible(!plan.warnings.isEmpty());
    QStringList warningLines;
    for (const QString &warning : plan.warnings)
        warningLines.append(u"⚠ "_s + warning.toHtmlEscaped());
    m_warnings->setText(warningLines.join(u"<br>"_s));
    m_planArea->show();
}

void OnboardingDialog::showTenantPlan()
{
    onb::TenantPlanInputs inputs;
    inputs.kubeContext = m_environment.contextName;
    inputs.world = fd::fission::tenancyWorldId(m_facts->install()->world);
    inputs.tenants = m_facts->tenants;
    inputs.existingNamespaces = m_facts->namespaces;
    inputs.functionsPerNamespace = m_facts->functionsPerNamespace;
    inputs.enabledLabels = m_facts->enabledLabels;
    inputs.useLabel = m_labelChoice->isChecked();
    inputs.onboard = namespaces();
    if (m_batch)
        inputs.offboard = m_batch->remove;
    m_tenantPlan = onb::planTenants(inputs);
    const onb::TenantPlan &plan = *m_tenantPlan;

    QString summary = tr("No restart is needed: each namespace gets a FissionTenant, and Fission starts serving it once the "
                         "tenant is Ready.");
    if (plan.onboard.isEmpty() && plan.offboard.isEmpty())
        summary += u"<br>"_s + tr("Nothing to do: the namespaces are already onboarded or none was given.");
    for (const QString &note : plan.notes)
        summary += u"<br>"_s + note.toHtmlEscaped();
    m_planSummary->setText(summary);
    m_impactTree->clear();
    QTreeWidgetItem *create = addTop(m_impactTree, tr("FissionTenants to create (%n)", nullptr, int(plan.onboard.size())), u"info"_s);
    for (const QString &ns : plan.onboard) {
        switch (plan.methodFor(ns)) {
        case onb::TenantOnboardMethod::CreateTenant:
            addItem(create, tr("%1 (namespace %2)").arg(plan.tenantNames.value(ns, ns), ns));
            break;
        case onb::TenantOnboardMethod::LabelNamespace:
            addItem(create, tr("%1: label the namespace fission.io/enabled=true; the tenant controller creates it").arg(plan.tenantNames.value(ns, ns)));
            break;
        case onb::TenantOnboardMethod::RemoveOptOutLabel:
            addItem(create, tr("%1: remove the opt-out label fission.io/enabled=false from the namespace; the tenant controller creates it")
                                .arg(plan.tenantNames.value(ns, ns)));
            break;
        }
    }
    create->setExpanded(true);
    if (!plan.offboard.isEmpty()) {
        QTreeWidgetItem *remove = addTop(m_impactTree, tr("FissionTenants to delete (%n)", nullptr, int(plan.offboard.size())), u"warning"_s);
        for (const QString &ns : plan.offboard)
            addItem(remove, tr("%1 (namespace %2)").arg(plan.tenantNames.value(ns, ns), ns));
        remove->setExpanded(true);
    }
    if (!plan.alreadyOnboarded.isEmpty()) {
        QTreeWidgetItem *already = addTop(m_impactTree, tr("Already onboarded"), u"ok"_s);
        for (const QString &ns : plan.alreadyOnboarded)
            addItem(already, ns);
        already->setExpanded(true);
    }
    m_standardBox->setTitle(tr("Changes"));
    m_standardRadio->hide();
    m_adoptBox->hide();
    if (plan.missingNamespaces.isEmpty()) {
        m_createNamespaces->hide();
    } else {
        m_createNamespaces->setText(tr("Create the missing namespace(s) %1 first").arg(plan.missingNamespaces.join(u", "_s)));
        m_createNamespaces->show();
    }
    m_warnings->setVisible(!plan.warnings.isEmpty());
    m_warnings->setText(plan.warnings.join(u"<br>"_s));
    m_planArea->show();
    // Planning tenants is instant: re-plan whenever the namespaces change.
    disconnect(m_namespacesEdit, &QLineEdit::textChanged, this, nullptr);
    connect(m_namespacesEdit, &QLineEdit::textChanged, this, [this] {
        if (m_modern && m_phase == Phase::Planned)
            showTenantPlan();
    });
    setPhase(Phase::Planned);
}

const onb::PlanImpact *OnboardingDialog::chosenImpact() const
{
    if (!m_plan)
        return nullptr;
    if (m_adoptRadio->isChecked() && m_plan->adoptAlternative)
        return &*m_plan->adoptAlternative;
    return &m_plan->impact;
}

QString OnboardingDialog::restartCostText(const onb::PlanImpact &impact) const
{
    QStringList lines;
    const QStringList rolling = impact.rollingNames();
    if (rolling.isEmpty())
        lines.append(tr("No control-plane workload restarts."));
    else
        lines.append(tr("These workloads restart: %1.").arg(rolling.join(u", "_s)));
    if (impact.functionPodsRecycled > 0)
        lines.append(tr("%1 of %2 function pods are recreated: their functions cold-start on the next request.")
                         .arg(impact.functionPodsRecycled)
                         .arg(impact.functionPodsTotal));
    else
        lines.append(tr("Function pods keep running."));
    return lines.join(u'\n');
}

void OnboardingDialog::startOnboarding()
{
    if (m_phase != Phase::Planned)
        return;
    clearError();
    if (m_modern) {
        if (!m_tenantPlan || (m_tenantPlan->onboard.isEmpty() && m_tenantPlan->offboard.isEmpty())) {
            if (m_batch)
                reportBatch(true, tr("Nothing to change: Fission already serves the queued namespaces as asked."));
            return;
        }
        QString question = tr("Create FissionTenants for %1 in context %2? Nothing restarts.")
                               .arg(m_tenantPlan->onboard.join(u", "_s), m_environment.contextName);
        if (!m_tenantPlan->notes.isEmpty())
            question += u"\n\n"_s + m_tenantPlan->notes.join(u'\n');
        const bool unattended = m_batch && m_batch->start == BatchStart::Unattended;
        if (!unattended && !confirm(tr("Onboard"), question))
            return;
        onb::TenantRunOptions options;
        options.createMissingNamespaces = m_createNamespaces->isHidden() || m_createNamespaces->isChecked();
        delete m_tenantRun.data();
        m_tenantRun = new onb::TenantRun(m_session->rest(), *m_tenantPlan, options, this);
        followRun(m_tenantRun);
        m_tenantRun->start();
        refreshSteps();
        return;
    }
    if (!m_plan || m_plan->isNoop())
        return;
    // The poll (checkForNewRevision) has refused stale values up to now; a revision made since its
    // last look is caught by the run's first step (check-release), which stops before helm runs
    // and brings the stale banner up.
    proceedOnboarding();
}

void OnboardingDialog::proceedOnboarding()
{
    if (m_phase != Phase::Planned || !m_plan || m_stale)
        return;
    const onb::PlanImpact *impact = chosenImpact();
    QString question = tr("Upgrade release %1 in %2 to serve %3?")
                           .arg(m_plan->releaseName, m_plan->releaseNamespace, m_plan->added.join(u", "_s));
    if (!m_plan->removed.isEmpty())
        question += u"\n"_s + tr("Fission stops serving %1.").arg(m_plan->removed.join(u", "_s));
    question += u"\n\n"_s + restartCostText(*impact);
    // The admin confirmed when scheduling the window; nobody may be there when it comes.
    const bool unattended = m_batch && m_batch->start == BatchStart::Unattended;
    if (!unattended && !confirm(tr("Upgrade the Fission release"), question))
        return;
    m_staleTimer->stop(); // the upgrade makes the next revision itself
    onb::RunOptions options;
    options.createMissingNamespaces = m_createNamespaces->isHidden() || m_createNamespaces->isChecked();
    options.useAdoptAlternative = impact != &m_plan->impact;
    delete m_helmRun.data();
    m_helmRun = new onb::OnboardingRun(m_session->rest(), m_environment.helm, *m_plan, options, this);
    connect(m_helmRun, &onb::OnboardingRun::rollbackFinished, this, [this](bool success, const QString &message) {
        refreshSteps();
        setBusy({});
        m_rollbackButton->setEnabled(true);
        if (success) {
            clearError();
            m_status->setText(tr("Rolled back to revision %1. Nothing else changed; plan again to retry.").arg(m_plan->baseRevision));
        } else {
            showError(tr("The rollback failed: %1").arg(message));
        }
        setPhase(Phase::Finished);
    });
    followRun(m_helmRun);
    m_helmRun->start();
    refreshSteps();
}

void OnboardingDialog::followRun(onb::StepRunner *runner)
{
    m_stepsBox->show();
    m_stepTree->clear();
    connect(runner, &onb::StepRunner::stepChanged, this, [this] {
        refreshSteps();
        setPhase(m_phase); // Stop follows whether the current step can be cancelled
    });
    connect(runner, &onb::StepRunner::finished, this, &OnboardingDialog::onRunFinished);
    setPhase(Phase::Running);
    setBusy(tr("Onboarding…"));
}

void OnboardingDialog::refreshSteps()
{
    if (onb::StepRunner *runner = run())
        showRunSteps(m_stepTree, runner->steps());
}

void OnboardingDialog::onRunFinished(bool success)
{
    refreshSteps();
    setBusy({});
    m_succeeded = success;
    if (!success && !m_modern && m_facts && m_facts->release) {
        // A failed upgrade or a rollback made revisions: the values shown are no longer current.
        m_staleTimer->start();
        checkForNewRevision();
    }
    if (success) {
        clearError();
        m_status->setText(m_modern ? tr("Done: Fission serves %1.").arg(namespaces().join(u", "_s))
                                   : tr("Done: the release was upgraded and Fission serves %1.").arg(m_plan->namespacesAfter.join(u", "_s)));
        m_closeButton->setDefault(true);
    } else {
        QString message = run()->failureMessage();
        if (message.isEmpty())
            message = tr("Onboarding stopped before it finished.");
        if (m_helmRun && m_helmRun->canRollback())
            message += u"\n"_s
                       + tr("The release is left at revision %1 (%2). \"Roll back\" returns it to revision %3.")
                             .arg(m_helmRun->failedRevision())
                             .arg(m_helmRun->failedStatus())
                             .arg(m_plan->baseRevision);
        showError(message);
    }
    setPhase(Phase::Finished);
    reportBatch(success, success ? m_status->text() : m_failure);
}

void OnboardingDialog::rollBack()
{
    if (!m_helmRun || !m_helmRun->canRollback())
        return;
    if (!confirm(tr("Roll back"), tr("Roll release %1 back to revision %2?").arg(m_plan->releaseName).arg(m_plan->baseRevision)))
        return;
    setBusy(tr("Rolling back…"));
    m_helmRun->rollback();
    m_rollbackButton->setEnabled(false);
    refreshSteps();
}

void OnboardingDialog::chooseChart()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Choose the Fission chart directory"), m_chartEdit->text());
    if (directory.isEmpty())
        return;
    m_chartEdit->setText(directory);
    if (m_phase == Phase::Ready || m_phase == Phase::Planned)
        startPlanning();
}

void OnboardingDialog::setBatch(const QStringList &add, const QStringList &remove, BatchStart start)
{
    m_batch = Batch{add, remove, start, false};
    m_namespacesEdit->setText(add.join(u' '));
    const QString added = add.isEmpty() ? tr("nothing") : add.join(u", "_s);
    QString note = remove.isEmpty() ? tr("Queued maintenance batch: one upgrade adds %1.").arg(added)
                                    : tr("Queued maintenance batch: one upgrade adds %1 and removes %2.").arg(added, remove.join(u", "_s));
    if (start == BatchStart::Unattended)
        note += u' ' + tr("Its scheduled time has come: it is planned and applied without asking.");
    m_batchNote->setText(note);
    m_batchNote->show();
    setWindowTitle(tr("Maintenance batch — %1").arg(m_environment.contextName));
    setPhase(m_phase);
}

bool OnboardingDialog::addToQueue()
{
    clearError();
    if (!m_environment.queue)
        return false;
    const QStringList names = namespaces();
    const auto queued = m_environment.queue->enqueue(m_environment.contextName, names, {});
    if (!queued) {
        showError(tr("Cannot queue: %1").arg(queued.error()));
        return false;
    }
    const onb::QueuedBatch batch = m_environment.queue->batch(m_environment.contextName);
    const int count = int(batch.add.size() + batch.remove.size());
    m_status->setText(tr("Queued %1 for the next maintenance window of %2 (%n namespace(s) queued). "
                         "Tools → Maintenance queue… plans, applies or schedules the batch.",
                         nullptr, count)
                          .arg(names.join(u", "_s), m_environment.contextName));
    return true;
}

void OnboardingDialog::reportBatch(bool success, const QString &message)
{
    if (!m_batch || m_batch->reported)
        return;
    m_batch->reported = true;
    Q_EMIT batchFinished(success, message);
}

void OnboardingDialog::reject()
{
    onb::StepRunner *runner = run();
    if (runner && runner->isRunning() && !runner->isFinished()) {
        // Closing mid-run would orphan helm; stop where it is safe, else say why not.
        if (runner->canCancel())
            runner->cancel();
        else
            showError(tr("Helm is changing the release right now; wait for this step to finish."));
        return;
    }
    QDialog::reject();
}

} // namespace ui
} // namespace fd

namespace fd {
namespace ui {

void OnboardingDialog::setupValuesTabs()
{
    m_valuesEditor = new ValuesEditor(m_tabs);
    auto *valuesPage = new QWidget(m_tabs);
    auto *valuesLayout = new QVBoxLayout(valuesPage);
    valuesLayout->addWidget(m_valuesEditor, 1);
    auto *valuesButtons = new QHBoxLayout;
    auto *diffButton = new QPushButton(tr("Diff against the deployed revision"), valuesPage);
    diffButton->setObjectName(u"diffEdited"_s);
    auto *planEdited = new QPushButton(tr("Plan these values"), valuesPage);
    planEdited->setObjectName(u"planEdited"_s);
    valuesButtons->addWidget(diffButton);
    valuesButtons->addStretch(1);
    valuesButtons->addWidget(planEdited);
    valuesLayout->addLayout(valuesButtons);
    m_tabs->addTab(valuesPage, tr("Edit values"));

    m_history = new ReleaseHistoryView(m_tabs);
    m_history->confirm = [this](const QString &title, const QString &question) { return confirm(title, question); };
    m_tabs->addTab(m_history, tr("History"));
    // Legacy clusters only; shown once the probe found the release.
    m_tabs->setTabVisible(1, false);
    m_tabs->setTabVisible(2, false);

    connect(m_valuesEditor, &ValuesEditor::validated, this, &OnboardingDialog::onValuesEdited);
    connect(diffButton, &QPushButton::clicked, this, [this] {
        m_history->setEditedValues(m_valuesEditor->text());
        m_history->compareEditedWithDeployed();
        m_tabs->setCurrentWidget(m_history);
    });
    connect(planEdited, &QPushButton::clicked, this, [this] {
        m_tabs->setCurrentIndex(0);
        if (m_planButton->isEnabled())
            startPlanning();
    });
    connect(m_history, &ReleaseHistoryView::rollbackStarted, this, [this] { m_staleTimer->stop(); });
    connect(m_history, &ReleaseHistoryView::rollbackFinished, this, [this] {
        // The rollback made a revision: the dialog's values are now behind; the banner offers the rebase.
        m_staleTimer->start();
        checkForNewRevision();
    });
}

bool OnboardingDialog::usesEditedValues() const
{
    return m_valuesEditor && !m_modern && m_valuesEditor->isModified();
}

void OnboardingDialog::onValuesEdited()
{
    m_history->setEditedValues(m_valuesEditor->text());
    // A plan made from other values no longer describes what Upgrade would send.
    if (m_phase == Phase::Planned && !m_modern && m_plan) {
        const QString sent = chosenImpact() ? m_plan->impact.valuesText : QString();
        if (usesEditedValues() && sent != m_valuesEditor->text()) {
            m_plan.reset();
            m_planArea->hide();
            setPhase(Phase::Ready);
            m_status->setText(tr("The values changed: plan again."));
            return;
        }
    }
    setPhase(m_phase);
}

void OnboardingDialog::startPlanningEdited()
{
    if (m_valuesEditor->hasErrors()) {
        showError(tr("The edited values have errors (see the Edit values tab); fix them, then plan again."));
        return;
    }
    if (!m_facts->release || !m_facts->release->upgradeBase()) {
        showError(tr("The Helm release of the Fission install in namespace %1 was not found, so its values cannot be changed.")
                      .arg(m_facts->install()->releaseNamespace));
        return;
    }
    m_plan.reset();
    m_planArea->hide();
    onb::PlanRequest request;
    request.latestRevision = m_knownLatest;
    request.valuesText = m_valuesEditor->text();
    request.valuesTextIsTarget = true;
    startPlanner(std::move(request));
}

void OnboardingDialog::setStalePollInterval(int ms)
{
    m_staleTimer->setInterval(ms);
}

void OnboardingDialog::checkForNewRevision(std::function<void()> then)
{
    if (m_modern || !m_facts || !m_facts->release || !m_session) {
        if (then)
            then();
        return;
    }
    if (m_checking && !then)
        return;
    m_checking = true;
    const QString ns = m_facts->release->namespaceName;
    const QString name = m_facts->release->name;
    onb::readReleaseRevisions(m_session->rest(), this, ns, name,
                              [this, then](const fd::Expected<fd::helm::ReleaseRevisions, QString> &revisions) {
                                  m_checking = false;
                                  if (!revisions) {
                                      // Unreadable now: the run's own check-release step still guards the upgrade.
                                      if (then)
                                          then();
                                      return;
                                  }
                                  const fd::helm::Release *latest = revisions->latest();
                                  if (latest && latest->version != m_knownLatest) {
                                      markStale(*revisions);
                                      return;
                                  }
                                  if (then)
                                      then();
                              });
}

void OnboardingDialog::markStale(const fd::helm::ReleaseRevisions &revisions)
{
    const fd::helm::Release *latest = revisions.latest();
    m_newerRevisions = revisions;
    m_stale = true;
    m_staleLabel->setText(tr("Release %1 now has revision %2 (%3: %4), made after this dialog read revision %5. Your values "
                             "are based on the older one, so Upgrade is refused until you rebase your edits onto the new values.")
                              .arg(latest->name)
                              .arg(latest->version)
                              .arg(latest->info.statusText, latest->info.description)
                              .arg(m_knownLatest));
    m_staleBanner->show();
    m_history->setRevisions(revisions);
    setBusy({});
    setPhase(m_phase);
}

bool OnboardingDialog::rebaseEdits()
{
    if (!m_stale || !m_newerRevisions || !m_facts)
        return false;
    const fd::helm::Release *newBase = m_newerRevisions->upgradeBase();
    if (!newBase) {
        showError(tr("The release has no revision to rebase onto."));
        return false;
    }
    if (m_phase == Phase::Running || m_phase == Phase::Planning)
        return false;
    if (m_newerRevisions->hasPendingOperation()) {
        // Its values are not settled yet (and the deployed revision is still the old one).
        const fd::helm::Release *pending = m_newerRevisions->latest();
        showError(tr("Revision %1 of release %2 is %3: an operation is still running; rebase once it has finished.")
                      .arg(pending->version)
                      .arg(pending->name, pending->info.statusText));
        return false;
    }
    const QString newText = onb::revisionValuesText(*newBase);
    const int newVersion = newBase->version; // newBase dies with m_newerRevisions below
    QString rebased = newText;
    if (m_valuesEditor->isModified()) {
        const auto edited = m_valuesEditor->panelNamespaces();
        if (!edited) {
            showError(tr("The edited values cannot be read (%1); fix them before rebasing.").arg(m_valuesEditor->panelMessage()));
            return false;
        }
        // The user's change to the list, re-applied: what they added and removed, against what the
        // new revision lists.
        fd::helm::ValuesDocument document(newText);
        QStringList names = document.additionalNamespaces().value_or(QStringList());
        for (const QString &name : m_baseNamespaces) {
            if (!edited->contains(name))
                names.removeAll(name);
        }
        for (const QString &name : *edited) {
            if (!m_baseNamespaces.contains(name) && !names.contains(name))
                names.append(name);
        }
        const auto edit = document.setAdditionalNamespaces(names);
        if (!edit) {
            showError(tr("Your namespace changes cannot be applied to the new values: %1").arg(edit.error()));
            return false;
        }
        rebased = document.text();
    }
    // The new revisions become the dialog's view of the release.
    auto history = std::make_shared<fd::helm::ReleaseHistory>(fd::helm::ReleaseHistory::fromReleases(m_newerRevisions->revisions));
    m_facts->releases = history;
    m_facts->release = history->find(m_newerRevisions->namespaceName, m_newerRevisions->name);
    m_knownLatest = m_newerRevisions->latest()->version;
    m_baseNamespaces = fd::helm::ValuesDocument(newText).additionalNamespaces().value_or(QStringList());
    m_valuesEditor->setBaseText(newText);
    m_valuesEditor->setText(rebased);
    m_history->setRevisions(*m_facts->release);
    m_stale = false;
    m_newerRevisions.reset();
    m_staleBanner->hide();
    clearError();
    m_plan.reset();
    m_planArea->hide();
    m_status->setText(tr("Rebased onto revision %1; plan again.").arg(newVersion));
    setPhase(m_succeeded ? Phase::Finished : Phase::Ready);
    return true;
}

} // namespace ui
} // namespace fd

#include "moc_OnboardingDialog.cpp"
