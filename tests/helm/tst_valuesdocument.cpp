// ValuesDocument: structured edits of the values TEXT that keep everything else byte for byte,
// and validation with positions.
#include "helm/ValuesDocument.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::helm;

namespace {

QString issueText(const ValuesIssue &issue)
{
    return u"%1 %2:%3 %4"_s.arg(issue.severity == ValuesIssue::Severity::Error ? u"E"_s : u"W"_s)
        .arg(issue.line)
        .arg(issue.column)
        .arg(issue.path);
}

QStringList issueTexts(const QList<ValuesIssue> &issues)
{
    QStringList out;
    for (const ValuesIssue &issue : issues)
        out.append(issueText(issue));
    return out;
}

QString applied(QString text, const TextEdit &edit)
{
    return text.replace(edit.position, edit.removed, edit.inserted);
}

const QString kTeams = u"# Fission values\n"
                       "defaultNamespace: default # where functions go\n"
                       "\n"
                       "additionalFissionNamespaces:\n"
                       "  # tenants, one per team\n"
                       "  - team-a   # the first\n"
                       "  # billing team\n"
                       "  - \"team-b\"\n"
                       "executor:\n"
                       "  adoptExistingResources: false\n"_s;

} // namespace

class TestValuesDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheManagedKeys()
    {
        const ValuesDocument document(kTeams);
        QCOMPARE(document.additionalNamespaces(), std::optional<QStringList>({u"team-a"_s, u"team-b"_s}));
        QCOMPARE(document.defaultNamespace(), std::optional<QString>(u"default"_s));
        QCOMPARE(document.adoptExistingResources(), std::optional<bool>(false));
        QVERIFY(!document.syntaxError());
        const auto values = document.values();
        QVERIFY(values);
        QCOMPARE(values->value(u"additionalFissionNamespaces"_s).toArray().size(), 2);

        QCOMPARE(ValuesDocument(u"a: 1\n"_s).additionalNamespaces(), std::nullopt);
        QCOMPARE(ValuesDocument(u"additionalFissionNamespaces:\n"_s).additionalNamespaces(), std::nullopt);
        QCOMPARE(ValuesDocument(u"additionalFissionNamespaces: [x]\n"_s).additionalNamespaces(),
                 std::optional<QStringList>(QStringList{u"x"_s}));
        QCOMPARE(ValuesDocument(u"executor: {adoptExistingResources: yes}\n"_s).adoptExistingResources(),
                 std::optional<bool>(true));
        QCOMPARE(ValuesDocument(u"executor: {adoptExistingResources: \"true\"}\n"_s).adoptExistingResources(),
                 std::nullopt);
        QCOMPARE(ValuesDocument(QString()).values().value(), QJsonObject());
    }

    void fromValuesStartsFromHelmsConfig()
    {
        const QJsonObject config{{u"additionalFissionNamespaces"_s, QJsonArray{u"a"_s}}};
        QCOMPARE(ValuesDocument::fromValues(config).text(), u"additionalFissionNamespaces:\n  - a\n"_s);
        QCOMPARE(ValuesDocument::fromValues({}).text(), QString());
    }

    void namespaceEdits_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("expected");

        QString expected = kTeams;
        expected.replace(u"  - \"team-b\"\n"_s, u"  - \"team-b\"\n  - team-c\n"_s);
        QTest::addRow("add keeps every comment") << kTeams << QStringList{u"team-a"_s, u"team-b"_s, u"team-c"_s} << expected;

        expected = kTeams;
        expected.replace(u"  - team-a   # the first\n"_s, QString());
        QTest::addRow("remove drops only the item's line") << kTeams << QStringList{u"team-b"_s} << expected;

        expected = kTeams;
        expected.replace(u"  - team-a   # the first\n  # billing team\n  - \"team-b\"\n"_s,
                         u"  # billing team\n  - \"team-b\"\n  - team-a   # the first\n"_s);
        QTest::addRow("reorder moves comments with their items") << kTeams << QStringList{u"team-b"_s, u"team-a"_s} << expected;

        expected = kTeams;
        expected.replace(u"additionalFissionNamespaces:\n  # tenants, one per team\n  - team-a   # the first\n  # billing team\n  - \"team-b\"\n"_s,
                         u"additionalFissionNamespaces: []\n  # tenants, one per team\n"_s);
        QTest::addRow("empty list keeps the header comment") << kTeams << QStringList{} << expected;

        QTest::addRow("flow list stays flow")
            << u"additionalFissionNamespaces: [a, b]  # flow\nx: 1\n"_s << QStringList{u"a"_s, u"123"_s}
            << u"additionalFissionNamespaces: [a, \"123\"]  # flow\nx: 1\n"_s;
        QTest::addRow("empty flow list becomes a block list")
            << u"defaultNamespace: default\nadditionalFissionNamespaces: []\ncreateNamespace: true\n"_s << QStringList{u"team-a"_s}
            << u"defaultNamespace: default\nadditionalFissionNamespaces:\n  - team-a\ncreateNamespace: true\n"_s;
        QTest::addRow("absent key is appended") << u"defaultNamespace: default\n"_s << QStringList{u"a"_s}
                                                << u"defaultNamespace: default\nadditionalFissionNamespaces:\n  - a\n"_s;
        QTest::addRow("no final newline") << u"defaultNamespace: default"_s << QStringList{u"a"_s}
                                          << u"defaultNamespace: default\nadditionalFissionNamespaces:\n  - a\n"_s;
        QTest::addRow("absent and empty") << u"x: 1\n"_s << QStringList{} << u"x: 1\nadditionalFissionNamespaces: []\n"_s;
        QTest::addRow("empty document") << QString() << QStringList{u"a"_s} << u"additionalFissionNamespaces:\n  - a\n"_s;
        QTest::addRow("comments only") << u"# nothing yet\n"_s << QStringList{u"a"_s}
                                       << u"# nothing yet\nadditionalFissionNamespaces:\n  - a\n"_s;
        QTest::addRow("null document") << u"null\n"_s << QStringList{u"a"_s} << u"additionalFissionNamespaces:\n  - a\n"_s;
        QTest::addRow("empty map document") << u"{}\n"_s << QStringList{u"a"_s} << u"additionalFissionNamespaces:\n  - a\n"_s;
        QTest::addRow("implicit null keeps the key's comment")
            << u"additionalFissionNamespaces:   # none yet\ndefaultNamespace: x\n"_s << QStringList{u"a"_s}
            << u"additionalFissionNamespaces:   # none yet\n  - a\ndefaultNamespace: x\n"_s;
        QTest::addRow("explicit null") << u"additionalFissionNamespaces: ~\n"_s << QStringList{u"a"_s}
                                       << u"additionalFissionNamespaces:\n  - a\n"_s;
        QTest::addRow("the document's list style is used")
            << u"executor:\n  x: 1\nlist:\n- one\nadditionalFissionNamespaces: []\n"_s << QStringList{u"a"_s}
            << u"executor:\n  x: 1\nlist:\n- one\nadditionalFissionNamespaces:\n- a\n"_s;
        QTest::addRow("new items align with the list") << u"additionalFissionNamespaces:\n- a\n- b\n"_s
                                                       << QStringList{u"a"_s, u"b"_s, u"c"_s}
                                                       << u"additionalFissionNamespaces:\n- a\n- b\n- c\n"_s;
        QTest::addRow("windows line endings") << u"a: 1\r\nadditionalFissionNamespaces:\r\n  - x\r\n"_s
                                              << QStringList{u"x"_s, u"w"_s}
                                              << u"a: 1\r\nadditionalFissionNamespaces:\r\n  - x\r\n  - w\r\n"_s;
        QTest::addRow("names YAML would type are quoted")
            << u"a: 1\n"_s << QStringList{u"123"_s, u"yes"_s, u"null-ns"_s}
            << u"a: 1\nadditionalFissionNamespaces:\n  - \"123\"\n  - \"yes\"\n  - null-ns\n"_s;
        QTest::addRow("a map item makes the list be rewritten")
            << u"additionalFissionNamespaces:\n  - a\n  - b: c\nz: 1\n"_s << QStringList{u"x"_s}
            << u"additionalFissionNamespaces:\n  - x\nz: 1\n"_s;
        QTest::addRow("a list that only comes from a merge key gets a direct key")
            << u"base: &b\n  additionalFissionNamespaces: [x]\n<<: *b\n"_s << QStringList{u"w"_s}
            << u"base: &b\n  additionalFissionNamespaces: [x]\n<<: *b\nadditionalFissionNamespaces:\n  - w\n"_s;
        QTest::addRow("duplicate keys: the last one (the one Helm uses) is edited")
            << u"additionalFissionNamespaces: [a]\nx: 1\nadditionalFissionNamespaces: [b]\n"_s << QStringList{u"b"_s, u"c"_s}
            << u"additionalFissionNamespaces: [a]\nx: 1\nadditionalFissionNamespaces: [b, c]\n"_s;
        QTest::addRow("non-ascii text around survives")
            << u"# café ☕\nadditionalFissionNamespaces: [a] # été\nnote: \"naïve\"\n"_s << QStringList{u"a"_s, u"b"_s}
            << u"# café ☕\nadditionalFissionNamespaces: [a, b] # été\nnote: \"naïve\"\n"_s;
    }

    void namespaceEdits()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, names);
        QFETCH(QString, expected);
        ValuesDocument document(input);
        const auto edit = document.setAdditionalNamespaces(names);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error()));
        QCOMPARE(document.text(), expected);
        QCOMPARE(applied(input, edit.value()), expected);
        QCOMPARE(document.additionalNamespaces(), std::optional<QStringList>(names));
        QVERIFY(!document.syntaxError());
    }

    void scalarEdits_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("key"); // "default" or "adopt"
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");

        QTest::addRow("in place, spacing and comment kept")
            << u"defaultNamespace:   default   # keep me\nx: 1\n"_s << u"default"_s << u"tenants"_s
            << u"defaultNamespace:   tenants   # keep me\nx: 1\n"_s;
        QTest::addRow("quoted, and a name YAML would type")
            << u"defaultNamespace: 'default'\n"_s << u"default"_s << u"123"_s << u"defaultNamespace: \"123\"\n"_s;
        QTest::addRow("absent") << u"a: 1\n"_s << u"default"_s << u"tenants"_s << u"a: 1\ndefaultNamespace: tenants\n"_s;
        QTest::addRow("implicit null") << u"defaultNamespace:\nb: 2\n"_s << u"default"_s << u"tenants"_s
                                       << u"defaultNamespace: tenants\nb: 2\n"_s;
        QTest::addRow("a list there becomes the scalar") << u"defaultNamespace:\n  - a\nb: 2\n"_s << u"default"_s
                                                         << u"x"_s << u"defaultNamespace: x\nb: 2\n"_s;

        QTest::addRow("adopt flips in place")
            << u"executor:\n  adoptExistingResources: false  # 1.20 default\n  x: 1\n"_s << u"adopt"_s << u"true"_s
            << u"executor:\n  adoptExistingResources: true  # 1.20 default\n  x: 1\n"_s;
        QTest::addRow("adopt added as the executor's first key")
            << u"executor:\n  # pool settings\n  poolSize: 3\nrouter: {}\n"_s << u"adopt"_s << u"true"_s
            << u"executor:\n  adoptExistingResources: true\n  # pool settings\n  poolSize: 3\nrouter: {}\n"_s;
        QTest::addRow("executor absent") << u"a: 1\n"_s << u"adopt"_s << u"true"_s
                                         << u"a: 1\nexecutor:\n  adoptExistingResources: true\n"_s;
        QTest::addRow("executor: {}") << u"executor: {}\nb: 1\n"_s << u"adopt"_s << u"true"_s
                                      << u"executor:\n  adoptExistingResources: true\nb: 1\n"_s;
        QTest::addRow("executor flow map") << u"executor: {poolSize: 3}\n"_s << u"adopt"_s << u"false"_s
                                           << u"executor: {poolSize: 3, adoptExistingResources: false}\n"_s;
        QTest::addRow("four-space indentation")
            << u"executor:\n    poolSize: 3\n"_s << u"adopt"_s << u"true"_s
            << u"executor:\n    adoptExistingResources: true\n    poolSize: 3\n"_s;
        QTest::addRow("executor null with a comment") << u"executor: # later\nb: 1\n"_s << u"adopt"_s << u"true"_s
                                                      << u"executor: # later\n  adoptExistingResources: true\nb: 1\n"_s;
        QTest::addRow("document's map indentation")
            << u"router:\n    replicas: 1\n"_s << u"adopt"_s << u"true"_s
            << u"router:\n    replicas: 1\nexecutor:\n    adoptExistingResources: true\n"_s;
    }

    void scalarEdits()
    {
        QFETCH(QString, input);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        ValuesDocument document(input);
        const auto edit = key == "default"_L1 ? document.setDefaultNamespace(value)
                                              : document.setAdoptExistingResources(value == "true"_L1);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error()));
        QCOMPARE(document.text(), expected);
        QCOMPARE(applied(input, edit.value()), expected);
    }

    void editsThatAreRefused_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("operation");
        QTest::addRow("syntax error") << u"a: [1, 2\nb: 3\n"_s << u"default"_s;
        QTest::addRow("anchor") << u"additionalFissionNamespaces: &ns [a]\n"_s << u"namespaces"_s;
        QTest::addRow("alias") << u"base: &b [a]\nadditionalFissionNamespaces: *b\n"_s << u"namespaces"_s;
        QTest::addRow("top level is a list") << u"- a\n"_s << u"default"_s;
        QTest::addRow("top level is a flow map") << u"{a: 1}\n"_s << u"namespaces"_s;
        QTest::addRow("top level is a scalar") << u"hello\n"_s << u"default"_s;
        QTest::addRow("executor is a scalar") << u"executor: fast\n"_s << u"adopt"_s;
        QTest::addRow("executor is a list") << u"executor:\n  - a\n"_s << u"adopt"_s;
    }

    void editsThatAreRefused()
    {
        QFETCH(QString, input);
        QFETCH(QString, operation);
        ValuesDocument document(input);
        const auto edit = operation == "default"_L1      ? document.setDefaultNamespace(u"x"_s)
                          : operation == "namespaces"_L1 ? document.setAdditionalNamespaces({u"x"_s})
                                                          : document.setAdoptExistingResources(true);
        QVERIFY(!edit);
        QVERIFY(!edit.error().isEmpty());
        QCOMPARE(document.text(), input);
    }

    void successiveEditsCompose()
    {
        ValuesDocument document(kTeams);
        QVERIFY(document.setAdditionalNamespaces({u"team-a"_s, u"team-b"_s, u"test"_s}));
        QVERIFY(document.setAdoptExistingResources(true));
        QVERIFY(document.setDefaultNamespace(u"fission-functions"_s));
        QVERIFY(document.setAdditionalNamespaces({u"test"_s, u"team-a"_s}));
        const QString expected = u"# Fission values\n"
                                 "defaultNamespace: fission-functions # where functions go\n"
                                 "\n"
                                 "additionalFissionNamespaces:\n"
                                 "  # tenants, one per team\n"
                                 "  - test\n"
                                 "  - team-a   # the first\n"
                                 "executor:\n"
                                 "  adoptExistingResources: true\n"_s;
        QCOMPARE(document.text(), expected);
        QVERIFY(document.validate().isEmpty());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("existing"); // empty = not known
        QTest::addColumn<QStringList>("expected");

        QTest::addRow("valid")
            << u"defaultNamespace: default\nadditionalFissionNamespaces:\n  - team-a\n  - \"123\"\nexecutor:\n  adoptExistingResources: yes\n"_s
            << QStringList() << QStringList();
        QTest::addRow("empty") << QString() << QStringList() << QStringList();
        QTest::addRow("null list") << u"additionalFissionNamespaces:\n"_s << QStringList() << QStringList();
        QTest::addRow("not a map") << u"- a\n"_s << QStringList() << QStringList{u"E 1:1 "_s};
        QTest::addRow("list is a map") << u"additionalFissionNamespaces:\n  a: b\n"_s << QStringList()
                                       << QStringList{u"E 2:3 additionalFissionNamespaces"_s};
        QTest::addRow("invalid names and a duplicate")
            << u"additionalFissionNamespaces: [Team-A, team_b, '-x', ok, ok]\n"_s << QStringList()
            << QStringList{u"E 1:31 additionalFissionNamespaces[0]"_s, u"E 1:39 additionalFissionNamespaces[1]"_s,
                           u"E 1:47 additionalFissionNamespaces[2]"_s, u"E 1:57 additionalFissionNamespaces[4]"_s};
        QTest::addRow("too long") << u"additionalFissionNamespaces: [%1]\n"_s.arg(QString(64, u'a')) << QStringList()
                                  << QStringList{u"E 1:31 additionalFissionNamespaces[0]"_s};
        QTest::addRow("items Helm reads as other types")
            << u"additionalFissionNamespaces:\n  - 123\n  - yes\n  - null\n  - [a]\n"_s << QStringList()
            << QStringList{u"E 2:5 additionalFissionNamespaces[0]"_s, u"E 3:5 additionalFissionNamespaces[1]"_s,
                           u"E 4:5 additionalFissionNamespaces[2]"_s, u"E 5:5 additionalFissionNamespaces[3]"_s};
        QTest::addRow("default namespace repeated")
            << u"defaultNamespace: tenants\nadditionalFissionNamespaces: [a, tenants]\n"_s << QStringList()
            << QStringList{u"E 2:34 additionalFissionNamespaces[1]"_s};
        QTest::addRow("chart default namespace repeated") << u"additionalFissionNamespaces: [default]\n"_s << QStringList()
                                                          << QStringList{u"E 1:31 additionalFissionNamespaces[0]"_s};
        QTest::addRow("invalid default namespace") << u"defaultNamespace: My_NS\n"_s << QStringList()
                                                   << QStringList{u"E 1:19 defaultNamespace"_s};
        QTest::addRow("adopt must be a boolean") << u"executor:\n  adoptExistingResources: \"true\"\n"_s << QStringList()
                                                 << QStringList{u"E 2:27 executor.adoptExistingResources"_s};
        QTest::addRow("executor is a scalar") << u"executor: fast\n"_s << QStringList()
                                              << QStringList{u"E 1:11 executor"_s};
        QTest::addRow("duplicate keys") << u"defaultNamespace: a\ndefaultNamespace: b\n"_s << QStringList()
                                        << QStringList{u"W 2:1 defaultNamespace"_s};
        QTest::addRow("more documents") << u"a: 1\n---\nb: 2\n"_s << QStringList() << QStringList{u"W 0:0 "_s};
        QTest::addRow("namespaces that do not exist")
            << u"additionalFissionNamespaces: [team-a, team-b]\n"_s << QStringList{u"default"_s, u"team-a"_s}
            << QStringList{u"W 1:39 additionalFissionNamespaces[1]"_s};
        QTest::addRow("columns count characters, not bytes")
            << u"additionalFissionNamespaces: [é, BAD]\n"_s << QStringList()
            << QStringList{u"E 1:31 additionalFissionNamespaces[0]"_s, u"E 1:34 additionalFissionNamespaces[1]"_s};
    }

    void validation()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, existing);
        QFETCH(QStringList, expected);
        ValuesValidationContext context;
        if (!existing.isEmpty())
            context.existingNamespaces = existing;
        const QList<ValuesIssue> issues = ValuesDocument(input).validate(context);
        QCOMPARE(issueTexts(issues), expected);
        for (const ValuesIssue &issue : issues)
            QVERIFY(!issue.message.isEmpty());
        QCOMPARE(ValuesDocument(input).hasErrors(context), expected.join(u' ').contains(u"E "_s));
    }

    void syntaxErrorHasAPosition()
    {
        const ValuesDocument document(u"a: 1\nb: [1, 2\nc: 3\n"_s);
        const auto error = document.syntaxError();
        QVERIFY(error);
        QVERIFY(error->line >= 2);
        QVERIFY(error->column >= 1);
        QVERIFY(error->message.contains(u"YAML"_s));
        QCOMPARE(document.validate().size(), 1);
        QVERIFY(!document.values());
    }

    void dnsLabels()
    {
        QVERIFY(dns1123LabelProblem(u"team-a"_s).isEmpty());
        QVERIFY(dns1123LabelProblem(u"a"_s).isEmpty());
        QVERIFY(dns1123LabelProblem(u"0abc"_s).isEmpty());
        QVERIFY(dns1123LabelProblem(QString(63, u'x')).isEmpty());
        QVERIFY(!dns1123LabelProblem(QString(64, u'x')).isEmpty());
        QVERIFY(!dns1123LabelProblem(QString()).isEmpty());
        QVERIFY(!dns1123LabelProblem(u"a.b"_s).isEmpty());
        QVERIFY(!dns1123LabelProblem(u"a-"_s).isEmpty());
        QVERIFY(!dns1123LabelProblem(u"Ab"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestValuesDocument)
#include "tst_valuesdocument.moc"
