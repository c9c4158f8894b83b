#include "kube/config/KubeconfigLoader.h"

#include "kube/config/ExecCommandResolver.h"
#include "kube/config/Pem.h"
#include "kube/config/Tr.h"
#include "kube/config/YamlTree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace fd::kube {

using detail::translate;

namespace {

using Severity = ConfigProblem::Severity;

const QString kExecApiV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kExecApiV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
const QString kExecApiV1alpha1 = QStringLiteral("client.authentication.k8s.io/v1alpha1");
const QString kExecExtensionName = QStringLiteral("client.authentication.k8s.io/exec");
constexpr qint64 kMaxReferencedFileSize = 4 * 1024 * 1024;

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Where problems of one entry (or one file) go, and how they are labelled.
struct Reporter {
    QString file;
    QString entry;
    YamlMark fallback;
    QList<ConfigProblem> *problems = nullptr;

    void add(Severity severity, const YamlNodePtr &at, const QString &message) const
    {
        const YamlMark mark = (at && at->mark.line > 0) ? at->mark : fallback;
        problems->append({severity, file, mark.line, mark.column, entry, message});
    }
    void error(const YamlNodePtr &at, const QString &message) const { add(Severity::Error, at, message); }
    void warning(const YamlNodePtr &at, const QString &message) const { add(Severity::Warning, at, message); }
};

// Reads at most `limit` bytes. QIODevice::read(limit) would allocate `limit` bytes up front and
// hand back an array that keeps that capacity: 4 MiB held per certificate, key or token file of
// every user, 64 MiB allocated per kubeconfig file.
QByteArray readAtMost(QIODevice &device, qint64 limit)
{
    QByteArray data;
    char chunk[16384];
    while (data.size() < limit) {
        const qint64 count = device.read(chunk, qMin<qint64>(qint64(sizeof chunk), limit - data.size()));
        if (count <= 0)
            break;
        data.append(chunk, qsizetype(count));
    }
    return data;
}

// A URL for an error message: never shows a password.
QString redactUrlForMessage(const QUrl &url, const QString &raw)
{
    if (!url.isValid())
        return raw.contains(QLatin1Char('@')) ? QStringLiteral("(a URL with credentials)") : raw;
    QUrl copy = url;
    if (!copy.password().isEmpty())
        copy.setPassword(QStringLiteral("xxxxx"));
    return copy.toString();
}

QString typeMismatch(const QString &field, const QString &expected, const YamlNode &got)
{
    return translate("fd::kube", "%1: expected %2, got %3").arg(field, expected, got.kindName());
}

// Missing or null → nullopt, silently. Any scalar is a string (sigs.k8s.io/yaml converts
// numbers and booleans for string fields); containers are an error.
std::optional<QString> readString(const YamlNode &map, const QString &key, const Reporter &reporter)
{
    const YamlNodePtr node = map.value(key);
    if (!node || node->isNull())
        return std::nullopt;
    if (!node->isScalar()) {
        reporter.error(node, typeMismatch(key, translate("fd::kube", "a string"), *node));
        return std::nullopt;
    }
    return node->scalar;
}

std::optional<bool> readBool(const YamlNode &map, const QString &key, const Reporter &reporter)
{
    const YamlNodePtr node = map.value(key);
    if (!node || node->isNull())
        return std::nullopt;
    if (const auto value = node->toBool())
        return value;
    if (node->isScalar() && node->quoted) {
        const QString lower = node->scalar.trimmed().toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("false")) {
            reporter.warning(node, translate("fd::kube", "%1: the boolean is quoted (\"%2\"); kubectl rejects this, "
                                                         "Fission Desk reads it as %3")
                                       .arg(key, node->scalar, lower));
            return lower == QLatin1String("true");
        }
    }
    reporter.error(node, typeMismatch(key, translate("fd::kube", "true or false"), *node));
    return std::nullopt;
}

std::optional<QStringList> readStringList(const YamlNode &map, const QString &key, const Reporter &reporter)
{
    const YamlNodePtr node = map.value(key);
    if (!node || node->isNull())
        return std::nullopt;
    if (!node->isSequence()) {
        reporter.error(node, typeMismatch(key, translate("fd::kube", "a list of strings"), *node));
        return std::nullopt;
    }
    QStringList out;
    for (size_t i = 0; i < node->items.size(); ++i) {
        const YamlNodePtr &item = node->items[i];
        if (!item || item->isNull()) {
            out.append(QString());
        } else if (item->isScalar()) {
            out.append(item->scalar);
        } else {
            reporter.error(item, typeMismatch(QStringLiteral("%1[%2]").arg(key).arg(i), translate("fd::kube", "a string"), *item));
            return std::nullopt;
        }
    }
    return out;
}

void warnUnknownFields(const YamlNode &map, const QStringList &known, const QString &where, const Reporter &reporter)
{
    for (const auto &[key, value] : map.mappingEntries()) {
        if (known.contains(key))
            continue;
        const QString message = where.isEmpty()
            ? translate("fd::kube", "unknown field \"%1\" (ignored)").arg(key)
            : translate("fd::kube", "%1: unknown field \"%2\" (ignored)").arg(where, key);
        reporter.warning(value, message);
    }
    for (const QString &duplicate : map.duplicateKeys()) {
        reporter.warning(map.value(duplicate), translate("fd::kube", "field \"%1\" is given more than once; the last one "
                                                                     "is used")
                                                   .arg(duplicate));
    }
}

// ---------------------------------------------------------------------------------------------
// One file, parsed into named entries.

struct RawEntry {
    QString name;
    QString file;
    QString fileDir;
    QString label; // users[2] "alice"
    YamlMark mark;
    YamlNodePtr body; // the cluster/user/context mapping (may be null)
    QList<ConfigProblem> problems;
};

struct ParsedFile {
    QString path;
    QList<RawEntry> clusters;
    QList<RawEntry> users;
    QList<RawEntry> contexts;
    QString currentContext;
    YamlMark currentContextMark;
    QJsonObject preferences;
    QList<ConfigProblem> problems; // file-level
    bool readable = false;
    bool damaged = false; // syntax error or wrong top-level types: entries may be missing
};

QString sectionBodyKey(const QString &section)
{
    if (section == QLatin1String("clusters"))
        return QStringLiteral("cluster");
    if (section == QLatin1String("users"))
        return QStringLiteral("user");
    return QStringLiteral("context");
}

