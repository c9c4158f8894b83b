// Onboarding on a modern cluster: the emulator's `demo-modern` profile (Fission main in dynamic
// tenancy mode, FissionTenants for team-a and team-b). No helm involved: a FissionTenant per
// namespace, followed to Ready; offboarding deletes it, refused while functions remain.
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/TenantRun.h"
#include "fission/InstallDetection.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine::onboarding;
using fd::test::OnboardingCluster;

class TestOnboardingModern : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<OnboardingCluster> m_cluster;

    TenantPlan plan(const QStringList &onboard, const QStringList &offboard)
    {
        const auto facts = m_cluster->probe();
        if (!facts || !facts->install())
            return {};
        TenantPlanInputs inputs;
        inputs.world = fd::fission::tenancyWorldId(facts->install()->world);
        inputs.tenants = facts->tenants;
        inputs.existingNamespaces = facts->namespaces;
        inputs.functionsPerNamespace = facts->functionsPerNamespace;
        inputs.onboard = onboard;
        inputs.offboard = offboard;
        return planTenants(inputs);
    }

    static bool runToEnd(StepRunner &run)
    {
        QSignalSpy finished(&run, &StepRunner::finished);
        run.isFinished() || finished.wait(300000);
        return run.isFinished();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<OnboardingCluster>(u"demo-modern"_s);
        QString error;
        QVERIFY2(m_cluster->start(&error), qPrintable(error));
    }

    void theHelmPlannerSendsModernClustersToTenants()
    {
        const auto facts = m_cluster->probe();
        QVERIFY(facts && facts->install());
        QCOMPARE(facts->install()->world, fd::fission::TenancyWorld::Dynamic);
        PlanRequest request;
        request.report = facts->report;
        request.add = {u"team-d"_s};
        OnboardingPlanner planner(m_cluster->rest());
        planner.start(request);
        QVERIFY(planner.isFinished());
        QVERIFY(!planner.result());
        QCOMPARE(planner.result().error().kind, PlanError::Kind::NotHelmWorld);
    }

    void onboardingCreatesATenantAndFollowsItToReady()
    {
        const TenantPlan p = plan({u"team-d"_s, u"team-a"_s}, {});
        QCOMPARE(p.world, u"dynamic"_s);
        QCOMPARE(p.onboard, QStringList{u"team-d"_s});
        QCOMPARE(p.alreadyOnboarded, QStringList{u"team-a"_s});
        QCOMPARE(p.missingNamespaces, QStringList{u"team-d"_s});

        TenantRun run(m_cluster->rest(), p, TenantRunOptions{});
        QStringList messages;
        connect(&run, &StepRunner::stepChanged, this, [&messages](int, StepState, const QString &message) { messages.append(message); });
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY2(run.succeeded(), qPrintable(run.failureMessage()));
        QCOMPARE(run.steps().size(), 3); // create namespace, create tenant, wait for Ready
        QVERIFY2(messages.join(u'\n').contains(u"Ready=True (Onboarded)"_s), qPrintable(messages.join(u'\n')));

        const auto tenant = m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-d"_s);
        QVERIFY(tenant);
        QCOMPARE(tenant->value(u"spec"_s)[u"namespace"_s].toString(), u"team-d"_s);
        QVERIFY(m_cluster->getJson(u"/api/v1/namespaces/team-d"_s));
    }

    void offboardingIsRefusedWhileFunctionsRemain()
    {
        const TenantPlan p = plan({}, {u"team-a"_s});
        QCOMPARE(p.offboard, QStringList{u"team-a"_s});
        QVERIFY(p.functionsLeft.value(u"team-a"_s) > 0);
        TenantRun run(m_cluster->rest(), p, TenantRunOptions{});
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY(!run.succeeded());
        QVERIFY2(run.failureMessage().contains(u"team-a"_s), qPrintable(run.failureMessage()));
        QVERIFY(m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-a"_s));
    }

    void offboardingDeletesTheTenantThroughItsFinalizer()
    {
        const TenantPlan p = plan({}, {u"team-d"_s});
        QCOMPARE(p.offboard, QStringList{u"team-d"_s});
        TenantRunOptions options;
        options.deleteNamespaces = true;
        TenantRun run(m_cluster->rest(), p, options);
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY2(run.succeeded(), qPrintable(run.failureMessage()));
        QVERIFY(!m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-d"_s));
        QVERIFY(!m_cluster->getJson(u"/api/v1/namespaces/team-d"_s));
    }

    // Cancel takes effect between steps: the request in flight finishes, nothing after it runs.
    void cancelStopsBeforeTheNextStep()
    {
        const TenantPlan p = plan({u"team-x"_s}, {});
        QCOMPARE(p.missingNamespaces, QStringList{u"team-x"_s});
        TenantRun run(m_cluster->rest(), p, TenantRunOptions{});
        run.start();
        QVERIFY(run.canCancel());
        run.cancel();
        QVERIFY(runToEnd(run));
        QVERIFY(!run.succeeded());
        QCOMPARE(run.steps().at(0).state, StepState::Done); // the namespace request was already sent
        QCOMPARE(run.steps().at(1).state, StepState::Cancelled);
        QCOMPARE(run.steps().at(2).state, StepState::Pending);
        QVERIFY(!m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-x"_s));
    }

    void offboardingAnUnknownTenantChangesNothing()
    {
        const TenantPlan p = plan({}, {u"nobody"_s});
        QVERIFY(p.offboard.isEmpty());
        QCOMPARE(p.notOnboarded, QStringList{u"nobody"_s});
    }
};

QTEST_GUILESS_MAIN(TestOnboardingModern)
#include "tst_onboarding_modern.moc"
