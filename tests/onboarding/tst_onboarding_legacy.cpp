// Onboarding on a legacy install: the emulator's `demo` profile (Fission 1.20.5 installed with
// Helm, watching default and team-a; namespace `test` holds a package and a function nobody
// watches) driven by real helm. The demo release stores its chart's templates, so every plan here
// rebuilds the chart from the release (no chart reference, as `fission-desk onboard` without
// --chart): plans, a failed upgrade with its rollback, a successful onboarding that makes test's
// package build, and a stale plan that is refused. A release without templates (built here) makes
// the planner ask for a chart.
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/OnboardingRun.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace fd::engine::onboarding;
using fd::test::OnboardingCluster;

class TestOnboardingLegacy : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<OnboardingCluster> m_cluster;
    QString m_helm;
    std::optional<Plan> m_firstPlan;

    // `chart` empty: the planner rebuilds the chart stored in the release. `editRelease` changes
    // the release the planner is given (e.g. to drop its templates).
    fd::Expected<Plan, PlanError> plan(const QStringList &add, const QStringList &remove, const QString &chart,
                                       const std::function<void(fd::helm::Release &)> &editRelease = {})
    {
        QString error;
        const auto facts = m_cluster->probe(&error);
        if (!facts)
            return fd::Unexpected(PlanError{PlanError::Kind::Cluster, error});
        PlanRequest request;
        request.helm = m_cluster->helmSettings(m_helm);
        request.report = facts->report;
        if (facts->release) {
            request.release = *facts->release->upgradeBase();
            request.latestRevision = facts->release->latest()->version;
        }
        if (editRelease)
            editRelease(request.release);
        request.add = add;
        request.remove = remove;
        request.chartReference = chart;
        OnboardingPlanner planner(m_cluster->rest());
        planner.start(request);
        QDeadlineTimer deadline(300000);
        while (!planner.isFinished() && !deadline.hasExpired())
            QTest::qWait(20);
        if (!planner.isFinished())
            return fd::Unexpected(PlanError{PlanError::Kind::Helm, u"test: the planner did not finish"_s});
        return planner.result();
    }

    QString executorNamespaces()
    {
        const auto executor = m_cluster->getJson(u"/apis/apps/v1/namespaces/fission/deployments/executor"_s);
        if (!executor)
            return {};
        const QJsonArray containers = executor->value(u"spec"_s)[u"template"_s][u"spec"_s][u"containers"_s].toArray();
        for (const QJsonValue &env : containers.at(0)[u"env"_s].toArray()) {
            if (env[u"name"_s].toString() == u"FISSION_RESOURCE_NAMESPACES"_s)
                return env[u"value"_s].toString();
        }
        return {};
    }

    QString buildStatus(const QString &ns, const QString &package)
    {
        const auto object = m_cluster->getJson(u"/apis/fission.io/v1/namespaces/%1/packages/%2"_s.arg(ns, package));
        return object ? object->value(u"status"_s)[u"buildstatus"_s].toString() : QString();
    }

    bool runToEnd(StepRunner &run)
    {
        QSignalSpy finished(&run, &StepRunner::finished);
        if (!run.isFinished())
            finished.wait(900000);
        return run.isFinished();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_helm = fd::test::findHelm();
        if (m_helm.isEmpty())
            FD_SKIP_LOUDLY(u"helm not found (scripts/install-deps.sh fetches helm v4 into build/tools)"_s);
        m_cluster = std::make_unique<OnboardingCluster>(u"demo"_s);
        QString error;
        QVERIFY2(m_cluster->start(&error), qPrintable(error));
    }

    void detectsTheLegacyInstallAndItsRelease()
    {
        const auto facts = m_cluster->probe();
        QVERIFY(facts);
        QVERIFY(facts->install());
        QCOMPARE(facts->install()->world, fd::fission::TenancyWorld::Legacy);
        QVERIFY(facts->release);
        QCOMPARE(facts->release->name, u"fission"_s);
        QCOMPARE(facts->release->deployed()->version, 2);
    }

    // A release whose stored chart has no templates (as a release made by other means may have):
    // the planner says so and asks for a chart instead of upgrading with an empty chart.
    void storedChartWithoutTemplatesAsksForAChart()
    {
        const auto result = plan({u"test"_s}, {}, {}, [](fd::helm::Release &release) {
            QVERIFY(!release.chart.templates.isEmpty());   // the demo release has them
            release.chart.templates.clear();
        });
        QVERIFY(!result);
        QCOMPARE(result.error().kind, PlanError::Kind::Chart);
        QVERIFY2(result.error().message.contains(u"chart"_s), qPrintable(result.error().message));
    }

    void invalidNamesAreRefusedBeforeAnythingRuns()
    {
        const auto problem = OnboardingPlanner::validateNames({u"Bad_Name"_s}, {});
        QVERIFY(problem);
        QCOMPARE(problem->kind, PlanError::Kind::InvalidInput);
        QVERIFY(problem->message.contains(u"Bad_Name"_s));
        QVERIFY(!OnboardingPlanner::validateNames({u"test"_s}, {}));
        QVERIFY(OnboardingPlanner::validateNames({}, {}));
    }

    void planForTestListsRollingDeploymentsAndRoleBindings()
    {
        const auto result = plan({u"test"_s}, {}, {});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        const Plan &p = *result;
        QCOMPARE(p.releaseName, u"fission"_s);
        QCOMPARE(p.chartSource, ChartSource::StoredInRelease);
        QVERIFY(!p.storedChart.templates.isEmpty());
        QCOMPARE(p.baseRevision, 2);
        QCOMPARE(p.namespacesBefore, QStringList{u"team-a"_s});
        QCOMPARE(p.namespacesAfter, (QStringList{u"team-a"_s, u"test"_s}));
        QCOMPARE(p.added, QStringList{u"test"_s});
        QVERIFY(p.missingNamespaces.isEmpty());
        QVERIFY(p.impact.valuesText.contains(u"test"_s));

        const QStringList rolling = p.impact.rollingNames();
        for (const QString &name : {u"executor"_s, u"router"_s, u"buildermgr"_s, u"kubewatcher"_s, u"timer"_s, u"storagesvc"_s})
            QVERIFY2(rolling.contains(name), qPrintable(rolling.join(u',')));
        QVERIFY2(!rolling.contains(u"webhook"_s), qPrintable(rolling.join(u',')));
        // The executor rolls because of the namespace list.
        bool executorEnvChanges = false;
        for (const WorkloadRoll &roll : p.impact.rolling) {
            for (const EnvChange &change : roll.envChanges) {
                if (roll.name == u"executor"_s && change.name == u"FISSION_RESOURCE_NAMESPACES"_s) {
                    executorEnvChanges = true;
                    QCOMPARE(change.before, std::optional<QString>(u"default,team-a"_s));
                    QCOMPARE(change.after, std::optional<QString>(u"default,team-a,test"_s));
                }
            }
        }
        QVERIFY(executorEnvChanges);

        // New Roles and RoleBindings in test, nothing deleted anywhere.
        const QList<RbacChange> inTest = p.impact.rbacIn(u"test"_s);
        QVERIFY(!inTest.isEmpty());
        bool executorBinding = false;
        for (const RbacChange &change : inTest) {
            QCOMPARE(change.action, RbacChange::Action::Create);
            if (change.kind == u"RoleBinding"_s && change.name == u"fission-executor-fission-cr"_s)
                executorBinding = true;
        }
        QVERIFY(executorBinding);
        for (const RbacChange &change : p.impact.rbac)
            QCOMPARE(change.namespaceName, u"test"_s);

        // 1.20 defaults to adoptExistingResources: false, so the executor recycles every function
        // pod; the alternative keeps them.
        QVERIFY(!p.impact.adoptExistingResources);
        QCOMPARE(p.impact.functionPodsRecycled, p.impact.functionPodsTotal);
        QVERIFY(p.adoptAlternative);
        QVERIFY(p.adoptAlternative->adoptExistingResources);
        QCOMPARE(p.adoptAlternative->functionPodsRecycled, 0);
        QVERIFY(p.adoptAlternative->valuesText.contains(u"adoptExistingResources: true"_s));
        // The hook Job of the chart runs as part of the upgrade.
        QVERIFY(!p.impact.hooks.isEmpty());
        m_firstPlan = p;

        // JSON is complete enough for scripts.
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(u"added"_s).toArray().first().toString(), u"test"_s);
        QVERIFY(!json.value(u"impact"_s)[u"rbac"_s].toArray().isEmpty());
    }

    // A namespace that does not exist fails the whole upgrade on a real cluster (the chart writes
    // Roles into it). With the precondition ignored on purpose, helm fails, the run finds the
    // failed revision, and the rollback restores the previous values.
    void failedUpgradeIsDetectedAndRolledBack()
    {
        const auto result = plan({u"ghost"_s}, {}, {});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        Plan forced = *result;
        QCOMPARE(forced.missingNamespaces, QStringList{u"ghost"_s});
        forced.missingNamespaces.clear(); // skip the precondition: let helm fail

        OnboardingRun run(m_cluster->rest(), m_cluster->helmSettings(m_helm), forced, RunOptions{});
        QSignalSpy steps(&run, &StepRunner::stepChanged);
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY(!run.succeeded());
        QVERIFY(steps.count() > 0);
        int upgradeIndex = -1;
        for (int i = 0; i < run.steps().size(); ++i) {
            if (run.steps().at(i).id == u"upgrade"_s)
                upgradeIndex = i;
        }
        QVERIFY(upgradeIndex >= 0);
        QCOMPARE(run.steps().at(upgradeIndex).state, StepState::Failed);
        QCOMPARE(run.failedRevision(), 3);
        QCOMPARE(run.failedStatus(), u"failed"_s);
        QVERIFY(run.canRollback());

        QSignalSpy rolledBack(&run, &OnboardingRun::rollbackFinished);
        run.rollback();
        QVERIFY(rolledBack.wait(600000));
        QVERIFY2(rolledBack.first().at(0).toBool(), qPrintable(rolledBack.first().at(1).toString()));
        QVERIFY(run.rollbackSucceeded());
        QCOMPARE(executorNamespaces(), u"default,team-a"_s);
        const auto facts = m_cluster->probe();
        QVERIFY(facts && facts->release);
        QCOMPARE(facts->release->latest()->version, 4);
        QCOMPARE(facts->release->latest()->info.status, fd::helm::ReleaseStatus::Deployed);
        QCOMPARE(facts->release->latest()->config, facts->release->revision(2)->config);
    }

    // The first plan was made at revision 2; the release has moved on: the run refuses it.
    void stalePlanIsRefused()
    {
        if (!m_firstPlan)
            FD_SKIP_LOUDLY(u"no first plan (see the skips above)"_s);
        OnboardingRun run(m_cluster->rest(), m_cluster->helmSettings(m_helm), *m_firstPlan, RunOptions{});
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY(!run.succeeded());
        QCOMPARE(run.steps().first().state, StepState::Failed);
        QVERIFY2(run.failureMessage().contains(u"plan again"_s), qPrintable(run.failureMessage()));
        QVERIFY(!run.canRollback()); // nothing was upgraded
        QCOMPARE(executorNamespaces(), u"default,team-a"_s);
    }

    void onboardingTestRollsOutAndBuildsThePackage()
    {
        QCOMPARE(buildStatus(u"test"_s, u"hello-pkg"_s), u"pending"_s);
        const QString function = u"/api/v1/namespaces/fission/services/router:80/proxy/fission-function/test/hello"_s;
        QCOMPARE(m_cluster->getStatus(function), 404); // not watched: the classic 404
        const auto result = plan({u"test"_s}, {}, {});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        OnboardingRun run(m_cluster->rest(), m_cluster->helmSettings(m_helm), *result, RunOptions{});
        QList<QPair<int, StepState>> transitions;
        connect(&run, &StepRunner::stepChanged, this,
                [&transitions](int index, StepState state, const QString &) { transitions.append({index, state}); });
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY2(run.succeeded(), qPrintable(run.failureMessage()));
        for (const RunStep &step : run.steps())
            QVERIFY2(step.state == StepState::Done || step.state == StepState::Skipped, qPrintable(step.id + u": "_s + step.message));
        QVERIFY(transitions.contains(QPair<int, StepState>{0, StepState::Running}));
        QCOMPARE(executorNamespaces(), u"default,team-a,test"_s);
        const auto binding = m_cluster->getJson(u"/apis/rbac.authorization.k8s.io/v1/namespaces/test/rolebindings/fission-executor-fission-cr"_s);
        QVERIFY(binding);
        // Once the control plane watches test, the fission simulator builds its package.
        QTRY_COMPARE_WITH_TIMEOUT(buildStatus(u"test"_s, u"hello-pkg"_s), u"succeeded"_s, 240000);
        // … and the router serves the function.
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->getStatus(function), 200, 240000);
    }

    // A namespace that does not exist yet is created before the upgrade; the adoptExistingResources
    // variant is what gets sent when chosen.
    void onboardingCreatesAMissingNamespaceWithTheAdoptVariant()
    {
        const auto result = plan({u"team-new"_s}, {}, {});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->missingNamespaces, QStringList{u"team-new"_s});
        QVERIFY(result->adoptAlternative);
        RunOptions options;
        options.useAdoptAlternative = true;
        OnboardingRun run(m_cluster->rest(), m_cluster->helmSettings(m_helm), *result, options);
        QCOMPARE(run.steps().at(1).id, u"create-namespace:team-new"_s);
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY2(run.succeeded(), qPrintable(run.failureMessage()));
        QVERIFY(m_cluster->getJson(u"/api/v1/namespaces/team-new"_s));
        QCOMPARE(executorNamespaces(), u"default,team-a,test,team-new"_s);
        const auto facts = m_cluster->probe();
        QVERIFY(facts && facts->release);
        QCOMPARE(facts->release->latest()->config.value(u"executor"_s)[u"adoptExistingResources"_s].toBool(), true);
        QVERIFY(facts->install()->adoptExistingResources);
    }

    // Offboarding team-a: its RBAC goes, the control plane restarts again; the default namespace
    // cannot be removed from the list.
    void planForRemovalDeletesTheNamespacesRbac()
    {
        const auto result = plan({}, {u"team-a"_s}, {});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->removed, QStringList{u"team-a"_s});
        QCOMPARE(result->namespacesAfter, (QStringList{u"test"_s, u"team-new"_s}));
        QVERIFY(result->impact.rollingNames().contains(u"executor"_s));
        const QList<RbacChange> inTeamA = result->impact.rbacIn(u"team-a"_s);
        QVERIFY(!inTeamA.isEmpty());
        for (const RbacChange &change : inTeamA)
            QCOMPARE(change.action, RbacChange::Action::Delete);
        QVERIFY(result->impact.rbacIn(u"test"_s).isEmpty());

        const auto removeDefault = plan({}, {u"default"_s}, {});
        QVERIFY(!removeDefault);
        QCOMPARE(removeDefault.error().kind, PlanError::Kind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestOnboardingLegacy)
#include "tst_onboarding_legacy.moc"
