#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli logs (fn|pkg|env|tenant|controlplane|pod) NAME [-n NS] [--context C]
//                        [--kubeconfig F] [-f | -p] [--since D] [--grep RE] [-o table|json]`
//
// Prints the logs of a function's pods (all containers but fetcher), a package's builder, an
// environment's pool and builder pods, a tenant namespace, the control plane of a release
// namespace (NAME) or one pod, merged by timestamp: "TIME POD/CONTAINER TEXT" per line, or JSON
// lines with -o json. Without -f the current logs are printed and the command ends; with -f it
// follows new pods and lines until interrupted. --since takes 30s, 5m, 2h, 1d or an RFC 3339
// time; --grep keeps the lines matching a regular expression; -p prints the previous instance's
// log of each restarted container instead (what crashed before the current one).
// Exit code: 0 printed, 1 some log could not be read, 2 usage error or unknown object.

namespace fd::cli {

class LogsCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("logs"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
