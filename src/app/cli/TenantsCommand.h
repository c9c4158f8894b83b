#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli tenants [--context C] [--kubeconfig F] [-o table|json] [--timeout S]`
//
// Connects to the cluster, waits until every informer is synced (Live), and lists the tenant
// namespaces: the namespaces Fission watches, holds objects in, or has FissionTenants for.
//
// Table: a line naming the install ("Fission 1.20.5 (legacy) in namespace fission"), then
//   NAMESPACE  STATE  ENVIRONMENTS  PACKAGES  FUNCTIONS  TRIGGERS  NOTE
// Exit code: 0 listed, 2 usage error or the cluster could not be read (reason on stderr).
// JSON: fission/FissionJson.h "TenantList" (version 1) plus "context": the context name.

namespace fd::cli {

class TenantsCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("tenants"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
