#include "sim/schema/StructuralSchema.h"

#include <QJsonArray>
#include <QMutexLocker>
#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace fd::sim {

// One node of a parsed schema: the structural skeleton (type, properties, items,
// additionalProperties, extensions, default) plus the value validations.
struct SchemaNode {
    QString type;
    bool nullable = false;
    bool preserveUnknownFields = false;
    bool embeddedResource = false;
    bool intOrString = false;

    std::map<QString, std::unique_ptr<SchemaNode>> properties;
    std::unique_ptr<SchemaNode> items;
    // additionalProperties present at all (true, false or a schema): pruning then keeps
    // every key and walks its value with `additionalProperties` (null for the bool forms).
    bool hasAdditionalProperties = false;
    bool additionalPropertiesAllowed = true;
    std::unique_ptr<SchemaNode> additionalProperties;
    std::optional<QJsonValue> defaultValue;

    QStringList required;
    std::optional<QJsonArray> enumValues;
    std::optional<double> minimum;
    std::optional<double> maximum;
    std::optional<double> multipleOf;
    bool exclusiveMinimum = false;
    bool exclusiveMaximum = false;
    std::optional<qint64> minLength;
    std::optional<qint64> maxLength;
    std::optional<qint64> minItems;
    std::optional<qint64> maxItems;
    std::optional<qint64> minProperties;
    std::optional<qint64> maxProperties;
    QString patternText;
    std::optional<QRegularExpression> pattern;
    QString format;
    bool uniqueItems = false;
    std::vector<std::unique_ptr<SchemaNode>> allOf;
    std::vector<std::unique_ptr<SchemaNode>> anyOf;
    std::vector<std::unique_ptr<SchemaNode>> oneOf;
    std::unique_ptr<SchemaNode> notSchema;

    const SchemaNode *property(const QString &name) const
    {
        const auto it = properties.find(name);
        return it == properties.end() ? nullptr : it->second.get();
    }
};

namespace {

bool isMetaField(const QString &key)
{
    return key == QLatin1String("apiVersion") || key == QLatin1String("kind") || key == QLatin1String("metadata");
}

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

std::optional<qint64> optionalCount(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number))
        return std::nullopt;
    return static_cast<qint64>(std::clamp(number, -9.0e18, 9.0e18));
}

std::optional<double> optionalNumber(const QJsonValue &value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return value.toDouble();
}

// ---- parsing -----------------------------------------------------------------------------

class SchemaParser {
public:
    std::unique_ptr<SchemaNode> parse(const QJsonObject &json, int depth);
    QString error;

private:
    std::unique_ptr<SchemaNode> parseChild(const QJsonValue &value, int depth)
    {
        return value.isObject() ? parse(value.toObject(), depth + 1) : nullptr;
    }
    void parseList(const QJsonValue &value, int depth, std::vector<std::unique_ptr<SchemaNode>> &out)
    {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            if (std::unique_ptr<SchemaNode> node = parseChild(entry, depth))
                out.push_back(std::move(node));
        }
    }
    void parseStructure(const QJsonObject &json, int depth, SchemaNode &node);
    void parseValueValidation(const QJsonObject &json, int depth, SchemaNode &node);

    int m_nodes = 0;
};

std::unique_ptr<SchemaNode> SchemaParser::parse(const QJsonObject &json, int depth)
{
    if (!error.isEmpty())
        return nullptr;
    if (depth > StructuralSchema::kMaxDepth) {
        error = QStringLiteral("schema is nested deeper than %1 levels").arg(StructuralSchema::kMaxDepth);
        return nullptr;
    }
    if (++m_nodes > StructuralSchema::kMaxNodes) {
        error = QStringLiteral("schema has more than %1 nodes").arg(StructuralSchema::kMaxNodes);
        return nullptr;
    }
    auto node = std::make_unique<SchemaNode>();
    parseStructure(json, depth, *node);
    parseValueValidation(json, depth, *node);
    return error.isEmpty() ? std::move(node) : nullptr;
}

