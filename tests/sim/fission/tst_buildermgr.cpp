#include "FissionFixture.h"

#include "sim/fission/BuildScript.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using fd::test::FissionFixture;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

// buildermgr: builder Deployments per Environment, Package builds with realistic logs, and
// nothing at all for namespaces it does not watch.
class TestFissionBuilderManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildOutcomes_data();
    void buildOutcomes();

    void initTestCase();
    void builderPerEnvironment();
    void builderReplacedWhenEnvironmentChanges();
    void builderRemovedWithEnvironment();
    void sourcePackageBuilds();
    void failingBuildKeepsCompilerOutput();
    void unknownBuildCommandFails();
    void missingEnvironmentFails();
    void rebuildAfterResetToPending();
    void unwatchedNamespaceIsNeverTouched();
    void builderNeverReadyTimesOut();

private:
    QList<QJsonObject> builders(const QString &ns, const QString &env, const QString &kind = u"deployments"_s);
    QJsonObject createEnvironment(const QString &ns, const QString &name, const QString &runtime, const QString &builder);
    bool waitForBuilderReady(const QString &ns, const QString &env);

    std::unique_ptr<SimTestCluster> m_cluster;
    std::unique_ptr<FissionFixture> m_fission;
};

void TestFissionBuilderManager::buildOutcomes_data()
{
    QTest::addColumn<QString>("builderImage");
    QTest::addColumn<QString>("buildcmd");
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<bool>("started");
    QTest::addColumn<bool>("succeeded");
    QTest::addColumn<QString>("logPart");
    QTest::addRow("node default") << u"fission/node-builder"_s << QString() << QString() << true << true
                                  << u"found 0 vulnerabilities\n"_s;
    QTest::addRow("python") << u"fission/python-builder-3.10"_s << u"./build.sh"_s << QString() << true << true
                            << u"Successfully installed"_s;
    QTest::addRow("go compile error") << u"fission/go-builder-1.22"_s << QString() << u"true"_s << true << false
                                      << u"./hello.go:14:6: undefined: fmt.Printn\n"_s;
    QTest::addRow("custom compiler text") << u"fission/go-builder-1.22"_s << QString() << u"main.go:3: boom"_s << true
                                          << false << u"main.go:3: boom\nerror building source package: error waiting for cmd \"build\": exit status 1\n"_s;
    QTest::addRow("buildcmd asks to fail") << u"fission/python-builder"_s << u"./build.sh --fail"_s << QString() << true
                                           << false << u"ERROR: No matching distribution found"_s;
    QTest::addRow("source says it fails") << u"fission/go-builder-1.22"_s << u"marker"_s << QString() << true << false
                                          << u"undefined: fmt.Printn"_s;
    QTest::addRow("false") << u"fission/node-builder"_s << u"false"_s << QString() << true << false
                           << u"error waiting for cmd \"false\": exit status 1"_s;
    QTest::addRow("not found") << u"fission/node-builder"_s << u"makeit all"_s << QString() << false << false
                               << u"error building source package: error starting cmd: exec: \"makeit\": executable file not found in $PATH\n"
                                  u"Error building deployment package: Internal error - 500 Internal Server Error\n"_s;
}

void TestFissionBuilderManager::buildOutcomes()
{
    QFETCH(QString, builderImage);
    QFETCH(QString, buildcmd);
    QFETCH(QString, annotation);
    QFETCH(bool, started);
    QFETCH(bool, succeeded);
    QFETCH(QString, logPart);
    const QJsonObject environment = FissionFixture::environment(u"a"_s, u"env"_s, u"fission/runtime"_s, builderImage);
    QJsonObject package = FissionFixture::sourcePackage(u"a"_s, u"pkg"_s, u"env"_s, buildcmd);
    if (!annotation.isEmpty()) {
        QJsonObject metadata = package.value("metadata"_L1).toObject();
        metadata.insert(u"annotations"_s, QJsonObject{{u"sim.fission-desk.io/build-error"_s, annotation}});
        package.insert(u"metadata"_s, metadata);
    }
    if (buildcmd == "marker"_L1) {
        // The literal source archive says the build fails (the demo profiles' convention).
        QJsonObject spec = package.value("spec"_L1).toObject();
        spec.remove(u"buildcmd"_s);
        spec.insert(u"source"_s, QJsonObject{{u"type"_s, u"literal"_s},
                                             {u"literal"_s, QString::fromLatin1(QByteArray("PK\x03\x04 main.go // fd-sim: build fails\n").toBase64())}});
        package.insert(u"spec"_s, spec);
    }
    const fd::sim::fission::BuildOutcome outcome = fd::sim::fission::runBuild(environment, package, u"/packages/pkg-abc123"_s);
    QCOMPARE(outcome.started, started);
    QCOMPARE(outcome.succeeded, succeeded);
    QVERIFY2(outcome.buildLog.contains(logPart), qPrintable(outcome.buildLog));
    if (!succeeded)
        QVERIFY(outcome.buildLog.endsWith(u"Error building deployment package: Internal error - 500 Internal Server Error\n"_s));
}

