#include "BuildBoardModel.h"

#include "ui/StatusIcons.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using fd::fission::BuildTimeline;

BuildBoardModel::BuildBoardModel(const QString &namespaceName, QObject *parent)
    : QAbstractTableModel(parent), m_namespace(namespaceName)
{
}

int BuildBoardModel::urgency(BuildTimeline::Verdict verdict)
{
    switch (verdict) {
    case BuildTimeline::Verdict::Stuck: return 0;
    case BuildTimeline::Verdict::Failed: return 1;
    case BuildTimeline::Verdict::Building: return 2;
    case BuildTimeline::Verdict::Waiting: return 3;
    case BuildTimeline::Verdict::Succeeded: return 4;
    case BuildTimeline::Verdict::NoBuild: return 5;
    }
    return 6;
}

void BuildBoardModel::setSnapshot(const fd::engine::ClusterSnapshotPtr &snapshot, const QDateTime &now)
{
    QList<Row> rows;
    if (snapshot) {
        for (const fd::fission::Package *pkg : snapshot->index.packages().inNamespace(m_namespace)) {
            const auto input = fd::fission::collectBuildInput(snapshot->index, snapshot->tenants, snapshot->install,
                                                              snapshot->findings, m_namespace, pkg->name(), now);
            if (!input)
                continue;
            const BuildTimeline t = BuildTimeline::assemble(*input);
            Row row;
            row.name = pkg->name();
            row.environment = pkg->environment.name;
            row.verdict = t.verdict;
            row.stateText = pkg->buildStatusText;
            row.created = fd::fission::parseKubeTime(pkg->object.creationTimestamp());
            row.lastChange = t.since;
            row.now = now;
            if (const fd::fission::BuildStep *stop = t.stopped()) {
                // The first sentence is enough for a table; the troubleshooter has the rest.
                QString reason = stop->explanation;
                if (const qsizetype end = reason.indexOf(u". "_s); end > 0)
                    reason.truncate(end + 1);
                row.reason = stop->title() + u": "_s + reason;
            } else {
                row.reason = t.summary;
            }
            rows.append(row);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.name < b.name; });

    // Merge by name (both lists sorted): removals, insertions and changed rows, no reset.
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < m_rows.size() || j < rows.size()) {
        if (j >= rows.size() || (i < m_rows.size() && m_rows.at(i).name < rows.at(j).name)) {
            beginRemoveRows({}, int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
        } else if (i >= m_rows.size() || rows.at(j).name < m_rows.at(i).name) {
            beginInsertRows({}, int(i), int(i));
            m_rows.insert(i, rows.at(j));
            endInsertRows();
            ++i;
            ++j;
        } else {
            if (!(m_rows.at(i) == rows.at(j))) {
                m_rows[i] = rows.at(j);
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
            }
            ++i;
            ++j;
        }
    }
}

int BuildBoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BuildBoardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BuildBoardModel::age(const QDateTime &from, const QDateTime &now)
{
    if (!from.isValid() || !now.isValid())
        return {};
    const qint64 secs = std::max<qint64>(0, from.secsTo(now));
    if (secs < 120)
        return tr("%n s", nullptr, int(secs));
    if (secs < 7200)
        return tr("%n min", nullptr, int(secs / 60));
    if (secs < 2 * 86400)
        return tr("%n h", nullptr, int(secs / 3600));
    return tr("%n d", nullptr, int(secs / 86400));
}

QVariant BuildBoardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return row.name;
        case EnvironmentColumn: return row.environment;
        case StateColumn:
            return row.stateText.isEmpty() || row.stateText == fd::fission::buildVerdictId(row.verdict)
                ? fd::fission::buildVerdictDisplay(row.verdict)
                : fd::fission::buildVerdictDisplay(row.verdict) + u" ("_s + row.stateText + u')';
        case AgeColumn: return age(row.created, row.now);
        case LastChangeColumn: return age(row.lastChange, row.now);
        case ReasonColumn: return row.reason;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn)
            return row.reason;
        if (index.column() == LastChangeColumn && row.lastChange.isValid())
            return QLocale().toString(row.lastChange.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::DecorationRole:
        if (index.column() != StateColumn)
            return {};
        switch (row.verdict) {
        case BuildTimeline::Verdict::Stuck:
        case BuildTimeline::Verdict::Failed: return statusIcon(u"error"_s);
        case BuildTimeline::Verdict::Building:
        case BuildTimeline::Verdict::Waiting: return statusIcon(u"pending"_s);
        default: return statusIcon(u"ok"_s);
        }
    case SortRole:
        switch (index.column()) {
        case AgeColumn: return row.created;
        case LastChangeColumn: return row.lastChange;
        case StateColumn: return QString::number(urgency(row.verdict)) + u' ' + row.name;
        default: return data(index, Qt::DisplayRole);
        }
    case VerdictRole: return fd::fission::buildVerdictId(row.verdict);
    case PackageNameRole: return row.name;
    default: return {};
    }
}

QVariant BuildBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Package");
    case EnvironmentColumn: return tr("Environment");
    case StateColumn: return tr("Build state");
    case AgeColumn: return tr("Age");
    case LastChangeColumn: return tr("Last change");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

} // namespace ui
} // namespace fd

#include "moc_BuildBoardModel.cpp"
