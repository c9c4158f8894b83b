#include "ControllerHarness.h"

#include <QTest>

using namespace fd::sim;
using namespace fd::sim::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject configMap(const QString &name, const QJsonArray &ownerRefs = {}, const QStringList &finalizers = {})
{
    QJsonObject metadata{{u"name"_s, name}};
    if (!ownerRefs.isEmpty())
        metadata.insert(u"ownerReferences"_s, ownerRefs);
    if (!finalizers.isEmpty())
        metadata.insert(u"finalizers"_s, QJsonArray::fromStringList(finalizers));
    return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                       {u"kind"_s, u"ConfigMap"_s},
                       {u"metadata"_s, metadata},
                       {u"data"_s, QJsonObject{{u"k"_s, u"v"_s}}}};
}

QJsonObject ownerRef(const QJsonObject &owner, bool block = false)
{
    return QJsonObject{{u"apiVersion"_s, owner.value("apiVersion"_L1)},
                       {u"kind"_s, owner.value("kind"_L1)},
                       {u"name"_s, nameOf(owner)},
                       {u"uid"_s, uidOf(owner)},
                       {u"blockOwnerDeletion"_s, block}};
}

QJsonObject simpleDeployment(const QString &name)
{
    const QJsonObject labels{{u"app"_s, name}};
    const QJsonObject container{{u"name"_s, u"c"_s}, {u"image"_s, u"nginx"_s}};
    const QJsonObject podTemplate{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                  {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{container}}}}};
    const QJsonObject spec{{u"replicas"_s, 2},
                           {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                           {u"template"_s, podTemplate}};
    return QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, name}}}, {u"spec"_s, spec}};
}

class TestNamespaceAndGc : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newNamespaceIsPopulated();
    void deletedRootCaIsRepublished();
    void namespaceDeletionRemovesAllContent();
    void namespaceStaysTerminatingWhileFinalizersRemain();
    void creationInTerminatingNamespaceIsForbidden();
    void backgroundDeletionRemovesDependents();
    void danglingOwnerReferenceIsCollected();
    void dependentWithAnotherLiveOwnerSurvives();
    void foregroundDeletionWaitsForDependents();
    void orphanDeletionKeepsDependents();
};

void TestNamespaceAndGc::newNamespaceIsPopulated()
{
    ControllerHarness cluster;
    QVERIFY(cluster.createNamespace(u"team-a"_s));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.exists("", "ConfigMap", u"team-a"_s, u"kube-root-ca.crt"_s), 5000);
    const QJsonObject ca = cluster.get("", "ConfigMap", u"team-a"_s, u"kube-root-ca.crt"_s);
    QVERIFY(ca.value("data"_L1).toObject().value("ca.crt"_L1).toString().contains("BEGIN CERTIFICATE"_L1));
}

void TestNamespaceAndGc::deletedRootCaIsRepublished()
{
    ControllerHarness cluster;
    QTRY_VERIFY_WITH_TIMEOUT(cluster.exists("", "ConfigMap", u"default"_s, u"kube-root-ca.crt"_s), 5000);
    QVERIFY(cluster.remove("", "ConfigMap", u"default"_s, u"kube-root-ca.crt"_s));
    QVERIFY(cluster.remove("", "ServiceAccount", u"default"_s, u"default"_s));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.exists("", "ConfigMap", u"default"_s, u"kube-root-ca.crt"_s)
                                 && cluster.exists("", "ServiceAccount", u"default"_s, u"default"_s),
                             5000);
}

void TestNamespaceAndGc::namespaceDeletionRemovesAllContent()
{
    ControllerHarness cluster;
    const QString ns = u"doomed"_s;
    QVERIFY(cluster.createNamespace(ns));
    cluster.create("apps", "Deployment", ns, simpleDeployment(u"web"_s));
    cluster.create("", "ConfigMap", ns, configMap(u"settings"_s));
    cluster.create("", "Secret", ns, json(R"({"metadata":{"name":"s"},"stringData":{"a":"b"}})"));
    QTRY_COMPARE_WITH_TIMEOUT(cluster.pods(ns).size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.pods(ns).first()), 5000);

    QVERIFY(cluster.remove("", "Namespace", {}, ns));
    const QJsonObject terminating = cluster.get("", "Namespace", {}, ns);
    QCOMPARE(ctrl::text(statusOf(terminating), "phase"_L1), u"Terminating"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("", "Namespace", {}, ns), 8000);
    for (const QString &storageKey : cluster.store.storageKeys())
        QVERIFY2(cluster.store.list(storageKey, ns).isEmpty(), qPrintable(storageKey));
}

