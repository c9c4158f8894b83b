#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::fission {

class ClusterState;

// What the domain needs from a Fission install's Helm release (kube-protocol.md §8), read from
// the release Secrets (owner=helm) in the release namespace and decoded by src/helm.
struct HelmRevision {
    int revision = 0;
    QString status; // deployed, superseded, failed, pending-install, pending-upgrade, …
    QString chart;  // "fission-all-v1.20.5": chart name-version as `helm history` prints it
    QString appVersion;
    QDateTime updated;
    QString description;
};

struct HelmValuesFacts {
    QString defaultNamespace;           // computed value (chart default "default")
    QStringList additionalNamespaces;   // computed additionalFissionNamespaces
    QString functionNamespace;
    QString builderNamespace;
    QString tenancyMode;                // main charts: tenancy.mode ("" on 1.20)
    std::optional<bool> adoptExistingResources;

    // The watched set these values render (Fission's rule applied to the rendered env).
    QStringList watchedNamespaces() const;
    bool operator==(const HelmValuesFacts &other) const = default;
};

struct HelmReleaseInfo {
    QString name;
    QString namespaceName;
    QString decodeError; // non-empty when no revision could be decoded (translated)

    QList<HelmRevision> history; // oldest first
    int latestRevision = 0;
    QString latestStatus;
    int deployedRevision = 0; // 0: no deployed revision
    QString chartName;        // of the deployed revision, else the latest
    QString chartVersion;
    QString appVersion;

    QJsonObject deployedUserValues;     // `helm get values` of the deployed revision
    QJsonObject deployedComputedValues; // `helm get values -a`
    std::optional<HelmValuesFacts> deployedFacts;
    std::optional<HelmValuesFacts> latestFacts; // when the latest revision is not the deployed one

    // The latest revision is pending-*: an operation is running, or crashed half way (Helm then
    // refuses upgrades with "another operation is in progress").
    bool hasPendingOperation() const { return latestStatus.startsWith(u"pending-"); }
    bool latestFailed() const { return latestStatus == u"failed"; }
};

// Reads a release from its stored revisions. Install detection asks through this interface so
// that decoding (gzip, JSON of a whole chart) happens only when the release's storage objects
// changed, and so tests can supply releases directly.
class HelmReleaseReader
{
public:
    virtual ~HelmReleaseReader();
    // The release `releaseName` in `namespaceName` from the Secrets (and ConfigMaps, Helm's
    // configmap driver) in `state`. nullopt when no revision of it is stored there (installed by
    // other means, or its storage cannot be read).
    virtual std::optional<HelmReleaseInfo> read(const ClusterState &state, const QString &namespaceName,
                                                const QString &releaseName) = 0;
    // Release names stored in a namespace (the `name` label of owner=helm objects), sorted.
    static QStringList releaseNames(const ClusterState &state, const QString &namespaceName);
};

// The Fission facts of a coalesced values document (`helm get values -a`).
HelmValuesFacts helmValuesFacts(const QJsonObject &computedValues);

} // namespace fd::fission
