#pragma once

#include <QStringView>

#include <cstddef>
#include <span>

namespace fd::sim::proto {

// How a protobuf field becomes JSON. Field numbers and kinds mirror the generated.proto
// files of k8s.io/api and k8s.io/apimachinery; JSON names mirror the Go struct tags.
enum class FieldKind {
    String,
    Bytes,        // []byte: base64 string in JSON
    Bool,
    Int64,
    Message,      // nested message (MessageSchema)
    Time,         // metav1.Time {seconds=1, nanos=2}: RFC 3339 string, empty message = null
    FieldsV1,     // metav1.FieldsV1 {Raw=1}: Raw is embedded JSON
    StringMap,    // map<string,string>
    BytesMap,     // map<string,bytes>: base64 values
    StringListMap // map<string,ExtraValue>, ExtraValue = {repeated string items=1}: JSON arrays
};

// Go writes every non-pointer field, zero or not (`12 00`, `38 00`, …). A field tagged
// `omitempty` must then vanish from the JSON when it is zero, as it would have had the
// client sent JSON. Pointer fields and fields without omitempty keep their zero value.
enum class ZeroValue { Omit, Keep };

struct MessageSchema;

struct FieldSchema {
    unsigned number;
    const char *jsonName;
    FieldKind kind;
    bool repeated = false;
    ZeroValue zero = ZeroValue::Omit;
    const MessageSchema *message = nullptr;
};

struct MessageSchema {
    const char *name;
    std::span<const FieldSchema> fields;

    const FieldSchema *field(unsigned number) const
    {
        for (const FieldSchema &f : fields) {
            if (f.number == number)
                return &f;
        }
        return nullptr;
    }
};

// The top-level schema for an apiVersion + kind sent in a runtime.Unknown envelope, or
// nullptr when the emulator has no protobuf decoder for it.
const MessageSchema *schemaForKind(QStringView apiVersion, QStringView kind);

} // namespace fd::sim::proto
