#include "fission/InstallDetection.h"

#include "fission/Tr.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission {

QString tenancyWorldId(TenancyWorld world)
{
    switch (world) {
    case TenancyWorld::Unknown: return u"unknown"_s;
    case TenancyWorld::Legacy: return u"legacy"_s;
    case TenancyWorld::ModernStatic: return u"static"_s;
    case TenancyWorld::Dynamic: return u"dynamic"_s;
    case TenancyWorld::Cluster: return u"cluster"_s;
    }
    return u"unknown"_s;
}

QString tenancyWorldDisplay(TenancyWorld world)
{
    switch (world) {
    case TenancyWorld::Unknown: return translate("fd::fission", "unknown");
    case TenancyWorld::Legacy: return translate("fd::fission", "legacy (namespaces from Helm values)");
    case TenancyWorld::ModernStatic: return translate("fd::fission", "static (namespaces from Helm values)");
    case TenancyWorld::Dynamic: return translate("fd::fission", "dynamic (FissionTenants)");
    case TenancyWorld::Cluster: return translate("fd::fission", "cluster (every namespace)");
    }
    return {};
}

QString namespaceServingId(NamespaceServing::State state)
{
    switch (state) {
    case NamespaceServing::State::Unknown: return u"unknown"_s;
    case NamespaceServing::State::Served: return u"served"_s;
    case NamespaceServing::State::NotWatched: return u"not-watched"_s;
    case NamespaceServing::State::PartiallyServed: return u"partially-served"_s;
    case NamespaceServing::State::PendingOnboarding: return u"pending-onboarding"_s;
    }
    return u"unknown"_s;
}

QString installStateId(InstallReport::State state)
{
    switch (state) {
    case InstallReport::State::Unknown: return u"unknown"_s;
    case InstallReport::State::None: return u"none"_s;
    case InstallReport::State::Single: return u"single"_s;
    case InstallReport::State::Several: return u"several"_s;
    }
    return u"unknown"_s;
}

// ---- ControlPlaneComponent -------------------------------------------------------------------

QList<const ControlPlanePod *> ControlPlaneComponent::readyPods() const
{
    QList<const ControlPlanePod *> out;
    for (const ControlPlanePod &p : pods) {
        if (p.pod.isRunningAndReady())
            out.append(&p);
    }
    return out;
}

QList<const ControlPlanePod *> ControlPlaneComponent::podsOnOldEnv() const
{
    QList<const ControlPlanePod *> out;
    for (const ControlPlanePod *p : readyPods()) {
        if (!p->matchesTemplate)
            out.append(p);
    }
    return out;
}

// ---- FissionInstall --------------------------------------------------------------------------

QString FissionInstall::version() const
{
    if (!chartVersion.isEmpty())
        return chartVersion;
    if (!imageTag.isEmpty())
        return imageTag.startsWith(u'v') ? imageTag.mid(1) : imageTag;
    if (helm && !helm->chartVersion.isEmpty())
        return helm->chartVersion;
    return {};
}

