#pragma once

#include <QPlainTextEdit>

// A read-only unified line diff (engine/onboarding/LineDiff) of two YAML texts, coloured: removed
// lines red, added lines green, hunk headers tinted. The text is what `diff -u` prints, so it can
// be copied into a ticket as it is.

namespace fd {
namespace ui {

class DiffView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);

    void showDiff(const QString &before, const QString &after, const QString &beforeLabel, const QString &afterLabel);
    // Counts of the last diff (for summaries and tests).
    int addedLines() const { return m_added; }
    int removedLines() const { return m_removed; }
    bool isIdentical() const { return m_added == 0 && m_removed == 0; }

private:
    int m_added = 0;
    int m_removed = 0;
};

} // namespace ui
} // namespace fd
