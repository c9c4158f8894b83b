#pragma once

#include "common/Expected.h"
#include "sim/fissioninstall/ChartRenderer.h"
#include "sim/fissioninstall/HelmReleaseRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fd::sim {
class ObjectService;
struct WriteOptions;
}

namespace fd::sim::fissioninstall {

// A Fission Helm release to reproduce: its history as the user-supplied values of each
// revision (the first an install, every further one an upgrade), the last one deployed.
struct FissionReleasePlan {
    FissionFlavor flavor = FissionFlavor::V1_20;
    QString releaseName = QStringLiteral("fission");
    QString releaseNamespace = QStringLiteral("fission");
    QList<QJsonObject> revisions{QJsonObject()};
    // When the first revision was installed; later ones follow at revisionSpacingSecs.
    QDateTime installedAt;
    qint64 revisionSpacingSecs = 3600;
    // Scale the control-plane Deployments to this many replicas (-1: as the chart says).
    // The fleet profile uses 0: a control plane that exists but reconciles nothing.
    int controlPlaneReplicas = -1;
    // How Helm applied the objects: "ssa" (Helm 4's server-side apply, field manager helm,
    // operation Apply) or "csa" (client-side: plain creates by helm, operation Update).
    QString applyMethod = QStringLiteral("ssa");
};

// Installs Fission into a simulated cluster through its write path, as an admin with
// kubectl and helm would: the CRDs as API objects (established by the emulator's CRD
// controller), the namespaces, the chart's objects server-side applied by field manager
// `helm` with Helm's ownership metadata, leftover hook objects, and the release Secrets.
// Runs on the cluster's thread; waiting for CRDs processes that thread's events.
class FissionInstaller {
public:
    explicit FissionInstaller(ObjectService *objects);

    Expected<void, QString> installCrds(FissionFlavor flavor);
    Expected<void, QString> ensureNamespace(const QString &name, const QJsonObject &labels = {});
    Expected<void, QString> installRelease(const FissionReleasePlan &plan);

    // Creates (or replaces) one object through the API as `manager` would.
    Expected<QJsonObject, QString> create(QJsonObject object, const QString &manager);

    // The revisions installRelease() built, for tests and other profiles.
    const QList<HelmReleaseRevision> &revisions() const { return m_revisions; }

private:
    Expected<void, QString> waitForKinds(const QStringList &groupKinds, int timeoutMs);
    Expected<void, QString> applyAsHelm(const ChartObject &object, const FissionReleasePlan &plan, bool owned);

    ObjectService *m_objects;
    QList<HelmReleaseRevision> m_revisions;
};

} // namespace fd::sim::fissioninstall
