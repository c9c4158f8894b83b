#pragma once

#include "common/Expected.h"
#include "sim/patch/PatchError.h"

#include <QByteArray>
#include <QJsonObject>

namespace fd::sim {

// RFC 6902 JSON patch (application/json-patch+json) with the semantics kube-apiserver gets
// from evanphx/json-patch v4: add/remove/replace/move/copy/test, "-" appends, negative
// array indices count from the end, "~1"/"~0" escapes; `replace` of a missing object key
// adds it; a missing or null `value` counts as null.
// Errors: body not a JSON array of objects → BadRequest; more than 10000 operations →
// RequestEntityTooLarge; any failing operation (test mismatch, missing path, bad index,
// unknown op) → Invalid with the apiserver's generic message and the cause in `detail`.
fd::Expected<QJsonObject, PatchError> applyJsonPatch(const QJsonObject &original, const QByteArray &patchBody);

} // namespace fd::sim
