#pragma once

#include "sim/cluster/SimCluster.h"

#include <QByteArray>
#include <QList>

namespace fd::sim {

struct KubeconfigCluster {
    QString name;           // cluster and admin context name
    QUrl url;
    QByteArray caPem;       // empty for plain HTTP
    QList<SimUser> users;
};

// Writes a kubeconfig for one or more simulated clusters: per cluster a context with the
// admin credentials named after the cluster, and `<cluster>-<user>` contexts for the other
// users. The first cluster's admin context is current. Real kubectl and helm read it.
QByteArray writeKubeconfig(const QList<KubeconfigCluster> &clusters);

} // namespace fd::sim
