#include "sim/auth/BootstrapRbac.h"
#include "sim/auth/RbacAuthorizer.h"
#include "sim/core/ObjectMeta.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace fd::sim;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject findByName(const QList<QJsonObject> &objects, const char *name)
{
    for (const QJsonObject &candidate : objects) {
        if (nameOf(candidate) == QLatin1String(name))
            return candidate;
    }
    return {};
}

// The bootstrap policy plus one user bound to each of view/edit/admin in namespace "apps-ns".
StaticRbacSource clusterWithUsers(bool materializedRules)
{
    StaticRbacSource source;
    source.clusterRoleList = bootstrapClusterRoles();
    if (!materializedRules) {
        // Aggregated roles as freshly created (controller not run yet): on-the-fly evaluation.
        for (QJsonObject &role : source.clusterRoleList) {
            if (role.contains(QStringLiteral("aggregationRule")))
                role.remove(QStringLiteral("rules"));
        }
    }
    source.clusterRoleBindingList = bootstrapClusterRoleBindings();
    for (const char *role : {"view", "edit", "admin"}) {
        source.roleBindingList.append(object(qPrintable(QStringLiteral(
            R"({"metadata":{"name":"%1-binding","namespace":"apps-ns"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"%1"},"subjects":[{"kind":"User","name":"%1-user"}]})")
                                                            .arg(QString::fromLatin1(role)))));
    }
    return source;
}

UserInfo authenticated(const char *name, const QStringList &groups = {})
{
    UserInfo user;
    user.name = QString::fromUtf8(name);
    user.groups = groups;
    user.groups.append(QStringLiteral("system:authenticated"));
    return user;
}

UserInfo anonymous()
{
    UserInfo user;
    user.name = QStringLiteral("system:anonymous");
    user.groups = {QStringLiteral("system:unauthenticated")};
    return user;
}

RequestAttributes resource(const char *verb, const char *group, const char *resourceName, const char *namespaceName,
                           const char *subresource = "")
{
    RequestAttributes attributes;
    attributes.verb = QString::fromUtf8(verb);
    attributes.apiGroup = QString::fromUtf8(group);
    attributes.resource = QString::fromUtf8(resourceName);
    attributes.namespaceName = QString::fromUtf8(namespaceName);
    attributes.subresource = QString::fromUtf8(subresource);
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

} // namespace

Q_DECLARE_METATYPE(UserInfo)
Q_DECLARE_METATYPE(RequestAttributes)

