#include "FissionFixtures.h"

#include "kube/store/Decode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fd::fission::test {

namespace {

int g_counter = 1000;

QString nextId()
{
    return QString::number(++g_counter);
}

QJsonObject stringMap(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonArray containersJson(const QList<ContainerSpec> &containers)
{
    QJsonArray out;
    for (const ContainerSpec &c : containers) {
        QJsonArray env;
        for (const auto &[name, value] : c.env)
            env.append(QJsonObject{{u"name"_s, name}, {u"value"_s, value}});
        QJsonObject o{{u"name"_s, c.name}, {u"image"_s, c.image}};
        if (!env.isEmpty())
            o.insert(u"env"_s, env);
        out.append(o);
    }
    return out;
}

QString bundleImage(const ControlPlaneOptions &o)
{
    return u"ghcr.io/fission/fission-bundle:"_s + o.imageTag;
}

struct ComponentInfo {
    QString deployment;
    QMap<QString, QString> labels; // selector = pod labels
    bool consumes = true;
};

QList<ComponentInfo> components(const ControlPlaneOptions &o)
{
    QList<ComponentInfo> list{
        {u"buildermgr"_s, {{u"svc"_s, u"buildermgr"_s}}, true},
        {u"executor"_s, {{u"svc"_s, u"executor"_s}}, true},
        {u"kubewatcher"_s, {{u"svc"_s, u"kubewatcher"_s}}, true},
        {u"mqtrigger-keda"_s, {{u"svc"_s, u"mqtrigger-keda"_s}, {u"messagequeue"_s, u"keda"_s}}, true},
        {u"router"_s, {{u"svc"_s, u"router"_s}, {u"application"_s, u"fission-router"_s}}, true},
        {u"storagesvc"_s, {{u"svc"_s, u"storagesvc"_s}, {u"application"_s, u"fission-storage"_s}}, true},
        {u"timer"_s, {{u"svc"_s, u"timer"_s}}, true},
        {u"webhook"_s, {{u"svc"_s, u"webhook-service"_s}, {u"application"_s, u"fission-webhook"_s}}, false},
    };
    if (o.tenantController)
        list.append({u"tenantcontroller"_s,
                     {{u"svc"_s, u"tenantcontroller"_s}, {u"application"_s, u"fission-tenant-controller"_s}},
                     true});
    return list;
}

ComponentInfo component(const ControlPlaneOptions &o, const QString &name)
{
    for (const ComponentInfo &c : components(o)) {
        if (c.deployment == name)
            return c;
    }
    qFatal("unknown component %s", qPrintable(name));
}

ContainerSpec componentContainer(const ControlPlaneOptions &o, const ComponentInfo &c)
{
    ContainerSpec spec{c.deployment, bundleImage(o), {}};
    if (c.consumes) {
        ControlPlaneOptions effective = o;
        spec.env = namespaceEnv(effective);
        if (o.resourceNamespacesOverride.contains(c.deployment)) {
            for (auto &[name, value] : spec.env) {
                if (name == u"FISSION_RESOURCE_NAMESPACES")
                    value = o.resourceNamespacesOverride.value(c.deployment);
            }
        }
    }
    if (c.deployment == u"executor") {
        spec.env.append({u"ADOPT_EXISTING_RESOURCES"_s, o.adoptExistingResources ? u"true"_s : u"false"_s});
        spec.env.append({u"HELM_RELEASE_NAME"_s, o.releaseName});
    }
    if (c.deployment == u"storagesvc")
        spec.env.append({u"PRUNE_ENABLED"_s, o.prunerEnabled ? u"true"_s : u"false"_s});
    return spec;
}

} // namespace

QDateTime testNow()
{
    return QDateTime(QDate(2026, 3, 2), QTime(12, 0, 0), Qt::UTC);
}

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

KubeObject decode(const QJsonObject &object)
{
    auto decoded = fd::kube::decodeObject(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!decoded) {
        qWarning("fixture does not decode: %s", qPrintable(decoded.error().message));
        return {};
    }
    return decoded.value();
}

QJsonObject metadata(const Meta &meta)
{
    QJsonObject m{{u"name"_s, meta.name}};
    if (!meta.namespaceName.isEmpty())
        m.insert(u"namespace"_s, meta.namespaceName);
    m.insert(u"uid"_s, meta.uid.isEmpty() ? u"uid-"_s + nextId() : meta.uid);
    m.insert(u"resourceVersion"_s, meta.resourceVersion.isEmpty() ? nextId() : meta.resourceVersion);
    m.insert(u"creationTimestamp"_s, isoTime(meta.created.isValid() ? meta.created : testNow().addSecs(-3600)));
    m.insert(u"generation"_s, meta.generation > 0 ? meta.generation : 1);
    if (!meta.labels.isEmpty())
        m.insert(u"labels"_s, stringMap(meta.labels));
    if (!meta.annotations.isEmpty())
        m.insert(u"annotations"_s, stringMap(meta.annotations));
    if (!meta.finalizers.isEmpty())
        m.insert(u"finalizers"_s, QJsonArray::fromStringList(meta.finalizers));
    if (meta.deletion.isValid())
        m.insert(u"deletionTimestamp"_s, isoTime(meta.deletion));
    return m;
}

KubeObject make(const QString &apiVersion, const QString &kind, const Meta &meta, const QJsonObject &body)
{
    QJsonObject o = body;
    o.insert(u"apiVersion"_s, apiVersion);
    o.insert(u"kind"_s, kind);
    o.insert(u"metadata"_s, metadata(meta));
    return decode(o);
}

KubeObject namespaceObject(const QString &name, const QMap<QString, QString> &labels, bool terminating, const QDateTime &deletion)
{
    Meta m;
    m.name = name;
    m.labels = labels;
    m.labels.insert(u"kubernetes.io/metadata.name"_s, name);
    QJsonObject status{{u"phase"_s, terminating ? u"Terminating"_s : u"Active"_s}};
    if (terminating) {
        m.deletion = deletion.isValid() ? deletion : testNow().addSecs(-60);
        status.insert(u"conditions"_s,
                      QJsonArray{QJsonObject{{u"type"_s, u"NamespaceFinalizersRemaining"_s},
                                             {u"status"_s, u"True"_s},
                                             {u"reason"_s, u"SomeFinalizersRemain"_s},
                                             {u"message"_s, u"Some content in the namespace has finalizers remaining: "
                                                            u"fission.io/function-cleanup in 1 resource instances"_s}}});
    }
    return make(u"v1"_s, u"Namespace"_s, m, QJsonObject{{u"spec"_s, QJsonObject{}}, {u"status"_s, status}});
}

KubeObject deployment(const Meta &meta, const QMap<QString, QString> &selector, const QList<ContainerSpec> &containers,
                      int replicas, int ready, int updated, int available, bool progressDeadlineExceeded)
{
    if (updated < 0)
        updated = replicas;
    if (available < 0)
        available = ready;
    QJsonArray conditions;
    conditions.append(QJsonObject{{u"type"_s, u"Available"_s},
                                  {u"status"_s, available >= replicas && replicas > 0 ? u"True"_s : u"False"_s},
                                  {u"reason"_s, available >= replicas ? u"MinimumReplicasAvailable"_s
                                                                      : u"MinimumReplicasUnavailable"_s},
                                  {u"lastTransitionTime"_s, isoTime(testNow().addSecs(-3000))}});
    conditions.append(QJsonObject{
        {u"type"_s, u"Progressing"_s},
        {u"status"_s, progressDeadlineExceeded ? u"False"_s : u"True"_s},
        {u"reason"_s, progressDeadlineExceeded ? u"ProgressDeadlineExceeded"_s
                                               : (updated >= replicas && available >= replicas ? u"NewReplicaSetAvailable"_s
                                                                                               : u"ReplicaSetUpdated"_s)}});
    const QJsonObject spec{
        {u"replicas"_s, replicas},
        {u"selector"_s, QJsonObject{{u"matchLabels"_s, stringMap(selector)}}},
        {u"template"_s, QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, stringMap(selector)}}},
                                    {u"spec"_s, QJsonObject{{u"containers"_s, containersJson(containers)}}}}}};
    const int current = qMax(replicas, updated + (replicas - updated));
    const QJsonObject status{{u"observedGeneration"_s, meta.generation > 0 ? meta.generation : 1},
                             {u"replicas"_s, current},
                             {u"updatedReplicas"_s, updated},
                             {u"readyReplicas"_s, ready},
                             {u"availableReplicas"_s, available},
                             {u"conditions"_s, conditions}};
    return make(u"apps/v1"_s, u"Deployment"_s, meta, QJsonObject{{u"spec"_s, spec}, {u"status"_s, status}});
}

