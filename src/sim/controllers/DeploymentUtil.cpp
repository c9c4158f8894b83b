#include "sim/controllers/DeploymentUtil.h"

#include "sim/api/ObjectService.h"

#include <algorithm>
#include <climits>

namespace fd::sim::deployutil {

using namespace Qt::Literals::StringLiterals;

namespace {

QString creationOf(const QJsonObject &object)
{
    return ctrl::text(metadataOf(object), "creationTimestamp"_L1);
}

// apiequality.Semantic treats an empty label map like a missing one.
QJsonObject templateWithoutHash(QJsonObject podTemplate)
{
    QJsonObject metadata = ctrl::child(podTemplate, "metadata"_L1);
    QJsonObject labels = ctrl::child(metadata, "labels"_L1);
    labels.remove(kHashLabel);
    if (labels.isEmpty())
        metadata.remove(u"labels"_s);
    else
        metadata.insert(u"labels"_s, labels);
    if (metadata.isEmpty())
        podTemplate.remove(u"metadata"_s);
    else
        podTemplate.insert(u"metadata"_s, metadata);
    return podTemplate;
}

// The deployment's annotations a new ReplicaSet inherits (deploymentutil.skipCopyAnnotation).
bool copiedAnnotation(const QString &key)
{
    return key != kLastApplied && key != kRevision && key != kRevisionHistory && key != kDesiredReplicas
        && key != kMaxReplicas && key != "deprecated.deployment.rollback.to"_L1;
}

} // namespace

int replicasOf(const QJsonObject &object)
{
    return ctrl::specOf(object).value("replicas"_L1).toInt(1);
}

int statusCount(const QJsonObject &object, QLatin1String field)
{
    return ctrl::statusOf(object).value(field).toInt(0);
}

qint64 revisionOf(const QJsonObject &replicaSet)
{
    return ctrl::annotationsOf(replicaSet).value(kRevision).toString().toLongLong();
}


bool olderFirst(const QJsonObject &left, const QJsonObject &right)
{
    if (creationOf(left) != creationOf(right))
        return creationOf(left) < creationOf(right);
    return nameOf(left) < nameOf(right);
}


bool templatesEqualIgnoringHash(const QJsonObject &left, const QJsonObject &right)
{
    return templateWithoutHash(left) == templateWithoutHash(right);
}

QJsonObject templateOf(const QJsonObject &object)
{
    return ctrl::child(ctrl::specOf(object), "template"_L1);
}

bool isRollingUpdate(const QJsonObject &deployment)
{
    return ctrl::text(ctrl::child(ctrl::specOf(deployment), "strategy"_L1), "type"_L1) != "Recreate"_L1;
}

// deploymentutil.ResolveFenceposts: surge rounds up, unavailability down, never both 0.
std::pair<int, int> fenceposts(const QJsonObject &deployment)
{
    const QJsonObject rolling = ctrl::child(ctrl::child(ctrl::specOf(deployment), "strategy"_L1), "rollingUpdate"_L1);
    const int desired = replicasOf(deployment);
    const QJsonValue surgeValue = rolling.contains("maxSurge"_L1) ? rolling.value("maxSurge"_L1) : QJsonValue(u"25%"_s);
    const QJsonValue unavailableValue =
        rolling.contains("maxUnavailable"_L1) ? rolling.value("maxUnavailable"_L1) : QJsonValue(u"25%"_s);
    const int surge = std::max(0, ctrl::scaledValue(surgeValue, desired, true, 0));
    int unavailable = std::max(0, ctrl::scaledValue(unavailableValue, desired, false, 0));
    if (surge == 0 && unavailable == 0)
        unavailable = 1;
    return {surge, unavailable};
}

int maxSurge(const QJsonObject &deployment)
{
    return isRollingUpdate(deployment) ? fenceposts(deployment).first : 0;
}

int maxUnavailable(const QJsonObject &deployment)
{
    const int desired = replicasOf(deployment);
    if (!isRollingUpdate(deployment) || desired == 0)
        return 0;
    return std::min(fenceposts(deployment).second, desired);
}

bool hasProgressDeadline(const QJsonObject &deployment)
{
    const QJsonValue deadline = ctrl::specOf(deployment).value("progressDeadlineSeconds"_L1);
    return deadline.isDouble() && deadline.toInteger() != INT_MAX;
}

int sumSpecReplicas(const QList<QJsonObject> &replicaSets)
{
    int total = 0;
    for (const QJsonObject &rs : replicaSets)
        total += replicasOf(rs);
    return total;
}

int sumStatus(const QList<QJsonObject> &replicaSets, QLatin1String field)
{
    int total = 0;
    for (const QJsonObject &rs : replicaSets)
        total += statusCount(rs, field);
    return total;
}

// deploymentutil.SetDeploymentCondition: same status and reason -> untouched; same status ->
// transition time kept; the condition moves to the end of the list.
void setDeploymentCondition(QJsonArray &conditions, const ctrl::Condition &condition, const QString &now)
{
    const QJsonObject current = ctrl::findCondition(conditions, condition.type);
    const bool exists = !current.isEmpty();
    if (exists && current.value("status"_L1).toString() == condition.status
        && current.value("reason"_L1).toString() == condition.reason)
        return;
    QString transition = now;
    if (exists && current.value("status"_L1).toString() == condition.status)
        transition = current.value("lastTransitionTime"_L1).toString();
    ctrl::removeCondition(conditions, condition.type);
    conditions.append(QJsonObject{{u"type"_s, condition.type},
                                  {u"status"_s, condition.status},
                                  {u"lastUpdateTime"_s, now},
                                  {u"lastTransitionTime"_s, transition},
                                  {u"reason"_s, condition.reason},
                                  {u"message"_s, condition.message}});
}

bool deploymentComplete(const QJsonObject &deployment, const QJsonObject &status)
{
    const int desired = replicasOf(deployment);
    return status.value("updatedReplicas"_L1).toInt() == desired && status.value("replicas"_L1).toInt() == desired
        && status.value("availableReplicas"_L1).toInt() == desired
        && status.value("observedGeneration"_L1).toInteger() >= ctrl::generationOf(deployment);
}

bool deploymentProgressing(const QJsonObject &deployment, const QJsonObject &newStatus)
{
    const QJsonObject old = ctrl::statusOf(deployment);
    const auto value = [](const QJsonObject &status, const char *field) {
        return status.value(QLatin1String(field)).toInt();
    };
    const int oldStale = value(old, "replicas") - value(old, "updatedReplicas");
    const int newStale = value(newStatus, "replicas") - value(newStatus, "updatedReplicas");
    return value(newStatus, "updatedReplicas") > value(old, "updatedReplicas") || newStale < oldStale
        || value(newStatus, "readyReplicas") > value(old, "readyReplicas")
        || value(newStatus, "availableReplicas") > value(old, "availableReplicas");
}

bool deploymentTimedOut(const QJsonObject &deployment, const QJsonObject &newStatus, const QDateTime &now)
{
    if (!hasProgressDeadline(deployment))
        return false;
    const QJsonObject condition = ctrl::findCondition(newStatus.value("conditions"_L1).toArray(), kProgressing);
    if (condition.isEmpty())
        return false;
    const QString reason = condition.value("reason"_L1).toString();
    if (reason == kNewRsAvailable)
        return false;
    if (reason == kTimedOut)
        return true;
    const QDateTime from = ctrl::parseTimestamp(condition.value("lastUpdateTime"_L1).toString());
    const qint64 deadline = ctrl::specOf(deployment).value("progressDeadlineSeconds"_L1).toInteger();
    return from.isValid() && from.addSecs(deadline) < now;
}


// SetNewReplicaSetAnnotations; returns whether anything changed.
bool setNewRsAnnotations(const QJsonObject &deployment, QJsonObject &replicaSet, const QString &newRevision,
                         bool exists)
{
    QJsonObject annotations = ctrl::annotationsOf(replicaSet);
    const QJsonObject before = annotations;
    const QJsonObject fromDeployment = ctrl::annotationsOf(deployment);
    for (auto it = fromDeployment.begin(); it != fromDeployment.end(); ++it) {
        if (copiedAnnotation(it.key()))
            annotations.insert(it.key(), it.value());
    }
    const QString oldRevision = annotations.value(kRevision).toString();
    if (oldRevision.toLongLong() < newRevision.toLongLong()) {
        annotations.insert(kRevision, newRevision);
        if (exists && !oldRevision.isEmpty()) {
            const QString history = annotations.value(kRevisionHistory).toString();
            annotations.insert(kRevisionHistory, history.isEmpty() ? oldRevision : history + QLatin1Char(',') + oldRevision);
        }
    }
    if (!exists) {
        annotations.insert(kDesiredReplicas, QString::number(replicasOf(deployment)));
        annotations.insert(kMaxReplicas, QString::number(replicasOf(deployment) + maxSurge(deployment)));
    }
    if (annotations == before)
        return false;
    setMetadataField(replicaSet, u"annotations"_s, annotations);
    return true;
}


QJsonObject calculateStatus(const QJsonObject &deployment, const QList<QJsonObject> &oldRss,
                            const std::optional<QJsonObject> &newRs, const QString &now)
{
    QList<QJsonObject> all = oldRss;
    if (newRs)
        all.append(*newRs);
    const int available = sumStatus(all, "availableReplicas"_L1);
    const int unavailable = std::max(0, sumSpecReplicas(all) - available);
    const QJsonObject previous = ctrl::statusOf(deployment);
    QJsonObject status;
    status.insert(u"observedGeneration"_s, ctrl::generationOf(deployment));
    ctrl::setCount(status, u"replicas"_s, sumStatus(all, "replicas"_L1));
    ctrl::setCount(status, u"updatedReplicas"_s, newRs ? statusCount(*newRs, "replicas"_L1) : 0);
    ctrl::setCount(status, u"readyReplicas"_s, sumStatus(all, "readyReplicas"_L1));
    ctrl::setCount(status, u"availableReplicas"_s, available);
    ctrl::setCount(status, u"unavailableReplicas"_s, unavailable);
    if (previous.contains("collisionCount"_L1))
        status.insert(u"collisionCount"_s, previous.value("collisionCount"_L1));
    QJsonArray conditions = previous.value("conditions"_L1).toArray();
    if (available >= replicasOf(deployment) - maxUnavailable(deployment)) {
        setDeploymentCondition(conditions,
                               {kAvailable, u"True"_s, u"MinimumReplicasAvailable"_s,
                                u"Deployment has minimum availability."_s},
                               now);
    } else {
        setDeploymentCondition(conditions,
                               {kAvailable, u"False"_s, u"MinimumReplicasUnavailable"_s,
                                u"Deployment does not have minimum availability."_s},
                               now);
    }
    status.insert(u"conditions"_s, conditions);
    return status;
}

// syncRolloutStatus: calculateStatus plus the Progressing condition (complete, progressing,
// timed out) and the ReplicaFailure the sets report.
QJsonObject rolloutStatus(const QJsonObject &deployment, const QList<QJsonObject> &oldRss,
                          const std::optional<QJsonObject> &newRs, const QDateTime &nowTime)
{
    QJsonObject status = calculateStatus(deployment, oldRss, newRs, ctrl::timestamp(nowTime));
    QJsonArray conditions = status.value("conditions"_L1).toArray();
    const QString now = ctrl::timestamp(nowTime);
    if (!hasProgressDeadline(deployment))
        ctrl::removeCondition(conditions, kProgressing);
    const QJsonObject current =
        ctrl::findCondition(ctrl::statusOf(deployment).value("conditions"_L1).toArray(), kProgressing);
    const bool complete = status.value("replicas"_L1).toInt() == status.value("updatedReplicas"_L1).toInt()
        && current.value("reason"_L1).toString() == kNewRsAvailable;
    const QString rsName = newRs ? nameOf(*newRs) : QString();
    if (hasProgressDeadline(deployment) && !complete) {
        status.insert(u"conditions"_s, conditions);
        if (deploymentComplete(deployment, status)) {
            setDeploymentCondition(conditions,
                                   {kProgressing, u"True"_s, kNewRsAvailable,
                                    QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName)},
                                   now);
        } else if (deploymentProgressing(deployment, status)) {
            // Progress refreshes lastUpdateTime even with an unchanged reason.
            const QString message = newRs
                ? QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rsName)
                : QStringLiteral("Deployment \"%1\" is progressing.").arg(nameOf(deployment));
            const QString transition = !current.isEmpty() && current.value("status"_L1).toString() == "True"_L1
                ? current.value("lastTransitionTime"_L1).toString()
                : now;
            ctrl::removeCondition(conditions, kProgressing);
            conditions.append(QJsonObject{{u"type"_s, kProgressing},
                                          {u"status"_s, u"True"_s},
                                          {u"lastUpdateTime"_s, now},
                                          {u"lastTransitionTime"_s, transition},
                                          {u"reason"_s, u"ReplicaSetUpdated"_s},
                                          {u"message"_s, message}});
        } else if (deploymentTimedOut(deployment, status, nowTime)) {
            setDeploymentCondition(conditions,
                                   {kProgressing, u"False"_s, kTimedOut,
                                    QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(rsName)},
                                   now);
        }
    }
    // ReplicaFailure of the sets (a refused pod create) surfaces on the deployment.
    QJsonObject failure;
    QList<QJsonObject> candidates;
    if (newRs)
        candidates.append(*newRs);
    candidates.append(oldRss);
    for (const QJsonObject &rs : std::as_const(candidates)) {
        failure = ctrl::findCondition(ctrl::statusOf(rs).value("conditions"_L1).toArray(), kReplicaFailure);
        if (!failure.isEmpty())
            break;
    }
    if (!failure.isEmpty()) {
        setDeploymentCondition(conditions,
                               {kReplicaFailure, failure.value("status"_L1).toString(),
                                failure.value("reason"_L1).toString(), failure.value("message"_L1).toString()},
                               now);
    } else {
        ctrl::removeCondition(conditions, kReplicaFailure);
    }
    status.insert(u"conditions"_s, conditions);
    return status;
}

} // namespace fd::sim::deployutil
