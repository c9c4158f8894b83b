// fission-desk-cli: the command-line face of Fission Desk. `fission-desk-cli <command> …`; each
// command is a small class under app/cli/ (CliCommand), picked by name here.
#include "app/cli/CliCommand.h"
#include "app/cli/ContextsCommand.h"
#include "app/cli/DescribeCommand.h"
#include "app/cli/DoctorCommand.h"
#include "app/cli/LogsCommand.h"
#include "app/cli/TenantsCommand.h"
#include "app/cli/OffboardCommand.h"
#include "app/cli/OnboardCommand.h"
#include "app/cli/PlanCommand.h"
#include "app/i18n/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

std::vector<std::unique_ptr<fd::cli::CliCommand>> makeCommands()
{
    std::vector<std::unique_ptr<fd::cli::CliCommand>> commands;
    commands.push_back(std::make_unique<fd::cli::ContextsCommand>());
    commands.push_back(std::make_unique<fd::cli::TenantsCommand>());
    commands.push_back(std::make_unique<fd::cli::DoctorCommand>());
    commands.push_back(std::make_unique<fd::cli::DescribeCommand>());
    commands.push_back(std::make_unique<fd::cli::LogsCommand>());
    commands.push_back(std::make_unique<fd::cli::PlanCommand>());
    commands.push_back(std::make_unique<fd::cli::OnboardCommand>());
    commands.push_back(std::make_unique<fd::cli::OffboardCommand>());
    return commands;
}

void printUsage(QTextStream &stream, const std::vector<std::unique_ptr<fd::cli::CliCommand>> &commands)
{
    stream << QCoreApplication::translate("fd::cli", "Usage: fission-desk-cli <command> [options]") << "\n\n"
           << QCoreApplication::translate("fd::cli", "Commands:") << '\n';
    qsizetype width = 0;
    for (const auto &command : commands)
        width = std::max(width, command->name().size());
    for (const auto &command : commands)
        stream << "  " << command->name().leftJustified(width + 2) << command->summary() << '\n';
    stream << '\n'
           << QCoreApplication::translate("fd::cli", "Run 'fission-desk-cli <command> --help' for the options of a command.")
           << '\n';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fission-desk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FD_VERSION));
    fd::app::installTranslations(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    fd::cli::CliIo io{out, err};
    const auto commands = makeCommands();

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printUsage(err, commands);
        return fd::cli::ExitUsage;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("-h") || name == QLatin1String("--help") || name == QLatin1String("help")) {
        printUsage(out, commands);
        return fd::cli::ExitOk;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("version")) {
        out << "fission-desk-cli " << QCoreApplication::applicationVersion() << '\n';
        return fd::cli::ExitOk;
    }
    for (const auto &command : commands) {
        if (command->name() == name) {
            const int code = command->run(args, io);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << QCoreApplication::translate("fd::cli", "fission-desk-cli: unknown command \"%1\"").arg(name) << "\n\n";
    printUsage(err, commands);
    return fd::cli::ExitUsage;
}
