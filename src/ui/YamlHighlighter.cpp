#include "YamlHighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

YamlHighlighter::YamlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    updateColors(QGuiApplication::palette());
}

void YamlHighlighter::updateColors(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1f, 0x4f, 0x99));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0x9c, 0xd6, 0x8e) : QColor(0x2f, 0x7d, 0x32));
    m_scalar.setForeground(dark ? QColor(0xf0, 0xb2, 0x6b) : QColor(0xa6, 0x4b, 0x00));
    m_comment.setForeground(palette.color(QPalette::PlaceholderText));
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression keyRe(uR"(^\s*(?:-\s+)?("[^"]*"|[^\s:#"'][^:#]*?):(?=\s|$))"_s);
    static const QRegularExpression valueRe(uR"(:\s+(.+)$|^\s*-\s+(.+)$)"_s);
    static const QRegularExpression scalarRe(uR"(^(true|false|null|~|-?\d+(\.\d+)?([eE][-+]?\d+)?)$)"_s);

    if (text.trimmed().startsWith(u'#')) {
        setFormat(0, int(text.size()), m_comment);
        return;
    }
    const QRegularExpressionMatch key = keyRe.match(text);
    if (key.hasMatch())
        setFormat(int(key.capturedStart(1)), int(key.capturedLength(1)), m_key);
    const QRegularExpressionMatch value = valueRe.match(text, key.hasMatch() ? key.capturedEnd(1) : 0);
    if (!value.hasMatch())
        return;
    const int group = value.capturedStart(1) >= 0 ? 1 : 2;
    const QString v = value.captured(group);
    const int start = int(value.capturedStart(group));
    if (v.startsWith(u'"') || v.startsWith(u'\''))
        setFormat(start, int(v.size()), m_string);
    else if (scalarRe.match(v).hasMatch())
        setFormat(start, int(v.size()), m_scalar);
}

} // namespace ui
} // namespace fd

#include "moc_YamlHighlighter.cpp"
