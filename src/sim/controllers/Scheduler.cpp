#include "sim/controllers/Scheduler.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/EventRecorder.h"
#include "sim/controllers/ObjectHelpers.h"

#include <QMap>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSchedulerManager = u"kube-scheduler"_s;

const EventSource &source()
{
    static const EventSource value{u"default-scheduler"_s, QString(), kSchedulerManager};
    return value;
}

bool requirementMatches(const QJsonObject &requirement, const QString &actual, bool present)
{
    const QString op = ctrl::text(requirement, "operator"_L1);
    QStringList values;
    for (const QJsonValue &value : requirement.value("values"_L1).toArray())
        values << value.toString();
    if (op == "In"_L1)
        return present && values.contains(actual);
    if (op == "NotIn"_L1)
        return !present || !values.contains(actual);
    if (op == "Exists"_L1)
        return present;
    if (op == "DoesNotExist"_L1)
        return !present;
    if (op == "Gt"_L1 || op == "Lt"_L1) {
        bool okActual = false;
        bool okValue = false;
        const qint64 left = actual.toLongLong(&okActual);
        const qint64 right = values.value(0).toLongLong(&okValue);
        if (!present || !okActual || !okValue)
            return false;
        return op == "Gt"_L1 ? left > right : left < right;
    }
    return false;
}

// A NodeSelectorTerm: all its expressions and fields must hold.
bool termMatches(const QJsonObject &term, const QJsonObject &node)
{
    const QJsonObject labels = labelsOf(node);
    for (const QJsonValue &value : term.value("matchExpressions"_L1).toArray()) {
        const QJsonObject requirement = value.toObject();
        const QString key = ctrl::text(requirement, "key"_L1);
        if (!requirementMatches(requirement, labels.value(key).toString(), labels.contains(key)))
            return false;
    }
    for (const QJsonValue &value : term.value("matchFields"_L1).toArray()) {
        const QJsonObject requirement = value.toObject();
        if (ctrl::text(requirement, "key"_L1) != "metadata.name"_L1)
            return false;
        if (!requirementMatches(requirement, nameOf(node), true))
            return false;
    }
    return true;
}

bool tolerates(const QJsonArray &tolerations, const QJsonObject &taint)
{
    for (const QJsonValue &value : tolerations) {
        const QJsonObject toleration = value.toObject();
        const QString effect = ctrl::text(toleration, "effect"_L1);
        if (!effect.isEmpty() && effect != ctrl::text(taint, "effect"_L1))
            continue;
        const QString key = ctrl::text(toleration, "key"_L1);
        const QString op = ctrl::text(toleration, "operator"_L1);
        if (key.isEmpty() && op == "Exists"_L1)
            return true;
        if (key != ctrl::text(taint, "key"_L1))
            continue;
        if (op == "Exists"_L1 || ctrl::text(toleration, "value"_L1) == ctrl::text(taint, "value"_L1))
            return true;
    }
    return false;
}

} // namespace

bool podFitsNode(const QJsonObject &pod, const QJsonObject &node, QString *reason)
{
    const QJsonObject spec = ctrl::specOf(pod);
    const QJsonObject nodeSpec = ctrl::specOf(node);
    const auto fail = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (nodeSpec.value("unschedulable"_L1).toBool())
        return fail(u"node(s) were unschedulable"_s);
    if (!ctrl::conditionIsTrue(ctrl::statusOf(node), u"Ready"_s))
        return fail(u"node(s) had untolerated taint {node.kubernetes.io/not-ready: }"_s);
    const QJsonObject nodeSelector = ctrl::child(spec, "nodeSelector"_L1);
    const QJsonObject labels = labelsOf(node);
    for (auto it = nodeSelector.begin(); it != nodeSelector.end(); ++it) {
        if (!labels.contains(it.key()) || labels.value(it.key()).toString() != it.value().toString())
            return fail(u"node(s) didn't match Pod's node affinity/selector"_s);
    }
    const QJsonArray terms = ctrl::child(ctrl::child(ctrl::child(spec, "affinity"_L1), "nodeAffinity"_L1),
                                         "requiredDuringSchedulingIgnoredDuringExecution"_L1)
                                 .value("nodeSelectorTerms"_L1)
                                 .toArray();
    if (!terms.isEmpty()) {
        bool any = false;
        for (const QJsonValue &term : terms)
            any = any || termMatches(term.toObject(), node);
        if (!any)
            return fail(u"node(s) didn't match Pod's node affinity/selector"_s);
    }
    const QJsonArray tolerations = spec.value("tolerations"_L1).toArray();
    for (const QJsonValue &value : nodeSpec.value("taints"_L1).toArray()) {
        const QJsonObject taint = value.toObject();
        const QString effect = ctrl::text(taint, "effect"_L1);
        if ((effect == "NoSchedule"_L1 || effect == "NoExecute"_L1) && !tolerates(tolerations, taint)) {
            return fail(QStringLiteral("node(s) had untolerated taint {%1: %2}")
                            .arg(ctrl::text(taint, "key"_L1), ctrl::text(taint, "value"_L1)));
        }
    }
    return true;
}

Scheduler::Scheduler(ControllerContext *context, QObject *parent) : Reconciler(context, parent)
{
}

bool Scheduler::wantsScheduling(const QJsonObject &pod) const
{
    const QJsonObject spec = ctrl::specOf(pod);
    const QString scheduler = ctrl::text(spec, "schedulerName"_L1);
    return ctrl::text(spec, "nodeName"_L1).isEmpty() && !ctrl::isDeleting(pod) && !ctrl::podIsTerminal(pod)
        && (scheduler.isEmpty() || scheduler == "default-scheduler"_L1);
}

