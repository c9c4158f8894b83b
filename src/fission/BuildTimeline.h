#pragma once

#include "fission/Finding.h"
#include "fission/FissionTypes.h"
#include "fission/Workloads.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// "Why is this build not done?": the life of one Package's build as a list of steps (created →
// picked up by buildermgr → builder pod scheduled → image pulled → builder ready → fetch → build →
// upload → finished), each done, current, failed or not reached, with its time and the evidence
// behind it. The step where the build stopped carries the explanation: the matching diagnostic's
// when the rules found one, else our own reading of the same facts. Pure logic over values, so
// the troubleshooter window, the build board and the tests share one reading.

namespace fd::fission {

class ClusterState;
class FissionIndex;
class TenantModel;
struct InstallReport;

// Everything the timeline reads about one package. Collected by collectBuildInput() from a
// cluster's state, or written by hand in tests.
struct BuildTimelineInput {
    Package package;
    std::optional<Environment> environment; // nullopt: no such Environment
    bool environmentKnown = true;           // false: Environments could not be read (do not claim "missing")
    // Whether Fission serves the package's namespace; nullopt when unknown.
    std::optional<bool> namespaceServed;
    QString namespaceState;                 // the tenant state as displayed ("not watched", …)
    QString builderNamespace;               // where the builder runs
    bool workloadsKnown = true;             // false: builders/pods/events were not looked at
    QList<WorkloadInfo> builders;           // owner=buildermgr,envName=<env>, the current one first
    QList<PodInfo> pods;                    // the current builder's pods
    QList<EventInfo> events;                // about the builder Deployment, its ReplicaSets and pods, newest first
    QList<Finding> findings;                // findings about the package, its environment and its namespace
    QString builderLog;                     // the builder pod's log section for this package, when fetched
    QDateTime now;
    std::chrono::seconds pendingThreshold{std::chrono::minutes(5)};
    std::chrono::seconds runningThreshold{std::chrono::minutes(30)};
};

struct BuildStep {
    enum class Id { Created, PickedUp, PodScheduled, ImagePulled, BuilderReady, Fetch, Build, Upload, Finished };
    enum class State { Done, Current, Failed, NotReached, Skipped };

    Id id = Id::Created;
    State state = State::NotReached;
    QDateTime time;           // when it happened (invalid when unknown)
    QStringList evidence;     // "status.buildstatus: failed", "Event BackOff: …" (plain, short)
    QString explanation;      // set on the step where the build stopped (translated)
    QString findingId;        // the diagnostic the explanation comes from, when one matched
    QStringList output;       // the compiler's / builder's lines that explain a failed build

    QString title() const;    // translated
};
QString buildStepId(BuildStep::Id id);          // "created", "picked-up", … (stable)
QString buildStepStateId(BuildStep::State state); // "done", "current", "failed", "not-reached", "skipped"

struct BuildTimeline {
    // What the board and the header show about the build as a whole.
    enum class Verdict { Succeeded, Failed, Building, Waiting, Stuck, NoBuild };

    QList<BuildStep> steps;
    Verdict verdict = Verdict::Waiting;
    qsizetype stoppedAt = -1;  // index of the failed or current step; -1 when succeeded / no build
    QString summary;           // one line (translated)
    QDateTime since;           // when the package's state last changed

    const BuildStep *stopped() const { return stoppedAt >= 0 ? &steps.at(stoppedAt) : nullptr; }
    const BuildStep *step(BuildStep::Id id) const;
    // "created=done picked-up=failed …": compact, for tests and logs.
    QString describe() const;

    static BuildTimeline assemble(const BuildTimelineInput &input);
};
QString buildVerdictId(BuildTimeline::Verdict verdict); // "succeeded", "failed", "building", "waiting", "stuck", "no-build"
QString buildVerdictDisplay(BuildTimeline::Verdict verdict); // translated

// Collects the input for Package ns/name from a cluster's state and model. nullopt when there is no
// such Package.
std::optional<BuildTimelineInput> collectBuildInput(const ClusterState &state, const FissionIndex &index,
                                                    const TenantModel &tenants, const InstallReport &install,
                                                    const QList<Finding> &findings, const QString &namespaceName,
                                                    const QString &name, const QDateTime &now);

// The same without the workloads (no ClusterState at hand: the GUI's snapshot): the timeline then
// says what it cannot see about the builder instead of guessing.
std::optional<BuildTimelineInput> collectBuildInput(const FissionIndex &index, const TenantModel &tenants,
                                                    const InstallReport &install, const QList<Finding> &findings,
                                                    const QString &namespaceName, const QString &name, const QDateTime &now);

} // namespace fd::fission
