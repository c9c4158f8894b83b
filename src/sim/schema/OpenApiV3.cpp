#include "sim/schema/OpenApiV3.h"

#include "sim/schema/BuiltinSchemas.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace fd::sim {

namespace {

const QString kRefPrefix = QStringLiteral("#/components/schemas/");

QString capitalized(const QString &word)
{
    return word.isEmpty() ? word : word.at(0).toUpper() + word.mid(1);
}

// "" -> Core, apps -> Apps, rbac.authorization.k8s.io -> RbacAuthorization, fission.io -> FissionIo
QString groupToken(const QString &group)
{
    if (group.isEmpty())
        return QStringLiteral("Core");
    QString trimmed = group;
    if (trimmed.endsWith(QLatin1String(".k8s.io")))
        trimmed.chop(7);
    QString token;
    const QStringList parts = trimmed.split(QRegularExpression(QStringLiteral("[.-]")), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        token += capitalized(part);
    return token;
}

QString operationGroupVersion(const ResourceType &type)
{
    return groupToken(type.group) + capitalized(type.version);
}

QString tagOf(const ResourceType &type)
{
    QString token = groupToken(type.group);
    token[0] = token.at(0).toLower();
    return token + QLatin1Char('_') + type.version;
}

QString articleFor(const QString &noun)
{
    static const QString vowels = QStringLiteral("AEIOUaeiou");
    return !noun.isEmpty() && vowels.contains(noun.at(0)) ? QStringLiteral(" an ") : QStringLiteral(" a ");
}

QJsonObject gvkObject(const QString &group, const QString &version, const QString &kind)
{
    return {{QStringLiteral("group"), group}, {QStringLiteral("kind"), kind}, {QStringLiteral("version"), version}};
}

QJsonObject parameter(const QString &name, const QString &in, const QString &type, const QString &description)
{
    QJsonObject param{{QStringLiteral("name"), name},
                      {QStringLiteral("in"), in},
                      {QStringLiteral("description"), description},
                      {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("uniqueItems"), true}}}};
    if (in == QLatin1String("path"))
        param.insert(QStringLiteral("required"), true);
    return param;
}

QJsonObject query(const char *name, const char *type, const char *description)
{
    return parameter(QString::fromUtf8(name), QStringLiteral("query"), QString::fromUtf8(type), QString::fromUtf8(description));
}

QJsonObject dryRunParam()
{
    return query("dryRun", "string", "All: run every stage of the request (validation, admission, defaulting) but persist nothing.");
}

QJsonObject fieldManagerParam()
{
    return query("fieldManager", "string", "Name of the actor making the change, recorded in managedFields (at most 128 printable characters). Required for apply patches.");
}

QJsonObject fieldValidationParam()
{
    return query("fieldValidation", "string",
                 "What to do with unknown or duplicate fields in the body: Ignore drops them silently, Warn (default) drops them "
                 "and returns a warning for each, Strict rejects the request.");
}

QJsonArray listParams()
{
    return {query("allowWatchBookmarks", "boolean", "Ask for BOOKMARK events on a watch; the server sends them at its discretion."),
            query("continue", "string", "Continue token from the previous chunk of a paginated list."),
            query("fieldSelector", "string", "Restrict the result by fields, e.g. metadata.name=foo. Defaults to everything."),
            query("labelSelector", "string", "Restrict the result by labels, e.g. app=web,tier!=db. Defaults to everything."),
            query("limit", "integer", "Maximum number of items to return; the list metadata then carries a continue token if more exist."),
            query("resourceVersion", "string", "Constraint on the resource version the result is served from; see resourceVersionMatch."),
            query("resourceVersionMatch", "string", "How resourceVersion applies to a list: NotOlderThan or Exact."),
            query("sendInitialEvents", "boolean", "With watch=true: first send the current objects as ADDED events and a bookmark marking their end."),
            query("timeoutSeconds", "integer", "Time limit for the list or watch call."),
            query("watch", "boolean", "Stream changes (added, modified, deleted) instead of returning a list.")};
}

