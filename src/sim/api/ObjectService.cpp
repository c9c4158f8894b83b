#include "sim/api/ObjectService.h"

#include "sim/api/Defaulting.h"
#include "sim/codec/Names.h"
#include "sim/codec/YamlJson.h"
#include "sim/patch/JsonMergePatch.h"
#include "sim/patch/JsonPatch.h"
#include "sim/patch/ServerSideApply.h"
#include "sim/patch/StrategicMergePatch.h"
#include "sim/schema/StructuralSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace fd::sim {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kStatus = QStringLiteral("status");

// Everything but metadata and status: a change here bumps metadata.generation.
QJsonObject specPart(const QJsonObject &object)
{
    QJsonObject rest = object;
    rest.remove(kMetadata);
    rest.remove(kStatus);
    return rest;
}

QString randomSuffix()
{
    // The apiserver's generateName suffix alphabet: no vowels, no ambiguous characters.
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString suffix;
    for (int i = 0; i < 5; ++i)
        suffix += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(static_cast<int>(sizeof(alphabet) - 1))]);
    return suffix;
}

QStringList finalizersOf(const QJsonObject &object)
{
    QStringList result;
    const QJsonArray list = metadataOf(object).value(QLatin1String("finalizers")).toArray();
    for (const QJsonValue &value : list)
        result << value.toString();
    return result;
}

void setFinalizers(QJsonObject &object, const QStringList &finalizers)
{
    setMetadataField(object, QStringLiteral("finalizers"),
                     finalizers.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(finalizers)));
}

bool isNamespaceType(const ResourceType &type)
{
    return type.group.isEmpty() && type.plural == QLatin1String("namespaces");
}

bool isPodType(const ResourceType &type)
{
    return type.group.isEmpty() && type.plural == QLatin1String("pods");
}

ApiError patchErrorToApi(const ResourceType &type, const QString &name, const PatchError &error)
{
    ApiError api{error.httpStatus(), error.reason(), error.message, name, type.group, type.plural, {}, 0};
    if (error.kind == PatchErrorKind::Invalid)
        api.kind = type.kind;
    for (const PatchErrorCause &cause : error.causes)
        api.causes.append({cause.reason, cause.message, cause.field});
    return api;
}

} // namespace

ObjectService::~ObjectService() = default;

ObjectService::ObjectService(ObjectStore *store, ResourceCatalog *catalog, QObject *parent)
    : QObject(parent), m_store(store), m_catalog(catalog),
      m_schemas(std::make_unique<StructuralSchemaCache>()),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void ObjectService::addAdmissionHook(AdmissionHook *hook)
{
    m_admissionHooks.append(hook);
}

QString ObjectService::timestamp() const
{
    return now().toUTC().toString(Qt::ISODate);
}

QString ObjectService::managerFromUserAgent(const QByteArray &userAgent)
{
    const QByteArray prefix = userAgent.split('/').value(0).trimmed();
    return prefix.isEmpty() ? QStringLiteral("unknown") : QString::fromUtf8(prefix.left(128));
}

QJsonObject ObjectService::forVersion(const ObjectRef &object, const ResourceType &type)
{
    QJsonObject rendered = object->object;
    rendered.insert(QStringLiteral("apiVersion"), type.groupVersion());
    return rendered;
}

ObjectRef ObjectService::get(const ResourceType &type, const QString &namespaceName, const QString &name) const
{
    return m_store->get(type.storageKey(), type.namespaced ? namespaceName : QString(), name);
}

