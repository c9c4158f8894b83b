#include "app/cli/ClusterCli.h"

#include "kube/config/KubeconfigLoader.h"
#include "kube/config/Redaction.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace fd::cli {

namespace {

// Texts in translation context "CliText", as the other commands.
int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

ClusterOptions::ClusterOptions()
    : context(QStringLiteral("context"), CliText::tr("The kubeconfig context to use (default: the current context)."),
              QStringLiteral("name")),
      kubeconfig(QStringLiteral("kubeconfig"), CliText::tr("Read only this kubeconfig file (instead of KUBECONFIG or ~/.kube/config)."),
                 QStringLiteral("file")),
      output({QStringLiteral("o"), QStringLiteral("output")}, CliText::tr("Output format: table (default) or json."),
             QStringLiteral("format"), QStringLiteral("table")),
      timeout(QStringLiteral("timeout"), CliText::tr("Seconds to wait for the cluster to be fully synced (default 30)."),
              QStringLiteral("seconds"), QStringLiteral("30")),
      help({QStringLiteral("h"), QStringLiteral("help")}, CliText::tr("Show this help."))
{
}

void ClusterOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({context, kubeconfig, output, timeout, help});
}

std::optional<ClusterArgs> parseClusterArgs(const QString &name, QCommandLineParser &parser, const ClusterOptions &options,
                                            const QStringList &args, CliIo &io, int *exitCode)
{
    *exitCode = ExitUsage;
    const QString prefix = QStringLiteral("fission-desk-cli %1: ").arg(name);
    if (!parser.parse(QStringList{QStringLiteral("fission-desk-cli ") + name} + args)) {
        io.err << prefix << parser.errorText() << '\n'
               << CliText::tr("Run 'fission-desk-cli %1 --help' for usage.").arg(name) << '\n';
        return std::nullopt;
    }
    if (parser.isSet(options.help)) {
        io.out << parser.helpText();
        *exitCode = ExitOk;
        return std::nullopt;
    }
    ClusterArgs result;
    const QString output = parser.value(options.output);
    if (output != QLatin1String("table") && output != QLatin1String("json")) {
        io.err << prefix << CliText::tr("unknown output format \"%1\" (use table or json)").arg(output) << '\n';
        return std::nullopt;
    }
    result.json = output == QLatin1String("json");
    bool ok = false;
    const double seconds = parser.value(options.timeout).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600) {
        io.err << prefix << CliText::tr("--timeout must be a number of seconds between 0 and 3600") << '\n';
        return std::nullopt;
    }
    result.timeoutMs = static_cast<int>(seconds * 1000);
    if (parser.isSet(options.kubeconfig) && parser.value(options.kubeconfig).isEmpty()) {
        io.err << prefix << CliText::tr("--kubeconfig needs a file name") << '\n';
        return std::nullopt;
    }
    if (parser.isSet(options.context) && parser.value(options.context).isEmpty()) {
        io.err << prefix << CliText::tr("--context needs a context name") << '\n';
        return std::nullopt;
    }
    result.kubeconfig = parser.value(options.kubeconfig);
    result.context = parser.value(options.context);
    result.positional = parser.positionalArguments();
    *exitCode = ExitOk;
    return result;
}

std::unique_ptr<fd::engine::ClusterSession> connectCluster(const QString &command, const ClusterArgs &args, CliIo &io)
{
    const QString prefix = QStringLiteral("fission-desk-cli %1: ").arg(command);
    fd::kube::LoadOptions options;
    options.explicitFile = args.kubeconfig;
    options.contextOverride = args.context;
    const fd::kube::KubeconfigSet set = fd::kube::KubeconfigLoader::load(options);
    if (!set.hasAnyFile()) {
        io.err << prefix << CliText::tr("no kubeconfig found") << '\n';
        for (const fd::kube::ConfigProblem &problem : set.problems)
            io.err << "  " << fd::kube::redactSecrets(problem.toString()) << '\n';
        return nullptr;
    }
    const fd::kube::ContextEntry *context = set.current();
    if (!context) {
        if (set.currentContext.isEmpty())
            io.err << prefix << CliText::tr("the kubeconfig has no current context; choose one with --context") << '\n';
        else
            io.err << prefix << CliText::tr("no context \"%1\" in the kubeconfig").arg(set.currentContext) << '\n';
        return nullptr;
    }
    auto session = std::make_unique<fd::engine::ClusterSession>(*context);
    if (session->isFailed()) {
        io.err << prefix << CliText::tr("context \"%1\" cannot be used: %2").arg(context->name, session->snapshot()->connection.message)
               << '\n';
        return nullptr;
    }
    session->start();
    return session;
}

bool waitUntilLive(const QString &command, fd::engine::ClusterSession &session, int timeoutMs, CliIo &io)
{
    using fd::engine::ConnectionState;
    auto settled = [&session] {
        const ConnectionState state = session.snapshot()->connection.state;
        return state == ConnectionState::Live || state == ConnectionState::Failed;
    };
    if (!settled()) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&session, &fd::engine::ClusterSession::snapshotPublished, &loop, [&] {
            if (settled())
                loop.quit();
        });
        timer.start(timeoutMs);
        loop.exec();
    }
    const fd::engine::ConnectionStatus status = session.snapshot()->connection;
    if (status.state == ConnectionState::Live)
        return true;
    const QString prefix = QStringLiteral("fission-desk-cli %1: ").arg(command);
    if (status.state == ConnectionState::Failed) {
        io.err << prefix << CliText::tr("cannot use context \"%1\": %2").arg(session.contextName(), status.message) << '\n';
    } else {
        const QString reason = !status.message.isEmpty() ? status.message
            : status.state == ConnectionState::Connecting ? CliText::tr("the API server has not answered yet")
                                                          : fd::engine::connectionStateDisplay(status.state);
        io.err << prefix
               << CliText::tr("context \"%1\" was not fully synced after %2 s: %3")
                      .arg(session.contextName())
                      .arg(timeoutMs / 1000.0)
                      .arg(reason)
               << '\n';
    }
    return false;
}

std::unique_ptr<fd::engine::ClusterSession> connectLiveCluster(const QString &command, const ClusterArgs &args, CliIo &io)
{
    auto session = connectCluster(command, args, io);
    if (!session || !waitUntilLive(command, *session, args.timeoutMs, io))
        return nullptr;
    return session;
}

bool rejectPositional(const QString &command, const ClusterArgs &args, CliIo &io)
{
    if (args.positional.isEmpty())
        return true;
    io.err << "fission-desk-cli " << command << ": " << CliText::tr("unexpected argument: %1").arg(args.positional.constFirst()) << '\n';
    return false;
}

void printTable(const QList<QStringList> &rows, QTextStream &out)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 == row.size() ? row[i] : row[i].leftJustified(widths[i] + 3);
        out << line << '\n';
    }
}

void quitOnTerminationSignals()
{
    if (signalPipe[0] >= 0)
        return;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

} // namespace fd::cli
