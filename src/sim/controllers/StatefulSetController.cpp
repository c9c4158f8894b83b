#include "sim/controllers/StatefulSetController.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

#include <algorithm>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {


int ordinalOf(const QString &setName, const QString &podName)
{
    if (!podName.startsWith(setName + QLatin1Char('-')))
        return -1;
    bool ok = false;
    const int ordinal = podName.mid(setName.size() + 1).toInt(&ok);
    return ok && ordinal >= 0 ? ordinal : -1;
}

bool runningAndReady(const QJsonObject &pod)
{
    return ctrl::podPhase(pod) == "Running"_L1 && ctrl::podIsReady(pod);
}

bool healthy(const QJsonObject &pod)
{
    return runningAndReady(pod) && !ctrl::isDeleting(pod);
}

QString claimName(const QJsonObject &claimTemplate, const QString &setName, int ordinal)
{
    return QStringLiteral("%1-%2-%3").arg(nameOf(claimTemplate), setName).arg(ordinal);
}

} // namespace

StatefulSetController::StatefulSetController(ControllerContext *context, QObject *parent)
    : Reconciler(context, parent), m_revisions(context, context->types.statefulSets),
      m_source{u"statefulset-controller"_s, QString(), ctrl::kControllerManager}
{
}

QStringList StatefulSetController::initialKeys() const
{
    QStringList keys;
    for (const ObjectRef &set : m_ctx->store()->list(m_ctx->types.statefulSets.storageKey()))
        keys << objectKey(namespaceOf(set->object), nameOf(set->object));
    return keys;
}

void StatefulSetController::observe(const StoreEvent &event)
{
    if (event.storageKey == m_ctx->types.statefulSets.storageKey()) {
        enqueue(event.key);
        return;
    }
    if (event.storageKey != m_ctx->types.pods.storageKey() || !event.object)
        return;
    const auto owner = ctrl::controllerOf(event.object->object);
    if (owner && owner->kind == "StatefulSet"_L1)
        enqueue(objectKey(namespaceOf(event.object->object), owner->name));
}

QJsonObject StatefulSetController::revisionTemplate(const QJsonObject &set, const QString &revisionName) const
{
    const ObjectRef revision =
        m_ctx->store()->get(m_ctx->types.controllerRevisions.storageKey(), namespaceOf(set), revisionName);
    if (revision && ctrl::isControlledBy(revision->object, uidOf(set))) {
        QJsonObject podTemplate =
            ctrl::child(ctrl::child(ctrl::child(revision->object, "data"_L1), "spec"_L1), "template"_L1);
        podTemplate.remove(u"$patch"_s);
        if (!podTemplate.isEmpty())
            return podTemplate;
    }
    return ctrl::child(ctrl::specOf(set), "template"_L1);
}

