#pragma once

#include "fission/FissionIndex.h"
#include "fission/FissionTypes.h"

#include <QString>
#include <QUrl>

// Finding typed objects by reference, and the links the details pane uses to name them.

namespace fd {
namespace ui {

// The typed object a reference names in the index, or nullptr (kinds the index does not hold).
const fd::fission::FissionObject *findObject(const fd::fission::FissionIndex &index, const fd::fission::ObjectRef &ref);

// "fd-object:fission.io/Package/team-a/hello" and back.
QUrl objectLink(const fd::fission::ObjectRef &ref);
bool parseObjectLink(const QUrl &url, fd::fission::ObjectRef *ref);

} // namespace ui
} // namespace fd
