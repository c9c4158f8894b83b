// fission-desk-bench model: the Fission domain over the `fleet` profile (by default 500 tenants,
// 2,000 environments, 10,000 packages, 10,000 functions, 20,000 pods, 5,000 HTTP triggers):
//   session   a ClusterSession (informers, model, publication) from start to its first Live
//             snapshot, over HTTP against the in-process emulator: what the user waits for;
//   load      FissionModel::refresh() over every kind already in memory (the first full load:
//             install detection, typed index, tenant tree, all rules);
//   rules     DiagnosticsEngine::evaluateAll() alone on the loaded model;
//   deltas    FissionModel::apply() of single-object changes (a Function, a Package, a Pod):
//             what each watch event costs the model, by kind (mean, p50, p95, max).
// Prints figures; never a pass/fail test.
#include "BenchCommands.h"

#include "engine/ClusterSession.h"
#include "fission/ClusterState.h"
#include "fission/DiagnosticsEngine.h"
#include "fission/FissionModel.h"
#include "fission/HelmStorageReader.h"
#include "fission/Kinds.h"
#include "kube/store/Decode.h"
#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/KubeSession.h"
#include "sim/cluster/SimHost.h"
#include "sim/cluster/SimProfiles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fd::fission;

namespace {

QByteArray httpGet(QNetworkAccessManager &network, const QUrl &url, int *status)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

QString listPath(const KindInfo &k)
{
    QString path = k.gr.group.isEmpty() ? u"/api/v1/"_s + k.gr.resource
                                        : u"/apis/%1/%2/%3"_s.arg(k.gr.group, k.version, k.gr.resource);
    if (k.gr.group.isEmpty() && (k.gr.resource == u"secrets" || k.gr.resource == u"configmaps"))
        path += u"?labelSelector=owner%3Dhelm"_s;
    return path;
}

struct Stats {
    std::vector<double> ms;
    void print(const char *what) const
    {
        if (ms.empty())
            return;
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        double sum = 0;
        for (double v : sorted)
            sum += v;
        auto at = [&](double q) { return sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))]; };
        std::printf("  %-22s n=%-5zu mean %8.3f ms   p50 %8.3f ms   p95 %8.3f ms   max %8.3f ms\n", what, sorted.size(),
                    sum / double(sorted.size()), at(0.5), at(0.95), sorted.back());
    }
};

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// A changed copy of an object, as a watch MODIFIED event would bring it.
fd::kube::KubeObject touched(const fd::kube::KubeObject &object, int serial)
{
    QJsonObject json = object.toJsonObject();
    QJsonObject meta = json.value(u"metadata"_s).toObject();
    meta.insert(u"resourceVersion"_s, QString::number(900000000 + serial));
    QJsonObject annotations = meta.value(u"annotations"_s).toObject();
    annotations.insert(u"bench.fission-desk/serial"_s, QString::number(serial));
    meta.insert(u"annotations"_s, annotations);
    json.insert(u"metadata"_s, meta);
    auto decoded = fd::kube::decodeObject(QJsonDocument(json).toJson(QJsonDocument::Compact));
    return decoded ? *decoded : object;
}

} // namespace

