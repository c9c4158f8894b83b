#include "sim/api/Defaulting.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

namespace fd::sim {

namespace {

void setIfMissing(QJsonObject &object, const QString &key, const QJsonValue &value)
{
    if (!object.contains(key) || object.value(key).isNull())
        object.insert(key, value);
}

QJsonObject child(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

void defaultContainer(QJsonObject &container)
{
    setIfMissing(container, QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log"));
    setIfMissing(container, QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
    const QString image = container.value(QLatin1String("image")).toString();
    const bool latest = !image.contains(QLatin1Char(':')) || image.endsWith(QLatin1String(":latest"));
    setIfMissing(container, QStringLiteral("imagePullPolicy"), latest ? QStringLiteral("Always") : QStringLiteral("IfNotPresent"));
    setIfMissing(container, QStringLiteral("resources"), QJsonObject());
    QJsonArray ports = container.value(QLatin1String("ports")).toArray();
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QJsonObject port = ports.at(i).toObject();
        setIfMissing(port, QStringLiteral("protocol"), QStringLiteral("TCP"));
        ports.replace(i, port);
    }
    if (!ports.isEmpty())
        container.insert(QStringLiteral("ports"), ports);
}

void defaultContainers(QJsonObject &podSpec, const char *field)
{
    QJsonArray containers = podSpec.value(QLatin1String(field)).toArray();
    if (containers.isEmpty())
        return;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject container = containers.at(i).toObject();
        defaultContainer(container);
        containers.replace(i, container);
    }
    podSpec.insert(QLatin1String(field), containers);
}

void defaultTemplate(QJsonObject &spec, Defaulting)
{
    QJsonObject podTemplate = child(spec, "template");
    QJsonObject podSpec = child(podTemplate, "spec");
    defaultPodSpec(podSpec);
    podTemplate.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), podTemplate);
}

void defaultDeployment(QJsonObject &object, Defaulting when)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("replicas"), 1);
    setIfMissing(spec, QStringLiteral("revisionHistoryLimit"), 10);
    setIfMissing(spec, QStringLiteral("progressDeadlineSeconds"), 600);
    QJsonObject strategy = child(spec, "strategy");
    setIfMissing(strategy, QStringLiteral("type"), QStringLiteral("RollingUpdate"));
    if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
        QJsonObject rolling = child(strategy, "rollingUpdate");
        setIfMissing(rolling, QStringLiteral("maxUnavailable"), QStringLiteral("25%"));
        setIfMissing(rolling, QStringLiteral("maxSurge"), QStringLiteral("25%"));
        strategy.insert(QStringLiteral("rollingUpdate"), rolling);
    }
    spec.insert(QStringLiteral("strategy"), strategy);
    defaultTemplate(spec, when);
    object.insert(QStringLiteral("spec"), spec);
}

void defaultReplicaSet(QJsonObject &object, Defaulting when)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("replicas"), 1);
    defaultTemplate(spec, when);
    object.insert(QStringLiteral("spec"), spec);
}

void defaultDaemonSet(QJsonObject &object, Defaulting when)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("revisionHistoryLimit"), 10);
    QJsonObject strategy = child(spec, "updateStrategy");
    setIfMissing(strategy, QStringLiteral("type"), QStringLiteral("RollingUpdate"));
    if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
        QJsonObject rolling = child(strategy, "rollingUpdate");
        setIfMissing(rolling, QStringLiteral("maxUnavailable"), 1);
        setIfMissing(rolling, QStringLiteral("maxSurge"), 0);
        strategy.insert(QStringLiteral("rollingUpdate"), rolling);
    }
    spec.insert(QStringLiteral("updateStrategy"), strategy);
    defaultTemplate(spec, when);
    object.insert(QStringLiteral("spec"), spec);
}

void defaultStatefulSet(QJsonObject &object, Defaulting when)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("replicas"), 1);
    setIfMissing(spec, QStringLiteral("podManagementPolicy"), QStringLiteral("OrderedReady"));
    setIfMissing(spec, QStringLiteral("revisionHistoryLimit"), 10);
    QJsonObject strategy = child(spec, "updateStrategy");
    setIfMissing(strategy, QStringLiteral("type"), QStringLiteral("RollingUpdate"));
    spec.insert(QStringLiteral("updateStrategy"), strategy);
    defaultTemplate(spec, when);
    object.insert(QStringLiteral("spec"), spec);
}