KubeObject pod(const Meta &meta, const QList<ContainerSpec> &containers, const PodState &state)
{
    QJsonArray statuses;
    for (const ContainerSpec &c : containers) {
        QJsonObject s{{u"name"_s, c.name},
                      {u"image"_s, c.image},
                      {u"ready"_s, state.ready && state.waitingReason.isEmpty()},
                      {u"restartCount"_s, state.restarts}};
        if (!state.waitingReason.isEmpty()) {
            s.insert(u"state"_s, QJsonObject{{u"waiting"_s, QJsonObject{{u"reason"_s, state.waitingReason},
                                                                         {u"message"_s, state.waitingMessage}}}});
            if (state.waitingReason == u"CrashLoopBackOff")
                s.insert(u"lastState"_s, QJsonObject{{u"terminated"_s, QJsonObject{{u"reason"_s, u"Error"_s},
                                                                                    {u"exitCode"_s, 1}}}});
        } else if (state.phase == u"Running") {
            s.insert(u"state"_s, QJsonObject{{u"running"_s, QJsonObject{{u"startedAt"_s, isoTime(testNow().addSecs(-3000))}}}});
        }
        statuses.append(s);
    }
    QJsonArray conditions;
    conditions.append(QJsonObject{{u"type"_s, u"PodScheduled"_s},
                                  {u"status"_s, state.unschedulable ? u"False"_s : u"True"_s},
                                  {u"reason"_s, state.unschedulable ? u"Unschedulable"_s : QString()},
                                  {u"message"_s, state.unschedulableMessage}});
    conditions.append(QJsonObject{{u"type"_s, u"Ready"_s},
                                  {u"status"_s, state.ready && state.waitingReason.isEmpty() ? u"True"_s : u"False"_s}});
    QJsonObject status{{u"phase"_s, state.phase}, {u"conditions"_s, conditions}};
    if (!state.unschedulable)
        status.insert(u"containerStatuses"_s, statuses);
    const QJsonObject spec{{u"containers"_s, containersJson(containers)}, {u"nodeName"_s, u"sim-node-1"_s}};
    return make(u"v1"_s, u"Pod"_s, meta, QJsonObject{{u"spec"_s, spec}, {u"status"_s, status}});
}

