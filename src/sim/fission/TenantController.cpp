#include "sim/fission/TenantController.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"
#include "sim/fission/ControlPlaneView.h"
#include "sim/fission/FissionNames.h"
#include "sim/fission/FissionObjects.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QMessageAuthenticationCode>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kTenantPrefix = u"t:"_s;
const QString kNamespacePrefix = u"n:"_s;

QJsonObject condition(const QString &type, const QString &status, const QString &reason, const QString &message)
{
    return {{u"type"_s, type}, {u"status"_s, status}, {u"reason"_s, reason}, {u"message"_s, message}};
}

QJsonObject roleBinding(const QString &name, const QString &namespaceName, const QString &clusterRole,
                        const QString &account, const QString &accountNamespace, const QJsonObject &metadataBase)
{
    QJsonObject metadata = metadataBase;
    metadata.insert(u"name"_s, name);
    metadata.insert(u"namespace"_s, namespaceName);
    return {{u"apiVersion"_s, u"rbac.authorization.k8s.io/v1"_s},
            {u"kind"_s, u"RoleBinding"_s},
            {u"metadata"_s, metadata},
            {u"roleRef"_s, QJsonObject{{u"apiGroup"_s, u"rbac.authorization.k8s.io"_s},
                                      {u"kind"_s, u"ClusterRole"_s},
                                      {u"name"_s, clusterRole}}},
            {u"subjects"_s, QJsonArray{QJsonObject{{u"kind"_s, u"ServiceAccount"_s},
                                                   {u"name"_s, account},
                                                   {u"namespace"_s, accountNamespace}}}}};
}

// A per-namespace service key derived from the internal-auth master. Only its shape matters
// to the simulation: one stable secret per (service, namespace) that never reveals the master.
QByteArray derivedKey(const QByteArray &master, const QString &service, const QString &namespaceName)
{
    const QByteArray info = "fission-internal-v1:" + service.toUtf8() + ':' + namespaceName.toUtf8();
    return QMessageAuthenticationCode::hash(info, master, QCryptographicHash::Sha256).toBase64();
}

bool excludedFromAutoOnboard(const QString &namespaceName, const QString &releaseNamespace)
{
    return namespaceName == "kube-system"_L1 || namespaceName == "kube-public"_L1
        || namespaceName == "kube-node-lease"_L1 || (!releaseNamespace.isEmpty() && namespaceName == releaseNamespace);
}

} // namespace

TenantController::TenantController(ControllerContext *context, FissionObjects *objects, ControlPlaneView *view,
                                   QObject *parent)
    : Reconciler(context, parent), m_objects(objects), m_view(view), m_logWriter(context->logs)
{
    connect(m_view, &ControlPlaneView::changed, this, &TenantController::onControlPlaneChanged);
}

QStringList TenantController::initialKeys() const
{
    return {};
}

bool TenantController::isActive() const
{
    return m_instance.isActive() && m_instance.followsTenants();
}

void TenantController::log(const QString &level, const QString &message, const LogFields &fields) const
{
    m_logWriter.zap(m_instance, level, u"tenant"_s, message, fields, m_objects->now());
}

void TenantController::onControlPlaneChanged()
{
    const ComponentInstance current = m_view->instance(Component::TenantController);
    if (current.podUid == m_instance.podUid && current.env == m_instance.env)
        return;
    m_instance = current;
    if (!isActive())
        return;
    log(u"info"_s, u"starting tenant controller"_s,
        {{u"leaderElection"_s, m_instance.flag(u"LEADER_ELECTION_ENABLED"_s)},
         {u"mode"_s, m_instance.value(u"FISSION_TENANCY_MODE"_s)}});
    enqueueAll();
}

void TenantController::enqueueAll()
{
    for (const ObjectRef &tenant : m_objects->list(kTenants))
        enqueue(kTenantPrefix + nameOf(tenant->object));
    for (const ObjectRef &ns : m_objects->list(kNamespaces))
        enqueue(kNamespacePrefix + nameOf(ns->object));
}

void TenantController::observe(const StoreEvent &event)
{
    if (!isActive() || !event.object)
        return;
    if (event.storageKey == kTenants) {
        enqueue(kTenantPrefix + event.key);
        return;
    }
    if (event.storageKey != kNamespaces)
        return;
    enqueue(kNamespacePrefix + event.key);
    // A namespace appearing or going changes the verdict of tenants pointing at it.
    if (event.type == StoreEventType::Added || event.type == StoreEventType::Deleted) {
        for (const ObjectRef &tenant : m_objects->list(kTenants)) {
            if (ctrl::text(ctrl::specOf(tenant->object), "namespace"_L1) == event.key)
                enqueue(kTenantPrefix + nameOf(tenant->object));
        }
    }
}

