#pragma once

#include "sim/controllers/PodControl.h"
#include "sim/controllers/Reconciler.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace fd::sim {

// Mirrors pkg/controller/job (1.31+) for NonIndexed jobs: up to `parallelism` pods until
// `completions` succeeded, pods tracked with the batch.kubernetes.io/job-tracking finalizer,
// failed pods recreated with back-off until backoffLimit (or activeDeadlineSeconds) ends the
// job, suspend/resume, and the status kubectl and Helm wait on: startTime, completionTime,
// active/ready/succeeded/failed/terminating, uncountedTerminatedPods, conditions
// SuccessCriteriaMet+Complete or FailureTarget+Failed. Also the ttl-after-finished
// controller (ttlSecondsAfterFinished).
class JobController : public Reconciler {
    Q_OBJECT
public:
    JobController(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;

private:
    struct Tally {
        int active = 0;
        int ready = 0;
        int terminating = 0;
        int newSucceeded = 0;
        int newFailed = 0;
        int restarts = 0;          // container restarts of active pods (OnFailure back-off limit)
        QList<ObjectRef> activePods;
        QList<ObjectRef> finishedWithFinalizer;
    };
    Tally tally(const QJsonObject &job, const QList<ObjectRef> &pods);
    bool releasePods(const QList<ObjectRef> &pods);
    bool manage(const QJsonObject &job, const Tally &tally, int succeeded, int failed, QJsonObject &status);
    void handleFinished(const QJsonObject &job);
    bool writeStatus(const QJsonObject &job, const QJsonObject &status);

    PodControl m_pods;
    QHash<QString, QSet<QString>> m_counted;  // job uid -> pod uids already in succeeded/failed
    QHash<QString, QDateTime> m_lastFailure;  // job uid -> when a pod last failed (creation back-off)
};

} // namespace fd::sim