void SchemaParser::parseStructure(const QJsonObject &json, int depth, SchemaNode &node)
{
    node.type = json.value(QStringLiteral("type")).toString();
    node.nullable = json.value(QStringLiteral("nullable")).toBool();
    node.preserveUnknownFields = json.value(QStringLiteral("x-kubernetes-preserve-unknown-fields")).toBool();
    node.embeddedResource = json.value(QStringLiteral("x-kubernetes-embedded-resource")).toBool();
    node.intOrString = json.value(QStringLiteral("x-kubernetes-int-or-string")).toBool();

    const QJsonObject properties = json.value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (std::unique_ptr<SchemaNode> child = parseChild(it.value(), depth))
            node.properties.emplace(it.key(), std::move(child));
    }
    node.items = parseChild(json.value(QStringLiteral("items")), depth);

    const QJsonValue additional = json.value(QStringLiteral("additionalProperties"));
    if (additional.isBool()) {
        node.hasAdditionalProperties = true;
        node.additionalPropertiesAllowed = additional.toBool();
    } else if (additional.isObject()) {
        node.hasAdditionalProperties = true;
        node.additionalProperties = parseChild(additional, depth);
    }

    const QJsonValue defaultValue = json.value(QStringLiteral("default"));
    if (!defaultValue.isUndefined() && !defaultValue.isNull())
        node.defaultValue = defaultValue;
}

void SchemaParser::parseValueValidation(const QJsonObject &json, int depth, SchemaNode &node)
{
    const QJsonArray required = json.value(QStringLiteral("required")).toArray();
    for (const QJsonValue &name : required) {
        if (name.isString())
            node.required << name.toString();
    }
    if (json.value(QStringLiteral("enum")).isArray())
        node.enumValues = json.value(QStringLiteral("enum")).toArray();
    node.minimum = optionalNumber(json.value(QStringLiteral("minimum")));
    node.maximum = optionalNumber(json.value(QStringLiteral("maximum")));
    node.multipleOf = optionalNumber(json.value(QStringLiteral("multipleOf")));
    node.exclusiveMinimum = json.value(QStringLiteral("exclusiveMinimum")).toBool();
    node.exclusiveMaximum = json.value(QStringLiteral("exclusiveMaximum")).toBool();
    node.minLength = optionalCount(json.value(QStringLiteral("minLength")));
    node.maxLength = optionalCount(json.value(QStringLiteral("maxLength")));
    node.minItems = optionalCount(json.value(QStringLiteral("minItems")));
    node.maxItems = optionalCount(json.value(QStringLiteral("maxItems")));
    node.minProperties = optionalCount(json.value(QStringLiteral("minProperties")));
    node.maxProperties = optionalCount(json.value(QStringLiteral("maxProperties")));
    node.patternText = json.value(QStringLiteral("pattern")).toString();
    if (!node.patternText.isEmpty()) {
        QRegularExpression pattern(node.patternText);
        // An invalid pattern constrains nothing (CRD validation is where it gets reported).
        if (pattern.isValid())
            node.pattern = pattern;
    }
    node.format = json.value(QStringLiteral("format")).toString();
    node.uniqueItems = json.value(QStringLiteral("uniqueItems")).toBool();
    parseList(json.value(QStringLiteral("allOf")), depth, node.allOf);
    parseList(json.value(QStringLiteral("anyOf")), depth, node.anyOf);
    parseList(json.value(QStringLiteral("oneOf")), depth, node.oneOf);
    node.notSchema = parseChild(json.value(QStringLiteral("not")), depth);
}

// ---- pruning -----------------------------------------------------------------------------

class Pruner {
public:
    QStringList unknownFields;

