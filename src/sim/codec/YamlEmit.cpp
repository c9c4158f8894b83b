// jsonToYaml: the YAML kube-apiserver answers for `Accept: application/yaml`.
#include "sim/codec/YamlJson.h"

#include "sim/codec/YamlResolve.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <string>
#include <vector>

namespace fd::sim {

namespace {

// Characters that may appear as they are outside double quotes (libyaml's printable set).
// NEL, LS and PS are line breaks to a YAML 1.1 reader, so they only travel escaped.
bool isYamlPrintable(char32_t c)
{
    if (c == 0x2028 || c == 0x2029)
        return false;
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
           || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
}

bool allPrintable(const QList<uint> &text)
{
    for (const uint c : text) {
        if (!isYamlPrintable(char32_t(c)))
            return false;
    }
    return true;
}

// Whether the text can stand unquoted: no indicator at the start, no ": " or " #"
// inside, no surrounding spaces, nothing unprintable, a single line. Stricter than
// libyaml at the first character (any of "-?:" is quoted), which only changes the look.
bool isPlainSafe(const QString &text)
{
    if (text.isEmpty() || text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("...")))
        return false;
    static const QString kLeadingIndicators = QStringLiteral("#,[]{}&*!|>'\"%@`-?:");
    if (kLeadingIndicators.contains(text.front()))
        return false;
    if (text.front().isSpace() || text.back().isSpace() || text.endsWith(QLatin1Char(':')))
        return false;
    if (text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #")) || text.contains(QLatin1Char('\n')))
        return false;
    return allPrintable(text.toUcs4());
}

// Would the text, unquoted, read back as this same string (not null, a number, …)?
bool readsBackAsString(const QString &text)
{
    const std::string utf8 = text.toStdString();
    return yaml::resolvePlain(utf8).type == yaml::ResolvedScalar::Type::String && !yaml::isBase60Float(utf8);
}

QString singleQuoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString upperHex(char32_t c, int width)
{
    return QStringLiteral("%1").arg(uint(c), width, 16, QLatin1Char('0')).toUpper();
}

QString doubleQuoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const uint code : text.toUcs4()) {
        const char32_t c = char32_t(code);
        switch (c) {
        case U'\0': out += QStringLiteral("\\0"); continue;
        case U'\a': out += QStringLiteral("\\a"); continue;
        case U'\b': out += QStringLiteral("\\b"); continue;
        case U'\t': out += QStringLiteral("\\t"); continue;
        case U'\n': out += QStringLiteral("\\n"); continue;
        case U'\v': out += QStringLiteral("\\v"); continue;
        case U'\f': out += QStringLiteral("\\f"); continue;
        case U'\r': out += QStringLiteral("\\r"); continue;
        case 0x1B: out += QStringLiteral("\\e"); continue;
        case U'"': out += QStringLiteral("\\\""); continue;
        case U'\\': out += QStringLiteral("\\\\"); continue;
        default: break;
        }
        if (isYamlPrintable(c))
            out += QString::fromUcs4(&c, 1);
        else if (c <= 0xFF)
            out += QStringLiteral("\\x") + upperHex(c, 2);
        else if (c <= 0xFFFF)
            out += QStringLiteral("\\u") + upperHex(c, 4);
        else
            out += QStringLiteral("\\U") + upperHex(c, 8);
    }
    return out + QLatin1Char('"');
}

// A literal block keeps a multi-line string readable; it cannot express leading spaces
// or breaks (without indentation indicators), trailing spaces, spaces before a line
// break, or unprintable characters, which then go double-quoted.
bool canBeLiteralBlock(const QString &text)
{
    if (!text.contains(QLatin1Char('\n')) || text.startsWith(QLatin1Char(' ')) || text.startsWith(QLatin1Char('\n')))
        return false;
    if (text.endsWith(QLatin1Char(' ')) || text.contains(QLatin1String(" \n")))
        return false;
    return allPrintable(text.toUcs4());
}

