#include "sim/controllers/ObjectHelpers.h"

#include "sim/api/ObjectService.h"
#include "sim/api/ResourceType.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <cmath>

namespace fd::sim::ctrl {

using namespace Qt::Literals::StringLiterals;

QJsonObject child(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).toObject();
}

QString text(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).toString();
}

QJsonObject specOf(const QJsonObject &object)
{
    return child(object, "spec"_L1);
}

QJsonObject statusOf(const QJsonObject &object)
{
    return child(object, "status"_L1);
}

QJsonObject annotationsOf(const QJsonObject &object)
{
    return child(metadataOf(object), "annotations"_L1);
}

qint64 generationOf(const QJsonObject &object)
{
    return metadataOf(object).value("generation"_L1).toInteger(0);
}

bool isDeleting(const QJsonObject &object)
{
    const QJsonValue value = metadataOf(object).value("deletionTimestamp"_L1);
    return value.isString() && !value.toString().isEmpty();
}

QStringList finalizerList(const QJsonObject &object)
{
    QStringList result;
    const QJsonArray list = metadataOf(object).value("finalizers"_L1).toArray();
    for (const QJsonValue &value : list)
        result << value.toString();
    return result;
}

bool hasFinalizer(const QJsonObject &object, const QString &finalizer)
{
    return finalizerList(object).contains(finalizer);
}

bool removeFinalizer(QJsonObject &object, const QString &finalizer)
{
    QStringList finalizers = finalizerList(object);
    if (finalizers.removeAll(finalizer) == 0)
        return false;
    setMetadataField(object, u"finalizers"_s,
                     finalizers.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(finalizers)));
    return true;
}

QString timestamp(const QDateTime &time)
{
    QDateTime utc = time.toUTC();
    utc.setTime(QTime(utc.time().hour(), utc.time().minute(), utc.time().second()));
    return utc.toString(Qt::ISODate);
}

QDateTime parseTimestamp(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    return parsed.toUTC();
}

QList<OwnerReference> ownerReferencesOf(const QJsonObject &object)
{
    QList<OwnerReference> result;
    const QJsonArray refs = metadataOf(object).value("ownerReferences"_L1).toArray();
    for (const QJsonValue &value : refs) {
        const QJsonObject ref = value.toObject();
        OwnerReference owner;
        owner.apiVersion = text(ref, "apiVersion"_L1);
        owner.kind = text(ref, "kind"_L1);
        owner.name = text(ref, "name"_L1);
        owner.uid = text(ref, "uid"_L1);
        owner.controller = ref.value("controller"_L1).toBool();
        owner.blockOwnerDeletion = ref.value("blockOwnerDeletion"_L1).toBool();
        if (!owner.uid.isEmpty())
            result.append(owner);
    }
    return result;
}

std::optional<OwnerReference> controllerOf(const QJsonObject &object)
{
    const QList<OwnerReference> refs = ownerReferencesOf(object);
    for (const OwnerReference &ref : refs) {
        if (ref.controller)
            return ref;
    }
    return std::nullopt;
}

bool isControlledBy(const QJsonObject &object, const QString &ownerUid)
{
    const auto owner = controllerOf(object);
    return owner && owner->uid == ownerUid;
}

QJsonObject controllerReference(const QJsonObject &owner, const ResourceType &ownerType)
{
    return QJsonObject{{u"apiVersion"_s, ownerType.groupVersion()},
                       {u"kind"_s, ownerType.kind},
                       {u"name"_s, nameOf(owner)},
                       {u"uid"_s, uidOf(owner)},
                       {u"controller"_s, true},
                       {u"blockOwnerDeletion"_s, true}};
}

namespace {

bool expressionMatches(const QJsonObject &expression, const QJsonObject &labels, bool *valid)
{
    const QString key = text(expression, "key"_L1);
    const QString op = text(expression, "operator"_L1);
    QStringList values;
    for (const QJsonValue &value : expression.value("values"_L1).toArray())
        values << value.toString();
    const bool present = labels.contains(key);
    const QString actual = labels.value(key).toString();
    if (op == "In"_L1)
        return present && values.contains(actual);
    if (op == "NotIn"_L1)
        return !present || !values.contains(actual);
    if (op == "Exists"_L1)
        return present;
    if (op == "DoesNotExist"_L1)
        return !present;
    *valid = false;
    return false;
}

} // namespace

bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels)
{
    const QJsonObject matchLabels = child(selector, "matchLabels"_L1);
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        if (labels.value(it.key()).toString() != it.value().toString() || !labels.contains(it.key()))
            return false;
    }
    const QJsonArray expressions = selector.value("matchExpressions"_L1).toArray();
    for (const QJsonValue &value : expressions) {
        bool valid = true;
        if (!expressionMatches(value.toObject(), labels, &valid) || !valid)
            return false;
    }
    return true;
}

QJsonObject findCondition(const QJsonArray &conditions, const QString &type)
{
    for (const QJsonValue &value : conditions) {
        const QJsonObject condition = value.toObject();
        if (condition.value("type"_L1).toString() == type)
            return condition;
    }
    return {};
}

bool conditionIsTrue(const QJsonObject &status, const QString &type)
{
    return findCondition(status.value("conditions"_L1).toArray(), type).value("status"_L1).toString() == "True"_L1;
}

