#pragma once

#include "fission/ClusterState.h"
#include "fission/InstallDetection.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::fission {

// One tenant = one namespace that Fission serves, should serve, or holds Fission objects.
struct Tenant {
    enum class State {
        Unknown,           // the control plane could not be read
        Served,
        NotWatched,        // holds objects (or a label) but no Fission process watches it
        PartiallyServed,   // a rollout is changing the watched set: some processes serve it
        PendingOnboarding, // a FissionTenant / label / cluster mode onboards it, not Ready yet
        Terminating,       // the Namespace is being deleted
        MissingNamespace,  // named by the Helm env or a FissionTenant, but no such Namespace
    };

    QString namespaceName;
    State state = State::Unknown;
    NamespaceServing serving;

    // Why it is in the tree.
    bool inWatchedSet = false;     // some install watches (or will watch) it
    bool holdsObjects = false;     // Fission objects live in it
    QStringList tenantObjects;     // FissionTenants whose spec.namespace is this namespace
    std::optional<QString> enabledLabel; // fission.io/enabled on the Namespace, when set

    bool namespaceKnown = false;   // Namespaces could be read
    bool namespaceExists = false;
    bool namespaceTerminating = false;

    // Objects per kind ("Function" → 3); kinds with none are absent.
    QMap<QString, int> counts;

    int objectCount() const;
    bool operator==(const Tenant &other) const;
};
QString tenantStateId(Tenant::State state); // "served", "not-watched", … (stable, for JSON)
QString tenantStateDisplay(Tenant::State state); // translated

// The tenant tree of one cluster: the union of watched namespaces, namespaces holding Fission
// objects, FissionTenants' namespaces and namespaces labelled fission.io/enabled. Updated per
// changed namespace: counting uses the per-namespace index, so a delta touching one namespace
// costs what that namespace holds, not what the cluster holds.
class TenantModel
{
public:
    struct Change {
        QStringList added;
        QStringList changed;
        QStringList removed;
        bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
    };

    // Recomputes everything (first load, or the install report changed).
    Change rebuild(const ClusterState &state, const InstallReport &install);
    // Recomputes the given namespaces only.
    Change update(const ClusterState &state, const InstallReport &install, const QSet<QString> &namespaces);

    const QMap<QString, Tenant> &tenants() const { return m_tenants; }
    const Tenant *tenant(const QString &namespaceName) const;

    // The kinds whose changes can change a tenant (besides the install report).
    static const QList<KindInfo> &inputs();

private:
    // nullopt: the namespace is no tenant.
    static std::optional<Tenant> compute(const ClusterState &state, const InstallReport &install, const QString &namespaceName,
                                         const QMultiHash<QString, QString> &tenantsByNamespace);
    static QMultiHash<QString, QString> tenantsByNamespace(const ClusterState &state);
    void apply(const QString &ns, std::optional<Tenant> tenant, Change &change);

    QMap<QString, Tenant> m_tenants;
};

} // namespace fd::fission
