#pragma once

#include <Qt>

namespace fd {
namespace ui {

// Item roles of the cluster tree, shared by the model, the proxy, the delegate and the panes.
enum TreeRole {
    NodeTypeRole = Qt::UserRole + 1, // int(NodeType)
    ContextRole,                     // the kubeconfig context
    NamespaceRole,                   // tenant namespace ("" for a context)
    ObjectGroupRole,                 // API group of an object row
    ObjectKindRole,                  // Kubernetes kind of an object row ("Package"); the group id for group rows
    ObjectNameRole,
    StatusIdRole,                    // stable status id: "served", "failed", "live", …
    SeverityRole,                    // -1 none, else int(fission::Severity) of the worst finding
    CountRole,                       // -1: no badge
    FilterTextRole,                  // what the filter box matches: name, kind and status
    IconIdRole,                      // "ok", "warning", "error", "pending", "offline", "unknown"
};

enum class NodeType { Root, Context, Tenant, Group, Object };

} // namespace ui
} // namespace fd
