// Rules about the control plane and its Helm release: Deployments that disagree on the namespace
// list, rollouts in progress or stuck, failing or unavailable control-plane pods, live env that
// differs from the Helm values, and Helm operations left pending or failed (fission-reference §3,
// kube-protocol.md §8).
#include "fission/Tr.h"
#include "fission/rules/RuleSupport.h"
#include "fission/rules/Rules.h"

#include <QMap>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;

namespace fd::fission::rules {

namespace {

ObjectRef releaseRef(const HelmReleaseInfo &release)
{
    ObjectRef r;
    r.kind = u"HelmRelease"_s;
    r.namespaceName = release.namespaceName;
    r.name = release.name;
    return r;
}

QString envText(const NamespaceEnv &env)
{
    QString text = env.watchedNamespaces().join(u", "_s);
    if (env.tenancyMode)
        text += translate("fd::fission", " (tenancy mode %1)").arg(env.tenancyMode->isEmpty() ? u"static"_s : *env.tenancyMode);
    return text;
}

EvidenceField envField(const ControlPlaneComponent &c)
{
    const QString container = c.workload.containers.isEmpty() ? QString() : c.workload.containers.first().name;
    return {u"spec.template.spec.containers[%1].env.FISSION_RESOURCE_NAMESPACES"_s.arg(container),
            c.templateEnv.resourceNamespaces.value_or(QString())};
}

// What stops when a component has no running pod.
QString outageConsequence(const QString &component)
{
    if (component == u"executor")
        return translate("fd::fission", "no function pods are created or specialized");
    if (component == u"router")
        return translate("fd::fission", "no function can be called");
    if (component == u"buildermgr")
        return translate("fd::fission", "no package is built");
    if (component == u"storagesvc")
        return translate("fd::fission", "archives cannot be uploaded or fetched");
    if (component == u"webhook-service" || component == u"webhook")
        return translate("fd::fission", "creating or changing Fission objects fails (the webhooks' failure policy is Fail)");
    if (component == u"tenantcontroller")
        return translate("fd::fission", "no FissionTenant is onboarded or cleaned up");
    if (component == u"timer")
        return translate("fd::fission", "time triggers do not fire");
    if (component == u"kubewatcher")
        return translate("fd::fission", "Kubernetes watch triggers do not fire");
    if (component.startsWith(u"mqtrigger"_s))
        return translate("fd::fission", "message queue triggers do not fire");
    return translate("fd::fission", "its part of Fission stops working");
}

std::optional<RollbackReleaseAction> rollbackToDeployed(const FissionInstall &install)
{
    if (!install.helm || install.helm->deployedRevision <= 0)
        return std::nullopt;
    return RollbackReleaseAction{install.helm->namespaceName, install.helm->name, install.helm->deployedRevision};
}

class ControlPlaneDisagree final : public Rule
{
public:
    QString id() const override { return u"control-plane-env-disagree"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Control-plane Deployments configured with different namespace lists");
    }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            QMap<QString, QStringList> groups; // env text -> components
            for (const ControlPlaneComponent *c : install.consumers())
                groups[envText(c->templateEnv)].append(c->name);
            if (groups.size() < 2)
                continue;
            Finding f = newFinding(id(), ObjectRef::make(kinds::namespaces(), QString(), install.releaseNamespace),
                                   Severity::Error);
            f.title = translate("fd::fission", "Fission's components in %1 watch different namespaces").arg(install.releaseNamespace);
            QStringList parts;
            for (auto it = groups.begin(); it != groups.end(); ++it)
                parts.append(translate("fd::fission", "%1 watch %2").arg(it.value().join(u", "_s), it.key()));
            f.explanation = translate("fd::fission",
                                      "Each Fission process reads its namespace list once at start-up, and Helm renders the "
                                      "same list into all of them. Here the pod templates differ: %1. A namespace in one "
                                      "list but not in another is half served (for example routed but never built). "
                                      "This usually follows a hand edit or an upgrade that stopped half way.")
                                .arg(parts.join(u"; "_s));
            for (const ControlPlaneComponent *c : install.consumers())
                f.evidence.append(evidenceOf(ObjectRef::of(c->workload.object), {envField(*c)}));
            if (auto rollback = rollbackToDeployed(install))
                f.fixes.append(*rollback);
            out.add(f);
        }
    }
};

