#include "fission/ClusterState.h"

#include "kube/store/ObjectStore.h"

using namespace Qt::StringLiterals;
using fd::kube::KubeObject;

namespace fd::fission {

bool KindCoverage::covers(const QString &namespaceName) const
{
    switch (state) {
    case State::Complete:
    case State::NotServed:
        return true;
    case State::Partial:
        return !namespaceName.isEmpty() && namespaces.contains(namespaceName);
    case State::Unknown:
    case State::Forbidden:
        return false;
    }
    return false;
}

ClusterState::~ClusterState() = default;

// ---- MemoryClusterState ----------------------------------------------------------------------

MemoryClusterState::MemoryClusterState() = default;
MemoryClusterState::~MemoryClusterState() = default;

namespace {

QString labelKey(const QString &key, const QString &value)
{
    return key + u'=' + value;
}

} // namespace

void MemoryClusterState::KindData::insert(const KubeObject &object)
{
    const QString key = object.key();
    erase(key);
    byKey.insert(key, object);
    byNamespace[object.namespaceName()].insert(key, object);
    for (const auto &[k, v] : object.labels())
        byLabel[labelKey(k, v)].insert(key, object);
}

void MemoryClusterState::KindData::erase(const QString &key)
{
    const auto it = byKey.constFind(key);
    if (it == byKey.cend())
        return;
    const KubeObject old = *it;
    byKey.erase(it);
    auto ns = byNamespace.find(old.namespaceName());
    if (ns != byNamespace.end()) {
        ns->remove(key);
        if (ns->isEmpty())
            byNamespace.erase(ns);
    }
    for (const auto &[k, v] : old.labels()) {
        auto l = byLabel.find(labelKey(k, v));
        if (l != byLabel.end()) {
            l->remove(key);
            if (l->isEmpty())
                byLabel.erase(l);
        }
    }
}

void MemoryClusterState::KindData::clear()
{
    byKey.clear();
    byNamespace.clear();
    byLabel.clear();
}

MemoryClusterState::KindData &MemoryClusterState::data(const GroupResource &gr)
{
    auto it = m_kinds.find(gr);
    if (it == m_kinds.end()) {
        it = m_kinds.insert(gr, KindData{});
        it->coverage.state = KindCoverage::State::Complete;
    }
    return *it;
}

int MemoryClusterState::addObjects(const QList<KubeObject> &objects)
{
    int unknown = 0;
    for (const KubeObject &object : objects) {
        if (!kinds::forObject(object)) {
            ++unknown;
            continue;
        }
        upsert(object);
    }
    return unknown;
}

void MemoryClusterState::markAllComplete()
{
    for (const KindInfo &info : kinds::all())
        data(info.gr);
}

void MemoryClusterState::setObjects(const GroupResource &gr, const QList<KubeObject> &objects)
{
    KindData &d = data(gr);
    d.clear();
    for (const KubeObject &object : objects)
        d.insert(object);
}

void MemoryClusterState::upsert(const KubeObject &object)
{
    const KindInfo *info = kinds::forObject(object);
    if (!info)
        return;
    data(info->gr).insert(object);
}

void MemoryClusterState::remove(const GroupResource &gr, const QString &namespaceName, const QString &name)
{
    data(gr).erase(namespaceName.isEmpty() ? name : namespaceName + u'/' + name);
}

void MemoryClusterState::setCoverage(const GroupResource &gr, const KindCoverage &coverage)
{
    data(gr).coverage = coverage;
}

void MemoryClusterState::setNotServed(const GroupResource &gr)
{
    KindData &d = data(gr);
    d.clear();
    d.coverage = KindCoverage{KindCoverage::State::NotServed, {}, {}};
}

void MemoryClusterState::setForbidden(const GroupResource &gr, const QString &reason)
{
    KindData &d = data(gr);
    d.clear();
    d.coverage = KindCoverage{KindCoverage::State::Forbidden, {}, reason};
}

KindCoverage MemoryClusterState::coverage(const GroupResource &gr) const
{
    const auto it = m_kinds.constFind(gr);
    return it == m_kinds.cend() ? KindCoverage{} : it->coverage;
}

QList<KubeObject> MemoryClusterState::list(const GroupResource &gr) const
{
    const auto it = m_kinds.constFind(gr);
    if (it == m_kinds.cend())
        return {};
    return it->byKey.values();
}

QList<KubeObject> MemoryClusterState::listInNamespace(const GroupResource &gr, const QString &namespaceName) const
{
    const auto it = m_kinds.constFind(gr);
    if (it == m_kinds.cend())
        return {};
    return it->byNamespace.value(namespaceName).values();
}

QList<KubeObject> MemoryClusterState::listByLabel(const GroupResource &gr, const QString &key, const QString &value) const
{
    const auto it = m_kinds.constFind(gr);
    if (it == m_kinds.cend())
        return {};
    return it->byLabel.value(labelKey(key, value)).values();
}

KubeObject MemoryClusterState::get(const GroupResource &gr, const QString &namespaceName, const QString &name) const
{
    const auto it = m_kinds.constFind(gr);
    if (it == m_kinds.cend())
        return {};
    return it->byKey.value(namespaceName.isEmpty() ? name : namespaceName + u'/' + name);
}

// ---- StoreClusterState -----------------------------------------------------------------------

void StoreClusterState::setStore(const GroupResource &gr, const fd::kube::ObjectStore *store, const KindCoverage &coverage)
{
    m_entries.insert(gr, Entry{store, coverage});
}

void StoreClusterState::setCoverage(const GroupResource &gr, const KindCoverage &coverage)
{
    m_entries[gr].coverage = coverage;
}

void StoreClusterState::removeStore(const GroupResource &gr)
{
    m_entries.remove(gr);
}

KindCoverage StoreClusterState::coverage(const GroupResource &gr) const
{
    const auto it = m_entries.constFind(gr);
    return it == m_entries.cend() ? KindCoverage{} : it->coverage;
}

QList<KubeObject> StoreClusterState::list(const GroupResource &gr) const
{
    const auto it = m_entries.constFind(gr);
    return it == m_entries.cend() || !it->store ? QList<KubeObject>{} : it->store->items();
}

QList<KubeObject> StoreClusterState::listInNamespace(const GroupResource &gr, const QString &namespaceName) const
{
    const auto it = m_entries.constFind(gr);
    return it == m_entries.cend() || !it->store ? QList<KubeObject>{} : it->store->byNamespace(namespaceName);
}

QList<KubeObject> StoreClusterState::listByLabel(const GroupResource &gr, const QString &key, const QString &value) const
{
    const auto it = m_entries.constFind(gr);
    return it == m_entries.cend() || !it->store ? QList<KubeObject>{} : it->store->byLabel(key, value);
}

KubeObject StoreClusterState::get(const GroupResource &gr, const QString &namespaceName, const QString &name) const
{
    const auto it = m_entries.constFind(gr);
    return it == m_entries.cend() || !it->store ? KubeObject{} : it->store->get(namespaceName, name);
}

} // namespace fd::fission
