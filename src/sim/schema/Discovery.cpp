#include "sim/schema/Discovery.h"

#include "sim/schema/AcceptHeader.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

namespace fd::sim {

namespace {

const QString kDiscoveryGroup = QStringLiteral("apidiscovery.k8s.io");
const QString kDiscoveryListKind = QStringLiteral("APIGroupDiscoveryList");

// The encodings kube-apiserver's discovery codecs offer, in its order.
struct Encoding {
    QString type;
    QString subType;
    bool streams; // has a stream serializer (JSON and protobuf do, YAML does not)
};

const QList<Encoding> &discoveryEncodings()
{
    static const QList<Encoding> encodings = {
        {QStringLiteral("application"), QStringLiteral("json"), true},
        {QStringLiteral("application"), QStringLiteral("yaml"), false},
        {QStringLiteral("application"), QStringLiteral("vnd.kubernetes.protobuf"), true},
    };
    return encodings;
}

QString notAcceptableMessage()
{
    return QStringLiteral("only the following media types are accepted: application/json, application/yaml, "
                          "application/vnd.kubernetes.protobuf");
}

struct ConversionTarget {
    bool requested = false; // any of as=, g=, v= present
    QString group;
    QString version;
    QString kind;
};

// The apiserver's acceptMediaTypeOptions: parameters that the endpoint cannot honour make
// the clause unusable; as/g/v ask for a conversion.
std::optional<ConversionTarget> clauseOptions(const MediaRange &clause, const Encoding &encoding)
{
    ConversionTarget target;
    for (auto it = clause.params.cbegin(); it != clause.params.cend(); ++it) {
        if (it.key() == QLatin1String("as")) {
            target.requested = true;
            target.kind = it.value();
        } else if (it.key() == QLatin1String("g")) {
            target.requested = true;
            target.group = it.value();
        } else if (it.key() == QLatin1String("v")) {
            target.requested = true;
            target.version = it.value();
        } else if (it.key() == QLatin1String("stream")) {
            if (!it.value().isEmpty() && (!encoding.streams || it.value() != QLatin1String("watch")))
                return std::nullopt;
        } else if (it.key() == QLatin1String("sv")) {
            if (!it.value().isEmpty())
                return std::nullopt; // discovery allows no server-version override
        }
    }
    return target;
}

std::optional<DiscoveryFormat> aggregatedFormatFor(const ConversionTarget &target, const DiscoveryServing &serving)
{
    if (!target.requested || target.group != kDiscoveryGroup || target.kind != kDiscoveryListKind)
        return std::nullopt;
    if (target.version == QLatin1String("v2"))
        return DiscoveryFormat::AggregatedV2;
    if (target.version == QLatin1String("v2beta1") && serving.serveV2Beta1)
        return DiscoveryFormat::AggregatedV2Beta1;
    return std::nullopt;
}

QByteArray aggregatedContentType(DiscoveryFormat format)
{
    // generateMediaTypeWithGVK: media type, then g, v and as in that order.
    const QByteArray version = format == DiscoveryFormat::AggregatedV2Beta1 ? QByteArrayLiteral("v2beta1")
                                                                            : QByteArrayLiteral("v2");
    return QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=") + version
        + QByteArrayLiteral(";as=APIGroupDiscoveryList");
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString groupVersionOf(const QString &group, const QString &version)
{
    return group.isEmpty() ? version : group + QLatin1Char('/') + version;
}

QJsonObject groupVersionForDiscovery(const QString &group, const QString &version)
{
    return {{QStringLiteral("groupVersion"), groupVersionOf(group, version)}, {QStringLiteral("version"), version}};
}

QJsonObject apiGroupObject(const CatalogSnapshot &snapshot, const QString &group)
{
    const QStringList versions = snapshot.versionsOf(group);
    QJsonArray versionArray;
    for (const QString &version : versions)
        versionArray.append(groupVersionForDiscovery(group, version));
    QJsonObject object{{QStringLiteral("name"), group}, {QStringLiteral("versions"), versionArray}};
    if (!versions.isEmpty())
        object.insert(QStringLiteral("preferredVersion"), groupVersionForDiscovery(group, versions.first()));
    return object;
}

// The group-version-kind the apiserver stores a resource as (its preferred entry).
const ResourceType &storageTypeOf(const CatalogSnapshot &snapshot, const ResourceType &type)
{
    for (const ResourceType &candidate : snapshot.types) {
        if (candidate.preferred && candidate.storageKey() == type.storageKey())
            return candidate;
    }
    return type;
}

bool isCreateOnly(const ResourceType &type)
{
    return type.verbs.size() == 1 && type.verbs.first() == QLatin1String("create");
}

void insertNonEmpty(QJsonObject &object, const QString &key, const QStringList &list)
{
    if (!list.isEmpty())
        object.insert(key, toArray(list));
}

QJsonObject legacyResourceEntry(const CatalogSnapshot &snapshot, const ResourceType &type)
{
    QJsonObject entry{{QStringLiteral("name"), type.plural},
                      {QStringLiteral("singularName"), type.singular},
                      {QStringLiteral("namespaced"), type.namespaced},
                      {QStringLiteral("kind"), type.kind},
                      {QStringLiteral("verbs"), toArray(type.verbs)}};
    insertNonEmpty(entry, QStringLiteral("shortNames"), type.shortNames);
    insertNonEmpty(entry, QStringLiteral("categories"), type.categories);
    if (!isCreateOnly(type)) {
        const ResourceType &stored = storageTypeOf(snapshot, type);
        entry.insert(QStringLiteral("storageVersionHash"),
                     Discovery::storageVersionHash(stored.group, stored.version, stored.kind));
    }
    return entry;
}

QJsonObject legacySubresourceEntry(const ResourceType &type, const SubresourceInfo &info)
{
    // Subresources carry an empty singularName (the field is not omitempty).
    QJsonObject entry{{QStringLiteral("name"), type.plural + QLatin1Char('/') + info.name},
                      {QStringLiteral("singularName"), QString()},
                      {QStringLiteral("namespaced"), type.namespaced},
                      {QStringLiteral("kind"), info.kind},
                      {QStringLiteral("verbs"), toArray(info.verbs)}};
    if (!info.group.isEmpty() || !info.version.isEmpty()) {
        entry.insert(QStringLiteral("group"), info.group);
        entry.insert(QStringLiteral("version"), info.version);
    }
    return entry;
}

QJsonObject responseKind(const QString &group, const QString &version, const QString &kind)
{
    return {{QStringLiteral("group"), group}, {QStringLiteral("version"), version}, {QStringLiteral("kind"), kind}};
}

QJsonObject aggregatedResource(const ResourceType &type)
{
    // Built-in resources come from the installer's APIResource, which leaves group and
    // version empty; CRDs name their full group-version-kind.
    const QString group = type.custom ? type.group : QString();
    const QString version = type.custom ? type.version : QString();
    QJsonObject resource{{QStringLiteral("resource"), type.plural},
                         {QStringLiteral("responseKind"), responseKind(group, version, type.kind)},
                         {QStringLiteral("scope"), type.namespaced ? QStringLiteral("Namespaced") : QStringLiteral("Cluster")},
                         {QStringLiteral("singularResource"), type.singular},
                         {QStringLiteral("verbs"), toArray(type.verbs)}};
    insertNonEmpty(resource, QStringLiteral("shortNames"), type.shortNames);
    insertNonEmpty(resource, QStringLiteral("categories"), type.categories);
    QJsonArray subresources;
    for (const SubresourceInfo &info : Discovery::subresourcesOf(type)) {
        const bool ownKind = info.group.isEmpty() && info.version.isEmpty();
        subresources.append(QJsonObject{
            {QStringLiteral("subresource"), info.name},
            {QStringLiteral("responseKind"),
             responseKind(ownKind ? group : info.group, ownKind ? version : info.version, info.kind)},
            {QStringLiteral("verbs"), toArray(info.verbs)}});
    }
    if (!subresources.isEmpty())
        resource.insert(QStringLiteral("subresources"), subresources);
    return resource;
}

QList<ResourceType> sortedByPlural(QList<ResourceType> types)
{
    std::stable_sort(types.begin(), types.end(),
                     [](const ResourceType &a, const ResourceType &b) { return a.plural < b.plural; });
    return types;
}

QJsonObject aggregatedGroup(const CatalogSnapshot &snapshot, const QString &group)
{
    QJsonArray versions;
    for (const QString &version : snapshot.versionsOf(group)) {
        QJsonArray resources;
        for (const ResourceType &type : sortedByPlural(snapshot.typesAt(group, version)))
            resources.append(aggregatedResource(type));
        versions.append(QJsonObject{{QStringLiteral("version"), version},
                                    {QStringLiteral("resources"), resources},
                                    {QStringLiteral("freshness"), QStringLiteral("Current")}});
    }
    QJsonObject metadata;
    if (!group.isEmpty())
        metadata.insert(QStringLiteral("name"), group);
    return {{QStringLiteral("metadata"), metadata}, {QStringLiteral("versions"), versions}};
}

} // namespace

Expected<DiscoveryNegotiation, QString> negotiateLegacyDiscovery(const QByteArray &accept)
{
    const DiscoveryNegotiation legacy{DiscoveryFormat::Legacy, QByteArrayLiteral("application/json")};
    if (accept.isEmpty())
        return legacy;
    for (const MediaRange &clause : parseAcceptHeader(accept)) {
        for (const Encoding &encoding : discoveryEncodings()) {
            if (!clause.admits(encoding.type, encoding.subType))
                continue;
            const std::optional<ConversionTarget> target = clauseOptions(clause, encoding);
            if (target && !target->requested)
                return legacy;
        }
    }
    return Unexpected(notAcceptableMessage());
}

Expected<DiscoveryNegotiation, QString> negotiateDiscovery(const QByteArray &accept, const DiscoveryServing &serving)
{
    if (!accept.isEmpty()) {
        const Encoding &json = discoveryEncodings().first();
        for (const MediaRange &clause : parseAcceptHeader(accept)) {
            // Only JSON is produced here, so the aggregated forms of other encodings are skipped.
            if (!clause.admits(json.type, json.subType))
                continue;
            const std::optional<ConversionTarget> target = clauseOptions(clause, json);
            if (!target)
                continue;
            if (const std::optional<DiscoveryFormat> format = aggregatedFormatFor(*target, serving))
                return DiscoveryNegotiation{*format, aggregatedContentType(*format)};
        }
    }
    return negotiateLegacyDiscovery(accept);
}

QJsonObject Discovery::apiVersions(const QString &serverAddress)
{
    return {{QStringLiteral("kind"), QStringLiteral("APIVersions")},
            {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
            {QStringLiteral("serverAddressByClientCIDRs"),
             QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                    {QStringLiteral("serverAddress"), serverAddress}}}}};
}

QJsonObject Discovery::apiGroupList(const CatalogSnapshot &snapshot)
{
    QJsonArray groups;
    for (const QString &group : snapshot.groups()) {
        if (!group.isEmpty())
            groups.append(apiGroupObject(snapshot, group));
    }
    return {{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("groups"), groups}};
}

std::optional<QJsonObject> Discovery::apiGroup(const CatalogSnapshot &snapshot, const QString &group)
{
    if (group.isEmpty() || snapshot.versionsOf(group).isEmpty())
        return std::nullopt;
    QJsonObject object = apiGroupObject(snapshot, group);
    object.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
    object.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    return object;
}

std::optional<QJsonObject> Discovery::apiResourceList(const CatalogSnapshot &snapshot, const QString &group,
                                                      const QString &version)
{
    const QList<ResourceType> types = snapshot.typesAt(group, version);
    if (types.isEmpty())
        return std::nullopt;
    QList<QJsonObject> entries;
    for (const ResourceType &type : types) {
        entries << legacyResourceEntry(snapshot, type);
        for (const SubresourceInfo &info : subresourcesOf(type))
            entries << legacySubresourceEntry(type, info);
    }
    // The installer registers paths in sorted order ("pods" < "pods/log" < "podtemplates").
    std::stable_sort(entries.begin(), entries.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("name")).toString() < b.value(QStringLiteral("name")).toString();
    });
    QJsonArray resources;
    for (const QJsonObject &entry : std::as_const(entries))
        resources.append(entry);
    QJsonObject list{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                     {QStringLiteral("groupVersion"), groupVersionOf(group, version)},
                     {QStringLiteral("resources"), resources}};
    // /api/v1 is written without apiVersion; group lists carry "v1".
    if (!group.isEmpty())
        list.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    return list;
}

