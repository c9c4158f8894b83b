#include "sim/patch/StrategicMergePatch.h"

#include "sim/patch/JsonSupport.h"
#include "sim/patch/MergeKeys.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace fd::sim {

namespace {

template<typename T>
using Result = fd::Expected<T, PatchError>;

const QString &directiveMarker()
{
    static const QString marker = QStringLiteral("$patch");
    return marker;
}
const QString &retainKeysDirective()
{
    static const QString directive = QStringLiteral("$retainKeys");
    return directive;
}
const QString &setElementOrderPrefix()
{
    static const QString prefix = QStringLiteral("$setElementOrder");
    return prefix;
}
const QString &deleteFromPrimitiveListPrefix()
{
    static const QString prefix = QStringLiteral("$deleteFromPrimitiveList");
    return prefix;
}

// The mergepatch errors the apiserver maps to 400 (see interpretStrategicMergePatchError).
PatchError badPrimitiveListFormat()
{
    return PatchError::badRequest(QStringLiteral("invalid patch format of primitive list"));
}
PatchError badRetainKeysFormat()
{
    return PatchError::badRequest(QStringLiteral("invalid patch format of retainKeys"));
}
PatchError badSetElementOrderFormat()
{
    return PatchError::badRequest(QStringLiteral("invalid patch format of setElementOrder list"));
}
PatchError noListOfLists()
{
    return PatchError::genericInvalid(QStringLiteral("lists of lists are not supported"));
}

// reflect.TypeOf(v).String() of a decoded JSON value (ints decode as int64 on the server).
QString reflectTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: return QStringLiteral("map[string]interface {}");
    case QJsonValue::Array: return QStringLiteral("[]interface {}");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Bool: return QStringLiteral("bool");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == static_cast<double>(static_cast<qint64>(number)) ? QStringLiteral("int64")
                                                                          : QStringLiteral("float64");
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("%!s(<nil>)");
}

PatchError badArgType(const QString &expected, const QJsonValue &actual)
{
    return PatchError::internal(QStringLiteral("expected a %1, but received a %2").arg(expected, reflectTypeName(actual)));
}

PatchError noMergeKey(const QJsonObject &item, const QString &mergeKey)
{
    return PatchError::internal(QStringLiteral("map: %1 does not contain declared merge key: %2")
                                    .arg(patchjson::goFormat(item), mergeKey));
}

PatchError badPatchType(const QJsonValue &directive, const QJsonObject &map)
{
    return PatchError::internal(QStringLiteral("unknown patch type: %1 in map: %2")
                                    .arg(patchjson::goFormat(directive), patchjson::goFormat(map)));
}

// Maps with a `$patch` key are dropped; other values are kept with such maps removed inside.
std::optional<QJsonValue> removeDirectives(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(directiveMarker()))
            return std::nullopt;
        QJsonObject out;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (auto kept = removeDirectives(it.value()))
                out.insert(it.key(), *kept);
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (auto kept = removeDirectives(item))
                out.append(*kept);
        }
        return out;
    }
    return value;
}

// Null members go away at every level of maps (list elements that are null stay).
QJsonValue discardNullValues(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isNull())
                out.insert(it.key(), discardNullValues(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            out.append(discardNullValues(item));
        return out;
    }
    return value;
}

// What is left after the merge goes through the typed object on a real server: unknown
// "$…" directive keys and null fields do not survive the round trip.
QJsonValue dropDirectivesAndNulls(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString &key = it.key();
            if (it.value().isNull() || key == directiveMarker() || key == retainKeysDirective()
                || key.startsWith(setElementOrderPrefix() + QLatin1Char('/'))
                || key.startsWith(deleteFromPrimitiveListPrefix() + QLatin1Char('/')))
                continue;
            out.insert(key, dropDirectivesAndNulls(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            out.append(dropDirectivesAndNulls(item));
        return out;
    }
    return value;
}

// "$prefix/field" → field; a missing slash or another prefix is a format error.
Result<QString> extractKey(const QString &key, const QString &prefix)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0 || key.left(slash) != prefix) {
        if (prefix == deleteFromPrimitiveListPrefix())
            return fd::Unexpected(badPrimitiveListFormat());
        return fd::Unexpected(badSetElementOrderFormat());
    }
    return key.mid(slash + 1);
}

