#pragma once

#include "sim/api/ApiError.h"
#include "sim/api/Faults.h"
#include "sim/api/ObjectService.h"
#include "sim/api/RequestInfo.h"
#include "sim/http/HttpMessage.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

namespace fd::sim {

class Authenticator;
class RbacAuthorizer;
class LogStore;
class PodLogStream;
class PublishedDocuments;
class WatchStream;
struct UserInfo;

// Answers requests sent through the API server's service proxy
// (/api/v1/namespaces/<ns>/services/<name>:<port>/proxy/<path>); the Fission simulator
// registers its router here.
class ServiceProxyTarget {
public:
    virtual ~ServiceProxyTarget() = default;
    // Returns false when this target does not serve that service.
    virtual bool serve(const QString &namespaceName, const QString &service, const QString &port,
                       const HttpRequest &request, const QString &path, HttpResponder *responder) = 0;
};

// The Kubernetes REST API over the object service: routing, authentication, RBAC,
// content negotiation, list/get/watch/write verbs, discovery, OpenAPI, pod logs, access
// reviews and the /_sim admin endpoint for fault injection.
class ApiHandler : public QObject, public HttpHandler {
    Q_OBJECT
public:
    ApiHandler(ObjectService *objects, Authenticator *authenticator, RbacAuthorizer *authorizer, LogStore *logs,
               QObject *parent = nullptr);
    ~ApiHandler() override;

    void handle(const HttpRequest &request, HttpResponder *responder) override;

    FaultPlan &faults() { return m_faults; }
    void setServerVersion(const QString &gitVersion) { m_gitVersion = gitVersion; }
    // kubectl and client-go send no credentials over plain HTTP (clientcmd reads the user's
    // auth only for TLS transports), as the old insecure port expected: requests without
    // credentials on a cleartext listener then act as the cluster administrator.
    void setCleartextIsAdmin(bool enabled) { m_cleartextIsAdmin = enabled; }
    void addProxyTarget(ServiceProxyTarget *target) { m_proxyTargets.append(target); }
    // Cuts every open watch, as a dropped connection would.
    int dropWatches();
    // Cuts every open pod log stream (kubectl logs -f), as a dropped connection would.
    int dropLogStreams();
    int openWatchCount() const { return static_cast<int>(m_watches.size()); }
    qint64 requestCount() const { return m_requests; }

private:
    void process(const HttpRequest &request, HttpResponder *responder);
    void processApi(const HttpRequest &request, HttpResponder *responder, const UserInfo &user);
    bool handleNonResource(const HttpRequest &request, HttpResponder *responder);
    void handleSimAdmin(const HttpRequest &request, HttpResponder *responder);

    void serveGet(const ResourceType &type, const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void serveList(const ResourceType &type, const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void serveWatch(const ResourceType &type, const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void serveCreate(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                     HttpResponder *responder, const UserInfo &user);
    void serveUpdate(const ResourceType &type, const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void servePatch(const ResourceType &type, const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void serveDelete(const ResourceType &type, const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void serveDeleteCollection(const ResourceType &type, const RequestInfo &info, const HttpRequest &request,
                               HttpResponder *responder);
    void serveLog(const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void serveProxy(const RequestInfo &info, const HttpRequest &request, HttpResponder *responder);
    void serveReview(const ResourceType &type, const RequestInfo &info, const QJsonObject &body,
                     HttpResponder *responder, const UserInfo &user);

    Expected<std::function<bool(const QJsonObject &)>, ApiError> buildFilter(const ResourceType &type,
                                                                             const HttpRequest &request) const;
    Expected<QJsonObject, ApiError> decodeBody(const HttpRequest &request) const;
    WriteOptions writeOptions(const HttpRequest &request) const;

    void sendJson(HttpResponder *responder, int status, const QJsonObject &object, const HttpRequest &request);
    void sendRaw(HttpResponder *responder, int status, const QByteArray &json, const HttpRequest &request);
    void sendError(HttpResponder *responder, const ApiError &error);
    void sendObject(HttpResponder *responder, int status, const ObjectRef &object, const ResourceType &type,
                    const HttpRequest &request, const QStringList &warnings = {});

    ObjectService *m_objects;
    Authenticator *m_authenticator;
    RbacAuthorizer *m_authorizer;
    LogStore *m_logs;
    std::unique_ptr<PublishedDocuments> m_documents;
    FaultPlan m_faults;
    QString m_gitVersion = QStringLiteral("v1.33.1");
    QList<ServiceProxyTarget *> m_proxyTargets;
    QSet<WatchStream *> m_watches;
    QSet<PodLogStream *> m_logStreams;
    qint64 m_requests = 0;
    bool m_cleartextIsAdmin = false;
};

} // namespace fd::sim
