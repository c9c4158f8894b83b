#include "engine/onboarding/LineDiff.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

QString DiffHunk::header() const
{
    // diff -u writes the start of an empty range as the line before it, and omits a count of 1.
    auto range = [](int start, int count) {
        if (count == 1)
            return QString::number(start);
        return u"%1,%2"_s.arg(count == 0 ? start - 1 : start).arg(count);
    };
    return u"@@ -%1 +%2 @@"_s.arg(range(oldStart, oldCount), range(newStart, newCount));
}

QStringList diffTextLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s);
    QStringList lines = normalized.split(u'\n');
    if (lines.size() > 1 && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

QList<DiffLine> diffLines(const QStringList &before, const QStringList &after, qint64 maxCells)
{
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    qsizetype prefix = 0;
    while (prefix < n && prefix < m && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && before.at(n - 1 - suffix) == after.at(m - 1 - suffix))
        ++suffix;

    QList<DiffLine> out;
    out.reserve(n + m);
    int oldLine = 0;
    int newLine = 0;
    auto same = [&](const QString &text) { out.append({DiffLine::Kind::Same, text, ++oldLine, ++newLine}); };
    auto removed = [&](const QString &text) { out.append({DiffLine::Kind::Removed, text, ++oldLine, 0}); };
    auto added = [&](const QString &text) { out.append({DiffLine::Kind::Added, text, 0, ++newLine}); };

    for (qsizetype i = 0; i < prefix; ++i)
        same(before.at(i));

    const qsizetype a = n - prefix - suffix; // middle lengths
    const qsizetype b = m - prefix - suffix;
    if (a > 0 && b > 0 && qint64(a + 1) * qint64(b + 1) <= maxCells) {
        // lcs[i][j] = LCS length of before[prefix+i..] and after[prefix+j..] (suffix tables let
        // the walk below go forwards).
        const qsizetype width = b + 1;
        std::vector<int> lcs(size_t((a + 1) * width), 0);
        for (qsizetype i = a - 1; i >= 0; --i) {
            for (qsizetype j = b - 1; j >= 0; --j) {
                const size_t cell = size_t(i * width + j);
                if (before.at(prefix + i) == after.at(prefix + j))
                    lcs[cell] = lcs[size_t((i + 1) * width + j + 1)] + 1;
                else
                    lcs[cell] = std::max(lcs[size_t((i + 1) * width + j)], lcs[size_t(i * width + j + 1)]);
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < a && j < b) {
            if (before.at(prefix + i) == after.at(prefix + j)) {
                same(before.at(prefix + i));
                ++i;
                ++j;
            } else if (lcs[size_t((i + 1) * width + j)] >= lcs[size_t(i * width + j + 1)]) {
                // Removals before additions, as diff -u prints a changed block.
                removed(before.at(prefix + i));
                ++i;
            } else {
                added(after.at(prefix + j));
                ++j;
            }
        }
        for (; i < a; ++i)
            removed(before.at(prefix + i));
        for (; j < b; ++j)
            added(after.at(prefix + j));
    } else {
        for (qsizetype i = 0; i < a; ++i)
            removed(before.at(prefix + i));
        for (qsizetype j = 0; j < b; ++j)
            added(after.at(prefix + j));
    }

    for (qsizetype i = n - suffix; i < n; ++i)
        same(before.at(i));
    return out;
}

QList<DiffHunk> diffHunks(const QList<DiffLine> &lines, int context)
{
    context = std::max(0, context);
    QList<DiffHunk> hunks;
    const qsizetype count = lines.size();
    qsizetype index = 0;
    while (index < count) {
        while (index < count && lines.at(index).kind == DiffLine::Kind::Same)
            ++index;
        if (index >= count)
            break;
        // A hunk: `context` lines before the first change, and it goes on while the next change
        // is at most 2*context unchanged lines away (diff -u merges such hunks).
        const qsizetype start = std::max<qsizetype>(0, index - context);
        qsizetype end = index; // one past the last changed line
        qsizetype scan = index;
        while (scan < count) {
            if (lines.at(scan).kind != DiffLine::Kind::Same) {
                end = scan + 1;
                ++scan;
                continue;
            }
            qsizetype run = scan;
            while (run < count && lines.at(run).kind == DiffLine::Kind::Same)
                ++run;
            if (run < count && run - scan <= 2 * context) {
                scan = run;
                continue;
            }
            break;
        }
        const qsizetype stop = std::min(count, end + context);
        DiffHunk hunk;
        int oldBefore = 0; // lines of each side before the hunk
        int newBefore = 0;
        for (qsizetype k = 0; k < start; ++k) {
            if (lines.at(k).kind != DiffLine::Kind::Added)
                ++oldBefore;
            if (lines.at(k).kind != DiffLine::Kind::Removed)
                ++newBefore;
        }
        for (qsizetype k = start; k < stop; ++k) {
            const DiffLine &line = lines.at(k);
            hunk.lines.append(line);
            if (line.kind != DiffLine::Kind::Added)
                ++hunk.oldCount;
            if (line.kind != DiffLine::Kind::Removed)
                ++hunk.newCount;
        }
        hunk.oldStart = oldBefore + 1;
        hunk.newStart = newBefore + 1;
        hunks.append(hunk);
        index = stop;
    }
    return hunks;
}

QString unifiedDiff(const QString &before, const QString &after, const QString &beforeLabel, const QString &afterLabel,
                    int context)
{
    const QList<DiffHunk> hunks = diffHunks(diffLines(diffTextLines(before), diffTextLines(after)), context);
    if (hunks.isEmpty())
        return {};
    QString out = u"--- "_s + beforeLabel + u"\n+++ "_s + afterLabel + u'\n';
    for (const DiffHunk &hunk : hunks) {
        out += hunk.header() + u'\n';
        for (const DiffLine &line : hunk.lines) {
            const QChar mark = line.kind == DiffLine::Kind::Same ? u' ' : line.kind == DiffLine::Kind::Removed ? u'-' : u'+';
            out += mark + line.text + u'\n';
        }
    }
    return out;
}

} // namespace fd::engine::onboarding
