#pragma once

#include <QString>

namespace fd::sim::fissioninstall {

// Which Fission the installer reproduces (fission-reference.md §0):
//  - V1_20: tag v1.20.5, chart fission-all v1.20.5, CRDs installed by hand with
//    `kubectl create -k crds/v1`, tenancy = Helm values only;
//  - Modern: main as of 1.27.0 (chart 1.27.0, no `v` in the chart label), every kind with a
//    status subresource and conditions, FissionTenant and the tenant controller, CRDs
//    delivered by the chart's pre-install hook.
enum class FissionFlavor { V1_20, Modern };

struct ChartIdentity {
    QString name;          // Chart.yaml name
    QString version;       // Chart.yaml version
    QString appVersion;    // Chart.yaml appVersion
    QString kubeVersion;   // Chart.yaml kubeVersion constraint
    QString imageTag;      // default imageTag value
    // The `chart` label the templates put on control-plane objects: name-version.
    QString chartLabel() const { return name + QLatin1Char('-') + version; }
};

ChartIdentity chartIdentity(FissionFlavor flavor);

} // namespace fd::sim::fissioninstall
