#pragma once

#include <QCoreApplication>

// User-visible texts of the onboarding library, in translation context "OnboardingText".
namespace fd::engine::onboarding {

struct OnboardingText {
    Q_DECLARE_TR_FUNCTIONS(OnboardingText)
};

} // namespace fd::engine::onboarding
