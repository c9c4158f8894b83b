// fission-desk-bench sync: how long our informers take to a fully synced set of stores, and what
// the stores cost in memory, against an in-process emulator holding a large cluster (by default
// 500 namespaces and 40,000 objects: 20,000 realistic Fission pool pods, 10,000 ConfigMaps, 5,000
// Secrets and 5,000 Fission Functions). In the same run, against the same server, the peers:
//   raw      the same LIST pages (limit=500, following continue) fetched with
//            QNetworkAccessManager and not parsed — the wire's own cost, the lower bound;
//   kubectl  `kubectl get <kind> -A -o json` per kind (FD_TOOLS_DIR or PATH), summed.
// Targets (issue 4): sync ≤ 1.5× raw; store memory ≤ 1.0× the JSON bytes it holds.
// Prints figures; never a pass/fail test.
#include "BenchCommands.h"
#include "BenchSupport.h"

#include "kube/informer/InformerSet.h"
#include "kube/informer/RestListWatchSource.h"
#include "kube/store/SyntheticObjects.h"
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"
#include "sim/api/ApiHandler.h"
#include "sim/api/ObjectStore.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/cluster/KubeconfigWriter.h"
#include "sim/cluster/SimHost.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <malloc.h>
#include <unistd.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace fd::kube;

using fd::bench::residentBytes;
using fd::bench::findKubectl;

namespace {

struct Population {
    int namespaces = 500;
    int pods = 20000;
    int configMaps = 10000;
    int secrets = 5000;
    int functions = 5000;
};

struct Measured {
    qint64 ms = -1;
    qint64 bytes = 0;
    int pages = 0;
    QMap<QString, qint64> bytesByKind; // kind id → page bytes
    QMap<QString, qint64> msByKind;    // kind id → when its last page had arrived
};

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

const QList<ResourceKind> &kinds()
{
    static const QList<ResourceKind> list{
        ResourceKind::core(u"pods"_s, u"Pod"_s),
        ResourceKind::core(u"configmaps"_s, u"ConfigMap"_s),
        ResourceKind::core(u"secrets"_s, u"Secret"_s),
        ResourceKind::grouped(u"fission.io"_s, u"v1"_s, u"functions"_s, u"Function"_s),
    };
    return list;
}

QString kubectlName(const ResourceKind &kind)
{
    return kind.group.isEmpty() ? kind.resource : kind.resource + u'.' + kind.group;
}

QJsonObject functionCrd()
{
    const QJsonObject version{{u"name"_s, u"v1"_s},
                              {u"served"_s, true},
                              {u"storage"_s, true},
                              {u"schema"_s, QJsonObject{{u"openAPIV3Schema"_s,
                                                         QJsonObject{{u"type"_s, u"object"_s},
                                                                     {u"x-kubernetes-preserve-unknown-fields"_s, true}}}}}};
    return {{u"apiVersion"_s, u"apiextensions.k8s.io/v1"_s},
            {u"kind"_s, u"CustomResourceDefinition"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"functions.fission.io"_s}}},
            {u"spec"_s, QJsonObject{{u"group"_s, u"fission.io"_s},
                                    {u"scope"_s, u"Namespaced"_s},
                                    {u"names"_s, QJsonObject{{u"plural"_s, u"functions"_s},
                                                             {u"singular"_s, u"function"_s},
                                                             {u"kind"_s, u"Function"_s},
                                                             {u"listKind"_s, u"FunctionList"_s}}},
                                    {u"versions"_s, QJsonArray{version}}}}};
}

QJsonObject withMetadata(QJsonObject object, const QString &ns, const QString &ownerUid = {})
{
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    metadata.insert(u"namespace"_s, ns);
    metadata.remove(u"resourceVersion"_s); // the store stamps its own
    if (!ownerUid.isEmpty()) {
        QJsonArray owners = metadata.value("ownerReferences"_L1).toArray();
        if (!owners.isEmpty()) {
            QJsonObject owner = owners.first().toObject();
            owner.insert(u"uid"_s, ownerUid);
            owners.replace(0, owner);
            metadata.insert(u"ownerReferences"_s, owners);
        }
    }
    object.insert(u"metadata"_s, metadata);
    return object;
}

