#include "helm/ReleaseDecoder.h"

#include "helm/Gzip.h"
#include "helm/HelmTr.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fd::helm {

using detail::translate;

namespace {

using Kind = ReleaseDecodeError::Kind;

const auto kSecretType = "helm.sh/release.v1"_L1;

fd::Unexpected<ReleaseDecodeError> failure(Kind kind, QString message)
{
    return fd::Unexpected(ReleaseDecodeError{kind, std::move(message), {}});
}

QByteArray withoutWhitespace(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            out.append(c);
    }
    return out;
}

std::optional<QByteArray> fromBase64(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(withoutWhitespace(text), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

QString sizeText(qsizetype bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            out.append(item.toString());
    }
    return out;
}

// An optional container: absent and null are fine (empty), anything else but `type` is not.
bool hasWrongType(const QJsonObject &parent, QLatin1StringView key, QJsonValue::Type type)
{
    const QJsonValue value = parent.value(key);
    return !value.isUndefined() && !value.isNull() && value.type() != type;
}

fd::Unexpected<ReleaseDecodeError> wrongType(const QString &field, const QString &expected)
{
    return failure(Kind::BadField,
                   translate("fd::helm", "The release field \"%1\" is not %2.").arg(field, expected));
}

std::optional<QDateTime> readTime(const QJsonObject &object, QLatin1StringView key, const QString &field,
                                  QStringList &notes)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    bool ok = true;
    auto time = parseHelmTime(value.toString(), &ok);
    if (!ok)
        notes.append(translate("fd::helm", "The timestamp %1 (\"%2\") could not be read; it is shown as unset.")
                         .arg(field, value.toString().left(64)));
    return time;
}

// chart.templates / chart.files: [{name, data (base64)}]; Helm 4 may add modtime (ignored).
fd::Expected<QList<ChartFile>, ReleaseDecodeError> readFiles(const QJsonValue &value, const QString &field)
{
    QList<ChartFile> files;
    if (value.isUndefined() || value.isNull())
        return files;
    if (!value.isArray())
        return wrongType(field, translate("fd::helm", "a list"));
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return wrongType(field, translate("fd::helm", "a list of files"));
        const QJsonObject file = item.toObject();
        ChartFile entry;
        entry.name = file.value("name"_L1).toString();
        const QJsonValue data = file.value("data"_L1);
        if (data.isString()) {
            auto bytes = fromBase64(data.toString().toLatin1());
            if (!bytes)
                return failure(Kind::BadBase64,
                               translate("fd::helm", "The data of the chart file \"%1\" is not valid base64.")
                                   .arg(entry.name.left(200)));
            entry.data = *bytes;
        } else if (!data.isNull() && !data.isUndefined()) {
            return wrongType(field + u"[].data"_s, translate("fd::helm", "base64 text"));
        }
        files.append(entry);
    }
    return files;
}

