#include "MainWindow.h"

#include "ClusterHandle.h"
#include "ClusterStatusBar.h"
#include "ClusterTreeModel.h"
#include "CommandPalette.h"
#include "CountBadgeDelegate.h"
#include "DiagnosticsPanel.h"
#include "EngineClusterHandle.h"
#include "PreferencesDialog.h"
#include "StatusIcons.h"
#include "TreeFilterProxy.h"
#include "TreeUpdateQueue.h"
#include "engine/ClusterSession.h"
#include "engine/logs/LogSource.h"
#include "ui/forms/FormMenu.h"
#include "ui/troubleshoot/TroubleshootMenu.h"
#include "ui/logs/LogWindow.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QScreen>
#include <QStyle>
#include <QStyleFactory>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {

// Whether a snapshot can change a tenant's overview in the details pane: it is made of the
// tenant's record, its Fission objects and the findings. Under churn most snapshots touch other
// tenants, and the overview was rendered again for every one of them.
bool touchesTenant(const fd::engine::SnapshotChange &change, const QString &namespaceName)
{
    return change.everything || change.connectionChanged || change.installChanged || !change.findings.isEmpty()
        || change.changedNamespaces.contains(namespaceName) || change.tenants.added.contains(namespaceName)
        || change.tenants.changed.contains(namespaceName) || change.tenants.removed.contains(namespaceName);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_model(new ClusterTreeModel(this))
    , m_treeUpdates(new TreeUpdateQueue(m_model, this))
    , m_proxy(new TreeFilterProxy(this))
    , m_details(new DetailsPane(this))
    , m_diagnostics(new DiagnosticsPanel(this))
    , m_diagnosticsDock(new QDockWidget(this))
    , m_statusBar(new ClusterStatusBar(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/fission-desk.svg"_s));
    m_ui->detailsLayout->addWidget(m_details);
    m_ui->mainSplitter->setStretchFactor(0, 2);
    m_ui->mainSplitter->setStretchFactor(1, 3);
    m_ui->mainSplitter->setSizes({460, 700});

    m_proxy->setSourceModel(m_model);
    connect(m_treeUpdates, &TreeUpdateQueue::applied, this, &MainWindow::onTreeApplied);
    QTreeView *tree = m_ui->clusterTree;
    tree->setModel(m_proxy);
    tree->setItemDelegateForColumn(ClusterTreeModel::NameColumn, new CountBadgeDelegate(tree));
    tree->header()->setSectionResizeMode(ClusterTreeModel::NameColumn, QHeaderView::Interactive);
    tree->header()->resizeSection(ClusterTreeModel::NameColumn, 240);
    tree->header()->setStretchLastSection(true);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->setAllColumnsShowFocus(true);

    m_diagnosticsDock->setObjectName(u"diagnosticsDock"_s);
    m_diagnosticsDock->setWindowTitle(tr("Diagnostics"));
    m_diagnosticsDock->setWidget(m_diagnostics);
    m_diagnosticsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    resizeDocks({m_diagnosticsDock}, {300}, Qt::Vertical);
    statusBar()->addPermanentWidget(m_statusBar, 1);

    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterWords(text);
        if (!text.isEmpty())
            m_ui->clusterTree->expandAll();
    });
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(tree, &QTreeView::customContextMenuRequested, this, &MainWindow::showTreeMenu);
    connect(m_details, &DetailsPane::objectLinkActivated, this,
            [this](const QString &context, const fd::fission::ObjectRef &ref) { selectObject(context, ref); });
    connect(m_details, &DetailsPane::buildTroubleshooterRequested, this,
            [this](const QString &context, const fd::fission::ObjectRef &ref) {
                if (auto *handle = qobject_cast<EngineClusterHandle *>(m_handles.value(context).data()))
                    openBuildTroubleshooter(this, handle->session(), ref.namespaceName, ref.name);
            });
    connect(m_diagnostics, &DiagnosticsPanel::inspectRequested, this,
            [this](const QString &context, const fd::fission::ObjectRef &ref) {
                if (ref.kind == u"Namespace" && ref.group.isEmpty())
                    selectTenant(context, ref.name);
                else
                    selectObject(context, ref);
            });
    m_diagnostics->setInspectable([this](const QString &context, const fd::fission::ObjectRef &ref) {
        if (ref.kind == u"Namespace" && ref.group.isEmpty())
            return m_model->tenantIndex(context, ref.name).isValid();
        return m_model->objectIndex(context, ref).isValid();
    });
    connect(m_diagnostics, &DiagnosticsPanel::fixFinished, this, [this](bool ok, const QString &message) {
        statusBar()->showMessage(ok ? message : tr("Fix failed: %1").arg(message), 8000);
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Fission Desk"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }
    connect(this, &MainWindow::errorFindingAppeared, this, [this](const QString &context, const QString &title) {
        if (m_tray)
            m_tray->showMessage(tr("New error on %1").arg(context), title, QSystemTrayIcon::Critical, 10000);
    });

    setUpActions();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // Handles may be our children and die after the model: they must not call back into us.
    for (const QPointer<ClusterHandle> &handle : std::as_const(m_handles)) {
        if (handle)
            handle->disconnect(this);
    }
}

void MainWindow::setUpActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter the tree"), this, [this] {
        m_ui->filterEdit->setFocus();
        m_ui->filterEdit->selectAll();
    });
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction *refresh = view->addAction(actionIcon(u"refresh"_s), tr("&Refresh"), this, [this] {
        for (const QPointer<ClusterHandle> &handle : std::as_const(m_handles)) {
            if (handle && handle->canRefresh())
                handle->refresh();
        }
    });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setEnabled(false); // until a cluster that can list again is added
    m_refreshAction = refresh;
    QAction *palette = view->addAction(tr("&Go to…"), this, [this] { openCommandPalette(); });
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    view->addAction(m_diagnosticsDock->toggleViewAction());
    m_clustersMenu = view->addMenu(tr("&Clusters"));
    m_clustersMenu->setObjectName(u"clustersMenu"_s);
    updateClustersMenu();
    view->addSeparator();

    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString current = QSettings().value(u"ui/theme"_s, u"system"_s).toString();
    const QList<std::pair<QString, QString>> themeChoices{
        {u"system"_s, tr("Follow the desktop")}, {u"light"_s, tr("Light")}, {u"dark"_s, tr("Dark")}};
    for (const auto &[id, label] : themeChoices) {
        QAction *action = theme->addAction(label);
        action->setCheckable(true);
        action->setChecked(id == current);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, themeId = id] {
            QSettings().setValue(u"ui/theme"_s, themeId);
            applyTheme(themeId);
        });
    }

    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString currentLanguage = QSettings().value(u"ui/language"_s).toString();
    const QList<std::pair<QString, QString>> languageChoices{
        {QString(), tr("System language")}, {u"en"_s, u"English"_s}, {u"zh_CN"_s, u"简体中文"_s}};
    for (const auto &[id, label] : languageChoices) {
        QAction *action = language->addAction(label);
        action->setCheckable(true);
        action->setChecked(id == currentLanguage);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, languageId = id] {
            QSettings().setValue(u"ui/language"_s, languageId);
            QMessageBox::information(this, tr("Language"), tr("The new language is used from the next start of Fission Desk."));
        });
    }

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(u"toolsMenu"_s); // gui_main adds the maintenance queue to it
    QAction *clusterSettings = tools->addAction(tr("&Cluster settings…"), this, [this] {
        QString context = m_selection.context;
        if (context.isEmpty()) {
            QStringList names = m_handles.keys();
            names.sort();
            context = names.value(0);
        }
        if (!context.isEmpty())
            Q_EMIT clusterSettingsRequested(context);
    });
    clusterSettings->setObjectName(u"clusterSettingsAction"_s);
    QAction *preferences = tools->addAction(tr("&Preferences…"), this, [this] { PreferencesDialog::openFor(this); });
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setShortcut(QKeySequence::Preferences);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Fission Desk"), this, [this] {
        QMessageBox::about(this, tr("About Fission Desk"),
                           tr("Fission Desk %1\nA desktop control plane for multi-tenant Fission on Kubernetes.")
                               .arg(QStringLiteral(FD_VERSION)));
    });
}

