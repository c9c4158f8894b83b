#pragma once

#include "sim/api/ResourceType.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace fd::test {

// Parses a JSON object literal written in a test; aborts the test run on a typo.
QJsonObject jsonObject(const char *text);
QJsonValue jsonValue(const char *text);

// YAML documents (separated by ---) as JSON, with YAML 1.2 core-schema typing of plain
// scalars (null, booleans, integers, floats; quoted scalars stay strings). Empty documents
// are skipped. Nothing on a parse error.
std::optional<QList<QJsonValue>> yamlToJson(const QByteArray &yaml);

// A hand-made subset of the built-in catalog (the api module owns the real one): pods,
// namespaces, services, configmaps, secrets, serviceaccounts, deployments, HPAs (v2
// preferred, v1 too), CRDs, SSARs.
QList<fd::sim::ResourceType> sampleBuiltinTypes();
QStringList sampleGroupOrder();
fd::sim::ResourceType sampleType(const QString &group, const QString &version, const QString &kind,
                                 const QString &plural, bool namespaced);

// The Fission CRD fixtures (../shared/fixtures/crds/fission-v1.20.5/*.yaml) by file name,
// or nothing when ../shared is absent.
std::optional<QList<std::pair<QString, QJsonObject>>> fissionCrds();

} // namespace fd::test
