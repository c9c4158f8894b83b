#include "sim/controllers/DaemonSetController.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"
#include "sim/controllers/Scheduler.h"

#include <QMap>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {


// The node a daemon pod is meant for: where it runs, or its affinity target.
QString targetNode(const QJsonObject &pod)
{
    const QString bound = ctrl::text(ctrl::specOf(pod), "nodeName"_L1);
    if (!bound.isEmpty())
        return bound;
    const QJsonArray terms = ctrl::child(ctrl::child(ctrl::child(ctrl::specOf(pod), "affinity"_L1), "nodeAffinity"_L1),
                                         "requiredDuringSchedulingIgnoredDuringExecution"_L1)
                                 .value("nodeSelectorTerms"_L1)
                                 .toArray();
    for (const QJsonValue &term : terms) {
        for (const QJsonValue &field : term.toObject().value("matchFields"_L1).toArray()) {
            const QJsonObject requirement = field.toObject();
            if (ctrl::text(requirement, "key"_L1) == "metadata.name"_L1)
                return requirement.value("values"_L1).toArray().at(0).toString();
        }
    }
    return {};
}

QJsonArray daemonTolerations(const QJsonArray &existing)
{
    QJsonArray tolerations = existing;
    const auto add = [&tolerations](const char *key, const char *effect) {
        for (const QJsonValue &value : std::as_const(tolerations)) {
            const QJsonObject toleration = value.toObject();
            if (toleration.value("key"_L1).toString() == QLatin1String(key)
                && toleration.value("effect"_L1).toString() == QLatin1String(effect))
                return;
        }
        tolerations.append(QJsonObject{{u"key"_s, QString::fromLatin1(key)},
                                       {u"operator"_s, u"Exists"_s},
                                       {u"effect"_s, QString::fromLatin1(effect)}});
    };
    add("node.kubernetes.io/not-ready", "NoExecute");
    add("node.kubernetes.io/unreachable", "NoExecute");
    add("node.kubernetes.io/disk-pressure", "NoSchedule");
    add("node.kubernetes.io/memory-pressure", "NoSchedule");
    add("node.kubernetes.io/pid-pressure", "NoSchedule");
    add("node.kubernetes.io/unschedulable", "NoSchedule");
    return tolerations;
}

} // namespace

DaemonSetController::DaemonSetController(ControllerContext *context, QObject *parent)
    : Reconciler(context, parent),
      m_pods(context, EventSource{u"daemonset-controller"_s, QString(), ctrl::kControllerManager}),
      m_revisions(context, context->types.daemonSets)
{
}

QStringList DaemonSetController::initialKeys() const
{
    QStringList keys;
    for (const ObjectRef &ds : m_ctx->store()->list(m_ctx->types.daemonSets.storageKey()))
        keys << objectKey(namespaceOf(ds->object), nameOf(ds->object));
    return keys;
}

void DaemonSetController::observe(const StoreEvent &event)
{
    if (event.storageKey == m_ctx->types.daemonSets.storageKey()) {
        enqueue(event.key);
        return;
    }
    if (event.storageKey == m_ctx->types.nodes.storageKey()) {
        const QStringList keys = initialKeys();
        for (const QString &key : keys)
            enqueue(key);
        return;
    }
    if (event.storageKey != m_ctx->types.pods.storageKey() || !event.object)
        return;
    const auto owner = ctrl::controllerOf(event.object->object);
    if (owner && owner->kind == "DaemonSet"_L1)
        enqueue(objectKey(namespaceOf(event.object->object), owner->name));
}

