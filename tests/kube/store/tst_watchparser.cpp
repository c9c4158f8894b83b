#include "tst_watchparser.h"

#include "kube/store/SyntheticObjects.h"
#include "kube/store/WatchEventParser.h"

#include "StoreTestUtil.h"

#include <QRandomGenerator>
#include <QTest>

using namespace fd::kube;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(fd::kube::ErrorKind)

namespace {

QByteArray pod(const char *name, const char *rv)
{
    return R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":")" + QByteArray(name)
        + R"(","namespace":"ns","resourceVersion":")" + QByteArray(rv)
        + R"(","managedFields":[{"manager":"x"}]},"status":{"phase":"Running","message":"line\nbreak {}"}})";
}

QByteArray line(const char *type, const QByteArray &object)
{
    return R"({"type":")" + QByteArray(type) + R"(","object":)" + object + "}\n";
}

// Five events of every kind a watch carries.
QByteArray sampleStream()
{
    return line("ADDED", pod("a", "10")) + line("MODIFIED", pod("a", "11"))
        + line("BOOKMARK", R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"12"}})")
        + line("DELETED", pod("a", "13"))
        + line("ERROR", R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)"
                        R"json("message":"too old resource version: 5 (13)","reason":"Expired","code":410})json");
}

void checkSample(const QList<WatchEvent> &events)
{
    QCOMPARE(events.size(), 5);
    QCOMPARE(events[0].type, WatchEventType::Added);
    QCOMPARE(events[0].object.name(), u"a"_s);
    QCOMPARE(events[0].resourceVersion, u"10"_s);
    QVERIFY(!events[0].object.json().contains("managedFields"));
    QCOMPARE(events[0].object.stringAt(u"status.message"), std::optional<QString>(u"line\nbreak {}"_s));
    QCOMPARE(events[1].type, WatchEventType::Modified);
    QCOMPARE(events[1].resourceVersion, u"11"_s);
    QCOMPARE(events[2].type, WatchEventType::Bookmark);
    QCOMPARE(events[2].resourceVersion, u"12"_s);
    QVERIFY(events[2].object.isNull());
    QVERIFY(!events[2].initialEventsEnd);
    QCOMPARE(events[3].type, WatchEventType::Deleted);
    QCOMPARE(events[3].object.resourceVersion(), u"13"_s);
    QCOMPARE(events[4].type, WatchEventType::Error);
    QCOMPARE(events[4].error.kind, ErrorKind::Gone);
    QCOMPARE(events[4].error.httpStatus, 410);
    QVERIFY(events[4].error.message.contains(u"too old resource version"_s));
}

} // namespace

void TestWatchParser::wholeStream()
{
    WatchEventParser parser;
    auto result = parser.feed(sampleStream());
    QVERIFY(!result.error);
    checkSample(result.events);
    QCOMPARE(parser.bufferedBytes(), 0);
    auto end = parser.finish();
    QVERIFY(!end.error);
    QVERIFY(end.events.isEmpty());
}

void TestWatchParser::chunkings_data()
{
    QTest::addColumn<int>("mode"); // 0 = byte by byte, n > 0 = random chunk sizes with seed n
    QTest::addRow("byte by byte") << 0;
    for (int seed = 1; seed <= 25; ++seed)
        QTest::addRow("random chunks %d", seed) << seed;
}

void TestWatchParser::chunkings()
{
    QFETCH(int, mode);
    const QByteArray stream = sampleStream();
    WatchEventParser parser;
    QList<WatchEvent> events;
    QRandomGenerator rng{quint32(mode)};
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype size = mode == 0 ? 1 : 1 + rng.bounded(int(qMin<qsizetype>(300, stream.size() - at)));
        auto result = parser.feed(QByteArrayView(stream).sliced(at, qMin(size, stream.size() - at)));
        QVERIFY2(!result.error, result.error ? qPrintable(result.error->message) : "");
        events.append(result.events);
        at += size;
    }
    QVERIFY(parser.finish().events.isEmpty());
    checkSample(events);
}

void TestWatchParser::crlfAndBlankLines()
{
    QByteArray stream = sampleStream();
    stream.replace("\n", "\r\n");
    stream = "\n\r\n   \n" + stream + "\n\n";
    WatchEventParser parser;
    auto result = parser.feed(stream);
    QVERIFY(!result.error);
    checkSample(result.events);
}

void TestWatchParser::bookmarks_data()
{
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QString>("rv");
    QTest::addColumn<bool>("initialEnd");
    QTest::addRow("plain") << QByteArray(R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"77"}})") << u"77"_s
                           << false;
    QTest::addRow("initial-events-end")
        << QByteArray(R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"78","annotations":)"
                      R"({"k8s.io/initial-events-end":"true"}}})")
        << u"78"_s << true;
    QTest::addRow("annotation false") << QByteArray(
        R"({"metadata":{"resourceVersion":"79","annotations":{"k8s.io/initial-events-end":"false"}}})")
                                      << u"79"_s << false;
    QTest::addRow("creationTimestamp null, no name")
        << QByteArray(R"({"kind":"Pod","metadata":{"resourceVersion":"80","creationTimestamp":null}})") << u"80"_s << false;
}

