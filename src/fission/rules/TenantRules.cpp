// Rules about runtime tenancy (Fission 1.27+, fission-reference §4): FissionTenants that are not
// Ready and why, tenants naming a missing namespace, tenants and labels that have no effect in
// the static world, labelled namespaces without a tenant, and a missing tenant controller.
#include "fission/Tr.h"
#include "fission/rules/RuleSupport.h"
#include "fission/rules/Rules.h"

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission::rules {

namespace {

bool runtimeTenancy(TenancyWorld world)
{
    return world == TenancyWorld::Dynamic || world == TenancyWorld::Cluster;
}

std::optional<OpenLogsAction> controllerLogs(const FissionInstall &install)
{
    if (!install.component(u"tenantcontroller"))
        return std::nullopt;
    OpenLogsAction a;
    a.namespaceName = install.releaseNamespace;
    a.selector = u"svc=tenantcontroller"_s;
    return a;
}

QList<EvidenceField> conditionFields(const FissionTenant &t)
{
    QList<EvidenceField> fields{{u"spec.namespace"_s, t.tenantNamespace}};
    for (const Condition &c : t.conditions) {
        QString value = c.status;
        if (!c.reason.isEmpty())
            value += u'/' + c.reason;
        if (!c.message.isEmpty())
            value += u": "_s + shorten(c.message, 200);
        fields.append({u"status.conditions[%1]"_s.arg(c.type), value});
    }
    return fields;
}

// A failing condition in plain words.
QString explainCondition(const Condition &c, const QString &ns)
{
    if (c.type == u"RBACProvisioned" || c.type == u"ServiceAccountsReady")
        return translate("fd::fission",
                         "the controller could not create the service accounts and RoleBindings Fission needs in %1 (%2)")
            .arg(ns, shorten(c.message.isEmpty() ? c.reason : c.message, 200));
    if (c.type == u"AuthKeyProvisioned")
        return translate("fd::fission", "the controller could not create Secret fission-internal-auth-keys in %1 (%2)")
            .arg(ns, shorten(c.message.isEmpty() ? c.reason : c.message, 200));
    return translate("fd::fission", "%1 is %2 (%3): %4").arg(c.type, c.status, c.reason, shorten(c.message, 200));
}

class TenantNotReady final : public Rule
{
public:
    QString id() const override { return u"tenant-not-ready"_s; }
    QString description() const override { return translate("fd::fission", "FissionTenants that are not Ready"); }
    QList<KindInfo> dependsOn() const override { return {kinds::fissionTenants(), kinds::namespaces()}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::fissionTenants(), kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const FissionInstall *install = primaryInstall(ctx);
        if (!install || !runtimeTenancy(install->world))
            return;
        for (const FissionTenant &t : ctx.fission.tenants().items()) {
            if (t.isTerminating() || t.isReady() || t.tenantNamespace.isEmpty())
                continue;
            const Condition *ready = t.ready();
            if (ready && ready->isFalse() && ready->reason == u"NamespaceNotFound")
                continue; // tenant-namespace-missing
            Finding f = newFinding(id(), t.ref(), Severity::Error);
            f.title = translate("fd::fission", "FissionTenant %1 is not Ready").arg(t.name());
            QStringList failing;
            for (const Condition &c : t.conditions) {
                if (c.isFalse() && c.type != u"Ready")
                    failing.append(explainCondition(c, t.tenantNamespace));
            }
            if (!failing.isEmpty()) {
                f.explanation = translate("fd::fission", "Onboarding of namespace %1 failed: %2.")
                                    .arg(t.tenantNamespace, failing.join(u"; "_s));
            } else if (ready && ready->isFalse()) {
                f.explanation = translate("fd::fission", "Onboarding of namespace %1 failed: %2.")
                                    .arg(t.tenantNamespace, explainCondition(*ready, t.tenantNamespace));
            } else if (!install->tenantControllerReady()) {
                f.explanation = translate("fd::fission",
                                          "Namespace %1 waits for the tenant controller, which has no ready pod: no tenant "
                                          "is onboarded until it runs.")
                                    .arg(t.tenantNamespace);
            } else {
                const QDateTime at = after(createdAt(t.object), ctx.settings.tenantPending);
                if (!at.isValid() || ctx.now < at) {
                    out.recheckAt(at);
                    continue;
                }
                f.severity = Severity::Warning;
                f.explanation = translate("fd::fission",
                                          "The tenant controller runs but has not processed this tenant (Fission aims for "
                                          "Ready within seconds). Its log says why.");
            }
            f.evidence.append(evidenceOf(t.ref(), conditionFields(t)));
            if (const Tenant *tenant = ctx.tenants.tenant(t.tenantNamespace); tenant && tenant->holdsObjects)
                f.symptoms.append(Symptom{u"namespace-not-served"_s, ObjectRef::make(kinds::namespaces(), QString(), t.tenantNamespace),
                                          translate("fd::fission", "The Fission objects in %1 are not served until the tenant "
                                                                   "is Ready")
                                              .arg(t.tenantNamespace)});
            if (auto logs = controllerLogs(*install))
                f.fixes.append(*logs);
            f.fixes.append(InspectObjectAction{t.ref()});
            out.add(f);
        }
    }
};

class TenantNamespaceMissing final : public Rule
{
public:
    QString id() const override { return u"tenant-namespace-missing"_s; }
    QString description() const override
    {
        return translate("fd::fission", "FissionTenants whose namespace does not exist");
    }
    QList<KindInfo> dependsOn() const override { return {kinds::fissionTenants(), kinds::namespaces()}; }
    bool dependsOnInstall() const override { return false; }
    QList<KindInfo> requiredKinds() const override { return {kinds::fissionTenants()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const bool namespacesKnown = ctx.state.covers(kinds::namespaces(), QString());
        for (const FissionTenant &t : ctx.fission.tenants().items()) {
            if (t.isTerminating() || t.tenantNamespace.isEmpty())
                continue;
            const Condition *ready = t.ready();
            const bool saysMissing = ready && ready->isFalse() && ready->reason == u"NamespaceNotFound";
            bool missing = false;
            if (namespacesKnown)
                missing = ctx.state.get(kinds::namespaces(), QString(), t.tenantNamespace).isNull();
            else
                missing = saysMissing;
            if (!missing)
                continue;
            Finding f = newFinding(id(), t.ref(), Severity::Warning);
            f.title = translate("fd::fission", "FissionTenant %1 names namespace %2, which does not exist")
                          .arg(t.name(), t.tenantNamespace);
            f.explanation = translate("fd::fission",
                                      "FissionTenant %1 onboards namespace %2, but there is no such namespace. The tenant "
                                      "controller reports Ready=False (NamespaceNotFound) and onboards it as soon as the "
                                      "namespace is created.")
                                .arg(t.name(), t.tenantNamespace);
            f.evidence.append(evidenceOf(t.ref(), conditionFields(t)));
            f.evidence.append(evidenceOf(ObjectRef::make(kinds::namespaces(), QString(), t.tenantNamespace), {},
                                         translate("fd::fission", "does not exist")));
            f.fixes.append(CreateNamespaceAction{t.tenantNamespace});
            f.fixes.append(InspectObjectAction{t.ref()});
            out.add(f);
        }
    }
};

class TenantInert final : public Rule
{
public:
    QString id() const override { return u"tenant-inert"_s; }
    QString description() const override
    {
        return translate("fd::fission", "FissionTenants that have no effect because tenancy is static");
    }
    QList<KindInfo> dependsOn() const override { return {kinds::fissionTenants(), kinds::namespaces()}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::fissionTenants(), kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const FissionInstall *install = primaryInstall(ctx);
        if (!install || !isHelmOnboarding(install->world))
            return;
        for (const FissionTenant &t : ctx.fission.tenants().items()) {
            if (t.isTerminating() || t.tenantNamespace.isEmpty())
                continue;
            if (ctx.install.serving(t.tenantNamespace).state == NamespaceServing::State::Served)
                continue;
            if (ctx.state.covers(kinds::namespaces(), QString())
                && ctx.state.get(kinds::namespaces(), QString(), t.tenantNamespace).isNull())
                continue; // tenant-namespace-missing says more
            Finding f = newFinding(id(), t.ref(), Severity::Warning);
            f.title = translate("fd::fission", "FissionTenant %1 has no effect").arg(t.name());
            f.explanation = translate("fd::fission",
                                      "This Fission runs with %1 tenancy: only the Helm values decide which namespaces it "
                                      "watches, and no controller reads FissionTenants. Namespace %2 is not served.")
                                .arg(tenancyWorldDisplay(install->world), t.tenantNamespace);
            f.evidence.append(evidenceOf(t.ref(), {{u"spec.namespace"_s, t.tenantNamespace}}));
            if (const ControlPlaneComponent *executor = install->component(u"executor"))
                f.evidence.append(evidenceOf(ObjectRef::of(executor->workload.object),
                                             {{u"FISSION_TENANCY_MODE"_s, install->tenancyModeText}}));
            f.fixes.append(onboardAction(ctx, *install, t.tenantNamespace));
            out.add(f);
        }
    }
};

class LabelWithoutTenant final : public Rule
{
public:
    QString id() const override { return u"namespace-label-without-tenant"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Namespaces labelled fission.io/enabled=true without a FissionTenant");
    }
    QList<KindInfo> dependsOn() const override { return {kinds::fissionTenants(), kinds::namespaces()}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::namespaces(), kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const FissionInstall *install = primaryInstall(ctx);
        if (!install)
            return;
        if (runtimeTenancy(install->world) && !ctx.state.covers(kinds::fissionTenants(), QString()))
            return;
        QSet<QString> tenantNamespaces;
        for (const FissionTenant &t : ctx.fission.tenants().items())
            tenantNamespaces.insert(t.tenantNamespace);
        for (const KubeObject &ns : ctx.state.listByLabel(kinds::namespaces(), u"fission.io/enabled"_s, u"true"_s)) {
            const QString name = ns.name();
            if (ns.hasDeletionTimestamp() || tenantNamespaces.contains(name))
                continue;
            const ObjectRef ref = ObjectRef::of(ns);
            Finding f = newFinding(id(), ref, Severity::Warning);
            if (runtimeTenancy(install->world)) {
                if (!install->tenantControllerReady()) {
                    f.severity = Severity::Error;
                    f.explanation = translate("fd::fission",
                                              "Namespace %1 asks to be onboarded (fission.io/enabled=true), but the tenant "
                                              "controller, which turns the label into a FissionTenant, has no ready pod.")
                                        .arg(name);
                } else {
                    const QDateTime at = after(createdAt(ns), ctx.settings.tenantPending);
                    if (!at.isValid() || ctx.now < at) {
                        out.recheckAt(at);
                        continue;
                    }
                    f.explanation = translate("fd::fission",
                                              "Namespace %1 is labelled fission.io/enabled=true, but the tenant controller "
                                              "has not created its FissionTenant. Its log says why.")
                                        .arg(name);
                }
                if (auto logs = controllerLogs(*install))
                    f.fixes.append(*logs);
                f.fixes.append(CreateTenantAction{name});
            } else {
                if (ctx.install.serving(name).state == NamespaceServing::State::Served)
                    continue;
                f.explanation = translate("fd::fission",
                                          "Namespace %1 is labelled fission.io/enabled=true, but this Fission runs with %2 "
                                          "tenancy, which ignores the label: only the Helm values decide what it watches.")
                                    .arg(name, tenancyWorldDisplay(install->world));
                f.fixes.append(onboardAction(ctx, *install, name));
            }
            f.title = translate("fd::fission", "Namespace %1 is labelled for Fission but has no FissionTenant").arg(name);
            f.evidence.append(evidenceOf(ref, {{u"metadata.labels[fission.io/enabled]"_s, u"true"_s}}));
            out.add(f);
        }
    }
};

class TenantControllerUnavailable final : public Rule
{
public:
    QString id() const override { return u"tenant-controller-unavailable"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Runtime tenancy without a running tenant controller");
    }
    QList<KindInfo> dependsOn() const override { return {kinds::fissionTenants()}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const FissionInstall &install : ctx.install.installs) {
            if (!runtimeTenancy(install.world) || install.tenantControllerReady())
                continue;
            const ControlPlaneComponent *c = install.component(u"tenantcontroller");
            if (c && c->pods.isEmpty() && c->workload.desired > 0) {
                // Just created or scaling up: control-plane-unavailable reports it after its grace.
                continue;
            }
            if (c && !c->pods.isEmpty()) {
                bool anyFailing = false;
                for (const ControlPlanePod &p : c->pods)
                    anyFailing = anyFailing || p.pod.firstWaiting();
                if (!anyFailing && install.tenantPendingNamespaces.isEmpty())
                    continue; // starting; nothing waits for it yet
            }
            Finding f = newFinding(id(), ObjectRef::make(kinds::namespaces(), QString(), install.releaseNamespace),
                                   Severity::Error);
            f.title = translate("fd::fission", "No tenant controller runs for Fission in %1").arg(install.releaseNamespace);
            f.explanation = c ? translate("fd::fission",
                                          "Fission runs with %1 tenancy, where the tenant controller onboards namespaces, but "
                                          "Deployment %2 has no ready pod: new FissionTenants and labelled namespaces are not "
                                          "onboarded, and deleted tenants are not cleaned up.")
                                    .arg(tenancyWorldDisplay(install.world), c->workload.object.name())
                              : translate("fd::fission",
                                          "Fission runs with %1 tenancy, where the tenant controller onboards namespaces, but "
                                          "there is no Deployment labelled svc=tenantcontroller in %2.")
                                    .arg(tenancyWorldDisplay(install.world), install.releaseNamespace);
            if (c) {
                f.evidence.append(evidenceOf(ObjectRef::of(c->workload.object),
                                             {{u"status.readyReplicas"_s, QString::number(c->workload.ready)}}));
                OpenLogsAction logs;
                logs.namespaceName = install.releaseNamespace;
                logs.selector = u"svc=tenantcontroller"_s;
                logs.previous = true;
                f.fixes.append(logs);
            }
            if (const ControlPlaneComponent *executor = install.component(u"executor"))
                f.evidence.append(evidenceOf(ObjectRef::of(executor->workload.object),
                                             {{u"FISSION_TENANCY_MODE"_s, install.tenancyModeText}}));
            out.add(f);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeTenantNotReady() { return std::make_unique<TenantNotReady>(); }
std::unique_ptr<Rule> makeTenantNamespaceMissing() { return std::make_unique<TenantNamespaceMissing>(); }
std::unique_ptr<Rule> makeTenantInert() { return std::make_unique<TenantInert>(); }
std::unique_ptr<Rule> makeLabelWithoutTenant() { return std::make_unique<LabelWithoutTenant>(); }
std::unique_ptr<Rule> makeTenantControllerUnavailable() { return std::make_unique<TenantControllerUnavailable>(); }

} // namespace fd::fission::rules