// Whether a pod of the new template is failing in a way that will not heal by waiting.
QString failingNewPod(const ControlPlaneComponent &c, const PodInfo **which)
{
    for (const ControlPlanePod &p : c.pods) {
        if (p.pod.isRunningAndReady() || !p.matchesTemplate || p.pod.isTerminating())
            continue;
        const Condition *scheduled = p.pod.condition(u"PodScheduled");
        if (p.pod.firstWaiting() || (scheduled && scheduled->isFalse())) {
            *which = &p.pod;
            return podProblem(p.pod);
        }
    }
    return {};
}

class ControlPlaneRollout final : public Rule
{
public:
    QString id() const override { return u"control-plane-rollout"_s; }
    QString description() const override { return translate("fd::fission", "Control-plane rollouts in progress or stuck"); }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments(), kinds::pods()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            for (const ControlPlaneComponent &c : install.components) {
                const QList<const ControlPlanePod *> oldEnv = c.podsOnOldEnv();
                if (!c.workload.rolloutInProgress() && oldEnv.isEmpty())
                    continue;
                if (c.workload.desired == 0)
                    continue;
                const PodInfo *failing = nullptr;
                const QString problem = failingNewPod(c, &failing);
                const bool stuck = c.workload.progressDeadlineExceeded() || !problem.isEmpty();
                Finding f = newFinding(id(), ObjectRef::of(c.workload.object), stuck ? Severity::Error : Severity::Info);
                QList<EvidenceField> fields{{u"spec.replicas"_s, QString::number(c.workload.desired)},
                                            {u"status.updatedReplicas"_s, QString::number(c.workload.updated)},
                                            {u"status.availableReplicas"_s, QString::number(c.workload.available)}};
                if (const Condition *p = c.workload.condition(u"Progressing"))
                    fields.append({u"status.conditions[Progressing]"_s, p->status + u'/' + p->reason});
                f.evidence.append(evidenceOf(ObjectRef::of(c.workload.object), fields));
                QStringList oldNames;
                for (const ControlPlanePod *p : oldEnv) {
                    oldNames.append(p->pod.object.name());
                    f.evidence.append(evidenceOf(ObjectRef::of(p->pod.object),
                                                 {{u"env.FISSION_RESOURCE_NAMESPACES"_s,
                                                   p->env.resourceNamespaces.value_or(QString())}},
                                                 translate("fd::fission", "still runs the previous namespace list")));
                }
                const QString oldText = oldNames.isEmpty()
                    ? QString()
                    : translate("fd::fission", " Pods %1 still run with the previous namespace list.").arg(oldNames.join(u", "_s));
                if (stuck) {
                    f.title = translate("fd::fission", "The rollout of %1 is stuck").arg(c.workload.object.name());
                    f.explanation = problem.isEmpty()
                        ? translate("fd::fission", "The Deployment's progress deadline passed before its new pods became "
                                                   "available.")
                        : translate("fd::fission", "A new pod of %1 cannot start: %2.").arg(c.workload.object.name(), problem);
                    f.explanation += oldText;
                    if (failing) {
                        OpenLogsAction logs;
                        logs.namespaceName = failing->object.namespaceName();
                        logs.pod = failing->object.name();
                        logs.previous = failing->isCrashLooping();
                        f.fixes.append(logs);
                    }
                    if (auto rollback = rollbackToDeployed(install))
                        f.fixes.append(*rollback);
                } else {
                    f.title = translate("fd::fission", "%1 is rolling out (%2 of %3 pods updated)")
                                  .arg(c.workload.object.name())
                                  .arg(c.workload.updated)
                                  .arg(c.workload.desired);
                    f.explanation = translate("fd::fission",
                                              "Kubernetes is replacing the pods of %1 with ones built from its current "
                                              "template. Until it finishes, old and new processes may watch different "
                                              "namespaces.")
                                        .arg(c.workload.object.name())
                        + oldText;
                }
                f.fixes.append(InspectObjectAction{ObjectRef::of(c.workload.object)});
                out.add(f);
            }
        }
    }
};

