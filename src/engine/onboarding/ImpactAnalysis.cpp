#include "engine/onboarding/ImpactAnalysis.h"

#include "engine/onboarding/OnboardingTr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

bool isWorkloadKind(const QString &kind)
{
    return kind == u"Deployment"_s || kind == u"DaemonSet"_s;
}

bool isRbacKind(const QString &kind)
{
    return kind == u"Role"_s || kind == u"RoleBinding"_s || kind == u"ClusterRole"_s || kind == u"ClusterRoleBinding"_s;
}

// YAML typing may turn `value: 8888` into a number; the API server always has strings.
QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    default:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
}

QJsonObject podTemplate(const QJsonObject &workload)
{
    return workload.value(u"spec"_s).toObject().value(u"template"_s).toObject();
}

QJsonArray containersOf(const QJsonObject &workload)
{
    return podTemplate(workload).value(u"spec"_s).toObject().value(u"containers"_s).toArray();
}

QHash<QString, QString> imagesOf(const QJsonObject &workload)
{
    QHash<QString, QString> images;
    for (const QJsonValue &container : containersOf(workload))
        images.insert(container[u"name"_s].toString(), container[u"image"_s].toString());
    return images;
}

QHash<QString, QString> templateAnnotations(const QJsonObject &workload)
{
    QHash<QString, QString> annotations;
    const QJsonObject map = podTemplate(workload).value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
    for (auto it = map.begin(); it != map.end(); ++it)
        annotations.insert(it.key(), scalarText(it.value()));
    return annotations;
}

QList<EnvChange> envDiff(const QJsonObject &live, const QJsonObject &rendered)
{
    QList<EnvChange> changes;
    const auto before = templateEnv(live);
    const auto after = templateEnv(rendered);
    QStringList containers = after.keys();
    std::sort(containers.begin(), containers.end());
    for (const QString &container : containers) {
        const QHash<QString, QString> oldEnv = before.value(container);
        const QHash<QString, QString> newEnv = after.value(container);
        QStringList names = newEnv.keys();
        for (const QString &name : oldEnv.keys()) {
            if (!newEnv.contains(name))
                names.append(name);
        }
        std::sort(names.begin(), names.end());
        for (const QString &name : names) {
            const std::optional<QString> was = oldEnv.contains(name) ? std::optional(oldEnv.value(name)) : std::nullopt;
            const std::optional<QString> will = newEnv.contains(name) ? std::optional(newEnv.value(name)) : std::nullopt;
            if (was != will)
                changes.append({container, name, was, will});
        }
    }
    return changes;
}

QStringList otherDiff(const QJsonObject &live, const QJsonObject &rendered)
{
    QStringList changes;
    const auto oldImages = imagesOf(live);
    const auto newImages = imagesOf(rendered);
    for (auto it = newImages.begin(); it != newImages.end(); ++it) {
        if (oldImages.contains(it.key()) && oldImages.value(it.key()) != it.value())
            changes.append(OnboardingText::tr("image of %1: %2 -> %3").arg(it.key(), oldImages.value(it.key()), it.value()));
    }
    const auto oldAnnotations = templateAnnotations(live);
    const auto newAnnotations = templateAnnotations(rendered);
    QStringList keys = newAnnotations.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys) {
        if (oldAnnotations.value(key) != newAnnotations.value(key))
            changes.append(OnboardingText::tr("pod template annotation %1").arg(key));
    }
    return changes;
}

} // namespace

QHash<QString, QHash<QString, QString>> templateEnv(const QJsonObject &workload)
{
    QHash<QString, QHash<QString, QString>> result;
    for (const QJsonValue &container : containersOf(workload)) {
        QHash<QString, QString> env;
        for (const QJsonValue &entry : container[u"env"_s].toArray()) {
            const QJsonObject variable = entry.toObject();
            const QString text = variable.contains(u"valueFrom"_s)
                ? u"valueFrom:"_s + scalarText(variable.value(u"valueFrom"_s))
                : scalarText(variable.value(u"value"_s));
            env.insert(variable.value(u"name"_s).toString(), text);
        }
        result.insert(container[u"name"_s].toString(), env);
    }
    return result;
}

