#pragma once

#include "engine/ClusterSnapshot.h"
#include "fission/BuildTimeline.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace fd {
namespace ui {

// The packages of one tenant with their build state (a table, one row per Package): name,
// environment, build state, age, last change, reason. Fed with snapshots: each update merges by
// package name (rows inserted, removed or changed, never a reset), so a selection survives.
// SortRole orders stuck and failed builds first, then building/waiting, then done.
class BuildBoardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, EnvironmentColumn, StateColumn, AgeColumn, LastChangeColumn, ReasonColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // for QSortFilterProxyModel: urgency, then name
        VerdictRole,                 // buildVerdictId
        PackageNameRole,
    };

    explicit BuildBoardModel(const QString &namespaceName, QObject *parent = nullptr);

    void setSnapshot(const fd::engine::ClusterSnapshotPtr &snapshot, const QDateTime &now = QDateTime::currentDateTimeUtc());
    QString namespaceName() const { return m_namespace; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Urgency of a verdict: 0 = look first (stuck, failed), larger = later.
    static int urgency(fd::fission::BuildTimeline::Verdict verdict);

private:
    struct Row {
        QString name;
        QString environment;
        fd::fission::BuildTimeline::Verdict verdict = fd::fission::BuildTimeline::Verdict::Waiting;
        QString stateText;  // the API's buildstatus
        QDateTime created;
        QDateTime lastChange;
        QString reason;
        QDateTime now;
        bool operator==(const Row &other) const = default;
    };
    static QString age(const QDateTime &from, const QDateTime &now);

    QString m_namespace;
    QList<Row> m_rows; // sorted by name
};

} // namespace ui
} // namespace fd
