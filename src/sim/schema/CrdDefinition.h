#pragma once

#include "common/Expected.h"
#include "sim/api/ResourceType.h"
#include "sim/schema/FieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sim {

// spec.names / status.acceptedNames of a CustomResourceDefinition.
struct CrdNames {
    QString plural;
    QString singular;
    QString kind;
    QString listKind;
    QStringList shortNames;
    QStringList categories;

    static CrdNames fromJson(const QJsonObject &names);
    QJsonObject toJson() const;
    bool isEmpty() const { return plural.isEmpty() && kind.isEmpty(); }
    bool operator==(const CrdNames &other) const = default;
};

struct CrdScale {
    QString specReplicasPath;   // ".spec.replicas"
    QString statusReplicasPath; // ".status.replicas"
    QString labelSelectorPath;  // optional
};

// One entry of spec.versions.
struct CrdVersion {
    QString name;
    bool served = false;
    bool storage = false;
    bool deprecated = false;
    QString deprecationWarning;
    QJsonObject schema; // schema.openAPIV3Schema
    bool hasStatus = false;
    std::optional<CrdScale> scale;
    QStringList selectableFields; // field-selector names ("spec.color", from jsonPath ".spec.color")
};

// The NamesAccepted decision for a CRD.
struct CrdNameCheck {
    bool accepted = false;
    QString reason;  // NoConflicts, PluralConflict, SingularConflict, ShortNamesConflict, KindConflict, ListKindConflict
    QString message; // "no conflicts found", "\"pkg\" is already in use"
    CrdNames acceptedNames;
};

// An apiextensions.k8s.io/v1 CustomResourceDefinition as the apiserver understands it:
// defaulted and validated on write, turned into the resource types it serves, and given
// the status the naming and establishing controllers write.
class CrdDefinition {
public:
    // Applies the v1 defaults (names.singular, names.listKind, conversion.strategy) and
    // validates like a create; the errors are the causes of the 422 Invalid answer.
    static Expected<CrdDefinition, FieldErrors> fromJson(const QJsonObject &crd);

    QString name() const { return m_name; }
    QString group() const { return m_group; }
    bool namespaced() const { return m_namespaced; }
    const CrdNames &names() const { return m_names; }
    const QList<CrdVersion> &versions() const { return m_versions; }
    QString storageVersion() const;
    // The served version with the highest Kubernetes version priority (discovery's preferred).
    QString preferredVersion() const;
    std::optional<CrdVersion> version(const QString &name) const;
    // The input object with the defaults applied: what the apiserver stores.
    QJsonObject defaultedObject() const { return m_object; }

    // One ResourceType per served version, named with `names` (normally the accepted names).
    QList<ResourceType> resourceTypes() const { return resourceTypes(m_names); }
    QList<ResourceType> resourceTypes(const CrdNames &names) const;

    // NamesAccepted: the requested names against those other CRDs of the same group hold in
    // `servedTypes` (custom types only; this CRD's own types are ignored). `previous` is
    // the status.acceptedNames already granted (empty for a new CRD).
    CrdNameCheck checkNames(const QList<ResourceType> &servedTypes, const CrdNames &previous = {}) const;

    // The status after the controllers ran: acceptedNames, conditions NamesAccepted and
    // Established (kept from `previousStatus` where unchanged, incl. transition times),
    // storedVersions (previous ones plus the storage version).
    QJsonObject status(const CrdNameCheck &names, const QJsonObject &previousStatus, const QDateTime &now) const;

private:
    QJsonObject m_object;
    QString m_name;
    QString m_group;
    bool m_namespaced = true;
    CrdNames m_names;
    QList<CrdVersion> m_versions;
};

} // namespace fd::sim
