#pragma once

#include "sim/core/GoFormat.h"

#include "common/Expected.h"
#include "sim/patch/PatchError.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Helpers shared by the patch engines: bounded parsing, Go-style rendering of values for
// error messages (the apiserver prints Go values with %v), and small JSON utilities.
namespace fd::sim::patchjson {

// Deepest nesting of objects/arrays any engine accepts. Real objects stay far below; the
// bound keeps every recursive walk in this module safe against hostile input.
inline constexpr int kMaxDepth = 100;

// Parses any JSON value (object, array, scalar, null). Error: Qt's parser message.
fd::Expected<QJsonValue, QString> parseValue(const QByteArray &body);

// True when `value` nests deeper than `limit` containers.
bool exceedsDepth(const QJsonValue &value, int limit = kMaxDepth);

// Go's fmt %v of the value decoded into interface{}: map[a:1 b:x], [1 2], <nil>.
QString goFormat(const QJsonValue &value);

// Compact JSON text of any value (QJsonDocument only takes containers).
QByteArray compact(const QJsonValue &value);

// The 422 the apiserver answers when a merge or JSON patch turns the object into something
// other than a JSON object: its patcher decodes the result into map[string]interface{} and
// reports NewInvalid(GroupKind{}, "", [Invalid("patch", <json>, <decode error>)]).
PatchError resultNotAnObject(const QJsonValue &result);

bool isContainer(const QJsonValue &value);

} // namespace fd::sim::patchjson
