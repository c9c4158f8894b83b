#pragma once

#include "common/Expected.h"
#include "sim/api/ApiError.h"
#include "sim/api/ResourceType.h"
#include "sim/controllers/ControllerContext.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

namespace fd::sim {

// apps/v1 ControllerRevisions as pkg/controller/history keeps them for DaemonSets and
// StatefulSets: one per distinct pod template, named "<owner>-<hash>", labelled
// controller-revision-hash, owned by the workload, with increasing `revision` numbers
// (`kubectl rollout history` reads them).
class ControllerRevisions {
public:
    struct Revision {
        QString name;
        QString hash;
        qint64 revision = 0;
    };

    ControllerRevisions(ControllerContext *context, ResourceType ownerType);

    // The revision of the owner's current template, created or renumbered as needed.
    Expected<Revision, ApiError> ensureCurrent(const QJsonObject &owner);
    QList<QJsonObject> owned(const QJsonObject &owner) const;
    // Deletes the oldest revisions beyond revisionHistoryLimit that no live pod uses.
    void truncate(const QJsonObject &owner, const QSet<QString> &inUse, const QString &current);

    static QJsonObject revisionData(const QJsonObject &owner);

private:
    ControllerContext *m_ctx;
    ResourceType m_ownerType;
};

} // namespace fd::sim
