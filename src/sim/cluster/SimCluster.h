#pragma once

#include "common/Expected.h"
#include "sim/controllers/SimTiming.h"
#include "sim/fission/FissionTiming.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace fd::sim {

class ApiHandler;
class Authenticator;
class CertificateAuthority;
class ControllerManager;
class CrdController;
class FissionSimulator;
class HttpServer;
class LogStore;
class ObjectService;
class ObjectStore;
class RbacAuthorizer;
class ResourceCatalog;
class StoreRbacSource;

struct SimClusterOptions {
    QString name = QStringLiteral("sim");   // context/cluster name in the written kubeconfig
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;                       // 0 = any free port
    bool tls = false;
    quint32 http2MaxConcurrentStreams = 100; // as kube-apiserver; tests lower it (REFUSED_STREAM)
    QString gitVersion = QStringLiteral("v1.33.1");
    SimTiming timing;
    FissionTiming fission;                  // the simulated Fission control plane's durations
};

// A credential the cluster accepts, as it goes into a kubeconfig user entry.
struct SimUser {
    QString name;          // kubeconfig user name, e.g. "admin"
    QString description;   // what it may do, for humans
    QString token;         // bearer token (empty for certificate users)
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
};

// One simulated Kubernetes cluster: store, API, controllers and an HTTP(S) listener, all
// living on the thread that created it. Profiles add content after start().
class SimCluster : public QObject {
    Q_OBJECT
public:
    explicit SimCluster(const SimClusterOptions &options, QObject *parent = nullptr);
    ~SimCluster() override;

    Expected<void, QString> start();

    const SimClusterOptions &options() const { return m_options; }
    QUrl url() const;
    QByteArray caCertificatePem() const;
    const QList<SimUser> &users() const { return m_users; }

    ObjectStore *store() const;
    ResourceCatalog *catalog() const;
    ObjectService *objects() const;
    ApiHandler *api() const;
    LogStore *logs() const;
    Authenticator *authenticator() const;
    ControllerManager *controllers() const;
    // The Fission control plane every cluster runs (idle until Fission is installed).
    FissionSimulator *fission() const;

    // Applies a manifest (JSON object) through the write path as the cluster admin would:
    // creates it, or replaces its spec when it exists. For profiles and tests.
    Expected<void, QString> apply(const QJsonObject &object);

private:
    void bootstrap();
    void addUsers();

    SimClusterOptions m_options;
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<ResourceCatalog> m_catalog;
    std::unique_ptr<ObjectService> m_objects;
    std::unique_ptr<LogStore> m_logs;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<StoreRbacSource> m_rbacSource;
    std::unique_ptr<RbacAuthorizer> m_authorizer;
    std::unique_ptr<ApiHandler> m_api;
    std::unique_ptr<CrdController> m_crds;
    std::unique_ptr<ControllerManager> m_controllers;
    std::unique_ptr<FissionSimulator> m_fission;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<CertificateAuthority> m_ca;
    QList<SimUser> m_users;
};

} // namespace fd::sim
