#include "SchemaTestSupport.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

namespace fd::test {

using fd::sim::ResourceType;

namespace {

QJsonValue parseOrDie(const char *text)
{
    QJsonParseError error;
    const QByteArray wrapped = QByteArrayLiteral("[") + QByteArray(text) + QByteArrayLiteral("]");
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError) {
        std::fprintf(stderr, "bad JSON in test: %s: %s\n", text, qPrintable(error.errorString()));
        std::abort();
    }
    return document.array().first();
}

QJsonValue scalarToJson(const YAML::Node &node)
{
    const QString value = QString::fromStdString(node.Scalar());
    // Quoted or explicitly tagged scalars ("!") are strings; plain ones ("?") get typed.
    if (node.Tag() != "?")
        return value;
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression floating(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (value.isEmpty() || value == QLatin1String("~") || value == QLatin1String("null") || value == QLatin1String("Null")
        || value == QLatin1String("NULL"))
        return QJsonValue::Null;
    if (value == QLatin1String("true") || value == QLatin1String("True") || value == QLatin1String("TRUE"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("False") || value == QLatin1String("FALSE"))
        return false;
    if (integer.match(value).hasMatch() || floating.match(value).hasMatch())
        return value.toDouble();
    return value;
}

QJsonValue nodeToJson(const YAML::Node &node, int depth)
{
    if (depth > 200)
        return QJsonValue::Null;
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(nodeToJson(item, depth + 1));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(QString::fromStdString(entry.first.as<std::string>()), nodeToJson(entry.second, depth + 1));
        return object;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue::Null;
}

} // namespace

QJsonObject jsonObject(const char *text)
{
    return parseOrDie(text).toObject();
}

QJsonValue jsonValue(const char *text)
{
    return parseOrDie(text);
}

std::optional<QList<QJsonValue>> yamlToJson(const QByteArray &yaml)
{
    try {
        QList<QJsonValue> documents;
        for (const YAML::Node &document : YAML::LoadAll(yaml.toStdString())) {
            if (!document.IsNull())
                documents << nodeToJson(document, 0);
        }
        return documents;
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

ResourceType sampleType(const QString &group, const QString &version, const QString &kind, const QString &plural,
                        bool namespaced)
{
    ResourceType type;
    type.group = group;
    type.version = version;
    type.kind = kind;
    type.plural = plural;
    type.singular = kind.toLower();
    type.namespaced = namespaced;
    type.verbs = {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"), QStringLiteral("get"),
                  QStringLiteral("list"),   QStringLiteral("patch"),  QStringLiteral("update"),           QStringLiteral("watch")};
    return type;
}

QList<ResourceType> sampleBuiltinTypes()
{
    QList<ResourceType> types;
    ResourceType pods = sampleType(QString(), QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("pods"), true);
    pods.shortNames = {QStringLiteral("po")};
    pods.categories = {QStringLiteral("all")};
    pods.hasStatus = true;
    pods.extraSubresources = {QStringLiteral("log"),  QStringLiteral("eviction"),    QStringLiteral("binding"), QStringLiteral("exec"),
                              QStringLiteral("attach"), QStringLiteral("portforward"), QStringLiteral("proxy")};
    types << pods;
    ResourceType namespaces = sampleType(QString(), QStringLiteral("v1"), QStringLiteral("Namespace"), QStringLiteral("namespaces"), false);
    namespaces.shortNames = {QStringLiteral("ns")};
    namespaces.hasStatus = true;
    namespaces.extraSubresources = {QStringLiteral("finalize")};
    types << namespaces;
    ResourceType services = sampleType(QString(), QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("services"), true);
    services.shortNames = {QStringLiteral("svc")};
    services.categories = {QStringLiteral("all")};
    services.hasStatus = true;
    services.extraSubresources = {QStringLiteral("proxy")};
    types << services;
    ResourceType configMaps = sampleType(QString(), QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("configmaps"), true);
    configMaps.shortNames = {QStringLiteral("cm")};
    types << configMaps;
    types << sampleType(QString(), QStringLiteral("v1"), QStringLiteral("Secret"), QStringLiteral("secrets"), true);
    ResourceType serviceAccounts =
        sampleType(QString(), QStringLiteral("v1"), QStringLiteral("ServiceAccount"), QStringLiteral("serviceaccounts"), true);
    serviceAccounts.shortNames = {QStringLiteral("sa")};
    serviceAccounts.extraSubresources = {QStringLiteral("token")};
    types << serviceAccounts;
    ResourceType deployments =
        sampleType(QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment"), QStringLiteral("deployments"), true);
    deployments.shortNames = {QStringLiteral("deploy")};
    deployments.categories = {QStringLiteral("all")};
    deployments.hasStatus = true;
    deployments.hasScale = true;
    types << deployments;
    ResourceType hpa2 = sampleType(QStringLiteral("autoscaling"), QStringLiteral("v2"), QStringLiteral("HorizontalPodAutoscaler"),
                                   QStringLiteral("horizontalpodautoscalers"), true);
    hpa2.shortNames = {QStringLiteral("hpa")};
    hpa2.hasStatus = true;
    types << hpa2;
    ResourceType hpa1 = hpa2;
    hpa1.version = QStringLiteral("v1");
    hpa1.preferred = false;
    types << hpa1;
    ResourceType crds = sampleType(QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"), QStringLiteral("CustomResourceDefinition"),
                                   QStringLiteral("customresourcedefinitions"), false);
    crds.shortNames = {QStringLiteral("crd"), QStringLiteral("crds")};
    crds.hasStatus = true;
    types << crds;
    ResourceType ssar = sampleType(QStringLiteral("authorization.k8s.io"), QStringLiteral("v1"), QStringLiteral("SelfSubjectAccessReview"),
                                   QStringLiteral("selfsubjectaccessreviews"), false);
    ssar.verbs = {QStringLiteral("create")};
    types << ssar;
    return types;
}

QStringList sampleGroupOrder()
{
    return {QString(), QStringLiteral("apps"), QStringLiteral("authorization.k8s.io"), QStringLiteral("autoscaling"),
            QStringLiteral("apiextensions.k8s.io")};
}

std::optional<QList<std::pair<QString, QJsonObject>>> fissionCrds()
{
    const QString shared = sharedDir();
    if (shared.isEmpty())
        return std::nullopt;
    const QDir dir(shared + QStringLiteral("/fixtures/crds/fission-v1.20.5"));
    QList<std::pair<QString, QJsonObject>> crds;
    const QStringList files = dir.entryList({QStringLiteral("fission.io_*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        QFile input(dir.filePath(file));
        if (!input.open(QIODevice::ReadOnly))
            return std::nullopt;
        const std::optional<QList<QJsonValue>> documents = yamlToJson(input.readAll());
        if (!documents || documents->size() != 1)
            return std::nullopt;
        crds << std::make_pair(file, documents->first().toObject());
    }
    return crds;
}

} // namespace fd::test
