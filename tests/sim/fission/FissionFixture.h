#pragma once

#include "SimTestClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace fd::test {

// A Fission installation made the way an admin (or Helm) makes one, through the API only:
// minimal CRDs (preserve-unknown-fields schemas; the installer engineer's real definitions
// can replace crd() without touching the tests) and one minimal Deployment per control-plane
// component, labelled and configured as the 1.20.5 chart renders them.
class FissionFixture {
public:
    struct ControlPlane {
        QString releaseNamespace = QStringLiteral("fission");
        QString defaultNamespace = QStringLiteral("default");
        QStringList additionalNamespaces;
        QString builderNamespace;
        QString functionNamespace;
        QString tenancyMode;            // empty: a 1.20 install (no FISSION_TENANCY_MODE)
        bool adoptExistingResources = false;
        bool serviceAccountCheck = true;
        bool internalAuth = false;      // tenantcontroller gets FISSION_INTERNAL_AUTH_SECRET
        bool tenantController = false;
        QString image = QStringLiteral("ghcr.io/fission/fission-bundle:v1.20.5");
    };

    explicit FissionFixture(SimTestCluster &cluster) : m_cluster(cluster) {}

    static fd::sim::SimClusterOptions fastOptions();

    // CRDs for the Fission kinds (Package without /status, as 1.20.5), optionally
    // FissionTenant (cluster-scoped); waits until they are served.
    bool installCrds(bool packageStatusSubresource = false, bool tenants = false);
    // Any CRD objects (e.g. the real 1.20.5 definitions); waits until the core kinds are served.
    bool installCrdObjects(const QList<QJsonObject> &crds);
    bool createNamespace(const QString &name, const QJsonObject &labels = {});
    // Deployments (and Service router) for every component; waits until each has a Ready pod.
    bool installControlPlane(const ControlPlane &plane);
    // What `helm upgrade --set additionalFissionNamespaces=…` does: every consumer's pod
    // template env changes (rolls them all).
    bool setAdditionalNamespaces(const QStringList &namespaces);
    bool updateComponentEnv(const QString &component, const QString &name, const QString &value);
    bool scaleComponent(const QString &component, int replicas);
    // Every component Deployment rolled out (new pods Ready, old ones gone).
    bool waitForRollout(int timeoutMs = 30000);
    QStringList components() const;

    // Manifests.
    static QJsonObject environment(const QString &ns, const QString &name, const QString &runtimeImage,
                                   const QString &builderImage = {}, int poolsize = -1);
    static QJsonObject sourcePackage(const QString &ns, const QString &name, const QString &env,
                                     const QString &buildcmd = {});
    static QJsonObject deployPackage(const QString &ns, const QString &name, const QString &env);
    static QJsonObject function(const QString &ns, const QString &name, const QString &env, const QString &package,
                                const QString &executorType = {});
    static QJsonObject httpTrigger(const QString &ns, const QString &name, const QString &function,
                                   const QString &url, const QStringList &methods = {});

    // REST helpers (admin).
    HttpResult create(const QString &collectionPath, const QJsonObject &object);
    QJsonObject get(const QString &path);
    bool exists(const QString &path);
    QList<QJsonObject> list(const QString &collectionPath, const QString &labelSelector = {});
    // GET, change, PUT with conflict retries.
    bool update(const QString &path, const std::function<void(QJsonObject &)> &change);
    bool remove(const QString &path);
    QString logs(const QString &ns, const QString &pod, const QString &container);
    // GET through the router Service's proxy in the release namespace.
    HttpResult invoke(const QString &path, const QByteArray &method = "GET");

    static QString fissionPath(const QString &ns, const QString &plural, const QString &name = {});
    QString packageStatus(const QString &ns, const QString &name);

    SimTestCluster &cluster() { return m_cluster; }
    const ControlPlane &plane() const { return m_plane; }

private:
    static QJsonObject crd(const QString &plural, const QString &kind, const QString &singular, bool clusterScoped,
                           bool statusSubresource);
    QJsonObject componentDeployment(const QString &component) const;
    QJsonArray componentEnv(const QString &component) const;

    SimTestCluster &m_cluster;
    ControlPlane m_plane;
};

// Pods (JSON) of a namespace matching a label selector, and whether a Deployment is current.
bool deploymentRolledOut(const QJsonObject &deployment);

} // namespace fd::test
