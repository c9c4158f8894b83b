#include "ControllerHarness.h"

#include <QTest>

using namespace fd::sim;
using namespace fd::sim::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kNs = u"default"_s;

QJsonObject podTemplate(const QString &app, const QString &image, const QString &restartPolicy = u"Always"_s)
{
    return QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, QJsonObject{{u"app"_s, app}}}}},
                       {u"spec"_s, QJsonObject{{u"restartPolicy"_s, restartPolicy},
                                               {u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"c"_s},
                                                                                        {u"image"_s, image}}}}}}};
}

QJsonObject job(const QString &name, const QString &image, const QJsonObject &extraSpec = {})
{
    QJsonObject spec{{u"template"_s, podTemplate(name, image, u"Never"_s)}};
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    return QJsonObject{{u"apiVersion"_s, u"batch/v1"_s},
                       {u"kind"_s, u"Job"_s},
                       {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                       {u"spec"_s, spec}};
}

QJsonObject workload(const char *kind, const QString &name, const QJsonObject &extraSpec)
{
    QJsonObject spec{{u"selector"_s, QJsonObject{{u"matchLabels"_s, QJsonObject{{u"app"_s, name}}}}},
                     {u"template"_s, podTemplate(name, u"nginx:1"_s)}};
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    return QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                       {u"kind"_s, QString::fromLatin1(kind)},
                       {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                       {u"spec"_s, spec}};
}

void setWorkloadImage(QJsonObject &object, const QString &image)
{
    QJsonObject spec = object.value("spec"_L1).toObject();
    spec.insert(u"template"_s, podTemplate(nameOf(object), image));
    object.insert(u"spec"_s, spec);
}

int statusInt(const QJsonObject &object, const char *field)
{
    return statusOf(object).value(QLatin1String(field)).toInt();
}

bool daemonSetCurrent(const QJsonObject &ds)
{
    const int desired = statusInt(ds, "desiredNumberScheduled");
    return desired > 0 && statusInt(ds, "currentNumberScheduled") == desired
        && statusInt(ds, "updatedNumberScheduled") == desired && statusInt(ds, "numberReady") == desired
        && statusInt(ds, "numberAvailable") == desired
        && statusOf(ds).value("observedGeneration"_L1).toInteger() == metadataOf(ds).value("generation"_L1).toInteger();
}

bool statefulSetCurrent(const QJsonObject &set)
{
    const int replicas = ctrl::specOf(set).value("replicas"_L1).toInt(1);
    const QJsonObject status = statusOf(set);
    return statusInt(set, "replicas") == replicas && statusInt(set, "readyReplicas") == replicas
        && statusInt(set, "currentReplicas") == replicas && statusInt(set, "updatedReplicas") == replicas
        && statusInt(set, "availableReplicas") == replicas
        && status.value("currentRevision"_L1) == status.value("updateRevision"_L1)
        && status.value("observedGeneration"_L1).toInteger() == metadataOf(set).value("generation"_L1).toInteger();
}

class TestWorkloads : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jobCompletes();
    void jobFailsAfterBackoffLimit();
    void jobWithTtlIsDeletedAfterFinishing();
    void suspendedJobRunsNothing();
    void jobPodsOfDeletedJobAreReleased();
    void daemonSetRunsOnePodPerNode();
    void daemonSetRollsOnTemplateChange();
    void statefulSetCreatesOrderedPodsAndClaims();
    void statefulSetRollingUpdate();
    void statefulSetScalesDownFromHighestOrdinal();
    void persistentVolumeClaimBinds();
};

