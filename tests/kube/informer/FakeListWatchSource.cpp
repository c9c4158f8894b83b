#include "FakeListWatchSource.h"

#include <QtGlobal>

namespace fd::kube::test {

namespace {

// Destroying the handle cancels the call, as the ListWatchSource contract says.
template<typename Call>
class FakeHandle : public SourceCall {
public:
    explicit FakeHandle(std::shared_ptr<Call> call) : m_call(std::move(call)) {}
    ~FakeHandle() override { m_call->cancelled = true; }

private:
    std::shared_ptr<Call> m_call;
};

} // namespace

void FakeListCall::reply(const ObjectList &result)
{
    Q_ASSERT(!answered);
    answered = true;
    if (!cancelled)
        callback(result);
}

void FakeListCall::fail(const KubeError &failure)
{
    Q_ASSERT(!answered);
    answered = true;
    if (!cancelled)
        callback(Unexpected(failure));
}

void FakeWatchCall::open()
{
    if (!cancelled && !closed && handlers.opened)
        handlers.opened();
}

void FakeWatchCall::send(const QList<WatchEvent> &events)
{
    if (!cancelled && !closed)
        handlers.events(events);
}

void FakeWatchCall::end()
{
    if (cancelled || closed)
        return;
    closed = true;
    handlers.closed(std::nullopt);
}

void FakeWatchCall::fail(const KubeError &failure)
{
    if (cancelled || closed)
        return;
    closed = true;
    handlers.closed(failure);
}

int FakeEndpoint::liveCalls() const
{
    int n = 0;
    for (const auto &call : lists)
        n += !call->cancelled && !call->answered;
    for (const auto &call : watches)
        n += !call->cancelled && !call->closed;
    return n;
}

std::unique_ptr<SourceCall> FakeListWatchSource::list(const ListPageOptions &options, ListCallback callback)
{
    auto call = std::make_shared<FakeListCall>();
    call->options = options;
    call->callback = std::move(callback);
    m_endpoint->lists.push_back(call);
    return std::make_unique<FakeHandle<FakeListCall>>(call);
}

std::unique_ptr<SourceCall> FakeListWatchSource::watch(const WatchStreamOptions &options, WatchHandlers handlers)
{
    auto call = std::make_shared<FakeWatchCall>();
    call->options = options;
    call->handlers = std::move(handlers);
    m_endpoint->watches.push_back(call);
    return std::make_unique<FakeHandle<FakeWatchCall>>(call);
}

std::shared_ptr<FakeEndpoint> FakeCluster::endpoint(const QString &name)
{
    auto &slot = endpoints[name];
    if (!slot)
        slot = std::make_shared<FakeEndpoint>();
    return slot;
}

KubeObject configMap(const QString &ns, const QString &name, const QString &rv, const QString &data)
{
    const QByteArray json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name.toUtf8()
        + "\",\"namespace\":\"" + ns.toUtf8() + "\",\"uid\":\"uid-" + ns.toUtf8() + "-" + name.toUtf8()
        + "\",\"resourceVersion\":\"" + rv.toUtf8() + "\"},\"data\":{\"k\":\"" + data.toUtf8() + "\"}}";
    auto object = decodeObject(json);
    if (!object)
        qFatal("configMap fixture does not decode: %s", qPrintable(object.error().message));
    return object.value();
}

KubeObject namespaceObject(const QString &name, const QString &rv)
{
    const QByteArray json = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name.toUtf8()
        + "\",\"uid\":\"uid-ns-" + name.toUtf8() + "\",\"resourceVersion\":\"" + rv.toUtf8() + "\"}}";
    auto object = decodeObject(json);
    if (!object)
        qFatal("namespace fixture does not decode: %s", qPrintable(object.error().message));
    return object.value();
}

ObjectList page(const QList<KubeObject> &items, const QString &rv, const QString &continueToken)
{
    ObjectList list;
    list.apiVersion = QStringLiteral("v1");
    list.kind = QStringLiteral("ConfigMapList");
    list.items = items;
    list.resourceVersion = rv;
    list.continueToken = continueToken;
    return list;
}

namespace {
WatchEvent objectEvent(WatchEventType type, const KubeObject &object)
{
    WatchEvent event;
    event.type = type;
    event.object = object;
    event.resourceVersion = object.resourceVersion();
    return event;
}
} // namespace

WatchEvent added(const KubeObject &object)
{
    return objectEvent(WatchEventType::Added, object);
}

WatchEvent modified(const KubeObject &object)
{
    return objectEvent(WatchEventType::Modified, object);
}

WatchEvent deleted(const KubeObject &object)
{
    return objectEvent(WatchEventType::Deleted, object);
}

WatchEvent bookmark(const QString &rv, bool initialEventsEnd)
{
    WatchEvent event;
    event.type = WatchEventType::Bookmark;
    event.resourceVersion = rv;
    event.initialEventsEnd = initialEventsEnd;
    return event;
}

WatchEvent errorEvent(const KubeError &failure)
{
    WatchEvent event;
    event.type = WatchEventType::Error;
    event.error = failure;
    return event;
}

KubeError error(ErrorKind kind, int httpStatus, int retryAfterSeconds)
{
    KubeError e;
    e.kind = kind;
    e.httpStatus = httpStatus;
    e.message = QStringLiteral("scripted failure %1").arg(httpStatus);
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}

} // namespace fd::kube::test
