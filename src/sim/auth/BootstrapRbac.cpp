#include "sim/auth/BootstrapRbac.h"

#include "sim/auth/RbacAuthorizer.h"
#include "sim/auth/RbacObjects.h"

#include <QJsonArray>
#include <QStringList>

#include <initializer_list>

namespace fd::sim {

namespace {

const QString kRbacGroup = QStringLiteral("rbac.authorization.k8s.io");
const QString kAggregateToAdmin = QStringLiteral("rbac.authorization.k8s.io/aggregate-to-admin");
const QString kAggregateToEdit = QStringLiteral("rbac.authorization.k8s.io/aggregate-to-edit");
const QString kAggregateToView = QStringLiteral("rbac.authorization.k8s.io/aggregate-to-view");

QStringList list(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result.append(QString::fromLatin1(item));
    return result;
}

// Rules are listed as the apiserver stores them: its rule builder sorts every list.
PolicyRule resourceRule(const QStringList &verbs, const QStringList &apiGroups, const QStringList &resources)
{
    PolicyRule rule;
    rule.verbs = verbs;
    rule.apiGroups = apiGroups;
    rule.resources = resources;
    return rule;
}

PolicyRule urlRule(const QStringList &verbs, const QStringList &urls)
{
    PolicyRule rule;
    rule.verbs = verbs;
    rule.nonResourceURLs = urls;
    return rule;
}

const QStringList &read()
{
    static const QStringList verbs = list({"get", "list", "watch"});
    return verbs;
}

const QStringList &write()
{
    static const QStringList verbs = list({"create", "delete", "deletecollection", "patch", "update"});
    return verbs;
}

const QStringList &readWrite()
{
    static const QStringList verbs =
        list({"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"});
    return verbs;
}

QJsonObject metadata(const QString &name, const QStringList &extraTrueLabels = {})
{
    QJsonObject labels{{QStringLiteral("kubernetes.io/bootstrapping"), QStringLiteral("rbac-defaults")}};
    for (const QString &label : extraTrueLabels)
        labels.insert(label, QStringLiteral("true"));
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("labels"), labels},
                       {QStringLiteral("annotations"),
                        QJsonObject{{QStringLiteral("rbac.authorization.kubernetes.io/autoupdate"), QStringLiteral("true")}}}};
}

QJsonObject clusterRole(const QString &name, const QList<PolicyRule> &rules, const QStringList &extraTrueLabels = {})
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("rbac.authorization.k8s.io/v1")},
                       {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                       {QStringLiteral("metadata"), metadata(name, extraTrueLabels)},
                       {QStringLiteral("rules"), policyRulesToJson(rules)}};
}

QJsonObject aggregatedClusterRole(const QString &name, const QString &selectedLabel, const QStringList &extraTrueLabels = {})
{
    QJsonObject role = clusterRole(name, {}, extraTrueLabels);
    const QJsonObject selector{{QStringLiteral("matchLabels"), QJsonObject{{selectedLabel, QStringLiteral("true")}}}};
    role.insert(QStringLiteral("aggregationRule"),
                QJsonObject{{QStringLiteral("clusterRoleSelectors"), QJsonArray{selector}}});
    return role;
}

QList<PolicyRule> aggregateToAdminRules()
{
    return {
        resourceRule(list({"create"}), list({"authorization.k8s.io"}), list({"localsubjectaccessreviews"})),
        resourceRule(readWrite(), {kRbacGroup}, list({"rolebindings", "roles"})),
    };
}