void TestWatchParser::bookmarks()
{
    QFETCH(QByteArray, object);
    QFETCH(QString, rv);
    QFETCH(bool, initialEnd);
    WatchEventParser parser;
    auto result = parser.feed(line("BOOKMARK", object));
    QVERIFY2(!result.error, result.error ? qPrintable(result.error->message) : "");
    QCOMPARE(result.events.size(), 1);
    QCOMPARE(result.events[0].type, WatchEventType::Bookmark);
    QCOMPARE(result.events[0].resourceVersion, rv);
    QCOMPARE(result.events[0].initialEventsEnd, initialEnd);
}

void TestWatchParser::errorEvents_data()
{
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addRow("410 Expired") << QByteArray(R"({"kind":"Status","status":"Failure","reason":"Expired","code":410})")
                                 << ErrorKind::Gone;
    QTest::addRow("410 Gone, old servers") << QByteArray(R"({"kind":"Status","reason":"Gone","code":410})")
                                           << ErrorKind::Gone;
    QTest::addRow("500 too large RV") << QByteArray(
        R"({"kind":"Status","reason":"InternalError","code":500,"message":"Too large resource version: 9, current: 3"})")
                                      << ErrorKind::Gone;
    QTest::addRow("500") << QByteArray(R"({"kind":"Status","reason":"InternalError","code":500})")
                         << ErrorKind::ServerError;
    QTest::addRow("429") << QByteArray(R"({"kind":"Status","reason":"TooManyRequests","code":429})")
                         << ErrorKind::TooManyRequests;
    QTest::addRow("not a Status") << QByteArray(R"({"metadata":{"name":"x"}})") << ErrorKind::ServerError;
}

void TestWatchParser::errorEvents()
{
    QFETCH(QByteArray, object);
    QFETCH(ErrorKind, kind);
    WatchEventParser parser;
    auto result = parser.feed(line("ERROR", object));
    QVERIFY(!result.error); // an ERROR event is data, not a broken stream
    QCOMPARE(result.events.size(), 1);
    QCOMPARE(result.events[0].type, WatchEventType::Error);
    QCOMPARE(result.events[0].error.kind, kind);
    QVERIFY(!parser.hasFailed());
}

void TestWatchParser::malformedLines_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::addRow("not json") << QByteArray("hello\n") << u"watch event"_s;
    QTest::addRow("truncated") << QByteArray(R"({"type":"ADDED","object":{"metadata":{"name":"a"})" "\n") << u"watch event"_s;
    QTest::addRow("array") << QByteArray("[]\n") << u"not a JSON object"_s;
    QTest::addRow("no type") << QByteArray(R"({"object":{"metadata":{"name":"a"}}})" "\n") << u"no type"_s;
    QTest::addRow("no object") << QByteArray(R"({"type":"ADDED"})" "\n") << u"no object"_s;
    QTest::addRow("type is a number") << QByteArray(R"({"type":1,"object":{}})" "\n") << u"type must be a string"_s;
    QTest::addRow("object is an array") << QByteArray(R"({"type":"ADDED","object":[]})" "\n") << u"object"_s;
    QTest::addRow("unknown type") << QByteArray(R"({"type":"RENAMED","object":{"metadata":{"name":"a"}}})" "\n")
                                  << u"unknown event type"_s;
    QTest::addRow("added without name") << QByteArray(R"({"type":"ADDED","object":{"metadata":{}}})" "\n")
                                        << u"metadata.name is missing"_s;
    QTest::addRow("bad label") << QByteArray(R"({"type":"ADDED","object":{"metadata":{"name":"a","labels":{"k":1}}}})" "\n")
                               << u"metadata.labels.k"_s;
    QTest::addRow("trailing content") << QByteArray(R"({"type":"ADDED","object":{"metadata":{"name":"a"}}} x)" "\n")
                                      << u"watch event"_s;
    QTest::addRow("two events on one line")
        << QByteArray(R"({"type":"ADDED","object":{"metadata":{"name":"a"}}}{"type":"ADDED","object":{"metadata":{"name":"b"}}})"
                      "\n")
        << u"watch event"_s;
    QTest::addRow("invalid utf-8") << QByteArray("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"\xc3\"}}}\n")
                                   << u"watch event"_s;
    QTest::addRow("nul byte") << QByteArray("{\"type\":\"ADDED\",\0\"object\":{}}\n", 30) << u"watch event"_s;
}

