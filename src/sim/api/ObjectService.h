#pragma once

#include "common/Expected.h"
#include "sim/api/ApiError.h"
#include "sim/api/ObjectStore.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/core/ObjectMeta.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace fd::sim {

class StructuralSchemaCache;

enum class AdmissionOperation { Create, Update, Delete };

// In-process admission plugins (the simulated Fission webhooks, defaulting that real
// controllers' webhooks do). Mutating hooks may change the object; returning an error
// rejects the request as a failing webhook would.
class AdmissionHook {
public:
    virtual ~AdmissionHook() = default;
    virtual std::optional<ApiError> admit(AdmissionOperation operation, const ResourceType &type,
                                          QJsonObject &object, const QJsonObject *oldObject) = 0;
};

struct WriteOptions {
    bool dryRun = false;
    QString fieldManager;          // empty: derived from the User-Agent, as the apiserver does
    QString fieldValidation;       // Strict | Warn | Ignore ("" = Warn, the server default)
    QString subresource;           // "" or "status" / "scale" / "finalize"
    bool force = false;            // server-side apply only
    // Internal: the object already carries its managedFields (server-side apply creating
    // it), so the write must not record an extra Update entry for the same manager.
    bool fieldsAlreadyTracked = false;
};

struct WriteResult {
    ObjectRef object;
    bool created = false;
    bool deletionPending = false;  // delete accepted but finalizers or grace period remain (202)
    QStringList warnings;
};

struct DeleteOptions {
    QString propagationPolicy;     // Background | Foreground | Orphan ("" = Background)
    std::optional<qint64> gracePeriodSeconds;
    QString preconditionUid;
    QString preconditionResourceVersion;
    bool dryRun = false;
};

// The Kubernetes write path over the store: what kube-apiserver's generic registry and
// admission chain do for every create, update, patch and delete — names, namespaces,
// uid/generation/timestamps, defaulting, schema pruning for CRDs, status subresource
// rules, optimistic concurrency, managedFields, finalizers and graceful deletion.
// Controllers inside the emulator write through it too, so they obey the same rules.
class ObjectService : public QObject {
    Q_OBJECT
public:
    ObjectService(ObjectStore *store, ResourceCatalog *catalog, QObject *parent = nullptr);
    ~ObjectService() override;

    ObjectStore *store() const { return m_store; }
    ResourceCatalog *catalog() const { return m_catalog; }

    void addAdmissionHook(AdmissionHook *hook);
    // Time source for timestamps; tests may replace it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

    ObjectRef get(const ResourceType &type, const QString &namespaceName, const QString &name) const;

    Expected<WriteResult, ApiError> create(const ResourceType &type, const QString &namespaceName,
                                           QJsonObject object, const WriteOptions &options);
    Expected<WriteResult, ApiError> update(const ResourceType &type, const QString &namespaceName,
                                           const QString &name, QJsonObject object, const WriteOptions &options);
    Expected<WriteResult, ApiError> patch(const ResourceType &type, const QString &namespaceName,
                                          const QString &name, const QByteArray &contentType,
                                          const QByteArray &body, const WriteOptions &options);
    Expected<WriteResult, ApiError> remove(const ResourceType &type, const QString &namespaceName,
                                           const QString &name, const DeleteOptions &options);

    // Convenience for controllers: read-modify-write with retries on conflict.
    Expected<WriteResult, ApiError> mutate(const ResourceType &type, const QString &namespaceName,
                                           const QString &name, const std::function<bool(QJsonObject &)> &change,
                                           const QString &subresource = {}, const QString &manager = {});

    // Derives the default field manager from a User-Agent ("kubectl/v1.33 (…)" -> "kubectl").
    static QString managerFromUserAgent(const QByteArray &userAgent);

    // Renders a stored object for the requested version (apiVersion rewritten).
    static QJsonObject forVersion(const ObjectRef &object, const ResourceType &type);

private:
    std::optional<ApiError> checkNamespace(const ResourceType &type, const QString &namespaceName,
                                           bool creating) const;
    std::optional<ApiError> validateObject(const ResourceType &type, const QJsonObject &object,
                                           const QJsonObject *oldObject) const;
    std::optional<ApiError> normaliseTypeMeta(const ResourceType &type, QJsonObject &object) const;
    std::optional<ApiError> runAdmission(AdmissionOperation operation, const ResourceType &type,
                                         QJsonObject &object, const QJsonObject *oldObject);
    std::optional<ApiError> applySchema(const ResourceType &type, QJsonObject &object,
                                        const WriteOptions &options, QStringList *warnings) const;
    Expected<WriteResult, ApiError> commitUpdate(const ResourceType &type, const ObjectRef &current,
                                                 QJsonObject updated, const WriteOptions &options,
                                                 const QString &operation);
    Expected<WriteResult, ApiError> finishDeletion(const ResourceType &type, const ObjectRef &current,
                                                   const QJsonObject &updated, bool dryRun);
    QString timestamp() const;

    ObjectStore *m_store;
    ResourceCatalog *m_catalog;
    std::unique_ptr<StructuralSchemaCache> m_schemas;
    QList<AdmissionHook *> m_admissionHooks;
    std::function<QDateTime()> m_clock;
};

} // namespace fd::sim