fd::Expected<ReleaseChart, ReleaseDecodeError> readChart(const QJsonObject &json, QStringList &notes)
{
    ReleaseChart chart;
    if (hasWrongType(json, "metadata"_L1, QJsonValue::Object))
        return wrongType(u"chart.metadata"_s, translate("fd::helm", "an object"));
    if (hasWrongType(json, "values"_L1, QJsonValue::Object))
        return wrongType(u"chart.values"_s, translate("fd::helm", "an object"));
    const QJsonObject metadata = json.value("metadata"_L1).toObject();
    ChartMetadata &meta = chart.metadata;
    meta.raw = metadata;
    meta.apiVersion = metadata.value("apiVersion"_L1).toString();
    meta.name = metadata.value("name"_L1).toString();
    meta.version = metadata.value("version"_L1).toString();
    meta.appVersion = metadata.value("appVersion"_L1).toString();
    meta.description = metadata.value("description"_L1).toString();
    meta.type = metadata.value("type"_L1).toString();
    meta.kubeVersion = metadata.value("kubeVersion"_L1).toString();
    meta.home = metadata.value("home"_L1).toString();
    meta.icon = metadata.value("icon"_L1).toString();
    meta.keywords = stringList(metadata.value("keywords"_L1));
    meta.sources = stringList(metadata.value("sources"_L1));
    meta.deprecated = metadata.value("deprecated"_L1).toBool();
    meta.dependencies = metadata.value("dependencies"_L1).toArray();
    chart.values = json.value("values"_L1).toObject();

    auto templates = readFiles(json.value("templates"_L1), u"chart.templates"_s);
    if (!templates)
        return fd::Unexpected(templates.error());
    chart.templates = std::move(templates).value();
    auto files = readFiles(json.value("files"_L1), u"chart.files"_s);
    if (!files)
        return fd::Unexpected(files.error());
    chart.files = std::move(files).value();

    const QJsonValue schema = json.value("schema"_L1);
    if (schema.isString()) {
        auto bytes = fromBase64(schema.toString().toLatin1());
        if (!bytes)
            return failure(Kind::BadBase64, translate("fd::helm", "The chart's values schema is not valid base64."));
        chart.schema = *bytes;
    } else if (!schema.isNull() && !schema.isUndefined()) {
        notes.append(translate("fd::helm", "The chart's values schema has an unexpected form; it is ignored."));
    }
    return chart;
}

fd::Expected<QList<ReleaseHook>, ReleaseDecodeError> readHooks(const QJsonValue &value, QStringList &notes)
{
    QList<ReleaseHook> hooks;
    if (value.isUndefined() || value.isNull())
        return hooks;
    if (!value.isArray())
        return wrongType(u"hooks"_s, translate("fd::helm", "a list"));
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return wrongType(u"hooks"_s, translate("fd::helm", "a list of hooks"));
        const QJsonObject json = item.toObject();
        ReleaseHook hook;
        hook.name = json.value("name"_L1).toString();
        hook.kind = json.value("kind"_L1).toString();
        hook.path = json.value("path"_L1).toString();
        hook.manifest = json.value("manifest"_L1).toString();
        hook.events = stringList(json.value("events"_L1));
        hook.weight = json.value("weight"_L1).toInt();
        hook.deletePolicies = stringList(json.value("delete_policies"_L1));
        const QJsonObject lastRun = json.value("last_run"_L1).toObject();
        hook.lastRun.startedAt = readTime(lastRun, "started_at"_L1, u"hooks[].last_run.started_at"_s, notes);
        hook.lastRun.completedAt = readTime(lastRun, "completed_at"_L1, u"hooks[].last_run.completed_at"_s, notes);
        hook.lastRun.phase = lastRun.value("phase"_L1).toString();
        hooks.append(hook);
    }
    return hooks;
}

} // namespace

bool ReleaseDecoder::isReleaseObject(const fd::kube::KubeObject &object)
{
    if (object.isNull())
        return false;
    const QString kind = object.kind();
    if (kind == "Secret"_L1)
        return object.stringAt(u"type") == QString(kSecretType);
    if (kind == "ConfigMap"_L1)
        return object.label(u"owner") == u"helm"_s;
    return false;
}

