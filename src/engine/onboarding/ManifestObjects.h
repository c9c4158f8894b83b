#pragma once

#include "common/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The objects of a rendered chart (`helm template` output, or a release's stored manifest):
// YAML documents separated by `---` lines, each optionally preceded by `# Source: <template>`.

namespace fd::engine::onboarding {

struct ManifestObject {
    QString source; // the template path from "# Source:", when given
    QJsonObject object;

    QString kind() const;
    QString name() const;
    // The object's namespace; namespaced objects without one get the release namespace (as Helm
    // applies them); cluster-scoped kinds have none.
    QString namespaceName() const;
    bool isHook() const; // annotated helm.sh/hook
    QStringList hookEvents() const;
    // "Kind/namespace/name": identity for diffs.
    QString key() const;
};

// Kinds the Fission chart renders without a namespace because they have none.
bool isClusterScopedKind(const QString &kind);

// Parses every document; empty documents are skipped. Objects without metadata.namespace get
// `releaseNamespace` unless their kind is cluster-scoped. Fails on YAML that does not parse or a
// document that is not a map.
fd::Expected<QList<ManifestObject>, QString> parseManifest(const QByteArray &yaml, const QString &releaseNamespace);

} // namespace fd::engine::onboarding
