// The chaos test (issue 4): informers for ConfigMaps, Secrets and a custom resource, cluster-wide,
// on their own session thread, while a driver makes 10,000 random creates/updates/deletes across
// several namespaces over HTTP and a fault injector drops watches, compacts the history (410),
// answers 429 and 500/503 and expires the informers' token (refreshed through an exec plugin).
// At the end every informer must be watching and its store must equal a fresh list exactly:
// same keys, same resourceVersions.
//
// Seeded: the seed is printed; FD_CHAOS_SEED=<n> replays the driver's and the injector's choices
// (thread timing still varies). FD_CHAOS_OPERATIONS overrides the 10,000 for experiments.
#include "ChaosDriver.h"
#include "InformerEmulator.h"

#include "kube/informer/InformerSet.h"
#include "kube/informer/RestListWatchSource.h"
#include "kube/transport/CredentialProvider.h"
#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"
#include "sim/auth/Authenticator.h"
#include "sim/auth/UserInfo.h"
#include "sim/cluster/SimCluster.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <limits>

using namespace fd::kube;
using namespace fd::test;
using namespace Qt::StringLiterals;

namespace {

const ResourceKind ConfigMaps = ResourceKind::core(u"configmaps"_s, u"ConfigMap"_s);
const ResourceKind Secrets = ResourceKind::core(u"secrets"_s, u"Secret"_s);
const ResourceKind Widgets = ResourceKind::grouped(u"chaos.example.com"_s, u"v1"_s, u"widgets"_s, u"Widget"_s);

quint64 seedFromEnvironment()
{
    bool ok = false;
    const quint64 fromEnv = qEnvironmentVariable("FD_CHAOS_SEED").toULongLong(&ok);
    return ok ? fromEnv : QRandomGenerator::global()->generate64();
}

int operationsFromEnvironment()
{
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("FD_CHAOS_OPERATIONS", &ok);
    return ok && fromEnv > 0 ? fromEnv : 10'000;
}

QJsonObject widgetCrd()
{
    const QJsonObject version{{u"name"_s, u"v1"_s},
                              {u"served"_s, true},
                              {u"storage"_s, true},
                              {u"schema"_s, QJsonObject{{u"openAPIV3Schema"_s,
                                                         QJsonObject{{u"type"_s, u"object"_s},
                                                                     {u"x-kubernetes-preserve-unknown-fields"_s, true}}}}}};
    return {{u"apiVersion"_s, u"apiextensions.k8s.io/v1"_s},
            {u"kind"_s, u"CustomResourceDefinition"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"widgets.chaos.example.com"_s}}},
            {u"spec"_s, QJsonObject{{u"group"_s, u"chaos.example.com"_s},
                                    {u"scope"_s, u"Namespaced"_s},
                                    {u"names"_s, QJsonObject{{u"plural"_s, u"widgets"_s},
                                                             {u"singular"_s, u"widget"_s},
                                                             {u"kind"_s, u"Widget"_s},
                                                             {u"listKind"_s, u"WidgetList"_s}}},
                                    {u"versions"_s, QJsonArray{version}}}}};
}

// What the test reads from the informers, copied on the session thread.
struct InformerView {
    bool live = false;
    QMap<QString, KeyVersions> contents;   // by kind id
    QMap<QString, quint64> resourceVersions; // lowest store RV per kind id
    QStringList counters;
};

InformerView viewOf(InformerSet &set)
{
    InformerView view;
    view.live = set.isLive();
    for (const ResourceKind &kind : set.kinds()) {
        view.contents.insert(kind.id(), keyVersions(set.items(kind)));
        quint64 lowest = std::numeric_limits<quint64>::max();
        for (const Reflector *reflector : set.reflectors(kind)) {
            lowest = std::min(lowest, reflector->store().resourceVersion().toULongLong());
            const ReflectorCounters &c = reflector->counters();
            view.counters.append(u"%1: %2 lists (%3 pages, %4 restarted after an expired continue token), "
                                   u"%5 watches, %6 failures"_s.arg(reflector->describe())
                                     .arg(c.lists).arg(c.listRequests).arg(c.expiredContinues).arg(c.watchRequests)
                                     .arg(c.failures));
        }
        view.resourceVersions.insert(kind.id(), lowest);
    }
    return view;
}

} // namespace

