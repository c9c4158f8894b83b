#include "engine/onboarding/TenantRun.h"

#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/OnboardingTr.h"
#include "fission/Kinds.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

QString tenantsPath(const QString &name = {})
{
    const auto &kind = fd::fission::kinds::fissionTenants();
    return resourcePath(kind.gr.group, kind.version, kind.gr.resource, {}, name);
}

QString tenantNamespace(const fd::kube::KubeObject &tenant)
{
    return tenant.stringAt(u"spec.namespace").value_or(QString());
}

} // namespace

TenantPlan planTenants(const TenantPlanInputs &inputs)
{
    TenantPlan plan;
    plan.kubeContext = inputs.kubeContext;
    plan.world = inputs.world;
    QHash<QString, QString> byNamespace;
    for (const fd::kube::KubeObject &tenant : inputs.tenants) {
        if (!tenant.hasDeletionTimestamp())
            byNamespace.insert(tenantNamespace(tenant), tenant.name());
    }
    const QSet<QString> existing(inputs.existingNamespaces.cbegin(), inputs.existingNamespaces.cend());
    for (const QString &ns : inputs.onboard) {
        if (byNamespace.contains(ns)) {
            plan.alreadyOnboarded.append(ns);
            plan.tenantNames.insert(ns, byNamespace.value(ns));
            plan.warnings.append(OnboardingText::tr("%1 already has FissionTenant %2").arg(ns, byNamespace.value(ns)));
            continue;
        }
        plan.onboard.append(ns);
        plan.tenantNames.insert(ns, ns);
        if (!existing.contains(ns))
            plan.missingNamespaces.append(ns);
        if (inputs.world == "cluster"_L1 && inputs.enabledLabels.value(ns) == "false"_L1) {
            // The controller deletes its tenant for an opted-out namespace and makes one again
            // once the label is gone; a tenant created beside the label would contradict it.
            plan.methods.insert(ns, TenantOnboardMethod::RemoveOptOutLabel);
            plan.notes.append(OnboardingText::tr("%1 is opted out with the label fission.io/enabled=false: onboarding removes that label, "
                                                 "and the tenant controller then creates its FissionTenant")
                                  .arg(ns));
        } else if (inputs.world == "dynamic"_L1 && inputs.useLabel) {
            // The controller names the tenant after the namespace (managed-by=label).
            plan.methods.insert(ns, TenantOnboardMethod::LabelNamespace);
            plan.notes.append(OnboardingText::tr("%1 is labelled fission.io/enabled=true; the tenant controller creates its FissionTenant "
                                                 "(removing the label later does not offboard it)")
                                  .arg(ns));
        }
    }
    for (const QString &ns : inputs.offboard) {
        if (!byNamespace.contains(ns)) {
            plan.notOnboarded.append(ns);
            plan.warnings.append(OnboardingText::tr("no FissionTenant names namespace %1").arg(ns));
            continue;
        }
        plan.offboard.append(ns);
        plan.tenantNames.insert(ns, byNamespace.value(ns));
        const int functions = inputs.functionsPerNamespace.value(ns);
        if (functions > 0) {
            plan.functionsLeft.insert(ns, functions);
            plan.warnings.append(OnboardingText::tr("%n function(s) in %1 will no longer be served", nullptr, functions).arg(ns));
        }
    }
    return plan;
}

