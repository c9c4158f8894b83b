// Rules about namespaces and installs: the classic "not watched" case (fission-reference §5), no
// or several control planes, and namespaces being deleted with Fission objects inside.
#include "fission/Tr.h"
#include "fission/rules/RuleSupport.h"
#include "fission/rules/Rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission::rules {

namespace {

QList<KindInfo> contentKindsPlus(std::initializer_list<KindInfo> more)
{
    QList<KindInfo> out = kinds::tenantContentKinds();
    for (const KindInfo &k : more)
        out.append(k);
    return out;
}

ObjectRef clusterRef()
{
    ObjectRef r;
    r.kind = u"Cluster"_s;
    r.name = u"cluster"_s;
    return r;
}

QString countsText(const Tenant &t)
{
    QStringList parts;
    for (auto it = t.counts.begin(); it != t.counts.end(); ++it)
        parts.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    return parts.join(u", "_s);
}

// Evidence that shows which namespaces the control plane watches: the executor's template env and
// the Helm values.
void addWatchEvidence(Finding &f, const FissionInstall &install)
{
    for (const ControlPlaneComponent *c : install.consumers()) {
        if (c->name != u"executor" && c->name != u"router" && c->name != u"buildermgr")
            continue;
        QList<EvidenceField> fields;
        const QString container = c->workload.containers.isEmpty() ? QString() : c->workload.containers.first().name;
        const QString base = u"spec.template.spec.containers[%1].env."_s.arg(container);
        fields.append({base + u"FISSION_RESOURCE_NAMESPACES"_s, c->templateEnv.resourceNamespaces.value_or(QString())});
        if (c->templateEnv.defaultNamespace)
            fields.append({base + u"FISSION_DEFAULT_NAMESPACE"_s, *c->templateEnv.defaultNamespace});
        f.evidence.append(evidenceOf(ObjectRef::of(c->workload.object), fields));
    }
    if (install.helm && install.helm->deployedFacts) {
        const HelmValuesFacts &v = *install.helm->deployedFacts;
        ObjectRef secret = ObjectRef::make(kinds::secrets(), install.helm->namespaceName,
                                           u"sh.helm.release.v1.%1.v%2"_s.arg(install.helm->name).arg(install.helm->deployedRevision));
        f.evidence.append(evidenceOf(secret,
                                     {{u"defaultNamespace"_s, v.defaultNamespace},
                                      {u"additionalFissionNamespaces"_s, u"["_s + v.additionalNamespaces.join(u", "_s) + u']'}},
                                     translate("fd::fission", "Helm values of release %1, revision %2")
                                         .arg(install.helm->name)
                                         .arg(install.helm->deployedRevision)));
    }
}

class NamespaceNotWatched final : public Rule
{
public:
    QString id() const override { return u"namespace-not-watched"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Namespaces that hold Fission objects but that Fission does not watch");
    }
    QList<KindInfo> dependsOn() const override { return contentKindsPlus({kinds::pods(), kinds::namespaces()}); }
    QList<KindInfo> requiredKinds() const override
    {
        return {kinds::deployments(), kinds::functions(), kinds::packages(), kinds::environments()};
    }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const FissionInstall *install = primaryInstall(ctx);
        if (!install || !ctx.install.isKnown())
            return;
        for (const Tenant &t : ctx.tenants.tenants()) {
            if (!t.holdsObjects)
                continue;
            if (t.state == Tenant::State::NotWatched)
                out.add(notWatched(ctx, *install, t));
            else if (t.state == Tenant::State::PartiallyServed)
                out.add(partiallyServed(ctx, *install, t));
        }
    }

private:
    static QString watchedText(const FissionInstall &install)
    {
        const QStringList w = install.templateWatched();
        return w.isEmpty() ? translate("fd::fission", "no namespace") : w.join(u", "_s);
    }

