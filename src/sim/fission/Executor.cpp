#include "sim/fission/Executor.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"
#include "sim/fission/ControlPlaneView.h"
#include "sim/fission/FissionNames.h"
#include "sim/fission/FissionObjects.h"
#include "sim/fission/PodSpecs.h"

#include <QJsonArray>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kEnvironmentKeyPrefix = u"e:"_s;
const QString kFunctionKeyPrefix = u"f:"_s;
const QString kGoneKeyPrefix = u"x:"_s;
const QString kRefreshKeyPrefix = u"r:"_s;

QString randomInstanceId()
{
    // uniuri.NewLen(8), lowercased.
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 8; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
    return id;
}

bool isExecutorObject(const QJsonObject &object)
{
    const QString type = labelsOf(object).value(kExecutorType).toString();
    return type == kPoolmgr || type == kNewdeploy || type == kContainer;
}

// The instance id an executor object carries (annotation, or the older label).
std::optional<QString> instanceIdOf(const QJsonObject &object)
{
    const QJsonObject annotations = ctrl::annotationsOf(object);
    if (annotations.contains(kExecutorInstanceId))
        return annotations.value(kExecutorInstanceId).toString();
    const QJsonObject labels = labelsOf(object);
    if (labels.contains(kExecutorInstanceId))
        return labels.value(kExecutorInstanceId).toString();
    return std::nullopt;
}

QJsonObject packageRefOf(const QJsonObject &function)
{
    return ctrl::child(ctrl::child(ctrl::specOf(function), "package"_L1), "packageref"_L1);
}

QJsonObject environmentRefOf(const QJsonObject &function)
{
    return ctrl::child(ctrl::specOf(function), "environment"_L1);
}

int minScaleOf(const QJsonObject &function)
{
    const QJsonObject strategy = ctrl::child(ctrl::child(ctrl::specOf(function), "InvokeStrategy"_L1),
                                             "ExecutionStrategy"_L1);
    return std::max(0, strategy.value("MinScale"_L1).toInt(0));
}

bool isServing(const QJsonObject &pod)
{
    return !ctrl::isDeleting(pod) && ctrl::podPhase(pod) == "Running"_L1 && ctrl::podIsReady(pod);
}

QString cacheKey(const QJsonObject &function)
{
    return uidOf(function) + QLatin1Char('@') + resourceVersionOf(function);
}

QString accessLogTime(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"dd/MMM/yyyy:HH:mm:ss"_s) + u" +0000"_s;
}

} // namespace

Executor::Executor(ControllerContext *context, FissionObjects *objects, ControlPlaneView *view,
                   const FissionTiming &timing, QObject *parent)
    : Reconciler(context, parent), m_objects(objects), m_view(view), m_timing(timing), m_logWriter(context->logs)
{
    connect(m_view, &ControlPlaneView::changed, this, &Executor::onControlPlaneChanged);
    m_idleTimer.setInterval(std::max(10, m_timing.idleCheckIntervalMs));
    connect(&m_idleTimer, &QTimer::timeout, this, &Executor::reapIdle);
}

Executor::~Executor()
{
    // Nobody is left to answer: waiting callers hear nothing (their contexts go too).
    m_specializations.clear();
}

QStringList Executor::initialKeys() const
{
    return {};
}

void Executor::log(const QString &level, const QString &message, const LogFields &fields) const
{
    m_logWriter.zap(m_instance, level, u"executor"_s, message, fields, m_objects->now());
}

// --- the executor process -----------------------------------------------------------------

void Executor::onControlPlaneChanged()
{
    const ComponentInstance current = m_view->instance(Component::Executor);
    const QStringList watched = m_view->watchedNamespaces(Component::Executor);
    if (current.podUid != m_instance.podUid) {
        stopInstance();
        m_instance = current;
        m_watched = watched;
        if (m_instance.isActive())
            startInstance();
        return;
    }
    if (watched != m_watched) {
        m_watched = watched;
        log(u"info"_s, u"fission resource namespaces updated"_s, {{u"namespaces"_s, QJsonArray::fromStringList(watched)}});
        // With the chart's interval 0 the check ran once at start-up; only a periodic check
        // (interval > 0) reaches namespaces onboarded later (the tenant controller does).
        if (m_instance.value(u"SERVICEACCOUNT_CHECK_INTERVAL"_s).toInt() > 0)
            checkServiceAccounts();
        enqueueWatched();
    }
}

void Executor::stopInstance()
{
    m_idleTimer.stop();
    m_pools.clear();
    m_services.clear();
    m_claimedPods.clear();
    const auto pending = std::exchange(m_specializations, {});
    for (const Specialization &specialization : pending) {
        for (const Waiter &waiter : specialization.waiters) {
            if (waiter.context)
                waiter.done(Unexpected(u"executor restarted"_s));
        }
    }
    m_instanceId.clear();
}

void Executor::startInstance()
{
    m_instanceId = randomInstanceId();
    log(u"info"_s, u"Starting executor"_s, {{u"instanceID"_s, m_instanceId}});
    if (m_instance.flag(u"ADOPT_EXISTING_RESOURCES"_s))
        adoptExistingObjects();
    else
        cleanupOldObjects();
    if (m_instance.flag(u"SERVICEACCOUNT_CHECK_ENABLED"_s)) {
        log(u"info"_s, u"Starting service account check"_s,
            {{u"interval"_s, m_instance.value(u"SERVICEACCOUNT_CHECK_INTERVAL"_s)}});
        checkServiceAccounts();
    }
    enqueueWatched();
    m_idleTimer.start();
}

QStringList Executor::reaperNamespaces() const
{
    QSet<QString> namespaces(m_watched.begin(), m_watched.end());
    for (const QString &ns : {m_instance.builderNamespace(), m_instance.functionNamespace(), m_instance.defaultNamespace()}) {
        if (!ns.isEmpty())
            namespaces.insert(ns);
    }
    QStringList sorted(namespaces.begin(), namespaces.end());
    sorted.sort();
    return sorted;
}