class TestBootstrapRbac : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void objectsLookLikeUpstream()
    {
        const QList<QJsonObject> roles = bootstrapClusterRoles();
        QStringList names;
        for (const QJsonObject &role : roles) {
            names.append(nameOf(role));
            QCOMPARE(role.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("rbac.authorization.k8s.io/v1"));
            QCOMPARE(role.value(QStringLiteral("kind")).toString(), QStringLiteral("ClusterRole"));
            QCOMPARE(labelsOf(role).value(QStringLiteral("kubernetes.io/bootstrapping")).toString(), QStringLiteral("rbac-defaults"));
            const QJsonObject annotations = role.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("annotations")).toObject();
            QCOMPARE(annotations.value(QStringLiteral("rbac.authorization.kubernetes.io/autoupdate")).toString(), QStringLiteral("true"));
        }
        for (const char *expected : {"cluster-admin", "admin", "edit", "view", "system:aggregate-to-admin", "system:aggregate-to-edit",
                                     "system:aggregate-to-view", "system:discovery", "system:basic-user", "system:public-info-viewer"}) {
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        }
        QCOMPARE(names.size(), QSet<QString>(names.cbegin(), names.cend()).size()); // no name twice

        QCOMPARE(labelsOf(findByName(roles, "edit")).value(QStringLiteral("rbac.authorization.k8s.io/aggregate-to-admin")).toString(), QStringLiteral("true"));
        QCOMPARE(labelsOf(findByName(roles, "view")).value(QStringLiteral("rbac.authorization.k8s.io/aggregate-to-edit")).toString(), QStringLiteral("true"));
        const QJsonObject selector = findByName(roles, "view")
                                         .value(QStringLiteral("aggregationRule")).toObject()
                                         .value(QStringLiteral("clusterRoleSelectors")).toArray().at(0).toObject();
        QCOMPARE(selector.value(QStringLiteral("matchLabels")).toObject().value(QStringLiteral("rbac.authorization.k8s.io/aggregate-to-view")).toString(),
                 QStringLiteral("true"));

        const QList<QJsonObject> bindings = bootstrapClusterRoleBindings();
        const QJsonObject masters = findByName(bindings, "cluster-admin");
        QCOMPARE(masters.value(QStringLiteral("subjects")).toArray().at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("system:masters"));
        QCOMPARE(findByName(bindings, "system:public-info-viewer").value(QStringLiteral("subjects")).toArray().size(), 2);
        QCOMPARE(findByName(bindings, "system:discovery").value(QStringLiteral("subjects")).toArray().size(), 1);
        for (const QJsonObject &binding : bindings) {
            QCOMPARE(binding.value(QStringLiteral("kind")).toString(), QStringLiteral("ClusterRoleBinding"));
            QCOMPARE(labelsOf(binding).value(QStringLiteral("kubernetes.io/bootstrapping")).toString(), QStringLiteral("rbac-defaults"));
            QCOMPARE(binding.value(QStringLiteral("roleRef")).toObject().value(QStringLiteral("name")).toString(), nameOf(binding));
        }
    }

    void materializedRulesEqualOnTheFlyAggregation()
    {
        const QList<QJsonObject> roles = bootstrapClusterRoles();
        for (const char *name : {"admin", "edit", "view"}) {
            const QJsonObject role = findByName(roles, name);
            const auto aggregated = aggregatedClusterRoleRules(role, roles);
            QVERIFY(aggregated.has_value());
            QVERIFY(!aggregated->isEmpty());
            QCOMPARE(role.value(QStringLiteral("rules")).toArray(), policyRulesToJson(*aggregated));
        }
        // admin = edit's rules (which include view's) followed by the admin-only ones.
        const QJsonArray admin = findByName(roles, "admin").value(QStringLiteral("rules")).toArray();
        const QJsonArray edit = findByName(roles, "edit").value(QStringLiteral("rules")).toArray();
        const QJsonArray view = findByName(roles, "view").value(QStringLiteral("rules")).toArray();
        QCOMPARE(admin.size(), edit.size() + 2);
        QCOMPARE(edit.size(), 13 + view.size());
        QCOMPARE(admin.at(0), edit.at(0));
    }

    void decisions_data()
    {
        QTest::addColumn<bool>("materialized");
        QTest::addColumn<UserInfo>("who");
        QTest::addColumn<RequestAttributes>("request");
        QTest::addColumn<bool>("allowed");

        for (const bool materialized : {true, false}) {
            const char *mode = materialized ? "stored" : "on-the-fly";
            const auto row = [&](const char *label) -> QTestData & { return QTest::addRow("%s: %s", mode, label) << materialized; };
            const UserInfo view = authenticated("view-user");
            const UserInfo edit = authenticated("edit-user");
            const UserInfo admin = authenticated("admin-user");

            row("view reads pods") << view << resource("list", "", "pods", "apps-ns") << true;
            row("view reads deployments") << view << resource("get", "apps", "deployments", "apps-ns") << true;
            row("view reads pod logs") << view << resource("get", "", "pods", "apps-ns", "log") << true;
            row("view cannot read secrets") << view << resource("get", "", "secrets", "apps-ns") << false;
            row("view cannot list secrets") << view << resource("list", "", "secrets", "apps-ns") << false;
            row("view cannot create deployments") << view << resource("create", "apps", "deployments", "apps-ns") << false;
            row("view cannot exec") << view << resource("create", "", "pods", "apps-ns", "exec") << false;
            row("view only in its namespace") << view << resource("list", "", "pods", "default") << false;
            row("edit creates deployments") << edit << resource("create", "apps", "deployments", "apps-ns") << true;
            row("edit reads deployments") << edit << resource("get", "apps", "deployments", "apps-ns") << true;
            row("edit reads secrets") << edit << resource("get", "", "secrets", "apps-ns") << true;
            row("edit scales") << edit << resource("patch", "apps", "deployments", "apps-ns", "scale") << true;
            row("edit creates jobs") << edit << resource("create", "batch", "jobs", "apps-ns") << true;
            row("edit execs") << edit << resource("create", "", "pods", "apps-ns", "exec") << true;
            row("edit cannot grant") << edit << resource("create", "rbac.authorization.k8s.io", "rolebindings", "apps-ns") << false;
            row("edit cannot touch quotas") << edit << resource("update", "", "resourcequotas", "apps-ns") << false;
            row("edit only in its namespace") << edit << resource("create", "apps", "deployments", "default") << false;
            row("admin grants") << admin << resource("create", "rbac.authorization.k8s.io", "rolebindings", "apps-ns") << true;
            row("admin creates deployments") << admin << resource("create", "apps", "deployments", "apps-ns") << true;
            row("admin cannot touch nodes") << admin << resource("list", "", "nodes", "") << false;
            row("admin has no custom resources") << admin << resource("create", "fission.io", "functions", "apps-ns") << false;

            const UserInfo plain = authenticated("nobody");
            row("anyone may ask SSAR") << plain << resource("create", "authorization.k8s.io", "selfsubjectaccessreviews", "") << true;
            row("anyone may ask SSRR") << plain << resource("create", "authorization.k8s.io", "selfsubjectrulesreviews", "") << true;
            row("anyone may ask who am I") << plain << resource("create", "authentication.k8s.io", "selfsubjectreviews", "") << true;
            row("authenticated discovery") << plain << path("get", "/apis/apps/v1") << true;
            row("authenticated openapi") << plain << path("get", "/openapi/v3") << true;
            row("authenticated version") << plain << path("get", "/version") << true;
            row("no metrics") << plain << path("get", "/metrics") << false;
            row("no pods") << plain << resource("list", "", "pods", "default") << false;
            row("anonymous version") << anonymous() << path("get", "/version") << true;
            row("anonymous healthz") << anonymous() << path("get", "/healthz") << true;
            row("anonymous no discovery") << anonymous() << path("get", "/api") << false;
            row("anonymous no SSAR") << anonymous() << resource("create", "authorization.k8s.io", "selfsubjectaccessreviews", "") << false;
            row("masters anything") << authenticated("root", {QStringLiteral("system:masters")}) << resource("delete", "", "nodes", "") << true;
        }
    }

    void decisions()
    {
        QFETCH(bool, materialized);
        QFETCH(UserInfo, who);
        QFETCH(RequestAttributes, request);
        QFETCH(bool, allowed);

        const StaticRbacSource source = clusterWithUsers(materialized);
        const RbacAuthorizer authorizer(source);
        QCOMPARE(authorizer.authorize(who, request).allowed, allowed);
    }

    void reasonsNameTheBootstrapBindings()
    {
        const StaticRbacSource source = clusterWithUsers(true);
        const RbacAuthorizer authorizer(source);
        QCOMPARE(authorizer.authorize(authenticated("nobody"), resource("create", "authorization.k8s.io", "selfsubjectaccessreviews", "")).reason,
                 QStringLiteral(R"(RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated")"));
        QCOMPARE(authorizer.authorize(authenticated("edit-user"), resource("create", "apps", "deployments", "apps-ns")).reason,
                 QStringLiteral(R"(RBAC: allowed by RoleBinding "edit-binding/apps-ns" of ClusterRole "edit" to User "edit-user")"));
    }

    void rulesReviewOfAPlainUser()
    {
        const StaticRbacSource source = clusterWithUsers(true);
        const RbacAuthorizer authorizer(source);
        const RulesReview review = authorizer.rulesFor(authenticated("nobody"), QStringLiteral("default"));
        QCOMPARE(review.resourceRules,
                 (QList<ResourceRuleInfo>{
                     {{QStringLiteral("create")}, {QStringLiteral("authorization.k8s.io")},
                      {QStringLiteral("selfsubjectaccessreviews"), QStringLiteral("selfsubjectrulesreviews")}, {}},
                     {{QStringLiteral("create")}, {QStringLiteral("authentication.k8s.io")}, {QStringLiteral("selfsubjectreviews")}, {}},
                 }));
        QCOMPARE(review.nonResourceRules.size(), 2);
        QVERIFY(review.nonResourceRules.at(0).nonResourceURLs.contains(QStringLiteral("/apis/*")));
        QCOMPARE(review.nonResourceRules.at(1).nonResourceURLs,
                 (QStringList{QStringLiteral("/healthz"), QStringLiteral("/livez"), QStringLiteral("/readyz"),
                              QStringLiteral("/version"), QStringLiteral("/version/")}));
        QVERIFY(!review.incomplete);
        QVERIFY(review.evaluationError.isEmpty());

        const RulesReview viewer = authorizer.rulesFor(authenticated("view-user"), QStringLiteral("apps-ns"));
        QCOMPARE(viewer.resourceRules.size(), 2 + 10);

        const RulesReview root = authorizer.rulesFor(authenticated("root", {QStringLiteral("system:masters")}), QStringLiteral("x"));
        QCOMPARE(root.resourceRules.at(0),
                 (ResourceRuleInfo{{QStringLiteral("*")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}}));
        QCOMPARE(root.nonResourceRules.at(0), (NonResourceRuleInfo{{QStringLiteral("*")}, {QStringLiteral("*")}}));
    }
};

QTEST_GUILESS_MAIN(TestBootstrapRbac)
#include "tst_bootstraprbac.moc"
