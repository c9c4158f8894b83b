#include "sim/codec/Names.h"

#include <QJsonObject>
#include <QTest>

using namespace fd::sim;

Q_DECLARE_METATYPE(fd::sim::NameRule)

namespace {

// kube-apiserver's messages, verbatim (the doubled spaces are its own).
const QString kSubdomainRule = QStringLiteral(
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and "
    "end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
const QString kLabelRule = QStringLiteral(
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with "
    "an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
const QString kDns1035Rule = QStringLiteral(
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, "
    "and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
    "'[a-z]([-a-z0-9]*[a-z0-9])?')");
const QString kKeyNameRule = QStringLiteral(
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
    "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
const QString kValueRule = QStringLiteral(
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and "
    "end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
    "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
const QString kConfigKeyRule = QStringLiteral(
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or "
    "'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");

} // namespace

class TestNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void joinedMessages();
    void generateName_data();
    void generateName();
    void labelsAndAnnotations();
    void goQuote_data();
    void goQuote();
};

void TestNames::rules_data()
{
    QTest::addColumn<int>("rule");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("errors");

    enum { Subdomain, Label, Dns1035, PathSegment, LabelKey, LabelValue, ConfigKey };
    const QString maxLen63 = QStringLiteral("must be no more than 63 bytes");

    QTest::addRow("subdomain ok") << int(Subdomain) << QStringLiteral("fission-function.example.com") << QStringList();
    QTest::addRow("subdomain single char") << int(Subdomain) << QStringLiteral("a") << QStringList();
    QTest::addRow("subdomain empty") << int(Subdomain) << QString() << QStringList{kSubdomainRule};
    QTest::addRow("subdomain upper") << int(Subdomain) << QStringLiteral("Web") << QStringList{kSubdomainRule};
    QTest::addRow("subdomain dash start") << int(Subdomain) << QStringLiteral("-web") << QStringList{kSubdomainRule};
    QTest::addRow("subdomain underscore") << int(Subdomain) << QStringLiteral("a_b") << QStringList{kSubdomainRule};
    QTest::addRow("subdomain double dot") << int(Subdomain) << QStringLiteral("a..b") << QStringList{kSubdomainRule};
    QTest::addRow("subdomain 253") << int(Subdomain) << QString(253, QLatin1Char('a')) << QStringList();
    QTest::addRow("subdomain 254") << int(Subdomain) << QString(254, QLatin1Char('a'))
                                   << QStringList{QStringLiteral("must be no more than 253 bytes")};
    QTest::addRow("subdomain long and bad") << int(Subdomain) << QString(254, QLatin1Char('A'))
                                            << QStringList{QStringLiteral("must be no more than 253 bytes"), kSubdomainRule};
    QTest::addRow("label ok") << int(Label) << QStringLiteral("team-a") << QStringList();
    QTest::addRow("label digits") << int(Label) << QStringLiteral("123") << QStringList();
    QTest::addRow("label with dots") << int(Label) << QStringLiteral("a.b") << QStringList{QStringLiteral("must not contain dots")};
    QTest::addRow("label bad") << int(Label) << QStringLiteral("Team") << QStringList{kLabelRule};
    QTest::addRow("label 64") << int(Label) << QString(64, QLatin1Char('a')) << QStringList{maxLen63};
    QTest::addRow("label 64 with dots") << int(Label) << QString(62, QLatin1Char('a')) + QStringLiteral(".a")
                                        << QStringList{maxLen63, QStringLiteral("must not contain dots")};
    QTest::addRow("label multibyte length") << int(Label) << QString(32, QChar(0xe9)) << QStringList{maxLen63, kLabelRule};
    QTest::addRow("dns1035 ok") << int(Dns1035) << QStringLiteral("router") << QStringList();
    QTest::addRow("dns1035 digit start") << int(Dns1035) << QStringLiteral("1router") << QStringList{kDns1035Rule};
    QTest::addRow("path ok") << int(PathSegment) << QStringLiteral("system:controller:fission") << QStringList();
    QTest::addRow("path dot") << int(PathSegment) << QStringLiteral(".") << QStringList{QStringLiteral("may not be '.'")};
    QTest::addRow("path dotdot") << int(PathSegment) << QStringLiteral("..") << QStringList{QStringLiteral("may not be '..'")};
    QTest::addRow("path slash and percent") << int(PathSegment) << QStringLiteral("a/%b")
                                            << QStringList{QStringLiteral("may not contain '/'"), QStringLiteral("may not contain '%'")};
    QTest::addRow("path empty") << int(PathSegment) << QString() << QStringList();
    QTest::addRow("key ok") << int(LabelKey) << QStringLiteral("app") << QStringList();
    QTest::addRow("key prefixed") << int(LabelKey) << QStringLiteral("app.kubernetes.io/managed-by") << QStringList();
    QTest::addRow("key upper name") << int(LabelKey) << QStringLiteral("Example/Name") << QStringList{
        QStringLiteral("prefix part ") + kSubdomainRule};
    QTest::addRow("key empty prefix") << int(LabelKey) << QStringLiteral("/name")
                                      << QStringList{QStringLiteral("prefix part must be non-empty")};
    QTest::addRow("key empty") << int(LabelKey) << QString()
                               << QStringList{QStringLiteral("name part must be non-empty"), kKeyNameRule};
    QTest::addRow("key empty name") << int(LabelKey) << QStringLiteral("example.com/")
                                    << QStringList{QStringLiteral("name part must be non-empty"), kKeyNameRule};
    QTest::addRow("key long name") << int(LabelKey) << QString(64, QLatin1Char('k'))
                                   << QStringList{QStringLiteral("name part must be no more than 63 bytes")};
    QTest::addRow("key two slashes") << int(LabelKey) << QStringLiteral("a/b/c") << QStringList{
        QStringLiteral("a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and "
                       "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                       "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain "
                       "prefix and '/' (e.g. 'example.com/MyName')")};
    QTest::addRow("value empty") << int(LabelValue) << QString() << QStringList();
    QTest::addRow("value ok") << int(LabelValue) << QStringLiteral("v1.2_3-x") << QStringList();
    QTest::addRow("value space") << int(LabelValue) << QStringLiteral("a b") << QStringList{kValueRule};
    QTest::addRow("value too long") << int(LabelValue) << QString(64, QLatin1Char('v')) << QStringList{maxLen63};
    QTest::addRow("config key ok") << int(ConfigKey) << QStringLiteral(".dockerconfigjson") << QStringList();
    QTest::addRow("config key space") << int(ConfigKey) << QStringLiteral("a b") << QStringList{kConfigKeyRule};
    QTest::addRow("config key dot") << int(ConfigKey) << QStringLiteral(".") << QStringList{QStringLiteral("must not be '.'")};
    QTest::addRow("config key dotdot") << int(ConfigKey) << QStringLiteral("..") << QStringList{QStringLiteral("must not be '..'")};
    QTest::addRow("config key dotdot prefix") << int(ConfigKey) << QStringLiteral("..a")
                                              << QStringList{QStringLiteral("must not start with '..'")};
}

void TestNames::rules()
{
    QFETCH(int, rule);
    QFETCH(QString, value);
    QFETCH(QStringList, errors);
    QStringList actual;
    switch (rule) {
    case 0: actual = dns1123SubdomainErrors(value); break;
    case 1: actual = dns1123LabelErrors(value); break;
    case 2: actual = dns1035LabelErrors(value); break;
    case 3: actual = pathSegmentNameErrors(value); break;
    case 4: actual = labelKeyErrors(value); break;
    case 5: actual = labelValueErrors(value); break;
    case 6: actual = configMapKeyErrors(value); break;
    }
    QCOMPARE(actual, errors);
}

void TestNames::joinedMessages()
{
    QCOMPARE(validateDns1123Subdomain(QStringLiteral("ok")), std::optional<QString>());
    QCOMPARE(validateDns1123Subdomain(QStringLiteral("Bad")), std::optional<QString>(kSubdomainRule));
    QCOMPARE(validateDns1123Label(QString(64, QLatin1Char('a')) + QLatin1Char('.')),
             std::optional<QString>(QStringLiteral("must be no more than 63 bytes; ") + kLabelRule));
    QCOMPARE(validateDns1035Label(QStringLiteral("ok")), std::optional<QString>());
    QCOMPARE(validatePathSegmentName(QStringLiteral("a/b")), std::optional<QString>(QStringLiteral("may not contain '/'")));
    QCOMPARE(validateLabelKey(QStringLiteral("k")), std::optional<QString>());
    QCOMPARE(validateLabelValue(QStringLiteral("-")), std::optional<QString>(kValueRule));
    QCOMPARE(validateConfigMapKey(QStringLiteral("release")), std::optional<QString>());
}

void TestNames::generateName_data()
{
    QTest::addColumn<NameRule>("rule");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isGenerateName");
    QTest::addColumn<bool>("valid");

    QTest::addRow("name with trailing dash") << NameRule::Dns1123Subdomain << QStringLiteral("web-") << false << false;
    QTest::addRow("generateName trailing dash") << NameRule::Dns1123Subdomain << QStringLiteral("web-") << true << true;
    QTest::addRow("generateName upper") << NameRule::Dns1123Subdomain << QStringLiteral("Web-") << true << false;
    // The apiserver drops the character before the dash too: "web.-" is checked as "weba".
    QTest::addRow("generateName dash after dot") << NameRule::Dns1123Subdomain << QStringLiteral("web.-") << true << true;
    QTest::addRow("generateName lone dash") << NameRule::Dns1123Label << QStringLiteral("-") << true << false;
    QTest::addRow("namespace generateName") << NameRule::Dns1123Label << QStringLiteral("team-") << true << true;
    QTest::addRow("service name") << NameRule::Dns1035Label << QStringLiteral("9lives") << false << false;
    QTest::addRow("role generateName dot") << NameRule::PathSegment << QStringLiteral(".") << true << true;
    QTest::addRow("role name dot") << NameRule::PathSegment << QStringLiteral(".") << false << false;
    QTest::addRow("role generateName slash") << NameRule::PathSegment << QStringLiteral("a/") << true << false;
}

void TestNames::generateName()
{
    QFETCH(NameRule, rule);
    QFETCH(QString, name);
    QFETCH(bool, isGenerateName);
    QFETCH(bool, valid);
    QCOMPARE(objectNameErrors(rule, name, isGenerateName).isEmpty(), valid);
}

void TestNames::labelsAndAnnotations()
{
    const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("web")},
                             {QStringLiteral("-bad"), QStringLiteral("ok")},
                             {QStringLiteral("tier"), QStringLiteral("a b")}};
    QCOMPARE(labelsErrors(labels),
             QStringList({QStringLiteral("metadata.labels: Invalid value: \"-bad\": ") + kKeyNameRule,
                          QStringLiteral("metadata.labels: Invalid value: \"a b\": ") + kValueRule}));
    QVERIFY(labelsErrors(QJsonObject{{QStringLiteral("a"), QStringLiteral("b")}}).isEmpty());

    // Annotation keys are case-insensitive; values are free-form.
    const QJsonObject annotations{{QStringLiteral("Example.com/Key"), QStringLiteral("any value: at all")},
                                  {QStringLiteral("bad key"), QString()}};
    QCOMPARE(annotationsErrors(annotations, QStringLiteral("spec.template.metadata.annotations")),
             QStringList{QStringLiteral("spec.template.metadata.annotations: Invalid value: \"bad key\": ") + kKeyNameRule});

    QJsonObject big{{QStringLiteral("a"), QString(kTotalAnnotationSizeLimitBytes - 1, QLatin1Char('x'))}};
    QVERIFY(annotationsErrors(big).isEmpty()); // exactly at the limit
    big.insert(QStringLiteral("b"), QString());
    QCOMPARE(annotationsErrors(big),
             QStringList{QStringLiteral("metadata.annotations: Too long: may not be more than 262144 bytes")});
}

void TestNames::goQuote_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("quoted");

