#pragma once

#include "sim/controllers/Reconciler.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace fd::sim {

// Mirrors pkg/controller/deployment: one ReplicaSet per pod template
// ("<deployment>-<pod-template-hash>", label pod-template-hash, annotations
// deployment.kubernetes.io/revision|desired-replicas|max-replicas, controller owner),
// RollingUpdate within maxSurge/maxUnavailable or Recreate, proportional scaling,
// pause/resume, revisionHistoryLimit clean-up, and the status kstatus and
// `kubectl rollout status` read: observedGeneration, replica counters and the
// Available/Progressing conditions (NewReplicaSetCreated, FoundNewReplicaSet,
// ReplicaSetUpdated, NewReplicaSetAvailable, ProgressDeadlineExceeded).
class DeploymentController : public Reconciler {
    Q_OBJECT
public:
    DeploymentController(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    // One sync of one Deployment; it keeps the latest copies of what it writes.
    struct Rollout {
        QJsonObject deployment;
        std::optional<QJsonObject> newRs;
        QList<QJsonObject> oldRss;
        QList<QJsonObject> all() const;
    };

    QList<QJsonObject> claimReplicaSets(const QJsonObject &deployment);
    bool syncRevisionAndNewRs(Rollout &rollout, const QList<QJsonObject> &replicaSets, bool createIfMissing);
    bool createNewRs(Rollout &rollout, const QString &newRevision);
    bool updateExistingNewRs(Rollout &rollout, const QString &newRevision);
    std::optional<QJsonObject> scaleReplicaSet(Rollout &rollout, const QJsonObject &replicaSet, int newScale);

    bool isScalingEvent(const Rollout &rollout) const;
    bool scale(Rollout &rollout);
    bool rolloutRolling(Rollout &rollout, bool *scaled);
    bool reconcileNewRs(Rollout &rollout, bool *scaled);
    bool reconcileOldRss(Rollout &rollout, bool *scaled);
    bool rolloutRecreate(Rollout &rollout, bool *progressed);
    bool oldPodsRunning(const Rollout &rollout) const;
    void cleanup(const Rollout &rollout);

    QJsonObject calculateStatus(const Rollout &rollout) const;
    bool syncDeploymentStatus(Rollout &rollout);
    bool syncRolloutStatus(Rollout &rollout);
    bool checkPausedConditions(Rollout &rollout);
    bool writeStatus(Rollout &rollout, const QJsonObject &status);
    bool setDeploymentRevision(Rollout &rollout, const QString &revision);
    void requeueStuck(const Rollout &rollout, const QJsonObject &status);

    QHash<QString, qint64> m_deadlineChecks; // key -> epoch ms of the pending progress-deadline look
};

} // namespace fd::sim
