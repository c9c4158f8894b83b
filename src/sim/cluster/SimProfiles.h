#pragma once

#include "sim/cluster/SimHost.h"

#include <QStringList>

namespace fd::sim {

// Parameters some profiles take (`--fleet tenants=500,pods=20000,churn=50`).
struct ProfileOptions {
    QString fleet;   // key=value pairs for the fleet profile; empty: its defaults
};

// The content a simulated cluster starts with, by profile name (`--profile NAME`). Each
// profile is a separate cluster:
//  - empty:       a fresh cluster;
//  - demo:        Fission 1.20.5 installed with Helm, watching default and team-a, with
//                 tenants' content and the unwatched namespace `test` (the classic case);
//  - demo-modern: Fission main in dynamic tenancy mode with FissionTenants;
//  - fleet:       a large 1.20 installation written straight into the store, for benchmarks.
QStringList availableProfiles();
bool isKnownProfile(const QString &name);
// A one-line description per profile, for --help.
QString profileSummary(const QString &name);
Expected<void, QString> applyProfile(const QString &name, SimCluster &cluster, const ProfileOptions &options = {});

} // namespace fd::sim
