#pragma once

#include "common/Expected.h"
#include "kube/core/KubeError.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// What resources a cluster serves, per session (kube-protocol.md §3 "Discovery").
//
// Fetch: aggregated discovery first — GET /api and /apis with
// `Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json`;
// a reply is read as aggregated only when its Content-Type names that format. Otherwise (an
// older server, or Mode::LegacyOnly which sends the plain Accept) the replies are the legacy
// APIVersions/APIGroupList documents, and every group-version document (/api/v1, /apis/g/v) is
// fetched too. Group-versions whose document fails (an aggregated API server that is down) are
// left out and named in lastProblems(); the rest still resolves.
//
// Resolve (group, kind) or (group, resource) — optionally a version — to an ApiResource: the
// preferred version (the server's order) unless one is asked for. A miss triggers one refresh,
// at most once per minRefreshInterval() (10 s: a typo must not hammer the server), then
// answers NotFound. Concurrent callers share one fetch. Lives on the session thread; callbacks
// come there, always asynchronously.

namespace fd::kube {

class RestClient;

struct ApiResource {
    QString group;        // "" for the core group
    QString version;
    QString resource;     // plural, e.g. "deployments"
    QString kind;         // e.g. "Deployment"
    QString singular;
    bool namespaced = false;
    QStringList verbs;
    QStringList shortNames;
    QStringList categories;
    QStringList subresources; // "status", "scale", "log", …

    QString groupVersion() const { return group.isEmpty() ? version : group + QLatin1Char('/') + version; }
    // "/api/v1" or "/apis/<group>/<version>"
    QString apiPrefix() const;
    // The collection path: <prefix>[/namespaces/<ns>]/<resource> (no namespace for cluster
    // scope or for "all namespaces").
    QString collectionPath(const QString &namespaceName = {}) const;
    bool supports(const QString &verb) const { return verbs.contains(verb); }
};

class DiscoveryCache : public QObject {
    Q_OBJECT
public:
    enum class Mode { Aggregated, LegacyOnly };
    enum class Format { None, Aggregated, Legacy };
    using Clock = std::function<QDateTime()>;
    using ResourceCallback = std::function<void(const Expected<ApiResource, KubeError> &)>;
    using DoneCallback = std::function<void(const Expected<void, KubeError> &)>;

    explicit DiscoveryCache(RestClient *client, QObject *parent = nullptr);
    ~DiscoveryCache() override;

    void setMode(Mode mode) { m_mode = mode; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setMinRefreshInterval(int ms) { m_minRefreshMs = ms; }
    int minRefreshInterval() const { return m_minRefreshMs; }

    void resolveKind(const QString &group, const QString &kind, QObject *context, ResourceCallback callback,
                     const QString &version = {});
    void resolveResource(const QString &group, const QString &resource, QObject *context, ResourceCallback callback,
                         const QString &version = {});
    // Fetches now (joins a fetch already running).
    void refresh(QObject *context, DoneCallback callback);
    // Forget everything; the next lookup fetches.
    void invalidate();

    // From the cache only (no fetch).
    std::optional<ApiResource> findKind(const QString &group, const QString &kind, const QString &version = {}) const;
    std::optional<ApiResource> findResource(const QString &group, const QString &resource, const QString &version = {}) const;
    QList<ApiResource> resources() const { return m_resources; }
    bool isLoaded() const { return m_loaded; }
    Format lastFormat() const { return m_format; }
    QStringList lastProblems() const { return m_problems; }
    int fetchCount() const { return m_fetches; }

Q_SIGNALS:
    void refreshed();

private:
    struct Lookup;
    struct Waiter {
        QPointer<QObject> context;
        DoneCallback callback;
    };
    class Fetch;

    void resolve(const Lookup &lookup, QObject *context, ResourceCallback callback);
    std::optional<ApiResource> find(const Lookup &lookup) const;
    bool mayRefresh() const;
    void startFetch();
    void fetchFinished(const Expected<QList<ApiResource>, KubeError> &result, Format format, const QStringList &problems);
    QDateTime now() const;

    QPointer<RestClient> m_client;
    Mode m_mode = Mode::Aggregated;
    Clock m_clock;
    int m_minRefreshMs = 10'000;
    QList<ApiResource> m_resources; // groups in server order, versions in preference order
    bool m_loaded = false;
    Format m_format = Format::None;
    QStringList m_problems;
    QDateTime m_lastFetchStarted;
    Fetch *m_fetch = nullptr;
    QList<Waiter> m_waiters;
    int m_fetches = 0;
};

// Parsers, exposed for tests: an APIGroupDiscoveryList (aggregated v2), an APIResourceList
// (legacy group-version document). Stale versions of the aggregated form are skipped.
Expected<QList<ApiResource>, KubeError> parseAggregatedDiscovery(const QByteArray &json);
Expected<QList<ApiResource>, KubeError> parseApiResourceList(const QByteArray &json);
// Whether a Content-Type names the aggregated discovery format.
bool isAggregatedDiscoveryContentType(const QByteArray &contentType);

} // namespace fd::kube
