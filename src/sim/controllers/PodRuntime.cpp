#include "sim/controllers/PodRuntime.h"

#include "sim/controllers/ObjectHelpers.h"

#include <QJsonArray>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

QJsonObject terminatedStateOf(int exitCode, const QString &reason, const QString &startedAt, const QString &finishedAt,
                            const QString &containerId)
{
    QJsonObject state{{u"exitCode"_s, exitCode}, {u"reason"_s, reason}};
    if (!startedAt.isEmpty())
        state.insert(u"startedAt"_s, startedAt);
    if (!finishedAt.isEmpty())
        state.insert(u"finishedAt"_s, finishedAt);
    if (!containerId.isEmpty())
        state.insert(u"containerID"_s, containerId);
    return state;
}

QString podPhaseOf(const PodRuntime &pod)
{
    int waiting = 0;
    int running = 0;
    int stopped = 0;
    int succeeded = 0;
    bool initFailed = false;
    for (const ContainerRuntime &container : pod.containers) {
        if (container.init) {
            if (!container.sidecar && container.state == ContainerState::Terminated && container.exitCode != 0)
                initFailed = true;
            continue;
        }
        switch (container.state) {
        case ContainerState::Running:
            ++running;
            break;
        case ContainerState::Terminated:
            ++stopped;
            if (container.exitCode == 0)
                ++succeeded;
            break;
        case ContainerState::Waiting:
            if (container.lastTerminated.isEmpty())
                ++waiting;
            else
                ++stopped;
            break;
        }
    }
    if (pod.stopped)
        return stopped > 0 && stopped == succeeded && waiting == 0 ? u"Succeeded"_s : u"Failed"_s;
    if (initFailed && pod.restartPolicy == "Never"_L1)
        return u"Failed"_s;
    if (!pod.initDone || waiting > 0)
        return u"Pending"_s;
    if (running > 0)
        return u"Running"_s;
    if (stopped > 0) {
        if (pod.restartPolicy == "Always"_L1)
            return u"Running"_s;
        if (stopped == succeeded)
            return u"Succeeded"_s;
        if (pod.restartPolicy == "Never"_L1)
            return u"Failed"_s;
        return u"Running"_s; // OnFailure: the failed containers are restarting
    }
    return u"Pending"_s;
}

QJsonObject containerStatusOf(const ContainerRuntime &container)
{
    QJsonObject state;
    switch (container.state) {
    case ContainerState::Waiting: {
        QJsonObject waiting{{u"reason"_s, container.waitingReason}};
        if (!container.waitingMessage.isEmpty())
            waiting.insert(u"message"_s, container.waitingMessage);
        state.insert(u"waiting"_s, waiting);
        break;
    }
    case ContainerState::Running:
        state.insert(u"running"_s, QJsonObject{{u"startedAt"_s, container.startedAt}});
        break;
    case ContainerState::Terminated:
        state.insert(u"terminated"_s, terminatedStateOf(container.exitCode, container.terminatedReason, container.startedAt,
                                                      container.finishedAt, container.containerId));
        break;
    }
    QJsonObject status{{u"name"_s, container.name},
                       {u"image"_s, normalizedImageName(container.image)},
                       {u"imageID"_s, container.imageId},
                       {u"ready"_s, container.ready},
                       {u"restartCount"_s, container.restartCount},
                       {u"started"_s, container.started},
                       {u"state"_s, state},
                       {u"lastState"_s, container.lastTerminated.isEmpty()
                                            ? QJsonObject()
                                            : QJsonObject{{u"terminated"_s, container.lastTerminated}}}};
    if (!container.containerId.isEmpty())
        status.insert(u"containerID"_s, container.containerId);
    return status;
}

QJsonObject renderPodStatus(const PodRuntime &pod, const QJsonObject &current, const QString &hostIp,
                            const QString &now)
{
    QJsonObject status = current;
    const QString phase = podPhaseOf(pod);
    const bool terminal = phase == "Succeeded"_L1 || phase == "Failed"_L1;
    status.insert(u"phase"_s, phase);
    status.insert(u"hostIP"_s, hostIp);
    status.insert(u"hostIPs"_s, QJsonArray{QJsonObject{{u"ip"_s, hostIp}}});
    if (!pod.podIp.isEmpty()) {
        status.insert(u"podIP"_s, pod.podIp);
        status.insert(u"podIPs"_s, QJsonArray{QJsonObject{{u"ip"_s, pod.podIp}}});
    }
    status.insert(u"startTime"_s, pod.startTime);

    QStringList unready;
    QStringList uninitialized;
    QJsonArray containerStatuses;
    QJsonArray initStatuses;
    for (const ContainerRuntime &container : pod.containers) {
        if (container.init) {
            initStatuses.append(containerStatusOf(container));
            const bool done = container.sidecar ? container.started
                                                : container.state == ContainerState::Terminated && container.exitCode == 0;
            if (!done)
                uninitialized << container.name;
            continue;
        }
        containerStatuses.append(containerStatusOf(container));
        if (!container.ready)
            unready << container.name;
    }
    status.insert(u"containerStatuses"_s, containerStatuses);
    if (!initStatuses.isEmpty())
        status.insert(u"initContainerStatuses"_s, initStatuses);

    // Conditions in the kubelet's order; PodScheduled (the scheduler's) and anything else
    // someone added are kept.
    const QJsonArray existing = current.value("conditions"_L1).toArray();
    const auto make = [&](const ctrl::Condition &wanted) {
        QJsonArray single;
        const QJsonObject old = ctrl::findCondition(existing, wanted.type);
        if (!old.isEmpty())
            single.append(old);
        ctrl::setCondition(single, wanted, now, ctrl::ConditionStyle::Pod);
        return single.at(0).toObject();
    };
    const auto bracketed = [](const QStringList &names) { return u"["_s + names.join(QLatin1Char(' ')) + u"]"_s; };
    QJsonArray conditions;
    conditions.append(make({u"PodReadyToStartContainers"_s, pod.sandboxReady && !terminal ? u"True"_s : u"False"_s,
                            QString(), QString()}));
    if (uninitialized.isEmpty() || pod.initDone)
        conditions.append(make({u"Initialized"_s, u"True"_s, QString(), QString()}));
    else
        conditions.append(make({u"Initialized"_s, u"False"_s, u"ContainersNotInitialized"_s,
                                u"containers with incomplete status: "_s + bracketed(uninitialized)}));
    ctrl::Condition ready{u"Ready"_s, u"True"_s, QString(), QString()};
    if (phase == "Succeeded"_L1)
        ready = {u"Ready"_s, u"False"_s, u"PodCompleted"_s, QString()};
    else if (!unready.isEmpty())
        ready = {u"Ready"_s, u"False"_s, u"ContainersNotReady"_s, u"containers with unready status: "_s + bracketed(unready)};
    conditions.append(make(ready));
    ctrl::Condition containersReady = ready;
    containersReady.type = u"ContainersReady"_s;
    conditions.append(make(containersReady));
    conditions.append(make({u"PodScheduled"_s, u"True"_s, QString(), QString()}));
    static const QStringList owned{u"PodReadyToStartContainers"_s, u"Initialized"_s, u"Ready"_s, u"ContainersReady"_s,
                                   u"PodScheduled"_s};
    for (const QJsonValue &value : existing) {
        if (!owned.contains(value.toObject().value("type"_L1).toString()))
            conditions.append(value);
    }
    status.insert(u"conditions"_s, conditions);
    return status;
}

} // namespace fd::sim
