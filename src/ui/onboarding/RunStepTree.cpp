#include "RunStepTree.h"

#include "kube/config/Redaction.h"
#include "ui/StatusIcons.h"

#include <QTreeWidget>

namespace onb = fd::engine::onboarding;

namespace fd {
namespace ui {

QString stepIconId(onb::StepState state)
{
    switch (state) {
    case onb::StepState::Pending: return QStringLiteral("unknown");
    case onb::StepState::Running: return QStringLiteral("pending");
    case onb::StepState::Done: return QStringLiteral("ok");
    case onb::StepState::Failed: return QStringLiteral("error");
    case onb::StepState::Skipped: return QStringLiteral("info");
    case onb::StepState::Cancelled: return QStringLiteral("warning");
    }
    return QStringLiteral("unknown");
}

void showRunSteps(QTreeWidget *tree, const QList<onb::RunStep> &steps)
{
    while (tree->topLevelItemCount() > steps.size())
        delete tree->takeTopLevelItem(tree->topLevelItemCount() - 1);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(int(i));
        if (!item)
            item = new QTreeWidgetItem(tree);
        const onb::RunStep &step = steps.at(i);
        item->setText(0, step.title);
        item->setIcon(0, statusIcon(stepIconId(step.state)));
        item->setData(0, Qt::UserRole, step.id);
        item->setData(0, Qt::UserRole + 1, onb::stepStateId(step.state));
        const QString message = fd::kube::redactSecrets(step.message);
        item->setText(1, message);
        item->setToolTip(1, message);
    }
}

} // namespace ui
} // namespace fd
