#pragma once

#include "common/Expected.h"
#include "kube/core/KubeError.h"
#include "kube/store/Decode.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

// What a Reflector needs from the network, and nothing more: one page of a LIST and one WATCH
// stream of a fixed collection (kind, namespace scope and selectors are the source's, so list
// and watch always use identical selectors — kube-protocol.md §4). Keeping the reflector on
// this small interface lets its state machine be tested with a scripted source and no server;
// RestListWatchSource implements it over the transport's RestClient.

namespace fd::kube {

struct ListPageOptions {
    int limit = 0;                // 0 = unpaged
    QString continueToken;        // metadata.continue of the previous page
    QString resourceVersion;      // empty = most recent (a consistent read)
    QString resourceVersionMatch; // "", "NotOlderThan" or "Exact"
};

struct WatchStreamOptions {
    QString resourceVersion;      // empty: synthetic ADDED for everything first
    QString resourceVersionMatch; // watch-list needs "NotOlderThan"
    bool allowBookmarks = true;
    bool sendInitialEvents = false; // watch-list (KEP-3157)
    int timeoutSeconds = 0;       // the server ends the watch cleanly after this; 0 = its default
    // Drop the stream (error kind Timeout) when nothing arrives for this long; 0 = never.
    int idleTimeoutMs = 0;
};

// A request in flight. Destroying it cancels the request: no callback of it runs afterwards.
// It may be destroyed from inside one of its own callbacks.
class SourceCall {
public:
    virtual ~SourceCall() = default;
};

class ListWatchSource {
public:
    using ListCallback = std::function<void(const Expected<ObjectList, KubeError> &)>;

    struct WatchHandlers {
        // The server accepted the watch (200 and its headers arrived). May be skipped by sources
        // that cannot tell; then the first events stand for it.
        std::function<void()> opened;
        // Decoded events in stream order, in batches as chunks arrived. ERROR events come
        // through here as WatchEventType::Error; the stream ends after them.
        std::function<void(const QList<WatchEvent> &)> events;
        // The stream ended: nullopt = a clean end (the server's timeout), else why it failed
        // (an HTTP error at open, a dropped connection, an idle timeout, undecodable data).
        // Called exactly once unless the call was destroyed first.
        std::function<void(const std::optional<KubeError> &)> closed;
    };

    virtual ~ListWatchSource() = default;

    // Asynchronous: the callback runs later on the caller's thread (never inside list()).
    virtual std::unique_ptr<SourceCall> list(const ListPageOptions &options, ListCallback callback) = 0;
    // Asynchronous likewise: no handler runs inside watch().
    virtual std::unique_ptr<SourceCall> watch(const WatchStreamOptions &options, WatchHandlers handlers) = 0;

    // "configmaps in namespace team-a", for messages.
    virtual QString describe() const = 0;
};

} // namespace fd::kube
