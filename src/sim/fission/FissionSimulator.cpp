#include "sim/fission/FissionSimulator.h"

#include "sim/api/ApiHandler.h"
#include "sim/api/ObjectService.h"
#include "sim/controllers/ControllerContext.h"
#include "sim/controllers/ControllerManager.h"
#include "sim/fission/BuilderManager.h"
#include "sim/fission/ControlPlaneView.h"
#include "sim/fission/Executor.h"
#include "sim/fission/FissionBehaviors.h"
#include "sim/fission/FissionObjects.h"
#include "sim/fission/FissionWebhook.h"
#include "sim/fission/Router.h"
#include "sim/fission/StorageService.h"
#include "sim/fission/TenantController.h"

namespace fd::sim {

FissionSimulator::FissionSimulator(ObjectService *objects, LogStore *logs, ControllerManager *controllers,
                                   ApiHandler *api, const FissionTiming &timing, QObject *parent)
    : QObject(parent), m_objects(objects), m_controllers(controllers), m_api(api), m_timing(timing),
      m_context(std::make_unique<ControllerContext>())
{
    // The components are controllers like kube-controller-manager's, sharing its clock,
    // events and behaviours but keeping their own context.
    m_context->objects = objects;
    m_context->logs = logs;
    m_context->events = controllers->events();
    m_context->behaviors = controllers->behaviors();
    m_context->timing = controllers->timing();
    m_context->types = KnownTypes::resolve(*objects->catalog());
    m_client = std::make_unique<fission::FissionObjects>(objects);
    m_webhook = std::make_unique<fission::FissionWebhook>();
    m_view = std::make_unique<fission::ControlPlaneView>(m_client.get());
    m_builder = new fission::BuilderManager(m_context.get(), m_client.get(), m_view.get(), m_timing, this);
    m_executor = new fission::Executor(m_context.get(), m_client.get(), m_view.get(), m_timing, this);
    m_tenants = new fission::TenantController(m_context.get(), m_client.get(), m_view.get(), this);
    m_router = std::make_unique<fission::Router>(m_client.get(), m_view.get(), m_executor, logs, m_timing);
    m_storage = std::make_unique<fission::StorageService>(m_view.get());
    m_builder->setStorage(m_storage.get());
}

FissionSimulator::~FissionSimulator()
{
    // The router calls the executor, and the reconcilers hold the context and the client:
    // they go first.
    m_router.reset();
    m_builder->setStorage(nullptr);
    m_storage.reset();
    delete m_tenants;
    delete m_executor;
    delete m_builder;
}

void FissionSimulator::start()
{
    if (m_started)
        return;
    m_started = true;
    m_objects->addAdmissionHook(m_webhook.get());
    fission::registerFissionBehaviors(*m_controllers->behaviors());
    if (m_api)
    {
        m_api->addProxyTarget(m_router.get());
        m_api->addProxyTarget(m_storage.get());
    }
    m_builder->start();
    m_executor->start();
    m_tenants->start();
    // Last: its first look announces what is already installed to the components above.
    m_view->start();
}

} // namespace fd::sim

#include "moc_FissionSimulator.cpp"
