// The values editor, release history and stale-values guard of the onboarding dialog, and the
// offboarding dialog, against the emulator with real helm (skips loudly without helm):
//  - demo (legacy): the "Edit values" tab starts from the deployed revision's values; adding
//    `test` in the panel, the edited-vs-deployed diff shows it and "Plan" plans exactly that;
//    someone else's revision (a helm rollback outside the dialog) makes the dialog refuse the
//    upgrade until "Rebase my edits" re-applies the change on the new values; the history view
//    rolls back to an older revision with a confirmation that names what restarts;
//  - offboarding team-a (legacy, with namespace deletion) and team-b (modern): the preview lists
//    what is lost, the button waits for the typed name, and the namespace ends up gone.
#include "DialogEnvironment.h"
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include "engine/onboarding/StepRunner.h"
#include "helm/HelmCommands.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/transport/KubeSession.h"
#include "ui/onboarding/DiffView.h"
#include "ui/onboarding/OffboardDialog.h"
#include "ui/onboarding/OnboardingDialog.h"
#include "ui/onboarding/OnboardingEnvironment.h"
#include "ui/onboarding/ReleaseHistoryView.h"
#include "ui/onboarding/ValuesEditor.h"

#include <QApplication>
#include <QJsonArray>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using fd::test::OnboardingCluster;
using fd::ui::OffboardDialog;
using fd::ui::OnboardingDialog;

namespace {

QStringList treeTexts(const QTreeWidget *tree)
{
    QStringList texts;
    std::function<void(const QTreeWidgetItem *)> walk = [&](const QTreeWidgetItem *item) {
        for (int column = 0; column < item->columnCount(); ++column)
            texts.append(item->text(column));
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i));
    return texts;
}

// FD_SCREENSHOT_DIR set (under Xvfb): saves `widget` as <name>.png there.
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(300); // let the last layout and icon loads paint
    QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
}

} // namespace

class TestValuesDialog : public QObject {
    Q_OBJECT
private:
    QString m_helm;

    fd::ui::OnboardingEnvironment environment(OnboardingCluster &cluster) { return fd::test::dialogEnvironment(cluster, m_helm); }

    // `helm rollback fission <revision>` outside the dialog: someone else changing the release.
    bool rollbackOutside(OnboardingCluster &cluster, int revision, QString *error)
    {
        fd::helm::HelmRunner runner(cluster.helmSettings(m_helm));
        fd::helm::RollbackRequest request;
        request.release = u"fission"_s;
        request.namespaceName = u"fission"_s;
        request.revision = revision;
        fd::helm::HelmJob *job = runner.start(fd::helm::commands::rollback(request));
        if (!QTest::qWaitFor([job] { return job->isFinished(); }, 300000)) {
            *error = u"helm rollback did not finish"_s;
            return false;
        }
        if (!job->result()) {
            *error = job->result().error().message;
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_helm = fd::test::findHelm();
        if (m_helm.isEmpty())
            FD_SKIP_LOUDLY(u"helm not found (scripts/install-deps.sh fetches helm v4 into build/tools)"_s);
    }

    void editedValuesArePlannedAndStaleValuesAreRefused()
    {
        OnboardingCluster cluster(u"demo"_s);
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));

