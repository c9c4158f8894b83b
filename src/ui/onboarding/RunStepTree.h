#pragma once

#include "engine/onboarding/StepRunner.h"

#include <QList>
#include <QString>

class QTreeWidget;

// How a run's steps look in the onboarding and the offboarding dialogs, so that a step looks the
// same in both.

namespace fd {
namespace ui {

// The status icon id (statusIcon()) of a step in this state.
QString stepIconId(fd::engine::onboarding::StepState state);

// Shows `steps` in `tree`, one row each (title with its icon; the message, secrets redacted, in
// column 1 and its tooltip), reusing the rows already there. Each row carries the step's id
// (Qt::UserRole) and its state id (Qt::UserRole + 1).
void showRunSteps(QTreeWidget *tree, const QList<fd::engine::onboarding::RunStep> &steps);

} // namespace ui
} // namespace fd
