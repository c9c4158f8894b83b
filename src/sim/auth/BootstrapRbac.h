#pragma once

#include <QJsonObject>
#include <QList>

// The default RBAC objects of a fresh kube-apiserver that matter to clients
// (plugin/pkg/auth/authorizer/rbac/bootstrappolicy): rbac.authorization.k8s.io/v1 JSON with
// the upstream names, labels (kubernetes.io/bootstrapping: rbac-defaults, aggregate-to-*)
// and annotation rbac.authorization.kubernetes.io/autoupdate: "true". Server-set metadata
// (uid, resourceVersion, creationTimestamp) is left to the store.

namespace fd::sim {

// cluster-admin, admin, edit, view (aggregated, with `rules` already filled in as the
// aggregation controller leaves them), system:aggregate-to-admin/-edit/-view,
// system:discovery, system:basic-user, system:public-info-viewer.
QList<QJsonObject> bootstrapClusterRoles();

// cluster-admin -> Group system:masters; system:discovery and system:basic-user ->
// system:authenticated; system:public-info-viewer -> system:authenticated and
// system:unauthenticated.
QList<QJsonObject> bootstrapClusterRoleBindings();

} // namespace fd::sim
