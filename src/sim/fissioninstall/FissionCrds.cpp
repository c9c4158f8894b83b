#include "sim/fissioninstall/FissionCrds.h"

#include "sim/fissioninstall/SchemaBuilder.h"

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;
using namespace schema;

namespace {

struct KindNames {
    QString kind;
    QString plural;
    QStringList shortNames;
    bool clusterScoped = false;
};

struct CrdParts {
    KindNames names;
    QJsonObject openApiSchema;
    bool statusSubresource = false;
    QJsonArray printerColumns;
};

bool isModern(FissionFlavor flavor)
{
    return flavor == FissionFlavor::Modern;
}

// spec.environment / a Function's environment and secret/configmap references.
QJsonObject namespacedReference(bool modern)
{
    if (modern)
        return object({{u"namespace"_s, string()}, {u"name"_s, string()}}, {u"namespace"_s});
    return object({{u"namespace"_s, string()}, {u"name"_s, string()}}, {u"name"_s, u"namespace"_s});
}

QJsonObject functionReference(bool modern)
{
    if (modern) {
        return object({{u"type"_s, enumString({u"name"_s, u"function-weights"_s})},
                       {u"name"_s, string()},
                       {u"functionweights"_s, integerMap(true)},
                       {u"alias"_s, string()},
                       {u"version"_s, string()}},
                      {u"name"_s, u"type"_s});
    }
    return object({{u"type"_s, string()}, {u"name"_s, string()}, {u"functionweights"_s, integerMap(true)}},
                  {u"name"_s, u"type"_s});
}

// Archive: an inline literal, a URL (storagesvc or S3) or, on main, an OCI image.
QJsonObject archive(bool modern)
{
    const QJsonObject checksum = object({{u"type"_s, string()}, {u"sum"_s, string()}});
    if (modern) {
        const QJsonObject oci = object({{u"image"_s, string()},
                                        {u"imagePullSecrets"_s, arrayOf(object({{u"name"_s, string()}}))},
                                        {u"subPath"_s, string()},
                                        {u"digest"_s, string()}},
                                       {u"image"_s});
        return object({{u"type"_s, enumString({QString(), u"literal"_s, u"url"_s, u"oci"_s})},
                       {u"literal"_s, bytes()},
                       {u"url"_s, string()},
                       {u"checksum"_s, checksum},
                       {u"oci"_s, oci}});
    }
    return object({{u"type"_s, string()}, {u"literal"_s, bytes()}, {u"url"_s, string()}, {u"checksum"_s, checksum}});
}

// The status main gives every kind: observedGeneration plus conditions.
QJsonObject reconciledStatus()
{
    return object({{u"observedGeneration"_s, int64()}, {u"conditions"_s, conditions()}});
}

CrdParts environment(bool modern)
{
    const QJsonObject runtime = object({{u"image"_s, string()}, {u"container"_s, preserved()}, {u"podspec"_s, preserved()}},
                                       {u"image"_s});
    const QJsonObject builder = object({{u"image"_s, string()},
                                        {u"command"_s, string()},
                                        {u"container"_s, preserved()},
                                        {u"podspec"_s, preserved()}});
    QJsonObject grace = int64();
    QJsonObject functionsPerContainer = string();
    if (modern) {
        grace.insert(u"default"_s, 90);
        functionsPerContainer = enumString({u"single"_s, u"infinite"_s});
    }
    const QJsonObject spec = object({{u"version"_s, integer()},
                                     {u"runtime"_s, runtime},
                                     {u"builder"_s, builder},
                                     {u"poolsize"_s, integer()},
                                     {u"resources"_s, preserved()},
                                     {u"terminationGracePeriod"_s, grace},
                                     {u"keeparchive"_s, boolean()},
                                     {u"imagepullsecret"_s, string()},
                                     {u"allowedFunctionsPerContainer"_s, functionsPerContainer},
                                     {u"allowAccessToExternalNetwork"_s, boolean()}},
                                    {u"runtime"_s, u"version"_s});
    // 1.20 declares the status subresource but no status in the schema: a status is pruned.
    const QJsonObject openApi = modern ? root({{u"spec"_s, spec}, {u"status"_s, reconciledStatus()}}, {u"metadata"_s, u"spec"_s})
                                       : root({{u"spec"_s, spec}}, {u"metadata"_s, u"spec"_s});
    return {{u"Environment"_s, u"environments"_s, {}}, openApi, true, {}};
}

CrdParts package(bool modern)
{
    const QJsonObject spec = object({{u"environment"_s, namespacedReference(modern)},
                                     {u"source"_s, archive(modern)},
                                     {u"deployment"_s, archive(modern)},
                                     {u"buildcmd"_s, string()}},
                                    {u"environment"_s});
    QJsonObject buildStatus = stringWithDefault(u"pending"_s);
    if (modern)
        buildStatus.insert(u"enum"_s, QJsonArray{QString(), u"pending"_s, u"running"_s, u"succeeded"_s, u"failed"_s, u"none"_s});
    QJsonObject status = modern ? object({{u"buildstatus"_s, buildStatus},
                                          {u"buildlog"_s, string()},
                                          {u"lastUpdateTimestamp"_s, dateTime(true)},
                                          {u"contentHash"_s, string()},
                                          {u"conditions"_s, conditions()}})
                                : object({{u"buildstatus"_s, buildStatus},
                                          {u"buildlog"_s, string()},
                                          {u"lastUpdateTimestamp"_s, dateTime(true)}});
    // No /status in 1.20: whoever writes the object writes the status (fission-reference §1).
    return {{u"Package"_s, u"packages"_s, {u"pkg"_s}}, root({{u"spec"_s, spec}, {u"status"_s, status}}, {u"metadata"_s, u"spec"_s}),
            modern, {}};
}

CrdParts function(bool modern)
{
    const QJsonObject executionStrategy = object({{u"ExecutorType"_s, string()},
                                                  {u"MinScale"_s, integer()},
                                                  {u"MaxScale"_s, integer()},
                                                  {u"TargetCPUPercent"_s, integer()},
                                                  {u"SpecializationTimeout"_s, integer()},
                                                  {u"hpaMetrics"_s, arrayOf(preserved())},
                                                  {u"hpaBehavior"_s, preserved()}});
    const QJsonObject invokeStrategy = object({{u"StrategyType"_s, string()}, {u"ExecutionStrategy"_s, executionStrategy}});
    const QJsonObject packageRef = object({{u"packageref"_s, object({{u"namespace"_s, string()},
                                                                      {u"name"_s, string()},
                                                                      {u"resourceversion"_s, string()}})},
                                           {u"functionName"_s, string()}});
    QJsonObject mounted = modern ? object({{u"namespace"_s, string()}, {u"name"_s, string()}, {u"mountPath"_s, string()}},
                                          {u"name"_s, u"namespace"_s})
                                 : object({{u"namespace"_s, string()}, {u"name"_s, string()}}, {u"name"_s, u"namespace"_s});
    QJsonObject spec = object({{u"environment"_s, namespacedReference(modern)},
                               {u"package"_s, packageRef},
                               {u"secrets"_s, arrayOf(mounted, true)},
                               {u"configmaps"_s, arrayOf(mounted, true)},
                               {u"resources"_s, preserved()},
                               {u"InvokeStrategy"_s, invokeStrategy},
                               {u"functionTimeout"_s, integer()},
                               {u"idletimeout"_s, integer()},
                               {u"concurrency"_s, integer()},
                               {u"requestsPerPod"_s, integer()},
                               {u"onceOnly"_s, boolean()},
                               {u"retainPods"_s, integer()},
                               {u"podspec"_s, preserved()}},
                              {u"InvokeStrategy"_s, u"environment"_s, u"package"_s});
    if (!modern)
        return {{u"Function"_s, u"functions"_s, {u"fn"_s}}, root({{u"spec"_s, spec}}, {u"metadata"_s, u"spec"_s}), true, {}};

    QJsonObject properties = spec.value(u"properties"_s).toObject();
    properties.insert(u"env"_s, arrayOf(preserved()));
    properties.insert(u"envFrom"_s, arrayOf(preserved()));
    properties.insert(u"streaming"_s, object({{u"protocol"_s, stringWithDefault(u"auto"_s)},
                                              {u"idleTimeoutSeconds"_s, integer()},
                                              {u"maxDurationSeconds"_s, integer()}}));
    properties.insert(u"tool"_s, object({{u"toolName"_s, string()}, {u"alias"_s, string()}, {u"inputSchema"_s, preserved()}}));
    properties.insert(u"state"_s, preserved());
    properties.insert(u"invocation"_s, preserved());
    properties.insert(u"provisionedConcurrency"_s, object({{u"target"_s, integer()}, {u"windows"_s, arrayOf(preserved())}},
                                                           {u"target"_s}));
    properties.insert(u"versioning"_s, object({{u"mode"_s, stringWithDefault(u"auto"_s)}, {u"retain"_s, integer()}}));
    spec.insert(u"properties"_s, properties);
    const QJsonObject status = object({{u"observedGeneration"_s, int64()},
                                       {u"conditions"_s, conditions()},
                                       {u"provisionedReady"_s, integer()},
                                       {u"provisionedSpecTarget"_s, integer()},
                                       {u"provisionedTarget"_s, integer()}});
    return {{u"Function"_s, u"functions"_s, {u"fn"_s}}, root({{u"spec"_s, spec}, {u"status"_s, status}}, {u"metadata"_s, u"spec"_s}),
            true, {}};
}

CrdParts httpTrigger(bool modern)
{
    const QJsonObject ingress = object({{u"annotations"_s, stringMap(true)},
                                        {u"path"_s, string()},
                                        {u"host"_s, string()},
                                        {u"tls"_s, string()}});
    QJsonObject spec = object({{u"host"_s, string()},
                               {u"relativeurl"_s, string()},
                               {u"prefix"_s, string()},
                               {u"keepPrefix"_s, boolean()},
                               {u"method"_s, string()},
                               {u"methods"_s, arrayOf(string())},
                               {u"functionref"_s, functionReference(modern)},
                               {u"createingress"_s, boolean()},
                               {u"ingressconfig"_s, ingress}},
                              {u"functionref"_s});
    if (!modern)
        return {{u"HTTPTrigger"_s, u"httptriggers"_s, {}}, root({{u"spec"_s, spec}}, {u"metadata"_s, u"spec"_s}), true, {}};
    QJsonObject properties = spec.value(u"properties"_s).toObject();
    properties.insert(u"invocationMode"_s, enumString({QString(), u"async"_s}));
    properties.insert(u"routeConfig"_s, preserved());
    properties.insert(u"corsConfig"_s, preserved());
    spec.insert(u"properties"_s, properties);
    return {{u"HTTPTrigger"_s, u"httptriggers"_s, {}},
            root({{u"spec"_s, spec}, {u"status"_s, reconciledStatus()}}, {u"metadata"_s, u"spec"_s}), true, {}};
}

CrdParts timeTrigger(bool modern)
{
    const QJsonObject spec = object({{u"cron"_s, string()},
                                     {u"functionref"_s, functionReference(modern)},
                                     {u"method"_s, stringWithDefault(u"POST"_s)},
                                     {u"subpath"_s, stringWithDefault(u"/"_s)}},
                                    {u"cron"_s, u"functionref"_s});
    const QJsonObject openApi = modern ? root({{u"spec"_s, spec}, {u"status"_s, reconciledStatus()}}, {u"metadata"_s, u"spec"_s})
                                       : root({{u"spec"_s, spec}}, {u"metadata"_s, u"spec"_s});
    return {{u"TimeTrigger"_s, u"timetriggers"_s, {}}, openApi, true, {}};
}

CrdParts messageQueueTrigger(bool modern)
{
    const QJsonObject spec = object({{u"functionref"_s, functionReference(modern)},
                                     {u"messageQueueType"_s, string()},
                                     {u"topic"_s, string()},
                                     {u"respTopic"_s, string()},
                                     {u"errorTopic"_s, string()},
                                     {u"maxRetries"_s, integer()},
                                     {u"contentType"_s, string()},
                                     {u"pollingInterval"_s, int32()},
                                     {u"cooldownPeriod"_s, int32()},
                                     {u"minReplicaCount"_s, int32()},
                                     {u"maxReplicaCount"_s, int32()},
                                     {u"metadata"_s, stringMap()},
                                     {u"secret"_s, string()},
                                     {u"mqtkind"_s, string()},
                                     {u"podspec"_s, preserved()}},
                                    {u"topic"_s});
    const QJsonObject openApi = modern ? root({{u"spec"_s, spec}, {u"status"_s, reconciledStatus()}}, {u"metadata"_s, u"spec"_s})
                                       : root({{u"spec"_s, spec}}, {u"metadata"_s, u"spec"_s});
    return {{u"MessageQueueTrigger"_s, u"messagequeuetriggers"_s, {}}, openApi, modern, {}};
}

CrdParts kubernetesWatchTrigger(bool modern)
{
    const QJsonObject spec = object({{u"namespace"_s, string()},
                                     {u"type"_s, string()},
                                     {u"labelselector"_s, stringMap()},
                                     {u"functionref"_s, functionReference(modern)}},
                                    {u"functionref"_s, u"namespace"_s, u"type"_s});
    const QJsonObject openApi = modern ? root({{u"spec"_s, spec}, {u"status"_s, reconciledStatus()}}, {u"metadata"_s, u"spec"_s})
                                       : root({{u"spec"_s, spec}}, {u"metadata"_s, u"spec"_s});
    return {{u"KubernetesWatchTrigger"_s, u"kuberneteswatchtriggers"_s, {}}, openApi, true, {}};
}

CrdParts canaryConfig(bool modern)
{
    const QJsonObject spec = object({{u"trigger"_s, string()},
                                     {u"newfunction"_s, string()},
                                     {u"oldfunction"_s, string()},
                                     {u"weightincrement"_s, integer()},
                                     {u"duration"_s, string()},
                                     {u"failurethreshold"_s, integer()},
                                     {u"failureType"_s, string()}},
                                    {u"newfunction"_s, u"oldfunction"_s, u"trigger"_s});
    // 1.20 requires a status (its controller writes the plain status.status field).
    if (!modern) {
        const QJsonObject status = object({{u"status"_s, string()}}, {u"status"_s});
        return {{u"CanaryConfig"_s, u"canaryconfigs"_s, {}},
                root({{u"spec"_s, spec}, {u"status"_s, status}}, {u"metadata"_s, u"spec"_s, u"status"_s}), false, {}};
    }
    const QJsonObject status = object({{u"status"_s, string()}, {u"conditions"_s, conditions()}});
    return {{u"CanaryConfig"_s, u"canaryconfigs"_s, {}}, root({{u"spec"_s, spec}, {u"status"_s, status}}, {u"metadata"_s, u"spec"_s}),
            true, {}};
}

QJsonObject printerColumn(const QString &name, const QString &type, const QString &jsonPath)
{
    return {{u"name"_s, name}, {u"type"_s, type}, {u"jsonPath"_s, jsonPath}};
}

const QString kReadyColumn = u".status.conditions[?(@.type==\"Ready\")].status"_s;

CrdParts fissionTenant()
{
    const QJsonObject spec = object({{u"namespace"_s, string()}, {u"functionNamespace"_s, string()}, {u"builderNamespace"_s, string()}},
                                    {u"namespace"_s});
    QJsonArray columns{printerColumn(u"Namespace"_s, u"string"_s, u".spec.namespace"_s),
                       printerColumn(u"Ready"_s, u"string"_s, kReadyColumn),
                       printerColumn(u"Age"_s, u"date"_s, u".metadata.creationTimestamp"_s)};
    return {{u"FissionTenant"_s, u"fissiontenants"_s, {u"ftenant"_s}, true},
            root({{u"spec"_s, spec}, {u"status"_s, reconciledStatus()}}, {u"metadata"_s, u"spec"_s}), true, columns};
}

CrdParts functionVersion()
{
    const QJsonObject spec = object({{u"functionName"_s, string()},
                                     {u"functionUID"_s, string()},
                                     {u"functionGeneration"_s, int64()},
                                     {u"sequence"_s, int64()},
                                     {u"snapshot"_s, preserved()},
                                     {u"packageDigest"_s, string()},
                                     {u"publishedAt"_s, dateTime()},
                                     {u"envRuntimeImage"_s, string()},
                                     {u"envObservedGeneration"_s, int64()}},
                                    {u"functionGeneration"_s, u"functionName"_s, u"functionUID"_s, u"packageDigest"_s,
                                     u"publishedAt"_s, u"sequence"_s, u"snapshot"_s});
    QJsonArray columns{printerColumn(u"Sequence"_s, u"integer"_s, u".spec.sequence"_s),
                       printerColumn(u"PackageDigest"_s, u"string"_s, u".spec.packageDigest"_s),
                       printerColumn(u"PublishedAt"_s, u"date"_s, u".spec.publishedAt"_s)};
    // An immutable snapshot: the subresource is declared, the status carries nothing.
    return {{u"FunctionVersion"_s, u"functionversions"_s, {u"fnver"_s}}, root({{u"spec"_s, spec}}, {u"metadata"_s, u"spec"_s}), true,
            columns};
}

CrdParts functionAlias()
{
    const QJsonObject spec = object({{u"functionName"_s, string()},
                                     {u"version"_s, string()},
                                     {u"packageDigest"_s, string()},
                                     {u"weight"_s, integer()},
                                     {u"secondaryVersion"_s, string()}},
                                    {u"functionName"_s});
    const QJsonObject status = object({{u"resolvedVersion"_s, string()},
                                       {u"history"_s, arrayOf(preserved())},
                                       {u"conditions"_s, conditions()}});
    QJsonArray columns{printerColumn(u"Function"_s, u"string"_s, u".spec.functionName"_s),
                       printerColumn(u"Version"_s, u"string"_s, u".spec.version"_s),
                       printerColumn(u"Weight"_s, u"integer"_s, u".spec.weight"_s),
                       printerColumn(u"ResolvedVersion"_s, u"string"_s, u".status.resolvedVersion"_s)};
    return {{u"FunctionAlias"_s, u"functionaliases"_s, {u"fnalias"_s}},
            root({{u"spec"_s, spec}, {u"status"_s, status}}, {u"metadata"_s, u"spec"_s}), true, columns};
}

CrdParts workflow()
{
    const QJsonObject spec = object({{u"startAt"_s, string()},
                                     {u"states"_s, preserved()},
                                     {u"timeout"_s, string()},
                                     {u"defaultRetry"_s, preserved()},
                                     {u"historyRetention"_s, preserved()}},
                                    {u"startAt"_s, u"states"_s});
    QJsonArray columns{printerColumn(u"StartAt"_s, u"string"_s, u".spec.startAt"_s),
                       printerColumn(u"Validated"_s, u"string"_s, u".status.conditions[?(@.type==\"Validated\")].status"_s),
                       printerColumn(u"Age"_s, u"date"_s, u".metadata.creationTimestamp"_s)};
    return {{u"Workflow"_s, u"workflows"_s, {u"wf"_s}},
            root({{u"spec"_s, spec}, {u"status"_s, reconciledStatus()}}, {u"metadata"_s, u"spec"_s}), true, columns};
}

CrdParts workflowRun()
{
    QJsonObject input = preserved();
    input.remove(u"type"_s); // any JSON value
    const QJsonObject spec = object({{u"workflowRef"_s, string()}, {u"workflowGeneration"_s, int64()}, {u"input"_s, input}},
                                    {u"workflowRef"_s});
    const QJsonObject status = object({{u"phase"_s, enumString({u"Pending"_s, u"Running"_s, u"Succeeded"_s, u"Failed"_s,
                                                                u"Cancelled"_s, u"TimedOut"_s})},
                                       {u"startedAt"_s, dateTime()},
                                       {u"finishedAt"_s, dateTime()},
                                       {u"observedGeneration"_s, int64()},
                                       {u"cause"_s, string()},
                                       {u"errorType"_s, string()},
                                       {u"outputRef"_s, string()},
                                       {u"output"_s, input},
                                       {u"activeStates"_s, arrayOf(preserved())},
                                       {u"recentEvents"_s, arrayOf(preserved())},
                                       {u"conditions"_s, conditions()}});
    QJsonArray columns{printerColumn(u"Workflow"_s, u"string"_s, u".spec.workflowRef"_s),
                       printerColumn(u"Phase"_s, u"string"_s, u".status.phase"_s),
                       printerColumn(u"Started"_s, u"date"_s, u".status.startedAt"_s),
                       printerColumn(u"Age"_s, u"date"_s, u".metadata.creationTimestamp"_s)};
    return {{u"WorkflowRun"_s, u"workflowruns"_s, {u"wfr"_s}},
            root({{u"spec"_s, spec}, {u"status"_s, status}}, {u"metadata"_s, u"spec"_s}), true, columns};
}

QJsonObject crdObject(const CrdParts &parts, FissionFlavor flavor)
{
    const KindNames &names = parts.names;
    QJsonObject namesJson{{u"kind"_s, names.kind},
                          {u"listKind"_s, names.kind + u"List"_s},
                          {u"plural"_s, names.plural},
                          {u"singular"_s, names.kind.toLower()}};
    if (!names.shortNames.isEmpty())
        namesJson.insert(u"shortNames"_s, QJsonArray::fromStringList(names.shortNames));
    QJsonObject version{{u"name"_s, u"v1"_s},
                        {u"served"_s, true},
                        {u"storage"_s, true},
                        {u"schema"_s, QJsonObject{{u"openAPIV3Schema"_s, parts.openApiSchema}}}};
    if (parts.statusSubresource)
        version.insert(u"subresources"_s, QJsonObject{{u"status"_s, QJsonObject()}});
    if (!parts.printerColumns.isEmpty())
        version.insert(u"additionalPrinterColumns"_s, parts.printerColumns);
    // controller-gen's stamp, as upstream's generated files carry it.
    QJsonObject metadata{{u"name"_s, names.plural + u".fission.io"_s},
                         {u"annotations"_s, QJsonObject{{u"controller-gen.kubebuilder.io/version"_s,
                                                         isModern(flavor) ? u"v0.21.0"_s : u"v0.16.3"_s}}}};
    // `kubectl create -k` adds the kustomization's commonLabels; main's hook applies bare files.
    if (!isModern(flavor))
        metadata.insert(u"labels"_s, QJsonObject{{u"group"_s, u"fission.io"_s}});
    return {{u"apiVersion"_s, u"apiextensions.k8s.io/v1"_s},
            {u"kind"_s, u"CustomResourceDefinition"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, QJsonObject{{u"group"_s, u"fission.io"_s},
                                    {u"names"_s, namesJson},
                                    {u"scope"_s, names.clusterScoped ? u"Cluster"_s : u"Namespaced"_s},
                                    {u"versions"_s, QJsonArray{version}}}}};
}

} // namespace

QList<QJsonObject> fissionCrds(FissionFlavor flavor)
{
    const bool modern = isModern(flavor);
    QList<CrdParts> parts{canaryConfig(modern), environment(modern),        function(modern),
                          httpTrigger(modern),  kubernetesWatchTrigger(modern), messageQueueTrigger(modern),
                          package(modern),      timeTrigger(modern)};
    if (modern)
        parts << fissionTenant() << functionAlias() << functionVersion() << workflowRun() << workflow();
    QList<QJsonObject> crds;
    for (const CrdParts &part : std::as_const(parts))
        crds << crdObject(part, flavor);
    return crds;
}

} // namespace fd::sim::fissioninstall
