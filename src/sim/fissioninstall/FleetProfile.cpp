#include "sim/fissioninstall/FleetProfile.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ContainerBehavior.h"
#include "sim/fissioninstall/FissionContent.h"
#include "sim/fissioninstall/FissionInstaller.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

#include <vector>

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;

namespace {

const QStringList kLanguages{u"nodejs"_s, u"python"_s, u"go"_s, u"binary"_s};
// The simulated kubelet's default node and its host IP: the fleet's pods run there.
const QString kNodeName = u"sim-node-1"_s;
const QString kHostIp = u"172.18.0.2"_s;
const QString kFetcherImage = u"fission/fetcher:v1.20.5"_s;

QString hex(const QByteArray &seed, int length)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(length));
}

QString randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), bytes / 4);
    return QString::fromLatin1(data.toHex());
}

// RFC 3339 UTC timestamps by the ten thousand: QDateTime's time-zone conversion per call
// would dominate the fleet's start-up, so the date part is formatted once per day.
class Timestamps {
public:
    QString format(qint64 secsSinceEpoch)
    {
        const qint64 day = secsSinceEpoch / 86400;
        if (day != m_day) {
            m_day = day;
            m_prefix = QDateTime::fromSecsSinceEpoch(day * 86400, Qt::UTC).toString(u"yyyy-MM-dd'T'"_s);
        }
        const qint64 rest = secsSinceEpoch % 86400;
        return m_prefix + QStringLiteral("%1:%2:%3Z")
                              .arg(rest / 3600, 2, 10, QLatin1Char('0'))
                              .arg((rest / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(rest % 60, 2, 10, QLatin1Char('0'));
    }

private:
    qint64 m_day = -1;
    QString m_prefix;
};

QString uidOfObject(const QJsonObject &object)
{
    return object.value(u"metadata"_s).toObject().value(u"uid"_s).toString();
}

// Builds the population and writes it straight into the store.
class FleetWriter {
public:
    FleetWriter(ObjectService *objects, const FleetOptions &options) : m_objects(objects), m_options(options) {}

    Expected<void, QString> write();
    // What the churn touches afterwards: storage key, namespace, name.
    std::vector<FleetChurn::Target> churnTargets;

private:
    struct Environment {
        QString name;
        QString namespaceName;
        QString uid;
        QString resourceVersion;
        QString language;
    };
    struct Package {
        QString name;
        QString namespaceName;
        QString resourceVersion;
        int environment = 0;
    };
    struct Function {
        QString name;
        QString namespaceName;
        QString uid;
        QString executor;
        int environment = 0;
    };

    // Creation times spread over the last 30 days, oldest first.
    qint64 createdAt(int index) const
    {
        return m_nowSecs - 30LL * 24 * 3600 + (30LL * 24 * 3600 * index) / std::max(1, m_total);
    }

    // The apiserver's part of a stored object's metadata.
    void stamp(QJsonObject &object, const QString &namespaceName, qint64 created, bool withGeneration)
    {
        QJsonObject meta = object.value(u"metadata"_s).toObject();
        if (!namespaceName.isEmpty())
            meta.insert(u"namespace"_s, namespaceName);
        meta.insert(u"uid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        meta.insert(u"creationTimestamp"_s, m_timestamps.format(created));
        if (withGeneration)
            meta.insert(u"generation"_s, 1);
        object.insert(u"metadata"_s, meta);
    }
    ObjectRef store(const ResourceType &type, QJsonObject object)
    {
        const ObjectRef ref = m_objects->store()->write(type.storageKey(), object);
        const QJsonObject meta = object.value(u"metadata"_s).toObject();
        if (type.kind != "Environment"_L1 && type.kind != "HTTPTrigger"_L1)
            churnTargets.push_back({type.storageKey(), meta.value(u"namespace"_s).toString(), meta.value(u"name"_s).toString()});
        return ref;
    }
    QJsonObject podStatus(const QJsonArray &containers, qint64 started, int index);
    QJsonObject podObject(const QString &name, const QString &namespaceName, const QJsonObject &labels,
                          const QJsonObject &annotations, const QString &mainContainer, const QString &image, int index);

    ObjectService *m_objects;
    FleetOptions m_options;
    qint64 m_nowSecs = 0;
    Timestamps m_timestamps;
    QHash<QString, std::pair<QString, QString>> m_images; // image -> normalized name, image ID
    int m_total = 1;
    QJsonObject m_podTemplate;
};

QJsonObject FleetWriter::podStatus(const QJsonArray &containers, qint64 started, int index)
{
    const QString time = m_timestamps.format(started);
    const auto condition = [&time](const char *type) {
        return QJsonObject{{u"type"_s, QString::fromLatin1(type)},
                           {u"status"_s, u"True"_s},
                           {u"lastTransitionTime"_s, time},
                           {u"lastProbeTime"_s, QJsonValue::Null}};
    };
    QJsonArray statuses;
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        const QString declared = container.value(u"image"_s).toString();
        auto known = m_images.constFind(declared);
        if (known == m_images.constEnd()) {
            const QString image = normalizedImageName(declared);
            known = m_images.insert(declared, {image, image.section(QLatin1Char(':'), 0, -2) + u"@sha256:"_s + hex(image.toUtf8(), 64)});
        }
        statuses.append(QJsonObject{
            {u"name"_s, container.value(u"name"_s)},
            {u"image"_s, known->first},
            {u"imageID"_s, known->second},
            {u"ready"_s, true},
            {u"restartCount"_s, 0},
            {u"started"_s, true},
            {u"state"_s, QJsonObject{{u"running"_s, QJsonObject{{u"startedAt"_s, time}}}}},
            {u"lastState"_s, QJsonObject()},
            {u"containerID"_s, u"containerd://"_s + randomHex(32)}});
    }
    // Pod IPs from 10.244.0.0/16 outside the kubelet's own 10.244.0.x range.
    const QString podIp = QStringLiteral("10.244.%1.%2").arg(1 + (index / 250) % 254).arg(2 + index % 250);
    return {{u"phase"_s, u"Running"_s},
            {u"hostIP"_s, kHostIp},
            {u"hostIPs"_s, QJsonArray{QJsonObject{{u"ip"_s, kHostIp}}}},
            {u"podIP"_s, podIp},
            {u"podIPs"_s, QJsonArray{QJsonObject{{u"ip"_s, podIp}}}},
            {u"startTime"_s, time},
            {u"qosClass"_s, u"Burstable"_s},
            {u"containerStatuses"_s, statuses},
            {u"conditions"_s, QJsonArray{condition("PodReadyToStartContainers"), condition("Initialized"), condition("Ready"),
                                         condition("ContainersReady"), condition("PodScheduled")}}};
}

QJsonObject FleetWriter::podObject(const QString &name, const QString &namespaceName, const QJsonObject &labels,
                                   const QJsonObject &annotations, const QString &mainContainer, const QString &image, int index)
{
    QJsonObject pod = m_podTemplate;
    QJsonObject meta{{u"name"_s, name}, {u"labels"_s, labels}};
    if (!annotations.isEmpty())
        meta.insert(u"annotations"_s, annotations);
    pod.insert(u"metadata"_s, meta);
    QJsonObject spec = pod.value(u"spec"_s).toObject();
    QJsonArray containers = spec.value(u"containers"_s).toArray();
    QJsonObject runtime = containers.at(0).toObject();
    runtime.insert(u"name"_s, mainContainer);
    runtime.insert(u"image"_s, image);
    containers.replace(0, runtime);
    spec.insert(u"containers"_s, containers);
    spec.insert(u"nodeName"_s, kNodeName);
    pod.insert(u"spec"_s, spec);
    const qint64 created = createdAt(index);
    stamp(pod, namespaceName, created, false);
    pod.insert(u"status"_s, podStatus(containers, created + 4, index));
    return pod;
}

Expected<void, QString> FleetWriter::write()
{
    m_nowSecs = m_objects->now().toSecsSinceEpoch();
    const FleetOptions &o = m_options;
    m_total = o.environments + o.packages + o.functions + o.pods + o.triggers;
    ResourceCatalog *catalog = m_objects->catalog();
    const auto envType = catalog->findByKind(u"fission.io"_s, u"Environment"_s);
    const auto pkgType = catalog->findByKind(u"fission.io"_s, u"Package"_s);
    const auto fnType = catalog->findByKind(u"fission.io"_s, u"Function"_s);
    const auto triggerType = catalog->findByKind(u"fission.io"_s, u"HTTPTrigger"_s);
    const auto podType = catalog->findByKind(QString(), u"Pod"_s);
    if (!envType || !pkgType || !fnType || !triggerType || !podType)
        return Unexpected(u"the Fission kinds are not served"_s);
    const int width = static_cast<int>(QString::number(o.tenants).size());
    const auto tenant = [&](int i) { return u"tenant-"_s + QString::number(i % o.tenants + 1).rightJustified(width, QLatin1Char('0')); };
    int index = 0;

    // The pod shape the apiserver stores (defaults, service account volume), once.
    {
        QJsonObject probe{{u"apiVersion"_s, u"v1"_s},
                          {u"kind"_s, u"Pod"_s},
                          {u"metadata"_s, QJsonObject{{u"name"_s, u"fleet-template"_s}}},
                          {u"spec"_s, QJsonObject{{u"serviceAccountName"_s, u"fission-fetcher"_s},
                                                  {u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"runtime"_s},
                                                                                           {u"image"_s, u"runtime"_s}},
                                                                               QJsonObject{{u"name"_s, u"fetcher"_s},
                                                                                           {u"image"_s, kFetcherImage},
                                                                                           {u"command"_s, QJsonArray{u"/fetcher"_s}}}}}}}};
        WriteOptions dryRun;
        dryRun.dryRun = true;
        dryRun.fieldManager = u"executor"_s;
        const auto shaped = m_objects->create(*podType, tenant(0), probe, dryRun);
        if (!shaped)
            return Unexpected(u"fleet pod template: "_s + shaped.error().message);
        m_podTemplate = shaped->object->object;
        m_podTemplate.remove(u"status"_s);
    }

    std::vector<Environment> environments;
    environments.reserve(static_cast<size_t>(o.environments));
    for (int i = 0; i < o.environments; ++i) {
        // A tenant's environments take the languages in turn.
        const int round = i / o.tenants;
        const QString language = kLanguages.at(round % kLanguages.size());
        const QString ns = tenant(i);
        const QString name = language + (round >= kLanguages.size() ? u"-"_s + QString::number(round / kLanguages.size()) : QString());
        QJsonObject env = environmentObject(name, ns, runtimeImages(language), 3);
        stamp(env, ns, createdAt(index++), true);
        const ObjectRef stored = store(*envType, env);
        environments.push_back({name, ns, uidOfObject(env), QString::number(stored->resourceVersion), language});
    }

    // Packages take the environments in turn (so a tenant's packages use its own
    // environments); functions take the packages in turn.
    std::vector<Package> packages;
    packages.reserve(static_cast<size_t>(o.packages));
    for (int i = 0; i < o.packages && !environments.empty(); ++i) {
        const int envIndex = i % static_cast<int>(environments.size());
        const Environment &env = environments.at(static_cast<size_t>(envIndex));
        const QString ns = env.namespaceName;
        const QString name = u"pkg-"_s + QString::number(i + 1);
        const QByteArray archive = demoSource(env.language, name);
        QJsonObject pkg;
        if (env.language == "binary"_L1) {
            pkg = deployPackageObject(name, ns, env.name, archive, PackageWriter::Kubectl, {});
            pkg.insert(u"status"_s, QJsonObject{{u"buildstatus"_s, u"succeeded"_s},
                                                {u"lastUpdateTimestamp"_s, m_timestamps.format(createdAt(index))}});
        } else {
            pkg = sourcePackageObject(name, ns, env.name, archive, QString(), PackageWriter::Kubectl, {});
            // One build in fifty failed; the others left a storagesvc archive behind.
            const bool failed = i % 50 == 7;
            const QString archiveId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            if (!failed) {
                QJsonObject spec = pkg.value(u"spec"_s).toObject();
                spec.insert(u"deployment"_s, QJsonObject{{u"type"_s, u"url"_s},
                                                         {u"url"_s, u"http://storagesvc.fission/v1/archive?id="_s + archiveId},
                                                         {u"checksum"_s, QJsonObject{{u"type"_s, u"sha256"_s},
                                                                                     {u"sum"_s, hex(archiveId.toUtf8(), 64)}}}});
                pkg.insert(u"spec"_s, spec);
            }
            const QString log = failed ? u"building in /packages/"_s + name + u"\nerror: build command failed: exit status 1\n"_s
                                       : u"building in /packages/"_s + name + u"\nbuild succeeded\n"_s;
            pkg.insert(u"status"_s, QJsonObject{{u"buildstatus"_s, failed ? u"failed"_s : u"succeeded"_s},
                                                {u"buildlog"_s, log},
                                                {u"lastUpdateTimestamp"_s, m_timestamps.format(createdAt(index) + 40)}});
        }
        stamp(pkg, ns, createdAt(index++), true);
        const ObjectRef stored = store(*pkgType, pkg);
        packages.push_back({name, ns, QString::number(stored->resourceVersion), envIndex});
    }

    std::vector<Function> functions;
    functions.reserve(static_cast<size_t>(o.functions));
    for (int i = 0; i < o.functions && !packages.empty(); ++i) {
        const Package &package = packages.at(static_cast<size_t>(i) % packages.size());
        const Environment &env = environments.at(static_cast<size_t>(package.environment));
        FunctionShape shape;
        if (i % 10 >= 7) {
            shape.executor = u"newdeploy"_s;
            shape.minScale = 1;
            shape.maxScale = 3;
        }
        const QString name = u"fn-"_s + QString::number(i + 1);
        QJsonObject fn = functionObject(name, package.namespaceName, env.name, package.name, package.resourceVersion, shape);
        stamp(fn, package.namespaceName, createdAt(index++), true);
        store(*fnType, fn);
        functions.push_back({name, package.namespaceName, uidOfObject(fn), shape.executor, package.environment});
    }

    for (int i = 0; i < o.triggers && !functions.empty(); ++i) {
        const Function &fn = functions.at(static_cast<size_t>(i) % functions.size());
        const size_t round = static_cast<size_t>(i) / functions.size();
        const QString name = round == 0 ? fn.name : fn.name + u"-"_s + QString::number(round);
        QJsonObject trigger = httpTriggerObject(name, fn.namespaceName, fn.name, u"/"_s + fn.namespaceName + u"/"_s + name,
                                                {u"GET"_s});
        stamp(trigger, fn.namespaceName, createdAt(index++), true);
        store(*triggerType, trigger);
    }

    // Pods: first the warm pools (poolsize 3 per environment), then function pods.
    const QString instance = hex("fleet-executor", 8);
    int podsLeft = o.pods;
    for (size_t e = 0; e < environments.size() && podsLeft > 0; ++e) {
        const Environment &env = environments.at(e);
        const QString deployment = (u"poolmgr-"_s + env.name + QLatin1Char('-') + env.namespaceName + QLatin1Char('-')
                                    + env.resourceVersion).toLower();
        const QString replicaSet = hex(deployment.toUtf8(), 10);
        for (int p = 0; p < 3 && podsLeft > 0; ++p, --podsLeft) {
            const QJsonObject labels{{u"environmentName"_s, env.name},
                                     {u"environmentNamespace"_s, env.namespaceName},
                                     {u"environmentUid"_s, env.uid},
                                     {u"executorType"_s, u"poolmgr"_s},
                                     {u"managed"_s, u"true"_s},
                                     {u"pod-template-hash"_s, replicaSet}};
            const QString name = deployment + QLatin1Char('-') + replicaSet + QLatin1Char('-')
                                 + hex(deployment.toUtf8() + QByteArray::number(p), 5);
            store(*podType, podObject(name, env.namespaceName, labels, {}, env.name, runtimeImages(env.language).runtime, index++));
        }
    }
    for (size_t f = 0; podsLeft > 0 && !functions.empty(); ++f, --podsLeft) {
        const Function &fn = functions.at(f % functions.size());
        const Environment &env = environments.at(static_cast<size_t>(fn.environment));
        const int replica = static_cast<int>(f / functions.size());
        QJsonObject labels{{u"environmentName"_s, env.name},
                           {u"environmentNamespace"_s, env.namespaceName},
                           {u"environmentUid"_s, env.uid},
                           {u"executorType"_s, fn.executor},
                           {u"functionName"_s, fn.name},
                           {u"functionNamespace"_s, fn.namespaceName},
                           {u"functionUid"_s, fn.uid}};
        QJsonObject annotations{{u"executorInstanceId"_s, instance}};
        QString name;
        QString container = env.name;
        if (fn.executor == "newdeploy"_L1) {
            const QString deployment = (u"newdeploy-"_s + fn.name + QLatin1Char('-') + fn.namespaceName + QLatin1Char('-')
                                        + fn.uid.right(17)).toLower();
            name = deployment + QLatin1Char('-') + hex(deployment.toUtf8(), 10) + QLatin1Char('-')
                   + hex(deployment.toUtf8() + QByteArray::number(replica), 5);
            container = fn.name;
        } else {
            labels.insert(u"managed"_s, u"false"_s);
            // A specialized pod was a warm pod of its environment's pool: the pool's names.
            const QString pool = (u"poolmgr-"_s + env.name + QLatin1Char('-') + env.namespaceName + QLatin1Char('-')
                                  + env.resourceVersion).toLower();
            name = pool + QLatin1Char('-') + hex(pool.toUtf8(), 10) + QLatin1Char('-')
                   + hex(fn.uid.toUtf8() + QByteArray::number(replica), 5);
            annotations.insert(u"svcHost"_s, QStringLiteral("10.244.%1.%2:8888").arg(f % 200 + 1).arg(f % 250 + 2));
        }
        store(*podType, podObject(name, fn.namespaceName, labels, annotations, container, runtimeImages(env.language).runtime,
                                  index++));
    }
    return {};
}

} // namespace

