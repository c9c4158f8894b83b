#include "fission/TenantModel.h"

#include "fission/FissionTypes.h"
#include "fission/Tr.h"

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission {

QString tenantStateId(Tenant::State state)
{
    switch (state) {
    case Tenant::State::Unknown: return u"unknown"_s;
    case Tenant::State::Served: return u"served"_s;
    case Tenant::State::NotWatched: return u"not-watched"_s;
    case Tenant::State::PartiallyServed: return u"partially-served"_s;
    case Tenant::State::PendingOnboarding: return u"pending-onboarding"_s;
    case Tenant::State::Terminating: return u"terminating"_s;
    case Tenant::State::MissingNamespace: return u"missing-namespace"_s;
    }
    return u"unknown"_s;
}

QString tenantStateDisplay(Tenant::State state)
{
    switch (state) {
    case Tenant::State::Unknown: return translate("fd::fission", "unknown");
    case Tenant::State::Served: return translate("fd::fission", "served");
    case Tenant::State::NotWatched: return translate("fd::fission", "not watched");
    case Tenant::State::PartiallyServed: return translate("fd::fission", "partially served (rollout)");
    case Tenant::State::PendingOnboarding: return translate("fd::fission", "onboarding");
    case Tenant::State::Terminating: return translate("fd::fission", "terminating");
    case Tenant::State::MissingNamespace: return translate("fd::fission", "namespace missing");
    }
    return {};
}

int Tenant::objectCount() const
{
    int n = 0;
    for (int c : counts)
        n += c;
    return n;
}

bool Tenant::operator==(const Tenant &other) const
{
    return namespaceName == other.namespaceName && state == other.state && serving.state == other.serving.state
        && serving.inTemplateEnv == other.serving.inTemplateEnv && serving.viaTenant == other.serving.viaTenant
        && serving.servingComponents == other.serving.servingComponents
        && serving.lackingComponents == other.serving.lackingComponents && inWatchedSet == other.inWatchedSet
        && holdsObjects == other.holdsObjects && tenantObjects == other.tenantObjects && enabledLabel == other.enabledLabel
        && namespaceKnown == other.namespaceKnown && namespaceExists == other.namespaceExists
        && namespaceTerminating == other.namespaceTerminating && counts == other.counts;
}

const QList<KindInfo> &TenantModel::inputs()
{
    static const QList<KindInfo> list = [] {
        QList<KindInfo> l = kinds::tenantContentKinds();
        l << kinds::fissionTenants() << kinds::namespaces();
        return l;
    }();
    return list;
}

const Tenant *TenantModel::tenant(const QString &namespaceName) const
{
    const auto it = m_tenants.constFind(namespaceName);
    return it == m_tenants.cend() ? nullptr : &*it;
}

QMultiHash<QString, QString> TenantModel::tenantsByNamespace(const ClusterState &state)
{
    QMultiHash<QString, QString> out;
    for (const KubeObject &o : state.list(kinds::fissionTenants())) {
        // spec.namespace only: parsing the whole tenant is not needed here.
        const auto ns = o.stringAt(u"spec.namespace");
        if (ns && !ns->isEmpty())
            out.insert(*ns, o.name());
    }
    return out;
}

std::optional<Tenant> TenantModel::compute(const ClusterState &state, const InstallReport &install, const QString &ns,
                                           const QMultiHash<QString, QString> &tenantsByNs)
{
    Tenant t;
    t.namespaceName = ns;
    for (const KindInfo &k : kinds::tenantContentKinds()) {
        const qsizetype n = state.listInNamespace(k, ns).size();
        if (n > 0)
            t.counts.insert(k.kind, int(n));
    }
    t.holdsObjects = !t.counts.isEmpty();
    t.tenantObjects = tenantsByNs.values(ns);
    t.tenantObjects.sort();

    const KubeObject nsObject = state.get(kinds::namespaces(), QString(), ns);
    t.namespaceKnown = state.covers(kinds::namespaces(), QString());
    t.namespaceExists = !nsObject.isNull() || !t.namespaceKnown;
    t.namespaceTerminating = !nsObject.isNull() && nsObject.hasDeletionTimestamp();
    if (!nsObject.isNull())
        t.enabledLabel = nsObject.label(u"fission.io/enabled");

    for (const FissionInstall &i : install.installs) {
        if (i.allWatchedNamespaces().contains(ns) || i.clusterEligibleNamespaces.contains(ns)) {
            t.inWatchedSet = true;
            break;
        }
    }
    const bool labelled = t.enabledLabel && *t.enabledLabel == u"true";
    if (!t.inWatchedSet && !t.holdsObjects && t.tenantObjects.isEmpty() && !labelled)
        return std::nullopt;

    t.serving = install.serving(ns);
    if (t.namespaceKnown && !t.namespaceExists) {
        t.state = Tenant::State::MissingNamespace;
    } else if (t.namespaceTerminating) {
        t.state = Tenant::State::Terminating;
    } else {
        switch (t.serving.state) {
        case NamespaceServing::State::Unknown: t.state = Tenant::State::Unknown; break;
        case NamespaceServing::State::Served: t.state = Tenant::State::Served; break;
        case NamespaceServing::State::NotWatched: t.state = Tenant::State::NotWatched; break;
        case NamespaceServing::State::PartiallyServed: t.state = Tenant::State::PartiallyServed; break;
        case NamespaceServing::State::PendingOnboarding: t.state = Tenant::State::PendingOnboarding; break;
        }
    }
    return t;
}

void TenantModel::apply(const QString &ns, std::optional<Tenant> tenant, Change &change)
{
    const auto it = m_tenants.find(ns);
    if (!tenant) {
        if (it != m_tenants.end()) {
            m_tenants.erase(it);
            change.removed.append(ns);
        }
        return;
    }
    if (it == m_tenants.end()) {
        m_tenants.insert(ns, *tenant);
        change.added.append(ns);
    } else if (!(*it == *tenant)) {
        *it = *tenant;
        change.changed.append(ns);
    }
}

TenantModel::Change TenantModel::rebuild(const ClusterState &state, const InstallReport &install)
{
    QSet<QString> candidates;
    for (const QString &ns : m_tenants.keys())
        candidates.insert(ns);
    for (const FissionInstall &i : install.installs) {
        candidates.unite(i.allWatchedNamespaces());
        candidates.unite(i.clusterEligibleNamespaces);
    }
    for (const KindInfo &k : kinds::tenantContentKinds()) {
        for (const KubeObject &o : state.list(k))
            candidates.insert(o.namespaceName());
    }
    const QMultiHash<QString, QString> byNs = tenantsByNamespace(state);
    for (auto it = byNs.begin(); it != byNs.end(); ++it)
        candidates.insert(it.key());
    for (const KubeObject &n : state.listByLabel(kinds::namespaces(), u"fission.io/enabled"_s, u"true"_s))
        candidates.insert(n.name());

    Change change;
    QStringList sorted(candidates.begin(), candidates.end());
    sorted.sort();
    for (const QString &ns : std::as_const(sorted))
        apply(ns, compute(state, install, ns, byNs), change);
    return change;
}

TenantModel::Change TenantModel::update(const ClusterState &state, const InstallReport &install, const QSet<QString> &namespaces)
{
    const QMultiHash<QString, QString> byNs = tenantsByNamespace(state);
    Change change;
    QStringList sorted(namespaces.begin(), namespaces.end());
    sorted.sort();
    for (const QString &ns : std::as_const(sorted)) {
        if (!ns.isEmpty())
            apply(ns, compute(state, install, ns, byNs), change);
    }
    return change;
}

} // namespace fd::fission
