#include "sim/auth/RbacAuthorizer.h"

#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;

// JSON fixtures spell "*" after "/" as \u002a: moc mis-reads "/*" inside raw strings as a comment.
namespace {

QJsonObject object(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (!document.isObject())
        qFatal("bad fixture JSON: %s in %s", qPrintable(error.errorString()), json);
    return document.object();
}

UserInfo user(const QString &name, const QStringList &groups = {})
{
    UserInfo info;
    info.name = name;
    info.groups = groups;
    info.groups.append(QStringLiteral("system:authenticated"));
    return info;
}

RequestAttributes resource(const char *verb, const char *group, const char *resourceName, const char *namespaceName,
                           const char *subresource = "", const char *name = "")
{
    RequestAttributes attributes;
    attributes.verb = QString::fromUtf8(verb);
    attributes.apiGroup = QString::fromUtf8(group);
    attributes.apiVersion = QStringLiteral("v1");
    attributes.resource = QString::fromUtf8(resourceName);
    attributes.subresource = QString::fromUtf8(subresource);
    attributes.namespaceName = QString::fromUtf8(namespaceName);
    attributes.name = QString::fromUtf8(name);
    return attributes;
}

RequestAttributes path(const char *verb, const char *urlPath)
{
    RequestAttributes attributes;
    attributes.resourceRequest = false;
    attributes.verb = QString::fromUtf8(verb);
    attributes.path = QString::fromUtf8(urlPath);
    return attributes;
}

StaticRbacSource fixture()
{
    StaticRbacSource source;
    source.clusterRoleList = {
        object(R"({"metadata":{"name":"pod-reader"},"rules":[{"verbs":["get","list","watch"],"apiGroups":[""],"resources":["pods"]}]})"),
        object(R"({"metadata":{"name":"secret-reader-named"},"rules":[{"verbs":["get"],"apiGroups":[""],"resources":["secrets"],"resourceNames":["db-pass"]}]})"),
        object(R"({"metadata":{"name":"deploy-scaler"},"rules":[{"verbs":["update"],"apiGroups":["apps"],"resources":["deployments/scale"]},{"verbs":["get"],"apiGroups":["*"],"resources":["*/status"]}]})"),
        object(R"({"metadata":{"name":"url-reader"},"rules":[{"verbs":["get"],"nonResourceURLs":["/metrics","/logs/\u002a"]}]})"),
        object(R"({"metadata":{"name":"agg-parent"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"agg":"parent"}}]},"rules":[{"verbs":["delete"],"apiGroups":[""],"resources":["nodes"]}]})"),
        object(R"({"metadata":{"name":"agg-child-b","labels":{"agg":"parent"}},"rules":[{"verbs":["get"],"apiGroups":[""],"resources":["services"]}]})"),
        object(R"({"metadata":{"name":"agg-child-a","labels":{"agg":"parent"}},"rules":[{"verbs":["list"],"apiGroups":[""],"resources":["configmaps"]}]})"),
        object(R"({"metadata":{"name":"broken-agg"},"aggregationRule":{"clusterRoleSelectors":[{"matchExpressions":[{"key":"x","operator":"Near"}]}]},"rules":[{"verbs":["get"],"apiGroups":[""],"resources":["endpoints"]}]})"),
        object(R"({"metadata":{"name":"cycle-a","labels":{"cycle":"a"}},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"cycle":"b"}}]}})"),
        object(R"({"metadata":{"name":"cycle-b","labels":{"cycle":"b"}},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"cycle":"a"}}]}})"),
        object(R"({"metadata":{"name":"cycle-leaf","labels":{"cycle":"a"}},"rules":[{"verbs":["get"],"apiGroups":["coordination.k8s.io"],"resources":["leases"]}]})"),
    };
    source.clusterRoleBindingList = {
        object(R"({"metadata":{"name":"sa-no-ns"},"roleRef":{"kind":"ClusterRole","name":"pod-reader"},"subjects":[{"kind":"ServiceAccount","name":"x"}]})"),
        object(R"({"metadata":{"name":"bob-pods"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"pod-reader"},"subjects":[{"kind":"User","name":"someone"},{"kind":"User","name":"bob"}]})"),
        object(R"({"metadata":{"name":"devs-urls"},"roleRef":{"kind":"ClusterRole","name":"url-reader"},"subjects":[{"kind":"Group","name":"devs"}]})"),
        object(R"({"metadata":{"name":"sa-scaler"},"roleRef":{"kind":"ClusterRole","name":"deploy-scaler"},"subjects":[{"kind":"ServiceAccount","name":"deployer","namespace":"ci"}]})"),
        object(R"({"metadata":{"name":"dangling"},"roleRef":{"kind":"ClusterRole","name":"missing-role"},"subjects":[{"kind":"User","name":"carol"}]})"),
        object(R"({"metadata":{"name":"dangling-again"},"roleRef":{"kind":"ClusterRole","name":"missing-role"},"subjects":[{"kind":"User","name":"carol"}]})"),
        object(R"({"metadata":{"name":"weird-kind"},"roleRef":{"kind":"Bogus","name":"x"},"subjects":[{"kind":"User","name":"carol"}]})"),
        object(R"({"metadata":{"name":"role-in-crb"},"roleRef":{"kind":"Role","name":"cm-editor"},"subjects":[{"kind":"User","name":"gina"}]})"),
        object(R"({"metadata":{"name":"agg"},"roleRef":{"kind":"ClusterRole","name":"agg-parent"},"subjects":[{"kind":"User","name":"dave"}]})"),
        object(R"({"metadata":{"name":"broken"},"roleRef":{"kind":"ClusterRole","name":"broken-agg"},"subjects":[{"kind":"User","name":"dave"}]})"),
        object(R"({"metadata":{"name":"cyc"},"roleRef":{"kind":"ClusterRole","name":"cycle-a"},"subjects":[{"kind":"User","name":"erin"}]})"),
    };
    source.roleList = {
        object(R"({"metadata":{"name":"cm-editor","namespace":"team-a"},"rules":[{"verbs":["update"],"apiGroups":[""],"resources":["configmaps"]}]})"),
        object(R"({"metadata":{"name":"cm-editor","namespace":"team-b"},"rules":[{"verbs":["*"],"apiGroups":["*"],"resources":["*"]}]})"),
    };
    source.roleBindingList = {
        object(R"({"metadata":{"name":"alice-view","namespace":"team-a"},"roleRef":{"kind":"ClusterRole","name":"pod-reader"},"subjects":[{"kind":"User","name":"alice"}]})"),
        object(R"({"metadata":{"name":"alice-cm","namespace":"team-a"},"roleRef":{"kind":"Role","name":"cm-editor"},"subjects":[{"kind":"User","name":"alice"}]})"),
        object(R"({"metadata":{"name":"local-sa","namespace":"team-a"},"roleRef":{"kind":"Role","name":"cm-editor"},"subjects":[{"kind":"ServiceAccount","name":"builder"}]})"),
        object(R"({"metadata":{"name":"missing-role","namespace":"team-a"},"roleRef":{"kind":"Role","name":"nope"},"subjects":[{"kind":"User","name":"frank"}]})"),
        object(R"({"metadata":{"name":"secret-named","namespace":"team-a"},"roleRef":{"kind":"ClusterRole","name":"secret-reader-named"},"subjects":[{"kind":"Group","name":"readers"}]})"),
    };
    return source;
}

} // namespace

