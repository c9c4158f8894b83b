#include "fission/FissionModel.h"

using namespace Qt::StringLiterals;
using fd::kube::KubeObject;

namespace fd::fission {

// ---- ChangeSet -------------------------------------------------------------------------------

void ChangeSet::add(const KubeObject &object)
{
    if (const KindInfo *k = kinds::forObject(object))
        add(k->gr, object);
}

void ChangeSet::add(const GroupResource &gr, const KubeObject &object)
{
    KindChange &change = m_kinds[gr];
    const QString ns = object.namespaceName();
    change.namespaces.insert(ns);
    if ((gr == kinds::deployments().gr || gr == kinds::daemonSets().gr) && object.label(u"svc"))
        m_controlPlaneNamespaces.insert(ns);
    if (gr == kinds::namespaces().gr)
        m_tenantNamespaces.insert(object.name());
    if (gr == kinds::fissionTenants().gr) {
        const auto tenantNs = object.stringAt(u"spec.namespace");
        if (tenantNs && !tenantNs->isEmpty())
            m_tenantNamespaces.insert(*tenantNs);
    }
}

void ChangeSet::add(const GroupResource &gr, const QList<fd::kube::Delta> &deltas)
{
    for (const fd::kube::Delta &d : deltas)
        add(gr, d.object);
}

void ChangeSet::addKind(const GroupResource &gr)
{
    m_kinds[gr].whole = true;
}

QSet<GroupResource> ChangeSet::kinds() const
{
    QSet<GroupResource> out;
    for (auto it = m_kinds.begin(); it != m_kinds.end(); ++it)
        out.insert(it.key());
    return out;
}

// ---- FissionModel ----------------------------------------------------------------------------

FissionModel::FissionModel(const ClusterState &state, RuleSettings settings, std::vector<std::unique_ptr<Rule>> rules)
    : m_state(state)
    , m_settings(settings)
    , m_engine(std::move(rules))
{
}

FissionModel::~FissionModel() = default;

RuleContext FissionModel::context(const QDateTime &now) const
{
    return RuleContext{m_state, m_index, m_install, m_tenants, now, m_settings};
}

FissionModel::Update FissionModel::refresh(const QDateTime &now)
{
    Update update;
    InstallReport install = InstallDetector::detect(m_state, m_helm);
    update.installChanged = !m_loaded || !(install == m_install);
    m_install = std::move(install);
    m_index.refreshAll(m_state);
    update.tenants = m_tenants.rebuild(m_state, m_install);
    update.findings = m_engine.evaluateAll(context(now));
    m_loaded = true;
    return update;
}

bool FissionModel::installMayHaveChanged(const ChangeSet &changes) const
{
    QSet<QString> releaseNamespaces;
    for (const FissionInstall &i : m_install.installs)
        releaseNamespaces.insert(i.releaseNamespace);
    for (const GroupResource &gr : changes.kinds()) {
        if (changes.wholeKind(gr)) {
            for (const KindInfo &k : InstallDetector::inputs()) {
                if (k.gr == gr)
                    return true;
            }
            continue;
        }
        if (gr == kinds::deployments().gr || gr == kinds::daemonSets().gr) {
            // A new control plane anywhere, or a change to a known one.
            if (!changes.controlPlaneNamespaces().isEmpty())
                return true;
            if (changes.namespaces(gr).intersects(releaseNamespaces))
                return true;
        } else if (gr == kinds::pods().gr || gr == kinds::secrets().gr || gr == kinds::configMaps().gr) {
            if (changes.namespaces(gr).intersects(releaseNamespaces))
                return true;
        } else if (gr == kinds::fissionTenants().gr || gr == kinds::namespaces().gr) {
            return true;
        }
    }
    return false;
}

FissionModel::Update FissionModel::apply(const ChangeSet &changes, const QDateTime &now)
{
    if (!m_loaded)
        return refresh(now);
    Update update;
    if (installMayHaveChanged(changes)) {
        InstallReport install = InstallDetector::detect(m_state, m_helm);
        update.installChanged = !(install == m_install);
        m_install = std::move(install);
    }
    QSet<GroupResource> changedKinds;
    for (const GroupResource &gr : changes.kinds()) {
        changedKinds.insert(gr);
        if (FissionIndex::isIndexed(gr))
            m_index.refresh(m_state, gr);
    }

    if (update.installChanged) {
        update.tenants = m_tenants.rebuild(m_state, m_install);
    } else {
        QSet<QString> namespaces = changes.tenantNamespaces();
        bool whole = false;
        for (const KindInfo &k : TenantModel::inputs()) {
            if (!changes.touches(k.gr))
                continue;
            if (changes.wholeKind(k.gr))
                whole = true;
            if (k.namespaced)
                namespaces.unite(changes.namespaces(k.gr));
        }
        update.tenants = whole ? m_tenants.rebuild(m_state, m_install) : m_tenants.update(m_state, m_install, namespaces);
    }

    update.findings = m_engine.evaluateChanged(context(now), changedKinds, update.installChanged || !update.tenants.isEmpty());
    return update;
}

FissionModel::Update FissionModel::tick(const QDateTime &now)
{
    Update update;
    if (!m_loaded)
        return refresh(now);
    update.findings = m_engine.evaluateDue(context(now));
    return update;
}

} // namespace fd::fission
