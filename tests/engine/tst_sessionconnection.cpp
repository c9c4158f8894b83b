// ClusterSession's connection states when the cluster cannot be used, and the user's refresh:
//  - a server nobody listens on: Reconnecting after the first failed attempt (never "Connecting"
//    forever), with the last error and the next attempt in the message, and no data;
//  - errors retrying cannot fix end in Failed with what to do: a DNS name that does not exist,
//    a certificate the client does not trust;
//  - refresh (F5) on a Live session lists every kind again (the emulator sees the requests) and
//    the session returns to Live with its model.
#include "EngineTestUtil.h"

#include "engine/ClusterSession.h"
#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/KubeSession.h"
#include "TestSupport.h"

#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::engine;
using fd::test::ProfileCluster;
using fd::test::SnapshotRecorder;

namespace {

constexpr int LongWait = 90'000;

std::unique_ptr<ClusterSession> sessionFor(const QString &server, const QString &token = {})
{
    fd::kube::ConnectionSettings settings;
    settings.setServer(QUrl(server));
    fd::kube::ResolvedUser user;
    user.name = u"someone"_s;
    user.token = token;
    return std::make_unique<ClusterSession>(u"ctx"_s, std::make_unique<fd::kube::KubeSession>(u"ctx"_s, settings, user));
}

// A local port that was free a moment ago and has no listener now: connections are refused.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

ConnectionState stateOf(const ClusterSession &s)
{
    return s.snapshot()->connection.state;
}

} // namespace

class TestSessionConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unreachableServerIsReconnectingWithTheLastError()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        auto session = sessionFor(u"http://127.0.0.1:%1"_s.arg(port));
        SnapshotRecorder recorder(session.get());
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*session) == ConnectionState::Reconnecting, LongWait);
        const ConnectionStatus status = session->snapshot()->connection;
        QVERIFY2(status.message.contains(u"refused"_s), qPrintable(status.message));
        QVERIFY2(status.message.contains(u"Retrying in"_s), qPrintable(status.message));
        QVERIFY(!status.dataAsOf.isValid()); // nothing was ever read: no staleness to claim
        QVERIFY(status.since.isValid());
        // It keeps trying (backoff grows) and never claims to be connecting again.
        QTRY_VERIFY2_WITH_TIMEOUT(session->snapshot()->connection.message.contains(u"Retrying in 2 s"_s),
                                  qPrintable(session->snapshot()->connection.message), LongWait);
        for (const ClusterSnapshotPtr &s : std::as_const(recorder.snapshots))
            QVERIFY(s->connection.state == ConnectionState::Reconnecting);
    }

    void unknownHostNameFails()
    {
        // RFC 2606: .invalid never resolves.
        auto session = sessionFor(u"https://fission-desk-test.invalid:6443"_s);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*session) == ConnectionState::Failed, LongWait);
        const QString message = session->snapshot()->connection.message;
        QVERIFY2(message.contains(u"fission-desk-test.invalid"_s), qPrintable(message));
        QVERIFY2(message.contains(u"DNS"_s), qPrintable(message));
        QVERIFY2(message.contains(u"F5"_s), qPrintable(message));
    }

    void untrustedCertificateFails()
    {
        fd::sim::SimClusterOptions options = fd::test::fastSimOptions();
        options.tls = true;
        fd::test::SimTestCluster sim(options);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        // The emulator's own CA is not given: the client must reject its certificate.
        auto session = sessionFor(sim.url(), sim.token());
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*session) == ConnectionState::Failed, LongWait);
        const QString message = session->snapshot()->connection.message;
        QVERIFY2(message.contains(u"certificate"_s), qPrintable(message));
        QVERIFY2(message.contains(u"certificate-authority"_s), qPrintable(message));
    }

    void refreshListsEverythingAgain()
    {
        ProfileCluster cluster(u"demo"_s);
        QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
        auto session = cluster.session(u"demo"_s);
        SnapshotRecorder recorder(session.get());
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*session) == ConnectionState::Live, LongWait);
        QVERIFY(session->snapshot()->tenants.tenant(u"team-a"_s));

        // The watches are up: nothing asks for pods again unless the session relists. Arm a fault
        // on the pods' path; only a relist (or a new watch) can consume it.
        const auto armed = cluster.sim().post(u"/_sim/faults"_s, QJsonObject{{u"failNextRequests"_s, 2},
                                                                             {u"failStatus"_s, 500},
                                                                             {u"failOnlyPathContaining"_s, u"/pods"_s}});
        QCOMPARE(armed.status, 200);
        const qsizetype before = recorder.changes.size();
        session->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(cluster.sim().get(u"/_sim/faults"_s).json().value(u"failNextRequests"_s).toInt(), 0,
                                  LongWait);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.changes.size() > before, LongWait);
        bool everything = false;
        for (qsizetype i = before; i < recorder.changes.size(); ++i)
            everything = everything || recorder.changes.at(i).everything;
        QVERIFY(everything); // the models diff the whole snapshot after a relist
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*session) == ConnectionState::Live, LongWait);
        QVERIFY(session->snapshot()->tenants.tenant(u"team-a"_s));
    }

    void refreshOfAFailedSessionDoesNothing()
    {
        fd::kube::ContextEntry entry;
        entry.name = u"broken"_s;
        fd::kube::ConfigProblem problem;
        problem.severity = fd::kube::ConfigProblem::Severity::Error;
        problem.message = u"no cluster"_s;
        entry.problems.append(problem);
        ClusterSession session(entry);
        QVERIFY(session.isFailed());
        session.refresh(); // must not crash
        QCOMPARE(session.snapshot()->connection.state, ConnectionState::Failed);
    }
};

QTEST_GUILESS_MAIN(TestSessionConnection)
#include "tst_sessionconnection.moc"
