#pragma once

#include "engine/ClusterSnapshot.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

class BuildBoardModel;

// The build board of one tenant: every Package with its build state, age, last change and the
// reason it is not done, stuck and failed builds first. Live with the session's snapshots (and a
// timer, so "stuck" appears when a build has waited too long even if nothing changes). A
// double-click (or Enter) opens the package's BuildTroubleshooter. A window that deletes itself
// on close.
class BuildBoard : public QWidget
{
    Q_OBJECT
public:
    BuildBoard(fd::engine::ClusterSession *session, const QString &namespaceName, QWidget *parent = nullptr);
    static BuildBoard *open(fd::engine::ClusterSession *session, const QString &namespaceName, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    BuildBoardModel *model() const { return m_model; }
    // The package names in the order shown.
    QStringList shownPackages() const;
    // Opens the troubleshooter of the package in the row shown at `row`.
    void openRow(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();

    QPointer<fd::engine::ClusterSession> m_session;
    QString m_namespace;
    BuildBoardModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_summary;
    QTimer m_tick{this};
};

} // namespace ui
} // namespace fd