    Finding notWatched(const RuleContext &ctx, const FissionInstall &install, const Tenant &t) const
    {
        const QString ns = t.namespaceName;
        Finding f = newFinding(id(), ObjectRef::make(kinds::namespaces(), QString(), ns), Severity::Error);
        f.title = translate("fd::fission", "Fission does not watch namespace %1").arg(ns);
        const QString consequence = translate(
            "fd::fission",
            " The API server accepted the objects in %1 (Fission's webhooks run in every namespace), but no Fission "
            "process acts on them: the router has no route for its functions, buildermgr never builds its packages, and "
            "the executor never creates its pods.")
                                        .arg(ns);
        switch (install.world) {
        case TenancyWorld::Dynamic:
            f.explanation = translate("fd::fission",
                                      "Fission (release namespace %1, dynamic tenancy) serves the namespaces of its Helm "
                                      "values (%2) and those of Ready FissionTenants. Namespace %3 has neither a "
                                      "FissionTenant nor the label fission.io/enabled=true.")
                                .arg(install.releaseNamespace, watchedText(install), ns);
            break;
        case TenancyWorld::Cluster:
            f.explanation = translate("fd::fission",
                                      "In cluster tenancy Fission onboards every namespace except kube-system, kube-public, "
                                      "kube-node-lease, its own namespace %1 and namespaces labelled "
                                      "fission.io/enabled=false; %2 is one of these exceptions.")
                                .arg(install.releaseNamespace, ns);
            break;
        default:
            f.explanation = translate("fd::fission",
                                      "Fission's control plane (release namespace %1) watches only %2: the namespaces "
                                      "rendered from the Helm values defaultNamespace and additionalFissionNamespaces "
                                      "into each process's FISSION_RESOURCE_NAMESPACES, read once at start-up.")
                                .arg(install.releaseNamespace, watchedText(install));
            break;
        }
        f.explanation += consequence;
        if (ns == install.releaseNamespace)
            f.explanation += translate("fd::fission",
                                       " Namespace %1 is where Fission itself runs; it is not a tenant namespace unless "
                                       "it is listed.")
                                 .arg(ns);
        addWatchEvidence(f, install);
        f.evidence.append(evidenceOf(ObjectRef::make(kinds::namespaces(), QString(), ns), {},
                                     translate("fd::fission", "holds %1").arg(countsText(t))));
        f.symptoms = symptoms(ctx, t, {u"router"_s, u"buildermgr"_s, u"executor"_s});
        f.fixes.append(onboardAction(ctx, install, ns));
        return f;
    }

    Finding partiallyServed(const RuleContext &ctx, const FissionInstall &install, const Tenant &t) const
    {
        const QString ns = t.namespaceName;
        Finding f = newFinding(id(), ObjectRef::make(kinds::namespaces(), QString(), ns), Severity::Warning);
        const QString serving = t.serving.servingComponents.isEmpty() ? translate("fd::fission", "none")
                                                                      : t.serving.servingComponents.join(u", "_s);
        const QString lacking = t.serving.lackingComponents.join(u", "_s);
        // Lacking components whose own template does not list the namespace: not a rollout but a
        // configuration that differs between components.
        QStringList misconfigured;
        for (const QString &component : t.serving.lackingComponents) {
            const ControlPlaneComponent *c = install.component(component);
            if (c && !c->templateWatchedSet.contains(ns) && t.serving.inTemplateEnv)
                misconfigured.append(component);
        }
        if (!misconfigured.isEmpty()) {
            f.title = translate("fd::fission", "Namespace %1 is watched by only some of Fission's components").arg(ns);
            f.explanation = translate("fd::fission",
                                      "Some control-plane Deployments list %1 in their namespace env and others do not "
                                      "(see control-plane-env-disagree). Serving it: %2. Not configured to: %3.")
                                .arg(ns, serving, misconfigured.join(u", "_s));
        } else if (t.serving.inTemplateEnv) {
            f.title = translate("fd::fission", "Namespace %1 is only partly served while the control plane rolls out").arg(ns);
            f.explanation = translate("fd::fission",
                                      "The control plane's pod templates list %1, but some running processes still use "
                                      "the previous namespace list. Serving it: %2. Not yet: %3. The symptoms below last "
                                      "until the rollout finishes.")
                                .arg(ns, serving, lacking);
        } else {
            f.title = translate("fd::fission", "Namespace %1 is being dropped from the watched set").arg(ns);
            f.explanation = translate("fd::fission",
                                      "The control plane's pod templates no longer list %1, but some running processes "
                                      "still watch it until the rollout replaces them. Still watching: %2. No longer: %3.")
                                .arg(ns, serving, lacking);
        }
        addWatchEvidence(f, install);
        f.symptoms = symptoms(ctx, t, t.serving.lackingComponents);
        for (const QString &component : t.serving.lackingComponents) {
            if (const ControlPlaneComponent *c = install.component(component))
                f.fixes.append(InspectObjectAction{ObjectRef::of(c->workload.object)});
        }
        return f;
    }

