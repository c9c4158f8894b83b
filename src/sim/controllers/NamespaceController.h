#pragma once

#include "sim/controllers/Reconciler.h"

#include <QByteArray>

namespace fd::sim {

// Mirrors pkg/controller/namespace (the namespace lifecycle controller and its
// NamespacedResourcesDeleter): a namespace with a deletionTimestamp gets every namespaced
// object deleted, its status conditions report what is left (NamespaceContentRemaining,
// NamespaceFinalizersRemaining, …), and once it is empty the "kubernetes" finalizer is
// removed through the finalize subresource, which lets the apiserver delete it.
// Also does the work of the serviceaccounts-controller and the root-ca-cert-publisher:
// every live namespace has ServiceAccount "default" and ConfigMap "kube-root-ca.crt".
class NamespaceController : public Reconciler {
    Q_OBJECT
public:
    NamespaceController(ControllerContext *context, QObject *parent = nullptr);

    void setRootCaPem(const QByteArray &pem) { m_rootCaPem = pem; }

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    bool populate(const QString &namespaceName);
    void terminate(const QJsonObject &namespaceObject);
    bool namespaceIsTerminating(const QString &namespaceName) const;

    QByteArray m_rootCaPem;
};

} // namespace fd::sim