    bool prune(QJsonValue &value, const SchemaNode *schema, bool resourceRoot, const QString &path, int depth);

private:
    bool pruneObject(QJsonObject &object, const SchemaNode *schema, bool resourceRoot, const QString &path, int depth);
    bool preserveUnknown(QJsonValue &value, const SchemaNode *schema, bool resourceRoot, const QString &path, int depth);
    bool pruneChild(QJsonObject &object, const QString &key, const SchemaNode *schema, const QString &path, int depth)
    {
        QJsonValue child = object.value(key);
        if (!prune(child, schema, false, childPath(path, key), depth + 1))
            return false;
        object.insert(key, child);
        return true;
    }
};

bool Pruner::prune(QJsonValue &value, const SchemaNode *schema, bool resourceRoot, const QString &path, int depth)
{
    if (depth > StructuralSchema::kMaxDepth)
        return false; // validate() reports it
    if (schema && schema->preserveUnknownFields)
        return preserveUnknown(value, schema, resourceRoot, path, depth);
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        if (!pruneObject(object, schema, resourceRoot, path, depth))
            return false;
        value = object;
        return true;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        bool changed = false;
        const SchemaNode *items = schema ? schema->items.get() : nullptr;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            if (prune(item, items, false, indexPath(path, i), depth + 1)) {
                array.replace(i, item);
                changed = true;
            }
        }
        if (changed)
            value = array;
        return changed;
    }
    return false;
}

bool Pruner::pruneObject(QJsonObject &object, const SchemaNode *schema, bool resourceRoot, const QString &path, int depth)
{
    bool changed = false;
    const bool keepMeta = resourceRoot || (schema && schema->embeddedResource);
    const QStringList keys = object.keys();
    for (const QString &key : keys) {
        if (schema && keepMeta && isMetaField(key))
            continue;
        if (schema && schema->property(key)) {
            changed |= pruneChild(object, key, schema->property(key), path, depth);
        } else if (schema && schema->hasAdditionalProperties) {
            changed |= pruneChild(object, key, schema->additionalProperties.get(), path, depth);
        } else {
            if (!isMetaField(key) || !path.isEmpty() || !schema)
                unknownFields << childPath(path, key);
            object.remove(key);
            changed = true;
        }
    }
    return changed;
}

// x-kubernetes-preserve-unknown-fields: keep unknown keys, but still prune inside the ones
// the schema describes.
bool Pruner::preserveUnknown(QJsonValue &value, const SchemaNode *schema, bool resourceRoot, const QString &path, int depth)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        bool changed = false;
        const bool keepMeta = resourceRoot || schema->embeddedResource;
        const QStringList keys = object.keys();
        for (const QString &key : keys) {
            if (keepMeta && isMetaField(key))
                continue;
            if (const SchemaNode *property = schema->property(key))
                changed |= pruneChild(object, key, property, path, depth);
            else if (schema->hasAdditionalProperties)
                changed |= pruneChild(object, key, schema->additionalProperties.get(), path, depth);
        }
        if (changed)
            value = object;
        return changed;
    }
    if (value.isArray() && schema->items) {
        QJsonArray array = value.toArray();
        bool changed = false;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            if (depth < StructuralSchema::kMaxDepth
                && preserveUnknown(item, schema->items.get(), false, indexPath(path, i), depth + 1)) {
                array.replace(i, item);
                changed = true;
            }
        }
        if (changed)
            value = array;
        return changed;
    }
    return false;
}

// ---- nulls and defaults ------------------------------------------------------------------

const SchemaNode *schemaForField(const SchemaNode *schema, const QString &key)
{
    if (!schema)
        return nullptr;
    if (const SchemaNode *property = schema->property(key))
        return property;
    return schema->additionalProperties.get();
}

