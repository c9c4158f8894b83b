#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fd::sim::fission {

// The control-plane processes the simulation runs, by their chart label `svc=<name>`.
enum class Component { BuilderManager, Executor, Router, KubeWatcher, Timer, StorageSvc, TenantController };

QString componentLabel(Component component);            // "buildermgr", "executor", …
QList<Component> allComponents();

// Fission's tenancy modes (FISSION_TENANCY_MODE, main); legacy installs have none.
enum class TenancyMode { Legacy, Static, Dynamic, Cluster };
TenancyMode tenancyModeFrom(const QString &text);

// One running control-plane process as Fission sees itself: the pod it runs in and the
// configuration it read from its environment at start-up. A component with no Running+Ready
// pod is inactive (a stopped control plane does nothing).
struct ComponentInstance {
    QString namespaceName;   // where the pod runs (the release namespace)
    QString podName;
    QString podUid;
    QString podIp;
    QString container;
    QString image;
    QStringList args;
    QHash<QString, QString> env;

    bool isActive() const { return !podUid.isEmpty(); }
    QString value(const QString &name) const { return env.value(name); }
    bool flag(const QString &name) const;  // strconv.ParseBool semantics

    // GetNamespaces: FISSION_DEFAULT_NAMESPACE plus the comma-split FISSION_RESOURCE_NAMESPACES
    // (empty items skipped), or `default` when both are empty. Sorted.
    QStringList seedNamespaces() const;
    QString defaultNamespace() const { return value(QStringLiteral("FISSION_DEFAULT_NAMESPACE")); }
    QString builderNamespace() const { return value(QStringLiteral("FISSION_BUILDER_NAMESPACE")); }
    QString functionNamespace() const { return value(QStringLiteral("FISSION_FUNCTION_NAMESPACE")); }
    TenancyMode tenancyMode() const { return tenancyModeFrom(value(QStringLiteral("FISSION_TENANCY_MODE"))); }
    bool followsTenants() const;  // dynamic or cluster: FissionTenants join the watched set live

    // The deprecated remap: only namespace `default` moves, and only when the variable is set.
    QString builderNamespaceFor(const QString &namespaceName) const;
    QString functionNamespaceFor(const QString &namespaceName) const;

    // Value of a command-line flag ("--storageSvcUrl URL"); empty when absent.
    QString argument(const QString &flag) const;
};

// Resolves a valueFrom reference: (storage key, namespace, name, key) -> value.
using ValueLookup = std::function<std::optional<QString>(const QString &storageKey, const QString &namespaceName,
                                                         const QString &name, const QString &key)>;

// The instance a pod represents: its first container that carries Fission's namespace
// variables (else its first container), with env values and valueFrom references resolved
// the way the kubelet does (fieldRef, secretKeyRef, configMapKeyRef).
ComponentInstance componentInstanceFromPod(const QJsonObject &pod, const ValueLookup &lookup);

} // namespace fd::sim::fission
