#pragma once

#include "engine/ClusterSnapshot.h"
#include "fission/FissionTypes.h"

#include <QString>

// The details pane's overview as HTML (QTextBrowser): the fields that matter per kind, the
// conditions, and related objects as fd-object: links. Pure functions of the snapshot, so a new
// snapshot re-renders only when the text changes.

namespace fd {
namespace ui {

QString contextOverviewHtml(const fd::engine::ClusterSnapshot &snapshot);
QString tenantOverviewHtml(const fd::engine::ClusterSnapshot &snapshot, const QString &namespaceName);
// Empty when the object is not in the snapshot (deleted).
QString objectOverviewHtml(const fd::engine::ClusterSnapshot &snapshot, const fd::fission::ObjectRef &ref);

} // namespace ui
} // namespace fd