enum class ElementKind { Map, Scalar };

// All elements of the lists must share one JSON type, which must not be a list.
Result<ElementKind> sliceElementKind(const QList<QJsonArray> &slices)
{
    std::optional<QJsonValue::Type> previous;
    for (const QJsonArray &slice : slices) {
        for (const QJsonValue &item : slice) {
            const QJsonValue::Type current = item.type();
            if (!previous) {
                if (current == QJsonValue::Array)
                    return fd::Unexpected(noListOfLists());
                if (current == QJsonValue::Null)
                    break; // reflect.TypeOf(nil): upstream cannot type the list either
                previous = current;
            } else if (*previous != current) {
                QStringList rendered;
                for (const QJsonArray &s : slices)
                    rendered.append(patchjson::goFormat(s));
                return fd::Unexpected(PatchError::internal(
                    QStringLiteral("list element types are not identical: [%1]").arg(rendered.join(QLatin1Char(' ')))));
            }
        }
    }
    if (!previous)
        return fd::Unexpected(PatchError::internal(QStringLiteral("no elements in any of the given slices")));
    return *previous == QJsonValue::Object ? ElementKind::Map : ElementKind::Scalar;
}

// The value an item is matched by: its merge key for maps, itself for scalars.
QJsonValue matchValue(const QJsonValue &item, const QString &mergeKey, ElementKind kind)
{
    if (kind == ElementKind::Map)
        return item.isObject() ? item.toObject().value(mergeKey) : QJsonValue(QJsonValue::Undefined);
    return item;
}

// Hashable spelling of a value: equal JSON values give equal bytes.
QByteArray valueKey(const QJsonValue &value)
{
    return value.isUndefined() ? QByteArrayLiteral("\x01undefined") : patchjson::compact(value);
}

// First position of each match value in a list: constant-time index() look-ups, so
// ordering long lists stays linear.
class PositionIndex {
public:
    PositionIndex(const QJsonArray &list, const QString &mergeKey, ElementKind kind) : m_mergeKey(mergeKey), m_kind(kind)
    {
        for (qsizetype i = 0; i < list.size(); ++i)
            m_first.insert(valueKey(matchValue(list.at(i), mergeKey, kind)), i); // keeps the first
    }

    qsizetype indexOf(const QJsonValue &item) const
    {
        return m_first.value(valueKey(matchValue(item, m_mergeKey, m_kind)), -1);
    }

private:
    struct FirstWins : QHash<QByteArray, qsizetype> {
        void insert(const QByteArray &key, qsizetype index)
        {
            if (!contains(key))
                QHash<QByteArray, qsizetype>::insert(key, index);
        }
    };
    QString m_mergeKey;
    ElementKind m_kind;
    FirstWins m_first;
};

// Positions of maps by their merge-key value (maps without the key are not indexed), kept
// current while the list is edited so merging long lists stays linear.
class KeyIndex {
public:
    KeyIndex(const QJsonArray &list, const QString &key) : m_key(key) { rebuild(list); }

    qsizetype find(const QJsonValue &value) const
    {
        const auto it = m_positions.constFind(valueKey(value));
        return it == m_positions.constEnd() || it->isEmpty() ? -1 : it->first();
    }

    void rebuild(const QJsonArray &list)
    {
        m_positions.clear();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject item = list.at(i).toObject();
            if (item.contains(m_key))
                m_positions[valueKey(item.value(m_key))].append(i);
        }
    }

    void appended(const QJsonValue &item, qsizetype index)
    {
        const QJsonObject map = item.toObject();
        if (map.contains(m_key))
            m_positions[valueKey(map.value(m_key))].append(index);
    }

private:
    QString m_key;
    QHash<QByteArray, QList<qsizetype>> m_positions;
};

Result<bool> validateMergeKeyInLists(const QString &mergeKey, const QList<QJsonArray> &lists)
{
    for (const QJsonArray &list : lists) {
        for (const QJsonValue &item : list) {
            if (!item.isObject())
                return fd::Unexpected(badArgType(QStringLiteral("map[string]interface {}"), item));
            if (!item.toObject().contains(mergeKey))
                return fd::Unexpected(noMergeKey(item.toObject(), mergeKey));
        }
    }
    return true;
}

