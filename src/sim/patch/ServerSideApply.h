#pragma once

#include "common/Expected.h"
#include "sim/patch/PatchError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fd::sim {

// Which part of the object a write addresses, as the REST strategies' reset fields decide:
// main-resource writes leave `status` alone (when the kind has a status subresource),
// `status` subresource writes touch nothing but `status`.
struct WriteScope {
    QString subresource;           // "" (main resource) or "status"
    bool statusSubresource = true; // the kind serves /status (false: status is a plain field)
};

struct ApplyOptions {
    QString manager;    // fieldManager query parameter (required, ≤ 128 bytes, printable)
    bool force = false; // take over fields other managers own
    QString apiVersion; // version the request addresses, e.g. "apps/v1" or "v1"
    QString group;      // "" for core
    QString kind;       // e.g. "Deployment"
    QDateTime time;     // timestamp for managedFields; invalid → now
    WriteScope scope;
};

struct UpdateOptions {
    QString manager;    // derived from fieldManager or the User-Agent by the caller; empty → "unknown"
    QString apiVersion;
    QString group;
    QString kind;
    QDateTime time;
    WriteScope scope;
};

// Server-side apply (application/apply-patch+yaml, already decoded to JSON by the caller)
// with structured-merge-diff's semantics:
//  - creates when `live` is empty, else merges `applied` into it (maps recurse, associative
//    lists by key, atomic lists and scalars replaced);
//  - removes fields this manager applied before and omits now, unless someone else owns them;
//  - fails with Conflict (409, causes FieldManagerConflict) when a field owned by another
//    manager would change, unless `force` (ownership then moves); equal values are shared;
//  - records the manager's fields in metadata.managedFields (operation Apply, FieldsV1);
//    identity fields (apiVersion, kind, name, namespace, uid, resourceVersion, generation,
//    creationTimestamp, managedFields) are never tracked;
//  - an untracked live object first gets a "before-first-apply" entry owning its fields.
// Other errors: bad manager → Invalid; wrong apiVersion/kind or managedFields in the config
// → BadRequest; un-keyable or duplicate list items → Internal (500, like the apiserver).
fd::Expected<QJsonObject, PatchError> applyServerSide(const std::optional<QJsonObject> &live, const QJsonObject &applied,
                                                      const ApplyOptions &options);

// Field ownership for a non-apply write (POST, PUT, PATCH): the changed fields go to the
// manager (operation Update), leave the other managers, emptied entries are dropped and
// Update entries are capped at 10 ("ancient-changes"). `after` may carry managedFields from
// the client: a valid non-empty list replaces the live one, `[]` or `[{}]` resets tracking
// (which stays off for an existing object until the next apply). Never fails: when the
// objects cannot be compared the live managedFields are kept.
QJsonObject recordUpdate(const std::optional<QJsonObject> &before, const QJsonObject &after, const UpdateOptions &options);

} // namespace fd::sim
