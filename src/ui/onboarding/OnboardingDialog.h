#pragma once

#include "OnboardingEnvironment.h"

#include "engine/onboarding/ClusterProbe.h"
#include "engine/onboarding/OnboardingPlan.h"
#include "fission/Finding.h"
#include "helm/ReleaseHistory.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace fd::kube {
class KubeSession;
}
namespace fd::engine::onboarding {
class ClusterProbe;
class OnboardingPlanner;
struct PlanRequest;
class OnboardingRun;
class StepRunner;
class TenantRun;
}

// Onboarding namespaces from the desktop app. It reads the cluster once (ClusterProbe) and then:
//  - legacy/static (Helm values are the truth): the namespaces to add, "Plan" (OnboardingPlanner,
//    asynchronous: helm runs as a process, requests are queued) showing what restarts, the RBAC per
//    namespace, hooks, recycled function pods, missing namespaces (with "create them") and, when
//    the chart offers it, the adoptExistingResources variant beside it; "Upgrade" after a
//    confirmation that states the restart cost; then the run's steps live, Cancel while safe and
//    "Roll back" after a failed upgrade.
//  - modern (FissionTenant): no restart; creates the tenants (TenantRun) and follows them to Ready.
// Legacy clusters also get an "Edit values" tab (ValuesEditor: the deployed user values, edited as
// text or through the namespace panel; once edited, Plan/Upgrade use exactly that text) and a
// "History" tab (ReleaseHistoryView: revisions, their values, diffs, rollback to a revision).
// Stale values are refused: the release's revisions are re-read while the dialog is open and
// before an upgrade; when someone else made a new revision, the dialog says so, Upgrade is
// disabled, and "Rebase my edits" re-applies the namespace-list change onto the new values.
// What the user typed stays in the form whatever fails, so "Plan" can simply be pressed again.

namespace fd {
namespace ui {

class ReleaseHistoryView;
class ValuesEditor;

class OnboardingDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Phase { Probing, ProbeFailed, Ready, Planning, Planned, Running, Finished };
    Q_ENUM(Phase)

    OnboardingDialog(const OnboardingEnvironment &environment, const fd::fission::OnboardAction &action,
                     QWidget *parent = nullptr);
    ~OnboardingDialog() override;

    // A queued maintenance batch (MaintenanceQueue): the namespaces come from the queue, and one
    // plan adds and removes them all, so one upgrade restarts the control plane once. How far the
    // dialog goes by itself once the cluster is read:
    enum class BatchStart {
        Plan,       // plans; the admin presses Upgrade
        Apply,      // plans and asks to upgrade (the admin pressed "Apply now")
        Unattended, // plans and upgrades without asking (the scheduled time came)
    };
    Q_ENUM(BatchStart)
    // Call before the dialog is shown.
    void setBatch(const QStringList &add, const QStringList &remove, BatchStart start);
    bool isBatch() const { return m_batch.has_value(); }

    Phase phase() const { return m_phase; }
    // After the probe: the cluster onboards with FissionTenants (no Helm upgrade).
    bool isModern() const { return m_modern; }
    QStringList namespaces() const;
    const std::optional<fd::engine::onboarding::Plan> &plan() const { return m_plan; }
    // The run (OnboardingRun or TenantRun), once started.
    fd::engine::onboarding::StepRunner *run() const;
    bool succeeded() const { return m_succeeded; }
    // The error the dialog shows (empty when none): planning, connection or run failure.
    QString failureText() const { return m_failure; }

    // Asks the user before changing the cluster (a QMessageBox by default; tests replace it).
    ConfirmQuestion confirm;