QJsonArray deleteParams()
{
    return {dryRunParam(),
            query("gracePeriodSeconds", "integer", "Seconds before the object is deleted; zero deletes immediately."),
            query("orphanDependents", "boolean", "Deprecated: use propagationPolicy."),
            query("propagationPolicy", "string", "What happens to dependents: Orphan, Background or Foreground.")};
}

QJsonArray concat(QJsonArray first, const QJsonArray &second)
{
    for (const QJsonValue &value : second)
        first.append(value);
    return first;
}

// The encodings a kind is served in: built-ins also in protobuf; CRDs JSON and YAML only.
QStringList mediaTypes(bool custom, bool streaming)
{
    QStringList types{QStringLiteral("application/json")};
    if (streaming)
        types << QStringLiteral("application/json;stream=watch");
    if (!custom) {
        types << QStringLiteral("application/vnd.kubernetes.protobuf");
        if (streaming)
            types << QStringLiteral("application/vnd.kubernetes.protobuf;stream=watch");
    }
    types << QStringLiteral("application/yaml");
    return types;
}

QJsonObject content(const QString &model, const QStringList &types)
{
    QJsonObject content;
    for (const QString &type : types)
        content.insert(type, QJsonObject{{QStringLiteral("schema"), BuiltinSchemas::ref(model)}});
    return content;
}

QJsonObject response(const char *description, const QString &model, const QStringList &types)
{
    return {{QStringLiteral("description"), QString::fromUtf8(description)}, {QStringLiteral("content"), content(model, types)}};
}

// One operation of the paths object.
struct Operation {
    QString action;      // x-kubernetes-action: list, post, deletecollection, get, put, patch, delete
    QString operationId;
    QString description;
    QJsonArray parameters;
    QJsonObject requestBody;
    QJsonObject responses;
};

class DocumentBuilder {
public:
    DocumentBuilder(const CatalogSnapshot &snapshot, QString group, QString version)
        : m_snapshot(snapshot), m_group(std::move(group)), m_version(std::move(version))
    {
    }

    QJsonObject build();

private:
    void addType(const ResourceType &type);
    void addCollectionPaths(const ResourceType &type, const QString &base, const QJsonArray &pathParams);
    void addItemPaths(const ResourceType &type, const QString &base, const QJsonArray &pathParams);
    void addSubresourcePaths(const ResourceType &type, const QString &itemPath, const QJsonArray &pathParams,
                             const QString &subresource);
    void addOperation(const QString &path, const QString &method, const Operation &operation, const QJsonObject &gvk,
                      const ResourceType &type);
    void setPathParameters(const QString &path, const QJsonArray &parameters);
    QJsonObject kindSchema(const ResourceType &type) const;
    QJsonObject componentsFor() const;

    const CatalogSnapshot &m_snapshot;
    QString m_group;
    QString m_version;
    QJsonObject m_paths;
    QHash<QString, QJsonObject> m_schemas; // kind and list schemas of this document
};

QString pathPrefix(const QString &group, const QString &version)
{
    return group.isEmpty() ? QStringLiteral("/api/") + version : QStringLiteral("/apis/") + group + QLatin1Char('/') + version;
}

QJsonObject prettyParam()
{
    return query("pretty", "string", "If 'true', the output is pretty printed.");
}

QJsonObject namespaceParam()
{
    return parameter(QStringLiteral("namespace"), QStringLiteral("path"), QStringLiteral("string"),
                     QStringLiteral("Object name and auth scope, such as for teams and projects."));
}

QJsonObject nameParam(const QString &kind)
{
    return parameter(QStringLiteral("name"), QStringLiteral("path"), QStringLiteral("string"), QStringLiteral("Name of the ") + kind + QLatin1Char('.'));
}

QJsonObject patchBody()
{
    // No application/strategic-merge-patch+json, on purpose: see the class comment in OpenApiV3.h.
    const QStringList patchTypes{QStringLiteral("application/apply-patch+yaml"), QStringLiteral("application/json-patch+json"),
                                 QStringLiteral("application/merge-patch+json")};
    return {{QStringLiteral("content"), content(kPatchModel, patchTypes)}, {QStringLiteral("required"), true}};
}

