#include "TransportTestUtil.h"

#include "kube/transport/KubeSession.h"
#include "kube/transport/PodLogStream.h"
#include "kube/transport/RestClient.h"
#include "sim/api/ApiHandler.h"
#include "sim/api/LogStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace fd::kube;
using namespace fd::test;
using namespace Qt::StringLiterals;

namespace {

const QString kNamespace = u"default"_s;
const QString kContainer = u"main"_s;

QJsonObject pod(const QString &name)
{
    const QJsonObject container{{u"name"_s, kContainer}, {u"image"_s, u"busybox"_s}};
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Pod"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
            {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{container}}, {u"restartPolicy"_s, u"Always"_s}}}};
}

// Collects what a PodLogStream delivers.
struct LogSink {
    QStringList lines;
    int batches = 0;
};

} // namespace

class TestPodLogStream : public QObject {
    Q_OBJECT

private:
    // Creates a running pod and returns its uid.
    QString runningPod(SimTestCluster &sim, RestClient *rest, const QString &name)
    {
        const KubeResult created = postJson(rest, u"/api/v1/namespaces/default/pods"_s, pod(name));
        if (!created)
            return {};
        QString uid;
        const bool running = waitUntil([&] {
            const KubeResult current = get(rest, u"/api/v1/namespaces/default/pods/"_s + name);
            if (!current)
                return false;
            const QJsonObject object = QJsonDocument::fromJson(current->body).object();
            uid = object.value("metadata"_L1).toObject().value("uid"_L1).toString();
            const QJsonArray statuses = object.value("status"_L1).toObject().value("containerStatuses"_L1).toArray();
            return !statuses.isEmpty() && statuses.first().toObject().value("state"_L1).toObject().contains("running"_L1);
        });
        bool started = false;
        waitUntil([&] {
            onSim(sim, [&](fd::sim::SimCluster &c) {
                const auto *log = c.logs()->log(uid, kContainer);
                started = log && log->started;
            });
            return started;
        });
        return running && started ? uid : QString();
    }

    static void append(SimTestCluster &sim, const QString &uid, const QStringList &lines, const QDateTime &time)
    {
        onSim(sim, [&](fd::sim::SimCluster &c) {
            for (const QString &line : lines)
                c.logs()->append(uid, kContainer, line.toUtf8(), time);
        });
    }

    static QStringList serverLines(SimTestCluster &sim, const QString &uid)
    {
        QStringList lines;
        onSim(sim, [&](fd::sim::SimCluster &c) {
            if (const auto *log = c.logs()->log(uid, kContainer)) {
                for (const auto &line : log->current)
                    lines.append(QString::fromUtf8(line.text));
            }
        });
        return lines;
    }

    static PodLogStream *open(KubeSession &session, const QString &name, const PodLogOptions &options, LogSink &sink)
    {
        PodLogStream *stream = session.openPodLog(kNamespace, name, options);
        QObject::connect(stream, &PodLogStream::linesReceived, stream, [&sink](const QStringList &lines) {
            sink.lines += lines;
            ++sink.batches;
        });
        stream->start();
        return stream;
    }

    // Follows a pod's log across two dropped connections; lines written before, between and
    // after the drops — several sharing one timestamp at each seam — arrive exactly once.
    void resumeAfterDrops(bool tls)
    {
        auto sim = startSim(tls);
        QVERIFY(sim);
        auto session = makeSession(*sim, tls ? certificateUser(*sim) : tokenUser(*sim, u"admin"_s));
        const QString name = u"logger"_s;
        const QString uid = runningPod(*sim, session->rest(), name);
        QVERIFY(!uid.isEmpty());

        const QDateTime t1 = QDateTime::currentDateTimeUtc();
        append(*sim, uid, {u"a1"_s}, t1);
        append(*sim, uid, {u"a2 same"_s, u"a3 same"_s, u"a4 same"_s}, t1.addMSecs(5));

        LogSink sink;
        PodLogOptions options;
        options.container = kContainer;
        options.follow = true;
        PodLogStream *stream = open(*session, name, options, sink);
        QVERIFY(waitUntil([&] { return sink.lines.contains(u"a4 same"_s); }));

        const auto drop = [&] {
            int dropped = 0;
            if (tls) {
                onSim(*sim, [&dropped](fd::sim::SimCluster &c) { dropped = c.api()->dropLogStreams(); });
            } else {
                const HttpResult reply = sim->request("POST", u"/_sim/faults"_s, "{\"dropLogStreams\":true}");
                dropped = reply.json().value("done"_L1).toObject().value("droppedLogStreams"_L1).toInt();
            }
            return dropped;
        };
        QCOMPARE(drop(), 1);
        // Written while the connection is down (or being reopened): same timestamp as a4 too.
        append(*sim, uid, {u"b1 same as a4"_s}, t1.addMSecs(5));
        append(*sim, uid, {u"b2"_s, u"b3"_s}, t1.addMSecs(9));
        QVERIFY(waitUntil([&] { return sink.lines.contains(u"b3"_s); }));
        QVERIFY(stream->reconnectCount() >= 1);

        QVERIFY(waitUntil([&] { return drop() == 1; }));
        append(*sim, uid, {u"c1 same as b3"_s}, t1.addMSecs(9));
        append(*sim, uid, {u"c2"_s}, t1.addMSecs(20));
        QVERIFY(waitUntil([&] { return sink.lines.contains(u"c2"_s); }));
        QVERIFY(stream->reconnectCount() >= 2);

        // Everything the container wrote, once, in order (the kubelet's own start line too).
        const QStringList expected = serverLines(*sim, uid);
        QVERIFY(expected.size() >= 10);
        QCOMPARE(sink.lines, expected);
        QVERIFY2(sink.batches < sink.lines.size(), "lines must arrive in batches, not one signal each");

        // The container stops (pod deleted): the stream ends cleanly, without an error.
        QVERIFY(call(session->rest(), KubeRequest::withBody("DELETE", u"/api/v1/namespaces/default/pods/"_s + name, {}, {})));
        QVERIFY(waitUntil([stream] { return stream->isFinished(); }));
        QVERIFY2(!stream->error(), qPrintable(stream->error() ? stream->error()->message : QString()));
        QCOMPARE(sink.lines, expected);
    }

private Q_SLOTS:
    void resumeAfterDropsOverHttp1() { resumeAfterDrops(false); }
    void resumeAfterDropsOverHttp2() { resumeAfterDrops(true); }

