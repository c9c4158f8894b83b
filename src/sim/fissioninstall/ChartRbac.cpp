// The chart's service accounts, Roles and bindings: per watched namespace a Role plus
// RoleBinding pair for each control-plane component's access to Fission's resources
// (`<release>-<component>-fission-cr`) and to Kubernetes objects (`<release>-<component>`),
// the function/builder pod roles, and on modern charts the tenant controller's cluster-wide
// roles (fission-reference.md §3, §4).
#include "sim/fissioninstall/ChartParts.h"

namespace fd::sim::fissioninstall::detail {

using namespace Qt::StringLiterals;

namespace {

const QString kRbacVersion = u"rbac.authorization.k8s.io/v1"_s;
const QStringList kAllVerbs{u"create"_s, u"get"_s, u"list"_s, u"watch"_s, u"update"_s, u"patch"_s, u"delete"_s};
const QStringList kReadVerbs{u"get"_s, u"list"_s, u"watch"_s};
const QStringList kStatusVerbs{u"get"_s, u"update"_s, u"patch"_s};
const QString kFission = u"fission.io"_s;
const QString kCore;

QJsonObject crdReader()
{
    return rule({u"apiextensions.k8s.io"_s}, {u"customresourcedefinitions"_s}, kReadVerbs);
}

QJsonObject leases()
{
    return rule({u"coordination.k8s.io"_s}, {u"leases"_s}, kAllVerbs);
}

QJsonObject eventWriter()
{
    return rule({kCore}, {u"events"_s}, {u"create"_s, u"patch"_s});
}

QJsonObject tenantReader()
{
    return rule({kFission}, {u"fissiontenants"_s}, kReadVerbs);
}

QJsonArray kedaScalingRules()
{
    const QStringList resources{u"scaledjobs"_s, u"scaledobjects"_s, u"scaledjobs/finalizers"_s, u"scaledjobs/status"_s,
                                u"triggerauthentications"_s, u"triggerauthentications/status"_s};
    return {rule({u"keda.sh"_s}, resources, kAllVerbs), rule({u"keda.k8s.io"_s}, resources, kAllVerbs)};
}

QJsonObject executorWorkloads()
{
    return rule({u"apps"_s}, {u"deployments"_s, u"deployments/scale"_s, u"replicasets"_s}, kAllVerbs);
}

// The rules of `<release>-<component>-fission-cr`, per component. On modern charts the
// same list (plus read access to FissionTenants) becomes a cluster role in dynamic mode.
QJsonArray fissionRules(const QString &component, bool modern)
{
    QJsonArray rules;
    const auto crud = [](const QStringList &resources) { return rule({kFission}, resources, kAllVerbs); };
    if (component == "buildermgr"_L1) {
        rules << crud({u"environments"_s, u"functions"_s, u"packages"_s});
        if (modern) {
            rules << rule({kFission}, {u"functions/status"_s, u"packages/status"_s}, kStatusVerbs)
                  << rule({kFission}, {u"functions"_s}, {u"get"_s})
                  << rule({kFission}, {u"functionversions"_s}, {u"get"_s, u"list"_s, u"watch"_s, u"create"_s, u"delete"_s})
                  << rule({kFission}, {u"functionaliases"_s}, {u"get"_s, u"list"_s, u"watch"_s, u"update"_s})
                  << rule({kFission}, {u"functionaliases/status"_s}, kStatusVerbs);
        }
    } else if (component == "executor"_L1) {
        rules << crud({u"environments"_s, u"functions"_s, u"packages"_s});
        if (modern) {
            rules << rule({kFission}, {u"functions/status"_s}, kStatusVerbs)
                  << rule({kFission}, {u"functionversions"_s, u"functionaliases"_s}, kReadVerbs);
        }
    } else if (component == "kubewatcher"_L1) {
        rules << crud({u"environments"_s, u"functions"_s, u"kuberneteswatchtriggers"_s, u"packages"_s});
        if (modern)
            rules << rule({kFission}, {u"kuberneteswatchtriggers/status"_s}, kStatusVerbs);
    } else if (component == "kafka"_L1 || component == "keda"_L1) {
        rules << crud({u"environments"_s, u"functions"_s, u"messagequeuetriggers"_s, u"packages"_s});
        if (modern)
            rules << rule({kFission}, {u"messagequeuetriggers/status"_s}, kStatusVerbs);
    } else if (component == "router"_L1) {
        rules << crud({u"environments"_s, u"functions"_s, u"httptriggers"_s, u"packages"_s});
        if (modern) {
            rules << rule({kFission}, {u"httptriggers/status"_s}, kStatusVerbs)
                  << rule({kFission}, {u"functionversions"_s, u"functionaliases"_s}, kReadVerbs);
        }
    } else if (component == "storagesvc"_L1) {
        rules << rule({kFission}, {u"packages"_s}, {u"get"_s, u"list"_s});
    } else if (component == "timer"_L1) {
        rules << crud({u"environments"_s, u"functions"_s, u"packages"_s, u"timetriggers"_s});
        if (modern)
            rules << rule({kFission}, {u"timetriggers/status"_s}, kStatusVerbs);
    } else if (component == "preupgrade"_L1) {
        QStringList kinds{u"canaryconfigs"_s, u"environments"_s, u"functions"_s, u"httptriggers"_s,
                          u"kuberneteswatchtriggers"_s, u"messagequeuetriggers"_s, u"packages"_s, u"timetriggers"_s};
        if (modern) {
            kinds = QStringList{u"canaryconfigs"_s, u"environments"_s, u"functionaliases"_s, u"functions"_s,
                                u"functionversions"_s, u"httptriggers"_s, u"kuberneteswatchtriggers"_s,
                                u"messagequeuetriggers"_s, u"packages"_s, u"timetriggers"_s, u"workflows"_s,
                                u"workflowruns"_s};
        }
        rules << rule({kFission}, kinds, {u"list"_s});
    }
    return rules;
}

// The rules of `<release>-<component>` (Kubernetes objects in the watched namespace).
QJsonArray kubernetesRules(const QString &component, bool modern)
{
    QJsonArray rules;
    if (modern && component != "router"_L1)
        rules << leases() << eventWriter();
    if (component == "buildermgr"_L1) {
        if (modern)
            rules << eventWriter();
        rules << rule({kCore}, {u"pods"_s, u"services"_s}, {u"create"_s, u"delete"_s, u"get"_s, u"list"_s, u"watch"_s, u"patch"_s})
              << rule({kCore}, {u"configmaps"_s, u"secrets"_s}, kReadVerbs)
              << rule({u"apps"_s}, {u"deployments"_s},
                      modern ? QStringList{u"list"_s, u"create"_s, u"update"_s, u"delete"_s}
                             : QStringList{u"list"_s, u"create"_s, u"delete"_s})
              << crdReader();
    } else if (component == "executor"_L1) {
        const QStringList podVerbs{u"create"_s, u"delete"_s, u"get"_s, u"list"_s, u"watch"_s, u"patch"_s};
        if (modern) {
            rules << rule({kCore}, {u"pods"_s, u"replicationcontrollers"_s}, podVerbs)
                  << rule({kCore}, {u"services"_s}, podVerbs + QStringList{u"update"_s});
        } else {
            rules << rule({kCore}, {u"pods"_s, u"services"_s, u"replicationcontrollers"_s}, podVerbs);
        }
        rules << rule({kCore}, {u"events"_s}, {u"create"_s, u"get"_s, u"list"_s, u"watch"_s, u"patch"_s})
              << rule({kCore}, {u"configmaps"_s, u"secrets"_s}, kReadVerbs)
              << rule({kCore}, {u"serviceaccounts"_s}, {u"create"_s, u"get"_s})
              << rule({u"authorization.k8s.io"_s}, {u"localsubjectaccessreviews"_s}, {u"create"_s})
              << rule({u"rbac.authorization.k8s.io"_s}, {u"rolebindings"_s, u"roles"_s}, {u"create"_s})
              << executorWorkloads() << crdReader()
              << rule({u"autoscaling"_s}, {u"horizontalpodautoscalers"_s}, kAllVerbs)
              << rule({u"metrics.k8s.io"_s}, {u"pods"_s}, {u"get"_s, u"list"_s});
    } else if (component == "fluentbit"_L1) {
        rules << rule({kCore}, {u"pods"_s}, kReadVerbs);
    } else if (component == "kubewatcher"_L1) {
        rules << rule({kCore}, {u"configmaps"_s, u"pods"_s, u"secrets"_s, u"services"_s, u"replicationcontrollers"_s, u"events"_s},
                      kReadVerbs)
              << rule({u"batch"_s}, {u"jobs"_s}, kReadVerbs) << crdReader();
    } else if (component == "kafka"_L1) {
        rules << rule({kCore}, {u"configmaps"_s, u"pods"_s, u"secrets"_s, u"services"_s, u"replicationcontrollers"_s, u"events"_s},
                      {u"create"_s, u"delete"_s, u"get"_s, u"list"_s, u"watch"_s, u"patch"_s})
              << rule({kCore}, {u"configmaps"_s, u"secrets"_s}, {u"get"_s}) << executorWorkloads() << crdReader();
    } else if (component == "keda"_L1) {
        rules << rule({kCore}, {u"pods"_s, u"services"_s, u"replicationcontrollers"_s},
                      {u"create"_s, u"delete"_s, u"get"_s, u"list"_s, u"watch"_s, u"patch"_s})
              << rule({kCore}, {u"events"_s}, {u"create"_s, u"get"_s, u"list"_s, u"watch"_s, u"patch"_s})
              << rule({kCore}, {u"configmaps"_s, u"secrets"_s}, {u"get"_s}) << executorWorkloads() << crdReader();
        for (const QJsonValue &keda : kedaScalingRules())
            rules << keda;
        rules << rule({u"metrics.k8s.io"_s}, {u"pods"_s}, {u"get"_s, u"list"_s});
    } else if (component == "router"_L1) {
        rules << rule({u"networking.k8s.io"_s}, {u"ingresses"_s}, kAllVerbs) << crdReader();
    }
    // timer: no Kubernetes access in 1.20 (an empty rule list), leases and events on main.
    return rules;
}

QJsonObject role(const QString &name, const QString &namespaceName, const QJsonArray &rules,
                 const QJsonObject &annotations = {}, const QJsonObject &labels = {})
{
    return {{u"apiVersion"_s, kRbacVersion},
            {u"kind"_s, u"Role"_s},
            {u"metadata"_s, metadata(name, namespaceName, labels, annotations)},
            {u"rules"_s, rules}};
}

QJsonObject clusterRole(const QString &name, const QJsonArray &rules, const QJsonObject &annotations = {},
                        const QJsonObject &labels = {})
{
    return {{u"apiVersion"_s, kRbacVersion},
            {u"kind"_s, u"ClusterRole"_s},
            {u"metadata"_s, metadata(name, {}, labels, annotations)},
            {u"rules"_s, rules}};
}

QJsonObject binding(const QString &kind, const QString &name, const QString &namespaceName, const QJsonObject &subject,
                    const QJsonObject &ref, const QJsonObject &annotations = {}, const QJsonObject &labels = {})
{
    return {{u"apiVersion"_s, kRbacVersion},
            {u"kind"_s, kind},
            {u"metadata"_s, metadata(name, namespaceName, labels, annotations)},
            {u"subjects"_s, QJsonArray{subject}},
            {u"roleRef"_s, ref}};
}

class RbacRenderer {
public:
    RbacRenderer(const RenderContext &context, QList<ChartObject> &out) : m_ctx(context), m_out(out) {}

