// The domain against the emulator's Fission profiles, end to end: every kind is fetched over
// HTTP from an in-process cluster, decoded with the client's decoder, and run through install
// detection, the tenant model and the rules (with Helm releases decoded by src/helm).
//  - demo: the unwatched `test` namespace with its three symptoms and the failed build in
//    team-a, nothing else; after the control plane's env gains `test` (what `helm upgrade` does)
//    and the rollout finishes, the namespace finding resolves and the build failure stays; the
//    live env then differs from the Helm values until the release records the upgrade.
//  - demo-modern: dynamic tenancy, the tenant whose namespace does not exist.
#include "RuleTestUtil.h"
#include "SimTestClient.h"

#include "fission/FissionJson.h"
#include "fission/HelmStorageReader.h"
#include "helm/Gzip.h"
#include "helm/ReleaseDecoder.h"
#include "kube/store/Decode.h"
#include "sim/cluster/SimProfiles.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::fission;
using namespace fd::fission::test;
using fd::test::HttpResult;
using fd::test::SimTestCluster;

namespace {

fd::sim::SimClusterOptions fastOptions()
{
    fd::sim::SimClusterOptions options;
    options.timing = fd::sim::SimTiming::fast();
    options.fission = fd::sim::FissionTiming::fast();
    return options;
}

QString listPath(const KindInfo &k)
{
    return k.gr.group.isEmpty() ? u"/api/v1/"_s + k.gr.resource
                                : u"/apis/%1/%2/%3"_s.arg(k.gr.group, k.version, k.gr.resource);
}

// One cluster with a profile, and the domain model over what its API serves.
class ProfileRun
{
public:
    explicit ProfileRun(const QString &profile) : m_cluster(fastOptions())
    {
        QString error;
        if (!m_cluster.start(&error)) {
            m_error = error;
            return;
        }
        m_cluster.host().run([&](fd::sim::SimCluster &cluster) {
            const auto applied = fd::sim::applyProfile(profile, cluster);
            if (!applied)
                m_error = applied.error();
        });
        m_model = std::make_unique<FissionModel>(m_state);
        m_model->setHelmReader(&m_helm);
    }

    QString error() const { return m_error; }
    SimTestCluster &cluster() { return m_cluster; }
    FissionModel &model() { return *m_model; }

    // Lists every kind the domain reads, as an informer set would hold it, and evaluates.
    FindingsDiff poll()
    {
        for (const KindInfo &k : kinds::all()) {
            const HttpResult r = m_cluster.get(listPath(k));
            if (r.status == 200) {
                auto list = fd::kube::decodeList(r.body);
                if (list) {
                    m_state.setObjects(k.gr, list->items);
                    m_state.setCoverage(k.gr, KindCoverage{KindCoverage::State::Complete, {}, {}});
                    continue;
                }
            }
            if (r.status == 404)
                m_state.setNotServed(k.gr);
            else
                m_state.setForbidden(k.gr, QString::number(r.status));
        }
        const FindingsDiff diff = m_model->refresh(QDateTime::currentDateTimeUtc()).findings;
        for (const Finding &f : diff.resolved)
            m_resolved.insert(f.id());
        for (const Finding &f : diff.added)
            m_added.insert(f.id());
        return diff;
    }

    // The findings at warning or error level, by id, after a fresh poll.
    QStringList problems()
    {
        poll();
        QStringList ids;
        for (const Finding &f : m_model->findings()) {
            if (f.severity != Severity::Info)
                ids.append(f.id());
        }
        ids.sort();
        return ids;
    }

    // Polls until the problems equal `expected` or `timeoutMs` passed (wall clock: one poll
    // lists every kind, which QTRY_*'s iteration counting does not account for).
    QStringList waitForProblems(const QStringList &expected, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        QStringList last;
        while (true) {
            last = problems();
            if (last == expected)
                return last;
            if (timer.elapsed() > timeoutMs) {
                qWarning().noquote() << "after" << timer.elapsed() << "ms:\n" << describe(m_model->findings());
                return last;
            }
            QTest::qWait(250);
        }
    }

