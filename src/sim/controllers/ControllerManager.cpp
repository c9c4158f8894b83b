#include "sim/controllers/ControllerManager.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ContainerBehavior.h"
#include "sim/controllers/ControllerContext.h"
#include "sim/controllers/DaemonSetController.h"
#include "sim/controllers/DeploymentController.h"
#include "sim/controllers/EventRecorder.h"
#include "sim/controllers/GarbageCollector.h"
#include "sim/controllers/JobController.h"
#include "sim/controllers/Kubelet.h"
#include "sim/controllers/NamespaceController.h"
#include "sim/controllers/ReplicaSetController.h"
#include "sim/controllers/Scheduler.h"
#include "sim/controllers/ServiceAccountAdmission.h"
#include "sim/controllers/StatefulSetController.h"
#include "sim/controllers/VolumeBinder.h"

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

ControllerManager::ControllerManager(ObjectService *objects, LogStore *logs, const SimTiming &timing, QObject *parent)
    : QObject(parent), m_context(std::make_unique<ControllerContext>()),
      m_behaviors(std::make_unique<ContainerBehaviors>()), m_nodeNames{u"sim-node-1"_s}
{
    m_context->objects = objects;
    m_context->logs = logs;
    m_context->timing = timing;
    m_context->behaviors = m_behaviors.get();
    m_context->types = KnownTypes::resolve(*objects->catalog());
    m_context->events = new EventRecorder(objects, this);
}

ControllerManager::~ControllerManager()
{
    // The controllers refer to the context; they go first.
    qDeleteAll(m_controllers);
    m_controllers.clear();
}

void ControllerManager::setNodeNames(const QStringList &names)
{
    if (!names.isEmpty())
        m_nodeNames = names;
}

void ControllerManager::setClusterCaPem(const QByteArray &pem)
{
    m_clusterCaPem = pem;
}

void ControllerManager::setKubeletVersion(const QString &version)
{
    m_kubeletVersion = version;
}

ContainerBehaviors *ControllerManager::behaviors() const
{
    return m_behaviors.get();
}

EventRecorder *ControllerManager::events() const
{
    return m_context->events;
}

const SimTiming &ControllerManager::timing() const
{
    return m_context->timing;
}

void ControllerManager::start()
{
    if (m_started)
        return;
    m_started = true;
    ControllerContext *context = m_context.get();
    context->objects->addAdmissionHook(new ServiceAccountAdmission(context->objects));

    auto *namespaces = new NamespaceController(context);
    if (!m_clusterCaPem.isEmpty())
        namespaces->setRootCaPem(m_clusterCaPem);
    auto *kubelet = new Kubelet(context);
    kubelet->setNodeNames(m_nodeNames);
    if (!m_kubeletVersion.isEmpty())
        kubelet->setKubeletVersion(m_kubeletVersion);
    m_controllers = {namespaces,
                     new GarbageCollector(context),
                     new DeploymentController(context),
                     new ReplicaSetController(context),
                     new JobController(context),
                     new DaemonSetController(context),
                     new StatefulSetController(context),
                     new VolumeBinder(context),
                     new Scheduler(context),
                     kubelet};
    for (Reconciler *controller : std::as_const(m_controllers))
        controller->start();
}

} // namespace fd::sim

#include "moc_ControllerManager.cpp"
