#include "BuildBoard.h"

#include "engine/ClusterSession.h"
#include "ui/troubleshoot/BuildBoardModel.h"
#include "ui/troubleshoot/BuildTroubleshooter.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {
// Ages and "stuck" move with the clock, not only with the cluster.
constexpr int TickIntervalMs = 15000;
}

BuildBoard::BuildBoard(fd::engine::ClusterSession *session, const QString &namespaceName, QWidget *parent)
    : QWidget(parent, Qt::Window), m_session(session), m_namespace(namespaceName)
{
    setObjectName(u"buildBoard"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    resize(900, 420);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summary"_s);
    layout->addWidget(m_summary);

    m_model = new BuildBoardModel(namespaceName, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(BuildBoardModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view = new QTableView(this);
    m_view->setObjectName(u"packages"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BuildBoardModel::StateColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view);

    // Double-click, or Enter (activated); opening twice raises the same window.
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { openRow(index.row()); });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) { openRow(index.row()); });
    if (session)
        connect(session, &fd::engine::ClusterSession::snapshotPublished, this,
                [this](const fd::engine::ClusterSnapshotPtr &, const fd::engine::SnapshotChange &change) {
                    if (change.everything || change.changedNamespaces.contains(m_namespace) || !change.findings.isEmpty())
                        refresh();
                });
    connect(&m_tick, &QTimer::timeout, this, &BuildBoard::refresh);
    m_tick.start(TickIntervalMs);
    retranslate();
    refresh();
    m_view->resizeColumnsToContents();
}

BuildBoard *BuildBoard::open(fd::engine::ClusterSession *session, const QString &namespaceName, QWidget *parent)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *existing = qobject_cast<BuildBoard *>(w);
        if (existing && existing->m_session == session && existing->m_namespace == namespaceName) {
            existing->show();
            existing->raise();
            return existing;
        }
    }
    auto *board = new BuildBoard(session, namespaceName, parent);
    board->show();
    return board;
}

void BuildBoard::retranslate()
{
    setWindowTitle(tr("Builds in %1").arg(m_namespace));
}

void BuildBoard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void BuildBoard::refresh()
{
    m_model->setSnapshot(m_session ? m_session->snapshot() : fd::engine::ClusterSnapshotPtr());
    int attention = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString verdict = m_model->index(r, 0).data(BuildBoardModel::VerdictRole).toString();
        attention += verdict == u"stuck" || verdict == u"failed" ? 1 : 0;
    }
    m_summary->setText(tr("%n package(s) in %1", nullptr, m_model->rowCount()).arg(m_namespace) + u" — "_s
                       + tr("%n need(s) attention", nullptr, attention));
}

QStringList BuildBoard::shownPackages() const
{
    QStringList names;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        names.append(m_proxy->index(r, 0).data(BuildBoardModel::PackageNameRole).toString());
    return names;
}

void BuildBoard::openRow(int row)
{
    const QString name = m_proxy->index(row, 0).data(BuildBoardModel::PackageNameRole).toString();
    if (!name.isEmpty() && m_session)
        BuildTroubleshooter::open(m_session, m_namespace, name, this);
}

} // namespace ui
} // namespace fd

#include "moc_BuildBoard.cpp"
