// The chart's workloads: the control-plane Deployments (what the Fission simulator and the
// app discover by their `svc` labels and read the FISSION_* env from), their Services, and
// the hook Jobs. Labels, container names, images, args, ports and env follow what
// fission-all renders with its default values (fission-reference.md §3).
#include "sim/fissioninstall/ChartParts.h"

#include <QRandomGenerator>

namespace fd::sim::fissioninstall::detail {

using namespace Qt::StringLiterals;

namespace {

QJsonObject env(const QString &name, const QString &value)
{
    return {{u"name"_s, name}, {u"value"_s, value}};
}

QJsonObject fieldEnv(const QString &name, const QString &fieldPath)
{
    return {{u"name"_s, name}, {u"valueFrom"_s, QJsonObject{{u"fieldRef"_s, QJsonObject{{u"fieldPath"_s, fieldPath}}}}}};
}

QJsonObject secretEnv(const QString &name, const QString &secret, const QString &key, bool optional = false)
{
    QJsonObject ref{{u"name"_s, secret}, {u"key"_s, key}};
    if (optional)
        ref.insert(u"optional"_s, true);
    return {{u"name"_s, name}, {u"valueFrom"_s, QJsonObject{{u"secretKeyRef"_s, ref}}}};
}

void append(QJsonArray &to, const QJsonArray &more)
{
    for (const QJsonValue &value : more)
        to.append(value);
}

QJsonObject port(int number, const QString &name)
{
    return {{u"containerPort"_s, number}, {u"name"_s, name}};
}

QJsonObject httpProbe(const QString &path, int port, int initialDelay, int period, int failureThreshold = 0)
{
    QJsonObject probe{{u"httpGet"_s, QJsonObject{{u"path"_s, path}, {u"port"_s, port}}},
                      {u"initialDelaySeconds"_s, initialDelay},
                      {u"periodSeconds"_s, period}};
    if (failureThreshold > 0)
        probe.insert(u"failureThreshold"_s, failureThreshold);
    return probe;
}

QJsonObject podSecurityContext()
{
    return {{u"fsGroup"_s, 10001}, {u"runAsGroup"_s, 10001}, {u"runAsNonRoot"_s, true}, {u"runAsUser"_s, 10001}};
}

QJsonObject prometheusAnnotations()
{
    return {{u"prometheus.io/scrape"_s, u"true"_s}, {u"prometheus.io/path"_s, u"/metrics"_s}, {u"prometheus.io/port"_s, u"8080"_s}};
}

QJsonObject rollingUpdate(const QJsonValue &maxSurge, const QJsonValue &maxUnavailable)
{
    return {{u"type"_s, u"RollingUpdate"_s},
            {u"rollingUpdate"_s, QJsonObject{{u"maxSurge"_s, maxSurge}, {u"maxUnavailable"_s, maxUnavailable}}}};
}

struct DeploymentShape {
    QString name;
    QJsonObject labels;          // metadata labels besides `chart`
    QJsonObject selector;        // spec.selector.matchLabels
    QJsonObject templateLabels;
    QJsonObject templateAnnotations;
    int replicas = 1;
    QJsonObject strategy;
    QJsonObject podSpec;         // without containers
    QJsonObject container;
};

class WorkloadRenderer {
public:
    WorkloadRenderer(const RenderContext &context, QList<ChartObject> &out)
        : m_ctx(context), m_values(context.values), m_out(out), m_modern(context.modern())
    {
    }

