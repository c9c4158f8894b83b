#include "fission/rules/RuleSupport.h"

#include "fission/Tr.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission::rules {

Finding newFinding(const QString &ruleId, const ObjectRef &subject, Severity severity)
{
    Finding f;
    f.ruleId = ruleId;
    f.subject = subject.key();
    f.severity = severity;
    return f;
}

Evidence evidenceOf(const ObjectRef &object, QList<EvidenceField> fields, const QString &note)
{
    Evidence e;
    e.object = object;
    e.fields = std::move(fields);
    e.note = note;
    return e;
}

QString shorten(const QString &text, int max)
{
    if (text.size() <= max)
        return text;
    return text.left(max - 1) + u'…';
}

QStringList relevantLogLines(const QString &log, int max)
{
    static const QRegularExpression errorLike(
        u"error|fail|fatal|exception|cannot|can't|undefined|not found|no such|denied|exit status|traceback|panic"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = log.split(u'\n');
    QStringList picked;
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (errorLike.match(line).hasMatch()) {
            picked.append(shorten(line.trimmed(), 240));
            if (picked.size() >= max)
                break;
        }
    }
    if (!picked.isEmpty())
        return picked;
    QStringList tail;
    for (auto it = lines.crbegin(); it != lines.crend() && tail.size() < 10; ++it) {
        if (!it->trimmed().isEmpty())
            tail.prepend(shorten(it->trimmed(), 240));
    }
    return tail;
}

const FissionInstall *primaryInstall(const RuleContext &context)
{
    return context.install.primary();
}

OnboardAction onboardAction(const RuleContext &context, const FissionInstall &install, const QString &namespaceName)
{
    OnboardAction a;
    a.namespaceName = namespaceName;
    a.world = install.world;
    a.releaseNamespace = install.releaseNamespace;
    a.releaseName = install.releaseName;
    switch (install.world) {
    case TenancyWorld::Dynamic:
        a.method = OnboardAction::Method::CreateTenant;
        break;
    case TenancyWorld::Cluster: {
        const KubeObject ns = context.state.get(kinds::namespaces(), QString(), namespaceName);
        const auto label = ns.isNull() ? std::nullopt : ns.label(u"fission.io/enabled");
        a.method = label && *label == u"false" ? OnboardAction::Method::RemoveOptOutLabel
                                                : OnboardAction::Method::CreateTenant;
        break;
    }
    case TenancyWorld::Legacy:
    case TenancyWorld::ModernStatic:
    case TenancyWorld::Unknown:
        a.method = OnboardAction::Method::HelmUpgrade;
        a.restarts = install.rolledByNamespaceChange();
        a.coldStartsFunctions = !install.adoptExistingResources;
        break;
    }
    return a;
}

QString functionUrlPath(const QString &namespaceName, const QString &name)
{
    if (namespaceName == u"default")
        return u"/fission-function/"_s + name;
    return u"/fission-function/"_s + namespaceName + u'/' + name;
}

QString builderNamespace(const RuleContext &context, const QString &environmentNamespace)
{
    const FissionInstall *install = primaryInstall(context);
    return install ? builderPodNamespace(install->seedEnv, environmentNamespace) : environmentNamespace;
}

QList<WorkloadInfo> builderDeployments(const RuleContext &context, const Environment &environment)
{
    const QString ns = builderNamespace(context, environment.namespaceName());
    QList<WorkloadInfo> out;
    for (const KubeObject &d : context.state.listInNamespace(kinds::deployments(), ns)) {
        const auto owner = d.label(u"owner");
        const auto envName = d.label(u"envName");
        if (owner && *owner == u"buildermgr" && envName && *envName == environment.name())
            out.append(WorkloadInfo::parse(d));
    }
    const QString rv = environment.object.resourceVersion();
    std::stable_sort(out.begin(), out.end(), [&rv](const WorkloadInfo &a, const WorkloadInfo &b) {
        const bool ac = a.object.label(u"envResourceVersion").value_or(QString()) == rv;
        const bool bc = b.object.label(u"envResourceVersion").value_or(QString()) == rv;
        return ac && !bc;
    });
    return out;
}

QList<PodInfo> podsOf(const RuleContext &context, const WorkloadInfo &workload)
{
    QList<PodInfo> out;
    for (const KubeObject &p : context.state.listInNamespace(kinds::pods(), workload.object.namespaceName())) {
        if (workload.selects(p))
            out.append(PodInfo::parse(p));
    }
    return out;
}