void TenantController::reconcile(const QString &key)
{
    if (!isActive())
        return;
    if (key.startsWith(kTenantPrefix))
        syncTenant(key.mid(kTenantPrefix.size()));
    else if (key.startsWith(kNamespacePrefix))
        syncNamespace(key.mid(kNamespacePrefix.size()));
}

// --- tenants ------------------------------------------------------------------------------

void TenantController::syncTenant(const QString &name)
{
    const QString key = kTenantPrefix + name;
    ObjectRef ref = m_objects->get(kTenants, {}, name);
    if (!ref)
        return;
    const QString ns = ctrl::text(ctrl::specOf(ref->object), "namespace"_L1);
    if (ctrl::isDeleting(ref->object)) {
        if (!ctrl::hasFinalizer(ref->object, kTenantFinalizer))
            return;
        if (!deprovision(ns)) {
            retryLater(key);
            return;
        }
        const auto released = m_objects->mutate(kTenants, {}, name, [](QJsonObject &object) {
            return ctrl::removeFinalizer(object, kTenantFinalizer);
        });
        if (released)
            log(u"info"_s, u"offboarded tenant"_s, {{u"tenant"_s, name}, {u"namespace"_s, ns}});
        settle(key, released.hasValue() || released.error().code == 404);
        return;
    }
    if (!ctrl::hasFinalizer(ref->object, kTenantFinalizer)) {
        const auto added = m_objects->mutate(kTenants, {}, name, [](QJsonObject &object) {
            QStringList finalizers = ctrl::finalizerList(object);
            if (finalizers.contains(kTenantFinalizer))
                return false;
            finalizers.append(kTenantFinalizer);
            setMetadataField(object, u"finalizers"_s, QJsonArray::fromStringList(finalizers));
            return true;
        });
        if (!added) {
            settle(key, added.error().code == 404);
            return;
        }
        ref = *added;
    }
    const QJsonObject tenant = ref->object;
    const ObjectRef target = m_objects->get(kNamespaces, {}, ns);
    if (!target) {
        settle(key, setConditions(tenant, {condition(u"Ready"_s, u"False"_s, u"NamespaceNotFound"_s,
                                                     QStringLiteral("namespace \"%1\" does not exist").arg(ns))}));
        return;
    }
    if (!provision(tenant, ns)) {
        retryLater(key);
        return;
    }
    QJsonArray wanted{condition(u"RBACProvisioned"_s, u"True"_s, u"RolesApplied"_s, u"per-namespace RBAC provisioned"_s),
                      condition(u"ServiceAccountsReady"_s, u"True"_s, u"ServiceAccountsReady"_s,
                                u"fetcher and builder service accounts present"_s)};
    if (!m_instance.value(u"FISSION_INTERNAL_AUTH_SECRET"_s).isEmpty()) {
        wanted.append(condition(u"AuthKeyProvisioned"_s, u"True"_s, u"KeysDerived"_s,
                                u"per-namespace internal-auth keys provisioned"_s));
    }
    wanted.append(condition(u"Ready"_s, u"True"_s, u"Onboarded"_s, QStringLiteral("namespace \"%1\" is onboarded").arg(ns)));
    settle(key, setConditions(tenant, wanted));
}

