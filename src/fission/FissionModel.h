#pragma once

#include "fission/ClusterState.h"
#include "fission/DiagnosticsEngine.h"
#include "fission/FissionIndex.h"
#include "fission/InstallDetection.h"
#include "fission/TenantModel.h"
#include "kube/store/Delta.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

namespace fd::fission {

// What changed in a cluster since the last update: per kind, the namespaces touched. Built from
// the session's delta batches (or by hand in tests).
class ChangeSet
{
public:
    // One changed object (its kind from apiVersion/kind).
    void add(const fd::kube::KubeObject &object);
    void add(const GroupResource &gr, const fd::kube::KubeObject &object);
    void add(const GroupResource &gr, const QList<fd::kube::Delta> &deltas);
    // Everything of a kind may have changed (a relist, a coverage change).
    void addKind(const GroupResource &gr);

    bool isEmpty() const { return m_kinds.isEmpty(); }
    QSet<GroupResource> kinds() const;
    bool touches(const GroupResource &gr) const { return m_kinds.contains(gr); }
    // Namespaces a change of `gr` touched; empty with wholeKind() true for addKind().
    QSet<QString> namespaces(const GroupResource &gr) const { return m_kinds.value(gr).namespaces; }
    bool wholeKind(const GroupResource &gr) const { return m_kinds.value(gr).whole; }
    // Namespaces where a workload labelled `svc` (a control-plane candidate) changed.
    const QSet<QString> &controlPlaneNamespaces() const { return m_controlPlaneNamespaces; }
    // Namespaces named by changed FissionTenants (spec.namespace) and changed Namespace objects.
    const QSet<QString> &tenantNamespaces() const { return m_tenantNamespaces; }

private:
    struct KindChange {
        QSet<QString> namespaces;
        bool whole = false;
    };
    QHash<GroupResource, KindChange> m_kinds;
    QSet<QString> m_controlPlaneNamespaces;
    QSet<QString> m_tenantNamespaces;
};

// The domain model of one cluster: install report, tenant tree, typed objects and findings,
// kept up to date incrementally from ChangeSets. Runs on the caller's thread (the session's);
// the ClusterState must outlive it.
class FissionModel
{
public:
    explicit FissionModel(const ClusterState &state, RuleSettings settings = {},
                          std::vector<std::unique_ptr<Rule>> rules = defaultRules());
    ~FissionModel();

    // `helm` decodes Helm releases; nullptr leaves FissionInstall::helm empty. Not owned.
    void setHelmReader(HelmReleaseReader *helm) { m_helm = helm; }

    struct Update {
        bool installChanged = false;
        TenantModel::Change tenants;
        FindingsDiff findings;
    };
    // Reads everything again.
    Update refresh(const QDateTime &now);
    // Applies what changed since the last update.
    Update apply(const ChangeSet &changes, const QDateTime &now);
    // Re-runs the rules whose thresholds have passed (call at nextRecheck()).
    Update tick(const QDateTime &now);

    const InstallReport &install() const { return m_install; }
    const TenantModel &tenants() const { return m_tenants; }
    const FissionIndex &index() const { return m_index; }
    QList<Finding> findings() const { return m_engine.findings(); }
    QDateTime nextRecheck() const { return m_engine.nextRecheck(); }
    const DiagnosticsEngine &engine() const { return m_engine; }
    const RuleSettings &settings() const { return m_settings; }

private:
    bool installMayHaveChanged(const ChangeSet &changes) const;
    RuleContext context(const QDateTime &now) const;

    const ClusterState &m_state;
    RuleSettings m_settings;
    HelmReleaseReader *m_helm = nullptr;
    InstallReport m_install;
    TenantModel m_tenants;
    FissionIndex m_index;
    DiagnosticsEngine m_engine;
    bool m_loaded = false;
};

} // namespace fd::fission
