#pragma once

#include "sim/fissioninstall/ChartValues.h"
#include "sim/fissioninstall/FissionFlavor.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fd::sim::fissioninstall {

// One object as a chart template renders it. Namespaced objects whose template names no
// namespace carry none: Helm puts them into the release namespace when it applies them.
struct ChartObject {
    QString source;       // "fission-all/templates/executor/deployment.yaml"
    QJsonObject object;

    QString kind() const;
    QString name() const;
    QString namespaceName() const;   // as rendered; may be empty
    bool isHook() const;             // carries a helm.sh/hook annotation
    QStringList hookEvents() const;  // "pre-upgrade", "post-install", …
    int hookWeight() const;
    QStringList hookDeletePolicies() const;
};

struct RenderedChart {
    // Helm's split: hooks apart, everything else in install order (kind order of
    // releaseutil.InstallOrder; equal kinds keep template path order, then document order).
    QList<ChartObject> manifests;
    QList<ChartObject> hooks;
    QString notes;
};

// What `helm template <release> fission-all -n <namespace>` renders for these values:
// Fission 1.20.5 with its default feature set (router Deployment, local storagesvc with a
// PVC, keda message-queue trigger, webhook with self-signed certificates, analytics and
// pre-upgrade hooks), or the modern chart (tenancy.mode, tenant controller, internal auth,
// router-internal, PodDisruptionBudgets). Optional features that are off by default
// (kafka, canary, influxdb/logger, service monitors, cert-manager, authentication) are not
// rendered.
RenderedChart renderFissionChart(FissionFlavor flavor, const FissionChartValues &values);

// Helm's releaseutil ordering, exposed for the manifest writer and tests.
int installOrderOf(const QString &kind);
QList<ChartObject> sortForInstall(QList<ChartObject> objects);

} // namespace fd::sim::fissioninstall
