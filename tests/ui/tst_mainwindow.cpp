// The main window driven like a user on the offscreen platform, with a test cluster handle:
// selecting the `test` tenant shows its diagnostics; typing in the filter box filters the tree;
// a related-object link selects the object; a fix button runs the fix through the cluster; a fix
// the user's RBAC forbids is disabled and says which permission is missing; a new error finding
// is announced (tray); the status bar shows staleness while reconnecting.
#include "FakeClusterHandle.h"
#include "TreeWait.h"
#include "FissionFixtures.h"
#include "SnapshotMaker.h"

#include "ui/ClusterStatusBar.h"
#include "ui/ClusterTreeModel.h"
#include "ui/CommandPalette.h"
#include "ui/DetailsPane.h"
#include "ui/DiagnosticsPanel.h"
#include "ui/MainWindow.h"
#include "ui/ObjectLookup.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace fd::fission::test;
using fd::ui::MainWindow;
using fd::ui::test::FakeClusterHandle;
using fd::ui::test::SnapshotMaker;
using fd::ui::test::waitForTree;

namespace {

fd::fission::ObjectRef packageRef(const QString &ns, const QString &name)
{
    return fd::fission::ObjectRef{u"fission.io"_s, u"Package"_s, ns, name, {}};
}

// A legacy cluster: team-a served (with a failed build), `test` unwatched.
void fillCluster(fd::fission::MemoryClusterState &state)
{
    ControlPlaneOptions cp;
    cp.additionalNamespaces = {u"team-a"_s};
    QList<fd::kube::KubeObject> objects = controlPlane(cp);
    objects += healthyTenant(u"team-a"_s);
    objects += unwatchedTenantContent(u"test"_s);
    PackageOptions failed;
    failed.sourceUrl = u"http://storagesvc.fission/v1/archive?id=x"_s;
    failed.buildStatus = u"failed"_s;
    failed.buildLog = u"error: cannot compile main.go\n"_s;
    failed.lastUpdate = testNow().addSecs(-60);
    objects.append(package(u"team-a"_s, u"broken-pkg"_s, failed));
    fill(state, objects);
}

struct Fixture {
    SnapshotMaker maker{u"demo"_s};
    FakeClusterHandle handle{u"demo"_s};
    MainWindow window;

