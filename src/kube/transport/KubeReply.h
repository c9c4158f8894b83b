#pragma once

#include "kube/transport/KubeRequest.h"

#include <QObject>

// What RestClient hands back for requests: KubeReply for ordinary calls (the whole body at the
// end), KubeStream for watches and followed logs (the body as it arrives). Both live on the
// session thread and are used there only.

namespace fd::kube {

class RequestDriver;

// One call. finished() is emitted once, always asynchronously (never from within the call that
// created the reply); result() is then the response (2xx) or a typed KubeError. The reply is a
// child of the RestClient: deleteLater() it after finished(), or delete it earlier to cancel.
class KubeReply : public QObject {
    Q_OBJECT
public:
    ~KubeReply() override;

    const KubeRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    const KubeResult &result() const { return m_result; }
    // Cancels it: finished() follows with ErrorKind::Cancelled (unless it already finished).
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class RestClient;
    KubeReply(const KubeRequest &request, QObject *parent);
    void complete(const KubeResult &result);

    KubeRequest m_request;
    RequestDriver *m_driver = nullptr;
    KubeResult m_result;
    bool m_finished = false;
};

// One stream (watch, pods/log?follow=true). Retries happen only before it opens (refused
// stream, 429, an expired token, connection refused …); once data flowed, any break ends it and
// the consumer resumes from what it has seen (a watch from its last resourceVersion, a log from
// its last timestamp).
//
// Signals: opened() once a 2xx status arrived (head() holds status and headers), then
// dataReceived() per chunk as the network delivers it (chunks are not line- or event-aligned),
// then finished() once. result() is the head when the server ended the stream cleanly (a watch
// timeout, a container that stopped), or the error: an HTTP error status before opening (the
// Status body decoded), a dropped connection, an idle timeout, or Cancelled.
// The stream is a child of the RestClient; delete it (or deleteLater) when done. Deleting an open
// stream cancels it without emitting anything.
class KubeStream : public QObject {
    Q_OBJECT
public:
    ~KubeStream() override;

    const KubeRequest &request() const { return m_request; }
    bool isOpen() const { return m_open && !m_finished; }
    bool isFinished() const { return m_finished; }
    const KubeResponse &head() const { return m_head; }
    const KubeResult &result() const { return m_result; }
    // Stops it; finished() follows at once with ErrorKind::Cancelled (unless already finished).
    void cancel();

Q_SIGNALS:
    void opened();
    void dataReceived(const QByteArray &chunk);
    void finished();

private:
    friend class RestClient;
    KubeStream(const KubeRequest &request, QObject *parent);
    void markOpened(const KubeResponse &head);
    void deliver(const QByteArray &chunk);
    void complete(const KubeResult &result);

    KubeRequest m_request;
    RequestDriver *m_driver = nullptr;
    KubeResponse m_head;
    KubeResult m_result;
    bool m_open = false;
    bool m_finished = false;
};

} // namespace fd::kube
