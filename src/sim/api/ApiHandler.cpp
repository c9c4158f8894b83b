#include "sim/api/ApiHandler.h"

#include "sim/api/LogStore.h"
#include "sim/api/PodLogHandler.h"
#include "sim/api/PublishedDocuments.h"
#include "sim/api/WatchStream.h"
#include "sim/auth/Authenticator.h"
#include "sim/auth/AuthStatus.h"
#include "sim/auth/RbacAuthorizer.h"
#include "sim/codec/KubeProtobuf.h"
#include "sim/codec/Selectors.h"
#include "sim/codec/YamlJson.h"
#include "sim/schema/OpenApiV2.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace fd::sim {

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");

QString continueToken(quint64 resourceVersion, const QString &lastKey)
{
    const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("rv"), QString::number(resourceVersion)},
                            {QStringLiteral("start"), lastKey + QChar(0)}};
    return QString::fromLatin1(QJsonDocument(token).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding));
}

bool parseContinueToken(const QString &token, quint64 *resourceVersion, QString *startAfter)
{
    const QByteArray decoded = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonObject object = QJsonDocument::fromJson(decoded).object();
    bool ok = false;
    *resourceVersion = object.value(QLatin1String("rv")).toString().toULongLong(&ok);
    QString start = object.value(QLatin1String("start")).toString();
    if (start.endsWith(QChar(0)))
        start.chop(1);
    *startAfter = start;
    return ok && !start.isEmpty();
}

