#include "FissionFixture.h"

#include <QHash>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

namespace fd::test {

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject envVar(const QString &name, const QString &value)
{
    return {{u"name"_s, name}, {u"value"_s, value}};
}

QJsonObject metadata(const QString &ns, const QString &name)
{
    return {{u"name"_s, name}, {u"namespace"_s, ns}};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

fd::sim::SimClusterOptions FissionFixture::fastOptions()
{
    fd::sim::SimClusterOptions options;
    options.timing = fd::sim::SimTiming::fast();
    options.fission = fd::sim::FissionTiming::fast();
    return options;
}

QString FissionFixture::fissionPath(const QString &ns, const QString &plural, const QString &name)
{
    QString path = ns.isEmpty() ? u"/apis/fission.io/v1/"_s + plural
                                : QStringLiteral("/apis/fission.io/v1/namespaces/%1/%2").arg(ns, plural);
    if (!name.isEmpty())
        path += QLatin1Char('/') + name;
    return path;
}

QJsonObject FissionFixture::crd(const QString &plural, const QString &kind, const QString &singular,
                                bool clusterScoped, bool statusSubresource)
{
    QJsonObject version{{u"name"_s, u"v1"_s},
                        {u"served"_s, true},
                        {u"storage"_s, true},
                        {u"schema"_s, QJsonObject{{u"openAPIV3Schema"_s, QJsonObject{{u"type"_s, u"object"_s},
                                                                                     {u"x-kubernetes-preserve-unknown-fields"_s, true}}}}}};
    if (statusSubresource)
        version.insert(u"subresources"_s, QJsonObject{{u"status"_s, QJsonObject()}});
    return {{u"apiVersion"_s, u"apiextensions.k8s.io/v1"_s},
            {u"kind"_s, u"CustomResourceDefinition"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, plural + u".fission.io"_s},
                                       {u"labels"_s, QJsonObject{{u"group"_s, u"fission.io"_s}}}}},
            {u"spec"_s, QJsonObject{{u"group"_s, u"fission.io"_s},
                                    {u"scope"_s, clusterScoped ? u"Cluster"_s : u"Namespaced"_s},
                                    {u"names"_s, QJsonObject{{u"plural"_s, plural},
                                                             {u"singular"_s, singular},
                                                             {u"kind"_s, kind},
                                                             {u"listKind"_s, kind + u"List"_s}}},
                                    {u"versions"_s, QJsonArray{version}}}}};
}

bool FissionFixture::installCrds(bool packageStatusSubresource, bool tenants)
{
    QList<QJsonObject> crds{crd(u"environments"_s, u"Environment"_s, u"environment"_s, false, true),
                            crd(u"packages"_s, u"Package"_s, u"package"_s, false, packageStatusSubresource),
                            crd(u"functions"_s, u"Function"_s, u"function"_s, false, true),
                            crd(u"httptriggers"_s, u"HTTPTrigger"_s, u"httptrigger"_s, false, true),
                            crd(u"timetriggers"_s, u"TimeTrigger"_s, u"timetrigger"_s, false, true),
                            crd(u"kuberneteswatchtriggers"_s, u"KubernetesWatchTrigger"_s, u"kuberneteswatchtrigger"_s,
                                false, true),
                            crd(u"messagequeuetriggers"_s, u"MessageQueueTrigger"_s, u"messagequeuetrigger"_s, false,
                                false)};
    if (tenants)
        crds.append(crd(u"fissiontenants"_s, u"FissionTenant"_s, u"fissiontenant"_s, true, true));
    return installCrdObjects(crds)
        && (!tenants || QTest::qWaitFor([&] { return m_cluster.get(fissionPath({}, u"fissiontenants"_s)).status == 200; }, 20000));
}

bool FissionFixture::installCrdObjects(const QList<QJsonObject> &crds)
{
    for (const QJsonObject &definition : crds) {
        const HttpResult result = create(u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions"_s, definition);
        if (result.status != 201) {
            qWarning("CRD %s: %d %s", qPrintable(definition.value("metadata"_L1).toObject().value("name"_L1).toString()),
                     result.status, result.body.constData());
            return false;
        }
    }
    const QStringList served{u"environments"_s, u"packages"_s, u"functions"_s, u"httptriggers"_s};
    return QTest::qWaitFor(
        [&] {
            for (const QString &plural : served) {
                if (m_cluster.get(fissionPath({}, plural)).status != 200)
                    return false;
            }
            return true;
        },
        20000);
}

bool FissionFixture::createNamespace(const QString &name, const QJsonObject &labels)
{
    QJsonObject meta{{u"name"_s, name}};
    if (!labels.isEmpty())
        meta.insert(u"labels"_s, labels);
    const HttpResult result = create(u"/api/v1/namespaces"_s, QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                                                        {u"kind"_s, u"Namespace"_s},
                                                                        {u"metadata"_s, meta}});
    if (result.status != 201 && result.status != 409)
        return false;
    // Pods need the namespace's default ServiceAccount.
    return QTest::qWaitFor([&] { return exists(QStringLiteral("/api/v1/namespaces/%1/serviceaccounts/default").arg(name)); },
                           20000);
}

