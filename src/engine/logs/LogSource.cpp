#include "engine/logs/LogSource.h"

#include "engine/EngineTr.h"

namespace fd::engine {

using namespace Qt::StringLiterals;
using detail::translate;

LogSource LogSource::function(const QString &ns, const QString &name, const QString &uid)
{
    LogSource source;
    source.kind = Kind::Function;
    source.namespaceName = ns;
    source.name = name;
    // Fission's label key, on every pod that serves the function (fission-reference.md §2).
    source.queries = {PodQuery{{}, u"functionUid=%1"_s.arg(uid), {}}};
    source.excludedContainers = {u"fetcher"_s};
    return source;
}

LogSource LogSource::packageBuild(const QString &ns, const QString &name, const QString &envNamespace, const QString &envName)
{
    LogSource source;
    source.kind = Kind::PackageBuild;
    source.namespaceName = ns;
    source.name = name;
    // The builder may live in a remapped builder namespace: look everywhere for the
    // environment's builder, and narrow to envNamespace only when it was not remapped is not
    // knowable from the package alone.
    Q_UNUSED(envNamespace)
    source.queries = {PodQuery{{}, u"owner=buildermgr,envName=%1"_s.arg(envName), {}}};
    source.onlyContainers = {u"builder"_s};
    return source;
}

LogSource LogSource::environment(const QString &ns, const QString &name)
{
    LogSource source;
    source.kind = Kind::Environment;
    source.namespaceName = ns;
    source.name = name;
    source.queries = {PodQuery{{}, u"environmentName=%1,environmentNamespace=%2"_s.arg(name, ns), {}},
                      PodQuery{{}, u"owner=buildermgr,envName=%1"_s.arg(name), {}}};
    source.excludedContainers = {u"fetcher"_s};
    return source;
}

LogSource LogSource::tenant(const QString &ns)
{
    LogSource source;
    source.kind = Kind::Tenant;
    source.namespaceName = ns;
    source.name = ns;
    source.queries = {PodQuery{ns, {}, {}}};
    return source;
}

LogSource LogSource::controlPlane(const QString &releaseNamespace)
{
    LogSource source;
    source.kind = Kind::ControlPlane;
    source.namespaceName = releaseNamespace;
    source.name = releaseNamespace;
    // Every control-plane component carries `svc=<component>` (fission-reference.md §3).
    source.queries = {PodQuery{releaseNamespace, u"svc"_s, {}}};
    return source;
}

LogSource LogSource::pod(const QString &ns, const QString &name)
{
    LogSource source;
    source.kind = Kind::Pod;
    source.namespaceName = ns;
    source.name = name;
    source.queries = {PodQuery{ns, {}, u"metadata.name=%1"_s.arg(name)}};
    return source;
}

LogSource LogSource::selector(const QString &ns, const QString &labelSelector)
{
    LogSource source;
    source.kind = Kind::Selector;
    source.namespaceName = ns;
    source.name = labelSelector;
    source.queries = {PodQuery{ns, labelSelector, {}}};
    return source;
}

bool LogSource::wantsContainer(const QString &container) const
{
    if (!onlyContainers.isEmpty())
        return onlyContainers.contains(container);
    return !excludedContainers.contains(container);
}

QString LogSource::title() const
{
    switch (kind) {
    case Kind::Function:
        return translate("fd::engine", "Function %1/%2").arg(namespaceName, name);
    case Kind::PackageBuild:
        return translate("fd::engine", "Build of package %1/%2").arg(namespaceName, name);
    case Kind::Environment:
        return translate("fd::engine", "Environment %1/%2").arg(namespaceName, name);
    case Kind::Tenant:
        return translate("fd::engine", "Tenant %1").arg(namespaceName);
    case Kind::ControlPlane:
        return translate("fd::engine", "Fission control plane in %1").arg(namespaceName);
    case Kind::Pod:
        return translate("fd::engine", "Pod %1/%2").arg(namespaceName, name);
    case Kind::Selector:
        return translate("fd::engine", "Pods %1 in %2").arg(name, namespaceName);
    }
    return name;
}

std::optional<LogSource::Kind> LogSource::kindFromId(QStringView id)
{
    if (id == "fn"_L1 || id == "function"_L1)
        return Kind::Function;
    if (id == "pkg"_L1 || id == "package"_L1)
        return Kind::PackageBuild;
    if (id == "env"_L1 || id == "environment"_L1)
        return Kind::Environment;
    if (id == "tenant"_L1)
        return Kind::Tenant;
    if (id == "controlplane"_L1)
        return Kind::ControlPlane;
    if (id == "pod"_L1)
        return Kind::Pod;
    return std::nullopt;
}

Expected<LogSource, QString> resolveLogSource(const ClusterSnapshot &snapshot, LogSource::Kind kind, const QString &ns,
                                              const QString &name)
{
    using Kind = LogSource::Kind;
    switch (kind) {
    case Kind::Function: {
        const auto *function = snapshot.index.functions().get(ns, name);
        if (!function)
            return Unexpected(translate("fd::engine", "function %1/%2 not found").arg(ns, name));
        return LogSource::function(ns, name, function->uid());
    }
    case Kind::PackageBuild: {
        const auto *package = snapshot.index.packages().get(ns, name);
        if (!package)
            return Unexpected(translate("fd::engine", "package %1/%2 not found").arg(ns, name));
        const QString envNs = package->environment.namespaceName.isEmpty() ? ns : package->environment.namespaceName;
        return LogSource::packageBuild(ns, name, envNs, package->environment.name);
    }
    case Kind::Environment:
        if (!snapshot.index.environments().get(ns, name))
            return Unexpected(translate("fd::engine", "environment %1/%2 not found").arg(ns, name));
        return LogSource::environment(ns, name);
    case Kind::Tenant:
        return LogSource::tenant(name.isEmpty() ? ns : name);
    case Kind::ControlPlane: {
        QString release = name.isEmpty() ? ns : name;
        if (release.isEmpty()) {
            const auto *install = snapshot.install.primary();
            if (!install)
                return Unexpected(translate("fd::engine", "no Fission control plane found"));
            release = install->releaseNamespace;
        }
        return LogSource::controlPlane(release);
    }
    case Kind::Pod:
        return LogSource::pod(ns, name);
    case Kind::Selector:
        return LogSource::selector(ns, name);
    }
    return Unexpected(QString());
}

} // namespace fd::engine
