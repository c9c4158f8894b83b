#include "sim/fission/BuilderManager.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"
#include "sim/fission/BuildScript.h"
#include "sim/fission/ControlPlaneView.h"
#include "sim/fission/FissionNames.h"
#include "sim/fission/FissionObjects.h"
#include "sim/fission/PodSpecs.h"
#include "sim/fission/StorageService.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUrl>
#include <QUuid>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kEnvPrefix = u"e:"_s;
const QString kPackagePrefix = u"p:"_s;
const QString kLogger = u"buildermgr"_s;

QString randomLowercase(int length)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString text;
    for (int i = 0; i < length; ++i)
        text += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
    return text;
}

bool containersReady(const QJsonObject &pod)
{
    // buildermgr reads container statuses, not the phase; a pod without any yet counts as
    // ready (and its build then fails fetching the source).
    for (const QJsonValue &status : ctrl::statusOf(pod).value("containerStatuses"_L1).toArray()) {
        if (!status.toObject().value("ready"_L1).toBool())
            return false;
    }
    return true;
}

} // namespace

BuilderManager::BuilderManager(ControllerContext *context, FissionObjects *objects, ControlPlaneView *view,
                               const FissionTiming &timing, QObject *parent)
    : Reconciler(context, parent), m_objects(objects), m_view(view), m_timing(timing), m_logWriter(context->logs)
{
    connect(m_view, &ControlPlaneView::changed, this, &BuilderManager::onControlPlaneChanged);
}

QStringList BuilderManager::initialKeys() const
{
    return {};
}

void BuilderManager::log(const QString &level, const QString &message, const LogFields &fields) const
{
    m_logWriter.zap(m_instance, level, kLogger, message, fields, m_objects->now());
}

void BuilderManager::onControlPlaneChanged()
{
    const ComponentInstance current = m_view->instance(Component::BuilderManager);
    const QStringList watched = m_view->watchedNamespaces(Component::BuilderManager);
    const bool restarted = current.podUid != m_instance.podUid;
    if (!restarted && watched == m_watched)
        return;
    m_instance = current;
    m_watched = watched;
    if (restarted) {
        // The builds of the old process die with it; their Packages stay `running`.
        m_builds.clear();
    } else {
        log(u"info"_s, u"fission resource namespaces updated"_s,
            {{u"namespaces"_s, QJsonArray::fromStringList(watched)}});
    }
    if (m_instance.isActive())
        enqueueWatched();
}

void BuilderManager::enqueueWatched()
{
    // What informers do after (re)starting: every watched object arrives as an Add.
    for (const QString &ns : std::as_const(m_watched)) {
        for (const ObjectRef &env : m_objects->list(kEnvironments, ns))
            enqueue(kEnvPrefix + objectKey(ns, nameOf(env->object)));
        for (const ObjectRef &package : m_objects->list(kPackages, ns))
            enqueue(kPackagePrefix + objectKey(ns, nameOf(package->object)));
    }
}

void BuilderManager::observe(const StoreEvent &event)
{
    if (!m_instance.isActive() || !event.object)
        return;
    if (event.storageKey != kEnvironments && event.storageKey != kPackages)
        return;
    const QString ns = namespaceOfKey(event.key);
    if (!m_watched.contains(ns))
        return;
    if (event.storageKey == kEnvironments) {
        enqueue(kEnvPrefix + event.key);
        return;
    }
    if (event.type == StoreEventType::Deleted) {
        m_builds.remove(event.key);
        return;
    }
    enqueue(kPackagePrefix + event.key);
}

void BuilderManager::reconcile(const QString &key)
{
    if (!m_instance.isActive())
        return;
    const QString objectKeyPart = key.mid(2);
    const QString ns = namespaceOfKey(objectKeyPart);
    if (!m_watched.contains(ns))
        return;
    if (key.startsWith(kEnvPrefix))
        syncEnvironment(ns, nameOfKey(objectKeyPart));
    else if (key.startsWith(kPackagePrefix))
        syncPackage(ns, nameOfKey(objectKeyPart));
}

// Environments -> builder Deployment + Service.

