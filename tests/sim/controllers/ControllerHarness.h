#pragma once

#include "sim/api/LogStore.h"
#include "sim/api/ObjectService.h"
#include "sim/api/ObjectStore.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/controllers/ControllerManager.h"
#include "sim/controllers/ObjectHelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>
#include <memory>

namespace fd::sim::test {

inline QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("test JSON does not parse: %s", qPrintable(error.errorString()));
    return document.object();
}

// An in-process cluster without HTTP: store, catalog, write path, logs and the simulated
// control plane with millisecond timings. The "default" namespace exists and is populated.
class ControllerHarness {
public:
    explicit ControllerHarness(const SimTiming &timing = SimTiming::fast(), const QStringList &nodes = {})
        : objects(&store, &catalog)
    {
        manager = std::make_unique<ControllerManager>(&objects, &logs, timing);
        if (!nodes.isEmpty())
            manager->setNodeNames(nodes);
        manager->start();
        createNamespace(QStringLiteral("default"));
    }

    ResourceType type(const char *group, const char *kind) const
    {
        return catalog.findByKind(QString::fromLatin1(group), QString::fromLatin1(kind)).value_or(ResourceType());
    }

    // Creates an object; an empty object (and a warning) when the API refuses it.
    QJsonObject create(const char *group, const char *kind, const QString &ns, const QJsonObject &object)
    {
        WriteOptions options;
        options.fieldManager = QStringLiteral("kubectl");
        const auto result = objects.create(type(group, kind), ns, object, options);
        if (!result) {
            qWarning("create %s failed: %s", kind, qPrintable(result.error().message));
            return {};
        }
        return result->object->object;
    }

    std::optional<ApiError> tryCreate(const char *group, const char *kind, const QString &ns, const QJsonObject &object)
    {
        WriteOptions options;
        options.fieldManager = QStringLiteral("kubectl");
        const auto result = objects.create(type(group, kind), ns, object, options);
        if (result)
            return std::nullopt;
        return result.error();
    }

    QJsonObject get(const char *group, const char *kind, const QString &ns, const QString &name) const
    {
        const ObjectRef object = objects.get(type(group, kind), ns, name);
        return object ? object->object : QJsonObject();
    }

    bool exists(const char *group, const char *kind, const QString &ns, const QString &name) const
    {
        return objects.get(type(group, kind), ns, name) != nullptr;
    }

    QList<QJsonObject> list(const char *group, const char *kind, const QString &ns = {}) const
    {
        QList<QJsonObject> result;
        for (const ObjectRef &object : store.list(type(group, kind).storageKey(), ns))
            result.append(object->object);
        return result;
    }

    bool update(const char *group, const char *kind, const QString &ns, const QString &name,
                const std::function<void(QJsonObject &)> &change, const QString &subresource = {})
    {
        const auto result = objects.mutate(
            type(group, kind), ns, name,
            [&change](QJsonObject &object) {
                change(object);
                return true;
            },
            subresource, QStringLiteral("kubectl"));
        return result.hasValue();
    }

    bool remove(const char *group, const char *kind, const QString &ns, const QString &name,
                const QString &policy = {}, std::optional<qint64> grace = std::nullopt)
    {
        DeleteOptions options;
        options.propagationPolicy = policy;
        options.gracePeriodSeconds = grace;
        return objects.remove(type(group, kind), ns, name, options).hasValue();
    }

    QList<QJsonObject> events(const QString &ns, const QString &involvedName = {}, const QString &reason = {}) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &event : list("", "Event", ns)) {
            const QJsonObject involved = event.value(QLatin1String("involvedObject")).toObject();
            if (!involvedName.isEmpty() && involved.value(QLatin1String("name")).toString() != involvedName)
                continue;
            if (!reason.isEmpty() && event.value(QLatin1String("reason")).toString() != reason)
                continue;
            result.append(event);
        }
        return result;
    }

    bool hasEvent(const QString &ns, const QString &reason, const QString &messagePart) const
    {
        for (const QJsonObject &event : events(ns, {}, reason)) {
            if (event.value(QLatin1String("message")).toString().contains(messagePart))
                return true;
        }
        return false;
    }

    // Pods of a namespace whose labels contain `key=value` (all pods when key is empty).
    QList<QJsonObject> pods(const QString &ns, const QString &key = {}, const QString &value = {}) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &pod : list("", "Pod", ns)) {
            if (key.isEmpty() || labelsOf(pod).value(key).toString() == value)
                result.append(pod);
        }
        return result;
    }

    bool createNamespace(const QString &name)
    {
        create("", "Namespace", {}, QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}});
        return QTest::qWaitFor([&] { return exists("", "ServiceAccount", name, QStringLiteral("default")); }, 5000);
    }

    ObjectStore store;
    ResourceCatalog catalog;
    ObjectService objects;
    LogStore logs;
    std::unique_ptr<ControllerManager> manager;
};

inline QJsonObject statusOf(const QJsonObject &object)
{
    return object.value(QLatin1String("status")).toObject();
}

inline QString conditionField(const QJsonObject &object, const QString &type, const char *field)
{
    return ctrl::findCondition(statusOf(object).value(QLatin1String("conditions")).toArray(), type)
        .value(QLatin1String(field))
        .toString();
}

// kstatus' verdict for a Deployment (fluxcd/cli-utils status/core.go): Current when the
// generation is observed, every counter equals spec.replicas, Available is True and
// Progressing says NewReplicaSetAvailable.
inline bool deploymentIsCurrent(const QJsonObject &deployment)
{
    const QJsonObject status = statusOf(deployment);
    const int replicas = deployment.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(1);
    const qint64 generation = metadataOf(deployment).value(QLatin1String("generation")).toInteger();
    return !metadataOf(deployment).contains(QLatin1String("deletionTimestamp"))
        && status.value(QLatin1String("observedGeneration")).toInteger() == generation
        && status.value(QLatin1String("replicas")).toInt() == replicas
        && status.value(QLatin1String("updatedReplicas")).toInt() == replicas
        && status.value(QLatin1String("readyReplicas")).toInt() == replicas
        && status.value(QLatin1String("availableReplicas")).toInt() == replicas
        && conditionField(deployment, QStringLiteral("Available"), "status") == QLatin1String("True")
        && conditionField(deployment, QStringLiteral("Progressing"), "reason") == QLatin1String("NewReplicaSetAvailable");
}

} // namespace fd::sim::test
