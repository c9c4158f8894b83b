#include "OnboardingEnvironment.h"

#include "OnboardingDialog.h"
#include "ui/UiTr.h"

#include "engine/onboarding/MaintenanceQueue.h"
#include "kube/config/Kubeconfig.h"
#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/KubeSession.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPromise>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using detail::translate;

QString preferredHelmPath()
{
    const QString fromEnvironment = qEnvironmentVariable("FD_HELM");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString fromSettings = QSettings().value(u"tools/helm"_s).toString();
    if (!fromSettings.isEmpty())
        return fromSettings;
    const QString onPath = QStandardPaths::findExecutable(u"helm"_s);
    if (!onPath.isEmpty())
        return onPath;
    // A bundled helm (installers may ship one beside the app).
    const QString besideApp = QCoreApplication::applicationDirPath() + u"/helm"_s;
    if (QFileInfo(besideApp).isExecutable())
        return besideApp;
    return {};
}

OnboardingEnvironment environmentForContext(const fd::kube::ContextEntry &context, const QStringList &kubeconfigFiles)
{
    OnboardingEnvironment environment;
    environment.contextName = context.name;
    environment.openSession = [context]() -> fd::Expected<std::unique_ptr<fd::kube::KubeSession>, QString> {
        auto session = fd::kube::KubeSession::fromContext(context);
        if (!session)
            return fd::Unexpected(session.error().message);
        return std::move(session.value());
    };
    environment.helm.helmPath = preferredHelmPath();
    environment.helm.kubeconfigFiles = kubeconfigFiles;
    environment.helm.kubeContext = context.name;
    return environment;
}

OnboardingEnvironment environmentForServer(const QString &name, const fd::kube::ConnectionSettings &settings)
{
    OnboardingEnvironment environment;
    environment.contextName = name;
    environment.openSession = [name, settings]() -> fd::Expected<std::unique_ptr<fd::kube::KubeSession>, QString> {
        fd::kube::ResolvedUser user;
        user.name = u"admin"_s;
        return std::make_unique<fd::kube::KubeSession>(name, settings, user);
    };
    environment.helm.helmPath = preferredHelmPath();
    environment.helm.kubeContext = name;
    auto dir = std::make_shared<QTemporaryDir>();
    if (dir->isValid()) {
        const QString path = dir->filePath(u"kubeconfig"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            const QString server = settings.server().toString();
            const QString yaml = u"apiVersion: v1\nkind: Config\nclusters:\n- name: %1\n  cluster:\n    server: %2\n"
                                 "contexts:\n- name: %1\n  context:\n    cluster: %1\n    user: %1\n"
                                 "users:\n- name: %1\n  user: {}\ncurrent-context: %1\n"_s.arg(name, server);
            file.write(yaml.toUtf8());
            file.close();
            environment.helm.kubeconfigFiles = {path};
        }
        environment.scratch = std::move(dir);
    }
    return environment;
}

QFuture<fd::engine::CommandResult> openOnboardingDialog(QWidget *parent, const OnboardingEnvironment &environment,
                                                        const fd::fission::OnboardAction &action)
{
    auto promise = std::make_shared<QPromise<fd::engine::CommandResult>>();
    promise->start();
    auto *dialog = new OnboardingDialog(environment, action, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, promise](int) {
        const QString namespaces = dialog->namespaces().join(u", "_s);
        fd::engine::CommandResult result =
            dialog->succeeded()
                ? fd::engine::CommandResult::success(translate("fd::ui", "Onboarded %1.").arg(namespaces))
                : fd::engine::CommandResult::failure(dialog->failureText().isEmpty()
                                                         ? translate("fd::ui", "Onboarding was closed; nothing was changed.")
                                                         : dialog->failureText());
        promise->addResult(result);
        promise->finish();
    });
    dialog->open();
    return promise->future();
}

QString maintenanceTimeText(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString queuedNamespaceNote(const OnboardingEnvironment &environment, const QString &namespaceName)
{
    if (!environment.queue || !environment.queue->isQueued(environment.contextName, namespaceName))
        return {};
    const fd::engine::onboarding::QueuedBatch batch = environment.queue->batch(environment.contextName);
    if (!batch.scheduledAt)
        return translate("fd::ui", "%1 is queued for the next maintenance window (not scheduled yet).").arg(namespaceName);
    return translate("fd::ui", "%1 is queued for the maintenance window at %2.")
        .arg(namespaceName, maintenanceTimeText(*batch.scheduledAt));
}

ConfirmQuestion askWithMessageBox(QWidget *parent)
{
    return [parent](const QString &title, const QString &question) {
        return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
}

} // namespace ui
} // namespace fd