bool TenantController::provision(const QJsonObject &tenant, const QString &namespaceName)
{
    const QJsonObject owner{{u"apiVersion"_s, u"fission.io/v1"_s},
                            {u"kind"_s, u"FissionTenant"_s},
                            {u"name"_s, nameOf(tenant)},
                            {u"uid"_s, uidOf(tenant)}};
    const QJsonObject base{{u"labels"_s, QJsonObject{{kTenantManagedByLabel, kTenantManagedByValue}}},
                           {u"ownerReferences"_s, QJsonArray{owner}}};
    const auto account = [&](const QString &name) {
        QJsonObject metadata = base;
        metadata.insert(u"name"_s, name);
        metadata.insert(u"namespace"_s, namespaceName);
        return QJsonObject{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"ServiceAccount"_s}, {u"metadata"_s, metadata}};
    };
    QList<QPair<QString, QJsonObject>> objects{
        {kServiceAccounts, account(kFetcherServiceAccount)},
        {kServiceAccounts, account(kBuilderServiceAccount)},
        {kRoleBindings, roleBinding(u"fission-fetcher"_s, namespaceName, u"fission-fetcher-tenant-workload"_s,
                                    kFetcherServiceAccount, namespaceName, base)},
        {kRoleBindings, roleBinding(u"fission-builder"_s, namespaceName, u"fission-builder-tenant-workload"_s,
                                    kBuilderServiceAccount, namespaceName, base)},
        {kRoleBindings, roleBinding(u"fission-fetcher-websocket"_s, namespaceName,
                                    u"fission-fetcher-websocket-tenant-workload"_s, kFetcherServiceAccount,
                                    namespaceName, base)}};
    // Cluster mode binds the control plane cluster-wide instead.
    const QString release = m_instance.namespaceName;
    if (m_instance.tenancyMode() == TenancyMode::Dynamic && !release.isEmpty()) {
        objects.append({kRoleBindings, roleBinding(u"fission-executor-workload"_s, namespaceName,
                                                   u"fission-executor-tenant-workload"_s, u"fission-executor"_s,
                                                   release, base)});
        objects.append({kRoleBindings, roleBinding(u"fission-buildermgr-workload"_s, namespaceName,
                                                   u"fission-buildermgr-tenant-workload"_s, u"fission-buildermgr"_s,
                                                   release, base)});
        objects.append({kRoleBindings, roleBinding(u"fission-router-dataplane"_s, namespaceName,
                                                   u"fission-router-dataplane-tenant"_s, u"fission-router"_s, release,
                                                   base)});
    }
    QString failure;
    for (const auto &[kind, object] : objects) {
        if (m_objects->get(kind, namespaceName, nameOf(object)))
            continue;
        const auto created = m_objects->create(kind, namespaceName, object);
        if (!created && created.error().code != 409) {
            failure = QStringLiteral("provisioning %1 %2/%3: %4")
                          .arg(object.value("kind"_L1).toString(), namespaceName, nameOf(object), created.error().message);
            break;
        }
    }
    if (!failure.isEmpty()) {
        setConditions(tenant, {condition(u"RBACProvisioned"_s, u"False"_s, u"ProvisioningFailed"_s, failure)});
        log(u"error"_s, u"provisioning RBAC for tenant failed"_s, {{u"namespace"_s, namespaceName}, {u"error"_s, failure}});
        return false;
    }
    const QByteArray master = m_instance.value(u"FISSION_INTERNAL_AUTH_SECRET"_s).toUtf8();
    if (!master.isEmpty() && !m_objects->get(kSecrets, namespaceName, kTenantAuthKeysSecret)) {
        QJsonObject metadata{{u"name"_s, kTenantAuthKeysSecret},
                             {u"namespace"_s, namespaceName},
                             {u"labels"_s, QJsonObject{{kTenantManagedByLabel, kTenantManagedByValue}}}};
        QJsonObject data;
        for (const char *service : {"fetcher", "builder", "storagesvc"}) {
            const QString field = QString::fromLatin1(service) == "storagesvc"_L1 ? u"storageKey"_s
                                                                                   : QString::fromLatin1(service) + u"Key"_s;
            data.insert(field, QString::fromLatin1(derivedKey(master, QString::fromLatin1(service), namespaceName).toBase64()));
        }
        const QJsonObject secret{{u"apiVersion"_s, u"v1"_s},
                                 {u"kind"_s, u"Secret"_s},
                                 {u"metadata"_s, metadata},
                                 {u"type"_s, u"Opaque"_s},
                                 {u"data"_s, data}};
        const auto created = m_objects->create(kSecrets, namespaceName, secret);
        if (!created && created.error().code != 409) {
            setConditions(tenant, {condition(u"AuthKeyProvisioned"_s, u"False"_s, u"ProvisioningFailed"_s,
                                             QStringLiteral("provisioning auth secret in %1: %2")
                                                 .arg(namespaceName, created.error().message))});
            return false;
        }
    }
    return true;
}

bool TenantController::deprovision(const QString &namespaceName)
{
    bool ok = true;
    const QJsonObject selector{{kTenantManagedByLabel, kTenantManagedByValue}};
    for (const QString &kind : {kRoleBindings, kServiceAccounts}) {
        for (const ObjectRef &object : m_objects->listLabelled(kind, namespaceName, selector))
            ok = m_objects->remove(kind, namespaceName, nameOf(object->object)) && ok;
    }
    return m_objects->remove(kSecrets, namespaceName, kTenantAuthKeysSecret) && ok;
}

