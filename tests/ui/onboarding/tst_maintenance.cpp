// Maintenance windows and batches in the app, clicked through the real widgets (offscreen):
// the queue dialog (queue, refuse bad names, dequeue, schedule in local time, unschedule), the
// onboarding dialog's "Add to queue" on the emulator's `demo` profile, the prompt for a window
// missed while the app was closed (never run late silently), and a scheduled batch that fires
// with an injected clock and is planned and applied as one real helm upgrade. The offboarding
// dialog queues a removal the same way. On `demo-modern`
// (dynamic tenancy) the dialog onboards by labelling the namespace.
#include "DialogEnvironment.h"
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include "engine/onboarding/MaintenanceQueue.h"
#include "engine/onboarding/MaintenanceScheduler.h"
#include "engine/onboarding/StepRunner.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/transport/KubeSession.h"
#include "ui/ClusterTreeModel.h"
#include "ui/onboarding/MaintenanceCoordinator.h"
#include "ui/onboarding/MaintenanceQueueDialog.h"
#include "ui/onboarding/OffboardDialog.h"
#include "ui/onboarding/OnboardingDialog.h"
#include "ui/onboarding/OnboardingEnvironment.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using fd::test::OnboardingCluster;
using fd::ui::MaintenanceCoordinator;
using fd::ui::MaintenanceQueueDialog;
using fd::ui::OffboardDialog;
using fd::ui::OnboardingDialog;
namespace onb = fd::engine::onboarding;

namespace {

QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &text)
{
    const QList<QTreeWidgetItem *> found = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.value(0);
}

} // namespace

class TestMaintenance : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<onb::MaintenanceQueue> m_queue;
    std::unique_ptr<OnboardingCluster> m_cluster;
    QString m_helm;

    bool startCluster()
    {
        if (m_cluster)
            return true;
        m_cluster = std::make_unique<OnboardingCluster>(u"demo"_s);
        QString error;
        if (!m_cluster->start(&error)) {
            qWarning() << error;
            return false;
        }
        return true;
    }

    fd::ui::OnboardingEnvironment environment() { return environmentFor(*m_cluster); }

    fd::ui::OnboardingEnvironment environmentFor(OnboardingCluster &cluster)
    {
        fd::ui::OnboardingEnvironment env = fd::test::dialogEnvironment(cluster, m_helm);
        env.queue = m_queue.get();
        return env;
    }