    void render()
    {
        if (m_values.analytics) {
            add(u"analytics/post-install-job.yaml"_s, reporterJob(u"install"_s));
            add(u"analytics/post-upgrade-job.yaml"_s, reporterJob(u"upgrade"_s));
        }
        add(u"buildermgr/deployment.yaml"_s, buildermgr());
        add(u"executor/deployment.yaml"_s, executor());
        add(u"executor/svc.yaml"_s, service(u"executor"_s, {{u"svc"_s, u"executor"_s}}, u"ClusterIP"_s,
                                            {QJsonObject{{u"port"_s, 80}, {u"targetPort"_s, 8888}}}, {{u"svc"_s, u"executor"_s}}));
        add(u"kubewatcher/deployment.yaml"_s, triggerComponent(u"kubewatcher"_s, u"--kubewatcher"_s));
        add(u"mqt-keda/deployment.yaml"_s, keda());
        if (m_values.preUpgradeChecks)
            add(u"pre-upgrade-checks/pre-upgrade-job.yaml"_s, preUpgradeJob());
        add(u"router/deployment.yaml"_s, router());
        if (m_modern) {
            add(u"router/pdb.yaml"_s, disruptionBudget(u"router"_s,
                                                       {{u"svc"_s, u"router"_s}, {u"application"_s, u"fission-router"_s}},
                                                       {{u"application"_s, u"fission-router"_s}, {u"svc"_s, u"router"_s}}));
        }
        const QJsonObject routerLabels{{u"svc"_s, u"router"_s}, {u"application"_s, u"fission-router"_s}};
        QJsonObject routerPort{{u"port"_s, 80}, {u"targetPort"_s, 8888}};
        if (m_modern)
            routerPort.insert(u"name"_s, u"http"_s);
        add(u"router/svc.yaml"_s, service(u"router"_s, routerLabels, u"LoadBalancer"_s, {routerPort}, {{u"svc"_s, u"router"_s}}));
        if (m_modern) {
            add(u"router/svc.yaml"_s,
                service(u"router-internal"_s, {{u"svc"_s, u"router-internal"_s}, {u"application"_s, u"fission-router"_s}},
                        u"ClusterIP"_s,
                        {QJsonObject{{u"name"_s, u"internal"_s}, {u"port"_s, 8889}, {u"targetPort"_s, 8889}}},
                        {{u"svc"_s, u"router"_s}}));
        }
        add(u"storagesvc/deployment.yaml"_s, storagesvc());
        add(u"storagesvc/svc.yaml"_s, service(u"storagesvc"_s, {{u"svc"_s, u"storagesvc"_s}, {u"application"_s, u"fission-storage"_s}},
                                              u"ClusterIP"_s, {QJsonObject{{u"port"_s, 80}, {u"targetPort"_s, 8000}}},
                                              {{u"svc"_s, u"storagesvc"_s}}));
        if (m_ctx.tenantController()) {
            add(u"tenant-controller/deployment.yaml"_s, tenantController());
            if (m_values.tenancyMode == "dynamic"_L1 && m_values.tenantControllerSeedExistingNamespaces)
                add(u"tenant-controller/migration-job.yaml"_s, seedJob());
        }
        add(u"timer/deployment.yaml"_s, triggerComponent(u"timer"_s, u"--timer"_s));
        add(u"webhook-server/deployment.yaml"_s, webhook());
        if (m_modern) {
            add(u"webhook-server/pdb.yaml"_s,
                disruptionBudget(u"fission-webhook"_s,
                                 {{u"svc"_s, u"webhook-service"_s}, {u"application"_s, u"fission-webhook"_s}},
                                 {{u"svc"_s, u"webhook-service"_s}, {u"application"_s, u"fission-webhook"_s}}));
        }
        add(u"webhook-server/webhook-service.yaml"_s,
            service(u"webhook-service"_s, {{u"svc"_s, u"webhook-service"_s}, {u"application"_s, u"fission-webhook"_s}},
                    u"ClusterIP"_s, {QJsonObject{{u"port"_s, 443}, {u"targetPort"_s, 9443}}}, {{u"svc"_s, u"webhook-service"_s}}));
    }

private:
    void add(const QString &path, const QJsonObject &object) { m_out.append({m_ctx.source(path), object}); }

    QString chartLabel() const { return m_ctx.chart.chartLabel(); }
    QString bundleImage() const { return m_values.bundleImage(); }
    QString releaseUrl(const QString &service) const { return u"http://"_s + service + QLatin1Char('.') + m_values.releaseNamespace; }

    // `fission-resource-namespace.envs`: what every watching component reads at start-up.
    QJsonArray namespaceEnv() const
    {
        const QStringList watched = m_values.watchedNamespaces();
        QJsonArray list{env(u"FISSION_BUILDER_NAMESPACE"_s, m_values.builderNamespace),
                        env(u"FISSION_FUNCTION_NAMESPACE"_s, m_values.functionNamespace),
                        env(u"FISSION_DEFAULT_NAMESPACE"_s, m_values.defaultNamespace),
                        env(u"FISSION_RESOURCE_NAMESPACES"_s, watched.join(QLatin1Char(',')))};
        if (m_modern)
            list << env(u"FISSION_TENANCY_MODE"_s, m_values.tenancyMode);
        return list;
    }

    static QJsonArray kubeClientEnv()
    {
        return {env(u"KUBE_CLIENT_QPS"_s, u"200"_s), env(u"KUBE_CLIENT_BURST"_s, u"500"_s)};
    }

    QJsonArray telemetryEnv() const
    {
        QJsonArray list{env(u"OTEL_EXPORTER_OTLP_ENDPOINT"_s, QString()), env(u"OTEL_EXPORTER_OTLP_INSECURE"_s, u"true"_s)};
        if (m_modern)
            list << env(u"OTEL_LOGS_ENABLED"_s, u"false"_s);
        list << env(u"OTEL_TRACES_SAMPLER"_s, u"parentbased_traceidratio"_s) << env(u"OTEL_TRACES_SAMPLER_ARG"_s, u"0.1"_s)
             << env(u"OTEL_PROPAGATORS"_s, u"tracecontext,baggage"_s);
        if (m_modern)
            list << env(u"OTEL_METRICS_EXPORTER"_s, u"prometheus"_s);
        return list;
    }

