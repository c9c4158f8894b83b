// fission-desk-bench: the benchmarks, one subcommand each. They print figures; none of them is a
// pass/fail test.
#include "BenchCommands.h"

#include <QCoreApplication>

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
                 "            the emulator's own list and watch throughput, kubectl as the peer\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
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
    usage();
    return 2;
}