QJsonObject keyValueObject(const char *kind, const QString &ns, const QString &name, int index, bool base64)
{
    QJsonObject data;
    for (int i = 0; i < 8; ++i) {
        QByteArray value = QByteArray::number(qint64(index) * 7919 + i, 36).repeated(12);
        data.insert(u"key-%1"_s.arg(i), QString::fromLatin1(base64 ? value.toBase64() : value));
    }
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, QString::fromLatin1(kind)},
            {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                       {u"namespace"_s, ns},
                                       {u"uid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                       {u"creationTimestamp"_s, u"2026-01-01T00:00:00Z"_s},
                                       {u"labels"_s, QJsonObject{{u"app.kubernetes.io/part-of"_s, u"bench"_s},
                                                                 {u"tenant"_s, ns}}}}},
            {u"data"_s, data}};
}

// What the apiserver adds to an object created by kubectl: one managedFields entry naming the
// fields the manager set. The client strips managedFields; the wire carries them.
QJsonObject withManagedFields(QJsonObject object)
{
    QJsonObject fields;
    const QJsonObject data = object.value("data"_L1).toObject();
    for (auto it = data.begin(); it != data.end(); ++it)
        fields.insert(u"f:"_s + it.key(), QJsonObject());
    const QJsonObject entry{{u"manager"_s, u"kubectl-client-side-apply"_s},
                            {u"operation"_s, u"Update"_s},
                            {u"apiVersion"_s, u"v1"_s},
                            {u"time"_s, u"2026-01-01T00:00:00Z"_s},
                            {u"fieldsType"_s, u"FieldsV1"_s},
                            {u"fieldsV1"_s, QJsonObject{{u"f:data"_s, fields},
                                                        {u"f:metadata"_s, QJsonObject{{u"f:labels"_s, QJsonObject{
                                                            {u"."_s, QJsonObject()},
                                                            {u"f:app.kubernetes.io/part-of"_s, QJsonObject()},
                                                            {u"f:tenant"_s, QJsonObject()}}}}}}}};
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    metadata.insert(u"managedFields"_s, QJsonArray{entry});
    object.insert(u"metadata"_s, metadata);
    return object;
}

// Writes straight into the emulator's store (no admission, no validation): 40,000 objects in
// seconds. Pods keep their owner reference, pointed at their namespace (an object that exists),
// so that the emulator's garbage collector leaves them alone.
bool populate(fd::sim::SimHost &host, const Population &population)
{
    bool ok = true;
    host.run([&](fd::sim::SimCluster &cluster) {
        if (!cluster.apply(functionCrd()))
            ok = false;
    });
    // The CRD controller publishes the new type on the emulator's event loop.
    for (int i = 0; i < 200; ++i) {
        bool served = false;
        host.run([&](fd::sim::SimCluster &cluster) {
            served = cluster.catalog()->find(u"fission.io"_s, u"v1"_s, u"functions"_s).has_value();
        });
        if (served)
            break;
        QThread::msleep(20);
    }
    host.run([&](fd::sim::SimCluster &cluster) {
        fd::sim::ObjectStore *store = cluster.store();
        const auto key = [&](const QString &group, const QString &version, const QString &plural) {
            const auto type = cluster.catalog()->find(group, version, plural);
            if (!type)
                ok = false;
            return type ? type->storageKey() : QString();
        };
        const QString namespacesKey = key(QString(), u"v1"_s, u"namespaces"_s);
        const QString podsKey = key(QString(), u"v1"_s, u"pods"_s);
        const QString configMapsKey = key(QString(), u"v1"_s, u"configmaps"_s);
        const QString secretsKey = key(QString(), u"v1"_s, u"secrets"_s);
        const QString functionsKey = key(u"fission.io"_s, u"v1"_s, u"functions"_s);
        if (!ok)
            return;
        QStringList names;
        QStringList uids;
        for (int i = 0; i < population.namespaces; ++i) {
            names.append(u"tenant-%1"_s.arg(i, 3, 10, QLatin1Char('0')));
            uids.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
            store->write(namespacesKey,
                         QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                     {u"kind"_s, u"Namespace"_s},
                                     {u"metadata"_s, QJsonObject{{u"name"_s, names.last()},
                                                                {u"uid"_s, uids.last()},
                                                                {u"creationTimestamp"_s, u"2026-01-01T00:00:00Z"_s},
                                                                {u"labels"_s, QJsonObject{{u"kubernetes.io/metadata.name"_s,
                                                                                           names.last()}}}}},
                                     {u"spec"_s, QJsonObject{{u"finalizers"_s, QJsonArray{u"kubernetes"_s}}}},
                                     {u"status"_s, QJsonObject{{u"phase"_s, u"Active"_s}}}});
        }
        const int n = int(names.size());
        for (int i = 0; i < population.pods; ++i) {
            // podJson() is a list item; stored objects carry their type (as the write path adds it).
            QJsonObject pod = QJsonDocument::fromJson(synthetic::podJson(i)).object();
            pod.insert(u"apiVersion"_s, u"v1"_s);
            pod.insert(u"kind"_s, u"Pod"_s);
            store->write(podsKey, withMetadata(pod, names.at(i % n), uids.at(i % n)));
        }
        for (int i = 0; i < population.configMaps; ++i)
            store->write(configMapsKey,
                         withManagedFields(keyValueObject("ConfigMap", names.at(i % n), u"config-%1"_s.arg(i), i, false)));
        for (int i = 0; i < population.secrets; ++i)
            store->write(secretsKey,
                         withManagedFields(keyValueObject("Secret", names.at(i % n), u"secret-%1"_s.arg(i), i, true)));
        for (int i = 0; i < population.functions; ++i) {
            const QJsonObject function = QJsonDocument::fromJson(synthetic::functionJson(i)).object();
            QJsonObject renamed = withMetadata(function, names.at(i % n));
            QJsonObject metadata = renamed.value("metadata"_L1).toObject();
            metadata.insert(u"name"_s, u"fn-%1"_s.arg(i)); // functionJson repeats names across environments
            renamed.insert(u"metadata"_s, metadata);
            store->write(functionsKey, renamed);
        }
    });
    return ok;
}

