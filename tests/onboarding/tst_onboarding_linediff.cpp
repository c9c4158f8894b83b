// The line differ of the values/history views: minimal diffs on small inputs (checked against
// the LCS length), hunks with context as `diff -u` prints them, and the fallback for huge
// middles still being a correct (if not minimal) diff.
#include "engine/onboarding/LineDiff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::engine::onboarding::DiffLine;
namespace onb = fd::engine::onboarding;

namespace {

// Rebuilds both sides from a diff: it must give the inputs back.
void sides(const QList<DiffLine> &lines, QStringList *before, QStringList *after)
{
    for (const DiffLine &line : lines) {
        if (line.kind != DiffLine::Kind::Added)
            before->append(line.text);
        if (line.kind != DiffLine::Kind::Removed)
            after->append(line.text);
    }
}

int lcsLength(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<int>> t(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (qsizetype i = 1; i <= a.size(); ++i)
        for (qsizetype j = 1; j <= b.size(); ++j)
            t[size_t(i)][size_t(j)] = a.at(i - 1) == b.at(j - 1) ? t[size_t(i - 1)][size_t(j - 1)] + 1
                                                                 : std::max(t[size_t(i - 1)][size_t(j)], t[size_t(i)][size_t(j - 1)]);
    return t[size_t(a.size())][size_t(b.size())];
}

int sameCount(const QList<DiffLine> &lines)
{
    return int(std::count_if(lines.begin(), lines.end(), [](const DiffLine &l) { return l.kind == DiffLine::Kind::Same; }));
}

} // namespace

class TestLineDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsLines()
    {
        QCOMPARE(onb::diffTextLines(QString()), QStringList());
        QCOMPARE(onb::diffTextLines(u"a\nb\n"_s), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(onb::diffTextLines(u"a\r\nb"_s), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(onb::diffTextLines(u"a\n\n"_s), (QStringList{u"a"_s, QString()}));
    }

    void equalTextsHaveNoHunks()
    {
        const QStringList lines{u"a"_s, u"b"_s};
        const QList<DiffLine> diff = onb::diffLines(lines, lines);
        QCOMPARE(diff.size(), 2);
        QCOMPARE(sameCount(diff), 2);
        QVERIFY(onb::diffHunks(diff).isEmpty());
        QVERIFY(onb::unifiedDiff(u"a\nb\n"_s, u"a\nb\n"_s, u"x"_s, u"y"_s).isEmpty());
    }

    void addedNamespaceIsOneHunk()
    {
        const QString before = u"# tenants\nadditionalFissionNamespaces:\n  - team-a\n  - team-b\ndefaultNamespace: default\n"_s;
        const QString after = u"# tenants\nadditionalFissionNamespaces:\n  - team-a\n  - team-b\n  - test\ndefaultNamespace: default\n"_s;
        // Three lines of context: the comment on line 1 is outside the hunk.
        const QString expected = u"--- revision 2\n+++ edited\n@@ -2,4 +2,5 @@\n additionalFissionNamespaces:\n"
                                 "   - team-a\n   - team-b\n+  - test\n defaultNamespace: default\n"_s;
        QCOMPARE(onb::unifiedDiff(before, after, u"revision 2"_s, u"edited"_s), expected);
    }

    void lineNumbersFollowBothSides()
    {
        const QList<DiffLine> diff = onb::diffLines({u"a"_s, u"b"_s, u"c"_s}, {u"a"_s, u"x"_s, u"c"_s, u"d"_s});
        QCOMPARE(diff.size(), 5);
        QCOMPARE(diff.at(1).kind, DiffLine::Kind::Removed);
        QCOMPARE(diff.at(1).oldLine, 2);
        QCOMPARE(diff.at(1).newLine, 0);
        QCOMPARE(diff.at(2).kind, DiffLine::Kind::Added);
        QCOMPARE(diff.at(2).newLine, 2);
        QCOMPARE(diff.at(4).text, u"d"_s);
        QCOMPARE(diff.at(4).newLine, 4);
    }

    void distantChangesMakeSeparateHunksAndNearOnesMerge()
    {
        QStringList before;
        for (int i = 1; i <= 30; ++i)
            before.append(u"line %1"_s.arg(i));
        QStringList far = before;
        far[1] = u"changed 2"_s;
        far[25] = u"changed 26"_s;
        const QList<onb::DiffHunk> two = onb::diffHunks(onb::diffLines(before, far), 3);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.at(0).header(), u"@@ -1,5 +1,5 @@"_s);
        QCOMPARE(two.at(1).header(), u"@@ -23,7 +23,7 @@"_s);

        QStringList near = before;
        near[9] = u"changed 10"_s;
        near[15] = u"changed 16"_s; // 5 unchanged lines apart: within 2 * 3
        const QList<onb::DiffHunk> one = onb::diffHunks(onb::diffLines(before, near), 3);
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.at(0).header(), u"@@ -7,13 +7,13 @@"_s);
    }

    void emptySidesUseDiffRanges()
    {
        QCOMPARE(onb::unifiedDiff(QString(), u"a\nb\n"_s, u"old"_s, u"new"_s), u"--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n"_s);
        QCOMPARE(onb::unifiedDiff(u"a\n"_s, QString(), u"old"_s, u"new"_s), u"--- old\n+++ new\n@@ -1 +0,0 @@\n-a\n"_s);
    }

    void randomInputsGiveMinimalCorrectDiffs()
    {
        QRandomGenerator random(42);
        const QStringList alphabet{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
        for (int round = 0; round < 300; ++round) {
            QStringList a, b;
            const int n = int(random.bounded(12));
            const int m = int(random.bounded(12));
            for (int i = 0; i < n; ++i)
                a.append(alphabet.at(int(random.bounded(4))));
            for (int i = 0; i < m; ++i)
                b.append(alphabet.at(int(random.bounded(4))));
            const QList<DiffLine> diff = onb::diffLines(a, b);
            QStringList ra, rb;
            sides(diff, &ra, &rb);
            QCOMPARE(ra, a);
            QCOMPARE(rb, b);
            QCOMPARE(sameCount(diff), lcsLength(a, b));
        }
    }

    void hugeMiddlesFallBackToReplacement()
    {
        const QStringList a{u"top"_s, u"x"_s, u"y"_s, u"end"_s};
        const QStringList b{u"top"_s, u"y"_s, u"z"_s, u"end"_s};
        const QList<DiffLine> limited = onb::diffLines(a, b, 4); // the 3x3 table does not fit
        QStringList ra, rb;
        sides(limited, &ra, &rb);
        QCOMPARE(ra, a);
        QCOMPARE(rb, b);
        QCOMPARE(sameCount(limited), 2);
        QCOMPARE(sameCount(onb::diffLines(a, b)), 3);
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_onboarding_linediff.moc"
