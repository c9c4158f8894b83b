#include "sim/api/ObjectService.h"
#include "sim/controllers/DeploymentUtil.h"

#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;
using namespace fd::sim::deployutil;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject deployment(int replicas, const QJsonObject &status = {}, int generation = 1)
{
    return QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}, {u"generation"_s, generation}}},
                       {u"spec"_s, QJsonObject{{u"replicas"_s, replicas}, {u"progressDeadlineSeconds"_s, 600}}},
                       {u"status"_s, status}};
}

QJsonObject replicaSet(const QString &name, int specReplicas, int replicas, int ready, int available,
                       const QJsonArray &conditions = {})
{
    QJsonObject status{{u"replicas"_s, replicas}, {u"readyReplicas"_s, ready}, {u"availableReplicas"_s, available}};
    if (!conditions.isEmpty())
        status.insert(u"conditions"_s, conditions);
    return QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                       {u"spec"_s, QJsonObject{{u"replicas"_s, specReplicas}}},
                       {u"status"_s, status}};
}

QString condition(const QJsonObject &status, const QString &type, const char *field)
{
    return ctrl::findCondition(status.value("conditions"_L1).toArray(), type).value(QLatin1String(field)).toString();
}

class TestDeploymentUtil : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fenceposts_data();
    void fenceposts();
    void templatesIgnoreOnlyTheHashLabel();
    void completeRolloutReportsNewReplicaSetAvailable();
    void progressRefreshesUpdateTime();
    void stalledRolloutTimesOut();
    void replicaFailureIsCopiedFromTheSets();
    void statusOmitsZeroCounters();
    void reusedReplicaSetRecordsRevisionHistory();
    void conditionKeepsPositionRulesOfUpstream();
};

void TestDeploymentUtil::fenceposts_data()
{
    QTest::addColumn<QByteArray>("strategy");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("surge");
    QTest::addColumn<int>("unavailable");
    QTest::addRow("defaults of 4") << QByteArray("{}") << 4 << 1 << 1;
    QTest::addRow("defaults of 1") << QByteArray("{}") << 1 << 1 << 0;
    QTest::addRow("defaults of 10") << QByteArray(R"({"type":"RollingUpdate","rollingUpdate":{}})") << 10 << 3 << 2;
    QTest::addRow("absolute") << QByteArray(R"({"rollingUpdate":{"maxSurge":2,"maxUnavailable":1}})") << 5 << 2 << 1;
    QTest::addRow("both zero -> one unavailable")
        << QByteArray(R"({"rollingUpdate":{"maxSurge":0,"maxUnavailable":0}})") << 3 << 0 << 1;
    QTest::addRow("unavailable capped at replicas")
        << QByteArray(R"({"rollingUpdate":{"maxSurge":0,"maxUnavailable":9}})") << 2 << 0 << 2;
    QTest::addRow("recreate") << QByteArray(R"({"type":"Recreate"})") << 3 << 0 << 0;
    QTest::addRow("garbage values") << QByteArray(R"({"rollingUpdate":{"maxSurge":"lots","maxUnavailable":[1]}})") << 3
                                    << 0 << 1;
    QTest::addRow("zero replicas") << QByteArray("{}") << 0 << 0 << 0;
}

void TestDeploymentUtil::fenceposts()
{
    QFETCH(QByteArray, strategy);
    QFETCH(int, replicas);
    QFETCH(int, surge);
    QFETCH(int, unavailable);
    const QJsonObject object{{u"spec"_s, QJsonObject{{u"replicas"_s, replicas}, {u"strategy"_s, parse(strategy)}}}};
    QCOMPARE(maxSurge(object), surge);
    QCOMPARE(maxUnavailable(object), unavailable);
}

void TestDeploymentUtil::templatesIgnoreOnlyTheHashLabel()
{
    const QJsonObject plain = parse(R"({"spec":{"containers":[{"name":"a","image":"x"}]}})");
    const QJsonObject hashed =
        parse(R"({"metadata":{"labels":{"pod-template-hash":"abc"}},"spec":{"containers":[{"name":"a","image":"x"}]}})");
    const QJsonObject other =
        parse(R"({"metadata":{"labels":{"pod-template-hash":"abc","tier":"b"}},"spec":{"containers":[{"name":"a","image":"x"}]}})");
    QVERIFY(templatesEqualIgnoringHash(plain, hashed));
    QVERIFY(!templatesEqualIgnoringHash(plain, other));
}

