#include "ControllerHarness.h"

#include <QTest>

using namespace fd::sim;
using namespace fd::sim::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kNs = u"default"_s;

QJsonObject deployment(const QString &name, int replicas, const QString &image, const QJsonObject &extraSpec = {})
{
    QJsonObject spec{
        {u"replicas"_s, replicas},
        {u"selector"_s, QJsonObject{{u"matchLabels"_s, QJsonObject{{u"app"_s, name}}}}},
        {u"template"_s,
         QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, QJsonObject{{u"app"_s, name}}}}},
                     {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"web"_s},
                                                                                       {u"image"_s, image}}}}}}}}};
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    return QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                       {u"kind"_s, u"Deployment"_s},
                       {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                       {u"spec"_s, spec}};
}

void setImage(QJsonObject &object, const QString &image)
{
    QJsonObject spec = object.value("spec"_L1).toObject();
    QJsonObject podTemplate = spec.value("template"_L1).toObject();
    QJsonObject podSpec = podTemplate.value("spec"_L1).toObject();
    QJsonArray containers = podSpec.value("containers"_L1).toArray();
    QJsonObject container = containers.at(0).toObject();
    container.insert(u"image"_s, image);
    containers.replace(0, container);
    podSpec.insert(u"containers"_s, containers);
    podTemplate.insert(u"spec"_s, podSpec);
    spec.insert(u"template"_s, podTemplate);
    object.insert(u"spec"_s, spec);
}

QList<QJsonObject> ownedReplicaSets(const ControllerHarness &cluster, const QJsonObject &owner)
{
    QList<QJsonObject> result;
    for (const QJsonObject &rs : cluster.list("apps", "ReplicaSet", kNs)) {
        if (ctrl::isControlledBy(rs, uidOf(owner)))
            result.append(rs);
    }
    return result;
}

class TestDeploymentController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void becomesCurrentWithKstatusStatus();
    void replicaSetCarriesHashRevisionAndOwner();
    void recordsScalingAndCreateEvents();
    void templateChangeRollsToNewReplicaSet();
    void rollbackReusesOldReplicaSetWithNewRevision();
    void scalesUpAndDown();
    void recreateReplacesAllPods();
    void revisionHistoryLimitPrunesOldReplicaSets();
    void missingServiceAccountReportsFailedCreate();
    void pausedDeploymentDoesNotRoll();
    void crashingPodsKeepDeploymentInProgress();
};

void TestDeploymentController::becomesCurrentWithKstatusStatus()
{
    ControllerHarness cluster;
    cluster.create("apps", "Deployment", kNs, deployment(u"web"_s, 2, u"nginx:1.27"_s));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"web"_s)), 5000);
    const QJsonObject current = cluster.get("apps", "Deployment", kNs, u"web"_s);
    QCOMPARE(conditionField(current, u"Available"_s, "reason"), u"MinimumReplicasAvailable"_s);
    QCOMPARE(conditionField(current, u"Progressing"_s, "status"), u"True"_s);
    QVERIFY(conditionField(current, u"Progressing"_s, "message").contains("has successfully progressed"_L1));
    QVERIFY(!conditionField(current, u"Progressing"_s, "lastUpdateTime").isEmpty());
    // The counters `kubectl rollout status` compares.
    QCOMPARE(statusOf(current).value("unavailableReplicas"_L1).toInt(), 0);
    QVERIFY(!statusOf(current).contains("unavailableReplicas"_L1)); // omitempty, as the API serialises it
    const QList<QJsonObject> pods = cluster.pods(kNs, u"app"_s, u"web"_s);
    QCOMPARE(pods.size(), 2);
    for (const QJsonObject &pod : pods) {
        QCOMPARE(ctrl::podPhase(pod), u"Running"_s);
        QVERIFY(ctrl::podIsReady(pod));
        QVERIFY(nameOf(pod).startsWith("web-"_L1));
    }
}

