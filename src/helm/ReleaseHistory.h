#pragma once

#include "helm/Release.h"
#include "helm/ReleaseDecoder.h"
#include "kube/store/KubeObject.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

// The releases of a cluster (or namespace) as Helm's storage layer sees them, built from the
// release records an informer holds (Secrets of type helm.sh/release.v1, or ConfigMaps labelled
// owner=helm). kube-protocol.md §8 "Which revision":
//
//  - revisions of one release = records with the same release name and namespace (from the
//    JSON, not the labels), sorted by revision;
//  - latest = the highest revision, whatever its status;
//  - deployed = the highest revision whose status is `deployed`. More than one deployed
//    revision happens (a crash between "new deployed" and "old superseded"); the highest wins,
//    as in Helm, and hasSeveralDeployed() says so;
//  - a pending-* latest revision means an operation runs or crashed: Helm refuses to upgrade
//    ("another operation (install/upgrade/rollback) is in progress") until it is rolled back;
//  - the base of an upgrade is the deployed revision, or the latest when none is deployed
//    (Helm bases an upgrade of a failed release on its last revision).
//
// `helm list` semantics (list()): every release's latest revision. Helm 4 shows all statuses;
// Helm 3 shows only deployed and failed unless --all. Both first reduce each release to its
// latest revision and then filter by status, so under Helm 3 a release whose latest revision is
// pending-upgrade disappears from `helm list` although an older revision is deployed. Both sort
// by name.
//
// Records that do not decode are kept as failures (with their labels, for display) and do not
// take the other revisions with them. Built once; read-only and thread-safe afterwards. The
// pointers find(), list(), latest(), deployed() … return point into the history: keep the
// ReleaseHistory alive while using them.

namespace fd::helm {

struct UndecodableRecord {
    QString object;       // "namespace/name" of the Secret/ConfigMap
    QString labelName;    // the `name` label (release name), if any
    int labelVersion = 0; // the `version` label, 0 when absent
    ReleaseDecodeError error;
};

class ReleaseRevisions {
public:
    QString namespaceName;
    QString name;
    QList<Release> revisions; // ascending by version; one entry per version
    // Several records claimed the same revision (e.g. a Secret and a ConfigMap copy): the Secret,
    // or else the first seen, is kept; the others are named here.
    QStringList duplicateRecords;

    const Release *latest() const;
    const Release *deployed() const;
    const Release *revision(int version) const;
    int deployedCount() const;
    bool hasSeveralDeployed() const { return deployedCount() > 1; }

    // The latest revision is pending-install/-upgrade/-rollback.
    bool hasPendingOperation() const;
    // A pending operation older than `threshold` (from the pending revision's last_deployed, which
    // Helm sets when it records it): most likely a crashed helm process rather than a slow one.
    // False when the age is unknown.
    bool pendingLooksAbandoned(const QDateTime &now, std::chrono::seconds threshold) const;
    // The latest revision failed.
    bool latestFailed() const;
    // What `helm upgrade` would start from: deployed, else latest (nullptr for no revisions).
    const Release *upgradeBase() const;
};

enum class ListSemantics {
    Helm4,    // all statuses
    Helm3,    // deployed and failed only (helm 3 `list` without flags)
    Helm3All, // helm 3 `list --all`
};

class ReleaseHistory {
public:
    ReleaseHistory() = default;

    // Decodes every release record in `objects`; others are skipped silently (a Secret informer
    // sees every Secret).
    static ReleaseHistory fromObjects(const QList<fd::kube::KubeObject> &objects,
                                      const ReleaseDecodeLimits &limits = {});
    // From already decoded revisions (several releases mixed).
    static ReleaseHistory fromReleases(const QList<Release> &releases);

    // Sorted by namespace, then name.
    const QList<ReleaseRevisions> &releases() const { return m_releases; }
    const ReleaseRevisions *find(const QString &namespaceName, const QString &name) const;
    const QList<UndecodableRecord> &failures() const { return m_failures; }

    // `helm list` (-A when namespaceName is empty, else -n namespaceName): each release's latest
    // revision that the semantics show, sorted by name (then namespace).
    QList<const Release *> list(ListSemantics semantics, const QString &namespaceName = {}) const;

private:
    struct Record; // a decoded revision and where it came from (ReleaseHistory.cpp)
    static ReleaseHistory assemble(QList<Record> records, QList<UndecodableRecord> failures);

    QList<ReleaseRevisions> m_releases;
    QList<UndecodableRecord> m_failures;
};

} // namespace fd::helm
