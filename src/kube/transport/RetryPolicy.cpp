#include "kube/transport/RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace fd::kube {

namespace {

bool isServerError(const AttemptOutcome &outcome)
{
    return outcome.hasHttpStatus && outcome.error.httpStatus >= 500 && outcome.error.httpStatus <= 599;
}

} // namespace

RetryPolicy::RetryPolicy(RetryLimits limits)
    : m_limits(limits), m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

RetryPolicy::Budget RetryPolicy::budgetOf(const AttemptOutcome &outcome)
{
    if (outcome.refusedStream)
        return Budget::RefusedStream;
    if (outcome.hasHttpStatus
        && (outcome.error.httpStatus == 429 || (isServerError(outcome) && outcome.error.retryAfterSeconds > 0)))
        return Budget::Throttle;
    return Budget::Other;
}

int RetryPolicy::backoffMs(int retry) const
{
    const double base = m_limits.initialBackoffMs * std::pow(m_limits.backoffFactor, std::max(0, retry));
    const double capped = std::min(base, double(m_limits.maxBackoffMs));
    const double jittered = capped * (1.0 + m_limits.jitter * std::clamp(m_random(), 0.0, 1.0));
    return static_cast<int>(jittered);
}

RetryDecision RetryPolicy::decide(const AttemptOutcome &outcome, bool idempotent, int retriesSoFar) const
{
    const KubeError &error = outcome.error;
    if (error.kind == ErrorKind::Cancelled || error.kind == ErrorKind::Config || error.kind == ErrorKind::Tls)
        return {};

    if (outcome.refusedStream) {
        if (retriesSoFar >= m_limits.maxRefusedStreamRetries)
            return {};
        // The server never saw it; the connection now knows the stream limit, so a short pause
        // suffices (it only spreads repeated refusals out).
        return {true, std::min(10 << std::min(retriesSoFar, 10), 1000)};
    }

    const auto retryAfterMs = [&] {
        const int seconds = error.retryAfterSeconds > 0 ? error.retryAfterSeconds : m_limits.defaultRetryAfterSeconds;
        return std::min(seconds, m_limits.maxRetryAfterSeconds) * 1000;
    };

    if (outcome.hasHttpStatus) {
        if (error.httpStatus == 429) {
            if (retriesSoFar >= m_limits.maxThrottleRetries)
                return {};
            return {true, retryAfterMs()};
        }
        if (isServerError(outcome) && idempotent) {
            if (error.retryAfterSeconds > 0) {
                if (retriesSoFar >= m_limits.maxThrottleRetries)
                    return {};
                return {true, retryAfterMs()};
            }
            if (retriesSoFar >= m_limits.maxRetries)
                return {};
            return {true, backoffMs(retriesSoFar)};
        }
        return {};
    }

    // No HTTP answer.
    if (error.kind == ErrorKind::Timeout)
        return {}; // our own deadline: the caller chose how long to wait
    if (!outcome.neverReachedServer && !idempotent)
        return {};
    if (retriesSoFar >= m_limits.maxRetries)
        return {};
    return {true, backoffMs(retriesSoFar)};
}

int &RetryCounters::of(RetryPolicy::Budget budget)
{
    switch (budget) {
    case RetryPolicy::Budget::Throttle:
        return throttle;
    case RetryPolicy::Budget::RefusedStream:
        return refusedStream;
    case RetryPolicy::Budget::Other:
        break;
    }
    return other;
}

} // namespace fd::kube