KubeObject event(const QString &ns, const QString &name, const QString &involvedKind, const QString &involvedName,
                 const QString &reason, const QString &message, const QString &type)
{
    Meta m;
    m.name = name;
    m.namespaceName = ns;
    return make(u"v1"_s, u"Event"_s, m,
                QJsonObject{{u"involvedObject"_s, QJsonObject{{u"kind"_s, involvedKind},
                                                              {u"namespace"_s, ns},
                                                              {u"name"_s, involvedName}}},
                            {u"reason"_s, reason},
                            {u"message"_s, message},
                            {u"type"_s, type},
                            {u"count"_s, 3},
                            {u"lastTimestamp"_s, isoTime(testNow().addSecs(-30))}});
}

QList<std::pair<QString, QString>> namespaceEnv(const ControlPlaneOptions &o)
{
    QString resources = o.defaultNamespace;
    if (!o.additionalNamespaces.isEmpty())
        resources += u',' + o.additionalNamespaces.join(u',');
    QList<std::pair<QString, QString>> env{{u"FISSION_BUILDER_NAMESPACE"_s, QString()},
                                           {u"FISSION_FUNCTION_NAMESPACE"_s, QString()},
                                           {u"FISSION_DEFAULT_NAMESPACE"_s, o.defaultNamespace},
                                           {u"FISSION_RESOURCE_NAMESPACES"_s, resources}};
    if (o.tenancyMode)
        env.append({u"FISSION_TENANCY_MODE"_s, *o.tenancyMode});
    return env;
}