// Splits items into those to keep and those marked `$patch: delete`.
Result<std::pair<QJsonArray, QJsonArray>> extractToDeleteItems(const QJsonArray &list)
{
    QJsonArray keep;
    QJsonArray toDelete;
    for (const QJsonValue &item : list) {
        if (!item.isObject())
            return fd::Unexpected(badArgType(QStringLiteral("map[string]interface {}"), item));
        if (item.toObject().value(directiveMarker()) == QLatin1String("delete"))
            toDelete.append(item);
        else
            keep.append(item);
    }
    return std::pair{keep, toDelete};
}

// Sorts `toSort` by the positions of its items in `order` (stable); deletions go last.
Result<QJsonArray> normalizeSliceOrder(const QJsonArray &toSort, const QJsonArray &order, const QString &mergeKey,
                                       ElementKind kind)
{
    QJsonArray sortable = toSort;
    QJsonArray toDelete;
    if (kind == ElementKind::Map) {
        auto valid = validateMergeKeyInLists(mergeKey, {toSort, order});
        if (!valid)
            return fd::Unexpected(valid.error());
        auto split = extractToDeleteItems(toSort);
        if (!split)
            return fd::Unexpected(split.error());
        sortable = split.value().first;
        toDelete = split.value().second;
    }
    const PositionIndex positions(order, mergeKey, kind);
    QList<std::pair<qsizetype, QJsonValue>> keyed;
    for (const QJsonValue &item : std::as_const(sortable))
        keyed.append({positions.indexOf(item), item});
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        return a.first >= 0 && b.first >= 0 && a.first < b.first;
    });
    QJsonArray out;
    for (const auto &entry : std::as_const(keyed))
        out.append(entry.second);
    for (const QJsonValue &item : std::as_const(toDelete))
        out.append(item);
    return out;
}

// Interleaves the server-only items (left) into the patch items (right), keeping each
// side's order and placing a left item before a right one when the live order says so.
QJsonArray mergeSortedSlice(const QJsonArray &left, const QJsonArray &right, const QJsonArray &serverOrder,
                            const QString &mergeKey, ElementKind kind)
{
    const PositionIndex positions(serverOrder, mergeKey, kind);
    QJsonArray out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < left.size() || j < right.size()) {
        if (i >= left.size()) {
            out.append(right.at(j++));
        } else if (j >= right.size()) {
            out.append(left.at(i++));
        } else {
            const qsizetype li = positions.indexOf(left.at(i));
            const qsizetype ri = positions.indexOf(right.at(j));
            if (li >= 0 && ri >= 0 && li < ri)
                out.append(left.at(i++));
            else
                out.append(right.at(j++));
        }
    }
    return out;
}

Result<QJsonArray> normalizeElementOrder(const QJsonArray &patchItems, const QJsonArray &serverOnly,
                                         const QJsonArray &patchOrder, const QJsonArray &serverOrder,
                                         const QString &mergeKey, ElementKind kind)
{
    auto sortedPatch = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
    if (!sortedPatch)
        return sortedPatch;
    auto sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
    if (!sortedServer)
        return sortedServer;
    return mergeSortedSlice(sortedServer.value(), sortedPatch.value(), serverOrder, mergeKey, kind);
}

std::pair<QJsonArray, QJsonArray> partitionPrimitives(const QJsonArray &merged, const QJsonArray &partitionBy)
{
    const PositionIndex positions(partitionBy, QString(), ElementKind::Scalar);
    QJsonArray inPatch;
    QJsonArray serverOnly;
    for (const QJsonValue &item : merged) {
        if (positions.indexOf(item) >= 0)
            inPatch.append(item);
        else
            serverOnly.append(item);
    }
    return {inPatch, serverOnly};
}

