#include "app/cli/TenantsCommand.h"

#include "app/cli/ClusterCli.h"
#include "fission/FissionJson.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace fd::cli {

namespace {

int triggerCount(const fd::fission::Tenant &tenant)
{
    int n = 0;
    for (auto it = tenant.counts.cbegin(); it != tenant.counts.cend(); ++it) {
        if (it.key().endsWith(QLatin1String("Trigger")))
            n += it.value();
    }
    return n;
}

} // namespace

QString installSummary(const fd::fission::InstallReport &report)
{
    using State = fd::fission::InstallReport::State;
    switch (report.state) {
    case State::Unknown:
        return CliText::tr("Fission install unknown: %1").arg(report.unknownReason);
    case State::None:
        return report.fissionKindsServed ? CliText::tr("No Fission control plane found (the Fission CRDs are installed)")
                                         : CliText::tr("No Fission control plane found");
    case State::Single:
    case State::Several:
        break;
    }
    QStringList parts;
    for (const fd::fission::FissionInstall &install : report.installs) {
        parts << CliText::tr("Fission %1 (%2) in namespace %3")
                     .arg(install.version().isEmpty() ? CliText::tr("of unknown version") : install.version(),
                          fd::fission::tenancyWorldDisplay(install.world), install.releaseNamespace);
    }
    return parts.join(QLatin1String("; "));
}

QString TenantsCommand::summary() const
{
    return CliText::tr("List the cluster's Fission tenants (namespaces) and whether Fission serves them");
}

int TenantsCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const ClusterOptions options;
    options.addTo(parser);
    int code = ExitOk;
    const auto parsed = parseClusterArgs(name(), parser, options, args, io, &code);
    if (!parsed)
        return code;
    if (!rejectPositional(name(), *parsed, io))
        return ExitUsage;
    auto session = connectLiveCluster(name(), *parsed, io);
    if (!session)
        return ExitUsage;

    const fd::engine::ClusterSnapshotPtr snapshot = session->snapshot();
    const QList<fd::fission::Tenant> tenants = snapshot->tenants.tenants().values();
    if (parsed->json) {
        QJsonObject list = fd::fission::json::tenantList(snapshot->install, tenants);
        list.insert(QStringLiteral("context"), snapshot->contextName);
        io.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    io.out << installSummary(snapshot->install) << "\n\n";
    QList<QStringList> rows;
    rows << QStringList{CliText::tr("NAMESPACE"), CliText::tr("STATE"), CliText::tr("ENVIRONMENTS"), CliText::tr("PACKAGES"),
                        CliText::tr("FUNCTIONS"), CliText::tr("TRIGGERS"), CliText::tr("NOTE")};
    for (const fd::fission::Tenant &tenant : tenants) {
        QString note;
        if (!tenant.serving.lackingComponents.isEmpty())
            note = CliText::tr("not watched by: %1").arg(tenant.serving.lackingComponents.join(QLatin1String(", ")));
        else if (!tenant.tenantObjects.isEmpty())
            note = CliText::tr("FissionTenant: %1").arg(tenant.tenantObjects.join(QLatin1String(", ")));
        rows << QStringList{tenant.namespaceName,
                            fd::fission::tenantStateDisplay(tenant.state),
                            QString::number(tenant.counts.value(QStringLiteral("Environment"))),
                            QString::number(tenant.counts.value(QStringLiteral("Package"))),
                            QString::number(tenant.counts.value(QStringLiteral("Function"))),
                            QString::number(triggerCount(tenant)),
                            note};
    }
    if (tenants.isEmpty())
        io.out << CliText::tr("No tenants.") << '\n';
    else
        printTable(rows, io.out);
    return ExitOk;
}

} // namespace fd::cli