std::optional<QString> fieldValue(const ResourceType &type, const QJsonObject &object, const QString &field)
{
    if (field == QLatin1String("metadata.name"))
        return object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    if (field == QLatin1String("metadata.namespace"))
        return object.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace")).toString();
    if (!type.selectableFields.contains(field))
        return std::nullopt;
    QJsonValue value = object;
    for (const QString &part : field.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

bool truthy(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1");
}

} // namespace

ApiHandler::ApiHandler(ObjectService *objects, Authenticator *authenticator, RbacAuthorizer *authorizer,
                       LogStore *logs, QObject *parent)
    : QObject(parent), m_objects(objects), m_authenticator(authenticator), m_authorizer(authorizer), m_logs(logs),
      m_documents(std::make_unique<PublishedDocuments>(objects->catalog()))
{
}

ApiHandler::~ApiHandler()
{
    const auto watches = m_watches;
    for (WatchStream *watch : watches)
        watch->stop();
}

int ApiHandler::dropWatches()
{
    const auto watches = m_watches;
    for (WatchStream *watch : watches)
        watch->drop();
    return static_cast<int>(watches.size());
}

int ApiHandler::dropLogStreams()
{
    const auto streams = m_logStreams;
    for (PodLogStream *stream : streams)
        stream->drop();
    return static_cast<int>(streams.size());
}

void ApiHandler::handle(const HttpRequest &request, HttpResponder *responder)
{
    ++m_requests;
    if (m_faults.latencyMs > 0 && !request.path.startsWith(QLatin1String("/_sim"))) {
        QPointer<HttpResponder> guard(responder);
        QTimer::singleShot(m_faults.latencyMs, this, [this, request, guard] {
            if (guard && guard->isOpen())
                process(request, guard);
        });
        return;
    }
    process(request, responder);
}

void ApiHandler::process(const HttpRequest &request, HttpResponder *responder)
{
    if (request.path.startsWith(QLatin1String("/_sim/"))) {
        handleSimAdmin(request, responder);
        return;
    }
    if (m_faults.failNextRequests > 0
        && (m_faults.failOnlyPathContaining.isEmpty() || request.target.contains(m_faults.failOnlyPathContaining.toUtf8()))) {
        --m_faults.failNextRequests;
        if (m_faults.failStatus == 429) {
            sendError(responder, ApiError::tooManyRequests(m_faults.retryAfterSeconds));
        } else {
            ApiError error = ApiError::internal(QStringLiteral("injected failure"));
            error.code = m_faults.failStatus;
            if (m_faults.failStatus == 503) {
                error.reason = QStringLiteral("ServiceUnavailable");
                error.retryAfterSeconds = m_faults.retryAfterSeconds;
            }
            sendError(responder, error);
        }
        return;
    }
    if (handleNonResource(request, responder))
        return;

    auto user = m_authenticator->authenticate(request.header("authorization"), request.peerCertificates);
    if (!user && m_cleartextIsAdmin && !request.overTls && user.error().cause == AuthFailure::Cause::NoCredentials) {
        processApi(request, responder,
                   UserInfo{QStringLiteral("system:unsecured"), {},
                            {QStringLiteral("system:masters"), QStringLiteral("system:authenticated")}, {}});
        return;
    }
    if (!user) {
        sendError(responder, ApiError::unauthorized());
        return;
    }
    processApi(request, responder, *user);
}

bool ApiHandler::handleNonResource(const HttpRequest &request, HttpResponder *responder)
{
    const QString &path = request.path;
    if (path == QLatin1String("/version") || path == QLatin1String("/version/")) {
        const QString minor = m_gitVersion.section(QLatin1Char('.'), 1, 1);
        sendJson(responder, 200, QJsonObject{
            {QStringLiteral("major"), QStringLiteral("1")},
            {QStringLiteral("minor"), minor},
            {QStringLiteral("gitVersion"), m_gitVersion},
            {QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000")},
            {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
            {QStringLiteral("buildDate"), QStringLiteral("2026-01-01T00:00:00Z")},
            {QStringLiteral("goVersion"), QStringLiteral("go1.24.0")},
            {QStringLiteral("compiler"), QStringLiteral("gc")},
            {QStringLiteral("platform"), QStringLiteral("linux/amd64")},
            {QStringLiteral("emulator"), QStringLiteral("fission-desk-sim")},
        }, request);
        return true;
    }
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") || path == QLatin1String("/readyz")) {
        responder->respond(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain; charset=utf-8")}},
                           QByteArrayLiteral("ok"));
        return true;
    }
    if (path == QLatin1String("/openapi/v2")) {
        // The emulator publishes OpenAPI v3 only, so v2 is NotFound, except to the clients that
        // ask for it as protobuf: kubectl 1.27/1.28 fetch v2 before every apply/create/explain
        // and fail without it; newer clients read it only when v3 fails. An empty (but valid)
        // document satisfies the former and keeps every client validating against v3.
        if (!OpenApiV2::acceptsDocument(request.header("accept"))) {
            sendError(responder, ApiError::notFound({}, {}, {}));
            return true;
        }
        responder->respond(200, {{QByteArrayLiteral("content-type"), OpenApiV2::contentType()}},
                           OpenApiV2::emptyDocument(m_gitVersion.toLatin1()));
        return true;
    }
    if (path == QLatin1String("/openapi/v3") || path.startsWith(QLatin1String("/openapi/v3/"))) {
        const auto document = m_documents->openApi(path.mid(int(qstrlen("/openapi/v3"))));
        if (!document) {
            sendError(responder, ApiError::notFound({}, {}, {}));
            return true;
        }
        responder->respond(document->status, {{QByteArrayLiteral("content-type"), document->contentType},
                                              {QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache, private")}},
                           document->body);
        return true;
    }
    if (path == QLatin1String("/api") || path == QLatin1String("/apis") || path == QLatin1String("/api/")
        || path == QLatin1String("/apis/")) {
        const DocumentReply reply = m_documents->rootDiscovery(path.startsWith(QLatin1String("/apis")),
                                                               request.header("accept"));
        responder->respond(reply.status, {{QByteArrayLiteral("content-type"), reply.contentType},
                                          {QByteArrayLiteral("vary"), QByteArrayLiteral("Accept")}}, reply.body);
        return true;
    }
    return false;
}

void ApiHandler::handleSimAdmin(const HttpRequest &request, HttpResponder *responder)
{
    if (request.path != QLatin1String("/_sim/faults")) {
        sendError(responder, ApiError::notFound({}, {}, {}));
        return;
    }
    if (request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QJsonObject done;
        if (body.value(QLatin1String("dropWatches")).toBool())
            done.insert(QStringLiteral("droppedWatches"), dropWatches());
        if (body.value(QLatin1String("dropLogStreams")).toBool())
            done.insert(QStringLiteral("droppedLogStreams"), dropLogStreams());
        if (body.value(QLatin1String("compact")).toBool()) {
            m_objects->store()->compact();
            done.insert(QStringLiteral("compactedThrough"), QString::number(m_objects->store()->compactedThrough()));
        }
        if (body.contains(QLatin1String("failNextRequests"))) {
            m_faults.failNextRequests = body.value(QLatin1String("failNextRequests")).toInt();
            m_faults.failStatus = body.value(QLatin1String("failStatus")).toInt(500);
            m_faults.retryAfterSeconds = body.value(QLatin1String("retryAfterSeconds")).toInt(1);
            m_faults.failOnlyPathContaining = body.value(QLatin1String("failOnlyPathContaining")).toString();
        }
        if (body.contains(QLatin1String("latencyMs")))
            m_faults.latencyMs = body.value(QLatin1String("latencyMs")).toInt();
        if (body.contains(QLatin1String("bookmarkIntervalMs")))
            m_faults.bookmarkIntervalMs = body.value(QLatin1String("bookmarkIntervalMs")).toInt();
        if (body.contains(QLatin1String("expireToken"))) {
            const bool expired = m_authenticator->expireToken(body.value(QLatin1String("expireToken")).toString());
            done.insert(QStringLiteral("tokenExpired"), expired);
        }
        QJsonObject reply = m_faults.toJson();
        reply.insert(QStringLiteral("done"), done);
        sendJson(responder, 200, reply, request);
        return;
    }
    QJsonObject reply = m_faults.toJson();
    reply.insert(QStringLiteral("openWatches"), openWatchCount());
    reply.insert(QStringLiteral("resourceVersion"), QString::number(m_objects->store()->currentResourceVersion()));
    sendJson(responder, 200, reply, request);
}

void ApiHandler::processApi(const HttpRequest &request, HttpResponder *responder, const UserInfo &user)
{
    const RequestInfo info = RequestInfo::parse(request.method, request.path, truthy(request.queryValue(QStringLiteral("watch"))));

    RequestAttributes attributes;
    attributes.resourceRequest = info.isResourceRequest;
    attributes.verb = info.verb;
    attributes.apiGroup = info.group;
    attributes.apiVersion = info.version;
    attributes.resource = info.resource;
    attributes.subresource = info.subresource;
    attributes.namespaceName = info.namespaceName;
    attributes.name = info.name;
    attributes.path = request.path;
    if (!info.isResourceRequest) {
        // Discovery of a group or group-version.
        if (info.apiPrefix.isEmpty()) {
            sendError(responder, ApiError::notFound({}, {}, {}));
            return;
        }
        const auto decision = m_authorizer->authorize(user, attributes);
        if (!decision.allowed) {
            sendError(responder, ApiError::forbidden(forbiddenMessage(user, attributes, decision.reason)));
            return;
        }
        const auto document = m_documents->groupDiscovery(info.apiPrefix == QLatin1String("api"), info.group,
                                                          info.version, request.header("accept"));
        if (!document) {
            sendError(responder, ApiError::notFound({}, {}, {}));
            return;
        }
        responder->respond(document->status, {{QByteArrayLiteral("content-type"), document->contentType},
                                              {QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache, private")}},
                           document->body);
        return;
    }

    const auto type = m_objects->catalog()->find(info.group, info.version, info.resource);
    if (!type) {
        sendError(responder, ApiError::notFound({}, {}, {}));
        return;
    }
    if (!type->namespaced)
        attributes.namespaceName = info.resource == QLatin1String("namespaces") ? info.name : QString();
    if (type->namespaced && info.namespaceName.isEmpty() && !info.name.isEmpty()) {
        sendError(responder, ApiError::notFound({}, {}, {}));
        return;
    }
    const auto decision = m_authorizer->authorize(user, attributes);
    if (!decision.allowed) {
        sendError(responder, ApiError::forbidden(forbiddenMessage(user, attributes, decision.reason), type->group,
                                                 type->plural, info.name));
        return;
    }

    const QString &verb = info.verb;
    const QString &sub = info.subresource;
    if (!sub.isEmpty() && sub != QLatin1String("status") && sub != QLatin1String("scale")
        && sub != QLatin1String("finalize")) {
        if (sub == QLatin1String("log") && type->plural == QLatin1String("pods") && verb == QLatin1String("get")) {
            serveLog(info, request, responder);
            return;
        }
        if (sub == QLatin1String("proxy") && type->plural == QLatin1String("services")) {
            serveProxy(info, request, responder);
            return;
        }
        sendError(responder, ApiError::methodNotAllowed(
            QStringLiteral("the server does not allow this method on the requested resource (%1 %2/%3)")
                .arg(QString::fromLatin1(request.method), type->plural, sub)));
        return;
    }
    if (verb == QLatin1String("get")) {
        serveGet(*type, info, request, responder);
    } else if (verb == QLatin1String("list")) {
        if (!type->allows(verb)) {
            sendError(responder, ApiError::methodNotAllowed(QStringLiteral("the server does not allow this method on the requested resource")));
            return;
        }
        serveList(*type, info, request, responder);
    } else if (verb == QLatin1String("watch")) {
        serveWatch(*type, info, request, responder);
    } else if (verb == QLatin1String("create")) {
        serveCreate(*type, info, request, responder, user);
    } else if (verb == QLatin1String("update")) {
        serveUpdate(*type, info, request, responder);
    } else if (verb == QLatin1String("patch")) {
        servePatch(*type, info, request, responder);
    } else if (verb == QLatin1String("delete")) {
        serveDelete(*type, info, request, responder);
    } else if (verb == QLatin1String("deletecollection")) {
        serveDeleteCollection(*type, info, request, responder);
    } else {
        sendError(responder, ApiError::methodNotAllowed(QStringLiteral("the server does not allow this method on the requested resource")));
    }
}

Expected<std::function<bool(const QJsonObject &)>, ApiError> ApiHandler::buildFilter(const ResourceType &type,
                                                                                     const HttpRequest &request) const
{
    auto labels = LabelSelector::parse(request.queryValue(QStringLiteral("labelSelector")));
    if (!labels)
        return Unexpected(ApiError::badRequest(QStringLiteral("unable to parse requirement: %1").arg(labels.error())));
    auto fields = FieldSelector::parse(request.queryValue(QStringLiteral("fieldSelector")));
    if (!fields)
        return Unexpected(ApiError::badRequest(fields.error()));
    const QJsonObject probe;
    for (const QString &field : fields->requiredFields()) {
        if (field != QLatin1String("metadata.name") && field != QLatin1String("metadata.namespace")
            && !type.selectableFields.contains(field)) {
            return Unexpected(ApiError::badRequest(
                QStringLiteral("field label not supported: %1").arg(field)));
        }
    }
    LabelSelector labelSelector = *labels;
    FieldSelector fieldSelector = *fields;
    return std::function<bool(const QJsonObject &)>([labelSelector, fieldSelector, type](const QJsonObject &object) {
        if (!labelSelector.isEverything()
            && !labelSelector.matches(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject()))
            return false;
        return fieldSelector.matches([&](const QString &field) { return fieldValue(type, object, field); });
    });
}

void ApiHandler::serveGet(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                          HttpResponder *responder)
{
    const QString ns = type.namespaced ? info.namespaceName : QString();
    const ObjectRef object = m_objects->get(type, ns, info.name);
    if (!object) {
        sendError(responder, ApiError::notFound(type.group, type.plural, info.name));
        return;
    }
    if (info.subresource == QLatin1String("scale")) {
        const QJsonObject spec = object->object.value(QLatin1String("spec")).toObject();
        const QJsonObject status = object->object.value(QLatin1String("status")).toObject();
        QJsonObject metadata = metadataOf(object->object);
        for (const char *field : {"labels", "annotations", "managedFields", "ownerReferences", "finalizers", "generation"})
            metadata.remove(QLatin1String(field));
        sendJson(responder, 200, QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("Scale")},
            {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
            {QStringLiteral("metadata"), metadata},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), spec.value(QLatin1String("replicas")).toInt(1)}}},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), status.value(QLatin1String("replicas")).toInt()},
                                                   {QStringLiteral("selector"), QString()}}},
        }, request);
        return;
    }
    sendObject(responder, 200, object, type, request);
}

