#include "ControllerHarness.h"

#include "sim/controllers/ContainerBehavior.h"

#include <QSignalSpy>
#include <QTest>

using namespace fd::sim;
using namespace fd::sim::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kNs = u"default"_s;

QJsonObject pod(const QString &name, const QString &image, const QString &restartPolicy = u"Always"_s,
                const QJsonObject &extraSpec = {})
{
    QJsonObject spec{{u"restartPolicy"_s, restartPolicy},
                     {u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"main"_s}, {u"image"_s, image}}}}};
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                       {u"kind"_s, u"Pod"_s},
                       {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                       {u"spec"_s, spec}};
}

QJsonObject containerStatus(const QJsonObject &object, int index = 0)
{
    return statusOf(object).value("containerStatuses"_L1).toArray().at(index).toObject();
}

QString waitingReason(const QJsonObject &object)
{
    return containerStatus(object).value("state"_L1).toObject().value("waiting"_L1).toObject().value("reason"_L1).toString();
}

class ScriptedBehavior final : public ContainerBehavior {
public:
    ContainerPlan plan(const ContainerContext &context, const SimTiming &) const override
    {
        ContainerPlan plan;
        plan.startupLines << QStringLiteral("hello from %1 in %2").arg(context.podName, context.namespaceName).toUtf8();
        plan.periodicIntervalMs = 5;
        plan.periodicLine = [](int tick) { return QStringLiteral("tick %1").arg(tick).toUtf8(); };
        plan.readyAfterMs = 400; // long enough for the test to see Running-but-not-ready
        return plan;
    }
};

class TestKubelet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registersReadyNode();
    void podRunsWithKubeletStatus();
    void podLifecycleEvents();
    void containerLogsReachLogStore();
    void customBehaviourDrivesLogsAndReadiness();
    void runToCompletionPodSucceeds();
    void initContainersRunFirst();
    void imagePullFailureBacksOff();
    void crashLoopRestartsWithBackOff();
    void crashingNeverPodFails();
    void gracefulDeletionStopsContainersThenRemovesPod();
    void unschedulablePodReportsFailedScheduling();
    void podsSpreadOverNodes();
};

void TestKubelet::registersReadyNode()
{
    ControllerHarness cluster;
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::conditionIsTrue(statusOf(cluster.get("", "Node", {}, u"sim-node-1"_s)), u"Ready"_s),
                             5000);
    const QJsonObject node = cluster.get("", "Node", {}, u"sim-node-1"_s);
    QCOMPARE(labelsOf(node).value("kubernetes.io/hostname"_L1).toString(), u"sim-node-1"_s);
    QCOMPARE(statusOf(node).value("capacity"_L1).toObject().value("pods"_L1).toString(), u"110"_s);
    QCOMPARE(statusOf(node).value("nodeInfo"_L1).toObject().value("kubeletVersion"_L1).toString(), u"v1.33.1"_s);
}

void TestKubelet::podRunsWithKubeletStatus()
{
    ControllerHarness cluster;
    cluster.create("", "Pod", kNs, pod(u"p1"_s, u"nginx:1.27"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"p1"_s)), 5000);
    const QJsonObject running = cluster.get("", "Pod", kNs, u"p1"_s);
    const QJsonObject status = statusOf(running);
    QCOMPARE(ctrl::text(ctrl::specOf(running), "nodeName"_L1), u"sim-node-1"_s);
    QCOMPARE(status.value("phase"_L1).toString(), u"Running"_s);
    QVERIFY(status.value("podIP"_L1).toString().startsWith("10.244.0."_L1));
    QCOMPARE(status.value("hostIP"_L1).toString(), u"172.18.0.2"_s);
    QVERIFY(!status.value("startTime"_L1).toString().isEmpty());
    QStringList types;
    for (const QJsonValue &condition : status.value("conditions"_L1).toArray()) {
        types << condition.toObject().value("type"_L1).toString();
        QCOMPARE(condition.toObject().value("status"_L1).toString(), u"True"_s);
    }
    QCOMPARE(types, (QStringList{u"PodReadyToStartContainers"_s, u"Initialized"_s, u"Ready"_s, u"ContainersReady"_s,
                                 u"PodScheduled"_s}));
    const QJsonObject container = containerStatus(running);
    QCOMPARE(container.value("name"_L1).toString(), u"main"_s);
    QCOMPARE(container.value("image"_L1).toString(), u"docker.io/library/nginx:1.27"_s);
    QVERIFY(container.value("imageID"_L1).toString().startsWith("docker.io/library/nginx@sha256:"_L1));
    QVERIFY(container.value("containerID"_L1).toString().startsWith("containerd://"_L1));
    QCOMPARE(container.value("ready"_L1).toBool(), true);
    QCOMPARE(container.value("started"_L1).toBool(), true);
    QCOMPARE(container.value("restartCount"_L1).toInt(), 0);
    QVERIFY(container.value("state"_L1).toObject().contains("running"_L1));
    // The status was written by the kubelet through the status subresource.
    bool kubeletManaged = false;
    for (const QJsonValue &entry : metadataOf(running).value("managedFields"_L1).toArray()) {
        kubeletManaged = kubeletManaged
            || (entry.toObject().value("manager"_L1).toString() == "kubelet"_L1
                && entry.toObject().value("subresource"_L1).toString() == "status"_L1);
    }
    QVERIFY(kubeletManaged);
}