    // The widgets tests and screenshots drive.
    QLineEdit *namespacesEdit() const { return m_namespacesEdit; }
    QLineEdit *chartEdit() const { return m_chartEdit; }
    QPushButton *planButton() const { return m_planButton; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *rollbackButton() const { return m_rollbackButton; }
    QTreeWidget *impactTree() const { return m_impactTree; }
    QTreeWidget *stepTree() const { return m_stepTree; }
    QRadioButton *adoptChoice() const { return m_adoptRadio; }
    QCheckBox *createNamespacesBox() const { return m_createNamespaces; }
    QTabWidget *tabs() const { return m_tabs; }
    ValuesEditor *valuesEditor() const { return m_valuesEditor; }
    ReleaseHistoryView *historyView() const { return m_history; }
    QPushButton *rebaseButton() const { return m_rebaseButton; }
    QLabel *staleLabel() const { return m_staleLabel; }
    QPushButton *queueButton() const { return m_queueButton; }
    QCheckBox *labelChoice() const { return m_labelChoice; }
    QLabel *statusLabel() const { return m_status; }

    // Queues the form's namespaces for this cluster's next maintenance window
    // (environment.queue); false with the reason shown.
    bool addToQueue();

    // The release got a revision after the values were read (someone else upgraded).
    bool isStale() const { return m_stale; }
    // The latest revision the values (and plan) were read at.
    int knownLatestRevision() const { return m_knownLatest; }
    // How often the release is re-read while the dialog is open (default 5 s; tests shorten it).
    void setStalePollInterval(int ms);
    // Re-reads the release now; `then` runs afterwards when the values are still current.
    void checkForNewRevision(std::function<void()> then = {});
    // Re-applies the edited namespace list onto the release's newest values (after isStale()).
    bool rebaseEdits();

public Q_SLOTS:
    void startPlanning();
    void startOnboarding();
    void reject() override;

Q_SIGNALS:
    void phaseChanged(fd::ui::OnboardingDialog::Phase phase);
    // Batch mode, once: the batch was applied (or there was nothing to change), or reading the
    // cluster, planning or the run failed (message translated).
    void batchFinished(bool success, const QString &message);

private:
    void buildUi();
    void startProbe();
    void onProbeFinished();
    void onPlannerFinished();
    void showTenantPlan();
    void showPlan();
    void fillImpact(QTreeWidget *tree, const fd::engine::onboarding::PlanImpact &impact);
    void followRun(fd::engine::onboarding::StepRunner *run);
    void refreshSteps();
    void onRunFinished(bool success);
    void rollBack();
    void chooseChart();
    void setPhase(Phase phase);
    void setBusy(const QString &message);
    void showError(const QString &message, bool offerChart = false);
    void clearError();
    QString restartCostText(const fd::engine::onboarding::PlanImpact &impact) const;
    const fd::engine::onboarding::PlanImpact *chosenImpact() const;
    void setupValuesTabs();
    void onValuesEdited();
    void markStale(const fd::helm::ReleaseRevisions &revisions);
    void proceedOnboarding();
    void startPlanningEdited();
    // Fills what every plan shares (helm, install report, the release's upgrade base, the chart
    // reference typed) and starts the planner.
    void startPlanner(fd::engine::onboarding::PlanRequest request);
    bool usesEditedValues() const;
    void reportBatch(bool success, const QString &message);

    OnboardingEnvironment m_environment;
    fd::fission::OnboardAction m_action;
    std::unique_ptr<fd::kube::KubeSession> m_session;
    QPointer<fd::engine::onboarding::ClusterProbe> m_probe;
    std::optional<fd::engine::onboarding::ClusterFacts> m_facts;
    QPointer<fd::engine::onboarding::OnboardingPlanner> m_planner;
    std::optional<fd::engine::onboarding::Plan> m_plan;
    std::optional<fd::engine::onboarding::TenantPlan> m_tenantPlan;
    QPointer<fd::engine::onboarding::OnboardingRun> m_helmRun;
    QPointer<fd::engine::onboarding::TenantRun> m_tenantRun;
    Phase m_phase = Phase::Probing;
    bool m_modern = false;
    bool m_succeeded = false;
    QString m_failure;

    QLabel *m_intro = nullptr;
    QLineEdit *m_namespacesEdit = nullptr;
    QLabel *m_chartLabel = nullptr;
    QWidget *m_chartRow = nullptr;
    QLineEdit *m_chartEdit = nullptr;
    QPushButton *m_chartBrowse = nullptr;
    QPushButton *m_planButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_errorChart = nullptr;
    QWidget *m_planArea = nullptr;
    QLabel *m_planSummary = nullptr;
    QCheckBox *m_createNamespaces = nullptr;
    QGroupBox *m_standardBox = nullptr;
    QRadioButton *m_standardRadio = nullptr;
    QTreeWidget *m_impactTree = nullptr;
    QGroupBox *m_adoptBox = nullptr;
    QRadioButton *m_adoptRadio = nullptr;
    QTreeWidget *m_adoptTree = nullptr;
    QLabel *m_warnings = nullptr;
    QGroupBox *m_stepsBox = nullptr;
    QWidget *m_filler = nullptr;
    QTreeWidget *m_stepTree = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelRunButton = nullptr;
    QPushButton *m_rollbackButton = nullptr;
    QPushButton *m_closeButton = nullptr;

    QTabWidget *m_tabs = nullptr;
    ValuesEditor *m_valuesEditor = nullptr;
    ReleaseHistoryView *m_history = nullptr;
    QLabel *m_editedNote = nullptr;
    QWidget *m_staleBanner = nullptr;
    QLabel *m_staleLabel = nullptr;
    QPushButton *m_rebaseButton = nullptr;
    QTimer *m_staleTimer = nullptr;
    bool m_checking = false;
    bool m_stale = false;
    int m_knownLatest = 0;
    std::optional<fd::helm::ReleaseRevisions> m_newerRevisions;
    QStringList m_baseNamespaces; // additionalFissionNamespaces of the values the editor started from

    struct Batch {
        QStringList add;
        QStringList remove;
        BatchStart start = BatchStart::Plan;
        bool reported = false;
    };
    std::optional<Batch> m_batch;
    QLabel *m_batchNote = nullptr;
    QPushButton *m_queueButton = nullptr;
    QCheckBox *m_labelChoice = nullptr; // dynamic tenancy: onboard by label instead of a FissionTenant
};

} // namespace ui
} // namespace fd