void TestWorkloads::jobCompletes()
{
    ControllerHarness cluster;
    cluster.create("batch", "Job", kNs, job(u"migrate"_s, u"busybox"_s, QJsonObject{{u"completions"_s, 2}}));
    QTRY_VERIFY_WITH_TIMEOUT(conditionField(cluster.get("batch", "Job", kNs, u"migrate"_s), u"Complete"_s, "status")
                                 == "True"_L1,
                             8000);
    const QJsonObject done = cluster.get("batch", "Job", kNs, u"migrate"_s);
    const QJsonObject status = statusOf(done);
    QCOMPARE(status.value("succeeded"_L1).toInt(), 2);
    QVERIFY(!status.contains("active"_L1));
    QVERIFY(!status.contains("failed"_L1));
    QCOMPARE(status.value("ready"_L1).toInt(-1), 0);
    QCOMPARE(status.value("terminating"_L1).toInt(-1), 0);
    QVERIFY(status.value("uncountedTerminatedPods"_L1).isObject());
    QVERIFY(!status.value("startTime"_L1).toString().isEmpty());
    QVERIFY(!status.value("completionTime"_L1).toString().isEmpty());
    QCOMPARE(conditionField(done, u"SuccessCriteriaMet"_s, "status"), u"True"_s);
    QCOMPARE(conditionField(done, u"Complete"_s, "reason"), u"CompletionsReached"_s);
    QCOMPARE(conditionField(done, u"Complete"_s, "message"), u"Reached expected number of succeeded pods"_s);
    const QJsonArray conditions = status.value("conditions"_L1).toArray();
    QCOMPARE(conditions.at(0).toObject().value("type"_L1).toString(), u"SuccessCriteriaMet"_s);
    QCOMPARE(conditions.at(1).toObject().value("type"_L1).toString(), u"Complete"_s);
    QVERIFY(cluster.hasEvent(kNs, u"Completed"_s, u"Job completed"_s));
    QVERIFY(cluster.hasEvent(kNs, u"SuccessfulCreate"_s, u"Created pod: migrate-"_s));
    const QList<QJsonObject> pods = cluster.pods(kNs, u"job-name"_s, u"migrate"_s);
    QCOMPARE(pods.size(), 2);
    for (const QJsonObject &pod : pods) {
        QCOMPARE(ctrl::podPhase(pod), u"Succeeded"_s);
        QVERIFY(!ctrl::hasFinalizer(pod, u"batch.kubernetes.io/job-tracking"_s));
    }
}

void TestWorkloads::jobFailsAfterBackoffLimit()
{
    ControllerHarness cluster;
    cluster.create("batch", "Job", kNs, job(u"broken"_s, u"crashloop"_s, QJsonObject{{u"backoffLimit"_s, 1}}));
    QTRY_VERIFY_WITH_TIMEOUT(conditionField(cluster.get("batch", "Job", kNs, u"broken"_s), u"Failed"_s, "status")
                                 == "True"_L1,
                             8000);
    const QJsonObject failed = cluster.get("batch", "Job", kNs, u"broken"_s);
    QCOMPARE(conditionField(failed, u"FailureTarget"_s, "status"), u"True"_s);
    QCOMPARE(conditionField(failed, u"Failed"_s, "reason"), u"BackoffLimitExceeded"_s);
    QCOMPARE(conditionField(failed, u"Failed"_s, "message"), u"Job has reached the specified backoff limit"_s);
    QCOMPARE(statusInt(failed, "failed"), 2);
    QVERIFY(!statusOf(failed).contains("completionTime"_L1));
    QCOMPARE(cluster.pods(kNs, u"job-name"_s, u"broken"_s).size(), 2);
    QVERIFY(cluster.hasEvent(kNs, u"BackoffLimitExceeded"_s, u"Job has reached the specified backoff limit"_s));
    QVERIFY(conditionField(failed, u"Complete"_s, "status").isEmpty());
}

void TestWorkloads::jobWithTtlIsDeletedAfterFinishing()
{
    ControllerHarness cluster;
    cluster.create("batch", "Job", kNs, job(u"shortlived"_s, u"busybox"_s, QJsonObject{{u"ttlSecondsAfterFinished"_s, 0}}));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.exists("batch", "Job", kNs, u"shortlived"_s), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("batch", "Job", kNs, u"shortlived"_s), 8000);
    QTRY_VERIFY_WITH_TIMEOUT(cluster.pods(kNs, u"job-name"_s, u"shortlived"_s).isEmpty(), 5000);
}

