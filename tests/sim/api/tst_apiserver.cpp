// The emulator's REST semantics over real HTTP: what kube-apiserver answers for CRUD,
// conflicts, missing namespaces, dry runs, pagination, selectors, patches, deletes,
// authentication and RBAC, content types and fault injection.
#include "SimTestClient.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd::test;

namespace {

QJsonObject configMap(const QString &name, const QJsonObject &data = {}, const QJsonObject &labels = {})
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!labels.isEmpty())
        metadata.insert(QStringLiteral("labels"), labels);
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"), metadata},
            {QStringLiteral("data"), data}};
}

QString rvOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
}

QStringList itemNames(const QJsonObject &list)
{
    QStringList names;
    for (const QJsonValue &item : list.value(QLatin1String("items")).toArray())
        names << item.toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    return names;
}

} // namespace

class TestApiServer : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<SimTestCluster> m_cluster;

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<SimTestCluster>();
        QString error;
        QVERIFY2(m_cluster->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void versionAndHealth()
    {
        const HttpResult version = m_cluster->get(QStringLiteral("/version"));
        QCOMPARE(version.status, 200);
        QCOMPARE(version.json().value(QLatin1String("gitVersion")).toString(), QStringLiteral("v1.33.1"));
        QCOMPARE(m_cluster->get(QStringLiteral("/healthz")).status, 200);
        // v2 exists only as the empty protobuf document old kubectl needs; asked for as
        // anything else (JSON, */*), it is NotFound like any path the server does not serve.
        const HttpResult v2Json = m_cluster->get(QStringLiteral("/openapi/v2"));
        QCOMPARE(v2Json.status, 404);
        QCOMPARE(v2Json.json().value(QLatin1String("reason")).toString(), QStringLiteral("NotFound"));
        const HttpResult v2Protobuf = m_cluster->request(
            "GET", QStringLiteral("/openapi/v2"), {}, {}, QStringLiteral("admin"),
            {{"accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"}});
        QCOMPARE(v2Protobuf.status, 200);
        QVERIFY(v2Protobuf.body.startsWith("\x0a\x03" "2.0")); // Document.swagger = "2.0"
    }

    void createGetAndAlreadyExists()
    {
        const HttpResult created = m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                                   configMap(QStringLiteral("crud"), {{QStringLiteral("a"), QStringLiteral("1")}}));
        QCOMPARE(created.status, 201);
        const QJsonObject metadata = created.json().value(QLatin1String("metadata")).toObject();
        QVERIFY(!metadata.value(QLatin1String("uid")).toString().isEmpty());
        QVERIFY(!metadata.value(QLatin1String("creationTimestamp")).toString().isEmpty());
        QVERIFY(!rvOf(created.json()).isEmpty());

        const HttpResult fetched = m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps/crud"));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json().value(QLatin1String("data")).toObject().value(QLatin1String("a")).toString(), QStringLiteral("1"));

        const HttpResult again = m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("crud")));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(QLatin1String("reason")).toString(), QStringLiteral("AlreadyExists"));
        QCOMPARE(again.json().value(QLatin1String("message")).toString(), QStringLiteral("configmaps \"crud\" already exists"));
    }

    void staleUpdateConflicts()
    {
        const HttpResult created = m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("stale")));
        QCOMPARE(created.status, 201);
        QJsonObject first = created.json();
        first.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("x"), QStringLiteral("1")}});
        const HttpResult updated = m_cluster->request("PUT", QStringLiteral("/api/v1/namespaces/default/configmaps/stale"),
                                                      QJsonDocument(first).toJson());
        QCOMPARE(updated.status, 200);
        QVERIFY(rvOf(updated.json()) != rvOf(created.json()));
        // The same stale resourceVersion again: 409 Conflict.
        const HttpResult conflict = m_cluster->request("PUT", QStringLiteral("/api/v1/namespaces/default/configmaps/stale"),
                                                       QJsonDocument(first).toJson());
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.json().value(QLatin1String("reason")).toString(), QStringLiteral("Conflict"));
    }

    void missingNamespaceIsNotFound()
    {
        const HttpResult result = m_cluster->post(QStringLiteral("/api/v1/namespaces/nowhere/configmaps"), configMap(QStringLiteral("x")));
        QCOMPARE(result.status, 404);
        QCOMPARE(result.json().value(QLatin1String("message")).toString(), QStringLiteral("namespaces \"nowhere\" not found"));
    }

    void dryRunStoresNothing()
    {
        const HttpResult result = m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps?dryRun=All"),
                                                  configMap(QStringLiteral("dry")));
        QCOMPARE(result.status, 201);
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps/dry")).status, 404);
    }

    void invalidNamesAreRejected()
    {
        const HttpResult result = m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                                  configMap(QStringLiteral("Not_Valid")));
        QCOMPARE(result.status, 422);
        QCOMPARE(result.json().value(QLatin1String("reason")).toString(), QStringLiteral("Invalid"));
        const QJsonArray causes = result.json().value(QLatin1String("details")).toObject().value(QLatin1String("causes")).toArray();
        QCOMPARE(causes.first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("metadata.name"));
    }

    void malformedBodiesGetStatusErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addRow("broken json") << QByteArray("{\"kind\": ") << QByteArray("application/json") << 400;
        QTest::addRow("array") << QByteArray("[1,2]") << QByteArray("application/json") << 400;
        QTest::addRow("wrong kind") << QByteArray("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\"}}")
                                    << QByteArray("application/json") << 400;
        QTest::addRow("wrong version") << QByteArray("{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}")
                                       << QByteArray("application/json") << 400;
        QTest::addRow("broken yaml") << QByteArray("metadata: [") << QByteArray("application/yaml") << 400;
        QTest::addRow("unknown media type") << QByteArray("x") << QByteArray("text/csv") << 415;
        QTest::addRow("garbage protobuf") << QByteArray("k8s\x00\x0a\xff", 6) << QByteArray("application/vnd.kubernetes.protobuf") << 415;
    }

    void malformedBodiesGetStatusErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        const HttpResult result = m_cluster->request("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), body, contentType);
        QCOMPARE(result.status, status);
        QCOMPARE(result.json().value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(result.json().value(QLatin1String("code")).toInt(), status);
    }

    void yamlBodiesAreAccepted()
    {
        const QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  k: v\n";
        const HttpResult result = m_cluster->request("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), yaml, "application/yaml");
        QCOMPARE(result.status, 201);
    }

    void paginationIsConsistent()
    {
        m_cluster->request("POST", QStringLiteral("/api/v1/namespaces"),
                           QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                     {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                                     {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("paging")}}}}).toJson());
        for (int i = 0; i < 7; ++i)
            QCOMPARE(m_cluster->post(QStringLiteral("/api/v1/namespaces/paging/configmaps"), configMap(QStringLiteral("p%1").arg(i))).status, 201);
        HttpResult page = m_cluster->get(QStringLiteral("/api/v1/namespaces/paging/configmaps?limit=3"));
        QCOMPARE(page.status, 200);
        QCOMPARE(itemNames(page.json()).size(), 3);
        const QString listRv = rvOf(page.json());
        QString token = page.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
        QVERIFY(!token.isEmpty());
        // 7 config maps plus kube-root-ca.crt, which every new namespace gets.
        QCOMPARE(page.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("remainingItemCount")).toInt(), 5);
        // A change between pages must not show up: all pages share the first snapshot.
        QCOMPARE(m_cluster->post(QStringLiteral("/api/v1/namespaces/paging/configmaps"), configMap(QStringLiteral("p3a"))).status, 201);
        QStringList all = itemNames(page.json());
        while (!token.isEmpty()) {
            page = m_cluster->get(QStringLiteral("/api/v1/namespaces/paging/configmaps?limit=3&continue=") + token);
            QCOMPARE(page.status, 200);
            QCOMPARE(rvOf(page.json()), listRv);
            all += itemNames(page.json());
            token = page.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
        }
        QCOMPARE(all.size(), 8);
        QVERIFY(all.contains(QStringLiteral("kube-root-ca.crt")));
        QVERIFY(!all.contains(QStringLiteral("p3a")));
    }

    void expiredContinueIsGone()
    {
        HttpResult page = m_cluster->get(QStringLiteral("/api/v1/namespaces/paging/configmaps?limit=2"));
        const QString token = page.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
        QVERIFY(!token.isEmpty());
        m_cluster->post(QStringLiteral("/api/v1/namespaces/paging/configmaps"), configMap(QStringLiteral("after")));
        QCOMPARE(m_cluster->post(QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("compact"), true}}).status, 200);
        page = m_cluster->get(QStringLiteral("/api/v1/namespaces/paging/configmaps?limit=2&continue=") + token);
        QCOMPARE(page.status, 410);
        QCOMPARE(page.json().value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
    }

    void labelAndFieldSelectors()
    {
        m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                        configMap(QStringLiteral("sel-a"), {}, {{QStringLiteral("app"), QStringLiteral("x")}, {QStringLiteral("tier"), QStringLiteral("web")}}));
        m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                        configMap(QStringLiteral("sel-b"), {}, {{QStringLiteral("app"), QStringLiteral("y")}}));
        QCOMPARE(itemNames(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=app%3Dx")).json()),
                 QStringList{QStringLiteral("sel-a")});
        QCOMPARE(itemNames(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=app%20in%20(x,y),!tier")).json()),
                 QStringList{QStringLiteral("sel-b")});
        QCOMPARE(itemNames(m_cluster->get(QStringLiteral("/api/v1/configmaps?fieldSelector=metadata.name%3Dsel-b")).json()),
                 QStringList{QStringLiteral("sel-b")});
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/configmaps?fieldSelector=spec.nothing%3Dx")).status, 400);
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/configmaps?labelSelector=a%3D%3D%3Db")).status, 400);
    }

    void patchTypes()
    {
        QCOMPARE(m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                 configMap(QStringLiteral("patched"), {{QStringLiteral("a"), QStringLiteral("1")}})).status, 201);
        const QString path = QStringLiteral("/api/v1/namespaces/default/configmaps/patched");
        HttpResult result = m_cluster->request("PATCH", path, R"({"data":{"b":"2","a":null}})", "application/merge-patch+json");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QLatin1String("data")).toObject(), (QJsonObject{{QStringLiteral("b"), QStringLiteral("2")}}));
        result = m_cluster->request("PATCH", path, R"([{"op":"test","path":"/data/b","value":"2"},{"op":"add","path":"/data/c","value":"3"}])",
                                    "application/json-patch+json");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QLatin1String("data")).toObject().value(QLatin1String("c")).toString(), QStringLiteral("3"));
        result = m_cluster->request("PATCH", path, R"([{"op":"test","path":"/data/b","value":"nope"}])", "application/json-patch+json");
        QCOMPARE(result.status, 422);
        result = m_cluster->request("PATCH", path, R"({"data":{"d":"4"}})", "application/strategic-merge-patch+json");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QLatin1String("data")).toObject().size(), 3);
        result = m_cluster->request("PATCH", path + QStringLiteral("?fieldManager=tester"),
                                    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"patched"},"data":{"e":"5"}})",
                                    "application/apply-patch+yaml");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QLatin1String("data")).toObject().value(QLatin1String("e")).toString(), QStringLiteral("5"));
        result = m_cluster->request("PATCH", path, "{}", "application/x-unknown");
        QCOMPARE(result.status, 415);
    }

    void serverSideApplyCreatesAndConflicts()
    {
        const QString path = QStringLiteral("/api/v1/namespaces/default/configmaps/applied");
        HttpResult result = m_cluster->request("PATCH", path + QStringLiteral("?fieldManager=one"),
                                               R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"},"data":{"k":"a"}})",
                                               "application/apply-patch+yaml");
        QCOMPARE(result.status, 201);
        result = m_cluster->request("PATCH", path + QStringLiteral("?fieldManager=two"),
                                    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"},"data":{"k":"b"}})",
                                    "application/apply-patch+yaml");
        QCOMPARE(result.status, 409);
        result = m_cluster->request("PATCH", path + QStringLiteral("?fieldManager=two&force=true"),
                                    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"},"data":{"k":"b"}})",
                                    "application/apply-patch+yaml");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QLatin1String("data")).toObject().value(QLatin1String("k")).toString(), QStringLiteral("b"));
        result = m_cluster->request("PATCH", path, R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"}})",
                                    "application/apply-patch+yaml");
        QCOMPARE(result.status, 400); // fieldManager is required for apply
    }

    void deleteAnswersAndPreconditions()
    {
        QCOMPARE(m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("gone"))).status, 201);
        HttpResult result = m_cluster->request("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps/gone"),
                                               R"({"preconditions":{"uid":"not-the-uid"}})");
        QCOMPARE(result.status, 409);
        result = m_cluster->request("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps/gone"),
                                    R"({"propagationPolicy":"Background"})");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QLatin1String("status")).toString(), QStringLiteral("Success"));
        QCOMPARE(m_cluster->request("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps/gone")).status, 404);
    }

    void finalizersHoldDeletion()
    {
        QJsonObject held = configMap(QStringLiteral("held"));
        QJsonObject metadata = held.value(QLatin1String("metadata")).toObject();
        metadata.insert(QStringLiteral("finalizers"), QJsonArray{QStringLiteral("example.com/hold")});
        held.insert(QStringLiteral("metadata"), metadata);
        QCOMPARE(m_cluster->post(QStringLiteral("/api/v1/namespaces/default/configmaps"), held).status, 201);
        HttpResult result = m_cluster->request("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps/held"));
        QCOMPARE(result.status, 202);
        QVERIFY(result.json().value(QLatin1String("metadata")).toObject().contains(QLatin1String("deletionTimestamp")));
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps/held")).status, 200);
        result = m_cluster->request("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/held"),
                                    R"({"metadata":{"finalizers":null}})", "application/merge-patch+json");
        QCOMPARE(result.status, 200);
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps/held")).status, 404);
    }

    void authenticationAndRbac()
    {
        // kubectl sends no credentials over cleartext: such requests act as the administrator.
        const HttpResult noToken = m_cluster->request("GET", QStringLiteral("/api/v1/namespaces/default/secrets"), {}, {},
                                                      QStringLiteral("nobody"));
        QCOMPARE(noToken.status, 200);
        const HttpResult badToken = m_cluster->request("GET", QStringLiteral("/api/v1/namespaces/default/configmaps"), {}, {},
                                                       QStringLiteral("nobody"), {{"Authorization", "Bearer not-a-token"}});
        QCOMPARE(badToken.status, 401);
        QCOMPARE(badToken.json().value(QLatin1String("reason")).toString(), QStringLiteral("Unauthorized"));
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps"), QStringLiteral("viewer")).status, 200);
        const HttpResult secrets = m_cluster->get(QStringLiteral("/api/v1/namespaces/default/secrets"), QStringLiteral("viewer"));
        QCOMPARE(secrets.status, 403);
        QCOMPARE(secrets.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("secrets is forbidden: User \"viewer\" cannot list resource \"secrets\" in API group \"\" in the namespace \"default\""));
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces"), QStringLiteral("developer")).status, 403);
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/secrets"), QStringLiteral("developer")).status, 200);
    }

    void selfSubjectAccessReviewAgreesWithEnforcement()
    {
        const QJsonObject review{
            {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("resourceAttributes"),
                                                  QJsonObject{{QStringLiteral("namespace"), QStringLiteral("default")},
                                                              {QStringLiteral("verb"), QStringLiteral("list")},
                                                              {QStringLiteral("resource"), QStringLiteral("secrets")}}}}}};
        HttpResult result = m_cluster->post(QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), review,
                                            QStringLiteral("viewer"));
        QCOMPARE(result.status, 201);
        QCOMPARE(result.json().value(QLatin1String("status")).toObject().value(QLatin1String("allowed")).toBool(), false);
        result = m_cluster->post(QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), review,
                                 QStringLiteral("developer"));
        QCOMPARE(result.json().value(QLatin1String("status")).toObject().value(QLatin1String("allowed")).toBool(), true);
        result = m_cluster->post(QStringLiteral("/apis/authentication.k8s.io/v1/selfsubjectreviews"),
                                 QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1")},
                                             {QStringLiteral("kind"), QStringLiteral("SelfSubjectReview")}},
                                 QStringLiteral("viewer"));
        QCOMPARE(result.json().value(QLatin1String("status")).toObject().value(QLatin1String("userInfo")).toObject()
                     .value(QLatin1String("username")).toString(), QStringLiteral("viewer"));
    }

    void injectedFailures()
    {
        QCOMPARE(m_cluster->post(QStringLiteral("/_sim/faults"),
                                 QJsonObject{{QStringLiteral("failNextRequests"), 2}, {QStringLiteral("failStatus"), 429},
                                             {QStringLiteral("retryAfterSeconds"), 3}}).status, 200);
        HttpResult result = m_cluster->get(QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(result.status, 429);
        QCOMPARE(result.header("Retry-After"), QByteArray("3"));
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces")).status, 429);
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces")).status, 200);
    }

    void expiredTokenIsUnauthorized()
    {
        const QString token = m_cluster->token(QStringLiteral("developer"));
        QCOMPARE(m_cluster->post(QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("expireToken"), token}}).status, 200);
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/namespaces/default/configmaps"), QStringLiteral("developer")).status, 401);
    }

    void discoveryListsBuiltins()
    {
        const HttpResult core = m_cluster->get(QStringLiteral("/api/v1"));
        QCOMPARE(core.status, 200);
        QStringList names;
        for (const QJsonValue &resource : core.json().value(QLatin1String("resources")).toArray())
            names << resource.toObject().value(QLatin1String("name")).toString();
        QVERIFY(names.contains(QStringLiteral("pods")));
        QVERIFY(names.contains(QStringLiteral("pods/log")));
        const HttpResult groups = m_cluster->get(QStringLiteral("/apis"));
        QCOMPARE(groups.status, 200);
        QVERIFY(groups.body.contains("\"apps\""));
        QCOMPARE(m_cluster->get(QStringLiteral("/apis/nope.example.com/v1")).status, 404);
        QCOMPARE(m_cluster->get(QStringLiteral("/api/v1/nothings")).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
