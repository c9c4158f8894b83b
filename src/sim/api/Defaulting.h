#pragma once

#include "sim/api/ResourceType.h"

#include <QJsonObject>

namespace fd::sim {

enum class Defaulting { Create, Update };

// The defaults kube-apiserver fills into built-in kinds (the apps/v1, batch/v1 and core/v1
// SetDefaults_* functions) that clients and kstatus rely on: Deployment replicas and
// strategy, progressDeadlineSeconds, pod template defaults, Secret type, Service ports,
// namespace finalizer and name label, Job selectors, …
void applyBuiltinDefaults(const ResourceType &type, QJsonObject &object, Defaulting when);

// Defaults of a PodSpec, shared by pods and every pod template.
void defaultPodSpec(QJsonObject &podSpec);

} // namespace fd::sim