void TestNamespaceAndGc::namespaceStaysTerminatingWhileFinalizersRemain()
{
    ControllerHarness cluster;
    const QString ns = u"stuck"_s;
    QVERIFY(cluster.createNamespace(ns));
    cluster.create("", "ConfigMap", ns, configMap(u"held"_s, {}, {u"example.com/hold"_s}));
    cluster.create("", "ConfigMap", ns, configMap(u"free"_s));
    QVERIFY(cluster.remove("", "Namespace", {}, ns));
    QTRY_COMPARE_WITH_TIMEOUT(conditionField(cluster.get("", "Namespace", {}, ns), u"NamespaceFinalizersRemaining"_s, "status"),
                              u"True"_s, 5000);
    QTest::qWait(100);
    const QJsonObject stuck = cluster.get("", "Namespace", {}, ns);
    QVERIFY(!stuck.isEmpty());
    QCOMPARE(ctrl::text(statusOf(stuck), "phase"_L1), u"Terminating"_s);
    QCOMPARE(conditionField(stuck, u"NamespaceFinalizersRemaining"_s, "reason"), u"SomeFinalizerRemain"_s);
    QCOMPARE(conditionField(stuck, u"NamespaceFinalizersRemaining"_s, "message"),
             u"Some finalizers are remaining: example.com/hold in 1 resource instances"_s);
    QCOMPARE(conditionField(stuck, u"NamespaceContentRemaining"_s, "message"),
             u"Some resources are remaining: configmaps. has 1 resource instances"_s);
    QCOMPARE(conditionField(stuck, u"NamespaceDeletionDiscoveryFailure"_s, "reason"), u"ResourcesDiscovered"_s);
    QCOMPARE(conditionField(stuck, u"NamespaceDeletionDiscoveryFailure"_s, "status"), u"False"_s);
    QCOMPARE(conditionField(stuck, u"NamespaceDeletionGroupVersionParsingFailure"_s, "reason"), u"ParsedGroupVersions"_s);
    QCOMPARE(conditionField(stuck, u"NamespaceDeletionContentFailure"_s, "reason"), u"ContentDeleted"_s);
    QVERIFY(ctrl::specOf(stuck).value("finalizers"_L1).toArray().contains(u"kubernetes"_s));
    QVERIFY(!cluster.exists("", "ConfigMap", ns, u"free"_s));

    // Whoever owns the finalizer lets go: the namespace finishes.
    QVERIFY(cluster.update("", "ConfigMap", ns, u"held"_s,
                           [](QJsonObject &object) { setMetadataField(object, u"finalizers"_s, QJsonValue()); }));
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("", "Namespace", {}, ns), 5000);
}

void TestNamespaceAndGc::creationInTerminatingNamespaceIsForbidden()
{
    ControllerHarness cluster;
    const QString ns = u"closing"_s;
    QVERIFY(cluster.createNamespace(ns));
    cluster.create("", "ConfigMap", ns, configMap(u"held"_s, {}, {u"example.com/hold"_s}));
    QVERIFY(cluster.remove("", "Namespace", {}, ns));
    const auto refused = cluster.tryCreate("", "ConfigMap", ns, configMap(u"late"_s));
    QVERIFY(refused.has_value());
    QCOMPARE(refused->code, 403);
}

void TestNamespaceAndGc::backgroundDeletionRemovesDependents()
{
    ControllerHarness cluster;
    const QJsonObject owner = cluster.create("", "ConfigMap", u"default"_s, configMap(u"owner"_s));
    cluster.create("", "ConfigMap", u"default"_s, configMap(u"child"_s, {ownerRef(owner)}));
    const QJsonObject child = cluster.get("", "ConfigMap", u"default"_s, u"child"_s);
    cluster.create("", "ConfigMap", u"default"_s, configMap(u"grandchild"_s, {ownerRef(child)}));
    QTest::qWait(50);
    QVERIFY(cluster.exists("", "ConfigMap", u"default"_s, u"child"_s));
    QVERIFY(cluster.remove("", "ConfigMap", u"default"_s, u"owner"_s, u"Background"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("", "ConfigMap", u"default"_s, u"child"_s)
                                 && !cluster.exists("", "ConfigMap", u"default"_s, u"grandchild"_s),
                             5000);
}

void TestNamespaceAndGc::danglingOwnerReferenceIsCollected()
{
    ControllerHarness cluster;
    const QJsonObject ghost{{u"apiVersion"_s, u"v1"_s},
                            {u"kind"_s, u"ConfigMap"_s},
                            {u"metadata"_s, QJsonObject{{u"name"_s, u"ghost"_s}, {u"uid"_s, u"00000000-dead"_s}}}};
    cluster.create("", "ConfigMap", u"default"_s, configMap(u"orphan"_s, {ownerRef(ghost)}));
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("", "ConfigMap", u"default"_s, u"orphan"_s), 5000);
}