bool StatefulSetController::ensureClaims(const QJsonObject &set, int ordinal)
{
    const QJsonObject spec = ctrl::specOf(set);
    const QString podName = QStringLiteral("%1-%2").arg(nameOf(set)).arg(ordinal);
    const QJsonObject selectorLabels = ctrl::child(ctrl::child(spec, "selector"_L1), "matchLabels"_L1);
    const bool deleteWithSet =
        ctrl::text(ctrl::child(spec, "persistentVolumeClaimRetentionPolicy"_L1), "whenDeleted"_L1) == "Delete"_L1;
    bool ok = true;
    for (const QJsonValue &value : spec.value("volumeClaimTemplates"_L1).toArray()) {
        const QJsonObject claimTemplate = value.toObject();
        const QString name = claimName(claimTemplate, nameOf(set), ordinal);
        if (m_ctx->objects->get(m_ctx->types.persistentVolumeClaims, namespaceOf(set), name))
            continue;
        QJsonObject metadata = ctrl::child(claimTemplate, "metadata"_L1);
        metadata.insert(u"name"_s, name);
        QJsonObject labels = ctrl::child(metadata, "labels"_L1);
        for (auto it = selectorLabels.begin(); it != selectorLabels.end(); ++it)
            labels.insert(it.key(), it.value());
        if (!labels.isEmpty())
            metadata.insert(u"labels"_s, labels);
        if (deleteWithSet) {
            QJsonObject ref = ctrl::controllerReference(set, m_ctx->types.statefulSets);
            ref.remove(u"controller"_s);
            metadata.insert(u"ownerReferences"_s, QJsonArray{ref});
        }
        const QJsonObject claim{{u"apiVersion"_s, u"v1"_s},
                                {u"kind"_s, u"PersistentVolumeClaim"_s},
                                {u"metadata"_s, metadata},
                                {u"spec"_s, ctrl::specOf(claimTemplate)}};
        WriteOptions options;
        options.fieldManager = ctrl::kControllerManager;
        const auto created = m_ctx->objects->create(m_ctx->types.persistentVolumeClaims, namespaceOf(set), claim, options);
        if (created) {
            m_ctx->events->normal(set, u"SuccessfulCreate"_s,
                                  QStringLiteral("create Claim %1 Pod %2 in StatefulSet %3 success")
                                      .arg(name, podName, nameOf(set)),
                                  m_source);
        } else if (created.error().code != 409) {
            m_ctx->events->warning(set, u"FailedCreate"_s,
                                   QStringLiteral("create Claim %1 for Pod %2 in StatefulSet %3 failed error: %4")
                                       .arg(name, podName, nameOf(set), created.error().message),
                                   m_source);
            ok = false;
        }
    }
    return ok;
}

bool StatefulSetController::createPod(const QJsonObject &set, int ordinal, const QString &revision)
{
    const QJsonObject setSpec = ctrl::specOf(set);
    const QString name = QStringLiteral("%1-%2").arg(nameOf(set)).arg(ordinal);
    QJsonObject pod = ctrl::podFromTemplate(revisionTemplate(set, revision),
                                            ctrl::controllerReference(set, m_ctx->types.statefulSets));
    setMetadataField(pod, u"name"_s, name);
    QJsonObject labels = labelsOf(pod);
    labels.insert(ctrl::kControllerRevisionLabel, revision);
    labels.insert(u"statefulset.kubernetes.io/pod-name"_s, name);
    labels.insert(u"apps.kubernetes.io/pod-index"_s, QString::number(ordinal));
    setMetadataField(pod, u"labels"_s, labels);
    QJsonObject spec = ctrl::specOf(pod);
    spec.insert(u"hostname"_s, name);
    const QString serviceName = ctrl::text(setSpec, "serviceName"_L1);
    if (!serviceName.isEmpty())
        spec.insert(u"subdomain"_s, serviceName);
    QJsonArray volumes = spec.value("volumes"_L1).toArray();
    for (const QJsonValue &value : setSpec.value("volumeClaimTemplates"_L1).toArray()) {
        const QJsonObject claimTemplate = value.toObject();
        const QString volumeName = nameOf(claimTemplate);
        for (qsizetype i = volumes.size() - 1; i >= 0; --i) {
            if (volumes.at(i).toObject().value("name"_L1).toString() == volumeName)
                volumes.removeAt(i);
        }
        volumes.append(QJsonObject{{u"name"_s, volumeName},
                                   {u"persistentVolumeClaim"_s,
                                    QJsonObject{{u"claimName"_s, claimName(claimTemplate, nameOf(set), ordinal)}}}});
    }
    if (!volumes.isEmpty())
        spec.insert(u"volumes"_s, volumes);
    pod.insert(u"spec"_s, spec);
    WriteOptions options;
    options.fieldManager = ctrl::kControllerManager;
    const auto created = m_ctx->objects->create(m_ctx->types.pods, namespaceOf(set), pod, options);
    if (!created) {
        m_ctx->events->warning(set, u"FailedCreate"_s,
                               QStringLiteral("create Pod %1 in StatefulSet %2 failed error: %3")
                                   .arg(name, nameOf(set), created.error().message),
                               m_source);
        return created.error().code == 409;
    }
    m_ctx->events->normal(set, u"SuccessfulCreate"_s,
                          QStringLiteral("create Pod %1 in StatefulSet %2 successful").arg(name, nameOf(set)), m_source);
    return true;
}