QJsonObject BuilderManager::builderService(const QJsonObject &environment, const QString &builderNamespace) const
{
    const QString rv = resourceVersionOf(environment);
    const QJsonObject labels = builderLabels(nameOf(environment), builderNamespace, rv);
    const auto port = [](const char *name, int number) {
        return QJsonObject{{u"name"_s, QString::fromLatin1(name)},
                           {u"protocol"_s, u"TCP"_s},
                           {u"port"_s, number},
                           {u"targetPort"_s, number}};
    };
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Service"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, builderName(nameOf(environment), rv)},
                                       {u"namespace"_s, builderNamespace},
                                       {u"labels"_s, labels}}},
            {u"spec"_s, QJsonObject{{u"selector"_s, labels},
                                    {u"type"_s, u"ClusterIP"_s},
                                    {u"ports"_s, QJsonArray{port("fetcher-port", 8000), port("builder-port", 8001)}}}}};
}

QJsonObject BuilderManager::builderDeployment(const QJsonObject &environment, const QString &builderNamespace) const
{
    const QString rv = resourceVersionOf(environment);
    const QJsonObject labels = builderLabels(nameOf(environment), builderNamespace, rv);
    const QJsonObject builderSpec = ctrl::child(ctrl::specOf(environment), "builder"_L1);
    QString pullPolicy = m_instance.value(u"BUILDER_IMAGE_PULL_POLICY"_s);
    if (pullPolicy.isEmpty())
        pullPolicy = u"IfNotPresent"_s;
    QJsonObject builder{{u"name"_s, u"builder"_s},
                        {u"image"_s, ctrl::text(builderSpec, "image"_L1)},
                        {u"imagePullPolicy"_s, pullPolicy},
                        {u"command"_s, QJsonArray{u"/builder"_s, u"/packages"_s}},
                        {u"readinessProbe"_s, httpGetProbe(u"/healthz"_s, 8001, 5, 2)},
                        {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
                        {u"terminationMessagePolicy"_s, u"File"_s},
                        {u"volumeMounts"_s, sharedVolumeMounts(u"/packages"_s)}};
    builder = mergeContainer(builder, ctrl::child(builderSpec, "container"_L1));
    QJsonObject podSpec{{u"containers"_s, QJsonArray{builder, fetcherContainer(m_instance, u"/packages"_s)}},
                        {u"serviceAccountName"_s, kBuilderServiceAccount},
                        {u"volumes"_s, sharedVolumes()}};
    applyImagePullSecret(podSpec, environment);
    QJsonObject podMetadata{{u"labels"_s, labels}};
    const QJsonObject annotations = ctrl::annotationsOf(environment);
    if (!annotations.isEmpty())
        podMetadata.insert(u"annotations"_s, annotations);
    QJsonObject metadata{{u"name"_s, builderName(nameOf(environment), rv)},
                         {u"namespace"_s, builderNamespace},
                         {u"labels"_s, labels}};
    // An owner reference cannot cross namespaces: with a remapped builder namespace the
    // chart's disableOwnerReference has to be set, and buildermgr leaves it out.
    const auto envType = m_objects->typeOf(kEnvironments);
    if (envType && !m_instance.flag(u"DISABLE_OWNER_REFERENCES"_s) && builderNamespace == namespaceOf(environment))
        metadata.insert(u"ownerReferences"_s, QJsonArray{ctrl::controllerReference(environment, *envType)});
    return {{u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"Deployment"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, QJsonObject{{u"replicas"_s, 1},
                                    {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                                    {u"template"_s, QJsonObject{{u"metadata"_s, podMetadata}, {u"spec"_s, podSpec}}}}}};
}

void BuilderManager::removeBuilders(const QString &builderNamespace, const QString &envName, const QString &keepVersion)
{
    const QJsonObject selector{{kOwner, kBuilderManagerOwner}, {kEnvName, envName}};
    bool removed = false;
    for (const QString &kind : {kServices, kDeployments}) {
        for (const ObjectRef &object : m_objects->listLabelled(kind, builderNamespace, selector)) {
            if (!keepVersion.isEmpty() && labelsOf(object->object).value(kEnvResourceVersion).toString() == keepVersion)
                continue;
            m_objects->remove(kind, builderNamespace, nameOf(object->object), uidOf(object->object));
            removed = true;
        }
    }
    if (removed)
        log(u"info"_s, u"builder service deleted"_s,
            {{u"env_name"_s, envName}, {u"namespace"_s, builderNamespace}});
}

void BuilderManager::syncEnvironment(const QString &namespaceName, const QString &name)
{
    const QString builderNamespace = m_instance.builderNamespaceFor(namespaceName);
    const ObjectRef ref = m_objects->get(kEnvironments, namespaceName, name);
    if (!ref) {
        removeBuilders(builderNamespace, name, {});
        return;
    }
    const QJsonObject &environment = ref->object;
    if (builderImage(environment).isEmpty())
        return;
    const QString rv = resourceVersionOf(environment);
    removeBuilders(builderNamespace, name, rv);
    const QString objectName = builderName(name, rv);
    bool ok = true;
    if (!m_objects->get(kServices, builderNamespace, objectName)) {
        log(u"info"_s, u"creating builder service"_s, {{u"service_name"_s, objectName}});
        ok = m_objects->ensure(kServices, builderNamespace, builderService(environment, builderNamespace)) && ok;
    }
    if (!m_objects->get(kDeployments, builderNamespace, objectName)) {
        if (m_objects->ensure(kDeployments, builderNamespace, builderDeployment(environment, builderNamespace)))
            log(u"info"_s, u"creating builder deployment"_s, {{u"deployment"_s, objectName}});
        else
            ok = false;
    }
    if (!ok) {
        log(u"error"_s, u"error creating builder service"_s,
            {{u"error"_s, QStringLiteral("error creating builder deployment for environment in namespace %1 %2")
                              .arg(name, builderNamespace)}});
    }
    settle(kEnvPrefix + objectKey(namespaceName, name), ok);
}

// Packages -> builds.

void BuilderManager::syncPackage(const QString &namespaceName, const QString &name)
{
    const ObjectRef ref = m_objects->get(kPackages, namespaceName, name);
    if (!ref || ctrl::isDeleting(ref->object))
        return;
    const QJsonObject &package = ref->object;
    const QString status = ctrl::text(ctrl::statusOf(package), "buildstatus"_L1);
    if (status.isEmpty()) {
        // setInitialBuildStatus: an update event follows, which builds a pending one.
        const QJsonObject spec = ctrl::specOf(package);
        const auto archiveEmpty = [](const QJsonObject &archive) {
            return ctrl::text(archive, "literal"_L1).isEmpty() && ctrl::text(archive, "url"_L1).isEmpty();
        };
        if (!archiveEmpty(ctrl::child(spec, "deployment"_L1)))
            writeStatus(namespaceName, name, uidOf(package), u"none"_s, {});
        else if (!archiveEmpty(ctrl::child(spec, "source"_L1)))
            writeStatus(namespaceName, name, uidOf(package), u"pending"_s, {});
        else
            writeStatus(namespaceName, name, uidOf(package), u"failed"_s, u"Both deploy and source archive are empty"_s);
        return;
    }
    if (status == "pending"_L1 && !m_builds.contains(objectKey(namespaceName, name)))
        startBuild(package);
}

QString BuilderManager::writeStatus(const QString &namespaceName, const QString &name, const QString &uid,
                                    const QString &status, const QString &buildLog, const QJsonObject &deployment)
{
    const auto type = m_objects->typeOf(kPackages);
    if (!type)
        return {};
    QJsonObject value{{u"buildstatus"_s, status}, {u"lastUpdateTimestamp"_s, ctrl::timestamp(m_objects->now())}};
    if (!buildLog.isEmpty())
        value.insert(u"buildlog"_s, buildLog);
    const bool separateStatus = type->hasStatus;
    QString written;
    if (!deployment.isEmpty() || !separateStatus) {
        const auto result = m_objects->mutate(kPackages, namespaceName, name, [&](QJsonObject &object) {
            if (uidOf(object) != uid)
                return false;
            if (!deployment.isEmpty()) {
                QJsonObject spec = ctrl::specOf(object);
                spec.insert(u"deployment"_s, deployment);
                object.insert(u"spec"_s, spec);
            }
            if (!separateStatus)
                object.insert(u"status"_s, value);
            return true;
        });
        if (!result || uidOf((*result)->object) != uid)
            return {};
        written = resourceVersionOf((*result)->object);
    }
    if (separateStatus) {
        const auto result = m_objects->mutate(
            kPackages, namespaceName, name,
            [&](QJsonObject &object) {
                if (uidOf(object) != uid)
                    return false;
                object.insert(u"status"_s, value);
                return true;
            },
            u"status"_s);
        if (!result || uidOf((*result)->object) != uid)
            return {};
        written = resourceVersionOf((*result)->object);
    }
    return written;
}

void BuilderManager::startBuild(const QJsonObject &package)
{
    const QString ns = namespaceOf(package);
    const QString key = objectKey(ns, nameOf(package));
    Build build;
    build.serial = ++m_nextSerial;
    build.namespaceName = ns;
    build.name = nameOf(package);
    build.uid = uidOf(package);
    log(u"info"_s, u"starting build for package"_s,
        {{u"package"_s, build.name}, {u"namespace"_s, ns}, {u"resource_version"_s, resourceVersionOf(package)}});
    build.resourceVersion = writeStatus(ns, build.name, build.uid, u"running"_s, {});
    if (build.resourceVersion.isEmpty()) {
        log(u"error"_s, u"error setting package pending state"_s, {{u"package"_s, build.name}});
        return;
    }
    const QJsonObject envRef = ctrl::child(ctrl::specOf(package), "environment"_L1);
    QString envNamespace = ctrl::text(envRef, "namespace"_L1);
    if (envNamespace.isEmpty())
        envNamespace = ns;
    const QString envName = ctrl::text(envRef, "name"_L1);
    const ObjectRef environment = m_objects->get(kEnvironments, envNamespace, envName);
    if (!environment) {
        log(u"error"_s, u"environment does not exist"_s, {{u"environment"_s, envName}});
        writeStatus(ns, build.name, build.uid, u"failed"_s,
                    QStringLiteral("environment does not exist: \"%1\"").arg(envName));
        return;
    }
    build.environment = environment->object;
    build.builderNamespace = m_instance.builderNamespaceFor(envNamespace);
    m_builds.insert(key, build);
    awaitBuilder(key, build.serial);
}

void BuilderManager::awaitBuilder(const QString &key, int serial)
{
    const auto it = m_builds.find(key);
    if (it == m_builds.end() || it->serial != serial)
        return;
    Build &build = *it;
    const QList<ObjectRef> pods = m_objects->list(kPods, build.builderNamespace);
    const auto retry = [this, key, serial] {
        QTimer::singleShot(m_timing.builderPollMs, this, [this, key, serial] { awaitBuilder(key, serial); });
    };
    if (pods.isEmpty()) {
        // 1.20 never advances its back-off in this branch: the build waits forever.
        if (!build.reportedWaiting)
            log(u"info"_s, u"builder pod does not exist for environment, will retry again later"_s,
                {{u"package"_s, build.name}, {u"environment"_s, nameOf(build.environment)}});
        build.reportedWaiting = true;
        retry();
        return;
    }
    const QString envName = nameOf(build.environment);
    const QString envVersion = resourceVersionOf(build.environment);
    for (const ObjectRef &ref : pods) {
        const QJsonObject labels = labelsOf(ref->object);
        if (labels.value(kEnvName).toString() != envName
            || labels.value(kEnvNamespace).toString() != build.builderNamespace
            || labels.value(kEnvResourceVersion).toString() != envVersion)
            continue;
        if (!containersReady(ref->object)) {
            if (!build.reportedWaiting)
                log(u"info"_s, u"builder pod is not ready for environment, will retry again later"_s,
                    {{u"package"_s, build.name}, {u"environment"_s, envName}});
            build.reportedWaiting = true;
            break;
        }
        executeBuild(key, serial, ref->object);
        return;
    }
    build.waitedMs += m_timing.builderPollMs;
    if (build.waitedMs < m_timing.builderReadyTimeoutMs) {
        retry();
        return;
    }
    log(u"error"_s, u"max retries exceeded in building source package, timeout due to environment builder not ready"_s,
        {{u"package"_s, build.name}, {u"namespace"_s, build.namespaceName}});
    fail(key, u"Build timeout due to environment builder not ready"_s);
}

void BuilderManager::executeBuild(const QString &key, int serial, const QJsonObject &builderPod)
{
    const Build build = m_builds.value(key);
    const QString podUid = uidOf(builderPod);
    const QString srcFilename = build.name + QLatin1Char('-') + randomLowercase(6);
    const QString srcPath = u"/packages/"_s + srcFilename;
    const ObjectRef package = m_objects->get(kPackages, build.namespaceName, build.name);
    if (!package || uidOf(package->object) != build.uid) {
        m_builds.remove(key);
        return;
    }
    const QDateTime now = m_objects->now();
    m_logWriter.append(podUid, u"fetcher"_s,
                       zapLine(u"info"_s, now, u"fetcher"_s, u"fetcher received fetch request"_s,
                               {{u"package"_s, build.name}, {u"namespace"_s, build.namespaceName},
                                {u"filename"_s, srcFilename}}),
                       now);
    const auto fetched = fetchSource(package->object);
    if (!fetched) {
        m_logWriter.append(podUid, u"fetcher"_s,
                           zapLine(u"error"_s, now, u"fetcher"_s, u"error fetching source package"_s,
                                   {{u"error"_s, fetched.error()}}),
                           now);
        log(u"error"_s, u"error building package"_s,
            {{u"package"_s, build.name}, {u"namespace"_s, build.namespaceName}, {u"error"_s, fetched.error()}});
        fail(key, u"error fetching source package: "_s + fetched.error());
        return;
    }
    const BuildOutcome outcome = fission::runBuild(build.environment, *fetched, srcPath);
    QTimer::singleShot(m_timing.buildStepMs, this, [this, key, serial, podUid, srcFilename, srcPath, outcome] {
        const auto it = m_builds.find(key);
        if (it == m_builds.end() || it->serial != serial)
            return;
        const QDateTime at = m_objects->now();
        m_logWriter.append(podUid, u"fetcher"_s,
                           zapLine(u"info"_s, at, u"fetcher"_s, u"successfully placed"_s, {{u"location"_s, srcPath}}), at);
        const QString command = outcome.command;
        m_logWriter.append(podUid, u"builder"_s,
                           zapLine(u"info"_s, at, u"builder"_s, u"builder received request"_s,
                                   {{u"request"_s, QJsonObject{{u"srcPkgFilename"_s, srcFilename},
                                                              {u"command"_s, buildCommandOf(it->environment, {})}}}}),
                           at);
        if (outcome.started) {
            m_logWriter.append(podUid, u"builder"_s,
                               zapLine(u"info"_s, at, u"builder"_s, u"building source package"_s,
                                       {{u"command"_s, command}}),
                               at);
            m_logWriter.append(podUid, u"builder"_s, "========= START =========", at);
            for (const QString &line : outcome.output)
                m_logWriter.append(podUid, u"builder"_s, line.toUtf8(), at);
        }
        QTimer::singleShot(m_timing.buildStepMs, this, [this, key, serial, podUid, outcome, srcFilename] {
            const auto again = m_builds.find(key);
            if (again == m_builds.end() || again->serial != serial)
                return;
            const QDateTime done = m_objects->now();
            if (outcome.started) {
                if (!outcome.builderError.isEmpty())
                    m_logWriter.append(podUid, u"builder"_s, outcome.builderError.toUtf8(), done);
                m_logWriter.append(podUid, u"builder"_s, "========= END ===========", done);
            }
            if (!outcome.succeeded) {
                m_logWriter.append(podUid, u"builder"_s,
                                   zapLine(u"error"_s, done, u"builder"_s, u"error building source package"_s,
                                           {{u"error"_s, outcome.builderError}}),
                                   done);
            }
            m_logWriter.append(podUid, u"builder"_s,
                               zapLine(u"info"_s, done, u"builder"_s, u"build request complete"_s,
                                       {{u"elapsed_time"_s, QStringLiteral("%1ms").arg(2 * m_timing.buildStepMs)}}),
                               done);
            if (!outcome.succeeded) {
                completeBuild(key, serial, podUid, false, outcome.buildLog, {});
                return;
            }
            // The fetcher uploads the deployment archive to storagesvc.
            const QString archiveId = u"/fission/fission-functions/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
            m_logWriter.append(podUid, u"fetcher"_s,
                               zapLine(u"info"_s, done, u"fetcher"_s, u"fetcher received upload request"_s,
                                       {{u"filename"_s, srcFilename}}),
                               done);
            QTimer::singleShot(m_timing.buildStepMs, this, [this, key, serial, podUid, outcome, archiveId] {
                completeBuild(key, serial, podUid, true, outcome.buildLog, archiveId);
            });
        });
    });
}

void BuilderManager::completeBuild(const QString &key, int serial, const QString &builderPodUid, bool succeeded,
                                   const QString &buildLog, const QString &archiveId)
{
    const auto it = m_builds.find(key);
    if (it == m_builds.end() || it->serial != serial)
        return;
    const Build build = *it;
    m_builds.erase(it);
    if (!succeeded) {
        log(u"error"_s, u"error building package"_s,
            {{u"package"_s, build.name}, {u"namespace"_s, build.namespaceName},
             {u"error"_s, u"Internal error - error building source package"_s}});
        writeStatus(build.namespaceName, build.name, build.uid, u"failed"_s, buildLog);
        return;
    }
    QString storageUrl = m_instance.argument(u"--storageSvcUrl"_s);
    if (storageUrl.isEmpty())
        storageUrl = u"http://storagesvc."_s + m_instance.namespaceName;
    const QString url = storageUrl + u"/v1/archive?id="_s
        + QString::fromLatin1(QUrl::toPercentEncoding(archiveId));
    // The simulated build output: the stored bytes are what the checksum covers, so the
    // deployment archive downloads and verifies like a real one.
    const QByteArray built = (build.uid + archiveId).toUtf8();
    const QString checksum = QString::fromLatin1(QCryptographicHash::hash(built, QCryptographicHash::Sha256).toHex());
    if (m_storage)
        m_storage->put(archiveId, built);
    const QDateTime now = m_objects->now();
    m_logWriter.append(builderPodUid, u"fetcher"_s,
                       zapLine(u"info"_s, now, u"fetcher"_s, u"successfully uploaded file"_s, {{u"url"_s, url}}), now);
    log(u"info"_s, u"starting package info update"_s, {{u"package"_s, build.name}, {u"namespace"_s, build.namespaceName}});
    restampFunctions(build);
    const QJsonObject archive{{u"type"_s, u"url"_s},
                              {u"url"_s, url},
                              {u"checksum"_s, QJsonObject{{u"type"_s, u"sha256"_s}, {u"sum"_s, checksum}}}};
    if (writeStatus(build.namespaceName, build.name, build.uid, u"succeeded"_s, buildLog, archive).isEmpty()) {
        log(u"error"_s, u"error updating package info"_s, {{u"package"_s, build.name}});
        return;
    }
    log(u"info"_s, u"completed package build request"_s,
        {{u"package"_s, build.name}, {u"namespace"_s, build.namespaceName}});
}

void BuilderManager::restampFunctions(const Build &build)
{
    // Functions sharing the package point at its new version; their pods recycle.
    for (const ObjectRef &function : m_objects->list(kFunctions, build.namespaceName)) {
        const QJsonObject ref = ctrl::child(ctrl::child(ctrl::specOf(function->object), "package"_L1), "packageref"_L1);
        if (ctrl::text(ref, "name"_L1) != build.name || ctrl::text(ref, "namespace"_L1) != build.namespaceName
            || ctrl::text(ref, "resourceversion"_L1) == build.resourceVersion)
            continue;
        m_objects->mutate(kFunctions, build.namespaceName, nameOf(function->object), [&build](QJsonObject &object) {
            QJsonObject spec = ctrl::specOf(object);
            QJsonObject package = ctrl::child(spec, "package"_L1);
            QJsonObject packageRef = ctrl::child(package, "packageref"_L1);
            if (ctrl::text(packageRef, "resourceversion"_L1) == build.resourceVersion)
                return false;
            packageRef.insert(u"resourceversion"_s, build.resourceVersion);
            package.insert(u"packageref"_s, packageRef);
            spec.insert(u"package"_s, package);
            object.insert(u"spec"_s, spec);
            return true;
        });
    }
}

Expected<QJsonObject, QString> BuilderManager::fetchSource(const QJsonObject &package) const
{
    QJsonObject spec = ctrl::specOf(package);
    QJsonObject source = ctrl::child(spec, "source"_L1);
    const QString url = ctrl::text(source, "url"_L1);
    if (!m_storage || url.isEmpty() || !ctrl::text(source, "literal"_L1).isEmpty())
        return package;
    const auto id = StorageService::idFromUrl(url, m_instance.namespaceName);
    if (!id)
        return package; // elsewhere (S3, a web server): the simulation takes it as fetched
    const auto bytes = m_storage->archive(*id);
    if (!bytes)
        return Unexpected(QStringLiteral("failed to download url %1: HTTP error 404").arg(url));
    const QJsonObject checksum = ctrl::child(source, "checksum"_L1);
    const QString want = ctrl::text(checksum, "sum"_L1);
    if (!want.isEmpty()) {
        const QString got = QString::fromLatin1(QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex());
        if (got.compare(want, Qt::CaseInsensitive) != 0)
            return Unexpected(QStringLiteral("checksum verification failed: want %1, got %2").arg(want, got));
    }
    source.insert(u"literal"_s, QString::fromLatin1(bytes->toBase64()));
    spec.insert(u"source"_s, source);
    QJsonObject copy = package;
    copy.insert(u"spec"_s, spec);
    return copy;
}

void BuilderManager::fail(const QString &key, const QString &buildLog)
{
    const auto it = m_builds.find(key);
    if (it == m_builds.end())
        return;
    const Build build = *it;
    m_builds.erase(it);
    writeStatus(build.namespaceName, build.name, build.uid, u"failed"_s, buildLog);
}

} // namespace fd::sim::fission

#include "moc_BuilderManager.cpp"