std::optional<ApiError> ObjectService::checkNamespace(const ResourceType &type, const QString &namespaceName,
                                                      bool creating) const
{
    if (!type.namespaced)
        return std::nullopt;
    const ObjectRef ns = m_store->get(QStringLiteral("/namespaces"), {}, namespaceName);
    if (!ns)
        return ApiError::notFound({}, QStringLiteral("namespaces"), namespaceName);
    if (creating && !metadataOf(ns->object).value(QLatin1String("deletionTimestamp")).isUndefined()) {
        ApiError error = ApiError::forbidden(
            QStringLiteral("%1 \"%2\" is forbidden: unable to create new content in namespace %3 because it is being terminated")
                .arg(type.qualifiedName(), QString(), namespaceName),
            type.group, type.plural);
        error.causes.append({QStringLiteral("NamespaceTerminating"),
                             QStringLiteral("namespace %1 is being terminated").arg(namespaceName),
                             QStringLiteral("metadata.namespace")});
        return error;
    }
    return std::nullopt;
}

std::optional<ApiError> ObjectService::normaliseTypeMeta(const ResourceType &type, QJsonObject &object) const
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (!apiVersion.isEmpty() && apiVersion != type.groupVersion()) {
        // Another served version of the same resource is fine: storage is shared.
        const auto other = m_catalog->findByKind(type.group, kind.isEmpty() ? type.kind : kind);
        const bool sameGroup = apiVersion.section(QLatin1Char('/'), 0, -2) == type.group
            || (type.group.isEmpty() && !apiVersion.contains(QLatin1Char('/')));
        if (!other || !sameGroup) {
            return ApiError::badRequest(
                QStringLiteral("the API version in the data (%1) does not match the expected API version (%2)")
                    .arg(apiVersion, type.groupVersion()));
        }
    }
    if (!kind.isEmpty() && kind != type.kind) {
        return ApiError::badRequest(
            QStringLiteral("the kind in the data (%1) does not match the expected kind (%2)").arg(kind, type.kind));
    }
    object.insert(QStringLiteral("apiVersion"), type.groupVersion());
    object.insert(QStringLiteral("kind"), type.kind);
    if (!object.value(kMetadata).isObject() && !object.value(kMetadata).isUndefined())
        return ApiError::badRequest(QStringLiteral("metadata must be an object"));
    return std::nullopt;
}

std::optional<ApiError> ObjectService::validateObject(const ResourceType &type, const QJsonObject &object,
                                                      const QJsonObject *oldObject) const
{
    QList<StatusCause> causes;
    const QString name = nameOf(object);
    std::optional<QString> nameProblem;
    if (isNamespaceType(type) || (type.group.isEmpty() && type.plural == QLatin1String("services")))
        nameProblem = validateDns1123Label(name);
    else if (type.group == QLatin1String("rbac.authorization.k8s.io"))
        nameProblem = validatePathSegmentName(name);
    else
        nameProblem = validateDns1123Subdomain(name);
    if (nameProblem)
        causes.append({QStringLiteral("FieldValueInvalid"),
                       QStringLiteral("Invalid value: \"%1\": %2").arg(name, *nameProblem),
                       QStringLiteral("metadata.name")});
    const QJsonObject labels = labelsOf(object);
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (const auto problem = validateLabelKey(it.key()))
            causes.append({QStringLiteral("FieldValueInvalid"),
                           QStringLiteral("Invalid value: \"%1\": %2").arg(it.key(), *problem),
                           QStringLiteral("metadata.labels")});
        if (!it.value().isString())
            return ApiError::badRequest(QStringLiteral("metadata.labels.%1: label values must be strings").arg(it.key()));
        if (const auto problem = validateLabelValue(it.value().toString()))
            causes.append({QStringLiteral("FieldValueInvalid"),
                           QStringLiteral("Invalid value: \"%1\": %2").arg(it.value().toString(), *problem),
                           QStringLiteral("metadata.labels")});
    }
    if (oldObject) {
        const bool immutable = oldObject->value(QLatin1String("immutable")).toBool();
        if (immutable && (object.value(QLatin1String("data")) != oldObject->value(QLatin1String("data"))
                          || object.value(QLatin1String("binaryData")) != oldObject->value(QLatin1String("binaryData"))
                          || object.value(QLatin1String("stringData")).isObject())) {
            causes.append({QStringLiteral("FieldValueForbidden"),
                           QStringLiteral("Forbidden: field is immutable when `immutable` is set"),
                           QStringLiteral("data")});
        }
    }
    if (causes.isEmpty())
        return std::nullopt;
    return ApiError::invalid(type.group, type.kind, name, causes);
}

