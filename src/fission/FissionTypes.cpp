#include "fission/FissionTypes.h"

#include "fission/Tr.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission {

// ---- ObjectRef -------------------------------------------------------------------------------

ObjectRef ObjectRef::of(const KubeObject &object)
{
    ObjectRef ref;
    if (object.isNull())
        return ref;
    const QString apiVersion = object.apiVersion();
    const qsizetype slash = apiVersion.indexOf(u'/');
    ref.group = slash < 0 ? QString() : apiVersion.left(slash);
    ref.kind = object.kind();
    ref.namespaceName = object.namespaceName();
    ref.name = object.name();
    ref.uid = object.uid();
    return ref;
}

ObjectRef ObjectRef::make(const KindInfo &kind, const QString &namespaceName, const QString &name)
{
    ObjectRef ref;
    ref.group = kind.gr.group;
    ref.kind = kind.kind;
    ref.namespaceName = kind.namespaced ? namespaceName : QString();
    ref.name = name;
    return ref;
}

Condition Condition::fromJson(const QJsonObject &json)
{
    Condition cond;
    cond.type = json.value(u"type"_s).toString();
    cond.status = json.value(u"status"_s).toString();
    cond.reason = json.value(u"reason"_s).toString();
    cond.message = json.value(u"message"_s).toString();
    cond.lastTransitionTime = json.value(u"lastTransitionTime"_s).toString();
    cond.observedGeneration = json.value(u"observedGeneration"_s).toInteger();
    return cond;
}

QString ObjectRef::display() const
{
    return namespaceName.isEmpty() ? kind + u' ' + name : kind + u' ' + namespaceName + u'/' + name;
}

QString ObjectRef::key() const
{
    QString k = group.isEmpty() ? kind : group + u'/' + kind;
    if (!namespaceName.isEmpty())
        k += u'/' + namespaceName;
    return k + u'/' + name;
}

// ---- Time ------------------------------------------------------------------------------------

QDateTime parseKubeTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        // Go may write up to nanoseconds; Qt reads at most milliseconds.
        static const QRegularExpression fraction(uR"(\.(\d{3})\d+)"_s);
        QString trimmed = text;
        trimmed.replace(fraction, u".\\1"_s);
        t = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    }
    return t.isValid() ? t.toUTC() : QDateTime();
}

// ---- JsonFieldReader -------------------------------------------------------------------------

namespace {

QJsonValue valueAt(const QJsonObject &root, QStringView path)
{
    QJsonValue current = root;
    for (const QStringView segment : path.tokenize(u'.')) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(segment);
    }
    return current;
}

bool isMissing(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

} // namespace

JsonFieldReader::JsonFieldReader(const QJsonObject &root, QList<ValidationIssue> *issues)
    : m_root(root)
    , m_issues(issues)
{
}

void JsonFieldReader::issue(const QString &field, const QString &message) const
{
    if (m_issues)
        m_issues->append(ValidationIssue{field, message});
}

QString JsonFieldReader::string(QStringView path) const
{
    const QJsonValue v = valueAt(m_root, path);
    if (isMissing(v))
        return {};
    if (!v.isString()) {
        issue(path.toString(), translate("fd::fission", "expected a string"));
        return {};
    }
    return v.toString();
}

std::optional<qint64> JsonFieldReader::integer(QStringView path) const
{
    const QJsonValue v = valueAt(m_root, path);
    if (isMissing(v))
        return std::nullopt;
    if (!v.isDouble()) {
        issue(path.toString(), translate("fd::fission", "expected a number"));
        return std::nullopt;
    }
    return v.toInteger();
}

bool JsonFieldReader::boolean(QStringView path) const
{
    const QJsonValue v = valueAt(m_root, path);
    if (isMissing(v))
        return false;
    if (!v.isBool()) {
        issue(path.toString(), translate("fd::fission", "expected true or false"));
        return false;
    }
    return v.toBool();
}

