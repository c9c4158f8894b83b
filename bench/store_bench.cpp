// fission-desk-bench store: how fast the client turns LIST/WATCH JSON into its object model, and
// how much memory the model keeps. Prints figures; never a pass/fail test.
//
//   fission-desk-bench store [--pods N] [--page N] [--detail lean|full|both]
//
// Compares, on the same generated corpus (realistic Fission pool pods, see
// kube/store/SyntheticObjects.h):
//   qjson   QJsonDocument::fromJson per page, items kept as QJsonObject (the naive model)
//   store   fd::kube::decodeList + ObjectStore::replace (compact JSON without managedFields +
//           parsed header; what the app uses)
// and then the store's relist diff, watch stream parsing and stringsAt() lookups.

#include "BenchCommands.h"
#include "BenchSupport.h"

#include "kube/store/Decode.h"
#include "kube/store/ObjectStore.h"
#include "kube/store/SyntheticObjects.h"
#include "kube/store/WatchEventParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

using namespace fd::kube;

using fd::bench::residentBytes;

namespace {

double mb(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

struct Corpus {
    std::vector<QByteArray> pages;
    qint64 bytes = 0;
    int objects = 0;
};

Corpus makeCorpus(int pods, int pageSize, synthetic::Options::Detail detail)
{
    Corpus c;
    synthetic::Options options;
    options.detail = detail;
    for (int first = 0; first < pods; first += pageSize) {
        const int count = qMin(pageSize, pods - first);
        c.pages.push_back(synthetic::podListPage(first, count, pods, options));
        c.bytes += c.pages.back().size();
        c.objects += count;
    }
    return c;
}

void benchQJson(const Corpus &corpus)
{
    const qint64 before = residentBytes();
    QElapsedTimer timer;
    timer.start();
    std::vector<QJsonObject> kept;
    kept.reserve(size_t(corpus.objects));
    for (const QByteArray &page : corpus.pages) {
        const QJsonArray items = QJsonDocument::fromJson(page).object().value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            kept.push_back(item.toObject());
    }
    const qint64 ms = timer.elapsed();
    const qint64 held = residentBytes() - before;
    std::printf("  qjson   parse %6lld ms  %7.1f MiB/s  resident %7.1f MiB = %5.2fx JSON  (%lld B/object, RSS)\n",
                static_cast<long long>(ms), mb(corpus.bytes) / (double(qMax<qint64>(ms, 1)) / 1000.0), mb(held),
                double(held) / double(corpus.bytes), static_cast<long long>(held / qMax(1, corpus.objects)));
}

void benchStore(const Corpus &corpus)
{
    ObjectDecoder decoder;
    // Warm-up (parser allocation), then best of three.
    (void)decoder.decodeList(corpus.pages.front());
    qint64 bestDecode = -1;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        timer.start();
        qsizetype n = 0;
        for (const QByteArray &page : corpus.pages) {
            auto list = decoder.decodeList(page);
            if (!list) {
                std::printf("decode failed: %s\n", qPrintable(list.error().message));
                return;
            }
            n += list->items.size();
        }
        const qint64 ms = timer.elapsed();
        if (bestDecode < 0 || ms < bestDecode)
            bestDecode = ms;
        Q_UNUSED(n);
    }

    const qint64 before = residentBytes();
    ObjectStore store;
    QList<KubeObject> all;
    QString rv;
    QElapsedTimer total;
    total.start();
    for (const QByteArray &page : corpus.pages) {
        auto list = decoder.decodeList(page);
        all.append(list->items);
        rv = list->resourceVersion;
    }
    const qint64 decodeMs = total.elapsed();
    QElapsedTimer replaceTimer;
    replaceTimer.start();
    const QList<Delta> initial = store.replace(all, rv);
    const qint64 replaceMs = replaceTimer.elapsed();
    all.clear();
    const qsizetype initialDeltas = initial.size();
    const qint64 held = residentBytes() - before - qint64(initial.size()) * qint64(sizeof(Delta));
    std::printf("  store   parse %6lld ms  %7.1f MiB/s  resident %7.1f MiB = %5.2fx JSON  (%lld B/object, RSS)\n",
                static_cast<long long>(bestDecode), mb(corpus.bytes) / (double(qMax<qint64>(bestDecode, 1)) / 1000.0),
                mb(held), double(held) / double(corpus.bytes), static_cast<long long>(held / qMax(1, corpus.objects)));
    std::printf("          residentBytes() %7.1f MiB = %5.2fx JSON  (%lld B/object; stored JSON %lld B/object)\n",
                mb(store.residentBytes()), double(store.residentBytes()) / double(corpus.bytes),
                static_cast<long long>(store.residentBytes() / qMax<qsizetype>(1, store.size())),
                static_cast<long long>(store.jsonBytes() / qMax<qsizetype>(1, store.size())));
    std::printf("          first sync: decode %lld ms + replace %lld ms (%lld deltas)\n",
                static_cast<long long>(decodeMs), static_cast<long long>(replaceMs),
                static_cast<long long>(initialDeltas));

    // Relist with nothing changed, then with 10% modified and 5% gone.
    {
        QList<KubeObject> same;
        for (const QByteArray &page : corpus.pages)
            same.append(decoder.decodeList(page)->items);
        QElapsedTimer t;
        t.start();
        const QList<Delta> none = store.replace(same, rv);
        std::printf("          relist, no change: replace %lld ms, %lld deltas\n", static_cast<long long>(t.elapsed()),
                    static_cast<long long>(none.size()));
    }
    {
        QList<KubeObject> changed;
        const QList<KubeObject> current = store.items();
        for (qsizetype i = 0; i < current.size(); ++i) {
            if (i % 20 == 7)
                continue; // gone
            if (i % 10 == 3) {
                QByteArray json = current[i].json();
                json.replace(current[i].resourceVersionUtf8().toByteArray(),
                             QByteArray::number(90000000 + i)); // new RV (and any equal text)
                changed.append(decodeObject(json).value());
            } else {
                changed.append(current[i]);
            }
        }
        QElapsedTimer t;
        t.start();
        const QList<Delta> deltas = store.replace(changed, rv);
        std::printf("          relist, 10%% modified 5%% gone: replace %lld ms, %lld deltas\n",
                    static_cast<long long>(t.elapsed()), static_cast<long long>(deltas.size()));
    }

    // Watch: every object MODIFIED once, fed in 16 KiB chunks.
    {
        QByteArray stream;
        const QList<KubeObject> current = store.items();
        for (const KubeObject &o : current)
            stream += synthetic::watchEventLine(QByteArrayLiteral("MODIFIED"), o.json());
        WatchEventParser parser;
        QElapsedTimer t;
        t.start();
        qsizetype events = 0;
        for (qsizetype at = 0; at < stream.size(); at += 16384) {
            auto result = parser.feed(QByteArrayView(stream).sliced(at, qMin<qsizetype>(16384, stream.size() - at)));
            if (result.error) {
                std::printf("watch stream failed: %s\n", qPrintable(result.error->message));
                break;
            }
            events += result.events.size();
            for (const WatchEvent &e : result.events)
                (void)store.apply(e);
        }
        const qint64 ms = t.elapsed();
        std::printf("  watch   %lld events, %.1f MiB: %lld ms (%.1f MiB/s, parse + apply)\n",
                    static_cast<long long>(events), mb(stream.size()), static_cast<long long>(ms),
                    mb(stream.size()) / (double(qMax<qint64>(ms, 1)) / 1000.0));
    }

    // Item-model style lookups.
    {
        const std::vector<JsonPath> paths{JsonPath::parse(QStringLiteral("status.phase")),
                                          JsonPath::parse(QStringLiteral("status.podIP")),
                                          JsonPath::parse(QStringLiteral("spec.containers[0].image")),
                                          JsonPath::parse(QStringLiteral("status.containerStatuses[0].restartCount"))};
        const QList<KubeObject> current = store.items();
        QElapsedTimer t;
        t.start();
        qsizetype found = 0;
        for (const KubeObject &o : current) {
            for (const auto &v : o.stringsAt(paths))
                found += v.has_value() ? 1 : 0;
        }
        std::printf("  lookup  stringsAt(4 paths) x %lld objects: %lld ms (%lld values)\n",
                    static_cast<long long>(current.size()), static_cast<long long>(t.elapsed()),
                    static_cast<long long>(found));
    }
}

} // namespace

int fd::bench::runStore(const QStringList &args)
{
    int pods = 20000;
    int pageSize = 500;
    QString detail = QStringLiteral("both");
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--pods"))
            pods = qMax(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--page"))
            pageSize = qMax(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--detail"))
            detail = args[i + 1];
    }

    for (const auto d : {synthetic::Options::Detail::Lean, synthetic::Options::Detail::Full}) {
        const bool lean = d == synthetic::Options::Detail::Lean;
        if (detail != QLatin1String("both") && detail != (lean ? QLatin1String("lean") : QLatin1String("full")))
            continue;
        const Corpus corpus = makeCorpus(pods, pageSize, d);
        std::printf("%s pods: %d objects, %.1f MiB JSON in %zu pages of %d (%lld B/object)\n", lean ? "lean" : "full",
                    corpus.objects, mb(corpus.bytes), corpus.pages.size(), pageSize,
                    static_cast<long long>(corpus.bytes / qMax(1, corpus.objects)));
        benchQJson(corpus);
        benchStore(corpus);
    }
    return 0;
}