Result<std::pair<QJsonArray, QJsonArray>> partitionMaps(const QJsonArray &merged, const QJsonArray &partitionBy,
                                                        const QString &mergeKey)
{
    if (!merged.isEmpty()) {
        for (qsizetype i = 0; i < partitionBy.size(); ++i) {
            if (!partitionBy.at(i).isObject())
                return fd::Unexpected(PatchError::internal(QStringLiteral("value for key %1 is not a map").arg(i)));
        }
    }
    const KeyIndex inPartition(partitionBy, mergeKey);
    QJsonArray inPatch;
    QJsonArray serverOnly;
    for (const QJsonValue &item : merged) {
        if (!item.isObject())
            return fd::Unexpected(badArgType(QStringLiteral("map[string]interface {}"), item));
        const QJsonObject map = item.toObject();
        if (!map.contains(mergeKey))
            return fd::Unexpected(noMergeKey(map, mergeKey));
        (inPartition.find(map.value(mergeKey)) >= 0 ? inPatch : serverOnly).append(item);
    }
    return std::pair{inPatch, serverOnly};
}

QJsonArray deduplicateScalars(const QJsonArray &values)
{
    QJsonArray out;
    QSet<QByteArray> seen;
    for (const QJsonValue &value : values) {
        const QByteArray key = valueKey(value);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        out.append(value);
    }
    return out;
}

QJsonArray deleteFromSlice(const QJsonArray &current, const QJsonArray &toDelete)
{
    const PositionIndex positions(toDelete, QString(), ElementKind::Scalar);
    QJsonArray out;
    for (const QJsonValue &value : current) {
        if (positions.indexOf(value) < 0)
            out.append(value);
    }
    return out;
}

class Merger {
public:
    Merger(QString group, QString kind) : m_group(std::move(group)), m_kind(std::move(kind)) {}

    Result<QJsonObject> mergeMap(QJsonObject original, QJsonObject patch, const QStringList &path) const
    {
        if (patch.contains(directiveMarker()))
            return handleDirectiveInMap(patch.value(directiveMarker()), patch);

        if (auto retained = applyRetainKeys(original, patch); !retained)
            return fd::Unexpected(retained.error());
        if (auto ordered = mergeSetElementOrderLists(original, patch, path); !ordered)
            return fd::Unexpected(ordered.error());

        for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
            QString key = it.key();
            const QJsonValue patchValue = it.value();
            const bool isDeleteList = key.startsWith(deleteFromPrimitiveListPrefix());
            if (isDeleteList) {
                auto field = extractKey(key, deleteFromPrimitiveListPrefix());
                if (!field)
                    return fd::Unexpected(field.error());
                key = field.value();
            }

            if (patchValue.isNull()) {
                original.remove(key);
                continue;
            }

            const QJsonValue originalValue = original.value(key);
            const bool sameContainerType = (originalValue.isObject() && patchValue.isObject())
                                           || (originalValue.isArray() && patchValue.isArray());
            if (originalValue.isUndefined() || (!sameContainerType && originalValue.type() != patchValue.type())) {
                if (!isDeleteList)
                    setWithoutDirectives(original, key, discardNullValues(patchValue));
                continue;
            }
            const QStringList childPath = path + QStringList{key};
            if (originalValue.isObject()) {
                auto merged = mergeMap(originalValue.toObject(), patchValue.toObject(), childPath);
                if (!merged)
                    return fd::Unexpected(merged.error());
                original.insert(key, merged.value());
            } else if (originalValue.isArray()) {
                auto merged = mergeSliceHandler(originalValue.toArray(), patchValue.toArray(), childPath, isDeleteList);
                if (!merged)
                    return fd::Unexpected(merged.error());
                original.insert(key, merged.value());
            } else {
                setWithoutDirectives(original, key, patchValue);
            }
        }
        return original;
    }

