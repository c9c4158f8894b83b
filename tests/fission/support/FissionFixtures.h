#pragma once

#include "fission/ClusterState.h"
#include "fission/HelmReleaseInfo.h"
#include "kube/store/KubeObject.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// Hand-built Kubernetes objects that mirror what Fission's chart and controllers create
// (fission-reference §2–3): control-plane Deployments with the FISSION_* env, their pods, builder
// and pool Deployments, Fission objects with realistic specs and statuses, FissionTenants.
// Kept out of moc'd test files (raw JSON would confuse moc).

namespace fd::fission::test {

using fd::kube::KubeObject;

// The tests' "now"; objects are created an hour earlier unless a test says otherwise.
QDateTime testNow();
QString isoTime(const QDateTime &t);

struct Meta {
    QString name;
    QString namespaceName;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QString resourceVersion; // generated when empty
    QString uid;             // generated when empty
    QDateTime created;       // testNow() - 1 h when invalid
    QStringList finalizers;
    QDateTime deletion;      // set: the object is being deleted
    qint64 generation = 0;
};

// Decodes a full object (apiVersion, kind, metadata) into a KubeObject; QFAIL-style warnings on error.
KubeObject decode(const QJsonObject &object);
QJsonObject metadata(const Meta &meta);
KubeObject make(const QString &apiVersion, const QString &kind, const Meta &meta, const QJsonObject &body = {});

// ---- Kubernetes objects ----------------------------------------------------------------------

KubeObject namespaceObject(const QString &name, const QMap<QString, QString> &labels = {}, bool terminating = false,
                           const QDateTime &deletion = {});

struct PodState {
    QString phase = QStringLiteral("Running");
    bool ready = true;
    QString waitingReason;  // e.g. ImagePullBackOff, CrashLoopBackOff
    QString waitingMessage;
    int restarts = 0;
    bool unschedulable = false;
    QString unschedulableMessage;
};

struct ContainerSpec {
    QString name;
    QString image;
    QList<std::pair<QString, QString>> env;
};

KubeObject deployment(const Meta &meta, const QMap<QString, QString> &selector, const QList<ContainerSpec> &containers,
                      int replicas = 1, int ready = 1, int updated = -1, int available = -1, bool progressDeadlineExceeded = false);
KubeObject pod(const Meta &meta, const QList<ContainerSpec> &containers, const PodState &state = {});
KubeObject event(const QString &ns, const QString &name, const QString &involvedKind, const QString &involvedName,
                 const QString &reason, const QString &message, const QString &type = QStringLiteral("Warning"));

// ---- Fission's control plane -----------------------------------------------------------------

struct ControlPlaneOptions {
    QString releaseNamespace = QStringLiteral("fission");
    QString releaseName = QStringLiteral("fission");
    QString defaultNamespace = QStringLiteral("default");
    QStringList additionalNamespaces;
    QString imageTag = QStringLiteral("v1.20.5");
    QString chartLabel = QStringLiteral("fission-all-v1.20.5");
    std::optional<QString> tenancyMode; // set for 1.27+ ("static", "dynamic", "cluster")
    bool tenantController = false;      // add the tenantcontroller Deployment (modern, mode ≠ static)
    bool adoptExistingResources = false;
    bool prunerEnabled = true;
    // Override the rendered FISSION_RESOURCE_NAMESPACES of one component (disagreement tests).
    QMap<QString, QString> resourceNamespacesOverride;
};

// The FISSION_* env as the chart renders it.
QList<std::pair<QString, QString>> namespaceEnv(const ControlPlaneOptions &options);

// The chart's control-plane Deployments and one Running+Ready pod each (env = the template's).
QList<KubeObject> controlPlane(const ControlPlaneOptions &options);
// One component's Deployment and pod, for tests that modify them.
KubeObject controlPlaneDeployment(const ControlPlaneOptions &options, const QString &component, int ready = 1,
                                  int updated = -1);
KubeObject controlPlanePod(const ControlPlaneOptions &options, const QString &component, const QString &podName,
                           const PodState &state = {});
QStringList controlPlaneComponents(const ControlPlaneOptions &options);

// ---- Fission objects ---------------------------------------------------------------------------

KubeObject environment(const QString &ns, const QString &name, const QString &builderImage = {}, int version = 3,
                       const QString &resourceVersion = QStringLiteral("100"));

struct PackageOptions {
    QString environment = QStringLiteral("nodejs");
    QString sourceUrl;          // url source archive
    QString sourceLiteral;      // base64 literal source
    QString deploymentUrl;      // url deployment archive
    QString deploymentLiteral;
    QString buildCommand;
    std::optional<QString> buildStatus; // nullopt: no status object at all
    QString buildLog;
    QDateTime lastUpdate;        // invalid: null/absent
    QDateTime created;
    QList<QJsonObject> conditions;
};
KubeObject package(const QString &ns, const QString &name, const PackageOptions &options);

struct FunctionOptions {
    QString environment = QStringLiteral("nodejs");
    QString package;
    QString executorType = QStringLiteral("poolmgr");
    QString uid;
    std::optional<int> idleTimeout;
    QStringList finalizers;
};
KubeObject function(const QString &ns, const QString &name, const FunctionOptions &options);

KubeObject httpTrigger(const QString &ns, const QString &name, const QString &function, const QString &url,
                       const QStringList &methods = {QStringLiteral("GET")});
KubeObject timeTrigger(const QString &ns, const QString &name, const QString &function, const QString &cron);
KubeObject messageQueueTrigger(const QString &ns, const QString &name, const QString &function, const QString &topic);
KubeObject watchTrigger(const QString &ns, const QString &name, const QString &function, const QString &type);

KubeObject fissionTenant(const QString &name, const QString &tenantNamespace, const QList<QJsonObject> &conditions = {},
                         const QString &managedBy = {}, const QDateTime &created = {});
QJsonObject condition(const QString &type, const QString &status, const QString &reason, const QString &message = {});

// A builder Deployment of an Environment (owner=buildermgr) and its pod.
KubeObject builderDeployment(const QString &ns, const QString &env, const QString &envResourceVersion, int ready = 1);
KubeObject builderPod(const QString &ns, const QString &env, const QString &envResourceVersion, const PodState &state = {},
                      const QString &podName = {});
// A specialized function pod (functionUid label).
KubeObject functionPod(const QString &ns, const QString &env, const QString &functionName, const QString &functionUid);

// ---- Scenarios ---------------------------------------------------------------------------------

// A served tenant's content as the real controllers leave it: a nodejs environment with a ready
// builder, a built source package, a poolmgr function with a specialized pod, an HTTP trigger and
// a time trigger.
QList<KubeObject> healthyTenant(const QString &ns);
// The classic case's content: environment, source package still pending (created by kubectl:
// no lastUpdateTimestamp), function, HTTP trigger — as an unwatched namespace holds them.
QList<KubeObject> unwatchedTenantContent(const QString &ns);

// A cluster: every kind readable, the given objects plus namespaces for every namespace they use.
void fill(MemoryClusterState &state, const QList<KubeObject> &objects);

// A Helm release as install detection sees it (tests do not need src/helm for this).
HelmReleaseInfo helmRelease(const QString &ns, const QString &name, int revision, const QString &status,
                            const QString &defaultNamespace, const QStringList &additional);

class FakeHelmReader final : public HelmReleaseReader
{
public:
    std::optional<HelmReleaseInfo> read(const ClusterState &, const QString &namespaceName, const QString &releaseName) override
    {
        ++reads;
        for (const HelmReleaseInfo &r : releases) {
            if (r.namespaceName == namespaceName && r.name == releaseName)
                return r;
        }
        return std::nullopt;
    }
    QList<HelmReleaseInfo> releases;
    int reads = 0;
};

} // namespace fd::fission::test