QStringList FissionFixture::components() const
{
    QStringList names{u"buildermgr"_s, u"executor"_s, u"router"_s, u"kubewatcher"_s, u"timer"_s, u"storagesvc"_s,
                      u"webhook"_s};
    if (m_plane.tenantController)
        names.append(u"tenantcontroller"_s);
    return names;
}

QJsonArray FissionFixture::componentEnv(const QString &component) const
{
    QJsonArray env;
    if (component == "webhook"_L1)
        return env; // the chart gives the webhook no namespace variables
    QStringList resource{m_plane.defaultNamespace};
    resource.append(m_plane.additionalNamespaces);
    env.append(envVar(u"FISSION_BUILDER_NAMESPACE"_s, m_plane.builderNamespace));
    env.append(envVar(u"FISSION_FUNCTION_NAMESPACE"_s, m_plane.functionNamespace));
    env.append(envVar(u"FISSION_DEFAULT_NAMESPACE"_s, m_plane.defaultNamespace));
    env.append(envVar(u"FISSION_RESOURCE_NAMESPACES"_s, resource.join(QLatin1Char(','))));
    if (!m_plane.tenancyMode.isEmpty())
        env.append(envVar(u"FISSION_TENANCY_MODE"_s, m_plane.tenancyMode));
    if (component == "executor"_L1 || component == "buildermgr"_L1) {
        env.append(envVar(u"FETCHER_IMAGE"_s, u"ghcr.io/fission/fetcher:v1.20.5"_s));
        env.append(envVar(u"FETCHER_IMAGE_PULL_POLICY"_s, u"IfNotPresent"_s));
    }
    if (component == "executor"_L1) {
        env.append(envVar(u"ADOPT_EXISTING_RESOURCES"_s, m_plane.adoptExistingResources ? u"true"_s : u"false"_s));
        env.append(envVar(u"POD_READY_TIMEOUT"_s, u"300s"_s));
        if (m_plane.serviceAccountCheck) {
            env.append(envVar(u"SERVICEACCOUNT_CHECK_ENABLED"_s, u"true"_s));
            env.append(envVar(u"SERVICEACCOUNT_CHECK_INTERVAL"_s, u"0"_s));
        }
        env.append(envVar(u"HELM_RELEASE_NAME"_s, u"fission"_s));
    }
    if (component == "router"_L1 || component == "tenantcontroller"_L1) {
        env.append(QJsonObject{{u"name"_s, u"POD_NAMESPACE"_s},
                               {u"valueFrom"_s, QJsonObject{{u"fieldRef"_s, QJsonObject{{u"fieldPath"_s, u"metadata.namespace"_s}}}}}});
    }
    if (component == "tenantcontroller"_L1 && m_plane.internalAuth) {
        env.append(QJsonObject{{u"name"_s, u"FISSION_INTERNAL_AUTH_SECRET"_s},
                               {u"valueFrom"_s, QJsonObject{{u"secretKeyRef"_s, QJsonObject{{u"name"_s, u"fission-internal-auth"_s},
                                                                                          {u"key"_s, u"secret"_s}}}}}});
    }
    return env;
}

