#pragma once

#include "fission/Workloads.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fd::fission {

// The FISSION_* namespace configuration of one control-plane container (fission-reference §3):
// what a Fission process reads from its environment at start-up.
struct NamespaceEnv {
    std::optional<QString> defaultNamespace;   // FISSION_DEFAULT_NAMESPACE
    std::optional<QString> resourceNamespaces; // FISSION_RESOURCE_NAMESPACES (comma-joined)
    std::optional<QString> builderNamespace;   // FISSION_BUILDER_NAMESPACE (deprecated remap)
    std::optional<QString> functionNamespace;  // FISSION_FUNCTION_NAMESPACE (deprecated remap)
    std::optional<QString> tenancyMode;        // FISSION_TENANCY_MODE (1.27+)

    // The process consumes the namespace list at all (the webhook, for one, does not).
    bool consumesNamespaces() const { return defaultNamespace.has_value() || resourceNamespaces.has_value(); }

    // The namespaces the process watches, as Fission computes them: the comma-split
    // FISSION_RESOURCE_NAMESPACES with empty items skipped (no trimming: " b" stays " b", a name
    // no namespace can have) or just `default` when that variable is empty, united with a non-empty
    // FISSION_DEFAULT_NAMESPACE. Sorted, without duplicates.
    QStringList watchedNamespaces() const;

    bool operator==(const NamespaceEnv &other) const = default;

    static NamespaceEnv fromContainer(const ContainerInfo &container);
    // The first container of `containers` that carries the namespace env (control-plane pods have
    // one main container; sidecars do not carry it).
    static NamespaceEnv fromContainers(const QList<ContainerInfo> &containers);
};

// Fission's placement rule for workloads (§2): pods of functions/builders run in the object's own
// namespace unless that namespace is `default` and both deprecated remaps are set.
QString functionPodNamespace(const NamespaceEnv &env, const QString &objectNamespace);
QString builderPodNamespace(const NamespaceEnv &env, const QString &objectNamespace);

} // namespace fd::fission
