#include "kube/config/Redaction.h"

#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace fd::kube {

namespace {

using Replacer = std::function<QString(const QRegularExpressionMatch &)>;

struct Rule {
    QRegularExpression pattern;
    Replacer replace;
};

// Credential keys as they appear in kubeconfig, ExecCredential, OAuth and cloud CLI output.
const QString kSecretKeys = QStringLiteral(
    "token|id[-_]?token|refresh[-_]?token|access[-_]?token|auth[-_]?token|bearer[-_]?token|session[-_]?token|"
    "password|passwd|client[-_]?secret|client[-_]?key[-_]?data|client[-_]?certificate[-_]?data|"
    "secret[-_]?access[-_]?key|api[-_]?key|private[-_]?key");

// Query parameters that carry credentials (OAuth, presigned AWS/GCS URLs).
const QString kSecretQueryKeys = QStringLiteral(
    "access_token|id_token|refresh_token|token|password|client_secret|code|sig|signature|"
    "x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential");

// "-----BEGIN CERTIFICATE-----" in base64: public, kept.
const QString kBase64CertificatePrefix = QStringLiteral("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t");

// Also true for "[REDACTED" (a value pattern that stops before the closing bracket), so that
// redacting twice changes nothing.
bool alreadyRedacted(const QString &value)
{
    return value.isEmpty() || value == QLatin1String("\"\"") || value == QLatin1String("''")
        || value.contains(QStringView(kRedacted).chopped(1));
}

// A quoted value keeps its quotes; an empty one stays empty.
QString redactValue(const QString &value)
{
    if (alreadyRedacted(value))
        return value;
    if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))
        && value.back() == value.front())
        return value.front() + kRedacted + value.back();
    return kRedacted;
}

