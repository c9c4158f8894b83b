#pragma once

#include "sim/core/GoFormat.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sim {

// Kubernetes name and key rules with kube-apiserver's exact messages
// (k8s.io/apimachinery pkg/util/validation, pkg/api/validate/content, pkg/api/validation).
// The `…Errors` functions return every message the apiserver would report (each becomes
// one `field.Invalid` cause); the `validate…` ones join them with "; " and return nullopt
// for a valid input. Lengths are counted in UTF-8 bytes, as Go's len() does.

QStringList dns1123SubdomainErrors(const QString &value); // most object names, ≤253
QStringList dns1123LabelErrors(const QString &value);     // namespaces, ≤63
QStringList dns1035LabelErrors(const QString &value);     // services, ≤63, starts with a letter
QStringList pathSegmentNameErrors(const QString &value);  // RBAC objects: no '/', '%', not '.'/'..'
QStringList labelKeyErrors(const QString &value);         // qualified name: [prefix/]name
QStringList labelValueErrors(const QString &value);
QStringList configMapKeyErrors(const QString &value);     // ConfigMap/Secret data keys

std::optional<QString> validateDns1123Subdomain(const QString &value);
std::optional<QString> validateDns1123Label(const QString &value);
std::optional<QString> validateDns1035Label(const QString &value);
std::optional<QString> validatePathSegmentName(const QString &value);
std::optional<QString> validateLabelKey(const QString &value);
std::optional<QString> validateLabelValue(const QString &value);
std::optional<QString> validateConfigMapKey(const QString &value);

// Which rule an object's metadata.name follows (apimachinery pkg/api/validation/generic.go).
enum class NameRule { Dns1123Subdomain, Dns1123Label, Dns1035Label, PathSegment };

// Messages for metadata.name, or for metadata.generateName when `isGenerateName`: a
// generateName may end in '-' because random characters follow it.
QStringList objectNameErrors(NameRule rule, const QString &name, bool isGenerateName = false);

// Complete cause messages for metadata.labels / metadata.annotations as the apiserver
// words them: `metadata.labels: Invalid value: "-x": name part must …`. Annotation keys
// are checked case-insensitively and the total size (keys + values) is capped at 256 KiB.
QStringList labelsErrors(const QJsonObject &labels, const QString &fieldPath = QStringLiteral("metadata.labels"));
QStringList annotationsErrors(const QJsonObject &annotations,
                              const QString &fieldPath = QStringLiteral("metadata.annotations"));
constexpr qint64 kTotalAnnotationSizeLimitBytes = 256 * 1024;

// `<fieldPath>: Invalid value: "<value>": <detail>` (field.Invalid(...).Error()).
QString invalidValueMessage(const QString &fieldPath, const QString &value, const QString &detail);

} // namespace fd::sim