QStringList controlPlaneComponents(const ControlPlaneOptions &options)
{
    QStringList out;
    for (const ComponentInfo &c : components(options))
        out.append(c.deployment);
    return out;
}

KubeObject controlPlaneDeployment(const ControlPlaneOptions &o, const QString &name, int ready, int updated)
{
    const ComponentInfo c = component(o, name);
    Meta m;
    m.name = c.deployment;
    m.namespaceName = o.releaseNamespace;
    m.labels = c.labels;
    m.labels.insert(u"chart"_s, o.chartLabel);
    return deployment(m, c.labels, {componentContainer(o, c)}, 1, ready, updated);
}

KubeObject controlPlanePod(const ControlPlaneOptions &o, const QString &name, const QString &podName, const PodState &state)
{
    const ComponentInfo c = component(o, name);
    Meta m;
    m.name = podName.isEmpty() ? c.deployment + u"-7c9d8b6f5-x1q2w"_s : podName;
    m.namespaceName = o.releaseNamespace;
    m.labels = c.labels;
    m.labels.insert(u"pod-template-hash"_s, u"7c9d8b6f5"_s);
    return pod(m, {componentContainer(o, c)}, state);
}

QList<KubeObject> controlPlane(const ControlPlaneOptions &o)
{
    QList<KubeObject> out;
    for (const ComponentInfo &c : components(o)) {
        out.append(controlPlaneDeployment(o, c.deployment));
        out.append(controlPlanePod(o, c.deployment, {}));
    }
    return out;
}