CommandPalette *MainWindow::openCommandPalette()
{
    if (!m_palette)
        m_palette = new CommandPalette(this);
    QList<CommandPalette::Entry> entries;
    // Every row of the tree but the kind groups, in tree order.
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex idx = m_model->index(row, 0, parent);
            const auto type = NodeType(idx.data(NodeTypeRole).toInt());
            if (type != NodeType::Group) {
                const QPersistentModelIndex target(idx);
                QString detail = idx.data(ContextRole).toString();
                if (type == NodeType::Object)
                    detail = idx.data(ObjectKindRole).toString() + u" · "_s + idx.data(NamespaceRole).toString() + u" · "_s + detail;
                else if (type == NodeType::Tenant)
                    detail = tr("tenant") + u" · "_s + detail;
                else
                    detail = tr("cluster");
                entries.append({idx.data().toString(), detail, [this, target] {
                                    if (target.isValid())
                                        selectSourceIndex(target);
                                }});
            }
            walk(idx);
        }
    };
    walk({});
    // The window's actions (menus), by their text without accelerators.
    for (QAction *menuAction : menuBar()->actions()) {
        if (!menuAction->menu())
            continue;
        for (QAction *action : menuAction->menu()->actions()) {
            if (action->isSeparator() || action->menu() || !action->isEnabled())
                continue;
            QString text = action->text();
            text.remove(u'&');
            entries.append({text, tr("action"), [action] { action->trigger(); }});
        }
    }
    m_palette->setEntries(std::move(entries));
    m_palette->open();
    return m_palette;
}

