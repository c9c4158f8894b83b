// Real helm against the in-process emulator over TLS: what helm stores must decode to what
// helm itself reports (history, user-supplied and computed values, manifests), upgrade values
// must follow Helm's rules, and HelmRunner must drive template/upgrade/rollback — also from a
// chart rebuilt from the release alone.
#include "RefereeHarness.h"
#include "TestSupport.h"

#include "helm/ChartWriter.h"
#include "helm/HelmCommands.h"
#include "helm/HelmRunner.h"
#include "helm/ReleaseHistory.h"
#include "helm/Values.h"
#include "helm/ValuesDocument.h"
#include "kube/store/Decode.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace fd::helm;
using fd::test::CommandResult;
using fd::test::RefereeHarness;

namespace {

const QString kRelease = u"vals"_s;
const QString kNamespace = u"apps"_s;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestHelmReferee : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RefereeHarness> m_harness;
    QString m_helm;
    QString m_chart;
    QTemporaryDir m_work;

    CommandResult helm(const QStringList &arguments, int timeoutMs = 240000)
    {
        return m_harness->run(m_helm, arguments, timeoutMs);
    }

    QJsonDocument helmJson(const QStringList &arguments)
    {
        const CommandResult result = helm(arguments);
        if (result.exitCode != 0)
            qWarning("%s", qPrintable(result.describe()));
        return QJsonDocument::fromJson(result.out);
    }

