#include "sim/cluster/StoreRbacSource.h"

#include "sim/api/ObjectStore.h"

namespace fd::sim {

QList<QJsonObject> StoreRbacSource::objects(const QString &plural, const QString &namespaceName) const
{
    QList<QJsonObject> result;
    const auto stored = m_store->list(QStringLiteral("rbac.authorization.k8s.io/") + plural, namespaceName);
    result.reserve(stored.size());
    for (const ObjectRef &object : stored)
        result.append(object->object);
    return result;
}

QList<QJsonObject> StoreRbacSource::clusterRoles() const
{
    return objects(QStringLiteral("clusterroles"), {});
}

QList<QJsonObject> StoreRbacSource::clusterRoleBindings() const
{
    return objects(QStringLiteral("clusterrolebindings"), {});
}

QList<QJsonObject> StoreRbacSource::roles(const QString &namespaceName) const
{
    return namespaceName.isEmpty() ? QList<QJsonObject>() : objects(QStringLiteral("roles"), namespaceName);
}

QList<QJsonObject> StoreRbacSource::roleBindings(const QString &namespaceName) const
{
    return namespaceName.isEmpty() ? QList<QJsonObject>() : objects(QStringLiteral("rolebindings"), namespaceName);
}

} // namespace fd::sim
