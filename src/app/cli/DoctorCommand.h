#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli doctor [--context C] [--kubeconfig F] [-o table|json] [--watch] [--timeout S]`
//
// Connects, waits until the model is Live (every informer synced), then prints what the
// diagnostics rules find: cause, subject, the symptoms it explains and the fixes.
//
// Table: SEVERITY  RULE  SUBJECT  TITLE, then per finding its symptoms and fixes, indented.
// JSON: fission/FissionJson.h "FindingList" plus "context".
// --watch: after the first report, prints every change as it happens until SIGINT/SIGTERM:
//   table: "+ <severity> <id>: <title>" (new), "- <id>: resolved" (gone), "~ <severity> <id>: <title>"
//   (changed), "! <state>: <message>" (connection); JSON: one compact "FindingChanges" object per
//   line (plus "context"), and {"kind": "ConnectionChange", "version": 1, "context", "state",
//   "message"} when the connection changes.
//
// Exit code: 0 no warnings or errors, 1 findings of warning or error level (at the end, for
// --watch), 2 usage error, or the cluster not Live within --timeout (the reason on stderr).

namespace fd::cli {

class DoctorCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("doctor"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
