#include "helm/HelmCommands.h"

#include "helm/HelmTr.h"
#include "helm/ReleaseDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace fd::helm {

using detail::translate;

namespace {

QString flag(const QString &name, const QString &value)
{
    return u"--"_s + name + u'=' + value;
}

QStringList namespaceFlag(const QString &namespaceName)
{
    return namespaceName.isEmpty() ? QStringList() : QStringList{flag(u"namespace"_s, namespaceName)};
}

QString dryRunValue(DryRun dryRun)
{
    return dryRun == DryRun::Server ? u"server"_s : u"client"_s;
}

QString seconds(int value)
{
    return QString::number(value) + u's';
}

fd::Unexpected<HelmError> badOutput(const QString &what, const QString &detail)
{
    HelmError error;
    error.kind = HelmErrorKind::BadOutput;
    error.exitCode = 0;
    error.message = translate("fd::helm", "helm's %1 output could not be read: %2").arg(what, detail);
    return fd::Unexpected(error);
}

fd::Expected<QJsonDocument, HelmError> parseDocument(const HelmOutput &output, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output.standardOutput.trimmed(), &error);
    if (error.error != QJsonParseError::NoError)
        return badOutput(what, error.errorString());
    return document;
}

} // namespace

namespace commands {

HelmInvocation version()
{
    HelmInvocation invocation = HelmInvocation::fixed({u"version"_s, u"--short"_s}, false);
    invocation.timeoutMs = 30'000;
    invocation.description = u"helm version"_s;
    return invocation;
}

HelmInvocation templateChart(const TemplateRequest &request)
{
    HelmInvocation invocation;
    invocation.usesCluster = false; // rendering offline: no cluster lookups
    invocation.description = u"helm template "_s + request.release;
    invocation.timeoutMs = 5 * 60 * 1000;
    invocation.arguments = [request](const HelmBinary &) {
        QStringList arguments{u"template"_s};
        arguments += namespaceFlag(request.namespaceName);
        if (!request.chartVersion.isEmpty())
            arguments += flag(u"version"_s, request.chartVersion);
        for (const QString &file : request.valuesFiles)
            arguments += flag(u"values"_s, file);
        if (!request.kubeVersion.isEmpty())
            arguments += flag(u"kube-version"_s, request.kubeVersion);
        for (const QString &api : request.apiVersions)
            arguments += flag(u"api-versions"_s, api);
        for (const QString &only : request.showOnly)
            arguments += flag(u"show-only"_s, only);
        if (request.includeCrds)
            arguments += u"--include-crds"_s;
        arguments += {u"--"_s, request.release, request.chart};
        return arguments;
    };
    return invocation;
}

HelmInvocation upgrade(const UpgradeRequest &request)
{
    HelmInvocation invocation;
    invocation.description = u"helm upgrade "_s + request.release;
    // Our limit sits above helm's own --timeout, so helm reports its timeout itself.
    invocation.timeoutMs = (request.timeoutSeconds + 120) * 1000;
    invocation.arguments = [request](const HelmBinary &binary) {
        QStringList arguments{u"upgrade"_s};
        arguments += namespaceFlag(request.namespaceName);
        if (request.install)
            arguments += u"--install"_s;
        if (!request.chartVersion.isEmpty())
            arguments += flag(u"version"_s, request.chartVersion);
        for (const QString &file : request.valuesFiles)
            arguments += flag(u"values"_s, file);
        if (request.resetValues)
            arguments += u"--reset-values"_s;
        if (request.reuseValues)
            arguments += u"--reuse-values"_s;
        if (request.resetThenReuseValues)
            arguments += u"--reset-then-reuse-values"_s;
        if (request.dryRun != DryRun::None)
            arguments += flag(u"dry-run"_s, dryRunValue(request.dryRun));
        if (request.historyMax >= 0)
            arguments += flag(u"history-max"_s, QString::number(request.historyMax));
        if (request.wait)
            arguments += binary.isHelm4() ? flag(u"wait"_s, u"watcher"_s) : u"--wait"_s;
        arguments += flag(u"timeout"_s, seconds(request.timeoutSeconds));
        if (request.rollbackOnFailure)
            arguments += binary.isHelm4() ? u"--rollback-on-failure"_s : u"--atomic"_s;
        if (request.cleanupOnFail)
            arguments += u"--cleanup-on-fail"_s;
        if (!request.description.isEmpty())
            arguments += flag(u"description"_s, request.description);
        if (request.jsonOutput)
            arguments += flag(u"output"_s, u"json"_s);
        arguments += {u"--"_s, request.release, request.chart};
        return arguments;
    };
    return invocation;
}

HelmInvocation rollback(const RollbackRequest &request)
{
    HelmInvocation invocation;
    invocation.description = u"helm rollback "_s + request.release;
    invocation.timeoutMs = (request.timeoutSeconds + 120) * 1000;
    invocation.arguments = [request](const HelmBinary &binary) {
        QStringList arguments{u"rollback"_s};
        arguments += namespaceFlag(request.namespaceName);
        if (request.historyMax >= 0)
            arguments += flag(u"history-max"_s, QString::number(request.historyMax));
        if (request.wait)
            arguments += binary.isHelm4() ? flag(u"wait"_s, u"watcher"_s) : u"--wait"_s;
        arguments += flag(u"timeout"_s, seconds(request.timeoutSeconds));
        if (request.cleanupOnFail)
            arguments += u"--cleanup-on-fail"_s;
        arguments += {u"--"_s, request.release};
        if (request.revision > 0)
            arguments += QString::number(request.revision);
        return arguments;
    };
    return invocation;
}

HelmInvocation history(const QString &release, const QString &namespaceName, int max)
{
    QStringList arguments{u"history"_s};
    arguments += namespaceFlag(namespaceName);
    if (max > 0)
        arguments += flag(u"max"_s, QString::number(max));
    arguments += {flag(u"output"_s, u"json"_s), u"--"_s, release};
    HelmInvocation invocation = HelmInvocation::fixed(arguments);
    invocation.description = u"helm history "_s + release;
    invocation.timeoutMs = 2 * 60 * 1000;
    return invocation;
}

HelmInvocation getValues(const QString &release, const QString &namespaceName, bool all, int revision)
{
    QStringList arguments{u"get"_s, u"values"_s};
    arguments += namespaceFlag(namespaceName);
    if (all)
        arguments += u"--all"_s;
    if (revision > 0)
        arguments += flag(u"revision"_s, QString::number(revision));
    arguments += {flag(u"output"_s, u"json"_s), u"--"_s, release};
    HelmInvocation invocation = HelmInvocation::fixed(arguments);
    invocation.description = u"helm get values "_s + release;
    invocation.timeoutMs = 2 * 60 * 1000;
    return invocation;
}

HelmInvocation getManifest(const QString &release, const QString &namespaceName, int revision)
{
    QStringList arguments{u"get"_s, u"manifest"_s};
    arguments += namespaceFlag(namespaceName);
    if (revision > 0)
        arguments += flag(u"revision"_s, QString::number(revision));
    arguments += {u"--"_s, release};
    HelmInvocation invocation = HelmInvocation::fixed(arguments);
    invocation.description = u"helm get manifest "_s + release;
    invocation.timeoutMs = 2 * 60 * 1000;
    return invocation;
}

HelmInvocation status(const QString &release, const QString &namespaceName, int revision)
{
    QStringList arguments{u"status"_s};
    arguments += namespaceFlag(namespaceName);
    if (revision > 0)
        arguments += flag(u"revision"_s, QString::number(revision));
    arguments += {flag(u"output"_s, u"json"_s), u"--"_s, release};
    HelmInvocation invocation = HelmInvocation::fixed(arguments);
    invocation.description = u"helm status "_s + release;
    invocation.timeoutMs = 2 * 60 * 1000;
    return invocation;
}

} // namespace commands

