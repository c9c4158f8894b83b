#include "ObjectLookup.h"

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

const fd::fission::FissionObject *findObject(const fd::fission::FissionIndex &index, const fd::fission::ObjectRef &ref)
{
    if (ref.group != fd::fission::FissionGroup)
        return nullptr;
    const QString &k = ref.kind;
    if (k == u"Environment")
        return index.environments().get(ref.namespaceName, ref.name);
    if (k == u"Package")
        return index.packages().get(ref.namespaceName, ref.name);
    if (k == u"Function")
        return index.functions().get(ref.namespaceName, ref.name);
    if (k == u"HTTPTrigger")
        return index.httpTriggers().get(ref.namespaceName, ref.name);
    if (k == u"TimeTrigger")
        return index.timeTriggers().get(ref.namespaceName, ref.name);
    if (k == u"MessageQueueTrigger")
        return index.messageQueueTriggers().get(ref.namespaceName, ref.name);
    if (k == u"KubernetesWatchTrigger")
        return index.watchTriggers().get(ref.namespaceName, ref.name);
    if (k == u"FissionTenant")
        return index.tenants().get(QString(), ref.name);
    return nullptr;
}

QUrl objectLink(const fd::fission::ObjectRef &ref)
{
    QUrl url;
    url.setScheme(u"fd-object"_s);
    url.setPath(QStringList{ref.group, ref.kind, ref.namespaceName, ref.name}.join(u'/'));
    return url;
}

bool parseObjectLink(const QUrl &url, fd::fission::ObjectRef *ref)
{
    if (url.scheme() != u"fd-object")
        return false;
    const QStringList parts = url.path().split(u'/');
    if (parts.size() != 4 || parts[1].isEmpty() || parts[3].isEmpty())
        return false;
    ref->group = parts[0];
    ref->kind = parts[1];
    ref->namespaceName = parts[2];
    ref->name = parts[3];
    return true;
}

} // namespace ui
} // namespace fd