bool dropNulls(QJsonValue &value, const SchemaNode *schema, int depth)
{
    if (depth > StructuralSchema::kMaxDepth)
        return false;
    bool changed = false;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const QStringList keys = object.keys();
        for (const QString &key : keys) {
            const SchemaNode *field = schemaForField(schema, key);
            QJsonValue child = object.value(key);
            if (child.isNull() && field && !field->nullable && !field->defaultValue) {
                object.remove(key);
                changed = true;
            } else if (dropNulls(child, field, depth + 1)) {
                object.insert(key, child);
                changed = true;
            }
        }
        if (changed)
            value = object;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        const SchemaNode *items = schema ? schema->items.get() : nullptr;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            if (dropNulls(item, items, depth + 1)) {
                array.replace(i, item);
                changed = true;
            }
        }
        if (changed)
            value = array;
    }
    return changed;
}

// A value the default replaces: absent, or null where null is not allowed.
bool needsDefault(const QJsonValue &value, const SchemaNode &schema)
{
    return value.isUndefined() || (value.isNull() && !schema.nullable);
}

bool applyDefaultsTo(QJsonValue &value, const SchemaNode *schema, int depth)
{
    if (!schema || depth > StructuralSchema::kMaxDepth)
        return false;
    bool changed = false;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (const auto &[key, property] : schema->properties) {
            if (property->defaultValue && needsDefault(object.value(key), *property)) {
                object.insert(key, *property->defaultValue);
                changed = true;
            }
        }
        const QStringList keys = object.keys();
        for (const QString &key : keys) {
            const SchemaNode *field = schema->property(key);
            QJsonValue child = object.value(key);
            if (!field && schema->additionalProperties) {
                field = schema->additionalProperties.get();
                if (child.isNull() && !field->nullable && field->defaultValue) {
                    child = *field->defaultValue;
                    object.insert(key, child);
                    changed = true;
                }
            }
            if (field && applyDefaultsTo(child, field, depth + 1)) {
                object.insert(key, child);
                changed = true;
            }
        }
        if (changed)
            value = object;
    } else if (value.isArray() && schema->items) {
        QJsonArray array = value.toArray();
        const SchemaNode &items = *schema->items;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            bool itemChanged = false;
            if (item.isNull() && !items.nullable && items.defaultValue) {
                item = *items.defaultValue;
                itemChanged = true;
            }
            itemChanged |= applyDefaultsTo(item, &items, depth + 1);
            if (itemChanged) {
                array.replace(i, item);
                changed = true;
            }
        }
        if (changed)
            value = array;
    }
    return changed;
}

// ---- validation --------------------------------------------------------------------------

bool isIntegral(double number)
{
    return std::isfinite(number) && std::floor(number) == number;
}

// The JSON type name kube-openapi infers for a decoded value.
QString jsonTypeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return isIntegral(value.toDouble()) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("null");
}

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            ++count;
    }
    return count;
}

bool isValidFormat(const QString &format, const QString &value)
{
    // The string formats CRDs use in practice; unknown formats accept everything, as the
    // apiserver's format registry does for names it does not know.
    static const QRegularExpression dateTime(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression base64(QStringLiteral("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"));
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"));
    static const QRegularExpression ipv4(QStringLiteral(
        "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$"));
    if (format == QLatin1String("date-time"))
        return dateTime.match(value).hasMatch();
    if (format == QLatin1String("date"))
        return date.match(value).hasMatch();
    if (format == QLatin1String("byte"))
        return base64.match(value).hasMatch();
    if (format == QLatin1String("uuid"))
        return uuid.match(value).hasMatch();
    if (format == QLatin1String("ipv4"))
        return ipv4.match(value).hasMatch();
    return true;
}

bool hasDuplicates(const QJsonArray &array)
{
    for (qsizetype i = 1; i < array.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (array.at(i) == array.at(j))
                return true;
        }
    }
    return false;
}

class Validator {
public:
    FieldErrors errors;

