// The main window's per-cluster controls, driven on the offscreen platform:
//  - View → Clusters hides a context from the tree and the status bar, shows it again with its
//    latest snapshot, and the choice survives a new window (QSettings, by context name only);
//  - F5 (View → Refresh) asks every cluster that can list again to do so;
//  - the status bar's connection states: Reconnecting before any data ("no data yet"), Failed
//    with what to do in the tooltip.
#include "FakeClusterHandle.h"
#include "TreeWait.h"
#include "FissionFixtures.h"
#include "SnapshotMaker.h"

#include "ui/ClusterStatusBar.h"
#include "ui/ClusterTreeModel.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission::test;
using fd::ui::MainWindow;
using fd::ui::test::FakeClusterHandle;
using fd::ui::test::SnapshotMaker;
using fd::ui::test::waitForTree;

namespace {

// A cluster that can list again, counting how often it was asked to.
class RefreshableHandle : public FakeClusterHandle
{
public:
    using FakeClusterHandle::FakeClusterHandle;
    bool canRefresh() const override { return true; }
    void refresh() override { ++refreshes; }
    int refreshes = 0;
};

struct Cluster {
    explicit Cluster(const QString &name) : maker(name), handle(name)
    {
        ControlPlaneOptions cp;
        cp.additionalNamespaces = {u"team-"_s + name};
        fill(maker.state(), controlPlane(cp) + healthyTenant(u"team-"_s + name));
        publish();
    }
    void publish()
    {
        const auto next = maker.publish();
        handle.publish(next.snapshot, next.change);
    }
    SnapshotMaker maker;
    RefreshableHandle handle;
};

QAction *showAction(MainWindow &window, const QString &context)
{
    return window.findChild<QMenu *>(u"clustersMenu"_s)->findChild<QAction *>(u"showCluster:"_s + context);
}

QLabel *statusLabel(MainWindow &window, const QString &context)
{
    return window.findChild<QLabel *>(u"clusterStatus:"_s + context);
}

} // namespace

class TestClusters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void hiddenClustersStayHiddenAcrossWindows()
    {
        Cluster alpha(u"alpha"_s);
        Cluster beta(u"beta"_s);
        {
            MainWindow window;
            window.addCluster(&alpha.handle);
            window.addCluster(&beta.handle);
            window.show();
            QCOMPARE(window.treeModel()->contexts(), (QStringList{u"alpha"_s, u"beta"_s}));
            QAction *showBeta = showAction(window, u"beta"_s);
            QVERIFY(showBeta);
            QVERIFY(showBeta->isChecked());

            showBeta->trigger(); // unchecks: hide
            QVERIFY(!showBeta->isChecked());
            QVERIFY(window.isClusterHidden(u"beta"_s));
            QCOMPARE(window.treeModel()->contexts(), QStringList{u"alpha"_s});
            QVERIFY(!statusLabel(window, u"beta"_s));
            // New snapshots of a hidden cluster do not bring it back.
            beta.publish();
            QCOMPARE(window.treeModel()->contexts(), QStringList{u"alpha"_s});
            window.close();
        }
        // Only the context's name is kept.
        QCOMPARE(QSettings().value(u"clusters/hidden"_s).toStringList(), QStringList{u"beta"_s});

        MainWindow again;
        again.addCluster(&alpha.handle);
        again.addCluster(&beta.handle);
        QCOMPARE(again.treeModel()->contexts(), QStringList{u"alpha"_s});
        QAction *showBeta = showAction(again, u"beta"_s);
        QVERIFY(showBeta);
        QVERIFY(!showBeta->isChecked());

        showBeta->trigger(); // checks: show, with the latest snapshot and its tenant
        QVERIFY(showBeta->isChecked());
        QCOMPARE(again.treeModel()->contexts(), (QStringList{u"alpha"_s, u"beta"_s}));
        QVERIFY(waitForTree(again));
        QVERIFY(again.treeModel()->tenantIndex(u"beta"_s, u"team-beta"_s).isValid());
        QVERIFY(statusLabel(again, u"beta"_s));
        QVERIFY(!QSettings().contains(u"clusters/hidden"_s));
    }

    void refreshAsksEveryClusterThatCan()
    {
        Cluster alpha(u"alpha"_s);
        FakeClusterHandle fixed(u"fixed"_s); // cannot refresh
        MainWindow window;
        QAction *refresh = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(QKeySequence::Refresh))
                refresh = action;
        }
        QVERIFY(refresh);
        window.addCluster(&fixed);
        QVERIFY(!refresh->isEnabled()); // nothing could act on it
        window.addCluster(&alpha.handle);
        QVERIFY(refresh->isEnabled());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE(alpha.handle.refreshes, 1);
    }

    void statusBarSaysWhenThereIsNoDataYetAndWhatToDoWhenFailed()
    {
        fd::engine::ClusterSnapshot s;
        s.contextName = u"prod"_s;
        s.connection.state = fd::engine::ConnectionState::Reconnecting;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(fd::ui::ClusterStatusBar::describe(s, now), u"prod: reconnecting, no data yet"_s);

        auto failed = std::make_shared<fd::engine::ClusterSnapshot>();
        failed->contextName = u"prod"_s;
        failed->connection.state = fd::engine::ConnectionState::Failed;
        failed->connection.message = u"The server's name is unknown: host x not found. Check … then refresh (F5)."_s;
        fd::ui::ClusterStatusBar bar;
        bar.update(failed);
        QLabel *label = bar.findChild<QLabel *>(u"clusterStatus:prod"_s);
        QVERIFY(label);
        QCOMPARE(label->text(), u"prod: failed"_s);
        QCOMPARE(label->toolTip(), failed->connection.message);
    }
};

QTEST_MAIN(TestClusters)
#include "tst_clusters.moc"
