#pragma once

#include "sim/api/ResourceType.h"

#include <QList>
#include <QStringList>

namespace fd::sim {

// What discovery and OpenAPI describe: the types the cluster serves at one moment. Built by
// the API layer from ResourceCatalog (types(), groups(), generation()); this module only
// reads ResourceType, so it does not depend on the catalog's implementation.
struct CatalogSnapshot {
    QList<ResourceType> types;
    // Group names in discovery order ("" = core first). Groups of `types` missing here are
    // appended in name order, so an empty list still gives a complete, stable answer.
    QStringList groupOrder;
    // Changes whenever the set of types changes; rendered documents are cached per value.
    int generation = 0;

    // groupOrder completed with every group present in `types`, in discovery order.
    QStringList groups() const;
    // Versions a group serves, preferred first, then by Kubernetes version priority.
    QStringList versionsOf(const QString &group) const;
    // Types served at one group-version, in catalog order.
    QList<ResourceType> typesAt(const QString &group, const QString &version) const;
};

// Kubernetes version priority ("v2" > "v1" > "v1beta2" > "v1beta1" > "v1alpha1" > "foo"):
// > 0 when `a` has the higher priority, < 0 when `b` has, 0 when equal.
int compareKubeAwareVersions(const QString &a, const QString &b);

} // namespace fd::sim