QJsonObject writeBody(const QString &model, bool custom)
{
    return {{QStringLiteral("content"), content(model, mediaTypes(custom, false))}, {QStringLiteral("required"), true}};
}

QJsonObject deleteBody()
{
    return {{QStringLiteral("content"), content(kDeleteOptionsModel, {QStringLiteral("application/json")})}};
}

QJsonObject unauthorized()
{
    return {{QStringLiteral("description"), QStringLiteral("Unauthorized")}};
}

void DocumentBuilder::setPathParameters(const QString &path, const QJsonArray &parameters)
{
    QJsonObject item = m_paths.value(path).toObject();
    item.insert(QStringLiteral("parameters"), parameters);
    m_paths.insert(path, item);
}

void DocumentBuilder::addOperation(const QString &path, const QString &method, const Operation &operation,
                                   const QJsonObject &gvk, const ResourceType &type)
{
    QJsonObject op{{QStringLiteral("description"), operation.description},
                   {QStringLiteral("operationId"), operation.operationId},
                   {QStringLiteral("tags"), QJsonArray{tagOf(type)}},
                   {QStringLiteral("responses"), operation.responses},
                   {QStringLiteral("x-kubernetes-action"), operation.action},
                   {QStringLiteral("x-kubernetes-group-version-kind"), gvk}};
    if (!operation.parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), operation.parameters);
    if (!operation.requestBody.isEmpty())
        op.insert(QStringLiteral("requestBody"), operation.requestBody);
    QJsonObject item = m_paths.value(path).toObject();
    item.insert(method, op);
    m_paths.insert(path, item);
}

void DocumentBuilder::addType(const ResourceType &type)
{
    const QString model = OpenApiV3::modelName(type.group, type.version, type.kind, type.custom);
    const QString listModel = OpenApiV3::modelName(type.group, type.version, type.listKind(), type.custom);
    m_schemas.insert(model, kindSchema(type));
    if (type.allows(QStringLiteral("list"))) {
        QJsonObject list = BuiltinSchemas::listOf(model, type.kind, type.plural);
        list.insert(QStringLiteral("x-kubernetes-group-version-kind"),
                    QJsonArray{gvkObject(type.group, type.version, type.listKind())});
        m_schemas.insert(listModel, list);
    }

    const QString prefix = pathPrefix(type.group, type.version);
    if (type.namespaced) {
        if (type.allows(QStringLiteral("list"))) {
            const QString allNamespaces = prefix + QLatin1Char('/') + type.plural;
            addOperation(allNamespaces, QStringLiteral("get"),
                         {QStringLiteral("list"), QStringLiteral("list") + operationGroupVersion(type) + type.kind + QStringLiteral("ForAllNamespaces"),
                          QStringLiteral("list or watch objects of kind ") + type.kind, listParams(), {},
                          {{QStringLiteral("200"), response("OK", listModel, mediaTypes(type.custom, true))},
                           {QStringLiteral("401"), unauthorized()}}},
                         gvkObject(type.group, type.version, type.kind), type);
            setPathParameters(allNamespaces, {prettyParam()});
        }
        const QString base = prefix + QStringLiteral("/namespaces/{namespace}/") + type.plural;
        addCollectionPaths(type, base, {namespaceParam(), prettyParam()});
        addItemPaths(type, base + QStringLiteral("/{name}"), {nameParam(type.kind), namespaceParam(), prettyParam()});
    } else {
        const QString base = prefix + QLatin1Char('/') + type.plural;
        addCollectionPaths(type, base, {prettyParam()});
        addItemPaths(type, base + QStringLiteral("/{name}"), {nameParam(type.kind), prettyParam()});
    }
}

