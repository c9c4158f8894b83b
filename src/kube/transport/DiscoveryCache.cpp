#include "kube/transport/DiscoveryCache.h"

#include "kube/transport/JsonStrings.h"
#include "kube/config/Tr.h"
#include "kube/transport/RestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

namespace {

const QByteArray kAggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
constexpr int kDiscoveryTimeoutMs = 32'000; // client-go's discovery timeout

KubeError decodeError(const QString &what, const QString &detail)
{
    KubeError error;
    error.kind = ErrorKind::Decode;
    error.message = translate("fd::kube", "discovery: %1 is not readable: %2").arg(what, detail);
    return error;
}

Expected<QJsonObject, KubeError> parseObject(const QByteArray &json, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Unexpected(decodeError(what, parseError.errorString()));
    return document.object();
}

} // namespace

QString ApiResource::apiPrefix() const
{
    return group.isEmpty() ? u"/api/"_s + version : u"/apis/"_s + group + u'/' + version;
}

QString ApiResource::collectionPath(const QString &namespaceName) const
{
    QString path = apiPrefix();
    if (namespaced && !namespaceName.isEmpty())
        path += u"/namespaces/"_s + namespaceName;
    return path + u'/' + resource;
}

bool isAggregatedDiscoveryContentType(const QByteArray &contentType)
{
    const QByteArray lower = contentType.toLower();
    return lower.contains("g=apidiscovery.k8s.io") && lower.contains("as=apigroupdiscoverylist");
}

Expected<QList<ApiResource>, KubeError> parseAggregatedDiscovery(const QByteArray &json)
{
    const auto root = parseObject(json, u"APIGroupDiscoveryList"_s);
    if (!root)
        return Unexpected(root.error());
    if (root->value("kind"_L1).toString() != "APIGroupDiscoveryList"_L1)
        return Unexpected(decodeError(u"APIGroupDiscoveryList"_s, u"kind is \"%1\""_s.arg(root->value("kind"_L1).toString())));
    QList<ApiResource> out;
    for (const QJsonValue &itemValue : root->value("items"_L1).toArray()) {
        const QJsonObject item = itemValue.toObject();
        const QString group = item.value("metadata"_L1).toObject().value("name"_L1).toString();
        for (const QJsonValue &versionValue : item.value("versions"_L1).toArray()) {
            const QJsonObject version = versionValue.toObject();
            // A Stale version's aggregated API server did not answer: its list may be wrong.
            if (version.value("freshness"_L1).toString() == "Stale"_L1)
                continue;
            for (const QJsonValue &resourceValue : version.value("resources"_L1).toArray()) {
                const QJsonObject resource = resourceValue.toObject();
                ApiResource entry;
                entry.group = group;
                entry.version = version.value("version"_L1).toString();
                entry.resource = resource.value("resource"_L1).toString();
                entry.kind = resource.value("responseKind"_L1).toObject().value("kind"_L1).toString();
                entry.singular = resource.value("singularResource"_L1).toString();
                entry.namespaced = resource.value("scope"_L1).toString() == "Namespaced"_L1;
                entry.verbs = jsonStrings(resource.value("verbs"_L1));
                entry.shortNames = jsonStrings(resource.value("shortNames"_L1));
                entry.categories = jsonStrings(resource.value("categories"_L1));
                for (const QJsonValue &sub : resource.value("subresources"_L1).toArray())
                    entry.subresources.append(sub.toObject().value("subresource"_L1).toString());
                if (!entry.resource.isEmpty())
                    out.append(entry);
            }
        }
    }
    return out;
}

