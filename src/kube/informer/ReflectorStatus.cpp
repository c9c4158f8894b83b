#include "kube/informer/ReflectorStatus.h"

#include <QCoreApplication>

namespace fd::kube {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fd::kube::Reflector", text);
}

} // namespace

QString phaseName(ReflectorPhase phase)
{
    switch (phase) {
    case ReflectorPhase::Stopped:
        return tr("stopped");
    case ReflectorPhase::Listing:
        return tr("listing");
    case ReflectorPhase::Watching:
        return tr("watching");
    case ReflectorPhase::Backoff:
        return tr("waiting to retry");
    case ReflectorPhase::Forbidden:
        return tr("forbidden");
    }
    return {};
}

QString staleReasonText(StaleReason reason)
{
    switch (reason) {
    case StaleReason::None:
        return {};
    case StaleReason::NotSynced:
        return tr("not loaded yet");
    case StaleReason::Expired:
        return tr("the server's change history expired; reloading everything");
    case StaleReason::Disconnected:
        return tr("the connection dropped; reconnecting");
    case StaleReason::Throttled:
        return tr("the server is throttling requests");
    case StaleReason::Unauthorized:
        return tr("the credentials were refused");
    case StaleReason::Forbidden:
        return tr("access denied by RBAC");
    case StaleReason::NotFound:
        return tr("the resource type or namespace does not exist");
    case StaleReason::ServerError:
        return tr("the server failed");
    case StaleReason::Stopped:
        return tr("updates stopped");
    }
    return {};
}

StaleReason staleReasonFor(const KubeError &error)
{
    switch (error.kind) {
    case ErrorKind::Gone:
        return StaleReason::Expired;
    case ErrorKind::TooManyRequests:
        return StaleReason::Throttled;
    case ErrorKind::Unauthorized:
    case ErrorKind::Config: // the credential plugin failed
        return StaleReason::Unauthorized;
    case ErrorKind::Forbidden:
        return StaleReason::Forbidden;
    case ErrorKind::NotFound:
        return StaleReason::NotFound;
    case ErrorKind::ServerError:
    case ErrorKind::Decode:
    case ErrorKind::BadRequest:
    case ErrorKind::Invalid:
    case ErrorKind::MethodNotAllowed:
    case ErrorKind::UnsupportedMediaType:
    case ErrorKind::Conflict:
    case ErrorKind::AlreadyExists:
        return StaleReason::ServerError;
    case ErrorKind::Transport:
    case ErrorKind::Tls:
    case ErrorKind::Timeout:
    case ErrorKind::Cancelled:
        return StaleReason::Disconnected;
    }
    return StaleReason::Disconnected;
}

} // namespace fd::kube
