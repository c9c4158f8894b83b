#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fd::sim {

// A resource the emulator serves at one group-version: everything discovery, routing,
// OpenAPI and the write path need to know about it.
struct ResourceType {
    QString group;     // "" for the core group
    QString version;
    QString kind;
    QString plural;
    QString singular;
    bool namespaced = true;
    QStringList verbs;
    QStringList shortNames;
    QStringList categories;
    bool hasStatus = false;       // status subresource: main writes keep status, /status keeps the rest
    bool hasScale = false;
    QStringList extraSubresources; // "log", "finalize", "eviction", "proxy", … (listed in discovery)
    bool custom = false;          // served from a CRD: no strategic merge, RV required on PUT
    bool usesGeneration = true;   // metadata.generation tracked (not for the old core kinds)
    bool preferred = true;        // the group's preferred version serves this entry
    QJsonObject schema;           // OpenAPI v3 schema (CRDs; may be empty for built-ins)
    QStringList selectableFields; // field selectors beyond metadata.name/namespace

    QString listKind() const { return kind + QStringLiteral("List"); }
    QString groupVersion() const { return group.isEmpty() ? version : group + QLatin1Char('/') + version; }
    // Storage is shared by all versions of one resource.
    QString storageKey() const { return group + QLatin1Char('/') + plural; }
    // "deployments.apps" style name used in messages.
    QString qualifiedName() const { return group.isEmpty() ? plural : plural + QLatin1Char('.') + group; }
    bool allows(const QString &verb) const { return verbs.contains(verb); }
};

} // namespace fd::sim
