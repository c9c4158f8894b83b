#pragma once

#include "common/Expected.h"
#include "helm/Release.h"
#include "helm/ReleaseHistory.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace fd::kube {
class RestClient;
}

// What moving a release from one stored revision to another changes (a rollback, or comparing
// two revisions in the history view), from what Helm stored — no rendering needed:
//  - the Deployments/DaemonSets whose pod template differs between the two manifests (they roll;
//    templates are compared as stored, so this is exact for Helm's own view of the objects);
//  - the namespaces Fission serves before and after (user values over the chart's defaults).

namespace fd::engine::onboarding {

struct RevisionChange {
    QStringList rolling;       // "Deployment/executor", sorted
    QStringList created;       // workloads only in the target revision
    QStringList removed;       // workloads only in the current revision
    QStringList namespacesBefore;
    QStringList namespacesAfter;
    QString manifestError;     // a manifest that did not parse (rolling is then unknown)
};

RevisionChange compareRevisions(const fd::helm::Release &from, const fd::helm::Release &to);
// The namespaces a revision serves: additionalFissionNamespaces over the chart's default.
QStringList servedNamespaces(const fd::helm::Release &release);
// The user-supplied values of a revision as YAML (what `helm get values` shows).
QString revisionValuesText(const fd::helm::Release &release);

// Reads the release's stored revisions (Secrets labelled owner=helm,name=<release>); `done` on
// the caller's thread with the revisions or a translated error.
void readReleaseRevisions(fd::kube::RestClient *rest, QObject *context, const QString &namespaceName, const QString &release,
                          std::function<void(const fd::Expected<fd::helm::ReleaseRevisions, QString> &)> done);

} // namespace fd::engine::onboarding