void Executor::cleanupOldObjects()
{
    log(u"info"_s, u"Poolmanager starts to clean orphaned resources"_s, {{u"instanceID"_s, m_instanceId}});
    const QList<QPair<QString, QString>> kinds{
        {kDeployments, u"deployment"_s}, {kPods, u"pod"_s}, {kServices, u"service"_s}, {kHpas, u"hpa"_s}};
    for (const QString &ns : reaperNamespaces()) {
        for (const auto &[kind, noun] : kinds) {
            for (const ObjectRef &object : m_objects->list(kind, ns)) {
                if (!isExecutorObject(object->object))
                    continue;
                const auto id = instanceIdOf(object->object);
                if (!id || *id == m_instanceId)
                    continue;
                log(u"info"_s, u"cleaning up "_s + noun, {{noun, nameOf(object->object)}});
                m_objects->remove(kind, ns, nameOf(object->object), uidOf(object->object));
            }
        }
    }
}

void Executor::adoptExistingObjects()
{
    const auto restamp = [this](const QString &kind, const QJsonObject &object) {
        return m_objects->mutate(kind, namespaceOf(object), nameOf(object), [this](QJsonObject &current) {
            QJsonObject annotations = ctrl::annotationsOf(current);
            if (annotations.value(kExecutorInstanceId).toString() == m_instanceId)
                return false;
            annotations.insert(kExecutorInstanceId, m_instanceId);
            setMetadataField(current, u"annotations"_s, annotations);
            return true;
        });
    };
    for (const QString &ns : reaperNamespaces()) {
        for (const QString &kind : {kDeployments, kServices}) {
            for (const ObjectRef &object : m_objects->list(kind, ns)) {
                if (isExecutorObject(object->object) && instanceIdOf(object->object))
                    restamp(kind, object->object);
            }
        }
        for (const ObjectRef &ref : m_objects->list(kPods, ns)) {
            const QJsonObject &pod = ref->object;
            const QJsonObject labels = labelsOf(pod);
            if (labels.value(kExecutorType).toString() != kPoolmgr || labels.value(kManaged).toString() != "false"_L1
                || !isServing(pod))
                continue;
            const QJsonObject annotations = ctrl::annotationsOf(pod);
            const QString address = annotations.value(kSvcHost).toString();
            if (address.isEmpty())
                continue;
            restamp(kPods, pod);
            FunctionService service;
            service.functionUid = labels.value(kFunctionUid).toString();
            service.functionName = labels.value(kFunctionName).toString();
            service.functionNamespace = labels.value(kFunctionNamespace).toString();
            service.functionVersion = annotations.value(kFunctionResourceVersion).toString();
            service.key = service.functionUid + QLatin1Char('@') + service.functionVersion;
            service.executorType = kPoolmgr;
            service.address = address;
            service.podName = nameOf(pod);
            service.podUid = uidOf(pod);
            service.podNamespace = ns;
            service.container = runtimeContainerOf(pod);
            service.accessed = m_objects->now();
            m_services.insert(service.key, service);
            log(u"info"_s, u"adopt function pod"_s,
                {{u"pod"_s, service.podName}, {u"function"_s, service.functionName}, {u"address"_s, address}});
        }
    }
}

void Executor::checkServiceAccounts()
{
    if (!m_instance.isActive() || !m_instance.flag(u"SERVICEACCOUNT_CHECK_ENABLED"_s))
        return;
    for (const QString &ns : reaperNamespaces()) {
        if (!m_objects->get(kNamespaces, {}, ns))
            continue;
        for (const QString &account : {kFetcherServiceAccount, kBuilderServiceAccount}) {
            if (m_objects->get(kServiceAccounts, ns, account))
                continue;
            const QJsonObject object{{u"apiVersion"_s, u"v1"_s},
                                     {u"kind"_s, u"ServiceAccount"_s},
                                     {u"metadata"_s, QJsonObject{{u"name"_s, account}, {u"namespace"_s, ns}}}};
            if (m_objects->ensure(kServiceAccounts, ns, object))
                log(u"info"_s, u"created service account"_s, {{u"name"_s, account}, {u"namespace"_s, ns}});
        }
    }
}

void Executor::enqueueWatched()
{
    for (const QString &ns : std::as_const(m_watched)) {
        for (const ObjectRef &env : m_objects->list(kEnvironments, ns))
            enqueue(kEnvironmentKeyPrefix + objectKey(ns, nameOf(env->object)));
        for (const ObjectRef &function : m_objects->list(kFunctions, ns))
            enqueue(kFunctionKeyPrefix + objectKey(ns, nameOf(function->object)));
    }
}

void Executor::observe(const StoreEvent &event)
{
    if (!m_instance.isActive() || !event.object)
        return;
    if (event.storageKey == kPods && event.type == StoreEventType::Deleted) {
        // A function pod went away: the next request specializes another one.
        const QString uid = uidOf(event.object->object);
        for (auto it = m_services.begin(); it != m_services.end();) {
            if (it->podUid == uid && it->executorType == kPoolmgr)
                it = m_services.erase(it);
            else
                ++it;
        }
        return;
    }
    if (event.storageKey != kEnvironments && event.storageKey != kFunctions)
        return;
    const QString ns = namespaceOfKey(event.key);
    if (!m_watched.contains(ns))
        return;
    if (event.storageKey == kEnvironments) {
        enqueue(kEnvironmentKeyPrefix + event.key);
        return;
    }
    const QJsonObject &function = event.object->object;
    if (event.type == StoreEventType::Deleted) {
        enqueue(kGoneKeyPrefix + objectKey(ns, uidOf(function)));
        return;
    }
    if (event.type == StoreEventType::Modified && event.previous) {
        const QJsonObject &before = event.previous->object;
        if (packageRefOf(before) != packageRefOf(function) || environmentRefOf(before) != environmentRefOf(function))
            enqueue(kRefreshKeyPrefix + objectKey(ns, uidOf(function)));
    }
    enqueue(kFunctionKeyPrefix + event.key);
}