    // main: the HMAC master every internal caller signs with (internalAuth.enabled).
    QJsonArray internalAuthEnv() const
    {
        if (!m_modern || !m_values.internalAuthEnabled)
            return {};
        return {secretEnv(u"FISSION_INTERNAL_AUTH_SECRET"_s, u"fission-internal-auth"_s, u"secret"_s),
                secretEnv(u"FISSION_INTERNAL_AUTH_SECRET_OLD"_s, u"fission-internal-auth"_s, u"oldSecret"_s, true),
                env(u"FISSION_INTERNAL_AUTH_SECRET_NAME"_s, u"fission-internal-auth"_s)};
    }

    QJsonArray standardTail() const
    {
        QJsonArray list = namespaceEnv();
        append(list, kubeClientEnv());
        append(list, telemetryEnv());
        return list;
    }

    QJsonArray leaderEnv(bool namespaceFirst) const
    {
        QJsonArray list;
        if (namespaceFirst)
            list << fieldEnv(u"POD_NAMESPACE"_s, u"metadata.namespace"_s);
        list << env(u"LEADER_ELECTION_ENABLED"_s, u"false"_s) << fieldEnv(u"POD_NAME"_s, u"metadata.name"_s);
        if (!namespaceFirst)
            list << fieldEnv(u"POD_NAMESPACE"_s, u"metadata.namespace"_s);
        return list;
    }

    QString fetcherImage() const
    {
        // 1.20 passes the fetcher image without the registry; main prefixes the repository.
        const QString name = m_modern && !m_values.repository.isEmpty()
                                 ? m_values.repository + QLatin1Char('/') + m_values.fetcherImage
                                 : m_values.fetcherImage;
        return m_values.fetcherImageTag.isEmpty() ? name : name + QLatin1Char(':') + m_values.fetcherImageTag;
    }

    QJsonArray fetcherEnv() const
    {
        return {env(u"FETCHER_IMAGE"_s, fetcherImage()), env(u"FETCHER_IMAGE_PULL_POLICY"_s, u"IfNotPresent"_s)};
    }

    QJsonArray fetcherResourceEnv() const
    {
        return {env(u"ENABLE_ISTIO"_s, u"false"_s), env(u"FETCHER_MINCPU"_s, u"10m"_s), env(u"FETCHER_MINMEM"_s, u"16Mi"_s),
                env(u"FETCHER_MAXCPU"_s, QString()), env(u"FETCHER_MAXMEM"_s, QString())};
    }

