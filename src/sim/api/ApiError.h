#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace fd::sim {

// One field-level cause of an error, as metav1.StatusCause.
struct StatusCause {
    QString reason;   // e.g. "FieldValueInvalid", "FieldManagerConflict", "NamespaceTerminating"
    QString message;
    QString field;
};

// A failed API call, rendered as the metav1.Status a real kube-apiserver sends.
struct ApiError {
    int code = 500;
    QString reason;   // StatusReason: NotFound, AlreadyExists, Conflict, Invalid, Forbidden, …
    QString message;
    QString name;     // details.name
    QString group;    // details.group
    QString kind;     // details.kind (the resource's plural for most errors, like the apiserver)
    QList<StatusCause> causes;
    int retryAfterSeconds = 0;

    QJsonObject toStatus() const;

    static ApiError badRequest(const QString &message);
    static ApiError notFound(const QString &group, const QString &resource, const QString &name);
    static ApiError alreadyExists(const QString &group, const QString &resource, const QString &name);
    static ApiError conflict(const QString &group, const QString &resource, const QString &name,
                             const QString &detail);
    static ApiError invalid(const QString &group, const QString &kind, const QString &name,
                            const QList<StatusCause> &causes);
    static ApiError forbidden(const QString &message, const QString &group = {},
                              const QString &resource = {}, const QString &name = {});
    static ApiError unauthorized(const QString &message = QStringLiteral("Unauthorized"));
    static ApiError methodNotAllowed(const QString &message);
    static ApiError unsupportedMediaType(const QString &message);
    static ApiError notAcceptable(const QString &message);
    static ApiError gone(const QString &message);          // 410 Expired
    static ApiError tooManyRequests(int retryAfterSeconds);
    static ApiError internal(const QString &message);
    static ApiError timeout(const QString &message, const QString &causeReason = {});
    static ApiError entityTooLarge(const QString &message);
};

} // namespace fd::sim
