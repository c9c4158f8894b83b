// The build troubleshooter, the tenant build board and "Call function…" through their widgets on
// the real engine and the in-process `demo` cluster: team-a's inventory package fails to compile
// (the timeline stops at "build" with the compiler's output, Rebuild runs), the unwatched `test`
// tenant's package stops before buildermgr, the board lists failed builds first and opens the
// troubleshooter on a double-click, and the call dialog reaches a function through the router
// (200) and links a 404 to the diagnostics. With FD_SCREENSHOT_DIR set, the windows are saved
// there as PNGs (run under Xvfb with QT_QPA_PLATFORM=xcb for real screenshots).
#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "ui/DetailsPane.h"
#include "ui/EngineClusterHandle.h"
#include "ui/MainWindow.h"
#include "ui/troubleshoot/BuildBoard.h"
#include "ui/troubleshoot/BuildBoardModel.h"
#include "ui/troubleshoot/BuildTroubleshooter.h"
#include "ui/troubleshoot/CallFunctionDialog.h"
#include "ui/troubleshoot/TroubleshootMenu.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int LongWait = 60000;

template<typename T>
T *topLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    }
    return nullptr;
}

QString stepState(QWidget *window, const QString &step)
{
    auto *row = window->findChild<QFrame *>(u"step:"_s + step);
    return row ? row->property("state").toString() : QString();
}

void saveScreenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("FD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(300); // let the window paint
    QVERIFY(window->grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestTroubleshoot : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<fd::engine::Engine> m_engine;
    fd::engine::ClusterSession *m_session = nullptr;

    void closeTopLevels()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (qobject_cast<fd::ui::BuildTroubleshooter *>(w) || qobject_cast<fd::ui::BuildBoard *>(w)
                || qobject_cast<fd::ui::CallFunctionDialog *>(w))
                w->close();
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_engine = std::make_unique<fd::engine::Engine>();
        const auto started = m_engine->startDemo({u"demo"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        m_session = m_engine->session(u"demo"_s);
        QVERIFY(m_session);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->snapshot()->connection.state == fd::engine::ConnectionState::Live, LongWait);
        // The demo's inventory package does not compile.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            const auto *p = m_session->snapshot()->index.packages().get(u"team-a"_s, u"inventory-pkg"_s);
            return p && p->buildStatus == fd::fission::BuildStatus::Failed;
        }(), LongWait);
    }

    void cleanup() { closeTopLevels(); }

    void cleanupTestCase()
    {
        closeTopLevels();
        m_engine.reset();
    }

    void failedBuildStopsAtTheBuildWithTheCompilerOutput()
    {
        auto *window = fd::ui::BuildTroubleshooter::open(m_session, u"team-a"_s, u"inventory-pkg"_s);
        QVERIFY(window);
        QTRY_COMPARE_WITH_TIMEOUT(stepState(window, u"build"_s), u"failed"_s, LongWait);
        auto *row = window->findChild<QFrame *>(u"step:build"_s);
        QVERIFY(row->property("stoppedHere").toBool());
        QCOMPARE(stepState(window, u"builder-ready"_s), u"done"_s);
        QCOMPARE(stepState(window, u"upload"_s), u"not-reached"_s);
        auto *explanation = window->findChild<QLabel *>(u"explanation"_s);
        QVERIFY(explanation->isVisible());
        QVERIFY2(explanation->text().contains(u"build command"_s), qPrintable(explanation->text()));
        auto *output = window->findChild<QPlainTextEdit *>(u"output"_s);
        QVERIFY(output->isVisible());
        QVERIFY(!output->toPlainText().isEmpty());
        // A second request raises the same window.
        QCOMPARE(fd::ui::BuildTroubleshooter::open(m_session, u"team-a"_s, u"inventory-pkg"_s), window);
        saveScreenshot(window, u"build-troubleshooter.png"_s);

        // Rebuild (an admin may): the engine sets the package back to pending.
        auto *rebuild = window->findChild<QPushButton *>(u"rebuild"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rebuild->isEnabled(), LongWait);
        const QDateTime failedAt = window->timeline().step(fd::fission::BuildStep::Id::Finished)->time;
        QSignalSpy finished(window, &fd::ui::BuildTroubleshooter::rebuildFinished);
        QTest::mouseClick(rebuild, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, LongWait);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        // The builder takes it again (and, the source being broken, fails it again).
        QTRY_VERIFY_WITH_TIMEOUT(window->timeline().step(fd::fission::BuildStep::Id::Finished)->time > failedAt
                                     && stepState(window, u"build"_s) == u"failed"_s,
                                 LongWait);
        QVERIFY(window->findChild<QPushButton *>(u"openBuilderLog"_s)->isEnabled());
        QVERIFY(window->findChild<QPushButton *>(u"editPackage"_s)->isVisible());
        QVERIFY(window->findChild<QPushButton *>(u"editEnvironment"_s)->isVisible());
    }

    void unwatchedTenantStopsBeforeBuildermgr()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->snapshot()->index.packages().inNamespace(u"test"_s).isEmpty(), LongWait);
        const QString name = m_session->snapshot()->index.packages().inNamespace(u"test"_s).first()->name();
        auto *window = fd::ui::BuildTroubleshooter::open(m_session, u"test"_s, name);
        QTRY_COMPARE_WITH_TIMEOUT(stepState(window, u"picked-up"_s), u"failed"_s, LongWait);
        auto *explanation = window->findChild<QLabel *>(u"explanation"_s);
        QTRY_VERIFY_WITH_TIMEOUT(explanation->property("findingId").toString().startsWith(u"namespace-not-watched:"_s), LongWait);
        // Only failed builds are rebuilt.
        QVERIFY(!window->findChild<QPushButton *>(u"rebuild"_s)->isEnabled());
    }

    void openedFromTheContextMenuAndTheDetailsPane()
    {
        QMenu menu;
        const fd::fission::ObjectRef pkg{u"fission.io"_s, u"Package"_s, u"team-a"_s, u"inventory-pkg"_s, {}};
        fd::ui::addTroubleshootActions(&menu, nullptr, m_session, u"team-a"_s, &pkg);
        QAction *why = menu.findChild<QAction *>(u"buildTroubleshooter"_s);
        QVERIFY(why);
        why->trigger();
        QTRY_VERIFY(topLevel<fd::ui::BuildTroubleshooter>());
        closeTopLevels();

        QMenu tenantMenu;
        fd::ui::addTroubleshootActions(&tenantMenu, nullptr, m_session, u"team-a"_s, nullptr);
        QVERIFY(tenantMenu.findChild<QAction *>(u"buildBoard"_s));
        QVERIFY(!tenantMenu.findChild<QAction *>(u"buildTroubleshooter"_s));

        // The details pane's button, through the main window.
        fd::ui::MainWindow main;
        main.addCluster(new fd::ui::EngineClusterHandle(m_session, &main));
        main.show();
        QTRY_VERIFY_WITH_TIMEOUT(main.selectObject(u"demo"_s, pkg), LongWait);
        auto *button = main.details()->findChild<QPushButton *>(u"whyBuildButton"_s);
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(topLevel<fd::ui::BuildTroubleshooter>());
        QCOMPARE(topLevel<fd::ui::BuildTroubleshooter>()->packageName(), u"inventory-pkg"_s);
        closeTopLevels();
    }

    void boardListsFailedBuildsFirstAndOpensTheTroubleshooter()
    {
        auto *board = fd::ui::BuildBoard::open(m_session, u"team-a"_s);
        QTRY_VERIFY_WITH_TIMEOUT(board->shownPackages().size() >= 2, LongWait);
        QTableView *view = board->view();
        // Failed first; every other package of team-a built (the demo builds them at start-up).
        const auto settled = [&] {
            if (board->shownPackages().value(0) != u"inventory-pkg"
                || view->model()->index(0, 0).data(fd::ui::BuildBoardModel::VerdictRole).toString() != u"failed")
                return false;
            for (int r = 1; r < view->model()->rowCount(); ++r) {
                const QString verdict = view->model()->index(r, 0).data(fd::ui::BuildBoardModel::VerdictRole).toString();
                if (verdict != u"succeeded" && verdict != u"no-build")
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), LongWait);
        QVERIFY(!view->model()->index(0, fd::ui::BuildBoardModel::ReasonColumn).data().toString().isEmpty());
        board->resize(1000, 300);
        saveScreenshot(board, u"build-board.png"_s);

        // Enter on the current row (the view's "activated", as a double-click on most platforms).
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(topLevel<fd::ui::BuildTroubleshooter>());
        QCOMPARE(topLevel<fd::ui::BuildTroubleshooter>()->packageName(), u"inventory-pkg"_s);
    }

    void boardOfTheUnwatchedTenantSaysStuck()
    {
        auto *board = fd::ui::BuildBoard::open(m_session, u"test"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!board->shownPackages().isEmpty(), LongWait);
        QCOMPARE(board->view()->model()->index(0, 0).data(fd::ui::BuildBoardModel::VerdictRole).toString(), u"stuck"_s);
    }

    void callsAFunctionThroughTheRouter()
    {
        QString diagnosticsFor;
        auto *dialog = new fd::ui::CallFunctionDialog(m_session, {u"fission.io"_s, u"Function"_s, u"default"_s, u"hello"_s, {}},
                                                      [&diagnosticsFor](const QString &ns) { diagnosticsFor = ns; });
        dialog->show();
        auto *path = dialog->findChild<QComboBox *>(u"path"_s);
        QVERIFY(path->findText(u"/hello"_s) >= 0);
        QCOMPARE(path->currentText(), u"/hello"_s); // the HTTP trigger's route comes first
        QVERIFY(path->findText(u"/fission-function/hello"_s) >= 0);
        QCOMPARE(dialog->findChild<QComboBox *>(u"method"_s)->currentText(), u"GET"_s);
        auto *send = dialog->findChild<QPushButton *>(u"send"_s);
        // The first call specializes a pod: repeat until the function answers.
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (send->isEnabled() && dialog->lastResult().status != 200)
                    QTest::mouseClick(send, Qt::LeftButton);
                return dialog->lastResult().status == 200;
            },
            LongWait));
        QVERIFY(dialog->findChild<QLabel *>(u"resultStatus"_s)->text().contains(u"200"_s));
        QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"resultBody"_s)->toPlainText().isEmpty());
        QVERIFY(!dialog->findChild<QLabel *>(u"diagnosticsLink"_s)->isVisible());

        path->setEditText(u"/no-such-route"_s);
        QSignalSpy finished(dialog, &fd::ui::CallFunctionDialog::callFinished);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, LongWait);
        QCOMPARE(dialog->lastResult().status, 404);
        auto *link = dialog->findChild<QLabel *>(u"diagnosticsLink"_s);
        QVERIFY(link->isVisible());
        Q_EMIT link->linkActivated(u"diagnostics"_s);
        QCOMPARE(diagnosticsFor, u"default"_s);
        dialog->close();
    }
};

QTEST_MAIN(TestTroubleshoot)
#include "tst_troubleshoot.moc"
