#include "sim/schema/BuiltinSchemas.h"

#include <QJsonArray>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace fd::sim {

namespace {

// ---- a small vocabulary for writing schemas ----------------------------------------------

using Properties = std::initializer_list<std::pair<const char *, QJsonObject>>;

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString meta(const char *name)
{
    return QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.") + text(name);
}

QString core(const char *name)
{
    return QStringLiteral("io.k8s.api.core.v1.") + text(name);
}

QString apps(const char *name)
{
    return QStringLiteral("io.k8s.api.apps.v1.") + text(name);
}

const QString kIntOrStringModel = QStringLiteral("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
const QString kQuantityModel = QStringLiteral("io.k8s.apimachinery.pkg.api.resource.Quantity");

QJsonObject described(QJsonObject schema, const char *description)
{
    if (description && *description)
        schema.insert(QStringLiteral("description"), text(description));
    return schema;
}

QJsonObject str(const char *description)
{
    return described({{QStringLiteral("type"), QStringLiteral("string")}}, description);
}

QJsonObject strEnum(const char *description, const QStringList &values)
{
    QJsonObject schema = str(description);
    schema.insert(QStringLiteral("enum"), QJsonArray::fromStringList(values));
    return schema;
}

QJsonObject integer(const char *format, const char *description)
{
    return described({{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("format"), text(format)}},
                     description);
}

QJsonObject int32(const char *description)
{
    return integer("int32", description);
}

QJsonObject int64(const char *description)
{
    return integer("int64", description);
}

QJsonObject boolean(const char *description)
{
    return described({{QStringLiteral("type"), QStringLiteral("boolean")}}, description);
}

QJsonObject anyObject(const char *description)
{
    return described({{QStringLiteral("type"), QStringLiteral("object")}}, description);
}

QJsonObject refTo(const QString &model, const char *description)
{
    return BuiltinSchemas::ref(model, description ? text(description) : QString());
}

QJsonObject timestamp(const char *description)
{
    return refTo(meta("Time"), description);
}

QJsonObject arrayOf(const QJsonObject &items, const char *description)
{
    return described({{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}}, description);
}

QJsonObject arrayOfRefs(const QString &model, const char *description)
{
    return arrayOf({{QStringLiteral("$ref"), BuiltinSchemas::refPath(model)}, {QStringLiteral("default"), QJsonObject()}},
                   description);
}

QJsonObject strings(const char *description)
{
    return arrayOf({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("default"), QString()}}, description);
}

QJsonObject mapOf(const QJsonObject &values, const char *description)
{
    return described({{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("additionalProperties"), values}},
                     description);
}

QJsonObject stringMap(const char *description)
{
    return mapOf({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("default"), QString()}}, description);
}

QJsonObject object(const char *description, Properties properties, const QStringList &required = {})
{
    QJsonObject props;
    for (const auto &[name, schema] : properties)
        props.insert(text(name), schema);
    QJsonObject schema = described({{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), props}},
                                   description);
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject withGvk(QJsonObject schema, const QString &group, const QString &version, const QString &kind)
{
    schema.insert(QStringLiteral("x-kubernetes-group-version-kind"),
                  QJsonArray{QJsonObject{{QStringLiteral("group"), group},
                                         {QStringLiteral("kind"), kind},
                                         {QStringLiteral("version"), version}}});
    return schema;
}

// A top-level kind: apiVersion, kind, metadata plus its own fields.
QJsonObject kindObject(const char *description, Properties fields, const QStringList &required = {})
{
    QJsonObject schema = object(description, fields, required);
    QJsonObject props = schema.value(QStringLiteral("properties")).toObject();
    props.insert(QStringLiteral("apiVersion"), BuiltinSchemas::apiVersionProperty());
    props.insert(QStringLiteral("kind"), BuiltinSchemas::kindProperty());
    props.insert(QStringLiteral("metadata"), BuiltinSchemas::metadataProperty());
    schema.insert(QStringLiteral("properties"), props);
    return schema;
}

using Definitions = QHash<QString, QJsonObject>;

// ---- apimachinery -------------------------------------------------------------------------

