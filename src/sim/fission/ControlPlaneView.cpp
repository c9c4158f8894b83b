#include "sim/fission/ControlPlaneView.h"

#include "sim/controllers/ObjectHelpers.h"
#include "sim/core/ObjectMeta.h"
#include "sim/fission/FissionNames.h"
#include "sim/fission/FissionObjects.h"

#include <QJsonArray>

#include <algorithm>
#include <tuple>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSvc = u"svc"_s;

bool isComponentLabel(const QString &value)
{
    for (Component component : allComponents()) {
        if (componentLabel(component) == value)
            return true;
    }
    return false;
}

bool labelledAsComponent(const ObjectRef &object)
{
    return object && isComponentLabel(labelsOf(object->object).value(kSvc).toString());
}

bool isRunningAndReady(const QJsonObject &pod)
{
    return !ctrl::isDeleting(pod) && ctrl::podPhase(pod) == "Running"_L1 && ctrl::podIsReady(pod);
}

// Fission's processes all run the fission-bundle image; a user's own workload that happens
// to be labelled svc=router is not Fission's router.
bool runsFissionBundle(const QJsonObject &pod)
{
    for (const QJsonValue &container : ctrl::specOf(pod).value("containers"_L1).toArray()) {
        if (container.toObject().value("image"_L1).toString().contains("fission-bundle"_L1))
            return true;
    }
    return false;
}

} // namespace

ControlPlaneView::ControlPlaneView(FissionObjects *objects, QObject *parent) : QObject(parent), m_objects(objects)
{
    // Coalesces the bursts a rollout produces into one look.
    m_recompute.setSingleShot(true);
    m_recompute.setInterval(0);
    connect(&m_recompute, &QTimer::timeout, this, &ControlPlaneView::recompute);
}

void ControlPlaneView::start()
{
    connect(m_objects->store(), &ObjectStore::committed, this, &ControlPlaneView::onCommitted);
    recompute();
}

ComponentInstance ControlPlaneView::instance(Component component) const
{
    const auto it = m_instances.find(component);
    return it == m_instances.end() ? ComponentInstance() : it->second;
}

QStringList ControlPlaneView::watchedNamespaces(Component component) const
{
    const auto it = m_watched.find(component);
    return it == m_watched.end() ? QStringList() : it->second;
}

bool ControlPlaneView::watches(Component component, const QString &namespaceName) const
{
    return watchedNamespaces(component).contains(namespaceName);
}

QStringList ControlPlaneView::readyTenantNamespaces() const
{
    QStringList sorted(m_readyTenants.begin(), m_readyTenants.end());
    sorted.sort();
    return sorted;
}

bool ControlPlaneView::concernsControlPlane(const StoreEvent &event) const
{
    if (event.storageKey == kTenants)
        return true;
    if (event.storageKey == kPods || event.storageKey == kDeployments || event.storageKey == kDaemonSets)
        return labelledAsComponent(event.object) || labelledAsComponent(event.previous);
    return false;
}

void ControlPlaneView::onCommitted(const StoreEvent &event)
{
    if (concernsControlPlane(event) && !m_recompute.isActive())
        m_recompute.start();
}

int ControlPlaneView::revisionOf(const QJsonObject &pod) const
{
    const auto owner = ctrl::controllerOf(pod);
    if (!owner || owner->kind != "ReplicaSet"_L1)
        return 0;
    const ObjectRef replicaSet = m_objects->get(kReplicaSets, namespaceOf(pod), owner->name);
    if (!replicaSet)
        return 0;
    return ctrl::annotationsOf(replicaSet->object).value("deployment.kubernetes.io/revision"_L1).toString().toInt();
}

ComponentInstance ControlPlaneView::findInstance(Component component) const
{
    const QString label = componentLabel(component);
    QList<QJsonObject> owners;
    for (const QString &kind : {kDeployments, kDaemonSets}) {
        for (const ObjectRef &owner : m_objects->list(kind)) {
            if (labelsOf(owner->object).value(kSvc).toString() == label && !ctrl::isDeleting(owner->object))
                owners.append(owner->object);
        }
    }
    // The newest Ready pod wins: during a rolling update the new revision's pod takes over
    // as soon as it is Ready, while the old one is still draining.
    std::optional<QJsonObject> newest;
    std::tuple<int, QString, QString> newestKey;
    for (const QJsonObject &owner : owners) {
        const QJsonObject selector = ctrl::child(ctrl::specOf(owner), "selector"_L1);
        for (const ObjectRef &ref : m_objects->list(kPods, namespaceOf(owner))) {
            const QJsonObject &pod = ref->object;
            if (labelsOf(pod).value(kSvc).toString() != label || !ctrl::selectorMatches(selector, labelsOf(pod))
                || !isRunningAndReady(pod) || !runsFissionBundle(pod))
                continue;
            const auto key = std::make_tuple(revisionOf(pod), metadataOf(pod).value("creationTimestamp"_L1).toString(),
                                             nameOf(pod));
            if (!newest || key > newestKey) {
                newest = pod;
                newestKey = key;
            }
        }
    }
    if (!newest)
        return {};
    return componentInstanceFromPod(*newest, [this](const QString &storageKey, const QString &ns, const QString &name,
                                                    const QString &key) -> std::optional<QString> {
        const ObjectRef object = m_objects->get(storageKey, ns, name);
        if (!object)
            return std::nullopt;
        const QJsonObject data = object->object.value("data"_L1).toObject();
        if (!data.contains(key))
            return std::nullopt;
        const QString value = data.value(key).toString();
        if (storageKey == kSecrets)
            return QString::fromUtf8(QByteArray::fromBase64(value.toLatin1()));
        return value;
    });
}

QSet<QString> ControlPlaneView::computeReadyTenants() const
{
    QSet<QString> namespaces;
    for (const ObjectRef &tenant : m_objects->list(kTenants)) {
        const QString ns = ctrl::text(ctrl::specOf(tenant->object), "namespace"_L1);
        if (!ns.isEmpty() && ctrl::conditionIsTrue(ctrl::statusOf(tenant->object), u"Ready"_s))
            namespaces.insert(ns);
    }
    return namespaces;
}

void ControlPlaneView::recompute()
{
    bool changedAny = false;
    m_readyTenants = computeReadyTenants();
    for (Component component : allComponents()) {
        ComponentInstance found = findInstance(component);
        QStringList watched;
        if (found.isActive()) {
            QSet<QString> set;
            for (const QString &ns : found.seedNamespaces())
                set.insert(ns);
            if (found.followsTenants())
                set.unite(m_readyTenants);
            watched = QStringList(set.begin(), set.end());
            watched.sort();
        }
        ComponentInstance &current = m_instances[component];
        if (current.podUid != found.podUid || current.env != found.env || current.podIp != found.podIp) {
            current = found;
            changedAny = true;
        }
        QStringList &currentWatched = m_watched[component];
        if (currentWatched != watched) {
            currentWatched = watched;
            changedAny = true;
        }
    }
    if (changedAny)
        Q_EMIT changed();
}

} // namespace fd::sim::fission

#include "moc_ControlPlaneView.cpp"