void TestKubelet::podLifecycleEvents()
{
    ControllerHarness cluster;
    cluster.create("", "Pod", kNs, pod(u"ev"_s, u"redis:7"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"ev"_s)), 5000);
    QVERIFY(cluster.hasEvent(kNs, u"Scheduled"_s, u"Successfully assigned default/ev to sim-node-1"_s));
    QVERIFY(cluster.hasEvent(kNs, u"Pulling"_s, u"Pulling image \"redis:7\""_s));
    QVERIFY(cluster.hasEvent(kNs, u"Pulled"_s, u"Successfully pulled image \"redis:7\" in "_s));
    QVERIFY(cluster.hasEvent(kNs, u"Created"_s, u"Created container: main"_s));
    QVERIFY(cluster.hasEvent(kNs, u"Started"_s, u"Started container main"_s));
    const QJsonObject started = cluster.events(kNs, u"ev"_s, u"Started"_s).first();
    QCOMPARE(started.value("source"_L1).toObject().value("component"_L1).toString(), u"kubelet"_s);
    QCOMPARE(started.value("source"_L1).toObject().value("host"_L1).toString(), u"sim-node-1"_s);
    QCOMPARE(started.value("involvedObject"_L1).toObject().value("fieldPath"_L1).toString(), u"spec.containers{main}"_s);
    // A second pod of the same image on the node finds it present (IfNotPresent).
    cluster.create("", "Pod", kNs, pod(u"ev2"_s, u"redis:7"_s));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.hasEvent(kNs, u"Pulled"_s, u"Container image \"redis:7\" already present on machine"_s),
                             5000);
}

void TestKubelet::containerLogsReachLogStore()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("", "Pod", kNs, pod(u"logs"_s, u"nginx"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"logs"_s)), 5000);
    const ContainerLog *log = cluster.logs.log(uidOf(created), u"main"_s);
    QVERIFY(log);
    QVERIFY(log->started);
    QVERIFY(!log->terminated);
    QVERIFY(!log->current.isEmpty());
    QVERIFY(log->current.first().text.contains("started"));
}

void TestKubelet::customBehaviourDrivesLogsAndReadiness()
{
    ControllerHarness cluster;
    cluster.manager->behaviors()->add([](const QString &image) { return image.startsWith("fission/"_L1); },
                                      std::make_shared<ScriptedBehavior>());
    const QJsonObject created = cluster.create("", "Pod", kNs, pod(u"scripted"_s, u"fission/router:1.21"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podPhase(cluster.get("", "Pod", kNs, u"scripted"_s)) == "Running"_L1, 5000);
    QVERIFY(!ctrl::podIsReady(cluster.get("", "Pod", kNs, u"scripted"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"scripted"_s)), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(cluster.logs.log(uidOf(created), u"main"_s)->current.size() >= 3, 5000);
    const ContainerLog *log = cluster.logs.log(uidOf(created), u"main"_s);
    QCOMPARE(log->current.at(0).text, QByteArray("hello from scripted in default"));
    QCOMPARE(log->current.at(1).text, QByteArray("tick 1"));
    QCOMPARE(log->current.at(2).text, QByteArray("tick 2"));
}

void TestKubelet::runToCompletionPodSucceeds()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("", "Pod", kNs, pod(u"once"_s, u"busybox"_s, u"Never"_s));
    QTRY_COMPARE_WITH_TIMEOUT(ctrl::podPhase(cluster.get("", "Pod", kNs, u"once"_s)), u"Succeeded"_s, 5000);
    const QJsonObject done = cluster.get("", "Pod", kNs, u"once"_s);
    const QJsonObject terminated = containerStatus(done).value("state"_L1).toObject().value("terminated"_L1).toObject();
    QCOMPARE(terminated.value("exitCode"_L1).toInt(), 0);
    QCOMPARE(terminated.value("reason"_L1).toString(), u"Completed"_s);
    QCOMPARE(conditionField(done, u"Ready"_s, "reason"), u"PodCompleted"_s);
    QCOMPARE(conditionField(done, u"PodReadyToStartContainers"_s, "status"), u"False"_s);
    QVERIFY(cluster.logs.log(uidOf(created), u"main"_s)->terminated);
}

void TestKubelet::initContainersRunFirst()
{
    SimTiming timing = SimTiming::fast();
    timing.jobRunTimeMs = 400; // the init container runs long enough to be observed
    ControllerHarness cluster(timing);
    const QJsonObject spec{
        {u"initContainers"_s, QJsonArray{QJsonObject{{u"name"_s, u"setup"_s}, {u"image"_s, u"busybox"_s}}}}};
    cluster.create("", "Pod", kNs, pod(u"init"_s, u"nginx"_s, u"Always"_s, spec));
    QTRY_VERIFY_WITH_TIMEOUT(conditionField(cluster.get("", "Pod", kNs, u"init"_s), u"Initialized"_s, "status") == "False"_L1,
                             5000);
    QCOMPARE(conditionField(cluster.get("", "Pod", kNs, u"init"_s), u"Initialized"_s, "reason"),
             u"ContainersNotInitialized"_s);
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"init"_s)), 5000);
    const QJsonObject ready = cluster.get("", "Pod", kNs, u"init"_s);
    const QJsonObject initStatus = statusOf(ready).value("initContainerStatuses"_L1).toArray().at(0).toObject();
    QCOMPARE(initStatus.value("state"_L1).toObject().value("terminated"_L1).toObject().value("reason"_L1).toString(),
             u"Completed"_s);
    QVERIFY(cluster.hasEvent(kNs, u"Started"_s, u"Started container setup"_s));
}

