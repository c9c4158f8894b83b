#pragma once

#include "fission/Finding.h"
#include "fission/Rule.h"
#include "fission/Workloads.h"

#include <QHash>
#include <QList>
#include <QString>

// Small helpers the rules share: building findings and evidence, the onboarding fix for a
// namespace, builder lookups, and capped symptom lists.

namespace fd::fission::rules {

Finding newFinding(const QString &ruleId, const ObjectRef &subject, Severity severity);
Evidence evidenceOf(const ObjectRef &object, QList<EvidenceField> fields = {}, const QString &note = {});
// Long texts (build logs, messages) cut to `max` characters with an ellipsis.
QString shorten(const QString &text, int max = 300);
// The lines of a build log that explain a failure: those that look like errors (at most `max`),
// else the last ten; each shortened.
QStringList relevantLogLines(const QString &log, int max = 12);

// The onboarding fix for `namespaceName` on `install`, priced for its tenancy world.
OnboardAction onboardAction(const RuleContext &context, const FissionInstall &install, const QString &namespaceName);
// The install that should serve a namespace: the primary one (several installs are a finding of
// their own).
const FissionInstall *primaryInstall(const RuleContext &context);

// `/fission-function/<name>` for `default`, `/fission-function/<ns>/<name>` otherwise (§5).
QString functionUrlPath(const QString &namespaceName, const QString &name);

// Where an Environment's builder runs, and its builder Deployments (owner=buildermgr,
// envName=<env>), the current one (envResourceVersion = the Environment's RV) first.
QString builderNamespace(const RuleContext &context, const QString &environmentNamespace);
QList<WorkloadInfo> builderDeployments(const RuleContext &context, const Environment &environment);
QList<PodInfo> podsOf(const RuleContext &context, const WorkloadInfo &workload);
// Warning events about a workload's ReplicaSets and pods (name prefix match), newest first.
QList<EventInfo> warningEventsFor(const RuleContext &context, const WorkloadInfo &workload);
// Why a pod is not Ready, in plain words (translated): a waiting reason, unschedulable, … Empty
// when nothing definite is known yet.
QString podProblem(const PodInfo &pod);
// Why a workload has no pods: FailedCreate events (missing service account, quota), translated.
QString creationProblem(const QList<EventInfo> &events);

QDateTime createdAt(const fd::kube::KubeObject &object);
// `since` + `threshold` (the moment something becomes "stuck").
QDateTime after(const QDateTime &since, std::chrono::seconds threshold);

// Collects symptoms, at most `max` per symptom id; finish() adds one "… and N more" per id.
class SymptomList
{
public:
    explicit SymptomList(int max) : m_max(max) {}
    void add(const QString &id, const ObjectRef &object, const QString &text);
    QList<Symptom> finish() const;
    bool isEmpty() const { return m_symptoms.isEmpty(); }

private:
    int m_max;
    QList<Symptom> m_symptoms;
    QHash<QString, int> m_counts;
};

} // namespace fd::fission::rules
