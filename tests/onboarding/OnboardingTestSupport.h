#pragma once

#include "RefereeHarness.h"

#include "engine/onboarding/ClusterProbe.h"
#include "helm/HelmRunner.h"
#include "kube/transport/KubeSession.h"

#include <QString>

#include <memory>
#include <optional>

// Shared by the onboarding tests: an emulator cluster with a profile, a KubeSession to it on the
// test's thread (as the CLI has it) and helm settings that point real helm at it.
namespace fd::test {

class OnboardingCluster {
public:
    // `profile`: "demo", "demo-modern". Plain HTTP (helm and the client act as the administrator).
    explicit OnboardingCluster(const QString &profile);
    ~OnboardingCluster();

    bool start(QString *error);
    RefereeHarness &harness() { return *m_harness; }
    fd::kube::KubeSession &session() { return *m_session; }
    fd::kube::RestClient *rest() const;
    QString kubeconfigPath() const { return m_harness->kubeconfigPath(); }
    // Helm settings for `helm` (path of the binary) against this cluster.
    fd::helm::HelmRunnerSettings helmSettings(const QString &helm) const;

    // Blocking helpers (they spin the event loop; generous timeouts).
    std::optional<fd::engine::onboarding::ClusterFacts> probe(QString *error = nullptr);
    std::optional<QJsonObject> getJson(const QString &path);
    // GET `path`; the HTTP status (0 when no answer), e.g. through the router's service proxy.
    int getStatus(const QString &path);

private:
    QString m_profile;
    std::unique_ptr<RefereeHarness> m_harness;
    std::unique_ptr<fd::kube::KubeSession> m_session;
};

// helm from FD_TOOLS_DIR, PATH or build/tools; empty when absent.
QString findHelm();
// The real fission-all 1.20.5 chart in ../shared/fixtures; empty when absent.
QString realFissionChart();

} // namespace fd::test
