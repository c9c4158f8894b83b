#include "sim/controllers/DeploymentController.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/DeploymentUtil.h"
#include "sim/controllers/EventRecorder.h"
#include "sim/controllers/ObjectHelpers.h"

#include <algorithm>
#include <cmath>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {


const EventSource &source()
{
    static const EventSource value{u"deployment-controller"_s, QString(), ctrl::kControllerManager};
    return value;
}

} // namespace

using namespace deployutil;

QList<QJsonObject> DeploymentController::Rollout::all() const
{
    QList<QJsonObject> result = oldRss;
    if (newRs)
        result.append(*newRs);
    return result;
}

DeploymentController::DeploymentController(ControllerContext *context, QObject *parent) : Reconciler(context, parent)
{
}

QStringList DeploymentController::initialKeys() const
{
    QStringList keys;
    for (const ObjectRef &deployment : m_ctx->store()->list(m_ctx->types.deployments.storageKey()))
        keys << objectKey(namespaceOf(deployment->object), nameOf(deployment->object));
    return keys;
}

void DeploymentController::observe(const StoreEvent &event)
{
    if (event.storageKey == m_ctx->types.deployments.storageKey()) {
        if (event.type != StoreEventType::Deleted)
            enqueue(event.key);
        return;
    }
    if (!event.object)
        return;
    const QJsonObject &object = event.object->object;
    const QString ns = namespaceOf(object);
    if (event.storageKey == m_ctx->types.replicaSets.storageKey()) {
        if (const auto owner = ctrl::controllerOf(object)) {
            if (owner->kind == "Deployment"_L1)
                enqueue(objectKey(ns, owner->name));
            return;
        }
        if (event.type == StoreEventType::Deleted)
            return;
        for (const ObjectRef &deployment : m_ctx->store()->list(m_ctx->types.deployments.storageKey(), ns)) {
            if (ctrl::selectorMatches(ctrl::child(ctrl::specOf(deployment->object), "selector"_L1), labelsOf(object)))
                enqueue(objectKey(ns, nameOf(deployment->object)));
        }
        return;
    }
    // Recreate waits for the old pods to be gone.
    if (event.storageKey == m_ctx->types.pods.storageKey() && event.type != StoreEventType::Added) {
        const auto rsRef = ctrl::controllerOf(object);
        if (!rsRef || rsRef->kind != "ReplicaSet"_L1)
            return;
        const ObjectRef rs = m_ctx->store()->get(m_ctx->types.replicaSets.storageKey(), ns, rsRef->name);
        if (!rs)
            return;
        const auto owner = ctrl::controllerOf(rs->object);
        if (!owner || owner->kind != "Deployment"_L1)
            return;
        const ObjectRef deployment = m_ctx->store()->get(m_ctx->types.deployments.storageKey(), ns, owner->name);
        if (deployment && !isRollingUpdate(deployment->object))
            enqueue(objectKey(ns, owner->name));
    }
}

QList<QJsonObject> DeploymentController::claimReplicaSets(const QJsonObject &deployment)
{
    const QString uid = uidOf(deployment);
    const QJsonObject selector = ctrl::child(ctrl::specOf(deployment), "selector"_L1);
    const QJsonObject ownerRef = ctrl::controllerReference(deployment, m_ctx->types.deployments);
    QList<QJsonObject> claimed;
    for (const ObjectRef &rs : m_ctx->store()->list(m_ctx->types.replicaSets.storageKey(), namespaceOf(deployment))) {
        const auto owner = ctrl::controllerOf(rs->object);
        if (owner && owner->uid == uid) {
            claimed.append(rs->object);
            continue;
        }
        if (owner || ctrl::isDeleting(rs->object) || ctrl::isDeleting(deployment)
            || !ctrl::selectorMatches(selector, labelsOf(rs->object)))
            continue;
        // An orphaned ReplicaSet (e.g. left by `delete --cascade=orphan`) is adopted.
        const auto adopted = m_ctx->objects->mutate(
            m_ctx->types.replicaSets, namespaceOf(rs->object), nameOf(rs->object),
            [&ownerRef](QJsonObject &object) {
                if (ctrl::controllerOf(object))
                    return false;
                QJsonArray refs = metadataOf(object).value("ownerReferences"_L1).toArray();
                refs.append(ownerRef);
                setMetadataField(object, u"ownerReferences"_s, refs);
                return true;
            },
            {}, ctrl::kControllerManager);
        if (adopted && ctrl::isControlledBy(adopted->object->object, uid))
            claimed.append(adopted->object->object);
    }
    std::sort(claimed.begin(), claimed.end(), olderFirst);
    return claimed;
}

