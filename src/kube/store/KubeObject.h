#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>
#include <string>
#include <vector>

namespace fd::kube {

namespace detail {
struct ObjectData;
class ObjectBuilder;
} // namespace detail

// A path into an object's JSON, compiled once and reused (item models, rules).
//  - JSON pointer (RFC 6901) when it starts with '/': "/metadata/labels/app.kubernetes.io~1name".
//  - Dotted otherwise: "status.phase", "spec.containers[0].image", "spec.containers.0.image",
//    "metadata.labels['app.kubernetes.io/name']" (quoted bracket key), "a\.b" (escaped dot).
// A segment that is a decimal number indexes an array (and names a key in an object).
class JsonPath
{
public:
    JsonPath() = default;
    static JsonPath parse(QStringView path);

    bool isValid() const { return m_valid; }
    const std::vector<std::string> &segments() const { return m_segments; }

    static constexpr int MaxSegments = 64;

private:
    std::vector<std::string> m_segments; // UTF-8, unescaped
    bool m_valid = false;
};

// One Kubernetes object as the client keeps it: its compact JSON (metadata.managedFields stripped,
// apiVersion/kind filled in when a built-in list left them out) plus a small header parsed once.
// Header strings are not copied: they point into the JSON bytes (only strings that needed JSON
// unescaping get a private copy). Immutable, implicitly shared (copying is one atomic increment),
// safe to read from any thread. A default-constructed KubeObject is null.
class KubeObject
{
public:
    KubeObject() = default;
    KubeObject(const KubeObject &other) noexcept;
    KubeObject(KubeObject &&other) noexcept : d(other.d) { other.d = nullptr; }
    KubeObject &operator=(const KubeObject &other) noexcept;
    KubeObject &operator=(KubeObject &&other) noexcept;
    ~KubeObject();

    bool isNull() const { return d == nullptr; }
    // Same instance (not a content comparison).
    bool isSharedWith(const KubeObject &other) const { return d == other.d; }

    QString apiVersion() const;
    QString kind() const;
    QString name() const;
    QString namespaceName() const; // empty for cluster-scoped objects
    QString uid() const;
    QString resourceVersion() const;
    QString creationTimestamp() const; // RFC 3339 as the server sent it; empty when unset/null
    qint64 generation() const;         // 0 when absent
    bool hasDeletionTimestamp() const; // being deleted (finalizers or grace period pending)

    // "namespace/name", or "name" for cluster-scoped objects (client-go's MetaNamespaceKeyFunc).
    QString key() const;

    int labelCount() const;
    QString labelKey(int index) const;
    QString labelValue(int index) const;
    std::optional<QString> label(QStringView key) const;
    QList<std::pair<QString, QString>> labels() const;

    int ownerCount() const;
    QString ownerUid(int index) const;
    QStringList ownerUids() const;

    // Zero-copy UTF-8 views, valid while this KubeObject (or a copy) lives. Used by stores/indexes.
    QByteArrayView nameUtf8() const;
    QByteArrayView namespaceUtf8() const;
    QByteArrayView uidUtf8() const;
    QByteArrayView resourceVersionUtf8() const;
    QByteArrayView labelKeyUtf8(int index) const;
    QByteArrayView labelValueUtf8(int index) const;
    QByteArrayView ownerUidUtf8(int index) const;

    // The stored compact JSON (shared, no copy).
    QByteArray json() const;
    // A full QJsonObject (parsed on each call; for detail views and editors).
    QJsonObject toJsonObject() const;

    // Scalar at a path: strings unescaped, numbers and booleans as their JSON text; nullopt when
    // the path is invalid or missing, or names null, an object or an array.
    std::optional<QString> stringAt(QStringView path) const;
    std::optional<QString> stringAt(const JsonPath &path) const;
    // Several paths with one parse of the JSON (item models filling a row).
    std::vector<std::optional<QString>> stringsAt(const std::vector<JsonPath> &paths) const;
    // Compact JSON of any value at a path (objects and arrays too); nullopt when missing.
    std::optional<QByteArray> rawJsonAt(const JsonPath &path) const;

    // Bytes this object keeps alive: the header block and the JSON buffer, with allocator overhead.
    qsizetype residentBytes() const;

private:
    friend class detail::ObjectBuilder;
    explicit KubeObject(detail::ObjectData *data) : d(data) {}
    detail::ObjectData *d = nullptr;
};

} // namespace fd::kube

Q_DECLARE_METATYPE(fd::kube::KubeObject)