void TestFissionBuilderManager::initTestCase()
{
    m_cluster = std::make_unique<SimTestCluster>(FissionFixture::fastOptions());
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    m_fission = std::make_unique<FissionFixture>(*m_cluster);
    QVERIFY(m_fission->installCrds());
    QVERIFY(m_fission->createNamespace(u"builds"_s));
    QVERIFY(m_fission->createNamespace(u"elsewhere"_s));
    FissionFixture::ControlPlane plane;
    plane.additionalNamespaces = {u"builds"_s};
    QVERIFY(m_fission->installControlPlane(plane));
}

QList<QJsonObject> TestFissionBuilderManager::builders(const QString &ns, const QString &env, const QString &kind)
{
    const QString path = kind == "services"_L1 ? QStringLiteral("/api/v1/namespaces/%1/services").arg(ns)
                                               : QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(ns);
    return m_fission->list(path, u"owner=buildermgr,envName="_s + env);
}

QJsonObject TestFissionBuilderManager::createEnvironment(const QString &ns, const QString &name, const QString &runtime,
                                                         const QString &builder)
{
    const HttpResult created = m_fission->create(FissionFixture::fissionPath(ns, u"environments"_s),
                                                 FissionFixture::environment(ns, name, runtime, builder, 1));
    if (created.status != 201)
        qWarning("environment %s: %d %s", qPrintable(name), created.status, created.body.constData());
    return created.json();
}

bool TestFissionBuilderManager::waitForBuilderReady(const QString &ns, const QString &env)
{
    return QTest::qWaitFor(
        [&] {
            const auto pods = m_fission->list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns),
                                              u"owner=buildermgr,envName="_s + env);
            for (const QJsonObject &pod : pods) {
                for (const QJsonValue &condition : pod.value("status"_L1).toObject().value("conditions"_L1).toArray()) {
                    const QJsonObject c = condition.toObject();
                    if (c.value("type"_L1).toString() == "Ready"_L1 && c.value("status"_L1).toString() == "True"_L1)
                        return true;
                }
            }
            return false;
        },
        20000);
}

