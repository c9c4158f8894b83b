// Rules about package builds (fission-reference §6): failed builds with the lines of the build
// log that explain them, builds stuck past a threshold and why, builders that never become
// Ready, source packages whose environment has no builder, and archives the storage pruner may
// delete (§5 "Trap").
#include "fission/Tr.h"
#include "fission/rules/RuleSupport.h"
#include "fission/rules/Rules.h"

#include <QMap>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission::rules {

namespace {

bool namespaceServed(const RuleContext &ctx, const QString &ns)
{
    const Tenant *t = ctx.tenants.tenant(ns);
    return t && t->state == Tenant::State::Served;
}

OpenLogsAction builderLogs(const RuleContext &ctx, const NamespacedName &environment)
{
    OpenLogsAction a;
    a.namespaceName = builderNamespace(ctx, environment.namespaceName);
    a.selector = u"owner=buildermgr,envName=%1"_s.arg(environment.name);
    a.container = u"builder"_s;
    return a;
}

std::optional<OpenLogsAction> componentLogs(const RuleContext &ctx, const QString &component)
{
    const FissionInstall *install = primaryInstall(ctx);
    if (!install)
        return std::nullopt;
    OpenLogsAction a;
    a.namespaceName = install->releaseNamespace;
    a.selector = u"svc=%1"_s.arg(component);
    return a;
}

class PackageBuildFailed final : public Rule
{
public:
    QString id() const override { return u"package-build-failed"_s; }
    QString description() const override { return translate("fd::fission", "Package builds that failed"); }
    QList<KindInfo> dependsOn() const override { return {kinds::packages(), kinds::functions()}; }
    bool dependsOnInstall() const override { return true; } // builder namespace remap
    QList<KindInfo> requiredKinds() const override { return {kinds::packages()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const Package &pkg : ctx.fission.packages().items()) {
            if (pkg.buildStatus != BuildStatus::Failed)
                continue;
            Finding f = newFinding(id(), pkg.ref(), Severity::Error);
            f.title = translate("fd::fission", "The build of package %1 failed").arg(pkg.namespaceName() + u'/' + pkg.name());
            f.explanation = cause(pkg);
            const QStringList lines = relevantLogLines(pkg.buildLog);
            QList<EvidenceField> fields{{u"status.buildstatus"_s, pkg.buildStatusText}};
            if (!lines.isEmpty())
                fields.append({u"status.buildlog"_s, lines.join(u'\n')});
            if (pkg.lastUpdateTimestamp.isValid())
                fields.append({u"status.lastUpdateTimestamp"_s, pkg.lastUpdateTimestamp.toString(Qt::ISODate)});
            f.evidence.append(evidenceOf(pkg.ref(), fields));
            SymptomList symptoms(ctx.settings.maxSymptomsPerKind);
            for (const Function *fn : ctx.fission.functions().inNamespace(pkg.namespaceName())) {
                if (fn->package.name == pkg.name() && fn->package.namespaceName == pkg.namespaceName())
                    symptoms.add(u"function-unbuilt"_s, fn->ref(),
                                 translate("fd::fission", "Function %1 cannot run: its package did not build").arg(fn->name()));
            }
            f.symptoms = symptoms.finish();
            f.fixes.append(RebuildPackageAction{pkg.namespaceName(), pkg.name()});
            f.fixes.append(builderLogs(ctx, pkg.environment));
            out.add(f);
        }
    }

private:
    static QString cause(const Package &pkg)
    {
        const QString log = pkg.buildLog;
        auto has = [&log](const char *text) { return log.contains(QLatin1StringView(text), Qt::CaseInsensitive); };
        if (has("environment does not exist"))
            return translate("fd::fission", "Environment %1 does not exist, so buildermgr cannot build the package.")
                .arg(pkg.environment.name);
        if (has("builder not ready"))
            return translate("fd::fission",
                             "The builder of environment %1 never became Ready, so buildermgr gave up waiting (Fission "
                             "1.20 waits about 16 to 27 minutes). Check the builder pod's status and events.")
                .arg(pkg.environment.name);
        if (has("error fetching source package"))
            return translate("fd::fission",
                             "The builder could not fetch the source archive. Archives of 256 KiB or more live in "
                             "storagesvc; if the package was created while its namespace was not watched, the archive "
                             "pruner may have deleted it. Otherwise check storagesvc and the builder's access to it.");
        if (has("error uploading deployment package"))
            return translate("fd::fission", "The build ran, but uploading its result to storagesvc failed.");
        if (has("source and deployment are empty") || has("deploy and source archive are empty"))
            return translate("fd::fission", "The package has neither a source nor a deployment archive.");
        const QString command = pkg.buildCommand.isEmpty() ? translate("fd::fission", "the environment's build command")
                                                           : pkg.buildCommand;
        return translate("fd::fission", "The build command (%1) failed. The build log's relevant lines are shown below.")
            .arg(command);
    }
};

class PackageBuildStuck final : public Rule
{
public:
    QString id() const override { return u"package-build-stuck"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Package builds pending or running for too long in served namespaces");
    }
    QList<KindInfo> dependsOn() const override
    {
        return {kinds::packages(), kinds::environments(), kinds::deployments(), kinds::pods(), kinds::events()};
    }
    QList<KindInfo> requiredKinds() const override
    {
        return {kinds::packages(), kinds::environments(), kinds::deployments(), kinds::pods()};
    }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const Package &pkg : ctx.fission.packages().items()) {
            const bool running = pkg.buildStatus == BuildStatus::Running;
            const bool pending = pkg.buildStatus == BuildStatus::Pending || pkg.buildStatus == BuildStatus::Unset;
            if (!pkg.hasSource() || (!running && !pending) || !namespaceServed(ctx, pkg.namespaceName()))
                continue;
            const QDateTime since = pkg.lastUpdateTimestamp.isValid() ? pkg.lastUpdateTimestamp : createdAt(pkg.object);
            const QDateTime stuckAt = after(since, running ? ctx.settings.packageRunning : ctx.settings.packagePending);
            if (!stuckAt.isValid())
                continue;
            if (ctx.now < stuckAt) {
                out.recheckAt(stuckAt);
                continue;
            }
            const Environment *env = ctx.fission.environments().get(pkg.environment.namespaceName, pkg.environment.name);
            if (env && !env->hasBuilder())
                continue; // package-environment-without-builder says why
            Finding f = newFinding(id(), pkg.ref(), Severity::Error);
            const qint64 minutes = since.secsTo(ctx.now) / 60;
            f.title = running ? translate("fd::fission", "Package %1 has been building for %n minute(s)", nullptr, int(minutes))
                                    .arg(pkg.namespaceName() + u'/' + pkg.name())
                              : translate("fd::fission", "Package %1 has been waiting to build for %n minute(s)", nullptr,
                                          int(minutes))
                                    .arg(pkg.namespaceName() + u'/' + pkg.name());
            QList<EvidenceField> fields{{u"status.buildstatus"_s, pkg.buildStatusText}};
            fields.append({u"status.lastUpdateTimestamp"_s,
                           pkg.lastUpdateTimestamp.isValid() ? pkg.lastUpdateTimestamp.toString(Qt::ISODate) : QString()});
            f.evidence.append(evidenceOf(pkg.ref(), fields));
            explain(ctx, pkg, env, running, f);
            out.add(f);
        }
    }