std::optional<ApiError> ObjectService::runAdmission(AdmissionOperation operation, const ResourceType &type,
                                                    QJsonObject &object, const QJsonObject *oldObject)
{
    for (AdmissionHook *hook : std::as_const(m_admissionHooks)) {
        if (auto error = hook->admit(operation, type, object, oldObject))
            return error;
    }
    return std::nullopt;
}

std::optional<ApiError> ObjectService::applySchema(const ResourceType &type, QJsonObject &object,
                                                   const WriteOptions &options, QStringList *warnings) const
{
    if (!type.custom || type.schema.isEmpty())
        return std::nullopt;
    // As apiextensions-apiserver: prune unknown fields while decoding, then default, then
    // validate against the schema.
    const auto schema = m_schemas->get(type);
    const QStringList unknown = schema->prune(object);
    if (!unknown.isEmpty()) {
        if (options.fieldValidation == QLatin1String("Strict")) {
            QStringList parts;
            for (const QString &field : unknown)
                parts << QStringLiteral("unknown field \"%1\"").arg(field);
            return ApiError::badRequest(QStringLiteral("strict decoding error: ") + parts.join(QStringLiteral(", ")));
        }
        if (options.fieldValidation != QLatin1String("Ignore")) {
            for (const QString &field : unknown)
                warnings->append(QStringLiteral("unknown field \"%1\"").arg(field));
        }
    }
    schema->applyDefaults(object);
    const FieldErrors violations = schema->validate(object);
    if (!violations.isEmpty()) {
        QList<StatusCause> causes;
        for (const FieldError &violation : violations)
            causes.append({violation.reason, violation.message, violation.field});
        return ApiError::invalid(type.group, type.kind, nameOf(object), causes);
    }
    return std::nullopt;
}

Expected<WriteResult, ApiError> ObjectService::create(const ResourceType &type, const QString &namespaceName,
                                                      QJsonObject object, const WriteOptions &options)
{
    if (auto error = normaliseTypeMeta(type, object))
        return Unexpected(*error);
    QJsonObject metadata = metadataOf(object);
    if (type.namespaced) {
        const QString bodyNamespace = metadata.value(QLatin1String("namespace")).toString();
        if (!bodyNamespace.isEmpty() && bodyNamespace != namespaceName) {
            return Unexpected(ApiError::badRequest(
                QStringLiteral("the namespace of the provided object does not match the namespace sent on the request")));
        }
        metadata.insert(QStringLiteral("namespace"), namespaceName);
    } else {
        metadata.remove(QStringLiteral("namespace"));
    }
    if (!metadata.value(QLatin1String("resourceVersion")).toString().isEmpty())
        return Unexpected(ApiError::badRequest(QStringLiteral("resourceVersion should not be set on objects to be created")));
    QString name = metadata.value(QLatin1String("name")).toString();
    if (name.isEmpty()) {
        const QString generateName = metadata.value(QLatin1String("generateName")).toString();
        if (generateName.isEmpty()) {
            return Unexpected(ApiError::invalid(type.group, type.kind, QString(),
                                                {{QStringLiteral("FieldValueRequired"),
                                                  QStringLiteral("Required value: name or generateName is required"),
                                                  QStringLiteral("metadata.name")}}));
        }
        name = generateName.left(58) + randomSuffix();
        metadata.insert(QStringLiteral("name"), name);
    }
    object.insert(kMetadata, metadata);
    if (auto error = checkNamespace(type, namespaceName, true))
        return Unexpected(*error);
    if (get(type, namespaceName, name))
        return Unexpected(ApiError::alreadyExists(type.group, type.plural, name));

    if (type.hasStatus)
        object.remove(kStatus);
    metadata = metadataOf(object);
    metadata.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert(QStringLiteral("creationTimestamp"), timestamp());
    metadata.remove(QStringLiteral("deletionTimestamp"));
    metadata.remove(QStringLiteral("deletionGracePeriodSeconds"));
    metadata.remove(QStringLiteral("selfLink"));
    if (type.usesGeneration)
        metadata.insert(QStringLiteral("generation"), 1);
    else
        metadata.remove(QStringLiteral("generation"));
    object.insert(kMetadata, metadata);

    applyBuiltinDefaults(type, object, Defaulting::Create);
    WriteResult result;
    if (auto error = applySchema(type, object, options, &result.warnings))
        return Unexpected(*error);
    if (auto error = runAdmission(AdmissionOperation::Create, type, object, nullptr))
        return Unexpected(*error);
    if (auto error = validateObject(type, object, nullptr))
        return Unexpected(*error);

    if (!options.fieldsAlreadyTracked) {
        UpdateOptions tracking;
        tracking.manager = options.fieldManager.isEmpty() ? QStringLiteral("unknown") : options.fieldManager;
        tracking.apiVersion = type.groupVersion();
        tracking.group = type.group;
        tracking.kind = type.kind;
        tracking.time = now();
        tracking.scope = {options.subresource, type.hasStatus};
        object = recordUpdate(std::nullopt, object, tracking);
    }

    result.created = true;
    if (options.dryRun) {
        auto preview = std::make_shared<StoredObject>();
        preview->object = object;
        preview->json = compactJson(object);
        result.object = preview;
        return result;
    }
    result.object = m_store->write(type.storageKey(), object);
    return result;
}

