// Rules about references between Fission objects: a Function's environment and package, a
// trigger's functions (triggers address Functions in their own namespace, fission-reference §1).
#include "fission/Tr.h"
#include "fission/rules/RuleSupport.h"
#include "fission/rules/Rules.h"

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;

namespace fd::fission::rules {

namespace {

class FunctionMissingEnvironment final : public Rule
{
public:
    QString id() const override { return u"function-missing-environment"_s; }
    QString description() const override { return translate("fd::fission", "Functions whose environment does not exist"); }
    QList<KindInfo> dependsOn() const override { return {kinds::functions(), kinds::environments()}; }
    bool dependsOnInstall() const override { return false; }
    QList<KindInfo> requiredKinds() const override { return {kinds::functions(), kinds::environments()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const KindCoverage coverage = ctx.state.coverage(kinds::environments());
        for (const Function &fn : ctx.fission.functions().items()) {
            if (fn.executorType == ExecutorType::Container || fn.environment.isEmpty())
                continue;
            if (!coverage.covers(fn.environment.namespaceName))
                continue;
            if (ctx.fission.environments().get(fn.environment.namespaceName, fn.environment.name))
                continue;
            Finding f = newFinding(id(), fn.ref(), Severity::Error);
            f.title = translate("fd::fission", "Function %1 uses environment %2, which does not exist")
                          .arg(fn.namespaceName() + u'/' + fn.name(), fn.environment.name);
            f.explanation = translate("fd::fission",
                                      "The executor runs a function in a pod of its environment. Environment %1 does not "
                                      "exist in namespace %2, so function %3 cannot run: calls to it fail.")
                                .arg(fn.environment.name, fn.environment.namespaceName, fn.name());
            f.evidence.append(evidenceOf(fn.ref(), {{u"spec.environment.name"_s, fn.environment.name},
                                                    {u"spec.environment.namespace"_s, fn.environment.namespaceName}}));
            f.symptoms.append(Symptom{u"function-fails"_s, fn.ref(),
                                      translate("fd::fission", "Calls to %1 fail").arg(functionUrlPath(fn.namespaceName(), fn.name()))});
            f.fixes.append(InspectObjectAction{fn.ref()});
            out.add(f);
        }
    }
};

class FunctionMissingPackage final : public Rule
{
public:
    QString id() const override { return u"function-missing-package"_s; }
    QString description() const override { return translate("fd::fission", "Functions whose package does not exist"); }
    QList<KindInfo> dependsOn() const override { return {kinds::functions(), kinds::packages()}; }
    bool dependsOnInstall() const override { return false; }
    QList<KindInfo> requiredKinds() const override { return {kinds::functions(), kinds::packages()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const KindCoverage coverage = ctx.state.coverage(kinds::packages());
        for (const Function &fn : ctx.fission.functions().items()) {
            if (fn.executorType == ExecutorType::Container || fn.package.isEmpty())
                continue;
            if (!coverage.covers(fn.package.namespaceName))
                continue;
            if (ctx.fission.packages().get(fn.package.namespaceName, fn.package.name))
                continue;
            Finding f = newFinding(id(), fn.ref(), Severity::Error);
            f.title = translate("fd::fission", "Function %1 uses package %2, which does not exist")
                          .arg(fn.namespaceName() + u'/' + fn.name(), fn.package.name);
            f.explanation = translate("fd::fission",
                                      "A function's code comes from its package. Package %1 does not exist in namespace %2, "
                                      "so function %3 has no code to run: calls to it fail.")
                                .arg(fn.package.name, fn.package.namespaceName, fn.name());
            f.evidence.append(evidenceOf(fn.ref(), {{u"spec.package.packageref.name"_s, fn.package.name},
                                                    {u"spec.package.packageref.namespace"_s, fn.package.namespaceName}}));
            f.symptoms.append(Symptom{u"function-fails"_s, fn.ref(),
                                      translate("fd::fission", "Calls to %1 fail").arg(functionUrlPath(fn.namespaceName(), fn.name()))});
            f.fixes.append(InspectObjectAction{fn.ref()});
            out.add(f);
        }
    }
};

class TriggerMissingFunction final : public Rule
{
public:
    QString id() const override { return u"trigger-missing-function"_s; }
    QString description() const override { return translate("fd::fission", "Triggers whose function does not exist"); }
    QList<KindInfo> dependsOn() const override
    {
        QList<KindInfo> k = kinds::triggerKinds();
        k.append(kinds::functions());
        return k;
    }
    bool dependsOnInstall() const override { return false; }
    QList<KindInfo> requiredKinds() const override { return {kinds::functions()}; }

    void evaluate(const RuleContext &ctx, RuleOutput &out) const override
    {
        const KindCoverage coverage = ctx.state.coverage(kinds::functions());
        for (const Trigger *t : ctx.fission.allTriggers()) {
            // Alias and version references name FunctionAliases/FunctionVersions (main); not checked.
            if (t->function.type != FunctionReference::Type::Name && t->function.type != FunctionReference::Type::FunctionWeights)
                continue;
            if (!coverage.covers(t->namespaceName()))
                continue;
            QStringList missing;
            if (t->function.type == FunctionReference::Type::Name) {
                if (ctx.fission.functions().get(t->namespaceName(), t->function.name))
                    continue;
            }
            for (const QString &name : t->function.functionNames()) {
                if (!ctx.fission.functions().get(t->namespaceName(), name))
                    missing.append(name);
            }
            if (missing.isEmpty())
                continue;
            Finding f = newFinding(id(), t->ref(), Severity::Error);
            f.title = translate("fd::fission", "%1 %2 points to function %3, which does not exist")
                          .arg(t->object.kind(), t->namespaceName() + u'/' + t->name(), missing.join(u", "_s));
            f.explanation = translate("fd::fission",
                                      "A trigger calls functions in its own namespace (%1). No function named %2 exists "
                                      "there, so whatever fires this trigger reaches nothing.")
                                .arg(t->namespaceName(), missing.join(u", "_s));
            f.evidence.append(evidenceOf(t->ref(), {{u"spec.functionref.type"_s, t->function.typeText},
                                                    {u"spec.functionref.name"_s, missing.join(u", "_s)}}));
            if (t->object.kind() == u"HTTPTrigger") {
                const HttpTrigger *http = ctx.fission.httpTriggers().get(t->namespaceName(), t->name());
                if (http)
                    f.symptoms.append(Symptom{u"trigger-unrouted"_s, t->ref(),
                                              translate("fd::fission", "Requests to %1 %2 reach no function")
                                                  .arg(http->effectiveMethods().join(u','), http->routePath())});
            }
            f.fixes.append(InspectObjectAction{t->ref()});
            out.add(f);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeFunctionMissingEnvironment() { return std::make_unique<FunctionMissingEnvironment>(); }
std::unique_ptr<Rule> makeFunctionMissingPackage() { return std::make_unique<FunctionMissingPackage>(); }
std::unique_ptr<Rule> makeTriggerMissingFunction() { return std::make_unique<TriggerMissingFunction>(); }

} // namespace fd::fission::rules
