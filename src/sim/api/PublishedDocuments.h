#pragma once

#include "sim/schema/CatalogSnapshot.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace fd::sim {

class OpenApiV3;
class ResourceCatalog;

struct DocumentReply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
};

// Discovery and OpenAPI v3 documents of one cluster, rendered from its ResourceCatalog
// and cached until the catalog changes (a CRD becomes Established or is removed).
class PublishedDocuments {
public:
    explicit PublishedDocuments(const ResourceCatalog *catalog);
    ~PublishedDocuments();

    // GET /api or /apis, legacy or aggregated depending on the Accept header.
    DocumentReply rootDiscovery(bool groups, const QByteArray &accept);
    // GET /apis/<group> (version empty) or /api/v1, /apis/<group>/<version>.
    std::optional<DocumentReply> groupDiscovery(bool core, const QString &group, const QString &version,
                                                const QByteArray &accept);
    // GET /openapi/v3 (subPath empty) or /openapi/v3/<gv path>.
    std::optional<DocumentReply> openApi(const QString &subPath);

private:
    const CatalogSnapshot &snapshot();

    const ResourceCatalog *m_catalog;
    CatalogSnapshot m_snapshot;
    int m_snapshotGeneration = -1;
    std::unique_ptr<OpenApiV3> m_openApi;
    QHash<QString, QByteArray> m_cache; // rendered documents of the current generation
};

} // namespace fd::sim
