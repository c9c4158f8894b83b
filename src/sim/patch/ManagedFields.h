#pragma once

#include "common/Expected.h"
#include "sim/patch/FieldSet.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace fd::sim {

// One metadata.managedFields entry (metav1.ManagedFieldsEntry) with its FieldsV1 decoded.
struct ManagedFieldsEntry {
    QString manager;
    QString operation; // "Apply" or "Update"
    QString apiVersion;
    QString time;      // RFC 3339 as stored; empty when absent
    QString subresource;
    FieldSet fields;

    bool isApply() const { return operation == QLatin1String("Apply"); }
    // The apiserver's manager identifier: manager, operation, subresource, and apiVersion for
    // Update entries only (one Apply entry per manager whatever the version).
    QString identity() const;
};

// Decodes metadata.managedFields with the apiserver's checks (operation, apiVersion,
// fieldsType FieldsV1, well-formed fieldsV1). A later entry with the same identity wins.
fd::Expected<QList<ManagedFieldsEntry>, QString> decodeManagedFields(const QJsonValue &managedFields);

// Encodes entries sorted as the apiserver does (operation, time, manager, apiVersion,
// subresource). Entries with empty field sets are dropped.
QJsonArray encodeManagedFields(const QList<ManagedFieldsEntry> &entries);

// `managedFields: []` or `[{}]` in a write request: the client asks to reset tracking.
bool isResetManagedFields(const QJsonValue &managedFields);

// Bounds the Update entries to `maxUpdateManagers` by folding the oldest into
// "ancient-changes" entries per apiVersion (capmanagers.go).
void capUpdateManagers(QList<ManagedFieldsEntry> &entries, int maxUpdateManagers = 10);

} // namespace fd::sim