void Executor::reconcile(const QString &key)
{
    if (!m_instance.isActive())
        return;
    const QString rest = key.mid(2);
    const QString ns = namespaceOfKey(rest);
    if (key.startsWith(kEnvironmentKeyPrefix))
        syncEnvironment(ns, nameOfKey(rest));
    else if (key.startsWith(kFunctionKeyPrefix))
        syncFunction(ns, nameOfKey(rest));
    else if (key.startsWith(kGoneKeyPrefix))
        functionGone(ns, nameOfKey(rest));
    else if (key.startsWith(kRefreshKeyPrefix))
        refreshFunction(ns, nameOfKey(rest));
}

// --- pools --------------------------------------------------------------------------------

QJsonObject Executor::poolDeployment(const QJsonObject &environment, const QString &functionNamespace) const
{
    const QJsonObject spec = ctrl::specOf(environment);
    const QJsonObject labels = poolLabels(environment);
    const QJsonValue grace = spec.value("terminationGracePeriod"_L1);
    const qint64 graceSeconds = grace.isDouble() && grace.toInteger() >= 0 ? grace.toInteger() : 360;
    QString pullPolicy = m_instance.value(u"RUNTIME_IMAGE_PULL_POLICY"_s);
    if (pullPolicy.isEmpty())
        pullPolicy = u"IfNotPresent"_s;
    const QJsonObject runtime = ctrl::child(spec, "runtime"_L1);
    QJsonObject container{
        {u"name"_s, nameOf(environment)},
        {u"image"_s, ctrl::text(runtime, "image"_L1)},
        {u"imagePullPolicy"_s, pullPolicy},
        {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
        {u"terminationMessagePolicy"_s, u"File"_s},
        {u"lifecycle"_s,
         QJsonObject{{u"preStop"_s, QJsonObject{{u"exec"_s, QJsonObject{{u"command"_s, QJsonArray{u"/bin/sleep"_s,
                                                                                             QString::number(graceSeconds)}}}}}}}},
        {u"ports"_s, QJsonArray{QJsonObject{{u"name"_s, u"http-fetcher"_s}, {u"containerPort"_s, 8000}, {u"protocol"_s, u"TCP"_s}},
                                QJsonObject{{u"name"_s, u"http-env"_s}, {u"containerPort"_s, 8888}, {u"protocol"_s, u"TCP"_s}}}},
        {u"volumeMounts"_s, sharedVolumeMounts(u"/userfunc"_s)}};
    if (spec.value("resources"_L1).isObject())
        container.insert(u"resources"_s, spec.value("resources"_L1));
    container = mergeContainer(container, ctrl::child(runtime, "container"_L1));
    QJsonObject podSpec{{u"containers"_s, QJsonArray{container, fetcherContainer(m_instance, u"/userfunc"_s)}},
                        {u"serviceAccountName"_s, kFetcherServiceAccount},
                        {u"terminationGracePeriodSeconds"_s, graceSeconds},
                        {u"volumes"_s, sharedVolumes()}};
    applyImagePullSecret(podSpec, environment);
    QJsonObject podMetadata{{u"labels"_s, labels}};
    const QJsonObject annotations = ctrl::annotationsOf(environment);
    if (!annotations.isEmpty())
        podMetadata.insert(u"annotations"_s, annotations);
    int replicas = environmentPoolSize(environment);
    if (ctrl::text(spec, "allowedFunctionsPerContainer"_L1) == "infinite"_L1)
        replicas = 1;
    QJsonObject deploymentAnnotations = annotations;
    deploymentAnnotations.insert(kExecutorInstanceId, m_instanceId);
    QJsonObject metadata{{u"name"_s, poolDeploymentName(nameOf(environment), namespaceOf(environment),
                                                        resourceVersionOf(environment))},
                         {u"namespace"_s, functionNamespace},
                         {u"labels"_s, labels},
                         {u"annotations"_s, deploymentAnnotations}};
    const auto envType = m_objects->typeOf(kEnvironments);
    if (envType && !m_instance.flag(u"DISABLE_OWNER_REFERENCES"_s) && functionNamespace == namespaceOf(environment))
        metadata.insert(u"ownerReferences"_s, QJsonArray{ctrl::controllerReference(environment, *envType)});
    return {{u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"Deployment"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, QJsonObject{{u"replicas"_s, replicas},
                                    {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                                    {u"template"_s, QJsonObject{{u"metadata"_s, podMetadata}, {u"spec"_s, podSpec}}}}}};
}

bool Executor::ensurePool(const QJsonObject &environment)
{
    const QString envUid = uidOf(environment);
    const QString functionNamespace = m_instance.functionNamespaceFor(namespaceOf(environment));
    const QString version = resourceVersionOf(environment);
    const int poolSize = environmentPoolSize(environment);
    const auto known = m_pools.constFind(envUid);
    if (known != m_pools.constEnd()) {
        if (known->envVersion == version)
            return true;
        const Pool pool = *known;
        if (poolSize == 0) {
            log(u"info"_s, u"pool size is zero"_s, {{u"env"_s, nameOf(environment)}});
            destroyPools(namespaceOf(environment), nameOf(environment));
            return true;
        }
        // The pool keeps its Deployment; the new template rolls the warm pods.
        const QJsonObject wanted = poolDeployment(environment, functionNamespace);
        const auto updated = m_objects->mutate(kDeployments, pool.namespaceName, pool.deployment, [&wanted](QJsonObject &object) {
            QJsonObject spec = ctrl::specOf(object);
            QJsonObject wantedSpec = ctrl::specOf(wanted);
            wantedSpec.insert(u"selector"_s, spec.value("selector"_L1)); // immutable
            if (spec.value("template"_L1) == wantedSpec.value("template"_L1)
                && spec.value("replicas"_L1) == wantedSpec.value("replicas"_L1))
                return false;
            spec.insert(u"template"_s, wantedSpec.value("template"_L1));
            spec.insert(u"replicas"_s, wantedSpec.value("replicas"_L1));
            object.insert(u"spec"_s, spec);
            return true;
        });
        if (!updated && updated.error().code != 404)
            return false;
        m_pools[envUid].envVersion = version;
        log(u"info"_s, u"Updated deployment for pool"_s, {{u"deployment"_s, pool.deployment}, {u"env"_s, nameOf(environment)}});
        return true;
    }
    if (poolSize == 0)
        return true;
    const QJsonObject wanted = poolDeployment(environment, functionNamespace);
    const QString name = nameOf(wanted);
    if (const ObjectRef existing = m_objects->get(kDeployments, functionNamespace, name)) {
        if (ctrl::annotationsOf(existing->object).value(kExecutorInstanceId).toString() != m_instanceId) {
            const auto updated = m_objects->mutate(kDeployments, functionNamespace, name, [&wanted](QJsonObject &object) {
                QJsonObject spec = ctrl::specOf(wanted);
                spec.insert(u"selector"_s, ctrl::specOf(object).value("selector"_L1));
                object.insert(u"spec"_s, spec);
                setMetadataField(object, u"annotations"_s, ctrl::annotationsOf(wanted));
                return true;
            });
            if (!updated)
                return false;
        }
    } else {
        const auto created = m_objects->create(kDeployments, functionNamespace, wanted);
        if (!created) {
            log(u"error"_s, u"error creating deployment in kubernetes"_s,
                {{u"error"_s, created.error().message}, {u"deployment"_s, name}});
            return false;
        }
        log(u"info"_s, u"deployment created"_s, {{u"deployment"_s, name}, {u"ns"_s, functionNamespace}});
    }
    m_pools.insert(envUid, Pool{name, functionNamespace, version});
    log(u"info"_s, u"created pool for the environment"_s, {{u"env"_s, nameOf(environment)}, {u"namespace"_s, functionNamespace}});
    return true;
}

void Executor::destroyPools(const QString &envNamespace, const QString &envName)
{
    const QString functionNamespace = m_instance.functionNamespaceFor(envNamespace);
    const QJsonObject selector{{kExecutorType, kPoolmgr}, {kEnvironmentName, envName}, {kEnvironmentNamespace, envNamespace}};
    bool destroyed = false;
    for (const ObjectRef &deployment : m_objects->listLabelled(kDeployments, functionNamespace, selector)) {
        m_objects->remove(kDeployments, functionNamespace, nameOf(deployment->object), uidOf(deployment->object));
        destroyed = true;
    }
    // Specialized pods left the pool's ReplicaSet; they go with their environment.
    QJsonObject specialized = selector;
    specialized.insert(kManaged, u"false"_s);
    for (const ObjectRef &pod : m_objects->listLabelled(kPods, functionNamespace, specialized))
        m_objects->remove(kPods, functionNamespace, nameOf(pod->object), uidOf(pod->object));
    for (auto it = m_pools.begin(); it != m_pools.end();) {
        if (it->namespaceName == functionNamespace && it->deployment.startsWith(poolDeploymentName(envName, envNamespace, {})))
            it = m_pools.erase(it);
        else
            ++it;
    }
    if (destroyed)
        log(u"info"_s, u"destroying pool"_s, {{u"environment"_s, envName}, {u"namespace"_s, envNamespace}});
}

void Executor::syncEnvironment(const QString &namespaceName, const QString &name)
{
    const ObjectRef environment = m_objects->get(kEnvironments, namespaceName, name);
    if (!environment) {
        destroyPools(namespaceName, name);
        return;
    }
    settle(kEnvironmentKeyPrefix + objectKey(namespaceName, name), ensurePool(environment->object));
}

// --- newdeploy / container ----------------------------------------------------------------

std::optional<QJsonObject> Executor::environmentOf(const QJsonObject &function) const
{
    const QJsonObject ref = environmentRefOf(function);
    QString ns = ctrl::text(ref, "namespace"_L1);
    if (ns.isEmpty())
        ns = namespaceOf(function);
    const ObjectRef environment = m_objects->get(kEnvironments, ns, ctrl::text(ref, "name"_L1));
    if (!environment)
        return std::nullopt;
    return environment->object;
}

QJsonObject Executor::functionDeployment(const QJsonObject &function, const QJsonObject &environment,
                                         const QString &executorType, const QString &objectName,
                                         const QString &functionNamespace) const
{
    QJsonObject selector{{kExecutorType, executorType},
                         {kFunctionName, nameOf(function)},
                         {kFunctionNamespace, namespaceOf(function)},
                         {kFunctionUid, uidOf(function)}};
    QJsonObject labels = labelsOf(function);
    for (auto it = selector.begin(); it != selector.end(); ++it)
        labels.insert(it.key(), it.value());
    labels.insert(kEnvironmentName, nameOf(environment));
    labels.insert(kEnvironmentNamespace, namespaceOf(environment));
    labels.insert(kEnvironmentUid, uidOf(environment));
    const QJsonObject annotations{{kExecutorInstanceId, m_instanceId},
                                  {kFunctionResourceVersion, resourceVersionOf(function)}};
    QJsonArray containers;
    QJsonObject podSpec{{u"serviceAccountName"_s, kFetcherServiceAccount}};
    if (executorType == kContainer) {
        const QJsonArray userContainers = ctrl::child(ctrl::specOf(function), "podspec"_L1).value("containers"_L1).toArray();
        QJsonObject container = userContainers.isEmpty() ? QJsonObject() : userContainers.first().toObject();
        container.insert(u"name"_s, nameOf(function));
        containers.append(container);
    } else {
        const QJsonObject runtime = ctrl::child(ctrl::specOf(environment), "runtime"_L1);
        QJsonObject container{{u"name"_s, nameOf(environment)},
                              {u"image"_s, ctrl::text(runtime, "image"_L1)},
                              {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                              {u"ports"_s, QJsonArray{QJsonObject{{u"name"_s, u"http-env"_s}, {u"containerPort"_s, 8888}}}},
                              {u"volumeMounts"_s, sharedVolumeMounts(u"/userfunc"_s)}};
        container = mergeContainer(container, ctrl::child(runtime, "container"_L1));
        containers.append(container);
        // The fetcher specializes the pod at start (newdeploy pods are born specialized).
        const QJsonObject packageRef = packageRefOf(function);
        containers.append(fetcherContainer(m_instance, u"/userfunc"_s,
                                           QJsonArray{u"-specialize-on-startup"_s, u"-specialize-request"_s,
                                                      QStringLiteral("{\"fetchType\":1,\"package\":{\"name\":\"%1\","
                                                                     "\"namespace\":\"%2\"}}")
                                                          .arg(ctrl::text(packageRef, "name"_L1),
                                                               ctrl::text(packageRef, "namespace"_L1))}));
        podSpec.insert(u"volumes"_s, sharedVolumes());
        applyImagePullSecret(podSpec, environment);
    }
    podSpec.insert(u"containers"_s, containers);
    QJsonObject metadata{{u"name"_s, objectName},
                         {u"namespace"_s, functionNamespace},
                         {u"labels"_s, labels},
                         {u"annotations"_s, annotations}};
    return {{u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"Deployment"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, QJsonObject{{u"replicas"_s, minScaleOf(function)},
                                    {u"selector"_s, QJsonObject{{u"matchLabels"_s, selector}}},
                                    {u"template"_s, QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels},
                                                                                             {u"annotations"_s, annotations}}},
                                                                {u"spec"_s, podSpec}}}}}};
}

