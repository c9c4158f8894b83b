#pragma once

#include "sim/cluster/SimHost.h"

#include <QStringList>

namespace fd::sim {

// The content a simulated cluster starts with, by profile name (`--profile NAME`). Each
// profile is a separate cluster. `empty` is a fresh cluster; the Fission profiles (demo,
// demo-modern, fleet) install Fission the way an admin would.
QStringList availableProfiles();
bool isKnownProfile(const QString &name);
Expected<void, QString> applyProfile(const QString &name, SimCluster &cluster);

} // namespace fd::sim