void DeploymentController::reconcile(const QString &key)
{
    const ObjectRef current = m_ctx->objects->get(m_ctx->types.deployments, namespaceOfKey(key), nameOfKey(key));
    if (!current)
        return;
    Rollout rollout;
    rollout.deployment = current->object;
    const QList<QJsonObject> replicaSets = claimReplicaSets(rollout.deployment);
    bool ok = true;
    if (ctrl::isDeleting(rollout.deployment)) {
        ok = syncRevisionAndNewRs(rollout, replicaSets, false) && syncDeploymentStatus(rollout);
    } else if (!checkPausedConditions(rollout)) {
        ok = false;
    } else if (ctrl::specOf(rollout.deployment).value("paused"_L1).toBool()) {
        ok = syncRevisionAndNewRs(rollout, replicaSets, false) && scale(rollout);
        if (ok)
            cleanup(rollout);
        ok = ok && syncDeploymentStatus(rollout);
    } else if (!syncRevisionAndNewRs(rollout, replicaSets, false)) {
        ok = false;
    } else if (isScalingEvent(rollout)) {
        ok = scale(rollout) && syncDeploymentStatus(rollout);
    } else {
        bool progressed = false;
        ok = isRollingUpdate(rollout.deployment) ? rolloutRolling(rollout, &progressed)
                                                 : rolloutRecreate(rollout, &progressed);
    }
    settle(key, ok);
}

bool DeploymentController::syncRevisionAndNewRs(Rollout &rollout, const QList<QJsonObject> &replicaSets,
                                                bool createIfMissing)
{
    rollout.newRs.reset();
    rollout.oldRss.clear();
    const QJsonObject wanted = templateOf(rollout.deployment);
    for (const QJsonObject &rs : replicaSets) {
        if (!rollout.newRs && templatesEqualIgnoringHash(templateOf(rs), wanted))
            rollout.newRs = rs;
        else
            rollout.oldRss.append(rs);
    }
    qint64 maxOld = 0;
    for (const QJsonObject &rs : std::as_const(rollout.oldRss))
        maxOld = std::max(maxOld, revisionOf(rs));
    const QString newRevision = QString::number(maxOld + 1);
    if (rollout.newRs)
        return updateExistingNewRs(rollout, newRevision);
    if (!createIfMissing)
        return true;
    return createNewRs(rollout, newRevision);
}

bool DeploymentController::updateExistingNewRs(Rollout &rollout, const QString &newRevision)
{
    QJsonObject replicaSet = *rollout.newRs;
    const bool annotationsChanged = setNewRsAnnotations(rollout.deployment, replicaSet, newRevision, true);
    const QJsonValue minReady = ctrl::specOf(rollout.deployment).value("minReadySeconds"_L1);
    const bool minReadyChanged = ctrl::specOf(replicaSet).value("minReadySeconds"_L1).toInt() != minReady.toInt();
    if (annotationsChanged || minReadyChanged) {
        const QJsonObject annotations = ctrl::annotationsOf(replicaSet);
        const auto updated = m_ctx->objects->mutate(
            m_ctx->types.replicaSets, namespaceOf(replicaSet), nameOf(replicaSet),
            [&](QJsonObject &object) {
                setMetadataField(object, u"annotations"_s, annotations);
                QJsonObject spec = ctrl::specOf(object);
                if (minReady.toInt() == 0)
                    spec.remove(u"minReadySeconds"_s);
                else
                    spec.insert(u"minReadySeconds"_s, minReady);
                object.insert(u"spec"_s, spec);
                return true;
            },
            {}, ctrl::kControllerManager);
        if (!updated)
            return false;
        rollout.newRs = updated->object->object;
        return true;
    }
    if (!setDeploymentRevision(rollout, ctrl::annotationsOf(replicaSet).value(kRevision).toString()))
        return false;
    const QJsonArray conditions = ctrl::statusOf(rollout.deployment).value("conditions"_L1).toArray();
    if (hasProgressDeadline(rollout.deployment) && ctrl::findCondition(conditions, kProgressing).isEmpty()) {
        QJsonObject status = ctrl::statusOf(rollout.deployment);
        QJsonArray updated = conditions;
        setDeploymentCondition(updated,
                               {kProgressing, u"True"_s, u"FoundNewReplicaSet"_s,
                                QStringLiteral("Found new replica set \"%1\"").arg(nameOf(replicaSet))},
                               ctrl::timestamp(m_ctx->objects->now()));
        status.insert(u"conditions"_s, updated);
        return writeStatus(rollout, status);
    }
    return true;
}

