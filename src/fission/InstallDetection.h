#pragma once

#include "fission/ClusterState.h"
#include "fission/HelmReleaseInfo.h"
#include "fission/WatchedNamespaces.h"
#include "fission/Workloads.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// Install detection (fission-reference §3, §4, §9): where Fission's control plane runs, which
// version, which Helm release, which tenancy world, and which namespaces its processes really
// watch: the pod template env of each control-plane Deployment and the env of its running pods,
// which differ during a rollout, and may differ from the Helm values after a failed upgrade.
// The live env wins over the values: it is what the processes read at start-up.

namespace fd::fission {

// fission-reference §4, "Telling the models apart".
enum class TenancyWorld {
    Unknown,      // control plane not readable, or a FISSION_TENANCY_MODE value Fission does not know
    Legacy,       // no FISSION_TENANCY_MODE (≤ 1.26): Helm values are the truth
    ModernStatic, // FISSION_TENANCY_MODE=static: Helm values; FissionTenants are inert
    Dynamic,      // FissionTenants and the fission.io/enabled=true label onboard at runtime
    Cluster,      // every eligible namespace gets a tenant automatically
};
// "legacy", "static", "dynamic", "cluster", "unknown" (stable, for JSON).
QString tenancyWorldId(TenancyWorld world);
// For humans (translated).
QString tenancyWorldDisplay(TenancyWorld world);
// True when onboarding means a Helm upgrade that restarts the control plane.
inline bool isHelmOnboarding(TenancyWorld world)
{
    return world == TenancyWorld::Legacy || world == TenancyWorld::ModernStatic;
}

struct ControlPlanePod {
    PodInfo pod;
    NamespaceEnv env;
    QSet<QString> watched;       // env.watchedNamespaces(), parsed once
    bool matchesTemplate = true; // its FISSION_* env equals the Deployment's current template
};

// One control-plane workload (a Deployment or DaemonSet labelled svc=<name> in the release
// namespace) with its pods.
struct ControlPlaneComponent {
    QString name; // the svc label: executor, router, buildermgr, storagesvc, webhook-service, …
    WorkloadInfo workload;
    NamespaceEnv templateEnv;
    QString image;
    QList<ControlPlanePod> pods; // not finished (phase not Succeeded/Failed)

    // templateEnv.watchedNamespaces(), parsed once (a fleet's list holds hundreds of namespaces).
    QStringList templateWatchedList;
    QSet<QString> templateWatchedSet;

    bool consumesNamespaces() const { return templateEnv.consumesNamespaces(); }
    const QStringList &templateWatched() const { return templateWatchedList; }
    QList<const ControlPlanePod *> readyPods() const;
    bool hasReadyPods() const { return !readyPods().isEmpty(); }
    // Ready pods that still run an older FISSION_* env: the rollout has not reached them yet.
    QList<const ControlPlanePod *> podsOnOldEnv() const;
};

// How one namespace is served by one install.
struct NamespaceServing {
    enum class State {
        Unknown,           // the control plane could not be read
        Served,            // every consuming process watches it
        NotWatched,        // no process watches it and nothing onboards it
        PartiallyServed,   // some processes (or pods) watch it, others not yet: a rollout
        PendingOnboarding, // a FissionTenant (or the label, or cluster mode) onboards it; not Ready yet
    };
    State state = State::Unknown;
    bool inTemplateEnv = false;   // in some consuming Deployment's pod template env
    bool viaTenant = false;       // served through a Ready FissionTenant (dynamic/cluster)
    QStringList servingComponents; // components whose every ready pod watches it
    QStringList lackingComponents; // consuming components (or their pods) that do not watch it yet
};
QString namespaceServingId(NamespaceServing::State state); // "served", "not-watched", …

struct FissionInstall {
    QString releaseNamespace;
    QString releaseName;   // executor env HELM_RELEASE_NAME (else the Helm release found)
    QString chartLabel;    // Deployment label `chart`, e.g. "fission-all-v1.20.5"
    QString chartVersion;  // "1.20.5", from the label
    QString imageTag;      // executor image tag, e.g. "v1.20.5"
    TenancyWorld world = TenancyWorld::Unknown;
    QString tenancyModeText; // FISSION_TENANCY_MODE as written ("" when absent)
    bool tenantKindServed = false;  // fissiontenants.fission.io is served
    bool postTenantKinds = false;   // functionversions/workflows served: a build after 1.27.0
    bool adoptExistingResources = false; // executor ADOPT_EXISTING_RESOURCES
    bool archivePrunerEnabled = true;    // storagesvc PRUNE_ENABLED (on unless "false")
    QList<ControlPlaneComponent> components;
    NamespaceEnv seedEnv;        // the executor's template env (Helm's rendering)
    std::optional<HelmReleaseInfo> helm;

    // Dynamic/cluster tenancy: namespaces of Ready FissionTenants, and of tenants not Ready yet.
    QSet<QString> tenantReadyNamespaces;
    QSet<QString> tenantPendingNamespaces;
    // Cluster mode: namespaces the controller should onboard (all but kube-*, the release
    // namespace, and those labelled fission.io/enabled=false).
    QSet<QString> clusterEligibleNamespaces;
    // Computed once by InstallDetector (see templateWatched(), allWatchedNamespaces()).
    QStringList templateUnion;
    QSet<QString> watchedUnion;

    // "1.20.5": the chart label's version, else the image tag without "v", else Helm's chart.
    QString version() const;
    const ControlPlaneComponent *component(QStringView name) const;
    QList<const ControlPlaneComponent *> consumers() const; // components reading FISSION_* namespaces
    // Union of every consumer's template watched set, sorted.
    const QStringList &templateWatched() const { return templateUnion; }
    // Namespaces some process watches or will watch (template, pods, tenants): the tenant tree's
    // "watched" source.
    const QSet<QString> &allWatchedNamespaces() const { return watchedUnion; }
    NamespaceServing serving(const QString &namespaceName) const;
    bool tenantControllerReady() const;
    // Control-plane Deployments a Helm upgrade of the namespace list rolls (those whose template
    // carries the FISSION_* namespace env): the restart cost of onboarding on legacy/static.
    QStringList rolledByNamespaceChange() const;

    bool operator==(const FissionInstall &other) const;
};

struct InstallReport {
    enum class State {
        Unknown, // Deployments could not be read (Forbidden, not synced): cannot tell
        None,    // no control plane (Fission's kinds may still be served: leftover CRDs)
        Single,
        Several, // more than one control plane: they may clash (upstream #2726)
    };
    State state = State::Unknown;
    QString unknownReason;
    bool fissionKindsServed = false; // the cluster serves fission.io (CRDs installed)
    QList<FissionInstall> installs;

    const FissionInstall *primary() const { return installs.isEmpty() ? nullptr : &installs.first(); }
    const FissionInstall *install(QStringView releaseNamespace) const;
    // Across installs: the best serving state (Served > PartiallyServed > PendingOnboarding >
    // NotWatched); Unknown when the report is Unknown.
    NamespaceServing serving(const QString &namespaceName) const;
    bool isKnown() const { return state != State::Unknown; }
    bool operator==(const InstallReport &other) const;
};
QString installStateId(InstallReport::State state);

class InstallDetector
{
public:
    // The kinds detection reads; a change to any of them may change the report.
    static const QList<KindInfo> &inputs();
    // `helm` reads each install's Helm release (nullptr: releases are not read).
    static InstallReport detect(const ClusterState &state, HelmReleaseReader *helm = nullptr);
};

} // namespace fd::fission
