#include "fission/FissionJson.h"

using namespace Qt::StringLiterals;

namespace fd::fission::json {

namespace {

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

template<class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

QString onboardMethod(OnboardAction::Method m)
{
    switch (m) {
    case OnboardAction::Method::HelmUpgrade: return u"helm-upgrade"_s;
    case OnboardAction::Method::CreateTenant: return u"create-tenant"_s;
    case OnboardAction::Method::RemoveOptOutLabel: return u"remove-opt-out-label"_s;
    }
    return {};
}

} // namespace

QJsonObject objectRef(const ObjectRef &ref)
{
    QJsonObject o;
    if (!ref.group.isEmpty())
        o.insert(u"group"_s, ref.group);
    o.insert(u"kind"_s, ref.kind);
    if (!ref.namespaceName.isEmpty())
        o.insert(u"namespace"_s, ref.namespaceName);
    o.insert(u"name"_s, ref.name);
    if (!ref.uid.isEmpty())
        o.insert(u"uid"_s, ref.uid);
    return o;
}

QJsonObject fixAction(const FixAction &action)
{
    QJsonObject o;
    o.insert(u"type"_s, fixActionType(action));
    o.insert(u"title"_s, fixActionTitle(action));
    std::visit(Overloaded{
                   [&o](const OnboardAction &a) {
                       o.insert(u"namespace"_s, a.namespaceName);
                       o.insert(u"world"_s, tenancyWorldId(a.world));
                       o.insert(u"method"_s, onboardMethod(a.method));
                       o.insert(u"releaseNamespace"_s, a.releaseNamespace);
                       o.insert(u"releaseName"_s, a.releaseName);
                       o.insert(u"restarts"_s, strings(a.restarts));
                       o.insert(u"coldStartsFunctions"_s, a.coldStartsFunctions);
                   },
                   [&o](const RebuildPackageAction &a) {
                       o.insert(u"namespace"_s, a.namespaceName);
                       o.insert(u"name"_s, a.name);
                   },
                   [&o](const OpenLogsAction &a) {
                       o.insert(u"namespace"_s, a.namespaceName);
                       if (!a.pod.isEmpty())
                           o.insert(u"pod"_s, a.pod);
                       if (!a.selector.isEmpty())
                           o.insert(u"selector"_s, a.selector);
                       if (!a.container.isEmpty())
                           o.insert(u"container"_s, a.container);
                       o.insert(u"previous"_s, a.previous);
                   },
                   [&o](const CreateNamespaceAction &a) { o.insert(u"name"_s, a.name); },
                   [&o](const CreateTenantAction &a) { o.insert(u"namespace"_s, a.namespaceName); },
                   [&o](const RemoveFinalizersAction &a) {
                       o.insert(u"object"_s, objectRef(a.object));
                       o.insert(u"finalizers"_s, strings(a.finalizers));
                   },
                   [&o](const RollbackReleaseAction &a) {
                       o.insert(u"releaseNamespace"_s, a.releaseNamespace);
                       o.insert(u"releaseName"_s, a.releaseName);
                       o.insert(u"revision"_s, a.revision);
                   },
                   [&o](const InspectObjectAction &a) { o.insert(u"object"_s, objectRef(a.object)); },
               },
               action);
    return o;
}

QJsonObject finding(const Finding &f)
{
    QJsonObject o;
    o.insert(u"id"_s, f.id());
    o.insert(u"rule"_s, f.ruleId);
    o.insert(u"subject"_s, f.subject);
    o.insert(u"severity"_s, severityId(f.severity));
    o.insert(u"title"_s, f.title);
    o.insert(u"explanation"_s, f.explanation);
    QJsonArray evidence;
    for (const Evidence &e : f.evidence) {
        QJsonObject eo;
        eo.insert(u"object"_s, objectRef(e.object));
        if (!e.fields.isEmpty()) {
            QJsonArray fields;
            for (const EvidenceField &field : e.fields)
                fields.append(QJsonObject{{u"path"_s, field.path}, {u"value"_s, field.value}});
            eo.insert(u"fields"_s, fields);
        }
        if (!e.note.isEmpty())
            eo.insert(u"note"_s, e.note);
        evidence.append(eo);
    }
    o.insert(u"evidence"_s, evidence);
    QJsonArray symptoms;
    for (const Symptom &s : f.symptoms) {
        QJsonObject so;
        so.insert(u"id"_s, s.id);
        if (!s.object.isNull())
            so.insert(u"object"_s, objectRef(s.object));
        so.insert(u"text"_s, s.text);
        symptoms.append(so);
    }
    o.insert(u"symptoms"_s, symptoms);
    QJsonArray fixes;
    for (const FixAction &a : f.fixes)
        fixes.append(fixAction(a));
    o.insert(u"fixes"_s, fixes);
    return o;
}

QJsonArray findings(const QList<Finding> &list)
{
    QJsonArray a;
    for (const Finding &f : list)
        a.append(finding(f));
    return a;
}

QJsonObject findingList(const QList<Finding> &list, const QDateTime &evaluatedAt)
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (const Finding &f : list) {
        switch (f.severity) {
        case Severity::Error: ++errors; break;
        case Severity::Warning: ++warnings; break;
        case Severity::Info: ++infos; break;
        }
    }
    return QJsonObject{{u"kind"_s, u"FindingList"_s},
                       {u"version"_s, FormatVersion},
                       {u"evaluatedAt"_s, timeText(evaluatedAt)},
                       {u"counts"_s, QJsonObject{{u"error"_s, errors}, {u"warning"_s, warnings}, {u"info"_s, infos}}},
                       {u"findings"_s, findings(list)}};
}