bool DeploymentController::createNewRs(Rollout &rollout, const QString &newRevision)
{
    const QJsonObject &deployment = rollout.deployment;
    const QJsonObject deploymentSpec = ctrl::specOf(deployment);
    const int collisionCount = ctrl::statusOf(deployment).value("collisionCount"_L1).toInt(0);
    const QString hash = ctrl::templateHash(templateOf(deployment), collisionCount);

    QJsonObject podTemplate = templateOf(deployment);
    QJsonObject templateMeta = ctrl::child(podTemplate, "metadata"_L1);
    QJsonObject labels = ctrl::child(templateMeta, "labels"_L1);
    labels.insert(kHashLabel, hash);
    templateMeta.insert(u"labels"_s, labels);
    podTemplate.insert(u"metadata"_s, templateMeta);
    QJsonObject selector = ctrl::child(deploymentSpec, "selector"_L1);
    QJsonObject matchLabels = ctrl::child(selector, "matchLabels"_L1);
    matchLabels.insert(kHashLabel, hash);
    selector.insert(u"matchLabels"_s, matchLabels);

    const QString name = nameOf(deployment) + QLatin1Char('-') + hash;
    QJsonObject spec{{u"replicas"_s, 0}, {u"selector"_s, selector}, {u"template"_s, podTemplate}};
    if (deploymentSpec.value("minReadySeconds"_L1).toInt() > 0)
        spec.insert(u"minReadySeconds"_s, deploymentSpec.value("minReadySeconds"_L1));
    QJsonObject replicaSet{
        {u"apiVersion"_s, m_ctx->types.replicaSets.groupVersion()},
        {u"kind"_s, u"ReplicaSet"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                    {u"namespace"_s, namespaceOf(deployment)},
                                    {u"labels"_s, labels},
                                    {u"ownerReferences"_s,
                                     QJsonArray{ctrl::controllerReference(deployment, m_ctx->types.deployments)}}}},
        {u"spec"_s, spec}};
    // NewRSNewReplicas with the new set counted at 0.
    int newReplicas = replicasOf(deployment);
    if (isRollingUpdate(deployment)) {
        const int current = sumSpecReplicas(rollout.oldRss);
        const int maxTotal = replicasOf(deployment) + maxSurge(deployment);
        newReplicas = current >= maxTotal ? 0 : std::min(maxTotal - current, replicasOf(deployment));
    }
    spec.insert(u"replicas"_s, newReplicas);
    replicaSet.insert(u"spec"_s, spec);
    setNewRsAnnotations(deployment, replicaSet, newRevision, false);

    WriteOptions options;
    options.fieldManager = ctrl::kControllerManager;
    const auto created = m_ctx->objects->create(m_ctx->types.replicaSets, namespaceOf(deployment), replicaSet, options);
    bool alreadyExisted = false;
    QJsonObject createdRs;
    if (created) {
        createdRs = created->object->object;
    } else if (created.error().code == 409 && created.error().reason == "AlreadyExists"_L1) {
        const ObjectRef existing = m_ctx->objects->get(m_ctx->types.replicaSets, namespaceOf(deployment), name);
        if (existing && ctrl::isControlledBy(existing->object, uidOf(deployment))
            && templatesEqualIgnoringHash(templateOf(existing->object), templateOf(deployment))) {
            createdRs = existing->object;
            alreadyExisted = true;
        } else {
            // A hash collision: bump collisionCount so the next sync hashes differently.
            QJsonObject status = ctrl::statusOf(deployment);
            status.insert(u"collisionCount"_s, collisionCount + 1);
            writeStatus(rollout, status);
            return false;
        }
    } else {
        const bool terminating = std::any_of(created.error().causes.begin(), created.error().causes.end(),
                                             [](const StatusCause &cause) { return cause.reason == "NamespaceTerminating"_L1; });
        if (terminating)
            return false;
        const QString message =
            QStringLiteral("Failed to create new replica set \"%1\": %2").arg(name, created.error().message);
        if (hasProgressDeadline(deployment)) {
            QJsonObject status = ctrl::statusOf(deployment);
            QJsonArray conditions = status.value("conditions"_L1).toArray();
            setDeploymentCondition(conditions, {kProgressing, u"False"_s, u"ReplicaSetCreateError"_s, message},
                                   ctrl::timestamp(m_ctx->objects->now()));
            status.insert(u"conditions"_s, conditions);
            writeStatus(rollout, status);
        }
        m_ctx->events->warning(deployment, u"ReplicaSetCreateError"_s, message, source());
        return false;
    }
    rollout.newRs = createdRs;
    if (!alreadyExisted && newReplicas > 0) {
        m_ctx->events->normal(rollout.deployment, u"ScalingReplicaSet"_s,
                              QStringLiteral("Scaled up replica set %1 from 0 to %2").arg(name).arg(newReplicas),
                              source());
    }
    if (!setDeploymentRevision(rollout, newRevision))
        return false;
    if (!alreadyExisted && hasProgressDeadline(rollout.deployment)) {
        QJsonObject status = ctrl::statusOf(rollout.deployment);
        QJsonArray conditions = status.value("conditions"_L1).toArray();
        setDeploymentCondition(conditions,
                               {kProgressing, u"True"_s, u"NewReplicaSetCreated"_s,
                                QStringLiteral("Created new replica set \"%1\"").arg(name)},
                               ctrl::timestamp(m_ctx->objects->now()));
        status.insert(u"conditions"_s, conditions);
        return writeStatus(rollout, status);
    }
    return true;
}