QList<RawEntry> parseSection(const YamlNode &root, const QString &section, const QString &file, const QString &fileDir,
                             ParsedFile &parsed, const std::optional<YamlParseError> &syntaxError)
{
    QList<RawEntry> entries;
    const YamlNodePtr list = root.value(section);
    if (!list || list->isNull())
        return entries;
    const Reporter fileReporter{file, QString(), list->mark, &parsed.problems};
    if (!list->isSequence()) {
        parsed.damaged = true;
        fileReporter.error(list, translate("fd::kube", "%1: expected a list of entries, got %2; all of them are ignored")
                                     .arg(section, list->kindName()));
        return entries;
    }
    const QString bodyKey = sectionBodyKey(section);
    QHash<QString, int> firstIndexByName;
    for (size_t i = 0; i < list->items.size(); ++i) {
        const YamlNodePtr &item = list->items[i];
        RawEntry entry;
        entry.file = file;
        entry.fileDir = fileDir;
        entry.mark = item ? item->mark : list->mark;
        entry.label = QStringLiteral("%1[%2]").arg(section).arg(i);
        if (!item || !item->isMapping()) {
            Reporter reporter{file, entry.label, entry.mark, &parsed.problems};
            reporter.error(item, translate("fd::kube", "expected a mapping with \"name\" and \"%1\", got %2; the entry is ignored")
                                     .arg(bodyKey, item ? item->kindName() : QStringLiteral("null")));
            continue;
        }
        const YamlNodePtr nameNode = item->value(QStringLiteral("name"));
        if (nameNode && nameNode->isScalar())
            entry.name = nameNode->scalar;
        if (!entry.name.isEmpty())
            entry.label += QLatin1Char(' ') + quoted(entry.name);
        Reporter reporter{file, entry.label, entry.mark, &entry.problems};
        if (nameNode && !nameNode->isNull() && !nameNode->isScalar()) {
            Reporter setReporter{file, entry.label, entry.mark, &parsed.problems};
            setReporter.error(nameNode, typeMismatch(QStringLiteral("name"), translate("fd::kube", "a string"), *nameNode)
                                            + translate("fd::kube", "; the entry is ignored"));
            continue;
        }
        if (entry.name.isEmpty()) {
            Reporter setReporter{file, entry.label, entry.mark, &parsed.problems};
            setReporter.error(item, item->complete ? translate("fd::kube", "the entry has no name; it is ignored")
                                                   : translate("fd::kube", "the entry is cut off by the YAML syntax error "
                                                                           "and has no name; it is ignored"));
            continue;
        }
        if (!item->complete && syntaxError) {
            reporter.error(item, translate("fd::kube", "the entry is cut off by the YAML syntax error at line %1 (%2)")
                                     .arg(syntaxError->mark.line)
                                     .arg(syntaxError->message));
        }
        entry.body = item->value(bodyKey);
        if (!entry.body || entry.body->isNull()) {
            reporter.error(item, translate("fd::kube", "the entry has no \"%1\" field").arg(bodyKey));
            entry.body.reset();
        } else if (!entry.body->isMapping()) {
            reporter.error(entry.body, typeMismatch(bodyKey, translate("fd::kube", "a mapping"), *entry.body));
            entry.body.reset();
        }
        warnUnknownFields(*item, {QStringLiteral("name"), bodyKey}, QString(), reporter);
        if (const auto it = firstIndexByName.constFind(entry.name); it != firstIndexByName.constEnd()) {
            Reporter setReporter{file, entry.label, entry.mark, &parsed.problems};
            setReporter.warning(item, translate("fd::kube", "duplicate name: %1[%2] already defines %3; this entry is ignored "
                                                            "(kubectl refuses a file with duplicate names)")
                                          .arg(section)
                                          .arg(*it)
                                          .arg(quoted(entry.name)));
            continue;
        }
        firstIndexByName.insert(entry.name, static_cast<int>(i));
        entries.append(entry);
    }
    return entries;
}

// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = bytes[i];
        int extra = 0;
        char32_t minimum = 0;
        char32_t code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            minimum = 0x80;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            minimum = 0x800;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            minimum = 0x10000;
            code = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= size)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (bytes[i + k] & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

// Reads and decodes the text of a kubeconfig file. Problems go to `parsed`.
std::optional<QByteArray> readKubeconfigText(const QString &path, qint64 maxSize, ParsedFile &parsed)
{
    const Reporter reporter{path, QString(), {}, &parsed.problems};
    const QFileInfo info(path);
    if (info.isDir()) {
        reporter.error(nullptr, translate("fd::kube", "is a directory, not a kubeconfig file"));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reporter.error(nullptr, translate("fd::kube", "cannot be read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    QByteArray data = readAtMost(file, maxSize + 1);
    if (data.size() > maxSize) {
        reporter.error(nullptr, translate("fd::kube", "is larger than %1 MiB; it is not read").arg(maxSize / (1024 * 1024)));
        return std::nullopt;
    }
    // UTF-16 with a byte order mark (PowerShell's `>` writes it); go-yaml reads it too.
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")) {
        auto decoder = QStringDecoder(data.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        const QString text = decoder.decode(data.mid(2));
        if (decoder.hasError()) {
            reporter.error(nullptr, translate("fd::kube", "is not valid UTF-16 text"));
            return std::nullopt;
        }
        data = text.toUtf8();
    } else if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3);
    }
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0) {
        reporter.error(nullptr, translate("fd::kube", "is not a kubeconfig: it contains binary data (a NUL byte at offset %1)").arg(nul));
        return std::nullopt;
    }
    if (const qsizetype bad = firstInvalidUtf8(data); bad >= 0) {
        reporter.error(nullptr, translate("fd::kube", "is not a kubeconfig: it is not UTF-8 text (invalid byte at offset %1)").arg(bad));
        return std::nullopt;
    }
    return data;
}

ParsedFile parseFile(const QString &path, qint64 maxSize)
{
    ParsedFile parsed;
    parsed.path = path;
    const std::optional<QByteArray> text = readKubeconfigText(path, maxSize, parsed);
    if (!text) {
        parsed.damaged = true;
        return parsed;
    }
    parsed.readable = true;
    const Reporter reporter{path, QString(), {}, &parsed.problems};
    const YamlDocument document = parseYaml(*text);
    if (document.error) {
        parsed.damaged = true;
        parsed.problems.append({Severity::Error, path, document.error->mark.line, document.error->mark.column, QString(),
                                translate("fd::kube", "YAML syntax error: %1; entries after this point are not read")
                                    .arg(document.error->message)});
    }
    if (document.hasMoreDocuments)
        reporter.warning(nullptr, translate("fd::kube", "contains more than one YAML document; only the first is used"));
    const YamlNodePtr root = document.root;
    if (!root || root->isNull()) {
        if (!document.error)
            reporter.warning(nullptr, translate("fd::kube", "is empty"));
        return parsed;
    }
    if (!root->isMapping()) {
        parsed.damaged = true;
        reporter.error(root, translate("fd::kube", "is not a kubeconfig: the top level is %1, expected a mapping with "
                                                   "clusters, users and contexts")
                                 .arg(root->kindName()));
        return parsed;
    }
    const QString fileDir = QFileInfo(path).absolutePath();
    if (const YamlNodePtr kind = root->value(QStringLiteral("kind")); kind && kind->isScalar() && !kind->scalar.isEmpty()
        && kind->scalar != QLatin1String("Config")) {
        parsed.damaged = true;
        reporter.error(kind, translate("fd::kube", "is not a kubeconfig: its kind is %1, expected Config").arg(kind->scalar));
        return parsed;
    }
    if (const YamlNodePtr apiVersion = root->value(QStringLiteral("apiVersion"));
        apiVersion && apiVersion->isScalar() && !apiVersion->scalar.isEmpty() && apiVersion->scalar != QLatin1String("v1")) {
        reporter.warning(apiVersion, translate("fd::kube", "apiVersion is %1, expected v1").arg(apiVersion->scalar));
    }
    warnUnknownFields(*root,
                      {QStringLiteral("apiVersion"), QStringLiteral("kind"), QStringLiteral("clusters"), QStringLiteral("users"),
                       QStringLiteral("contexts"), QStringLiteral("current-context"), QStringLiteral("preferences"),
                       QStringLiteral("extensions")},
                      QString(), reporter);

    parsed.clusters = parseSection(*root, QStringLiteral("clusters"), path, fileDir, parsed, document.error);
    parsed.users = parseSection(*root, QStringLiteral("users"), path, fileDir, parsed, document.error);
    parsed.contexts = parseSection(*root, QStringLiteral("contexts"), path, fileDir, parsed, document.error);

    if (const YamlNodePtr current = root->value(QStringLiteral("current-context")); current && !current->isNull()) {
        if (current->isScalar()) {
            parsed.currentContext = current->scalar;
            parsed.currentContextMark = current->mark;
        } else {
            reporter.error(current, typeMismatch(QStringLiteral("current-context"), translate("fd::kube", "a string"), *current));
        }
    }
    if (const YamlNodePtr preferences = root->value(QStringLiteral("preferences")); preferences && !preferences->isNull()) {
        const auto json = yamlToJson(preferences);
        if (preferences->isMapping() && json && json->isObject())
            parsed.preferences = json->toObject();
        else
            reporter.warning(preferences, translate("fd::kube", "preferences: expected a mapping, got %1 (ignored)").arg(preferences->kindName()));
    }
    return parsed;
}

// ---------------------------------------------------------------------------------------------
// Referenced files and data fields.

QString resolvePath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(QDir(baseDir).filePath(path));
}

