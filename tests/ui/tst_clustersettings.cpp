// Tools → Cluster settings… and Tools → Preferences… on the offscreen platform, with the real
// engine: a bad namespace name is refused as typed and on OK (input kept); accepted settings
// reach the engine (the hidden cluster leaves the tree and stops, the namespaces are stored);
// the exec plugin field shows what the resolver finds and how, or what it tried; preferences
// are stored for the next start.
#include "engine/ClusterSession.h"
#include "engine/ContextSettings.h"
#include "engine/Engine.h"
#include "kube/config/ExecCommandResolver.h"
#include "ui/ClusterSettingsDialog.h"
#include "ui/ClusterTreeModel.h"
#include "ui/EngineClusterHandle.h"
#include "ui/MainWindow.h"
#include "ui/PreferencesDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The app's wiring (gui_main.cpp): a handle per session, dropped with it.
class Wiring : public QObject
{
public:
    Wiring(fd::engine::Engine &engine, fd::ui::MainWindow &window)
    {
        auto add = [this, &window](fd::engine::ClusterSession *session) {
            auto *handle = new fd::ui::EngineClusterHandle(session, &window);
            m_handles.insert(session, handle);
            window.addCluster(handle);
        };
        connect(&engine, &fd::engine::Engine::sessionAdded, this, add);
        connect(&engine, &fd::engine::Engine::sessionRemoved, this,
                [this](fd::engine::ClusterSession *session) { delete m_handles.take(session).data(); });
        for (fd::engine::ClusterSession *session : engine.sessions())
            add(session);
    }
    ~Wiring() override
    {
        for (const QPointer<fd::ui::EngineClusterHandle> &handle : std::as_const(m_handles))
            delete handle.data();
    }

private:
    QHash<fd::engine::ClusterSession *, QPointer<fd::ui::EngineClusterHandle>> m_handles;
};

QAction *windowAction(fd::ui::MainWindow &window, const QString &name)
{
    return window.findChild<QAction *>(name);
}

} // namespace

class TestClusterSettingsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void settingsDialogHidesTheClusterAndStoresNamespaces()
    {
        fd::engine::Engine engine;
        const auto started = engine.startDemo({u"demo"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        fd::ui::MainWindow window;
        Wiring wiring(engine, window);
        fd::ui::ClusterSettingsController controller(&window, &engine);
        window.show();
        fd::ui::ClusterTreeModel *model = window.treeModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->tenantIndex(u"demo"_s, u"team-a"_s).isValid(), 60000);
        QVERIFY(engine.isSessionActive(u"demo"_s));

        // Tools → Cluster settings… opens the dialog for the selected cluster.
        QAction *action = windowAction(window, u"clusterSettingsAction"_s);
        QVERIFY(action);
        QVERIFY(window.selectTenant(u"demo"_s, u"team-a"_s));
        action->trigger();
        QPointer<fd::ui::ClusterSettingsDialog> dialog = window.findChild<fd::ui::ClusterSettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->contextName(), u"demo"_s);
        QVERIFY(!dialog->execPathEdit()->isEnabled()); // the demo has no exec plugin

        // A bad name is reported as it is typed, and OK keeps the dialog and the input.
        QTest::keyClicks(dialog->namespacesEdit(), u"team-a"_s);
        QVERIFY(!dialog->errorLabel()->isVisibleTo(dialog));
        QTest::keyClick(dialog->namespacesEdit(), Qt::Key_Return);
        QTest::keyClicks(dialog->namespacesEdit(), u"Team_B"_s);
        QVERIFY(dialog->errorLabel()->isVisibleTo(dialog));
        QVERIFY2(dialog->errorLabel()->text().contains(u"Team_B"_s), qPrintable(dialog->errorLabel()->text()));
        dialog->accept();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->namespacesEdit()->toPlainText(), u"team-a\nTeam_B"_s);
        QCOMPARE(engine.contextSettings()->settings(u"demo"_s), fd::engine::ContextSettings{});

        // Fixed, plus "hide": accepted, stored, and applied.
        dialog->namespacesEdit()->setPlainText(u"team-a\nteam-b\n"_s);
        QVERIFY(!dialog->errorLabel()->isVisibleTo(dialog));
        QTest::mouseClick(dialog->hideBox(), Qt::LeftButton);
        QVERIFY(dialog->hideBox()->isChecked());
        dialog->accept();
        QTRY_VERIFY(!dialog);
        const fd::engine::ContextSettings stored = engine.contextSettings()->settings(u"demo"_s);
        QCOMPARE(stored.namespaces, (QStringList{u"team-a"_s, u"team-b"_s}));
        QVERIFY(stored.hidden);
        QVERIFY(window.isClusterHidden(u"demo"_s));
        QVERIFY(!model->contextIndex(u"demo"_s).isValid());
        QVERIFY(!engine.isSessionActive(u"demo"_s)); // hidden: not connected
        QVERIFY(engine.session(u"demo"_s));          // but still listed under View → Clusters

        // Shown again from the View menu: it connects and comes back into the tree.
        window.setClusterHidden(u"demo"_s, false);
        QVERIFY(engine.isSessionActive(u"demo"_s));
        QTRY_VERIFY_WITH_TIMEOUT(model->tenantIndex(u"demo"_s, u"team-a"_s).isValid(), 60000);

        // The dialog opens with what was stored.
        QPointer<fd::ui::ClusterSettingsDialog> again = controller.open(u"demo"_s);
        QVERIFY(again);
        QCOMPARE(again->namespacesEdit()->toPlainText(), u"team-a\nteam-b"_s);
        QVERIFY(!again->hideBox()->isChecked());
        again->reject();
        QTRY_VERIFY(!again);
    }

    void execPluginFieldSaysWhatTheResolverFinds()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(u"config"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\n"
                   "contexts:\n- name: sso\n  context:\n    cluster: c\n    user: sso\n"
                   "users:\n- name: sso\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                   "      command: fd-test-login\n      interactiveMode: Never\n");
        file.close();
        // Finds nothing by itself: no PATH, no login shell, one empty usual location.
        fd::kube::CommandSearchPaths paths;
        paths.homeDir = dir.path();
        paths.loginShellPath = [] { return QStringList(); };
        paths.usualLocations = {dir.filePath(u"usual"_s)};
        auto resolver = std::make_shared<const fd::kube::ExecCommandResolver>(paths);

        fd::engine::Engine engine;
        engine.setAutoStart(false); // nothing to connect to
        fd::kube::LoadOptions options;
        options.explicitFile = config;
        options.commandResolver = resolver;
        engine.loadKubeconfig(options);
        fd::ui::MainWindow window;
        Wiring wiring(engine, window);
        fd::ui::ClusterSettingsController controller(&window, &engine, resolver);

        QPointer<fd::ui::ClusterSettingsDialog> dialog = controller.open(u"sso"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->execPathEdit()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->resolverLabel()->text().startsWith(u"Not found"_s), 20000);
        QVERIFY2(dialog->resolverLabel()->text().contains(dir.filePath(u"usual"_s)), qPrintable(dialog->resolverLabel()->text()));

        const QString toolDir = dir.filePath(u"tools"_s);
        QVERIFY(QDir().mkpath(toolDir));
        QFile plugin(toolDir + u"/fd-test-login"_s);
        QVERIFY(plugin.open(QIODevice::WriteOnly));
        plugin.write("#!/bin/sh\nexit 1\n");
        plugin.close();
        QVERIFY(plugin.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        dialog->execPathEdit()->setText(toolDir);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->resolverLabel()->text() == u"Found via the path set here: %1/fd-test-login"_s.arg(toolDir),
                                 20000);

        // docs/screenshots/cluster-settings.png: FD_SCREENSHOT_DIR=… QT_QPA_PLATFORM=xcb under xvfb-run.
        if (const QString shots = qEnvironmentVariable("FD_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1100, 720);
            window.show();
            dialog->namespacesEdit()->setPlainText(u"team-a\nteam-b"_s);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QTest::qWait(800); // painted, the caret settled
            QVERIFY(window.screen()->grabWindow(0).save(shots + u"/cluster-settings.png"_s));
        }

        // A path that does not exist is refused on OK, the input kept.
        const QString typo = dir.filePath(u"tols"_s);
        dialog->execPathEdit()->setText(typo);
        dialog->accept();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY2(dialog->errorLabel()->text().contains(typo), qPrintable(dialog->errorLabel()->text()));
        QCOMPARE(dialog->execPathEdit()->text(), typo);

        dialog->execPathEdit()->setText(toolDir);
        dialog->accept();
        QTRY_VERIFY(!dialog);
        QCOMPARE(engine.contextSettings()->settings(u"sso"_s).execCommandOverride, toolDir);
        // The session was made again with the override: the loader now finds the plugin.
        const fd::kube::ContextEntry *context = engine.kubeconfig().context(u"sso"_s);
        QVERIFY(context && context->user && context->user->exec);
        QCOMPARE(context->user->exec->commandOverride, toolDir);
        QVERIFY2(context->isUsable(), context->firstError() ? qPrintable(context->firstError()->toString()) : "");
        QVERIFY(!engine.session(u"sso"_s)->isFailed());
    }

    void preferencesAreStoredForTheNextStart()
    {
        fd::ui::MainWindow window;
        QAction *action = windowAction(window, u"preferencesAction"_s);
        QVERIFY(action);
        action->trigger();
        QPointer<fd::ui::PreferencesDialog> dialog = window.findChild<fd::ui::PreferencesDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->languageBox()->currentData().toString(), QString()); // system by default
        QCOMPARE(dialog->themeBox()->currentData().toString(), u"system"_s);
        auto *note = dialog->findChild<QLabel *>(u"restartNote"_s);
        QVERIFY(note && note->text().contains(u"next time"_s));

        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"zh_CN"_s));
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(u"dark"_s));
        dialog->accept();
        QTRY_VERIFY(!dialog);
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), u"zh_CN"_s);
        QCOMPARE(QSettings().value(u"ui/theme"_s).toString(), u"dark"_s);

        // Opened again: shows what is stored; back to the system language removes the key.
        action->trigger();
        dialog = window.findChild<fd::ui::PreferencesDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->languageBox()->currentText(), u"简体中文"_s);
        QCOMPARE(dialog->themeBox()->currentData().toString(), u"dark"_s);
        dialog->languageBox()->setCurrentIndex(0);
        dialog->accept();
        QTRY_VERIFY(!dialog);
        QVERIFY(!QSettings().contains(u"ui/language"_s));
    }
};

QTEST_MAIN(TestClusterSettingsUi)
#include "tst_clustersettings.moc"
