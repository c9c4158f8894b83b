// fission-desk-sim: the Kubernetes API emulator with simulated Fission clusters, as a
// standalone server for kubectl, helm, the app's demo and benchmarks.
#include "sim/cluster/KubeconfigWriter.h"
#include "sim/cluster/SimHost.h"
#include "sim/cluster/SimProfiles.h"
#include "sim/fissioninstall/FleetProfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM end the event loop through a self-pipe: the handler itself may only
// write a byte; Qt quits cleanly on the main thread.
void installTerminationHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

bool parseListen(const QString &value, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = value.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (!address->setAddress(host))
        return false;
    *port = static_cast<quint16>(number);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fission-desk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kubernetes API emulator with simulated Fission clusters."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address and port to listen on (port 0: any free port). "
                                                         "Further clusters take the following ports."),
                                          QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    QStringList profileHelp;
    for (const QString &profile : fd::sim::availableProfiles())
        profileHelp << profile + QStringLiteral(" (") + fd::sim::profileSummary(profile) + QLatin1Char(')');
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Comma-separated profiles, one simulated cluster each: %1.")
                                               .arg(profileHelp.join(QStringLiteral(", "))),
                                           QStringLiteral("names"), QStringLiteral("empty"));
    const QCommandLineOption fleetOption(QStringLiteral("fleet"),
                                         QStringLiteral("Parameters of the fleet profile: tenants, environments, packages, "
                                                        "functions, pods, triggers (counts), churn (object events per second), "
                                                        "controlplane (1: run the control plane). Default "
                                                        "tenants=500,environments=2000,packages=10000,functions=10000,"
                                                        "pods=20000,triggers=5000,churn=0,controlplane=0."),
                                         QStringLiteral("key=value,..."));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig-out"),
                                              QStringLiteral("Write a kubeconfig for the clusters to this file (mode 0600)."),
                                              QStringLiteral("file"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"),
                                       QStringLiteral("Serve HTTPS (HTTP/2 and HTTP/1.1) with a generated CA and client certificates."));
    const QCommandLineOption versionOption(QStringLiteral("kubernetes-version"),
                                           QStringLiteral("gitVersion the server reports (default v1.33.1)."),
                                           QStringLiteral("version"), QStringLiteral("v1.33.1"));
    parser.addOptions({listenOption, profileOption, fleetOption, kubeconfigOption, tlsOption, versionOption});
    parser.process(app);

    QTextStream err(stderr);
    QTextStream out(stdout);
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listenOption), &address, &port)) {
        err << "fission-desk-sim: --listen expects host:port, e.g. 127.0.0.1:0 (got \""
            << parser.value(listenOption) << "\")\n";
        return 2;
    }
    const QStringList profiles = parser.value(profileOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &profile : profiles) {
        if (!fd::sim::isKnownProfile(profile)) {
            err << "fission-desk-sim: unknown profile \"" << profile << "\"; known: "
                << fd::sim::availableProfiles().join(QStringLiteral(", ")) << '\n';
            return 2;
        }
    }
    if (parser.isSet(fleetOption)) {
        if (auto fleet = fd::sim::fissioninstall::FleetOptions::parse(parser.value(fleetOption)); !fleet) {
            err << "fission-desk-sim: --fleet: " << fleet.error() << '\n';
            return 2;
        }
    }
    if (profiles.isEmpty()) {
        err << "fission-desk-sim: --profile needs at least one name\n";
        return 2;
    }

    installTerminationHandlers(app);
    std::vector<std::unique_ptr<fd::sim::SimHost>> hosts;
    QList<fd::sim::KubeconfigCluster> kubeconfigClusters;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        fd::sim::SimClusterOptions options;
        options.name = profiles.size() == 1 && profiles.first() == QLatin1String("empty") ? QStringLiteral("sim") : profiles.at(i);
        options.address = address;
        options.port = port == 0 ? 0 : static_cast<quint16>(port + i);
        options.tls = parser.isSet(tlsOption);
        options.gitVersion = parser.value(versionOption);
        auto host = std::make_unique<fd::sim::SimHost>(options);
        const QString profile = profiles.at(i);
        fd::sim::ProfileOptions profileOptions;
        profileOptions.fleet = parser.value(fleetOption);
        QElapsedTimer startup;
        startup.start();
        auto started = host->start([profile, profileOptions](fd::sim::SimCluster &cluster) {
            return fd::sim::applyProfile(profile, cluster, profileOptions);
        });
        if (!started) {
            err << "fission-desk-sim: cluster \"" << options.name << "\": " << started.error() << '\n';
            return 1;
        }
        out << "listening on " << host->url().toString() << " (context " << options.name << ")\n";
        out << "profile " << profile << " ready in " << startup.elapsed() << " ms\n";
        out.flush();
        kubeconfigClusters.append({options.name, host->url(), host->caCertificatePem(), host->users()});
        hosts.push_back(std::move(host));
    }

    if (parser.isSet(kubeconfigOption)) {
        QFile file(parser.value(kubeconfigOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            err << "fission-desk-sim: cannot write " << file.fileName() << ": " << file.errorString() << '\n';
            return 1;
        }
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(fd::sim::writeKubeconfig(kubeconfigClusters));
        file.close();
        out << "kubeconfig written to " << file.fileName() << '\n';
        out.flush();
    }

    const int code = app.exec();
    hosts.clear();
    return code;
}
