#include "DetailsHtml.h"

#include "FindingLookup.h"
#include "ObjectLookup.h"
#include "TreeSpecBuilder.h"
#include "UiTr.h"

using namespace Qt::StringLiterals;
using fd::engine::ClusterSnapshot;
using fd::fission::ObjectRef;
using fd::ui::detail::translate;

namespace fd {
namespace ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// A two-column table of label → value (values already HTML).
class FieldTable
{
public:
    void add(const QString &label, const QString &valueHtml)
    {
        if (valueHtml.isEmpty())
            return;
        m_rows += u"<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>"_s.arg(
            esc(label), valueHtml);
    }
    void addText(const QString &label, const QString &value) { add(label, esc(value)); }
    QString html() const { return m_rows.isEmpty() ? QString() : u"<table cellspacing='2'>%1</table>"_s.arg(m_rows); }

private:
    QString m_rows;
};

QString heading(const QString &text)
{
    return u"<h3 style='margin-top:14px; margin-bottom:4px'>%1</h3>"_s.arg(esc(text));
}

QString link(const ObjectRef &ref, const QString &label = {})
{
    return u"<a href='%1'>%2</a>"_s.arg(objectLink(ref).toString(), esc(label.isEmpty() ? ref.display() : label));
}

ObjectRef fissionRef(const QString &kind, const QString &ns, const QString &name)
{
    return ObjectRef{QStringView(fd::fission::FissionGroup).toString(), kind, ns, name, {}};
}

QString archiveText(const fd::fission::Archive &archive)
{
    using Type = fd::fission::Archive::Type;
    switch (archive.type) {
    case Type::Absent: return translate("fd::ui", "none");
    case Type::Literal: return translate("fd::ui", "literal, %n byte(s)", nullptr, int(archive.literalBytes));
    case Type::Url: return translate("fd::ui", "URL %1").arg(archive.url);
    case Type::Oci: return translate("fd::ui", "OCI image %1").arg(archive.ociImage);
    case Type::Unknown: return translate("fd::ui", "unknown type \"%1\"").arg(archive.typeText);
    }
    return {};
}

QString conditionsHtml(const fd::fission::FissionObject &object)
{
    if (object.conditions.isEmpty())
        return {};
    QString rows;
    for (const fd::fission::Condition &c : object.conditions) {
        rows += u"<tr><td><b>%1</b></td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>"_s.arg(
            esc(c.type), esc(c.status), esc(c.reason), esc(c.message), esc(c.lastTransitionTime));
    }
    return heading(translate("fd::ui", "Conditions"))
        + u"<table cellspacing='4'><tr><th align='left'>%1</th><th align='left'>%2</th><th align='left'>%3</th>"
          "<th align='left'>%4</th><th align='left'>%5</th></tr>%6</table>"_s.arg(
              esc(translate("fd::ui", "Type")), esc(translate("fd::ui", "Status")), esc(translate("fd::ui", "Reason")),
              esc(translate("fd::ui", "Message")), esc(translate("fd::ui", "Since")), rows);
}

QString issuesHtml(const fd::fission::FissionObject &object)
{
    if (object.issues.isEmpty())
        return {};
    QString items;
    for (const fd::fission::ValidationIssue &issue : object.issues)
        items += u"<li><code>%1</code>: %2</li>"_s.arg(esc(issue.field), esc(issue.message));
    return heading(translate("fd::ui", "Problems in the object")) + u"<ul>%1</ul>"_s.arg(items);
}

QString findingsHtml(const ClusterSnapshot &snapshot, const QString &objectKey)
{
    const FindingLookup lookup(snapshot.findings);
    const QList<const fd::fission::Finding *> findings = lookup.forObject(objectKey);
    if (findings.isEmpty())
        return {};
    QString items;
    for (const fd::fission::Finding *f : findings)
        items += u"<li><b>%1</b> — %2</li>"_s.arg(esc(f->title), esc(f->explanation));
    return heading(translate("fd::ui", "Diagnostics")) + u"<ul>%1</ul>"_s.arg(items);
}

QString linkList(const QList<ObjectRef> &refs)
{
    QStringList links;
    for (const ObjectRef &r : refs)
        links.append(link(r, r.name));
    return links.join(u", "_s);
}

void packageFields(const ClusterSnapshot &s, const fd::fission::Package &p, FieldTable &t, QString &extra)
{
    t.addText(translate("fd::ui", "Build status"), buildStatusDisplay(p.buildStatus, p.buildStatusText));
    if (p.lastUpdateTimestamp.isValid())
        t.addText(translate("fd::ui", "Last update"), QLocale().toString(p.lastUpdateTimestamp.toLocalTime(), QLocale::ShortFormat));
    t.add(translate("fd::ui", "Environment"), link(fissionRef(u"Environment"_s, p.environment.namespaceName, p.environment.name), p.environment.name));
    t.addText(translate("fd::ui", "Source archive"), archiveText(p.source));
    t.addText(translate("fd::ui", "Deployment archive"), archiveText(p.deployment));
    t.addText(translate("fd::ui", "Build command"), p.buildCommand);
    QList<ObjectRef> users;
    for (const fd::fission::Function *f : s.index.functions().inNamespace(p.namespaceName())) {
        if (f->package.name == p.name() && (f->package.namespaceName.isEmpty() || f->package.namespaceName == p.namespaceName()))
            users.append(f->ref());
    }
    t.add(translate("fd::ui", "Used by"), linkList(users));
    if (!p.buildLog.isEmpty())
        extra += heading(translate("fd::ui", "Build log")) + u"<pre>%1</pre>"_s.arg(esc(p.buildLog));
}

void functionFields(const ClusterSnapshot &s, const fd::fission::Function &f, FieldTable &t)
{
    t.add(translate("fd::ui", "Environment"), link(fissionRef(u"Environment"_s, f.environment.namespaceName, f.environment.name), f.environment.name));
    if (!f.package.isEmpty())
        t.add(translate("fd::ui", "Package"), link(fissionRef(u"Package"_s, f.package.namespaceName.isEmpty() ? f.namespaceName() : f.package.namespaceName, f.package.name), f.package.name));
    t.addText(translate("fd::ui", "Entry point"), f.entryPoint);
    t.addText(translate("fd::ui", "Executor"), executorTypeDisplay(f.executorType, f.executorTypeText));
    if (f.maxScale > 0)
        t.addText(translate("fd::ui", "Scale"), translate("fd::ui", "%1 to %2").arg(f.minScale).arg(f.maxScale));
    if (f.idleTimeout)
        t.addText(translate("fd::ui", "Idle timeout"), translate("fd::ui", "%n s", nullptr, *f.idleTimeout));
    QStringList routes;
    for (const fd::fission::HttpTrigger *h : s.index.httpTriggers().inNamespace(f.namespaceName())) {
        if (h->function.functionNames().contains(f.name()))
            routes.append(u"%1 <code>%2</code> (%3)"_s.arg(esc(h->effectiveMethods().join(u','))).arg(esc(h->routePath()), link(h->ref(), h->name())));
    }
    t.add(translate("fd::ui", "Routes"), routes.join(u"<br>"_s));
    QList<ObjectRef> triggers;
    for (const fd::fission::Trigger *tr : s.index.allTriggers()) {
        if (tr->namespaceName() == f.namespaceName() && tr->function.functionNames().contains(f.name()) && tr->ref().kind != u"HTTPTrigger")
            triggers.append(tr->ref());
    }
    t.add(translate("fd::ui", "Other triggers"), linkList(triggers));
}

void triggerFields(const ClusterSnapshot &s, const ObjectRef &ref, FieldTable &t)
{
    const fd::fission::Trigger *trigger = nullptr;
    if (const auto *h = s.index.httpTriggers().get(ref.namespaceName, ref.name)) {
        trigger = h;
        t.addText(translate("fd::ui", "Methods"), h->effectiveMethods().join(u", "_s));
        t.addText(translate("fd::ui", "Path"), h->routePath());
        t.addText(translate("fd::ui", "Host"), h->host);
    } else if (const auto *tt = s.index.timeTriggers().get(ref.namespaceName, ref.name)) {
        trigger = tt;
        t.addText(translate("fd::ui", "Schedule"), tt->cron);
    } else if (const auto *mq = s.index.messageQueueTriggers().get(ref.namespaceName, ref.name)) {
        trigger = mq;
        t.addText(translate("fd::ui", "Queue type"), mq->messageQueueType);
        t.addText(translate("fd::ui", "Topic"), mq->topic);
        t.addText(translate("fd::ui", "Response topic"), mq->responseTopic);
        t.addText(translate("fd::ui", "Error topic"), mq->errorTopic);
    } else if (const auto *w = s.index.watchTriggers().get(ref.namespaceName, ref.name)) {
        trigger = w;
        t.addText(translate("fd::ui", "Watches"), w->watchType + u' ' + w->watchNamespace);
    }
    if (!trigger)
        return;
    QList<ObjectRef> functions;
    for (const QString &name : trigger->function.functionNames())
        functions.append(fissionRef(u"Function"_s, ref.namespaceName, name));
    t.add(translate("fd::ui", "Function"), linkList(functions));
}

void environmentFields(const ClusterSnapshot &s, const fd::fission::Environment &e, FieldTable &t)
{
    t.addText(translate("fd::ui", "Runtime image"), e.runtimeImage);
    t.addText(translate("fd::ui", "Builder image"), e.builderImage);
    t.addText(translate("fd::ui", "Version"), QString::number(e.version));
    t.addText(translate("fd::ui", "Warm pool size"), QString::number(e.effectivePoolSize()));
    QList<ObjectRef> users;
    for (const fd::fission::Function *f : s.index.functions().inNamespace(e.namespaceName())) {
        if (f->environment.name == e.name())
            users.append(f->ref());
    }
    for (const fd::fission::Package *p : s.index.packages().inNamespace(e.namespaceName())) {
        if (p->environment.name == e.name())
            users.append(p->ref());
    }
    t.add(translate("fd::ui", "Used by"), linkList(users));
}

} // namespace