// The continue token of a page, found without parsing the page (the emulator, like the apiserver,
// writes the list's metadata first).
QString continueTokenOf(const QByteArray &page)
{
    const QByteArray head = page.left(4096);
    static const QByteArray marker = "\"continue\":\"";
    const qsizetype at = head.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype start = at + marker.size();
    const qsizetype end = head.indexOf('"', start);
    return end < 0 ? QString() : QString::fromLatin1(head.mid(start, end - start));
}

// Every page of every kind, the kinds in parallel as the informers fetch them, nothing parsed.
Measured fetchRaw(const QUrl &server)
{
    QNetworkAccessManager network;
    Measured measured;
    QEventLoop loop;
    QElapsedTimer timer;
    int running = 0;
    std::function<void(const ResourceKind &, const QString &)> fetch = [&](const ResourceKind &kind, const QString &token) {
        QUrl url = server;
        url.setPath(kind.collectionPath());
        url.setQuery(u"limit=500"_s + (token.isEmpty() ? QString() : u"&continue="_s + QString::fromLatin1(QUrl::toPercentEncoding(token))));
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json");
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, kind] {
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            measured.bytes += body.size();
            measured.bytesByKind[kind.id()] += body.size();
            ++measured.pages;
            const QString next = continueTokenOf(body);
            if (!next.isEmpty()) {
                fetch(kind, next);
                return;
            }
            measured.msByKind[kind.id()] = timer.elapsed();
            if (--running == 0)
                loop.quit();
        });
    };
    timer.start();
    for (const ResourceKind &kind : kinds()) {
        ++running;
        fetch(kind, QString());
    }
    loop.exec();
    measured.ms = timer.elapsed();
    return measured;
}

struct StoreFigures {
    qint64 resident = 0;
    qint64 json = 0;
    int objects = 0;
};

struct SyncResult {
    qint64 ms = -1;
    qint64 storeResident = 0;
    qint64 storeJson = 0;
    int objects = 0;
    qint64 rssDelta = 0;
    QMap<QString, StoreFigures> byKind;
    QMap<QString, qint64> msByKind; // kind id → when its reflector was synced and watching
};

