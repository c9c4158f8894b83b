#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// How the built-in kinds want their fields merged: the Go struct tags patchStrategy /
// patchMergeKey (strategic merge patch) and the OpenAPI extensions x-kubernetes-list-type /
// -list-map-keys / -map-type (server-side apply) of the kinds the emulator serves.
//
// Paths are field names only: list items add no element, so the ports of any container of
// a Deployment are {"spec","template","spec","containers","ports"}.
namespace fd::sim {

// x-kubernetes-list-type. Lists that the table does not name are atomic.
enum class ListType {
    Atomic, // replaced as a whole
    Set,    // items are scalars, owned one by one (FieldsV1 "v:<json>")
    Map,    // items are objects identified by listMapKeys (FieldsV1 "k:{…}")
};

struct FieldStrategy {
    // Strategic merge patch.
    bool smpMerge = false;      // patchStrategy contains "merge"
    bool smpRetainKeys = false; // patchStrategy contains "retainKeys"
    QString smpMergeKey;        // patchMergeKey; empty for merged lists of scalars

    // Server-side apply.
    ListType listType = ListType::Atomic;
    QStringList listMapKeys;       // for ListType::Map
    QJsonObject listMapKeyDefaults; // schema defaults of key fields (ports: protocol TCP)
    bool itemsAtomic = false;       // items are atomic structs (ownerReferences, LocalObjectReference)
    bool atomicMap = false;         // x-kubernetes-map-type: atomic (selectors, key refs)
};

// Groups whose kinds are compiled into kube-apiserver (core may be "" or "core").
bool isBuiltInGroup(const QString &group);

// The strategy of the field at `path` in objects of group/kind, or nullptr when the field
// has none (maps merge, lists are atomic). Metadata rules (finalizers, ownerReferences)
// hold for every kind, custom resources included; the rest only for built-in groups.
const FieldStrategy *fieldStrategy(const QString &group, const QString &kind, const QStringList &path);

// True when the object at `path` is a map[string]… (labels, data, resource lists): its
// entries are owned one by one rather than being named fields of a struct.
bool isFreeFormMap(const QString &group, const QString &kind, const QStringList &path);

// True when the object at `path` is replaced as a whole by apply (mapType/structType atomic).
bool isAtomicMap(const QString &group, const QString &kind, const QStringList &path);

} // namespace fd::sim
