#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace fd::sim::fission {

struct ComponentInstance;

// The pod-spec pieces Fission adds to every workload it creates (facts from
// pkg/fetcher/config and the executor types, 1.20).

// The fetcher image the component was configured with (FETCHER_IMAGE).
QString fetcherImage(const ComponentInstance &component);

// The `fetcher` sidecar: shares /userfunc (or /packages for builders), /secrets and
// /configs with the main container and answers on 8000.
QJsonObject fetcherContainer(const ComponentInstance &component, const QString &sharedMountPath,
                             const QJsonArray &extraArgs = {});
// The shared volumes both containers mount.
QJsonArray sharedVolumes();
QJsonArray sharedVolumeMounts(const QString &sharedMountPath);

// Overlays the fields of an Environment's `container` override onto a generated container
// (util.MergeContainer, simplified: the override wins field by field, the name stays).
QJsonObject mergeContainer(QJsonObject container, const QJsonObject &override);

// imagePullSecrets from an Environment's spec.imagepullsecret.
void applyImagePullSecret(QJsonObject &podSpec, const QJsonObject &environment);

QJsonObject httpGetProbe(const QString &path, int port, int initialDelaySeconds, int periodSeconds);

} // namespace fd::sim::fission
