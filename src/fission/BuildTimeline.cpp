// The build timeline (see BuildTimeline.h). Fission's buildermgr (fission-reference §6) turns a
// source Package `running` as soon as it takes it (1.20; main waits for a ready builder while it
// stays `pending`), waits for the Environment's builder pod, asks its fetcher to fetch the source
// archive, the builder to run the build command, the fetcher to upload the result, and writes
// `succeeded` or `failed` with the build log. The timeline reads each of these from what the
// cluster shows: the Package's status and log, the builder Deployment, its pods and events.
#include "fission/BuildTimeline.h"

#include "fission/ClusterState.h"
#include "fission/FissionIndex.h"
#include "fission/InstallDetection.h"
#include "fission/TenantModel.h"
#include "fission/Tr.h"
#include "fission/WatchedNamespaces.h"
#include "fission/rules/RuleSupport.h"


#include <algorithm>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission {

using Id = BuildStep::Id;
using State = BuildStep::State;

QString buildStepId(BuildStep::Id id)
{
    switch (id) {
    case Id::Created: return u"created"_s;
    case Id::PickedUp: return u"picked-up"_s;
    case Id::PodScheduled: return u"pod-scheduled"_s;
    case Id::ImagePulled: return u"image-pulled"_s;
    case Id::BuilderReady: return u"builder-ready"_s;
    case Id::Fetch: return u"fetch"_s;
    case Id::Build: return u"build"_s;
    case Id::Upload: return u"upload"_s;
    case Id::Finished: return u"finished"_s;
    }
    return {};
}

QString buildStepStateId(BuildStep::State state)
{
    switch (state) {
    case State::Done: return u"done"_s;
    case State::Current: return u"current"_s;
    case State::Failed: return u"failed"_s;
    case State::NotReached: return u"not-reached"_s;
    case State::Skipped: return u"skipped"_s;
    }
    return {};
}

QString BuildStep::title() const
{
    switch (id) {
    case Id::Created: return translate("fd::fission", "Package created");
    case Id::PickedUp: return translate("fd::fission", "Picked up by buildermgr");
    case Id::PodScheduled: return translate("fd::fission", "Builder pod scheduled");
    case Id::ImagePulled: return translate("fd::fission", "Builder image pulled");
    case Id::BuilderReady: return translate("fd::fission", "Builder ready");
    case Id::Fetch: return translate("fd::fission", "Source archive fetched");
    case Id::Build: return translate("fd::fission", "Build command run");
    case Id::Upload: return translate("fd::fission", "Deployment archive uploaded");
    case Id::Finished: return translate("fd::fission", "Build finished");
    }
    return {};
}

QString buildVerdictId(BuildTimeline::Verdict verdict)
{
    using V = BuildTimeline::Verdict;
    switch (verdict) {
    case V::Succeeded: return u"succeeded"_s;
    case V::Failed: return u"failed"_s;
    case V::Building: return u"building"_s;
    case V::Waiting: return u"waiting"_s;
    case V::Stuck: return u"stuck"_s;
    case V::NoBuild: return u"no-build"_s;
    }
    return {};
}

QString buildVerdictDisplay(BuildTimeline::Verdict verdict)
{
    using V = BuildTimeline::Verdict;
    switch (verdict) {
    case V::Succeeded: return translate("fd::fission", "succeeded");
    case V::Failed: return translate("fd::fission", "failed");
    case V::Building: return translate("fd::fission", "building");
    case V::Waiting: return translate("fd::fission", "waiting");
    case V::Stuck: return translate("fd::fission", "stuck");
    case V::NoBuild: return translate("fd::fission", "no build needed");
    }
    return {};
}