Expected<QList<ApiResource>, KubeError> parseApiResourceList(const QByteArray &json)
{
    const auto root = parseObject(json, u"APIResourceList"_s);
    if (!root)
        return Unexpected(root.error());
    const QString groupVersion = root->value("groupVersion"_L1).toString();
    if (groupVersion.isEmpty())
        return Unexpected(decodeError(u"APIResourceList"_s, u"groupVersion is missing"_s));
    const qsizetype slash = groupVersion.indexOf(u'/');
    const QString group = slash < 0 ? QString() : groupVersion.left(slash);
    const QString version = slash < 0 ? groupVersion : groupVersion.mid(slash + 1);
    QList<ApiResource> out;
    QHash<QString, qsizetype> byName;
    QList<QPair<QString, QString>> subresources; // (parent, sub)
    for (const QJsonValue &value : root->value("resources"_L1).toArray()) {
        const QJsonObject resource = value.toObject();
        const QString name = resource.value("name"_L1).toString();
        if (name.contains(u'/')) {
            subresources.append({name.section(u'/', 0, 0), name.section(u'/', 1)});
            continue;
        }
        ApiResource entry;
        entry.group = resource.contains("group"_L1) ? resource.value("group"_L1).toString() : group;
        entry.version = resource.contains("version"_L1) ? resource.value("version"_L1).toString() : version;
        entry.resource = name;
        entry.kind = resource.value("kind"_L1).toString();
        entry.singular = resource.value("singularName"_L1).toString();
        entry.namespaced = resource.value("namespaced"_L1).toBool();
        entry.verbs = jsonStrings(resource.value("verbs"_L1));
        entry.shortNames = jsonStrings(resource.value("shortNames"_L1));
        entry.categories = jsonStrings(resource.value("categories"_L1));
        byName.insert(name, out.size());
        out.append(entry);
    }
    for (const auto &[parent, sub] : std::as_const(subresources)) {
        const auto it = byName.constFind(parent);
        if (it != byName.constEnd())
            out[*it].subresources.append(sub);
    }
    return out;
}

// ---- one fetch of everything -----------------------------------------------------------------

class DiscoveryCache::Fetch : public QObject {
public:
    using Done = std::function<void(const Expected<QList<ApiResource>, KubeError> &, Format, const QStringList &)>;

    Fetch(RestClient *client, Mode mode, QObject *parent, Done done)
        : QObject(parent), m_client(client), m_mode(mode), m_done(std::move(done))
    {
    }

    void start()
    {
        const QByteArray accept = m_mode == Mode::Aggregated ? kAggregatedAccept : QByteArray("application/json");
        m_pending = 2;
        for (const bool groups : {false, true}) {
            KubeRequest request = KubeRequest::get(groups ? u"/apis"_s : u"/api"_s);
            request.accept = accept;
            request.timeoutMs = kDiscoveryTimeoutMs;
            m_client->send(request, this, [this, groups](const KubeResult &result) { rootFinished(groups, result); });
        }
    }

private:
    struct GroupVersion {
        QString group;
        QString version;
        QList<ApiResource> resources;
    };

    void rootFinished(bool groups, const KubeResult &result)
    {
        --m_pending;
        if (!result) {
            fail(result.error());
            return;
        }
        if (isAggregatedDiscoveryContentType(result->contentType())) {
            auto parsed = parseAggregatedDiscovery(result->body);
            if (!parsed) {
                fail(parsed.error());
                return;
            }
            (groups ? m_groupsAggregated : m_coreAggregated) = *parsed;
            m_sawAggregated = true;
        } else {
            m_sawLegacy = true;
            const auto root = parseObject(result->body, groups ? u"APIGroupList"_s : u"APIVersions"_s);
            if (!root) {
                fail(root.error());
                return;
            }
            if (groups)
                planGroups(*root);
            else
                planCore(*root);
        }
        maybeFinish();
    }

    void planCore(const QJsonObject &apiVersions)
    {
        for (const QString &version : jsonStrings(apiVersions.value("versions"_L1)))
            m_coreSlots.append({QString(), version, {}});
    }

