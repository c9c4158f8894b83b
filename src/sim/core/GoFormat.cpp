#include "sim/core/GoFormat.h"

namespace fd::sim {

namespace {

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
bool isGoPrintable(char32_t codePoint)
{
    if (codePoint == U' ')
        return true;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

QString hexEscape(QLatin1String prefix, char32_t codePoint, int width)
{
    return prefix + QStringLiteral("%1").arg(static_cast<uint>(codePoint), width, 16, QLatin1Char('0'));
}

void appendEscaped(QString &out, char32_t codePoint)
{
    switch (codePoint) {
    case U'"': out += QLatin1String("\\\""); return;
    case U'\\': out += QLatin1String("\\\\"); return;
    case U'\a': out += QLatin1String("\\a"); return;
    case U'\b': out += QLatin1String("\\b"); return;
    case U'\f': out += QLatin1String("\\f"); return;
    case U'\n': out += QLatin1String("\\n"); return;
    case U'\r': out += QLatin1String("\\r"); return;
    case U'\t': out += QLatin1String("\\t"); return;
    case U'\v': out += QLatin1String("\\v"); return;
    default: break;
    }
    if (isGoPrintable(codePoint)) {
        const char32_t single[] = {codePoint};
        out += QString::fromUcs4(single, 1);
    } else if (codePoint < 0x20 || codePoint == 0x7f) {
        out += hexEscape(QLatin1String("\\x"), codePoint, 2);
    } else if (codePoint < 0x10000) {
        out += hexEscape(QLatin1String("\\u"), codePoint, 4);
    } else {
        out += hexEscape(QLatin1String("\\U"), codePoint, 8);
    }
}

} // namespace

QString goQuote(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t codePoint = text.at(i).unicode();
        if (QChar::isHighSurrogate(codePoint) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        } else if (QChar::isSurrogate(codePoint)) {
            // A lone surrogate cannot come from valid UTF-8; Go would have seen U+FFFD.
            codePoint = 0xFFFD;
        }
        appendEscaped(out, codePoint);
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace fd::sim
