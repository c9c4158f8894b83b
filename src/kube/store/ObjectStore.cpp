#include "kube/store/ObjectStore.h"

#include <QHashFunctions>

#include <algorithm>

namespace fd::kube {

namespace {

constexpr qsizetype MallocOverhead = 16;

bool hasNamespace(const KubeObject &object, const detail::SlotIndex::Key &key)
{
    return object.namespaceUtf8() == key.a;
}

bool hasLabel(const KubeObject &object, const detail::SlotIndex::Key &key)
{
    for (int i = 0; i < object.labelCount(); ++i) {
        if (object.labelKeyUtf8(i) == key.a && object.labelValueUtf8(i) == key.b)
            return true;
    }
    return false;
}

bool hasOwner(const KubeObject &object, const detail::SlotIndex::Key &key)
{
    for (int i = 0; i < object.ownerCount(); ++i) {
        if (object.ownerUidUtf8(i) == key.a)
            return true;
    }
    return false;
}

bool sameIndexedFields(const KubeObject &a, const KubeObject &b)
{
    if (a.namespaceUtf8() != b.namespaceUtf8() || a.labelCount() != b.labelCount() || a.ownerCount() != b.ownerCount())
        return false;
    for (int i = 0; i < a.labelCount(); ++i) {
        if (a.labelKeyUtf8(i) != b.labelKeyUtf8(i) || a.labelValueUtf8(i) != b.labelValueUtf8(i))
            return false;
    }
    for (int i = 0; i < a.ownerCount(); ++i) {
        if (a.ownerUidUtf8(i) != b.ownerUidUtf8(i))
            return false;
    }
    return true;
}

// Distinct (key, value) pairs / owner uids of one object: duplicates in the JSON (same label key
// twice) must be indexed once, or add/remove would not pair up.
bool labelSeenBefore(const KubeObject &object, int i)
{
    for (int j = 0; j < i; ++j) {
        if (object.labelKeyUtf8(j) == object.labelKeyUtf8(i) && object.labelValueUtf8(j) == object.labelValueUtf8(i))
            return true;
    }
    return false;
}

bool ownerSeenBefore(const KubeObject &object, int i)
{
    for (int j = 0; j < i; ++j) {
        if (object.ownerUidUtf8(j) == object.ownerUidUtf8(i))
            return true;
    }
    return false;
}

} // namespace

ObjectStore::ObjectStore() : m_byNamespace(&hasNamespace), m_byLabel(&hasLabel), m_byOwner(&hasOwner) {}

quint32 ObjectStore::hashKey(QByteArrayView ns, QByteArrayView name)
{
    size_t h = qHashBits(ns.data(), size_t(ns.size()), size_t(ns.size()) * 0x9e3779b97f4a7c15ULL);
    h = qHashBits(name.data(), size_t(name.size()), h);
    return quint32(h ^ (h >> 32));
}

ObjectStore::Slot ObjectStore::findSlot(QByteArrayView ns, QByteArrayView name, quint32 hash) const
{
    return m_table.find(hash, [&](quint32 slot) {
        const KubeObject &object = m_slots[slot];
        return object.nameUtf8() == name && object.namespaceUtf8() == ns;
    });
}

// --- slots and indexes -------------------------------------------------------------------------

void ObjectStore::indexAdd(Slot slot, const KubeObject &object)
{
    m_byNamespace.add({object.namespaceUtf8(), {}}, slot, m_slots);
    for (int i = 0; i < object.labelCount(); ++i) {
        if (!labelSeenBefore(object, i))
            m_byLabel.add({object.labelKeyUtf8(i), object.labelValueUtf8(i)}, slot, m_slots);
    }
    for (int i = 0; i < object.ownerCount(); ++i) {
        if (!ownerSeenBefore(object, i))
            m_byOwner.add({object.ownerUidUtf8(i), {}}, slot, m_slots);
    }
}

void ObjectStore::indexRemove(Slot slot, const KubeObject &object)
{
    m_byNamespace.remove({object.namespaceUtf8(), {}}, slot, m_slots);
    for (int i = 0; i < object.labelCount(); ++i) {
        if (!labelSeenBefore(object, i))
            m_byLabel.remove({object.labelKeyUtf8(i), object.labelValueUtf8(i)}, slot, m_slots);
    }
    for (int i = 0; i < object.ownerCount(); ++i) {
        if (!ownerSeenBefore(object, i))
            m_byOwner.remove({object.ownerUidUtf8(i), {}}, slot, m_slots);
    }
}

void ObjectStore::rebuildIndexes()
{
    m_byNamespace.clear();
    m_byLabel.clear();
    m_byOwner.clear();
    for (Slot slot = 0; slot < Slot(m_slots.size()); ++slot) {
        if (!m_slots[slot].isNull())
            indexAdd(slot, m_slots[slot]);
    }
}

ObjectStore::Slot ObjectStore::insertObject(const KubeObject &object, quint32 hash)
{
    Slot slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_slots[slot] = object;
    } else {
        slot = Slot(m_slots.size());
        m_slots.push_back(object);
    }
    m_table.insert(hash, slot);
    ++m_count;
    m_jsonBytes += object.json().size();
    m_objectBytes += object.residentBytes();
    return slot;
}

