#include "TransportTestUtil.h"

#include "kube/transport/DiscoveryCache.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace fd::kube;
using namespace fd::test;
using namespace Qt::StringLiterals;
using fd::Expected;

namespace {

using Resolved = Expected<ApiResource, KubeError>;

} // namespace

class TestDiscoveryCache : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimTestCluster> m_sim;

    Resolved resolveKind(DiscoveryCache *cache, const QString &group, const QString &kind)
    {
        std::optional<Resolved> result;
        cache->resolveKind(group, kind, this, [&result](const Resolved &r) { result = r; });
        if (!waitUntil([&result] { return result.has_value(); })) {
            KubeError error;
            error.message = u"test: no answer"_s;
            return fd::Unexpected(error);
        }
        return *result;
    }

    Resolved resolveResource(DiscoveryCache *cache, const QString &group, const QString &resource)
    {
        std::optional<Resolved> result;
        cache->resolveResource(group, resource, this, [&result](const Resolved &r) { result = r; });
        if (!waitUntil([&result] { return result.has_value(); })) {
            KubeError error;
            error.message = u"test: no answer"_s;
            return fd::Unexpected(error);
        }
        return *result;
    }

    void checkBuiltins(DiscoveryCache *cache)
    {
        const Resolved deployment = resolveKind(cache, u"apps"_s, u"Deployment"_s);
        QVERIFY2(deployment, qPrintable(deployment ? QString() : deployment.error().message));
        QCOMPARE(deployment->resource, u"deployments"_s);
        QCOMPARE(deployment->version, u"v1"_s);
        QVERIFY(deployment->namespaced);
        QVERIFY(deployment->supports(u"watch"_s));
        QVERIFY(deployment->subresources.contains(u"status"_s));
        QVERIFY(deployment->subresources.contains(u"scale"_s));
        QCOMPARE(deployment->collectionPath(u"team-a"_s), u"/apis/apps/v1/namespaces/team-a/deployments"_s);

        const Resolved pods = resolveResource(cache, QString(), u"pods"_s);
        QVERIFY(pods);
        QCOMPARE(pods->kind, u"Pod"_s);
        QVERIFY(pods->subresources.contains(u"log"_s));
        QCOMPARE(pods->collectionPath(), u"/api/v1/pods"_s);

        const Resolved ns = resolveKind(cache, QString(), u"Namespace"_s);
        QVERIFY(ns);
        QVERIFY(!ns->namespaced);
        QCOMPARE(ns->collectionPath(u"ignored"_s), u"/api/v1/namespaces"_s);
    }

    static QSet<QString> signature(const QList<ApiResource> &resources)
    {
        QSet<QString> out;
        for (const ApiResource &r : resources) {
            QStringList subresources = r.subresources;
            subresources.sort();
            QStringList verbs = r.verbs;
            verbs.sort();
            out.insert(QStringList{r.group, r.version, r.resource, r.kind, r.namespaced ? u"ns"_s : u"cluster"_s,
                                   verbs.join(u','), subresources.join(u',')}
                           .join(u'|'));
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = startSim(true);
        QVERIFY(m_sim);
    }
    void cleanupTestCase() { m_sim.reset(); }

    void aggregatedDiscovery()
    {
        auto session = makeSession(*m_sim, certificateUser(*m_sim));
        DiscoveryCache *cache = session->discovery();
        checkBuiltins(cache);
        QCOMPARE(cache->lastFormat(), DiscoveryCache::Format::Aggregated);
        QCOMPARE(cache->fetchCount(), 1); // every lookup after the first came from the cache
        QVERIFY(cache->lastProblems().isEmpty());
    }

    void legacyDiscovery()
    {
        auto session = makeSession(*m_sim, certificateUser(*m_sim));
        DiscoveryCache *cache = session->discovery();
        cache->setMode(DiscoveryCache::Mode::LegacyOnly);
        checkBuiltins(cache);
        QCOMPARE(cache->lastFormat(), DiscoveryCache::Format::Legacy);
        QCOMPARE(cache->fetchCount(), 1);

        // Both paths describe the same server.
        auto other = makeSession(*m_sim, certificateUser(*m_sim));
        std::optional<Expected<void, KubeError>> done;
        other->discovery()->refresh(this, [&done](const Expected<void, KubeError> &r) { done = r; });
        QVERIFY(waitUntil([&done] { return done.has_value(); }));
        QVERIFY(done->hasValue());
        QCOMPARE(other->discovery()->lastFormat(), DiscoveryCache::Format::Aggregated);
        QCOMPARE(signature(cache->resources()), signature(other->discovery()->resources()));
    }

    void missingKindRefreshesAtMostOncePerInterval()
    {
        auto session = makeSession(*m_sim, certificateUser(*m_sim));
        DiscoveryCache *cache = session->discovery();
        QDateTime now = QDateTime::currentDateTimeUtc();
        cache->setClock([&now] { return now; });
        QVERIFY(resolveKind(cache, u"apps"_s, u"Deployment"_s));
        QCOMPARE(cache->fetchCount(), 1);

        // A CRD appears on the server.
        QVERIFY(installWidgetCrd(session->rest()));

        // Within the interval: no new fetch, NotFound.
        now = now.addSecs(5);
        const Resolved early = resolveKind(cache, u"example.fission-desk.io"_s, u"Widget"_s);
        QVERIFY(!early);
        QCOMPARE(early.error().kind, ErrorKind::NotFound);
        QCOMPARE(cache->fetchCount(), 1);

        // After it: the miss refreshes and finds it.
        now = now.addSecs(6);
        const Resolved widget = resolveKind(cache, u"example.fission-desk.io"_s, u"Widget"_s);
        QVERIFY2(widget, qPrintable(widget ? QString() : widget.error().message));
        QCOMPARE(widget->resource, u"widgets"_s);
        QVERIFY(widget->subresources.contains(u"status"_s));
        QCOMPARE(cache->fetchCount(), 2);

        // Another unknown kind right away: rate-limited.
        now = now.addSecs(1);
        const Resolved gadget = resolveKind(cache, u"example.fission-desk.io"_s, u"Gadget"_s);
        QVERIFY(!gadget);
        QCOMPARE(gadget.error().kind, ErrorKind::NotFound);
        QVERIFY(gadget.error().message.contains(u"Gadget.example.fission-desk.io"_s));
        QCOMPARE(cache->fetchCount(), 2);
    }

    void concurrentLookupsShareOneFetch()
    {
        auto session = makeSession(*m_sim, certificateUser(*m_sim));
        DiscoveryCache *cache = session->discovery();
        int answers = 0;
        for (const QString &kind : {u"Pod"_s, u"Service"_s, u"ConfigMap"_s, u"Secret"_s})
            cache->resolveKind(QString(), kind, this, [&answers](const Resolved &r) { answers += r.hasValue() ? 1 : 0; });
        QVERIFY(waitUntil([&answers] { return answers == 4; }));
        QCOMPARE(cache->fetchCount(), 1);
    }

    void staleAggregatedVersionsAreSkipped()
    {
        const QByteArray json =
            "{\"kind\":\"APIGroupDiscoveryList\",\"apiVersion\":\"apidiscovery.k8s.io/v2\",\"items\":["
            "{\"metadata\":{\"name\":\"metrics.k8s.io\"},\"versions\":["
            "{\"version\":\"v1beta1\",\"freshness\":\"Stale\",\"resources\":[{\"resource\":\"pods\",\"responseKind\":{\"kind\":\"PodMetrics\"},\"scope\":\"Namespaced\",\"verbs\":[\"get\"]}]}]},"
            "{\"metadata\":{\"name\":\"apps\"},\"versions\":["
            "{\"version\":\"v1\",\"resources\":[{\"resource\":\"deployments\",\"responseKind\":{\"group\":\"\",\"version\":\"\",\"kind\":\"Deployment\"},"
            "\"scope\":\"Namespaced\",\"verbs\":[\"get\",\"list\"],\"subresources\":[{\"subresource\":\"scale\",\"verbs\":[\"get\"]}]}]}]}]}";
        const auto parsed = parseAggregatedDiscovery(json);
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->first().kind, u"Deployment"_s);
        QCOMPARE(parsed->first().subresources, QStringList{u"scale"_s});
        QVERIFY(!parseAggregatedDiscovery("{\"kind\":\"APIGroupList\"}"));
        QVERIFY(!parseAggregatedDiscovery("not json"));
        QVERIFY(isAggregatedDiscoveryContentType("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"));
        QVERIFY(!isAggregatedDiscoveryContentType("application/json"));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryCache)
#include "tst_discoverycache.moc"