bool DeploymentController::setDeploymentRevision(Rollout &rollout, const QString &revision)
{
    if (revision.isEmpty() || ctrl::annotationsOf(rollout.deployment).value(kRevision).toString() == revision)
        return true;
    // Upstream sends the annotation with its status update; our status subresource keeps
    // metadata, so it goes through the main resource (metadata only: no new generation).
    const auto updated = m_ctx->objects->mutate(
        m_ctx->types.deployments, namespaceOf(rollout.deployment), nameOf(rollout.deployment),
        [&revision](QJsonObject &object) {
            QJsonObject annotations = ctrl::annotationsOf(object);
            if (annotations.value(kRevision).toString() == revision)
                return false;
            annotations.insert(kRevision, revision);
            setMetadataField(object, u"annotations"_s, annotations);
            return true;
        },
        {}, ctrl::kControllerManager);
    if (!updated)
        return false;
    rollout.deployment = updated->object->object;
    return true;
}

std::optional<QJsonObject> DeploymentController::scaleReplicaSet(Rollout &rollout, const QJsonObject &replicaSet,
                                                                 int newScale)
{
    const QJsonObject &deployment = rollout.deployment;
    const int oldScale = replicasOf(replicaSet);
    const QString desired = QString::number(replicasOf(deployment));
    const QString maximum = QString::number(replicasOf(deployment) + maxSurge(deployment));
    const QJsonObject annotations = ctrl::annotationsOf(replicaSet);
    const bool annotationsNeedUpdate =
        annotations.value(kDesiredReplicas).toString() != desired || annotations.value(kMaxReplicas).toString() != maximum;
    if (oldScale == newScale && !annotationsNeedUpdate)
        return replicaSet;
    const auto updated = m_ctx->objects->mutate(
        m_ctx->types.replicaSets, namespaceOf(replicaSet), nameOf(replicaSet),
        [&](QJsonObject &object) {
            QJsonObject spec = ctrl::specOf(object);
            spec.insert(u"replicas"_s, newScale);
            object.insert(u"spec"_s, spec);
            QJsonObject current = ctrl::annotationsOf(object);
            current.insert(kDesiredReplicas, desired);
            current.insert(kMaxReplicas, maximum);
            setMetadataField(object, u"annotations"_s, current);
            return true;
        },
        {}, ctrl::kControllerManager);
    if (!updated)
        return std::nullopt;
    const QJsonObject result = updated->object->object;
    if (oldScale != newScale) {
        m_ctx->events->normal(deployment, u"ScalingReplicaSet"_s,
                              QStringLiteral("Scaled %1 replica set %2 from %3 to %4")
                                  .arg(oldScale < newScale ? u"up"_s : u"down"_s, nameOf(result))
                                  .arg(oldScale)
                                  .arg(newScale),
                              source());
    }
    const QString uid = uidOf(result);
    if (rollout.newRs && uidOf(*rollout.newRs) == uid)
        rollout.newRs = result;
    for (QJsonObject &old : rollout.oldRss) {
        if (uidOf(old) == uid)
            old = result;
    }
    return result;
}

