#include "kube/informer/ResourceKind.h"

using namespace Qt::StringLiterals;

namespace fd::kube {

ResourceKind ResourceKind::core(const QString &resource, const QString &kind, bool namespaced)
{
    return ResourceKind{QString(), u"v1"_s, resource, kind, namespaced};
}

ResourceKind ResourceKind::grouped(const QString &group, const QString &version, const QString &resource,
                                   const QString &kind, bool namespaced)
{
    return ResourceKind{group, version, resource, kind, namespaced};
}

QString ResourceKind::id() const
{
    return group.isEmpty() ? resource : resource + u'.' + group;
}

QString ResourceKind::apiVersion() const
{
    return group.isEmpty() ? version : group + u'/' + version;
}

QString ResourceKind::collectionPath(const QString &namespaceName) const
{
    QString path = group.isEmpty() ? u"/api/"_s + version : u"/apis/"_s + group + u'/' + version;
    if (namespaced && !namespaceName.isEmpty())
        path += u"/namespaces/"_s + namespaceName;
    return path + u'/' + resource;
}

} // namespace fd::kube