// Reads a file a kubeconfig field points to. Problems are reported against `field`.
std::optional<QByteArray> readReferencedFile(const QString &field, const QString &rawPath, const QString &baseDir,
                                             const YamlNodePtr &at, const Reporter &reporter, QString *resolved)
{
    const QString path = resolvePath(rawPath, baseDir);
    *resolved = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        QString message = translate("fd::kube", "%1: file %2 does not exist").arg(field, path);
        if (rawPath.startsWith(QLatin1String("~/")))
            message += translate("fd::kube", " (kubectl does not expand ~ in kubeconfig paths)");
        reporter.error(at, message);
        return std::nullopt;
    }
    if (info.isDir()) {
        reporter.error(at, translate("fd::kube", "%1: %2 is a directory, not a file").arg(field, path));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reporter.error(at, translate("fd::kube", "%1: file %2 cannot be read: %3").arg(field, path, file.errorString()));
        return std::nullopt;
    }
    QByteArray data = readAtMost(file, kMaxReferencedFileSize + 1);
    if (data.size() > kMaxReferencedFileSize) {
        reporter.error(at, translate("fd::kube", "%1: file %2 is too large (more than 4 MiB)").arg(field, path));
        return std::nullopt;
    }
    return data;
}

// Decodes a `*-data` field (base64 PEM).
std::optional<QByteArray> decodeDataField(const QString &field, const QString &value, const YamlNodePtr &at, const Reporter &reporter)
{
    if (value.contains(QLatin1String("-----BEGIN"))) {
        reporter.error(at, translate("fd::kube", "%1: contains PEM text, but the field must hold base64-encoded PEM "
                                                 "(use the file variant without -data for a PEM file)")
                               .arg(field));
        return std::nullopt;
    }
    const auto decoded = decodeBase64Field(value);
    if (!decoded) {
        reporter.error(at, translate("fd::kube", "%1: is not valid base64").arg(field));
        return std::nullopt;
    }
    return decoded;
}

// certificate-authority[-data] / client-certificate[-data] / client-key[-data]: data wins.
struct PemSource {
    QByteArray pem;
    QString file; // absolute, when it came from a file
    QString field; // the field it came from
    YamlNodePtr node;
};

std::optional<PemSource> loadPemField(const YamlNode &body, const QString &fileField, const QString &dataField,
                                      const QString &baseDir, const Reporter &reporter, bool *failed)
{
    *failed = false;
    const auto fileValue = readString(body, fileField, reporter);
    const auto dataValue = readString(body, dataField, reporter);
    if (!fileValue && body.value(fileField) && !body.value(fileField)->isNull())
        *failed = true;
    if (!dataValue && body.value(dataField) && !body.value(dataField)->isNull())
        *failed = true;
    const bool hasFile = fileValue && !fileValue->isEmpty();
    const bool hasData = dataValue && !dataValue->trimmed().isEmpty();
    if (hasFile && hasData) {
        reporter.warning(body.value(fileField),
                         translate("fd::kube", "%1 and %2 are both set; %2 is used").arg(fileField, dataField));
    }
    if (hasData) {
        const YamlNodePtr node = body.value(dataField);
        auto pem = decodeDataField(dataField, *dataValue, node, reporter);
        if (!pem) {
            *failed = true;
            return std::nullopt;
        }
        return PemSource{*pem, QString(), dataField, node};
    }
    if (hasFile) {
        const YamlNodePtr node = body.value(fileField);
        QString resolved;
        auto data = readReferencedFile(fileField, *fileValue, baseDir, node, reporter, &resolved);
        if (!data) {
            *failed = true;
            return std::nullopt;
        }
        return PemSource{*data, resolved, fileField, node};
    }
    return std::nullopt;
}

QString describeSource(const PemSource &source)
{
    return source.file.isEmpty() ? source.field : QStringLiteral("%1 (%2)").arg(source.field, source.file);
}

