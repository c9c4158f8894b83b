#pragma once

#include "kube/store/KubeObject.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Hand-made Helm release records for the helm module's tests (our own test data, shaped as
// kube-protocol.md §8 describes Helm's storage).

namespace fd::helm::test {

struct ReleaseSpec {
    QString name = QStringLiteral("fission");
    QString namespaceName = QStringLiteral("fission");
    int version = 1;
    QString status = QStringLiteral("deployed");
    QString lastDeployed = QStringLiteral("2024-05-01T10:00:00.123456789Z");
    QJsonObject config;
    QJsonObject chartValues;
    bool withTemplates = true;
};

// The release JSON (as Helm writes it, with a chart carrying templates, a file and a schema).
QJsonObject releaseJson(const ReleaseSpec &spec);
QByteArray compactJson(const QJsonObject &object);

// Storage objects around a release JSON (any bytes: tests put broken payloads in them).
// `helmPayload` is what Helm base64-encodes: normally gzip(JSON).
QByteArray secretJson(const QString &name, const QString &namespaceName, const QJsonObject &labels,
                      const QByteArray &helmPayload, const QString &type = QStringLiteral("helm.sh/release.v1"));
QByteArray configMapJson(const QString &name, const QString &namespaceName, const QJsonObject &labels,
                         const QByteArray &helmPayload);
// The usual labels for a spec (owner=helm, name, status, version).
QJsonObject releaseLabels(const ReleaseSpec &spec);
// A complete Secret/ConfigMap record for a spec.
fd::kube::KubeObject releaseSecret(const ReleaseSpec &spec);
fd::kube::KubeObject releaseConfigMap(const ReleaseSpec &spec);
// Parses object JSON into a KubeObject (fails the test on error via an empty object).
fd::kube::KubeObject objectFromJson(const QByteArray &json);

} // namespace fd::helm::test