void ApiHandler::serveList(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                           HttpResponder *responder)
{
    auto filter = buildFilter(type, request);
    if (!filter) {
        sendError(responder, filter.error());
        return;
    }
    ObjectStore *store = m_objects->store();
    const QString ns = type.namespaced ? info.namespaceName : QString();
    const int limit = qMax(0, request.queryValue(QStringLiteral("limit")).toInt());
    const QString continueParam = request.queryValue(QStringLiteral("continue"));
    const QString rvParam = request.queryValue(QStringLiteral("resourceVersion"));
    const QString rvMatch = request.queryValue(QStringLiteral("resourceVersionMatch"));

    quint64 snapshotRv = store->currentResourceVersion();
    QString startAfter;
    bool exact = false;
    if (!continueParam.isEmpty()) {
        if (!rvParam.isEmpty() && rvParam != QLatin1String("0")) {
            sendError(responder, ApiError::badRequest(QStringLiteral("specifying resource version is not allowed when using continue")));
            return;
        }
        if (!parseContinueToken(continueParam, &snapshotRv, &startAfter)) {
            sendError(responder, ApiError::badRequest(QStringLiteral("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")));
            return;
        }
        exact = true;
    } else if (!rvMatch.isEmpty()) {
        if (rvMatch != QLatin1String("Exact") && rvMatch != QLatin1String("NotOlderThan")) {
            sendError(responder, ApiError::badRequest(QStringLiteral("resourceVersionMatch: Unsupported value: \"%1\"").arg(rvMatch)));
            return;
        }
        if (rvParam.isEmpty() || (rvMatch == QLatin1String("Exact") && rvParam == QLatin1String("0"))) {
            sendError(responder, ApiError::invalid(QStringLiteral("meta.k8s.io"), QStringLiteral("ListOptions"), {},
                                                   {{QStringLiteral("FieldValueForbidden"),
                                                     QStringLiteral("Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided"),
                                                     QStringLiteral("resourceVersionMatch")}}));
            return;
        }
        exact = rvMatch == QLatin1String("Exact");
    } else if (limit > 0 && !rvParam.isEmpty() && rvParam != QLatin1String("0")) {
        exact = true; // legacy: limit with an RV means exactly that RV
    }
    if (!continueParam.isEmpty()) {
        // snapshotRv came from the token.
    } else if (!rvParam.isEmpty() && rvParam != QLatin1String("0")) {
        bool ok = false;
        const quint64 requested = rvParam.toULongLong(&ok);
        if (!ok) {
            sendError(responder, ApiError::badRequest(QStringLiteral("invalid resource version: %1").arg(rvParam)));
            return;
        }
        if (requested > store->currentResourceVersion()) {
            sendError(responder, ApiError::timeout(QStringLiteral("Too large resource version: %1, current: %2")
                                                       .arg(requested).arg(store->currentResourceVersion()),
                                                   QStringLiteral("ResourceVersionTooLarge")));
            return;
        }
        if (exact)
            snapshotRv = requested;
    }

    bool more = false;
    QList<ObjectRef> items;
    QString lastKey;
    const bool filtering = !request.queryValue(QStringLiteral("labelSelector")).isEmpty()
        || !request.queryValue(QStringLiteral("fieldSelector")).isEmpty();
    QString cursor = startAfter;
    // Page through the snapshot; with selectors keep reading until the page is full.
    while (true) {
        bool pageMore = false;
        const auto snapshot = store->snapshotAt(type.storageKey(), snapshotRv, ns, cursor,
                                                limit > 0 ? (filtering ? limit * 4 + 16 : limit) : 0, &pageMore);
        if (!snapshot) {
            if (!continueParam.isEmpty()) {
                ApiError gone = ApiError::gone(QStringLiteral("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."));
                sendError(responder, gone);
            } else {
                sendError(responder, ApiError::gone(QStringLiteral("too old resource version: %1 (%2)")
                                                        .arg(snapshotRv).arg(store->compactedThrough() + 1)));
            }
            return;
        }
        for (auto it = snapshot->begin(); it != snapshot->end(); ++it) {
            cursor = it->first;
            if (!(*filter)(it->second->object))
                continue;
            if (limit > 0 && items.size() >= limit) {
                more = true;
                break;
            }
            items.append(it->second);
            lastKey = it->first;
        }
        if (more || !pageMore || limit == 0)
            break;
        if (items.size() >= limit) {
            more = true;
            break;
        }
    }

    QByteArray body;
    body.reserve(4096);
    body += "{\"kind\":\"" + type.listKind().toUtf8() + "\",\"apiVersion\":\"" + type.groupVersion().toUtf8()
        + "\",\"metadata\":{\"resourceVersion\":\"" + QByteArray::number(snapshotRv) + "\"";
    if (more) {
        body += ",\"continue\":\"" + continueToken(snapshotRv, lastKey).toLatin1() + "\"";
        if (!filtering) {
            bool ignored = false;
            const auto rest = store->snapshotAt(type.storageKey(), snapshotRv, ns, lastKey, 0, &ignored);
            if (rest)
                body += ",\"remainingItemCount\":" + QByteArray::number(static_cast<qint64>(rest->size()));
        }
    }
    body += "},\"items\":[";
    bool first = true;
    for (const ObjectRef &item : std::as_const(items)) {
        if (!first)
            body += ',';
        first = false;
        if (item->object.value(QLatin1String("apiVersion")).toString() == type.groupVersion())
            body += item->json;
        else
            body += compactJson(ObjectService::forVersion(item, type));
    }
    body += "]}";
    sendRaw(responder, 200, body, request);
}