void TestWatchParser::malformedLines()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    WatchEventParser parser;
    auto result = parser.feed(data);
    QVERIFY(result.error.has_value());
    QCOMPARE(result.error->kind, ErrorKind::Decode);
    QVERIFY2(result.error->message.contains(expected), qPrintable(result.error->message));
    QVERIFY(parser.hasFailed());
    // A failed parser ignores the rest of the stream.
    auto later = parser.feed(line("ADDED", pod("b", "1")));
    QVERIFY(later.events.isEmpty());
    QVERIFY(!later.error);
}

void TestWatchParser::eventsBeforeABadLineAreKept()
{
    WatchEventParser parser;
    auto result = parser.feed(line("ADDED", pod("a", "1")) + "garbage\n" + line("ADDED", pod("b", "2")));
    QCOMPARE(result.events.size(), 1);
    QCOMPARE(result.events[0].object.name(), u"a"_s);
    QVERIFY(result.error.has_value());
}

void TestWatchParser::lineLengthIsBounded()
{
    {
        // A complete line over the limit.
        WatchEventParser parser({}, 600);
        QVERIFY(line("ADDED", pod("a", "1")).size() < 600);
        auto result = parser.feed(line("ADDED", pod("a", "1")) + QByteArray(700, ' ') + "x\n");
        QCOMPARE(result.events.size(), 1);
        QVERIFY(result.error.has_value());
        QVERIFY2(result.error->message.contains(u"600"_s), qPrintable(result.error->message));
    }
    {
        // A line that never ends: refused once the buffer passes the limit, fed in small chunks.
        WatchEventParser parser({}, 1000);
        std::optional<KubeError> error;
        int fed = 0;
        while (!error && fed < 100) {
            error = parser.feed(QByteArray(64, 'a')).error;
            ++fed;
        }
        QVERIFY(error.has_value());
        QCOMPARE(error->kind, ErrorKind::Decode);
        QVERIFY(fed * 64 > 1000 && fed * 64 <= 1000 + 64);
        QVERIFY(parser.bufferedBytes() <= 1000 + 64);
    }
}

void TestWatchParser::finishWithTail()
{
    {
        WatchEventParser parser;
        QByteArray stream = line("ADDED", pod("a", "1")) + line("ADDED", pod("b", "2"));
        stream.chop(1); // no final newline
        auto result = parser.feed(stream);
        QCOMPARE(result.events.size(), 1);
        QVERIFY(parser.bufferedBytes() > 0);
        auto end = parser.finish();
        QVERIFY(!end.error);
        QCOMPARE(end.events.size(), 1);
        QCOMPARE(end.events[0].object.name(), u"b"_s);
    }
    {
        WatchEventParser parser;
        auto result = parser.feed(line("ADDED", pod("a", "1")).left(40)); // cut mid-event
        QVERIFY(result.events.isEmpty());
        auto end = parser.finish();
        QVERIFY(end.error.has_value());
        QCOMPARE(end.error->kind, ErrorKind::Decode);
    }
    {
        WatchEventParser parser;
        parser.feed("  \r\n  ");
        auto end = parser.finish();
        QVERIFY(!end.error);
        QVERIFY(end.events.isEmpty());
    }
}

void TestWatchParser::fallbackTypeForObjectsWithoutKind()
{
    WatchEventParser parser(TypeMeta{u"fission.io/v1"_s, u"Function"_s});
    auto result = parser.feed(line("ADDED", R"({"metadata":{"name":"f","namespace":"d","resourceVersion":"3"}})"));
    QCOMPARE(result.events.size(), 1);
    QCOMPARE(result.events[0].object.kind(), u"Function"_s);
    QCOMPARE(result.events[0].object.apiVersion(), u"fission.io/v1"_s);
    QCOMPARE(result.events[0].object.stringAt(u"apiVersion"), std::optional<QString>(u"fission.io/v1"_s));
}

void TestWatchParser::resetAfterFailure()
{
    WatchEventParser parser;
    QVERIFY(parser.feed("{bad}\n").error);
    QVERIFY(parser.hasFailed());
    parser.reset();
    QVERIFY(!parser.hasFailed());
    auto result = parser.feed(sampleStream());
    QVERIFY(!result.error);
    checkSample(result.events);

    // A realistic stream of synthetic pods in odd chunks.
    QByteArray stream;
    for (int i = 0; i < 200; ++i)
        stream += synthetic::watchEventLine(i % 2 ? "MODIFIED" : "ADDED", synthetic::podJson(i));
    WatchEventParser big(TypeMeta{u"v1"_s, u"Pod"_s});
    qsizetype events = 0;
    for (qsizetype at = 0; at < stream.size(); at += 777) {
        auto r = big.feed(QByteArrayView(stream).sliced(at, qMin<qsizetype>(777, stream.size() - at)));
        QVERIFY(!r.error);
        events += r.events.size();
        for (const WatchEvent &e : r.events)
            QCOMPARE(e.object.kind(), u"Pod"_s);
    }
    QCOMPARE(events, 200);
}

QTEST_GUILESS_MAIN(TestWatchParser)