QString formatDate(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

// ---------------------------------------------------------------------------------------------
// Clusters.

struct ClusterResult {
    std::optional<ResolvedCluster> cluster;
    QList<ConfigProblem> problems;
    bool serverHasScheme = true;
    QString rawServer;
};

ClusterResult resolveCluster(const RawEntry &raw, const QDateTime &now)
{
    ClusterResult result;
    result.problems = raw.problems;
    const Reporter reporter{raw.file, raw.label, raw.mark, &result.problems};
    ResolvedCluster cluster;
    cluster.name = raw.name;
    cluster.sourceFile = raw.file;
    if (!raw.body) {
        result.cluster = cluster;
        return result;
    }
    const YamlNode &body = *raw.body;
    warnUnknownFields(body,
                      {QStringLiteral("server"), QStringLiteral("certificate-authority"), QStringLiteral("certificate-authority-data"),
                       QStringLiteral("insecure-skip-tls-verify"), QStringLiteral("tls-server-name"), QStringLiteral("proxy-url"),
                       QStringLiteral("disable-compression"), QStringLiteral("extensions")},
                      QStringLiteral("cluster"), reporter);

    // server
    const auto server = readString(body, QStringLiteral("server"), reporter);
    const YamlNodePtr serverNode = body.value(QStringLiteral("server"));
    if (!server || server->trimmed().isEmpty()) {
        if (!serverNode || serverNode->isNull() || serverNode->isScalar())
            reporter.error(serverNode ? serverNode : raw.body, translate("fd::kube", "server: the cluster has no server URL"));
    } else {
        result.rawServer = server->trimmed();
        QUrl url(result.rawServer, QUrl::StrictMode);
        if (!result.rawServer.contains(QLatin1String("://"))) {
            // client-go's DefaultServerURL: "host:port" without a scheme gets "https://" when TLS
            // is configured, else "http://" (decided per context, once the user is known).
            result.serverHasScheme = false;
            url = QUrl(QStringLiteral("https://") + result.rawServer, QUrl::StrictMode);
        }
        if (!url.isValid()) {
            // Like proxy-url: a URL may carry user:password, which must not reach the message.
            reporter.error(serverNode, translate("fd::kube", "server: %1 is not a valid URL")
                                           .arg(quoted(redactUrlForMessage(url, result.rawServer))));
        } else if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) {
            reporter.error(serverNode, translate("fd::kube", "server: unsupported scheme %1 (expected https or http)").arg(quoted(url.scheme())));
        } else if (url.host().isEmpty()) {
            reporter.error(serverNode, translate("fd::kube", "server: %1 has no host").arg(quoted(result.rawServer)));
        } else {
            if (url.hasQuery() || url.hasFragment())
                reporter.warning(serverNode, translate("fd::kube", "server: the query or fragment of the URL is ignored"));
            if (!url.password().isEmpty() || !url.userName().isEmpty())
                reporter.warning(serverNode, translate("fd::kube", "server: the URL contains user information, which is ignored"));
            url.setQuery(QString());
            url.setFragment(QString());
            url.setUserInfo(QString());
            cluster.server = url;
        }
    }

    // certificate authority
    bool caFailed = false;
    const auto ca = loadPemField(body, QStringLiteral("certificate-authority"), QStringLiteral("certificate-authority-data"),
                                 raw.fileDir, reporter, &caFailed);
    if (ca) {
        const auto bundle = parseCertificatePem(ca->pem);
        if (!bundle) {
            reporter.error(ca->node, translate("fd::kube", "%1: not a usable CA certificate: %2").arg(describeSource(*ca), bundle.error()));
        } else {
            cluster.caPem = ca->pem;
            cluster.caFile = ca->file;
            if (!bundle->skipped.isEmpty())
                reporter.warning(ca->node, translate("fd::kube", "%1: skipped %2").arg(describeSource(*ca), bundle->skipped.join(QStringLiteral(", "))));
            for (const CertificateInfo &info : bundle->certificates) {
                if (info.notAfter.isValid() && info.notAfter < now) {
                    reporter.warning(ca->node, translate("fd::kube", "%1: the CA certificate %2 expired on %3")
                                                   .arg(describeSource(*ca), quoted(info.subject), formatDate(info.notAfter)));
                }
            }
        }
    }

    if (const auto insecure = readBool(body, QStringLiteral("insecure-skip-tls-verify"), reporter))
        cluster.insecureSkipTlsVerify = *insecure;
    if (cluster.insecureSkipTlsVerify && (ca || caFailed)) {
        reporter.error(body.value(QStringLiteral("insecure-skip-tls-verify")),
                       translate("fd::kube", "insecure-skip-tls-verify is set together with a certificate authority; "
                                             "client-go refuses this combination (remove one of them)"));
    }
    if (const auto serverName = readString(body, QStringLiteral("tls-server-name"), reporter))
        cluster.tlsServerName = serverName->trimmed();

    if (const auto proxy = readString(body, QStringLiteral("proxy-url"), reporter); proxy && !proxy->trimmed().isEmpty()) {
        const YamlNodePtr node = body.value(QStringLiteral("proxy-url"));
        const QUrl url(proxy->trimmed(), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()) {
            reporter.error(node, translate("fd::kube", "proxy-url: %1 is not a valid URL with a host").arg(quoted(redactUrlForMessage(url, *proxy))));
        } else if (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("socks5")) {
            reporter.error(node, translate("fd::kube", "proxy-url: unsupported scheme %1 (expected http, https or socks5)").arg(quoted(url.scheme())));
        } else {
            cluster.proxyUrl = url;
        }
    }
    if (const auto disable = readBool(body, QStringLiteral("disable-compression"), reporter))
        cluster.disableCompression = *disable;

    // extensions
    if (const YamlNodePtr extensions = body.value(QStringLiteral("extensions")); extensions && !extensions->isNull()) {
        if (!extensions->isSequence()) {
            reporter.error(extensions, typeMismatch(QStringLiteral("extensions"), translate("fd::kube", "a list"), *extensions));
        } else {
            for (size_t i = 0; i < extensions->items.size(); ++i) {
                const YamlNodePtr &item = extensions->items[i];
                const QString where = QStringLiteral("extensions[%1]").arg(i);
                if (!item || !item->isMapping()) {
                    reporter.error(item, typeMismatch(where, translate("fd::kube", "a mapping with name and extension"),
                                                      item ? *item : YamlNode()));
                    continue;
                }
                const YamlNodePtr nameNode = item->value(QStringLiteral("name"));
                if (!nameNode || !nameNode->isScalar() || nameNode->scalar.isEmpty()) {
                    reporter.error(item, translate("fd::kube", "%1: the extension has no name").arg(where));
                    continue;
                }
                const auto json = yamlToJson(item->value(QStringLiteral("extension")));
                if (!json) {
                    reporter.error(item, translate("fd::kube", "%1: the extension is nested too deeply or too large").arg(where));
                    continue;
                }
                cluster.extensions.insert(nameNode->scalar, *json);
                if (nameNode->scalar == kExecExtensionName)
                    cluster.execClusterConfig = *json;
            }
        }
    }
    result.cluster = cluster;
    return result;
}

// ---------------------------------------------------------------------------------------------
// Users.

struct UserResult {
    std::optional<ResolvedUser> user;
    QList<ConfigProblem> problems;
    YamlNodePtr execNode;
    bool execInEffect = false;
};