    Fixture()
    {
        fillCluster(maker.state());
        const auto first = maker.publish();
        handle.publish(first.snapshot, first.change);
        window.addCluster(&handle);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            qWarning("the main window did not become active");
        if (!waitForTree(window))
            qWarning("the tree did not follow the first snapshot");
    }
    QTreeView *tree() { return window.findChild<QTreeView *>(u"clusterTree"_s); }
    QList<QPushButton *> buttons(const QString &type)
    {
        return window.diagnostics()->findChildren<QPushButton *>(u"fix:"_s + type);
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void selectingTheTestTenantShowsItsDiagnostics()
    {
        Fixture f;
        QVERIFY(f.window.selectTenant(u"demo"_s, u"test"_s));
        QCOMPARE(f.window.details()->selection().namespaceName, u"test"_s);
        const QStringList ids = f.window.diagnostics()->shownFindingIds();
        QVERIFY2(ids.contains(u"namespace-not-watched:Namespace/test"_s), qPrintable(ids.join(u", "_s)));
        // Only findings about `test`: the failed build of team-a is not among them.
        for (const QString &id : ids)
            QVERIFY2(!id.contains(u"team-a"_s), qPrintable(id));
        // The finding's card explains the cause.
        QVERIFY(f.window.diagnostics()->findChild<QWidget *>(u"finding:namespace-not-watched:Namespace/test"_s));
        // The onboarding fix is not offered: this cluster cannot run it (no button that does nothing).
        QVERIFY(f.buttons(u"onboard"_s).isEmpty());

        // The cluster row shows every finding.
        f.tree()->setCurrentIndex(f.tree()->model()->index(0, 0));
        QVERIFY(f.window.diagnostics()->shownFindingIds().size() > ids.size());
    }

    void typingInTheFilterBoxFiltersTheTree()
    {
        Fixture f;
        auto *filter = f.window.findChild<QLineEdit *>(u"filterEdit"_s);
        QVERIFY(filter);
        QTest::keyClick(&f.window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"broken"_s);
        QAbstractItemModel *model = f.tree()->model();
        const QModelIndex ctx = model->index(0, 0);
        QCOMPARE(model->rowCount(ctx), 1);
        const QModelIndex teamA = model->index(0, 0, ctx);
        QCOMPARE(teamA.data().toString(), u"team-a"_s);
        const QModelIndex packages = model->index(0, 0, teamA);
        QCOMPARE(model->rowCount(packages), 1);
        QCOMPARE(model->index(0, 0, packages).data().toString(), u"broken-pkg"_s);
        filter->clear();
        QVERIFY(model->rowCount(ctx) >= 3);
    }

    void detailsShowThePackageAndLinksSelectRelatedObjects()
    {
        Fixture f;
        QVERIFY(f.window.selectObject(u"demo"_s, packageRef(u"team-a"_s, u"hello-pkg"_s)));
        const QString overview = f.window.details()->overviewText();
        QVERIFY2(overview.contains(u"build succeeded"_s), qPrintable(overview));
        QVERIFY2(overview.contains(u"=== Build succeeded ==="_s), qPrintable(overview));
        const QString yaml = f.window.details()->yamlText();
        QVERIFY2(yaml.contains(u"kind: Package"_s), qPrintable(yaml));
        QVERIFY(!yaml.contains(u"managedFields"_s));

        // The environment link selects the Environment in the tree.
        auto *browser = f.window.details()->findChild<QTextBrowser *>(u"detailsOverview"_s);
        const fd::fission::ObjectRef env{u"fission.io"_s, u"Environment"_s, u"team-a"_s, u"nodejs"_s, {}};
        Q_EMIT browser->anchorClicked(fd::ui::objectLink(env));
        QCOMPARE(f.window.details()->selection().object, env);
        QCOMPARE(f.tree()->currentIndex().data().toString(), u"nodejs"_s);
    }

    void clickingAFixButtonRunsTheFix()
    {
        Fixture f;
        QVERIFY(f.window.selectTenant(u"demo"_s, u"team-a"_s));
        QList<QPushButton *> rebuild = f.buttons(u"rebuild-package"_s);
        QVERIFY(!rebuild.isEmpty());
        QPushButton *button = rebuild.first();
        QVERIFY(button->property("findingId").toString().contains(u"broken-pkg"_s));
        QTRY_VERIFY(button->isEnabled());
        // New cards are laid out by the event loop; a click needs the button's real geometry.
        QTRY_VERIFY(button->isVisible() && button->width() > 0);
        QSignalSpy finished(f.window.diagnostics(), &fd::ui::DiagnosticsPanel::fixFinished);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(f.handle.fixesRun.size(), 1);
        const auto *action = std::get_if<fd::fission::RebuildPackageAction>(&f.handle.fixesRun.first());
        QVERIFY(action);
        QCOMPARE(action->namespaceName, u"team-a"_s);
        QCOMPARE(action->name, u"broken-pkg"_s);
    }

    void forbiddenFixIsDisabledNamingThePermission()
    {
        Fixture f;
        f.handle.allowEverything = false;
        QVERIFY(f.window.selectTenant(u"demo"_s, u"team-a"_s));
        const QList<QPushButton *> rebuild = f.buttons(u"rebuild-package"_s);
        QVERIFY(!rebuild.isEmpty());
        QTRY_VERIFY(!rebuild.first()->isEnabled());
        const QString tip = rebuild.first()->toolTip();
        QVERIFY2(tip.contains(u"update packages.fission.io in team-a"_s), qPrintable(tip));
        QTest::mouseClick(rebuild.first(), Qt::LeftButton);
        QVERIFY(f.handle.fixesRun.isEmpty());
    }

    void newErrorFindingIsAnnouncedAndTheTreeFollows()
    {
        Fixture f;
        QSignalSpy announced(&f.window, &MainWindow::errorFindingAppeared);
        PackageOptions failed;
        failed.sourceUrl = u"http://storagesvc.fission/v1/archive?id=y"_s;
        failed.buildStatus = u"failed"_s;
        failed.buildLog = u"boom\n"_s;
        failed.lastUpdate = testNow().addSecs(-30);
        f.maker.state().upsert(package(u"team-a"_s, u"second-broken"_s, failed));
        const auto next = f.maker.publish({u"team-a"_s});
        f.handle.publish(next.snapshot, next.change);
        QVERIFY(waitForTree(f.window));
        QVERIFY(announced.size() >= 1);
        QCOMPARE(announced.first().at(0).toString(), u"demo"_s);
        QVERIFY(f.window.treeModel()->objectIndex(u"demo"_s, packageRef(u"team-a"_s, u"second-broken"_s)).isValid());
    }

    void commandPaletteGoesToAnObject()
    {
        Fixture f;
        fd::ui::CommandPalette *palette = f.window.openCommandPalette();
        QVERIFY(palette->isVisible());
        auto *search = palette->findChild<QLineEdit *>(u"commandPaletteSearch"_s);
        QVERIFY(search);
        QTest::keyClicks(search, u"broken-pkg"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QCOMPARE(f.window.details()->selection().object, packageRef(u"team-a"_s, u"broken-pkg"_s));
    }

    void statusBarShowsStalenessWhileReconnecting()
    {
        fd::engine::ClusterSnapshot s;
        s.contextName = u"prod"_s;
        s.connection.state = fd::engine::ConnectionState::Reconnecting;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        s.connection.dataAsOf = now.addSecs(-12);
        QCOMPARE(fd::ui::ClusterStatusBar::describe(s, now), u"prod: reconnecting, data from 12 s ago"_s);
        s.connection.state = fd::engine::ConnectionState::Live;
        QCOMPARE(fd::ui::ClusterStatusBar::describe(s, now), u"prod: live"_s);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
