#include "sim/patch/FieldSet.h"

#include "sim/patch/JsonSupport.h"

#include <QJsonDocument>

namespace fd::sim {

namespace {

// FieldsV1 nests about twice as deep as the object it describes (list items add a level).
constexpr int kMaxFieldsDepth = 2 * patchjson::kMaxDepth;

// structured-merge-diff's value.ToString: strings quoted, numbers bare, lists/maps spelled out.
QString valueToString(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return goQuote(value.toString());
    case QJsonValue::Null:
    case QJsonValue::Undefined: return QStringLiteral("null");
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            parts.append(valueToString(item));
        return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            parts.append(it.key() + QLatin1Char('=') + valueToString(it.value()));
        return QLatin1Char('{') + parts.join(QLatin1Char(';')) + QLatin1Char('}');
    }
    default: return QString::fromUtf8(patchjson::compact(value));
    }
}

QString elementString(const QString &element)
{
    const QString body = element.mid(2);
    if (element.startsWith(QLatin1String("f:")))
        return QLatin1Char('.') + body;
    if (element.startsWith(QLatin1String("i:")))
        return QLatin1Char('[') + body + QLatin1Char(']');
    const auto parsed = patchjson::parseValue(body.toUtf8());
    if (!parsed)
        return QStringLiteral("{{invalid path element}}");
    if (element.startsWith(QLatin1String("v:")))
        return QStringLiteral("[=") + valueToString(parsed.value()) + QLatin1Char(']');
    QStringList parts;
    const QJsonObject keys = parsed.value().toObject();
    for (auto it = keys.constBegin(); it != keys.constEnd(); ++it)
        parts.append(it.key() + QLatin1Char('=') + valueToString(it.value()));
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace

QString fieldElement(const QString &name)
{
    return QStringLiteral("f:") + name;
}

QString keyElement(const QJsonObject &keyFields)
{
    return QStringLiteral("k:") + QString::fromUtf8(QJsonDocument(keyFields).toJson(QJsonDocument::Compact));
}

QString valueElement(const QJsonValue &value)
{
    return QStringLiteral("v:") + QString::fromUtf8(patchjson::compact(value));
}

fd::Expected<QString, QString> canonicalElement(const QString &element)
{
    if (element.size() < 2)
        return fd::Unexpected(QStringLiteral("key must be 2 characters long:"));
    if (element.at(1) != QLatin1Char(':'))
        return fd::Unexpected(QStringLiteral("missing colon: %1").arg(element));
    const QChar type = element.at(0);
    const QString body = element.mid(2);
    if (type == QLatin1Char('f'))
        return element;
    if (type == QLatin1Char('i')) {
        bool ok = false;
        const int index = body.toInt(&ok);
        if (!ok)
            return fd::Unexpected(QStringLiteral("strconv.Atoi: parsing %1: invalid syntax").arg(goQuote(body)));
        return QStringLiteral("i:%1").arg(index);
    }
    if (type == QLatin1Char('v') || type == QLatin1Char('k')) {
        const auto parsed = patchjson::parseValue(body.toUtf8());
        if (!parsed)
            return fd::Unexpected(QStringLiteral("parsing %1: %2").arg(element, parsed.error()));
        if (type == QLatin1Char('v'))
            return valueElement(parsed.value());
        if (!parsed.value().isObject())
            return fd::Unexpected(QStringLiteral("parsing %1: key must be a JSON object").arg(element));
        return keyElement(parsed.value().toObject());
    }
    return QString(); // unknown element type: ignored
}

QString fieldPathString(const FieldPath &path)
{
    QString out;
    for (const QString &element : path)
        out.append(elementString(element));
    return out;
}

bool FieldSet::isEmpty() const
{
    if (m_member)
        return false;
    for (const auto &[element, node] : m_children) {
        if (!node.isEmpty())
            return false;
    }
    return true;
}

void FieldSet::insert(const FieldPath &path)
{
    FieldSet *node = this;
    for (const QString &element : path)
        node = &node->m_children[element];
    node->m_member = true;
}

bool FieldSet::has(const FieldPath &path) const
{
    const FieldSet *node = this;
    for (const QString &element : path) {
        node = node->child(element);
        if (!node)
            return false;
    }
    return node->m_member;
}

const FieldSet *FieldSet::child(const QString &element) const
{
    const auto it = m_children.find(element);
    return it == m_children.end() ? nullptr : &it->second;
}

FieldSet FieldSet::united(const FieldSet &other) const
{
    FieldSet out = *this;
    out.m_member = m_member || other.m_member;
    for (const auto &[element, node] : other.m_children) {
        const auto it = out.m_children.find(element);
        if (it == out.m_children.end())
            out.m_children.emplace(element, node);
        else
            it->second = it->second.united(node);
    }
    return out;
}

FieldSet FieldSet::subtracted(const FieldSet &other) const
{
    FieldSet out;
    out.m_member = m_member && !other.m_member;
    for (const auto &[element, node] : m_children) {
        const FieldSet *removed = other.child(element);
        FieldSet rest = removed ? node.subtracted(*removed) : node;
        if (!rest.isEmpty())
            out.m_children.emplace(element, std::move(rest));
    }
    return out;
}

FieldSet FieldSet::intersected(const FieldSet &other) const
{
    FieldSet out;
    out.m_member = m_member && other.m_member;
    for (const auto &[element, node] : m_children) {
        const FieldSet *both = other.child(element);
        if (!both)
            continue;
        FieldSet common = node.intersected(*both);
        if (!common.isEmpty())
            out.m_children.emplace(element, std::move(common));
    }
    return out;
}

QList<FieldPath> FieldSet::paths() const
{
    QList<FieldPath> out;
    FieldPath prefix;
    collect(prefix, out);
    return out;
}

void FieldSet::collect(FieldPath &prefix, QList<FieldPath> &out) const
{
    for (const auto &[element, node] : m_children) {
        if (node.m_member) {
            prefix.append(element);
            out.append(prefix);
            prefix.removeLast();
        }
    }
    for (const auto &[element, node] : m_children) {
        prefix.append(element);
        node.collect(prefix, out);
        prefix.removeLast();
    }
}

QJsonObject FieldSet::toFieldsV1() const
{
    QJsonObject out;
    for (const auto &[element, node] : m_children) {
        if (node.isEmpty())
            continue;
        QJsonObject inner = node.toFieldsV1();
        // A member that also has children says so with ".".
        if (node.m_member && !inner.isEmpty())
            inner.insert(QStringLiteral("."), QJsonObject());
        out.insert(element, inner);
    }
    return out;
}

namespace {

fd::Expected<bool, QString> readFields(const QJsonObject &fields, FieldSet &into, FieldPath &prefix)
{
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (it.key() == QLatin1String("."))
            continue; // handled by the caller through the member rule below
        const auto element = canonicalElement(it.key());
        if (!element)
            return fd::Unexpected(element.error());
        if (element.value().isEmpty())
            continue;
        if (!it.value().isObject())
            return fd::Unexpected(QStringLiteral("expected an object for %1").arg(it.key()));
        const QJsonObject inner = it.value().toObject();
        prefix.append(element.value());
        // A leaf ({}) or a node with "." is a member; a node with only children is not.
        bool hasChild = false;
        for (auto c = inner.constBegin(); c != inner.constEnd(); ++c) {
            if (c.key() != QLatin1String("."))
                hasChild = true;
        }
        if (!hasChild || inner.contains(QStringLiteral(".")))
            into.insert(prefix);
        auto nested = readFields(inner, into, prefix);
        prefix.removeLast();
        if (!nested)
            return nested;
    }
    return true;
}

} // namespace

fd::Expected<FieldSet, QString> FieldSet::fromFieldsV1(const QJsonValue &fields)
{
    if (fields.isUndefined() || fields.isNull())
        return FieldSet();
    if (!fields.isObject())
        return fd::Unexpected(QStringLiteral("FieldsV1 must be a JSON object"));
    if (patchjson::exceedsDepth(fields, kMaxFieldsDepth))
        return fd::Unexpected(QStringLiteral("FieldsV1 nests deeper than %1 levels").arg(kMaxFieldsDepth));
    FieldSet set;
    FieldPath prefix;
    auto read = readFields(fields.toObject(), set, prefix);
    if (!read)
        return fd::Unexpected(read.error());
    return set;
}

bool FieldSet::operator==(const FieldSet &other) const
{
    return subtracted(other).isEmpty() && other.subtracted(*this).isEmpty();
}

} // namespace fd::sim