void defaultJob(QJsonObject &object, Defaulting when)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("completions"), 1);
    setIfMissing(spec, QStringLiteral("parallelism"), 1);
    setIfMissing(spec, QStringLiteral("backoffLimit"), 6);
    setIfMissing(spec, QStringLiteral("completionMode"), QStringLiteral("NonIndexed"));
    setIfMissing(spec, QStringLiteral("suspend"), false);
    if (when == Defaulting::Create && !spec.contains(QLatin1String("selector"))
        && !spec.value(QLatin1String("manualSelector")).toBool()) {
        // The Job controller's generated selector: a uid label on the template.
        const QString uid = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
        QJsonObject podTemplate = child(spec, "template");
        QJsonObject templateMetadata = child(podTemplate, "metadata");
        QJsonObject labels = child(templateMetadata, "labels");
        labels.insert(QStringLiteral("controller-uid"), uid);
        labels.insert(QStringLiteral("batch.kubernetes.io/controller-uid"), uid);
        labels.insert(QStringLiteral("job-name"), object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString());
        labels.insert(QStringLiteral("batch.kubernetes.io/job-name"), object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString());
        templateMetadata.insert(QStringLiteral("labels"), labels);
        podTemplate.insert(QStringLiteral("metadata"), templateMetadata);
        spec.insert(QStringLiteral("template"), podTemplate);
        spec.insert(QStringLiteral("selector"),
                    QJsonObject{{QStringLiteral("matchLabels"),
                                 QJsonObject{{QStringLiteral("batch.kubernetes.io/controller-uid"), uid}}}});
    }
    defaultTemplate(spec, when);
    QJsonObject podSpec = child(child(spec, "template"), "spec");
    if (podSpec.value(QLatin1String("restartPolicy")).toString() == QLatin1String("Always")) {
        // Leave it: validation of the real apiserver would reject it; our controller treats it as Never.
    }
    object.insert(QStringLiteral("spec"), spec);
}

void defaultCronJob(QJsonObject &object, Defaulting)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("concurrencyPolicy"), QStringLiteral("Allow"));
    setIfMissing(spec, QStringLiteral("suspend"), false);
    setIfMissing(spec, QStringLiteral("successfulJobsHistoryLimit"), 3);
    setIfMissing(spec, QStringLiteral("failedJobsHistoryLimit"), 1);
    object.insert(QStringLiteral("spec"), spec);
}

QString allocateClusterIp()
{
    auto *random = QRandomGenerator::global();
    return QStringLiteral("10.96.%1.%2").arg(random->bounded(1, 255)).arg(random->bounded(1, 255));
}

void defaultService(QJsonObject &object, Defaulting when, const QJsonObject *)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("type"), QStringLiteral("ClusterIP"));
    setIfMissing(spec, QStringLiteral("sessionAffinity"), QStringLiteral("None"));
    setIfMissing(spec, QStringLiteral("internalTrafficPolicy"), QStringLiteral("Cluster"));
    if (when == Defaulting::Create && !spec.contains(QLatin1String("clusterIP"))) {
        const QString ip = allocateClusterIp();
        spec.insert(QStringLiteral("clusterIP"), ip);
        spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
    }
    setIfMissing(spec, QStringLiteral("ipFamilies"), QJsonArray{QStringLiteral("IPv4")});
    setIfMissing(spec, QStringLiteral("ipFamilyPolicy"), QStringLiteral("SingleStack"));
    QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QJsonObject port = ports.at(i).toObject();
        setIfMissing(port, QStringLiteral("protocol"), QStringLiteral("TCP"));
        setIfMissing(port, QStringLiteral("targetPort"), port.value(QLatin1String("port")));
        ports.replace(i, port);
    }
    if (!ports.isEmpty())
        spec.insert(QStringLiteral("ports"), ports);
    object.insert(QStringLiteral("spec"), spec);
}