private:
    static void explain(const RuleContext &ctx, const Package &pkg, const Environment *env, bool running, Finding &f)
    {
        if (!env) {
            f.explanation = translate("fd::fission", "Environment %1 does not exist, so no builder can build the package.")
                                .arg(pkg.environment.name);
            f.evidence.append(evidenceOf(ObjectRef::make(kinds::environments(), pkg.environment.namespaceName,
                                                         pkg.environment.name),
                                         {}, translate("fd::fission", "does not exist")));
            return;
        }
        const QString builderNs = builderNamespace(ctx, env->namespaceName());
        const QList<WorkloadInfo> builders = builderDeployments(ctx, *env);
        const WorkloadInfo *current = nullptr;
        for (const WorkloadInfo &b : builders) {
            if (b.object.label(u"envResourceVersion").value_or(QString()) == env->object.resourceVersion()) {
                current = &b;
                break;
            }
        }
        if (!current) {
            f.explanation = translate("fd::fission",
                                      "buildermgr has not created a builder for environment %1: there is no Deployment "
                                      "labelled owner=buildermgr,envName=%1 for its current version in namespace %2. "
                                      "buildermgr's log says why.")
                                .arg(env->name(), builderNs);
            if (auto logs = componentLogs(ctx, u"buildermgr"_s))
                f.fixes.append(*logs);
            f.fixes.append(RebuildPackageAction{pkg.namespaceName(), pkg.name()});
            return;
        }
        f.evidence.append(evidenceOf(ObjectRef::of(current->object),
                                     {{u"status.readyReplicas"_s, QString::number(current->ready)}}));
        const QList<PodInfo> pods = podsOf(ctx, *current);
        bool anyReady = false;
        for (const PodInfo &p : pods)
            anyReady = anyReady || p.isRunningAndReady();
        if (pods.isEmpty()) {
            const QString problem = creationProblem(warningEventsFor(ctx, *current));
            f.explanation = translate("fd::fission", "The builder Deployment %1 has no pods%2, so nothing can run the build.")
                                .arg(current->object.name(), problem.isEmpty() ? QString() : u": "_s + problem);
            f.fixes.append(InspectObjectAction{ObjectRef::of(current->object)});
            return;
        }
        if (!anyReady) {
            const PodInfo &pod = pods.first();
            const QString problem = podProblem(pod);
            f.explanation = translate("fd::fission", "The builder pod %1 is not Ready%2, so the build cannot start.")
                                .arg(pod.object.name(), problem.isEmpty() ? QString() : u": "_s + problem);
            f.evidence.append(evidenceOf(ObjectRef::of(pod.object), {{u"status.phase"_s, pod.phase}}));
            OpenLogsAction logs;
            logs.namespaceName = pod.object.namespaceName();
            logs.pod = pod.object.name();
            logs.container = u"builder"_s;
            logs.previous = pod.isCrashLooping();
            f.fixes.append(logs);
            return;
        }
        if (running)
            f.explanation = translate("fd::fission",
                                      "The builder is Ready, but the build has not finished. If buildermgr restarted during "
                                      "the build, Fission 1.20 leaves the package running for ever; rebuilding starts over.");
        else
            f.explanation = translate("fd::fission",
                                      "The builder is Ready, but buildermgr has not started the build. buildermgr's log "
                                      "says why.");
        f.fixes.append(RebuildPackageAction{pkg.namespaceName(), pkg.name()});
        if (auto logs = componentLogs(ctx, u"buildermgr"_s))
            f.fixes.append(*logs);
    }
};

