#pragma once

#include "app/cli/CliCommand.h"
#include "engine/ClusterSession.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <memory>

// What the cluster commands (tenants, doctor, describe) share: the common options, picking the
// context from the kubeconfig, connecting a ClusterSession and waiting until it is Live, tables.

namespace fd::cli {

struct ClusterOptions {
    QCommandLineOption context;
    QCommandLineOption kubeconfig;
    QCommandLineOption output;
    QCommandLineOption timeout;
    QCommandLineOption help;
    ClusterOptions();
    void addTo(QCommandLineParser &parser) const;
};

// Parsed common options.
struct ClusterArgs {
    QString context;
    QString kubeconfig;
    bool json = false;
    int timeoutMs = 30'000;
    QStringList positional;
};

// Parses `args` for command `name`; on a usage problem prints it and returns nullopt with
// `*exitCode` set (ExitUsage; ExitOk for --help).
std::optional<ClusterArgs> parseClusterArgs(const QString &name, QCommandLineParser &parser, const ClusterOptions &options,
                                            const QStringList &args, CliIo &io, int *exitCode);

// A session for the chosen context (the kubeconfig's current one without --context), started.
// Prints why on failure and returns nullptr (exit code 2).
std::unique_ptr<fd::engine::ClusterSession> connectCluster(const QString &command, const ClusterArgs &args, CliIo &io);

// Runs the event loop until the session is Live (returns true), Failed, or the timeout passed
// (prints the reason on stderr and returns false).
bool waitUntilLive(const QString &command, fd::engine::ClusterSession &session, int timeoutMs, CliIo &io);

// connectCluster() and waitUntilLive() together: what every cluster command needs before it can
// judge. nullptr after printing why (exit code 2).
std::unique_ptr<fd::engine::ClusterSession> connectLiveCluster(const QString &command, const ClusterArgs &args, CliIo &io);

// Prints "unexpected argument" for the first positional argument of a command that takes none and
// returns false; true when there is none.
bool rejectPositional(const QString &command, const ClusterArgs &args, CliIo &io);

// Columns padded to the widest cell; the last column is not padded.
void printTable(const QList<QStringList> &rows, QTextStream &out);

// "Fission 1.20.5 (legacy) in namespace fission" (translated; TenantsCommand.cpp).
QString installSummary(const fd::fission::InstallReport &report);

// SIGINT/SIGTERM quit the event loop (for --watch). Installed once.
void quitOnTerminationSignals();

} // namespace fd::cli