void ApiHandler::serveWatch(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                            HttpResponder *responder)
{
    auto filter = buildFilter(type, request);
    if (!filter) {
        sendError(responder, filter.error());
        return;
    }
    WatchOptions options;
    const QString rv = request.queryValue(QStringLiteral("resourceVersion"));
    options.sendInitialEvents = truthy(request.queryValue(QStringLiteral("sendInitialEvents")));
    options.allowBookmarks = truthy(request.queryValue(QStringLiteral("allowWatchBookmarks")));
    options.timeoutSeconds = request.queryValue(QStringLiteral("timeoutSeconds")).toInt();
    options.bookmarkIntervalMs = m_faults.bookmarkIntervalMs;
    if (options.sendInitialEvents) {
        if (request.queryValue(QStringLiteral("resourceVersionMatch")) != QLatin1String("NotOlderThan")) {
            sendError(responder, ApiError::invalid(QStringLiteral("meta.k8s.io"), QStringLiteral("ListOptions"), {},
                                                   {{QStringLiteral("FieldValueForbidden"),
                                                     QStringLiteral("Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled and resourceVersionMatch is set to NotOlderThan"),
                                                     QStringLiteral("sendInitialEvents")}}));
            return;
        }
        if (!options.allowBookmarks) {
            sendError(responder, ApiError::invalid(QStringLiteral("meta.k8s.io"), QStringLiteral("ListOptions"), {},
                                                   {{QStringLiteral("FieldValueForbidden"),
                                                     QStringLiteral("Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true"),
                                                     QStringLiteral("allowWatchBookmarks")}}));
            return;
        }
    }
    if (!rv.isEmpty() && rv != QLatin1String("0") && !options.sendInitialEvents) {
        bool ok = false;
        options.resourceVersion = rv.toULongLong(&ok);
        if (!ok) {
            sendError(responder, ApiError::badRequest(QStringLiteral("invalid resource version: %1").arg(rv)));
            return;
        }
        options.resourceVersionSet = true;
        if (options.resourceVersion < m_objects->store()->compactedThrough()) {
            // As the apiserver: an HTTP 410 for a watch that cannot start at all.
            sendError(responder, ApiError::gone(QStringLiteral("too old resource version: %1 (%2)")
                                                    .arg(options.resourceVersion)
                                                    .arg(m_objects->store()->compactedThrough() + 1)));
            return;
        }
    }
    auto *watch = new WatchStream(m_objects->store(), type, type.namespaced ? info.namespaceName : QString(),
                                  *filter, options, responder, this);
    m_watches.insert(watch);
    connect(watch, &WatchStream::finished, this, [this, watch] { m_watches.remove(watch); });
    watch->start();
}