Expected<WriteResult, ApiError> ObjectService::update(const ResourceType &type, const QString &namespaceName,
                                                      const QString &name, QJsonObject object,
                                                      const WriteOptions &options)
{
    const ObjectRef current = get(type, namespaceName, name);
    if (!current)
        return Unexpected(ApiError::notFound(type.group, type.plural, name));
    if (options.subresource == QLatin1String("scale")) {
        // Scale is its own kind (autoscaling/v1 Scale): only spec.replicas travels.
        QJsonObject updated = current->object;
        QJsonObject spec = updated.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), object.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt());
        updated.insert(QStringLiteral("spec"), spec);
        const QString bodyRv = metadataOf(object).value(QLatin1String("resourceVersion")).toString();
        if (!bodyRv.isEmpty() && bodyRv != QString::number(current->resourceVersion))
            return Unexpected(ApiError::conflict(type.group, type.plural, name,
                                                 QStringLiteral("the object has been modified; please apply your changes to the latest version and try again")));
        return commitUpdate(type, current, updated, options, QStringLiteral("Update"));
    }
    if (auto error = normaliseTypeMeta(type, object))
        return Unexpected(*error);
    const QJsonObject bodyMetadata = metadataOf(object);
    const QString bodyName = bodyMetadata.value(QLatin1String("name")).toString();
    if (!bodyName.isEmpty() && bodyName != name) {
        return Unexpected(ApiError::badRequest(
            QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)").arg(bodyName, name)));
    }
    if (type.namespaced) {
        const QString bodyNamespace = bodyMetadata.value(QLatin1String("namespace")).toString();
        if (!bodyNamespace.isEmpty() && bodyNamespace != namespaceName) {
            return Unexpected(ApiError::badRequest(
                QStringLiteral("the namespace of the provided object does not match the namespace sent on the request")));
        }
    }
    const QString bodyRv = bodyMetadata.value(QLatin1String("resourceVersion")).toString();
    if (bodyRv.isEmpty() && type.custom) {
        return Unexpected(ApiError::invalid(type.group, type.kind, name,
                                            {{QStringLiteral("FieldValueInvalid"),
                                              QStringLiteral("Invalid value: 0x0: must be specified for an update"),
                                              QStringLiteral("metadata.resourceVersion")}}));
    }
    if (!bodyRv.isEmpty() && bodyRv != QString::number(current->resourceVersion)) {
        return Unexpected(ApiError::conflict(type.group, type.plural, name,
                                             QStringLiteral("the object has been modified; please apply your changes to the latest version and try again")));
    }

    QJsonObject updated;
    if (options.subresource == QLatin1String("status")) {
        updated = current->object;
        if (object.contains(kStatus))
            updated.insert(kStatus, object.value(kStatus));
        else
            updated.remove(kStatus);
    } else if (options.subresource == QLatin1String("finalize")) {
        updated = current->object;
        QJsonObject spec = updated.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("finalizers"), object.value(QLatin1String("spec")).toObject().value(QLatin1String("finalizers")).toArray());
        updated.insert(QStringLiteral("spec"), spec);
    } else {
        updated = object;
        if (type.hasStatus) {
            if (current->object.contains(kStatus))
                updated.insert(kStatus, current->object.value(kStatus));
            else
                updated.remove(kStatus);
        }
        // Fields the server owns survive whatever the client sent.
        QJsonObject metadata = metadataOf(updated);
        const QJsonObject currentMetadata = metadataOf(current->object);
        for (const char *field : {"uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
                                  "generation", "namespace", "name"}) {
            const QString key = QString::fromLatin1(field);
            if (currentMetadata.contains(key))
                metadata.insert(key, currentMetadata.value(key));
            else
                metadata.remove(key);
        }
        // Finalizers cannot be added once deletion started.
        if (currentMetadata.contains(QLatin1String("deletionTimestamp"))) {
            const QStringList before = finalizersOf(current->object);
            QStringList requested;
            for (const QJsonValue &value : metadata.value(QLatin1String("finalizers")).toArray())
                requested << value.toString();
            for (const QString &finalizer : std::as_const(requested)) {
                if (!before.contains(finalizer)) {
                    return Unexpected(ApiError::forbidden(
                        QStringLiteral("Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"%1\"}")
                            .arg(finalizer), type.group, type.plural, name));
                }
            }
        }
        updated.insert(kMetadata, metadata);
    }
    return commitUpdate(type, current, updated, options, QStringLiteral("Update"));
}