    // The symptoms of §5, each only when the component that would prevent it does not serve the
    // namespace.
    static QList<Symptom> symptoms(const RuleContext &ctx, const Tenant &t, const QStringList &lacking)
    {
        const QString ns = t.namespaceName;
        SymptomList list(ctx.settings.maxSymptomsPerKind);
        const bool routerLacks = lacking.contains(u"router"_s);
        const bool builderLacks = lacking.contains(u"buildermgr"_s);
        const bool executorLacks = lacking.contains(u"executor"_s);
        const QList<const Function *> functions = ctx.fission.functions().inNamespace(ns);
        if (routerLacks) {
            for (const Function *fn : functions)
                list.add(u"router-404"_s, fn->ref(),
                         translate("fd::fission", "The router answers 404 \"404 page not found\" for %1")
                             .arg(functionUrlPath(ns, fn->name())));
            for (const HttpTrigger *trigger : ctx.fission.httpTriggers().inNamespace(ns))
                list.add(u"router-404"_s, trigger->ref(),
                         translate("fd::fission", "The router answers 404 for %1 %2 (HTTPTrigger %3)")
                             .arg(trigger->effectiveMethods().join(u','), trigger->routePath(), trigger->name()));
        }
        if (builderLacks) {
            for (const Package *pkg : ctx.fission.packages().inNamespace(ns)) {
                if (!pkg->hasSource())
                    continue;
                if (pkg->buildStatus == BuildStatus::Pending)
                    list.add(u"build-pending"_s, pkg->ref(),
                             translate("fd::fission", "Package %1 stays pending: no builder picks it up").arg(pkg->name()));
                else if (pkg->buildStatus == BuildStatus::Unset)
                    list.add(u"build-pending"_s, pkg->ref(),
                             translate("fd::fission", "Package %1 has no build status: no Fission process has looked at it")
                                 .arg(pkg->name()));
            }
        }
        if ((routerLacks || executorLacks) && ctx.state.covers(kinds::pods(), ns)) {
            for (const Function *fn : functions) {
                bool hasPod = false;
                for (const KubeObject &pod : ctx.state.listByLabel(kinds::pods(), u"functionUid"_s, fn->uid())) {
                    if (!pod.hasDeletionTimestamp()) {
                        hasPod = true;
                        break;
                    }
                }
                if (!hasPod)
                    list.add(u"no-active-pods"_s, fn->ref(),
                             translate("fd::fission",
                                       "fission function logs/test for %1: \"no active pods found for function in "
                                       "namespace %2\"")
                                 .arg(fn->name(), ns));
            }
        }
        return list.finish();
    }
};

