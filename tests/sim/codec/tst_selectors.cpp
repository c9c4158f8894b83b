#include "sim/codec/Selectors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace fd::sim;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// The apiserver's message for an invalid label key / value, as it prints them.
const QString kKeyRule = QStringLiteral(
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
    "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
const QString kValueRule = QStringLiteral(
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and "
    "end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
    "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");

} // namespace

class TestSelectors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void labelParse_data();
    void labelParse();
    void labelParseErrors_data();
    void labelParseErrors();
    void labelMatches_data();
    void labelMatches();
    void labelSelectorJson_data();
    void labelSelectorJson();
    void everythingNothingAndSets();
    void labelGarbageNeverCrashes();
    void fieldParse_data();
    void fieldParse();
    void fieldParseErrors_data();
    void fieldParseErrors();
    void fieldMatches_data();
    void fieldMatches();
};

void TestSelectors::labelParse_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("canonical");

    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("blank") << QStringLiteral(" \t\n") << QString();
    QTest::addRow("exists") << QStringLiteral("a") << QStringLiteral("a");
    QTest::addRow("does not exist") << QStringLiteral("!a") << QStringLiteral("!a");
    QTest::addRow("equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::addRow("double equals") << QStringLiteral("a==b") << QStringLiteral("a==b");
    QTest::addRow("not equals") << QStringLiteral("a!=b") << QStringLiteral("a!=b");
    QTest::addRow("in") << QStringLiteral("a in (x,y)") << QStringLiteral("a in (x,y)");
    QTest::addRow("notin sorted") << QStringLiteral("a notin (y, x)") << QStringLiteral("a notin (x,y)");
    QTest::addRow("in dedup") << QStringLiteral("a in (b,b)") << QStringLiteral("a in (b)");
    QTest::addRow("in empty parens") << QStringLiteral("a in ()") << QStringLiteral("a in ()");
    QTest::addRow("in leading comma") << QStringLiteral("a in (,b)") << QStringLiteral("a in (,b)");
    QTest::addRow("in trailing comma") << QStringLiteral("a in (b,)") << QStringLiteral("a in (,b)");
    QTest::addRow("greater than") << QStringLiteral("a>5") << QStringLiteral("a>5");
    QTest::addRow("less than") << QStringLiteral("a<5") << QStringLiteral("a<5");
    QTest::addRow("empty value") << QStringLiteral("a=") << QStringLiteral("a=");
    QTest::addRow("empty value then more") << QStringLiteral("a=,b") << QStringLiteral("a=,b");
    QTest::addRow("whitespace") << QStringLiteral("  a =  b ,\tc  ") << QStringLiteral("a=b,c");
    QTest::addRow("sorted by key") << QStringLiteral("name=R,owner=helm,status=deployed,a") << QStringLiteral("a,name=R,owner=helm,status=deployed");
    QTest::addRow("keyword as key and value") << QStringLiteral("in=in") << QStringLiteral("in=in");
    QTest::addRow("keywords as values") << QStringLiteral("x in (in,notin)") << QStringLiteral("x in (in,notin)");
    QTest::addRow("prefixed key") << QStringLiteral("app.kubernetes.io/name=web") << QStringLiteral("app.kubernetes.io/name=web");
    QTest::addRow("helm history query") << QStringLiteral("name=rel1,owner=helm") << QStringLiteral("name=rel1,owner=helm");
    QTest::addRow("same key twice") << QStringLiteral("b=2,a=1,b!=3") << QStringLiteral("a=1,b=2,b!=3");
}

void TestSelectors::labelParse()
{
    QFETCH(QString, selector);
    QFETCH(QString, canonical);
    const auto parsed = LabelSelector::parse(selector);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error()));
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(parsed->isEverything(), canonical.isEmpty());
    // The canonical form parses to itself.
    const auto again = LabelSelector::parse(parsed->toString());
    QVERIFY(again.hasValue());
    QCOMPARE(again->toString(), canonical);
}