void TestWorkloads::suspendedJobRunsNothing()
{
    ControllerHarness cluster;
    cluster.create("batch", "Job", kNs, job(u"later"_s, u"busybox"_s, QJsonObject{{u"suspend"_s, true}}));
    QTRY_COMPARE_WITH_TIMEOUT(conditionField(cluster.get("batch", "Job", kNs, u"later"_s), u"Suspended"_s, "reason"),
                              u"JobSuspended"_s, 5000);
    QVERIFY(cluster.pods(kNs, u"job-name"_s, u"later"_s).isEmpty());
    QVERIFY(!statusOf(cluster.get("batch", "Job", kNs, u"later"_s)).contains("startTime"_L1));
    QVERIFY(cluster.update("batch", "Job", kNs, u"later"_s, [](QJsonObject &object) {
        QJsonObject spec = object.value("spec"_L1).toObject();
        spec.insert(u"suspend"_s, false);
        object.insert(u"spec"_s, spec);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(conditionField(cluster.get("batch", "Job", kNs, u"later"_s), u"Complete"_s, "status")
                                 == "True"_L1,
                             8000);
    QCOMPARE(conditionField(cluster.get("batch", "Job", kNs, u"later"_s), u"Suspended"_s, "reason"), u"JobResumed"_s);
}

void TestWorkloads::jobPodsOfDeletedJobAreReleased()
{
    ControllerHarness cluster;
    cluster.create("batch", "Job", kNs, job(u"gone"_s, u"busybox"_s));
    QTRY_COMPARE_WITH_TIMEOUT(cluster.pods(kNs, u"job-name"_s, u"gone"_s).size(), 1, 5000);
    QVERIFY(cluster.remove("batch", "Job", kNs, u"gone"_s, u"Background"_s));
    // GC deletes the pod; the tracking finalizer must not keep it around.
    QTRY_VERIFY_WITH_TIMEOUT(cluster.pods(kNs, u"job-name"_s, u"gone"_s).isEmpty(), 8000);
}

void TestWorkloads::daemonSetRunsOnePodPerNode()
{
    ControllerHarness cluster(SimTiming::fast(), {u"node-a"_s, u"node-b"_s});
    cluster.create("apps", "DaemonSet", kNs, workload("DaemonSet", u"agent"_s, {}));
    QTRY_VERIFY_WITH_TIMEOUT(daemonSetCurrent(cluster.get("apps", "DaemonSet", kNs, u"agent"_s)), 5000);
    const QJsonObject ds = cluster.get("apps", "DaemonSet", kNs, u"agent"_s);
    QCOMPARE(statusInt(ds, "desiredNumberScheduled"), 2);
    QCOMPARE(statusInt(ds, "numberMisscheduled"), 0);
    QSet<QString> nodes;
    for (const QJsonObject &pod : cluster.pods(kNs, u"app"_s, u"agent"_s)) {
        nodes.insert(ctrl::text(ctrl::specOf(pod), "nodeName"_L1));
        QVERIFY(!labelsOf(pod).value("controller-revision-hash"_L1).toString().isEmpty());
    }
    QCOMPARE(nodes, (QSet<QString>{u"node-a"_s, u"node-b"_s}));
    QCOMPARE(cluster.list("apps", "ControllerRevision", kNs).size(), 1);
}

void TestWorkloads::daemonSetRollsOnTemplateChange()
{
    ControllerHarness cluster;
    cluster.create("apps", "DaemonSet", kNs, workload("DaemonSet", u"logger"_s, {}));
    QTRY_VERIFY_WITH_TIMEOUT(daemonSetCurrent(cluster.get("apps", "DaemonSet", kNs, u"logger"_s)), 5000);
    const QString before = labelsOf(cluster.pods(kNs, u"app"_s, u"logger"_s).first())
                               .value("controller-revision-hash"_L1)
                               .toString();
    QVERIFY(cluster.update("apps", "DaemonSet", kNs, u"logger"_s,
                           [](QJsonObject &object) { setWorkloadImage(object, u"nginx:2"_s); }));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<QJsonObject> pods = cluster.pods(kNs, u"app"_s, u"logger"_s);
            return pods.size() == 1 && labelsOf(pods.first()).value("controller-revision-hash"_L1).toString() != before
                && daemonSetCurrent(cluster.get("apps", "DaemonSet", kNs, u"logger"_s));
        }(),
        8000);
    QCOMPARE(cluster.list("apps", "ControllerRevision", kNs).size(), 2);
}

void TestWorkloads::statefulSetCreatesOrderedPodsAndClaims()
{
    ControllerHarness cluster;
    const QJsonObject claim = json(R"({"metadata":{"name":"data"},
        "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}})");
    cluster.create("apps", "StatefulSet", kNs,
                   workload("StatefulSet", u"db"_s,
                            QJsonObject{{u"replicas"_s, 3},
                                        {u"serviceName"_s, u"db"_s},
                                        {u"volumeClaimTemplates"_s, QJsonArray{claim}}}));
    // OrderedReady: db-1 never exists before db-0 is ready.
    bool outOfOrder = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonObject first = cluster.get("", "Pod", kNs, u"db-0"_s);
            const QJsonObject second = cluster.get("", "Pod", kNs, u"db-1"_s);
            if (!second.isEmpty() && !ctrl::podIsReady(first) && ctrl::podPhase(second).isEmpty())
                outOfOrder = true;
            return statefulSetCurrent(cluster.get("apps", "StatefulSet", kNs, u"db"_s));
        }(),
        8000);
    QVERIFY(!outOfOrder);
    const QJsonObject second = cluster.get("", "Pod", kNs, u"db-1"_s);
    QCOMPARE(ctrl::text(ctrl::specOf(second), "hostname"_L1), u"db-1"_s);
    QCOMPARE(ctrl::text(ctrl::specOf(second), "subdomain"_L1), u"db"_s);
    QCOMPARE(labelsOf(second).value("statefulset.kubernetes.io/pod-name"_L1).toString(), u"db-1"_s);
    QCOMPARE(labelsOf(second).value("apps.kubernetes.io/pod-index"_L1).toString(), u"1"_s);
    const QString revision = ctrl::text(statusOf(cluster.get("apps", "StatefulSet", kNs, u"db"_s)), "updateRevision"_L1);
    QVERIFY(revision.startsWith("db-"_L1));
    QCOMPARE(labelsOf(second).value("controller-revision-hash"_L1).toString(), revision);
    QTRY_COMPARE_WITH_TIMEOUT(
        ctrl::text(statusOf(cluster.get("", "PersistentVolumeClaim", kNs, u"data-db-2"_s)), "phase"_L1), u"Bound"_s, 5000);
    QVERIFY(cluster.hasEvent(kNs, u"SuccessfulCreate"_s, u"create Pod db-0 in StatefulSet db successful"_s));
    QVERIFY(cluster.hasEvent(kNs, u"SuccessfulCreate"_s, u"create Claim data-db-0 Pod db-0 in StatefulSet db success"_s));
    bool mountsClaim = false;
    for (const QJsonValue &volume : ctrl::specOf(second).value("volumes"_L1).toArray()) {
        mountsClaim = mountsClaim
            || volume.toObject().value("persistentVolumeClaim"_L1).toObject().value("claimName"_L1).toString()
                == "data-db-1"_L1;
    }
    QVERIFY(mountsClaim);
}