void ObjectStore::replaceObject(Slot slot, const KubeObject &object)
{
    KubeObject &current = m_slots[slot];
    m_jsonBytes += object.json().size() - current.json().size();
    m_objectBytes += object.residentBytes() - current.residentBytes();
    current = object;
}

void ObjectStore::eraseSlot(Slot slot, quint32 hash)
{
    KubeObject &current = m_slots[slot];
    m_jsonBytes -= current.json().size();
    m_objectBytes -= current.residentBytes();
    m_table.erase(hash, slot);
    current = KubeObject();
    m_freeSlots.push_back(slot);
    --m_count;
}

// --- public API --------------------------------------------------------------------------------

QList<Delta> ObjectStore::replace(const QList<KubeObject> &items, const QString &resourceVersion)
{
    QList<Delta> deltas;

    // Estimate the size of the change first: a large one rebuilds the secondary indexes once
    // instead of updating them object by object.
    size_t found = 0;
    size_t changed = 0;
    for (const KubeObject &item : items) {
        if (item.isNull())
            continue;
        const Slot slot = findSlot(item.namespaceUtf8(), item.nameUtf8(), hashKey(item.namespaceUtf8(), item.nameUtf8()));
        if (slot == NoSlot) {
            ++changed;
        } else {
            ++found;
            if (m_slots[slot].resourceVersionUtf8() != item.resourceVersionUtf8())
                ++changed;
        }
    }
    changed += m_count > found ? m_count - found : 0;
    const bool bulk = changed > std::max<size_t>(64, m_count / 8);

    std::vector<quint8> seen(m_slots.size(), 0);
    for (const KubeObject &item : items) {
        if (item.isNull())
            continue;
        const quint32 hash = hashKey(item.namespaceUtf8(), item.nameUtf8());
        const Slot slot = findSlot(item.namespaceUtf8(), item.nameUtf8(), hash);
        if (slot == NoSlot) {
            const Slot added = insertObject(item, hash);
            if (added >= seen.size())
                seen.resize(added + 1, 0);
            seen[added] = 1;
            if (!bulk)
                indexAdd(added, item);
            deltas.append(Delta{Delta::Type::Added, item, false});
            continue;
        }
        seen[slot] = 1;
        const KubeObject &current = m_slots[slot];
        if (current.resourceVersionUtf8() == item.resourceVersionUtf8())
            continue;
        const bool reindex = !bulk && !sameIndexedFields(current, item);
        if (reindex)
            indexRemove(slot, current);
        replaceObject(slot, item);
        if (reindex)
            indexAdd(slot, item);
        deltas.append(Delta{Delta::Type::Modified, item, false});
    }
    for (Slot slot = 0; slot < Slot(seen.size()); ++slot) {
        if (seen[slot] || m_slots[slot].isNull())
            continue;
        const KubeObject last = m_slots[slot];
        if (!bulk)
            indexRemove(slot, last);
        eraseSlot(slot, hashKey(last.namespaceUtf8(), last.nameUtf8()));
        deltas.append(Delta{Delta::Type::Deleted, last, true});
    }
    if (bulk)
        rebuildIndexes();
    m_resourceVersion = resourceVersion;
    m_synced = true;
    return deltas;
}

