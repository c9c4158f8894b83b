#pragma once

#include "sim/api/ObjectService.h"

#include <QObject>

namespace fd::sim {

class ObjectStore;

// The ServiceAccount admission plugin of kube-apiserver (plugin/pkg/admission/
// serviceaccount): a new pod gets serviceAccountName "default" if it names none, is refused
// (403) when that ServiceAccount does not exist in its namespace — which is what makes a
// ReplicaSet report FailedCreate until the account appears — and gets the projected
// kube-api-access-* token volume mounted unless automounting is switched off.
// A QObject child of the ObjectService it is registered with, so it lives as long.
class ServiceAccountAdmission : public QObject, public AdmissionHook {
    Q_OBJECT
public:
    explicit ServiceAccountAdmission(ObjectService *objects);

    std::optional<ApiError> admit(AdmissionOperation operation, const ResourceType &type, QJsonObject &object,
                                  const QJsonObject *oldObject) override;

private:
    ObjectStore *m_store;
};

} // namespace fd::sim