void TestDeploymentUtil::completeRolloutReportsNewReplicaSetAvailable()
{
    const QJsonObject d = deployment(2);
    const QJsonObject status =
        rolloutStatus(d, {replicaSet(u"web-old"_s, 0, 0, 0, 0)}, replicaSet(u"web-new"_s, 2, 2, 2, 2), QDateTime::currentDateTimeUtc());
    QCOMPARE(status.value("observedGeneration"_L1).toInt(), 1);
    QCOMPARE(status.value("replicas"_L1).toInt(), 2);
    QCOMPARE(status.value("updatedReplicas"_L1).toInt(), 2);
    QCOMPARE(status.value("readyReplicas"_L1).toInt(), 2);
    QCOMPARE(status.value("availableReplicas"_L1).toInt(), 2);
    QCOMPARE(condition(status, u"Available"_s, "status"), u"True"_s);
    QCOMPARE(condition(status, u"Progressing"_s, "reason"), u"NewReplicaSetAvailable"_s);
    QCOMPARE(condition(status, u"Progressing"_s, "message"), u"ReplicaSet \"web-new\" has successfully progressed."_s);
}

void TestDeploymentUtil::progressRefreshesUpdateTime()
{
    const QJsonObject previous = parse(R"({"replicas":1,"updatedReplicas":1,"conditions":[
        {"type":"Progressing","status":"True","reason":"ReplicaSetUpdated","message":"m",
         "lastUpdateTime":"2020-01-01T00:00:00Z","lastTransitionTime":"2020-01-01T00:00:00Z"}]})");
    const QJsonObject d = deployment(3, previous);
    const QDateTime now = QDateTime::fromString(u"2020-01-01T00:01:00Z"_s, Qt::ISODate);
    const QJsonObject status = rolloutStatus(d, {}, replicaSet(u"web-new"_s, 3, 2, 1, 1), now);
    QCOMPARE(condition(status, u"Progressing"_s, "reason"), u"ReplicaSetUpdated"_s);
    QCOMPARE(condition(status, u"Progressing"_s, "message"), u"ReplicaSet \"web-new\" is progressing."_s);
    QCOMPARE(condition(status, u"Progressing"_s, "lastUpdateTime"), u"2020-01-01T00:01:00Z"_s);
    QCOMPARE(condition(status, u"Progressing"_s, "lastTransitionTime"), u"2020-01-01T00:00:00Z"_s);
    QCOMPARE(condition(status, u"Available"_s, "status"), u"False"_s);
    QCOMPARE(status.value("unavailableReplicas"_L1).toInt(), 2);
}

void TestDeploymentUtil::stalledRolloutTimesOut()
{
    const QJsonObject previous = parse(R"({"replicas":1,"updatedReplicas":1,"conditions":[
        {"type":"Progressing","status":"True","reason":"ReplicaSetUpdated","message":"m",
         "lastUpdateTime":"2020-01-01T00:00:00Z","lastTransitionTime":"2020-01-01T00:00:00Z"}]})");
    const QJsonObject d = deployment(1, previous);
    const QDateTime now = QDateTime::fromString(u"2020-01-01T00:20:00Z"_s, Qt::ISODate);
    const QJsonObject status = rolloutStatus(d, {}, replicaSet(u"web-new"_s, 1, 1, 0, 0), now);
    QCOMPARE(condition(status, u"Progressing"_s, "status"), u"False"_s);
    QCOMPARE(condition(status, u"Progressing"_s, "reason"), u"ProgressDeadlineExceeded"_s);
    QCOMPARE(condition(status, u"Progressing"_s, "message"), u"ReplicaSet \"web-new\" has timed out progressing."_s);
}