class BuilderNotReady final : public Rule
{
public:
    QString id() const override { return u"builder-not-ready"_s; }
    QString description() const override { return translate("fd::fission", "Environment builders that are not Ready"); }
    QList<KindInfo> dependsOn() const override
    {
        return {kinds::environments(), kinds::packages(), kinds::deployments(), kinds::pods(), kinds::events()};
    }
    QList<KindInfo> requiredKinds() const override { return {kinds::environments(), kinds::deployments(), kinds::pods()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const Environment &env : ctx.fission.environments().items()) {
            if (!env.hasBuilder() || !namespaceServed(ctx, env.namespaceName()))
                continue;
            const QList<WorkloadInfo> builders = builderDeployments(ctx, env);
            if (builders.isEmpty()
                || builders.first().object.label(u"envResourceVersion").value_or(QString()) != env.object.resourceVersion())
                continue;
            const WorkloadInfo &builder = builders.first();
            const QList<PodInfo> pods = podsOf(ctx, builder);
            bool anyReady = false;
            for (const PodInfo &p : pods)
                anyReady = anyReady || p.isRunningAndReady();
            if (anyReady)
                continue;

            Finding f = newFinding(id(), env.ref(), Severity::Error);
            f.title = translate("fd::fission", "The builder of environment %1 is not Ready").arg(env.namespaceName() + u'/' + env.name());
            f.evidence.append(evidenceOf(ObjectRef::of(builder.object),
                                         {{u"status.readyReplicas"_s, QString::number(builder.ready)}}));
            const QList<EventInfo> events = warningEventsFor(ctx, builder);
            QString problem;
            if (pods.isEmpty()) {
                problem = creationProblem(events);
                if (problem.isEmpty()) {
                    const QDateTime at = after(createdAt(builder.object), ctx.settings.builderNotReady);
                    if (!at.isValid() || ctx.now < at) {
                        out.recheckAt(at);
                        continue;
                    }
                    problem = translate("fd::fission", "its Deployment has no pods");
                }
                f.fixes.append(InspectObjectAction{ObjectRef::of(builder.object)});
            } else {
                const PodInfo &pod = pods.first();
                problem = podProblem(pod);
                if (problem.isEmpty()) {
                    const QDateTime at = after(createdAt(pod.object), ctx.settings.builderNotReady);
                    if (!at.isValid() || ctx.now < at) {
                        out.recheckAt(at);
                        continue;
                    }
                    problem = translate("fd::fission", "pod %1 has not become Ready").arg(pod.object.name());
                }
                QList<EvidenceField> fields{{u"status.phase"_s, pod.phase}};
                if (const ContainerStatusInfo *w = pod.firstWaiting())
                    fields.append({u"status.containerStatuses[%1].state.waiting.reason"_s.arg(w->name), w->waitingReason});
                f.evidence.append(evidenceOf(ObjectRef::of(pod.object), fields));
                OpenLogsAction logs;
                logs.namespaceName = pod.object.namespaceName();
                logs.pod = pod.object.name();
                logs.container = u"builder"_s;
                logs.previous = pod.isCrashLooping();
                f.fixes.append(logs);
                f.fixes.append(InspectObjectAction{ObjectRef::of(pod.object)});
            }
            for (const EventInfo &e : events.mid(0, 3))
                f.evidence.append(evidenceOf(ObjectRef::of(e.object), {{u"reason"_s, e.reason}, {u"message"_s, shorten(e.message)}}));
            f.explanation = translate("fd::fission",
                                      "buildermgr builds packages of environment %1 in its builder pod, which is not Ready: "
                                      "%2. Builds of this environment wait (Fission 1.20 fails them after a long timeout).")
                                .arg(env.name(), problem);
            SymptomList symptoms(ctx.settings.maxSymptomsPerKind);
            for (const Package *pkg : ctx.fission.packages().inNamespace(env.namespaceName())) {
                if (pkg->environment.name != env.name() || !pkg->hasSource())
                    continue;
                if (pkg->buildStatus == BuildStatus::Pending || pkg->buildStatus == BuildStatus::Running
                    || pkg->buildStatus == BuildStatus::Unset)
                    symptoms.add(u"build-blocked"_s, pkg->ref(),
                                 translate("fd::fission", "Package %1 cannot build until the builder is Ready").arg(pkg->name()));
            }
            f.symptoms = symptoms.finish();
            out.add(f);
        }
    }
};