void addMetaDefinitions(Definitions &defs)
{
    defs.insert(meta("Time"), described({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("date-time")}},
                                        "A timestamp in RFC 3339 form with second precision, e.g. 2024-05-01T12:00:00Z."));
    defs.insert(meta("MicroTime"), described({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("date-time")}},
                                             "A timestamp in RFC 3339 form with microsecond precision."));
    defs.insert(kIntOrStringModel, described({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("int-or-string")}},
                                             "A value that is either an integer or a string, such as a port number or a port name, or a count or a percentage."));
    defs.insert(kQuantityModel, str("A fixed-point amount with an optional SI or binary suffix, e.g. 100m, 1.5, 128Mi, 2Gi."));

    defs.insert(meta("OwnerReference"),
                object("Identifies an object that owns this one. The garbage collector deletes an object once all its owners are gone.",
                       {{"apiVersion", str("API version of the owner.")},
                        {"kind", str("Kind of the owner.")},
                        {"name", str("Name of the owner.")},
                        {"uid", str("UID of the owner.")},
                        {"controller", boolean("True if the owner is the managing controller.")},
                        {"blockOwnerDeletion", boolean("If true, foreground deletion of the owner waits until this object is gone.")}},
                       {QStringLiteral("apiVersion"), QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("uid")}));
    defs.insert(meta("ManagedFieldsEntry"),
                object("Which fields a field manager (a client such as kubectl or helm) set through which operation.",
                       {{"manager", str("Name of the field manager.")},
                        {"operation", str("Apply or Update.")},
                        {"apiVersion", str("API version the fields were set in.")},
                        {"time", timestamp("When the manager last changed these fields.")},
                        {"fieldsType", str("Format of fieldsV1; always FieldsV1.")},
                        {"fieldsV1", anyObject("The set of fields, as a trie of field paths.")},
                        {"subresource", str("The subresource the change was made through, if any.")}}));
    defs.insert(kObjectMetaModel,
                object("Metadata every persisted object has: identity, labels and annotations, ownership and lifecycle.",
                       {{"name", str("Name, unique among objects of this kind in the namespace. Cannot be updated.")},
                        {"generateName", str("Prefix from which the server generates a unique name when name is empty.")},
                        {"namespace", str("Namespace the object lives in; empty for cluster-scoped kinds.")},
                        {"uid", str("Server-generated unique identifier of this object, never reused.")},
                        {"resourceVersion", str("Opaque version of this object, changed on every write. Used for optimistic concurrency and watches.")},
                        {"generation", int64("Sequence number of changes to the desired state (spec); set by the server.")},
                        {"creationTimestamp", timestamp("When the object was created; set by the server.")},
                        {"deletionTimestamp", timestamp("When the object will be deleted; set by the server when deletion is requested and finalizers or a grace period keep it.")},
                        {"deletionGracePeriodSeconds", int64("Seconds the object has to terminate gracefully before it is removed.")},
                        {"labels", stringMap("Key/value pairs for organising and selecting objects.")},
                        {"annotations", stringMap("Key/value pairs for arbitrary non-identifying metadata used by tools.")},
                        {"ownerReferences", arrayOfRefs(meta("OwnerReference"), "Objects this object depends on; it is garbage collected when they are gone.")},
                        {"finalizers", strings("Names of finalizers that must be removed before the object is deleted.")},
                        {"managedFields", arrayOfRefs(meta("ManagedFieldsEntry"), "Which field managers own which fields; maintained by the server.")},
                        {"selfLink", str("Deprecated and no longer set.")}}));
    defs.insert(kListMetaModel,
                object("Metadata of a list response.",
                       {{"resourceVersion", str("Version of the collection this list reflects; start a watch from it.")},
                        {"continue", str("Token to fetch the next chunk of a paginated list; empty on the last chunk.")},
                        {"remainingItemCount", int64("Number of items after this chunk, when known.")},
                        {"selfLink", str("Deprecated and no longer set.")}}));
    defs.insert(meta("LabelSelectorRequirement"),
                object("One expression of a label selector.",
                       {{"key", str("The label key.")},
                        {"operator", str("In, NotIn, Exists or DoesNotExist.")},
                        {"values", strings("Values for In and NotIn; must be empty for Exists and DoesNotExist.")}},
                       {QStringLiteral("key"), QStringLiteral("operator")}));
    defs.insert(meta("LabelSelector"),
                object("Selects objects by labels; all conditions must hold. An empty selector matches everything.",
                       {{"matchLabels", stringMap("Labels that must be present with exactly these values.")},
                        {"matchExpressions", arrayOfRefs(meta("LabelSelectorRequirement"), "Set-based requirements.")}}));
    defs.insert(meta("StatusCause"),
                object("One cause of a failed request, usually a field that failed validation.",
                       {{"reason", str("Machine-readable cause, e.g. FieldValueInvalid.")},
                        {"message", str("Human-readable description.")},
                        {"field", str("The field that caused the error, e.g. spec.containers[0].image.")}}));
    defs.insert(meta("StatusDetails"),
                object("Extra information about a failed request.",
                       {{"name", str("Name of the object concerned.")},
                        {"group", str("API group of the object concerned.")},
                        {"kind", str("Kind (or resource) of the object concerned.")},
                        {"uid", str("UID of the object concerned.")},
                        {"causes", arrayOfRefs(meta("StatusCause"), "The individual causes.")},
                        {"retryAfterSeconds", int32("Seconds after which the client may retry.")}}));
    defs.insert(kStatusModel,
                withGvk(object("The result of a call that does not return an object, and the body of every error.",
                               {{"apiVersion", BuiltinSchemas::apiVersionProperty()},
                                {"kind", BuiltinSchemas::kindProperty()},
                                {"metadata", BuiltinSchemas::listMetadataProperty()},
                                {"status", str("Success or Failure.")},
                                {"message", str("Human-readable description of the outcome.")},
                                {"reason", str("Machine-readable reason, e.g. NotFound, AlreadyExists, Conflict, Invalid.")},
                                {"details", refTo(meta("StatusDetails"), "Extra data about the reason.")},
                                {"code", int32("The HTTP status code.")}}),
                        QString(), QStringLiteral("v1"), QStringLiteral("Status")));
    defs.insert(meta("Preconditions"),
                object("Conditions a delete must satisfy.",
                       {{"uid", str("The object must have this UID.")},
                        {"resourceVersion", str("The object must have this resource version.")}}));
    defs.insert(kDeleteOptionsModel,
                withGvk(object("Options of a delete request.",
                               {{"apiVersion", BuiltinSchemas::apiVersionProperty()},
                                {"kind", BuiltinSchemas::kindProperty()},
                                {"gracePeriodSeconds", int64("Seconds before the object is deleted; zero deletes immediately.")},
                                {"preconditions", refTo(meta("Preconditions"), "Must hold or the delete fails with a conflict.")},
                                {"orphanDependents", boolean("Deprecated: use propagationPolicy.")},
                                {"propagationPolicy", str("Orphan, Background or Foreground: what happens to dependents.")},
                                {"dryRun", strings("All: validate and run admission but persist nothing.")}}),
                        QString(), QStringLiteral("v1"), QStringLiteral("DeleteOptions")));
    defs.insert(kPatchModel, described({{QStringLiteral("type"), QStringLiteral("object")}},
                                       "A patch document; its format is given by the request's Content-Type."));
}

