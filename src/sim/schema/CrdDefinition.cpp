#include "sim/schema/CrdDefinition.h"

#include "sim/schema/CatalogSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace fd::sim {

namespace {

const QString kApprovalAnnotation = QStringLiteral("api-approved.kubernetes.io");

QString dns1035Message()
{
    return QStringLiteral("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                          "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
                          "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
}

QStringList dns1035LabelErrors(const QString &value)
{
    static const QRegularExpression label(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
    QStringList errors;
    if (value.size() > 63)
        errors << QStringLiteral("must be no more than 63 characters");
    if (!label.match(value).hasMatch())
        errors << dns1035Message();
    return errors;
}

QStringList dns1123SubdomainErrors(const QString &value)
{
    static const QRegularExpression subdomain(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    QStringList errors;
    if (value.size() > 253)
        errors << QStringLiteral("must be no more than 253 characters");
    if (!subdomain.match(value).hasMatch())
        errors << QStringLiteral("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
                                 "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
                                 "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    return errors;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        if (entry.isString())
            list << entry.toString();
    }
    return list;
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

bool isProtectedGroup(const QString &group)
{
    return group == QLatin1String("k8s.io") || group.endsWith(QLatin1String(".k8s.io"))
        || group == QLatin1String("kubernetes.io") || group.endsWith(QLatin1String(".kubernetes.io"));
}

// ---- the structural checks a CRD schema must pass (the common subset) --------------------

class SchemaChecker {
public:
    FieldErrors errors;
    void check(const QJsonObject &schema, const QString &path, bool root, int depth);

private:
    void checkType(const QJsonObject &schema, const QString &path, bool root);
    void checkChildren(const QJsonObject &schema, const QString &path, int depth);
};

void SchemaChecker::check(const QJsonObject &schema, const QString &path, bool root, int depth)
{
    if (depth > 64) {
        errors << FieldError::forbidden(path, QStringLiteral("schema is nested too deeply"));
        return;
    }
    if (schema.contains(QStringLiteral("$ref")))
        errors << FieldError::forbidden(path + QStringLiteral(".$ref"), QStringLiteral("$ref is not supported"));
    checkType(schema, path, root);
    const QString pattern = schema.value(QStringLiteral("pattern")).toString();
    if (!pattern.isEmpty()) {
        const QRegularExpression regex(pattern);
        if (!regex.isValid())
            errors << FieldError::invalid(path + QStringLiteral(".pattern"), pattern,
                                          QStringLiteral("must be a valid regular expression, but isn't: ") + regex.errorString());
    }
    if (schema.contains(QStringLiteral("properties")) && schema.value(QStringLiteral("additionalProperties")).isObject())
        errors << FieldError::forbidden(path + QStringLiteral(".additionalProperties"),
                                        QStringLiteral("additionalProperties and properties are mutual exclusive"));
    checkChildren(schema, path, depth);
}

void SchemaChecker::checkType(const QJsonObject &schema, const QString &path, bool root)
{
    static const QStringList types{QStringLiteral("array"),  QStringLiteral("boolean"), QStringLiteral("integer"),
                                   QStringLiteral("number"), QStringLiteral("object"),  QStringLiteral("string")};
    const QString type = schema.value(QStringLiteral("type")).toString();
    const QString typePath = path + QStringLiteral(".type");
    const bool intOrString = schema.value(QStringLiteral("x-kubernetes-int-or-string")).toBool();
    const bool preserve = schema.value(QStringLiteral("x-kubernetes-preserve-unknown-fields")).toBool();
    if (!type.isEmpty() && !types.contains(type)) {
        errors << FieldError::notSupported(typePath, type, types);
    } else if (root && type.isEmpty()) {
        errors << FieldError::required(typePath, QStringLiteral("must not be empty at the root"));
    } else if (root && type != QLatin1String("object")) {
        errors << FieldError::invalid(typePath, type, QStringLiteral("must be object at the root"));
    } else if (type.isEmpty() && !intOrString && !preserve && schema.contains(QStringLiteral("properties"))) {
        errors << FieldError::required(typePath, QStringLiteral("must not be empty for specified object fields"));
    }
    if (type == QLatin1String("array") && !schema.value(QStringLiteral("items")).isObject())
        errors << FieldError::required(path + QStringLiteral(".items"), QStringLiteral("must be specified"));
}

void SchemaChecker::checkChildren(const QJsonObject &schema, const QString &path, int depth)
{
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        check(it.value().toObject(), path + QStringLiteral(".properties[") + it.key() + QLatin1Char(']'), false, depth + 1);
    if (schema.value(QStringLiteral("items")).isObject())
        check(schema.value(QStringLiteral("items")).toObject(), path + QStringLiteral(".items"), false, depth + 1);
    if (schema.value(QStringLiteral("additionalProperties")).isObject())
        check(schema.value(QStringLiteral("additionalProperties")).toObject(), path + QStringLiteral(".additionalProperties"),
              false, depth + 1);
}

// ---- parsing + validation ----------------------------------------------------------------

class CrdReader {
public:
    FieldErrors errors;

    void readMetadata(const QJsonObject &metadata, const QString &group, const QString &plural, QString &name);
    void readGroupAndScope(const QJsonObject &spec, QString &group, bool &namespaced);
    void readNames(const QJsonObject &names, CrdNames &out);
    QList<CrdVersion> readVersions(const QJsonObject &spec);
    void checkApproval(const QJsonObject &metadata, const QString &group);

private:
    CrdVersion readVersion(const QJsonObject &json, const QString &path);
    void checkNameList(const QStringList &names, const QString &path);
};

void CrdReader::readMetadata(const QJsonObject &metadata, const QString &group, const QString &plural, QString &name)
{
    name = metadata.value(QStringLiteral("name")).toString();
    if (name.isEmpty()) {
        errors << FieldError::required(QStringLiteral("metadata.name"), QStringLiteral("name or generateName is required"));
    } else {
        QStringList problems = dns1123SubdomainErrors(name);
        if (name != plural + QLatin1Char('.') + group)
            problems << QStringLiteral("must be spec.names.plural+\".\"+spec.group");
        for (const QString &problem : std::as_const(problems))
            errors << FieldError::invalid(QStringLiteral("metadata.name"), name, problem);
    }
}

void CrdReader::checkApproval(const QJsonObject &metadata, const QString &group)
{
    if (isProtectedGroup(group) && !metadata.value(QStringLiteral("annotations")).toObject().contains(kApprovalAnnotation))
        errors << FieldError::required(QStringLiteral("metadata.annotations[") + kApprovalAnnotation + QLatin1Char(']'),
                                       QStringLiteral("protected groups must have approval annotation \"%1\", see "
                                                      "https://github.com/kubernetes/enhancements/pull/1111")
                                           .arg(kApprovalAnnotation));
}

void CrdReader::readGroupAndScope(const QJsonObject &spec, QString &group, bool &namespaced)
{
    group = spec.value(QStringLiteral("group")).toString();
    if (group.isEmpty()) {
        errors << FieldError::required(QStringLiteral("spec.group"));
    } else if (const QStringList problems = dns1123SubdomainErrors(group); !problems.isEmpty()) {
        errors << FieldError::invalid(QStringLiteral("spec.group"), group, problems.join(QLatin1Char(',')));
    } else if (!group.contains(QLatin1Char('.'))) {
        errors << FieldError::invalid(QStringLiteral("spec.group"), group, QStringLiteral("should be a domain with at least one dot"));
    }
    const QString scope = spec.value(QStringLiteral("scope")).toString();
    if (scope.isEmpty())
        errors << FieldError::required(QStringLiteral("spec.scope"));
    else if (scope != QLatin1String("Cluster") && scope != QLatin1String("Namespaced"))
        errors << FieldError::notSupported(QStringLiteral("spec.scope"), scope,
                                           {QStringLiteral("Cluster"), QStringLiteral("Namespaced")});
    namespaced = scope != QLatin1String("Cluster");
}

void CrdReader::checkNameList(const QStringList &names, const QString &path)
{
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (const QStringList problems = dns1035LabelErrors(names.at(i)); !problems.isEmpty())
            errors << FieldError::invalid(path + QStringLiteral("[%1]").arg(i), names.at(i), problems.join(QLatin1Char(',')));
    }
}

void CrdReader::readNames(const QJsonObject &json, CrdNames &names)
{
    names = CrdNames::fromJson(json);
    // v1 defaulting, applied before validation.
    if (names.singular.isEmpty())
        names.singular = names.kind.toLower();
    if (names.listKind.isEmpty() && !names.kind.isEmpty())
        names.listKind = names.kind + QStringLiteral("List");

    const QString base = QStringLiteral("spec.names.");
    const struct {
        const QString &value;
        const char *field;
    } required[] = {{names.plural, "plural"}, {names.singular, "singular"}, {names.kind, "kind"}, {names.listKind, "listKind"}};
    for (const auto &entry : required) {
        if (entry.value.isEmpty())
            errors << FieldError::required(base + QLatin1String(entry.field));
    }
    if (!names.plural.isEmpty())
        if (const QStringList problems = dns1035LabelErrors(names.plural); !problems.isEmpty())
            errors << FieldError::invalid(base + QStringLiteral("plural"), names.plural, problems.join(QLatin1Char(',')));
    if (!names.singular.isEmpty())
        if (const QStringList problems = dns1035LabelErrors(names.singular); !problems.isEmpty())
            errors << FieldError::invalid(base + QStringLiteral("singular"), names.singular, problems.join(QLatin1Char(',')));
    const QString mixedCase = QStringLiteral("may have mixed case, but should otherwise match: ");
    if (!names.kind.isEmpty())
        if (const QStringList problems = dns1035LabelErrors(names.kind.toLower()); !problems.isEmpty())
            errors << FieldError::invalid(base + QStringLiteral("kind"), names.kind, mixedCase + problems.join(QLatin1Char(',')));
    if (!names.listKind.isEmpty())
        if (const QStringList problems = dns1035LabelErrors(names.listKind.toLower()); !problems.isEmpty())
            errors << FieldError::invalid(base + QStringLiteral("listKind"), names.listKind,
                                          mixedCase + problems.join(QLatin1Char(',')));
    checkNameList(names.shortNames, base + QStringLiteral("shortNames"));
    if (!names.kind.isEmpty() && names.kind == names.listKind)
        errors << FieldError::invalid(base + QStringLiteral("listKind"), names.listKind,
                                      QStringLiteral("kind and listKind may not be the same"));
    checkNameList(names.categories, base + QStringLiteral("categories"));
}

CrdVersion CrdReader::readVersion(const QJsonObject &json, const QString &path)
{
    CrdVersion version;
    version.name = json.value(QStringLiteral("name")).toString();
    version.served = json.value(QStringLiteral("served")).toBool();
    version.storage = json.value(QStringLiteral("storage")).toBool();
    version.deprecated = json.value(QStringLiteral("deprecated")).toBool();
    version.deprecationWarning = json.value(QStringLiteral("deprecationWarning")).toString();
    if (const QStringList problems = dns1035LabelErrors(version.name); !problems.isEmpty())
        errors << FieldError::invalid(path + QStringLiteral(".name"), version.name, problems.join(QLatin1Char(',')));

    const QJsonValue schema = json.value(QStringLiteral("schema")).toObject().value(QStringLiteral("openAPIV3Schema"));
    if (!schema.isObject()) {
        errors << FieldError::required(path + QStringLiteral(".schema.openAPIV3Schema"));
    } else {
        version.schema = schema.toObject();
        SchemaChecker checker;
        checker.check(version.schema, path + QStringLiteral(".schema.openAPIV3Schema"), true, 0);
        errors << checker.errors;
    }

    const QJsonObject subresources = json.value(QStringLiteral("subresources")).toObject();
    version.hasStatus = subresources.value(QStringLiteral("status")).isObject();
    if (subresources.value(QStringLiteral("scale")).isObject()) {
        const QJsonObject scale = subresources.value(QStringLiteral("scale")).toObject();
        CrdScale paths{scale.value(QStringLiteral("specReplicasPath")).toString(),
                       scale.value(QStringLiteral("statusReplicasPath")).toString(),
                       scale.value(QStringLiteral("labelSelectorPath")).toString()};
        const QString scalePath = path + QStringLiteral(".subresources.scale.");
        if (paths.specReplicasPath.isEmpty())
            errors << FieldError::required(scalePath + QStringLiteral("specReplicasPath"));
        else if (!paths.specReplicasPath.startsWith(QLatin1String(".spec.")))
            errors << FieldError::invalid(scalePath + QStringLiteral("specReplicasPath"), paths.specReplicasPath,
                                          QStringLiteral("should be a json path under .spec"));
        if (paths.statusReplicasPath.isEmpty())
            errors << FieldError::required(scalePath + QStringLiteral("statusReplicasPath"));
        else if (!paths.statusReplicasPath.startsWith(QLatin1String(".status.")))
            errors << FieldError::invalid(scalePath + QStringLiteral("statusReplicasPath"), paths.statusReplicasPath,
                                          QStringLiteral("should be a json path under .status"));
        version.scale = paths;
    }

    const QJsonArray selectable = json.value(QStringLiteral("selectableFields")).toArray();
    for (qsizetype i = 0; i < selectable.size(); ++i) {
        const QString fieldPath = path + QStringLiteral(".selectableFields[%1].jsonPath").arg(i);
        const QString jsonPath = selectable.at(i).toObject().value(QStringLiteral("jsonPath")).toString();
        if (jsonPath.isEmpty())
            errors << FieldError::required(fieldPath);
        else if (jsonPath.startsWith(QLatin1String(".metadata")))
            errors << FieldError::invalid(fieldPath, jsonPath, QStringLiteral("must not point to fields in metadata"));
        else if (version.selectableFields.contains(jsonPath.mid(1)))
            errors << FieldError::duplicate(fieldPath, jsonPath);
        else
            version.selectableFields << (jsonPath.startsWith(QLatin1Char('.')) ? jsonPath.mid(1) : jsonPath);
    }
    if (selectable.size() > 8)
        errors << FieldError::tooMany(path + QStringLiteral(".selectableFields"), selectable.size(), 8);
    return version;
}

QList<CrdVersion> CrdReader::readVersions(const QJsonObject &spec)
{
    QList<CrdVersion> versions;
    const QJsonArray array = spec.value(QStringLiteral("versions")).toArray();
    QSet<QString> seen;
    bool unique = true;
    int storageCount = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        CrdVersion version = readVersion(array.at(i).toObject(), QStringLiteral("spec.versions[%1]").arg(i));
        unique = unique && !seen.contains(version.name);
        seen.insert(version.name);
        storageCount += version.storage ? 1 : 0;
        versions << version;
    }
    const QJsonValue versionsValue = spec.value(QStringLiteral("versions")).isArray() ? spec.value(QStringLiteral("versions"))
                                                                                      : QJsonValue(QJsonArray());
    if (!unique)
        errors << FieldError::invalid(QStringLiteral("spec.versions"), versionsValue, QStringLiteral("must contain unique version names"));
    if (storageCount != 1)
        errors << FieldError::invalid(QStringLiteral("spec.versions"), versionsValue,
                                      QStringLiteral("must have exactly one version marked as storage version"));
    return versions;
}

QJsonObject condition(const QString &type, bool status, const QString &reason, const QString &message,
                      const QJsonObject &previous, const QDateTime &now)
{
    const QString statusText = status ? QStringLiteral("True") : QStringLiteral("False");
    // Like SetCRDCondition: the transition time moves only when the status changes.
    const bool unchanged = previous.value(QStringLiteral("status")).toString() == statusText
        && previous.contains(QStringLiteral("lastTransitionTime"));
    return {{QStringLiteral("type"), type},
            {QStringLiteral("status"), statusText},
            {QStringLiteral("lastTransitionTime"),
             unchanged ? previous.value(QStringLiteral("lastTransitionTime")).toString() : rfc3339(now)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("message"), message}};
}

} // namespace

CrdNames CrdNames::fromJson(const QJsonObject &names)
{
    return {names.value(QStringLiteral("plural")).toString(),     names.value(QStringLiteral("singular")).toString(),
            names.value(QStringLiteral("kind")).toString(),       names.value(QStringLiteral("listKind")).toString(),
            stringList(names.value(QStringLiteral("shortNames"))), stringList(names.value(QStringLiteral("categories")))};
}

QJsonObject CrdNames::toJson() const
{
    // As apiextensions/v1 serialises it: plural and kind always, the rest only when set.
    QJsonObject json{{QStringLiteral("plural"), plural}, {QStringLiteral("kind"), kind}};
    if (!singular.isEmpty())
        json.insert(QStringLiteral("singular"), singular);
    if (!listKind.isEmpty())
        json.insert(QStringLiteral("listKind"), listKind);
    if (!shortNames.isEmpty())
        json.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(shortNames));
    if (!categories.isEmpty())
        json.insert(QStringLiteral("categories"), QJsonArray::fromStringList(categories));
    return json;
}

Expected<CrdDefinition, FieldErrors> CrdDefinition::fromJson(const QJsonObject &crd)
{
    // The checks run in the apiserver's order (metadata, spec, then API approval and
    // preserveUnknownFields), so the causes come out in the same order.
    CrdReader reader;
    CrdDefinition definition;
    const QJsonObject spec = crd.value(QStringLiteral("spec")).toObject();
    const QJsonObject metadata = crd.value(QStringLiteral("metadata")).toObject();
    const QString group = spec.value(QStringLiteral("group")).toString();
    const QString plural = spec.value(QStringLiteral("names")).toObject().value(QStringLiteral("plural")).toString();
    reader.readMetadata(metadata, group, plural, definition.m_name);
    reader.readGroupAndScope(spec, definition.m_group, definition.m_namespaced);
    definition.m_versions = reader.readVersions(spec);
    reader.readNames(spec.value(QStringLiteral("names")).toObject(), definition.m_names);
    const QString strategy =
        spec.value(QStringLiteral("conversion")).toObject().value(QStringLiteral("strategy")).toString(QStringLiteral("None"));
    if (strategy != QLatin1String("None") && strategy != QLatin1String("Webhook"))
        reader.errors << FieldError::notSupported(QStringLiteral("spec.conversion.strategy"), strategy,
                                                  {QStringLiteral("None"), QStringLiteral("Webhook")});
    reader.checkApproval(metadata, group);
    if (spec.value(QStringLiteral("preserveUnknownFields")).toBool())
        reader.errors << FieldError::invalid(QStringLiteral("spec.preserveUnknownFields"), true,
                                             QStringLiteral("cannot set to true, set x-kubernetes-preserve-unknown-fields to "
                                                            "true in spec.versions[*].schema instead"));
    if (!reader.errors.isEmpty())
        return Unexpected(reader.errors);

    // Store the defaulted form, as the apiserver's v1 defaulting does.
    QJsonObject names = spec.value(QStringLiteral("names")).toObject();
    names.insert(QStringLiteral("singular"), definition.m_names.singular);
    names.insert(QStringLiteral("listKind"), definition.m_names.listKind);
    QJsonObject defaultedSpec = spec;
    defaultedSpec.insert(QStringLiteral("names"), names);
    if (!defaultedSpec.contains(QStringLiteral("conversion")))
        defaultedSpec.insert(QStringLiteral("conversion"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("None")}});
    definition.m_object = crd;
    definition.m_object.insert(QStringLiteral("spec"), defaultedSpec);
    return definition;
}