class PackageEnvWithoutBuilder final : public Rule
{
public:
    QString id() const override { return u"package-environment-without-builder"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Source packages whose environment has no builder");
    }
    QList<KindInfo> dependsOn() const override { return {kinds::packages(), kinds::environments()}; }
    bool dependsOnInstall() const override { return false; }
    QList<KindInfo> requiredKinds() const override { return {kinds::packages(), kinds::environments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const Package &pkg : ctx.fission.packages().items()) {
            if (!pkg.hasSource())
                continue;
            if (pkg.hasDeployment() && (pkg.buildStatus == BuildStatus::Succeeded || pkg.buildStatus == BuildStatus::None))
                continue; // built before (or deploy-only)
            const Environment *env = ctx.fission.environments().get(pkg.environment.namespaceName, pkg.environment.name);
            if (!env || env->hasBuilder())
                continue;
            Finding f = newFinding(id(), pkg.ref(), Severity::Error);
            f.title = translate("fd::fission", "Package %1 needs a build, but environment %2 has no builder")
                          .arg(pkg.namespaceName() + u'/' + pkg.name(), env->name());
            f.explanation = translate("fd::fission",
                                      "Package %1 has a source archive, which a builder must turn into a deployment archive, "
                                      "but environment %2 has %3. Nothing will build this package: give the environment a "
                                      "builder image (and version 2 or 3), or create the package from a deployment archive.")
                                .arg(pkg.name(), env->name(),
                                     env->version == 1 ? translate("fd::fission", "version 1, which has no builder support")
                                                       : translate("fd::fission", "no builder image"));
            f.evidence.append(evidenceOf(pkg.ref(), {{u"spec.source.type"_s, pkg.source.typeText},
                                                     {u"status.buildstatus"_s, pkg.buildStatusText}}));
            f.evidence.append(evidenceOf(env->ref(), {{u"spec.version"_s, QString::number(env->version)},
                                                      {u"spec.builder.image"_s, env->builderImage}}));
            f.fixes.append(InspectObjectAction{env->ref()});
            out.add(f);
        }
    }
};

