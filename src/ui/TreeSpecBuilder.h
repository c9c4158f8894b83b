#pragma once

#include "engine/ClusterSnapshot.h"
#include "ClusterTreeModel.h"
#include "FindingLookup.h"

#include <QSet>
#include <QString>

// Turns a snapshot into the wanted shape of its subtree (what the model merges in). Texts are
// translated here; ordering is by key (tenants and objects by name, groups in a fixed order).

namespace fd {
namespace ui {

// Rows below tenants are built only for namespaces in `dirty` (or all with `everything`).
ClusterTreeModel::NodeSpec buildContextSpec(const fd::engine::ClusterSnapshot &snapshot, const FindingLookup &findings,
                                            const QSet<QString> &dirty, bool everything);
// The context row alone (its children left as they are).
ClusterTreeModel::NodeSpec buildContextRowSpec(const fd::engine::ClusterSnapshot &snapshot, const FindingLookup &findings);

// Translated display texts the other widgets share.
QString connectionStateText(fd::engine::ConnectionState state);
QString connectionStateIconId(fd::engine::ConnectionState state);
QString severityText(fd::fission::Severity severity);
QString severityIconId(int severity); // -1 → "ok"
QString buildStatusDisplay(fd::fission::BuildStatus status, const QString &asWritten);
QString executorTypeDisplay(fd::fission::ExecutorType type, const QString &asWritten);
// One line for the context row: "live · Fission 1.20.5 · legacy".
QString contextSummary(const fd::engine::ClusterSnapshot &snapshot);
// Why a tenant is not (fully) served, in plain words; empty when served.
QString tenantReason(const fd::fission::Tenant &tenant);

} // namespace ui
} // namespace fd