ReleaseDecoder::Result ReleaseDecoder::decodeObject(const fd::kube::KubeObject &object, const ReleaseDecodeLimits &limits)
{
    const QString key = object.isNull() ? QString() : object.key();
    auto named = [&key](Result result) {
        if (!result)
            result.error().object = key;
        return result;
    };
    if (!isReleaseObject(object)) {
        return named(failure(Kind::NotAReleaseObject,
                             translate("fd::helm", "%1 is not a Helm release record (a Secret of type %2, or a ConfigMap "
                                                   "labelled owner=helm).")
                                 .arg(key.isEmpty() ? translate("fd::helm", "The object") : key, QString(kSecretType))));
    }
    const std::optional<QString> field = object.stringAt(u"data.release");
    if (!field || field->isEmpty())
        return named(failure(Kind::MissingData, translate("fd::helm", "%1 has no data.release.").arg(key)));

    const bool isSecret = object.kind() == "Secret"_L1;
    Result result = isSecret ? decodeSecretField(field->toLatin1(), limits) : decodeConfigMapField(field->toLatin1(), limits);
    if (!result)
        return named(std::move(result));

    Release &release = result.value();
    // The labels are what `helm list` filters on; the JSON is what Helm acts on. Say when they differ.
    auto note = [&release, &key](const QString &label, const QString &labelValue, const QString &jsonValue) {
        release.decodeNotes.append(
            translate("fd::helm", "%1: the label %2=%3 disagrees with the stored release (%4); the stored release is used.")
                .arg(key, label, labelValue, jsonValue));
    };
    if (const auto name = object.label(u"name"); name && *name != release.name)
        note(u"name"_s, *name, release.name);
    if (const auto version = object.label(u"version"); version && *version != QString::number(release.version))
        note(u"version"_s, *version, QString::number(release.version));
    if (const auto status = object.label(u"status"); status && *status != release.info.statusText)
        note(u"status"_s, *status, release.info.statusText);
    const QString expectedName = u"sh.helm.release.v1.%1.v%2"_s.arg(release.name).arg(release.version);
    if (object.name() != expectedName)
        release.decodeNotes.append(
            translate("fd::helm", "%1: the object's name does not match the stored release %2 revision %3.")
                .arg(key, release.name)
                .arg(release.version));
    if (release.namespaceName.isEmpty()) {
        release.namespaceName = object.namespaceName();
    } else if (release.namespaceName != object.namespaceName()) {
        release.decodeNotes.append(
            translate("fd::helm", "%1: the stored release names the namespace %2; the record is in %3.")
                .arg(key, release.namespaceName, object.namespaceName()));
    }
    return result;
}

ReleaseDecoder::Result ReleaseDecoder::decodeSecretField(const QByteArray &field, const ReleaseDecodeLimits &limits)
{
    // The Secret's own base64 layer (the API server's encoding of `data`).
    const auto helmText = fromBase64(field);
    if (!helmText)
        return failure(Kind::BadBase64, translate("fd::helm", "The Secret's data.release is not valid base64."));
    return decodeHelmBase64(*helmText, limits);
}

ReleaseDecoder::Result ReleaseDecoder::decodeConfigMapField(const QByteArray &field, const ReleaseDecodeLimits &limits)
{
    return decodeHelmBase64(field, limits);
}

ReleaseDecoder::Result ReleaseDecoder::decodeHelmBase64(const QByteArray &text, const ReleaseDecodeLimits &limits)
{
    const auto payload = fromBase64(text);
    if (!payload)
        return failure(Kind::BadBase64,
                       translate("fd::helm", "The release record is not valid base64 (Helm's own encoding layer)."));
    return decodePayload(*payload, limits);
}

ReleaseDecoder::Result ReleaseDecoder::decodePayload(const QByteArray &payload, const ReleaseDecodeLimits &limits)
{
    if (!gzip::hasGzipMagic(payload)) {
        // Helm only skips decompression for records written before it compressed them: JSON.
        const QByteArray trimmed = payload.trimmed();
        if (trimmed.startsWith('{')) {
            if (trimmed.size() > limits.maxDecompressedBytes)
                return failure(Kind::TooLarge, translate("fd::helm", "The release record is larger than %1.")
                                                   .arg(sizeText(limits.maxDecompressedBytes)));
            return parseJson(payload);
        }
        return failure(Kind::NotGzip, translate("fd::helm", "The release record is neither gzip data nor JSON."));
    }
    auto json = gzip::gunzip(payload, limits.maxDecompressedBytes);
    if (!json) {
        switch (json.error()) {
        case gzip::GunzipError::NotGzip:
            return failure(Kind::NotGzip, translate("fd::helm", "The release record is neither gzip data nor JSON."));
        case gzip::GunzipError::Truncated:
            return failure(Kind::TruncatedGzip, translate("fd::helm", "The release record's gzip data is cut short."));
        case gzip::GunzipError::Corrupt:
            return failure(Kind::CorruptGzip,
                           translate("fd::helm", "The release record's gzip data is damaged (bad data or checksum)."));
        case gzip::GunzipError::TooLarge:
            return failure(Kind::TooLarge,
                           translate("fd::helm", "The release record decompresses to more than %1; it is not read.")
                               .arg(sizeText(limits.maxDecompressedBytes)));
        }
    }
    return parseJson(json.value());
}