class ArchiveAtRisk final : public Rule
{
public:
    QString id() const override { return u"archive-at-risk"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Package archives in storagesvc that its pruner may delete");
    }
    QList<KindInfo> dependsOn() const override { return {kinds::packages()}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::packages(), kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const FissionInstall *install = primaryInstall(ctx);
        if (!install || !install->archivePrunerEnabled)
            return;
        const ControlPlaneComponent *storage = install->component(u"storagesvc");
        if (!storage || !storage->consumesNamespaces())
            return;
        // storagesvc keeps archives referenced by Packages in the namespaces its process watches;
        // with pods running, their env; otherwise the template's.
        QSet<QString> protectedNamespaces;
        const QList<const ControlPlanePod *> ready = storage->readyPods();
        if (ready.isEmpty()) {
            protectedNamespaces = storage->templateWatchedSet;
        } else {
            bool first = true;
            for (const ControlPlanePod *p : ready) {
                protectedNamespaces = first ? p->watched : protectedNamespaces.intersect(p->watched);
                first = false;
            }
        }
        // One finding per namespace: the pruner treats the whole namespace alike.
        QMap<QString, QList<const Package *>> atRisk;
        for (const Package &pkg : ctx.fission.packages().items()) {
            if (protectedNamespaces.contains(pkg.namespaceName()))
                continue;
            if (!pkg.source.storageArchiveId().isEmpty() || !pkg.deployment.storageArchiveId().isEmpty())
                atRisk[pkg.namespaceName()].append(&pkg);
        }
        for (auto it = atRisk.begin(); it != atRisk.end(); ++it) {
            const QString &ns = it.key();
            const Tenant *tenant = ctx.tenants.tenant(ns);
            // Served through a FissionTenant: storagesvc has no tenant sync, so the risk is the
            // same, but it is inferred from Fission's source rather than observed upstream.
            const bool inferred = tenant && tenant->serving.viaTenant;
            Finding f = newFinding(id(), ObjectRef::make(kinds::namespaces(), QString(), ns),
                                   inferred ? Severity::Info : Severity::Warning);
            f.title = translate("fd::fission", "storagesvc's pruner may delete the archives of %n package(s) in %1", nullptr,
                                int(it.value().size()))
                          .arg(ns);
            f.explanation = translate("fd::fission",
                                      "storagesvc's archive pruner (on by default, every 60 minutes) deletes every stored "
                                      "archive older than a minute that no Package in the namespaces storagesvc watches "
                                      "refers to. Namespace %1 is not among them, so these archives can vanish at any "
                                      "time; a later build, or a function pod fetching its code, then fails.")
                                .arg(ns);
            if (inferred)
                f.explanation += translate("fd::fission",
                                           " %1 is onboarded through a FissionTenant, which storagesvc does not read: it "
                                           "knows only the namespaces of the Helm values (inferred from Fission's source).")
                                     .arg(ns);
            int shown = 0;
            for (const Package *pkg : it.value()) {
                if (++shown > ctx.settings.maxSymptomsPerKind)
                    break;
                QList<EvidenceField> fields;
                if (!pkg->source.storageArchiveId().isEmpty())
                    fields.append({u"spec.source.url"_s, pkg->source.url});
                if (!pkg->deployment.storageArchiveId().isEmpty())
                    fields.append({u"spec.deployment.url"_s, pkg->deployment.url});
                f.evidence.append(evidenceOf(pkg->ref(), fields));
            }
            f.evidence.append(evidenceOf(ObjectRef::of(storage->workload.object),
                                         {{u"FISSION_RESOURCE_NAMESPACES"_s,
                                           storage->templateEnv.resourceNamespaces.value_or(QString())}}));
            OnboardAction onboard = onboardAction(ctx, *install, ns);
            onboard.method = OnboardAction::Method::HelmUpgrade;
            onboard.restarts = install->rolledByNamespaceChange();
            onboard.coldStartsFunctions = !install->adoptExistingResources;
            f.fixes.append(onboard);
            out.add(f);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makePackageBuildFailed() { return std::make_unique<PackageBuildFailed>(); }
std::unique_ptr<Rule> makePackageBuildStuck() { return std::make_unique<PackageBuildStuck>(); }
std::unique_ptr<Rule> makeBuilderNotReady() { return std::make_unique<BuilderNotReady>(); }
std::unique_ptr<Rule> makePackageEnvWithoutBuilder() { return std::make_unique<PackageEnvWithoutBuilder>(); }
std::unique_ptr<Rule> makeArchiveAtRisk() { return std::make_unique<ArchiveAtRisk>(); }

} // namespace fd::fission::rules
