#include "ClusterTreeModel.h"

#include "StatusIcons.h"
#include "TreeSpecBuilder.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

ClusterTreeModel::ClusterTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

ClusterTreeModel::~ClusterTreeModel() = default;

ClusterTreeModel::Prepared ClusterTreeModel::prepare(const fd::engine::ClusterSnapshotPtr &snapshot,
                                                    const fd::engine::SnapshotChange &change, bool everything)
{
    Prepared prepared;
    if (!snapshot)
        return prepared;
    prepared.snapshot = snapshot;
    prepared.findings = std::make_shared<const FindingLookup>(snapshot->findings);

    QSet<QString> dirty = change.changedNamespaces;
    for (const QStringList *list : {&change.tenants.added, &change.tenants.changed})
        for (const QString &ns : *list)
            dirty.insert(ns);
    // A finding that appears, changes or goes away changes the icons below its tenant.
    for (const QList<fd::fission::Finding> *list : {&change.findings.added, &change.findings.changed, &change.findings.resolved})
        for (const fd::fission::Finding &f : *list)
            dirty.insert(FindingLookup::namespaceOf(f));

    prepared.spec = buildContextSpec(*snapshot, *prepared.findings, dirty, everything || change.everything);
    return prepared;
}

bool ClusterTreeModel::needsEverything(const QString &contextName) const
{
    const auto it = m_clusters.constFind(contextName);
    return it == m_clusters.cend() || !it->snapshot || contextNode(contextName) == nullptr;
}

void ClusterTreeModel::applyPrepared(const Prepared &prepared)
{
    if (!prepared.snapshot)
        return;
    const QString name = prepared.snapshot->contextName;
    Node *existing = contextNode(name);
    ClusterEntry &entry = m_clusters[name];
    entry.snapshot = prepared.snapshot;
    entry.findings = prepared.findings;
    if (!existing) {
        const int row = int(m_root.children.size());
        beginInsertRows({}, row, row);
        m_root.children.push_back(build(prepared.spec, &m_root, row));
        endInsertRows();
        return;
    }
    sync(existing, prepared.spec);
}

void ClusterTreeModel::applyContextRow(const fd::engine::ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    Prepared prepared;
    prepared.snapshot = snapshot;
    prepared.findings = std::make_shared<const FindingLookup>(snapshot->findings);
    prepared.spec = buildContextRowSpec(*snapshot, *prepared.findings);
    applyPrepared(prepared);
}

void ClusterTreeModel::applySnapshot(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change)
{
    if (!snapshot)
        return;
    applyPrepared(prepare(snapshot, change, needsEverything(snapshot->contextName)));
}

void ClusterTreeModel::removeCluster(const QString &contextName)
{
    Node *node = contextNode(contextName);
    m_clusters.remove(contextName);
    if (!node)
        return;
    const int row = node->row;
    beginRemoveRows({}, row, row);
    m_root.children.erase(m_root.children.begin() + row);
    renumber(&m_root, row);
    endRemoveRows();
}

fd::engine::ClusterSnapshotPtr ClusterTreeModel::snapshot(const QString &contextName) const
{
    const auto it = m_clusters.constFind(contextName);
    return it == m_clusters.cend() ? nullptr : it->snapshot;
}

const FindingLookup *ClusterTreeModel::findings(const QString &contextName) const
{
    const auto it = m_clusters.constFind(contextName);
    return it == m_clusters.cend() ? nullptr : it->findings.get();
}

QStringList ClusterTreeModel::contexts() const
{
    QStringList out;
    for (const auto &child : m_root.children)
        out.append(child->d.key);
    return out;
}

QModelIndex ClusterTreeModel::contextIndex(const QString &contextName) const
{
    const Node *node = contextNode(contextName);
    return node ? indexOf(node) : QModelIndex();
}

QModelIndex ClusterTreeModel::tenantIndex(const QString &contextName, const QString &namespaceName) const
{
    const Node *ctx = contextNode(contextName);
    const Node *tenant = ctx ? childByKey(ctx, namespaceName) : nullptr;
    return tenant ? indexOf(tenant) : QModelIndex();
}

