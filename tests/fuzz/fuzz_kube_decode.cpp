// libFuzzer target: the client's decoders (src/kube/store/Decode.h) on arbitrary bytes. Every
// input goes through decodeObject (with and without a fallback type), decodeList,
// decodeWatchEvent and kubeErrorFromStatus. Invariants beyond "no crash":
//  - a decoded object is complete (name set), its stored JSON is valid JSON without
//    metadata.managedFields, every accessor works, and decoding its JSON again gives the
//    same object (same header, same bytes);
//  - list items and watch-event objects satisfy the same;
//  - an error mapped from a Status has a bounded, non-empty message, at most 100 causes,
//    a sane Retry-After and keeps the HTTP status it was given.

#include "FuzzSupport.h"

#include "kube/store/Decode.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace fd::kube;
using namespace Qt::StringLiterals;

namespace {

struct Header {
    QString apiVersion, kind, name, namespaceName, uid, resourceVersion, creationTimestamp, key;
    qint64 generation = 0;
    bool deleting = false;
    QList<std::pair<QString, QString>> labels;
    QStringList owners;
    QByteArray json;

    explicit Header(const KubeObject &object)
        : apiVersion(object.apiVersion()), kind(object.kind()), name(object.name()),
          namespaceName(object.namespaceName()), uid(object.uid()), resourceVersion(object.resourceVersion()),
          creationTimestamp(object.creationTimestamp()), key(object.key()), generation(object.generation()),
          deleting(object.hasDeletionTimestamp()), labels(object.labels()), owners(object.ownerUids()),
          json(object.json())
    {
    }
    bool operator==(const Header &) const = default;
};

QString excerpt(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes.first(qMin<qsizetype>(bytes.size(), 400)).toByteArray());
}

void checkObject(const KubeObject &object, const TypeMeta &fallback, const char *what)
{
    FD_FUZZ_CHECK(!object.isNull(), u"null object from "_s + QLatin1String(what));
    const QByteArray json = object.json();
    FD_FUZZ_CHECK(!object.name().isEmpty(), u"object without a name from "_s + QLatin1String(what) + u": "_s + excerpt(json));

    // The stored JSON is valid (Qt's parser: simdjson's DOM refuses integers beyond 64 bits,
    // which are valid JSON) and has no managedFields.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    FD_FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject(),
                  u"stored JSON does not parse ("_s + parseError.errorString() + u"): "_s + excerpt(json));
    const QJsonValue metadata = document.object().value("metadata"_L1);
    FD_FUZZ_CHECK(!metadata.isObject() || !metadata.toObject().contains("managedFields"_L1),
                  u"managedFields kept in "_s + excerpt(json));
    // Path lookups work on every decoded object (with duplicate keys they may pick another copy
    // than the header did, so only that they work is checked).
    FD_FUZZ_CHECK(object.rawJsonAt(JsonPath::parse(u"metadata")).has_value(), u"path lookups fail on: "_s + excerpt(json));

    // Every accessor works on whatever was decoded.
    const Header header(object);
    for (int i = 0; i < object.labelCount(); ++i) {
        FD_FUZZ_CHECK(object.label(object.labelKey(i)).has_value(), u"label %1 not found by its key"_s.arg(object.labelKey(i)));
        FD_FUZZ_CHECK(object.labelKeyUtf8(i) == object.labelKey(i).toUtf8(), u"label key views disagree"_s);
        FD_FUZZ_CHECK(object.labelValueUtf8(i) == object.labelValue(i).toUtf8(), u"label value views disagree"_s);
    }
    for (int i = 0; i < object.ownerCount(); ++i)
        FD_FUZZ_CHECK(object.ownerUidUtf8(i) == object.ownerUid(i).toUtf8(), u"owner uid views disagree"_s);
    FD_FUZZ_CHECK(object.nameUtf8() == header.name.toUtf8(), u"name views disagree"_s);
    FD_FUZZ_CHECK(object.namespaceUtf8() == header.namespaceName.toUtf8(), u"namespace views disagree"_s);
    FD_FUZZ_CHECK(object.uidUtf8() == header.uid.toUtf8(), u"uid views disagree"_s);
    FD_FUZZ_CHECK(object.resourceVersionUtf8() == header.resourceVersion.toUtf8(), u"resourceVersion views disagree"_s);
    FD_FUZZ_CHECK(object.residentBytes() >= json.size(), u"resident bytes below the JSON size"_s);
    (void)object.toJsonObject();
    (void)object.stringAt(u"metadata.name");
    (void)object.stringAt(u"spec.containers[0].image");
    (void)object.stringsAt({JsonPath::parse(u"/status/phase"), JsonPath::parse(u"metadata.labels['app.kubernetes.io/name']")});
    (void)object.rawJsonAt(JsonPath::parse(u"metadata"));

    // Decoding the stored JSON again changes nothing.
    const auto again = decodeObject(json, fallback);
    FD_FUZZ_CHECK(again.hasValue(), u"stored JSON of an object from "_s + QLatin1String(what) + u" does not decode again: "_s
                      + (again ? QString() : again.error().message) + u"\n    "_s + excerpt(json));
    FD_FUZZ_CHECK(Header(*again) == header, u"decoding the stored JSON again gives another object: "_s + excerpt(json));
}

