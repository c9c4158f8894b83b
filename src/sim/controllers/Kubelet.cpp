#include "sim/controllers/Kubelet.h"

#include "sim/api/LogStore.h"
#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

#include <QCryptographicHash>

#include <algorithm>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kKubeletManager = u"kubelet"_s;
const QString kNodePrefix = u"node\n"_s;

// time.Duration's String(): "250ms", "1.5s", "2m0s".
QString goDuration(qint64 ms)
{
    if (ms < 1000)
        return QString::number(ms) + "ms"_L1;
    const qint64 minutes = ms / 60000;
    const qint64 rest = ms % 60000;
    QString seconds = QString::number(static_cast<double>(rest) / 1000.0, 'f', 3);
    while (seconds.endsWith(QLatin1Char('0')))
        seconds.chop(1);
    if (seconds.endsWith(QLatin1Char('.')))
        seconds.chop(1);
    return minutes > 0 ? QStringLiteral("%1m%2s").arg(minutes).arg(seconds) : seconds + QLatin1Char('s');
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// "docker.io/library/nginx:1.27" -> "docker.io/library/nginx@sha256:…", as containerd reports.
QString imageIdOf(const QString &normalized)
{
    if (normalized.contains(QLatin1Char('@')))
        return normalized;
    const qsizetype slash = normalized.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = normalized.indexOf(QLatin1Char(':'), slash + 1);
    const QString repository = colon < 0 ? normalized : normalized.left(colon);
    return repository + "@sha256:"_L1 + sha256Hex(normalized);
}

QString podDisplayName(const QString &name, const QString &ns, const QString &uid)
{
    // format.Pod: "name_namespace(uid)".
    return QStringLiteral("%1_%2(%3)").arg(name, ns, uid);
}

bool hasProbe(const QJsonObject &container)
{
    return container.contains("readinessProbe"_L1) || container.contains("startupProbe"_L1);
}


} // namespace

Kubelet::Kubelet(ControllerContext *context, QObject *parent)
    : Reconciler(context, parent), m_nodeNames{u"sim-node-1"_s}, m_kubeletVersion(u"v1.33.1"_s)
{
}

QStringList Kubelet::initialKeys() const
{
    QStringList keys;
    for (const QString &node : m_nodeNames)
        keys << kNodePrefix + node;
    for (const ObjectRef &pod : m_ctx->store()->list(m_ctx->types.pods.storageKey())) {
        if (m_nodeNames.contains(ctrl::text(ctrl::specOf(pod->object), "nodeName"_L1)))
            keys << objectKey(namespaceOf(pod->object), nameOf(pod->object));
    }
    return keys;
}

void Kubelet::observe(const StoreEvent &event)
{
    if (!event.object)
        return;
    if (event.storageKey == m_ctx->types.nodes.storageKey()) {
        if (m_nodeNames.contains(event.key) && event.type == StoreEventType::Deleted)
            enqueue(kNodePrefix + event.key);
        return;
    }
    if (event.storageKey != m_ctx->types.pods.storageKey())
        return;
    const QJsonObject &pod = event.object->object;
    if (event.type == StoreEventType::Deleted) {
        const QString uid = uidOf(pod);
        m_pods.remove(uid);
        m_adopted.remove(uid);
        // Log followers see EOF; deferred so that they do not run inside a store commit.
        LogStore *logs = m_ctx->logs;
        QTimer::singleShot(0, this, [logs, uid] {
            if (logs)
                logs->forgetPod(uid);
        });
        return;
    }
    if (m_nodeNames.contains(ctrl::text(ctrl::specOf(pod), "nodeName"_L1)))
        enqueue(event.key);
}

void Kubelet::reconcile(const QString &key)
{
    if (key.startsWith(kNodePrefix))
        ensureNode(key.mid(kNodePrefix.size()));
    else
        syncPod(key);
}

