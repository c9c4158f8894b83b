#include "sim/cluster/CrdController.h"

#include "sim/schema/CrdDefinition.h"

#include <QJsonArray>

namespace fd::sim {

namespace {

const QString kCrdStorageKey = QStringLiteral("apiextensions.k8s.io/customresourcedefinitions");
const QString kCleanupFinalizer = QStringLiteral("customresourcecleanup.apiextensions.k8s.io");

bool isCrdType(const ResourceType &type)
{
    return type.group == QLatin1String("apiextensions.k8s.io") && type.plural == QLatin1String("customresourcedefinitions");
}

QStringList finalizersOf(const QJsonObject &object)
{
    QStringList result;
    for (const QJsonValue &value : metadataOf(object).value(QLatin1String("finalizers")).toArray())
        result << value.toString();
    return result;
}

} // namespace

CrdController::CrdController(ObjectService *objects, QObject *parent) : QObject(parent), m_objects(objects)
{
    m_objects->addAdmissionHook(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &CrdController::reconcilePending);
    connect(m_objects->store(), &ObjectStore::committed, this, &CrdController::onCommitted);
}

std::optional<ApiError> CrdController::admit(AdmissionOperation operation, const ResourceType &type,
                                             QJsonObject &object, const QJsonObject *oldObject)
{
    if (!isCrdType(type) || operation == AdmissionOperation::Delete)
        return std::nullopt;
    auto definition = CrdDefinition::fromJson(object);
    if (!definition) {
        QList<StatusCause> causes;
        for (const FieldError &error : definition.error())
            causes.append({error.reason, error.message, error.field});
        return ApiError::invalid(type.group, type.kind, nameOf(object), causes);
    }
    QJsonObject defaulted = definition->defaultedObject();
    // The server owns metadata and status; keep what the write path already decided.
    defaulted.insert(QStringLiteral("metadata"), object.value(QLatin1String("metadata")));
    if (object.contains(QLatin1String("status")))
        defaulted.insert(QStringLiteral("status"), object.value(QLatin1String("status")));
    else
        defaulted.remove(QStringLiteral("status"));
    object = defaulted;
    if (operation == AdmissionOperation::Create) {
        QStringList finalizers = finalizersOf(object);
        if (!finalizers.contains(kCleanupFinalizer))
            finalizers << kCleanupFinalizer;
        setMetadataField(object, QStringLiteral("finalizers"), QJsonArray::fromStringList(finalizers));
    }
    Q_UNUSED(oldObject);
    return std::nullopt;
}

void CrdController::onCommitted(const StoreEvent &event)
{
    if (event.storageKey != kCrdStorageKey)
        return;
    m_pending.insert(event.key);
    m_timer.start();
}

void CrdController::reconcilePending()
{
    const QSet<QString> pending = std::exchange(m_pending, {});
    for (const QString &name : pending)
        reconcile(name);
}

void CrdController::reconcile(const QString &name)
{
    const auto crdType = m_objects->catalog()->findByStorageKey(kCrdStorageKey);
    const ObjectRef crd = m_objects->get(*crdType, {}, name);
    if (!crd) {
        m_objects->catalog()->removeCustomTypes(name);
        return;
    }
    if (metadataOf(crd->object).contains(QLatin1String("deletionTimestamp")))
        cleanUp(*crdType, crd);
    else
        establish(*crdType, crd);
}

void CrdController::establish(const ResourceType &crdType, const ObjectRef &crd)
{
    auto definition = CrdDefinition::fromJson(crd->object);
    if (!definition)
        return; // admission refused invalid definitions; an older stored one stays as it is
    const QString name = nameOf(crd->object);
    // Names are checked against everything served except this CRD's own types.
    QList<ResourceType> others;
    for (const ResourceType &type : m_objects->catalog()->types()) {
        if (!(type.custom && type.group == definition->group() && type.plural == definition->names().plural))
            others.append(type);
    }
    const QJsonObject previousStatus = crd->object.value(QLatin1String("status")).toObject();
    const CrdNames previousNames = CrdNames::fromJson(previousStatus.value(QLatin1String("acceptedNames")).toObject());
    const CrdNameCheck check = definition->checkNames(others, previousNames);
    if (check.accepted)
        m_objects->catalog()->addCustomTypes(name, definition->resourceTypes(check.acceptedNames));
    const QJsonObject status = definition->status(check, previousStatus, m_objects->now());
    if (status == previousStatus)
        return;
    m_objects->mutate(crdType, {}, name, [&](QJsonObject &object) {
        object.insert(QStringLiteral("status"), status);
        return true;
    }, QStringLiteral("status"), QStringLiteral("kube-apiserver"));
}

void CrdController::cleanUp(const ResourceType &crdType, const ObjectRef &crd)
{
    const QString name = nameOf(crd->object);
    if (!finalizersOf(crd->object).contains(kCleanupFinalizer))
        return;
    // Delete every custom resource of every served version (they share storage), then let
    // the CRD go.
    const auto definition = CrdDefinition::fromJson(crd->object);
    if (definition) {
        const QList<ResourceType> types = definition->resourceTypes();
        if (!types.isEmpty()) {
            const ResourceType &type = types.first();
            DeleteOptions options;
            for (const ObjectRef &object : m_objects->store()->list(type.storageKey())) {
                if (const auto served = m_objects->catalog()->findByStorageKey(type.storageKey()))
                    m_objects->remove(*served, namespaceOf(object->object), nameOf(object->object), options);
            }
            if (m_objects->store()->count(type.storageKey()) > 0) {
                // Some are held by finalizers: try again when they change.
                QTimer::singleShot(200, this, [this, name] { reconcile(name); });
                return;
            }
        }
    }
    m_objects->catalog()->removeCustomTypes(name);
    m_objects->mutate(crdType, {}, name, [](QJsonObject &object) {
        QStringList finalizers = finalizersOf(object);
        finalizers.removeAll(kCleanupFinalizer);
        setMetadataField(object, QStringLiteral("finalizers"),
                         finalizers.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(finalizers)));
        return true;
    }, {}, QStringLiteral("kube-apiserver"));
}

} // namespace fd::sim

#include "moc_CrdController.cpp"
