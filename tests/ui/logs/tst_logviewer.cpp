// GUI tests of LogViewerWidget on the offscreen platform: follow/pause, filter as you type,
// search next/previous with highlighting, export of the visible or the whole log, source
// toggles and colours, column toggles, time range and jump to time, the "Previous log" request.
#include "ui/logs/LogTableModel.h"
#include "ui/logs/LogViewerWidget.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QLabel>
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

    void sourcesToggleAndShowTheirColours()
    {
        LogViewerWidget viewer;
        viewer.show();
        LogLines lines = makeLines(0, 300); // hello-pod-0/1/2, container nodejs
        for (LogLine &line : lines) {
            if (line.pod == "hello-pod-2"_L1)
                line.container = (line.text.endsWith(u"0 ok"_s)) ? u"sidecar"_s : u"nodejs"_s;
        }
        viewer.appendLines(lines);
        QTreeWidget *sources = child<QTreeWidget>(viewer, "logSources");
        QCOMPARE(sources->topLevelItemCount(), 3);
        QTreeWidgetItem *pod2 = nullptr;
        for (int i = 0; i < sources->topLevelItemCount(); ++i) {
            if (sources->topLevelItem(i)->text(0) == "hello-pod-2"_L1)
                pod2 = sources->topLevelItem(i);
        }
        QVERIFY(pod2);
        QCOMPARE(pod2->childCount(), 2);
        // Each container wears its source's colour (the one of its pod/container cells).
        const QModelIndex firstPod2Row = viewer.model()->index(2, LogTableModel::PodColumn);
        QCOMPARE(firstPod2Row.data().toString(), u"hello-pod-2"_s);
        const QColor cellColour = firstPod2Row.data(Qt::BackgroundRole).value<QColor>();
        QTreeWidgetItem *nodejs = pod2->child(0)->text(0) == "nodejs"_L1 ? pod2->child(0) : pod2->child(1);
        const QImage swatch = nodejs->icon(0).pixmap(12, 12).toImage();
        QCOMPARE(swatch.pixelColor(6, 6).rgb(), cellColour.rgb());

        // Unchecking a pod hides its lines (every container), checking brings them back.
        pod2->setCheckState(0, Qt::Unchecked);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 200, 10'000);
        for (int row = 0; row < viewer.model()->rowCount(); ++row)
            QVERIFY(viewer.model()->index(row, LogTableModel::PodColumn).data().toString() != "hello-pod-2"_L1);
        pod2->setCheckState(0, Qt::Checked);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 300, 10'000);
        // One container of a pod.
        QTreeWidgetItem *sidecar = nodejs == pod2->child(0) ? pod2->child(1) : pod2->child(0);
        const int sidecarLines = int(std::count_if(lines.cbegin(), lines.cend(), [](const LogLine &l) { return l.container == "sidecar"_L1; }));
        QVERIFY(sidecarLines > 0);
        sidecar->setCheckState(0, Qt::Unchecked);
        QCOMPARE(pod2->checkState(0), Qt::PartiallyChecked);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 300 - sidecarLines, 10'000);
        // Hidden sources stay hidden for new lines, and combine with the text filter.
        viewer.appendLines(makeLines(300, 30));
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 330 - sidecarLines, 10'000);
        QTest::keyClicks(child<QLineEdit>(viewer, "logFilter"), u"error"_s);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 7, 10'000); // 0, 50, …, 300: none is pod 2's sidecar
    }

    void columnsToggle()
    {
        LogViewerWidget viewer;
        viewer.show();
        viewer.appendLines(makeLines(0, 10));
        QMenu *menu = viewer.columnMenu();
        QCOMPARE(child<QToolButton>(viewer, "logColumns")->menu(), menu);
        QAction *time = menu->findChild<QAction *>(u"logColumnTime"_s);
        QAction *pod = menu->findChild<QAction *>(u"logColumnPod"_s);
        QAction *container = menu->findChild<QAction *>(u"logColumnContainer"_s);
        QVERIFY(time && pod && container);
        QVERIFY(!viewer.view()->isColumnHidden(LogTableModel::TimeColumn));
        time->trigger();
        QVERIFY(viewer.view()->isColumnHidden(LogTableModel::TimeColumn));
        container->trigger();
        QVERIFY(viewer.view()->isColumnHidden(LogTableModel::ContainerColumn));
        QVERIFY(!viewer.view()->isColumnHidden(LogTableModel::PodColumn));
        QVERIFY(!viewer.view()->isColumnHidden(LogTableModel::MessageColumn));
        time->trigger();
        QVERIFY(!viewer.view()->isColumnHidden(LogTableModel::TimeColumn));
        // The API and the menu agree; the message column cannot be hidden.
        viewer.setColumnVisible(LogTableModel::PodColumn, false);
        QVERIFY(!pod->isChecked());
        viewer.setColumnVisible(LogTableModel::MessageColumn, false);
        QVERIFY(viewer.isColumnVisible(LogTableModel::MessageColumn));
    }

    void timeRangeAndJumpToTime()
    {
        const QDateTime base(QDate(2026, 12, 7), QTime(3, 0), Qt::UTC);
        LogViewerWidget viewer;
        viewer.resize(900, 300);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.appendLines(makeLines(0, 2000)); // one line per millisecond from 03:00:00.000
        auto *from = child<QDateTimeEdit>(viewer, "logTimeFrom");
        auto *to = child<QDateTimeEdit>(viewer, "logTimeTo");
        auto *jumpTime = child<QDateTimeEdit>(viewer, "logJumpTime");
        // The pickers start at the lines' times.
        QCOMPARE(from->dateTime(), base);
        QCOMPARE(jumpTime->dateTime(), base);
        QVERIFY(!from->isEnabled());

        // Jump: the first line at or after the time, follow paused.
        QVERIFY(viewer.isFollowing());
        jumpTime->setDateTime(base.addMSecs(1234));
        QTest::mouseClick(child<QToolButton>(viewer, "logJump"), Qt::LeftButton);
        QVERIFY(!viewer.isFollowing());
        QCOMPARE(viewer.view()->currentIndex().row(), 1234);
        QCOMPARE(viewer.view()->currentIndex().data().toString(), u"request 1234 ok"_s);
        QVERIFY(!viewer.jumpToTime(base.addSecs(60))); // nothing that late
        QVERIFY(child<QLabel>(viewer, "logStatus")->text().contains(u"03:01:00"_s));

        // Time range: inclusive, combined with text filters, and new lines outside stay out.
        child<QCheckBox>(viewer, "logTimeRange")->setChecked(true);
        QVERIFY(from->isEnabled() && to->isEnabled());
        from->setDateTime(base.addMSecs(100));
        to->setDateTime(base.addMSecs(199));
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 100, 10'000);
        QCOMPARE(viewer.model()->index(0, LogTableModel::MessageColumn).data().toString(), u"[ERROR] request 100 failed token=abcdefghijklmnop1234"_s);
        viewer.appendLines(makeLines(2000, 10));
        QCOMPARE(viewer.model()->rowCount(), 100);
        QTest::keyClicks(child<QLineEdit>(viewer, "logFilter"), u"error"_s);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 2, 10'000); // 100 and 150
        // Jumping works within the filtered rows.
        QVERIFY(viewer.jumpToTime(base.addMSecs(120)));
        QCOMPARE(viewer.view()->currentIndex().data().toString(), u"[ERROR] request 150 failed token=abcdefghijklmnop1234"_s);
        child<QCheckBox>(viewer, "logTimeRange")->setChecked(false);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.model()->rowCount(), 41, 10'000); // every 50th of 2010 lines
    }

    void previousLogOfRestartedContainers()
    {
        LogViewerWidget viewer;
        viewer.show();
        viewer.appendLines(makeLines(0, 30));
        viewer.addContainers({{u"team-a"_s, u"hello-pod-0"_s, u"nodejs"_s, 0}, {u"team-a"_s, u"hello-pod-1"_s, u"nodejs"_s, 2}});
        QTreeWidget *sources = child<QTreeWidget>(viewer, "logSources");
        QToolButton *previous = child<QToolButton>(viewer, "logPreviousLog");
        QSignalSpy requested(&viewer, &LogViewerWidget::previousLogRequested);
        const auto containerItem = [&](const QString &pod) -> QTreeWidgetItem * {
            for (int i = 0; i < sources->topLevelItemCount(); ++i) {
                if (sources->topLevelItem(i)->text(0) == pod)
                    return sources->topLevelItem(i)->child(0);
            }
            return nullptr;
        };
        QVERIFY(containerItem(u"hello-pod-0"_s) && containerItem(u"hello-pod-1"_s));
        sources->setCurrentItem(containerItem(u"hello-pod-0"_s));
        QVERIFY(!previous->isEnabled()); // never restarted
        sources->setCurrentItem(containerItem(u"hello-pod-1"_s));
        QVERIFY(previous->isEnabled());
        QCOMPARE(containerItem(u"hello-pod-1"_s)->text(1), u"2"_s);
        QTest::mouseClick(previous, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        const auto container = requested.first().first().value<fd::engine::LogContainer>();
        QCOMPARE(container.namespaceName, u"team-a"_s);
        QCOMPARE(container.pod, u"hello-pod-1"_s);
        QCOMPARE(container.container, u"nodejs"_s);
        // A pod row is not a container: nothing to open.
        sources->setCurrentItem(containerItem(u"hello-pod-1"_s)->parent());
        QVERIFY(!previous->isEnabled());
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