void Executor::syncFunction(const QString &namespaceName, const QString &name)
{
    const ObjectRef ref = m_objects->get(kFunctions, namespaceName, name);
    if (!ref)
        return;
    const QJsonObject &function = ref->object;
    const QString type = executorTypeOf(function);
    if (type != kNewdeploy && type != kContainer)
        return;
    const std::optional<QJsonObject> environment = environmentOf(function);
    if (!environment && type == kNewdeploy) {
        log(u"error"_s, u"error getting environment for function"_s, {{u"function"_s, name}, {u"namespace"_s, namespaceName}});
        return;
    }
    const QString functionNamespace = m_instance.functionNamespaceFor(namespaceName);
    const QString objectName = functionObjectName(type, name, namespaceName, uidOf(function));
    const QJsonObject wanted = functionDeployment(function, environment.value_or(QJsonObject()), type, objectName, functionNamespace);
    bool ok = true;
    if (const ObjectRef existing = m_objects->get(kDeployments, functionNamespace, objectName)) {
        const QJsonObject annotations = ctrl::annotationsOf(existing->object);
        if (annotations.value(kFunctionResourceVersion) != ctrl::annotationsOf(wanted).value(kFunctionResourceVersion)
            || annotations.value(kExecutorInstanceId).toString() != m_instanceId) {
            ok = m_objects->mutate(kDeployments, functionNamespace, objectName, [&wanted](QJsonObject &object) {
                QJsonObject spec = ctrl::specOf(object);
                const int replicas = std::max(spec.value("replicas"_L1).toInt(), ctrl::specOf(wanted).value("replicas"_L1).toInt());
                spec.insert(u"template"_s, ctrl::specOf(wanted).value("template"_L1));
                spec.insert(u"replicas"_s, replicas);
                object.insert(u"spec"_s, spec);
                setMetadataField(object, u"annotations"_s, ctrl::annotationsOf(wanted));
                return true;
            }).hasValue();
        }
    } else {
        ok = m_objects->ensure(kDeployments, functionNamespace, wanted);
        if (ok)
            log(u"info"_s, u"created deployment"_s, {{u"deployment"_s, objectName}, {u"ns"_s, functionNamespace}});
    }
    const QJsonObject selector = ctrl::child(ctrl::specOf(wanted), "selector"_L1).value("matchLabels"_L1).toObject();
    const QJsonObject service{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Service"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, objectName},
                                   {u"namespace"_s, functionNamespace},
                                   {u"labels"_s, labelsOf(wanted)},
                                   {u"annotations"_s, QJsonObject{{kExecutorInstanceId, m_instanceId}}}}},
        {u"spec"_s, QJsonObject{{u"selector"_s, selector},
                                {u"type"_s, u"ClusterIP"_s},
                                {u"ports"_s, QJsonArray{QJsonObject{{u"name"_s, u"http-env"_s},
                                                                    {u"protocol"_s, u"TCP"_s},
                                                                    {u"port"_s, 80},
                                                                    {u"targetPort"_s, 8888}}}}}}};
    if (const ObjectRef existing = m_objects->get(kServices, functionNamespace, objectName)) {
        if (ctrl::annotationsOf(existing->object).value(kExecutorInstanceId).toString() != m_instanceId) {
            m_objects->mutate(kServices, functionNamespace, objectName, [this](QJsonObject &object) {
                QJsonObject annotations = ctrl::annotationsOf(object);
                annotations.insert(kExecutorInstanceId, m_instanceId);
                setMetadataField(object, u"annotations"_s, annotations);
                return true;
            });
        }
    } else {
        ok = m_objects->ensure(kServices, functionNamespace, service) && ok;
    }
    settle(kFunctionKeyPrefix + objectKey(namespaceName, name), ok);
}