void DocumentBuilder::addCollectionPaths(const ResourceType &type, const QString &base, const QJsonArray &pathParams)
{
    const QString model = OpenApiV3::modelName(type.group, type.version, type.kind, type.custom);
    const QString listModel = OpenApiV3::modelName(type.group, type.version, type.listKind(), type.custom);
    const QString scope = type.namespaced ? QStringLiteral("Namespaced") : QString();
    const QString gv = operationGroupVersion(type);
    const QJsonObject gvk = gvkObject(type.group, type.version, type.kind);
    bool any = false;
    if (type.allows(QStringLiteral("list"))) {
        addOperation(base, QStringLiteral("get"),
                     {QStringLiteral("list"), QStringLiteral("list") + gv + scope + type.kind,
                      QStringLiteral("list or watch objects of kind ") + type.kind, listParams(), {},
                      {{QStringLiteral("200"), response("OK", listModel, mediaTypes(type.custom, true))},
                       {QStringLiteral("401"), unauthorized()}}},
                     gvk, type);
        any = true;
    }
    if (type.allows(QStringLiteral("create"))) {
        const QStringList types = mediaTypes(type.custom, false);
        addOperation(base, QStringLiteral("post"),
                     {QStringLiteral("post"), QStringLiteral("create") + gv + scope + type.kind,
                      QStringLiteral("create") + articleFor(type.kind) + type.kind,
                      {dryRunParam(), fieldManagerParam(), fieldValidationParam()}, writeBody(model, type.custom),
                      {{QStringLiteral("200"), response("OK", model, types)},
                       {QStringLiteral("201"), response("Created", model, types)},
                       {QStringLiteral("202"), response("Accepted", model, types)},
                       {QStringLiteral("401"), unauthorized()}}},
                     gvk, type);
        any = true;
    }
    if (type.allows(QStringLiteral("deletecollection"))) {
        addOperation(base, QStringLiteral("delete"),
                     {QStringLiteral("deletecollection"), QStringLiteral("delete") + gv + QStringLiteral("Collection") + scope + type.kind,
                      QStringLiteral("delete collection of ") + type.kind, concat(deleteParams(), listParams()), deleteBody(),
                      {{QStringLiteral("200"), response("OK", kStatusModel, mediaTypes(type.custom, false))},
                       {QStringLiteral("401"), unauthorized()}}},
                     gvk, type);
        any = true;
    }
    if (any)
        setPathParameters(base, pathParams);
}

void DocumentBuilder::addItemPaths(const ResourceType &type, const QString &itemPath, const QJsonArray &pathParams)
{
    const QString model = OpenApiV3::modelName(type.group, type.version, type.kind, type.custom);
    const QString scope = type.namespaced ? QStringLiteral("Namespaced") : QString();
    const QString gv = operationGroupVersion(type);
    const QJsonObject gvk = gvkObject(type.group, type.version, type.kind);
    const QStringList types = mediaTypes(type.custom, false);
    bool any = false;
    if (type.allows(QStringLiteral("get"))) {
        addOperation(itemPath, QStringLiteral("get"),
                     {QStringLiteral("get"), QStringLiteral("read") + gv + scope + type.kind,
                      QStringLiteral("read the specified ") + type.kind, {}, {},
                      {{QStringLiteral("200"), response("OK", model, types)}, {QStringLiteral("401"), unauthorized()}}},
                     gvk, type);
        any = true;
    }
    if (type.allows(QStringLiteral("update"))) {
        addOperation(itemPath, QStringLiteral("put"),
                     {QStringLiteral("put"), QStringLiteral("replace") + gv + scope + type.kind,
                      QStringLiteral("replace the specified ") + type.kind,
                      {dryRunParam(), fieldManagerParam(), fieldValidationParam()}, writeBody(model, type.custom),
                      {{QStringLiteral("200"), response("OK", model, types)},
                       {QStringLiteral("201"), response("Created", model, types)},
                       {QStringLiteral("401"), unauthorized()}}},
                     gvk, type);
        any = true;
    }
    if (type.allows(QStringLiteral("patch"))) {
        addOperation(itemPath, QStringLiteral("patch"),
                     {QStringLiteral("patch"), QStringLiteral("patch") + gv + scope + type.kind,
                      QStringLiteral("partially update the specified ") + type.kind,
                      {dryRunParam(), fieldManagerParam(), fieldValidationParam(),
                       query("force", "boolean", "Apply patches only: take over fields other managers own instead of failing with a conflict.")},
                      patchBody(),
                      {{QStringLiteral("200"), response("OK", model, types)},
                       {QStringLiteral("201"), response("Created", model, types)},
                       {QStringLiteral("401"), unauthorized()}}},
                     gvk, type);
        any = true;
    }
    if (type.allows(QStringLiteral("delete"))) {
        addOperation(itemPath, QStringLiteral("delete"),
                     {QStringLiteral("delete"), QStringLiteral("delete") + gv + scope + type.kind,
                      QStringLiteral("delete") + articleFor(type.kind) + type.kind, deleteParams(), deleteBody(),
                      {{QStringLiteral("200"), response("OK", kStatusModel, types)},
                       {QStringLiteral("202"), response("Accepted", kStatusModel, types)},
                       {QStringLiteral("401"), unauthorized()}}},
                     gvk, type);
        any = true;
    }
    if (any)
        setPathParameters(itemPath, pathParams);
    if (type.hasStatus)
        addSubresourcePaths(type, itemPath, pathParams, QStringLiteral("status"));
    if (type.hasScale)
        addSubresourcePaths(type, itemPath, pathParams, QStringLiteral("scale"));
}

