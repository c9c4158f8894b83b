#include "sim/api/RequestInfo.h"

#include <QTest>

using namespace fd::sim;

class TestRequestInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("watch");
        QTest::addColumn<QString>("expected"); // verb|group|version|namespace|resource|name|subresource

        QTest::addRow("core list all") << QByteArray("GET") << QStringLiteral("/api/v1/pods") << false
                                       << QStringLiteral("list||v1||pods||");
        QTest::addRow("core namespaced get") << QByteArray("GET") << QStringLiteral("/api/v1/namespaces/ns/pods/p") << false
                                             << QStringLiteral("get||v1|ns|pods|p|");
        QTest::addRow("pod log") << QByteArray("GET") << QStringLiteral("/api/v1/namespaces/ns/pods/p/log") << false
                                 << QStringLiteral("get||v1|ns|pods|p|log");
        QTest::addRow("namespace itself") << QByteArray("GET") << QStringLiteral("/api/v1/namespaces/ns") << false
                                          << QStringLiteral("get||v1|ns|namespaces|ns|");
        QTest::addRow("namespace finalize") << QByteArray("PUT") << QStringLiteral("/api/v1/namespaces/ns/finalize") << false
                                            << QStringLiteral("update||v1|ns|namespaces|ns|finalize");
        QTest::addRow("namespace list") << QByteArray("GET") << QStringLiteral("/api/v1/namespaces") << false
                                        << QStringLiteral("list||v1||namespaces||");
        QTest::addRow("group watch") << QByteArray("GET") << QStringLiteral("/apis/apps/v1/namespaces/ns/deployments") << true
                                     << QStringLiteral("watch|apps|v1|ns|deployments||");
        QTest::addRow("legacy watch path") << QByteArray("GET") << QStringLiteral("/api/v1/watch/namespaces/ns/pods") << false
                                           << QStringLiteral("watch||v1|ns|pods||");
        QTest::addRow("create") << QByteArray("POST") << QStringLiteral("/apis/fission.io/v1/namespaces/t/functions") << false
                                << QStringLiteral("create|fission.io|v1|t|functions||");
        QTest::addRow("deletecollection") << QByteArray("DELETE") << QStringLiteral("/api/v1/namespaces/ns/secrets") << false
                                          << QStringLiteral("deletecollection||v1|ns|secrets||");
        QTest::addRow("status patch") << QByteArray("PATCH") << QStringLiteral("/apis/apps/v1/namespaces/ns/deployments/d/status") << false
                                      << QStringLiteral("patch|apps|v1|ns|deployments|d|status");
        QTest::addRow("cluster scoped") << QByteArray("DELETE") << QStringLiteral("/apis/rbac.authorization.k8s.io/v1/clusterroles/x") << false
                                        << QStringLiteral("delete|rbac.authorization.k8s.io|v1||clusterroles|x|");
        QTest::addRow("proxy") << QByteArray("GET") << QStringLiteral("/api/v1/namespaces/fission/services/router:80/proxy/fission-function/t/f") << false
                               << QStringLiteral("get||v1|fission|services|router:80|proxy");
    }

    void parses()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, watch);
        QFETCH(QString, expected);
        const RequestInfo info = RequestInfo::parse(method, path, watch);
        QVERIFY(info.isResourceRequest);
        const QString actual = QStringList{info.verb, info.group, info.version, info.namespaceName, info.resource,
                                           info.name, info.subresource}.join(QLatin1Char('|'));
        QCOMPARE(actual, expected);
    }

    void proxyRemainderKeepsThePath()
    {
        const RequestInfo info = RequestInfo::parse(
            "GET", QStringLiteral("/api/v1/namespaces/fission/services/router:80/proxy/fission-function/t/f"), false);
        QCOMPARE(info.proxyRemainder, QStringLiteral("/fission-function/t/f"));
    }

    void discoveryPathsAreNotResourceRequests()
    {
        QVERIFY(!RequestInfo::parse("GET", QStringLiteral("/api/v1"), false).isResourceRequest);
        QVERIFY(!RequestInfo::parse("GET", QStringLiteral("/apis/apps/v1"), false).isResourceRequest);
        QVERIFY(!RequestInfo::parse("GET", QStringLiteral("/apis/apps"), false).isResourceRequest);
        QVERIFY(!RequestInfo::parse("GET", QStringLiteral("/version"), false).isResourceRequest);
        QVERIFY(!RequestInfo::parse("GET", QStringLiteral("/api/v1/namespaces/a/pods/b/c/d"), false).isResourceRequest);
    }
};

QTEST_GUILESS_MAIN(TestRequestInfo)
#include "tst_requestinfo.moc"
