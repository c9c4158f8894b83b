#include "engine/onboarding/OnboardingRun.h"

#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/OnboardingTr.h"
#include "fission/WatchedNamespaces.h"
#include "fission/Workloads.h"
#include "helm/HelmCommands.h"
#include "helm/ReleaseHistory.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;
using fd::fission::NamespaceEnv;
using fd::fission::PodInfo;
using fd::fission::WorkloadInfo;

namespace fd::engine::onboarding {

namespace {

// The release's revisions as stored (Secrets, and ConfigMaps for Helm's configmap driver).
void readReleaseHistory(fd::kube::RestClient *rest, QObject *context, const QString &ns, const QString &name,
                        std::function<void(const fd::Expected<fd::helm::ReleaseRevisions, QString> &)> done)
{
    QUrlQuery query;
    query.addQueryItem(u"labelSelector"_s, u"owner=helm,name="_s + name);
    listObjects(rest, context, resourcePath({}, u"v1"_s, u"secrets"_s, ns), query, [=](const ObjectsResult &secrets) {
        if (!secrets) {
            done(fd::Unexpected(secrets.error().message));
            return;
        }
        const fd::helm::ReleaseHistory history = fd::helm::ReleaseHistory::fromObjects(*secrets);
        const fd::helm::ReleaseRevisions *release = history.find(ns, name);
        if (!release) {
            done(fd::Unexpected(OnboardingText::tr("release %1 has no stored revisions in namespace %2").arg(name, ns)));
            return;
        }
        done(*release);
    });
}

} // namespace

OnboardingRun::OnboardingRun(fd::kube::RestClient *rest, fd::helm::HelmRunnerSettings helm, Plan plan, RunOptions options,
                             QObject *parent)
    : StepRunner(rest, parent)
    , m_helmSettings(std::move(helm))
    , m_plan(std::move(plan))
    , m_options(options)
{
    m_checkStep = addStep(u"check-release"_s, OnboardingText::tr("Check that release %1 is still at revision %2")
                                                  .arg(m_plan.releaseName).arg(m_plan.latestRevision));
    for (const QString &ns : m_plan.missingNamespaces)
        m_createSteps.append(addStep(u"create-namespace:"_s + ns, OnboardingText::tr("Create namespace %1").arg(ns)));
    m_upgradeStep = addStep(u"upgrade"_s, OnboardingText::tr("helm upgrade %1 (namespaces: %2)")
                                              .arg(m_plan.releaseName, m_plan.namespacesAfter.join(u", "_s)), false);
    m_rolloutStep = addStep(u"rollout"_s, OnboardingText::tr("Follow the rollout of %n workload(s)", nullptr,
                                                             int(impact().rollingNames().size())));
    m_verifyStep = addStep(u"verify"_s, OnboardingText::tr("Verify that the control plane watches the new namespace set"));
    if (m_options.deleteRemovedNamespaces) {
        for (const QString &ns : m_plan.removed)
            m_deleteSteps.append(addStep(u"delete-namespace:"_s + ns, OnboardingText::tr("Delete namespace %1").arg(ns)));
    }
    m_rollbackStep = addStep(u"rollback"_s, OnboardingText::tr("Roll back to revision %1 (only after a failure)").arg(m_plan.baseRevision), false);
}

OnboardingRun::~OnboardingRun() = default;

const PlanImpact &OnboardingRun::impact() const
{
    return m_options.useAdoptAlternative && m_plan.adoptAlternative ? *m_plan.adoptAlternative : m_plan.impact;
}

QStringList OnboardingRun::expectedWatched() const
{
    QStringList names{m_plan.defaultNamespace};
    names += m_plan.namespacesAfter;
    return names;
}

void OnboardingRun::start()
{
    if (isRunning())
        return;
    beginRun();
    if (m_options.useAdoptAlternative && !m_plan.adoptAlternative) {
        runStep(m_checkStep, [this] { failStep(OnboardingText::tr("the plan has no variant with adoptExistingResources")); });
        return;
    }
    runStep(m_checkStep, [this] { checkRelease(); });
}

void OnboardingRun::checkRelease()
{
    readReleaseHistory(m_rest, this, m_plan.releaseNamespace, m_plan.releaseName,
                       [this](const fd::Expected<fd::helm::ReleaseRevisions, QString> &release) {
                           if (!release) {
                               failStep(release.error());
                               return;
                           }
                           const fd::helm::Release *latest = release->latest();
                           if (release->hasPendingOperation()) {
                               // A crashed helm left it pending: Helm refuses upgrades until it is
                               // rolled back, so offer exactly that.
                               m_failedRevision = latest->version;
                               m_failedStatus = latest->info.statusText;
                               m_rollbackOffered = release->deployed() != nullptr;
                               failStep(OnboardingText::tr("revision %1 is %2: another helm operation runs or crashed; roll it back first")
                                            .arg(latest->version)
                                            .arg(latest->info.statusText));
                               return;
                           }
                           if (m_plan.isStale(latest->version)) {
                               failStep(OnboardingText::tr("the release changed since the plan (revision %1, planned from %2): "
                                                           "plan again so that no one else's change is undone")
                                            .arg(latest->version)
                                            .arg(m_plan.latestRevision));
                               return;
                           }
                           setStep(m_checkStep, StepState::Done, OnboardingText::tr("revision %1 (%2)").arg(latest->version).arg(latest->info.statusText));
                           createNamespaces(0);
                       });
}

void OnboardingRun::createNamespaces(int index)
{
    if (index >= m_createSteps.size()) {
        runStep(m_upgradeStep, [this] { upgrade(); });
        return;
    }
    const int step = m_createSteps.at(index);
    const QString ns = m_plan.missingNamespaces.at(index);
    runStep(step, [this, step, ns, index] {
        if (!m_options.createMissingNamespaces) {
            failStep(OnboardingText::tr("namespace %1 does not exist: the chart writes Roles into it and the upgrade would fail").arg(ns));
            return;
        }
        const QJsonObject object{{u"apiVersion"_s, u"v1"_s},
                                 {u"kind"_s, u"Namespace"_s},
                                 {u"metadata"_s, QJsonObject{{u"name"_s, ns}}}};
        createObject(m_rest, this, resourcePath({}, u"v1"_s, u"namespaces"_s), object, [this, step, ns, index](const ObjectResult &result) {
            if (!result && result.error().kind != fd::kube::ErrorKind::AlreadyExists) {
                failStep(OnboardingText::tr("creating namespace %1 failed: %2").arg(ns, result.error().message));
                return;
            }
            setStep(step, StepState::Done, result ? OnboardingText::tr("created") : OnboardingText::tr("exists already"));
            createNamespaces(index + 1);
        });
    });
}

void OnboardingRun::upgrade()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const auto chart = materializeChart(m_plan, m_dir->filePath(u"chart"_s));
    if (!chart) {
        failStep(chart.error());
        return;
    }
    const QString valuesFile = m_dir->filePath(u"values.yaml"_s);
    QFile file(valuesFile);
    const QByteArray values = impact().valuesText.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(values) != values.size()) {
        failStep(OnboardingText::tr("cannot write %1").arg(valuesFile));
        return;
    }
    file.close();

    fd::helm::UpgradeRequest request;
    request.release = m_plan.releaseName;
    request.namespaceName = m_plan.releaseNamespace;
    request.chart = *chart;
    request.valuesFiles = {valuesFile};
    request.resetValues = true; // the new revision stores exactly the edited values
    request.timeoutSeconds = m_options.helmTimeoutSeconds;
    request.description = OnboardingText::tr("Fission Desk: namespaces %1").arg(m_plan.namespacesAfter.join(u","_s));
    if (!m_helm)
        m_helm = new fd::helm::HelmRunner(m_helmSettings, this);
    m_rollbackOffered = true;
    fd::helm::HelmJob *job = m_helm->start(fd::helm::commands::upgrade(request));
    note(m_upgradeStep, OnboardingText::tr("running helm upgrade"));
    const auto handle = [this, job] {
        const fd::helm::HelmResult result = job->result();
        job->deleteLater();
        if (!result) {
            inspectFailedRelease(result.error().message);
            return;
        }
        const auto release = fd::helm::parseReleaseOutput(*result);
        const QString text = release ? OnboardingText::tr("revision %1 %2").arg(release->version).arg(release->info.statusText)
                                     : OnboardingText::tr("upgraded");
        setStep(m_upgradeStep, StepState::Done, text);
        runStep(m_rolloutStep, [this] { followRollout(); });
    };
    if (job->isFinished())
        handle();
    else
        connect(job, &fd::helm::HelmJob::finished, this, handle);
}

