#pragma once

#include "sim/controllers/SimTiming.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace fd::sim {

class ObjectService;
class LogStore;
class EventRecorder;
class ContainerBehaviors;
class Reconciler;
struct ControllerContext;

// The simulated control plane behind the API: kube-controller-manager (namespace,
// garbage collector, deployment, replicaset, job, daemonset, statefulset, volume binding),
// kube-scheduler and the kubelets of the simulated nodes, plus the ServiceAccount
// admission plugin. Everything runs on the caller's thread, driven by store commits and
// timers; nothing happens before start().
class ControllerManager : public QObject {
    Q_OBJECT
public:
    ControllerManager(ObjectService *objects, LogStore *logs, const SimTiming &timing, QObject *parent = nullptr);
    ~ControllerManager() override;

    // Configuration; call before start().
    void setNodeNames(const QStringList &names);        // default {"sim-node-1"}
    void setClusterCaPem(const QByteArray &pem);        // published as ConfigMap kube-root-ca.crt
    void setKubeletVersion(const QString &version);     // nodes' status.nodeInfo.kubeletVersion

    // Registers the admission plugin, creates the nodes and starts every controller; the
    // objects already in the store are reconciled as if they had just been created.
    void start();
    bool isStarted() const { return m_started; }

    // Where the Fission simulator registers its container behaviours.
    ContainerBehaviors *behaviors() const;
    EventRecorder *events() const;
    const SimTiming &timing() const;

private:
    std::unique_ptr<ControllerContext> m_context;
    std::unique_ptr<ContainerBehaviors> m_behaviors;
    QList<Reconciler *> m_controllers;
    QStringList m_nodeNames;
    QByteArray m_clusterCaPem;
    QString m_kubeletVersion;
    bool m_started = false;
};

} // namespace fd::sim