QJsonObject DaemonSetController::newPod(const QJsonObject &daemonSet, const QString &nodeName, const QString &hash) const
{
    QJsonObject pod = ctrl::podFromTemplate(ctrl::child(ctrl::specOf(daemonSet), "template"_L1),
                                            ctrl::controllerReference(daemonSet, m_ctx->types.daemonSets));
    setMetadataField(pod, u"generateName"_s, nameOf(daemonSet) + QLatin1Char('-'));
    QJsonObject labels = labelsOf(pod);
    labels.insert(ctrl::kControllerRevisionLabel, hash);
    labels.insert(u"pod-template-generation"_s, QString::number(ctrl::generationOf(daemonSet)));
    setMetadataField(pod, u"labels"_s, labels);
    QJsonObject spec = ctrl::specOf(pod);
    QJsonObject affinity = ctrl::child(spec, "affinity"_L1);
    QJsonObject nodeAffinity = ctrl::child(affinity, "nodeAffinity"_L1);
    nodeAffinity.insert(
        u"requiredDuringSchedulingIgnoredDuringExecution"_s,
        QJsonObject{{u"nodeSelectorTerms"_s,
                     QJsonArray{QJsonObject{
                         {u"matchFields"_s, QJsonArray{QJsonObject{{u"key"_s, u"metadata.name"_s},
                                                                   {u"operator"_s, u"In"_s},
                                                                   {u"values"_s, QJsonArray{nodeName}}}}}}}}});
    affinity.insert(u"nodeAffinity"_s, nodeAffinity);
    spec.insert(u"affinity"_s, affinity);
    spec.insert(u"tolerations"_s, daemonTolerations(spec.value("tolerations"_L1).toArray()));
    pod.insert(u"spec"_s, spec);
    return pod;
}

