#pragma once

#include "sim/api/ObjectStore.h"
#include "sim/api/ResourceType.h"
#include "sim/http/HttpMessage.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace fd::sim {

struct WatchOptions {
    bool resourceVersionSet = false;  // false: "" or "0" -> synthetic ADDED for what exists
    quint64 resourceVersion = 0;
    bool sendInitialEvents = false;   // watch-list: ADDED…, then the annotated BOOKMARK
    bool allowBookmarks = false;
    int timeoutSeconds = 0;           // 0 = server default (30–60 min upstream; 30 min here)
    int bookmarkIntervalMs = 60000;
};

// One open watch: replays history or synthesises the initial state, then streams every
// committed change of its kind that passes the filter, turning selector transitions into
// ADDED/DELETED as the apiserver's cacher does. Ends after timeoutSeconds (a clean end).
class WatchStream : public QObject {
    Q_OBJECT
public:
    using Filter = std::function<bool(const QJsonObject &)>;

    WatchStream(ObjectStore *store, const ResourceType &type, const QString &namespaceName, Filter filter,
                const WatchOptions &options, HttpResponder *responder, QObject *parent = nullptr);

    void start();
    // Cuts the stream as a network failure would (fault injection).
    void drop();
    // Ends the stream cleanly (server shutdown).
    void stop();

Q_SIGNALS:
    void finished();

private:
    void onCommitted(const StoreEvent &event);
    void deliver(const StoreEvent &event);
    void sendEvent(const char *type, const ObjectRef &object);
    void sendBookmark(bool initialEventsEnd);
    void sendTooOld();
    bool relevant(const StoreEvent &event) const;
    QByteArray render(const ObjectRef &object) const;
    void end();

    ObjectStore *m_store;
    ResourceType m_type;
    QString m_namespace;
    Filter m_filter;
    WatchOptions m_options;
    QPointer<HttpResponder> m_responder;
    QTimer m_timeout;
    QTimer m_bookmarks;
    bool m_ended = false;
};

} // namespace fd::sim