void ClusterTreeModel::setTenantNotes(const QString &contextName, const QHash<QString, QString> &notes)
{
    const QHash<QString, QString> old = m_tenantNotes.value(contextName);
    if (notes.isEmpty())
        m_tenantNotes.remove(contextName);
    else
        m_tenantNotes.insert(contextName, notes);
    QSet<QString> namespaces(old.keyBegin(), old.keyEnd());
    namespaces.unite(QSet<QString>(notes.keyBegin(), notes.keyEnd()));
    for (const QString &namespaceName : std::as_const(namespaces)) {
        if (old.value(namespaceName) == notes.value(namespaceName))
            continue;
        const QModelIndex tenant = tenantIndex(contextName, namespaceName);
        if (tenant.isValid())
            Q_EMIT dataChanged(tenant, tenant.siblingAtColumn(StatusColumn));
    }
}

QString ClusterTreeModel::tenantNote(const QString &contextName, const QString &namespaceName) const
{
    const auto notes = m_tenantNotes.constFind(contextName);
    return notes == m_tenantNotes.cend() ? QString() : notes->value(namespaceName);
}

QModelIndex ClusterTreeModel::objectIndex(const QString &contextName, const fd::fission::ObjectRef &ref) const
{
    const Node *ctx = contextNode(contextName);
    const Node *tenant = ctx ? childByKey(ctx, ref.namespaceName) : nullptr;
    if (!tenant)
        return {};
    for (const auto &group : tenant->children) {
        for (const auto &object : group->children) {
            if (object->d.kind == ref.kind && object->d.group == ref.group && object->d.objectName == ref.name)
                return indexOf(object.get());
        }
    }
    return {};
}

QStringList ClusterTreeModel::dump(const QModelIndex &parent, int depth) const
{
    QStringList lines;
    for (int row = 0; row < rowCount(parent); ++row) {
        const QModelIndex idx = index(row, NameColumn, parent);
        QString line = QString(depth * 2, u' ') + idx.data().toString();
        const int count = idx.data(CountRole).toInt();
        if (count >= 0)
            line += u" (%1)"_s.arg(count);
        line += u" [%1]"_s.arg(idx.data(IconIdRole).toString());
        lines.append(line);
        lines.append(dump(idx, depth + 1));
    }
    return lines;
}

// ---- merging ---------------------------------------------------------------------------------

std::unique_ptr<ClusterTreeModel::Node> ClusterTreeModel::build(const NodeSpec &spec, Node *parent, int row) const
{
    auto node = std::make_unique<Node>();
    node->d = spec.data;
    node->parent = parent;
    node->row = row;
    node->children.reserve(size_t(spec.children.size()));
    for (int i = 0; i < spec.children.size(); ++i)
        node->children.push_back(build(spec.children[i], node.get(), i));
    return node;
}

void ClusterTreeModel::sync(Node *node, const NodeSpec &spec)
{
    if (!(node->d == spec.data)) {
        node->d = spec.data;
        Q_EMIT dataChanged(indexOf(node, NameColumn), indexOf(node, StatusColumn));
    }
    if (spec.childrenKnown)
        syncChildren(node, spec.children);
}

void ClusterTreeModel::renumber(Node *parent, int from)
{
    for (size_t i = size_t(std::max(from, 0)); i < parent->children.size(); ++i)
        parent->children[i]->row = int(i);
}

