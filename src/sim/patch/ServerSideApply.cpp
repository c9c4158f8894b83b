#include "sim/patch/ServerSideApply.h"

#include "sim/patch/FieldSet.h"
#include "sim/patch/JsonSupport.h"
#include "sim/patch/ManagedFields.h"
#include "sim/patch/StructuredMerge.h"

#include <QJsonArray>

#include <algorithm>

namespace fd::sim {

namespace {

constexpr int kMaxFieldManagerLength = 128;

const QString &metadataKey()
{
    static const QString key = QStringLiteral("metadata");
    return key;
}
const QString &managedFieldsKey()
{
    static const QString key = QStringLiteral("managedFields");
    return key;
}
const QString &lastAppliedAnnotation()
{
    static const QString key = QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");
    return key;
}

// Fields no manager ever owns (stripmeta.go).
const FieldSet &strippedFields()
{
    static const FieldSet set = [] {
        FieldSet s;
        const QString meta = fieldElement(QStringLiteral("metadata"));
        s.insert({fieldElement(QStringLiteral("apiVersion"))});
        s.insert({fieldElement(QStringLiteral("kind"))});
        s.insert({meta});
        for (const char *field : {"name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName",
                                  "generation", "managedFields", "resourceVersion"})
            s.insert({meta, fieldElement(QString::fromLatin1(field))});
        return s;
    }();
    return set;
}

bool inScope(const WriteScope &scope, const QString &topLevelField)
{
    if (scope.subresource == QLatin1String("status"))
        return topLevelField == QLatin1String("status");
    return !(scope.statusSubresource && topLevelField == QLatin1String("status"));
}

QJsonObject scoped(const QJsonObject &object, const WriteScope &scope)
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (inScope(scope, it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

FieldSet scopedSet(const FieldSet &set, const WriteScope &scope)
{
    return set.filteredTopLevel([&scope](const QString &field) { return inScope(scope, field); });
}

QJsonObject withoutManagedFields(QJsonObject object)
{
    QJsonObject metadata = object.value(metadataKey()).toObject();
    if (metadata.contains(managedFieldsKey())) {
        metadata.remove(managedFieldsKey());
        object.insert(metadataKey(), metadata);
    }
    return object;
}

QJsonObject withManagedFields(QJsonObject object, const QList<ManagedFieldsEntry> &entries)
{
    const QJsonArray encoded = encodeManagedFields(entries);
    QJsonObject metadata = object.value(metadataKey()).toObject();
    if (encoded.isEmpty())
        metadata.remove(managedFieldsKey());
    else
        metadata.insert(managedFieldsKey(), encoded);
    object.insert(metadataKey(), metadata);
    return object;
}

// Removes null members left by the merge: on a real server the typed (or pruned
// structural) object has no place for them.
QJsonValue dropNulls(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isNull())
                out.insert(it.key(), dropNulls(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            out.append(dropNulls(item));
        return out;
    }
    return value;
}

QString timestamp(const QDateTime &time)
{
    const QDateTime when = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// What an empty object of the kind looks like before a create: Go's zero structs (spec,
// pod templates) exist already, so owning them needs no "." entry.
QJsonObject zeroObject(const QJsonObject &after)
{
    // Only the struct-typed top-level fields; maps such as ConfigMap data start out nil.
    QJsonObject skeleton{{metadataKey(), QJsonObject()}};
    for (const char *field : {"spec", "status"}) {
        if (after.value(QString::fromLatin1(field)).isObject())
            skeleton.insert(QString::fromLatin1(field), QJsonObject());
    }
    const QJsonObject spec = after.value(QStringLiteral("spec")).toObject();
    const QJsonObject emptyTemplate{{metadataKey(), QJsonObject()}, {QStringLiteral("spec"), QJsonObject()}};
    QJsonObject specSkeleton = skeleton.value(QStringLiteral("spec")).toObject();
    if (spec.value(QStringLiteral("template")).isObject())
        specSkeleton.insert(QStringLiteral("template"), emptyTemplate);
    if (spec.value(QStringLiteral("jobTemplate")).isObject())
        specSkeleton.insert(QStringLiteral("jobTemplate"),
                            QJsonObject{{metadataKey(), QJsonObject()},
                                        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"), emptyTemplate}}}});
    if (skeleton.contains(QStringLiteral("spec")))
        skeleton.insert(QStringLiteral("spec"), specSkeleton);
    return skeleton;
}

QString groupVersionKindString(const QString &apiVersion, const QString &kind)
{
    // schema.GroupVersionKind.String(): "apps/v1, Kind=Deployment", "/v1, Kind=Pod".
    const QString groupVersion = apiVersion.contains(QLatin1Char('/')) ? apiVersion : QLatin1Char('/') + apiVersion;
    return groupVersion + QStringLiteral(", Kind=") + kind;
}

QString describeObject(const QJsonObject &object, const QString &apiVersion, const QString &kind)
{
    const QJsonObject metadata = object.value(metadataKey()).toObject();
    return QStringLiteral("%1/%2; %3")
        .arg(metadata.value(QStringLiteral("namespace")).toString(), metadata.value(QStringLiteral("name")).toString(),
             groupVersionKindString(apiVersion, kind));
}

PatchError invalidPatchOptions(const QString &reason, const QString &detail)
{
    PatchError error;
    error.kind = PatchErrorKind::Invalid;
    error.message = QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: ") + detail;
    error.detail = error.message;
    error.causes.append(PatchErrorCause{reason, QStringLiteral("fieldManager"), detail});
    return error;
}

std::optional<PatchError> validateManager(const QString &manager)
{
    if (manager.isEmpty())
        return invalidPatchOptions(QStringLiteral("FieldValueRequired"),
                                   QStringLiteral("Required value: is required for apply patch"));
    const QByteArray bytes = manager.toUtf8();
    if (bytes.size() > kMaxFieldManagerLength)
        return invalidPatchOptions(QStringLiteral("FieldValueTooLong"),
                                   QStringLiteral("Too long: may not be more than %1 bytes").arg(kMaxFieldManagerLength));
    qsizetype position = 0;
    for (const uint codePoint : manager.toUcs4()) {
        if (!QChar::isPrint(codePoint)) {
            return invalidPatchOptions(QStringLiteral("FieldValueInvalid"),
                                       QStringLiteral("Invalid value: %1: invalid character U+%2 (at position %3)")
                                           .arg(goQuote(manager))
                                           .arg(codePoint, 4, 16, QLatin1Char('0'))
                                           .arg(position));
        }
        position += QString::fromUcs4(reinterpret_cast<const char32_t *>(&codePoint), 1).toUtf8().size();
    }
    return std::nullopt;
}

// The conflict text of conflict.go's printManager.
QString printManager(const ManagedFieldsEntry &entry)
{
    QString text = goQuote(entry.manager);
    if (!entry.subresource.isEmpty())
        text += QStringLiteral(" with subresource %1").arg(goQuote(entry.subresource));
    if (!entry.isApply())
        text += QStringLiteral(" using %1").arg(entry.apiVersion);
    return text;
}

struct Conflict {
    ManagedFieldsEntry manager;
    FieldPath path;
};

PatchError conflictError(QList<Conflict> conflicts)
{
    std::stable_sort(conflicts.begin(), conflicts.end(), [](const Conflict &a, const Conflict &b) {
        return std::tie(a.manager.manager, a.manager.operation, a.manager.apiVersion, a.manager.subresource)
               < std::tie(b.manager.manager, b.manager.operation, b.manager.apiVersion, b.manager.subresource);
    });
    PatchError error;
    error.kind = PatchErrorKind::Conflict;
    for (const Conflict &conflict : std::as_const(conflicts))
        error.causes.append(PatchErrorCause{QStringLiteral("FieldManagerConflict"), fieldPathString(conflict.path),
                                            QStringLiteral("conflict with %1").arg(printManager(conflict.manager))});
    if (conflicts.size() == 1) {
        error.message = QStringLiteral("Apply failed with 1 conflict: conflict with %1: %2")
                            .arg(printManager(conflicts.first().manager), fieldPathString(conflicts.first().path));
    } else {
        QStringList lines;
        QString current;
        for (const Conflict &conflict : std::as_const(conflicts)) {
            if (conflict.manager.identity() != current) {
                current = conflict.manager.identity();
                lines.append(QStringLiteral("conflicts with %1:").arg(printManager(conflict.manager)));
            }
            lines.append(QStringLiteral("- %1").arg(fieldPathString(conflict.path)));
        }
        error.message = QStringLiteral("Apply failed with %1 conflicts: %2").arg(conflicts.size()).arg(lines.join(QLatin1Char('\n')));
    }
    error.detail = error.message;
    return error;
}

qsizetype findEntry(const QList<ManagedFieldsEntry> &entries, const ManagedFieldsEntry &wanted)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).identity() == wanted.identity())
            return i;
    }
    return -1;
}

void dropEmptyEntries(QList<ManagedFieldsEntry> &entries)
{
    entries.removeIf([](const ManagedFieldsEntry &entry) { return entry.fields.isEmpty(); });
}

// The Update half of structured-merge-diff: the changes of a write go to `updater` and
// are taken from everyone else; fields that disappeared leave every owner.
void recordChanges(QList<ManagedFieldsEntry> &entries, const FieldComparison &comparison, ManagedFieldsEntry updater)
{
    const FieldSet changed = comparison.modified.united(comparison.added);
    for (ManagedFieldsEntry &entry : entries) {
        entry.fields = entry.fields.subtracted(changed).subtracted(comparison.removed);
    }
    const FieldSet current = changed.subtracted(strippedFields());
    if (!current.isEmpty()) {
        const qsizetype index = findEntry(entries, updater);
        if (index >= 0) {
            updater.fields = current.united(entries.at(index).fields);
            entries[index] = updater;
        } else {
            updater.fields = current;
            entries.append(updater);
        }
    }
    dropEmptyEntries(entries);
    capUpdateManagers(entries);
}

FieldComparison scopedComparison(const FieldComparison &comparison, const WriteScope &scope)
{
    return FieldComparison{scopedSet(comparison.removed, scope), scopedSet(comparison.modified, scope),
                           scopedSet(comparison.added, scope)};
}

// Go's json.Encoder output for the last-applied annotation: HTML-safe escapes, newline.
QString goJsonEncode(const QJsonObject &object)
{
    QString text = QString::fromUtf8(patchjson::compact(object));
    text.replace(QLatin1Char('<'), QStringLiteral("\\u003c"))
        .replace(QLatin1Char('>'), QStringLiteral("\\u003e"))
        .replace(QLatin1Char('&'), QStringLiteral("\\u0026"))
        .replace(QChar(0x2028), QStringLiteral("\\u2028"))
        .replace(QChar(0x2029), QStringLiteral("\\u2029"));
    return text + QLatin1Char('\n');
}

// lastappliedupdater.go: kubectl's own server-side applies keep an existing
// last-applied-configuration annotation in step with what was applied.
QJsonObject updateLastApplied(QJsonObject result, const QJsonObject &applied, const QString &manager)
{
    QJsonObject metadata = result.value(metadataKey()).toObject();
    QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
    if (manager != QLatin1String("kubectl") || annotations.value(lastAppliedAnnotation()).toString().isEmpty())
        return result;
    QJsonObject config = applied;
    QJsonObject configMetadata = config.value(metadataKey()).toObject();
    if (configMetadata.contains(QStringLiteral("annotations"))) {
        QJsonObject configAnnotations = configMetadata.value(QStringLiteral("annotations")).toObject();
        configAnnotations.remove(lastAppliedAnnotation());
        configMetadata.insert(QStringLiteral("annotations"), configAnnotations);
        config.insert(metadataKey(), configMetadata);
    }
    annotations.insert(lastAppliedAnnotation(), goJsonEncode(config));
    metadata.insert(QStringLiteral("annotations"), annotations);
    result.insert(metadataKey(), metadata);
    return result;
}

} // namespace

fd::Expected<QJsonObject, PatchError> applyServerSide(const std::optional<QJsonObject> &live, const QJsonObject &applied,
                                                      const ApplyOptions &options)
{
    if (auto invalid = validateManager(options.manager))
        return fd::Unexpected(*invalid);
    const QString appliedApiVersion = applied.value(QStringLiteral("apiVersion")).toString();
    const QString appliedKind = applied.value(QStringLiteral("kind")).toString();
    if (appliedApiVersion != options.apiVersion || appliedKind != options.kind)
        return fd::Unexpected(PatchError::badRequest(
            QStringLiteral("invalid object type: %1").arg(groupVersionKindString(appliedApiVersion, appliedKind))));
    const QJsonValue appliedManagedFields = applied.value(metadataKey()).toObject().value(managedFieldsKey());
    if (!appliedManagedFields.isUndefined() && !appliedManagedFields.isNull())
        return fd::Unexpected(PatchError::badRequest(QStringLiteral("metadata.managedFields must be nil")));
    if (patchjson::exceedsDepth(applied))
        return fd::Unexpected(PatchError::badRequest(
            QStringLiteral("error decoding patch: nesting depth exceeds %1").arg(patchjson::kMaxDepth)));

    const QJsonObject liveObject = live.value_or(QJsonObject());
    if (patchjson::exceedsDepth(liveObject))
        return fd::Unexpected(PatchError::internal(QStringLiteral("object nests deeper than %1 levels").arg(patchjson::kMaxDepth)));
    auto decoded = decodeManagedFields(liveObject.value(metadataKey()).toObject().value(managedFieldsKey()));
    if (!decoded)
        return fd::Unexpected(PatchError::internal(QStringLiteral("failed to decode managed fields: %1").arg(decoded.error())));
    QList<ManagedFieldsEntry> entries = decoded.value();

    const StructuredMerge structured(options.group, options.kind);
    const QJsonObject config = scoped(applied, options.scope);
    if (auto valid = structured.validate(config, false); !valid)
        return fd::Unexpected(PatchError::internal(QStringLiteral("failed to create typed patch object (%1): %2")
                                                       .arg(describeObject(applied, options.apiVersion, options.kind),
                                                            valid.error())));
    const QJsonObject liveFields = withoutManagedFields(liveObject);
    if (auto valid = structured.validate(liveFields, true); !valid)
        return fd::Unexpected(PatchError::internal(QStringLiteral("failed to create typed live object (%1): %2")
                                                       .arg(describeObject(liveObject, options.apiVersion, options.kind),
                                                            valid.error())));
    const QString now = timestamp(options.time);

    // An existing object nobody tracks yet: its current fields belong to
    // "before-first-apply", so that applying different values is a conflict.
    if (live && entries.isEmpty()) {
        ManagedFieldsEntry seed{QStringLiteral("before-first-apply"), QStringLiteral("Update"), options.apiVersion,
                                now, options.scope.subresource, {}};
        recordChanges(entries, scopedComparison(structured.compare(zeroObject(liveFields), liveFields), options.scope),
                      seed);
    }

    ManagedFieldsEntry applier{options.manager, QStringLiteral("Apply"), options.apiVersion, QString(),
                               options.scope.subresource, {}};
    const qsizetype previous = findEntry(entries, applier);
    const FieldSet lastApplied = previous >= 0 ? entries.at(previous).fields : FieldSet();
    if (previous >= 0)
        applier.time = entries.at(previous).time;
    applier.fields = scopedSet(structured.toFieldSet(config), options.scope);

    QJsonObject merged = structured.merge(liveFields, config);
    if (!lastApplied.isEmpty()) {
        FieldSet owned = applier.fields;
        for (const ManagedFieldsEntry &entry : std::as_const(entries)) {
            if (entry.identity() != applier.identity())
                owned = owned.united(entry.fields);
        }
        merged = structured.removeUnowned(merged, lastApplied, owned);
    }
    merged = dropNulls(merged).toObject();

    const FieldComparison comparison = scopedComparison(structured.compare(liveFields, merged), options.scope);
    const FieldSet changed = comparison.modified.united(comparison.added);
    QList<Conflict> conflicts;
    for (ManagedFieldsEntry &entry : entries) {
        if (entry.identity() == applier.identity())
            continue;
        const FieldSet contested = entry.fields.intersected(changed);
        for (const FieldPath &path : contested.paths())
            conflicts.append(Conflict{entry, path});
        if (options.force)
            entry.fields = entry.fields.subtracted(contested);
        entry.fields = entry.fields.subtracted(comparison.removed);
    }
    if (!conflicts.isEmpty() && !options.force)
        return fd::Unexpected(conflictError(conflicts));

    // A no-op apply still records ownership but keeps the entry's old timestamp.
    if (merged != liveFields)
        applier.time = now;
    applier.fields = applier.fields.subtracted(strippedFields());
    if (previous >= 0)
        entries[previous] = applier;
    else
        entries.append(applier);
    dropEmptyEntries(entries);

    QJsonObject result = withManagedFields(merged, entries);
    return updateLastApplied(result, applied, options.manager);
}

QJsonObject recordUpdate(const std::optional<QJsonObject> &before, const QJsonObject &after, const UpdateOptions &options)
{
    const QJsonObject liveObject = before.value_or(QJsonObject());
    const QJsonValue liveManagedFields = liveObject.value(metadataKey()).toObject().value(managedFieldsKey());
    const QJsonValue newManagedFields = after.value(metadataKey()).toObject().value(managedFieldsKey());
    auto liveOrEmpty = [&liveManagedFields] {
        auto decoded = decodeManagedFields(liveManagedFields);
        return decoded ? decoded.value() : QList<ManagedFieldsEntry>();
    };

    // decodeLiveOrNew: subresources always keep the live list; main writes may bring their
    // own (valid, non-empty) list or reset it with [] / [{}].
    QList<ManagedFieldsEntry> entries;
    if (!options.scope.subresource.isEmpty()) {
        entries = liveOrEmpty();
    } else if (!isResetManagedFields(newManagedFields)) {
        auto decoded = decodeManagedFields(newManagedFields);
        entries = decoded && !decoded.value().isEmpty() ? decoded.value() : liveOrEmpty();
    }

    const QJsonObject afterFields = withoutManagedFields(after);
    // An existing object without tracking stays untracked until it is applied to.
    const bool existing = before && !liveObject.value(metadataKey()).toObject().value(QStringLiteral("uid")).toString().isEmpty();
    if (entries.isEmpty() && existing)
        return withManagedFields(afterFields, {});

    if (patchjson::exceedsDepth(liveObject) || patchjson::exceedsDepth(after))
        return withManagedFields(afterFields, liveOrEmpty());
    const StructuredMerge structured(options.group, options.kind);
    const QJsonObject liveFields = before ? withoutManagedFields(liveObject) : zeroObject(afterFields);
    if (!structured.validate(liveFields, true) || !structured.validate(afterFields, true)) {
        // UpdateNoErrors: keep the previous managedFields rather than fail the write.
        return withManagedFields(afterFields, liveOrEmpty());
    }
    const ManagedFieldsEntry updater{options.manager.isEmpty() ? QStringLiteral("unknown") : options.manager,
                                     QStringLiteral("Update"), options.apiVersion, timestamp(options.time),
                                     options.scope.subresource, {}};
    recordChanges(entries, scopedComparison(structured.compare(liveFields, afterFields), options.scope), updater);
    return withManagedFields(afterFields, entries);
}

} // namespace fd::sim