ReleaseDecoder::Result ReleaseDecoder::parseJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(Kind::BadJson, translate("fd::helm", "The release record is not valid JSON (%1 at offset %2).")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset));
    if (!document.isObject())
        return failure(Kind::BadJson, translate("fd::helm", "The release record is JSON but not an object."));
    const QJsonObject root = document.object();

    Release release;
    release.name = root.value("name"_L1).toString();
    if (release.name.isEmpty())
        return failure(Kind::MissingName, translate("fd::helm", "The release record has no name."));
    const QJsonValue version = root.value("version"_L1);
    const double number = version.toDouble(0);
    if (!version.isDouble() || number < 1 || number > 2147483647.0 || std::floor(number) != number)
        return failure(Kind::MissingVersion,
                       translate("fd::helm", "The release record %1 has no valid revision number (\"version\").")
                           .arg(release.name));
    release.version = int(number);
    release.namespaceName = root.value("namespace"_L1).toString();

    for (const auto field : {"info"_L1, "chart"_L1, "config"_L1}) {
        if (hasWrongType(root, field, QJsonValue::Object))
            return wrongType(QString(field), translate("fd::helm", "an object"));
    }

    const QJsonObject info = root.value("info"_L1).toObject();
    release.info.statusText = info.value("status"_L1).toString();
    release.info.status = releaseStatusFromName(release.info.statusText);
    if (release.info.status == ReleaseStatus::Unknown && release.info.statusText != "unknown"_L1)
        release.decodeNotes.append(translate("fd::helm", "Revision %1 has an unknown status \"%2\".")
                                       .arg(release.version)
                                       .arg(release.info.statusText.left(64)));
    release.info.firstDeployed = readTime(info, "first_deployed"_L1, u"info.first_deployed"_s, release.decodeNotes);
    release.info.lastDeployed = readTime(info, "last_deployed"_L1, u"info.last_deployed"_s, release.decodeNotes);
    release.info.deleted = readTime(info, "deleted"_L1, u"info.deleted"_s, release.decodeNotes);
    release.info.description = info.value("description"_L1).toString();
    release.info.notes = info.value("notes"_L1).toString();

    auto chart = readChart(root.value("chart"_L1).toObject(), release.decodeNotes);
    if (!chart)
        return fd::Unexpected(chart.error());
    release.chart = std::move(chart).value();
    release.config = root.value("config"_L1).toObject();
    release.manifest = root.value("manifest"_L1).toString();
    auto hooks = readHooks(root.value("hooks"_L1), release.decodeNotes);
    if (!hooks)
        return fd::Unexpected(hooks.error());
    release.hooks = std::move(hooks).value();

    release.applyMethodText = root.value("apply_method"_L1).toString();
    if (release.applyMethodText == "ssa"_L1) {
        release.applyMethod = ApplyMethod::ServerSide;
    } else if (!release.applyMethodText.isEmpty() && release.applyMethodText != "csa"_L1) {
        release.decodeNotes.append(translate("fd::helm", "Revision %1 has an unknown apply method \"%2\"; client-side is assumed.")
                                       .arg(release.version)
                                       .arg(release.applyMethodText.left(64)));
    }
    return release;
}

QByteArray encodeReleaseForStorage(const QByteArray &releaseJson)
{
    return gzip::gzipCompress(releaseJson).toBase64();
}

} // namespace fd::helm
