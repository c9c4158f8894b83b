#pragma once

#include "fission/FissionTypes.h"
#include "kube/store/KubeObject.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// The few Kubernetes workload facts the domain reads (Deployments, DaemonSets, Pods, Events),
// parsed once per object. Not a general Kubernetes model: only what install detection and the
// rules need.

namespace fd::fission {

struct EnvVar {
    QString name;
    QString value;
    bool fromReference = false; // valueFrom: the value is not in the object
};

struct ContainerInfo {
    QString name;
    QString image;
    QList<EnvVar> env;

    // nullopt when the variable is not set (an empty value is a value).
    std::optional<QString> envValue(QStringView name) const;
    // "v1.20.5" of "ghcr.io/fission/fission-bundle:v1.20.5" (empty for digests and untagged images).
    QString imageTag() const;
};

struct ContainerStatusInfo {
    QString name;
    bool ready = false;
    int restartCount = 0;
    QString waitingReason;   // state.waiting.reason: ImagePullBackOff, CrashLoopBackOff, …
    QString waitingMessage;
    bool running = false;
    QString terminatedReason; // state.terminated.reason
    int terminatedExitCode = 0;
    QString lastTerminatedReason; // lastState.terminated.reason: why the previous run ended
    int lastTerminatedExitCode = 0;
};

struct PodInfo {
    fd::kube::KubeObject object;
    QString phase;
    bool ready = false; // condition Ready=True
    QList<Condition> conditions;
    QList<ContainerInfo> containers;
    QList<ContainerStatusInfo> containerStatuses; // init containers first, then containers
    QString serviceAccount;

    bool isTerminating() const { return object.hasDeletionTimestamp(); }
    bool isRunningAndReady() const { return phase == u"Running" && ready && !isTerminating(); }
    const Condition *condition(QStringView type) const;
    const ContainerInfo *container(QStringView name) const;
    // The first container (status) that is waiting with a reason, or nullptr.
    const ContainerStatusInfo *firstWaiting() const;
    bool isCrashLooping() const;

    static PodInfo parse(const fd::kube::KubeObject &object);
};

// A Deployment or a DaemonSet, in Deployment terms.
struct WorkloadInfo {
    fd::kube::KubeObject object;
    bool isDaemonSet = false;
    QMap<QString, QString> selector;       // spec.selector.matchLabels
    QMap<QString, QString> templateLabels; // spec.template.metadata.labels
    QList<ContainerInfo> containers;        // spec.template.spec.containers
    int desired = 1;     // spec.replicas (default 1) / status.desiredNumberScheduled
    int current = 0;     // status.replicas / currentNumberScheduled
    int updated = 0;     // status.updatedReplicas / updatedNumberScheduled
    int ready = 0;       // status.readyReplicas / numberReady
    int available = 0;   // status.availableReplicas / numberAvailable
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    QList<Condition> conditions;

    const Condition *condition(QStringView type) const;
    const ContainerInfo *container(QStringView name) const;
    // All pods run the current template and are available (kstatus "Current").
    bool rolloutComplete() const;
    // New pods are still being rolled out: the controller has not seen the latest spec, not every
    // pod runs the current template, or old pods are still around. (Pods that merely are not
    // available are an availability problem, not a rollout.)
    bool rolloutInProgress() const { return observedGeneration < generation || updated < desired || current > desired; }
    // Progressing=False/ProgressDeadlineExceeded: the controller gave up waiting.
    bool progressDeadlineExceeded() const;
    // True when `pod`'s labels match the selector.
    bool selects(const fd::kube::KubeObject &pod) const;

    static WorkloadInfo parse(const fd::kube::KubeObject &object);
};

struct EventInfo {
    fd::kube::KubeObject object;
    QString involvedKind;
    QString involvedNamespace;
    QString involvedName;
    QString involvedUid;
    QString type;   // Normal / Warning
    QString reason; // FailedCreate, Failed, BackOff, FailedScheduling, …
    QString message;
    int count = 1;
    QDateTime lastSeen;

    static EventInfo parse(const fd::kube::KubeObject &object);
};

} // namespace fd::fission