Expected<WriteResult, ApiError> ObjectService::commitUpdate(const ResourceType &type, const ObjectRef &current,
                                                            QJsonObject updated, const WriteOptions &options,
                                                            const QString &operation)
{
    WriteResult result;
    applyBuiltinDefaults(type, updated, Defaulting::Update);
    if (auto error = applySchema(type, updated, options, &result.warnings))
        return Unexpected(*error);
    if (auto error = runAdmission(AdmissionOperation::Update, type, updated, &current->object))
        return Unexpected(*error);
    if (auto error = validateObject(type, updated, &current->object))
        return Unexpected(*error);

    if (type.usesGeneration && specPart(updated) != specPart(current->object)) {
        const int generation = metadataOf(current->object).value(QLatin1String("generation")).toInt(1);
        setMetadataField(updated, QStringLiteral("generation"), generation + 1);
    }
    if (operation == QLatin1String("Update")) {
        UpdateOptions tracking;
        tracking.manager = options.fieldManager.isEmpty() ? QStringLiteral("unknown") : options.fieldManager;
        tracking.apiVersion = type.groupVersion();
        tracking.group = type.group;
        tracking.kind = type.kind;
        tracking.time = now();
        tracking.scope = {options.subresource, type.hasStatus};
        updated = recordUpdate(current->object, updated, tracking);
    }
    // Same content: kube-apiserver writes nothing, so no new resourceVersion and no event.
    QJsonObject comparable = updated;
    setMetadataField(comparable, QStringLiteral("resourceVersion"), QString::number(current->resourceVersion));
    if (comparable == current->object) {
        result.object = current;
        return result;
    }
    const QJsonObject metadata = metadataOf(updated);
    // A namespace also waits for its spec.finalizers (the namespace controller's "kubernetes").
    const bool namespaceFinalizing = isNamespaceType(type)
        && !updated.value(QLatin1String("spec")).toObject().value(QLatin1String("finalizers")).toArray().isEmpty();
    if (metadata.contains(QLatin1String("deletionTimestamp")) && finalizersOf(updated).isEmpty() && !namespaceFinalizing
        && metadata.value(QLatin1String("deletionGracePeriodSeconds")).toInteger(0) == 0) {
        return finishDeletion(type, current, updated, options.dryRun);
    }
    if (options.dryRun) {
        auto preview = std::make_shared<StoredObject>();
        preview->object = updated;
        preview->json = compactJson(updated);
        preview->resourceVersion = current->resourceVersion;
        result.object = preview;
        return result;
    }
    result.object = m_store->write(type.storageKey(), updated);
    return result;
}