    QJsonObject bundleContainer(const QString &name, const QStringList &args, const QJsonArray &envList) const
    {
        QJsonObject container{{u"name"_s, name},
                              {u"image"_s, bundleImage()},
                              {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                              {u"command"_s, QJsonArray{u"/fission-bundle"_s}},
                              {u"args"_s, QJsonArray::fromStringList(args)},
                              {u"resources"_s, QJsonObject()},
                              {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
                              {u"terminationMessagePolicy"_s, u"File"_s}};
        if (!envList.isEmpty())
            container.insert(u"env"_s, envList);
        return container;
    }

    QJsonObject deployment(const DeploymentShape &shape) const
    {
        QJsonObject labels{{u"chart"_s, chartLabel()}};
        for (auto it = shape.labels.begin(); it != shape.labels.end(); ++it)
            labels.insert(it.key(), it.value());
        QJsonObject templateMeta{{u"labels"_s, shape.templateLabels}};
        if (!shape.templateAnnotations.isEmpty())
            templateMeta.insert(u"annotations"_s, shape.templateAnnotations);
        QJsonObject podSpec = shape.podSpec;
        podSpec.insert(u"containers"_s, QJsonArray{shape.container});
        QJsonObject spec{{u"replicas"_s, shape.replicas},
                         {u"selector"_s, QJsonObject{{u"matchLabels"_s, shape.selector}}},
                         {u"template"_s, QJsonObject{{u"metadata"_s, templateMeta}, {u"spec"_s, podSpec}}}};
        if (!shape.strategy.isEmpty())
            spec.insert(u"strategy"_s, shape.strategy);
        return {{u"apiVersion"_s, u"apps/v1"_s},
                {u"kind"_s, u"Deployment"_s},
                {u"metadata"_s, metadata(shape.name, {}, labels)},
                {u"spec"_s, spec}};
    }

    QJsonObject securedPod(const QString &serviceAccount) const
    {
        return {{u"securityContext"_s, podSecurityContext()}, {u"serviceAccountName"_s, serviceAccount}};
    }

    QJsonObject buildermgr() const
    {
        QJsonArray envList;
        if (m_modern) {
            envList << fieldEnv(u"POD_NAMESPACE"_s, u"metadata.namespace"_s) << env(u"LEADER_ELECTION_ENABLED"_s, u"false"_s)
                    << fieldEnv(u"POD_NAME"_s, u"metadata.name"_s) << env(u"CLUSTER_DOMAIN"_s, u"cluster.local"_s);
        }
        append(envList, fetcherEnv());
        envList << env(u"BUILDER_IMAGE_PULL_POLICY"_s, u"IfNotPresent"_s);
        append(envList, fetcherResourceEnv());
        envList << env(u"DEBUG_ENV"_s, u"false"_s) << env(u"DISABLE_OWNER_REFERENCES"_s, boolText(m_values.disableOwnerReference))
                << env(u"PPROF_ENABLED"_s, u"false"_s) << env(u"HELM_RELEASE_NAME"_s, m_values.releaseName);
        append(envList, standardTail());
        append(envList, internalAuthEnv());
        QJsonObject container = bundleContainer(u"buildermgr"_s,
                                                {u"--builderMgr"_s, u"--storageSvcUrl"_s, releaseUrl(u"storagesvc"_s)}, envList);
        QJsonArray ports{port(8080, u"metrics"_s)};
        if (m_modern) {
            ports << port(8081, u"health"_s);
            container.insert(u"livenessProbe"_s, httpProbe(u"/healthz"_s, 8081, 5, 10));
            container.insert(u"readinessProbe"_s, httpProbe(u"/readyz"_s, 8081, 1, 5, 30));
        }
        container.insert(u"ports"_s, ports);
        const QJsonObject svc{{u"svc"_s, u"buildermgr"_s}};
        return deployment({u"buildermgr"_s, svc, svc, svc, prometheusAnnotations(), 1, {}, securedPod(u"fission-buildermgr"_s),
                           container});
    }

    static QString boolText(bool value) { return value ? u"true"_s : u"false"_s; }

    QJsonObject executor() const
    {
        QJsonArray envList;
        if (m_modern)
            append(envList, leaderEnv(false));
        append(envList, fetcherEnv());
        envList << env(u"RUNTIME_IMAGE_PULL_POLICY"_s, u"IfNotPresent"_s)
                << env(u"ADOPT_EXISTING_RESOURCES"_s, boolText(m_values.adoptExistingResources));
        if (m_modern)
            envList << env(u"CLUSTER_DOMAIN"_s, u"cluster.local"_s) << env(u"FINALIZER_ENABLED"_s, u"true"_s);
        envList << env(u"POD_READY_TIMEOUT"_s, u"300s"_s);
        append(envList, fetcherResourceEnv());
        if (m_modern) {
            envList << env(u"ENABLE_OCI_IMAGE_VOLUME"_s, u"true"_s) << env(u"OCI_POOL_IDLE_REAP_TIME"_s, u"5m"_s)
                    << env(u"ENABLE_FUNCTION_SERVICES"_s, u"true"_s);
        }
        envList << env(u"DEBUG_ENV"_s, u"false"_s) << env(u"PPROF_ENABLED"_s, u"false"_s)
                << env(u"OBJECT_REAPER_INTERVAL"_s, u"5"_s) << env(u"SERVICEACCOUNT_CHECK_ENABLED"_s, u"true"_s)
                << env(u"SERVICEACCOUNT_CHECK_INTERVAL"_s, u"0"_s)
                << env(u"DISABLE_OWNER_REFERENCES"_s, boolText(m_values.disableOwnerReference));
        append(envList, namespaceEnv());
        append(envList, kubeClientEnv());
        envList << env(u"HELM_RELEASE_NAME"_s, m_values.releaseName);
        append(envList, telemetryEnv());
        append(envList, internalAuthEnv());
        QJsonObject container = bundleContainer(u"executor"_s, {u"--executorPort"_s, u"8888"_s}, envList);
        container.insert(u"readinessProbe"_s, httpProbe(m_modern ? u"/readyz"_s : u"/healthz"_s, 8888, 1, 1, 30));
        container.insert(u"livenessProbe"_s, httpProbe(u"/healthz"_s, 8888, 35, 5));
        container.insert(u"ports"_s, QJsonArray{port(8080, u"metrics"_s), port(8888, u"http"_s)});
        const QJsonObject svc{{u"svc"_s, u"executor"_s}};
        return deployment({u"executor"_s, svc, svc, svc, prometheusAnnotations(), 1,
                           m_modern ? rollingUpdate(0, 1) : QJsonObject(), securedPod(u"fission-executor"_s), container});
    }

    // kubewatcher and timer: router clients with no ports of their own.
    QJsonObject triggerComponent(const QString &name, const QString &flag) const
    {
        QJsonArray envList;
        if (m_modern)
            append(envList, leaderEnv(true));
        envList << env(u"DEBUG_ENV"_s, u"false"_s) << env(u"PPROF_ENABLED"_s, u"false"_s);
        if (m_modern)
            envList << env(u"ROUTER_INTERNAL_URL"_s, routerInternalUrl());
        append(envList, standardTail());
        append(envList, internalAuthEnv());
        const QJsonObject container = bundleContainer(name, {flag, u"--routerUrl"_s, releaseUrl(u"router"_s)}, envList);
        const QJsonObject svc{{u"svc"_s, name}};
        return deployment({name, svc, svc, svc, {}, 1, {}, securedPod(u"fission-"_s + name), container});
    }

    QString routerInternalUrl() const
    {
        return u"http://router-internal."_s + m_values.releaseNamespace + u":8889"_s;
    }

    QJsonObject keda() const
    {
        struct Connector {
            const char *variable;
            const char *image;
            const char *tag120;
            const char *tagModern;
        };
        static const Connector connectors[] = {
            {"KAFKA_IMAGE", "keda-kafka-http-connector", "v0.17", "v0.20"},
            {"RABBITMQ_IMAGE", "keda-rabbitmq-http-connector", "v0.15", "v0.17"},
            {"AWS-KINESIS-STREAM_IMAGE", "keda-aws-kinesis-http-connector", "v0.15", "v0.19"},
            {"AWS-SQS-QUEUE_IMAGE", "keda-aws-sqs-http-connector", "v0.16", "v0.20"},
            {"STAN_IMAGE", "keda-nats-streaming-http-connector", "v0.18", "v0.20"},
            {"NATS-JETSTREAM_IMAGE", "keda-nats-jetstream-http-connector", "v0.9", "v0.12"},
            {"GCP-PUBSUB_IMAGE", "keda-gcp-pubsub-http-connector", "v0.11", "v0.14"},
            {"REDIS_IMAGE", "keda-redis-http-connector", "v0.8", "v0.10"},
        };
        QJsonArray envList;
        if (m_modern)
            append(envList, leaderEnv(true));
        envList << env(u"DEBUG_ENV"_s, u"false"_s);
        if (m_modern)
            envList << env(u"ROUTER_INTERNAL_URL"_s, routerInternalUrl());
        envList << env(u"CONNECTOR_IMAGE_PULL_POLICY"_s, u"IfNotPresent"_s);
        for (const Connector &connector : connectors) {
            envList << env(QString::fromLatin1(connector.variable),
                           u"ghcr.io/fission/"_s + QString::fromLatin1(connector.image) + QLatin1Char(':')
                               + QString::fromLatin1(m_modern ? connector.tagModern : connector.tag120));
        }
        append(envList, standardTail());
        const QJsonObject container = bundleContainer(u"mqtrigger-keda"_s,
                                                      {u"--mqt_keda"_s, u"--routerUrl"_s, releaseUrl(u"router"_s)}, envList);
        const QJsonObject labels{{u"svc"_s, u"mqtrigger-keda"_s}, {u"messagequeue"_s, u"keda"_s}};
        return deployment({u"mqtrigger-keda"_s, labels, labels, labels, {}, 1, {},
                           QJsonObject{{u"serviceAccountName"_s, u"fission-keda"_s}}, container});
    }

    QJsonObject router() const
    {
        QJsonArray envList{fieldEnv(u"POD_NAMESPACE"_s, u"metadata.namespace"_s)};
        if (m_modern)
            envList << env(u"GRACEFUL_SHUTDOWN_TIMEOUT"_s, u"75s"_s);
        envList << env(u"ROUTER_ROUND_TRIP_TIMEOUT"_s, u"50ms"_s) << env(u"ROUTER_ROUNDTRIP_TIMEOUT_EXPONENT"_s, u"2"_s)
                << env(u"ROUTER_ROUND_TRIP_KEEP_ALIVE_TIME"_s, u"30s"_s)
                // 1.20's template reads `disableKeepAlive | default true`, so false renders as true.
                << env(u"ROUTER_ROUND_TRIP_DISABLE_KEEP_ALIVE"_s, m_modern ? u"false"_s : u"true"_s);
        if (m_modern)
            envList << env(u"ROUTER_ROUND_TRIP_MAX_IDLE_CONNS_PER_HOST"_s, u"256"_s);
        envList << env(u"ROUTER_ROUND_TRIP_MAX_RETRIES"_s, u"10"_s) << env(u"ROUTER_SVC_ADDRESS_MAX_RETRIES"_s, u"5"_s)
                << env(u"ROUTER_SVC_ADDRESS_UPDATE_TIMEOUT"_s, u"30s"_s) << env(u"ROUTER_UNTAP_SERVICE_TIMEOUT"_s, u"3600s"_s);
        if (m_modern) {
            envList << env(u"ROUTER_ENDPOINTSLICE_CACHE_MODE"_s, u"on"_s)
                    << env(u"ROUTER_ENDPOINTSLICE_ENDPOINT_LB"_s, u"false"_s);
        }
        envList << env(u"USE_ENCODED_PATH"_s, u"false"_s) << env(u"DEBUG_ENV"_s, u"false"_s) << env(u"PPROF_ENABLED"_s, u"false"_s)
                << env(u"DISPLAY_ACCESS_LOG"_s, u"false"_s);
        if (m_modern)
            envList << env(u"GATEWAY_API_ENABLED"_s, u"false"_s);
        append(envList, standardTail());
        append(envList, internalAuthEnv());
        QStringList args{u"--routerPort"_s, u"8888"_s};
        if (m_modern)
            args << u"--routerInternalPort"_s << u"8889"_s << u"--executorUrl"_s
                 << u"http://executor."_s + m_values.releaseNamespace + u".svc.cluster.local."_s;
        else
            args << u"--executorUrl"_s << releaseUrl(u"executor"_s);
        QJsonObject container = bundleContainer(u"router"_s, args, envList);
        container.insert(u"readinessProbe"_s, httpProbe(m_modern ? u"/readyz"_s : u"/router-healthz"_s, 8888, 1, 1, 30));
        container.insert(u"livenessProbe"_s, httpProbe(u"/router-healthz"_s, 8888, 35, 5));
        container.insert(u"volumeMounts"_s, QJsonArray{QJsonObject{{u"name"_s, u"config-volume"_s},
                                                                   {u"mountPath"_s, u"/etc/config/config.yaml"_s},
                                                                   {u"subPath"_s, u"config.yaml"_s}}});
        QJsonArray ports{port(8080, u"metrics"_s), port(8888, u"http"_s)};
        if (m_modern) {
            ports << port(8889, u"internal"_s);
            container.insert(u"lifecycle"_s,
                             QJsonObject{{u"preStop"_s, QJsonObject{{u"sleep"_s, QJsonObject{{u"seconds"_s, 5}}}}}});
        }
        container.insert(u"ports"_s, ports);
        QJsonObject pod = securedPod(u"fission-router"_s);
        pod.insert(u"volumes"_s, QJsonArray{QJsonObject{{u"name"_s, u"config-volume"_s},
                                                        {u"configMap"_s, QJsonObject{{u"name"_s, u"feature-config"_s}}}}});
        const QJsonObject labels{{u"svc"_s, u"router"_s}, {u"application"_s, u"fission-router"_s}};
        int replicas = m_values.routerReplicas;
        QJsonObject strategy;
        if (m_modern) {
            pod.insert(u"terminationGracePeriodSeconds"_s, 90);
            pod.insert(u"topologySpreadConstraints"_s,
                       QJsonArray{QJsonObject{{u"maxSkew"_s, 1},
                                              {u"topologyKey"_s, u"kubernetes.io/hostname"_s},
                                              {u"whenUnsatisfiable"_s, u"ScheduleAnyway"_s},
                                              {u"labelSelector"_s, QJsonObject{{u"matchLabels"_s, labels}}}}});
            strategy = rollingUpdate(1, 0);
        }
        return deployment({u"router"_s, labels, labels, labels, prometheusAnnotations(), replicas, strategy, pod, container});
    }

    QJsonObject storagesvc() const
    {
        QJsonArray envList;
        if (m_modern)
            envList << fieldEnv(u"POD_NAMESPACE"_s, u"metadata.namespace"_s);
        envList << env(u"PRUNE_ENABLED"_s, u"true"_s) << env(u"PRUNE_INTERVAL"_s, u"60"_s) << env(u"DEBUG_ENV"_s, u"false"_s)
                << env(u"PPROF_ENABLED"_s, u"false"_s);
        if (m_modern)
            envList << env(u"STORAGE_MAX_ARCHIVE_SIZE_MIB"_s, u"256"_s);
        append(envList, standardTail());
        append(envList, internalAuthEnv());
        QJsonObject container = bundleContainer(
            u"storagesvc"_s, {u"--storageServicePort"_s, u"8000"_s, u"--storageType"_s, u"local"_s}, envList);
        container.insert(u"volumeMounts"_s,
                         QJsonArray{QJsonObject{{u"name"_s, u"fission-storage"_s}, {u"mountPath"_s, u"/fission"_s}}});
        container.insert(u"readinessProbe"_s, httpProbe(u"/healthz"_s, 8000, 1, 1, 30));
        container.insert(u"livenessProbe"_s, httpProbe(u"/healthz"_s, 8000, 35, 5));
        container.insert(u"ports"_s, QJsonArray{port(8080, u"metrics"_s), port(8000, u"http"_s)});
        QJsonObject pod = securedPod(u"fission-storagesvc"_s);
        pod.insert(u"volumes"_s,
                   QJsonArray{QJsonObject{{u"name"_s, u"fission-storage"_s},
                                          {u"persistentVolumeClaim"_s, QJsonObject{{u"claimName"_s, u"fission-storage-pvc"_s}}}}});
        const QJsonObject labels{{u"svc"_s, u"storagesvc"_s}, {u"application"_s, u"fission-storage"_s}};
        return deployment({u"storagesvc"_s, labels, labels, labels, prometheusAnnotations(), 1,
                           m_modern ? rollingUpdate(u"25%"_s, u"25%"_s) : QJsonObject(), pod, container});
    }

    QJsonObject tenantController() const
    {
        QJsonArray envList = leaderEnv(false);
        // The controller reads its own namespace after the debug switches.
        envList.removeLast();
        envList << env(u"DEBUG_ENV"_s, u"false"_s) << env(u"PPROF_ENABLED"_s, u"false"_s)
                << fieldEnv(u"POD_NAMESPACE"_s, u"metadata.namespace"_s);
        append(envList, standardTail());
        append(envList, internalAuthEnv());
        const QJsonObject container = bundleContainer(u"tenantcontroller"_s, {u"--tenantController"_s}, envList);
        const QJsonObject labels{{u"svc"_s, u"tenantcontroller"_s}, {u"application"_s, u"fission-tenant-controller"_s}};
        return deployment({u"tenantcontroller"_s, labels, {{u"svc"_s, u"tenantcontroller"_s}}, labels, {}, 1, {},
                           securedPod(u"fission-tenant-controller"_s), container});
    }

    QJsonObject webhook() const
    {
        QJsonObject container{{u"name"_s, u"webhook"_s},
                              {u"image"_s, bundleImage()},
                              {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                              {u"command"_s, QJsonArray{u"/fission-bundle"_s}},
                              {u"args"_s, QJsonArray{u"--webhookPort"_s, u"9443"_s}},
                              {u"volumeMounts"_s, QJsonArray{QJsonObject{{u"mountPath"_s, u"/tmp/k8s-webhook-server/serving-certs"_s},
                                                                         {u"name"_s, u"serving-certs"_s},
                                                                         {u"readOnly"_s, true}}}},
                              {u"ports"_s, QJsonArray{port(8080, u"metrics"_s)}}};
        if (m_modern) {
            container.insert(u"readinessProbe"_s, QJsonObject{{u"tcpSocket"_s, QJsonObject{{u"port"_s, 9443}}},
                                                              {u"initialDelaySeconds"_s, 2},
                                                              {u"periodSeconds"_s, 2},
                                                              {u"failureThreshold"_s, 15}});
            container.insert(u"resources"_s, QJsonObject());
        }
        QJsonObject pod = securedPod(u"fission-webhook"_s);
        pod.insert(u"volumes"_s, QJsonArray{QJsonObject{{u"name"_s, u"serving-certs"_s},
                                                        {u"secret"_s, QJsonObject{{u"secretName"_s, u"fission-webhook-certs"_s}}}}});
        const QJsonObject labels{{u"svc"_s, u"webhook-service"_s}, {u"application"_s, u"fission-webhook"_s}};
        return deployment({u"webhook"_s, labels, labels, labels, prometheusAnnotations(), m_modern ? 2 : 1,
                           m_modern ? rollingUpdate(1, 0) : QJsonObject(), pod, container});
    }

    QJsonObject service(const QString &name, const QJsonObject &labels, const QString &type, const QJsonArray &ports,
                        const QJsonObject &selector) const
    {
        QJsonObject withChart = labels;
        withChart.insert(u"chart"_s, chartLabel());
        return {{u"apiVersion"_s, u"v1"_s},
                {u"kind"_s, u"Service"_s},
                {u"metadata"_s, metadata(name, {}, withChart)},
                {u"spec"_s, QJsonObject{{u"type"_s, type}, {u"ports"_s, ports}, {u"selector"_s, selector}}}};
    }

    QJsonObject disruptionBudget(const QString &name, const QJsonObject &labels, const QJsonObject &selector) const
    {
        QJsonObject withChart = labels;
        withChart.insert(u"chart"_s, chartLabel());
        return {{u"apiVersion"_s, u"policy/v1"_s},
                {u"kind"_s, u"PodDisruptionBudget"_s},
                {u"metadata"_s, metadata(name, {}, withChart)},
                {u"spec"_s, QJsonObject{{u"minAvailable"_s, 1}, {u"selector"_s, QJsonObject{{u"matchLabels"_s, selector}}}}}};
    }

    QString jobBaseName() const
    {
        return m_values.releaseName + QLatin1Char('-') + m_ctx.chart.chartLabel();
    }

    QJsonObject jobLabels() const
    {
        return {{u"release"_s, m_values.releaseName}, {u"chart"_s, chartLabel()}, {u"app"_s, m_ctx.chart.name}};
    }

    QJsonObject podTemplateMeta(bool nullAnnotations) const
    {
        QJsonObject meta{{u"name"_s, m_values.releaseName + QLatin1Char('-') + m_ctx.chart.name},
                         {u"labels"_s, QJsonObject{{u"release"_s, m_values.releaseName}, {u"app"_s, m_ctx.chart.name}}}};
        // The analytics templates leave an empty `annotations:` key, which YAML reads as null.
        if (nullAnnotations)
            meta.insert(u"annotations"_s, QJsonValue());
        return meta;
    }

    QString imageFrom(const QString &image, const QString &tag) const
    {
        const QString name = m_values.repository.isEmpty() ? image : m_values.repository + QLatin1Char('/') + image;
        return tag.isEmpty() ? name : name + QLatin1Char(':') + tag;
    }

    // The anonymous usage report each install/upgrade sends (analytics: true by default).
    QJsonObject reporterJob(const QString &event) const
    {
        const QString phase = u"post-"_s + event;
        const QJsonObject container{{u"name"_s, phase + u"-job"_s},
                                    {u"image"_s, imageFrom(m_values.reporterImage, m_values.imageTag)},
                                    {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                                    {u"command"_s, QJsonArray{u"/reporter"_s}},
                                    {u"args"_s, QJsonArray{u"event"_s, u"-c"_s, u"fission-use"_s, u"-a"_s, u"helm-"_s + phase,
                                                           u"-l"_s, chartLabel()}},
                                    {u"env"_s, QJsonArray{env(u"GA_TRACKING_ID"_s, u"UA-196546703-1"_s)}},
                                    {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
                                    {u"terminationMessagePolicy"_s, u"File"_s}};
        const QString name = m_modern ? jobBaseName() + QLatin1Char('-') + phase : jobBaseName();
        return {{u"apiVersion"_s, u"batch/v1"_s},
                {u"kind"_s, u"Job"_s},
                {u"metadata"_s, metadata(name, {}, jobLabels(), hookAnnotations(phase, u"hook-succeeded"_s))},
                {u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"metadata"_s, podTemplateMeta(true)},
                                                                     {u"spec"_s, QJsonObject{{u"restartPolicy"_s, u"Never"_s},
                                                                                             {u"containers"_s, QJsonArray{container}}}}}}}}};
    }

    QJsonObject preUpgradeJob() const
    {
        QJsonArray envList;
        if (m_modern) {
            envList << env(u"ADOPT_SECRETS"_s, u"fission-internal-auth fission-webhook-certs"_s)
                    << env(u"ADOPT_SECRET_NAMESPACES"_s, m_values.releaseNamespace)
                    << fieldEnv(u"POD_NAMESPACE"_s, u"metadata.namespace"_s) << env(u"CRDS_MODE"_s, u"hook"_s)
                    << env(u"CRDS_FORCE_CONFLICTS"_s, u"true"_s);
        }
        append(envList, namespaceEnv());
        append(envList, kubeClientEnv());
        const QString image = m_modern ? imageFrom(m_values.preUpgradeImage, m_values.preUpgradeImageTag)
                                       : m_values.preUpgradeImage + QLatin1Char(':') + m_values.preUpgradeImageTag;
        const QJsonObject container{{u"name"_s, u"pre-upgrade-job"_s},
                                    {u"image"_s, image},
                                    {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                                    {u"command"_s, QJsonArray{u"/pre-upgrade-checks"_s}},
                                    {u"env"_s, envList},
                                    {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
                                    {u"terminationMessagePolicy"_s, u"File"_s}};
        // The chart appends `randNumeric 3` to the name: every render differs.
        const QString name = jobBaseName() + QLatin1Char('-') + QString::number(QRandomGenerator::global()->bounded(100, 1000));
        const QString events = m_modern ? u"pre-install,pre-upgrade"_s : u"pre-upgrade"_s;
        return {{u"apiVersion"_s, u"batch/v1"_s},
                {u"kind"_s, u"Job"_s},
                {u"metadata"_s, metadata(name, {}, jobLabels(), hookAnnotations(events, u"hook-succeeded"_s, u"1"_s))},
                {u"spec"_s, QJsonObject{{u"backoffLimit"_s, 0},
                                        {u"template"_s, QJsonObject{{u"metadata"_s, podTemplateMeta(false)},
                                                                    {u"spec"_s, QJsonObject{{u"restartPolicy"_s, u"Never"_s},
                                                                                            {u"containers"_s, QJsonArray{container}},
                                                                                            {u"serviceAccountName"_s, u"fission-preupgrade"_s}}}}}}}};
    }

    // main, dynamic mode: creates `managed-by=helm` FissionTenants for the env-seeded namespaces.
    QJsonObject seedJob() const
    {
        QJsonArray envList = namespaceEnv();
        append(envList, kubeClientEnv());
        const QJsonObject container{{u"name"_s, u"seed"_s},
                                    {u"image"_s, bundleImage()},
                                    {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                                    {u"command"_s, QJsonArray{u"/fission-bundle"_s}},
                                    {u"args"_s, QJsonArray{u"--seedTenants"_s}},
                                    {u"env"_s, envList}};
        const QJsonObject labels{{u"chart"_s, chartLabel()}, {u"svc"_s, u"tenantcontroller"_s}};
        QJsonObject pod = securedPod(u"fission-tenant-controller"_s);
        pod.insert(u"restartPolicy"_s, u"Never"_s);
        pod.insert(u"containers"_s, QJsonArray{container});
        return {{u"apiVersion"_s, u"batch/v1"_s},
                {u"kind"_s, u"Job"_s},
                {u"metadata"_s, metadata(u"fission-tenant-seed"_s, m_values.releaseNamespace, labels,
                                         hookAnnotations(u"post-install,post-upgrade"_s, u"before-hook-creation,hook-succeeded"_s,
                                                         u"5"_s))},
                {u"spec"_s, QJsonObject{{u"backoffLimit"_s, 3},
                                        {u"template"_s, QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, QJsonObject{{u"svc"_s, u"tenantcontroller"_s}}}}},
                                                                    {u"spec"_s, pod}}}}}};
    }

    const RenderContext &m_ctx;
    const FissionChartValues &m_values;
    QList<ChartObject> &m_out;
    bool m_modern;
};

} // namespace

void renderWorkloads(const RenderContext &context, QList<ChartObject> &out)
{
    WorkloadRenderer(context, out).render();
}

} // namespace fd::sim::fissioninstall::detail
