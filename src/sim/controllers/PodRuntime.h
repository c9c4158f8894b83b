#pragma once

#include "sim/controllers/ContainerBehavior.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fd::sim {

// The simulated kubelet's model of a pod: what the container runtime would report for
// each container, plus the pod-level facts (sandbox, IP, termination), and how that
// becomes the API status (the kubelet's getPhase and generateAPIPodStatus).

enum class ContainerState { Waiting, Running, Terminated };
struct ContainerRuntime {
    QString name;
    QString image;
    QJsonObject spec;
    bool init = false;
    bool sidecar = false;      // init container with restartPolicy Always
    ContainerState state = ContainerState::Waiting;
    QString waitingReason;
    QString waitingMessage;
    QString startedAt;
    QString finishedAt;
    int exitCode = 0;
    QString terminatedReason;
    QJsonObject lastTerminated;
    QString containerId;
    QString imageId;
    bool ready = false;
    bool started = false;
    bool everStarted = false;
    bool actionPending = false; // a start/restart/pull retry is scheduled
    int restartCount = 0;
    int exits = 0;
    int pullFailures = 0;
    int instance = 0;           // bumped per start: stale timers compare it
    ContainerPlan plan;
};

struct PodRuntime {
    QString namespaceName;
    QString name;
    QString uid;
    QString node;
    QString restartPolicy;
    QString podIp;
    QString startTime;
    QJsonObject pod;
    QList<ContainerRuntime> containers; // init containers first
    bool sandboxReady = false;
    bool initDone = false;
    bool terminating = false;
    bool stopped = false;
    bool removeRequested = false;
    int epoch = 0;               // bumped on termination: pending container timers die
};

// kubelet getPhase: Pending while initialising or a container never started, Running while
// something runs or restarts, Succeeded/Failed once everything stopped for good.
QString podPhaseOf(const PodRuntime &pod);
// core/v1 ContainerStatus of one container.
QJsonObject containerStatusOf(const ContainerRuntime &container);
QJsonObject terminatedStateOf(int exitCode, const QString &reason, const QString &startedAt,
                              const QString &finishedAt, const QString &containerId);
// The pod status the kubelet writes: phase, IPs, startTime, container statuses and the
// conditions in kubelet order; conditions it does not own (PodScheduled's origin, others)
// are kept from `current`.
QJsonObject renderPodStatus(const PodRuntime &pod, const QJsonObject &current, const QString &hostIp,
                            const QString &now);

} // namespace fd::sim