QJsonObject FissionFixture::componentDeployment(const QString &component) const
{
    static const QHash<QString, QStringList> args{
        {u"buildermgr"_s, {u"--builderMgr"_s, u"--storageSvcUrl"_s, u"http://storagesvc.fission"_s}},
        {u"executor"_s, {u"--executorPort"_s, u"8888"_s}},
        {u"router"_s, {u"--routerPort"_s, u"8888"_s, u"--executorUrl"_s, u"http://executor.fission"_s}},
        {u"kubewatcher"_s, {u"--kubewatcher"_s, u"--routerUrl"_s, u"http://router.fission"_s}},
        {u"timer"_s, {u"--timer"_s, u"--routerUrl"_s, u"http://router.fission"_s}},
        {u"storagesvc"_s, {u"--storageServicePort"_s, u"8000"_s, u"--storageType"_s, u"local"_s}},
        {u"webhook"_s, {u"--webhookPort"_s, u"9443"_s}},
        {u"tenantcontroller"_s, {u"--tenantController"_s}}};
    const QString svc = component == "webhook"_L1 ? u"webhook-service"_s : component;
    QJsonObject labels{{u"svc"_s, svc}};
    if (component == "router"_L1)
        labels.insert(u"application"_s, u"fission-router"_s);
    QJsonObject deploymentLabels = labels;
    deploymentLabels.insert(u"chart"_s, u"fission-all-v1.20.5"_s);
    QJsonObject container{{u"name"_s, component},
                          {u"image"_s, m_plane.image},
                          {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                          {u"command"_s, QJsonArray{u"/fission-bundle"_s}},
                          {u"args"_s, QJsonArray::fromStringList(args.value(component))},
                          {u"env"_s, componentEnv(component)}};
    if (component == "executor"_L1 || component == "router"_L1) {
        container.insert(u"readinessProbe"_s,
                         QJsonObject{{u"httpGet"_s, QJsonObject{{u"path"_s, component == "router"_L1 ? u"/router-healthz"_s : u"/healthz"_s},
                                                                 {u"port"_s, 8888}}},
                                     {u"initialDelaySeconds"_s, 1},
                                     {u"periodSeconds"_s, 1}});
    }
    QJsonObject meta = metadata(m_plane.releaseNamespace, component);
    meta.insert(u"labels"_s, deploymentLabels);
    return {{u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"Deployment"_s},
            {u"metadata"_s, meta},
            {u"spec"_s, QJsonObject{{u"replicas"_s, 1},
                                    {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                                    {u"template"_s, QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                                                {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{container}}}}}}}}};
}

bool FissionFixture::installControlPlane(const ControlPlane &plane)
{
    m_plane = plane;
    if (!createNamespace(plane.releaseNamespace))
        return false;
    if (plane.internalAuth) {
        const QJsonObject secret{{u"apiVersion"_s, u"v1"_s},
                                 {u"kind"_s, u"Secret"_s},
                                 {u"metadata"_s, metadata(plane.releaseNamespace, u"fission-internal-auth"_s)},
                                 {u"data"_s, QJsonObject{{u"secret"_s, QString::fromLatin1(QByteArray("master-key-for-tests").toBase64())}}}};
        if (create(QStringLiteral("/api/v1/namespaces/%1/secrets").arg(plane.releaseNamespace), secret).status != 201)
            return false;
    }
    const QJsonObject routerService{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Service"_s},
        {u"metadata"_s, metadata(plane.releaseNamespace, u"router"_s)},
        {u"spec"_s, QJsonObject{{u"type"_s, u"ClusterIP"_s},
                                {u"selector"_s, QJsonObject{{u"svc"_s, u"router"_s}}},
                                {u"ports"_s, QJsonArray{QJsonObject{{u"port"_s, 80}, {u"targetPort"_s, 8888}}}}}}};
    if (create(QStringLiteral("/api/v1/namespaces/%1/services").arg(plane.releaseNamespace), routerService).status != 201)
        return false;
    for (const QString &component : components()) {
        const HttpResult result = create(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(plane.releaseNamespace),
                                         componentDeployment(component));
        if (result.status != 201) {
            qWarning("deployment %s: %d %s", qPrintable(component), result.status, result.body.constData());
            return false;
        }
    }
    return waitForRollout();
}

bool FissionFixture::updateComponentEnv(const QString &component, const QString &name, const QString &value)
{
    return update(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(m_plane.releaseNamespace, component),
                  [&](QJsonObject &deployment) {
                      QJsonObject spec = deployment.value("spec"_L1).toObject();
                      QJsonObject podTemplate = spec.value("template"_L1).toObject();
                      QJsonObject podSpec = podTemplate.value("spec"_L1).toObject();
                      QJsonArray containers = podSpec.value("containers"_L1).toArray();
                      QJsonObject container = containers.first().toObject();
                      QJsonArray env = container.value("env"_L1).toArray();
                      bool found = false;
                      for (qsizetype i = 0; i < env.size(); ++i) {
                          if (env.at(i).toObject().value("name"_L1).toString() == name) {
                              env.replace(i, envVar(name, value));
                              found = true;
                          }
                      }
                      if (!found)
                          env.append(envVar(name, value));
                      container.insert(u"env"_s, env);
                      containers.replace(0, container);
                      podSpec.insert(u"containers"_s, containers);
                      podTemplate.insert(u"spec"_s, podSpec);
                      spec.insert(u"template"_s, podTemplate);
                      deployment.insert(u"spec"_s, spec);
                  });
}

