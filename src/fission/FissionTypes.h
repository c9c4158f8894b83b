#pragma once

#include "fission/Kinds.h"
#include "kube/store/KubeObject.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

// Typed views of Fission's objects (fission-reference.md §1). Each is parsed from a KubeObject
// and keeps it: fields the app does not model are still there (object.json(), stringAt()), and
// editing starts from the server's object, not from our model. Parsing never fails: what does not
// fit the schema the app expects becomes a ValidationIssue on the object (shown to the admin,
// used by rules), and the fields that could be read are filled in.

namespace fd::fission {

// A reference to an object, for evidence and fix actions.
struct ObjectRef {
    QString group;         // "" for core, "apps", "fission.io"
    QString kind;          // "Package"
    QString namespaceName; // empty for cluster-scoped objects
    QString name;
    QString uid;

    static ObjectRef of(const fd::kube::KubeObject &object);
    static ObjectRef make(const KindInfo &kind, const QString &namespaceName, const QString &name);
    bool isNull() const { return name.isEmpty(); }
    // "Package test/hello" or "FissionTenant acme": how the UI and the CLI name an object.
    QString display() const;
    // "fission.io/Package/test/hello", "Namespace/test": the stable part of finding ids.
    QString key() const;
    bool operator==(const ObjectRef &other) const
    {
        return group == other.group && kind == other.kind && namespaceName == other.namespaceName && name == other.name;
    }
};

// metav1.Condition (and the older shapes Fission wrote before 1.24, which lack some fields).
struct Condition {
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    QString lastTransitionTime;
    qint64 observedGeneration = 0;

    bool isTrue() const { return status == u"True"; }
    bool isFalse() const { return status == u"False"; }

    // One entry of a status.conditions list (Fission objects and Kubernetes workloads alike).
    static Condition fromJson(const QJsonObject &json);
};

// A field that does not look as Fission expects. `message` is translated.
struct ValidationIssue {
    QString field; // JSON path, e.g. "spec.runtime.image"
    QString message;
};

// A namespace/name pair inside a spec (environment and package references).
struct NamespacedName {
    QString namespaceName;
    QString name;
    bool isEmpty() const { return name.isEmpty(); }
};

// What every typed Fission object has.
struct FissionObject {
    fd::kube::KubeObject object;
    QList<ValidationIssue> issues;
    QList<Condition> conditions;     // status.conditions (main); empty on 1.20
    qint64 observedGeneration = 0;   // status.observedGeneration
    QStringList finalizers;          // metadata.finalizers
    QMap<QString, QString> annotations;

    // Copied out of the object once at parse time: rules read them for every object on every
    // evaluation, and KubeObject converts from UTF-8 on each call.
    QString objectName;
    QString objectNamespace;
    QString objectUid;

    const QString &name() const { return objectName; }
    const QString &namespaceName() const { return objectNamespace; }
    const QString &uid() const { return objectUid; }
    ObjectRef ref() const { return ObjectRef::of(object); }
    bool isValid() const { return issues.isEmpty(); }
    bool isTerminating() const { return object.hasDeletionTimestamp(); }
    const Condition *condition(QStringView type) const;
};

// ---- Environment -----------------------------------------------------------------------------

struct Environment : FissionObject {
    int version = 0; // spec.version; 0 when absent
    QString runtimeImage;
    QString builderImage;
    QString builderCommand;
    int poolsize = 0;       // spec.poolsize as written
    bool hasPoolsize = false;
    bool keepArchive = false;
    QString imagePullSecret;
    QString allowedFunctionsPerContainer;
    std::optional<qint64> terminationGracePeriod;

    // Builder support: a builder image and a version other than 1 (§1).
    bool hasBuilder() const { return !builderImage.isEmpty() && version != 1; }
    // Warm pool size the executor uses: spec.poolsize for version 3, otherwise 3.
    int effectivePoolSize() const { return version >= 3 && hasPoolsize ? poolsize : 3; }

    static Environment parse(const fd::kube::KubeObject &object);
};

// ---- Package ---------------------------------------------------------------------------------

struct Archive {
    enum class Type { Absent, Literal, Url, Oci, Unknown };
    Type type = Type::Absent;
    QString typeText;          // as written ("literal", "url", "oci", or anything else)
    qsizetype literalBytes = 0; // decoded size of `literal`
    QString url;
    QString checksumType;
    QString checksumSum;
    QString ociImage;

    bool isEmpty() const { return literalBytes == 0 && url.isEmpty() && ociImage.isEmpty(); }
    // The storagesvc archive id when the URL points at Fission's storage service
    // (`…/v1/archive?id=<id>`): what the archive pruner keeps or deletes. Empty otherwise.
    QString storageArchiveId() const;
};

enum class BuildStatus { Unset, Pending, Running, Succeeded, Failed, None, Other };
QString buildStatusText(BuildStatus status); // the API's spelling ("" for Unset)

struct Package : FissionObject {
    NamespacedName environment; // namespace defaulted to the Package's own
    Archive source;
    Archive deployment;
    QString buildCommand;
    bool hasStatus = false;     // a status object exists (main: absent = nobody reconciled it)
    BuildStatus buildStatus = BuildStatus::Unset;
    QString buildStatusText;    // as written
    QString buildLog;
    QDateTime lastUpdateTimestamp; // invalid when absent or null
    QString contentHash;

