#pragma once

#include "SimTestClient.h"

#include "engine/ClusterSession.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

// Shared by the engine tests: an in-process emulator with a profile, sessions that point at it,
// a recorder of published snapshots, and the demo's failed build made certain.
namespace fd::test {

fd::sim::SimClusterOptions fastSimOptions();

class ProfileCluster
{
public:
    explicit ProfileCluster(const QString &profile);
    QString error() const { return m_error; }
    SimTestCluster &sim() { return m_sim; }
    // A session as the cleartext administrator, or with a simulated user's token.
    std::unique_ptr<fd::engine::ClusterSession> session(const QString &contextName, const QString &tokenUser = {});
    // A simulated user whose name ends with `suffix` ("-viewer"), or empty.
    QString userEndingWith(const QString &suffix) const;

private:
    SimTestCluster m_sim;
    QString m_error;
};

// Records every snapshot a session publishes.
class SnapshotRecorder : public QObject
{
    Q_OBJECT
public:
    explicit SnapshotRecorder(fd::engine::ClusterSession *session);
    QList<fd::engine::ClusterSnapshotPtr> snapshots;
    QList<fd::engine::SnapshotChange> changes;
    bool sawState(fd::engine::ConnectionState state) const;
    fd::engine::ClusterSnapshotPtr lastWithState(fd::engine::ConnectionState state) const;
};

// Ids of the findings at warning or error level, sorted.
QStringList problemIds(const fd::engine::ClusterSnapshotPtr &snapshot);
QStringList allIds(const fd::engine::ClusterSnapshotPtr &snapshot);
QString describeFindings(const fd::engine::ClusterSnapshotPtr &snapshot);

// The demo means team-a's inventory package to fail; if this emulator built it anyway, make it
// fail the Fission way (a failing build command and a rebuild).
bool ensureFailedBuild(SimTestCluster &cluster, const QString &ns, const QString &name, QString *error);
QString packageStatus(SimTestCluster &cluster, const QString &ns, const QString &name);

} // namespace fd::test

#include <QProcess>
#include <QTemporaryDir>

namespace fd::test {

// `fission-desk-sim --profile P --kubeconfig-out F` as a child process (built with the tests;
// its path comes from FD_SIM_PATH), and `fission-desk-cli` runs against it (FD_CLI_PATH).
class SimProcess
{
public:
    ~SimProcess();
    bool start(const QString &profiles, QString *error);
    QString kubeconfig() const { return m_dir.filePath(QStringLiteral("kubeconfig")); }
    QString directory() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const;
};
QString cliPath();
CliRun runCli(const QStringList &arguments, int timeoutMs = 120'000);

} // namespace fd::test