    void timestampsTailAndNoFollow()
    {
        auto sim = startSim(false);
        QVERIFY(sim);
        auto session = makeSession(*sim, tokenUser(*sim, u"admin"_s));
        const QString uid = runningPod(*sim, session->rest(), u"tail"_s);
        QVERIFY(!uid.isEmpty());
        const QDateTime t = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        append(*sim, uid, {u"x1"_s, u"x2"_s, u"x3"_s}, t);

        LogSink plain;
        PodLogOptions options;
        options.tailLines = 2;
        PodLogStream *tail = open(*session, u"tail"_s, options, plain);
        QVERIFY(waitUntil([tail] { return tail->isFinished(); }));
        QVERIFY(!tail->error());
        QCOMPARE(plain.lines, (QStringList{u"x2"_s, u"x3"_s}));

        LogSink stamped;
        options.timestamps = true;
        PodLogStream *withTimes = open(*session, u"tail"_s, options, stamped);
        QVERIFY(waitUntil([withTimes] { return withTimes->isFinished(); }));
        QCOMPARE(stamped.lines.size(), 2);
        QVERIFY2(stamped.lines.first().startsWith(u"2030-01-02T03:04:05.678"_s), qPrintable(stamped.lines.first()));
        QVERIFY(stamped.lines.first().endsWith(u" x2"_s));
    }

    void refusedRequestsEndWithTheServersError()
    {
        auto sim = startSim(false);
        QVERIFY(sim);
        auto session = makeSession(*sim, tokenUser(*sim, u"admin"_s));
        const QString uid = runningPod(*sim, session->rest(), u"fresh"_s);
        QVERIFY(!uid.isEmpty());

        LogSink sink;
        PodLogOptions previous;
        previous.previous = true; // it never restarted
        PodLogStream *stream = open(*session, u"fresh"_s, previous, sink);
        QVERIFY(waitUntil([stream] { return stream->isFinished(); }));
        QVERIFY(stream->error());
        QCOMPARE(stream->error()->kind, ErrorKind::BadRequest);

        PodLogOptions follow;
        follow.follow = true;
        PodLogStream *missing = open(*session, u"no-such-pod"_s, follow, sink);
        QVERIFY(waitUntil([missing] { return missing->isFinished(); }));
        QVERIFY(missing->error());
        QCOMPARE(missing->error()->kind, ErrorKind::NotFound);
        QCOMPARE(missing->reconnectCount(), 0);
    }

    void cancelStopsFollowing()
    {
        auto sim = startSim(false);
        QVERIFY(sim);
        auto session = makeSession(*sim, tokenUser(*sim, u"admin"_s));
        QVERIFY(!runningPod(*sim, session->rest(), u"cancel-me"_s).isEmpty());
        LogSink sink;
        PodLogOptions options;
        options.follow = true;
        PodLogStream *stream = open(*session, u"cancel-me"_s, options, sink);
        QVERIFY(waitUntil([&sink] { return !sink.lines.isEmpty(); }));
        QSignalSpy finished(stream, &PodLogStream::finished);
        stream->cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(stream->error());
        QCOMPARE(stream->error()->kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestPodLogStream)
#include "tst_podlogstream.moc"
