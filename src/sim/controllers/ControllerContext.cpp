#include "sim/controllers/ControllerContext.h"

#include "sim/api/ObjectService.h"
#include "sim/api/ResourceCatalog.h"

namespace fd::sim {

namespace {

// A catalog always serves these; the fallback only keeps a stripped-down catalog (tests,
// fuzzers) from handing the controllers an empty type.
ResourceType resolveType(const ResourceCatalog &catalog, const char *group, const char *version, const char *kind,
                         const char *plural, bool namespaced)
{
    if (auto type = catalog.findByKind(QString::fromLatin1(group), QString::fromLatin1(kind)))
        return *type;
    ResourceType type;
    type.group = QString::fromLatin1(group);
    type.version = QString::fromLatin1(version);
    type.kind = QString::fromLatin1(kind);
    type.plural = QString::fromLatin1(plural);
    type.singular = type.kind.toLower();
    type.namespaced = namespaced;
    type.verbs = allVerbs();
    return type;
}

} // namespace

KnownTypes KnownTypes::resolve(const ResourceCatalog &catalog)
{
    KnownTypes types;
    types.namespaces = resolveType(catalog, "", "v1", "Namespace", "namespaces", false);
    types.nodes = resolveType(catalog, "", "v1", "Node", "nodes", false);
    types.pods = resolveType(catalog, "", "v1", "Pod", "pods", true);
    types.events = resolveType(catalog, "", "v1", "Event", "events", true);
    types.serviceAccounts = resolveType(catalog, "", "v1", "ServiceAccount", "serviceaccounts", true);
    types.configMaps = resolveType(catalog, "", "v1", "ConfigMap", "configmaps", true);
    types.persistentVolumeClaims = resolveType(catalog, "", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true);
    types.persistentVolumes = resolveType(catalog, "", "v1", "PersistentVolume", "persistentvolumes", false);
    types.deployments = resolveType(catalog, "apps", "v1", "Deployment", "deployments", true);
    types.replicaSets = resolveType(catalog, "apps", "v1", "ReplicaSet", "replicasets", true);
    types.daemonSets = resolveType(catalog, "apps", "v1", "DaemonSet", "daemonsets", true);
    types.statefulSets = resolveType(catalog, "apps", "v1", "StatefulSet", "statefulsets", true);
    types.controllerRevisions = resolveType(catalog, "apps", "v1", "ControllerRevision", "controllerrevisions", true);
    types.jobs = resolveType(catalog, "batch", "v1", "Job", "jobs", true);
    types.cronJobs = resolveType(catalog, "batch", "v1", "CronJob", "cronjobs", true);
    return types;
}

ObjectStore *ControllerContext::store() const
{
    return objects->store();
}

} // namespace fd::sim
