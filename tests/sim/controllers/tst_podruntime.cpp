#include "sim/controllers/ObjectHelpers.h"
#include "sim/controllers/PodRuntime.h"

#include <QJsonArray>
#include <QTest>

using namespace fd::sim;
using namespace Qt::Literals::StringLiterals;

namespace {

// "R" running, "W" waiting (never ran), "B" waiting in back-off after a crash,
// "0"/"1" terminated with that exit code; a leading "i" marks an init container.
PodRuntime podFrom(const QString &restartPolicy, const QStringList &containers, bool initDone, bool stopped)
{
    PodRuntime pod;
    pod.name = u"p"_s;
    pod.restartPolicy = restartPolicy;
    pod.initDone = initDone;
    pod.stopped = stopped;
    int index = 0;
    for (QString code : containers) {
        ContainerRuntime container;
        container.name = u"c"_s + QString::number(index++);
        container.init = code.startsWith(QLatin1Char('i'));
        if (container.init)
            code.remove(0, 1);
        if (code == "R"_L1) {
            container.state = ContainerState::Running;
        } else if (code == "W"_L1) {
            container.state = ContainerState::Waiting;
        } else if (code == "B"_L1) {
            container.state = ContainerState::Waiting;
            container.lastTerminated = terminatedStateOf(1, u"Error"_s, {}, {}, {});
        } else {
            container.state = ContainerState::Terminated;
            container.exitCode = code.toInt();
        }
        pod.containers.append(container);
    }
    return pod;
}

class TestPodRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void phase_data();
    void phase();
    void statusCarriesConditionsInKubeletOrder();
    void succeededPodIsNotReadyWithPodCompleted();
    void waitingContainerStatusHasNoContainerId();
};

void TestPodRuntime::phase_data()
{
    QTest::addColumn<QString>("restartPolicy");
    QTest::addColumn<QStringList>("containers");
    QTest::addColumn<bool>("initDone");
    QTest::addColumn<bool>("stopped");
    QTest::addColumn<QString>("expected");
    QTest::addRow("creating") << u"Always"_s << QStringList{u"W"_s} << true << false << u"Pending"_s;
    QTest::addRow("running") << u"Always"_s << QStringList{u"R"_s, u"R"_s} << true << false << u"Running"_s;
    QTest::addRow("one still creating") << u"Always"_s << QStringList{u"R"_s, u"W"_s} << true << false << u"Pending"_s;
    QTest::addRow("crash loop stays Running") << u"Always"_s << QStringList{u"B"_s} << true << false << u"Running"_s;
    QTest::addRow("exited 0 under Always restarts") << u"Always"_s << QStringList{u"0"_s} << true << false << u"Running"_s;
    QTest::addRow("job success") << u"Never"_s << QStringList{u"0"_s} << true << false << u"Succeeded"_s;
    QTest::addRow("job failure") << u"Never"_s << QStringList{u"1"_s} << true << false << u"Failed"_s;
    QTest::addRow("OnFailure retrying") << u"OnFailure"_s << QStringList{u"1"_s} << true << false << u"Running"_s;
    QTest::addRow("OnFailure done") << u"OnFailure"_s << QStringList{u"0"_s, u"0"_s} << true << false << u"Succeeded"_s;
    QTest::addRow("initialising") << u"Always"_s << QStringList{u"iR"_s, u"W"_s} << false << false << u"Pending"_s;
    QTest::addRow("init failed under Never") << u"Never"_s << QStringList{u"i1"_s, u"W"_s} << false << false
                                             << u"Failed"_s;
    QTest::addRow("stopped after SIGTERM 0") << u"Always"_s << QStringList{u"0"_s} << true << true << u"Succeeded"_s;
    QTest::addRow("stopped after SIGTERM 143") << u"Always"_s << QStringList{u"143"_s} << true << true << u"Failed"_s;
    QTest::addRow("stopped before start") << u"Always"_s << QStringList{u"W"_s} << true << true << u"Failed"_s;
    QTest::addRow("no containers") << u"Always"_s << QStringList{} << true << false << u"Pending"_s;
}

void TestPodRuntime::phase()
{
    QFETCH(QString, restartPolicy);
    QFETCH(QStringList, containers);
    QFETCH(bool, initDone);
    QFETCH(bool, stopped);
    QFETCH(QString, expected);
    QCOMPARE(podPhaseOf(podFrom(restartPolicy, containers, initDone, stopped)), expected);
}

