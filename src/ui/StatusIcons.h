#pragma once

#include <QIcon>
#include <QString>

namespace fd {
namespace ui {

// The SVG status icon for an icon id ("ok", "warning", "error", "info", "pending", "unknown",
// "connected", "offline"); cached, so rows share one QIcon.
QIcon statusIcon(const QString &iconId);
// An action icon ("copy", "refresh") from the same resources.
QIcon actionIcon(const QString &name);

} // namespace ui
} // namespace fd
