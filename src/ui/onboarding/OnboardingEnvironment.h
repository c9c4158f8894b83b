#pragma once

#include "common/Expected.h"
#include "engine/CommandResult.h"
#include "fission/Finding.h"
#include "helm/HelmRunner.h"

#include <QDateTime>
#include <QFuture>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QTemporaryDir;
class QWidget;

namespace fd::engine::onboarding {
class MaintenanceQueue;
}
namespace fd::kube {
class ConnectionSettings;
class KubeSession;
struct ContextEntry;
}

// Where the onboarding dialog works: how to open a connection of its own to the cluster (the
// planner and the runs live on the thread that owns their RestClient; the dialog's thread is the
// GUI thread, and everything they do is asynchronous) and how helm reaches the same cluster.

namespace fd {
namespace ui {

struct OnboardingEnvironment {
    QString contextName;
    // Opens the dialog's connection on the calling thread; a translated error on failure.
    std::function<fd::Expected<std::unique_ptr<fd::kube::KubeSession>, QString>()> openSession;
    fd::helm::HelmRunnerSettings helm; // binary, kubeconfig file(s) and context for helm
    // Keeps a generated kubeconfig (a cluster without one, the demo) alive as long as needed.
    std::shared_ptr<QTemporaryDir> scratch;
    // The app's maintenance queue: the dialog offers "Add to queue" on Helm-values clusters when set.
    QPointer<fd::engine::onboarding::MaintenanceQueue> queue;
};

// How the onboarding windows ask before they change a cluster (their public `confirm`, which
// tests replace with an answer of their own): a Yes/No message box over `parent`, No the default.
using ConfirmQuestion = std::function<bool(const QString &title, const QString &question)>;
ConfirmQuestion askWithMessageBox(QWidget *parent);

// A maintenance window's time (stored in UTC) as the admin reads it: local time, short format.
QString maintenanceTimeText(const QDateTime &utc);

// "NS is queued for the maintenance window at …" when `namespaceName` waits in the environment's
// maintenance queue (translated); empty when it does not. The onboarding windows say it before
// the admin changes that namespace on its own.
QString queuedNamespaceNote(const OnboardingEnvironment &environment, const QString &namespaceName);

// The helm binary the app should run: FD_HELM, then the setting "tools/helm", then helm on PATH,
// then a helm beside the application. Empty when none was found (HelmRunner then searches the
// login shell's PATH and reports, with install instructions, when there is none).
QString preferredHelmPath();

// A kubeconfig context: the session from the context, helm with the same files and context.
OnboardingEnvironment environmentForContext(const fd::kube::ContextEntry &context, const QStringList &kubeconfigFiles);
// A cluster reached without a kubeconfig (the demo emulator: plain HTTP, no credentials; the
// emulator treats such requests as the administrator). A kubeconfig for helm is written to a
// temporary directory. Credentials are never written: there are none.
OnboardingEnvironment environmentForServer(const QString &name, const fd::kube::ConnectionSettings &settings);

// Opens an OnboardingDialog (window-modal, deleted on close) for `action`; the future finishes
// when the dialog closes: ok when onboarding succeeded, a failure saying why otherwise.
QFuture<fd::engine::CommandResult> openOnboardingDialog(QWidget *parent, const OnboardingEnvironment &environment,
                                                        const fd::fission::OnboardAction &action);

} // namespace ui
} // namespace fd
