// YamlWriter: JSON values to YAML that Helm (YAML 1.1 typing) reads back unchanged.
#include "helm/YamlWriter.h"
#include "kube/config/YamlTree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::helm;

namespace {

QJsonValue readBack(const QByteArray &yaml)
{
    const fd::kube::YamlDocument document = fd::kube::parseYaml(yaml);
    if (document.error)
        return QJsonValue(u"PARSE ERROR: "_s + document.error->message);
    const auto json = fd::kube::yamlToJson(document.root);
    return json ? *json : QJsonValue(u"CONVERSION FAILED"_s);
}

} // namespace

class TestYamlWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layout()
    {
        const QJsonObject values{
            {u"defaultNamespace"_s, u"default"_s},
            {u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s, u"123"_s}},
            {u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, true}, {u"replicas"_s, 2}}},
            {u"empty"_s, QJsonObject{}},
            {u"none"_s, QJsonArray{}},
            {u"nothing"_s, QJsonValue::Null},
            {u"items"_s, QJsonArray{QJsonObject{{u"name"_s, u"a"_s}, {u"port"_s, 80}}, QJsonArray{1, 2}}},
            {u"ratio"_s, 0.1},
        };
        const QByteArray expected = "additionalFissionNamespaces:\n"
                                    "  - team-a\n"
                                    "  - \"123\"\n"
                                    "defaultNamespace: default\n"
                                    "empty: {}\n"
                                    "executor:\n"
                                    "  adoptExistingResources: true\n"
                                    "  replicas: 2\n"
                                    "items:\n"
                                    "  - name: a\n"
                                    "    port: 80\n"
                                    "  - - 1\n"
                                    "    - 2\n"
                                    "none: []\n"
                                    "nothing: null\n"
                                    "ratio: 0.1\n";
        QCOMPARE(toYaml(values), expected);
        QCOMPARE(readBack(toYaml(values)), QJsonValue(values));

        YamlStyle goStyle;
        goStyle.indentSequences = false;
        QCOMPARE(toYaml(QJsonObject{{u"ns"_s, QJsonArray{u"a"_s}}}, goStyle), QByteArray("ns:\n- a\n"));
        QCOMPARE(toYaml(QJsonObject()), QByteArray("{}\n"));
    }

    void stringsReadBackAsStrings_data()
    {
        QTest::addColumn<QString>("text");
        int index = 0;
        for (const char *text : {"yes", "No", "ON", "off", "y", "n", "true", "False", "null", "Null", "~", "", " lead",
                                 "trail ", "1.20", "0777", "0x1f", "1e3", "-1", "+1", ".5", ".inf", "1_000", "2024-01-01",
                                 "12:30", "a: b", "a #b", "#x", "-x", "- x", "@x", "`x`", "!tag", "&anchor", "*alias",
                                 "%x", "{a}", "[a]", "a,b", "quote\"inside", "back\\slash", "tab\there", "control\x01",
                                 "é clair", "emoji \xF0\x9F\x98\x80", "<<", "=", "?", "|", ">", "v1.20.5", "team-a",
                                 "registry.example/fd:1.0", "500m"}) {
            QTest::addRow("%d: %s", index++, text) << QString::fromUtf8(text);
        }
        QTest::addRow("line separator") << QString(QChar(0x2028)) + u"x"_s;
        QTest::addRow("next line") << QString(QChar(0x85));
    }

    void stringsReadBackAsStrings()
    {
        QFETCH(QString, text);
        const QJsonObject values{{u"key"_s, text}, {text.isEmpty() ? u"empty-key"_s : text, 1}};
        const QByteArray yaml = toYaml(values);
        QCOMPARE(readBack(yaml), QJsonValue(values));
    }

    void multiLineStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("clip") << u"line one\nline two\n"_s << QByteArray("key: |\n  line one\n  line two\n");
        QTest::addRow("strip") << u"line one\nline two"_s << QByteArray("key: |-\n  line one\n  line two\n");
        QTest::addRow("keep") << u"one\n\n\n"_s << QByteArray("key: |+\n  one\n\n\n");
        QTest::addRow("inner blank line") << u"a\n\n  b\n"_s << QByteArray("key: |\n  a\n\n    b\n");
        QTest::addRow("leading space: quoted") << u" a\nb"_s << QByteArray("key: \" a\\nb\"\n");
        QTest::addRow("carriage return: quoted") << u"a\r\nb"_s << QByteArray("key: \"a\\r\\nb\"\n");
    }

    void multiLineStrings()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        const QJsonObject values{{u"key"_s, text}};
        QCOMPARE(toYaml(values), expected);
        QCOMPARE(readBack(toYaml(values)), QJsonValue(values));
        // Inside a list and a nested map too.
        const QJsonObject nested{{u"list"_s, QJsonArray{text, u"x"_s}}, {u"map"_s, QJsonObject{{u"k"_s, text}}}};
        QCOMPARE(readBack(toYaml(nested)), QJsonValue(nested));
    }

    void numbers()
    {
        const QJsonObject values{{u"int"_s, 42},   {u"negative"_s, -7},    {u"big"_s, 1e20},
                                 {u"tiny"_s, 1e-9}, {u"fraction"_s, 2.5}, {u"bool"_s, false}};
        const QByteArray yaml = toYaml(values);
        QVERIFY(yaml.contains("int: 42\n"));
        QVERIFY(yaml.contains("fraction: 2.5\n"));
        QCOMPARE(readBack(yaml), QJsonValue(values));
    }

    void plainSafety()
    {
        QVERIFY(isPlainSafe(u"team-a"_s));
        QVERIFY(isPlainSafe(u"registry.example/fd:1.0"_s) == false); // ':' is quoted, to be safe
        QVERIFY(!isPlainSafe(u"123"_s));
        QVERIFY(!isPlainSafe(u"yes"_s));
        QCOMPARE(yamlScalar(QJsonValue(u"yes"_s)), QByteArray("\"yes\""));
        QCOMPARE(yamlKey(u"<<"_s), QByteArray("\"<<\""));
    }
};

QTEST_GUILESS_MAIN(TestYamlWriter)
#include "tst_yamlwriter.moc"
