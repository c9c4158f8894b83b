#include "sim/api/PublishedDocuments.h"

#include "sim/api/ApiError.h"
#include "sim/api/ObjectStore.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/schema/Discovery.h"
#include "sim/schema/OpenApiV3.h"

namespace fd::sim {

PublishedDocuments::PublishedDocuments(const ResourceCatalog *catalog)
    : m_catalog(catalog), m_openApi(std::make_unique<OpenApiV3>())
{
}

PublishedDocuments::~PublishedDocuments() = default;

const CatalogSnapshot &PublishedDocuments::snapshot()
{
    if (m_snapshotGeneration != m_catalog->generation()) {
        m_snapshot.types = m_catalog->types();
        m_snapshot.groupOrder = m_catalog->groups();
        m_snapshot.generation = m_catalog->generation();
        m_snapshotGeneration = m_catalog->generation();
        m_openApi->update(m_snapshot);
        m_cache.clear();
    }
    return m_snapshot;
}

DocumentReply PublishedDocuments::rootDiscovery(bool groups, const QByteArray &accept)
{
    const CatalogSnapshot &current = snapshot();
    const auto negotiation = negotiateDiscovery(accept);
    if (!negotiation) {
        return {406, compactJson(ApiError::notAcceptable(negotiation.error()).toStatus()),
                QByteArrayLiteral("application/json")};
    }
    const QString key = QStringLiteral("root:%1:%2").arg(groups).arg(static_cast<int>(negotiation->format));
    auto cached = m_cache.constFind(key);
    if (cached == m_cache.constEnd()) {
        QJsonObject document;
        if (negotiation->format == DiscoveryFormat::Legacy)
            document = groups ? Discovery::apiGroupList(current) : Discovery::apiVersions(QStringLiteral("127.0.0.1:443"));
        else
            document = Discovery::aggregated(current, groups ? Discovery::Root::Groups : Discovery::Root::Core,
                                             negotiation->format);
        cached = m_cache.insert(key, compactJson(document));
    }
    return {200, *cached, negotiation->contentType};
}

std::optional<DocumentReply> PublishedDocuments::groupDiscovery(bool core, const QString &group, const QString &version,
                                                               const QByteArray &accept)
{
    const CatalogSnapshot &current = snapshot();
    const auto negotiation = negotiateLegacyDiscovery(accept);
    if (!negotiation) {
        return DocumentReply{406, compactJson(ApiError::notAcceptable(negotiation.error()).toStatus()),
                             QByteArrayLiteral("application/json")};
    }
    const QString key = QStringLiteral("gv:%1:%2/%3").arg(core).arg(group, version);
    auto cached = m_cache.constFind(key);
    if (cached == m_cache.constEnd()) {
        std::optional<QJsonObject> document;
        if (version.isEmpty())
            document = Discovery::apiGroup(current, group);
        else
            document = Discovery::apiResourceList(current, core ? QString() : group, version);
        if (!document)
            return std::nullopt;
        cached = m_cache.insert(key, compactJson(*document));
    }
    return DocumentReply{200, *cached, negotiation->contentType};
}

std::optional<DocumentReply> PublishedDocuments::openApi(const QString &subPath)
{
    snapshot();
    if (subPath.isEmpty() || subPath == QLatin1String("/"))
        return DocumentReply{200, m_openApi->root().json, QByteArrayLiteral("application/json")};
    const auto document = m_openApi->document(subPath.mid(1));
    if (!document)
        return std::nullopt;
    return DocumentReply{200, document->json, QByteArrayLiteral("application/json")};
}

} // namespace fd::sim
