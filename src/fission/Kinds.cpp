#include "fission/Kinds.h"

#include "kube/store/KubeObject.h"

using namespace Qt::StringLiterals;

namespace fd::fission {

QString GroupResource::toString() const
{
    return group.isEmpty() ? resource : resource + u'.' + group;
}

namespace kinds {
namespace {

KindInfo make(const QString &group, const QString &version, const QString &resource, const QString &kind, bool namespaced)
{
    return KindInfo{GroupResource{group, resource}, version, kind, namespaced};
}

const QString Fission = u"fission.io"_s;

} // namespace

#define FD_KIND(fn, group, version, resource, kind, namespaced)                                    \
    const KindInfo &fn()                                                                            \
    {                                                                                               \
        static const KindInfo info = make(group, QStringLiteral(version), QStringLiteral(resource),            \
                                         QStringLiteral(kind), namespaced);                                \
        return info;                                                                                \
    }

FD_KIND(environments, Fission, "v1", "environments", "Environment", true)
FD_KIND(packages, Fission, "v1", "packages", "Package", true)
FD_KIND(functions, Fission, "v1", "functions", "Function", true)
FD_KIND(httpTriggers, Fission, "v1", "httptriggers", "HTTPTrigger", true)
FD_KIND(timeTriggers, Fission, "v1", "timetriggers", "TimeTrigger", true)
FD_KIND(messageQueueTriggers, Fission, "v1", "messagequeuetriggers", "MessageQueueTrigger", true)
FD_KIND(kubernetesWatchTriggers, Fission, "v1", "kuberneteswatchtriggers", "KubernetesWatchTrigger", true)
FD_KIND(canaryConfigs, Fission, "v1", "canaryconfigs", "CanaryConfig", true)
FD_KIND(fissionTenants, Fission, "v1", "fissiontenants", "FissionTenant", false)
FD_KIND(functionVersions, Fission, "v1", "functionversions", "FunctionVersion", true)
FD_KIND(functionAliases, Fission, "v1", "functionaliases", "FunctionAlias", true)
FD_KIND(workflows, Fission, "v1", "workflows", "Workflow", true)
FD_KIND(workflowRuns, Fission, "v1", "workflowruns", "WorkflowRun", true)

FD_KIND(namespaces, QString(), "v1", "namespaces", "Namespace", false)
FD_KIND(pods, QString(), "v1", "pods", "Pod", true)
FD_KIND(events, QString(), "v1", "events", "Event", true)
FD_KIND(secrets, QString(), "v1", "secrets", "Secret", true)
FD_KIND(configMaps, QString(), "v1", "configmaps", "ConfigMap", true)
FD_KIND(serviceAccounts, QString(), "v1", "serviceaccounts", "ServiceAccount", true)
FD_KIND(deployments, u"apps"_s, "v1", "deployments", "Deployment", true)
FD_KIND(daemonSets, u"apps"_s, "v1", "daemonsets", "DaemonSet", true)
FD_KIND(replicaSets, u"apps"_s, "v1", "replicasets", "ReplicaSet", true)
FD_KIND(customResourceDefinitions, u"apiextensions.k8s.io"_s, "v1", "customresourcedefinitions",
        "CustomResourceDefinition", false)

#undef FD_KIND

const QList<KindInfo> &tenantContentKinds()
{
    static const QList<KindInfo> list{environments(), packages(), functions(), httpTriggers(), timeTriggers(),
                                      messageQueueTriggers(), kubernetesWatchTriggers(), canaryConfigs(),
                                      functionVersions(), functionAliases(), workflows(), workflowRuns()};
    return list;
}

const QList<KindInfo> &triggerKinds()
{
    static const QList<KindInfo> list{httpTriggers(), timeTriggers(), messageQueueTriggers(), kubernetesWatchTriggers()};
    return list;
}

const QList<KindInfo> &all()
{
    static const QList<KindInfo> list = [] {
        QList<KindInfo> l = tenantContentKinds();
        l << fissionTenants() << namespaces() << pods() << events() << secrets() << configMaps() << serviceAccounts()
          << deployments() << daemonSets() << replicaSets() << customResourceDefinitions();
        return l;
    }();
    return list;
}

const KindInfo *forKind(QStringView group, QStringView kind)
{
    for (const KindInfo &info : all()) {
        if (info.kind == kind && info.gr.group == group)
            return &info;
    }
    return nullptr;
}

const KindInfo *forObject(const fd::kube::KubeObject &object)
{
    if (object.isNull())
        return nullptr;
    const QString apiVersion = object.apiVersion();
    const qsizetype slash = apiVersion.indexOf(u'/');
    const QStringView group = slash < 0 ? QStringView() : QStringView(apiVersion).left(slash);
    return forKind(group, object.kind());
}

const KindInfo *forResource(const GroupResource &gr)
{
    for (const KindInfo &info : all()) {
        if (info.gr == gr)
            return &info;
    }
    return nullptr;
}

} // namespace kinds
} // namespace fd::fission
