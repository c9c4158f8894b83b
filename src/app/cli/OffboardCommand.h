#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli offboard NS… [--yes] [--delete-namespace] [--force] [--context C]
//                             [--kubeconfig F] [-o table|json] [--chart CHART] [--helm PATH] [--at TIME]`
//
// Stops Fission serving the namespaces. Legacy/static: removes them from
// additionalFissionNamespaces with a Helm upgrade (as `onboard`). Dynamic/cluster: deletes their
// FissionTenants and waits for the finalizer; refused while functions remain unless --force.
// --delete-namespace then deletes the namespaces (asks to type their names unless --yes).
// --at TIME (with --yes) waits until TIME first, as `onboard --at`.
// Exit code: 0 done, 1 refused/failed/declined, 2 usage error.

namespace fd::cli {

class OffboardCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("offboard"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
