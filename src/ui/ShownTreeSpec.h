#pragma once

#include "ClusterTreeModel.h"

// What the tree model shows below one context, remembered on the worker side of
// TreeUpdateQueue. Under churn most namespaces a snapshot marks as changed look the same in the
// tree (a pod came and went, a status field the tree does not show moved): comparing their
// thousands of rows is the bulk of a merge. Comparing here, on the worker, lets the GUI thread
// merge only the tenants whose rows really changed.
//
// Exact, not hashed: a wrong "unchanged" would leave a stale row on screen. The price is a copy
// of the tree's texts (implicitly shared with the specs it came from).

namespace fd {
namespace ui {

class ShownTreeSpec
{
public:
    // Takes `wanted` (a context's spec about to be merged) as what the model will show, and
    // turns the tenant subtrees in it that equal what the model shows already into "keep what
    // you have" (childrenKnown false). Returns how many it turned. Call it for every spec that
    // is merged, in order; it assumes nothing else changes the model's rows of this context.
    int prune(ClusterTreeModel::NodeSpec &wanted);

private:
    ClusterTreeModel::NodeSpec m_shown; // children: the tenants; childrenKnown per tenant
};

} // namespace ui
} // namespace fd