void TestDeploymentController::replicaSetCarriesHashRevisionAndOwner()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("apps", "Deployment", kNs, deployment(u"api"_s, 1, u"nginx"_s));
    QTRY_COMPARE_WITH_TIMEOUT(ownedReplicaSets(cluster, created).size(), 1, 5000);
    const QJsonObject rs = ownedReplicaSets(cluster, created).first();
    const QString hash = labelsOf(rs).value("pod-template-hash"_L1).toString();
    QVERIFY(!hash.isEmpty());
    QCOMPARE(nameOf(rs), u"api-"_s + hash);
    QCOMPARE(ctrl::annotationsOf(rs).value("deployment.kubernetes.io/revision"_L1).toString(), u"1"_s);
    QCOMPARE(ctrl::annotationsOf(rs).value("deployment.kubernetes.io/desired-replicas"_L1).toString(), u"1"_s);
    QCOMPARE(ctrl::annotationsOf(rs).value("deployment.kubernetes.io/max-replicas"_L1).toString(), u"2"_s);
    const auto owner = ctrl::controllerOf(rs);
    QVERIFY(owner.has_value());
    QCOMPARE(owner->kind, u"Deployment"_s);
    QVERIFY(owner->blockOwnerDeletion);
    QCOMPARE(ctrl::specOf(rs).value("selector"_L1).toObject().value("matchLabels"_L1).toObject()
                 .value("pod-template-hash"_L1).toString(),
             hash);
    QTRY_VERIFY_WITH_TIMEOUT(
        ctrl::annotationsOf(cluster.get("apps", "Deployment", kNs, u"api"_s)).value("deployment.kubernetes.io/revision"_L1)
            == u"1"_s,
        5000);
    QTRY_COMPARE_WITH_TIMEOUT(cluster.pods(kNs, u"pod-template-hash"_s, hash).size(), 1, 5000);
    const QJsonObject pod = cluster.pods(kNs, u"pod-template-hash"_s, hash).first();
    QVERIFY(ctrl::isControlledBy(pod, uidOf(rs)));
    QCOMPARE(metadataOf(pod).value("generateName"_L1).toString(), nameOf(rs) + u"-"_s);
}

void TestDeploymentController::recordsScalingAndCreateEvents()
{
    ControllerHarness cluster;
    cluster.create("apps", "Deployment", kNs, deployment(u"ev"_s, 2, u"nginx"_s));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"ev"_s)), 5000);
    const QList<QJsonObject> scaling = cluster.events(kNs, u"ev"_s, u"ScalingReplicaSet"_s);
    QCOMPARE(scaling.size(), 1);
    QVERIFY(scaling.first().value("message"_L1).toString().startsWith("Scaled up replica set ev-"_L1));
    QVERIFY(scaling.first().value("message"_L1).toString().endsWith(" from 0 to 2"_L1));
    QCOMPARE(scaling.first().value("source"_L1).toObject().value("component"_L1).toString(), u"deployment-controller"_s);
    QCOMPARE(scaling.first().value("type"_L1).toString(), u"Normal"_s);
    QCOMPARE(scaling.first().value("involvedObject"_L1).toObject().value("kind"_L1).toString(), u"Deployment"_s);
    QVERIFY(cluster.hasEvent(kNs, u"SuccessfulCreate"_s, u"Created pod: ev-"_s));
    QVERIFY(cluster.hasEvent(kNs, u"Scheduled"_s, u"Successfully assigned default/ev-"_s));
    QVERIFY(cluster.hasEvent(kNs, u"Started"_s, u"Started container web"_s));
}

