#pragma once

#include "sim/api/ApiHandler.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace fd::sim::fission {

class ControlPlaneView;

// Fission's storagesvc (its local-volume backend) behind the API server's service proxy: the
// Service `storagesvc`, port 80, in the namespace the `svc=storagesvc` pod runs in. While no such
// pod is Running+Ready the proxy finds no endpoints (503), as on a real cluster.
//
//   POST   /v1/archive            multipart/form-data, the file in the part named `uploadfile`
//                                 (what `fission package create` sends for archives of 256 KiB
//                                 or more) -> 200 {"id": "<id>"}
//   GET    /v1/archive?id=<id>    the stored bytes, or 404
//   DELETE /v1/archive?id=<id>    200, or 404
//   GET    /healthz               200
//
// The simulated builder's fetcher reads `url` source archives that point here, so a Package
// made from an upload builds (and fails to when the archive is gone or its checksum differs).
// Archives live in memory for the life of the simulated cluster; a storagesvc pod replaced by a
// rollout keeps them, as the real one's persistent volume does.
class StorageService : public QObject, public ServiceProxyTarget {
public:
    explicit StorageService(ControlPlaneView *view, QObject *parent = nullptr);

    bool serve(const QString &namespaceName, const QString &service, const QString &port, const HttpRequest &request,
               const QString &path, HttpResponder *responder) override;

    // The same operations for the simulated fetcher (which talks to storagesvc in-cluster).
    QString store(const QByteArray &archive);
    void put(const QString &id, const QByteArray &archive) { m_archives.insert(id, archive); }
    std::optional<QByteArray> archive(const QString &id) const;
    bool remove(const QString &id);
    int archiveCount() const { return static_cast<int>(m_archives.size()); }

    // The id of an archive URL that points at this storage service in `releaseNamespace`
    // ("http://storagesvc.<ns>/v1/archive?id=<id>", also with ".svc…" or a port), or nothing.
    static std::optional<QString> idFromUrl(const QString &url, const QString &releaseNamespace);

private:
    QHash<QString, QByteArray> m_archives;
    ControlPlaneView *m_view;
};

// The content of the part named `field` of a multipart/form-data body, or nothing when the
// body is not one or has no such part. `contentType` is the request's Content-Type header.
std::optional<QByteArray> multipartField(const QByteArray &contentType, const QByteArray &body, const QByteArray &field);

} // namespace fd::sim::fission
