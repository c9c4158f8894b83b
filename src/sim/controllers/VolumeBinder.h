#pragma once

#include "sim/controllers/Reconciler.h"

#include <QSet>

namespace fd::sim {

// Dynamic provisioning plus the persistentvolume-controller's binding, collapsed: a pending
// PersistentVolumeClaim gets a PersistentVolume "pvc-<uid>" after timing.pvcBindDelayMs and
// both become Bound (PVC status.phase/capacity/accessModes, spec.volumeName and the
// bind-completed annotations), so `helm --wait` passes; deleting the claim deletes the
// volume (reclaim policy Delete).
class VolumeBinder : public Reconciler {
    Q_OBJECT
public:
    VolumeBinder(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    bool bind(const QJsonObject &claim);
    QSet<QString> m_provisioning; // claims whose provisioning delay is running
};

} // namespace fd::sim
