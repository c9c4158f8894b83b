#include "app/cli/DoctorCommand.h"

#include "app/cli/ClusterCli.h"
#include "fission/FissionJson.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace fd::cli {

using fd::fission::Finding;
using fd::fission::Severity;

namespace {

bool hasProblems(const QList<Finding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.severity != Severity::Info; });
}

void printFindings(const QList<Finding> &findings, QTextStream &out)
{
    if (findings.isEmpty()) {
        out << CliText::tr("No problems found.") << '\n';
        return;
    }
    QList<QStringList> rows;
    rows << QStringList{CliText::tr("SEVERITY"), CliText::tr("RULE"), CliText::tr("SUBJECT"), CliText::tr("TITLE")};
    int counts[3] = {0, 0, 0};
    for (const Finding &f : findings) {
        rows << QStringList{fd::fission::severityId(f.severity), f.ruleId, f.subject, f.title};
        ++counts[static_cast<int>(f.severity)];
    }
    printTable(rows, out);
    out << '\n';
    for (const Finding &f : findings) {
        out << f.id() << '\n';
        if (!f.explanation.isEmpty())
            out << "  " << f.explanation << '\n';
        for (const fd::fission::Symptom &s : f.symptoms)
            out << "  " << CliText::tr("symptom %1: %2").arg(s.id, s.text) << '\n';
        for (const fd::fission::FixAction &fix : f.fixes)
            out << "  " << CliText::tr("fix: %1").arg(fd::fission::fixActionTitle(fix)) << '\n';
    }
    out << '\n'
        << CliText::tr("%n finding(s): ", nullptr, int(findings.size()))
        << CliText::tr("%1 error(s), %2 warning(s), %3 informational")
               .arg(counts[int(Severity::Error)])
               .arg(counts[int(Severity::Warning)])
               .arg(counts[int(Severity::Info)])
        << '\n';
}

void printChanges(const fd::fission::FindingsDiff &diff, QTextStream &out)
{
    for (const Finding &f : diff.added)
        out << "+ " << fd::fission::severityId(f.severity) << ' ' << f.id() << ": " << f.title << '\n';
    for (const Finding &f : diff.changed)
        out << "~ " << fd::fission::severityId(f.severity) << ' ' << f.id() << ": " << f.title << '\n';
    for (const Finding &f : diff.resolved)
        out << "- " << f.id() << ": " << CliText::tr("resolved") << '\n';
}

} // namespace

QString DoctorCommand::summary() const
{
    return CliText::tr("Diagnose the cluster's Fission install and tenants (exit 1 when something is wrong)");
}

int DoctorCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const ClusterOptions options;
    options.addTo(parser);
    const QCommandLineOption watchOption(QStringLiteral("watch"),
                                         CliText::tr("Keep running and print findings as they appear, change and resolve, until interrupted."));
    parser.addOption(watchOption);
    int code = ExitOk;
    const auto parsed = parseClusterArgs(name(), parser, options, args, io, &code);
    if (!parsed)
        return code;
    if (!rejectPositional(name(), *parsed, io))
        return ExitUsage;
    auto session = connectLiveCluster(name(), *parsed, io);
    if (!session)
        return ExitUsage;

    fd::engine::ClusterSnapshotPtr snapshot = session->snapshot();
    QList<Finding> shown = snapshot->findings;
    const QDateTime evaluatedAt = QDateTime::currentDateTimeUtc();
    if (parsed->json) {
        QJsonObject list = fd::fission::json::findingList(shown, evaluatedAt);
        list.insert(QStringLiteral("context"), snapshot->contextName);
        // --watch prints one JSON document per line, so the first one is compact too.
        io.out << QJsonDocument(list).toJson(parser.isSet(watchOption) ? QJsonDocument::Compact : QJsonDocument::Indented);
        if (parser.isSet(watchOption))
            io.out << '\n';
    } else {
        printFindings(shown, io.out);
    }
    io.out.flush();
    if (!parser.isSet(watchOption))
        return hasProblems(shown) ? ExitProblems : ExitOk;

    fd::engine::ConnectionState lastState = snapshot->connection.state;
    QObject::connect(session.get(), &fd::engine::ClusterSession::snapshotPublished, session.get(),
                     [&](const fd::engine::ClusterSnapshotPtr &next, const fd::engine::SnapshotChange &) {
                         const QDateTime now = QDateTime::currentDateTimeUtc();
                         if (next->connection.state != lastState) {
                             lastState = next->connection.state;
                             if (parsed->json) {
                                 const QJsonObject change{{QStringLiteral("kind"), QStringLiteral("ConnectionChange")},
                                                          {QStringLiteral("version"), 1},
                                                          {QStringLiteral("context"), next->contextName},
                                                          {QStringLiteral("state"), fd::engine::connectionStateId(lastState)},
                                                          {QStringLiteral("message"), next->connection.message}};
                                 io.out << QJsonDocument(change).toJson(QJsonDocument::Compact) << '\n';
                             } else {
                                 io.out << "! " << fd::engine::connectionStateDisplay(lastState);
                                 if (!next->connection.message.isEmpty())
                                     io.out << ": " << next->connection.message;
                                 io.out << '\n';
                             }
                         }
                         const fd::fission::FindingsDiff diff = fd::fission::diffFindings(shown, next->findings);
                         shown = next->findings;
                         if (!diff.isEmpty()) {
                             if (parsed->json) {
                                 QJsonObject changes = fd::fission::json::findingChanges(diff, now);
                                 changes.insert(QStringLiteral("context"), next->contextName);
                                 io.out << QJsonDocument(changes).toJson(QJsonDocument::Compact) << '\n';
                             } else {
                                 printChanges(diff, io.out);
                             }
                         }
                         io.out.flush();
                     });
    quitOnTerminationSignals();
    QCoreApplication::exec();
    return hasProblems(shown) ? ExitProblems : ExitOk;
}

} // namespace fd::cli
