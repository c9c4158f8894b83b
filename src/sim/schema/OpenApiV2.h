#pragma once

#include <QByteArray>

namespace fd::sim {

// GET /openapi/v2. Clients only ask for it as protobuf (Accept:
// application/com.github.proto-openapi.spec.v2@v1.0+protobuf; gnostic openapi_v2.Document). The
// emulator publishes its schemas in OpenAPI v3 only, but kubectl 1.27 and 1.28 load v2
// eagerly: cmdutil's Factory.Validator() (apply, create, replace) and explain's Complete()
// fail with NotFound when /openapi/v2 is missing, before they ever look at v3 (kubectl
// v0.27/v0.28 pkg/cmd/util/factory_client_access.go; lazy from v0.29 on). An empty but
// well-formed document lets them proceed: field validation is then decided from v3
// (fieldValidation=Strict, server-side), v2 client-side validation finds no kinds and
// checks nothing, and client-side apply falls back to its compiled-in types.
class OpenApiV2 {
public:
    // Whether an Accept header asks for the protobuf document (the only form clients request);
    // anything else gets 404, as the emulator serves no v2 schemas.
    static bool acceptsDocument(const QByteArray &accept);
    // The Content-Type to answer with: "application/com.github.proto-openapi.spec.v2.v1.0+protobuf".
    static QByteArray contentType();
    // Document{swagger: "2.0", info: {title: "Kubernetes", version: <version>}, paths: {}}.
    static QByteArray emptyDocument(const QByteArray &version = QByteArrayLiteral("unversioned"));
};

} // namespace fd::sim
