#include "sim/controllers/ContainerBehavior.h"

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

class DefaultBehavior final : public ContainerBehavior {
public:
    ContainerPlan plan(const ContainerContext &context, const SimTiming &timing) const override
    {
        return ContainerBehaviors::defaultPlan(context, timing);
    }
};

class PullFailureBehavior final : public ContainerBehavior {
public:
    ContainerPlan plan(const ContainerContext &context, const SimTiming &) const override
    {
        // containerd's answer for a repository that does not exist.
        const QString reference = normalizedImageName(context.image);
        ContainerPlan plan;
        plan.pullError = QStringLiteral("rpc error: code = NotFound desc = failed to pull and unpack image \"%1\": "
                                        "failed to resolve reference \"%1\": %1: not found")
                             .arg(reference);
        return plan;
    }
};

class CrashLoopBehavior final : public ContainerBehavior {
public:
    ContainerPlan plan(const ContainerContext &context, const SimTiming &timing) const override
    {
        ContainerPlan plan;
        plan.startupLines << QByteArrayLiteral("starting up")
                          << QStringLiteral("attempt %1").arg(context.restartCount + 1).toUtf8();
        plan.exitLines << QByteArrayLiteral("fatal: simulated crash, exiting with code 1");
        plan.exitCode = 1;
        plan.exitAfterMs = timing.crashAfterMs;
        return plan;
    }
};

} // namespace

ContainerBehaviors::ContainerBehaviors()
{
    add([](const QString &) { return true; }, std::make_shared<DefaultBehavior>());
    add([](const QString &image) { return image.contains("does-not-exist"_L1); }, std::make_shared<PullFailureBehavior>());
    add([](const QString &image) { return image.contains("crashloop"_L1); }, std::make_shared<CrashLoopBehavior>());
}

void ContainerBehaviors::add(ImagePredicate predicate, std::shared_ptr<const ContainerBehavior> behavior)
{
    if (predicate && behavior)
        m_entries.push_back(Entry{std::move(predicate), std::move(behavior)});
}

ContainerPlan ContainerBehaviors::planFor(const ContainerContext &context, const SimTiming &timing) const
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->predicate(context.image))
            return it->behavior->plan(context, timing);
    }
    return defaultPlan(context, timing);
}

ContainerPlan ContainerBehaviors::defaultPlan(const ContainerContext &context, const SimTiming &timing)
{
    ContainerPlan plan;
    plan.startupLines << QStringLiteral("[sim] container %1 started (image %2)")
                             .arg(context.containerName, context.image)
                             .toUtf8();
    const bool runsToCompletion = context.initContainer || context.restartPolicy == "Never"_L1
        || context.restartPolicy == "OnFailure"_L1;
    if (runsToCompletion) {
        plan.exitCode = 0;
        plan.exitAfterMs = timing.jobRunTimeMs;
        plan.exitLines << QStringLiteral("[sim] container %1 completed").arg(context.containerName).toUtf8();
        // A run-to-completion workload killed by SIGTERM did not finish its work.
        plan.terminationExitCode = 143;
    }
    if (timing.periodicLogIntervalMs > 0) {
        plan.periodicIntervalMs = timing.periodicLogIntervalMs;
        const QString name = context.containerName;
        plan.periodicLine = [name](int tick) {
            return QStringLiteral("[sim] container %1 heartbeat %2").arg(name).arg(tick).toUtf8();
        };
    }
    return plan;
}

QString normalizedImageName(const QString &image)
{
    QString name = image;
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    const QString digest = at >= 0 ? name.mid(at) : QString();
    if (at >= 0)
        name = name.left(at);
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    const QString firstPart = slash < 0 ? QString() : name.left(slash);
    const bool hasRegistry = slash >= 0
        && (firstPart.contains(QLatin1Char('.')) || firstPart.contains(QLatin1Char(':')) || firstPart == "localhost"_L1);
    if (!hasRegistry)
        name = (slash < 0 ? u"docker.io/library/"_s : u"docker.io/"_s) + name;
    const qsizetype lastSlash = name.lastIndexOf(QLatin1Char('/'));
    if (digest.isEmpty() && name.indexOf(QLatin1Char(':'), lastSlash + 1) < 0)
        name += ":latest"_L1;
    return name + digest;
}

} // namespace fd::sim
