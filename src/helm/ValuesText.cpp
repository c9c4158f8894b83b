#include "helm/ValuesText.h"

#include <QString>

#include <algorithm>

namespace fd::helm::detail {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

ValuesText::ValuesText(const QByteArray &utf8) : m_text(utf8)
{
    m_lineStarts.push_back(0);
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        if (m_text.at(i) == '\n')
            m_lineStarts.push_back(i + 1);
    }
    if (m_text.contains("\r\n"))
        m_newline = "\r\n";
}

int ValuesText::lineOf(qsizetype pos) const
{
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), pos);
    return int(std::distance(m_lineStarts.begin(), it)) - 1;
}

qsizetype ValuesText::lineStart(int line) const
{
    if (line < 0)
        return 0;
    if (line >= lineCount())
        return size();
    return m_lineStarts[size_t(line)];
}

qsizetype ValuesText::lineEnd(int line) const
{
    if (line + 1 >= lineCount())
        return size();
    qsizetype end = m_lineStarts[size_t(line + 1)] - 1; // the '\n'
    if (end > 0 && m_text.at(end - 1) == '\r')
        --end;
    return end;
}

qsizetype ValuesText::offset(const fd::kube::YamlMark &mark) const
{
    if (mark.line <= 0 || mark.column <= 0 || mark.line > lineCount())
        return -1;
    return std::min(lineStart(mark.line - 1) + mark.column - 1, size());
}

int ValuesText::characterColumn(qsizetype pos) const
{
    const qsizetype start = lineStart(lineOf(pos));
    return int(QString::fromUtf8(m_text.constData() + start, pos - start).size()) + 1;
}

bool ValuesText::isBlankOrComment(int line) const
{
    const qsizetype end = lineEnd(line);
    for (qsizetype i = lineStart(line); i < end; ++i) {
        const char c = m_text.at(i);
        if (isSpace(c) || c == '\r')
            continue;
        return c == '#';
    }
    return true;
}

qsizetype ValuesText::contentEnd(int fromLine, qsizetype regionEnd) const
{
    if (regionEnd <= lineStart(fromLine))
        return -1;
    for (int line = lineOf(regionEnd - 1); line >= fromLine; --line) {
        if (!isBlankOrComment(line))
            return std::min(lineEnd(line), regionEnd);
    }
    return -1;
}

bool ValuesText::startsLine(qsizetype pos) const
{
    for (qsizetype i = lineStart(lineOf(pos)); i < pos; ++i) {
        if (m_text.at(i) != ' ')
            return false;
    }
    return true;
}

QByteArray ValuesText::indentBefore(qsizetype pos) const
{
    const qsizetype start = lineStart(lineOf(pos));
    return m_text.mid(start, pos - start);
}

qsizetype ValuesText::quotedEnd(qsizetype pos) const
{
    const char quote = at(pos);
    for (qsizetype i = pos + 1; i < size(); ++i) {
        const char c = m_text.at(i);
        if (quote == '"' && c == '\\') {
            ++i;
            continue;
        }
        if (c == quote) {
            // '' inside single quotes is an escaped quote.
            if (quote == '\'' && at(i + 1) == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return -1;
}

qsizetype ValuesText::flowEnd(qsizetype pos) const
{
    int depth = 0;
    for (qsizetype i = pos; i < size(); ++i) {
        const char c = m_text.at(i);
        if (c == '"' || c == '\'') {
            const qsizetype end = quotedEnd(i);
            if (end < 0)
                return -1;
            i = end - 1;
        } else if (c == '#' && i > 0 && (isSpace(m_text.at(i - 1)) || m_text.at(i - 1) == '\n')) {
            i = lineEnd(lineOf(i)) - 1; // a comment inside a multi-line flow collection
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

qsizetype ValuesText::plainEndOnLine(qsizetype pos) const
{
    const qsizetype end = lineEnd(lineOf(pos));
    qsizetype last = pos;
    for (qsizetype i = pos; i < end; ++i) {
        const char c = m_text.at(i);
        if (c == '#' && i > pos && isSpace(m_text.at(i - 1)))
            break;
        if (!isSpace(c) && c != '\r')
            last = i + 1;
    }
    return last;
}

qsizetype ValuesText::colonAfterKey(qsizetype pos) const
{
    const qsizetype end = lineEnd(lineOf(pos));
    qsizetype i = pos;
    const char first = at(pos);
    if (first == '"' || first == '\'') {
        i = quotedEnd(pos);
        if (i < 0 || i > end)
            return -1;
    } else {
        // A plain key ends at ": " (or ':' at the line end).
        for (; i < end; ++i) {
            if (m_text.at(i) == ':' && (i + 1 >= end || isSpace(m_text.at(i + 1)) || m_text.at(i + 1) == '\r'))
                return i;
        }
        return -1;
    }
    while (i < end && isSpace(m_text.at(i)))
        ++i;
    return i < end && m_text.at(i) == ':' ? i : -1;
}

qsizetype ValuesText::skipSpaces(qsizetype pos) const
{
    const qsizetype end = lineEnd(lineOf(pos));
    while (pos < end && isSpace(m_text.at(pos)))
        ++pos;
    return pos;
}

} // namespace fd::helm::detail
