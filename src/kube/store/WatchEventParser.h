#pragma once

#include "kube/store/Decode.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace fd::kube {

// Splits a watch stream ({"type":…,"object":…} lines) into events. Feed it the body as it arrives:
// chunks need not end on event boundaries (an event may span many chunks, a chunk many events).
// Lines end with '\n' ("\r\n" tolerated); blank lines are skipped. A line longer than
// `maxLineBytes` or one that does not decode fails the parser: the stream must be dropped and the
// watch restarted (client-go's StreamWatcher stops on a decode error too). Not thread-safe; one
// per stream.
class WatchEventParser
{
public:
    // The apiserver refuses objects above ~1.5 MiB (etcd limit) and requests above 3 MiB; 16 MiB
    // leaves room for big CRs while bounding what a broken server can make us buffer.
    static constexpr qsizetype DefaultMaxLineBytes = qsizetype(16) << 20;

    explicit WatchEventParser(TypeMeta fallbackType = {}, qsizetype maxLineBytes = DefaultMaxLineBytes);

    struct Result {
        QList<WatchEvent> events;      // complete events, in stream order
        std::optional<KubeError> error; // set once; later feeds return nothing
    };

    Result feed(QByteArrayView chunk);
    // The stream ended: a non-blank unterminated tail is decoded as a last event (a server may omit
    // the final newline); a tail that does not decode is an error.
    Result finish();

    bool hasFailed() const { return m_failed; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_consumed; }
    void reset();

private:
    bool processLine(QByteArrayView line, Result &result);

    ObjectDecoder m_decoder;
    TypeMeta m_fallback;
    qsizetype m_maxLineBytes;
    QByteArray m_buffer;      // unconsumed bytes start at m_consumed
    qsizetype m_consumed = 0;
    qsizetype m_scanFrom = 0; // no '\n' before this offset of m_buffer (after m_consumed)
    bool m_failed = false;
};

} // namespace fd::kube
