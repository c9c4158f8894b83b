#pragma once

#include "kube/config/YamlTree.h"

#include <QByteArray>

#include <vector>

// Internal to src/helm (ValuesDocument): positions in YAML text. yaml-cpp reports where a node
// starts (line and byte column) but not where it ends; ValuesText finds the ends by scanning
// the text with YAML's lexical rules for the token kinds the values editor touches (plain,
// quoted and flow scalars/collections on their lines, comments, blank lines).

namespace fd::helm::detail {

class ValuesText {
public:
    explicit ValuesText(const QByteArray &utf8);

    const QByteArray &bytes() const { return m_text; }
    qsizetype size() const { return m_text.size(); }
    char at(qsizetype pos) const { return pos >= 0 && pos < m_text.size() ? m_text.at(pos) : '\0'; }
    QByteArray newline() const { return m_newline; }

    int lineCount() const { return int(m_lineStarts.size()); }
    int lineOf(qsizetype pos) const; // 0-based
    qsizetype lineStart(int line) const;
    qsizetype lineEnd(int line) const; // before "\n" or "\r\n"; size() for the last line
    // The byte offset of a yaml-cpp mark (1-based line/column); -1 when unknown.
    qsizetype offset(const fd::kube::YamlMark &mark) const;
    // Characters (QString units) before `pos` on its line, plus one: the column an editor shows.
    int characterColumn(qsizetype pos) const;

    // The line has nothing but whitespace or a comment.
    bool isBlankOrComment(int line) const;
    // The end of the last line in [fromLine, line of regionEnd) that has content, or -1.
    qsizetype contentEnd(int fromLine, qsizetype regionEnd) const;
    // Only spaces between the line's start and `pos`.
    bool startsLine(qsizetype pos) const;
    // The text from the line start to `pos` (the indentation of a key at `pos`).
    QByteArray indentBefore(qsizetype pos) const;

    // End (one past) of the token starting at `pos`: a quoted scalar, a flow collection, or a
    // plain scalar ending before " #" or the line end. -1 when unterminated.
    qsizetype quotedEnd(qsizetype pos) const;
    qsizetype flowEnd(qsizetype pos) const;
    qsizetype plainEndOnLine(qsizetype pos) const;
    // The ':' after a mapping key starting at `pos`; -1 when not found on the key's line.
    qsizetype colonAfterKey(qsizetype pos) const;
    // The first non-space position at or after `pos` on its line (the line end when none).
    qsizetype skipSpaces(qsizetype pos) const;

private:
    QByteArray m_text;
    std::vector<qsizetype> m_lineStarts;
    QByteArray m_newline = "\n";
};

} // namespace fd::helm::detail