// ---- autoscaling/v1 Scale -----------------------------------------------------------------

void addScaleDefinitions(Definitions &defs)
{
    defs.insert(QStringLiteral("io.k8s.api.autoscaling.v1.ScaleSpec"),
                object("Desired scale.", {{"replicas", int32("Desired number of instances.")}}));
    defs.insert(QStringLiteral("io.k8s.api.autoscaling.v1.ScaleStatus"),
                object("Observed scale.",
                       {{"replicas", int32("Actual number of instances.")},
                        {"selector", str("Label selector (in query-string form) matching the instances.")}},
                       {QStringLiteral("replicas")}));
    defs.insert(kScaleModel,
                withGvk(kindObject("The scale subresource of a scalable resource.",
                                   {{"spec", refTo(QStringLiteral("io.k8s.api.autoscaling.v1.ScaleSpec"), "Desired scale.")},
                                    {"status", refTo(QStringLiteral("io.k8s.api.autoscaling.v1.ScaleStatus"), "Current scale; read-only.")}}),
                        QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")));
}

// ---- core/v1 Pod and its parts ------------------------------------------------------------

void addContainerDefinitions(Definitions &defs)
{
    defs.insert(core("EnvVar"),
                object("An environment variable of a container.",
                       {{"name", str("Variable name.")},
                        {"value", str("Literal value; $(VAR) references to earlier variables are expanded.")},
                        {"valueFrom", anyObject("Source of the value: a ConfigMap or Secret key, a field of the pod, or a resource limit.")}},
                       {QStringLiteral("name")}));
    defs.insert(core("ContainerPort"),
                object("A port a container listens on.",
                       {{"containerPort", int32("Port number on the pod's IP address.")},
                        {"name", str("Name services can refer to the port by.")},
                        {"protocol", strEnum("TCP (default), UDP or SCTP.", {QStringLiteral("SCTP"), QStringLiteral("TCP"), QStringLiteral("UDP")})},
                        {"hostPort", int32("Port to expose on the node; rarely needed.")}},
                       {QStringLiteral("containerPort")}));
    defs.insert(core("ResourceRequirements"),
                object("Compute resources of a container.",
                       {{"requests", mapOf({{QStringLiteral("$ref"), BuiltinSchemas::refPath(kQuantityModel)}}, "Minimum resources the scheduler reserves, e.g. cpu: 100m, memory: 128Mi.")},
                        {"limits", mapOf({{QStringLiteral("$ref"), BuiltinSchemas::refPath(kQuantityModel)}}, "Maximum resources the container may use.")}}));
    defs.insert(core("VolumeMount"),
                object("Where a volume appears inside a container.",
                       {{"name", str("Name of a volume of the pod.")},
                        {"mountPath", str("Path inside the container.")},
                        {"subPath", str("Path within the volume to mount instead of its root.")},
                        {"readOnly", boolean("Mount read-only.")}},
                       {QStringLiteral("name"), QStringLiteral("mountPath")}));
    defs.insert(core("Probe"),
                object("A health check run against a container.",
                       {{"httpGet", anyObject("HTTP GET request to perform (path, port, scheme, headers).")},
                        {"tcpSocket", anyObject("TCP port to connect to.")},
                        {"exec", anyObject("Command to run inside the container.")},
                        {"grpc", anyObject("gRPC health check to call.")},
                        {"initialDelaySeconds", int32("Seconds after start before the first check.")},
                        {"periodSeconds", int32("Seconds between checks (default 10).")},
                        {"timeoutSeconds", int32("Seconds before a check times out (default 1).")},
                        {"successThreshold", int32("Consecutive successes that count as healthy again.")},
                        {"failureThreshold", int32("Consecutive failures that count as unhealthy (default 3).")}}));
    defs.insert(core("Container"),
                object("A container of a pod.",
                       {{"name", str("Name, unique within the pod.")},
                        {"image", str("Container image reference, e.g. ghcr.io/fission/python-env:latest.")},
                        {"imagePullPolicy", strEnum("Always, IfNotPresent or Never. Defaults to Always for :latest, IfNotPresent otherwise.",
                                                    {QStringLiteral("Always"), QStringLiteral("IfNotPresent"), QStringLiteral("Never")})},
                        {"command", strings("Entrypoint; replaces the image's ENTRYPOINT.")},
                        {"args", strings("Arguments; replace the image's CMD.")},
                        {"workingDir", str("Working directory.")},
                        {"env", arrayOfRefs(core("EnvVar"), "Environment variables.")},
                        {"envFrom", arrayOf(anyObject("A ConfigMap or Secret whose keys become variables."), "Sources of environment variables.")},
                        {"ports", arrayOfRefs(core("ContainerPort"), "Ports the container exposes (informational).")},
                        {"resources", refTo(core("ResourceRequirements"), "CPU and memory requests and limits.")},
                        {"volumeMounts", arrayOfRefs(core("VolumeMount"), "Volumes mounted into the container.")},
                        {"livenessProbe", refTo(core("Probe"), "Restarts the container when it fails.")},
                        {"readinessProbe", refTo(core("Probe"), "Removes the pod from service endpoints while it fails.")},
                        {"startupProbe", refTo(core("Probe"), "Holds off the other probes until the container has started.")},
                        {"lifecycle", anyObject("Hooks run after start and before stop.")},
                        {"securityContext", anyObject("Security options of the container.")},
                        {"terminationMessagePath", str("File the container writes its termination message to.")}},
                       {QStringLiteral("name")}));
}

void addPodDefinitions(Definitions &defs)
{
    addContainerDefinitions(defs);
    defs.insert(core("LocalObjectReference"),
                object("A reference to an object in the same namespace.", {{"name", str("Name of the referent.")}}));
    defs.insert(core("Volume"),
                object("A named volume the pod's containers can mount. Exactly one source is set.",
                       {{"name", str("Volume name, referenced by volumeMounts.")},
                        {"configMap", anyObject("A ConfigMap's keys as files.")},
                        {"secret", anyObject("A Secret's keys as files.")},
                        {"emptyDir", anyObject("A scratch directory that lives as long as the pod.")},
                        {"persistentVolumeClaim", anyObject("A PersistentVolumeClaim in the pod's namespace.")},
                        {"hostPath", anyObject("A directory of the node.")},
                        {"projected", anyObject("Several sources projected into one directory.")}},
                       {QStringLiteral("name")}));
    defs.insert(core("Toleration"),
                object("Allows scheduling onto nodes with a matching taint.",
                       {{"key", str("Taint key.")},
                        {"operator", str("Exists or Equal (default).")},
                        {"value", str("Taint value for Equal.")},
                        {"effect", str("NoSchedule, PreferNoSchedule or NoExecute; empty matches all.")},
                        {"tolerationSeconds", int64("How long a NoExecute taint is tolerated.")}}));
    defs.insert(core("PodSpec"),
                object("The desired state of a pod.",
                       {{"containers", arrayOfRefs(core("Container"), "The containers of the pod; at least one.")},
                        {"initContainers", arrayOfRefs(core("Container"), "Containers run to completion, in order, before the others start.")},
                        {"volumes", arrayOfRefs(core("Volume"), "Volumes the containers can mount.")},
                        {"restartPolicy", strEnum("Always (default), OnFailure or Never.", {QStringLiteral("Always"), QStringLiteral("Never"), QStringLiteral("OnFailure")})},
                        {"serviceAccountName", str("Service account the pod runs as.")},
                        {"automountServiceAccountToken", boolean("Whether the service account token is mounted.")},
                        {"nodeName", str("Node the pod is bound to; set by the scheduler.")},
                        {"nodeSelector", stringMap("Node labels the node must have.")},
                        {"affinity", anyObject("Node and pod (anti-)affinity rules.")},
                        {"tolerations", arrayOfRefs(core("Toleration"), "Taints the pod tolerates.")},
                        {"imagePullSecrets", arrayOfRefs(core("LocalObjectReference"), "Secrets with registry credentials.")},
                        {"securityContext", anyObject("Security options for all containers.")},
                        {"terminationGracePeriodSeconds", int64("Seconds the pod gets to stop after SIGTERM (default 30).")},
                        {"activeDeadlineSeconds", int64("Seconds the pod may run before it is failed.")},
                        {"dnsPolicy", str("ClusterFirst (default), ClusterFirstWithHostNet, Default or None.")},
                        {"hostNetwork", boolean("Use the node's network namespace.")},
                        {"priorityClassName", str("Priority class of the pod.")},
                        {"schedulerName", str("Scheduler that places the pod.")}},
                       {QStringLiteral("containers")}));
    defs.insert(core("PodCondition"),
                object("One aspect of a pod's state.",
                       {{"type", str("PodScheduled, Initialized, ContainersReady or Ready.")},
                        {"status", str("True, False or Unknown.")},
                        {"reason", str("One-word reason for the last transition.")},
                        {"message", str("Details of the last transition.")},
                        {"lastProbeTime", timestamp("Last time the condition was checked.")},
                        {"lastTransitionTime", timestamp("Last time the status changed.")}},
                       {QStringLiteral("type"), QStringLiteral("status")}));
    defs.insert(core("ContainerState"),
                object("The state of a container; exactly one member is set.",
                       {{"waiting", object("Not running yet.", {{"reason", str("Why, e.g. ContainerCreating or CrashLoopBackOff.")}, {"message", str("Details.")}})},
                        {"running", object("Running.", {{"startedAt", timestamp("When it (re)started.")}})},
                        {"terminated", object("Finished.",
                                              {{"exitCode", int32("Exit code.")},
                                               {"reason", str("Why, e.g. Completed, Error or OOMKilled.")},
                                               {"message", str("Details.")},
                                               {"startedAt", timestamp("When it started.")},
                                               {"finishedAt", timestamp("When it ended.")}})}}));
    defs.insert(core("ContainerStatus"),
                object("The observed state of one container.",
                       {{"name", str("Container name.")},
                        {"ready", boolean("Passes its readiness probe.")},
                        {"started", boolean("Passed its startup probe.")},
                        {"restartCount", int32("Times the container has been restarted.")},
                        {"image", str("Image it runs.")},
                        {"imageID", str("Resolved image digest.")},
                        {"containerID", str("Runtime ID, e.g. containerd://….")},
                        {"state", refTo(core("ContainerState"), "Current state.")},
                        {"lastState", refTo(core("ContainerState"), "State of the previous instance.")}},
                       {QStringLiteral("name"), QStringLiteral("ready"), QStringLiteral("restartCount"), QStringLiteral("image")}));
    defs.insert(core("PodStatus"),
                object("The observed state of a pod; written by the kubelet.",
                       {{"phase", strEnum("Pending, Running, Succeeded, Failed or Unknown.",
                                          {QStringLiteral("Failed"), QStringLiteral("Pending"), QStringLiteral("Running"), QStringLiteral("Succeeded"), QStringLiteral("Unknown")})},
                        {"conditions", arrayOfRefs(core("PodCondition"), "Current conditions.")},
                        {"message", str("Why the pod is in this state.")},
                        {"reason", str("One-word reason, e.g. Evicted.")},
                        {"hostIP", str("IP of the node.")},
                        {"podIP", str("IP of the pod.")},
                        {"startTime", timestamp("When the kubelet accepted the pod.")},
                        {"qosClass", str("Guaranteed, Burstable or BestEffort.")},
                        {"initContainerStatuses", arrayOfRefs(core("ContainerStatus"), "States of the init containers.")},
                        {"containerStatuses", arrayOfRefs(core("ContainerStatus"), "States of the containers.")}}));
    defs.insert(core("PodTemplateSpec"),
                object("The pods a controller creates.",
                       {{"metadata", BuiltinSchemas::metadataProperty()},
                        {"spec", refTo(core("PodSpec"), "Desired state of the pods.")}}));
    defs.insert(core("Pod"),
                withGvk(kindObject("A group of containers that share network and storage and are scheduled together onto one node. "
                                   "Usually created by a controller (Deployment, Job, …) rather than directly.",
                                   {{"spec", refTo(core("PodSpec"), "Desired state of the pod.")},
                                    {"status", refTo(core("PodStatus"), "Observed state of the pod; read-only.")}}),
                        QString(), QStringLiteral("v1"), QStringLiteral("Pod")));
}

// ---- core/v1 Service, ConfigMap, Secret, Namespace ----------------------------------------

void addServiceDefinitions(Definitions &defs)
{
    defs.insert(core("ServicePort"),
                object("A port the service exposes.",
                       {{"name", str("Name; required when there is more than one port.")},
                        {"port", int32("Port the service listens on.")},
                        {"targetPort", refTo(kIntOrStringModel, "Number or name of the pods' port (defaults to port).")},
                        {"protocol", strEnum("TCP (default), UDP or SCTP.", {QStringLiteral("SCTP"), QStringLiteral("TCP"), QStringLiteral("UDP")})},
                        {"nodePort", int32("Port on every node, for NodePort and LoadBalancer services.")},
                        {"appProtocol", str("Application protocol, e.g. http or kubernetes.io/h2c.")}},
                       {QStringLiteral("port")}));
    defs.insert(core("ServiceSpec"),
                object("How a service selects pods and exposes them.",
                       {{"type", strEnum("ClusterIP (default), NodePort, LoadBalancer or ExternalName.",
                                         {QStringLiteral("ClusterIP"), QStringLiteral("ExternalName"), QStringLiteral("LoadBalancer"), QStringLiteral("NodePort")})},
                        {"selector", stringMap("Pods with these labels receive the traffic.")},
                        {"ports", arrayOfRefs(core("ServicePort"), "Exposed ports.")},
                        {"clusterIP", str("Virtual IP; None makes a headless service.")},
                        {"clusterIPs", strings("Virtual IPs, one per IP family.")},
                        {"externalName", str("DNS name to alias, for ExternalName services.")},
                        {"externalTrafficPolicy", str("Cluster or Local.")},
                        {"internalTrafficPolicy", str("Cluster or Local.")},
                        {"sessionAffinity", strEnum("None (default) or ClientIP.", {QStringLiteral("ClientIP"), QStringLiteral("None")})},
                        {"ipFamilies", strings("IPv4 and/or IPv6.")},
                        {"ipFamilyPolicy", str("SingleStack, PreferDualStack or RequireDualStack.")},
                        {"loadBalancerIP", str("Deprecated: requested load balancer IP.")}}));
    defs.insert(core("ServiceStatus"),
                object("The observed state of a service.",
                       {{"loadBalancer", object("Load balancer status.",
                                                {{"ingress", arrayOf(object("An ingress point.", {{"ip", str("IP address.")}, {"hostname", str("DNS name.")}}),
                                                                     "Ingress points of the load balancer.")}})},
                        {"conditions", arrayOf(anyObject("A condition."), "Current conditions.")}}));
    defs.insert(core("Service"),
                withGvk(kindObject("A stable virtual IP and DNS name in front of a set of pods chosen by labels.",
                                   {{"spec", refTo(core("ServiceSpec"), "Desired behaviour of the service.")},
                                    {"status", refTo(core("ServiceStatus"), "Observed state; read-only.")}}),
                        QString(), QStringLiteral("v1"), QStringLiteral("Service")));
}

void addConfigDefinitions(Definitions &defs)
{
    defs.insert(core("ConfigMap"),
                withGvk(kindObject("Non-confidential configuration as key/value pairs, consumed as environment variables, "
                                   "command-line arguments or files in a volume.",
                                   {{"data", stringMap("UTF-8 values by key.")},
                                    {"binaryData", mapOf({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("byte")}},
                                                         "Binary values by key, base64 encoded. Keys may not repeat those of data.")},
                                    {"immutable", boolean("If true, data cannot be changed (only the object deleted).")}}),
                        QString(), QStringLiteral("v1"), QStringLiteral("ConfigMap")));
    defs.insert(core("Secret"),
                withGvk(kindObject("Confidential data such as passwords, tokens or keys, consumed like a ConfigMap.",
                                   {{"data", mapOf({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("byte")}},
                                                   "Values by key, base64 encoded.")},
                                    {"stringData", stringMap("Write-only convenience: plain-text values merged into data on write.")},
                                    {"type", str("How the data is used, e.g. Opaque (default), kubernetes.io/tls, "
                                                 "kubernetes.io/dockerconfigjson or helm.sh/release.v1.")},
                                    {"immutable", boolean("If true, data cannot be changed (only the object deleted).")}}),
                        QString(), QStringLiteral("v1"), QStringLiteral("Secret")));
}

