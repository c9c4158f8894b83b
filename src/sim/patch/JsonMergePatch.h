#pragma once

#include "common/Expected.h"
#include "sim/patch/PatchError.h"

#include <QByteArray>
#include <QJsonObject>

namespace fd::sim {

// RFC 7386 JSON merge patch (application/merge-patch+json) as kube-apiserver applies it
// (evanphx/json-patch v4 MergePatch): null deletes, objects merge recursively, anything
// else replaces; nulls inside newly added objects are dropped.
// Errors: invalid JSON or a null/scalar patch → BadRequest; an array patch (which would
// replace the whole object) → Invalid, as the apiserver fails to decode the result.
fd::Expected<QJsonObject, PatchError> applyMergePatch(const QJsonObject &original, const QByteArray &patchBody);

} // namespace fd::sim