QStringList JsonFieldReader::stringList(QStringView path) const
{
    const QJsonValue v = valueAt(m_root, path);
    if (isMissing(v))
        return {};
    if (!v.isArray()) {
        issue(path.toString(), translate("fd::fission", "expected a list"));
        return {};
    }
    QStringList out;
    for (const QJsonValue item : v.toArray()) {
        if (item.isString())
            out.append(item.toString());
        else
            issue(path.toString(), translate("fd::fission", "expected a list of strings"));
    }
    return out;
}

QMap<QString, QString> JsonFieldReader::stringMap(QStringView path) const
{
    const QJsonValue v = valueAt(m_root, path);
    if (isMissing(v))
        return {};
    if (!v.isObject()) {
        issue(path.toString(), translate("fd::fission", "expected an object"));
        return {};
    }
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    return out;
}

bool JsonFieldReader::has(QStringView path) const
{
    return !isMissing(valueAt(m_root, path));
}

bool JsonFieldReader::isObject(QStringView path) const
{
    return valueAt(m_root, path).isObject();
}

QJsonObject JsonFieldReader::object(QStringView path) const
{
    return valueAt(m_root, path).toObject();
}

// ---- Common ----------------------------------------------------------------------------------

const Condition *FissionObject::condition(QStringView type) const
{
    for (const Condition &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

namespace {

// Metadata and status.conditions, shared by every kind.
void readCommon(FissionObject &out, const KubeObject &object, const JsonFieldReader &r)
{
    out.object = object;
    out.objectName = object.name();
    out.objectNamespace = object.namespaceName();
    out.objectUid = object.uid();
    out.finalizers = r.stringList(u"metadata.finalizers");
    out.annotations = r.stringMap(u"metadata.annotations");
    out.observedGeneration = r.integer(u"status.observedGeneration").value_or(0);
    const QJsonValue conditions = r.root().value(u"status"_s).toObject().value(u"conditions"_s);
    if (conditions.isArray()) {
        for (const QJsonValue v : conditions.toArray()) {
            const Condition cond = Condition::fromJson(v.toObject());
            if (cond.type.isEmpty())
                r.issue(u"status.conditions"_s, translate("fd::fission", "a condition has no type"));
            else
                out.conditions.append(cond);
        }
    } else if (!conditions.isUndefined() && !conditions.isNull()) {
        r.issue(u"status.conditions"_s, translate("fd::fission", "expected a list"));
    }
}

NamespacedName readRef(const JsonFieldReader &r, const QString &path, const QString &ownNamespace)
{
    NamespacedName ref;
    ref.name = r.string(QString(path + u".name"_s));
    ref.namespaceName = r.string(QString(path + u".namespace"_s));
    if (ref.namespaceName.isEmpty())
        ref.namespaceName = ownNamespace;
    return ref;
}

Archive readArchive(const JsonFieldReader &r, const QString &path)
{
    Archive a;
    if (!r.has(path))
        return a;
    if (!r.isObject(path)) {
        r.issue(path, translate("fd::fission", "expected an object"));
        return a;
    }
    a.typeText = r.string(QString(path + u".type"_s));
    a.url = r.string(QString(path + u".url"_s));
    a.checksumType = r.string(QString(path + u".checksum.type"_s));
    a.checksumSum = r.string(QString(path + u".checksum.sum"_s));
    a.ociImage = r.string(QString(path + u".oci.image"_s));
    const QString literal = r.string(QString(path + u".literal"_s));
    // Base64 without decoding it: 4 characters carry 3 bytes, minus the padding.
    if (!literal.isEmpty()) {
        const qsizetype padding = literal.endsWith(u"=="_s) ? 2 : literal.endsWith(u'=') ? 1 : 0;
        a.literalBytes = literal.size() / 4 * 3 - padding;
        if (a.literalBytes <= 0)
            a.literalBytes = 1;
    }
    if (a.typeText == u"literal")
        a.type = Archive::Type::Literal;
    else if (a.typeText == u"url")
        a.type = Archive::Type::Url;
    else if (a.typeText == u"oci")
        a.type = Archive::Type::Oci;
    else if (a.typeText.isEmpty())
        a.type = a.isEmpty() ? Archive::Type::Absent : (!a.url.isEmpty() ? Archive::Type::Url : Archive::Type::Literal);
    else {
        a.type = Archive::Type::Unknown;
        r.issue(path + u".type"_s, translate("fd::fission", "unknown archive type \"%1\"").arg(a.typeText));
    }
    if (a.type == Archive::Type::Url && a.url.isEmpty())
        r.issue(path + u".url"_s, translate("fd::fission", "an archive of type url needs a url"));
    if (!a.checksumType.isEmpty() && a.checksumType != u"sha256")
        r.issue(path + u".checksum.type"_s, translate("fd::fission", "only sha256 checksums are supported"));
    return a;
}

} // namespace

QString Archive::storageArchiveId() const
{
    if (url.isEmpty())
        return {};
    const QUrl u(url);
    if (!u.isValid() || !u.path().endsWith(u"/v1/archive"_s))
        return {};
    return QUrlQuery(u).queryItemValue(u"id"_s, QUrl::FullyDecoded);
}

QString buildStatusText(BuildStatus status)
{
    switch (status) {
    case BuildStatus::Unset: return {};
    case BuildStatus::Pending: return u"pending"_s;
    case BuildStatus::Running: return u"running"_s;
    case BuildStatus::Succeeded: return u"succeeded"_s;
    case BuildStatus::Failed: return u"failed"_s;
    case BuildStatus::None: return u"none"_s;
    case BuildStatus::Other: return u"other"_s;
    }
    return {};
}

// ---- Environment -----------------------------------------------------------------------------

Environment Environment::parse(const KubeObject &object)
{
    Environment env;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &env.issues);
    readCommon(env, object, r);
    env.version = int(r.integer(u"spec.version").value_or(0));
    env.runtimeImage = r.string(u"spec.runtime.image");
    env.builderImage = r.string(u"spec.builder.image");
    env.builderCommand = r.string(u"spec.builder.command");
    const auto poolsize = r.integer(u"spec.poolsize");
    env.hasPoolsize = poolsize.has_value();
    env.poolsize = int(poolsize.value_or(0));
    env.keepArchive = r.boolean(u"spec.keeparchive");
    env.imagePullSecret = r.string(u"spec.imagepullsecret");
    env.allowedFunctionsPerContainer = r.string(u"spec.allowedFunctionsPerContainer");
    env.terminationGracePeriod = r.integer(u"spec.terminationGracePeriod");

    if (env.runtimeImage.isEmpty() && !r.has(u"spec.runtime.podspec"))
        r.issue(u"spec.runtime.image"_s, translate("fd::fission", "the environment has no runtime image"));
    if (r.has(u"spec.version") && (env.version < 1 || env.version > 3))
        r.issue(u"spec.version"_s, translate("fd::fission", "version must be 1, 2 or 3 (found %1)").arg(env.version));
    if (env.hasPoolsize && env.poolsize < 0)
        r.issue(u"spec.poolsize"_s, translate("fd::fission", "the pool size cannot be negative"));
    if (!env.allowedFunctionsPerContainer.isEmpty() && env.allowedFunctionsPerContainer != u"single"
        && env.allowedFunctionsPerContainer != u"infinite")
        r.issue(u"spec.allowedFunctionsPerContainer"_s,
                translate("fd::fission", "must be \"single\" or \"infinite\" (found \"%1\")").arg(env.allowedFunctionsPerContainer));
    return env;
}

// ---- Package ---------------------------------------------------------------------------------

Package Package::parse(const KubeObject &object)
{
    Package pkg;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &pkg.issues);
    readCommon(pkg, object, r);
    pkg.environment = readRef(r, u"spec.environment"_s, object.namespaceName());
    pkg.source = readArchive(r, u"spec.source"_s);
    pkg.deployment = readArchive(r, u"spec.deployment"_s);
    pkg.buildCommand = r.string(u"spec.buildcmd");
    pkg.hasStatus = r.isObject(u"status");
    pkg.buildStatusText = r.string(u"status.buildstatus");
    pkg.buildLog = r.string(u"status.buildlog");
    pkg.lastUpdateTimestamp = parseKubeTime(r.string(u"status.lastUpdateTimestamp"));
    pkg.contentHash = r.string(u"status.contentHash");

    static const QMap<QString, BuildStatus> statuses{
        {u"pending"_s, BuildStatus::Pending}, {u"running"_s, BuildStatus::Running},
        {u"succeeded"_s, BuildStatus::Succeeded}, {u"failed"_s, BuildStatus::Failed}, {u"none"_s, BuildStatus::None}};
    if (pkg.buildStatusText.isEmpty()) {
        pkg.buildStatus = BuildStatus::Unset;
    } else {
        pkg.buildStatus = statuses.value(pkg.buildStatusText, BuildStatus::Other);
        if (pkg.buildStatus == BuildStatus::Other)
            r.issue(u"status.buildstatus"_s, translate("fd::fission", "unknown build status \"%1\"").arg(pkg.buildStatusText));
    }
    if (pkg.environment.name.isEmpty())
        r.issue(u"spec.environment.name"_s, translate("fd::fission", "the package names no environment"));
    else if (pkg.environment.namespaceName != object.namespaceName())
        r.issue(u"spec.environment.namespace"_s,
                translate("fd::fission", "the environment must be in the package's own namespace (%1, not %2)")
                    .arg(object.namespaceName(), pkg.environment.namespaceName));
    if (pkg.source.isEmpty() && pkg.deployment.isEmpty())
        r.issue(u"spec"_s, translate("fd::fission", "the package has neither a source nor a deployment archive"));
    return pkg;
}