void addNamespaceDefinitions(Definitions &defs)
{
    defs.insert(core("NamespaceSpec"),
                object("Desired state of a namespace.",
                       {{"finalizers", strings("Must be empty before the namespace is removed; the system adds \"kubernetes\".")}}));
    defs.insert(core("NamespaceCondition"),
                object("One aspect of a namespace's state, e.g. why its deletion is stuck.",
                       {{"type", str("E.g. NamespaceContentRemaining or NamespaceFinalizersRemaining.")},
                        {"status", str("True, False or Unknown.")},
                        {"reason", str("One-word reason.")},
                        {"message", str("Details.")},
                        {"lastTransitionTime", timestamp("Last time the status changed.")}},
                       {QStringLiteral("type"), QStringLiteral("status")}));
    defs.insert(core("NamespaceStatus"),
                object("Observed state of a namespace.",
                       {{"phase", strEnum("Active or Terminating.", {QStringLiteral("Active"), QStringLiteral("Terminating")})},
                        {"conditions", arrayOfRefs(core("NamespaceCondition"), "Current conditions.")}}));
    defs.insert(core("Namespace"),
                withGvk(kindObject("A scope for names and policies; most objects live in exactly one namespace. "
                                   "Deleting a namespace deletes everything in it.",
                                   {{"spec", refTo(core("NamespaceSpec"), "Desired state of the namespace.")},
                                    {"status", refTo(core("NamespaceStatus"), "Observed state; read-only.")}}),
                        QString(), QStringLiteral("v1"), QStringLiteral("Namespace")));
}

