#pragma once

#include "sim/controllers/PodControl.h"
#include "sim/controllers/Reconciler.h"

namespace fd::sim {

// Mirrors pkg/controller/replicaset: keeps spec.replicas active pods (generateName
// "<rs>-", template labels, controller ownerReference), creating in slow-start batches and
// deleting the least useful pods first, adopts matching orphans, and reports
// replicas/fullyLabeledReplicas/readyReplicas/availableReplicas/observedGeneration and the
// ReplicaFailure condition (a refused pod create, e.g. a missing ServiceAccount, shows up
// there and as FailedCreate events).
class ReplicaSetController : public Reconciler {
    Q_OBJECT
public:
    ReplicaSetController(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    QList<ObjectRef> claimPods(const QJsonObject &replicaSet);
    std::optional<ApiError> manageReplicas(const QJsonObject &replicaSet, const QList<ObjectRef> &activePods);
    bool updateStatus(const QJsonObject &replicaSet, const QList<ObjectRef> &activePods,
                      const std::optional<ApiError> &manageError, int diff);

    PodControl m_pods;
};

} // namespace fd::sim
