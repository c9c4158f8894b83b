#include "engine/onboarding/KubeCalls.h"

#include "kube/store/Decode.h"
#include "kube/transport/KubeRequest.h"
#include "kube/transport/RestClient.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

QString resourcePath(const QString &group, const QString &version, const QString &resource, const QString &namespaceName,
                     const QString &name)
{
    QString path = group.isEmpty() ? u"/api/"_s + version : u"/apis/"_s + group + u'/' + version;
    if (!namespaceName.isEmpty())
        path += u"/namespaces/"_s + namespaceName;
    path += u'/' + resource;
    if (!name.isEmpty())
        path += u'/' + name;
    return path;
}

void listObjects(fd::kube::RestClient *rest, QObject *context, const QString &path, const QUrlQuery &query,
                 std::function<void(const ObjectsResult &)> done)
{
    rest->send(fd::kube::KubeRequest::get(path, query), context, [done = std::move(done)](const fd::kube::KubeResult &result) {
        if (!result) {
            done(fd::Unexpected(result.error()));
            return;
        }
        auto list = fd::kube::decodeList(result->body);
        if (!list) {
            done(fd::Unexpected(list.error()));
            return;
        }
        done(list->items);
    });
}

void getObject(fd::kube::RestClient *rest, QObject *context, const QString &path, std::function<void(const ObjectResult &)> done)
{
    rest->send(fd::kube::KubeRequest::get(path), context, [done = std::move(done)](const fd::kube::KubeResult &result) {
        if (!result) {
            done(fd::Unexpected(result.error()));
            return;
        }
        auto object = fd::kube::decodeObject(result->body);
        if (!object) {
            done(fd::Unexpected(object.error()));
            return;
        }
        done(*object);
    });
}

void createObject(fd::kube::RestClient *rest, QObject *context, const QString &collectionPath, const QJsonObject &object,
                  std::function<void(const ObjectResult &)> done)
{
    const QByteArray body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    rest->send(fd::kube::KubeRequest::withBody("POST", collectionPath, body), context,
               [done = std::move(done)](const fd::kube::KubeResult &result) {
                   if (!result) {
                       done(fd::Unexpected(result.error()));
                       return;
                   }
                   auto created = fd::kube::decodeObject(result->body);
                   if (!created) {
                       done(fd::Unexpected(created.error()));
                       return;
                   }
                   done(*created);
               });
}

void mergePatchObject(fd::kube::RestClient *rest, QObject *context, const QString &path, const QJsonObject &patch,
                      std::function<void(const ObjectResult &)> done)
{
    const QByteArray body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    rest->send(fd::kube::KubeRequest::withBody("PATCH", path, body, "application/merge-patch+json"), context,
               [done = std::move(done)](const fd::kube::KubeResult &result) {
                   if (!result) {
                       done(fd::Unexpected(result.error()));
                       return;
                   }
                   auto patched = fd::kube::decodeObject(result->body);
                   if (!patched) {
                       done(fd::Unexpected(patched.error()));
                       return;
                   }
                   done(*patched);
               });
}

void deleteObject(fd::kube::RestClient *rest, QObject *context, const QString &path, std::function<void(const DoneResult &)> done)
{
    fd::kube::KubeRequest request;
    request.verb = "DELETE";
    request.path = path;
    rest->send(request, context, [done = std::move(done)](const fd::kube::KubeResult &result) {
        if (!result) {
            done(fd::Unexpected(result.error()));
            return;
        }
        done(true);
    });
}

} // namespace fd::engine::onboarding
