#include "SchemaTestSupport.h"

#include "sim/schema/Discovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;
using fd::Expected;
using fd::test::jsonValue;

class TestDiscovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void negotiate_data();
    void negotiate();
    void legacyNegotiationRejectsConversions();
    void versionPriority_data();
    void versionPriority();
    void versionsOfGroup();
    void apiVersions();
    void apiGroupList();
    void apiGroup();
    void coreResourceList();
    void groupResourceList();
    void unknownGroupVersion();
    void subresourceInfo_data();
    void subresourceInfo();
    void aggregatedCore();
    void aggregatedGroups();
    void aggregatedCustomResource();
    void etag();
};

namespace {

const QByteArray kV2 = QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
const QByteArray kV2Beta1 = QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");

CatalogSnapshot sampleSnapshot()
{
    return {fd::test::sampleBuiltinTypes(), fd::test::sampleGroupOrder(), 1};
}

QJsonObject entryNamed(const QJsonArray &array, const QString &key, const QString &name)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value(key).toString() == name)
            return value.toObject();
    }
    return {};
}

QStringList valuesOf(const QJsonArray &array, const QString &key)
{
    QStringList values;
    for (const QJsonValue &value : array)
        values << value.toObject().value(key).toString();
    return values;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array)
        list << entry.toString();
    return list;
}

} // namespace

void TestDiscovery::negotiate_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<bool>("serveV2Beta1");
    QTest::addColumn<QString>("expected"); // "legacy", "v2", "v2beta1" or "406"

    const QByteArray clientGo = kV2 + ',' + kV2Beta1 + QByteArrayLiteral(",application/json");
    const QByteArray clientGo127 = kV2Beta1 + QByteArrayLiteral(",application/json");
    QTest::addRow("no Accept") << QByteArray() << false << "legacy";
    QTest::addRow("plain json") << QByteArrayLiteral("application/json") << false << "legacy";
    QTest::addRow("any") << QByteArrayLiteral("*/*") << false << "legacy";
    QTest::addRow("kubectl 1.30+") << clientGo << false << "v2";
    QTest::addRow("kubectl 1.30+, beta served") << clientGo << true << "v2";
    QTest::addRow("kubectl 1.27, beta removed") << clientGo127 << false << "legacy";
    QTest::addRow("kubectl 1.27, beta served") << clientGo127 << true << "v2beta1";
    QTest::addRow("client-go 0.34 nopeer")
        << (kV2 + QByteArrayLiteral(";profile=nopeer,") + clientGo) << false << "v2";
    QTest::addRow("parameter order free")
        << QByteArrayLiteral("application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io") << false << "v2";
    QTest::addRow("wildcard subtype") << QByteArrayLiteral("application/*;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
                                      << false << "v2";
    QTest::addRow("stream=watch allowed") << (kV2 + QByteArrayLiteral(";stream=watch")) << false << "v2";
    QTest::addRow("higher q wins") << (QByteArrayLiteral("application/json;q=0.5,") + kV2) << false << "v2";
    // The wrapper skips clauses that do not convert, whatever their q.
    QTest::addRow("lower q still aggregated") << (QByteArrayLiteral("application/json,") + kV2 + QByteArrayLiteral(";q=0.5")) << false
                                              << "v2";
    QTest::addRow("table then json") << QByteArrayLiteral("application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
                                     << false << "legacy";
    QTest::addRow("protobuf served as json") << QByteArrayLiteral("application/vnd.kubernetes.protobuf") << false << "legacy";
    QTest::addRow("yaml aggregated skipped") << (QByteArrayLiteral("application/yaml;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"))
                                             << false << "legacy";
    QTest::addRow("406: only table") << QByteArrayLiteral("application/json;as=Table;v=v1;g=meta.k8s.io") << false << "406";
    QTest::addRow("406: unknown discovery version")
        << QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList") << false << "406";
    QTest::addRow("406: beta only, beta removed") << kV2Beta1 << false << "406";
    QTest::addRow("406: xml") << QByteArrayLiteral("application/xml") << false << "406";
    QTest::addRow("406: bad stream") << (kV2 + QByteArrayLiteral(";stream=foo")) << false << "406";
    QTest::addRow("406: server version") << QByteArrayLiteral("application/json;sv=v1") << false << "406";
    QTest::addRow("406: garbage") << QByteArrayLiteral("%%%;;,,==") << false << "406";
}

void TestDiscovery::negotiate()
{
    QFETCH(QByteArray, accept);
    QFETCH(bool, serveV2Beta1);
    QFETCH(QString, expected);

    const Expected<DiscoveryNegotiation, QString> result = negotiateDiscovery(accept, DiscoveryServing{serveV2Beta1});
    if (expected == QLatin1String("406")) {
        QVERIFY(!result);
        QVERIFY(result.error().startsWith(QStringLiteral("only the following media types are accepted: application/json")));
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error()));
    if (expected == QLatin1String("legacy")) {
        QCOMPARE(result->format, DiscoveryFormat::Legacy);
        QCOMPARE(result->contentType, QByteArrayLiteral("application/json"));
    } else if (expected == QLatin1String("v2")) {
        QCOMPARE(result->format, DiscoveryFormat::AggregatedV2);
        QCOMPARE(result->contentType, kV2);
    } else {
        QCOMPARE(result->format, DiscoveryFormat::AggregatedV2Beta1);
        QCOMPARE(result->contentType, kV2Beta1);
    }
}