// ---- Function --------------------------------------------------------------------------------

Function Function::parse(const KubeObject &object)
{
    Function fn;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &fn.issues);
    readCommon(fn, object, r);
    const QString ns = object.namespaceName();
    fn.environment = readRef(r, u"spec.environment"_s, ns);
    fn.package = readRef(r, u"spec.package.packageref"_s, ns);
    fn.packageResourceVersion = r.string(u"spec.package.packageref.resourceversion");
    fn.entryPoint = r.string(u"spec.package.functionName");
    fn.executorTypeText = r.string(u"spec.InvokeStrategy.ExecutionStrategy.ExecutorType");
    if (fn.executorTypeText.isEmpty() || fn.executorTypeText == u"poolmgr")
        fn.executorType = ExecutorType::PoolManager;
    else if (fn.executorTypeText == u"newdeploy")
        fn.executorType = ExecutorType::NewDeploy;
    else if (fn.executorTypeText == u"container")
        fn.executorType = ExecutorType::Container;
    else {
        fn.executorType = ExecutorType::Other;
        r.issue(u"spec.InvokeStrategy.ExecutionStrategy.ExecutorType"_s,
                translate("fd::fission", "unknown executor type \"%1\"").arg(fn.executorTypeText));
    }
    fn.minScale = int(r.integer(u"spec.InvokeStrategy.ExecutionStrategy.MinScale").value_or(0));
    fn.maxScale = int(r.integer(u"spec.InvokeStrategy.ExecutionStrategy.MaxScale").value_or(0));
    if (const auto v = r.integer(u"spec.InvokeStrategy.ExecutionStrategy.SpecializationTimeout"))
        fn.specializationTimeout = int(*v);
    if (const auto v = r.integer(u"spec.idletimeout"))
        fn.idleTimeout = int(*v);
    if (const auto v = r.integer(u"spec.functionTimeout"))
        fn.functionTimeout = int(*v);
    fn.hasPodSpec = r.isObject(u"spec.podspec");
    for (const auto &[path, target] : {std::pair{u"secrets"_s, &fn.secrets}, std::pair{u"configmaps"_s, &fn.configMaps}}) {
        const QJsonValue list = root.value(u"spec"_s).toObject().value(path);
        if (!list.isArray())
            continue;
        for (const QJsonValue v : list.toArray()) {
            const QJsonObject o = v.toObject();
            NamespacedName ref{o.value(u"namespace"_s).toString(), o.value(u"name"_s).toString()};
            if (ref.namespaceName.isEmpty())
                ref.namespaceName = ns;
            target->append(ref);
        }
    }

    if (fn.executorType == ExecutorType::Container) {
        if (!fn.hasPodSpec)
            r.issue(u"spec.podspec"_s, translate("fd::fission", "a function with the container executor needs a pod spec"));
    } else {
        if (fn.environment.name.isEmpty())
            r.issue(u"spec.environment.name"_s, translate("fd::fission", "the function names no environment"));
        if (fn.package.name.isEmpty())
            r.issue(u"spec.package.packageref.name"_s, translate("fd::fission", "the function names no package"));
    }
    if (fn.minScale < 0 || (fn.maxScale > 0 && fn.minScale > fn.maxScale))
        r.issue(u"spec.InvokeStrategy.ExecutionStrategy.MinScale"_s,
                translate("fd::fission", "MinScale must be between 0 and MaxScale"));
    return fn;
}