const BuildStep *BuildTimeline::step(BuildStep::Id id) const
{
    for (const BuildStep &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QString BuildTimeline::describe() const
{
    QStringList parts;
    for (const BuildStep &s : steps)
        parts.append(buildStepId(s.id) + u'=' + buildStepStateId(s.state));
    return parts.join(u' ');
}

namespace {

QString field(const QString &path, const QString &value)
{
    return path + u": "_s + (value.isEmpty() ? u"—"_s : value);
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

bool isPullFailure(const QString &reason)
{
    return reason == u"ImagePullBackOff" || reason == u"ErrImagePull" || reason == u"InvalidImageName"
        || reason == u"ErrImageNeverPull";
}

// What the build log says about where a failed build stopped.
enum class FailureKind { EnvironmentMissing, BuilderNotReady, Fetch, Upload, EmptyArchives, Build };

FailureKind failureOf(const QString &log)
{
    auto has = [&log](QLatin1StringView text) { return log.contains(text, Qt::CaseInsensitive); };
    if (has("environment does not exist"_L1))
        return FailureKind::EnvironmentMissing;
    if (has("builder not ready"_L1))
        return FailureKind::BuilderNotReady;
    if (has("error fetching source package"_L1))
        return FailureKind::Fetch;
    if (has("error uploading deployment package"_L1))
        return FailureKind::Upload;
    if (has("source and deployment are empty"_L1) || has("deploy and source archive are empty"_L1))
        return FailureKind::EmptyArchives;
    return FailureKind::Build;
}

// The diagnostics that explain a stop at each step, most specific first.
QStringList rulesFor(Id id)
{
    switch (id) {
    case Id::PickedUp:
        return {u"namespace-not-watched"_s, u"package-environment-without-builder"_s, u"package-build-failed"_s,
                u"package-build-stuck"_s};
    case Id::PodScheduled:
    case Id::ImagePulled:
    case Id::BuilderReady:
        return {u"builder-not-ready"_s, u"package-build-stuck"_s, u"package-build-failed"_s};
    case Id::Fetch:
        return {u"package-build-failed"_s, u"archive-at-risk"_s, u"package-build-stuck"_s};
    default:
        return {u"package-build-failed"_s, u"package-build-stuck"_s};
    }
}

// Builds the timeline step by step; one instance per assemble() call.
class Assembler
{
public:
    explicit Assembler(const BuildTimelineInput &input) : in(input), pkg(input.package)
    {
        for (int i = 0; i <= int(Id::Finished); ++i) {
            BuildStep s;
            s.id = Id(i);
            t.steps.append(s);
        }
    }

    BuildTimeline run()
    {
        const QDateTime created = rules::createdAt(pkg.object);
        BuildStep &c = step(Id::Created);
        c.state = State::Done;
        c.time = created;
        c.evidence.append(field(u"metadata.creationTimestamp"_s, timeText(created)));
        t.since = pkg.lastUpdateTimestamp.isValid() ? pkg.lastUpdateTimestamp : created;
        step(Id::PickedUp).evidence.append(field(u"status.buildstatus"_s, pkg.buildStatusText));
        if (pkg.lastUpdateTimestamp.isValid())
            step(Id::PickedUp).evidence.append(field(u"status.lastUpdateTimestamp"_s, timeText(pkg.lastUpdateTimestamp)));

        if (!pkg.hasSource() && pkg.buildStatus != BuildStatus::Failed) {
            noBuild();
            return finish();
        }
        switch (pkg.buildStatus) {
        case BuildStatus::Succeeded: succeeded(); break;
        case BuildStatus::Failed: failed(); break;
        case BuildStatus::Running: inProgress(true); break;
        default: inProgress(false); break;
        }
        return finish();
    }

private:
    BuildStep &step(Id id) { return t.steps[qsizetype(id)]; }

    void stopAt(Id id, State state, const QString &ownExplanation)
    {
        BuildStep &s = step(id);
        s.state = state;
        t.stoppedAt = qsizetype(id);
        // The diagnostic's words when the rules found this cause; ours otherwise.
        for (const QString &rule : rulesFor(id)) {
            for (const Finding &f : in.findings) {
                if (f.ruleId == rule && !f.explanation.isEmpty() && matchesSubject(f)) {
                    s.explanation = f.explanation;
                    s.findingId = f.id();
                    return;
                }
            }
        }
        s.explanation = ownExplanation;
    }

    bool matchesSubject(const Finding &f) const
    {
        if (f.subject == pkg.ref().key() || f.subject == u"Namespace/"_s + pkg.namespaceName())
            return true;
        return f.subject
            == ObjectRef::make(kinds::environments(), pkg.environment.namespaceName, pkg.environment.name).key();
    }

    void markDone(std::initializer_list<Id> ids)
    {
        for (Id id : ids) {
            if (step(id).state == State::NotReached || step(id).state == State::Current)
                step(id).state = State::Done;
        }
    }

    void noBuild()
    {
        t.verdict = BuildTimeline::Verdict::NoBuild;
        for (Id id : {Id::PickedUp, Id::PodScheduled, Id::ImagePulled, Id::BuilderReady, Id::Fetch, Id::Build, Id::Upload})
            step(id).state = State::Skipped;
        BuildStep &f = step(Id::Finished);
        if (pkg.hasDeployment()) {
            f.state = State::Done;
            f.time = pkg.lastUpdateTimestamp;
            f.evidence.append(field(u"spec.deployment.type"_s, pkg.deployment.typeText));
            t.summary = translate("fd::fission", "Nothing to build: the package has a deployment archive.");
        } else {
            stopAt(Id::Finished, State::Failed,
                   translate("fd::fission", "The package has neither a source nor a deployment archive: there is nothing "
                                            "to build or to run. Edit the package and give it an archive."));
            t.verdict = BuildTimeline::Verdict::Failed;
            t.summary = translate("fd::fission", "The package has no archive.");
        }
    }

    void succeeded()
    {
        t.verdict = BuildTimeline::Verdict::Succeeded;
        readBuilder(/*stuck=*/false, /*stopOnProblem=*/false);
        markDone({Id::PickedUp, Id::PodScheduled, Id::ImagePulled, Id::BuilderReady, Id::Fetch, Id::Build, Id::Upload,
                  Id::Finished});
        readBuilderLog();
        step(Id::Finished).time = pkg.lastUpdateTimestamp;
        if (pkg.hasDeployment())
            step(Id::Upload).evidence.append(field(u"spec.deployment.type"_s, pkg.deployment.typeText));
        t.summary = translate("fd::fission", "The build succeeded.");
    }

    void failed()
    {
        t.verdict = BuildTimeline::Verdict::Failed;
        BuildStep &fin = step(Id::Finished);
        fin.state = State::Failed;
        fin.time = pkg.lastUpdateTimestamp;
        t.summary = translate("fd::fission", "The build failed.");
        if (!pkg.hasSource() && !pkg.hasDeployment()) {
            for (Id id : {Id::PodScheduled, Id::ImagePulled, Id::BuilderReady, Id::Fetch, Id::Build, Id::Upload})
                step(id).state = State::Skipped;
            markDone({Id::PickedUp});
            fin.state = State::NotReached;
            stopAt(Id::Finished, State::Failed,
                   translate("fd::fission", "The package has neither a source nor a deployment archive, so buildermgr "
                                            "failed it at once. Edit the package and give it an archive."));
            return;
        }
        switch (failureOf(pkg.buildLog)) {
        case FailureKind::EnvironmentMissing:
            stopAt(Id::PickedUp, State::Failed,
                   translate("fd::fission", "Environment %1 does not exist, so buildermgr failed the build at once. Create "
                                            "the environment (or point the package at another one) and rebuild.")
                       .arg(pkg.environment.name));
            step(Id::PickedUp).output = rules::relevantLogLines(pkg.buildLog);
            return;
        case FailureKind::BuilderNotReady: {
            markDone({Id::PickedUp});
            readBuilder(false, true);
            if (t.stoppedAt < 0)
                stopAt(Id::BuilderReady, State::Failed,
                       translate("fd::fission", "The builder of environment %1 did not become Ready in time, so "
                                                "buildermgr gave up waiting. Check the builder pod's status and events.")
                           .arg(pkg.environment.name));
            else
                step(Id(t.stoppedAt)).state = State::Failed;
            step(Id(t.stoppedAt)).output = rules::relevantLogLines(pkg.buildLog);
            return;
        }
        case FailureKind::Fetch:
        case FailureKind::EmptyArchives: {
            markDone({Id::PickedUp, Id::PodScheduled, Id::ImagePulled, Id::BuilderReady});
            QString own = translate("fd::fission",
                                    "The builder could not fetch the source archive. Archives of 256 KiB or more live in "
                                    "storagesvc, and its pruner deletes archives no Package in a watched namespace "
                                    "references: if the package was created while its namespace was not watched, the "
                                    "archive is gone. Upload the source again (edit the package).");
            if (!pkg.source.storageArchiveId().isEmpty())
                step(Id::Fetch).evidence.append(field(u"spec.source.url"_s, pkg.source.url));
            stopAt(Id::Fetch, State::Failed, own);
            step(Id::Fetch).output = rules::relevantLogLines(pkg.buildLog);
            return;
        }
        case FailureKind::Upload:
            markDone({Id::PickedUp, Id::PodScheduled, Id::ImagePulled, Id::BuilderReady, Id::Fetch, Id::Build});
            stopAt(Id::Upload, State::Failed,
                   translate("fd::fission", "The build ran, but uploading its result to storagesvc failed. Check "
                                            "storagesvc and rebuild."));
            step(Id::Upload).output = rules::relevantLogLines(pkg.buildLog);
            return;
        case FailureKind::Build:
            markDone({Id::PickedUp, Id::PodScheduled, Id::ImagePulled, Id::BuilderReady, Id::Fetch});
            readBuilderLog();
            {
                const QString command = pkg.buildCommand.isEmpty()
                    ? (in.environment && !in.environment->builderCommand.isEmpty() ? in.environment->builderCommand
                                                                                   : translate("fd::fission", "the builder's default command"))
                    : pkg.buildCommand;
                stopAt(Id::Build, State::Failed,
                       translate("fd::fission", "The build command (%1) failed: the builder's output below says why. "
                                                "Fix the source or the build command and rebuild.")
                           .arg(command));
                step(Id::Build).output = rules::relevantLogLines(pkg.buildLog);
                step(Id::Build).evidence.append(field(u"spec.buildcmd"_s, pkg.buildCommand));
                // Without a command of its own the package ran its environment's: that is the one to fix.
                if (pkg.buildCommand.isEmpty() && in.environment && !in.environment->builderCommand.isEmpty())
                    step(Id::Build).evidence.append(field(u"Environment %1: spec.builder.command"_s.arg(in.environment->name()),
                                                          in.environment->builderCommand));
            }
            return;
        }
    }

    bool isStuck(bool running) const
    {
        if (!t.since.isValid() || !in.now.isValid())
            return false;
        const auto threshold = running ? in.runningThreshold : in.pendingThreshold;
        return t.since.addSecs(threshold.count()) <= in.now;
    }

    void inProgress(bool running)
    {
        const bool stuck = isStuck(running);
        t.verdict = stuck ? BuildTimeline::Verdict::Stuck
                          : (running ? BuildTimeline::Verdict::Building : BuildTimeline::Verdict::Waiting);
        t.summary = running ? translate("fd::fission", "The build is running.")
                            : translate("fd::fission", "The build has not started.");
        if (in.namespaceServed && !*in.namespaceServed) {
            // Nothing in Fission looks at this namespace: no status change will ever come.
            t.verdict = BuildTimeline::Verdict::Stuck;
            stopAt(Id::PickedUp, State::Failed,
                   translate("fd::fission", "Fission does not watch namespace %1 (%2), so buildermgr never sees this "
                                            "package and it stays pending for ever. Onboard the namespace.")
                       .arg(pkg.namespaceName(), in.namespaceState));
            return;
        }
        if (in.environmentKnown && !in.environment) {
            stopAt(Id::PickedUp, stuck ? State::Failed : State::Current,
                   translate("fd::fission", "Environment %1 does not exist, so no builder can build the package. Create "
                                            "the environment or point the package at another one.")
                       .arg(pkg.environment.name));
            return;
        }
        if (in.environment && !in.environment->hasBuilder()) {
            t.verdict = BuildTimeline::Verdict::Stuck;
            stopAt(Id::PickedUp, State::Failed,
                   translate("fd::fission", "Environment %1 has no builder, so nothing will build this source package. "
                                            "Give the environment a builder image, or use a deployment archive.")
                       .arg(pkg.environment.name));
            return;
        }
        if (running)
            markDone({Id::PickedUp});
        else
            step(Id::PickedUp).state = State::Current;
        readBuilder(stuck, true);
        if (t.stoppedAt >= 0)
            return;
        if (!running) {
            stopAt(Id::PickedUp, stuck ? State::Failed : State::Current,
                   stuck ? translate("fd::fission", "The builder is Ready, but buildermgr has not started the build. "
                                                    "buildermgr's log says why; rebuilding asks again.")
                         : translate("fd::fission", "Waiting for buildermgr to start the build."));
            return;
        }
        // The builder is ready and the build runs: the builder's log tells how far it got.
        const Id at = readBuilderLog();
        stopAt(at, stuck ? State::Failed : State::Current,
               stuck ? translate("fd::fission", "The builder is Ready, but the build has not finished. If buildermgr "
                                                "restarted during the build, Fission 1.20 leaves the package running for "
                                                "ever; rebuilding starts over.")
                     : translate("fd::fission", "The build is in progress."));
    }

    // The builder Deployment, its pod and events → the three pod steps. With `stopOnProblem`, the
    // first step that is not done becomes where the build stopped.
    void readBuilder(bool stuck, bool stopOnProblem)
    {
        if (!in.workloadsKnown) {
            for (Id id : {Id::PodScheduled, Id::ImagePulled, Id::BuilderReady})
                step(id).evidence.append(translate("fd::fission", "builder pods are not shown in this view"));
            return;
        }
        const QString envRv = in.environment ? in.environment->object.resourceVersion() : QString();
        const WorkloadInfo *current = nullptr;
        for (const WorkloadInfo &b : in.builders) {
            if (b.object.label(u"envResourceVersion").value_or(QString()) == envRv) {
                current = &b;
                break;
            }
        }
        BuildStep &scheduled = step(Id::PodScheduled);
        if (!current) {
            scheduled.evidence.append(translate("fd::fission", "no builder Deployment labelled owner=buildermgr,envName=%1 "
                                                               "in namespace %2")
                                          .arg(pkg.environment.name, in.builderNamespace));
            if (stopOnProblem)
                stopAt(Id::PodScheduled, stuck ? State::Failed : State::Current,
                       translate("fd::fission", "buildermgr has not created a builder for environment %1 in namespace "
                                                "%2 yet. buildermgr's log says why.")
                           .arg(pkg.environment.name, in.builderNamespace));
            return;
        }
        scheduled.evidence.append(field(u"Deployment "_s + current->object.name() + u" status.readyReplicas"_s,
                                        QString::number(current->ready)));
        QList<EventInfo> warnings;
        for (const EventInfo &e : in.events) {
            if (e.type == u"Warning")
                warnings.append(e);
        }
        for (const EventInfo &e : warnings.mid(0, 3))
            scheduled.evidence.append(u"%1 %2: %3"_s.arg(e.involvedKind, e.reason, rules::shorten(e.message, 200)));
        if (in.pods.isEmpty()) {
            const QString problem = rules::creationProblem(warnings);
            if (stopOnProblem)
                stopAt(Id::PodScheduled, !problem.isEmpty() || stuck ? State::Failed : State::Current,
                       problem.isEmpty()
                           ? translate("fd::fission", "The builder Deployment %1 has no pods yet.").arg(current->object.name())
                           : translate("fd::fission", "The builder Deployment %1 has no pods: %2. Nothing can run the "
                                                      "build until this is fixed.")
                                 .arg(current->object.name(), problem));
            return;
        }
        const PodInfo *pod = &in.pods.first();
        for (const PodInfo &p : in.pods) {
            if (p.isRunningAndReady()) {
                pod = &p;
                break;
            }
        }
        const QString podName = pod->object.name();
        const QString problem = rules::podProblem(*pod);
        // Scheduled?
        const Condition *sched = pod->condition(u"PodScheduled");
        scheduled.evidence.append(field(u"Pod "_s + podName + u" status.phase"_s, pod->phase));
        if (sched && sched->isFalse()) {
            if (stopOnProblem)
                stopAt(Id::PodScheduled, State::Failed,
                       translate("fd::fission", "The builder pod %1 cannot be scheduled: %2")
                           .arg(podName, sched->message.isEmpty() ? sched->reason : sched->message));
            return;
        }
        scheduled.state = State::Done;
        scheduled.time = sched && !sched->lastTransitionTime.isEmpty() ? parseKubeTime(sched->lastTransitionTime)
                                                                        : rules::createdAt(pod->object);
        // Pulled?
        BuildStep &pulled = step(Id::ImagePulled);
        const ContainerStatusInfo *waiting = pod->firstWaiting();
        if (const ContainerInfo *builder = pod->container(u"builder"))
            pulled.evidence.append(field(u"image"_s, builder->image));
        if (waiting && isPullFailure(waiting->waitingReason)) {
            pulled.evidence.append(field(u"state.waiting.reason"_s, waiting->waitingReason));
            if (stopOnProblem)
                stopAt(Id::ImagePulled, State::Failed,
                       translate("fd::fission", "The builder pod %1 is not Ready: %2. Fix the environment's builder "
                                                "image (or the image pull secret) and the builder restarts.")
                           .arg(podName, problem));
            return;
        }
        bool started = pod->ready;
        for (const ContainerStatusInfo &s : pod->containerStatuses)
            started = started || s.running || !s.terminatedReason.isEmpty() || s.restartCount > 0;
        if (!started) {
            if (stopOnProblem)
                stopAt(Id::ImagePulled, stuck || !problem.isEmpty() ? State::Failed : State::Current,
                       problem.isEmpty() ? translate("fd::fission", "The builder pod %1 is starting.").arg(podName)
                                         : translate("fd::fission", "The builder pod %1 is not Ready: %2.").arg(podName, problem));
            return;
        }
        pulled.state = State::Done;
        // Ready?
        BuildStep &ready = step(Id::BuilderReady);
        if (pod->isRunningAndReady()) {
            ready.state = State::Done;
            const Condition *r = pod->condition(u"Ready");
            ready.time = r && !r->lastTransitionTime.isEmpty() ? parseKubeTime(r->lastTransitionTime) : QDateTime();
            ready.evidence.append(field(u"Pod "_s + podName + u" Ready"_s, u"True"_s));
            return;
        }
        if (waiting)
            ready.evidence.append(field(u"state.waiting.reason"_s, waiting->waitingReason));
        if (stopOnProblem)
            stopAt(Id::BuilderReady, !problem.isEmpty() || stuck ? State::Failed : State::Current,
                   problem.isEmpty() ? translate("fd::fission", "The builder pod %1 is not Ready yet.").arg(podName)
                                     : translate("fd::fission", "The builder pod %1 is not Ready: %2.").arg(podName, problem));
    }

    // The builder pod's log section of this package (fetcher and builder lines): marks fetch, build
    // and upload, and returns the step the log got to (Fetch when there is no log).
    Id readBuilderLog()
    {
        const QString &log = in.builderLog;
        if (log.isEmpty())
            return Id::Fetch;
        Id reached = Id::Fetch;
        auto has = [&log](QLatin1StringView text) { return log.contains(text, Qt::CaseInsensitive); };
        if (has("successfully placed"_L1)) {
            markDone({Id::Fetch});
            step(Id::Fetch).evidence.append(translate("fd::fission", "fetcher: source archive placed"));
            reached = Id::Build;
        }
        if (has("build request complete"_L1) && !has("error building source package"_L1)) {
            markDone({Id::Build});
            reached = Id::Upload;
        }
        if (has("successfully uploaded"_L1)) {
            markDone({Id::Upload});
            step(Id::Upload).evidence.append(translate("fd::fission", "fetcher: deployment archive uploaded"));
            reached = Id::Finished;
        }
        return reached;
    }

    BuildTimeline finish()
    {
        // Everything after the step where the build stopped was not reached (unless skipped).
        if (t.stoppedAt >= 0) {
            for (qsizetype i = t.stoppedAt + 1; i < t.steps.size(); ++i) {
                BuildStep &s = t.steps[i];
                if (s.state == State::Done || s.state == State::Current)
                    s.state = State::NotReached;
                if (s.id == Id::Finished && t.verdict == BuildTimeline::Verdict::Failed)
                    s.state = State::Failed;
            }
            const BuildStep &stop = t.steps.at(t.stoppedAt);
            if (stop.state == State::Failed && t.verdict != BuildTimeline::Verdict::Failed)
                t.summary = translate("fd::fission", "Stopped at \"%1\".").arg(stop.title());
        }
        return t;
    }

    const BuildTimelineInput &in;
    const Package &pkg;
    BuildTimeline t;
};

QList<Finding> findingsAbout(const QList<Finding> &findings, const Package &pkg)
{
    const QString pkgKey = pkg.ref().key();
    const QString envKey = ObjectRef::make(kinds::environments(), pkg.environment.namespaceName, pkg.environment.name).key();
    const QString nsKey = u"Namespace/"_s + pkg.namespaceName();
    QList<Finding> out;
    for (const Finding &f : findings) {
        if (f.subject == pkgKey || f.subject == envKey || f.subject == nsKey)
            out.append(f);
    }
    return out;
}

} // namespace

BuildTimeline BuildTimeline::assemble(const BuildTimelineInput &input)
{
    return Assembler(input).run();
}

std::optional<BuildTimelineInput> collectBuildInput(const FissionIndex &index, const TenantModel &tenants,
                                                    const InstallReport &install, const QList<Finding> &findings,
                                                    const QString &namespaceName, const QString &name, const QDateTime &now)
{
    const Package *pkg = index.packages().get(namespaceName, name);
    if (!pkg)
        return std::nullopt;
    BuildTimelineInput in;
    in.package = *pkg;
    in.now = now;
    if (const Environment *env = index.environments().get(pkg->environment.namespaceName, pkg->environment.name))
        in.environment = *env;
    if (const Tenant *tenant = tenants.tenant(namespaceName); tenant && tenant->state != Tenant::State::Unknown) {
        in.namespaceServed = tenant->state == Tenant::State::Served || tenant->state == Tenant::State::PartiallyServed;
        in.namespaceState = tenantStateDisplay(tenant->state);
    }
    const FissionInstall *primary = install.primary();
    in.builderNamespace = primary ? builderPodNamespace(primary->seedEnv, pkg->environment.namespaceName)
                                  : pkg->environment.namespaceName;
    in.findings = findingsAbout(findings, *pkg);
    in.workloadsKnown = false;
    return in;
}

std::optional<BuildTimelineInput> collectBuildInput(const ClusterState &state, const FissionIndex &index,
                                                    const TenantModel &tenants, const InstallReport &install,
                                                    const QList<Finding> &findings, const QString &namespaceName,
                                                    const QString &name, const QDateTime &now)
{
    std::optional<BuildTimelineInput> in = collectBuildInput(index, tenants, install, findings, namespaceName, name, now);
    if (!in)
        return in;
    in->environmentKnown = state.covers(kinds::environments(), in->package.environment.namespaceName);
    in->workloadsKnown = state.covers(kinds::deployments(), in->builderNamespace)
        && state.covers(kinds::pods(), in->builderNamespace);
    const QString envName = in->package.environment.name;
    const QString envRv = in->environment ? in->environment->object.resourceVersion() : QString();
    for (const KubeObject &d : state.listInNamespace(kinds::deployments(), in->builderNamespace)) {
        if (d.label(u"owner").value_or(QString()) == u"buildermgr" && d.label(u"envName").value_or(QString()) == envName)
            in->builders.append(WorkloadInfo::parse(d));
    }
    std::stable_sort(in->builders.begin(), in->builders.end(), [&envRv](const WorkloadInfo &a, const WorkloadInfo &b) {
        const bool ac = a.object.label(u"envResourceVersion").value_or(QString()) == envRv;
        const bool bc = b.object.label(u"envResourceVersion").value_or(QString()) == envRv;
        return ac && !bc;
    });
    if (!in->builders.isEmpty()) {
        const WorkloadInfo &current = in->builders.first();
        for (const KubeObject &p : state.listInNamespace(kinds::pods(), in->builderNamespace)) {
            if (current.selects(p) && !p.hasDeletionTimestamp())
                in->pods.append(PodInfo::parse(p));
        }
        const QString prefix = current.object.name() + u'-';
        for (const KubeObject &o : state.listInNamespace(kinds::events(), in->builderNamespace)) {
            EventInfo e = EventInfo::parse(o);
            if (((e.involvedKind == u"ReplicaSet" || e.involvedKind == u"Pod") && e.involvedName.startsWith(prefix))
                || (e.involvedKind == u"Deployment" && e.involvedName == current.object.name()))
                in->events.append(std::move(e));
        }
        std::stable_sort(in->events.begin(), in->events.end(),
                         [](const EventInfo &a, const EventInfo &b) { return a.lastSeen > b.lastSeen; });
    }
    return in;
}

} // namespace fd::fission
