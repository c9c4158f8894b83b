#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Reading and writing one dotted path ("spec.runtime.image") of an object's JSON, so a form
// changes exactly its own fields and leaves everything else of an edited object as it was.
namespace fd::ui::forms {

QJsonValue jsonAt(const QJsonObject &root, const QString &path);
// Sets the value; an undefined or null value removes the key (and objects it leaves empty).
void setJsonAt(QJsonObject &root, const QString &path, const QJsonValue &value);
// Sets an integer unless it equals Fission's default and the object does not carry the key yet:
// an untouched field of an edited object stays absent instead of gaining the default.
void setIntUnlessDefault(QJsonObject &root, const QString &path, int value, int defaultValue);

} // namespace fd::ui::forms