void TestFissionBuilderManager::builderPerEnvironment()
{
    const QJsonObject env = createEnvironment(u"builds"_s, u"nodejs"_s, u"fission/node-env"_s, u"fission/node-builder"_s);
    const QString rv = env.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
    const QString uid = env.value("metadata"_L1).toObject().value("uid"_L1).toString();
    QTRY_COMPARE_WITH_TIMEOUT(builders(u"builds"_s, u"nodejs"_s).size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(builders(u"builds"_s, u"nodejs"_s, u"services"_s).size(), 1, 20000);
    const QJsonObject deployment = builders(u"builds"_s, u"nodejs"_s).first();
    const QJsonObject metadata = deployment.value("metadata"_L1).toObject();
    QCOMPARE(metadata.value("name"_L1).toString(), u"nodejs-"_s + rv);
    const QJsonObject labels = metadata.value("labels"_L1).toObject();
    QCOMPARE(labels.value("owner"_L1).toString(), u"buildermgr"_s);
    QCOMPARE(labels.value("envNamespace"_L1).toString(), u"builds"_s);
    QCOMPARE(labels.value("envResourceVersion"_L1).toString(), rv);
    const QJsonObject owner = metadata.value("ownerReferences"_L1).toArray().first().toObject();
    QCOMPARE(owner.value("kind"_L1).toString(), u"Environment"_s);
    QCOMPARE(owner.value("uid"_L1).toString(), uid);
    const QJsonObject podSpec = deployment.value("spec"_L1).toObject().value("template"_L1).toObject().value("spec"_L1).toObject();
    QCOMPARE(podSpec.value("serviceAccountName"_L1).toString(), u"fission-builder"_s);
    const QJsonArray containers = podSpec.value("containers"_L1).toArray();
    QCOMPARE(containers.size(), 2);
    QCOMPARE(containers.at(0).toObject().value("name"_L1).toString(), u"builder"_s);
    QCOMPARE(containers.at(0).toObject().value("image"_L1).toString(), u"fission/node-builder"_s);
    QCOMPARE(containers.at(1).toObject().value("name"_L1).toString(), u"fetcher"_s);
    const QJsonArray ports = builders(u"builds"_s, u"nodejs"_s, u"services"_s).first().value("spec"_L1).toObject().value("ports"_L1).toArray();
    QCOMPARE(ports.size(), 2);
    QCOMPARE(ports.at(0).toObject().value("port"_L1).toInt(), 8000);
    QCOMPARE(ports.at(1).toObject().value("port"_L1).toInt(), 8001);
    // The executor's service account check made the SA the builder pod needs.
    QVERIFY(waitForBuilderReady(u"builds"_s, u"nodejs"_s));
}

void TestFissionBuilderManager::builderReplacedWhenEnvironmentChanges()
{
    const QString path = FissionFixture::fissionPath(u"builds"_s, u"environments"_s, u"nodejs"_s);
    QVERIFY(m_fission->update(path, [](QJsonObject &env) {
        QJsonObject spec = env.value("spec"_L1).toObject();
        spec.insert(u"keeparchive"_s, true);
        env.insert(u"spec"_s, spec);
    }));
    const QString rv = m_fission->get(path).value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
    QTRY_VERIFY_WITH_TIMEOUT(builders(u"builds"_s, u"nodejs"_s).size() == 1
                                 && builders(u"builds"_s, u"nodejs"_s).first().value("metadata"_L1).toObject().value("name"_L1).toString()
                                     == u"nodejs-"_s + rv,
                             20000);
    QTRY_COMPARE_WITH_TIMEOUT(builders(u"builds"_s, u"nodejs"_s, u"services"_s).size(), 1, 20000);
}

void TestFissionBuilderManager::builderRemovedWithEnvironment()
{
    createEnvironment(u"builds"_s, u"short-lived"_s, u"fission/python-env"_s, u"fission/python-builder"_s);
    QTRY_COMPARE_WITH_TIMEOUT(builders(u"builds"_s, u"short-lived"_s).size(), 1, 20000);
    QVERIFY(m_fission->remove(FissionFixture::fissionPath(u"builds"_s, u"environments"_s, u"short-lived"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(builders(u"builds"_s, u"short-lived"_s).size(), 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(builders(u"builds"_s, u"short-lived"_s, u"services"_s).size(), 0, 20000);
}

void TestFissionBuilderManager::sourcePackageBuilds()
{
    QVERIFY(waitForBuilderReady(u"builds"_s, u"nodejs"_s));
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"functions"_s),
                               FissionFixture::function(u"builds"_s, u"hello"_s, u"nodejs"_s, u"hello-pkg"_s)).status,
             201);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"packages"_s),
                               FissionFixture::sourcePackage(u"builds"_s, u"hello-pkg"_s, u"nodejs"_s)).status,
             201);
    const QString path = FissionFixture::fissionPath(u"builds"_s, u"packages"_s, u"hello-pkg"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"hello-pkg"_s), u"succeeded"_s, 20000);
    const QJsonObject package = m_fission->get(path);
    const QJsonObject status = package.value("status"_L1).toObject();
    QVERIFY(!status.value("lastUpdateTimestamp"_L1).toString().isEmpty());
    QVERIFY2(status.value("buildlog"_L1).toString().contains(u"added 64 packages"_s), qPrintable(status.value("buildlog"_L1).toString()));
    const QJsonObject deployment = package.value("spec"_L1).toObject().value("deployment"_L1).toObject();
    QCOMPARE(deployment.value("type"_L1).toString(), u"url"_s);
    QVERIFY2(deployment.value("url"_L1).toString().startsWith(
                 u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Ffission-functions%2F"_s),
             qPrintable(deployment.value("url"_L1).toString()));
    QCOMPARE(deployment.value("checksum"_L1).toObject().value("type"_L1).toString(), u"sha256"_s);
    QCOMPARE(deployment.value("checksum"_L1).toObject().value("sum"_L1).toString().size(), 64);
    // The function sharing the package points at the version the build ran on.
    QTRY_VERIFY_WITH_TIMEOUT(!m_fission->get(FissionFixture::fissionPath(u"builds"_s, u"functions"_s, u"hello"_s))
                                  .value("spec"_L1).toObject().value("package"_L1).toObject()
                                  .value("packageref"_L1).toObject().value("resourceversion"_L1).toString().isEmpty(),
                             20000);
    // The builder printed the build between START and END.
    const auto pods = m_fission->list(u"/api/v1/namespaces/builds/pods"_s, u"owner=buildermgr,envName=nodejs"_s);
    QVERIFY(!pods.isEmpty());
    QString log;
    for (const QJsonObject &pod : pods)
        log += m_fission->logs(u"builds"_s, pod.value("metadata"_L1).toObject().value("name"_L1).toString(), u"builder"_s);
    const qsizetype start = log.indexOf(u"========= START ========="_s);
    const qsizetype end = log.indexOf(u"========= END ==========="_s);
    QVERIFY2(start >= 0 && end > start, qPrintable(log));
    QVERIFY(log.mid(start, end - start).contains(u"found 0 vulnerabilities"_s));
    // buildermgr's own log tells the story.
    const auto managers = m_fission->list(u"/api/v1/namespaces/fission/pods"_s, u"svc=buildermgr"_s);
    const QString managerLog = m_fission->logs(u"fission"_s, managers.first().value("metadata"_L1).toObject().value("name"_L1).toString(),
                                               u"buildermgr"_s);
    QVERIFY2(managerLog.contains(u"\"msg\":\"starting build for package\",\"package\":\"hello-pkg\""_s), qPrintable(managerLog));
    QVERIFY(managerLog.contains(u"completed package build request"_s));
}

