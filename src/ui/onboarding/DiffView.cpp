#include "DiffView.h"

#include "engine/onboarding/LineDiff.h"

#include <QFontDatabase>
#include <QTextBlock>

using namespace Qt::StringLiterals;
namespace onb = fd::engine::onboarding;

namespace fd {
namespace ui {

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"diffView"_s);
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void DiffView::showDiff(const QString &before, const QString &after, const QString &beforeLabel, const QString &afterLabel)
{
    const QString diff = onb::unifiedDiff(before, after, beforeLabel, afterLabel);
    m_added = 0;
    m_removed = 0;
    if (diff.isEmpty()) {
        setPlainText(tr("No differences between %1 and %2.").arg(beforeLabel, afterLabel));
        setExtraSelections({});
        return;
    }
    setPlainText(diff);
    // Light tints that keep the text readable in light and dark palettes.
    const QColor addedColor(46, 160, 67, 70);
    const QColor removedColor(248, 81, 73, 70);
    const QColor hunkColor(56, 139, 253, 55);
    QList<QTextEdit::ExtraSelection> selections;
    int lineIndex = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next(), ++lineIndex) {
        const QString text = block.text();
        QColor color;
        if (lineIndex < 2) // the ---/+++ header
            continue;
        if (text.startsWith(u"@@"_s)) {
            color = hunkColor;
        } else if (text.startsWith(u'+')) {
            color = addedColor;
            ++m_added;
        } else if (text.startsWith(u'-')) {
            color = removedColor;
            ++m_removed;
        } else {
            continue;
        }
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(color);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        selection.cursor.clearSelection();
        selections.append(selection);
    }
    setExtraSelections(selections);
}

} // namespace ui
} // namespace fd

#include "moc_DiffView.cpp"
