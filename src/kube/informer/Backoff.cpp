#include "kube/informer/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace fd::kube {

Backoff::Backoff(BackoffPolicy policy, Random random) : m_policy(policy), m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

qint64 Backoff::nextDelayMs(qint64 nowMs)
{
    const bool quietSinceLastFailure = m_lastFailureMs >= 0 && nowMs - m_lastFailureMs >= m_policy.resetAfterMs;
    const bool healthyLongEnough = m_healthySinceMs >= 0 && nowMs - m_healthySinceMs >= m_policy.resetAfterMs;
    if (quietSinceLastFailure || healthyLongEnough)
        m_failures = 0;
    // initial × factor^failures, computed in floating point and capped before it can overflow.
    const double raw = double(m_policy.initialMs) * std::pow(m_policy.factor, double(std::min(m_failures, 64)));
    const double capped = std::min(raw, double(m_policy.maxMs));
    const double random = std::clamp(m_random(), 0.0, 1.0);
    const double jittered = capped * (1.0 + std::max(0.0, m_policy.jitter) * random);
    ++m_failures;
    m_lastFailureMs = nowMs;
    m_healthySinceMs = -1;
    return qint64(std::llround(jittered));
}

void Backoff::markHealthy(qint64 nowMs)
{
    if (m_healthySinceMs < 0)
        m_healthySinceMs = nowMs;
}

void Backoff::reset()
{
    m_failures = 0;
    m_lastFailureMs = -1;
    m_healthySinceMs = -1;
}

} // namespace fd::kube