    const QSet<QString> &everResolved() const { return m_resolved; }
    const QSet<QString> &everAdded() const { return m_added; }

private:
    SimTestCluster m_cluster;
    QString m_error;
    MemoryClusterState m_state;
    StoredHelmReleaseReader m_helm;
    std::unique_ptr<FissionModel> m_model;
    QSet<QString> m_resolved;
    QSet<QString> m_added;
};

QJsonArray items(const HttpResult &r)
{
    return r.json().value(u"items"_s).toArray();
}

// Sets FISSION_RESOURCE_NAMESPACES on every control-plane Deployment that has it, as the
// chart renders it after `helm upgrade --set additionalFissionNamespaces={…}`.
bool setWatchedNamespaces(SimTestCluster &cluster, const QString &value, QString *error)
{
    const HttpResult list = cluster.get(u"/apis/apps/v1/namespaces/fission/deployments"_s);
    if (list.status != 200) {
        *error = u"list deployments: %1"_s.arg(list.status);
        return false;
    }
    for (const QJsonValue v : items(list)) {
        QJsonObject d = v.toObject();
        QJsonObject spec = d.value(u"spec"_s).toObject();
        QJsonObject tmpl = spec.value(u"template"_s).toObject();
        QJsonObject podSpec = tmpl.value(u"spec"_s).toObject();
        QJsonArray containers = podSpec.value(u"containers"_s).toArray();
        bool changed = false;
        for (qsizetype i = 0; i < containers.size(); ++i) {
            QJsonObject c = containers.at(i).toObject();
            QJsonArray env = c.value(u"env"_s).toArray();
            for (qsizetype j = 0; j < env.size(); ++j) {
                QJsonObject e = env.at(j).toObject();
                if (e.value(u"name"_s).toString() == u"FISSION_RESOURCE_NAMESPACES") {
                    e.insert(u"value"_s, value);
                    env.replace(j, e);
                    changed = true;
                }
            }
            c.insert(u"env"_s, env);
            containers.replace(i, c);
        }
        if (!changed)
            continue;
        podSpec.insert(u"containers"_s, containers);
        tmpl.insert(u"spec"_s, podSpec);
        spec.insert(u"template"_s, tmpl);
        d.insert(u"spec"_s, spec);
        d.remove(u"status"_s);
        const QString name = d.value(u"metadata"_s).toObject().value(u"name"_s).toString();
        const HttpResult put = cluster.request("PUT", u"/apis/apps/v1/namespaces/fission/deployments/"_s + name,
                                               QJsonDocument(d).toJson(QJsonDocument::Compact));
        if (put.status != 200) {
            *error = u"PUT %1: %2 %3"_s.arg(name).arg(put.status).arg(QString::fromUtf8(put.body));
            return false;
        }
    }
    return true;
}

QJsonObject releaseJson(const QJsonObject &secret)
{
    const QByteArray helmText = QByteArray::fromBase64(secret.value(u"data"_s).toObject().value(u"release"_s).toString().toLatin1());
    const auto json = fd::helm::gzip::gunzip(QByteArray::fromBase64(helmText), 64 * 1024 * 1024);
    return json ? QJsonDocument::fromJson(json.value()).object() : QJsonObject();
}

QJsonObject withRelease(QJsonObject secret, const QJsonObject &release, const QString &status)
{
    const QByteArray helmText = fd::helm::encodeReleaseForStorage(QJsonDocument(release).toJson(QJsonDocument::Compact));
    QJsonObject data = secret.value(u"data"_s).toObject();
    data.insert(u"release"_s, QString::fromLatin1(helmText.toBase64()));
    secret.insert(u"data"_s, data);
    QJsonObject meta = secret.value(u"metadata"_s).toObject();
    QJsonObject labels = meta.value(u"labels"_s).toObject();
    labels.insert(u"status"_s, status);
    labels.insert(u"version"_s, QString::number(release.value(u"version"_s).toInt()));
    meta.insert(u"labels"_s, labels);
    secret.insert(u"metadata"_s, meta);
    return secret;
}

// Records a new deployed revision with additionalFissionNamespaces = `additional`, the
// previous one superseded: what `helm upgrade` stores (the control plane was changed above).
bool recordUpgrade(SimTestCluster &cluster, const QStringList &additional, QString *error)
{
    const HttpResult list = cluster.get(u"/api/v1/namespaces/fission/secrets?labelSelector=owner%3Dhelm%2Cname%3Dfission%2Cstatus%3Ddeployed"_s);
    if (list.status != 200 || items(list).isEmpty()) {
        *error = u"no deployed release: %1"_s.arg(list.status);
        return false;
    }
    QJsonObject current = items(list).first().toObject();
    QJsonObject release = releaseJson(current);
    if (release.isEmpty()) {
        *error = u"release does not decode"_s;
        return false;
    }
    const int revision = release.value(u"version"_s).toInt();

    QJsonObject old = release;
    QJsonObject oldInfo = old.value(u"info"_s).toObject();
    oldInfo.insert(u"status"_s, u"superseded"_s);
    old.insert(u"info"_s, oldInfo);
    const QString oldName = current.value(u"metadata"_s).toObject().value(u"name"_s).toString();
    const HttpResult put = cluster.request("PUT", u"/api/v1/namespaces/fission/secrets/"_s + oldName,
                                           QJsonDocument(withRelease(current, old, u"superseded"_s)).toJson(QJsonDocument::Compact));
    if (put.status != 200) {
        *error = u"PUT old release: %1"_s.arg(put.status);
        return false;
    }

    QJsonObject next = release;
    next.insert(u"version"_s, revision + 1);
    QJsonObject config = next.value(u"config"_s).toObject();
    config.insert(u"additionalFissionNamespaces"_s, QJsonArray::fromStringList(additional));
    next.insert(u"config"_s, config);
    QJsonObject info = next.value(u"info"_s).toObject();
    info.insert(u"status"_s, u"deployed"_s);
    info.insert(u"description"_s, u"Upgrade complete"_s);
    info.insert(u"last_deployed"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    next.insert(u"info"_s, info);
    QJsonObject secret = current;
    QJsonObject meta{{u"name"_s, u"sh.helm.release.v1.fission.v%1"_s.arg(revision + 1)},
                     {u"namespace"_s, u"fission"_s},
                     {u"labels"_s, current.value(u"metadata"_s).toObject().value(u"labels"_s)}};
    secret.insert(u"metadata"_s, meta);
    const HttpResult post = cluster.request("POST", u"/api/v1/namespaces/fission/secrets"_s,
                                            QJsonDocument(withRelease(secret, next, u"deployed"_s)).toJson(QJsonDocument::Compact));
    if (post.status != 201) {
        *error = u"POST new release: %1 %2"_s.arg(post.status).arg(QString::fromUtf8(post.body));
        return false;
    }
    return true;
}

QString packageStatus(SimTestCluster &cluster, const QString &ns, const QString &name)
{
    const HttpResult r = cluster.get(u"/apis/fission.io/v1/namespaces/%1/packages/%2"_s.arg(ns, name));
    return r.json().value(u"status"_s).toObject().value(u"buildstatus"_s).toString();
}

// The demo means team-a's inventory package to fail to compile. If this emulator built it
// anyway, make it fail the Fission way: a build command that fails, and a rebuild (status back
// to pending; 1.20's Package has no /status subresource).
bool ensureFailedBuild(SimTestCluster &cluster, const QString &ns, const QString &name, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    QString status;
    while ((status = packageStatus(cluster, ns, name)) != u"succeeded" && status != u"failed") {
        if (timer.elapsed() > 60000) {
            *error = u"package %1/%2 never finished building (%3)"_s.arg(ns, name, status);
            return false;
        }
        QTest::qWait(250);
    }
    if (status == u"failed")
        return true;
    const QString path = u"/apis/fission.io/v1/namespaces/%1/packages/%2"_s.arg(ns, name);
    QJsonObject pkg = cluster.get(path).json();
    QJsonObject spec = pkg.value(u"spec"_s).toObject();
    spec.insert(u"buildcmd"_s, u"false"_s);
    pkg.insert(u"spec"_s, spec);
    QJsonObject st = pkg.value(u"status"_s).toObject();
    st.insert(u"buildstatus"_s, u"pending"_s);
    pkg.insert(u"status"_s, st);
    const HttpResult put = cluster.request("PUT", path, QJsonDocument(pkg).toJson(QJsonDocument::Compact));
    if (put.status != 200) {
        *error = u"PUT %1: %2"_s.arg(path).arg(put.status);
        return false;
    }
    return true;
}

const QString kNotWatched = u"namespace-not-watched:Namespace/test"_s;
const QString kBuildFailed = u"package-build-failed:fission.io/Package/team-a/inventory-pkg"_s;

} // namespace

class TestSimProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoClassicCaseThenUpgrade()
    {
        ProfileRun run(u"demo"_s);
        QVERIFY2(run.error().isEmpty(), qPrintable(run.error()));

