// libFuzzer target: the emulator's request handling (ApiHandler) driven in-process, the way
// Http1Connection/Http2Connection hand it requests: an HttpRequest (target split by the same
// parseRequestTarget) and an HttpResponder.
//
// Input: one or more requests separated by a line "%%%%":
//
//     PATCH /api/v1/namespaces/default/configmaps/a?fieldManager=m&force=true
//     content-type: application/merge-patch+json
//     x-fuzz-user: viewer
//
//     {"data":{"k":"v"}}
//     %%%%
//     GET /api/v1/namespaces/default/configmaps?watch=1&labelSelector=a%3Db
//
// A request is "METHOD TARGET", header lines, an empty line and the body (bytes, so protobuf
// works too). `x-fuzz-user: admin|viewer|developer` sends that user's bearer token, any other
// value an unknown token; without it the request has no credentials (the cleartext listener
// then treats it as the administrator).
//
// One simulated cluster persists across inputs, so sequences of creates, patches and deletes
// accumulate; it is replaced every InputsPerCluster inputs or when it grows too much (with
// FD_FUZZ_FRESH_CLUSTER=1 in the environment: before every input, so that a crash artifact
// reproduces on its own, and minimising it works). Streams
// (watches, followed logs) stay open until the input's last request, then the client "goes
// away". Invariants checked beyond "no crash":
//  - every request gets a response started synchronously, with a status in 200..599, at most
//    one head, no write after finish;
//  - every 4xx/5xx body is a metav1 Status (kind Status, status Failure, code = HTTP status);
//    every JSON body parses;
//  - after a successful write, GET returns the same object (same resourceVersion → same JSON);
//    after a completed delete, GET answers 404;
//  - at the end of each input, for the kinds it touched: the list equals the store, each
//    listed item equals its GET, paging with limit/continue yields the same items in the same
//    order, and every stored revision is self-consistent (key, resourceVersion, rendered JSON);
//  - watch streams are JSON lines of well-formed events.

#include "FuzzSupport.h"

#include "sim/api/ApiHandler.h"
#include "sim/api/Faults.h"
#include "sim/api/ObjectService.h"
#include "sim/api/ObjectStore.h"
#include "sim/api/RequestInfo.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/cluster/SimCluster.h"
#include "sim/core/ObjectMeta.h"
#include "sim/http/HttpRequestTarget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

using namespace fd::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int MaxRequestsPerInput = 12;
constexpr int MaxOpenStreams = 6;
constexpr int InputsPerCluster = 400;
constexpr int MaxObjects = 1500;
constexpr size_t MaxHistoryEvents = 20000;
constexpr int MaxItemsCompared = 40;
constexpr int MaxPagedItems = 300;
constexpr int MaxStoredObjectsChecked = 300;

// Records one response; what a connection would put on the wire, checked instead of sent.
class FuzzResponder final : public HttpResponder {
public:
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    bool started = false;
    bool streamed = false; // start() (chunked) rather than respond()
    bool finished = false;
    bool gone = false;

    void start(int code, const HttpHeaders &head) override
    {
        begin(code, head);
        streamed = true;
    }
    void write(const QByteArray &data) override
    {
        FD_FUZZ_CHECK(!finished, u"write after finish (%1 bytes)"_s.arg(data.size()));
        if (gone)
            return;
        FD_FUZZ_CHECK(started, u"write before the response was started"_s);
        body += data;
    }
    void finish() override { finished = true; }
    void abort() override { finished = true; }
    bool isOpen() const override { return !finished && !gone; }

    // The client disconnects (what a connection does when its socket closes).
    void clientGoesAway()
    {
        if (gone)
            return;
        gone = true;
        Q_EMIT closed();
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.toLower() == name)
                return value;
        }
        return {};
    }

protected:
    void startFixed(int code, const HttpHeaders &head) override { begin(code, head); }

private:
    void begin(int code, const HttpHeaders &head)
    {
        FD_FUZZ_CHECK(!started, u"response started twice (%1 then %2)"_s.arg(status).arg(code));
        FD_FUZZ_CHECK(!finished, u"response started after finish"_s);
        started = true;
        status = code;
        headers = head;
    }
};

