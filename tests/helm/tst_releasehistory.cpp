// ReleaseHistory: revisions per release, latest/deployed, pending operations and `helm list`.
#include "HelmTestData.h"

#include "helm/Gzip.h"
#include "helm/ReleaseHistory.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace fd::helm;
using namespace fd::helm::test;

namespace {

ReleaseSpec spec(const QString &name, const QString &ns, int version, const QString &status,
                 const QString &lastDeployed = u"2024-05-01T10:00:00Z"_s)
{
    ReleaseSpec s;
    s.name = name;
    s.namespaceName = ns;
    s.version = version;
    s.status = status;
    s.lastDeployed = lastDeployed;
    return s;
}

QList<int> versions(const ReleaseRevisions &release)
{
    QList<int> out;
    for (const Release &revision : release.revisions)
        out.append(revision.version);
    return out;
}

QStringList names(const QList<const Release *> &releases)
{
    QStringList out;
    for (const Release *release : releases)
        out.append(release->namespaceName + u'/' + release->name + u":v"_s + QString::number(release->version));
    return out;
}

} // namespace

class TestReleaseHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupsAndSortsRevisions()
    {
        const QList<fd::kube::KubeObject> objects = {
            releaseSecret(spec(u"fission"_s, u"fission"_s, 3, u"deployed"_s)),
            releaseSecret(spec(u"fission"_s, u"fission"_s, 1, u"superseded"_s)),
            releaseSecret(spec(u"web"_s, u"apps"_s, 1, u"deployed"_s)),
            releaseSecret(spec(u"fission"_s, u"fission"_s, 2, u"superseded"_s)),
            // Same release name in another namespace: another release.
            releaseSecret(spec(u"fission"_s, u"other"_s, 1, u"failed"_s)),
            // Not release records: ignored silently.
            objectFromJson(R"({"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{"name":"x","namespace":"fission"}})"),
        };
        const ReleaseHistory history = ReleaseHistory::fromObjects(objects);
        QCOMPARE(history.releases().size(), 3);
        QVERIFY(history.failures().isEmpty());
        const ReleaseRevisions *fission = history.find(u"fission"_s, u"fission"_s);
        QVERIFY(fission);
        QCOMPARE(versions(*fission), QList<int>({1, 2, 3}));
        QCOMPARE(fission->latest()->version, 3);
        QCOMPARE(fission->deployed()->version, 3);
        QCOMPARE(fission->revision(2)->info.status, ReleaseStatus::Superseded);
        QVERIFY(!fission->revision(9));
        QVERIFY(!fission->hasPendingOperation());
        QVERIFY(!fission->latestFailed());
        QCOMPARE(fission->upgradeBase()->version, 3);
        QVERIFY(history.find(u"other"_s, u"fission"_s)->latestFailed());
        QVERIFY(!history.find(u"apps"_s, u"fission"_s));
    }

    void highestDeployedWinsWhenSeveralAre()
    {
        // A crash between "new deployed" and "old superseded" leaves two deployed revisions.
        const ReleaseHistory history = ReleaseHistory::fromObjects({
            releaseSecret(spec(u"r"_s, u"n"_s, 4, u"deployed"_s)),
            releaseSecret(spec(u"r"_s, u"n"_s, 5, u"deployed"_s)),
            releaseSecret(spec(u"r"_s, u"n"_s, 6, u"failed"_s)),
        });
        const ReleaseRevisions *release = history.find(u"n"_s, u"r"_s);
        QVERIFY(release);
        QCOMPARE(release->deployedCount(), 2);
        QVERIFY(release->hasSeveralDeployed());
        QCOMPARE(release->deployed()->version, 5);
        QCOMPARE(release->latest()->version, 6);
        QVERIFY(release->latestFailed());
        QCOMPARE(release->upgradeBase()->version, 5);
    }

    void upgradeBaseWithoutDeployedIsTheLatest()
    {
        const ReleaseHistory history = ReleaseHistory::fromObjects({
            releaseSecret(spec(u"r"_s, u"n"_s, 1, u"failed"_s)),
        });
        const ReleaseRevisions *release = history.find(u"n"_s, u"r"_s);
        QVERIFY(!release->deployed());
        QCOMPARE(release->upgradeBase()->version, 1);
    }

    void pendingOperation_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("lastDeployed");
        QTest::addColumn<bool>("pending");
        QTest::addColumn<bool>("abandoned");
        QTest::addRow("pending-upgrade, 2 minutes") << u"pending-upgrade"_s << u"2024-05-01T11:58:00Z"_s << true << false;
        QTest::addRow("pending-upgrade, 2 hours") << u"pending-upgrade"_s << u"2024-05-01T10:00:00Z"_s << true << true;
        QTest::addRow("pending-install, unknown age") << u"pending-install"_s << u"0001-01-01T00:00:00Z"_s << true << false;
        QTest::addRow("pending-rollback, 1 day") << u"pending-rollback"_s << u"2024-04-30T12:00:00+00:00"_s << true << true;
        QTest::addRow("deployed") << u"deployed"_s << u"2024-05-01T10:00:00Z"_s << false << false;
    }

    void pendingOperation()
    {
        QFETCH(QString, status);
        QFETCH(QString, lastDeployed);
        QFETCH(bool, pending);
        QFETCH(bool, abandoned);
        const ReleaseHistory history = ReleaseHistory::fromObjects({
            releaseSecret(spec(u"r"_s, u"n"_s, 1, u"deployed"_s)),
            releaseSecret(spec(u"r"_s, u"n"_s, 2, status, lastDeployed)),
        });
        const ReleaseRevisions *release = history.find(u"n"_s, u"r"_s);
        QCOMPARE(release->hasPendingOperation(), pending);
        const QDateTime now(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(release->pendingLooksAbandoned(now, std::chrono::minutes(30)), abandoned);
        // An upgrade is based on the deployed revision, never the pending one.
        QCOMPARE(release->upgradeBase()->info.status, ReleaseStatus::Deployed);
    }

    void undecodableRecordsDoNotHideTheOthers()
    {
        ReleaseSpec broken = spec(u"r"_s, u"n"_s, 2, u"deployed"_s);
        const QList<fd::kube::KubeObject> objects = {
            releaseSecret(spec(u"r"_s, u"n"_s, 1, u"superseded"_s)),
            objectFromJson(secretJson(u"sh.helm.release.v1.r.v2"_s, u"n"_s, releaseLabels(broken), "not gzip, not json")),
        };
        const ReleaseHistory history = ReleaseHistory::fromObjects(objects);
        QCOMPARE(history.failures().size(), 1);
        const UndecodableRecord &failure = history.failures().first();
        QCOMPARE(failure.object, u"n/sh.helm.release.v1.r.v2"_s);
        QCOMPARE(failure.labelName, u"r"_s);
        QCOMPARE(failure.labelVersion, 2);
        QCOMPARE(failure.error.kind, ReleaseDecodeError::Kind::NotGzip);
        const ReleaseRevisions *release = history.find(u"n"_s, u"r"_s);
        QVERIFY(release);
        QCOMPARE(versions(*release), QList<int>{1});
    }

    void duplicateRevisionsKeepTheSecret()
    {
        ReleaseSpec configMapCopy = spec(u"r"_s, u"n"_s, 1, u"failed"_s);
        const ReleaseHistory history = ReleaseHistory::fromObjects({
            releaseConfigMap(configMapCopy),
            releaseSecret(spec(u"r"_s, u"n"_s, 1, u"deployed"_s)),
        });
        const ReleaseRevisions *release = history.find(u"n"_s, u"r"_s);
        QCOMPARE(release->revisions.size(), 1);
        QCOMPARE(release->revisions.first().info.status, ReleaseStatus::Deployed);
        QCOMPARE(release->duplicateRecords, QStringList{u"n/sh.helm.release.v1.r.v1"_s});
    }

    void listSemantics_data()
    {
        QTest::addColumn<int>("semantics");
        QTest::addColumn<QString>("namespaceName");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("helm 4, all namespaces")
            << int(ListSemantics::Helm4) << QString()
            << QStringList{u"a/alpha:v2"_s, u"b/beta:v1"_s, u"a/gamma:v3"_s, u"b/gamma:v1"_s, u"a/omega:v1"_s};
        QTest::addRow("helm 3: deployed and failed only")
            << int(ListSemantics::Helm3) << QString() << QStringList{u"b/beta:v1"_s, u"b/gamma:v1"_s, u"a/omega:v1"_s};
        QTest::addRow("helm 3 --all") << int(ListSemantics::Helm3All) << QString()
                                      << QStringList{u"a/alpha:v2"_s, u"b/beta:v1"_s, u"a/gamma:v3"_s, u"b/gamma:v1"_s,
                                                     u"a/omega:v1"_s};
        QTest::addRow("helm 4, namespace a")
            << int(ListSemantics::Helm4) << u"a"_s << QStringList{u"a/alpha:v2"_s, u"a/gamma:v3"_s, u"a/omega:v1"_s};
    }

    void listSemantics()
    {
        QFETCH(int, semantics);
        QFETCH(QString, namespaceName);
        QFETCH(QStringList, expected);
        const ReleaseHistory history = ReleaseHistory::fromObjects({
            releaseSecret(spec(u"omega"_s, u"a"_s, 1, u"deployed"_s)),
            releaseSecret(spec(u"alpha"_s, u"a"_s, 1, u"deployed"_s)),
            releaseSecret(spec(u"alpha"_s, u"a"_s, 2, u"pending-upgrade"_s)),
            releaseSecret(spec(u"gamma"_s, u"a"_s, 1, u"superseded"_s)),
            releaseSecret(spec(u"gamma"_s, u"a"_s, 2, u"deployed"_s)),
            releaseSecret(spec(u"gamma"_s, u"a"_s, 3, u"uninstalled"_s)),
            releaseSecret(spec(u"beta"_s, u"b"_s, 1, u"failed"_s)),
            releaseSecret(spec(u"gamma"_s, u"b"_s, 1, u"deployed"_s)),
        });
        QCOMPARE(names(history.list(ListSemantics(semantics), namespaceName)), expected);
    }

    void fromReleases()
    {
        Release one;
        one.name = u"r"_s;
        one.namespaceName = u"n"_s;
        one.version = 2;
        one.info.status = ReleaseStatus::Deployed;
        Release two = one;
        two.version = 1;
        two.info.status = ReleaseStatus::Superseded;
        const ReleaseHistory history = ReleaseHistory::fromReleases({one, two});
        QCOMPARE(versions(*history.find(u"n"_s, u"r"_s)), QList<int>({1, 2}));
    }
};

QTEST_GUILESS_MAIN(TestReleaseHistory)
#include "tst_releasehistory.moc"