void OnboardingRun::inspectFailedRelease(const QString &helmMessage)
{
    readReleaseHistory(m_rest, this, m_plan.releaseNamespace, m_plan.releaseName,
                       [this, helmMessage](const fd::Expected<fd::helm::ReleaseRevisions, QString> &release) {
                           QString message = OnboardingText::tr("helm upgrade failed: %1").arg(helmMessage);
                           if (release) {
                               const fd::helm::Release *latest = release->latest();
                               if (latest && latest->version > m_plan.latestRevision) {
                                   m_failedRevision = latest->version;
                                   m_failedStatus = latest->info.statusText;
                                   message += u' '
                                       + OnboardingText::tr("Revision %1 is %2; roll back to revision %3 to restore the previous state.")
                                             .arg(latest->version)
                                             .arg(latest->info.statusText)
                                             .arg(m_plan.baseRevision);
                               }
                           }
                           failStep(message);
                       });
}

void OnboardingRun::followRollout()
{
    const QStringList rolling = impact().rollingNames();
    if (rolling.isEmpty()) {
        setStep(m_rolloutStep, StepState::Skipped, OnboardingText::tr("nothing rolls"));
        runStep(m_verifyStep, [this] { verify(); });
        return;
    }
    const QString ns = m_plan.releaseNamespace;
    poll(rolloutTimeoutMs, OnboardingText::tr("the rollout did not finish in time"), [this, ns, rolling](const std::function<void(bool)> &done) {
        listObjects(m_rest, this, resourcePath(u"apps"_s, u"v1"_s, u"deployments"_s, ns), {}, [this, ns, rolling, done](const ObjectsResult &deployments) {
            if (!deployments) {
                note(m_rolloutStep, deployments.error().message);
                done(false);
                return;
            }
            listObjects(m_rest, this, resourcePath(u"apps"_s, u"v1"_s, u"daemonsets"_s, ns), {}, [this, rolling, done, deployments](const ObjectsResult &daemonSets) {
                QList<fd::kube::KubeObject> objects = *deployments;
                if (daemonSets)
                    objects += *daemonSets;
                int complete = 0;
                QStringList waiting;
                for (const fd::kube::KubeObject &object : objects) {
                    if (!rolling.contains(object.name()))
                        continue;
                    const WorkloadInfo workload = WorkloadInfo::parse(object);
                    if (workload.progressDeadlineExceeded()) {
                        failStep(OnboardingText::tr("%1 did not roll out: its progress deadline was exceeded").arg(object.name()));
                        return;
                    }
                    if (workload.rolloutComplete())
                        ++complete;
                    else
                        waiting.append(u"%1 %2/%3"_s.arg(object.name()).arg(workload.updated).arg(workload.desired));
                }
                note(m_rolloutStep, OnboardingText::tr("%1 of %2 rolled out").arg(complete).arg(rolling.size())
                                        + (waiting.isEmpty() ? QString() : u"; "_s + waiting.join(u", "_s)));
                done(complete == rolling.size());
            });
        });
    }, [this] {
        setStep(m_rolloutStep, StepState::Done);
        runStep(m_verifyStep, [this] { verify(); });
    });
}