void MainWindow::addCluster(ClusterHandle *handle)
{
    const QString name = handle->contextName();
    m_handles.insert(name, handle);
    if (handle->canRefresh())
        m_refreshAction->setEnabled(true);
    connect(handle, &ClusterHandle::snapshotPublished, this,
            [this, handle](const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change) {
                onSnapshot(handle, snapshot, change);
            });
    connect(handle, &QObject::destroyed, this, [this, name] { removeCluster(name); });
    updateClustersMenu();
    fd::engine::SnapshotChange first;
    first.everything = true;
    if (const fd::engine::ClusterSnapshotPtr snapshot = handle->snapshot())
        onSnapshot(handle, snapshot, first);
    const QModelIndex source = m_model->contextIndex(name);
    if (source.isValid())
        m_ui->clusterTree->expand(m_proxy->mapFromSource(source));
}

void MainWindow::removeCluster(const QString &contextName)
{
    m_handles.remove(contextName);
    updateClustersMenu();
    forgetInView(contextName);
}

void MainWindow::forgetInView(const QString &contextName)
{
    m_treeUpdates->forget(contextName);
    m_expandedOnce.remove(contextName);
    m_model->removeCluster(contextName);
    m_statusBar->remove(contextName);
    if (m_selection.context == contextName) {
        m_selection = {};
        m_details->show({}, nullptr, nullptr);
        m_diagnostics->setScope({}, {}, nullptr, nullptr);
    }
}

void MainWindow::onSnapshot(ClusterHandle *handle, const fd::engine::ClusterSnapshotPtr &snapshot,
                            const fd::engine::SnapshotChange &change)
{
    if (!snapshot || m_visibility.isHidden(snapshot->contextName))
        return;
    const bool known = m_model->contextIndex(snapshot->contextName).isValid();
    // The tree follows when its worker has built the changed tenants (onTreeApplied).
    m_treeUpdates->submit(snapshot, change);
    m_statusBar->update(snapshot);
    if (known)
        notifyErrors(snapshot->contextName, change);
    if (m_selection.context == snapshot->contextName) {
        // A cluster's overview and a single object's details (its pods and events are not in
        // the change) are always drawn again.
        const bool tenantView = m_selection.type == NodeType::Tenant || m_selection.type == NodeType::Group;
        if (!tenantView || touchesTenant(change, m_selection.namespaceName))
            m_details->refresh(snapshot);
        else
            m_details->keep(snapshot);
        m_diagnostics->refresh(snapshot);
    }
    trySelectPending();
    Q_UNUSED(handle);
}

void MainWindow::onTreeApplied(const QString &contextName)
{
    trySelectPending();
    // A cluster opens once, when its tenants are first there; later the user decides.
    const QModelIndex source = m_model->contextIndex(contextName);
    if (!source.isValid() || m_model->rowCount(source) == 0 || m_expandedOnce.contains(contextName))
        return;
    m_expandedOnce.insert(contextName);
    m_ui->clusterTree->expand(m_proxy->mapFromSource(source));
    if (!m_ui->clusterTree->currentIndex().isValid())
        m_ui->clusterTree->setCurrentIndex(m_proxy->mapFromSource(source));
}

void MainWindow::setClusterHidden(const QString &contextName, bool hidden)
{
    if (hidden == m_visibility.isHidden(contextName))
        return;
    m_visibility.setHidden(contextName, hidden);
    Q_EMIT clusterHiddenChanged(contextName, hidden);
    if (hidden) {
        forgetInView(contextName);
    } else if (ClusterHandle *handle = m_handles.value(contextName)) {
        fd::engine::SnapshotChange all;
        all.everything = true;
        if (const fd::engine::ClusterSnapshotPtr snapshot = handle->snapshot())
            onSnapshot(handle, snapshot, all);
    }
    // Only the check mark: rebuilding the menu here would delete the action whose signal runs.
    if (QAction *action = m_clustersMenu ? m_clustersMenu->findChild<QAction *>(u"showCluster:"_s + contextName) : nullptr) {
        const QSignalBlocker blocker(action);
        action->setChecked(!hidden);
    }
}

