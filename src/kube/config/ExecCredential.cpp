#include "kube/config/ExecCredential.h"

#include "kube/config/Pem.h"
#include "kube/config/Tr.h"
#include "kube/config/YamlTree.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace fd::kube {

using detail::translate;

QStringList ExecCredential::secretValues() const
{
    QStringList values;
    if (!token.isEmpty())
        values << token;
    if (!clientKeyPem.isEmpty())
        values << QString::fromLatin1(clientKeyPem).trimmed();
    return values;
}

bool isSupportedExecApiVersion(const QString &apiVersion)
{
    return apiVersion == kExecCredentialV1 || apiVersion == kExecCredentialV1beta1;
}

QByteArray buildExecInfo(const ExecConfig &exec, const ResolvedCluster *cluster, bool interactive)
{
    QJsonObject spec{{QStringLiteral("interactive"), interactive}};
    if (exec.provideClusterInfo && cluster) {
        QJsonObject info{{QStringLiteral("server"), cluster->server.toString()}};
        if (!cluster->tlsServerName.isEmpty())
            info.insert(QStringLiteral("tls-server-name"), cluster->tlsServerName);
        if (cluster->insecureSkipTlsVerify)
            info.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!cluster->caPem.isEmpty())
            info.insert(QStringLiteral("certificate-authority-data"), QString::fromLatin1(cluster->caPem.toBase64()));
        if (!cluster->proxyUrl.isEmpty())
            info.insert(QStringLiteral("proxy-url"), cluster->proxyUrl.toString());
        if (cluster->disableCompression)
            info.insert(QStringLiteral("disable-compression"), true);
        if (cluster->execClusterConfig && !cluster->execClusterConfig->isNull())
            info.insert(QStringLiteral("config"), *cluster->execClusterConfig);
        spec.insert(QStringLiteral("cluster"), info);
    }
    const QJsonObject credential{{QStringLiteral("apiVersion"), exec.apiVersion},
                                 {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                                 {QStringLiteral("spec"), spec}};
    return QJsonDocument(credential).toJson(QJsonDocument::Compact);
}

namespace {

QDateTime parseRfc3339(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!pattern.match(text).hasMatch())
        return {};
    QString normalized = text.toUpper();
    // Qt parses at most millisecond precision; Go writes up to nanoseconds.
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{1,3})\\d*"));
    normalized.replace(fraction, QStringLiteral(".\\1"));
    const QDateTime parsed = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

