#include "sim/api/Faults.h"

namespace fd::sim {

QJsonObject FaultPlan::toJson() const
{
    return {
        {QStringLiteral("failNextRequests"), failNextRequests},
        {QStringLiteral("failStatus"), failStatus},
        {QStringLiteral("retryAfterSeconds"), retryAfterSeconds},
        {QStringLiteral("latencyMs"), latencyMs},
        {QStringLiteral("failOnlyPathContaining"), failOnlyPathContaining},
        {QStringLiteral("bookmarkIntervalMs"), bookmarkIntervalMs},
    };
}

} // namespace fd::sim
