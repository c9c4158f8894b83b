#include "sim/codec/Names.h"

#include <QHash>
#include <QRegularExpression>

namespace fd::sim {

namespace {

// The regexes are quoted verbatim inside the apiserver's messages, so each pattern is kept
// once and used both to match and to describe.
const QString kDns1123LabelFmt = QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
const QString kDns1123SubdomainFmt = kDns1123LabelFmt + QStringLiteral("(\\.") + kDns1123LabelFmt + QStringLiteral(")*");
const QString kDns1035LabelFmt = QStringLiteral("[a-z]([-a-z0-9]*[a-z0-9])?");
const QString kLabelKeyFmt = QStringLiteral("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
const QString kLabelValueFmt = QStringLiteral("(") + kLabelKeyFmt + QStringLiteral(")?");
const QString kConfigMapKeyFmt = QStringLiteral("[-._a-zA-Z0-9]+");

const QLatin1String kDns1123LabelMsg("a lowercase RFC 1123 label must consist of lower case alphanumeric characters "
                                     "or '-', and must start and end with an alphanumeric character");
const QLatin1String kDns1123SubdomainMsg("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                                         "characters, '-' or '.', and must start and end with an alphanumeric character");
const QLatin1String kDns1035LabelMsg("a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
                                     "start with an alphabetic character, and end with an alphanumeric character");
const QLatin1String kLabelKeyMsg("must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                                 "with an alphanumeric character");
const QLatin1String kLabelValueMsg("a valid label must be an empty string or consist of alphanumeric characters, "
                                   "'-', '_' or '.', and must start and end with an alphanumeric character");
const QLatin1String kConfigMapKeyMsg("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");

constexpr int kDns1123LabelMaxLength = 63;
constexpr int kDns1123SubdomainMaxLength = 253;
constexpr int kLabelKeyNameMaxLength = 63;
constexpr int kLabelValueMaxLength = 63;

// Compiled once per pattern: selectors and validation run on every request.
bool fullMatch(const QString &pattern, const QString &value)
{
    static const QHash<QString, QRegularExpression> compiled = [] {
        QHash<QString, QRegularExpression> all;
        for (const QString &p : {kDns1123LabelFmt, kDns1123SubdomainFmt, kDns1035LabelFmt, kLabelKeyFmt, kLabelValueFmt,
                                 kConfigMapKeyFmt})
            all.insert(p, QRegularExpression(QRegularExpression::anchoredPattern(p)));
        return all;
    }();
    return compiled.value(pattern).match(value).hasMatch();
}

qsizetype byteLength(const QString &value)
{
    return value.toUtf8().size();
}

QString maxLenError(int length)
{
    return QStringLiteral("must be no more than %1 bytes").arg(length);
}

QString emptyError()
{
    return QStringLiteral("must be non-empty");
}

// content.RegexError: "<msg> (e.g. 'a',  or 'b', regex used for validation is '<re>')" —
// the doubled space is the apiserver's own.
QString regexError(const QString &message, const QString &regex, const QStringList &examples)
{
    QString text = message;
    if (examples.isEmpty())
        return text + QStringLiteral(" (regex used for validation is '") + regex + QStringLiteral("')");
    text += QStringLiteral(" (e.g. ");
    for (qsizetype i = 0; i < examples.size(); ++i) {
        if (i > 0)
            text += QStringLiteral(" or ");
        text += QLatin1Char('\'') + examples.at(i) + QStringLiteral("', ");
    }
    return text + QStringLiteral("regex used for validation is '") + regex + QStringLiteral("')");
}

std::optional<QString> joined(const QStringList &errors)
{
    if (errors.isEmpty())
        return std::nullopt;
    return errors.join(QStringLiteral("; "));
}

// generic.go maskTrailingDash: a generateName ending in '-' is validated with its last two
// characters replaced by "a" (sic: the character before the dash goes too).
QString maskTrailingDash(const QString &name)
{
    if (name.size() > 1 && name.endsWith(QLatin1Char('-')))
        return name.left(name.size() - 2) + QLatin1Char('a');
    return name;
}

QStringList pathSegmentPrefixErrors(const QString &value)
{
    QStringList errors;
    for (const QLatin1String illegal : {QLatin1String("/"), QLatin1String("%")}) {
        if (value.contains(illegal))
            errors << QStringLiteral("may not contain '%1'").arg(illegal);
    }
    return errors;
}


} // namespace

QStringList dns1123LabelErrors(const QString &value)
{
    QStringList errors;
    if (byteLength(value) > kDns1123LabelMaxLength)
        errors << maxLenError(kDns1123LabelMaxLength);
    if (!fullMatch(kDns1123LabelFmt, value)) {
        // A valid subdomain that is not a valid label (length already reported) has dots.
        if (fullMatch(kDns1123SubdomainFmt, value))
            errors << QStringLiteral("must not contain dots");
        else
            errors << regexError(kDns1123LabelMsg, kDns1123LabelFmt, {QStringLiteral("my-name"), QStringLiteral("123-abc")});
    }
    return errors;
}

QStringList dns1123SubdomainErrors(const QString &value)
{
    QStringList errors;
    if (byteLength(value) > kDns1123SubdomainMaxLength)
        errors << maxLenError(kDns1123SubdomainMaxLength);
    if (!fullMatch(kDns1123SubdomainFmt, value))
        errors << regexError(kDns1123SubdomainMsg, kDns1123SubdomainFmt, {QStringLiteral("example.com")});
    return errors;
}

QStringList dns1035LabelErrors(const QString &value)
{
    QStringList errors;
    if (byteLength(value) > kDns1123LabelMaxLength)
        errors << maxLenError(kDns1123LabelMaxLength);
    if (!fullMatch(kDns1035LabelFmt, value))
        errors << regexError(kDns1035LabelMsg, kDns1035LabelFmt, {QStringLiteral("my-name"), QStringLiteral("abc-123")});
    return errors;
}

QStringList pathSegmentNameErrors(const QString &value)
{
    for (const QLatin1String illegal : {QLatin1String("."), QLatin1String("..")}) {
        if (value == illegal)
            return {QStringLiteral("may not be '%1'").arg(illegal)};
    }
    return pathSegmentPrefixErrors(value);
}

QStringList labelKeyErrors(const QString &value)
{
    QStringList errors;
    const QStringList parts = value.split(QLatin1Char('/'));
    QString name;
    switch (parts.size()) {
    case 1:
        name = parts.at(0);
        break;
    case 2: {
        const QString &prefix = parts.at(0);
        name = parts.at(1);
        if (prefix.isEmpty()) {
            errors << QStringLiteral("prefix part ") + emptyError();
        } else {
            for (const QString &message : dns1123SubdomainErrors(prefix))
                errors << QStringLiteral("prefix part ") + message;
        }
        break;
    }
    default:
        return {QStringLiteral("a valid label key ")
                + regexError(kLabelKeyMsg, kLabelKeyFmt, {QStringLiteral("MyName"), QStringLiteral("my.name"),
                                                          QStringLiteral("123-abc")})
                + QStringLiteral(" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")};
    }
    if (name.isEmpty())
        errors << QStringLiteral("name part ") + emptyError();
    else if (byteLength(name) > kLabelKeyNameMaxLength)
        errors << QStringLiteral("name part ") + maxLenError(kLabelKeyNameMaxLength);
    if (!fullMatch(kLabelKeyFmt, name))
        errors << QStringLiteral("name part ")
                      + regexError(kLabelKeyMsg, kLabelKeyFmt, {QStringLiteral("MyName"), QStringLiteral("my.name"),
                                                                QStringLiteral("123-abc")});
    return errors;
}

QStringList labelValueErrors(const QString &value)
{
    QStringList errors;
    if (byteLength(value) > kLabelValueMaxLength)
        errors << maxLenError(kLabelValueMaxLength);
    if (!fullMatch(kLabelValueFmt, value))
        errors << regexError(kLabelValueMsg, kLabelValueFmt, {QStringLiteral("MyValue"), QStringLiteral("my_value"),
                                                              QStringLiteral("12345")});
    return errors;
}

QStringList configMapKeyErrors(const QString &value)
{
    QStringList errors;
    if (byteLength(value) > kDns1123SubdomainMaxLength)
        errors << maxLenError(kDns1123SubdomainMaxLength);
    if (!fullMatch(kConfigMapKeyFmt, value))
        errors << regexError(kConfigMapKeyMsg, kConfigMapKeyFmt, {QStringLiteral("key.name"), QStringLiteral("KEY_NAME"),
                                                                  QStringLiteral("key-name")});
    if (value == QLatin1String("."))
        errors << QStringLiteral("must not be '.'");
    else if (value == QLatin1String(".."))
        errors << QStringLiteral("must not be '..'");
    else if (value.startsWith(QLatin1String("..")))
        errors << QStringLiteral("must not start with '..'");
    return errors;
}

std::optional<QString> validateDns1123Subdomain(const QString &value) { return joined(dns1123SubdomainErrors(value)); }
std::optional<QString> validateDns1123Label(const QString &value) { return joined(dns1123LabelErrors(value)); }
std::optional<QString> validateDns1035Label(const QString &value) { return joined(dns1035LabelErrors(value)); }
std::optional<QString> validatePathSegmentName(const QString &value) { return joined(pathSegmentNameErrors(value)); }
std::optional<QString> validateLabelKey(const QString &value) { return joined(labelKeyErrors(value)); }
std::optional<QString> validateLabelValue(const QString &value) { return joined(labelValueErrors(value)); }
std::optional<QString> validateConfigMapKey(const QString &value) { return joined(configMapKeyErrors(value)); }

QStringList objectNameErrors(NameRule rule, const QString &name, bool isGenerateName)
{
    const QString checked = isGenerateName ? maskTrailingDash(name) : name;
    switch (rule) {
    case NameRule::Dns1123Subdomain: return dns1123SubdomainErrors(checked);
    case NameRule::Dns1123Label: return dns1123LabelErrors(checked);
    case NameRule::Dns1035Label: return dns1035LabelErrors(checked);
    case NameRule::PathSegment:
        // A generateName is a prefix: '.' and '..' are fine there, the random suffix follows.
        return isGenerateName ? pathSegmentPrefixErrors(name) : pathSegmentNameErrors(name);
    }
    return {};
}

QStringList labelsErrors(const QJsonObject &labels, const QString &fieldPath)
{
    QStringList errors;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        for (const QString &message : labelKeyErrors(it.key()))
            errors << invalidValueMessage(fieldPath, it.key(), message);
        const QString value = it.value().toString();
        for (const QString &message : labelValueErrors(value))
            errors << invalidValueMessage(fieldPath, value, message);
    }
    return errors;
}

QStringList annotationsErrors(const QJsonObject &annotations, const QString &fieldPath)
{
    QStringList errors;
    qint64 totalSize = 0;
    for (auto it = annotations.begin(); it != annotations.end(); ++it) {
        // Annotation keys follow the label key rule, but case does not matter.
        for (const QString &message : labelKeyErrors(it.key().toLower()))
            errors << invalidValueMessage(fieldPath, it.key(), message);
        totalSize += byteLength(it.key()) + byteLength(it.value().toString());
    }
    if (totalSize > kTotalAnnotationSizeLimitBytes)
        errors << QStringLiteral("%1: Too long: may not be more than %2 bytes").arg(fieldPath).arg(kTotalAnnotationSizeLimitBytes);
    return errors;
}

QString invalidValueMessage(const QString &fieldPath, const QString &value, const QString &detail)
{
    QString message = fieldPath + QStringLiteral(": Invalid value: ") + goQuote(value);
    if (!detail.isEmpty())
        message += QStringLiteral(": ") + detail;
    return message;
}

} // namespace fd::sim