void TestDeploymentController::templateChangeRollsToNewReplicaSet()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("apps", "Deployment", kNs, deployment(u"roll"_s, 3, u"nginx:1"_s));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"roll"_s)), 5000);
    const QString oldHash = labelsOf(ownedReplicaSets(cluster, created).first()).value("pod-template-hash"_L1).toString();
    const QStringList oldPods = [&] {
        QStringList names;
        for (const QJsonObject &pod : cluster.pods(kNs, u"app"_s, u"roll"_s))
            names << nameOf(pod);
        return names;
    }();

    QVERIFY(cluster.update("apps", "Deployment", kNs, u"roll"_s, [](QJsonObject &d) { setImage(d, u"nginx:2"_s); }));
    const QJsonObject updated = cluster.get("apps", "Deployment", kNs, u"roll"_s);
    QCOMPARE(metadataOf(updated).value("generation"_L1).toInt(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(ownedReplicaSets(cluster, created).size() == 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"roll"_s)), 8000);
    // Old pods gone, the new ones carry the new hash; the old set is kept at zero for rollback.
    QTRY_COMPARE_WITH_TIMEOUT(cluster.pods(kNs, u"app"_s, u"roll"_s).size(), 3, 5000);
    for (const QJsonObject &pod : cluster.pods(kNs, u"app"_s, u"roll"_s)) {
        QVERIFY(!oldPods.contains(nameOf(pod)));
        QVERIFY(labelsOf(pod).value("pod-template-hash"_L1).toString() != oldHash);
    }
    for (const QJsonObject &rs : ownedReplicaSets(cluster, created)) {
        const bool isOld = labelsOf(rs).value("pod-template-hash"_L1).toString() == oldHash;
        QCOMPARE(ctrl::specOf(rs).value("replicas"_L1).toInt(), isOld ? 0 : 3);
        QCOMPARE(ctrl::annotationsOf(rs).value("deployment.kubernetes.io/revision"_L1).toString(),
                 isOld ? u"1"_s : u"2"_s);
    }
    QCOMPARE(ctrl::annotationsOf(cluster.get("apps", "Deployment", kNs, u"roll"_s))
                 .value("deployment.kubernetes.io/revision"_L1)
                 .toString(),
             u"2"_s);
    QVERIFY(cluster.hasEvent(kNs, u"ScalingReplicaSet"_s, u"Scaled down replica set roll-"_s + oldHash));
    QVERIFY(cluster.hasEvent(kNs, u"Killing"_s, u"Stopping container web"_s));
}

void TestDeploymentController::rollbackReusesOldReplicaSetWithNewRevision()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("apps", "Deployment", kNs, deployment(u"back"_s, 1, u"nginx:1"_s));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"back"_s)), 5000);
    QVERIFY(cluster.update("apps", "Deployment", kNs, u"back"_s, [](QJsonObject &d) { setImage(d, u"nginx:2"_s); }));
    QTRY_VERIFY_WITH_TIMEOUT(ownedReplicaSets(cluster, created).size() == 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"back"_s)), 5000);
    // `kubectl rollout undo` puts the old template back.
    QVERIFY(cluster.update("apps", "Deployment", kNs, u"back"_s, [](QJsonObject &d) { setImage(d, u"nginx:1"_s); }));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"back"_s)), 5000);
    QCOMPARE(ownedReplicaSets(cluster, created).size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject &rs : ownedReplicaSets(cluster, created)) {
                if (ctrl::specOf(rs).value("replicas"_L1).toInt() == 1)
                    return ctrl::annotationsOf(rs).value("deployment.kubernetes.io/revision"_L1).toString() == "3"_L1
                        && ctrl::annotationsOf(rs).value("deployment.kubernetes.io/revision-history"_L1).toString()
                        == "1"_L1;
            }
            return false;
        }(),
        5000);
}

void TestDeploymentController::scalesUpAndDown()
{
    ControllerHarness cluster;
    cluster.create("apps", "Deployment", kNs, deployment(u"scale"_s, 1, u"nginx"_s));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"scale"_s)), 5000);
    // What `kubectl scale` sends: the scale subresource.
    const auto scaled = cluster.objects.update(cluster.type("apps", "Deployment"), kNs, u"scale"_s,
                                               json(R"({"spec":{"replicas":4}})"), [] {
                                                   WriteOptions options;
                                                   options.subresource = u"scale"_s;
                                                   return options;
                                               }());
    QVERIFY(scaled.hasValue());
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"scale"_s)), 5000);
    QCOMPARE(cluster.pods(kNs, u"app"_s, u"scale"_s).size(), 4);
    QVERIFY(cluster.hasEvent(kNs, u"ScalingReplicaSet"_s, u" from 1 to 4"_s));
    QVERIFY(cluster.update("apps", "Deployment", kNs, u"scale"_s, [](QJsonObject &d) {
        QJsonObject spec = d.value("spec"_L1).toObject();
        spec.insert(u"replicas"_s, 1);
        d.insert(u"spec"_s, spec);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"scale"_s)), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(cluster.pods(kNs, u"app"_s, u"scale"_s).size(), 1, 5000);
    QVERIFY(cluster.hasEvent(kNs, u"ScalingReplicaSet"_s, u" from 4 to 1"_s));
}