Expected<FleetOptions, QString> FleetOptions::parse(const QString &text)
{
    FleetOptions options;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0).trimmed();
        bool ok = false;
        const int value = part.section(QLatin1Char('='), 1).trimmed().toInt(&ok);
        if (!ok || value < 0)
            return Unexpected(u"fleet option \"%1\" needs a whole number ≥ 0"_s.arg(part.trimmed()));
        if (key == "tenants"_L1)
            options.tenants = value;
        else if (key == "environments"_L1)
            options.environments = value;
        else if (key == "packages"_L1)
            options.packages = value;
        else if (key == "functions"_L1)
            options.functions = value;
        else if (key == "pods"_L1)
            options.pods = value;
        else if (key == "triggers"_L1)
            options.triggers = value;
        else if (key == "churn"_L1)
            options.churn = value;
        else if (key == "controlplane"_L1)
            options.controlPlane = value != 0;
        else
            return Unexpected(u"unknown fleet option \"%1\" (known: tenants, environments, packages, functions, pods, "
                              "triggers, churn, controlplane)"_s.arg(key));
    }
    if (options.tenants < 1)
        return Unexpected(u"a fleet needs at least one tenant"_s);
    if ((options.packages > 0 || options.pods > 0) && options.environments == 0)
        return Unexpected(u"packages and pods need at least one environment"_s);
    if (options.functions > 0 && options.packages == 0)
        return Unexpected(u"functions need at least one package"_s);
    if (options.triggers > 0 && options.functions == 0)
        return Unexpected(u"triggers need at least one function"_s);
    return options;
}

