// The main window on the real engine and the in-process emulator (`demo` profile), as a new
// user meets it: the tree fills, the `test` tenant shows why Fission ignores it, and the failed
// build's "Rebuild" button runs against the emulator and the package changes in the tree.
#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "ui/ClusterTreeModel.h"
#include "ui/DiagnosticsPanel.h"
#include "ui/EngineClusterHandle.h"
#include "ui/MainWindow.h"
#include "ui/ObjectLookup.h"
#include "ui/logs/LogWindow.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void findsTheTestTenantAndRebuildsTheFailedPackage()
    {
        fd::engine::Engine engine;
        const auto started = engine.startDemo({u"demo"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        fd::ui::MainWindow window;
        for (fd::engine::ClusterSession *session : engine.sessions())
            window.addCluster(new fd::ui::EngineClusterHandle(session, &window));
        window.show();

        fd::ui::ClusterTreeModel *model = window.treeModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->tenantIndex(u"demo"_s, u"test"_s).isValid(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window.selectTenant(u"demo"_s, u"test"_s)
                                     && window.diagnostics()->shownFindingIds().contains(u"namespace-not-watched:Namespace/test"_s),
                                 60000);

        // team-a's inventory package failed to build: its finding offers "Rebuild".
        const fd::fission::ObjectRef pkg{u"fission.io"_s, u"Package"_s, u"team-a"_s, u"inventory-pkg"_s, {}};
        QTRY_COMPARE_WITH_TIMEOUT(model->objectIndex(u"demo"_s, pkg).data(fd::ui::StatusIdRole).toString(), u"failed"_s, 60000);
        const auto resourceVersion = [&] {
            const fd::fission::FissionObject *o = fd::ui::findObject(model->snapshot(u"demo"_s)->index, pkg);
            return o ? o->object.resourceVersion() : QString();
        };
        const QString before = resourceVersion();
        QPushButton *rebuild = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(window.selectTenant(u"demo"_s, u"team-a"_s) && [&] {
            for (QPushButton *b : window.diagnostics()->findChildren<QPushButton *>(u"fix:rebuild-package"_s)) {
                if (b->property("findingId").toString().contains(u"inventory-pkg"_s))
                    rebuild = b;
            }
            return rebuild != nullptr;
        }(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(rebuild->isEnabled(), 30000); // the RBAC check allows it (admin)
        // The card shows the evidence, with the build log's lines as the builder wrote them.
        auto *evidence = rebuild->parentWidget()->findChild<QLabel *>(u"evidence"_s);
        QVERIFY(evidence);
        QVERIFY2(evidence->text().contains(u"status.buildlog"_s), qPrintable(evidence->text()));
        QSignalSpy finished(window.diagnostics(), &fd::ui::DiagnosticsPanel::fixFinished);
        QTest::mouseClick(rebuild, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        // The emulator's builder picks the package up again: the tree shows the new version.
        QTRY_VERIFY_WITH_TIMEOUT(resourceVersion() != before, 60000);

        // The same finding's "open logs" fix follows the builder's pods in a log window.
        QPushButton *logs = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(window.selectTenant(u"demo"_s, u"team-a"_s) && [&] {
            for (QPushButton *b : window.diagnostics()->findChildren<QPushButton *>(u"fix:open-logs"_s)) {
                if (b->property("findingId").toString().contains(u"inventory-pkg"_s))
                    logs = b;
            }
            return logs != nullptr;
        }(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(logs->isEnabled(), 30000);
        QSignalSpy opened(window.diagnostics(), &fd::ui::DiagnosticsPanel::fixFinished);
        QTest::mouseClick(logs, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30000);
        QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
        fd::ui::LogWindow *logWindow = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *candidate = qobject_cast<fd::ui::LogWindow *>(w))
                logWindow = candidate;
        }
        QVERIFY(logWindow);
        QVERIFY2(logWindow->windowTitle().contains(u"owner=buildermgr"_s), qPrintable(logWindow->windowTitle()));
        logWindow->close();
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
