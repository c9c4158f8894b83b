#include "sim/http/HttpStatusBody.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fd::sim {

QByteArray failureStatusBody(int code, const QByteArray &reason, const QString &message)
{
    const QJsonObject status{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"), message},
        {QStringLiteral("reason"), QString::fromLatin1(reason)},
        {QStringLiteral("code"), code},
    };
    return QJsonDocument(status).toJson(QJsonDocument::Compact);
}

QString requestTooLargeMessage(qint64 limitBytes)
{
    return QStringLiteral("Request entity too large: limit is %1").arg(limitBytes);
}

} // namespace fd::sim