const ControlPlaneComponent *FissionInstall::component(QStringView name) const
{
    for (const ControlPlaneComponent &c : components) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QList<const ControlPlaneComponent *> FissionInstall::consumers() const
{
    QList<const ControlPlaneComponent *> out;
    for (const ControlPlaneComponent &c : components) {
        if (c.consumesNamespaces())
            out.append(&c);
    }
    return out;
}

bool FissionInstall::tenantControllerReady() const
{
    const ControlPlaneComponent *c = component(u"tenantcontroller");
    return c && c->hasReadyPods();
}

QStringList FissionInstall::rolledByNamespaceChange() const
{
    QStringList out;
    for (const ControlPlaneComponent *c : consumers())
        out.append(c->workload.object.name());
    out.sort();
    return out;
}

NamespaceServing FissionInstall::serving(const QString &namespaceName) const
{
    NamespaceServing s;
    const QList<const ControlPlaneComponent *> cs = consumers();
    if (cs.isEmpty()) {
        s.state = NamespaceServing::State::NotWatched;
    } else {
        bool anyWatch = false;
        bool allServe = true;
        for (const ControlPlaneComponent *c : cs) {
            const bool inTemplate = c->templateWatchedSet.contains(namespaceName);
            s.inTemplateEnv = s.inTemplateEnv || inTemplate;
            const QList<const ControlPlanePod *> ready = c->readyPods();
            bool serves = false;
            bool some = false;
            if (ready.isEmpty()) {
                // No running process to ask: the template is all we know (an outage is a finding
                // of its own).
                serves = inTemplate;
                some = inTemplate;
            } else {
                int watching = 0;
                for (const ControlPlanePod *p : ready) {
                    if (p->watched.contains(namespaceName))
                        ++watching;
                }
                serves = inTemplate && watching == ready.size();
                some = inTemplate || watching > 0;
            }
            anyWatch = anyWatch || some;
            allServe = allServe && serves;
            (serves ? s.servingComponents : s.lackingComponents).append(c->name);
        }
        if (allServe)
            s.state = NamespaceServing::State::Served;
        else if (anyWatch)
            s.state = NamespaceServing::State::PartiallyServed;
        else
            s.state = NamespaceServing::State::NotWatched;
    }
    if (s.state != NamespaceServing::State::Served
        && (world == TenancyWorld::Dynamic || world == TenancyWorld::Cluster)) {
        if (tenantReadyNamespaces.contains(namespaceName)) {
            s.state = NamespaceServing::State::Served;
            s.viaTenant = true;
            s.servingComponents.append(s.lackingComponents);
            s.lackingComponents.clear();
        } else if (s.state == NamespaceServing::State::NotWatched
                   && (tenantPendingNamespaces.contains(namespaceName)
                       || (world == TenancyWorld::Cluster && clusterEligibleNamespaces.contains(namespaceName)))) {
            s.state = NamespaceServing::State::PendingOnboarding;
        }
    }
    s.servingComponents.sort();
    s.lackingComponents.sort();
    return s;
}

namespace {

bool sameComponents(const QList<ControlPlaneComponent> &a, const QList<ControlPlaneComponent> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const ControlPlaneComponent &x = a[i];
        const ControlPlaneComponent &y = b[i];
        if (x.name != y.name || x.workload.object.resourceVersion() != y.workload.object.resourceVersion()
            || x.pods.size() != y.pods.size())
            return false;
        for (qsizetype j = 0; j < x.pods.size(); ++j) {
            if (x.pods[j].pod.object.resourceVersion() != y.pods[j].pod.object.resourceVersion()
                || x.pods[j].pod.object.name() != y.pods[j].pod.object.name())
                return false;
        }
    }
    return true;
}

bool sameHelm(const std::optional<HelmReleaseInfo> &a, const std::optional<HelmReleaseInfo> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return a->latestRevision == b->latestRevision && a->latestStatus == b->latestStatus
        && a->deployedRevision == b->deployedRevision && a->deployedFacts == b->deployedFacts
        && a->latestFacts == b->latestFacts && a->decodeError == b->decodeError && a->history.size() == b->history.size();
}

} // namespace

bool FissionInstall::operator==(const FissionInstall &other) const
{
    return releaseNamespace == other.releaseNamespace && releaseName == other.releaseName && chartLabel == other.chartLabel
        && imageTag == other.imageTag && world == other.world && tenancyModeText == other.tenancyModeText
        && tenantKindServed == other.tenantKindServed && postTenantKinds == other.postTenantKinds
        && adoptExistingResources == other.adoptExistingResources && archivePrunerEnabled == other.archivePrunerEnabled
        && seedEnv == other.seedEnv && tenantReadyNamespaces == other.tenantReadyNamespaces
        && tenantPendingNamespaces == other.tenantPendingNamespaces
        && clusterEligibleNamespaces == other.clusterEligibleNamespaces && sameComponents(components, other.components)
        && sameHelm(helm, other.helm);
}

// ---- InstallReport ---------------------------------------------------------------------------

const FissionInstall *InstallReport::install(QStringView releaseNamespace) const
{
    for (const FissionInstall &i : installs) {
        if (i.releaseNamespace == releaseNamespace)
            return &i;
    }
    return nullptr;
}

NamespaceServing InstallReport::serving(const QString &namespaceName) const
{
    NamespaceServing best;
    if (state == State::Unknown)
        return best;
    best.state = NamespaceServing::State::NotWatched;
    auto rank = [](NamespaceServing::State s) {
        switch (s) {
        case NamespaceServing::State::Served: return 4;
        case NamespaceServing::State::PartiallyServed: return 3;
        case NamespaceServing::State::PendingOnboarding: return 2;
        case NamespaceServing::State::NotWatched: return 1;
        case NamespaceServing::State::Unknown: return 0;
        }
        return 0;
    };
    bool first = true;
    for (const FissionInstall &i : installs) {
        const NamespaceServing s = i.serving(namespaceName);
        if (first || rank(s.state) > rank(best.state))
            best = s;
        first = false;
    }
    return best;
}

bool InstallReport::operator==(const InstallReport &other) const
{
    return state == other.state && unknownReason == other.unknownReason && fissionKindsServed == other.fissionKindsServed
        && installs == other.installs;
}

// ---- InstallDetector -------------------------------------------------------------------------

const QList<KindInfo> &InstallDetector::inputs()
{
    static const QList<KindInfo> list{kinds::deployments(), kinds::daemonSets(), kinds::pods(), kinds::secrets(),
                                      kinds::configMaps(), kinds::fissionTenants(), kinds::namespaces(),
                                      kinds::functions(), kinds::functionVersions(), kinds::workflows()};
    return list;
}

