#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

// fission-desk-cli is a set of small commands dispatched by name (`fission-desk-cli contexts`).
// Each command parses its own arguments and writes to the given streams; main() only picks the
// command. Exit codes are shared by all commands.

namespace fd::cli {

// The commands' texts: one translation context, "CliText", for all of them.
struct CliText {
    Q_DECLARE_TR_FUNCTIONS(CliText)
};

enum ExitCode : int {
    ExitOk = 0,       // everything the command looked at is fine
    ExitProblems = 1, // the command ran, and found problems (broken contexts, failed checks)
    ExitUsage = 2,    // bad arguments, or nothing to work on at all (no kubeconfig)
};

struct CliIo {
    QTextStream &out;
    QTextStream &err;
};

class CliCommand {
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one line for the command list
    // args: what follows the command name on the command line.
    virtual int run(const QStringList &args, CliIo &io) = 0;
};

} // namespace fd::cli
