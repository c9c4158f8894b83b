#include "ui/forms/JsonPath.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fd::ui::forms {

QJsonValue jsonAt(const QJsonObject &root, const QString &path)
{
    const QStringList keys = path.split(u'.');
    QJsonObject current = root;
    for (qsizetype i = 0; i + 1 < keys.size(); ++i)
        current = current.value(keys[i]).toObject();
    return current.value(keys.last());
}

namespace {

void setAt(QJsonObject &object, const QStringList &keys, qsizetype i, const QJsonValue &value)
{
    const QString &key = keys[i];
    if (i + 1 == keys.size()) {
        if (value.isUndefined() || value.isNull())
            object.remove(key);
        else
            object.insert(key, value);
        return;
    }
    QJsonObject child = object.value(key).toObject();
    setAt(child, keys, i + 1, value);
    if (child.isEmpty())
        object.remove(key);
    else
        object.insert(key, child);
}

} // namespace

void setJsonAt(QJsonObject &root, const QString &path, const QJsonValue &value)
{
    setAt(root, path.split(u'.'), 0, value);
}

void setIntUnlessDefault(QJsonObject &root, const QString &path, int value, int defaultValue)
{
    if (value == defaultValue && jsonAt(root, path).isUndefined())
        return;
    setJsonAt(root, path, value);
}

} // namespace fd::ui::forms
