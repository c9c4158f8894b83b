#include "sim/controllers/VolumeBinder.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/EventRecorder.h"
#include "sim/controllers/ObjectHelpers.h"

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kProvisioner = u"sim.fission-desk.io/local-path"_s;
const QString kVolumePrefix = u"pv\n"_s;

bool isBound(const QJsonObject &claim)
{
    return ctrl::text(ctrl::statusOf(claim), "phase"_L1) == "Bound"_L1;
}

} // namespace

VolumeBinder::VolumeBinder(ControllerContext *context, QObject *parent) : Reconciler(context, parent)
{
}

QStringList VolumeBinder::initialKeys() const
{
    QStringList keys;
    for (const ObjectRef &claim : m_ctx->store()->list(m_ctx->types.persistentVolumeClaims.storageKey())) {
        if (!isBound(claim->object))
            keys << objectKey(namespaceOf(claim->object), nameOf(claim->object));
    }
    return keys;
}

void VolumeBinder::observe(const StoreEvent &event)
{
    if (event.storageKey != m_ctx->types.persistentVolumeClaims.storageKey() || !event.object)
        return;
    const QJsonObject &claim = event.object->object;
    if (event.type == StoreEventType::Deleted) {
        const QString volume = ctrl::text(ctrl::specOf(claim), "volumeName"_L1);
        if (!volume.isEmpty())
            enqueue(kVolumePrefix + volume);
        return;
    }
    if (!isBound(claim) && !ctrl::isDeleting(claim))
        enqueue(event.key);
}

void VolumeBinder::reconcile(const QString &key)
{
    if (key.startsWith(kVolumePrefix)) {
        const QString name = key.mid(kVolumePrefix.size());
        const ObjectRef volume = m_ctx->objects->get(m_ctx->types.persistentVolumes, {}, name);
        if (!volume)
            return;
        const QJsonObject claimRef = ctrl::child(ctrl::specOf(volume->object), "claimRef"_L1);
        const ObjectRef claim = m_ctx->objects->get(m_ctx->types.persistentVolumeClaims,
                                                    ctrl::text(claimRef, "namespace"_L1), ctrl::text(claimRef, "name"_L1));
        const bool claimGone = !claim || uidOf(claim->object) != ctrl::text(claimRef, "uid"_L1);
        if (claimGone
            && ctrl::text(ctrl::specOf(volume->object), "persistentVolumeReclaimPolicy"_L1) == "Delete"_L1) {
            m_ctx->objects->remove(m_ctx->types.persistentVolumes, {}, name, DeleteOptions());
        }
        return;
    }
    const ObjectRef current =
        m_ctx->objects->get(m_ctx->types.persistentVolumeClaims, namespaceOfKey(key), nameOfKey(key));
    if (!current || isBound(current->object) || ctrl::isDeleting(current->object)) {
        m_provisioning.remove(key);
        return;
    }
    if (!m_provisioning.contains(key)) {
        // Provisioning takes a moment, as it does with a real CSI driver.
        m_provisioning.insert(key);
        enqueueAfter(key, m_ctx->timing.pvcBindDelayMs);
        if (m_ctx->timing.pvcBindDelayMs > 0)
            return;
    }
    m_provisioning.remove(key);
    settle(key, bind(current->object));
}

