#pragma once

#include "common/Expected.h"
#include "sim/patch/FieldSet.h"

#include <QJsonObject>
#include <QString>

namespace fd::sim {

struct FieldComparison {
    FieldSet removed;
    FieldSet modified;
    FieldSet added;
};

// structured-merge-diff's typed operations (merge, compare, field sets, removal) over JSON
// objects of one kind, with the kind's list and map semantics taken from MergeKeys.h:
// associative lists by key, sets by value, everything else atomic; maps recurse unless
// atomic; map[string]… entries are owned one by one.
//
// Inputs must already be bounded in depth (patchjson::kMaxDepth); all walks recurse.
class StructuredMerge {
public:
    StructuredMerge(QString group, QString kind);

    // Checks that associative lists can be keyed: every item carries its key fields (or
    // their defaults), set items are scalars, and — unless allowDuplicates — no key repeats.
    // Error text as upstream: "<path>: <problem>".
    fd::Expected<bool, QString> validate(const QJsonObject &object, bool allowDuplicates) const;

    // The fields an applied configuration sets (typed.ToFieldSet).
    FieldSet toFieldSet(const QJsonObject &object) const;

    // `config` merged into `live`: maps recurse, associative lists merge by key keeping the
    // config's order for its items, atomic lists and scalars are replaced.
    QJsonObject merge(const QJsonObject &live, const QJsonObject &config) const;

    // What changed from lhs to rhs (typed.Compare).
    FieldComparison compare(const QJsonObject &lhs, const QJsonObject &rhs) const;

    // Removes the fields of `lastApplied` that nobody in `owned` keeps (Updater.prune):
    // a field goes with its whole subtree; named struct fields count as owned when any of
    // their descendants is. Containers emptied this way go too.
    QJsonObject removeUnowned(const QJsonObject &object, const FieldSet &lastApplied, const FieldSet &owned) const;

private:
    class Walk;
    QString m_group;
    QString m_kind;
};

} // namespace fd::sim