void TestSelectors::labelParseErrors_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("error");

    QTest::addRow("two words") << QStringLiteral("a b") << QStringLiteral("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    QTest::addRow("value with space") << QStringLiteral("a=b c") << QStringLiteral("found 'c', expected: ',' or 'end of string'");
    QTest::addRow("trailing comma") << QStringLiteral("a=b,") << QStringLiteral("found '', expected: identifier after ','");
    QTest::addRow("lone comma") << QStringLiteral(",") << QStringLiteral("found ',', expected: !, identifier, or 'end of string'");
    QTest::addRow("starts with operator") << QStringLiteral("=a") << QStringLiteral("found '=', expected: !, identifier, or 'end of string'");
    QTest::addRow("in without parens") << QStringLiteral("a in b") << QStringLiteral("unable to parse requirement: found 'b' expected: '('");
    QTest::addRow("unclosed in") << QStringLiteral("a in (b") << QStringLiteral("unable to parse requirement: found '', expected: ',' or ')'");
    QTest::addRow("in missing comma") << QStringLiteral("a in (b c)") << QStringLiteral("unable to parse requirement: found 'c', expected: ',' or ')'");
    QTest::addRow("in with operator") << QStringLiteral("a in (=)") << QStringLiteral("unable to parse requirement: found '=', expected: ',', ')' or identifier");
    QTest::addRow("in list with operator") << QStringLiteral("a in (b,=)") << QStringLiteral("unable to parse requirement: found '=', expected: ',', or identifier");
    QTest::addRow("bad operator") << QStringLiteral("a (") << QStringLiteral("unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt");
    QTest::addRow("bang in middle") << QStringLiteral("a!b") << QStringLiteral("unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt");
    QTest::addRow("paren value") << QStringLiteral("a=(") << QStringLiteral("unable to parse requirement: found '(', expected: identifier");
    QTest::addRow("triple equals") << QStringLiteral("a===b") << QStringLiteral("unable to parse requirement: found '=', expected: identifier");
    QTest::addRow("not exists with value") << QStringLiteral("!a=b") << QStringLiteral("found '=', expected: ',' or 'end of string'");
    QTest::addRow("lone bang") << QStringLiteral("!") << QStringLiteral("unable to parse requirement: found '', expected: identifier");
    QTest::addRow("bad key") << QStringLiteral("-a=b")
        << QStringLiteral("unable to parse requirement: <nil>: Invalid value: \"-a\": ") + kKeyRule;
    QTest::addRow("bad value") << QStringLiteral("a=-b")
        << QStringLiteral("unable to parse requirement: values[0][a]: Invalid value: \"-b\": ") + kValueRule;
    QTest::addRow("two bad values") << QStringLiteral("a in (-x,-y)")
        << QStringLiteral("unable to parse requirement: [values[0][a]: Invalid value: \"-x\": %1, "
                          "values[1][a]: Invalid value: \"-y\": %1]").arg(kValueRule);
    QTest::addRow("gt not a number") << QStringLiteral("a>b")
        << QStringLiteral("unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer");
    QTest::addRow("gt empty") << QStringLiteral("a>")
        << QStringLiteral("unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer");
    QTest::addRow("key too long") << QStringLiteral("%1=x").arg(QString(64, QLatin1Char('k')))
        << QStringLiteral("unable to parse requirement: <nil>: Invalid value: \"%1\": name part must be no more than 63 bytes")
               .arg(QString(64, QLatin1Char('k')));
    QTest::addRow("too many slashes") << QStringLiteral("a/b/c=d")
        << QStringLiteral("unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a valid label key must consist of "
                          "alphanumeric characters");
    QTest::addRow("empty prefix") << QStringLiteral("/a") << QStringLiteral("prefix part must be non-empty");
    QTest::addRow("value too long") << QStringLiteral("a=%1").arg(QString(64, QLatin1Char('v')))
        << QStringLiteral("values[0][a]: Invalid value: \"%1\": must be no more than 63 bytes").arg(QString(64, QLatin1Char('v')));
    // The value must be a valid label value as well as an integer.
    QTest::addRow("lt negative") << QStringLiteral("a<-5") << QStringLiteral("values[0][a]: Invalid value: \"-5\": a valid label must be");
    QTest::addRow("non-ascii key") << QStringLiteral("ключ=v") << QStringLiteral("<nil>: Invalid value: \"ключ\"");
    // A NUL behaves like the end of input wherever a token should start.
    QTest::addRow("nul ends the token") << QStringLiteral("a=b%1c").arg(QChar(0)) << QStringLiteral("found 'c', expected: ',' or 'end of string'");
    QTest::addRow("nul ends the input") << QStringLiteral("a=b, %1c").arg(QChar(0)) << QStringLiteral("found '', expected: identifier after ','");
}