Expected<QJsonObject, ApiError> ApiHandler::decodeBody(const HttpRequest &request) const
{
    const QByteArray contentType = request.header("content-type").split(';').value(0).trimmed().toLower();
    if (contentType == "application/vnd.kubernetes.protobuf") {
        auto decoded = decodeKubeProtobuf(request.body);
        if (!decoded)
            return Unexpected(ApiError::unsupportedMediaType(decoded.error()));
        return *decoded;
    }
    if (contentType == "application/yaml") {
        auto decoded = yamlToJson(request.body);
        if (!decoded)
            return Unexpected(ApiError::badRequest(QStringLiteral("error decoding YAML: %1").arg(decoded.error())));
        if (!decoded->isObject())
            return Unexpected(ApiError::badRequest(QStringLiteral("error decoding YAML: the body must be an object")));
        return decoded->toObject();
    }
    if (!contentType.isEmpty() && contentType != "application/json" && contentType != "*/*") {
        return Unexpected(ApiError::unsupportedMediaType(
            QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                           "application/json, application/yaml, application/vnd.kubernetes.protobuf")));
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        return Unexpected(ApiError::badRequest(
            QStringLiteral("error decoding JSON at offset %1: %2").arg(error.offset).arg(error.errorString())));
    }
    if (!document.isObject())
        return Unexpected(ApiError::badRequest(QStringLiteral("the body of the request must be a JSON object")));
    return document.object();
}

