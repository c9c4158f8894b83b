#include "fission/Rule.h"
#include "fission/rules/Rules.h"

namespace fd::fission {

std::vector<std::unique_ptr<Rule>> defaultRules()
{
    using namespace rules;
    std::vector<std::unique_ptr<Rule>> list;
    list.push_back(makeNamespaceNotWatched());
    list.push_back(makeNoControlPlane());
    list.push_back(makeMultipleInstalls());
    list.push_back(makeNamespaceTerminating());
    list.push_back(makePackageBuildFailed());
    list.push_back(makePackageBuildStuck());
    list.push_back(makeBuilderNotReady());
    list.push_back(makePackageEnvWithoutBuilder());
    list.push_back(makeArchiveAtRisk());
    list.push_back(makeFunctionMissingEnvironment());
    list.push_back(makeFunctionMissingPackage());
    list.push_back(makeTriggerMissingFunction());
    list.push_back(makeControlPlaneDisagree());
    list.push_back(makeControlPlaneRollout());
    list.push_back(makeControlPlanePodFailing());
    list.push_back(makeControlPlaneUnavailable());
    list.push_back(makeHelmValuesDrift());
    list.push_back(makeHelmReleasePending());
    list.push_back(makeHelmReleaseFailed());
    list.push_back(makeTenantNotReady());
    list.push_back(makeTenantNamespaceMissing());
    list.push_back(makeTenantInert());
    list.push_back(makeLabelWithoutTenant());
    list.push_back(makeTenantControllerUnavailable());
    return list;
}

} // namespace fd::fission