void Kubelet::ensureNode(const QString &name)
{
    const int index = std::max<int>(0, static_cast<int>(m_nodeNames.indexOf(name)));
    const QString cidr = QStringLiteral("10.244.%1.0/24").arg(index);
    const QString hostIp = hostIpOf(name);
    if (!m_ctx->objects->get(m_ctx->types.nodes, {}, name)) {
        const QJsonObject labels{{u"beta.kubernetes.io/arch"_s, u"amd64"_s},
                                 {u"beta.kubernetes.io/os"_s, u"linux"_s},
                                 {u"kubernetes.io/arch"_s, u"amd64"_s},
                                 {u"kubernetes.io/hostname"_s, name},
                                 {u"kubernetes.io/os"_s, u"linux"_s},
                                 {u"node-role.kubernetes.io/control-plane"_s, QString()}};
        const QJsonObject annotations{{u"node.alpha.kubernetes.io/ttl"_s, u"0"_s},
                                      {u"volumes.kubernetes.io/controller-managed-attach-detach"_s, u"true"_s}};
        const QJsonObject node{
            {u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Node"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"labels"_s, labels}, {u"annotations"_s, annotations}}},
            {u"spec"_s, QJsonObject{{u"podCIDR"_s, cidr},
                                    {u"podCIDRs"_s, QJsonArray{cidr}},
                                    {u"providerID"_s, u"sim://"_s + name}}}};
        WriteOptions options;
        options.fieldManager = kKubeletManager;
        const auto created = m_ctx->objects->create(m_ctx->types.nodes, {}, node, options);
        if (!created && created.error().code != 409) {
            retryLater(kNodePrefix + name);
            return;
        }
    }
    const QString now = ctrl::timestamp(m_ctx->objects->now());
    const QJsonObject resources{{u"cpu"_s, u"8"_s},
                                {u"ephemeral-storage"_s, u"102625208Ki"_s},
                                {u"hugepages-1Gi"_s, u"0"_s},
                                {u"hugepages-2Mi"_s, u"0"_s},
                                {u"memory"_s, u"16318540Ki"_s},
                                {u"pods"_s, u"110"_s}};
    const auto condition = [&now](const char *type, const char *status, const char *reason, const char *message) {
        return QJsonObject{{u"type"_s, QString::fromLatin1(type)},
                           {u"status"_s, QString::fromLatin1(status)},
                           {u"lastHeartbeatTime"_s, now},
                           {u"lastTransitionTime"_s, now},
                           {u"reason"_s, QString::fromLatin1(reason)},
                           {u"message"_s, QString::fromLatin1(message)}};
    };
    const QString machineId = sha256Hex(name).left(32);
    const QJsonObject status{
        {u"capacity"_s, resources},
        {u"allocatable"_s, resources},
        {u"conditions"_s,
         QJsonArray{condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                    condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                    condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                    condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")}},
        {u"addresses"_s, QJsonArray{QJsonObject{{u"type"_s, u"InternalIP"_s}, {u"address"_s, hostIp}},
                                    QJsonObject{{u"type"_s, u"Hostname"_s}, {u"address"_s, name}}}},
        {u"daemonEndpoints"_s, QJsonObject{{u"kubeletEndpoint"_s, QJsonObject{{u"Port"_s, 10250}}}}},
        {u"nodeInfo"_s, QJsonObject{{u"architecture"_s, u"amd64"_s},
                                    {u"bootID"_s, sha256Hex(name + "boot"_L1).left(32)},
                                    {u"containerRuntimeVersion"_s, u"containerd://1.7.24"_s},
                                    {u"kernelVersion"_s, u"6.1.0-sim"_s},
                                    {u"kubeProxyVersion"_s, QString()},
                                    {u"kubeletVersion"_s, m_kubeletVersion},
                                    {u"machineID"_s, machineId},
                                    {u"operatingSystem"_s, u"linux"_s},
                                    {u"osImage"_s, u"Debian GNU/Linux 12 (bookworm)"_s},
                                    {u"systemUUID"_s, machineId}}},
        {u"phase"_s, u"Running"_s}};
    const auto written = m_ctx->objects->mutate(
        m_ctx->types.nodes, {}, name,
        [&status](QJsonObject &object) {
            if (ctrl::conditionIsTrue(ctrl::statusOf(object), u"Ready"_s))
                return false; // registered already; heartbeats are not simulated
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, kKubeletManager);
    if (!written)
        retryLater(kNodePrefix + name);
}

PodRuntime *Kubelet::runtime(const QString &uid)
{
    const auto it = m_pods.find(uid);
    return it == m_pods.end() ? nullptr : &it.value();
}

void Kubelet::markDirty(const PodRuntime &pod)
{
    enqueue(objectKey(pod.namespaceName, pod.name));
}

EventSource Kubelet::eventSource(const PodRuntime &pod) const
{
    return EventSource{u"kubelet"_s, pod.node, kKubeletManager};
}

QString Kubelet::fieldPath(const ContainerRuntime &container) const
{
    return QStringLiteral("spec.%1{%2}").arg(container.init ? u"initContainers"_s : u"containers"_s, container.name);
}

QString Kubelet::allocatePodIp(const QString &node)
{
    const int index = std::max<int>(0, static_cast<int>(m_nodeNames.indexOf(node)));
    int &last = m_nextIp[node];
    last = last >= 254 ? 2 : std::max(last + 1, 2);
    return QStringLiteral("10.244.%1.%2").arg(index).arg(last);
}

QString Kubelet::hostIpOf(const QString &node) const
{
    const int index = std::max<int>(0, static_cast<int>(m_nodeNames.indexOf(node)));
    return QStringLiteral("172.18.0.%1").arg(index + 2);
}

void Kubelet::syncPod(const QString &key)
{
    const ObjectRef current = m_ctx->objects->get(m_ctx->types.pods, namespaceOfKey(key), nameOfKey(key));
    if (!current)
        return;
    const QJsonObject &pod = current->object;
    if (!m_nodeNames.contains(ctrl::text(ctrl::specOf(pod), "nodeName"_L1)))
        return;
    const QString uid = uidOf(pod);
    PodRuntime *rt = runtime(uid);
    if (!rt) {
        if (ctrl::podIsTerminal(pod)) {
            // Finished before this kubelet knew it: nothing runs, only a deletion to finish.
            if (ctrl::isDeleting(pod)) {
                DeleteOptions options;
                options.gracePeriodSeconds = 0;
                options.preconditionUid = uid;
                m_ctx->objects->remove(m_ctx->types.pods, namespaceOf(pod), nameOf(pod), options);
            }
            return;
        }
        if (!adoptRunning(pod))
            admit(pod);
        rt = runtime(uid);
    }
    rt->pod = pod;
    if (ctrl::isDeleting(pod) && !rt->terminating)
        beginTermination(*rt);
    if (m_adopted.contains(uid)) {
        if (!rt->terminating)
            return;
        m_adopted.remove(uid);
    }

    const QJsonObject before = ctrl::statusOf(pod);
    const QJsonObject status =
        renderPodStatus(*rt, before, hostIpOf(rt->node), ctrl::timestamp(m_ctx->objects->now()));
    if (status != before) {
        const auto written = m_ctx->objects->mutate(
            m_ctx->types.pods, rt->namespaceName, rt->name,
            [&status, &uid](QJsonObject &object) {
                if (uidOf(object) != uid || ctrl::statusOf(object) == status)
                    return false;
                object.insert(u"status"_s, status);
                return true;
            },
            u"status"_s, kKubeletManager);
        if (!written) {
            if (written.error().code != 404)
                retryLater(key);
            return;
        }
        if (PodRuntime *again = runtime(uid))
            again->pod = written->object->object;
    }
    rt = runtime(uid);
    if (rt && rt->terminating && rt->stopped && !rt->removeRequested) {
        rt->removeRequested = true;
        DeleteOptions options;
        options.gracePeriodSeconds = 0;
        options.preconditionUid = uid;
        const auto removed = m_ctx->objects->remove(m_ctx->types.pods, rt->namespaceName, rt->name, options);
        if (!removed && removed.error().code != 404) {
            if (PodRuntime *again = runtime(uid))
                again->removeRequested = false;
            retryLater(key);
        }
    }
}

bool Kubelet::adoptRunning(const QJsonObject &pod)
{
    // Only a pod whose stored status already says every container runs: a pod the kubelet
    // "finds" running, as after a kubelet restart. Nothing is pulled, started, logged or
    // written, so that a large pre-written population costs one bookkeeping entry each.
    const QJsonObject status = ctrl::statusOf(pod);
    const QJsonObject spec = ctrl::specOf(pod);
    if (ctrl::text(status, "phase"_L1) != "Running"_L1 || !spec.value("initContainers"_L1).toArray().isEmpty())
        return false;
    const QJsonArray containers = spec.value("containers"_L1).toArray();
    const QJsonArray statuses = status.value("containerStatuses"_L1).toArray();
    if (containers.isEmpty() || statuses.size() != containers.size())
        return false;
    PodRuntime rt;
    rt.namespaceName = namespaceOf(pod);
    rt.name = nameOf(pod);
    rt.uid = uidOf(pod);
    rt.pod = pod;
    rt.node = ctrl::text(spec, "nodeName"_L1);
    rt.restartPolicy = ctrl::text(spec, "restartPolicy"_L1);
    if (rt.restartPolicy.isEmpty())
        rt.restartPolicy = u"Always"_s;
    rt.startTime = ctrl::text(status, "startTime"_L1);
    rt.podIp = ctrl::text(status, "podIP"_L1);
    rt.sandboxReady = true;
    rt.initDone = true;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QJsonObject containerStatus = statuses.at(i).toObject();
        const QJsonObject running = containerStatus.value("state"_L1).toObject().value("running"_L1).toObject();
        ContainerRuntime container;
        container.spec = containers.at(i).toObject();
        container.name = ctrl::text(container.spec, "name"_L1);
        if (ctrl::text(containerStatus, "name"_L1) != container.name || running.isEmpty())
            return false;
        container.image = ctrl::text(container.spec, "image"_L1);
        container.state = ContainerState::Running;
        container.startedAt = ctrl::text(running, "startedAt"_L1);
        container.containerId = ctrl::text(containerStatus, "containerID"_L1);
        container.imageId = ctrl::text(containerStatus, "imageID"_L1);
        container.ready = containerStatus.value("ready"_L1).toBool();
        container.started = true;
        container.everStarted = true;
        container.restartCount = containerStatus.value("restartCount"_L1).toInt();
        container.instance = 1;
        rt.containers.append(container);
    }
    // Their logs start empty: `kubectl logs` answers rather than failing.
    if (m_ctx->logs) {
        for (const ContainerRuntime &container : std::as_const(rt.containers))
            m_ctx->logs->start(rt.uid, container.name);
    }
    m_adopted.insert(rt.uid);
    m_pods.insert(rt.uid, rt);
    return true;
}

void Kubelet::admit(const QJsonObject &pod)
{
    PodRuntime rt;
    rt.namespaceName = namespaceOf(pod);
    rt.name = nameOf(pod);
    rt.uid = uidOf(pod);
    rt.pod = pod;
    const QJsonObject spec = ctrl::specOf(pod);
    rt.node = ctrl::text(spec, "nodeName"_L1);
    rt.restartPolicy = ctrl::text(spec, "restartPolicy"_L1);
    if (rt.restartPolicy.isEmpty())
        rt.restartPolicy = u"Always"_s;
    rt.startTime = ctrl::timestamp(m_ctx->objects->now());
    const QJsonArray initContainers = spec.value("initContainers"_L1).toArray();
    const QJsonArray containers = spec.value("containers"_L1).toArray();
    for (const QJsonValue &value : initContainers) {
        ContainerRuntime container;
        container.spec = value.toObject();
        container.name = ctrl::text(container.spec, "name"_L1);
        container.image = ctrl::text(container.spec, "image"_L1);
        container.init = true;
        container.sidecar = ctrl::text(container.spec, "restartPolicy"_L1) == "Always"_L1;
        container.waitingReason = u"PodInitializing"_s;
        rt.containers.append(container);
    }
    for (const QJsonValue &value : containers) {
        ContainerRuntime container;
        container.spec = value.toObject();
        container.name = ctrl::text(container.spec, "name"_L1);
        container.image = ctrl::text(container.spec, "image"_L1);
        container.waitingReason = initContainers.isEmpty() ? u"ContainerCreating"_s : u"PodInitializing"_s;
        rt.containers.append(container);
    }
    rt.initDone = initContainers.isEmpty();
    const QString uid = rt.uid;
    m_pods.insert(uid, rt);
    // Sandbox creation, CNI and the first image pulls.
    QTimer::singleShot(m_ctx->timing.podStartDelayMs, this, [this, uid] {
        PodRuntime *admitted = runtime(uid);
        if (!admitted || admitted->terminating)
            return;
        admitted->sandboxReady = true;
        admitted->podIp = allocatePodIp(admitted->node);
        advance(*admitted);
        markDirty(*admitted);
    });
}

void Kubelet::advance(PodRuntime &pod)
{
    if (pod.terminating || !pod.sandboxReady)
        return;
    if (!pod.initDone) {
        for (int i = 0; i < pod.containers.size(); ++i) {
            ContainerRuntime &container = pod.containers[i];
            if (!container.init)
                continue;
            if (container.sidecar) {
                if (!container.everStarted && !container.actionPending)
                    startContainer(pod, i);
                if (!pod.containers[i].started)
                    return;
                continue;
            }
            if (container.state == ContainerState::Terminated && container.exitCode == 0)
                continue;
            if (container.state == ContainerState::Waiting && !container.everStarted && !container.actionPending)
                startContainer(pod, i);
            return;
        }
        pod.initDone = true;
        for (ContainerRuntime &container : pod.containers) {
            if (!container.init)
                container.waitingReason = u"ContainerCreating"_s;
        }
    }
    for (int i = 0; i < pod.containers.size(); ++i) {
        const ContainerRuntime &container = pod.containers.at(i);
        if (!container.init && container.state == ContainerState::Waiting && !container.everStarted && !container.actionPending)
            startContainer(pod, i);
    }
}

void Kubelet::schedule(const PodRuntime &pod, int index, int delayMs,
                       std::function<void(PodRuntime &, ContainerRuntime &)> action, bool statusChanges)
{
    const QString uid = pod.uid;
    const int epoch = pod.epoch;
    const int instance = pod.containers.at(index).instance;
    QTimer::singleShot(std::max(0, delayMs), this, [this, uid, epoch, instance, index, statusChanges, action = std::move(action)] {
        PodRuntime *current = runtime(uid);
        if (!current || current->epoch != epoch || index >= current->containers.size())
            return;
        ContainerRuntime &container = current->containers[index];
        if (container.instance != instance)
            return;
        action(*current, container);
        if (PodRuntime *after = runtime(uid); after && statusChanges)
            markDirty(*after);
    });
}

void Kubelet::scheduleLogTick(const PodRuntime &pod, int index, int tick)
{
    const int interval = pod.containers.at(index).plan.periodicIntervalMs;
    schedule(
        pod, index, interval,
        [this, index, tick](PodRuntime &current, ContainerRuntime &running) {
            if (running.state != ContainerState::Running || !m_ctx->logs || !running.plan.periodicLine)
                return;
            m_ctx->logs->append(current.uid, running.name, running.plan.periodicLine(tick), m_ctx->objects->now());
            scheduleLogTick(current, index, tick + 1);
        },
        false);
}

void Kubelet::pullEvents(PodRuntime &pod, ContainerRuntime &container)
{
    const QString normalized = normalizedImageName(container.image);
    QSet<QString> &present = m_imagesOnNode[pod.node];
    const QString policy = ctrl::text(container.spec, "imagePullPolicy"_L1);
    const EventSource source = eventSource(pod);
    const QString path = fieldPath(container);
    if (policy == "Always"_L1 || (policy != "Never"_L1 && !present.contains(normalized))) {
        m_ctx->events->normal(pod.pod, u"Pulling"_s, QStringLiteral("Pulling image \"%1\"").arg(container.image), source,
                              path);
        const QString took = goDuration(m_ctx->timing.imagePullMs);
        const quint64 size = 5000000ull + qHash(normalized) % 95000000ull;
        m_ctx->events->normal(pod.pod, u"Pulled"_s,
                              QStringLiteral("Successfully pulled image \"%1\" in %2 (%2 including waiting). Image size: %3 bytes.")
                                  .arg(container.image, took)
                                  .arg(size),
                              source, path);
        present.insert(normalized);
    } else {
        m_ctx->events->normal(pod.pod, u"Pulled"_s,
                              QStringLiteral("Container image \"%1\" already present on machine").arg(container.image),
                              source, path);
    }
}

void Kubelet::startContainer(PodRuntime &pod, int index)
{
    ContainerRuntime &container = pod.containers[index];
    container.actionPending = false;
    ContainerContext context;
    context.namespaceName = pod.namespaceName;
    context.podName = pod.name;
    context.podUid = pod.uid;
    context.containerName = container.name;
    context.image = container.image;
    context.container = container.spec;
    context.pod = pod.pod;
    context.restartPolicy = container.sidecar ? u"Always"_s : pod.restartPolicy;
    context.initContainer = container.init && !container.sidecar;
    context.restartCount = container.restartCount;
    container.plan = m_ctx->behaviors->planFor(context, m_ctx->timing);
    if (container.plan.pullError) {
        failPull(pod, index);
        return;
    }
    pullEvents(pod, container);

    const EventSource source = eventSource(pod);
    const QString path = fieldPath(container);
    const QString now = ctrl::timestamp(m_ctx->objects->now());
    ++container.instance;
    container.containerId = u"containerd://"_s + ctrl::randomHex(64);
    container.imageId = imageIdOf(normalizedImageName(container.image));
    container.state = ContainerState::Running;
    container.startedAt = now;
    container.started = true;
    container.everStarted = true;
    container.waitingReason.clear();
    container.waitingMessage.clear();
    m_ctx->events->normal(pod.pod, u"Created"_s, u"Created container: "_s + container.name, source, path);
    m_ctx->events->normal(pod.pod, u"Started"_s, u"Started container "_s + container.name, source, path);

    if (m_ctx->logs) {
        if (container.instance == 1)
            m_ctx->logs->start(pod.uid, container.name);
        else
            m_ctx->logs->restart(pod.uid, container.name);
        for (const QByteArray &line : std::as_const(container.plan.startupLines))
            m_ctx->logs->append(pod.uid, container.name, line, m_ctx->objects->now());
    }

    const bool runsToCompletion = container.init && !container.sidecar;
    const int readyAfter = container.plan.readyAfterMs.value_or(
        hasProbe(container.spec) ? m_ctx->timing.containerReadyDelayMs : 0);
    if (!runsToCompletion) {
        if (readyAfter <= 0) {
            container.ready = true;
        } else {
            schedule(pod, index, readyAfter, [this](PodRuntime &current, ContainerRuntime &started) {
                if (started.state != ContainerState::Running)
                    return;
                started.ready = true;
                if (started.sidecar)
                    advance(current);
            });
        }
    }
    const ContainerPlan &plan = container.plan;
    if (plan.periodicIntervalMs > 0 && plan.periodicLine)
        scheduleLogTick(pod, index, 1);
    if (plan.exitCode) {
        const int code = *plan.exitCode;
        schedule(pod, index, plan.exitAfterMs, [this, index, code](PodRuntime &current, ContainerRuntime &running) {
            if (running.state == ContainerState::Running)
                exitContainer(current, index, code);
        });
    }
}

void Kubelet::failPull(PodRuntime &pod, int index)
{
    ContainerRuntime &container = pod.containers[index];
    const EventSource source = eventSource(pod);
    const QString path = fieldPath(container);
    const QString error = *container.plan.pullError;
    ++container.pullFailures;
    m_ctx->events->normal(pod.pod, u"Pulling"_s, QStringLiteral("Pulling image \"%1\"").arg(container.image), source, path);
    m_ctx->events->warning(pod.pod, u"Failed"_s,
                           QStringLiteral("Failed to pull image \"%1\": %2").arg(container.image, error), source, path);
    m_ctx->events->warning(pod.pod, u"Failed"_s, u"Error: ErrImagePull"_s, source, path);
    container.state = ContainerState::Waiting;
    container.waitingReason = u"ErrImagePull"_s;
    container.waitingMessage = error;
    container.actionPending = true;
    const qint64 backoff = std::min<qint64>(static_cast<qint64>(m_ctx->timing.imagePullBackoffBaseMs)
                                                << std::min(container.pullFailures - 1, 16),
                                            m_ctx->timing.imagePullBackoffMaxMs);
    const QString image = container.image;
    schedule(pod, index, static_cast<int>(backoff / 2), [this, image, source, path](PodRuntime &current, ContainerRuntime &waiting) {
        if (!waiting.actionPending)
            return;
        const QString message = QStringLiteral("Back-off pulling image \"%1\"").arg(image);
        waiting.waitingReason = u"ImagePullBackOff"_s;
        waiting.waitingMessage = message;
        m_ctx->events->normal(current.pod, u"BackOff"_s, message, source, path);
        m_ctx->events->warning(current.pod, u"Failed"_s, u"Error: ImagePullBackOff"_s, source, path);
    });
    schedule(pod, index, static_cast<int>(backoff), [this, index](PodRuntime &current, ContainerRuntime &waiting) {
        if (waiting.actionPending)
            startContainer(current, index);
    });
}

void Kubelet::exitContainer(PodRuntime &pod, int index, int exitCode)
{
    ContainerRuntime &container = pod.containers[index];
    if (m_ctx->logs) {
        for (const QByteArray &line : std::as_const(container.plan.exitLines))
            m_ctx->logs->append(pod.uid, container.name, line, m_ctx->objects->now());
        m_ctx->logs->terminate(pod.uid, container.name);
    }
    container.state = ContainerState::Terminated;
    container.exitCode = exitCode;
    container.terminatedReason = exitCode == 0 ? u"Completed"_s : u"Error"_s;
    container.finishedAt = ctrl::timestamp(m_ctx->objects->now());
    container.ready = false;
    container.started = false;
    ++container.exits;
    if (pod.terminating)
        return;
    if (container.init && !container.sidecar && exitCode == 0) {
        container.ready = true;
        advance(pod);
        return;
    }
    const QString policy = container.sidecar ? u"Always"_s : pod.restartPolicy;
    const bool restart = policy == "Always"_L1 || (policy == "OnFailure"_L1 && exitCode != 0);
    if (restart) {
        scheduleRestart(pod, index);
        return;
    }
    // The pod's main containers are done for good: sidecars are stopped too.
    const QString phase = podPhaseOf(pod);
    if (phase == "Succeeded"_L1 || phase == "Failed"_L1) {
        for (ContainerRuntime &other : pod.containers) {
            if (other.sidecar && other.state == ContainerState::Running) {
                if (m_ctx->logs)
                    m_ctx->logs->terminate(pod.uid, other.name);
                other.state = ContainerState::Terminated;
                other.exitCode = 0;
                other.terminatedReason = u"Completed"_s;
                other.finishedAt = container.finishedAt;
                other.ready = false;
                other.started = false;
            }
        }
        pod.sandboxReady = false;
    }
}

void Kubelet::scheduleRestart(PodRuntime &pod, int index)
{
    ContainerRuntime &container = pod.containers[index];
    container.actionPending = true;
    const auto restartNow = [this, index](PodRuntime &current, ContainerRuntime &crashed) {
        if (crashed.state == ContainerState::Terminated)
            crashed.lastTerminated = terminatedStateOf(crashed.exitCode, crashed.terminatedReason, crashed.startedAt,
                                                     crashed.finishedAt, crashed.containerId);
        ++crashed.restartCount;
        startContainer(current, index);
    };
    // The kubelet's next sync restarts a container at once the first time; after that
    // the CrashLoopBackOff back-off doubles per crash.
    const int syncDelay = std::max(1, m_ctx->timing.crashBackoffBaseMs / 10);
    if (container.exits <= 1) {
        schedule(pod, index, syncDelay, restartNow);
        return;
    }
    const qint64 backoff = std::min<qint64>(static_cast<qint64>(m_ctx->timing.crashBackoffBaseMs)
                                                << std::min(container.exits - 2, 16),
                                            m_ctx->timing.crashBackoffMaxMs);
    schedule(pod, index, syncDelay, [this, backoff, index, restartNow](PodRuntime &current, ContainerRuntime &crashed) {
        crashed.lastTerminated = terminatedStateOf(crashed.exitCode, crashed.terminatedReason, crashed.startedAt,
                                                 crashed.finishedAt, crashed.containerId);
        crashed.state = ContainerState::Waiting;
        crashed.waitingReason = u"CrashLoopBackOff"_s;
        crashed.waitingMessage = QStringLiteral("back-off %1 restarting failed container=%2 pod=%3")
                                     .arg(goDuration(backoff), crashed.name,
                                          podDisplayName(current.name, current.namespaceName, current.uid));
        m_ctx->events->warning(current.pod, u"BackOff"_s,
                               QStringLiteral("Back-off restarting failed container %1 in pod %2")
                                   .arg(crashed.name, podDisplayName(current.name, current.namespaceName, current.uid)),
                               eventSource(current), fieldPath(crashed));
        schedule(current, index, static_cast<int>(backoff), restartNow);
    });
}

void Kubelet::beginTermination(PodRuntime &pod)
{
    pod.terminating = true;
    ++pod.epoch;
    for (ContainerRuntime &container : pod.containers) {
        container.actionPending = false;
        if (container.state == ContainerState::Running)
            m_ctx->events->normal(pod.pod, u"Killing"_s, u"Stopping container "_s + container.name, eventSource(pod),
                                  fieldPath(container));
    }
    const QJsonObject metadata = metadataOf(pod.pod);
    const qint64 graceSeconds = metadata.value("deletionGracePeriodSeconds"_L1)
                                    .toInteger(ctrl::specOf(pod.pod).value("terminationGracePeriodSeconds"_L1).toInteger(30));
    const qint64 graceMs = std::clamp<qint64>(graceSeconds * 1000, 0, m_ctx->timing.gracefulTerminationMs);
    const QString uid = pod.uid;
    QTimer::singleShot(static_cast<int>(graceMs), this, [this, uid] {
        PodRuntime *current = runtime(uid);
        if (!current || current->stopped)
            return;
        stopAll(*current);
        markDirty(*current);
    });
}

void Kubelet::stopAll(PodRuntime &pod)
{
    const QString now = ctrl::timestamp(m_ctx->objects->now());
    for (ContainerRuntime &container : pod.containers) {
        if (container.state != ContainerState::Running)
            continue;
        if (m_ctx->logs)
            m_ctx->logs->terminate(pod.uid, container.name);
        container.state = ContainerState::Terminated;
        container.exitCode = container.plan.terminationExitCode;
        container.terminatedReason = container.exitCode == 0 ? u"Completed"_s : u"Error"_s;
        container.finishedAt = now;
        container.ready = false;
        container.started = false;
    }
    pod.stopped = true;
    pod.sandboxReady = false;
}

} // namespace fd::sim

#include "moc_Kubelet.cpp"
