#include "sim/patch/StructuredMerge.h"

#include "sim/patch/JsonSupport.h"
#include "sim/patch/MergeKeys.h"

#include <QHash>
#include <QJsonArray>

namespace fd::sim {

namespace {

// Where a walk is: field names for schema look-ups, FieldsV1 elements for the sets.
struct Cursor {
    QStringList fields;
    FieldPath path;
    bool atomicItem = false; // the value is an item of a list whose items are atomic

    Cursor field(const QString &name) const { return Cursor{fields + QStringList{name}, path + FieldPath{fieldElement(name)}, false}; }
    Cursor item(const QString &element, bool atomic) const { return Cursor{fields, path + FieldPath{element}, atomic}; }
};

QString goQuotedList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(goQuote(item));
    return QLatin1Char('[') + quoted.join(QLatin1Char(' ')) + QLatin1Char(']');
}

} // namespace

class StructuredMerge::Walk {
public:
    Walk(const QString &group, const QString &kind) : m_group(group), m_kind(kind) {}

    bool atomicMap(const Cursor &at) const { return at.atomicItem || isAtomicMap(m_group, m_kind, at.fields); }
    bool freeFormMap(const Cursor &at) const { return isFreeFormMap(m_group, m_kind, at.fields); }

    // The list's strategy when it is associative (set or map), else nullptr (atomic).
    const FieldStrategy *associative(const Cursor &at) const
    {
        const FieldStrategy *strategy = fieldStrategy(m_group, m_kind, at.fields);
        return strategy && strategy->listType != ListType::Atomic ? strategy : nullptr;
    }

    static fd::Expected<QString, QString> itemElement(const QJsonValue &item, const FieldStrategy &strategy)
    {
        if (strategy.listType == ListType::Set) {
            if (item.isObject())
                return fd::Unexpected(QStringLiteral("associative list without keys has an element that's a map type"));
            if (item.isArray())
                return fd::Unexpected(QStringLiteral("not supported: associative list with lists as elements"));
            if (item.isNull())
                return fd::Unexpected(QStringLiteral("associative list without keys has an element that's an explicit null"));
            return valueElement(item);
        }
        if (item.isNull())
            return fd::Unexpected(QStringLiteral("associative list with keys may not have a null element"));
        if (!item.isObject())
            return fd::Unexpected(QStringLiteral("associative list with keys may not have non-map elements"));
        const QJsonObject object = item.toObject();
        QJsonObject key;
        for (const QString &name : strategy.listMapKeys) {
            if (object.contains(name))
                key.insert(name, object.value(name));
            else if (strategy.listMapKeyDefaults.contains(name))
                key.insert(name, strategy.listMapKeyDefaults.value(name));
        }
        if (key.isEmpty())
            return fd::Unexpected(QStringLiteral("associative list with keys has an element that omits all key fields %1 "
                                                 "(and doesn't have default values for any key fields)")
                                      .arg(goQuotedList(strategy.listMapKeys)));
        return keyElement(key);
    }

    // Item elements of a list already validated; an item that cannot be keyed gets a
    // positional element so walks on lenient (live) data still terminate sensibly.
    static QString safeItemElement(const QJsonValue &item, const FieldStrategy &strategy, qsizetype index)
    {
        auto element = itemElement(item, strategy);
        return element ? element.value() : QStringLiteral("i:%1").arg(index);
    }

