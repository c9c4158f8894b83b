#include "sim/fission/FissionBehaviors.h"

#include "sim/controllers/ContainerBehavior.h"
#include "sim/core/ObjectMeta.h"
#include "sim/fission/ComponentInstance.h"
#include "sim/fission/FissionLog.h"

#include <QJsonArray>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

// The component a fission-bundle container runs, from its flags (the chart's args).
QString componentOf(const QJsonObject &container, const QJsonObject &pod)
{
    static const QList<QPair<QString, QString>> flags{
        {u"--executorPort"_s, u"executor"_s},   {u"--routerPort"_s, u"router"_s},
        {u"--builderMgr"_s, u"buildermgr"_s},   {u"--kubewatcher"_s, u"kubewatcher"_s},
        {u"--timer"_s, u"timer"_s},             {u"--storageServicePort"_s, u"storagesvc"_s},
        {u"--webhookPort"_s, u"webhook"_s},     {u"--tenantController"_s, u"tenantcontroller"_s},
        {u"--mqt_keda"_s, u"mqtrigger-keda"_s}, {u"--mqt"_s, u"mqtrigger"_s},
        {u"--canaryConfig"_s, u"canaryconfig"_s}};
    QStringList args;
    for (const QJsonValue &value : container.value("args"_L1).toArray())
        args.append(value.toString());
    for (const auto &[flag, component] : flags) {
        if (args.contains(flag))
            return component;
    }
    const QString label = labelsOf(pod).value("svc"_L1).toString();
    return label.isEmpty() ? u"fission-bundle"_s : label;
}

QString tagOf(const QString &image)
{
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = image.indexOf(QLatin1Char(':'), slash + 1);
    return colon < 0 ? u"latest"_s : image.mid(colon + 1);
}

class FissionBundleBehavior final : public ContainerBehavior {
public:
    ContainerPlan plan(const ContainerContext &context, const SimTiming &timing) const override
    {
        ContainerPlan plan = ContainerBehaviors::defaultPlan(context, timing);
        plan.startupLines.clear();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString component = componentOf(context.container, context.pod);
        plan.startupLines << zapLine(u"info"_s, now, u"fission-bundle"_s, u"starting fission-bundle"_s,
                                     {{u"version"_s, tagOf(context.image)}, {u"component"_s, component}});
        // The namespaces come from this container's own env, as the process reads them.
        QJsonObject pod = context.pod;
        QJsonObject spec = pod.value("spec"_L1).toObject();
        spec.insert(u"containers"_s, QJsonArray{context.container});
        pod.insert(u"spec"_s, spec);
        const ComponentInstance self = componentInstanceFromPod(pod, {});
        if (self.env.contains(u"FISSION_RESOURCE_NAMESPACES"_s) || self.env.contains(u"FISSION_DEFAULT_NAMESPACE"_s)) {
            LogFields fields{{u"namespaces"_s, QJsonArray::fromStringList(self.seedNamespaces())},
                             {u"default_namespace"_s, self.defaultNamespace()},
                             {u"builder_namespace"_s, self.builderNamespace()},
                             {u"function_namespace"_s, self.functionNamespace()}};
            if (self.env.contains(u"FISSION_TENANCY_MODE"_s))
                fields.append(qMakePair(u"tenancy_mode"_s, QJsonValue(self.value(u"FISSION_TENANCY_MODE"_s))));
            plan.startupLines << zapLine(u"info"_s, now, component, u"watching fission resource namespaces"_s, fields);
        }
        if (component == "router"_L1)
            plan.startupLines << zapLine(u"info"_s, now, u"router"_s, u"starting router"_s, {{u"port"_s, 8888}});
        else if (component == "storagesvc"_L1)
            plan.startupLines << zapLine(u"info"_s, now, u"storagesvc"_s, u"starting storage service"_s,
                                         {{u"port"_s, 8000}});
        else if (component == "webhook"_L1)
            plan.startupLines << zapLine(u"info"_s, now, u"webhook"_s, u"starting webhook server"_s, {{u"port"_s, 9443}});
        return plan;
    }
};

class FetcherBehavior final : public ContainerBehavior {
public:
    ContainerPlan plan(const ContainerContext &context, const SimTiming &timing) const override
    {
        ContainerPlan plan = ContainerBehaviors::defaultPlan(context, timing);
        plan.startupLines = {zapLine(u"info"_s, QDateTime::currentDateTimeUtc(), u"fetcher"_s,
                                     u"fetcher ready to receive requests"_s, {{u"port"_s, 8000}})};
        return plan;
    }
};

} // namespace

void registerFissionBehaviors(ContainerBehaviors &behaviors)
{
    behaviors.add([](const QString &image) { return image.contains("fission-bundle"_L1); },
                  std::make_shared<FissionBundleBehavior>());
    behaviors.add([](const QString &image) { return image.contains("fission/fetcher"_L1); },
                  std::make_shared<FetcherBehavior>());
}

} // namespace fd::sim::fission
