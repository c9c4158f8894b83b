// The done-means of issue 6, end to end: `fission-desk-cli doctor --watch -o json` runs against
// `fission-desk-sim --profile demo` (both the built executables) while a real `helm upgrade`
// adds `test` to additionalFissionNamespaces. The namespace finding and its three symptoms
// resolve; the failed build in team-a stays. Skips loudly without helm or the chart fixture.
#include "EngineTestUtil.h"
#include "helm/ChartWriter.h"
#include "helm/ReleaseDecoder.h"
#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kNotWatched = u"namespace-not-watched:Namespace/test"_s;
const QString kBuildFailed = u"package-build-failed:fission.io/Package/team-a/inventory-pkg"_s;

// Follows doctor --watch -o json: one JSON document per line; keeps the current findings.
class WatchFollower
{
public:
    void feed(const QByteArray &data)
    {
        m_buffer += data;
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(nl).trimmed();
            m_buffer.remove(0, nl + 1);
            if (line.isEmpty())
                continue;
            const QJsonObject doc = QJsonDocument::fromJson(line).object();
            const QString kind = doc.value(u"kind"_s).toString();
            ++m_documents;
            if (kind == u"FindingList") {
                m_current.clear();
                for (const QJsonValue v : doc.value(u"findings"_s).toArray())
                    m_current.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
            } else if (kind == u"FindingChanges") {
                for (const QJsonValue v : doc.value(u"added"_s).toArray())
                    m_current.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
                for (const QJsonValue v : doc.value(u"changed"_s).toArray())
                    m_current.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
                for (const QJsonValue v : doc.value(u"resolved"_s).toArray()) {
                    const QString id = v.toObject().value(u"id"_s).toString();
                    m_current.remove(id);
                    m_resolved.insert(id);
                }
            } else if (kind != u"ConnectionChange") {
                m_unreadable.append(QString::fromUtf8(line));
            }
        }
    }
    QStringList currentIds() const { return m_current.keys(); }
    const QMap<QString, QJsonObject> &current() const { return m_current; }
    const QSet<QString> &resolved() const { return m_resolved; }
    int documents() const { return m_documents; }
    const QStringList &unreadable() const { return m_unreadable; }

private:
    QByteArray m_buffer;
    QMap<QString, QJsonObject> m_current;
    QSet<QString> m_resolved;
    QStringList m_unreadable;
    int m_documents = 0;
};

} // namespace