    // ---- validation
    QString validate(const QJsonValue &value, const Cursor &at, bool allowDuplicates) const
    {
        if (value.isObject()) {
            if (atomicMap(at))
                return {};
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                const QString error = validate(it.value(), at.field(it.key()), allowDuplicates);
                if (!error.isEmpty())
                    return error;
            }
            return {};
        }
        if (!value.isArray())
            return {};
        const FieldStrategy *strategy = associative(at);
        if (!strategy)
            return {};
        const QJsonArray array = value.toArray();
        QSet<QString> seen;
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto element = itemElement(array.at(i), *strategy);
            if (!element)
                return QStringLiteral("%1: element %2: %3").arg(fieldPathString(at.path)).arg(i).arg(element.error());
            if (seen.contains(element.value()) && !allowDuplicates)
                return QStringLiteral("%1: duplicate entries for key %2")
                    .arg(fieldPathString(at.path), fieldPathString({element.value()}));
            seen.insert(element.value());
            const QString error = validate(array.at(i), at.item(element.value(), strategy->itemsAtomic), allowDuplicates);
            if (!error.isEmpty())
                return error;
        }
        return {};
    }

    // ---- ToFieldSet
    void toFieldSet(const QJsonValue &value, const Cursor &at, FieldSet &set) const
    {
        if (value.isObject()) {
            if (atomicMap(at)) {
                set.insert(at.path);
                return;
            }
            const bool freeForm = freeFormMap(at);
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                const Cursor child = at.field(it.key());
                toFieldSet(it.value(), child, set);
                const bool emptyOrNull = it.value().isNull() || (it.value().isObject() && it.value().toObject().isEmpty());
                if (emptyOrNull || freeForm)
                    set.insert(child.path);
            }
            return;
        }
        if (value.isArray()) {
            const FieldStrategy *strategy = associative(at);
            if (!strategy) {
                set.insert(at.path);
                return;
            }
            const QJsonArray array = value.toArray();
            QHash<QString, int> counts;
            QList<QString> elements;
            for (qsizetype i = 0; i < array.size(); ++i) {
                elements.append(safeItemElement(array.at(i), *strategy, i));
                ++counts[elements.last()];
            }
            for (qsizetype i = 0; i < array.size(); ++i) {
                const Cursor item = at.item(elements.at(i), strategy->itemsAtomic);
                // Duplicated keys are owned as a whole, without their insides.
                if (counts.value(elements.at(i)) < 2)
                    toFieldSet(array.at(i), item, set);
                set.insert(item.path);
            }
            return;
        }
        set.insert(at.path);
    }

    // ---- Merge
    QJsonValue merge(const QJsonValue &lhs, const QJsonValue &rhs, const Cursor &at) const
    {
        if (rhs.isUndefined())
            return lhs;
        if (lhs.isUndefined())
            return rhs;
        if (lhs.isObject() && rhs.isObject()) {
            const QJsonObject l = lhs.toObject();
            const QJsonObject r = rhs.toObject();
            if (atomicMap(at) || (l.isEmpty() && r.isEmpty()))
                return rhs;
            QJsonObject out = l;
            for (auto it = r.constBegin(); it != r.constEnd(); ++it)
                out.insert(it.key(), merge(l.value(it.key()), it.value(), at.field(it.key())));
            return out;
        }
        if (lhs.isArray() && rhs.isArray()) {
            const FieldStrategy *strategy = associative(at);
            const QJsonArray l = lhs.toArray();
            const QJsonArray r = rhs.toArray();
            if (!strategy || (l.isEmpty() && r.isEmpty()))
                return rhs;
            return mergeList(l, r, *strategy, at);
        }
        return rhs;
    }

    // The associative-list merge of structured-merge-diff: items of both lists in an order
    // that keeps the config's order for its items and live-only items near their neighbours.
    QJsonArray mergeList(const QJsonArray &lhs, const QJsonArray &rhs, const FieldStrategy &strategy, const Cursor &at) const
    {
        QList<QString> rhsElements;
        QHash<QString, QJsonValue> observedRhs;
        for (qsizetype i = 0; i < rhs.size(); ++i) {
            rhsElements.append(safeItemElement(rhs.at(i), strategy, i));
            observedRhs.insert(rhsElements.last(), rhs.at(i));
        }
        QList<QString> lhsElements;
        QHash<QString, QJsonValue> observedLhs;
        for (qsizetype i = 0; i < lhs.size(); ++i) {
            lhsElements.append(safeItemElement(lhs.at(i), strategy, i));
            // A duplicated live key is remembered as null: the config's item replaces them all.
            if (observedLhs.contains(lhsElements.last()))
                observedLhs.insert(lhsElements.last(), QJsonValue(QJsonValue::Null));
            else
                observedLhs.insert(lhsElements.last(), lhs.at(i));
        }
        QList<QString> sharedOrder;
        for (const QString &element : std::as_const(rhsElements)) {
            if (observedLhs.contains(element))
                sharedOrder.append(element);
        }
        auto popShared = [&sharedOrder]() -> std::optional<QString> {
            if (sharedOrder.isEmpty())
                return std::nullopt;
            return sharedOrder.takeFirst();
        };
        std::optional<QString> nextShared = popShared();

        QJsonArray out;
        QSet<QString> mergedRhs;
        auto mergeItem = [&](const QString &element, const QJsonValue &l, const QJsonValue &r) {
            out.append(merge(l, r, at.item(element, strategy.itemsAtomic)));
        };
        qsizetype li = 0;
        qsizetype ri = 0;
        while (li < lhsElements.size() || ri < rhsElements.size()) {
            if (li < lhsElements.size() && ri < rhsElements.size()) {
                const QString &element = lhsElements.at(li);
                if (element == rhsElements.at(ri)) {
                    mergedRhs.insert(element);
                    mergeItem(element, observedLhs.value(element), observedRhs.value(element));
                    ++li;
                    ++ri;
                    nextShared = popShared();
                    continue;
                }
                if (observedRhs.contains(element) && nextShared && *nextShared != element) {
                    ++li;
                    continue;
                }
            }
            if (li < lhsElements.size()) {
                const QString &element = lhsElements.at(li);
                if (!observedRhs.contains(element)) {
                    mergeItem(element, lhs.at(li), QJsonValue(QJsonValue::Undefined));
                    ++li;
                    continue;
                }
                if (mergedRhs.contains(element))
                    ++li;
            }
            if (ri < rhsElements.size()) {
                const QString &element = rhsElements.at(ri);
                mergedRhs.insert(element);
                mergeItem(element, observedLhs.value(element, QJsonValue(QJsonValue::Undefined)), observedRhs.value(element));
                ++ri;
                if (nextShared && *nextShared == element)
                    nextShared = popShared();
            }
        }
        return out;
    }

    // ---- Compare
    void compare(const QJsonValue &lhs, const QJsonValue &rhs, const Cursor &at, FieldComparison &result) const
    {
        const bool lhsMissing = lhs.isUndefined();
        const bool rhsMissing = rhs.isUndefined();
        const bool objects = (lhs.isObject() || lhsMissing) && (rhs.isObject() || rhsMissing);
        const bool arrays = (lhs.isArray() || lhsMissing) && (rhs.isArray() || rhsMissing);
        bool inLeaf = true;
        if (objects && !atomicMap(at)) {
            const QJsonObject l = lhs.toObject();
            const QJsonObject r = rhs.toObject();
            if (!l.isEmpty() || !r.isEmpty()) {
                inLeaf = false;
                for (auto it = l.constBegin(); it != l.constEnd(); ++it)
                    compare(it.value(), r.value(it.key()), at.field(it.key()), result);
                for (auto it = r.constBegin(); it != r.constEnd(); ++it) {
                    if (!l.contains(it.key()))
                        compare(QJsonValue(QJsonValue::Undefined), it.value(), at.field(it.key()), result);
                }
            }
        } else if (arrays && !objects) {
            const FieldStrategy *strategy = associative(at);
            const QJsonArray l = lhs.toArray();
            const QJsonArray r = rhs.toArray();
            if (strategy && (!l.isEmpty() || !r.isEmpty())) {
                inLeaf = false;
                compareList(l, r, *strategy, at, result);
            }
        }
        if (inLeaf) {
            if (lhsMissing)
                result.added.insert(at.path);
            else if (rhsMissing)
                result.removed.insert(at.path);
            else if (lhs != rhs)
                result.modified.insert(at.path);
            return;
        }
        if (lhsMissing)
            result.added.insert(at.path);
        else if (rhsMissing)
            result.removed.insert(at.path);
    }

    void compareList(const QJsonArray &lhs, const QJsonArray &rhs, const FieldStrategy &strategy, const Cursor &at,
                     FieldComparison &result) const
    {
        QList<QString> order;
        QHash<QString, QJsonArray> lValues;
        QHash<QString, QJsonArray> rValues;
        for (qsizetype i = 0; i < lhs.size(); ++i) {
            const QString element = safeItemElement(lhs.at(i), strategy, i);
            if (!lValues.contains(element))
                order.append(element);
            lValues[element].append(lhs.at(i));
        }
        for (qsizetype i = 0; i < rhs.size(); ++i) {
            const QString element = safeItemElement(rhs.at(i), strategy, i);
            if (!lValues.contains(element) && !rValues.contains(element))
                order.append(element);
            rValues[element].append(rhs.at(i));
        }
        const QJsonValue missing(QJsonValue::Undefined);
        for (const QString &element : std::as_const(order)) {
            const QJsonArray l = lValues.value(element);
            const QJsonArray r = rValues.value(element);
            const Cursor item = at.item(element, strategy.itemsAtomic);
            if (l.size() <= 1 && r.size() <= 1) {
                compare(l.isEmpty() ? missing : l.first(), r.isEmpty() ? missing : r.first(), item, result);
            } else if (l.size() >= 2 && r.size() >= 2) {
                if (l != r)
                    result.modified.insert(item.path);
            } else if (l.size() >= 2) {
                if (!r.isEmpty())
                    compare(missing, r.first(), item, result);
                result.removed.insert(item.path);
            } else {
                if (!l.isEmpty())
                    compare(l.first(), missing, item, result);
                result.added.insert(item.path);
            }
        }
    }

    // ---- Removal of fields a manager stopped applying
    QJsonValue removeUnowned(const QJsonValue &value, const Cursor &at, const FieldSet &last, const FieldSet *owned) const
    {
        if (value.isObject()) {
            if (atomicMap(at))
                return value;
            const bool named = !freeFormMap(at);
            QJsonObject object = value.toObject();
            const QStringList keys = object.keys();
            for (const QString &key : keys) {
                const QString element = fieldElement(key);
                const FieldSet *lastChild = last.child(element);
                if (!lastChild)
                    continue;
                const FieldSet *ownedChild = owned ? owned->child(element) : nullptr;
                const bool wasApplied = lastChild->isMember() || (named && !lastChild->isEmpty());
                const bool isOwned = ownedChild && (ownedChild->isMember() || (named && !ownedChild->isEmpty()));
                const QJsonValue child = object.value(key);
                if (wasApplied && !isOwned) {
                    object.remove(key);
                    continue;
                }
                if (!patchjson::isContainer(child) || lastChild->children().empty())
                    continue;
                const QJsonValue kept = removeUnowned(child, at.field(key), *lastChild, ownedChild);
                if (isEmptyContainer(kept) && !isEmptyContainer(child))
                    object.remove(key);
                else
                    object.insert(key, kept);
            }
            return object;
        }
        if (!value.isArray())
            return value;
        const FieldStrategy *strategy = associative(at);
        if (!strategy)
            return value;
        const QJsonArray array = value.toArray();
        QJsonArray out;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString element = safeItemElement(array.at(i), *strategy, i);
            const FieldSet *lastChild = last.child(element);
            if (!lastChild) {
                out.append(array.at(i));
                continue;
            }
            const FieldSet *ownedChild = owned ? owned->child(element) : nullptr;
            if (lastChild->isMember() && !(ownedChild && ownedChild->isMember()))
                continue;
            if (patchjson::isContainer(array.at(i)) && !lastChild->children().empty())
                out.append(removeUnowned(array.at(i), at.item(element, strategy->itemsAtomic), *lastChild, ownedChild));
            else
                out.append(array.at(i));
        }
        return out;
    }

    static bool isEmptyContainer(const QJsonValue &value)
    {
        return (value.isObject() && value.toObject().isEmpty()) || (value.isArray() && value.toArray().isEmpty());
    }

