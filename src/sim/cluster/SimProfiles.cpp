#include "sim/cluster/SimProfiles.h"

#include "sim/fissioninstall/DemoProfiles.h"
#include "sim/fissioninstall/FleetProfile.h"

namespace fd::sim {

using namespace Qt::StringLiterals;

QStringList availableProfiles()
{
    return {u"empty"_s, u"demo"_s, u"demo-modern"_s, u"fleet"_s};
}

bool isKnownProfile(const QString &name)
{
    return availableProfiles().contains(name);
}

QString profileSummary(const QString &name)
{
    if (name == "demo"_L1)
        return u"Fission 1.20.5 via Helm, tenants default and team-a, unwatched namespace test"_s;
    if (name == "demo-modern"_L1)
        return u"Fission main (1.27) in dynamic tenancy mode with FissionTenants"_s;
    if (name == "fleet"_L1)
        return u"a large Fission 1.20 installation for benchmarks (see --fleet)"_s;
    if (name == "empty"_L1)
        return u"a fresh cluster"_s;
    return {};
}

Expected<void, QString> applyProfile(const QString &name, SimCluster &cluster, const ProfileOptions &options)
{
    if (name == "empty"_L1)
        return {};
    if (name == "demo"_L1)
        return fissioninstall::installDemo(cluster.objects());
    if (name == "demo-modern"_L1)
        return fissioninstall::installDemoModern(cluster.objects());
    if (name == "fleet"_L1) {
        auto fleet = fissioninstall::FleetOptions::parse(options.fleet);
        if (!fleet)
            return Unexpected(fleet.error());
        return fissioninstall::installFleet(cluster.objects(), *fleet, &cluster);
    }
    return Unexpected(u"unknown profile \"%1\" (known: %2)"_s.arg(name, availableProfiles().join(u", "_s)));
}

} // namespace fd::sim
