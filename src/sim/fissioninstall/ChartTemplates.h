#pragma once

#include "sim/fissioninstall/FissionFlavor.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fd::sim::fissioninstall {

// One file of a chart as a Helm release stores it in chart.templates.
struct ChartTemplateFile {
    QString name;       // "templates/executor/deployment.yaml"
    QByteArray data;    // the Go-template text
};

// Our own Go templates for fission-all, stored in the emulator's release records so that a
// client can rebuild the deployed chart from the release (`helm get` + `helm upgrade`) as it
// can on a real cluster. `helm template` of them renders the objects renderFissionChart()
// renders for the same values, with these inputs templated: the release name and namespace,
// defaultNamespace, additionalFissionNamespaces (per-namespace Roles/RoleBindings become a
// `range`), functionNamespace/builderNamespace, executor.adoptExistingResources,
// disableOwnerReference, the image repository/names/tags, router.replicas, analytics and
// preUpgradeChecks.enabled, createNamespace. Everything else is fixed at the chart's
// defaults (chartDefaultValues()).
//
// Only FissionFlavor::V1_20 has templates (the modern chart's tenancy modes are not
// templated); other flavors return an empty list. Computed once per process.
QList<ChartTemplateFile> chartTemplates(FissionFlavor flavor);

} // namespace fd::sim::fissioninstall