QString describe(const HttpRequest &request)
{
    return QString::fromLatin1(request.method) + u' ' + QString::fromUtf8(request.target)
        + u" content-type="_s + QString::fromLatin1(request.header("content-type"))
        + u" body="_s + QString::fromUtf8(request.body.left(300));
}

QString describe(const FuzzResponder &response)
{
    return u"HTTP %1 %2"_s.arg(response.status).arg(QString::fromUtf8(response.body.left(600)));
}

std::optional<QJsonObject> jsonObject(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QString metadataString(const QJsonObject &object, const char *field)
{
    return metadataOf(object).value(QLatin1String(field)).toString();
}

// The simulated cluster and the users' tokens. Replaced when it has grown or served long.
class Harness {
public:
    Harness() : m_inputsPerCluster(qEnvironmentVariableIntValue("FD_FUZZ_FRESH_CLUSTER") == 1 ? 1 : InputsPerCluster)
    {
        reset();
    }

    SimCluster &cluster() { return *m_cluster; }
    ApiHandler &api() { return *m_cluster->api(); }

    void beforeInput()
    {
        ++m_inputs;
        ObjectStore *store = m_cluster->store();
        int objects = 0;
        for (const QString &key : store->storageKeys())
            objects += store->count(key);
        if (m_inputs > m_inputsPerCluster || objects > MaxObjects || store->history().size() > MaxHistoryEvents)
            reset();
    }

    QByteArray token(const QByteArray &user) const { return m_tokens.value(user); }

    // FD_FUZZ_DEBUG: where the cluster stands after each input.
    void printState() const
    {
        ObjectStore *store = m_cluster->store();
        int objects = 0;
        for (const QString &key : store->storageKeys())
            objects += store->count(key);
        std::fprintf(stderr, "cluster: input %d, resourceVersion %llu, %d objects, %zu history events, %lld ms\n",
                     m_inputs, static_cast<unsigned long long>(store->currentResourceVersion()), objects,
                     store->history().size(), static_cast<long long>(m_clock.restart()));
    }

    static void drainEvents()
    {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

private:
    void reset()
    {
        m_cluster.reset();
        drainEvents();
        SimClusterOptions options;
        options.name = u"fuzz"_s;
        options.timing = SimTiming::fast();
        m_cluster = std::make_unique<SimCluster>(options);
        const auto started = m_cluster->start();
        FD_FUZZ_CHECK(started.hasValue(), u"the simulated cluster does not start: "_s + (started ? QString() : started.error()));
        m_tokens.clear();
        for (const SimUser &user : m_cluster->users())
            m_tokens.insert(user.name.toUtf8(), user.token.toUtf8());
        m_inputs = 0;
        drainEvents();
        m_clock.start();
    }

    std::unique_ptr<SimCluster> m_cluster;
    QHash<QByteArray, QByteArray> m_tokens;
    const int m_inputsPerCluster;
    int m_inputs = 0;
    mutable QElapsedTimer m_clock;
};

Harness *g_harness = nullptr;

// Builds the HttpRequest a connection would hand over; nullopt when the connection would
// have refused it already (no method, unparsable target: 400 before any handler runs).
std::optional<HttpRequest> makeRequest(const QByteArray &method, const QByteArray &target, const HttpHeaders &headers,
                                       const QByteArray &body)
{
    if (method.isEmpty())
        return std::nullopt;
    auto parsed = parseRequestTarget(target);
    if (!parsed)
        return std::nullopt;
    HttpRequest request;
    request.method = method;
    request.target = target;
    request.path = parsed->path;
    request.query = parsed->query;
    request.headers = headers;
    request.body = body;
    request.protocol = QByteArrayLiteral("HTTP/1.1");
    return request;
}

std::optional<HttpRequest> parseBlock(QByteArrayView block, const Harness &harness)
{
    const auto takeLine = [&block]() {
        const qsizetype end = block.indexOf('\n');
        QByteArrayView line = end < 0 ? block : block.first(end);
        block = end < 0 ? QByteArrayView() : block.sliced(end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    };
    const QByteArray requestLine = takeLine().toByteArray().trimmed();
    const qsizetype space = requestLine.indexOf(' ');
    const QByteArray method = space < 0 ? requestLine : requestLine.left(space);
    const QByteArray target = space < 0 ? QByteArrayLiteral("/") : requestLine.mid(space + 1).trimmed();
    HttpHeaders headers;
    while (!block.isEmpty()) {
        const QByteArrayView line = takeLine();
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).toByteArray().trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (name == "x-fuzz-user") {
            const QByteArray token = harness.token(value);
            headers.append({QByteArrayLiteral("authorization"), "Bearer " + (token.isEmpty() ? value : token)});
            continue;
        }
        headers.append({name, value});
    }
    return makeRequest(method, target, headers, block.toByteArray());
}

// The kinds an input touched, for the end-of-input consistency checks.
struct TouchedType {
    ResourceType type;
    QString apiPrefix;
};

class InputRun {
public:
    explicit InputRun(Harness &harness) : m_harness(harness) {}

    ~InputRun()
    {
        // The input is over: every client still streaming goes away.
        for (auto &stream : m_streams)
            closeStream(std::move(stream));
        m_streams.clear();
        Harness::drainEvents();
    }

    void run(const HttpRequest &request)
    {
        // A latency fault would defer the answer past this input; failures injected by an
        // earlier request stay in force (they are part of what is being explored).
        m_harness.api().faults().latencyMs = 0;
        auto response = std::make_unique<FuzzResponder>();
        m_harness.api().handle(request, response.get());
        FD_FUZZ_CHECK(response->started, u"no response started for "_s + describe(request));
        checkResponse(request, *response);
        if (response->isOpen()) {
            if (m_streams.size() >= MaxOpenStreams) {
                closeStream(std::move(m_streams.front()));
                m_streams.erase(m_streams.begin());
            }
            m_streams.push_back(std::move(response));
        } else {
            checkAfterWrite(request, *response);
        }
        Harness::drainEvents();
    }

    void finishInput()
    {
        for (const TouchedType &touched : std::as_const(m_touched))
            checkKind(touched);
    }

private:
    void checkResponse(const HttpRequest &request, const FuzzResponder &response)
    {
        FD_FUZZ_CHECK(response.status >= 200 && response.status <= 599,
                      u"invalid status for "_s + describe(request) + u": "_s + describe(response));
        const QByteArray contentType = response.header("content-type");
        if (response.status >= 400) {
            FD_FUZZ_CHECK(response.finished, u"an error response left open: "_s + describe(request));
            FD_FUZZ_CHECK(contentType.startsWith("application/json"),
                          u"error without a JSON Status for "_s + describe(request) + u": "_s + describe(response));
            const auto status = jsonObject(response.body);
            FD_FUZZ_CHECK(status.has_value(), u"error body is not a JSON object for "_s + describe(request) + u": "_s + describe(response));
            FD_FUZZ_CHECK(status->value("kind"_L1).toString() == "Status"_L1 && status->value("apiVersion"_L1).toString() == "v1"_L1
                              && status->value("status"_L1).toString() == "Failure"_L1
                              && status->value("code"_L1).toInt() == response.status,
                          u"error body is not a Failure Status for "_s + describe(request) + u": "_s + describe(response));
            return;
        }
        if (response.finished && contentType.startsWith("application/json") && !response.body.isEmpty()) {
            QJsonParseError error;
            QJsonDocument::fromJson(response.body, &error);
            FD_FUZZ_CHECK(error.error == QJsonParseError::NoError,
                          u"invalid JSON answer for "_s + describe(request) + u": "_s + error.errorString() + u" in "_s + describe(response));
        }
        const RequestInfo info = RequestInfo::parse(request.method, request.path, false);
        if (info.isResourceRequest && m_touched.size() < 3) {
            if (const auto type = m_harness.cluster().catalog()->find(info.group, info.version, info.resource)) {
                const bool known = std::any_of(m_touched.cbegin(), m_touched.cend(), [&](const TouchedType &t) {
                    return t.type.storageKey() == type->storageKey() && t.type.version == type->version;
                });
                if (!known)
                    m_touched.append({*type, info.apiPrefix});
            }
        }
    }

    static QString collectionPath(const TouchedType &touched, const QString &namespaceName = {})
    {
        QString path = u'/' + touched.apiPrefix;
        if (!touched.type.group.isEmpty())
            path += u'/' + touched.type.group;
        path += u'/' + touched.type.version;
        if (touched.type.namespaced && !namespaceName.isEmpty())
            path += u"/namespaces/"_s + QString::fromLatin1(QUrl::toPercentEncoding(namespaceName));
        return path + u'/' + touched.type.plural;
    }

    static QString objectPath(const TouchedType &touched, const QJsonObject &object)
    {
        return collectionPath(touched, namespaceOf(object)) + u'/'
            + QString::fromLatin1(QUrl::toPercentEncoding(nameOf(object)));
    }

    // A plain request as the administrator (no credentials on the cleartext listener).
    std::unique_ptr<FuzzResponder> adminGet(const QString &target)
    {
        const auto request = makeRequest(QByteArrayLiteral("GET"), target.toUtf8(), {}, {});
        FD_FUZZ_CHECK(request.has_value(), u"harness built an invalid target: "_s + target);
        // The harness' own reads must not consume or suffer the input's injected failures.
        const FaultPlan saved = m_harness.api().faults();
        m_harness.api().faults().failNextRequests = 0;
        m_harness.api().faults().latencyMs = 0;
        auto response = std::make_unique<FuzzResponder>();
        m_harness.api().handle(*request, response.get());
        m_harness.api().faults() = saved;
        FD_FUZZ_CHECK(response->started && response->finished, u"GET left open: "_s + target);
        return response;
    }

    // Writes are visible at once: GET returns what the write answered.
    void checkAfterWrite(const HttpRequest &request, const FuzzResponder &response)
    {
        if (response.status != 200 && response.status != 201)
            return;
        if (!request.queryValue(u"dryRun"_s).isEmpty() || request.header("accept").contains("yaml"))
            return;
        const RequestInfo info = RequestInfo::parse(request.method, request.path, false);
        if (!info.isResourceRequest || !info.subresource.isEmpty())
            return;
        const bool write = info.verb == "create"_L1 || info.verb == "update"_L1 || info.verb == "patch"_L1;
        const bool remove = info.verb == "delete"_L1;
        if (!write && !remove)
            return;
        const auto type = m_harness.cluster().catalog()->find(info.group, info.version, info.resource);
        if (!type || !type->allows(u"get"_s))
            return;
        const auto answered = jsonObject(response.body);
        FD_FUZZ_CHECK(answered.has_value(), u"write answered without a JSON object: "_s + describe(request));
        if (answered->value("kind"_L1).toString() == "Status"_L1) {
            // A delete that finished at once, or a review; deletes name their object in details.
            if (!remove)
                return;
            QJsonObject probe;
            setMetadataField(probe, u"name"_s, info.name);
            setMetadataField(probe, u"namespace"_s, type->namespaced ? info.namespaceName : QString());
            const auto after = adminGet(objectPath({*type, info.apiPrefix}, probe));
            FD_FUZZ_CHECK(after->status == 404, u"deleted object still readable after "_s + describe(request) + u": "_s + describe(*after));
            return;
        }
        const TouchedType touched{*type, info.apiPrefix};
        const auto after = adminGet(objectPath(touched, *answered));
        if (remove) {
            if (!metadataString(*answered, "deletionTimestamp").isEmpty())
                return; // finalizers or a grace period keep it for now
            FD_FUZZ_CHECK(after->status == 404, u"deleted object still readable after "_s + describe(request) + u": "_s + describe(*after));
            return;
        }
        // A write that empties the finalizers of an object being deleted deletes it (200, the
        // object's last state): then GET may already answer 404.
        if (after->status == 404 && !metadataString(*answered, "deletionTimestamp").isEmpty()
            && metadataOf(*answered).value("finalizers"_L1).toArray().isEmpty())
            return;
        FD_FUZZ_CHECK(after->status == 200, u"written object not readable after "_s + describe(request) + u": "_s + describe(*after));
        const auto read = jsonObject(after->body);
        FD_FUZZ_CHECK(read.has_value(), u"GET answered without a JSON object: "_s + describe(*after));
        const quint64 writtenRv = metadataString(*answered, "resourceVersion").toULongLong();
        const quint64 readRv = metadataString(*read, "resourceVersion").toULongLong();
        FD_FUZZ_CHECK(readRv >= writtenRv, u"GET returned an older revision (%1 < %2) after "_s.arg(readRv).arg(writtenRv) + describe(request));
        if (readRv == writtenRv) {
            FD_FUZZ_CHECK(*read == *answered, u"GET differs from the write's answer at the same resourceVersion after "_s
                              + describe(request) + u"\n    write: "_s + describe(response) + u"\n    get: "_s + describe(*after));
        }
    }

    void checkKind(const TouchedType &touched)
    {
        const ResourceType &type = touched.type;
        if (!type.allows(u"list"_s) || !type.allows(u"get"_s))
            return;
        // The catalog may have dropped the kind (a CRD deleted during the input).
        if (!m_harness.cluster().catalog()->find(type.group, type.version, type.plural))
            return;
        ObjectStore *store = m_harness.cluster().store();
        checkStored(type.storageKey());

        const QString path = collectionPath(touched);
        const auto listed = adminGet(path);
        FD_FUZZ_CHECK(listed->status == 200, u"list failed: "_s + path + u": "_s + describe(*listed));
        const auto list = jsonObject(listed->body);
        FD_FUZZ_CHECK(list.has_value(), u"list is not a JSON object: "_s + path);
        const QJsonArray items = list->value("items"_L1).toArray();
        FD_FUZZ_CHECK(items.size() == store->count(type.storageKey()),
                      u"list of %1 has %2 items, the store %3"_s.arg(path).arg(items.size()).arg(store->count(type.storageKey())));
        FD_FUZZ_CHECK(metadataString(*list, "resourceVersion") == QString::number(store->currentResourceVersion()),
                      u"list resourceVersion is not the store's: "_s + path);
        for (int i = 0; i < qMin<int>(int(items.size()), MaxItemsCompared); ++i) {
            const QJsonObject item = items.at(i).toObject();
            const auto got = adminGet(objectPath(touched, item));
            FD_FUZZ_CHECK(got->status == 200, u"listed object not readable: "_s + objectPath(touched, item) + u": "_s + describe(*got));
            FD_FUZZ_CHECK(jsonObject(got->body) == item, u"GET differs from the list item: "_s + objectPath(touched, item));
        }
        if (items.size() > MaxPagedItems)
            return;
        // Pages of 7 with continue tokens: the same items, in the same order.
        QStringList pagedKeys;
        QString continueToken;
        for (int page = 0; page <= MaxPagedItems / 7 + 1; ++page) {
            QString target = path + u"?limit=7"_s;
            if (!continueToken.isEmpty())
                target += u"&continue="_s + QString::fromLatin1(QUrl::toPercentEncoding(continueToken));
            const auto paged = adminGet(target);
            FD_FUZZ_CHECK(paged->status == 200, u"paged list failed: "_s + target + u": "_s + describe(*paged));
            const auto pageList = jsonObject(paged->body);
            FD_FUZZ_CHECK(pageList.has_value(), u"page is not a JSON object: "_s + target);
            const QJsonArray pageItems = pageList->value("items"_L1).toArray();
            FD_FUZZ_CHECK(pageItems.size() <= 7, u"page larger than its limit: "_s + target);
            for (const QJsonValue &item : pageItems)
                pagedKeys.append(ObjectStore::keyOf(namespaceOf(item.toObject()), nameOf(item.toObject())));
            continueToken = metadataString(*pageList, "continue");
            if (continueToken.isEmpty())
                break;
        }
        FD_FUZZ_CHECK(continueToken.isEmpty(), u"paging does not end: "_s + path);
        QStringList keys;
        for (const QJsonValue &item : items)
            keys.append(ObjectStore::keyOf(namespaceOf(item.toObject()), nameOf(item.toObject())));
        FD_FUZZ_CHECK(pagedKeys == keys, u"paged list differs from the full list: "_s + path + u"\n    full: "_s
                          + keys.join(u' ') + u"\n    paged: "_s + pagedKeys.join(u' '));
    }

    // Every stored revision is what the store says it is.
    void checkStored(const QString &storageKey)
    {
        ObjectStore *store = m_harness.cluster().store();
        const ObjectStore::Bucket *bucket = store->bucket(storageKey);
        if (!bucket)
            return;
        int checked = 0;
        for (const auto &[key, object] : *bucket) {
            if (++checked > MaxStoredObjectsChecked)
                break;
            FD_FUZZ_CHECK(object != nullptr, u"null object stored under "_s + storageKey + u' ' + key);
            FD_FUZZ_CHECK(ObjectStore::keyOf(namespaceOf(object->object), nameOf(object->object)) == key,
                          u"object stored under the wrong key: "_s + storageKey + u' ' + key);
            FD_FUZZ_CHECK(metadataString(object->object, "resourceVersion") == QString::number(object->resourceVersion),
                          u"stored resourceVersion differs from its metadata: "_s + storageKey + u' ' + key);
            FD_FUZZ_CHECK(object->resourceVersion <= store->currentResourceVersion(),
                          u"object from the future: "_s + storageKey + u' ' + key);
            FD_FUZZ_CHECK(object->json == compactJson(object->object),
                          u"stored JSON differs from the stored object: "_s + storageKey + u' ' + key);
            FD_FUZZ_CHECK(store->get(storageKey, namespaceOf(object->object), nameOf(object->object)) == object,
                          u"get() differs from the bucket: "_s + storageKey + u' ' + key);
        }
    }

    void closeStream(std::unique_ptr<FuzzResponder> stream)
    {
        stream->clientGoesAway();
        Harness::drainEvents();
        if (stream->header("content-type").startsWith("application/json"))
            checkWatchBody(stream->body);
        stream.reset(); // the connection deletes its responder
        Harness::drainEvents();
    }

    static void checkWatchBody(const QByteArray &body)
    {
        static const QStringList types{u"ADDED"_s, u"MODIFIED"_s, u"DELETED"_s, u"BOOKMARK"_s, u"ERROR"_s};
        for (const QByteArray &line : body.split('\n')) {
            if (line.isEmpty())
                continue;
            const auto event = jsonObject(line);
            FD_FUZZ_CHECK(event.has_value(), u"watch line is not a JSON object: "_s + QString::fromUtf8(line.left(300)));
            const QString type = event->value("type"_L1).toString();
            FD_FUZZ_CHECK(types.contains(type), u"unknown watch event type: "_s + QString::fromUtf8(line.left(300)));
            const QJsonObject object = event->value("object"_L1).toObject();
            FD_FUZZ_CHECK(!object.isEmpty(), u"watch event without an object: "_s + QString::fromUtf8(line.left(300)));
            if (type == "ERROR"_L1)
                FD_FUZZ_CHECK(object.value("kind"_L1).toString() == "Status"_L1, u"ERROR event without a Status"_s);
        }
    }

    Harness &m_harness;
    std::vector<std::unique_ptr<FuzzResponder>> m_streams;
    QList<TouchedType> m_touched;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fd::fuzz::ensureApplication(argc, argv);
    g_harness = new Harness;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_harness->beforeInput();
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArrayView> blocks = fd::fuzz::splitOn(input, "\n%%%%\n");
    {
        InputRun run(*g_harness);
        int requests = 0;
        for (const QByteArrayView block : blocks) {
            if (requests >= MaxRequestsPerInput)
                break;
            const auto request = parseBlock(block, *g_harness);
            if (!request)
                continue;
            ++requests;
            run.run(*request);
        }
        run.finishInput();
    }
    // Injected failures and latency end with the input, so that the next one is not judged
    // by a fault it did not ask for.
    g_harness->api().faults() = FaultPlan();
    if (qEnvironmentVariableIsSet("FD_FUZZ_DEBUG"))
        g_harness->printState();
    return 0;
}