const QList<Rule> &rules()
{
    static const QList<Rule> all = [] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        const auto ml = QRegularExpression::MultilineOption;
        QList<Rule> list;

        // PEM private keys (also inside JSON strings with literal \n), terminated or not.
        list.append({QRegularExpression(QStringLiteral(
                         "(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[\\s\\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$(?![\\s\\S]))")),
                     [](const QRegularExpressionMatch &m) { return m.captured(1) + kRedacted + m.captured(2); }});

        // Base64-encoded PEM that is not a certificate (keys).
        list.append({QRegularExpression(QStringLiteral("LS0tLS1CRUdJTi[A-Za-z0-9+/=]*")),
                     [](const QRegularExpressionMatch &m) {
                         return m.captured(0).startsWith(kBase64CertificatePrefix) ? m.captured(0) : kRedacted;
                     }});

        // Authorization headers: HTTP dumps, Go's map printing (Authorization:[Bearer x]), JSON.
        list.append({QRegularExpression(
                         QStringLiteral("((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\\[\"']?\\s*"
                                        "(?:(?:bearer|basic|negotiate|token)\\s+)?)([^\\s\"'\\],}]+)"),
                         ci),
                     [](const QRegularExpressionMatch &m) { return m.captured(1) + redactValue(m.captured(2)); }});

        // Command-line flags: --token=x, --token x, --password=x …
        list.append({QRegularExpression(QStringLiteral("(--(?:") + kSecretKeys
                                            + QStringLiteral(")(?![\\w-]))(=|\\s+)(\"[^\"]*\"|'[^']*'|[^\\s\"']+)"),
                                        ci),
                     [](const QRegularExpressionMatch &m) {
                         return m.captured(1) + m.captured(2) + redactValue(m.captured(3));
                     }});

        // Exec env entries: "- name: X\n  value: Y", {"name":"X","value":"Y"}, {name: X, value: Y}.
        list.append({QRegularExpression(QStringLiteral("(^[ \\t]*-?[ \\t]*name[ \\t]*:[^\\n]*\\n[ \\t]*value[ \\t]*:[ \\t]*)([^\\n]*?)([ \\t]*)$"),
                                        ml),
                     [](const QRegularExpressionMatch &m) {
                         return m.captured(1) + redactValue(m.captured(2)) + m.captured(3);
                     }});
        list.append({QRegularExpression(QStringLiteral(
                         "(\"name\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"value\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\")")),
                     [](const QRegularExpressionMatch &m) { return m.captured(1) + redactValue(m.captured(2)); }});
        list.append({QRegularExpression(QStringLiteral("(\\{\\s*name\\s*:\\s*[^,}]+,\\s*value\\s*:\\s*)([^,}]*[^,}\\s])")),
                     [](const QRegularExpressionMatch &m) { return m.captured(1) + redactValue(m.captured(2)); }});

        // Escaped JSON inside a string: \"token\":\"…\"
        list.append({QRegularExpression(QStringLiteral("(\\\\\"(?:") + kSecretKeys
                                            + QStringLiteral(")\\\\\"\\s*:\\s*\\\\\")((?:[^\"\\\\]|\\\\(?!\"))*)(\\\\\")"),
                                        ci),
                     [](const QRegularExpressionMatch &m) {
                         return m.captured(1) + (m.captured(2).isEmpty() ? QString() : kRedacted) + m.captured(3);
                     }});

        // YAML block style, key at the start of a line: the value runs to the end of the line
        // (a plain YAML scalar may contain spaces), minus a trailing comment.
        list.append({QRegularExpression(QStringLiteral("(^[ \\t]*(?:-[ \\t]+)?([\"']?)(?:") + kSecretKeys
                                            + QStringLiteral(")\\2[ \\t]*:[ \\t]+)(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s#][^\\n#]*?)([ \\t]*(?:#[^\\n]*)?)$"),
                                        ci | ml),
                     [](const QRegularExpressionMatch &m) {
                         return m.captured(1) + redactValue(m.captured(3)) + m.captured(4);
                     }});

        // Inline key/value: JSON "token":"x", flow YAML {token: x}, key=value, key: value in prose.
        list.append({QRegularExpression(QStringLiteral("((?<![\\w-])([\"']?)(?:") + kSecretKeys
                                            + QStringLiteral(")\\2\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s,;}\\]\"'&]+)"),
                                        ci),
                     [](const QRegularExpressionMatch &m) { return m.captured(1) + redactValue(m.captured(3)); }});

        // user:password@ in URLs.
        list.append({QRegularExpression(QStringLiteral("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]*:)([^/\\s@]+)(@)")),
                     [](const QRegularExpressionMatch &m) {
                         return m.captured(1) + redactValue(m.captured(2)) + m.captured(3);
                     }});

        // Credential query parameters.
        list.append({QRegularExpression(QStringLiteral("([?&](?:") + kSecretQueryKeys + QStringLiteral(")=)([^&\\s\"'#]+)"), ci),
                     [](const QRegularExpressionMatch &m) { return m.captured(1) + redactValue(m.captured(2)); }});

        // Shell-style assignments of secret-looking variables: AWS_SECRET_ACCESS_KEY=…
        list.append({QRegularExpression(QStringLiteral(
                         "(\\b[A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)[A-Z0-9_]*=)"
                         "(\"[^\"]*\"|'[^']*'|[^\\s\"']+)")),
                     [](const QRegularExpressionMatch &m) { return m.captured(1) + redactValue(m.captured(2)); }});

        // JWTs, AWS EKS tokens, Google OAuth access tokens, Kubernetes bootstrap tokens.
        list.append({QRegularExpression(QStringLiteral("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*")),
                     [](const QRegularExpressionMatch &) { return kRedacted; }});
        list.append({QRegularExpression(QStringLiteral("\\bk8s-aws-v1\\.[A-Za-z0-9_=-]+")),
                     [](const QRegularExpressionMatch &) { return QStringLiteral("k8s-aws-v1.") + kRedacted; }});
        list.append({QRegularExpression(QStringLiteral("\\bya29\\.[A-Za-z0-9_.-]{10,}")),
                     [](const QRegularExpressionMatch &) { return QStringLiteral("ya29.") + kRedacted; }});
        list.append({QRegularExpression(QStringLiteral("\\b[a-z0-9]{6}\\.[a-z0-9]{16}\\b")),
                     [](const QRegularExpressionMatch &) { return kRedacted; }});

        // "Bearer <token>" in prose or logs: only when the word after it looks like a token.
        list.append({QRegularExpression(QStringLiteral("\\b(bearer\\s+)([A-Za-z0-9._~+/-]+=*)"), ci),
                     [](const QRegularExpressionMatch &m) {
                         const QString token = m.captured(2);
                         const bool hasDigit = std::any_of(token.begin(), token.end(), [](QChar c) { return c.isDigit(); });
                         if (token.size() >= 16 && hasDigit)
                             return m.captured(1) + kRedacted;
                         return m.captured(0);
                     }});
        return list;
    }();
    return all;
}

QString applyRule(const QString &text, const Rule &rule)
{
    QString out;
    qsizetype last = 0;
    auto it = rule.pattern.globalMatch(text);
    if (!it.hasNext())
        return text;
    out.reserve(text.size());
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(last, match.capturedStart(0) - last);
        out += rule.replace(match);
        last = match.capturedEnd(0);
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

QString redactSecrets(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString out = text;
    for (const Rule &rule : rules())
        out = applyRule(out, rule);
    return out;
}

QString redactKnownSecrets(const QString &text, const QStringList &secrets)
{
    QStringList sorted;
    for (const QString &secret : secrets) {
        const QString trimmed = secret.trimmed();
        if (trimmed.size() >= 4 && trimmed != kRedacted && !sorted.contains(trimmed))
            sorted.append(trimmed);
    }
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QString out = text;
    for (const QString &secret : sorted)
        out.replace(secret, kRedacted);
    return out;
}

QString redactAll(const QString &text, const QStringList &knownSecrets)
{
    return redactSecrets(redactKnownSecrets(text, knownSecrets));
}

QString redactUrl(const QUrl &url)
{
    return redactSecrets(url.toString());
}

} // namespace fd::kube
