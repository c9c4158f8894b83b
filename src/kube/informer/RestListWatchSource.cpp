#include "kube/informer/RestListWatchSource.h"

#include "kube/store/WatchEventParser.h"
// RestClient.h holds a QPointer<CredentialProvider> and needs the full type.
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/KubeReply.h"
#include "kube/transport/RestClient.h"

#include <QCoreApplication>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace fd::kube {

namespace {

// A LIST request. The reply is deleted later because the caller may drop the call from inside
// the reply's own signal.
class ListCall : public SourceCall {
public:
    explicit ListCall(KubeReply *reply) : m_reply(reply) {}
    ~ListCall() override
    {
        if (m_reply) {
            QObject::disconnect(m_reply, nullptr, nullptr, nullptr);
            m_reply->deleteLater(); // deleting an unfinished reply cancels it
        }
    }

private:
    QPointer<KubeReply> m_reply;
};

KubeError notConnected()
{
    KubeError error;
    error.kind = ErrorKind::Cancelled;
    error.message = QCoreApplication::translate("fd::kube::Reflector", "the cluster connection was closed");
    return error;
}

// A call that never reaches the network (the client is gone): reports its error on the next turn
// of the event loop, as the ListWatchSource contract wants.
class FailedCall : public SourceCall {
public:
    explicit FailedCall(std::function<void()> report) : m_guard(new QObject)
    {
        QMetaObject::invokeMethod(m_guard.get(), std::move(report), Qt::QueuedConnection);
    }

private:
    std::unique_ptr<QObject> m_guard; // deleting it drops the queued report
};

} // namespace

RestListWatchSource::RestListWatchSource(RestClient *client, ResourceKind kind, QString namespaceName,
                                         ListWatchSelectors selectors)
    : m_client(client), m_kind(std::move(kind)), m_namespace(std::move(namespaceName)), m_selectors(std::move(selectors))
{
}

QString RestListWatchSource::describe() const
{
    if (m_namespace.isEmpty() || !m_kind.namespaced)
        return m_kind.id();
    return QCoreApplication::translate("fd::kube::Reflector", "%1 in namespace %2").arg(m_kind.id(), m_namespace);
}

std::unique_ptr<SourceCall> RestListWatchSource::list(const ListPageOptions &options, ListCallback callback)
{
    if (!m_client)
        return std::make_unique<FailedCall>([callback] { callback(Unexpected(notConnected())); });
    QUrlQuery query;
    if (options.limit > 0)
        query.addQueryItem(u"limit"_s, QString::number(options.limit));
    if (!options.continueToken.isEmpty())
        query.addQueryItem(u"continue"_s, options.continueToken);
    if (!options.resourceVersion.isEmpty())
        query.addQueryItem(u"resourceVersion"_s, options.resourceVersion);
    if (!options.resourceVersionMatch.isEmpty())
        query.addQueryItem(u"resourceVersionMatch"_s, options.resourceVersionMatch);
    if (!m_selectors.labelSelector.isEmpty())
        query.addQueryItem(u"labelSelector"_s, m_selectors.labelSelector);
    if (!m_selectors.fieldSelector.isEmpty())
        query.addQueryItem(u"fieldSelector"_s, m_selectors.fieldSelector);
    KubeReply *reply = m_client->send(KubeRequest::get(m_kind.collectionPath(m_namespace), query));
    QObject::connect(reply, &KubeReply::finished, reply, [reply, callback = std::move(callback)] {
        const KubeResult &result = reply->result();
        if (!result) {
            callback(Unexpected(result.error()));
            return;
        }
        // Items of built-in lists lack kind/apiVersion: decodeList derives them from the list kind.
        callback(decodeList(result->body));
    });
    return std::make_unique<ListCall>(reply);
}