class ControlPlanePodFailing final : public Rule
{
public:
    QString id() const override { return u"control-plane-pod-failing"_s; }
    QString description() const override { return translate("fd::fission", "Control-plane pods that crash or cannot start"); }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments(), kinds::pods()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            for (const ControlPlaneComponent &c : install.components) {
                QList<const PodInfo *> failing;
                for (const ControlPlanePod &p : c.pods) {
                    if (!p.pod.isTerminating() && !p.pod.isRunningAndReady() && p.pod.firstWaiting())
                        failing.append(&p.pod);
                }
                if (failing.isEmpty())
                    continue;
                Finding f = newFinding(id(), ObjectRef::of(c.workload.object), Severity::Error);
                f.title = translate("fd::fission", "Pods of %1 are failing").arg(c.workload.object.name());
                QStringList problems;
                for (const PodInfo *p : failing) {
                    problems.append(p->object.name() + u": "_s + podProblem(*p));
                    const ContainerStatusInfo *w = p->firstWaiting();
                    f.evidence.append(evidenceOf(ObjectRef::of(p->object),
                                                 {{u"status.containerStatuses[%1].state.waiting.reason"_s.arg(w->name), w->waitingReason},
                                                  {u"status.containerStatuses[%1].restartCount"_s.arg(w->name),
                                                   QString::number(w->restartCount)}}));
                    OpenLogsAction logs;
                    logs.namespaceName = p->object.namespaceName();
                    logs.pod = p->object.name();
                    logs.container = w->name;
                    logs.previous = w->waitingReason == u"CrashLoopBackOff";
                    f.fixes.append(logs);
                }
                f.explanation = translate("fd::fission", "%1. While no pod of %2 runs, %3.")
                                    .arg(problems.join(u"; "_s), c.name, outageConsequence(c.name));
                out.add(f);
            }
        }
    }
};

class ControlPlaneUnavailable final : public Rule
{
public:
    QString id() const override { return u"control-plane-unavailable"_s; }
    QString description() const override { return translate("fd::fission", "Control-plane Deployments without an available pod"); }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            for (const ControlPlaneComponent &c : install.components) {
                if (c.workload.desired <= 0 || c.workload.available > 0 || c.hasReadyPods())
                    continue;
                QDateTime since = createdAt(c.workload.object);
                if (const Condition *a = c.workload.condition(u"Available"); a && a->isFalse()) {
                    const QDateTime t = parseKubeTime(a->lastTransitionTime);
                    if (t.isValid())
                        since = t;
                }
                const QDateTime at = after(since, ctx.settings.controlPlaneUnavailable);
                if (!at.isValid() || ctx.now < at) {
                    out.recheckAt(at);
                    continue;
                }
                Finding f = newFinding(id(), ObjectRef::of(c.workload.object), Severity::Error);
                f.title = translate("fd::fission", "%1 has no available pod").arg(c.workload.object.name());
                f.explanation = translate("fd::fission", "%1 wants %n pod(s) but none is available, so %2.", nullptr,
                                          c.workload.desired)
                                    .arg(c.workload.object.name(), outageConsequence(c.name));
                f.evidence.append(evidenceOf(ObjectRef::of(c.workload.object),
                                             {{u"spec.replicas"_s, QString::number(c.workload.desired)},
                                              {u"status.availableReplicas"_s, QString::number(c.workload.available)}}));
                OpenLogsAction logs;
                logs.namespaceName = install.releaseNamespace;
                logs.selector = u"svc=%1"_s.arg(c.name);
                logs.previous = true;
                f.fixes.append(logs);
                f.fixes.append(InspectObjectAction{ObjectRef::of(c.workload.object)});
                out.add(f);
            }
        }
    }
};

