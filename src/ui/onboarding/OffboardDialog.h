#pragma once

#include "OnboardingEnvironment.h"

#include "engine/onboarding/ClusterProbe.h"
#include "engine/onboarding/OffboardPreview.h"
#include "engine/onboarding/OnboardingPlan.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace fd::kube {
class KubeSession;
}
namespace fd::engine::onboarding {
class OnboardingPlanner;
class OnboardingRun;
class StepRunner;
class TenantRun;
}

// Offboarding a tenant namespace from the desktop app (both worlds). It reads the cluster
// (ClusterProbe) and what the namespace holds (OffboardPreview) and shows everything that will be
// lost: functions, packages and their archives, environments, triggers, secrets and config maps,
// with counts and names. "Also delete the namespace" is optional; the Offboard button is enabled
// only once the namespace name is typed exactly.
//  - legacy/static: plans removing the namespace from additionalFissionNamespaces
//    (OnboardingPlanner), states the restart cost, and runs the helm upgrade (OnboardingRun),
//    deleting the namespace afterwards when asked; or queues the removal for the next
//    maintenance window (MaintenanceQueue), so that one upgrade restarts the control plane once;
//  - modern: deletes the FissionTenant (TenantRun, forced when functions remain: the preview has
//    already listed them), and the namespace when asked.
// While a deleted namespace terminates, the objects still holding it (finalizers) are listed, and
// their finalizers can be removed, until the API server no longer has the namespace.

namespace fd {
namespace ui {

class OffboardDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Phase { Probing, ProbeFailed, Ready, Planning, Running, WaitingForNamespace, Finished };
    Q_ENUM(Phase)

    OffboardDialog(const OnboardingEnvironment &environment, const QString &namespaceName, QWidget *parent = nullptr);
    ~OffboardDialog() override;

    Phase phase() const { return m_phase; }
    bool isModern() const { return m_modern; }
    bool succeeded() const { return m_succeeded; }
    QString failureText() const { return m_failure; }
    QString namespaceName() const { return m_namespace; }
    const std::optional<fd::engine::onboarding::OffboardPreviewData> &preview() const { return m_preview; }
    fd::engine::onboarding::StepRunner *run() const;
    // The last state of the deleted namespace (while it terminates).
    std::optional<fd::engine::onboarding::NamespaceDeletionState> namespaceState() const;

    // Asks before changing the cluster (a QMessageBox by default; tests replace it).
    ConfirmQuestion confirm;

    QTreeWidget *previewTree() const { return m_previewTree; }
    QCheckBox *deleteNamespaceBox() const { return m_deleteNamespace; }
    QLineEdit *confirmationEdit() const { return m_confirmEdit; }
    QPushButton *offboardButton() const { return m_offboardButton; }
    // "Add to queue" (legacy clusters, when the app has a maintenance queue): the removal waits
    // for the next maintenance window, batched with other changes into one upgrade.
    QPushButton *queueButton() const { return m_queueButton; }
    QTreeWidget *stepTree() const { return m_stepTree; }
    QTreeWidget *heldTree() const { return m_heldTree; }
    QPushButton *removeFinalizersButton() const { return m_removeFinalizers; }

public Q_SLOTS:
    void startOffboarding();
    void reject() override;

Q_SIGNALS:
    void phaseChanged(fd::ui::OffboardDialog::Phase phase);

private:
    void buildUi();
    void startProbe();
    void onProbeFinished();
    void onPreviewFinished();
    void showPreview();
    void onPlannerFinished();
    void startRun(fd::engine::onboarding::StepRunner *runner);
    void refreshSteps();
    void onRunFinished(bool success);
    void watchNamespace();
    void refreshHeld();
    void setPhase(Phase phase);
    void setBusy(const QString &message);
    void showError(const QString &message);
    void updateOffboardButton();
    void addToQueue();
    bool isQueued() const;

    OnboardingEnvironment m_environment;
    QString m_namespace;
    std::unique_ptr<fd::kube::KubeSession> m_session;
    QPointer<fd::engine::onboarding::ClusterProbe> m_probe;
    QPointer<fd::engine::onboarding::OffboardPreview> m_previewReader;
    QPointer<fd::engine::onboarding::OnboardingPlanner> m_planner;
    QPointer<fd::engine::onboarding::OnboardingRun> m_helmRun;
    QPointer<fd::engine::onboarding::TenantRun> m_tenantRun;
    QPointer<fd::engine::onboarding::NamespaceDeletionWatch> m_watch;
    std::optional<fd::engine::onboarding::ClusterFacts> m_facts;
    std::optional<fd::engine::onboarding::OffboardPreviewData> m_preview;
    Phase m_phase = Phase::Probing;
    bool m_modern = false;
    bool m_served = false; // Fission serves the namespace now (listed, or a tenant names it)
    bool m_succeeded = false;
    bool m_deleting = false; // the namespace is to be deleted (chosen when the run started)
    QString m_failure;

    QLabel *m_intro = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_previewTree = nullptr;
    QCheckBox *m_deleteNamespace = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QTreeWidget *m_stepTree = nullptr;
    QWidget *m_heldBox = nullptr;
    QLabel *m_heldSummary = nullptr;
    QTreeWidget *m_heldTree = nullptr;
    QPushButton *m_removeFinalizers = nullptr;
    QPushButton *m_offboardButton = nullptr;
    QPushButton *m_queueButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

// Opens an OffboardDialog (window-modal, deleted on close) for `namespaceName`.
void openOffboardDialog(QWidget *parent, const OnboardingEnvironment &environment, const QString &namespaceName);

} // namespace ui
} // namespace fd
