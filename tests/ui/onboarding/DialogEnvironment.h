#pragma once

#include "OnboardingTestSupport.h"

#include "kube/config/KubeconfigLoader.h"
#include "kube/transport/KubeSession.h"
#include "ui/onboarding/OnboardingEnvironment.h"

#include <memory>

namespace fd::test {

// The onboarding dialogs' environment for a harness cluster, shared by the GUI onboarding tests:
// the connection comes from the harness' kubeconfig context (read when the dialog connects), helm
// from the harness' settings (real helm, the emulator's kubeconfig). The name shown is "demo".
inline fd::ui::OnboardingEnvironment dialogEnvironment(OnboardingCluster &cluster, const QString &helm)
{
    fd::ui::OnboardingEnvironment env;
    env.contextName = QStringLiteral("demo");
    const QString kubeconfig = cluster.kubeconfigPath();
    env.openSession = [kubeconfig]() -> fd::Expected<std::unique_ptr<fd::kube::KubeSession>, QString> {
        fd::kube::LoadOptions options;
        options.explicitFile = kubeconfig;
        options.checkExecCommands = false;
        const fd::kube::KubeconfigSet set = fd::kube::KubeconfigLoader::load(options);
        const fd::kube::ContextEntry *context = set.context(QStringLiteral("referee"));
        if (!context)
            return fd::Unexpected(QStringLiteral("no context referee"));
        auto session = fd::kube::KubeSession::fromContext(*context);
        if (!session)
            return fd::Unexpected(session.error().message);
        return std::move(session.value());
    };
    env.helm = cluster.helmSettings(helm);
    return env;
}

} // namespace fd::test