Expected<WriteResult, ApiError> ObjectService::finishDeletion(const ResourceType &type, const ObjectRef &current,
                                                              const QJsonObject &updated, bool dryRun)
{
    WriteResult result;
    if (dryRun) {
        auto preview = std::make_shared<StoredObject>();
        preview->object = updated;
        preview->json = compactJson(updated);
        result.object = preview;
        return result;
    }
    // Store the final state first so that watchers see the finalizer removal, then the DELETE.
    m_store->write(type.storageKey(), updated);
    result.object = m_store->remove(type.storageKey(), namespaceOf(current->object), nameOf(current->object));
    return result;
}

Expected<WriteResult, ApiError> ObjectService::patch(const ResourceType &type, const QString &namespaceName,
                                                     const QString &name, const QByteArray &contentType,
                                                     const QByteArray &body, const WriteOptions &options)
{
    const QByteArray mediaType = contentType.split(';').value(0).trimmed().toLower();
    const ObjectRef current = get(type, namespaceName, name);

    if (mediaType == "application/apply-patch+yaml" || mediaType == "application/apply-patch+cbor") {
        if (options.fieldManager.isEmpty())
            return Unexpected(ApiError::badRequest(QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")));
        const auto parsed = yamlToJson(body);
        if (!parsed || !parsed->isObject())
            return Unexpected(ApiError::badRequest(parsed ? QStringLiteral("error decoding YAML: apply patch must be an object")
                                                          : QStringLiteral("error decoding YAML: ") + parsed.error()));
        QJsonObject applied = parsed->toObject();
        if (auto error = normaliseTypeMeta(type, applied))
            return Unexpected(*error);
        const QString appliedName = nameOf(applied);
        if (!appliedName.isEmpty() && appliedName != name)
            return Unexpected(ApiError::badRequest(
                QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)").arg(appliedName, name)));
        if (!current && !options.subresource.isEmpty())
            return Unexpected(ApiError::notFound(type.group, type.plural, name));
        ApplyOptions apply;
        apply.manager = options.fieldManager;
        apply.force = options.force;
        apply.apiVersion = type.groupVersion();
        apply.group = type.group;
        apply.kind = type.kind;
        apply.time = now();
        apply.scope = {options.subresource, type.hasStatus};
        std::optional<QJsonObject> live;
        if (current)
            live = forVersion(current, type);
        auto merged = applyServerSide(live, applied, apply);
        if (!merged)
            return Unexpected(patchErrorToApi(type, name, merged.error()));
        if (!current) {
            QJsonObject created = *merged;
            setMetadataField(created, QStringLiteral("name"), name);
            WriteOptions createOptions = options;
            createOptions.fieldsAlreadyTracked = true;
            return create(type, namespaceName, created, createOptions);
        }
        return commitUpdate(type, current, *merged, options, QStringLiteral("Apply"));
    }

    if (!current)
        return Unexpected(ApiError::notFound(type.group, type.plural, name));
    const QJsonObject original = forVersion(current, type);
    Expected<QJsonObject, PatchError> patched = Unexpected(PatchError::unsupportedMediaType(QString()));
    if (mediaType == "application/merge-patch+json") {
        patched = applyMergePatch(original, body);
    } else if (mediaType == "application/json-patch+json") {
        patched = applyJsonPatch(original, body);
    } else if (mediaType == "application/strategic-merge-patch+json") {
        if (type.custom) {
            return Unexpected(ApiError::unsupportedMediaType(
                QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                               "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")));
        }
        patched = applyStrategicMergePatch(original, body, type.group, type.kind);
    } else {
        return Unexpected(ApiError::unsupportedMediaType(
            QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                           "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml%1")
                .arg(type.custom ? QString() : QStringLiteral(", application/strategic-merge-patch+json"))));
    }
    if (!patched)
        return Unexpected(patchErrorToApi(type, name, patched.error()));
    QJsonObject result = *patched;
    const QString patchedRv = metadataOf(result).value(QLatin1String("resourceVersion")).toString();
    if (!patchedRv.isEmpty() && patchedRv != QString::number(current->resourceVersion)) {
        return Unexpected(ApiError::conflict(type.group, type.plural, name,
                                             QStringLiteral("the object has been modified; please apply your changes to the latest version and try again")));
    }
    setMetadataField(result, QStringLiteral("resourceVersion"), QString::number(current->resourceVersion));
    if (nameOf(result) != name)
        return Unexpected(ApiError::badRequest(QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)").arg(nameOf(result), name)));
    return update(type, namespaceName, name, result, options);
}

Expected<WriteResult, ApiError> ObjectService::remove(const ResourceType &type, const QString &namespaceName,
                                                      const QString &name, const DeleteOptions &options)
{
    const ObjectRef current = get(type, namespaceName, name);
    if (!current)
        return Unexpected(ApiError::notFound(type.group, type.plural, name));
    const QJsonObject metadata = metadataOf(current->object);
    if (!options.preconditionUid.isEmpty() && options.preconditionUid != metadata.value(QLatin1String("uid")).toString()) {
        return Unexpected(ApiError::conflict(type.group, type.plural, name,
                                             QStringLiteral("Precondition failed: UID in precondition: %1, UID in object meta: %2")
                                                 .arg(options.preconditionUid, metadata.value(QLatin1String("uid")).toString())));
    }
    if (!options.preconditionResourceVersion.isEmpty()
        && options.preconditionResourceVersion != QString::number(current->resourceVersion)) {
        return Unexpected(ApiError::conflict(type.group, type.plural, name,
                                             QStringLiteral("Precondition failed: ResourceVersion in precondition: %1, ResourceVersion in object meta: %2")
                                                 .arg(options.preconditionResourceVersion, QString::number(current->resourceVersion))));
    }
    WriteResult result;
    if (options.dryRun) {
        result.object = current;
        return result;
    }
    QJsonObject updated = current->object;
    const bool alreadyDeleting = metadata.contains(QLatin1String("deletionTimestamp"));
    QStringList finalizers = finalizersOf(updated);
    bool changed = false;
    if (isNamespaceType(type)) {
        // The namespace controller empties it and removes the "kubernetes" finalizer.
        if (!alreadyDeleting) {
            setMetadataField(updated, QStringLiteral("deletionTimestamp"), timestamp());
            QJsonObject status = updated.value(kStatus).toObject();
            status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
            updated.insert(kStatus, status);
            changed = true;
        }
        const bool hasSpecFinalizers = !updated.value(QLatin1String("spec")).toObject()
                                            .value(QLatin1String("finalizers")).toArray().isEmpty();
        if (!hasSpecFinalizers && finalizers.isEmpty())
            return finishDeletion(type, current, updated, false);
        if (changed)
            result.object = m_store->write(type.storageKey(), updated);
        else
            result.object = current;
        result.deletionPending = true;
        return result;
    }
    const QString policy = options.propagationPolicy;
    if (policy == QLatin1String("Foreground") && !finalizers.contains(QLatin1String("foregroundDeletion"))) {
        finalizers << QStringLiteral("foregroundDeletion");
        changed = true;
    } else if (policy == QLatin1String("Orphan") && !finalizers.contains(QLatin1String("orphan"))) {
        finalizers << QStringLiteral("orphan");
        changed = true;
    }
    if (changed)
        setFinalizers(updated, finalizers);

    // Pods that run on a node terminate gracefully: the simulated kubelet removes them.
    qint64 grace = 0;
    if (isPodType(type) && !updated.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString().isEmpty()) {
        const QString phase = updated.value(kStatus).toObject().value(QLatin1String("phase")).toString();
        if (phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed")) {
            grace = options.gracePeriodSeconds.value_or(
                updated.value(QLatin1String("spec")).toObject().value(QLatin1String("terminationGracePeriodSeconds")).toInteger(30));
        }
    }
    if (grace > 0) {
        if (!alreadyDeleting || metadata.value(QLatin1String("deletionGracePeriodSeconds")).toInteger() > grace) {
            setMetadataField(updated, QStringLiteral("deletionTimestamp"), now().addSecs(grace).toString(Qt::ISODate));
            setMetadataField(updated, QStringLiteral("deletionGracePeriodSeconds"), grace);
            changed = true;
        }
    } else if (isPodType(type) && alreadyDeleting && metadata.contains(QLatin1String("deletionGracePeriodSeconds"))) {
        // A forced delete (grace 0) of a terminating pod ends the grace period now.
        setMetadataField(updated, QStringLiteral("deletionGracePeriodSeconds"), QJsonValue());
        changed = true;
    }
    if (finalizers.isEmpty() && grace == 0) {
        setMetadataField(updated, QStringLiteral("deletionTimestamp"),
                         alreadyDeleting ? metadata.value(QLatin1String("deletionTimestamp")) : QJsonValue(timestamp()));
        setMetadataField(updated, QStringLiteral("deletionGracePeriodSeconds"), QJsonValue());
        result.object = m_store->remove(type.storageKey(), namespaceName.isEmpty() || !type.namespaced ? QString() : namespaceName, name);
        return result;
    }
    if (!alreadyDeleting && !metadataOf(updated).contains(QLatin1String("deletionTimestamp"))) {
        setMetadataField(updated, QStringLiteral("deletionTimestamp"), timestamp());
        setMetadataField(updated, QStringLiteral("deletionGracePeriodSeconds"), 0);
        changed = true;
    }
    result.object = changed ? m_store->write(type.storageKey(), updated) : current;
    result.deletionPending = true;
    return result;
}

Expected<WriteResult, ApiError> ObjectService::mutate(const ResourceType &type, const QString &namespaceName,
                                                      const QString &name,
                                                      const std::function<bool(QJsonObject &)> &change,
                                                      const QString &subresource, const QString &manager)
{
    for (int attempt = 0; attempt < 5; ++attempt) {
        const ObjectRef current = get(type, namespaceName, name);
        if (!current)
            return Unexpected(ApiError::notFound(type.group, type.plural, name));
        QJsonObject object = forVersion(current, type);
        if (!change(object)) {
            WriteResult unchanged;
            unchanged.object = current;
            return unchanged;
        }
        WriteOptions options;
        options.subresource = subresource;
        options.fieldManager = manager.isEmpty() ? QStringLiteral("kube-controller-manager") : manager;
        auto result = update(type, namespaceName, name, object, options);
        if (result || result.error().code != 409)
            return result;
    }
    return Unexpected(ApiError::conflict(type.group, type.plural, name, QStringLiteral("too many conflicts")));
}

} // namespace fd::sim

#include "moc_ObjectService.cpp"
