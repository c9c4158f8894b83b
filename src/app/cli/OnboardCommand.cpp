#include "app/cli/OnboardCommand.h"

#include "app/cli/OnboardingCli.h"

using namespace Qt::StringLiterals;

namespace fd::cli {

QString OnboardCommand::summary() const
{
    return CliText::tr("Make Fission serve namespaces (Helm upgrade or FissionTenants)");
}

int OnboardCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const OnboardingOptions options;
    options.addTo(parser);
    const QCommandLineOption yes({u"y"_s, u"yes"_s}, CliText::tr("Do not ask for confirmation."));
    const QCommandLineOption adopt(u"adopt"_s, CliText::tr("Also set executor.adoptExistingResources: true so function pods survive the restart."));
    const QCommandLineOption noCreate(u"no-create-namespace"_s, CliText::tr("Fail instead of creating namespaces that do not exist."));
    parser.addOptions({yes, adopt, noCreate});
    OnboardingCliContext context(name(), io);
    if (const auto code = context.parse(parser, options, args))
        return *code;
    if (context.json() && !parser.isSet(yes)) {
        context.error(CliText::tr("-o json needs --yes (there is no prompt in JSON mode)"));
        return ExitUsage;
    }
    if (!context.connect() || !context.probe())
        return ExitProblems;
    if (!context.isHelmWorld()) {
        fd::engine::onboarding::TenantRunOptions runOptions;
        runOptions.createMissingNamespaces = !parser.isSet(noCreate);
        return context.runTenants(context.planTenants(context.namespaces(), {}), runOptions, parser.isSet(yes));
    }
    const auto plan = context.planHelm(context.namespaces(), {});
    if (!plan)
        return ExitProblems;
    fd::engine::onboarding::RunOptions runOptions;
    runOptions.createMissingNamespaces = !parser.isSet(noCreate);
    runOptions.useAdoptAlternative = parser.isSet(adopt);
    return context.runHelm(*plan, runOptions, parser.isSet(yes));
}

} // namespace fd::cli