void TestDeploymentController::recreateReplacesAllPods()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create(
        "apps", "Deployment", kNs,
        deployment(u"rec"_s, 2, u"nginx:1"_s, QJsonObject{{u"strategy"_s, QJsonObject{{u"type"_s, u"Recreate"_s}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"rec"_s)), 5000);
    QVERIFY(cluster.update("apps", "Deployment", kNs, u"rec"_s, [](QJsonObject &d) { setImage(d, u"nginx:2"_s); }));
    // Recreate never runs old and new pods side by side.
    bool mixed = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSet<QString> hashes;
            for (const QJsonObject &pod : cluster.pods(kNs, u"app"_s, u"rec"_s))
                hashes.insert(labelsOf(pod).value("pod-template-hash"_L1).toString());
            mixed = mixed || hashes.size() > 1;
            return ownedReplicaSets(cluster, created).size() == 2
                && deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"rec"_s));
        }(),
        8000);
    QVERIFY(!mixed);
}

void TestDeploymentController::revisionHistoryLimitPrunesOldReplicaSets()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create(
        "apps", "Deployment", kNs, deployment(u"hist"_s, 1, u"nginx:1"_s, QJsonObject{{u"revisionHistoryLimit"_s, 1}}));
    for (int version = 2; version <= 4; ++version) {
        QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"hist"_s)), 5000);
        QVERIFY(cluster.update("apps", "Deployment", kNs, u"hist"_s,
                               [version](QJsonObject &d) { setImage(d, u"nginx:"_s + QString::number(version)); }));
    }
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"hist"_s)), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(ownedReplicaSets(cluster, created).size(), 2, 5000);
}

void TestDeploymentController::missingServiceAccountReportsFailedCreate()
{
    ControllerHarness cluster;
    QJsonObject object = deployment(u"nosa"_s, 1, u"nginx"_s);
    QJsonObject spec = object.value("spec"_L1).toObject();
    QJsonObject podTemplate = spec.value("template"_L1).toObject();
    QJsonObject podSpec = podTemplate.value("spec"_L1).toObject();
    podSpec.insert(u"serviceAccountName"_s, u"builder"_s);
    podTemplate.insert(u"spec"_s, podSpec);
    spec.insert(u"template"_s, podTemplate);
    object.insert(u"spec"_s, spec);
    const QJsonObject created = cluster.create("apps", "Deployment", kNs, object);
    QTRY_COMPARE_WITH_TIMEOUT(ownedReplicaSets(cluster, created).size(), 1, 5000);
    const QString rsName = nameOf(ownedReplicaSets(cluster, created).first());
    const QString expected = QStringLiteral("Error creating: pods \"%1-\" is forbidden: error looking up service account "
                                            "default/builder: serviceaccount \"builder\" not found")
                                 .arg(rsName);
    QTRY_VERIFY_WITH_TIMEOUT(cluster.hasEvent(kNs, u"FailedCreate"_s, expected), 5000);
    const QJsonObject failed = cluster.events(kNs, rsName, u"FailedCreate"_s).first();
    QCOMPARE(failed.value("type"_L1).toString(), u"Warning"_s);
    QCOMPARE(failed.value("message"_L1).toString(), expected);
    QTRY_COMPARE_WITH_TIMEOUT(conditionField(cluster.get("apps", "ReplicaSet", kNs, rsName), u"ReplicaFailure"_s, "reason"),
                              u"FailedCreate"_s, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(conditionField(cluster.get("apps", "Deployment", kNs, u"nosa"_s), u"ReplicaFailure"_s, "status"),
                              u"True"_s, 5000);
    QVERIFY(cluster.pods(kNs, u"app"_s, u"nosa"_s).isEmpty());
    // Retries are aggregated into one event with a growing count.
    QTRY_VERIFY_WITH_TIMEOUT(cluster.events(kNs, rsName, u"FailedCreate"_s).first().value("count"_L1).toInt() > 1, 5000);

    // The account appears: the next retry succeeds and the failure clears.
    cluster.create("", "ServiceAccount", kNs, json(R"({"metadata":{"name":"builder"}})"));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"nosa"_s)), 8000);
    QTRY_VERIFY_WITH_TIMEOUT(conditionField(cluster.get("apps", "Deployment", kNs, u"nosa"_s), u"ReplicaFailure"_s, "status")
                                 .isEmpty(),
                             5000);
    const QJsonObject pod = cluster.pods(kNs, u"app"_s, u"nosa"_s).first();
    QCOMPARE(ctrl::specOf(pod).value("serviceAccountName"_L1).toString(), u"builder"_s);
    QVERIFY(ctrl::specOf(pod).value("volumes"_L1).toArray().at(0).toObject().value("name"_L1).toString().startsWith(
        "kube-api-access-"_L1));
}

