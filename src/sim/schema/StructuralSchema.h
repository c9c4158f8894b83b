#pragma once

#include "common/Expected.h"
#include "sim/api/ResourceType.h"
#include "sim/schema/FieldError.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <QHash>
#include <QMutex>

#include <memory>

namespace fd::sim {

struct SchemaNode;

// A CRD version's openAPIV3Schema, parsed once, applied to custom resources the way
// apiextensions-apiserver does on every write:
//
//   1. prune()              drop fields the schema does not know (reporting their paths, which
//                           the API layer turns into "strict decoding error: unknown field
//                           \"spec.foo\"" for fieldValidation=Strict, or Warning headers
//                           `unknown field "spec.foo"` for Warn),
//   2. dropNullsWithoutDefaults()  remove nulls the schema does not allow and cannot default,
//   3. applyDefaults()      structural defaulting (absent or disallowed-null fields, nested,
//                           inside items and additionalProperties),
//   4. validate()           types, enums, required, bounds, lengths, patterns, formats.
//
// coerce() runs 1-3 in that order. apiVersion, kind and metadata at the root (and in
// x-kubernetes-embedded-resource objects) are never pruned: ObjectMeta is the API layer's job.
// Walks stop at kMaxDepth levels; validate() reports deeper values as invalid.
class StructuralSchema {
public:
    static constexpr int kMaxDepth = 128;       // nesting of schemas and of walked values
    static constexpr int kMaxNodes = 250000;    // schema nodes per CRD version
    static constexpr int kMaxErrors = 256;      // validate() stops collecting after this many

    StructuralSchema(); // the empty schema: prunes everything but apiVersion/kind/metadata
    // Same as fromJson(); a schema over the limits yields the empty schema.
    explicit StructuralSchema(const QJsonObject &openApiV3Schema);
    // Parses a JSON schema object. Unknown keywords are ignored; malformed parts (a string
    // where a schema belongs) are ignored like absent ones. Fails only when limits are hit.
    static Expected<StructuralSchema, QString> fromJson(const QJsonObject &openApiV3Schema);

    // Prunes in place; returns the removed fields' paths ("spec.foo", "spec.list[0].bar"), sorted.
    QStringList prune(QJsonObject &object) const;
    void dropNullsWithoutDefaults(QJsonObject &object) const;
    void applyDefaults(QJsonObject &object) const;
    FieldErrors validate(const QJsonObject &object) const;
    // prune + dropNullsWithoutDefaults + applyDefaults; returns prune()'s paths.
    QStringList coerce(QJsonObject &object) const;

private:
    std::shared_ptr<const SchemaNode> m_root;
};

// The name the API layer used before this module existed.
using SchemaViolation = FieldError;

// Parsed schemas by group/version/plural, so that big CRD schemas (Fission's Environment is
// 1.3 MB) are parsed once rather than on every write. An entry is reused while the type's
// schema is the same JSON (implicitly shared copies compare in O(1)). Thread-safe.
class StructuralSchemaCache {
public:
    std::shared_ptr<const StructuralSchema> get(const ResourceType &type);
    void clear();

private:
    struct Entry {
        QJsonObject source;
        std::shared_ptr<const StructuralSchema> schema;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace fd::sim
