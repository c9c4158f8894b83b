#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fd::sim {

// The HTTP-level class of a failed patch or apply, as kube-apiserver reports it.
enum class PatchErrorKind {
    BadRequest,            // 400: malformed body, bad directive format
    Invalid,               // 422: json-patch op failed, result not an object, bad options
    Conflict,              // 409: server-side apply conflicts (causes: FieldManagerConflict)
    UnsupportedMediaType,  // 415: e.g. strategic merge patch on a custom resource
    RequestEntityTooLarge, // 413: json patch with more than 10000 operations
    Internal,              // 500: errors the apiserver does not classify (bad merge key, …)
};

// One entry of metav1.Status details.causes.
struct PatchErrorCause {
    QString reason; // e.g. "FieldManagerConflict", "FieldValueRequired"
    QString field;  // e.g. ".spec.replicas" or "fieldManager"
    QString message;
};

struct PatchError {
    PatchErrorKind kind = PatchErrorKind::BadRequest;
    // The metav1.Status message the apiserver sends. For 422 json-patch failures this is
    // the apiserver's generic sentence; the engine's own explanation is in `detail`.
    QString message;
    // What exactly went wrong (for logs and tests); equals `message` when the apiserver
    // sends the specific text itself.
    QString detail;
    QList<PatchErrorCause> causes;

    int httpStatus() const;
    QString reason() const; // metav1.StatusReason: "BadRequest", "Invalid", …; empty for 500
    // A complete metav1.Status object (kind Status, apiVersion v1) for the response body.
    QJsonObject toStatus() const;

    static PatchError badRequest(const QString &message);
    static PatchError internal(const QString &message);
    static PatchError unsupportedMediaType(const QString &message);
    // 422 as NewGenericServerResponse builds it: generic message, specific detail.
    static PatchError genericInvalid(const QString &detail);
};

} // namespace fd::sim