        fd::fission::OnboardAction action;
        OnboardingDialog dialog(environment(cluster), action);
        QStringList questions;
        dialog.confirm = [&questions](const QString &, const QString &question) {
            questions.append(question);
            return true;
        };
        dialog.setStalePollInterval(500);
        dialog.resize(1100, 760);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.phase(), OnboardingDialog::Phase::Ready, 60000);
        QVERIFY(!dialog.isModern());
        QVERIFY(dialog.tabs()->isTabVisible(1));
        QVERIFY(dialog.tabs()->isTabVisible(2));

        // The editor starts from the deployed revision 2 (team-a) and marks what the cluster has.
        fd::ui::ValuesEditor *editor = dialog.valuesEditor();
        QCOMPARE(*editor->panelNamespaces(), QStringList{u"team-a"_s});
        QVERIFY(!editor->isModified());
        QCOMPARE(dialog.knownLatestRevision(), 2);
        QVERIFY2(editor->namespaceList()->item(0)->text().contains(u"3 function"_s), qPrintable(editor->namespaceList()->item(0)->text()));
        dialog.tabs()->setCurrentIndex(1);
        QVERIFY(editor->addNamespace(u"test"_s));
        QVERIFY(editor->text().contains(u"- test"_s));
        QVERIFY(editor->isModified());
        QVERIFY(!dialog.namespacesEdit()->isEnabled()); // the edited values win

        // A validation error, for the screenshot, then fixed again.
        const QString good = editor->text();
        editor->setText(good + u"additionalFissionNamespaces2: [Bad_Name\n"_s);
        QVERIFY(editor->hasErrors());
        saveScreenshot(&dialog, u"values-editor"_s);
        editor->setText(good);
        QVERIFY(!editor->hasErrors());

        // The diff of the edited values against the deployed revision.
        auto *diffButton = dialog.findChild<QPushButton *>(u"diffEdited"_s);
        QVERIFY(diffButton);
        QTest::mouseClick(diffButton, Qt::LeftButton);
        QCOMPARE(dialog.tabs()->currentWidget(), dialog.historyView());
        QVERIFY2(dialog.historyView()->diffView()->toPlainText().contains(u"+  - test"_s),
                 qPrintable(dialog.historyView()->diffView()->toPlainText()));
        QCOMPARE(dialog.historyView()->historyTree()->topLevelItemCount(), 2);
        saveScreenshot(&dialog, u"release-history"_s);

        // Plan uses the edited values.
        dialog.tabs()->setCurrentIndex(0);
        QTest::mouseClick(dialog.planButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OnboardingDialog::Phase::Planned, qPrintable(dialog.failureText()), 300000);
        QCOMPARE(dialog.plan()->added, QStringList{u"test"_s});
        QCOMPARE(dialog.plan()->impact.valuesText, editor->text());
        QVERIFY(dialog.startButton()->isEnabled());

        // Someone else makes revision 3: the dialog notices, refuses to upgrade, offers the rebase.
        QVERIFY2(rollbackOutside(cluster, 1, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isStale(), 60000);
        QVERIFY(dialog.staleLabel()->isVisible());
        QVERIFY(dialog.staleLabel()->text().contains(u"revision 3"_s));
        QVERIFY(!dialog.startButton()->isEnabled());
        dialog.startOnboarding(); // even when called directly: refused
        QVERIFY(questions.isEmpty());
        QVERIFY(!dialog.run());

        // Rebase: revision 3 has no additional namespaces (rolled back to 1); the edit adds test.
        // (refused while the poll last saw the rollback still pending; the poll catches up)
        // (QTRY_VERIFY evaluates its expression once more after the loop: remember the success)
        bool rebased = false;
        QTRY_VERIFY2_WITH_TIMEOUT(rebased || (rebased = dialog.rebaseEdits()), qPrintable(dialog.failureText()), 60000);
        QVERIFY2(!dialog.isStale(), qPrintable(dialog.failureText()));
        QCOMPARE(dialog.knownLatestRevision(), 3);
        QCOMPARE(*editor->panelNamespaces(), QStringList{u"test"_s});
        QVERIFY(!dialog.staleLabel()->isVisible());
        QCOMPARE(dialog.phase(), OnboardingDialog::Phase::Ready);
        QVERIFY(!dialog.plan());
        QCOMPARE(dialog.historyView()->historyTree()->topLevelItemCount(), 3);

        // A rollback from the history view: to revision 2, confirmed with what restarts.
        dialog.historyView()->selectRevision(2);
        QVERIFY(dialog.historyView()->rollbackButton()->isEnabled());
        QTest::mouseClick(dialog.historyView()->rollbackButton(), Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains(u"executor"_s), qPrintable(questions.first()));
        QVERIFY2(questions.first().contains(u"[] → [team-a]"_s), qPrintable(questions.first()));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.historyView()->isRollingBack(), 300000);
        QVERIFY2(dialog.historyView()->statusText().contains(u"Rolled back to revision 2"_s), qPrintable(dialog.historyView()->statusText()));
        // That made revision 4, so the edits are stale again until rebased.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isStale(), 60000);
        rebased = false;
        QTRY_VERIFY2_WITH_TIMEOUT(rebased || (rebased = dialog.rebaseEdits()), qPrintable(dialog.failureText()), 60000);
        QCOMPARE(dialog.knownLatestRevision(), 4);
        QCOMPARE(*editor->panelNamespaces(), (QStringList{u"team-a"_s, u"test"_s}));
    }

    void offboardingALegacyTenantDeletesItsNamespace()
    {
        OnboardingCluster cluster(u"demo"_s);
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));

        OffboardDialog dialog(environment(cluster), u"team-a"_s);
        QStringList questions;
        dialog.confirm = [&questions](const QString &, const QString &question) {
            questions.append(question);
            return true;
        };
        dialog.resize(900, 720);
        dialog.show();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OffboardDialog::Phase::Ready, qPrintable(dialog.failureText()), 60000);
        QVERIFY(!dialog.isModern());
        QVERIFY(dialog.preview());
        QCOMPARE(dialog.preview()->count(u"functions"_s), 3);
        QVERIFY(dialog.preview()->count(u"packages"_s) >= 3);
        QVERIFY(dialog.preview()->count(u"archives"_s) >= 1);
        QCOMPARE(dialog.preview()->count(u"environments"_s), 2);
        QVERIFY(dialog.preview()->count(u"triggers"_s) >= 3);
        const QStringList shown = treeTexts(dialog.previewTree());
        for (const QString &name : {u"orders"_s, u"inventory"_s, u"notify"_s})
            QVERIFY2(shown.contains(name), qPrintable(shown.join(u'\n')));
        QVERIFY2(shown.contains(u"Functions (3)"_s), qPrintable(shown.join(u'\n')));

        // The button waits for the exact name.
        QVERIFY(!dialog.offboardButton()->isEnabled());
        QTest::keyClicks(dialog.confirmationEdit(), u"team-"_s);
        QVERIFY(!dialog.offboardButton()->isEnabled());
        QTest::keyClicks(dialog.confirmationEdit(), u"a"_s);
        QVERIFY(dialog.offboardButton()->isEnabled());
        dialog.deleteNamespaceBox()->setChecked(true);
        saveScreenshot(&dialog, u"offboard-preview"_s);

        QTest::mouseClick(dialog.offboardButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OffboardDialog::Phase::Finished, qPrintable(dialog.failureText()), 900000);
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.failureText()));
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains(u"executor"_s), qPrintable(questions.first())); // the restart cost
        QCOMPARE(cluster.getStatus(u"/api/v1/namespaces/team-a"_s), 404);
        const auto values = cluster.probe(&error);
        QVERIFY2(values, qPrintable(error));
        QVERIFY(values->release);
        QVERIFY(!values->release->deployed()->config.value(u"additionalFissionNamespaces"_s).toArray().contains(u"team-a"_s));
    }

    void offboardingAModernTenant()
    {
        OnboardingCluster cluster(u"demo-modern"_s);
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));

        OffboardDialog dialog(environment(cluster), u"team-b"_s);
        dialog.confirm = [](const QString &, const QString &) { return true; };
        dialog.show();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OffboardDialog::Phase::Ready, qPrintable(dialog.failureText()), 60000);
        QVERIFY(dialog.isModern());
        QCOMPARE(dialog.preview()->count(u"functions"_s), 2);
        QTest::keyClicks(dialog.confirmationEdit(), u"team-b"_s);
        dialog.deleteNamespaceBox()->setChecked(true);
        QTest::mouseClick(dialog.offboardButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OffboardDialog::Phase::Finished, qPrintable(dialog.failureText()), 300000);
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.failureText()));
        QCOMPARE(cluster.getStatus(u"/apis/fission.io/v1/fissiontenants/team-b"_s), 404);
        QCOMPARE(cluster.getStatus(u"/api/v1/namespaces/team-b"_s), 404);
        QVERIFY(!treeTexts(dialog.stepTree()).isEmpty());
    }
};

QTEST_MAIN(TestValuesDialog)
#include "tst_valuesdialog.moc"
