#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One Helm release revision as Helm stores it (kube-protocol.md §8): the JSON inside a
// `sh.helm.release.v1.<name>.v<revision>` Secret or ConfigMap, as plain values. Helm 3 and
// Helm 4 (v4.0–v4.2) write the same shape; Helm 4 adds `apply_method` and chart timestamps,
// which are ignored like every other key this model does not name.

namespace fd::helm {

// info.status. The order is not meaningful; use the helpers.
enum class ReleaseStatus {
    Unknown,
    Deployed,
    Uninstalled,
    Superseded,
    Failed,
    Uninstalling,
    PendingInstall,
    PendingUpgrade,
    PendingRollback,
};

// Helm's spelling ("pending-upgrade"); "unknown" for Unknown.
QString releaseStatusName(ReleaseStatus status);
// Unknown for anything Helm does not write (the caller keeps the raw text).
ReleaseStatus releaseStatusFromName(QStringView name);
// pending-install/-upgrade/-rollback: an operation runs, or crashed half way.
bool isPendingStatus(ReleaseStatus status);

struct ReleaseInfo {
    ReleaseStatus status = ReleaseStatus::Unknown;
    QString statusText; // as stored, e.g. "deployed" (kept when it is not a status we know)
    // RFC 3339 in the JSON. Helm writes Go's zero time ("0001-01-01T00:00:00Z"), "" or nothing
    // for "never"; all of those are nullopt here.
    std::optional<QDateTime> firstDeployed;
    std::optional<QDateTime> lastDeployed;
    std::optional<QDateTime> deleted;
    QString description; // "Install complete", "Upgrade \"x\" failed: …"
    QString notes;       // rendered NOTES.txt
};

// A file of the stored chart: templates/* or any other chart file (README, crds/…). `name` is
// the path inside the chart ("templates/deployment.yaml"); `data` the decoded bytes.
struct ChartFile {
    QString name;
    QByteArray data;
};

struct ChartMetadata {
    QString apiVersion; // "v2"
    QString name;       // "fission-all"
    QString version;    // chart version, "v1.20.5" / "1.20.5"
    QString appVersion;
    QString description;
    QString type;        // "application" / "library"; empty when unset
    QString kubeVersion; // constraint, e.g. ">=1.23.0-0"
    QString home;
    QString icon;
    QStringList keywords;
    QStringList sources;
    bool deprecated = false;
    QJsonArray dependencies; // chart dependencies (subcharts), as stored
    // The whole metadata object (maintainers, annotations, … and keys this model does not
    // name): Chart.yaml is rebuilt from it.
    QJsonObject raw;
};

struct ReleaseChart {
    ChartMetadata metadata;
    QJsonObject values; // the chart's defaults (values.yaml)
    QList<ChartFile> templates;
    QList<ChartFile> files;
    QByteArray schema; // values.schema.json; empty when the chart has none
    // Note: Helm does not store subcharts (dependencies) in a release, only the parent chart.
};

struct HookLastRun {
    std::optional<QDateTime> startedAt;
    std::optional<QDateTime> completedAt;
    QString phase; // "Succeeded", "Failed", "Running", "Unknown"; empty when never run
};

struct ReleaseHook {
    QString name;
    QString kind;
    QString path;     // template path, e.g. "fission-all/templates/pre-upgrade-job.yaml"
    QString manifest; // rendered YAML of the hook object
    QStringList events; // "pre-install", "post-upgrade", …
    HookLastRun lastRun;
    int weight = 0;
    QStringList deletePolicies;
};

// How Helm applied the release's objects (Helm 4). Absent in the JSON = client-side, which is
// also what every Helm 3 release is.
enum class ApplyMethod { ClientSide, ServerSide };

struct Release {
    QString name;
    QString namespaceName;
    int version = 0; // the revision, 1-based
    ReleaseInfo info;
    ReleaseChart chart;
    QJsonObject config; // user-supplied values (`helm get values`)
    QString manifest;   // rendered objects, YAML documents
    QList<ReleaseHook> hooks;
    ApplyMethod applyMethod = ApplyMethod::ClientSide;
    QString applyMethodText; // as stored ("ssa", "csa"); empty when absent

    // Non-fatal findings while decoding, translated: labels that disagree with the JSON (the JSON
    // wins), a status or timestamp that could not be read, …
    QStringList decodeNotes;

    bool isPending() const { return isPendingStatus(info.status); }
};

// The `info.first_deployed`-style timestamps: RFC 3339 with optional fractional seconds (Go
// writes up to nanoseconds) and 'Z' or a numeric offset. nullopt for Go's zero time, "" and
// anything unreadable (`*ok` false then, true for the "unset" spellings).
std::optional<QDateTime> parseHelmTime(const QString &text, bool *ok = nullptr);

} // namespace fd::helm
