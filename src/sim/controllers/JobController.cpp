#include "sim/controllers/JobController.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

#include <algorithm>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kTracking = u"batch.kubernetes.io/job-tracking"_s;
const QString kCompletionsReached = u"CompletionsReached"_s;
const QString kCompletionsMessage = u"Reached expected number of succeeded pods"_s;

struct FailureReason {
    QString reason;
    QString message;
};

bool jobFinished(const QJsonObject &job)
{
    const QJsonObject status = ctrl::statusOf(job);
    return ctrl::conditionIsTrue(status, u"Complete"_s) || ctrl::conditionIsTrue(status, u"Failed"_s);
}

int containerRestarts(const QJsonObject &pod)
{
    int restarts = 0;
    for (const char *field : {"initContainerStatuses", "containerStatuses"}) {
        for (const QJsonValue &value : ctrl::statusOf(pod).value(QLatin1String(field)).toArray())
            restarts += value.toObject().value("restartCount"_L1).toInt();
    }
    return restarts;
}

} // namespace

JobController::JobController(ControllerContext *context, QObject *parent)
    : Reconciler(context, parent), m_pods(context, EventSource{u"job-controller"_s, QString(), ctrl::kControllerManager})
{
}

QStringList JobController::initialKeys() const
{
    QStringList keys;
    for (const ObjectRef &job : m_ctx->store()->list(m_ctx->types.jobs.storageKey()))
        keys << objectKey(namespaceOf(job->object), nameOf(job->object));
    return keys;
}

void JobController::observe(const StoreEvent &event)
{
    if (event.storageKey == m_ctx->types.jobs.storageKey()) {
        enqueue(event.key);
        return;
    }
    if (event.storageKey != m_ctx->types.pods.storageKey() || !event.object)
        return;
    const auto owner = ctrl::controllerOf(event.object->object);
    if (owner && owner->kind == "Job"_L1)
        enqueue(objectKey(namespaceOf(event.object->object), owner->name));
}

bool JobController::releasePods(const QList<ObjectRef> &pods)
{
    bool ok = true;
    for (const ObjectRef &pod : pods) {
        if (!ctrl::hasFinalizer(pod->object, kTracking))
            continue;
        const auto result = m_ctx->objects->mutate(
            m_ctx->types.pods, namespaceOf(pod->object), nameOf(pod->object),
            [](QJsonObject &object) { return ctrl::removeFinalizer(object, kTracking); }, {}, ctrl::kControllerManager);
        ok = ok && (result.hasValue() || result.error().code == 404);
    }
    return ok;
}

JobController::Tally JobController::tally(const QJsonObject &job, const QList<ObjectRef> &pods)
{
    Tally result;
    const QSet<QString> counted = m_counted.value(uidOf(job));
    for (const ObjectRef &ref : pods) {
        const QJsonObject &pod = ref->object;
        const bool tracked = ctrl::hasFinalizer(pod, kTracking);
        const bool fresh = tracked && !counted.contains(uidOf(pod));
        const QString phase = ctrl::podPhase(pod);
        const bool deleting = ctrl::isDeleting(pod);
        if (phase == "Succeeded"_L1) {
            result.newSucceeded += fresh ? 1 : 0;
        } else if (phase == "Failed"_L1 || deleting) {
            // A deleted pod that did not succeed counts as failed (it may never reach Failed).
            result.newFailed += fresh ? 1 : 0;
            if (deleting && phase != "Failed"_L1)
                ++result.terminating;
        } else {
            ++result.active;
            result.ready += ctrl::podIsReady(pod) ? 1 : 0;
            result.restarts += containerRestarts(pod);
            result.activePods.append(ref);
            continue;
        }
        if (tracked)
            result.finishedWithFinalizer.append(ref);
    }
    return result;
}

