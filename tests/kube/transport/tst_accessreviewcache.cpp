#include "TransportTestUtil.h"

#include "kube/transport/AccessReviewCache.h"
#include "kube/transport/KubeSession.h"

#include <QTest>

using namespace fd::kube;
using namespace fd::test;
using namespace Qt::StringLiterals;
using fd::Expected;

namespace {
using Decision = Expected<AccessDecision, KubeError>;
using Rules = Expected<RulesReview, KubeError>;
} // namespace

class TestAccessReviewCache : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimTestCluster> m_sim;

    Decision check(AccessReviewCache *cache, const AccessQuery &query)
    {
        std::optional<Decision> result;
        cache->check(query, this, [&result](const Decision &d) { result = d; });
        if (!waitUntil([&result] { return result.has_value(); })) {
            KubeError error;
            error.message = u"test: no answer"_s;
            return fd::Unexpected(error);
        }
        return *result;
    }

    Rules rules(AccessReviewCache *cache, const QString &namespaceName)
    {
        std::optional<Rules> result;
        cache->rules(namespaceName, this, [&result](const Rules &r) { result = r; });
        if (!waitUntil([&result] { return result.has_value(); })) {
            KubeError error;
            error.message = u"test: no answer"_s;
            return fd::Unexpected(error);
        }
        return *result;
    }

    bool allowed(AccessReviewCache *cache, const AccessQuery &query)
    {
        const Decision decision = check(cache, query);
        if (!decision)
            qWarning("review failed: %s", qPrintable(decision.error().message));
        return decision && decision->allowed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = startSim(true);
        QVERIFY(m_sim);
    }
    void cleanupTestCase() { m_sim.reset(); }

    void viewerAndDeveloperDecisions()
    {
        auto viewer = makeSession(*m_sim, tokenUser(*m_sim, u"viewer"_s));
        AccessReviewCache *v = viewer->accessReviews();
        QVERIFY(allowed(v, {u"list"_s, {}, u"pods"_s, u"default"_s, {}, {}}));
        QVERIFY(allowed(v, {u"get"_s, {}, u"pods"_s, u"kube-system"_s, {}, u"log"_s}));
        QVERIFY(!allowed(v, {u"create"_s, {}, u"configmaps"_s, u"default"_s, {}, {}}));
        QVERIFY(!allowed(v, {u"get"_s, {}, u"secrets"_s, u"default"_s, {}, {}})); // `view` excludes secrets

        auto developer = makeSession(*m_sim, tokenUser(*m_sim, u"developer"_s));
        AccessReviewCache *d = developer->accessReviews();
        const Decision create = check(d, {u"create"_s, {}, u"configmaps"_s, u"default"_s, {}, {}});
        QVERIFY(create);
        QVERIFY(create->allowed);
        QVERIFY2(create->reason.contains(u"RBAC"_s), qPrintable(create->reason));
        QVERIFY(!allowed(d, {u"create"_s, {}, u"configmaps"_s, u"kube-system"_s, {}, {}}));
        QVERIFY(!allowed(d, {u"list"_s, {}, u"namespaces"_s, {}, {}, {}})); // cannot list namespaces
        QVERIFY(allowed(d, {u"update"_s, u"apps"_s, u"deployments"_s, u"default"_s, u"web"_s, {}}));
    }

    void answersAreCachedUntilTheTtlOrInvalidate()
    {
        auto viewer = makeSession(*m_sim, tokenUser(*m_sim, u"viewer"_s));
        AccessReviewCache *cache = viewer->accessReviews();
        QDateTime now = QDateTime::currentDateTimeUtc();
        cache->setClock([&now] { return now; });
        cache->setTtl(60'000);
        const AccessQuery query{u"list"_s, {}, u"services"_s, u"default"_s, {}, {}};
        QVERIFY(!cache->cached(query));
        QVERIFY(allowed(cache, query));
        QCOMPARE(cache->requestCount(), 1);
        QVERIFY(cache->cached(query));
        QVERIFY(allowed(cache, query));
        QCOMPARE(cache->requestCount(), 1);

        now = now.addSecs(61);
        QVERIFY(!cache->cached(query));
        QVERIFY(allowed(cache, query));
        QCOMPARE(cache->requestCount(), 2);

        cache->invalidate();
        QVERIFY(!cache->cached(query));
        QVERIFY(allowed(cache, query));
        QCOMPARE(cache->requestCount(), 3);

        // Identical questions in flight share one review.
        cache->invalidate();
        int answers = 0;
        for (int i = 0; i < 5; ++i)
            cache->check(query, this, [&answers](const Decision &d) { answers += d && d->allowed ? 1 : 0; });
        QVERIFY(waitUntil([&answers] { return answers == 5; }));
        QCOMPARE(cache->requestCount(), 4);
    }

    void rulesReviewPerNamespace()
    {
        auto developer = makeSession(*m_sim, tokenUser(*m_sim, u"developer"_s));
        AccessReviewCache *cache = developer->accessReviews();
        const Rules inDefault = rules(cache, u"default"_s);
        QVERIFY2(inDefault, qPrintable(inDefault ? QString() : inDefault.error().message));
        QCOMPARE(inDefault->namespaceName, u"default"_s);
        QVERIFY(inDefault->allows(u"create"_s, {}, u"configmaps"_s));
        QVERIFY(inDefault->allows(u"get"_s, {}, u"pods"_s, u"log"_s));
        QVERIFY(!inDefault->allows(u"create"_s, u"rbac.authorization.k8s.io"_s, u"roles"_s));
        const Rules inKubeSystem = rules(cache, u"kube-system"_s);
        QVERIFY(inKubeSystem);
        QVERIFY(!inKubeSystem->allows(u"create"_s, {}, u"configmaps"_s));
        QCOMPARE(cache->requestCount(), 2);
        QVERIFY(rules(cache, u"default"_s));
        QCOMPARE(cache->requestCount(), 2); // cached
    }

    void ruleMatching()
    {
        RulesReview review;
        review.resourceRules = {{{u"get"_s, u"list"_s}, {u""_s}, {u"pods"_s, u"pods/log"_s}, {}},
                                {{u"*"_s}, {u"apps"_s}, {u"*"_s}, {}},
                                {{u"update"_s}, {u""_s}, {u"configmaps"_s}, {u"allowed-one"_s}},
                                {{u"get"_s}, {u"apps"_s}, {u"*/scale"_s}, {}}};
        QVERIFY(review.allows(u"get"_s, {}, u"pods"_s));
        QVERIFY(review.allows(u"get"_s, {}, u"pods"_s, u"log"_s));
        QVERIFY(!review.allows(u"get"_s, {}, u"pods"_s, u"exec"_s));
        QVERIFY(review.allows(u"delete"_s, u"apps"_s, u"deployments"_s));
        QVERIFY(review.allows(u"update"_s, {}, u"configmaps"_s, {}, u"allowed-one"_s));
        QVERIFY(!review.allows(u"update"_s, {}, u"configmaps"_s, {}, u"other"_s));
        QVERIFY(!review.allows(u"update"_s, {}, u"configmaps"_s)); // any name: not granted by a named rule
        QVERIFY(review.allows(u"get"_s, u"apps"_s, u"statefulsets"_s, u"scale"_s));
        QVERIFY(!review.allows(u"get"_s, u"batch"_s, u"jobs"_s));
    }
};

QTEST_GUILESS_MAIN(TestAccessReviewCache)
#include "tst_accessreviewcache.moc"
