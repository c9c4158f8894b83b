#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli describe tenant NAMESPACE [--context C] [--kubeconfig F] [-o table|json]
//                                              [--timeout S]`
//
// One tenant in detail: its state and why, which control-plane components serve it, its object
// counts, and the findings about it (the subject or any evidence in that namespace).
// JSON: {"kind": "TenantDescription", "version": 1, "context", "tenant": Tenant,
//        "findings": [Finding]} (fission/FissionJson.h).
// Exit code: 0 described, 1 the namespace is no tenant, 2 usage error or the cluster could not
// be read.

namespace fd::cli {

class DescribeCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("describe"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
