#include "app/cli/LogsCommand.h"

#include "app/cli/ClusterCli.h"
#include "engine/logs/LogFollow.h"
#include "kube/config/Redaction.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace fd::cli {

namespace {

// "30s", "5m", "2h", "1d" → seconds; or an RFC 3339 time.
std::optional<QDateTime> parseSince(const QString &text, const QDateTime &now)
{
    static const QRegularExpression duration(QStringLiteral("^(\\d+)([smhd])$"));
    const QRegularExpressionMatch match = duration.match(text);
    if (match.hasMatch()) {
        const qint64 value = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 factor = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : 86400;
        return now.addSecs(-value * factor);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

QString formatLine(const fd::engine::LogLine &line, bool json)
{
    const QString time = line.time.toString(Qt::ISODateWithMs);
    const QString text = fd::kube::redactSecrets(line.text);
    if (!json)
        return QStringLiteral("%1 %2/%3 %4").arg(time, line.pod, line.container, text);
    QJsonObject object{{QStringLiteral("time"), time},
                       {QStringLiteral("pod"), line.pod},
                       {QStringLiteral("container"), line.container},
                       {QStringLiteral("message"), text}};
    if (line.gap)
        object.insert(QStringLiteral("gap"), true);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString LogsCommand::summary() const
{
    return CliText::tr("Print or follow the logs of a function, package build, environment, tenant, the control plane or a pod");
}

int LogsCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addPositionalArgument(QStringLiteral("kind"), CliText::tr("fn, pkg, env, tenant, controlplane or pod"));
    parser.addPositionalArgument(QStringLiteral("name"), CliText::tr("The object's name (controlplane: the release namespace, optional)"));
    const ClusterOptions options;
    options.addTo(parser);
    const QCommandLineOption namespaceOption({QStringLiteral("n"), QStringLiteral("namespace")},
                                             CliText::tr("The object's namespace (default: default)."), QStringLiteral("namespace"),
                                             QStringLiteral("default"));
    const QCommandLineOption followOption({QStringLiteral("f"), QStringLiteral("follow")},
                                          CliText::tr("Keep following new lines and new pods until interrupted."));
    const QCommandLineOption sinceOption(QStringLiteral("since"), CliText::tr("Only lines newer than a duration (30s, 5m, 2h, 1d) or an RFC 3339 time."),
                                         QStringLiteral("duration"));
    const QCommandLineOption grepOption(QStringLiteral("grep"), CliText::tr("Only lines matching this regular expression."),
                                        QStringLiteral("regex"));
    const QCommandLineOption previousOption({QStringLiteral("p"), QStringLiteral("previous")},
                                            CliText::tr("The previous instance's log of each restarted container (not with -f)."));
    parser.addOptions({namespaceOption, followOption, sinceOption, grepOption, previousOption});
    int code = ExitOk;
    const auto parsed = parseClusterArgs(name(), parser, options, args, io, &code);
    if (!parsed)
        return code;
    const QString prefix = QStringLiteral("fission-desk-cli logs: ");
    const QStringList &positional = parsed->positional;
    const auto kind = positional.isEmpty() ? std::nullopt : fd::engine::LogSource::kindFromId(positional.first());
    using Kind = fd::engine::LogSource::Kind;
    if (!kind || positional.size() > 2 || (positional.size() < 2 && *kind != Kind::ControlPlane)
        || (parser.isSet(previousOption) && parser.isSet(followOption))) {
        io.err << prefix << CliText::tr("usage: logs (fn|pkg|env|tenant|controlplane|pod) NAME [-n NS] [-f | -p] [--since D] [--grep RE]") << '\n';
        return ExitUsage;
    }
    const QString objectName = positional.value(1);
    fd::engine::LogFollowOptions followOptions;
    followOptions.follow = parser.isSet(followOption);
    followOptions.previous = parser.isSet(previousOption);
    if (parser.isSet(sinceOption)) {
        followOptions.since = parseSince(parser.value(sinceOption), QDateTime::currentDateTimeUtc());
        if (!followOptions.since) {
            io.err << prefix << CliText::tr("--since needs a duration (30s, 5m, 2h, 1d) or an RFC 3339 time") << '\n';
            return ExitUsage;
        }
    }
    std::optional<QRegularExpression> grep;
    if (parser.isSet(grepOption)) {
        grep = QRegularExpression(parser.value(grepOption));
        if (!grep->isValid()) {
            io.err << prefix << CliText::tr("invalid --grep pattern: %1").arg(grep->errorString()) << '\n';
            return ExitUsage;
        }
    }

    auto session = connectLiveCluster(name(), *parsed, io);
    if (!session)
        return ExitUsage;
    const QString ns = (*kind == Kind::ControlPlane && !parser.isSet(namespaceOption)) ? QString() : parser.value(namespaceOption);
    const auto source = fd::engine::resolveLogSource(*session->snapshot(), *kind, ns, objectName);
    if (!source) {
        io.err << prefix << source.error() << '\n';
        return ExitUsage;
    }
    auto follow = fd::engine::followLogs(*session, *source, followOptions);
    if (!follow) {
        io.err << prefix << CliText::tr("the cluster connection cannot follow logs") << '\n';
        return ExitUsage;
    }

    bool problems = false;
    fd::engine::LogLines collected;
    auto print = [&](const fd::engine::LogLines &lines) {
        for (const fd::engine::LogLine &line : lines) {
            if (grep && !line.gap && !grep->match(line.text).hasMatch())
                continue;
            io.out << formatLine(line, parsed->json) << '\n';
        }
        io.out.flush();
    };
    QEventLoop loop;
    QObject::connect(follow.get(), &fd::engine::LogFollow::linesArrived, &loop, [&](const fd::engine::LogLines &lines) {
        if (followOptions.follow)
            print(lines);
        else
            collected += lines; // merged across pods once everything is in
    });
    QObject::connect(follow.get(), &fd::engine::LogFollow::problem, &loop, [&](const QString &message) {
        problems = true;
        io.err << prefix << message << '\n';
        io.err.flush();
    });
    QObject::connect(follow.get(), &fd::engine::LogFollow::finished, &loop, &QEventLoop::quit);
    if (followOptions.follow)
        quitOnTerminationSignals();
    loop.exec();
    if (!followOptions.follow) {
        std::stable_sort(collected.begin(), collected.end(), fd::engine::logLineBefore);
        print(collected);
    }
    return problems ? ExitProblems : ExitOk;
}

} // namespace fd::cli
