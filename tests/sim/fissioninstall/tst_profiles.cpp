// The demo, demo-modern and fleet profiles through the API of an in-process cluster:
// what is installed (CRDs, release records, chart objects, tenants' content), and that the
// fleet's pre-written population is neither multiplied nor rewritten by the controllers.
#include "ReleaseDecoding.h"
#include "SimTestClient.h"
#include "TestSupport.h"

#include "sim/cluster/SimCluster.h"
#include "sim/cluster/SimProfiles.h"
#include "sim/fissioninstall/FleetProfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd::test;
using namespace Qt::StringLiterals;

namespace {

fd::sim::SimClusterOptions fastOptions()
{
    fd::sim::SimClusterOptions options;
    options.timing = fd::sim::SimTiming::fast();
    options.fission = fd::sim::FissionTiming::fast();
    return options;
}

QJsonArray items(const HttpResult &result)
{
    return result.json().value(u"items"_s).toArray();
}

QStringList names(const QJsonArray &list)
{
    QStringList result;
    for (const QJsonValue &value : list)
        result << value.toObject().value(u"metadata"_s).toObject().value(u"name"_s).toString();
    result.sort();
    return result;
}

QString envOf(const QJsonObject &deployment, const QString &name)
{
    const QJsonArray containers = deployment.value(u"spec"_s).toObject().value(u"template"_s).toObject().value(u"spec"_s).toObject()
                                      .value(u"containers"_s).toArray();
    for (const QJsonValue &env : containers.at(0).toObject().value(u"env"_s).toArray()) {
        if (env.toObject().value(u"name"_s).toString() == name)
            return env.toObject().value(u"value"_s).toString();
    }
    return u"<absent>"_s;
}

class ProfileCluster {
public:
    explicit ProfileCluster(const QString &profile, const QString &fleet = {}) : m_cluster(fastOptions())
    {
        QString error;
        m_started = m_cluster.start(&error);
        if (!m_started) {
            m_error = error;
            return;
        }
        fd::sim::ProfileOptions options;
        options.fleet = fleet;
        m_cluster.host().run([&](fd::sim::SimCluster &cluster) {
            const auto applied = fd::sim::applyProfile(profile, cluster, options);
            if (!applied)
                m_error = applied.error();
        });
    }

    bool ok() const { return m_started && m_error.isEmpty(); }
    QString error() const { return m_error; }
    SimTestCluster &cluster() { return m_cluster; }
    HttpResult get(const QString &path) { return m_cluster.get(path); }

private:
    SimTestCluster m_cluster;
    bool m_started = false;
    QString m_error;
};

const QStringList kControlPlane{u"buildermgr"_s, u"executor"_s, u"kubewatcher"_s, u"mqtrigger-keda"_s,
                                u"router"_s, u"storagesvc"_s, u"timer"_s, u"webhook"_s};

} // namespace

class TestFissionInstallProfiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownProfiles()
    {
        QCOMPARE(fd::sim::availableProfiles(), (QStringList{u"empty"_s, u"demo"_s, u"demo-modern"_s, u"fleet"_s}));
        QVERIFY(!fd::sim::isKnownProfile(u"demo-legacy"_s));
        for (const QString &profile : fd::sim::availableProfiles())
            QVERIFY(!fd::sim::profileSummary(profile).isEmpty());
    }

    void demo()
    {
        ProfileCluster demo(u"demo"_s);
        QVERIFY2(demo.ok(), qPrintable(demo.error()));

        // CRDs as `kubectl create -k` leaves them, established.
        const QJsonArray crds = items(demo.get(u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions?labelSelector=group%3Dfission.io"_s));
        QCOMPARE(crds.size(), 8);
        for (const QJsonValue &crd : crds) {
            bool established = false;
            for (const QJsonValue &condition : crd.toObject().value(u"status"_s).toObject().value(u"conditions"_s).toArray())
                established = established || (condition.toObject().value(u"type"_s) == u"Established"_s
                                              && condition.toObject().value(u"status"_s) == u"True"_s);
            QVERIFY(established);
        }

        // Two revisions: installed with the defaults, upgraded to watch team-a.
        const QJsonArray secrets = items(demo.get(u"/api/v1/namespaces/fission/secrets?labelSelector=owner%3Dhelm"_s));
        QCOMPARE(names(secrets), (QStringList{u"sh.helm.release.v1.fission.v1"_s, u"sh.helm.release.v1.fission.v2"_s}));
        for (const QJsonValue &value : secrets) {
            const QJsonObject secret = value.toObject();
            const QJsonObject labels = secret.value(u"metadata"_s).toObject().value(u"labels"_s).toObject();
            const QJsonObject release = decodeReleaseSecretData(secret.value(u"data"_s).toObject().value(u"release"_s).toString());
            QCOMPARE(secret.value(u"type"_s).toString(), u"helm.sh/release.v1"_s);
            QCOMPARE(labels.value(u"name"_s).toString(), u"fission"_s);
            QCOMPARE(release.value(u"chart"_s).toObject().value(u"metadata"_s).toObject().value(u"version"_s).toString(), u"v1.20.5"_s);
            if (labels.value(u"version"_s) == u"1"_s) {
                QCOMPARE(labels.value(u"status"_s).toString(), u"superseded"_s);
                QCOMPARE(release.value(u"info"_s).toObject().value(u"status"_s).toString(), u"superseded"_s);
                QVERIFY(!release.contains(u"config"_s));
                QVERIFY(release.value(u"manifest"_s).toString().contains(u"value: default\n"_s));
            } else {
                QCOMPARE(labels.value(u"status"_s).toString(), u"deployed"_s);
                QCOMPARE(release.value(u"info"_s).toObject().value(u"status"_s).toString(), u"deployed"_s);
                QCOMPARE(release.value(u"config"_s).toObject(),
                         (QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s}}}));
                QCOMPARE(release.value(u"version"_s).toInt(), 2);
                QVERIFY(release.value(u"manifest"_s).toString().contains(u"value: default,team-a"_s));
            }
        }

        // The chart's objects, owned by the release, as Helm 4 applies them.
        const QJsonArray deployments = items(demo.get(u"/apis/apps/v1/namespaces/fission/deployments"_s));
        QCOMPARE(names(deployments), [] { QStringList sorted = kControlPlane; sorted.sort(); return sorted; }());
        for (const QJsonValue &value : deployments) {
            const QJsonObject deployment = value.toObject();
            const QJsonObject meta = deployment.value(u"metadata"_s).toObject();
            QCOMPARE(meta.value(u"labels"_s).toObject().value(u"chart"_s).toString(), u"fission-all-v1.20.5"_s);
            QCOMPARE(meta.value(u"labels"_s).toObject().value(u"app.kubernetes.io/managed-by"_s).toString(), u"Helm"_s);
            QCOMPARE(meta.value(u"annotations"_s).toObject().value(u"meta.helm.sh/release-name"_s).toString(), u"fission"_s);
            const QJsonObject managed = meta.value(u"managedFields"_s).toArray().at(0).toObject();
            QCOMPARE(managed.value(u"manager"_s).toString(), u"helm"_s);
            QCOMPARE(managed.value(u"operation"_s).toString(), u"Apply"_s);
            if (meta.value(u"name"_s) != u"webhook"_s)
                QCOMPARE(envOf(deployment, u"FISSION_RESOURCE_NAMESPACES"_s), u"default,team-a"_s);
        }
        const QJsonObject router = demo.get(u"/apis/apps/v1/namespaces/fission/deployments/router"_s).json();
        QCOMPARE(router.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"application"_s).toString(),
                 u"fission-router"_s);
        QCOMPARE(demo.get(u"/api/v1/namespaces/fission/services/router"_s).status, 200);
        QCOMPARE(demo.get(u"/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/rolebindings/fission-executor-fission-cr"_s).status, 200);
        QCOMPARE(demo.get(u"/apis/rbac.authorization.k8s.io/v1/namespaces/test/rolebindings/fission-executor-fission-cr"_s).status, 404);
        // The upgrade's pre-upgrade hook objects stay (before-hook-creation); its Jobs are gone.
        QCOMPARE(demo.get(u"/api/v1/namespaces/fission/serviceaccounts/fission-preupgrade"_s).status, 200);
        QCOMPARE(items(demo.get(u"/apis/batch/v1/namespaces/fission/jobs"_s)).size(), 0);

        // Tenants' content.
        QCOMPARE(names(items(demo.get(u"/apis/fission.io/v1/namespaces/default/functions"_s))),
                 (QStringList{u"hello"_s, u"nightly-report"_s, u"thumbnail"_s}));
        QCOMPARE(names(items(demo.get(u"/apis/fission.io/v1/namespaces/team-a/functions"_s))),
                 (QStringList{u"inventory"_s, u"notify"_s, u"orders"_s}));
        QCOMPARE(names(items(demo.get(u"/apis/fission.io/v1/namespaces/test/functions"_s))), QStringList{u"hello"_s});
        QCOMPARE(names(items(demo.get(u"/apis/fission.io/v1/namespaces/team-a/environments"_s))), (QStringList{u"go"_s, u"nodejs"_s}));
        QCOMPARE(items(demo.get(u"/apis/fission.io/v1/packages"_s)).size(), 7);
        QCOMPARE(items(demo.get(u"/apis/fission.io/v1/httptriggers"_s)).size(), 5);
        QCOMPARE(names(items(demo.get(u"/apis/fission.io/v1/timetriggers"_s))), QStringList{u"nightly-report-schedule"_s});
        const QJsonObject thumbnail = demo.get(u"/apis/fission.io/v1/namespaces/default/functions/thumbnail"_s).json();
        QCOMPARE(thumbnail.value(u"spec"_s).toObject().value(u"InvokeStrategy"_s).toObject().value(u"ExecutionStrategy"_s).toObject()
                     .value(u"ExecutorType"_s).toString(),
                 u"newdeploy"_s);
        const QJsonObject goEnv = demo.get(u"/apis/fission.io/v1/namespaces/team-a/environments/go"_s).json();
        QCOMPARE(goEnv.value(u"spec"_s).toObject().value(u"builder"_s).toObject().value(u"image"_s).toString(),
                 u"ghcr.io/fission/go-builder-1.23"_s);
        // The failing build, by the simulator's convention.
        const QJsonObject broken = demo.get(u"/apis/fission.io/v1/namespaces/team-a/packages/inventory-pkg"_s).json();
        const QByteArray source = QByteArray::fromBase64(
            broken.value(u"spec"_s).toObject().value(u"source"_s).toObject().value(u"literal"_s).toString().toLatin1());
        QVERIFY(source.startsWith("PK\x03\x04"));
        QVERIFY(source.contains("fd-sim: build fails"));
        // The function's package reference carries the package's version at creation.
        const QJsonObject inventory = demo.get(u"/apis/fission.io/v1/namespaces/team-a/functions/inventory"_s).json();
        QVERIFY(!inventory.value(u"spec"_s).toObject().value(u"package"_s).toObject().value(u"packageref"_s).toObject()
                     .value(u"resourceversion"_s).toString().isEmpty());
        // test: applied with kubectl, so nothing but Fission's webhook ever set a status.
        const QJsonObject testPackage = demo.get(u"/apis/fission.io/v1/namespaces/test/packages/hello-pkg"_s).json();
        QVERIFY(testPackage.value(u"status"_s).toObject().value(u"lastUpdateTimestamp"_s).toString().isEmpty());

        // The control plane comes up: every Deployment gets its Ready pod.
        for (const QString &component : kControlPlane) {
            QTRY_VERIFY_WITH_TIMEOUT(demo.get(u"/apis/apps/v1/namespaces/fission/deployments/"_s + component).json()
                                             .value(u"status"_s).toObject().value(u"readyReplicas"_s).toInt() == 1,
                                     30000);
        }
    }

    void demoModern()
    {
        ProfileCluster modern(u"demo-modern"_s);
        QVERIFY2(modern.ok(), qPrintable(modern.error()));
        const QJsonArray crds = items(modern.get(u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions"_s));
        QStringList fission;
        for (const QJsonValue &crd : crds) {
            const QString name = crd.toObject().value(u"metadata"_s).toObject().value(u"name"_s).toString();
            if (name.endsWith(u".fission.io"_s))
                fission << name;
        }
        QCOMPARE(fission.size(), 13);
        QVERIFY(fission.contains(u"fissiontenants.fission.io"_s));

        const QJsonArray tenants = items(modern.get(u"/apis/fission.io/v1/fissiontenants"_s));
        QCOMPARE(names(tenants), (QStringList{u"default"_s, u"team-a"_s, u"team-b"_s, u"team-ghost"_s}));
        for (const QJsonValue &value : tenants) {
            const QJsonObject tenant = value.toObject();
            const QString name = tenant.value(u"metadata"_s).toObject().value(u"name"_s).toString();
            QCOMPARE(tenant.value(u"spec"_s).toObject().value(u"namespace"_s).toString(), name);
            QCOMPARE(tenant.value(u"metadata"_s).toObject().value(u"annotations"_s).toObject().value(u"fission.io/managed-by"_s).toString(),
                     name == "default"_L1 ? u"helm"_s : QString());
        }
        QCOMPARE(modern.get(u"/api/v1/namespaces/team-ghost"_s).status, 404);
        QCOMPARE(modern.get(u"/api/v1/namespaces/team-c"_s).json().value(u"metadata"_s).toObject().value(u"labels"_s).toObject()
                     .value(u"fission.io/enabled"_s).toString(),
                 u"true"_s);

        const QJsonObject controller = modern.get(u"/apis/apps/v1/namespaces/fission/deployments/tenantcontroller"_s).json();
        QCOMPARE(controller.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"svc"_s).toString(),
                 u"tenantcontroller"_s);
        QCOMPARE(envOf(controller, u"FISSION_TENANCY_MODE"_s), u"dynamic"_s);
        QCOMPARE(controller.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"chart"_s).toString(),
                 u"fission-all-1.27.0"_s);
        const QJsonArray secrets = items(modern.get(u"/api/v1/namespaces/fission/secrets?labelSelector=owner%3Dhelm%2Cstatus%3Ddeployed"_s));
        QCOMPARE(secrets.size(), 1);
        const QJsonObject release = decodeReleaseSecretData(secrets.at(0).toObject().value(u"data"_s).toObject().value(u"release"_s).toString());
        QCOMPARE(release.value(u"chart"_s).toObject().value(u"metadata"_s).toObject().value(u"version"_s).toString(), u"1.27.0"_s);
        QCOMPARE(release.value(u"config"_s).toObject().value(u"tenancy"_s).toObject().value(u"mode"_s).toString(), u"dynamic"_s);

        QCOMPARE(names(items(modern.get(u"/apis/fission.io/v1/namespaces/team-b/functions"_s))), (QStringList{u"ledger"_s, u"payments"_s}));
        QCOMPARE(names(items(modern.get(u"/apis/fission.io/v1/namespaces/team-c/functions"_s))), QStringList{u"greeter"_s});
    }

    void fleetOptions()
    {
        using fd::sim::fissioninstall::FleetOptions;
        const auto defaults = FleetOptions::parse({});
        QVERIFY(defaults);
        QCOMPARE(defaults->describe(),
                 u"tenants=500,environments=2000,packages=10000,functions=10000,pods=20000,triggers=5000,churn=0,controlplane=0"_s);
        const auto custom = FleetOptions::parse(u"tenants=5, pods=7,churn=50"_s);
        QVERIFY(custom);
        QCOMPARE(custom->tenants, 5);
        QCOMPARE(custom->pods, 7);
        QCOMPARE(custom->churn, 50);
        QVERIFY(!FleetOptions::parse(u"tenant=5"_s));
        QVERIFY(!FleetOptions::parse(u"pods=many"_s));
        QVERIFY(!FleetOptions::parse(u"tenants=0"_s));
    }

    void fleetIsWrittenAndLeftAlone()
    {
        ProfileCluster fleet(u"fleet"_s, u"tenants=4,environments=8,packages=20,functions=20,pods=40,triggers=10"_s);
        QVERIFY2(fleet.ok(), qPrintable(fleet.error()));
        QCOMPARE(items(fleet.get(u"/apis/fission.io/v1/environments"_s)).size(), 8);
        QCOMPARE(items(fleet.get(u"/apis/fission.io/v1/packages"_s)).size(), 20);
        QCOMPARE(items(fleet.get(u"/apis/fission.io/v1/functions"_s)).size(), 20);
        QCOMPARE(items(fleet.get(u"/apis/fission.io/v1/httptriggers"_s)).size(), 10);
        QCOMPARE(fleet.get(u"/api/v1/namespaces/tenant-4"_s).status, 200);
        QCOMPARE(fleet.get(u"/api/v1/namespaces/tenant-4/serviceaccounts/fission-fetcher"_s).status, 200);
        const QJsonObject executor = fleet.get(u"/apis/apps/v1/namespaces/fission/deployments/executor"_s).json();
        QCOMPARE(envOf(executor, u"FISSION_RESOURCE_NAMESPACES"_s), u"default,tenant-1,tenant-2,tenant-3,tenant-4"_s);
        QCOMPARE(executor.value(u"spec"_s).toObject().value(u"replicas"_s).toInt(-1), 0);

        const auto podsOutsideFission = [&fleet] {
            QMap<QString, QString> versions;
            for (const QJsonValue &value : items(fleet.get(u"/api/v1/pods"_s))) {
                const QJsonObject meta = value.toObject().value(u"metadata"_s).toObject();
                if (meta.value(u"namespace"_s).toString().startsWith(u"tenant-"_s))
                    versions.insert(meta.value(u"namespace"_s).toString() + u"/"_s + meta.value(u"name"_s).toString(),
                                    meta.value(u"resourceVersion"_s).toString());
            }
            return versions;
        };
        const QMap<QString, QString> before = podsOutsideFission();
        QCOMPARE(before.size(), 40);
        for (const QJsonValue &value : items(fleet.get(u"/api/v1/namespaces/tenant-1/pods"_s))) {
            const QJsonObject pod = value.toObject();
            QCOMPARE(pod.value(u"status"_s).toObject().value(u"phase"_s).toString(), u"Running"_s);
            QVERIFY(pod.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().contains(u"environmentName"_s));
            QVERIFY(!pod.value(u"metadata"_s).toObject().contains(u"ownerReferences"_s));
        }

        // A pod of our own, started by the kubelet after it went through the fleet's pods.
        QJsonObject probe{{u"apiVersion"_s, u"v1"_s},
                          {u"kind"_s, u"Pod"_s},
                          {u"metadata"_s, QJsonObject{{u"name"_s, u"probe"_s}}},
                          {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"main"_s}, {u"image"_s, u"busybox"_s}}}}}}};
        QCOMPARE(fleet.cluster().post(u"/api/v1/namespaces/default/pods"_s, probe).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(fleet.get(u"/api/v1/namespaces/default/pods/probe"_s).json().value(u"status"_s).toObject()
                                      .value(u"phase"_s).toString(),
                                  u"Running"_s, 30000);
        // The kubelet took the fleet's pods over as they were: nothing rewritten, restarted or added.
        QCOMPARE(podsOutsideFission(), before);
        const QJsonArray events = items(fleet.get(u"/api/v1/namespaces/tenant-1/events"_s));
        QCOMPARE(events.size(), 0);
        QCOMPARE(items(fleet.get(u"/api/v1/namespaces/fission/pods"_s)).size(), 0);

        // And a fleet pod can still be deleted: the kubelet finishes the graceful deletion.
        const QString victim = before.firstKey();
        QCOMPARE(fleet.cluster().request("DELETE", u"/api/v1/namespaces/"_s + victim.section(QLatin1Char('/'), 0, 0) + u"/pods/"_s
                                                       + victim.section(QLatin1Char('/'), 1))
                     .status / 100,
                 2);
        QTRY_COMPARE_WITH_TIMEOUT(fleet.get(u"/api/v1/namespaces/"_s + victim.section(QLatin1Char('/'), 0, 0) + u"/pods/"_s
                                            + victim.section(QLatin1Char('/'), 1))
                                      .status,
                                  404, 30000);
    }

    void fleetChurns()
    {
        ProfileCluster fleet(u"fleet"_s, u"tenants=2,environments=2,packages=4,functions=4,pods=6,triggers=0,churn=40"_s);
        QVERIFY2(fleet.ok(), qPrintable(fleet.error()));
        const auto churned = [&fleet] {
            int count = 0;
            for (const QJsonValue &value : items(fleet.get(u"/api/v1/pods"_s))) {
                if (value.toObject().value(u"metadata"_s).toObject().value(u"annotations"_s).toObject().contains(u"fission-desk.sim/churn"_s))
                    ++count;
            }
            return count;
        };
        QTRY_VERIFY_WITH_TIMEOUT(churned() >= 3, 20000);
    }
};

QTEST_GUILESS_MAIN(TestFissionInstallProfiles)
#include "tst_profiles.moc"