void TestWorkloads::statefulSetRollingUpdate()
{
    ControllerHarness cluster;
    cluster.create("apps", "StatefulSet", kNs, workload("StatefulSet", u"web"_s, QJsonObject{{u"replicas"_s, 2}}));
    QTRY_VERIFY_WITH_TIMEOUT(statefulSetCurrent(cluster.get("apps", "StatefulSet", kNs, u"web"_s)), 8000);
    const QString oldRevision = ctrl::text(statusOf(cluster.get("apps", "StatefulSet", kNs, u"web"_s)), "currentRevision"_L1);
    QVERIFY(cluster.update("apps", "StatefulSet", kNs, u"web"_s,
                           [](QJsonObject &object) { setWorkloadImage(object, u"nginx:2"_s); }));
    QTRY_VERIFY_WITH_TIMEOUT(
        ctrl::text(statusOf(cluster.get("apps", "StatefulSet", kNs, u"web"_s)), "updateRevision"_L1) != oldRevision, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(statefulSetCurrent(cluster.get("apps", "StatefulSet", kNs, u"web"_s)), 8000);
    const QString newRevision = ctrl::text(statusOf(cluster.get("apps", "StatefulSet", kNs, u"web"_s)), "currentRevision"_L1);
    QVERIFY(newRevision != oldRevision);
    for (const QJsonObject &pod : cluster.pods(kNs, u"app"_s, u"web"_s))
        QCOMPARE(labelsOf(pod).value("controller-revision-hash"_L1).toString(), newRevision);
}

void TestWorkloads::statefulSetScalesDownFromHighestOrdinal()
{
    ControllerHarness cluster;
    cluster.create("apps", "StatefulSet", kNs, workload("StatefulSet", u"q"_s, QJsonObject{{u"replicas"_s, 3}}));
    QTRY_VERIFY_WITH_TIMEOUT(statefulSetCurrent(cluster.get("apps", "StatefulSet", kNs, u"q"_s)), 8000);
    QVERIFY(cluster.update("apps", "StatefulSet", kNs, u"q"_s, [](QJsonObject &object) {
        QJsonObject spec = object.value("spec"_L1).toObject();
        spec.insert(u"replicas"_s, 1);
        object.insert(u"spec"_s, spec);
    }));
    bool lowerFirst = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (!cluster.exists("", "Pod", kNs, u"q-1"_s) && cluster.exists("", "Pod", kNs, u"q-2"_s))
                lowerFirst = true;
            return statefulSetCurrent(cluster.get("apps", "StatefulSet", kNs, u"q"_s))
                && cluster.pods(kNs, u"app"_s, u"q"_s).size() == 1;
        }(),
        8000);
    QVERIFY(!lowerFirst);
    QVERIFY(cluster.exists("", "Pod", kNs, u"q-0"_s));
}