void TestSelectors::labelParseErrors()
{
    QFETCH(QString, selector);
    QFETCH(QString, error);
    const auto parsed = LabelSelector::parse(selector);
    QVERIFY2(!parsed.hasValue(), qPrintable(parsed.hasValue() ? parsed->toString() : QString()));
    QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

void TestSelectors::labelMatches_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<bool>("matches");

    const QByteArray web = R"({"app":"web","tier":"front","replicas":"3","empty":""})";
    QTest::addRow("everything") << QString() << web << true;
    QTest::addRow("everything on none") << QString() << QByteArray("{}") << true;
    QTest::addRow("equals") << QStringLiteral("app=web") << web << true;
    QTest::addRow("equals other") << QStringLiteral("app=db") << web << false;
    QTest::addRow("equals missing") << QStringLiteral("zone=a") << web << false;
    QTest::addRow("equals empty value") << QStringLiteral("empty=") << web << true;
    QTest::addRow("empty value vs missing") << QStringLiteral("zone=") << web << false;
    QTest::addRow("not equals") << QStringLiteral("app!=db") << web << true;
    QTest::addRow("not equals same") << QStringLiteral("app!=web") << web << false;
    QTest::addRow("not equals missing") << QStringLiteral("zone!=a") << web << true;
    QTest::addRow("in") << QStringLiteral("tier in (front,back)") << web << true;
    QTest::addRow("in miss") << QStringLiteral("tier in (back)") << web << false;
    QTest::addRow("in missing key") << QStringLiteral("zone in (a)") << web << false;
    QTest::addRow("notin") << QStringLiteral("tier notin (back)") << web << true;
    QTest::addRow("notin hit") << QStringLiteral("tier notin (front)") << web << false;
    QTest::addRow("notin missing key") << QStringLiteral("zone notin (a)") << web << true;
    QTest::addRow("exists") << QStringLiteral("app") << web << true;
    QTest::addRow("exists missing") << QStringLiteral("zone") << web << false;
    QTest::addRow("not exists") << QStringLiteral("!zone") << web << true;
    QTest::addRow("not exists present") << QStringLiteral("!app") << web << false;
    QTest::addRow("gt") << QStringLiteral("replicas>2") << web << true;
    QTest::addRow("gt equal") << QStringLiteral("replicas>3") << web << false;
    QTest::addRow("lt") << QStringLiteral("replicas<4") << web << true;
    QTest::addRow("gt non-numeric label") << QStringLiteral("app>1") << web << false;
    QTest::addRow("gt missing") << QStringLiteral("zone>1") << web << false;
    QTest::addRow("and all") << QStringLiteral("app=web,tier in (front),!zone") << web << true;
    QTest::addRow("and one fails") << QStringLiteral("app=web,tier=back") << web << false;
}

void TestSelectors::labelMatches()
{
    QFETCH(QString, selector);
    QFETCH(QByteArray, labels);
    QFETCH(bool, matches);
    const auto parsed = LabelSelector::parse(selector);
    QVERIFY(parsed.hasValue());
    QCOMPARE(parsed->matches(QJsonDocument::fromJson(labels).object()), matches);
}

