#include "sim/schema/AcceptHeader.h"

#include <QTest>

using namespace fd::sim;

class TestAcceptHeader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void parameters();
    void clauseLimit();
};

namespace {

// "type/sub;q" per clause, in the parsed order, for compact expectations.
QString summary(const QList<MediaRange> &clauses)
{
    QStringList parts;
    for (const MediaRange &clause : clauses)
        parts << clause.type + QLatin1Char('/') + clause.subType + QLatin1Char(';') + QString::number(clause.q);
    return parts.join(QLatin1Char(','));
}

} // namespace

void TestAcceptHeader::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");

    QTest::addRow("empty") << QByteArray() << QString();
    QTest::addRow("single") << QByteArrayLiteral("application/json") << QStringLiteral("application/json;1");
    QTest::addRow("client order kept on ties")
        << QByteArrayLiteral("application/json;g=x,application/yaml,application/json")
        << QStringLiteral("application/json;1,application/yaml;1,application/json;1");
    QTest::addRow("q sorts first") << QByteArrayLiteral("text/plain;q=0.5,application/json")
                                   << QStringLiteral("application/json;1,text/plain;0.5");
    QTest::addRow("wildcards last") << QByteArrayLiteral("*/*,application/*,application/json")
                                    << QStringLiteral("application/json;1,application/*;1,*/*;1");
    QTest::addRow("bare star") << QByteArrayLiteral("*") << QStringLiteral("*/*;1");
    QTest::addRow("spaces trimmed") << QByteArrayLiteral("  application/json ; v=v2 ,  text/html")
                                    << QStringLiteral("application/json;1,text/html;1");
    QTest::addRow("malformed: no slash dropped") << QByteArrayLiteral("json,application/json")
                                                 << QStringLiteral("application/json;1");
    QTest::addRow("malformed: two slashes dropped") << QByteArrayLiteral("a/b/c,application/yaml")
                                                    << QStringLiteral("application/yaml;1");
    QTest::addRow("malformed: bad q is zero") << QByteArrayLiteral("application/json;q=abc,text/plain")
                                              << QStringLiteral("text/plain;1,application/json;0");
    QTest::addRow("malformed: q with space is zero") << QByteArrayLiteral("application/json;q= 1,text/plain")
                                                     << QStringLiteral("text/plain;1,application/json;0");
    QTest::addRow("malformed: empty clauses") << QByteArrayLiteral(",,;,") << QString();
    QTest::addRow("case kept") << QByteArrayLiteral("Application/JSON") << QStringLiteral("Application/JSON;1");
}

void TestAcceptHeader::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    QCOMPARE(summary(parseAcceptHeader(header)), expected);
}

void TestAcceptHeader::parameters()
{
    const QList<MediaRange> clauses =
        parseAcceptHeader(QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;novalue;x= y "));
    QCOMPARE(clauses.size(), 1);
    const MediaRange &clause = clauses.first();
    QCOMPARE(clause.params.value(QStringLiteral("g")), QStringLiteral("apidiscovery.k8s.io"));
    QCOMPARE(clause.params.value(QStringLiteral("v")), QStringLiteral("v2"));
    QCOMPARE(clause.params.value(QStringLiteral("as")), QStringLiteral("APIGroupDiscoveryList"));
    QCOMPARE(clause.params.value(QStringLiteral("x")), QStringLiteral("y"));
    QVERIFY(!clause.params.contains(QStringLiteral("novalue")));
    QVERIFY(clause.admits(QStringLiteral("application"), QStringLiteral("json")));
    QVERIFY(!clause.admits(QStringLiteral("application"), QStringLiteral("yaml")));
    QVERIFY(parseAcceptHeader(QByteArrayLiteral("application/*")).first().admits(QStringLiteral("application"), QStringLiteral("yaml")));
    QVERIFY(!parseAcceptHeader(QByteArrayLiteral("*/json")).first().admits(QStringLiteral("application"), QStringLiteral("json")));
}

void TestAcceptHeader::clauseLimit()
{
    QByteArray header;
    for (int i = 0; i < 10000; ++i)
        header += "text/x" + QByteArray::number(i) + ";q=0." + QByteArray::number(i % 10) + ',';
    QCOMPARE(parseAcceptHeader(header).size(), kMaxAcceptClauses);
}

QTEST_GUILESS_MAIN(TestAcceptHeader)
#include "tst_acceptheader.moc"