QString CrdDefinition::storageVersion() const
{
    for (const CrdVersion &version : m_versions) {
        if (version.storage)
            return version.name;
    }
    return {};
}

QString CrdDefinition::preferredVersion() const
{
    QString best;
    for (const CrdVersion &version : m_versions) {
        if (version.served && (best.isEmpty() || compareKubeAwareVersions(version.name, best) > 0))
            best = version.name;
    }
    return best;
}

std::optional<CrdVersion> CrdDefinition::version(const QString &name) const
{
    for (const CrdVersion &version : m_versions) {
        if (version.name == name)
            return version;
    }
    return std::nullopt;
}

QList<ResourceType> CrdDefinition::resourceTypes(const CrdNames &names) const
{
    // The verbs (and their order) apiextensions-apiserver lists for an established CRD.
    static const QStringList verbs{QStringLiteral("delete"), QStringLiteral("deletecollection"), QStringLiteral("get"),
                                   QStringLiteral("list"),   QStringLiteral("patch"),            QStringLiteral("create"),
                                   QStringLiteral("update"), QStringLiteral("watch")};
    const QString preferred = preferredVersion();
    QList<ResourceType> types;
    for (const CrdVersion &version : m_versions) {
        if (!version.served)
            continue;
        ResourceType type;
        type.group = m_group;
        type.version = version.name;
        type.kind = names.kind;
        type.plural = names.plural;
        type.singular = names.singular;
        type.namespaced = m_namespaced;
        type.verbs = verbs;
        type.shortNames = names.shortNames;
        type.categories = names.categories;
        type.hasStatus = version.hasStatus;
        type.hasScale = version.scale.has_value();
        type.custom = true;
        type.usesGeneration = true;
        type.preferred = version.name == preferred;
        type.schema = version.schema;
        type.selectableFields = version.selectableFields;
        types << type;
    }
    return types;
}

