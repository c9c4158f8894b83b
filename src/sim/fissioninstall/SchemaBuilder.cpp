#include "sim/fissioninstall/SchemaBuilder.h"

namespace fd::sim::fissioninstall::schema {

using namespace Qt::StringLiterals;

namespace {

QJsonObject typed(const QString &type)
{
    return QJsonObject{{u"type"_s, type}};
}

QJsonObject withNullable(QJsonObject node, bool nullable)
{
    if (nullable)
        node.insert(u"nullable"_s, true);
    return node;
}

} // namespace

QJsonObject string()
{
    return typed(u"string"_s);
}

QJsonObject stringWithDefault(const QString &value)
{
    QJsonObject node = string();
    node.insert(u"default"_s, value);
    return node;
}

QJsonObject enumString(const QStringList &values)
{
    QJsonObject node = string();
    node.insert(u"enum"_s, QJsonArray::fromStringList(values));
    return node;
}

QJsonObject dateTime(bool nullable)
{
    QJsonObject node = string();
    node.insert(u"format"_s, u"date-time"_s);
    return withNullable(node, nullable);
}

QJsonObject bytes()
{
    QJsonObject node = string();
    node.insert(u"format"_s, u"byte"_s);
    return node;
}

QJsonObject integer()
{
    return typed(u"integer"_s);
}

QJsonObject int32()
{
    QJsonObject node = integer();
    node.insert(u"format"_s, u"int32"_s);
    return node;
}

QJsonObject int64()
{
    QJsonObject node = integer();
    node.insert(u"format"_s, u"int64"_s);
    return node;
}

QJsonObject boolean()
{
    return typed(u"boolean"_s);
}

QJsonObject stringMap(bool nullable)
{
    QJsonObject node = typed(u"object"_s);
    node.insert(u"additionalProperties"_s, string());
    return withNullable(node, nullable);
}

QJsonObject integerMap(bool nullable)
{
    QJsonObject node = typed(u"object"_s);
    node.insert(u"additionalProperties"_s, integer());
    return withNullable(node, nullable);
}

QJsonObject arrayOf(const QJsonObject &items, bool nullable)
{
    QJsonObject node = typed(u"array"_s);
    node.insert(u"items"_s, items);
    return withNullable(node, nullable);
}

QJsonObject preserved()
{
    QJsonObject node = typed(u"object"_s);
    node.insert(u"x-kubernetes-preserve-unknown-fields"_s, true);
    return node;
}

QJsonObject object(std::initializer_list<Property> properties, const QStringList &required)
{
    QJsonObject node = typed(u"object"_s);
    QJsonObject props;
    for (const Property &property : properties)
        props.insert(property.first, property.second);
    node.insert(u"properties"_s, props);
    if (!required.isEmpty())
        node.insert(u"required"_s, QJsonArray::fromStringList(required));
    return node;
}

QJsonObject root(std::initializer_list<Property> parts, const QStringList &required)
{
    QJsonObject node = object({{u"apiVersion"_s, string()}, {u"kind"_s, string()}, {u"metadata"_s, typed(u"object"_s)}},
                              required);
    QJsonObject props = node.value(u"properties"_s).toObject();
    for (const Property &part : parts)
        props.insert(part.first, part.second);
    node.insert(u"properties"_s, props);
    return node;
}

QJsonObject conditions()
{
    QJsonObject condition = object({{u"type"_s, string()},
                                    {u"status"_s, enumString({u"True"_s, u"False"_s, u"Unknown"_s})},
                                    {u"observedGeneration"_s, int64()},
                                    {u"lastTransitionTime"_s, dateTime()},
                                    {u"reason"_s, string()},
                                    {u"message"_s, string()}},
                                   {u"lastTransitionTime"_s, u"message"_s, u"reason"_s, u"status"_s, u"type"_s});
    QJsonObject list = arrayOf(condition);
    list.insert(u"x-kubernetes-list-type"_s, u"map"_s);
    list.insert(u"x-kubernetes-list-map-keys"_s, QJsonArray{u"type"_s});
    return list;
}

} // namespace fd::sim::fissioninstall::schema
