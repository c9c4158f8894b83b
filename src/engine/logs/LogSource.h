#pragma once

#include "common/Expected.h"
#include "engine/ClusterSnapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fd::engine {

// One LIST/WATCH of pods: empty namespace = cluster-wide.
struct PodQuery {
    QString namespaceName;
    QString labelSelector;
    QString fieldSelector;
    bool operator==(const PodQuery &) const = default;
};

// What the admin points at, resolved to pod queries and a container choice.
//  - Function: pods labelled functionUid=<uid> (specialized poolmgr pods, newdeploy and
//    container pods carry it), cluster-wide because the function namespace may be remapped;
//    every container but `fetcher`.
//  - PackageBuild: the builder pods of the package's environment (owner=buildermgr,
//    envName=<env>), container `builder`.
//  - Environment: its pool pods (environmentName/environmentNamespace) and builder pods.
//  - Tenant: every pod of the namespace.
//  - ControlPlane: the pods of the release namespace's components (label `svc`).
//  - Pod: one pod (fieldSelector metadata.name).
//  - Selector: the pods of a namespace matching a label selector (what a finding points at:
//    a builder, a control-plane component).
struct LogSource {
    enum class Kind { Function, PackageBuild, Environment, Tenant, ControlPlane, Pod, Selector };
    Kind kind = Kind::Pod;
    QString namespaceName;
    QString name;
    QList<PodQuery> queries;
    QStringList onlyContainers;     // non-empty: just these
    QStringList excludedContainers; // default for functions: fetcher

    static LogSource function(const QString &ns, const QString &name, const QString &uid);
    static LogSource packageBuild(const QString &ns, const QString &name, const QString &envNamespace, const QString &envName);
    static LogSource environment(const QString &ns, const QString &name);
    static LogSource tenant(const QString &ns);
    static LogSource controlPlane(const QString &releaseNamespace);
    static LogSource pod(const QString &ns, const QString &name);
    static LogSource selector(const QString &ns, const QString &labelSelector);

    bool wantsContainer(const QString &container) const;
    QString title() const; // translated, e.g. "Function team-a/hello"
    static std::optional<Kind> kindFromId(QStringView id); // fn, pkg, env, tenant, controlplane, pod
};

// Resolves a source by kind and name against a cluster's model (the function's uid, the
// package's environment, the release namespace). Errors are translated messages.
Expected<LogSource, QString> resolveLogSource(const ClusterSnapshot &snapshot, LogSource::Kind kind, const QString &ns,
                                              const QString &name);

} // namespace fd::engine