WriteOptions ApiHandler::writeOptions(const HttpRequest &request) const
{
    WriteOptions options;
    options.dryRun = request.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
    options.fieldManager = request.queryValue(QStringLiteral("fieldManager"));
    if (options.fieldManager.isEmpty() && !request.header("content-type").startsWith("application/apply-patch"))
        options.fieldManager = ObjectService::managerFromUserAgent(request.header("user-agent"));
    options.fieldValidation = request.queryValue(QStringLiteral("fieldValidation"));
    options.force = truthy(request.queryValue(QStringLiteral("force")));
    return options;
}

void ApiHandler::serveCreate(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                             HttpResponder *responder, const UserInfo &user)
{
    if (!info.name.isEmpty() && info.subresource.isEmpty()) {
        sendError(responder, ApiError::methodNotAllowed(QStringLiteral("the server does not allow this method on the requested resource")));
        return;
    }
    auto body = decodeBody(request);
    if (!body) {
        sendError(responder, body.error());
        return;
    }
    if (!type.allows(QStringLiteral("list"))) {
        serveReview(type, info, *body, responder, user);
        return;
    }
    const QString dryRun = request.queryValue(QStringLiteral("dryRun"));
    if (!dryRun.isEmpty() && dryRun != QLatin1String("All")) {
        sendError(responder, ApiError::badRequest(QStringLiteral("dryRun: Unsupported value: \"%1\": supported values: \"All\"").arg(dryRun)));
        return;
    }
    auto result = m_objects->create(type, info.namespaceName, *body, writeOptions(request));
    if (!result) {
        sendError(responder, result.error());
        return;
    }
    sendObject(responder, 201, result->object, type, request, result->warnings);
}

