#include "sim/controllers/NamespaceController.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

#include <QMap>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kNamespaceFinalizer = u"kubernetes"_s;
const QString kRootCaName = u"kube-root-ca.crt"_s;

// A stand-in bundle until the cluster hands over its real CA.
const char kPlaceholderCa[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhmaXNzaW9u\n"
    "LWRlc2stc2ltLXNlcnZlci1jYTAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAw\n"
    "-----END CERTIFICATE-----\n";

// The condition types the namespace deleter maintains, in upstream order, with the
// reason/message they carry while nothing is wrong.
struct ConditionDefault {
    const char *type;
    const char *okReason;
    const char *okMessage;
};
const ConditionDefault kConditionDefaults[] = {
    {"NamespaceDeletionDiscoveryFailure", "ResourcesDiscovered", "All resources successfully discovered"},
    {"NamespaceDeletionGroupVersionParsingFailure", "ParsedGroupVersions", "All legacy kube types successfully parsed"},
    {"NamespaceDeletionContentFailure", "ContentDeleted", "All content successfully deleted, may be waiting on finalization"},
    {"NamespaceContentRemaining", "ContentRemoved", "All content successfully removed"},
    {"NamespaceFinalizersRemaining", "ContentRemoved", "All content successfully removed"},
};

// What deleteAllContent found: per resource and per finalizer counts, delete errors, and
// whether graceful pod termination is still running.
struct ContentTotals {
    QMap<QString, int> remainingByResource;   // "pods." -> 2
    QMap<QString, int> remainingByFinalizer;  // "example.com/hold" -> 1
    QStringList deleteErrors;
    bool anyRemaining = false;
};

QString groupVersionResource(const ResourceType &type)
{
    // schema.GroupVersionResource's String(): "apps/v1, Resource=deployments".
    return type.groupVersion().contains(QLatin1Char('/'))
        ? QStringLiteral("%1, Resource=%2").arg(type.groupVersion(), type.plural)
        : QStringLiteral("/%1, Resource=%2").arg(type.groupVersion(), type.plural);
}

QJsonArray namespaceConditions(const QJsonArray &current, const ContentTotals &totals, const QString &now)
{
    QMap<QString, ctrl::Condition> failing;
    if (!totals.deleteErrors.isEmpty()) {
        QStringList messages = totals.deleteErrors;
        messages.sort();
        failing.insert(u"NamespaceDeletionContentFailure"_s,
                       {u"NamespaceDeletionContentFailure"_s, u"True"_s, u"ContentDeletionFailed"_s,
                        QStringLiteral("Failed to delete all resource types, %1 remaining: %2")
                            .arg(messages.size())
                            .arg(messages.join(u", "_s))});
    }
    if (!totals.remainingByResource.isEmpty()) {
        QStringList parts;
        for (auto it = totals.remainingByResource.begin(); it != totals.remainingByResource.end(); ++it)
            parts << QStringLiteral("%1 has %2 resource instances").arg(it.key()).arg(it.value());
        parts.sort();
        failing.insert(u"NamespaceContentRemaining"_s,
                       {u"NamespaceContentRemaining"_s, u"True"_s, u"SomeResourcesRemain"_s,
                        u"Some resources are remaining: "_s + parts.join(u", "_s)});
    }
    if (!totals.remainingByFinalizer.isEmpty()) {
        QStringList parts;
        for (auto it = totals.remainingByFinalizer.begin(); it != totals.remainingByFinalizer.end(); ++it)
            parts << QStringLiteral("%1 in %2 resource instances").arg(it.key()).arg(it.value());
        parts.sort();
        failing.insert(u"NamespaceFinalizersRemaining"_s,
                       {u"NamespaceFinalizersRemaining"_s, u"True"_s, u"SomeFinalizerRemain"_s,
                        u"Some finalizers are remaining: "_s + parts.join(u", "_s)});
    }
    QJsonArray conditions = current;
    for (const ConditionDefault &entry : kConditionDefaults) {
        const QString type = QString::fromLatin1(entry.type);
        const ctrl::Condition wanted = failing.value(
            type, ctrl::Condition{type, u"False"_s, QString::fromLatin1(entry.okReason), QString::fromLatin1(entry.okMessage)});
        ctrl::setCondition(conditions, wanted, now, ctrl::ConditionStyle::Plain);
    }
    return conditions;
}

} // namespace

