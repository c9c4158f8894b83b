#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fd::sim::fissioninstall {

// RFC 3339 in UTC, as metadata timestamps are written.
QString utcTimestamp(const QDateTime &time);

// Fission objects shaped as the fission CLI (1.20) writes them, for the profiles' tenants.

struct RuntimeImages {
    QString runtime;       // e.g. ghcr.io/fission/node-env
    QString builder;       // empty: no builder (deploy-only packages)
    QString builderCommand;
};

// The environment images Fission publishes (fission/environments), by short name:
// nodejs, python, go, binary.
RuntimeImages runtimeImages(const QString &language);

QJsonObject environmentObject(const QString &name, const QString &namespaceName, const RuntimeImages &images,
                              int poolSize = 3);

enum class PackageWriter {
    Cli,      // `fission package create`: status pending (source) or succeeded (deploy-only), timestamped
    Kubectl,  // a manifest applied with kubectl/GitOps: no status, Fission's webhook fills it in
};

QJsonObject sourcePackageObject(const QString &name, const QString &namespaceName, const QString &environment,
                                const QByteArray &archive, const QString &buildCommand, PackageWriter writer,
                                const QDateTime &now);
QJsonObject deployPackageObject(const QString &name, const QString &namespaceName, const QString &environment,
                                const QByteArray &archive, PackageWriter writer, const QDateTime &now);

struct FunctionShape {
    QString executor = QStringLiteral("poolmgr");   // poolmgr | newdeploy
    int minScale = 0;
    int maxScale = 0;
    QString entryPoint;                             // functionName (handler)
};

QJsonObject functionObject(const QString &name, const QString &namespaceName, const QString &environment,
                           const QString &package, const QString &packageResourceVersion, const FunctionShape &shape);
QJsonObject httpTriggerObject(const QString &name, const QString &namespaceName, const QString &function,
                              const QString &relativeUrl, const QStringList &methods);
QJsonObject timeTriggerObject(const QString &name, const QString &namespaceName, const QString &function,
                              const QString &cron);
QJsonObject fissionTenantObject(const QString &name, const QString &tenantNamespace, const QString &managedBy = {});

// Demo source archives (zip) per language; `failing` plants a compiler error and the
// simulator's marker text `fd-sim: build fails`.
QByteArray demoSource(const QString &language, const QString &function, bool failing = false);

} // namespace fd::sim::fissioninstall
