// InformerSet against scripted sources: one reflector per kind cluster-wide, the fallback to
// per-namespace reflectors on 403 (namespaces the user may list, else the context's namespace and
// the configured ones), the reason it reports, and deltas batched per "<kind>/<scope>" source.
#include "FakeListWatchSource.h"

#include "kube/informer/InformerSet.h"

#include <QSignalSpy>
#include <QTest>

using namespace fd::kube;
using namespace fd::kube::test;
using namespace Qt::StringLiterals;

namespace {

const ResourceKind ConfigMaps = ResourceKind::core(u"configmaps"_s, u"ConfigMap"_s);
const ResourceKind Secrets = ResourceKind::core(u"secrets"_s, u"Secret"_s);
const ResourceKind Nodes = ResourceKind::core(u"nodes"_s, u"Node"_s, false);

struct FakeTime {
    qint64 now = 1'000'000;
    QList<qint64> wakeups;
    Reflector::Timing timing()
    {
        return Reflector::Timing{[this] { return now; }, [this](qint64 delay) { wakeups.append(delay); }};
    }
};

struct Harness {
    FakeCluster cluster;
    FakeTime time;
    std::unique_ptr<InformerSet> set;
    QList<DeltaBatch> batches;

    explicit Harness(InformerScopeSettings scope = {})
    {
        InformerSet::Options options;
        options.reflector.random = [] { return 0.0; };
        options.scope = std::move(scope);
        options.timing = time.timing();
        set = std::make_unique<InformerSet>(
            [this](const ResourceKind &kind, const QString &ns) {
                return std::make_unique<FakeListWatchSource>(cluster.endpoint(InformerSet::sourceName(kind, ns)),
                                                             InformerSet::sourceName(kind, ns));
            },
            options);
        QObject::connect(set->batcher(), &DeltaBatcher::batchReady, set.get(),
                         [this](const DeltaBatch &batch) { batches.append(batch); });
    }

    std::shared_ptr<FakeEndpoint> at(const QString &source) { return cluster.endpoint(source); }
    bool has(const QString &source) const { return cluster.endpoints.contains(source); }

    // Answers the pending list of a source with one page and confirms its watch.
    void serve(const QString &source, const QList<KubeObject> &items, const QString &rv)
    {
        auto endpoint = at(source);
        QVERIFY2(endpoint->lastList() && !endpoint->lastList()->answered, qPrintable(source));
        endpoint->lastList()->reply(page(items, rv));
        QVERIFY2(endpoint->lastWatch(), qPrintable(source));
        endpoint->lastWatch()->open();
    }

    // Flushes the batcher and renders what came out: "source:A/name …".
    QString flush()
    {
        batches.clear();
        set->batcher()->flush();
        QStringList parts;
        for (const DeltaBatch &batch : std::as_const(batches)) {
            for (const DeltaGroup &group : batch.groups) {
                for (const Delta &d : group.deltas) {
                    const QString type = d.type == Delta::Type::Added ? u"A"_s
                        : d.type == Delta::Type::Modified           ? u"M"_s
                                                                    : u"D"_s;
                    parts.append(group.source + u':' + type + u'/' + d.object.key());
                }
            }
        }
        return parts.join(u' ');
    }

    QStringList scopes(const ResourceKind &kind) const
    {
        QStringList names;
        for (const Reflector *r : set->reflectors(kind))
            names.append(r->describe());
        return names;
    }
};

} // namespace

class TestInformerSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<fd::kube::DeltaBatch>();
        qRegisterMetaType<fd::kube::InformerScope>();
    }

    void watchesClusterWideWhenAllowedAndBatchesPerSource()
    {
        Harness h;
        h.set->addKind(ConfigMaps);
        h.set->addKind(Secrets);
        h.set->addKind(ConfigMaps); // twice: once
        QCOMPARE(h.set->kinds().size(), 2);
        QVERIFY(h.cluster.endpoints.empty()); // nothing before start()
        h.set->start();
        QCOMPARE(h.scopes(ConfigMaps), QStringList{u"configmaps/*"_s});
        QCOMPARE(h.scopes(Secrets), QStringList{u"secrets/*"_s});
        QVERIFY(!h.set->isLive());
        h.serve(u"configmaps/*"_s, {configMap(u"a"_s, u"one"_s, u"5"_s), configMap(u"b"_s, u"two"_s, u"6"_s)}, u"10"_s);
        QVERIFY(!h.set->isLive());
        h.serve(u"secrets/*"_s, {}, u"10"_s);
        QVERIFY(h.set->isLive());
        QCOMPARE(h.set->scope(ConfigMaps).mode, InformerScope::Mode::ClusterWide);
        QVERIFY(h.set->scope(ConfigMaps).explanation(u"configmaps"_s).isEmpty());
        QCOMPARE(h.flush(), u"configmaps/*:A/a/one configmaps/*:A/b/two"_s);
        QCOMPARE(h.set->items(ConfigMaps).size(), 2);

        h.at(u"configmaps/*"_s)->lastWatch()->send(deleted(configMap(u"a"_s, u"one"_s, u"11"_s)));
        QCOMPARE(h.flush(), u"configmaps/*:D/a/one"_s);
    }

    void fallsBackToEachNamespaceTheUserMayList()
    {
        Harness h;
        QSignalSpy scopeChanges(h.set.get(), &InformerSet::scopeChanged);
        h.set->addKind(ConfigMaps);
        h.set->start();
        h.at(u"configmaps/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        // The refused reflector is not retried; the namespaces are looked up.
        QCOMPARE(h.set->scope(ConfigMaps).mode, InformerScope::Mode::Pending);
        QVERIFY(h.set->scope(ConfigMaps).clusterWideError.has_value());
        QVERIFY(h.time.wakeups.isEmpty());
        QVERIFY(!h.set->isLive());
        QVERIFY(h.has(u"namespaces/*"_s));

        h.at(u"namespaces/*"_s)->lastList()->reply(page({namespaceObject(u"b"_s, u"2"_s), namespaceObject(u"a"_s, u"1"_s)}, u"5"_s));
        h.at(u"namespaces/*"_s)->lastWatch()->open();
        const InformerScope scope = h.set->scope(ConfigMaps);
        QCOMPARE(scope.mode, InformerScope::Mode::ListedNamespaces);
        QCOMPARE(scope.namespaces, (QStringList{u"a"_s, u"b"_s}));
        QVERIFY(!scope.namespaceListError.has_value());
        QVERIFY(scope.explanation(u"configmaps"_s).contains(u"configmaps"_s));
        QCOMPARE(h.scopes(ConfigMaps), (QStringList{u"configmaps/a"_s, u"configmaps/b"_s}));
        QVERIFY(scopeChanges.count() >= 2);
        QCOMPARE(scopeChanges.last().at(1).value<InformerScope>().mode, InformerScope::Mode::ListedNamespaces);

        h.serve(u"configmaps/a"_s, {configMap(u"a"_s, u"one"_s, u"7"_s)}, u"10"_s);
        h.serve(u"configmaps/b"_s, {configMap(u"b"_s, u"two"_s, u"8"_s)}, u"10"_s);
        QVERIFY(h.set->isLive());
        QCOMPARE(h.flush(), u"configmaps/a:A/a/one configmaps/b:A/b/two"_s);

        // A namespace appears: it gets a reflector. One is deleted: its objects leave.
        h.at(u"namespaces/*"_s)->lastWatch()->send({added(namespaceObject(u"c"_s, u"20"_s)), deleted(namespaceObject(u"a"_s, u"21"_s))});
        QCOMPARE(h.scopes(ConfigMaps), (QStringList{u"configmaps/b"_s, u"configmaps/c"_s}));
        QCOMPARE(h.set->scope(ConfigMaps).namespaces, (QStringList{u"b"_s, u"c"_s}));
        QVERIFY(h.at(u"configmaps/a"_s)->lastWatch()->cancelled);
        QCOMPARE(h.flush(), u"configmaps/a:D/a/one"_s);
        QVERIFY(!h.set->isLive());
        h.serve(u"configmaps/c"_s, {}, u"22"_s);
        QVERIFY(h.set->isLive());
    }

    void fallsBackToTheConfiguredNamespacesWhenNamespacesAreForbidden()
    {
        Harness h(InformerScopeSettings{u"dev"_s, {u"team-x"_s, u" dev "_s, QString()}});
        h.set->addKind(ConfigMaps);
        h.set->addKind(Secrets);
        h.set->start();
        h.at(u"configmaps/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        h.at(u"namespaces/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        QCOMPARE(h.set->scope(ConfigMaps).mode, InformerScope::Mode::ConfiguredNamespaces);
        QCOMPARE(h.set->scope(ConfigMaps).namespaces, (QStringList{u"dev"_s, u"team-x"_s}));
        QVERIFY(h.set->scope(ConfigMaps).namespaceListError.has_value());
        QVERIFY(h.set->scope(ConfigMaps).explanation(u"configmaps"_s).contains(u"team-x"_s));
        // Secrets were allowed cluster-wide: untouched.
        QCOMPARE(h.set->scope(Secrets).mode, InformerScope::Mode::ClusterWide);
        // A second kind refused later reuses what was learnt about namespaces.
        h.at(u"secrets/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        QCOMPARE(h.set->scope(Secrets).mode, InformerScope::Mode::ConfiguredNamespaces);
        QCOMPARE(h.at(u"namespaces/*"_s)->lists.size(), size_t(1));

        h.serve(u"configmaps/dev"_s, {configMap(u"dev"_s, u"one"_s, u"7"_s)}, u"10"_s);
        h.serve(u"secrets/dev"_s, {}, u"10"_s);
        // team-x is refused too: it stays Forbidden (shown), without retries, and does not keep
        // the set from being live.
        h.at(u"configmaps/team-x"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        h.at(u"secrets/team-x"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        QVERIFY(h.time.wakeups.isEmpty());
        QVERIFY(h.set->isLive());
        bool sawForbidden = false;
        for (const Reflector *r : h.set->reflectors(ConfigMaps))
            sawForbidden |= r->status().phase == ReflectorPhase::Forbidden;
        QVERIFY(sawForbidden);
        QCOMPARE(h.flush(), u"configmaps/dev:A/dev/one"_s);
    }

    void refreshScopeTriesClusterWideAgain()
    {
        Harness h(InformerScopeSettings{u"dev"_s, {}});
        h.set->addKind(ConfigMaps);
        h.set->start();
        h.at(u"configmaps/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        h.at(u"namespaces/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        h.serve(u"configmaps/dev"_s, {configMap(u"dev"_s, u"one"_s, u"7"_s)}, u"10"_s);
        h.flush();

        h.set->refreshScope();
        QCOMPARE(h.set->scope(ConfigMaps).mode, InformerScope::Mode::ClusterWide);
        QCOMPARE(h.scopes(ConfigMaps), QStringList{u"configmaps/*"_s});
        QCOMPARE(h.at(u"configmaps/*"_s)->lists.size(), size_t(2));
        h.serve(u"configmaps/*"_s, {configMap(u"dev"_s, u"one"_s, u"7"_s), configMap(u"prod"_s, u"two"_s, u"8"_s)}, u"20"_s);
        // The consumer saw the per-namespace copy leave and the cluster-wide one arrive.
        QCOMPARE(h.flush(), u"configmaps/dev:D/dev/one configmaps/*:A/dev/one configmaps/*:A/prod/two"_s);
        QVERIFY(h.set->isLive());
    }

    void clusterScopedKindsStayForbidden()
    {
        Harness h(InformerScopeSettings{u"dev"_s, {}});
        h.set->addKind(Nodes);
        h.set->start();
        h.at(u"nodes/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        QCOMPARE(h.set->scope(Nodes).mode, InformerScope::Mode::ClusterWide);
        QVERIFY(!h.has(u"namespaces/*"_s));
        QCOMPARE(h.set->reflectors(Nodes).size(), 1);
        QCOMPARE(h.set->reflectors(Nodes).first()->status().phase, ReflectorPhase::Forbidden);
        QVERIFY(!h.set->isLive());
    }

    void stopAndStartKeepTheScope()
    {
        Harness h(InformerScopeSettings{u"dev"_s, {}});
        h.set->addKind(ConfigMaps);
        h.set->start();
        h.at(u"configmaps/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        h.at(u"namespaces/*"_s)->lastList()->fail(error(ErrorKind::Forbidden, 403));
        h.serve(u"configmaps/dev"_s, {}, u"10"_s);
        h.set->stop();
        QVERIFY(!h.set->isLive());
        QCOMPARE(h.at(u"configmaps/dev"_s)->liveCalls(), 0);
        h.set->start();
        QCOMPARE(h.at(u"configmaps/*"_s)->lists.size(), size_t(1));
        QCOMPARE(h.at(u"configmaps/dev"_s)->lists.size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestInformerSet)
#include "tst_informerset.moc"
