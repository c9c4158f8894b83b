#include "TreeSpecBuilder.h"

#include "UiTr.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::engine::ClusterSnapshot;
using fd::engine::ConnectionState;
using fd::fission::BuildStatus;
using fd::fission::ExecutorType;
using fd::fission::Severity;
using fd::fission::Tenant;
using fd::ui::detail::translate;
using NodeSpec = fd::ui::ClusterTreeModel::NodeSpec;
using NodeData = fd::ui::ClusterTreeModel::NodeData;

namespace fd {
namespace ui {

namespace {

// Icons ordered by how much attention they ask for; a row shows the worst of its reasons.
int iconRank(const QString &id)
{
    if (id == u"error")
        return 5;
    if (id == u"warning")
        return 4;
    if (id == u"pending")
        return 3;
    if (id == u"unknown")
        return 2;
    if (id == u"info")
        return 1;
    return 0;
}

QString worseIcon(const QString &a, const QString &b)
{
    return iconRank(a) >= iconRank(b) ? a : b;
}

QString findingTitles(const QList<const fd::fission::Finding *> &findings)
{
    QStringList lines;
    for (const fd::fission::Finding *f : findings)
        lines.append(u"• "_s + f->title);
    return lines.join(u'\n');
}

struct ObjectRow {
    QString name;
    QString status;
    QString statusId;
    QString baseIcon = u"ok"_s;
    fd::fission::ObjectRef ref;
};

NodeSpec objectSpec(const ObjectRow &row, const QString &context, const QString &kindText, const FindingLookup &findings)
{
    NodeSpec spec;
    NodeData &d = spec.data;
    d.type = NodeType::Object;
    d.key = row.name;
    d.name = row.name;
    d.status = row.status;
    d.statusId = row.statusId;
    d.kindText = kindText;
    d.context = context;
    d.namespaceName = row.ref.namespaceName;
    d.group = row.ref.group;
    d.kind = row.ref.kind;
    d.objectName = row.ref.name;
    const QString key = row.ref.key();
    d.severity = findings.worstForObject(key);
    d.iconId = worseIcon(row.baseIcon, severityIconId(d.severity));
    const QString titles = findingTitles(findings.forObject(key));
    d.tooltip = titles.isEmpty() ? row.ref.display() : row.ref.display() + u'\n' + titles;
    return spec;
}

template<typename T, typename Describe>
void addGroup(NodeSpec &tenant, const QString &groupKey, const QString &title, const QString &kindText,
              const fd::fission::TypedList<T> &list, const QString &ns, const QString &context,
              const FindingLookup &findings, Describe describe)
{
    QList<const T *> items = list.inNamespace(ns);
    if (items.isEmpty())
        return;
    std::sort(items.begin(), items.end(), [](const T *a, const T *b) { return a->name() < b->name(); });
    NodeSpec group;
    NodeData &g = group.data;
    g.type = NodeType::Group;
    g.key = groupKey;
    g.name = title;
    g.kindText = kindText;
    g.context = context;
    g.namespaceName = ns;
    g.kind = groupKey.mid(2);
    g.count = int(items.size());
    g.iconId = u"ok"_s;
    g.severity = -1;
    for (const T *item : std::as_const(items)) {
        ObjectRow row;
        row.name = item->name();
        row.ref = item->ref();
        describe(*item, row);
        NodeSpec child = objectSpec(row, context, kindText, findings);
        g.iconId = worseIcon(g.iconId, child.data.iconId);
        g.severity = std::max(g.severity, child.data.severity);
        group.children.append(std::move(child));
    }
    int attention = 0;
    for (const NodeSpec &child : std::as_const(group.children))
        attention += (child.data.iconId == u"error" || child.data.iconId == u"warning") ? 1 : 0;
    // The badge already counts the objects; the status column says what needs a look.
    g.status = attention > 0 ? translate("fd::ui", "%n need(s) attention", nullptr, attention) : QString();
    tenant.children.append(std::move(group));
}

QString tenantBaseIcon(Tenant::State state)
{
    switch (state) {
    case Tenant::State::Served: return u"ok"_s;
    case Tenant::State::PartiallyServed:
    case Tenant::State::PendingOnboarding:
    case Tenant::State::Terminating: return u"pending"_s;
    case Tenant::State::NotWatched:
    case Tenant::State::MissingNamespace: return u"warning"_s;
    case Tenant::State::Unknown: return u"unknown"_s;
    }
    return u"unknown"_s;
}

void addTenantChildren(NodeSpec &spec, const ClusterSnapshot &snapshot, const FindingLookup &findings)
{
    const QString &ns = spec.data.namespaceName;
    const QString &ctx = snapshot.contextName;
    const fd::fission::FissionIndex &index = snapshot.index;
    addGroup(spec, u"1-environments"_s, translate("fd::ui", "Environments"), translate("fd::ui", "Environment"),
             index.environments(), ns, ctx, findings, [](const fd::fission::Environment &e, ObjectRow &row) {
                 row.status = e.runtimeImage;
                 row.statusId = e.isValid() ? u"valid"_s : u"invalid"_s;
             });
    addGroup(spec, u"2-packages"_s, translate("fd::ui", "Packages"), translate("fd::ui", "Package"),
             index.packages(), ns, ctx, findings, [](const fd::fission::Package &p, ObjectRow &row) {
                 row.status = buildStatusDisplay(p.buildStatus, p.buildStatusText);
                 row.statusId = p.buildStatusText.isEmpty() ? u"unset"_s : p.buildStatusText;
                 if (p.buildStatus == BuildStatus::Failed)
                     row.baseIcon = u"error"_s;
                 else if (p.buildStatus == BuildStatus::Pending || p.buildStatus == BuildStatus::Running)
                     row.baseIcon = u"pending"_s;
             });
    addGroup(spec, u"3-functions"_s, translate("fd::ui", "Functions"), translate("fd::ui", "Function"),
             index.functions(), ns, ctx, findings, [](const fd::fission::Function &f, ObjectRow &row) {
                 row.status = executorTypeDisplay(f.executorType, f.executorTypeText);
                 row.statusId = f.executorTypeText.isEmpty() ? u"poolmgr"_s : f.executorTypeText;
             });
    addGroup(spec, u"4-httptriggers"_s, translate("fd::ui", "HTTP triggers"), translate("fd::ui", "HTTP trigger"),
             index.httpTriggers(), ns, ctx, findings, [](const fd::fission::HttpTrigger &t, ObjectRow &row) {
                 row.status = t.effectiveMethods().join(u',') + u' ' + t.routePath();
                 row.statusId = u"route"_s;
             });
    addGroup(spec, u"5-timetriggers"_s, translate("fd::ui", "Time triggers"), translate("fd::ui", "Time trigger"),
             index.timeTriggers(), ns, ctx, findings, [](const fd::fission::TimeTrigger &t, ObjectRow &row) {
                 row.status = t.cron;
                 row.statusId = u"cron"_s;
             });
    addGroup(spec, u"6-mqtriggers"_s, translate("fd::ui", "Message queue triggers"),
             translate("fd::ui", "Message queue trigger"), index.messageQueueTriggers(), ns, ctx, findings,
             [](const fd::fission::MessageQueueTrigger &t, ObjectRow &row) {
                 row.status = t.messageQueueType + u' ' + t.topic;
                 row.statusId = u"topic"_s;
             });
    addGroup(spec, u"7-watchtriggers"_s, translate("fd::ui", "Watch triggers"), translate("fd::ui", "Watch trigger"),
             index.watchTriggers(), ns, ctx, findings, [](const fd::fission::KubernetesWatchTrigger &t, ObjectRow &row) {
                 row.status = t.watchType + u' ' + t.watchNamespace;
                 row.statusId = u"watch"_s;
             });
}

NodeSpec tenantSpec(const Tenant &tenant, const ClusterSnapshot &snapshot, const FindingLookup &findings, bool withChildren)
{
    NodeSpec spec;
    NodeData &d = spec.data;
    d.type = NodeType::Tenant;
    d.key = tenant.namespaceName;
    d.name = tenant.namespaceName;
    d.context = snapshot.contextName;
    d.namespaceName = tenant.namespaceName;
    d.kindText = translate("fd::ui", "tenant");
    d.statusId = fd::fission::tenantStateId(tenant.state);
    const QString reason = tenantReason(tenant);
    d.status = reason.isEmpty() ? fd::fission::tenantStateDisplay(tenant.state)
                                : translate("fd::ui", "%1: %2").arg(fd::fission::tenantStateDisplay(tenant.state), reason);
    d.count = tenant.objectCount();
    d.severity = findings.worstForNamespace(tenant.namespaceName);
    d.iconId = worseIcon(tenantBaseIcon(tenant.state), severityIconId(d.severity));
    const QString titles = findingTitles(findings.forNamespace(tenant.namespaceName));
    d.tooltip = titles.isEmpty() ? d.status : d.status + u'\n' + titles;
    spec.childrenKnown = withChildren;
    if (withChildren)
        addTenantChildren(spec, snapshot, findings);
    return spec;
}

} // namespace

NodeSpec buildContextSpec(const ClusterSnapshot &snapshot, const FindingLookup &findings, const QSet<QString> &dirty,
                          bool everything)
{
    NodeSpec spec = buildContextRowSpec(snapshot, findings);
    spec.childrenKnown = true;
    for (const Tenant &tenant : snapshot.tenants.tenants())
        spec.children.append(tenantSpec(tenant, snapshot, findings, everything || dirty.contains(tenant.namespaceName)));
    return spec;
}

NodeSpec buildContextRowSpec(const ClusterSnapshot &snapshot, const FindingLookup &findings)
{
    NodeSpec spec;
    spec.childrenKnown = false;
    NodeData &d = spec.data;
    d.type = NodeType::Context;
    d.key = snapshot.contextName;
    d.name = snapshot.contextName;
    d.context = snapshot.contextName;
    d.kindText = translate("fd::ui", "cluster");
    switch (snapshot.connection.state) {
    case ConnectionState::Connecting: d.statusId = u"connecting"_s; break;
    case ConnectionState::Syncing: d.statusId = u"syncing"_s; break;
    case ConnectionState::Live: d.statusId = u"live"_s; break;
    case ConnectionState::Reconnecting: d.statusId = u"reconnecting"_s; break;
    case ConnectionState::Failed: d.statusId = u"failed"_s; break;
    }
    d.status = contextSummary(snapshot);
    d.iconId = connectionStateIconId(snapshot.connection.state);
    d.severity = findings.worst();
    d.count = int(snapshot.tenants.tenants().size());
    QStringList tip{d.status};
    if (!snapshot.serverVersion.isEmpty())
        tip.append(translate("fd::ui", "Kubernetes %1").arg(snapshot.serverVersion));
    if (!snapshot.connection.message.isEmpty())
        tip.append(snapshot.connection.message);
    if (!snapshot.securityWarning.isEmpty())
        tip.append(snapshot.securityWarning);
    d.tooltip = tip.join(u'\n');
    return spec;
}

QString connectionStateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting: return translate("fd::ui", "connecting");
    case ConnectionState::Syncing: return translate("fd::ui", "syncing");
    case ConnectionState::Live: return translate("fd::ui", "live");
    case ConnectionState::Reconnecting: return translate("fd::ui", "reconnecting");
    case ConnectionState::Failed: return translate("fd::ui", "failed");
    }
    return {};
}