void TestFissionBuilderManager::failingBuildKeepsCompilerOutput()
{
    createEnvironment(u"builds"_s, u"go"_s, u"fission/go-env-1.22"_s, u"fission/go-builder-1.22"_s);
    QVERIFY(waitForBuilderReady(u"builds"_s, u"go"_s));
    QJsonObject package = FissionFixture::sourcePackage(u"builds"_s, u"broken"_s, u"go"_s);
    QJsonObject metadata = package.value("metadata"_L1).toObject();
    metadata.insert(u"annotations"_s, QJsonObject{{u"sim.fission-desk.io/build-error"_s, u"true"_s}});
    package.insert(u"metadata"_s, metadata);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"packages"_s), package).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"broken"_s), u"failed"_s, 20000);
    const QJsonObject built = m_fission->get(FissionFixture::fissionPath(u"builds"_s, u"packages"_s, u"broken"_s));
    const QString log = built.value("status"_L1).toObject().value("buildlog"_L1).toString();
    QVERIFY2(log.contains(u"./hello.go:14:6: undefined: fmt.Printn"_s), qPrintable(log));
    QVERIFY(log.contains(u"error building source package: error waiting for cmd \"build\": exit status 1"_s));
    QVERIFY(!built.value("spec"_L1).toObject().value("deployment"_L1).toObject().contains("url"_L1));
}

void TestFissionBuilderManager::unknownBuildCommandFails()
{
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"packages"_s),
                               FissionFixture::sourcePackage(u"builds"_s, u"typo"_s, u"nodejs"_s, u"npmm install"_s)).status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"typo"_s), u"failed"_s, 20000);
    const QString log = m_fission->get(FissionFixture::fissionPath(u"builds"_s, u"packages"_s, u"typo"_s))
                            .value("status"_L1).toObject().value("buildlog"_L1).toString();
    QVERIFY2(log.contains(u"exec: \"npmm\": executable file not found in $PATH"_s), qPrintable(log));
}

