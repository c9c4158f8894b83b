#include "sim/api/ObjectStore.h"

#include "sim/core/ObjectMeta.h"

#include <QJsonDocument>

namespace fd::sim {

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

ObjectRef stamp(QJsonObject object, quint64 resourceVersion)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("resourceVersion"), QString::number(resourceVersion));
    object.insert(QStringLiteral("metadata"), metadata);
    auto stored = std::make_shared<StoredObject>();
    stored->json = compactJson(object);
    stored->object = std::move(object);
    stored->resourceVersion = resourceVersion;
    return stored;
}

bool inNamespace(const QString &key, const QString &namespaceName)
{
    return namespaceName.isEmpty()
        || (key.size() > namespaceName.size() && key.startsWith(namespaceName)
            && key.at(namespaceName.size()) == QLatin1Char('/'));
}

} // namespace

ObjectStore::ObjectStore(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<fd::sim::StoreEvent>();
}

QString ObjectStore::keyOf(const QString &namespaceName, const QString &name)
{
    return namespaceName.isEmpty() ? name : namespaceName + QLatin1Char('/') + name;
}

ObjectRef ObjectStore::get(const QString &storageKey, const QString &namespaceName, const QString &name) const
{
    const auto bucketIt = m_buckets.constFind(storageKey);
    if (bucketIt == m_buckets.constEnd())
        return nullptr;
    const auto it = bucketIt->find(keyOf(namespaceName, name));
    return it == bucketIt->end() ? nullptr : it->second;
}

QList<ObjectRef> ObjectStore::list(const QString &storageKey, const QString &namespaceName) const
{
    QList<ObjectRef> result;
    const Bucket *objects = bucket(storageKey);
    if (!objects)
        return result;
    auto it = namespaceName.isEmpty() ? objects->begin() : objects->lower_bound(namespaceName + QLatin1Char('/'));
    for (; it != objects->end(); ++it) {
        if (!inNamespace(it->first, namespaceName))
            break;
        result.append(it->second);
    }
    return result;
}

const ObjectStore::Bucket *ObjectStore::bucket(const QString &storageKey) const
{
    const auto it = m_buckets.constFind(storageKey);
    return it == m_buckets.constEnd() ? nullptr : &it.value();
}

int ObjectStore::count(const QString &storageKey) const
{
    const Bucket *objects = bucket(storageKey);
    return objects ? static_cast<int>(objects->size()) : 0;
}

QStringList ObjectStore::storageKeys() const
{
    return m_buckets.keys();
}

ObjectRef ObjectStore::write(const QString &storageKey, QJsonObject object)
{
    const QString key = keyOf(namespaceOf(object), nameOf(object));
    Bucket &objects = m_buckets[storageKey];
    const auto existing = objects.find(key);
    ObjectRef previous = existing == objects.end() ? nullptr : existing->second;
    ObjectRef stored = stamp(std::move(object), ++m_resourceVersion);
    objects[key] = stored;
    record({previous ? StoreEventType::Modified : StoreEventType::Added, storageKey, key, stored, previous,
            m_resourceVersion});
    return stored;
}

ObjectRef ObjectStore::remove(const QString &storageKey, const QString &namespaceName, const QString &name)
{
    const auto bucketIt = m_buckets.find(storageKey);
    if (bucketIt == m_buckets.end())
        return nullptr;
    const QString key = keyOf(namespaceName, name);
    const auto it = bucketIt->find(key);
    if (it == bucketIt->end())
        return nullptr;
    ObjectRef previous = it->second;
    bucketIt->erase(it);
    ObjectRef last = stamp(previous->object, ++m_resourceVersion);
    record({StoreEventType::Deleted, storageKey, key, last, previous, m_resourceVersion});
    return last;
}

void ObjectStore::setHistoryLimit(int events)
{
    m_historyLimit = qMax(1, events);
    while (static_cast<int>(m_history.size()) > m_historyLimit) {
        m_compactedThrough = m_history.front().resourceVersion;
        m_history.pop_front();
    }
}

void ObjectStore::compact()
{
    m_history.clear();
    m_compactedThrough = m_resourceVersion;
}

void ObjectStore::record(const StoreEvent &event)
{
    m_history.push_back(event);
    if (static_cast<int>(m_history.size()) > m_historyLimit) {
        m_compactedThrough = m_history.front().resourceVersion;
        m_history.pop_front();
    }
    Q_EMIT committed(event);
}

std::optional<std::map<QString, ObjectRef>> ObjectStore::snapshotAt(const QString &storageKey, quint64 at,
                                                                     const QString &namespaceName,
                                                                     const QString &startAfter, int limit,
                                                                     bool *more) const
{
    if (at < m_compactedThrough)
        return std::nullopt;
    // Undo every later change of this kind, newest first: what remains in `overlay` is each
    // changed key's state at `at` (null = it did not exist then).
    std::map<QString, ObjectRef> overlay;
    for (auto it = m_history.rbegin(); it != m_history.rend() && it->resourceVersion > at; ++it) {
        if (it->storageKey != storageKey)
            continue;
        overlay[it->key] = it->type == StoreEventType::Added ? nullptr : it->previous;
    }
    std::map<QString, ObjectRef> result;
    const Bucket *objects = bucket(storageKey);
    static const Bucket empty;
    if (!objects)
        objects = &empty;
    const QString lowest = !startAfter.isEmpty() ? startAfter
                         : namespaceName.isEmpty() ? QString() : namespaceName + QLatin1Char('/');
    auto current = startAfter.isEmpty() ? objects->lower_bound(lowest) : objects->upper_bound(lowest);
    auto changed = startAfter.isEmpty() ? overlay.lower_bound(lowest) : overlay.upper_bound(lowest);
    *more = false;
    while (current != objects->end() || changed != overlay.end()) {
        QString key;
        ObjectRef value;
        if (changed == overlay.end() || (current != objects->end() && current->first < changed->first)) {
            key = current->first;
            value = current->second;
            ++current;
        } else {
            key = changed->first;
            value = changed->second;
            if (current != objects->end() && current->first == changed->first)
                ++current;
            ++changed;
        }
        if (!inNamespace(key, namespaceName))
            break;
        if (!value)
            continue;
        if (limit > 0 && static_cast<int>(result.size()) >= limit) {
            *more = true;
            break;
        }
        result.emplace(key, value);
    }
    return result;
}

} // namespace fd::sim

#include "moc_ObjectStore.cpp"