    void validate(const QJsonValue &value, const SchemaNode &schema, const QString &path, int depth);

private:
    bool full() const { return errors.size() >= StructuralSchema::kMaxErrors; }
    void add(FieldError error)
    {
        if (!full())
            errors << std::move(error);
    }
    bool checkType(const QJsonValue &value, const SchemaNode &schema, const QString &path);
    void checkComposition(const QJsonValue &value, const SchemaNode &schema, const QString &path, int depth);
    void checkString(const QString &text, const SchemaNode &schema, const QString &path);
    void checkNumber(double number, const SchemaNode &schema, const QString &path);
    void checkArray(const QJsonArray &array, const SchemaNode &schema, const QString &path, int depth);
    void checkObject(const QJsonObject &object, const SchemaNode &schema, const QString &path, int depth);
    void checkEnum(const QJsonValue &value, const SchemaNode &schema, const QString &path);
    static bool passes(const QJsonValue &value, const SchemaNode &schema, const QString &path, int depth)
    {
        Validator probe;
        probe.validate(value, schema, path, depth);
        return probe.errors.isEmpty();
    }
};

QString inBody(const QString &path)
{
    return path + QStringLiteral(" in body");
}

void Validator::validate(const QJsonValue &value, const SchemaNode &schema, const QString &path, int depth)
{
    if (full())
        return;
    if (depth > StructuralSchema::kMaxDepth) {
        add(FieldError::invalid(path, QString(),
                                QStringLiteral("nesting exceeds the maximum depth of %1").arg(StructuralSchema::kMaxDepth)));
        return;
    }
    if (value.isNull() && schema.nullable)
        return;
    if (!checkType(value, schema, path))
        return;
    checkComposition(value, schema, path, depth);
    if (value.isString())
        checkString(value.toString(), schema, path);
    else if (value.isDouble())
        checkNumber(value.toDouble(), schema, path);
    else if (value.isArray())
        checkArray(value.toArray(), schema, path, depth);
    checkEnum(value, schema, path);
    if (value.isObject())
        checkObject(value.toObject(), schema, path, depth);
}

bool Validator::checkType(const QJsonValue &value, const SchemaNode &schema, const QString &path)
{
    if (schema.type.isEmpty() && !schema.intOrString)
        return true;
    const QString actual = jsonTypeOf(value);
    const QStringList allowed = schema.intOrString ? QStringList{QStringLiteral("integer"), QStringLiteral("string")}
                                                   : QStringList{schema.type};
    if (allowed.contains(actual) || (actual == QLatin1String("integer") && allowed.contains(QStringLiteral("number"))))
        return true;
    add(FieldError::typeInvalid(path, actual,
                                inBody(path) + QStringLiteral(" must be of type ") + allowed.join(QLatin1Char(','))
                                    + QStringLiteral(": ") + goQuote(actual)));
    return false;
}

void Validator::checkComposition(const QJsonValue &value, const SchemaNode &schema, const QString &path, int depth)
{
    bool allPassed = true;
    for (const auto &branch : schema.allOf) {
        const qsizetype before = errors.size();
        validate(value, *branch, path, depth + 1);
        allPassed &= errors.size() == before;
    }
    if (!allPassed)
        add(FieldError::invalid(path, QString(), goQuote(path) + QStringLiteral(" must validate all the schemas (allOf)")));

    if (!schema.anyOf.empty()) {
        bool anyPassed = false;
        for (const auto &branch : schema.anyOf)
            anyPassed = anyPassed || passes(value, *branch, path, depth + 1);
        if (!anyPassed) {
            add(FieldError::invalid(path, QString(),
                                    goQuote(path) + QStringLiteral(" must validate at least one schema (anyOf)")));
            validate(value, *schema.anyOf.front(), path, depth + 1);
        }
    }
    if (!schema.oneOf.empty()) {
        int passedCount = 0;
        for (const auto &branch : schema.oneOf)
            passedCount += passes(value, *branch, path, depth + 1) ? 1 : 0;
        if (passedCount != 1) {
            const QString found = passedCount == 0 ? QStringLiteral("Found none valid")
                                                   : QStringLiteral("Found %1 valid alternatives").arg(passedCount);
            add(FieldError::invalid(path, QString(),
                                    goQuote(path) + QStringLiteral(" must validate one and only one schema (oneOf). ") + found));
        }
    }
    if (schema.notSchema && passes(value, *schema.notSchema, path, depth + 1))
        add(FieldError::invalid(path, QString(), goQuote(path) + QStringLiteral(" must not validate the schema (not)")));
}