bool FissionFixture::setAdditionalNamespaces(const QStringList &namespaces)
{
    m_plane.additionalNamespaces = namespaces;
    QStringList resource{m_plane.defaultNamespace};
    resource.append(namespaces);
    for (const QString &component : components()) {
        if (component == "webhook"_L1)
            continue;
        if (!updateComponentEnv(component, u"FISSION_RESOURCE_NAMESPACES"_s, resource.join(QLatin1Char(','))))
            return false;
    }
    return true;
}

bool FissionFixture::scaleComponent(const QString &component, int replicas)
{
    return update(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(m_plane.releaseNamespace, component),
                  [replicas](QJsonObject &deployment) {
                      QJsonObject spec = deployment.value("spec"_L1).toObject();
                      spec.insert(u"replicas"_s, replicas);
                      deployment.insert(u"spec"_s, spec);
                  });
}

bool deploymentRolledOut(const QJsonObject &deployment)
{
    const QJsonObject status = deployment.value("status"_L1).toObject();
    const QJsonObject metadata = deployment.value("metadata"_L1).toObject();
    const int replicas = deployment.value("spec"_L1).toObject().value("replicas"_L1).toInt(1);
    return status.value("observedGeneration"_L1).toInteger() == metadata.value("generation"_L1).toInteger()
        && status.value("replicas"_L1).toInt() == replicas && status.value("updatedReplicas"_L1).toInt() == replicas
        && status.value("readyReplicas"_L1).toInt() == replicas
        && status.value("availableReplicas"_L1).toInt() == replicas;
}

bool FissionFixture::waitForRollout(int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            for (const QString &component : components()) {
                const QJsonObject deployment =
                    get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(m_plane.releaseNamespace, component));
                if (!deploymentRolledOut(deployment))
                    return false;
                // Old pods gone too: exactly the wanted number of pods remain.
                const int replicas = deployment.value("spec"_L1).toObject().value("replicas"_L1).toInt(1);
                const QString svc = component == "webhook"_L1 ? u"webhook-service"_s : component;
                if (list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(m_plane.releaseNamespace), u"svc="_s + svc).size()
                    != replicas)
                    return false;
            }
            return true;
        },
        timeoutMs);
}

QJsonObject FissionFixture::environment(const QString &ns, const QString &name, const QString &runtimeImage,
                                        const QString &builderImage, int poolsize)
{
    QJsonObject spec{{u"version"_s, builderImage.isEmpty() ? 1 : (poolsize >= 0 ? 3 : 2)},
                     {u"runtime"_s, QJsonObject{{u"image"_s, runtimeImage}}},
                     {u"terminationGracePeriod"_s, 360}};
    if (!builderImage.isEmpty())
        spec.insert(u"builder"_s, QJsonObject{{u"image"_s, builderImage}, {u"command"_s, u"build"_s}});
    if (poolsize >= 0) {
        spec.insert(u"version"_s, 3);
        spec.insert(u"poolsize"_s, poolsize);
    }
    return {{u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"Environment"_s},
            {u"metadata"_s, metadata(ns, name)},
            {u"spec"_s, spec}};
}

QJsonObject FissionFixture::sourcePackage(const QString &ns, const QString &name, const QString &env,
                                          const QString &buildcmd)
{
    QJsonObject spec{{u"environment"_s, QJsonObject{{u"namespace"_s, ns}, {u"name"_s, env}}},
                     {u"source"_s, QJsonObject{{u"type"_s, u"literal"_s},
                                               {u"literal"_s, QString::fromLatin1(QByteArray("PK\x03\x04 source").toBase64())}}},
                     {u"deployment"_s, QJsonObject{{u"checksum"_s, QJsonObject()}}}};
    if (!buildcmd.isEmpty())
        spec.insert(u"buildcmd"_s, buildcmd);
    return {{u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"Package"_s},
            {u"metadata"_s, metadata(ns, name)},
            {u"spec"_s, spec}};
}

QJsonObject FissionFixture::deployPackage(const QString &ns, const QString &name, const QString &env)
{
    return {{u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"Package"_s},
            {u"metadata"_s, metadata(ns, name)},
            {u"spec"_s, QJsonObject{{u"environment"_s, QJsonObject{{u"namespace"_s, ns}, {u"name"_s, env}}},
                                    {u"deployment"_s, QJsonObject{{u"type"_s, u"literal"_s},
                                                                  {u"literal"_s, QString::fromLatin1(QByteArray("module.exports = 1").toBase64())}}}}}};
}

