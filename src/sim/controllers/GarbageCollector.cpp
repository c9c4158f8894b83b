#include "sim/controllers/GarbageCollector.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kForeground = u"foregroundDeletion"_s;
const QString kOrphan = u"orphan"_s;
const QString kItemPrefix = u"item\n"_s;
const QString kOwnerPrefix = u"owner\n"_s;

QString idOf(const QString &storageKey, const QString &key)
{
    return storageKey + QLatin1Char('|') + key;
}

QString storageKeyOfId(const QString &id)
{
    return id.section(QLatin1Char('|'), 0, 0);
}

QString keyOfId(const QString &id)
{
    return id.section(QLatin1Char('|'), 1);
}

QStringList ownerUids(const QJsonObject &object)
{
    QStringList uids;
    for (const ctrl::OwnerReference &ref : ctrl::ownerReferencesOf(object))
        uids << ref.uid;
    return uids;
}

bool isDeletingWith(const QJsonObject &object, const QString &finalizer)
{
    return ctrl::isDeleting(object) && ctrl::hasFinalizer(object, finalizer);
}

} // namespace

GarbageCollector::GarbageCollector(ControllerContext *context, QObject *parent) : Reconciler(context, parent)
{
}

void GarbageCollector::prime()
{
    ObjectStore *store = m_ctx->store();
    const QStringList storageKeys = store->storageKeys();
    for (const QString &storageKey : storageKeys) {
        const QList<ObjectRef> objects = store->list(storageKey);
        for (const ObjectRef &object : objects) {
            const QString ns = namespaceOf(object->object);
            index(idOf(storageKey, ObjectStore::keyOf(ns, nameOf(object->object))), object->object);
        }
    }
}

QStringList GarbageCollector::initialKeys() const
{
    QStringList keys;
    for (auto it = m_ownersById.begin(); it != m_ownersById.end(); ++it)
        keys << kItemPrefix + it.key();
    for (auto it = m_idByUid.begin(); it != m_idByUid.end(); ++it) {
        const ObjectRef object = lookup(it.value());
        if (object && (isDeletingWith(object->object, kForeground) || isDeletingWith(object->object, kOrphan)))
            keys << kOwnerPrefix + it.value();
    }
    return keys;
}

void GarbageCollector::index(const QString &id, const QJsonObject &object)
{
    const QString uid = uidOf(object);
    if (!uid.isEmpty())
        m_idByUid.insert(uid, id);
    const QStringList previous = m_ownersById.value(id);
    for (const QString &owner : previous)
        m_dependentsByUid[owner].remove(id);
    const QStringList owners = ownerUids(object);
    if (owners.isEmpty()) {
        m_ownersById.remove(id);
        return;
    }
    m_ownersById.insert(id, owners);
    for (const QString &owner : owners)
        m_dependentsByUid[owner].insert(id);
}

void GarbageCollector::unindex(const QString &id, const QJsonObject &object)
{
    const QString uid = uidOf(object);
    if (m_idByUid.value(uid) == id)
        m_idByUid.remove(uid);
    const QStringList owners = m_ownersById.take(id);
    for (const QString &owner : owners) {
        auto it = m_dependentsByUid.find(owner);
        if (it == m_dependentsByUid.end())
            continue;
        it->remove(id);
        if (it->isEmpty())
            m_dependentsByUid.erase(it);
    }
}

ObjectRef GarbageCollector::lookup(const QString &id) const
{
    const QString key = keyOfId(id);
    return m_ctx->store()->get(storageKeyOfId(id), namespaceOfKey(key), nameOfKey(key));
}

ObjectRef GarbageCollector::lookupUid(const QString &uid) const
{
    const auto it = m_idByUid.constFind(uid);
    if (it == m_idByUid.constEnd())
        return nullptr;
    const ObjectRef object = lookup(*it);
    return object && uidOf(object->object) == uid ? object : nullptr;
}

QList<GarbageCollector::Dependent> GarbageCollector::dependentsOf(const QString &ownerUid) const
{
    QList<Dependent> result;
    const QSet<QString> ids = m_dependentsByUid.value(ownerUid);
    for (const QString &id : ids) {
        if (const ObjectRef object = lookup(id))
            result.append(Dependent{id, object});
    }
    return result;
}

void GarbageCollector::observe(const StoreEvent &event)
{
    if (!event.object)
        return;
    const QString id = idOf(event.storageKey, event.key);
    const QJsonObject &object = event.object->object;
    const QString uid = uidOf(object);
    if (event.type == StoreEventType::Deleted) {
        unindex(id, object);
        // Dependents of a vanished owner may now be garbage.
        const QSet<QString> dependents = m_dependentsByUid.value(uid);
        for (const QString &dependent : dependents)
            enqueue(kItemPrefix + dependent);
        // An owner waiting in foreground deletion may be unblocked.
        for (const QString &owner : ownerUids(object)) {
            const auto ownerId = m_idByUid.constFind(owner);
            if (ownerId != m_idByUid.constEnd())
                enqueue(kOwnerPrefix + *ownerId);
        }
        return;
    }
    const QStringList ownersBefore = m_ownersById.value(id);
    index(id, object);
    if (ownersBefore != m_ownersById.value(id) || event.type == StoreEventType::Added) {
        if (!m_ownersById.value(id).isEmpty())
            enqueue(kItemPrefix + id);
    }
    if (isDeletingWith(object, kForeground) || isDeletingWith(object, kOrphan)) {
        enqueue(kOwnerPrefix + id);
        const QSet<QString> dependents = m_dependentsByUid.value(uid);
        for (const QString &dependent : dependents)
            enqueue(kItemPrefix + dependent);
    }
}

