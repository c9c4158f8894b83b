#include "sim/fission/ComponentInstance.h"

#include "sim/controllers/ObjectHelpers.h"
#include "sim/core/ObjectMeta.h"
#include "sim/fission/FissionNames.h"

#include <QJsonArray>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

QString componentLabel(Component component)
{
    switch (component) {
    case Component::BuilderManager: return u"buildermgr"_s;
    case Component::Executor: return u"executor"_s;
    case Component::Router: return u"router"_s;
    case Component::KubeWatcher: return u"kubewatcher"_s;
    case Component::Timer: return u"timer"_s;
    case Component::StorageSvc: return u"storagesvc"_s;
    case Component::TenantController: return u"tenantcontroller"_s;
    }
    return {};
}

QList<Component> allComponents()
{
    return {Component::BuilderManager, Component::Executor, Component::Router, Component::KubeWatcher,
            Component::Timer, Component::StorageSvc, Component::TenantController};
}

TenancyMode tenancyModeFrom(const QString &text)
{
    if (text == "static"_L1)
        return TenancyMode::Static;
    if (text == "dynamic"_L1)
        return TenancyMode::Dynamic;
    if (text == "cluster"_L1)
        return TenancyMode::Cluster;
    return TenancyMode::Legacy;
}

bool ComponentInstance::flag(const QString &name) const
{
    const QString text = value(name);
    return text == "1"_L1 || text.compare("true"_L1, Qt::CaseInsensitive) == 0 || text == "t"_L1 || text == "T"_L1;
}

QStringList ComponentInstance::seedNamespaces() const
{
    QSet<QString> namespaces;
    if (!defaultNamespace().isEmpty())
        namespaces.insert(defaultNamespace());
    const QStringList additional = value(u"FISSION_RESOURCE_NAMESPACES"_s).split(QLatin1Char(','));
    for (const QString &item : additional) {
        if (!item.isEmpty())
            namespaces.insert(item);
    }
    if (namespaces.isEmpty())
        namespaces.insert(u"default"_s);
    QStringList sorted(namespaces.begin(), namespaces.end());
    sorted.sort();
    return sorted;
}

bool ComponentInstance::followsTenants() const
{
    const TenancyMode mode = tenancyMode();
    return mode == TenancyMode::Dynamic || mode == TenancyMode::Cluster;
}

QString ComponentInstance::builderNamespaceFor(const QString &namespaceName) const
{
    const QString remap = builderNamespace();
    return remap.isEmpty() || namespaceName != "default"_L1 ? namespaceName : remap;
}

QString ComponentInstance::functionNamespaceFor(const QString &namespaceName) const
{
    const QString remap = functionNamespace();
    return remap.isEmpty() || namespaceName != "default"_L1 ? namespaceName : remap;
}

QString ComponentInstance::argument(const QString &flag) const
{
    const qsizetype at = args.indexOf(flag);
    if (at >= 0 && at + 1 < args.size())
        return args.at(at + 1);
    const QString prefix = flag + QLatin1Char('=');
    for (const QString &arg : args) {
        if (arg.startsWith(prefix))
            return arg.mid(prefix.size());
    }
    return {};
}

namespace {

std::optional<QString> fieldValue(const QJsonObject &pod, const QString &path)
{
    if (path == "metadata.namespace"_L1)
        return namespaceOf(pod);
    if (path == "metadata.name"_L1)
        return nameOf(pod);
    if (path == "metadata.uid"_L1)
        return uidOf(pod);
    if (path == "spec.nodeName"_L1)
        return ctrl::text(ctrl::specOf(pod), "nodeName"_L1);
    if (path == "spec.serviceAccountName"_L1)
        return ctrl::text(ctrl::specOf(pod), "serviceAccountName"_L1);
    if (path == "status.podIP"_L1)
        return ctrl::text(ctrl::statusOf(pod), "podIP"_L1);
    if (path == "status.hostIP"_L1)
        return ctrl::text(ctrl::statusOf(pod), "hostIP"_L1);
    return std::nullopt;
}

bool carriesFissionNamespaces(const QJsonObject &container)
{
    for (const QJsonValue &entry : container.value("env"_L1).toArray()) {
        const QString name = entry.toObject().value("name"_L1).toString();
        if (name == "FISSION_RESOURCE_NAMESPACES"_L1 || name == "FISSION_DEFAULT_NAMESPACE"_L1)
            return true;
    }
    return false;
}

} // namespace

ComponentInstance componentInstanceFromPod(const QJsonObject &pod, const ValueLookup &lookup)
{
    ComponentInstance instance;
    instance.namespaceName = namespaceOf(pod);
    instance.podName = nameOf(pod);
    instance.podUid = uidOf(pod);
    instance.podIp = ctrl::text(ctrl::statusOf(pod), "podIP"_L1);
    const QJsonArray containers = ctrl::specOf(pod).value("containers"_L1).toArray();
    QJsonObject container = containers.isEmpty() ? QJsonObject() : containers.first().toObject();
    for (const QJsonValue &candidate : containers) {
        if (carriesFissionNamespaces(candidate.toObject())) {
            container = candidate.toObject();
            break;
        }
    }
    instance.container = ctrl::text(container, "name"_L1);
    instance.image = ctrl::text(container, "image"_L1);
    for (const QJsonValue &arg : container.value("args"_L1).toArray())
        instance.args.append(arg.toString());
    for (const QJsonValue &value : container.value("env"_L1).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString name = ctrl::text(entry, "name"_L1);
        if (name.isEmpty())
            continue;
        if (entry.contains("value"_L1) || !entry.contains("valueFrom"_L1)) {
            instance.env.insert(name, ctrl::text(entry, "value"_L1));
            continue;
        }
        const QJsonObject from = ctrl::child(entry, "valueFrom"_L1);
        std::optional<QString> resolved;
        if (from.contains("fieldRef"_L1)) {
            resolved = fieldValue(pod, ctrl::text(ctrl::child(from, "fieldRef"_L1), "fieldPath"_L1));
        } else if (lookup && from.contains("secretKeyRef"_L1)) {
            const QJsonObject ref = ctrl::child(from, "secretKeyRef"_L1);
            resolved = lookup(kSecrets, instance.namespaceName, ctrl::text(ref, "name"_L1), ctrl::text(ref, "key"_L1));
        } else if (lookup && from.contains("configMapKeyRef"_L1)) {
            const QJsonObject ref = ctrl::child(from, "configMapKeyRef"_L1);
            resolved = lookup(kConfigMaps, instance.namespaceName, ctrl::text(ref, "name"_L1), ctrl::text(ref, "key"_L1));
        }
        if (resolved)
            instance.env.insert(name, *resolved);
    }
    return instance;
}

} // namespace fd::sim::fission