// ---- apps/v1 Deployment -------------------------------------------------------------------

void addDeploymentDefinitions(Definitions &defs)
{
    defs.insert(apps("RollingUpdateDeployment"),
                object("Limits of a rolling update.",
                       {{"maxUnavailable", refTo(kIntOrStringModel, "Pods that may be unavailable during the update: a number or a percentage (default 25%).")},
                        {"maxSurge", refTo(kIntOrStringModel, "Pods that may exist above the desired count: a number or a percentage (default 25%).")}}));
    defs.insert(apps("DeploymentStrategy"),
                object("How old pods are replaced by new ones.",
                       {{"type", strEnum("RollingUpdate (default) or Recreate.", {QStringLiteral("Recreate"), QStringLiteral("RollingUpdate")})},
                        {"rollingUpdate", refTo(apps("RollingUpdateDeployment"), "Parameters of a rolling update.")}}));
    defs.insert(apps("DeploymentSpec"),
                object("Desired state of a deployment.",
                       {{"replicas", int32("Desired number of pods (default 1).")},
                        {"selector", refTo(meta("LabelSelector"), "Selects the pods this deployment manages; must match the template's labels. Immutable.")},
                        {"template", refTo(core("PodTemplateSpec"), "The pods to create.")},
                        {"strategy", refTo(apps("DeploymentStrategy"), "How pods are replaced on changes.")},
                        {"minReadySeconds", int32("Seconds a new pod must be ready before it counts as available.")},
                        {"revisionHistoryLimit", int32("Old ReplicaSets kept for rollback (default 10).")},
                        {"paused", boolean("Stop rolling out template changes.")},
                        {"progressDeadlineSeconds", int32("Seconds without progress before the rollout is reported failed (default 600).")}},
                       {QStringLiteral("selector"), QStringLiteral("template")}));
    defs.insert(apps("DeploymentCondition"),
                object("One aspect of a deployment's state.",
                       {{"type", str("Available, Progressing or ReplicaFailure.")},
                        {"status", str("True, False or Unknown.")},
                        {"reason", str("One-word reason, e.g. NewReplicaSetAvailable or ProgressDeadlineExceeded.")},
                        {"message", str("Details.")},
                        {"lastUpdateTime", timestamp("Last time the condition was updated.")},
                        {"lastTransitionTime", timestamp("Last time the status changed.")}},
                       {QStringLiteral("type"), QStringLiteral("status")}));
    defs.insert(apps("DeploymentStatus"),
                object("Observed state of a deployment.",
                       {{"observedGeneration", int64("The generation the controller has acted on.")},
                        {"replicas", int32("Pods targeted by the deployment.")},
                        {"updatedReplicas", int32("Pods with the current template.")},
                        {"readyReplicas", int32("Pods that are ready.")},
                        {"availableReplicas", int32("Pods ready for at least minReadySeconds.")},
                        {"unavailableReplicas", int32("Pods still needed for full availability.")},
                        {"conditions", arrayOfRefs(apps("DeploymentCondition"), "Current conditions.")},
                        {"collisionCount", int32("Hash collision counter for ReplicaSet names.")}}));
    defs.insert(apps("Deployment"),
                withGvk(kindObject("Runs a set of identical pods through ReplicaSets and rolls out changes to them gradually.",
                                   {{"spec", refTo(apps("DeploymentSpec"), "Desired state of the deployment.")},
                                    {"status", refTo(apps("DeploymentStatus"), "Observed state; read-only.")}}),
                        QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")));
}

Definitions buildDefinitions()
{
    Definitions defs;
    addMetaDefinitions(defs);
    addScaleDefinitions(defs);
    addPodDefinitions(defs);
    addServiceDefinitions(defs);
    addConfigDefinitions(defs);
    addNamespaceDefinitions(defs);
    addDeploymentDefinitions(defs);
    return defs;
}

// Top-level fields of kinds without a detailed definition (default: spec and status).
struct GenericKind {
    const char *kind;
    const char *description;
    std::initializer_list<std::pair<const char *, const char *>> fields;
};

const GenericKind genericKinds[] = {
    {"ServiceAccount", "An identity for processes running in pods.",
     {{"secrets", "array"}, {"imagePullSecrets", "array"}, {"automountServiceAccountToken", "boolean"}}},
    {"Event", "A report of something that happened to an object, e.g. a pod being scheduled or failing.",
     {{"involvedObject", "object"}, {"reason", "string"}, {"message", "string"}, {"type", "string"}, {"count", "integer"},
      {"firstTimestamp", "string"}, {"lastTimestamp", "string"}, {"eventTime", "string"}, {"source", "object"},
      {"reportingComponent", "string"}, {"reportingInstance", "string"}, {"action", "string"}}},
    {"Endpoints", "The addresses and ports that implement a service.", {{"subsets", "array"}}},
    {"ControllerRevision", "An immutable snapshot of a controller's state, used for rollbacks.",
     {{"data", "object"}, {"revision", "integer"}}},
    {"Role", "A set of permissions within a namespace.", {{"rules", "array"}}},
    {"ClusterRole", "A set of permissions, cluster-wide or for use in any namespace.", {{"rules", "array"}, {"aggregationRule", "object"}}},
    {"RoleBinding", "Grants a Role or ClusterRole to subjects within a namespace.", {{"roleRef", "object"}, {"subjects", "array"}}},
    {"ClusterRoleBinding", "Grants a ClusterRole to subjects cluster-wide.", {{"roleRef", "object"}, {"subjects", "array"}}},
    {"ValidatingWebhookConfiguration", "Webhooks that may reject API requests.", {{"webhooks", "array"}}},
    {"MutatingWebhookConfiguration", "Webhooks that may change or reject API requests.", {{"webhooks", "array"}}},
    {"SelfSubjectReview", "Asks who the caller is; the answer is in status.", {{"status", "object"}}},
};

QJsonObject genericField(const char *type)
{
    const QString name = text(type);
    if (name == QLatin1String("integer"))
        return int64(nullptr);
    return {{QStringLiteral("type"), name}};
}

} // namespace

const QHash<QString, QJsonObject> &BuiltinSchemas::definitions()
{
    static const Definitions defs = buildDefinitions();
    return defs;
}

QString BuiltinSchemas::refPath(const QString &model)
{
    return QStringLiteral("#/components/schemas/") + model;
}

QJsonObject BuiltinSchemas::ref(const QString &model, const QString &description)
{
    QJsonObject schema{{QStringLiteral("$ref"), refPath(model)}};
    if (!description.isEmpty())
        schema.insert(QStringLiteral("description"), description);
    return schema;
}

QJsonObject BuiltinSchemas::apiVersionProperty()
{
    return str("The versioned schema of this object, as group/version (\"v1\" for the core group). Servers convert "
               "recognised versions to their current internal form.");
}

QJsonObject BuiltinSchemas::kindProperty()
{
    return str("The kind of object this is, in CamelCase. Servers may infer it from the endpoint the request was sent to. "
               "Cannot be updated.");
}

QJsonObject BuiltinSchemas::metadataProperty()
{
    QJsonObject schema = ref(kObjectMetaModel, text("Standard object metadata: name, namespace, labels, annotations, owners."));
    schema.insert(QStringLiteral("default"), QJsonObject());
    return schema;
}

QJsonObject BuiltinSchemas::listMetadataProperty()
{
    QJsonObject schema = ref(kListMetaModel, text("Standard list metadata: resourceVersion and continue token."));
    schema.insert(QStringLiteral("default"), QJsonObject());
    return schema;
}

QJsonObject BuiltinSchemas::genericKind(const QString &kind)
{
    QJsonObject properties{{QStringLiteral("apiVersion"), apiVersionProperty()},
                           {QStringLiteral("kind"), kindProperty()},
                           {QStringLiteral("metadata"), metadataProperty()}};
    QString description = kind + QStringLiteral(" (no detailed schema is published by this server).");
    bool found = false;
    for (const GenericKind &generic : genericKinds) {
        if (kind != text(generic.kind))
            continue;
        found = true;
        description = text(generic.description);
        for (const auto &[name, type] : generic.fields)
            properties.insert(text(name), genericField(type));
    }
    if (!found) {
        properties.insert(QStringLiteral("spec"), anyObject("Desired state."));
        properties.insert(QStringLiteral("status"), anyObject("Observed state; written by the system."));
    }
    return {{QStringLiteral("description"), description},
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties}};
}

QJsonObject BuiltinSchemas::listOf(const QString &itemModel, const QString &kind, const QString &plural)
{
    QJsonObject items{{QStringLiteral("$ref"), refPath(itemModel)}, {QStringLiteral("default"), QJsonObject()}};
    return {{QStringLiteral("description"), kind + QStringLiteral("List is a list of ") + kind + QLatin1Char('.')},
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("items")}},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("apiVersion"), apiVersionProperty()},
                         {QStringLiteral("kind"), kindProperty()},
                         {QStringLiteral("metadata"), listMetadataProperty()},
                         {QStringLiteral("items"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                      {QStringLiteral("items"), items},
                                      {QStringLiteral("description"), QStringLiteral("List of ") + plural + QLatin1Char('.')}}}}}};
}

} // namespace fd::sim