    void render()
    {
        const bool modern = m_ctx.modern();
        const QStringList watched = m_ctx.values.watchedNamespaces();
        componentRoles(u"buildermgr"_s, watched, true);
        componentRoles(u"executor"_s, watched, true);
        if (!modern)
            kubernetesRoles(u"fluentbit/role-kubernetes.yaml"_s, u"fluentbit"_s, watched);
        componentRoles(u"kubewatcher"_s, watched, true);
        functionPodRoles(watched);
        componentRoles(u"kafka"_s, watched, true, u"mqt-fission-kafka"_s);
        componentRoles(u"keda"_s, watched, true, u"mqt-keda"_s);
        preUpgradeRoles(watched);
        if (modern)
            routerDataplaneRoles();
        fissionRoles(u"router/role-fission-cr.yaml"_s, u"router"_s, watched);
        // The router's Kubernetes role sits in the release namespace, not the default one.
        kubernetesRoles(u"router/role-kubernetes.yaml"_s, u"router"_s,
                        QStringList{m_ctx.values.releaseNamespace} + m_ctx.values.additionalFissionNamespaces);
        fissionRoles(u"storagesvc/role-fission-cr.yaml"_s, u"storagesvc"_s, watched);
        if (m_ctx.tenantController())
            tenantControllerRbac();
        componentRoles(u"timer"_s, watched, true);
        if (modern)
            webhookRbac(watched);
        serviceAccounts();
    }

private:
    void add(const QString &path, const QJsonObject &object) { m_out.append({m_ctx.source(path), object}); }
    QString releasePrefixed(const QString &suffix) const { return m_ctx.values.releaseName + QLatin1Char('-') + suffix; }
    QJsonObject componentSubject(const QString &component) const
    {
        return serviceAccountSubject(u"fission-"_s + component, m_ctx.values.releaseNamespace);
    }