QString contextOverviewHtml(const ClusterSnapshot &s)
{
    FieldTable t;
    t.addText(translate("fd::ui", "Connection"), connectionStateText(s.connection.state));
    t.addText(translate("fd::ui", "Message"), s.connection.message);
    t.addText(translate("fd::ui", "Kubernetes"), s.serverVersion);
    if (!s.securityWarning.isEmpty())
        t.add(translate("fd::ui", "Security"), u"<span style='color:#d93b3b'>%1</span>"_s.arg(esc(s.securityWarning)));
    if (const fd::fission::FissionInstall *install = s.install.primary()) {
        t.addText(translate("fd::ui", "Fission"), install->version());
        t.addText(translate("fd::ui", "Tenancy"), fd::fission::tenancyWorldDisplay(install->world));
        t.addText(translate("fd::ui", "Helm release"), install->releaseNamespace + u'/' + install->releaseName);
        QStringList components;
        for (const fd::fission::ControlPlaneComponent &c : install->components)
            components.append(u"%1 (%2/%3)"_s.arg(c.name).arg(c.readyPods().size()).arg(c.pods.size()));
        t.addText(translate("fd::ui", "Components"), components.join(u", "_s));
    } else if (s.install.state == fd::fission::InstallReport::State::None) {
        t.addText(translate("fd::ui", "Fission"), translate("fd::ui", "not installed"));
    } else if (!s.install.unknownReason.isEmpty()) {
        t.addText(translate("fd::ui", "Fission"), s.install.unknownReason);
    }
    t.addText(translate("fd::ui", "Tenants"), QString::number(s.tenants.tenants().size()));
    t.addText(translate("fd::ui", "Findings"), QString::number(s.findings.size()));
    return u"<h2>%1</h2>"_s.arg(esc(s.contextName)) + t.html();
}

