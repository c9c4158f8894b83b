#include "helm/Values.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fd::helm {

namespace {

QString joinPath(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + u'.' + key;
}

QString shortText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().left(80);
    if (value.isObject() || value.isArray()) {
        const QByteArray json = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.left(80));
    }
    return value.toVariant().toString();
}

void warn(QStringList *warnings, QString text)
{
    if (warnings)
        warnings->append(std::move(text));
}

// `higher` over `lower`, both maps. A null in `higher` removes the key: first every null of
// `higher` is mirrored into `lower` (so the key is visited), then visiting a key whose higher
// value is null erases it. That makes nested nulls delete even where `lower` lacks the key.
QJsonObject coalesceMaps(QJsonObject higher, QJsonObject lower, const QString &prefix, QStringList *warnings)
{
    for (auto it = higher.constBegin(); it != higher.constEnd(); ++it) {
        if (it.value().isNull())
            lower.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = lower.constBegin(); it != lower.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue lowerValue = it.value();
        const auto found = higher.constFind(key);
        if (found == higher.constEnd()) {
            higher.insert(key, lowerValue);
            continue;
        }
        const QJsonValue higherValue = found.value();
        if (higherValue.isNull()) {
            higher.remove(key);
        } else if (lowerValue.isObject()) {
            if (higherValue.isObject()) {
                higher.insert(key, coalesceMaps(higherValue.toObject(), lowerValue.toObject(), joinPath(prefix, key),
                                                warnings));
            } else {
                warn(warnings, u"%1: cannot overwrite a map with a non-map value (%2)"_s.arg(joinPath(prefix, key),
                                                                                          shortText(lowerValue)));
            }
        } else if (higherValue.isObject() && !lowerValue.isNull()) {
            warn(warnings, u"%1: the value is a map; the non-map value %2 is ignored"_s.arg(joinPath(prefix, key),
                                                                                           shortText(lowerValue)));
        }
    }
    return higher;
}

} // namespace

QJsonObject coalesceValues(const QJsonObject &chartDefaults, const QJsonObject &userValues, QStringList *warnings)
{
    // The top level differs from coalesceMaps: only keys the chart has are visited, so a user
    // null for a key the chart does not know stays in the result.
    QJsonObject result = userValues;
    for (auto it = chartDefaults.constBegin(); it != chartDefaults.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue chartValue = it.value();
        const auto found = result.constFind(key);
        if (found == result.constEnd()) {
            result.insert(key, chartValue);
            continue;
        }
        const QJsonValue userValue = found.value();
        if (userValue.isNull()) {
            result.remove(key);
        } else if (userValue.isObject()) {
            if (chartValue.isObject()) {
                result.insert(key, coalesceMaps(userValue.toObject(), chartValue.toObject(), key, warnings));
            } else if (!chartValue.isNull()) {
                warn(warnings, u"%1: skipped the chart's value: not a map"_s.arg(key));
            }
        }
    }
    return result;
}

QJsonObject coalesceTables(const QJsonObject &higher, const QJsonObject &lower, QStringList *warnings)
{
    return coalesceMaps(higher, lower, {}, warnings);
}

namespace {

QJsonObject mergeTwo(const QJsonObject &base, const QJsonObject &overlay)
{
    QJsonObject out = base;
    for (auto it = overlay.constBegin(); it != overlay.constEnd(); ++it) {
        const auto existing = out.constFind(it.key());
        if (it.value().isObject() && existing != out.constEnd() && existing.value().isObject()) {
            out.insert(it.key(), mergeTwo(existing.value().toObject(), it.value().toObject()));
            continue;
        }
        out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace

QJsonObject mergeValueSources(const QList<QJsonObject> &sources)
{
    QJsonObject out;
    for (const QJsonObject &source : sources)
        out = mergeTwo(out, source);
    return out;
}

UpgradeValues upgradeValues(const QJsonObject &newChartDefaults, const Release &current, const QJsonObject &newValues,
                            const UpgradeValueFlags &flags)
{
    UpgradeValues result;
    result.chartDefaults = newChartDefaults;
    if (flags.resetValues) {
        result.rule = UpgradeValuesRule::NewValuesOnly;
        result.config = newValues;
    } else if (flags.reuseValues) {
        // Helm replaces the new chart's defaults by the old release's coalesced values, then lays
        // the new values over the old user-supplied ones.
        result.rule = UpgradeValuesRule::ReuseValues;
        result.chartDefaults = coalesceValues(current.chart.values, current.config, &result.warnings);
        result.config = coalesceTables(newValues, current.config, &result.warnings);
    } else if (flags.resetThenReuseValues) {
        result.rule = UpgradeValuesRule::ResetThenReuseValues;
        result.config = coalesceTables(newValues, current.config, &result.warnings);
    } else if (newValues.isEmpty() && !current.config.isEmpty()) {
        result.rule = UpgradeValuesRule::ReusedOldConfig;
        result.config = current.config;
    } else {
        result.rule = UpgradeValuesRule::NewValuesOnly;
        result.config = newValues;
    }
    result.effective = coalesceValues(result.chartDefaults, result.config, &result.warnings);
    return result;
}

} // namespace fd::helm