std::optional<Delta> ObjectStore::apply(const WatchEvent &event)
{
    switch (event.type) {
    case WatchEventType::Error:
        return std::nullopt;
    case WatchEventType::Bookmark:
        if (!event.resourceVersion.isEmpty())
            m_resourceVersion = event.resourceVersion;
        return std::nullopt;
    case WatchEventType::Added:
    case WatchEventType::Modified:
    case WatchEventType::Deleted:
        break;
    }
    const KubeObject &object = event.object;
    if (object.isNull())
        return std::nullopt;
    if (!object.resourceVersionUtf8().isEmpty())
        m_resourceVersion = object.resourceVersion();
    const quint32 hash = hashKey(object.namespaceUtf8(), object.nameUtf8());
    const Slot slot = findSlot(object.namespaceUtf8(), object.nameUtf8(), hash);

    if (event.type == WatchEventType::Deleted) {
        if (slot == NoSlot)
            return std::nullopt;
        indexRemove(slot, m_slots[slot]);
        eraseSlot(slot, hash);
        return Delta{Delta::Type::Deleted, object, false};
    }
    if (slot == NoSlot) {
        const Slot added = insertObject(object, hash);
        indexAdd(added, object);
        return Delta{Delta::Type::Added, object, false};
    }
    const KubeObject &current = m_slots[slot];
    if (current.resourceVersionUtf8() == object.resourceVersionUtf8())
        return std::nullopt;
    const bool reindex = !sameIndexedFields(current, object);
    if (reindex)
        indexRemove(slot, current);
    replaceObject(slot, object);
    if (reindex)
        indexAdd(slot, object);
    return Delta{Delta::Type::Modified, object, false};
}

KubeObject ObjectStore::get(QStringView namespaceName, QStringView name) const
{
    const QByteArray ns = namespaceName.toUtf8();
    const QByteArray n = name.toUtf8();
    const Slot slot = findSlot(ns, n, hashKey(ns, n));
    return slot == NoSlot ? KubeObject() : m_slots[slot];
}

KubeObject ObjectStore::getByKey(QStringView key) const
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return get(QStringView(), key);
    return get(key.left(slash), key.mid(slash + 1));
}

QList<KubeObject> ObjectStore::items() const
{
    QList<KubeObject> out;
    out.reserve(qsizetype(m_count));
    for (const KubeObject &object : m_slots) {
        if (!object.isNull())
            out.append(object);
    }
    return out;
}

QList<KubeObject> ObjectStore::collect(const detail::SlotIndex &index, const detail::SlotIndex::Key &key) const
{
    QList<KubeObject> out;
    out.reserve(qsizetype(index.countFor(key, m_slots)));
    index.forEach(key, m_slots, [&](Slot slot) { out.append(m_slots[slot]); });
    return out;
}

QList<KubeObject> ObjectStore::byNamespace(QStringView namespaceName) const
{
    const QByteArray ns = namespaceName.toUtf8();
    return collect(m_byNamespace, {ns, {}});
}

QList<KubeObject> ObjectStore::byLabel(QStringView key, QStringView value) const
{
    const QByteArray k = key.toUtf8();
    const QByteArray v = value.toUtf8();
    return collect(m_byLabel, {k, v});
}

QList<KubeObject> ObjectStore::byOwner(QStringView ownerUid) const
{
    const QByteArray uid = ownerUid.toUtf8();
    return collect(m_byOwner, {uid, {}});
}

qsizetype ObjectStore::residentBytes() const
{
    qsizetype bytes = qsizetype(sizeof(*this)) + m_objectBytes;
    if (m_slots.capacity() > 0)
        bytes += qsizetype(m_slots.capacity() * sizeof(KubeObject)) + MallocOverhead;
    if (m_freeSlots.capacity() > 0)
        bytes += qsizetype(m_freeSlots.capacity() * sizeof(Slot)) + MallocOverhead;
    bytes += m_table.residentBytes();
    bytes += m_byNamespace.residentBytes() + m_byLabel.residentBytes() + m_byOwner.residentBytes();
    return bytes;
}

void ObjectStore::clear()
{
    m_slots.clear();
    m_freeSlots.clear();
    m_table.clear();
    m_count = 0;
    m_byNamespace.clear();
    m_byLabel.clear();
    m_byOwner.clear();
    m_jsonBytes = 0;
    m_objectBytes = 0;
    m_resourceVersion.clear();
    m_synced = false;
}

} // namespace fd::kube