void DocumentBuilder::addSubresourcePaths(const ResourceType &type, const QString &itemPath, const QJsonArray &pathParams,
                                          const QString &subresource)
{
    const bool scale = subresource == QLatin1String("scale");
    const QString path = itemPath + QLatin1Char('/') + subresource;
    const QString model = scale ? kScaleModel : OpenApiV3::modelName(type.group, type.version, type.kind, type.custom);
    const QJsonObject gvk = scale ? gvkObject(QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale"))
                                  : gvkObject(type.group, type.version, type.kind);
    const QString suffix = (type.namespaced ? QStringLiteral("Namespaced") : QString()) + type.kind + capitalized(subresource);
    const QString gv = operationGroupVersion(type);
    const QString of = QLatin1Char(' ') + subresource + QStringLiteral(" of the specified ") + type.kind;
    const QStringList types = mediaTypes(type.custom, false);
    const QJsonArray writeParams{dryRunParam(), fieldManagerParam(), fieldValidationParam()};
    addOperation(path, QStringLiteral("get"),
                 {QStringLiteral("get"), QStringLiteral("read") + gv + suffix, QStringLiteral("read") + of, {}, {},
                  {{QStringLiteral("200"), response("OK", model, types)}, {QStringLiteral("401"), unauthorized()}}},
                 gvk, type);
    addOperation(path, QStringLiteral("put"),
                 {QStringLiteral("put"), QStringLiteral("replace") + gv + suffix, QStringLiteral("replace") + of, writeParams,
                  writeBody(model, type.custom),
                  {{QStringLiteral("200"), response("OK", model, types)},
                   {QStringLiteral("201"), response("Created", model, types)},
                   {QStringLiteral("401"), unauthorized()}}},
                 gvk, type);
    addOperation(path, QStringLiteral("patch"),
                 {QStringLiteral("patch"), QStringLiteral("patch") + gv + suffix, QStringLiteral("partially update") + of,
                  concat(writeParams, {query("force", "boolean", "Apply patches only: take over fields other managers own.")}),
                  patchBody(),
                  {{QStringLiteral("200"), response("OK", model, types)},
                   {QStringLiteral("201"), response("Created", model, types)},
                   {QStringLiteral("401"), unauthorized()}}},
                 gvk, type);
    setPathParameters(path, pathParams);
}

// x-kubernetes-embedded-resource objects get apiVersion, kind and metadata, as the
// apiextensions builder adds them. Returns whether anything changed.
bool addEmbeddedProperties(QJsonObject &schema, int depth)
{
    if (depth > 64)
        return false;
    bool changed = false;
    QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    bool propertiesChanged = false;
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        QJsonObject child = it.value().toObject();
        if (addEmbeddedProperties(child, depth + 1)) {
            it.value() = child;
            propertiesChanged = true;
        }
    }
    for (const QString &key : {QStringLiteral("items"), QStringLiteral("additionalProperties")}) {
        if (!schema.value(key).isObject())
            continue;
        QJsonObject child = schema.value(key).toObject();
        if (addEmbeddedProperties(child, depth + 1)) {
            schema.insert(key, child);
            changed = true;
        }
    }
    if (schema.value(QStringLiteral("x-kubernetes-embedded-resource")).toBool()) {
        properties.insert(QStringLiteral("apiVersion"), BuiltinSchemas::apiVersionProperty());
        properties.insert(QStringLiteral("kind"), BuiltinSchemas::kindProperty());
        properties.insert(QStringLiteral("metadata"), BuiltinSchemas::metadataProperty());
        propertiesChanged = true;
        QJsonArray required = schema.value(QStringLiteral("required")).toArray();
        for (const QString &name : {QStringLiteral("kind"), QStringLiteral("apiVersion")}) {
            if (!required.contains(name))
                required.append(name);
        }
        schema.insert(QStringLiteral("required"), required);
    }
    if (propertiesChanged)
        schema.insert(QStringLiteral("properties"), properties);
    return changed || propertiesChanged;
}