    void componentRoles(const QString &component, const QStringList &namespaces, bool withKubernetes,
                        const QString &directory = {})
    {
        const QString dir = directory.isEmpty() ? component : directory;
        fissionRoles(dir + u"/role-fission-cr.yaml"_s, component, namespaces);
        if (withKubernetes)
            kubernetesRoles(dir + u"/role-kubernetes.yaml"_s, component, namespaces);
    }

    void fissionRoles(const QString &path, const QString &component, const QStringList &namespaces,
                      const QJsonObject &roleAnnotations = {}, const QJsonObject &bindingAnnotations = {})
    {
        const QString name = releasePrefixed(component + u"-fission-cr"_s);
        for (const QString &ns : namespaces) {
            add(path, role(name, ns, fissionRules(component, m_ctx.modern()), roleAnnotations));
            add(path, binding(u"RoleBinding"_s, name, ns, componentSubject(component), roleRef(u"Role"_s, name),
                              bindingAnnotations));
        }
    }

    void kubernetesRoles(const QString &path, const QString &component, const QStringList &namespaces)
    {
        const QString name = releasePrefixed(component);
        for (const QString &ns : namespaces) {
            add(path, role(name, ns, kubernetesRules(component, m_ctx.modern())));
            add(path, binding(u"RoleBinding"_s, name, ns, componentSubject(component), roleRef(u"Role"_s, name)));
        }
    }

