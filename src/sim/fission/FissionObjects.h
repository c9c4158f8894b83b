#pragma once

#include "common/Expected.h"
#include "sim/api/ApiError.h"
#include "sim/api/ObjectService.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace fd::sim::fission {

// The simulated Fission components' API client: reads from the store, writes through the
// ObjectService (admission, schema, RBAC-free but otherwise the real write path) as field
// manager "fission-bundle". Types are resolved at each call because the Fission kinds
// appear and disappear with their CRDs.
class FissionObjects {
public:
    explicit FissionObjects(ObjectService *objects);

    ObjectService *service() const { return m_objects; }
    ObjectStore *store() const { return m_objects->store(); }
    QDateTime now() const { return m_objects->now(); }

    std::optional<ResourceType> typeOf(const QString &storageKey) const;

    ObjectRef get(const QString &storageKey, const QString &namespaceName, const QString &name) const;
    QList<ObjectRef> list(const QString &storageKey, const QString &namespaceName = {}) const;
    // Objects of a namespace whose labels contain every pair of `labels`.
    QList<ObjectRef> listLabelled(const QString &storageKey, const QString &namespaceName,
                                  const QJsonObject &labels) const;

    Expected<ObjectRef, ApiError> create(const QString &storageKey, const QString &namespaceName,
                                         const QJsonObject &object);
    // Creates unless it exists (409 AlreadyExists counts as success, like upstream's
    // create-or-ignore); returns false on any other error.
    bool ensure(const QString &storageKey, const QString &namespaceName, const QJsonObject &object);
    Expected<ObjectRef, ApiError> update(const QString &storageKey, const QString &namespaceName,
                                         const QString &name, const QJsonObject &object,
                                         const QString &subresource = {});
    // Read-modify-write with conflict retries; `change` returns false when nothing changes.
    Expected<ObjectRef, ApiError> mutate(const QString &storageKey, const QString &namespaceName, const QString &name,
                                         const std::function<bool(QJsonObject &)> &change,
                                         const QString &subresource = {});
    // Deletes; a missing object counts as deleted. `uid` (if set) is a precondition.
    bool remove(const QString &storageKey, const QString &namespaceName, const QString &name,
                const QString &uid = {}, const QString &propagation = {});

private:
    ObjectService *m_objects;
};

} // namespace fd::sim::fission
