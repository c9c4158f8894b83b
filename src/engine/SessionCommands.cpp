#include "engine/SessionCommands.h"

#include "engine/EngineTr.h"
#include "kube/store/Decode.h"
#include "kube/transport/AccessReviewCache.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QUuid>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace fd::engine {

using detail::translate;
using fd::fission::GroupResource;
using fd::kube::ErrorKind;
using fd::kube::KubeError;
using fd::kube::KubeRequest;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

// "Package team-a/inventory-pkg", "Namespace test".
QString describeObject(const QString &kind, const QString &ns, const QString &name)
{
    return ns.isEmpty() ? u"%1 %2"_s.arg(kind, name) : u"%1 %2/%3"_s.arg(kind, ns, name);
}

QString describeObject(const QJsonObject &object)
{
    const QJsonObject meta = metadataOf(object);
    return describeObject(object.value("kind"_L1).toString(), meta.value("namespace"_L1).toString(),
                          meta.value("name"_L1).toString());
}

// "fission.io/v1" → ("fission.io", "v1"); "v1" → ("", "v1").
std::pair<QString, QString> splitApiVersion(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    if (slash < 0)
        return {QString(), apiVersion};
    return {apiVersion.left(slash), apiVersion.mid(slash + 1)};
}

} // namespace