void TestSelectors::labelSelectorJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("error");

    QTest::addRow("empty selects everything") << QByteArray("{}") << QString() << QString();
    QTest::addRow("null parts") << QByteArray(R"({"matchLabels":null,"matchExpressions":null})") << QString() << QString();
    QTest::addRow("match labels") << QByteArray(R"({"matchLabels":{"b":"2","a":"1"}})") << QStringLiteral("a=1,b=2") << QString();
    QTest::addRow("expressions") << QByteArray(R"({"matchExpressions":[
            {"key":"tier","operator":"In","values":["front","back"]},
            {"key":"env","operator":"NotIn","values":["prod"]},
            {"key":"app","operator":"Exists"},
            {"key":"legacy","operator":"DoesNotExist","values":[]}]})")
        << QStringLiteral("app,env notin (prod),!legacy,tier in (back,front)") << QString();
    QTest::addRow("both") << QByteArray(R"({"matchLabels":{"app":"web"},"matchExpressions":[{"key":"app","operator":"Exists"}]})")
        << QStringLiteral("app=web,app") << QString();
    QTest::addRow("bad operator") << QByteArray(R"({"matchExpressions":[{"key":"a","operator":"Gt","values":["1"]}]})")
        << QString() << QStringLiteral("\"Gt\" is not a valid label selector operator");
    QTest::addRow("in without values") << QByteArray(R"({"matchExpressions":[{"key":"a","operator":"In"}]})")
        << QString() << QStringLiteral("values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
    QTest::addRow("in with empty values") << QByteArray(R"({"matchExpressions":[{"key":"a","operator":"NotIn","values":[]}]})")
        << QString() << QStringLiteral("values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
    QTest::addRow("exists with values") << QByteArray(R"({"matchExpressions":[{"key":"a","operator":"Exists","values":["x"]}]})")
        << QString() << QStringLiteral("values: Invalid value: [\"x\"]: values set must be empty for exists and does not exist");
    QTest::addRow("bad key") << QByteArray(R"({"matchLabels":{"-x":"1"}})")
        << QString() << QStringLiteral("key: Invalid value: \"-x\": ") + kKeyRule;
    QTest::addRow("bad value") << QByteArray(R"({"matchLabels":{"a":"-v"}})")
        << QString() << QStringLiteral("values[0][a]: Invalid value: \"-v\": ") + kValueRule;
    QTest::addRow("bad key and value") << QByteArray(R"({"matchExpressions":[{"key":"-k","operator":"In","values":["-v"]}]})")
        << QString() << QStringLiteral("[key: Invalid value: \"-k\": %1, values[0][-k]: Invalid value: \"-v\": %2]").arg(kKeyRule, kValueRule);
    QTest::addRow("label value not a string") << QByteArray(R"({"matchLabels":{"a":1}})") << QString() << QStringLiteral("matchLabels[a]");
    QTest::addRow("expressions not a list") << QByteArray(R"({"matchExpressions":{}})") << QString() << QStringLiteral("matchExpressions must be a list");
    QTest::addRow("expression without key") << QByteArray(R"({"matchExpressions":[{"operator":"Exists"}]})") << QString()
                                            << QStringLiteral("matchExpressions[0]");
    QTest::addRow("value not a string") << QByteArray(R"({"matchExpressions":[{"key":"a","operator":"In","values":[1]}]})")
        << QString() << QStringLiteral("values must be strings");
}

void TestSelectors::labelSelectorJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, canonical);
    QFETCH(QString, error);
    const auto selector = LabelSelector::fromLabelSelectorJson(QJsonDocument::fromJson(json).object());
    if (!error.isEmpty()) {
        QVERIFY(!selector.hasValue());
        QVERIFY2(selector.error().contains(error), qPrintable(selector.error()));
        return;
    }
    QVERIFY2(selector.hasValue(), qPrintable(selector.hasValue() ? QString() : selector.error()));
    QCOMPARE(selector->toString(), canonical);
    QCOMPARE(selector->isEverything(), canonical.isEmpty());
}

