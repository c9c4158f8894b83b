#include "TransportTestUtil.h"

#include "kube/transport/KubeSession.h"
#include "kube/transport/NetworkManagerPool.h"
#include "kube/transport/RestClient.h"
#include "sim/api/ApiHandler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace fd::kube;
using namespace fd::test;
using namespace Qt::StringLiterals;

namespace {

struct WatchProbe {
    KubeStream *stream = nullptr;
    QByteArray received;
};

QString listResourceVersion(RestClient *rest, const QString &path)
{
    const KubeResult list = get(rest, path);
    if (!list)
        return {};
    return QJsonDocument::fromJson(list->body).object().value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
}

} // namespace

class TestKubeSession : public QObject {
    Q_OBJECT

private:
    // Opens `count` watches, checks that a GET still gets through while they are all open on
    // the server, and that every watch sees the next change.
    void manyWatchesAndAGet(bool tls)
    {
        auto sim = startSim(tls);
        QVERIFY(sim);
        auto session = makeSession(*sim, tls ? certificateUser(*sim) : tokenUser(*sim, u"admin"_s));
        QVERIFY(session);
        RestClient *rest = session->rest();
        const QString path = u"/api/v1/namespaces/default/configmaps"_s;
        const QString rv = listResourceVersion(rest, path);
        QVERIFY(!rv.isEmpty());

        constexpr int watchCount = 50;
        std::vector<WatchProbe> probes(watchCount);
        for (WatchProbe &probe : probes) {
            QUrlQuery query;
            query.addQueryItem(u"watch"_s, u"true"_s);
            query.addQueryItem(u"resourceVersion"_s, rv);
            probe.stream = rest->openStream(KubeRequest::get(path, query));
            connect(probe.stream, &KubeStream::dataReceived, this, [&probe](const QByteArray &chunk) { probe.received += chunk; });
        }
        int openOnServer = 0;
        QVERIFY2(waitUntil([&] {
                     onSim(*sim, [&openOnServer](fd::sim::SimCluster &c) { openOnServer = c.api()->openWatchCount(); });
                     return openOnServer == watchCount;
                 }),
                 qPrintable(u"open watches on the server: %1"_s.arg(openOnServer)));
        QVERIFY(waitUntil([&probes] {
            return std::all_of(probes.begin(), probes.end(), [](const WatchProbe &p) { return p.stream->isOpen(); });
        }));
        QCOMPARE(rest->pool()->activeStreams(), watchCount);
        QCOMPARE(rest->pool()->streamManagerCount(), watchCount / rest->pool()->streamsPerManager());

        // With every watch open, an ordinary call is not queued behind them.
        const KubeResult version = get(rest, u"/version"_s);
        QVERIFY2(version, qPrintable(errorText(version)));
        QCOMPARE(version->http2, tls);

        // A change reaches all of them.
        QVERIFY(postJson(rest, path, configMap(u"fan-out"_s)));
        QVERIFY(waitUntil([&probes] {
            return std::all_of(probes.begin(), probes.end(),
                               [](const WatchProbe &p) { return p.received.contains("\"fan-out\""); });
        }));
        for (const WatchProbe &probe : probes) {
            QVERIFY(probe.stream->isOpen());
            QCOMPARE(probe.stream->head().status, 200);
            QCOMPARE(probe.stream->head().http2, tls);
        }

        // Cancelling ends them and gives the connections back.
        for (WatchProbe &probe : probes) {
            probe.stream->cancel();
            QVERIFY(probe.stream->isFinished());
            QCOMPARE(probe.stream->result().error().kind, ErrorKind::Cancelled);
            delete probe.stream;
        }
        QCOMPARE(rest->pool()->activeStreams(), 0);
        QVERIFY(waitUntil([&] {
            onSim(*sim, [&openOnServer](fd::sim::SimCluster &c) { openOnServer = c.api()->openWatchCount(); });
            return openOnServer == 0;
        }));
    }

private Q_SLOTS:
    void fiftyWatchesAndAGetOverHttp1() { manyWatchesAndAGet(false); }
    void fiftyWatchesAndAGetOverTlsHttp2() { manyWatchesAndAGet(true); }

