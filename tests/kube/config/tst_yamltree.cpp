#include "kube/config/YamlTree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace fd::kube;

class TestYamlTree : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainAndQuotedScalars()
    {
        const YamlDocument doc = parseYaml("a: true\nb: \"true\"\nc: 'x'\nd: !!str yes\ne: 12\nf:\n");
        QVERIFY(!doc.error);
        QVERIFY(doc.root && doc.root->isMapping());
        QCOMPARE(doc.root->value(QStringLiteral("a"))->toBool(), std::optional<bool>(true));
        QVERIFY(doc.root->value(QStringLiteral("b"))->quoted);
        QVERIFY(!doc.root->value(QStringLiteral("b"))->toBool());
        QCOMPARE(doc.root->value(QStringLiteral("c"))->scalar, QStringLiteral("x"));
        QVERIFY(!doc.root->value(QStringLiteral("d"))->toBool()); // explicit !!str
        QCOMPARE(doc.root->value(QStringLiteral("e"))->kindName(), QStringLiteral("a number"));
        QVERIFY(doc.root->value(QStringLiteral("f"))->isNull());
        QVERIFY(!doc.root->value(QStringLiteral("missing")));
    }

    void yaml11Booleans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // -1 = not a boolean
        for (const char *t : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"})
            QTest::addRow("%s", t) << QString::fromLatin1(t) << 1;
        for (const char *f : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"})
            QTest::addRow("%s", f) << QString::fromLatin1(f) << 0;
        for (const char *other : {"tRue", "1", "0", "enabled", "yess"})
            QTest::addRow("%s", other) << QString::fromLatin1(other) << -1;
    }
    void yaml11Booleans()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const YamlDocument doc = parseYaml(QByteArrayLiteral("v: ") + text.toUtf8());
        QVERIFY(!doc.error);
        const auto value = doc.root->value(QStringLiteral("v"))->toBool();
        if (expected < 0)
            QVERIFY(!value);
        else
            QCOMPARE(value, std::optional<bool>(expected == 1));
    }

    void marksAreOneBased()
    {
        const YamlDocument doc = parseYaml("first: 1\nsecond:\n  inner: x\n");
        QCOMPARE(doc.root->value(QStringLiteral("first"))->mark.line, 1);
        QCOMPARE(doc.root->value(QStringLiteral("first"))->mark.column, 8);
        const YamlNodePtr inner = doc.root->value(QStringLiteral("second"))->value(QStringLiteral("inner"));
        QCOMPARE(inner->mark.line, 3);
        QCOMPARE(inner->mark.column, 10);
    }

    void lastDuplicateKeyWins()
    {
        const YamlDocument doc = parseYaml("a: 1\nb: 2\na: 3\n");
        QCOMPARE(doc.root->value(QStringLiteral("a"))->scalar, QStringLiteral("3"));
        QCOMPARE(doc.root->duplicateKeys(), QStringList{QStringLiteral("a")});
        const auto entries = doc.root->mappingEntries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).first, QStringLiteral("a"));
        QCOMPARE(entries.at(0).second->scalar, QStringLiteral("3"));
    }

    void mergeKeys()
    {
        const YamlDocument doc = parseYaml("base: &b {x: 1, y: 2}\n"
                                           "other: &o {z: 9}\n"
                                           "m:\n  <<: [*b, *o]\n  y: 5\n");
        QVERIFY(!doc.error);
        const YamlNodePtr m = doc.root->value(QStringLiteral("m"));
        QCOMPARE(m->value(QStringLiteral("x"))->scalar, QStringLiteral("1"));
        QCOMPARE(m->value(QStringLiteral("y"))->scalar, QStringLiteral("5"));
        QCOMPARE(m->value(QStringLiteral("z"))->scalar, QStringLiteral("9"));
        QStringList keys;
        for (const auto &entry : m->mappingEntries())
            keys << entry.first;
        QCOMPARE(keys, (QStringList{QStringLiteral("y"), QStringLiteral("x"), QStringLiteral("z")}));
    }

    void aliasesShareNodes()
    {
        const YamlDocument doc = parseYaml("a: &x {k: v}\nb: *x\n");
        QVERIFY(!doc.error);
        QCOMPARE(doc.root->value(QStringLiteral("a")).get(), doc.root->value(QStringLiteral("b")).get());
    }

    void aliasToOpenNodeBecomesNull()
    {
        // A self-referencing alias would make a cycle (and leak shared_ptrs): it becomes null.
        const YamlDocument doc = parseYaml("a: &x [1, *x]\n");
        if (doc.error)
            return; // refusing it is fine as well
        const YamlNodePtr a = doc.root->value(QStringLiteral("a"));
        QVERIFY(a->isSequence());
        QCOMPARE(a->items.size(), size_t(2));
        QVERIFY(a->items[1]->isNull());
    }

    void syntaxErrorKeepsWhatCameBefore()
    {
        const QByteArray text = "items:\n"
                                "- name: one\n"
                                "  value: 1\n"
                                "- name: two\n"
                                "  value: 2\n"
                                "- name: three\n"
                                "  value: [unterminated\n"
                                "- name: four\n";
        const YamlDocument doc = parseYaml(text);
        QVERIFY(doc.error);
        QVERIFY(doc.error->mark.line >= 7);
        QVERIFY(doc.root && doc.root->isMapping());
        QVERIFY(!doc.root->complete);
        const YamlNodePtr items = doc.root->value(QStringLiteral("items"));
        QVERIFY(items && items->isSequence());
        QVERIFY(items->items.size() >= 3);
        QVERIFY(items->items[0]->complete);
        QVERIFY(items->items[1]->complete);
        QCOMPARE(items->items[1]->value(QStringLiteral("name"))->scalar, QStringLiteral("two"));
        QVERIFY(!items->items[2]->complete);
    }

    void malformedNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("expectError");
        QTest::addRow("open brace") << QByteArray("{") << true;
        QTest::addRow("open bracket") << QByteArray("[") << true;
        QTest::addRow("map value in plain") << QByteArray("a: b: c") << true;
        QTest::addRow("tab indentation") << QByteArray("a:\n\t- x\n") << true;
        QTest::addRow("unterminated quote") << QByteArray("key: 'unterminated\n") << false; // yaml-cpp accepts it
        QTest::addRow("unknown alias") << QByteArray("a: *nothing\n") << true;
        QTest::addRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << true;
        QTest::addRow("deep flow nesting") << QByteArray(100000, '[') << true;
        QTest::addRow("deep block nesting") << QByteArray("- ").repeated(5000) << true;
        QTest::addRow("only comment") << QByteArray("# nothing\n") << false;
        QTest::addRow("empty") << QByteArray() << false;
        QTest::addRow("plain text") << QByteArray("hello world\n") << false;
        QTest::addRow("json") << QByteArray("{\"a\": [1, 2, {\"b\": null}]}") << false;
        QTest::addRow("binary-ish") << QByteArray("\x01\x02\x03\xff\xfe: \x80\n") << false;
        QTest::addRow("stray document end") << QByteArray("...\n...\n") << false;
        QTest::addRow("directive garbage") << QByteArray("%YAML 9.9\n%TAG\n---\na: 1\n") << true;
    }
    void malformedNeverCrashes()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, expectError);
        const YamlDocument doc = parseYaml(text);
        if (expectError) {
            QVERIFY(doc.error);
            QVERIFY(!doc.error->message.isEmpty());
        }
        // Whatever came out must be safe to walk.
        if (doc.root) {
            const auto json = yamlToJson(doc.root, 64, 1'000'000);
            Q_UNUSED(json)
            doc.root->mappingEntries();
            doc.root->duplicateKeys();
        }
    }

    void aliasBombIsBounded()
    {
        QByteArray text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'j'; ++c) {
            const char prev = static_cast<char>(c - 1);
            text += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
            for (int i = 0; i < 10; ++i)
                text += (i ? ", *" : "*") + QByteArray(1, prev);
            text += "]\n";
        }
        const YamlDocument doc = parseYaml(text);
        QVERIFY(!doc.error);
        QVERIFY(!yamlToJson(doc.root->value(QStringLiteral("j")))); // 10^10 nodes: refused
        QVERIFY(yamlToJson(doc.root->value(QStringLiteral("b"))));  // 100 nodes: fine
    }

    void nodeBudget()
    {
        const YamlDocument doc = parseYaml("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", YamlLimits{5});
        QVERIFY(doc.error);
        QVERIFY(doc.error->message.contains(QLatin1String("too large")));
    }

    void secondDocumentIsFlagged()
    {
        const YamlDocument doc = parseYaml("a: 1\n---\nb: 2\n");
        QVERIFY(!doc.error);
        QVERIFY(doc.hasMoreDocuments);
        QVERIFY(!doc.root->value(QStringLiteral("b")));
        QVERIFY(!parseYaml("a: 1\n").hasMoreDocuments);
    }

    void jsonConversion()
    {
        const YamlDocument doc = parseYaml("s: text\nq: \"12\"\nn: 12\nf: 1.5\nb: yes\nz: ~\nl: [a, 1]\nm: {k: v}\n");
        const auto json = yamlToJson(doc.root);
        QVERIFY(json && json->isObject());
        const QJsonObject o = json->toObject();
        QCOMPARE(o.value(QStringLiteral("s")).toString(), QStringLiteral("text"));
        QCOMPARE(o.value(QStringLiteral("q")).toString(), QStringLiteral("12"));
        QCOMPARE(o.value(QStringLiteral("n")).toDouble(), 12.0);
        QCOMPARE(o.value(QStringLiteral("f")).toDouble(), 1.5);
        QCOMPARE(o.value(QStringLiteral("b")).toBool(), true);
        QVERIFY(o.value(QStringLiteral("z")).isNull());
        QCOMPARE(o.value(QStringLiteral("l")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("m")).toObject().value(QStringLiteral("k")).toString(), QStringLiteral("v"));
    }

    void unicode()
    {
        const YamlDocument doc = parseYaml("名前: \"значение 🚀\"\n");
        QVERIFY(!doc.error);
        QCOMPARE(doc.root->value(QStringLiteral("名前"))->scalar, QStringLiteral("значение 🚀"));
    }
};

QTEST_GUILESS_MAIN(TestYamlTree)
#include "tst_yamltree.moc"