void TestWorkloads::persistentVolumeClaimBinds()
{
    ControllerHarness cluster;
    cluster.create("", "PersistentVolumeClaim", kNs,
                   json(R"({"metadata":{"name":"cache"},"spec":{"accessModes":["ReadWriteOnce"],
                            "storageClassName":"standard","resources":{"requests":{"storage":"2Gi"}}}})"));
    QTRY_COMPARE_WITH_TIMEOUT(
        ctrl::text(statusOf(cluster.get("", "PersistentVolumeClaim", kNs, u"cache"_s)), "phase"_L1), u"Bound"_s, 5000);
    const QJsonObject bound = cluster.get("", "PersistentVolumeClaim", kNs, u"cache"_s);
    QCOMPARE(statusOf(bound).value("capacity"_L1).toObject().value("storage"_L1).toString(), u"2Gi"_s);
    const QString volumeName = ctrl::text(ctrl::specOf(bound), "volumeName"_L1);
    QCOMPARE(volumeName, u"pvc-"_s + uidOf(bound));
    QCOMPARE(ctrl::annotationsOf(bound).value("pv.kubernetes.io/bind-completed"_L1).toString(), u"yes"_s);
    const QJsonObject volume = cluster.get("", "PersistentVolume", {}, volumeName);
    QCOMPARE(ctrl::text(statusOf(volume), "phase"_L1), u"Bound"_s);
    QCOMPARE(ctrl::child(ctrl::specOf(volume), "claimRef"_L1).value("uid"_L1).toString(), uidOf(bound));
    QVERIFY(cluster.remove("", "PersistentVolumeClaim", kNs, u"cache"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("", "PersistentVolume", {}, volumeName), 5000);
}

} // namespace

QTEST_GUILESS_MAIN(TestWorkloads)
#include "tst_workloads.moc"