private:
    const QString &m_group;
    const QString &m_kind;
};

StructuredMerge::StructuredMerge(QString group, QString kind)
    : m_group(group == QLatin1String("core") ? QString() : std::move(group)), m_kind(std::move(kind))
{
}

fd::Expected<bool, QString> StructuredMerge::validate(const QJsonObject &object, bool allowDuplicates) const
{
    const QString error = Walk(m_group, m_kind).validate(object, Cursor{}, allowDuplicates);
    if (!error.isEmpty())
        return fd::Unexpected(error);
    return true;
}

FieldSet StructuredMerge::toFieldSet(const QJsonObject &object) const
{
    FieldSet set;
    Walk(m_group, m_kind).toFieldSet(object, Cursor{}, set);
    return set;
}

QJsonObject StructuredMerge::merge(const QJsonObject &live, const QJsonObject &config) const
{
    return Walk(m_group, m_kind).merge(live, config, Cursor{}).toObject();
}

FieldComparison StructuredMerge::compare(const QJsonObject &lhs, const QJsonObject &rhs) const
{
    FieldComparison result;
    Walk(m_group, m_kind).compare(lhs, rhs, Cursor{}, result);
    return result;
}

QJsonObject StructuredMerge::removeUnowned(const QJsonObject &object, const FieldSet &lastApplied,
                                           const FieldSet &owned) const
{
    return Walk(m_group, m_kind).removeUnowned(object, Cursor{}, lastApplied, &owned).toObject();
}

} // namespace fd::sim
