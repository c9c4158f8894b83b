#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace fd::sim {

// One stored revision of an object. Immutable once stored; the compact JSON is rendered
// once so that lists and watches concatenate bytes instead of serialising again.
struct StoredObject {
    QJsonObject object;
    QByteArray json;
    quint64 resourceVersion = 0;
};
using ObjectRef = std::shared_ptr<const StoredObject>;

enum class StoreEventType { Added, Modified, Deleted };

struct StoreEvent {
    StoreEventType type = StoreEventType::Added;
    QString storageKey;   // "group/plural"
    QString key;          // "namespace/name" or "name"
    ObjectRef object;     // the new state (for Deleted: the last state, carrying the deletion RV)
    ObjectRef previous;   // the state before (null for Added)
    quint64 resourceVersion = 0;
};

// The emulator's etcd: objects by storage key and "namespace/name", one global
// resourceVersion counter, and a bounded history of changes for watch replay and
// consistent paginated lists. Nothing here knows Kubernetes semantics beyond that.
class ObjectStore : public QObject {
    Q_OBJECT
public:
    using Bucket = std::map<QString, ObjectRef>; // sorted like etcd keys

    explicit ObjectStore(QObject *parent = nullptr);

    static QString keyOf(const QString &namespaceName, const QString &name);

    ObjectRef get(const QString &storageKey, const QString &namespaceName, const QString &name) const;
    // All objects of a kind (namespaceName empty = every namespace), in key order.
    QList<ObjectRef> list(const QString &storageKey, const QString &namespaceName = {}) const;
    const Bucket *bucket(const QString &storageKey) const;
    int count(const QString &storageKey) const;
    QStringList storageKeys() const;

    // Stores a new revision: stamps the next resourceVersion into metadata and emits
    // committed() with Added or Modified.
    ObjectRef write(const QString &storageKey, QJsonObject object);
    // Removes the object; the last state is re-stamped with the deletion's resourceVersion.
    ObjectRef remove(const QString &storageKey, const QString &namespaceName, const QString &name);

    quint64 currentResourceVersion() const { return m_resourceVersion; }
    // Events with a resourceVersion at or below this are no longer in the history.
    quint64 compactedThrough() const { return m_compactedThrough; }
    const std::deque<StoreEvent> &history() const { return m_history; }
    void setHistoryLimit(int events);
    // Drops the whole history, as an etcd compaction does: watches and list continuations
    // from older revisions then get 410 Gone.
    void compact();

    // The state of a kind as it was at resourceVersion `at` (which must not be compacted),
    // limited to keys after `startAfter`; for consistent continuation of paged lists.
    std::optional<std::map<QString, ObjectRef>> snapshotAt(const QString &storageKey, quint64 at,
                                                            const QString &namespaceName,
                                                            const QString &startAfter, int limit,
                                                            bool *more) const;

Q_SIGNALS:
    void committed(const fd::sim::StoreEvent &event);

private:
    void record(const StoreEvent &event);

    QHash<QString, Bucket> m_buckets;
    std::deque<StoreEvent> m_history;
    quint64 m_resourceVersion = 0;
    quint64 m_compactedThrough = 0;
    int m_historyLimit = 50000;
};

QByteArray compactJson(const QJsonObject &object);

} // namespace fd::sim

Q_DECLARE_METATYPE(fd::sim::StoreEvent)
