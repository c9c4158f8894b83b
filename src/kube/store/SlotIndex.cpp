#include "kube/store/SlotIndex.h"

#include <QHashFunctions>

#include <algorithm>

namespace fd::kube::detail {

namespace {
constexpr qsizetype MallocOverhead = 16;
}

// --- IdTable -----------------------------------------------------------------------------------

void IdTable::grow()
{
    const size_t capacity = m_buckets.empty() ? 16 : m_buckets.size() * 2;
    std::vector<quint64> old;
    old.swap(m_buckets);
    m_buckets.assign(capacity, 0);
    const size_t mask = capacity - 1;
    for (const quint64 bucket : old) {
        if (bucket == 0)
            continue;
        size_t i = size_t(bucket >> 32) & mask;
        while (m_buckets[i] != 0)
            i = (i + 1) & mask;
        m_buckets[i] = bucket;
    }
}

void IdTable::insert(quint32 hash, quint32 id)
{
    if ((m_count + 1) * 4 > m_buckets.size() * 3)
        grow();
    const size_t mask = m_buckets.size() - 1;
    size_t i = hash & mask;
    while (m_buckets[i] != 0)
        i = (i + 1) & mask;
    m_buckets[i] = (quint64(hash) << 32) | quint64(id + 1);
    ++m_count;
}

void IdTable::erase(quint32 hash, quint32 id)
{
    if (m_buckets.empty())
        return;
    const size_t mask = m_buckets.size() - 1;
    const quint64 wanted = (quint64(hash) << 32) | quint64(id + 1);
    size_t i = hash & mask;
    while (m_buckets[i] != wanted) {
        if (m_buckets[i] == 0)
            return; // not present
        i = (i + 1) & mask;
    }
    // Backward-shift deletion keeps probe chains intact without tombstones.
    size_t j = i;
    while (true) {
        j = (j + 1) & mask;
        if (m_buckets[j] == 0)
            break;
        const size_t home = size_t(m_buckets[j] >> 32) & mask;
        const bool movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            m_buckets[i] = m_buckets[j];
            i = j;
        }
    }
    m_buckets[i] = 0;
    --m_count;
}

void IdTable::clear()
{
    std::vector<quint64>().swap(m_buckets);
    m_count = 0;
}

qsizetype IdTable::residentBytes() const
{
    return m_buckets.capacity() > 0 ? qsizetype(m_buckets.capacity() * sizeof(quint64)) + MallocOverhead : 0;
}

// --- SlotIndex ---------------------------------------------------------------------------------

quint32 SlotIndex::keyHash(const Key &key)
{
    size_t h = qHashBits(key.a.data(), size_t(key.a.size()), 0x51ed270b27c2f4f5ULL);
    h = qHashBits(key.b.data(), size_t(key.b.size()), h ^ 0x2545f4914f6cdd1dULL);
    return quint32(h ^ (h >> 32));
}

quint32 SlotIndex::find(const Key &key, quint32 h, const std::vector<KubeObject> &objects) const
{
    return m_table.find(h, [&](quint32 posting) { return m_matcher(objects[m_postings[posting].first], key); });
}

void SlotIndex::add(const Key &key, Slot slot, const std::vector<KubeObject> &objects)
{
    const quint32 h = keyHash(key);
    const quint32 posting = find(key, h, objects);
    if (posting != IdTable::NoId) {
        m_postings[posting].rest.push_back(slot);
        return;
    }
    quint32 id;
    if (!m_freePostings.empty()) {
        id = m_freePostings.back();
        m_freePostings.pop_back();
    } else {
        id = quint32(m_postings.size());
        m_postings.emplace_back();
    }
    m_postings[id].first = slot;
    m_table.insert(h, id);
}

void SlotIndex::remove(const Key &key, Slot slot, const std::vector<KubeObject> &objects)
{
    const quint32 h = keyHash(key);
    const quint32 id = find(key, h, objects);
    if (id == IdTable::NoId)
        return;
    Posting &p = m_postings[id];
    if (p.first == slot) {
        if (p.rest.empty()) {
            m_table.erase(h, id);
            p.first = NoSlot;
            std::vector<Slot>().swap(p.rest);
            m_freePostings.push_back(id);
            return;
        }
        p.first = p.rest.back();
        p.rest.pop_back();
    } else {
        const auto it = std::find(p.rest.begin(), p.rest.end(), slot);
        if (it == p.rest.end())
            return;
        *it = p.rest.back();
        p.rest.pop_back();
    }
    // Give memory back when a big posting shrank a lot (mass deletions).
    if (p.rest.capacity() > 64 && p.rest.size() < p.rest.capacity() / 4)
        p.rest.shrink_to_fit();
}

size_t SlotIndex::countFor(const Key &key, const std::vector<KubeObject> &objects) const
{
    const quint32 id = find(key, keyHash(key), objects);
    return id == IdTable::NoId ? 0 : 1 + m_postings[id].rest.size();
}

void SlotIndex::clear()
{
    std::vector<Posting>().swap(m_postings);
    std::vector<quint32>().swap(m_freePostings);
    m_table.clear();
}

qsizetype SlotIndex::residentBytes() const
{
    qsizetype bytes = m_table.residentBytes();
    if (m_postings.capacity() > 0)
        bytes += qsizetype(m_postings.capacity() * sizeof(Posting)) + MallocOverhead;
    if (m_freePostings.capacity() > 0)
        bytes += qsizetype(m_freePostings.capacity() * sizeof(quint32)) + MallocOverhead;
    for (const Posting &p : m_postings) {
        if (p.rest.capacity() > 0)
            bytes += qsizetype(p.rest.capacity() * sizeof(Slot)) + MallocOverhead;
    }
    return bytes;
}

} // namespace fd::kube::detail
