#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QTcpSocket>
#include <QTest>

#include <optional>

namespace fd::test {

struct RawResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool chunked = false;

    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &[name, value] : headers) {
            if (name.toLower() == lowerName)
                return value;
        }
        return {};
    }
};

// Takes one complete HTTP/1.1 response off the front of `buffer`; nothing if it is incomplete.
inline std::optional<RawResponse> takeResponse(QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    RawResponse response;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    qsizetype position = headEnd + 4;
    if (response.header("transfer-encoding") == "chunked") {
        response.chunked = true;
        for (;;) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", position);
            if (lineEnd < 0)
                return std::nullopt;
            bool ok = false;
            const qsizetype size = buffer.mid(position, lineEnd - position).toLongLong(&ok, 16);
            if (!ok)
                return std::nullopt;
            if (buffer.size() < lineEnd + 2 + size + 2)
                return std::nullopt;
            response.body += buffer.mid(lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
            if (size == 0)
                break;
        }
    } else {
        const qsizetype length = response.header("content-length").toLongLong();
        if (buffer.size() < position + length)
            return std::nullopt;
        response.body = buffer.mid(position, length);
        position += length;
    }
    buffer.remove(0, position);
    return response;
}

// A plain TCP client that speaks HTTP/1.1 by hand, so tests control every byte.
class RawHttp1Client : public QObject {
public:
    QTcpSocket socket;
    QByteArray received;

    bool connectTo(quint16 port)
    {
        connect(&socket, &QTcpSocket::readyRead, this, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        return waitUntil([this] { return socket.state() == QAbstractSocket::ConnectedState; });
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    template<typename Predicate>
    static bool waitUntil(Predicate predicate, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!predicate()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QTest::qWait(5);
        }
        return true;
    }

    std::optional<RawResponse> nextResponse(int timeoutMs = 5000)
    {
        std::optional<RawResponse> response;
        waitUntil([&] { return (response = takeResponse(received)).has_value(); }, timeoutMs);
        return response;
    }

    bool waitForDisconnect(int timeoutMs = 5000)
    {
        return waitUntil([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
};

} // namespace fd::test