fd::Expected<QList<HistoryEntry>, HelmError> parseHistory(const HelmOutput &output)
{
    auto document = parseDocument(output, u"history"_s);
    if (!document)
        return fd::Unexpected(document.error());
    if (!document->isArray())
        return badOutput(u"history"_s, translate("fd::helm", "not a list"));
    QList<HistoryEntry> entries;
    const QJsonArray array = document->array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        HistoryEntry entry;
        entry.revision = object.value("revision"_L1).toInt();
        entry.updated = parseHelmTime(object.value("updated"_L1).toString());
        entry.statusText = object.value("status"_L1).toString();
        entry.status = releaseStatusFromName(entry.statusText);
        entry.chart = object.value("chart"_L1).toString();
        entry.appVersion = object.value("app_version"_L1).toString();
        entry.description = object.value("description"_L1).toString();
        entries.append(entry);
    }
    return entries;
}

fd::Expected<QJsonObject, HelmError> parseValues(const HelmOutput &output)
{
    const QByteArray trimmed = output.standardOutput.trimmed();
    if (trimmed.isEmpty() || trimmed == "null")
        return QJsonObject();
    auto document = parseDocument(output, u"values"_s);
    if (!document)
        return fd::Unexpected(document.error());
    if (document->isNull())
        return QJsonObject();
    if (!document->isObject())
        return badOutput(u"values"_s, translate("fd::helm", "not a map"));
    return document->object();
}

fd::Expected<Release, HelmError> parseReleaseOutput(const HelmOutput &output)
{
    auto release = ReleaseDecoder::parseJson(output.standardOutput.trimmed());
    if (!release)
        return badOutput(u"release"_s, release.error().message);
    return std::move(release).value();
}

} // namespace fd::helm
