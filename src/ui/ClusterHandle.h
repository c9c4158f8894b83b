#pragma once

#include "engine/ClusterSnapshot.h"
#include "fission/Finding.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

// What the widgets need from one cluster: its snapshots and the few commands they start. The
// engine's ClusterSession is wrapped by an adapter (EngineClusterHandle); tests hand in their own
// snapshots. Widgets never see the engine's thread or the network.

namespace fd {
namespace ui {

// The outcome of a command, as the UI shows it.
struct CommandOutcome {
    bool ok = false;
    QString message; // translated; what happened or what to do
};

// "Can I?" for one fix action: allowed, or the permission that is missing.
struct PermissionAnswer {
    bool known = false;       // false: could not ask (offline, no access review): do not block
    bool allowed = true;
    QString missing;          // "patch packages/status in test" when not allowed (for the tooltip)
};

// One Kubernetes event of an object.
struct EventRow {
    QDateTime lastSeen;
    QString type;    // Normal, Warning
    QString reason;
    QString message;
    int count = 1;
};

class ClusterHandle : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ClusterHandle() override = default;

    virtual QString contextName() const = 0;
    virtual fd::engine::ClusterSnapshotPtr snapshot() const = 0;

    // Whether this cluster can execute the action at all (an action it cannot run is not shown).
    virtual bool supports(const fd::fission::FixAction &action) const = 0;
    virtual QFuture<CommandOutcome> runFix(const fd::fission::FixAction &action) = 0;
    virtual QFuture<PermissionAnswer> checkPermission(const fd::fission::FixAction &action) = 0;
    // Events of one object, newest last; an empty future result when events are not available.
    virtual bool hasEvents() const { return false; }
    virtual QFuture<QList<EventRow>> listEvents(const fd::fission::ObjectRef &object) = 0;
    // Lists everything again (F5); only offered when the cluster can.
    virtual bool canRefresh() const { return false; }
    virtual void refresh() {}

Q_SIGNALS:
    void snapshotPublished(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);
};

} // namespace ui
} // namespace fd
