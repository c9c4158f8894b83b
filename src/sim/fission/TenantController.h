#pragma once

#include "sim/controllers/Reconciler.h"
#include "sim/fission/ComponentInstance.h"
#include "sim/fission/FissionLog.h"

namespace fd::sim::fission {

class ControlPlaneView;
class FissionObjects;

// Fission's tenant-lifecycle controller (main, `fission-bundle --tenantController`), active
// while a `svc=tenantcontroller` pod is Running+Ready and its FISSION_TENANCY_MODE is
// dynamic or cluster. Per FissionTenant (cluster-scoped):
//   - the finalizer fission.io/tenant-cleanup;
//   - a missing Namespace: Ready=False/NamespaceNotFound, looked at again when it appears;
//   - else ServiceAccounts fission-fetcher/fission-builder and RoleBindings fission-fetcher,
//     fission-builder, fission-fetcher-websocket (plus, in dynamic mode, the release
//     namespace's executor/buildermgr/router bindings), labelled
//     app.kubernetes.io/managed-by=fission-tenant-controller and owned by the tenant; the
//     Secret fission-internal-auth-keys when internal auth is on; conditions
//     RBACProvisioned/RolesApplied, ServiceAccountsReady, AuthKeyProvisioned/KeysDerived,
//     Ready/Onboarded;
//   - deletion removes what it provisioned, then the finalizer.
// Namespaces labelled fission.io/enabled=true get a FissionTenant named after them
// (annotation fission.io/managed-by=label, owned by the Namespace) unless one already points
// at them; in cluster mode every namespace but the system ones and the release namespace
// does, and fission.io/enabled=false removes a label-made tenant.
class TenantController : public Reconciler {
    Q_OBJECT
public:
    TenantController(ControllerContext *context, FissionObjects *objects, ControlPlaneView *view,
                     QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    bool isActive() const;
    void onControlPlaneChanged();
    void enqueueAll();
    void log(const QString &level, const QString &message, const LogFields &fields = {}) const;

    void syncTenant(const QString &name);
    bool provision(const QJsonObject &tenant, const QString &namespaceName);
    bool deprovision(const QString &namespaceName);
    bool setConditions(const QJsonObject &tenant, const QJsonArray &wanted);

    void syncNamespace(const QString &name);
    bool offboardLabelled(const QString &namespaceName);

    FissionObjects *m_objects;
    ControlPlaneView *m_view;
    PodLogWriter m_logWriter;
    ComponentInstance m_instance;
};

} // namespace fd::sim::fission