class NoControlPlane final : public Rule
{
public:
    QString id() const override { return u"no-control-plane"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Fission objects exist but no Fission control plane runs");
    }
    QList<KindInfo> dependsOn() const override { return kinds::tenantContentKinds(); }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }
    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        if (ctx.install.state != InstallReport::State::None)
            return;
        QStringList namespaces;
        int objects = 0;
        for (const Tenant &t : ctx.tenants.tenants()) {
            if (t.holdsObjects) {
                namespaces.append(t.namespaceName);
                objects += t.objectCount();
            }
        }
        if (namespaces.isEmpty())
            return;
        Finding f = newFinding(id(), clusterRef(), Severity::Warning);
        f.title = translate("fd::fission", "No Fission control plane found");
        f.explanation = translate("fd::fission",
                                  "%n Fission object(s) exist in %1, but no Deployment labelled svc=executor runs in any "
                                  "namespace: nothing builds, routes or runs them. Fission may have been uninstalled "
                                  "(its CRDs and objects stay behind) or not installed yet.",
                                  nullptr, objects)
                            .arg(namespaces.join(u", "_s));
        for (const QString &ns : std::as_const(namespaces))
            f.evidence.append(evidenceOf(ObjectRef::make(kinds::namespaces(), QString(), ns), {},
                                         translate("fd::fission", "holds %1").arg(countsText(*ctx.tenants.tenant(ns)))));
        out.add(f);
    }
};

class MultipleInstalls final : public Rule
{
public:
    QString id() const override { return u"multiple-installs"_s; }
    QString description() const override { return translate("fd::fission", "More than one Fission control plane"); }
    QList<KindInfo> dependsOn() const override { return {}; }
    QList<KindInfo> requiredKinds() const override { return {kinds::deployments()}; }
    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        if (ctx.install.state != InstallReport::State::Several)
            return;
        QHash<QString, QStringList> watchers; // namespace -> release namespaces watching it
        QStringList releaseNamespaces;
        Finding f = newFinding(id(), clusterRef(), Severity::Warning);
        for (const FissionInstall &i : ctx.install.installs) {
            releaseNamespaces.append(i.releaseNamespace);
            for (const QString &ns : i.templateWatched())
                watchers[ns].append(i.releaseNamespace);
            if (const ControlPlaneComponent *executor = i.component(u"executor"))
                f.evidence.append(evidenceOf(ObjectRef::of(executor->workload.object),
                                             {{u"FISSION_RESOURCE_NAMESPACES"_s,
                                               executor->templateEnv.resourceNamespaces.value_or(QString())}}));
        }
        QStringList shared;
        for (auto it = watchers.begin(); it != watchers.end(); ++it) {
            if (it.value().size() > 1)
                shared.append(it.key());
        }
        shared.sort();
        f.title = translate("fd::fission", "%n Fission control planes run in this cluster", nullptr,
                            int(ctx.install.installs.size()));
        f.explanation = translate("fd::fission",
                                  "Fission runs in namespaces %1. Each control plane acts on every object in the "
                                  "namespaces it watches and installs its own cluster-wide webhooks.")
                            .arg(releaseNamespaces.join(u", "_s));
        if (!shared.isEmpty()) {
            f.severity = Severity::Error;
            f.explanation += translate("fd::fission",
                                       " Namespaces %1 are watched by more than one of them: both build the same "
                                       "packages and create pods for the same functions, and they clash.")
                                 .arg(shared.join(u", "_s));
        }
        out.add(f);
    }
};