    // Qt 6.4 sends up to 100 streams on a fresh HTTP/2 connection before the server's SETTINGS
    // arrive; a server with a lower limit refuses the excess (REFUSED_STREAM), and Qt fails them
    // with "Server refused a stream". The transport must send those again, whatever their verb.
    void refusedStreamsAreRetried()
    {
        // Qt logs every refused stream; here they are the point of the test.
        QLoggingCategory::setFilterRules(u"qt.network.http2.warning=false"_s);
        const auto restoreLogging = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
        fd::sim::SimClusterOptions options;
        options.http2MaxConcurrentStreams = 8;
        auto sim = startSim(true, options);
        QVERIFY(sim);
        auto session = makeSession(*sim, certificateUser(*sim));
        RestClient *rest = session->rest();
        QList<KubeReply *> replies;
        for (int i = 0; i < 40; ++i)
            replies.append(rest->send(KubeRequest::get(u"/api/v1/namespaces/default/configmaps"_s)));
        for (int i = 0; i < 40; ++i) {
            replies.append(rest->send(KubeRequest::withBody(
                "POST", u"/api/v1/namespaces/default/configmaps"_s,
                QJsonDocument(configMap(u"burst-%1"_s.arg(i))).toJson(QJsonDocument::Compact))));
        }
        QVERIFY(waitUntil([&replies] {
            return std::all_of(replies.begin(), replies.end(), [](KubeReply *r) { return r->isFinished(); });
        }));
        for (KubeReply *reply : std::as_const(replies)) {
            QVERIFY2(reply->result(), qPrintable(reply->request().describe() + u": "_s + errorText(reply->result())));
            QVERIFY(reply->result()->http2);
            delete reply;
        }
        // The excess really was refused (otherwise this test proves nothing) and resent.
        QVERIFY2(rest->statistics().refusedStreamRetries > 0,
                 "the server refused no stream: Qt no longer exceeds the limit on a fresh connection?");
        // Every POST was processed exactly once.
        const KubeResult list = get(rest, u"/api/v1/namespaces/default/configmaps"_s);
        QVERIFY(list);
        int burst = 0;
        for (const QJsonValue &item : QJsonDocument::fromJson(list->body).object().value("items"_L1).toArray())
            burst += item.toObject().value("metadata"_L1).toObject().value("name"_L1).toString().startsWith(u"burst-"_s) ? 1 : 0;
        QCOMPARE(burst, 40);
    }

    // The session on its own thread, driven from this (the "GUI") thread.
    void sessionOnItsOwnThread()
    {
        auto sim = startSim(true);
        QVERIFY(sim);
        auto session = makeSession(*sim, certificateUser(*sim));
        QVERIFY(session);
        KubeSessionThread thread(std::move(session));
        QVERIFY(thread.thread()->isRunning());
        QVERIFY(thread.session()->thread() == thread.thread());

        QObject receiver; // lives on this thread
        std::optional<KubeResult> result;
        QThread *callbackThread = nullptr;
        QThread *poolThread = nullptr;
        thread.post([&receiver, &result, &callbackThread, &poolThread](KubeSession &s) {
            poolThread = s.rest()->pool()->thread();
            s.rest()->send(KubeRequest::get(u"/version"_s), &receiver, [&](const KubeResult &r) {
                result = r;
                callbackThread = QThread::currentThread();
            });
        });
        QVERIFY(waitUntil([&result] { return result.has_value(); }));
        QVERIFY2(*result, qPrintable(errorText(*result)));
        QCOMPARE(callbackThread, QThread::currentThread());
        QCOMPARE(poolThread, thread.thread());

        // A stream still open when the session goes away: torn down on the session thread.
        std::atomic<bool> opened{false};
        thread.post([&opened](KubeSession &s) {
            QUrlQuery query;
            query.addQueryItem(u"watch"_s, u"true"_s);
            KubeStream *stream = s.rest()->openStream(KubeRequest::get(u"/api/v1/namespaces"_s, query));
            QObject::connect(stream, &KubeStream::opened, stream, [&opened] { opened = true; });
        });
        QVERIFY(waitUntil([&opened] { return opened.load(); }));
    }

    void destroyingTheContextCancelsTheCall()
    {
        auto sim = startSim(false);
        QVERIFY(sim);
        onSim(*sim, [](fd::sim::SimCluster &c) { c.api()->faults().latencyMs = 2000; });
        auto session = makeSession(*sim, tokenUser(*sim, u"admin"_s));
        bool called = false;
        auto *context = new QObject;
        session->rest()->send(KubeRequest::get(u"/version"_s), context, [&called](const KubeResult &) { called = true; });
        QVERIFY(waitUntil([&] { return session->rest()->pool()->activeCalls() == 1; }));
        delete context;
        QVERIFY(waitUntil([&] { return session->rest()->pool()->activeCalls() == 0; }));
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestKubeSession)
#include "tst_kubesession.moc"
