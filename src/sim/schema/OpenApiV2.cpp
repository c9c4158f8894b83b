#include "sim/schema/OpenApiV2.h"

namespace fd::sim {

namespace {

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
}

// A length-delimited protobuf field (wire type 2).
void appendField(QByteArray &out, int number, const QByteArray &payload)
{
    appendVarint(out, (static_cast<quint64>(number) << 3) | 2);
    appendVarint(out, static_cast<quint64>(payload.size()));
    out.append(payload);
}

} // namespace

bool OpenApiV2::acceptsDocument(const QByteArray &accept)
{
    // "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" (client-go), or the same with
    // dots as the apiserver spells it in responses.
    return accept.toLower().contains("application/com.github.proto-openapi.spec.v2");
}

QByteArray OpenApiV2::contentType()
{
    // Clients ask for "…spec.v2@v1.0+protobuf", but '@' is not valid in a media type and
    // client-go's mime parser rejects it in a response, so the apiserver answers with dots.
    return QByteArrayLiteral("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
}

QByteArray OpenApiV2::emptyDocument(const QByteArray &version)
{
    // openapi_v2.Document: swagger = 1, info = 2 (Info: title = 1, version = 2), paths = 8.
    QByteArray info;
    appendField(info, 1, QByteArrayLiteral("Kubernetes"));
    appendField(info, 2, version);
    QByteArray document;
    appendField(document, 1, QByteArrayLiteral("2.0"));
    appendField(document, 2, info);
    appendField(document, 8, QByteArray());
    return document;
}

} // namespace fd::sim