namespace {

QString chartVersionFromLabel(const QString &label)
{
    // "fission-all-v1.20.5" (1.20) or "fission-all-1.27.0" (main).
    static const QRegularExpression re(uR"(^.*?-v?(\d+\.\d+\.\d+\S*)$)"_s);
    const QRegularExpressionMatch m = re.match(label);
    return m.hasMatch() ? m.captured(1) : QString();
}

bool isServed(const KindCoverage &c)
{
    return c.state == KindCoverage::State::Complete || c.state == KindCoverage::State::Partial
        || c.state == KindCoverage::State::Forbidden;
}

TenancyWorld worldFor(const std::optional<QString> &mode)
{
    if (!mode)
        return TenancyWorld::Legacy;
    if (*mode == u"static" || mode->isEmpty())
        return TenancyWorld::ModernStatic; // the chart renders "static" by default; empty means default
    if (*mode == u"dynamic")
        return TenancyWorld::Dynamic;
    if (*mode == u"cluster")
        return TenancyWorld::Cluster;
    return TenancyWorld::Unknown;
}

QList<ControlPlaneComponent> readComponents(const ClusterState &state, const QString &ns)
{
    QList<ControlPlaneComponent> out;
    QList<KubeObject> workloads = state.listInNamespace(kinds::deployments(), ns);
    workloads += state.listInNamespace(kinds::daemonSets(), ns);
    const QList<KubeObject> pods = state.listInNamespace(kinds::pods(), ns);
    QList<PodInfo> parsedPods;
    for (const KubeObject &p : pods) {
        PodInfo info = PodInfo::parse(p);
        if (info.phase == u"Succeeded" || info.phase == u"Failed")
            continue;
        parsedPods.append(info);
    }
    for (const KubeObject &w : workloads) {
        const auto svc = w.label(u"svc");
        if (!svc || svc->isEmpty())
            continue;
        ControlPlaneComponent c;
        c.name = *svc;
        c.workload = WorkloadInfo::parse(w);
        c.templateEnv = NamespaceEnv::fromContainers(c.workload.containers);
        if (c.templateEnv.consumesNamespaces()) {
            c.templateWatchedList = c.templateEnv.watchedNamespaces();
            c.templateWatchedSet = QSet<QString>(c.templateWatchedList.begin(), c.templateWatchedList.end());
        }
        if (!c.workload.containers.isEmpty())
            c.image = c.workload.containers.first().image;
        for (const PodInfo &pod : parsedPods) {
            if (!c.workload.selects(pod.object))
                continue;
            ControlPlanePod p;
            p.pod = pod;
            p.env = NamespaceEnv::fromContainers(pod.containers);
            if (p.env.consumesNamespaces()) {
                const QStringList watched = p.env.watchedNamespaces();
                p.watched = QSet<QString>(watched.begin(), watched.end());
            }
            p.matchesTemplate = p.env == c.templateEnv;
            c.pods.append(p);
        }
        std::sort(c.pods.begin(), c.pods.end(),
                  [](const ControlPlanePod &a, const ControlPlanePod &b) { return a.pod.object.name() < b.pod.object.name(); });
        out.append(c);
    }
    std::sort(out.begin(), out.end(), [](const ControlPlaneComponent &a, const ControlPlaneComponent &b) {
        return a.name != b.name ? a.name < b.name : a.workload.object.name() < b.workload.object.name();
    });
    return out;
}

void readTenancy(const ClusterState &state, FissionInstall &install)
{
    if (install.world != TenancyWorld::Dynamic && install.world != TenancyWorld::Cluster)
        return;
    for (const KubeObject &o : state.list(kinds::fissionTenants())) {
        const FissionTenant t = FissionTenant::parse(o);
        if (t.tenantNamespace.isEmpty())
            continue;
        if (t.isReady() && !t.isTerminating())
            install.tenantReadyNamespaces.insert(t.tenantNamespace);
        else if (!t.isTerminating())
            install.tenantPendingNamespaces.insert(t.tenantNamespace);
    }
    // Dynamic: a namespace labelled fission.io/enabled=true gets a tenant from the controller.
    for (const KubeObject &n : state.list(kinds::namespaces())) {
        if (n.hasDeletionTimestamp())
            continue;
        const QString name = n.name();
        const auto enabled = n.label(u"fission.io/enabled");
        if (install.world == TenancyWorld::Dynamic) {
            if (enabled && *enabled == u"true" && !install.tenantReadyNamespaces.contains(name))
                install.tenantPendingNamespaces.insert(name);
        } else {
            const bool system = name == u"kube-system" || name == u"kube-public" || name == u"kube-node-lease";
            const bool optedOut = enabled && *enabled == u"false";
            if (!system && !optedOut && name != install.releaseNamespace)
                install.clusterEligibleNamespaces.insert(name);
        }
    }
}

void computeUnions(FissionInstall &install)
{
    QSet<QString> templates;
    for (const ControlPlaneComponent *c : install.consumers()) {
        templates.unite(c->templateWatchedSet);
        install.watchedUnion.unite(c->templateWatchedSet);
        for (const ControlPlanePod *p : c->readyPods())
            install.watchedUnion.unite(p->watched);
    }
    install.watchedUnion.unite(install.tenantReadyNamespaces);
    install.watchedUnion.unite(install.tenantPendingNamespaces);
    install.templateUnion = QStringList(templates.begin(), templates.end());
    install.templateUnion.sort();
}

std::optional<HelmReleaseInfo> findRelease(const ClusterState &state, const FissionInstall &install, HelmReleaseReader *helm)
{
    if (!helm)
        return std::nullopt;
    if (!install.releaseName.isEmpty())
        return helm->read(state, install.releaseNamespace, install.releaseName);
    // No HELM_RELEASE_NAME (an older or hand-made install): any release in the namespace whose
    // chart is Fission's.
    for (const QString &name : HelmReleaseReader::releaseNames(state, install.releaseNamespace)) {
        std::optional<HelmReleaseInfo> r = helm->read(state, install.releaseNamespace, name);
        if (r && r->chartName.startsWith(u"fission"))
            return r;
    }
    return std::nullopt;
}

} // namespace