void JobController::reconcile(const QString &key)
{
    const QString ns = namespaceOfKey(key);
    const QString name = nameOfKey(key);
    const ObjectRef current = m_ctx->objects->get(m_ctx->types.jobs, ns, name);
    QList<ObjectRef> owned;
    QList<ObjectRef> strays;
    for (const ObjectRef &pod : m_ctx->store()->list(m_ctx->types.pods.storageKey(), ns)) {
        const auto owner = ctrl::controllerOf(pod->object);
        if (!owner || owner->kind != "Job"_L1 || owner->name != name)
            continue;
        if (current && owner->uid == uidOf(current->object))
            owned.append(pod);
        else
            strays.append(pod);
    }
    // Pods of a deleted job must not stay stuck on the tracking finalizer.
    if (!releasePods(strays)) {
        retryLater(key);
        return;
    }
    if (!current)
        return;
    const QJsonObject job = current->object;
    const QString jobUid = uidOf(job);
    if (jobFinished(job)) {
        if (!releasePods(owned))
            retryLater(key);
        handleFinished(job);
        return;
    }

    const Tally counts = tally(job, owned);
    const QJsonObject spec = ctrl::specOf(job);
    const QDateTime nowTime = m_ctx->objects->now();
    const QString now = ctrl::timestamp(nowTime);
    QJsonObject status = ctrl::statusOf(job);
    const int succeeded = status.value("succeeded"_L1).toInt() + counts.newSucceeded;
    const int failed = status.value("failed"_L1).toInt() + counts.newFailed;
    if (counts.newFailed > 0)
        m_lastFailure.insert(jobUid, nowTime);
    const bool suspended = spec.value("suspend"_L1).toBool();
    if (!status.contains("startTime"_L1) && !suspended)
        status.insert(u"startTime"_s, now);
    QJsonArray conditions = status.value("conditions"_L1).toArray();

    std::optional<FailureReason> failure;
    const QJsonObject failureTarget = ctrl::findCondition(conditions, u"FailureTarget"_s);
    const int backoffLimit = spec.value("backoffLimit"_L1).toInt(6);
    const bool onFailure = ctrl::text(ctrl::specOf(ctrl::child(spec, "template"_L1)), "restartPolicy"_L1) == "OnFailure"_L1;
    const QJsonValue deadline = spec.value("activeDeadlineSeconds"_L1);
    const QDateTime started = ctrl::parseTimestamp(status.value("startTime"_L1).toString());
    if (failureTarget.value("status"_L1).toString() == "True"_L1) {
        failure = FailureReason{failureTarget.value("reason"_L1).toString(), failureTarget.value("message"_L1).toString()};
    } else if (failed > backoffLimit
               || (onFailure && (backoffLimit == 0 ? counts.restarts > 0 : counts.restarts >= backoffLimit))) {
        failure = FailureReason{u"BackoffLimitExceeded"_s, u"Job has reached the specified backoff limit"_s};
    } else if (deadline.isDouble() && started.isValid() && !suspended
               && started.addSecs(deadline.toInteger()) <= nowTime) {
        failure = FailureReason{u"DeadlineExceeded"_s, u"Job was active longer than specified deadline"_s};
    }
    const QJsonValue completions = spec.value("completions"_L1);
    const bool successReached = ctrl::conditionIsTrue(status, u"SuccessCriteriaMet"_s)
        || (completions.isDouble() ? succeeded >= completions.toInt() : succeeded > 0 && counts.active == 0);

    bool ok = true;
    int active = counts.active;
    if (failure || successReached) {
        if (failure)
            ctrl::setCondition(conditions, {u"FailureTarget"_s, u"True"_s, failure->reason, failure->message}, now,
                               ctrl::ConditionStyle::Job);
        else
            ctrl::setCondition(conditions, {u"SuccessCriteriaMet"_s, u"True"_s, kCompletionsReached, kCompletionsMessage},
                               now, ctrl::ConditionStyle::Job);
        for (const ObjectRef &pod : counts.activePods)
            ok = m_pods.remove(job, pod->object).hasValue() && ok;
        active = 0;
    } else {
        status.insert(u"conditions"_s, conditions);
        ok = manage(job, counts, succeeded, failed, status);
        conditions = status.value("conditions"_L1).toArray();
        active = status.value("active"_L1).toInt();
    }

    const bool settled = active == 0 && counts.terminating == 0;
    bool finishedNow = false;
    if (failure && settled) {
        ctrl::setCondition(conditions, {u"Failed"_s, u"True"_s, failure->reason, failure->message}, now,
                           ctrl::ConditionStyle::Job);
        finishedNow = true;
    } else if (!failure && successReached && settled) {
        ctrl::setCondition(conditions, {u"Complete"_s, u"True"_s, kCompletionsReached, kCompletionsMessage}, now,
                           ctrl::ConditionStyle::Job);
        status.insert(u"completionTime"_s, now);
        finishedNow = true;
    }
    ctrl::setCount(status, u"active"_s, active);
    ctrl::setCount(status, u"succeeded"_s, succeeded);
    ctrl::setCount(status, u"failed"_s, failed);
    status.insert(u"ready"_s, failure || successReached ? 0 : counts.ready);
    status.insert(u"terminating"_s, counts.terminating);
    status.insert(u"uncountedTerminatedPods"_s, QJsonObject());
    if (conditions.isEmpty())
        status.remove(u"conditions"_s);
    else
        status.insert(u"conditions"_s, conditions);
    if (!writeStatus(job, status)) {
        retryLater(key);
        return;
    }
    // Counted: now the finished pods may go.
    QSet<QString> &counted = m_counted[jobUid];
    for (const ObjectRef &pod : counts.finishedWithFinalizer)
        counted.insert(uidOf(pod->object));
    if (releasePods(counts.finishedWithFinalizer)) {
        for (const ObjectRef &pod : counts.finishedWithFinalizer)
            counted.remove(uidOf(pod->object));
    } else {
        ok = false;
    }
    if (counted.isEmpty())
        m_counted.remove(jobUid);
    if (finishedNow) {
        m_lastFailure.remove(jobUid);
        const EventSource &source = m_pods.source();
        if (failure)
            m_ctx->events->warning(job, failure->reason, failure->message, source);
        else
            m_ctx->events->normal(job, u"Completed"_s, u"Job completed"_s, source);
    } else if (deadline.isDouble() && started.isValid() && !failure) {
        const qint64 remaining = nowTime.msecsTo(started.addSecs(deadline.toInteger()));
        enqueueAfter(key, static_cast<int>(std::clamp<qint64>(remaining + 50, 0, 24LL * 3600 * 1000)));
    }
    settle(key, ok);
}

