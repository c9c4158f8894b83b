#pragma once

#include "engine/onboarding/OnboardingPlan.h"
#include "engine/onboarding/StepRunner.h"
#include "helm/HelmRunner.h"

#include <QPointer>
#include <QTemporaryDir>

#include <memory>

// Executes a Plan (legacy/static world) as steps:
//   check-release      the release's latest revision is still the one planned from (else: stale,
//                      plan again — values read before the last revision are never upgraded),
//                      and no operation is pending;
//   create-namespace:X one per missing namespace (when allowed; else the run stops here);
//   upgrade            the real `helm upgrade` with the plan's chart and only the edited user
//                      values (--reset-values: the new revision stores exactly them);
//   rollout            each rolling Deployment/DaemonSet followed until all its pods run the new
//                      template (polling the API);
//   verify             every control-plane Deployment that consumes the namespace list has the
//                      new set in its template env, and its ready pods carry it;
//   delete-namespace:X optional, for removed namespaces;
// A release found pending-* (a crashed helm) can be rolled back from here too.
// A failed upgrade leaves a failed (or pending) release; the run reads the release history and
// reports it (failedRevision()), and rollback() runs `helm rollback` to the planned base revision.
// Cancel is refused while helm runs (killing helm half way leaves a pending release).

namespace fd::engine::onboarding {

struct RunOptions {
    bool createMissingNamespaces = true;
    bool useAdoptAlternative = false; // send the plan's adoptExistingResources variant
    bool deleteRemovedNamespaces = false;
    int helmTimeoutSeconds = 300;
};

class OnboardingRun : public StepRunner {
    Q_OBJECT
public:
    OnboardingRun(fd::kube::RestClient *rest, fd::helm::HelmRunnerSettings helm, Plan plan, RunOptions options,
                  QObject *parent = nullptr);
    ~OnboardingRun() override;

    const Plan &plan() const { return m_plan; }
    void start();

    // After a failed upgrade: the revision helm left failed/pending (0 when none was found).
    int failedRevision() const { return m_failedRevision; }
    QString failedStatus() const { return m_failedStatus; }
    // After a failed upgrade, or when the release was found pending (a crashed helm).
    bool canRollback() const { return isFinished() && !succeeded() && m_rollbackOffered && !m_rollingBack; }
    // `helm rollback <release> <baseRevision> --wait`; rollbackFinished() follows.
    void rollback();
    bool rollbackSucceeded() const { return m_rollbackOk; }

Q_SIGNALS:
    void rollbackFinished(bool success, const QString &message);

private:
    void checkRelease();
    void createNamespaces(int index);
    void upgrade();
    void inspectFailedRelease(const QString &helmMessage);
    void followRollout();
    void verify();
    void deleteNamespaces(int index);
    const PlanImpact &impact() const;
    QStringList expectedWatched() const;

    fd::helm::HelmRunnerSettings m_helmSettings;
    Plan m_plan;
    RunOptions m_options;
    fd::helm::HelmRunner *m_helm = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_checkStep = -1;
    QList<int> m_createSteps;
    int m_upgradeStep = -1;
    int m_rolloutStep = -1;
    int m_verifyStep = -1;
    QList<int> m_deleteSteps;
    int m_rollbackStep = -1;
    bool m_rollbackOffered = false;
    bool m_rollingBack = false;
    bool m_rollbackOk = false;
    int m_failedRevision = 0;
    QString m_failedStatus;
};

} // namespace fd::engine::onboarding
