#pragma once

#include "sim/api/ObjectStore.h"
#include "sim/fission/ComponentInstance.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <map>

namespace fd::sim::fission {

class FissionObjects;

// What each simulated Fission process knows about itself, discovered only from the API
// objects as on a real cluster: the Deployments (or DaemonSets) labelled `svc=<component>`,
// in whatever namespace they run, and the env of their newest Running+Ready pod that runs
// the fission-bundle image. A helm
// upgrade therefore takes effect only when the rolled pod is Ready; a component whose pods
// are all gone or unready is inactive.
//
// In dynamic and cluster tenancy modes a component's watched set also follows the
// FissionTenants live (upstream's resolver sync). Only tenants whose Ready condition is True
// count here: a tenant the tenant controller has not provisioned has no RoleBindings, so the
// real components could not work in its namespace anyway.
class ControlPlaneView : public QObject {
    Q_OBJECT
public:
    explicit ControlPlaneView(FissionObjects *objects, QObject *parent = nullptr);

    void start();

    ComponentInstance instance(Component component) const;
    // The namespaces the component works in now (sorted); empty while it is inactive.
    QStringList watchedNamespaces(Component component) const;
    bool watches(Component component, const QString &namespaceName) const;
    QStringList readyTenantNamespaces() const;

Q_SIGNALS:
    // Some component's instance or watched set changed; components compare with what they
    // last saw.
    void changed();

private:
    void onCommitted(const StoreEvent &event);
    bool concernsControlPlane(const StoreEvent &event) const;
    void recompute();
    ComponentInstance findInstance(Component component) const;
    QSet<QString> computeReadyTenants() const;
    int revisionOf(const QJsonObject &pod) const;

    FissionObjects *m_objects;
    std::map<Component, ComponentInstance> m_instances;
    std::map<Component, QStringList> m_watched;
    QSet<QString> m_readyTenants;
    QTimer m_recompute;
};

} // namespace fd::sim::fission