    // The roles of the function and builder pods' own service accounts, per namespace.
    void functionPodRoles(const QStringList &namespaces)
    {
        const bool modern = m_ctx.modern();
        const auto fetcherRules = [modern] {
            QJsonArray rules{rule({kCore}, {u"configmaps"_s, u"secrets"_s}, {u"get"_s})};
            if (modern)
                rules << rule({kCore}, {u"serviceaccounts"_s}, {u"get"_s});
            rules << rule({kFission}, {u"packages"_s}, {u"get"_s});
            return rules;
        };
        const QJsonArray builderRules{rule({kFission}, {u"packages"_s}, {u"get"_s}),
                                      rule({kCore}, {u"configmaps"_s, u"secrets"_s}, {u"get"_s})};
        const QJsonArray websocketRules{
            rule({kCore}, {u"events"_s}, {u"get"_s, u"list"_s, u"watch"_s, u"create"_s, u"update"_s, u"patch"_s}),
            rule({kCore}, {u"pods"_s}, {u"get"_s})};
        const QString fetcher = releasePrefixed(u"fission-fetcher"_s);
        const QString builder = releasePrefixed(u"fission-builder"_s);
        const QString websocket = releasePrefixed(u"fission-fetcher-websocket"_s);
        for (const QString &ns : namespaces) {
            add(u"misc-functions/role.yaml"_s, role(fetcher, ns, fetcherRules()));
            add(u"misc-functions/role.yaml"_s, role(builder, ns, builderRules));
            add(u"misc-functions/role.yaml"_s, role(websocket, ns, websocketRules));
        }
        for (const QString &ns : namespaces) {
            add(u"misc-functions/rolebinding.yaml"_s,
                binding(u"RoleBinding"_s, fetcher, ns, serviceAccountSubject(u"fission-fetcher"_s, ns), roleRef(u"Role"_s, fetcher)));
            add(u"misc-functions/rolebinding.yaml"_s,
                binding(u"RoleBinding"_s, builder, ns, serviceAccountSubject(u"fission-builder"_s, ns), roleRef(u"Role"_s, builder)));
            add(u"misc-functions/rolebinding.yaml"_s, binding(u"RoleBinding"_s, websocket, ns,
                                                              serviceAccountSubject(u"fission-fetcher"_s, ns),
                                                              roleRef(u"Role"_s, websocket)));
        }
    }