void DaemonSetController::reconcile(const QString &key)
{
    const ObjectRef current = m_ctx->objects->get(m_ctx->types.daemonSets, namespaceOfKey(key), nameOfKey(key));
    if (!current)
        return;
    const QJsonObject daemonSet = current->object;
    const QJsonObject spec = ctrl::specOf(daemonSet);
    bool ok = true;
    const auto revision = m_revisions.ensureCurrent(daemonSet);
    if (!revision) {
        retryLater(key);
        return;
    }
    const QString hash = revision->hash;

    // Which nodes should run a daemon pod: those the pod template would fit.
    const QJsonObject probe = newPod(daemonSet, QString(), hash);
    QStringList eligible;
    for (const ObjectRef &node : m_ctx->store()->list(m_ctx->types.nodes.storageKey())) {
        QJsonObject candidate = probe;
        QJsonObject candidateSpec = ctrl::specOf(candidate);
        candidateSpec.remove(u"affinity"_s);
        candidate.insert(u"spec"_s, candidateSpec);
        if (podFitsNode(candidate, node->object))
            eligible << nameOf(node->object);
    }

    QMap<QString, QList<ObjectRef>> podsByNode;
    QSet<QString> revisionsInUse;
    for (const ObjectRef &pod : m_pods.ownedPods(daemonSet)) {
        if (ctrl::isDeleting(pod->object))
            continue;
        podsByNode[targetNode(pod->object)].append(pod);
        revisionsInUse.insert(nameOf(daemonSet) + QLatin1Char('-') + labelsOf(pod->object).value(ctrl::kControllerRevisionLabel).toString());
    }

    const QDateTime nowTime = m_ctx->objects->now();
    const qint64 minReady = spec.value("minReadySeconds"_L1).toInteger(0);
    const bool deleting = ctrl::isDeleting(daemonSet);
    if (!deleting) {
        // Pods where none belong, surplus pods, failed pods.
        for (auto it = podsByNode.begin(); it != podsByNode.end(); ++it) {
            QList<ObjectRef> &pods = it.value();
            const bool wanted = eligible.contains(it.key());
            for (qsizetype i = 0; i < pods.size();) {
                const bool failed = ctrl::podPhase(pods.at(i)->object) == "Failed"_L1;
                if (!wanted || i > 0 || failed) {
                    ok = m_pods.remove(daemonSet, pods.at(i)->object).hasValue() && ok;
                    pods.removeAt(i);
                    continue;
                }
                ++i;
            }
        }
        for (const QString &node : std::as_const(eligible)) {
            if (!podsByNode.value(node).isEmpty())
                continue;
            const auto created = m_pods.create(daemonSet, newPod(daemonSet, node, hash));
            if (created)
                podsByNode[node].append(*created);
            else
                ok = false;
        }
        // RollingUpdate: old pods go while fewer than maxUnavailable nodes lack an available pod.
        const QJsonObject strategy = ctrl::child(spec, "updateStrategy"_L1);
        if (ctrl::text(strategy, "type"_L1) != "OnDelete"_L1) {
            const int maxUnavailable = std::max(
                1, ctrl::scaledValue(ctrl::child(strategy, "rollingUpdate"_L1).value("maxUnavailable"_L1),
                                     static_cast<int>(eligible.size()), true, 1));
            int unavailable = 0;
            for (const QString &node : std::as_const(eligible)) {
                const QList<ObjectRef> pods = podsByNode.value(node);
                if (pods.isEmpty() || !ctrl::podIsAvailable(pods.first()->object, minReady, nowTime))
                    ++unavailable;
            }
            for (const QString &node : std::as_const(eligible)) {
                const QList<ObjectRef> pods = podsByNode.value(node);
                if (pods.isEmpty() || labelsOf(pods.first()->object).value(ctrl::kControllerRevisionLabel).toString() == hash)
                    continue;
                const bool available = ctrl::podIsAvailable(pods.first()->object, minReady, nowTime);
                if (available && unavailable >= maxUnavailable)
                    continue;
                if (m_pods.remove(daemonSet, pods.first()->object).hasValue()) {
                    podsByNode[node].clear();
                    if (available)
                        ++unavailable;
                } else {
                    ok = false;
                }
            }
        }
        m_revisions.truncate(daemonSet, revisionsInUse, revision->name);
    }

    int scheduled = 0;
    int misscheduled = 0;
    int ready = 0;
    int updated = 0;
    int available = 0;
    for (auto it = podsByNode.begin(); it != podsByNode.end(); ++it) {
        if (it.value().isEmpty())
            continue;
        if (!eligible.contains(it.key())) {
            ++misscheduled;
            continue;
        }
        const QJsonObject &pod = it.value().first()->object;
        ++scheduled;
        ready += ctrl::podIsReady(pod) ? 1 : 0;
        available += ctrl::podIsAvailable(pod, minReady, nowTime) ? 1 : 0;
        updated += labelsOf(pod).value(ctrl::kControllerRevisionLabel).toString() == hash ? 1 : 0;
    }
    const int desired = static_cast<int>(eligible.size());
    const qint64 generation = ctrl::generationOf(daemonSet);
    const auto written = m_ctx->objects->mutate(
        m_ctx->types.daemonSets, namespaceOf(daemonSet), nameOf(daemonSet),
        [&](QJsonObject &object) {
            const QJsonObject before = ctrl::statusOf(object);
            QJsonObject status = before;
            status.insert(u"currentNumberScheduled"_s, scheduled);
            status.insert(u"desiredNumberScheduled"_s, desired);
            status.insert(u"numberMisscheduled"_s, misscheduled);
            status.insert(u"numberReady"_s, ready);
            status.insert(u"observedGeneration"_s, generation);
            ctrl::setCount(status, u"updatedNumberScheduled"_s, updated);
            ctrl::setCount(status, u"numberAvailable"_s, available);
            ctrl::setCount(status, u"numberUnavailable"_s, std::max(0, desired - available));
            if (status == before)
                return false;
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, ctrl::kControllerManager);
    if (!written && written.error().code != 404)
        ok = false;
    settle(key, ok);
    if (minReady > 0 && ready != available)
        enqueueAfter(key, static_cast<int>(minReady * 1000) + 50);
}

} // namespace fd::sim

#include "moc_DaemonSetController.cpp"