private:
    static void setWithoutDirectives(QJsonObject &target, const QString &key, const QJsonValue &value)
    {
        if (auto kept = removeDirectives(value))
            target.insert(key, *kept);
        else
            target.remove(key);
    }

    static Result<QJsonObject> handleDirectiveInMap(const QJsonValue &directive, QJsonObject patch)
    {
        if (directive == QLatin1String("replace")) {
            // The patch map itself (minus the directive) becomes the value.
            patch.remove(directiveMarker());
            return patch;
        }
        if (directive == QLatin1String("delete"))
            return QJsonObject();
        return fd::Unexpected(badPatchType(directive, patch));
    }

    static Result<bool> applyRetainKeys(QJsonObject &original, QJsonObject &patch)
    {
        if (!patch.contains(retainKeysDirective()))
            return true;
        const QJsonValue retainKeys = patch.take(retainKeysDirective());
        if (!retainKeys.isArray())
            return fd::Unexpected(badRetainKeysFormat());
        const QJsonArray keep = retainKeys.toArray();
        for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
            if (it.value().isNull() || it.key().startsWith(deleteFromPrimitiveListPrefix())
                || it.key().startsWith(setElementOrderPrefix()))
                continue;
            if (!keep.contains(QJsonValue(it.key())))
                return fd::Unexpected(badRetainKeysFormat());
        }
        const QStringList keys = original.keys();
        for (const QString &key : keys) {
            if (!keep.contains(QJsonValue(key)))
                original.remove(key);
        }
        return true;
    }

    // $setElementOrder/<field>: merges that field now and orders the result as asked
    // (order list > patch order > live order); both keys leave the patch afterwards.
    Result<bool> mergeSetElementOrderLists(QJsonObject &original, QJsonObject &patch, const QStringList &path) const
    {
        const QStringList keys = patch.keys();
        for (const QString &key : keys) {
            if (!key.startsWith(setElementOrderPrefix()))
                continue;
            const QJsonValue orderValue = patch.take(key);
            if (!orderValue.isArray())
                return fd::Unexpected(badArgType(QStringLiteral("[]interface {}"), orderValue));
            const QJsonArray order = orderValue.toArray();
            auto field = extractKey(key, setElementOrderPrefix());
            if (!field)
                return fd::Unexpected(field.error());
            const QString fieldName = field.value();

            const bool foundOriginal = original.contains(fieldName);
            const bool foundPatch = patch.contains(fieldName);
            QJsonArray originalList;
            QJsonArray patchList;
            if (foundOriginal) {
                if (!original.value(fieldName).isArray())
                    return fd::Unexpected(badArgType(QStringLiteral("[]interface {}"), original.value(fieldName)));
                originalList = original.value(fieldName).toArray();
            }
            if (foundPatch) {
                if (!patch.value(fieldName).isArray())
                    return fd::Unexpected(badArgType(QStringLiteral("[]interface {}"), patch.value(fieldName)));
                patchList = patch.value(fieldName).toArray();
            }
            const QStringList fieldPath = path + QStringList{fieldName};
            const FieldStrategy *strategy = fieldStrategy(m_group, m_kind, fieldPath);
            const QString mergeKey = strategy ? strategy->smpMergeKey : QString();
            if (auto valid = validatePatchWithSetOrderList(patchList, order, mergeKey); !valid)
                return fd::Unexpected(valid.error());

            QJsonArray merged;
            if (foundOriginal && !foundPatch) {
                merged = originalList;
            } else if (!foundOriginal && foundPatch) {
                merged = removeDirectives(patchList).value_or(QJsonArray()).toArray();
            } else if (foundOriginal && foundPatch) {
                auto result = mergeSliceHandler(originalList, patchList, fieldPath, false);
                if (!result)
                    return fd::Unexpected(result.error());
                merged = result.value();
            } else {
                continue;
            }

            QJsonArray patchItems;
            QJsonArray serverOnly;
            if (mergeKey.isEmpty()) {
                std::tie(patchItems, serverOnly) = partitionPrimitives(merged, order);
            } else {
                auto parts = partitionMaps(merged, order, mergeKey);
                if (!parts)
                    return fd::Unexpected(parts.error());
                std::tie(patchItems, serverOnly) = parts.value();
            }
            auto kind = sliceElementKind({originalList, patchList});
            if (!kind)
                return fd::Unexpected(kind.error());
            auto both = normalizeElementOrder(patchItems, serverOnly, order, originalList, mergeKey, kind.value());
            if (!both)
                return fd::Unexpected(both.error());
            original.insert(fieldName, both.value());
            patch.remove(fieldName);
        }
        return true;
    }

    // The items of the patch list (deletions aside) must appear in the order list, in order.
    static Result<bool> validatePatchWithSetOrderList(const QJsonArray &patchList, const QJsonArray &order,
                                                      const QString &mergeKey)
    {
        if (order.isEmpty() || patchList.isEmpty())
            return true;
        QJsonArray nonDelete = patchList;
        if (!mergeKey.isEmpty()) {
            auto split = extractToDeleteItems(patchList);
            if (!split)
                return fd::Unexpected(split.error());
            nonDelete = split.value().first;
        }
        qsizetype patchIndex = 0;
        qsizetype orderIndex = 0;
        while (patchIndex < nonDelete.size() && orderIndex < order.size()) {
            const QJsonValue item = nonDelete.at(patchIndex);
            if (item.isObject() && item.toObject().contains(directiveMarker())) {
                ++patchIndex;
                continue;
            }
            auto equal = mergeKeyValueEqual(item, order.at(orderIndex), mergeKey);
            if (!equal)
                return fd::Unexpected(equal.error());
            if (equal.value())
                ++patchIndex;
            ++orderIndex;
        }
        if (patchIndex < nonDelete.size() && orderIndex >= order.size()) {
            return fd::Unexpected(PatchError::internal(
                QStringLiteral("The order in patch list:\n%1\n doesn't match %2 list:\n%3\n")
                    .arg(patchjson::goFormat(patchList), setElementOrderPrefix(), patchjson::goFormat(order))));
        }
        return true;
    }

    static Result<bool> mergeKeyValueEqual(const QJsonValue &left, const QJsonValue &right, const QString &mergeKey)
    {
        if (mergeKey.isEmpty())
            return left == right;
        if (!left.isObject())
            return fd::Unexpected(badArgType(QStringLiteral("map[string]interface {}"), left));
        if (!right.isObject())
            return fd::Unexpected(badArgType(QStringLiteral("map[string]interface {}"), right));
        const QJsonObject l = left.toObject();
        const QJsonObject r = right.toObject();
        if (!l.contains(mergeKey))
            return fd::Unexpected(noMergeKey(l, mergeKey));
        if (!r.contains(mergeKey))
            return fd::Unexpected(noMergeKey(r, mergeKey));
        return l.value(mergeKey) == r.value(mergeKey);
    }

    Result<QJsonArray> mergeSliceHandler(const QJsonArray &original, const QJsonArray &patch, const QStringList &path,
                                         bool isDeleteList) const
    {
        const FieldStrategy *strategy = fieldStrategy(m_group, m_kind, path);
        // Deletion lists work whatever the field's strategy is.
        if ((strategy && strategy->smpMerge) || isDeleteList)
            return mergeSlice(original, patch, path, strategy ? strategy->smpMergeKey : QString(), isDeleteList);
        return patch;
    }

    Result<QJsonArray> mergeSlice(QJsonArray original, QJsonArray patch, const QStringList &path,
                                  const QString &mergeKey, bool isDeleteList) const
    {
        if (original.isEmpty() && patch.isEmpty())
            return original;
        auto kind = sliceElementKind({original, patch});
        if (!kind)
            return fd::Unexpected(kind.error());

        QJsonArray merged;
        if (kind.value() != ElementKind::Map) {
            if (isDeleteList)
                return deleteFromSlice(original, patch);
            QJsonArray both = original;
            for (const QJsonValue &item : std::as_const(patch))
                both.append(item);
            merged = deduplicateScalars(both);
        } else {
            if (mergeKey.isEmpty())
                return fd::Unexpected(PatchError::internal(
                    QStringLiteral("cannot merge lists without merge key for %1").arg(path.join(QLatin1Char('.')))));
            auto special = mergeSliceWithSpecialElements(original, patch, mergeKey);
            if (!special)
                return fd::Unexpected(special.error());
            std::tie(original, patch) = special.value();
            auto plain = mergeSliceWithoutSpecialElements(original, patch, mergeKey, path);
            if (!plain)
                return plain;
            merged = plain.value();
        }

        QJsonArray patchItems;
        QJsonArray serverOnly;
        if (mergeKey.isEmpty()) {
            std::tie(patchItems, serverOnly) = partitionPrimitives(merged, patch);
        } else {
            auto parts = partitionMaps(merged, patch, mergeKey);
            if (!parts)
                return fd::Unexpected(parts.error());
            std::tie(patchItems, serverOnly) = parts.value();
        }
        return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind.value());
    }

    // Applies `$patch: delete` items and `$patch: replace`; returns (original, plain patch).
    static Result<std::pair<QJsonArray, QJsonArray>> mergeSliceWithSpecialElements(QJsonArray original,
                                                                                   const QJsonArray &patch,
                                                                                   const QString &mergeKey)
    {
        QJsonArray plain;
        bool replace = false;
        for (const QJsonValue &value : patch) {
            const QJsonObject item = value.toObject();
            if (!item.contains(directiveMarker())) {
                plain.append(value);
                continue;
            }
            const QJsonValue directive = item.value(directiveMarker());
            if (directive == QLatin1String("delete")) {
                if (!item.contains(mergeKey))
                    return fd::Unexpected(noMergeKey(item, mergeKey));
                const QByteArray doomed = valueKey(item.value(mergeKey));
                QJsonArray kept;
                for (const QJsonValue &entry : std::as_const(original)) {
                    const QJsonObject map = entry.toObject();
                    if (!(map.contains(mergeKey) && valueKey(map.value(mergeKey)) == doomed))
                        kept.append(entry);
                }
                original = kept;
            } else if (directive == QLatin1String("replace")) {
                replace = true; // keep scanning: other directives are still validated
            } else if (directive == QLatin1String("merge")) {
                return fd::Unexpected(PatchError::internal(QStringLiteral("merging lists cannot yet be specified in the patch")));
            } else {
                return fd::Unexpected(badPatchType(directive, item));
            }
        }
        if (replace)
            return std::pair{plain, QJsonArray()};
        return std::pair{original, plain};
    }

    Result<QJsonArray> mergeSliceWithoutSpecialElements(QJsonArray original, const QJsonArray &patch,
                                                        const QString &mergeKey, const QStringList &path) const
    {
        KeyIndex positions(original, mergeKey);
        for (const QJsonValue &value : patch) {
            const QJsonObject item = value.toObject();
            if (!item.contains(mergeKey))
                return fd::Unexpected(noMergeKey(item, mergeKey));
            const qsizetype found = positions.find(item.value(mergeKey));
            if (found < 0) {
                original.append(value); // appended as sent, like upstream
                positions.appended(value, original.size() - 1);
                continue;
            }
            auto merged = mergeMap(original.at(found).toObject(), item, path);
            if (!merged)
                return fd::Unexpected(merged.error());
            // The merge key cannot change: the patch item carried the same value.
            original.replace(found, merged.value());
        }
        return original;
    }

    QString m_group;
    QString m_kind;
};

