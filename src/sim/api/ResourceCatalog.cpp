#include "sim/api/ResourceCatalog.h"

#include <QSet>

namespace fd::sim {

QStringList allVerbs()
{
    return {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
            QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("patch"),
            QStringLiteral("update"), QStringLiteral("watch")};
}

QStringList createOnlyVerbs()
{
    return {QStringLiteral("create")};
}

namespace {

struct BuiltinSpec {
    const char *group;
    const char *version;
    const char *kind;
    const char *plural;
    bool namespaced;
    const char *shortNames;   // comma separated
    bool inAllCategory;
    bool hasStatus;
    bool hasScale;
    const char *extraSubresources;
    bool usesGeneration;
    const char *selectableFields;
    bool createOnly;
};

QStringList split(const char *csv)
{
    if (!csv || !*csv)
        return {};
    return QString::fromLatin1(csv).split(QLatin1Char(','));
}

// The built-in kinds the Fission chart, the Fission control plane and the app use, with
// the discovery facts (short names, `all` category, subresources) kube-apiserver 1.33 lists.
const BuiltinSpec builtinSpecs[] = {
    {"", "v1", "Namespace", "namespaces", false, "ns", false, true, false, "finalize", false, "status.phase", false},
    {"", "v1", "ConfigMap", "configmaps", true, "cm", false, false, false, "", false, "", false},
    {"", "v1", "Secret", "secrets", true, "", false, false, false, "", false, "type", false},
    {"", "v1", "Service", "services", true, "svc", true, true, false, "proxy", false, "", false},
    {"", "v1", "ServiceAccount", "serviceaccounts", true, "sa", false, false, false, "token", false, "", false},
    {"", "v1", "Pod", "pods", true, "po", true, true, false, "log,eviction,binding,exec,attach,portforward,proxy", false,
     "spec.nodeName,spec.restartPolicy,spec.schedulerName,spec.serviceAccountName,status.phase,status.podIP,status.nominatedNodeName", false},
    {"", "v1", "Event", "events", true, "ev", false, false, false, "", false,
     "involvedObject.kind,involvedObject.namespace,involvedObject.name,involvedObject.uid,involvedObject.apiVersion,involvedObject.resourceVersion,involvedObject.fieldPath,reason,reportingComponent,source,type", false},
    {"", "v1", "Endpoints", "endpoints", true, "ep", false, false, false, "", false, "", false},
    {"", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc", false, true, false, "", false, "", false},
    {"", "v1", "PersistentVolume", "persistentvolumes", false, "pv", false, true, false, "", false, "", false},
    {"", "v1", "Node", "nodes", false, "no", false, true, false, "proxy", false, "spec.unschedulable", false},
    {"", "v1", "ResourceQuota", "resourcequotas", true, "quota", false, true, false, "", false, "", false},
    {"", "v1", "LimitRange", "limitranges", true, "limits", false, false, false, "", false, "", false},
    {"apps", "v1", "Deployment", "deployments", true, "deploy", true, true, true, "", true, "", false},
    {"apps", "v1", "ReplicaSet", "replicasets", true, "rs", true, true, true, "", true, "status.replicas", false},
    {"apps", "v1", "DaemonSet", "daemonsets", true, "ds", true, true, false, "", true, "", false},
    {"apps", "v1", "StatefulSet", "statefulsets", true, "sts", true, true, true, "", true, "", false},
    {"apps", "v1", "ControllerRevision", "controllerrevisions", true, "", false, false, false, "", false, "", false},
    {"batch", "v1", "Job", "jobs", true, "", true, true, false, "", true, "status.successful", false},
    {"batch", "v1", "CronJob", "cronjobs", true, "cj", true, true, false, "", true, "", false},
    {"autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa", true, true, false, "", false, "", false},
    {"autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa", true, true, false, "", false, "", false},
    {"policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, "pdb", false, true, false, "", true, "", false},
    {"rbac.authorization.k8s.io", "v1", "Role", "roles", true, "", false, false, false, "", false, "", false},
    {"rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, "", false, false, false, "", false, "", false},
    {"rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, "", false, false, false, "", false, "", false},
    {"rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, "", false, false, false, "", false, "", false},
    {"coordination.k8s.io", "v1", "Lease", "leases", true, "", false, false, false, "", false, "", false},
    {"networking.k8s.io", "v1", "Ingress", "ingresses", true, "ing", false, true, false, "", true, "", false},
    {"apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, "crd,crds", false, true, false, "", true, "", false},
    {"admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false, "", false, false, false, "", true, "", false},
    {"admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false, "", false, false, false, "", true, "", false},
    {"authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false, "", false, false, false, "", false, "", true},
    {"authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false, "", false, false, false, "", false, "", true},
    {"authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false, "", false, false, false, "", false, "", true},
    {"authorization.k8s.io", "v1", "LocalSubjectAccessReview", "localsubjectaccessreviews", true, "", false, false, false, "", false, "", true},
    {"authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false, "", false, false, false, "", false, "", true},
};

// Group order of kube-apiserver's discovery.
const char *const builtinGroupOrder[] = {
    "", "apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
    "autoscaling", "batch", "certificates.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io",
    "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "scheduling.k8s.io",
    "coordination.k8s.io", "node.k8s.io", "discovery.k8s.io", "flowcontrol.apiserver.k8s.io",
};

QString singularOf(const QString &kind)
{
    return kind.toLower();
}

} // namespace

ResourceCatalog::ResourceCatalog(QObject *parent) : QObject(parent)
{
    addBuiltins();
}

void ResourceCatalog::addBuiltins()
{
    for (const BuiltinSpec &spec : builtinSpecs) {
        ResourceType type;
        type.group = QString::fromLatin1(spec.group);
        type.version = QString::fromLatin1(spec.version);
        type.kind = QString::fromLatin1(spec.kind);
        type.plural = QString::fromLatin1(spec.plural);
        type.singular = singularOf(type.kind);
        type.namespaced = spec.namespaced;
        type.verbs = spec.createOnly ? createOnlyVerbs() : allVerbs();
        type.shortNames = split(spec.shortNames);
        if (spec.inAllCategory)
            type.categories = {QStringLiteral("all")};
        type.hasStatus = spec.hasStatus;
        type.hasScale = spec.hasScale;
        type.extraSubresources = split(spec.extraSubresources);
        type.usesGeneration = spec.usesGeneration;
        type.selectableFields = split(spec.selectableFields);
        // autoscaling/v2 is preferred; v1 is served too with the same storage.
        type.preferred = !(type.group == QLatin1String("autoscaling") && type.version == QLatin1String("v1"));
        m_types.append(type);
    }
}

std::optional<ResourceType> ResourceCatalog::find(const QString &group, const QString &version,
                                                  const QString &plural) const
{
    for (const ResourceType &type : m_types) {
        if (type.plural == plural && type.group == group && type.version == version)
            return type;
    }
    return std::nullopt;
}

std::optional<ResourceType> ResourceCatalog::findByKind(const QString &group, const QString &kind) const
{
    std::optional<ResourceType> fallback;
    for (const ResourceType &type : m_types) {
        if (type.kind == kind && type.group == group) {
            if (type.preferred)
                return type;
            fallback = type;
        }
    }
    return fallback;
}

std::optional<ResourceType> ResourceCatalog::findByStorageKey(const QString &storageKey) const
{
    std::optional<ResourceType> fallback;
    for (const ResourceType &type : m_types) {
        if (type.storageKey() == storageKey) {
            if (type.preferred)
                return type;
            fallback = type;
        }
    }
    return fallback;
}

QStringList ResourceCatalog::groups() const
{
    QStringList ordered;
    QSet<QString> present;
    for (const ResourceType &type : m_types)
        present.insert(type.group);
    for (const char *name : builtinGroupOrder) {
        const QString group = QString::fromLatin1(name);
        if (present.contains(group))
            ordered << group;
    }
    QStringList custom;
    for (const QString &group : std::as_const(present)) {
        if (!ordered.contains(group))
            custom << group;
    }
    custom.sort();
    return ordered + custom;
}

QStringList ResourceCatalog::versionsOf(const QString &group) const
{
    QStringList preferredFirst;
    QStringList others;
    for (const ResourceType &type : m_types) {
        if (type.group != group)
            continue;
        QStringList &bucket = type.preferred ? preferredFirst : others;
        if (!preferredFirst.contains(type.version) && !others.contains(type.version))
            bucket << type.version;
    }
    return preferredFirst + others;
}

void ResourceCatalog::addCustomTypes(const QString &crdName, const QList<ResourceType> &types)
{
    removeCustomTypes(crdName);
    for (const ResourceType &type : types) {
        m_types.erase(std::remove_if(m_types.begin(), m_types.end(),
                                     [&](const ResourceType &existing) {
                                         return existing.custom && existing.group == type.group
                                             && existing.plural == type.plural && existing.version == type.version;
                                     }),
                      m_types.end());
        m_types.append(type);
        m_crdKeys.insert(crdName, type.storageKey());
    }
    ++m_generation;
    Q_EMIT changed();
}

void ResourceCatalog::removeCustomTypes(const QString &crdName)
{
    const QList<QString> keys = m_crdKeys.values(crdName);
    if (keys.isEmpty())
        return;
    m_types.erase(std::remove_if(m_types.begin(), m_types.end(),
                                 [&](const ResourceType &type) { return type.custom && keys.contains(type.storageKey()); }),
                  m_types.end());
    m_crdKeys.remove(crdName);
    ++m_generation;
    Q_EMIT changed();
}

} // namespace fd::sim

#include "moc_ResourceCatalog.cpp"