void defaultNamespace(QJsonObject &object)
{
    QJsonObject metadata = child(object, "metadata");
    QJsonObject labels = child(metadata, "labels");
    labels.insert(QStringLiteral("kubernetes.io/metadata.name"), metadata.value(QLatin1String("name")).toString());
    metadata.insert(QStringLiteral("labels"), labels);
    object.insert(QStringLiteral("metadata"), metadata);
    QJsonObject spec = child(object, "spec");
    if (!spec.contains(QLatin1String("finalizers")) && !metadata.contains(QLatin1String("deletionTimestamp")))
        spec.insert(QStringLiteral("finalizers"), QJsonArray{QStringLiteral("kubernetes")});
    object.insert(QStringLiteral("spec"), spec);
    QJsonObject status = child(object, "status");
    setIfMissing(status, QStringLiteral("phase"), QStringLiteral("Active"));
    object.insert(QStringLiteral("status"), status);
}

void defaultPod(QJsonObject &object, Defaulting when)
{
    QJsonObject spec = child(object, "spec");
    defaultPodSpec(spec);
    object.insert(QStringLiteral("spec"), spec);
    if (when == Defaulting::Create) {
        QJsonObject status = child(object, "status");
        setIfMissing(status, QStringLiteral("phase"), QStringLiteral("Pending"));
        setIfMissing(status, QStringLiteral("qosClass"), QStringLiteral("BestEffort"));
        object.insert(QStringLiteral("status"), status);
    }
}

void defaultPvc(QJsonObject &object, Defaulting when)
{
    QJsonObject spec = child(object, "spec");
    setIfMissing(spec, QStringLiteral("volumeMode"), QStringLiteral("Filesystem"));
    object.insert(QStringLiteral("spec"), spec);
    if (when == Defaulting::Create) {
        QJsonObject status = child(object, "status");
        setIfMissing(status, QStringLiteral("phase"), QStringLiteral("Pending"));
        object.insert(QStringLiteral("status"), status);
    }
}

} // namespace

void defaultPodSpec(QJsonObject &podSpec)
{
    setIfMissing(podSpec, QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    setIfMissing(podSpec, QStringLiteral("terminationGracePeriodSeconds"), 30);
    setIfMissing(podSpec, QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst"));
    setIfMissing(podSpec, QStringLiteral("schedulerName"), QStringLiteral("default-scheduler"));
    setIfMissing(podSpec, QStringLiteral("securityContext"), QJsonObject());
    if (podSpec.contains(QLatin1String("serviceAccountName")))
        setIfMissing(podSpec, QStringLiteral("serviceAccount"), podSpec.value(QLatin1String("serviceAccountName")));
    defaultContainers(podSpec, "containers");
    defaultContainers(podSpec, "initContainers");
}

void applyBuiltinDefaults(const ResourceType &type, QJsonObject &object, Defaulting when)
{
    if (type.custom)
        return;
    const QString &kind = type.kind;
    if (type.group == QLatin1String("apps")) {
        if (kind == QLatin1String("Deployment"))
            defaultDeployment(object, when);
        else if (kind == QLatin1String("ReplicaSet"))
            defaultReplicaSet(object, when);
        else if (kind == QLatin1String("DaemonSet"))
            defaultDaemonSet(object, when);
        else if (kind == QLatin1String("StatefulSet"))
            defaultStatefulSet(object, when);
    } else if (type.group == QLatin1String("batch")) {
        if (kind == QLatin1String("Job"))
            defaultJob(object, when);
        else if (kind == QLatin1String("CronJob"))
            defaultCronJob(object, when);
    } else if (type.group.isEmpty()) {
        if (kind == QLatin1String("Secret"))
            setIfMissing(object, QStringLiteral("type"), QStringLiteral("Opaque"));
        else if (kind == QLatin1String("Service"))
            defaultService(object, when, nullptr);
        else if (kind == QLatin1String("Namespace"))
            defaultNamespace(object);
        else if (kind == QLatin1String("Pod"))
            defaultPod(object, when);
        else if (kind == QLatin1String("PersistentVolumeClaim"))
            defaultPvc(object, when);
    }
}

} // namespace fd::sim
