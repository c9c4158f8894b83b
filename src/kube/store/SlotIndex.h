#pragma once

// Implementation detail of ObjectStore: compact secondary indexes.

#include "kube/store/KubeObject.h"

#include <QByteArrayView>

#include <vector>

namespace fd::kube::detail {

// An open-addressing hash table of 32-bit ids (linear probing, backward-shift deletion, load
// <= 0.75). It stores only (hash, id); callers compare keys through the id. 8 bytes per bucket.
class IdTable
{
public:
    static constexpr quint32 NoId = 0xffffffffu;

    template<typename Eq>
    quint32 find(quint32 hash, Eq matches) const
    {
        if (m_buckets.empty())
            return NoId;
        const size_t mask = m_buckets.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const quint64 bucket = m_buckets[i];
            if (bucket == 0)
                return NoId;
            if (quint32(bucket >> 32) == hash) {
                const quint32 id = quint32(bucket & 0xffffffffu) - 1;
                if (matches(id))
                    return id;
            }
        }
    }
    void insert(quint32 hash, quint32 id);
    void erase(quint32 hash, quint32 id);
    void clear();
    size_t size() const { return m_count; }
    qsizetype residentBytes() const;

private:
    void grow();
    std::vector<quint64> m_buckets; // (hash << 32) | (id + 1); 0 = empty
    size_t m_count = 0;
};

// Maps an index key (namespace, label key=value, owner uid) to the store objects whose object has
// it. Key bytes are never copied: a posting's first slot is an object that has the key, and lookups
// compare against it. Costs per distinct key one 32-byte posting plus ~12 bytes of table, and per
// (key, object) 4 bytes — a QHash<QByteArray, QList<quint32>> costs ~5x that for unique keys.
class SlotIndex
{
public:
    using Slot = quint32;
    static constexpr Slot NoSlot = 0xffffffffu;

    // A key: `a` alone (namespace, owner uid) or `a`=`b` (label key, value).
    struct Key {
        QByteArrayView a;
        QByteArrayView b;
    };
    // Does `object` carry `key`?
    using Matcher = bool (*)(const KubeObject &object, const Key &key);

    explicit SlotIndex(Matcher matcher) : m_matcher(matcher) {}

    static quint32 keyHash(const Key &key);

    void add(const Key &key, Slot slot, const std::vector<KubeObject> &objects);
    // `objects[slot]` must still hold the object that was added under `key`.
    void remove(const Key &key, Slot slot, const std::vector<KubeObject> &objects);
    // Calls f(slot) for every slot under `key`.
    template<typename F>
    void forEach(const Key &key, const std::vector<KubeObject> &objects, F f) const
    {
        const quint32 posting = find(key, keyHash(key), objects);
        if (posting == NoSlot)
            return;
        const Posting &p = m_postings[posting];
        f(p.first);
        for (const Slot s : p.rest)
            f(s);
    }
    size_t countFor(const Key &key, const std::vector<KubeObject> &objects) const;

    void clear();
    size_t keyCount() const { return m_table.size(); }
    qsizetype residentBytes() const;

private:
    struct Posting {
        Slot first = NoSlot; // NoSlot: free posting
        std::vector<Slot> rest;
    };

    quint32 find(const Key &key, quint32 h, const std::vector<KubeObject> &objects) const;

    Matcher m_matcher;
    std::vector<Posting> m_postings;
    std::vector<quint32> m_freePostings;
    IdTable m_table; // posting ids by key hash
};

} // namespace fd::kube::detail
