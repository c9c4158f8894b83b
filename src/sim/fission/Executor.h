#pragma once

#include "common/Expected.h"
#include "sim/controllers/Reconciler.h"
#include "sim/fission/ComponentInstance.h"
#include "sim/fission/FissionLog.h"
#include "sim/fission/FissionTiming.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace fd::sim::fission {

class ControlPlaneView;
class FissionObjects;

// Where a request for a Function goes: a specialized pod (poolmgr) or a function Service
// (newdeploy/container).
struct FunctionService {
    QString key;            // functionUid@functionResourceVersion (the executor's cache key)
    QString functionUid;
    QString functionName;
    QString functionNamespace;
    QString functionVersion;
    QString executorType;
    QString address;        // "<podIP>:8888" or "<service>.<ns>"
    QString podName;        // the pod that serves (logs go there)
    QString podUid;
    QString podNamespace;
    QString container;      // the runtime container
    QString objectName;     // newdeploy/container Deployment and Service
    int minScale = 0;
    QDateTime accessed;
};

// Fission's executor (1.20 semantics), active only while a `svc=executor` pod is
// Running+Ready. Each new executor pod is a new process:
//   - it draws an 8-character instance id and, with ADOPT_EXISTING_RESOURCES false (the 1.20
//     default), deletes every executor object (executorType poolmgr/newdeploy/container)
//     carrying another executorInstanceId in its watched, function, builder and default
//     namespaces — pools and specialized pods alike, so every function cold-starts; with it
//     true the objects are re-stamped and specialized pods adopted instead;
//   - with SERVICEACCOUNT_CHECK_ENABLED it creates the fission-fetcher/fission-builder
//     ServiceAccounts in the watched namespaces;
//   - per Environment in a watched namespace it keeps a poolmgr pool Deployment
//     "poolmgr-<env>-<ns>-<rv>" of warm pods (containers <env name> + fetcher, SA
//     fission-fetcher, poolsize from the spec);
//   - per newdeploy/container Function a Deployment + Service, scaled up on demand;
//   - getServiceForFunction() specializes a warm pod (relabelled functionName/
//     functionNamespace/functionUid, managed=false, annotations executorInstanceId,
//     svcHost, functionResourceVersion) after checking the package is built;
//   - the idle reaper releases function pods after the Function's idletimeout.
class Executor : public Reconciler {
    Q_OBJECT
public:
    using ServiceCallback = std::function<void(const Expected<FunctionService, QString> &)>;

    Executor(ControllerContext *context, FissionObjects *objects, ControlPlaneView *view, const FissionTiming &timing,
             QObject *parent = nullptr);
    ~Executor() override;

    QString instanceId() const { return m_instanceId; }
    bool isActive() const { return m_instance.isActive(); }

    // Answers with the Function's service, specializing (or scaling up) one if needed; the
    // answer comes later, through `done`, unless `context` is gone by then.
    void getServiceForFunction(const QJsonObject &function, QObject *context, ServiceCallback done);
    // A request reached the function: its access time moves and its pod logs the request.
    void recordRequest(const FunctionService &service, const QString &method, const QString &path, int status,
                       qsizetype bytes);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    struct Pool {
        QString deployment;
        QString namespaceName;
        QString envVersion;
    };
    struct Waiter {
        QPointer<QObject> context;
        ServiceCallback done;
    };
    struct Specialization {
        int serial = 0;
        QJsonObject function;
        QString executorType;
        QDateTime started;
        QString claimedPod;
        QList<Waiter> waiters;
    };

    void onControlPlaneChanged();
    void startInstance();
    void stopInstance();
    void log(const QString &level, const QString &message, const LogFields &fields = {}) const;
    QStringList reaperNamespaces() const;
    void cleanupOldObjects();
    void adoptExistingObjects();
    void checkServiceAccounts();
    void enqueueWatched();

    // Pools.
    void syncEnvironment(const QString &namespaceName, const QString &name);
    QJsonObject poolDeployment(const QJsonObject &environment, const QString &functionNamespace) const;
    bool ensurePool(const QJsonObject &environment);
    void destroyPools(const QString &envNamespace, const QString &envName);

    // newdeploy / container.
    void syncFunction(const QString &namespaceName, const QString &name);
    QJsonObject functionDeployment(const QJsonObject &function, const QJsonObject &environment,
                                   const QString &executorType, const QString &objectName,
                                   const QString &functionNamespace) const;
    void functionGone(const QString &namespaceName, const QString &uid);
    void refreshFunction(const QString &namespaceName, const QString &uid);

    // Specialization.
    std::optional<QJsonObject> environmentOf(const QJsonObject &function) const;
    void choosePod(const QString &key, int serial);
    void specializePod(const QString &key, int serial, const QString &podNamespace, const QString &podName);
    void awaitFunctionPod(const QString &key, int serial);
    void finish(const QString &key, const Expected<FunctionService, QString> &result);
    bool timedOut(const Specialization &specialization) const;
    int podReadyTimeoutMs() const;
    QString runtimeContainerOf(const QJsonObject &pod) const;

    void reapIdle();

    FissionObjects *m_objects;
    ControlPlaneView *m_view;
    FissionTiming m_timing;
    PodLogWriter m_logWriter;
    ComponentInstance m_instance;
    QStringList m_watched;
    QString m_instanceId;
    QHash<QString, Pool> m_pools;                       // by environment uid
    QHash<QString, FunctionService> m_services;         // by cache key
    QHash<QString, Specialization> m_specializations;   // by cache key
    QSet<QString> m_claimedPods;                        // "namespace/name" of pods being specialized
    QTimer m_idleTimer;
    int m_nextSerial = 0;
};

} // namespace fd::sim::fission
