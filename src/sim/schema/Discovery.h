#pragma once

#include "common/Expected.h"
#include "sim/schema/CatalogSnapshot.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sim {

// Which discovery document a request to /api or /apis asked for.
enum class DiscoveryFormat {
    Legacy,            // APIVersions / APIGroupList (then clients fetch every group-version)
    AggregatedV2,      // apidiscovery.k8s.io/v2 APIGroupDiscoveryList
    AggregatedV2Beta1, // apidiscovery.k8s.io/v2beta1 APIGroupDiscoveryList
};

struct DiscoveryNegotiation {
    DiscoveryFormat format = DiscoveryFormat::Legacy;
    QByteArray contentType; // the Content-Type to answer with
};

struct DiscoveryServing {
    // kube-apiserver 1.33+ enables AggregatedDiscoveryRemoveBetaType by default: a request
    // that offers only v2beta1 (client-go <= 0.29, e.g. kubectl 1.27) then gets legacy
    // discovery. Set true to behave like 1.26-1.32, which serve v2beta1 too.
    bool serveV2Beta1 = false;
};

// Content negotiation for GET /api and GET /apis, as the apiserver's aggregated-discovery
// wrapper does it: the first Accept clause (in goautoneg order) that names a supported
// encoding AND converts to APIGroupDiscoveryList selects aggregated discovery; otherwise
// the request falls through to legacy negotiation. The error is the 406 Status message.
// Deviation: only JSON is produced; a clause that asks for YAML/protobuf is served JSON in
// the legacy case and skipped in the aggregated case.
Expected<DiscoveryNegotiation, QString> negotiateDiscovery(const QByteArray &accept,
                                                           const DiscoveryServing &serving = {});
// Negotiation for /api/v1, /apis/<g> and /apis/<g>/<v>: no conversions are allowed, so a
// clause with as=/g=/v= parameters is skipped; nothing acceptable gives a 406.
Expected<DiscoveryNegotiation, QString> negotiateLegacyDiscovery(const QByteArray &accept);

// What a subresource answers with and allows, as listed in discovery.
struct SubresourceInfo {
    QString name;    // "status", "scale", "log", …
    QString group;   // set only where the apiserver names a group-version (scale, eviction, token)
    QString version;
    QString kind;
    QStringList verbs;
};

// The discovery documents (JSON bodies) kube-apiserver serves. Pure functions of a snapshot.
class Discovery {
public:
    // GET /api: APIVersions. `serverAddress` is "host:port" clients may use (0.0.0.0/0).
    static QJsonObject apiVersions(const QString &serverAddress);
    // GET /apis: APIGroupList, every group with its versions and preferredVersion.
    static QJsonObject apiGroupList(const CatalogSnapshot &snapshot);
    // GET /apis/<group>: APIGroup, or nothing when the group is not served.
    static std::optional<QJsonObject> apiGroup(const CatalogSnapshot &snapshot, const QString &group);
    // GET /api/v1 or /apis/<group>/<version>: APIResourceList incl. "pods/log"-style
    // subresource entries; nothing when the group-version is not served.
    static std::optional<QJsonObject> apiResourceList(const CatalogSnapshot &snapshot, const QString &group,
                                                      const QString &version);

    enum class Root { Core, Groups }; // /api or /apis
    // The aggregated APIGroupDiscoveryList for /api or /apis (format v2 or v2beta1;
    // Legacy is treated as v2).
    static QJsonObject aggregated(const CatalogSnapshot &snapshot, Root root, DiscoveryFormat format);
    // The ETag (unquoted) kube-apiserver sends with aggregated discovery: upper-case hex
    // SHA-512 of the JSON body.
    static QByteArray etag(const QByteArray &json);

    // Subresources of a type, in discovery (name) order.
    static QList<SubresourceInfo> subresourcesOf(const ResourceType &type);
    static SubresourceInfo subresourceInfo(const ResourceType &type, const QString &subresource);
    // metav1.APIResource.storageVersionHash for a group/version/kind.
    static QString storageVersionHash(const QString &group, const QString &version, const QString &kind);
};

} // namespace fd::sim