    // Hook objects of the pre-upgrade check Job (pre-install too on main).
    void preUpgradeRoles(const QStringList &namespaces)
    {
        if (!m_ctx.values.preUpgradeChecks)
            return;
        const bool modern = m_ctx.modern();
        const QString events = modern ? u"pre-install,pre-upgrade"_s : u"pre-upgrade"_s;
        const QString policy = modern ? u"hook-succeeded,hook-failed,before-hook-creation"_s : u"before-hook-creation"_s;
        const QJsonObject roleHook = hookAnnotations(events, policy, u"-2"_s);
        const QJsonObject bindingHook = hookAnnotations(events, policy, modern ? u"-1"_s : QString());
        QJsonArray clusterRules{crdReader()};
        if (modern) {
            QStringList crdNames{u"canaryconfigs"_s, u"environments"_s, u"fissiontenants"_s, u"functionaliases"_s,
                                 u"functions"_s, u"functionversions"_s, u"httptriggers"_s, u"kuberneteswatchtriggers"_s,
                                 u"messagequeuetriggers"_s, u"packages"_s, u"timetriggers"_s, u"workflowruns"_s,
                                 u"workflows"_s};
            for (QString &crd : crdNames)
                crd += u".fission.io"_s;
            clusterRules << rule({u"apiextensions.k8s.io"_s}, {u"customresourcedefinitions"_s},
                                 {u"create"_s, u"patch"_s, u"update"_s}, crdNames);
        }
        const QString name = releasePrefixed(u"preupgrade"_s);
        add(u"pre-upgrade-checks/clusterrole.yaml"_s, clusterRole(name, clusterRules, roleHook));
        add(u"pre-upgrade-checks/clusterrolebinding.yaml"_s,
            binding(u"ClusterRoleBinding"_s, name, {}, componentSubject(u"preupgrade"_s), roleRef(u"ClusterRole"_s, name),
                    bindingHook));
        fissionRoles(u"pre-upgrade-checks/role-fission-cr.yaml"_s, u"preupgrade"_s, namespaces, roleHook, bindingHook);
        if (modern) {
            const QString adopt = releasePrefixed(u"preupgrade-adopt"_s);
            const QString release = m_ctx.values.releaseNamespace;
            add(u"pre-upgrade-checks/role-fission-cr.yaml"_s,
                role(adopt, release,
                     {rule({kCore}, {u"secrets"_s}, {u"patch"_s}, {u"fission-internal-auth"_s, u"fission-webhook-certs"_s})},
                     roleHook));
            add(u"pre-upgrade-checks/role-fission-cr.yaml"_s,
                binding(u"RoleBinding"_s, adopt, release, componentSubject(u"preupgrade"_s), roleRef(u"Role"_s, adopt),
                        bindingHook));
        }
        QJsonObject account{{u"apiVersion"_s, u"v1"_s},
                            {u"kind"_s, u"ServiceAccount"_s},
                            {u"metadata"_s, metadata(u"fission-preupgrade"_s, m_ctx.values.releaseNamespace, {},
                                                     hookAnnotations(events, policy, modern ? u"-3"_s : u"-1"_s))}};
        add(u"pre-upgrade-checks/serviceaccount.yaml"_s, account);
    }