void Executor::functionGone(const QString &namespaceName, const QString &uid)
{
    const QString functionNamespace = m_instance.functionNamespaceFor(namespaceName);
    const QJsonObject selector{{kFunctionUid, uid}};
    for (const QString &kind : {kDeployments, kServices, kPods}) {
        for (const ObjectRef &object : m_objects->listLabelled(kind, functionNamespace, selector)) {
            if (isExecutorObject(object->object))
                m_objects->remove(kind, functionNamespace, nameOf(object->object), uidOf(object->object));
        }
    }
    for (auto it = m_services.begin(); it != m_services.end();) {
        if (it->functionUid == uid)
            it = m_services.erase(it);
        else
            ++it;
    }
}

void Executor::refreshFunction(const QString &namespaceName, const QString &uid)
{
    // RefreshFuncPods: a Function that points at another package or environment loses the
    // pods specialized with the old one.
    const QString functionNamespace = m_instance.functionNamespaceFor(namespaceName);
    const QJsonObject selector{{kFunctionUid, uid}, {kExecutorType, kPoolmgr}};
    for (const ObjectRef &pod : m_objects->listLabelled(kPods, functionNamespace, selector))
        m_objects->remove(kPods, functionNamespace, nameOf(pod->object), uidOf(pod->object));
    for (auto it = m_services.begin(); it != m_services.end();) {
        if (it->functionUid == uid && it->executorType == kPoolmgr)
            it = m_services.erase(it);
        else
            ++it;
    }
}

