#pragma once

#include <QJsonObject>
#include <QString>

// The names, labels and annotations Fission puts on what it creates (facts:
// docs/fission-reference.md §2), in one place so that every simulated component and the
// tests spell them the same way.
namespace fd::sim::fission {

// Storage keys ("group/plural") of what the simulation reads; the Fission kinds exist only
// once their CRDs are established, so they are looked up by key, never assumed.
inline const QString kEnvironments = QStringLiteral("fission.io/environments");
inline const QString kPackages = QStringLiteral("fission.io/packages");
inline const QString kFunctions = QStringLiteral("fission.io/functions");
inline const QString kHttpTriggers = QStringLiteral("fission.io/httptriggers");
inline const QString kTenants = QStringLiteral("fission.io/fissiontenants");
inline const QString kPods = QStringLiteral("/pods");
inline const QString kServices = QStringLiteral("/services");
inline const QString kNamespaces = QStringLiteral("/namespaces");
inline const QString kSecrets = QStringLiteral("/secrets");
inline const QString kConfigMaps = QStringLiteral("/configmaps");
inline const QString kServiceAccounts = QStringLiteral("/serviceaccounts");
inline const QString kDeployments = QStringLiteral("apps/deployments");
inline const QString kDaemonSets = QStringLiteral("apps/daemonsets");
inline const QString kReplicaSets = QStringLiteral("apps/replicasets");
inline const QString kRoleBindings = QStringLiteral("rbac.authorization.k8s.io/rolebindings");
inline const QString kHpas = QStringLiteral("autoscaling/horizontalpodautoscalers");

// Every write of the simulated control plane carries the field manager client-go derives
// from fission-bundle's User-Agent.
inline const QString kFieldManager = QStringLiteral("fission-bundle");

// Executor (pkg/apis/core/v1 const.go).
inline const QString kExecutorType = QStringLiteral("executorType");
inline const QString kEnvironmentName = QStringLiteral("environmentName");
inline const QString kEnvironmentNamespace = QStringLiteral("environmentNamespace");
inline const QString kEnvironmentUid = QStringLiteral("environmentUid");
inline const QString kFunctionName = QStringLiteral("functionName");
inline const QString kFunctionNamespace = QStringLiteral("functionNamespace");
inline const QString kFunctionUid = QStringLiteral("functionUid");
inline const QString kManaged = QStringLiteral("managed");
inline const QString kExecutorInstanceId = QStringLiteral("executorInstanceId");
inline const QString kSvcHost = QStringLiteral("svcHost");
inline const QString kFunctionResourceVersion = QStringLiteral("functionResourceVersion");
inline const QString kPoolmgr = QStringLiteral("poolmgr");
inline const QString kNewdeploy = QStringLiteral("newdeploy");
inline const QString kContainer = QStringLiteral("container");

// buildermgr.
inline const QString kOwner = QStringLiteral("owner");
inline const QString kBuilderManagerOwner = QStringLiteral("buildermgr");
inline const QString kEnvName = QStringLiteral("envName");
inline const QString kEnvNamespace = QStringLiteral("envNamespace");
inline const QString kEnvResourceVersion = QStringLiteral("envResourceVersion");

inline const QString kFetcherServiceAccount = QStringLiteral("fission-fetcher");
inline const QString kBuilderServiceAccount = QStringLiteral("fission-builder");

// Tenancy (main).
inline const QString kTenantFinalizer = QStringLiteral("fission.io/tenant-cleanup");
inline const QString kEnabledLabel = QStringLiteral("fission.io/enabled");
inline const QString kManagedByAnnotation = QStringLiteral("fission.io/managed-by");
inline const QString kTenantManagedByLabel = QStringLiteral("app.kubernetes.io/managed-by");
inline const QString kTenantManagedByValue = QStringLiteral("fission-tenant-controller");
inline const QString kTenantAuthKeysSecret = QStringLiteral("fission-internal-auth-keys");

// Knobs of the simulation (not Fission's), set on the objects they concern, in the spirit of
// kwok's fault annotations: what a real cluster decides by running user code.
//   on a Package:  the build fails with a compiler-style error for the environment's
//                  language ("true"), or with the given text as the compiler output.
inline const QString kSimBuildErrorAnnotation = QStringLiteral("sim.fission-desk.io/build-error");
//   on a Function: the body the function answers (default "Hello, world!\n") and its status.
inline const QString kSimResponseAnnotation = QStringLiteral("sim.fission-desk.io/response");
inline const QString kSimStatusAnnotation = QStringLiteral("sim.fission-desk.io/status-code");

// poolmgr pool Deployment: "poolmgr-<env>-<envns>-<envResourceVersion>", lowercased; name
// and namespace each cut to 18 characters when together they reach 37.
QString poolDeploymentName(const QString &envName, const QString &envNamespace, const QString &envResourceVersion);
// newdeploy / container executor objects: "<prefix>-<fn>-<ns>-<last 17 of uid>", lowercased;
// name and namespace each cut to 17 when together they reach 35.
QString functionObjectName(const QString &prefix, const QString &fnName, const QString &fnNamespace,
                           const QString &fnUid);
// Builder Deployment and Service: "<env>-<envResourceVersion>".
QString builderName(const QString &envName, const QString &envResourceVersion);

// Labels of a poolmgr pool (on the Deployment, its selector and its warm pods).
QJsonObject poolLabels(const QJsonObject &environment);
// Labels of a builder: owner, envName, envNamespace (the builder namespace), envResourceVersion.
QJsonObject builderLabels(const QString &envName, const QString &builderNamespace, const QString &envResourceVersion);

// Reads the env's spec the way Fission does.
int environmentVersion(const QJsonObject &environment);
QString builderImage(const QJsonObject &environment);      // empty: no builder (also for version 1)
int environmentPoolSize(const QJsonObject &environment);   // version < 3: 3, else spec.poolsize
QString executorTypeOf(const QJsonObject &function);       // poolmgr unless set
// The function's idle timeout in seconds (CLI default 120 when unset).
int functionIdleTimeoutSeconds(const QJsonObject &function);

} // namespace fd::sim::fission
