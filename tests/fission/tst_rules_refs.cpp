// Reference rules: functions whose environment or package is missing, triggers whose function
// is missing (name and weighted references), and when absence cannot be concluded.
#include "RuleTestUtil.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

MemoryClusterState cluster(const QList<KubeObject> &extra)
{
    ControlPlaneOptions o;
    o.additionalNamespaces = {u"team-a"_s};
    MemoryClusterState state;
    fill(state, controlPlane(o) + healthyTenant(u"team-a"_s) + extra);
    state.setNotServed(kinds::fissionTenants().gr);
    return state;
}

} // namespace

class TestReferenceRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void functionMissingEnvironment()
    {
        FunctionOptions fo;
        fo.environment = u"ruby"_s;
        fo.package = u"hello-pkg"_s;
        const QList<Finding> findings = evaluate(cluster({function(u"team-a"_s, u"orphan"_s, fo)}));
        QCOMPARE(findings.size(), 1);
        const auto f = findFinding(findings, u"function-missing-environment"_s, u"team-a/orphan"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QCOMPARE(f->severity, Severity::Error);
        QVERIFY(f->explanation.contains(u"ruby"_s));
        QCOMPARE(f->evidence.first().fields.first().value, u"ruby"_s);
        QCOMPARE(symptomIds(*f), QStringList{u"function-fails"_s});
    }

    void functionMissingPackage()
    {
        FunctionOptions fo;
        fo.package = u"gone"_s;
        const QList<Finding> findings = evaluate(cluster({function(u"team-a"_s, u"orphan"_s, fo)}));
        QCOMPARE(findings.size(), 1);
        const auto f = findFinding(findings, u"function-missing-package"_s, u"team-a/orphan"_s);
        QVERIFY2(f, qPrintable(describe(findings)));
        QVERIFY(f->explanation.contains(u"gone"_s));
    }

    void containerFunctionsNeedNeither()
    {
        FunctionOptions fo;
        fo.executorType = u"container"_s;
        fo.environment = u"none"_s;
        fo.package = u"none"_s;
        const QList<Finding> findings = evaluate(cluster({function(u"team-a"_s, u"image-fn"_s, fo)}));
        QVERIFY(!findFinding(findings, u"function-missing-environment"_s));
        QVERIFY(!findFinding(findings, u"function-missing-package"_s));
    }

    void packagesNotReadableInNamespace()
    {
        FunctionOptions fo;
        fo.package = u"unknown"_s;
        MemoryClusterState state = cluster({function(u"team-b"_s, u"f"_s, fo), environment(u"team-b"_s, u"nodejs"_s)});
        state.setCoverage(kinds::packages().gr, KindCoverage{KindCoverage::State::Partial, {u"team-a"_s}, u"forbidden"_s});
        const QList<Finding> findings = evaluate(state);
        QVERIFY2(!findFinding(findings, u"function-missing-package"_s, u"team-b/f"_s), qPrintable(describe(findings)));
        // The engine says the check is incomplete.
        const auto gap = findFinding(findings, u"evidence-incomplete"_s, u"function-missing-package"_s);
        QVERIFY(gap);
        QCOMPARE(gap->severity, Severity::Info);
    }

    void triggerMissingFunction()
    {
        const QList<Finding> findings = evaluate(cluster({httpTrigger(u"team-a"_s, u"dangling"_s, u"nobody"_s, u"/nobody"_s),
                                                          timeTrigger(u"team-a"_s, u"tick"_s, u"nobody"_s, u"@hourly"_s),
                                                          messageQueueTrigger(u"team-a"_s, u"mq"_s, u"hello"_s, u"orders"_s),
                                                          watchTrigger(u"team-a"_s, u"w"_s, u"ghost"_s, u"pod"_s)}));
        QCOMPARE(countRule(findings, u"trigger-missing-function"_s), 3);
        const auto http = findFinding(findings, u"trigger-missing-function"_s, u"HTTPTrigger/team-a/dangling"_s);
        QVERIFY2(http, qPrintable(describe(findings)));
        QCOMPARE(symptomIds(*http), QStringList{u"trigger-unrouted"_s});
        QVERIFY(http->symptoms.first().text.contains(u"/nobody"_s));
        QVERIFY(findFinding(findings, u"trigger-missing-function"_s, u"TimeTrigger/team-a/tick"_s));
        QVERIFY(findFinding(findings, u"trigger-missing-function"_s, u"KubernetesWatchTrigger/team-a/w"_s));
        // The message queue trigger's function exists.
        QVERIFY(!findFinding(findings, u"trigger-missing-function"_s, u"MessageQueueTrigger/team-a/mq"_s));
    }

    void weightedTriggerNamesTheMissingOne()
    {
        Meta m;
        m.name = u"canary"_s;
        m.namespaceName = u"team-a"_s;
        const KubeObject weighted = make(
            u"fission.io/v1"_s, u"HTTPTrigger"_s, m,
            QJsonObject{{u"spec"_s, QJsonObject{{u"relativeurl"_s, u"/canary"_s},
                                                {u"functionref"_s, QJsonObject{{u"type"_s, u"function-weights"_s},
                                                                               {u"functionweights"_s,
                                                                                QJsonObject{{u"hello"_s, 80}, {u"hello-v2"_s, 20}}}}}}}});
        const auto f = findFinding(evaluate(cluster({weighted})), u"trigger-missing-function"_s);
        QVERIFY(f);
        QVERIFY(f->title.contains(u"hello-v2"_s));
        QVERIFY(!f->title.contains(u"hello,"_s));
    }
};

QTEST_GUILESS_MAIN(TestReferenceRules)
#include "tst_rules_refs.moc"