// --- specialization -----------------------------------------------------------------------

int Executor::podReadyTimeoutMs() const
{
    // POD_READY_TIMEOUT is a Go duration ("300s"); the simulation caps it.
    const QString text = m_instance.value(u"POD_READY_TIMEOUT"_s);
    int configured = 300000;
    if (text.endsWith("ms"_L1))
        configured = text.chopped(2).toInt();
    else if (text.endsWith(QLatin1Char('s')))
        configured = text.chopped(1).toInt() * 1000;
    else if (text.endsWith(QLatin1Char('m')))
        configured = text.chopped(1).toInt() * 60000;
    if (configured <= 0)
        configured = 300000;
    return std::min(configured, m_timing.podReadyTimeoutMs);
}

bool Executor::timedOut(const Specialization &specialization) const
{
    return specialization.started.msecsTo(m_objects->now()) >= podReadyTimeoutMs();
}

QString Executor::runtimeContainerOf(const QJsonObject &pod) const
{
    for (const QJsonValue &value : ctrl::specOf(pod).value("containers"_L1).toArray()) {
        const QString name = value.toObject().value("name"_L1).toString();
        if (name != "fetcher"_L1)
            return name;
    }
    return {};
}

void Executor::getServiceForFunction(const QJsonObject &function, QObject *context, ServiceCallback done)
{
    if (!m_instance.isActive()) {
        done(Unexpected(u"error connecting to executor"_s));
        return;
    }
    const QString key = cacheKey(function);
    const auto cached = m_services.find(key);
    if (cached != m_services.end()) {
        const ObjectRef pod = m_objects->get(kPods, cached->podNamespace, cached->podName);
        if (pod && uidOf(pod->object) == cached->podUid && isServing(pod->object)) {
            cached->accessed = m_objects->now();
            done(*cached);
            return;
        }
        m_services.erase(cached);
    }
    const auto pending = m_specializations.find(key);
    if (pending != m_specializations.end()) {
        pending->waiters.append(Waiter{context, std::move(done)});
        return;
    }
    Specialization specialization;
    specialization.serial = ++m_nextSerial;
    specialization.function = function;
    specialization.executorType = executorTypeOf(function);
    specialization.started = m_objects->now();
    specialization.waiters.append(Waiter{context, std::move(done)});
    m_specializations.insert(key, specialization);
    if (specialization.executorType == kPoolmgr) {
        choosePod(key, specialization.serial);
        return;
    }
    // newdeploy/container: make sure the objects exist and at least one replica runs.
    syncFunction(namespaceOf(function), nameOf(function));
    const QString functionNamespace = m_instance.functionNamespaceFor(namespaceOf(function));
    const QString objectName = functionObjectName(specialization.executorType, nameOf(function), namespaceOf(function),
                                                  uidOf(function));
    m_objects->mutate(kDeployments, functionNamespace, objectName, [](QJsonObject &object) {
        QJsonObject spec = ctrl::specOf(object);
        if (spec.value("replicas"_L1).toInt() > 0)
            return false;
        spec.insert(u"replicas"_s, 1);
        object.insert(u"spec"_s, spec);
        return true;
    });
    awaitFunctionPod(key, specialization.serial);
}

void Executor::finish(const QString &key, const Expected<FunctionService, QString> &result)
{
    const auto it = m_specializations.find(key);
    if (it == m_specializations.end())
        return;
    const Specialization specialization = *it;
    m_specializations.erase(it);
    if (!specialization.claimedPod.isEmpty())
        m_claimedPods.remove(specialization.claimedPod);
    if (result)
        m_services.insert(key, *result);
    for (const Waiter &waiter : specialization.waiters) {
        if (waiter.context)
            waiter.done(result);
    }
}