bool StatefulSetController::deletePod(const QJsonObject &set, const QJsonObject &pod)
{
    DeleteOptions options;
    options.preconditionUid = uidOf(pod);
    const auto removed = m_ctx->objects->remove(m_ctx->types.pods, namespaceOf(pod), nameOf(pod), options);
    if (!removed && removed.error().code != 404) {
        m_ctx->events->warning(set, u"FailedDelete"_s,
                               QStringLiteral("delete Pod %1 in StatefulSet %2 failed error: %3")
                                   .arg(nameOf(pod), nameOf(set), removed.error().message),
                               m_source);
        return false;
    }
    m_ctx->events->normal(set, u"SuccessfulDelete"_s,
                          QStringLiteral("delete Pod %1 in StatefulSet %2 successful").arg(nameOf(pod), nameOf(set)),
                          m_source);
    return true;
}

bool StatefulSetController::sync(const QJsonObject &set, const QString &currentRevision,
                                 const QString &updateRevision, QMap<int, QJsonObject> &pods)
{
    const QJsonObject spec = ctrl::specOf(set);
    const int replicas = std::max(0, spec.value("replicas"_L1).toInt(1));
    const bool ordered = ctrl::text(spec, "podManagementPolicy"_L1) != "Parallel"_L1;
    const QJsonObject strategy = ctrl::child(spec, "updateStrategy"_L1);
    const bool rolling = ctrl::text(strategy, "type"_L1) != "OnDelete"_L1;
    const QJsonValue partitionValue = ctrl::child(strategy, "rollingUpdate"_L1).value("partition"_L1);

    // Finished pods are replaced.
    for (auto it = pods.begin(); it != pods.end(); ++it) {
        if (it.key() < replicas && ctrl::podIsTerminal(it.value()) && !ctrl::isDeleting(it.value())) {
            if (!deletePod(set, it.value()))
                return false;
            if (ordered)
                return true;
        }
    }
    // Missing ordinals are created, in order and one healthy step at a time unless Parallel
    // (at most kMaxPodsPerSync per pass; the commits queue the next pass).
    int budget = ctrl::kMaxPodsPerSync;
    for (int ordinal = 0; ordinal < replicas; ++ordinal) {
        const auto found = pods.constFind(ordinal);
        if (found == pods.constEnd()) {
            if (budget-- <= 0)
                return true;
            // The apiserver defaults rollingUpdate.partition to 0; below it pods stay on the
            // current revision.
            const bool keepCurrent = rolling && ordinal < partitionValue.toInt(0);
            if (!ensureClaims(set, ordinal) || !createPod(set, ordinal, keepCurrent ? currentRevision : updateRevision))
                return false;
            if (ordered)
                return true;
            continue;
        }
        if (ordered && !healthy(*found))
            return true;
    }
    // Scale down from the highest ordinal.
    QList<int> condemned;
    for (auto it = pods.begin(); it != pods.end(); ++it) {
        if (it.key() >= replicas)
            condemned.prepend(it.key());
    }
    for (const int ordinal : std::as_const(condemned)) {
        const QJsonObject pod = pods.value(ordinal);
        if (ctrl::isDeleting(pod)) {
            if (ordered)
                return true;
            continue;
        }
        if (!deletePod(set, pod))
            return false;
        if (ordered)
            return true;
    }
    if (!rolling)
        return true;
    // RollingUpdate: the highest ordinal not on the update revision goes first, once the
    // rest is healthy.
    for (int ordinal = 0; ordinal < replicas; ++ordinal) {
        if (!pods.contains(ordinal) || !healthy(pods.value(ordinal)))
            return true;
    }
    const int partition = partitionValue.isDouble() ? std::max(0, partitionValue.toInt()) : 0;
    for (int ordinal = replicas - 1; ordinal >= partition; --ordinal) {
        const QJsonObject pod = pods.value(ordinal);
        if (labelsOf(pod).value(ctrl::kControllerRevisionLabel).toString() != updateRevision)
            return deletePod(set, pod);
    }
    return true;
}

