#pragma once

#include "common/Expected.h"
#include "kube/core/KubeError.h"
#include "kube/store/KubeObject.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace fd::kube {

// apiVersion/kind to fill in when a decoded object lacks them (items of built-in lists do).
struct TypeMeta {
    QString apiVersion;
    QString kind;
};

// One page of a LIST reply.
struct ObjectList {
    QString apiVersion; // of the list, e.g. "v1"
    QString kind;       // of the list, e.g. "PodList"
    QList<KubeObject> items;
    QString resourceVersion;                // metadata.resourceVersion: where a watch starts
    QString continueToken;                  // metadata.continue; empty on the last page
    std::optional<qint64> remainingItemCount; // metadata.remainingItemCount, when the server sent it
};

enum class WatchEventType { Added, Modified, Deleted, Bookmark, Error };

struct WatchEvent {
    WatchEventType type = WatchEventType::Error;
    KubeObject object;         // ADDED/MODIFIED/DELETED (DELETED: the last state)
    QString resourceVersion;   // the object's RV; for BOOKMARK the bookmark's RV
    bool initialEventsEnd = false; // BOOKMARK annotated k8s.io/initial-events-end: "true"
    KubeError error;           // ERROR: the Status, mapped (410 -> ErrorKind::Gone, …)
};

// Decodes apiserver JSON into KubeObjects with simdjson. Holds its parsers for reuse, so keep one
// per thread (the session thread); not thread-safe. Inputs may be arbitrary bytes: errors come
// back as KubeError{kind = Decode} with a message naming what was wrong, never as a crash.
class ObjectDecoder
{
public:
    ObjectDecoder();
    ~ObjectDecoder();
    ObjectDecoder(const ObjectDecoder &) = delete;
    ObjectDecoder &operator=(const ObjectDecoder &) = delete;

    // Largest document accepted (a page of a list, one watch line, one object).
    static constexpr qsizetype MaxDocumentBytes = qsizetype(1) << 30;

    // A LIST reply page. Items get apiVersion/kind derived from the list ("PodList" -> "Pod")
    // when they lack them. A Status body (kind "Status") is returned as its error.
    Expected<ObjectList, KubeError> decodeList(QByteArrayView page);
    // A single object (GET/create/update reply or a manifest). Requires metadata.name.
    Expected<KubeObject, KubeError> decodeObject(QByteArrayView json, const TypeMeta &fallback = {});
    // One watch event line ({"type":…,"object":…}); `fallback` fills a missing apiVersion/kind.
    // Unknown event types are a Decode error too (the caller may choose to skip them).
    Expected<WatchEvent, KubeError> decodeWatchEvent(QByteArrayView line, const TypeMeta &fallback = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Convenience wrappers over a per-thread ObjectDecoder.
Expected<ObjectList, KubeError> decodeList(const QByteArray &page);
Expected<KubeObject, KubeError> decodeObject(const QByteArray &json, const TypeMeta &fallback = {});

// Maps an error reply to a KubeError. When `body` is a metav1.Status its reason, code, message,
// details.causes and details.retryAfterSeconds decide; otherwise the HTTP status does (and a short,
// printable excerpt of the body becomes the message). `httpStatus` 0 means "unknown" (watch ERROR
// events): the Status' own code is used. 409 AlreadyExists vs Conflict goes by reason; a 500 whose
// cause is ResourceVersionTooLarge ("Too large resource version") maps to Gone, so callers relist.
// Retry-After headers are not visible here: callers merge them into retryAfterSeconds.
KubeError kubeErrorFromStatus(int httpStatus, const QByteArray &body);

} // namespace fd::kube

Q_DECLARE_METATYPE(fd::kube::WatchEvent)
