// ImpactAnalysis and ManifestObjects on hand-made inputs (tests/onboarding/data): which workloads
// roll and why, which RBAC objects Helm creates and deletes, hooks, function pods recycled.
#include "TestSupport.h"

#include "engine/onboarding/ImpactAnalysis.h"
#include "engine/onboarding/ManifestObjects.h"
#include "kube/store/Decode.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine::onboarding;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(fd::test::sourceDir() + u"/tests/onboarding/data/"_s + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

fd::kube::KubeObject liveObject(const QString &name)
{
    auto object = fd::kube::decodeObject(readData(name));
    return object ? *object : fd::kube::KubeObject();
}

QList<ManifestObject> manifest(const QString &name)
{
    auto objects = parseManifest(readData(name), u"fission"_s);
    return objects ? *objects : QList<ManifestObject>();
}

ImpactInputs inputs(bool adopt)
{
    return {manifest(u"rendered.yaml"_s), manifest(u"deployed.yaml"_s),
            {liveObject(u"live-executor.json"_s), liveObject(u"live-webhook.json"_s)}, 7, adopt};
}

} // namespace

class TestOnboardingImpact : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void manifestDocumentsAreSplitAndNamespaced()
    {
        const QList<ManifestObject> objects = manifest(u"rendered.yaml"_s);
        QCOMPARE(objects.size(), 7); // the comment-only document is skipped
        QCOMPARE(objects.at(0).source, u"fission-all/templates/executor/deployment.yaml"_s);
        QCOMPARE(objects.at(0).namespaceName(), u"fission"_s); // defaulted like Helm applies it
        QCOMPARE(objects.at(3).namespaceName(), u"test"_s);   // kept
        QVERIFY(objects.at(5).isHook());
        QCOMPARE(objects.at(5).hookEvents(), QStringList{u"pre-upgrade"_s});
        const QList<ManifestObject> deployed = manifest(u"deployed.yaml"_s);
        QCOMPARE(deployed.last().kind(), u"ClusterRole"_s);
        QVERIFY(deployed.last().namespaceName().isEmpty()); // cluster-scoped
    }

    void brokenYamlIsAnError()
    {
        const auto objects = parseManifest("---\nkind: [unclosed\n", u"fission"_s);
        QVERIFY(!objects);
        QVERIFY(!objects.error().isEmpty());
    }

    void onlyChangedPodTemplatesRoll()
    {
        const PlanImpact impact = analyzeImpact(inputs(false));
        // executor: the namespace list changed; webhook: `false` typed by YAML equals "false";
        // router is not live (created), logger is only in the old manifest (deleted).
        QCOMPARE(impact.rollingNames(), QStringList{u"executor"_s});
        QCOMPARE(impact.rolling.size(), 3);
        const WorkloadRoll *executor = nullptr;
        for (const WorkloadRoll &roll : impact.rolling) {
            if (roll.name == u"executor"_s)
                executor = &roll;
            if (roll.name == u"router"_s)
                QVERIFY(roll.created);
            if (roll.name == u"logger"_s) {
                QVERIFY(roll.deleted);
                QCOMPARE(roll.kind, u"DaemonSet"_s);
            }
        }
        QVERIFY(executor);
        QCOMPARE(executor->envChanges.size(), 1); // valueFrom with reordered keys is no change
        QCOMPARE(executor->envChanges.first().name, u"FISSION_RESOURCE_NAMESPACES"_s);
        QCOMPARE(executor->envChanges.first().before, std::optional<QString>(u"default,team-a"_s));
        QCOMPARE(executor->envChanges.first().after, std::optional<QString>(u"default,team-a,test"_s));
        QVERIFY(executor->otherChanges.isEmpty());
    }

    void rbacFollowsHelmsManifestDiff()
    {
        const PlanImpact impact = analyzeImpact(inputs(false));
        QCOMPARE(impact.rbac.size(), 3);
        QCOMPARE(impact.rbacIn(u"test"_s).size(), 1);
        QCOMPARE(impact.rbacIn(u"test"_s).first().action, RbacChange::Action::Create);
        QCOMPARE(impact.rbacIn(u"team-b"_s).size(), 1);
        QCOMPARE(impact.rbacIn(u"team-b"_s).first().action, RbacChange::Action::Delete);
        QVERIFY(impact.rbacIn(u"team-a"_s).isEmpty()); // unchanged
        QCOMPARE(impact.rbacIn(QString()).first().kind, u"ClusterRole"_s);
    }

    void hookJobsOfTheUpgradeAreSteps()
    {
        const PlanImpact impact = analyzeImpact(inputs(false));
        QCOMPARE(impact.hooks.size(), 1); // the Job; its ServiceAccount is not a step
        QCOMPARE(impact.hooks.first().kind, u"Job"_s);
    }

    void functionPodsAreRecycledOnlyWithoutAdoption()
    {
        QCOMPARE(analyzeImpact(inputs(false)).functionPodsRecycled, 7);
        QCOMPARE(analyzeImpact(inputs(true)).functionPodsRecycled, 0);
        ImpactInputs quiet = inputs(false);
        quiet.rendered.removeFirst(); // the executor no longer rolls
        quiet.liveWorkloads.removeFirst();
        QCOMPARE(analyzeImpact(quiet).functionPodsRecycled, 0);
        QCOMPARE(analyzeImpact(quiet).functionPodsTotal, 7);
    }
};

QTEST_GUILESS_MAIN(TestOnboardingImpact)
#include "tst_onboarding_impact.moc"
