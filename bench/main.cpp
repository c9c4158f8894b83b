// fission-desk-bench: the benchmarks, one subcommand each. They print figures; none of them is a
// pass/fail test.
#include "BenchCommands.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

#include <cstdio>

namespace {

void usage()
{
    std::fprintf(stderr,
                 "usage: fission-desk-bench <command> [options]\n"
                 "  sync      [--namespaces N] [--pods N] [--configmaps N] [--secrets N] [--functions N] [--no-kubectl]\n"
                 "            time to synced informers vs raw page fetches and kubectl get -A -o json; memory per JSON byte\n"
                 "  store     [--pods N] [--page N] [--detail lean|full|both]\n"
                 "            JSON decoding into the object store vs QJsonDocument\n"
                 "  emulator  [objects]\n"
                 "            the emulator's own list and watch throughput, kubectl as the peer\n"
                 "  model     [--fleet key=value,...] [--deltas N] [--repeat N]\n"
                 "            the Fission model over the fleet profile: session to Live, full load, rules, deltas\n"
                 "  logs      [--lines N] [--ingest N]\n"
                 "            the log viewer: ingest rate vs kubectl logs -f, filter time, memory per raw byte\n"
                 "  gui       [--fleet key=value,...] [--events N] [--seconds N] [--only demo|live]\n"
                 "            the app's GUI thread (offscreen): stalls under N watch events/s, demo start to painted tree\n");
}

} // namespace

int main(int argc, char **argv)
{
    // The gui benchmark needs widgets (offscreen unless a platform is chosen); the others do not.
    const bool gui = argc > 1 && std::strcmp(argv[1], "gui") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (gui)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst(); // the program
    if (args.isEmpty()) {
        usage();
        return 2;
    }
    const QString command = args.first();
    if (command == QLatin1String("sync"))
        return fd::bench::runSync(args);
    if (command == QLatin1String("store"))
        return fd::bench::runStore(args);
    if (command == QLatin1String("emulator"))
        return fd::bench::runEmulator(args);
    if (command == QLatin1String("model"))
        return fd::bench::runModel(args);
    if (command == QLatin1String("logs"))
        return fd::bench::runLogs(args);
    if (command == QLatin1String("gui"))
        return fd::bench::runGui(args);
    usage();
    return 2;
}