    void planGroups(const QJsonObject &groupList)
    {
        for (const QJsonValue &groupValue : groupList.value("groups"_L1).toArray()) {
            const QJsonObject group = groupValue.toObject();
            const QString name = group.value("name"_L1).toString();
            const QString preferred = group.value("preferredVersion"_L1).toObject().value("version"_L1).toString();
            QStringList versions;
            for (const QJsonValue &v : group.value("versions"_L1).toArray())
                versions.append(v.toObject().value("version"_L1).toString());
            // The preferred version first: lookups take the first match.
            if (!preferred.isEmpty()) {
                versions.removeAll(preferred);
                versions.prepend(preferred);
            }
            for (const QString &version : std::as_const(versions))
                m_groupSlots.append({name, version, {}});
        }
    }

    void maybeFinish()
    {
        if (m_failed || m_pending > 0)
            return;
        if (!m_gvStarted && (!m_coreSlots.isEmpty() || !m_groupSlots.isEmpty())) {
            m_gvStarted = true;
            fetchGroupVersions();
            if (m_pending > 0)
                return;
        }
        QList<ApiResource> all = m_coreAggregated;
        for (const GroupVersion &slot : std::as_const(m_coreSlots))
            all += slot.resources;
        all += m_groupsAggregated;
        for (const GroupVersion &slot : std::as_const(m_groupSlots))
            all += slot.resources;
        const Format format = m_sawLegacy ? Format::Legacy : Format::Aggregated;
        m_done(all, format, m_problems);
    }

    void fetchGroupVersions()
    {
        const auto fetch = [this](QList<GroupVersion> &slotList, qsizetype index) {
            const GroupVersion &slot = slotList.at(index);
            const QString path = slot.group.isEmpty() ? u"/api/"_s + slot.version
                                                      : u"/apis/"_s + slot.group + u'/' + slot.version;
            KubeRequest request = KubeRequest::get(path);
            request.timeoutMs = kDiscoveryTimeoutMs;
            ++m_pending;
            QList<GroupVersion> *list = &slotList;
            m_client->send(request, this, [this, list, index, path](const KubeResult &result) {
                --m_pending;
                if (!result) {
                    m_problems.append(translate("fd::kube", "%1: %2").arg(path, result.error().message));
                } else if (auto parsed = parseApiResourceList(result->body)) {
                    (*list)[index].resources = *parsed;
                } else {
                    m_problems.append(translate("fd::kube", "%1: %2").arg(path, parsed.error().message));
                }
                maybeFinish();
            });
        };
        for (qsizetype i = 0; i < m_coreSlots.size(); ++i)
            fetch(m_coreSlots, i);
        for (qsizetype i = 0; i < m_groupSlots.size(); ++i)
            fetch(m_groupSlots, i);
    }

    void fail(const KubeError &error)
    {
        if (m_failed)
            return;
        m_failed = true;
        m_done(Unexpected(error), Format::None, m_problems);
    }

    QPointer<RestClient> m_client;
    Mode m_mode;
    Done m_done;
    int m_pending = 0;
    bool m_failed = false;
    bool m_gvStarted = false;
    bool m_sawAggregated = false;
    bool m_sawLegacy = false;
    QList<ApiResource> m_coreAggregated;
    QList<ApiResource> m_groupsAggregated;
    QList<GroupVersion> m_coreSlots;
    QList<GroupVersion> m_groupSlots;
    QStringList m_problems;
};

// ---- the cache -------------------------------------------------------------------------------

struct DiscoveryCache::Lookup {
    QString group;
    QString name;    // kind or resource
    bool byKind = true;
    QString version; // empty: preferred
};