NamespaceController::NamespaceController(ControllerContext *context, QObject *parent)
    : Reconciler(context, parent), m_rootCaPem(QByteArray(kPlaceholderCa))
{
}

QStringList NamespaceController::initialKeys() const
{
    QStringList keys;
    const QList<ObjectRef> namespaces = m_ctx->store()->list(m_ctx->types.namespaces.storageKey());
    for (const ObjectRef &ns : namespaces)
        keys << nameOf(ns->object);
    return keys;
}

bool NamespaceController::namespaceIsTerminating(const QString &namespaceName) const
{
    const ObjectRef ns = m_ctx->store()->get(m_ctx->types.namespaces.storageKey(), {}, namespaceName);
    return ns && ctrl::isDeleting(ns->object);
}

void NamespaceController::observe(const StoreEvent &event)
{
    if (event.storageKey == m_ctx->types.namespaces.storageKey()) {
        if (event.type != StoreEventType::Deleted)
            enqueue(event.key);
        return;
    }
    const QString namespaceName = namespaceOfKey(event.key);
    if (namespaceName.isEmpty())
        return;
    if (namespaceIsTerminating(namespaceName)) {
        enqueue(namespaceName);
        return;
    }
    // The service-account and root-CA publishers put back what someone removed or changed.
    const QString name = nameOfKey(event.key);
    if ((event.storageKey == m_ctx->types.serviceAccounts.storageKey() && name == "default"_L1
         && event.type == StoreEventType::Deleted)
        || (event.storageKey == m_ctx->types.configMaps.storageKey() && name == kRootCaName)) {
        enqueue(namespaceName);
    }
}

void NamespaceController::reconcile(const QString &key)
{
    const ObjectRef ns = m_ctx->objects->get(m_ctx->types.namespaces, {}, key);
    if (!ns)
        return;
    if (ctrl::isDeleting(ns->object)) {
        terminate(ns->object);
        return;
    }
    settle(key, populate(key));
}

bool NamespaceController::populate(const QString &namespaceName)
{
    bool ok = true;
    WriteOptions options;
    options.fieldManager = ctrl::kControllerManager;
    if (!m_ctx->objects->get(m_ctx->types.serviceAccounts, namespaceName, u"default"_s)) {
        const QJsonObject account{{u"apiVersion"_s, u"v1"_s},
                                  {u"kind"_s, u"ServiceAccount"_s},
                                  {u"metadata"_s, QJsonObject{{u"name"_s, u"default"_s}}}};
        const auto created = m_ctx->objects->create(m_ctx->types.serviceAccounts, namespaceName, account, options);
        ok = ok && (created.hasValue() || created.error().code == 409);
    }
    const QJsonObject data{{u"ca.crt"_s, QString::fromUtf8(m_rootCaPem)}};
    const ObjectRef configMap = m_ctx->objects->get(m_ctx->types.configMaps, namespaceName, kRootCaName);
    if (!configMap) {
        const QJsonObject annotations{
            {u"kubernetes.io/description"_s,
             u"Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such "
             "as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across "
             "distributions of Kubernetes clusters."_s}};
        const QJsonObject object{{u"apiVersion"_s, u"v1"_s},
                                 {u"kind"_s, u"ConfigMap"_s},
                                 {u"metadata"_s, QJsonObject{{u"name"_s, kRootCaName}, {u"annotations"_s, annotations}}},
                                 {u"data"_s, data}};
        const auto created = m_ctx->objects->create(m_ctx->types.configMaps, namespaceName, object, options);
        ok = ok && (created.hasValue() || created.error().code == 409);
    } else if (configMap->object.value("data"_L1).toObject() != data) {
        const auto updated = m_ctx->objects->mutate(
            m_ctx->types.configMaps, namespaceName, kRootCaName,
            [&data](QJsonObject &object) {
                object.insert(u"data"_s, data);
                return true;
            },
            {}, ctrl::kControllerManager);
        ok = ok && updated.hasValue();
    }
    return ok;
}

