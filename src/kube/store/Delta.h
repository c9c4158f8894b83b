#pragma once

#include "kube/store/KubeObject.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace fd::kube {

// One change of a store, as the GUI consumes it.
struct Delta {
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    // Added/Modified: the new state. Deleted: the last state (the server's final state for a
    // DELETED event, or the last one we knew when a relist found the object gone).
    KubeObject object;
    // Deleted by a relist diff rather than a watch event: the object may have changed between our
    // last observation and its deletion (client-go's DeletedFinalStateUnknown).
    bool finalStateUnknown = false;
};

// The deltas of one source (one store: one resource kind of one cluster/scope).
struct DeltaGroup {
    QString source;
    QList<Delta> deltas;
};

// What DeltaBatcher emits: coalesced deltas of one or more sources, in the order the keys first
// changed. A plain value (implicitly shared contents): safe to queue to another thread.
struct DeltaBatch {
    QList<DeltaGroup> groups;

    bool isEmpty() const { return groups.isEmpty(); }
    qsizetype size() const
    {
        qsizetype n = 0;
        for (const DeltaGroup &g : groups)
            n += g.deltas.size();
        return n;
    }
    QList<Delta> deltasFor(QStringView source) const
    {
        for (const DeltaGroup &g : groups) {
            if (g.source == source)
                return g.deltas;
        }
        return {};
    }
};

} // namespace fd::kube

Q_DECLARE_METATYPE(fd::kube::Delta)
Q_DECLARE_METATYPE(fd::kube::DeltaBatch)
