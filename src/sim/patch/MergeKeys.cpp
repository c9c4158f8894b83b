#include "sim/patch/MergeKeys.h"

#include <QHash>
#include <QSet>

namespace fd::sim {

namespace {

FieldStrategy mergeByKey(const QString &mergeKey, const QStringList &mapKeys = {})
{
    FieldStrategy strategy;
    strategy.smpMerge = true;
    strategy.smpMergeKey = mergeKey;
    strategy.listType = ListType::Map;
    strategy.listMapKeys = mapKeys.isEmpty() ? QStringList{mergeKey} : mapKeys;
    return strategy;
}

FieldStrategy mergeByKeyRetainingKeys(const QString &mergeKey)
{
    FieldStrategy strategy = mergeByKey(mergeKey);
    strategy.smpRetainKeys = true;
    return strategy;
}

FieldStrategy mergeAsSet()
{
    FieldStrategy strategy;
    strategy.smpMerge = true;
    strategy.listType = ListType::Set;
    return strategy;
}

FieldStrategy withProtocolDefault(FieldStrategy strategy)
{
    strategy.listMapKeyDefaults.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
    return strategy;
}

FieldStrategy withAtomicItems(FieldStrategy strategy)
{
    strategy.itemsAtomic = true;
    return strategy;
}

FieldStrategy conditionsByType()
{
    return mergeByKey(QStringLiteral("type"));
}

// SSA-only associative lists (no patch strategy: strategic merge replaces them).
FieldStrategy applyMapOnly(const QStringList &keys)
{
    FieldStrategy strategy;
    strategy.listType = ListType::Map;
    strategy.listMapKeys = keys;
    return strategy;
}

// Table keyed by "<group>|<kind>|<dotted path>". Built once; lookups are one hash probe.
class StrategyTable {
public:
    StrategyTable()
    {
        addPodTemplateKinds();
        addKindSpecificRules();
    }

    const FieldStrategy *find(const QString &group, const QString &kind, const QStringList &path) const
    {
        const auto it = m_entries.constFind(key(group, kind, path.join(QLatin1Char('.'))));
        return it == m_entries.constEnd() ? nullptr : &it.value();
    }

    static QString key(const QString &group, const QString &kind, const QString &dottedPath)
    {
        return group + QLatin1Char('|') + kind + QLatin1Char('|') + dottedPath;
    }

private:
    void add(const QString &group, const QString &kind, const QString &path, const FieldStrategy &strategy)
    {
        m_entries.insert(key(group, kind, path), strategy);
    }

    // PodSpec and Container rules below a pod spec at `podSpec` (dotted, may be empty).
    void addPodSpec(const QString &group, const QString &kind, const QString &podSpec)
    {
        const QString prefix = podSpec.isEmpty() ? QString() : podSpec + QLatin1Char('.');
        const QString name = QStringLiteral("name");
        add(group, kind, prefix + QStringLiteral("volumes"), mergeByKeyRetainingKeys(name));
        add(group, kind, prefix + QStringLiteral("imagePullSecrets"), withAtomicItems(mergeByKey(name)));
        add(group, kind, prefix + QStringLiteral("hostAliases"), mergeByKey(QStringLiteral("ip")));
        add(group, kind, prefix + QStringLiteral("topologySpreadConstraints"),
            mergeByKey(QStringLiteral("topologyKey"), {QStringLiteral("topologyKey"), QStringLiteral("whenUnsatisfiable")}));
        add(group, kind, prefix + QStringLiteral("schedulingGates"), mergeByKey(name));
        add(group, kind, prefix + QStringLiteral("resourceClaims"), mergeByKeyRetainingKeys(name));
        const QStringList containerLists{QStringLiteral("containers"), QStringLiteral("initContainers"),
                                         QStringLiteral("ephemeralContainers")};
        for (const QString &list : containerLists) {
            const QString containers = prefix + list;
            add(group, kind, containers, mergeByKey(name));
            add(group, kind, containers + QStringLiteral(".ports"),
                withProtocolDefault(mergeByKey(QStringLiteral("containerPort"),
                                               {QStringLiteral("containerPort"), QStringLiteral("protocol")})));
            add(group, kind, containers + QStringLiteral(".env"), mergeByKey(name));
            add(group, kind, containers + QStringLiteral(".volumeMounts"), mergeByKey(QStringLiteral("mountPath")));
            add(group, kind, containers + QStringLiteral(".volumeDevices"), mergeByKey(QStringLiteral("devicePath")));
            add(group, kind, containers + QStringLiteral(".resources.claims"), applyMapOnly({name}));
        }
    }

    // A PodTemplateSpec at `templatePath`: its metadata follows the metadata rules too.
    void addPodTemplate(const QString &group, const QString &kind, const QString &templatePath)
    {
        addPodSpec(group, kind, templatePath + QStringLiteral(".spec"));
        addMetadata(group, kind, templatePath + QStringLiteral(".metadata"));
    }