void NamespaceController::terminate(const QJsonObject &namespaceObject)
{
    const QString namespaceName = nameOf(namespaceObject);
    QStringList specFinalizers;
    for (const QJsonValue &value : ctrl::specOf(namespaceObject).value("finalizers"_L1).toArray())
        specFinalizers << value.toString();
    if (!specFinalizers.contains(kNamespaceFinalizer))
        return; // our part is done; other finalizers belong to someone else

    ContentTotals totals;
    ObjectStore *store = m_ctx->store();
    const QStringList storageKeys = store->storageKeys();
    for (const QString &storageKey : storageKeys) {
        const auto type = m_ctx->objects->catalog()->findByStorageKey(storageKey);
        if (!type || !type->namespaced || !type->allows(u"delete"_s))
            continue;
        const QList<ObjectRef> items = store->list(storageKey, namespaceName);
        bool failed = false;
        for (const ObjectRef &item : items) {
            if (ctrl::isDeleting(item->object))
                continue;
            DeleteOptions options;
            options.propagationPolicy = u"Background"_s;
            const auto removed = m_ctx->objects->remove(*type, namespaceName, nameOf(item->object), options);
            if (!removed && removed.error().code != 404 && !failed) {
                totals.deleteErrors << removed.error().message;
                failed = true;
            }
        }
        const QList<ObjectRef> remaining = store->list(storageKey, namespaceName);
        if (remaining.isEmpty())
            continue;
        totals.anyRemaining = true;
        totals.remainingByResource.insert(type->plural + QLatin1Char('.') + type->group,
                                          static_cast<int>(remaining.size()));
        bool anyFinalizer = false;
        bool gracefulPods = false;
        for (const ObjectRef &item : remaining) {
            const QStringList finalizers = ctrl::finalizerList(item->object);
            for (const QString &finalizer : finalizers)
                totals.remainingByFinalizer[finalizer] += 1;
            anyFinalizer = anyFinalizer || !finalizers.isEmpty();
            gracefulPods = gracefulPods || item->object.value("kind"_L1).toString() == "Pod"_L1;
        }
        if (!anyFinalizer && !gracefulPods && !failed) {
            totals.deleteErrors << QStringLiteral("unexpected items still remain in namespace: %1 for gvr: %2")
                                       .arg(namespaceName, groupVersionResource(*type));
        }
    }

    const QString now = ctrl::timestamp(m_ctx->objects->now());
    const auto statusWritten = m_ctx->objects->mutate(
        m_ctx->types.namespaces, {}, namespaceName,
        [&](QJsonObject &object) {
            QJsonObject status = ctrl::statusOf(object);
            const QJsonArray before = status.value("conditions"_L1).toArray();
            const QJsonArray after = namespaceConditions(before, totals, now);
            if (before == after && status.value("phase"_L1).toString() == "Terminating"_L1)
                return false;
            status.insert(u"phase"_s, u"Terminating"_s);
            status.insert(u"conditions"_s, after);
            object.insert(u"status"_s, status);
            return true;
        },
        u"status"_s, ctrl::kControllerManager);
    if (!statusWritten) {
        if (statusWritten.error().code != 404)
            retryLater(namespaceName);
        return;
    }
    if (totals.anyRemaining || !totals.deleteErrors.isEmpty()) {
        // Graceful pod termination and other controllers' finalizers finish on their own;
        // commits in this namespace queue it again, the timer is the safety net.
        enqueueAfter(namespaceName, m_ctx->timing.namespaceRecheckMs);
        return;
    }
    const auto finalized = m_ctx->objects->mutate(
        m_ctx->types.namespaces, {}, namespaceName,
        [](QJsonObject &object) {
            QJsonObject spec = ctrl::specOf(object);
            QJsonArray kept;
            for (const QJsonValue &value : spec.value("finalizers"_L1).toArray()) {
                if (value.toString() != kNamespaceFinalizer)
                    kept.append(value);
            }
            spec.insert(u"finalizers"_s, kept);
            object.insert(u"spec"_s, spec);
            return true;
        },
        u"finalize"_s, ctrl::kControllerManager);
    settle(namespaceName, finalized || finalized.error().code == 404);
}

} // namespace fd::sim

#include "moc_NamespaceController.cpp"
