#pragma once

#include "common/Expected.h"
#include "sim/controllers/Reconciler.h"
#include "sim/fission/ComponentInstance.h"
#include "sim/fission/FissionLog.h"
#include "sim/fission/FissionTiming.h"

#include <QDateTime>
#include <QHash>

namespace fd::sim::fission {

class ControlPlaneView;
class FissionObjects;
class StorageService;

// Fission's buildermgr (1.20 semantics), active only while a `svc=buildermgr` pod is
// Running+Ready and only in the namespaces that pod's env (and, in dynamic/cluster mode, the
// Ready tenants) name:
//   - per Environment with a builder image: a builder Deployment + Service
//     "<env>-<envResourceVersion>" in the builder namespace, replaced when the Environment
//     changes, removed with it;
//   - per Package whose buildstatus is `pending`: `running` at once, then the builder pod
//     matching the Environment's current resourceVersion is awaited (forever while the
//     builder namespace has no pods at all, until FissionTiming::builderReadyTimeoutMs
//     otherwise: "Build timeout due to environment builder not ready"), then fetch, build
//     (output between START/END in the builder container) and upload: `succeeded` with a
//     sha256-checked url deployment archive and the referencing Functions' packageref
//     re-stamped, or `failed` with the build log. A missing Environment fails at once.
// A Package without status gets one (buildermgr's own defaulting). Builds in flight when
// the buildermgr pod is replaced stay `running`, as in 1.20.
class BuilderManager : public Reconciler {
    Q_OBJECT
public:
    BuilderManager(ControllerContext *context, FissionObjects *objects, ControlPlaneView *view,
                   const FissionTiming &timing, QObject *parent = nullptr);

    int buildsInFlight() const { return static_cast<int>(m_builds.size()); }
    // The storage service the fetcher downloads `url` source archives from (and that a
    // successful build's deployment archive is uploaded to); null: url sources are not read.
    void setStorage(StorageService *storage) { m_storage = storage; }

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    struct Build {
        int serial = 0;
        QString namespaceName;
        QString name;
        QString uid;
        QString resourceVersion;   // the Package's after `running` was written
        QJsonObject environment;   // as it was when the build started
        QString builderNamespace;
        int waitedMs = 0;          // time spent waiting while the builder namespace had pods
        bool reportedWaiting = false;
    };

    void onControlPlaneChanged();
    void enqueueWatched();
    void log(const QString &level, const QString &message, const LogFields &fields = {}) const;

    void syncEnvironment(const QString &namespaceName, const QString &name);
    void removeBuilders(const QString &builderNamespace, const QString &envName, const QString &keepVersion);
    QJsonObject builderDeployment(const QJsonObject &environment, const QString &builderNamespace) const;
    QJsonObject builderService(const QJsonObject &environment, const QString &builderNamespace) const;

    void syncPackage(const QString &namespaceName, const QString &name);
    void startBuild(const QJsonObject &package);
    void awaitBuilder(const QString &key, int serial);
    void executeBuild(const QString &key, int serial, const QJsonObject &builderPod);
    void completeBuild(const QString &key, int serial, const QString &builderPodUid, bool succeeded,
                       const QString &buildLog, const QString &archiveId);
    void fail(const QString &key, const QString &buildLog);
    // The Package as the builder sees it after the fetcher's download: a `url` source that
    // points at the storage service becomes its literal bytes; the error text when the archive
    // is gone or its sha256 differs.
    Expected<QJsonObject, QString> fetchSource(const QJsonObject &package) const;
    // Replaces the whole status (buildstatus, buildlog, lastUpdateTimestamp=now) as
    // buildermgr's updatePackage does, plus spec.deployment after a successful build.
    // Returns the resourceVersion written, empty on failure.
    QString writeStatus(const QString &namespaceName, const QString &name, const QString &uid, const QString &status,
                        const QString &buildLog, const QJsonObject &deployment = {});
    void restampFunctions(const Build &build);

    FissionObjects *m_objects;
    ControlPlaneView *m_view;
    StorageService *m_storage = nullptr;
    FissionTiming m_timing;
    PodLogWriter m_logWriter;
    ComponentInstance m_instance;
    QStringList m_watched;
    QHash<QString, Build> m_builds;  // by "namespace/name" of the Package
    int m_nextSerial = 0;
};

} // namespace fd::sim::fission
