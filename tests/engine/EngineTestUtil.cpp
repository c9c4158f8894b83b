#include "EngineTestUtil.h"

#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/KubeSession.h"
#include "sim/cluster/SimProfiles.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace fd::test {

fd::sim::SimClusterOptions fastSimOptions()
{
    fd::sim::SimClusterOptions options;
    options.timing = fd::sim::SimTiming::fast();
    options.fission = fd::sim::FissionTiming::fast();
    return options;
}

ProfileCluster::ProfileCluster(const QString &profile) : m_sim(fastSimOptions())
{
    QString error;
    if (!m_sim.start(&error)) {
        m_error = error;
        return;
    }
    m_sim.host().run([&](fd::sim::SimCluster &cluster) {
        const auto applied = fd::sim::applyProfile(profile, cluster);
        if (!applied)
            m_error = applied.error();
    });
}

std::unique_ptr<fd::engine::ClusterSession> ProfileCluster::session(const QString &contextName, const QString &tokenUser)
{
    fd::kube::ConnectionSettings settings;
    settings.setServer(QUrl(m_sim.url()));
    fd::kube::ResolvedUser user;
    user.name = tokenUser.isEmpty() ? u"cleartext-admin"_s : tokenUser;
    if (!tokenUser.isEmpty())
        user.token = m_sim.token(tokenUser);
    auto kube = std::make_unique<fd::kube::KubeSession>(contextName, settings, user);
    return std::make_unique<fd::engine::ClusterSession>(contextName, std::move(kube));
}

QString ProfileCluster::userEndingWith(const QString &suffix) const
{
    for (const fd::sim::SimUser &u : const_cast<SimTestCluster &>(m_sim).host().users()) {
        if (u.name.endsWith(suffix))
            return u.name;
    }
    return {};
}

SnapshotRecorder::SnapshotRecorder(fd::engine::ClusterSession *session)
{
    connect(session, &fd::engine::ClusterSession::snapshotPublished, this,
            [this](const fd::engine::ClusterSnapshotPtr &s, const fd::engine::SnapshotChange &c) {
                snapshots.append(s);
                changes.append(c);
            });
}

bool SnapshotRecorder::sawState(fd::engine::ConnectionState state) const
{
    return lastWithState(state) != nullptr;
}

fd::engine::ClusterSnapshotPtr SnapshotRecorder::lastWithState(fd::engine::ConnectionState state) const
{
    for (auto it = snapshots.crbegin(); it != snapshots.crend(); ++it) {
        if ((*it)->connection.state == state)
            return *it;
    }
    return nullptr;
}

QStringList problemIds(const fd::engine::ClusterSnapshotPtr &snapshot)
{
    QStringList ids;
    if (!snapshot)
        return ids;
    for (const fd::fission::Finding &f : snapshot->findings) {
        if (f.severity != fd::fission::Severity::Info)
            ids.append(f.id());
    }
    ids.sort();
    return ids;
}

QStringList allIds(const fd::engine::ClusterSnapshotPtr &snapshot)
{
    QStringList ids;
    if (!snapshot)
        return ids;
    for (const fd::fission::Finding &f : snapshot->findings)
        ids.append(f.id());
    ids.sort();
    return ids;
}

QString describeFindings(const fd::engine::ClusterSnapshotPtr &snapshot)
{
    QStringList lines;
    if (snapshot) {
        lines << u"state %1 %2"_s.arg(fd::engine::connectionStateId(snapshot->connection.state), snapshot->connection.message);
        for (const fd::fission::Finding &f : snapshot->findings)
            lines << u"%1 %2: %3"_s.arg(fd::fission::severityId(f.severity), f.id(), f.title);
    }
    return lines.join(u'\n');
}

QString packageStatus(SimTestCluster &cluster, const QString &ns, const QString &name)
{
    const HttpResult r = cluster.get(u"/apis/fission.io/v1/namespaces/%1/packages/%2"_s.arg(ns, name));
    return r.json().value(u"status"_s).toObject().value(u"buildstatus"_s).toString();
}

bool ensureFailedBuild(SimTestCluster &cluster, const QString &ns, const QString &name, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    QString status;
    while ((status = packageStatus(cluster, ns, name)) != u"succeeded" && status != u"failed") {
        if (timer.elapsed() > 60000) {
            *error = u"package %1/%2 never finished building (%3)"_s.arg(ns, name, status);
            return false;
        }
        QTest::qWait(250);
    }
    if (status == u"failed")
        return true;
    const QString path = u"/apis/fission.io/v1/namespaces/%1/packages/%2"_s.arg(ns, name);
    QJsonObject pkg = cluster.get(path).json();
    QJsonObject spec = pkg.value(u"spec"_s).toObject();
    spec.insert(u"buildcmd"_s, u"false"_s);
    pkg.insert(u"spec"_s, spec);
    QJsonObject st = pkg.value(u"status"_s).toObject();
    st.insert(u"buildstatus"_s, u"pending"_s);
    pkg.insert(u"status"_s, st);
    const HttpResult put = cluster.request("PUT", path, QJsonDocument(pkg).toJson(QJsonDocument::Compact));
    if (put.status != 200) {
        *error = u"PUT %1: %2"_s.arg(path).arg(put.status);
        return false;
    }
    return true;
}

} // namespace fd::test

namespace fd::test {

SimProcess::~SimProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(20'000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool SimProcess::start(const QString &profiles, QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary directory"_s;
        return false;
    }
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(FD_SIM_PATH), {u"--profile"_s, profiles, u"--kubeconfig-out"_s, kubeconfig()});
    if (!m_process.waitForStarted(20'000)) {
        *error = u"fission-desk-sim did not start: "_s + m_process.errorString();
        return false;
    }
    QByteArray out;
    const bool written = QTest::qWaitFor([&] {
        out += m_process.readAllStandardOutput();
        return out.contains("kubeconfig written") || m_process.state() == QProcess::NotRunning;
    }, 60'000);
    if (!written || !out.contains("kubeconfig written")) {
        *error = u"fission-desk-sim did not write its kubeconfig: "_s + QString::fromUtf8(out);
        return false;
    }
    return true;
}

QString CliRun::describe() const
{
    return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(exitCode).arg(QString::fromUtf8(out.left(6000)), QString::fromUtf8(err.left(3000)));
}

QString cliPath()
{
    return QStringLiteral(FD_CLI_PATH);
}

CliRun runCli(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"KUBECONFIG"_s);
    env.insert(u"LANG"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    process.setProcessEnvironment(env);
    process.start(cliPath(), arguments);
    CliRun run;
    if (!process.waitForStarted(20'000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace fd::test