    // main: the router reads EndpointSlices and Services of function pods per namespace.
    void routerDataplaneRoles()
    {
        QStringList namespaces{m_ctx.values.functionNamespaceOrDefault()};
        for (const QString &ns : m_ctx.values.additionalFissionNamespaces) {
            if (!namespaces.contains(ns))
                namespaces << ns;
        }
        const QString name = releasePrefixed(u"router-dataplane"_s);
        const QJsonArray rules{rule({u"discovery.k8s.io"_s}, {u"endpointslices"_s}, kReadVerbs),
                               rule({kCore}, {u"services"_s}, kReadVerbs)};
        for (const QString &ns : namespaces) {
            add(u"router/role-dataplane.yaml"_s, role(name, ns, rules));
            add(u"router/role-dataplane.yaml"_s,
                binding(u"RoleBinding"_s, name, ns, componentSubject(u"router"_s), roleRef(u"Role"_s, name)));
        }
    }

    void tenantControllerRbac()
    {
        const QString release = m_ctx.values.releaseNamespace;
        const QJsonObject chartLabel{{u"chart"_s, m_ctx.chart.chartLabel()}};
        // Every component's Fission access becomes cluster-wide, filtered by membership.
        static const QStringList components{u"buildermgr"_s, u"kubewatcher"_s, u"mcp"_s,         u"kafka"_s,
                                            u"keda"_s,       u"router"_s,      u"timer"_s,       u"canaryconfig"_s,
                                            u"executor"_s,   u"statestore-mqt"_s, u"workflow"_s, u"statesvc"_s};
        for (const QString &component : components) {
            const QString name = releasePrefixed(component + u"-fission-cr-cluster"_s);
            add(u"tenant-controller/dynamic-cluster-roles.yaml"_s, clusterRole(name, clusterFissionRules(component)));
            add(u"tenant-controller/dynamic-cluster-roles.yaml"_s,
                binding(u"ClusterRoleBinding"_s, name, {}, componentSubject(component), roleRef(u"ClusterRole"_s, name)));
        }
        // What the controller binds in each tenant namespace.
        const QJsonArray executorRules = kubernetesRules(u"executor"_s, true);
        QJsonArray buildermgrRules = kubernetesRules(u"buildermgr"_s, true);
        add(u"tenant-controller/dynamic-workload-roles.yaml"_s, clusterRole(u"fission-executor-tenant-workload"_s, executorRules));
        add(u"tenant-controller/dynamic-workload-roles.yaml"_s,
            clusterRole(u"fission-buildermgr-tenant-workload"_s, buildermgrRules));
        add(u"tenant-controller/dynamic-workload-roles.yaml"_s,
            clusterRole(u"fission-fetcher-tenant-workload"_s,
                        {rule({kCore}, {u"configmaps"_s, u"secrets"_s}, {u"get"_s}), rule({kCore}, {u"serviceaccounts"_s}, {u"get"_s}),
                         rule({kFission}, {u"packages"_s}, {u"get"_s})}));
        add(u"tenant-controller/dynamic-workload-roles.yaml"_s,
            clusterRole(u"fission-builder-tenant-workload"_s,
                        {rule({kFission}, {u"packages"_s}, {u"get"_s}), rule({kCore}, {u"configmaps"_s, u"secrets"_s}, {u"get"_s})}));
        add(u"tenant-controller/dynamic-workload-roles.yaml"_s,
            clusterRole(u"fission-fetcher-websocket-tenant-workload"_s,
                        {rule({kCore}, {u"events"_s}, {u"get"_s, u"list"_s, u"watch"_s, u"create"_s, u"update"_s, u"patch"_s}),
                         rule({kCore}, {u"pods"_s}, {u"get"_s})}));
        add(u"tenant-controller/dynamic-workload-roles.yaml"_s,
            clusterRole(u"fission-router-dataplane-tenant"_s, {rule({u"discovery.k8s.io"_s}, {u"endpointslices"_s}, kReadVerbs),
                                                                rule({kCore}, {u"services"_s}, kReadVerbs)}));

        const QString controller = releasePrefixed(u"fission-tenant-controller"_s);
        const QJsonObject subject = serviceAccountSubject(u"fission-tenant-controller"_s, release);
        const QJsonArray controllerRules{
            rule({kFission}, {u"fissiontenants"_s},
                 {u"get"_s, u"list"_s, u"watch"_s, u"create"_s, u"update"_s, u"patch"_s, u"delete"_s}),
            rule({kFission}, {u"fissiontenants/status"_s}, kStatusVerbs),
            rule({kCore}, {u"namespaces"_s}, kReadVerbs),
            rule({u"rbac.authorization.k8s.io"_s}, {u"rolebindings"_s}, {u"create"_s, u"delete"_s, u"deletecollection"_s}),
            rule({u"rbac.authorization.k8s.io"_s}, {u"clusterroles"_s}, {u"bind"_s},
                 {u"fission-executor-tenant-workload"_s, u"fission-buildermgr-tenant-workload"_s,
                  u"fission-fetcher-tenant-workload"_s, u"fission-builder-tenant-workload"_s,
                  u"fission-fetcher-websocket-tenant-workload"_s, u"fission-router-dataplane-tenant"_s}),
            rule({kCore}, {u"serviceaccounts"_s}, {u"get"_s, u"list"_s, u"watch"_s, u"create"_s, u"delete"_s, u"deletecollection"_s}),
            rule({kCore}, {u"secrets"_s}, {u"create"_s, u"delete"_s})};
        add(u"tenant-controller/rbac.yaml"_s, clusterRole(controller, controllerRules, {}, chartLabel));
        add(u"tenant-controller/rbac.yaml"_s, binding(u"ClusterRoleBinding"_s, controller, {}, subject,
                                                      roleRef(u"ClusterRole"_s, controller), {}, chartLabel));
        add(u"tenant-controller/rbac.yaml"_s, role(controller, release, {leases(), eventWriter()}, {}, chartLabel));
        add(u"tenant-controller/rbac.yaml"_s,
            binding(u"RoleBinding"_s, controller, release, subject, roleRef(u"Role"_s, controller), {}, chartLabel));
    }