void OnboardingRun::verify()
{
    const QString ns = m_plan.releaseNamespace;
    const QStringList expectedList = expectedWatched();
    const QSet<QString> expected(expectedList.cbegin(), expectedList.cend());
    const QSet<QString> removed(m_plan.removed.cbegin(), m_plan.removed.cend());
    poll(readyTimeoutMs, OnboardingText::tr("the control plane does not watch the new set in time"),
         [this, ns, expected, removed](const std::function<void(bool)> &done) {
             listObjects(m_rest, this, resourcePath(u"apps"_s, u"v1"_s, u"deployments"_s, ns), {}, [=, this](const ObjectsResult &deployments) {
                 if (!deployments) {
                     note(m_verifyStep, deployments.error().message);
                     done(false);
                     return;
                 }
                 listObjects(m_rest, this, resourcePath({}, u"v1"_s, u"pods"_s, ns), {}, [=, this](const ObjectsResult &pods) {
                     if (!pods) {
                         note(m_verifyStep, pods.error().message);
                         done(false);
                         return;
                     }
                     QStringList problems;
                     int consumers = 0;
                     for (const fd::kube::KubeObject &object : *deployments) {
                         const WorkloadInfo workload = WorkloadInfo::parse(object);
                         const NamespaceEnv env = NamespaceEnv::fromContainers(workload.containers);
                         if (!env.consumesNamespaces())
                             continue;
                         ++consumers;
                         const QStringList watchedList = env.watchedNamespaces();
                         const QSet<QString> watched(watchedList.cbegin(), watchedList.cend());
                         if (!watched.contains(expected) || watched.intersects(removed)) {
                             problems.append(OnboardingText::tr("%1 template watches %2").arg(object.name(), watchedList.join(u","_s)));
                             continue;
                         }
                         bool anyReady = false;
                         for (const fd::kube::KubeObject &podObject : *pods) {
                             if (!workload.selects(podObject))
                                 continue;
                             const PodInfo pod = PodInfo::parse(podObject);
                             if (!pod.isRunningAndReady())
                                 continue;
                             anyReady = true;
                             if (NamespaceEnv::fromContainers(pod.containers) != env)
                                 problems.append(OnboardingText::tr("pod %1 still runs the old namespace list").arg(podObject.name()));
                         }
                         if (!anyReady && workload.desired > 0)
                             problems.append(OnboardingText::tr("%1 has no ready pod").arg(object.name()));
                     }
                     if (consumers == 0)
                         problems.append(OnboardingText::tr("no control-plane Deployment reads the namespace list"));
                     note(m_verifyStep, problems.isEmpty() ? OnboardingText::tr("%n Deployment(s) watch the new set", nullptr, consumers)
                                                           : problems.join(u"; "_s));
                     done(problems.isEmpty());
                 });
             });
         },
         [this] {
             setStep(m_verifyStep, StepState::Done);
             deleteNamespaces(0);
         });
}