        // The control plane comes up, team-a's builds finish (one fails), `test` stays untouched.
        QString error;
        QVERIFY2(ensureFailedBuild(run.cluster(), u"team-a"_s, u"inventory-pkg"_s, &error), qPrintable(error));
        QCOMPARE(run.waitForProblems((QStringList{kNotWatched, kBuildFailed}), 60000), (QStringList{kNotWatched, kBuildFailed}));
        const QList<Finding> findings = run.model().findings();
        QVERIFY2(findings.size() == 2, qPrintable(describe(findings)));

        const InstallReport &install = run.model().install();
        QCOMPARE(install.state, InstallReport::State::Single);
        QCOMPARE(install.primary()->releaseNamespace, u"fission"_s);
        QCOMPARE(install.primary()->version(), u"1.20.5"_s);
        QCOMPARE(install.primary()->world, TenancyWorld::Legacy);
        QVERIFY(install.primary()->helm);
        QVERIFY2(install.primary()->helm->decodeError.isEmpty(), qPrintable(install.primary()->helm->decodeError));
        QCOMPARE(install.primary()->helm->deployedRevision, 2);
        QCOMPARE(install.primary()->helm->deployedFacts->watchedNamespaces(), (QStringList{u"default"_s, u"team-a"_s}));
        QCOMPARE(run.model().tenants().tenant(u"test"_s)->state, Tenant::State::NotWatched);
        QCOMPARE(run.model().tenants().tenant(u"team-a"_s)->state, Tenant::State::Served);

