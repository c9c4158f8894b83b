// The onboarding dialog as a user drives it: against the emulator's `demo` profile (legacy install,
// namespace `test` not watched) with real helm it plans `test`, lists the Deployments that restart,
// upgrades, and the session's `namespace-not-watched` finding for `test` goes away; a chart that
// does not exist is reported in the dialog with the typed text kept; on `demo-modern` it creates a
// FissionTenant without any restart; and the diagnostics panel's Onboard button opens it.
#include "DialogEnvironment.h"
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/OnboardingRun.h"
#include "engine/onboarding/StepRunner.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/transport/KubeSession.h"
#include "ui/DiagnosticsPanel.h"
#include "ui/EngineClusterHandle.h"
#include "ui/MainWindow.h"
#include "ui/onboarding/OnboardingDialog.h"
#include "ui/onboarding/OnboardingEnvironment.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using fd::test::OnboardingCluster;
using fd::ui::OnboardingDialog;

namespace {

// Every text of a tree, depth first, for "is it listed" checks.
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

bool hasFinding(const fd::engine::ClusterSession &session, const QString &id)
{
    for (const fd::fission::Finding &finding : session.snapshot()->findings) {
        if (finding.id() == id)
            return true;
    }
    return false;
}

// FD_SCREENSHOT_DIR set (docs/screenshots, under Xvfb): saves the dialog as onboarding-<name>.png.
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(200); // let the last layout and icon loads paint
    QVERIFY(widget->grab().save(dir + u"/onboarding-"_s + name + u".png"_s));
}

QString dialogState(const OnboardingDialog &dialog)
{
    return u"phase %1, error: %2"_s.arg(int(dialog.phase())).arg(dialog.failureText());
}

} // namespace

class TestOnboardingDialog : public QObject {
    Q_OBJECT
private:
    QString m_helm;

    fd::ui::OnboardingEnvironment environment(OnboardingCluster &cluster) { return fd::test::dialogEnvironment(cluster, m_helm); }

    std::unique_ptr<fd::engine::ClusterSession> sessionTo(OnboardingCluster &cluster)
    {
        fd::kube::LoadOptions options;
        options.explicitFile = cluster.kubeconfigPath();
        options.checkExecCommands = false;
        const fd::kube::KubeconfigSet set = fd::kube::KubeconfigLoader::load(options);
        const fd::kube::ContextEntry *context = set.context(u"referee"_s);
        if (!context)
            return nullptr;
        auto kube = fd::kube::KubeSession::fromContext(*context);
        if (!kube)
            return nullptr;
        auto session = std::make_unique<fd::engine::ClusterSession>(u"referee"_s, std::move(kube.value()));
        session->start();
        return session;
    }

