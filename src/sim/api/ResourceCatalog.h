#pragma once

#include "sim/api/ResourceType.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace fd::sim {

// Every resource type the cluster serves: the built-in kinds plus those of established
// CRDs. Discovery and OpenAPI are generated from it, so adding a CRD publishes it.
class ResourceCatalog : public QObject {
    Q_OBJECT
public:
    explicit ResourceCatalog(QObject *parent = nullptr);

    const QList<ResourceType> &types() const { return m_types; }
    std::optional<ResourceType> find(const QString &group, const QString &version, const QString &plural) const;
    std::optional<ResourceType> findByKind(const QString &group, const QString &kind) const;
    std::optional<ResourceType> findByStorageKey(const QString &storageKey) const;
    // Group names in discovery order (core first, then built-ins, then CRD groups).
    QStringList groups() const;
    // Versions of a group in preference order.
    QStringList versionsOf(const QString &group) const;
    // Incremented whenever a type is added or removed; OpenAPI/discovery caches key on it.
    int generation() const { return m_generation; }

    // CRD types replace any previous entry of the same group/plural.
    void addCustomTypes(const QString &crdName, const QList<ResourceType> &types);
    void removeCustomTypes(const QString &crdName);

Q_SIGNALS:
    void changed();

private:
    void addBuiltins();
    QList<ResourceType> m_types;
    QMultiHash<QString, QString> m_crdKeys; // CRD name -> group/plural it defines
    int m_generation = 0;
};

// Standard verb sets.
QStringList allVerbs();
QStringList createOnlyVerbs();

} // namespace fd::sim