CrdNameCheck CrdDefinition::checkNames(const QList<ResourceType> &servedTypes, const CrdNames &previous) const
{
    QSet<QString> usedResources;
    QSet<QString> usedKinds;
    for (const ResourceType &type : servedTypes) {
        if (!type.custom || type.group != m_group || type.plural == m_names.plural)
            continue;
        usedResources << type.plural << type.singular;
        for (const QString &shortName : type.shortNames)
            usedResources << shortName;
        usedKinds << type.kind << type.listKind();
    }
    CrdNameCheck check;
    check.acceptedNames = previous;
    const auto conflict = [&](const QString &requested, const QString &accepted, const QSet<QString> &used) {
        return requested != accepted && used.contains(requested);
    };
    const auto reject = [&](const QString &reason, const QString &name) {
        check.reason = reason;
        check.message = goQuote(name) + QStringLiteral(" is already in use");
    };
    if (conflict(m_names.plural, previous.plural, usedResources))
        reject(QStringLiteral("PluralConflict"), m_names.plural);
    else
        check.acceptedNames.plural = m_names.plural;
    if (conflict(m_names.singular, previous.singular, usedResources))
        reject(QStringLiteral("SingularConflict"), m_names.singular);
    else
        check.acceptedNames.singular = m_names.singular;
    if (m_names.shortNames != previous.shortNames) {
        QStringList taken;
        for (const QString &shortName : m_names.shortNames) {
            if (!previous.shortNames.contains(shortName) && usedResources.contains(shortName))
                taken << goQuote(shortName) + QStringLiteral(" is already in use");
        }
        if (!taken.isEmpty()) {
            check.reason = QStringLiteral("ShortNamesConflict");
            check.message = taken.size() == 1 ? taken.first() : QLatin1Char('[') + taken.join(QStringLiteral(", ")) + QLatin1Char(']');
        } else {
            check.acceptedNames.shortNames = m_names.shortNames;
        }
    }
    if (conflict(m_names.kind, previous.kind, usedKinds))
        reject(QStringLiteral("KindConflict"), m_names.kind);
    else
        check.acceptedNames.kind = m_names.kind;
    if (conflict(m_names.listKind, previous.listKind, usedKinds))
        reject(QStringLiteral("ListKindConflict"), m_names.listKind);
    else
        check.acceptedNames.listKind = m_names.listKind;
    check.acceptedNames.categories = m_names.categories;
    check.accepted = check.reason.isEmpty();
    if (check.accepted) {
        check.reason = QStringLiteral("NoConflicts");
        check.message = QStringLiteral("no conflicts found");
    }
    return check;
}

