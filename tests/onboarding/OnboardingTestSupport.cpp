#include "OnboardingTestSupport.h"

#include "TestSupport.h"

#include "engine/onboarding/KubeCalls.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/transport/RestClient.h"
#include "sim/cluster/SimProfiles.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;

namespace fd::test {

OnboardingCluster::OnboardingCluster(const QString &profile)
    : m_profile(profile)
    , m_harness(std::make_unique<RefereeHarness>(false))
{
}

OnboardingCluster::~OnboardingCluster()
{
    m_session.reset();
    m_harness.reset();
}

bool OnboardingCluster::start(QString *error)
{
    if (!m_harness->start(error))
        return false;
    QString applyError;
    const QString profile = m_profile;
    m_harness->host().run([&applyError, profile](fd::sim::SimCluster &cluster) {
        const auto applied = fd::sim::applyProfile(profile, cluster);
        if (!applied)
            applyError = applied.error();
    });
    if (!applyError.isEmpty()) {
        *error = applyError;
        return false;
    }
    fd::kube::LoadOptions options;
    options.explicitFile = m_harness->kubeconfigPath();
    options.checkExecCommands = false;
    const fd::kube::KubeconfigSet set = fd::kube::KubeconfigLoader::load(options);
    const fd::kube::ContextEntry *context = set.context(u"referee"_s);
    if (!context) {
        *error = u"the emulator's kubeconfig has no context referee"_s;
        return false;
    }
    auto session = fd::kube::KubeSession::fromContext(*context);
    if (!session) {
        *error = session.error().message;
        return false;
    }
    m_session = std::move(session.value());
    return true;
}

fd::kube::RestClient *OnboardingCluster::rest() const
{
    return m_session->rest();
}

fd::helm::HelmRunnerSettings OnboardingCluster::helmSettings(const QString &helm) const
{
    fd::helm::HelmRunnerSettings settings;
    settings.helmPath = helm;
    settings.environment = m_harness->environment();
    settings.environment.remove(u"KUBECONFIG"_s);
    settings.kubeconfigFiles = {m_harness->kubeconfigPath()};
    settings.kubeContext = u"referee"_s;
    settings.searchPaths.shell.clear();
    settings.searchPaths.loginShellPath = [] { return QStringList(); };
    return settings;
}

std::optional<fd::engine::onboarding::ClusterFacts> OnboardingCluster::probe(QString *error)
{
    fd::engine::onboarding::ClusterProbe probe(rest());
    probe.start();
    QDeadlineTimer deadline(120000);
    while (!probe.isFinished() && !deadline.hasExpired())
        QTest::qWait(20);
    if (!probe.isFinished()) {
        if (error)
            *error = u"probe timed out"_s;
        return std::nullopt;
    }
    if (!probe.result()) {
        if (error)
            *error = probe.result().error().message;
        return std::nullopt;
    }
    return probe.result().value();
}

std::optional<QJsonObject> OnboardingCluster::getJson(const QString &path)
{
    std::optional<QJsonObject> answer;
    bool done = false;
    QObject context;
    fd::engine::onboarding::getObject(rest(), &context, path, [&](const fd::engine::onboarding::ObjectResult &result) {
        if (result)
            answer = result->toJsonObject();
        done = true;
    });
    QDeadlineTimer deadline(60000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return answer;
}

int OnboardingCluster::getStatus(const QString &path)
{
    int status = -1;
    QObject context;
    fd::kube::KubeRequest request = fd::kube::KubeRequest::get(path);
    request.accept = "*/*";
    rest()->send(request, &context, [&status](const fd::kube::KubeResult &result) {
        status = result ? result->status : result.error().httpStatus;
    });
    QDeadlineTimer deadline(60000);
    while (status < 0 && !deadline.hasExpired())
        QTest::qWait(10);
    return std::max(status, 0);
}

QString findHelm()
{
    const QString tools = qEnvironmentVariable("FD_TOOLS_DIR", sourceDir() + u"/build/tools"_s);
    return QFileInfo(tools + u"/helm"_s).isExecutable() ? tools + u"/helm"_s : findTool(u"helm"_s);
}

QString realFissionChart()
{
    const QString shared = sharedDir();
    if (shared.isEmpty())
        return {};
    const QString chart = shared + u"/fixtures/charts/fission-all-v1.20.5"_s;
    return QFileInfo::exists(chart + u"/Chart.yaml"_s) ? chart : QString();
}

} // namespace fd::test
