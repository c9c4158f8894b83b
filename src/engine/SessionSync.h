#pragma once

#include "engine/ClusterSnapshot.h"
#include "fission/ClusterState.h"
#include "fission/FissionModel.h"
#include "fission/HelmStorageReader.h"
#include "kube/informer/InformerSet.h"
#include "kube/store/ObjectStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace fd::kube {
class KubeSession;
struct ApiResource;
}

namespace fd::engine {

// The live model of one cluster, on the session thread: discovery decides which kinds are
// served, an InformerSet lists and watches them, each delta batch goes into the model's own
// stores (so the model reads a state that matches exactly the changes it was told about, in
// every informer scope) and from there into FissionModel::apply(). Snapshots are published
// coalesced: at most one per `publishIntervalMs`, and a steady event stream still publishes,
// because the timer is armed once per interval and never pushed back.
class SessionSync : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QString contextName;
        QString contextNamespace; // the kubeconfig context's namespace (per-namespace fallback)
        int publishIntervalMs = 100;
        int batchIntervalMs = 50;
        QStringList configuredNamespaces; // the user's per-context list (InformerScopeSettings)
    };

    SessionSync(fd::kube::KubeSession *session, Options options, QObject *parent = nullptr);
    ~SessionSync() override;

    void start();
    void stop();
    // The user's refresh (F5): lists every kind again now (each reflector relists, the stores
    // keep their content for the diff, so the tree does not flash empty); before the first
    // discovery succeeded it retries at once instead of waiting out the backoff.
    void refresh();

    // The discovered resource of a kind (after discovery), for the commands.
    const fd::kube::ApiResource *resource(const fd::fission::GroupResource &gr) const;
    const fd::fission::ClusterState &state() const { return m_state; }

Q_SIGNALS:
    void snapshotReady(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);

private:
    struct KindEntry {
        fd::fission::KindInfo info;
        fd::kube::ResourceKind kind;
        bool served = false;
        std::unique_ptr<fd::kube::ObjectStore> store; // the model's view, fed from batches
        fd::fission::KindCoverage coverage;
    };

    void discover();
    void onDiscovered();
    void fetchServerVersion();
    void retryLater(const fd::kube::KubeError &error);
    QString unfixableByRetry(const fd::kube::KubeError &error) const;
    void onBatch(const fd::kube::DeltaBatch &batch);
    void onInformerStatus();
    fd::fission::KindCoverage coverageOf(const KindEntry &entry) const;
    void updateCoverage(fd::fission::ChangeSet &changes);
    void applyChanges(const fd::fission::ChangeSet &changes);
    void scheduleRecheck();
    void updateConnection();
    void schedulePublish();
    void publish();
    QString reflectorProblem() const;
    QString scopeNote() const;
    bool allReadableLive() const;

    fd::kube::KubeSession *m_session;
    Options m_options;
    bool m_running = false;

    QHash<QString, KindEntry *> m_byId; // ResourceKind::id() → entry
    std::vector<std::unique_ptr<KindEntry>> m_kinds;
    QHash<fd::fission::GroupResource, fd::kube::ApiResource> m_resources;
    fd::fission::StoreClusterState m_state;
    fd::fission::StoredHelmReleaseReader m_helm;
    std::unique_ptr<fd::fission::FissionModel> m_model;
    std::unique_ptr<fd::kube::InformerSet> m_informers;

    QTimer m_retryTimer{this};
    int m_retryDelayMs = 1000;
    QTimer m_recheckTimer{this};
    QTimer m_publishTimer{this};
    QElapsedTimer m_clock;
    qint64 m_lastPublishMs = -1;

    // What the next snapshot carries.
    ConnectionStatus m_connection;
    bool m_everLive = false;
    QString m_serverVersion;
    QSet<QString> m_changedNamespaces;
    bool m_everything = true;
    ClusterSnapshotPtr m_published;
};

} // namespace fd::engine