bool JobController::manage(const QJsonObject &job, const Tally &counts, int succeeded, int failed, QJsonObject &status)
{
    const QJsonObject spec = ctrl::specOf(job);
    const QString now = ctrl::timestamp(m_ctx->objects->now());
    QJsonArray conditions = status.value("conditions"_L1).toArray();
    const EventSource &source = m_pods.source();
    bool ok = true;
    if (spec.value("suspend"_L1).toBool()) {
        for (const ObjectRef &pod : counts.activePods)
            ok = m_pods.remove(job, pod->object).hasValue() && ok;
        if (!ctrl::conditionIsTrue(status, u"Suspended"_s))
            m_ctx->events->normal(job, u"Suspended"_s, u"Job suspended"_s, source);
        ctrl::setCondition(conditions, {u"Suspended"_s, u"True"_s, u"JobSuspended"_s, u"Job suspended"_s}, now,
                           ctrl::ConditionStyle::Job);
        status.insert(u"conditions"_s, conditions);
        status.remove(u"startTime"_s);
        status.insert(u"active"_s, 0);
        return ok;
    }
    if (ctrl::conditionIsTrue(status, u"Suspended"_s)) {
        ctrl::setCondition(conditions, {u"Suspended"_s, u"False"_s, u"JobResumed"_s, u"Job resumed"_s}, now,
                           ctrl::ConditionStyle::Job);
        status.insert(u"conditions"_s, conditions);
        m_ctx->events->normal(job, u"Resumed"_s, u"Job resumed"_s, source);
    }
    const int parallelism = std::max(0, spec.value("parallelism"_L1).toInt(1));
    const QJsonValue completions = spec.value("completions"_L1);
    int wanted = parallelism;
    if (completions.isDouble())
        wanted = std::clamp(completions.toInt() - succeeded, 0, parallelism);
    int active = counts.active;
    if (active > wanted) {
        QList<ObjectRef> victims = counts.activePods;
        std::sort(victims.begin(), victims.end(), [](const ObjectRef &a, const ObjectRef &b) {
            return !ctrl::podIsReady(a->object) && ctrl::podIsReady(b->object);
        });
        for (qsizetype i = 0; i < victims.size() && active > wanted; ++i) {
            if (m_pods.remove(job, victims.at(i)->object).hasValue())
                --active;
            else
                ok = false;
        }
    } else if (active < wanted) {
        // Failed pods are replaced after an exponential back-off (10 s doubling upstream).
        const QDateTime lastFailure = m_lastFailure.value(uidOf(job));
        if (failed > 0 && lastFailure.isValid()) {
            const qint64 delay = std::min<qint64>(static_cast<qint64>(m_ctx->timing.jobBackoffBaseMs)
                                                      << std::min(failed - 1, 16),
                                                  m_ctx->timing.jobBackoffMaxMs);
            const qint64 remaining = m_ctx->objects->now().msecsTo(lastFailure.addMSecs(delay));
            if (remaining > 0) {
                enqueueAfter(objectKey(namespaceOf(job), nameOf(job)), static_cast<int>(remaining) + 1);
                status.insert(u"active"_s, active);
                return ok;
            }
        }
        const QJsonObject ownerRef = ctrl::controllerReference(job, m_ctx->types.jobs);
        // At most MaxPodCreateDeletePerSync pods per pass; the commits queue the next one.
        int budget = ctrl::kMaxPodsPerSync;
        while (active < wanted && budget-- > 0) {
            QJsonObject pod = ctrl::podFromTemplate(ctrl::child(spec, "template"_L1), ownerRef);
            setMetadataField(pod, u"generateName"_s, nameOf(job) + QLatin1Char('-'));
            QStringList finalizers = ctrl::finalizerList(pod);
            finalizers.append(kTracking);
            setMetadataField(pod, u"finalizers"_s, QJsonArray::fromStringList(finalizers));
            if (!m_pods.create(job, pod)) {
                ok = false;
                break;
            }
            ++active;
        }
    }
    status.insert(u"active"_s, active);
    return ok;
}

