#include "sim/fission/StorageService.h"

#include "sim/fission/ComponentInstance.h"
#include "sim/fission/ControlPlaneView.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace fd::sim::fission {

namespace {

HttpHeaders plainTextHeaders()
{
    return {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain; charset=utf-8")}};
}

// The `name="…"` parameter of a Content-Disposition header value.
QByteArray dispositionName(const QByteArray &value)
{
    for (const QByteArray &raw : value.split(';')) {
        const QByteArray item = raw.trimmed();
        if (item.startsWith("name=")) {
            QByteArray name = item.mid(5);
            if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
                name = name.mid(1, name.size() - 2);
            return name;
        }
    }
    return {};
}

} // namespace

std::optional<QByteArray> multipartField(const QByteArray &contentType, const QByteArray &body, const QByteArray &field)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return std::nullopt;
    QByteArray boundary;
    for (const QByteArray &raw : contentType.split(';')) {
        const QByteArray item = raw.trimmed();
        if (item.toLower().startsWith("boundary=")) {
            boundary = item.mid(9);
            if (boundary.size() >= 2 && boundary.startsWith('"') && boundary.endsWith('"'))
                boundary = boundary.mid(1, boundary.size() - 2);
        }
    }
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        qsizetype partStart = at + delimiter.size();
        if (body.mid(partStart, 2) == "--")
            return std::nullopt; // the closing delimiter
        if (body.mid(partStart, 2) == "\r\n")
            partStart += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", partStart);
        if (headersEnd < 0)
            return std::nullopt;
        const qsizetype next = body.indexOf("\r\n" + delimiter, headersEnd + 4);
        if (next < 0)
            return std::nullopt;
        QByteArray name;
        for (const QByteArray &line : body.mid(partStart, headersEnd - partStart).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-disposition")
                name = dispositionName(line.mid(colon + 1).trimmed());
        }
        if (name == field)
            return body.mid(headersEnd + 4, next - (headersEnd + 4));
        at = next + 2;
    }
    return std::nullopt;
}

StorageService::StorageService(ControlPlaneView *view, QObject *parent) : QObject(parent), m_view(view) {}

QString StorageService::store(const QByteArray &archive)
{
    // storagesvc's local backend: a container "fission-functions" under /fission, a UUID name.
    const QString id = u"/fission/fission-functions/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_archives.insert(id, archive);
    return id;
}

std::optional<QByteArray> StorageService::archive(const QString &id) const
{
    const auto it = m_archives.constFind(id);
    if (it == m_archives.cend())
        return std::nullopt;
    return *it;
}

bool StorageService::remove(const QString &id)
{
    return m_archives.remove(id) > 0;
}

std::optional<QString> StorageService::idFromUrl(const QString &url, const QString &releaseNamespace)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.path() != "/v1/archive"_L1)
        return std::nullopt;
    const QString host = parsed.host();
    const QString service = u"storagesvc."_s + releaseNamespace;
    if (host != service && !host.startsWith(service + u"."_s))
        return std::nullopt;
    const QUrlQuery query(parsed);
    if (!query.hasQueryItem(u"id"_s))
        return std::nullopt;
    return query.queryItemValue(u"id"_s, QUrl::FullyDecoded);
}

bool StorageService::serve(const QString &namespaceName, const QString &service, const QString &port,
                           const HttpRequest &request, const QString &path, HttpResponder *responder)
{
    const ComponentInstance storage = m_view->instance(Component::StorageSvc);
    if (!storage.isActive() || service != "storagesvc"_L1 || namespaceName != storage.namespaceName)
        return false;
    if (!port.isEmpty() && port != "80"_L1)
        return false;
    const QByteArray method = request.method;
    if (path == "/healthz"_L1 && method == "GET") {
        responder->respond(200, {}, {});
        return true;
    }
    if (path != "/v1/archive"_L1) {
        responder->respond(404, plainTextHeaders(), QByteArrayLiteral("404 page not found\n"));
        return true;
    }
    if (method == "POST") {
        const auto file = multipartField(request.header("content-type"), request.body, "uploadfile");
        if (!file) {
            // storagesvc answers a form without the file with 400 and the parser's complaint.
            responder->respond(400, plainTextHeaders(), QByteArrayLiteral("http: no such file\n"));
            return true;
        }
        const QString id = store(*file);
        responder->respond(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}},
                           QJsonDocument(QJsonObject{{u"id"_s, id}}).toJson(QJsonDocument::Compact));
        return true;
    }
    const QString id = request.queryValue(u"id"_s);
    if (method == "GET") {
        if (id.isEmpty()) {
            responder->respond(400, plainTextHeaders(), QByteArrayLiteral("Missing id\n"));
            return true;
        }
        const auto stored = archive(id);
        if (!stored) {
            responder->respond(404, plainTextHeaders(), QByteArrayLiteral("Error retrieving item: not found\n"));
            return true;
        }
        responder->respond(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/octet-stream")}}, *stored);
        return true;
    }
    if (method == "DELETE") {
        if (!remove(id)) {
            responder->respond(404, plainTextHeaders(), QByteArrayLiteral("Error deleting item: not found\n"));
            return true;
        }
        responder->respond(200, {}, {});
        return true;
    }
    responder->respond(405, {}, {});
    return true;
}

} // namespace fd::sim::fission
