#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace fd::kube {

// The strings of a JSON array (verbs, shortNames, resourceNames, …); non-strings read as empty,
// anything but an array as no strings.
inline QStringList jsonStrings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

} // namespace fd::kube
