#pragma once

#include "fission/FissionTypes.h"

#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

// The tree's context-menu entries of the troubleshooting views: "Why is this build not done?" on
// a Package, "Build board…" on a tenant, "Call function…" on a Function or an HTTPTrigger.
// `object` null: a tenant node. `showDiagnostics` shows a tenant's diagnostics (the call
// dialog's 404 link).
void addTroubleshootActions(QMenu *menu, QWidget *parent, fd::engine::ClusterSession *session, const QString &namespaceName,
                            const fd::fission::ObjectRef *object,
                            std::function<void(const QString &namespaceName)> showDiagnostics = {});

// The same actions, for buttons elsewhere (the details pane).
void openBuildTroubleshooter(QWidget *parent, fd::engine::ClusterSession *session, const QString &namespaceName,
                             const QString &packageName);

} // namespace ui
} // namespace fd