void TestDeploymentController::pausedDeploymentDoesNotRoll()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("apps", "Deployment", kNs, deployment(u"pause"_s, 1, u"nginx:1"_s));
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"pause"_s)), 5000);
    QVERIFY(cluster.update("apps", "Deployment", kNs, u"pause"_s, [](QJsonObject &d) {
        QJsonObject spec = d.value("spec"_L1).toObject();
        spec.insert(u"paused"_s, true);
        d.insert(u"spec"_s, spec);
        setImage(d, u"nginx:2"_s);
    }));
    QTRY_COMPARE_WITH_TIMEOUT(conditionField(cluster.get("apps", "Deployment", kNs, u"pause"_s), u"Progressing"_s, "reason"),
                              u"DeploymentPaused"_s, 5000);
    QTest::qWait(100);
    QCOMPARE(ownedReplicaSets(cluster, created).size(), 1);
    QVERIFY(cluster.update("apps", "Deployment", kNs, u"pause"_s, [](QJsonObject &d) {
        QJsonObject spec = d.value("spec"_L1).toObject();
        spec.insert(u"paused"_s, false);
        d.insert(u"spec"_s, spec);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(ownedReplicaSets(cluster, created).size() == 2
                                 && deploymentIsCurrent(cluster.get("apps", "Deployment", kNs, u"pause"_s)),
                             8000);
}

void TestDeploymentController::crashingPodsKeepDeploymentInProgress()
{
    ControllerHarness cluster;
    // A crashing container without a readiness probe is Ready for the moments it runs, in
    // Kubernetes as here; minReadySeconds keeps those moments from counting as available.
    cluster.create("apps", "Deployment", kNs,
                   deployment(u"crash"_s, 1, u"example/crashloop:1"_s, QJsonObject{{u"minReadySeconds"_s, 30}}));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<QJsonObject> pods = cluster.pods(kNs, u"app"_s, u"crash"_s);
            return !pods.isEmpty()
                && ctrl::statusOf(pods.first()).value("containerStatuses"_L1).toArray().at(0).toObject()
                        .value("restartCount"_L1).toInt() >= 2;
        }(),
        8000);
    const QJsonObject current = cluster.get("apps", "Deployment", kNs, u"crash"_s);
    QVERIFY(!deploymentIsCurrent(current));
    QCOMPARE(conditionField(current, u"Available"_s, "status"), u"False"_s);
    QCOMPARE(statusOf(current).value("unavailableReplicas"_L1).toInt(), 1);
}

} // namespace

QTEST_GUILESS_MAIN(TestDeploymentController)
#include "tst_deploymentcontroller.moc"