QString FleetOptions::describe() const
{
    return QStringLiteral("tenants=%1,environments=%2,packages=%3,functions=%4,pods=%5,triggers=%6,churn=%7,controlplane=%8")
        .arg(tenants).arg(environments).arg(packages).arg(functions).arg(pods).arg(triggers).arg(churn).arg(controlPlane ? 1 : 0);
}

FleetChurn::FleetChurn(ObjectService *objects, std::vector<Target> targets, int eventsPerSecond, QObject *parent)
    : QObject(parent), m_objects(objects), m_targets(std::move(targets))
{
    // Ten ticks a second; the remainder is spread so that the rate averages out exactly.
    m_perTick = eventsPerSecond / 10;
    m_remainder = eventsPerSecond % 10;
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &FleetChurn::tick);
    if (eventsPerSecond > 0 && !m_targets.empty())
        m_timer.start();
}

void FleetChurn::tick()
{
    int count = m_perTick;
    m_fraction += m_remainder;
    if (m_fraction >= 10) {
        m_fraction -= 10;
        ++count;
    }
    ObjectStore *store = m_objects->store();
    for (int i = 0; i < count; ++i) {
        // A large prime stride visits every target before repeating one.
        m_cursor = (m_cursor + 7919) % m_targets.size();
        const Target &target = m_targets.at(m_cursor);
        const ObjectRef current = store->get(target.storageKey, target.namespaceName, target.name);
        if (!current)
            continue; // deleted by someone meanwhile
        QJsonObject object = current->object;
        QJsonObject meta = object.value(u"metadata"_s).toObject();
        if (target.storageKey.endsWith(u"/packages"_s)) {
            // buildermgr-like: the status is touched again.
            QJsonObject status = object.value(u"status"_s).toObject();
            status.insert(u"lastUpdateTimestamp"_s, utcTimestamp(m_objects->now()));
            object.insert(u"status"_s, status);
        } else {
            QJsonObject annotations = meta.value(u"annotations"_s).toObject();
            annotations.insert(u"fission-desk.sim/churn"_s, QString::number(m_written));
            meta.insert(u"annotations"_s, annotations);
            object.insert(u"metadata"_s, meta);
        }
        store->write(target.storageKey, object);
        ++m_written;
    }
}

