#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli onboard NS… [--yes] [--adopt] [--no-create-namespace] [--context C]
//                            [--kubeconfig F] [-o table|json] [--chart CHART] [--helm PATH]
//                            [--label] [--at TIME]`
//
// Makes Fission serve the namespaces. Legacy/static: plans (as `plan`), asks on stdin unless
// --yes, then creates missing namespaces, runs `helm upgrade` with only the edited values,
// follows the rollout and verifies the control plane's env; a failed upgrade is reported with
// the failed revision and (interactively) a rollback offer. --adopt also sets
// executor.adoptExistingResources: true so function pods survive. Dynamic/cluster: creates a
// FissionTenant per namespace and waits until it is Ready; --label (dynamic) labels the namespace
// fission.io/enabled=true instead; in cluster mode an opted-out namespace (fission.io/enabled=false)
// is onboarded by removing that label. --at TIME (with --yes) waits until TIME first: for
// scripts and scheduled jobs in a maintenance window.
// Exit code: 0 done, 1 refused/failed/declined, 2 usage error.

namespace fd::cli {

class OnboardCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("onboard"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
