#pragma once

#include "fission/FissionTypes.h"

#include <QString>

class QMenu;
class QWidget;

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

// The tree's context-menu entries of the forms: "New …" on a tenant, "Edit…" and "Delete…" on
// the objects the forms handle. Each dialog opens non-modal, owns its backend and deletes itself
// on close. `object` null: a tenant node.
void addObjectFormActions(QMenu *menu, QWidget *parent, fd::engine::ClusterSession *session, const QString &namespaceName,
                          const fd::fission::ObjectRef *object);

} // namespace ui
} // namespace fd
