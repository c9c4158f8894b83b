// The cluster tree model: shape of the tree for a legacy cluster with served tenants and the
// unwatched `test` namespace; snapshot updates merged incrementally (no reset, rows inserted and
// removed in place, selection and expansion of a QTreeView survive); the filter proxy.
#include "FissionFixtures.h"
#include "SnapshotMaker.h"

#include "ui/ClusterTreeModel.h"
#include "ui/ShownTreeSpec.h"
#include "ui/TreeFilterProxy.h"
#include "ui/TreeRoles.h"
#include "ui/TreeUpdateQueue.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace fd::fission::test;
using fd::ui::ClusterTreeModel;
using fd::ui::test::SnapshotMaker;

namespace {

void fillLegacyCluster(fd::fission::MemoryClusterState &state)
{
    ControlPlaneOptions cp;
    cp.additionalNamespaces = {u"team-a"_s, u"team-b"_s};
    QList<fd::kube::KubeObject> objects = controlPlane(cp);
    objects += healthyTenant(u"team-a"_s);
    objects += healthyTenant(u"team-b"_s);
    objects += unwatchedTenantContent(u"test"_s);
    fill(state, objects);
}

QModelIndex childNamed(const QAbstractItemModel &model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex idx = model.index(row, 0, parent);
        if (idx.data().toString() == name)
            return idx;
    }
    return {};
}

} // namespace

class TestTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsContextTenantGroupObjectTree()
    {
        SnapshotMaker maker(u"demo"_s);
        fillLegacyCluster(maker.state());
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto published = maker.publish();
        model.applySnapshot(published.snapshot, published.change);

        const QStringList tree = model.dump();
        QVERIFY2(tree.size() > 10, qPrintable(tree.join(u'\n')));
        QCOMPARE(tree.first(), u"demo (4) [connected]"_s);
        const QModelIndex ctx = model.contextIndex(u"demo"_s);
        QVERIFY(ctx.sibling(ctx.row(), ClusterTreeModel::StatusColumn).data().toString().contains(u"Fission 1.20.5"_s));
        // Tenants sorted by name (the release's default namespace is one); the unwatched one is
        // shown with its reason.
        QCOMPARE(model.rowCount(ctx), 4);
        QCOMPARE(model.index(0, 0, ctx).data().toString(), u"default"_s);
        QCOMPARE(model.index(1, 0, ctx).data().toString(), u"team-a"_s);
        QCOMPARE(model.index(3, 0, ctx).data().toString(), u"test"_s);
        const QModelIndex test = model.tenantIndex(u"demo"_s, u"test"_s);
        QCOMPARE(test.data(fd::ui::StatusIdRole).toString(), u"not-watched"_s);
        const QString reason = test.sibling(test.row(), ClusterTreeModel::StatusColumn).data().toString();
        QVERIFY2(reason.contains(u"executor"_s), qPrintable(reason));
        QCOMPARE(test.data(fd::ui::IconIdRole).toString(), u"error"_s);
        QCOMPARE(test.data(fd::ui::SeverityRole).toInt(), int(fd::fission::Severity::Error));
        // Groups in a fixed order, then objects with their kind.
        const QModelIndex teamA = model.tenantIndex(u"demo"_s, u"team-a"_s);
        QStringList groups;
        for (int row = 0; row < model.rowCount(teamA); ++row)
            groups.append(model.index(row, 0, teamA).data().toString());
        QCOMPARE(groups, (QStringList{u"Environments"_s, u"Packages"_s, u"Functions"_s, u"HTTP triggers"_s, u"Time triggers"_s}));
        const QModelIndex pkg = model.objectIndex(u"demo"_s, fd::fission::ObjectRef{u"fission.io"_s, u"Package"_s, u"team-a"_s, u"hello-pkg"_s, {}});
        QVERIFY(pkg.isValid());
        QCOMPARE(pkg.data(fd::ui::StatusIdRole).toString(), u"succeeded"_s);
        QCOMPARE(pkg.data(fd::ui::IconIdRole).toString(), u"ok"_s);
    }

    void updatesIncrementallyKeepingSelectionAndExpansion()
    {
        SnapshotMaker maker(u"demo"_s);
        fillLegacyCluster(maker.state());
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto published = maker.publish();
        model.applySnapshot(published.snapshot, published.change);

        QTreeView view;
        view.setModel(&model);
        const QModelIndex teamB = model.tenantIndex(u"demo"_s, u"team-b"_s);
        view.expand(model.contextIndex(u"demo"_s));
        view.expand(teamB);
        const QModelIndex functions = childNamed(model, teamB, u"Functions"_s);
        view.expand(functions);
        const QModelIndex hello = childNamed(model, functions, u"hello"_s);
        view.selectionModel()->setCurrentIndex(hello, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // A second function arrives in team-b; its package fails in team-a.
        FunctionOptions f;
        f.package = u"hello-pkg"_s;
        maker.state().upsert(function(u"team-b"_s, u"another"_s, f));
        PackageOptions failed;
        failed.sourceUrl = u"http://storagesvc.fission/v1/archive?id=x"_s;
        failed.buildStatus = u"failed"_s;
        failed.buildLog = u"error: cannot compile\n"_s;
        maker.state().upsert(package(u"team-a"_s, u"broken-pkg"_s, failed));
        published = maker.publish({u"team-a"_s, u"team-b"_s});
        model.applySnapshot(published.snapshot, published.change);

        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 0);
        // One insert under team-b/Functions (before "hello"), one under team-a/Packages.
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(functions), 2);
        QCOMPARE(model.index(0, 0, functions).data().toString(), u"another"_s);
        QVERIFY(view.isExpanded(teamB));
        QVERIFY(view.isExpanded(functions));
        QCOMPARE(view.currentIndex().data().toString(), u"hello"_s);
        QVERIFY(view.selectionModel()->isSelected(view.currentIndex()));
        const QModelIndex broken = model.objectIndex(u"demo"_s, fd::fission::ObjectRef{u"fission.io"_s, u"Package"_s, u"team-a"_s, u"broken-pkg"_s, {}});
        QCOMPARE(broken.data(fd::ui::IconIdRole).toString(), u"error"_s);
        QCOMPARE(childNamed(model, model.tenantIndex(u"demo"_s, u"team-a"_s), u"Packages"_s).data(fd::ui::CountRole).toInt(), 2);

        // The function goes away again: one removal, the selection stays on "hello".
        inserted.clear();
        maker.state().remove(fd::fission::kinds::functions().gr, u"team-b"_s, u"another"_s);
        published = maker.publish({u"team-b"_s});
        model.applySnapshot(published.snapshot, published.change);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(view.currentIndex().data().toString(), u"hello"_s);
        QVERIFY(view.isExpanded(functions));
    }

    void removesAndAddsTenantsAndClusters()
    {
        SnapshotMaker maker(u"demo"_s);
        fillLegacyCluster(maker.state());
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto published = maker.publish();
        model.applySnapshot(published.snapshot, published.change);
        SnapshotMaker other(u"other"_s);
        fill(other.state(), controlPlane({}));
        auto second = other.publish();
        model.applySnapshot(second.snapshot, second.change);
        QCOMPARE(model.contexts(), (QStringList{u"demo"_s, u"other"_s}));

        // Everything of `test` goes away: the tenant row disappears.
        for (const fd::kube::KubeObject &o : unwatchedTenantContent(u"test"_s)) {
            const fd::fission::KindInfo *kind = fd::fission::kinds::forObject(o);
            QVERIFY(kind);
            maker.state().remove(kind->gr, o.namespaceName(), o.name());
        }
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        published = maker.publish({u"test"_s});
        model.applySnapshot(published.snapshot, published.change);
        QVERIFY(!model.tenantIndex(u"demo"_s, u"test"_s).isValid());
        QCOMPARE(model.rowCount(model.contextIndex(u"demo"_s)), 3);
        QCOMPARE(resets.size(), 0);

        model.removeCluster(u"demo"_s);
        QCOMPARE(model.contexts(), QStringList{u"other"_s});
    }

    void shownSpecDropsOnlyTenantsWhoseRowsDidNotChange()
    {
        SnapshotMaker maker(u"demo"_s);
        fillLegacyCluster(maker.state());
        ClusterTreeModel pruned;   // merges what ShownTreeSpec leaves
        ClusterTreeModel complete; // merges the specs as built
        QAbstractItemModelTester tester(&pruned, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fd::ui::ShownTreeSpec shown;
        auto mergeBoth = [&](const SnapshotMaker::Published &published, bool everything) {
            ClusterTreeModel::Prepared built = ClusterTreeModel::prepare(published.snapshot, published.change, everything);
            complete.applyPrepared(built);
            const int dropped = shown.prune(built.spec);
            pruned.applyPrepared(built);
            return std::make_pair(dropped, built.spec);
        };

        // The first spec has nothing to compare with.
        int dropped = 0;
        ClusterTreeModel::NodeSpec spec;
        std::tie(dropped, spec) = mergeBoth(maker.publish(), true);
        QCOMPARE(dropped, 0);
        QCOMPARE(pruned.dump(), complete.dump());

        // team-a gets a function, team-b is marked as changed but shows the same rows: only
        // team-b's subtree is dropped; the tenant rows themselves always stay.
        maker.state().upsert(function(u"team-a"_s, u"new-fn"_s, {}));
        std::tie(dropped, spec) = mergeBoth(maker.publish({u"team-a"_s, u"team-b"_s}), false);
        QCOMPARE(dropped, 1);
        QCOMPARE(spec.children.size(), 4);
        for (const ClusterTreeModel::NodeSpec &tenant : spec.children) {
            if (tenant.data.key == u"team-a"_s)
                QVERIFY(tenant.childrenKnown && !tenant.children.isEmpty());
            if (tenant.data.key == u"team-b"_s)
                QVERIFY(!tenant.childrenKnown && tenant.children.isEmpty());
        }
        QCOMPARE(pruned.dump(), complete.dump());

        // Unchanged everywhere, all built: every subtree dropped, the tree unchanged.
        std::tie(dropped, spec) = mergeBoth(maker.publish(), true);
        QCOMPARE(dropped, 4);
        QCOMPARE(pruned.dump(), complete.dump());

        // A removal next to dropped tenants, a tenant that goes away and one that comes.
        maker.state().remove(fd::fission::kinds::functions().gr, u"team-a"_s, u"new-fn"_s);
        for (const fd::kube::KubeObject &o : unwatchedTenantContent(u"test"_s))
            maker.state().remove(fd::fission::kinds::forObject(o)->gr, o.namespaceName(), o.name());
        fill(maker.state(), unwatchedTenantContent(u"team-c"_s));
        std::tie(dropped, spec) = mergeBoth(maker.publish({u"team-a"_s, u"team-b"_s, u"test"_s, u"team-c"_s}), false);
        QCOMPARE(dropped, 1); // team-b
        QCOMPARE(pruned.dump(), complete.dump());
        QVERIFY(pruned.tenantIndex(u"demo"_s, u"team-c"_s).isValid());
        QVERIFY(!pruned.tenantIndex(u"demo"_s, u"test"_s).isValid());
    }

    void queueBuildsOffTheGuiThreadAndFoldsBursts()
    {
        SnapshotMaker maker(u"demo"_s);
        fillLegacyCluster(maker.state());
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fd::ui::TreeUpdateQueue queue(&model);
        QSignalSpy applied(&queue, &fd::ui::TreeUpdateQueue::applied);

        // The context row is there at once; its tenants once the worker has built them.
        auto published = maker.publish();
        queue.submit(published.snapshot, published.change);
        QCOMPARE(model.contexts(), QStringList{u"demo"_s});
        QTRY_VERIFY(queue.isIdle());
        QCOMPARE(model.rowCount(model.contextIndex(u"demo"_s)), 4);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().at(0).toString(), u"demo"_s);

        // A burst of snapshots, each touching another tenant: fewer builds than snapshots, and the
        // tree ends up exactly as a synchronous merge of the last snapshot would leave it.
        applied.clear();
        const QStringList tenants{u"team-a"_s, u"team-b"_s, u"test"_s, u"team-a"_s, u"team-b"_s};
        for (qsizetype i = 0; i < tenants.size(); ++i) {
            FunctionOptions f;
            f.package = u"hello-pkg"_s;
            maker.state().upsert(function(tenants[i], u"burst-%1"_s.arg(i), f));
            published = maker.publish({tenants[i]});
            queue.submit(published.snapshot, published.change);
        }
        QTRY_VERIFY(queue.isIdle());
        QVERIFY2(applied.size() < tenants.size(), qPrintable(QString::number(applied.size())));
        ClusterTreeModel reference;
        reference.applySnapshot(published.snapshot, {});
        QCOMPARE(model.dump(), reference.dump());

        // Every tenant marked as changed while only one really changes (the worker then drops the
        // others' rows from the merge): still exactly the synchronous merge.
        maker.state().remove(fd::fission::kinds::functions().gr, u"team-b"_s, u"burst-1"_s);
        published = maker.publish({u"team-a"_s, u"team-b"_s, u"test"_s});
        queue.submit(published.snapshot, published.change);
        QTRY_VERIFY(queue.isIdle());
        ClusterTreeModel afterRemoval;
        afterRemoval.applySnapshot(published.snapshot, {});
        QCOMPARE(model.dump(), afterRemoval.dump());

        // A forgotten context receives nothing more, even from a build already running.
        maker.state().upsert(function(u"team-a"_s, u"late"_s, {}));
        published = maker.publish({u"team-a"_s});
        queue.submit(published.snapshot, published.change);
        queue.forget(u"demo"_s);
        model.removeCluster(u"demo"_s);
        QVERIFY(queue.isIdle());
        QTest::qWait(50);
        QVERIFY(model.contexts().isEmpty());
    }

    void filterKeepsMatchingRowsAndTheirParents()
    {
        SnapshotMaker maker(u"demo"_s);
        fillLegacyCluster(maker.state());
        PackageOptions failed;
        failed.sourceUrl = u"http://storagesvc.fission/v1/archive?id=x"_s;
        failed.buildStatus = u"failed"_s;
        maker.state().upsert(package(u"team-a"_s, u"broken-pkg"_s, failed));
        ClusterTreeModel model;
        const auto published = maker.publish();
        model.applySnapshot(published.snapshot, published.change);

        fd::ui::TreeFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterWords(u"Package failed"_s);
        // demo → team-a → Packages → broken-pkg, nothing else.
        const QModelIndex ctx = proxy.index(0, 0);
        QCOMPARE(proxy.rowCount(ctx), 1);
        const QModelIndex tenant = proxy.index(0, 0, ctx);
        QCOMPARE(tenant.data().toString(), u"team-a"_s);
        QCOMPARE(proxy.rowCount(tenant), 1);
        const QModelIndex packages = proxy.index(0, 0, tenant);
        QCOMPARE(proxy.rowCount(packages), 1);
        QCOMPARE(proxy.index(0, 0, packages).data().toString(), u"broken-pkg"_s);

        // By name, case-insensitive; by tenant status.
        proxy.setFilterWords(u"HELLO-GET"_s);
        QCOMPARE(proxy.rowCount(ctx), 3);
        proxy.setFilterWords(u"not-watched"_s);
        QCOMPARE(proxy.rowCount(ctx), 1);
        QCOMPARE(proxy.index(0, 0, ctx).data().toString(), u"test"_s);
        proxy.setFilterWords(QString());
        QCOMPARE(proxy.rowCount(ctx), 4);
    }

    // The maintenance queue marks the namespaces it holds: before the status, in the tooltip and
    // for the filter; the rows change in place, and a note outlives snapshots and waits for a
    // namespace that has no row yet.
    void tenantNotesShowBesideTheStatus()
    {
        SnapshotMaker maker(u"demo"_s);
        fillLegacyCluster(maker.state());
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto published = maker.publish();
        model.applySnapshot(published.snapshot, published.change);
        const QModelIndex test = model.tenantIndex(u"demo"_s, u"test"_s);
        const QString status = test.siblingAtColumn(ClusterTreeModel::StatusColumn).data().toString();

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTenantNotes(u"demo"_s, {{u"test"_s, u"queued to onboard"_s}, {u"team-q"_s, u"queued to onboard"_s}});
        QCOMPARE(changed.size(), 1); // team-q has no row
        QCOMPARE(changed.first().at(0).toModelIndex(), test);
        QCOMPARE(test.siblingAtColumn(ClusterTreeModel::StatusColumn).data().toString(), u"queued to onboard · "_s + status);
        QVERIFY(test.data(Qt::ToolTipRole).toString().endsWith(u"\nqueued to onboard"_s));
        QCOMPARE(test.data().toString(), u"test"_s); // the name stays the name
        fd::ui::TreeFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterWords(u"queued"_s);
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);

        // A new snapshot keeps the note; setting the same notes again changes nothing.
        maker.state().upsert(package(u"test"_s, u"another-pkg"_s, PackageOptions{}));
        published = maker.publish();
        model.applySnapshot(published.snapshot, published.change);
        QVERIFY(model.tenantIndex(u"demo"_s, u"test"_s).siblingAtColumn(ClusterTreeModel::StatusColumn).data().toString()
                    .startsWith(u"queued to onboard · "_s));
        changed.clear();
        model.setTenantNotes(u"demo"_s, {{u"test"_s, u"queued to onboard"_s}, {u"team-q"_s, u"queued to onboard"_s}});
        QCOMPARE(changed.size(), 0);

        // Cleared (the batch ran): the status is the cluster's again.
        model.setTenantNotes(u"demo"_s, {});
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.tenantIndex(u"demo"_s, u"test"_s).siblingAtColumn(ClusterTreeModel::StatusColumn).data().toString()
                     .contains(u"queued"_s));
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 0);
    }
};

QTEST_MAIN(TestTreeModel)
#include "tst_treemodel.moc"
