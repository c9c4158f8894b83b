#pragma once

#include "engine/onboarding/ManifestObjects.h"
#include "engine/onboarding/OnboardingPlan.h"
#include "kube/store/KubeObject.h"

#include <QList>

// The impact of an upgrade, from what the chart renders with the new values against what runs:
//  - a live Deployment/DaemonSet rolls when its pod template changes in what a process reads:
//    container env (FISSION_RESOURCE_NAMESPACES and everything else), images, template annotations
//    (checksum annotations roll pods on purpose). Server-side defaults are not compared, so a
//    rendered template that merely omits defaulted fields does not count as a change;
//  - RBAC objects are created/deleted as Helm decides it: rendered vs the deployed manifest;
//  - hooks (pre-/post-upgrade Jobs) are listed as steps of the upgrade;
//  - a rolling executor without adoptExistingResources deletes every function pod (1.20: a new
//    instance ID, then a cleanup of everything labelled executorType).

namespace fd::engine::onboarding {

struct ImpactInputs {
    QList<ManifestObject> rendered;      // helm template with the new values
    QList<ManifestObject> deployed;      // the deployed revision's manifest (no hooks)
    QList<fd::kube::KubeObject> liveWorkloads; // Deployments and DaemonSets of the release namespace
    int functionPods = 0;                // live pods labelled executorType
    bool adoptExistingResources = false; // as the new values set it (coalesced with the chart's)
};

PlanImpact analyzeImpact(const ImpactInputs &inputs);

// The env of a pod template's containers: container -> (name -> value text). Exposed for tests
// and for the run's verification.
QHash<QString, QHash<QString, QString>> templateEnv(const QJsonObject &workload);

} // namespace fd::engine::onboarding