void TestSelectors::everythingNothingAndSets()
{
    QVERIFY(LabelSelector::everything().matches(object(R"({"a":"b"})")));
    QVERIFY(LabelSelector::everything().isEverything());
    QVERIFY(!LabelSelector::nothing().matches(QJsonObject()));
    QVERIFY(LabelSelector::nothing().isNothing());
    QVERIFY(!LabelSelector::nothing().isEverything());

    // Service selectors are plain maps, not validated.
    const LabelSelector service = LabelSelector::fromSet(object(R"({"app":"web","odd key":"-x"})"));
    QVERIFY(service.matches(object(R"({"app":"web","odd key":"-x","extra":"1"})")));
    QVERIFY(!service.matches(object(R"({"app":"web"})")));
    QVERIFY(LabelSelector::fromSet(QJsonObject()).isEverything());

    const auto parsed = LabelSelector::parse(QStringLiteral("a=1,b in (2),c in (3,4),d!=5"));
    QVERIFY(parsed.hasValue());
    QCOMPARE(parsed->requiresExactMatch(QStringLiteral("a")), std::optional<QString>(QStringLiteral("1")));
    QCOMPARE(parsed->requiresExactMatch(QStringLiteral("b")), std::optional<QString>(QStringLiteral("2")));
    QCOMPARE(parsed->requiresExactMatch(QStringLiteral("c")), std::optional<QString>());
    QCOMPARE(parsed->requiresExactMatch(QStringLiteral("d")), std::optional<QString>());
    QCOMPARE(parsed->requirements().size(), 4);
    QCOMPARE(parsed->requirements().at(2).op, LabelOperator::In);
    QCOMPARE(parsed->requirements().at(2).values, QStringList({QStringLiteral("3"), QStringLiteral("4")}));
}

void TestSelectors::labelGarbageNeverCrashes()
{
    const QString alphabet = QStringLiteral("ab=!(),<> \tin notin-_./");
    QRandomGenerator random(3);
    for (int round = 0; round < 20000; ++round) {
        QString selector;
        const int length = int(random.bounded(14));
        for (int i = 0; i < length; ++i)
            selector += alphabet.at(random.bounded(alphabet.size()));
        const auto parsed = LabelSelector::parse(selector);
        if (!parsed.hasValue()) {
            QVERIFY(!parsed.error().isEmpty());
            continue;
        }
        // Whatever parses prints to text that parses to the same selector.
        const auto again = LabelSelector::parse(parsed->toString());
        QVERIFY2(again.hasValue(), qPrintable(selector));
        QCOMPARE(again->toString(), parsed->toString());
    }
}

void TestSelectors::fieldParse_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QStringList>("fields");

    QTest::addRow("empty") << QString() << QString() << QStringList();
    QTest::addRow("only commas") << QStringLiteral(",,") << QString() << QStringList();
    QTest::addRow("equals") << QStringLiteral("metadata.name=foo") << QStringLiteral("metadata.name=foo")
                            << QStringList{QStringLiteral("metadata.name")};
    QTest::addRow("double equals") << QStringLiteral("metadata.name==foo") << QStringLiteral("metadata.name=foo")
                                   << QStringList{QStringLiteral("metadata.name")};
    QTest::addRow("not equals") << QStringLiteral("status.phase!=Running") << QStringLiteral("status.phase!=Running")
                                << QStringList{QStringLiteral("status.phase")};
    QTest::addRow("sorted terms") << QStringLiteral("spec.nodeName=n1,metadata.namespace=ns,metadata.name=x")
                                  << QStringLiteral("metadata.name=x,metadata.namespace=ns,spec.nodeName=n1")
                                  << QStringList{QStringLiteral("metadata.name"), QStringLiteral("metadata.namespace"),
                                                 QStringLiteral("spec.nodeName")};
    QTest::addRow("escaped comma") << QStringLiteral("a=x\\,y") << QStringLiteral("a=x\\,y") << QStringList{QStringLiteral("a")};
    QTest::addRow("escaped equals") << QStringLiteral("a=x\\=y") << QStringLiteral("a=x\\=y") << QStringList{QStringLiteral("a")};
    QTest::addRow("escaped backslash") << QStringLiteral("a=x\\\\y") << QStringLiteral("a=x\\\\y") << QStringList{QStringLiteral("a")};
    QTest::addRow("empty value") << QStringLiteral("spec.nodeName=") << QStringLiteral("spec.nodeName=")
                                 << QStringList{QStringLiteral("spec.nodeName")};
    QTest::addRow("empty field") << QStringLiteral("=x") << QStringLiteral("=x") << QStringList{QString()};
    QTest::addRow("spaces are kept") << QStringLiteral(" a = b") << QStringLiteral(" a = b") << QStringList{QStringLiteral(" a ")};
    QTest::addRow("same field twice") << QStringLiteral("a=1,a!=2") << QStringLiteral("a!=2,a=1") << QStringList{QStringLiteral("a")};
}

