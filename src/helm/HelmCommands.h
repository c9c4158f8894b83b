#pragma once

#include "common/Expected.h"
#include "helm/HelmRunner.h"
#include "helm/Release.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The helm commands the app runs, as HelmInvocations for HelmRunner, and typed readers of their
// JSON output. Arguments are built for the located Helm major version (Helm 3 and 4 differ:
// `--wait` vs `--wait=watcher`, `--atomic` vs `--rollback-on-failure`, `--server-side`).
// Flags use the `--flag=value` form and positional arguments follow `--`, so a name that
// starts with '-' can never be read as a flag.

namespace fd::helm {

enum class DryRun { None, Client, Server };

struct UpgradeRequest {
    QString release;
    QString namespaceName;
    QString chart;        // a chart directory (ChartWriter), archive or reference
    QString chartVersion; // --version for repository charts; empty = none
    QStringList valuesFiles; // -f, in order (later wins)
    bool reuseValues = false;
    bool resetValues = false;
    bool resetThenReuseValues = false;
    bool install = false; // --install
    DryRun dryRun = DryRun::None;
    int historyMax = -1; // --history-max; -1 = helm's default (10, or HELM_MAX_HISTORY)
    bool wait = false;   // Helm 4: --wait=watcher; Helm 3: --wait
    int timeoutSeconds = 300;
    bool rollbackOnFailure = false; // Helm 4: --rollback-on-failure; Helm 3: --atomic
    bool cleanupOnFail = false;
    QString description;
    bool jsonOutput = true; // -o json: the new release as JSON (parseReleaseOutput)
};

struct TemplateRequest {
    QString release;
    QString namespaceName;
    QString chart;
    QString chartVersion;
    QStringList valuesFiles;
    QString kubeVersion;     // --kube-version (capabilities when rendering offline)
    QStringList apiVersions; // --api-versions
    QStringList showOnly;    // --show-only templates/x.yaml
    bool includeCrds = false;
};

struct RollbackRequest {
    QString release;
    QString namespaceName;
    int revision = 0; // 0 = the previous revision
    bool wait = false;
    int timeoutSeconds = 300;
    int historyMax = -1;
    bool cleanupOnFail = false;
};

namespace commands {

HelmInvocation version();
HelmInvocation templateChart(const TemplateRequest &request);
HelmInvocation upgrade(const UpgradeRequest &request);
HelmInvocation rollback(const RollbackRequest &request);
HelmInvocation history(const QString &release, const QString &namespaceName, int max = 0);
// `get values -o json`; `all` adds --all (computed values); revision 0 = latest.
HelmInvocation getValues(const QString &release, const QString &namespaceName, bool all = false, int revision = 0);
HelmInvocation getManifest(const QString &release, const QString &namespaceName, int revision = 0);
HelmInvocation status(const QString &release, const QString &namespaceName, int revision = 0);

} // namespace commands

// One line of `helm history -o json`.
struct HistoryEntry {
    int revision = 0;
    std::optional<QDateTime> updated;
    ReleaseStatus status = ReleaseStatus::Unknown;
    QString statusText;
    QString chart;      // "<name>-<version>"
    QString appVersion;
    QString description;
};

fd::Expected<QList<HistoryEntry>, HelmError> parseHistory(const HelmOutput &output);
// `get values -o json` (with or without --all); helm prints `null` for no values: an empty map.
fd::Expected<QJsonObject, HelmError> parseValues(const HelmOutput &output);
// `status -o json` and `upgrade/install/rollback -o json`: the release (without what helm omits).
fd::Expected<Release, HelmError> parseReleaseOutput(const HelmOutput &output);

// Convenience: the typed result of a finished job, or its error.
template<typename Parser>
auto parseJob(const HelmResult &result, Parser parser) -> decltype(parser(result.value()))
{
    if (!result)
        return fd::Unexpected(result.error());
    return parser(result.value());
}

} // namespace fd::helm