void TestNamespaceAndGc::dependentWithAnotherLiveOwnerSurvives()
{
    ControllerHarness cluster;
    const QJsonObject first = cluster.create("", "ConfigMap", u"default"_s, configMap(u"first"_s));
    const QJsonObject second = cluster.create("", "ConfigMap", u"default"_s, configMap(u"second"_s));
    cluster.create("", "ConfigMap", u"default"_s, configMap(u"shared"_s, {ownerRef(first), ownerRef(second)}));
    QVERIFY(cluster.remove("", "ConfigMap", u"default"_s, u"first"_s));
    // The dangling reference is dropped, the object stays.
    QTRY_COMPARE_WITH_TIMEOUT(
        metadataOf(cluster.get("", "ConfigMap", u"default"_s, u"shared"_s)).value("ownerReferences"_L1).toArray().size(), 1,
        5000);
    QVERIFY(cluster.exists("", "ConfigMap", u"default"_s, u"shared"_s));
}

void TestNamespaceAndGc::foregroundDeletionWaitsForDependents()
{
    ControllerHarness cluster;
    const QJsonObject created = cluster.create("apps", "Deployment", u"default"_s, simpleDeployment(u"fg"_s));
    QTRY_COMPARE_WITH_TIMEOUT(cluster.pods(u"default"_s, u"app"_s, u"fg"_s).size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::podIsReady(cluster.pods(u"default"_s, u"app"_s, u"fg"_s).first()), 5000);
    QVERIFY(cluster.remove("apps", "Deployment", u"default"_s, u"fg"_s, u"Foreground"_s));
    const QJsonObject deleting = cluster.get("apps", "Deployment", u"default"_s, u"fg"_s);
    QVERIFY(ctrl::hasFinalizer(deleting, u"foregroundDeletion"_s));
    // The owner outlives every dependent: watch the order of disappearance.
    bool ownerGoneBeforeDependents = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const bool ownerExists = cluster.exists("apps", "Deployment", u"default"_s, u"fg"_s);
            const bool dependentsExist = !cluster.list("apps", "ReplicaSet", u"default"_s).isEmpty()
                || !cluster.pods(u"default"_s, u"app"_s, u"fg"_s).isEmpty();
            ownerGoneBeforeDependents = ownerGoneBeforeDependents || (!ownerExists && dependentsExist);
            return !ownerExists && !dependentsExist;
        }(),
        8000);
    QVERIFY(!ownerGoneBeforeDependents);
    Q_UNUSED(created);
}

void TestNamespaceAndGc::orphanDeletionKeepsDependents()
{
    ControllerHarness cluster;
    cluster.create("apps", "Deployment", u"default"_s, simpleDeployment(u"orph"_s));
    QTRY_COMPARE_WITH_TIMEOUT(cluster.pods(u"default"_s, u"app"_s, u"orph"_s).size(), 2, 5000);
    QVERIFY(cluster.remove("apps", "Deployment", u"default"_s, u"orph"_s, u"Orphan"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!cluster.exists("apps", "Deployment", u"default"_s, u"orph"_s), 5000);
    const QList<QJsonObject> sets = cluster.list("apps", "ReplicaSet", u"default"_s);
    QCOMPARE(sets.size(), 1);
    QVERIFY(!metadataOf(sets.first()).contains("ownerReferences"_L1));
    QTest::qWait(100);
    QCOMPARE(cluster.pods(u"default"_s, u"app"_s, u"orph"_s).size(), 2);
    // A new deployment with the same selector adopts the orphaned ReplicaSet.
    const QJsonObject adopter = cluster.create("apps", "Deployment", u"default"_s, simpleDeployment(u"orph"_s));
    QTRY_VERIFY_WITH_TIMEOUT(ctrl::isControlledBy(cluster.list("apps", "ReplicaSet", u"default"_s).first(), uidOf(adopter)),
                             5000);
    QTRY_VERIFY_WITH_TIMEOUT(deploymentIsCurrent(cluster.get("apps", "Deployment", u"default"_s, u"orph"_s)), 5000);
    QCOMPARE(cluster.list("apps", "ReplicaSet", u"default"_s).size(), 1);
}

} // namespace

QTEST_GUILESS_MAIN(TestNamespaceAndGc)
#include "tst_namespacegc.moc"
