#pragma once

#include "fission/ClusterState.h"
#include "fission/FissionTypes.h"

#include <QHash>
#include <QList>
#include <QString>

namespace fd::fission {

// Typed Fission objects of one cluster, parsed once per object version: refresh() re-reads a kind
// from the ClusterState and parses only objects whose resourceVersion changed, so rules that run
// on every delta batch do not re-parse ten thousand Functions each time.
template<typename T>
class TypedList
{
public:
    // Returns true when anything changed.
    bool refresh(const QList<fd::kube::KubeObject> &objects, T (*parse)(const fd::kube::KubeObject &))
    {
        QHash<QString, QHash<QString, qsizetype>> previousByName;
        previousByName.swap(m_byName);
        QList<T> previous;
        previous.swap(m_items);
        m_byNamespace.clear();
        bool changed = previous.size() != objects.size();
        m_items.reserve(objects.size());
        for (const fd::kube::KubeObject &o : objects) {
            const QString ns = o.namespaceName();
            const QString name = o.name();
            bool reused = false;
            const auto nsIt = previousByName.constFind(ns);
            if (nsIt != previousByName.cend()) {
                const auto it = nsIt->constFind(name);
                if (it != nsIt->cend()) {
                    T &cached = previous[*it];
                    if (cached.object.isSharedWith(o) || cached.object.resourceVersion() == o.resourceVersion()) {
                        m_items.append(std::move(cached));
                        reused = true;
                    }
                }
            }
            if (!reused) {
                changed = true;
                m_items.append(parse(o));
            }
            const qsizetype index = m_items.size() - 1;
            m_byName[ns].insert(name, index);
            m_byNamespace[ns].append(index);
        }
        return changed;
    }

    const QList<T> &items() const { return m_items; }
    // No key string is built: rules look objects up for every function on every evaluation.
    const T *get(const QString &namespaceName, const QString &name) const
    {
        const auto ns = m_byName.constFind(namespaceName);
        if (ns == m_byName.cend())
            return nullptr;
        const auto it = ns->constFind(name);
        return it == ns->cend() ? nullptr : &m_items[*it];
    }
    QList<const T *> inNamespace(const QString &namespaceName) const
    {
        QList<const T *> out;
        for (qsizetype i : m_byNamespace.value(namespaceName))
            out.append(&m_items[i]);
        return out;
    }

private:
    QList<T> m_items;
    QHash<QString, QList<qsizetype>> m_byNamespace;
    QHash<QString, QHash<QString, qsizetype>> m_byName; // namespace -> name -> index
};

class FissionIndex
{
public:
    // Re-reads the kinds that changed (or all); returns true when any typed object changed.
    bool refresh(const ClusterState &state, const GroupResource &gr);
    bool refreshAll(const ClusterState &state);

    const TypedList<Environment> &environments() const { return m_environments; }
    const TypedList<Package> &packages() const { return m_packages; }
    const TypedList<Function> &functions() const { return m_functions; }
    const TypedList<HttpTrigger> &httpTriggers() const { return m_httpTriggers; }
    const TypedList<TimeTrigger> &timeTriggers() const { return m_timeTriggers; }
    const TypedList<MessageQueueTrigger> &messageQueueTriggers() const { return m_mqTriggers; }
    const TypedList<KubernetesWatchTrigger> &watchTriggers() const { return m_watchTriggers; }
    const TypedList<FissionTenant> &tenants() const { return m_tenants; }
    // CanaryConfigs and the kinds newer than 1.27.0, kept generically.
    const TypedList<GenericFissionObject> &others(const GroupResource &gr) const;

    // Every trigger of the four kinds, as its common part.
    QList<const Trigger *> allTriggers() const;

    static bool isIndexed(const GroupResource &gr);

private:
    TypedList<Environment> m_environments;
    TypedList<Package> m_packages;
    TypedList<Function> m_functions;
    TypedList<HttpTrigger> m_httpTriggers;
    TypedList<TimeTrigger> m_timeTriggers;
    TypedList<MessageQueueTrigger> m_mqTriggers;
    TypedList<KubernetesWatchTrigger> m_watchTriggers;
    TypedList<FissionTenant> m_tenants;
    QHash<GroupResource, TypedList<GenericFissionObject>> m_others;
};

} // namespace fd::fission