void GarbageCollector::reconcile(const QString &key)
{
    if (key.startsWith(kItemPrefix))
        attemptToDelete(key.mid(kItemPrefix.size()));
    else if (key.startsWith(kOwnerPrefix))
        processDeletingOwner(key.mid(kOwnerPrefix.size()));
}

// attemptToDeleteItem: classify the owners as solid, dangling or waiting for their
// dependents' deletion, then keep, patch or delete the item.
void GarbageCollector::attemptToDelete(const QString &id)
{
    const ObjectRef item = lookup(id);
    if (!item)
        return;
    const QJsonObject &object = item->object;
    if (ctrl::isDeleting(object))
        return; // already on its way out (foreground owners are handled as owners)
    const QList<ctrl::OwnerReference> refs = ctrl::ownerReferencesOf(object);
    if (refs.isEmpty())
        return;
    QSet<QString> dangling;
    QSet<QString> waiting;
    int solid = 0;
    for (const ctrl::OwnerReference &ref : refs) {
        const ObjectRef owner = lookupUid(ref.uid);
        if (!owner)
            dangling.insert(ref.uid);
        else if (isDeletingWith(owner->object, kForeground))
            waiting.insert(ref.uid);
        else
            ++solid;
    }
    const QString key = keyOfId(id);
    const auto type = m_ctx->objects->catalog()->findByStorageKey(storageKeyOfId(id));
    if (!type)
        return;
    if (solid > 0) {
        if (dangling.isEmpty() && waiting.isEmpty())
            return;
        settle(kItemPrefix + id, removeOwnerReferences(id, dangling + waiting));
        return;
    }
    DeleteOptions options;
    options.preconditionUid = uidOf(object);
    if (!waiting.isEmpty() && !m_dependentsByUid.value(uidOf(object)).isEmpty())
        options.propagationPolicy = u"Foreground"_s; // the owner waits: our dependents go first
    else if (ctrl::hasFinalizer(object, kOrphan))
        options.propagationPolicy = u"Orphan"_s;
    else if (ctrl::hasFinalizer(object, kForeground))
        options.propagationPolicy = u"Foreground"_s;
    else
        options.propagationPolicy = u"Background"_s;
    const auto removed = m_ctx->objects->remove(*type, namespaceOfKey(key), nameOfKey(key), options);
    settle(kItemPrefix + id, removed || removed.error().code == 404 || removed.error().code == 409);
}

void GarbageCollector::processDeletingOwner(const QString &id)
{
    const ObjectRef owner = lookup(id);
    if (!owner || !ctrl::isDeleting(owner->object))
        return;
    const QString ownerKey = kOwnerPrefix + id;
    if (ctrl::hasFinalizer(owner->object, kOrphan)) {
        if (!orphanDependents(owner->object) || !dropFinalizer(id, kOrphan)) {
            retryLater(ownerKey);
            return;
        }
    }
    const ObjectRef current = lookup(id);
    if (!current || !ctrl::hasFinalizer(current->object, kForeground))
        return;
    const QString uid = uidOf(current->object);
    bool blocked = false;
    const QList<Dependent> dependents = dependentsOf(uid);
    for (const Dependent &dependent : dependents) {
        for (const ctrl::OwnerReference &ref : ctrl::ownerReferencesOf(dependent.object->object)) {
            if (ref.uid == uid && ref.blockOwnerDeletion)
                blocked = true;
        }
        if (!ctrl::isDeleting(dependent.object->object))
            enqueue(kItemPrefix + dependent.id);
    }
    if (blocked)
        return; // the dependents' deletions re-queue us
    settle(ownerKey, dropFinalizer(id, kForeground));
}

bool GarbageCollector::orphanDependents(const QJsonObject &owner)
{
    bool ok = true;
    const QString uid = uidOf(owner);
    const QList<Dependent> dependents = dependentsOf(uid);
    for (const Dependent &dependent : dependents)
        ok = removeOwnerReferences(dependent.id, {uid}) && ok;
    return ok;
}

bool GarbageCollector::removeOwnerReferences(const QString &id, const QSet<QString> &uids)
{
    const auto type = m_ctx->objects->catalog()->findByStorageKey(storageKeyOfId(id));
    if (!type)
        return true;
    const QString key = keyOfId(id);
    const auto result = m_ctx->objects->mutate(
        *type, namespaceOfKey(key), nameOfKey(key),
        [&uids](QJsonObject &object) {
            const QJsonArray refs = metadataOf(object).value("ownerReferences"_L1).toArray();
            QJsonArray kept;
            for (const QJsonValue &ref : refs) {
                if (!uids.contains(ref.toObject().value("uid"_L1).toString()))
                    kept.append(ref);
            }
            if (kept.size() == refs.size())
                return false;
            setMetadataField(object, u"ownerReferences"_s, kept.isEmpty() ? QJsonValue() : QJsonValue(kept));
            return true;
        },
        {}, ctrl::kControllerManager);
    return result.hasValue() || result.error().code == 404;
}

bool GarbageCollector::dropFinalizer(const QString &id, const QString &finalizer)
{
    const auto type = m_ctx->objects->catalog()->findByStorageKey(storageKeyOfId(id));
    if (!type)
        return true;
    const QString key = keyOfId(id);
    const auto result = m_ctx->objects->mutate(
        *type, namespaceOfKey(key), nameOfKey(key),
        [&finalizer](QJsonObject &current) { return ctrl::removeFinalizer(current, finalizer); }, {}, ctrl::kControllerManager);
    return result.hasValue() || result.error().code == 404;
}

} // namespace fd::sim

#include "moc_GarbageCollector.cpp"