bool TenantController::setConditions(const QJsonObject &tenant, const QJsonArray &wanted)
{
    const auto type = m_objects->typeOf(kTenants);
    if (!type)
        return false;
    const QString now = ctrl::timestamp(m_objects->now());
    const auto result = m_objects->mutate(
        kTenants, {}, nameOf(tenant),
        [&](QJsonObject &object) {
            if (uidOf(object) != uidOf(tenant))
                return false;
            const qint64 generation = ctrl::generationOf(object);
            QJsonObject status = ctrl::statusOf(object);
            QJsonArray conditions = status.value("conditions"_L1).toArray();
            for (const QJsonValue &value : wanted) {
                QJsonObject condition = value.toObject();
                condition.insert(u"observedGeneration"_s, generation);
                const QString conditionType = condition.value("type"_L1).toString();
                qsizetype at = -1;
                for (qsizetype i = 0; i < conditions.size(); ++i) {
                    if (conditions.at(i).toObject().value("type"_L1).toString() == conditionType)
                        at = i;
                }
                const QJsonObject previous = at >= 0 ? conditions.at(at).toObject() : QJsonObject();
                // metav1 SetStatusCondition: the transition time moves only when the status does.
                condition.insert(u"lastTransitionTime"_s,
                                 previous.value("status"_L1) == condition.value("status"_L1)
                                     ? previous.value("lastTransitionTime"_L1)
                                     : QJsonValue(now));
                if (at >= 0)
                    conditions.replace(at, condition);
                else
                    conditions.append(condition);
            }
            status.insert(u"observedGeneration"_s, generation);
            status.insert(u"conditions"_s, conditions);
            if (status == ctrl::statusOf(object))
                return false;
            object.insert(u"status"_s, status);
            return true;
        },
        type->hasStatus ? u"status"_s : QString());
    return result.hasValue() || result.error().code == 404;
}

// --- namespaces (label sugar, cluster mode) -----------------------------------------------

bool TenantController::offboardLabelled(const QString &namespaceName)
{
    for (const ObjectRef &tenant : m_objects->list(kTenants)) {
        if (ctrl::text(ctrl::specOf(tenant->object), "namespace"_L1) != namespaceName)
            continue;
        // Only controller-made tenants go; a user's or Helm's stays.
        if (ctrl::annotationsOf(tenant->object).value(kManagedByAnnotation).toString() != "label"_L1
            || ctrl::isDeleting(tenant->object))
            return true;
        if (!m_objects->remove(kTenants, {}, nameOf(tenant->object), uidOf(tenant->object)))
            return false;
        log(u"info"_s, u"offboarded namespace via fission.io/enabled=false opt-out"_s, {{u"namespace"_s, namespaceName}});
        return true;
    }
    return true;
}

void TenantController::syncNamespace(const QString &name)
{
    const QString key = kNamespacePrefix + name;
    const ObjectRef ref = m_objects->get(kNamespaces, {}, name);
    if (!ref || ctrl::isDeleting(ref->object))
        return;
    const QString label = labelsOf(ref->object).value(kEnabledLabel).toString();
    const bool autoOnboard = m_instance.tenancyMode() == TenancyMode::Cluster;
    if (autoOnboard) {
        if (excludedFromAutoOnboard(name, m_instance.namespaceName))
            return;
        if (label == "false"_L1) {
            settle(key, offboardLabelled(name));
            return;
        }
    } else if (label != "true"_L1) {
        return;
    }
    for (const ObjectRef &tenant : m_objects->list(kTenants)) {
        if (ctrl::text(ctrl::specOf(tenant->object), "namespace"_L1) != name)
            continue;
        // A tenant of a previous namespace with this name, still going away: look again later.
        bool stale = ctrl::isDeleting(tenant->object);
        if (ctrl::annotationsOf(tenant->object).value(kManagedByAnnotation).toString() == "label"_L1) {
            for (const ctrl::OwnerReference &owner : ctrl::ownerReferencesOf(tenant->object)) {
                if (owner.kind == "Namespace"_L1 && owner.uid != uidOf(ref->object))
                    stale = true;
            }
        }
        if (stale)
            enqueueAfter(key, 1000);
        return;
    }
    const QJsonObject tenant{
        {u"apiVersion"_s, u"fission.io/v1"_s},
        {u"kind"_s, u"FissionTenant"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                   {u"annotations"_s, QJsonObject{{kManagedByAnnotation, u"label"_s}}},
                                   {u"ownerReferences"_s, QJsonArray{QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                                                                 {u"kind"_s, u"Namespace"_s},
                                                                                 {u"name"_s, name},
                                                                                 {u"uid"_s, uidOf(ref->object)}}}}}},
        {u"spec"_s, QJsonObject{{u"namespace"_s, name}}}};
    const auto created = m_objects->create(kTenants, {}, tenant);
    if (!created) {
        if (created.error().code == 409) {
            enqueueAfter(key, 1000);
            return;
        }
        log(u"error"_s, u"failed to materialize FissionTenant"_s, {{u"namespace"_s, name}, {u"error"_s, created.error().message}});
        retryLater(key);
        return;
    }
    log(u"info"_s, u"materialized FissionTenant for namespace"_s, {{u"namespace"_s, name}, {u"autoOnboard"_s, autoOnboard}});
}

} // namespace fd::sim::fission

#include "moc_TenantController.cpp"