void TestDiscovery::legacyNegotiationRejectsConversions()
{
    QVERIFY(!negotiateLegacyDiscovery(kV2));
    const auto mixed = negotiateLegacyDiscovery(kV2 + QByteArrayLiteral(",application/json"));
    QVERIFY(mixed);
    QCOMPARE(mixed->format, DiscoveryFormat::Legacy);
    QVERIFY(negotiateLegacyDiscovery(QByteArray()));
}

void TestDiscovery::versionPriority_data()
{
    QTest::addColumn<QString>("higher");
    QTest::addColumn<QString>("lower");
    QTest::addRow("major") << "v2" << "v1";
    QTest::addRow("two digits") << "v10" << "v2";
    QTest::addRow("GA beats beta") << "v1" << "v2beta1";
    QTest::addRow("beta beats alpha") << "v1beta1" << "v2alpha1";
    QTest::addRow("beta minor") << "v1beta10" << "v1beta2";
    QTest::addRow("kube-like beats other") << "v1alpha1" << "foo";
    QTest::addRow("others alphabetical") << "bar" << "foo";
    QTest::addRow("malformed is other") << "v1" << "v1gamma1";
}

void TestDiscovery::versionPriority()
{
    QFETCH(QString, higher);
    QFETCH(QString, lower);
    QVERIFY(compareKubeAwareVersions(higher, lower) > 0);
    QVERIFY(compareKubeAwareVersions(lower, higher) < 0);
    QCOMPARE(compareKubeAwareVersions(higher, higher), 0);
}

void TestDiscovery::versionsOfGroup()
{
    CatalogSnapshot snapshot = sampleSnapshot();
    QCOMPARE(snapshot.versionsOf(QStringLiteral("autoscaling")), (QStringList{QStringLiteral("v2"), QStringLiteral("v1")}));
    for (const QString &version : {QStringLiteral("v1alpha1"), QStringLiteral("v1"), QStringLiteral("v2beta1")}) {
        ResourceType type = fd::test::sampleType(QStringLiteral("example.com"), version, QStringLiteral("Widget"),
                                                 QStringLiteral("widgets"), true);
        type.custom = true;
        type.preferred = version == QLatin1String("v1");
        snapshot.types << type;
    }
    QCOMPARE(snapshot.versionsOf(QStringLiteral("example.com")),
             (QStringList{QStringLiteral("v1"), QStringLiteral("v2beta1"), QStringLiteral("v1alpha1")}));
    // Groups missing from the order come last, by name.
    QCOMPARE(snapshot.groups().last(), QStringLiteral("example.com"));
    QCOMPARE(snapshot.groups().first(), QString());
}

void TestDiscovery::apiVersions()
{
    const QJsonObject versions = Discovery::apiVersions(QStringLiteral("127.0.0.1:6443"));
    QCOMPARE(versions.value(QStringLiteral("kind")).toString(), QStringLiteral("APIVersions"));
    QCOMPARE(strings(versions.value(QStringLiteral("versions"))), QStringList{QStringLiteral("v1")});
    const QJsonObject cidr = versions.value(QStringLiteral("serverAddressByClientCIDRs")).toArray().first().toObject();
    QCOMPARE(cidr.value(QStringLiteral("clientCIDR")).toString(), QStringLiteral("0.0.0.0/0"));
    QCOMPARE(cidr.value(QStringLiteral("serverAddress")).toString(), QStringLiteral("127.0.0.1:6443"));
}