        // The three symptoms, tied to the objects in `test`.
        const auto notWatched = findFinding(findings, u"namespace-not-watched"_s);
        QVERIFY(notWatched);
        const QStringList symptoms = symptomIds(*notWatched);
        QVERIFY2(symptoms.contains(u"router-404"_s), qPrintable(symptoms.join(u',')));
        QVERIFY(symptoms.contains(u"build-pending"_s));
        QVERIFY(symptoms.contains(u"no-active-pods"_s));
        QCOMPARE(fixOf<OnboardAction>(*notWatched)->method, OnboardAction::Method::HelmUpgrade);
        const auto failed = findFinding(findings, u"package-build-failed"_s);
        QVERIFY(failed);
        QVERIFY(!failed->evidence.first().fields.isEmpty());

        // What `helm upgrade --set additionalFissionNamespaces={team-a,test}` does to the
        // control plane. Until the release records it, the live env differs from the values.
        QVERIFY2(setWatchedNamespaces(run.cluster(), u"default,team-a,test"_s, &error), qPrintable(error));
        QCOMPARE(run.waitForProblems((QStringList{u"helm-values-drift:HelmRelease/fission/fission"_s, kBuildFailed}), 60000), (QStringList{u"helm-values-drift:HelmRelease/fission/fission"_s, kBuildFailed}));
        QVERIFY(run.everResolved().contains(kNotWatched));
        QVERIFY(!run.everResolved().contains(kBuildFailed));
        QCOMPARE(run.model().tenants().tenant(u"test"_s)->state, Tenant::State::Served);

        QVERIFY2(recordUpgrade(run.cluster(), {u"team-a"_s, u"test"_s}, &error), qPrintable(error));
        QCOMPARE(run.waitForProblems(QStringList{kBuildFailed}, 30000), QStringList{kBuildFailed});
        QCOMPARE(run.model().install().primary()->helm->deployedRevision, 3);
        QVERIFY(!run.everResolved().contains(kBuildFailed));
    }

    void demoModernMissingNamespaceTenant()
    {
        ProfileRun run(u"demo-modern"_s);
        QVERIFY2(run.error().isEmpty(), qPrintable(run.error()));
        // The profile's team-b ledger package is meant to fail its build as well (a Go handler
        // whose build command fails): both problems, and nothing else.
        const QStringList expected{u"package-build-failed:fission.io/Package/team-b/ledger-pkg"_s,
                                   u"tenant-namespace-missing:fission.io/FissionTenant/team-ghost"_s};
        QCOMPARE(run.waitForProblems(expected, 60000), expected);
        const InstallReport &install = run.model().install();
        QCOMPARE(install.primary()->world, TenancyWorld::Dynamic);
        QVERIFY(install.primary()->tenantControllerReady());
        const TenantModel &tenants = run.model().tenants();
        QCOMPARE(tenants.tenant(u"team-ghost"_s)->state, Tenant::State::MissingNamespace);
        QCOMPARE(tenants.tenant(u"team-a"_s)->state, Tenant::State::Served);
        QVERIFY(tenants.tenant(u"team-a"_s)->serving.viaTenant);
        // Beyond those two, informational findings only: nothing else is claimed to be wrong.
        for (const Finding &f : run.model().findings()) {
            if (!expected.contains(f.id()))
                QVERIFY2(f.severity == Severity::Info, qPrintable(describe(run.model().findings())));
        }
        qInfo().noquote() << describe(run.model().findings());
    }
};

QTEST_GUILESS_MAIN(TestSimProfiles)
#include "tst_sim_profiles.moc"
