#pragma once

#include "fission/Kinds.h"
#include "kube/store/KubeObject.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>

namespace fd::kube {
class ObjectStore;
}

namespace fd::fission {

// How much of one kind the domain could read. Rules must not report absence as a finding when the
// absence may only mean "we could not look" (a Forbidden list, a kind not synced yet).
struct KindCoverage {
    enum class State {
        Unknown,   // not listed yet (informer not synced): nothing can be concluded
        NotServed, // discovery says the cluster does not serve it: a valid, empty answer
        Complete,  // listed cluster-wide
        Partial,   // listed only in `namespaces` (a per-namespace fallback after 403 cluster-wide)
        Forbidden, // could not be listed anywhere
    };
    State state = State::Unknown;
    QSet<QString> namespaces; // Partial: the namespaces that were read
    QString reason;           // Forbidden/Partial/Unknown: why (the server's words, for the UI)

    // True when the objects of this kind in `namespaceName` are known (an empty list is an answer).
    // For cluster-scoped kinds pass an empty namespace.
    bool covers(const QString &namespaceName) const;
    // True when every object of the kind is known.
    bool isComplete() const { return state == State::Complete || state == State::NotServed; }
    bool isServed() const { return state != State::NotServed; }
};

// The domain's read-only view of one cluster: per kind, the current objects with lookups, and what
// could be read. Backed by the session's ObjectStores in production (StoreClusterState) and by a
// plain map in tests and the CLI's one-shot mode (MemoryClusterState). Everything runs on the
// caller's thread; implementations need no locks.
class ClusterState
{
public:
    virtual ~ClusterState();

    virtual KindCoverage coverage(const GroupResource &gr) const = 0;
    virtual QList<fd::kube::KubeObject> list(const GroupResource &gr) const = 0;
    virtual QList<fd::kube::KubeObject> listInNamespace(const GroupResource &gr, const QString &namespaceName) const = 0;
    virtual QList<fd::kube::KubeObject> listByLabel(const GroupResource &gr, const QString &key, const QString &value) const = 0;
    // Cluster-scoped kinds: pass an empty namespace.
    virtual fd::kube::KubeObject get(const GroupResource &gr, const QString &namespaceName, const QString &name) const = 0;

    // Convenience overloads taking a KindInfo.
    KindCoverage coverage(const KindInfo &k) const { return coverage(k.gr); }
    QList<fd::kube::KubeObject> list(const KindInfo &k) const { return list(k.gr); }
    QList<fd::kube::KubeObject> listInNamespace(const KindInfo &k, const QString &ns) const { return listInNamespace(k.gr, ns); }
    QList<fd::kube::KubeObject> listByLabel(const KindInfo &k, const QString &key, const QString &value) const
    {
        return listByLabel(k.gr, key, value);
    }
    fd::kube::KubeObject get(const KindInfo &k, const QString &ns, const QString &name) const { return get(k.gr, ns, name); }
    bool covers(const KindInfo &k, const QString &ns) const { return coverage(k.gr).covers(ns); }
};

// A ClusterState held in memory. Kinds never mentioned are Unknown; setObjects() makes a kind
// Complete (served); setNotServed()/setForbidden()/setPartial() describe the rest.
class MemoryClusterState final : public ClusterState
{
public:
    MemoryClusterState();
    ~MemoryClusterState() override;

    // Puts each object under its kind (kinds::forObject); unknown kinds are ignored and counted.
    // Every known kind becomes Complete (an empty list is an answer), unless already described.
    int addObjects(const QList<fd::kube::KubeObject> &objects);
    // Marks every known kind not mentioned yet as Complete and empty (a fully readable cluster).
    void markAllComplete();

    void setObjects(const GroupResource &gr, const QList<fd::kube::KubeObject> &objects);
    void upsert(const fd::kube::KubeObject &object); // kind from kinds::forObject
    void remove(const GroupResource &gr, const QString &namespaceName, const QString &name);
    void setCoverage(const GroupResource &gr, const KindCoverage &coverage);
    void setNotServed(const GroupResource &gr);
    void setForbidden(const GroupResource &gr, const QString &reason = {});

    KindCoverage coverage(const GroupResource &gr) const override;
    QList<fd::kube::KubeObject> list(const GroupResource &gr) const override;
    QList<fd::kube::KubeObject> listInNamespace(const GroupResource &gr, const QString &namespaceName) const override;
    QList<fd::kube::KubeObject> listByLabel(const GroupResource &gr, const QString &key, const QString &value) const override;
    fd::kube::KubeObject get(const GroupResource &gr, const QString &namespaceName, const QString &name) const override;

    using ClusterState::coverage;
    using ClusterState::get;
    using ClusterState::list;
    using ClusterState::listByLabel;
    using ClusterState::listInNamespace;

private:
    struct KindData {
        KindCoverage coverage;
        QMap<QString, fd::kube::KubeObject> byKey; // "ns/name" or "name"; sorted: deterministic lists
        // Indexes, as ObjectStore has them: a lookup costs what it returns, not the whole kind.
        QHash<QString, QMap<QString, fd::kube::KubeObject>> byNamespace;
        QHash<QString, QMap<QString, fd::kube::KubeObject>> byLabel; // "key=value"
        void insert(const fd::kube::KubeObject &object);
        void erase(const QString &key);
        void clear();
    };
    KindData &data(const GroupResource &gr);
    QHash<GroupResource, KindData> m_kinds;
};

// A ClusterState over the session's ObjectStores (one per kind); the caller keeps coverage up to date
// from its informers' states and discovery. The stores must outlive this view.
class StoreClusterState final : public ClusterState
{
public:
    void setStore(const GroupResource &gr, const fd::kube::ObjectStore *store, const KindCoverage &coverage);
    void setCoverage(const GroupResource &gr, const KindCoverage &coverage);
    void removeStore(const GroupResource &gr);

    KindCoverage coverage(const GroupResource &gr) const override;
    QList<fd::kube::KubeObject> list(const GroupResource &gr) const override;
    QList<fd::kube::KubeObject> listInNamespace(const GroupResource &gr, const QString &namespaceName) const override;
    QList<fd::kube::KubeObject> listByLabel(const GroupResource &gr, const QString &key, const QString &value) const override;
    fd::kube::KubeObject get(const GroupResource &gr, const QString &namespaceName, const QString &name) const override;

    using ClusterState::coverage;
    using ClusterState::get;
    using ClusterState::list;
    using ClusterState::listByLabel;
    using ClusterState::listInNamespace;

private:
    struct Entry {
        const fd::kube::ObjectStore *store = nullptr;
        KindCoverage coverage;
    };
    QHash<GroupResource, Entry> m_entries;
};

} // namespace fd::fission
