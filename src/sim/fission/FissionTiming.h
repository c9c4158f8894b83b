#pragma once

namespace fd::sim {

// How long the simulated Fission control plane takes for what the real one spends seconds or
// minutes on. Short by default so that a demo shows builds and cold starts at a glance;
// tests shrink everything further with fast(). Durations users write in specs stay real
// unless an override below says otherwise.
struct FissionTiming {
    int buildStepMs = 400;              // each of fetch source / run build / upload (3 steps per build)
    int builderPollMs = 500;            // buildermgr looks at the builder pods again (0.5 s back-off upstream)
    // 1.20 gives up on a builder that never becomes ready after its back-off ran out
    // (~16-27 min); the simulation gives up sooner.
    int builderReadyTimeoutMs = 60000;
    int specializeMs = 150;             // fetcher download + the runtime loading the function
    int podPollMs = 100;                // executor waits for a ready pool pod / newdeploy pod
    // Cap on the executor's POD_READY_TIMEOUT (chart default 300 s): a router request waits
    // at most this long for a ready pod before failing.
    int podReadyTimeoutMs = 20000;
    int functionResponseMs = 5;         // a specialized function answering a request
    int idleCheckIntervalMs = 1000;     // the executor's idle object reaper (every 5 s upstream)
    // > 0: replaces every Function's spec.idletimeout (default 120 s upstream); 0 keeps
    // the real idle timeouts so that a demo behaves like a real cluster.
    int idleTimeoutOverrideMs = 0;

    // For unit tests: every delay a few milliseconds, idle functions reaped within a second.
    static FissionTiming fast()
    {
        FissionTiming timing;
        timing.buildStepMs = 20;
        timing.builderPollMs = 20;
        timing.builderReadyTimeoutMs = 10000; // tests of the timeout itself shorten it
        timing.specializeMs = 10;
        timing.podPollMs = 20;
        timing.podReadyTimeoutMs = 10000;
        timing.functionResponseMs = 1;
        timing.idleCheckIntervalMs = 50;
        timing.idleTimeoutOverrideMs = 0;
        return timing;
    }
};

} // namespace fd::sim