void OnboardingRun::deleteNamespaces(int index)
{
    if (index >= m_deleteSteps.size()) {
        setStep(m_rollbackStep, StepState::Skipped, OnboardingText::tr("not needed"));
        finishRun(true);
        return;
    }
    const int step = m_deleteSteps.at(index);
    const QString ns = m_plan.removed.at(index);
    runStep(step, [this, step, ns, index] {
        const QString path = resourcePath({}, u"v1"_s, u"namespaces"_s, {}, ns);
        deleteObject(m_rest, this, path, [this, step, ns, index, path](const DoneResult &result) {
            if (!result && result.error().kind != fd::kube::ErrorKind::NotFound) {
                failStep(OnboardingText::tr("deleting namespace %1 failed: %2").arg(ns, result.error().message));
                return;
            }
            waitUntilGone(path, OnboardingText::tr("namespace %1 is still terminating").arg(ns), [this, step, index] {
                setStep(step, StepState::Done, OnboardingText::tr("deleted"));
                deleteNamespaces(index + 1);
            });
        });
    });
}

void OnboardingRun::rollback()
{
    if (!canRollback())
        return;
    m_rollingBack = true;
    setStep(m_rollbackStep, StepState::Running, OnboardingText::tr("running helm rollback"));
    fd::helm::RollbackRequest request;
    request.release = m_plan.releaseName;
    request.namespaceName = m_plan.releaseNamespace;
    request.revision = m_plan.baseRevision;
    request.wait = true;
    request.timeoutSeconds = m_options.helmTimeoutSeconds;
    if (!m_helm)
        m_helm = new fd::helm::HelmRunner(m_helmSettings, this);
    fd::helm::HelmJob *job = m_helm->start(fd::helm::commands::rollback(request));
    const auto handle = [this, job] {
        const fd::helm::HelmResult result = job->result();
        job->deleteLater();
        if (!result) {
            m_rollingBack = false;
            const QString message = OnboardingText::tr("helm rollback failed: %1").arg(result.error().message);
            setStep(m_rollbackStep, StepState::Failed, message);
            Q_EMIT rollbackFinished(false, message);
            return;
        }
        readReleaseHistory(m_rest, this, m_plan.releaseNamespace, m_plan.releaseName,
                           [this](const fd::Expected<fd::helm::ReleaseRevisions, QString> &release) {
                               m_rollingBack = false;
                               const fd::helm::Release *latest = release ? release->latest() : nullptr;
                               const fd::helm::Release *base = release ? release->revision(m_plan.baseRevision) : nullptr;
                               m_rollbackOk = latest && base && latest->info.status == fd::helm::ReleaseStatus::Deployed
                                   && latest->config == base->config;
                               const QString message = m_rollbackOk
                                   ? OnboardingText::tr("revision %1 restores the values of revision %2").arg(latest->version).arg(m_plan.baseRevision)
                                   : OnboardingText::tr("the rollback finished, but the release does not show the values of revision %1")
                                         .arg(m_plan.baseRevision);
                               setStep(m_rollbackStep, m_rollbackOk ? StepState::Done : StepState::Failed, message);
                               Q_EMIT rollbackFinished(m_rollbackOk, message);
                           });
    };
    if (job->isFinished())
        handle();
    else
        connect(job, &fd::helm::HelmJob::finished, this, handle);
}

} // namespace fd::engine::onboarding

#include "moc_OnboardingRun.cpp"