std::optional<ExecConfig> parseExec(const YamlNodePtr &node, const QString &baseDir, const QString &file, const Reporter &reporter)
{
    if (!node->isMapping()) {
        reporter.error(node, typeMismatch(QStringLiteral("exec"), translate("fd::kube", "a mapping"), *node));
        return std::nullopt;
    }
    const YamlNode &exec = *node;
    bool ok = true;
    ExecConfig config;
    config.sourceFile = file;
    warnUnknownFields(exec,
                      {QStringLiteral("command"), QStringLiteral("args"), QStringLiteral("env"), QStringLiteral("apiVersion"),
                       QStringLiteral("installHint"), QStringLiteral("provideClusterInfo"), QStringLiteral("interactiveMode")},
                      QStringLiteral("exec"), reporter);
    const auto fieldError = [&](const QString &key) {
        const YamlNodePtr value = exec.value(key);
        return value && !value->isNull();
    };

    const auto command = readString(exec, QStringLiteral("command"), reporter);
    if (!command || command->trimmed().isEmpty()) {
        if (!fieldError(QStringLiteral("command")) || (command && command->trimmed().isEmpty()))
            reporter.error(node, translate("fd::kube", "exec: command must be specified"));
        ok = false;
    } else {
        config.command = command->trimmed();
        if (config.command.contains(QLatin1Char('/')) || config.command.contains(QDir::separator()))
            config.command = resolvePath(config.command, baseDir);
    }
    if (const auto args = readStringList(exec, QStringLiteral("args"), reporter))
        config.args = *args;
    else if (fieldError(QStringLiteral("args")))
        ok = false;

    if (const YamlNodePtr env = exec.value(QStringLiteral("env")); env && !env->isNull()) {
        if (!env->isSequence()) {
            reporter.error(env, typeMismatch(QStringLiteral("exec.env"), translate("fd::kube", "a list of name/value pairs"), *env));
            ok = false;
        } else {
            for (size_t i = 0; i < env->items.size(); ++i) {
                const YamlNodePtr &item = env->items[i];
                const QString where = QStringLiteral("exec.env[%1]").arg(i);
                if (!item || !item->isMapping()) {
                    reporter.error(item ? item : env, typeMismatch(where, translate("fd::kube", "a mapping with name and value"),
                                                                   item ? *item : YamlNode()));
                    ok = false;
                    continue;
                }
                const YamlNodePtr nameNode = item->value(QStringLiteral("name"));
                const YamlNodePtr valueNode = item->value(QStringLiteral("value"));
                if (!nameNode || !nameNode->isScalar() || nameNode->scalar.isEmpty()) {
                    reporter.error(item, translate("fd::kube", "%1: env variable name must be specified").arg(where));
                    ok = false;
                    continue;
                }
                if (valueNode && !valueNode->isNull() && !valueNode->isScalar()) {
                    // Never quote the value: it may be a secret.
                    reporter.error(valueNode, typeMismatch(where + QStringLiteral(".value"), translate("fd::kube", "a string"), *valueNode));
                    ok = false;
                    continue;
                }
                config.env.append({nameNode->scalar, valueNode && valueNode->isScalar() ? valueNode->scalar : QString()});
            }
        }
    }

    const auto apiVersion = readString(exec, QStringLiteral("apiVersion"), reporter);
    config.apiVersion = apiVersion.value_or(QString()).trimmed();
    if (config.apiVersion.isEmpty()) {
        reporter.error(node, translate("fd::kube", "exec: apiVersion must be specified (client.authentication.k8s.io/v1 or v1beta1)"));
        ok = false;
    } else if (config.apiVersion == kExecApiV1alpha1) {
        reporter.error(exec.value(QStringLiteral("apiVersion")),
                       translate("fd::kube", "exec: apiVersion client.authentication.k8s.io/v1alpha1 is no longer supported by "
                                             "kubectl; regenerate this entry with a current version of the tool that wrote it "
                                             "(e.g. `aws eks update-kubeconfig`) or change it to v1beta1"));
        ok = false;
    } else if (config.apiVersion != kExecApiV1 && config.apiVersion != kExecApiV1beta1) {
        reporter.error(exec.value(QStringLiteral("apiVersion")),
                       translate("fd::kube", "exec: apiVersion %1 is not supported (expected client.authentication.k8s.io/v1 "
                                             "or v1beta1)")
                           .arg(quoted(config.apiVersion)));
        ok = false;
    }
    if (const auto hint = readString(exec, QStringLiteral("installHint"), reporter))
        config.installHint = *hint;
    if (const auto provide = readBool(exec, QStringLiteral("provideClusterInfo"), reporter))
        config.provideClusterInfo = *provide;

    const auto mode = readString(exec, QStringLiteral("interactiveMode"), reporter);
    const QString modeText = mode.value_or(QString()).trimmed();
    if (modeText.isEmpty()) {
        if (config.apiVersion == kExecApiV1) {
            reporter.error(node, translate("fd::kube", "exec: interactiveMode must be specified for "
                                                       "client.authentication.k8s.io/v1 (Never, IfAvailable or Always)"));
            ok = false;
        }
        config.interactiveMode = ExecInteractiveMode::IfAvailable;
    } else if (modeText == QLatin1String("Never")) {
        config.interactiveMode = ExecInteractiveMode::Never;
    } else if (modeText == QLatin1String("IfAvailable")) {
        config.interactiveMode = ExecInteractiveMode::IfAvailable;
    } else if (modeText == QLatin1String("Always")) {
        config.interactiveMode = ExecInteractiveMode::Always;
    } else {
        reporter.error(exec.value(QStringLiteral("interactiveMode")),
                       translate("fd::kube", "exec: invalid interactiveMode %1 (expected Never, IfAvailable or Always)").arg(quoted(modeText)));
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    return config;
}

std::optional<OidcAuthProvider> parseAuthProvider(const YamlNodePtr &node, const QDateTime &now, const Reporter &reporter)
{
    if (!node->isMapping()) {
        reporter.error(node, typeMismatch(QStringLiteral("auth-provider"), translate("fd::kube", "a mapping"), *node));
        return std::nullopt;
    }
    const QString name = readString(*node, QStringLiteral("name"), reporter).value_or(QString()).trimmed();
    const YamlNodePtr configNode = node->value(QStringLiteral("config"));
    if (name == QLatin1String("gcp")) {
        reporter.error(node, translate("fd::kube", "auth-provider: the gcp provider was removed in Kubernetes 1.26; use the "
                                                   "gke-gcloud-auth-plugin exec plugin (`gcloud container clusters get-credentials` "
                                                   "writes it)"));
        return std::nullopt;
    }
    if (name == QLatin1String("azure")) {
        reporter.error(node, translate("fd::kube", "auth-provider: the azure provider was removed in Kubernetes 1.26; use the "
                                                   "kubelogin exec plugin (`kubelogin convert-kubeconfig`)"));
        return std::nullopt;
    }
    if (name != QLatin1String("oidc")) {
        reporter.error(node, name.isEmpty() ? translate("fd::kube", "auth-provider: the provider has no name")
                                            : translate("fd::kube", "auth-provider: unknown provider %1 (only oidc is supported)").arg(quoted(name)));
        return std::nullopt;
    }
    if (configNode && !configNode->isNull() && !configNode->isMapping()) {
        reporter.error(configNode, typeMismatch(QStringLiteral("auth-provider.config"), translate("fd::kube", "a mapping"), *configNode));
        return std::nullopt;
    }
    OidcAuthProvider oidc;
    if (configNode && configNode->isMapping()) {
        const YamlNode &config = *configNode;
        oidc.idToken = readString(config, QStringLiteral("id-token"), reporter).value_or(QString()).trimmed();
        oidc.refreshToken = readString(config, QStringLiteral("refresh-token"), reporter).value_or(QString()).trimmed();
        oidc.issuerUrl = readString(config, QStringLiteral("idp-issuer-url"), reporter).value_or(QString()).trimmed();
        oidc.clientId = readString(config, QStringLiteral("client-id"), reporter).value_or(QString()).trimmed();
        oidc.clientSecret = readString(config, QStringLiteral("client-secret"), reporter).value_or(QString());
    }
    if (oidc.idToken.isEmpty() && oidc.refreshToken.isEmpty()) {
        reporter.error(node, translate("fd::kube", "auth-provider oidc: config has neither id-token nor refresh-token; log in "
                                                   "with your OIDC tool first"));
        return std::nullopt;
    }
    if (oidc.idToken.isEmpty()) {
        reporter.error(node, translate("fd::kube", "auth-provider oidc: there is no id-token; refreshing it from the issuer is "
                                                   "not supported, log in with your OIDC tool again"));
        return std::nullopt;
    }
    oidc.idTokenExpiry = jwtExpiry(oidc.idToken);
    if (oidc.idTokenExpiry.isValid() && oidc.idTokenExpiry < now) {
        reporter.warning(node, translate("fd::kube", "auth-provider oidc: the id-token expired on %1; the server will reject it "
                                                     "(log in with your OIDC tool again)")
                                   .arg(formatDate(oidc.idTokenExpiry)));
    }
    return oidc;
}

UserResult resolveUser(const RawEntry &raw, const QDateTime &now)
{
    UserResult result;
    result.problems = raw.problems;
    const Reporter reporter{raw.file, raw.label, raw.mark, &result.problems};
    ResolvedUser user;
    user.name = raw.name;
    user.sourceFile = raw.file;
    if (!raw.body) {
        result.user = user;
        return result;
    }
    const YamlNode &body = *raw.body;
    warnUnknownFields(body,
                      {QStringLiteral("client-certificate"), QStringLiteral("client-certificate-data"), QStringLiteral("client-key"),
                       QStringLiteral("client-key-data"), QStringLiteral("token"), QStringLiteral("tokenFile"), QStringLiteral("as"),
                       QStringLiteral("as-uid"), QStringLiteral("as-groups"), QStringLiteral("as-user-extra"),
                       QStringLiteral("username"), QStringLiteral("password"), QStringLiteral("auth-provider"),
                       QStringLiteral("exec"), QStringLiteral("extensions")},
                      QStringLiteral("user"), reporter);

    // Client certificate and key.
    bool certFailed = false;
    bool keyFailed = false;
    const auto cert = loadPemField(body, QStringLiteral("client-certificate"), QStringLiteral("client-certificate-data"),
                                   raw.fileDir, reporter, &certFailed);
    const auto key = loadPemField(body, QStringLiteral("client-key"), QStringLiteral("client-key-data"), raw.fileDir, reporter,
                                  &keyFailed);
    const bool certGiven = cert || certFailed;
    const bool keyGiven = key || keyFailed;
    if (certGiven && !keyGiven) {
        reporter.error(cert ? cert->node : raw.body, translate("fd::kube", "client-key-data or client-key must be specified "
                                                                           "to use the client certificate"));
    } else if (keyGiven && !certGiven) {
        reporter.warning(key ? key->node : raw.body, translate("fd::kube", "a client key is given without a client certificate; "
                                                                           "it is ignored"));
    }
    bool certOk = false;
    bool keyOk = false;
    if (cert) {
        const auto bundle = parseCertificatePem(cert->pem);
        if (!bundle) {
            reporter.error(cert->node, translate("fd::kube", "%1: not a usable client certificate: %2").arg(describeSource(*cert), bundle.error()));
        } else {
            certOk = true;
            const CertificateInfo &first = bundle->certificates.first();
            user.clientCertNotAfter = first.notAfter;
            if (first.notAfter.isValid() && first.notAfter < now) {
                reporter.warning(cert->node, translate("fd::kube", "%1: the client certificate expired on %2; the server will "
                                                                   "reject it")
                                                 .arg(describeSource(*cert), formatDate(first.notAfter)));
            } else if (first.notBefore.isValid() && first.notBefore > now) {
                reporter.warning(cert->node, translate("fd::kube", "%1: the client certificate is not valid before %2")
                                                 .arg(describeSource(*cert), formatDate(first.notBefore)));
            }
        }
    }
    if (key) {
        const auto algorithm = parsePrivateKeyPem(key->pem);
        if (!algorithm) {
            reporter.error(key->node, translate("fd::kube", "%1: not a usable private key: %2").arg(describeSource(*key), algorithm.error()));
        } else {
            keyOk = true;
            user.clientKeyAlgorithm = *algorithm;
        }
    }
    if (certOk && keyOk) {
        const auto pair = checkKeyPair(cert->pem, key->pem);
        if (!pair) {
            reporter.error(key->node, translate("fd::kube", "%1 and %2: %3").arg(describeSource(*cert), describeSource(*key), pair.error()));
        } else {
            user.clientCertPem = cert->pem;
            user.clientKeyPem = key->pem;
            user.clientCertFile = cert->file;
            user.clientKeyFile = key->file;
        }
    }

    // Tokens.
    const auto token = readString(body, QStringLiteral("token"), reporter);
    const auto tokenFile = readString(body, QStringLiteral("tokenFile"), reporter);
    if (token && !token->trimmed().isEmpty()) {
        user.token = token->trimmed();
    } else if (tokenFile && !tokenFile->trimmed().isEmpty()) {
        QString resolved;
        const YamlNodePtr node = body.value(QStringLiteral("tokenFile"));
        if (const auto content = readReferencedFile(QStringLiteral("tokenFile"), tokenFile->trimmed(), raw.fileDir, node, reporter, &resolved)) {
            user.tokenFile = resolved;
            user.token = QString::fromUtf8(*content).trimmed();
            if (user.token.isEmpty())
                reporter.warning(node, translate("fd::kube", "tokenFile: file %1 is empty").arg(resolved));
        }
    }

    // Basic auth.
    const auto username = readString(body, QStringLiteral("username"), reporter);
    const auto password = readString(body, QStringLiteral("password"), reporter);
    if ((username && !username->isEmpty()) || (password && !password->isEmpty()))
        user.basicAuth = BasicAuth{username.value_or(QString()), password.value_or(QString())};
    if (token && !token->trimmed().isEmpty() && user.basicAuth) {
        reporter.error(body.value(QStringLiteral("username")) ? body.value(QStringLiteral("username")) : raw.body,
                       translate("fd::kube", "more than one authentication method: token and username/password; only one "
                                             "is allowed"));
    }

    // Exec and auth-provider.
    const YamlNodePtr execNode = body.value(QStringLiteral("exec"));
    const YamlNodePtr providerNode = body.value(QStringLiteral("auth-provider"));
    const bool hasExec = execNode && !execNode->isNull();
    const bool hasProvider = providerNode && !providerNode->isNull();
    if (hasExec && hasProvider) {
        reporter.error(providerNode, translate("fd::kube", "auth-provider cannot be combined with an exec plugin"));
    }
    if (hasExec) {
        if (auto exec = parseExec(execNode, raw.fileDir, raw.file, reporter)) {
            QString disabledBy;
            if (!user.token.isEmpty())
                disabledBy = user.tokenFile.isEmpty() ? QStringLiteral("token") : QStringLiteral("tokenFile");
            else if (user.basicAuth)
                disabledBy = QStringLiteral("username/password");
            else if (certGiven && keyGiven)
                disabledBy = QStringLiteral("a client certificate");
            if (!disabledBy.isEmpty()) {
                reporter.warning(execNode, translate("fd::kube", "exec: the plugin is not used because %1 is set (as in kubectl)").arg(disabledBy));
            } else {
                if (exec->interactiveMode == ExecInteractiveMode::Always) {
                    reporter.error(execNode, translate("fd::kube", "exec: interactiveMode is Always, so the plugin needs a terminal, "
                                                                   "which Fission Desk does not have; set it to IfAvailable or Never"));
                }
                user.exec = *exec;
                result.execInEffect = true;
                result.execNode = execNode;
            }
        }
    }
    if (hasProvider && !hasExec) {
        if (auto oidc = parseAuthProvider(providerNode, now, reporter)) {
            user.oidcIdToken = oidc->idToken;
            user.oidc = *oidc;
        }
    }

    // Impersonation.
    if (const auto as = readString(body, QStringLiteral("as"), reporter))
        user.impersonation.user = as->trimmed();
    if (const auto uid = readString(body, QStringLiteral("as-uid"), reporter))
        user.impersonation.uid = uid->trimmed();
    if (const auto groups = readStringList(body, QStringLiteral("as-groups"), reporter))
        user.impersonation.groups = *groups;
    if (const YamlNodePtr extra = body.value(QStringLiteral("as-user-extra")); extra && !extra->isNull()) {
        if (!extra->isMapping()) {
            reporter.error(extra, typeMismatch(QStringLiteral("as-user-extra"), translate("fd::kube", "a mapping of lists"), *extra));
        } else {
            for (const auto &[extraKey, values] : extra->mappingEntries()) {
                Q_UNUSED(values)
                if (const auto list = readStringList(*extra, extraKey, reporter))
                    user.impersonation.extra.insert(extraKey, *list);
            }
        }
    }
    if (user.impersonation.user.isEmpty()
        && (!user.impersonation.groups.isEmpty() || !user.impersonation.uid.isEmpty() || !user.impersonation.extra.isEmpty())) {
        reporter.error(raw.body, translate("fd::kube", "as-groups, as-uid or as-user-extra is set without as (the user to "
                                                       "impersonate)"));
    }
    result.user = user;
    return result;
}

// ---------------------------------------------------------------------------------------------

QStringList envFileList(const QString &value)
{
    QStringList files;
    for (const QString &entry : value.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
        if (entry.trimmed().isEmpty())
            continue;
        const QString absolute = QDir::cleanPath(QFileInfo(entry).absoluteFilePath());
        if (!files.contains(absolute))
            files.append(absolute);
    }
    return files;
}

void sortProblems(QList<ConfigProblem> &problems)
{
    std::stable_sort(problems.begin(), problems.end(),
                     [](const ConfigProblem &a, const ConfigProblem &b) { return a.isError() && !b.isError(); });
}

} // namespace

