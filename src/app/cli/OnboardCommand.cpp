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
    const QCommandLineOption label(u"label"_s, CliText::tr("Dynamic tenancy: label the namespaces fission.io/enabled=true instead of "
                                                           "creating FissionTenants (the tenant controller creates them)."));
    parser.addOptions({yes, adopt, noCreate, label, options.at});
    OnboardingCliContext context(name(), io);
    if (const auto code = context.parse(parser, options, args))
        return *code;
    if (const auto code = context.prepareRun(parser, yes, options.at, CliText::tr("onboard %1 in context %2")))
        return *code;
    if (!context.isHelmWorld()) {
        fd::engine::onboarding::TenantRunOptions runOptions;
        runOptions.createMissingNamespaces = !parser.isSet(noCreate);
        if (parser.isSet(label) && context.facts().install()->world != fd::fission::TenancyWorld::Dynamic) {
            context.error(CliText::tr("--label: only clusters in dynamic tenancy mode onboard by label"));
            return ExitProblems;
        }
        return context.runTenants(context.planTenants(context.namespaces(), {}, parser.isSet(label)), runOptions, parser.isSet(yes));
    }
    if (parser.isSet(label)) {
        context.error(CliText::tr("--label: this cluster reads its namespaces from the Helm values; onboarding is a Helm upgrade"));
        return ExitProblems;
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