void TestKubelet::imagePullFailureBacksOff()
{
    ControllerHarness cluster;
    cluster.create("", "Pod", kNs, pod(u"nopull"_s, u"registry.example.com/team/does-not-exist:1.0"_s));
    QTRY_COMPARE_WITH_TIMEOUT(waitingReason(cluster.get("", "Pod", kNs, u"nopull"_s)), u"ErrImagePull"_s, 5000);
    const QJsonObject failing = cluster.get("", "Pod", kNs, u"nopull"_s);
    QCOMPARE(ctrl::podPhase(failing), u"Pending"_s);
    QVERIFY(containerStatus(failing).value("state"_L1).toObject().value("waiting"_L1).toObject().value("message"_L1)
                .toString().contains("not found"_L1));
    QTRY_COMPARE_WITH_TIMEOUT(waitingReason(cluster.get("", "Pod", kNs, u"nopull"_s)), u"ImagePullBackOff"_s, 5000);
    QVERIFY(cluster.hasEvent(kNs, u"Failed"_s, u"Error: ErrImagePull"_s));
    QVERIFY(cluster.hasEvent(kNs, u"Failed"_s, u"Failed to pull image \"registry.example.com/team/does-not-exist:1.0\": "_s));
    QVERIFY(cluster.hasEvent(kNs, u"BackOff"_s, u"Back-off pulling image \"registry.example.com/team/does-not-exist:1.0\""_s));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.hasEvent(kNs, u"Failed"_s, u"Error: ImagePullBackOff"_s), 5000);
    // It keeps trying: the same events are counted up, not duplicated.
    QTRY_VERIFY_WITH_TIMEOUT(cluster.events(kNs, u"nopull"_s, u"Pulling"_s).first().value("count"_L1).toInt() >= 2, 5000);
    QCOMPARE(cluster.events(kNs, u"nopull"_s, u"Pulling"_s).size(), 1);
    QCOMPARE(ctrl::podPhase(cluster.get("", "Pod", kNs, u"nopull"_s)), u"Pending"_s);
}

void TestKubelet::crashLoopRestartsWithBackOff()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("", "Pod", kNs, pod(u"crashy"_s, u"example/crashloop:latest"_s));
    QJsonObject backingOff; // the pod as seen while waiting in CrashLoopBackOff
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonObject current = cluster.get("", "Pod", kNs, u"crashy"_s);
            if (waitingReason(current) == "CrashLoopBackOff"_L1)
                backingOff = current;
            return !backingOff.isEmpty() && containerStatus(current).value("restartCount"_L1).toInt() >= 3;
        }(),
        10000);
    QCOMPARE(ctrl::podPhase(backingOff), u"Running"_s);
    QVERIFY(!ctrl::podIsReady(backingOff));
    QVERIFY(containerStatus(backingOff).value("state"_L1).toObject().value("waiting"_L1).toObject()
                .value("message"_L1).toString().startsWith("back-off "_L1));
    const QJsonObject last = containerStatus(backingOff).value("lastState"_L1).toObject().value("terminated"_L1).toObject();
    QCOMPARE(last.value("exitCode"_L1).toInt(), 1);
    QCOMPARE(last.value("reason"_L1).toString(), u"Error"_s);
    QVERIFY(cluster.hasEvent(kNs, u"BackOff"_s, u"Back-off restarting failed container main in pod crashy_default("_s));
    const ContainerLog *log = cluster.logs.log(uidOf(created), u"main"_s);
    QVERIFY(log);
    QVERIFY(log->restarts >= 2);
    QVERIFY(!log->previous.isEmpty());
    QVERIFY(log->previous.last().text.contains("exiting with code 1"));
}