    bool hasSource() const { return !source.isEmpty(); }
    bool hasDeployment() const { return !deployment.isEmpty(); }

    static Package parse(const fd::kube::KubeObject &object);
};

// ---- Function --------------------------------------------------------------------------------

enum class ExecutorType { PoolManager, NewDeploy, Container, Other };

struct Function : FissionObject {
    NamespacedName environment;
    NamespacedName package;      // spec.package.packageref
    QString packageResourceVersion;
    QString entryPoint;          // spec.package.functionName
    ExecutorType executorType = ExecutorType::PoolManager;
    QString executorTypeText;    // as written; empty = poolmgr (the default)
    int minScale = 0;
    int maxScale = 0;
    std::optional<int> idleTimeout;     // seconds
    std::optional<int> functionTimeout; // seconds
    std::optional<int> specializationTimeout;
    QList<NamespacedName> secrets;
    QList<NamespacedName> configMaps;
    bool hasPodSpec = false;

    static Function parse(const fd::kube::KubeObject &object);
};

// ---- Triggers --------------------------------------------------------------------------------

// spec.functionref: triggers address Functions in their own namespace.
struct FunctionReference {
    enum class Type { Name, FunctionWeights, Alias, Version, Other };
    Type type = Type::Name;
    QString typeText;
    QString name;
    QMap<QString, int> weights;

    // The Function names this reference needs to exist.
    QStringList functionNames() const;
};

struct Trigger : FissionObject {
    FunctionReference function;
};

struct HttpTrigger : Trigger {
    QString relativeUrl;
    QString prefix;
    bool keepPrefix = false;
    QStringList methods; // spec.methods, else the deprecated spec.method
    QString host;
    bool createIngress = false;

    // The URL path the router serves: the prefix wins over relativeurl.
    QString routePath() const { return prefix.isEmpty() ? relativeUrl : prefix; }
    QStringList effectiveMethods() const;

    static HttpTrigger parse(const fd::kube::KubeObject &object);
};

struct TimeTrigger : Trigger {
    QString cron;
    QString method;
    QString subpath;
    static TimeTrigger parse(const fd::kube::KubeObject &object);
};

struct MessageQueueTrigger : Trigger {
    QString messageQueueType;
    QString topic;
    QString responseTopic;
    QString errorTopic;
    int maxRetries = 0;
    QString contentType;
    QString mqtKind;
    static MessageQueueTrigger parse(const fd::kube::KubeObject &object);
};

struct KubernetesWatchTrigger : Trigger {
    QString watchNamespace;
    QString watchType;
    QMap<QString, QString> labelSelector;
    static KubernetesWatchTrigger parse(const fd::kube::KubeObject &object);
};

// Any trigger kind, by its KubeObject's kind.
Trigger parseTrigger(const fd::kube::KubeObject &object);

// ---- FissionTenant (main, cluster-scoped) ----------------------------------------------------

struct FissionTenant : FissionObject {
    QString tenantNamespace;   // spec.namespace
    QString functionNamespace; // spec.functionNamespace (empty = same)
    QString builderNamespace;  // spec.builderNamespace (empty = same)
    QString managedBy;         // annotation fission.io/managed-by: "label", "helm", or "" (a user)

    const Condition *ready() const { return condition(u"Ready"); }
    bool isReady() const
    {
        const Condition *c = ready();
        return c && c->isTrue();
    }
    static FissionTenant parse(const fd::kube::KubeObject &object);
};

// Kinds the app shows but does not model (CanaryConfig, FunctionVersion, FunctionAlias, Workflow,
// WorkflowRun, and kinds newer than this code): metadata and conditions only.
struct GenericFissionObject : FissionObject {
    static GenericFissionObject parse(const fd::kube::KubeObject &object);
};

// ---- Helpers shared with the rest of the module -----------------------------------------------

// RFC 3339 as the API server writes it ("2024-10-01T12:00:00Z", with or without fractions).
QDateTime parseKubeTime(const QString &text);

// Walks a parsed object by a dotted path ("spec.runtime.image"); no array indexing.
class JsonFieldReader
{
public:
    JsonFieldReader(const QJsonObject &root, QList<ValidationIssue> *issues);

    // Missing and null give the default. A value of the wrong type is reported as an issue.
    QString string(QStringView path) const;
    std::optional<qint64> integer(QStringView path) const;
    bool boolean(QStringView path) const;
    QStringList stringList(QStringView path) const;
    QMap<QString, QString> stringMap(QStringView path) const;
    bool has(QStringView path) const;          // present and not null
    bool isObject(QStringView path) const;
    QJsonObject object(QStringView path) const;
    const QJsonObject &root() const { return m_root; }
    void issue(const QString &field, const QString &message) const;

private:
    const QJsonObject &m_root;
    QList<ValidationIssue> *m_issues;
};

} // namespace fd::fission