void ApiHandler::serveUpdate(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                             HttpResponder *responder)
{
    auto body = decodeBody(request);
    if (!body) {
        sendError(responder, body.error());
        return;
    }
    WriteOptions options = writeOptions(request);
    options.subresource = info.subresource;
    const QString ns = type.namespaced ? info.namespaceName : QString();
    auto result = m_objects->update(type, ns, info.name, *body, options);
    if (!result) {
        sendError(responder, result.error());
        return;
    }
    sendObject(responder, 200, result->object, type, request, result->warnings);
}

void ApiHandler::servePatch(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                            HttpResponder *responder)
{
    WriteOptions options = writeOptions(request);
    options.subresource = info.subresource;
    const QString ns = type.namespaced ? info.namespaceName : QString();
    auto result = m_objects->patch(type, ns, info.name, request.header("content-type"), request.body, options);
    if (!result) {
        sendError(responder, result.error());
        return;
    }
    sendObject(responder, result->created ? 201 : 200, result->object, type, request, result->warnings);
}

void ApiHandler::serveDelete(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                             HttpResponder *responder)
{
    DeleteOptions options;
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        auto decoded = decodeBody(request);
        if (!decoded) {
            sendError(responder, decoded.error());
            return;
        }
        body = *decoded;
    }
    options.propagationPolicy = body.value(QLatin1String("propagationPolicy")).toString(
        request.queryValue(QStringLiteral("propagationPolicy")));
    if (body.value(QLatin1String("orphanDependents")).toBool())
        options.propagationPolicy = QStringLiteral("Orphan");
    if (body.contains(QLatin1String("gracePeriodSeconds")))
        options.gracePeriodSeconds = body.value(QLatin1String("gracePeriodSeconds")).toInteger();
    else if (request.hasQuery(QStringLiteral("gracePeriodSeconds")))
        options.gracePeriodSeconds = request.queryValue(QStringLiteral("gracePeriodSeconds")).toLongLong();
    const QJsonObject preconditions = body.value(QLatin1String("preconditions")).toObject();
    options.preconditionUid = preconditions.value(QLatin1String("uid")).toString();
    options.preconditionResourceVersion = preconditions.value(QLatin1String("resourceVersion")).toString();
    const QJsonArray dryRun = body.value(QLatin1String("dryRun")).toArray();
    options.dryRun = dryRun.contains(QStringLiteral("All")) || request.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
    if (!options.propagationPolicy.isEmpty() && options.propagationPolicy != QLatin1String("Background")
        && options.propagationPolicy != QLatin1String("Foreground") && options.propagationPolicy != QLatin1String("Orphan")) {
        sendError(responder, ApiError::invalid(QStringLiteral("meta.k8s.io"), QStringLiteral("DeleteOptions"), {},
                                               {{QStringLiteral("FieldValueNotSupported"),
                                                 QStringLiteral("Unsupported value: \"%1\": supported values: \"Foreground\", \"Background\", \"Orphan\"").arg(options.propagationPolicy),
                                                 QStringLiteral("propagationPolicy")}}));
        return;
    }
    const QString ns = type.namespaced ? info.namespaceName : QString();
    auto result = m_objects->remove(type, ns, info.name, options);
    if (!result) {
        sendError(responder, result.error());
        return;
    }
    const int status = result->deletionPending ? 202 : 200;
    // Like the apiserver's registries: pods, namespaces and custom resources answer with the
    // object; other kinds with a Success Status once they are gone.
    const bool returnsObject = result->deletionPending || type.custom || type.plural == QLatin1String("pods")
        || type.plural == QLatin1String("namespaces");
    if (returnsObject) {
        sendObject(responder, status, result->object, type, request);
        return;
    }
    sendJson(responder, status, QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Success")},
        {QStringLiteral("details"), QJsonObject{{QStringLiteral("name"), info.name},
                                                {QStringLiteral("group"), type.group},
                                                {QStringLiteral("kind"), type.plural},
                                                {QStringLiteral("uid"), uidOf(result->object->object)}}},
    }, request);
}

