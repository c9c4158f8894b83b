#pragma once

#include "engine/onboarding/OnboardingPlan.h"
#include "engine/onboarding/StepRunner.h"
#include "kube/store/KubeObject.h"

#include <QHash>

// Onboarding on modern clusters (dynamic/cluster tenancy): a FissionTenant per namespace, no
// restart. Onboard = create the tenant (named after the namespace, as `fission tenant enable`
// does) and follow its conditions to Ready, showing each condition's reason. In dynamic mode the
// namespace can be labelled fission.io/enabled=true instead (the tenant controller makes the
// tenant); in cluster mode a namespace opted out with fission.io/enabled=false is onboarded by
// removing that label (a tenant created beside the opt-out would contradict it). Offboard = delete
// the tenant and wait for its finalizer; refused while functions remain unless forced (as
// upstream's --force), because they stop being served.

namespace fd::engine::onboarding {

struct TenantPlanInputs {
    QString kubeContext;
    QString world; // tenancyWorldId
    QList<fd::kube::KubeObject> tenants;
    QStringList existingNamespaces;
    QHash<QString, int> functionsPerNamespace;
    QHash<QString, QString> enabledLabels; // namespace -> fission.io/enabled (ClusterFacts)
    // Dynamic mode: onboard by labelling the namespace fission.io/enabled=true instead of
    // creating the FissionTenant (the controller then makes one, managed-by=label).
    bool useLabel = false;
    QStringList onboard;
    QStringList offboard;
};
TenantPlan planTenants(const TenantPlanInputs &inputs);

struct TenantRunOptions {
    bool createMissingNamespaces = true;
    bool force = false;             // offboard although functions remain
    bool deleteNamespaces = false;  // offboard: delete the namespace afterwards
};

class TenantRun : public StepRunner {
    Q_OBJECT
public:
    TenantRun(fd::kube::RestClient *rest, TenantPlan plan, TenantRunOptions options, QObject *parent = nullptr);
    ~TenantRun() override;

    const TenantPlan &plan() const { return m_plan; }
    void start();

private:
    void runAction(int index);

    TenantPlan m_plan;
    TenantRunOptions m_options;
    QList<std::function<void()>> m_actions; // parallel to steps()
};

} // namespace fd::engine::onboarding