// Our informers (cluster-wide, one reflector per kind) on a session thread, from start() to every
// reflector synced and watching.
SyncResult syncInformers(const QUrl &server)
{
    SyncResult result;
    const qint64 rssBefore = residentBytes();
    ConnectionSettings settings;
    settings.setServer(server);
    ResolvedUser user;
    user.name = u"bench"_s;
    KubeSessionThread sessionThread(std::make_unique<KubeSession>(u"bench"_s, settings, user));
    KubeSession *session = sessionThread.session();
    InformerSet *set = nullptr;
    QEventLoop loop;
    QElapsedTimer timer;
    QMetaObject::invokeMethod(session, [&] {
        RestClient *rest = session->rest();
        set = new InformerSet([rest](const ResourceKind &kind, const QString &ns) {
            return std::make_unique<RestListWatchSource>(rest, kind, ns);
        }, InformerSet::Options{}, session);
        for (const ResourceKind &kind : kinds())
            set->addKind(kind);
        QObject::connect(set, &InformerSet::statusChanged, set, [&] {
            for (const ResourceKind &kind : kinds()) {
                const QList<const Reflector *> reflectors = set->reflectors(kind);
                if (!result.msByKind.contains(kind.id()) && reflectors.size() == 1 && reflectors.first()->status().isLive())
                    result.msByKind.insert(kind.id(), timer.elapsed());
            }
            if (result.ms < 0 && set->isLive()) {
                result.ms = timer.elapsed();
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
            }
        });
        timer.start();
        set->start();
    }, Qt::BlockingQueuedConnection);
    QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
    loop.exec();
    // Let the delta batcher hand out (and drop) its batch, as a GUI would consume it.
    QThread::msleep(200);
    QMetaObject::invokeMethod(session, [&] {
        set->batcher()->flush();
        for (const ResourceKind &kind : kinds()) {
            for (const Reflector *reflector : set->reflectors(kind)) {
                StoreFigures &figures = result.byKind[kind.id()];
                figures.resident += reflector->store().residentBytes();
                figures.json += reflector->store().jsonBytes();
                figures.objects += int(reflector->store().size());
                result.storeResident += reflector->store().residentBytes();
                result.storeJson += reflector->store().jsonBytes();
                result.objects += int(reflector->store().size());
            }
        }
    }, Qt::BlockingQueuedConnection);
    result.rssDelta = residentBytes() - rssBefore;
    QMetaObject::invokeMethod(session, [&] { delete set; }, Qt::BlockingQueuedConnection);
    return result;
}

Measured runKubectl(const QString &kubectl, fd::sim::SimHost &host, QString *note)
{
    Measured measured;
    QTemporaryDir dir;
    QFile file(dir.filePath(u"kubeconfig"_s));
    if (!file.open(QIODevice::WriteOnly)) {
        *note = u"cannot write a kubeconfig"_s;
        return measured;
    }
    file.write(fd::sim::writeKubeconfig({{u"bench"_s, host.url(), host.caCertificatePem(), host.users()}}));
    file.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KUBECONFIG"_s, file.fileName());
    env.insert(u"HOME"_s, dir.path());
    env.insert(u"KUBECACHEDIR"_s, dir.filePath(u"cache"_s));
    measured.ms = 0;
    for (const ResourceKind &kind : kinds()) {
        QProcess process;
        process.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        process.start(kubectl, {u"get"_s, kubectlName(kind), u"-A"_s, u"-o"_s, u"json"_s});
        if (!process.waitForFinished(600'000) || process.exitCode() != 0) {
            *note = u"kubectl get %1 failed: %2"_s.arg(kubectlName(kind), QString::fromUtf8(process.readAllStandardError().left(300)));
            measured.ms = -1;
            return measured;
        }
        measured.ms += timer.elapsed();
        measured.bytes += process.readAllStandardOutput().size();
    }
    return measured;
}

} // namespace

