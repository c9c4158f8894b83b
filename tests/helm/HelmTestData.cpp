#include "HelmTestData.h"

#include "helm/Gzip.h"
#include "kube/store/Decode.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fd::helm::test {

namespace {

QJsonObject file(const QString &name, const QByteArray &data)
{
    return QJsonObject{{u"name"_s, name}, {u"data"_s, QString::fromLatin1(data.toBase64())}};
}

QString storageName(const QString &name, int version)
{
    return u"sh.helm.release.v1.%1.v%2"_s.arg(name).arg(version);
}

} // namespace

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject releaseJson(const ReleaseSpec &spec)
{
    QJsonObject metadata{
        {u"apiVersion"_s, u"v2"_s},
        {u"name"_s, u"fission-all"_s},
        {u"version"_s, u"v1.20.5"_s},
        {u"appVersion"_s, u"v1.20.5"_s},
        {u"description"_s, u"A Helm chart for Fission"_s},
        {u"type"_s, u"application"_s},
        {u"kubeVersion"_s, u">=1.23.0-0"_s},
        {u"keywords"_s, QJsonArray{u"serverless"_s, u"functions"_s}},
        {u"maintainers"_s, QJsonArray{QJsonObject{{u"name"_s, u"Test Maintainer"_s}}}},
        {u"annotations"_s, QJsonObject{{u"category"_s, u"Serverless"_s}}},
    };
    QJsonObject chart{
        {u"metadata"_s, metadata},
        {u"lock"_s, QJsonValue::Null},
        {u"values"_s, spec.chartValues},
        {u"schema"_s, QString::fromLatin1(QByteArray(R"({"type":"object"})").toBase64())},
        {u"files"_s, QJsonArray{file(u"README.md"_s, "# readme\n"), file(u"crds/widget.yaml"_s, "kind: CustomResourceDefinition\n")}},
        // Helm 4 adds timestamps; they must be ignored.
        {u"schemamodtime"_s, u"2024-05-01T09:00:00Z"_s},
    };
    if (spec.withTemplates) {
        QJsonObject helpers = file(u"templates/_helpers.tpl"_s, "{{- define \"x\" -}}x{{- end -}}\n");
        helpers.insert(u"modtime"_s, u"2024-05-01T09:00:00Z"_s);
        chart.insert(u"templates"_s,
                     QJsonArray{helpers, file(u"templates/configmap.yaml"_s,
                                              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n")});
    } else {
        chart.insert(u"templates"_s, QJsonValue::Null);
    }
    return QJsonObject{
        {u"name"_s, spec.name},
        {u"namespace"_s, spec.namespaceName},
        {u"version"_s, spec.version},
        {u"info"_s,
         QJsonObject{{u"first_deployed"_s, u"2024-04-01T08:00:00Z"_s},
                     {u"last_deployed"_s, spec.lastDeployed},
                     {u"deleted"_s, u""_s},
                     {u"description"_s, u"Upgrade complete"_s},
                     {u"status"_s, spec.status},
                     {u"notes"_s, u"Fission is installed.\n"_s}}},
        {u"chart"_s, chart},
        {u"config"_s, spec.config.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(spec.config)},
        {u"manifest"_s, u"---\n# Source: fission-all/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\n"_s},
        {u"hooks"_s,
         QJsonArray{QJsonObject{{u"name"_s, u"fission-pre-upgrade"_s},
                                {u"kind"_s, u"Job"_s},
                                {u"path"_s, u"fission-all/templates/pre-upgrade-job.yaml"_s},
                                {u"manifest"_s, u"apiVersion: batch/v1\nkind: Job\n"_s},
                                {u"events"_s, QJsonArray{u"pre-upgrade"_s}},
                                {u"last_run"_s,
                                 QJsonObject{{u"started_at"_s, u"2024-05-01T10:00:01Z"_s},
                                             {u"completed_at"_s, u"2024-05-01T10:00:09.5+02:00"_s},
                                             {u"phase"_s, u"Succeeded"_s}}},
                                {u"weight"_s, 5},
                                {u"delete_policies"_s, QJsonArray{u"hook-succeeded"_s}}}}},
        {u"apply_method"_s, u"ssa"_s},
    };
}

QJsonObject releaseLabels(const ReleaseSpec &spec)
{
    return QJsonObject{{u"owner"_s, u"helm"_s},
                       {u"name"_s, spec.name},
                       {u"status"_s, spec.status},
                       {u"version"_s, QString::number(spec.version)},
                       {u"modifiedAt"_s, u"1714557600"_s}};
}

QByteArray secretJson(const QString &name, const QString &namespaceName, const QJsonObject &labels,
                      const QByteArray &helmPayload, const QString &type)
{
    // Helm base64-encodes its payload; the API server's Secret encoding adds a second layer.
    const QByteArray helmText = helmPayload.toBase64();
    const QJsonObject secret{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Secret"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, namespaceName}, {u"labels"_s, labels}}},
        {u"type"_s, type},
        {u"data"_s, QJsonObject{{u"release"_s, QString::fromLatin1(helmText.toBase64())}}},
    };
    return compactJson(secret);
}

QByteArray configMapJson(const QString &name, const QString &namespaceName, const QJsonObject &labels,
                         const QByteArray &helmPayload)
{
    const QJsonObject configMap{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"ConfigMap"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, namespaceName}, {u"labels"_s, labels}}},
        {u"data"_s, QJsonObject{{u"release"_s, QString::fromLatin1(helmPayload.toBase64())}}},
    };
    return compactJson(configMap);
}

fd::kube::KubeObject objectFromJson(const QByteArray &json)
{
    auto decoded = fd::kube::decodeObject(json);
    return decoded ? decoded.value() : fd::kube::KubeObject();
}

fd::kube::KubeObject releaseSecret(const ReleaseSpec &spec)
{
    return objectFromJson(secretJson(storageName(spec.name, spec.version), spec.namespaceName, releaseLabels(spec),
                                     gzip::gzipCompress(compactJson(releaseJson(spec)))));
}

fd::kube::KubeObject releaseConfigMap(const ReleaseSpec &spec)
{
    return objectFromJson(configMapJson(storageName(spec.name, spec.version), spec.namespaceName, releaseLabels(spec),
                                        gzip::gzipCompress(compactJson(releaseJson(spec)))));
}

} // namespace fd::helm::test