KubeObject environment(const QString &ns, const QString &name, const QString &builderImage, int version,
                       const QString &resourceVersion)
{
    Meta m;
    m.name = name;
    m.namespaceName = ns;
    m.resourceVersion = resourceVersion;
    QJsonObject spec{{u"version"_s, version},
                     {u"runtime"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/node-env-22"_s}}},
                     {u"poolsize"_s, 3},
                     {u"keeparchive"_s, false},
                     {u"terminationGracePeriod"_s, 360}};
    if (!builderImage.isEmpty())
        spec.insert(u"builder"_s, QJsonObject{{u"image"_s, builderImage}, {u"command"_s, u"build"_s}});
    return make(u"fission.io/v1"_s, u"Environment"_s, m, QJsonObject{{u"spec"_s, spec}});
}

KubeObject package(const QString &ns, const QString &name, const PackageOptions &o)
{
    Meta m;
    m.name = name;
    m.namespaceName = ns;
    m.created = o.created;
    QJsonObject spec{{u"environment"_s, QJsonObject{{u"namespace"_s, ns}, {u"name"_s, o.environment}}}};
    if (!o.sourceUrl.isEmpty())
        spec.insert(u"source"_s, QJsonObject{{u"type"_s, u"url"_s}, {u"url"_s, o.sourceUrl},
                                             {u"checksum"_s, QJsonObject{{u"type"_s, u"sha256"_s}, {u"sum"_s, u"ab12"_s}}}});
    else if (!o.sourceLiteral.isEmpty())
        spec.insert(u"source"_s, QJsonObject{{u"type"_s, u"literal"_s}, {u"literal"_s, o.sourceLiteral}});
    if (!o.deploymentUrl.isEmpty())
        spec.insert(u"deployment"_s, QJsonObject{{u"type"_s, u"url"_s}, {u"url"_s, o.deploymentUrl},
                                                 {u"checksum"_s, QJsonObject{{u"type"_s, u"sha256"_s}, {u"sum"_s, u"cd34"_s}}}});
    else if (!o.deploymentLiteral.isEmpty())
        spec.insert(u"deployment"_s, QJsonObject{{u"type"_s, u"literal"_s}, {u"literal"_s, o.deploymentLiteral}});
    if (!o.buildCommand.isEmpty())
        spec.insert(u"buildcmd"_s, o.buildCommand);
    QJsonObject body{{u"spec"_s, spec}};
    if (o.buildStatus) {
        QJsonObject status{{u"buildstatus"_s, *o.buildStatus},
                           {u"lastUpdateTimestamp"_s, o.lastUpdate.isValid() ? QJsonValue(isoTime(o.lastUpdate))
                                                                             : QJsonValue(QJsonValue::Null)}};
        if (!o.buildLog.isEmpty())
            status.insert(u"buildlog"_s, o.buildLog);
        if (!o.conditions.isEmpty()) {
            QJsonArray c;
            for (const QJsonObject &x : o.conditions)
                c.append(x);
            status.insert(u"conditions"_s, c);
        }
        body.insert(u"status"_s, status);
    }
    return make(u"fission.io/v1"_s, u"Package"_s, m, body);
}

KubeObject function(const QString &ns, const QString &name, const FunctionOptions &o)
{
    Meta m;
    m.name = name;
    m.namespaceName = ns;
    m.uid = o.uid;
    m.finalizers = o.finalizers;
    QJsonObject spec{
        {u"environment"_s, QJsonObject{{u"namespace"_s, ns}, {u"name"_s, o.environment}}},
        {u"package"_s, QJsonObject{{u"packageref"_s, QJsonObject{{u"namespace"_s, ns},
                                                                 {u"name"_s, o.package.isEmpty() ? name + u"-pkg"_s : o.package},
                                                                 {u"resourceversion"_s, u"1"_s}}},
                                   {u"functionName"_s, u"main"_s}}},
        {u"InvokeStrategy"_s, QJsonObject{{u"StrategyType"_s, u"execution"_s},
                                          {u"ExecutionStrategy"_s, QJsonObject{{u"ExecutorType"_s, o.executorType},
                                                                               {u"MinScale"_s, 0},
                                                                               {u"MaxScale"_s, 3},
                                                                               {u"SpecializationTimeout"_s, 120}}}}},
        {u"functionTimeout"_s, 60},
        {u"concurrency"_s, 500},
        {u"requestsPerPod"_s, 1}};
    if (o.idleTimeout)
        spec.insert(u"idletimeout"_s, *o.idleTimeout);
    return make(u"fission.io/v1"_s, u"Function"_s, m, QJsonObject{{u"spec"_s, spec}});
}

namespace {

QJsonObject functionRef(const QString &function)
{
    return QJsonObject{{u"type"_s, u"name"_s}, {u"name"_s, function}};
}

Meta nsMeta(const QString &ns, const QString &name)
{
    Meta m;
    m.name = name;
    m.namespaceName = ns;
    return m;
}

} // namespace

KubeObject httpTrigger(const QString &ns, const QString &name, const QString &function, const QString &url, const QStringList &methods)
{
    return make(u"fission.io/v1"_s, u"HTTPTrigger"_s, nsMeta(ns, name),
                QJsonObject{{u"spec"_s, QJsonObject{{u"relativeurl"_s, url},
                                                    {u"methods"_s, QJsonArray::fromStringList(methods)},
                                                    {u"functionref"_s, functionRef(function)},
                                                    {u"createingress"_s, false}}}});
}

KubeObject timeTrigger(const QString &ns, const QString &name, const QString &function, const QString &cron)
{
    return make(u"fission.io/v1"_s, u"TimeTrigger"_s, nsMeta(ns, name),
                QJsonObject{{u"spec"_s, QJsonObject{{u"cron"_s, cron}, {u"method"_s, u"POST"_s},
                                                    {u"subpath"_s, u"/"_s}, {u"functionref"_s, functionRef(function)}}}});
}

KubeObject messageQueueTrigger(const QString &ns, const QString &name, const QString &function, const QString &topic)
{
    return make(u"fission.io/v1"_s, u"MessageQueueTrigger"_s, nsMeta(ns, name),
                QJsonObject{{u"spec"_s, QJsonObject{{u"messageQueueType"_s, u"kafka"_s},
                                                    {u"topic"_s, topic},
                                                    {u"respTopic"_s, topic + u"-resp"_s},
                                                    {u"maxRetries"_s, 3},
                                                    {u"contentType"_s, u"application/json"_s},
                                                    {u"mqtkind"_s, u"keda"_s},
                                                    {u"functionref"_s, functionRef(function)}}}});
}

KubeObject watchTrigger(const QString &ns, const QString &name, const QString &function, const QString &type)
{
    return make(u"fission.io/v1"_s, u"KubernetesWatchTrigger"_s, nsMeta(ns, name),
                QJsonObject{{u"spec"_s, QJsonObject{{u"namespace"_s, ns},
                                                    {u"type"_s, type},
                                                    {u"labelselector"_s, QJsonObject{{u"app"_s, u"demo"_s}}},
                                                    {u"functionref"_s, functionRef(function)}}}});
}

QJsonObject condition(const QString &type, const QString &status, const QString &reason, const QString &message)
{
    return QJsonObject{{u"type"_s, type},
                       {u"status"_s, status},
                       {u"reason"_s, reason},
                       {u"message"_s, message},
                       {u"lastTransitionTime"_s, isoTime(testNow().addSecs(-600))}};
}

KubeObject fissionTenant(const QString &name, const QString &tenantNamespace, const QList<QJsonObject> &conditions,
                         const QString &managedBy, const QDateTime &created)
{
    Meta m;
    m.name = name;
    m.created = created;
    m.finalizers = {u"fission.io/tenant-cleanup"_s};
    if (!managedBy.isEmpty())
        m.annotations.insert(u"fission.io/managed-by"_s, managedBy);
    QJsonObject body{{u"spec"_s, QJsonObject{{u"namespace"_s, tenantNamespace}}}};
    if (!conditions.isEmpty()) {
        QJsonArray c;
        for (const QJsonObject &x : conditions)
            c.append(x);
        body.insert(u"status"_s, QJsonObject{{u"observedGeneration"_s, 1}, {u"conditions"_s, c}});
    }
    return make(u"fission.io/v1"_s, u"FissionTenant"_s, m, body);
}

namespace {

QMap<QString, QString> builderLabels(const QString &ns, const QString &env, const QString &rv)
{
    return {{u"owner"_s, u"buildermgr"_s}, {u"envName"_s, env}, {u"envNamespace"_s, ns}, {u"envResourceVersion"_s, rv}};
}

QList<ContainerSpec> builderContainers()
{
    return {{u"builder"_s, u"ghcr.io/fission/node-builder-22"_s, {}}, {u"fetcher"_s, u"ghcr.io/fission/fetcher:v1.20.5"_s, {}}};
}

} // namespace

KubeObject builderDeployment(const QString &ns, const QString &env, const QString &rv, int ready)
{
    Meta m;
    m.name = env + u'-' + rv;
    m.namespaceName = ns;
    m.labels = builderLabels(ns, env, rv);
    return deployment(m, builderLabels(ns, env, rv), builderContainers(), 1, ready);
}

KubeObject builderPod(const QString &ns, const QString &env, const QString &rv, const PodState &state, const QString &podName)
{
    Meta m;
    m.name = podName.isEmpty() ? env + u'-' + rv + u"-6f8d9c7b5-abcde"_s : podName;
    m.namespaceName = ns;
    m.labels = builderLabels(ns, env, rv);
    m.labels.insert(u"pod-template-hash"_s, u"6f8d9c7b5"_s);
    return pod(m, builderContainers(), state);
}

KubeObject functionPod(const QString &ns, const QString &env, const QString &functionName, const QString &functionUid)
{
    Meta m;
    m.name = u"poolmgr-%1-%2-100-7d9c8-qwert"_s.arg(env, ns);
    m.namespaceName = ns;
    m.labels = {{u"environmentName"_s, env},       {u"environmentNamespace"_s, ns}, {u"executorType"_s, u"poolmgr"_s},
                {u"managed"_s, u"false"_s},        {u"functionName"_s, functionName},
                {u"functionNamespace"_s, ns},      {u"functionUid"_s, functionUid}};
    return pod(m, {{env, u"ghcr.io/fission/node-env-22"_s, {}}, {u"fetcher"_s, u"ghcr.io/fission/fetcher:v1.20.5"_s, {}}});
}

QList<KubeObject> healthyTenant(const QString &ns)
{
    QList<KubeObject> out;
    out.append(environment(ns, u"nodejs"_s, u"ghcr.io/fission/node-builder-22"_s, 3, u"100"_s));
    out.append(builderDeployment(ns, u"nodejs"_s, u"100"_s));
    out.append(builderPod(ns, u"nodejs"_s, u"100"_s));
    PackageOptions p;
    p.sourceUrl = u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Ffission-functions%2Fsrc-"_s + ns;
    p.deploymentUrl = u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Ffission-functions%2Fdeploy-"_s + ns;
    p.buildStatus = u"succeeded"_s;
    p.buildLog = u"=== Build started ===\nnpm install\nadded 12 packages\n=== Build succeeded ===\n"_s;
    p.lastUpdate = testNow().addSecs(-3000);
    out.append(package(ns, u"hello-pkg"_s, p));
    FunctionOptions f;
    f.package = u"hello-pkg"_s;
    f.uid = ns + u"-hello-uid"_s;
    out.append(function(ns, u"hello"_s, f));
    out.append(functionPod(ns, u"nodejs"_s, u"hello"_s, f.uid));
    out.append(httpTrigger(ns, u"hello-get"_s, u"hello"_s, u"/"_s + ns + u"/hello"_s));
    out.append(timeTrigger(ns, u"hello-cron"_s, u"hello"_s, u"@every 5m"_s));
    return out;
}

QList<KubeObject> unwatchedTenantContent(const QString &ns)
{
    QList<KubeObject> out;
    out.append(environment(ns, u"nodejs"_s, u"ghcr.io/fission/node-builder-22"_s, 3, u"200"_s));
    PackageOptions p;
    p.sourceLiteral = u"UEsDBBQAAAAIAAAAIQBoZWxsbw=="_s;
    p.buildStatus = u"pending"_s; // the webhook's default; nothing touched it since
    out.append(package(ns, u"hello-pkg"_s, p));
    FunctionOptions f;
    f.package = u"hello-pkg"_s;
    f.uid = ns + u"-hello-uid"_s;
    out.append(function(ns, u"hello"_s, f));
    out.append(httpTrigger(ns, u"hello-get"_s, u"hello"_s, u"/"_s + ns + u"/hello"_s));
    return out;
}

void fill(MemoryClusterState &state, const QList<KubeObject> &objects)
{
    state.markAllComplete();
    state.addObjects(objects);
    QSet<QString> namespaces{u"default"_s, u"kube-system"_s};
    for (const KubeObject &o : objects) {
        if (!o.namespaceName().isEmpty())
            namespaces.insert(o.namespaceName());
    }
    for (const QString &ns : namespaces) {
        if (state.get(kinds::namespaces(), QString(), ns).isNull())
            state.upsert(namespaceObject(ns));
    }
}

HelmReleaseInfo helmRelease(const QString &ns, const QString &name, int revision, const QString &status,
                            const QString &defaultNamespace, const QStringList &additional)
{
    HelmReleaseInfo r;
    r.name = name;
    r.namespaceName = ns;
    for (int i = 1; i <= revision; ++i) {
        HelmRevision rev;
        rev.revision = i;
        rev.status = i == revision ? status : u"superseded"_s;
        rev.chart = u"fission-all-v1.20.5"_s;
        rev.appVersion = u"v1.20.5"_s;
        rev.updated = testNow().addSecs(-7200 + i * 60);
        rev.description = i == 1 ? u"Install complete"_s : u"Upgrade complete"_s;
        r.history.append(rev);
    }
    r.latestRevision = revision;
    r.latestStatus = status;
    r.deployedRevision = status == u"deployed" ? revision : (revision > 1 ? revision - 1 : 0);
    r.chartName = u"fission-all"_s;
    r.chartVersion = u"v1.20.5"_s;
    r.appVersion = u"v1.20.5"_s;
    HelmValuesFacts facts;
    facts.defaultNamespace = defaultNamespace;
    facts.additionalNamespaces = additional;
    r.deployedFacts = facts;
    return r;
}

} // namespace fd::fission::test