void TestPodRuntime::statusCarriesConditionsInKubeletOrder()
{
    PodRuntime pod = podFrom(u"Always"_s, {u"R"_s, u"R"_s}, true, false);
    pod.sandboxReady = true;
    pod.podIp = u"10.244.0.7"_s;
    pod.containers[0].ready = true;
    const QJsonObject current{{u"qosClass"_s, u"BestEffort"_s},
                              {u"conditions"_s, QJsonArray{QJsonObject{{u"type"_s, u"PodScheduled"_s},
                                                                       {u"status"_s, u"True"_s},
                                                                       {u"lastTransitionTime"_s, u"T0"_s}},
                                                           QJsonObject{{u"type"_s, u"DisruptionTarget"_s},
                                                                       {u"status"_s, u"True"_s}}}}};
    const QJsonObject status = renderPodStatus(pod, current, u"172.18.0.2"_s, u"T1"_s);
    QStringList types;
    for (const QJsonValue &condition : status.value("conditions"_L1).toArray())
        types << condition.toObject().value("type"_L1).toString();
    QCOMPARE(types, (QStringList{u"PodReadyToStartContainers"_s, u"Initialized"_s, u"Ready"_s, u"ContainersReady"_s,
                                 u"PodScheduled"_s, u"DisruptionTarget"_s}));
    const QJsonObject ready = ctrl::findCondition(status.value("conditions"_L1).toArray(), u"Ready"_s);
    QCOMPARE(ready.value("reason"_L1).toString(), u"ContainersNotReady"_s);
    QCOMPARE(ready.value("message"_L1).toString(), u"containers with unready status: [c1]"_s);
    QCOMPARE(ctrl::findCondition(status.value("conditions"_L1).toArray(), u"PodScheduled"_s)
                 .value("lastTransitionTime"_L1).toString(),
             u"T0"_s);
    QCOMPARE(status.value("qosClass"_L1).toString(), u"BestEffort"_s);
    QCOMPARE(status.value("podIPs"_L1).toArray().at(0).toObject().value("ip"_L1).toString(), u"10.244.0.7"_s);
    QCOMPARE(status.value("hostIP"_L1).toString(), u"172.18.0.2"_s);
    QCOMPARE(status.value("containerStatuses"_L1).toArray().size(), 2);
}

void TestPodRuntime::succeededPodIsNotReadyWithPodCompleted()
{
    const PodRuntime pod = podFrom(u"Never"_s, {u"0"_s}, true, false);
    const QJsonObject status = renderPodStatus(pod, {}, u"h"_s, u"T"_s);
    QCOMPARE(status.value("phase"_L1).toString(), u"Succeeded"_s);
    const QJsonArray conditions = status.value("conditions"_L1).toArray();
    QCOMPARE(ctrl::findCondition(conditions, u"Ready"_s).value("reason"_L1).toString(), u"PodCompleted"_s);
    QCOMPARE(ctrl::findCondition(conditions, u"ContainersReady"_s).value("status"_L1).toString(), u"False"_s);
    QCOMPARE(ctrl::findCondition(conditions, u"PodReadyToStartContainers"_s).value("status"_L1).toString(), u"False"_s);
}

void TestPodRuntime::waitingContainerStatusHasNoContainerId()
{
    ContainerRuntime container;
    container.name = u"main"_s;
    container.image = u"nginx"_s;
    container.waitingReason = u"ContainerCreating"_s;
    const QJsonObject status = containerStatusOf(container);
    QVERIFY(!status.contains("containerID"_L1));
    QCOMPARE(status.value("imageID"_L1).toString(), QString());
    QCOMPARE(status.value("image"_L1).toString(), u"docker.io/library/nginx:latest"_s);
    QCOMPARE(status.value("state"_L1).toObject().value("waiting"_L1).toObject().value("reason"_L1).toString(),
             u"ContainerCreating"_s);
    QVERIFY(status.value("lastState"_L1).toObject().isEmpty());
    QCOMPARE(status.value("started"_L1).toBool(true), false);
}

} // namespace

QTEST_GUILESS_MAIN(TestPodRuntime)
#include "tst_podruntime.moc"
