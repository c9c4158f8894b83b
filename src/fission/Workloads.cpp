#include "fission/Workloads.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using fd::kube::KubeObject;

namespace fd::fission {

namespace {

QList<Condition> readConditions(const QJsonValue &value)
{
    QList<Condition> out;
    for (const QJsonValue v : value.toArray()) {
        const Condition cond = Condition::fromJson(v.toObject());
        if (!cond.type.isEmpty())
            out.append(cond);
    }
    return out;
}

const Condition *findCondition(const QList<Condition> &conditions, QStringView type)
{
    for (const Condition &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

QList<ContainerInfo> readContainers(const QJsonValue &value)
{
    QList<ContainerInfo> out;
    for (const QJsonValue v : value.toArray()) {
        const QJsonObject c = v.toObject();
        ContainerInfo info;
        info.name = c.value(u"name"_s).toString();
        info.image = c.value(u"image"_s).toString();
        for (const QJsonValue e : c.value(u"env"_s).toArray()) {
            const QJsonObject o = e.toObject();
            EnvVar var;
            var.name = o.value(u"name"_s).toString();
            var.value = o.value(u"value"_s).toString();
            var.fromReference = o.contains(u"valueFrom"_s);
            info.env.append(var);
        }
        out.append(info);
    }
    return out;
}

const ContainerInfo *findContainer(const QList<ContainerInfo> &containers, QStringView name)
{
    for (const ContainerInfo &c : containers) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QMap<QString, QString> readStringMap(const QJsonValue &value)
{
    QMap<QString, QString> out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

ContainerStatusInfo readContainerStatus(const QJsonObject &s)
{
    ContainerStatusInfo info;
    info.name = s.value(u"name"_s).toString();
    info.ready = s.value(u"ready"_s).toBool();
    info.restartCount = s.value(u"restartCount"_s).toInt();
    const QJsonObject state = s.value(u"state"_s).toObject();
    const QJsonObject waiting = state.value(u"waiting"_s).toObject();
    info.waitingReason = waiting.value(u"reason"_s).toString();
    info.waitingMessage = waiting.value(u"message"_s).toString();
    info.running = state.contains(u"running"_s);
    const QJsonObject terminated = state.value(u"terminated"_s).toObject();
    info.terminatedReason = terminated.value(u"reason"_s).toString();
    info.terminatedExitCode = terminated.value(u"exitCode"_s).toInt();
    const QJsonObject last = s.value(u"lastState"_s).toObject().value(u"terminated"_s).toObject();
    info.lastTerminatedReason = last.value(u"reason"_s).toString();
    info.lastTerminatedExitCode = last.value(u"exitCode"_s).toInt();
    return info;
}

} // namespace

// ---- ContainerInfo ---------------------------------------------------------------------------

std::optional<QString> ContainerInfo::envValue(QStringView name) const
{
    for (const EnvVar &var : env) {
        if (var.name == name)
            return var.value;
    }
    return std::nullopt;
}

QString ContainerInfo::imageTag() const
{
    if (image.contains(u'@'))
        return {};
    const qsizetype colon = image.lastIndexOf(u':');
    const qsizetype slash = image.lastIndexOf(u'/');
    if (colon < 0 || colon < slash)
        return {};
    return image.mid(colon + 1);
}

// ---- PodInfo ---------------------------------------------------------------------------------

PodInfo PodInfo::parse(const KubeObject &object)
{
    PodInfo pod;
    pod.object = object;
    const QJsonObject root = object.toJsonObject();
    const QJsonObject spec = root.value(u"spec"_s).toObject();
    const QJsonObject status = root.value(u"status"_s).toObject();
    pod.phase = status.value(u"phase"_s).toString();
    pod.conditions = readConditions(status.value(u"conditions"_s));
    const Condition *ready = findCondition(pod.conditions, u"Ready");
    pod.ready = ready && ready->isTrue();
    pod.containers = readContainers(spec.value(u"containers"_s));
    pod.serviceAccount = spec.value(u"serviceAccountName"_s).toString();
    for (const auto *key : {"initContainerStatuses", "containerStatuses"}) {
        for (const QJsonValue v : status.value(QLatin1StringView(key)).toArray())
            pod.containerStatuses.append(readContainerStatus(v.toObject()));
    }
    return pod;
}

const Condition *PodInfo::condition(QStringView type) const
{
    return findCondition(conditions, type);
}

const ContainerInfo *PodInfo::container(QStringView name) const
{
    return findContainer(containers, name);
}

const ContainerStatusInfo *PodInfo::firstWaiting() const
{
    for (const ContainerStatusInfo &s : containerStatuses) {
        if (!s.waitingReason.isEmpty() && s.waitingReason != u"PodInitializing" && s.waitingReason != u"ContainerCreating")
            return &s;
    }
    return nullptr;
}

bool PodInfo::isCrashLooping() const
{
    for (const ContainerStatusInfo &s : containerStatuses) {
        if (s.waitingReason == u"CrashLoopBackOff")
            return true;
    }
    return false;
}

// ---- WorkloadInfo ----------------------------------------------------------------------------

WorkloadInfo WorkloadInfo::parse(const KubeObject &object)
{
    WorkloadInfo w;
    w.object = object;
    w.isDaemonSet = object.kind() == u"DaemonSet";
    const QJsonObject root = object.toJsonObject();
    const QJsonObject spec = root.value(u"spec"_s).toObject();
    const QJsonObject status = root.value(u"status"_s).toObject();
    const QJsonObject podTemplate = spec.value(u"template"_s).toObject();
    w.selector = readStringMap(spec.value(u"selector"_s).toObject().value(u"matchLabels"_s));
    w.templateLabels = readStringMap(podTemplate.value(u"metadata"_s).toObject().value(u"labels"_s));
    w.containers = readContainers(podTemplate.value(u"spec"_s).toObject().value(u"containers"_s));
    w.generation = object.generation();
    w.observedGeneration = status.value(u"observedGeneration"_s).toInteger();
    w.conditions = readConditions(status.value(u"conditions"_s));
    if (w.isDaemonSet) {
        w.desired = status.value(u"desiredNumberScheduled"_s).toInt();
        w.current = status.value(u"currentNumberScheduled"_s).toInt();
        w.updated = status.value(u"updatedNumberScheduled"_s).toInt();
        w.ready = status.value(u"numberReady"_s).toInt();
        w.available = status.value(u"numberAvailable"_s).toInt();
    } else {
        w.desired = spec.contains(u"replicas"_s) ? spec.value(u"replicas"_s).toInt() : 1;
        w.current = status.value(u"replicas"_s).toInt();
        w.updated = status.value(u"updatedReplicas"_s).toInt();
        w.ready = status.value(u"readyReplicas"_s).toInt();
        w.available = status.value(u"availableReplicas"_s).toInt();
    }
    return w;
}

const Condition *WorkloadInfo::condition(QStringView type) const
{
    return findCondition(conditions, type);
}

const ContainerInfo *WorkloadInfo::container(QStringView name) const
{
    return findContainer(containers, name);
}

bool WorkloadInfo::rolloutComplete() const
{
    if (observedGeneration < generation)
        return false;
    return updated >= desired && current <= desired && available >= desired;
}

bool WorkloadInfo::progressDeadlineExceeded() const
{
    const Condition *c = condition(u"Progressing");
    return c && c->isFalse() && c->reason == u"ProgressDeadlineExceeded";
}

bool WorkloadInfo::selects(const KubeObject &pod) const
{
    if (selector.isEmpty() || pod.namespaceName() != object.namespaceName())
        return false;
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        const auto value = pod.label(it.key());
        if (!value || *value != it.value())
            return false;
    }
    return true;
}

// ---- EventInfo -------------------------------------------------------------------------------

EventInfo EventInfo::parse(const KubeObject &object)
{
    EventInfo e;
    e.object = object;
    const QJsonObject root = object.toJsonObject();
    const QJsonObject involved = root.value(u"involvedObject"_s).toObject();
    e.involvedKind = involved.value(u"kind"_s).toString();
    e.involvedNamespace = involved.value(u"namespace"_s).toString();
    e.involvedName = involved.value(u"name"_s).toString();
    e.involvedUid = involved.value(u"uid"_s).toString();
    e.type = root.value(u"type"_s).toString();
    e.reason = root.value(u"reason"_s).toString();
    e.message = root.value(u"message"_s).toString();
    e.count = root.contains(u"count"_s) ? root.value(u"count"_s).toInt() : 1;
    QString last = root.value(u"lastTimestamp"_s).toString();
    if (last.isEmpty())
        last = root.value(u"eventTime"_s).toString();
    if (last.isEmpty())
        last = object.creationTimestamp();
    e.lastSeen = parseKubeTime(last);
    return e;
}

} // namespace fd::fission