void Validator::checkString(const QString &text, const SchemaNode &schema, const QString &path)
{
    const qsizetype length = codePointCount(text);
    if (schema.maxLength && length > *schema.maxLength)
        add(FieldError::tooLong(path, *schema.maxLength));
    if (schema.minLength && length < *schema.minLength)
        add(FieldError::invalid(path, text, inBody(path) + QStringLiteral(" should be at least %1 chars long").arg(*schema.minLength)));
    if (schema.pattern && !schema.pattern->match(text).hasMatch())
        add(FieldError::invalid(path, text, inBody(path) + QStringLiteral(" should match '") + schema.patternText + QLatin1Char('\'')));
    if (!schema.format.isEmpty() && !isValidFormat(schema.format, text))
        add(FieldError::typeInvalid(path, text,
                                    inBody(path) + QStringLiteral(" must be of type ") + schema.format + QStringLiteral(": ")
                                        + goQuote(text)));
}

void Validator::checkNumber(double number, const SchemaNode &schema, const QString &path)
{
    if (schema.multipleOf && *schema.multipleOf > 0) {
        const double ratio = number / *schema.multipleOf;
        if (!isIntegral(ratio))
            add(FieldError::invalid(path, number, inBody(path) + QStringLiteral(" should be a multiple of ") + renderNumber(*schema.multipleOf)));
    }
    if (schema.maximum) {
        const bool tooBig = schema.exclusiveMaximum ? number >= *schema.maximum : number > *schema.maximum;
        if (tooBig)
            add(FieldError::invalid(path, number,
                                    inBody(path) + (schema.exclusiveMaximum ? QStringLiteral(" should be less than ")
                                                                            : QStringLiteral(" should be less than or equal to "))
                                        + renderNumber(*schema.maximum)));
    }
    if (schema.minimum) {
        const bool tooSmall = schema.exclusiveMinimum ? number <= *schema.minimum : number < *schema.minimum;
        if (tooSmall)
            add(FieldError::invalid(path, number,
                                    inBody(path) + (schema.exclusiveMinimum ? QStringLiteral(" should be greater than ")
                                                                            : QStringLiteral(" should be greater than or equal to "))
                                        + renderNumber(*schema.minimum)));
    }
}

void Validator::checkArray(const QJsonArray &array, const SchemaNode &schema, const QString &path, int depth)
{
    const qint64 size = array.size();
    if (schema.minItems && size < *schema.minItems)
        add(FieldError::invalid(path, static_cast<double>(size),
                                inBody(path) + QStringLiteral(" should have at least %1 items").arg(*schema.minItems)));
    if (schema.maxItems && size > *schema.maxItems)
        add(FieldError::tooMany(path, size, *schema.maxItems));
    if (schema.uniqueItems && hasDuplicates(array))
        add(FieldError::invalid(path, QString(), inBody(path) + QStringLiteral(" shouldn't contain duplicates")));
    if (!schema.items)
        return;
    for (qsizetype i = 0; i < array.size() && !full(); ++i)
        validate(array.at(i), *schema.items, indexPath(path, i), depth + 1);
}

