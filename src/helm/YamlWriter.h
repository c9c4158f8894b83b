#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// JSON values as block-style YAML for people and for Helm (values.yaml, Chart.yaml, the values
// editor's first text). Keys come out in QJsonObject order (sorted, as `helm get values` sorts
// them). A string is written plain only when every YAML reader — go-yaml v2 as Helm uses it
// (YAML 1.1: yes/no/on/off are booleans, 0777 an octal number) and YAML 1.2 — reads it back as
// the same string; otherwise it is double-quoted. Multi-line strings become literal blocks
// (`|`, `|-`, `|+`) when that is exact, else double-quoted with escapes. Numbers keep their
// shortest round-trip form; integral doubles are written without a fraction.

namespace fd::helm {

struct YamlStyle {
    int indent = 2;              // per nesting level of maps
    bool indentSequences = true; // "key:\n  - a" (true) or "key:\n- a" (false, go-yaml's style)
    QByteArray newline = "\n";
};

// A whole document: a map as `key: value` lines ending in a newline; an empty map as "{}\n".
QByteArray toYaml(const QJsonObject &object, const YamlStyle &style = {});

// One scalar as it would appear after "key: " (strings quoted when needed; null, booleans and
// numbers in their YAML form). Not for maps or lists.
QByteArray yamlScalar(const QJsonValue &value);
// A map key (plain when safe, else double-quoted).
QByteArray yamlKey(const QString &key);
// True when `text` can be written as a plain scalar and reads back as that string.
bool isPlainSafe(const QString &text);

} // namespace fd::helm