void ApiHandler::serveDeleteCollection(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                                       HttpResponder *responder)
{
    auto filter = buildFilter(type, request);
    if (!filter) {
        sendError(responder, filter.error());
        return;
    }
    const QString ns = type.namespaced ? info.namespaceName : QString();
    QJsonArray deleted;
    DeleteOptions options;
    options.dryRun = request.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
    options.propagationPolicy = request.queryValue(QStringLiteral("propagationPolicy"));
    for (const ObjectRef &object : m_objects->store()->list(type.storageKey(), ns)) {
        if (!(*filter)(object->object))
            continue;
        auto result = m_objects->remove(type, namespaceOf(object->object), nameOf(object->object), options);
        if (result)
            deleted.append(ObjectService::forVersion(result->object, type));
    }
    sendJson(responder, 200, QJsonObject{
        {QStringLiteral("kind"), type.listKind()},
        {QStringLiteral("apiVersion"), type.groupVersion()},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"),
                                                  QString::number(m_objects->store()->currentResourceVersion())}}},
        {QStringLiteral("items"), deleted},
    }, request);
}

void ApiHandler::sendJson(HttpResponder *responder, int status, const QJsonObject &object, const HttpRequest &request)
{
    sendRaw(responder, status, compactJson(object), request);
}

void ApiHandler::sendRaw(HttpResponder *responder, int status, const QByteArray &json, const HttpRequest &request)
{
    const QByteArray accept = request.header("accept");
    const bool wantsYaml = accept.startsWith("application/yaml");
    HttpHeaders headers{{QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache, private")}};
    if (wantsYaml) {
        headers.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/yaml")});
        responder->respond(status, headers, jsonToYaml(QJsonDocument::fromJson(json).object()));
        return;
    }
    headers.append({QByteArrayLiteral("content-type"), kJson});
    responder->respond(status, headers, json);
}

void ApiHandler::sendObject(HttpResponder *responder, int status, const ObjectRef &object, const ResourceType &type,
                            const HttpRequest &request, const QStringList &warnings)
{
    HttpHeaders headers{{QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache, private")},
                        {QByteArrayLiteral("content-type"), kJson}};
    for (const QString &warning : warnings)
        headers.append({QByteArrayLiteral("warning"), QByteArrayLiteral("299 - \"") + warning.toUtf8().replace('"', "\\\"") + '"'});
    const bool sameVersion = object->object.value(QLatin1String("apiVersion")).toString() == type.groupVersion();
    const QByteArray body = sameVersion && !object->json.isEmpty() ? object->json
                                                                   : compactJson(ObjectService::forVersion(object, type));
    if (request.header("accept").startsWith("application/yaml")) {
        headers.last().second = QByteArrayLiteral("application/yaml");
        responder->respond(status, headers, jsonToYaml(QJsonDocument::fromJson(body).object()));
        return;
    }
    responder->respond(status, headers, body);
}

void ApiHandler::sendError(HttpResponder *responder, const ApiError &error)
{
    HttpHeaders headers{{QByteArrayLiteral("content-type"), kJson},
                        {QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache, private")}};
    if (error.retryAfterSeconds > 0)
        headers.append({QByteArrayLiteral("retry-after"), QByteArray::number(error.retryAfterSeconds)});
    responder->respond(error.code, headers, compactJson(error.toStatus()));
}

} // namespace fd::sim

#include "moc_ApiHandler.cpp"
