#pragma once

#include "engine/onboarding/StepRunner.h"

#include <QString>

namespace fd::ui {

// The status icon id (statusIcon()) a run's step shows, shared by the onboarding and the
// offboarding dialogs so that a step looks the same in both.
inline QString stepIconId(fd::engine::onboarding::StepState state)
{
    using fd::engine::onboarding::StepState;
    switch (state) {
    case StepState::Pending: return QStringLiteral("unknown");
    case StepState::Running: return QStringLiteral("pending");
    case StepState::Done: return QStringLiteral("ok");
    case StepState::Failed: return QStringLiteral("error");
    case StepState::Skipped: return QStringLiteral("info");
    case StepState::Cancelled: return QStringLiteral("warning");
    }
    return QStringLiteral("unknown");
}

} // namespace fd::ui
