// Typed Fission objects: fields the app uses, validation issues collected (never thrown), unknown
// fields kept; Fission's namespace-list parsing and placement rule.
#include "FissionFixtures.h"

#include "fission/FissionIndex.h"
#include "fission/FissionTypes.h"
#include "fission/WatchedNamespaces.h"
#include "fission/Workloads.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;

namespace {

bool hasIssue(const FissionObject &o, const QString &field)
{
    for (const ValidationIssue &i : o.issues) {
        if (i.field == field)
            return true;
    }
    return false;
}

} // namespace

class TestTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void environmentFields()
    {
        const Environment env = Environment::parse(environment(u"team-a"_s, u"go"_s, u"ghcr.io/fission/go-builder"_s, 3));
        QVERIFY2(env.isValid(), qPrintable(env.issues.value(0).message));
        QCOMPARE(env.version, 3);
        QCOMPARE(env.runtimeImage, u"ghcr.io/fission/node-env-22"_s);
        QCOMPARE(env.builderImage, u"ghcr.io/fission/go-builder"_s);
        QCOMPARE(env.builderCommand, u"build"_s);
        QVERIFY(env.hasBuilder());
        QCOMPARE(env.effectivePoolSize(), 3);
        QCOMPARE(env.terminationGracePeriod.value_or(0), 360);
        QCOMPARE(env.name(), u"go"_s);
        QCOMPARE(env.ref().display(), u"Environment team-a/go"_s);
        QCOMPARE(env.ref().key(), u"fission.io/Environment/team-a/go"_s);
    }

    void environmentBuilderSupport_data()
    {
        QTest::addColumn<QString>("builderImage");
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("hasBuilder");
        QTest::addRow("v3 with image") << u"img"_s << 3 << true;
        QTest::addRow("v2 with image") << u"img"_s << 2 << true;
        QTest::addRow("v1 with image") << u"img"_s << 1 << false;
        QTest::addRow("v3 without image") << QString() << 3 << false;
    }
    void environmentBuilderSupport()
    {
        QFETCH(QString, builderImage);
        QFETCH(int, version);
        QFETCH(bool, hasBuilder);
        const Environment env = Environment::parse(environment(u"ns"_s, u"e"_s, builderImage, version));
        QCOMPARE(env.hasBuilder(), hasBuilder);
        QCOMPARE(env.effectivePoolSize(), 3);
    }

    void environmentValidation()
    {
        const Environment env = Environment::parse(decode(QJsonObject{
            {u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"Environment"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"bad"_s}, {u"namespace"_s, u"ns"_s}}},
            {u"spec"_s, QJsonObject{{u"version"_s, 7}, {u"runtime"_s, QJsonObject{}}, {u"poolsize"_s, u"many"_s},
                                    {u"allowedFunctionsPerContainer"_s, u"two"_s}, {u"futureField"_s, 42}}}}));
        QVERIFY(!env.isValid());
        QVERIFY(hasIssue(env, u"spec.version"_s));
        QVERIFY(hasIssue(env, u"spec.runtime.image"_s));
        QVERIFY(hasIssue(env, u"spec.poolsize"_s));
        QVERIFY(hasIssue(env, u"spec.allowedFunctionsPerContainer"_s));
        QCOMPARE(env.version, 7); // what could be read is still there
        // Unknown fields are kept in the object.
        QCOMPARE(env.object.stringAt(u"spec.futureField").value_or(QString()), u"42"_s);
    }

    void packageFields()
    {
        PackageOptions o;
        o.sourceUrl = u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Fsrc-1"_s;
        o.deploymentLiteral = u"UEsDBBQAAAAIAA=="_s;
        o.buildCommand = u"./build.sh"_s;
        o.buildStatus = u"failed"_s;
        o.buildLog = u"error: x"_s;
        o.lastUpdate = testNow();
        const Package pkg = Package::parse(package(u"test"_s, u"p"_s, o));
        QVERIFY2(pkg.isValid(), qPrintable(pkg.issues.value(0).message));
        QCOMPARE(pkg.environment.name, u"nodejs"_s);
        QCOMPARE(pkg.environment.namespaceName, u"test"_s);
        QCOMPARE(pkg.source.type, Archive::Type::Url);
        QCOMPARE(pkg.source.storageArchiveId(), u"/fission/src-1"_s);
        QCOMPARE(pkg.source.checksumType, u"sha256"_s);
        QCOMPARE(pkg.deployment.type, Archive::Type::Literal);
        QCOMPARE(pkg.deployment.literalBytes, qsizetype(10));
        QVERIFY(pkg.deployment.storageArchiveId().isEmpty());
        QCOMPARE(pkg.buildCommand, u"./build.sh"_s);
        QVERIFY(pkg.hasStatus);
        QCOMPARE(pkg.buildStatus, BuildStatus::Failed);
        QCOMPARE(pkg.buildLog, u"error: x"_s);
        QCOMPARE(pkg.lastUpdateTimestamp, testNow());
    }

    void packageStatuses_data()
    {
        QTest::addColumn<QString>("status"); // "<absent>" = no status object
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("hasStatus");
        QTest::addRow("pending") << u"pending"_s << int(BuildStatus::Pending) << true;
        QTest::addRow("running") << u"running"_s << int(BuildStatus::Running) << true;
        QTest::addRow("succeeded") << u"succeeded"_s << int(BuildStatus::Succeeded) << true;
        QTest::addRow("none") << u"none"_s << int(BuildStatus::None) << true;
        QTest::addRow("empty") << QString() << int(BuildStatus::Unset) << true;
        QTest::addRow("no status (main, unreconciled)") << u"<absent>"_s << int(BuildStatus::Unset) << false;
        QTest::addRow("unknown word") << u"exploded"_s << int(BuildStatus::Other) << true;
    }
    void packageStatuses()
    {
        QFETCH(QString, status);
        QFETCH(int, expected);
        QFETCH(bool, hasStatus);
        PackageOptions o;
        o.sourceLiteral = u"UEsD"_s;
        if (status != u"<absent>")
            o.buildStatus = status;
        const Package pkg = Package::parse(package(u"ns"_s, u"p"_s, o));
        QCOMPARE(int(pkg.buildStatus), expected);
        QCOMPARE(pkg.hasStatus, hasStatus);
        QCOMPARE(hasIssue(pkg, u"status.buildstatus"_s), expected == int(BuildStatus::Other));
        QVERIFY(!pkg.lastUpdateTimestamp.isValid()); // null
    }

    void packageValidation()
    {
        PackageOptions o; // neither source nor deployment
        o.environment = QString();
        const Package pkg = Package::parse(package(u"ns"_s, u"p"_s, o));
        QVERIFY(hasIssue(pkg, u"spec"_s));
        QVERIFY(hasIssue(pkg, u"spec.environment.name"_s));

        const Package cross = Package::parse(decode(QJsonObject{
            {u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"Package"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"p"_s}, {u"namespace"_s, u"a"_s}}},
            {u"spec"_s, QJsonObject{{u"environment"_s, QJsonObject{{u"namespace"_s, u"b"_s}, {u"name"_s, u"e"_s}}},
                                    {u"source"_s, QJsonObject{{u"type"_s, u"zip"_s}, {u"literal"_s, u"UEsD"_s}}}}}}));
        QVERIFY(hasIssue(cross, u"spec.environment.namespace"_s));
        QVERIFY(hasIssue(cross, u"spec.source.type"_s));
        QCOMPARE(cross.source.type, Archive::Type::Unknown);
    }

    void functionFields()
    {
        FunctionOptions o;
        o.package = u"pkg"_s;
        o.executorType = u"newdeploy"_s;
        o.idleTimeout = 300;
        o.uid = u"fn-uid"_s;
        const Function fn = Function::parse(function(u"team-a"_s, u"hello"_s, o));
        QVERIFY2(fn.isValid(), qPrintable(fn.issues.value(0).message));
        QCOMPARE(fn.environment.name, u"nodejs"_s);
        QCOMPARE(fn.package.name, u"pkg"_s);
        QCOMPARE(fn.package.namespaceName, u"team-a"_s);
        QCOMPARE(fn.packageResourceVersion, u"1"_s);
        QCOMPARE(fn.entryPoint, u"main"_s);
        QCOMPARE(fn.executorType, ExecutorType::NewDeploy);
        QCOMPARE(fn.maxScale, 3);
        QCOMPARE(fn.idleTimeout.value_or(0), 300);
        QCOMPARE(fn.functionTimeout.value_or(0), 60);
        QCOMPARE(fn.specializationTimeout.value_or(0), 120);
        QCOMPARE(fn.uid(), u"fn-uid"_s);
    }

    void functionValidation()
    {
        FunctionOptions o;
        o.executorType = u"quantum"_s;
        o.environment = QString();
        const Function fn = Function::parse(function(u"ns"_s, u"f"_s, o));
        QCOMPARE(fn.executorType, ExecutorType::Other);
        QVERIFY(hasIssue(fn, u"spec.InvokeStrategy.ExecutionStrategy.ExecutorType"_s));
        QVERIFY(hasIssue(fn, u"spec.environment.name"_s));

        FunctionOptions c;
        c.executorType = u"container"_s;
        const Function container = Function::parse(function(u"ns"_s, u"c"_s, c));
        QVERIFY(hasIssue(container, u"spec.podspec"_s));
    }

    void triggers()
    {
        const HttpTrigger http = HttpTrigger::parse(httpTrigger(u"ns"_s, u"t"_s, u"hello"_s, u"/hello"_s, {u"GET"_s, u"POST"_s}));
        QVERIFY(http.isValid());
        QCOMPARE(http.function.type, FunctionReference::Type::Name);
        QCOMPARE(http.function.functionNames(), QStringList{u"hello"_s});
        QCOMPARE(http.routePath(), u"/hello"_s);
        QCOMPARE(http.effectiveMethods(), (QStringList{u"GET"_s, u"POST"_s}));

        const TimeTrigger time = TimeTrigger::parse(timeTrigger(u"ns"_s, u"c"_s, u"hello"_s, u"@hourly"_s));
        QVERIFY(time.isValid());
        QCOMPARE(time.cron, u"@hourly"_s);
        QCOMPARE(time.method, u"POST"_s);

        const MessageQueueTrigger mq = MessageQueueTrigger::parse(messageQueueTrigger(u"ns"_s, u"m"_s, u"hello"_s, u"orders"_s));
        QVERIFY(mq.isValid());
        QCOMPARE(mq.topic, u"orders"_s);
        QCOMPARE(mq.responseTopic, u"orders-resp"_s);
        QCOMPARE(mq.maxRetries, 3);

        const KubernetesWatchTrigger watch = KubernetesWatchTrigger::parse(watchTrigger(u"ns"_s, u"w"_s, u"hello"_s, u"pod"_s));
        QVERIFY(watch.isValid());
        QCOMPARE(watch.watchType, u"pod"_s);
        QCOMPARE(watch.labelSelector.value(u"app"_s), u"demo"_s);

        // Through the generic entry point the common part is the same.
        const Trigger generic = parseTrigger(httpTrigger(u"ns"_s, u"t"_s, u"hello"_s, u"/x"_s));
        QCOMPARE(generic.function.name, u"hello"_s);
    }

    void triggerWeightsAndValidation()
    {
        const HttpTrigger weighted = HttpTrigger::parse(decode(QJsonObject{
            {u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"HTTPTrigger"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"canary"_s}, {u"namespace"_s, u"ns"_s}}},
            {u"spec"_s, QJsonObject{{u"prefix"_s, u"/api"_s},
                                    {u"relativeurl"_s, u"/ignored"_s},
                                    {u"method"_s, u"PUT"_s},
                                    {u"functionref"_s, QJsonObject{{u"type"_s, u"function-weights"_s},
                                                                   {u"functionweights"_s, QJsonObject{{u"v1"_s, 90}, {u"v2"_s, 10}}}}}}}}));
        QVERIFY2(weighted.isValid(), qPrintable(weighted.issues.value(0).message));
        QCOMPARE(weighted.function.type, FunctionReference::Type::FunctionWeights);
        QCOMPARE(weighted.function.functionNames(), (QStringList{u"v1"_s, u"v2"_s}));
        QCOMPARE(weighted.routePath(), u"/api"_s); // the prefix wins
        QCOMPARE(weighted.effectiveMethods(), QStringList{u"PUT"_s});

        const HttpTrigger broken = HttpTrigger::parse(decode(QJsonObject{
            {u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"HTTPTrigger"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"b"_s}, {u"namespace"_s, u"ns"_s}}},
            {u"spec"_s, QJsonObject{{u"relativeurl"_s, u"no-slash"_s}, {u"functionref"_s, QJsonObject{{u"type"_s, u"name"_s}}}}}}));
        QVERIFY(hasIssue(broken, u"spec.functionref.name"_s));
        QVERIFY(hasIssue(broken, u"spec.relativeurl"_s));
    }

    void tenant()
    {
        const FissionTenant t = FissionTenant::parse(fissionTenant(
            u"acme"_s, u"acme"_s,
            {condition(u"RBACProvisioned"_s, u"True"_s, u"RolesApplied"_s), condition(u"Ready"_s, u"True"_s, u"Onboarded"_s)},
            u"label"_s));
        QVERIFY(t.isValid());
        QCOMPARE(t.tenantNamespace, u"acme"_s);
        QCOMPARE(t.managedBy, u"label"_s);
        QVERIFY(t.isReady());
        QCOMPARE(t.ready()->reason, u"Onboarded"_s);
        QCOMPARE(t.finalizers, QStringList{u"fission.io/tenant-cleanup"_s});
        QCOMPARE(t.observedGeneration, 1);
        QVERIFY(t.ref().namespaceName.isEmpty());
        QCOMPARE(t.ref().key(), u"fission.io/FissionTenant/acme"_s);

        const FissionTenant pending = FissionTenant::parse(fissionTenant(u"new"_s, u"new"_s));
        QVERIFY(!pending.isReady());
        QVERIFY(!pending.ready());
    }

    void genericKindKeepsConditions()
    {
        Meta m;
        m.name = u"hello-v1"_s;
        m.namespaceName = u"ns"_s;
        const GenericFissionObject g = GenericFissionObject::parse(make(
            u"fission.io/v1"_s, u"FunctionVersion"_s, m,
            QJsonObject{{u"spec"_s, QJsonObject{{u"functionName"_s, u"hello"_s}, {u"sequence"_s, 1}}},
                        {u"status"_s, QJsonObject{{u"conditions"_s, QJsonArray{condition(u"Ready"_s, u"True"_s, u"Published"_s)}}}}}));
        QVERIFY(g.isValid());
        QCOMPARE(g.conditions.size(), 1);
        QCOMPARE(g.object.stringAt(u"spec.functionName").value_or(QString()), u"hello"_s);
    }

    void watchedNamespaces_data()
    {
        QTest::addColumn<QString>("defaultNs"); // "<unset>" for absent
        QTest::addColumn<QString>("resources");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("chart default") << u"default"_s << u"default"_s << QStringList{u"default"_s};
        QTest::addRow("additional") << u"default"_s << u"default,team-a,team-b"_s
                                    << QStringList{u"default"_s, u"team-a"_s, u"team-b"_s};
        QTest::addRow("trailing comma and empties") << u"default"_s << u"team-a,,team-b,"_s
                                                    << QStringList{u"default"_s, u"team-a"_s, u"team-b"_s};
        QTest::addRow("both empty: default") << QString() << QString() << QStringList{u"default"_s};
        QTest::addRow("both unset: default") << u"<unset>"_s << u"<unset>"_s << QStringList{u"default"_s};
        QTest::addRow("resources empty, default set") << u"apps"_s << QString() << QStringList{u"apps"_s, u"default"_s};
        QTest::addRow("default not in resources") << u"apps"_s << u"team-a"_s << QStringList{u"apps"_s, u"team-a"_s};
        QTest::addRow("no trimming") << u"default"_s << u"default, team-a"_s << QStringList{u" team-a"_s, u"default"_s};
    }
    void watchedNamespaces()
    {
        QFETCH(QString, defaultNs);
        QFETCH(QString, resources);
        QFETCH(QStringList, expected);
        NamespaceEnv env;
        if (defaultNs != u"<unset>")
            env.defaultNamespace = defaultNs;
        if (resources != u"<unset>")
            env.resourceNamespaces = resources;
        QCOMPARE(env.watchedNamespaces(), expected);
    }

    void placementRule()
    {
        NamespaceEnv env;
        QCOMPARE(functionPodNamespace(env, u"default"_s), u"default"_s);
        env.functionNamespace = u"fission-function"_s;
        // Only one remap set: no remapping (Fission requires both).
        QCOMPARE(functionPodNamespace(env, u"default"_s), u"default"_s);
        env.builderNamespace = u"fission-builder"_s;
        QCOMPARE(functionPodNamespace(env, u"default"_s), u"fission-function"_s);
        QCOMPARE(builderPodNamespace(env, u"default"_s), u"fission-builder"_s);
        QCOMPARE(functionPodNamespace(env, u"team-a"_s), u"team-a"_s);
    }

    void envFromContainers()
    {
        ControlPlaneOptions o;
        o.additionalNamespaces = {u"team-a"_s};
        o.tenancyMode = u"dynamic"_s;
        const WorkloadInfo w = WorkloadInfo::parse(controlPlaneDeployment(o, u"executor"_s));
        const NamespaceEnv env = NamespaceEnv::fromContainers(w.containers);
        QVERIFY(env.consumesNamespaces());
        QCOMPARE(env.watchedNamespaces(), (QStringList{u"default"_s, u"team-a"_s}));
        QCOMPARE(env.tenancyMode.value_or(QString()), u"dynamic"_s);
        QCOMPARE(w.containers.first().imageTag(), u"v1.20.5"_s);
        QVERIFY(w.rolloutComplete());

        const WorkloadInfo webhook = WorkloadInfo::parse(controlPlaneDeployment(o, u"webhook"_s));
        QVERIFY(!NamespaceEnv::fromContainers(webhook.containers).consumesNamespaces());
    }

    void podsAndImages()
    {
        PodState s;
        s.ready = false;
        s.phase = u"Pending"_s;
        s.waitingReason = u"ImagePullBackOff"_s;
        s.waitingMessage = u"Back-off pulling image"_s;
        const PodInfo p = PodInfo::parse(builderPod(u"ns"_s, u"go"_s, u"5"_s, s));
        QVERIFY(!p.isRunningAndReady());
        QVERIFY(p.firstWaiting());
        QCOMPARE(p.firstWaiting()->waitingReason, u"ImagePullBackOff"_s);
        QVERIFY(!p.isCrashLooping());

        ContainerInfo c;
        c.image = u"registry:5000/ns/img@sha256:abc"_s;
        QVERIFY(c.imageTag().isEmpty());
        c.image = u"registry:5000/ns/img"_s;
        QVERIFY(c.imageTag().isEmpty());
        c.image = u"registry:5000/ns/img:1.2"_s;
        QCOMPARE(c.imageTag(), u"1.2"_s);
    }

    void indexReparsesOnlyChangedObjects()
    {
        MemoryClusterState state;
        fill(state, healthyTenant(u"team-a"_s));
        FissionIndex index;
        QVERIFY(index.refreshAll(state));
        const Package *before = index.packages().get(u"team-a"_s, u"hello-pkg"_s);
        QVERIFY(before);
        // Nothing changed: nothing re-parsed, same typed data.
        QVERIFY(!index.refresh(state, kinds::packages().gr));
        QCOMPARE(index.packages().items().size(), 1);

        PackageOptions o;
        o.sourceLiteral = u"UEsD"_s;
        o.buildStatus = u"failed"_s;
        state.upsert(package(u"team-a"_s, u"hello-pkg"_s, o));
        QVERIFY(index.refresh(state, kinds::packages().gr));
        QCOMPARE(index.packages().get(u"team-a"_s, u"hello-pkg"_s)->buildStatus, BuildStatus::Failed);
        QCOMPARE(index.allTriggers().size(), 2);
        QVERIFY(index.functions().get(u"team-a"_s, u"hello"_s));
        QVERIFY(!index.functions().get(u"team-b"_s, u"hello"_s));
    }
};

QTEST_GUILESS_MAIN(TestTypes)
#include "tst_types.moc"
