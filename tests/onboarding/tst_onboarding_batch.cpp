// A maintenance batch on a legacy install (the emulator's `demo` profile, real helm): namespaces
// queued one after the other — two to add (one that does not exist yet) and one to remove — are
// planned together and applied as ONE helm upgrade, so the control plane restarts once.
#include "OnboardingTestSupport.h"
#include "TestSupport.h"

#include "engine/onboarding/MaintenanceQueue.h"
#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/OnboardingRun.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine::onboarding;
using fd::test::OnboardingCluster;

class TestOnboardingBatch : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<OnboardingCluster> m_cluster;
    QString m_helm;
    QTemporaryDir m_dir;

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

    void theQueuedBatchIsOneUpgrade()
    {
        const QString file = m_dir.filePath(u"queue.json"_s);
        {
            // Queued at different moments (and an app restart in between).
            MaintenanceQueue queue(file);
            QVERIFY(queue.enqueue(u"referee"_s, {u"test"_s}, {}));
            QVERIFY(queue.enqueue(u"referee"_s, {}, {u"team-a"_s}));
        }
        MaintenanceQueue queue(file);
        QVERIFY(queue.enqueue(u"referee"_s, {u"team-batch"_s}, {}));
        const QueuedBatch batch = queue.batch(u"referee"_s);

        const auto facts = m_cluster->probe();
        QVERIFY(facts && facts->release);
        const int revisionBefore = facts->release->latest()->version;
        PlanRequest request;
        request.helm = m_cluster->helmSettings(m_helm);
        request.report = facts->report;
        request.release = *facts->release->upgradeBase();
        request.latestRevision = revisionBefore;
        request.add = batch.add;
        request.remove = batch.remove;
        OnboardingPlanner planner(m_cluster->rest());
        planner.start(request);
        QDeadlineTimer deadline(300000);
        while (!planner.isFinished() && !deadline.hasExpired())
            QTest::qWait(20);
        QVERIFY(planner.isFinished());
        QVERIFY2(planner.result(), qPrintable(planner.result() ? QString() : planner.result().error().message));
        const Plan plan = planner.result().value();
        QCOMPARE(plan.added, (QStringList{u"test"_s, u"team-batch"_s}));
        QCOMPARE(plan.removed, QStringList{u"team-a"_s});
        QCOMPARE(plan.missingNamespaces, QStringList{u"team-batch"_s});
        QVERIFY(plan.namespacesAfter.contains(u"test"_s) && plan.namespacesAfter.contains(u"team-batch"_s));
        QVERIFY(!plan.namespacesAfter.contains(u"team-a"_s));

        OnboardingRun run(m_cluster->rest(), m_cluster->helmSettings(m_helm), plan, RunOptions{});
        QSignalSpy finished(&run, &StepRunner::finished);
        run.start();
        QVERIFY(run.isFinished() || finished.wait(900000));
        QVERIFY2(run.succeeded(), qPrintable(run.failureMessage()));
        int upgrades = 0;
        for (const RunStep &step : run.steps())
            upgrades += step.id == u"upgrade"_s ? 1 : 0;
        QCOMPARE(upgrades, 1);

        // One new revision carries the whole batch; the control plane was rolled once to it.
        const auto after = m_cluster->probe();
        QVERIFY(after && after->release);
        QCOMPARE(after->release->latest()->version, revisionBefore + 1);
        QCOMPARE(after->release->latest()->info.status, fd::helm::ReleaseStatus::Deployed);
        const QStringList watched = executorNamespaces().split(u',');
        QVERIFY2(watched.contains(u"test"_s) && watched.contains(u"team-batch"_s) && !watched.contains(u"team-a"_s),
                 qPrintable(watched.join(u',')));

        // What the app does on success: the queue empties (and stays empty after a restart).
        queue.clear(u"referee"_s);
        QVERIFY(MaintenanceQueue(file).contexts().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOnboardingBatch)
#include "tst_onboarding_batch.moc"