QJsonObject Discovery::aggregated(const CatalogSnapshot &snapshot, Root root, DiscoveryFormat format)
{
    QJsonArray items;
    for (const QString &group : snapshot.groups()) {
        if (group.isEmpty() == (root == Root::Core))
            items.append(aggregatedGroup(snapshot, group));
    }
    const QString apiVersion = format == DiscoveryFormat::AggregatedV2Beta1 ? QStringLiteral("apidiscovery.k8s.io/v2beta1")
                                                                            : QStringLiteral("apidiscovery.k8s.io/v2");
    return {{QStringLiteral("kind"), kDiscoveryListKind},
            {QStringLiteral("apiVersion"), apiVersion},
            {QStringLiteral("metadata"), QJsonObject()},
            {QStringLiteral("items"), items}};
}

QByteArray Discovery::etag(const QByteArray &json)
{
    return QCryptographicHash::hash(json, QCryptographicHash::Sha512).toHex().toUpper();
}

QList<SubresourceInfo> Discovery::subresourcesOf(const ResourceType &type)
{
    QStringList names = type.extraSubresources;
    if (type.hasStatus)
        names << QStringLiteral("status");
    if (type.hasScale)
        names << QStringLiteral("scale");
    names.removeDuplicates();
    names.removeAll(QString());
    names.sort();
    QList<SubresourceInfo> infos;
    for (const QString &name : std::as_const(names))
        infos << subresourceInfo(type, name);
    return infos;
}