DiscoveryCache::DiscoveryCache(RestClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

DiscoveryCache::~DiscoveryCache() = default;

QDateTime DiscoveryCache::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

std::optional<ApiResource> DiscoveryCache::find(const Lookup &lookup) const
{
    for (const ApiResource &resource : m_resources) {
        if (resource.group != lookup.group)
            continue;
        if (!lookup.version.isEmpty() && resource.version != lookup.version)
            continue;
        if (lookup.byKind ? resource.kind == lookup.name : resource.resource == lookup.name)
            return resource;
    }
    return std::nullopt;
}

std::optional<ApiResource> DiscoveryCache::findKind(const QString &group, const QString &kind, const QString &version) const
{
    return find({group, kind, true, version});
}

std::optional<ApiResource> DiscoveryCache::findResource(const QString &group, const QString &resource, const QString &version) const
{
    return find({group, resource, false, version});
}

void DiscoveryCache::resolveKind(const QString &group, const QString &kind, QObject *context, ResourceCallback callback,
                                 const QString &version)
{
    resolve({group, kind, true, version}, context, std::move(callback));
}

void DiscoveryCache::resolveResource(const QString &group, const QString &resource, QObject *context,
                                     ResourceCallback callback, const QString &version)
{
    resolve({group, resource, false, version}, context, std::move(callback));
}

bool DiscoveryCache::mayRefresh() const
{
    return !m_lastFetchStarted.isValid() || m_lastFetchStarted.msecsTo(now()) >= m_minRefreshMs;
}

void DiscoveryCache::resolve(const Lookup &lookup, QObject *context, ResourceCallback callback)
{
    QPointer<QObject> guard(context);
    const auto answer = [this, lookup, guard, callback](bool fetchFailed, const KubeError &fetchError) {
        if (!guard)
            return;
        if (const auto found = find(lookup)) {
            callback(*found);
            return;
        }
        if (fetchFailed) {
            callback(Unexpected(fetchError));
            return;
        }
        KubeError error;
        error.kind = ErrorKind::NotFound;
        error.reason = u"NotFound"_s;
        const QString what = lookup.group.isEmpty() ? lookup.name : lookup.name + u'.' + lookup.group;
        error.message = lookup.byKind
            ? translate("fd::kube", "the server does not serve the kind %1").arg(what)
            : translate("fd::kube", "the server does not serve the resource %1").arg(what);
        callback(Unexpected(error));
    };
    const bool known = m_loaded && find(lookup).has_value();
    if (known || (m_loaded && !m_fetch && !mayRefresh())) {
        // Asynchronously, as every other answer.
        QMetaObject::invokeMethod(this, [answer] { answer(false, {}); }, Qt::QueuedConnection);
        return;
    }
    refresh(this, [answer](const Expected<void, KubeError> &done) {
        answer(!done.hasValue(), done.hasValue() ? KubeError{} : done.error());
    });
}

void DiscoveryCache::refresh(QObject *context, DoneCallback callback)
{
    m_waiters.append({QPointer<QObject>(context), std::move(callback)});
    if (!m_fetch)
        startFetch();
}

void DiscoveryCache::invalidate()
{
    m_loaded = false;
    m_resources.clear();
    m_lastFetchStarted = {};
}

void DiscoveryCache::startFetch()
{
    if (!m_client) {
        KubeError error;
        error.kind = ErrorKind::Cancelled;
        QMetaObject::invokeMethod(this, [this, error] { fetchFinished(Unexpected(error), Format::None, {}); },
                                  Qt::QueuedConnection);
        return;
    }
    ++m_fetches;
    m_lastFetchStarted = now();
    m_fetch = new Fetch(m_client, m_mode, this,
                        [this](const Expected<QList<ApiResource>, KubeError> &result, Format format, const QStringList &problems) {
                            fetchFinished(result, format, problems);
                        });
    m_fetch->start();
}

void DiscoveryCache::fetchFinished(const Expected<QList<ApiResource>, KubeError> &result, Format format,
                                   const QStringList &problems)
{
    if (m_fetch) {
        m_fetch->deleteLater();
        m_fetch = nullptr;
    }
    Expected<void, KubeError> done;
    if (result) {
        m_resources = *result;
        m_loaded = true;
        m_format = format;
        m_problems = problems;
    } else {
        done = Unexpected(result.error()); // keep what we had: stale beats nothing
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(done);
    }
    if (result)
        Q_EMIT refreshed();
}

} // namespace fd::kube

#include "moc_DiscoveryCache.cpp"