// ---- Triggers --------------------------------------------------------------------------------

QStringList FunctionReference::functionNames() const
{
    if (type == Type::FunctionWeights)
        return weights.keys();
    return name.isEmpty() ? QStringList() : QStringList{name};
}

QStringList HttpTrigger::effectiveMethods() const
{
    return methods.isEmpty() ? QStringList{u"GET"_s} : methods;
}

namespace {

void readTrigger(Trigger &t, const KubeObject &object, const JsonFieldReader &r)
{
    readCommon(t, object, r);
    FunctionReference &f = t.function;
    f.typeText = r.string(u"spec.functionref.type");
    f.name = r.string(u"spec.functionref.name");
    if (f.typeText.isEmpty() || f.typeText == u"name")
        f.type = FunctionReference::Type::Name;
    else if (f.typeText == u"function-weights")
        f.type = FunctionReference::Type::FunctionWeights;
    else if (f.typeText == u"alias")
        f.type = FunctionReference::Type::Alias;
    else if (f.typeText == u"version")
        f.type = FunctionReference::Type::Version;
    else {
        f.type = FunctionReference::Type::Other;
        r.issue(u"spec.functionref.type"_s, translate("fd::fission", "unknown function reference type \"%1\"").arg(f.typeText));
    }
    if (f.type == FunctionReference::Type::FunctionWeights) {
        const QJsonObject weights = r.object(u"spec.functionref.functionweights");
        for (auto it = weights.begin(); it != weights.end(); ++it)
            f.weights.insert(it.key(), it.value().toInt());
        if (f.weights.isEmpty())
            r.issue(u"spec.functionref.functionweights"_s, translate("fd::fission", "no function weights are given"));
    } else if (f.name.isEmpty()) {
        r.issue(u"spec.functionref.name"_s, translate("fd::fission", "the trigger names no function"));
    }
}

} // namespace