bool DeploymentController::isScalingEvent(const Rollout &rollout) const
{
    const QString desired = QString::number(replicasOf(rollout.deployment));
    for (const QJsonObject &rs : rollout.all()) {
        if (replicasOf(rs) <= 0)
            continue;
        const QJsonValue annotation = ctrl::annotationsOf(rs).value(kDesiredReplicas);
        if (annotation.isString() && annotation.toString() != desired)
            return true;
    }
    return false;
}

// DeploymentController.scale: the active set takes the new size alone, a saturated new set
// lets the old ones go, otherwise the difference is spread proportionally.
bool DeploymentController::scale(Rollout &rollout)
{
    const int desired = replicasOf(rollout.deployment);
    QList<QJsonObject> olderByCreation = rollout.oldRss;
    std::sort(olderByCreation.begin(), olderByCreation.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return olderFirst(b, a); });
    QList<QJsonObject> active;
    for (const QJsonObject &rs : rollout.all()) {
        if (replicasOf(rs) > 0)
            active.append(rs);
    }
    std::optional<QJsonObject> target;
    if (active.size() == 1)
        target = active.first();
    else if (active.isEmpty() && rollout.newRs)
        target = rollout.newRs;
    else if (active.isEmpty() && !olderByCreation.isEmpty())
        target = olderByCreation.first();
    if (active.size() <= 1) {
        if (!target || replicasOf(*target) == desired)
            return true;
        return scaleReplicaSet(rollout, *target, desired).has_value();
    }
    const auto saturated = [&](const QJsonObject &rs) {
        return ctrl::annotationsOf(rs).value(kDesiredReplicas).toString() == QString::number(desired)
            && statusCount(rs, "availableReplicas"_L1) == desired;
    };
    if (rollout.newRs && saturated(*rollout.newRs)) {
        for (const QJsonObject &old : std::as_const(rollout.oldRss)) {
            if (replicasOf(old) > 0 && !scaleReplicaSet(rollout, old, 0))
                return false;
        }
        return true;
    }
    if (!isRollingUpdate(rollout.deployment))
        return true;
    const int allowed = desired > 0 ? desired + maxSurge(rollout.deployment) : 0;
    const int toAdd = allowed - sumSpecReplicas(active);
    // ReplicaSetsBySizeNewer for scale-up, BySizeOlder for scale-down: the larger first.
    std::sort(active.begin(), active.end(), [toAdd](const QJsonObject &a, const QJsonObject &b) {
        if (replicasOf(a) != replicasOf(b))
            return replicasOf(a) > replicasOf(b);
        return toAdd > 0 ? olderFirst(b, a) : olderFirst(a, b);
    });
    const int statusReplicas = statusCount(rollout.deployment, "replicas"_L1);
    int added = 0;
    QList<int> sizes;
    for (const QJsonObject &rs : std::as_const(active)) {
        int proportion = 0;
        if (toAdd != 0 && toAdd != added && replicasOf(rs) > 0) {
            int fraction = 0;
            if (desired == 0) {
                fraction = -replicasOf(rs);
            } else {
                bool ok = false;
                int annotated = ctrl::annotationsOf(rs).value(kMaxReplicas).toString().toInt(&ok);
                if (!ok)
                    annotated = statusReplicas;
                const double size = annotated > 0
                    ? static_cast<double>(replicasOf(rs)) * (desired + maxSurge(rollout.deployment)) / annotated
                    : replicasOf(rs);
                fraction = static_cast<int>(std::lround(size)) - replicasOf(rs);
            }
            const int allowedNow = toAdd - added;
            proportion = toAdd > 0 ? std::min(fraction, allowedNow) : std::max(fraction, allowedNow);
        }
        sizes.append(replicasOf(rs) + proportion);
        added += proportion;
    }
    for (qsizetype i = 0; i < active.size(); ++i) {
        int size = sizes.at(i);
        if (i == 0 && toAdd != 0)
            size = std::max(0, size + toAdd - added);
        if (!scaleReplicaSet(rollout, active.at(i), size))
            return false;
    }
    return true;
}

