#pragma once

#include "common/Expected.h"
#include "sim/api/ApiError.h"
#include "sim/api/LogStore.h"
#include "sim/http/HttpMessage.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <optional>

namespace fd::sim {

// Parameters of GET pods/<name>/log, as kubelet interprets them.
struct PodLogOptions {
    QString container;
    bool follow = false;
    bool previous = false;
    bool timestamps = false;
    std::optional<int> tailLines;
    std::optional<QDateTime> since;   // from sinceSeconds or sinceTime
    std::optional<qint64> limitBytes;

    static Expected<PodLogOptions, ApiError> fromQuery(const HttpRequest &request, const QDateTime &now);
};

// Picks the container a log request means, with the apiserver's errors when it cannot.
Expected<QString, ApiError> resolveLogContainer(const QJsonObject &pod, const QString &requested);

// Streams one container's log: what is there now (filtered by since/tail/limit), then —
// with follow — every new line until the container instance ends (EOF, not an error).
class PodLogStream : public QObject {
    Q_OBJECT
public:
    PodLogStream(LogStore *logs, const QString &podUid, const PodLogOptions &options, HttpResponder *responder,
                 QObject *parent = nullptr);
    void start();
    // Cuts the stream as a dropped connection would (fault injection).
    void drop();

private:
    // Lines are gathered and written once per event-loop turn: one write per line cost a chunk
    // (HTTP/1.1) or a DATA frame (HTTP/2) and a socket write each, which capped a followed log at
    // well under 100,000 lines/s.
    void writeLine(const LogLine &line);
    void flush();
    void end();

    LogStore *m_logs;
    QString m_podUid;
    PodLogOptions m_options;
    QPointer<HttpResponder> m_responder;
    QByteArray m_pending;
    bool m_flushQueued = false;
    qint64 m_bytesWritten = 0;
    bool m_ended = false;
};

} // namespace fd::sim