QJsonObject FissionFixture::function(const QString &ns, const QString &name, const QString &env,
                                     const QString &package, const QString &executorType)
{
    QJsonObject strategy{{u"ExecutorType"_s, executorType.isEmpty() ? u"poolmgr"_s : executorType},
                         {u"MinScale"_s, 0},
                         {u"MaxScale"_s, 1},
                         {u"SpecializationTimeout"_s, 120}};
    return {{u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"Function"_s},
            {u"metadata"_s, metadata(ns, name)},
            {u"spec"_s, QJsonObject{{u"environment"_s, QJsonObject{{u"namespace"_s, ns}, {u"name"_s, env}}},
                                    {u"package"_s, QJsonObject{{u"functionName"_s, u"handler"_s},
                                                               {u"packageref"_s, QJsonObject{{u"namespace"_s, ns}, {u"name"_s, package}}}}},
                                    {u"InvokeStrategy"_s, QJsonObject{{u"StrategyType"_s, u"execution"_s},
                                                                      {u"ExecutionStrategy"_s, strategy}}},
                                    {u"functionTimeout"_s, 60},
                                    {u"concurrency"_s, 500},
                                    {u"requestsPerPod"_s, 1}}}};
}

QJsonObject FissionFixture::httpTrigger(const QString &ns, const QString &name, const QString &function,
                                        const QString &url, const QStringList &methods)
{
    return {{u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"HTTPTrigger"_s},
            {u"metadata"_s, metadata(ns, name)},
            {u"spec"_s, QJsonObject{{u"relativeurl"_s, url},
                                    {u"methods"_s, QJsonArray::fromStringList(methods.isEmpty() ? QStringList{u"GET"_s} : methods)},
                                    {u"functionref"_s, QJsonObject{{u"type"_s, u"name"_s}, {u"name"_s, function}}}}}};
}

HttpResult FissionFixture::create(const QString &collectionPath, const QJsonObject &object)
{
    return m_cluster.post(collectionPath, object);
}

QJsonObject FissionFixture::get(const QString &path)
{
    const HttpResult result = m_cluster.get(path);
    return result.status == 200 ? result.json() : QJsonObject();
}

bool FissionFixture::exists(const QString &path)
{
    return m_cluster.get(path).status == 200;
}

QList<QJsonObject> FissionFixture::list(const QString &collectionPath, const QString &labelSelector)
{
    QString path = collectionPath;
    if (!labelSelector.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(u"labelSelector"_s, labelSelector);
        path += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    }
    QList<QJsonObject> items;
    for (const QJsonValue &item : m_cluster.get(path).json().value("items"_L1).toArray())
        items.append(item.toObject());
    return items;
}

bool FissionFixture::update(const QString &path, const std::function<void(QJsonObject &)> &change)
{
    for (int attempt = 0; attempt < 10; ++attempt) {
        const HttpResult current = m_cluster.get(path);
        if (current.status != 200)
            return false;
        QJsonObject object = current.json();
        change(object);
        const HttpResult result = m_cluster.request("PUT", path, compact(object));
        if (result.status == 200)
            return true;
        if (result.status != 409) {
            qWarning("PUT %s: %d %s", qPrintable(path), result.status, result.body.constData());
            return false;
        }
    }
    return false;
}

bool FissionFixture::remove(const QString &path)
{
    const int status = m_cluster.request("DELETE", path).status;
    return status == 200 || status == 202;
}

QString FissionFixture::logs(const QString &ns, const QString &pod, const QString &container)
{
    const HttpResult result =
        m_cluster.get(QStringLiteral("/api/v1/namespaces/%1/pods/%2/log?container=%3").arg(ns, pod, container));
    return result.status == 200 ? QString::fromUtf8(result.body) : QString();
}

HttpResult FissionFixture::invoke(const QString &path, const QByteArray &method)
{
    return m_cluster.request(method,
                             QStringLiteral("/api/v1/namespaces/%1/services/router:80/proxy%2").arg(m_plane.releaseNamespace, path),
                             {}, {});
}

QString FissionFixture::packageStatus(const QString &ns, const QString &name)
{
    return get(fissionPath(ns, u"packages"_s, name)).value("status"_L1).toObject().value("buildstatus"_L1).toString();
}

} // namespace fd::test