QList<EventInfo> warningEventsFor(const RuleContext &context, const WorkloadInfo &workload)
{
    QList<EventInfo> out;
    const QString prefix = workload.object.name() + u'-';
    for (const KubeObject &o : context.state.listInNamespace(kinds::events(), workload.object.namespaceName())) {
        const EventInfo e = EventInfo::parse(o);
        if (e.type != u"Warning")
            continue;
        if ((e.involvedKind == u"ReplicaSet" || e.involvedKind == u"Pod") && e.involvedName.startsWith(prefix))
            out.append(e);
        else if (e.involvedKind == workload.object.kind() && e.involvedName == workload.object.name())
            out.append(e);
    }
    std::stable_sort(out.begin(), out.end(), [](const EventInfo &a, const EventInfo &b) { return a.lastSeen > b.lastSeen; });
    return out;
}

QString podProblem(const PodInfo &pod)
{
    if (const ContainerStatusInfo *s = pod.firstWaiting()) {
        const ContainerInfo *c = pod.container(s->name);
        const QString image = c ? c->image : QString();
        if (s->waitingReason == u"ImagePullBackOff" || s->waitingReason == u"ErrImagePull"
            || s->waitingReason == u"InvalidImageName")
            return translate("fd::fission", "the image %1 of container %2 cannot be pulled (%3)")
                .arg(image, s->name, shorten(s->waitingMessage.isEmpty() ? s->waitingReason : s->waitingMessage, 200));
        if (s->waitingReason == u"CrashLoopBackOff")
            return translate("fd::fission", "container %1 keeps crashing (%n restart(s), last exit: %2)", nullptr,
                             s->restartCount)
                .arg(s->name, s->lastTerminatedReason.isEmpty() ? QString::number(s->lastTerminatedExitCode)
                                                                : s->lastTerminatedReason);
        if (s->waitingReason == u"CreateContainerConfigError" || s->waitingReason == u"CreateContainerError")
            return translate("fd::fission", "container %1 cannot be created: %2").arg(s->name, shorten(s->waitingMessage, 200));
        return translate("fd::fission", "container %1 is waiting: %2").arg(s->name, s->waitingReason);
    }
    if (const Condition *scheduled = pod.condition(u"PodScheduled"); scheduled && scheduled->isFalse())
        return translate("fd::fission", "the pod cannot be scheduled: %1")
            .arg(shorten(scheduled->message.isEmpty() ? scheduled->reason : scheduled->message, 200));
    for (const ContainerStatusInfo &s : pod.containerStatuses) {
        if (s.running && !s.ready)
            return translate("fd::fission", "container %1 runs but does not pass its readiness check").arg(s.name);
    }
    return {};
}

QString creationProblem(const QList<EventInfo> &events)
{
    for (const EventInfo &e : events) {
        if (e.reason != u"FailedCreate")
            continue;
        if (e.message.contains(u"serviceaccount"_s, Qt::CaseInsensitive))
            return translate("fd::fission", "pods cannot be created because a service account is missing: %1")
                .arg(shorten(e.message, 200));
        if (e.message.contains(u"quota"_s, Qt::CaseInsensitive))
            return translate("fd::fission", "a resource quota forbids the pods: %1").arg(shorten(e.message, 200));
        return translate("fd::fission", "pods cannot be created: %1").arg(shorten(e.message, 200));
    }
    return {};
}

QDateTime createdAt(const KubeObject &object)
{
    return parseKubeTime(object.creationTimestamp());
}

QDateTime after(const QDateTime &since, std::chrono::seconds threshold)
{
    return since.isValid() ? since.addSecs(threshold.count()) : QDateTime();
}

void SymptomList::add(const QString &id, const ObjectRef &object, const QString &text)
{
    const int n = ++m_counts[id];
    if (n <= m_max)
        m_symptoms.append(Symptom{id, object, text});
}

QList<Symptom> SymptomList::finish() const
{
    QList<Symptom> out = m_symptoms;
    QStringList ids = m_counts.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        const int n = m_counts.value(id);
        if (n > m_max)
            out.append(Symptom{id, ObjectRef{}, translate("fd::fission", "… and %n more", nullptr, n - m_max)});
    }
    return out;
}

} // namespace fd::fission::rules