// Reads the deployed revision of the demo release with kubectl and writes its stored chart to
// `directory`.
bool writeDeployedChart(const QString &kubectl, const QString &kubeconfig, const QString &directory, QString *error)
{
    QProcess get;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KUBECONFIG"_s, kubeconfig);
    get.setProcessEnvironment(env);
    get.start(kubectl, {u"get"_s, u"secret"_s, u"-n"_s, u"fission"_s, u"-l"_s, u"owner=helm,name=fission,status=deployed"_s,
                        u"-o"_s, u"json"_s});
    if (!get.waitForFinished(60'000) || get.exitCode() != 0) {
        *error = u"kubectl get secret failed: "_s + QString::fromUtf8(get.readAllStandardError());
        return false;
    }
    const QJsonArray items = QJsonDocument::fromJson(get.readAllStandardOutput()).object().value(u"items"_s).toArray();
    if (items.size() != 1) {
        *error = u"expected one deployed release secret, got %1"_s.arg(items.size());
        return false;
    }
    const auto release = fd::helm::ReleaseDecoder::decodeSecretField(items.first()[u"data"_s][u"release"_s].toString().toLatin1());
    if (!release) {
        *error = release.error().message;
        return false;
    }
    const auto written = fd::helm::writeChart(release->chart, directory);
    if (!written) {
        *error = written.error().message;
        return false;
    }
    return true;
}

class TestDoctorWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helmUpgradeResolvesTheUnwatchedNamespace()
    {
        const QString tools = qEnvironmentVariable("FD_TOOLS_DIR", fd::test::sourceDir() + u"/build/tools"_s);
        const QString helm = QFileInfo(tools + u"/helm"_s).isExecutable() ? tools + u"/helm"_s : fd::test::findTool(u"helm"_s);
        if (helm.isEmpty())
            FD_SKIP_LOUDLY(u"helm v4 not found (FD_TOOLS_DIR; scripts/install-deps.sh fetches it)"_s);
        const QString kubectl = QFileInfo(tools + u"/kubectl"_s).isExecutable() ? tools + u"/kubectl"_s : fd::test::findTool(u"kubectl"_s);
        if (kubectl.isEmpty())
            FD_SKIP_LOUDLY(u"kubectl not found (FD_TOOLS_DIR; scripts/install-deps.sh fetches it)"_s);

        fd::test::SimProcess sim;
        QString error;
        QVERIFY2(sim.start(u"demo"_s, &error), qPrintable(error));

        QProcess doctor;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"KUBECONFIG"_s);
        env.insert(u"LANG"_s, u"C"_s);
        doctor.setProcessEnvironment(env);
        doctor.start(fd::test::cliPath(), {u"doctor"_s, u"--watch"_s, u"-o"_s, u"json"_s, u"--kubeconfig"_s, sim.kubeconfig(),
                                           u"--timeout"_s, u"120"_s});
        QVERIFY2(doctor.waitForStarted(20'000), qPrintable(doctor.errorString()));
        WatchFollower follower;
        auto pump = [&] {
            follower.feed(doctor.readAllStandardOutput());
            return doctor.state() == QProcess::Running;
        };

        // The classic case: the unwatched namespace with its three symptoms, and the failed build.
        QTRY_VERIFY2_WITH_TIMEOUT((pump(), follower.currentIds().contains(kNotWatched) && follower.currentIds().contains(kBuildFailed)),
                                  qPrintable(follower.currentIds().join(u", "_s) + u"\n"_s + QString::fromUtf8(doctor.readAllStandardError())),
                                  180'000);
        QStringList symptoms;
        for (const QJsonValue v : follower.current().value(kNotWatched).value(u"symptoms"_s).toArray())
            symptoms.append(v.toObject().value(u"id"_s).toString());
        for (const char *id : {"router-404", "build-pending", "no-active-pods"})
            QVERIFY2(symptoms.contains(QString::fromLatin1(id)), qPrintable(symptoms.join(u',')));

        // A real helm upgrade adds `test`, with the chart stored in the deployed release (as the
        // app's onboarding does it: no chart repository needed).
        QDir home(sim.directory());
        home.mkpath(u"home"_s);
        const QString chart = home.filePath(u"chart"_s);
        QString chartError;
        QVERIFY2(writeDeployedChart(kubectl, sim.kubeconfig(), chart, &chartError), qPrintable(chartError));
        QProcess upgrade;
        QProcessEnvironment helmEnv = QProcessEnvironment::systemEnvironment();
        helmEnv.insert(u"KUBECONFIG"_s, sim.kubeconfig());
        helmEnv.insert(u"HOME"_s, home.filePath(u"home"_s));
        helmEnv.insert(u"HELM_CACHE_HOME"_s, home.filePath(u"home/.cache/helm"_s));
        helmEnv.insert(u"HELM_CONFIG_HOME"_s, home.filePath(u"home/.config/helm"_s));
        helmEnv.insert(u"HELM_DATA_HOME"_s, home.filePath(u"home/.local/share/helm"_s));
        helmEnv.remove(u"KUBERNETES_SERVICE_HOST"_s);
        upgrade.setProcessEnvironment(helmEnv);
        upgrade.start(helm, {u"upgrade"_s, u"fission"_s, chart, u"-n"_s, u"fission"_s, u"--reuse-values"_s, u"--set"_s,
                             u"additionalFissionNamespaces={team-a,test}"_s, u"--wait"_s, u"--timeout"_s, u"300s"_s});
        QVERIFY2(upgrade.waitForStarted(20'000), qPrintable(upgrade.errorString()));
        // Keep reading doctor's output while helm runs (its pipe must not fill up).
        QVERIFY(QTest::qWaitFor([&] {
            pump();
            return upgrade.state() == QProcess::NotRunning;
        }, 600'000));
        QVERIFY2(upgrade.exitStatus() == QProcess::NormalExit && upgrade.exitCode() == 0,
                 qPrintable(QString::fromUtf8(upgrade.readAllStandardOutput() + upgrade.readAllStandardError())));

        // The namespace finding resolves (with it its three symptoms); the failed build stays.
        QTRY_VERIFY2_WITH_TIMEOUT((pump(), follower.resolved().contains(kNotWatched)), qPrintable(follower.currentIds().join(u", "_s)),
                                  300'000);
        QTRY_VERIFY2_WITH_TIMEOUT((pump(), !follower.currentIds().contains(u"helm-values-drift:HelmRelease/fission/fission"_s)),
                                  qPrintable(follower.currentIds().join(u", "_s)), 120'000);
        QVERIFY(!follower.resolved().contains(kBuildFailed));
        QVERIFY(follower.currentIds().contains(kBuildFailed));
        for (const QJsonObject &f : follower.current()) {
            for (const QJsonValue s : f.value(u"symptoms"_s).toArray())
                QVERIFY2(s.toObject().value(u"object"_s).toObject().value(u"namespace"_s).toString() != u"test"_s,
                         qPrintable(QString::fromUtf8(QJsonDocument(f).toJson())));
        }
        QVERIFY2(follower.unreadable().isEmpty(), qPrintable(follower.unreadable().join(u'\n')));

        // SIGTERM ends the watch; the exit code judges the last state: findings remain → 1.
        doctor.terminate();
        QVERIFY(doctor.waitForFinished(30'000));
        pump();
        QCOMPARE(doctor.exitStatus(), QProcess::NormalExit);
        QCOMPARE(doctor.exitCode(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDoctorWatch)
#include "tst_doctor_watch.moc"