    QJsonArray clusterFissionRules(const QString &component) const
    {
        QJsonArray rules;
        if (component == "mcp"_L1) {
            rules << rule({kFission}, {u"functions"_s}, kReadVerbs) << rule({kFission}, {u"functions/status"_s}, kStatusVerbs)
                  << rule({kFission}, {u"functionaliases"_s, u"functionversions"_s}, kReadVerbs);
        } else if (component == "canaryconfig"_L1) {
            rules << rule({kFission}, {u"canaryconfigs"_s, u"httptriggers"_s}, {u"list"_s, u"watch"_s, u"get"_s, u"update"_s})
                  << rule({kFission}, {u"canaryconfigs/status"_s}, kStatusVerbs)
                  << rule({kFission}, {u"functionaliases"_s}, {u"get"_s, u"update"_s})
                  << rule({kFission}, {u"functionversions"_s}, {u"get"_s});
        } else if (component == "statestore-mqt"_L1) {
            rules << rule({kFission}, {u"functions"_s}, kReadVerbs) << rule({kFission}, {u"messagequeuetriggers"_s}, kReadVerbs)
                  << rule({kFission}, {u"messagequeuetriggers/status"_s}, kStatusVerbs);
        } else if (component == "workflow"_L1) {
            rules << rule({kFission}, {u"functions"_s, u"workflows"_s}, kReadVerbs)
                  << rule({kFission}, {u"workflowruns"_s}, {u"get"_s, u"list"_s, u"watch"_s, u"update"_s, u"patch"_s, u"delete"_s})
                  << rule({kFission}, {u"workflows/status"_s, u"workflowruns/status"_s}, kStatusVerbs);
        } else if (component == "statesvc"_L1) {
            rules << rule({kFission}, {u"functions"_s}, {u"get"_s, u"list"_s, u"watch"_s, u"update"_s, u"patch"_s});
        } else {
            rules = fissionRules(component, true);
        }
        rules << tenantReader();
        if (component == "executor"_L1) {
            rules << rule({kCore}, {u"pods"_s, u"services"_s}, kReadVerbs) << rule({u"apps"_s}, {u"deployments"_s}, kReadVerbs);
        }
        return rules;
    }

