#pragma once

#include "kube/core/KubeError.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <compare>
#include <optional>

class QTimer;

// A pod's log (GET /api/v1/namespaces/<ns>/pods/<pod>/log, kube-protocol.md §5) as batches of
// lines, following it across dropped connections without losing or repeating a line.
//
//  - Parameters: container, follow, previous, tailLines, sinceSeconds | sinceTime, timestamps,
//    limitBytes — as kubectl logs sends them.
//  - Internally every request asks for timestamps=true. The stream remembers the last timestamp
//    and how many lines carried it; after a drop it asks again with sinceTime = that second and
//    skips what it already delivered (lines before the timestamp, and as many lines at it as it
//    had seen). Timestamps are stripped again unless the caller asked for them.
//  - Following ends cleanly when the container stops: when the stream ends (EOF with 200, or a
//    drop) the pod is looked at; if the container is no longer running (or the pod is gone) the
//    log is complete, otherwise the stream is reopened (backoff after repeated failures; the
//    stream fails after maxConsecutiveFailures()).
//    With limitBytes the log is read once, as far as the limit goes (nothing to resume).
//    After maxConsecutiveFailures() reopen attempts without a single line the stream gives up.
//  - linesReceived() carries batches: lines are collected and emitted at most every
//    batchIntervalMs() (50 ms), never one signal per line.
// Lives on the session thread.

namespace fd::kube {

class KubeStream;
class RestClient;

struct PodLogOptions {
    QString container;               // empty: the server's default (annotation, or the only one)
    bool follow = false;
    bool previous = false;
    bool timestamps = false;         // keep the RFC 3339 prefix on the delivered lines
    std::optional<int> tailLines;
    std::optional<int> sinceSeconds; // one of sinceSeconds / sinceTime
    std::optional<QDateTime> sinceTime;
    std::optional<qint64> limitBytes;
};

// An RFC 3339 timestamp with nanoseconds as the kubelet writes it (trailing zeros of the
// fraction may be trimmed, so text comparison would be wrong).
struct LogTimestamp {
    qint64 seconds = 0; // since the epoch, UTC
    int nanos = 0;

    auto operator<=>(const LogTimestamp &) const = default;
    static std::optional<LogTimestamp> parse(QByteArrayView text);
    QString toSinceTime() const; // whole seconds, "yyyy-MM-ddTHH:mm:ssZ"
};

class PodLogStream : public QObject {
    Q_OBJECT
public:
    PodLogStream(RestClient *client, const QString &namespaceName, const QString &pod, const PodLogOptions &options,
                 QObject *parent = nullptr);
    ~PodLogStream() override;

    void start();
    // Stops it: pending lines are delivered, then finished() with error() Cancelled.
    void cancel();

    bool isFinished() const { return m_finished; }
    // Set when it ended for another reason than the log being complete.
    const std::optional<KubeError> &error() const { return m_error; }
    int reconnectCount() const { return m_reconnects; }
    qint64 linesDelivered() const { return m_delivered; }

    void setBatchInterval(int ms) { m_batchIntervalMs = ms; }
    int batchIntervalMs() const { return m_batchIntervalMs; }
    void setMaxConsecutiveFailures(int failures) { m_maxFailures = failures; }

Q_SIGNALS:
    void linesReceived(const QStringList &lines);
    // The stream broke or ended while the container still runs; it is being reopened.
    void reconnecting();
    void finished();

private:
    void open();
    void onData(const QByteArray &chunk);
    void onStreamFinished();
    void processLine(QByteArrayView line);
    void checkPod();
    void onPod(const QByteArray &podJson);
    void scheduleReopen();
    void queueLine(const QString &line);
    void flush();
    void finish(std::optional<KubeError> error);

    QPointer<RestClient> m_client;
    QString m_namespace;
    QString m_pod;
    PodLogOptions m_options;
    QPointer<KubeStream> m_stream;
    QByteArray m_partial;
    std::optional<LogTimestamp> m_last; // the newest timestamp delivered
    int m_countAtLast = 0;              // lines delivered carrying m_last
    int m_skipRemaining = 0;            // after a resume: lines at m_last still to skip
    bool m_resumed = false;             // the current stream is a resume
    bool m_receivedAny = false;         // any byte on any stream
    bool m_linesThisStream = false;
    int m_reconnects = 0;
    int m_failures = 0;                 // consecutive failed reopen attempts
    int m_maxFailures = 8;
    QStringList m_batch;
    QTimer *m_batchTimer = nullptr;
    QTimer *m_reopenTimer = nullptr;
    int m_batchIntervalMs = 50;
    qint64 m_delivered = 0;
    bool m_started = false;
    bool m_finished = false;
    std::optional<KubeError> m_error;
};

} // namespace fd::kube
