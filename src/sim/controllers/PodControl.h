#pragma once

#include "common/Expected.h"
#include "sim/api/ApiError.h"
#include "sim/api/ObjectStore.h"
#include "sim/controllers/ControllerContext.h"
#include "sim/controllers/EventRecorder.h"

#include <QJsonObject>
#include <QList>

namespace fd::sim {

// controller.RealPodControl: the pod writes workload controllers make, each followed by the
// event upstream records on the owner (SuccessfulCreate/FailedCreate, SuccessfulDelete/
// FailedDelete).
class PodControl {
public:
    PodControl(ControllerContext *context, EventSource source);

    // `pod` is a ready-made object (see ctrl::podFromTemplate); `owner` receives the events.
    Expected<ObjectRef, ApiError> create(const QJsonObject &owner, const QJsonObject &pod, bool recordEvents = true);
    Expected<bool, ApiError> remove(const QJsonObject &owner, const QJsonObject &pod, bool recordEvents = true);

    // Pods of the owner's namespace whose controller reference is the owner.
    QList<ObjectRef> ownedPods(const QJsonObject &owner) const;

    const EventSource &source() const { return m_source; }

private:
    ControllerContext *m_ctx;
    EventSource m_source;
};

} // namespace fd::sim
