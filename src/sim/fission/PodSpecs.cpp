#include "sim/fission/PodSpecs.h"

#include "sim/controllers/ObjectHelpers.h"
#include "sim/fission/ComponentInstance.h"

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

QString fetcherImage(const ComponentInstance &component)
{
    const QString image = component.value(u"FETCHER_IMAGE"_s);
    return image.isEmpty() ? u"ghcr.io/fission/fetcher:v1.20.5"_s : image;
}

QJsonObject httpGetProbe(const QString &path, int port, int initialDelaySeconds, int periodSeconds)
{
    return {{u"httpGet"_s, QJsonObject{{u"path"_s, path}, {u"port"_s, port}, {u"scheme"_s, u"HTTP"_s}}},
            {u"initialDelaySeconds"_s, initialDelaySeconds},
            {u"periodSeconds"_s, periodSeconds},
            {u"timeoutSeconds"_s, 1},
            {u"successThreshold"_s, 1},
            {u"failureThreshold"_s, 3}};
}

QJsonArray sharedVolumes()
{
    QJsonArray volumes;
    for (const char *name : {"userfunc", "secrets", "configmaps"})
        volumes.append(QJsonObject{{u"name"_s, QString::fromLatin1(name)}, {u"emptyDir"_s, QJsonObject()}});
    return volumes;
}

QJsonArray sharedVolumeMounts(const QString &sharedMountPath)
{
    return {QJsonObject{{u"name"_s, u"userfunc"_s}, {u"mountPath"_s, sharedMountPath}},
            QJsonObject{{u"name"_s, u"secrets"_s}, {u"mountPath"_s, u"/secrets"_s}},
            QJsonObject{{u"name"_s, u"configmaps"_s}, {u"mountPath"_s, u"/configs"_s}}};
}

QJsonObject fetcherContainer(const ComponentInstance &component, const QString &sharedMountPath,
                             const QJsonArray &extraArgs)
{
    QJsonArray command{u"/fetcher"_s, u"-secret-dir"_s, u"/secrets"_s, u"-cfgmap-dir"_s, u"/configs"_s};
    for (const QJsonValue &arg : extraArgs)
        command.append(arg);
    command.append(sharedMountPath);
    QString pullPolicy = component.value(u"FETCHER_IMAGE_PULL_POLICY"_s);
    if (pullPolicy.isEmpty())
        pullPolicy = u"IfNotPresent"_s;
    QJsonObject requests;
    const QString cpu = component.value(u"FETCHER_MINCPU"_s);
    const QString memory = component.value(u"FETCHER_MINMEM"_s);
    requests.insert(u"cpu"_s, cpu.isEmpty() ? u"10m"_s : cpu);
    requests.insert(u"memory"_s, memory.isEmpty() ? u"16Mi"_s : memory);
    return {{u"name"_s, u"fetcher"_s},
            {u"image"_s, fetcherImage(component)},
            {u"imagePullPolicy"_s, pullPolicy},
            {u"command"_s, command},
            {u"resources"_s, QJsonObject{{u"requests"_s, requests}}},
            {u"readinessProbe"_s, httpGetProbe(u"/readiness-healthz"_s, 8000, 1, 1)},
            {u"livenessProbe"_s, httpGetProbe(u"/healthz"_s, 8000, 1, 5)},
            {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
            {u"terminationMessagePolicy"_s, u"File"_s},
            {u"volumeMounts"_s, sharedVolumeMounts(sharedMountPath)}};
}

QJsonObject mergeContainer(QJsonObject container, const QJsonObject &override)
{
    for (auto it = override.begin(); it != override.end(); ++it) {
        if (it.key() != "name"_L1)
            container.insert(it.key(), it.value());
    }
    return container;
}

void applyImagePullSecret(QJsonObject &podSpec, const QJsonObject &environment)
{
    const QString secret = ctrl::text(ctrl::specOf(environment), "imagepullsecret"_L1);
    if (!secret.isEmpty())
        podSpec.insert(u"imagePullSecrets"_s, QJsonArray{QJsonObject{{u"name"_s, secret}}});
}

} // namespace fd::sim::fission