void TestDeploymentUtil::replicaFailureIsCopiedFromTheSets()
{
    const QJsonArray failure{parse(R"({"type":"ReplicaFailure","status":"True","reason":"FailedCreate","message":"nope"})")};
    const QJsonObject status =
        rolloutStatus(deployment(1), {}, replicaSet(u"web-new"_s, 1, 0, 0, 0, failure), QDateTime::currentDateTimeUtc());
    QCOMPARE(condition(status, u"ReplicaFailure"_s, "reason"), u"FailedCreate"_s);
    QCOMPARE(condition(status, u"ReplicaFailure"_s, "message"), u"nope"_s);
    const QJsonObject healed = rolloutStatus(deployment(1, status), {}, replicaSet(u"web-new"_s, 1, 1, 1, 1),
                                             QDateTime::currentDateTimeUtc());
    QVERIFY(condition(healed, u"ReplicaFailure"_s, "status").isEmpty());
}

void TestDeploymentUtil::statusOmitsZeroCounters()
{
    const QJsonObject status = calculateStatus(deployment(0), {}, std::nullopt, u"now"_s);
    for (const char *field : {"replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"})
        QVERIFY2(!status.contains(QLatin1String(field)), field);
    QCOMPARE(condition(status, u"Available"_s, "status"), u"True"_s);
}

void TestDeploymentUtil::reusedReplicaSetRecordsRevisionHistory()
{
    const QJsonObject d = parse(R"({"metadata":{"annotations":{"team":"a",
        "kubectl.kubernetes.io/last-applied-configuration":"{}"}},"spec":{"replicas":2}})");
    QJsonObject rs = parse(R"({"metadata":{"annotations":{"deployment.kubernetes.io/revision":"1"}}})");
    QVERIFY(setNewRsAnnotations(d, rs, u"3"_s, true));
    const QJsonObject annotations = ctrl::annotationsOf(rs);
    QCOMPARE(annotations.value("deployment.kubernetes.io/revision"_L1).toString(), u"3"_s);
    QCOMPARE(annotations.value("deployment.kubernetes.io/revision-history"_L1).toString(), u"1"_s);
    QCOMPARE(annotations.value("team"_L1).toString(), u"a"_s);
    QVERIFY(!annotations.contains("kubectl.kubernetes.io/last-applied-configuration"_L1));
    QVERIFY(!setNewRsAnnotations(d, rs, u"3"_s, true));
    QJsonObject fresh;
    QVERIFY(setNewRsAnnotations(d, fresh, u"1"_s, false));
    QCOMPARE(ctrl::annotationsOf(fresh).value("deployment.kubernetes.io/desired-replicas"_L1).toString(), u"2"_s);
    QCOMPARE(ctrl::annotationsOf(fresh).value("deployment.kubernetes.io/max-replicas"_L1).toString(), u"3"_s);
}

void TestDeploymentUtil::conditionKeepsPositionRulesOfUpstream()
{
    QJsonArray conditions;
    setDeploymentCondition(conditions, {u"Progressing"_s, u"True"_s, u"NewReplicaSetCreated"_s, u"a"_s}, u"T1"_s);
    setDeploymentCondition(conditions, {u"Available"_s, u"False"_s, u"MinimumReplicasUnavailable"_s, u"b"_s}, u"T1"_s);
    setDeploymentCondition(conditions, {u"Progressing"_s, u"True"_s, u"NewReplicaSetAvailable"_s, u"c"_s}, u"T2"_s);
    QCOMPARE(conditions.at(0).toObject().value("type"_L1).toString(), u"Available"_s);
    QCOMPARE(conditions.at(1).toObject().value("type"_L1).toString(), u"Progressing"_s);
    QCOMPARE(conditions.at(1).toObject().value("lastTransitionTime"_L1).toString(), u"T1"_s);
    QCOMPARE(conditions.at(1).toObject().value("lastUpdateTime"_L1).toString(), u"T2"_s);
    // Same status and reason: nothing changes, not even the message.
    setDeploymentCondition(conditions, {u"Progressing"_s, u"True"_s, u"NewReplicaSetAvailable"_s, u"other"_s}, u"T3"_s);
    QCOMPARE(conditions.at(1).toObject().value("message"_L1).toString(), u"c"_s);
}

} // namespace

QTEST_GUILESS_MAIN(TestDeploymentUtil)
#include "tst_deploymentutil.moc"