void TestFissionBuilderManager::missingEnvironmentFails()
{
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"packages"_s),
                               FissionFixture::sourcePackage(u"builds"_s, u"orphan"_s, u"nope"_s)).status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"orphan"_s), u"failed"_s, 20000);
    QCOMPARE(m_fission->get(FissionFixture::fissionPath(u"builds"_s, u"packages"_s, u"orphan"_s))
                 .value("status"_L1).toObject().value("buildlog"_L1).toString(),
             u"environment does not exist: \"nope\""_s);
}

void TestFissionBuilderManager::rebuildAfterResetToPending()
{
    // Rebuild = set buildstatus back to pending (what `fission pkg rebuild` does).
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"environments"_s),
                               FissionFixture::environment(u"builds"_s, u"nope"_s, u"fission/node-env"_s, u"fission/node-builder"_s, 1)).status,
             201);
    QVERIFY(waitForBuilderReady(u"builds"_s, u"nope"_s));
    QVERIFY(m_fission->update(FissionFixture::fissionPath(u"builds"_s, u"packages"_s, u"orphan"_s), [](QJsonObject &object) {
        object.insert(u"status"_s, QJsonObject{{u"buildstatus"_s, u"pending"_s}});
    }));
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"orphan"_s), u"succeeded"_s, 20000);
}

void TestFissionBuilderManager::unwatchedNamespaceIsNeverTouched()
{
    createEnvironment(u"elsewhere"_s, u"nodejs"_s, u"fission/node-env"_s, u"fission/node-builder"_s);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"elsewhere"_s, u"packages"_s),
                               FissionFixture::sourcePackage(u"elsewhere"_s, u"ignored"_s, u"nodejs"_s)).status,
             201);
    // A watched twin created afterwards is built: buildermgr had every chance to see both.
    createEnvironment(u"builds"_s, u"twin"_s, u"fission/node-env"_s, u"fission/node-builder"_s);
    QCOMPARE(m_fission->create(FissionFixture::fissionPath(u"builds"_s, u"packages"_s),
                               FissionFixture::sourcePackage(u"builds"_s, u"twin-pkg"_s, u"twin"_s)).status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(m_fission->packageStatus(u"builds"_s, u"twin-pkg"_s), u"succeeded"_s, 20000);
    const QJsonObject status = m_fission->get(FissionFixture::fissionPath(u"elsewhere"_s, u"packages"_s, u"ignored"_s))
                                   .value("status"_L1).toObject();
    QCOMPARE(status.value("buildstatus"_L1).toString(), u"pending"_s);
    QVERIFY(!status.contains("lastUpdateTimestamp"_L1));
    QVERIFY(builders(u"elsewhere"_s, u"nodejs"_s).isEmpty());
}

void TestFissionBuilderManager::builderNeverReadyTimesOut()
{
    fd::sim::SimClusterOptions options = FissionFixture::fastOptions();
    options.fission.builderReadyTimeoutMs = 1500;
    SimTestCluster cluster(options);
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    FissionFixture fission(cluster);
    QVERIFY(fission.installCrds());
    QVERIFY(fission.installControlPlane({}));
    // A builder image that cannot be pulled: the pod exists, its containers never get Ready.
    QCOMPARE(fission.create(FissionFixture::fissionPath(u"default"_s, u"environments"_s),
                            FissionFixture::environment(u"default"_s, u"broken"_s, u"fission/node-env"_s,
                                                        u"registry.example/does-not-exist-builder"_s, 0)).status,
             201);
    QTRY_VERIFY_WITH_TIMEOUT(!fission.list(u"/api/v1/namespaces/default/pods"_s, u"owner=buildermgr,envName=broken"_s).isEmpty(),
                             20000);
    QCOMPARE(fission.create(FissionFixture::fissionPath(u"default"_s, u"packages"_s),
                            FissionFixture::sourcePackage(u"default"_s, u"stuck"_s, u"broken"_s)).status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(fission.packageStatus(u"default"_s, u"stuck"_s), u"running"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(fission.packageStatus(u"default"_s, u"stuck"_s), u"failed"_s, 20000);
    QCOMPARE(fission.get(FissionFixture::fissionPath(u"default"_s, u"packages"_s, u"stuck"_s))
                 .value("status"_L1).toObject().value("buildlog"_L1).toString(),
             u"Build timeout due to environment builder not ready"_s);
}

QTEST_GUILESS_MAIN(TestFissionBuilderManager)
#include "tst_buildermgr.moc"