HttpTrigger HttpTrigger::parse(const KubeObject &object)
{
    HttpTrigger t;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &t.issues);
    readTrigger(t, object, r);
    t.relativeUrl = r.string(u"spec.relativeurl");
    t.prefix = r.string(u"spec.prefix");
    t.keepPrefix = r.boolean(u"spec.keepPrefix");
    t.methods = r.stringList(u"spec.methods");
    if (t.methods.isEmpty()) {
        const QString method = r.string(u"spec.method");
        if (!method.isEmpty())
            t.methods.append(method);
    }
    t.host = r.string(u"spec.host");
    t.createIngress = r.boolean(u"spec.createingress");
    if (t.routePath().isEmpty())
        r.issue(u"spec.relativeurl"_s, translate("fd::fission", "the trigger has neither a relative URL nor a prefix"));
    else if (!t.routePath().startsWith(u'/'))
        r.issue(u"spec.relativeurl"_s, translate("fd::fission", "the URL path must start with /"));
    return t;
}

TimeTrigger TimeTrigger::parse(const KubeObject &object)
{
    TimeTrigger t;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &t.issues);
    readTrigger(t, object, r);
    t.cron = r.string(u"spec.cron");
    t.method = r.string(u"spec.method");
    t.subpath = r.string(u"spec.subpath");
    if (t.cron.isEmpty())
        r.issue(u"spec.cron"_s, translate("fd::fission", "the time trigger has no cron schedule"));
    return t;
}