QString objectPath(const fd::kube::ApiResource &resource, const QString &ns, const QString &name)
{
    return resource.collectionPath(resource.namespaced ? ns : QString()) + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QString commandErrorText(const KubeError &error, const QString &what)
{
    switch (error.kind) {
    case ErrorKind::Conflict:
        return translate("fd::engine", "%1 was changed by someone else since it was loaded. Reload it and apply your "
                                       "changes again; your edits are kept.")
            .arg(what);
    case ErrorKind::AlreadyExists:
        return translate("fd::engine", "%1 already exists.").arg(what);
    case ErrorKind::NotFound:
        return translate("fd::engine", "%1 does not exist (any more): %2").arg(what, error.message);
    case ErrorKind::Forbidden:
        return translate("fd::engine", "You are not allowed to change %1: %2").arg(what, error.message);
    case ErrorKind::Unauthorized:
        return translate("fd::engine", "The cluster rejected the credentials while changing %1: %2").arg(what, error.message);
    case ErrorKind::Invalid:
    case ErrorKind::BadRequest:
        return translate("fd::engine", "The cluster refused %1 as invalid: %2").arg(what, error.message);
    default:
        return translate("fd::engine", "Could not change %1: %2").arg(what, error.message);
    }
}

SessionCommands::SessionCommands(fd::kube::KubeSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void SessionCommands::withResource(const GroupResource &gr, const Done &done, ResourceDone next)
{
    m_session->discovery()->resolveResource(
        gr.group, gr.resource, this, [done, next = std::move(next), gr](const Expected<fd::kube::ApiResource, KubeError> &r) {
            if (!r) {
                done(CommandResult::failure(
                    translate("fd::engine", "The cluster does not serve %1: %2").arg(gr.toString(), r.error().message), r.error()));
                return;
            }
            next(*r);
        });
}

void SessionCommands::withKind(const QJsonObject &object, const Done &done, ResourceDone next)
{
    const auto [group, version] = splitApiVersion(object.value("apiVersion"_L1).toString());
    const QString kind = object.value("kind"_L1).toString();
    if (kind.isEmpty() || version.isEmpty() || metadataOf(object).value("name"_L1).toString().isEmpty()) {
        done(CommandResult::failure(translate("fd::engine", "The object needs apiVersion, kind and metadata.name."),
                                    std::nullopt, object));
        return;
    }
    m_session->discovery()->resolveKind(
        group, kind, this,
        [done, next = std::move(next), object, kind](const Expected<fd::kube::ApiResource, KubeError> &r) {
            if (!r) {
                done(CommandResult::failure(translate("fd::engine", "The cluster does not serve the kind %1: %2").arg(kind, r.error().message),
                                            r.error(), object));
                return;
            }
            next(*r);
        },
        version);
}

void SessionCommands::send(const KubeRequest &request, const QString &success, const QString &what,
                           const QJsonObject &userObject, Done done)
{
    m_session->rest()->send(request, this, [done = std::move(done), success, what, userObject](const fd::kube::KubeResult &r) {
        if (!r) {
            done(CommandResult::failure(commandErrorText(r.error(), what), r.error(), userObject));
            return;
        }
        done(CommandResult::success(success, QJsonDocument::fromJson(r->body).object()));
    });
}

void SessionCommands::rebuildPackage(const QString &ns, const QString &name, Done done)
{
    const QString what = describeObject(u"Package"_s, ns, name);
    withResource(fd::fission::kinds::packages().gr, done, [this, ns, name, what, done](const fd::kube::ApiResource &resource) {
        const QString path = objectPath(resource, ns, name);
        m_session->rest()->send(KubeRequest::get(path), this, [this, resource, path, what, done](const fd::kube::KubeResult &r) {
            if (!r) {
                done(CommandResult::failure(commandErrorText(r.error(), what), r.error()));
                return;
            }
            QJsonObject pkg = QJsonDocument::fromJson(r->body).object();
            const QString status = pkg.value("status"_L1).toObject().value("buildstatus"_L1).toString();
            // As `fission package rebuild`: only a failed build is started again.
            if (status != u"failed") {
                done(CommandResult::failure(
                    translate("fd::engine", "%1 is not in failed state (build status \"%2\"): only failed packages are rebuilt.")
                        .arg(what, status),
                    std::nullopt, pkg));
                return;
            }
            pkg.insert(u"status"_s, QJsonObject{{u"buildstatus"_s, u"pending"_s},
                                                {u"lastUpdateTimestamp"_s,
                                                 QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
            // The PUT carries the resourceVersion just read: a concurrent build update answers 409.
            const bool viaStatus = resource.subresources.contains(u"status"_s);
            KubeRequest put = KubeRequest::withBody("PUT", viaStatus ? path + u"/status"_s : path, compact(pkg));
            send(put, translate("fd::engine", "%1: rebuild requested.").arg(what), what, QJsonObject(), done);
        });
    });
}

void SessionCommands::createObject(const QJsonObject &object, Done done, bool dryRun)
{
    withKind(object, done, [this, object, done, dryRun](const fd::kube::ApiResource &resource) {
        const QString ns = metadataOf(object).value("namespace"_L1).toString();
        if (resource.namespaced && ns.isEmpty()) {
            done(CommandResult::failure(translate("fd::engine", "%1 needs a namespace.").arg(describeObject(object)),
                                        std::nullopt, object));
            return;
        }
        const QString what = describeObject(object);
        KubeRequest post = KubeRequest::withBody("POST", resource.collectionPath(resource.namespaced ? ns : QString()), compact(object));
        if (dryRun)
            post.query.addQueryItem(u"dryRun"_s, u"All"_s);
        send(post,
             dryRun ? translate("fd::engine", "%1 passed the cluster's checks (dry run, nothing created).").arg(what)
                    : translate("fd::engine", "%1 created.").arg(what),
             what, object, done);
    });
}

void SessionCommands::replaceObject(const QJsonObject &object, Done done, bool dryRun)
{
    withKind(object, done, [this, object, done, dryRun](const fd::kube::ApiResource &resource) {
        const QJsonObject meta = metadataOf(object);
        const QString what = describeObject(object);
        KubeRequest put = KubeRequest::withBody(
            "PUT", objectPath(resource, meta.value("namespace"_L1).toString(), meta.value("name"_L1).toString()), compact(object));
        if (dryRun)
            put.query.addQueryItem(u"dryRun"_s, u"All"_s);
        send(put,
             dryRun ? translate("fd::engine", "%1 passed the cluster's checks (dry run, nothing saved).").arg(what)
                    : translate("fd::engine", "%1 saved.").arg(what),
             what, object, done);
    });
}

void SessionCommands::deleteObject(const GroupResource &gr, const QString &ns, const QString &name, Done done)
{
    withResource(gr, done, [this, ns, name, done](const fd::kube::ApiResource &resource) {
        const QString what = describeObject(resource.kind, resource.namespaced ? ns : QString(), name);
        KubeRequest request;
        request.verb = "DELETE";
        request.path = objectPath(resource, ns, name);
        send(request, translate("fd::engine", "%1 is being deleted.").arg(what), what, QJsonObject(), done);
    });
}

void SessionCommands::createNamespace(const QString &name, Done done)
{
    createObject(QJsonObject{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s},
                             {u"metadata"_s, QJsonObject{{u"name"_s, name}}}},
                 std::move(done));
}

void SessionCommands::createTenant(const QString &namespaceName, Done done)
{
    // A user-made tenant (no managed-by annotation), named after its namespace as the label sugar
    // names them, so there is one obvious tenant per namespace.
    createObject(QJsonObject{{u"apiVersion"_s, fd::fission::kinds::fissionTenants().apiVersion()},
                             {u"kind"_s, u"FissionTenant"_s},
                             {u"metadata"_s, QJsonObject{{u"name"_s, namespaceName}}},
                             {u"spec"_s, QJsonObject{{u"namespace"_s, namespaceName}}}},
                 std::move(done));
}

void SessionCommands::removeFinalizers(const GroupResource &gr, const QString &ns, const QString &name, Done done)
{
    withResource(gr, done, [this, ns, name, done](const fd::kube::ApiResource &resource) {
        const QString what = describeObject(resource.kind, resource.namespaced ? ns : QString(), name);
        const QJsonObject patch{{u"metadata"_s, QJsonObject{{u"finalizers"_s, QJsonValue::Null}}}};
        KubeRequest request = KubeRequest::withBody("PATCH", objectPath(resource, ns, name), compact(patch),
                                                    "application/merge-patch+json");
        send(request, translate("fd::engine", "Finalizers removed from %1.").arg(what), what, QJsonObject(), done);
    });
}

void SessionCommands::listEvents(const GroupResource &gr, const QString &ns, const QString &name,
                                 std::function<void(const QList<fd::kube::KubeObject> &)> done)
{
    const Done failed = [done](const CommandResult &) { done({}); };
    withResource(gr, failed, [this, ns, name, done](const fd::kube::ApiResource &resource) {
        QUrlQuery query;
        QString selector = u"involvedObject.name=%1,involvedObject.kind=%2"_s.arg(name, resource.kind);
        if (resource.namespaced && !ns.isEmpty())
            selector += u",involvedObject.namespace="_s + ns;
        query.addQueryItem(u"fieldSelector"_s, selector);
        const QString path = resource.namespaced && !ns.isEmpty() ? u"/api/v1/namespaces/%1/events"_s.arg(ns) : u"/api/v1/events"_s;
        m_session->rest()->send(KubeRequest::get(path, query), this, [done](const fd::kube::KubeResult &r) {
            if (!r) {
                done({});
                return;
            }
            const auto list = fd::kube::decodeList(r->body);
            done(list ? list->items : QList<fd::kube::KubeObject>{});
        });
    });
}

void SessionCommands::canI(const QString &verb, const GroupResource &gr, const QString &ns, std::function<void(bool)> done)
{
    fd::kube::AccessQuery query;
    query.verb = verb;
    query.group = gr.group;
    query.resource = gr.resource;
    query.namespaceName = ns;
    m_session->accessReviews()->check(query, this, [done = std::move(done)](const Expected<fd::kube::AccessDecision, KubeError> &r) {
        done(r && r->allowed);
    });
}

QByteArray multipartFileBody(const QByteArray &field, const QString &fileName, const QByteArray &content, QByteArray *contentType)
{
    const QByteArray boundary = QUuid::createUuid().toRfc4122().toHex();
    QByteArray name = fileName.toUtf8();
    name.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    QByteArray body;
    body.reserve(content.size() + 256);
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name + "\"\r\n";
    body += "Content-Type: application/octet-stream\r\n\r\n";
    body += content;
    body += "\r\n--" + boundary + "--\r\n";
    *contentType = "multipart/form-data; boundary=" + boundary;
    return body;
}

void SessionCommands::uploadArchive(const QString &fissionNamespace, const QByteArray &archive, const QString &fileName, Done done)
{
    QByteArray contentType;
    const QByteArray body = multipartFileBody("uploadfile", fileName, archive, &contentType);
    const QString path = u"/api/v1/namespaces/%1/services/storagesvc:80/proxy/v1/archive"_s.arg(fissionNamespace);
    KubeRequest request = KubeRequest::withBody("POST", path, body, contentType);
    request.headers.append({"X-File-Size", QByteArray::number(archive.size())});
    request.timeoutMs = 300'000; // a large archive over a slow link
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(archive, QCryptographicHash::Sha256).toHex());
    m_session->rest()->send(request, this, [done = std::move(done), fissionNamespace, sha256](const fd::kube::KubeResult &r) {
        if (!r) {
            done(CommandResult::failure(
                translate("fd::engine", "Could not upload the archive to Fission's storage service in %1: %2")
                    .arg(fissionNamespace, r.error().message),
                r.error()));
            return;
        }
        const QString id = QJsonDocument::fromJson(r->body).object().value("id"_L1).toString();
        if (id.isEmpty()) {
            done(CommandResult::failure(
                translate("fd::engine", "Fission's storage service in %1 answered the upload without an archive id.").arg(fissionNamespace)));
            return;
        }
        const QString url = u"http://storagesvc.%1/v1/archive?id=%2"_s.arg(fissionNamespace, QString::fromLatin1(QUrl::toPercentEncoding(id)));
        done(CommandResult::success(translate("fd::engine", "Uploaded the archive to Fission's storage service."),
                                    QJsonObject{{u"id"_s, id}, {u"url"_s, url}, {u"sha256"_s, sha256}}));
    });
}

void SessionCommands::listNames(const GroupResource &gr, const QString &ns, Done done)
{
    withResource(gr, done, [this, ns, gr, done](const fd::kube::ApiResource &resource) {
        KubeRequest request = KubeRequest::get(resource.collectionPath(resource.namespaced ? ns : QString()));
        // Metadata only where the server can (never a secret's data on the wire); the plain list
        // otherwise, of which only the names are read.
        request.accept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
        m_session->rest()->send(request, this, [done, gr, ns](const fd::kube::KubeResult &r) {
            if (!r) {
                done(CommandResult::failure(
                    translate("fd::engine", "Could not list %1 in %2: %3").arg(gr.resource, ns, r.error().message), r.error()));
                return;
            }
            QStringList names;
            for (const QJsonValue &item : QJsonDocument::fromJson(r->body).object().value("items"_L1).toArray())
                names << item.toObject().value("metadata"_L1).toObject().value("name"_L1).toString();
            names.removeAll(QString());
            names.sort();
            done(CommandResult::success(QString(), QJsonObject{{u"names"_s, QJsonArray::fromStringList(names)}}));
        });
    });
}

} // namespace fd::engine

#include "moc_SessionCommands.cpp"
