#include "engine/onboarding/OnboardingPlan.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

QJsonValue optionalText(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue();
}

} // namespace

QJsonObject PlanImpact::toJson() const
{
    QJsonArray rollingJson;
    for (const WorkloadRoll &roll : rolling) {
        QJsonArray env;
        for (const EnvChange &change : roll.envChanges)
            env.append(QJsonObject{{u"container"_s, change.container},
                                   {u"name"_s, change.name},
                                   {u"before"_s, optionalText(change.before)},
                                   {u"after"_s, optionalText(change.after)}});
        rollingJson.append(QJsonObject{{u"kind"_s, roll.kind},
                                       {u"name"_s, roll.name},
                                       {u"action"_s, roll.created ? u"create"_s : roll.deleted ? u"delete"_s : u"roll"_s},
                                       {u"envChanges"_s, env},
                                       {u"otherChanges"_s, QJsonArray::fromStringList(roll.otherChanges)}});
    }
    QJsonArray rbacJson;
    for (const RbacChange &change : rbac)
        rbacJson.append(QJsonObject{{u"action"_s, change.action == RbacChange::Action::Create ? u"create"_s : u"delete"_s},
                                    {u"kind"_s, change.kind},
                                    {u"namespace"_s, change.namespaceName},
                                    {u"name"_s, change.name}});
    QJsonArray hooksJson;
    for (const HookStep &hook : hooks)
        hooksJson.append(QJsonObject{{u"kind"_s, hook.kind}, {u"name"_s, hook.name}, {u"events"_s, QJsonArray::fromStringList(hook.events)}});
    return {{u"adoptExistingResources"_s, adoptExistingResources},
            {u"workloads"_s, rollingJson},
            {u"rbac"_s, rbacJson},
            {u"hooks"_s, hooksJson},
            {u"functionPodsRecycled"_s, functionPodsRecycled},
            {u"functionPodsTotal"_s, functionPodsTotal}};
}

QJsonObject Plan::toJson() const
{
    QJsonObject json{{u"kind"_s, u"OnboardingPlan"_s},
                     {u"version"_s, 1},
                     {u"world"_s, u"helm"_s},
                     {u"context"_s, kubeContext},
                     {u"release"_s, releaseName},
                     {u"releaseNamespace"_s, releaseNamespace},
                     {u"baseRevision"_s, baseRevision},
                     {u"latestRevision"_s, latestRevision},
                     {u"chart"_s, chartName + u'-' + chartVersion},
                     {u"chartSource"_s, chartSource == ChartSource::StoredInRelease ? u"release"_s : u"user"_s},
                     {u"namespacesBefore"_s, QJsonArray::fromStringList(namespacesBefore)},
                     {u"namespacesAfter"_s, QJsonArray::fromStringList(namespacesAfter)},
                     {u"added"_s, QJsonArray::fromStringList(added)},
                     {u"removed"_s, QJsonArray::fromStringList(removed)},
                     {u"defaultNamespace"_s, defaultNamespace},
                     {u"missingNamespaces"_s, QJsonArray::fromStringList(missingNamespaces)},
                     {u"warnings"_s, QJsonArray::fromStringList(warnings)},
                     {u"values"_s, impact.valuesText},
                     {u"impact"_s, impact.toJson()}};
    json.insert(u"adoptAlternative"_s, adoptAlternative ? QJsonValue(adoptAlternative->toJson()) : QJsonValue());
    return json;
}

QString tenantOnboardMethodId(TenantOnboardMethod method)
{
    switch (method) {
    case TenantOnboardMethod::CreateTenant: return u"tenant"_s;
    case TenantOnboardMethod::LabelNamespace: return u"label"_s;
    case TenantOnboardMethod::RemoveOptOutLabel: return u"remove-opt-out"_s;
    }
    return u"tenant"_s;
}

QJsonObject TenantPlan::toJson() const
{
    QJsonObject left;
    for (auto it = functionsLeft.begin(); it != functionsLeft.end(); ++it)
        left.insert(it.key(), it.value());
    QJsonObject how;
    for (const QString &ns : onboard)
        how.insert(ns, tenantOnboardMethodId(methodFor(ns)));
    return {{u"kind"_s, u"OnboardingPlan"_s},
            {u"version"_s, 1},
            {u"world"_s, world},
            {u"context"_s, kubeContext},
            {u"onboard"_s, QJsonArray::fromStringList(onboard)},
            {u"alreadyOnboarded"_s, QJsonArray::fromStringList(alreadyOnboarded)},
            {u"offboard"_s, QJsonArray::fromStringList(offboard)},
            {u"notOnboarded"_s, QJsonArray::fromStringList(notOnboarded)},
            {u"missingNamespaces"_s, QJsonArray::fromStringList(missingNamespaces)},
            {u"functionsLeft"_s, left},
            {u"methods"_s, how},
            {u"notes"_s, QJsonArray::fromStringList(notes)},
            {u"warnings"_s, QJsonArray::fromStringList(warnings)}};
}

} // namespace fd::engine::onboarding
