// Maintenance windows and batches (issue 8) without a cluster: the queue's validation, its
// persistence across a new instance (an app restart), the scheduler's due and missed signals
// with an injected clock (no real minutes waited), and the --at time parser.
#include "engine/onboarding/MaintenanceQueue.h"
#include "engine/onboarding/MaintenanceScheduler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine::onboarding;

class TestOnboardingMaintenance : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(u"sub/maintenance-queue.json"_s);
    }

    void invalidEntriesAreRefused_data()
    {
        QTest::addColumn<QStringList>("queuedAdd");
        QTest::addColumn<QStringList>("queuedRemove");
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QString>("expected");
        const QStringList none;
        QTest::addRow("uppercase") << none << none << QStringList{u"Team-A"_s} << none << u"\"Team-A\" is not a valid namespace name"_s;
        QTest::addRow("underscore") << none << none << QStringList{u"team_a"_s} << none << u"\"team_a\" is not a valid namespace name"_s;
        QTest::addRow("dot") << none << none << none << QStringList{u"team.a"_s} << u"\"team.a\" is not a valid namespace name"_s;
        QTest::addRow("too long") << none << none << QStringList{QString(64, u'a')} << none << u"is not a valid namespace name"_s;
        QTest::addRow("empty name") << none << none << QStringList{QString()} << none << u"is not a valid namespace name"_s;
        QTest::addRow("leading dash") << none << none << QStringList{u"-team"_s} << none << u"\"-team\" is not a valid namespace name"_s;
        QTest::addRow("nothing") << none << none << none << none << u"no namespace given"_s;
        QTest::addRow("twice in one call") << none << none << QStringList{u"team-a"_s, u"team-a"_s} << none << u"named twice"_s;
        QTest::addRow("added and removed") << none << none << QStringList{u"team-a"_s} << QStringList{u"team-a"_s}
                                           << u"both added and removed"_s;
        QTest::addRow("already queued") << QStringList{u"team-a"_s} << none << QStringList{u"team-a"_s} << none
                                        << u"already queued for ctx"_s;
        QTest::addRow("queued add, now remove") << QStringList{u"team-a"_s} << none << none << QStringList{u"team-a"_s}
                                                << u"queued to be added; it cannot also be removed"_s;
        QTest::addRow("queued remove, now add") << none << QStringList{u"team-b"_s} << QStringList{u"team-b"_s} << none
                                                << u"queued to be removed; it cannot also be added"_s;
    }

    void invalidEntriesAreRefused()
    {
        QFETCH(QStringList, queuedAdd);
        QFETCH(QStringList, queuedRemove);
        QFETCH(QStringList, add);
        QFETCH(QStringList, remove);
        QFETCH(QString, expected);
        MaintenanceQueue queue(m_file);
        if (!queuedAdd.isEmpty() || !queuedRemove.isEmpty())
            QVERIFY(queue.enqueue(u"ctx"_s, queuedAdd, queuedRemove));
        const QueuedBatch before = queue.batch(u"ctx"_s);
        QSignalSpy changed(&queue, &MaintenanceQueue::changed);
        const auto result = queue.enqueue(u"ctx"_s, add, remove);
        QVERIFY(!result);
        QVERIFY2(result.error().contains(expected), qPrintable(result.error()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(queue.batch(u"ctx"_s).add, before.add);
        QCOMPARE(queue.batch(u"ctx"_s).remove, before.remove);
    }

    void theSameNamespaceMayBeQueuedForAnotherCluster()
    {
        MaintenanceQueue queue(m_file);
        QVERIFY(queue.enqueue(u"prod"_s, {u"team-a"_s}, {}));
        QVERIFY(queue.enqueue(u"staging"_s, {u"team-a"_s}, {}));
        QCOMPARE(queue.contexts(), (QStringList{u"prod"_s, u"staging"_s}));
    }

    void aQueuedPlanSurvivesARestart()
    {
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(3600);
        {
            MaintenanceQueue queue(m_file);
            QVERIFY(queue.enqueue(u"prod"_s, {u"team-a"_s, u"team-b"_s}, {}));
            QVERIFY(queue.enqueue(u"prod"_s, {u"team-c"_s}, {u"old-team"_s}));
            QVERIFY(queue.schedule(u"prod"_s, at.toLocalTime()));
            QVERIFY(queue.enqueue(u"staging"_s, {}, {u"qa"_s}));
            QVERIFY(queue.saveError().isEmpty());
        }
        MaintenanceQueue restarted(m_file); // a new instance reads what the last one wrote
        QVERIFY(restarted.loadError().isEmpty());
        const QueuedBatch prod = restarted.batch(u"prod"_s);
        QCOMPARE(prod.add, (QStringList{u"team-a"_s, u"team-b"_s, u"team-c"_s}));
        QCOMPARE(prod.remove, QStringList{u"old-team"_s});
        QVERIFY(prod.scheduledAt);
        QCOMPARE(prod.scheduledAt->timeSpec(), Qt::UTC);
        QCOMPARE(prod.scheduledAt->toSecsSinceEpoch(), at.toSecsSinceEpoch());
        QCOMPARE(restarted.batch(u"staging"_s).remove, QStringList{u"qa"_s});
        QVERIFY(!restarted.batch(u"staging"_s).scheduledAt);

        // What is written: names and times only, the time in UTC.
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        QVERIFY(json.value(u"batches"_s).toArray().at(0).toObject().value(u"scheduledAt"_s).toString().endsWith(u'Z'));

        // Dequeue, failure and clear persist too.
        QVERIFY(restarted.dequeue(u"prod"_s, u"team-b"_s));
        QVERIFY(!restarted.dequeue(u"prod"_s, u"nobody"_s));
        restarted.setFailure(u"prod"_s, u"helm exploded"_s);
        restarted.clear(u"staging"_s);
        MaintenanceQueue again(m_file);
        QCOMPARE(again.batch(u"prod"_s).add, (QStringList{u"team-a"_s, u"team-c"_s}));
        QCOMPARE(again.batch(u"prod"_s).lastError, u"helm exploded"_s);
        QVERIFY(!again.batch(u"prod"_s).scheduledAt); // a failed batch waits for the admin
        QCOMPARE(again.contexts(), QStringList{u"prod"_s});
    }

    void anUnreadableFileIsSetAsideNotFatal()
    {
        QDir().mkpath(QFileInfo(m_file).absolutePath());
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        MaintenanceQueue queue(m_file);
        QVERIFY2(queue.loadError().contains(u"moved to"_s), qPrintable(queue.loadError()));
        QVERIFY(queue.contexts().isEmpty());
        QVERIFY(QFile::exists(m_file + u".broken"_s));
        QVERIFY(queue.enqueue(u"ctx"_s, {u"team-a"_s}, {}));
    }

    void schedulingRefusesThePastAndAnEmptyBatch()
    {
        MaintenanceQueue queue(m_file);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto empty = queue.schedule(u"ctx"_s, now.addSecs(60), now);
        QVERIFY(!empty);
        QVERIFY2(empty.error().contains(u"nothing is queued"_s), qPrintable(empty.error()));
        QVERIFY(queue.enqueue(u"ctx"_s, {u"team-a"_s}, {}));
        auto past = queue.schedule(u"ctx"_s, now.addSecs(-60), now);
        QVERIFY(!past);
        QVERIFY2(past.error().contains(u"in the past"_s), qPrintable(past.error()));
        QVERIFY(queue.schedule(u"ctx"_s, now.addSecs(60), now));
        queue.unschedule(u"ctx"_s);
        QVERIFY(!queue.batch(u"ctx"_s).scheduledAt);
    }

    // The clock is moved by the test; the scheduler looks every few milliseconds.
    void theScheduledRunFiresOnceWhenItsTimeComes()
    {
        MaintenanceQueue queue(m_file);
        QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(queue.enqueue(u"prod"_s, {u"team-a"_s}, {}));
        QVERIFY(queue.schedule(u"prod"_s, now.addSecs(3600), now));
        MaintenanceScheduler scheduler(&queue);
        scheduler.clock = [&now] { return now; };
        scheduler.setCheckInterval(5);
        QSignalSpy due(&scheduler, &MaintenanceScheduler::due);
        QSignalSpy missed(&scheduler, &MaintenanceScheduler::missed);
        scheduler.start();
        QTest::qWait(50);
        QCOMPARE(due.count(), 0);
        QCOMPARE(missed.count(), 0);

        now = now.addSecs(3599);
        QTest::qWait(50);
        QCOMPARE(due.count(), 0);
        now = now.addSecs(2);
        QTRY_COMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toString(), u"prod"_s);
        QTest::qWait(50);
        QCOMPARE(due.count(), 1); // once

        // Rescheduled (e.g. after a failure the admin fixed): it fires again at the new time.
        QVERIFY(queue.schedule(u"prod"_s, now.addSecs(600), now));
        now = now.addSecs(601);
        QTRY_COMPARE(due.count(), 2);
        QCOMPARE(missed.count(), 0);
    }

    void aWindowThatPassedWhileTheAppWasClosedIsMissedNotRun()
    {
        const QDateTime scheduled = QDateTime::currentDateTimeUtc().addSecs(60);
        {
            MaintenanceQueue queue(m_file);
            QVERIFY(queue.enqueue(u"prod"_s, {u"team-a"_s}, {}));
            QVERIFY(queue.enqueue(u"staging"_s, {u"team-b"_s}, {}));
            QVERIFY(queue.schedule(u"prod"_s, scheduled));
            QVERIFY(queue.schedule(u"staging"_s, scheduled.addDays(1)));
        }
        // The app starts again two hours later.
        MaintenanceQueue queue(m_file);
        QDateTime now = scheduled.addSecs(7200);
        MaintenanceScheduler scheduler(&queue);
        scheduler.clock = [&now] { return now; };
        scheduler.setCheckInterval(5);
        QSignalSpy due(&scheduler, &MaintenanceScheduler::due);
        QSignalSpy missed(&scheduler, &MaintenanceScheduler::missed);
        scheduler.start();
        QCOMPARE(missed.count(), 1);
        QCOMPARE(missed.at(0).at(0).toString(), u"prod"_s);
        QTest::qWait(50);
        QCOMPARE(due.count(), 0); // never run late silently

        // "Reschedule" gives it a new time, which then fires normally; staging is still ahead.
        QVERIFY(queue.schedule(u"prod"_s, now.addSecs(300), now));
        now = now.addSecs(301);
        QTRY_COMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toString(), u"prod"_s);
    }

    void atTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected"); // invalid: an error
        QTest::addColumn<QString>("error");
        const QDateTime now(QDate(2026, 5, 1), QTime(14, 30), Qt::LocalTime);
        QTest::addRow("HH:MM later today") << u"22:00"_s << QDateTime(QDate(2026, 5, 1), QTime(22, 0), Qt::LocalTime) << QString();
        QTest::addRow("HH:MM passed: tomorrow") << u"02:15"_s << QDateTime(QDate(2026, 5, 2), QTime(2, 15), Qt::LocalTime) << QString();
        QTest::addRow("H:MM") << u"9:05"_s << QDateTime(QDate(2026, 5, 2), QTime(9, 5), Qt::LocalTime) << QString();
        QTest::addRow("ISO local") << u"2026-05-03T02:00"_s << QDateTime(QDate(2026, 5, 3), QTime(2, 0), Qt::LocalTime) << QString();
        QTest::addRow("ISO seconds") << u"2026-05-03T02:00:30"_s << QDateTime(QDate(2026, 5, 3), QTime(2, 0, 30), Qt::LocalTime)
                                     << QString();
        QTest::addRow("ISO UTC") << u"2026-05-03T02:00:00Z"_s << QDateTime(QDate(2026, 5, 3), QTime(2, 0), Qt::UTC) << QString();
        QTest::addRow("ISO offset") << u"2026-05-03T02:00:00+02:00"_s << QDateTime(QDate(2026, 5, 3), QTime(0, 0), Qt::UTC) << QString();
        QTest::addRow("past ISO") << u"2026-04-30T02:00"_s << QDateTime() << u"in the past"_s;
        QTest::addRow("date only") << u"2026-05-03"_s << QDateTime() << u"is not a time"_s;
        QTest::addRow("garbage") << u"tonight"_s << QDateTime() << u"is not a time"_s;
        QTest::addRow("25:00") << u"25:00"_s << QDateTime() << u"is not a time"_s;
    }

    void atTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QFETCH(QString, error);
        const QDateTime now(QDate(2026, 5, 1), QTime(14, 30), Qt::LocalTime);
        const auto parsed = parseMaintenanceTime(text, now);
        if (!expected.isValid()) {
            QVERIFY(!parsed);
            QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
            return;
        }
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
        QCOMPARE(parsed->toUTC(), expected.toUTC());
    }
};

QTEST_GUILESS_MAIN(TestOnboardingMaintenance)
#include "tst_onboarding_maintenance.moc"
