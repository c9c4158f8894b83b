#include "fission/HelmReleaseInfo.h"

#include "fission/ClusterState.h"
#include "fission/WatchedNamespaces.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fd::fission {

QStringList HelmValuesFacts::watchedNamespaces() const
{
    // What the chart's helper renders (fission-reference §3): the default namespace, then the
    // additional ones, comma-joined; then Fission's own parsing.
    NamespaceEnv env;
    env.defaultNamespace = defaultNamespace;
    QString resources = defaultNamespace;
    if (!additionalNamespaces.isEmpty())
        resources += u',' + additionalNamespaces.join(u',');
    env.resourceNamespaces = resources;
    return env.watchedNamespaces();
}

HelmValuesFacts helmValuesFacts(const QJsonObject &values)
{
    HelmValuesFacts f;
    f.defaultNamespace = values.value(u"defaultNamespace"_s).toString();
    for (const QJsonValue v : values.value(u"additionalFissionNamespaces"_s).toArray()) {
        if (v.isString())
            f.additionalNamespaces.append(v.toString());
    }
    f.functionNamespace = values.value(u"functionNamespace"_s).toString();
    f.builderNamespace = values.value(u"builderNamespace"_s).toString();
    f.tenancyMode = values.value(u"tenancy"_s).toObject().value(u"mode"_s).toString();
    const QJsonValue adopt = values.value(u"executor"_s).toObject().value(u"adoptExistingResources"_s);
    if (adopt.isBool())
        f.adoptExistingResources = adopt.toBool();
    return f;
}

HelmReleaseReader::~HelmReleaseReader() = default;

QStringList HelmReleaseReader::releaseNames(const ClusterState &state, const QString &namespaceName)
{
    QStringList names;
    for (const KindInfo *k : {&kinds::secrets(), &kinds::configMaps()}) {
        for (const fd::kube::KubeObject &o : state.listInNamespace(*k, namespaceName)) {
            const auto owner = o.label(u"owner");
            const auto name = o.label(u"name");
            if (owner && *owner == u"helm" && name && !names.contains(*name))
                names.append(*name);
        }
    }
    names.sort();
    return names;
}

} // namespace fd::fission
