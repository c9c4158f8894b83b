#pragma once

#include "kube/store/Decode.h"

#include <QString>

namespace fd::kube {

// Which collection a reflector lists and watches: a resource of one group-version, as discovery
// names it. Value type; the paths follow kube-protocol.md §3.
struct ResourceKind {
    QString group;    // empty for the core group
    QString version;  // "v1"
    QString resource; // plural, lower case: "configmaps"
    QString kind;     // "ConfigMap" (fills in items that a built-in list leaves without kind)
    bool namespaced = true;

    static ResourceKind core(const QString &resource, const QString &kind, bool namespaced = true);
    static ResourceKind grouped(const QString &group, const QString &version, const QString &resource,
                                const QString &kind, bool namespaced = true);

    // "configmaps", "functions.fission.io": unique per cluster, used in delta source names.
    QString id() const;
    QString apiVersion() const; // "v1", "fission.io/v1"
    // The collection, cluster-wide (`namespaceName` empty) or in one namespace:
    // /api/v1/configmaps, /api/v1/namespaces/x/configmaps, /apis/g/v/namespaces/x/r.
    QString collectionPath(const QString &namespaceName = {}) const;
    // apiVersion/kind for items and watch objects that lack them.
    TypeMeta itemType() const { return TypeMeta{apiVersion(), kind}; }

    bool isValid() const { return !version.isEmpty() && !resource.isEmpty(); }
    bool operator==(const ResourceKind &other) const = default;
};

} // namespace fd::kube