void StatefulSetController::reconcile(const QString &key)
{
    const ObjectRef current = m_ctx->objects->get(m_ctx->types.statefulSets, namespaceOfKey(key), nameOfKey(key));
    if (!current)
        return;
    const QJsonObject set = current->object;
    const auto revision = m_revisions.ensureCurrent(set);
    if (!revision) {
        retryLater(key);
        return;
    }
    const QString updateRevision = revision->name;
    QString currentRevision = ctrl::text(ctrl::statusOf(set), "currentRevision"_L1);
    if (currentRevision.isEmpty())
        currentRevision = updateRevision;

    const auto collectPods = [&] {
        QMap<int, QJsonObject> pods;
        for (const ObjectRef &pod : m_ctx->store()->list(m_ctx->types.pods.storageKey(), namespaceOf(set))) {
            if (!ctrl::isControlledBy(pod->object, uidOf(set)))
                continue;
            const int ordinal = ordinalOf(nameOf(set), nameOf(pod->object));
            if (ordinal >= 0)
                pods.insert(ordinal, pod->object);
        }
        return pods;
    };
    QMap<int, QJsonObject> pods = collectPods();
    bool ok = true;
    if (!ctrl::isDeleting(set))
        ok = sync(set, currentRevision, updateRevision, pods);
    pods = collectPods();

    const QDateTime nowTime = m_ctx->objects->now();
    const qint64 minReady = ctrl::specOf(set).value("minReadySeconds"_L1).toInteger(0);
    int replicas = 0;
    int ready = 0;
    int available = 0;
    int currentCount = 0;
    int updated = 0;
    QSet<QString> inUse{currentRevision, updateRevision};
    for (const QJsonObject &pod : std::as_const(pods)) {
        ++replicas;
        if (runningAndReady(pod)) {
            ++ready;
            available += ctrl::podIsAvailable(pod, minReady, nowTime) ? 1 : 0;
        }
        const QString podRevision = labelsOf(pod).value(ctrl::kControllerRevisionLabel).toString();
        inUse.insert(podRevision);
        if (ctrl::isDeleting(pod))
            continue;
        currentCount += podRevision == currentRevision ? 1 : 0;
        updated += podRevision == updateRevision ? 1 : 0;
    }
    const bool rolling = ctrl::text(ctrl::child(ctrl::specOf(set), "updateStrategy"_L1), "type"_L1) != "OnDelete"_L1;
    if (rolling && updated == replicas && ready == replicas) {
        currentRevision = updateRevision;
        currentCount = updated;
    }
    m_revisions.truncate(set, inUse, updateRevision);

    const qint64 generation = ctrl::generationOf(set);
    const auto written = m_ctx->objects->mutate(
        m_ctx->types.statefulSets, namespaceOf(set), nameOf(set),
        [&](QJsonObject &object) {
            const QJsonObject before = ctrl::statusOf(object);
            QJsonObject status = before;
            status.insert(u"observedGeneration"_s, generation);
            status.insert(u"replicas"_s, replicas);
            ctrl::setCount(status, u"readyReplicas"_s, ready);
            ctrl::setCount(status, u"currentReplicas"_s, currentCount);
            ctrl::setCount(status, u"updatedReplicas"_s, updated);
            status.insert(u"availableReplicas"_s, available);
            status.insert(u"currentRevision"_s, currentRevision);
            status.insert(u"updateRevision"_s, updateRevision);
            if (!status.contains("collisionCount"_L1))
                status.insert(u"collisionCount"_s, 0);
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

#include "moc_StatefulSetController.cpp"
