#pragma once

#include "app/cli/CliCommand.h"

// `fission-desk-cli contexts [-o table|json] [--kubeconfig FILE] [--no-exec]
//                            [--exec-timeout SECONDS] [-v]`
//
// Lists every context of the kubeconfig (files chosen as kubectl chooses them) and whether it
// can be used. Exec credential plugins are run (non-interactively, with a timeout) to check
// them; nothing is ever sent to a cluster and the kubeconfig is never written.
//
// Table: NAME, CLUSTER, USER, NAMESPACE, CURRENT ('*'), STATE where STATE is
//   ok
//   broken: <file>:<line>:<column>: <entry>: <problem> [(+N more)]
//   exec: credential ok (expires <RFC 3339>|no expiry)
//   exec: <error>
//   exec: not checked                       (--no-exec)
// Set-level problems (unreadable files, YAML syntax errors, a missing current-context) are
// printed on stderr; -v prints every problem and warning.
//
// Exit code: 0 every context usable, 1 some broken (or set-level errors), 2 usage error, no
// kubeconfig file at all, or no contexts.
//
// JSON (-o json), stable; keys within an object are sorted:
// {
//   "kind": "ContextList", "version": 1,
//   "files": ["/abs/path", …],             // files read, in merge order
//   "missingFiles": ["/abs/path", …],      // KUBECONFIG entries that do not exist
//   "currentContext": "name" | "",
//   "contexts": [{
//     "name", "cluster", "user", "namespace": strings (namespace after defaulting),
//     "current": bool, "sourceFile": string, "server": string ("" when unknown),
//     "auth": "none"|"client-certificate"|"token"|"token-file"|"basic"|"exec"|"oidc",
//     "usable": bool,                      // no errors and, for exec users, a credential
//     "state": "ok"|"broken"|"exec-error"|"exec-unchecked",
//     "stateText": string,                 // the STATE column
//     "exec": null | {"command", "apiVersion": string, "status": "ok"|"error"|"skipped",
//                     "expirationTimestamp": string|null, "error": string|null},
//     "problems": [Problem, …]             // errors first
//   }, …],
//   "problems": [Problem, …]               // set-level
// }
// Problem = {"severity": "error"|"warning", "file": string, "line": int, "column": int,
//            "entry": string, "message": string, "text": string (one-line form)}

namespace fd::cli {

class ContextsCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("contexts"); }
    QString summary() const override;
    int run(const QStringList &args, CliIo &io) override;
};

} // namespace fd::cli
