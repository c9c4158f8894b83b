#pragma once

#include "kube/core/KubeError.h"

#include <functional>

// When to send a failed request again, and after how long. A pure decision (no timers, no I/O)
// with an injectable random source, so tests check it exactly.
//
// What client-go does (rest/request.go, rest/with_retry.go, kube-protocol.md §3): a response
// carrying Retry-After with status 429 or 5xx is retried up to 10 times, for every verb, after
// the Retry-After delay; connection resets and EOFs are retried for GET only; there is no
// exponential backoff by default. We follow it, with three deliberate differences:
//  - 429 (the server's priority-and-fairness rejected it before doing anything) is retried for
//    every verb; a 5xx may come after the server acted, so 5xx is retried for idempotent
//    requests only, with or without Retry-After;
//  - idempotent requests also retry 5xx and transport errors without Retry-After, with
//    exponential backoff and jitter (each delay lengthened by a random 0–100 %, as
//    apimachinery's wait.Jitter with factor 1.0), a bounded number of times;
//  - Retry-After is capped (a broken proxy must not park a request for an hour).
// A request that never reached the server (connection refused, DNS, a refused HTTP/2 stream)
// may be sent again whatever its verb. TLS verification failures, 4xx other than 429, client
// timeouts and cancellations are final.

namespace fd::kube {

struct RetryLimits {
    int maxRetries = 4;               // 5xx / transport errors (idempotent or never sent)
    int maxThrottleRetries = 10;      // 429 and 5xx with Retry-After (client-go: 10)
    int maxRefusedStreamRetries = 8;  // HTTP/2 streams refused before the server's SETTINGS
    int initialBackoffMs = 250;
    double backoffFactor = 2.0;
    int maxBackoffMs = 8'000;
    double jitter = 1.0;              // each delay × (1 + jitter × random[0,1))
    int maxRetryAfterSeconds = 30;    // cap on a server's Retry-After
    int defaultRetryAfterSeconds = 1; // a 429 without Retry-After
};

// What happened to one attempt, as the policy needs to know it.
struct AttemptOutcome {
    KubeError error;                  // kind, httpStatus, retryAfterSeconds (0 = none sent)
    bool hasHttpStatus = false;       // the server answered (error.httpStatus is real)
    bool neverReachedServer = false;  // see TransportFailure
    bool refusedStream = false;
};

struct RetryDecision {
    bool retry = false;
    int delayMs = 0;
};

class RetryPolicy {
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    explicit RetryPolicy(RetryLimits limits = {});

    const RetryLimits &limits() const { return m_limits; }
    void setRandom(Random random) { m_random = std::move(random); }

    // `retriesSoFar` counts earlier retries of this request by the same reason class
    // (throttle, refused stream, other); the caller keeps the counters (RetryCounters).
    RetryDecision decide(const AttemptOutcome &outcome, bool idempotent, int retriesSoFar) const;

    // Which counter an outcome uses.
    enum class Budget { Throttle, RefusedStream, Other };
    static Budget budgetOf(const AttemptOutcome &outcome);

    // initial × factor^retry, capped, then jittered.
    int backoffMs(int retry) const;

private:
    RetryLimits m_limits;
    Random m_random;
};

// Per-request retry counters, one per budget.
struct RetryCounters {
    int throttle = 0;
    int refusedStream = 0;
    int other = 0;

    int &of(RetryPolicy::Budget budget);
    int total() const { return throttle + refusedStream + other; }
};

} // namespace fd::kube
