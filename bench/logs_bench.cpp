// fission-desk-bench logs: the log viewer's figures. Ingest from the emulator (a followed
// control-plane container into LogTableModel, `kubectl logs -f` on the same stream as the peer),
// filter time over 1,000,000 lines on the thread pool, memory per raw log byte. Prints figures;
// asserts nothing.
#include "BenchCommands.h"
#include "BenchSupport.h"

#include "engine/ClusterSession.h"
#include "engine/logs/LogFollow.h"
#include "kube/transport/KubeSession.h"
#include "sim/api/LogStore.h"
#include "sim/cluster/KubeconfigWriter.h"
#include "sim/cluster/SimCluster.h"
#include "sim/cluster/SimHost.h"
#include "sim/cluster/SimProfiles.h"
#include "ui/logs/LogFilter.h"
#include "ui/logs/LogTableModel.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <limits>

using fd::bench::findKubectl;

namespace {

QTextStream out(stdout);

void spin(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

QJsonObject getJson(const QUrl &url)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

fd::engine::LogLines syntheticLines(int count)
{
    const QDateTime base = QDateTime::currentDateTimeUtc();
    fd::engine::LogLines lines;
    lines.reserve(count);
    for (int i = 0; i < count; ++i) {
        fd::engine::LogLine line;
        line.time = base.addMSecs(i);
        line.pod = QStringLiteral("hello-pod-%1").arg(i % 5);
        line.container = QStringLiteral("nodejs");
        line.text = (i % 100 == 0)
            ? QStringLiteral("{\"level\":\"error\",\"ts\":\"2026-12-07T03:00:00Z\",\"msg\":\"request failed\",\"status\":503,\"n\":%1}").arg(i)
            : QStringLiteral("10.244.0.7 - - [07/Dec/2026:03:00:00 +0000] \"GET /hello?n=%1 HTTP/1.1\" 200 14 \"-\" \"Go-http-client/1.1\"").arg(i);
        lines << line;
    }
    return lines;
}

void benchFilterAndMemory(int count)
{
    fd::ui::LogLineStore store(qint64(4) * 1024 * 1024 * 1024);
    const fd::engine::LogLines lines = syntheticLines(count);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < lines.size(); at += 5000)
        store.appendAndTrim(lines.mid(at, 5000));
    out << QStringLiteral("store: %1 lines appended in %2 ms (%3 lines/s)\n")
               .arg(store.size()).arg(timer.elapsed()).arg(qint64(store.size() * 1000.0 / std::max<qint64>(1, timer.elapsed())));
    out << QStringLiteral("memory: %1 MB for %2 MB of raw log text = %3 bytes per raw byte (target <= 1.5)\n")
               .arg(store.bytesUsed() / 1e6, 0, 'f', 1).arg(store.rawBytes() / 1e6, 0, 'f', 1)
               .arg(double(store.bytesUsed()) / double(std::max<qint64>(1, store.rawBytes())), 0, 'f', 2);
    auto snapshot = std::make_shared<const fd::ui::LogLineStore::Snapshot>(store.snapshot());
    struct Case {
        const char *name;
        fd::ui::LogFilterSpec spec;
    };
    fd::ui::LogFilterSpec text;
    text.text = QStringLiteral("Request Failed");
    fd::ui::LogFilterSpec exclude;
    exclude.text = QStringLiteral("GET /hello");
    exclude.exclude = true;
    fd::ui::LogFilterSpec regex;
    regex.text = QStringLiteral("status\":5\\d\\d");
    regex.regex = true;
    // No literal every match needs (top-level alternation): each line is decoded and matched.
    fd::ui::LogFilterSpec regexNoLiteral;
    regexNoLiteral.text = QStringLiteral("\" 5\\d\\d |\"status\":5");
    regexNoLiteral.regex = true;
    fd::ui::LogFilterSpec severity;
    severity.minimumSeverity = fd::ui::LogSeverity::Error;
    for (const Case &c : {Case{"text (case-insensitive)", text}, Case{"exclude", exclude}, Case{"regex", regex},
                          Case{"regex without a literal", regexNoLiteral}, Case{"severity >= error", severity}}) {
        auto filter = std::make_shared<const fd::ui::LogFilter>(c.spec);
        // Best of 3: the first run also pages the snapshot in.
        qint64 best = std::numeric_limits<qint64>::max();
        size_t matches = 0;
        for (int run = 0; run < 3; ++run) {
            timer.restart();
            auto future = fd::ui::filterAsync(snapshot, filter);
            future.waitForFinished();
            best = std::min(best, timer.elapsed());
            matches = future.result().size();
        }
        const QString literal = filter->prefilterLiteral().isEmpty()
            ? QString() : QStringLiteral(" [prefilter \"%1\"]").arg(filter->prefilterLiteral());
        out << QStringLiteral("filter %1 over %2 lines: %3 ms, %4 matches (target <= 100 ms)%5\n")
                   .arg(QLatin1String(c.name)).arg(snapshot->records.size()).arg(best).arg(matches).arg(literal);
    }
    out << QStringLiteral("filter threads: %1\n").arg(QThreadPool::globalInstance()->maxThreadCount());
    timer.restart();
    const auto copy = store.snapshot();
    out << QStringLiteral("snapshot for a filter job: %1 ms\n").arg(timer.elapsed());
    out.flush();
}

int benchIngest(int count)
{
    fd::sim::SimClusterOptions options;
    options.name = QStringLiteral("bench");
    fd::sim::SimHost host(options);
    if (auto started = host.start([](fd::sim::SimCluster &cluster) { return fd::sim::applyProfile(QStringLiteral("demo"), cluster); });
        !started) {
        out << "cannot start the emulator: " << started.error() << '\n';
        return 1;
    }
    fd::kube::ConnectionSettings settings;
    settings.setServer(host.url());
    fd::kube::ResolvedUser user;
    user.name = QStringLiteral("cleartext-admin");
    fd::engine::ClusterSession session(QStringLiteral("bench"), std::make_unique<fd::kube::KubeSession>(QStringLiteral("bench"), settings, user));
    session.start();
    spin([&] { return session.snapshot()->connection.state == fd::engine::ConnectionState::Live; }, 60'000);

    // The executor's pod: its uid is where the emulator keeps the log.
    QJsonObject pod;
    spin([&] {
        const QJsonObject list = getJson(QUrl(host.url().toString() + QStringLiteral("/api/v1/namespaces/fission/pods?labelSelector=svc%3Dexecutor")));
        const auto items = list.value(QStringLiteral("items")).toArray();
        if (!items.isEmpty())
            pod = items.first().toObject();
        return !items.isEmpty();
    }, 30'000);
    const QString podName = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    const QString podUid = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("uid")).toString();
    if (podName.isEmpty()) {
        out << "no executor pod in the demo profile\n";
        return 1;
    }
    host.run([count](fd::sim::SimCluster &cluster) { cluster.logs()->setMaxLinesPerContainer(count * 2 + 1000); });

    fd::ui::LogTableModel model;
    model.setMemoryBudget(qint64(2) * 1024 * 1024 * 1024);
    auto follow = fd::engine::followLogs(session, fd::engine::LogSource::pod(QStringLiteral("fission"), podName));
    QObject::connect(follow.get(), &fd::engine::LogFollow::linesArrived, &model, &fd::ui::LogTableModel::appendLines);
    spin([&] { return model.rowCount() > 0; }, 30'000);
    const qsizetype before = model.store().size();

    // The peer: kubectl logs -f on the same container, started before the burst.
    QTemporaryDir dir;
    QProcess kubectl;
    qint64 kubectlLines = 0;
    qint64 kubectlMs = -1;
    const QString kubectlPath = findKubectl();
    QElapsedTimer timer;
    if (!kubectlPath.isEmpty()) {
        QFile file(dir.filePath(QStringLiteral("kubeconfig")));
        file.open(QIODevice::WriteOnly);
        file.write(fd::sim::writeKubeconfig({{QStringLiteral("bench"), host.url(), host.caCertificatePem(), host.users()}}));
        file.close();
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), file.fileName());
        env.insert(QStringLiteral("HOME"), dir.path());
        kubectl.setProcessEnvironment(env);
        QObject::connect(&kubectl, &QProcess::readyReadStandardOutput, &kubectl, [&] {
            kubectlLines += kubectl.readAllStandardOutput().count('\n');
            if (kubectlLines >= count && kubectlMs < 0)
                kubectlMs = timer.elapsed();
        });
        kubectl.start(kubectlPath, {QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("--tail=0"), QStringLiteral("-n"),
                                    QStringLiteral("fission"), podName, QStringLiteral("-c"), QStringLiteral("executor")});
        kubectl.waitForStarted();
        QThread::msleep(1500); // let it attach before the burst
        QCoreApplication::processEvents();
    }

    timer.start();
    constexpr int kSlice = 10'000;
    for (int from = 0; from < count; from += kSlice) {
        const int to = std::min(count, from + kSlice);
        host.run([&, from, to](fd::sim::SimCluster &cluster) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int i = from; i < to; ++i)
                cluster.logs()->append(podUid, QStringLiteral("executor"),
                                       QByteArrayLiteral("{\"level\":\"info\",\"logger\":\"executor\",\"msg\":\"bench line\",\"n\":")
                                           + QByteArray::number(i) + '}',
                                       now);
        });
        QCoreApplication::processEvents();
    }
    // Each side's own time: the model's when it holds every line, kubectl's when it printed them.
    qint64 oursMs = -1;
    spin([&] {
        if (oursMs < 0 && model.store().size() - before >= count)
            oursMs = timer.elapsed();
        return oursMs >= 0 && (kubectlPath.isEmpty() || kubectlMs >= 0);
    }, 300'000);
    const qint64 ingestMs = oursMs >= 0 ? oursMs : timer.elapsed();
    const qsizetype got = model.store().size() - before;
    out << QStringLiteral("ingest: %1 lines from the emulator into the viewer model in %2 ms = %3 lines/s (target >= 200,000)\n")
               .arg(got).arg(ingestMs).arg(qint64(got * 1000.0 / std::max<qint64>(1, ingestMs)));
    if (kubectlPath.isEmpty())
        out << "peer: kubectl not found, skipped\n";
    else
        out << QStringLiteral("peer: kubectl logs -f on the same container: %1 lines, %2 ms\n")
                   .arg(kubectlLines).arg(kubectlMs >= 0 ? QString::number(kubectlMs) : QStringLiteral("(did not get all)"));
    if (kubectl.state() != QProcess::NotRunning) {
        kubectl.kill();
        kubectl.waitForFinished();
    }
    follow.reset();
    out.flush();
    return 0;
}

} // namespace

int fd::bench::runLogs(const QStringList &args)
{
    int lines = 1'000'000;
    int ingest = 200'000;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--lines"))
            lines = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--ingest"))
            ingest = std::max(1, args.at(i + 1).toInt());
    }
    benchFilterAndMemory(lines);
    return benchIngest(ingest);
}