PatchError crdUnsupported()
{
    // The CRD handler offers no strategic merge patch; this is negotiation's 415 text.
    return PatchError::unsupportedMediaType(
        QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                       "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"));
}

QString goTypeForDecode(const QJsonValue &value)
{
    if (value.isArray())
        return QStringLiteral("array");
    if (value.isString())
        return QStringLiteral("string");
    if (value.isBool())
        return QStringLiteral("bool");
    return QStringLiteral("number");
}

} // namespace

fd::Expected<QJsonObject, PatchError> applyStrategicMergePatch(const QJsonObject &original, const QByteArray &patchBody,
                                                               const QString &group, const QString &kind)
{
    if (!isBuiltInGroup(group))
        return fd::Unexpected(crdUnsupported());
    auto parsed = patchjson::parseValue(patchBody);
    if (!parsed)
        return fd::Unexpected(PatchError::badRequest(QStringLiteral("invalid JSON patch")));
    const QJsonValue patch = parsed.value();
    if (patch.isNull()) // decodes to an empty map
        return original;
    if (!patch.isObject())
        return fd::Unexpected(PatchError::badRequest(
            QStringLiteral("json: cannot unmarshal %1 into Go value of type map[string]interface {}")
                .arg(goTypeForDecode(patch))));
    if (patchjson::exceedsDepth(patch))
        return fd::Unexpected(PatchError::badRequest(
            QStringLiteral("error decoding patch: nesting depth exceeds %1").arg(patchjson::kMaxDepth)));
    if (patchjson::exceedsDepth(original))
        return fd::Unexpected(PatchError::internal(
            QStringLiteral("object nests deeper than %1 levels").arg(patchjson::kMaxDepth)));

    const Merger merger(group == QLatin1String("core") ? QString() : group, kind);
    auto merged = merger.mergeMap(original, patch.toObject(), {});
    if (!merged)
        return merged;
    return dropDirectivesAndNulls(merged.value()).toObject();
}

} // namespace fd::sim