QJsonObject crdKindSchema(const ResourceType &type)
{
    QJsonObject schema = type.schema;
    if (schema.isEmpty()) {
        // Without a schema only the type is published, so clients assume nothing about fields.
        schema.insert(QStringLiteral("type"), QStringLiteral("object"));
    } else {
        addEmbeddedProperties(schema, 0);
        QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        properties.insert(QStringLiteral("apiVersion"), BuiltinSchemas::apiVersionProperty());
        properties.insert(QStringLiteral("kind"), BuiltinSchemas::kindProperty());
        properties.insert(QStringLiteral("metadata"), BuiltinSchemas::metadataProperty());
        schema.insert(QStringLiteral("properties"), properties);
    }
    return schema;
}

QJsonObject DocumentBuilder::kindSchema(const ResourceType &type) const
{
    const QString model = OpenApiV3::modelName(type.group, type.version, type.kind, type.custom);
    QJsonObject schema;
    if (type.custom)
        schema = crdKindSchema(type);
    else if (BuiltinSchemas::definitions().contains(model))
        schema = BuiltinSchemas::definitions().value(model);
    else
        schema = BuiltinSchemas::genericKind(type.kind);
    schema.insert(QStringLiteral("x-kubernetes-group-version-kind"), QJsonArray{gvkObject(type.group, type.version, type.kind)});
    return schema;
}

void collectRefs(const QJsonValue &value, QSet<QString> &refs, int depth)
{
    if (depth > 256)
        return;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("$ref") && it.value().toString().startsWith(kRefPrefix))
                refs.insert(it.value().toString().mid(kRefPrefix.size()));
            else if (it.value().isObject() || it.value().isArray())
                collectRefs(it.value(), refs, depth + 1);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            if (entry.isObject() || entry.isArray())
                collectRefs(entry, refs, depth + 1);
        }
    }
}

QJsonObject DocumentBuilder::componentsFor() const
{
    // The document's own schemas plus everything they and the operations refer to.
    QJsonObject schemas;
    QSet<QString> pending;
    for (auto it = m_schemas.begin(); it != m_schemas.end(); ++it) {
        schemas.insert(it.key(), it.value());
        collectRefs(it.value(), pending, 0);
    }
    collectRefs(m_paths, pending, 0);
    const QHash<QString, QJsonObject> &library = BuiltinSchemas::definitions();
    while (!pending.isEmpty()) {
        const QString model = *pending.begin();
        pending.erase(pending.begin());
        if (schemas.contains(model) || !library.contains(model))
            continue;
        const QJsonObject definition = library.value(model);
        schemas.insert(model, definition);
        collectRefs(definition, pending, 0);
    }
    return {{QStringLiteral("schemas"), schemas},
            {QStringLiteral("securitySchemes"),
             QJsonObject{{QStringLiteral("BearerToken"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                      {QStringLiteral("name"), QStringLiteral("authorization")},
                                      {QStringLiteral("in"), QStringLiteral("header")},
                                      {QStringLiteral("description"), QStringLiteral("Bearer token authentication")}}}}}};
}

