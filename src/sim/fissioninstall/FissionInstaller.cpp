#include "sim/fissioninstall/FissionInstaller.h"

#include "sim/api/ObjectService.h"
#include "sim/fissioninstall/ChartValues.h"
#include "sim/fissioninstall/FissionCrds.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;

namespace {

std::optional<ResourceType> typeOf(const ResourceCatalog *catalog, const QJsonObject &object)
{
    const QString apiVersion = object.value(u"apiVersion"_s).toString();
    const QString group = apiVersion.contains(QLatin1Char('/')) ? apiVersion.section(QLatin1Char('/'), 0, 0) : QString();
    return catalog->findByKind(group, object.value(u"kind"_s).toString());
}

QString describe(const QJsonObject &object)
{
    const QJsonObject meta = object.value(u"metadata"_s).toObject();
    const QString ns = meta.value(u"namespace"_s).toString();
    return object.value(u"kind"_s).toString() + QLatin1Char(' ') + (ns.isEmpty() ? QString() : ns + QLatin1Char('/'))
           + meta.value(u"name"_s).toString();
}

// Which hook objects outlive their hook: those whose delete policy does not remove them
// once they succeeded (before-hook-creation alone keeps them until the next run).
bool hookStays(const ChartObject &hook, const QStringList &eventsRun)
{
    bool ran = false;
    for (const QString &event : hook.hookEvents())
        ran = ran || eventsRun.contains(event);
    return ran && !hook.hookDeletePolicies().contains(u"hook-succeeded"_s);
}

} // namespace

FissionInstaller::FissionInstaller(ObjectService *objects) : m_objects(objects)
{
}

Expected<QJsonObject, QString> FissionInstaller::create(QJsonObject object, const QString &manager)
{
    const auto type = typeOf(m_objects->catalog(), object);
    if (!type)
        return Unexpected(u"the cluster serves no %1"_s.arg(describe(object)));
    QJsonObject meta = object.value(u"metadata"_s).toObject();
    const QString ns = type->namespaced ? meta.value(u"namespace"_s).toString(u"default"_s) : QString();
    WriteOptions options;
    options.fieldManager = manager;
    const ObjectRef existing = m_objects->get(*type, ns, meta.value(u"name"_s).toString());
    if (existing) {
        meta.insert(u"resourceVersion"_s, QString::number(existing->resourceVersion));
        object.insert(u"metadata"_s, meta);
        auto updated = m_objects->update(*type, ns, meta.value(u"name"_s).toString(), object, options);
        if (!updated)
            return Unexpected(describe(object) + u": "_s + updated.error().message);
        return updated->object->object;
    }
    auto created = m_objects->create(*type, ns, object, options);
    if (!created)
        return Unexpected(describe(object) + u": "_s + created.error().message);
    return created->object->object;
}

Expected<void, QString> FissionInstaller::ensureNamespace(const QString &name, const QJsonObject &labels)
{
    const auto type = m_objects->catalog()->findByKind(QString(), u"Namespace"_s);
    if (m_objects->get(*type, {}, name)) {
        if (labels.isEmpty())
            return {};
        const auto labelled = m_objects->mutate(*type, {}, name, [&labels](QJsonObject &live) {
            QJsonObject meta = live.value(u"metadata"_s).toObject();
            QJsonObject merged = meta.value(u"labels"_s).toObject();
            for (auto it = labels.begin(); it != labels.end(); ++it)
                merged.insert(it.key(), it.value());
            meta.insert(u"labels"_s, merged);
            live.insert(u"metadata"_s, meta);
            return true;
        }, {}, u"kubectl-label"_s);
        if (!labelled)
            return Unexpected(u"Namespace %1: %2"_s.arg(name, labelled.error().message));
        return {};
    }
    QJsonObject meta{{u"name"_s, name}};
    if (!labels.isEmpty())
        meta.insert(u"labels"_s, labels);
    auto done = create({{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s}, {u"metadata"_s, meta}}, u"kubectl-create"_s);
    if (!done)
        return Unexpected(done.error());
    return {};
}

