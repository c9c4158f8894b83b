#pragma once

#include "common/Expected.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace fd::sim {

// YAML <-> JSON as kube-apiserver does it (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1):
//  - plain scalars: null/~/empty -> null; true/false/yes/no/on/off/y/n (and their Title
//    and UPPER forms) -> booleans; 0x1F, 0o17, 0777 (octal), 0b101, 1_000 -> integers;
//    1.5, 1e3, .5 -> floats; everything else, timestamps included, -> strings;
//    quoted scalars are always strings; explicit tags (!!str, !!int, !!binary, …) obey;
//  - non-string keys become strings (1 -> "1", true -> "true"); null and collection keys
//    are errors; `<<` merge keys and anchors/aliases are expanded (with go-yaml's guard
//    against alias bombs); .inf/.nan values are errors (JSON cannot hold them);
//  - integers above INT64_MAX become doubles (QJsonValue cannot hold a uint64).
// Errors read "yaml: line L, column C: …" (1-based).

enum class YamlDuplicateKeys {
    LastWins, // yaml.YAMLToJSON: the last occurrence wins
    Reject,   // yaml.YAMLToJSONStrict (fieldValidation=Strict): duplicates are an error
};

// The first document of `yaml` (the apiserver ignores any further ones); an empty input
// is null.
fd::Expected<QJsonValue, QString> yamlToJson(const QByteArray &yaml,
                                             YamlDuplicateKeys duplicates = YamlDuplicateKeys::LastWins);

// Every document of a `---`-separated stream, in order. Empty and null documents are
// skipped, as kubectl and Helm skip them.
fd::Expected<QList<QJsonValue>, QString> yamlDocumentsToJson(const QByteArray &yaml,
                                                             YamlDuplicateKeys duplicates = YamlDuplicateKeys::LastWins);

// YAML for `Accept: application/yaml`, shaped like sigs.k8s.io/yaml.JSONToYAML: keys in
// go-yaml's natural order, two-space indent, sequences flush with their key, strings that
// would read back as something else quoted, multi-line strings as literal blocks. Always
// ends with a newline.
QByteArray jsonToYaml(const QJsonValue &value);

} // namespace fd::sim