    // The release records, read over HTTPS as the app's informer would (admin client certificate).
    QList<fd::kube::KubeObject> fetchReleaseRecords(const QString &namespaceName)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_harness->host().url().toString() + u"/api/v1/namespaces/"_s + namespaceName
                                     + u"/secrets?labelSelector=owner%3Dhelm"_s));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromData(m_harness->host().caCertificatePem()));
        for (const auto &user : m_harness->host().users()) {
            if (user.name != "admin"_L1)
                continue;
            ssl.setLocalCertificate(QSslCertificate(user.clientCertificatePem));
            QSslKey key(user.clientKeyPem, QSsl::Ec);
            if (key.isNull())
                key = QSslKey(user.clientKeyPem, QSsl::Rsa);
            ssl.setPrivateKey(key);
        }
        request.setSslConfiguration(ssl);
        request.setRawHeader("Accept", "application/json");
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QString error = reply->errorString();
        reply->deleteLater();
        if (status != 200) {
            qWarning("GET secrets: %d %s %s", status, qPrintable(error), body.left(500).constData());
            return {};
        }
        auto list = fd::kube::decodeList(body);
        if (!list) {
            qWarning("decode: %s", qPrintable(list.error().message));
            return {};
        }
        return list->items;
    }

    ReleaseHistory currentHistory() { return ReleaseHistory::fromObjects(fetchReleaseRecords(kNamespace)); }

    HelmRunnerSettings runnerSettings() const
    {
        HelmRunnerSettings settings;
        settings.helmPath = m_helm;
        settings.environment = m_harness->environment();
        settings.environment.remove(u"KUBECONFIG"_s);
        settings.kubeconfigFiles = {m_harness->kubeconfigPath()};
        settings.kubeContext = u"referee"_s;
        settings.searchPaths.shell.clear();
        settings.searchPaths.loginShellPath = [] { return QStringList(); };
        return settings;
    }

    static HelmResult runJob(HelmRunner &runner, const HelmInvocation &invocation)
    {
        HelmJob *job = runner.start(invocation);
        QSignalSpy finished(job, &HelmJob::finished);
        if (!job->isFinished())
            finished.wait(invocation.timeoutMs + 30000);
        if (!job->isFinished())
            return fd::Unexpected(HelmError{HelmErrorKind::Timeout, u"test: job did not finish"_s, {}, {}, -1});
        HelmResult result = job->result();
        job->deleteLater();
        return result;
    }

    static QString describe(const HelmResult &result)
    {
        return result ? QString() : result.error().message + u"\n"_s + result.error().details;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString tools = qEnvironmentVariable("FD_TOOLS_DIR", fd::test::sourceDir() + u"/build/tools"_s);
        m_helm = QFileInfo(tools + u"/helm"_s).isExecutable() ? tools + u"/helm"_s : fd::test::findTool(u"helm"_s);
        if (m_helm.isEmpty())
            FD_SKIP_LOUDLY(u"helm not found (scripts/install-deps.sh fetches helm v4 into build/tools)"_s);
        m_chart = fd::test::sourceDir() + u"/tests/helm/data/fd-valueschart"_s;
        QVERIFY(QFileInfo::exists(m_chart + u"/Chart.yaml"_s));
        m_harness = std::make_unique<RefereeHarness>(true);
        QString error;
        QVERIFY2(m_harness->start(&error), qPrintable(error));

        CommandResult result = helm({u"install"_s, kRelease, m_chart, u"--namespace"_s, kNamespace, u"--create-namespace"_s,
                                     u"--wait"_s, u"--timeout"_s, u"120s"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = helm({u"upgrade"_s, kRelease, m_chart, u"--namespace"_s, kNamespace, u"--set"_s, u"message=one"_s,
                       u"--set"_s, u"additionalFissionNamespaces={team-a}"_s, u"--wait"_s, u"--timeout"_s, u"120s"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        result = helm({u"upgrade"_s, kRelease, m_chart, u"--namespace"_s, kNamespace, u"--reuse-values"_s, u"--set"_s,
                       u"executor.adoptExistingResources=true"_s, u"--set"_s, u"router.annotations=null"_s, u"--wait"_s,
                       u"--timeout"_s, u"120s"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    }

    void decodedHistoryMatchesHelmHistory()
    {
        const ReleaseHistory history = currentHistory();
        QVERIFY(history.failures().isEmpty());
        const ReleaseRevisions *release = history.find(kNamespace, kRelease);
        QVERIFY(release);
        QCOMPARE(release->revisions.size(), 3);
        QCOMPARE(release->deployed()->version, 3);
        QVERIFY(!release->hasPendingOperation());
        QVERIFY(!release->hasSeveralDeployed());

        const QJsonArray helmHistory =
            helmJson({u"history"_s, kRelease, u"--namespace"_s, kNamespace, u"-o"_s, u"json"_s}).array();
        QCOMPARE(helmHistory.size(), release->revisions.size());
        for (int i = 0; i < helmHistory.size(); ++i) {
            const QJsonObject entry = helmHistory.at(i).toObject();
            const Release &revision = release->revisions.at(i);
            QCOMPARE(revision.version, entry.value(u"revision"_s).toInt());
            QCOMPARE(revision.info.statusText, entry.value(u"status"_s).toString());
            QCOMPARE(revision.chart.metadata.name + u'-' + revision.chart.metadata.version, entry.value(u"chart"_s).toString());
            QCOMPARE(revision.chart.metadata.appVersion, entry.value(u"app_version"_s).toString());
            QCOMPARE(revision.info.description, entry.value(u"description"_s).toString());
            const auto updated = parseHelmTime(entry.value(u"updated"_s).toString());
            QVERIFY2(updated, qPrintable(entry.value(u"updated"_s).toString()));
            QCOMPARE(revision.info.lastDeployed, updated);
            QVERIFY2(revision.decodeNotes.isEmpty(), qPrintable(revision.decodeNotes.join(u'\n')));
        }
        QCOMPARE(release->revisions.at(0).info.status, ReleaseStatus::Superseded);
        QCOMPARE(release->revisions.at(2).info.status, ReleaseStatus::Deployed);

        // The stored chart is complete: templates, the file, the schema, the metadata.
        const Release &latest = *release->latest();
        QCOMPARE(latest.chart.metadata.name, u"fd-valueschart"_s);
        QVERIFY(latest.chart.templates.size() >= 4);
        QVERIFY(!latest.chart.schema.isEmpty());
        bool banner = false;
        for (const ChartFile &file : latest.chart.files)
            banner = banner || file.name == "files/banner.txt"_L1;
        QVERIFY(banner);
        QVERIFY(latest.info.notes.contains(u"watches default,team-a"_s));
        // Helm 4 installs server-side and records it.
        QCOMPARE(latest.applyMethod, ApplyMethod::ServerSide);

        // `helm list -A` (Helm 4: every status) agrees with list().
        const QJsonArray listed = helmJson({u"list"_s, u"-A"_s, u"-o"_s, u"json"_s}).array();
        const ReleaseHistory all = ReleaseHistory::fromObjects(fetchReleaseRecords(kNamespace));
        const QList<const Release *> ours = all.list(ListSemantics::Helm4);
        QCOMPARE(listed.size(), ours.size());
        QCOMPARE(listed.first().toObject().value(u"name"_s).toString(), ours.first()->name);
        QCOMPARE(listed.first().toObject().value(u"revision"_s).toString().toInt(), ours.first()->version);
    }

    void valuesAndManifestsMatchHelm()
    {
        const ReleaseHistory history = currentHistory();
        const ReleaseRevisions *release = history.find(kNamespace, kRelease);
        QVERIFY(release);
        for (const Release &revision : release->revisions) {
            const QString number = QString::number(revision.version);
            const CommandResult user = helm({u"get"_s, u"values"_s, kRelease, u"--namespace"_s, kNamespace, u"--revision"_s,
                                             number, u"-o"_s, u"json"_s});
            QVERIFY2(user.exitCode == 0, qPrintable(user.describe()));
            HelmOutput output;
            output.standardOutput = user.out;
            QCOMPARE(compact(parseValues(output).value()), compact(revision.config));

            const CommandResult all = helm({u"get"_s, u"values"_s, kRelease, u"--namespace"_s, kNamespace, u"--all"_s,
                                            u"--revision"_s, number, u"-o"_s, u"json"_s});
            QVERIFY2(all.exitCode == 0, qPrintable(all.describe()));
            output.standardOutput = all.out;
            QCOMPARE(compact(coalesceValues(revision.chart.values, revision.config)), compact(parseValues(output).value()));

            const CommandResult manifest =
                helm({u"get"_s, u"manifest"_s, kRelease, u"--namespace"_s, kNamespace, u"--revision"_s, number});
            QVERIFY2(manifest.exitCode == 0, qPrintable(manifest.describe()));
            QCOMPARE(QString::fromUtf8(manifest.out).trimmed(), revision.manifest.trimmed());
        }
        // The null set with --reuse-values removed the chart's default annotations.
        const Release &latest = *release->latest();
        const QJsonObject effective = coalesceValues(latest.chart.values, latest.config);
        QVERIFY(!effective.value(u"router"_s).toObject().contains(u"annotations"_s));
        QCOMPARE(effective.value(u"executor"_s).toObject().value(u"adoptExistingResources"_s), QJsonValue(true));
    }

    void upgradeValuesPredictHelm()
    {
        const ReleaseHistory history = currentHistory();
        const ReleaseRevisions *release = history.find(kNamespace, kRelease);
        QVERIFY(release);
        const Release &first = *release->revision(1);
        const Release &second = *release->revision(2);
        const Release &third = *release->revision(3);

        // Revision 2: no flag, new values: only the new values, over the chart's defaults.
        const QJsonObject set2{{u"message"_s, u"one"_s}, {u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s}}};
        const UpgradeValues predicted2 = upgradeValues(first.chart.values, first, set2, {});
        QCOMPARE(compact(predicted2.config), compact(second.config));
        QCOMPARE(compact(predicted2.chartDefaults), compact(second.chart.values));

        // Revision 3: --reuse-values: new over old, and the stored chart defaults become the old
        // release's coalesced values.
        const QJsonObject set3{{u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, true}}},
                               {u"router"_s, QJsonObject{{u"annotations"_s, QJsonValue::Null}}}};
        UpgradeValueFlags reuse;
        reuse.reuseValues = true;
        const UpgradeValues predicted3 = upgradeValues(second.chart.values, second, set3, reuse);
        QCOMPARE(compact(predicted3.config), compact(third.config));
        QCOMPARE(compact(predicted3.chartDefaults), compact(third.chart.values));
        QCOMPARE(compact(predicted3.effective), compact(coalesceValues(third.chart.values, third.config)));
    }

    void runnerDrivesTemplateUpgradeAndRollbackFromARebuiltChart()
    {
        const ReleaseHistory history = currentHistory();
        const ReleaseRevisions *release = history.find(kNamespace, kRelease);
        QVERIFY(release);
        const Release latest = *release->latest();
        QCOMPARE(latest.version, 3);

        // The chart from the release alone, and the user's values edited as the app edits them.
        const auto chart = writeChart(latest.chart, m_work.filePath(u"rebuilt"_s));
        QVERIFY2(chart, qPrintable(chart ? QString() : chart.error().message));
        ValuesDocument document = ValuesDocument::fromValues(latest.config);
        QVERIFY(document.setAdditionalNamespaces({u"team-a"_s, u"test"_s}));
        QVERIFY(!document.hasErrors());
        const QString valuesFile = m_harness->writeFile(u"values.yaml"_s, document.utf8());

        HelmRunner runner(runnerSettings());

        TemplateRequest render;
        render.release = kRelease;
        render.namespaceName = kNamespace;
        render.chart = chart->directory;
        render.valuesFiles = {valuesFile};
        HelmResult result = runJob(runner, commands::templateChart(render));
        QVERIFY2(result, qPrintable(describe(result)));
        QVERIFY(result->standardOutput.contains("default,team-a,test"));
        QVERIFY(result->binary.isHelm4());

        // A server-side dry run previews revision 4 and stores nothing.
        UpgradeRequest upgrade;
        upgrade.release = kRelease;
        upgrade.namespaceName = kNamespace;
        upgrade.chart = chart->directory;
        upgrade.valuesFiles = {valuesFile};
        upgrade.dryRun = DryRun::Server;
        result = runJob(runner, commands::upgrade(upgrade));
        QVERIFY2(result, qPrintable(describe(result)));
        auto preview = parseReleaseOutput(result.value());
        QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
        QCOMPARE(preview->version, 4);
        QVERIFY(preview->manifest.contains(u"default,team-a,test"_s));
        QCOMPARE(currentHistory().find(kNamespace, kRelease)->revisions.size(), 3);

        // The real upgrade, waiting for the rollout.
        upgrade.dryRun = DryRun::None;
        upgrade.wait = true;
        upgrade.timeoutSeconds = 120;
        upgrade.historyMax = 10;
        result = runJob(runner, commands::upgrade(upgrade));
        QVERIFY2(result, qPrintable(describe(result)));
        const auto upgraded = parseReleaseOutput(result.value());
        QVERIFY(upgraded);
        QCOMPARE(upgraded->version, 4);
        QCOMPARE(upgraded->info.status, ReleaseStatus::Deployed);
        const ReleaseHistory afterUpgrade = currentHistory();
        const Release &fourth = *afterUpgrade.find(kNamespace, kRelease)->latest();
        QCOMPARE(fourth.version, 4);
        QCOMPARE(compact(fourth.config), compact(document.values().value()));
        QVERIFY(fourth.manifest.contains(u"default,team-a,test"_s));
        // Same templates, so the same objects: only the namespace list changed.
        QCOMPARE(fourth.chart.templates.size(), latest.chart.templates.size());

        // Rollback to 3, then status and history through the runner.
        RollbackRequest rollback;
        rollback.release = kRelease;
        rollback.namespaceName = kNamespace;
        rollback.revision = 3;
        rollback.wait = true;
        rollback.timeoutSeconds = 120;
        result = runJob(runner, commands::rollback(rollback));
        QVERIFY2(result, qPrintable(describe(result)));
        const ReleaseHistory afterRollback = currentHistory();
        const ReleaseRevisions *rolledBack = afterRollback.find(kNamespace, kRelease);
        QCOMPARE(rolledBack->latest()->version, 5);
        QCOMPARE(rolledBack->deployed()->version, 5);
        QCOMPARE(compact(rolledBack->latest()->config), compact(latest.config));
        QCOMPARE(rolledBack->revision(4)->info.status, ReleaseStatus::Superseded);

        result = runJob(runner, commands::status(kRelease, kNamespace));
        QVERIFY2(result, qPrintable(describe(result)));
        const auto status = parseReleaseOutput(result.value());
        QVERIFY(status);
        QCOMPARE(status->version, 5);
        QCOMPARE(status->info.status, ReleaseStatus::Deployed);

        result = runJob(runner, commands::history(kRelease, kNamespace));
        const auto entries = parseJob(result, parseHistory);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 5);
        for (const HistoryEntry &entry : entries.value())
            QCOMPARE(entry.status, rolledBack->revision(entry.revision)->info.status);

        result = runJob(runner, commands::getValues(kRelease, kNamespace, true));
        const auto values = parseJob(result, parseValues);
        QVERIFY(values);
        QCOMPARE(compact(values.value()),
                 compact(coalesceValues(rolledBack->latest()->chart.values, rolledBack->latest()->config)));
    }

    void runnerReportsHelmErrors()
    {
        HelmRunner runner(runnerSettings());
        UpgradeRequest upgrade;
        upgrade.release = u"no-such-release"_s;
        upgrade.namespaceName = kNamespace;
        upgrade.chart = m_chart;
        const HelmResult result = runJob(runner, commands::upgrade(upgrade));
        QVERIFY(!result);
        QCOMPARE(result.error().kind, HelmErrorKind::ReleaseNotFound);
        QVERIFY2(result.error().helmMessage.contains(u"no-such-release"_s), qPrintable(result.error().helmMessage));

        const HelmResult missing = runJob(runner, commands::status(u"no-such-release"_s, kNamespace));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, HelmErrorKind::ReleaseNotFound);
    }
};

QTEST_GUILESS_MAIN(TestHelmReferee)
#include "tst_helmreferee.moc"