bool DeploymentController::rolloutRolling(Rollout &rollout, bool *scaled)
{
    const QList<QJsonObject> replicaSets = rollout.all();
    if (!syncRevisionAndNewRs(rollout, replicaSets, true))
        return false;
    if (!reconcileNewRs(rollout, scaled))
        return false;
    if (*scaled)
        return syncRolloutStatus(rollout);
    if (!reconcileOldRss(rollout, scaled))
        return false;
    if (*scaled)
        return syncRolloutStatus(rollout);
    if (deploymentComplete(rollout.deployment, ctrl::statusOf(rollout.deployment)))
        cleanup(rollout);
    return syncRolloutStatus(rollout);
}

bool DeploymentController::reconcileNewRs(Rollout &rollout, bool *scaled)
{
    *scaled = false;
    if (!rollout.newRs)
        return true;
    const int desired = replicasOf(rollout.deployment);
    const int current = replicasOf(*rollout.newRs);
    if (current == desired)
        return true;
    int target = desired;
    if (current < desired) {
        const int total = sumSpecReplicas(rollout.all());
        const int maxTotal = desired + maxSurge(rollout.deployment);
        target = total >= maxTotal ? current : current + std::min(maxTotal - total, desired - current);
    }
    if (target == current)
        return true;
    const auto result = scaleReplicaSet(rollout, *rollout.newRs, target);
    *scaled = result.has_value();
    return result.has_value();
}

bool DeploymentController::reconcileOldRss(Rollout &rollout, bool *scaled)
{
    *scaled = false;
    if (sumSpecReplicas(rollout.oldRss) == 0)
        return true;
    const int desired = replicasOf(rollout.deployment);
    const int minAvailable = desired - maxUnavailable(rollout.deployment);
    const int newUnavailable =
        rollout.newRs ? replicasOf(*rollout.newRs) - statusCount(*rollout.newRs, "availableReplicas"_L1) : 0;
    const int maxScaledDown = sumSpecReplicas(rollout.all()) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0)
        return true;

    // cleanupUnhealthyReplicas: old pods that are not available go first.
    std::sort(rollout.oldRss.begin(), rollout.oldRss.end(), olderFirst);
    int cleaned = 0;
    const QList<QJsonObject> olds = rollout.oldRss;
    for (const QJsonObject &rs : olds) {
        if (cleaned >= maxScaledDown)
            break;
        const int replicas = replicasOf(rs);
        const int available = statusCount(rs, "availableReplicas"_L1);
        if (replicas == 0 || replicas == available)
            continue;
        const int count = std::min(maxScaledDown - cleaned, replicas - available);
        if (!scaleReplicaSet(rollout, rs, replicas - count))
            return false;
        cleaned += count;
    }

    // scaleDownOldReplicaSetsForRollingUpdate: then as many available ones as the
    // minimum availability allows.
    int scaledDown = 0;
    const int availableTotal = sumStatus(rollout.all(), "availableReplicas"_L1);
    if (availableTotal > minAvailable) {
        const int toScaleDown = availableTotal - minAvailable;
        const QList<QJsonObject> remaining = rollout.oldRss;
        for (const QJsonObject &rs : remaining) {
            if (scaledDown >= toScaleDown)
                break;
            const int replicas = replicasOf(rs);
            if (replicas == 0)
                continue;
            const int count = std::min(replicas, toScaleDown - scaledDown);
            if (!scaleReplicaSet(rollout, rs, replicas - count))
                return false;
            scaledDown += count;
        }
    }
    *scaled = cleaned + scaledDown > 0;
    return true;
}