Q_DECLARE_METATYPE(UserInfo)
Q_DECLARE_METATYPE(RequestAttributes)

class TestRbacAuthorizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decisions_data()
    {
        QTest::addColumn<UserInfo>("who");
        QTest::addColumn<RequestAttributes>("request");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");

        const QString bobPods = QStringLiteral(R"(RBAC: allowed by ClusterRoleBinding "bob-pods" of ClusterRole "pod-reader" to User "bob")");
        QTest::addRow("cluster binding, namespaced request") << user(QStringLiteral("bob")) << resource("list", "", "pods", "default") << true << bobPods;
        QTest::addRow("cluster binding, cluster-wide request") << user(QStringLiteral("bob")) << resource("watch", "", "pods", "") << true << bobPods;
        QTest::addRow("verb not granted") << user(QStringLiteral("bob")) << resource("delete", "", "pods", "default") << false << "";
        QTest::addRow("subresource not granted") << user(QStringLiteral("bob")) << resource("get", "", "pods", "default", "log") << false << "";
        QTest::addRow("unknown user") << user(QStringLiteral("nobody")) << resource("get", "", "pods", "default") << false << "";

        QTest::addRow("rolebinding to clusterrole in its namespace")
            << user(QStringLiteral("alice")) << resource("list", "", "pods", "team-a") << true
            << R"(RBAC: allowed by RoleBinding "alice-view/team-a" of ClusterRole "pod-reader" to User "alice")";
        QTest::addRow("rolebinding to clusterrole not elsewhere") << user(QStringLiteral("alice")) << resource("list", "", "pods", "default") << false << "";
        QTest::addRow("rolebinding to clusterrole not cluster-wide") << user(QStringLiteral("alice")) << resource("list", "", "pods", "") << false << "";
        QTest::addRow("rolebinding to role")
            << user(QStringLiteral("alice")) << resource("update", "", "configmaps", "team-a") << true
            << R"(RBAC: allowed by RoleBinding "alice-cm/team-a" of Role "cm-editor" to User "alice")";
        QTest::addRow("role of the same name elsewhere is not used") << user(QStringLiteral("alice")) << resource("delete", "", "configmaps", "team-a") << false << "";

        QTest::addRow("service account defaults to the binding namespace")
            << user(QStringLiteral("system:serviceaccount:team-a:builder"),
                    {QStringLiteral("system:serviceaccounts"), QStringLiteral("system:serviceaccounts:team-a")})
            << resource("update", "", "configmaps", "team-a") << true
            << R"(RBAC: allowed by RoleBinding "local-sa/team-a" of Role "cm-editor" to ServiceAccount "builder/team-a")";
        QTest::addRow("service account of another namespace")
            << user(QStringLiteral("system:serviceaccount:team-b:builder")) << resource("update", "", "configmaps", "team-a") << false << "";
        const QString saScaler = QStringLiteral(R"(RBAC: allowed by ClusterRoleBinding "sa-scaler" of ClusterRole "deploy-scaler" to ServiceAccount "deployer/ci")");
        QTest::addRow("service account cluster binding, subresource rule")
            << user(QStringLiteral("system:serviceaccount:ci:deployer")) << resource("update", "apps", "deployments", "prod", "scale", "web") << true << saScaler;
        QTest::addRow("*/status rule")
            << user(QStringLiteral("system:serviceaccount:ci:deployer")) << resource("get", "batch", "jobs", "prod", "status", "j") << true << saScaler;
        QTest::addRow("*/status rule does not grant the object")
            << user(QStringLiteral("system:serviceaccount:ci:deployer")) << resource("get", "apps", "deployments", "prod") << false << "";
        QTest::addRow("service account subject without namespace in a cluster binding")
            << user(QStringLiteral("system:serviceaccount::x")) << resource("get", "", "pods", "") << false << "";

        QTest::addRow("group, non-resource prefix")
            << user(QStringLiteral("zed"), {QStringLiteral("devs")}) << path("get", "/logs/kube-apiserver.log") << true
            << R"(RBAC: allowed by ClusterRoleBinding "devs-urls" of ClusterRole "url-reader" to Group "devs")";
        QTest::addRow("group, non-resource wrong verb") << user(QStringLiteral("zed"), {QStringLiteral("devs")}) << path("post", "/metrics") << false << "";
        QTest::addRow("non-resource rules grant no resources") << user(QStringLiteral("zed"), {QStringLiteral("devs")}) << resource("get", "", "metrics", "") << false << "";

        QTest::addRow("resourceNames named get")
            << user(QStringLiteral("rita"), {QStringLiteral("readers")}) << resource("get", "", "secrets", "team-a", "", "db-pass") << true
            << R"(RBAC: allowed by RoleBinding "secret-named/team-a" of ClusterRole "secret-reader-named" to Group "readers")";
        QTest::addRow("resourceNames list denied") << user(QStringLiteral("rita"), {QStringLiteral("readers")}) << resource("list", "", "secrets", "team-a") << false << "";

        QTest::addRow("missing roles and bad kinds are reported, deduplicated")
            << user(QStringLiteral("carol")) << resource("get", "", "pods", "default") << false
            << R"(RBAC: [clusterrole.rbac.authorization.k8s.io "missing-role" not found, unsupported role reference kind: "Bogus"])";
        QTest::addRow("missing namespaced role")
            << user(QStringLiteral("frank")) << resource("get", "", "pods", "team-a") << false
            << R"(RBAC: role.rbac.authorization.k8s.io "nope" not found)";
        QTest::addRow("missing namespaced role not consulted cluster-wide") << user(QStringLiteral("frank")) << resource("get", "", "pods", "") << false << "";
        QTest::addRow("role referenced from a cluster binding")
            << user(QStringLiteral("gina")) << resource("update", "", "configmaps", "team-a") << false
            << R"(RBAC: role.rbac.authorization.k8s.io "cm-editor" not found)";

        const QString agg = QStringLiteral(R"(RBAC: allowed by ClusterRoleBinding "agg" of ClusterRole "agg-parent" to User "dave")");
        QTest::addRow("aggregated rule from child a") << user(QStringLiteral("dave")) << resource("list", "", "configmaps", "x") << true << agg;
        QTest::addRow("aggregated rule from child b") << user(QStringLiteral("dave")) << resource("get", "", "services", "x") << true << agg;
        QTest::addRow("stored rules of an aggregated role are replaced") << user(QStringLiteral("dave")) << resource("delete", "", "nodes", "") << false << "";
        QTest::addRow("invalid selector keeps stored rules")
            << user(QStringLiteral("dave")) << resource("get", "", "endpoints", "x") << true
            << R"(RBAC: allowed by ClusterRoleBinding "broken" of ClusterRole "broken-agg" to User "dave")";
        QTest::addRow("aggregation cycle resolves to the leaves")
            << user(QStringLiteral("erin")) << resource("get", "coordination.k8s.io", "leases", "kube-system") << true
            << R"(RBAC: allowed by ClusterRoleBinding "cyc" of ClusterRole "cycle-a" to User "erin")";

        QTest::addRow("system:masters may do anything, without a reason")
            << user(QStringLiteral("root"), {QStringLiteral("system:masters")}) << resource("deletecollection", "fission.io", "functions", "x") << true << "";
        QTest::addRow("system:masters non-resource") << user(QStringLiteral("root"), {QStringLiteral("system:masters")}) << path("get", "/debug/pprof") << true << "";
    }

    void decisions()
    {
        QFETCH(UserInfo, who);
        QFETCH(RequestAttributes, request);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);

        const StaticRbacSource source = fixture();
        const RbacAuthorizer authorizer(source);
        const AuthorizationDecision decision = authorizer.authorize(who, request);
        QCOMPARE(decision.allowed, allowed);
        QCOMPARE(decision.reason, reason);
    }

    void aggregationFollowsNewRolesAtOnce()
    {
        StaticRbacSource source = fixture();
        const RbacAuthorizer authorizer(source);
        const RequestAttributes request = resource("create", "fission.io", "functions", "x");
        QVERIFY(!authorizer.authorize(user(QStringLiteral("dave")), request).allowed);
        source.clusterRoleList.append(object(
            R"({"metadata":{"name":"fission-edit","labels":{"agg":"parent"}},"rules":[{"verbs":["create"],"apiGroups":["fission.io"],"resources":["functions"]}]})"));
        QVERIFY(authorizer.authorize(user(QStringLiteral("dave")), request).allowed);
    }

    void aggregatedRulesOrderAndDedup()
    {
        const QList<QJsonObject> roles{
            object(R"({"metadata":{"name":"parent"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"x":"1"}},{"matchLabels":{"y":"1"}}]}})"),
            object(R"({"metadata":{"name":"zeta","labels":{"x":"1"}},"rules":[{"verbs":["get"],"resources":["z"]}]})"),
            object(R"({"metadata":{"name":"alpha","labels":{"x":"1","y":"1"}},"rules":[{"verbs":["get"],"resources":["a"]},{"verbs":["get"],"resources":["z"]}]})"),
            object(R"({"metadata":{"name":"beta","labels":{"y":"1"}},"rules":[{"verbs":["get"],"resources":["b"]}]})"),
            object(R"({"metadata":{"name":"plain"},"rules":[{"verbs":["get"],"resources":["p"]}]})"),
        };
        const auto rules = aggregatedClusterRoleRules(roles.constFirst(), roles);
        QVERIFY(rules.has_value());
        QStringList resources;
        for (const PolicyRule &rule : *rules)
            resources.append(rule.resources.join(QLatin1Char(',')));
        // Selector 1 by name: alpha (a, z), zeta (z: duplicate); selector 2: alpha (dups), beta.
        QCOMPARE(resources, (QStringList{QStringLiteral("a"), QStringLiteral("z"), QStringLiteral("b")}));

        QVERIFY(!aggregatedClusterRoleRules(roles.at(4), roles).has_value());
        // The role may be absent from the list (about to be created).
        QCOMPARE(aggregatedClusterRoleRules(roles.constFirst(), roles.mid(1))->size(), 3);
        // No selectors: the controller empties the rules.
        QCOMPARE(aggregatedClusterRoleRules(object(R"({"metadata":{"name":"e"},"aggregationRule":{},"rules":[{"verbs":["get"],"resources":["q"]}]})"), roles)->size(), 0);
    }

    void hostileAggregationTerminates()
    {
        // Every role aggregates every other one, and a 300-deep chain: both must terminate (a cycle
        // that is followed forever hits the test's timeout; speed belongs to the benchmarks).
        StaticRbacSource source;
        for (int i = 0; i < 60; ++i) {
            source.clusterRoleList.append(object(qPrintable(QStringLiteral(
                R"({"metadata":{"name":"all-%1","labels":{"mesh":"y"}},"aggregationRule":{"clusterRoleSelectors":[{}]},"rules":[{"verbs":["get"],"resources":["r%1"]}]})").arg(i))));
        }
        source.clusterRoleList.append(object(R"({"metadata":{"name":"leaf","labels":{"mesh":"y"}},"rules":[{"verbs":["get"],"apiGroups":[""],"resources":["leafthings"]}]})"));
        for (int i = 0; i < 300; ++i) {
            source.clusterRoleList.append(object(qPrintable(QStringLiteral(
                R"({"metadata":{"name":"chain-%1","labels":{"chain":"%1"}},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"chain":"%2"}}]}})").arg(i).arg(i + 1))));
        }
        source.clusterRoleBindingList = {
            object(R"({"metadata":{"name":"m"},"roleRef":{"kind":"ClusterRole","name":"all-0"},"subjects":[{"kind":"User","name":"u"}]})"),
            object(R"({"metadata":{"name":"c"},"roleRef":{"kind":"ClusterRole","name":"chain-0"},"subjects":[{"kind":"User","name":"u"}]})"),
        };
        const RbacAuthorizer authorizer(source);
        QVERIFY(authorizer.authorize(user(QStringLiteral("u")), resource("get", "", "leafthings", "")).allowed);
        QVERIFY(!authorizer.authorize(user(QStringLiteral("u")), resource("delete", "", "leafthings", "")).allowed);
        QVERIFY(authorizer.rulesFor(user(QStringLiteral("u")), QStringLiteral("ns")).resourceRules.isEmpty() == false);
    }

    void malformedObjectsAreIgnored()
    {
        StaticRbacSource source = fixture();
        const char *garbage[] = {
            "{}",
            R"({"metadata":"x"})",
            R"({"metadata":{"name":7},"rules":"all"})",
            R"({"metadata":{"name":"bad-rules"},"rules":[1,"x",null,{"verbs":"*"},{"verbs":["*"],"apiGroups":["*"],"resources":"*"}]})",
            R"({"metadata":{"name":"agg-array","labels":"x"},"aggregationRule":[{"matchLabels":{}}]})",
            R"({"metadata":{"name":"agg-bad-selectors"},"aggregationRule":{"clusterRoleSelectors":"all"}})",
            R"({"metadata":{"name":"agg-null-selector"},"aggregationRule":{"clusterRoleSelectors":[null,5]}})",
            R"({"roleRef":null,"subjects":null})",
            R"({"metadata":{"name":"b1"},"roleRef":{"kind":"ClusterRole","name":"bad-rules"},"subjects":{"kind":"User","name":"mal"}})",
            R"({"metadata":{"name":"b2"},"roleRef":{"kind":"ClusterRole","name":"bad-rules"},"subjects":[{"kind":"User","name":"mal"}]})",
            R"({"metadata":{"name":"b3"},"roleRef":{"kind":"ClusterRole"},"subjects":[{"kind":"User","name":"mal"}]})",
            R"({"metadata":{"name":"b4"},"roleRef":{"kind":["ClusterRole"],"name":{}},"subjects":[{"kind":"User","name":"mal"}]})",
            R"({"metadata":{"name":"b5"},"roleRef":{"kind":"ClusterRole","name":"agg-bad-selectors"},"subjects":[{"kind":"User","name":"mal"}]})",
            R"({"metadata":{"name":"b6"},"roleRef":{"kind":"ClusterRole","name":"agg-null-selector"},"subjects":[{"kind":"User","name":"mal"}]})",
            R"({"metadata":{"name":"b7"},"roleRef":{"kind":"ClusterRole","name":"pod-reader"},"subjects":[{"kind":"User"},{"name":"mal"},{"kind":"User","name":"mal"}]})",
        };
        for (const char *json : garbage) {
            source.clusterRoleList.append(object(json));
            source.clusterRoleBindingList.append(object(json));
            source.roleList.append(object(json));
            source.roleBindingList.append(object(json));
        }
        const RbacAuthorizer authorizer(source);
        const UserInfo mal = user(QStringLiteral("mal"));
        // The one sound binding still grants; nothing broken grants more.
        QVERIFY(authorizer.authorize(mal, resource("get", "", "pods", "team-a")).allowed);
        QVERIFY(!authorizer.authorize(mal, resource("get", "", "secrets", "team-a")).allowed);
        QVERIFY(!authorizer.authorize(mal, resource("delete", "apps", "deployments", "")).allowed);
        QVERIFY(authorizer.authorize(user(QStringLiteral("bob")), resource("get", "", "pods", "x")).allowed);
        const RulesReview review = authorizer.rulesFor(mal, QStringLiteral("team-a"));
        QCOMPARE(review.resourceRules.size(), 1);
        QVERIFY(!review.evaluationError.isEmpty());
    }

    void rulesReview()
    {
        const StaticRbacSource source = fixture();
        const RbacAuthorizer authorizer(source);

        const RulesReview alice = authorizer.rulesFor(user(QStringLiteral("alice")), QStringLiteral("team-a"));
        QCOMPARE(alice.resourceRules.size(), 2);
        QCOMPARE(alice.resourceRules.at(0),
                 (ResourceRuleInfo{{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")}, {QString()}, {QStringLiteral("pods")}, {}}));
        QCOMPARE(alice.resourceRules.at(1), (ResourceRuleInfo{{QStringLiteral("update")}, {QString()}, {QStringLiteral("configmaps")}, {}}));
        QVERIFY(alice.nonResourceRules.isEmpty());
        QVERIFY(!alice.incomplete);
        QVERIFY(alice.evaluationError.isEmpty());
        QVERIFY(authorizer.rulesFor(user(QStringLiteral("alice")), QStringLiteral("default")).resourceRules.isEmpty());

        const RulesReview mixed = authorizer.rulesFor(user(QStringLiteral("rita"), {QStringLiteral("readers"), QStringLiteral("devs")}),
                                                      QStringLiteral("team-a"));
        QCOMPARE(mixed.nonResourceRules.size(), 1);
        QCOMPARE(mixed.nonResourceRules.at(0), (NonResourceRuleInfo{{QStringLiteral("get")}, {QStringLiteral("/metrics"), QStringLiteral("/logs/*")}}));
        QCOMPARE(mixed.resourceRules.size(), 1);
        QCOMPARE(mixed.resourceRules.at(0).resourceNames, QStringList{QStringLiteral("db-pass")});

        const RulesReview frank = authorizer.rulesFor(user(QStringLiteral("frank")), QStringLiteral("team-a"));
        QCOMPARE(frank.evaluationError, QStringLiteral(R"(role.rbac.authorization.k8s.io "nope" not found)"));

        const QJsonObject status = mixed.toStatusJson();
        QCOMPARE(status.value(QStringLiteral("incomplete")), QJsonValue(false));
        QVERIFY(!status.contains(QStringLiteral("evaluationError")));
        const QJsonObject resourceRule = status.value(QStringLiteral("resourceRules")).toArray().at(0).toObject();
        QCOMPARE(resourceRule.value(QStringLiteral("resourceNames")).toArray().at(0).toString(), QStringLiteral("db-pass"));
        QCOMPARE(resourceRule.value(QStringLiteral("apiGroups")).toArray().at(0).toString(), QString());
        const QJsonObject nonResourceRule = status.value(QStringLiteral("nonResourceRules")).toArray().at(0).toObject();
        QCOMPARE(nonResourceRule.keys(), (QStringList{QStringLiteral("nonResourceURLs"), QStringLiteral("verbs")}));

        const QJsonObject empty = RulesReview().toStatusJson();
        QVERIFY(empty.value(QStringLiteral("resourceRules")).isArray());
        QVERIFY(empty.value(QStringLiteral("nonResourceRules")).isArray());
        QCOMPARE(frank.toStatusJson().value(QStringLiteral("evaluationError")).toString(), frank.evaluationError);
    }
};

QTEST_GUILESS_MAIN(TestRbacAuthorizer)
#include "tst_rbacauthorizer.moc"
