#include "sim/core/ObjectMeta.h"

namespace fd::sim {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject();
}

QString nameOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("name")).toString();
}

QString namespaceOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("namespace")).toString();
}

QString uidOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("uid")).toString();
}

QString resourceVersionOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("resourceVersion")).toString();
}

QJsonObject labelsOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("labels")).toObject();
}

QJsonObject annotationsOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("annotations")).toObject();
}

void setMetadataField(QJsonObject &object, const QString &field, const QJsonValue &value)
{
    QJsonObject metadata = metadataOf(object);
    if (value.isUndefined() || value.isNull())
        metadata.remove(field);
    else
        metadata.insert(field, value);
    object.insert(QStringLiteral("metadata"), metadata);
}

} // namespace fd::sim
