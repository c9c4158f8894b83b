#include "app/cli/DescribeCommand.h"

#include "app/cli/ClusterCli.h"
#include "fission/FissionJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace fd::cli {

using fd::fission::Finding;

namespace {

// Findings about a namespace: their subject, or any of their evidence or symptoms, is in it.
bool concerns(const Finding &f, const QString &ns)
{
    if (f.subject == QStringLiteral("Namespace/") + ns || f.subject.contains(QLatin1Char('/') + ns + QLatin1Char('/')))
        return true;
    for (const fd::fission::Evidence &e : f.evidence) {
        if (e.object.namespaceName == ns || (e.object.kind == QLatin1String("Namespace") && e.object.name == ns))
            return true;
    }
    for (const fd::fission::Symptom &s : f.symptoms) {
        if (s.object.namespaceName == ns)
            return true;
    }
    return false;
}

QString yesNo(bool value)
{
    return value ? CliText::tr("yes") : CliText::tr("no");
}

} // namespace

QString DescribeCommand::summary() const
{
    return CliText::tr("Describe one tenant: describe tenant NAMESPACE");
}

int DescribeCommand::run(const QStringList &args, CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addPositionalArgument(QStringLiteral("tenant"), CliText::tr("What to describe (only \"tenant\" for now)."));
    parser.addPositionalArgument(QStringLiteral("namespace"), CliText::tr("The tenant's namespace."));
    const ClusterOptions options;
    options.addTo(parser);
    int code = ExitOk;
    const auto parsed = parseClusterArgs(name(), parser, options, args, io, &code);
    if (!parsed)
        return code;
    if (parsed->positional.size() != 2 || parsed->positional.at(0) != QLatin1String("tenant")) {
        io.err << "fission-desk-cli describe: " << CliText::tr("expected: describe tenant NAMESPACE") << '\n';
        return ExitUsage;
    }
    const QString ns = parsed->positional.at(1);
    auto session = connectLiveCluster(name(), *parsed, io);
    if (!session)
        return ExitUsage;

    const fd::engine::ClusterSnapshotPtr snapshot = session->snapshot();
    const fd::fission::Tenant *tenant = snapshot->tenants.tenant(ns);
    if (!tenant) {
        io.err << "fission-desk-cli describe: "
               << CliText::tr("namespace \"%1\" is no Fission tenant in context \"%2\" (it holds no Fission objects, and "
                              "Fission neither watches it nor has a FissionTenant for it)")
                      .arg(ns, snapshot->contextName)
               << '\n';
        return ExitProblems;
    }
    QList<Finding> findings;
    for (const Finding &f : snapshot->findings) {
        if (concerns(f, ns))
            findings.append(f);
    }
    if (parsed->json) {
        io.out << QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("TenantDescription")},
                                            {QStringLiteral("version"), 1},
                                            {QStringLiteral("context"), snapshot->contextName},
                                            {QStringLiteral("tenant"), fd::fission::json::tenant(*tenant)},
                                            {QStringLiteral("findings"), fd::fission::json::findings(findings)}})
                      .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    QList<QStringList> rows;
    rows << QStringList{CliText::tr("Namespace:"), tenant->namespaceName};
    rows << QStringList{CliText::tr("State:"), fd::fission::tenantStateDisplay(tenant->state)};
    rows << QStringList{CliText::tr("Install:"), installSummary(snapshot->install)};
    rows << QStringList{CliText::tr("Watched by Fission:"), yesNo(tenant->inWatchedSet)};
    rows << QStringList{CliText::tr("Served by:"), tenant->serving.servingComponents.join(QLatin1String(", "))};
    rows << QStringList{CliText::tr("Not watched by:"), tenant->serving.lackingComponents.join(QLatin1String(", "))};
    rows << QStringList{CliText::tr("Via FissionTenant:"), yesNo(tenant->serving.viaTenant)};
    if (!tenant->tenantObjects.isEmpty())
        rows << QStringList{CliText::tr("FissionTenants:"), tenant->tenantObjects.join(QLatin1String(", "))};
    if (tenant->enabledLabel)
        rows << QStringList{CliText::tr("Label fission.io/enabled:"), *tenant->enabledLabel};
    if (tenant->namespaceKnown)
        rows << QStringList{CliText::tr("Namespace exists:"), yesNo(tenant->namespaceExists)};
    QStringList counts;
    for (auto it = tenant->counts.cbegin(); it != tenant->counts.cend(); ++it)
        counts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    rows << QStringList{CliText::tr("Objects:"), counts.isEmpty() ? CliText::tr("none") : counts.join(QLatin1String(", "))};
    printTable(rows, io.out);
    io.out << '\n';
    if (findings.isEmpty()) {
        io.out << CliText::tr("No findings about this tenant.") << '\n';
        return ExitOk;
    }
    io.out << CliText::tr("Findings:") << '\n';
    for (const Finding &f : findings) {
        io.out << "  " << fd::fission::severityId(f.severity) << ' ' << f.id() << ": " << f.title << '\n';
        for (const fd::fission::Symptom &s : f.symptoms)
            io.out << "    " << CliText::tr("symptom %1: %2").arg(s.id, s.text) << '\n';
        for (const fd::fission::FixAction &fix : f.fixes)
            io.out << "    " << CliText::tr("fix: %1").arg(fd::fission::fixActionTitle(fix)) << '\n';
    }
    return ExitOk;
}

} // namespace fd::cli
