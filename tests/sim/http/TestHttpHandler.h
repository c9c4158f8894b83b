#pragma once

#include "sim/http/HttpMessage.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace fd::test {

// A small HttpHandler for the connection tests. Routes:
//   /echo                  200, the request body back
//   /fixed                 200 "hello fixed"
//   /stream?n=N&ms=M       chunked/streamed: "chunk i\n" every M ms, N chunks, then finish
//   /forever?ms=M          "tick i\n" every M ms until the client goes away
//   /hold?ms=M             answers "held" after M ms; counts how many are held at once
//   /big?bytes=N           200 with N bytes of a repeating pattern
//   /empty-finish          finish() without start()
//   /mixed-headers         200 with mixed-case and HTTP/1-only header names (HTTP/2 tests)
//   anything else          404
// Every request is recorded; closed() signals are counted.
class TestHttpHandler : public QObject, public sim::HttpHandler {
    Q_OBJECT
public:
    QList<sim::HttpRequest> requests;
    QStringList closedPaths;
    int heldNow = 0;
    int maxHeldAtOnce = 0;
    int finishedStreams = 0;

    static QByteArray bigBody(qint64 bytes)
    {
        QByteArray body;
        body.reserve(bytes);
        for (qint64 i = 0; i < bytes; ++i)
            body.append(static_cast<char>('a' + i % 26));
        return body;
    }

    void handle(const sim::HttpRequest &request, sim::HttpResponder *responder) override
    {
        requests.append(request);
        const QString path = request.path;
        connect(responder, &sim::HttpResponder::closed, this, [this, path] { closedPaths.append(path); });
        const int ms = request.queryValue(QStringLiteral("ms")).toInt();
        const sim::HttpHeaders text{{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain")}};
        if (path == QStringLiteral("/echo")) {
            responder->respond(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/octet-stream")}},
                               request.body);
        } else if (path == QStringLiteral("/fixed")) {
            responder->respond(200, text, QByteArrayLiteral("hello fixed"));
        } else if (path == QStringLiteral("/stream")) {
            stream(responder, request.queryValue(QStringLiteral("n")).toInt(), ms, QByteArrayLiteral("chunk "));
        } else if (path == QStringLiteral("/forever")) {
            stream(responder, -1, ms, QByteArrayLiteral("tick "));
        } else if (path == QStringLiteral("/hold")) {
            hold(responder, ms);
        } else if (path == QStringLiteral("/big")) {
            responder->respond(200, text, bigBody(request.queryValue(QStringLiteral("bytes")).toLongLong()));
        } else if (path == QStringLiteral("/empty-finish")) {
            responder->finish();
        } else if (path == QStringLiteral("/mixed-headers")) {
            responder->respond(200,
                               {{QByteArrayLiteral("X-Mixed-Case"), QByteArrayLiteral("Value")},
                                {QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive")},
                                {QByteArrayLiteral("Keep-Alive"), QByteArrayLiteral("timeout=5")},
                                {QByteArrayLiteral("X-Bad-Value"), QByteArrayLiteral("a\r\nb")}},
                               QByteArrayLiteral("ok"));
        } else {
            responder->respond(404, text, QByteArrayLiteral("not found"));
        }
    }

private:
    // count < 0: never ends by itself.
    void stream(sim::HttpResponder *responder, int count, int intervalMs, const QByteArray &prefix)
    {
        responder->start(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain")}});
        auto *timer = new QTimer(responder);
        auto sent = std::make_shared<int>(0);
        QPointer<sim::HttpResponder> guard(responder);
        connect(timer, &QTimer::timeout, this, [this, guard, timer, sent, count, prefix] {
            if (!guard || !guard->isOpen()) {
                timer->stop();
                return;
            }
            if (count >= 0 && *sent >= count) {
                timer->stop();
                ++finishedStreams;
                guard->finish();
                return;
            }
            guard->write(prefix + QByteArray::number((*sent)++) + '\n');
        });
        timer->start(std::max(intervalMs, 1));
    }

    void hold(sim::HttpResponder *responder, int ms)
    {
        ++heldNow;
        maxHeldAtOnce = std::max(maxHeldAtOnce, heldNow);
        QPointer<sim::HttpResponder> guard(responder);
        QTimer::singleShot(ms, this, [this, guard] {
            --heldNow;
            if (guard && guard->isOpen())
                guard->respond(200, {}, QByteArrayLiteral("held"));
        });
    }
};

} // namespace fd::test