void ClusterTreeModel::syncChildren(Node *parent, const QList<NodeSpec> &desired)
{
    const QModelIndex parentIndex = parent == &m_root ? QModelIndex() : indexOf(parent);
    auto &children = parent->children;

    QSet<QString> wanted;
    wanted.reserve(desired.size());
    for (const NodeSpec &spec : desired)
        wanted.insert(spec.data.key);

    // 1. Remove what is no longer wanted, one range per contiguous run (from the end, so the
    //    rows before stay valid).
    for (int row = int(children.size()) - 1; row >= 0; --row) {
        if (wanted.contains(children[size_t(row)]->d.key))
            continue;
        const int last = row;
        while (row > 0 && !wanted.contains(children[size_t(row - 1)]->d.key))
            --row;
        beginRemoveRows(parentIndex, row, last);
        children.erase(children.begin() + row, children.begin() + last + 1);
        renumber(parent, row);
        endRemoveRows();
    }

    // The remaining children are a subsequence of `desired` (both ordered by the same keys). If
    // that ever fails, rebuild these rows rather than show a wrong tree.
    {
        qsizetype j = 0;
        for (const NodeSpec &spec : desired) {
            if (j < qsizetype(children.size()) && children[size_t(j)]->d.key == spec.data.key)
                ++j;
        }
        if (j != qsizetype(children.size())) {
            beginRemoveRows(parentIndex, 0, int(children.size()) - 1);
            children.clear();
            endRemoveRows();
        }
    }

    // 2. Insert new runs and update the rows that stay.
    int j = 0;
    for (qsizetype i = 0; i < desired.size();) {
        if (j < int(children.size()) && children[size_t(j)]->d.key == desired[i].data.key) {
            sync(children[size_t(j)].get(), desired[i]);
            ++i;
            ++j;
            continue;
        }
        const qsizetype start = i;
        while (i < desired.size() && !(j < int(children.size()) && children[size_t(j)]->d.key == desired[i].data.key))
            ++i;
        const int count = int(i - start);
        beginInsertRows(parentIndex, j, j + count - 1);
        std::vector<std::unique_ptr<Node>> fresh;
        fresh.reserve(size_t(count));
        for (qsizetype k = start; k < i; ++k)
            fresh.push_back(build(desired[k], parent, 0));
        children.insert(children.begin() + j, std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
        renumber(parent, j);
        endInsertRows();
        j += count;
    }
}

// ---- QAbstractItemModel ----------------------------------------------------------------------

ClusterTreeModel::Node *ClusterTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
}

QModelIndex ClusterTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

ClusterTreeModel::Node *ClusterTreeModel::contextNode(const QString &contextName) const
{
    return childByKey(&m_root, contextName);
}

ClusterTreeModel::Node *ClusterTreeModel::childByKey(const Node *parent, const QString &key)
{
    for (const auto &child : parent->children) {
        if (child->d.key == key)
            return child.get();
    }
    return nullptr;
}

QModelIndex ClusterTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *p = nodeOf(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ClusterTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeOf(child);
    return indexOf(node->parent);
}

int ClusterTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ClusterTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ClusterTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const NodeData &d = nodeOf(index)->d;
    const QString note = d.type == NodeType::Tenant && !m_tenantNotes.isEmpty() ? tenantNote(d.context, d.namespaceName)
                                                                                : QString();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return d.name;
        // The note first: a tenant's status can be a long reason that the column cuts off.
        return note.isEmpty() ? d.status : note + u" · "_s + d.status;
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(statusIcon(d.iconId)) : QVariant();
    case Qt::ToolTipRole: return note.isEmpty() ? d.tooltip : d.tooltip + u'\n' + note;
    case NodeTypeRole: return int(d.type);
    case ContextRole: return d.context;
    case NamespaceRole: return d.namespaceName;
    case ObjectGroupRole: return d.group;
    case ObjectKindRole: return d.kind;
    case ObjectNameRole: return d.objectName;
    case StatusIdRole: return d.statusId;
    case SeverityRole: return d.severity;
    case CountRole: return index.column() == NameColumn ? d.count : -1;
    case IconIdRole: return d.iconId;
    case FilterTextRole:
        return QStringList{d.name, d.kind, d.kindText, d.status, d.statusId, d.iconId, note}.join(u' ');
    default: return {};
    }
}

QVariant ClusterTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Status");
}

Qt::ItemFlags ClusterTreeModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

} // namespace ui
} // namespace fd

#include "moc_ClusterTreeModel.cpp"