void Executor::choosePod(const QString &key, int serial)
{
    const auto it = m_specializations.find(key);
    if (it == m_specializations.end() || it->serial != serial)
        return;
    const QJsonObject function = it->function;
    const std::optional<QJsonObject> environment = environmentOf(function);
    if (!environment) {
        const QString name = ctrl::text(environmentRefOf(function), "name"_L1);
        log(u"error"_s, u"error getting environment for function"_s,
            {{u"function"_s, nameOf(function)}, {u"environment"_s, name}});
        finish(key, Unexpected(QStringLiteral("environments.fission.io \"%1\" not found").arg(name)));
        return;
    }
    if (!ensurePool(*environment)) {
        finish(key, Unexpected(u"error creating pool for the environment"_s));
        return;
    }
    const QString functionNamespace = m_instance.functionNamespaceFor(namespaceOf(*environment));
    const QJsonObject selector = poolLabels(*environment);
    QList<ObjectRef> candidates;
    for (const ObjectRef &pod : m_objects->listLabelled(kPods, functionNamespace, selector)) {
        if (isServing(pod->object) && !m_claimedPods.contains(objectKey(functionNamespace, nameOf(pod->object))))
            candidates.append(pod);
    }
    if (candidates.isEmpty()) {
        if (timedOut(*it)) {
            log(u"error"_s, u"timed out waiting for pod"_s,
                {{u"function"_s, nameOf(function)}, {u"timeout"_s, QStringLiteral("%1ms").arg(podReadyTimeoutMs())}});
            finish(key, Unexpected(u"timeout: waited too long to get a ready pod"_s));
            return;
        }
        QTimer::singleShot(m_timing.podPollMs, this, [this, key, serial] { choosePod(key, serial); });
        return;
    }
    const QJsonObject pod = candidates.first()->object;
    const QString podName = nameOf(pod);
    // Relabel: the pod leaves the pool's ReplicaSet (which replaces it) and belongs to the
    // function from now on.
    QJsonObject functionLabels = selector;
    functionLabels.insert(kFunctionName, nameOf(function));
    functionLabels.insert(kFunctionUid, uidOf(function));
    functionLabels.insert(kFunctionNamespace, namespaceOf(function));
    functionLabels.insert(kManaged, u"false"_s);
    const QString podUid = uidOf(pod);
    const auto relabelled = m_objects->mutate(kPods, functionNamespace, podName, [&](QJsonObject &object) {
        if (uidOf(object) != podUid || labelsOf(object).value(kManaged).toString() != "true"_L1 || ctrl::isDeleting(object))
            return false;
        QJsonObject labels = labelsOf(object);
        for (auto label = functionLabels.begin(); label != functionLabels.end(); ++label)
            labels.insert(label.key(), label.value());
        setMetadataField(object, u"labels"_s, labels);
        QJsonObject annotations = ctrl::annotationsOf(object);
        annotations.insert(kExecutorInstanceId, m_instanceId);
        setMetadataField(object, u"annotations"_s, annotations);
        return true;
    });
    if (!relabelled || labelsOf((*relabelled)->object).value(kFunctionUid).toString() != uidOf(function)) {
        log(u"error"_s, u"failed to relabel pod"_s, {{u"pod"_s, podName}});
        QTimer::singleShot(m_timing.podPollMs, this, [this, key, serial] { choosePod(key, serial); });
        return;
    }
    it->claimedPod = objectKey(functionNamespace, podName);
    m_claimedPods.insert(it->claimedPod);
    log(u"info"_s, u"chose pod"_s,
        {{u"labels"_s, functionLabels}, {u"pod"_s, podName},
         {u"elapsed_time"_s, QStringLiteral("%1ms").arg(it->started.msecsTo(m_objects->now()))}});
    const QDateTime now = m_objects->now();
    m_logWriter.append(podUid, u"fetcher"_s,
                       zapLine(u"info"_s, now, u"fetcher"_s, u"fetcher received specialize request"_s,
                               {{u"function"_s, nameOf(function)}, {u"namespace"_s, namespaceOf(function)}}),
                       now);
    QTimer::singleShot(m_timing.specializeMs, this, [this, key, serial, functionNamespace, podName] {
        specializePod(key, serial, functionNamespace, podName);
    });
}

void Executor::specializePod(const QString &key, int serial, const QString &podNamespace, const QString &podName)
{
    const auto it = m_specializations.find(key);
    if (it == m_specializations.end() || it->serial != serial)
        return;
    const QJsonObject function = it->function;
    const ObjectRef podRef = m_objects->get(kPods, podNamespace, podName);
    if (!podRef || !isServing(podRef->object)) {
        m_claimedPods.remove(it->claimedPod);
        it->claimedPod.clear();
        choosePod(key, serial);
        return;
    }
    const QJsonObject pod = podRef->object;
    const QString podUid = uidOf(pod);
    const QString container = runtimeContainerOf(pod);
    const QDateTime now = m_objects->now();

    // The fetcher fetches the deployment archive; an unbuilt package cannot be fetched.
    QString error;
    const QJsonObject packageRef = packageRefOf(function);
    QString packageNamespace = ctrl::text(packageRef, "namespace"_L1);
    if (packageNamespace.isEmpty())
        packageNamespace = namespaceOf(function);
    const QString packageName = ctrl::text(packageRef, "name"_L1);
    const ObjectRef package = m_objects->get(kPackages, packageNamespace, packageName);
    if (!package) {
        error = QStringLiteral("error getting package: packages.fission.io \"%1\" not found").arg(packageName);
    } else {
        const QString status = ctrl::text(ctrl::statusOf(package->object), "buildstatus"_L1);
        if (status != "succeeded"_L1 && status != "none"_L1) {
            error = QStringLiteral("cannot fetch deployment: package build status was not \"succeeded\": pkg %1.%2 has "
                                   "a status of %3")
                        .arg(packageName, packageNamespace, status);
        }
    }
    const QJsonObject spec = ctrl::specOf(function);
    for (const char *kind : {"configmaps", "secrets"}) {
        if (!error.isEmpty())
            break;
        for (const QJsonValue &value : spec.value(QLatin1String(kind)).toArray()) {
            const QString name = value.toObject().value("name"_L1).toString();
            const bool configMap = qstrcmp(kind, "configmaps") == 0;
            if (!m_objects->get(configMap ? kConfigMaps : kSecrets, podNamespace, name)) {
                error = QStringLiteral("%1 %2 must be in same namespace as function namespace")
                            .arg(configMap ? u"configmap"_s : u"secret"_s, name);
                break;
            }
        }
    }
    if (!error.isEmpty()) {
        m_logWriter.append(podUid, u"fetcher"_s,
                           zapLine(u"error"_s, now, u"fetcher"_s, u"error fetching deployment package"_s,
                                   {{u"error"_s, error}, {u"package_name"_s, packageName},
                                    {u"package_namespace"_s, packageNamespace}}),
                           now);
        log(u"error"_s, u"error in pod - scheduling cleanup"_s, {{u"pod"_s, podName}});
        m_objects->remove(kPods, podNamespace, podName, podUid);
        finish(key, Unexpected(error));
        return;
    }
    m_logWriter.append(podUid, u"fetcher"_s,
                       zapLine(u"info"_s, now, u"fetcher"_s, u"successfully placed"_s, {{u"location"_s, u"/userfunc/deployarchive"_s}}),
                       now);
    m_logWriter.append(podUid, u"fetcher"_s,
                       zapLine(u"info"_s, now, u"fetcher"_s, u"specialize request done"_s,
                               {{u"function"_s, nameOf(function)}}),
                       now);
    m_logWriter.append(podUid, container,
                       QStringLiteral("Specializing function %1 (entrypoint %2) from /userfunc/deployarchive")
                           .arg(nameOf(function), ctrl::text(ctrl::child(spec, "package"_L1), "functionName"_L1))
                           .toUtf8(),
                       now);
    const QString podIp = ctrl::text(ctrl::statusOf(pod), "podIP"_L1);
    const QString address = podIp + u":8888"_s;
    const QString functionVersion = resourceVersionOf(function);
    m_objects->mutate(kPods, podNamespace, podName, [&](QJsonObject &object) {
        if (uidOf(object) != podUid)
            return false;
        QJsonObject annotations = ctrl::annotationsOf(object);
        annotations.insert(kSvcHost, address);
        annotations.insert(kFunctionResourceVersion, functionVersion);
        setMetadataField(object, u"annotations"_s, annotations);
        return true;
    });
    log(u"info"_s, u"specialized pod"_s, {{u"pod"_s, podName}, {u"podNamespace"_s, podNamespace}, {u"podIP"_s, podIp}});
    FunctionService service;
    service.key = key;
    service.functionUid = uidOf(function);
    service.functionName = nameOf(function);
    service.functionNamespace = namespaceOf(function);
    service.functionVersion = functionVersion;
    service.executorType = kPoolmgr;
    service.address = address;
    service.podName = podName;
    service.podUid = podUid;
    service.podNamespace = podNamespace;
    service.container = container;
    service.accessed = now;
    log(u"info"_s, u"added function service"_s,
        {{u"pod"_s, podName}, {u"podNamespace"_s, podNamespace}, {u"serviceHost"_s, address}, {u"podIP"_s, podIp}});
    finish(key, service);
}