Expected<void, QString> installFleet(ObjectService *objects, const FleetOptions &options, QObject *owner)
{
    FissionInstaller installer(objects);
    if (auto crds = installer.installCrds(FissionFlavor::V1_20); !crds)
        return crds;
    const int width = static_cast<int>(QString::number(options.tenants).size());
    QJsonArray tenants;
    for (int i = 1; i <= options.tenants; ++i) {
        const QString ns = u"tenant-"_s + QString::number(i).rightJustified(width, QLatin1Char('0'));
        if (auto done = installer.ensureNamespace(ns); !done)
            return done;
        // The executor's service-account check made these in every watched namespace.
        for (const QString &account : {u"fission-fetcher"_s, u"fission-builder"_s}) {
            auto created = installer.create({{u"apiVersion"_s, u"v1"_s},
                                             {u"kind"_s, u"ServiceAccount"_s},
                                             {u"metadata"_s, QJsonObject{{u"name"_s, account}, {u"namespace"_s, ns}}}},
                                            u"executor"_s);
            if (!created)
                return Unexpected(created.error());
        }
        tenants.append(ns);
    }
    FissionReleasePlan release;
    release.installedAt = objects->now().addDays(-30);
    release.revisions = {QJsonObject{{u"additionalFissionNamespaces"_s, tenants}}};
    release.controlPlaneReplicas = options.controlPlane ? -1 : 0;
    // Installed long ago with client-side apply (as Helm 3 did, and Helm 4 keeps for such
    // releases): creating 16,000 RBAC objects through server-side apply would take seconds.
    release.applyMethod = u"csa"_s;
    if (auto done = installer.installRelease(release); !done)
        return done;
    FleetWriter writer(objects, options);
    if (auto done = writer.write(); !done)
        return done;
    if (options.churn > 0)
        new FleetChurn(objects, std::move(writer.churnTargets), options.churn, owner);
    return {};
}

} // namespace fd::sim::fissioninstall

#include "moc_FleetProfile.cpp"
