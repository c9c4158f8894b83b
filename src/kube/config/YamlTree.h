#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

// A small read-only YAML tree built from yaml-cpp's event stream instead of YAML::Node, for
// three reasons:
//  - a syntax error does not lose the whole document: everything parsed before the error is
//    kept, and nodes the error cut off are marked incomplete (so one broken entry does not
//    take the other contexts of the file with it);
//  - every node carries its line/column, and plain (unquoted) scalars are told apart from
//    quoted ones, which YAML 1.1 typing (booleans, sigs.k8s.io/yaml) needs;
//  - no exceptions: lookups never throw, and building is bounded (node budget; yaml-cpp's
//    own depth guard). Aliases share nodes (no expansion, so alias bombs cost nothing) and an
//    alias to a node that is still open (a cycle) becomes null.

namespace fd::kube {

struct YamlMark {
    int line = 0;   // 1-based; 0 = unknown
    int column = 0; // 1-based; 0 = unknown
};

class YamlNode;
using YamlNodePtr = std::shared_ptr<const YamlNode>;

class YamlNode {
public:
    enum class Kind { Null, Scalar, Sequence, Mapping };

    Kind kind = Kind::Null;
    QString scalar;      // Scalar only
    bool quoted = false; // Scalar only: single/double quoted or block scalar (never typed)
    QString tag;         // explicit tag ("tag:yaml.org,2002:str", "!foo"); empty when none
    YamlMark mark;
    bool complete = true; // false when a syntax error cut the node off
    std::vector<YamlNodePtr> items;                         // Sequence
    std::vector<std::pair<YamlNodePtr, YamlNodePtr>> pairs; // Mapping (keys in document order)

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isSequence() const { return kind == Kind::Sequence; }
    bool isMapping() const { return kind == Kind::Mapping; }

    // The value of a key in a mapping: the LAST occurrence wins (as go-yaml's non-strict
    // decoding does); `<<` merge keys are followed when the key is not present directly.
    // Null for a missing key or a non-mapping node.
    YamlNodePtr value(const QString &key) const;
    // All (key, value) pairs with scalar keys, merge keys resolved, later keys overriding
    // earlier ones (first position kept). Bounded.
    QList<QPair<QString, YamlNodePtr>> mappingEntries() const;
    // Scalar keys that occur more than once in this mapping.
    QStringList duplicateKeys() const;

    // "a mapping", "a sequence", "a string", "null"… for error messages.
    QString kindName() const;
    // YAML 1.1 boolean (go-yaml v2): true/false/yes/no/on/off/y/n in their usual cases; only
    // for plain scalars. nullopt when it is not one.
    std::optional<bool> toBool() const;
};

struct YamlParseError {
    QString message; // yaml-cpp's message, e.g. "illegal map value"
    YamlMark mark;
};

struct YamlDocument {
    YamlNodePtr root;                   // null for an empty document (or nothing parsed)
    std::optional<YamlParseError> error; // set when parsing stopped early; root is partial
    bool hasMoreDocuments = false;       // a second `---` document follows (it is ignored)
};

struct YamlLimits {
    int maxNodes = 1'000'000;
};

// Parses the first YAML document of `utf8`. Never throws.
YamlDocument parseYaml(const QByteArray &utf8, const YamlLimits &limits = {});

// Converts a node to JSON as sigs.k8s.io/yaml would (plain scalars typed as YAML 1.1: null,
// booleans, numbers; everything else a string). Bounded by depth and a node budget; returns
// nullopt when they are exceeded.
std::optional<QJsonValue> yamlToJson(const YamlNodePtr &node, int maxDepth = 64, int maxNodes = 100'000);

} // namespace fd::kube