void TestKubelet::crashingNeverPodFails()
{
    ControllerHarness cluster;
    cluster.create("", "Pod", kNs, pod(u"fails"_s, u"crashloop"_s, u"Never"_s));
    QTRY_COMPARE_WITH_TIMEOUT(ctrl::podPhase(cluster.get("", "Pod", kNs, u"fails"_s)), u"Failed"_s, 5000);
    QCOMPARE(containerStatus(cluster.get("", "Pod", kNs, u"fails"_s)).value("restartCount"_L1).toInt(), 0);
}

void TestKubelet::gracefulDeletionStopsContainersThenRemovesPod()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("", "Pod", kNs, pod(u"bye"_s, u"nginx"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"bye"_s)), 5000);
    QSignalSpy ended(&cluster.logs, &LogStore::ended);
    QVERIFY(cluster.remove("", "Pod", kNs, u"bye"_s));
    const QJsonObject terminating = cluster.get("", "Pod", kNs, u"bye"_s);
    QVERIFY(!terminating.isEmpty());
    QVERIFY(ctrl::isDeleting(terminating));
    QCOMPARE(metadataOf(terminating).value("deletionGracePeriodSeconds"_L1).toInt(), 30);
    QTRY_VERIFY_WITH_TIMEOUT(cluster.hasEvent(kNs, u"Killing"_s, u"Stopping container main"_s), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("", "Pod", kNs, u"bye"_s), 5000);
    QVERIFY(ended.count() >= 1);
    QCOMPARE(ended.first().at(0).toString(), uidOf(created));
}

void TestKubelet::unschedulablePodReportsFailedScheduling()
{
    ControllerHarness cluster;
    const QJsonObject spec{{u"nodeSelector"_s, QJsonObject{{u"disktype"_s, u"ssd"_s}}}};
    cluster.create("", "Pod", kNs, pod(u"picky"_s, u"nginx"_s, u"Always"_s, spec));
    QTRY_COMPARE_WITH_TIMEOUT(conditionField(cluster.get("", "Pod", kNs, u"picky"_s), u"PodScheduled"_s, "reason"),
                              u"Unschedulable"_s, 5000);
    QVERIFY(cluster.hasEvent(kNs, u"FailedScheduling"_s,
                             u"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector."_s));
    QCOMPARE(ctrl::podPhase(cluster.get("", "Pod", kNs, u"picky"_s)), u"Pending"_s);
    // Labelling the node lets it schedule.
    QVERIFY(cluster.update("", "Node", {}, u"sim-node-1"_s, [](QJsonObject &node) {
        QJsonObject labels = labelsOf(node);
        labels.insert(u"disktype"_s, u"ssd"_s);
        setMetadataField(node, u"labels"_s, labels);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"picky"_s)), 5000);
}

void TestKubelet::podsSpreadOverNodes()
{
    ControllerHarness cluster(SimTiming::fast(), {u"node-a"_s, u"node-b"_s});
    cluster.create("", "Pod", kNs, pod(u"one"_s, u"nginx"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"one"_s)), 5000);
    cluster.create("", "Pod", kNs, pod(u"two"_s, u"nginx"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.get("", "Pod", kNs, u"two"_s)), 5000);
    const QString first = ctrl::text(ctrl::specOf(cluster.get("", "Pod", kNs, u"one"_s)), "nodeName"_L1);
    const QString second = ctrl::text(ctrl::specOf(cluster.get("", "Pod", kNs, u"two"_s)), "nodeName"_L1);
    QVERIFY(first != second);
    QCOMPARE(statusOf(cluster.get("", "Pod", kNs, u"two"_s)).value("hostIP"_L1).toString(),
             second == "node-a"_L1 ? u"172.18.0.2"_s : u"172.18.0.3"_s);
}

} // namespace

QTEST_GUILESS_MAIN(TestKubelet)
#include "tst_kubelet.moc"
