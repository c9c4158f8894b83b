#pragma once

#include "SimTestClient.h"

#include "kube/config/Kubeconfig.h"
#include "kube/informer/ResourceKind.h"
#include "kube/store/ObjectStore.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <functional>
#include <memory>

namespace fd::kube {
class KubeSession;
}

// The in-process emulator for the informer's integration and chaos tests, with what those tests
// need around it: sessions that point at it, raw fault injection (POST /_sim/faults), in-process
// writes and the server's state as a fresh list reads it.
namespace fd::test {

// key ("namespace/name") → resourceVersion: what two views of a collection are compared by.
using KeyVersions = QMap<QString, QString>;

class InformerEmulator {
public:
    InformerEmulator();
    ~InformerEmulator();

    bool start(QString *error = nullptr);
    SimTestCluster &sim() { return *m_sim; }
    QString url() const;

    // Runs `work` on the emulator's thread and waits for it.
    void onSim(const std::function<void(fd::sim::SimCluster &)> &work);
    // POST /_sim/faults; returns the HTTP status.
    int faults(const QJsonObject &plan);
    // The global resourceVersion now (GET /_sim/faults).
    quint64 resourceVersion();

    // In-process writes as the admin (fast: no HTTP).
    void createNamespace(const QString &name);
    void createConfigMap(const QString &ns, const QString &name, const QString &value = QStringLiteral("v"));
    void createConfigMaps(const QString &ns, int count, int valueBytes = 200);

    // A kubeconfig user: no credentials (cleartext acts as admin), or a simulated user's token.
    fd::kube::ResolvedUser anonymousUser() const;
    fd::kube::ResolvedUser tokenUser(const QString &user) const;
    std::unique_ptr<fd::kube::KubeSession> session(const fd::kube::ResolvedUser &user) const;

    // A fresh unpaged list of `kind` (in `ns`, or cluster-wide), as key → RV.
    KeyVersions serverState(const fd::kube::ResourceKind &kind, const QString &ns = {});

private:
    std::unique_ptr<SimTestCluster> m_sim;
};

KeyVersions keyVersions(const fd::kube::ObjectStore &store);
KeyVersions keyVersions(const QList<fd::kube::KubeObject> &objects);

} // namespace fd::test