QList<PolicyRule> aggregateToEditRules()
{
    const QStringList core{QString()};
    return {
        resourceRule(read(), core,
                     list({"pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"})),
        resourceRule(list({"impersonate"}), core, list({"serviceaccounts"})),
        resourceRule(write(), core, list({"pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"})),
        resourceRule(list({"create"}), core, list({"pods/eviction"})),
        resourceRule(write(), core,
                     list({"configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                           "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"})),
        resourceRule(list({"create"}), core, list({"serviceaccounts/token"})),
        resourceRule(write(), list({"apps"}),
                     list({"daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets",
                           "replicasets/scale", "statefulsets", "statefulsets/scale"})),
        resourceRule(write(), list({"autoscaling"}), list({"horizontalpodautoscalers"})),
        resourceRule(write(), list({"batch"}), list({"cronjobs", "jobs"})),
        resourceRule(write(), list({"extensions"}),
                     list({"daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses",
                           "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"})),
        resourceRule(write(), list({"policy"}), list({"poddisruptionbudgets"})),
        resourceRule(write(), list({"networking.k8s.io"}), list({"ingresses", "networkpolicies"})),
        resourceRule(readWrite(), list({"coordination.k8s.io"}), list({"leases"})),
    };
}

QList<PolicyRule> aggregateToViewRules()
{
    const QStringList core{QString()};
    return {
        resourceRule(read(), core,
                     list({"configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
                           "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services",
                           "services/status"})),
        resourceRule(read(), core,
                     list({"bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
                           "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"})),
        resourceRule(read(), core, list({"namespaces"})),
        resourceRule(read(), list({"discovery.k8s.io"}), list({"endpointslices"})),
        resourceRule(read(), list({"apps"}),
                     list({"controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                           "deployments/status", "replicasets", "replicasets/scale", "replicasets/status",
                           "statefulsets", "statefulsets/scale", "statefulsets/status"})),
        resourceRule(read(), list({"autoscaling"}), list({"horizontalpodautoscalers", "horizontalpodautoscalers/status"})),
        resourceRule(read(), list({"batch"}), list({"cronjobs", "cronjobs/status", "jobs", "jobs/status"})),
        resourceRule(read(), list({"extensions"}),
                     list({"daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
                           "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale",
                           "replicasets/status", "replicationcontrollers/scale"})),
        resourceRule(read(), list({"policy"}), list({"poddisruptionbudgets", "poddisruptionbudgets/status"})),
        resourceRule(read(), list({"networking.k8s.io"}), list({"ingresses", "ingresses/status", "networkpolicies"})),
    };
}

QJsonObject groupSubject(const QString &group)
{
    return QJsonObject{{QStringLiteral("apiGroup"), kRbacGroup},
                       {QStringLiteral("kind"), QStringLiteral("Group")},
                       {QStringLiteral("name"), group}};
}

QJsonObject clusterRoleBinding(const QString &name, const QStringList &groups)
{
    QJsonArray subjects;
    for (const QString &group : groups)
        subjects.append(groupSubject(group));
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("rbac.authorization.k8s.io/v1")},
                       {QStringLiteral("kind"), QStringLiteral("ClusterRoleBinding")},
                       {QStringLiteral("metadata"), metadata(name)},
                       {QStringLiteral("roleRef"),
                        QJsonObject{{QStringLiteral("apiGroup"), kRbacGroup},
                                    {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                                    {QStringLiteral("name"), name}}},
                       {QStringLiteral("subjects"), subjects}};
}

} // namespace

QList<QJsonObject> bootstrapClusterRoles()
{
    QList<QJsonObject> roles{
        clusterRole(QStringLiteral("cluster-admin"),
                    {resourceRule(list({"*"}), list({"*"}), list({"*"})), urlRule(list({"*"}), list({"*"}))}),
        aggregatedClusterRole(QStringLiteral("admin"), kAggregateToAdmin),
        aggregatedClusterRole(QStringLiteral("edit"), kAggregateToEdit, {kAggregateToAdmin}),
        aggregatedClusterRole(QStringLiteral("view"), kAggregateToView, {kAggregateToEdit}),
        clusterRole(QStringLiteral("system:aggregate-to-admin"), aggregateToAdminRules(), {kAggregateToAdmin}),
        clusterRole(QStringLiteral("system:aggregate-to-edit"), aggregateToEditRules(), {kAggregateToEdit}),
        clusterRole(QStringLiteral("system:aggregate-to-view"), aggregateToViewRules(), {kAggregateToView}),
        clusterRole(QStringLiteral("system:basic-user"),
                    {resourceRule(list({"create"}), list({"authorization.k8s.io"}),
                                  list({"selfsubjectaccessreviews", "selfsubjectrulesreviews"})),
                     resourceRule(list({"create"}), list({"authentication.k8s.io"}), list({"selfsubjectreviews"}))}),
        clusterRole(QStringLiteral("system:discovery"),
                    {urlRule(list({"get"}), list({"/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi",
                                                  "/openapi/*", "/readyz", "/version", "/version/"}))}),
        clusterRole(QStringLiteral("system:public-info-viewer"),
                    {urlRule(list({"get"}), list({"/healthz", "/livez", "/readyz", "/version", "/version/"}))}),
    };

    // A real cluster shows aggregated roles with the rules its controller wrote a moment
    // after start-up; fill them in the same way.
    const QList<QJsonObject> snapshot = roles;
    for (QJsonObject &role : roles) {
        if (const auto rules = aggregatedClusterRoleRules(role, snapshot))
            role.insert(QStringLiteral("rules"), policyRulesToJson(*rules));
    }
    return roles;
}

QList<QJsonObject> bootstrapClusterRoleBindings()
{
    const QString authenticated = QStringLiteral("system:authenticated");
    return {
        clusterRoleBinding(QStringLiteral("cluster-admin"), {QStringLiteral("system:masters")}),
        clusterRoleBinding(QStringLiteral("system:basic-user"), {authenticated}),
        clusterRoleBinding(QStringLiteral("system:discovery"), {authenticated}),
        clusterRoleBinding(QStringLiteral("system:public-info-viewer"),
                           {authenticated, QStringLiteral("system:unauthenticated")}),
    };
}

} // namespace fd::sim