QStringList KubeconfigLoader::candidateFiles(const LoadOptions &options, Source *source)
{
    if (!options.explicitFile.isEmpty()) {
        if (source)
            *source = Source::ExplicitFile;
        return {QDir::cleanPath(QFileInfo(options.explicitFile).absoluteFilePath())};
    }
    const QString env = options.kubeconfigEnv ? *options.kubeconfigEnv
                                              : QProcessEnvironment::systemEnvironment().value(QStringLiteral("KUBECONFIG"));
    const QStringList fromEnv = envFileList(env);
    if (!fromEnv.isEmpty()) {
        if (source)
            *source = Source::Environment;
        return fromEnv;
    }
    if (source)
        *source = Source::HomeDefault;
    const QString home = !options.homeDir.isEmpty()
        ? options.homeDir
        : QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOME"), QDir::homePath());
    return {QDir::cleanPath(QDir(home).filePath(QStringLiteral(".kube/config")))};
}

bool KubeconfigLoader::isDns1123Label(const QString &value)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return value.size() <= 63 && label.match(value).hasMatch();
}

KubeconfigSet KubeconfigLoader::load(const LoadOptions &options)
{
    KubeconfigSet set;
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    Source source = Source::HomeDefault;
    const QStringList candidates = candidateFiles(options, &source);

    // 1. Read and parse the files that exist.
    QList<ParsedFile> files;
    for (const QString &path : candidates) {
        if (!QFileInfo::exists(path)) {
            if (source == Source::ExplicitFile) {
                set.problems.append({Severity::Error, path, 0, 0, QString(),
                                     translate("fd::kube", "the kubeconfig file given with --kubeconfig does not exist")});
            } else {
                set.missingFiles.append(path);
            }
            continue;
        }
        ParsedFile parsed = parseFile(path, options.maxFileSize);
        set.problems.append(parsed.problems);
        if (parsed.readable)
            set.files.append(path);
        files.append(std::move(parsed));
    }
    if (files.isEmpty() && source != Source::ExplicitFile) {
        const QString message = source == Source::Environment
            ? translate("fd::kube", "no kubeconfig: none of the files in KUBECONFIG exist (%1)").arg(set.missingFiles.join(QStringLiteral(", ")))
            : translate("fd::kube", "no kubeconfig: %1 does not exist and KUBECONFIG is not set").arg(candidates.value(0));
        set.problems.append({Severity::Error, QString(), 0, 0, QString(), message});
    }
    QStringList damagedFiles;
    for (const ParsedFile &parsed : files) {
        if (parsed.damaged)
            damagedFiles.append(parsed.path);
    }

    // 2. Merge: the first file that defines a name wins the whole entry.
    QHash<QString, const RawEntry *> clusters;
    QHash<QString, const RawEntry *> users;
    QList<const RawEntry *> contexts;
    QSet<QString> contextNames;
    for (const ParsedFile &parsed : files) {
        for (const RawEntry &entry : parsed.clusters) {
            if (!clusters.contains(entry.name))
                clusters.insert(entry.name, &entry);
        }
        for (const RawEntry &entry : parsed.users) {
            if (!users.contains(entry.name))
                users.insert(entry.name, &entry);
        }
        for (const RawEntry &entry : parsed.contexts) {
            if (!contextNames.contains(entry.name)) {
                contextNames.insert(entry.name);
                contexts.append(&entry);
            }
        }
        if (set.currentContext.isEmpty() && !parsed.currentContext.isEmpty())
            set.currentContext = parsed.currentContext;
        if (set.preferences.isEmpty() && !parsed.preferences.isEmpty())
            set.preferences = parsed.preferences;
    }
    if (!options.contextOverride.isEmpty())
        set.currentContext = options.contextOverride;

    // 3. Resolve each referenced cluster and user once.
    QHash<QString, ClusterResult> clusterResults;
    QHash<QString, UserResult> userResults;
    const auto clusterFor = [&](const QString &name) -> const ClusterResult * {
        auto it = clusterResults.find(name);
        if (it == clusterResults.end()) {
            const RawEntry *raw = clusters.value(name);
            if (!raw)
                return nullptr;
            it = clusterResults.insert(name, resolveCluster(*raw, now));
        }
        return &*it;
    };
    const auto userFor = [&](const QString &name) -> const UserResult * {
        auto it = userResults.find(name);
        if (it == userResults.end()) {
            const RawEntry *raw = users.value(name);
            if (!raw)
                return nullptr;
            it = userResults.insert(name, resolveUser(*raw, now));
        }
        return &*it;
    };
    std::shared_ptr<const ExecCommandResolver> resolver = options.commandResolver;
    QHash<QString, std::optional<QString>> commandChecks; // command + override → error
    const auto checkCommand = [&](const ExecConfig &exec) -> std::optional<QString> {
        const QString key = exec.command + QChar(0) + exec.commandOverride;
        if (const auto it = commandChecks.constFind(key); it != commandChecks.constEnd())
            return *it;
        if (!resolver)
            resolver = std::make_shared<const ExecCommandResolver>();
        const auto resolved = resolver->resolve(exec.command, exec.commandOverride, exec.installHint);
        std::optional<QString> error;
        if (!resolved)
            error = resolved.error();
        commandChecks.insert(key, error);
        return error;
    };
    const auto missingHint = [&damagedFiles]() {
        return damagedFiles.isEmpty()
            ? QString()
            : translate("fd::kube", " (%1 could not be read completely and may define it)").arg(damagedFiles.join(QStringLiteral(", ")));
    };

    // 4. Contexts.
    set.contexts.reserve(contexts.size());
    for (const RawEntry *raw : contexts) {
        ContextEntry context;
        context.name = raw->name;
        context.sourceFile = raw->file;
        context.line = raw->mark.line;
        context.problems = raw->problems;
        const Reporter reporter{raw->file, raw->label, raw->mark, &context.problems};
        if (raw->body) {
            const YamlNode &body = *raw->body;
            warnUnknownFields(body, {QStringLiteral("cluster"), QStringLiteral("user"), QStringLiteral("namespace"), QStringLiteral("extensions")},
                              QStringLiteral("context"), reporter);
            context.clusterName = readString(body, QStringLiteral("cluster"), reporter).value_or(QString()).trimmed();
            context.userName = readString(body, QStringLiteral("user"), reporter).value_or(QString()).trimmed();
            context.contextNamespace = readString(body, QStringLiteral("namespace"), reporter).value_or(QString()).trimmed();
            if (!context.contextNamespace.isEmpty() && !isDns1123Label(context.contextNamespace)) {
                reporter.error(body.value(QStringLiteral("namespace")),
                               translate("fd::kube", "namespace %1 is not a valid namespace name (lower-case letters, digits "
                                                     "and '-', at most 63 characters)")
                                   .arg(quoted(context.contextNamespace)));
            }
            const YamlNodePtr at = raw->body;
            if (context.clusterName.isEmpty()) {
                reporter.error(at, translate("fd::kube", "cluster was not specified"));
            } else if (const ClusterResult *cluster = clusterFor(context.clusterName)) {
                context.cluster = cluster->cluster;
                context.problems.append(cluster->problems);
            } else {
                reporter.error(body.value(QStringLiteral("cluster")),
                               translate("fd::kube", "cluster %1 was not found").arg(quoted(context.clusterName)) + missingHint());
            }
            if (context.userName.isEmpty()) {
                reporter.error(at, translate("fd::kube", "user was not specified"));
            } else if (const UserResult *user = userFor(context.userName)) {
                context.user = user->user;
                context.problems.append(user->problems);
                if (context.user && context.user->exec) {
                    ExecConfig &exec = *context.user->exec;
                    exec.commandOverride = options.execCommandOverrides.value(context.name);
                    if (options.checkExecCommands && !exec.command.isEmpty()) {
                        if (const auto error = checkCommand(exec)) {
                            const RawEntry *userRaw = users.value(context.userName);
                            const Reporter userReporter{userRaw->file, userRaw->label, userRaw->mark, &context.problems};
                            userReporter.error(user->execNode, translate("fd::kube", "exec: %1").arg(*error));
                        }
                    }
                }
            } else {
                reporter.error(body.value(QStringLiteral("user")),
                               translate("fd::kube", "user %1 was not found").arg(quoted(context.userName)) + missingHint());
            }
            // client-go's DefaultServerURL for a server without a scheme.
            if (context.cluster && clusterFor(context.clusterName) && !clusterFor(context.clusterName)->serverHasScheme
                && !context.cluster->server.isEmpty()) {
                const bool tls = !context.cluster->caPem.isEmpty() || context.cluster->insecureSkipTlsVerify
                    || (context.user && context.user->hasClientCertificate());
                context.cluster->server.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
            }
        }
        context.namespaceName = !options.namespaceOverride.isEmpty() ? options.namespaceOverride
            : !context.contextNamespace.isEmpty()                    ? context.contextNamespace
                                                                     : QStringLiteral("default");
        context.isCurrent = !set.currentContext.isEmpty() && context.name == set.currentContext;
        sortProblems(context.problems);
        set.contexts.append(std::move(context));
    }

    // 5. Set-level checks.
    if (!set.currentContext.isEmpty() && !set.context(set.currentContext)) {
        QString file;
        YamlMark mark;
        if (options.contextOverride.isEmpty()) {
            for (const ParsedFile &parsed : files) {
                if (!parsed.currentContext.isEmpty()) {
                    file = parsed.path;
                    mark = parsed.currentContextMark;
                    break;
                }
            }
        }
        set.problems.append({Severity::Error, file, mark.line, mark.column, QString(),
                             translate("fd::kube", "current-context %1 does not exist").arg(quoted(set.currentContext)) + missingHint()});
    }
    // Errors in clusters and users that no context uses: reported, but they break nothing.
    const auto reportUnused = [&set](const QList<ConfigProblem> &problems) {
        for (ConfigProblem problem : problems) {
            if (problem.isError()) {
                problem.severity = Severity::Warning;
                problem.message += translate("fd::kube", " (no context uses this entry)");
            }
            set.problems.append(problem);
        }
    };
    for (const ParsedFile &parsed : files) {
        for (const RawEntry &entry : parsed.clusters) {
            if (clusters.value(entry.name) == &entry && !clusterResults.contains(entry.name))
                reportUnused(resolveCluster(entry, now).problems);
        }
        for (const RawEntry &entry : parsed.users) {
            if (users.value(entry.name) == &entry && !userResults.contains(entry.name))
                reportUnused(resolveUser(entry, now).problems);
        }
    }
    sortProblems(set.problems);
    return set;
}

QFuture<KubeconfigSet> KubeconfigLoader::loadAsync(const LoadOptions &options)
{
    return QtConcurrent::run([options] { return load(options); });
}

} // namespace fd::kube
