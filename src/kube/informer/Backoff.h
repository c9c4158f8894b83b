#pragma once

#include <QtGlobal>

#include <functional>

namespace fd::kube {

// client-go's reflector backoff (wait.NewExponentialBackoffManager(800ms, 30s, 2m, 2.0, 1.0),
// kube-protocol.md §4): 800 ms, doubling per failure, capped at 30 s, each delay lengthened by
// a random 0–100 %, back to 800 ms once things have been fine for 2 minutes.
struct BackoffPolicy {
    qint64 initialMs = 800;
    double factor = 2.0;
    qint64 maxMs = 30'000;   // cap before the jitter (so a delay is at most maxMs × (1 + jitter))
    double jitter = 1.0;     // delay × (1 + jitter × random[0,1))
    qint64 resetAfterMs = 120'000;
};

// A pure calculator: no timers, time passed in, randomness injectable, so tests check it exactly.
class Backoff {
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    explicit Backoff(BackoffPolicy policy = {}, Random random = {});

    const BackoffPolicy &policy() const { return m_policy; }

    // A failure happened at `nowMs`: how long to wait before the next attempt. Starts over at
    // initialMs when the previous failure is resetAfterMs old, or when markHealthy() was called
    // at least resetAfterMs before now.
    qint64 nextDelayMs(qint64 nowMs);
    // The work is running normally since `nowMs` (a reflector calls this when a watch opens).
    // Repeated calls keep the earliest time.
    void markHealthy(qint64 nowMs);
    void reset();

    // Failures counted since the last reset.
    int failures() const { return m_failures; }

private:
    BackoffPolicy m_policy;
    Random m_random;
    int m_failures = 0;
    qint64 m_lastFailureMs = -1;
    qint64 m_healthySinceMs = -1;
};

} // namespace fd::kube