QStringList Scheduler::initialKeys() const
{
    QStringList keys;
    for (const ObjectRef &pod : m_ctx->store()->list(m_ctx->types.pods.storageKey())) {
        if (wantsScheduling(pod->object))
            keys << objectKey(namespaceOf(pod->object), nameOf(pod->object));
    }
    return keys;
}

void Scheduler::observe(const StoreEvent &event)
{
    if (event.storageKey == m_ctx->types.pods.storageKey()) {
        if (event.type != StoreEventType::Deleted && event.object && wantsScheduling(event.object->object))
            enqueue(event.key);
        return;
    }
    if (event.storageKey == m_ctx->types.nodes.storageKey()) {
        // A node appeared or changed: pending pods get another chance.
        const QStringList keys = initialKeys();
        for (const QString &key : keys)
            enqueue(key);
    }
}

void Scheduler::reconcile(const QString &key)
{
    const ObjectRef current = m_ctx->objects->get(m_ctx->types.pods, namespaceOfKey(key), nameOfKey(key));
    if (!current || !wantsScheduling(current->object))
        return;
    const QJsonObject &pod = current->object;
    const QList<ObjectRef> nodes = m_ctx->store()->list(m_ctx->types.nodes.storageKey());
    if (nodes.isEmpty()) {
        markUnschedulable(pod, u"no nodes available to schedule pods"_s);
        return;
    }
    QMap<QString, int> reasons;
    QString best;
    int bestLoad = 0;
    for (const ObjectRef &node : nodes) {
        QString reason;
        if (!podFitsNode(pod, node->object, &reason)) {
            reasons[reason] += 1;
            continue;
        }
        int load = 0;
        for (const ObjectRef &other : m_ctx->store()->list(m_ctx->types.pods.storageKey())) {
            if (ctrl::text(ctrl::specOf(other->object), "nodeName"_L1) == nameOf(node->object))
                ++load;
        }
        if (best.isEmpty() || load < bestLoad) {
            best = nameOf(node->object);
            bestLoad = load;
        }
    }
    if (!best.isEmpty()) {
        bind(pod, best);
        return;
    }
    QStringList parts;
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    parts.sort();
    const QString total = QString::number(nodes.size());
    markUnschedulable(pod, QStringLiteral("0/%1 nodes are available: %2. preemption: 0/%1 nodes are available: %1 "
                                          "Preemption is not helpful for scheduling.")
                               .arg(total, parts.join(u", "_s)));
}

void Scheduler::bind(const QJsonObject &pod, const QString &nodeName)
{
    const QString now = ctrl::timestamp(m_ctx->objects->now());
    // The condition first: a kubelet that sees spec.nodeName finds it already in place.
    const auto scheduled = m_ctx->objects->mutate(
        m_ctx->types.pods, namespaceOf(pod), nameOf(pod),
        [&now](QJsonObject &object) {
            QJsonObject status = ctrl::statusOf(object);
            QJsonArray conditions = status.value("conditions"_L1).toArray();
            ctrl::setCondition(conditions, {u"PodScheduled"_s, u"True"_s, QString(), QString()}, now,
                               ctrl::ConditionStyle::Pod);
            status.insert(u"conditions"_s, conditions);
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, kSchedulerManager);
    if (!scheduled) {
        if (scheduled.error().code != 404)
            retryLater(objectKey(namespaceOf(pod), nameOf(pod)));
        return;
    }
    const auto bound = m_ctx->objects->mutate(
        m_ctx->types.pods, namespaceOf(pod), nameOf(pod),
        [&nodeName](QJsonObject &object) {
            QJsonObject spec = ctrl::specOf(object);
            if (!ctrl::text(spec, "nodeName"_L1).isEmpty())
                return false;
            spec.insert(u"nodeName"_s, nodeName);
            object.insert(u"spec"_s, spec);
            return true;
        },
        {}, kSchedulerManager);
    if (!bound) {
        if (bound.error().code != 404)
            retryLater(objectKey(namespaceOf(pod), nameOf(pod)));
        return;
    }
    m_ctx->events->normal(bound->object->object, u"Scheduled"_s,
                          QStringLiteral("Successfully assigned %1/%2 to %3").arg(namespaceOf(pod), nameOf(pod), nodeName),
                          source());
}

void Scheduler::markUnschedulable(const QJsonObject &pod, const QString &message)
{
    const QString now = ctrl::timestamp(m_ctx->objects->now());
    const QJsonObject existing =
        ctrl::findCondition(ctrl::statusOf(pod).value("conditions"_L1).toArray(), u"PodScheduled"_s);
    if (existing.value("message"_L1).toString() == message)
        return; // already reported; a node change queues the pod again
    m_ctx->objects->mutate(
        m_ctx->types.pods, namespaceOf(pod), nameOf(pod),
        [&](QJsonObject &object) {
            QJsonObject status = ctrl::statusOf(object);
            QJsonArray conditions = status.value("conditions"_L1).toArray();
            ctrl::setCondition(conditions, {u"PodScheduled"_s, u"False"_s, u"Unschedulable"_s, message}, now,
                               ctrl::ConditionStyle::Pod);
            status.insert(u"conditions"_s, conditions);
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, kSchedulerManager);
    m_ctx->events->warning(pod, u"FailedScheduling"_s, message, source());
}

} // namespace fd::sim

#include "moc_Scheduler.cpp"
