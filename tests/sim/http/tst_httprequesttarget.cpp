#include "sim/http/HttpRequestTarget.h"
#include "sim/http/HttpStatusBody.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using fd::sim::parseRequestTarget;

class TestHttpRequestTarget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesValidTargets_data();
    void parsesValidTargets();
    void repeatedKeysKeepAllValuesInOrder();
    void rejectsMalformedTargets_data();
    void rejectsMalformedTargets();
    void statusBodyIsEscapedJson();
};

void TestHttpRequestTarget::parsesValidTargets_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("path");
    // "key=value" pairs expected from queryValue(); "!key" = key must be absent.
    QTest::addColumn<QStringList>("expectations");

    QTest::addRow("plain path") << QByteArray("/api/v1/pods") << QStringLiteral("/api/v1/pods") << QStringList();
    QTest::addRow("escaped slash in path") << QByteArray("/api/v1/namespaces/a%2Fb") << QStringLiteral("/api/v1/namespaces/a/b")
                                           << QStringList();
    QTest::addRow("plus stays in path") << QByteArray("/a+b") << QStringLiteral("/a+b") << QStringList();
    QTest::addRow("utf-8 path") << QByteArray("/%E2%82%AC") << QStringLiteral("/\u20ac") << QStringList();
    QTest::addRow("label selector") << QByteArray("/api/v1/secrets?labelSelector=name%3DR%2Cowner%3Dhelm")
                                    << QStringLiteral("/api/v1/secrets")
                                    << QStringList{QStringLiteral("labelSelector=name=R,owner=helm")};
    QTest::addRow("watch query") << QByteArray("/api/v1/pods?allowWatchBookmarks=true&resourceVersion=12&watch=true")
                                 << QStringLiteral("/api/v1/pods")
                                 << QStringList{QStringLiteral("allowWatchBookmarks=true"), QStringLiteral("resourceVersion=12"),
                                                QStringLiteral("watch=true")};
    QTest::addRow("plus is space in query") << QByteArray("/x?q=a+b") << QStringLiteral("/x")
                                            << QStringList{QStringLiteral("q=a b")};
    QTest::addRow("escaped percent stays literal") << QByteArray("/x?v=50%25&w=%2541") << QStringLiteral("/x")
                                                   << QStringList{QStringLiteral("v=50%"), QStringLiteral("w=%41")};
    QTest::addRow("escaped delimiters") << QByteArray("/x?v=a%26b%3Dc%2Bd") << QStringLiteral("/x")
                                        << QStringList{QStringLiteral("v=a&b=c+d")};
    QTest::addRow("key without value") << QByteArray("/x?pretty&limit=5") << QStringLiteral("/x")
                                       << QStringList{QStringLiteral("pretty="), QStringLiteral("limit=5")};
    QTest::addRow("empty pairs skipped") << QByteArray("/x?&&a=1&") << QStringLiteral("/x")
                                         << QStringList{QStringLiteral("a=1")};
    QTest::addRow("bad escape drops only its pair") << QByteArray("/x?bad=%zz&good=1") << QStringLiteral("/x")
                                                    << QStringList{QStringLiteral("!bad"), QStringLiteral("good=1")};
    QTest::addRow("semicolon drops its pair") << QByteArray("/x?a=1;b=2&c=3") << QStringLiteral("/x")
                                              << QStringList{QStringLiteral("!a"), QStringLiteral("!b"), QStringLiteral("c=3")};
    QTest::addRow("utf-8 value") << QByteArray("/x?name=%C3%BC") << QStringLiteral("/x")
                                 << QStringList{QStringLiteral("name=\u00fc")};
    QTest::addRow("empty query") << QByteArray("/x?") << QStringLiteral("/x") << QStringList();
    QTest::addRow("absolute form") << QByteArray("http://host:8080/api?x=1") << QStringLiteral("/api")
                                   << QStringList{QStringLiteral("x=1")};
    QTest::addRow("absolute form without path") << QByteArray("https://host?x=1") << QStringLiteral("/")
                                                << QStringList{QStringLiteral("x=1")};
    QTest::addRow("asterisk") << QByteArray("*") << QStringLiteral("*") << QStringList();
}

