// Unit tests of the log viewer's data side: severity detection, the line store (merge by time,
// memory budget), filters (sync and on the thread pool), the table model and export.
#include "ui/logs/BuildSection.h"
#include "ui/logs/LogExport.h"
#include "ui/logs/LogFilter.h"
#include "ui/logs/LogLineStore.h"
#include "ui/logs/LogSeverity.h"
#include "ui/logs/LogTableModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::engine::LogLine;
using fd::engine::LogLines;
using fd::ui::LogFilter;
using fd::ui::LogFilterSpec;
using fd::ui::LogLineStore;
using fd::ui::LogSeverity;
using fd::ui::LogTableModel;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 12, 7), QTime(3, 0), Qt::UTC);

LogLine line(const QString &pod, qint64 ms, const QString &text, const QString &container = u"main"_s)
{
    LogLine l;
    l.pod = pod;
    l.container = container;
    l.time = kBase.addMSecs(ms);
    l.nanos = int((ms % 1000) * 1'000'000);
    l.text = text;
    return l;
}

// "pod:text" per stored line, in store order.
QStringList contents(const LogLineStore &store)
{
    QStringList out;
    for (qsizetype i = 0; i < store.size(); ++i)
        out << store.pod(i) + u':' + store.text(i);
    return out;
}

QStringList modelMessages(const LogTableModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, LogTableModel::MessageColumn).data().toString();
    return out;
}

} // namespace

class TestLogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void severity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("severity");
        QTest::addRow("zap info") << u"{\"level\":\"info\",\"ts\":\"2026-12-07T03:00:00Z\",\"msg\":\"x\"}"_s << int(LogSeverity::Info);
        QTest::addRow("zap error") << u"{\"level\":\"error\",\"msg\":\"failed\"}"_s << int(LogSeverity::Error);
        QTest::addRow("zap dpanic") << u"{\"level\":\"dpanic\",\"msg\":\"x\"}"_s << int(LogSeverity::Fatal);
        QTest::addRow("logfmt warn") << u"time=x level=warn msg=slow"_s << int(LogSeverity::Warning);
        QTest::addRow("klog error") << u"E1207 03:00:00.000000       1 reflector.go:1] boom"_s << int(LogSeverity::Error);
        QTest::addRow("klog info") << u"I1207 03:00:00.000000       1 main.go:1] up"_s << int(LogSeverity::Info);
        QTest::addRow("bracketed") << u"[ERROR] cannot compile"_s << int(LogSeverity::Error);
        QTest::addRow("word after time") << u"2026/12/07 03:00:00 WARNING disk"_s << int(LogSeverity::Warning);
        QTest::addRow("access log") << u"10.0.0.1 - - [07/Dec/2026] \"GET /hello HTTP/1.1\" 200 14"_s << int(LogSeverity::Unknown);
        QTest::addRow("word inside another") << u"terror of errors"_s << int(LogSeverity::Unknown);
        QTest::addRow("empty") << QString() << int(LogSeverity::Unknown);
    }
    void severity()
    {
        QFETCH(QString, text);
        QFETCH(int, severity);
        QCOMPARE(int(fd::ui::detectSeverity(text.toUtf8())), severity);
    }

    void storeMergesByTime_data()
    {
        QTest::addColumn<QList<LogLines>>("batches");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("in order") << QList<LogLines>{{line(u"a"_s, 1, u"1"_s), line(u"a"_s, 2, u"2"_s)}, {line(u"b"_s, 3, u"3"_s)}}
                                  << QStringList{u"a:1"_s, u"a:2"_s, u"b:3"_s};
        QTest::addRow("late batch merges into the tail")
            << QList<LogLines>{{line(u"a"_s, 10, u"10"_s), line(u"a"_s, 30, u"30"_s)}, {line(u"b"_s, 20, u"20"_s), line(u"b"_s, 40, u"40"_s)}}
            << QStringList{u"a:10"_s, u"b:20"_s, u"a:30"_s, u"b:40"_s};
        QTest::addRow("equal stamps keep arrival order")
            << QList<LogLines>{{line(u"a"_s, 5, u"x"_s)}, {line(u"b"_s, 5, u"y"_s)}, {line(u"a"_s, 5, u"z"_s)}}
            << QStringList{u"a:x"_s, u"b:y"_s, u"a:z"_s};
        QTest::addRow("unsorted batch") << QList<LogLines>{{line(u"a"_s, 3, u"3"_s), line(u"b"_s, 1, u"1"_s), line(u"c"_s, 2, u"2"_s)}}
                                        << QStringList{u"b:1"_s, u"c:2"_s, u"a:3"_s};
        QTest::addRow("older than everything")
            << QList<LogLines>{{line(u"a"_s, 100, u"100"_s)}, {line(u"b"_s, 1, u"1"_s)}} << QStringList{u"b:1"_s, u"a:100"_s};
        QTest::addRow("non-ascii text") << QList<LogLines>{{line(u"a"_s, 1, u"größe ✓"_s)}} << QStringList{u"a:größe ✓"_s};
    }
    void storeMergesByTime()
    {
        QFETCH(QList<LogLines>, batches);
        QFETCH(QStringList, expected);
        LogLineStore store;
        for (const LogLines &batch : batches)
            store.appendAndTrim(batch);
        QCOMPARE(contents(store), expected);
    }

    void storeStaysWithinBudget()
    {
        LogLineStore store(4 * 1024 * 1024);
        const QString text = QString(200, u'x');
        qint64 ms = 0;
        for (int batch = 0; batch < 100; ++batch) {
            LogLines lines;
            for (int i = 0; i < 1000; ++i) {
                ++ms;
                lines << line(u"p"_s, ms, text + QString::number(ms));
            }
            store.appendAndTrim(lines);
            QVERIFY2(store.bytesUsed() <= store.budgetBytes(), qPrintable(QString::number(store.bytesUsed())));
        }
        QVERIFY(store.droppedCount() > 0);
        QCOMPARE(store.droppedCount() + store.size(), 100'000);
        // The newest line is kept, the oldest kept line follows the dropped ones.
        QCOMPARE(store.text(store.size() - 1), text + QString::number(100'000));
        QCOMPARE(store.text(0), text + QString::number(store.droppedCount() + 1));
        // Compact: records + packed text stay close to the raw bytes.
        QVERIFY(double(store.bytesUsed()) / double(store.rawBytes()) < 1.5);
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<bool>("exclude");
        QTest::addColumn<int>("minimum");
        QTest::addColumn<QString>("lineText");
        QTest::addColumn<bool>("matches");
        QTest::addRow("plain, case-insensitive") << u"ERROR"_s << false << false << 0 << u"an error here"_s << true;
        QTest::addRow("plain, no match") << u"timeout"_s << false << false << 0 << u"an error here"_s << false;
        QTest::addRow("plain at the end") << u"here"_s << false << false << 0 << u"an error here"_s << true;
        QTest::addRow("needle longer than line") << u"a very long needle"_s << false << false << 0 << u"short"_s << false;
        // A needle without letters takes the exact search; its case needs no folding.
        QTest::addRow("no letters, found") << u"\" 5"_s << false << false << 0 << u"\"GET /\" 503 14"_s << true;
        QTest::addRow("no letters, absent") << u"\" 5"_s << false << false << 0 << u"\"GET /\" 200 14"_s << false;
        QTest::addRow("no letters, exclude") << u":5"_s << false << true << 0 << u"{\"status\":503}"_s << false;
        QTest::addRow("exclude") << u"healthz"_s << false << true << 0 << u"GET /healthz"_s << false;
        QTest::addRow("exclude keeps others") << u"healthz"_s << false << true << 0 << u"GET /hello"_s << true;
        QTest::addRow("regex") << u"status=(4|5)\\d\\d"_s << true << false << 0 << u"status=503"_s << true;
        QTest::addRow("regex no match") << u"^GET"_s << true << false << 0 << u"POST /x"_s << false;
        QTest::addRow("invalid regex hides nothing") << u"(unclosed"_s << true << false << 0 << u"anything"_s << true;
        QTest::addRow("severity passes") << QString() << false << false << int(LogSeverity::Warning) << u"[ERROR] x"_s << true;
        QTest::addRow("severity hides info") << QString() << false << false << int(LogSeverity::Warning) << u"[INFO] x"_s << false;
        QTest::addRow("severity hides unknown") << QString() << false << false << int(LogSeverity::Warning) << u"plain"_s << false;
        QTest::addRow("non-ascii needle") << u"größe"_s << false << false << 0 << u"die größe ist"_s << true;
    }
    void filter()
    {
        QFETCH(QString, text);
        QFETCH(bool, regex);
        QFETCH(bool, exclude);
        QFETCH(int, minimum);
        QFETCH(QString, lineText);
        QFETCH(bool, matches);
        LogFilterSpec spec;
        spec.text = text;
        spec.regex = regex;
        spec.exclude = exclude;
        spec.minimumSeverity = LogSeverity(minimum);
        const LogFilter filter(spec);
        const QByteArray utf8 = lineText.toUtf8();
        QCOMPARE(filter.matches(utf8, fd::ui::detectSeverity(utf8), false), matches);
        QVERIFY(filter.matches(utf8, LogSeverity::Unknown, true)); // gap markers always show
    }

    void asyncFilterEqualsSync()
    {
        LogLineStore store;
        LogLines lines;
        for (int i = 0; i < 200'000; ++i)
            lines << line(u"p%1"_s.arg(i % 7), i, (i % 13 == 0) ? u"request failed: Timeout %1"_s.arg(i) : u"ok %1"_s.arg(i));
        store.appendAndTrim(lines);
        LogFilterSpec spec;
        spec.text = u"timeout"_s;
        auto filter = std::make_shared<const LogFilter>(spec);
        auto future = fd::ui::filterAsync(std::make_shared<const LogLineStore::Snapshot>(store.snapshot()), filter);
        future.waitForFinished();
        const std::vector<qint64> async = future.result();
        const std::vector<qint64> sync = fd::ui::filterRange(store, 0, store.size(), *filter);
        QCOMPARE(async.size(), size_t((200'000 + 12) / 13));
        QVERIFY(async == sync);
        QVERIFY(std::is_sorted(async.begin(), async.end()));
    }

    void modelAppendsWithoutReset()
    {
        LogTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
        model.appendLines({line(u"a"_s, 10, u"a10"_s), line(u"a"_s, 30, u"a30"_s)});
        model.appendLines({line(u"b"_s, 20, u"b20"_s)}); // late: merged, the tail changes
        QCOMPARE(modelMessages(model), (QStringList{u"a10"_s, u"b20"_s, u"a30"_s}));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserts.size(), 2);
        // The merged tail (a30) went out and came back behind b20; a10 was untouched.
        QCOMPARE(removals.size(), 1);
        QCOMPARE(removals.first().at(1).toInt(), 1);
        QCOMPARE(removals.first().at(2).toInt(), 1);
        QCOMPARE(inserts.last().at(1).toInt(), 1);
        QCOMPARE(inserts.last().at(2).toInt(), 2);
        QCOMPARE(model.index(1, LogTableModel::PodColumn).data().toString(), u"b"_s);
        QCOMPARE(model.index(0, LogTableModel::TimeColumn).data().toString(), u"2026-12-07 03:00:00.010"_s);
    }

    void modelShowsDropMarker()
    {
        LogTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMemoryBudget(2 * 1024 * 1024);
        const QString text = QString(500, u'y');
        for (int batch = 0; batch < 10; ++batch) {
            LogLines lines;
            for (int i = 0; i < 1000; ++i)
                lines << line(u"p"_s, batch * 1000 + i, text);
            model.appendLines(lines);
        }
        QVERIFY(model.hasMarkerRow());
        QVERIFY(model.index(0, 0).data(LogTableModel::IsMarkerRole).toBool());
        QVERIFY(model.index(0, LogTableModel::MessageColumn).data().toString().contains(QString::number(model.store().droppedCount())));
        QCOMPARE(model.rowCount(), int(model.store().size()) + 1);
        QCOMPARE(model.storeIndex(0), -1);
        QCOMPARE(model.storeIndex(1), 0);
    }

    void modelFiltersOffThreadAndKeepsUp()
    {
        LogTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LogLines lines;
        for (int i = 0; i < 1000; ++i)
            lines << line(u"p"_s, i, (i % 10 == 0) ? u"ERROR %1"_s.arg(i) : u"fine %1"_s.arg(i));
        model.appendLines(lines);
        QSignalSpy applied(&model, &LogTableModel::filterApplied);
        LogFilterSpec spec;
        spec.text = u"error"_s;
        model.setFilter(spec);
        // Lines that arrive while the filter runs are filtered too.
        model.appendLines({line(u"p"_s, 5000, u"late ERROR"_s), line(u"p"_s, 5001, u"late fine"_s)});
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 20'000);
        QCOMPARE(model.rowCount(), 101);
        QCOMPARE(model.index(100, LogTableModel::MessageColumn).data().toString(), u"late ERROR"_s);
        // After the filter: appended and merged lines are filtered incrementally.
        model.appendLines({line(u"q"_s, 5, u"merged ERROR"_s), line(u"q"_s, 6000, u"new ERROR"_s), line(u"q"_s, 6001, u"x"_s)});
        QCOMPARE(model.rowCount(), 103);
        QCOMPARE(model.index(1, LogTableModel::MessageColumn).data().toString(), u"merged ERROR"_s);
        QCOMPARE(model.index(102, LogTableModel::MessageColumn).data().toString(), u"new ERROR"_s);
        // Clearing the filter shows everything again.
        model.setFilter({});
        QCOMPARE(model.rowCount(), 1005);
    }

    void requiredLiteral_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("literal");
        QTest::addRow("plain") << u"timeout"_s << u"timeout"_s;
        QTest::addRow("class escapes split") << u"status\":5\\d\\d"_s << u"status\":5"_s;
        QTest::addRow("escaped punctuation is literal") << u"GET /x\\.html"_s << u"GET /x.html"_s;
        QTest::addRow("optional char dropped") << u"colou?r: red"_s << u"r: red"_s;
        QTest::addRow("star drops the char") << u"ab*cdef"_s << u"cdef"_s;
        QTest::addRow("plus keeps the char") << u"xy+zz"_s << u"xy"_s;
        QTest::addRow("counted quantifier") << u"ab{2}cd"_s << u"cd"_s;
        QTest::addRow("group skipped") << u"(foo|bar) failed"_s << u" failed"_s;
        QTest::addRow("class skipped") << u"[A-Z]+rror code"_s << u"rror code"_s;
        QTest::addRow("lookahead skipped") << u"(?=abc)abcdef"_s << u"abcdef"_s;
        QTest::addRow("top-level alternation") << u"error|warn"_s << QString();
        QTest::addRow("inline options") << u"(?-i)Error"_s << QString();
        QTest::addRow("quoted") << u"\\Qa.b\\E"_s << QString();
        QTest::addRow("hex escape") << u"\\x41BC"_s << QString();
        QTest::addRow("back reference") << u"(a)\\1bc"_s << QString();
        QTest::addRow("unbalanced") << u"abc)"_s << QString();
        QTest::addRow("anchors") << u"^GET /$"_s << u"GET /"_s;
        QTest::addRow("non-BMP optional") << u"ab\U0001F600?"_s << u"ab"_s;
    }
    void requiredLiteral()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, literal);
        QCOMPARE(fd::ui::requiredLiteral(pattern), literal);
    }

    void requiredLiterals_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("literals");
        QTest::addRow("single") << u"timeout \\d+"_s << QStringList{u"timeout "_s};
        QTest::addRow("alternatives") << u"error|warn(ing)?"_s << QStringList{u"error"_s, u"warn"_s};
        QTest::addRow("nested alternatives stay in their group") << u"(a|b)cde|fgh"_s << QStringList{u"cde"_s, u"fgh"_s};
        QTest::addRow("escaped bar") << u"a\\|b"_s << QStringList{u"a|b"_s};
        QTest::addRow("bar in a class") << u"x[|]yz"_s << QStringList{u"yz"_s};
        QTest::addRow("empty alternative") << u"abc|"_s << QStringList{};
    }
    void requiredLiterals()
    {
        QFETCH(QString, pattern);
        QFETCH(QStringList, literals);
        QCOMPARE(fd::ui::requiredLiterals(pattern), literals);
    }

    // The regex prefilter only rejects lines the regular expression rejects too.
    void regexPrefilterAgreesWithRegex_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<QString>("prefilter");
        QTest::addRow("status") << u"status\":5\\d\\d"_s << false << u"status\":5"_s;
        QTest::addRow("status, case-sensitive") << u"status\":5\\d\\d"_s << true << u"status\":5"_s;
        QTest::addRow("kelvin") << u"kelvin \\d+"_s << false << u"kelvin "_s;
        QTest::addRow("long s") << u"sss"_s << false << u"sss"_s;
        QTest::addRow("non-ASCII literal, caseless: none") << u"größe \\d"_s << false << QString();
        QTest::addRow("non-ASCII literal, case-sensitive") << u"größe \\d"_s << true << u"größe "_s;
        QTest::addRow("alternatives") << u"error|warn"_s << false << u"error|warn"_s;
        QTest::addRow("an alternative without literal") << u"error|\\d+"_s << false << QString();
        QTest::addRow("one-letter alternative") << u"error|x"_s << false << QString();
    }
    void regexPrefilterAgreesWithRegex()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, caseSensitive);
        QFETCH(QString, prefilter);
        LogFilterSpec spec;
        spec.text = pattern;
        spec.regex = true;
        spec.caseSensitive = caseSensitive;
        const LogFilter filter(spec);
        QCOMPARE(filter.prefilterLiteral(), prefilter);
        const QRegularExpression reference(pattern, caseSensitive ? QRegularExpression::UseUnicodePropertiesOption
                                                                  : QRegularExpression::CaseInsensitiveOption);
        const QStringList lines{u"{\"status\":503}"_s, u"{\"STATUS\":504}"_s, u"{\"status\":200}"_s, u"status: 500"_s,
                                u"KELVIN 12"_s, u"\u212Aelvin 12"_s, u"\u212Aelvin"_s, u"SSS"_s, u"\u017Fss"_s, u"ſ"_s,
                                u"GRÖSSE 1"_s, u"Größe 2"_s, u"größe 3"_s, u"an error"_s, u"WARN x"_s, QString(),
                                u"plain ascii line without anything"_s};
        int matched = 0;
        for (const QString &text : lines) {
            const bool expected = reference.match(text).hasMatch();
            matched += expected;
            QVERIFY2(filter.matches(text.toUtf8(), LogSeverity::Unknown, false) == expected, qPrintable(text));
        }
        QVERIFY(matched > 0);
    }

    void hiddenSourcesAndTimeRange()
    {
        LogLineStore store;
        store.appendAndTrim({line(u"a"_s, 0, u"one"_s), line(u"b"_s, 1000, u"two"_s), line(u"a"_s, 2000, u"three"_s, u"side"_s),
                             line(u"a"_s, 3000, u"four"_s)});
        LogFilterSpec spec;
        spec.hiddenSources = {store.internSource(u"a"_s, u"main"_s)};
        QVERIFY(!spec.isEmpty());
        auto hits = fd::ui::filterRange(store, 0, store.size(), LogFilter(spec));
        QCOMPARE(hits, (std::vector<qint64>{1, 2}));
        spec.hiddenSources.clear();
        spec.fromNs = kBase.addMSecs(1000).toMSecsSinceEpoch() * 1'000'000;
        spec.toNs = kBase.addMSecs(2000).toMSecsSinceEpoch() * 1'000'000;
        hits = fd::ui::filterRange(store, 0, store.size(), LogFilter(spec));
        QCOMPARE(hits, (std::vector<qint64>{1, 2})); // inclusive at both ends
        spec.text = u"three"_s;
        hits = fd::ui::filterRange(store, 0, store.size(), LogFilter(spec));
        QCOMPARE(hits, (std::vector<qint64>{2}));
        // A source interned before its first line keeps its id when the line arrives.
        const quint16 early = store.internSource(u"c"_s, u"main"_s);
        store.appendAndTrim({line(u"c"_s, 4000, u"five"_s)});
        QCOMPARE(store.record(store.size() - 1).source, early);
        QCOMPARE(store.lowerBound(kBase.addMSecs(1500).toMSecsSinceEpoch() * 1'000'000), 2);
        QCOMPARE(store.lowerBound(kBase.addMSecs(9000).toMSecsSinceEpoch() * 1'000'000), store.size());
    }

    void modelFindsFirstRowAtTime()
    {
        LogTableModel model;
        LogLines lines;
        for (int i = 0; i < 100; ++i)
            lines << line(u"p%1"_s.arg(i % 2), i * 100, i % 2 ? u"odd %1"_s.arg(i) : u"even %1"_s.arg(i));
        model.appendLines(lines);
        const auto at = [](qint64 ms) { return kBase.addMSecs(ms).toMSecsSinceEpoch() * 1'000'000; };
        QCOMPARE(model.firstRowAtOrAfter(at(0)), 0);
        QCOMPARE(model.firstRowAtOrAfter(at(250)), 3);
        QCOMPARE(model.firstRowAtOrAfter(at(300)), 3);
        QCOMPARE(model.firstRowAtOrAfter(at(100'000)), -1);
        LogFilterSpec spec;
        spec.text = u"odd"_s;
        QSignalSpy applied(&model, &LogTableModel::filterApplied);
        model.setFilter(spec);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 10'000);
        const int row = model.firstRowAtOrAfter(at(250)); // lines 3, 5, … remain: row 1 is line 3
        QCOMPARE(row, 1);
        QCOMPARE(model.index(row, LogTableModel::MessageColumn).data().toString(), u"odd 3"_s);
    }

    void buildSectionOfThisPackage()
    {
        // The lines BuilderManager (src/sim/fission) writes for two packages of one environment.
        const auto request = [](const QString &file) {
            return u"{\"level\":\"info\",\"ts\":1.7e9,\"logger\":\"builder\",\"msg\":\"builder received request\",\"request\":{\"command\":\"build\",\"srcPkgFilename\":\"%1\"}}"_s.arg(file);
        };
        LogTableModel model;
        model.setBuildPackage(u"inventory"_s);
        LogLines lines{line(u"builder"_s, 1, request(u"inventory-x-abcdef"_s), u"builder"_s), // another package
                       line(u"builder"_s, 2, u"========= START ========="_s, u"builder"_s),
                       line(u"builder"_s, 3, u"other output"_s, u"builder"_s),
                       line(u"builder"_s, 4, u"========= END ==========="_s, u"builder"_s),
                       line(u"builder"_s, 5, request(u"inventory-qwerty"_s), u"builder"_s),
                       line(u"builder"_s, 6, u"========= START ========="_s, u"builder"_s),
                       line(u"builder"_s, 7, u"main.go:3: syntax error"_s, u"builder"_s),
                       line(u"builder"_s, 8, u"========= END ==========="_s, u"builder"_s),
                       line(u"builder"_s, 9, u"{\"level\":\"error\",\"msg\":\"error building source package\"}"_s, u"builder"_s)};
        model.appendLines(lines);
        QList<bool> inSection;
        for (int row = 0; row < model.rowCount(); ++row)
            inSection << model.index(row, LogTableModel::MessageColumn).data(LogTableModel::BuildSectionRole).toBool();
        QCOMPARE(inSection, (QList<bool>{false, false, false, false, false, true, true, true, false}));
        QVERIFY(model.index(6, LogTableModel::MessageColumn).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(2, LogTableModel::MessageColumn).data(Qt::BackgroundRole).isValid());
        QCOMPARE(fd::ui::BuildSectionMarker::requestedPackageFile(request(u"inventory-qwerty"_s).toUtf8()), u"inventory-qwerty"_s);
        QCOMPARE(fd::ui::BuildSectionMarker::requestedPackageFile("plain line"), QString());
    }

    void buildSectionMarkersStandOut()
    {
        LogTableModel model;
        model.appendLines({line(u"builder"_s, 1, u"========= START ========="_s), line(u"builder"_s, 2, u"go build ./..."_s),
                           line(u"builder"_s, 3, u"========= END ==========="_s)});
        QVERIFY(model.index(0, LogTableModel::MessageColumn).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(1, LogTableModel::MessageColumn).data(Qt::FontRole).isValid());
        QVERIFY(model.index(2, LogTableModel::MessageColumn).data(Qt::FontRole).value<QFont>().bold());
    }

    void search()
    {
        LogTableModel model;
        model.appendLines({line(u"p"_s, 1, u"alpha"_s), line(u"p"_s, 2, u"beta"_s), line(u"p"_s, 3, u"ALPHA two"_s)});
        model.setSearchText(u"alpha"_s);
        QVERIFY(model.rowMatchesSearch(0));
        QVERIFY(!model.rowMatchesSearch(1));
        QCOMPARE(model.findRow(-1, true), 0);
        QCOMPARE(model.findRow(0, true), 2);
        QCOMPARE(model.findRow(2, true), 0); // wraps
        QCOMPARE(model.findRow(-1, false), 2);
        QCOMPARE(model.findRow(2, false), 0);
        model.setSearchText(u"none"_s);
        QCOMPARE(model.findRow(-1, true), -1);
    }

    void exportRedactsCredentials_data()
    {
        QTest::addColumn<int>("format");
        QTest::addRow("plain") << int(fd::ui::LogExportFormat::PlainText);
        QTest::addRow("json lines") << int(fd::ui::LogExportFormat::JsonLines);
    }
    void exportRedactsCredentials()
    {
        QFETCH(int, format);
        LogLineStore store;
        const QString secret = u"s3cr3tTokenValue0123456789"_s;
        store.appendAndTrim({line(u"pod-1"_s, 1, u"calling with Authorization: Bearer %1"_s.arg(secret)),
                             line(u"pod-2"_s, 2, u"password=%1 done"_s.arg(secret), u"builder"_s)});
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(fd::ui::writeLogLines(buffer, store, {0, 1}, fd::ui::LogExportFormat(format)));
        const QByteArray out = buffer.data();
        QVERIFY(!out.contains(secret.toUtf8()));
        QVERIFY(out.contains("[REDACTED]"));
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        if (fd::ui::LogExportFormat(format) == fd::ui::LogExportFormat::JsonLines) {
            const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
            QCOMPARE(second.value("pod"_L1).toString(), u"pod-2"_s);
            QCOMPARE(second.value("container"_L1).toString(), u"builder"_s);
            QCOMPARE(second.value("time"_L1).toString(), u"2026-12-07T03:00:00.002Z"_s);
            QVERIFY(second.value("message"_L1).toString().startsWith("password="_L1));
        } else {
            QVERIFY(lines.at(0).startsWith("2026-12-07T03:00:00.001Z pod-1/main calling with"));
        }
    }
};

QTEST_MAIN(TestLogs)
#include "tst_logs.moc"
