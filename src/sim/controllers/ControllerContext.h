#pragma once

#include "sim/api/ResourceType.h"
#include "sim/controllers/SimTiming.h"

#include <QString>

namespace fd::sim {

class ObjectService;
class ObjectStore;
class LogStore;
class ResourceCatalog;
class EventRecorder;
class ContainerBehaviors;

// The built-in types the controllers read and write, resolved once from the catalog.
struct KnownTypes {
    ResourceType namespaces;
    ResourceType nodes;
    ResourceType pods;
    ResourceType events;
    ResourceType serviceAccounts;
    ResourceType configMaps;
    ResourceType persistentVolumeClaims;
    ResourceType persistentVolumes;
    ResourceType deployments;
    ResourceType replicaSets;
    ResourceType daemonSets;
    ResourceType statefulSets;
    ResourceType controllerRevisions;
    ResourceType jobs;
    ResourceType cronJobs;

    static KnownTypes resolve(const ResourceCatalog &catalog);
};

// What every controller of the simulated control plane shares. Owned by ControllerManager.
struct ControllerContext {
    ObjectService *objects = nullptr;
    LogStore *logs = nullptr;
    EventRecorder *events = nullptr;
    ContainerBehaviors *behaviors = nullptr;
    SimTiming timing;
    KnownTypes types;

    ObjectStore *store() const;
};

} // namespace fd::sim
