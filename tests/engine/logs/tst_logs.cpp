// The log follower against the emulator's demo profile (Fission 1.20 with function pods that log
// every request): lines arrive once each and in each container's order, across several pods and
// across dropped log streams; non-follow mode ends; sources resolve from the cluster model; the
// previous instance of a restarted container is read with previous=true.
#include "EngineTestUtil.h"

#include "engine/ClusterSession.h"
#include "engine/logs/LogFollow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDeadlineTimer>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using fd::engine::LogLine;
using fd::engine::LogLines;
using fd::engine::LogSource;

namespace {

// "pod/container" → the texts in arrival order.
using Streams = QMap<QString, QStringList>;

Streams byStream(const LogLines &lines)
{
    Streams streams;
    for (const LogLine &line : lines) {
        if (!line.gap)
            streams[line.pod + u'/' + line.container].append(line.text);
    }
    return streams;
}

} // namespace

class TestEngineLogs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<fd::test::ProfileCluster> m_cluster;
    std::unique_ptr<fd::engine::ClusterSession> m_session;

    bool invoke(const QString &tag)
    {
        const auto answer = m_cluster->sim().request("GET", u"/api/v1/namespaces/fission/services/router:80/proxy/fission-function/hello/%1"_s.arg(tag));
        if (answer.status != 200)
            qWarning() << "invoke" << tag << answer.status << answer.body.left(200);
        return answer.status == 200;
    }

    // The server's own view: every non-fetcher container of the function's pods, read whole.
    Streams serverStreams(const QString &functionUid)
    {
        Streams streams;
        QUrlQuery query;
        query.addQueryItem(u"labelSelector"_s, u"functionUid=%1"_s.arg(functionUid));
        const QJsonObject list = m_cluster->sim().get(u"/api/v1/pods?"_s + query.toString(QUrl::FullyEncoded)).json();
        for (const QJsonValue &item : list.value("items"_L1).toArray()) {
            const QJsonObject pod = item.toObject();
            const QString name = pod.value("metadata"_L1).toObject().value("name"_L1).toString();
            const QString ns = pod.value("metadata"_L1).toObject().value("namespace"_L1).toString();
            for (const QJsonValue &c : pod.value("spec"_L1).toObject().value("containers"_L1).toArray()) {
                const QString container = c.toObject().value("name"_L1).toString();
                if (container == "fetcher"_L1)
                    continue;
                const auto log = m_cluster->sim().get(u"/api/v1/namespaces/%1/pods/%2/log?container=%3"_s.arg(ns, name, container));
                if (log.status != 200)
                    continue; // not started yet
                QStringList lines = QString::fromUtf8(log.body).split(u'\n');
                if (!lines.isEmpty() && lines.last().isEmpty())
                    lines.removeLast();
                if (!lines.isEmpty())
                    streams[name + u'/' + container] = lines;
            }
        }
        return streams;
    }

    QString functionUid()
    {
        return m_cluster->sim().get(u"/apis/fission.io/v1/namespaces/default/functions/hello"_s).json()
            .value("metadata"_L1).toObject().value("uid"_L1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<fd::test::ProfileCluster>(u"demo"_s);
        QVERIFY2(m_cluster->error().isEmpty(), qPrintable(m_cluster->error()));
        m_session = m_cluster->session(u"demo"_s);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->snapshot()->connection.state == fd::engine::ConnectionState::Live, 60'000);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_cluster.reset();
    }

    void resolvesSources()
    {
        const auto snapshot = m_session->snapshot();
        const auto function = fd::engine::resolveLogSource(*snapshot, LogSource::Kind::Function, u"default"_s, u"hello"_s);
        QVERIFY(function);
        QCOMPARE(function->queries.size(), 1);
        QCOMPARE(function->queries.first().labelSelector, u"functionUid=%1"_s.arg(functionUid()));
        QVERIFY(!function->wantsContainer(u"fetcher"_s));
        QVERIFY(function->wantsContainer(u"nodejs"_s));
        QString packageName;
        for (const auto *package : snapshot->index.packages().inNamespace(u"team-a"_s)) {
            if (package->environment.name == "go"_L1)
                packageName = package->name();
        }
        QVERIFY(!packageName.isEmpty());
        const auto package = fd::engine::resolveLogSource(*snapshot, LogSource::Kind::PackageBuild, u"team-a"_s, packageName);
        QVERIFY2(package, package ? "" : qPrintable(package.error()));
        QVERIFY(package->queries.first().labelSelector.startsWith("owner=buildermgr,envName=go"_L1));
        QVERIFY(package->wantsContainer(u"builder"_s));
        QVERIFY(!package->wantsContainer(u"fetcher"_s));
        const auto plane = fd::engine::resolveLogSource(*snapshot, LogSource::Kind::ControlPlane, {}, {});
        QVERIFY(plane);
        QCOMPARE(plane->namespaceName, u"fission"_s);
        QVERIFY(!fd::engine::resolveLogSource(*snapshot, LogSource::Kind::Function, u"default"_s, u"missing"_s));
    }

    void functionLinesArriveOnceAndInOrder()
    {
        // The first request specializes a pod; the emulator may log it before the container's
        // log exists (its line is then lost on the server too), so warm up first.
        QVERIFY(invoke(u"warm-up"_s));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(invoke(u"req-%1"_s.arg(i)));
        const auto source = fd::engine::resolveLogSource(*m_session->snapshot(), LogSource::Kind::Function, u"default"_s, u"hello"_s);
        QVERIFY(source);
        auto follow = fd::engine::followLogs(*m_session, *source);
        QVERIFY(follow);
        LogLines received;
        connect(follow.get(), &fd::engine::LogFollow::linesArrived, this, [&](const LogLines &lines) { received += lines; });
        const QString uid = functionUid();
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 30'000);
        for (int i = 4; i <= 8; ++i)
            QVERIFY(invoke(u"req-%1"_s.arg(i)));
        // Every request line once, and each container exactly as the server has it.
        QTRY_VERIFY_WITH_TIMEOUT(byStream(received) == serverStreams(uid), 30'000);
        const QStringList all = [&] {
            QStringList texts;
            for (const LogLine &line : std::as_const(received))
                texts << line.text;
            return texts;
        }();
        for (int i = 1; i <= 8; ++i)
            QVERIFY2(all.filter(u"/req-%1 "_s.arg(i)).size() == 1, qPrintable(u"req-%1 in:\n"_s.arg(i) + all.join(u'\n')));
        for (const LogLine &line : std::as_const(received)) {
            QVERIFY(line.time.isValid());
            QVERIFY(line.container != "fetcher"_L1);
        }

        // A dropped stream resumes: nothing lost, nothing repeated.
        const auto dropped = m_cluster->sim().post(u"/_sim/faults"_s, QJsonObject{{u"dropLogStreams"_s, true}});
        QCOMPARE(dropped.status, 200);
        QVERIFY(dropped.json().value("done"_L1).toObject().value("droppedLogStreams"_L1).toInt() >= 1);
        for (int i = 9; i <= 12; ++i)
            QVERIFY(invoke(u"req-%1"_s.arg(i)));
        QTRY_VERIFY_WITH_TIMEOUT(byStream(received) == serverStreams(uid), 30'000);
        QStringList texts;
        for (const LogLine &line : std::as_const(received))
            texts << line.text;
        for (int i = 1; i <= 12; ++i)
            QCOMPARE(texts.filter(u"/req-%1 "_s.arg(i)).size(), 1);
        for (const LogLine &line : std::as_const(received))
            QVERIFY2(!line.gap, qPrintable(line.text));
    }

    void withoutFollowReadsOnceAndFinishes()
    {
        QVERIFY(invoke(u"once"_s));
        const auto source = fd::engine::resolveLogSource(*m_session->snapshot(), LogSource::Kind::Function, u"default"_s, u"hello"_s);
        QVERIFY(source);
        fd::engine::LogFollowOptions options;
        options.follow = false;
        auto follow = fd::engine::followLogs(*m_session, *source, options);
        QVERIFY(follow);
        LogLines received;
        connect(follow.get(), &fd::engine::LogFollow::linesArrived, this, [&](const LogLines &lines) { received += lines; });
        QTRY_VERIFY_WITH_TIMEOUT(follow->isFinished(), 30'000);
        QStringList texts;
        for (const LogLine &line : std::as_const(received))
            texts << line.text;
        QCOMPARE(texts.filter(u"/once "_s).size(), 1);
        QCOMPARE(byStream(received), serverStreams(functionUid()));
    }

    void cliPrintsMergedLogs()
    {
        fd::test::SimProcess sim;
        QString error;
        QVERIFY2(sim.start(u"demo"_s, &error), qPrintable(error));
        const QStringList common{u"--kubeconfig"_s, sim.kubeconfig(), u"--timeout"_s, u"60"_s};
        // The control plane of the release namespace, grepped: every line matches, merged by time.
        // Without -f the CLI prints what is there now: wait for the control plane to have run.
        fd::test::CliRun plane;
        QDeadlineTimer deadline(60'000);
        do {
            plane = fd::test::runCli(QStringList{u"logs"_s, u"controlplane"_s, u"fission"_s, u"--grep"_s, u"info|error"_s} + common);
        } while (plane.exitCode == 0 && plane.out.count('\n') <= 3 && !deadline.hasExpired() && (QTest::qWait(500), true));
        QVERIFY2(plane.exitCode == 0, qPrintable(plane.describe()));
        const QList<QByteArray> lines = plane.out.trimmed().split('\n');
        QVERIFY2(lines.size() > 3, qPrintable(plane.describe()));
        QByteArray previous;
        for (const QByteArray &line : lines) {
            QVERIFY2(line.contains("info") || line.contains("error"), line.constData());
            const QByteArray stamp = line.left(line.indexOf(' '));
            QVERIFY2(previous <= stamp || previous.size() != stamp.size(), line.constData());
            previous = stamp;
        }
        // JSON lines, and usage errors.
        const fd::test::CliRun json = fd::test::runCli(QStringList{u"logs"_s, u"controlplane"_s, u"-o"_s, u"json"_s} + common);
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const QJsonObject first = QJsonDocument::fromJson(json.out.left(json.out.indexOf('\n'))).object();
        QVERIFY2(first.contains("pod"_L1) && first.contains("message"_L1), qPrintable(json.describe()));
        QCOMPARE(fd::test::runCli(QStringList{u"logs"_s, u"nonsense"_s, u"x"_s} + common).exitCode, 2);
        QCOMPARE(fd::test::runCli(QStringList{u"logs"_s, u"fn"_s, u"missing"_s} + common).exitCode, 2);
        // A previous instance has ended: it cannot be followed.
        QCOMPARE(fd::test::runCli(QStringList{u"logs"_s, u"pod"_s, u"x"_s, u"-p"_s, u"-f"_s} + common).exitCode, 2);
    }

    void previousLogOfRestartedContainer()
    {
        // A container that crashes and restarts (the emulator's `crashloop` image writes
        // "starting up", "attempt N", then the crash line, per instance).
        const QJsonObject pod{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Pod"_s},
                              {u"metadata"_s, QJsonObject{{u"name"_s, u"crashy"_s}}},
                              {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"app"_s},
                                                                                           {u"image"_s, u"example/crashloop:latest"_s}}}}}}};
        const auto created = m_cluster->sim().post(u"/api/v1/namespaces/default/pods"_s, pod);
        QVERIFY2(created.status == 201, created.body.constData());
        const auto restartCount = [this] {
            const QJsonObject status = m_cluster->sim().get(u"/api/v1/namespaces/default/pods/crashy"_s).json().value("status"_L1).toObject();
            return status.value("containerStatuses"_L1).toArray().first().toObject().value("restartCount"_L1).toInt();
        };
        QTRY_VERIFY_WITH_TIMEOUT(restartCount() >= 1, 30'000);

        fd::engine::LogFollowOptions options;
        options.previous = true;
        auto follow = fd::engine::followLogs(*m_session, LogSource::pod(u"default"_s, u"crashy"_s), options);
        QVERIFY(follow);
        LogLines received;
        fd::engine::LogContainers seen;
        QStringList problems;
        connect(follow.get(), &fd::engine::LogFollow::linesArrived, this, [&](const LogLines &lines) { received += lines; });
        connect(follow.get(), &fd::engine::LogFollow::containersSeen, this, [&](const fd::engine::LogContainers &c) { seen += c; });
        connect(follow.get(), &fd::engine::LogFollow::problem, this, [&](const QString &message) { problems << message; });
        QTRY_VERIFY_WITH_TIMEOUT(follow->isFinished(), 30'000);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.first().namespaceName, u"default"_s);
        QCOMPARE(seen.first().pod, u"crashy"_s);
        QCOMPARE(seen.first().container, u"app"_s);
        QVERIFY(seen.first().restartCount >= 1);
        // One whole ended instance, not the current one: its crash line last, and an attempt
        // number no newer than the restarts counted now (the current instance is one more).
        QStringList texts;
        for (const LogLine &line : std::as_const(received))
            texts << line.text;
        QCOMPARE(texts.size(), 3);
        QCOMPARE(texts.at(0), u"starting up"_s);
        QVERIFY2(texts.at(2).contains(u"exiting with code 1"_s), qPrintable(texts.join(u'\n')));
        QVERIFY(texts.at(1).startsWith(u"attempt "_s));
        const int attempt = texts.at(1).mid(8).toInt();
        QVERIFY2(attempt >= seen.first().restartCount && attempt <= restartCount(), qPrintable(texts.at(1)));

        // A container that never restarted has no previous log: nothing is read, no error.
        QVERIFY(invoke(u"prev"_s));
        const auto function = fd::engine::resolveLogSource(*m_session->snapshot(), LogSource::Kind::Function, u"default"_s, u"hello"_s);
        QVERIFY(function);
        auto none = fd::engine::followLogs(*m_session, *function, options);
        LogLines noLines;
        fd::engine::LogContainers functionContainers;
        connect(none.get(), &fd::engine::LogFollow::linesArrived, this, [&](const LogLines &lines) { noLines += lines; });
        connect(none.get(), &fd::engine::LogFollow::containersSeen, this,
                [&](const fd::engine::LogContainers &c) { functionContainers += c; });
        QTRY_VERIFY_WITH_TIMEOUT(none->isFinished(), 30'000);
        QVERIFY(!functionContainers.isEmpty());
        for (const auto &container : std::as_const(functionContainers))
            QCOMPARE(container.restartCount, 0);
        QVERIFY(noLines.isEmpty());
        const int deleted = m_cluster->sim().request("DELETE", u"/api/v1/namespaces/default/pods/crashy"_s).status;
        QVERIFY2(deleted == 200 || deleted == 202, qPrintable(QString::number(deleted))); // 202: graceful
    }

    void controlPlaneLogsArrive()
    {
        const auto source = fd::engine::resolveLogSource(*m_session->snapshot(), LogSource::Kind::ControlPlane, {}, {});
        QVERIFY(source);
        fd::engine::LogFollowOptions options;
        options.follow = false;
        auto follow = fd::engine::followLogs(*m_session, *source, options);
        LogLines received;
        connect(follow.get(), &fd::engine::LogFollow::linesArrived, this, [&](const LogLines &lines) { received += lines; });
        QTRY_VERIFY_WITH_TIMEOUT(follow->isFinished(), 30'000);
        QSet<QString> containers;
        for (const LogLine &line : std::as_const(received))
            containers.insert(line.pod.section(u'-', 0, 0));
        QVERIFY2(containers.contains(u"router"_s) && containers.contains(u"executor"_s),
                 qPrintable(QStringList(containers.values()).join(u", "_s)));
    }
};

QTEST_MAIN(TestEngineLogs)
#include "tst_logs.moc"
