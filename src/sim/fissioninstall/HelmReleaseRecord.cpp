#include "sim/fissioninstall/HelmReleaseRecord.h"

#include "sim/codec/YamlJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <zlib.h>

#include <algorithm>

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;

namespace {

QByteArray gzipBest(const QByteArray &data)
{
    z_stream stream{};
    // windowBits 15 + 16: a gzip wrapper, as Go's compress/gzip writes.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))) + 64);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = static_cast<qsizetype>(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

QJsonObject hookJson(const ChartObject &hook, const HelmReleaseRevision &revision)
{
    QJsonObject lastRun{{u"phase"_s, QString()}};
    bool ran = false;
    for (const QString &event : hook.hookEvents())
        ran = ran || revision.hookEventsRun.contains(event);
    if (ran) {
        // Hooks run around the deploy: a moment before (pre-*) or after (post-*) it.
        const bool pre = std::any_of(revision.hookEventsRun.begin(), revision.hookEventsRun.end(), [&](const QString &event) {
            return event.startsWith("pre-"_L1) && hook.hookEvents().contains(event);
        });
        const QDateTime start = pre ? revision.lastDeployed.addSecs(-8) : revision.lastDeployed.addSecs(2);
        lastRun = {{u"started_at"_s, goTimestamp(start)},
                   {u"completed_at"_s, goTimestamp(start.addSecs(3))},
                   {u"phase"_s, u"Succeeded"_s}};
    }
    QJsonObject json{{u"name"_s, hook.name()},
                     {u"kind"_s, hook.kind()},
                     {u"path"_s, hook.source},
                     {u"manifest"_s, QString::fromUtf8(jsonToYaml(hook.object)).chopped(1)},
                     {u"events"_s, QJsonArray::fromStringList(hook.hookEvents())},
                     {u"last_run"_s, lastRun}};
    if (hook.hookWeight() != 0)
        json.insert(u"weight"_s, hook.hookWeight());
    if (!hook.hookDeletePolicies().isEmpty())
        json.insert(u"delete_policies"_s, QJsonArray::fromStringList(hook.hookDeletePolicies()));
    return json;
}

QJsonObject chartJson(const HelmReleaseRevision &revision)
{
    QJsonObject metadata{{u"name"_s, revision.chart.name},
                         {u"version"_s, revision.chart.version},
                         {u"appVersion"_s, revision.chart.appVersion},
                         {u"apiVersion"_s, u"v2"_s},
                         {u"kubeVersion"_s, revision.chart.kubeVersion},
                         {u"home"_s, u"https://fission.io/"_s},
                         {u"type"_s, u"application"_s}};
    if (!revision.chartDescription.isEmpty())
        metadata.insert(u"description"_s, revision.chartDescription);
    // Templates as Helm stores them: name and base64 data. The manifest stays what the
    // renderer rendered; the templates let a client rebuild the chart for an upgrade.
    QJsonArray templates;
    for (const ChartTemplateFile &file : revision.chartTemplates)
        templates.append(QJsonObject{{u"name"_s, file.name}, {u"data"_s, QString::fromLatin1(file.data.toBase64())}});
    return {{u"metadata"_s, metadata},
            {u"lock"_s, QJsonValue()},
            {u"templates"_s, templates},
            {u"values"_s, revision.chartValues},
            {u"schema"_s, QJsonValue()},
            {u"schemamodtime"_s, u"0001-01-01T00:00:00Z"_s},
            {u"files"_s, QJsonArray()}};
}

} // namespace

QString goTimestamp(const QDateTime &time)
{
    QString text = time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text + QLatin1Char('Z');
}

QString manifestText(const QList<ChartObject> &objects)
{
    QString text;
    for (const ChartObject &object : objects) {
        QString yaml = QString::fromUtf8(jsonToYaml(object.object));
        if (yaml.endsWith(QLatin1Char('\n')))
            yaml.chop(1);
        text += u"---\n# Source: "_s + object.source + QLatin1Char('\n') + yaml + QLatin1Char('\n');
    }
    return text;
}

QJsonObject releaseJson(const HelmReleaseRevision &revision)
{
    QJsonObject info{{u"first_deployed"_s, goTimestamp(revision.firstDeployed)},
                     {u"last_deployed"_s, goTimestamp(revision.lastDeployed)},
                     {u"description"_s, revision.description},
                     {u"status"_s, revision.status}};
    if (!revision.rendered.notes.isEmpty())
        info.insert(u"notes"_s, revision.rendered.notes);
    QJsonArray hooks;
    for (const ChartObject &hook : revision.rendered.hooks)
        hooks.append(hookJson(hook, revision));
    QJsonObject release{{u"name"_s, revision.name},
                        {u"info"_s, info},
                        {u"chart"_s, chartJson(revision)},
                        {u"manifest"_s, manifestText(revision.rendered.manifests)},
                        {u"version"_s, revision.version},
                        {u"namespace"_s, revision.namespaceName}};
    if (!revision.config.isEmpty())
        release.insert(u"config"_s, revision.config);
    if (!hooks.isEmpty())
        release.insert(u"hooks"_s, hooks);
    if (!revision.applyMethod.isEmpty())
        release.insert(u"apply_method"_s, revision.applyMethod);
    return release;
}

QByteArray encodeRelease(const QJsonObject &release)
{
    return gzipBest(QJsonDocument(release).toJson(QJsonDocument::Compact)).toBase64();
}

QString releaseSecretName(const QString &releaseName, int version)
{
    return u"sh.helm.release.v1."_s + releaseName + u".v"_s + QString::number(version);
}

QJsonObject releaseSecret(const HelmReleaseRevision &revision, const QDateTime &modifiedAt)
{
    const QJsonObject labels{{u"name"_s, revision.name},
                             {u"owner"_s, u"helm"_s},
                             {u"status"_s, revision.status},
                             {u"version"_s, QString::number(revision.version)},
                             {u"modifiedAt"_s, QString::number(modifiedAt.toSecsSinceEpoch())}};
    const QByteArray stored = encodeRelease(releaseJson(revision));
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Secret"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, releaseSecretName(revision.name, revision.version)},
                                        {u"namespace"_s, revision.namespaceName},
                                        {u"labels"_s, labels}}},
            {u"type"_s, u"helm.sh/release.v1"_s},
            {u"data"_s, QJsonObject{{u"release"_s, QString::fromLatin1(stored.toBase64())}}}};
}

} // namespace fd::sim::fissioninstall
