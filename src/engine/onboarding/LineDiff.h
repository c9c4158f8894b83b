#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A line diff of two texts (Helm values YAML, manifests) for the history and values views:
// the longest common subsequence of lines (dynamic programming after the common prefix and
// suffix are cut off, which is where values files differ little), then unified hunks with
// context as `diff -u` prints them. Values files are small; when the middle parts are too big
// for the table (more than maxCells line pairs) the middle is reported as replaced wholesale,
// which is still a correct diff, only not a minimal one.

namespace fd::engine::onboarding {

struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
    int oldLine = 0; // 1-based line in the old text; 0 for Added
    int newLine = 0; // 1-based line in the new text; 0 for Removed
};

struct DiffHunk {
    int oldStart = 0; // as in "@@ -oldStart,oldCount +newStart,newCount @@"
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QList<DiffLine> lines;
    QString header() const;
};

// Lines of a text: split at '\n' ("\r\n" counts as one break); a final line break does not
// start another (empty) line.
QStringList diffTextLines(const QString &text);

// Every line of both inputs, in order: unchanged, removed and added lines.
QList<DiffLine> diffLines(const QStringList &before, const QStringList &after, qint64 maxCells = 16'000'000);
// The changed regions with `context` unchanged lines around them; empty when nothing changed.
QList<DiffHunk> diffHunks(const QList<DiffLine> &lines, int context = 3);
// `diff -u` text: "--- label\n+++ label\n@@ … @@\n" and the lines; empty when equal.
QString unifiedDiff(const QString &before, const QString &after, const QString &beforeLabel, const QString &afterLabel,
                    int context = 3);

} // namespace fd::engine::onboarding
