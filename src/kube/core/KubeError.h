#pragma once

#include <QList>
#include <QString>

namespace fd::kube {

// What went wrong, as a kind the caller can switch on (retry, relist, refresh credentials,
// show a merge). Retry logic switches on the kind, never on message text.
enum class ErrorKind {
    Transport,        // connection refused/reset, DNS, proxy
    Tls,              // certificate not trusted, host name mismatch, handshake failure
    Timeout,          // no answer in time (client side) or 504 from the server
    Cancelled,        // the caller cancelled
    BadRequest,       // 400
    Unauthorized,     // 401: credentials missing or expired
    Forbidden,        // 403: RBAC said no (reason carries the server's words)
    NotFound,         // 404
    MethodNotAllowed, // 405
    AlreadyExists,    // 409 AlreadyExists
    Conflict,         // 409 Conflict: stale resourceVersion or apply conflict
    Gone,             // 410: resourceVersion compacted / continue token expired
    UnsupportedMediaType, // 415
    Invalid,          // 422 with field causes
    TooManyRequests,  // 429 (retryAfterSeconds set)
    ServerError,      // 5xx other than 504
    Decode,           // the server's answer could not be parsed
    Config,           // kubeconfig or credential plugin problem
};

struct ErrorCause {
    QString reason;
    QString message;
    QString field;
};

struct KubeError {
    ErrorKind kind = ErrorKind::Transport;
    int httpStatus = 0;
    QString reason;    // metav1.Status reason, if the server sent one
    QString message;   // human-readable, never containing credentials
    QList<ErrorCause> causes;
    int retryAfterSeconds = 0;

    bool isRetriable() const
    {
        return kind == ErrorKind::Transport || kind == ErrorKind::TooManyRequests || kind == ErrorKind::ServerError
            || kind == ErrorKind::Timeout;
    }
};

} // namespace fd::kube