    static fd::fission::OnboardAction action(const QString &ns)
    {
        fd::fission::OnboardAction a;
        a.namespaceName = ns;
        return a;
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

    void legacyPlanListsRestartsAndOnboardingRemovesTheFinding()
    {
        OnboardingCluster cluster(u"demo"_s);
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        auto session = sessionTo(cluster);
        QVERIFY(session);
        const QString findingId = u"namespace-not-watched:Namespace/test"_s;
        QTRY_VERIFY_WITH_TIMEOUT(hasFinding(*session, findingId), 60000);

        OnboardingDialog dialog(environment(cluster), action(u"test"_s));
        QStringList questions;
        dialog.confirm = [&questions](const QString &, const QString &question) {
            questions.append(question);
            return true;
        };
        dialog.show();
        QCOMPARE(dialog.namespacesEdit()->text(), u"test"_s); // prefilled from the finding
        QTRY_COMPARE_WITH_TIMEOUT(dialog.phase(), OnboardingDialog::Phase::Ready, 60000);
        QVERIFY(!dialog.isModern());

        QTest::mouseClick(dialog.planButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OnboardingDialog::Phase::Planned, qPrintable(dialogState(dialog)), 300000);
        QVERIFY(dialog.plan());
        const QStringList rolling = dialog.plan()->impact.rollingNames();
        QVERIFY(rolling.contains(u"executor"_s));
        const QStringList shown = treeTexts(dialog.impactTree());
        for (const QString &name : rolling)
            QVERIFY2(shown.contains(u"Deployment/"_s + name) || shown.contains(u"DaemonSet/"_s + name), qPrintable(shown.join(u'\n')));
        // The env change that makes them restart is shown under the Deployment.
        QVERIFY2(shown.join(u'\n').contains(u"FISSION_RESOURCE_NAMESPACES"_s), qPrintable(shown.join(u'\n')));
        QVERIFY(dialog.startButton()->isEnabled());
        saveScreenshot(&dialog, u"plan"_s);

        QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains(u"executor"_s), qPrintable(questions.first())); // states the restart cost
        QVERIFY(dialog.run());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.run()->isFinished(), 900000);
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.failureText()));
        // Every step is shown with its final state.
        QCOMPARE(dialog.stepTree()->topLevelItemCount(), dialog.run()->steps().size());
        for (int i = 0; i < dialog.stepTree()->topLevelItemCount(); ++i) {
            const QString state = dialog.stepTree()->topLevelItem(i)->data(0, Qt::UserRole + 1).toString();
            QVERIFY2(state == u"done"_s || state == u"skipped"_s, qPrintable(state));
        }
        saveScreenshot(&dialog, u"success"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!hasFinding(*session, findingId), 120000);
    }

    void unusableChartIsReportedAndTheFormIsKept()
    {
        OnboardingCluster cluster(u"demo"_s);
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        OnboardingDialog dialog(environment(cluster), action(u"test"_s));
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.phase(), OnboardingDialog::Phase::Ready, 60000);
        const QString missingChart = QDir::tempPath() + u"/fd-no-such-chart-dir"_s;
        dialog.namespacesEdit()->setText(u"test team-z"_s);
        dialog.chartEdit()->setText(missingChart);
        QTest::mouseClick(dialog.planButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.failureText().isEmpty(), 300000);
        QCOMPARE(dialog.phase(), OnboardingDialog::Phase::Ready);
        QVERIFY(!dialog.plan());
        QVERIFY(!dialog.startButton()->isEnabled());
        auto *label = dialog.findChild<QLabel *>(u"error"_s);
        QVERIFY(label && label->isVisible());
        saveScreenshot(&dialog, u"error"_s);
        QVERIFY2(label->text().contains(u"fd-no-such-chart-dir"_s) || label->text().contains(u"chart"_s), qPrintable(label->text()));
        // Nothing typed is lost; planning again is possible.
        QCOMPARE(dialog.namespacesEdit()->text(), u"test team-z"_s);
        QCOMPARE(dialog.chartEdit()->text(), missingChart);
        QVERIFY(dialog.planButton()->isEnabled());
        // An invalid name is refused before anything runs, with the name in the message.
        dialog.namespacesEdit()->setText(u"Bad_Name"_s);
        QTest::mouseClick(dialog.planButton(), Qt::LeftButton);
        QVERIFY2(dialog.failureText().contains(u"Bad_Name"_s), qPrintable(dialog.failureText()));
    }

    // The namespace exists when planning and is gone when helm runs: the upgrade fails, the
    // dialog says where the release was left, offers "Roll back" and the form keeps its text.
    void failedUpgradeOffersRollBack()
    {
        namespace onb = fd::engine::onboarding;
        OnboardingCluster cluster(u"demo"_s);
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        bool created = false;
        QObject context;
        onb::createObject(cluster.rest(), &context, u"/api/v1/namespaces"_s,
                          QJsonObject{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s},
                                      {u"metadata"_s, QJsonObject{{u"name"_s, u"ghost"_s}}}},
                          [&created](const onb::ObjectResult &result) { created = bool(result); });
        QTRY_VERIFY_WITH_TIMEOUT(created, 30000);

        OnboardingDialog dialog(environment(cluster), action(u"ghost"_s));
        dialog.confirm = [](const QString &, const QString &) { return true; };
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.phase(), OnboardingDialog::Phase::Ready, 60000);
        QTest::mouseClick(dialog.planButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OnboardingDialog::Phase::Planned, qPrintable(dialogState(dialog)), 300000);
        QVERIFY(dialog.plan()->missingNamespaces.isEmpty());

        bool deleted = false;
        onb::deleteObject(cluster.rest(), &context, u"/api/v1/namespaces/ghost"_s,
                          [&deleted](const onb::DoneResult &result) { deleted = bool(result); });
        QTRY_VERIFY_WITH_TIMEOUT(deleted, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(cluster.getStatus(u"/api/v1/namespaces/ghost"_s), 404, 60000);

        QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
        QVERIFY(dialog.run());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.run()->isFinished(), 900000);
        QVERIFY(!dialog.succeeded());
        QVERIFY(!dialog.failureText().isEmpty());
        QTRY_VERIFY(dialog.rollbackButton()->isVisible());
        QCOMPARE(dialog.namespacesEdit()->text(), u"ghost"_s);
        saveScreenshot(&dialog, u"failed"_s);

        auto *run = qobject_cast<onb::OnboardingRun *>(dialog.run());
        QVERIFY(run);
        QSignalSpy rolledBack(run, &onb::OnboardingRun::rollbackFinished);
        QTest::mouseClick(dialog.rollbackButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(rolledBack.size(), 1, 600000);
        QVERIFY2(rolledBack.first().at(0).toBool(), qPrintable(rolledBack.first().at(1).toString()));
        QVERIFY(dialog.failureText().isEmpty());
        QVERIFY(!dialog.rollbackButton()->isVisible());
        QVERIFY(dialog.planButton()->isEnabled()); // plan again with what was typed
    }

    void modernClusterCreatesATenantWithoutRestart()
    {
        OnboardingCluster cluster(u"demo-modern"_s);
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        OnboardingDialog dialog(environment(cluster), action(u"team-d"_s));
        dialog.confirm = [](const QString &, const QString &) { return true; };
        dialog.show();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.phase() == OnboardingDialog::Phase::Planned, qPrintable(dialogState(dialog)), 60000);
        QVERIFY(dialog.isModern());
        QVERIFY(!dialog.planButton()->isVisible()); // nothing to plan with helm
        QVERIFY(dialog.createNamespacesBox()->isVisible()); // team-d does not exist yet
        QVERIFY2(treeTexts(dialog.impactTree()).join(u'\n').contains(u"team-d"_s), qPrintable(treeTexts(dialog.impactTree()).join(u'\n')));
        QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
        QVERIFY(dialog.run());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.run()->isFinished(), 300000);
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.failureText()));
        QVERIFY2(treeTexts(dialog.stepTree()).join(u'\n').contains(u"Ready=True"_s), qPrintable(treeTexts(dialog.stepTree()).join(u'\n')));
        const auto tenant = cluster.getJson(u"/apis/fission.io/v1/fissiontenants/team-d"_s);
        QVERIFY(tenant);
        QCOMPARE(tenant->value(u"spec"_s)[u"namespace"_s].toString(), u"team-d"_s);
        saveScreenshot(&dialog, u"modern"_s);
    }

    void diagnosticsOnboardButtonOpensTheDialog()
    {
        fd::engine::Engine engine;
        const auto started = engine.startDemo({u"demo"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        fd::ui::MainWindow window;
        for (fd::engine::ClusterSession *session : engine.sessions()) {
            auto *handle = new fd::ui::EngineClusterHandle(session, &window);
            session->setOnboardHandler([&window, session](const fd::fission::OnboardAction &a) {
                return fd::ui::openOnboardingDialog(
                    &window, fd::ui::environmentForServer(session->contextName(), session->kubeSessionThread()->session()->settings()), a);
            });
            handle->setOnboardingAvailable(true);
            window.addCluster(handle);
        }
        window.show();
        QPushButton *onboard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(window.selectTenant(u"demo"_s, u"test"_s) && [&] {
            const auto buttons = window.diagnostics()->findChildren<QPushButton *>(u"fix:onboard"_s);
            onboard = buttons.isEmpty() ? nullptr : buttons.first();
            return onboard != nullptr;
        }(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(onboard->isEnabled(), 30000);
        QSignalSpy finished(window.diagnostics(), &fd::ui::DiagnosticsPanel::fixFinished);
        // The button opens the dialog at once: the dialog itself plans and asks before upgrading.
        QTest::mouseClick(onboard, Qt::LeftButton);
        OnboardingDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<OnboardingDialog *>()) && dialog->isVisible(), 30000);
        QCOMPARE(dialog->namespacesEdit()->text(), u"test"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->phase() == OnboardingDialog::Phase::Ready, qPrintable(dialogState(*dialog)), 60000);
        QVERIFY(!dialog->isModern());
        // Closing without onboarding finishes the fix as not done, and nothing changed.
        dialog->reject();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(!finished.first().at(0).toBool());
    }
};

QTEST_MAIN(TestOnboardingDialog)
#include "tst_onboardingdialog.moc"
