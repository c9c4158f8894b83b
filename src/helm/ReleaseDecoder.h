#pragma once

#include "common/Expected.h"
#include "helm/Release.h"
#include "kube/store/KubeObject.h"

#include <QByteArray>
#include <QString>

// Decodes Helm release storage (kube-protocol.md §8) into a Release.
//
//  - Secret driver (the default of Helm 3 and 4): `type: helm.sh/release.v1`, data.release is the
//    Secret's own base64 around Helm's base64(gzip(JSON)): base64 twice, then gunzip.
//  - ConfigMap driver (HELM_DRIVER=configmap): data.release is base64(gzip(JSON)): one layer.
//  - Releases stored before Helm compressed them are plain JSON after the base64 layers (no
//    gzip magic `1f 8b`); they are accepted.
//  - gunzip output is bounded (ReleaseDecodeLimits): a hostile object cannot make the app
//    allocate gigabytes (a 1 MiB Secret can inflate a thousandfold).
//  - Unknown JSON keys are ignored. name and version are required; everything else has a
//    default. Labels (name, version, status) are only a hint: when they disagree with the JSON,
//    the JSON wins and Release::decodeNotes says so.
//
// Every failure is a specific ReleaseDecodeError; nothing throws. Thread-safe (no state).

namespace fd::helm {

struct ReleaseDecodeError {
    enum class Kind {
        NotAReleaseObject, // not a Secret of type helm.sh/release.v1 / a ConfigMap with owner=helm
        MissingData,       // no data.release
        BadBase64,         // a base64 layer does not decode
        NotGzip,           // neither gzip nor JSON after the base64 layers
        TruncatedGzip,     // the gzip stream ends early
        CorruptGzip,       // bad deflate data or checksum
        TooLarge,          // decompressed size above the limit
        BadJson,           // not JSON, or not an object
        MissingName,       // no "name"
        MissingVersion,    // no positive integer "version"
        BadField,          // a known field has the wrong type (e.g. "chart" is a string)
    };
    Kind kind = Kind::BadJson;
    QString message; // translated; names the object when known
    QString object;  // "namespace/name" of the storage object, when decoding one
};

struct ReleaseDecodeLimits {
    // Largest decompressed release JSON accepted. Real releases are well under a few MiB (the
    // whole Fission chart with its templates is ~0.5 MiB); the stored object is limited to 1 MiB.
    qsizetype maxDecompressedBytes = qsizetype(64) * 1024 * 1024;
};

class ReleaseDecoder {
public:
    using Result = fd::Expected<Release, ReleaseDecodeError>;

    // True for a release storage object: Secret `type: helm.sh/release.v1`, or a ConfigMap
    // labelled owner=helm (the ConfigMap driver has no type).
    static bool isReleaseObject(const fd::kube::KubeObject &object);

    // A Secret or ConfigMap as read from the API server (JSON).
    static Result decodeObject(const fd::kube::KubeObject &object, const ReleaseDecodeLimits &limits = {});

    // data.release of a Secret as it appears in the Secret's JSON (base64 of Helm's base64).
    static Result decodeSecretField(const QByteArray &field, const ReleaseDecodeLimits &limits = {});
    // data.release of a ConfigMap (Helm's base64).
    static Result decodeConfigMapField(const QByteArray &field, const ReleaseDecodeLimits &limits = {});
    // Helm's base64 text (one layer), e.g. `release` from a protobuf Secret body or a
    // `kubectl get secret -o jsonpath={.data.release} | base64 -d`.
    static Result decodeHelmBase64(const QByteArray &text, const ReleaseDecodeLimits &limits = {});
    // After all base64 layers: gzip, or plain JSON for very old releases.
    static Result decodePayload(const QByteArray &payload, const ReleaseDecodeLimits &limits = {});
    // The release JSON itself.
    static Result parseJson(const QByteArray &json);
};

// Inverse of decodeHelmBase64/decodePayload: gzip (best compression, as Helm) + base64. For the
// tests and for any caller that needs to write a release object; not used to talk to Helm.
QByteArray encodeReleaseForStorage(const QByteArray &releaseJson);

} // namespace fd::helm