bool VolumeBinder::bind(const QJsonObject &claim)
{
    const QJsonObject spec = ctrl::specOf(claim);
    const QString ns = namespaceOf(claim);
    const QString volumeName =
        ctrl::text(spec, "volumeName"_L1).isEmpty() ? u"pvc-"_s + uidOf(claim) : ctrl::text(spec, "volumeName"_L1);
    const QJsonValue storage = ctrl::child(ctrl::child(spec, "resources"_L1), "requests"_L1).value("storage"_L1);
    const QJsonObject capacity{{u"storage"_s, storage.isString() ? storage.toString() : u"1Gi"_s}};
    const QJsonArray accessModes =
        spec.contains("accessModes"_L1) ? spec.value("accessModes"_L1).toArray() : QJsonArray{u"ReadWriteOnce"_s};
    const QString storageClass = ctrl::text(spec, "storageClassName"_L1);

    if (!m_ctx->objects->get(m_ctx->types.persistentVolumes, {}, volumeName)) {
        QJsonObject volumeSpec{
            {u"capacity"_s, capacity},
            {u"accessModes"_s, accessModes},
            {u"claimRef"_s, QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                        {u"kind"_s, u"PersistentVolumeClaim"_s},
                                        {u"name"_s, nameOf(claim)},
                                        {u"namespace"_s, ns},
                                        {u"uid"_s, uidOf(claim)},
                                        {u"resourceVersion"_s, metadataOf(claim).value("resourceVersion"_L1)}}},
            {u"persistentVolumeReclaimPolicy"_s, u"Delete"_s},
            {u"volumeMode"_s, spec.value("volumeMode"_L1).toString(u"Filesystem"_s)},
            {u"hostPath"_s, QJsonObject{{u"path"_s, QStringLiteral("/var/local-path-provisioner/%1_%2_%3")
                                                        .arg(volumeName, ns, nameOf(claim))},
                                        {u"type"_s, u"DirectoryOrCreate"_s}}}};
        if (!storageClass.isEmpty())
            volumeSpec.insert(u"storageClassName"_s, storageClass);
        const QJsonObject volume{
            {u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"PersistentVolume"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, volumeName},
                                        {u"annotations"_s, QJsonObject{{u"pv.kubernetes.io/provisioned-by"_s, kProvisioner}}}}},
            {u"spec"_s, volumeSpec}};
        WriteOptions options;
        options.fieldManager = ctrl::kControllerManager;
        const auto created = m_ctx->objects->create(m_ctx->types.persistentVolumes, {}, volume, options);
        if (!created && created.error().code != 409)
            return false;
        m_ctx->objects->mutate(
            m_ctx->types.persistentVolumes, {}, volumeName,
            [](QJsonObject &object) {
                QJsonObject status = ctrl::statusOf(object);
                if (status.value("phase"_L1).toString() == "Bound"_L1)
                    return false;
                status.insert(u"phase"_s, u"Bound"_s);
                object.insert(u"status"_s, status);
                return true;
            },
            u"status"_s, ctrl::kControllerManager);
        m_ctx->events->normal(claim, u"ProvisioningSucceeded"_s,
                              QStringLiteral("Successfully provisioned volume %1").arg(volumeName),
                              EventSource{kProvisioner, QString(), ctrl::kControllerManager});
    }
    const auto annotated = m_ctx->objects->mutate(
        m_ctx->types.persistentVolumeClaims, ns, nameOf(claim),
        [&volumeName](QJsonObject &object) {
            QJsonObject objectSpec = ctrl::specOf(object);
            QJsonObject annotations = ctrl::annotationsOf(object);
            const QJsonObject before = annotations;
            annotations.insert(u"pv.kubernetes.io/bind-completed"_s, u"yes"_s);
            annotations.insert(u"pv.kubernetes.io/bound-by-controller"_s, u"yes"_s);
            annotations.insert(u"volume.beta.kubernetes.io/storage-provisioner"_s, kProvisioner);
            annotations.insert(u"volume.kubernetes.io/storage-provisioner"_s, kProvisioner);
            if (annotations == before && ctrl::text(objectSpec, "volumeName"_L1) == volumeName)
                return false;
            objectSpec.insert(u"volumeName"_s, volumeName);
            object.insert(u"spec"_s, objectSpec);
            setMetadataField(object, u"annotations"_s, annotations);
            return true;
        },
        {}, ctrl::kControllerManager);
    if (!annotated)
        return annotated.error().code == 404;
    const auto bound = m_ctx->objects->mutate(
        m_ctx->types.persistentVolumeClaims, ns, nameOf(claim),
        [&](QJsonObject &object) {
            QJsonObject status = ctrl::statusOf(object);
            status.insert(u"phase"_s, u"Bound"_s);
            status.insert(u"accessModes"_s, accessModes);
            status.insert(u"capacity"_s, capacity);
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, ctrl::kControllerManager);
    return bound.hasValue() || bound.error().code == 404;
}

} // namespace fd::sim

#include "moc_VolumeBinder.cpp"