QString connectionStateIconId(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting:
    case ConnectionState::Syncing: return u"pending"_s;
    case ConnectionState::Live: return u"connected"_s;
    case ConnectionState::Reconnecting: return u"warning"_s;
    case ConnectionState::Failed: return u"offline"_s;
    }
    return u"unknown"_s;
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Info: return translate("fd::ui", "Information");
    case Severity::Warning: return translate("fd::ui", "Warnings");
    case Severity::Error: return translate("fd::ui", "Errors");
    }
    return {};
}

QString severityIconId(int severity)
{
    switch (severity) {
    case int(Severity::Error): return u"error"_s;
    case int(Severity::Warning): return u"warning"_s;
    case int(Severity::Info): return u"info"_s;
    default: return u"ok"_s;
    }
}

QString buildStatusDisplay(BuildStatus status, const QString &asWritten)
{
    switch (status) {
    case BuildStatus::Unset: return translate("fd::ui", "not built yet");
    case BuildStatus::Pending: return translate("fd::ui", "build pending");
    case BuildStatus::Running: return translate("fd::ui", "building");
    case BuildStatus::Succeeded: return translate("fd::ui", "build succeeded");
    case BuildStatus::Failed: return translate("fd::ui", "build failed");
    case BuildStatus::None: return translate("fd::ui", "no build needed");
    case BuildStatus::Other: return asWritten;
    }
    return asWritten;
}