class HelmValuesDrift final : public Rule
{
public:
    QString id() const override { return u"helm-values-drift"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Control planes whose live namespace list differs from their Helm values");
    }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            if (!install.helm || !install.helm->deployedFacts || !install.component(u"executor"))
                continue;
            const HelmReleaseInfo &helm = *install.helm;
            const HelmValuesFacts &values = *helm.deployedFacts;
            const QStringList live = install.seedEnv.watchedNamespaces();
            const QStringList fromValues = values.watchedNamespaces();
            const QString liveMode = install.seedEnv.tenancyMode.value_or(QString());
            const bool modeDiffers = !values.tenancyMode.isEmpty() && !liveMode.isEmpty() && values.tenancyMode != liveMode;
            if (live == fromValues && !modeDiffers)
                continue;
            // An upgrade in progress: the templates already carry the new revision's values.
            if (helm.hasPendingOperation() && helm.latestFacts && helm.latestFacts->watchedNamespaces() == live)
                continue;
            Finding f = newFinding(id(), releaseRef(helm), Severity::Error);
            f.title = translate("fd::fission", "The control plane does not run with the Helm values of release %1").arg(helm.name);
            f.explanation = translate("fd::fission",
                                      "Revision %1 of release %2 (deployed) renders the watched namespaces %3, but the "
                                      "control plane's pod templates say %4.")
                                .arg(helm.deployedRevision)
                                .arg(helm.name, fromValues.join(u", "_s), live.join(u", "_s));
            if (modeDiffers)
                f.explanation += translate("fd::fission", " Tenancy mode: %1 in the values, %2 running.")
                                     .arg(values.tenancyMode, liveMode);
            if (helm.latestFailed())
                f.explanation += translate("fd::fission", " The latest revision %1 failed: that upgrade applied part of its "
                                                          "changes and stopped.")
                                     .arg(helm.latestRevision);
            f.explanation += translate("fd::fission",
                                       " The running processes are the truth: they watch %1. A new upgrade (or a rollback "
                                       "to revision %2) makes the two agree.")
                                 .arg(live.join(u", "_s))
                                 .arg(helm.deployedRevision);
            f.evidence.append(evidenceOf(ObjectRef::make(kinds::secrets(), helm.namespaceName,
                                                         u"sh.helm.release.v1.%1.v%2"_s.arg(helm.name).arg(helm.deployedRevision)),
                                         {{u"defaultNamespace"_s, values.defaultNamespace},
                                          {u"additionalFissionNamespaces"_s, u"["_s + values.additionalNamespaces.join(u", "_s) + u']'}}));
            f.evidence.append(evidenceOf(ObjectRef::of(install.component(u"executor")->workload.object),
                                         {envField(*install.component(u"executor"))}));
            if (auto rollback = rollbackToDeployed(install))
                f.fixes.append(*rollback);
            out.add(f);
        }
    }
};

