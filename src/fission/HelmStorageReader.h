#pragma once

#include "fission/HelmReleaseInfo.h"

#include <QHash>
#include <QString>

#include <optional>

namespace fd::fission {

// Reads a Helm release from its storage objects in the ClusterState (Secrets of type
// helm.sh/release.v1 and ConfigMaps labelled owner=helm with the release's `name` label) and
// decodes them with src/helm. Remembers the last answer per release together with the storage
// objects' resourceVersions, so an unchanged release is not gunzipped and parsed again when the
// install report is recomputed after some unrelated change.
class StoredHelmReleaseReader final : public HelmReleaseReader
{
public:
    std::optional<HelmReleaseInfo> read(const ClusterState &state, const QString &namespaceName,
                                        const QString &releaseName) override;

    // How many times storage objects were actually decoded (tests, benchmarks).
    int decodeCount() const { return m_decodes; }

private:
    struct Cached {
        QString fingerprint;
        std::optional<HelmReleaseInfo> info;
    };
    QHash<QString, Cached> m_cache; // "namespace/name"
    int m_decodes = 0;
};

} // namespace fd::fission
