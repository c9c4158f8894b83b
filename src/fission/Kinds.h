#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>

namespace fd::kube {
class KubeObject;
}

namespace fd::fission {

// A resource as discovery and informers name it: (group, plural). The version is not part of the
// identity: an informer serves one version of a resource, and Fission's kinds have only v1.
struct GroupResource {
    QString group;    // "" for the core group
    QString resource; // plural, lower case: "pods", "packages"

    bool operator==(const GroupResource &other) const = default;
    bool isNull() const { return resource.isEmpty(); }
    // "packages.fission.io", "pods" (kubectl's spelling).
    QString toString() const;
};

inline size_t qHash(const GroupResource &gr, size_t seed = 0) noexcept
{
    return qHashMulti(seed, gr.group, gr.resource);
}

// What the domain needs to know about a kind it reads.
struct KindInfo {
    GroupResource gr;
    QString version;  // the version the domain reads ("v1")
    QString kind;     // "Package"
    bool namespaced = true;

    QString apiVersion() const { return gr.group.isEmpty() ? version : gr.group + u'/' + version; }
};

// The kinds Fission Desk's domain reads. Fission's own kinds first, then the Kubernetes kinds the
// install detection, tenant model and rules look at.
namespace kinds {
const KindInfo &environments();
const KindInfo &packages();
const KindInfo &functions();
const KindInfo &httpTriggers();
const KindInfo &timeTriggers();
const KindInfo &messageQueueTriggers();
const KindInfo &kubernetesWatchTriggers();
const KindInfo &canaryConfigs();
const KindInfo &fissionTenants();      // cluster-scoped, 1.27+
const KindInfo &functionVersions();    // after 1.27.0
const KindInfo &functionAliases();     // after 1.27.0
const KindInfo &workflows();           // after 1.27.0
const KindInfo &workflowRuns();        // after 1.27.0

const KindInfo &namespaces();
const KindInfo &pods();
const KindInfo &events();
const KindInfo &secrets();     // Helm release storage (owner=helm)
const KindInfo &configMaps();  // Helm's configmap driver
const KindInfo &serviceAccounts();
const KindInfo &deployments();
const KindInfo &daemonSets();  // the router may run as a DaemonSet
const KindInfo &replicaSets();
const KindInfo &customResourceDefinitions();

// Every namespaced Fission kind whose objects make a namespace a (would-be) tenant: the kinds a
// user creates. FissionTenant (cluster-scoped) is not among them.
const QList<KindInfo> &tenantContentKinds();
// The trigger kinds (they reference a Function by name in their own namespace).
const QList<KindInfo> &triggerKinds();
// All of the above.
const QList<KindInfo> &all();

// The known kind of an object by its apiVersion and kind, or nullptr.
const KindInfo *forObject(const fd::kube::KubeObject &object);
const KindInfo *forKind(QStringView group, QStringView kind);
const KindInfo *forResource(const GroupResource &gr);
} // namespace kinds

inline constexpr auto FissionGroup = u"fission.io";

} // namespace fd::fission
