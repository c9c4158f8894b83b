#include "sim/auth/AuthStatus.h"

#include <QJsonArray>
#include <QTest>

using namespace fd::sim;

// moc mis-tokenises raw strings holding backslashes: such strings use ordinary literals.
namespace {

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

UserInfo named(const char *name)
{
    UserInfo user;
    user.name = QString::fromUtf8(name);
    user.groups = {QStringLiteral("system:authenticated")};
    return user;
}

} // namespace

Q_DECLARE_METATYPE(RequestAttributes)

class TestAuthStatus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void forbiddenMessages_data()
    {
        QTest::addColumn<QString>("userName");
        QTest::addColumn<RequestAttributes>("request");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");

        QTest::addRow("namespaced list")
            << "bob" << resource("list", "", "pods", "default") << ""
            << R"(pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default")";
        QTest::addRow("named object in a group")
            << "bob" << resource("get", "apps", "deployments", "prod", "", "web") << ""
            << R"(deployments.apps "web" is forbidden: User "bob" cannot get resource "deployments" in API group "apps" in the namespace "prod")";
        QTest::addRow("cluster scope")
            << "bob" << resource("list", "", "namespaces", "") << ""
            << R"(namespaces is forbidden: User "bob" cannot list resource "namespaces" in API group "" at the cluster scope)";
        QTest::addRow("named cluster-scoped object")
            << "bob" << resource("delete", "rbac.authorization.k8s.io", "clusterroles", "", "", "admin") << ""
            << R"(clusterroles.rbac.authorization.k8s.io "admin" is forbidden: User "bob" cannot delete resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope)";
        QTest::addRow("subresource")
            << "bob" << resource("get", "", "pods", "default", "log", "web-0") << ""
            << R"(pods "web-0" is forbidden: User "bob" cannot get resource "pods/log" in API group "" in the namespace "default")";
        QTest::addRow("exec subresource")
            << "bob" << resource("create", "", "pods", "default", "exec", "web-0") << ""
            << R"(pods "web-0" is forbidden: User "bob" cannot create resource "pods/exec" in API group "" in the namespace "default")";
        QTest::addRow("custom resource create")
            << "system:serviceaccount:fission:builder" << resource("create", "fission.io", "functions", "fission") << ""
            << R"(functions.fission.io is forbidden: User "system:serviceaccount:fission:builder" cannot create resource "functions" in API group "fission.io" in the namespace "fission")";
        QTest::addRow("non-resource")
            << "bob" << path("get", "/metrics") << ""
            << R"(forbidden: User "bob" cannot get path "/metrics")";
        QTest::addRow("anonymous non-resource")
            << "system:anonymous" << path("get", "/") << ""
            << R"(forbidden: User "system:anonymous" cannot get path "/")";
        QTest::addRow("authorizer reason appended")
            << "carol" << resource("get", "", "pods", "default") << R"(RBAC: clusterrole.rbac.authorization.k8s.io "x" not found)"
            << R"(pods is forbidden: User "carol" cannot get resource "pods" in API group "" in the namespace "default": RBAC: clusterrole.rbac.authorization.k8s.io "x" not found)";
        QTest::addRow("impersonation check")
            << "bob" << resource("impersonate", "", "users", "", "", "jane") << ""
            << R"(users "jane" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope)";
        QTest::addRow("impersonation of an extra")
            << "bob" << resource("impersonate", "authentication.k8s.io", "userextras", "", "scopes", "view") << ""
            << R"(userextras.authentication.k8s.io "view" is forbidden: User "bob" cannot impersonate resource "userextras/scopes" in API group "authentication.k8s.io" at the cluster scope)";
        QTest::addRow("quotes escaped Go-style")
            << "b\"ob" << resource("get", "", "pods", "default", "", "we\"b") << ""
            << "pods \"we\\\"b\" is forbidden: User \"b\\\"ob\" cannot get resource \"pods\" in API group \"\" in the namespace \"default\"";
        QTest::addRow("html-looking characters escaped")
            << "<b>&" << path("get", "/x<y>") << ""
            << R"(forbidden: User "&lt;b&gt;&amp;" cannot get path "/x&lt;y&gt;")";
        QTest::addRow("reason is not escaped")
            << "bob" << path("get", "/x") << "<r>"
            << R"(forbidden: User "bob" cannot get path "/x": <r>)";
        QTest::addRow("empty user name")
            << "" << resource("watch", "", "events", "") << ""
            << R"(events is forbidden: User "" cannot watch resource "events" in API group "" at the cluster scope)";
    }

    void forbiddenMessages()
    {
        QFETCH(QString, userName);
        QFETCH(RequestAttributes, request);
        QFETCH(QString, reason);
        QFETCH(QString, message);

        UserInfo user;
        user.name = userName;
        QCOMPARE(forbiddenMessage(user, request, reason), message);
        const QJsonObject status = forbiddenStatus(user, request, reason);
        QCOMPARE(status.value(QStringLiteral("message")).toString(), message);
    }

    void forbiddenStatusShape()
    {
        const QJsonObject status = forbiddenStatus(named("bob"), resource("get", "apps", "deployments", "prod", "scale", "web"));
        QCOMPARE(status.value(QStringLiteral("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(status.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
        QVERIFY(status.value(QStringLiteral("metadata")).isObject());
        QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("Failure"));
        QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("Forbidden"));
        QCOMPARE(status.value(QStringLiteral("code")).toInt(), 403);
        const QJsonObject details = status.value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
        QCOMPARE(details.value(QStringLiteral("group")).toString(), QStringLiteral("apps"));
        QCOMPARE(details.value(QStringLiteral("kind")).toString(), QStringLiteral("deployments"));

        // Non-resource requests still carry an (empty) details object, as the apiserver's do.
        const QJsonObject pathStatus = forbiddenStatus(named("bob"), path("get", "/metrics"));
        QVERIFY(pathStatus.value(QStringLiteral("details")).isObject());
        QVERIFY(pathStatus.value(QStringLiteral("details")).toObject().isEmpty());
    }

    void unauthorized()
    {
        const QJsonObject status = unauthorizedStatus();
        QCOMPARE(status.value(QStringLiteral("message")).toString(), QStringLiteral("Unauthorized"));
        QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("Unauthorized"));
        QCOMPARE(status.value(QStringLiteral("code")).toInt(), 401);
        QVERIFY(!status.contains(QStringLiteral("details")));
    }
};

QTEST_GUILESS_MAIN(TestAuthStatus)
#include "tst_authstatus.moc"
