#include "sim/auth/Impersonation.h"
#include "sim/auth/RbacAuthorizer.h"

#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

StaticRbacSource impersonationPolicy()
{
    StaticRbacSource source;
    source.clusterRoleList = {
        object(R"({"metadata":{"name":"impersonator"},"rules":[
            {"verbs":["impersonate"],"apiGroups":[""],"resources":["users"],"resourceNames":["jane","system:anonymous"]},
            {"verbs":["impersonate"],"apiGroups":[""],"resources":["groups"]},
            {"verbs":["impersonate"],"apiGroups":["authentication.k8s.io"],"resources":["uids","userextras/scopes","userextras/%zz"]}]})"),
        object(R"({"metadata":{"name":"sa-impersonator"},"rules":[
            {"verbs":["impersonate"],"apiGroups":[""],"resources":["serviceaccounts"]}]})"),
    };
    source.clusterRoleBindingList = {
        object(R"({"metadata":{"name":"bob-impersonates"},"roleRef":{"kind":"ClusterRole","name":"impersonator"},"subjects":[{"kind":"User","name":"bob"}]})"),
    };
    source.roleBindingList = {
        object(R"({"metadata":{"name":"bob-sa","namespace":"fission"},"roleRef":{"kind":"ClusterRole","name":"sa-impersonator"},"subjects":[{"kind":"User","name":"bob"}]})"),
    };
    return source;
}

RequestHeaderList headersFrom(const QByteArrayList &lines)
{
    RequestHeaderList headers;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

} // namespace

