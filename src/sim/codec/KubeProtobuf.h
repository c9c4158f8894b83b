#pragma once

#include "common/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace fd::sim {

// Kubernetes protobuf request bodies (Content-Type: application/vnd.kubernetes.protobuf).
// Typed clients send them and never retry with JSON: Helm's release Secrets (POST/PUT) and
// DeleteOptions, every `kubectl create <generator>`, `kubectl auth can-i` and `whoami`.
// Layout: magic "k8s\0" + runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding,
// contentType}, where raw is the object's own message.

// The apiVersion/kind named by a body's envelope.
struct KubeProtobufType {
    QString apiVersion;
    QString kind;
};

// True when the body starts with the "k8s\0" magic.
bool isKubeProtobuf(const QByteArray &body);

// Reads only the envelope. Lets the API layer tell "malformed" (400) from "a kind this
// emulator cannot decode" (415) before decoding.
fd::Expected<KubeProtobufType, QString> peekKubeProtobufType(const QByteArray &body);

// Whether decodeKubeProtobuf() knows the kind: v1 Secret, ConfigMap, Namespace,
// ServiceAccount; DeleteOptions (any group-version); authorization.k8s.io
// SelfSubjectAccessReview/SelfSubjectRulesReview; authentication.k8s.io SelfSubjectReview.
bool canDecodeKubeProtobuf(const KubeProtobufType &type);

// Decodes the body into the JSON object the client would have sent as JSON: apiVersion and
// kind from the envelope, bytes fields as base64, timestamps as RFC 3339, zero values of
// `omitempty` fields dropped, unknown fields skipped. Errors name the kind or the offset.
fd::Expected<QJsonObject, QString> decodeKubeProtobuf(const QByteArray &body);

} // namespace fd::sim
