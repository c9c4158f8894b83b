#pragma once

#include "sim/controllers/Reconciler.h"

namespace fd::sim {

// Mirrors what kube-scheduler's default profile does for the simulated nodes: pods of
// schedulerName "default-scheduler" without spec.nodeName are bound to a Ready,
// schedulable node that satisfies nodeSelector, required node affinity (labels and the
// metadata.name field DaemonSets use) and NoSchedule taints, preferring the node with the
// fewest pods. Binding writes the PodScheduled condition and spec.nodeName and records
// Scheduled; no fit gives PodScheduled=False/Unschedulable and FailedScheduling.
class Scheduler : public Reconciler {
    Q_OBJECT
public:
    Scheduler(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    bool wantsScheduling(const QJsonObject &pod) const;
    void bind(const QJsonObject &pod, const QString &nodeName);
    void markUnschedulable(const QJsonObject &pod, const QString &message);
};

// Whether a pod may run on a node as far as the scheduler's filters go.
bool podFitsNode(const QJsonObject &pod, const QJsonObject &node, QString *reason = nullptr);

} // namespace fd::sim
