#pragma once

#include "sim/controllers/ContainerBehavior.h"
#include "sim/controllers/EventRecorder.h"
#include "sim/controllers/PodRuntime.h"
#include "sim/controllers/Reconciler.h"

#include <QHash>
#include <QSet>

namespace fd::sim {

// The kubelets of the simulated nodes: registers each Node (Ready, capacity, nodeInfo)
// and runs the pods bound to it. Containers "pull", get created and started (LogStore
// start/append), become ready, exit or crash as their ContainerBehavior says, restart per
// restartPolicy with CrashLoopBackOff back-off, fail to pull (ErrImagePull /
// ImagePullBackOff), and stop on graceful deletion (Killing, LogStore terminate) after
// which the pod is deleted with gracePeriodSeconds=0. The pod status (phase, conditions
// PodReadyToStartContainers/Initialized/ContainersReady/Ready, IPs, startTime,
// container statuses) is written through the status subresource as field manager
// "kubelet"; events come from component "kubelet" on the node.
class Kubelet : public Reconciler {
    Q_OBJECT
public:
    Kubelet(ControllerContext *context, QObject *parent = nullptr);

    void setNodeNames(const QStringList &names) { m_nodeNames = names; }
    const QStringList &nodeNames() const { return m_nodeNames; }
    void setKubeletVersion(const QString &version) { m_kubeletVersion = version; }

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    void ensureNode(const QString &name);
    void syncPod(const QString &key);
    PodRuntime *runtime(const QString &uid);
    void admit(const QJsonObject &pod);
    bool adoptRunning(const QJsonObject &pod);
    void advance(PodRuntime &pod);
    void startContainer(PodRuntime &pod, int index);
    void failPull(PodRuntime &pod, int index);
    void exitContainer(PodRuntime &pod, int index, int exitCode);
    void scheduleRestart(PodRuntime &pod, int index);
    void beginTermination(PodRuntime &pod);
    void stopAll(PodRuntime &pod);
    // Runs `action` after delayMs unless the container restarted or the pod began
    // terminating meanwhile.
    void schedule(const PodRuntime &pod, int index, int delayMs, std::function<void(PodRuntime &, ContainerRuntime &)> action,
                  bool statusChanges = true);
    void scheduleLogTick(const PodRuntime &pod, int index, int tick);
    void markDirty(const PodRuntime &pod);

    QString hostIpOf(const QString &node) const;
    EventSource eventSource(const PodRuntime &pod) const;
    QString fieldPath(const ContainerRuntime &container) const;
    QString allocatePodIp(const QString &node);
    void pullEvents(PodRuntime &pod, ContainerRuntime &container);

    QStringList m_nodeNames;
    QString m_kubeletVersion;
    QHash<QString, PodRuntime> m_pods;            // by pod uid
    QHash<QString, QSet<QString>> m_imagesOnNode; // node -> images present
    QHash<QString, int> m_nextIp;                 // node -> last host octet handed out
    // Pods found already Running (written straight into the store, e.g. the fleet
    // profile): their stored status stands until the kubelet itself changes something.
    QSet<QString> m_adopted;                      // pod uids
};

} // namespace fd::sim
