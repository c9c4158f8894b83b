// Helm release storage, server side: the Secret Helm v4's Secrets driver would keep.
#include "ReleaseDecoding.h"
#include "TestSupport.h"

#include "sim/fissioninstall/ChartValues.h"
#include "sim/fissioninstall/HelmReleaseRecord.h"

#include <QJsonArray>
#include <QTest>

using namespace fd::sim::fissioninstall;
using namespace Qt::StringLiterals;

namespace {

HelmReleaseRevision sampleRevision()
{
    HelmReleaseRevision revision;
    revision.name = u"fission"_s;
    revision.namespaceName = u"fission"_s;
    revision.version = 2;
    revision.status = u"deployed"_s;
    revision.description = u"Upgrade complete"_s;
    revision.firstDeployed = QDateTime(QDate(2026, 1, 5), QTime(10, 0, 0, 250), Qt::UTC);
    revision.lastDeployed = QDateTime(QDate(2026, 1, 6), QTime(9, 30), Qt::UTC);
    revision.chart = chartIdentity(FissionFlavor::V1_20);
    revision.chartValues = chartDefaultValues(FissionFlavor::V1_20);
    revision.config = {{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s}}};
    const auto values = FissionChartValues::fromEffectiveValues(coalesceValues(revision.chartValues, revision.config),
                                                                u"fission"_s, u"fission"_s);
    revision.rendered = renderFissionChart(FissionFlavor::V1_20, values);
    revision.hookEventsRun = {u"pre-upgrade"_s, u"post-upgrade"_s};
    return revision;
}

} // namespace

class TestFissionInstallRelease : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void secretShape()
    {
        const HelmReleaseRevision revision = sampleRevision();
        const QDateTime modified = revision.lastDeployed.addSecs(20);
        const QJsonObject secret = releaseSecret(revision, modified);
        QCOMPARE(secret.value(u"type"_s).toString(), u"helm.sh/release.v1"_s);
        const QJsonObject meta = secret.value(u"metadata"_s).toObject();
        QCOMPARE(meta.value(u"name"_s).toString(), u"sh.helm.release.v1.fission.v2"_s);
        QCOMPARE(meta.value(u"namespace"_s).toString(), u"fission"_s);
        // After Helm's final Update the labels carry modifiedAt (createdAt is set only on Create).
        QCOMPARE(meta.value(u"labels"_s).toObject(),
                 (QJsonObject{{u"name"_s, u"fission"_s},
                              {u"owner"_s, u"helm"_s},
                              {u"status"_s, u"deployed"_s},
                              {u"version"_s, u"2"_s},
                              {u"modifiedAt"_s, QString::number(modified.toSecsSinceEpoch())}}));
    }

    void releaseDecodes()
    {
        const HelmReleaseRevision revision = sampleRevision();
        const QJsonObject secret = releaseSecret(revision, revision.lastDeployed);
        bool gzipped = false;
        const QJsonObject release = fd::test::decodeReleaseSecretData(
            secret.value(u"data"_s).toObject().value(u"release"_s).toString(), &gzipped);
        QVERIFY(gzipped);
        QCOMPARE(release.value(u"name"_s).toString(), u"fission"_s);
        QCOMPARE(release.value(u"namespace"_s).toString(), u"fission"_s);
        QCOMPARE(release.value(u"version"_s).toInt(), 2);
        QCOMPARE(release.value(u"apply_method"_s).toString(), u"ssa"_s);
        const QJsonObject info = release.value(u"info"_s).toObject();
        QCOMPARE(info.value(u"status"_s).toString(), u"deployed"_s);
        QCOMPARE(info.value(u"description"_s).toString(), u"Upgrade complete"_s);
        QCOMPARE(info.value(u"first_deployed"_s).toString(), u"2026-01-05T10:00:00.25Z"_s);
        QCOMPARE(info.value(u"last_deployed"_s).toString(), u"2026-01-06T09:30:00Z"_s);
        QVERIFY(!info.contains(u"deleted"_s));
        const QJsonObject metadata = release.value(u"chart"_s).toObject().value(u"metadata"_s).toObject();
        QCOMPARE(metadata.value(u"name"_s).toString(), u"fission-all"_s);
        QCOMPARE(metadata.value(u"version"_s).toString(), u"v1.20.5"_s);
        QCOMPARE(metadata.value(u"appVersion"_s).toString(), u"v1.20.5"_s);
        QCOMPARE(release.value(u"chart"_s).toObject().value(u"values"_s).toObject(), chartDefaultValues(FissionFlavor::V1_20));
        QCOMPARE(release.value(u"config"_s).toObject(), revision.config);
        QCOMPARE(release.value(u"manifest"_s).toString(), manifestText(revision.rendered.manifests));
        QVERIFY(release.value(u"manifest"_s).toString().contains(u"value: default,team-a"_s));

        // Hooks: the pre-upgrade ones ran for this revision, the post-install one did not.
        const QJsonArray hooks = release.value(u"hooks"_s).toArray();
        QCOMPARE(hooks.size(), revision.rendered.hooks.size());
        bool sawPreUpgrade = false;
        bool sawPostInstall = false;
        for (const QJsonValue &value : hooks) {
            const QJsonObject hook = value.toObject();
            const QJsonArray events = hook.value(u"events"_s).toArray();
            const QJsonObject lastRun = hook.value(u"last_run"_s).toObject();
            if (events.contains(u"pre-upgrade"_s)) {
                sawPreUpgrade = true;
                QCOMPARE(lastRun.value(u"phase"_s).toString(), u"Succeeded"_s);
                QVERIFY(!lastRun.value(u"started_at"_s).toString().isEmpty());
            }
            if (events == QJsonArray{u"post-install"_s}) {
                sawPostInstall = true;
                QCOMPARE(lastRun, (QJsonObject{{u"phase"_s, QString()}}));
            }
            QVERIFY(hook.value(u"path"_s).toString().startsWith(u"fission-all/templates/"_s));
            QVERIFY(!hook.value(u"manifest"_s).toString().isEmpty());
        }
        QVERIFY(sawPreUpgrade);
        QVERIFY(sawPostInstall);
    }

    void emptyConfigIsOmitted()
    {
        HelmReleaseRevision revision = sampleRevision();
        revision.config = {};
        QVERIFY(!releaseJson(revision).contains(u"config"_s));
    }

    void goTimestamps()
    {
        QCOMPARE(goTimestamp(QDateTime(QDate(2026, 3, 1), QTime(0, 0, 0, 123), Qt::UTC)), u"2026-03-01T00:00:00.123Z"_s);
        QCOMPARE(goTimestamp(QDateTime(QDate(2026, 3, 1), QTime(23, 59, 59, 0), Qt::UTC)), u"2026-03-01T23:59:59Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestFissionInstallRelease)
#include "tst_release.moc"
