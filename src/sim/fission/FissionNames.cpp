#include "sim/fission/FissionNames.h"

#include "sim/controllers/ObjectHelpers.h"
#include "sim/core/ObjectMeta.h"

#include <algorithm>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

QString poolDeploymentName(const QString &envName, const QString &envNamespace, const QString &envResourceVersion)
{
    QString podName;
    if (envName.size() + envNamespace.size() < 37)
        podName = envName + QLatin1Char('-') + envNamespace;
    else
        podName = envName.left(18) + QLatin1Char('-') + envNamespace.left(18);
    return u"poolmgr-"_s + (podName + QLatin1Char('-') + envResourceVersion).toLower();
}

QString functionObjectName(const QString &prefix, const QString &fnName, const QString &fnNamespace,
                           const QString &fnUid)
{
    QString name = fnName;
    QString ns = fnNamespace;
    if (name.size() + ns.size() >= 35) {
        name = name.left(17);
        ns = ns.left(17);
    }
    const QString uidTail = fnUid.size() > 17 ? fnUid.right(17) : fnUid;
    return (prefix + QLatin1Char('-') + name + QLatin1Char('-') + ns + QLatin1Char('-') + uidTail).toLower();
}

QString builderName(const QString &envName, const QString &envResourceVersion)
{
    return envName + QLatin1Char('-') + envResourceVersion;
}

QJsonObject poolLabels(const QJsonObject &environment)
{
    QJsonObject labels = labelsOf(environment);
    labels.insert(kExecutorType, kPoolmgr);
    labels.insert(kEnvironmentName, nameOf(environment));
    labels.insert(kEnvironmentNamespace, namespaceOf(environment));
    labels.insert(kEnvironmentUid, uidOf(environment));
    labels.insert(kManaged, u"true"_s);
    return labels;
}

QJsonObject builderLabels(const QString &envName, const QString &builderNamespace, const QString &envResourceVersion)
{
    return {{kEnvName, envName},
            {kEnvNamespace, builderNamespace},
            {kEnvResourceVersion, envResourceVersion},
            {kOwner, kBuilderManagerOwner}};
}

int environmentVersion(const QJsonObject &environment)
{
    return ctrl::specOf(environment).value("version"_L1).toInt(1);
}

QString builderImage(const QJsonObject &environment)
{
    if (environmentVersion(environment) == 1)
        return {};
    return ctrl::text(ctrl::child(ctrl::specOf(environment), "builder"_L1), "image"_L1);
}

int environmentPoolSize(const QJsonObject &environment)
{
    if (environmentVersion(environment) < 3)
        return 3;
    return std::max(0, ctrl::specOf(environment).value("poolsize"_L1).toInt(0));
}

QString executorTypeOf(const QJsonObject &function)
{
    const QJsonObject strategy = ctrl::child(ctrl::child(ctrl::specOf(function), "InvokeStrategy"_L1),
                                             "ExecutionStrategy"_L1);
    const QString type = ctrl::text(strategy, "ExecutorType"_L1);
    return type.isEmpty() ? kPoolmgr : type;
}

int functionIdleTimeoutSeconds(const QJsonObject &function)
{
    const QJsonValue value = ctrl::specOf(function).value("idletimeout"_L1);
    return value.isDouble() ? std::max(0, value.toInt()) : 120;
}

} // namespace fd::sim::fission
