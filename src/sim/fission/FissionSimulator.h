#pragma once

#include "sim/fission/FissionTiming.h"

#include <QObject>

#include <memory>

namespace fd::sim {

class ApiHandler;
class ControllerManager;
class LogStore;
class ObjectService;
struct ControllerContext;

namespace fission {
class BuilderManager;
class ControlPlaneView;
class Executor;
class FissionObjects;
class FissionWebhook;
class Router;
class StorageService;
class TenantController;
} // namespace fission

// The simulated Fission control plane of one cluster. It runs in every simulated cluster and
// does nothing until Fission is installed the way an admin installs it: CRDs through
// apiextensions and the chart's Deployments (labelled svc=<component>); the components then
// read their configuration from their own Running+Ready pods' env, exactly as the real
// processes do, so a `helm install` or `helm upgrade` of the real chart takes effect only
// after the rollout. Nothing else configures it: there is no C++ path from an installer.
//
// Pieces (src/sim/fission): ControlPlaneView (which pod is each component), FissionWebhook
// (admission, every namespace), BuilderManager, Executor, Router (the service proxy target
// for Service router:80), StorageService (the proxy target for Service storagesvc:80), TenantController (main's tenancy modes), FissionBehaviors (what
// Fission's images log when they start).
class FissionSimulator : public QObject {
    Q_OBJECT
public:
    FissionSimulator(ObjectService *objects, LogStore *logs, ControllerManager *controllers, ApiHandler *api,
                     const FissionTiming &timing, QObject *parent = nullptr);
    ~FissionSimulator() override;

    // Registers the webhook, the container behaviours and the router proxy target, and
    // starts the components; call after the ControllerManager started.
    void start();

    const FissionTiming &timing() const { return m_timing; }
    fission::ControlPlaneView *controlPlane() const { return m_view.get(); }
    fission::Executor *executor() const { return m_executor; }
    fission::StorageService *storage() const { return m_storage.get(); }

private:
    ObjectService *m_objects;
    ControllerManager *m_controllers;
    ApiHandler *m_api;
    FissionTiming m_timing;
    std::unique_ptr<ControllerContext> m_context;
    std::unique_ptr<fission::FissionObjects> m_client;
    std::unique_ptr<fission::FissionWebhook> m_webhook;
    std::unique_ptr<fission::ControlPlaneView> m_view;
    fission::BuilderManager *m_builder = nullptr;
    fission::Executor *m_executor = nullptr;
    fission::TenantController *m_tenants = nullptr;
    std::unique_ptr<fission::Router> m_router;
    std::unique_ptr<fission::StorageService> m_storage;
    bool m_started = false;
};

} // namespace fd::sim