// go-yaml v2 orders map keys "naturally": letters after other characters, runs of digits
// by numeric value ("a2" < "a10").
bool goYamlKeyLess(const QString &a, const QString &b)
{
    const QList<uint> ar = a.toUcs4();
    const QList<uint> br = b.toUcs4();
    const qsizetype common = std::min(ar.size(), br.size());
    const auto isDigit = [](uint c) { return QChar::isDigit(char32_t(c)); };
    for (qsizetype i = 0; i < common; ++i) {
        if (ar[i] == br[i])
            continue;
        const bool aLetter = QChar::isLetter(char32_t(ar[i]));
        const bool bLetter = QChar::isLetter(char32_t(br[i]));
        if (aLetter && bLetter)
            return ar[i] < br[i];
        if (aLetter || bLetter)
            return bLetter;
        // Go's int64 arithmetic wraps on absurdly long digit runs; so does this.
        quint64 an = 0;
        quint64 bn = 0;
        if (ar[i] == '0' || br[i] == '0') {
            for (qsizetype j = i - 1; j >= 0 && isDigit(ar[j]); --j) {
                if (ar[j] != '0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        qsizetype ai = i;
        for (; ai < ar.size() && isDigit(ar[ai]); ++ai)
            an = an * 10 + quint64(ar[ai] - '0');
        qsizetype bi = i;
        for (; bi < br.size() && isDigit(br[bi]); ++bi)
            bn = bn * 10 + quint64(br[bi] - '0');
        if (an != bn)
            return qint64(an) < qint64(bn);
        if (ai != bi)
            return ai < bi;
        return ar[i] < br[i];
    }
    return ar.size() < br.size();
}

// Merge sort: stays in bounds even if a comparator is not a strict weak order, which
// std::sort does not promise.
QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    QStringList buffer(keys.size());
    for (qsizetype width = 1; width < keys.size(); width *= 2) {
        for (qsizetype lo = 0; lo < keys.size(); lo += 2 * width) {
            const qsizetype mid = std::min(lo + width, keys.size());
            const qsizetype hi = std::min(lo + 2 * width, keys.size());
            qsizetype l = lo;
            qsizetype r = mid;
            for (qsizetype out = lo; out < hi; ++out) {
                if (l < mid && (r >= hi || !goYamlKeyLess(keys[r], keys[l])))
                    buffer[out] = keys[l++];
                else
                    buffer[out] = keys[r++];
            }
        }
        std::swap(keys, buffer);
    }
    return keys;
}

QString numberText(const QJsonValue &value)
{
    const QCborValue cbor = QCborValue::fromJsonValue(value);
    if (cbor.isInteger())
        return QString::number(cbor.toInteger());
    // JSON numbers reach sigs.k8s.io/yaml as text: whole numbers read back as integers.
    const double d = value.toDouble();
    constexpr double kTwo63 = 9223372036854775808.0;
    if (std::isfinite(d) && std::trunc(d) == d) {
        if (d >= -kTwo63 && d < kTwo63)
            return QString::number(qint64(d));
        if (d >= 0 && d < 2 * kTwo63)
            return QString::number(quint64(d));
    }
    return QString::fromStdString(yaml::goFormatFloat(d, 64));
}

class YamlWriter {
public:
    QByteArray document(const QJsonValue &value)
    {
        if (isNonEmptyCollection(value)) {
            writeCollection(value, 0, false);
        } else {
            writeInline(value, 2);
            m_out += QLatin1Char('\n');
        }
        return m_out.toUtf8();
    }

private:
    static bool isNonEmptyCollection(const QJsonValue &value)
    {
        return (value.isObject() && !value.toObject().isEmpty()) || (value.isArray() && !value.toArray().isEmpty());
    }

    void indent(int columns) { m_out += QString(columns, QLatin1Char(' ')); }

    // A value that fits after "key:" or "- " on the same line (scalars, {} and []);
    // multi-line strings continue on the following lines at `blockIndent`.
    void writeInline(const QJsonValue &value, int blockIndent)
    {
        switch (value.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined: m_out += QStringLiteral("null"); return;
        case QJsonValue::Bool: m_out += value.toBool() ? QStringLiteral("true") : QStringLiteral("false"); return;
        case QJsonValue::Double: m_out += numberText(value); return;
        case QJsonValue::String: writeString(value.toString(), blockIndent); return;
        case QJsonValue::Array: m_out += QStringLiteral("[]"); return;
        case QJsonValue::Object: m_out += QStringLiteral("{}"); return;
        }
    }

    void writeString(const QString &text, int blockIndent)
    {
        if (readsBackAsString(text) && canBeLiteralBlock(text)) {
            writeLiteralBlock(text, blockIndent);
            return;
        }
        if (!readsBackAsString(text))
            m_out += doubleQuoted(text);
        else if (isPlainSafe(text))
            m_out += text;
        else if (!text.contains(QLatin1Char('\n')) && allPrintable(text.toUcs4()))
            m_out += singleQuoted(text);
        else
            m_out += doubleQuoted(text);
    }

    void writeLiteralBlock(const QString &text, int blockIndent)
    {
        qsizetype trailingBreaks = 0;
        while (trailingBreaks < text.size() && text.at(text.size() - 1 - trailingBreaks) == QLatin1Char('\n'))
            ++trailingBreaks;
        m_out += trailingBreaks == 0 ? QStringLiteral("|-") : trailingBreaks == 1 ? QStringLiteral("|") : QStringLiteral("|+");
        const QStringList lines = text.left(text.size() - trailingBreaks).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            m_out += QLatin1Char('\n');
            if (!line.isEmpty()) {
                indent(blockIndent);
                m_out += line;
            }
        }
        // With "keep" chomping the extra breaks are content; the last one ends the line.
        for (qsizetype i = 1; i < trailingBreaks; ++i)
            m_out += QLatin1Char('\n');
    }

    void writeKey(const QString &key, int column)
    {
        indent(column);
        // "<<" would read back as a merge key; long keys cannot be implicit keys.
        const bool explicitKey = key.size() > 128;
        if (explicitKey)
            m_out += QStringLiteral("? ");
        if (key == QLatin1String("<<") || key.contains(QLatin1Char('\n')))
            m_out += doubleQuoted(key);
        else
            writeString(key, column + 2);
        if (explicitKey) {
            m_out += QLatin1Char('\n');
            indent(column);
        }
        m_out += QLatin1Char(':');
    }

    // `value` is a non-empty object or array; the first line may continue a "- " prefix.
    void writeCollection(const QJsonValue &value, int column, bool continuesLine)
    {
        if (value.isObject())
            writeMapping(value.toObject(), column, continuesLine);
        else
            writeSequence(value.toArray(), column, continuesLine);
    }

    void writeMapping(const QJsonObject &object, int column, bool continuesLine)
    {
        bool first = true;
        for (const QString &key : sortedKeys(object)) {
            writeKey(key, (first && continuesLine) ? 0 : column);
            first = false;
            const QJsonValue value = object.value(key);
            if (!isNonEmptyCollection(value)) {
                m_out += QLatin1Char(' ');
                writeInline(value, column + 2);
                m_out += QLatin1Char('\n');
                continue;
            }
            m_out += QLatin1Char('\n');
            // Sequences sit flush with their key (go-yaml's compact style); mappings nest.
            const bool explicitKey = key.size() > 128;
            writeCollection(value, value.isArray() && !explicitKey ? column : column + 2, false);
        }
    }

    void writeSequence(const QJsonArray &array, int column, bool continuesLine)
    {
        bool first = true;
        for (const QJsonValue &item : array) {
            indent((first && continuesLine) ? 0 : column);
            first = false;
            m_out += QStringLiteral("- ");
            if (isNonEmptyCollection(item)) {
                writeCollection(item, column + 2, true);
                continue;
            }
            writeInline(item, column + 2);
            m_out += QLatin1Char('\n');
        }
    }

    QString m_out;
};

} // namespace

QByteArray jsonToYaml(const QJsonValue &value)
{
    YamlWriter writer;
    return writer.document(value);
}

} // namespace fd::sim