TenantRun::TenantRun(fd::kube::RestClient *rest, TenantPlan plan, TenantRunOptions options, QObject *parent)
    : StepRunner(rest, parent)
    , m_plan(std::move(plan))
    , m_options(options)
{
    const auto next = [this](int index) { return [this, index] { runAction(index + 1); }; };

    for (const QString &ns : m_plan.onboard) {
        if (m_plan.missingNamespaces.contains(ns)) {
            const int step = addStep(u"create-namespace:"_s + ns, OnboardingText::tr("Create namespace %1").arg(ns));
            m_actions.append([this, ns, step, next] {
                if (!m_options.createMissingNamespaces) {
                    failStep(OnboardingText::tr("namespace %1 does not exist").arg(ns));
                    return;
                }
                const QJsonObject object{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s}, {u"metadata"_s, QJsonObject{{u"name"_s, ns}}}};
                createObject(m_rest, this, resourcePath({}, u"v1"_s, u"namespaces"_s), object, [this, ns, step, next](const ObjectResult &result) {
                    if (!result && result.error().kind != fd::kube::ErrorKind::AlreadyExists) {
                        failStep(OnboardingText::tr("creating namespace %1 failed: %2").arg(ns, result.error().message));
                        return;
                    }
                    setStep(step, StepState::Done, OnboardingText::tr("created"));
                    next(step)();
                });
            });
        }
        const QString name = m_plan.tenantNames.value(ns, ns);
        const TenantOnboardMethod method = m_plan.methodFor(ns);
        if (method != TenantOnboardMethod::CreateTenant) {
            const bool label = method == TenantOnboardMethod::LabelNamespace;
            const int patch = label ? addStep(u"label-namespace:"_s + ns, OnboardingText::tr("Label namespace %1 fission.io/enabled=true").arg(ns))
                                    : addStep(u"remove-opt-out-label:"_s + ns,
                                              OnboardingText::tr("Remove the label fission.io/enabled=false from namespace %1").arg(ns));
            m_actions.append([this, ns, label, patch, next] {
                const QJsonValue value = label ? QJsonValue(u"true"_s) : QJsonValue(QJsonValue::Null);
                const QJsonObject body{{u"metadata"_s, QJsonObject{{u"labels"_s, QJsonObject{{u"fission.io/enabled"_s, value}}}}}};
                mergePatchObject(m_rest, this, resourcePath({}, u"v1"_s, u"namespaces"_s, {}, ns), body,
                                 [this, ns, label, patch, next](const ObjectResult &result) {
                                     if (!result) {
                                         failStep(OnboardingText::tr("changing the labels of namespace %1 failed: %2").arg(ns, result.error().message));
                                         return;
                                     }
                                     setStep(patch, StepState::Done, label ? OnboardingText::tr("labelled") : OnboardingText::tr("label removed"));
                                     next(patch)();
                                 });
            });
        } else {
            const int create = addStep(u"create-tenant:"_s + ns, OnboardingText::tr("Create FissionTenant %1").arg(name));
            m_actions.append([this, ns, name, create, next] {
                const auto &kind = fd::fission::kinds::fissionTenants();
                const QJsonObject object{{u"apiVersion"_s, kind.apiVersion()},
                                         {u"kind"_s, kind.kind},
                                         {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                                         {u"spec"_s, QJsonObject{{u"namespace"_s, ns}}}};
                createObject(m_rest, this, tenantsPath(), object, [this, ns, name, create, next](const ObjectResult &result) {
                    if (!result) {
                        failStep(OnboardingText::tr("creating FissionTenant %1 failed: %2").arg(name, result.error().message));
                        return;
                    }
                    setStep(create, StepState::Done, OnboardingText::tr("created"));
                    next(create)();
                });
            });
        }
        const int ready = addStep(u"tenant-ready:"_s + ns, OnboardingText::tr("Wait until FissionTenant %1 is Ready").arg(name));
        m_actions.append([this, name, ready, next] {
            poll(readyTimeoutMs, OnboardingText::tr("FissionTenant %1 did not become Ready in time").arg(name),
                 [this, name, ready](const std::function<void(bool)> &done) {
                     getObject(m_rest, this, tenantsPath(name), [this, name, ready, done](const ObjectResult &tenant) {
                         if (!tenant) {
                             // Label onboarding: the controller has not made the tenant yet.
                             note(ready, tenant.error().kind == fd::kube::ErrorKind::NotFound
                                             ? OnboardingText::tr("waiting for the tenant controller to create FissionTenant %1").arg(name)
                                             : tenant.error().message);
                             done(false);
                             return;
                         }
                         QStringList conditions;
                         bool isReady = false;
                         const QJsonArray list = tenant->toJsonObject().value(u"status"_s).toObject().value(u"conditions"_s).toArray();
                         for (const QJsonValue &value : list) {
                             const QJsonObject condition = value.toObject();
                             const QString type = condition.value(u"type"_s).toString();
                             const QString status = condition.value(u"status"_s).toString();
                             const QString reason = condition.value(u"reason"_s).toString();
                             conditions.append(reason.isEmpty() ? u"%1=%2"_s.arg(type, status) : u"%1=%2 (%3)"_s.arg(type, status, reason));
                             if (type == u"Ready"_s && status == u"True"_s)
                                 isReady = true;
                         }
                         note(ready, conditions.isEmpty() ? OnboardingText::tr("no conditions yet") : conditions.join(u", "_s));
                         done(isReady);
                     });
                 },
                 [this, ready, next] {
                     setStep(ready, StepState::Done);
                     next(ready)();
                 });
        });
    }

    for (const QString &ns : m_plan.offboard) {
        const QString name = m_plan.tenantNames.value(ns, ns);
        const int remove = addStep(u"delete-tenant:"_s + ns, OnboardingText::tr("Delete FissionTenant %1").arg(name));
        m_actions.append([this, ns, name, remove, next] {
            const int functions = m_plan.functionsLeft.value(ns);
            if (functions > 0 && !m_options.force) {
                failStep(OnboardingText::tr("%n function(s) remain in %1 and would stop being served; delete them or force", nullptr, functions)
                             .arg(ns));
                return;
            }
            deleteObject(m_rest, this, tenantsPath(name), [this, name, remove, next](const DoneResult &result) {
                if (!result && result.error().kind != fd::kube::ErrorKind::NotFound) {
                    failStep(OnboardingText::tr("deleting FissionTenant %1 failed: %2").arg(name, result.error().message));
                    return;
                }
                waitUntilGone(tenantsPath(name), OnboardingText::tr("FissionTenant %1 is still being deleted").arg(name), [this, remove, next] {
                    setStep(remove, StepState::Done, OnboardingText::tr("deleted"));
                    next(remove)();
                });
            });
        });
        if (m_options.deleteNamespaces) {
            const int drop = addStep(u"delete-namespace:"_s + ns, OnboardingText::tr("Delete namespace %1").arg(ns));
            m_actions.append([this, ns, drop, next] {
                const QString path = resourcePath({}, u"v1"_s, u"namespaces"_s, {}, ns);
                deleteObject(m_rest, this, path, [this, ns, path, drop, next](const DoneResult &result) {
                    if (!result && result.error().kind != fd::kube::ErrorKind::NotFound) {
                        failStep(OnboardingText::tr("deleting namespace %1 failed: %2").arg(ns, result.error().message));
                        return;
                    }
                    waitUntilGone(path, OnboardingText::tr("namespace %1 is still terminating").arg(ns), [this, drop, next] {
                        setStep(drop, StepState::Done, OnboardingText::tr("deleted"));
                        next(drop)();
                    });
                });
            });
        }
    }
}

TenantRun::~TenantRun() = default;

void TenantRun::start()
{
    if (isRunning())
        return;
    beginRun();
    runAction(0);
}

void TenantRun::runAction(int index)
{
    if (index >= m_actions.size()) {
        finishRun(true);
        return;
    }
    runStep(index, m_actions.at(index));
}

} // namespace fd::engine::onboarding

#include "moc_TenantRun.cpp"
