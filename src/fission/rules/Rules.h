#pragma once

#include "fission/Rule.h"

#include <memory>

// Factories of the built-in rules (one per "Diagnostics" bullet of issue 6). Rule ids are stable:
// they are part of finding ids, the JSON output and the CLI's filters.

namespace fd::fission::rules {

// Namespaces and installs (NamespaceRules.cpp)
std::unique_ptr<Rule> makeNamespaceNotWatched();   // "namespace-not-watched"
std::unique_ptr<Rule> makeNoControlPlane();        // "no-control-plane"
std::unique_ptr<Rule> makeMultipleInstalls();      // "multiple-installs"
std::unique_ptr<Rule> makeNamespaceTerminating();  // "namespace-terminating"

// Builds (BuildRules.cpp)
std::unique_ptr<Rule> makePackageBuildFailed();    // "package-build-failed"
std::unique_ptr<Rule> makePackageBuildStuck();     // "package-build-stuck"
std::unique_ptr<Rule> makeBuilderNotReady();       // "builder-not-ready"
std::unique_ptr<Rule> makePackageEnvWithoutBuilder(); // "package-environment-without-builder"
std::unique_ptr<Rule> makeArchiveAtRisk();         // "archive-at-risk"

// References (ReferenceRules.cpp)
std::unique_ptr<Rule> makeFunctionMissingEnvironment(); // "function-missing-environment"
std::unique_ptr<Rule> makeFunctionMissingPackage();     // "function-missing-package"
std::unique_ptr<Rule> makeTriggerMissingFunction();     // "trigger-missing-function"

// Control plane and Helm (ControlPlaneRules.cpp)
std::unique_ptr<Rule> makeControlPlaneDisagree();  // "control-plane-env-disagree"
std::unique_ptr<Rule> makeControlPlaneRollout();   // "control-plane-rollout" (in progress / stuck)
std::unique_ptr<Rule> makeControlPlanePodFailing(); // "control-plane-pod-failing"
std::unique_ptr<Rule> makeControlPlaneUnavailable(); // "control-plane-unavailable"
std::unique_ptr<Rule> makeHelmValuesDrift();       // "helm-values-drift"
std::unique_ptr<Rule> makeHelmReleasePending();    // "helm-release-pending"
std::unique_ptr<Rule> makeHelmReleaseFailed();     // "helm-release-failed"

// Tenancy (TenantRules.cpp)
std::unique_ptr<Rule> makeTenantNotReady();        // "tenant-not-ready"
std::unique_ptr<Rule> makeTenantNamespaceMissing(); // "tenant-namespace-missing"
std::unique_ptr<Rule> makeTenantInert();           // "tenant-inert"
std::unique_ptr<Rule> makeLabelWithoutTenant();    // "namespace-label-without-tenant"
std::unique_ptr<Rule> makeTenantControllerUnavailable(); // "tenant-controller-unavailable"

} // namespace fd::fission::rules