void JobController::handleFinished(const QJsonObject &job)
{
    const QJsonValue ttl = ctrl::specOf(job).value("ttlSecondsAfterFinished"_L1);
    if (!ttl.isDouble() || ctrl::isDeleting(job))
        return;
    const QJsonObject status = ctrl::statusOf(job);
    QDateTime finished = ctrl::parseTimestamp(status.value("completionTime"_L1).toString());
    if (!finished.isValid()) {
        const QJsonObject failedCondition = ctrl::findCondition(status.value("conditions"_L1).toArray(), u"Failed"_s);
        finished = ctrl::parseTimestamp(failedCondition.value("lastTransitionTime"_L1).toString());
    }
    if (!finished.isValid())
        return;
    const QDateTime due = finished.addSecs(ttl.toInteger());
    const qint64 remaining = m_ctx->objects->now().msecsTo(due);
    if (remaining > 0) {
        enqueueAfter(objectKey(namespaceOf(job), nameOf(job)),
                     static_cast<int>(std::min<qint64>(remaining + 50, 24LL * 3600 * 1000)));
        return;
    }
    // The ttl-after-finished controller deletes in the foreground.
    DeleteOptions options;
    options.propagationPolicy = u"Foreground"_s;
    options.preconditionUid = uidOf(job);
    m_ctx->objects->remove(m_ctx->types.jobs, namespaceOf(job), nameOf(job), options);
}

bool JobController::writeStatus(const QJsonObject &job, const QJsonObject &status)
{
    if (status == ctrl::statusOf(job))
        return true;
    const auto result = m_ctx->objects->mutate(
        m_ctx->types.jobs, namespaceOf(job), nameOf(job),
        [&status](QJsonObject &object) {
            if (ctrl::statusOf(object) == status)
                return false;
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, ctrl::kControllerManager);
    return result.hasValue() || result.error().code == 404;
}

} // namespace fd::sim

#include "moc_JobController.cpp"
