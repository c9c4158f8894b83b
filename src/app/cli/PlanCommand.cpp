#include "app/cli/PlanCommand.h"

#include "app/cli/OnboardingCli.h"

using namespace Qt::StringLiterals;

namespace fd::cli {

QString PlanCommand::summary() const
{
    return CliText::tr("Show what onboarding namespaces would change (nothing is changed)");
}

int PlanCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const OnboardingOptions options;
    options.addTo(parser);
    const QCommandLineOption offboard(u"offboard"_s, CliText::tr("Plan removing the namespaces instead of adding them."));
    parser.addOption(offboard);
    OnboardingCliContext context(name(), io);
    if (const auto code = context.parse(parser, options, args))
        return *code;
    if (!context.connect() || !context.probe())
        return ExitProblems;
    const bool remove = parser.isSet(offboard);
    if (!context.isHelmWorld()) {
        context.printPlan(context.planTenants(remove ? QStringList() : context.namespaces(), remove ? context.namespaces() : QStringList()));
        return ExitOk;
    }
    const auto plan = context.planHelm(remove ? QStringList() : context.namespaces(), remove ? context.namespaces() : QStringList());
    if (!plan)
        return ExitProblems;
    context.printPlan(*plan);
    return ExitOk;
}

} // namespace fd::cli
