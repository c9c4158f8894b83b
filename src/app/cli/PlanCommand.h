#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli plan NS… [--offboard] [--context C] [--kubeconfig F] [-o table|json]
//                         [--chart CHART] [--helm PATH]`
//
// Prints what onboarding (or, with --offboard, offboarding) the namespaces would do, changing
// nothing. Legacy/static installs: the Helm values edit, the workloads that restart and why (env
// changes), the RBAC objects created/deleted per namespace, the hook Jobs, the function pods
// recycled, the alternative with executor.adoptExistingResources, missing namespaces. The chart
// is rendered with the real helm (`helm template`), from the chart stored in the release or
// --chart. Dynamic/cluster tenancy: the FissionTenants that would be created or deleted.
//
// JSON (-o json): {"kind": "OnboardingPlan", "version": 1, "world": "helm"|"dynamic"|"cluster", …}
// as Plan::toJson()/TenantPlan::toJson() in src/engine/onboarding/OnboardingPlan.cpp.
// Exit code: 0 planned, 1 the plan could not be made, 2 usage error (e.g. an invalid name).

namespace fd::cli {

class PlanCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("plan"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
