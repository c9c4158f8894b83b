#include "fission/FissionIndex.h"

namespace fd::fission {

namespace {

const QList<KindInfo> &genericKinds()
{
    static const QList<KindInfo> list{kinds::canaryConfigs(), kinds::functionVersions(), kinds::functionAliases(),
                                      kinds::workflows(), kinds::workflowRuns()};
    return list;
}

} // namespace

bool FissionIndex::isIndexed(const GroupResource &gr)
{
    if (gr == kinds::environments().gr || gr == kinds::packages().gr || gr == kinds::functions().gr
        || gr == kinds::httpTriggers().gr || gr == kinds::timeTriggers().gr || gr == kinds::messageQueueTriggers().gr
        || gr == kinds::kubernetesWatchTriggers().gr || gr == kinds::fissionTenants().gr)
        return true;
    for (const KindInfo &k : genericKinds()) {
        if (k.gr == gr)
            return true;
    }
    return false;
}

bool FissionIndex::refresh(const ClusterState &state, const GroupResource &gr)
{
    const QList<fd::kube::KubeObject> objects = state.list(gr);
    if (gr == kinds::environments().gr)
        return m_environments.refresh(objects, &Environment::parse);
    if (gr == kinds::packages().gr)
        return m_packages.refresh(objects, &Package::parse);
    if (gr == kinds::functions().gr)
        return m_functions.refresh(objects, &Function::parse);
    if (gr == kinds::httpTriggers().gr)
        return m_httpTriggers.refresh(objects, &HttpTrigger::parse);
    if (gr == kinds::timeTriggers().gr)
        return m_timeTriggers.refresh(objects, &TimeTrigger::parse);
    if (gr == kinds::messageQueueTriggers().gr)
        return m_mqTriggers.refresh(objects, &MessageQueueTrigger::parse);
    if (gr == kinds::kubernetesWatchTriggers().gr)
        return m_watchTriggers.refresh(objects, &KubernetesWatchTrigger::parse);
    if (gr == kinds::fissionTenants().gr)
        return m_tenants.refresh(objects, &FissionTenant::parse);
    for (const KindInfo &k : genericKinds()) {
        if (k.gr == gr)
            return m_others[gr].refresh(objects, &GenericFissionObject::parse);
    }
    return false;
}

bool FissionIndex::refreshAll(const ClusterState &state)
{
    bool changed = false;
    for (const KindInfo &k : kinds::all()) {
        if (isIndexed(k.gr))
            changed = refresh(state, k.gr) || changed;
    }
    return changed;
}

const TypedList<GenericFissionObject> &FissionIndex::others(const GroupResource &gr) const
{
    static const TypedList<GenericFissionObject> empty;
    const auto it = m_others.constFind(gr);
    return it == m_others.cend() ? empty : *it;
}

QList<const Trigger *> FissionIndex::allTriggers() const
{
    QList<const Trigger *> out;
    for (const HttpTrigger &t : m_httpTriggers.items())
        out.append(&t);
    for (const TimeTrigger &t : m_timeTriggers.items())
        out.append(&t);
    for (const MessageQueueTrigger &t : m_mqTriggers.items())
        out.append(&t);
    for (const KubernetesWatchTrigger &t : m_watchTriggers.items())
        out.append(&t);
    return out;
}

} // namespace fd::fission
