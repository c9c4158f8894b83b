#pragma once

// CONTRACT between the engine (src/engine) and the GUI (src/ui): what a ClusterSession publishes.
// Value types only; a snapshot is immutable once published and shared between threads.

#include "fission/Finding.h"
#include "fission/FissionIndex.h"
#include "fission/InstallDetection.h"
#include "fission/TenantModel.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QSet>
#include <QString>

#include <memory>

namespace fd::engine {

enum class ConnectionState {
    Connecting,   // first contact (discovery, credentials)
    Syncing,      // listing; the model is incomplete
    Live,         // every informer synced and watching
    Reconnecting, // a watch or list failed; the model is from `dataAsOf`, retrying with backoff
    Failed,       // cannot continue without the user (broken kubeconfig entry, credentials rejected)
};
QString connectionStateId(ConnectionState state);      // "live", "reconnecting", … (stable, for JSON)
QString connectionStateDisplay(ConnectionState state); // translated

struct ConnectionStatus {
    ConnectionState state = ConnectionState::Connecting;
    QString message;    // translated: the last error and what to do about it; empty when Live
    QDateTime since;    // when `state` began
    QDateTime dataAsOf; // when the model last matched the server (for "data from 12 s ago")
    bool operator==(const ConnectionStatus &other) const = default;
};

// One cluster's model as the GUI and the CLI see it. Copies are cheap (implicitly shared members).
struct ClusterSnapshot {
    QString contextName;
    quint64 generation = 0; // grows by one per publication
    ConnectionStatus connection;
    QString serverVersion;     // "v1.31.0" once discovery answered
    QString securityWarning;   // e.g. "TLS verification is off for this cluster (kubeconfig)"
    fd::fission::InstallReport install;
    fd::fission::TenantModel tenants;
    fd::fission::FissionIndex index;
    QList<fd::fission::Finding> findings; // sorted (fission::sortFindings)
    // What could be read, per kind the domain reads (Complete, Partial to some namespaces,
    // Forbidden, NotServed, Unknown while listing): to show "partial view" instead of hiding it.
    QHash<fd::fission::GroupResource, fd::fission::KindCoverage> coverage;
    // Translated; empty when everything is watched cluster-wide. Why only some namespaces are
    // watched, e.g. "Cannot list namespaces (…): watching the context's namespace and the 3
    // namespaces set for this context: a, b, c."
    QString scopeNote;
};
using ClusterSnapshotPtr = std::shared_ptr<const ClusterSnapshot>;

// A new, empty snapshot to fill and publish. A snapshot is freed wherever its last reader lets
// go of it, often the GUI thread; by then the session's model has moved on, so the snapshot is
// the only owner of whatever changed since (e.g. a list of 10,000 functions), and freeing that
// there would stall the GUI for tens of milliseconds. Snapshots made here are freed on a worker
// thread when released on the application's main thread.
std::shared_ptr<ClusterSnapshot> makeClusterSnapshot();

// What changed from the previous snapshot of the same session, so item models update
// incrementally (no reset): the tenants added/changed/removed, the namespaces whose Fission
// objects changed, and the findings diff. `everything` is set for the first snapshot and after a
// relist; models then diff the whole snapshot themselves.
struct SnapshotChange {
    bool everything = false;
    bool connectionChanged = false;
    bool installChanged = false;
    fd::fission::TenantModel::Change tenants;
    QSet<QString> changedNamespaces;
    fd::fission::FindingsDiff findings;
};

} // namespace fd::engine

Q_DECLARE_METATYPE(fd::engine::ClusterSnapshotPtr)
Q_DECLARE_METATYPE(fd::engine::SnapshotChange)
