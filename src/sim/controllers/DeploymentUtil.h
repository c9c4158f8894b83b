#pragma once

#include "sim/controllers/ObjectHelpers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// The arithmetic and bookkeeping of k8s.io/kubernetes/pkg/controller/deployment/util
// (deploymentutil): surge/unavailability fenceposts, revisions and annotations of
// ReplicaSets, and the Deployment conditions/predicates kstatus and `kubectl rollout
// status` depend on. Pure functions over the JSON objects.
namespace fd::sim::deployutil {

inline const QString kHashLabel = QStringLiteral("pod-template-hash");
inline const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");
inline const QString kRevisionHistory = QStringLiteral("deployment.kubernetes.io/revision-history");
inline const QString kDesiredReplicas = QStringLiteral("deployment.kubernetes.io/desired-replicas");
inline const QString kMaxReplicas = QStringLiteral("deployment.kubernetes.io/max-replicas");
inline const QString kLastApplied = QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");
inline const QString kProgressing = QStringLiteral("Progressing");
inline const QString kAvailable = QStringLiteral("Available");
inline const QString kReplicaFailure = QStringLiteral("ReplicaFailure");
inline const QString kNewRsAvailable = QStringLiteral("NewReplicaSetAvailable");
inline const QString kTimedOut = QStringLiteral("ProgressDeadlineExceeded");
inline const QString kPaused = QStringLiteral("DeploymentPaused");

int replicasOf(const QJsonObject &object);
int statusCount(const QJsonObject &object, QLatin1String field);
qint64 revisionOf(const QJsonObject &replicaSet);
// Oldest first by creationTimestamp, then by name (controller.ReplicaSetsByCreationTimestamp).
bool olderFirst(const QJsonObject &left, const QJsonObject &right);
QJsonObject templateOf(const QJsonObject &object);
// EqualIgnoreHash: pod templates equal apart from the pod-template-hash label.
bool templatesEqualIgnoringHash(const QJsonObject &left, const QJsonObject &right);
bool isRollingUpdate(const QJsonObject &deployment);
// ResolveFenceposts: {maxSurge, maxUnavailable}; surge rounds up, unavailability down,
// and both zero becomes unavailability 1.
std::pair<int, int> fenceposts(const QJsonObject &deployment);
int maxSurge(const QJsonObject &deployment);
int maxUnavailable(const QJsonObject &deployment);
bool hasProgressDeadline(const QJsonObject &deployment);
int sumSpecReplicas(const QList<QJsonObject> &replicaSets);
int sumStatus(const QList<QJsonObject> &replicaSets, QLatin1String field);
// SetDeploymentCondition: same status and reason -> untouched; same status -> transition
// time kept; the condition moves to the end of the list.
void setDeploymentCondition(QJsonArray &conditions, const ctrl::Condition &condition, const QString &now);
bool deploymentComplete(const QJsonObject &deployment, const QJsonObject &status);
bool deploymentProgressing(const QJsonObject &deployment, const QJsonObject &newStatus);
bool deploymentTimedOut(const QJsonObject &deployment, const QJsonObject &newStatus, const QDateTime &now);
// SetNewReplicaSetAnnotations; returns whether anything changed.
bool setNewRsAnnotations(const QJsonObject &deployment, QJsonObject &replicaSet, const QString &newRevision, bool exists);
// calculateStatus: observedGeneration, the replica counters (zero ones omitted, as the API
// serialises them) and the Available condition; other conditions are carried over.
QJsonObject calculateStatus(const QJsonObject &deployment, const QList<QJsonObject> &oldRss,
                            const std::optional<QJsonObject> &newRs, const QString &now);
// The whole status syncRolloutStatus writes: calculateStatus, Progressing (NewReplicaSetAvailable,
// ReplicaSetUpdated, ProgressDeadlineExceeded) and ReplicaFailure copied from the sets.
QJsonObject rolloutStatus(const QJsonObject &deployment, const QList<QJsonObject> &oldRss,
                          const std::optional<QJsonObject> &newRs, const QDateTime &now);

} // namespace fd::sim::deployutil
