#include "fission/WatchedNamespaces.h"

using namespace Qt::StringLiterals;

namespace fd::fission {

QStringList NamespaceEnv::watchedNamespaces() const
{
    QStringList out;
    const QString resources = resourceNamespaces.value_or(QString());
    if (resources.isEmpty()) {
        out.append(u"default"_s);
    } else {
        for (const QString &item : resources.split(u',')) {
            if (!item.isEmpty())
                out.append(item);
        }
    }
    if (defaultNamespace && !defaultNamespace->isEmpty())
        out.append(*defaultNamespace);
    out.sort();
    out.removeDuplicates();
    return out;
}

NamespaceEnv NamespaceEnv::fromContainer(const ContainerInfo &container)
{
    NamespaceEnv env;
    env.defaultNamespace = container.envValue(u"FISSION_DEFAULT_NAMESPACE");
    env.resourceNamespaces = container.envValue(u"FISSION_RESOURCE_NAMESPACES");
    env.builderNamespace = container.envValue(u"FISSION_BUILDER_NAMESPACE");
    env.functionNamespace = container.envValue(u"FISSION_FUNCTION_NAMESPACE");
    env.tenancyMode = container.envValue(u"FISSION_TENANCY_MODE");
    return env;
}

NamespaceEnv NamespaceEnv::fromContainers(const QList<ContainerInfo> &containers)
{
    for (const ContainerInfo &c : containers) {
        NamespaceEnv env = fromContainer(c);
        if (env.consumesNamespaces() || env.tenancyMode)
            return env;
    }
    return {};
}

namespace {

bool remapActive(const NamespaceEnv &env)
{
    return !env.functionNamespace.value_or(QString()).isEmpty() && !env.builderNamespace.value_or(QString()).isEmpty();
}

} // namespace

QString functionPodNamespace(const NamespaceEnv &env, const QString &objectNamespace)
{
    if (!remapActive(env) || objectNamespace != u"default")
        return objectNamespace;
    return *env.functionNamespace;
}

QString builderPodNamespace(const NamespaceEnv &env, const QString &objectNamespace)
{
    if (!remapActive(env) || objectNamespace != u"default")
        return objectNamespace;
    return *env.builderNamespace;
}

} // namespace fd::fission
