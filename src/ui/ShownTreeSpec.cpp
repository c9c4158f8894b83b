#include "ShownTreeSpec.h"

#include <QHash>

namespace fd {
namespace ui {

namespace {

using NodeSpec = ClusterTreeModel::NodeSpec;

bool sameSubtrees(const QList<NodeSpec> &a, const QList<NodeSpec> &b);

bool sameSubtree(const NodeSpec &a, const NodeSpec &b)
{
    return a.childrenKnown == b.childrenKnown && a.data == b.data && sameSubtrees(a.children, b.children);
}

bool sameSubtrees(const QList<NodeSpec> &a, const QList<NodeSpec> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!sameSubtree(a[i], b[i]))
            return false;
    }
    return true;
}

} // namespace

int ShownTreeSpec::prune(NodeSpec &wanted)
{
    m_shown.data = wanted.data;
    if (!wanted.childrenKnown)
        return 0; // the model keeps its tenants, and so does this record

    QHash<QString, const NodeSpec *> before;
    before.reserve(m_shown.children.size());
    for (const NodeSpec &tenant : std::as_const(m_shown.children))
        before.insert(tenant.data.key, &tenant);

    int pruned = 0;
    QList<NodeSpec> shownNext;
    shownNext.reserve(wanted.children.size());
    for (NodeSpec &tenant : wanted.children) {
        const NodeSpec *old = before.value(tenant.data.key);
        if (!tenant.childrenKnown) {
            // Not built this time: the model keeps the rows it has, and so does the record.
            shownNext.append(NodeSpec{tenant.data, old ? old->children : QList<NodeSpec>{}, old && old->childrenKnown});
            continue;
        }
        // Only a subtree recorded in full can stand for the model's rows.
        if (old && old->childrenKnown && sameSubtrees(old->children, tenant.children)) {
            shownNext.append(NodeSpec{tenant.data, old->children, true});
            tenant.children.clear();
            tenant.childrenKnown = false;
            ++pruned;
            continue;
        }
        shownNext.append(tenant);
    }
    m_shown.children = std::move(shownNext);
    return pruned;
}

} // namespace ui
} // namespace fd
