#pragma once

#include "fission/Finding.h"

#include <QString>

namespace fd {
namespace ui {

// How a fix action is carried out from the diagnostics panel.
enum class FixRoute {
    Session, // the cluster's session runs it (a command)
    Inspect, // the UI itself shows the object
    Hidden,  // nothing can carry it out here: not shown
};
FixRoute fixRoute(const fd::fission::FixAction &action, bool sessionSupports);

// The object an InspectObjectAction points at (null ref otherwise).
fd::fission::ObjectRef inspectTarget(const fd::fission::FixAction &action);

// What the session must be allowed to do for an action: verb, group, resource, namespace;
// empty resource when no check applies.
struct RequiredPermission {
    QString verb;
    QString group;
    QString resource;
    QString namespaceName;
    // "update packages.fission.io/status in test" (translated), for the disabled button's tooltip.
    QString describe() const;
};
RequiredPermission requiredPermission(const fd::fission::FixAction &action);

} // namespace ui
} // namespace fd
