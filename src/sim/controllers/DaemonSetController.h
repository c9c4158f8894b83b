#pragma once

#include "sim/controllers/ControllerRevisions.h"
#include "sim/controllers/PodControl.h"
#include "sim/controllers/Reconciler.h"

namespace fd::sim {

// Mirrors pkg/controller/daemon: one pod per eligible node (pinned with required node
// affinity on metadata.name and the standard daemon tolerations, bound by the scheduler),
// ControllerRevisions for the template, RollingUpdate within maxUnavailable (or OnDelete),
// and status desiredNumberScheduled/currentNumberScheduled/numberMisscheduled/numberReady/
// updatedNumberScheduled/numberAvailable/numberUnavailable/observedGeneration.
class DaemonSetController : public Reconciler {
    Q_OBJECT
public:
    DaemonSetController(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    QJsonObject newPod(const QJsonObject &daemonSet, const QString &nodeName, const QString &hash) const;

    PodControl m_pods;
    ControllerRevisions m_revisions;
};

} // namespace fd::sim
