#include "sim/fission/FissionObjects.h"

#include "sim/fission/FissionNames.h"

namespace fd::sim::fission {

namespace {

ApiError noType(const QString &storageKey)
{
    return ApiError::notFound(storageKey.section(QLatin1Char('/'), 0, 0), storageKey.section(QLatin1Char('/'), 1), {});
}

} // namespace

FissionObjects::FissionObjects(ObjectService *objects) : m_objects(objects)
{
}

std::optional<ResourceType> FissionObjects::typeOf(const QString &storageKey) const
{
    return m_objects->catalog()->findByStorageKey(storageKey);
}

ObjectRef FissionObjects::get(const QString &storageKey, const QString &namespaceName, const QString &name) const
{
    return store()->get(storageKey, namespaceName, name);
}

QList<ObjectRef> FissionObjects::list(const QString &storageKey, const QString &namespaceName) const
{
    return store()->list(storageKey, namespaceName);
}

QList<ObjectRef> FissionObjects::listLabelled(const QString &storageKey, const QString &namespaceName,
                                              const QJsonObject &labels) const
{
    QList<ObjectRef> result;
    for (const ObjectRef &object : store()->list(storageKey, namespaceName)) {
        const QJsonObject have = labelsOf(object->object);
        bool matches = true;
        for (auto it = labels.begin(); it != labels.end() && matches; ++it)
            matches = have.value(it.key()) == it.value();
        if (matches)
            result.append(object);
    }
    return result;
}

Expected<ObjectRef, ApiError> FissionObjects::create(const QString &storageKey, const QString &namespaceName,
                                                     const QJsonObject &object)
{
    const auto type = typeOf(storageKey);
    if (!type)
        return Unexpected(noType(storageKey));
    WriteOptions options;
    options.fieldManager = kFieldManager;
    auto created = m_objects->create(*type, type->namespaced ? namespaceName : QString(), object, options);
    if (!created)
        return Unexpected(created.error());
    return created->object;
}

bool FissionObjects::ensure(const QString &storageKey, const QString &namespaceName, const QJsonObject &object)
{
    if (get(storageKey, namespaceName, nameOf(object)))
        return true;
    const auto created = create(storageKey, namespaceName, object);
    return created.hasValue() || created.error().code == 409;
}

Expected<ObjectRef, ApiError> FissionObjects::update(const QString &storageKey, const QString &namespaceName,
                                                     const QString &name, const QJsonObject &object,
                                                     const QString &subresource)
{
    const auto type = typeOf(storageKey);
    if (!type)
        return Unexpected(noType(storageKey));
    WriteOptions options;
    options.fieldManager = kFieldManager;
    options.subresource = subresource;
    auto updated = m_objects->update(*type, type->namespaced ? namespaceName : QString(), name, object, options);
    if (!updated)
        return Unexpected(updated.error());
    return updated->object;
}

Expected<ObjectRef, ApiError> FissionObjects::mutate(const QString &storageKey, const QString &namespaceName,
                                                     const QString &name,
                                                     const std::function<bool(QJsonObject &)> &change,
                                                     const QString &subresource)
{
    const auto type = typeOf(storageKey);
    if (!type)
        return Unexpected(noType(storageKey));
    auto result = m_objects->mutate(*type, type->namespaced ? namespaceName : QString(), name, change, subresource,
                                    kFieldManager);
    if (!result)
        return Unexpected(result.error());
    return result->object;
}

bool FissionObjects::remove(const QString &storageKey, const QString &namespaceName, const QString &name,
                            const QString &uid, const QString &propagation)
{
    const auto type = typeOf(storageKey);
    if (!type)
        return true;
    DeleteOptions options;
    options.preconditionUid = uid;
    options.propagationPolicy = propagation;
    const auto removed = m_objects->remove(*type, type->namespaced ? namespaceName : QString(), name, options);
    return removed.hasValue() || removed.error().code == 404 || (removed.error().code == 409 && !uid.isEmpty());
}

} // namespace fd::sim::fission