void Executor::awaitFunctionPod(const QString &key, int serial)
{
    const auto it = m_specializations.find(key);
    if (it == m_specializations.end() || it->serial != serial)
        return;
    const QJsonObject function = it->function;
    const QString functionNamespace = m_instance.functionNamespaceFor(namespaceOf(function));
    const QJsonObject selector{{kFunctionUid, uidOf(function)}, {kExecutorType, it->executorType}};
    for (const ObjectRef &pod : m_objects->listLabelled(kPods, functionNamespace, selector)) {
        if (!isServing(pod->object))
            continue;
        FunctionService service;
        service.key = key;
        service.functionUid = uidOf(function);
        service.functionName = nameOf(function);
        service.functionNamespace = namespaceOf(function);
        service.functionVersion = resourceVersionOf(function);
        service.executorType = it->executorType;
        service.objectName = functionObjectName(it->executorType, nameOf(function), namespaceOf(function), uidOf(function));
        service.address = service.objectName + QLatin1Char('.') + functionNamespace;
        service.podName = nameOf(pod->object);
        service.podUid = uidOf(pod->object);
        service.podNamespace = functionNamespace;
        service.container = runtimeContainerOf(pod->object);
        service.minScale = minScaleOf(function);
        service.accessed = m_objects->now();
        finish(key, service);
        return;
    }
    if (timedOut(*it)) {
        log(u"error"_s, u"timed out waiting for function pod"_s, {{u"function"_s, nameOf(function)}});
        finish(key, Unexpected(u"timeout: waited too long to get a ready pod"_s));
        return;
    }
    QTimer::singleShot(m_timing.podPollMs, this, [this, key, serial] { awaitFunctionPod(key, serial); });
}

void Executor::recordRequest(const FunctionService &service, const QString &method, const QString &path, int status,
                             qsizetype bytes)
{
    const auto it = m_services.find(service.key);
    if (it != m_services.end())
        it->accessed = m_objects->now();
    const QDateTime now = m_objects->now();
    const QString line = QStringLiteral("%1 - - [%2] \"%3 %4 HTTP/1.1\" %5 %6 \"-\" \"Go-http-client/1.1\"")
                             .arg(m_view->instance(Component::Router).podIp, accessLogTime(now), method, path)
                             .arg(status)
                             .arg(bytes);
    m_logWriter.append(service.podUid, service.container, line.toUtf8(), now);
}

// --- idle reaper --------------------------------------------------------------------------

void Executor::reapIdle()
{
    if (!m_instance.isActive())
        return;
    const QDateTime now = m_objects->now();
    for (auto it = m_services.begin(); it != m_services.end();) {
        int idleMs = m_timing.idleTimeoutOverrideMs;
        if (idleMs <= 0) {
            const ObjectRef function = m_objects->get(kFunctions, it->functionNamespace, it->functionName);
            const bool same = function && uidOf(function->object) == it->functionUid;
            idleMs = 1000 * (same ? functionIdleTimeoutSeconds(function->object) : 120);
        }
        if (it->accessed.msecsTo(now) < idleMs) {
            ++it;
            continue;
        }
        log(u"info"_s, u"release idle function resources"_s,
            {{u"function"_s, it->functionName}, {u"address"_s, it->address}, {u"executor"_s, it->executorType},
             {u"pod"_s, it->podName}});
        if (it->executorType == kPoolmgr) {
            m_objects->remove(kPods, it->podNamespace, it->podName, it->podUid);
        } else {
            const int minScale = it->minScale;
            m_objects->mutate(kDeployments, it->podNamespace, it->objectName, [minScale](QJsonObject &object) {
                QJsonObject spec = ctrl::specOf(object);
                if (spec.value("replicas"_L1).toInt() == minScale)
                    return false;
                spec.insert(u"replicas"_s, minScale);
                object.insert(u"spec"_s, spec);
                return true;
            });
        }
        it = m_services.erase(it);
    }
}

} // namespace fd::sim::fission

#include "moc_Executor.cpp"
