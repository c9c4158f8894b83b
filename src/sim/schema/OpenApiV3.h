#pragma once

#include "sim/schema/CatalogSnapshot.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <optional>

namespace fd::sim {

// /openapi/v3: the root index and one OpenAPI 3.0 document per group-version, shaped like
// kube-apiserver's (kube-openapi handler3 + the apiextensions builder for CRDs).
//
// What the referees rely on:
//  - kubectl/Helm validation (cli-runtime query_param_verifier_v3) looks for a PATCH operation
//    whose x-kubernetes-group-version-kind matches the object and that lists a
//    `fieldValidation` query parameter; then it sends fieldValidation=Strict and validates
//    nothing itself. Every resource with the patch verb gets one (also /status, /scale).
//  - kubectl explain finds the kind through the list/get operations' GVK and then the
//    components.schemas entry whose x-kubernetes-group-version-kind (an array) contains it.
//  - kubectl client-side apply builds a strategic merge patch from these schemas only if the
//    PATCH requestBody offers application/strategic-merge-patch+json. We never offer it: our
//    schemas lack the patch-merge-key/strategy annotations, so a patch computed from them
//    would replace lists such as containers wholesale. Without it kubectl tries
//    /openapi/v2 (404, ignored) and falls back to its compiled-in Go types for built-ins
//    (correct merge keys) and to JSON merge patch for CRs, exactly what it does against
//    a CRD on a real cluster (kube-protocol.md §6).
class OpenApiV3 {
public:
    struct Document {
        QByteArray json;
        QByteArray hash; // upper-case hex SHA-512 of `json`: the ?hash= value and the ETag
    };

    // Installs the types to describe. Rendering happens lazily, once per snapshot
    // generation: a snapshot with the generation already installed is ignored.
    void update(const CatalogSnapshot &snapshot);

    // GET /openapi/v3: {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"},…}}
    Document root();
    // GET /openapi/v3/<gvPath>, gvPath "api/v1" or "apis/<group>/<version>"; nothing if not served.
    std::optional<Document> document(const QString &gvPath);
    // "/openapi/v3/apis/apps/v1?hash=…" (where a request with a stale hash is redirected), or empty.
    QString serverRelativeUrl(const QString &gvPath);

    // Pure builders, exposed for tests and tools.
    static QJsonObject buildDocument(const CatalogSnapshot &snapshot, const QString &group, const QString &version);
    static QString gvPath(const QString &group, const QString &version);
    // components.schemas name: io.k8s.api.core.v1.Pod, io.k8s.api.apps.v1.Deployment,
    // io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition,
    // and for CRDs the reversed group: io.fission.v1.Package.
    static QString modelName(const QString &group, const QString &version, const QString &kind, bool custom);

private:
    void renderLocked();

    QMutex m_mutex;
    CatalogSnapshot m_snapshot;
    bool m_hasSnapshot = false;
    bool m_rendered = false;
    QHash<QString, Document> m_documents; // by gvPath
    Document m_root;
};

} // namespace fd::sim