void checkError(const KubeError &error, int httpStatus)
{
    FD_FUZZ_CHECK(!error.message.isEmpty(), u"error without a message"_s);
    FD_FUZZ_CHECK(error.message.size() <= 4096, u"error message of %1 characters"_s.arg(error.message.size()));
    FD_FUZZ_CHECK(error.causes.size() <= 100, u"%1 causes"_s.arg(error.causes.size()));
    FD_FUZZ_CHECK(error.retryAfterSeconds >= 0 && error.retryAfterSeconds <= 24 * 3600,
                  u"Retry-After %1"_s.arg(error.retryAfterSeconds));
    if (httpStatus != 0)
        FD_FUZZ_CHECK(error.httpStatus == httpStatus, u"HTTP status %1 became %2"_s.arg(httpStatus).arg(error.httpStatus));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ObjectDecoder decoder;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const TypeMeta none;
    const TypeMeta configMap{u"v1"_s, u"ConfigMap"_s};

    for (const TypeMeta *fallback : {&none, &configMap}) {
        if (auto object = decoder.decodeObject(input, *fallback))
            checkObject(*object, *fallback, "decodeObject");
        else
            FD_FUZZ_CHECK(!object.error().message.isEmpty(), u"decode error without a message"_s);
    }

    if (auto list = decoder.decodeList(input)) {
        for (const KubeObject &item : list->items)
            checkObject(item, {}, "decodeList");
        FD_FUZZ_CHECK(!list->remainingItemCount || *list->remainingItemCount >= 0, u"negative remainingItemCount"_s);
    } else {
        FD_FUZZ_CHECK(!list.error().message.isEmpty(), u"list error without a message"_s);
    }

    if (auto event = decoder.decodeWatchEvent(input, configMap)) {
        switch (event->type) {
        case WatchEventType::Added:
        case WatchEventType::Modified:
        case WatchEventType::Deleted:
            checkObject(event->object, configMap, "decodeWatchEvent");
            FD_FUZZ_CHECK(event->resourceVersion == event->object.resourceVersion(), u"event RV differs from its object's"_s);
            break;
        case WatchEventType::Bookmark:
            FD_FUZZ_CHECK(event->object.isNull(), u"bookmark with an object"_s);
            break;
        case WatchEventType::Error:
            checkError(event->error, 0);
            break;
        }
    }

    const QByteArray body = input.toByteArray();
    checkError(kubeErrorFromStatus(0, body), 0);
    const int status = 400 + int(size % 200);
    checkError(kubeErrorFromStatus(status, body), status);
    return 0;
}