void TestSelectors::fieldParse()
{
    QFETCH(QString, selector);
    QFETCH(QString, canonical);
    QFETCH(QStringList, fields);
    const auto parsed = FieldSelector::parse(selector);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error()));
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(parsed->requiredFields(), fields);
    QCOMPARE(parsed->isEverything(), fields.isEmpty());
    const auto again = FieldSelector::parse(parsed->toString());
    QVERIFY(again.hasValue());
    QCOMPARE(again->toString(), canonical);
}

void TestSelectors::fieldParseErrors_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("error");

    QTest::addRow("no operator") << QStringLiteral("abc") << QStringLiteral("invalid selector: 'abc'; can't understand 'abc'");
    QTest::addRow("one bad term") << QStringLiteral("a=b,junk") << QStringLiteral("invalid selector: 'a=b,junk'; can't understand 'junk'");
    QTest::addRow("unescaped equals") << QStringLiteral("a=b=c") << QStringLiteral("invalid field selector: unescaped character in value: 61");
    QTest::addRow("not equals then equals") << QStringLiteral("a!==b") << QStringLiteral("unescaped character in value: 61");
    QTest::addRow("trailing backslash") << QStringLiteral("a=b\\") << QStringLiteral("invalid field selector: invalid escape sequence: \\");
    QTest::addRow("bad escape") << QStringLiteral("a=b\\x") << QStringLiteral("invalid field selector: invalid escape sequence: \\x");
    QTest::addRow("gt is not a field operator") << QStringLiteral("a>1") << QStringLiteral("can't understand 'a>1'");
}

void TestSelectors::fieldParseErrors()
{
    QFETCH(QString, selector);
    QFETCH(QString, error);
    const auto parsed = FieldSelector::parse(selector);
    QVERIFY(!parsed.hasValue());
    QCOMPARE(parsed.error().contains(error), true);
}

void TestSelectors::fieldMatches_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");

    QTest::addRow("everything") << QString() << true;
    QTest::addRow("name") << QStringLiteral("metadata.name=web-1") << true;
    QTest::addRow("name other") << QStringLiteral("metadata.name=web-2") << false;
    QTest::addRow("phase not") << QStringLiteral("status.phase!=Pending") << true;
    QTest::addRow("phase not same") << QStringLiteral("status.phase!=Running") << false;
    QTest::addRow("absent field equals empty") << QStringLiteral("spec.nodeName=") << true;
    QTest::addRow("absent field not empty") << QStringLiteral("spec.nodeName!=") << false;
    QTest::addRow("escaped value") << QStringLiteral("metadata.annotations.x=a\\,b") << true;
    QTest::addRow("and") << QStringLiteral("metadata.name=web-1,status.phase=Running") << true;
    QTest::addRow("and fails") << QStringLiteral("metadata.name=web-1,status.phase=Failed") << false;
}

void TestSelectors::fieldMatches()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const auto parsed = FieldSelector::parse(selector);
    QVERIFY(parsed.hasValue());
    const auto pod = [](const QString &field) -> std::optional<QString> {
        if (field == QLatin1String("metadata.name"))
            return QStringLiteral("web-1");
        if (field == QLatin1String("status.phase"))
            return QStringLiteral("Running");
        if (field == QLatin1String("metadata.annotations.x"))
            return QStringLiteral("a,b");
        return std::nullopt;
    };
    QCOMPARE(parsed->matches(pod), matches);
    if (parsed->requiresExactMatch(QStringLiteral("metadata.name")))
        QCOMPARE(*parsed->requiresExactMatch(QStringLiteral("metadata.name")), selector.section(QLatin1Char(','), 0, 0).section(QLatin1Char('='), 1));
}

QTEST_GUILESS_MAIN(TestSelectors)
#include "tst_selectors.moc"
