#pragma once

#include "sim/controllers/ControllerRevisions.h"
#include "sim/controllers/EventRecorder.h"
#include "sim/controllers/Reconciler.h"

#include <QMap>

namespace fd::sim {

// Mirrors pkg/controller/statefulset: pods "<name>-<ordinal>" with stable hostname/
// subdomain, PVCs "<claim>-<name>-<ordinal>" from volumeClaimTemplates, OrderedReady
// (one at a time, in order, waiting for Running+Ready) or Parallel management, scale-down
// from the highest ordinal, RollingUpdate from the highest ordinal down to the partition
// (or OnDelete), ControllerRevisions, and status replicas/readyReplicas/currentReplicas/
// updatedReplicas/availableReplicas/currentRevision/updateRevision/observedGeneration.
class StatefulSetController : public Reconciler {
    Q_OBJECT
public:
    StatefulSetController(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    bool sync(const QJsonObject &set, const QString &currentRevision, const QString &updateRevision,
              QMap<int, QJsonObject> &pods);
    bool createPod(const QJsonObject &set, int ordinal, const QString &revision);
    bool deletePod(const QJsonObject &set, const QJsonObject &pod);
    bool ensureClaims(const QJsonObject &set, int ordinal);
    QJsonObject revisionTemplate(const QJsonObject &set, const QString &revisionName) const;

    ControllerRevisions m_revisions;
    EventSource m_source;
};

} // namespace fd::sim
