// Onboarding on a modern cluster: the emulator's `demo-modern` profile (Fission main in dynamic
// tenancy mode, FissionTenants for team-a and team-b). No helm involved: a FissionTenant per
// namespace, followed to Ready; offboarding deletes it, refused while functions remain.
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/TenantRun.h"
#include "fission/InstallDetection.h"
#include "kube/transport/KubeRequest.h"
#include "kube/transport/RestClient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine::onboarding;
using fd::test::OnboardingCluster;

class TestOnboardingModern : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<OnboardingCluster> m_cluster;

    TenantPlan plan(const QStringList &onboard, const QStringList &offboard, bool useLabel = false, const QString &world = {})
    {
        const auto facts = m_cluster->probe();
        if (!facts || !facts->install())
            return {};
        TenantPlanInputs inputs;
        inputs.world = world.isEmpty() ? fd::fission::tenancyWorldId(facts->install()->world) : world;
        inputs.tenants = facts->tenants;
        inputs.existingNamespaces = facts->namespaces;
        inputs.functionsPerNamespace = facts->functionsPerNamespace;
        inputs.enabledLabels = facts->enabledLabels;
        inputs.useLabel = useLabel;
        inputs.onboard = onboard;
        inputs.offboard = offboard;
        return planTenants(inputs);
    }

    // Sends a PATCH and waits for the answer; true on 2xx.
    bool patch(const QString &path, const QByteArray &body, const QByteArray &contentType)
    {
        std::optional<bool> ok;
        QObject context;
        m_cluster->rest()->send(fd::kube::KubeRequest::withBody("PATCH", path, body, contentType), &context,
                                [&ok](const fd::kube::KubeResult &result) { ok = result.hasValue(); });
        QDeadlineTimer deadline(60000);
        while (!ok && !deadline.hasExpired())
            QTest::qWait(10);
        return ok.value_or(false);
    }

    std::optional<QString> enabledLabel(const QString &ns)
    {
        const auto object = m_cluster->getJson(u"/api/v1/namespaces/"_s + ns);
        if (!object)
            return std::nullopt;
        const QJsonValue value = object->value(u"metadata"_s)[u"labels"_s][u"fission.io/enabled"_s];
        return value.isString() ? std::optional<QString>(value.toString()) : std::nullopt;
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

    // Dynamic mode, the label alternative: the namespace is labelled fission.io/enabled=true and
    // the tenant controller makes a FissionTenant (managed-by=label), which the run follows to
    // Ready just like a created one. A missing namespace is created first.
    void dynamicModeOnboardsByLabel()
    {
        const TenantPlan p = plan({u"team-l"_s}, {}, true);
        QCOMPARE(p.onboard, QStringList{u"team-l"_s});
        QCOMPARE(p.methodFor(u"team-l"_s), TenantOnboardMethod::LabelNamespace);
        QCOMPARE(p.toJson().value(u"methods"_s)[u"team-l"_s].toString(), u"label"_s);
        QVERIFY(!p.notes.isEmpty());

        TenantRun run(m_cluster->rest(), p, TenantRunOptions{});
        QStringList ids;
        for (const RunStep &step : run.steps())
            ids.append(step.id);
        QCOMPARE(ids, (QStringList{u"create-namespace:team-l"_s, u"label-namespace:team-l"_s, u"tenant-ready:team-l"_s}));
        QStringList messages;
        connect(&run, &StepRunner::stepChanged, this, [&messages](int, StepState, const QString &message) { messages.append(message); });
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY2(run.succeeded(), qPrintable(run.failureMessage()));
        QVERIFY2(messages.join(u'\n').contains(u"Ready=True (Onboarded)"_s), qPrintable(messages.join(u'\n')));
        QCOMPARE(enabledLabel(u"team-l"_s).value_or(QString()), u"true"_s);
        const auto tenant = m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-l"_s);
        QVERIFY(tenant);
        QCOMPARE(tenant->value(u"metadata"_s)[u"annotations"_s][u"fission.io/managed-by"_s].toString(), u"label"_s);

        // Labelling is planned only where the mode allows it; without the choice a tenant is created.
        QCOMPARE(plan({u"team-m"_s}, {}).methodFor(u"team-m"_s), TenantOnboardMethod::CreateTenant);
    }

    // Cluster mode: a namespace opted out with fission.io/enabled=false is onboarded by removing
    // that label (a merge patch), and the plan says so. The emulator's tenant controller is
    // switched to cluster mode (its pod env, as a Helm upgrade of tenancy.mode would), so this
    // runs last.
    void clusterModeOnboardsAnOptedOutNamespaceByRemovingItsLabel()
    {
        QVERIFY(m_cluster->getJson(u"/api/v1/namespaces/team-b"_s));
        const auto controller = m_cluster->getJson(u"/apis/apps/v1/namespaces/fission/deployments/tenantcontroller"_s);
        QVERIFY(controller);
        const QJsonArray env = controller->value(u"spec"_s)[u"template"_s][u"spec"_s][u"containers"_s][0][u"env"_s].toArray();
        int at = -1;
        for (int i = 0; i < env.size(); ++i) {
            if (env.at(i)[u"name"_s].toString() == u"FISSION_TENANCY_MODE"_s)
                at = i;
        }
        QVERIFY(at >= 0);
        QVERIFY(patch(u"/apis/apps/v1/namespaces/fission/deployments/tenantcontroller"_s,
                      u"[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/env/%1/value\",\"value\":\"cluster\"}]"_s.arg(at).toUtf8(),
                      "application/json-patch+json"));
        // A namespace nobody onboarded, opted out; the controller (now in cluster mode) makes no tenant for it.
        QVERIFY(patch(u"/api/v1/namespaces/team-c"_s, R"({"metadata":{"labels":{"fission.io/enabled":"false"}}})",
                      "application/merge-patch+json"));
        // team-c's label-made tenant goes away once the controller runs in cluster mode.
        QTRY_VERIFY_WITH_TIMEOUT(!m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-c"_s), 120000);

        const TenantPlan p = plan({u"team-c"_s}, {}, false, u"cluster"_s);
        QCOMPARE(p.onboard, QStringList{u"team-c"_s});
        QCOMPARE(p.methodFor(u"team-c"_s), TenantOnboardMethod::RemoveOptOutLabel);
        QVERIFY2(p.notes.join(u'\n').contains(u"fission.io/enabled=false"_s), qPrintable(p.notes.join(u'\n')));

        TenantRun run(m_cluster->rest(), p, TenantRunOptions{});
        QCOMPARE(run.steps().at(0).id, u"remove-opt-out-label:team-c"_s);
        run.start();
        QVERIFY(runToEnd(run));
        QVERIFY2(run.succeeded(), qPrintable(run.failureMessage()));
        QVERIFY(!enabledLabel(u"team-c"_s)); // removed, not set to true
        QVERIFY(m_cluster->getJson(u"/apis/fission.io/v1/fissiontenants/team-c"_s));
    }
};

QTEST_GUILESS_MAIN(TestOnboardingModern)
#include "tst_onboarding_modern.moc"
