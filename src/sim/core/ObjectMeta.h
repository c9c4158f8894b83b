#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace fd::sim {

// Reading and writing the metadata of an object held as JSON — shared by every part of
// the emulator that looks at objects, so that there is one spelling of these paths.
QJsonObject metadataOf(const QJsonObject &object);
QString nameOf(const QJsonObject &object);
QString namespaceOf(const QJsonObject &object);
QString uidOf(const QJsonObject &object);
QString resourceVersionOf(const QJsonObject &object);
QJsonObject labelsOf(const QJsonObject &object);
QJsonObject annotationsOf(const QJsonObject &object);
// Sets (or, with an undefined/null value, removes) one metadata field.
void setMetadataField(QJsonObject &object, const QString &field, const QJsonValue &value);

} // namespace fd::sim
