#pragma once

#include "common/Expected.h"
#include "fission/InstallDetection.h"
#include "helm/ReleaseHistory.h"
#include "kube/core/KubeError.h"
#include "kube/store/KubeObject.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace fd::kube {
class RestClient;
}

// A one-shot read of what onboarding needs from a cluster, for callers without a live
// ClusterSession (the CLI, tests): every kind install detection reads, listed once, into a
// MemoryClusterState; then the InstallReport and the primary install's Helm release revisions.
// The GUI gets the same facts from its session's informers instead.

namespace fd::engine::onboarding {

struct ClusterFacts {
    fd::fission::InstallReport report;
    std::shared_ptr<fd::helm::ReleaseHistory> releases; // of the primary install's namespace
    const fd::helm::ReleaseRevisions *release = nullptr; // the primary install's release, if stored
    QStringList namespaces;                // existing namespaces, sorted
    // namespace -> its fission.io/enabled label, where it has one: label onboarding (dynamic)
    // and the opt-out of cluster mode ("false").
    QHash<QString, QString> enabledLabels;
    QList<fd::kube::KubeObject> tenants;   // FissionTenants (empty when not served)
    QHash<QString, int> functionsPerNamespace;

    const fd::fission::FissionInstall *install() const { return report.primary(); }
};

class ClusterProbe : public QObject {
    Q_OBJECT
public:
    explicit ClusterProbe(fd::kube::RestClient *rest, QObject *parent = nullptr);
    ~ClusterProbe() override;

    void start();
    bool isFinished() const { return m_result.has_value(); }
    const fd::Expected<ClusterFacts, fd::kube::KubeError> &result() const { return *m_result; }

Q_SIGNALS:
    void finished();

private:
    void listNext();
    void complete();

    fd::kube::RestClient *m_rest = nullptr;
    struct State;
    std::unique_ptr<State> m_state;
    int m_next = 0;
    std::optional<fd::Expected<ClusterFacts, fd::kube::KubeError>> m_result;
};

} // namespace fd::engine::onboarding
