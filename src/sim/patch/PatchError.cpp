#include "sim/patch/PatchError.h"

#include <QJsonArray>

namespace fd::sim {

int PatchError::httpStatus() const
{
    switch (kind) {
    case PatchErrorKind::BadRequest: return 400;
    case PatchErrorKind::Invalid: return 422;
    case PatchErrorKind::Conflict: return 409;
    case PatchErrorKind::UnsupportedMediaType: return 415;
    case PatchErrorKind::RequestEntityTooLarge: return 413;
    case PatchErrorKind::Internal: return 500;
    }
    return 500;
}

QString PatchError::reason() const
{
    switch (kind) {
    case PatchErrorKind::BadRequest: return QStringLiteral("BadRequest");
    case PatchErrorKind::Invalid: return QStringLiteral("Invalid");
    case PatchErrorKind::Conflict: return QStringLiteral("Conflict");
    case PatchErrorKind::UnsupportedMediaType: return QStringLiteral("UnsupportedMediaType");
    case PatchErrorKind::RequestEntityTooLarge: return QStringLiteral("RequestEntityTooLarge");
    case PatchErrorKind::Internal: return {}; // StatusReasonUnknown: the field is omitted
    }
    return {};
}

QJsonObject PatchError::toStatus() const
{
    QJsonObject status{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"), message},
        {QStringLiteral("code"), httpStatus()},
    };
    if (!reason().isEmpty())
        status.insert(QStringLiteral("reason"), reason());
    QJsonObject details;
    if (!causes.isEmpty()) {
        QJsonArray list;
        for (const PatchErrorCause &cause : causes) {
            QJsonObject entry;
            if (!cause.reason.isEmpty())
                entry.insert(QStringLiteral("reason"), cause.reason);
            if (!cause.message.isEmpty())
                entry.insert(QStringLiteral("message"), cause.message);
            if (!cause.field.isEmpty())
                entry.insert(QStringLiteral("field"), cause.field);
            list.append(entry);
        }
        details.insert(QStringLiteral("causes"), list);
    }
    // 422 responses always carry a (possibly empty) details object; the others only with causes.
    if (!details.isEmpty() || kind == PatchErrorKind::Invalid)
        status.insert(QStringLiteral("details"), details);
    return status;
}

PatchError PatchError::badRequest(const QString &message)
{
    return PatchError{PatchErrorKind::BadRequest, message, message, {}};
}

PatchError PatchError::internal(const QString &message)
{
    // ErrorToAPIStatus turns an unclassified error into 500 with its text and no reason.
    return PatchError{PatchErrorKind::Internal, message, message, {}};
}

PatchError PatchError::unsupportedMediaType(const QString &message)
{
    return PatchError{PatchErrorKind::UnsupportedMediaType, message, message, {}};
}

PatchError PatchError::genericInvalid(const QString &detail)
{
    return PatchError{PatchErrorKind::Invalid,
                      QStringLiteral("the server rejected our request due to an error in our request"),
                      detail,
                      {}};
}

} // namespace fd::sim
