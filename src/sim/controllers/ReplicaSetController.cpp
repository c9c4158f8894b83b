#include "sim/controllers/ReplicaSetController.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

#include <algorithm>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

// upstream burstReplicas: at most this many creates/deletes per sync.
constexpr int kBurstReplicas = 500;

// controller.ActivePods ordering for scale-down: the pod deleted first is the one that
// is least far along (unscheduled < scheduled, pending < running, not ready < ready,
// then the more recently created).
bool deleteBefore(const ObjectRef &left, const ObjectRef &right)
{
    const auto rank = [](const QJsonObject &pod) {
        int score = 0;
        if (!ctrl::text(ctrl::specOf(pod), "nodeName"_L1).isEmpty())
            score += 4;
        if (ctrl::podPhase(pod) == "Running"_L1)
            score += 2;
        if (ctrl::podIsReady(pod))
            score += 1;
        return score;
    };
    const int leftRank = rank(left->object);
    const int rightRank = rank(right->object);
    if (leftRank != rightRank)
        return leftRank < rightRank;
    return ctrl::text(metadataOf(left->object), "creationTimestamp"_L1)
        > ctrl::text(metadataOf(right->object), "creationTimestamp"_L1);
}

} // namespace

ReplicaSetController::ReplicaSetController(ControllerContext *context, QObject *parent)
    : Reconciler(context, parent),
      m_pods(context, EventSource{u"replicaset-controller"_s, QString(), ctrl::kControllerManager})
{
}

QStringList ReplicaSetController::initialKeys() const
{
    QStringList keys;
    for (const ObjectRef &rs : m_ctx->store()->list(m_ctx->types.replicaSets.storageKey()))
        keys << objectKey(namespaceOf(rs->object), nameOf(rs->object));
    return keys;
}

void ReplicaSetController::observe(const StoreEvent &event)
{
    if (event.storageKey == m_ctx->types.replicaSets.storageKey()) {
        enqueue(event.key);
        return;
    }
    if (event.storageKey != m_ctx->types.pods.storageKey() || !event.object)
        return;
    const QJsonObject &pod = event.object->object;
    const QString ns = namespaceOf(pod);
    if (const auto owner = ctrl::controllerOf(pod)) {
        if (owner->kind == "ReplicaSet"_L1)
            enqueue(objectKey(ns, owner->name));
        return;
    }
    if (event.type == StoreEventType::Deleted || ctrl::isDeleting(pod))
        return;
    // An orphan: every ReplicaSet whose selector matches may adopt it.
    for (const ObjectRef &rs : m_ctx->store()->list(m_ctx->types.replicaSets.storageKey(), ns)) {
        if (ctrl::selectorMatches(ctrl::child(ctrl::specOf(rs->object), "selector"_L1), labelsOf(pod)))
            enqueue(objectKey(ns, nameOf(rs->object)));
    }
}

