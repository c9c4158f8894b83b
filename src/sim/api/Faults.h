#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace fd::sim {

// Test knobs: failures a real cluster produces, switched on in-process or through the
// admin endpoint /_sim/faults. Each field documents the failure it reproduces.
struct FaultPlan {
    int failNextRequests = 0;        // answer the next N API requests with failStatus
    int failStatus = 500;            // 429 (with Retry-After) or 500/503
    int retryAfterSeconds = 1;
    int latencyMs = 0;               // added before every API answer
    QString failOnlyPathContaining;  // restrict injected failures to matching paths
    int bookmarkIntervalMs = 60000;  // apiserver sends bookmarks about once a minute

    QJsonObject toJson() const;
};

} // namespace fd::sim