QStringList PlanImpact::rollingNames() const
{
    QStringList names;
    for (const WorkloadRoll &roll : rolling) {
        if (!roll.created && !roll.deleted)
            names.append(roll.name);
    }
    return names;
}

QList<RbacChange> PlanImpact::rbacIn(const QString &namespaceName) const
{
    QList<RbacChange> changes;
    for (const RbacChange &change : rbac) {
        if (change.namespaceName == namespaceName)
            changes.append(change);
    }
    return changes;
}

PlanImpact analyzeImpact(const ImpactInputs &inputs)
{
    PlanImpact impact;
    impact.adoptExistingResources = inputs.adoptExistingResources;
    impact.functionPodsTotal = inputs.functionPods;

    QHash<QString, QJsonObject> live; // "Kind/name"
    for (const fd::kube::KubeObject &object : inputs.liveWorkloads)
        live.insert(object.kind() + u'/' + object.name(), object.toJsonObject());

    QSet<QString> renderedKeys;
    for (const ManifestObject &object : inputs.rendered) {
        if (object.isHook()) {
            // Only hook Jobs that run during an upgrade are steps the admin sees; their RBAC and
            // install-only hooks are not.
            const QStringList events = object.hookEvents();
            if (object.kind() == u"Job"_s && (events.contains(u"pre-upgrade"_s) || events.contains(u"post-upgrade"_s)))
                impact.hooks.append({object.kind(), object.name(), events});
            continue;
        }
        renderedKeys.insert(object.key());
        if (!isWorkloadKind(object.kind()))
            continue;
        const QString liveKey = object.kind() + u'/' + object.name();
        if (!live.contains(liveKey)) {
            impact.rolling.append({object.kind(), object.name(), {}, {}, true, false});
            continue;
        }
        WorkloadRoll roll{object.kind(), object.name(), envDiff(live.value(liveKey), object.object),
                          otherDiff(live.value(liveKey), object.object), false, false};
        if (!roll.envChanges.isEmpty() || !roll.otherChanges.isEmpty())
            impact.rolling.append(roll);
    }

    QSet<QString> deployedKeys;
    for (const ManifestObject &object : inputs.deployed) {
        if (object.isHook())
            continue;
        deployedKeys.insert(object.key());
        if (isWorkloadKind(object.kind()) && !renderedKeys.contains(object.key()))
            impact.rolling.append({object.kind(), object.name(), {}, {}, false, true});
        if (isRbacKind(object.kind()) && !renderedKeys.contains(object.key()))
            impact.rbac.append({RbacChange::Action::Delete, object.kind(), object.namespaceName(), object.name()});
    }
    for (const ManifestObject &object : inputs.rendered) {
        if (!object.isHook() && isRbacKind(object.kind()) && !deployedKeys.contains(object.key()))
            impact.rbac.append({RbacChange::Action::Create, object.kind(), object.namespaceName(), object.name()});
    }
    std::sort(impact.rbac.begin(), impact.rbac.end(), [](const RbacChange &a, const RbacChange &b) {
        return std::tie(a.namespaceName, a.action, a.kind, a.name) < std::tie(b.namespaceName, b.action, b.kind, b.name);
    });
    std::sort(impact.rolling.begin(), impact.rolling.end(),
              [](const WorkloadRoll &a, const WorkloadRoll &b) { return std::tie(a.kind, a.name) < std::tie(b.kind, b.name); });

    const bool executorRolls = std::any_of(impact.rolling.cbegin(), impact.rolling.cend(), [](const WorkloadRoll &roll) {
        return roll.name == u"executor"_s && !roll.created && !roll.deleted;
    });
    impact.functionPodsRecycled = executorRolls && !inputs.adoptExistingResources ? inputs.functionPods : 0;
    return impact;
}

} // namespace fd::engine::onboarding