QJsonObject findingChanges(const FindingsDiff &diff, const QDateTime &evaluatedAt)
{
    return QJsonObject{{u"kind"_s, u"FindingChanges"_s},
                       {u"version"_s, FormatVersion},
                       {u"evaluatedAt"_s, timeText(evaluatedAt)},
                       {u"added"_s, findings(diff.added)},
                       {u"resolved"_s, findings(diff.resolved)},
                       {u"changed"_s, findings(diff.changed)}};
}

QJsonObject tenant(const Tenant &t)
{
    QJsonObject o;
    o.insert(u"namespace"_s, t.namespaceName);
    o.insert(u"state"_s, tenantStateId(t.state));
    o.insert(u"serving"_s, QJsonObject{{u"state"_s, namespaceServingId(t.serving.state)},
                                       {u"inTemplateEnv"_s, t.serving.inTemplateEnv},
                                       {u"viaTenant"_s, t.serving.viaTenant},
                                       {u"servingComponents"_s, strings(t.serving.servingComponents)},
                                       {u"lackingComponents"_s, strings(t.serving.lackingComponents)}});
    o.insert(u"inWatchedSet"_s, t.inWatchedSet);
    o.insert(u"holdsObjects"_s, t.holdsObjects);
    o.insert(u"tenantObjects"_s, strings(t.tenantObjects));
    if (t.enabledLabel)
        o.insert(u"enabledLabel"_s, *t.enabledLabel);
    if (t.namespaceKnown)
        o.insert(u"namespaceExists"_s, t.namespaceExists);
    o.insert(u"namespaceTerminating"_s, t.namespaceTerminating);
    QJsonObject counts;
    for (auto it = t.counts.begin(); it != t.counts.end(); ++it)
        counts.insert(it.key(), it.value());
    o.insert(u"counts"_s, counts);
    o.insert(u"objectCount"_s, t.objectCount());
    return o;
}

QJsonObject installReport(const InstallReport &report)
{
    QJsonObject o;
    o.insert(u"state"_s, installStateId(report.state));
    if (report.state == InstallReport::State::Unknown)
        o.insert(u"reason"_s, report.unknownReason);
    o.insert(u"fissionKindsServed"_s, report.fissionKindsServed);
    QJsonArray installs;
    for (const FissionInstall &i : report.installs) {
        QJsonObject io;
        io.insert(u"releaseNamespace"_s, i.releaseNamespace);
        io.insert(u"releaseName"_s, i.releaseName);
        io.insert(u"version"_s, i.version());
        io.insert(u"chartLabel"_s, i.chartLabel);
        io.insert(u"imageTag"_s, i.imageTag);
        io.insert(u"world"_s, tenancyWorldId(i.world));
        io.insert(u"tenancyMode"_s, i.tenancyModeText);
        io.insert(u"adoptExistingResources"_s, i.adoptExistingResources);
        io.insert(u"archivePrunerEnabled"_s, i.archivePrunerEnabled);
        io.insert(u"watchedNamespaces"_s, strings(i.templateWatched()));
        QStringList tenants(i.tenantReadyNamespaces.begin(), i.tenantReadyNamespaces.end());
        tenants.sort();
        io.insert(u"tenantNamespaces"_s, strings(tenants));
        QJsonArray components;
        for (const ControlPlaneComponent &c : i.components) {
            QStringList old;
            for (const ControlPlanePod *p : c.podsOnOldEnv())
                old.append(p->pod.object.name());
            components.append(QJsonObject{{u"name"_s, c.name},
                                          {u"kind"_s, c.workload.object.kind()},
                                          {u"workload"_s, c.workload.object.name()},
                                          {u"desired"_s, c.workload.desired},
                                          {u"ready"_s, c.workload.ready},
                                          {u"updated"_s, c.workload.updated},
                                          {u"available"_s, c.workload.available},
                                          {u"consumesNamespaces"_s, c.consumesNamespaces()},
                                          {u"watchedNamespaces"_s, strings(c.consumesNamespaces() ? c.templateWatched()
                                                                                                  : QStringList())},
                                          {u"podsOnOldEnv"_s, strings(old)}});
        }
        io.insert(u"components"_s, components);
        if (i.helm) {
            const HelmReleaseInfo &h = *i.helm;
            QJsonObject ho{{u"name"_s, h.name},
                           {u"revision"_s, h.latestRevision},
                           {u"status"_s, h.latestStatus},
                           {u"deployedRevision"_s, h.deployedRevision},
                           {u"chart"_s, h.chartName.isEmpty() ? QString() : h.chartName + u'-' + h.chartVersion},
                           {u"appVersion"_s, h.appVersion}};
            if (!h.decodeError.isEmpty())
                ho.insert(u"decodeError"_s, h.decodeError);
            io.insert(u"helm"_s, ho);
        }
        installs.append(io);
    }
    o.insert(u"installs"_s, installs);
    return o;
}

QJsonObject tenantList(const InstallReport &report, const QList<Tenant> &tenants)
{
    QJsonArray list;
    for (const Tenant &t : tenants)
        list.append(tenant(t));
    return QJsonObject{{u"kind"_s, u"TenantList"_s},
                       {u"version"_s, FormatVersion},
                       {u"install"_s, installReport(report)},
                       {u"tenants"_s, list}};
}

} // namespace fd::fission::json