void MainWindow::updateClustersMenu()
{
    if (!m_clustersMenu)
        return;
    m_clustersMenu->clear();
    QStringList names = m_handles.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        QAction *action = m_clustersMenu->addAction(name);
        action->setObjectName(u"showCluster:"_s + name);
        action->setCheckable(true);
        action->setChecked(!m_visibility.isHidden(name));
        connect(action, &QAction::toggled, this, [this, name](bool shown) { setClusterHidden(name, !shown); });
    }
    if (names.isEmpty())
        m_clustersMenu->addAction(tr("No clusters"))->setEnabled(false);
}

void MainWindow::selectWhenAvailable(const QString &path)
{
    m_pendingSelection = path;
    trySelectPending();
}

bool MainWindow::trySelectPending()
{
    if (m_pendingSelection.isEmpty())
        return false;
    const QStringList parts = m_pendingSelection.split(u'/');
    bool done = false;
    if (parts.size() == 1) {
        const QModelIndex source = m_model->contextIndex(parts[0]);
        if (source.isValid()) {
            selectSourceIndex(source);
            done = true;
        }
    } else if (parts.size() == 2) {
        done = selectTenant(parts[0], parts[1]);
    } else if (parts.size() == 4) {
        const QModelIndex source = m_model->objectIndex(
            parts[0], fd::fission::ObjectRef{QStringView(fd::fission::FissionGroup).toString(), parts[2], parts[1], parts[3], {}});
        if (source.isValid()) {
            selectSourceIndex(source);
            done = true;
        }
    }
    if (done)
        m_pendingSelection.clear();
    return done;
}

void MainWindow::notifyErrors(const QString &context, const fd::engine::SnapshotChange &change)
{
    for (const fd::fission::Finding &f : change.findings.added) {
        if (f.severity == fd::fission::Severity::Error)
            Q_EMIT errorFindingAppeared(context, f.title);
    }
}

void MainWindow::onCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_proxy->mapToSource(current);
    Selection selection;
    if (source.isValid()) {
        selection.type = NodeType(source.data(NodeTypeRole).toInt());
        selection.context = source.data(ContextRole).toString();
        selection.namespaceName = source.data(NamespaceRole).toString();
        if (selection.type == NodeType::Object) {
            selection.object = fd::fission::ObjectRef{source.data(ObjectGroupRole).toString(), source.data(ObjectKindRole).toString(),
                                                      selection.namespaceName, source.data(ObjectNameRole).toString(), {}};
        }
    }
    m_selection = selection;
    ClusterHandle *handle = m_handles.value(selection.context);
    const fd::engine::ClusterSnapshotPtr snapshot = m_model->snapshot(selection.context);
    m_details->show(selection, snapshot, handle);
    m_diagnostics->setScope(selection.context, selection.type == NodeType::Context ? QString() : selection.namespaceName,
                            snapshot, handle);
}

void MainWindow::selectSourceIndex(const QModelIndex &source)
{
    QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    if (!proxyIndex.isValid() && !m_ui->filterEdit->text().isEmpty()) {
        m_ui->filterEdit->clear(); // the filter hides it: show everything again
        proxyIndex = m_proxy->mapFromSource(source);
    }
    if (!proxyIndex.isValid())
        return;
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_ui->clusterTree->expand(p);
    m_ui->clusterTree->setCurrentIndex(proxyIndex);
    m_ui->clusterTree->scrollTo(proxyIndex);
}

bool MainWindow::selectObject(const QString &context, const fd::fission::ObjectRef &ref)
{
    const QModelIndex source = m_model->objectIndex(context, ref);
    if (!source.isValid()) {
        statusBar()->showMessage(tr("%1 is not in the tree.").arg(ref.display()), 5000);
        return false;
    }
    selectSourceIndex(source);
    return true;
}

bool MainWindow::selectTenant(const QString &context, const QString &namespaceName)
{
    const QModelIndex source = m_model->tenantIndex(context, namespaceName);
    if (!source.isValid())
        return false;
    selectSourceIndex(source);
    return true;
}

