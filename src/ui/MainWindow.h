#pragma once

#include "engine/ClusterSnapshot.h"
#include "ClusterVisibility.h"
#include "DetailsPane.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QSystemTrayIcon;

namespace Ui {
class MainWindow;
}

namespace fd {
namespace engine {
class ClusterSession;
}
namespace fission {
struct ObjectRef;
}
} // namespace fd

namespace fd {
namespace ui {

class ClusterHandle;
class ClusterStatusBar;
class ClusterTreeModel;
class CommandPalette;
class DiagnosticsPanel;
class TreeFilterProxy;
class TreeUpdateQueue;

// The main window: the cluster/tenant tree (left), the details of the selection (right), the
// diagnostics of the selected cluster or tenant (dock), per-cluster state in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The window does not own handles; it forgets one when it is destroyed or removed.
    void addCluster(ClusterHandle *handle);
    void removeCluster(const QString &contextName);

    // Selects an object (clearing the filter when it hides it); false when it is not in the tree.
    bool selectObject(const QString &context, const fd::fission::ObjectRef &ref);
    bool selectTenant(const QString &context, const QString &namespaceName);
    // "Offboard…" in a tenant's context menu opens what this handler opens (gui_main sets the
    // onboarding module's OffboardDialog); no handler, no menu entry.
    void setOffboardHandler(std::function<void(const QString &context, const QString &namespaceName)> handler)
    {
        m_offboardHandler = std::move(handler);
    }
    // Selects "context", "context/namespace" or "context/namespace/Kind/name" as soon as it is
    // in the tree (the command line's --select).
    void selectWhenAvailable(const QString &path);

    // View → Clusters: a hidden context is left out of the tree and the status bar; the choice is
    // remembered per context name (ClusterVisibility) and announced (clusterHiddenChanged) so that
    // the engine stops its session.
    void setClusterHidden(const QString &contextName, bool hidden);
    bool isClusterHidden(const QString &contextName) const { return m_visibility.isHidden(contextName); }

    ClusterTreeModel *treeModel() const { return m_model; }
    // Snapshots reach the tree through this queue (built off the GUI thread): tests and
    // benchmarks wait for isIdle() before reading the tree.
    TreeUpdateQueue *treeUpdates() const { return m_treeUpdates; }
    // Ctrl+K: fills the palette from the tree and the window's actions, and shows it.
    CommandPalette *openCommandPalette();
    DiagnosticsPanel *diagnostics() const { return m_diagnostics; }
    DetailsPane *details() const { return m_details; }

Q_SIGNALS:
    // A new Error finding appeared on a cluster (after its first snapshot): the tray notifies.
    void errorFindingAppeared(const QString &context, const QString &title);
    // "Cluster settings…" (a cluster's context menu, Tools menu): ClusterSettingsController opens it.
    void clusterSettingsRequested(const QString &context);
    // The user hid or showed a cluster (saved already).
    void clusterHiddenChanged(const QString &context, bool hidden);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpActions();
    void onSnapshot(ClusterHandle *handle, const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);
    void onCurrentChanged(const QModelIndex &current);
    void selectSourceIndex(const QModelIndex &source);
    void showTreeMenu(const QPoint &pos);
    // "Show logs…" for a tenant (object null) or a function, package or environment.
    void addLogsAction(QMenu *menu, fd::engine::ClusterSession *session, const fd::fission::ObjectRef *object,
                       const QString &namespaceName);
    void applyTheme(const QString &theme);
    void saveSettings() const;
    void restoreSettings();
    bool trySelectPending();
    void notifyErrors(const QString &context, const fd::engine::SnapshotChange &change);
    void forgetInView(const QString &contextName);
    void onTreeApplied(const QString &contextName);
    void updateClustersMenu();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ClusterTreeModel *m_model;
    TreeUpdateQueue *m_treeUpdates;
    TreeFilterProxy *m_proxy;
    DetailsPane *m_details;
    DiagnosticsPanel *m_diagnostics;
    QDockWidget *m_diagnosticsDock;
    ClusterStatusBar *m_statusBar;
    QSystemTrayIcon *m_tray = nullptr;
    CommandPalette *m_palette = nullptr;
    QAction *m_refreshAction = nullptr;
    QMenu *m_clustersMenu = nullptr;
    ClusterVisibility m_visibility;
    QHash<QString, QPointer<ClusterHandle>> m_handles;
    Selection m_selection;
    QString m_pendingSelection;
    QSet<QString> m_expandedOnce; // contexts expanded when their tenants first arrived
    std::function<void(const QString &context, const QString &namespaceName)> m_offboardHandler;
};

} // namespace ui
} // namespace fd
