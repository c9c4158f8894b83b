#include "helm/YamlWriter.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fd::helm {

namespace {

// Plain scalars that YAML 1.1 (go-yaml v2, Helm) or 1.2 read as something other than a string.
bool isReservedWord(const QString &text)
{
    static const QStringList words = {u"y"_s,    u"n"_s,     u"yes"_s, u"no"_s,  u"on"_s,  u"off"_s,
                                      u"true"_s, u"false"_s, u"null"_s, u"nan"_s, u"inf"_s};
    return words.contains(text.toLower());
}

bool isPlainChar(QChar c)
{
    if (c.unicode() < 0x80)
        return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u'/' || c == u' ' || c == u'@'
            || c == u'+';
    // Beyond ASCII: letters, digits and marks; no separators, controls or the BOM/line breaks.
    return c.isLetterOrNumber() || c.isMark();
}

QByteArray spaces(int count)
{
    return QByteArray(count, ' ');
}

QByteArray doubleQuoted(const QString &text)
{
    QByteArray out = "\"";
    const QList<uint> codePoints = text.toUcs4();
    for (const uint u : codePoints) {
        switch (u) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\r':
            out += "\\r";
            continue;
        default:
            break;
        }
        if (u < 0x20 || u == 0x7f) {
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        } else if (u == 0x85 || u == 0x2028 || u == 0x2029 || u == 0xfeff) {
            // Line breaks to YAML 1.1, and the BOM: escaped so the text stays on one line.
            out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        } else {
            const char32_t codePoint = u;
            out += QString::fromUcs4(&codePoint, 1).toUtf8();
        }
    }
    out += '"';
    return out;
}

// A literal block scalar reproduces `text` exactly when it has no carriage returns or other
// control characters and its first line does not start with a space (which would need an
// indentation indicator) or a line break.
bool suitsLiteralBlock(const QString &text)
{
    if (!text.contains(u'\n') || text.startsWith(u' ') || text.startsWith(u'\n'))
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f || u == 0x85 || u == 0x2028 || u == 0x2029
            || u == 0xfeff)
            return false;
    }
    return true;
}

QByteArray numberText(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

class Writer {
public:
    explicit Writer(const YamlStyle &style) : m_style(style) {}

    QByteArray out;

    void mapEntries(const QJsonObject &object, int indent)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            out += spaces(indent) + yamlKey(it.key()) + ':';
            valueAfterKey(it.value(), indent);
        }
    }

    void sequenceItems(const QJsonArray &array, int indent)
    {
        for (const QJsonValue &item : array) {
            if ((item.isObject() && !item.toObject().isEmpty()) || (item.isArray() && !item.toArray().isEmpty())) {
                // Compact form: the first line of the nested block goes on the dash line.
                Writer nested(m_style);
                if (item.isObject())
                    nested.mapEntries(item.toObject(), indent + 2);
                else
                    nested.sequenceItems(item.toArray(), indent + 2);
                out += spaces(indent) + "- " + nested.out.mid(indent + 2);
                continue;
            }
            out += spaces(indent) + '-';
            inlineValue(item, indent + 2);
        }
    }

private:
    // After "key:"; `indent` is the key's column.
    void valueAfterKey(const QJsonValue &value, int indent)
    {
        if (value.isObject() && !value.toObject().isEmpty()) {
            out += m_style.newline;
            mapEntries(value.toObject(), indent + m_style.indent);
        } else if (value.isArray() && !value.toArray().isEmpty()) {
            out += m_style.newline;
            sequenceItems(value.toArray(), m_style.indentSequences ? indent + m_style.indent : indent);
        } else {
            inlineValue(value, indent + m_style.indent);
        }
    }

    // A scalar, {} or [] after "key:" or "-"; block scalar content goes at `blockIndent`.
    void inlineValue(const QJsonValue &value, int blockIndent)
    {
        if (value.isObject()) {
            out += " {}" + m_style.newline;
        } else if (value.isArray()) {
            out += " []" + m_style.newline;
        } else if (value.isString() && suitsLiteralBlock(value.toString())) {
            literalBlock(value.toString(), blockIndent);
        } else {
            out += ' ' + yamlScalar(value) + m_style.newline;
        }
    }

    void literalBlock(const QString &text, int indent)
    {
        qsizetype trailing = 0;
        while (trailing < text.size() && text.at(text.size() - 1 - trailing) == u'\n')
            ++trailing;
        out += trailing == 0 ? " |-" : trailing == 1 ? " |" : " |+";
        out += m_style.newline;
        const QString body = text.left(text.size() - trailing);
        const QStringList lines = body.split(u'\n');
        for (const QString &line : lines) {
            if (!line.isEmpty())
                out += spaces(indent) + line.toUtf8();
            out += m_style.newline;
        }
        // |+ keeps the line breaks after the last line: one is written above, the rest here.
        for (qsizetype i = 1; i < trailing; ++i)
            out += m_style.newline;
    }

    YamlStyle m_style;
};

} // namespace

bool isPlainSafe(const QString &text)
{
    if (text.isEmpty() || text.startsWith(u' ') || text.endsWith(u' '))
        return false;
    const QChar first = text.front();
    // Digits, signs and dots could start a number (1.20, -1, .5, 0x1f, 1_000, 2024-01-01); '-' a
    // sequence entry, '@' is reserved: all quoted.
    if (first.unicode() < 0x80 ? !(first.isLetter() || first == u'_' || first == u'/') : !first.isLetter())
        return false;
    for (const QChar c : text) {
        if (!isPlainChar(c))
            return false;
    }
    return !isReservedWord(text);
}

QByteArray yamlScalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return "null";
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::String: {
        const QString text = value.toString();
        return isPlainSafe(text) ? text.toUtf8() : doubleQuoted(text);
    }
    case QJsonValue::Array:
        return value.toArray().isEmpty() ? "[]" : QByteArray();
    case QJsonValue::Object:
        return value.toObject().isEmpty() ? "{}" : QByteArray();
    }
    return {};
}

QByteArray yamlKey(const QString &key)
{
    return isPlainSafe(key) && key != "<<"_L1 ? key.toUtf8() : doubleQuoted(key);
}

QByteArray toYaml(const QJsonObject &object, const YamlStyle &style)
{
    if (object.isEmpty())
        return "{}" + style.newline;
    Writer writer(style);
    writer.mapEntries(object, 0);
    return writer.out;
}

} // namespace fd::helm
