#pragma once

#include "sim/fissioninstall/ChartRenderer.h"
#include "sim/fissioninstall/ChartTemplates.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace fd::sim::fissioninstall {

// One revision of a Helm release as Helm v4's Secrets storage driver keeps it
// (kube-protocol.md §8): the release JSON, gzipped at best compression, base64 encoded,
// stored as data.release of Secret `sh.helm.release.v1.<name>.v<revision>`, type
// `helm.sh/release.v1`. This is the server side's own encoder; the client's decoder
// (src/helm) is deliberately a separate implementation.
struct HelmReleaseRevision {
    QString name;
    QString namespaceName;
    int version = 1;
    QString status = QStringLiteral("deployed");   // deployed | superseded | failed | …
    QString description = QStringLiteral("Install complete");
    QDateTime firstDeployed;
    QDateTime lastDeployed;
    ChartIdentity chart;
    QString chartDescription;
    QJsonObject chartValues;   // the chart's defaults
    // chart.templates: our own templates that render `rendered` (ChartTemplates.h), so a
    // client can rebuild the chart from the release; empty for flavors without them.
    QList<ChartTemplateFile> chartTemplates;
    QJsonObject config;        // user-supplied values (`helm get values`)
    RenderedChart rendered;
    // Which hook events ran for this revision (install: pre-install/post-install,
    // upgrade: pre-upgrade/post-upgrade), so their last_run says Succeeded.
    QStringList hookEventsRun;
    QString applyMethod = QStringLiteral("ssa");   // Helm 4 installs with server-side apply
};

// `---\n# Source: <template>\n<yaml>\n` per object, as Helm concatenates the manifest.
QString manifestText(const QList<ChartObject> &objects);

QJsonObject releaseJson(const HelmReleaseRevision &revision);

// base64(gzip(json)): the string Helm stores as the release (the Secret's JSON then wraps
// it in base64 once more, as for any Secret data).
QByteArray encodeRelease(const QJsonObject &release);

QString releaseSecretName(const QString &releaseName, int version);

// The Secret as Helm leaves it after the revision's last storage write (an Update, so the
// labels carry modifiedAt, not createdAt).
QJsonObject releaseSecret(const HelmReleaseRevision &revision, const QDateTime &modifiedAt);

// Go's time.Time JSON form (RFC 3339 with fractional seconds, UTC).
QString goTimestamp(const QDateTime &time);

} // namespace fd::sim::fissioninstall