int fd::bench::runModel(const QStringList &args)
{
    fd::sim::ProfileOptions profileOptions;
    int deltas = 300;
    int repeats = 5;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const QString value = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (arg == "--fleet"_L1)
            profileOptions.fleet = value;
        else if (arg == "--deltas"_L1)
            deltas = qMax(1, value.toInt());
        else if (arg == "--repeat"_L1)
            repeats = qMax(1, value.toInt());
        else {
            std::fprintf(stderr, "model: unknown option %s\n", qPrintable(arg));
            return 2;
        }
        ++i;
    }

    fd::sim::SimClusterOptions options;
    options.name = u"fleet"_s;
    fd::sim::SimHost host(options);
    QElapsedTimer timer;
    timer.start();
    auto started = host.start([&](fd::sim::SimCluster &cluster) { return fd::sim::applyProfile(u"fleet"_s, cluster, profileOptions); });
    if (!started) {
        std::fprintf(stderr, "cannot start the emulator: %s\n", qPrintable(started.error()));
        return 1;
    }
    std::printf("fleet profile (%s) ready in %lld ms\n",
                qPrintable(profileOptions.fleet.isEmpty() ? u"defaults"_s : profileOptions.fleet), timer.elapsed());

    // 1. The whole session, as the app runs it.
    {
        fd::kube::ConnectionSettings settings;
        settings.setServer(host.url());
        fd::kube::ResolvedUser user;
        user.name = u"admin"_s;
        fd::engine::ClusterSession session(u"fleet"_s, std::make_unique<fd::kube::KubeSession>(u"fleet"_s, settings, user));
        int published = 0;
        qint64 firstSnapshotMs = -1;
        QEventLoop loop;
        QObject::connect(&session, &fd::engine::ClusterSession::snapshotPublished, &loop,
                         [&](const fd::engine::ClusterSnapshotPtr &s, const fd::engine::SnapshotChange &) {
                             ++published;
                             if (firstSnapshotMs < 0)
                                 firstSnapshotMs = timer.elapsed();
                             if (s->connection.state == fd::engine::ConnectionState::Live)
                                 loop.quit();
                         });
        QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
        timer.restart();
        session.start();
        loop.exec();
        const fd::engine::ClusterSnapshotPtr s = session.snapshot();
        std::printf("session: Live after %lld ms (first snapshot after %lld ms, %d snapshots published); %lld tenants, "
                    "%lld findings, state %s\n",
                    timer.elapsed(), firstSnapshotMs, published, qint64(s->tenants.tenants().size()), qint64(s->findings.size()),
                    qPrintable(fd::engine::connectionStateId(s->connection.state)));
    }

    // 2. The model alone, over the same objects in memory.
    QNetworkAccessManager network;
    MemoryClusterState state;
    qint64 objects = 0;
    timer.restart();
    for (const KindInfo &k : kinds::all()) {
        int status = 0;
        const QByteArray body = httpGet(network, QUrl(host.url().toString() + listPath(k)), &status);
        if (status == 404) {
            state.setNotServed(k.gr);
            continue;
        }
        auto list = fd::kube::decodeList(body);
        if (status != 200 || !list) {
            std::fprintf(stderr, "list %s: HTTP %d\n", qPrintable(k.gr.toString()), status);
            return 1;
        }
        objects += list->items.size();
        state.setObjects(k.gr, list->items);
    }
    std::printf("lists: %lld objects fetched and decoded in %lld ms\n", objects, timer.elapsed());

    StoredHelmReleaseReader helm;
    FissionModel model(state);
    model.setHelmReader(&helm);
    timer.restart();
    const auto loaded = model.refresh(QDateTime::currentDateTimeUtc());
    std::printf("load: first full model load in %.1f ms (%lld tenants, %lld findings, %lld packages indexed)\n", msSince(timer),
                qint64(model.tenants().tenants().size()), qint64(model.findings().size()),
                qint64(model.index().packages().items().size()));
    Q_UNUSED(loaded);

    Stats rules;
    for (int i = 0; i < repeats; ++i) {
        DiagnosticsEngine engine;
        const RuleContext context{state, model.index(), model.install(), model.tenants(), QDateTime::currentDateTimeUtc(),
                                  model.settings()};
        timer.restart();
        engine.evaluateAll(context);
        rules.ms.push_back(msSince(timer));
    }
    std::printf("rules: every rule over the loaded model\n");
    rules.print("evaluateAll");

    std::printf("deltas: FissionModel::apply() of one changed object\n");
    int serial = 0;
    for (const KindInfo *k : {&kinds::functions(), &kinds::packages(), &kinds::pods(), &kinds::environments()}) {
        const QList<fd::kube::KubeObject> items = state.list(*k);
        if (items.isEmpty())
            continue;
        Stats stats;
        for (int i = 0; i < deltas; ++i) {
            const fd::kube::KubeObject changed = touched(items.at((qsizetype(i) * 7919) % items.size()), ++serial);
            state.upsert(changed);
            ChangeSet changes;
            changes.add(k->gr, changed);
            timer.restart();
            model.apply(changes, QDateTime::currentDateTimeUtc());
            stats.ms.push_back(msSince(timer));
        }
        stats.print(qPrintable(k->kind));
    }
    return 0;
}
