#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace fd::sim::fissioninstall::schema {

// A few words for writing OpenAPI v3 (structural) schemas in C++ without drowning in
// QJsonObject braces. Each returns a plain JSON schema node; the CRD builders compose them.

using Property = std::pair<QString, QJsonObject>;

QJsonObject string();
QJsonObject stringWithDefault(const QString &value);
QJsonObject enumString(const QStringList &values);
QJsonObject dateTime(bool nullable = false);
QJsonObject bytes();                   // format: byte (base64 in JSON)
QJsonObject integer();
QJsonObject int32();
QJsonObject int64();
QJsonObject boolean();
QJsonObject stringMap(bool nullable = false);   // map[string]string
QJsonObject integerMap(bool nullable = false);  // map[string]int
QJsonObject arrayOf(const QJsonObject &items, bool nullable = false);
// An object whose content the Fission Desk never reads or writes field by field (a PodSpec,
// a Container, ResourceRequirements…): kept as the user wrote it.
QJsonObject preserved();
QJsonObject object(std::initializer_list<Property> properties, const QStringList &required = {});

// The `type: object` root of a kind with apiVersion/kind/metadata and the given parts.
QJsonObject root(std::initializer_list<Property> parts, const QStringList &required);

// metav1.Condition as controller-gen renders it (list-map keyed by type).
QJsonObject conditions();

} // namespace fd::sim::fissioninstall::schema
