#pragma once

#include "sim/auth/RbacAuthorizer.h"

namespace fd::sim {

class ObjectStore;

// Feeds the RBAC authorizer from the cluster's own Role/ClusterRole/…Binding objects, so
// that RBAC written through the API (kubectl, Helm charts) takes effect at once.
class StoreRbacSource final : public RbacSource {
public:
    explicit StoreRbacSource(const ObjectStore *store) : m_store(store) {}

    QList<QJsonObject> clusterRoles() const override;
    QList<QJsonObject> clusterRoleBindings() const override;
    QList<QJsonObject> roles(const QString &namespaceName) const override;
    QList<QJsonObject> roleBindings(const QString &namespaceName) const override;

private:
    QList<QJsonObject> objects(const QString &plural, const QString &namespaceName) const;
    const ObjectStore *m_store;
};

} // namespace fd::sim