Expected<void, QString> FissionInstaller::waitForKinds(const QStringList &groupKinds, int timeoutMs)
{
    // The CRD controller publishes new kinds from a zero-delay timer on this thread.
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        QStringList missing;
        for (const QString &kind : groupKinds) {
            if (!m_objects->catalog()->findByKind(u"fission.io"_s, kind))
                missing << kind;
        }
        if (missing.isEmpty())
            return {};
        if (deadline.hasExpired())
            return Unexpected(u"the CRDs of %1 were not established in time"_s.arg(missing.join(u", "_s)));
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

Expected<void, QString> FissionInstaller::installCrds(FissionFlavor flavor)
{
    QStringList kinds;
    // 1.20: `kubectl create -k crds/v1`; main: the pre-install hook Job applies them.
    const QString manager = flavor == FissionFlavor::Modern ? u"pre-upgrade-checks"_s : u"kubectl-create"_s;
    for (const QJsonObject &crd : fissionCrds(flavor)) {
        auto done = create(crd, manager);
        if (!done)
            return Unexpected(done.error());
        kinds << crd.value(u"spec"_s).toObject().value(u"names"_s).toObject().value(u"kind"_s).toString();
    }
    return waitForKinds(kinds, 10000);
}

Expected<void, QString> FissionInstaller::applyAsHelm(const ChartObject &chartObject, const FissionReleasePlan &plan, bool owned)
{
    QJsonObject object = chartObject.object;
    const auto type = typeOf(m_objects->catalog(), object);
    if (!type)
        return Unexpected(u"the cluster serves no %1"_s.arg(describe(object)));
    QJsonObject meta = object.value(u"metadata"_s).toObject();
    const QString ns = type->namespaced ? meta.value(u"namespace"_s).toString(plan.releaseNamespace) : QString();
    if (type->namespaced)
        meta.insert(u"namespace"_s, ns);
    if (owned) {
        // Helm's ownership metadata: what lets a later `helm upgrade` adopt the object.
        QJsonObject labels = meta.value(u"labels"_s).toObject();
        labels.insert(u"app.kubernetes.io/managed-by"_s, u"Helm"_s);
        meta.insert(u"labels"_s, labels);
        QJsonObject annotations = meta.value(u"annotations"_s).toObject();
        annotations.insert(u"meta.helm.sh/release-name"_s, plan.releaseName);
        annotations.insert(u"meta.helm.sh/release-namespace"_s, plan.releaseNamespace);
        meta.insert(u"annotations"_s, annotations);
    }
    object.insert(u"metadata"_s, meta);
    if (plan.applyMethod == "csa"_L1) {
        auto created = create(object, u"helm"_s);
        if (!created)
            return Unexpected(created.error());
        return {};
    }
    WriteOptions options;
    options.fieldManager = u"helm"_s;
    options.fieldValidation = u"Strict"_s;
    const auto applied = m_objects->patch(*type, ns, meta.value(u"name"_s).toString(), "application/apply-patch+yaml",
                                          QJsonDocument(object).toJson(QJsonDocument::Compact), options);
    if (!applied)
        return Unexpected(describe(object) + u": "_s + applied.error().message);
    return {};
}

Expected<void, QString> FissionInstaller::installRelease(const FissionReleasePlan &plan)
{
    if (plan.revisions.isEmpty())
        return Unexpected(u"a release needs at least one revision"_s);
    m_revisions.clear();
    const QJsonObject defaults = chartDefaultValues(plan.flavor);
    const ChartIdentity chart = chartIdentity(plan.flavor);
    const QDateTime installedAt = plan.installedAt.isValid() ? plan.installedAt : m_objects->now();
    for (int i = 0; i < plan.revisions.size(); ++i) {
        const QJsonObject effective = coalesceValues(defaults, plan.revisions.at(i));
        HelmReleaseRevision revision;
        revision.name = plan.releaseName;
        revision.namespaceName = plan.releaseNamespace;
        revision.version = i + 1;
        const bool last = i == plan.revisions.size() - 1;
        revision.status = last ? u"deployed"_s : u"superseded"_s;
        revision.description = i == 0 ? u"Install complete"_s : u"Upgrade complete"_s;
        revision.firstDeployed = installedAt;
        revision.lastDeployed = installedAt.addSecs(plan.revisionSpacingSecs * i);
        revision.chart = chart;
        revision.chartDescription = u"Fission is a fast serverless framework for Kubernetes."_s;
        revision.chartValues = defaults;
        revision.chartTemplates = chartTemplates(plan.flavor);
        revision.config = plan.revisions.at(i);
        revision.rendered = renderFissionChart(
            plan.flavor, FissionChartValues::fromEffectiveValues(effective, plan.releaseName, plan.releaseNamespace));
        revision.applyMethod = plan.applyMethod;
        revision.hookEventsRun = i == 0 ? QStringList{u"pre-install"_s, u"post-install"_s}
                                        : QStringList{u"pre-upgrade"_s, u"post-upgrade"_s};
        m_revisions.append(revision);
    }

    const HelmReleaseRevision &current = m_revisions.last();
    // The namespaces the release writes into must exist (Helm does not create them).
    if (auto done = ensureNamespace(plan.releaseNamespace); !done)
        return done;
    for (const ChartObject &object : current.rendered.manifests) {
        const QString ns = object.namespaceName();
        if (!ns.isEmpty() && object.kind() != "Namespace"_L1) {
            if (auto done = ensureNamespace(ns); !done)
                return done;
        }
    }
    for (const ChartObject &object : current.rendered.manifests) {
        if (auto done = applyAsHelm(object, plan, true); !done)
            return done;
    }
    for (const ChartObject &hook : current.rendered.hooks) {
        if (!hookStays(hook, current.hookEventsRun))
            continue;
        if (auto done = applyAsHelm(hook, plan, false); !done)
            return done;
    }
    if (plan.controlPlaneReplicas >= 0) {
        // As `kubectl scale deployment --replicas=N` would.
        const auto deployments = m_objects->catalog()->findByKind(u"apps"_s, u"Deployment"_s);
        for (const ChartObject &object : current.rendered.manifests) {
            if (object.kind() != "Deployment"_L1)
                continue;
            const auto scaled = m_objects->mutate(*deployments, plan.releaseNamespace, object.name(), [&](QJsonObject &live) {
                QJsonObject spec = live.value(u"spec"_s).toObject();
                spec.insert(u"replicas"_s, plan.controlPlaneReplicas);
                live.insert(u"spec"_s, spec);
                return true;
            }, {}, u"kubectl"_s);
            if (!scaled)
                return Unexpected(u"Deployment %1: %2"_s.arg(object.name(), scaled.error().message));
        }
    }
    for (const HelmReleaseRevision &revision : std::as_const(m_revisions)) {
        const QDateTime modified = revision.status == "superseded"_L1
                                       ? m_revisions.at(revision.version).lastDeployed
                                       : revision.lastDeployed.addSecs(15);
        auto stored = create(releaseSecret(revision, modified), u"helm"_s);
        if (!stored)
            return Unexpected(stored.error());
    }
    return {};
}

} // namespace fd::sim::fissioninstall
