#pragma once

#include "sim/api/ObjectService.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace fd::sim {

// What apiextensions-apiserver does for CustomResourceDefinitions: validates and defaults
// them at admission, accepts their names (NamesAccepted), publishes their versions in the
// catalog — hence discovery and OpenAPI — and marks them Established; on deletion removes
// every custom resource (finalizer customresourcecleanup.apiextensions.k8s.io) and then
// unpublishes them.
class CrdController : public QObject, public AdmissionHook {
    Q_OBJECT
public:
    explicit CrdController(ObjectService *objects, QObject *parent = nullptr);

    std::optional<ApiError> admit(AdmissionOperation operation, const ResourceType &type, QJsonObject &object,
                                  const QJsonObject *oldObject) override;

private:
    void onCommitted(const StoreEvent &event);
    void reconcilePending();
    void reconcile(const QString &name);
    void establish(const ResourceType &crdType, const ObjectRef &crd);
    void cleanUp(const ResourceType &crdType, const ObjectRef &crd);

    ObjectService *m_objects;
    QSet<QString> m_pending;
    QTimer m_timer;
};

} // namespace fd::sim
