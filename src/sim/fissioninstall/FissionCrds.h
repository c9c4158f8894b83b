#pragma once

#include "sim/fissioninstall/FissionFlavor.h"

#include <QJsonObject>
#include <QList>

namespace fd::sim::fissioninstall {

// Fission's CustomResourceDefinitions (group fission.io, version v1), written by us: the
// names, scope, short names, status subresources and printer columns of upstream, and a
// compact structural schema of the fields Fission Desk reads or writes, with the upstream
// defaults that matter (Package status.buildstatus `pending`, TimeTrigger method/subpath).
// Deep Kubernetes types inside (pod specs, containers, resource requirements, HPA metrics)
// are kept as written (x-kubernetes-preserve-unknown-fields) rather than described.
//
// V1_20 gives the eight kinds of 1.20.5 labelled `group: fission.io`, as
// `kubectl create -k crds/v1` creates them. Modern adds FissionTenant (cluster-scoped),
// FunctionVersion, FunctionAlias, Workflow and WorkflowRun, a status subresource with
// conditions on every kind, and no label (the chart's hook applies the bare files).
QList<QJsonObject> fissionCrds(FissionFlavor flavor);

} // namespace fd::sim::fissioninstall