class HelmReleasePending final : public Rule
{
public:
    QString id() const override { return u"helm-release-pending"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Helm operations on Fission's release that are running or crashed");
    }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            if (!install.helm || !install.helm->hasPendingOperation())
                continue;
            const HelmReleaseInfo &helm = *install.helm;
            QDateTime since;
            if (!helm.history.isEmpty())
                since = helm.history.last().updated;
            const QDateTime at = after(since, ctx.settings.helmPending);
            const bool crashed = at.isValid() && ctx.now >= at;
            if (!crashed)
                out.recheckAt(at);
            Finding f = newFinding(id(), releaseRef(helm), crashed ? Severity::Error : Severity::Info);
            f.title = crashed ? translate("fd::fission", "A Helm operation on release %1 never finished").arg(helm.name)
                              : translate("fd::fission", "A Helm operation on release %1 is running").arg(helm.name);
            f.explanation = crashed
                ? translate("fd::fission",
                            "Revision %1 of release %2 has been %3 since %4. The helm process that started it is gone; "
                            "Helm now refuses every upgrade with \"another operation (install/upgrade/rollback) is in "
                            "progress\". Rolling back ends the pending revision.")
                      .arg(helm.latestRevision)
                      .arg(helm.name, helm.latestStatus, since.toString(Qt::ISODate))
                : translate("fd::fission", "Revision %1 of release %2 is %3: an install, upgrade or rollback is under way.")
                      .arg(helm.latestRevision)
                      .arg(helm.name, helm.latestStatus);
            f.evidence.append(evidenceOf(ObjectRef::make(kinds::secrets(), helm.namespaceName,
                                                         u"sh.helm.release.v1.%1.v%2"_s.arg(helm.name).arg(helm.latestRevision)),
                                         {{u"info.status"_s, helm.latestStatus}}));
            if (crashed) {
                if (auto rollback = rollbackToDeployed(install))
                    f.fixes.append(*rollback);
            }
            out.add(f);
        }
    }
};

class HelmReleaseFailed final : public Rule
{
public:
    QString id() const override { return u"helm-release-failed"_s; }
    QString description() const override { return translate("fd::fission", "Failed Helm operations on Fission's release"); }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            if (!install.helm || !install.helm->latestFailed())
                continue;
            const HelmReleaseInfo &helm = *install.helm;
            const QString description = helm.history.isEmpty() ? QString() : helm.history.last().description;
            Finding f = newFinding(id(), releaseRef(helm), helm.deployedRevision > 0 ? Severity::Warning : Severity::Error);
            f.title = translate("fd::fission", "The last Helm operation on release %1 failed").arg(helm.name);
            f.explanation = helm.deployedRevision > 0
                ? translate("fd::fission", "Revision %1 failed (%2). Revision %3 is still the deployed one.")
                      .arg(helm.latestRevision)
                      .arg(shorten(description, 300))
                      .arg(helm.deployedRevision)
                : translate("fd::fission", "Revision %1 failed (%2) and no revision is deployed.")
                      .arg(helm.latestRevision)
                      .arg(shorten(description, 300));
            f.evidence.append(evidenceOf(ObjectRef::make(kinds::secrets(), helm.namespaceName,
                                                         u"sh.helm.release.v1.%1.v%2"_s.arg(helm.name).arg(helm.latestRevision)),
                                         {{u"info.status"_s, helm.latestStatus}, {u"info.description"_s, shorten(description, 300)}}));
            if (auto rollback = rollbackToDeployed(install))
                f.fixes.append(*rollback);
            out.add(f);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeControlPlaneDisagree() { return std::make_unique<ControlPlaneDisagree>(); }
std::unique_ptr<Rule> makeControlPlaneRollout() { return std::make_unique<ControlPlaneRollout>(); }
std::unique_ptr<Rule> makeControlPlanePodFailing() { return std::make_unique<ControlPlanePodFailing>(); }
std::unique_ptr<Rule> makeControlPlaneUnavailable() { return std::make_unique<ControlPlaneUnavailable>(); }
std::unique_ptr<Rule> makeHelmValuesDrift() { return std::make_unique<HelmValuesDrift>(); }
std::unique_ptr<Rule> makeHelmReleasePending() { return std::make_unique<HelmReleasePending>(); }
std::unique_ptr<Rule> makeHelmReleaseFailed() { return std::make_unique<HelmReleaseFailed>(); }

} // namespace fd::fission::rules
