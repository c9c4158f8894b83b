#include "sim/patch/JsonMergePatch.h"

#include "sim/patch/JsonSupport.h"

namespace fd::sim {

namespace {

QJsonValue pruneNulls(const QJsonValue &value);

QJsonObject pruneObjectNulls(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isNull())
            out.insert(it.key(), pruneNulls(it.value()));
    }
    return out;
}

// Nulls are removed from objects only; a null array element stays (as upstream does).
QJsonValue pruneNulls(const QJsonValue &value)
{
    if (value.isObject())
        return pruneObjectNulls(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            out.append(item.isNull() ? item : pruneNulls(item));
        return out;
    }
    return value;
}

QJsonObject mergeObjects(QJsonObject document, const QJsonObject &patch);

QJsonValue mergeValue(const QJsonValue &current, const QJsonValue &patch)
{
    if (!current.isObject())
        return pruneNulls(patch);
    if (!patch.isObject())
        return patch;
    return mergeObjects(current.toObject(), patch.toObject());
}

QJsonObject mergeObjects(QJsonObject document, const QJsonObject &patch)
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isNull()) {
            document.remove(it.key());
            continue;
        }
        const QJsonValue current = document.value(it.key());
        if (current.isUndefined() || current.isNull())
            document.insert(it.key(), pruneNulls(it.value()));
        else
            document.insert(it.key(), mergeValue(current, it.value()));
    }
    return document;
}

} // namespace

fd::Expected<QJsonObject, PatchError> applyMergePatch(const QJsonObject &original, const QByteArray &patchBody)
{
    auto parsed = patchjson::parseValue(patchBody);
    if (!parsed)
        return fd::Unexpected(PatchError::badRequest(QStringLiteral("invalid JSON patch")));
    const QJsonValue patch = parsed.value();
    if (patchjson::exceedsDepth(patch))
        return fd::Unexpected(PatchError::badRequest(
            QStringLiteral("error decoding patch: nesting depth exceeds %1").arg(patchjson::kMaxDepth)));
    if (patch.isArray())
        return fd::Unexpected(patchjson::resultNotAnObject(pruneNulls(patch)));
    if (!patch.isObject()) // null, string, number, bool: ErrBadJSONPatch
        return fd::Unexpected(PatchError::badRequest(QStringLiteral("Invalid JSON Patch")));
    return mergeObjects(original, patch.toObject());
}

} // namespace fd::sim