MessageQueueTrigger MessageQueueTrigger::parse(const KubeObject &object)
{
    MessageQueueTrigger t;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &t.issues);
    readTrigger(t, object, r);
    t.messageQueueType = r.string(u"spec.messageQueueType");
    t.topic = r.string(u"spec.topic");
    t.responseTopic = r.string(u"spec.respTopic");
    t.errorTopic = r.string(u"spec.errorTopic");
    t.maxRetries = int(r.integer(u"spec.maxRetries").value_or(0));
    t.contentType = r.string(u"spec.contentType");
    t.mqtKind = r.string(u"spec.mqtkind");
    if (t.topic.isEmpty())
        r.issue(u"spec.topic"_s, translate("fd::fission", "the message queue trigger has no topic"));
    return t;
}

KubernetesWatchTrigger KubernetesWatchTrigger::parse(const KubeObject &object)
{
    KubernetesWatchTrigger t;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &t.issues);
    readTrigger(t, object, r);
    t.watchNamespace = r.string(u"spec.namespace");
    t.watchType = r.string(u"spec.type");
    t.labelSelector = r.stringMap(u"spec.labelselector");
    if (t.watchType.isEmpty())
        r.issue(u"spec.type"_s, translate("fd::fission", "the watch trigger names no object type"));
    return t;
}

Trigger parseTrigger(const KubeObject &object)
{
    const QString kind = object.kind();
    if (kind == u"HTTPTrigger")
        return HttpTrigger::parse(object);
    if (kind == u"TimeTrigger")
        return TimeTrigger::parse(object);
    if (kind == u"MessageQueueTrigger")
        return MessageQueueTrigger::parse(object);
    if (kind == u"KubernetesWatchTrigger")
        return KubernetesWatchTrigger::parse(object);
    Trigger t;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &t.issues);
    readTrigger(t, object, r);
    return t;
}

// ---- FissionTenant ---------------------------------------------------------------------------

FissionTenant FissionTenant::parse(const KubeObject &object)
{
    FissionTenant t;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &t.issues);
    readCommon(t, object, r);
    t.tenantNamespace = r.string(u"spec.namespace");
    t.functionNamespace = r.string(u"spec.functionNamespace");
    t.builderNamespace = r.string(u"spec.builderNamespace");
    t.managedBy = t.annotations.value(u"fission.io/managed-by"_s);
    if (t.tenantNamespace.isEmpty())
        r.issue(u"spec.namespace"_s, translate("fd::fission", "the tenant names no namespace"));
    return t;
}

GenericFissionObject GenericFissionObject::parse(const KubeObject &object)
{
    GenericFissionObject g;
    const QJsonObject root = object.toJsonObject();
    const JsonFieldReader r(root, &g.issues);
    readCommon(g, object, r);
    return g;
}

} // namespace fd::fission