    // main: the webhook reads Environments/Functions to validate references.
    void webhookRbac(const QStringList &watched)
    {
        QStringList namespaces;
        for (const QString &ns : watched) {
            if (!namespaces.contains(ns))
                namespaces << ns;
        }
        const QString name = releasePrefixed(u"webhook-env-reader"_s);
        const QJsonObject labels{{u"application"_s, u"fission-webhook"_s}, {u"chart"_s, m_ctx.chart.chartLabel()}};
        const QJsonArray rules{rule({kFission}, {u"environments"_s}, {u"get"_s}), rule({kFission}, {u"functions"_s}, {u"get"_s}),
                               rule({kFission}, {u"functionversions"_s}, {u"get"_s}),
                               rule({kFission}, {u"functionaliases"_s}, {u"list"_s})};
        const QJsonObject subject = componentSubject(u"webhook"_s);
        for (const QString &ns : namespaces) {
            add(u"webhook-server/rbac.yaml"_s, role(name, ns, rules, {}, labels));
            add(u"webhook-server/rbac.yaml"_s,
                binding(u"RoleBinding"_s, name, ns, subject, roleRef(u"Role"_s, name), {}, labels));
        }
        if (m_ctx.tenantController()) {
            add(u"webhook-server/rbac.yaml"_s, clusterRole(name, rules, {}, labels));
            add(u"webhook-server/rbac.yaml"_s,
                binding(u"ClusterRoleBinding"_s, name, {}, subject, roleRef(u"ClusterRole"_s, name), {}, labels));
        }
    }

    void serviceAccount(const QString &path, const QString &name, const QString &namespaceName, const QJsonObject &labels = {})
    {
        add(path, QJsonObject{{u"apiVersion"_s, u"v1"_s},
                              {u"kind"_s, u"ServiceAccount"_s},
                              {u"metadata"_s, metadata(name, namespaceName, labels)}});
    }

    void serviceAccounts()
    {
        const QString release = m_ctx.values.releaseNamespace;
        const bool modern = m_ctx.modern();
        serviceAccount(u"buildermgr/serviceaccount.yaml"_s, u"fission-buildermgr"_s, release);
        serviceAccount(u"executor/serviceaccount.yaml"_s, u"fission-executor"_s, release);
        if (!modern)
            serviceAccount(u"fluentbit/serviceaccount.yaml"_s, u"fission-fluentbit"_s, release);
        serviceAccount(u"kubewatcher/serviceaccount.yaml"_s, u"fission-kubewatcher"_s, release);
        serviceAccount(u"misc-functions/serviceaccount.yaml"_s, u"fission-fetcher"_s, m_ctx.values.functionNamespaceOrDefault());
        serviceAccount(u"misc-functions/serviceaccount.yaml"_s, u"fission-builder"_s, m_ctx.values.builderNamespaceOrDefault());
        serviceAccount(u"mqt-fission-kafka/serviceaccount.yaml"_s, u"fission-kafka"_s, release);
        serviceAccount(u"mqt-keda/serviceaccount.yaml"_s, u"fission-keda"_s, release);
        serviceAccount(u"router/serviceaccount.yaml"_s, u"fission-router"_s, release);
        serviceAccount(u"storagesvc/serviceaccount.yaml"_s, u"fission-storagesvc"_s, release);
        if (m_ctx.tenantController())
            serviceAccount(u"tenant-controller/serviceaccount.yaml"_s, u"fission-tenant-controller"_s, release,
                           {{u"chart"_s, m_ctx.chart.chartLabel()}, {u"svc"_s, u"tenantcontroller"_s}});
        serviceAccount(u"timer/serviceaccount.yaml"_s, u"fission-timer"_s, release);
        serviceAccount(u"webhook-server/serviceaccount.yaml"_s, u"fission-webhook"_s, release);
    }

    const RenderContext &m_ctx;
    QList<ChartObject> &m_out;
};

} // namespace

void renderRbac(const RenderContext &context, QList<ChartObject> &out)
{
    RbacRenderer(context, out).render();
}

} // namespace fd::sim::fissioninstall::detail
