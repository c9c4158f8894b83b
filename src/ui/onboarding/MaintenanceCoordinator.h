#pragma once

#include "OnboardingDialog.h"
#include "OnboardingEnvironment.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QMessageBox;
class QWidget;

namespace fd::engine::onboarding {
class MaintenanceQueue;
class MaintenanceScheduler;
}

// Puts the maintenance queue to work in the app:
//  - when a batch's time comes while the app runs (MaintenanceScheduler::due), it opens the
//    onboarding dialog in batch mode, which plans and upgrades without asking (the normal run,
//    its steps visible in that window); on success the applied namespaces leave the queue, on
//    failure the batch stays with the error (and without its time, for the admin to decide);
//  - a window that passed while the app was closed (missed) is never run late silently: a
//    message box says so and offers Apply now / Reschedule… / Discard;
//  - Tools → Maintenance queue… (openQueue), whose Plan/Apply open the same batch dialog;
//  - the cluster tree marks the queued namespaces (markQueuedTenants).

namespace fd {
namespace ui {

class ClusterTreeModel;
class MaintenanceQueueDialog;

class MaintenanceCoordinator : public QObject
{
    Q_OBJECT
public:
    // environmentFor: the onboarding environment of a context, nullopt when the app does not know it.
    MaintenanceCoordinator(fd::engine::onboarding::MaintenanceQueue *queue, QWidget *window,
                           std::function<std::optional<OnboardingEnvironment>(const QString &context)> environmentFor,
                           QObject *parent = nullptr);
    ~MaintenanceCoordinator() override;

    fd::engine::onboarding::MaintenanceScheduler *scheduler() const { return m_scheduler; }
    fd::engine::onboarding::MaintenanceQueue *queue() const { return m_queue; }
    // The app's clusters, offered in the queue dialog.
    std::function<QStringList()> knownContexts;

    // Starts the scheduler (missed windows are reported now).
    void start();
    // Marks every queued namespace in the cluster tree ("queued to onboard at 02:00"), now and
    // whenever the queue changes.
    void markQueuedTenants(ClusterTreeModel *model);
    // Tools → Maintenance queue…; one window, raised when already open.
    MaintenanceQueueDialog *openQueue(const QString &context = {});
    // Opens (or raises) the batch dialog of `context`; nullptr when nothing is queued or the
    // context is unknown (the failure is then kept in the queue).
    OnboardingDialog *runBatch(const QString &context, OnboardingDialog::BatchStart start);
    OnboardingDialog *batchDialog(const QString &context) const { return m_running.value(context).data(); }
    // The prompt for a missed window, while it is open (objectName "missedWindow").
    QMessageBox *missedPrompt(const QString &context) const;

private:
    void promptMissed(const QString &context);
    void updateTenantNotes(const QString &context);

    fd::engine::onboarding::MaintenanceQueue *m_queue = nullptr;
    fd::engine::onboarding::MaintenanceScheduler *m_scheduler = nullptr;
    QPointer<QWidget> m_window;
    std::function<std::optional<OnboardingEnvironment>(const QString &)> m_environmentFor;
    QPointer<MaintenanceQueueDialog> m_queueDialog;
    QPointer<ClusterTreeModel> m_treeModel;
    QHash<QString, QPointer<OnboardingDialog>> m_running;
    QHash<QString, QPointer<QMessageBox>> m_prompts;
};

} // namespace ui
} // namespace fd
