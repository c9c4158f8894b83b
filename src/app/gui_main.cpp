// fission-desk: the desktop app. `fission-desk [--demo] [--kubeconfig FILE] [--lang LOCALE]`.
// Wires the engine's sessions to the main window; everything else lives in src/ui.
#include "app/i18n/Translations.h"
#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "engine/onboarding/MaintenanceQueue.h"
#include "kube/transport/KubeSession.h"
#include "ui/ClusterSettingsDialog.h"
#include "ui/EngineClusterHandle.h"
#include "ui/MainWindow.h"
#include "ui/onboarding/MaintenanceCoordinator.h"
#include "ui/onboarding/OffboardDialog.h"
#include "ui/onboarding/OnboardingEnvironment.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QHash>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FissionDesk"_s);
    QCoreApplication::setApplicationName(u"fission-desk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FD_VERSION));
    QGuiApplication::setDesktopFileName(u"fission-desk"_s);

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s, QCoreApplication::translate("fd::app", "Start the built-in demo clusters (an in-process emulator)."));
    const QCommandLineOption kubeconfig(u"kubeconfig"_s, QCoreApplication::translate("fd::app", "Read this kubeconfig file."),
                                        u"file"_s);
    const QCommandLineOption lang(u"lang"_s, QCoreApplication::translate("fd::app", "Use this language, e.g. zh_CN or en."), u"locale"_s);
    const QCommandLineOption select(u"select"_s,
                                    QCoreApplication::translate("fd::app", "Select this item once it is loaded: CONTEXT, CONTEXT/NAMESPACE or CONTEXT/NAMESPACE/KIND/NAME."),
                                    u"path"_s);
    parser.addOptions({demo, kubeconfig, lang, select});
    parser.process(app);

    // The command line wins over the setting, the setting over the system locale.
    QString language = parser.value(lang);
    if (language.isEmpty())
        language = QSettings().value(u"ui/language"_s).toString();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    fd::app::installTranslations(app, locale);
    QGuiApplication::setWindowIcon(QIcon(u":/icons/fission-desk.svg"_s));

    fd::engine::Engine engine;
    fd::ui::MainWindow window;
    // "Cluster settings…" and hiding a cluster reach the engine (the window owns the controller).
    new fd::ui::ClusterSettingsController(&window, &engine);
    QHash<fd::engine::ClusterSession *, QPointer<fd::ui::EngineClusterHandle>> handles;
    // Maintenance windows and batches (issue 8): the queue lives in the app data directory, so a
    // queued plan survives a restart.
    fd::engine::onboarding::MaintenanceQueue maintenanceQueue(fd::engine::onboarding::MaintenanceQueue::defaultFilePath());
    // What the onboarding, offboarding and maintenance dialogs need to run helm against a cluster:
    // kubeconfig contexts give helm the same files and context; the demo clusters (no kubeconfig)
    // get a generated one for their server. nullopt when the cluster is gone.
    const auto onboardingEnvironment = [&engine, &maintenanceQueue](const QString &contextName) -> std::optional<fd::ui::OnboardingEnvironment> {
        for (fd::engine::ClusterSession *session : engine.sessions()) {
            if (session->contextName() != contextName)
                continue;
            fd::ui::OnboardingEnvironment environment;
            if (const fd::kube::ContextEntry *context = engine.kubeconfig().context(contextName))
                environment = fd::ui::environmentForContext(*context, engine.kubeconfig().files);
            else if (session->kubeSessionThread())
                environment = fd::ui::environmentForServer(contextName, session->kubeSessionThread()->session()->settings());
            else
                return std::nullopt;
            environment.queue = &maintenanceQueue;
            return environment;
        }
        return std::nullopt;
    };
    auto add = [&](fd::engine::ClusterSession *session) {
        if (handles.contains(session))
            return;
        auto *handle = new fd::ui::EngineClusterHandle(session, &window);
        handles.insert(session, handle);
        // The diagnostics panel's Onboard fix opens the onboarding dialog for this cluster; its
        // future finishes when the dialog closes.
        session->setOnboardHandler([&window, onboardingEnvironment, session](const fd::fission::OnboardAction &action) {
            return fd::ui::openOnboardingDialog(&window, onboardingEnvironment(session->contextName()).value_or(fd::ui::OnboardingEnvironment{}),
                                                action);
        });
        handle->setOnboardingAvailable(true);
        window.addCluster(handle);
    };
    // A tenant's "Offboard…" opens the offboarding dialog with the same environment as onboarding.
    window.setOffboardHandler([&window, onboardingEnvironment](const QString &contextName, const QString &namespaceName) {
        if (const auto environment = onboardingEnvironment(contextName))
            fd::ui::openOffboardDialog(&window, *environment, namespaceName);
    });
    // Scheduled batches run in the onboarding dialog of their cluster, with the same environment.
    fd::ui::MaintenanceCoordinator maintenance(&maintenanceQueue, &window, onboardingEnvironment);
    maintenance.knownContexts = [&engine] {
        QStringList names;
        for (fd::engine::ClusterSession *session : engine.sessions())
            names.append(session->contextName());
        return names;
    };
    maintenance.markQueuedTenants(window.treeModel());
    if (auto *tools = window.findChild<QMenu *>(u"toolsMenu"_s)) {
        QAction *queueAction = tools->addAction(QCoreApplication::translate("fd::app", "&Maintenance queue…"), &maintenance,
                                                [&maintenance] { maintenance.openQueue(); });
        queueAction->setObjectName(u"maintenanceQueueAction"_s);
    }
    QObject::connect(&engine, &fd::engine::Engine::sessionAdded, &window, add);
    QObject::connect(&engine, &fd::engine::Engine::sessionRemoved, &window, [&](fd::engine::ClusterSession *session) {
        delete handles.take(session).data();
    });

    if (!parser.isSet(demo) || parser.isSet(kubeconfig)) {
        fd::kube::LoadOptions options;
        options.explicitFile = parser.value(kubeconfig);
        engine.loadKubeconfig(options);
    }
    if (parser.isSet(demo)) {
        const auto started = engine.startDemo();
        if (!started)
            QMessageBox::warning(&window, QCoreApplication::translate("fd::app", "Demo"),
                                 QCoreApplication::translate("fd::app", "The demo clusters could not start: %1").arg(started.error()));
    }
    for (fd::engine::ClusterSession *session : engine.sessions())
        add(session);

    if (parser.isSet(select))
        window.selectWhenAvailable(parser.value(select));
    window.show();
    if (!maintenanceQueue.loadError().isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Warning, QCoreApplication::translate("fd::app", "Maintenance queue"),
                                    maintenanceQueue.loadError(), QMessageBox::Ok, &window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    // Missed windows are asked about once the window is up; due ones run from now on.
    maintenance.start();
    const int code = QApplication::exec();
    // Handles go before the sessions they wrap.
    for (const QPointer<fd::ui::EngineClusterHandle> &handle : std::as_const(handles))
        delete handle.data();
    return code;
}