void setCondition(QJsonArray &conditions, const Condition &condition, const QString &now, ConditionStyle style)
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        if (conditions.at(i).toObject().value("type"_L1).toString() == condition.type) {
            index = i;
            break;
        }
    }
    const QJsonObject existing = index >= 0 ? conditions.at(index).toObject() : QJsonObject();
    const bool sameStatus = index >= 0 && existing.value("status"_L1).toString() == condition.status;
    if (sameStatus && existing.value("reason"_L1).toString() == condition.reason
        && existing.value("message"_L1).toString() == condition.message) {
        return;
    }
    QJsonObject updated{{u"type"_s, condition.type}, {u"status"_s, condition.status}};
    if (!condition.reason.isEmpty())
        updated.insert(u"reason"_s, condition.reason);
    if (!condition.message.isEmpty())
        updated.insert(u"message"_s, condition.message);
    const QJsonValue transition = sameStatus ? existing.value("lastTransitionTime"_L1) : QJsonValue(now);
    updated.insert(u"lastTransitionTime"_s, transition.isUndefined() ? QJsonValue(now) : transition);
    switch (style) {
    case ConditionStyle::Pod:
        updated.insert(u"lastProbeTime"_s, QJsonValue::Null);
        break;
    case ConditionStyle::Deployment:
        updated.insert(u"lastUpdateTime"_s, now);
        break;
    case ConditionStyle::Job:
        updated.insert(u"lastProbeTime"_s, now);
        break;
    case ConditionStyle::Plain:
        break;
    }
    if (index >= 0)
        conditions.replace(index, updated);
    else
        conditions.append(updated);
}

void removeCondition(QJsonArray &conditions, const QString &type)
{
    for (qsizetype i = conditions.size() - 1; i >= 0; --i) {
        if (conditions.at(i).toObject().value("type"_L1).toString() == type)
            conditions.removeAt(i);
    }
}

QString podPhase(const QJsonObject &pod)
{
    return text(statusOf(pod), "phase"_L1);
}

bool podIsTerminal(const QJsonObject &pod)
{
    const QString phase = podPhase(pod);
    return phase == "Succeeded"_L1 || phase == "Failed"_L1;
}

bool podIsActive(const QJsonObject &pod)
{
    return !podIsTerminal(pod) && !isDeleting(pod);
}

bool podIsReady(const QJsonObject &pod)
{
    return conditionIsTrue(statusOf(pod), u"Ready"_s);
}

bool podIsAvailable(const QJsonObject &pod, qint64 minReadySeconds, const QDateTime &now)
{
    if (!podIsReady(pod))
        return false;
    if (minReadySeconds <= 0)
        return true;
    const QJsonObject ready = findCondition(statusOf(pod).value("conditions"_L1).toArray(), u"Ready"_s);
    const QDateTime since = parseTimestamp(text(ready, "lastTransitionTime"_L1));
    return since.isValid() && since.addSecs(minReadySeconds) <= now;
}

QJsonObject podFromTemplate(const QJsonObject &podTemplate, const QJsonObject &ownerRef)
{
    const QJsonObject templateMeta = child(podTemplate, "metadata"_L1);
    QJsonObject metadata;
    for (const char *field : {"labels", "annotations", "finalizers"}) {
        const QJsonValue value = templateMeta.value(QLatin1String(field));
        if (!value.isUndefined() && !value.isNull())
            metadata.insert(QLatin1String(field), value);
    }
    if (!ownerRef.isEmpty())
        metadata.insert(u"ownerReferences"_s, QJsonArray{ownerRef});
    return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                       {u"kind"_s, u"Pod"_s},
                       {u"metadata"_s, metadata},
                       {u"spec"_s, child(podTemplate, "spec"_L1)}};
}

void setCount(QJsonObject &status, const QString &field, qint64 value)
{
    if (value == 0)
        status.remove(field);
    else
        status.insert(field, value);
}

QString templateHash(const QJsonObject &content, int collisionCount)
{
    // FNV-1a (32 bit) over the canonical JSON (QJsonObject keeps keys sorted), then the
    // decimal digits mapped onto the consonant/digit alphabet of rand.SafeEncodeString.
    QByteArray data = QJsonDocument(content).toJson(QJsonDocument::Compact);
    if (collisionCount > 0)
        data += QByteArray::number(collisionCount);
    quint32 hash = 2166136261u;
    for (const char byte : std::as_const(data)) {
        hash ^= static_cast<quint8>(byte);
        hash *= 16777619u;
    }
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    const QByteArray digits = QByteArray::number(hash);
    QString encoded;
    for (const char digit : digits)
        encoded += QLatin1Char(alphabet[static_cast<quint8>(digit) % (sizeof(alphabet) - 1)]);
    return encoded;
}

int scaledValue(const QJsonValue &value, int total, bool roundUp, int fallback)
{
    if (value.isDouble())
        return value.toInt();
    if (!value.isString())
        return fallback;
    QString textValue = value.toString().trimmed();
    if (!textValue.endsWith(QLatin1Char('%'))) {
        bool ok = false;
        const int parsed = textValue.toInt(&ok);
        return ok ? parsed : fallback;
    }
    textValue.chop(1);
    bool ok = false;
    const int percent = textValue.toInt(&ok);
    if (!ok || percent < 0)
        return fallback;
    const double scaled = static_cast<double>(percent) * total / 100.0;
    return static_cast<int>(roundUp ? std::ceil(scaled) : std::floor(scaled));
}

QString randomHex(int length)
{
    static const char digits[] = "0123456789abcdef";
    QString result;
    result.reserve(length);
    for (int i = 0; i < length; ++i)
        result += QLatin1Char(digits[QRandomGenerator::global()->bounded(16)]);
    return result;
}

} // namespace fd::sim::ctrl