    void addMetadata(const QString &group, const QString &kind, const QString &metadataPath)
    {
        add(group, kind, metadataPath + QStringLiteral(".finalizers"), mergeAsSet());
        add(group, kind, metadataPath + QStringLiteral(".ownerReferences"),
            withAtomicItems(mergeByKey(QStringLiteral("uid"))));
    }

    void addPodTemplateKinds()
    {
        const QString core;
        const QString apps = QStringLiteral("apps");
        const QString batch = QStringLiteral("batch");
        addPodSpec(core, QStringLiteral("Pod"), QStringLiteral("spec"));
        addPodTemplate(core, QStringLiteral("PodTemplate"), QStringLiteral("template"));
        addPodTemplate(core, QStringLiteral("ReplicationController"), QStringLiteral("spec.template"));
        for (const char *kind : {"Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"})
            addPodTemplate(apps, QString::fromLatin1(kind), QStringLiteral("spec.template"));
        addPodTemplate(batch, QStringLiteral("Job"), QStringLiteral("spec.template"));
        addPodTemplate(batch, QStringLiteral("CronJob"), QStringLiteral("spec.jobTemplate.spec.template"));
        addMetadata(batch, QStringLiteral("CronJob"), QStringLiteral("spec.jobTemplate.metadata"));
    }

    void addKindSpecificRules()
    {
        const QString core;
        const QString conditions = QStringLiteral("status.conditions");
        const QString ip = QStringLiteral("ip");

        add(core, QStringLiteral("Pod"), conditions, conditionsByType());
        add(core, QStringLiteral("Pod"), QStringLiteral("status.podIPs"), mergeByKey(ip));
        FieldStrategy hostIPs = mergeByKey(ip);
        hostIPs.listType = ListType::Atomic; // merge for SMP, but +listType=atomic for apply
        hostIPs.listMapKeys.clear();
        add(core, QStringLiteral("Pod"), QStringLiteral("status.hostIPs"), hostIPs);
        add(core, QStringLiteral("Pod"), QStringLiteral("status.resourceClaimStatuses"),
            mergeByKeyRetainingKeys(QStringLiteral("name")));

        add(core, QStringLiteral("Service"), QStringLiteral("spec.ports"),
            withProtocolDefault(mergeByKey(QStringLiteral("port"), {QStringLiteral("port"), QStringLiteral("protocol")})));
        add(core, QStringLiteral("Service"), conditions, conditionsByType());
        add(core, QStringLiteral("ServiceAccount"), QStringLiteral("secrets"),
            withAtomicItems(mergeByKey(QStringLiteral("name"))));
        add(core, QStringLiteral("Namespace"), conditions, conditionsByType());
        add(core, QStringLiteral("PersistentVolumeClaim"), conditions, conditionsByType());
        add(core, QStringLiteral("ReplicationController"), conditions, conditionsByType());
        add(core, QStringLiteral("Node"), QStringLiteral("spec.podCIDRs"), mergeAsSet());
        add(core, QStringLiteral("Node"), conditions, conditionsByType());
        add(core, QStringLiteral("Node"), QStringLiteral("status.addresses"), mergeByKey(QStringLiteral("type")));
        add(core, QStringLiteral("ComponentStatus"), QStringLiteral("conditions"), conditionsByType());

        const QString apps = QStringLiteral("apps");
        FieldStrategy retainKeys;
        retainKeys.smpRetainKeys = true;
        add(apps, QStringLiteral("Deployment"), QStringLiteral("spec.strategy"), retainKeys);
        for (const char *kind : {"Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"})
            add(apps, QString::fromLatin1(kind), conditions, conditionsByType());

        FieldStrategy jobConditions = conditionsByType();
        jobConditions.listType = ListType::Atomic; // +listType=atomic beside the patch tags
        jobConditions.listMapKeys.clear();
        add(QStringLiteral("batch"), QStringLiteral("Job"), conditions, jobConditions);
        add(QStringLiteral("batch"), QStringLiteral("Job"), QStringLiteral("status.uncountedTerminatedPods.succeeded"),
            [] { FieldStrategy s; s.listType = ListType::Set; return s; }());
        add(QStringLiteral("batch"), QStringLiteral("Job"), QStringLiteral("status.uncountedTerminatedPods.failed"),
            [] { FieldStrategy s; s.listType = ListType::Set; return s; }());

        add(QStringLiteral("autoscaling"), QStringLiteral("HorizontalPodAutoscaler"), conditions, conditionsByType());
        add(QStringLiteral("policy"), QStringLiteral("PodDisruptionBudget"), conditions, conditionsByType());
    }

