#pragma once

#include <QStringList>

// The subcommands of fission-desk-bench. Each gets its own arguments with its name first
// (["sync", "--pods", "20000", …]) and returns the process exit code. A QCoreApplication exists.
namespace fd::bench {

// Time to a fully synced informer set against a large emulator population, store memory per JSON
// byte, and — against the same server — raw page fetches and `kubectl get -A -o json`.
int runSync(const QStringList &args);
// JSON → object model: parse time and bytes per object, QJsonDocument vs the store.
int runStore(const QStringList &args);
// The emulator is not the bottleneck: list serving, watch fan-out, kubectl as the peer.
int runEmulator(const QStringList &args);
// The Fission domain over the fleet profile: session to Live, first full model load, rules,
// single-object deltas.
int runModel(const QStringList &args);
// The log viewer: ingest from the emulator (kubectl logs -f as the peer), filter time over
// 1,000,000 lines, memory per raw log byte.
int runLogs(const QStringList &args);
// The desktop app's GUI thread, offscreen: event-loop stalls (max, p99) while the fleet profile
// streams watch events through the engine into the main window; demo start to a painted tree.
int runGui(const QStringList &args);

} // namespace fd::bench
