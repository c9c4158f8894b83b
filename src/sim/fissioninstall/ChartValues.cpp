#include "sim/fissioninstall/ChartValues.h"

#include <QJsonArray>

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;

namespace {

QJsonObject componentSecurityContext()
{
    return {{u"enabled"_s, true}, {u"runAsNonRoot"_s, true}, {u"fsGroup"_s, 10001}, {u"runAsUser"_s, 10001}, {u"runAsGroup"_s, 10001}};
}

QJsonObject podSecurityContext()
{
    return {{u"fsGroup"_s, 10001}, {u"runAsGroup"_s, 10001}, {u"runAsNonRoot"_s, true}, {u"runAsUser"_s, 10001}};
}

// fission-all v1.20.5: every value its templates read, with its default.
QJsonObject defaultsV1_20()
{
    return QJsonObject{
    {u"serviceType"_s, u"ClusterIP"_s},
    {u"routerServiceType"_s, u"LoadBalancer"_s},
    {u"repository"_s, u"ghcr.io"_s},
    {u"image"_s, u"fission/fission-bundle"_s},
    {u"imageTag"_s, u"v1.20.5"_s},
    {u"pullPolicy"_s, u"IfNotPresent"_s},
    {u"imagePullSecrets"_s, QJsonArray()},
    {u"priorityClassName"_s, QString()},
    {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
    {u"terminationMessagePolicy"_s, u"File"_s},
    {u"routerPort"_s, 31314},
    {u"defaultNamespace"_s, u"default"_s},
    {u"builderNamespace"_s, QString()},
    {u"functionNamespace"_s, QString()},
    {u"additionalFissionNamespaces"_s, QJsonArray()},
    {u"createNamespace"_s, true},
    {u"disableOwnerReference"_s, false},
    {u"enableIstio"_s, false},
    {u"kubernetesClientQPS"_s, 200},
    {u"kubernetesClientBurst"_s, 500},
    {u"fetcher"_s, QJsonObject{
        {u"image"_s, u"fission/fetcher"_s},
        {u"imageTag"_s, u"v1.20.5"_s},
        {u"resource"_s, QJsonObject{
            {u"cpu"_s, QJsonObject{{u"requests"_s, u"10m"_s}, {u"limits"_s, QString()}}},
            {u"mem"_s, QJsonObject{{u"requests"_s, u"16Mi"_s}, {u"limits"_s, QString()}}}}}}},
    {u"executor"_s, QJsonObject{
        {u"priorityClassName"_s, QString()},
        {u"terminationMessagePath"_s, QString()},
        {u"terminationMessagePolicy"_s, QString()},
        {u"adoptExistingResources"_s, false},
        {u"podReadyTimeout"_s, u"300s"_s},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()},
        {u"objectReaperInterval"_s, 5},
        {u"poolmgr"_s, QJsonObject()},
        {u"newdeploy"_s, QJsonObject()},
        {u"container"_s, QJsonObject()},
        {u"serviceAccountCheck"_s, QJsonObject{{u"enabled"_s, true}, {u"interval"_s, 0}}}}},
    {u"router"_s, QJsonObject{
        {u"priorityClassName"_s, QString()},
        {u"terminationMessagePath"_s, QString()},
        {u"terminationMessagePolicy"_s, QString()},
        {u"deployAsDaemonSet"_s, false},
        {u"replicas"_s, 1},
        {u"svcAddressMaxRetries"_s, 5},
        {u"svcAddressUpdateTimeout"_s, u"30s"_s},
        {u"unTapServiceTimeout"_s, u"3600s"_s},
        {u"displayAccessLog"_s, false},
        {u"useEncodedPath"_s, false},
        {u"roundTrip"_s, QJsonObject{
            {u"disableKeepAlive"_s, false},
            {u"keepAliveTime"_s, u"30s"_s},
            {u"timeout"_s, u"50ms"_s},
            {u"timeoutExponent"_s, 2},
            {u"maxRetries"_s, 10}}},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"buildermgr"_s, QJsonObject{
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"webhook"_s, QJsonObject{
        {u"resources"_s, QJsonObject()},
        {u"certManager"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"caBundlePEM"_s, QString()},
        {u"crtPEM"_s, QString()},
        {u"keyPEM"_s, QString()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"kubewatcher"_s, QJsonObject{
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"storagesvc"_s, QJsonObject{
        {u"resources"_s, QJsonObject()},
        {u"archivePruner"_s, QJsonObject{{u"enabled"_s, true}, {u"interval"_s, 60}}},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"timer"_s, QJsonObject{
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"kafka"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"brokers"_s, u"broker.kafka:9092"_s},
        {u"authentication"_s, QJsonObject{
            {u"tls"_s, QJsonObject{
                {u"enabled"_s, false},
                {u"insecureSkipVerify"_s, false},
                {u"caCert"_s, QString()},
                {u"userCert"_s, QString()},
                {u"userKey"_s, QString()}}}}}}},
    {u"serviceMonitor"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"namespace"_s, QString()},
        {u"additionalServiceMonitorLabels"_s, QJsonObject()}}},
    {u"podMonitor"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"namespace"_s, QString()},
        {u"additionalPodMonitorLabels"_s, QJsonObject()}}},
    {u"persistence"_s, QJsonObject{{u"enabled"_s, true}, {u"accessMode"_s, u"ReadWriteOnce"_s}, {u"size"_s, u"8Gi"_s}}},
    {u"analytics"_s, true},
    {u"analyticsNonHelmInstall"_s, false},
    {u"gaTrackingID"_s, u"UA-196546703-1"_s},
    {u"logger"_s, QJsonObject{
        {u"influxdbAdmin"_s, u"admin"_s},
        {u"fluentdImageRepository"_s, u"index.docker.io"_s},
        {u"fluentdImage"_s, u"fluent/fluent-bit"_s},
        {u"fluentdImageTag"_s, u"1.8.8"_s},
        {u"securityContext"_s, QJsonObject()},
        {u"podSecurityPolicy"_s, QJsonObject{{u"enabled"_s, false}, {u"additionalCapabilities"_s, QJsonValue()}}}}},
    {u"influxdb"_s, QJsonObject{{u"enabled"_s, false}, {u"image"_s, u"influxdb:1.8"_s}}},
    {u"busyboxImage"_s, u"busybox"_s},
    {u"preUpgradeChecks"_s, QJsonObject{{u"enabled"_s, true}, {u"image"_s, u"fission/pre-upgrade-checks"_s}, {u"imageTag"_s, u"v1.20.5"_s}}},
    {u"postInstallReportImage"_s, u"fission/reporter"_s},
    {u"debugEnv"_s, false},
    {u"prometheus"_s, QJsonObject{{u"serviceEndpoint"_s, QString()}}},
    {u"canaryDeployment"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"authentication"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"authUriPath"_s, QJsonValue()},
        {u"authUsername"_s, u"admin"_s},
        {u"jwtSigningKey"_s, QJsonValue()},
        {u"jwtExpiryTime"_s, QJsonValue()},
        {u"jwtIssuer"_s, u"fission"_s}}},
    {u"openTelemetry"_s, QJsonObject{
        {u"otlpCollectorEndpoint"_s, QString()},
        {u"otlpInsecure"_s, true},
        {u"otlpHeaders"_s, QString()},
        {u"tracesSampler"_s, u"parentbased_traceidratio"_s},
        {u"tracesSamplingRate"_s, u"0.1"_s},
        {u"propagators"_s, u"tracecontext,baggage"_s}}},
    {u"mqt_keda"_s, QJsonObject{
        {u"enabled"_s, true},
        {u"connector_images"_s, QJsonObject{
            {u"kafka"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-kafka-http-connector"_s}, {u"tag"_s, u"v0.17"_s}}},
            {u"rabbitmq"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-rabbitmq-http-connector"_s}, {u"tag"_s, u"v0.15"_s}}},
            {u"awskinesis"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-aws-kinesis-http-connector"_s}, {u"tag"_s, u"v0.15"_s}}},
            {u"aws_sqs"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-aws-sqs-http-connector"_s}, {u"tag"_s, u"v0.16"_s}}},
            {u"nats_steaming"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-nats-streaming-http-connector"_s}, {u"tag"_s, u"v0.18"_s}}},
            {u"nats_jetstream"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-nats-jetstream-http-connector"_s}, {u"tag"_s, u"v0.9"_s}}},
            {u"gcp_pubsub"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-gcp-pubsub-http-connector"_s}, {u"tag"_s, u"v0.11"_s}}},
            {u"redis"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-redis-http-connector"_s}, {u"tag"_s, u"v0.8"_s}}}}},
        {u"resources"_s, QJsonObject()}}},
    {u"pprof"_s, QJsonObject{{u"enabled"_s, false}}},
    {u"runtimePodSpec"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"podSpec"_s, QJsonObject{
            {u"securityContext"_s, podSecurityContext()}}}}},
    {u"builderPodSpec"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"podSpec"_s, QJsonObject{
            {u"securityContext"_s, podSecurityContext()}}}}},
    {u"grafana"_s, QJsonObject{
        {u"namespace"_s, u"monitoring"_s},
        {u"dashboards"_s, QJsonObject{{u"enable"_s, false}}}}}};
}

// fission-all 1.27.0 (main): the same for the modern variant.
QJsonObject defaultsModern()
{
    return QJsonObject{
    {u"serviceType"_s, u"ClusterIP"_s},
    {u"routerServiceType"_s, u"LoadBalancer"_s},
    {u"clusterDomain"_s, u"cluster.local"_s},
    {u"repository"_s, u"ghcr.io"_s},
    {u"image"_s, u"fission/fission-bundle"_s},
    {u"imageTag"_s, u"v1.27.0"_s},
    {u"pullPolicy"_s, u"IfNotPresent"_s},
    {u"imagePullSecrets"_s, QJsonArray()},
    {u"priorityClassName"_s, QString()},
    {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
    {u"terminationMessagePolicy"_s, u"File"_s},
    {u"routerPort"_s, 31314},
    {u"defaultNamespace"_s, u"default"_s},
    {u"builderNamespace"_s, QString()},
    {u"functionNamespace"_s, QString()},
    {u"additionalFissionNamespaces"_s, QJsonArray()},
    {u"createNamespace"_s, true},
    {u"disableOwnerReference"_s, false},
    {u"finalizerEnabled"_s, true},
    {u"enableIstio"_s, false},
    {u"gatewayAPI"_s, QJsonObject{{u"enabled"_s, false}, {u"defaultParentRef"_s, QString()}}},
    {u"kubernetesClientQPS"_s, 200},
    {u"kubernetesClientBurst"_s, 500},
    {u"packageRegistry"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"repositoryPrefix"_s, QString()},
        {u"pushSecret"_s, QString()},
        {u"pullSecret"_s, QString()},
        {u"fallbackToStorage"_s, true},
        {u"publishedPrefix"_s, QString()},
        {u"insecureHosts"_s, QString()}}},
    {u"fetcher"_s, QJsonObject{
        {u"repository"_s, QString()},
        {u"image"_s, u"fission/fetcher"_s},
        {u"imageTag"_s, u"v1.27.0"_s},
        {u"allowInsecureRegistries"_s, QString()},
        {u"resource"_s, QJsonObject{
            {u"cpu"_s, QJsonObject{{u"requests"_s, u"10m"_s}, {u"limits"_s, QString()}}},
            {u"mem"_s, QJsonObject{{u"requests"_s, u"16Mi"_s}, {u"limits"_s, QString()}}}}}}},
    {u"executor"_s, QJsonObject{
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"strategy"_s, QJsonObject{
            {u"type"_s, u"RollingUpdate"_s},
            {u"rollingUpdate"_s, QJsonObject{{u"maxSurge"_s, 0}, {u"maxUnavailable"_s, 1}}}}},
        {u"terminationGracePeriodSeconds"_s, QJsonValue()},
        {u"podDisruptionBudget"_s, QJsonObject{{u"enabled"_s, false}, {u"minAvailable"_s, 1}}},
        {u"priorityClassName"_s, QString()},
        {u"terminationMessagePath"_s, QString()},
        {u"terminationMessagePolicy"_s, QString()},
        {u"adoptExistingResources"_s, true},
        {u"enableOCIImageVolume"_s, true},
        {u"ociPoolIdleReapTime"_s, u"5m"_s},
        {u"functionServices"_s, QJsonObject{{u"enabled"_s, true}}},
        {u"specializationConcurrency"_s, 0},
        {u"provisionedConcurrency"_s, QJsonObject{
            {u"enabled"_s, false},
            {u"maxPerFunction"_s, 20},
            {u"maxInflightPerFunction"_s, 4},
            {u"reconcileInterval"_s, u"30s"_s}}},
        {u"podReadyTimeout"_s, u"300s"_s},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()},
        {u"objectReaperInterval"_s, 5},
        {u"poolmgr"_s, QJsonObject()},
        {u"newdeploy"_s, QJsonObject()},
        {u"container"_s, QJsonObject()},
        {u"serviceAccountCheck"_s, QJsonObject{{u"enabled"_s, true}, {u"interval"_s, 0}}}}},
    {u"router"_s, QJsonObject{
        {u"port"_s, 8888},
        {u"internalPort"_s, 8889},
        {u"strategy"_s, QJsonObject{
            {u"type"_s, u"RollingUpdate"_s},
            {u"rollingUpdate"_s, QJsonObject{{u"maxSurge"_s, 1}, {u"maxUnavailable"_s, 0}}}}},
        {u"terminationGracePeriodSeconds"_s, 90},
        {u"gracefulShutdownTimeout"_s, u"75s"_s},
        {u"preStopSleep"_s, 5},
        {u"podDisruptionBudget"_s, QJsonObject{{u"enabled"_s, true}, {u"minAvailable"_s, 1}}},
        {u"autoscaling"_s, QJsonObject{
            {u"enabled"_s, false},
            {u"minReplicas"_s, 1},
            {u"maxReplicas"_s, 3},
            {u"targetCPUUtilizationPercentage"_s, 80}}},
        {u"keda"_s, QJsonObject{
            {u"enabled"_s, false},
            {u"minReplicas"_s, 1},
            {u"maxReplicas"_s, 10},
            {u"targetBacklogPerReplica"_s, 50},
            {u"pollingInterval"_s, 15},
            {u"cooldownPeriod"_s, 120}}},
        {u"priorityClassName"_s, QString()},
        {u"terminationMessagePath"_s, QString()},
        {u"terminationMessagePolicy"_s, QString()},
        {u"deployAsDaemonSet"_s, false},
        {u"replicas"_s, 2},
        {u"svcAddressMaxRetries"_s, 5},
        {u"svcAddressUpdateTimeout"_s, u"30s"_s},
        {u"unTapServiceTimeout"_s, u"3600s"_s},
        {u"endpointSliceCache"_s, QJsonObject{{u"mode"_s, u"on"_s}, {u"endpointLB"_s, false}}},
        {u"displayAccessLog"_s, false},
        {u"useEncodedPath"_s, false},
        {u"roundTrip"_s, QJsonObject{
            {u"disableKeepAlive"_s, false},
            {u"maxIdleConnsPerHost"_s, 256},
            {u"keepAliveTime"_s, u"30s"_s},
            {u"timeout"_s, u"50ms"_s},
            {u"timeoutExponent"_s, 2},
            {u"maxRetries"_s, 10}}},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"buildermgr"_s, QJsonObject{
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"webhook"_s, QJsonObject{
        {u"replicas"_s, 2},
        {u"podDisruptionBudget"_s, QJsonObject{{u"enabled"_s, true}, {u"minAvailable"_s, 1}}},
        {u"strategy"_s, QJsonObject{
            {u"type"_s, u"RollingUpdate"_s},
            {u"rollingUpdate"_s, QJsonObject{{u"maxSurge"_s, 1}, {u"maxUnavailable"_s, 0}}}}},
        {u"resources"_s, QJsonObject()},
        {u"certManager"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"caBundlePEM"_s, QString()},
        {u"crtPEM"_s, QString()},
        {u"keyPEM"_s, QString()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"kubewatcher"_s, QJsonObject{
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"mcp"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"port"_s, 8890},
        {u"allowInsecure"_s, false},
        {u"replicas"_s, 1},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"functionState"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"port"_s, 8893},
        {u"replicas"_s, 1},
        {u"resources"_s, QJsonObject()}}},
    {u"statestore"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"mode"_s, QString()},
        {u"port"_s, 8891},
        {u"external"_s, QJsonObject{{u"dsn"_s, QString()}, {u"existingSecret"_s, QString()}}},
        {u"embedded"_s, QJsonObject{
            {u"storageSize"_s, u"1Gi"_s},
            {u"storageClassName"_s, QString()},
            {u"resources"_s, QJsonObject()},
            {u"securityContext"_s, componentSecurityContext()}}}}},
    {u"asyncInvocation"_s, QJsonObject{{u"enabled"_s, false}}},
    {u"workflows"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"replicas"_s, 1},
        {u"port"_s, 8892},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, QJsonObject{{u"enabled"_s, false}}}}},
    {u"eventing"_s, QJsonObject{
        {u"enabled"_s, true},
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}}}},
    {u"tenancy"_s, QJsonObject{{u"mode"_s, u"static"_s}}},
    {u"tenantController"_s, QJsonObject{
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"seedExistingNamespaces"_s, true},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"storagesvc"_s, QJsonObject{
        {u"resources"_s, QJsonObject()},
        {u"deploymentStrategy"_s, QJsonObject{
            {u"type"_s, u"RollingUpdate"_s},
            {u"rollingUpdate"_s, QJsonObject{{u"maxSurge"_s, u"25%"_s}, {u"maxUnavailable"_s, u"25%"_s}}}}},
        {u"archivePruner"_s, QJsonObject{{u"enabled"_s, true}, {u"interval"_s, 60}}},
        {u"maxArchiveSizeMib"_s, 256},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"timer"_s, QJsonObject{
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"kafka"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"brokers"_s, u"broker.kafka:9092"_s},
        {u"authentication"_s, QJsonObject{
            {u"tls"_s, QJsonObject{
                {u"enabled"_s, false},
                {u"insecureSkipVerify"_s, false},
                {u"caCert"_s, QString()},
                {u"userCert"_s, QString()},
                {u"userKey"_s, QString()}}}}}}},
    {u"serviceMonitor"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"namespace"_s, QString()},
        {u"additionalServiceMonitorLabels"_s, QJsonObject()}}},
    {u"podMonitor"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"namespace"_s, QString()},
        {u"additionalPodMonitorLabels"_s, QJsonObject()}}},
    {u"persistence"_s, QJsonObject{{u"enabled"_s, true}, {u"accessMode"_s, u"ReadWriteOnce"_s}, {u"size"_s, u"8Gi"_s}}},
    {u"analytics"_s, true},
    {u"analyticsNonHelmInstall"_s, false},
    {u"gaTrackingID"_s, u"UA-196546703-1"_s},
    {u"preUpgradeChecks"_s, QJsonObject{
        {u"enabled"_s, true},
        {u"repository"_s, QString()},
        {u"image"_s, u"fission/pre-upgrade-checks"_s},
        {u"imageTag"_s, u"v1.27.0"_s}}},
    {u"postInstallReportImage"_s, u"fission/reporter"_s},
    {u"debugEnv"_s, false},
    {u"prometheus"_s, QJsonObject{{u"serviceEndpoint"_s, QString()}}},
    {u"canaryDeployment"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"resources"_s, QJsonObject()},
        {u"securityContext"_s, componentSecurityContext()}}},
    {u"crds"_s, QJsonObject{{u"mode"_s, u"hook"_s}, {u"forceConflicts"_s, true}}},
    {u"authentication"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"authUriPath"_s, QJsonValue()},
        {u"authUsername"_s, u"admin"_s},
        {u"jwtSigningKey"_s, QJsonValue()},
        {u"existingSecret"_s, QJsonValue()},
        {u"jwtExpiryTime"_s, QJsonValue()},
        {u"jwtIssuer"_s, u"fission"_s}}},
    {u"nameFormat"_s, u"standard"_s},
    {u"openTelemetry"_s, QJsonObject{
        {u"otlpCollectorEndpoint"_s, QString()},
        {u"otlpInsecure"_s, true},
        {u"logsEnabled"_s, false},
        {u"otlpHeaders"_s, QString()},
        {u"tracesSampler"_s, u"parentbased_traceidratio"_s},
        {u"tracesSamplingRate"_s, u"0.1"_s},
        {u"propagators"_s, u"tracecontext,baggage"_s},
        {u"metricsExporter"_s, u"prometheus"_s}}},
    {u"mqt_keda"_s, QJsonObject{
        {u"enabled"_s, true},
        {u"replicas"_s, 1},
        {u"leaderElection"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"connector_images"_s, QJsonObject{
            {u"kafka"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-kafka-http-connector"_s}, {u"tag"_s, u"v0.20"_s}}},
            {u"rabbitmq"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-rabbitmq-http-connector"_s}, {u"tag"_s, u"v0.17"_s}}},
            {u"awskinesis"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-aws-kinesis-http-connector"_s}, {u"tag"_s, u"v0.19"_s}}},
            {u"aws_sqs"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-aws-sqs-http-connector"_s}, {u"tag"_s, u"v0.20"_s}}},
            {u"nats_steaming"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-nats-streaming-http-connector"_s}, {u"tag"_s, u"v0.20"_s}}},
            {u"nats_jetstream"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-nats-jetstream-http-connector"_s}, {u"tag"_s, u"v0.12"_s}}},
            {u"gcp_pubsub"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-gcp-pubsub-http-connector"_s}, {u"tag"_s, u"v0.14"_s}}},
            {u"redis"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/keda-redis-http-connector"_s}, {u"tag"_s, u"v0.10"_s}}}}},
        {u"resources"_s, QJsonObject()}}},
    {u"pprof"_s, QJsonObject{{u"enabled"_s, false}}},
    {u"coverage"_s, QJsonObject{{u"enabled"_s, false}, {u"hostPath"_s, u"/fission-coverage"_s}, {u"mountPath"_s, u"/coverage"_s}}},
    {u"runtimePodSpec"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"podSpec"_s, QJsonObject{
            {u"securityContext"_s, podSecurityContext()}}}}},
    {u"builderPodSpec"_s, QJsonObject{
        {u"enabled"_s, false},
        {u"podSpec"_s, QJsonObject{
            {u"securityContext"_s, podSecurityContext()}}}}},
    {u"grafana"_s, QJsonObject{
        {u"namespace"_s, u"monitoring"_s},
        {u"dashboards"_s, QJsonObject{{u"enable"_s, false}}}}},
    {u"networkPolicy"_s, QJsonObject{{u"enabled"_s, false}}},
    {u"internalAuth"_s, QJsonObject{{u"enabled"_s, true}, {u"autoGenerate"_s, false}, {u"existingSecret"_s, QString()}}}};
}

QString text(const QJsonObject &object, const QString &key, const QString &fallback = {})
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return fallback;
}

bool flag(const QJsonObject &object, const QString &key, bool fallback)
{
    const QJsonValue value = object.value(key);
    return value.isBool() ? value.toBool() : fallback;
}

} // namespace

ChartIdentity chartIdentity(FissionFlavor flavor)
{
    if (flavor == FissionFlavor::Modern)
        return {u"fission-all"_s, u"1.27.0"_s, u"v1.27.0"_s, u">=1.32.0-0"_s, u"v1.27.0"_s};
    return {u"fission-all"_s, u"v1.20.5"_s, u"v1.20.5"_s, u">=1.25.0-0"_s, u"v1.20.5"_s};
}

QJsonObject chartDefaultValues(FissionFlavor flavor)
{
    return flavor == FissionFlavor::Modern ? defaultsModern() : defaultsV1_20();
}

QJsonObject coalesceValues(const QJsonObject &defaults, const QJsonObject &userValues)
{
    QJsonObject result = defaults;
    for (auto it = userValues.begin(); it != userValues.end(); ++it) {
        if (it.value().isNull()) {
            result.remove(it.key());
            continue;
        }
        const QJsonValue base = result.value(it.key());
        if (it.value().isObject() && base.isObject())
            result.insert(it.key(), coalesceValues(base.toObject(), it.value().toObject()));
        else
            result.insert(it.key(), it.value());
    }
    return result;
}

FissionChartValues FissionChartValues::fromEffectiveValues(const QJsonObject &values, const QString &releaseName,
                                                           const QString &releaseNamespace)
{
    FissionChartValues result;
    result.releaseName = releaseName;
    result.releaseNamespace = releaseNamespace;
    result.defaultNamespace = text(values, u"defaultNamespace"_s, u"default"_s);
    for (const QJsonValue &value : values.value(u"additionalFissionNamespaces"_s).toArray())
        result.additionalFissionNamespaces << value.toString();
    result.functionNamespace = text(values, u"functionNamespace"_s);
    result.builderNamespace = text(values, u"builderNamespace"_s);
    result.createNamespace = flag(values, u"createNamespace"_s, true);
    result.disableOwnerReference = flag(values, u"disableOwnerReference"_s, false);
    const QJsonObject executor = values.value(u"executor"_s).toObject();
    result.adoptExistingResources = flag(executor, u"adoptExistingResources"_s, false);
    result.repository = text(values, u"repository"_s);
    result.image = text(values, u"image"_s, result.image);
    result.imageTag = text(values, u"imageTag"_s);
    const QJsonObject fetcher = values.value(u"fetcher"_s).toObject();
    result.fetcherImage = text(fetcher, u"image"_s, result.fetcherImage);
    result.fetcherImageTag = text(fetcher, u"imageTag"_s);
    const QJsonObject preUpgrade = values.value(u"preUpgradeChecks"_s).toObject();
    result.preUpgradeChecks = flag(preUpgrade, u"enabled"_s, true);
    result.preUpgradeImage = text(preUpgrade, u"image"_s, result.preUpgradeImage);
    result.preUpgradeImageTag = text(preUpgrade, u"imageTag"_s);
    result.reporterImage = text(values, u"postInstallReportImage"_s, result.reporterImage);
    result.analytics = flag(values, u"analytics"_s, true);
    result.routerReplicas = values.value(u"router"_s).toObject().value(u"replicas"_s).toInt(1);
    result.tenancyMode = text(values.value(u"tenancy"_s).toObject(), u"mode"_s, u"static"_s);
    result.tenantControllerSeedExistingNamespaces =
        flag(values.value(u"tenantController"_s).toObject(), u"seedExistingNamespaces"_s, true);
    result.internalAuthEnabled = flag(values.value(u"internalAuth"_s).toObject(), u"enabled"_s, true);
    return result;
}

QStringList FissionChartValues::watchedNamespaces() const
{
    return QStringList{defaultNamespace} + additionalFissionNamespaces;
}

QString FissionChartValues::functionNamespaceOrDefault() const
{
    return functionNamespace.isEmpty() ? defaultNamespace : functionNamespace;
}

QString FissionChartValues::builderNamespaceOrDefault() const
{
    return builderNamespace.isEmpty() ? defaultNamespace : builderNamespace;
}

QString FissionChartValues::bundleImage() const
{
    const QString name = repository.isEmpty() ? image : repository + QLatin1Char('/') + image;
    return imageTag.isEmpty() ? name : name + QLatin1Char(':') + imageTag;
}

} // namespace fd::sim::fissioninstall