SubresourceInfo Discovery::subresourceInfo(const ResourceType &type, const QString &subresource)
{
    const QStringList getPatchUpdate{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
    const QStringList create{QStringLiteral("create")};
    const QStringList createGet{QStringLiteral("create"), QStringLiteral("get")};
    SubresourceInfo info{subresource, {}, {}, type.kind, {QStringLiteral("get")}};
    if (subresource == QLatin1String("status") || subresource == QLatin1String("ephemeralcontainers")
        || subresource == QLatin1String("resize") || subresource == QLatin1String("approval")) {
        info.verbs = getPatchUpdate;
    } else if (subresource == QLatin1String("scale")) {
        info = {subresource, QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale"), getPatchUpdate};
    } else if (subresource == QLatin1String("log")) {
        info.kind = QStringLiteral("Pod");
    } else if (subresource == QLatin1String("eviction")) {
        info = {subresource, QStringLiteral("policy"), QStringLiteral("v1"), QStringLiteral("Eviction"), create};
    } else if (subresource == QLatin1String("binding")) {
        info.kind = QStringLiteral("Binding");
        info.verbs = create;
    } else if (subresource == QLatin1String("exec")) {
        info.kind = QStringLiteral("PodExecOptions");
        info.verbs = createGet;
    } else if (subresource == QLatin1String("attach")) {
        info.kind = QStringLiteral("PodAttachOptions");
        info.verbs = createGet;
    } else if (subresource == QLatin1String("portforward")) {
        info.kind = QStringLiteral("PodPortForwardOptions");
        info.verbs = createGet;
    } else if (subresource == QLatin1String("proxy")) {
        info.kind = type.kind + QStringLiteral("ProxyOptions"); // PodProxyOptions, ServiceProxyOptions, …
        info.verbs = {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"),
                      QStringLiteral("patch"), QStringLiteral("update")};
    } else if (subresource == QLatin1String("finalize")) {
        info.verbs = {QStringLiteral("update")};
    } else if (subresource == QLatin1String("token")) {
        info = {subresource, QStringLiteral("authentication.k8s.io"), QStringLiteral("v1"), QStringLiteral("TokenRequest"), create};
    }
    return info;
}

QString Discovery::storageVersionHash(const QString &group, const QString &version, const QString &kind)
{
    const QByteArray gvk = (group + QLatin1Char('/') + version + QLatin1Char('/') + kind).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(gvk, QCryptographicHash::Sha256).left(8).toBase64());
}

} // namespace fd::sim
