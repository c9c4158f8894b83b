#include "app/cli/OffboardCommand.h"

#include "app/cli/OnboardingCli.h"

using namespace Qt::StringLiterals;

namespace fd::cli {

QString OffboardCommand::summary() const
{
    return CliText::tr("Stop Fission serving namespaces, optionally deleting them");
}

int OffboardCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const OnboardingOptions options;
    options.addTo(parser);
    const QCommandLineOption yes({u"y"_s, u"yes"_s}, CliText::tr("Do not ask for confirmation."));
    const QCommandLineOption deleteNamespace(u"delete-namespace"_s, CliText::tr("Delete the namespaces and everything in them afterwards."));
    const QCommandLineOption force(u"force"_s, CliText::tr("Offboard although functions remain in the namespace."));
    parser.addOptions({yes, deleteNamespace, force, options.at});
    OnboardingCliContext context(name(), io);
    if (const auto code = context.parse(parser, options, args))
        return *code;
    if (const auto code = context.prepareRun(parser, yes, options.at, CliText::tr("offboard %1 in context %2")))
        return *code;
    if (!context.isHelmWorld()) {
        fd::engine::onboarding::TenantRunOptions runOptions;
        runOptions.force = parser.isSet(force);
        runOptions.deleteNamespaces = parser.isSet(deleteNamespace);
        return context.runTenants(context.planTenants({}, context.namespaces()), runOptions, parser.isSet(yes));
    }
    const auto plan = context.planHelm({}, context.namespaces());
    if (!plan)
        return ExitProblems;
    fd::engine::onboarding::RunOptions runOptions;
    runOptions.deleteRemovedNamespaces = parser.isSet(deleteNamespace);
    return context.runHelm(*plan, runOptions, parser.isSet(yes));
}

} // namespace fd::cli
