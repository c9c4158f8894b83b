#pragma once

#include "common/Expected.h"
#include "sim/cluster/SimCluster.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace fd::sim {

// Runs one SimCluster on a thread of its own, so a busy emulator never stalls the thread
// that uses it (the GUI in --demo, the test's client). start() blocks until the cluster
// listens (or failed) and its profile has been applied.
class SimHost : public QObject {
    Q_OBJECT
public:
    using Setup = std::function<Expected<void, QString>(SimCluster &)>;

    explicit SimHost(const SimClusterOptions &options, QObject *parent = nullptr);
    ~SimHost() override;

    Expected<void, QString> start(const Setup &setup = {});
    void stop();

    // Valid after a successful start(); the cluster lives on its own thread: call into it
    // with run() (blocking) or QMetaObject::invokeMethod(cluster(), …).
    SimCluster *cluster() const { return m_cluster; }
    QUrl url() const { return m_url; }
    QList<SimUser> users() const { return m_users; }
    QByteArray caCertificatePem() const { return m_caPem; }
    const SimClusterOptions &options() const { return m_options; }

    // Runs work on the cluster's thread and waits for it.
    void run(const std::function<void(SimCluster &)> &work) const;

private:
    SimClusterOptions m_options;
    std::unique_ptr<QThread> m_thread;
    SimCluster *m_cluster = nullptr;
    QUrl m_url;
    QList<SimUser> m_users;
    QByteArray m_caPem;
};

} // namespace fd::sim
