// Helm's value arithmetic: coalescing (helm get values -a), -f merging and upgrade flags.
#include "helm/Values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::helm;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return document.object();
}

QByteArray show(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestValues : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void coalesce_data()
    {
        QTest::addColumn<QJsonObject>("chart");
        QTest::addColumn<QJsonObject>("user");
        QTest::addColumn<QJsonObject>("expected");
        QTest::addColumn<int>("warnings");

        QTest::addRow("defaults fill in") << json(R"({"a":1,"b":{"c":2}})") << json("{}") << json(R"({"a":1,"b":{"c":2}})") << 0;
        QTest::addRow("user wins on scalars")
            << json(R"({"message":"hello","replicas":1})") << json(R"({"message":"bye"})")
            << json(R"({"message":"bye","replicas":1})") << 0;
        QTest::addRow("maps merge deeply")
            << json(R"({"executor":{"adopt":false,"image":"e:1","res":{"cpu":"500m","mem":"1Gi"}}})")
            << json(R"({"executor":{"adopt":true,"res":{"cpu":"1"}}})")
            << json(R"({"executor":{"adopt":true,"image":"e:1","res":{"cpu":"1","mem":"1Gi"}}})") << 0;
        QTest::addRow("lists are replaced, never merged")
            << json(R"({"additionalFissionNamespaces":["a","b"]})") << json(R"({"additionalFissionNamespaces":["c"]})")
            << json(R"({"additionalFissionNamespaces":["c"]})") << 0;
        QTest::addRow("empty user list replaces too")
            << json(R"({"additionalFissionNamespaces":["a"]})") << json(R"({"additionalFissionNamespaces":[]})")
            << json(R"({"additionalFissionNamespaces":[]})") << 0;
        QTest::addRow("null deletes a default")
            << json(R"({"a":1,"b":2})") << json(R"({"a":null})") << json(R"({"b":2})") << 0;
        QTest::addRow("nested null deletes a nested default")
            << json(R"({"e":{"x":1,"y":2}})") << json(R"({"e":{"x":null}})") << json(R"({"e":{"y":2}})") << 0;
        QTest::addRow("nested null without a default is dropped")
            << json(R"({"e":{"x":1}})") << json(R"({"e":{"z":null}})") << json(R"({"e":{"x":1}})") << 0;
        QTest::addRow("top-level null without a default stays")
            << json(R"({"a":1})") << json(R"({"z":null})") << json(R"({"a":1,"z":null})") << 0;
        QTest::addRow("user map under a key the chart lacks stays as is")
            << json(R"({"a":1})") << json(R"({"m":{"n":null}})") << json(R"({"a":1,"m":{"n":null}})") << 0;
        QTest::addRow("user scalar over a default map")
            << json(R"({"e":{"x":1}})") << json(R"({"e":"flat"})") << json(R"({"e":"flat"})") << 0;
        QTest::addRow("user map over a default scalar")
            << json(R"({"e":"flat"})") << json(R"({"e":{"x":1}})") << json(R"({"e":{"x":1}})") << 1;
        QTest::addRow("nested: default map, user scalar")
            << json(R"({"e":{"r":{"x":1}}})") << json(R"({"e":{"r":5}})") << json(R"({"e":{"r":5}})") << 1;
        QTest::addRow("nested: default scalar, user map")
            << json(R"({"e":{"r":5}})") << json(R"({"e":{"r":{"x":1}}})") << json(R"({"e":{"r":{"x":1}}})") << 1;
        QTest::addRow("null default, user value")
            << json(R"({"e":null})") << json(R"({"e":{"x":1}})") << json(R"({"e":{"x":1}})") << 0;
    }

    void coalesce()
    {
        QFETCH(QJsonObject, chart);
        QFETCH(QJsonObject, user);
        QFETCH(QJsonObject, expected);
        QFETCH(int, warnings);
        QStringList notes;
        const QJsonObject result = coalesceValues(chart, user, &notes);
        QCOMPARE(show(result), show(expected));
        QCOMPARE(notes.size(), warnings);
    }

    void coalesceTablesNullDeletes()
    {
        const QJsonObject higher = json(R"({"a":null,"m":{"x":null,"y":3},"list":[1]})");
        const QJsonObject lower = json(R"({"a":1,"b":2,"m":{"x":1,"z":4},"list":[9,9]})");
        QCOMPARE(show(coalesceTables(higher, lower)), show(json(R"({"b":2,"m":{"y":3,"z":4},"list":[1]})")));
    }

    void mergeValueSourcesLaterWins()
    {
        const QJsonObject a = json(R"({"x":1,"m":{"p":1,"q":2},"list":[1,2],"gone":5})");
        const QJsonObject b = json(R"({"m":{"q":3},"list":[3],"gone":null})");
        const QJsonObject c = json(R"({"m":"flat-now"})");
        QCOMPARE(show(mergeValueSources({a, b})), show(json(R"({"x":1,"m":{"p":1,"q":3},"list":[3],"gone":null})")));
        QCOMPARE(show(mergeValueSources({a, b, c})), show(json(R"({"x":1,"m":"flat-now","list":[3],"gone":null})")));
        QCOMPARE(mergeValueSources({}), QJsonObject());
    }

    void upgrade_data()
    {
        QTest::addColumn<bool>("reuse");
        QTest::addColumn<bool>("reset");
        QTest::addColumn<bool>("resetThenReuse");
        QTest::addColumn<QJsonObject>("newValues");
        QTest::addColumn<int>("rule");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QJsonObject>("effective");

        // Old release: chart defaults {a:1, b:1, c:1}, user values {b:2, ns:[x]}.
        // New chart defaults: {a:10, b:10, c:10, d:10}.
        const QJsonObject none;
        QTest::addRow("no flag, no values: old config reused")
            << false << false << false << none << int(UpgradeValuesRule::ReusedOldConfig) << json(R"({"b":2,"ns":["x"]})")
            << json(R"({"a":10,"b":2,"c":10,"d":10,"ns":["x"]})");
        QTest::addRow("no flag, new values: only the new values")
            << false << false << false << json(R"({"c":3})") << int(UpgradeValuesRule::NewValuesOnly) << json(R"({"c":3})")
            << json(R"({"a":10,"b":10,"c":3,"d":10})");
        QTest::addRow("--reuse-values: new over old, old coalesced as defaults")
            << true << false << false << json(R"({"c":3,"ns":["y"]})") << int(UpgradeValuesRule::ReuseValues)
            << json(R"({"b":2,"c":3,"ns":["y"]})") << json(R"({"a":1,"b":2,"c":3,"ns":["y"]})");
        QTest::addRow("--reset-values") << false << true << false << json(R"({"c":3})")
                                        << int(UpgradeValuesRule::NewValuesOnly) << json(R"({"c":3})")
                                        << json(R"({"a":10,"b":10,"c":3,"d":10})");
        QTest::addRow("--reset-values beats --reuse-values")
            << true << true << false << none << int(UpgradeValuesRule::NewValuesOnly) << none
            << json(R"({"a":10,"b":10,"c":10,"d":10})");
        QTest::addRow("--reset-then-reuse-values: new defaults, old config, new values")
            << false << false << true << json(R"({"c":3})") << int(UpgradeValuesRule::ResetThenReuseValues)
            << json(R"({"b":2,"c":3,"ns":["x"]})") << json(R"({"a":10,"b":2,"c":3,"d":10,"ns":["x"]})");
        QTest::addRow("--reset-then-reuse-values is ignored with --reuse-values")
            << true << false << true << json(R"({"c":3})") << int(UpgradeValuesRule::ReuseValues)
            << json(R"({"b":2,"c":3,"ns":["x"]})") << json(R"({"a":1,"b":2,"c":3,"ns":["x"]})");
        QTest::addRow("--reuse-values with a null: the key goes")
            << true << false << false << json(R"({"b":null})") << int(UpgradeValuesRule::ReuseValues)
            << json(R"({"ns":["x"]})") << json(R"({"a":1,"b":2,"c":1,"ns":["x"]})");
    }

    void upgrade()
    {
        QFETCH(bool, reuse);
        QFETCH(bool, reset);
        QFETCH(bool, resetThenReuse);
        QFETCH(QJsonObject, newValues);
        QFETCH(int, rule);
        QFETCH(QJsonObject, config);
        QFETCH(QJsonObject, effective);

        Release current;
        current.chart.values = json(R"({"a":1,"b":1,"c":1})");
        current.config = json(R"({"b":2,"ns":["x"]})");
        const QJsonObject newDefaults = json(R"({"a":10,"b":10,"c":10,"d":10})");
        const UpgradeValues result = upgradeValues(newDefaults, current, newValues, {reuse, reset, resetThenReuse});
        QCOMPARE(int(result.rule), rule);
        QCOMPARE(show(result.config), show(config));
        QCOMPARE(show(result.effective), show(effective));
    }
};

QTEST_GUILESS_MAIN(TestValues)
#include "tst_values.moc"