QString tenantOverviewHtml(const ClusterSnapshot &s, const QString &ns)
{
    const fd::fission::Tenant *tenant = s.tenants.tenant(ns);
    if (!tenant)
        return {};
    FieldTable t;
    t.addText(translate("fd::ui", "State"), fd::fission::tenantStateDisplay(tenant->state));
    t.addText(translate("fd::ui", "Why"), tenantReason(*tenant));
    t.addText(translate("fd::ui", "Served by"), tenant->serving.servingComponents.join(u", "_s));
    t.addText(translate("fd::ui", "Not watched by"), tenant->serving.lackingComponents.join(u", "_s));
    QList<ObjectRef> tenantObjects;
    for (const QString &name : tenant->tenantObjects)
        tenantObjects.append(fissionRef(u"FissionTenant"_s, QString(), name));
    t.add(translate("fd::ui", "FissionTenants"), linkList(tenantObjects));
    if (tenant->enabledLabel)
        t.addText(translate("fd::ui", "Label fission.io/enabled"), *tenant->enabledLabel);
    QStringList counts;
    for (auto it = tenant->counts.cbegin(); it != tenant->counts.cend(); ++it)
        counts.append(u"%1: %2"_s.arg(it.key()).arg(it.value()));
    t.addText(translate("fd::ui", "Objects"), counts.join(u", "_s));
    return u"<h2>%1</h2>"_s.arg(esc(translate("fd::ui", "Tenant %1").arg(ns))) + t.html();
}

QString objectOverviewHtml(const ClusterSnapshot &s, const ObjectRef &ref)
{
    const fd::fission::FissionObject *object = findObject(s.index, ref);
    if (!object)
        return {};
    FieldTable t;
    QString extra;
    if (ref.kind == u"Package")
        packageFields(s, static_cast<const fd::fission::Package &>(*object), t, extra);
    else if (ref.kind == u"Function")
        functionFields(s, static_cast<const fd::fission::Function &>(*object), t);
    else if (ref.kind == u"Environment")
        environmentFields(s, static_cast<const fd::fission::Environment &>(*object), t);
    else
        triggerFields(s, ref, t);
    t.addText(translate("fd::ui", "Created"), object->object.creationTimestamp());
    t.addText(translate("fd::ui", "Resource version"), object->object.resourceVersion());
    if (object->isTerminating())
        t.addText(translate("fd::ui", "Deletion"), translate("fd::ui", "being deleted (finalizers: %1)").arg(object->finalizers.join(u", "_s)));
    return u"<h2>%1</h2>"_s.arg(esc(ref.display())) + t.html() + findingsHtml(s, ref.key()) + conditionsHtml(*object)
        + issuesHtml(*object) + extra;
}

} // namespace ui
} // namespace fd