private Q_SLOTS:
    void initTestCase() { m_helm = fd::test::findHelm(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_queue = std::make_unique<onb::MaintenanceQueue>(m_dir->filePath(u"queue.json"_s));
    }

    void theQueueDialogEditsAndSchedulesTheQueue()
    {
        MaintenanceQueueDialog dialog(m_queue.get(), {u"prod"_s, u"staging"_s});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        dialog.contextBox()->setCurrentText(u"prod"_s);
        QTest::keyClicks(dialog.namespacesEdit(), u"team-a team-b"_s);
        QTest::mouseClick(dialog.queueAddButton(), Qt::LeftButton);
        QCOMPARE(m_queue->batch(u"prod"_s).add, (QStringList{u"team-a"_s, u"team-b"_s}));
        QVERIFY(findItem(dialog.tree(), u"team-b"_s));
        QVERIFY(dialog.namespacesEdit()->text().isEmpty());

        // Bad and conflicting entries are refused with the reason; the queue is unchanged.
        QTest::keyClicks(dialog.namespacesEdit(), u"Bad_Name"_s);
        QTest::mouseClick(dialog.queueAddButton(), Qt::LeftButton);
        QVERIFY(dialog.errorLabel()->isVisible());
        QVERIFY2(dialog.errorLabel()->text().contains(u"not a valid namespace name"_s), qPrintable(dialog.errorLabel()->text()));
        dialog.namespacesEdit()->clear();
        QTest::keyClicks(dialog.namespacesEdit(), u"team-a"_s);
        QTest::mouseClick(dialog.queueRemoveButton(), Qt::LeftButton);
        QVERIFY2(dialog.errorLabel()->text().contains(u"queued to be added"_s), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(m_queue->batch(u"prod"_s).add.size(), 2);
        dialog.namespacesEdit()->clear();
        QTest::keyClicks(dialog.namespacesEdit(), u"old-team"_s);
        QTest::mouseClick(dialog.queueRemoveButton(), Qt::LeftButton);
        QCOMPARE(m_queue->batch(u"prod"_s).remove, QStringList{u"old-team"_s});

        // Remove an entry.
        dialog.tree()->setCurrentItem(findItem(dialog.tree(), u"team-b"_s));
        QTest::mouseClick(dialog.dequeueButton(), Qt::LeftButton);
        QCOMPARE(m_queue->batch(u"prod"_s).add, QStringList{u"team-a"_s});

        // Schedule in local time; stored in UTC.
        dialog.tree()->setCurrentItem(findItem(dialog.tree(), u"prod"_s));
        const QDateTime at = QDateTime(QDate::currentDate().addDays(2), QTime(2, 30), Qt::LocalTime);
        dialog.timeEdit()->setDateTime(at);
        QTest::mouseClick(dialog.scheduleButton(), Qt::LeftButton);
        const auto scheduled = m_queue->batch(u"prod"_s).scheduledAt;
        QVERIFY(scheduled);
        QCOMPARE(scheduled->timeSpec(), Qt::UTC);
        QCOMPARE(*scheduled, at.toUTC());
        QVERIFY2(findItem(dialog.tree(), u"prod"_s)->text(1).contains(u"scheduled for"_s), qPrintable(findItem(dialog.tree(), u"prod"_s)->text(1)));
        QVERIFY(dialog.unscheduleButton()->isEnabled());

        dialog.tree()->setCurrentItem(findItem(dialog.tree(), u"prod"_s));
        dialog.timeEdit()->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
        QTest::mouseClick(dialog.scheduleButton(), Qt::LeftButton);
        QVERIFY2(dialog.errorLabel()->text().contains(u"in the past"_s), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(*m_queue->batch(u"prod"_s).scheduledAt, at.toUTC());

        QTest::mouseClick(dialog.unscheduleButton(), Qt::LeftButton);
        QVERIFY(!m_queue->batch(u"prod"_s).scheduledAt);

        QSignalSpy plan(&dialog, &MaintenanceQueueDialog::planRequested);
        QSignalSpy apply(&dialog, &MaintenanceQueueDialog::applyRequested);
        dialog.tree()->setCurrentItem(findItem(dialog.tree(), u"prod"_s));
        QTest::mouseClick(dialog.planButton(), Qt::LeftButton);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QCOMPARE(plan.count(), 1);
        QCOMPARE(plan.at(0).at(0).toString(), u"prod"_s);
        QCOMPARE(apply.count(), 1);
    }

    // A window that passed while the app was closed: a prompt, nothing runs by itself.
    void aMissedWindowIsOfferedNotRun()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &context : {u"prod"_s, u"staging"_s, u"qa"_s}) {
            QVERIFY(m_queue->enqueue(context, {u"team-a"_s}, {}));
            QVERIFY(m_queue->schedule(context, now.addSecs(-3600), now.addSecs(-7200))); // scheduled back then
        }
        QWidget window;
        window.show();
        int environmentsAsked = 0;
        MaintenanceCoordinator coordinator(m_queue.get(), &window, [&environmentsAsked](const QString &) {
            ++environmentsAsked;
            return std::optional<fd::ui::OnboardingEnvironment>();
        });
        coordinator.scheduler()->setCheckInterval(5);
        coordinator.start();
        QMessageBox *prompt = coordinator.missedPrompt(u"prod"_s);
        QVERIFY(prompt);
        QTRY_VERIFY(prompt->isVisible());
        QVERIFY2(prompt->text().contains(u"was missed"_s), qPrintable(prompt->text()));
        QVERIFY(coordinator.missedPrompt(u"staging"_s) && coordinator.missedPrompt(u"qa"_s));
        QTest::qWait(50);
        QCOMPARE(environmentsAsked, 0); // nothing ran late
        QVERIFY(!coordinator.batchDialog(u"prod"_s));

        // Reschedule… opens the queue at that cluster with a proposed time.
        QTest::mouseClick(prompt->findChild<QPushButton *>(u"reschedule"_s), Qt::LeftButton);
        MaintenanceQueueDialog *queueDialog = coordinator.openQueue();
        QVERIFY(queueDialog);
        QCOMPARE(queueDialog->selectedContext(), u"prod"_s);
        QVERIFY(queueDialog->timeEdit()->dateTime() > QDateTime::currentDateTime());
        QTest::mouseClick(queueDialog->scheduleButton(), Qt::LeftButton);
        QVERIFY(*m_queue->batch(u"prod"_s).scheduledAt > QDateTime::currentDateTimeUtc());

        // Discard empties that cluster's batch.
        QTest::mouseClick(coordinator.missedPrompt(u"staging"_s)->findChild<QPushButton *>(u"discard"_s), Qt::LeftButton);
        QVERIFY(m_queue->batch(u"staging"_s).isEmpty());

        // Apply now runs it (here: the context is unknown, so the batch keeps that error).
        QTest::mouseClick(coordinator.missedPrompt(u"qa"_s)->findChild<QPushButton *>(u"applyNow"_s), Qt::LeftButton);
        QCOMPARE(environmentsAsked, 1);
        QVERIFY2(m_queue->batch(u"qa"_s).lastError.contains(u"qa"_s), qPrintable(m_queue->batch(u"qa"_s).lastError));
        QCOMPARE(m_queue->batch(u"qa"_s).add, QStringList{u"team-a"_s});
    }

    void theOnboardingDialogQueuesNamespaces()
    {
        QVERIFY(startCluster());
        fd::fission::OnboardAction action;
        action.namespaceName = u"test"_s;
        OnboardingDialog dialog(environment(), action);
        dialog.confirm = [](const QString &, const QString &) { return false; };
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.phase() == OnboardingDialog::Phase::Ready, 60000);
        QVERIFY(dialog.queueButton()->isVisible());
        QVERIFY(dialog.queueButton()->isEnabled());
        dialog.namespacesEdit()->clear();
        QTest::keyClicks(dialog.namespacesEdit(), u"test team-q"_s);
        QTest::mouseClick(dialog.queueButton(), Qt::LeftButton);
        QCOMPARE(m_queue->batch(u"demo"_s).add, (QStringList{u"test"_s, u"team-q"_s}));
        QVERIFY2(dialog.statusLabel()->text().contains(u"Queued"_s), qPrintable(dialog.statusLabel()->text()));
        // Queued twice: refused, said in the dialog.
        QTest::mouseClick(dialog.queueButton(), Qt::LeftButton);
        QVERIFY2(dialog.failureText().contains(u"already queued"_s), qPrintable(dialog.failureText()));
        // Survives a restart of the app (a new queue on the same file).
        onb::MaintenanceQueue restarted(m_queue->filePath());
        QCOMPARE(restarted.batch(u"demo"_s).add, (QStringList{u"test"_s, u"team-q"_s}));

        // Opened again for a queued namespace (the diagnostics' Onboard fix): it says it is queued.
        QVERIFY(m_queue->schedule(u"demo"_s, QDateTime::currentDateTimeUtc().addDays(1)));
        OnboardingDialog again(environment(), action);
        again.show();
        QTRY_VERIFY_WITH_TIMEOUT(again.phase() == OnboardingDialog::Phase::Ready, 60000);
        QVERIFY2(again.statusLabel()->text().contains(u"queued for the maintenance window at"_s), qPrintable(again.statusLabel()->text()));
    }

    // The cluster tree marks what the queue holds, and follows it.
    void theTreeMarksQueuedNamespaces()
    {
        fd::ui::ClusterTreeModel model;
        MaintenanceCoordinator coordinator(m_queue.get(), nullptr, [](const QString &) { return std::nullopt; });
        QVERIFY(m_queue->enqueue(u"qa"_s, {u"team-a"_s}, {}));
        coordinator.markQueuedTenants(&model); // what was queued before is marked at once
        QCOMPARE(model.tenantNote(u"qa"_s, u"team-a"_s), u"queued to onboard"_s);
        QVERIFY(m_queue->enqueue(u"qa"_s, {}, {u"team-b"_s}));
        QCOMPARE(model.tenantNote(u"qa"_s, u"team-b"_s), u"queued to offboard"_s);
        const QDateTime at = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(m_queue->schedule(u"qa"_s, at));
        const QString when = QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
        QCOMPARE(model.tenantNote(u"qa"_s, u"team-a"_s), u"queued to onboard at "_s + when);
        QVERIFY(m_queue->dequeue(u"qa"_s, u"team-a"_s));
        QVERIFY(model.tenantNote(u"qa"_s, u"team-a"_s).isEmpty());
        m_queue->clear(u"qa"_s);
        QVERIFY(model.tenantNote(u"qa"_s, u"team-b"_s).isEmpty());
    }

    // Removing a tenant from the Helm values restarts the control plane as much as adding one:
    // the offboarding dialog queues it for the window instead, behind the same typed
    // confirmation. Deleting the namespace cannot wait for a window, so it cannot be queued.
    void theOffboardDialogQueuesTheRemoval()
    {
        QVERIFY(startCluster());
        OffboardDialog dialog(environment(), u"team-a"_s);
        dialog.confirm = [](const QString &, const QString &) { return false; };
        dialog.show();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OffboardDialog::Phase::Ready, qPrintable(dialog.failureText()), 60000);
        QVERIFY(!dialog.isModern());
        QPushButton *queue = dialog.queueButton();
        QVERIFY(queue->isVisible());
        QVERIFY(!queue->isEnabled()); // not confirmed yet
        QTest::keyClicks(dialog.confirmationEdit(), u"team-a"_s);
        QVERIFY(queue->isEnabled());
        dialog.deleteNamespaceBox()->setChecked(true);
        QVERIFY(!queue->isEnabled());
        dialog.deleteNamespaceBox()->setChecked(false);

        QTest::mouseClick(queue, Qt::LeftButton);
        QCOMPARE(m_queue->batch(u"demo"_s).remove, QStringList{u"team-a"_s});
        QVERIFY(m_queue->batch(u"demo"_s).add.isEmpty());
        const QString status = dialog.findChild<QLabel *>(u"status"_s)->text();
        QVERIFY2(status.contains(u"Queued removing team-a"_s), qPrintable(status));
        QVERIFY(!queue->isEnabled()); // queued once
        QCOMPARE(dialog.phase(), OffboardDialog::Phase::Ready); // nothing ran
        QVERIFY(!dialog.succeeded());

        // Opened again, it says the namespace already waits in the queue.
        OffboardDialog again(environment(), u"team-a"_s);
        again.show();
        QTRY_VERIFY2_WITH_TIMEOUT(again.phase() == OffboardDialog::Phase::Ready, qPrintable(again.failureText()), 60000);
        const QString intro = again.findChild<QLabel *>(u"offboardIntro"_s)->text();
        QVERIFY2(intro.contains(u"queued for the next maintenance window"_s), qPrintable(intro));
        QTest::keyClicks(again.confirmationEdit(), u"team-a"_s);
        QVERIFY(!again.queueButton()->isEnabled());
    }

    // demo-modern (dynamic tenancy): the dialog offers labelling instead of a FissionTenant; the
    // controller makes the tenant and the dialog follows it to Ready. No queue: nothing restarts.
    void theModernDialogOnboardsByLabel()
    {
        OnboardingCluster modern(u"demo-modern"_s);
        QString error;
        QVERIFY2(modern.start(&error), qPrintable(error));
        fd::ui::OnboardingEnvironment env = environmentFor(modern);
        fd::fission::OnboardAction action;
        action.namespaceName = u"team-lbl"_s;
        OnboardingDialog dialog(env, action);
        QStringList questions;
        dialog.confirm = [&questions](const QString &, const QString &question) {
            questions.append(question);
            return true;
        };
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.phase() == OnboardingDialog::Phase::Planned, 60000);
        QVERIFY(dialog.isModern());
        QVERIFY(!dialog.queueButton()->isVisible());
        QVERIFY(dialog.labelChoice()->isVisible());
        QTest::mouseClick(dialog.labelChoice(), Qt::LeftButton);
        QVERIFY(dialog.labelChoice()->isChecked());
        QTRY_VERIFY(dialog.impactTree()->findItems(u"label the namespace"_s, Qt::MatchContains | Qt::MatchRecursive).size() == 1);
        QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.phase() == OnboardingDialog::Phase::Finished, 120000);
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.failureText()));
        QVERIFY2(questions.value(0).contains(u"fission.io/enabled=true"_s), qPrintable(questions.join(u'\n')));
        QCOMPARE(dialog.run()->steps().at(1).id, u"label-namespace:team-lbl"_s);
        const auto ns = modern.getJson(u"/api/v1/namespaces/team-lbl"_s);
        QVERIFY(ns);
        QCOMPARE(ns->value(u"metadata"_s)[u"labels"_s][u"fission.io/enabled"_s].toString(), u"true"_s);
        QVERIFY(modern.getJson(u"/apis/fission.io/v1/fissiontenants/team-lbl"_s));
    }

    // The scheduled time comes while the app runs (the clock is moved, nobody waits an hour): the
    // batch dialog opens, plans both namespaces and upgrades once, and the queue empties.
    void theScheduledBatchRunsAsOneUpgrade()
    {
        if (m_helm.isEmpty())
            FD_SKIP_LOUDLY(u"helm not found (scripts/install-deps.sh fetches helm v4 into build/tools)"_s);
        QVERIFY(startCluster());
        const auto before = m_cluster->probe();
        QVERIFY(before && before->release);
        const int revisionBefore = before->release->latest()->version;

        QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(m_queue->enqueue(u"demo"_s, {u"test"_s}, {}));
        QVERIFY(m_queue->enqueue(u"demo"_s, {u"team-s"_s}, {}));
        QVERIFY(m_queue->schedule(u"demo"_s, now.addSecs(3600), now));

        QWidget window;
        window.show();
        const fd::ui::OnboardingEnvironment env = environment();
        MaintenanceCoordinator coordinator(m_queue.get(), &window, [env](const QString &context) {
            return context == u"demo"_s ? std::optional<fd::ui::OnboardingEnvironment>(env) : std::nullopt;
        });
        coordinator.scheduler()->clock = [&now] { return now; };
        coordinator.scheduler()->setCheckInterval(10);
        coordinator.start();
        QVERIFY(!coordinator.missedPrompt(u"demo"_s));
        QTest::qWait(50);
        QVERIFY(!coordinator.batchDialog(u"demo"_s));

        now = now.addSecs(3601);
        QTRY_VERIFY(coordinator.batchDialog(u"demo"_s));
        QPointer<OnboardingDialog> dialog = coordinator.batchDialog(u"demo"_s);
        QVERIFY(dialog->isBatch());
        QVERIFY(dialog->isVisible());
        // Nobody is asked: the admin confirmed when scheduling.
        dialog->confirm = [](const QString &, const QString &) {
            qWarning("the unattended batch asked for confirmation");
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || dialog->phase() == OnboardingDialog::Phase::Finished, 900000);
        QVERIFY(dialog);
        QVERIFY2(dialog->succeeded(), qPrintable(dialog->failureText()));
        QCOMPARE(dialog->plan()->added, (QStringList{u"test"_s, u"team-s"_s}));
        int upgrades = 0;
        for (const onb::RunStep &step : dialog->run()->steps())
            upgrades += step.id == u"upgrade"_s ? 1 : 0;
        QCOMPARE(upgrades, 1);
        QTRY_VERIFY(m_queue->contexts().isEmpty());

        const auto after = m_cluster->probe();
        QVERIFY(after && after->release);
        QCOMPARE(after->release->latest()->version, revisionBefore + 1);
        delete dialog.data();
    }
};

QTEST_MAIN(TestMaintenance)
#include "tst_maintenance.moc"
