#include "sim/core/GoFormat.h"
#include "sim/auth/RbacObjects.h"

#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;

// moc mis-tokenises raw strings holding "/*" or backslashes: JSON fixtures spell "*" after
// "/" as \u002a, and strings with escapes use ordinary literals.
namespace {

QJsonValue parse(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    Q_ASSERT(!document.isNull());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

RequestAttributes resourceRequest(const QString &verb, const QString &group, const QString &resource,
                                  const QString &subresource = {}, const QString &name = {})
{
    RequestAttributes attributes;
    attributes.verb = verb;
    attributes.apiGroup = group;
    attributes.resource = resource;
    attributes.subresource = subresource;
    attributes.name = name;
    attributes.namespaceName = QStringLiteral("default");
    return attributes;
}

RequestAttributes pathRequest(const QString &verb, const QString &path)
{
    RequestAttributes attributes;
    attributes.resourceRequest = false;
    attributes.verb = verb;
    attributes.path = path;
    return attributes;
}

} // namespace

class TestRbacRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resourceRules_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("subresource");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("allowed");

        const QByteArray pods = R"({"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]})";
        QTest::addRow("exact match") << pods << "get" << "" << "pods" << "" << "" << true;
        QTest::addRow("other verb") << pods << "delete" << "" << "pods" << "" << "" << false;
        QTest::addRow("other group") << pods << "get" << "apps" << "pods" << "" << "" << false;
        QTest::addRow("other resource") << pods << "get" << "" << "secrets" << "" << "" << false;
        QTest::addRow("resource does not grant its subresource") << pods << "get" << "" << "pods" << "log" << "" << false;
        QTest::addRow("verb match is case-sensitive") << pods << "GET" << "" << "pods" << "" << "" << false;
        QTest::addRow("named get allowed without resourceNames") << pods << "get" << "" << "pods" << "" << "web" << true;

        const QByteArray wild = R"({"verbs":["*"],"apiGroups":["*"],"resources":["*"]})";
        QTest::addRow("all wildcards") << wild << "deletecollection" << "fission.io" << "functions" << "" << "" << true;
        QTest::addRow("wildcard resource covers subresources") << wild << "create" << "" << "pods" << "exec" << "x" << true;

        const QByteArray sub = R"({"verbs":["get"],"apiGroups":[""],"resources":["pods/log"]})";
        QTest::addRow("subresource form") << sub << "get" << "" << "pods" << "log" << "" << true;
        QTest::addRow("subresource form not the parent") << sub << "get" << "" << "pods" << "" << "" << false;
        QTest::addRow("subresource form other subresource") << sub << "get" << "" << "pods" << "status" << "" << false;

        const QByteArray anySub = R"({"verbs":["get","update"],"apiGroups":["*"],"resources":["*/status"]})";
        QTest::addRow("*/subresource any resource") << anySub << "update" << "apps" << "deployments" << "status" << "" << true;
        QTest::addRow("*/subresource not parent") << anySub << "get" << "apps" << "deployments" << "" << "" << false;
        QTest::addRow("*/subresource other subresource") << anySub << "get" << "" << "pods" << "log" << "" << false;
        QTest::addRow("*/subresource suffix is not enough") << anySub << "get" << "" << "pods" << "tatus" << "" << false;

        const QByteArray trailing = R"({"verbs":["get"],"apiGroups":[""],"resources":["pods/\u002a"]})";
        QTest::addRow("resource/* is literal") << trailing << "get" << "" << "pods" << "log" << "" << false;
        QTest::addRow("resource/* literal subresource *") << trailing << "get" << "" << "pods" << "*" << "" << true;

        const QByteArray named = R"({"verbs":["get","list","watch","update","create","delete"],"apiGroups":[""],"resources":["configmaps"],"resourceNames":["app-config"]})";
        QTest::addRow("resourceNames get named") << named << "get" << "" << "configmaps" << "" << "app-config" << true;
        QTest::addRow("resourceNames other name") << named << "get" << "" << "configmaps" << "" << "other" << false;
        QTest::addRow("resourceNames never list") << named << "list" << "" << "configmaps" << "" << "" << false;
        QTest::addRow("resourceNames never unnamed watch") << named << "watch" << "" << "configmaps" << "" << "" << false;
        QTest::addRow("resourceNames watch by field selector name") << named << "watch" << "" << "configmaps" << "" << "app-config" << true;
        QTest::addRow("resourceNames never create without name") << named << "create" << "" << "configmaps" << "" << "" << false;
        QTest::addRow("resourceNames update named") << named << "update" << "" << "configmaps" << "" << "app-config" << true;
        QTest::addRow("resourceNames match is exact") << named << "get" << "" << "configmaps" << "" << "App-Config" << false;

        const QByteArray starName = R"({"verbs":["get"],"apiGroups":[""],"resources":["secrets"],"resourceNames":["*"]})";
        QTest::addRow("resourceNames * is literal") << starName << "get" << "" << "secrets" << "" << "x" << false;

        const QByteArray multiGroup = R"({"verbs":["get"],"apiGroups":["apps","extensions"],"resources":["deployments"]})";
        QTest::addRow("second group") << multiGroup << "get" << "extensions" << "deployments" << "" << "" << true;
        QTest::addRow("core group not listed") << multiGroup << "get" << "" << "deployments" << "" << "" << false;

        const QByteArray urlsOnly = R"({"verbs":["get"],"nonResourceURLs":["*"]})";
        QTest::addRow("url rule grants no resources") << urlsOnly << "get" << "" << "pods" << "" << "" << false;

        QTest::addRow("empty rule") << QByteArray("{}") << "get" << "" << "pods" << "" << "" << false;
        QTest::addRow("verbs wrong type") << QByteArray(R"({"verbs":"*","apiGroups":["*"],"resources":["*"]})") << "get" << "" << "pods" << "" << "" << false;
        QTest::addRow("non-string items void the rule") << QByteArray(R"({"verbs":[1,"get"],"apiGroups":[""],"resources":["pods"]})") << "get" << "" << "pods" << "" << "" << false;
        QTest::addRow("resourceNames wrong type voids the rule") << QByteArray(R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":"x"})") << "get" << "" << "pods" << "" << "x" << false;
        QTest::addRow("resourceNames with non-strings voids the rule") << QByteArray(R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":[7]})") << "get" << "" << "pods" << "" << "y" << false;
        QTest::addRow("null fields are absent") << QByteArray(R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":null,"nonResourceURLs":null})") << "get" << "" << "pods" << "" << "y" << true;
    }

    void resourceRules()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QString, verb);
        QFETCH(QString, group);
        QFETCH(QString, resource);
        QFETCH(QString, subresource);
        QFETCH(QString, name);
        QFETCH(bool, allowed);

        const PolicyRule policyRule = policyRuleFromJson(parse(rule.constData()));
        QCOMPARE(ruleAllows(resourceRequest(verb, group, resource, subresource, name), policyRule), allowed);
    }

    void nonResourceRules_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("allowed");

        const QByteArray discovery = R"({"verbs":["get"],"nonResourceURLs":["/api","/api/\u002a","/version","/healthz/\u002a"]})";
        QTest::addRow("exact") << discovery << "get" << "/api" << true;
        QTest::addRow("prefix star") << discovery << "get" << "/api/v1" << true;
        QTest::addRow("prefix star deep") << discovery << "get" << "/api/v1/namespaces" << true;
        QTest::addRow("prefix star needs the slash") << discovery << "get" << "/apis" << false;
        QTest::addRow("exact only") << discovery << "get" << "/version/" << false;
        QTest::addRow("star covers the bare prefix") << discovery << "get" << "/healthz/" << true;
        QTest::addRow("star prefix without slash") << discovery << "get" << "/healthz" << false;
        QTest::addRow("wrong verb") << discovery << "post" << "/api" << false;

        const QByteArray all = R"({"verbs":["*"],"nonResourceURLs":["*"]})";
        QTest::addRow("all urls") << all << "delete" << "/anything/at/all" << true;
        QTest::addRow("all urls empty path") << all << "get" << "" << true;

        const QByteArray stars = R"({"verbs":["get"],"nonResourceURLs":["/logs**"]})";
        QTest::addRow("several trailing stars trimmed") << stars << "get" << "/logs/kube" << true;
        QTest::addRow("star in the middle is literal") << QByteArray(R"({"verbs":["get"],"nonResourceURLs":["/a/\u002a/b"]})") << "get" << "/a/x/b" << false;

        QTest::addRow("resource rule grants no urls") << QByteArray(R"({"verbs":["*"],"apiGroups":["*"],"resources":["*"]})") << "get" << "/api" << false;
    }

    void nonResourceRules()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QString, verb);
        QFETCH(QString, path);
        QFETCH(bool, allowed);

        QCOMPARE(ruleAllows(pathRequest(verb, path), policyRuleFromJson(parse(rule.constData()))), allowed);
    }

    void ruleJsonRoundTrip()
    {
        const PolicyRule rule = policyRuleFromJson(parse(R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"]})"));
        const QJsonObject json = policyRuleToJson(rule);
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("apiGroups"), QStringLiteral("resources"), QStringLiteral("verbs")}));
        QCOMPARE(policyRuleFromJson(json), rule);
        QCOMPARE(policyRulesFromJson(parse(R"([{"verbs":["get"]}, 3, "x", null, {"verbs":"list"}, {"verbs":["list"]}])")).size(), 2);
        QVERIFY(policyRulesFromJson(parse(R"({"verbs":["get"]})")).isEmpty());
    }

    void subjects_data()
    {
        QTest::addColumn<QByteArray>("subject");
        QTest::addColumn<QString>("bindingNamespace");
        QTest::addColumn<QString>("userName");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<bool>("applies");

        const QStringList none;
        QTest::addRow("user") << QByteArray(R"({"kind":"User","name":"bob"})") << "" << "bob" << none << true;
        QTest::addRow("user other") << QByteArray(R"({"kind":"User","name":"bob"})") << "" << "alice" << none << false;
        QTest::addRow("user name exact case") << QByteArray(R"({"kind":"User","name":"Bob"})") << "" << "bob" << none << false;
        QTest::addRow("group") << QByteArray(R"({"kind":"Group","name":"devs"})") << "" << "x" << QStringList{QStringLiteral("devs")} << true;
        QTest::addRow("group missing") << QByteArray(R"({"kind":"Group","name":"devs"})") << "" << "devs" << none << false;
        QTest::addRow("kind is case-sensitive") << QByteArray(R"({"kind":"user","name":"bob"})") << "" << "bob" << none << false;
        QTest::addRow("service account") << QByteArray(R"({"kind":"ServiceAccount","name":"sa","namespace":"fission"})") << ""
                                         << "system:serviceaccount:fission:sa" << none << true;
        QTest::addRow("service account other namespace") << QByteArray(R"({"kind":"ServiceAccount","name":"sa","namespace":"fission"})") << "fission"
                                                         << "system:serviceaccount:default:sa" << none << false;
        QTest::addRow("service account defaults to binding namespace") << QByteArray(R"({"kind":"ServiceAccount","name":"sa"})") << "fission"
                                                                       << "system:serviceaccount:fission:sa" << none << true;
        QTest::addRow("service account without any namespace") << QByteArray(R"({"kind":"ServiceAccount","name":"sa"})") << ""
                                                               << "system:serviceaccount::sa" << none << false;
        QTest::addRow("service account by plain user name") << QByteArray(R"({"kind":"ServiceAccount","name":"sa","namespace":"ns"})") << ""
                                                            << "sa" << none << false;
        QTest::addRow("missing kind") << QByteArray(R"({"name":"bob"})") << "" << "bob" << none << false;
        QTest::addRow("wrong types") << QByteArray(R"({"kind":7,"name":["bob"]})") << "" << "bob" << none << false;
    }

    void subjects()
    {
        QFETCH(QByteArray, subject);
        QFETCH(QString, bindingNamespace);
        QFETCH(QString, userName);
        QFETCH(QStringList, groups);
        QFETCH(bool, applies);

        QJsonObject binding{{QStringLiteral("subjects"), QJsonArray{parse(subject.constData())}}};
        const RbacBinding parsed = bindingFromJson(binding);
        QCOMPARE(parsed.subjects.size(), 1);
        UserInfo user;
        user.name = userName;
        user.groups = groups;
        QCOMPARE(subjectAppliesTo(parsed.subjects.constFirst(), user, bindingNamespace), applies);
    }

    void malformedBindings()
    {
        for (const char *json : {"{}", R"({"metadata":"x","roleRef":5,"subjects":{"kind":"User"}})",
                                 R"({"subjects":[null,1,"User",{"kind":"User","name":"bob"}]})"}) {
            const RbacBinding binding = bindingFromJson(parse(json).toObject());
            QVERIFY(binding.roleRef.kind.isEmpty());
            QVERIFY(binding.subjects.size() <= 1);
        }
    }

    void goQuoting_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("quoted");

        QTest::addRow("plain") << "bob" << R"("bob")";
        QTest::addRow("empty") << "" << R"("")";
        QTest::addRow("quote and backslash") << "a\"b\\c" << "\"a\\\"b\\\\c\"";
        QTest::addRow("controls") << QStringLiteral("a\nb\tc\x01") << "\"a\\nb\\tc\\x01\"";
        QTest::addRow("del") << QStringLiteral("\x7f") << "\"\\x7f\"";
        QTest::addRow("unicode printable kept") << QStringLiteral("caf\u00e9 \u65e5") << QStringLiteral("\"caf\u00e9 \u65e5\"");
        QTest::addRow("nbsp escaped") << QStringLiteral("a\u00a0b") << "\"a\\u00a0b\"";
        QTest::addRow("zero width space escaped") << QStringLiteral("a\u200bb") << "\"a\\u200bb\"";
        QTest::addRow("astral printable kept") << QString::fromUtf8("\xF0\x9F\x98\x80") << QString::fromUtf8("\"\xF0\x9F\x98\x80\"");
        QTest::addRow("lone surrogate") << QString(QChar(0xD800)) << QString::fromUtf8("\"\xEF\xBF\xBD\"");
    }

    void goQuoting()
    {
        QFETCH(QString, input);
        QFETCH(QString, quoted);
        QCOMPARE(goQuote(input), quoted);
    }
};

QTEST_GUILESS_MAIN(TestRbacRules)
#include "tst_rbacrules.moc"