QJsonObject CrdDefinition::status(const CrdNameCheck &names, const QJsonObject &previousStatus, const QDateTime &now) const
{
    QJsonArray conditions = previousStatus.value(QStringLiteral("conditions")).toArray();
    const auto previousCondition = [&](const QString &type) -> std::pair<qsizetype, QJsonObject> {
        for (qsizetype i = 0; i < conditions.size(); ++i) {
            if (conditions.at(i).toObject().value(QStringLiteral("type")).toString() == type)
                return {i, conditions.at(i).toObject()};
        }
        return {-1, {}};
    };
    const auto put = [&](qsizetype index, const QJsonObject &value) {
        if (index < 0)
            conditions.append(value);
        else
            conditions.replace(index, value);
    };

    const auto [namesIndex, oldNames] = previousCondition(QStringLiteral("NamesAccepted"));
    put(namesIndex, condition(QStringLiteral("NamesAccepted"), names.accepted, names.reason, names.message, oldNames, now));

    // The establishing controller follows the naming controller at once; once established a
    // CRD stays established.
    const auto [establishedIndex, oldEstablished] = previousCondition(QStringLiteral("Established"));
    const bool wasEstablished = oldEstablished.value(QStringLiteral("status")).toString() == QLatin1String("True");
    if (wasEstablished || names.accepted)
        put(establishedIndex, condition(QStringLiteral("Established"), true, QStringLiteral("InitialNamesAccepted"),
                                        QStringLiteral("the initial names have been accepted"), oldEstablished, now));
    else
        put(establishedIndex, condition(QStringLiteral("Established"), false, QStringLiteral("NotAccepted"),
                                        QStringLiteral("not all names are accepted"), oldEstablished, now));

    QStringList stored = stringList(previousStatus.value(QStringLiteral("storedVersions")));
    if (!storageVersion().isEmpty() && !stored.contains(storageVersion()))
        stored << storageVersion();

    QJsonObject status = previousStatus;
    status.insert(QStringLiteral("acceptedNames"), names.acceptedNames.toJson());
    status.insert(QStringLiteral("conditions"), conditions);
    status.insert(QStringLiteral("storedVersions"), QJsonArray::fromStringList(stored));
    return status;
}

} // namespace fd::sim
