#pragma once

#include "helm/Release.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Helm's value arithmetic (kube-protocol.md §8), on QJsonObjects.
//
// coalesce(chartDefaults, userValues) is what Helm renders with and what `helm get values -a`
// prints:
//  - user values win; maps merge key by key, recursively; lists and scalars are replaced whole
//    (so `additionalFissionNamespaces` must always be sent complete);
//  - a user `null` for a key the chart defaults have deletes the key (nested: a null deletes
//    the key at any depth below a key both sides have as maps); a top-level user `null` for a
//    key the chart does not have stays null;
//  - a map on one side and a non-map on the other keeps the user's value, with a warning (Helm
//    prints "skipped value for …: Not a table." and similar).
// Subcharts are out of scope: Helm does not store them in a release, so `helm get values -a` on a
// stored release coalesces the parent chart only, as here.
//
// mergeValueSources() is how Helm combines several `-f` files (and --set layers): later sources
// win, maps merge recursively, everything else (lists, nulls) replaces.
//
// upgradeValues() is `helm upgrade`'s choice of values per flag (§8 table).

namespace fd::helm {

// Returns coalesced values; `warnings`, when given, receives Helm-style notes about type clashes
// ("path: …").
QJsonObject coalesceValues(const QJsonObject &chartDefaults, const QJsonObject &userValues,
                           QStringList *warnings = nullptr);

// Helm's CoalesceTables(dst, src): `higher` wins over `lower`; maps merge; a null in `higher`
// deletes the key. Used by --reuse-values and --reset-then-reuse-values.
QJsonObject coalesceTables(const QJsonObject &higher, const QJsonObject &lower, QStringList *warnings = nullptr);

// -f a.yaml -f b.yaml: b over a.
QJsonObject mergeValueSources(const QList<QJsonObject> &sources);

struct UpgradeValueFlags {
    bool reuseValues = false;          // --reuse-values
    bool resetValues = false;          // --reset-values (beats --reuse-values)
    bool resetThenReuseValues = false; // --reset-then-reuse-values (ignored with either above)
};

enum class UpgradeValuesRule {
    ReusedOldConfig,      // no flag, no new values: the old user-supplied values unchanged
    NewValuesOnly,        // no flag and new values, or --reset-values
    ReuseValues,          // --reuse-values
    ResetThenReuseValues, // --reset-then-reuse-values
};

struct UpgradeValues {
    UpgradeValuesRule rule = UpgradeValuesRule::NewValuesOnly;
    QJsonObject config;        // what the new revision stores as user-supplied values
    QJsonObject chartDefaults; // the defaults the render uses (replaced by the old coalesced
                               // values under --reuse-values: new chart defaults are lost)
    QJsonObject effective;     // coalesce(chartDefaults, config): what the templates see
    QStringList warnings;
};

// `newChartDefaults`: values.yaml of the chart being upgraded to (for a reconstructed chart, the
// current release's chart.values). `current`: the revision Helm bases the upgrade on
// (ReleaseRevisions::upgradeBase()). `newValues`: the merged -f/--set values; Helm treats an
// empty map as "no values given".
UpgradeValues upgradeValues(const QJsonObject &newChartDefaults, const Release &current, const QJsonObject &newValues,
                            const UpgradeValueFlags &flags);

} // namespace fd::helm