class NamespaceTerminating final : public Rule
{
public:
    QString id() const override { return u"namespace-terminating"_s; }
    QString description() const override
    {
        return translate("fd::fission", "Namespaces being deleted that still hold Fission objects");
    }
    QList<KindInfo> dependsOn() const override { return contentKindsPlus({kinds::namespaces()}); }
    QList<KindInfo> requiredKinds() const override { return {kinds::namespaces()}; }
    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        for (const Tenant &t : ctx.tenants.tenants()) {
            if (t.state != Tenant::State::Terminating || !t.holdsObjects)
                continue;
            const KubeObject nsObject = ctx.state.get(kinds::namespaces(), QString(), t.namespaceName);
            const QJsonObject root = nsObject.toJsonObject();
            const QDateTime since = parseKubeTime(root.value(u"metadata"_s).toObject().value(u"deletionTimestamp"_s).toString());
            // Objects holding a Fission finalizer that no running Fission process will clear: the
            // namespace is not served (any more), so the executor/controller does not reconcile it.
            const bool served = ctx.install.serving(t.namespaceName).state == NamespaceServing::State::Served;
            QList<std::pair<ObjectRef, QStringList>> orphaned;
            for (const KindInfo &k : kinds::tenantContentKinds()) {
                for (const KubeObject &o : ctx.state.listInNamespace(k, t.namespaceName)) {
                    static const fd::kube::JsonPath finalizersPath = fd::kube::JsonPath::parse(u"metadata.finalizers");
                    const auto raw = o.rawJsonAt(finalizersPath);
                    if (!raw)
                        continue;
                    QStringList fission;
                    for (const QJsonValue v : QJsonDocument::fromJson(*raw).array()) {
                        if (v.toString().startsWith(u"fission.io/"_s))
                            fission.append(v.toString());
                    }
                    if (!fission.isEmpty() && !served)
                        orphaned.append({ObjectRef::of(o), fission});
                }
            }
            const QDateTime stuckAt = after(since, ctx.settings.namespaceTerminating);
            const bool stuck = !orphaned.isEmpty() || (stuckAt.isValid() && ctx.now >= stuckAt);
            if (!stuck) {
                out.recheckAt(stuckAt);
                continue;
            }
            Finding f = newFinding(id(), ObjectRef::make(kinds::namespaces(), QString(), t.namespaceName),
                                   orphaned.isEmpty() ? Severity::Warning : Severity::Error);
            f.title = translate("fd::fission", "Namespace %1 is stuck terminating").arg(t.namespaceName);
            QList<EvidenceField> nsFields{{u"metadata.deletionTimestamp"_s, since.toString(Qt::ISODate)}};
            for (const QJsonValue v : root.value(u"status"_s).toObject().value(u"conditions"_s).toArray()) {
                const QJsonObject c = v.toObject();
                if (c.value(u"status"_s).toString() == u"True")
                    nsFields.append({u"status.conditions[%1]"_s.arg(c.value(u"type"_s).toString()),
                                     shorten(c.value(u"message"_s).toString(), 300)});
            }
            f.evidence.append(evidenceOf(ObjectRef::make(kinds::namespaces(), QString(), t.namespaceName), nsFields,
                                         translate("fd::fission", "still holds %1").arg(countsText(t))));
            if (orphaned.isEmpty()) {
                f.explanation = translate("fd::fission",
                                          "Namespace %1 has been terminating since %2 and still holds Fission objects. "
                                          "The namespace controller waits until every object in it is gone.")
                                    .arg(t.namespaceName, since.toString(Qt::ISODate));
            } else {
                f.explanation = translate("fd::fission",
                                          "Namespace %1 is being deleted, but %n object(s) in it carry Fission finalizers "
                                          "that only Fission's controllers remove, and no running Fission process "
                                          "watches this namespace. The deletion waits for ever. Clearing "
                                          "metadata.finalizers is the escape hatch (Fission then does not clean up what it "
                                          "created for them).",
                                          nullptr, int(orphaned.size()))
                                    .arg(t.namespaceName);
                for (const auto &[ref, finalizers] : orphaned) {
                    f.evidence.append(evidenceOf(ref, {{u"metadata.finalizers"_s, finalizers.join(u", "_s)}}));
                    f.fixes.append(RemoveFinalizersAction{ref, finalizers});
                }
            }
            f.fixes.append(InspectObjectAction{ObjectRef::make(kinds::namespaces(), QString(), t.namespaceName)});
            out.add(f);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNamespaceNotWatched() { return std::make_unique<NamespaceNotWatched>(); }
std::unique_ptr<Rule> makeNoControlPlane() { return std::make_unique<NoControlPlane>(); }
std::unique_ptr<Rule> makeMultipleInstalls() { return std::make_unique<MultipleInstalls>(); }
std::unique_ptr<Rule> makeNamespaceTerminating() { return std::make_unique<NamespaceTerminating>(); }

} // namespace fd::fission::rules