void TestHttpRequestTarget::parsesValidTargets()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, path);
    QFETCH(QStringList, expectations);
    auto parsed = parseRequestTarget(target);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error()));
    QCOMPARE(parsed->path, path);
    int expectedItems = 0;
    for (const QString &expectation : expectations) {
        if (expectation.startsWith(u'!')) {
            QVERIFY2(!parsed->query.hasQueryItem(expectation.mid(1)), qPrintable(expectation));
            continue;
        }
        ++expectedItems;
        const qsizetype equals = expectation.indexOf(u'=');
        const QString key = expectation.left(equals);
        QVERIFY2(parsed->query.hasQueryItem(key), qPrintable(key));
        QCOMPARE(parsed->query.queryItemValue(key, QUrl::FullyDecoded), expectation.mid(equals + 1));
    }
    QCOMPARE(parsed->query.queryItems().size(), expectedItems);
}

void TestHttpRequestTarget::repeatedKeysKeepAllValuesInOrder()
{
    auto parsed = parseRequestTarget("/x?dryRun=All&a=1&dryRun=Other");
    QVERIFY(parsed.hasValue());
    QCOMPARE(parsed->query.allQueryItemValues(QStringLiteral("dryRun"), QUrl::FullyDecoded),
             (QStringList{QStringLiteral("All"), QStringLiteral("Other")}));
    QCOMPARE(parsed->query.queryItemValue(QStringLiteral("dryRun"), QUrl::FullyDecoded), QStringLiteral("All"));
}

void TestHttpRequestTarget::rejectsMalformedTargets_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("expectedError");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("empty request target");
    QTest::addRow("relative") << QByteArray("api/v1") << QStringLiteral("must start with '/'");
    QTest::addRow("scheme without slashes") << QByteArray("http:/x") << QStringLiteral("must start with '/'");
    QTest::addRow("bad escape in path") << QByteArray("/a%zz") << QStringLiteral("invalid URL escape");
    QTest::addRow("truncated escape") << QByteArray("/a%2") << QStringLiteral("invalid URL escape");
    QTest::addRow("lone percent") << QByteArray("/a%") << QStringLiteral("invalid URL escape");
    QTest::addRow("space") << QByteArray("/a b") << QStringLiteral("control character or space");
    QTest::addRow("tab") << QByteArray("/a\tb") << QStringLiteral("control character or space");
    QTest::addRow("DEL") << QByteArray("/a\x7f") << QStringLiteral("control character or space");
    QTest::addRow("NUL") << QByteArray("/a\0b", 4) << QStringLiteral("control character or space");
    QTest::addRow("newline in query") << QByteArray("/a?x=1\r\nHost: evil") << QStringLiteral("control character or space");
}

void TestHttpRequestTarget::rejectsMalformedTargets()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, expectedError);
    auto parsed = parseRequestTarget(target);
    QVERIFY(!parsed.hasValue());
    QVERIFY2(parsed.error().contains(expectedError), qPrintable(parsed.error()));
}

void TestHttpRequestTarget::statusBodyIsEscapedJson()
{
    const QByteArray body = fd::sim::failureStatusBody(400, "BadRequest", QStringLiteral("bad \"quote\" \\ and\nnewline"));
    QJsonParseError error;
    const QJsonObject status = QJsonDocument::fromJson(body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(status.value(QStringLiteral("kind")).toString(), QStringLiteral("Status"));
    QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("Failure"));
    QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("BadRequest"));
    QCOMPARE(status.value(QStringLiteral("code")).toInt(), 400);
    QCOMPARE(status.value(QStringLiteral("message")).toString(), QStringLiteral("bad \"quote\" \\ and\nnewline"));
    QCOMPARE(fd::sim::requestTooLargeMessage(3 * 1024 * 1024), QStringLiteral("Request entity too large: limit is 3145728"));
}

QTEST_GUILESS_MAIN(TestHttpRequestTarget)
#include "tst_httprequesttarget.moc"