class TestImpersonation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void impersonation_data()
    {
        QTest::addColumn<QString>("requestor");
        QTest::addColumn<QByteArrayList>("headers");
        QTest::addColumn<int>("httpStatus"); // 0 = success
        QTest::addColumn<QString>("userName");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QString>("message");

        const QString auth = QStringLiteral("system:authenticated");
        QTest::addRow("no headers") << "bob" << QByteArrayList{"Accept: application/json"} << 0 << "bob"
                                    << QStringList{auth} << "";
        QTest::addRow("user") << "bob" << QByteArrayList{"Impersonate-User: jane"} << 0 << "jane" << QStringList{auth} << "";
        QTest::addRow("header names are case-insensitive") << "bob" << QByteArrayList{"IMPERSONATE-USER: jane"} << 0 << "jane" << QStringList{auth} << "";
        QTest::addRow("first user header wins") << "bob" << QByteArrayList{"impersonate-user: jane", "impersonate-user: mallory"} << 0 << "jane" << QStringList{auth} << "";
        QTest::addRow("user not allowed")
            << "bob" << QByteArrayList{"Impersonate-User: mallory"} << 403 << "" << QStringList()
            << R"(users "mallory" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope)";
        QTest::addRow("groups are added to system:authenticated")
            << "bob" << QByteArrayList{"Impersonate-User: jane", "Impersonate-Group: g1", "Impersonate-Group: g2"} << 0 << "jane"
            << QStringList{QStringLiteral("g1"), QStringLiteral("g2"), auth} << "";
        QTest::addRow("explicit system:unauthenticated stays alone")
            << "bob" << QByteArrayList{"Impersonate-User: jane", "Impersonate-Group: system:unauthenticated"} << 0 << "jane"
            << QStringList{QStringLiteral("system:unauthenticated")} << "";
        QTest::addRow("anonymous gets system:unauthenticated")
            << "bob" << QByteArrayList{"Impersonate-User: system:anonymous"} << 0 << "system:anonymous"
            << QStringList{QStringLiteral("system:unauthenticated")} << "";
        QTest::addRow("service account gets its groups")
            << "bob" << QByteArrayList{"Impersonate-User: system:serviceaccount:fission:builder"} << 0
            << "system:serviceaccount:fission:builder"
            << QStringList{QStringLiteral("system:serviceaccounts"), QStringLiteral("system:serviceaccounts:fission"), auth} << "";
        QTest::addRow("service account with explicit groups")
            << "bob" << QByteArrayList{"Impersonate-User: system:serviceaccount:fission:builder", "Impersonate-Group: g1"} << 0
            << "system:serviceaccount:fission:builder" << QStringList{QStringLiteral("g1"), auth} << "";
        QTest::addRow("service account of another namespace")
            << "bob" << QByteArrayList{"Impersonate-User: system:serviceaccount:default:builder"} << 403 << "" << QStringList()
            << R"(serviceaccounts "builder" is forbidden: User "bob" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "default")";
        QTest::addRow("malformed service account name is a user")
            << "bob" << QByteArrayList{"Impersonate-User: system:serviceaccount:fission"} << 403 << "" << QStringList()
            << R"(users "system:serviceaccount:fission" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope)";
        QTest::addRow("extra key not allowed")
            << "bob" << QByteArrayList{"Impersonate-User: jane", "Impersonate-Extra-Scopes: view", "Impersonate-Extra-Foo%2Fbar: x"} << 403 << "" << QStringList()
            << R"(userextras.authentication.k8s.io "x" is forbidden: User "bob" cannot impersonate resource "userextras/foo/bar" in API group "authentication.k8s.io" at the cluster scope)";
        QTest::addRow("uid and extras")
            << "bob" << QByteArrayList{"Impersonate-User: jane", "Impersonate-Extra-Scopes: a", "impersonate-extra-scopes: b", "Impersonate-Uid: 1234"} << 0
            << "jane" << QStringList{auth} << "";
        QTest::addRow("bad escape keeps the key")
            << "bob" << QByteArrayList{"Impersonate-User: jane", "Impersonate-Extra-%zz: y"} << 0 << "jane" << QStringList{auth} << "";
        QTest::addRow("group without user")
            << "bob" << QByteArrayList{"Impersonate-Group: admins"} << 400 << "" << QStringList()
            << "requested [{Group  admins    }] without impersonating a user";
        QTest::addRow("empty user header counts as none")
            << "bob" << QByteArrayList{"Impersonate-User: ", "Impersonate-Group: admins"} << 400 << "" << QStringList()
            << "requested [{Group  admins    }] without impersonating a user";
        QTest::addRow("extra and uid without user")
            << "bob" << QByteArrayList{"Impersonate-Extra-Scopes: v", "Impersonate-Uid: 1234"} << 400 << "" << QStringList()
            << "requested [{UserExtra  v  authentication.k8s.io/v1  scopes} {UID  1234  authentication.k8s.io/v1  }] without impersonating a user";
        QTest::addRow("superuser may impersonate anyone")
            << "root" << QByteArrayList{"Impersonate-User: mallory", "Impersonate-Group: system:masters"} << 0 << "mallory"
            << QStringList{QStringLiteral("system:masters"), auth} << "";
        QTest::addRow("nobody may impersonate")
            << "eve" << QByteArrayList{"Impersonate-User: jane"} << 403 << "" << QStringList()
            << R"(users "jane" is forbidden: User "eve" cannot impersonate resource "users" in API group "" at the cluster scope)";
    }

    void impersonation()
    {
        QFETCH(QString, requestor);
        QFETCH(QByteArrayList, headers);
        QFETCH(int, httpStatus);
        QFETCH(QString, userName);
        QFETCH(QStringList, groups);
        QFETCH(QString, message);

        const StaticRbacSource source = impersonationPolicy();
        const RbacAuthorizer authorizer(source);
        UserInfo who;
        who.name = requestor;
        who.groups = {QStringLiteral("system:authenticated")};
        if (requestor == QLatin1String("root"))
            who.groups.prepend(QStringLiteral("system:masters"));

        const RequestHeaderList headerList = headersFrom(headers);
        const auto result = applyImpersonation(who, headerList, authorizer);
        if (httpStatus == 0) {
            QVERIFY2(result.hasValue(), result.hasValue() ? "" : qPrintable(result.error().message()));
            QCOMPARE(result->name, userName);
            QCOMPARE(result->groups, groups);
            return;
        }
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().httpStatus, httpStatus);
        QCOMPARE(result.error().message(), message);
        QCOMPARE(result.error().status.value(QStringLiteral("code")).toInt(), httpStatus);
        QCOMPARE(result.error().status.value(QStringLiteral("reason")).toString(),
                 httpStatus == 400 ? QStringLiteral("BadRequest") : QStringLiteral("Forbidden"));
        QCOMPARE(result.error().deniedAttributes.has_value(), httpStatus == 403);
    }

    void extrasAndUidAreCarried()
    {
        const StaticRbacSource source = impersonationPolicy();
        const RbacAuthorizer authorizer(source);
        UserInfo bob;
        bob.name = QStringLiteral("bob");
        const auto result = applyImpersonation(
            bob,
            headersFrom({"Impersonate-User: jane", "Impersonate-Extra-Scopes: a", "Impersonate-Extra-scopes: b",
                         "Impersonate-Extra-%zz: y", "Impersonate-Uid: 1234"}),
            authorizer);
        QVERIFY(result.hasValue());
        QCOMPARE(result->uid, QStringLiteral("1234"));
        QCOMPARE(result->extra.value(QStringLiteral("scopes")), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(result->extra.value(QStringLiteral("%zz")), QStringList{QStringLiteral("y")});
    }

    void deniedAttributesDescribeTheCheck()
    {
        const StaticRbacSource source = impersonationPolicy();
        const RbacAuthorizer authorizer(source);
        UserInfo bob;
        bob.name = QStringLiteral("bob");
        const auto result = applyImpersonation(bob, headersFrom({"Impersonate-User: jane", "Impersonate-Uid: u"}), authorizer);
        QVERIFY(result.hasValue());
        const auto denied = applyImpersonation(bob, headersFrom({"Impersonate-User: jane", "Impersonate-Extra-Env: prod"}), authorizer);
        QVERIFY(!denied.hasValue());
        const RequestAttributes attributes = *denied.error().deniedAttributes;
        QCOMPARE(attributes.verb, QStringLiteral("impersonate"));
        QCOMPARE(attributes.apiGroup, QStringLiteral("authentication.k8s.io"));
        QCOMPARE(attributes.resource, QStringLiteral("userextras"));
        QCOMPARE(attributes.subresource, QStringLiteral("env"));
        QCOMPARE(attributes.name, QStringLiteral("prod"));
    }

    void detection()
    {
        QVERIFY(!hasImpersonationHeaders(headersFrom({"Authorization: Bearer x", "Accept: */*"})));
        QVERIFY(hasImpersonationHeaders(headersFrom({"impersonate-group: g"})));
        QVERIFY(hasImpersonationHeaders(headersFrom({"Impersonate-Extra-A: b"})));
        QVERIFY(!hasImpersonationHeaders({}));
    }
};

QTEST_GUILESS_MAIN(TestImpersonation)
#include "tst_impersonation.moc"