QList<ObjectRef> ReplicaSetController::claimPods(const QJsonObject &replicaSet)
{
    const QString uid = uidOf(replicaSet);
    const QJsonObject selector = ctrl::child(ctrl::specOf(replicaSet), "selector"_L1);
    const QJsonObject ownerRef = ctrl::controllerReference(replicaSet, m_ctx->types.replicaSets);
    QList<ObjectRef> claimed;
    for (const ObjectRef &pod : m_ctx->store()->list(m_ctx->types.pods.storageKey(), namespaceOf(replicaSet))) {
        const auto owner = ctrl::controllerOf(pod->object);
        const bool matches = ctrl::selectorMatches(selector, labelsOf(pod->object));
        if (owner && owner->uid == uid) {
            if (matches || ctrl::isDeleting(pod->object)) {
                claimed.append(pod);
                continue;
            }
            // Labels changed under us: release the pod (it keeps running, unowned).
            m_ctx->objects->mutate(m_ctx->types.pods, namespaceOf(pod->object), nameOf(pod->object),
                                   [&uid](QJsonObject &object) {
                                       QJsonArray kept;
                                       for (const QJsonValue &ref : metadataOf(object).value("ownerReferences"_L1).toArray()) {
                                           if (ref.toObject().value("uid"_L1).toString() != uid)
                                               kept.append(ref);
                                       }
                                       setMetadataField(object, u"ownerReferences"_s,
                                                        kept.isEmpty() ? QJsonValue() : QJsonValue(kept));
                                       return true;
                                   },
                                   {}, ctrl::kControllerManager);
            continue;
        }
        if (owner || !matches || ctrl::isDeleting(pod->object) || ctrl::isDeleting(replicaSet))
            continue;
        const auto adopted = m_ctx->objects->mutate(
            m_ctx->types.pods, namespaceOf(pod->object), nameOf(pod->object),
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
            claimed.append(adopted->object);
    }
    return claimed;
}

void ReplicaSetController::reconcile(const QString &key)
{
    const ObjectRef current = m_ctx->objects->get(m_ctx->types.replicaSets, namespaceOfKey(key), nameOfKey(key));
    if (!current)
        return;
    const QJsonObject replicaSet = current->object;
    const QList<ObjectRef> claimed = claimPods(replicaSet);
    QList<ObjectRef> active;
    for (const ObjectRef &pod : claimed) {
        if (ctrl::podIsActive(pod->object))
            active.append(pod);
    }
    const int wanted = ctrl::specOf(replicaSet).value("replicas"_L1).toInt(1);
    const int diff = static_cast<int>(active.size()) - wanted;
    std::optional<ApiError> manageError;
    if (!ctrl::isDeleting(replicaSet))
        manageError = manageReplicas(replicaSet, active);

    QList<ObjectRef> activeAfter;
    for (const ObjectRef &pod : m_pods.ownedPods(replicaSet)) {
        if (ctrl::podIsActive(pod->object))
            activeAfter.append(pod);
    }
    const bool statusWritten = updateStatus(replicaSet, activeAfter, manageError, diff);
    if (manageError || !statusWritten) {
        retryLater(key);
        return;
    }
    forgetFailures(key);
    // minReadySeconds: look again when the ready pods become available.
    const qint64 minReady = ctrl::specOf(replicaSet).value("minReadySeconds"_L1).toInteger(0);
    if (minReady > 0) {
        const QDateTime now = m_ctx->objects->now();
        for (const ObjectRef &pod : std::as_const(activeAfter)) {
            if (ctrl::podIsReady(pod->object) && !ctrl::podIsAvailable(pod->object, minReady, now)) {
                enqueueAfter(key, static_cast<int>(minReady * 1000) + 50);
                break;
            }
        }
    }
}

std::optional<ApiError> ReplicaSetController::manageReplicas(const QJsonObject &replicaSet,
                                                              const QList<ObjectRef> &activePods)
{
    const QJsonObject spec = ctrl::specOf(replicaSet);
    const int wanted = spec.value("replicas"_L1).toInt(1);
    const int diff = static_cast<int>(activePods.size()) - wanted;
    if (diff < 0) {
        // slowStartBatch: 1, 2, 4, … creates, stopping at the first failure so that a
        // refused create (quota, missing ServiceAccount) costs one call, not hundreds.
        int remaining = std::min(-diff, kBurstReplicas);
        int batch = 1;
        const QJsonObject ownerRef = ctrl::controllerReference(replicaSet, m_ctx->types.replicaSets);
        while (remaining > 0) {
            const int count = std::min(batch, remaining);
            for (int i = 0; i < count; ++i) {
                QJsonObject pod = ctrl::podFromTemplate(ctrl::child(spec, "template"_L1), ownerRef);
                setMetadataField(pod, u"generateName"_s, nameOf(replicaSet) + QLatin1Char('-'));
                const auto created = m_pods.create(replicaSet, pod);
                if (!created)
                    return created.error();
            }
            remaining -= count;
            batch *= 2;
        }
        return std::nullopt;
    }
    if (diff > 0) {
        QList<ObjectRef> victims = activePods;
        std::sort(victims.begin(), victims.end(), deleteBefore);
        victims = victims.mid(0, std::min(diff, kBurstReplicas));
        std::optional<ApiError> firstError;
        for (const ObjectRef &pod : std::as_const(victims)) {
            const auto removed = m_pods.remove(replicaSet, pod->object);
            if (!removed && !firstError)
                firstError = removed.error();
        }
        return firstError;
    }
    return std::nullopt;
}

bool ReplicaSetController::updateStatus(const QJsonObject &replicaSet, const QList<ObjectRef> &activePods,
                                        const std::optional<ApiError> &manageError, int diff)
{
    const QJsonObject spec = ctrl::specOf(replicaSet);
    const QJsonObject templateLabels = ctrl::child(ctrl::child(ctrl::child(spec, "template"_L1), "metadata"_L1), "labels"_L1);
    const qint64 minReady = spec.value("minReadySeconds"_L1).toInteger(0);
    const QDateTime nowTime = m_ctx->objects->now();
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    for (const ObjectRef &pod : activePods) {
        const QJsonObject labels = labelsOf(pod->object);
        bool allLabels = true;
        for (auto it = templateLabels.begin(); it != templateLabels.end(); ++it)
            allLabels = allLabels && labels.value(it.key()) == it.value();
        fullyLabeled += allLabels ? 1 : 0;
        ready += ctrl::podIsReady(pod->object) ? 1 : 0;
        available += ctrl::podIsAvailable(pod->object, minReady, nowTime) ? 1 : 0;
    }
    const QString now = ctrl::timestamp(nowTime);
    const qint64 generation = ctrl::generationOf(replicaSet);
    const int replicas = static_cast<int>(activePods.size());
    const auto result = m_ctx->objects->mutate(
        m_ctx->types.replicaSets, namespaceOf(replicaSet), nameOf(replicaSet),
        [&](QJsonObject &object) {
            const QJsonObject before = ctrl::statusOf(object);
            QJsonObject status = before;
            status.insert(u"replicas"_s, replicas);
            ctrl::setCount(status, u"fullyLabeledReplicas"_s, fullyLabeled);
            ctrl::setCount(status, u"readyReplicas"_s, ready);
            ctrl::setCount(status, u"availableReplicas"_s, available);
            status.insert(u"observedGeneration"_s, generation);
            QJsonArray conditions = status.value("conditions"_L1).toArray();
            const bool hasFailure = !ctrl::findCondition(conditions, u"ReplicaFailure"_s).isEmpty();
            if (manageError && !hasFailure) {
                const QString reason = diff < 0 ? u"FailedCreate"_s : u"FailedDelete"_s;
                ctrl::setCondition(conditions, {u"ReplicaFailure"_s, u"True"_s, reason, manageError->message}, now,
                                   ctrl::ConditionStyle::Plain);
            } else if (!manageError && hasFailure) {
                ctrl::removeCondition(conditions, u"ReplicaFailure"_s);
            }
            if (conditions.isEmpty())
                status.remove(u"conditions"_s);
            else
                status.insert(u"conditions"_s, conditions);
            if (status == before)
                return false;
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, ctrl::kControllerManager);
    return result.hasValue() || result.error().code == 404;
}

} // namespace fd::sim

#include "moc_ReplicaSetController.cpp"
