#include "app/cli/ContextsCommand.h"

#include "app/cli/ClusterCli.h"
#include "kube/config/ExecCredentialPlugin.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/config/Redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace fd::cli {

using namespace fd::kube;

namespace {

// The command's texts, in translation context "CliText": lupdate names the context after the
// class whatever Q_DECLARE_TR_FUNCTIONS says, so the runtime context must be the class name too.
QString severityPrefixed(const ConfigProblem &problem, const QString &text)
{
    return problem.isError() ? CliText::tr("error: %1").arg(text) : CliText::tr("warning: %1").arg(text);
}

struct ExecCheck {
    enum class Status { Ok, Error, Skipped };
    Status status = Status::Skipped;
    QDateTime expires;
    QString error;
};

struct Row {
    const ContextEntry *context = nullptr;
    std::optional<ExecCheck> exec; // for contexts whose user authenticates with exec
    bool usable = false;
    QString state; // ok | broken | exec-error | exec-unchecked
    QString stateText;
};

QJsonObject problemJson(const ConfigProblem &problem)
{
    return {{QStringLiteral("severity"), problem.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("file"), problem.file},
            {QStringLiteral("line"), problem.line},
            {QStringLiteral("column"), problem.column},
            {QStringLiteral("entry"), problem.entry},
            {QStringLiteral("message"), redactSecrets(problem.message)},
            {QStringLiteral("text"), redactSecrets(problem.toString())}};
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text.simplified();
}

} // namespace

QString ContextsCommand::summary() const
{
    return CliText::tr("List the kubeconfig contexts and check that each one can be used");
}

int ContextsCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          CliText::tr("Output format: table (default) or json."), QStringLiteral("format"),
                                          QStringLiteral("table"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig"),
                                              CliText::tr("Read only this kubeconfig file (instead of KUBECONFIG or ~/.kube/config)."),
                                              QStringLiteral("file"));
    const QCommandLineOption noExecOption(QStringLiteral("no-exec"), CliText::tr("Do not run exec credential plugins."));
    const QCommandLineOption timeoutOption(QStringLiteral("exec-timeout"), CliText::tr("Timeout for each exec plugin, in seconds (default 30)."),
                                           QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption verboseOption({QStringLiteral("v"), QStringLiteral("verbose")}, CliText::tr("Print every problem and warning."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, CliText::tr("Show this help."));
    parser.addOptions({outputOption, kubeconfigOption, noExecOption, timeoutOption, verboseOption, helpOption});

    if (!parser.parse(QStringList{QStringLiteral("fission-desk-cli contexts")} + args)) {
        io.err << "fission-desk-cli contexts: " << parser.errorText() << '\n'
               << CliText::tr("Run 'fission-desk-cli contexts --help' for usage.") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        io.out << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        io.err << "fission-desk-cli contexts: " << CliText::tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst()) << '\n';
        return ExitUsage;
    }
    const QString output = parser.value(outputOption);
    if (output != QLatin1String("table") && output != QLatin1String("json")) {
        io.err << "fission-desk-cli contexts: " << CliText::tr("unknown output format \"%1\" (use table or json)").arg(output) << '\n';
        return ExitUsage;
    }
    bool timeoutOk = false;
    const double timeoutSeconds = parser.value(timeoutOption).toDouble(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
        io.err << "fission-desk-cli contexts: " << CliText::tr("--exec-timeout must be a number of seconds between 0 and 3600") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(kubeconfigOption) && parser.value(kubeconfigOption).isEmpty()) {
        io.err << "fission-desk-cli contexts: " << CliText::tr("--kubeconfig needs a file name") << '\n';
        return ExitUsage;
    }

    LoadOptions options;
    options.explicitFile = parser.value(kubeconfigOption);
    const KubeconfigSet set = KubeconfigLoader::load(options);
    const bool json = output == QLatin1String("json");

    if (!set.hasAnyFile()) {
        for (const ConfigProblem &problem : set.problems)
            io.err << CliText::tr("error: %1").arg(redactSecrets(problem.toString())) << '\n';
        if (json) {
            QJsonArray problems;
            for (const ConfigProblem &problem : set.problems)
                problems.append(problemJson(problem));
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("ContextList")},
                                                {QStringLiteral("version"), 1},
                                                {QStringLiteral("files"), QJsonArray()},
                                                {QStringLiteral("missingFiles"), QJsonArray::fromStringList(set.missingFiles)},
                                                {QStringLiteral("currentContext"), set.currentContext},
                                                {QStringLiteral("contexts"), QJsonArray()},
                                                {QStringLiteral("problems"), problems}})
                          .toJson(QJsonDocument::Indented);
        }
        return ExitUsage;
    }

    // Run the exec plugins of usable contexts, each distinct plugin once, all in parallel.
    std::vector<Row> rows;
    rows.reserve(static_cast<size_t>(set.contexts.size()));
    std::vector<std::unique_ptr<ExecCredentialPlugin>> plugins;
    QHash<QString, size_t> pluginIndexByKey;
    std::vector<std::pair<size_t, size_t>> rowPlugin; // row index → plugin index
    for (const ContextEntry &context : set.contexts) {
        Row row;
        row.context = &context;
        if (context.user && context.user->exec && context.user->primaryAuthMethod() == AuthMethod::Exec) {
            row.exec = ExecCheck{};
            if (context.isUsable() && !parser.isSet(noExecOption)) {
                ExecPluginSpec spec;
                spec.contextName = context.name;
                spec.exec = *context.user->exec;
                spec.cluster = context.cluster;
                spec.timeoutMs = static_cast<int>(timeoutSeconds * 1000);
                const QString key = spec.cacheKey();
                auto it = pluginIndexByKey.constFind(key);
                if (it == pluginIndexByKey.constEnd()) {
                    plugins.push_back(std::make_unique<ExecCredentialPlugin>(spec));
                    it = pluginIndexByKey.insert(key, plugins.size() - 1);
                }
                rowPlugin.emplace_back(rows.size(), *it);
            }
        }
        rows.push_back(row);
    }
    std::vector<QFuture<ExecResult>> futures;
    futures.reserve(plugins.size());
    for (const auto &plugin : plugins)
        futures.push_back(plugin->credential());
    for (auto &future : futures)
        future.waitForFinished();
    for (const auto &[rowIndex, pluginIndex] : rowPlugin) {
        const ExecResult result = futures[pluginIndex].result();
        ExecCheck &check = *rows[rowIndex].exec;
        if (result) {
            check.status = ExecCheck::Status::Ok;
            check.expires = result->expirationTimestamp;
        } else {
            check.status = ExecCheck::Status::Error;
            check.error = oneLine(redactAll(result.error().message, rows[rowIndex].context->user->secretValues()));
        }
    }

    // States.
    bool allUsable = true;
    for (Row &row : rows) {
        const ContextEntry &context = *row.context;
        if (const auto error = context.firstError()) {
            row.state = QStringLiteral("broken");
            const qsizetype errors = std::count_if(context.problems.begin(), context.problems.end(),
                                                   [](const ConfigProblem &p) { return p.isError(); });
            row.stateText = CliText::tr("broken: %1").arg(oneLine(redactSecrets(error->toString())));
            if (errors > 1)
                row.stateText += CliText::tr(" (+%1 more)").arg(errors - 1);
        } else if (!context.isUsable()) {
            row.state = QStringLiteral("broken");
            row.stateText = CliText::tr("broken: %1").arg(CliText::tr("the cluster or user could not be resolved"));
        } else if (row.exec && row.exec->status == ExecCheck::Status::Ok) {
            row.state = QStringLiteral("ok");
            row.stateText = row.exec->expires.isValid()
                ? CliText::tr("exec: credential ok (expires %1)").arg(row.exec->expires.toUTC().toString(Qt::ISODate))
                : CliText::tr("exec: credential ok (no expiry)");
        } else if (row.exec && row.exec->status == ExecCheck::Status::Error) {
            row.state = QStringLiteral("exec-error");
            row.stateText = CliText::tr("exec: %1").arg(row.exec->error);
        } else if (row.exec) {
            row.state = QStringLiteral("exec-unchecked");
            row.stateText = CliText::tr("exec: not checked");
        } else {
            row.state = QStringLiteral("ok");
            row.stateText = CliText::tr("ok");
        }
        row.usable = row.state == QLatin1String("ok") || row.state == QLatin1String("exec-unchecked");
        if (!row.usable)
            allUsable = false;
    }
    const bool setErrors = std::any_of(set.problems.begin(), set.problems.end(), [](const ConfigProblem &p) { return p.isError(); });

    if (json) {
        QJsonArray contexts;
        for (const Row &row : rows) {
            const ContextEntry &context = *row.context;
            QJsonValue exec = QJsonValue::Null;
            if (row.exec) {
                const ExecConfig *config = context.user && context.user->exec ? &*context.user->exec : nullptr;
                QString status = QStringLiteral("skipped");
                if (row.exec->status == ExecCheck::Status::Ok)
                    status = QStringLiteral("ok");
                else if (row.exec->status == ExecCheck::Status::Error)
                    status = QStringLiteral("error");
                exec = QJsonObject{
                    {QStringLiteral("command"), config ? config->command : QString()},
                    {QStringLiteral("apiVersion"), config ? config->apiVersion : QString()},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("expirationTimestamp"), row.exec->expires.isValid()
                         ? QJsonValue(row.exec->expires.toUTC().toString(Qt::ISODate))
                         : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("error"), row.exec->status == ExecCheck::Status::Error ? QJsonValue(row.exec->error)
                                                                                           : QJsonValue(QJsonValue::Null)}};
            }
            QJsonArray problems;
            for (const ConfigProblem &problem : context.problems)
                problems.append(problemJson(problem));
            contexts.append(QJsonObject{
                {QStringLiteral("name"), context.name},
                {QStringLiteral("cluster"), context.clusterName},
                {QStringLiteral("user"), context.userName},
                {QStringLiteral("namespace"), context.namespaceName},
                {QStringLiteral("current"), context.isCurrent},
                {QStringLiteral("sourceFile"), context.sourceFile},
                {QStringLiteral("server"), context.cluster ? redactUrl(context.cluster->server) : QString()},
                {QStringLiteral("auth"), authMethodName(context.user ? context.user->primaryAuthMethod() : AuthMethod::None)},
                {QStringLiteral("usable"), row.usable},
                {QStringLiteral("state"), row.state},
                {QStringLiteral("stateText"), row.stateText},
                {QStringLiteral("exec"), exec},
                {QStringLiteral("problems"), problems}});
        }
        QJsonArray problems;
        for (const ConfigProblem &problem : set.problems)
            problems.append(problemJson(problem));
        io.out << QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("ContextList")},
                                            {QStringLiteral("version"), 1},
                                            {QStringLiteral("files"), QJsonArray::fromStringList(set.files)},
                                            {QStringLiteral("missingFiles"), QJsonArray::fromStringList(set.missingFiles)},
                                            {QStringLiteral("currentContext"), set.currentContext},
                                            {QStringLiteral("contexts"), contexts},
                                            {QStringLiteral("problems"), problems}})
                      .toJson(QJsonDocument::Indented);
    } else {
        QList<QStringList> table;
        table.append({QStringLiteral("NAME"), QStringLiteral("CLUSTER"), QStringLiteral("USER"), QStringLiteral("NAMESPACE"),
                      QStringLiteral("CURRENT"), QStringLiteral("STATE")});
        for (const Row &row : rows) {
            const ContextEntry &context = *row.context;
            table.append({context.name, context.clusterName, context.userName, context.namespaceName,
                          context.isCurrent ? QStringLiteral("*") : QString(), row.stateText});
        }
        if (!rows.empty())
            printTable(table, io.out);
    }
    io.out.flush();

    for (const ConfigProblem &problem : set.problems) {
        if (problem.isError() || parser.isSet(verboseOption))
            io.err << severityPrefixed(problem, oneLine(redactSecrets(problem.toString()))) << '\n';
    }
    if (parser.isSet(verboseOption)) {
        for (const Row &row : rows) {
            for (const ConfigProblem &problem : row.context->problems) {
                io.err << severityPrefixed(problem, CliText::tr("context %1: %2").arg(row.context->name,
                                                                             oneLine(redactSecrets(problem.toString()))))
                       << '\n';
            }
        }
    }
    if (rows.empty()) {
        if (!setErrors) {
            io.err << "fission-desk-cli contexts: " << CliText::tr("no contexts in %1").arg(set.files.join(QStringLiteral(", "))) << '\n';
            return ExitUsage;
        }
        return ExitProblems;
    }
    return allUsable && !setErrors ? ExitOk : ExitProblems;
}

} // namespace fd::cli