    QTest::addRow("plain") << QStringLiteral("abc") << QStringLiteral("\"abc\"");
    QTest::addRow("quote and backslash") << QStringLiteral("a\"b\\c") << QStringLiteral("\"a\\\"b\\\\c\"");
    QTest::addRow("newline and tab") << QStringLiteral("a\nb\tc") << QStringLiteral("\"a\\nb\\tc\"");
    QTest::addRow("control") << QStringLiteral("\u0001\u007f") << QStringLiteral("\"\\x01\\x7f\"");
    QTest::addRow("unicode letters") << QStringLiteral("é✓") << QStringLiteral("\"é✓\"");
    QTest::addRow("non-breaking space") << QStringLiteral("a\u00a0b") << QStringLiteral("\"a\\u00a0b\"");
    QTest::addRow("format char") << QStringLiteral("\u200b") << QStringLiteral("\"\\u200b\"");
    QTest::addRow("astral") << QString::fromUcs4(U"\U0001F600") << QString::fromUcs4(U"\"\U0001F600\"");
}

void TestNames::goQuote()
{
    QFETCH(QString, input);
    QFETCH(QString, quoted);
    QCOMPARE(fd::sim::goQuote(input), quoted);
    QCOMPARE(invalidValueMessage(QStringLiteral("f"), input, QStringLiteral("d")),
             QStringLiteral("f: Invalid value: ") + quoted + QStringLiteral(": d"));
}

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