void TestDiscovery::apiGroupList()
{
    const QJsonObject list = Discovery::apiGroupList(sampleSnapshot());
    QCOMPARE(list.value(QStringLiteral("kind")).toString(), QStringLiteral("APIGroupList"));
    QCOMPARE(list.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
    const QJsonArray groups = list.value(QStringLiteral("groups")).toArray();
    QCOMPARE(valuesOf(groups, QStringLiteral("name")),
             (QStringList{QStringLiteral("apps"), QStringLiteral("authorization.k8s.io"), QStringLiteral("autoscaling"),
                          QStringLiteral("apiextensions.k8s.io")}));
    for (const QJsonValue &group : groups)
        QVERIFY(group.toObject().value(QStringLiteral("preferredVersion")).isObject());
    const QJsonObject autoscaling = entryNamed(groups, QStringLiteral("name"), QStringLiteral("autoscaling"));
    QCOMPARE(autoscaling.value(QStringLiteral("versions")).toArray(),
             jsonValue(R"([{"groupVersion":"autoscaling/v2","version":"v2"},{"groupVersion":"autoscaling/v1","version":"v1"}])").toArray());
    QCOMPARE(autoscaling.value(QStringLiteral("preferredVersion")).toObject(),
             jsonValue(R"({"groupVersion":"autoscaling/v2","version":"v2"})").toObject());
}

void TestDiscovery::apiGroup()
{
    const std::optional<QJsonObject> group = Discovery::apiGroup(sampleSnapshot(), QStringLiteral("apps"));
    QVERIFY(group);
    QCOMPARE(group->value(QStringLiteral("kind")).toString(), QStringLiteral("APIGroup"));
    QCOMPARE(group->value(QStringLiteral("name")).toString(), QStringLiteral("apps"));
    QVERIFY(!Discovery::apiGroup(sampleSnapshot(), QStringLiteral("nope.example.com")));
    QVERIFY(!Discovery::apiGroup(sampleSnapshot(), QString()));
}

void TestDiscovery::coreResourceList()
{
    const std::optional<QJsonObject> list = Discovery::apiResourceList(sampleSnapshot(), QString(), QStringLiteral("v1"));
    QVERIFY(list);
    QCOMPARE(list->value(QStringLiteral("kind")).toString(), QStringLiteral("APIResourceList"));
    QCOMPARE(list->value(QStringLiteral("groupVersion")).toString(), QStringLiteral("v1"));
    QVERIFY(!list->contains(QStringLiteral("apiVersion")));
    const QJsonArray resources = list->value(QStringLiteral("resources")).toArray();
    QStringList names = valuesOf(resources, QStringLiteral("name"));
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    for (const QString &expected : {QStringLiteral("pods"), QStringLiteral("pods/log"), QStringLiteral("pods/status"),
                                   QStringLiteral("pods/eviction"), QStringLiteral("pods/exec"), QStringLiteral("namespaces/finalize"),
                                   QStringLiteral("services/proxy"), QStringLiteral("serviceaccounts/token")})
        QVERIFY2(names.contains(expected), qPrintable(expected));

    const QJsonObject pods = entryNamed(resources, QStringLiteral("name"), QStringLiteral("pods"));
    QCOMPARE(pods.value(QStringLiteral("singularName")).toString(), QStringLiteral("pod"));
    QCOMPARE(pods.value(QStringLiteral("namespaced")).toBool(), true);
    QCOMPARE(pods.value(QStringLiteral("kind")).toString(), QStringLiteral("Pod"));
    QCOMPARE(strings(pods.value(QStringLiteral("shortNames"))), QStringList{QStringLiteral("po")});
    QCOMPARE(strings(pods.value(QStringLiteral("categories"))), QStringList{QStringLiteral("all")});
    QCOMPARE(pods.value(QStringLiteral("storageVersionHash")).toString(), Discovery::storageVersionHash({}, QStringLiteral("v1"), QStringLiteral("Pod")));
    QVERIFY(!pods.contains(QStringLiteral("group")));

    const QJsonObject log = entryNamed(resources, QStringLiteral("name"), QStringLiteral("pods/log"));
    QCOMPARE(log, jsonValue(R"({"name":"pods/log","singularName":"","namespaced":true,"kind":"Pod","verbs":["get"]})").toObject());
    const QJsonObject eviction = entryNamed(resources, QStringLiteral("name"), QStringLiteral("pods/eviction"));
    QCOMPARE(eviction, jsonValue(R"({"name":"pods/eviction","singularName":"","namespaced":true,"group":"policy","version":"v1",
                                     "kind":"Eviction","verbs":["create"]})").toObject());
    const QJsonObject finalize = entryNamed(resources, QStringLiteral("name"), QStringLiteral("namespaces/finalize"));
    QCOMPARE(finalize.value(QStringLiteral("namespaced")).toBool(), false);
    QCOMPARE(strings(finalize.value(QStringLiteral("verbs"))), QStringList{QStringLiteral("update")});
    const QJsonObject status = entryNamed(resources, QStringLiteral("name"), QStringLiteral("pods/status"));
    QCOMPARE(strings(status.value(QStringLiteral("verbs"))),
             (QStringList{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")}));
    QCOMPARE(status.value(QStringLiteral("kind")).toString(), QStringLiteral("Pod"));
}

void TestDiscovery::groupResourceList()
{
    const CatalogSnapshot snapshot = sampleSnapshot();
    const std::optional<QJsonObject> apps = Discovery::apiResourceList(snapshot, QStringLiteral("apps"), QStringLiteral("v1"));
    QVERIFY(apps);
    QCOMPARE(apps->value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
    QCOMPARE(apps->value(QStringLiteral("groupVersion")).toString(), QStringLiteral("apps/v1"));
    const QJsonArray resources = apps->value(QStringLiteral("resources")).toArray();
    QCOMPARE(valuesOf(resources, QStringLiteral("name")),
             (QStringList{QStringLiteral("deployments"), QStringLiteral("deployments/scale"), QStringLiteral("deployments/status")}));
    QCOMPARE(entryNamed(resources, QStringLiteral("name"), QStringLiteral("deployments/scale")),
             jsonValue(R"({"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1",
                           "kind":"Scale","verbs":["get","patch","update"]})").toObject());

    // Create-only review kinds have no storage; both HPA versions share v2's storage hash.
    const QJsonObject ssar = Discovery::apiResourceList(snapshot, QStringLiteral("authorization.k8s.io"), QStringLiteral("v1"))
                                 ->value(QStringLiteral("resources")).toArray().first().toObject();
    QVERIFY(!ssar.contains(QStringLiteral("storageVersionHash")));
    QCOMPARE(strings(ssar.value(QStringLiteral("verbs"))), QStringList{QStringLiteral("create")});
    const auto hashOf = [&](const QString &version) {
        return Discovery::apiResourceList(snapshot, QStringLiteral("autoscaling"), version)
            ->value(QStringLiteral("resources")).toArray().first().toObject().value(QStringLiteral("storageVersionHash")).toString();
    };
    QCOMPARE(hashOf(QStringLiteral("v1")), hashOf(QStringLiteral("v2")));
    QCOMPARE(Discovery::storageVersionHash(QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")).size(), 12);
}

void TestDiscovery::unknownGroupVersion()
{
    QVERIFY(!Discovery::apiResourceList(sampleSnapshot(), QStringLiteral("apps"), QStringLiteral("v2")));
    QVERIFY(!Discovery::apiResourceList(sampleSnapshot(), QStringLiteral("nope"), QStringLiteral("v1")));
    QVERIFY(!Discovery::apiResourceList(CatalogSnapshot{}, QString(), QStringLiteral("v1")));
}

void TestDiscovery::subresourceInfo_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("subresource");
    QTest::addColumn<QString>("expectedGvk");
    QTest::addColumn<QStringList>("expectedVerbs");

    const QStringList getPatchUpdate{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
    const QStringList createGet{QStringLiteral("create"), QStringLiteral("get")};
    const QStringList proxyVerbs{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"), QStringLiteral("patch"),
                                 QStringLiteral("update")};
    QTest::addRow("status") << "Deployment" << "status" << "/Deployment" << getPatchUpdate;
    QTest::addRow("scale") << "Deployment" << "scale" << "autoscaling/v1/Scale" << getPatchUpdate;
    QTest::addRow("log") << "Pod" << "log" << "/Pod" << QStringList{QStringLiteral("get")};
    QTest::addRow("eviction") << "Pod" << "eviction" << "policy/v1/Eviction" << QStringList{QStringLiteral("create")};
    QTest::addRow("binding") << "Pod" << "binding" << "/Binding" << QStringList{QStringLiteral("create")};
    QTest::addRow("exec") << "Pod" << "exec" << "/PodExecOptions" << createGet;
    QTest::addRow("attach") << "Pod" << "attach" << "/PodAttachOptions" << createGet;
    QTest::addRow("portforward") << "Pod" << "portforward" << "/PodPortForwardOptions" << createGet;
    QTest::addRow("pod proxy") << "Pod" << "proxy" << "/PodProxyOptions" << proxyVerbs;
    QTest::addRow("service proxy") << "Service" << "proxy" << "/ServiceProxyOptions" << proxyVerbs;
    QTest::addRow("node proxy") << "Node" << "proxy" << "/NodeProxyOptions" << proxyVerbs;
    QTest::addRow("finalize") << "Namespace" << "finalize" << "/Namespace" << QStringList{QStringLiteral("update")};
    QTest::addRow("token") << "ServiceAccount" << "token" << "authentication.k8s.io/v1/TokenRequest" << QStringList{QStringLiteral("create")};
    QTest::addRow("unknown") << "Widget" << "frobnicate" << "/Widget" << QStringList{QStringLiteral("get")};
}

void TestDiscovery::subresourceInfo()
{
    QFETCH(QString, kind);
    QFETCH(QString, subresource);
    QFETCH(QString, expectedGvk);
    QFETCH(QStringList, expectedVerbs);
    const ResourceType type = fd::test::sampleType(QString(), QStringLiteral("v1"), kind, kind.toLower() + QLatin1Char('s'), true);
    const SubresourceInfo info = Discovery::subresourceInfo(type, subresource);
    const QString gvk = info.group.isEmpty() && info.version.isEmpty()
        ? QLatin1Char('/') + info.kind
        : info.group + QLatin1Char('/') + info.version + QLatin1Char('/') + info.kind;
    QCOMPARE(info.name, subresource);
    QCOMPARE(gvk, expectedGvk);
    QCOMPARE(info.verbs, expectedVerbs);
}

void TestDiscovery::aggregatedCore()
{
    const QJsonObject list = Discovery::aggregated(sampleSnapshot(), Discovery::Root::Core, DiscoveryFormat::AggregatedV2);
    QCOMPARE(list.value(QStringLiteral("kind")).toString(), QStringLiteral("APIGroupDiscoveryList"));
    QCOMPARE(list.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("apidiscovery.k8s.io/v2"));
    const QJsonArray items = list.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject core = items.first().toObject();
    QVERIFY(!core.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("name")));
    const QJsonArray versions = core.value(QStringLiteral("versions")).toArray();
    QCOMPARE(versions.size(), 1);
    const QJsonObject v1 = versions.first().toObject();
    QCOMPARE(v1.value(QStringLiteral("version")).toString(), QStringLiteral("v1"));
    QCOMPARE(v1.value(QStringLiteral("freshness")).toString(), QStringLiteral("Current"));
    const QJsonArray resources = v1.value(QStringLiteral("resources")).toArray();
    QCOMPARE(valuesOf(resources, QStringLiteral("resource")),
             (QStringList{QStringLiteral("configmaps"), QStringLiteral("namespaces"), QStringLiteral("pods"), QStringLiteral("secrets"),
                          QStringLiteral("serviceaccounts"), QStringLiteral("services")}));
    const QJsonObject pods = entryNamed(resources, QStringLiteral("resource"), QStringLiteral("pods"));
    QCOMPARE(pods.value(QStringLiteral("responseKind")).toObject(), jsonValue(R"({"group":"","version":"","kind":"Pod"})").toObject());
    QCOMPARE(pods.value(QStringLiteral("scope")).toString(), QStringLiteral("Namespaced"));
    QCOMPARE(pods.value(QStringLiteral("singularResource")).toString(), QStringLiteral("pod"));
    QCOMPARE(strings(pods.value(QStringLiteral("shortNames"))), QStringList{QStringLiteral("po")});
    QCOMPARE(strings(pods.value(QStringLiteral("categories"))), QStringList{QStringLiteral("all")});
    const QJsonArray subresources = pods.value(QStringLiteral("subresources")).toArray();
    QCOMPARE(entryNamed(subresources, QStringLiteral("subresource"), QStringLiteral("log")),
             jsonValue(R"({"subresource":"log","responseKind":{"group":"","version":"","kind":"Pod"},"verbs":["get"]})").toObject());
    QCOMPARE(entryNamed(subresources, QStringLiteral("subresource"), QStringLiteral("eviction"))
                 .value(QStringLiteral("responseKind")).toObject(),
             jsonValue(R"({"group":"policy","version":"v1","kind":"Eviction"})").toObject());
    QCOMPARE(entryNamed(resources, QStringLiteral("resource"), QStringLiteral("namespaces")).value(QStringLiteral("scope")).toString(),
             QStringLiteral("Cluster"));
    QVERIFY(!entryNamed(resources, QStringLiteral("resource"), QStringLiteral("configmaps")).contains(QStringLiteral("subresources")));
}

void TestDiscovery::aggregatedGroups()
{
    const QJsonObject list = Discovery::aggregated(sampleSnapshot(), Discovery::Root::Groups, DiscoveryFormat::AggregatedV2Beta1);
    QCOMPARE(list.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("apidiscovery.k8s.io/v2beta1"));
    const QJsonArray items = list.value(QStringLiteral("items")).toArray();
    QStringList names;
    for (const QJsonValue &item : items)
        names << item.toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(names, (QStringList{QStringLiteral("apps"), QStringLiteral("authorization.k8s.io"), QStringLiteral("autoscaling"),
                                 QStringLiteral("apiextensions.k8s.io")}));
    const QJsonObject autoscaling = items.at(2).toObject();
    QCOMPARE(valuesOf(autoscaling.value(QStringLiteral("versions")).toArray(), QStringLiteral("version")),
             (QStringList{QStringLiteral("v2"), QStringLiteral("v1")}));
    const QJsonObject deployments = items.first().toObject().value(QStringLiteral("versions")).toArray().first().toObject()
                                        .value(QStringLiteral("resources")).toArray().first().toObject();
    QCOMPARE(deployments.value(QStringLiteral("resource")).toString(), QStringLiteral("deployments"));
    QCOMPARE(deployments.value(QStringLiteral("subresources")).toArray(),
             jsonValue(R"([{"subresource":"scale","responseKind":{"group":"autoscaling","version":"v1","kind":"Scale"},"verbs":["get","patch","update"]},
                           {"subresource":"status","responseKind":{"group":"","version":"","kind":"Deployment"},"verbs":["get","patch","update"]}])")
                 .toArray());
}

void TestDiscovery::aggregatedCustomResource()
{
    CatalogSnapshot snapshot = sampleSnapshot();
    ResourceType packages = fd::test::sampleType(QStringLiteral("fission.io"), QStringLiteral("v1"), QStringLiteral("Package"),
                                                 QStringLiteral("packages"), true);
    packages.custom = true;
    packages.hasStatus = true;
    packages.shortNames = {QStringLiteral("pkg")};
    snapshot.types << packages;
    const QJsonArray items =
        Discovery::aggregated(snapshot, Discovery::Root::Groups, DiscoveryFormat::AggregatedV2).value(QStringLiteral("items")).toArray();
    const QJsonObject fission = items.last().toObject();
    QCOMPARE(fission.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("fission.io"));
    const QJsonObject resource = fission.value(QStringLiteral("versions")).toArray().first().toObject()
                                     .value(QStringLiteral("resources")).toArray().first().toObject();
    QCOMPARE(resource.value(QStringLiteral("responseKind")).toObject(),
             jsonValue(R"({"group":"fission.io","version":"v1","kind":"Package"})").toObject());
    QCOMPARE(resource.value(QStringLiteral("subresources")).toArray().first().toObject().value(QStringLiteral("responseKind")).toObject(),
             jsonValue(R"({"group":"fission.io","version":"v1","kind":"Package"})").toObject());
}

void TestDiscovery::etag()
{
    const QByteArray json = QJsonDocument(Discovery::aggregated(sampleSnapshot(), Discovery::Root::Groups, DiscoveryFormat::AggregatedV2))
                                .toJson(QJsonDocument::Compact);
    const QByteArray tag = Discovery::etag(json);
    QCOMPARE(tag.size(), 128);
    QCOMPARE(tag, tag.toUpper());
    QCOMPARE(Discovery::etag(json), tag);
    QVERIFY(Discovery::etag(json + ' ') != tag);
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