bool DeploymentController::oldPodsRunning(const Rollout &rollout) const
{
    if (sumStatus(rollout.oldRss, "replicas"_L1) > 0)
        return true;
    const QString newUid = rollout.newRs ? uidOf(*rollout.newRs) : QString();
    QSet<QString> oldUids;
    for (const QJsonObject &rs : rollout.oldRss)
        oldUids.insert(uidOf(rs));
    for (const ObjectRef &pod : m_ctx->store()->list(m_ctx->types.pods.storageKey(), namespaceOf(rollout.deployment))) {
        const auto owner = ctrl::controllerOf(pod->object);
        if (!owner || owner->uid == newUid || !oldUids.contains(owner->uid))
            continue;
        if (!ctrl::podIsTerminal(pod->object))
            return true;
    }
    return false;
}

bool DeploymentController::rolloutRecreate(Rollout &rollout, bool *progressed)
{
    bool scaledDown = false;
    const QList<QJsonObject> olds = rollout.oldRss;
    for (const QJsonObject &rs : olds) {
        if (replicasOf(rs) == 0)
            continue;
        if (!scaleReplicaSet(rollout, rs, 0))
            return false;
        scaledDown = true;
    }
    *progressed = scaledDown;
    if (scaledDown || oldPodsRunning(rollout))
        return syncRolloutStatus(rollout);
    if (!rollout.newRs && !syncRevisionAndNewRs(rollout, rollout.all(), true))
        return false;
    if (rollout.newRs && replicasOf(*rollout.newRs) != replicasOf(rollout.deployment)) {
        if (!scaleReplicaSet(rollout, *rollout.newRs, replicasOf(rollout.deployment)))
            return false;
        *progressed = true;
        return syncRolloutStatus(rollout);
    }
    if (deploymentComplete(rollout.deployment, ctrl::statusOf(rollout.deployment)))
        cleanup(rollout);
    return syncRolloutStatus(rollout);
}

void DeploymentController::cleanup(const Rollout &rollout)
{
    const QJsonValue limitValue = ctrl::specOf(rollout.deployment).value("revisionHistoryLimit"_L1);
    if (!limitValue.isDouble())
        return;
    QList<QJsonObject> cleanable;
    for (const QJsonObject &rs : rollout.oldRss) {
        if (!ctrl::isDeleting(rs))
            cleanable.append(rs);
    }
    const qsizetype diff = cleanable.size() - limitValue.toInt();
    if (diff <= 0)
        return;
    std::sort(cleanable.begin(), cleanable.end(), [](const QJsonObject &a, const QJsonObject &b) {
        if (revisionOf(a) != revisionOf(b))
            return revisionOf(a) < revisionOf(b);
        return olderFirst(a, b);
    });
    for (qsizetype i = 0; i < diff; ++i) {
        const QJsonObject &rs = cleanable.at(i);
        if (statusCount(rs, "replicas"_L1) != 0 || replicasOf(rs) != 0
            || ctrl::generationOf(rs) > ctrl::statusOf(rs).value("observedGeneration"_L1).toInteger())
            continue;
        DeleteOptions options;
        options.preconditionUid = uidOf(rs);
        m_ctx->objects->remove(m_ctx->types.replicaSets, namespaceOf(rs), nameOf(rs), options);
    }
}

