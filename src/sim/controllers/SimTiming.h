#pragma once

namespace fd::sim {

// How long the simulated cluster takes for things a real one spends seconds or minutes on.
// Everything is short by default so that `helm --wait` and `kubectl rollout status` finish
// quickly; tests shrink it further with fast(). Durations users write in specs
// (progressDeadlineSeconds, activeDeadlineSeconds, ttlSecondsAfterFinished, minReadySeconds)
// stay real seconds: they are user-visible deadlines. Only terminationGracePeriodSeconds is
// capped by gracefulTerminationMs.
struct SimTiming {
    int podStartDelayMs = 300;          // bound pod -> containers running (sandbox, pull, create)
    int imagePullMs = 60;               // part of the start delay spent "pulling"
    int containerReadyDelayMs = 150;    // running -> ready, for containers with a readiness/startup probe
    int jobRunTimeMs = 400;             // default run time of a run-to-completion container (exit 0)
    int crashAfterMs = 250;             // the `crashloop` image exits 1 after this long
    int crashBackoffBaseMs = 300;       // kubelet CrashLoopBackOff: 10 s upstream, doubled per restart
    int crashBackoffMaxMs = 5000;       // 5 min upstream
    int imagePullBackoffBaseMs = 400;   // ErrImagePull -> ImagePullBackOff -> retry
    int imagePullBackoffMaxMs = 5000;
    int gracefulTerminationMs = 200;    // upper bound of a pod's (shortened) termination grace period
    int pvcBindDelayMs = 100;           // PVC Pending -> Bound (provisioning)
    int jobBackoffBaseMs = 200;         // Job pod recreation back-off after a failure (10 s upstream)
    int jobBackoffMaxMs = 5000;
    int retryBaseMs = 50;               // a controller's requeue after an API error (work queue rate limit)
    int retryMaxMs = 5000;
    int namespaceRecheckMs = 100;       // a terminating namespace with content left is looked at again
    int periodicLogIntervalMs = 0;      // default containers' periodic log line; 0 = none

    // For unit tests: every delay a few milliseconds.
    static SimTiming fast()
    {
        SimTiming timing;
        timing.podStartDelayMs = 10;
        timing.imagePullMs = 2;
        timing.containerReadyDelayMs = 10;
        timing.jobRunTimeMs = 20;
        timing.crashAfterMs = 10;
        timing.crashBackoffBaseMs = 20;
        timing.crashBackoffMaxMs = 200;
        timing.imagePullBackoffBaseMs = 20;
        timing.imagePullBackoffMaxMs = 200;
        timing.gracefulTerminationMs = 20;
        timing.pvcBindDelayMs = 10;
        timing.jobBackoffBaseMs = 10;
        timing.jobBackoffMaxMs = 100;
        timing.retryBaseMs = 10;
        timing.retryMaxMs = 200;
        timing.namespaceRecheckMs = 20;
        return timing;
    }
};

} // namespace fd::sim