std::optional<QJsonObject> decodeOutput(const QByteArray &output, QString *error)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &jsonError);
    if (jsonError.error == QJsonParseError::NoError) {
        if (!document.isObject()) {
            *error = translate("fd::kube", "the plugin's output is JSON but not an object");
            return std::nullopt;
        }
        return document.object();
    }
    // client-go's universal decoder accepts YAML as well (but plain text is no ExecCredential).
    const YamlDocument yaml = parseYaml(output, YamlLimits{10'000});
    if (!yaml.error && yaml.root && yaml.root->isMapping()
        && (yaml.root->value(QStringLiteral("apiVersion")) || yaml.root->value(QStringLiteral("kind")))) {
        if (const auto json = yamlToJson(yaml.root, 16, 10'000); json && json->isObject())
            return json->toObject();
    }
    *error = translate("fd::kube", "the plugin's output is not valid JSON (%1 at offset %2)")
                 .arg(jsonError.errorString())
                 .arg(jsonError.offset);
    return std::nullopt;
}

} // namespace

fd::Expected<ExecCredential, QString> parseExecCredential(const QByteArray &output, const QString &expectedApiVersion)
{
    const auto fail = [](const QString &message) { return fd::Unexpected(message); };
    if (!isSupportedExecApiVersion(expectedApiVersion)) {
        return fail(translate("fd::kube", "exec plugin: apiVersion %1 is not supported (expected "
                                          "client.authentication.k8s.io/v1 or v1beta1)")
                        .arg(expectedApiVersion));
    }
    if (output.trimmed().isEmpty())
        return fail(translate("fd::kube", "the plugin printed nothing on stdout (expected an ExecCredential)"));
    QString decodeError;
    const auto object = decodeOutput(output.trimmed(), &decodeError);
    if (!object)
        return fail(decodeError);
    const QJsonValue apiVersion = object->value(QStringLiteral("apiVersion"));
    const QJsonValue kind = object->value(QStringLiteral("kind"));
    if (!apiVersion.isString() || apiVersion.toString().isEmpty() || !kind.isString() || kind.toString().isEmpty())
        return fail(translate("fd::kube", "the plugin's output has no apiVersion or kind (expected an ExecCredential)"));
    if (kind.toString() != QLatin1String("ExecCredential"))
        return fail(translate("fd::kube", "the plugin returned a %1, expected an ExecCredential").arg(kind.toString()));
    if (apiVersion.toString() != expectedApiVersion) {
        return fail(translate("fd::kube", "exec plugin is configured to use API version %1, plugin returned version %2")
                        .arg(expectedApiVersion, apiVersion.toString()));
    }
    const QJsonValue statusValue = object->value(QStringLiteral("status"));
    if (statusValue.isUndefined() || statusValue.isNull())
        return fail(translate("fd::kube", "exec plugin didn't return a status field"));
    if (!statusValue.isObject())
        return fail(translate("fd::kube", "the plugin's status is not an object"));
    const QJsonObject status = statusValue.toObject();

    const auto stringField = [&status](const QString &key, QString *out) -> bool {
        const QJsonValue value = status.value(key);
        if (value.isUndefined() || value.isNull()) {
            out->clear();
            return true;
        }
        if (!value.isString())
            return false;
        *out = value.toString();
        return true;
    };
    ExecCredential credential;
    QString certificate;
    QString key;
    QString expiration;
    for (const auto &[name, target] : {std::pair{QStringLiteral("token"), &credential.token},
                                       std::pair{QStringLiteral("clientCertificateData"), &certificate},
                                       std::pair{QStringLiteral("clientKeyData"), &key},
                                       std::pair{QStringLiteral("expirationTimestamp"), &expiration}}) {
        if (!stringField(name, target))
            return fail(translate("fd::kube", "the plugin's status.%1 is not a string").arg(name));
    }
    if (credential.token.isEmpty() && certificate.isEmpty() && key.isEmpty())
        return fail(translate("fd::kube", "exec plugin didn't return a token or cert/key pair"));
    if (certificate.isEmpty() != key.isEmpty())
        return fail(translate("fd::kube", "exec plugin returned only certificate or key, not both"));
    if (!certificate.isEmpty()) {
        credential.clientCertificatePem = certificate.toUtf8();
        credential.clientKeyPem = key.toUtf8();
        const auto certs = parseCertificatePem(credential.clientCertificatePem);
        if (!certs)
            return fail(translate("fd::kube", "the plugin's clientCertificateData is not usable: %1").arg(certs.error()));
        const auto algorithm = parsePrivateKeyPem(credential.clientKeyPem);
        if (!algorithm)
            return fail(translate("fd::kube", "the plugin's clientKeyData is not usable: %1").arg(algorithm.error()));
        const auto pair = checkKeyPair(credential.clientCertificatePem, credential.clientKeyPem);
        if (!pair)
            return fail(translate("fd::kube", "the plugin's certificate and key: %1").arg(pair.error()));
    }
    if (!expiration.isEmpty()) {
        credential.expirationTimestamp = parseRfc3339(expiration);
        if (!credential.expirationTimestamp.isValid())
            return fail(translate("fd::kube", "the plugin's expirationTimestamp %1 is not an RFC 3339 time").arg(expiration));
    }
    return credential;
}

} // namespace fd::kube