void MainWindow::showTreeMenu(const QPoint &pos)
{
    const QModelIndex index = m_ui->clusterTree->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const QString name = index.siblingAtColumn(0).data().toString();
    menu.addAction(tr("Copy name"), this, [name] { QApplication::clipboard()->setText(name); });
    menu.addAction(tr("Expand all below"), this, [this, index] { m_ui->clusterTree->expandRecursively(index.siblingAtColumn(0)); });
    menu.addAction(tr("Collapse"), this, [this, index] { m_ui->clusterTree->collapse(index.siblingAtColumn(0)); });
    menu.addAction(tr("Show diagnostics"), this, [this, index] {
        m_ui->clusterTree->setCurrentIndex(index);
        m_diagnosticsDock->show();
        m_diagnosticsDock->raise();
    });
    // The object forms (src/ui/forms): "New …" on a tenant, "Edit…"/"Delete…" on an object.
    const QModelIndex source = m_proxy->mapToSource(index);
    const auto type = NodeType(source.data(NodeTypeRole).toInt());
    if (type == NodeType::Context) {
        menu.addAction(tr("Cluster settings…"), this,
                       [this, context = source.data(ContextRole).toString()] { Q_EMIT clusterSettingsRequested(context); });
    }
    if (auto *engineHandle = qobject_cast<EngineClusterHandle *>(m_handles.value(source.data(ContextRole).toString()).data());
        engineHandle && (type == NodeType::Tenant || type == NodeType::Object)) {
        const fd::fission::ObjectRef ref{source.data(ObjectGroupRole).toString(), source.data(ObjectKindRole).toString(),
                                         source.data(NamespaceRole).toString(), source.data(ObjectNameRole).toString(), {}};
        addObjectFormActions(&menu, this, engineHandle->session(), source.data(NamespaceRole).toString(),
                             type == NodeType::Object ? &ref : nullptr);
        addLogsAction(&menu, engineHandle->session(), type == NodeType::Tenant ? nullptr : &ref, ref.namespaceName);
        const QString context = source.data(ContextRole).toString();
        addTroubleshootActions(&menu, this, engineHandle->session(), ref.namespaceName,
                               type == NodeType::Object ? &ref : nullptr, [this, context](const QString &ns) {
                                   selectTenant(context, ns);
                                   m_diagnosticsDock->show();
                                   m_diagnosticsDock->raise();
                               });
    }
    if (type == NodeType::Tenant && m_offboardHandler) {
        const QString context = source.data(ContextRole).toString();
        const QString ns = source.data(NamespaceRole).toString();
        menu.addSeparator();
        menu.addAction(tr("Offboard…"), this, [this, context, ns] { m_offboardHandler(context, ns); });
    }
    menu.exec(m_ui->clusterTree->viewport()->mapToGlobal(pos));
}

void MainWindow::addLogsAction(QMenu *menu, fd::engine::ClusterSession *session, const fd::fission::ObjectRef *object,
                               const QString &namespaceName)
{
    // Everything of a tenant, or the pods of a function, a package's build or an environment.
    using Kind = fd::engine::LogSource::Kind;
    std::optional<Kind> kind = Kind::Tenant;
    if (object) {
        kind.reset();
        if (object->kind == u"Function")
            kind = Kind::Function;
        else if (object->kind == u"Package")
            kind = Kind::PackageBuild;
        else if (object->kind == u"Environment")
            kind = Kind::Environment;
    }
    if (!kind || !session)
        return;
    const QString name = object ? object->name : namespaceName;
    QPointer<fd::engine::ClusterSession> guard(session);
    menu->addAction(tr("Show logs…"), this, [this, guard, kind, namespaceName, name] {
        if (!guard)
            return;
        const auto source = fd::engine::resolveLogSource(*guard->snapshot(), *kind, namespaceName, name);
        if (!source) {
            statusBar()->showMessage(tr("Cannot show logs: %1").arg(source.error()), 8000);
            return;
        }
        LogWindow::open(*guard, *source, this);
    });
}

void MainWindow::applyTheme(const QString &theme)
{
    // "system" keeps the platform's palette, which follows the desktop's light/dark setting.
    static const QPalette systemPalette = QApplication::palette();
    if (theme == u"dark") {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x7b, 0xd8));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x38, 0x3d));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xff));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
        p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(p);
    } else if (theme == u"light") {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setPalette(systemPalette);
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/splitter"_s, m_ui->mainSplitter->saveState());
    settings.setValue(u"window/treeHeader"_s, m_ui->clusterTree->header()->saveState());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::min(available.width(), 1600), std::min(available.height(), 1000));
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_ui->mainSplitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    m_ui->clusterTree->header()->restoreState(settings.value(u"window/treeHeader"_s).toByteArray());
    applyTheme(settings.value(u"ui/theme"_s, u"system"_s).toString());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace ui
} // namespace fd

#include "moc_MainWindow.cpp"