    QHash<QString, FieldStrategy> m_entries;
};

const StrategyTable &table()
{
    static const StrategyTable instance;
    return instance;
}

QString normalizedGroup(const QString &group)
{
    return group == QLatin1String("core") ? QString() : group;
}

bool isObjectMetadata(const QStringList &path)
{
    return path.size() == 2 && path.first() == QLatin1String("metadata");
}

const FieldStrategy &metadataStrategy(const QString &field)
{
    static const FieldStrategy finalizers = mergeAsSet();
    static const FieldStrategy ownerReferences = withAtomicItems(mergeByKey(QStringLiteral("uid")));
    return field == QLatin1String("finalizers") ? finalizers : ownerReferences;
}

// map[string]… fields of the built-in types, by field name: labels/annotations anywhere,
// ConfigMap/Secret data, resource lists (limits, capacity, hard), StorageClass parameters.
const QSet<QString> &freeFormMapNames()
{
    static const QSet<QString> names{
        QStringLiteral("labels"), QStringLiteral("annotations"), QStringLiteral("data"),
        QStringLiteral("binaryData"), QStringLiteral("stringData"), QStringLiteral("limits"),
        QStringLiteral("requests"), QStringLiteral("overhead"), QStringLiteral("capacity"),
        QStringLiteral("allocatable"), QStringLiteral("hard"), QStringLiteral("used"),
        QStringLiteral("parameters"), QStringLiteral("allocatedResources"),
        QStringLiteral("allocatedResourceStatuses"), QStringLiteral("volumeAttributes"),
        QStringLiteral("matchLabels"), QStringLiteral("nodeSelector"), QStringLiteral("selector"),
    };
    return names;
}

// Fields whose type is +structType=atomic or +mapType=atomic: label selectors, node
// selectors, key/field references, role references.
const QSet<QString> &atomicMapNames()
{
    static const QSet<QString> names{
        QStringLiteral("selector"), QStringLiteral("labelSelector"), QStringLiteral("namespaceSelector"),
        QStringLiteral("podSelector"), QStringLiteral("nodeSelector"), QStringLiteral("scopeSelector"),
        QStringLiteral("configMapKeyRef"), QStringLiteral("secretKeyRef"), QStringLiteral("fieldRef"),
        QStringLiteral("resourceFieldRef"), QStringLiteral("fileKeyRef"), QStringLiteral("secretRef"),
        QStringLiteral("roleRef"), QStringLiteral("involvedObject"), QStringLiteral("related"),
        QStringLiteral("dataSource"), QStringLiteral("requiredDuringSchedulingIgnoredDuringExecution"),
        QStringLiteral("nodePublishSecretRef"), QStringLiteral("nodeStageSecretRef"),
        QStringLiteral("controllerPublishSecretRef"), QStringLiteral("controllerExpandSecretRef"),
        QStringLiteral("nodeExpandSecretRef"),
    };
    return names;
}

} // namespace

bool isBuiltInGroup(const QString &group)
{
    static const QSet<QString> groups{
        QString(), QStringLiteral("core"), QStringLiteral("apps"), QStringLiteral("batch"),
        QStringLiteral("autoscaling"), QStringLiteral("policy"), QStringLiteral("rbac.authorization.k8s.io"),
        QStringLiteral("networking.k8s.io"), QStringLiteral("coordination.k8s.io"),
        QStringLiteral("apiextensions.k8s.io"), QStringLiteral("apiregistration.k8s.io"),
        QStringLiteral("storage.k8s.io"), QStringLiteral("discovery.k8s.io"), QStringLiteral("events.k8s.io"),
        QStringLiteral("scheduling.k8s.io"), QStringLiteral("admissionregistration.k8s.io"),
        QStringLiteral("certificates.k8s.io"), QStringLiteral("node.k8s.io"),
        QStringLiteral("flowcontrol.apiserver.k8s.io"), QStringLiteral("resource.k8s.io"),
        QStringLiteral("authentication.k8s.io"), QStringLiteral("authorization.k8s.io"),
    };
    return groups.contains(group);
}

const FieldStrategy *fieldStrategy(const QString &group, const QString &kind, const QStringList &path)
{
    if (isObjectMetadata(path)
        && (path.last() == QLatin1String("finalizers") || path.last() == QLatin1String("ownerReferences")))
        return &metadataStrategy(path.last());
    const QString builtInGroup = normalizedGroup(group);
    if (!isBuiltInGroup(builtInGroup))
        return nullptr;
    return table().find(builtInGroup, kind, path);
}

bool isFreeFormMap(const QString &group, const QString &kind, const QStringList &path)
{
    Q_UNUSED(kind);
    if (path.isEmpty())
        return false;
    if (isObjectMetadata(path))
        return path.last() == QLatin1String("labels") || path.last() == QLatin1String("annotations");
    if (!isBuiltInGroup(normalizedGroup(group)))
        return false;
    return freeFormMapNames().contains(path.last());
}

bool isAtomicMap(const QString &group, const QString &kind, const QStringList &path)
{
    Q_UNUSED(kind);
    if (path.isEmpty() || !isBuiltInGroup(normalizedGroup(group)))
        return false;
    return atomicMapNames().contains(path.last());
}

} // namespace fd::sim
