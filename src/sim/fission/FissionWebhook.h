#pragma once

#include "sim/api/ObjectService.h"

namespace fd::sim::fission {

// Fission's admission webhooks (chart `webhook`, failurePolicy Fail, no namespaceSelector):
// they run for every namespace, watched or not, which is why creating objects where Fission
// does not look always succeeds — and why such a Package still gets a status.
//   mpackage.fission.io   (CREATE, UPDATE) an empty buildstatus becomes `none` with a
//                         deployment archive, `pending` with only a source, else `failed`
//                         with "Both source and deployment are empty"; lastUpdateTimestamp
//                         stays unset. Skipped when the CRD has a /status subresource: the
//                         API server then drops what the webhook wrote (main).
//   vpackage.fission.io   (CREATE) literals over 256 KiB are refused.
//   vfunction.fission.io  (CREATE, UPDATE) ConfigMap and Secret references must be in the
//                         Function's namespace.
class FissionWebhook : public AdmissionHook {
public:
    std::optional<ApiError> admit(AdmissionOperation operation, const ResourceType &type, QJsonObject &object,
                                  const QJsonObject *oldObject) override;

    static std::optional<ApiError> admitPackage(AdmissionOperation operation, const ResourceType &type,
                                                QJsonObject &package);
    static std::optional<ApiError> admitFunction(const QJsonObject &function);
};

} // namespace fd::sim::fission