void Validator::checkObject(const QJsonObject &object, const SchemaNode &schema, const QString &path, int depth)
{
    const qint64 size = object.size();
    if (schema.maxProperties && size > *schema.maxProperties)
        add(FieldError::tooMany(path, size, *schema.maxProperties));
    if (schema.minProperties && size < *schema.minProperties)
        add(FieldError::invalid(path, static_cast<double>(size),
                                inBody(path) + QStringLiteral(" should have at least %1 properties").arg(*schema.minProperties)));
    for (const QString &name : schema.required) {
        if (!object.contains(name))
            add(FieldError::required(childPath(path, name)));
    }
    for (auto it = object.begin(); it != object.end() && !full(); ++it) {
        if (const SchemaNode *property = schema.property(it.key())) {
            validate(it.value(), *property, childPath(path, it.key()), depth + 1);
        } else if (schema.additionalProperties) {
            validate(it.value(), *schema.additionalProperties, childPath(path, it.key()), depth + 1);
        } else if (!schema.additionalPropertiesAllowed) {
            add(FieldError::invalid(path, it.key(),
                                    childPath(path, it.key()) + QStringLiteral(" in body is a forbidden property")));
        }
    }
}

void Validator::checkEnum(const QJsonValue &value, const SchemaNode &schema, const QString &path)
{
    if (!schema.enumValues || schema.enumValues->isEmpty() || schema.enumValues->contains(value))
        return;
    QStringList allowed;
    for (const QJsonValue &entry : *schema.enumValues)
        allowed << (entry.isString() ? entry.toString() : renderBadValue(entry));
    add(FieldError::notSupported(path, value, allowed));
}

} // namespace

StructuralSchema::StructuralSchema() : m_root(std::make_shared<SchemaNode>()) {}

StructuralSchema::StructuralSchema(const QJsonObject &openApiV3Schema) : StructuralSchema()
{
    Expected<StructuralSchema, QString> parsed = fromJson(openApiV3Schema);
    if (parsed)
        m_root = parsed->m_root;
}

Expected<StructuralSchema, QString> StructuralSchema::fromJson(const QJsonObject &openApiV3Schema)
{
    SchemaParser parser;
    std::unique_ptr<SchemaNode> root = parser.parse(openApiV3Schema, 0);
    if (!root)
        return Unexpected(parser.error);
    StructuralSchema schema;
    schema.m_root = std::shared_ptr<const SchemaNode>(std::move(root));
    return schema;
}

QStringList StructuralSchema::prune(QJsonObject &object) const
{
    Pruner pruner;
    QJsonValue value(object);
    if (pruner.prune(value, m_root.get(), true, QString(), 0))
        object = value.toObject();
    pruner.unknownFields.sort();
    return pruner.unknownFields;
}

void StructuralSchema::dropNullsWithoutDefaults(QJsonObject &object) const
{
    QJsonValue value(object);
    if (dropNulls(value, m_root.get(), 0))
        object = value.toObject();
}

void StructuralSchema::applyDefaults(QJsonObject &object) const
{
    QJsonValue value(object);
    if (applyDefaultsTo(value, m_root.get(), 0))
        object = value.toObject();
}

FieldErrors StructuralSchema::validate(const QJsonObject &object) const
{
    Validator validator;
    validator.validate(object, *m_root, QString(), 0);
    return validator.errors;
}

std::shared_ptr<const StructuralSchema> StructuralSchemaCache::get(const ResourceType &type)
{
    const QString key = type.group + QLatin1Char('/') + type.version + QLatin1Char('/') + type.plural;
    QMutexLocker locker(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it != m_entries.constEnd() && it->source == type.schema)
        return it->schema;
    auto schema = std::make_shared<const StructuralSchema>(type.schema);
    m_entries.insert(key, Entry{type.schema, schema});
    return schema;
}

void StructuralSchemaCache::clear()
{
    QMutexLocker locker(&m_mutex);
    m_entries.clear();
}

QStringList StructuralSchema::coerce(QJsonObject &object) const
{
    QStringList unknown = prune(object);
    dropNullsWithoutDefaults(object);
    applyDefaults(object);
    return unknown;
}

} // namespace fd::sim
