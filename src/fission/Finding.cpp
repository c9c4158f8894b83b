#include "fission/Finding.h"

#include "fission/Tr.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;

namespace fd::fission {

QString severityId(Severity severity)
{
    switch (severity) {
    case Severity::Info: return u"info"_s;
    case Severity::Warning: return u"warning"_s;
    case Severity::Error: return u"error"_s;
    }
    return u"info"_s;
}

namespace {

template<class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

QString fixActionType(const FixAction &action)
{
    return std::visit(Overloaded{
                          [](const OnboardAction &) { return u"onboard"_s; },
                          [](const RebuildPackageAction &) { return u"rebuild-package"_s; },
                          [](const OpenLogsAction &) { return u"open-logs"_s; },
                          [](const CreateNamespaceAction &) { return u"create-namespace"_s; },
                          [](const CreateTenantAction &) { return u"create-tenant"_s; },
                          [](const RemoveFinalizersAction &) { return u"remove-finalizers"_s; },
                          [](const RollbackReleaseAction &) { return u"rollback-release"_s; },
                          [](const InspectObjectAction &) { return u"inspect-object"_s; },
                      },
                      action);
}

QString fixActionTitle(const FixAction &action)
{
    return std::visit(
        Overloaded{
            [](const OnboardAction &a) {
                switch (a.method) {
                case OnboardAction::Method::HelmUpgrade:
                    return translate("fd::fission", "Add %1 to the Helm values (restarts %n Deployment(s))", nullptr,
                                     int(a.restarts.size()))
                        .arg(a.namespaceName);
                case OnboardAction::Method::CreateTenant:
                    return translate("fd::fission", "Create a FissionTenant for %1 (no restart)").arg(a.namespaceName);
                case OnboardAction::Method::RemoveOptOutLabel:
                    return translate("fd::fission", "Remove the label fission.io/enabled=false from %1").arg(a.namespaceName);
                }
                return QString();
            },
            [](const RebuildPackageAction &a) { return translate("fd::fission", "Rebuild package %1").arg(a.name); },
            [](const OpenLogsAction &a) {
                return a.pod.isEmpty() ? translate("fd::fission", "Open logs (%1)").arg(a.selector)
                                       : translate("fd::fission", "Open logs of %1").arg(a.pod);
            },
            [](const CreateNamespaceAction &a) { return translate("fd::fission", "Create namespace %1").arg(a.name); },
            [](const CreateTenantAction &a) {
                return translate("fd::fission", "Create a FissionTenant for %1").arg(a.namespaceName);
            },
            [](const RemoveFinalizersAction &a) {
                return translate("fd::fission", "Remove the finalizers of %1").arg(a.object.display());
            },
            [](const RollbackReleaseAction &a) {
                return translate("fd::fission", "Roll release %1 back to revision %2").arg(a.releaseName).arg(a.revision);
            },
            [](const InspectObjectAction &a) { return translate("fd::fission", "Show %1").arg(a.object.display()); },
        },
        action);
}

namespace {

bool sameRef(const ObjectRef &a, const ObjectRef &b)
{
    return a == b && a.uid == b.uid;
}

bool sameAction(const FixAction &a, const FixAction &b)
{
    if (a.index() != b.index())
        return false;
    return std::visit(Overloaded{
                          [&](const OnboardAction &x) {
                              const auto &y = std::get<OnboardAction>(b);
                              return x.namespaceName == y.namespaceName && x.world == y.world && x.method == y.method
                                  && x.releaseNamespace == y.releaseNamespace && x.releaseName == y.releaseName
                                  && x.restarts == y.restarts && x.coldStartsFunctions == y.coldStartsFunctions;
                          },
                          [&](const RebuildPackageAction &x) {
                              const auto &y = std::get<RebuildPackageAction>(b);
                              return x.namespaceName == y.namespaceName && x.name == y.name;
                          },
                          [&](const OpenLogsAction &x) {
                              const auto &y = std::get<OpenLogsAction>(b);
                              return x.namespaceName == y.namespaceName && x.pod == y.pod && x.container == y.container
                                  && x.selector == y.selector && x.previous == y.previous;
                          },
                          [&](const CreateNamespaceAction &x) { return x.name == std::get<CreateNamespaceAction>(b).name; },
                          [&](const CreateTenantAction &x) {
                              return x.namespaceName == std::get<CreateTenantAction>(b).namespaceName;
                          },
                          [&](const RemoveFinalizersAction &x) {
                              const auto &y = std::get<RemoveFinalizersAction>(b);
                              return sameRef(x.object, y.object) && x.finalizers == y.finalizers;
                          },
                          [&](const RollbackReleaseAction &x) {
                              const auto &y = std::get<RollbackReleaseAction>(b);
                              return x.releaseNamespace == y.releaseNamespace && x.releaseName == y.releaseName
                                  && x.revision == y.revision;
                          },
                          [&](const InspectObjectAction &x) { return sameRef(x.object, std::get<InspectObjectAction>(b).object); },
                      },
                      a);
}

} // namespace

bool Finding::sameContent(const Finding &other) const
{
    if (ruleId != other.ruleId || subject != other.subject || severity != other.severity || title != other.title
        || explanation != other.explanation || evidence.size() != other.evidence.size()
        || symptoms.size() != other.symptoms.size() || fixes.size() != other.fixes.size())
        return false;
    for (qsizetype i = 0; i < evidence.size(); ++i) {
        const Evidence &a = evidence[i];
        const Evidence &b = other.evidence[i];
        if (!sameRef(a.object, b.object) || a.note != b.note || a.fields.size() != b.fields.size())
            return false;
        for (qsizetype j = 0; j < a.fields.size(); ++j) {
            if (a.fields[j].path != b.fields[j].path || a.fields[j].value != b.fields[j].value)
                return false;
        }
    }
    for (qsizetype i = 0; i < symptoms.size(); ++i) {
        if (symptoms[i].id != other.symptoms[i].id || !sameRef(symptoms[i].object, other.symptoms[i].object)
            || symptoms[i].text != other.symptoms[i].text)
            return false;
    }
    for (qsizetype i = 0; i < fixes.size(); ++i) {
        if (!sameAction(fixes[i], other.fixes[i]))
            return false;
    }
    return true;
}

FindingsDiff diffFindings(const QList<Finding> &before, const QList<Finding> &after)
{
    FindingsDiff diff;
    QHash<QString, const Finding *> old;
    for (const Finding &f : before)
        old.insert(f.id(), &f);
    QSet<QString> seen;
    for (const Finding &f : after) {
        const QString id = f.id();
        seen.insert(id);
        const auto it = old.constFind(id);
        if (it == old.cend())
            diff.added.append(f);
        else if (!(*it)->sameContent(f))
            diff.changed.append(f);
    }
    for (const Finding &f : before) {
        if (!seen.contains(f.id()))
            diff.resolved.append(f);
    }
    return diff;
}

void sortFindings(QList<Finding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return int(a.severity) > int(b.severity);
        if (a.ruleId != b.ruleId)
            return a.ruleId < b.ruleId;
        return a.subject < b.subject;
    });
}

} // namespace fd::fission
