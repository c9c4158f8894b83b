// GUI tests of LogViewerWidget on the offscreen platform: follow/pause, filter as you type,
// search next/previous with highlighting, export of the visible or the whole log.
#include "ui/logs/LogTableModel.h"
#include "ui/logs/LogViewerWidget.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using fd::engine::LogLine;
using fd::engine::LogLines;
using fd::ui::LogTableModel;
using fd::ui::LogViewerWidget;

namespace {

LogLines makeLines(int from, int count)
{
    const QDateTime base(QDate(2026, 12, 7), QTime(3, 0), Qt::UTC);
    LogLines lines;
    for (int i = from; i < from + count; ++i) {
        LogLine line;
        line.pod = u"hello-pod-%1"_s.arg(i % 3);
        line.container = u"nodejs"_s;
        line.time = base.addMSecs(i);
        line.nanos = (i % 1000) * 1'000'000;
        line.text = (i % 50 == 0) ? u"[ERROR] request %1 failed token=abcdefghijklmnop1234"_s.arg(i) : u"request %1 ok"_s.arg(i);
        lines << line;
    }
    return lines;
}

template<typename T>
T *child(QWidget &widget, const char *name)
{
    T *found = widget.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestLogViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsAndPausesWhenScrolledUp()
    {
        LogViewerWidget viewer;
        viewer.resize(900, 400);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QScrollBar *bar = viewer.view()->verticalScrollBar();
        viewer.appendLines(makeLines(0, 500));
        QVERIFY(viewer.isFollowing());
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), 10'000);
        // More lines keep the view at the bottom.
        viewer.appendLines(makeLines(500, 100));
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), 10'000);

        // The user scrolls up: follow pauses and new lines do not move the view.
        bar->setValue(10);
        QVERIFY(!viewer.isFollowing());
        QVERIFY(!child<QToolButton>(viewer, "logFollow")->isChecked());
        viewer.appendLines(makeLines(600, 200));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 10);
        QVERIFY(viewer.view()->model()->rowCount() == 800);

        // Resuming on demand jumps to the newest line.
        QTest::mouseClick(child<QToolButton>(viewer, "logFollow"), Qt::LeftButton);
        QVERIFY(viewer.isFollowing());
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() == bar->maximum(), 10'000);
    }

    void filterAsYouType()
    {
        LogViewerWidget viewer;
        viewer.show();
        viewer.appendLines(makeLines(0, 1000));
        QLineEdit *filter = child<QLineEdit>(viewer, "logFilter");
        QTest::keyClicks(filter, u"error"_s);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 20, 10'000);
        // Exclude inverts.
        child<QCheckBox>(viewer, "logExclude")->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 980, 10'000);
        child<QCheckBox>(viewer, "logExclude")->setChecked(false);
        // Regex.
        filter->clear();
        QTest::keyClicks(filter, u"request 9\\d\\d ok"_s);
        child<QCheckBox>(viewer, "logRegex")->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 98, 10'000);
        filter->clear();
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 1000, 10'000);
    }

    void searchNextPreviousHighlights()
    {
        LogViewerWidget viewer;
        viewer.show();
        viewer.appendLines(makeLines(0, 300));
        QLineEdit *search = child<QLineEdit>(viewer, "logSearch");
        QTest::keyClicks(search, u"[error]"_s);
        LogTableModel *model = viewer.model();
        QVERIFY(model->index(0, LogTableModel::MessageColumn).data(LogTableModel::SearchMatchRole).toBool());
        QVERIFY(!model->index(1, LogTableModel::MessageColumn).data(LogTableModel::SearchMatchRole).toBool());
        QVERIFY(model->index(50, LogTableModel::MessageColumn).data(Qt::BackgroundRole).isValid());

        QToolButton *next = child<QToolButton>(viewer, "logSearchNext");
        QToolButton *previous = child<QToolButton>(viewer, "logSearchPrevious");
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(viewer.view()->currentIndex().row(), 0);
        QVERIFY(!viewer.isFollowing()); // looking at a match pauses follow
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(viewer.view()->currentIndex().row(), 50);
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(viewer.view()->currentIndex().row(), 100);
        QTest::mouseClick(previous, Qt::LeftButton);
        QCOMPARE(viewer.view()->currentIndex().row(), 50);
        QTest::mouseClick(previous, Qt::LeftButton);
        QTest::mouseClick(previous, Qt::LeftButton);
        QCOMPARE(viewer.view()->currentIndex().row(), 250); // wrapped to the last match
    }

    void exportVisibleAndAll()
    {
        LogViewerWidget viewer;
        viewer.appendLines(makeLines(0, 200));
        QTest::keyClicks(child<QLineEdit>(viewer, "logFilter"), u"error"_s);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 4, 10'000);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString visiblePath = dir.filePath(u"visible.jsonl"_s);
        QVERIFY(viewer.exportTo(visiblePath, fd::ui::LogExportFormat::JsonLines, LogViewerWidget::ExportScope::Visible));
        QFile visible(visiblePath);
        QVERIFY(visible.open(QIODevice::ReadOnly));
        const QByteArray visibleText = visible.readAll();
        QCOMPARE(visibleText.count('\n'), 4);
        QVERIFY(!visibleText.contains("abcdefghijklmnop1234"));
        QVERIFY(visibleText.contains("\"pod\":\"hello-pod-"));

        const QString allPath = dir.filePath(u"all.log"_s);
        QVERIFY(viewer.exportTo(allPath, fd::ui::LogExportFormat::PlainText, LogViewerWidget::ExportScope::All));
        QFile all(allPath);
        QVERIFY(all.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = all.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 200);
        QCOMPARE(lines.at(1), QByteArray("2026-12-07T03:00:00.001Z hello-pod-1/nodejs request 1 ok"));

        // Copy takes the selected rows, redacted too.
        viewer.view()->selectAll();
        const QString copied = viewer.selectedText();
        QCOMPARE(copied.count(u'\n'), 3);
        QVERIFY(!copied.contains(u"abcdefghijklmnop1234"_s));

        // A path that cannot be written gives an error value.
        QVERIFY(!viewer.exportTo(dir.filePath(u"missing/dir/x.log"_s), fd::ui::LogExportFormat::PlainText,
                                 LogViewerWidget::ExportScope::All));
    }
};

QTEST_MAIN(TestLogViewer)
#include "tst_logviewer.moc"
