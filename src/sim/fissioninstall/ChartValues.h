#pragma once

#include "sim/fissioninstall/FissionFlavor.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fd::sim::fissioninstall {

// The default values of fission-all (`chart.values` in a Helm release record): our own
// statement of every key the chart's templates read, with upstream's defaults, so that a
// real `helm upgrade --reuse-values` (which renders with the old release's coalesced
// values) produces the same objects as a fresh install would.
QJsonObject chartDefaultValues(FissionFlavor flavor);

// Helm's coalescing of user-supplied values over chart defaults: maps merge deeply, any
// other value (lists included) replaces, a null in the user values deletes the key.
QJsonObject coalesceValues(const QJsonObject &defaults, const QJsonObject &userValues);

// What the generator reads from the effective (coalesced) values.
struct FissionChartValues {
    QString releaseName = QStringLiteral("fission");
    QString releaseNamespace = QStringLiteral("fission");
    QString defaultNamespace = QStringLiteral("default");
    QStringList additionalFissionNamespaces;
    QString functionNamespace;     // deprecated remap of `default` (empty = none)
    QString builderNamespace;
    bool createNamespace = true;
    bool disableOwnerReference = false;
    bool adoptExistingResources = false;
    QString repository = QStringLiteral("ghcr.io");
    QString image = QStringLiteral("fission/fission-bundle");
    QString imageTag;
    QString fetcherImage = QStringLiteral("fission/fetcher");
    QString fetcherImageTag;
    QString preUpgradeImage = QStringLiteral("fission/pre-upgrade-checks");
    QString preUpgradeImageTag;
    QString reporterImage = QStringLiteral("fission/reporter");
    bool analytics = true;
    bool preUpgradeChecks = true;
    int routerReplicas = 1;
    // Modern only.
    QString tenancyMode = QStringLiteral("static");   // static | dynamic | cluster
    bool tenantControllerSeedExistingNamespaces = true;
    bool internalAuthEnabled = true;

    static FissionChartValues fromEffectiveValues(const QJsonObject &values, const QString &releaseName,
                                                  const QString &releaseNamespace);

    // The namespaces Fission watches, in the chart's order: defaultNamespace, then the
    // additional ones (the per-namespace RBAC loops and FISSION_RESOURCE_NAMESPACES).
    QStringList watchedNamespaces() const;
    // `fission-function-ns` / `fission-builder-ns`: the remap, else defaultNamespace.
    QString functionNamespaceOrDefault() const;
    QString builderNamespaceOrDefault() const;
    // The fission-bundle image reference as the chart composes it.
    QString bundleImage() const;
};

} // namespace fd::sim::fissioninstall