InstallReport InstallDetector::detect(const ClusterState &state, HelmReleaseReader *helm)
{
    InstallReport report;
    report.fissionKindsServed = isServed(state.coverage(kinds::functions()));
    const KindCoverage deployments = state.coverage(kinds::deployments());
    if (deployments.state == KindCoverage::State::Unknown || deployments.state == KindCoverage::State::Forbidden
        || deployments.state == KindCoverage::State::NotServed) {
        report.state = InstallReport::State::Unknown;
        report.unknownReason = deployments.state == KindCoverage::State::Forbidden
            ? translate("fd::fission", "Deployments cannot be listed: %1").arg(deployments.reason)
            : translate("fd::fission", "Deployments have not been read yet");
        return report;
    }

    QStringList namespaces;
    for (const KubeObject &d : state.listByLabel(kinds::deployments(), u"svc"_s, u"executor"_s)) {
        if (!namespaces.contains(d.namespaceName()))
            namespaces.append(d.namespaceName());
    }
    namespaces.sort();
    if (namespaces.isEmpty()) {
        if (deployments.state == KindCoverage::State::Partial) {
            report.state = InstallReport::State::Unknown;
            report.unknownReason = translate("fd::fission",
                                             "Deployments can be read only in some namespaces and none of them holds "
                                             "Fission's control plane");
        } else {
            report.state = InstallReport::State::None;
        }
        return report;
    }

    const bool tenantKind = isServed(state.coverage(kinds::fissionTenants()));
    const bool postTenant = isServed(state.coverage(kinds::functionVersions())) || isServed(state.coverage(kinds::workflows()));
    for (const QString &ns : std::as_const(namespaces)) {
        FissionInstall install;
        install.releaseNamespace = ns;
        install.tenantKindServed = tenantKind;
        install.postTenantKinds = postTenant;
        install.components = readComponents(state, ns);
        if (const ControlPlaneComponent *executor = install.component(u"executor")) {
            install.seedEnv = executor->templateEnv;
            install.chartLabel = executor->workload.object.label(u"chart").value_or(QString());
            install.chartVersion = chartVersionFromLabel(install.chartLabel);
            const ContainerInfo *main = executor->workload.containers.isEmpty() ? nullptr : &executor->workload.containers.first();
            if (main) {
                install.imageTag = main->imageTag();
                install.releaseName = main->envValue(u"HELM_RELEASE_NAME").value_or(QString());
                install.adoptExistingResources = main->envValue(u"ADOPT_EXISTING_RESOURCES").value_or(QString()) == u"true";
            }
        }
        if (const ControlPlaneComponent *storage = install.component(u"storagesvc")) {
            for (const ContainerInfo &c : storage->workload.containers) {
                if (const auto v = c.envValue(u"PRUNE_ENABLED"))
                    install.archivePrunerEnabled = *v != u"false";
            }
        }
        install.tenancyModeText = install.seedEnv.tenancyMode.value_or(QString());
        install.world = worldFor(install.seedEnv.tenancyMode);
        readTenancy(state, install);
        computeUnions(install);
        install.helm = findRelease(state, install, helm);
        if (install.releaseName.isEmpty() && install.helm)
            install.releaseName = install.helm->name;
        report.installs.append(install);
    }
    report.state = report.installs.size() == 1 ? InstallReport::State::Single : InstallReport::State::Several;
    return report;
}

} // namespace fd::fission