QJsonObject DocumentBuilder::build()
{
    for (const ResourceType &type : m_snapshot.typesAt(m_group, m_version))
        addType(type);
    return {{QStringLiteral("openapi"), QStringLiteral("3.0.0")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                                                 {QStringLiteral("version"), QStringLiteral("unversioned")}}},
            {QStringLiteral("paths"), m_paths},
            {QStringLiteral("components"), componentsFor()}};
}

OpenApiV3::Document makeDocument(const QJsonObject &json)
{
    OpenApiV3::Document document;
    document.json = QJsonDocument(json).toJson(QJsonDocument::Compact);
    document.hash = QCryptographicHash::hash(document.json, QCryptographicHash::Sha512).toHex().toUpper();
    return document;
}

} // namespace

QString OpenApiV3::gvPath(const QString &group, const QString &version)
{
    return group.isEmpty() ? QStringLiteral("api/") + version : QStringLiteral("apis/") + group + QLatin1Char('/') + version;
}

QString OpenApiV3::modelName(const QString &group, const QString &version, const QString &kind, bool custom)
{
    if (custom) {
        QStringList labels = group.split(QLatin1Char('.'));
        std::reverse(labels.begin(), labels.end());
        return labels.join(QLatin1Char('.')) + QLatin1Char('.') + version + QLatin1Char('.') + kind;
    }
    QString package;
    if (group.isEmpty())
        package = QStringLiteral("io.k8s.api.core");
    else if (group == QLatin1String("apiextensions.k8s.io"))
        package = QStringLiteral("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions");
    else if (group == QLatin1String("apiregistration.k8s.io"))
        package = QStringLiteral("io.k8s.kube-aggregator.pkg.apis.apiregistration");
    else
        package = QStringLiteral("io.k8s.api.") + group.section(QLatin1Char('.'), 0, 0);
    return package + QLatin1Char('.') + version + QLatin1Char('.') + kind;
}

QJsonObject OpenApiV3::buildDocument(const CatalogSnapshot &snapshot, const QString &group, const QString &version)
{
    return DocumentBuilder(snapshot, group, version).build();
}

void OpenApiV3::update(const CatalogSnapshot &snapshot)
{
    QMutexLocker locker(&m_mutex);
    if (m_hasSnapshot && m_snapshot.generation == snapshot.generation)
        return;
    m_snapshot = snapshot;
    m_hasSnapshot = true;
    m_rendered = false;
    m_documents.clear();
}

void OpenApiV3::renderLocked()
{
    if (m_rendered)
        return;
    QJsonObject paths;
    for (const QString &group : m_snapshot.groups()) {
        for (const QString &version : m_snapshot.versionsOf(group)) {
            const QString path = gvPath(group, version);
            const Document document = makeDocument(buildDocument(m_snapshot, group, version));
            m_documents.insert(path, document);
            paths.insert(path, QJsonObject{{QStringLiteral("serverRelativeURL"),
                                            QStringLiteral("/openapi/v3/") + path + QStringLiteral("?hash=")
                                                + QString::fromLatin1(document.hash)}});
        }
    }
    m_root = makeDocument(QJsonObject{{QStringLiteral("paths"), paths}});
    m_rendered = true;
}

OpenApiV3::Document OpenApiV3::root()
{
    QMutexLocker locker(&m_mutex);
    renderLocked();
    return m_root;
}

std::optional<OpenApiV3::Document> OpenApiV3::document(const QString &gvPath)
{
    QMutexLocker locker(&m_mutex);
    renderLocked();
    const auto it = m_documents.constFind(gvPath);
    if (it == m_documents.constEnd())
        return std::nullopt;
    return *it;
}

QString OpenApiV3::serverRelativeUrl(const QString &gvPath)
{
    const std::optional<Document> doc = document(gvPath);
    if (!doc)
        return {};
    return QStringLiteral("/openapi/v3/") + gvPath + QStringLiteral("?hash=") + QString::fromLatin1(doc->hash);
}

} // namespace fd::sim
