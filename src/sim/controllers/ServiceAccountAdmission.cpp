#include "sim/controllers/ServiceAccountAdmission.h"

#include "sim/controllers/ObjectHelpers.h"

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kMountPath = u"/var/run/secrets/kubernetes.io/serviceaccount"_s;

bool mountsTokenPath(const QJsonObject &container)
{
    for (const QJsonValue &mount : container.value("volumeMounts"_L1).toArray()) {
        if (mount.toObject().value("mountPath"_L1).toString() == kMountPath)
            return true;
    }
    return false;
}

QJsonObject tokenVolume(const QString &name)
{
    const QJsonArray sources{
        QJsonObject{{u"serviceAccountToken"_s, QJsonObject{{u"expirationSeconds"_s, 3607}, {u"path"_s, u"token"_s}}}},
        QJsonObject{{u"configMap"_s,
                     QJsonObject{{u"name"_s, u"kube-root-ca.crt"_s},
                                 {u"items"_s, QJsonArray{QJsonObject{{u"key"_s, u"ca.crt"_s}, {u"path"_s, u"ca.crt"_s}}}}}}},
        QJsonObject{{u"downwardAPI"_s,
                     QJsonObject{{u"items"_s,
                                  QJsonArray{QJsonObject{{u"path"_s, u"namespace"_s},
                                                         {u"fieldRef"_s, QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                                                                     {u"fieldPath"_s, u"metadata.namespace"_s}}}}}}}}}};
    return QJsonObject{{u"name"_s, name}, {u"projected"_s, QJsonObject{{u"defaultMode"_s, 420}, {u"sources"_s, sources}}}};
}

void mountInto(QJsonObject &spec, const char *field, const QString &volumeName)
{
    QJsonArray containers = spec.value(QLatin1String(field)).toArray();
    if (containers.isEmpty())
        return;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject container = containers.at(i).toObject();
        if (mountsTokenPath(container))
            continue;
        QJsonArray mounts = container.value("volumeMounts"_L1).toArray();
        mounts.append(QJsonObject{{u"name"_s, volumeName}, {u"mountPath"_s, kMountPath}, {u"readOnly"_s, true}});
        container.insert(u"volumeMounts"_s, mounts);
        containers.replace(i, container);
    }
    spec.insert(QLatin1String(field), containers);
}

QString randomSuffix()
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString suffix;
    const QString hex = ctrl::randomHex(10);
    for (int i = 0; i < 5; ++i)
        suffix += QLatin1Char(alphabet[hex.mid(i * 2, 2).toUInt(nullptr, 16) % (sizeof(alphabet) - 1)]);
    return suffix;
}

} // namespace

ServiceAccountAdmission::ServiceAccountAdmission(ObjectService *objects) : QObject(objects), m_store(objects->store())
{
}

std::optional<ApiError> ServiceAccountAdmission::admit(AdmissionOperation operation, const ResourceType &type,
                                                       QJsonObject &object, const QJsonObject *)
{
    if (operation != AdmissionOperation::Create || !type.group.isEmpty() || type.plural != "pods"_L1)
        return std::nullopt;
    if (ctrl::annotationsOf(object).contains("kubernetes.io/config.mirror"_L1))
        return std::nullopt;
    QJsonObject spec = ctrl::specOf(object);
    QString account = ctrl::text(spec, "serviceAccountName"_L1);
    if (account.isEmpty())
        account = u"default"_s;
    const QString ns = namespaceOf(object);
    const ObjectRef serviceAccount = m_store->get(u"/serviceaccounts"_s, ns, account);
    if (!serviceAccount) {
        // admission.NewForbidden names the object before name generation: generateName wins.
        const QJsonObject metadata = metadataOf(object);
        const QString generateName = metadata.value("generateName"_L1).toString();
        const QString shownName = generateName.isEmpty() ? metadata.value("name"_L1).toString() : generateName;
        return ApiError::forbidden(QStringLiteral("pods \"%1\" is forbidden: error looking up service account %2/%3: "
                                                  "serviceaccount \"%3\" not found")
                                       .arg(shownName, ns, account),
                                   QString(), u"pods"_s, shownName);
    }
    spec.insert(u"serviceAccountName"_s, account);
    spec.insert(u"serviceAccount"_s, account);
    QJsonValue automount = spec.value("automountServiceAccountToken"_L1);
    if (!automount.isBool())
        automount = serviceAccount->object.value("automountServiceAccountToken"_L1);
    bool alreadyMounted = false;
    for (const char *field : {"containers", "initContainers"}) {
        for (const QJsonValue &container : spec.value(QLatin1String(field)).toArray())
            alreadyMounted = alreadyMounted || mountsTokenPath(container.toObject());
    }
    if ((!automount.isBool() || automount.toBool()) && !alreadyMounted) {
        const QString volumeName = u"kube-api-access-"_s + randomSuffix();
        QJsonArray volumes = spec.value("volumes"_L1).toArray();
        volumes.append(tokenVolume(volumeName));
        spec.insert(u"volumes"_s, volumes);
        mountInto(spec, "containers", volumeName);
        mountInto(spec, "initContainers", volumeName);
    }
    object.insert(u"spec"_s, spec);
    return std::nullopt;
}

} // namespace fd::sim

#include "moc_ServiceAccountAdmission.cpp"