QString executorTypeDisplay(ExecutorType type, const QString &asWritten)
{
    switch (type) {
    case ExecutorType::PoolManager: return translate("fd::ui", "pool manager");
    case ExecutorType::NewDeploy: return translate("fd::ui", "new deployment");
    case ExecutorType::Container: return translate("fd::ui", "container");
    case ExecutorType::Other: return asWritten;
    }
    return asWritten;
}

QString contextSummary(const ClusterSnapshot &snapshot)
{
    QStringList parts{connectionStateText(snapshot.connection.state)};
    // Not live: what went wrong and what to do comes first, where the user looks.
    if (snapshot.connection.state != ConnectionState::Live && !snapshot.connection.message.isEmpty())
        parts.append(snapshot.connection.message);
    using InstallState = fd::fission::InstallReport::State;
    switch (snapshot.install.state) {
    case InstallState::Unknown:
        break;
    case InstallState::None:
        parts.append(translate("fd::ui", "no Fission installed"));
        break;
    case InstallState::Single:
    case InstallState::Several:
        if (const fd::fission::FissionInstall *install = snapshot.install.primary()) {
            parts.append(translate("fd::ui", "Fission %1").arg(install->version()));
            parts.append(fd::fission::tenancyWorldDisplay(install->world));
        }
        if (snapshot.install.state == InstallState::Several)
            parts.append(translate("fd::ui", "%n control planes", nullptr, int(snapshot.install.installs.size())));
        break;
    }
    return parts.join(u" · "_s);
}

QString tenantReason(const Tenant &tenant)
{
    switch (tenant.state) {
    case Tenant::State::Served:
        return {};
    case Tenant::State::NotWatched:
        if (tenant.serving.lackingComponents.isEmpty())
            return translate("fd::ui", "no Fission control plane watches this namespace");
        return translate("fd::ui", "%1 do not watch this namespace").arg(tenant.serving.lackingComponents.join(u", "_s));
    case Tenant::State::PartiallyServed:
        return translate("fd::ui", "rollout in progress, %1 do not watch it yet")
            .arg(tenant.serving.lackingComponents.join(u", "_s));
    case Tenant::State::PendingOnboarding:
        return translate("fd::ui", "waiting for Fission to onboard it");
    case Tenant::State::Terminating:
        return translate("fd::ui", "the namespace is being deleted");
    case Tenant::State::MissingNamespace:
        // The state already says the namespace is missing; say who expects it.
        if (tenant.tenantObjects.isEmpty())
            return {};
        return translate("fd::ui", "named by FissionTenant %1").arg(tenant.tenantObjects.join(u", "_s));
    case Tenant::State::Unknown:
        return translate("fd::ui", "the Fission control plane could not be read");
    }
    return {};
}

} // namespace ui
} // namespace fd
