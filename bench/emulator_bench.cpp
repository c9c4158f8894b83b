// fission-desk-bench emulator: shows that fission-desk-sim is not the bottleneck of the benchmarks
// that use it. It serves a 10,000-object list (paged as kubectl and client-go page it, and
// unpaged), fans changes out to 200 concurrent watches, and — as the side-by-side peer — times
// `kubectl get configmaps -A -o json` against the same server. Prints figures; asserts nothing.
#include "BenchCommands.h"

#include "sim/api/ObjectService.h"
#include "sim/cluster/KubeconfigWriter.h"
#include "sim/cluster/SimHost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <vector>

namespace {

QTextStream out(stdout);

QJsonObject configMap(int index)
{
    // About 2.5 KB, the size of a typical Fission pool pod's JSON.
    QJsonObject data;
    for (int i = 0; i < 20; ++i)
        data.insert(QStringLiteral("key-%1").arg(i), QString(100, QLatin1Char('a' + (index + i) % 26)));
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("cm-%1").arg(index)},
                                                     {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg(index % 50)},
                                                     {QStringLiteral("labels"), QJsonObject{{QStringLiteral("bench"), QStringLiteral("yes")}}}}},
            {QStringLiteral("data"), data}};
}

QByteArray get(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void populate(fd::sim::SimHost &host, int count)
{
    host.run([count](fd::sim::SimCluster &cluster) {
        for (int ns = 0; ns < 50; ++ns) {
            cluster.apply(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                      {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("ns-%1").arg(ns)}}}});
        }
        for (int i = 0; i < count; ++i)
            cluster.apply(configMap(i));
    });
}

void benchLists(const QUrl &base)
{
    QNetworkAccessManager network;
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    int pages = 0;
    int items = 0;
    QString token;
    do {
        QUrl url = base;
        url.setPath(QStringLiteral("/api/v1/configmaps"));
        url.setQuery(QStringLiteral("limit=500") + (token.isEmpty() ? QString() : QStringLiteral("&continue=") + token));
        const QByteArray body = get(network, url);
        bytes += body.size();
        ++pages;
        const QJsonObject list = QJsonDocument::fromJson(body).object();
        items += static_cast<int>(list.value(QLatin1String("items")).toArray().size());
        token = list.value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
    } while (!token.isEmpty());
    const qint64 pagedMs = timer.elapsed();
    out << QStringLiteral("paged list (limit=500): %1 items, %2 pages, %3 MB in %4 ms (client JSON parsing included)\n")
               .arg(items).arg(pages).arg(bytes / 1e6, 0, 'f', 1).arg(pagedMs);

    timer.restart();
    QUrl url = base;
    url.setPath(QStringLiteral("/api/v1/configmaps"));
    const QByteArray whole = get(network, url);
    out << QStringLiteral("unpaged list: %1 MB in %2 ms (server render + transfer)\n")
               .arg(whole.size() / 1e6, 0, 'f', 1).arg(timer.elapsed());
}

void benchWatches(fd::sim::SimHost &host, const QUrl &base, int watchCount, int changes)
{
    // Raw sockets: one HTTP/1.1 connection per watch, as 200 separate clients would open.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<int> received(static_cast<size_t>(watchCount), 0);
    int finishedWatches = 0;
    QEventLoop loop;
    for (int i = 0; i < watchCount; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(base.host(), static_cast<quint16>(base.port()));
        socket->waitForConnected(5000);
        socket->write("GET /api/v1/namespaces/watched/configmaps?watch=true&resourceVersion=0 HTTP/1.1\r\nHost: bench\r\n\r\n");
        QTcpSocket *raw = socket.get();
        QObject::connect(raw, &QTcpSocket::readyRead, raw, [raw, i, &received, &finishedWatches, changes, &loop] {
            const QByteArray chunk = raw->readAll();
            const int before = received[static_cast<size_t>(i)];
            received[static_cast<size_t>(i)] += static_cast<int>(chunk.count("\"type\":\"ADDED\""));
            if (before < changes && received[static_cast<size_t>(i)] >= changes && ++finishedWatches == static_cast<int>(received.size()))
                loop.quit();
        });
        sockets.push_back(std::move(socket));
    }
    host.run([](fd::sim::SimCluster &cluster) {
        cluster.apply(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                  {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("watched")}}}});
    });
    QCoreApplication::processEvents();
    QElapsedTimer timer;
    timer.start();
    host.run([changes](fd::sim::SimCluster &cluster) {
        for (int i = 0; i < changes; ++i) {
            QJsonObject object = configMap(i);
            QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
            metadata.insert(QStringLiteral("namespace"), QStringLiteral("watched"));
            object.insert(QStringLiteral("metadata"), metadata);
            cluster.apply(object);
        }
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    out << QStringLiteral("watch fan-out: %1 changes to %2 watches (%3 events) delivered in %4 ms = %5 events/s; %6 watches complete\n")
               .arg(changes).arg(watchCount).arg(qint64(changes) * watchCount).arg(ms)
               .arg(qint64(changes) * watchCount * 1000 / ms).arg(finishedWatches);
}

void benchKubectl(fd::sim::SimHost &host)
{
    const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (kubectl.isEmpty()) {
        out << "kubectl: not found, peer figure skipped\n";
        return;
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("kubeconfig")));
    file.open(QIODevice::WriteOnly);
    file.write(fd::sim::writeKubeconfig({{QStringLiteral("bench"), host.url(), host.caCertificatePem(), host.users()}}));
    file.close();
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), file.fileName());
    env.insert(QStringLiteral("HOME"), dir.path());
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(kubectl, {QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-A"), QStringLiteral("-o"),
                            QStringLiteral("json")});
    process.waitForFinished(300000);
    out << QStringLiteral("peer: kubectl get configmaps -A -o json: %1 ms, %2 MB of output (exit %3)\n")
               .arg(timer.elapsed()).arg(process.readAllStandardOutput().size() / 1e6, 0, 'f', 1).arg(process.exitCode());
}

} // namespace

int fd::bench::runEmulator(const QStringList &args)
{
    const int objects = args.size() > 1 ? qMax(1, args.at(1).toInt()) : 10000;
    fd::sim::SimClusterOptions options;
    options.name = QStringLiteral("bench");
    fd::sim::SimHost host(options);
    if (auto started = host.start(); !started) {
        out << "cannot start the emulator: " << started.error() << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    populate(host, objects);
    out << QStringLiteral("populated %1 config maps of ~2.5 KB in %2 ms\n").arg(objects).arg(timer.elapsed());
    out.flush();
    benchLists(host.url());
    out.flush();
    benchWatches(host, host.url(), 200, 100);
    out.flush();
    benchKubectl(host);
    return 0;
}
