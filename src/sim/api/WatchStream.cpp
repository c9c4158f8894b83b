#include "sim/api/WatchStream.h"

#include "sim/api/ApiError.h"

#include <QJsonDocument>

namespace fd::sim {

WatchStream::WatchStream(ObjectStore *store, const ResourceType &type, const QString &namespaceName,
                         Filter filter, const WatchOptions &options, HttpResponder *responder, QObject *parent)
    : QObject(parent), m_store(store), m_type(type), m_namespace(namespaceName), m_filter(std::move(filter)),
      m_options(options), m_responder(responder)
{
    connect(responder, &HttpResponder::closed, this, &WatchStream::end);
    connect(responder, &QObject::destroyed, this, &WatchStream::end);
}

void WatchStream::start()
{
    m_responder->start(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
                             {QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache, private")}});
    if (m_options.resourceVersionSet && !m_options.sendInitialEvents) {
        if (m_options.resourceVersion < m_store->compactedThrough()) {
            sendTooOld();
            return;
        }
        for (const StoreEvent &event : m_store->history()) {
            if (event.resourceVersion > m_options.resourceVersion)
                deliver(event);
        }
    } else {
        for (const ObjectRef &object : m_store->list(m_type.storageKey(), m_namespace)) {
            if (m_filter(object->object))
                sendEvent("ADDED", object);
        }
        if (m_options.sendInitialEvents)
            sendBookmark(true);
    }
    connect(m_store, &ObjectStore::committed, this, &WatchStream::onCommitted);

    const int timeoutSeconds = m_options.timeoutSeconds > 0 ? m_options.timeoutSeconds : 1800;
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        // The apiserver sends a last bookmark shortly before a watch's deadline.
        if (m_options.allowBookmarks)
            sendBookmark(false);
        stop();
    });
    m_timeout.start(timeoutSeconds * 1000);
    if (m_options.allowBookmarks) {
        connect(&m_bookmarks, &QTimer::timeout, this, [this] { sendBookmark(false); });
        m_bookmarks.start(qMax(10, m_options.bookmarkIntervalMs));
    }
}

bool WatchStream::relevant(const StoreEvent &event) const
{
    if (event.storageKey != m_type.storageKey())
        return false;
    if (m_namespace.isEmpty())
        return true;
    return event.key.startsWith(m_namespace) && event.key.size() > m_namespace.size()
        && event.key.at(m_namespace.size()) == QLatin1Char('/');
}

void WatchStream::onCommitted(const StoreEvent &event)
{
    if (!m_ended && relevant(event))
        deliver(event);
}

void WatchStream::deliver(const StoreEvent &event)
{
    if (!relevant(event))
        return;
    const bool matchesNow = m_filter(event.object->object);
    const bool matchedBefore = event.previous && m_filter(event.previous->object);
    switch (event.type) {
    case StoreEventType::Added:
        if (matchesNow)
            sendEvent("ADDED", event.object);
        break;
    case StoreEventType::Modified:
        if (matchesNow && matchedBefore)
            sendEvent("MODIFIED", event.object);
        else if (matchesNow)
            sendEvent("ADDED", event.object);
        else if (matchedBefore)
            sendEvent("DELETED", event.object); // left the selection: last state, new RV
        break;
    case StoreEventType::Deleted:
        if (matchedBefore || matchesNow)
            sendEvent("DELETED", event.object);
        break;
    }
}

QByteArray WatchStream::render(const ObjectRef &object) const
{
    if (object->object.value(QLatin1String("apiVersion")).toString() == m_type.groupVersion())
        return object->json;
    QJsonObject copy = object->object;
    copy.insert(QStringLiteral("apiVersion"), m_type.groupVersion());
    return compactJson(copy);
}

void WatchStream::sendEvent(const char *type, const ObjectRef &object)
{
    if (!m_responder || !m_responder->isOpen())
        return;
    m_responder->write(QByteArrayLiteral("{\"type\":\"") + type + QByteArrayLiteral("\",\"object\":")
                       + render(object) + QByteArrayLiteral("}\n"));
}

void WatchStream::sendBookmark(bool initialEventsEnd)
{
    if (!m_responder || !m_responder->isOpen())
        return;
    QJsonObject metadata{{QStringLiteral("resourceVersion"), QString::number(m_store->currentResourceVersion())},
                         {QStringLiteral("creationTimestamp"), QJsonValue::Null}};
    if (initialEventsEnd)
        metadata.insert(QStringLiteral("annotations"),
                        QJsonObject{{QStringLiteral("k8s.io/initial-events-end"), QStringLiteral("true")}});
    const QJsonObject object{{QStringLiteral("kind"), m_type.kind},
                             {QStringLiteral("apiVersion"), m_type.groupVersion()},
                             {QStringLiteral("metadata"), metadata}};
    m_responder->write(QByteArrayLiteral("{\"type\":\"BOOKMARK\",\"object\":") + compactJson(object)
                       + QByteArrayLiteral("}\n"));
}

void WatchStream::sendTooOld()
{
    const ApiError error = ApiError::gone(QStringLiteral("too old resource version: %1 (%2)")
                                              .arg(m_options.resourceVersion)
                                              .arg(m_store->compactedThrough() + 1));
    m_responder->write(QByteArrayLiteral("{\"type\":\"ERROR\",\"object\":") + compactJson(error.toStatus())
                       + QByteArrayLiteral("}\n"));
    stop();
}

void WatchStream::drop()
{
    if (m_responder)
        m_responder->abort();
    end();
}

void WatchStream::stop()
{
    if (m_responder && m_responder->isOpen())
        m_responder->finish();
    end();
}

void WatchStream::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_timeout.stop();
    m_bookmarks.stop();
    disconnect(m_store, nullptr, this, nullptr);
    Q_EMIT finished();
    deleteLater();
}

} // namespace fd::sim

#include "moc_WatchStream.cpp"