class TestInformerChaos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesEqualTheServerAfterChaos()
    {
        const quint64 seed = seedFromEnvironment();
        const int operations = operationsFromEnvironment();
        qInfo("chaos seed %llu (FD_CHAOS_SEED=%llu reproduces it), %d operations", seed, seed, operations);

        InformerEmulator emulator;
        QString error;
        QVERIFY2(emulator.start(&error), qPrintable(error));
        const QStringList namespaces{u"chaos-0"_s, u"chaos-1"_s, u"chaos-2"_s, u"chaos-3"_s};
        for (const QString &ns : namespaces)
            emulator.createNamespace(ns);
        QCOMPARE(emulator.sim().post(u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions"_s, widgetCrd()).status, 201);
        QVERIFY(QTest::qWaitFor([&] { return emulator.sim().get(Widgets.collectionPath()).status == 200; }, 20'000));
        // Frequent bookmarks, so that an idle store's RV catches up with the server's quickly.
        QCOMPARE(emulator.faults(QJsonObject{{u"bookmarkIntervalMs"_s, 200}}), 200);

        // The informers authenticate with a token from an exec plugin; the injector rotates it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tokenFile = dir.filePath(u"token"_s);
        int tokenSerial = 0;
        QString currentToken;
        auto mintToken = [&]() -> QString {
            const QString token = u"chaos-%1-%2"_s.arg(++tokenSerial).arg(QRandomGenerator::global()->generate64(), 0, 16);
            emulator.onSim([token](fd::sim::SimCluster &cluster) {
                cluster.authenticator()->addToken(token, fd::sim::UserInfo{u"chaos-admin"_s, {}, {u"system:masters"_s}, {}});
            });
            QSaveFile file(tokenFile);
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write the token file");
            file.write(token.toUtf8());
            if (!file.commit())
                qFatal("cannot write the token file");
            return std::exchange(currentToken, token);
        };
        mintToken();
        const QString plugin = dir.filePath(u"token-plugin.sh"_s);
        {
            QFile script(plugin);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                         "\"status\":{\"token\":\"%s\"}}' \"$(cat '" + tokenFile.toUtf8() + "')\"\n");
            script.close();
            QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
        ResolvedUser user;
        user.name = u"chaos"_s;
        ExecConfig exec;
        exec.command = plugin;
        exec.apiVersion = u"client.authentication.k8s.io/v1"_s;
        exec.interactiveMode = ExecInteractiveMode::Never;
        user.exec = exec;

        KubeSessionThread sessionThread(emulator.session(user));
        InformerSet *set = nullptr;
        InformerSet::Options options;
        // Shorter than production so that the end of the test does not wait out a 30 s backoff
        // (the path taken is the same); watches renew every few seconds to exercise clean ends.
        options.reflector.backoff.maxMs = 2'000;
        options.reflector.minWatchTimeoutSeconds = 4;
        options.reflector.maxWatchTimeoutSeconds = 12;
        // Small pages, so that lists take several requests and compactions expire continue tokens.
        options.reflector.pageSize = 25;
        QMetaObject::invokeMethod(sessionThread.session(), [&] {
            KubeSession *session = sessionThread.session();
            RestClient *rest = session->rest();
            set = new InformerSet([rest](const ResourceKind &kind, const QString &ns) {
                return std::make_unique<RestListWatchSource>(rest, kind, ns);
            }, options, session);
            for (const ResourceKind &kind : {ConfigMaps, Secrets, Widgets})
                set->addKind(kind);
            set->start();
        }, Qt::BlockingQueuedConnection);
        auto view = [&] {
            InformerView v;
            QMetaObject::invokeMethod(sessionThread.session(), [&] { v = viewOf(*set); }, Qt::BlockingQueuedConnection);
            return v;
        };
        QTRY_VERIFY_WITH_TIMEOUT(view().live, 30'000);

        // Chaos.
        const QList<ChaosCollection> collections{
            {u"v1"_s, u"ConfigMap"_s, u"/api/v1"_s, u"configmaps"_s, u"data"_s, false},
            {u"v1"_s, u"Secret"_s, u"/api/v1"_s, u"secrets"_s, u"data"_s, true},
            {u"chaos.example.com/v1"_s, u"Widget"_s, u"/apis/chaos.example.com/v1"_s, u"widgets"_s, u"spec"_s, false},
        };
        ChaosDriver driver(QUrl(emulator.url()), collections, namespaces, 30, operations, 12, seed);
        FaultInjector injector(QUrl(emulator.url()), mintToken, seed);
        injector.start();
        driver.start();
        QTRY_VERIFY_WITH_TIMEOUT(driver.isDone(), 900'000);
        injector.stop();
        const ChaosDriver::Stats &ds = driver.stats();
        qInfo("driver: %d operations in %lld ms: %d creates, %d updates, %d deletes, %d not found, %d already existed, "
              "%d refused and resent",
              driver.completed(), driver.elapsedMs(), ds.creates, ds.updates, ds.deletes, ds.notFound, ds.alreadyExists,
              ds.refusedAndResent);
        const FaultInjector::Stats &fs = injector.stats();
        qInfo("faults: %d watch drops, %d compactions, %d throttles (429), %d server errors, %d token expiries",
              fs.drops, fs.compactions, fs.throttles, fs.serverErrors, fs.tokenExpiries);
        QVERIFY2(ds.unexpected == 0, qPrintable(ds.unexpectedSamples.join(u"; "_s)));
        QCOMPARE(driver.completed(), operations);
        QVERIFY(ds.creates > operations / 10 && ds.deletes > operations / 20);

        // Calm: no more injected failures. Wait until every informer watches and has seen the
        // server's last resourceVersion (bookmarks carry it to quiet stores), then compare.
        QCOMPARE(emulator.faults(QJsonObject{{u"failNextRequests"_s, 0}}), 200);
        const quint64 finalRv = emulator.resourceVersion();
        InformerView settled;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     settled = view();
                                     if (!settled.live)
                                         return false;
                                     for (quint64 rv : std::as_const(settled.resourceVersions)) {
                                         if (rv < finalRv)
                                             return false;
                                     }
                                     return true;
                                 }()),
                                 120'000);
        for (const QString &line : std::as_const(settled.counters))
            qInfo("%s", qPrintable(line));
        QMetaObject::invokeMethod(sessionThread.session(), [&] {
            const RestClient::Statistics &s = sessionThread.session()->rest()->statistics();
            qInfo("transport: %d requests, %d retries, %d resent after a credential refresh", s.requests, s.retries,
                  s.unauthorizedRetries);
        }, Qt::BlockingQueuedConnection);

        for (const ResourceKind &kind : {ConfigMaps, Secrets, Widgets}) {
            const KeyVersions server = emulator.serverState(kind);
            const KeyVersions informer = settled.contents.value(kind.id());
            QVERIFY2(!server.isEmpty(), qPrintable(kind.id()));
            if (informer != server) {
                int shown = 0;
                for (auto it = server.cbegin(); it != server.cend() && shown < 10; ++it) {
                    if (informer.value(it.key()) != it.value() && ++shown)
                        qWarning("%s %s: server %s, informer %s", qPrintable(kind.id()), qPrintable(it.key()),
                                 qPrintable(it.value()), qPrintable(informer.value(it.key(), u"(missing)"_s)));
                }
                for (auto it = informer.cbegin(); it != informer.cend() && shown < 10; ++it) {
                    if (!server.contains(it.key()) && ++shown)
                        qWarning("%s %s: deleted on the server, informer has %s", qPrintable(kind.id()),
                                 qPrintable(it.key()), qPrintable(it.value()));
                }
            }
            QCOMPARE(informer.size(), server.size());
            QVERIFY2(informer == server, qPrintable(kind.id() + u" differs from the server"_s));
        }

        QMetaObject::invokeMethod(sessionThread.session(), [&] { delete set; }, Qt::BlockingQueuedConnection);
    }
};

QTEST_GUILESS_MAIN(TestInformerChaos)
#include "tst_informer_chaos.moc"
