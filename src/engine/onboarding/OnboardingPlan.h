#pragma once

#include "engine/onboarding/ManifestObjects.h"
#include "helm/Release.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// What onboarding (or offboarding) namespaces on a legacy/static Fission install will do, computed
// before anything changes (OnboardingPlanner) and executed by OnboardingRun. Value types only, so a
// dialog can show a Plan and keep it while the user decides.

namespace fd::engine::onboarding {

// One environment variable of one container that differs between the live workload and the
// rendered one. nullopt = absent on that side. valueFrom entries compare as their JSON.
struct EnvChange {
    QString container;
    QString name;
    std::optional<QString> before;
    std::optional<QString> after;
};

// A control-plane Deployment/DaemonSet (or hook Job) whose pod template changes: it rolls.
struct WorkloadRoll {
    QString kind; // "Deployment", "DaemonSet"
    QString name;
    QList<EnvChange> envChanges;
    QStringList otherChanges; // "image of executor: a -> b", "template annotation x", …
    bool created = false;     // rendered but not live: Helm creates it (no roll)
    bool deleted = false;     // live in the old manifest, not rendered: Helm deletes it
};

struct RbacChange {
    enum class Action { Create, Delete };
    Action action = Action::Create;
    QString kind; // Role, RoleBinding (ClusterRole… too when they change)
    QString namespaceName;
    QString name;
};

// A chart hook that runs as part of the upgrade (the 1.20 chart's pre-upgrade check Job, …).
struct HookStep {
    QString kind;
    QString name;
    QStringList events; // pre-upgrade, post-upgrade, …
};

// The impact of one variant of the plan (adoptExistingResources as deployed, or forced true).
struct PlanImpact {
    bool adoptExistingResources = false; // the value the render uses
    QList<WorkloadRoll> rolling;          // changed pod templates (created/deleted ones included)
    QList<RbacChange> rbac;
    QList<HookStep> hooks;
    // Function pods (labelled executorType) the restarted executor deletes: all of them when it
    // rolls without adoptExistingResources, none otherwise.
    int functionPodsRecycled = 0;
    int functionPodsTotal = 0;
    QString valuesText; // the user values this variant sends

    QStringList rollingNames() const; // names of workloads that roll (not created/deleted)
    QList<RbacChange> rbacIn(const QString &namespaceName) const;
    QJsonObject toJson() const;
};

enum class ChartSource {
    StoredInRelease, // rebuilt from the chart Helm stored in the release (ChartWriter)
    UserChart,       // a chart directory, archive or reference the user gave
};

struct Plan {
    QString kubeContext;
    QString releaseName;
    QString releaseNamespace;
    int baseRevision = 0;   // the revision the values were read from (the upgrade base)
    int latestRevision = 0; // the release's latest revision when planned
    QString chartName;      // "fission-all"
    QString chartVersion;   // "v1.20.5"
    ChartSource chartSource = ChartSource::StoredInRelease;
    QString chartReference;          // UserChart: what to pass to helm
    fd::helm::ReleaseChart storedChart; // StoredInRelease: what ChartWriter writes

    QStringList namespacesBefore; // additionalFissionNamespaces as deployed
    QStringList namespacesAfter;
    QStringList added;
    QStringList removed;
    QString defaultNamespace;

    QString valuesBefore; // the user values as the editor shows them
    PlanImpact impact;    // with the values as edited
    // The same change with executor.adoptExistingResources: true, when the chart knows the key
    // and the values do not set it already.
    std::optional<PlanImpact> adoptAlternative;

    // Preconditions. The chart writes Roles into every listed namespace and Helm creates none.
    QStringList missingNamespaces;
    QStringList warnings; // translated

    bool isNoop() const { return added.isEmpty() && removed.isEmpty(); }
    // The plan was computed from an older revision than `latestRevision` now (someone upgraded).
    bool isStale(int currentLatestRevision) const { return currentLatestRevision != latestRevision; }
    QJsonObject toJson() const;
};

// How a modern cluster gets to serve a namespace (fission-reference.md §4, "Label sugar").
enum class TenantOnboardMethod {
    CreateTenant,      // a FissionTenant named after the namespace (`fission tenant enable`)
    LabelNamespace,    // dynamic: label it fission.io/enabled=true; the controller makes the tenant
    RemoveOptOutLabel, // cluster: it is labelled fission.io/enabled=false; removing that label re-onboards it
};
QString tenantOnboardMethodId(TenantOnboardMethod method); // "tenant", "label", "remove-opt-out" (stable)

// For modern clusters (dynamic/cluster tenancy): FissionTenant objects, no restart.
struct TenantPlan {
    QString kubeContext;
    QString world; // tenancyWorldId
    QStringList onboard;           // namespaces that get a FissionTenant
    QStringList alreadyOnboarded;  // a tenant already names them
    QStringList offboard;          // tenants to delete (by spec.namespace)
    QStringList notOnboarded;      // offboard requests for namespaces without a tenant
    QStringList missingNamespaces; // onboard requests for namespaces that do not exist
    QHash<QString, int> functionsLeft; // offboard: namespace -> functions that stop being served
    QHash<QString, QString> tenantNames; // namespace -> the FissionTenant that names it
    QHash<QString, TenantOnboardMethod> methods; // onboard: how (default CreateTenant)
    QStringList warnings;
    QStringList notes; // translated: what the plan does differently from creating a tenant, and why

    TenantOnboardMethod methodFor(const QString &namespaceName) const
    {
        return methods.value(namespaceName, TenantOnboardMethod::CreateTenant);
    }

    QJsonObject toJson() const;
};

} // namespace fd::engine::onboarding

Q_DECLARE_METATYPE(fd::engine::onboarding::Plan)