std::unique_ptr<SourceCall> RestListWatchSource::watch(const WatchStreamOptions &options, WatchHandlers handlers)
{
    if (!m_client) {
        return std::make_unique<FailedCall>([handlers] { handlers.closed(notConnected()); });
    }
    QUrlQuery query;
    query.addQueryItem(u"watch"_s, u"true"_s);
    if (!options.resourceVersion.isEmpty())
        query.addQueryItem(u"resourceVersion"_s, options.resourceVersion);
    if (!options.resourceVersionMatch.isEmpty())
        query.addQueryItem(u"resourceVersionMatch"_s, options.resourceVersionMatch);
    if (options.allowBookmarks)
        query.addQueryItem(u"allowWatchBookmarks"_s, u"true"_s);
    if (options.sendInitialEvents)
        query.addQueryItem(u"sendInitialEvents"_s, u"true"_s);
    if (options.timeoutSeconds > 0)
        query.addQueryItem(u"timeoutSeconds"_s, QString::number(options.timeoutSeconds));
    if (!m_selectors.labelSelector.isEmpty())
        query.addQueryItem(u"labelSelector"_s, m_selectors.labelSelector);
    if (!m_selectors.fieldSelector.isEmpty())
        query.addQueryItem(u"fieldSelector"_s, m_selectors.fieldSelector);
    KubeRequest request = KubeRequest::get(m_kind.collectionPath(m_namespace), query);
    request.idleTimeoutMs = options.idleTimeoutMs;
    KubeStream *stream = m_client->openStream(request);

    // Shared by the stream's connections (all with the stream as context, so they die with it) and
    // the call handle, which marks it dropped: a handler may drop the call while we are inside one
    // of the stream's signals, and then nothing more may reach the handlers.
    struct State {
        State(WatchHandlers watchHandlers, const TypeMeta &itemType)
            : handlers(std::move(watchHandlers)), parser(itemType)
        {
        }
        WatchHandlers handlers;
        WatchEventParser parser;
        bool finished = false; // closed() was called, or the call was dropped
    };
    auto state = std::make_shared<State>(std::move(handlers), m_kind.itemType());
    QPointer<KubeStream> guard(stream);

    // Delivers parsed events; false when the stream is done with (failed, or dropped by a handler).
    auto deliver = [state, guard](const WatchEventParser::Result &parsed) {
        if (!parsed.events.isEmpty())
            state->handlers.events(parsed.events);
        if (state->finished)
            return false;
        if (parsed.error) {
            state->finished = true;
            if (guard) {
                QObject::disconnect(guard.data(), nullptr, nullptr, nullptr);
                guard->cancel();
            }
            state->handlers.closed(*parsed.error);
            return false;
        }
        return true;
    };
    QObject::connect(stream, &KubeStream::opened, stream, [state] {
        if (!state->finished && state->handlers.opened)
            state->handlers.opened();
    });
    QObject::connect(stream, &KubeStream::dataReceived, stream, [state, deliver](const QByteArray &chunk) {
        if (!state->finished)
            deliver(state->parser.feed(chunk));
    });
    QObject::connect(stream, &KubeStream::finished, stream, [state, guard, deliver] {
        if (!guard || state->finished)
            return;
        const KubeResult result = guard->result();
        if (result) {
            // A clean end: a last line without its newline still counts.
            if (!deliver(state->parser.finish()))
                return;
            state->finished = true;
            state->handlers.closed(std::nullopt);
            return;
        }
        state->finished = true;
        state->handlers.closed(result.error());
    });

    class WatchCall : public SourceCall {
    public:
        WatchCall(KubeStream *stream, std::shared_ptr<State> state) : m_stream(stream), m_state(std::move(state)) {}
        ~WatchCall() override
        {
            m_state->finished = true;
            if (m_stream) {
                QObject::disconnect(m_stream, nullptr, nullptr, nullptr);
                m_stream->deleteLater(); // deleting an open stream cancels it silently
            }
        }

    private:
        QPointer<KubeStream> m_stream;
        std::shared_ptr<State> m_state;
    };
    return std::make_unique<WatchCall>(stream, state);
}

} // namespace fd::kube
