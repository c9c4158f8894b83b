#include "sim/cluster/SimProfiles.h"

namespace fd::sim {

QStringList availableProfiles()
{
    return {QStringLiteral("empty")};
}

bool isKnownProfile(const QString &name)
{
    return availableProfiles().contains(name);
}

Expected<void, QString> applyProfile(const QString &name, SimCluster &cluster)
{
    Q_UNUSED(cluster);
    if (name == QLatin1String("empty"))
        return {};
    return Unexpected(QStringLiteral("unknown profile \"%1\" (known: %2)")
                          .arg(name, availableProfiles().join(QStringLiteral(", "))));
}

} // namespace fd::sim
