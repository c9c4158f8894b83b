#pragma once

#include "kube/core/KubeError.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace fd::kube {

// What a reflector is doing right now.
enum class ReflectorPhase {
    Stopped,   // not started, or stopped
    Listing,   // a LIST (or the initial part of a watch-list) is in flight
    Watching,  // a WATCH is open or being (re)opened
    Backoff,   // waiting before the next attempt (ReflectorStatus::nextAttempt*)
    Forbidden, // RBAC refused the list or watch (403)
};

// Why the store may be behind the server (shown by the UI instead of hiding staleness).
enum class StaleReason {
    None,         // watching: the store follows the server
    NotSynced,    // no complete list yet
    Expired,      // 410: the server's history moved on; relisting
    Disconnected, // the watch dropped, timed out idle or failed at the transport; reconnecting
    Throttled,    // 429 Too Many Requests
    Unauthorized, // 401 even after the credentials were refreshed
    Forbidden,    // 403
    NotFound,     // 404: the resource type (CRD) or the namespace does not exist
    ServerError,  // 5xx or an answer that could not be decoded
    Stopped,      // the reflector was stopped
};

struct ReflectorStatus {
    ReflectorPhase phase = ReflectorPhase::Stopped;
    // The store has held a complete list at least once (it may be stale now).
    bool synced = false;
    StaleReason staleReason = StaleReason::NotSynced;
    // Backoff/Forbidden-with-retry: when the next attempt starts, on the reflector's clock and
    // on the wall clock (for "retrying in 12 s").
    std::optional<qint64> nextAttemptMs;
    QDateTime nextAttemptAt;
    // The last failure (cleared once watching again). Never contains credentials.
    std::optional<KubeError> lastError;

    bool isStale() const { return staleReason != StaleReason::None; }
    // Synced and watching: what a test or a "live" badge waits for.
    bool isLive() const { return synced && phase == ReflectorPhase::Watching && !isStale(); }
};

QString phaseName(ReflectorPhase phase);             // translated, for the UI
QString staleReasonText(StaleReason reason);         // translated, for the UI
StaleReason staleReasonFor(const KubeError &error);

} // namespace fd::kube

Q_DECLARE_METATYPE(fd::kube::ReflectorStatus)
