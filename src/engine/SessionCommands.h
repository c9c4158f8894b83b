#pragma once

#include "engine/CommandResult.h"
#include "fission/Kinds.h"
#include "kube/store/KubeObject.h"
#include "kube/transport/DiscoveryCache.h"
#include "kube/transport/KubeRequest.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace fd::kube {
class KubeSession;
}

namespace fd::engine {

// The write side of a session, on the session thread: each command resolves its resource through
// discovery, sends one request (or a read-modify-write) and reports a CommandResult with a
// translated message. No retries of non-idempotent writes beyond what the transport does; a 409
// is reported with the user's object kept.
class SessionCommands : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const CommandResult &)>;

    explicit SessionCommands(fd::kube::KubeSession *session, QObject *parent = nullptr);

    // `fission package rebuild`: a failed Package back to buildstatus pending, through /status
    // when the CRD has that subresource (main), else the object itself (1.20).
    void rebuildPackage(const QString &ns, const QString &name, Done done);
    // `dryRun`: the server validates and admits the request (dryRun=All) but persists nothing, so a
    // form can show the server's field errors before anything changes.
    void createObject(const QJsonObject &object, Done done, bool dryRun = false);
    void replaceObject(const QJsonObject &object, Done done, bool dryRun = false);
    void deleteObject(const fd::fission::GroupResource &gr, const QString &ns, const QString &name, Done done);
    void createNamespace(const QString &name, Done done);
    void createTenant(const QString &namespaceName, Done done);
    void removeFinalizers(const fd::fission::GroupResource &gr, const QString &ns, const QString &name, Done done);
    void listEvents(const fd::fission::GroupResource &gr, const QString &ns, const QString &name,
                    std::function<void(const QList<fd::kube::KubeObject> &)> done);
    void canI(const QString &verb, const fd::fission::GroupResource &gr, const QString &ns, std::function<void(bool)> done);
    // `fission package create` with an archive of 256 KiB or more: POSTs it as multipart/form-data
    // (part `uploadfile`) to Fission's storage service through the API server's service proxy
    // (/api/v1/namespaces/<fissionNamespace>/services/storagesvc:80/proxy/v1/archive). Success
    // carries {"id", "url": "http://storagesvc.<fissionNamespace>/v1/archive?id=<id>",
    // "sha256"} in `object`.
    void uploadArchive(const QString &fissionNamespace, const QByteArray &archive, const QString &fileName, Done done);
    // The names of the objects of a resource in a namespace (secrets, config maps for a picker).
    // Asks for metadata only; nothing but the names leaves this function. Success carries
    // {"names": [...]} in `object`.
    void listNames(const fd::fission::GroupResource &gr, const QString &ns, Done done);

private:
    using ResourceDone = std::function<void(const fd::kube::ApiResource &)>;
    // Resolves a resource, or finishes `done` with the discovery error.
    void withResource(const fd::fission::GroupResource &gr, const Done &done, ResourceDone next);
    void withKind(const QJsonObject &object, const Done &done, ResourceDone next);
    // Sends and turns the answer into a CommandResult (`what`: the object, for messages).
    void send(const fd::kube::KubeRequest &request, const QString &success, const QString &what,
              const QJsonObject &userObject, Done done);

    fd::kube::KubeSession *m_session;
};

// The object path of a resource: <collection>/<name>.
QString objectPath(const fd::kube::ApiResource &resource, const QString &ns, const QString &name);
// A translated, one-line explanation of a failed write ("what" names the object).
QString commandErrorText(const fd::kube::KubeError &error, const QString &what);
// A multipart/form-data body with one file part, as Go's mime/multipart writes it; returns the
// body and sets `contentType` (with the boundary).
QByteArray multipartFileBody(const QByteArray &field, const QString &fileName, const QByteArray &content,
                             QByteArray *contentType);

} // namespace fd::engine