int fd::bench::runSync(const QStringList &args)
{
    Population population;
    bool withKubectl = true;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const int value = i + 1 < args.size() ? args.at(i + 1).toInt() : 0;
        if (arg == "--no-kubectl"_L1) {
            withKubectl = false;
            continue;
        }
        if (arg == "--namespaces"_L1)
            population.namespaces = qMax(1, value);
        else if (arg == "--pods"_L1)
            population.pods = qMax(0, value);
        else if (arg == "--configmaps"_L1)
            population.configMaps = qMax(0, value);
        else if (arg == "--secrets"_L1)
            population.secrets = qMax(0, value);
        else if (arg == "--functions"_L1)
            population.functions = qMax(0, value);
        else {
            std::fprintf(stderr, "sync: unknown option %s\n", qPrintable(arg));
            return 2;
        }
        ++i;
    }

    fd::sim::SimClusterOptions options;
    options.name = u"bench"_s;
    fd::sim::SimHost host(options);
    if (auto started = host.start(); !started) {
        std::fprintf(stderr, "cannot start the emulator: %s\n", qPrintable(started.error()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (!populate(host, population)) {
        std::fprintf(stderr, "cannot populate the emulator\n");
        return 1;
    }
    const int total = population.pods + population.configMaps + population.secrets + population.functions;
    std::printf("emulator: %d namespaces, %d objects (%d pods, %d config maps, %d secrets, %d functions) written in %lld ms\n",
                population.namespaces, total, population.pods, population.configMaps, population.secrets,
                population.functions, static_cast<long long>(timer.elapsed()));
    std::fflush(stdout);

    // Raw fetches before and after the informers (after a warm-up), the faster one counts: a busy
    // emulator or machine during one of them must not flatter the informers.
    fetchRaw(host.url());
    Measured raw = fetchRaw(host.url());
    std::printf("raw fetch: %d pages, %.1f MiB in %lld ms\n", raw.pages, mib(raw.bytes), static_cast<long long>(raw.ms));
    std::fflush(stdout);

    qint64 requestsBefore = 0;
    host.run([&](fd::sim::SimCluster &cluster) { requestsBefore = cluster.api()->requestCount(); });
    const SyncResult sync = syncInformers(host.url());
    qint64 requestsAfter = 0;
    host.run([&](fd::sim::SimCluster &cluster) { requestsAfter = cluster.api()->requestCount(); });
    std::printf("informer requests seen by the emulator: %lld\n", static_cast<long long>(requestsAfter - requestsBefore));
    std::printf("informers: %d objects synced in %lld ms\n", sync.objects, static_cast<long long>(sync.ms));
    std::fflush(stdout);

    const Measured rawAgain = fetchRaw(host.url());
    std::printf("raw fetch again: %lld ms\n", static_cast<long long>(rawAgain.ms));
    if (rawAgain.ms < raw.ms)
        raw = rawAgain;

    Measured kubectl;
    QString kubectlNote;
    const QString kubectlPath = withKubectl ? findKubectl() : QString();
    if (!withKubectl)
        kubectlNote = u"skipped (--no-kubectl)"_s;
    else if (kubectlPath.isEmpty())
        kubectlNote = u"kubectl not found (FD_TOOLS_DIR, PATH): skipped"_s;
    else
        kubectl = runKubectl(kubectlPath, host, &kubectlNote);

    const double rawMs = double(qMax<qint64>(1, raw.ms));
    std::printf("\n%-58s %10s %10s\n", "4 kinds, all namespaces, pages of 500", "time", "vs raw");
    std::printf("%-58s %8lld ms %9.2fx\n", "raw HTTP fetch of the list pages (no parsing)", static_cast<long long>(raw.ms), 1.0);
    std::printf("%-58s %8lld ms %9.2fx   target <= 1.5x\n", "fission-desk informers: list + decode + store, to watching",
                static_cast<long long>(sync.ms), double(sync.ms) / rawMs);
    if (kubectl.ms >= 0 && kubectlNote.isEmpty())
        std::printf("%-58s %8lld ms %9.2fx\n", "kubectl get <kind> -A -o json, summed", static_cast<long long>(kubectl.ms),
                    double(kubectl.ms) / rawMs);
    else
        std::printf("%-58s %s\n", "kubectl get <kind> -A -o json", qPrintable(kubectlNote));
    // Memory: the stores' resident bytes against the JSON they were given (the list pages, as
    // fd-bench-store and ObjectStore.h measure it) and against the JSON they keep (managedFields
    // stripped), per kind and in total; and the process's RSS growth (which includes the
    // transport's buffers and the delta batcher's last batch).
    const auto ratio = [](qint64 a, qint64 b) { return double(a) / double(qMax<qint64>(1, b)); };
    std::printf("%-58s", "  per kind, raw / informers (ms):");
    for (const ResourceKind &kind : kinds())
        std::printf(" %s %lld/%lld", qPrintable(kind.resource), static_cast<long long>(raw.msByKind.value(kind.id())),
                    static_cast<long long>(sync.msByKind.value(kind.id())));
    std::printf("\n");
    std::printf("\n%-24s %8s %12s %12s %12s %10s %10s\n", "memory", "objects", "pages MiB", "kept MiB",
                "resident MiB", "/pages", "/kept");
    for (const ResourceKind &kind : kinds()) {
        const StoreFigures figures = sync.byKind.value(kind.id());
        const qint64 pages = raw.bytesByKind.value(kind.id());
        std::printf("%-24s %8d %12.1f %12.1f %12.1f %9.2fx %9.2fx\n", qPrintable(kind.id()), figures.objects, mib(pages),
                    mib(figures.json), mib(figures.resident), ratio(figures.resident, pages),
                    ratio(figures.resident, figures.json));
    }
    std::printf("%-24s %8d %12.1f %12.1f %12.1f %9.2fx %9.2fx   target <= 1.0x\n", "all stores", sync.objects,
                mib(raw.bytes), mib(sync.storeJson), mib(sync.storeResident), ratio(sync.storeResident, raw.bytes),
                ratio(sync.storeResident, sync.storeJson));
    std::printf("%-24s %8s %12s %12s %12.1f %9.2fx %9.2fx\n", "process RSS growth", "", "", "", mib(sync.rssDelta),
                ratio(sync.rssDelta, raw.bytes), ratio(sync.rssDelta, sync.storeJson));
    return 0;
}
