// Watch semantics of the emulator as clients rely on them (kube-protocol.md §4).
#include "SimTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace fd::test;

namespace {

QJsonObject configMap(const QString &name, const QJsonObject &labels = {})
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!labels.isEmpty())
        metadata.insert(QStringLiteral("labels"), labels);
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")}, {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"), metadata}};
}

QString typeOf(const QJsonObject &event)
{
    return event.value(QLatin1String("type")).toString();
}

QString nameOf(const QJsonObject &event)
{
    return event.value(QLatin1String("object")).toObject().value(QLatin1String("metadata")).toObject()
        .value(QLatin1String("name")).toString();
}

// The events of the test's own objects (every namespace also gets kube-root-ca.crt).
QList<QJsonObject> own(const QList<QJsonObject> &events)
{
    QList<QJsonObject> result;
    for (const QJsonObject &event : events) {
        if (nameOf(event) != QLatin1String("kube-root-ca.crt"))
            result << event;
    }
    return result;
}

QStringList summary(const QList<QJsonObject> &events)
{
    QStringList result;
    for (const QJsonObject &event : own(events))
        result << typeOf(event) + QLatin1Char(' ') + nameOf(event);
    return result;
}

} // namespace

class TestWatch : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<SimTestCluster> m_cluster;
    QNetworkAccessManager m_network;
    int m_namespaceCounter = 0;
    QString m_ns;

    QNetworkRequest watchRequest(const QString &query)
    {
        QNetworkRequest request(QUrl(m_cluster->url() + QStringLiteral("/api/v1/namespaces/%1/configmaps?watch=true&").arg(m_ns) + query));
        request.setRawHeader("Authorization", "Bearer " + m_cluster->token().toLatin1());
        return request;
    }

    QString createConfigMap(const QString &name, const QJsonObject &labels = {})
    {
        const HttpResult result = m_cluster->post(QStringLiteral("/api/v1/namespaces/%1/configmaps").arg(m_ns), configMap(name, labels));
        return result.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<SimTestCluster>();
        QString error;
        QVERIFY2(m_cluster->start(&error), qPrintable(error));
    }

    void init()
    {
        m_ns = QStringLiteral("watch-%1").arg(++m_namespaceCounter);
        const QJsonObject ns{{QStringLiteral("apiVersion"), QStringLiteral("v1")}, {QStringLiteral("kind"), QStringLiteral("Namespace")},
                             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), m_ns}}}};
        QCOMPARE(m_cluster->post(QStringLiteral("/api/v1/namespaces"), ns).status, 201);
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void unsetResourceVersionSendsSyntheticAdded()
    {
        createConfigMap(QStringLiteral("a"));
        createConfigMap(QStringLiteral("b"));
        StreamReader reader(&m_network, watchRequest(QString()));
        QTRY_COMPARE(own(reader.events()).size(), 2);
        QCOMPARE(summary(reader.events()), (QStringList{QStringLiteral("ADDED a"), QStringLiteral("ADDED b")}));
        createConfigMap(QStringLiteral("c"));
        QTRY_COMPARE(own(reader.events()).size(), 3);
        QCOMPARE(summary(reader.events()).last(), QStringLiteral("ADDED c"));
    }

    void exactResourceVersionReplaysHistory()
    {
        const QString first = createConfigMap(QStringLiteral("a"));
        createConfigMap(QStringLiteral("b"));
        m_cluster->request("DELETE", QStringLiteral("/api/v1/namespaces/%1/configmaps/a").arg(m_ns));
        StreamReader reader(&m_network, watchRequest(QStringLiteral("resourceVersion=") + first));
        QTRY_COMPARE(own(reader.events()).size(), 2);
        QCOMPARE(summary(reader.events()), (QStringList{QStringLiteral("ADDED b"), QStringLiteral("DELETED a")}));
    }

    void compactedResourceVersionIsGone()
    {
        const QString first = createConfigMap(QStringLiteral("a"));
        createConfigMap(QStringLiteral("b"));
        QCOMPARE(m_cluster->post(QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("compact"), true}}).status, 200);
        StreamReader reader(&m_network, watchRequest(QStringLiteral("resourceVersion=") + first));
        QTRY_VERIFY(reader.finished());
        QCOMPARE(reader.status(), 410);
    }

    void selectorTransitionsBecomeAddedAndDeleted()
    {
        createConfigMap(QStringLiteral("s"), {{QStringLiteral("app"), QStringLiteral("x")}});
        StreamReader reader(&m_network, watchRequest(QStringLiteral("labelSelector=app%3Dx")));
        QTRY_COMPARE(reader.events().size(), 1);
        const QString path = QStringLiteral("/api/v1/namespaces/%1/configmaps/s").arg(m_ns);
        QCOMPARE(m_cluster->request("PATCH", path, R"({"metadata":{"labels":{"app":"y"}}})", "application/merge-patch+json").status, 200);
        QTRY_COMPARE(reader.events().size(), 2);
        QCOMPARE(summary(reader.events()).last(), QStringLiteral("DELETED s"));
        QCOMPARE(m_cluster->request("PATCH", path, R"({"metadata":{"labels":{"app":"x"}}})", "application/merge-patch+json").status, 200);
        QTRY_COMPARE(reader.events().size(), 3);
        QCOMPARE(summary(reader.events()).last(), QStringLiteral("ADDED s"));
    }

    void bookmarksCarryTheCurrentResourceVersion()
    {
        QCOMPARE(m_cluster->post(QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("bookmarkIntervalMs"), 50}}).status, 200);
        const QString rv = createConfigMap(QStringLiteral("a"));
        StreamReader reader(&m_network, watchRequest(QStringLiteral("allowWatchBookmarks=true&resourceVersion=") + rv));
        QTRY_VERIFY(!reader.events().isEmpty());
        const QJsonObject bookmark = reader.events().first();
        QCOMPARE(typeOf(bookmark), QStringLiteral("BOOKMARK"));
        QCOMPARE(bookmark.value(QLatin1String("object")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
        QVERIFY(!bookmark.value(QLatin1String("object")).toObject().value(QLatin1String("metadata")).toObject()
                     .value(QLatin1String("resourceVersion")).toString().isEmpty());
        m_cluster->post(QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("bookmarkIntervalMs"), 60000}});
    }

    void watchListEndsInitialEventsWithAnnotatedBookmark()
    {
        createConfigMap(QStringLiteral("a"));
        createConfigMap(QStringLiteral("b"));
        StreamReader reader(&m_network, watchRequest(QStringLiteral(
            "sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=30")));
        QTRY_COMPARE(own(reader.events()).size(), 3);
        const QList<QJsonObject> events = own(reader.events());
        QCOMPARE(summary(events).mid(0, 2), (QStringList{QStringLiteral("ADDED a"), QStringLiteral("ADDED b")}));
        QCOMPARE(typeOf(events.at(2)), QStringLiteral("BOOKMARK"));
        QCOMPARE(events.at(2).value(QLatin1String("object")).toObject().value(QLatin1String("metadata")).toObject()
                     .value(QLatin1String("annotations")).toObject().value(QLatin1String("k8s.io/initial-events-end")).toString(),
                 QStringLiteral("true"));
        createConfigMap(QStringLiteral("c"));
        QTRY_COMPARE(own(reader.events()).size(), 4);
    }

    void watchListWithoutNotOlderThanIsInvalid()
    {
        StreamReader reader(&m_network, watchRequest(QStringLiteral("sendInitialEvents=true&allowWatchBookmarks=true")));
        QTRY_VERIFY(reader.finished());
        QCOMPARE(reader.status(), 422);
    }

    void timeoutEndsCleanly()
    {
        StreamReader reader(&m_network, watchRequest(QStringLiteral("timeoutSeconds=1")));
        QTRY_VERIFY_WITH_TIMEOUT(reader.finished(), 5000);
        QCOMPARE(reader.status(), 200);
    }

    void droppedWatchesEnd()
    {
        StreamReader reader(&m_network, watchRequest(QString()));
        QTRY_VERIFY(reader.status() == 200 || !reader.lines().isEmpty() || reader.finished() == false);
        QTest::qWait(100);
        const HttpResult dropped = m_cluster->post(QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("dropWatches"), true}});
        QCOMPARE(dropped.status, 200);
        QVERIFY(dropped.json().value(QLatin1String("done")).toObject().value(QLatin1String("droppedWatches")).toInt() >= 1);
        QTRY_VERIFY(reader.finished());
    }
};

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
