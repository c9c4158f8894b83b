#pragma once

#include "common/Expected.h"
#include "sim/patch/PatchError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace fd::sim {

// Strategic merge patch (application/strategic-merge-patch+json) for built-in kinds, as
// apimachinery's strategicpatch applies it on the server: lists with a merge strategy
// (see MergeKeys.h) merge by key or as sets, other lists are replaced; `null` deletes;
// directives `$patch: replace|delete` (maps and list items), `$retainKeys`,
// `$setElementOrder/<field>` and `$deleteFromPrimitiveList/<field>`.
//
// `group` is the API group ("" or "core" for v1), `kind` e.g. "Deployment".
// Errors: a custom resource group → UnsupportedMediaType (as the CRD handler answers);
// malformed body or directive format → BadRequest; lists of lists → Invalid; anything
// the apiserver leaves unclassified (missing merge key, unknown $patch) → Internal (500).
fd::Expected<QJsonObject, PatchError> applyStrategicMergePatch(const QJsonObject &original, const QByteArray &patchBody,
                                                               const QString &group, const QString &kind);

} // namespace fd::sim