QJsonObject DeploymentController::calculateStatus(const Rollout &rollout) const
{
    return deployutil::calculateStatus(rollout.deployment, rollout.oldRss, rollout.newRs,
                                       ctrl::timestamp(m_ctx->objects->now()));
}

bool DeploymentController::writeStatus(Rollout &rollout, const QJsonObject &status)
{
    if (status == ctrl::statusOf(rollout.deployment))
        return true;
    const auto updated = m_ctx->objects->mutate(
        m_ctx->types.deployments, namespaceOf(rollout.deployment), nameOf(rollout.deployment),
        [&status](QJsonObject &object) {
            if (ctrl::statusOf(object) == status)
                return false;
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, ctrl::kControllerManager);
    if (!updated)
        return updated.error().code == 404;
    rollout.deployment = updated->object->object;
    return true;
}

bool DeploymentController::syncDeploymentStatus(Rollout &rollout)
{
    return writeStatus(rollout, calculateStatus(rollout));
}

bool DeploymentController::checkPausedConditions(Rollout &rollout)
{
    if (!hasProgressDeadline(rollout.deployment))
        return true;
    QJsonObject status = ctrl::statusOf(rollout.deployment);
    QJsonArray conditions = status.value("conditions"_L1).toArray();
    const QJsonObject progressing = ctrl::findCondition(conditions, kProgressing);
    const QString reason = progressing.value("reason"_L1).toString();
    if (reason == kTimedOut)
        return true;
    const bool paused = ctrl::specOf(rollout.deployment).value("paused"_L1).toBool();
    const QString now = ctrl::timestamp(m_ctx->objects->now());
    if (paused && reason != kPaused)
        setDeploymentCondition(conditions, {kProgressing, u"Unknown"_s, kPaused, u"Deployment is paused"_s}, now);
    else if (!paused && reason == kPaused)
        setDeploymentCondition(conditions,
                               {kProgressing, u"Unknown"_s, u"DeploymentResumed"_s, u"Deployment is resumed"_s}, now);
    else
        return true;
    status.insert(u"conditions"_s, conditions);
    return writeStatus(rollout, status);
}

bool DeploymentController::syncRolloutStatus(Rollout &rollout)
{
    const QJsonObject status =
        deployutil::rolloutStatus(rollout.deployment, rollout.oldRss, rollout.newRs, m_ctx->objects->now());
    if (!writeStatus(rollout, status))
        return false;
    requeueStuck(rollout, status);
    return true;
}

void DeploymentController::requeueStuck(const Rollout &rollout, const QJsonObject &status)
{
    const QJsonObject progressing = ctrl::findCondition(status.value("conditions"_L1).toArray(), kProgressing);
    const QString reason = progressing.value("reason"_L1).toString();
    if (progressing.isEmpty() || reason == kNewRsAvailable || reason == kTimedOut
        || deploymentComplete(rollout.deployment, status))
        return;
    const QDateTime from = ctrl::parseTimestamp(progressing.value("lastUpdateTime"_L1).toString());
    const qint64 deadline = ctrl::specOf(rollout.deployment).value("progressDeadlineSeconds"_L1).toInteger();
    if (!from.isValid())
        return;
    const QString key = objectKey(namespaceOf(rollout.deployment), nameOf(rollout.deployment));
    const qint64 due = from.addSecs(deadline).toMSecsSinceEpoch() + 1000;
    const qint64 nowMs = m_ctx->objects->now().toMSecsSinceEpoch();
    const auto pending = m_deadlineChecks.constFind(key);
    if (pending != m_deadlineChecks.constEnd() && *pending > nowMs && *pending <= due)
        return; // an earlier look is already scheduled; it re-arms if needed
    m_deadlineChecks.insert(key, due);
    enqueueAfter(key, static_cast<int>(std::clamp<qint64>(due - nowMs, 0, 24LL * 3600 * 1000)));
}

} // namespace fd::sim

#include "moc_DeploymentController.cpp"
