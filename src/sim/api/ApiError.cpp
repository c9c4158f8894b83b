#include "sim/api/ApiError.h"

namespace fd::sim {

namespace {

QString qualifiedResource(const QString &group, const QString &resource)
{
    return group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
}

} // namespace

QJsonObject ApiError::toStatus() const
{
    QJsonObject status{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"), message},
        {QStringLiteral("code"), code},
    };
    if (!reason.isEmpty())
        status.insert(QStringLiteral("reason"), reason);
    QJsonObject details;
    if (!name.isEmpty())
        details.insert(QStringLiteral("name"), name);
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    if (!kind.isEmpty())
        details.insert(QStringLiteral("kind"), kind);
    if (!causes.isEmpty()) {
        QJsonArray list;
        for (const StatusCause &cause : causes) {
            QJsonObject item{{QStringLiteral("reason"), cause.reason}, {QStringLiteral("message"), cause.message}};
            if (!cause.field.isEmpty())
                item.insert(QStringLiteral("field"), cause.field);
            list.append(item);
        }
        details.insert(QStringLiteral("causes"), list);
    }
    if (retryAfterSeconds > 0)
        details.insert(QStringLiteral("retryAfterSeconds"), retryAfterSeconds);
    if (!details.isEmpty())
        status.insert(QStringLiteral("details"), details);
    return status;
}

ApiError ApiError::badRequest(const QString &message)
{
    return {400, QStringLiteral("BadRequest"), message, {}, {}, {}, {}, 0};
}

ApiError ApiError::notFound(const QString &group, const QString &resource, const QString &name)
{
    const QString what = qualifiedResource(group, resource);
    const QString message = name.isEmpty() ? QStringLiteral("the server could not find the requested resource")
                                           : QStringLiteral("%1 \"%2\" not found").arg(what, name);
    return {404, QStringLiteral("NotFound"), message, name, group, resource, {}, 0};
}

ApiError ApiError::alreadyExists(const QString &group, const QString &resource, const QString &name)
{
    return {409, QStringLiteral("AlreadyExists"),
            QStringLiteral("%1 \"%2\" already exists").arg(qualifiedResource(group, resource), name),
            name, group, resource, {}, 0};
}

ApiError ApiError::conflict(const QString &group, const QString &resource, const QString &name,
                            const QString &detail)
{
    return {409, QStringLiteral("Conflict"),
            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": %3")
                .arg(qualifiedResource(group, resource), name, detail),
            name, group, resource, {}, 0};
}

ApiError ApiError::invalid(const QString &group, const QString &kind, const QString &name,
                           const QList<StatusCause> &causes)
{
    QStringList parts;
    for (const StatusCause &cause : causes)
        parts << (cause.field.isEmpty() ? cause.message : cause.field + QStringLiteral(": ") + cause.message);
    const QString qualifiedKind = group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
    QString message = QStringLiteral("%1 \"%2\" is invalid: ").arg(qualifiedKind, name);
    message += parts.size() == 1 ? parts.first() : QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    return {422, QStringLiteral("Invalid"), message, name, group, kind, causes, 0};
}

ApiError ApiError::forbidden(const QString &message, const QString &group, const QString &resource,
                             const QString &name)
{
    return {403, QStringLiteral("Forbidden"), message, name, group, resource, {}, 0};
}

ApiError ApiError::unauthorized(const QString &message)
{
    return {401, QStringLiteral("Unauthorized"), message, {}, {}, {}, {}, 0};
}

ApiError ApiError::methodNotAllowed(const QString &message)
{
    return {405, QStringLiteral("MethodNotAllowed"), message, {}, {}, {}, {}, 0};
}

ApiError ApiError::unsupportedMediaType(const QString &message)
{
    return {415, QStringLiteral("UnsupportedMediaType"), message, {}, {}, {}, {}, 0};
}

ApiError ApiError::notAcceptable(const QString &message)
{
    return {406, QStringLiteral("NotAcceptable"), message, {}, {}, {}, {}, 0};
}

ApiError ApiError::gone(const QString &message)
{
    return {410, QStringLiteral("Expired"), message, {}, {}, {}, {}, 0};
}

ApiError ApiError::tooManyRequests(int retryAfterSeconds)
{
    return {429, QStringLiteral("TooManyRequests"),
            QStringLiteral("Too many requests, please try again later."), {}, {}, {}, {}, retryAfterSeconds};
}

ApiError ApiError::internal(const QString &message)
{
    return {500, QStringLiteral("InternalError"), QStringLiteral("Internal error occurred: %1").arg(message),
            {}, {}, {}, {}, 0};
}

ApiError ApiError::timeout(const QString &message, const QString &causeReason)
{
    ApiError error{504, QStringLiteral("Timeout"), message, {}, {}, {}, {}, 0};
    if (!causeReason.isEmpty())
        error.causes.append({causeReason, message, {}});
    return error;
}

ApiError ApiError::entityTooLarge(const QString &message)
{
    return {413, QStringLiteral("RequestEntityTooLarge"), message, {}, {}, {}, {}, 0};
}

} // namespace fd::sim
