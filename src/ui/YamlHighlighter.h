#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace fd {
namespace ui {

// Just enough YAML colouring for reading objects: keys, quoted strings, numbers and booleans,
// comments and list dashes. Colours come from the palette's link colours so that dark themes
// stay readable.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);
    void updateColors(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_scalar;
    QTextCharFormat m_comment;
};

} // namespace ui
} // namespace fd
